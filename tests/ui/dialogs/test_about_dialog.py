"""About SupportDesk: version, Qt, profile, database and log file."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from supportdesk import __version__, bootstrap
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.about_dialog import about_text
from supportdesk.ui.main_window import MainWindow
from tests.ui.helpers import answer_modal, keep, wait_idle


def test_about_text_names_versions_and_locations() -> None:
    text = about_text("/home/张三/SupportDesk", "desk@db.example.cn:5432/supportdesk", "/x.log")
    for part in (
        __version__,
        qVersion(),
        PySide6.__version__,
        "/home/张三/SupportDesk",
        "desk@db.example.cn:5432/supportdesk",
        "/x.log",
    ):
        assert part in text
    assert "{" not in text


def test_help_menu_shows_the_about_box(qtbot: QtBot, ctx: UiContext, opened: bootstrap.App) -> None:
    log_file = opened.profile.log_dir / "supportdesk.log"
    window = keep(qtbot, ctx, MainWindow(ctx, opened.database_label(), log_file=log_file))
    window.show()
    wait_idle(qtbot, ctx)
    seen: list[tuple[str, str]] = []

    def read_and_close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append((box.windowTitle(), box.text()))
        box.accept()

    handled = answer_modal(read_and_close)
    about = next(a for a in window.findChildren(QAction) if a.text().startswith("&About"))
    about.trigger()  # QMessageBox.about is modal: returns once the box is closed
    assert handled()
    [(title, text)] = seen
    assert title == "About SupportDesk"
    assert __version__ in text
    assert str(opened.profile.root) in text
    assert str(opened.profile.sqlite_file) in text
    assert str(log_file) in text
