"""The handover page (issue 7, R1.1) on the demo data plus one project accepted on
2027-03-31: the dates derived from the acceptance date in due order, the late flag and
filter, the timeline of the selected project, and the steps planned → joined → in progress,
which an engineer may record and a salesperson may not. Below, the selected project's
outstanding issues (R1.2 part 2): added, edited, closed and reopened, the overdue flagged."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush
from pytestqt.qtbot import QtBot

from supportdesk import bootstrap
from supportdesk.db.engine import Database
from supportdesk.domain.handover import HandoverState, IssueForm, IssueRow, Timeline
from supportdesk.domain.registry import CustomerForm, ProjectForm
from supportdesk.services import handover, registry
from supportdesk.ui.context import UiContext
from supportdesk.ui.pages.handover_page import HandoverPage, IssueDialog, JoinedDialog
from tests.ui.conftest import TODAY
from tests.ui.helpers import check_model, click, keep, open_dialog, shown_rows, wait_idle
from tests.ui.helpers import select as select_row

ENGINEER, SALES = "zhangsan", "lisi"
ACCEPTANCE = date(2027, 3, 31)

As = Callable[..., UiContext]


@pytest.fixture
def project_id(opened: bootstrap.App) -> int:
    """A project whose planned acceptance is 2027-03-31: join 2027-02-28, due 2027-04-14."""
    with opened.db.write() as s:
        customer = registry.save_customer(s, CustomerForm("交接测试客户"), today=TODAY)
        project = registry.save_project(
            s, ProjectForm(customer.id, "交接测试项目", planned_acceptance=ACCEPTANCE)
        )
    return project.id


def page_for(qtbot: QtBot, ctx: UiContext) -> HandoverPage:
    page = keep(qtbot, ctx, HandoverPage(ctx))
    page.resize(1200, 800)
    page.show()
    wait_idle(qtbot, ctx)
    return page


def pick(page: HandoverPage, project_id: int) -> Timeline:
    return select_row(page.table, lambda r: r.project_id == project_id)  # type: ignore[no-any-return]


def stored(opened: bootstrap.App, project_id: int) -> Timeline:
    with opened.db.read() as s:
        return handover.timeline(s, project_id)


def cell(
    page: HandoverPage, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole
) -> object:
    return page.table.proxy.index(row, column).data(role)


def test_the_table_lists_the_handovers_soonest_due_first_with_their_dates(
    qtbot: QtBot, as_user: As, opened: bootstrap.App, project_id: int, qtmodeltester: object
) -> None:
    ctx = as_user(ENGINEER)
    page = page_for(qtbot, ctx)
    rows: list[Timeline] = shown_rows(page.table)
    with opened.db.read() as s:
        assert len(rows) == len(handover.timelines(s)) > 10  # every demo project, and ours
    assert [r.due_on for r in rows] == sorted(r.due_on for r in rows)
    assert rows[-1].project_id == project_id  # the furthest acceptance is due last
    last = len(rows) - 1
    assert [cell(page, last, c) for c in range(7)] == [
        "交接测试客户",
        "交接测试项目",
        "2027-03-31 (planned)",
        "2027-02-28",
        "2027-04-14",
        "planned",
        "",
    ]
    check_model(qtmodeltester, page.table.model)  # type: ignore[arg-type]
    # The projects page changes the acceptance date: the page follows.
    with opened.db.write() as s:
        project = next(p for p in registry.list_projects(s) if p.id == project_id)
        registry.save_project(
            s,
            ProjectForm(
                project.customer_id,
                project.name,
                acceptance_date=date(2027, 5, 31),
                id=project.id,
                version=project.version,
            ),
        )
    ctx.events.registry_changed.emit("project")
    wait_idle(qtbot, ctx)
    row = pick(page, project_id)
    assert (row.join_on, row.due_on, row.acceptance_is_actual) == (
        date(2027, 4, 30),
        date(2027, 6, 14),
        True,
    )


def test_a_handover_not_signed_by_its_due_date_is_late(
    qtbot: QtBot, as_user: As, project_id: int
) -> None:
    # On the due date it is not late yet; the day after, it is.
    on_time = page_for(qtbot, as_user(ENGINEER, date(2027, 4, 14)))
    pick(on_time, project_id)
    assert on_time.facts["remaining"].text() == "Due today"
    page = page_for(qtbot, as_user(ENGINEER, date(2027, 4, 15)))
    rows: list[Timeline] = shown_rows(page.table)
    index = [r.project_id for r in rows].index(project_id)
    assert cell(page, index, 6) == "late"
    brush = cell(page, index, 0, Qt.ItemDataRole.BackgroundRole)
    assert isinstance(brush, QBrush)  # the whole row is highlighted
    assert brush.color().red() > brush.color().green()
    assert cell(page, index, 6) == "late"
    pick(page, project_id)
    assert page.facts["remaining"].text() == "Late: due 1 days ago"
    # Late only: every shown row is late, ours among them.
    page.late_only.setChecked(True)
    late: list[Timeline] = shown_rows(page.table)
    assert project_id in [r.project_id for r in late]
    assert all(r.late(date(2027, 4, 15)) for r in late)
    assert page.late_only.text() == f"Late only ({len(late)})"
    assert page.table.selected().project_id == project_id  # the selection stays


def test_an_engineer_records_joined_then_started(
    qtbot: QtBot, as_user: As, opened: bootstrap.App, project_id: int
) -> None:
    ctx = as_user(ENGINEER)
    page = page_for(qtbot, ctx)
    pick(page, project_id)
    assert page.joined_button.isEnabled()
    assert not page.started_button.isEnabled()
    assert "joined" in page.started_button.toolTip()
    click(page.joined_button)
    dialog = open_dialog(qtbot, page, JoinedDialog)
    assert dialog.chosen() == TODAY  # today by default
    joined_on = TODAY - timedelta(days=3)
    dialog.joined_on.setDate(QDate(joined_on.year, joined_on.month, joined_on.day))
    click(dialog.ok_button)
    wait_idle(qtbot, ctx)
    assert not page.findChildren(JoinedDialog)  # closed once saved
    after = stored(opened, project_id)
    assert (after.state, after.joined_on) == (HandoverState.JOINED, joined_on)
    shown = page.table.selected()
    assert (shown.project_id, shown.state) == (project_id, HandoverState.JOINED)
    assert page.facts["state"].text() == "joined"
    assert page.facts["joined"].text() == joined_on.isoformat()
    assert not page.joined_button.isEnabled()
    assert "already joined" in page.joined_button.toolTip()
    click(page.started_button)
    wait_idle(qtbot, ctx)
    assert stored(opened, project_id).state is HandoverState.IN_PROGRESS
    assert page.table.selected().state is HandoverState.IN_PROGRESS
    assert not page.started_button.isEnabled()
    assert "already started" in page.started_button.toolTip()


def test_a_salesperson_sees_the_actions_disabled_and_why(
    qtbot: QtBot, as_user: As, project_id: int
) -> None:
    page = page_for(qtbot, as_user(SALES))
    pick(page, project_id)
    for button in (page.joined_button, page.started_button):
        assert not button.isEnabled()
        assert "Only engineers, the group leader" in button.toolTip()


def test_the_timeline_shows_the_selected_projects_dates(
    qtbot: QtBot, as_user: As, project_id: int
) -> None:
    page = page_for(qtbot, as_user(ENGINEER, date(2027, 3, 20)))
    assert page.timeline.marks() == []
    pick(page, project_id)
    drawn = page.timeline
    assert drawn.timeline is not None
    assert drawn.timeline.project_id == project_id
    assert drawn.today == date(2027, 3, 20)
    assert drawn.marks() == [
        ("Group joins", date(2027, 2, 28)),
        ("Acceptance", date(2027, 3, 31)),
        ("Handover due", date(2027, 4, 14)),
    ]
    assert page.heading.text() == "交接测试客户 · 交接测试项目"
    assert page.facts["remaining"].text() == "Due in 25 days"
    assert not drawn.grab().isNull()  # paints without error


# -- the outstanding issues (R1.2 part 2) -------------------------------------------------


@contextmanager
def as_engineer(opened: bootstrap.App) -> Iterator[Any]:
    """A write transaction as the engineer, outside the page."""
    db = Database(opened.db.url, actor=ENGINEER)
    try:
        with db.write() as s:
            yield s
    finally:
        db.dispose()


def stored_issues(opened: bootstrap.App, project_id: int) -> list[IssueRow]:
    with opened.db.read() as s:
        return handover.issues(s, project_id)


def issue_cells(page: HandoverPage, row: int) -> list[object]:
    proxy = page.issues.proxy
    return [proxy.index(row, c).data() for c in range(proxy.columnCount())]


def test_an_engineer_adds_an_issue_and_closes_it(
    qtbot: QtBot, as_user: As, opened: bootstrap.App, project_id: int, qtmodeltester: object
) -> None:
    ctx = as_user(ENGINEER)
    page = page_for(qtbot, ctx)
    assert not page.add_issue_button.isEnabled()  # no project selected yet
    assert "Select a project" in page.add_issue_button.toolTip()
    pick(page, project_id)
    wait_idle(qtbot, ctx)
    assert shown_rows(page.issues) == []
    assert page.add_issue_button.isEnabled()
    assert not page.edit_issue_button.isEnabled()
    assert "Select an issue" in page.issue_state_button.toolTip()
    click(page.add_issue_button)
    dialog = open_dialog(qtbot, page, IssueDialog)
    due = TODAY + timedelta(days=10)
    dialog.title.setText("备份策略未落实")
    dialog.due_on.setDate(QDate(due.year, due.month, due.day))
    dialog.detail.setPlainText("客户尚未提供备份存储")
    # A blank owner: refused, the dialog stays open naming the field, nothing saved.
    dialog.owner.setText("   ")
    click(dialog.ok_button)
    wait_idle(qtbot, ctx)
    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert "owner" in dialog.error.text()
    assert stored_issues(opened, project_id) == []
    dialog.owner.setText("客户信息中心")
    click(dialog.ok_button)
    wait_idle(qtbot, ctx)
    assert not [d for d in page.findChildren(IssueDialog) if d.isVisible()]  # closed once saved
    [issue] = stored_issues(opened, project_id)
    assert (issue.title, issue.owner, issue.due_on, issue.detail, issue.state) == (
        "备份策略未落实",
        "客户信息中心",
        due,
        "客户尚未提供备份存储",
        "open",
    )
    assert page.issues.selected() == issue  # the new issue is selected
    assert issue_cells(page, 0) == [
        "备份策略未落实",
        "客户信息中心",
        due.isoformat(),
        "open",
        "",
        "",
    ]
    check_model(qtmodeltester, page.issues.model)  # type: ignore[arg-type]
    # Close it: the state and the day in the database, the row shows it closed.
    assert page.issue_state_button.text() == "Close issue"
    click(page.issue_state_button)
    wait_idle(qtbot, ctx)
    [closed] = stored_issues(opened, project_id)
    assert (closed.state, closed.closed_on) == ("closed", TODAY)
    assert issue_cells(page, 0)[3:5] == ["closed", TODAY.isoformat()]
    assert page.issues.selected().id == issue.id
    assert page.issue_state_button.text() == "Reopen"
    # Edit it through the same dialog, filled in.
    click(page.edit_issue_button)
    dialog = open_dialog(qtbot, page, IssueDialog)
    assert (dialog.title.text(), dialog.owner.text()) == ("备份策略未落实", "客户信息中心")
    dialog.owner.setText("张三")
    click(dialog.ok_button)
    wait_idle(qtbot, ctx)
    assert stored_issues(opened, project_id)[0].owner == "张三"
    # Reopen it.
    click(page.issue_state_button)
    wait_idle(qtbot, ctx)
    [reopened] = stored_issues(opened, project_id)
    assert (reopened.state, reopened.closed_on) == ("open", None)
    assert page.issue_state_button.text() == "Close issue"


def test_open_issues_come_first_and_one_past_its_date_is_overdue(
    qtbot: QtBot, as_user: As, opened: bootstrap.App, project_id: int
) -> None:
    day = date(2027, 4, 20)
    with as_engineer(opened) as s:
        late = handover.save_issue(s, IssueForm(project_id, "迟了", "张三", date(2027, 4, 19)))
        handover.save_issue(s, IssueForm(project_id, "未到期", "李四", date(2027, 4, 25)))
        done = handover.save_issue(s, IssueForm(project_id, "已完成", "王五", date(2027, 4, 1)))
        handover.set_issue_state(s, done.id, True, done.version, date(2027, 4, 2))
    ctx = as_user(ENGINEER, day)
    page = page_for(qtbot, ctx)
    pick(page, project_id)
    wait_idle(qtbot, ctx)
    rows: list[IssueRow] = shown_rows(page.issues)
    assert [r.title for r in rows] == ["迟了", "未到期", "已完成"]  # open first, closed last
    assert issue_cells(page, 0)[3:] == ["open", "", "overdue"]
    assert issue_cells(page, 1)[5] == ""  # due later: not overdue
    assert issue_cells(page, 2)[3:] == ["closed", "2027-04-02", ""]  # closed: never overdue
    brush = page.issues.proxy.index(0, 0).data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(brush, QBrush)  # the overdue row is highlighted
    assert brush.color().red() > brush.color().green()
    assert page.issues.proxy.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert rows[0].id == late.id


def test_a_salesperson_sees_the_issue_buttons_disabled_and_why(
    qtbot: QtBot, as_user: As, opened: bootstrap.App, project_id: int
) -> None:
    with as_engineer(opened) as s:
        handover.save_issue(s, IssueForm(project_id, "遗留问题", "张三", TODAY))
    ctx = as_user(SALES)
    page = page_for(qtbot, ctx)
    pick(page, project_id)
    wait_idle(qtbot, ctx)
    select_row(page.issues, lambda r: r.title == "遗留问题")  # a salesperson may read them
    for button in (page.add_issue_button, page.edit_issue_button, page.issue_state_button):
        assert not button.isEnabled()
        assert "Only engineers, the group leader" in button.toolTip()
