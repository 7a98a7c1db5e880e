"""Settings → Reminders and delivery (issue 6): the team's mail server, robots, daily time and
escalation go to the database together; a bad value is named at its field and nothing is
saved; only whoever may edit settings gets the menu entry."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from supportdesk import bootstrap
from supportdesk.crypto import vault_crypto
from supportdesk.db.engine import Database
from supportdesk.domain.team_settings import TEAM_OPTIONS
from supportdesk.domain.vault import CredentialForm
from supportdesk.services import team_settings, vault
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.team_settings_dialog import TeamSettingsDialog, load
from supportdesk.ui.main_window import MainWindow
from supportdesk.ui.tasks import TaskRunner
from tests.ui.conftest import TODAY
from tests.ui.helpers import click, keep, open_dialog, wait_idle

DEFAULTS = {key: option.default for key, option in TEAM_OPTIONS.items()}


class FakeScheduler:
    def __init__(self) -> None:
        self.stopped: list[bool] = []

    def shutdown(self, wait: bool = True) -> None:
        self.stopped.append(wait)


@pytest.fixture
def credentials(opened: bootstrap.App) -> None:
    with opened.db.write() as s:
        unlocked = vault.init_vault(s, "团队保险库-passphrase-1", vault_crypto.new_kdf_params())
        vault.save_credential(s, unlocked, CredentialForm("smtp-pass", "pw-1", kind="other"))
        vault.save_credential(s, unlocked, CredentialForm("dingtalk-sign", "SEC1", kind="other"))
    unlocked.lock()


@pytest.fixture
def dialog(qtbot: QtBot, ctx: UiContext, opened: bootstrap.App, credentials: None) -> Any:
    with opened.db.read() as s:
        values, names = load(s)
    shown = keep(qtbot, ctx, TeamSettingsDialog(ctx, values, names))
    shown.open()
    return shown


def stored(opened: bootstrap.App) -> dict[str, Any]:
    with opened.db.read() as s:
        return team_settings.all_values(s)


def test_it_saves_every_value_together_and_restarts_the_scheduler(
    qtbot: QtBot, ctx: UiContext, opened: bootstrap.App, credentials: None
) -> None:
    schedulers: list[FakeScheduler] = []

    def start(_ran: Any) -> FakeScheduler:
        schedulers.append(FakeScheduler())
        return schedulers[-1]

    ctx.start_scheduler = start
    window = keep(qtbot, ctx, MainWindow(ctx, opened.database_label()))
    window.show()
    wait_idle(qtbot, ctx)
    assert window.team_settings_action.isEnabled()  # the administrator may
    window.team_settings_action.trigger()
    dialog = open_dialog(qtbot, window, TeamSettingsDialog)
    # The current values: the defaults on a new team database.
    assert dialog.mail_port.text() == "587"
    assert dialog.mail_security.currentData() == "starttls"
    assert dialog.time.time() == QTime(8, 30)
    assert dialog.values()["reminders.time"] == "08:30"
    names = [dialog.mail_credential.itemText(i) for i in range(dialog.mail_credential.count())]
    assert names == ["", "dingtalk-sign", "smtp-pass"]  # offered from the vault
    url = dialog.robot_urls["dingtalk"]
    assert url.edit.echoMode() == QLineEdit.EchoMode.Password  # its query is the token
    url.show_toggle.setChecked(True)
    assert url.edit.echoMode() == QLineEdit.EchoMode.Normal

    dialog.mail_host.setText("smtp.exmail.qq.com")
    dialog.mail_port.setText("465")
    dialog.mail_security.setCurrentIndex(dialog.mail_security.findData("ssl"))
    dialog.mail_user.setText("desk@example.cn")
    dialog.mail_from.setText("desk@example.cn")
    dialog.mail_credential.setCurrentText("smtp-pass")
    url.edit.setText("https://oapi.dingtalk.com/robot/send?access_token=abc123")
    dialog.robot_secrets["dingtalk"].setCurrentText("dingtalk-sign")
    dialog.time.setTime(QTime(7, 45))
    dialog.escalate_days.setValue(5)
    dialog.max_escalations.setValue(2)
    click(dialog.save_button)
    wait_idle(qtbot, ctx)
    assert not window.findChildren(TeamSettingsDialog)  # closed once saved
    assert stored(opened) == {
        **DEFAULTS,
        "mail.host": "smtp.exmail.qq.com",
        "mail.port": 465,
        "mail.security": "ssl",
        "mail.user": "desk@example.cn",
        "mail.from": "desk@example.cn",
        "mail.credential": "smtp-pass",
        "robots.dingtalk.url": "https://oapi.dingtalk.com/robot/send?access_token=abc123",
        "robots.dingtalk.secret": "dingtalk-sign",
        "reminders.time": "07:45",
        "reminders.escalate_days": 5,
        "reminders.max_escalations": 2,
    }
    # The daily time is read when the scheduler starts: it was started again.
    assert len(schedulers) == 2
    assert schedulers[0].stopped == [False]
    assert window.scheduler is schedulers[1]


@pytest.mark.parametrize(
    ("key", "change", "says"),
    [
        ("mail.port", lambda d: d.mail_port.setText("70000"), "70000 is not a port"),
        ("mail.port", lambda d: d.mail_port.setText("smtp"), "smtp is not a port"),
        ("mail.from", lambda d: d.mail_from.setText("desk-at-example"), "desk-at-example"),
        (
            "mail.credential",
            lambda d: d.mail_credential.setCurrentText("no-such"),
            "no credential named 'no-such'",
        ),
    ],
)
def test_a_bad_value_is_named_at_its_field_and_nothing_is_saved(
    qtbot: QtBot,
    ctx: UiContext,
    opened: bootstrap.App,
    dialog: TeamSettingsDialog,
    key: str,
    change: Any,
    says: str,
) -> None:
    dialog.mail_host.setText("smtp.exmail.qq.com")  # good changes in the same save
    dialog.mail_from.setText("desk@example.cn")
    dialog.escalate_days.setValue(9)
    change(dialog)
    click(dialog.save_button)
    wait_idle(qtbot, ctx)
    assert dialog.isVisible()
    error = dialog.errors[key]
    assert error.isVisible()
    assert f"({key})" in error.text()  # names the setting as `supportdesk` spells it
    assert says in error.text()
    assert "c62828" in dialog.labels[key].styleSheet()  # the field's label turns red
    assert [k for k, label in dialog.errors.items() if label.isVisible()] == [key]
    assert stored(opened) == DEFAULTS
    # Corrected, it saves.
    dialog.mail_port.setText("465")
    dialog.mail_from.setText("desk@example.cn")
    dialog.mail_credential.setCurrentText("smtp-pass")
    click(dialog.save_button)
    wait_idle(qtbot, ctx)
    assert stored(opened)["mail.host"] == "smtp.exmail.qq.com"
    assert stored(opened)["reminders.escalate_days"] == 9


def test_a_bad_webhook_is_named_without_showing_its_token(
    qtbot: QtBot, ctx: UiContext, opened: bootstrap.App, dialog: TeamSettingsDialog
) -> None:
    dialog.robot_urls["wecom"].edit.setText("ftp://qyapi.weixin.qq.com/send?key=TOKEN-9f2")
    click(dialog.save_button)
    wait_idle(qtbot, ctx)
    text = dialog.errors["robots.wecom.url"].text()
    assert "WeCom webhook (robots.wecom.url)" in text
    assert "TOKEN-9f2" not in text
    assert stored(opened)["robots.wecom.url"] == ""


@pytest.fixture
def engineer(opened: bootstrap.App) -> Iterator[UiContext]:
    db = Database(opened.db.url, actor="zhangsan")
    runner = TaskRunner(db)
    yield UiContext(runner, opened.config, today=lambda: TODAY)
    assert runner.shutdown(10_000)
    db.dispose()


def test_only_whoever_may_edit_settings_gets_the_menu_entry(
    qtbot: QtBot, engineer: UiContext, opened: bootstrap.App
) -> None:
    window = keep(qtbot, engineer, MainWindow(engineer, opened.database_label()))
    window.show()
    wait_idle(qtbot, engineer)
    qtbot.waitUntil(lambda: "张三" in window.user_label.text())
    assert not window.team_settings_action.isEnabled()
    assert "group leader" in window.team_settings_action.toolTip()


def test_the_service_manual_upload_is_saved_with_the_other_settings(
    qtbot: QtBot, ctx: UiContext, opened: bootstrap.App, dialog: TeamSettingsDialog
) -> None:
    # Nothing is uploaded by default: only the grouping (exports use it too) is open.
    assert dialog.upload_kind.currentData() == "none"
    editors = [dialog.upload_folder, dialog.upload_url, dialog.upload_user]
    assert not any(e.isEnabled() for e in [*editors, dialog.upload_credential, dialog.formats])
    assert dialog.grouping.isEnabled()
    dialog.upload_kind.setCurrentIndex(dialog.upload_kind.findData("folder"))
    assert dialog.upload_folder.isEnabled()
    assert dialog.browse_button.isEnabled()
    assert not dialog.upload_url.isEnabled()
    dialog.upload_kind.setCurrentIndex(dialog.upload_kind.findData("webdav"))
    assert not dialog.upload_folder.isEnabled()
    assert dialog.upload_url.isEnabled()
    assert dialog.upload_credential.isEnabled()
    assert dialog.formats.isEnabled()
    dialog.upload_url.setText("https://dms.example.cn/dav/售后服务手册/")
    dialog.upload_user.setText("shouhou")
    dialog.upload_credential.setCurrentText("smtp-pass")
    dialog.grouping.setCurrentIndex(dialog.grouping.findData("category"))
    dialog.formats.setCurrentIndex(dialog.formats.findData("docx"))
    dialog.escalate_days.setValue(4)  # a reminder setting in the same save
    click(dialog.save_button)
    wait_idle(qtbot, ctx)
    assert not dialog.isVisible()
    assert stored(opened) == {
        **DEFAULTS,
        "reminders.escalate_days": 4,
        "faq.upload.kind": "webdav",
        "faq.upload.url": "https://dms.example.cn/dav/售后服务手册/",
        "faq.upload.user": "shouhou",
        "faq.upload.credential": "smtp-pass",
        "faq.export.grouping": "category",
        "faq.export.formats": "docx",
    }


@pytest.mark.parametrize(
    ("url", "says", "hidden"),
    [
        ("ftp://dms.example.cn/dav/", "'ftp://dms.example.cn/dav/' is not a web address", ""),
        ("https://desk:口令@dms.example.cn/dav/", "is not a web address", "口令"),
        ("", "is required", ""),
    ],
)
def test_a_bad_upload_url_is_named_at_its_field_on_its_tab(
    qtbot: QtBot,
    ctx: UiContext,
    opened: bootstrap.App,
    dialog: TeamSettingsDialog,
    url: str,
    says: str,
    hidden: str,
) -> None:
    dialog.upload_kind.setCurrentIndex(dialog.upload_kind.findData("webdav"))
    dialog.upload_url.setText(url)
    dialog.escalate_days.setValue(9)
    dialog.tabs.setCurrentIndex(0)  # the user is looking at the reminders
    click(dialog.save_button)
    wait_idle(qtbot, ctx)
    assert dialog.isVisible()
    assert dialog.tabs.currentIndex() == 1  # brought into view
    error = dialog.errors["faq.upload.url"]
    assert error.isVisible()
    assert "(faq.upload.url)" in error.text()
    assert says in error.text()
    if hidden:
        assert hidden not in error.text()  # a password never shows
    assert stored(opened) == DEFAULTS  # nothing saved
    dialog.upload_url.setText("http://dms.example.cn/dav/")
    click(dialog.save_button)
    wait_idle(qtbot, ctx)
    assert stored(opened)["faq.upload.url"] == "http://dms.example.cn/dav/"
    assert stored(opened)["reminders.escalate_days"] == 9
