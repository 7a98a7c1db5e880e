"""The reminder scheduler inside the desktop (issue 6): the window starts it once its pages
are up and stops it on close; ui/app.py's jobs read the SMTP password from the vault the
user opened, and while it is locked the mail simply waits."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import delete, select

from supportdesk import bootstrap
from supportdesk.crypto import vault_crypto
from supportdesk.db.models import OutboxMessage, Setting
from supportdesk.domain.vault import CredentialForm
from supportdesk.services import reminder, team_settings, vault
from supportdesk.ui.app import reminder_scheduler
from supportdesk.ui.context import UiContext, VaultSession
from supportdesk.ui.main_window import MainWindow
from tests.servers.smtp import running_smtp
from tests.ui.helpers import keep, wait_idle


class FakeScheduler:
    def __init__(self) -> None:
        self.stopped: list[bool] = []

    def shutdown(self, wait: bool = True) -> None:
        self.stopped.append(wait)


def test_the_window_starts_the_scheduler_after_its_pages_and_stops_it_on_close(
    qtbot: QtBot, ctx: UiContext, opened: bootstrap.App
) -> None:
    fake = FakeScheduler()
    calls: list[Any] = []

    def start(ran: Any) -> FakeScheduler:
        assert threading.current_thread() is not threading.main_thread()  # never the GUI's
        calls.append(ran)
        return fake

    ctx.start_scheduler = start
    window = keep(qtbot, ctx, MainWindow(ctx, opened.database_label()))
    assert calls == []  # not before the first turn of the event loop: the window paints first
    window.show()
    qtbot.waitUntil(lambda: window.scheduler is fake)
    wait_idle(qtbot, ctx)
    # The daily run's callback comes from the scheduler's thread: the page reloads.
    with qtbot.waitSignal(window.reminders.unread_changed):
        threading.Thread(target=calls[0]).start()
    window.close()
    assert fake.stopped == [False]
    assert window.scheduler is None
    assert len(calls) == 1


def _mails(opened: bootstrap.App) -> list[tuple[str, int]]:
    with opened.db.read() as s:
        rows = s.execute(
            select(OutboxMessage.state, OutboxMessage.attempts).where(
                OutboxMessage.channel == "mail"
            )
        ).all()
    return [(state, attempts) for state, attempts in rows]


def _run_once(opened: bootstrap.App, session: VaultSession) -> None:
    """Start the desktop's scheduler as ui/app.py does, wait for its catch-up run, stop it."""
    with opened.db.write() as s:  # a day whose run is owed: the scheduler catches up at once
        s.execute(delete(Setting).where(Setting.key == reminder.LAST_RUN))
    ran = threading.Event()
    scheduler = reminder_scheduler(opened, session)(ran.set)
    try:
        assert ran.wait(60)
    finally:
        scheduler.shutdown(wait=True)


def test_the_desktop_sends_with_the_password_of_the_opened_vault(
    opened: bootstrap.App, monkeypatch: pytest.MonkeyPatch
) -> None:
    with opened.db.write() as s:
        unlocked = vault.init_vault(s, "团队保险库-passphrase-1", vault_crypto.new_kdf_params())
        vault.save_credential(s, unlocked, CredentialForm("smtp-pass", "pw-1", kind="other"))
    with running_smtp("starttls", user="robot", password="pw-1") as server:
        # The default TLS context, verifying, with the test CA as the machine's trust store.
        monkeypatch.setenv("SSL_CERT_FILE", str(server.ca.ca_file))
        with opened.db.write() as s:
            team_settings.set_many(
                s,
                {
                    "mail.host": server.host,
                    "mail.port": str(server.port),
                    "mail.security": "starttls",
                    "mail.user": "robot",
                    "mail.from": "desk@example.cn",
                    "mail.credential": "smtp-pass",
                },
            )
        session = VaultSession()
        _run_once(opened, session)  # locked: the reminders are raised, the mail waits
        waiting = _mails(opened)
        assert waiting
        assert waiting == [("pending", 0)] * len(waiting)
        assert server.messages == []
        session.set(unlocked)
        _run_once(opened, session)
        assert _mails(opened) == [("sent", 1)] * len(waiting)
        assert len(server.messages) == len(waiting)
    unlocked.lock()
