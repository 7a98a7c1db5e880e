"""The Changes page (issue 8, R3.2), on the demo data (real SQLite): a change planned through
its dialog and listed; the search (Chinese words, as you type) and the system filter; the
customer notice gate refusing an execution until a phone notice is recorded; an emergency
execution flagged in red with its reason; a mailed notice queued until a real SMTP server
accepted it; a script file and a commit archived, verified and saved back byte for byte; the
running versions; the XLSX export of the rows shown; and a salesperson who may only read."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from supportdesk import bootstrap
from supportdesk.adapters.mail import SmtpSender
from supportdesk.db.engine import Database
from supportdesk.domain.changes import ArtifactKind, ChangeForm, ChangeRow
from supportdesk.domain.delivery import MAIL
from supportdesk.domain.registry import ContactForm, ProjectForm, SystemForm, SystemRow
from supportdesk.services import changes, delivery, registry, team_settings
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.change_dialogs import (
    ArtifactFileDialog,
    ChangeDialog,
    CommitDialog,
    ExecutedDialog,
    NoticeDialog,
)
from supportdesk.ui.models.row_model import ROW_ROLE, Column
from supportdesk.ui.pages import changes_page
from supportdesk.ui.pages.changes_page import FLAGGED_COLOUR, ChangesPage, TipModel
from tests.servers.smtp import SmtpServer, running_smtp
from tests.ui.conftest import TODAY
from tests.ui.helpers import check_model, click, keep, open_dialog, wait_idle

ENGINEER, SALES = "zhangsan", "lisi"
CUSTOMER = "华东电力调度中心"
MAINTAINED, NOT_MAINTAINED = "调度平台生产", "调度平台测试"  # the demo's systems of CUSTOMER
NO_RIGHT = "Only engineers, the group leader and the administrator record changes."
GATE = "the customer has not been told of this change yet"


@pytest.fixture(autouse=True)
def systems(opened: bootstrap.App) -> None:
    """A maintained and a not maintained system of CUSTOMER, whatever the demo drew today
    (its projects depend on the day it is made)."""
    with opened.db.write() as s:
        customer = next(c for c in registry.list_customers(s) if c.name == CUSTOMER)
        have = {x.name for x in registry.list_systems(s) if x.customer == CUSTOMER}
        if {MAINTAINED, NOT_MAINTAINED} <= have:
            return
        project = registry.save_project(s, ProjectForm(customer.id, "变更记录测试")).id
        registry.save_system(s, SystemForm(project, MAINTAINED, "production"))
        registry.save_system(
            s, SystemForm(project, NOT_MAINTAINED, "test", under_maintenance=False)
        )


def system(opened: bootstrap.App, name: str) -> SystemRow:
    with opened.db.read() as s:
        return next(
            x for x in registry.list_systems(s) if x.customer == CUSTOMER and x.name == name
        )


def plan(opened: bootstrap.App, system_id: int, title: str, **changes_: Any) -> ChangeRow:
    """A change planned through the services, as an engineer at another desk."""
    values: dict[str, Any] = {
        "reason": "修复夜间批处理内存泄漏",
        "scope": "调度服务应用与配置",
        "planned_start": datetime.now(UTC) + timedelta(days=1),
        "duration_minutes": 90,
        "impact": "升级期间调度页面不可用约 30 分钟",
        "rollback": "回退到 3.1 版安装包",
        "executor": "研发部 李工",
        "supervisor": ENGINEER,
        **changes_,
    }
    db = Database(opened.db.url, actor=ENGINEER)
    try:
        with db.write() as s:
            return changes.save_change(s, ChangeForm(system_id, title, **values))
    finally:
        db.dispose()


def page_for(qtbot: QtBot, ctx: UiContext) -> ChangesPage:
    page = keep(qtbot, ctx, ChangesPage(ctx))
    page.resize(1280, 800)
    page.show()
    wait_idle(qtbot, ctx)
    return page


def shown(page: ChangesPage) -> list[ChangeRow]:
    proxy = page.proxy
    return [proxy.index(r, 0).data(ROW_ROLE) for r in range(proxy.rowCount())]


def cell(page: ChangesPage, change_id: int, column: int, role: int = 0) -> Any:
    proxy = page.proxy
    for r in range(proxy.rowCount()):
        if proxy.index(r, 0).data(ROW_ROLE).id == change_id:
            return proxy.index(r, column).data(role)
    raise AssertionError(f"change {change_id} is not shown")


def choose(qtbot: QtBot, ctx: UiContext, page: ChangesPage, change_id: int) -> ChangeRow:
    assert page._select(change_id), f"change {change_id} is not shown"
    wait_idle(qtbot, ctx)
    assert page.shown is not None
    assert page.shown.detail.change.id == change_id
    row = page.selected()
    assert row is not None
    return row


def choose_file(qtbot: QtBot, parent: QWidget, path: Path) -> None:
    """Answer the file dialog `parent` has just opened with `path`."""
    chooser = open_dialog(qtbot, parent, QFileDialog)
    chooser.selectFile(str(path))
    chooser.accept()


def closed(parent: QWidget, kind: type[QWidget]) -> bool:
    return not [d for d in parent.findChildren(kind) if d.isVisible()]


def tell_by_phone(qtbot: QtBot, ctx: UiContext, page: ChangesPage, who: str) -> None:
    click(page.notify_button)
    dialog = open_dialog(qtbot, page, NoticeDialog)
    assert dialog.by_phone.isChecked()
    dialog.to_whom.setText(who)
    dialog.note.setText("同意周六晚执行")
    click(dialog.ok_button)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: closed(page, NoticeDialog))
    wait_idle(qtbot, ctx)


def test_a_change_is_planned_through_the_dialog_listed_and_corrected(
    qtbot: QtBot, as_user: Any, opened: bootstrap.App
) -> None:
    ctx = as_user(ENGINEER)
    page = page_for(qtbot, ctx)
    assert shown(page) == []
    assert page.tabs.tabText(0) == "Change log (0)"
    target = system(opened, MAINTAINED)
    click(page.new_button)
    dialog = open_dialog(qtbot, page, ChangeDialog)
    dialog.system.setCurrentIndex(dialog.system.findData(target.id))
    assert "must be told" in dialog.maintained.text()
    assert dialog.supervisor.currentData() == ENGINEER  # an engineer supervises their own
    # Nothing filled in: refused, the dialog stays open and names the field.
    click(dialog.ok_button)
    wait_idle(qtbot, ctx)
    assert dialog.isVisible()
    assert dialog.error.text() == "title: is required"
    dialog.title.setText("升级调度服务至 3.2 版")
    dialog.reason.setPlainText("修复夜间批处理内存泄漏")
    dialog.scope.setPlainText("调度服务应用与配置；数据库新增两张表")
    start = (datetime.now() + timedelta(days=2)).replace(
        hour=21, minute=30, second=0, microsecond=0
    )
    dialog.start.setDateTime(
        QDateTime(QDate(start.year, start.month, start.day), QTime(start.hour, start.minute))
    )
    dialog.duration.setValue(90)
    assert dialog.duration_words.text() == "1 h 30 min"
    dialog.impact.setPlainText("升级期间调度页面不可用约 30 分钟")
    dialog.rollback.setPlainText("回退到 3.1 版安装包并执行回滚脚本")
    dialog.executor.setText("研发部 李工")
    click(dialog.ok_button)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: closed(page, ChangeDialog))
    wait_idle(qtbot, ctx)
    (row,) = shown(page)
    assert (row.title, row.system, row.state, row.supervisor) == (
        "升级调度服务至 3.2 版",
        MAINTAINED,
        "planned",
        ENGINEER,
    )
    assert row.planned_start == start.astimezone()  # the local time typed, as an instant
    assert page.selected() == row  # the new change is selected and shown in full
    assert page.heading.text() == f"{row.id} · 升级调度服务至 3.2 版"
    assert page.facts["schedule"].text().endswith("(1 h 30 min)")
    assert page.facts["supervisor"].text() == "张三 (zhangsan)"
    assert cell(page, row.id, 5) == "not told"
    assert page.tabs.tabText(0) == "Change log (1)"
    # Planned while a search hides it: the search is cleared to show it.
    page.search.setText("no such words")
    wait_idle(qtbot, ctx)
    assert shown(page) == []
    click(page.new_button)
    dialog = open_dialog(qtbot, page, ChangeDialog)
    dialog.title.setText("更换 HTTPS 证书")
    for edit in (dialog.reason, dialog.scope, dialog.impact, dialog.rollback):
        edit.setPlainText("证书")
    dialog.executor.setText("售后组 王五")
    click(dialog.ok_button)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: closed(page, ChangeDialog))
    wait_idle(qtbot, ctx)
    assert page.search.text() == ""
    assert len(shown(page)) == 2
    assert page.selected() is not None
    assert page.selected().title == "更换 HTTPS 证书"  # type: ignore[union-attr]
    assert choose(qtbot, ctx, page, row.id) == row
    # Corrected: the selection stays, the list shows the new words.
    click(page.edit_button)
    dialog = open_dialog(qtbot, page, ChangeDialog)
    assert dialog.title.text() == row.title
    assert "told again" in " ".join(label.text() for label in dialog.findChildren(QLabel))
    dialog.duration.setValue(120)
    click(dialog.ok_button)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: closed(page, ChangeDialog))
    wait_idle(qtbot, ctx)
    assert page.selected() is not None
    assert page.selected().duration_minutes == 120  # type: ignore[union-attr]
    assert page.facts["schedule"].text().endswith("(2 h)")


def test_the_search_finds_chinese_words_as_you_type_and_the_system_filter_narrows(
    qtbot: QtBot, as_user: Any, opened: bootstrap.App, monkeypatch: pytest.MonkeyPatch
) -> None:
    maintained, other = system(opened, MAINTAINED), system(opened, NOT_MAINTAINED)
    upgrade = plan(opened, maintained.id, "升级调度服务至 3.2 版")
    certificate = plan(opened, other.id, "更换 HTTPS 证书", scope="负载均衡上的证书")
    ctx = as_user(ENGINEER)
    page = page_for(qtbot, ctx)
    assert {r.id for r in shown(page)} == {upgrade.id, certificate.id}
    # Typing never waits for the database, and a slow query for what was typed first never
    # overwrites the answer to what was typed last.
    real = changes.list_changes
    release = threading.Event()
    calls: list[str] = []

    def slow_for_first(session: Any, **kwargs: Any) -> list[ChangeRow]:
        calls.append(kwargs["text"])
        if kwargs["text"] == "华":
            release.wait(5)
        return real(session, **kwargs)

    monkeypatch.setattr(changes, "list_changes", slow_for_first)
    page.search.setText("华")  # both changes: the customer's name
    page.search.setText("证书")
    qtbot.waitUntil(lambda: [r.id for r in shown(page)] == [certificate.id])
    release.set()
    wait_idle(qtbot, ctx)
    assert sorted(calls) == sorted(["华", "证书"])
    assert [r.id for r in shown(page)] == [certificate.id]
    monkeypatch.setattr(changes, "list_changes", real)
    page.search.setText("华东")  # the customer's name
    wait_idle(qtbot, ctx)
    assert len(shown(page)) == 2
    page.search.setText("no such words")
    wait_idle(qtbot, ctx)
    assert shown(page) == []
    assert not page.export_button.isEnabled()
    assert page.export_button.toolTip() == "No changes are shown to export."
    page.search.clear()
    page.system.setCurrentIndex(page.system.findData(maintained.id))
    wait_idle(qtbot, ctx)
    assert [r.id for r in shown(page)] == [upgrade.id]
    page.system.setCurrentIndex(page.system.findData(other.id))
    wait_idle(qtbot, ctx)
    assert [r.id for r in shown(page)] == [certificate.id]
    assert cell(page, certificate.id, 5, Qt.ItemDataRole.ToolTipRole) == (
        "Not under maintenance: no customer notice is required."
    )


def test_execution_waits_for_the_customer_notice_and_a_phone_notice_lets_it_through(
    qtbot: QtBot, as_user: Any, opened: bootstrap.App
) -> None:
    change = plan(opened, system(opened, MAINTAINED).id, "升级调度服务至 3.2 版")
    ctx = as_user(ENGINEER)
    page = page_for(qtbot, ctx)
    assert page.executed_button.toolTip() == "Select a change first."
    choose(qtbot, ctx, page, change.id)
    assert page.facts["notice"].text() == "Not told yet: required before the change (R3.2)."
    click(page.executed_button)
    dialog = open_dialog(qtbot, page, ExecutedDialog)
    assert dialog.gate.isVisible()  # said before anything is pressed
    assert "must be told" in dialog.gate_text.text()
    assert "flagged" in dialog.emergency_caption.text()
    assert dialog.ok_button.text() == "Executed"
    click(dialog.ok_button)
    wait_idle(qtbot, ctx)
    assert dialog.isVisible()
    assert GATE in dialog.error.text()
    dialog.reject()
    qtbot.waitUntil(lambda: closed(page, ExecutedDialog))
    assert page.selected().state == "planned"  # type: ignore[union-attr]
    tell_by_phone(qtbot, ctx, page, "信息科 王工")
    assert cell(page, change.id, 5) == "told"
    assert page.facts["notice"].text().startswith("Told by phone: 信息科 王工, ")
    notices = page.notices_model.rows()
    assert [(n.channel, n.to_whom, n.note) for n in notices] == [
        ("phone", "信息科 王工", "同意周六晚执行")
    ]
    assert page.notices_box.title() == "Customer notices (1)"
    click(page.executed_button)
    dialog = open_dialog(qtbot, page, ExecutedDialog)
    assert not dialog.gate.isVisible()
    click(dialog.ok_button)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: closed(page, ExecutedDialog))
    wait_idle(qtbot, ctx)
    row = page.selected()
    assert row is not None
    assert (row.id, row.state, row.without_notice) == (change.id, "executed", False)
    assert cell(page, change.id, 4) == "executed"
    assert cell(page, change.id, 0, Qt.ItemDataRole.BackgroundRole) is None
    for button in (page.edit_button, page.notify_button, page.executed_button):
        assert not button.isEnabled(), button.text()
        assert button.toolTip() == (
            "This change is executed: only a planned change can be changed."
        )
    assert page.archive_file_button.isEnabled()  # what was changed is archived afterwards


def test_an_emergency_execution_is_recorded_and_flagged_in_red(
    qtbot: QtBot, as_user: Any, opened: bootstrap.App
) -> None:
    change = plan(opened, system(opened, MAINTAINED).id, "紧急修复数据库死锁")
    quiet = plan(opened, system(opened, MAINTAINED).id, "调整日志级别")
    ctx = as_user(ENGINEER)
    page = page_for(qtbot, ctx)
    choose(qtbot, ctx, page, change.id)
    click(page.executed_button)
    dialog = open_dialog(qtbot, page, ExecutedDialog)
    dialog.reason.setPlainText("凌晨两点数据库死锁，无法等待通知")
    assert dialog.ok_button.text() == "Record as emergency (flagged)"
    click(dialog.ok_button)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: closed(page, ExecutedDialog))
    wait_idle(qtbot, ctx)
    row = page.selected()
    assert row is not None
    assert (row.id, row.state, row.without_notice) == (change.id, "executed", True)
    for column in range(6):
        brush = cell(page, change.id, column, Qt.ItemDataRole.BackgroundRole)
        assert brush.color() == FLAGGED_COLOUR
        tip = cell(page, change.id, column, Qt.ItemDataRole.ToolTipRole)
        assert tip == (
            "Executed without telling the customer first. "
            "Emergency reason: 凌晨两点数据库死锁，无法等待通知"
        )
    assert cell(page, change.id, 4) == "executed, flagged"
    assert cell(page, quiet.id, 0, Qt.ItemDataRole.BackgroundRole) is None
    assert page.facts["flag"].isVisible()
    assert "凌晨两点数据库死锁" in page.facts["flag"].text()
    page.flagged_only.setChecked(True)
    wait_idle(qtbot, ctx)
    assert [r.id for r in shown(page)] == [change.id]
    assert page.selected() is not None  # kept across the reload


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    with running_smtp("plain") as server:
        yield server


def test_a_mailed_notice_is_queued_until_the_mail_server_accepted_it(
    qtbot: QtBot, as_user: Any, opened: bootstrap.App, smtp: SmtpServer
) -> None:
    target = system(opened, MAINTAINED)
    with opened.db.write() as s:
        customer = next(c for c in registry.list_customers(s) if c.name == CUSTOMER)
        registry.save_contact(
            s, ContactForm(customer.id, "王工", email="wang@huadong.cn", emergency=True)
        )
        team_settings.set_many(
            s,
            {
                "mail.host": smtp.host,
                "mail.port": str(smtp.port),
                "mail.security": "none",
                "mail.from": "desk@example.cn",
            },
        )
    change = plan(opened, target.id, "升级调度服务至 3.2 版")
    with opened.db.read() as s:
        expected = changes.customer_addresses(s, change.id)
    assert "wang@huadong.cn" in expected  # the customer's contacts with an address
    ctx = as_user(ENGINEER)
    page = page_for(qtbot, ctx)
    choose(qtbot, ctx, page, change.id)
    click(page.notify_button)
    dialog = open_dialog(qtbot, page, NoticeDialog)
    qtbot.waitUntil(lambda: dialog.loaded)
    dialog.by_mail.setChecked(True)
    assert dialog.pages.currentIndex() == 1
    assert dialog.addresses.toPlainText().splitlines() == expected
    dialog.addresses.setPlainText("wang@huadong.cn")  # editable: only him
    click(dialog.ok_button)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: closed(page, NoticeDialog))
    wait_idle(qtbot, ctx)
    assert cell(page, change.id, 5) == "mail queued (1)"
    assert page.status.text().startswith("The notice mail is queued")
    (notice,) = page.notices_model.rows()
    assert notice.to_whom == "wang@huadong.cn"
    assert page.notices_model.index(0, 2).data() == "queued (1 not yet sent)"
    assert page.facts["notice"].text().startswith("Mail queued")
    # Queued is not told: the gate still stands.
    click(page.executed_button)
    dialog_x = open_dialog(qtbot, page, ExecutedDialog)
    assert dialog_x.gate.isVisible()
    dialog_x.reject()
    qtbot.waitUntil(lambda: closed(page, ExecutedDialog))
    sent = delivery.deliver(opened.db, {MAIL: SmtpSender(smtp.settings(), timeout=5)}, owner="t")
    assert sent.sent == 1
    assert smtp.messages[0].rcpt_tos == ("wang@huadong.cn",)
    ctx.events.reminders_ran.emit()  # a delivery run finished: the page looks again
    wait_idle(qtbot, ctx)
    assert cell(page, change.id, 5) == "told"
    assert page.facts["notice"].text().startswith("Told by mail: wang@huadong.cn, ")
    click(page.executed_button)
    dialog_x = open_dialog(qtbot, page, ExecutedDialog)
    assert not dialog_x.gate.isVisible()
    dialog_x.reject()
    qtbot.waitUntil(lambda: closed(page, ExecutedDialog))


def test_a_script_and_a_commit_are_archived_verified_pinned_and_saved_back(
    qtbot: QtBot, as_user: Any, opened: bootstrap.App, tmp_path: Path
) -> None:
    target = system(opened, MAINTAINED)
    change = plan(opened, target.id, "升级调度服务至 3.2 版")
    ctx = as_user(ENGINEER)
    page = page_for(qtbot, ctx)
    choose(qtbot, ctx, page, change.id)
    assert page.save_copy_button.toolTip() == "Select an archived file first."
    script = tmp_path / "V3_2__新增表.sql"
    body = "CREATE TABLE 调度任务 (id INTEGER);\n".encode() * 100
    script.write_bytes(body)
    click(page.archive_file_button)
    choose_file(qtbot, page, script)
    dialog = open_dialog(qtbot, page, ArtifactFileDialog)
    assert dialog.kind.currentData() == ArtifactKind.SCRIPT  # a .sql file
    assert dialog.name.text() == script.name
    click(dialog.ok_button)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: closed(page, ArtifactFileDialog))
    wait_idle(qtbot, ctx)
    assert page.status.text().startswith(f"Archived {script.name} (")
    click(page.archive_commit_button)
    commit = open_dialog(qtbot, page, CommitDialog)
    commit.name.setText("dispatch/app.git")
    commit.commit.setText("not a commit")
    click(commit.ok_button)
    wait_idle(qtbot, ctx)
    assert "is not a commit id" in commit.error.text()
    commit.commit.setText("A1B2C3D4E5F60718")
    click(commit.ok_button)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: closed(page, CommitDialog))
    wait_idle(qtbot, ctx)
    model = page.archive_model
    table = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(2)]
    first, _commit = model.rows()
    assert first.sha256 is not None
    assert table[0][:3] == ["database script", script.name, first.sha256[:12]]
    assert table[1][:3] == ["commit", "dispatch/app.git", "a1b2c3d4e5f6"]
    assert [r[4] for r in table] == ["✔ verified", "✔ verified"]
    # A commit is a reference, not a file.
    page.archive_view.selectRow(1)
    assert not page.save_copy_button.isEnabled()
    assert page.save_copy_button.toolTip() == "A commit is a reference: there is no file to save."
    page.archive_view.selectRow(0)
    click(page.save_copy_button)
    copy = tmp_path / "copy" / "back.sql"
    copy.parent.mkdir()
    choose_file(qtbot, page, copy)
    wait_idle(qtbot, ctx)
    assert page.status.text() == f"Saved a copy: {copy}"
    assert copy.read_bytes() == body
    # Executed (the customer told): the system now runs what was archived.
    db = Database(opened.db.url, actor=ENGINEER)
    try:
        with db.write() as s:
            changes.notify_by_phone(s, change.id, "王工", datetime.now(UTC))
            changes.mark_executed(s, change.id, datetime.now(UTC))
    finally:
        db.dispose()
    page.tabs.setCurrentWidget(page.versions)
    wait_idle(qtbot, ctx)
    (pinned,) = page.versions_model.rows()
    assert (pinned.system, pinned.change_id) == (MAINTAINED, change.id)
    versions = page.versions_model
    assert versions.index(0, 4).data() == "a1b2c3d4e5f6"
    assert versions.index(0, 5).data() == f"{script.name} {first.sha256[:12]}"
    page.versions_view.doubleClicked.emit(page.versions_view.model().index(0, 0))
    wait_idle(qtbot, ctx)
    assert page.tabs.currentIndex() == 0
    assert page.selected() is not None
    assert page.selected().id == change.id  # type: ignore[union-attr]


def test_export_writes_the_rows_shown_to_a_workbook(
    qtbot: QtBot, as_user: Any, opened: bootstrap.App, tmp_path: Path
) -> None:
    maintained, other = system(opened, MAINTAINED), system(opened, NOT_MAINTAINED)
    plan(opened, maintained.id, "升级调度服务至 3.2 版")
    plan(opened, other.id, "更换 HTTPS 证书")
    ctx = as_user(SALES)  # reading and exporting are open to everyone
    page = page_for(qtbot, ctx)
    page.search.setText("3.2 版")
    wait_idle(qtbot, ctx)
    assert len(shown(page)) == 1
    click(page.export_button)
    chooser = open_dialog(qtbot, page, QFileDialog)
    assert Path(chooser.selectedFiles()[0]).name == f"change-log_{TODAY.isoformat()}.xlsx"
    target = tmp_path / "变更记录.xlsx"
    chooser.selectFile(str(target))
    chooser.accept()
    wait_idle(qtbot, ctx)
    assert page.status.text() == f"Exported: {target}"
    sheet = load_workbook(target).active
    assert sheet is not None
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][:4] == ["No.", "Customer", "System", "Change"]
    assert len(values) == 2  # the head and the one row shown
    assert values[1][1:4] == [CUSTOMER, MAINTAINED, "升级调度服务至 3.2 版"]
    assert values[1][12] == "planned"
    # A folder that cannot be written: said on the status line.
    click(page.export_button)
    choose_file(qtbot, page, tmp_path / "missing-folder" / "x.xlsx")
    wait_idle(qtbot, ctx)
    assert "cannot be written" in page.status.text()
    assert page.export_button.isEnabled()


def test_a_cancelled_change_is_kept_after_confirmation_and_closed_to_edits(
    qtbot: QtBot, as_user: Any, opened: bootstrap.App, monkeypatch: pytest.MonkeyPatch
) -> None:
    change = plan(opened, system(opened, MAINTAINED).id, "升级调度服务至 3.2 版")
    ctx = as_user(ENGINEER)
    page = page_for(qtbot, ctx)
    choose(qtbot, ctx, page, change.id)
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return len(asked) > 1  # no the first time, yes the second

    monkeypatch.setattr(changes_page, "confirm", answer)
    click(page.cancel_button)
    wait_idle(qtbot, ctx)
    assert "升级调度服务至 3.2 版" in asked[0]
    assert page.selected().state == "planned"  # type: ignore[union-attr]
    click(page.cancel_button)
    wait_idle(qtbot, ctx)
    row = page.selected()
    assert row is not None
    assert (row.id, row.state) == (change.id, "cancelled")
    for button in (page.edit_button, page.notify_button, page.executed_button, page.cancel_button):
        assert not button.isEnabled(), button.text()
        assert "cancelled" in button.toolTip()
    assert not page.archive_file_button.isEnabled()
    assert page.archive_file_button.toolTip() == (
        "This change was cancelled: there is nothing to archive."
    )


def test_a_salesperson_reads_the_log_but_every_action_is_disabled(
    qtbot: QtBot, as_user: Any, opened: bootstrap.App
) -> None:
    change = plan(opened, system(opened, MAINTAINED).id, "升级调度服务至 3.2 版")
    ctx = as_user(SALES)
    page = page_for(qtbot, ctx)
    choose(qtbot, ctx, page, change.id)
    buttons: list[QPushButton] = [
        page.new_button,
        page.edit_button,
        page.notify_button,
        page.executed_button,
        page.cancel_button,
        page.archive_file_button,
        page.archive_commit_button,
    ]
    for button in buttons:
        assert not button.isEnabled(), button.text()
        assert button.toolTip() == NO_RIGHT, button.text()
    assert page.export_button.isEnabled()
    # Nothing opens, even when asked directly.
    page.new_change()
    page.mark_executed()
    assert page.dialog is None


def test_the_table_model(qtmodeltester: ModelTester, opened: bootstrap.App) -> None:
    change = plan(opened, system(opened, MAINTAINED).id, "升级调度服务至 3.2 版")
    with opened.db.read() as s:
        rows = changes.list_changes(s)
    model: TipModel[ChangeRow] = TipModel(
        [Column("Title", lambda r: r.title)], lambda r, _c: r.reason
    )
    model.set_rows(rows)
    check_model(qtmodeltester, model)
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == change.reason
