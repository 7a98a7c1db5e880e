"""Hosts: create, edit, delete with confirmation, filter (Chinese too), field errors,
stale edits."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from supportdesk import bootstrap
from supportdesk.db.engine import Database
from supportdesk.domain.registry import HostForm, HostRow
from supportdesk.services import registry
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.form_dialog import FormDialog
from supportdesk.ui.models.row_model import ROW_ROLE
from supportdesk.ui.pages import hosts_page
from supportdesk.ui.pages.hosts_page import HostsPage
from tests.ui.helpers import (
    choose,
    click,
    keep,
    open_dialog,
    press_ok,
    set_text,
    text_of,
    wait_idle,
)


def hosts(db: Database) -> list[HostRow]:
    with db.read() as session:
        return registry.hosts_by_ids(session, registry.host_ids(session))


def shown(page: HostsPage) -> list[HostRow]:
    model = page.model
    return [model.index(r, 0).data(ROW_ROLE) for r in range(model.rowCount())]


def select_host(page: HostsPage, key: int) -> None:
    row = next(r for r, h in enumerate(shown(page)) if h.id == key)
    page.view.selectRow(row)
    selected = page.selected()
    assert selected is not None
    assert selected.id == key


@pytest.fixture
def page(qtbot: QtBot, ctx: UiContext) -> HostsPage:
    widget = keep(qtbot, ctx, HostsPage(ctx))
    widget.show()
    wait_idle(qtbot, ctx)
    return widget


@pytest.fixture
def first(opened: bootstrap.App) -> HostRow:
    return hosts(opened.db)[0]


def test_lists_every_host_and_counts_them(page: HostsPage, opened: bootstrap.App) -> None:
    everything = hosts(opened.db)
    assert sorted(h.id for h in shown(page)) == sorted(h.id for h in everything)
    assert str(len(everything)) in page.count.text()
    assert not page.edit_button.isEnabled()


def test_filter_by_a_chinese_substring(
    qtbot: QtBot, page: HostsPage, opened: bootstrap.App
) -> None:
    everything = hosts(opened.db)
    expected = sorted(h.id for h in everything if "成都" in h.customer)
    assert 0 < len(expected) < len(everything)
    page.search.setText("成都")
    qtbot.waitUntil(lambda: page.model.rowCount() == len(expected))
    assert sorted(h.id for h in shown(page)) == expected
    assert str(len(expected)) in page.count.text()
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == len(everything))


def test_add_host_through_the_dialog(
    qtbot: QtBot, page: HostsPage, ctx: UiContext, opened: bootstrap.App, first: HostRow
) -> None:
    click(page.add_button)
    dialog = open_dialog(qtbot, page, FormDialog)
    choose(dialog, "system", first.system_id)
    set_text(dialog, "name", "monitor01")
    set_text(dialog, "address", "10.9.8.7")
    set_text(dialog, "user", "ops")
    set_text(dialog, "tags", "monitor  linux")
    press_ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle(qtbot, ctx)
    added = [h for h in hosts(opened.db) if h.name == "monitor01"]
    assert [(h.system_id, h.address, h.port, h.user, h.tags) for h in added] == [
        (first.system_id, "10.9.8.7", 22, "ops", ("monitor", "linux"))
    ]
    qtbot.waitUntil(lambda: "monitor01" in [h.name for h in shown(page)])


def test_edit_host_through_the_dialog(
    qtbot: QtBot, page: HostsPage, ctx: UiContext, opened: bootstrap.App, first: HostRow
) -> None:
    select_host(page, first.id)
    click(page.edit_button)
    dialog = open_dialog(qtbot, page, FormDialog)
    assert text_of(dialog, "address") == first.address
    set_text(dialog, "address", "192.168.200.1")
    press_ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle(qtbot, ctx)
    stored = next(h for h in hosts(opened.db) if h.id == first.id)
    assert (stored.name, stored.address) == (first.name, "192.168.200.1")
    qtbot.waitUntil(
        lambda: any(h.address == "192.168.200.1" for h in shown(page) if h.id == first.id)
    )


@pytest.mark.parametrize("answer", [True, False])
def test_delete_host_only_after_yes(
    qtbot: QtBot,
    page: HostsPage,
    ctx: UiContext,
    opened: bootstrap.App,
    first: HostRow,
    monkeypatch: pytest.MonkeyPatch,
    answer: bool,
) -> None:
    asked: list[str] = []

    def confirm(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return answer

    monkeypatch.setattr(hosts_page, "confirm", confirm)
    before = hosts(opened.db)
    select_host(page, first.id)
    click(page.delete_button)
    wait_idle(qtbot, ctx)
    assert len(asked) == 1
    assert first.name in asked[0]
    assert first.address in asked[0]
    if answer:
        # (hosts that jumped through it lose their jump host, so compare ids)
        assert [h.id for h in hosts(opened.db)] == [h.id for h in before if h.id != first.id]
        qtbot.waitUntil(lambda: first.id not in [h.id for h in shown(page)])
    else:
        assert hosts(opened.db) == before
        assert first.id in [h.id for h in shown(page)]


def test_bad_address_is_named_at_the_field_and_saves_nothing(
    qtbot: QtBot, page: HostsPage, ctx: UiContext, opened: bootstrap.App
) -> None:
    before = hosts(opened.db)
    click(page.add_button)
    dialog = open_dialog(qtbot, page, FormDialog)
    set_text(dialog, "name", "broken01")
    set_text(dialog, "address", "999.1.1.1")
    press_ok(dialog)
    qtbot.waitUntil(dialog.errors["address"].isVisible)
    wait_idle(qtbot, ctx)
    assert "999.1.1.1" in dialog.errors["address"].text()
    assert not dialog.errors["name"].isVisible()
    assert dialog.isVisible()
    assert hosts(opened.db) == before


def test_stale_edit_names_who_changed_it_and_overwrites_nothing(
    qtbot: QtBot,
    page: HostsPage,
    ctx: UiContext,
    opened: bootstrap.App,
    first: HostRow,
    other_session: Callable[[str], Database],
) -> None:
    select_host(page, first.id)
    click(page.edit_button)
    dialog = open_dialog(qtbot, page, FormDialog)
    with other_session("zhaoliu").write() as session:
        registry.save_host(
            session,
            HostForm(
                first.system_id,
                first.name,
                "10.200.0.1",
                first.port,
                first.user,
                first.jump_host_id,
                first.credential,
                first.tags,
                id=first.id,
                version=first.version,
            ),
        )
    set_text(dialog, "address", "10.100.0.1")
    press_ok(dialog)
    qtbot.waitUntil(dialog.general_error.isVisible)
    wait_idle(qtbot, ctx)
    assert "zhaoliu" in dialog.general_error.text()
    assert next(h for h in hosts(opened.db) if h.id == first.id).address == "10.200.0.1"
