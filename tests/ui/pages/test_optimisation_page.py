"""The Optimisation report page (issue 10, R2.4), on a real SQLite profile: the group leader
drafts the month, adds the group's own items (bad input saves nothing) and submits; each role
finds only its own step enabled, the others say whose it is; a return shows its comment to the
group; the committee's approval files the report into the document folder and sends the
measures to a ZenTao that follows the documented API, or keeps them waiting with the reason
and the import sheet; the quality figures as a table and a chart."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCharts import QBarSet, QHorizontalBarSeries
from PySide6.QtWidgets import QComboBox, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from supportdesk import bootstrap
from supportdesk.adapters.zentao import ZentaoClient
from supportdesk.db.engine import Database
from supportdesk.domain.optimisation import Category, Decision, ItemForm, ReportState
from supportdesk.domain.registry import CustomerForm, ProjectForm, SystemForm
from supportdesk.services import optimisation, registry, team_settings
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.form_dialog import FormDialog, OptionalDate
from supportdesk.ui.dialogs.optimisation_dialogs import CommentReturnDialog
from supportdesk.ui.models.row_model import ROW_ROLE
from supportdesk.ui.pages.optimisation_page import OVERDUE_COLOUR, OptimisationPage, task_url
from tests.servers.zentao import ZentaoServer, running_zentao
from tests.ui.helpers import click, keep, open_dialog, press_ok, wait_idle

ENGINEER, LEADER, DIRECTOR, COMMITTEE = "zhangsan", "sunqi", "zhouba", "zhengshi"  # the demo's
MONTH = "2020-03"  # long before anything the demo holds: the report is ours alone
EXECUTION = 21


@dataclass(frozen=True)
class Place:
    project: int
    other: int


@pytest.fixture
def place(opened: bootstrap.App) -> Place:
    with opened.db.write() as s:
        customer = registry.save_customer(s, CustomerForm("优化测试客户")).id
        project = registry.save_project(s, ProjectForm(customer, "优化测试项目")).id
        other = registry.save_project(s, ProjectForm(customer, "优化测试项目乙")).id
    return Place(project, other)


@pytest.fixture
def zentao() -> Iterator[ZentaoServer]:
    with running_zentao({"shouhou": "zt-pass"}) as server:
        yield server


def write(opened: bootstrap.App, login: str, fn: Any, *args: Any) -> Any:
    db = Database(opened.db.url, actor=login)
    try:
        with db.write() as s:
            return fn(s, *args)
    finally:
        db.dispose()


def item(project: int, text: str, due: date, measure: str = "") -> ItemForm:
    return ItemForm(MONTH, project, text, Category.PERFORMANCE, "研发二部", due, measure)


def drafted(opened: bootstrap.App, place: Place, *, submit: bool = False) -> None:
    write(opened, LEADER, optimisation.draft, MONTH)
    slow = item(place.project, "报表查询慢", date(2020, 3, 20), "为报表表加索引")
    write(opened, LEADER, optimisation.save_item, slow)
    write(opened, LEADER, optimisation.save_item, item(place.other, "导出乱码", date(2020, 3, 25)))
    if submit:
        write(opened, LEADER, optimisation.decide, MONTH, Decision.SUBMIT)


def page_for(qtbot: QtBot, ctx: UiContext) -> OptimisationPage:
    page = keep(qtbot, ctx, OptimisationPage(ctx))
    page.resize(1280, 800)
    page.show()
    wait_idle(qtbot, ctx)
    page.choose_month(MONTH)
    wait_idle(qtbot, ctx)
    return page


def state_of(page: OptimisationPage) -> ReportState | None:
    """The state of the report the page shows (None: not drafted)."""
    assert page.shown is not None
    return page.shown.report.state if page.shown.report is not None else None


def rows(page: OptimisationPage) -> list[Any]:
    proxy = page.items.model()
    return [proxy.index(r, 0).data(ROW_ROLE) for r in range(proxy.rowCount())]


def fill_item(dialog: FormDialog, project: int, description: str, measure: str) -> None:
    combo = dialog.widgets["project_id"]
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(project))
    for name, text in (
        ("description", description),
        ("department", "运维组"),
        ("measure", measure),
    ):
        line = dialog.widgets[name]
        assert isinstance(line, QLineEdit)
        line.setText(text)
    due = dialog.widgets["due_on"]
    assert isinstance(due, OptionalDate)
    due.set_value(date(2020, 3, 28))


def test_the_group_leader_drafts_adds_items_and_submits(
    qtbot: QtBot, as_user: Callable[..., UiContext], opened: bootstrap.App, place: Place
) -> None:
    ctx = as_user(LEADER)
    page = page_for(qtbot, ctx)
    assert state_of(page) is None
    assert not page.submit_button.isEnabled()
    click(page.draft_button)
    wait_idle(qtbot, ctx)
    assert state_of(page) is ReportState.DRAFT
    assert not page.submit_button.isEnabled()  # nothing to submit yet
    click(page.add_button)
    dialog = open_dialog(qtbot, page, FormDialog)
    fill_item(dialog, place.project, "  ", "增加超时告警")
    press_ok(dialog)
    qtbot.waitUntil(dialog.errors["description"].isVisible)
    assert rows(page) == []  # refused: nothing saved
    fill_item(dialog, place.project, "夜间备份超时", "增加超时告警")
    press_ok(dialog)
    qtbot.waitUntil(lambda: len(rows(page)) == 1)
    added = rows(page)[0]
    assert (added.description, added.department) == ("夜间备份超时", "运维组")
    assert added.measure == "增加超时告警"
    assert added.source == "group"
    click(page.submit_button)
    wait_idle(qtbot, ctx)
    assert state_of(page) is ReportState.SUBMITTED
    assert "周八" in page.state.text()  # who holds it now: the sales director
    for button in (page.add_button, page.approve_button, page.submit_button):
        assert not button.isEnabled()
    assert "sales director" in page.approve_button.toolTip()


def test_each_role_finds_only_its_own_step(
    qtbot: QtBot, as_user: Callable[..., UiContext], opened: bootstrap.App, place: Place
) -> None:
    drafted(opened, place, submit=True)
    engineer = page_for(qtbot, as_user(ENGINEER))
    assert not engineer.add_button.isEnabled()
    assert "group leader" in engineer.add_button.toolTip()
    assert not engineer.approve_button.isEnabled()
    committee_ctx = as_user(COMMITTEE)
    committee = page_for(qtbot, committee_ctx)
    assert not committee.approve_button.isEnabled()
    assert "sales director" in committee.approve_button.toolTip()
    director_ctx = as_user(DIRECTOR)
    director = page_for(qtbot, director_ctx)
    assert director.approve_button.isEnabled()
    assert director.return_button.isEnabled()
    click(director.approve_button)
    wait_idle(qtbot, director_ctx)
    assert state_of(director) is ReportState.REVIEWED
    assert not director.approve_button.isEnabled()
    committee.refresh()
    wait_idle(qtbot, committee_ctx)
    assert committee.approve_button.isEnabled()
    assert [line.split()[-1] for line in director.history.text().splitlines()] == [
        "submitted",
        "approved",
    ]


def test_a_return_needs_a_comment_and_shows_it_to_the_group(
    qtbot: QtBot, as_user: Callable[..., UiContext], opened: bootstrap.App, place: Place
) -> None:
    drafted(opened, place, submit=True)
    ctx = as_user(DIRECTOR)
    page = page_for(qtbot, ctx)
    click(page.return_button)
    dialog = open_dialog(qtbot, page, CommentReturnDialog)
    click(dialog.ok_button)
    qtbot.waitUntil(dialog.error.isVisible)
    assert "comment" in dialog.error.text()
    with opened.db.read() as s:
        assert optimisation.show(s, MONTH).state is ReportState.SUBMITTED  # nothing changed
    dialog.comment.setPlainText("请补充责任部门")
    click(dialog.ok_button)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(
        lambda: not [d for d in page.findChildren(CommentReturnDialog) if d.isVisible()]
    )
    leader = page_for(qtbot, as_user(LEADER))
    assert state_of(leader) is ReportState.DRAFT
    assert leader.comments.isVisible()
    assert "请补充责任部门" in leader.comments.text()
    assert "周八" in leader.comments.text()
    assert leader.submit_button.isEnabled()


def _approved_by(
    qtbot: QtBot, as_user: Callable[..., UiContext], opened: bootstrap.App, place: Place
) -> tuple[OptimisationPage, UiContext]:
    drafted(opened, place, submit=True)
    write(opened, DIRECTOR, optimisation.decide, MONTH, Decision.APPROVE)
    return page_for(qtbot, ctx := as_user(COMMITTEE)), ctx


def _zentao_settings(opened: bootstrap.App, place: Place, server: ZentaoServer) -> None:
    with opened.db.write() as s:
        team_settings.set_many(
            s,
            {
                "zentao.url": server.url,
                "zentao.account": "shouhou",
                "zentao.executions": f"{place.project}={EXECUTION}",
            },
        )


def test_approval_files_the_report_and_sends_the_measures_to_zentao(
    qtbot: QtBot,
    as_user: Callable[..., UiContext],
    opened: bootstrap.App,
    place: Place,
    zentao: ZentaoServer,
    tmp_path: Path,
) -> None:
    _zentao_settings(opened, place, zentao)
    page, ctx = _approved_by(qtbot, as_user, opened, place)
    ctx.tracker = lambda _settings: ZentaoClient(zentao.url, "shouhou", "zt-pass")
    folder = tmp_path / "文档"
    ctx.config.set("documents.folder", str(folder))
    click(page.approve_button)
    qtbot.waitUntil(lambda: len(zentao.tasks) == 1, timeout=10_000)
    wait_idle(qtbot, ctx)
    assert sorted(p.name for p in folder.iterdir()) == [
        f"{MONTH} 优化总结及下月措施.docx",
        f"{MONTH} 优化总结及下月措施.pdf",
    ]
    assert [(t["name"], t["execution"]) for t in zentao.tasks] == [("为报表表加索引", EXECUTION)]
    assert state_of(page) is ReportState.APPROVED
    pushed = next(r for r in rows(page) if r.project_id == place.project)
    assert pushed.zentao_task_id == zentao.tasks[0]["id"]
    assert not page.zentao_row.isVisible()  # nothing waits
    page.items.selectRow(rows(page).index(pushed))
    assert page.task_button.isEnabled()
    assert task_url(zentao.url, pushed.zentao_task_id) == (
        f"{zentao.url}/index.php?m=task&f=view&taskID={pushed.zentao_task_id}"
    )
    leader = page_for(qtbot, as_user(LEADER))
    assert not leader.add_button.isEnabled()
    assert "frozen" in leader.add_button.toolTip()


def test_a_refused_measure_waits_with_the_reason_and_the_import_sheet(
    qtbot: QtBot,
    as_user: Callable[..., UiContext],
    opened: bootstrap.App,
    place: Place,
    zentao: ZentaoServer,
    tmp_path: Path,
) -> None:
    _zentao_settings(opened, place, zentao)
    zentao.forbid(EXECUTION)
    page, ctx = _approved_by(qtbot, as_user, opened, place)
    ctx.tracker = lambda _settings: ZentaoClient(zentao.url, "shouhou", "zt-pass")
    click(page.approve_button)
    qtbot.waitUntil(page.zentao_row.isVisible, timeout=10_000)
    wait_idle(qtbot, ctx)
    assert zentao.tasks == []
    assert "may not create tasks" in page.waiting.text()
    assert page.sheet_button.isEnabled()
    click(page.sheet_button)
    chooser = open_dialog(qtbot, page, QFileDialog)
    sheet = tmp_path / "导入.xlsx"
    chooser.fileSelected.emit(str(sheet))
    wait_idle(qtbot, ctx)
    values = [v for row in load_workbook(sheet).active.iter_rows(values_only=True) for v in row]
    assert "为报表表加索引" in [str(v) for v in values]


def test_a_locked_vault_keeps_the_measures_waiting(
    qtbot: QtBot, as_user: Callable[..., UiContext], opened: bootstrap.App, place: Place
) -> None:
    page, ctx = _approved_by(qtbot, as_user, opened, place)  # no tracker: the vault is shut
    click(page.approve_button)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: "vault" in page.status.text())
    assert page.zentao_row.isVisible()
    assert not page.push_button.isEnabled()  # the committee approved; sending again is not theirs
    assert "group leader" in page.push_button.toolTip()
    leader = page_for(qtbot, as_user(LEADER))
    assert leader.zentao_row.isVisible()
    assert leader.push_button.isEnabled()  # again, once the vault is open


def test_overdue_items_are_marked_and_the_quality_shows_as_table_and_chart(
    qtbot: QtBot, as_user: Callable[..., UiContext], opened: bootstrap.App, place: Place
) -> None:
    drafted(opened, place)
    write(opened, LEADER, optimisation.draft, "2020-04")  # carries both items over, overdue
    report = write(opened, LEADER, optimisation.show, "2020-04")
    closed = next(i for i in report.items if i.project_id == place.other)
    write(opened, LEADER, optimisation.set_item_state, closed.id, True, closed.version)
    ctx = as_user(LEADER)
    page = page_for(qtbot, ctx)
    page.choose_month("2020-04")
    wait_idle(qtbot, ctx)
    carried = next(r for r in rows(page) if r.project_id == place.project)
    assert carried.overdue
    assert carried.carried_from == MONTH
    proxy = page.items.model()
    state_column = 7
    at = proxy.index(rows(page).index(carried), state_column)
    assert MONTH in at.data()
    assert at.data(8).color() == OVERDUE_COLOUR  # BackgroundRole
    page.tabs.setCurrentWidget(page.quality_box)
    page.twelve_months.setChecked(True)
    figures = {q.project: (q.found, q.closed_in_time, q.overdue) for q in page.quality_model.rows()}
    assert figures["优化测试项目"] == (1, 0, 1)
    series = page.chart.series()
    assert len(series) == 1
    assert isinstance(series[0], QHorizontalBarSeries)
    sets: list[QBarSet] = series[0].barSets()
    assert [s.label() for s in sets] == ["Found", "Closed in time", "Overdue"]
    assert sum(sets[0].at(k) for k in range(sets[0].count())) == sum(
        q.found for q in page.quality_model.rows()
    )
    page.one_month.setChecked(True)
    assert {q.project for q in page.quality_model.rows()} == {"优化测试项目", "优化测试项目乙"}
    assert all(q.found == 0 for q in page.quality_model.rows())  # April found nothing new


def test_after_a_refused_login_sending_again_asks_first(
    qtbot: QtBot,
    as_user: Callable[..., UiContext],
    opened: bootstrap.App,
    place: Place,
    zentao: ZentaoServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _zentao_settings(opened, place, zentao)
    page, ctx = _approved_by(qtbot, as_user, opened, place)
    ctx.tracker = lambda _settings: ZentaoClient(zentao.url, "shouhou", "typo")
    click(page.approve_button)
    qtbot.waitUntil(page.zentao_row.isVisible, timeout=10_000)
    wait_idle(qtbot, ctx)
    assert zentao.login_attempts("shouhou") == 1
    assert "refused the login" in page.waiting.text()
    leader_ctx = as_user(LEADER)
    leader_ctx.tracker = ctx.tracker
    leader = page_for(qtbot, leader_ctx)
    answers: list[bool] = [False, True]
    monkeypatch.setattr(
        "supportdesk.ui.pages.optimisation_page.confirm", lambda *_a: answers.pop(0)
    )
    click(leader.push_button)
    wait_idle(qtbot, leader_ctx)
    assert zentao.login_attempts("shouhou") == 1  # "no": ZenTao was not asked again
    click(leader.push_button)
    wait_idle(qtbot, leader_ctx)
    assert zentao.login_attempts("shouhou") == 2
    assert answers == []


def test_the_report_is_exported_from_the_menu(
    qtbot: QtBot,
    as_user: Callable[..., UiContext],
    opened: bootstrap.App,
    place: Place,
    tmp_path: Path,
) -> None:
    from docx import Document

    drafted(opened, place)
    ctx = as_user(ENGINEER)  # anyone may read and export the report
    page = page_for(qtbot, ctx)
    menu = page.export_button.menu()
    assert [a.text() for a in menu.actions()] == ["Word (DOCX)…", "PDF…", "Excel (XLSX)…"]
    menu.actions()[0].trigger()
    chooser = open_dialog(qtbot, page, QFileDialog)
    out = tmp_path / "报告.docx"
    chooser.fileSelected.emit(str(out))
    wait_idle(qtbot, ctx)
    words = [c.text for t in Document(str(out)).tables for r in t.rows for c in r.cells]
    assert "报表查询慢" in words
    assert str(out) in page.status.text()


def test_the_item_dialog_offers_the_chosen_projects_systems_and_keeps_the_items_own(
    qtbot: QtBot, as_user: Callable[..., UiContext], opened: bootstrap.App, place: Place
) -> None:
    with opened.db.write() as s:
        mine = registry.save_system(s, SystemForm(place.project, "优化测试系统")).id
        other = registry.save_system(s, SystemForm(place.other, "优化测试系统乙")).id
    write(opened, LEADER, optimisation.draft, MONTH)
    form = item(place.project, "报表查询慢", date(2020, 3, 20))
    write(opened, LEADER, optimisation.save_item, replace(form, system_id=mine))
    ctx = as_user(LEADER)
    page = page_for(qtbot, ctx)
    page.items.selectRow(0)
    click(page.edit_button)
    dialog = open_dialog(qtbot, page, FormDialog)
    project, system = dialog.widgets["project_id"], dialog.widgets["system_id"]
    assert isinstance(project, QComboBox)
    assert isinstance(system, QComboBox)
    assert system.currentData() == mine  # the item's own system, on opening
    offered = [system.itemData(k) for k in range(system.count())]
    assert offered == [None, mine]
    project.setCurrentIndex(project.findData(place.other))
    assert [system.itemData(k) for k in range(system.count())] == [None, other]
    assert system.currentData() is None  # the old project's system is not kept
