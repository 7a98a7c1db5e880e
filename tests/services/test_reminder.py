"""Reminders (issue 6): raised once, into the outbox once per recipient, channel and
escalation step; acknowledged and assigned by the sales director, followed up by the
salesperson. On SQLite and PostgreSQL, each person connected as themself."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from supportdesk.crypto import vault_crypto
from supportdesk.db.engine import Database
from supportdesk.db.models import AuditEvent, OutboxMessage, Reminder
from supportdesk.domain.changes import ChangeForm
from supportdesk.domain.errors import PermissionDeniedError, ValidationError
from supportdesk.domain.registry import ContractForm
from supportdesk.domain.reminder import EXPIRY
from supportdesk.domain.vault import CredentialForm
from supportdesk.services import changes, registry, reminder, team_settings, vault
from tests.reminder_team import Team

TODAY = date(2026, 12, 1)
NOW = datetime(2026, 12, 1, 8, 30, tzinfo=UTC)


def _messages(db: Database, rule: str = EXPIRY) -> list[tuple[str, str, int, str]]:
    with db.read() as s:
        rows = s.execute(
            select(
                OutboxMessage.channel, OutboxMessage.recipient, OutboxMessage.step, OutboxMessage.cc
            )
            .where(OutboxMessage.rule == rule)
            .order_by(OutboxMessage.id)
        ).all()
    return [(c, r.split("_")[0], step, cc) for c, r, step, cc in rows]


def _run(db: Database, day: date) -> int:
    with db.write() as s:
        return reminder.enqueue(s, day, now=datetime.combine(day, NOW.timetz()))


def _expiry(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(Reminder.id).where(Reminder.rule == EXPIRY)) or 0)


def test_raised_once_into_each_channel_once(team: Team) -> None:
    with team.db.read() as s:
        (found,) = [d for d in reminder.due(s, TODAY) if d.rule == EXPIRY]
    assert (found.subject, found.due_on) == (
        f"contract:{team.contract}:2027-02-28",
        date(2026, 11, 28),
    )
    added = _run(team.db, TODAY)
    assert _run(team.db, TODAY) == 0
    assert _run(team.db, TODAY + timedelta(days=1)) == 0  # the next day: the same reminder
    # The director gets the letter, the group leader a copy; both have it in the app.
    assert sorted(_messages(team.db)) == [
        ("inbox", "zongjian", 0, ""),
        ("inbox", "zuzhang", 0, ""),
        ("mail", "director@example.cn", 0, "leader@example.cn"),
    ]
    assert added == len(_messages(team.db)) + len(_messages(team.db, reminder.INSPECTION_OVERDUE))
    with team.db.read() as s:
        assert (
            s.scalar(select(func.count()).select_from(Reminder).where(Reminder.rule == EXPIRY)) == 1
        )


def test_robots_and_customer_copies_come_from_settings(team: Team) -> None:
    with team.db.write() as s:
        team_settings.set_many(s, {"robots.wecom.url": "https://qyapi.example/send?key=k"})
        reminder.set_customer_cc(s, team.customer, ["account@customer.cn"])
    _run(team.db, TODAY)
    channels = {(c, r, cc) for c, r, _step, cc in _messages(team.db)}
    assert ("wecom", "wecom", "") in channels
    assert ("mail", "director@example.cn", "leader@example.cn,account@customer.cn") in channels
    assert not any(c in ("dingtalk", "feishu") for c, _r, _cc in channels)


def test_a_changed_end_date_makes_a_new_reminder_a_renewal_stops_it(team: Team) -> None:
    _run(team.db, TODAY)
    with team.db.write() as s:
        (row,) = [c for c in registry.list_contracts(s) if c.id == team.contract]
        registry.save_contract(
            s,
            ContractForm(
                team.system, row.start, date(2027, 1, 31), "paid", id=row.id, version=row.version
            ),
        )
    before = len(_messages(team.db))
    assert _run(team.db, TODAY) > 0  # a new due date: a new reminder, sent again
    assert len(_messages(team.db)) > before
    with team.db.write() as s:
        registry.save_contract(
            s, ContractForm(team.system, date(2027, 2, 1), date(2028, 1, 31), "paid")
        )
    with team.db.read() as s:
        assert [d for d in reminder.due(s, TODAY) if d.rule == EXPIRY] == []


def test_unacknowledged_it_escalates_once_per_step_and_stops_when_acknowledged(
    team: Team,
) -> None:
    _run(team.db, TODAY)
    assert _run(team.db, TODAY + timedelta(days=6)) == 0
    added = _run(team.db, TODAY + timedelta(days=7))  # a week unread: to both again
    assert added > 0
    step1 = [m for m in _messages(team.db) if m[2] == 1]
    assert {(c, r) for c, r, _s, _cc in step1} >= {
        ("mail", "director@example.cn"),
        ("inbox", "zongjian"),
        ("inbox", "zuzhang"),
    }
    assert _run(team.db, TODAY + timedelta(days=8)) == 0  # step 1 once
    with team.director.write() as s:
        reminder.acknowledge(s, _expiry(team.db), team.login("xiaoshou"))
    assert _run(team.db, TODAY + timedelta(days=14)) == 0  # acknowledged: no step 2
    with team.db.read() as s:
        row = reminder.get_reminder(s, _expiry(team.db))
        events = s.scalars(
            select(AuditEvent.action).where(AuditEvent.target == f"reminder:{row.id}")
        ).all()
    assert (row.escalations, row.assigned_to, row.outcome) == (1, team.login("xiaoshou"), "pending")
    assert row.acknowledged_by == team.login("zongjian")
    assert list(events) == ["reminder.escalate", "reminder.acknowledge"]


def test_a_late_first_run_sends_one_step_not_a_burst(team: Team) -> None:
    _run(team.db, date(2027, 1, 20))  # nobody ran anything for weeks after the due date
    assert {step for _c, _r, step, _cc in _messages(team.db)} == {0}


def test_escalations_stop_at_the_setting(team: Team) -> None:
    with team.db.write() as s:
        team_settings.set_many(s, {"reminders.max_escalations": "1"})
    _run(team.db, TODAY)
    for days in (7, 14, 21):
        _run(team.db, TODAY + timedelta(days=days))
    assert {step for _c, _r, step, _cc in _messages(team.db)} == {0, 1}


def test_who_may_acknowledge_and_follow_up(team: Team) -> None:
    _run(team.db, TODAY)
    key = _expiry(team.db)
    with pytest.raises(PermissionDeniedError), team.engineer.write() as s:
        reminder.acknowledge(s, key, team.login("xiaoshou"))
    with pytest.raises(ValidationError) as bad, team.director.write() as s:
        reminder.acknowledge(s, key, team.login("gongcheng"))  # an engineer does not sell
    assert bad.value.field == "assign"
    with team.db.read() as s:
        assert reminder.get_reminder(s, key).acknowledged_at is None  # nothing changed
    with team.director.write() as s:
        reminder.acknowledge(s, key, team.login("xiaoshou"))
    with team.sales.write() as s:
        row = reminder.record_outcome(s, key, "renewed", "续签一年")
    assert (row.outcome, row.outcome_note) == ("renewed", "续签一年")
    with pytest.raises(ValidationError), team.sales.write() as s:
        reminder.record_outcome(s, key, "forgotten")


def test_a_salesperson_follows_up_only_their_own(team: Team) -> None:
    _run(team.db, TODAY)
    with pytest.raises(PermissionDeniedError), team.sales.write() as s:
        reminder.record_outcome(s, _expiry(team.db), "lost")


def test_the_inbox_and_reading_it(team: Team) -> None:
    _run(team.db, TODAY)
    director = team.login("zongjian")
    with team.director.read() as s:
        unread = reminder.inbox(s, director, unread_only=True)
    assert unread
    assert "华东电力" in next(i.title for i in unread if i.reminder_id == _expiry(team.db))
    with team.director.write() as s:
        reminder.acknowledge(s, _expiry(team.db))  # reading it through acknowledging
    with team.director.read() as s:
        assert [
            i
            for i in reminder.inbox(s, director, unread_only=True)
            if i.reminder_id == _expiry(team.db)
        ] == []


def test_two_runs_at_once_add_one_set(team: Team) -> None:
    other = Database(team.db.url, actor=team.db.actor)
    barrier = threading.Barrier(2)
    results: list[int] = []

    def run(database: Database) -> None:
        barrier.wait()
        results.append(_run(database, TODAY))

    threads = [threading.Thread(target=run, args=(d,)) for d in (team.db, other)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    other.dispose()
    assert sorted(results)[0] == 0
    with team.db.read() as s:
        total = s.scalar(select(func.count()).select_from(OutboxMessage))
    assert sum(results) == total


def test_the_letter_tells_what_was_delivered(team: Team) -> None:
    told = datetime(2026, 10, 9, 9, tzinfo=UTC)
    form = ChangeForm(
        team.system, "升级调度服务至 3.2 版", "修复内存泄漏", "调度服务", told + timedelta(days=1),
        60, "中断 30 分钟", "回退 3.1 版", "李工", team.login("gongcheng"),
    )  # fmt: skip
    with team.engineer.write() as s:  # the change log feeds the letter's changes
        done = changes.save_change(s, form)
        changes.notify_by_phone(s, done.id, "王工", told, now=told)
        changes.mark_executed(s, done.id, told + timedelta(days=1), now=told + timedelta(days=1))
        changes.save_change(s, replace(form, title="尚未执行的变更"))  # planned: not in it
    _run(team.db, TODAY)
    with team.db.read() as s:
        letter = reminder.letter(s, _expiry(team.db), TODAY)
    assert letter is not None
    assert (letter.customer, letter.system, letter.contract_end, letter.days_left) == (
        "华东电力",
        "调度平台生产",
        date(2027, 2, 28),
        89,
    )
    assert letter.reference == f"R-{_expiry(team.db)}"
    assert [(c.day, c.text) for c in letter.changes] == [
        (date(2026, 10, 10), f"升级调度服务至 3.2 版 (#{done.id})")
    ]
    assert (letter.to_names, letter.cc_names) == (
        (team.login("zongjian"),),
        (team.login("zuzhang"),),
    )


def test_last_months_missing_inspection_report_reminds_the_group_leader(team: Team) -> None:
    _run(team.db, TODAY)
    assert {(c, r) for c, r, _s, _cc in _messages(team.db, reminder.INSPECTION_OVERDUE)} == {
        ("inbox", "zuzhang"),
        ("mail", "leader@example.cn"),
    }
    with team.db.read() as s:
        (due,) = [d for d in reminder.due(s, TODAY) if d.rule == reminder.INSPECTION_OVERDUE]
    assert (due.subject, due.facts["period"]) == (f"system:{team.system}:2026-11", "2026-11")


def test_a_credential_marked_rotation_due_reminds_the_group_leader_until_changed(
    team: Team,
) -> None:
    with team.db.write() as s:
        opened = vault.init_vault(s, "长城-Great-Wall-2026", vault_crypto.new_kdf_params())
    with team.db.write() as s:
        row = vault.save_credential(s, opened, CredentialForm("客户A root", "old-secret"))
    with team.db.write() as s:
        vault.mark_rotation_due(s, [row.id], "handover finished")
    with team.db.read() as s:
        (due,) = [d for d in reminder.due(s, TODAY) if d.rule == reminder.ROTATION_DUE]
    assert (due.subject, due.title) == (f"credential:{row.id}", "客户A root")
    _run(team.db, TODAY)
    assert {(c, r) for c, r, _s, _cc in _messages(team.db, reminder.ROTATION_DUE)} == {
        ("inbox", "zuzhang"),
        ("mail", "leader@example.cn"),
    }
    with team.db.write() as s:
        (current,) = [c for c in vault.list_credentials(s) if c.id == row.id]
        vault.save_credential(
            s,
            opened,
            CredentialForm("客户A root", "new-secret", id=row.id, version=current.version),
        )
    with team.db.read() as s:
        assert [d for d in reminder.due(s, TODAY) if d.rule == reminder.ROTATION_DUE] == []


def test_a_settled_reminder_stops_escalating_and_its_waiting_escalations_are_cancelled(
    team: Team,
) -> None:
    _run(team.db, TODAY)
    _run(team.db, TODAY + timedelta(days=7))  # step 1 queued (the mail server is "down")
    with team.db.read() as s:
        waiting = [r for r in reminder.outbox_rows(s) if r.state == "pending"]
    assert any(r.channel == "mail" and "reminder 1" in r.title for r in waiting)
    with team.director.write() as s:  # renewed, without acknowledging first
        reminder.record_outcome(s, _expiry(team.db), "renewed")
    with team.db.read() as s:
        states = {
            (r.title.startswith("[Not acknowledged"), r.state)
            for r in reminder.outbox_rows(s)
            if r.reminder_id == _expiry(team.db)
        }
    assert states == {(False, "pending"), (True, "cancelled")}
    assert _run(team.db, TODAY + timedelta(days=14)) == 0  # no step 2


@pytest.mark.postgres
@pytest.mark.parametrize("db", ["postgres"], indirect=True)  # SQLite: one user owns the file
def test_on_postgresql_only_the_group_leader_changes_team_settings_even_in_psql(
    team: Team,
) -> None:
    with pytest.raises(DBAPIError, match="group leader"), team.engineer.write() as s:
        s.execute(
            text("UPDATE team_setting SET value = '\"evil.example\"' WHERE key = 'mail.host'")
        )
    with team.leader.write() as s:
        team_settings.set_many(s, {"mail.host": "smtp.example.cn"})
    with team.engineer.write() as s:  # anyone's run still records the day it ran
        reminder.enqueue(s, TODAY, now=NOW)
        reminder.mark_ran(s, TODAY)
    with team.db.read() as s:
        assert team_settings.get(s, "mail.host") == "smtp.example.cn"
        assert reminder.last_run(s) == TODAY
