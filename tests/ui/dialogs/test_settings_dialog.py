"""This computer's settings: language, database URL, document folder and vault land in the
profile config; a bad value is named by its field and nothing is saved. (The mail server is
the team's: test_team_settings_dialog.py.)"""

from __future__ import annotations

import tomllib

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from supportdesk import bootstrap
from supportdesk.config import Config
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.settings_dialog import SettingsDialog
from supportdesk.ui.main_window import MainWindow
from supportdesk.ui.pages.vault_page import VaultPage
from tests.ui.helpers import click, keep, open_dialog


@pytest.fixture
def dialog(qtbot: QtBot, ctx: UiContext) -> SettingsDialog:
    shown = keep(qtbot, ctx, SettingsDialog(ctx.config))
    shown.open()
    return shown


def save(dialog: SettingsDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    button = box.button(QDialogButtonBox.StandardButton.Save)
    assert button is not None
    click(button)


def reread(opened: bootstrap.App) -> Config:
    return Config(opened.profile)


def test_shows_the_current_config(qtbot: QtBot, ctx: UiContext, opened: bootstrap.App) -> None:
    ctx.config.set("documents.webdav_url", "https://dav.example.cn/docs")
    ctx.config.set("ui.language", "zh_CN")
    ctx.config.set("documents.folder", "/srv/文档")
    shown = keep(qtbot, ctx, SettingsDialog(ctx.config))
    assert shown.webdav.text() == "https://dav.example.cn/docs"
    assert not hasattr(shown, "mail_host")  # the team's setting now, in the database
    assert shown.language.currentData() == "zh_CN"
    assert shown.folder.text() == "/srv/文档"
    assert shown.database.text() == ""


def test_changes_land_in_the_profile_config(
    qtbot: QtBot, dialog: SettingsDialog, opened: bootstrap.App
) -> None:
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.folder.setText("  /srv/售后文档  ")
    dialog.webdav.setText("https://dav.example.cn/docs")
    dialog.database.setText("postgresql+psycopg://desk@db.example.cn:5432/supportdesk")
    with qtbot.waitSignal(dialog.accepted):
        save(dialog)
    config = reread(opened)
    assert config.get("ui.language") == "en"
    assert config.get("documents.folder") == "/srv/售后文档"
    assert config.get("documents.webdav_url") == "https://dav.example.cn/docs"
    assert config.database_url() == "postgresql+psycopg://desk@db.example.cn:5432/supportdesk"
    with opened.profile.config_file.open("rb") as handle:
        stored = tomllib.load(handle)
    assert stored["documents"]["folder"] == "/srv/售后文档"
    assert "mail" not in stored


def test_the_vault_settings_land_in_the_config_and_reach_the_vault_page(
    qtbot: QtBot, dialog: SettingsDialog, ctx: UiContext, opened: bootstrap.App
) -> None:
    assert (dialog.vault_clipboard.value(), dialog.vault_lock.value()) == (30, 5)
    assert not dialog.vault_reason.isChecked()
    dialog.vault_clipboard.setValue(200)  # the box keeps it within 10-120
    dialog.vault_lock.setValue(15)
    dialog.vault_reason.setChecked(True)
    with qtbot.waitSignal(dialog.accepted):
        save(dialog)
    config = reread(opened)
    assert config.get("vault.clipboard_seconds") == 120
    assert config.get("vault.lock_minutes") == 15
    assert config.get("vault.reason_required") is True
    page = keep(qtbot, ctx, VaultPage(ctx))
    assert (page.clipboard_ms, page.idle_ms) == (120_000, 15 * 60_000)


def test_emptying_the_database_url_goes_back_to_sqlite(
    qtbot: QtBot, ctx: UiContext, opened: bootstrap.App
) -> None:
    ctx.config.set("database.url", "postgresql+psycopg://desk@db.example.cn/supportdesk")
    shown = keep(qtbot, ctx, SettingsDialog(ctx.config))
    shown.open()
    assert shown.database.text() == "postgresql+psycopg://desk@db.example.cn/supportdesk"
    shown.database.clear()
    with qtbot.waitSignal(shown.accepted):
        save(shown)
    assert reread(opened).database_url() == f"sqlite:///{opened.profile.sqlite_file}"


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("mysql://desk:hunter2@db.example.cn/supportdesk", "not a supported database"),
        ("postgresql+psycopg://desk:hunter2@db.example.cn/supportdesk", "password"),
    ],
)
def test_a_bad_database_url_is_named_and_nothing_is_saved(
    qtbot: QtBot, dialog: SettingsDialog, opened: bootstrap.App, url: str, says: str
) -> None:
    before = opened.profile.config_file.read_bytes() if opened.profile.config_file.exists() else b""
    dialog.webdav.setText("https://dav.example.cn/docs")  # a good change in the same save
    dialog.database.setText(url)
    rejected: list[int] = []
    dialog.finished.connect(rejected.append)
    save(dialog)
    assert dialog.error.isVisible()
    text = dialog.error.text()
    assert "database URL (database.url)" in text
    assert says in text
    assert "hunter2" not in text  # the screen is no place for a password either
    assert dialog.isVisible()
    assert rejected == []
    after = opened.profile.config_file.read_bytes() if opened.profile.config_file.exists() else b""
    assert after == before
    assert reread(opened).get("documents.webdav_url") == ""


def test_cancel_changes_nothing(
    qtbot: QtBot, dialog: SettingsDialog, opened: bootstrap.App
) -> None:
    dialog.folder.setText("/srv/文档")
    with qtbot.waitSignal(dialog.rejected):
        dialog.reject()
    assert reread(opened).get("documents.folder") == ""


def test_browse_fills_the_document_folder(
    dialog: SettingsDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *_a: "/mnt/文档"))
    browse = next(b for b in dialog.findChildren(QPushButton) if b.text().startswith("Browse"))
    click(browse)
    assert dialog.folder.text() == "/mnt/文档"


def test_main_window_menu_opens_settings_and_announces_changes(
    qtbot: QtBot, ctx: UiContext, opened: bootstrap.App
) -> None:
    window = keep(qtbot, ctx, MainWindow(ctx, opened.database_label()))
    window.show()
    window.settings_action.trigger()
    shown = open_dialog(qtbot, window, SettingsDialog)
    shown.folder.setText("/srv/文档")
    with qtbot.waitSignal(ctx.events.settings_changed):
        save(shown)
    assert reread(opened).get("documents.folder") == "/srv/文档"
