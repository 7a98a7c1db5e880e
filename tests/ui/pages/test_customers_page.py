"""Customers and contacts: create, edit, delete with confirmation, search, pinyin order,
inline field errors and stale edits."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session

from supportdesk import bootstrap
from supportdesk.db.engine import Database
from supportdesk.domain.registry import ContactForm, ContactRow, CustomerForm, CustomerRow
from supportdesk.services import registry
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.form_dialog import FormDialog
from supportdesk.ui.pages import customers_page
from supportdesk.ui.pages.customers_page import CustomersPage
from tests.ui.helpers import (
    choose,
    click,
    keep,
    open_dialog,
    press_ok,
    select,
    set_checked,
    set_text,
    shown_rows,
    text_of,
    wait_idle,
)

BEIJING = "北京市自来水集团"


def customers(db: Database) -> list[CustomerRow]:
    with db.read() as session:
        return registry.list_customers(session)


def by_name(db: Database, name: str) -> CustomerRow:
    return next(c for c in customers(db) if c.name == name)


@pytest.fixture
def page(qtbot: QtBot, ctx: UiContext) -> CustomersPage:
    widget = keep(qtbot, ctx, CustomersPage(ctx))
    widget.show()
    wait_idle(qtbot, ctx)
    return widget


def test_lists_every_customer(page: CustomersPage, opened: bootstrap.App) -> None:
    assert {c.name for c in shown_rows(page.customers)} == {c.name for c in customers(opened.db)}
    assert len(shown_rows(page.customers)) == 12
    assert not page.customers.edit_button.isEnabled()  # nothing selected yet
    assert not page.contacts.isEnabled()


def test_add_customer_through_the_dialog(
    qtbot: QtBot, page: CustomersPage, ctx: UiContext, opened: bootstrap.App
) -> None:
    click(page.customers.add_button)
    dialog = open_dialog(qtbot, page, FormDialog)
    set_text(dialog, "name", "  宁波港务局 ")
    set_text(dialog, "short_name", "宁波港")
    set_text(dialog, "region", "宁波")
    choose(dialog, "engineer", "zhangsan")
    press_ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle(qtbot, ctx)
    saved = by_name(opened.db, "宁波港务局")
    assert (saved.short_name, saved.region, saved.engineer) == ("宁波港", "宁波", "zhangsan")
    # The day it was saved (a run crossing midnight sees the session's day or the next).
    assert saved.created_on in (ctx.today(), date.today())
    assert "宁波港务局" in [c.name for c in shown_rows(page.customers)]


def test_edit_customer_through_the_dialog(
    qtbot: QtBot, page: CustomersPage, ctx: UiContext, opened: bootstrap.App
) -> None:
    select(page.customers, lambda c: c.name == BEIJING)
    click(page.customers.edit_button)
    dialog = open_dialog(qtbot, page, FormDialog)
    assert text_of(dialog, "name") == BEIJING
    set_text(dialog, "region", "北京市海淀区")
    press_ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle(qtbot, ctx)
    assert by_name(opened.db, BEIJING).region == "北京市海淀区"
    # The table shows the change and keeps the edited row selected.
    assert page.customers.selected().region == "北京市海淀区"


def test_delete_customer_after_confirmation(
    qtbot: QtBot,
    page: CustomersPage,
    ctx: UiContext,
    opened: bootstrap.App,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def yes(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(customers_page, "confirm", yes)
    select(page.customers, lambda c: c.name == BEIJING)
    click(page.customers.delete_button)
    wait_idle(qtbot, ctx)
    assert len(asked) == 1
    assert BEIJING in asked[0]
    assert BEIJING not in [c.name for c in customers(opened.db)]
    qtbot.waitUntil(lambda: len(shown_rows(page.customers)) == 11)
    assert BEIJING not in [c.name for c in shown_rows(page.customers)]


def test_answering_no_deletes_nothing(
    qtbot: QtBot,
    page: CustomersPage,
    ctx: UiContext,
    opened: bootstrap.App,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def no(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return False

    monkeypatch.setattr(customers_page, "confirm", no)
    before = customers(opened.db)
    select(page.customers, lambda c: c.name == BEIJING)
    click(page.customers.delete_button)
    wait_idle(qtbot, ctx)
    assert len(asked) == 1
    assert customers(opened.db) == before
    assert len(shown_rows(page.customers)) == 12


def test_search_box_filters_rows(page: CustomersPage) -> None:
    page.customers.search.setText("北京")  # what an input method commits
    assert [c.name for c in shown_rows(page.customers)] == [BEIJING]
    page.customers.search.clear()
    page.customers.search.setText("上海")  # the region column matches too
    assert [c.region for c in shown_rows(page.customers)] == ["上海"]
    page.customers.search.setText("不存在的客户")
    assert shown_rows(page.customers) == []
    page.customers.search.clear()
    assert len(shown_rows(page.customers)) == 12


def test_chinese_names_sort_by_pinyin(page: CustomersPage) -> None:
    # 重庆 is left out: 重 has two readings (chóng / zhòng), so its place is a matter of taste.
    pinyin = [
        "北京",
        "成都",
        "广州",
        "杭州",
        "华东",
        "南京",
        "深圳",
        "苏州",
        "天津",
        "武汉",
        "西安",
    ]
    names = [c.name for c in shown_rows(page.customers) if not c.name.startswith("重庆")]
    assert [next(p for p in pinyin if n.startswith(p)) for n in names] == pinyin


def test_empty_name_is_named_at_the_field_and_saves_nothing(
    qtbot: QtBot, page: CustomersPage, ctx: UiContext, opened: bootstrap.App
) -> None:
    before = customers(opened.db)
    click(page.customers.add_button)
    dialog = open_dialog(qtbot, page, FormDialog)
    set_text(dialog, "name", "   ")
    set_text(dialog, "region", "宁波")
    press_ok(dialog)
    qtbot.waitUntil(dialog.errors["name"].isVisible)
    wait_idle(qtbot, ctx)
    assert "required" in dialog.errors["name"].text()
    assert dialog.errors["name"].text().startswith("name")
    assert not dialog.errors["region"].isVisible()
    assert not dialog.general_error.isVisible()
    assert dialog.isVisible()  # the user can correct it
    assert customers(opened.db) == before
    # Correcting the field and saving again works, and the error goes away.
    set_text(dialog, "name", "宁波港务局")
    press_ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert not dialog.errors["name"].isVisible()
    assert by_name(opened.db, "宁波港务局").region == "宁波"


def test_stale_edit_names_who_changed_it_and_overwrites_nothing(
    qtbot: QtBot,
    page: CustomersPage,
    ctx: UiContext,
    opened: bootstrap.App,
    other_session: Callable[[str], Database],
) -> None:
    loaded = select(page.customers, lambda c: c.name == BEIJING)
    click(page.customers.edit_button)
    dialog = open_dialog(qtbot, page, FormDialog)
    # Meanwhile a colleague saves the same customer.
    colleague = other_session("zhangsan")
    with colleague.write() as session:
        registry.save_customer(
            session,
            CustomerForm(
                BEIJING, "北京水务", "北京市西城区", None, None, loaded.id, loaded.version
            ),
        )
    set_text(dialog, "region", "北京市海淀区")
    press_ok(dialog)
    qtbot.waitUntil(dialog.general_error.isVisible)
    wait_idle(qtbot, ctx)
    assert "zhangsan" in dialog.general_error.text()
    assert "customer" in dialog.general_error.text()
    assert dialog.isVisible()
    stored = by_name(opened.db, BEIJING)
    assert stored.region == "北京市西城区"
    assert stored.updated_by == "zhangsan"


def test_add_contact_and_bad_email(
    qtbot: QtBot, page: CustomersPage, ctx: UiContext, opened: bootstrap.App
) -> None:
    customer = select(page.customers, lambda c: c.name == BEIJING)
    wait_idle(qtbot, ctx)
    assert page.contacts.isEnabled()
    with opened.db.read() as session:
        before = registry.list_contacts(session, customer.id)
    assert sorted(c.id for c in shown_rows(page.contacts)) == sorted(c.id for c in before)
    click(page.contacts.add_button)
    dialog = open_dialog(qtbot, page, FormDialog)
    set_text(dialog, "name", "赵工")
    set_text(dialog, "email", "zhao-at-example")
    set_checked(dialog, "emergency", True)
    press_ok(dialog)
    qtbot.waitUntil(dialog.errors["email"].isVisible)
    assert "zhao-at-example" in dialog.errors["email"].text()
    with opened.db.read() as session:
        assert registry.list_contacts(session, customer.id) == before
    set_text(dialog, "email", "zhao@example.cn")
    press_ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle(qtbot, ctx)
    with opened.db.read() as session:
        added = [c for c in registry.list_contacts(session, customer.id) if c.name == "赵工"]
    assert [(c.email, c.emergency) for c in added] == [("zhao@example.cn", True)]
    assert "赵工" in [c.name for c in shown_rows(page.contacts)]


def test_delete_contact_asks_first(
    qtbot: QtBot,
    page: CustomersPage,
    ctx: UiContext,
    opened: bootstrap.App,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    customer = select(page.customers, lambda c: c.name == BEIJING)
    with opened.db.write() as session:
        registry.save_contact(session, ContactForm(customer.id, "钱工"))
    ctx.events.registry_changed.emit("contact")
    wait_idle(qtbot, ctx)
    answers = [False, True]
    monkeypatch.setattr(customers_page, "confirm", lambda *_a: answers.pop(0))
    select(page.contacts, lambda c: c.name == "钱工")
    click(page.contacts.delete_button)
    wait_idle(qtbot, ctx)
    with opened.db.read() as session:
        assert "钱工" in [c.name for c in registry.list_contacts(session, customer.id)]
    click(page.contacts.delete_button)
    wait_idle(qtbot, ctx)
    with opened.db.read() as session:
        assert "钱工" not in [c.name for c in registry.list_contacts(session, customer.id)]
    assert answers == []


def test_contacts_follow_the_last_customer_clicked(
    qtbot: QtBot,
    page: CustomersPage,
    ctx: UiContext,
    opened: bootstrap.App,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Clicking quickly from one customer to the next: the first customer's contacts load
    # slowly and arrive last, yet the panel shows the customer selected now.
    with opened.db.write() as session:  # a customer without contacts: its list is empty
        registry.save_customer(session, CustomerForm("新签客户"))
    page.refresh()
    wait_idle(qtbot, ctx)
    first, second = by_name(opened.db, "新签客户"), by_name(opened.db, BEIJING)
    release = threading.Event()
    list_contacts = registry.list_contacts

    def slow_for_first(session: Session, customer_id: int) -> list[ContactRow]:
        if customer_id == first.id:
            release.wait(5)
        return list_contacts(session, customer_id)

    monkeypatch.setattr(registry, "list_contacts", slow_for_first)
    select(page.customers, lambda c: c.id == first.id)
    select(page.customers, lambda c: c.id == second.id)
    with opened.db.read() as session:
        expected = sorted(c.id for c in list_contacts(session, second.id))
    qtbot.waitUntil(lambda: sorted(c.id for c in shown_rows(page.contacts)) == expected)
    release.set()
    wait_idle(qtbot, ctx)
    assert sorted(c.id for c in shown_rows(page.contacts)) == expected
