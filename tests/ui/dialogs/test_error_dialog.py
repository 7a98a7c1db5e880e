"""The global error dialog and excepthook: bugs are shown and logged (without secrets), user
errors are shown as warnings, errors in background tasks are not lost."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from supportdesk import bootstrap
from supportdesk.domain.errors import ValidationError
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.error_dialog import error_box, install_excepthook
from supportdesk.ui.main_window import MainWindow
from supportdesk.ui.messages import describe
from supportdesk.ui.tasks import Task, TaskContext
from tests.ui.helpers import keep, open_dialog, wait_idle

URL = "postgresql+psycopg://alice:s3cret-Pa55@db.example.cn:5432/supportdesk"
SECRETS = ("s3cret-Pa55", "hunter2")


@pytest.fixture
def log_file(opened: bootstrap.App) -> Iterator[Path]:
    """The rotating profile log, set up as ui/app.py does; removed again afterwards."""
    root = logging.getLogger()
    level = root.level
    handler = bootstrap.setup_logging(opened.profile)
    yield Path(handler.baseFilename)
    root.removeHandler(handler)
    handler.close()
    root.setLevel(level)


@pytest.fixture
def window(qtbot: QtBot, ctx: UiContext, opened: bootstrap.App, log_file: Path) -> MainWindow:
    shown = keep(qtbot, ctx, MainWindow(ctx, opened.database_label(), log_file=log_file))
    shown.show()
    wait_idle(qtbot, ctx)
    return shown


@pytest.fixture
def hook_restored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)


def raised(error: BaseException) -> tuple[type[BaseException], BaseException, TracebackType]:
    """What sys.excepthook receives for `error` raised in a real call."""
    with pytest.raises(type(error)) as info:
        connect_to_the_team_database(error)
    return info.type, info.value, info.tb


def connect_to_the_team_database(error: BaseException) -> None:
    raise error


def test_a_user_error_is_a_plain_warning(qtbot: QtBot) -> None:
    error = ValidationError("address", "bad_address", value="999.1.1.1")
    box = error_box(None, error, Path("/tmp/x.log"))
    qtbot.addWidget(box)
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.text() == describe(error)
    assert "999.1.1.1" in box.text()
    assert box.detailedText() == ""


def test_a_bug_says_where_the_details_are(qtbot: QtBot) -> None:
    box = error_box(None, KeyError("lost"), Path("/var/log/supportdesk.log"))
    qtbot.addWidget(box)
    assert box.icon() == QMessageBox.Icon.Critical
    assert "log" in box.text()
    assert "/var/log/supportdesk.log" in box.informativeText()
    assert "KeyError" in box.detailedText()


def test_the_details_never_show_a_password(qtbot: QtBot) -> None:
    box = error_box(None, RuntimeError(f"cannot open {URL} with password=hunter2"), None)
    qtbot.addWidget(box)
    details = box.detailedText()
    assert "RuntimeError" in details
    assert "db.example.cn" in details  # still says which server it was
    assert not [secret for secret in SECRETS if secret in details]


@pytest.mark.usefixtures("hook_restored")
def test_excepthook_shows_a_dialog_and_logs_without_secrets(
    qtbot: QtBot, window: MainWindow, log_file: Path
) -> None:
    hook = install_excepthook(window.show_error)
    assert sys.excepthook is hook
    kind, error, tb = raised(RuntimeError(f"cannot open {URL} with password=hunter2"))
    hook(kind, error, tb)
    box = open_dialog(qtbot, window, QMessageBox)
    assert box.icon() == QMessageBox.Icon.Critical
    assert str(log_file) in box.informativeText()
    logged = log_file.read_text(encoding="utf-8")
    assert "unhandled error" in logged
    assert "RuntimeError" in logged
    assert "connect_to_the_team_database" in logged  # the traceback is there
    assert "db.example.cn" in logged  # only the secret is hidden
    for secret in SECRETS:
        assert secret not in logged


@pytest.mark.usefixtures("hook_restored")
def test_excepthook_lets_ctrl_c_through(
    window: MainWindow, log_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    passed_on: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "__excepthook__", lambda kind, *_a: passed_on.append(kind))
    hook = install_excepthook(window.show_error)
    hook(*raised(KeyboardInterrupt()))
    assert passed_on == [KeyboardInterrupt]
    assert [b for b in window.findChildren(QMessageBox) if b.isVisible()] == []
    assert "unhandled error" not in log_file.read_text(encoding="utf-8")


def test_a_bug_in_a_background_task_is_shown_and_logged(
    qtbot: QtBot, ctx: UiContext, window: MainWindow, log_file: Path
) -> None:
    def body(_task: TaskContext) -> None:
        connect_to_the_team_database(RuntimeError(f"lost {URL}"))

    ctx.tasks.start(Task(body, "sync"))
    box = open_dialog(qtbot, window, QMessageBox)
    assert box.icon() == QMessageBox.Icon.Critical
    # The box says the details are in the log: they must be.
    assert str(log_file) in box.informativeText()
    logged = log_file.read_text(encoding="utf-8")
    assert "RuntimeError" in logged
    assert "connect_to_the_team_database" in logged
    for secret in SECRETS:
        assert secret not in logged


def test_a_user_error_in_a_background_task_is_shown(
    qtbot: QtBot, ctx: UiContext, window: MainWindow
) -> None:
    error = ValidationError("port", "bad_port", value="0")

    def body(_task: TaskContext) -> None:
        raise error

    ctx.tasks.start(Task(body, "save"))
    box = open_dialog(qtbot, window, QMessageBox)
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.text() == describe(error)
