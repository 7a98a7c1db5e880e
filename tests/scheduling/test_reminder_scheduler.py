"""The reminder scheduler (issue 6): it catches up at start-up on a missed daily run, and
however often it is restarted (10 times here, each as if the last process had crashed
before it recorded the run), every reminder reaches the SMTP server once."""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import delete

from supportdesk.adapters.mail import SmtpSender
from supportdesk.db.engine import Database
from supportdesk.db.models import Setting
from supportdesk.domain.delivery import MAIL, Sender
from supportdesk.scheduling.reminders import ReminderJobs, start
from supportdesk.services import reminder, team_settings
from supportdesk.ui.i18n import resource_path
from tests.reminder_team import Team
from tests.servers.smtp import SmtpServer, running_smtp

TODAY = date(2026, 12, 1)


@pytest.fixture
def smtp(team: Team) -> Iterator[SmtpServer]:
    with running_smtp("plain") as server:
        with team.db.write() as s:
            team_settings.set_many(
                s,
                {
                    "mail.host": server.host,
                    "mail.port": str(server.port),
                    "mail.security": "none",
                    "reminders.time": "00:00",
                },
            )
        yield server


def _jobs(db: Database, server: SmtpServer, owner: str) -> ReminderJobs:
    def senders(_settings: dict[str, Any], channels: set[str]) -> Mapping[str, Sender]:
        return {MAIL: SmtpSender(server.settings(), timeout=5)} if MAIL in channels else {}

    return ReminderJobs(
        db,
        senders,
        resource_path("fonts/SupportDeskSansSC-Regular.ttf"),
        owner,
        today=lambda: TODAY,
    )


def _wait(condition: Any, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def _unsent(db: Database) -> int:
    with db.read() as s:
        return len(reminder.pending(s))


def test_ten_restarts_send_one_mail_per_reminder(team: Team, smtp: SmtpServer) -> None:
    for restart in range(10):
        db = Database(team.db.url, actor=team.db.actor)  # a new process, as it were
        with db.write() as s:  # it crashed before it could record that the rules ran
            s.execute(delete(Setting).where(Setting.key == reminder.LAST_RUN))
        jobs = _jobs(db, smtp, f"desktop {restart}")
        assert jobs.missed()
        scheduler = start(jobs, delivery_seconds=1)
        try:
            _wait(lambda db=db: _unsent(db) == 0 and reminder_ran(db))
        finally:
            scheduler.shutdown(wait=True)
            db.dispose()
    with team.db.read() as s:
        mails = [r for r in reminder.outbox_rows(s) if r.channel == MAIL]
    assert len(mails) == 2  # the expiry letter, last month's missing inspection report
    assert sorted(m.rcpt_tos for m in smtp.messages) == sorted(
        (r.recipient,) + (("leader@example.cn",) if "director" in r.recipient else ())
        for r in mails
    )


def reminder_ran(db: Database) -> bool:
    with db.read() as s:
        return reminder.last_run(s) == TODAY


def test_no_catch_up_once_today_ran(team: Team, smtp: SmtpServer) -> None:
    jobs = _jobs(team.db, smtp, "desktop")
    assert jobs.missed()
    jobs.daily()
    assert not jobs.missed()
    assert len(smtp.messages) == 2


def test_a_failing_job_does_not_stop_the_scheduler(team: Team, smtp: SmtpServer) -> None:
    calls: list[datetime] = []

    def senders(_settings: dict[str, Any], _channels: set[str]) -> Mapping[str, Sender]:
        calls.append(datetime.now(UTC))
        raise RuntimeError("adapter broke")

    jobs = ReminderJobs(
        team.db,
        senders,
        resource_path("fonts/SupportDeskSansSC-Regular.ttf"),
        "x",
        today=lambda: TODAY,
    )
    scheduler = start(jobs, delivery_seconds=1)
    try:
        _wait(lambda: len(calls) >= 3)  # the catch-up, then the delivery job again and again
    finally:
        scheduler.shutdown(wait=True)
    with team.db.read() as s:
        assert reminder.last_run(s) == TODAY


def test_a_changed_daily_time_reaches_a_running_scheduler(team: Team, smtp: SmtpServer) -> None:
    jobs = _jobs(team.db, smtp, "agent")
    jobs.daily()  # nothing to catch up on
    handle = start(jobs, delivery_seconds=3600)
    try:
        daily = handle._scheduler.get_job("reminders.daily")
        assert (str(daily.trigger.fields[5]), str(daily.trigger.fields[6])) == ("0", "0")
        with team.db.write() as s:
            team_settings.set_many(s, {"reminders.time": "07:45"})
        handle._scheduler.get_job("reminders.time").func()  # the 5-minute check, now
        daily = handle._scheduler.get_job("reminders.daily")
        assert (str(daily.trigger.fields[5]), str(daily.trigger.fields[6])) == ("7", "45")
    finally:
        handle.shutdown(wait=True)
