"""Rewards on the Optimisation report page (issue 10, R5.4), on a real SQLite profile: only the
group leader applies, and only from an approved report; a bad amount is named and saves
nothing; the sales director reviews and the committee approves, a return showing its comment;
the ledger per person and month, saved as XLSX."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QComboBox, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from supportdesk import bootstrap
from supportdesk.domain.optimisation import Category, Decision, ItemForm, ReportState
from supportdesk.domain.registry import CustomerForm, ProjectForm
from supportdesk.domain.rewards import RewardForm
from supportdesk.services import optimisation, registry, rewards
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.form_dialog import FormDialog
from supportdesk.ui.dialogs.optimisation_dialogs import CommentReturnDialog
from supportdesk.ui.pages.optimisation_page import OptimisationPage
from supportdesk.ui.pages.rewards_panel import LedgerDialog, RewardsPanel
from tests.ui.helpers import click, keep, open_dialog, press_ok, wait_idle
from tests.ui.pages.test_optimisation_page import write

ENGINEER, LEADER, DIRECTOR, COMMITTEE = "zhangsan", "sunqi", "zhouba", "zhengshi"
MONTH = "2020-05"


@pytest.fixture
def approved(opened: bootstrap.App) -> int:
    """An approved report of our own project; the id of its item."""
    with opened.db.write() as s:
        customer = registry.save_customer(s, CustomerForm("奖励测试客户")).id
        project = registry.save_project(s, ProjectForm(customer, "奖励测试项目")).id
    write(opened, LEADER, optimisation.draft, MONTH)
    due = date(2020, 5, 20)
    form = ItemForm(MONTH, project, "报表查询慢", Category.PERFORMANCE, "研发二部", due, "加索引")
    item = write(opened, LEADER, optimisation.save_item, form).id
    write(opened, LEADER, optimisation.decide, MONTH, Decision.SUBMIT)
    write(opened, DIRECTOR, optimisation.decide, MONTH, Decision.APPROVE)
    write(opened, COMMITTEE, optimisation.decide, MONTH, Decision.APPROVE)
    return int(item)


def panel_for(qtbot: QtBot, ctx: UiContext, month: str = MONTH) -> RewardsPanel:
    page = keep(qtbot, ctx, OptimisationPage(ctx))
    page.resize(1200, 760)
    page.show()
    page.choose_month(month)
    page.tabs.setCurrentWidget(page.rewards)
    wait_idle(qtbot, ctx)
    return page.rewards


def fill(dialog: FormDialog, **texts: str) -> None:
    for name, text in texts.items():
        line = dialog.widgets[name]
        assert isinstance(line, QLineEdit)
        line.setText(text)


def apply_as_leader(opened: bootstrap.App, item: int, amount: str = "800") -> Any:
    form = RewardForm(
        MONTH, item, "zhangsan", "查询从 12 秒降到 0.8 秒", "压测报告", Decimal(amount)
    )
    return write(opened, LEADER, rewards.apply, form)


def test_the_group_leader_applies_from_the_approved_report(
    qtbot: QtBot, as_user: Callable[..., UiContext], opened: bootstrap.App, approved: int
) -> None:
    engineer = panel_for(qtbot, as_user(ENGINEER))
    assert not engineer.buttons["apply"].isEnabled()
    assert "group leader" in engineer.buttons["apply"].toolTip()
    ctx = as_user(LEADER)
    panel = panel_for(qtbot, ctx)
    click(panel.buttons["apply"])
    dialog = open_dialog(qtbot, panel, FormDialog)
    person = dialog.widgets["person"]
    item = dialog.widgets["item_id"]
    assert isinstance(person, QComboBox)
    assert isinstance(item, QComboBox)
    person.setCurrentIndex(person.findData("zhangsan"))
    item.setCurrentIndex(item.findData(approved))
    fill(dialog, what_changed="查询从 12 秒降到 0.8 秒", evidence="压测报告", amount="八百")
    press_ok(dialog)
    qtbot.waitUntil(dialog.errors["amount"].isVisible)
    with opened.db.read() as s:
        assert rewards.rewards(s, MONTH) == []  # nothing saved
    fill(dialog, amount="800.50")
    press_ok(dialog)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    row = panel.model.rows()[0]
    assert (row.person, row.item_id, row.amount) == ("zhangsan", approved, Decimal("800.50"))
    assert row.state is ReportState.DRAFT
    panel.view.selectRow(0)
    click(panel.buttons["submit"])
    wait_idle(qtbot, ctx)
    assert panel.model.rows()[0].state is ReportState.SUBMITTED
    assert "sales director" in panel.buttons["approve"].toolTip()


def test_a_draft_report_offers_no_reward(
    qtbot: QtBot, as_user: Callable[..., UiContext], opened: bootstrap.App
) -> None:
    write(opened, LEADER, optimisation.draft, "2020-06")
    panel = panel_for(qtbot, as_user(LEADER), "2020-06")
    assert not panel.buttons["apply"].isEnabled()
    assert "approved report" in panel.buttons["apply"].toolTip()


def test_the_director_returns_with_a_comment_and_the_committee_approves(
    qtbot: QtBot,
    as_user: Callable[..., UiContext],
    opened: bootstrap.App,
    approved: int,
    tmp_path: Path,
) -> None:
    made = apply_as_leader(opened, approved)
    write(opened, LEADER, rewards.decide, made.id, Decision.SUBMIT)
    director_ctx = as_user(DIRECTOR)
    director = panel_for(qtbot, director_ctx)
    director.view.selectRow(0)
    click(director.buttons["return"])
    dialog = open_dialog(qtbot, director, CommentReturnDialog)
    dialog.comment.setPlainText("请附上线后一周的监控截图")
    click(dialog.ok_button)
    wait_idle(qtbot, director_ctx)
    leader_ctx = as_user(LEADER)
    leader = panel_for(qtbot, leader_ctx)
    leader.view.selectRow(0)
    assert "请附上线后一周的监控截图" in leader.detail.text()
    assert leader.buttons["submit"].isEnabled()
    click(leader.buttons["submit"])
    wait_idle(qtbot, leader_ctx)
    director.refresh()
    wait_idle(qtbot, director_ctx)
    director.view.selectRow(0)
    click(director.buttons["approve"])
    wait_idle(qtbot, director_ctx)
    committee_ctx = as_user(COMMITTEE)
    committee = panel_for(qtbot, committee_ctx)
    committee.view.selectRow(0)
    click(committee.buttons["approve"])
    wait_idle(qtbot, committee_ctx)
    assert committee.model.rows()[0].state is ReportState.APPROVED
    assert not committee.buttons["approve"].isEnabled()
    committee.show_ledger()
    ledger = open_dialog(qtbot, committee, LedgerDialog)
    ledger.first.setCurrentText(MONTH)
    ledger.last.setCurrentText(MONTH)
    wait_idle(qtbot, committee_ctx)
    assert [(r.person, r.month, r.count, r.total) for r in ledger.model.rows()] == [
        ("zhangsan", MONTH, 1, Decimal("800.00"))
    ]
    click(ledger.export_button)
    chooser = open_dialog(qtbot, ledger, QFileDialog)
    sheet = tmp_path / "台账.xlsx"
    chooser.fileSelected.emit(str(sheet))
    wait_idle(qtbot, committee_ctx)
    cells = [
        v for ws in load_workbook(sheet) for row in ws.iter_rows(values_only=True) for v in row
    ]
    assert "张三" in cells


def test_a_draft_never_submitted_is_deleted_after_asking(
    qtbot: QtBot,
    as_user: Callable[..., UiContext],
    opened: bootstrap.App,
    approved: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    apply_as_leader(opened, approved)
    ctx = as_user(LEADER)
    panel = panel_for(qtbot, ctx)
    panel.view.selectRow(0)
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return len(asked) > 1  # no the first time, yes the second

    monkeypatch.setattr("supportdesk.ui.pages.rewards_panel.confirm", answer)
    click(panel.buttons["delete"])
    wait_idle(qtbot, ctx)
    assert panel.model.rowCount() == 1
    click(panel.buttons["delete"])
    wait_idle(qtbot, ctx)
    assert panel.model.rowCount() == 0
    assert "张三" in asked[0]
