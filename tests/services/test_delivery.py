"""Delivering the outbox (issue 6) to a real SMTP server (aiosmtpd): marked sent only after
the server accepted it, retried with back-off while it is down, shown to the group leader
when failing persists, and sent once however many deliverers run at once."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest
from sqlalchemy import select

from supportdesk.adapters.mail import SmtpSender
from supportdesk.db.engine import Database
from supportdesk.db.models import OutboxMessage
from supportdesk.domain.delivery import MAIL
from supportdesk.domain.errors import PermissionDeniedError
from supportdesk.services import delivery, reminder, team_settings
from supportdesk.services.delivery import DeliveryReport
from supportdesk.ui.i18n import resource_path
from tests.reminder_team import Team
from tests.servers.smtp import SmtpServer, running_smtp

TODAY = date(2026, 12, 1)
START = datetime(2026, 12, 1, 8, 30, tzinfo=UTC)
FONT = resource_path("fonts/SupportDeskSansSC-Regular.ttf")


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    with running_smtp("plain") as server:
        yield server


def _enqueue(team: Team, server: SmtpServer) -> int:
    with team.db.write() as s:
        team_settings.set_many(
            s, {"mail.host": server.host, "mail.port": str(server.port), "mail.security": "none"}
        )
        reminder.enqueue(s, TODAY, now=START)
        return len([r for r in reminder.outbox_rows(s) if r.channel == MAIL])


def _deliver(db: Database, server: SmtpServer, at: datetime, owner: str = "test") -> DeliveryReport:
    def attach(session: object, reminder_id: int) -> object:
        return reminder.letter_attachments(session, reminder_id, FONT, TODAY)  # type: ignore[arg-type]

    sender = SmtpSender(server.settings(), timeout=5)
    return delivery.deliver(db, {MAIL: sender}, owner=owner, attach=attach, now=lambda: at)  # type: ignore[arg-type]


def _states(db: Database) -> list[tuple[str, int]]:
    with db.read() as s:
        rows = s.execute(
            select(OutboxMessage.state, OutboxMessage.attempts)
            .where(OutboxMessage.channel == MAIL)
            .order_by(OutboxMessage.id)
        ).all()
    return [(state, attempts) for state, attempts in rows]


def _expiry_mail(server: SmtpServer) -> EmailMessage:
    (found,) = [m.message for m in server.messages if "director@example.cn" in m.rcpt_tos]
    return found


def test_smtp_down_then_back_delivered_exactly_once_chinese_intact(
    team: Team, smtp: SmtpServer
) -> None:
    mails = _enqueue(team, smtp)
    assert mails == 2  # the expiry letter to the director; last month's missing report
    smtp.stop()
    report = _deliver(team.db, smtp, START)
    assert (report.sent, report.failed) == (0, mails)
    assert _states(team.db) == [("pending", 1)] * mails
    with team.db.read() as s:
        (row, *_rest) = reminder.outbox_rows(s)
    assert str(smtp.port) in row.last_error
    assert row.next_attempt_at is not None
    # Within the back-off nothing is tried, even with the server back.
    smtp.start()
    assert _deliver(team.db, smtp, START + timedelta(seconds=30)) == DeliveryReport(0, 0)
    assert _deliver(team.db, smtp, START + timedelta(seconds=61)) == DeliveryReport(mails, 0)
    assert _deliver(team.db, smtp, START + timedelta(hours=1)) == DeliveryReport(0, 0)
    assert _states(team.db) == [("sent", 2)] * mails
    assert len(smtp.messages) == mails
    letter = _expiry_mail(smtp)
    assert letter["Subject"] == "Maintenance ends in 89 days: 华东电力 调度平台生产"
    assert letter["To"] == "director@example.cn"
    assert letter["Cc"] == "leader@example.cn"
    assert "R-" in letter.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    names = sorted(part.get_filename() or "" for part in letter.iter_attachments())
    assert [Path(n).suffix for n in names] == [".docx", ".pdf"]
    assert all("华东电力" in n for n in names)


def test_a_failure_that_persists_is_shown_and_still_retried(team: Team, smtp: SmtpServer) -> None:
    mails = _enqueue(team, smtp)
    smtp.fail_next(3 * mails, at="DATA")
    at = START
    for attempt in range(1, 4):
        assert _deliver(team.db, smtp, at).failed == mails
        at += delivery.backoff(attempt) + timedelta(seconds=1)
    assert _states(team.db) == [("failing", 3)] * mails
    with team.db.read() as s:
        problems = reminder.outbox_rows(s, problems_only=True)
    assert len(problems) == mails
    assert "451" in problems[0].last_error
    assert _deliver(team.db, smtp, at).sent == mails
    with team.db.read() as s:
        assert reminder.outbox_rows(s, problems_only=True) == []


def test_a_refused_login_is_failing_at_once_without_the_password(team: Team) -> None:
    with running_smtp("starttls", user="desk", password="right-pw") as server:
        mails = _enqueue(team, server)
        sender = SmtpSender(
            server.settings(password="wrong-pw-搜索"), ssl_context=server.client_context, timeout=5
        )
        report = delivery.deliver(team.db, {MAIL: sender}, owner="test", now=lambda: START)
    assert report.failed == mails
    with team.db.read() as s:
        rows = reminder.outbox_rows(s, problems_only=True)
    assert len(rows) == mails
    assert all("wrong-pw" not in r.last_error for r in rows)
    assert not server.messages


def test_the_group_leader_retries_now(team: Team, smtp: SmtpServer) -> None:
    _enqueue(team, smtp)
    smtp.stop()
    _deliver(team.db, smtp, START)
    smtp.start()
    with team.db.read() as s:
        ids = [r.id for r in reminder.outbox_rows(s)]
    with pytest.raises(PermissionDeniedError), team.engineer.write() as s:
        delivery.retry_now(s, ids, now=START)
    with team.leader.write() as s:
        assert delivery.retry_now(s, ids, now=START) == len(ids)
    assert _deliver(team.db, smtp, START + timedelta(seconds=1)).sent == len(ids)


def test_two_deliverers_at_once_send_each_message_once(team: Team, smtp: SmtpServer) -> None:
    mails = _enqueue(team, smtp)
    other = Database(team.db.url, actor=team.db.actor)
    barrier = threading.Barrier(2)
    reports: list[DeliveryReport] = []

    def run(db: Database, owner: str) -> None:
        barrier.wait()
        reports.append(_deliver(db, smtp, START, owner))

    threads = [threading.Thread(target=run, args=(d, o)) for d, o in ((team.db, "a"), (other, "b"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    other.dispose()
    assert sum(r.sent for r in reports) == mails
    assert len(smtp.messages) == mails


def test_a_message_held_by_a_crashed_deliverer_waits_for_its_lease(
    team: Team, smtp: SmtpServer
) -> None:
    mails = _enqueue(team, smtp)
    with team.db.write() as s:
        s.execute(
            OutboxMessage.__table__.update().values(  # type: ignore[attr-defined]
                lease_owner="crashed", lease_until=START + delivery.LEASE
            )
        )
    assert _deliver(team.db, smtp, START + timedelta(minutes=1)) == DeliveryReport(0, 0)
    assert _deliver(team.db, smtp, START + delivery.LEASE + timedelta(seconds=1)).sent == mails
    assert len(smtp.messages) == mails


def test_a_partly_refused_mail_counts_as_sent_and_is_shown(team: Team, smtp: SmtpServer) -> None:
    mails = _enqueue(team, smtp)
    # The letter goes to the director with the group leader copied; the director is refused.
    smtp.fail_next(1, at="RCPT", reply="550 5.1.1 No such user")
    assert _deliver(team.db, smtp, START) == DeliveryReport(mails, 0)
    assert _deliver(team.db, smtp, START + timedelta(days=1)) == DeliveryReport(0, 0)
    assert len(smtp.messages) == mails  # the copy reached the leader once, never again
    with team.db.read() as s:
        (shown,) = reminder.outbox_rows(s, problems_only=True)
    assert (shown.state, shown.recipient) == ("sent", "director@example.cn")
    assert "550" in shown.last_error


def test_an_unexpected_error_fails_that_message_not_the_run(team: Team, smtp: SmtpServer) -> None:
    mails = _enqueue(team, smtp)
    broken = SmtpSender(smtp.settings(host="smtp..example.cn"), timeout=5)  # not a host name
    report = delivery.deliver(team.db, {MAIL: broken}, owner="test", now=lambda: START)
    assert report == DeliveryReport(0, mails)
    with team.db.read() as s:
        problems = reminder.outbox_rows(s, problems_only=True)
    assert [p.state for p in problems] == ["failing"] * mails
