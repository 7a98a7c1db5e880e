"""Projects and their systems: create, edit, delete with confirmation, search, field errors,
stale edits."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from pytestqt.qtbot import QtBot

from supportdesk import bootstrap
from supportdesk.db.engine import Database
from supportdesk.db.models import BackupCheck
from supportdesk.domain.backup import BackupKind, JobForm
from supportdesk.domain.registry import HostForm, ProjectForm, ProjectRow
from supportdesk.services import backup, registry
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.form_dialog import FormDialog, OptionalDate
from supportdesk.ui.pages import projects_page
from supportdesk.ui.pages.projects_page import ProjectsPage
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
    widget,
)


def projects(db: Database) -> list[ProjectRow]:
    with db.read() as session:
        return registry.list_projects(session)


@pytest.fixture
def page(qtbot: QtBot, ctx: UiContext) -> ProjectsPage:
    widget = keep(qtbot, ctx, ProjectsPage(ctx))
    widget.show()
    wait_idle(qtbot, ctx)
    return widget


@pytest.fixture
def first(opened: bootstrap.App) -> ProjectRow:
    return projects(opened.db)[0]


def test_add_project_through_the_dialog(
    qtbot: QtBot, page: ProjectsPage, ctx: UiContext, opened: bootstrap.App
) -> None:
    customer_id = next(p.customer_id for p in projects(opened.db) if p.customer.startswith("南京"))
    click(page.projects.add_button)
    dialog = open_dialog(qtbot, page, FormDialog)
    choose(dialog, "customer", customer_id)
    set_text(dialog, "name", "票务系统")
    set_text(dialog, "contract_no", "NJ-2026-07")
    widget(dialog, "planned_acceptance", OptionalDate).set_value(date(2026, 9, 30))
    press_ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle(qtbot, ctx)
    added = [p for p in projects(opened.db) if p.name == "票务系统"]
    assert [
        (p.customer_id, p.contract_no, p.planned_acceptance, p.acceptance_date) for p in added
    ] == [(customer_id, "NJ-2026-07", date(2026, 9, 30), None)]
    assert "票务系统" in [p.name for p in shown_rows(page.projects)]


def test_edit_project_through_the_dialog(
    qtbot: QtBot, page: ProjectsPage, ctx: UiContext, opened: bootstrap.App, first: ProjectRow
) -> None:
    select(page.projects, lambda p: p.id == first.id)
    click(page.projects.edit_button)
    dialog = open_dialog(qtbot, page, FormDialog)
    assert text_of(dialog, "name") == first.name
    set_text(dialog, "contract_no", "EDITED-01")
    press_ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle(qtbot, ctx)
    stored = next(p for p in projects(opened.db) if p.id == first.id)
    assert (stored.name, stored.contract_no) == (first.name, "EDITED-01")
    assert page.projects.selected().contract_no == "EDITED-01"


@pytest.mark.parametrize("answer", [True, False])
def test_delete_project_only_after_yes(
    qtbot: QtBot,
    page: ProjectsPage,
    ctx: UiContext,
    opened: bootstrap.App,
    first: ProjectRow,
    monkeypatch: pytest.MonkeyPatch,
    answer: bool,
) -> None:
    asked: list[str] = []

    def confirm(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return answer

    monkeypatch.setattr(projects_page, "confirm", confirm)
    before = projects(opened.db)
    select(page.projects, lambda p: p.id == first.id)
    click(page.projects.delete_button)
    wait_idle(qtbot, ctx)
    assert len(asked) == 1
    assert first.name in asked[0]
    assert first.customer in asked[0]
    after = projects(opened.db)
    if answer:
        assert after == [p for p in before if p.id != first.id]
        qtbot.waitUntil(lambda: first.id not in [p.id for p in shown_rows(page.projects)])
    else:
        assert after == before
        assert first.id in [p.id for p in shown_rows(page.projects)]


def test_search_filters_by_customer(page: ProjectsPage, opened: bootstrap.App) -> None:
    everything = projects(opened.db)
    page.projects.search.setText("南京")
    shown = shown_rows(page.projects)
    assert shown
    assert len(shown) < len(everything)
    assert {p.customer for p in shown} == {"南京地铁运营公司"}
    page.projects.search.clear()
    assert len(shown_rows(page.projects)) == len(everything)


def test_empty_name_is_named_at_the_field_and_saves_nothing(
    qtbot: QtBot, page: ProjectsPage, ctx: UiContext, opened: bootstrap.App
) -> None:
    before = projects(opened.db)
    click(page.projects.add_button)
    dialog = open_dialog(qtbot, page, FormDialog)
    set_text(dialog, "contract_no", "X-1")
    press_ok(dialog)
    qtbot.waitUntil(dialog.errors["name"].isVisible)
    wait_idle(qtbot, ctx)
    assert "required" in dialog.errors["name"].text()
    assert not dialog.errors["contract_no"].isVisible()
    assert dialog.isVisible()
    assert projects(opened.db) == before


def test_stale_edit_names_who_changed_it_and_overwrites_nothing(
    qtbot: QtBot,
    page: ProjectsPage,
    ctx: UiContext,
    opened: bootstrap.App,
    first: ProjectRow,
    other_session: Callable[[str], Database],
) -> None:
    select(page.projects, lambda p: p.id == first.id)
    click(page.projects.edit_button)
    dialog = open_dialog(qtbot, page, FormDialog)
    with other_session("wangwu").write() as session:
        registry.save_project(
            session,
            ProjectForm(
                first.customer_id, first.name, "THEIRS", id=first.id, version=first.version
            ),
        )
    set_text(dialog, "contract_no", "MINE")
    press_ok(dialog)
    qtbot.waitUntil(dialog.general_error.isVisible)
    wait_idle(qtbot, ctx)
    assert "wangwu" in dialog.general_error.text()
    assert next(p for p in projects(opened.db) if p.id == first.id).contract_no == "THEIRS"


def test_add_system_to_the_selected_project(
    qtbot: QtBot, page: ProjectsPage, ctx: UiContext, opened: bootstrap.App, first: ProjectRow
) -> None:
    select(page.projects, lambda p: p.id == first.id)
    wait_idle(qtbot, ctx)
    assert page.systems.isEnabled()
    with opened.db.read() as session:
        before = registry.list_systems(session, first.id)
    assert sorted(s.id for s in shown_rows(page.systems)) == sorted(s.id for s in before)
    click(page.systems.add_button)
    dialog = open_dialog(qtbot, page, FormDialog)
    set_text(dialog, "name", "测试环境")
    choose(dialog, "environment", "test")
    set_checked(dialog, "under_maintenance", False)
    press_ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle(qtbot, ctx)
    with opened.db.read() as session:
        added = [s for s in registry.list_systems(session, first.id) if s.name == "测试环境"]
    assert [(s.environment, s.under_maintenance) for s in added] == [("test", False)]
    assert "测试环境" in [s.name for s in shown_rows(page.systems)]


def test_each_system_shows_how_its_backups_stand(
    qtbot: QtBot, page: ProjectsPage, ctx: UiContext, opened: bootstrap.App, first: ProjectRow
) -> None:
    with opened.db.write() as s:
        (system, *_rest) = registry.list_systems(s, first.id)
        host = registry.save_host(s, HostForm(system.id, "bak01", "10.9.9.9"))
        job = backup.save_job(
            s, JobForm(system.id, host.id, "夜间数据库", BackupKind.PG_DUMP, "/srv/backup")
        )
        s.add(
            BackupCheck(
                job_id=job.id,
                checked_at=datetime.now(UTC),
                passed=False,
                outcome="checked",
                findings=json.dumps([{"code": "gap", "ok": False, "params": {}}]),
                checked_by="tester",
            )
        )
    ctx.events.registry_changed.emit("project")
    wait_idle(qtbot, ctx)
    select(page.projects, lambda p: p.id == first.id)
    wait_idle(qtbot, ctx)
    model = page.systems.view.model()
    texts = {model.index(r, 0).data(): model.index(r, 3).data() for r in range(model.rowCount())}
    assert texts[system.name] == "✘ 1 of 1 failing"
    assert all(t == "no backup job" for n, t in texts.items() if n != system.name)
