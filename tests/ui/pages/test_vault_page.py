"""The vault page: unlock off the GUI thread, add with the generator, reveal and copy audited,
the clipboard cleared only while it still holds the secret, auto-lock after idle, damage."""

from __future__ import annotations

import json
import os
import select as select_module
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from supportdesk import bootstrap
from supportdesk.crypto import vault_crypto
from supportdesk.db.models import AuditEvent, Credential, VaultMember
from supportdesk.domain.errors import SecretDamaged, WrongPassphrase
from supportdesk.domain.passwords import AMBIGUOUS
from supportdesk.domain.vault import CredentialForm
from supportdesk.services import users, vault
from supportdesk.ui.context import UiContext
from supportdesk.ui.messages import describe
from supportdesk.ui.models.row_model import ROW_ROLE
from supportdesk.ui.pages.vault_page import (
    CredentialDialog,
    HistoryDialog,
    ReasonDialog,
    RevealDialog,
    VaultPage,
)
from supportdesk.ui.widgets.secret_clipboard import KDE_HINT
from tests.ui.helpers import click, keep, open_dialog, press_ok, set_text, shown_rows, wait_idle
from tests.ui.helpers import select as select_row
from tests.vault_helpers import seal_as_long_ago

PASSPHRASE = "长城-Great-Wall-2026"
CANARY = "canary-7f3a-密码-Ω"
ROOT = "调度平台 root"


@pytest.fixture
def vault_ready(opened: bootstrap.App) -> None:
    with opened.db.write() as s:
        unlocked = vault.init_vault(s, PASSPHRASE, vault_crypto.new_kdf_params())
        vault.save_credential(s, unlocked, CredentialForm(ROOT, CANARY, kind="server"))
        vault.save_credential(s, unlocked, CredentialForm("db01", "db-secret", kind="database"))
        s.execute(update(Credential).where(Credential.name == "db01").values(rotation_due=True))
    unlocked.lock()


@pytest.fixture
def page(qtbot: QtBot, ctx: UiContext, vault_ready: None) -> Iterator[VaultPage]:
    widget = keep(qtbot, ctx, VaultPage(ctx))
    widget.show()
    wait_idle(qtbot, ctx)
    yield widget
    widget.lock()  # takes the event filter off the application


def unlock(qtbot: QtBot, ctx: UiContext, page: VaultPage, passphrase: str = PASSPHRASE) -> None:
    page.passphrase.setText(passphrase)
    click(page.unlock_button)
    assert not page.unlock_button.isEnabled()  # Argon2id runs in a task, not here
    wait_idle(qtbot, ctx)


def actions(opened: bootstrap.App) -> list[tuple[str, dict[str, object]]]:
    with opened.db.read() as s:
        events = s.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
        return [(e.action, json.loads(e.payload)) for e in events]


def reveal_dialogs(page: VaultPage) -> list[RevealDialog]:
    return [d for d in page.findChildren(RevealDialog) if d.isVisible()]


def test_only_the_right_passphrase_opens_it(qtbot: QtBot, ctx: UiContext, page: VaultPage) -> None:
    assert page.states.currentIndex() == VaultPage.LOCKED
    assert "2" in page.status_label.text()  # two credentials, names not shown while locked
    unlock(qtbot, ctx, page, "not-the-passphrase")
    assert not page.unlocked
    assert page.unlock_error.text() == describe(WrongPassphrase())
    assert page.passphrase.text() == ""
    assert page.passphrase.echoMode() == QLineEdit.EchoMode.Password
    unlock(qtbot, ctx, page)
    assert page.states.currentIndex() == VaultPage.UNLOCKED
    assert page._vault is not None
    assert page.passphrase.text() == ""
    names = [c.name for c in shown_rows(page.credentials)]
    assert sorted(names) == sorted(["db01", ROOT])
    assert "1" in page.rotation_label.text()
    proxy = page.credentials.proxy
    highlighted = {
        proxy.index(r, 0).data(ROW_ROLE).name: proxy.index(r, 5).data(
            Qt.ItemDataRole.BackgroundRole
        )
        is not None
        for r in range(proxy.rowCount())
    }
    assert highlighted == {"db01": True, ROOT: False}  # rotation due: highlighted
    page.credentials.search.setText("db0")
    assert [c.name for c in shown_rows(page.credentials)] == ["db01"]


def test_unlocking_in_the_window_reseals_a_key_kept_under_weak_parameters(
    qtbot: QtBot, ctx: UiContext, page: VaultPage, opened: bootstrap.App
) -> None:
    weak = vault_crypto.KdfParams(t=1, m_kib=64, p=1, salt=b"w" * 16)
    with opened.db.write() as s:
        seal_as_long_ago(s, PASSPHRASE, weak)
    unlock(qtbot, ctx, page)
    assert page.unlocked
    with opened.db.read() as s:
        now = vault_crypto.KdfParams.from_json(s.scalars(select(VaultMember.kdf)).one())
    assert not now.weaker_than(vault_crypto.new_kdf_params())


def test_add_with_the_generator(
    qtbot: QtBot, ctx: UiContext, page: VaultPage, opened: bootstrap.App
) -> None:
    unlock(qtbot, ctx, page)
    click(page.credentials.add_button)
    dialog = open_dialog(qtbot, page, CredentialDialog)
    field = dialog.secret
    assert field.edit.echoMode() == QLineEdit.EchoMode.Password
    field.edit.setText("abc")
    assert "weak" in field.hint.text()
    click(field.generate_button)
    generated = field.text()
    assert len(generated) == 20
    assert not AMBIGUOUS & set(generated)
    assert "very strong" in field.hint.text()
    field.show_toggle.setChecked(True)
    assert field.edit.echoMode() == QLineEdit.EchoMode.Normal
    set_text(dialog, "name", "OA 管理员")
    set_text(dialog, "username", "admin")
    press_ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle(qtbot, ctx)
    assert "OA 管理员" in [c.name for c in shown_rows(page.credentials)]
    with opened.db.write() as s:
        assert vault.reveal(s, vault.unlock(s, PASSPHRASE), "OA 管理员").secret == generated


def test_a_new_credential_needs_a_secret(qtbot: QtBot, ctx: UiContext, page: VaultPage) -> None:
    unlock(qtbot, ctx, page)
    click(page.credentials.add_button)
    dialog = open_dialog(qtbot, page, CredentialDialog)
    set_text(dialog, "name", "empty")
    press_ok(dialog)
    wait_idle(qtbot, ctx)
    assert dialog.isVisible()
    assert dialog.errors["secret"].isVisible()


def test_reveal_is_audited_and_hides_again(
    qtbot: QtBot, ctx: UiContext, page: VaultPage, opened: bootstrap.App
) -> None:
    page.reveal_seconds = 1
    unlock(qtbot, ctx, page)
    select_row(page.credentials, lambda c: c.name == ROOT)
    click(page.reveal_button)
    ask = open_dialog(qtbot, page, ReasonDialog)
    assert ask.ok_button.isEnabled()  # optional by default
    ask.reason.setText("巡检前核对")
    click(ask.ok_button)
    shown = open_dialog(qtbot, page, RevealDialog)
    assert shown.secret.toPlainText() == CANARY
    action, payload = actions(opened)[-1]
    assert (action, payload) == ("credential.reveal", {"credential": ROOT, "reason": "巡检前核对"})
    assert "1" in shown.countdown.text()
    # Not selectable: an X11 selection would keep the secret where nothing clears it.
    assert shown.secret.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction
    qtbot.waitUntil(lambda: not reveal_dialogs(page), timeout=3000)


def test_the_setting_makes_the_reason_required(
    qtbot: QtBot, ctx: UiContext, page: VaultPage
) -> None:
    ctx.config.set("vault.reason_required", "true")
    unlock(qtbot, ctx, page)
    select_row(page.credentials, lambda c: c.name == ROOT)
    click(page.reveal_button)
    ask = open_dialog(qtbot, page, ReasonDialog)
    assert not ask.ok_button.isEnabled()
    ask.reason.setText("   ")
    assert not ask.ok_button.isEnabled()
    ask.reason.setText("工单 42")
    assert ask.ok_button.isEnabled()
    ask.reject()


def test_copy_clears_the_clipboard_only_while_it_holds_the_secret(
    qtbot: QtBot, ctx: UiContext, page: VaultPage, opened: bootstrap.App
) -> None:
    clipboard = QGuiApplication.clipboard()
    assert page.clipboard_ms == 30_000  # the default setting
    page.clipboard_ms = 300
    unlock(qtbot, ctx, page)
    select_row(page.credentials, lambda c: c.name == ROOT)

    def copy() -> None:
        click(page.copy_button)
        click(open_dialog(qtbot, page, ReasonDialog).ok_button)
        qtbot.waitUntil(lambda: clipboard.text() == CANARY)

    copy()
    data = clipboard.mimeData()
    assert data is not None
    assert data.data(KDE_HINT).data() == b"secret"
    assert actions(opened)[-1][0] == "credential.copy"
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=3000)

    copy()
    clipboard.setText("the user copied something else")
    qtbot.waitUntil(lambda: not page.clipboard.pending, timeout=3000)
    assert clipboard.text() == "the user copied something else"


def test_quitting_leaves_no_secret_on_the_clipboard(
    qtbot: QtBot, ctx: UiContext, page: VaultPage
) -> None:
    clipboard = QGuiApplication.clipboard()
    unlock(qtbot, ctx, page)
    select_row(page.credentials, lambda c: c.name == ROOT)
    click(page.copy_button)
    click(open_dialog(qtbot, page, ReasonDialog).ok_button)
    qtbot.waitUntil(lambda: clipboard.text() == CANARY)
    app = QCoreApplication.instance()
    assert app is not None
    app.aboutToQuit.emit()  # what QApplication.quit() sends before the event loop ends
    assert clipboard.text() == ""
    assert page.clipboard.pending is False


def test_idle_minutes_lock_it_and_forget_the_keys(
    qtbot: QtBot, ctx: UiContext, page: VaultPage
) -> None:
    assert page.idle_ms == 5 * 60_000  # the default setting
    page.idle_ms = 300
    unlock(qtbot, ctx, page)
    opened = page._vault
    assert opened is not None
    assert opened.keys
    qtbot.waitUntil(lambda: not page.unlocked, timeout=3000)
    assert opened.keys == {}
    assert page.states.currentIndex() == VaultPage.LOCKED
    assert shown_rows(page.credentials) == []


def test_a_resume_after_the_idle_time_locks_it(
    qtbot: QtBot, ctx: UiContext, page: VaultPage
) -> None:
    unlock(qtbot, ctx, page)
    assert page.wall_check.isActive()
    page.check_idle_by_wall_clock()
    assert page.unlocked  # just opened: not idle
    # The machine slept for longer than the idle time: the idle timer did not run meanwhile.
    page._last_active -= page.idle_ms / 1000 + 1
    assert page.idle_timer.isActive()
    page.check_idle_by_wall_clock()
    assert page.states.currentIndex() == VaultPage.LOCKED
    assert page._vault is None
    assert not page.wall_check.isActive()


def test_any_input_restarts_the_idle_timer(qtbot: QtBot, ctx: UiContext, page: VaultPage) -> None:
    page.idle_ms = 10_000
    unlock(qtbot, ctx, page)
    qtbot.wait(100)
    before = page.idle_timer.remainingTime()
    assert before < 9_950
    QTest.keyClick(page.credentials.search, Qt.Key.Key_A)
    assert page.idle_timer.remainingTime() > before


def test_the_lock_button_forgets_the_keys_and_closes_what_shows_a_secret(
    qtbot: QtBot, ctx: UiContext, page: VaultPage
) -> None:
    unlock(qtbot, ctx, page)
    opened = page._vault
    assert opened is not None
    select_row(page.credentials, lambda c: c.name == ROOT)
    click(page.reveal_button)
    click(open_dialog(qtbot, page, ReasonDialog).ok_button)
    shown = open_dialog(qtbot, page, RevealDialog)
    assert shown.secret.toPlainText() == CANARY
    click(page.lock_button)
    assert not page.unlocked
    assert opened.keys == {}
    assert not reveal_dialogs(page)


def test_a_damaged_secret_shows_the_message_never_garbage(
    qtbot: QtBot, ctx: UiContext, page: VaultPage, opened: bootstrap.App
) -> None:
    with opened.db.write() as s:
        blob = s.scalar(select(Credential.secret).where(Credential.name == ROOT))
        s.execute(update(Credential).where(Credential.name == "db01").values(secret=blob))
    unlock(qtbot, ctx, page)
    select_row(page.credentials, lambda c: c.name == "db01")
    click(page.reveal_button)
    click(open_dialog(qtbot, page, ReasonDialog).ok_button)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: page.damaged_box is not None and page.damaged_box.isVisible())
    assert page.damaged_box is not None
    assert page.damaged_box.text() == describe(SecretDamaged())
    assert not reveal_dialogs(page)
    assert actions(opened)[-1][0] == "credential.damaged"


# The real clipboard of an X server: a process copies, another one reads it.
OWNER = textwrap.dedent(
    """
    import subprocess, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from supportdesk.ui.widgets.secret_clipboard import SecretClipboard

    app = QApplication([])
    clip = SecretClipboard()
    READ = [sys.executable, "-c", sys.argv[1]]
    seen = []

    def read():  # another X client, while this one keeps its event loop running
        return subprocess.Popen(READ, stdout=subprocess.PIPE, text=True)

    def step(name, then):
        reader = read()
        def poll():
            if reader.poll() is None:
                QTimer.singleShot(20, poll)
            else:
                seen.append((name, reader.stdout.read().strip()))
                then()
        QTimer.singleShot(0, poll)

    def copied_then_changed():
        clip.copy("xvfb-secret-2", 400)
        app.clipboard().setText("something else")
        QTimer.singleShot(900, lambda: step("changed", app.quit))

    # 5 s: long enough for the reader (a new Python with Qt) to start even on a loaded machine
    # before the clipboard is cleared; the "cleared" look comes 5.3 s after it has read.
    clip.copy("xvfb-secret", 5000)
    step("copied", lambda: QTimer.singleShot(5300, lambda: step("cleared", copied_then_changed)))
    app.exec()
    print(seen)
    """
)
READER = textwrap.dedent(
    """
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    data = app.clipboard().mimeData()
    print(repr((app.clipboard().text(), "x-kde-passwordManagerHint" in data.formats())))
    """
)


@pytest.fixture
def xvfb_display() -> Iterator[str]:
    binary = shutil.which("Xvfb")
    assert binary, "Xvfb is missing: tests/run installs it (apt-get install xvfb)"
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        [binary, "-displayfd", str(write_fd), "-screen", "0", "640x480x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        ready, _w, _x = select_module.select([read_fd], [], [], 10)
        assert ready, "Xvfb did not start"
        number = os.read(read_fd, 64).decode().strip()
        assert number.isdigit(), f"Xvfb said {number!r}"
        yield f":{number}"
    finally:
        os.close(read_fd)
        server.terminate()
        server.wait(10)


def test_the_real_x11_clipboard_is_cleared_only_while_unchanged(
    xvfb_display: str, tmp_path: Path
) -> None:
    env = {**os.environ, "DISPLAY": xvfb_display, "QT_QPA_PLATFORM": "xcb"}
    env.pop("WAYLAND_DISPLAY", None)
    done = subprocess.run(
        [sys.executable, "-c", OWNER, READER],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).parents[3],
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == repr(
        [
            ("copied", repr(("xvfb-secret", True))),
            ("cleared", repr(("", False))),
            ("changed", repr(("something else", False))),
        ]
    )


def test_an_earlier_secret_is_revealed_from_the_history_and_audited(
    qtbot: QtBot, ctx: UiContext, page: VaultPage, opened: bootstrap.App
) -> None:
    with opened.db.write() as s:
        unlocked = vault.unlock(s, PASSPHRASE)
        row = next(r for r in vault.list_credentials(s) if r.name == ROOT)
        vault.save_credential(
            s, unlocked, CredentialForm(ROOT, "新-secret", id=row.id, version=row.version)
        )
    unlocked.lock()
    unlock(qtbot, ctx, page)
    select_row(page.credentials, lambda c: c.name == "db01")
    click(page.history_button)
    empty = open_dialog(qtbot, page, HistoryDialog)
    assert empty.model.rowCount() == 0
    assert not empty.reveal_button.isEnabled()
    empty.reject()
    qtbot.waitUntil(lambda: not [d for d in page.findChildren(HistoryDialog) if d.isVisible()])
    select_row(page.credentials, lambda c: c.name == ROOT)
    click(page.history_button)
    earlier = open_dialog(qtbot, page, HistoryDialog)
    assert earlier.model.rowCount() == 1
    assert earlier.model.index(0, 1).data() == opened_login(opened)
    assert earlier.selected() == earlier.rows[0]  # the newest, chosen for you
    click(earlier.reveal_button)
    ask = open_dialog(qtbot, page, ReasonDialog)
    ask.reason.setText("回滚核对")
    click(ask.ok_button)
    shown = open_dialog(qtbot, page, RevealDialog)
    assert shown.secret.toPlainText() == CANARY
    action, payload = actions(opened)[-1]
    assert action == "credential.reveal"
    assert payload == {
        "credential": ROOT,
        "history": earlier.rows[0].id,
        "reason": "回滚核对",
    }
    click(page.lock_button)  # locking closes the history and the secret
    assert not [d for d in page.findChildren(QDialog) if d.isVisible()]


def opened_login(opened: bootstrap.App) -> str:
    with opened.db.read() as s:
        me = users.current_user(s)
        assert me is not None
        return me.login


def test_an_ssh_keys_passphrase_is_shown_with_it_and_not_selectable(
    qtbot: QtBot, ctx: UiContext, page: VaultPage, opened: bootstrap.App
) -> None:
    key = "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----"
    with opened.db.write() as s:
        unlocked = vault.unlock(s, PASSPHRASE)
        form = CredentialForm("deploy key", key, kind="ssh-key", key_passphrase="钥匙口令")
        vault.save_credential(s, unlocked, form)
    unlocked.lock()
    unlock(qtbot, ctx, page)
    select_row(page.credentials, lambda c: c.name == "deploy key")
    click(page.reveal_button)
    click(open_dialog(qtbot, page, ReasonDialog).ok_button)
    shown = open_dialog(qtbot, page, RevealDialog)
    assert shown.secret.toPlainText() == key
    assert shown.passphrase.text() == "钥匙口令"
    assert shown.passphrase.isVisible()
    assert shown.passphrase.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction
    shown.reject()
    assert shown.passphrase.text() == ""


def test_an_ssh_key_comes_from_its_file_with_its_passphrase(
    qtbot: QtBot, ctx: UiContext, page: VaultPage, opened: bootstrap.App, tmp_path: Path
) -> None:
    key = "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\nBBBB\n-----END OPENSSH PRIVATE KEY-----\n"
    unlock(qtbot, ctx, page)
    click(page.credentials.add_button)
    dialog = open_dialog(qtbot, page, CredentialDialog)
    dialog.secret.load_key("just a password")  # not a key: refused, nothing taken
    assert dialog.secret.text() == ""
    (tmp_path / "id_ed25519").write_text(key, encoding="utf-8")
    dialog.secret._on_key_file_selected(str(tmp_path / "id_ed25519"))
    assert dialog.secret.text() == key
    assert not dialog.secret.edit.isEnabled()
    assert "4" in dialog.secret.hint.text()  # lines, never the key itself
    set_text(dialog, "name", "deploy key")
    kind = dialog.widgets["kind"]
    assert isinstance(kind, QComboBox)
    kind.setCurrentIndex(kind.findData("ssh-key"))
    dialog.key_passphrase.setText("钥匙口令")
    press_ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle(qtbot, ctx)
    with opened.db.write() as s:
        revealed = vault.reveal(s, vault.unlock(s, PASSPHRASE), "deploy key")
    assert (revealed.secret, revealed.passphrase) == (key, "钥匙口令")
