"""Confirmation before destructive actions: Enter must not delete; a lost race is a warning."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from supportdesk import bootstrap
from supportdesk.db.engine import Database
from supportdesk.domain.errors import ConflictError
from supportdesk.domain.registry import CustomerForm
from supportdesk.services import registry
from supportdesk.ui.context import UiContext
from supportdesk.ui.pages import customers_page
from supportdesk.ui.pages.customers_page import CustomersPage
from supportdesk.ui.widgets.confirm import confirm, warn
from tests.ui.helpers import answer_modal, click, keep, select, wait_idle


def test_enter_does_not_confirm(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    texts: list[str] = []

    def press_enter(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        texts.append(box.text())
        QTest.keyClick(box, Qt.Key.Key_Return)

    handled = answer_modal(press_enter)
    assert confirm(parent, "Delete customer", "Delete 北京水务?") is False
    assert handled()
    assert texts == ["Delete 北京水务?"]


def test_yes_confirms(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def press_yes(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        yes = box.button(QMessageBox.StandardButton.Yes)
        assert yes is not None
        click(yes)

    handled = answer_modal(press_yes)
    assert confirm(parent, "Delete customer", "Delete 北京水务?") is True
    assert handled()


def test_warn_shows_the_described_error(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[str] = []

    def read_and_close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    handled = answer_modal(read_and_close)
    warn(parent, ConflictError("customer", 1, "zhangsan"))
    assert handled()
    assert len(seen) == 1
    assert "zhangsan" in seen[0]


def test_deleting_a_row_someone_changed_meanwhile_warns_and_deletes_nothing(
    qtbot: QtBot,
    ctx: UiContext,
    opened: bootstrap.App,
    other_session: Callable[[str], Database],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = keep(qtbot, ctx, CustomersPage(ctx))
    page.show()
    wait_idle(qtbot, ctx)
    warned: list[BaseException] = []
    monkeypatch.setattr(customers_page, "confirm", lambda *_a: True)
    monkeypatch.setattr(customers_page, "warn", lambda _parent, error: warned.append(error))
    loaded = select(page.customers, lambda c: c.name.startswith("成都"))
    with other_session("zhangsan").write() as session:
        registry.save_customer(
            session,
            CustomerForm(loaded.name, "成都农商", "成都", id=loaded.id, version=loaded.version),
        )
    click(page.customers.delete_button)
    qtbot.waitUntil(lambda: len(warned) == 1)
    wait_idle(qtbot, ctx)
    [error] = warned
    assert isinstance(error, ConflictError)
    assert error.changed_by == "zhangsan"
    with opened.db.read() as session:
        assert registry.get_customer(session, loaded.id).name == loaded.name
