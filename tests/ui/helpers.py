"""Helpers for GUI tests: wait for tasks, find the dialog a page opened, drive tables."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QAbstractItemModel, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.form_dialog import FormDialog
from supportdesk.ui.models.row_model import ROW_ROLE
from supportdesk.ui.widgets.entity_panel import EntityPanel

W = TypeVar("W", bound=QWidget)
D = TypeVar("D", bound=QDialog)


def wait_idle(qtbot: QtBot, ctx: UiContext) -> None:
    """Until every background task has delivered its result."""
    qtbot.waitUntil(lambda: ctx.tasks.running == 0, timeout=10_000)


def keep(qtbot: QtBot, ctx: UiContext, widget: W) -> W:
    """Register `widget` for clean-up; it is closed only after its tasks have finished, so no
    late result reaches a deleted widget."""
    qtbot.addWidget(widget, before_close_func=lambda _w: wait_idle(qtbot, ctx))
    return widget


def open_dialog(qtbot: QtBot, parent: QWidget, kind: type[D]) -> D:
    """The dialog of `kind` that `parent` has just opened (window-modal, never blocking)."""
    found: list[D] = []

    def visible() -> bool:
        found[:] = [d for d in parent.findChildren(kind) if d.isVisible()]
        return len(found) == 1

    qtbot.waitUntil(visible, timeout=10_000)
    return found[0]


def click(button: QAbstractButton) -> None:
    assert button.isEnabled(), f"{button.text()} is disabled"
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def press_ok(dialog: FormDialog) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None
    click(ok)


def shown_rows(panel: EntityPanel) -> list[Any]:
    """The DTOs in the order the user sees them (after sorting and filtering)."""
    proxy = panel.proxy
    return [proxy.index(r, 0).data(ROW_ROLE) for r in range(proxy.rowCount())]


def select(panel: EntityPanel, match: Callable[[Any], bool]) -> Any:
    """Select the first visible row whose DTO matches, as a click on it would."""
    for row, item in enumerate(shown_rows(panel)):
        if match(item):
            panel.view.selectRow(row)
            assert panel.selected() == item
            return item
    raise AssertionError("no such row")


def widget(dialog: FormDialog, name: str, kind: type[W]) -> W:
    found = dialog.widgets[name]
    assert isinstance(found, kind)
    return found


def set_text(dialog: FormDialog, name: str, text: str) -> None:
    widget(dialog, name, QLineEdit).setText(text)


def text_of(dialog: FormDialog, name: str) -> str:
    return widget(dialog, name, QLineEdit).text()


def set_checked(dialog: FormDialog, name: str, checked: bool) -> None:
    widget(dialog, name, QCheckBox).setChecked(checked)


def choose(dialog: FormDialog, name: str, data: object) -> None:
    combo = widget(dialog, name, QComboBox)
    index = combo.findData(data)
    assert index >= 0, f"{data!r} is not offered in {name}"
    combo.setCurrentIndex(index)


def check_model(tester: ModelTester, model: QAbstractItemModel) -> None:
    """qtmodeltester.check, typed (pytest-qt leaves it unannotated)."""
    tester.check(model)  # type: ignore[no-untyped-call]


def answer_modal(handle: Callable[[QWidget], None]) -> Callable[[], bool]:
    """Hand the next application-modal widget (e.g. a static QMessageBox) to `handle`, which
    must close it. Returns a check that it was handled."""
    done: list[bool] = []
    timer = QTimer(QApplication.instance())
    timer.setInterval(10)
    ticks = [0]

    def tick() -> None:
        ticks[0] += 1
        modal = QApplication.activeModalWidget()
        if modal is not None:
            timer.stop()
            handle(modal)
            done.append(True)
        elif ticks[0] > 1000:  # ~10 s: give up rather than hang the suite
            timer.stop()

    timer.timeout.connect(tick)
    timer.start()
    return lambda: bool(done)
