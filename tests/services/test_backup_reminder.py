"""The backup reminder (issue 8, R3.3): the group leader hears of a failed backup check once
per failure, and of a job nobody checked for a week. The checks are recorded as the check
service records them (its SSH side is tested in test_backup.py)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

from supportdesk.db.models import BackupCheck
from supportdesk.domain.backup import BackupKind, JobForm
from supportdesk.domain.registry import HostForm
from supportdesk.services import backup, registry, reminder
from tests.reminder_team import Team

DAY = timedelta(days=1)


def _job(team: Team) -> int:
    with team.db.write() as s:
        host = registry.save_host(s, HostForm(team.system, "db1", "10.0.0.5"))
        form = JobForm(team.system, host.id, "夜间数据库", BackupKind.PG_DUMP, "/srv/backup")
        return backup.save_job(s, form).id


def _checked(team: Team, job: int, day: date, passed: bool, outcome: str = "checked") -> None:
    findings: list[dict[str, object]] = [
        {"code": "fresh" if passed else "stale", "ok": passed, "params": {}}
    ]
    with team.db.write() as s:
        s.add(
            BackupCheck(
                job_id=job,
                checked_at=datetime(day.year, day.month, day.day, 9, tzinfo=UTC),
                passed=passed,
                outcome=outcome,
                findings=json.dumps(findings),
                checked_by="tester",
            )
        )


def _due(team: Team, today: date) -> list[tuple[str, date, str]]:
    with team.db.read() as s:
        return [
            (d.subject.rsplit(":", 1)[1], d.due_on, d.facts["problem"])
            for d in reminder.due(s, today)
            if d.rule == reminder.BACKUP_PROBLEM
        ]


def test_a_failed_check_is_one_reminder_until_a_check_passes(team: Team) -> None:
    job = _job(team)
    start = datetime.now(UTC).date()
    _checked(team, job, start, True)
    _checked(team, job, start, False, "cancelled")  # the user stopped it: no verdict
    assert _due(team, start) == []
    with team.db.read() as s:
        (row,) = backup.jobs(s)
    assert row.last is not None
    assert row.last.passed
    _checked(team, job, start + DAY, False)
    _checked(team, job, start + 2 * DAY, False)  # still failing: the same reminder
    assert _due(team, start + 2 * DAY) == [("failed", start + DAY, "failed")]
    _checked(team, job, start + 3 * DAY, True)
    assert _due(team, start + 3 * DAY) == []
    _checked(team, job, start + 4 * DAY, False)  # a new failure: a new reminder
    assert _due(team, start + 4 * DAY) == [("failed", start + 4 * DAY, "failed")]


def test_a_job_nobody_checked_for_a_week_is_reminded(team: Team) -> None:
    job = _job(team)
    set_up = datetime.now(UTC).date()
    assert _due(team, set_up + 6 * DAY) == []
    assert _due(team, set_up + 7 * DAY) == [("unchecked", set_up + 7 * DAY, "unchecked")]
    _checked(team, job, set_up + 8 * DAY, True)
    assert _due(team, set_up + 14 * DAY) == []
    assert _due(team, set_up + 15 * DAY) == [("unchecked", set_up + 15 * DAY, "unchecked")]
    with team.db.write() as s:
        assert reminder.enqueue(s, set_up + 15 * DAY) >= 1
        titles = [r.title for r in reminder.outbox_rows(s) if "夜间数据库" in r.title]
    assert titles == ["Backups not checked for a week: 华东电力 调度平台生产 夜间数据库"]


def test_a_long_failure_stays_one_reminder(team: Team) -> None:
    job = _job(team)
    start = datetime.now(UTC).date()
    _checked(team, job, start, True)
    for n in range(1, 56):  # more checks than a page of history
        _checked(team, job, start + n * DAY, False)
    assert _due(team, start + 55 * DAY) == [("failed", start + DAY, "failed")]
