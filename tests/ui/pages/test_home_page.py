"""Home: what needs attention today, in date order, with a heading that counts it."""

from __future__ import annotations

import threading
from datetime import date

from pytestqt.qtbot import QtBot

from supportdesk import bootstrap
from supportdesk.domain.registry import AttentionItem
from supportdesk.services import registry
from supportdesk.ui.context import UiContext
from supportdesk.ui.models.row_model import ROW_ROLE
from supportdesk.ui.pages.home_page import HomePage, describe_item
from tests.ui.helpers import keep, wait_idle


def test_lists_what_needs_attention_today(
    qtbot: QtBot, ctx: UiContext, opened: bootstrap.App
) -> None:
    page = keep(qtbot, ctx, HomePage(ctx))
    page.show()
    wait_idle(qtbot, ctx)
    with opened.db.read() as session:
        expected = registry.attention(session, ctx.today())
    assert expected  # the demo data has contracts ending soon
    shown: list[AttentionItem] = [
        page.model.index(r, 0).data(ROW_ROLE) for r in range(page.model.rowCount())
    ]
    assert sorted(shown, key=lambda i: (i.kind, i.entity_id)) == sorted(
        expected, key=lambda i: (i.kind, i.entity_id)
    )
    dues = [i.due or ctx.today() for i in shown]
    assert dues == sorted(dues)
    assert f": {len(expected)}" in page.heading.text()
    assert ctx.today().isoformat() in page.heading.text()
    for row, item in enumerate(shown):
        assert page.model.index(row, 0).data() == describe_item(item)
        assert "{" not in describe_item(item)


def test_double_click_opens_the_item(qtbot: QtBot, ctx: UiContext) -> None:
    page = keep(qtbot, ctx, HomePage(ctx))
    page.show()
    wait_idle(qtbot, ctx)
    index = page.model.index(0, 1)
    with qtbot.waitSignal(page.opened) as opened_item:
        page.view.doubleClicked.emit(index)
    assert opened_item.args == [index.data(ROW_ROLE)]


def test_nothing_to_do_says_so(qtbot: QtBot, ctx: UiContext) -> None:
    page = keep(qtbot, ctx, HomePage(ctx))
    wait_idle(qtbot, ctx)
    assert page.model.rowCount() > 0
    page.sources = []
    page.refresh()
    wait_idle(qtbot, ctx)
    assert page.model.rowCount() == 0
    assert "Nothing needs attention" in page.heading.text()


def test_a_late_refresh_does_not_overwrite_a_newer_one(qtbot: QtBot, ctx: UiContext) -> None:
    page = keep(qtbot, ctx, HomePage(ctx))
    wait_idle(qtbot, ctx)
    release = threading.Event()
    stale = AttentionItem("contract.expiring", "contract", 1, "stale", ctx.today(), {})

    def slow(_session: object, _today: date) -> list[AttentionItem]:
        release.wait(5)
        return [stale]

    page.sources = [slow]
    page.refresh()  # e.g. a change, then another change right after it
    page.sources = []
    page.refresh()
    qtbot.waitUntil(lambda: "Nothing needs attention" in page.heading.text())
    release.set()  # the older refresh finishes last
    wait_idle(qtbot, ctx)
    assert page.model.rowCount() == 0
    assert "Nothing needs attention" in page.heading.text()


def test_describes_each_kind() -> None:
    contract = AttentionItem("contract.expiring", "contract", 1, "华东电力 / 调度平台")
    assert "warn sales" in describe_item(contract)
    overdue = AttentionItem("customer.first_contact_overdue", "customer", 2, "成都农商银行")
    assert "week" in describe_item(overdue)
