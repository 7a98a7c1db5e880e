"""Maintenance contracts: create, edit, delete with confirmation, search, field errors,
stale edits, and the notice highlight (R4.1)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox
from pytestqt.qtbot import QtBot

from supportdesk import bootstrap
from supportdesk.db.engine import Database
from supportdesk.domain.registry import ContractForm, ContractRow, expiring_within
from supportdesk.services import registry
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.form_dialog import FormDialog, OptionalDate
from supportdesk.ui.models.row_model import ROW_ROLE
from supportdesk.ui.pages import contracts_page
from supportdesk.ui.pages.contracts_page import ContractsPage
from tests.ui.helpers import (
    choose,
    click,
    keep,
    open_dialog,
    press_ok,
    select,
    shown_rows,
    wait_idle,
    widget,
)


def contracts(db: Database) -> list[ContractRow]:
    with db.read() as session:
        return registry.list_contracts(session)


@pytest.fixture
def page(qtbot: QtBot, ctx: UiContext) -> ContractsPage:
    widget = keep(qtbot, ctx, ContractsPage(ctx))
    widget.show()
    wait_idle(qtbot, ctx)
    return widget


@pytest.fixture
def first(opened: bootstrap.App) -> ContractRow:
    return contracts(opened.db)[0]


def set_date(dialog: FormDialog, name: str, value: date) -> None:
    widget(dialog, name, OptionalDate).set_value(value)


def test_add_contract_through_the_dialog(
    qtbot: QtBot, page: ContractsPage, ctx: UiContext, opened: bootstrap.App, first: ContractRow
) -> None:
    click(page.contracts.add_button)
    dialog = open_dialog(qtbot, page, FormDialog)
    choose(dialog, "system", first.system_id)
    set_date(dialog, "start", date(2030, 1, 1))
    set_date(dialog, "end", date(2030, 12, 31))
    choose(dialog, "kind", "paid")
    choose(dialog, "salesperson", "lisi")
    press_ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle(qtbot, ctx)
    added = [c for c in contracts(opened.db) if c.start == date(2030, 1, 1)]
    assert [(c.system_id, c.end, c.kind, c.salesperson, c.notice_months) for c in added] == [
        (first.system_id, date(2030, 12, 31), "paid", "lisi", 3)  # notice defaults to 3
    ]
    assert added[0].id in [c.id for c in shown_rows(page.contracts)]


def test_edit_contract_through_the_dialog(
    qtbot: QtBot, page: ContractsPage, ctx: UiContext, opened: bootstrap.App, first: ContractRow
) -> None:
    select(page.contracts, lambda c: c.id == first.id)
    click(page.contracts.edit_button)
    dialog = open_dialog(qtbot, page, FormDialog)
    assert widget(dialog, "end", OptionalDate).value() == first.end
    set_date(dialog, "end", date(2031, 6, 30))
    press_ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle(qtbot, ctx)
    stored = next(c for c in contracts(opened.db) if c.id == first.id)
    assert (stored.start, stored.end) == (first.start, date(2031, 6, 30))


@pytest.mark.parametrize("answer", [True, False])
def test_delete_contract_only_after_yes(
    qtbot: QtBot,
    page: ContractsPage,
    ctx: UiContext,
    opened: bootstrap.App,
    first: ContractRow,
    monkeypatch: pytest.MonkeyPatch,
    answer: bool,
) -> None:
    asked: list[str] = []

    def confirm(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return answer

    monkeypatch.setattr(contracts_page, "confirm", confirm)
    before = contracts(opened.db)
    select(page.contracts, lambda c: c.id == first.id)
    click(page.contracts.delete_button)
    wait_idle(qtbot, ctx)
    assert len(asked) == 1
    assert first.end.isoformat() in asked[0]
    if answer:
        assert contracts(opened.db) == [c for c in before if c.id != first.id]
        qtbot.waitUntil(lambda: first.id not in [c.id for c in shown_rows(page.contracts)])
    else:
        assert contracts(opened.db) == before
        assert first.id in [c.id for c in shown_rows(page.contracts)]


def test_search_filters_rows(page: ContractsPage, opened: bootstrap.App) -> None:
    everything = contracts(opened.db)
    page.contracts.search.setText("深圳")
    shown = shown_rows(page.contracts)
    assert shown
    assert len(shown) < len(everything)
    assert all("深圳" in c.customer for c in shown)


def test_end_before_start_is_named_at_the_field_and_saves_nothing(
    qtbot: QtBot, page: ContractsPage, ctx: UiContext, opened: bootstrap.App
) -> None:
    before = contracts(opened.db)
    click(page.contracts.add_button)
    dialog = open_dialog(qtbot, page, FormDialog)
    set_date(dialog, "start", date(2030, 6, 1))
    set_date(dialog, "end", date(2030, 5, 31))
    press_ok(dialog)
    qtbot.waitUntil(dialog.errors["end"].isVisible)
    wait_idle(qtbot, ctx)
    assert "before" in dialog.errors["end"].text()
    assert not dialog.errors["start"].isVisible()
    assert dialog.isVisible()
    assert contracts(opened.db) == before


def test_stale_edit_names_who_changed_it_and_overwrites_nothing(
    qtbot: QtBot,
    page: ContractsPage,
    ctx: UiContext,
    opened: bootstrap.App,
    first: ContractRow,
    other_session: Callable[[str], Database],
) -> None:
    select(page.contracts, lambda c: c.id == first.id)
    click(page.contracts.edit_button)
    dialog = open_dialog(qtbot, page, FormDialog)
    with other_session("sunqi").write() as session:
        registry.save_contract(
            session,
            ContractForm(
                first.system_id,
                first.start,
                first.end,
                first.kind,
                first.salesperson,
                6,
                id=first.id,
                version=first.version,
            ),
        )
    widget(dialog, "notice_months", QSpinBox).setValue(1)
    press_ok(dialog)
    qtbot.waitUntil(dialog.general_error.isVisible)
    wait_idle(qtbot, ctx)
    assert "sunqi" in dialog.general_error.text()
    assert next(c for c in contracts(opened.db) if c.id == first.id).notice_months == 6


def test_contracts_due_for_notice_are_highlighted(page: ContractsPage, ctx: UiContext) -> None:
    proxy = page.contracts.proxy
    end_column = 3
    due = [
        bool(proxy.index(r, end_column).data(Qt.ItemDataRole.BackgroundRole))
        for r in range(proxy.rowCount())
    ]
    rows = [proxy.index(r, 0).data(ROW_ROLE) for r in range(proxy.rowCount())]
    expected = [expiring_within(c.end, c.notice_months, ctx.today()) for c in rows]
    assert due == expected
    assert any(expected)  # the demo data has contracts ending soon
    assert not all(expected)
