"""The Service manual page (issue 9, R2.2), on a real SQLite profile: Chinese words found as
you type (a newer query always wins), filters that narrow, matches highlighted; an entry
written through the editor; review and publication by role and state; revisions compared and
restored; and a delete that asks first and is offered only for a never-published draft."""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage, QTextDocument
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from supportdesk import bootstrap
from supportdesk.db.engine import Database
from supportdesk.domain.faq import (
    FaqForm,
    FaqRow,
    FaqState,
    SearchFilter,
    SearchHit,
    SearchResult,
)
from supportdesk.domain.registry import CustomerForm, ProjectForm, SystemForm
from supportdesk.services import faq, registry
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.faq_dialogs import (
    FaqEditDialog,
    ReturnDialog,
    RevisionsDialog,
    image_url,
)
from supportdesk.ui.models.row_model import ROW_ROLE, Column
from supportdesk.ui.pages.faq_page import (
    HIGHLIGHT_STYLE,
    FaqModel,
    FaqPage,
    question_html,
)
from tests.ui.helpers import check_model, click, keep, open_dialog, wait_idle

ENGINEER, LEADER, SALES = "zhangsan", "sunqi", "lisi"  # the demo's staff


@dataclass(frozen=True)
class Place:
    customer: int
    project: int
    system: int
    other_customer: int
    other_system: int


@pytest.fixture
def place(opened: bootstrap.App) -> Place:
    """Customers, projects and systems of our own (the demo's depend on the day)."""
    with opened.db.write() as s:
        first = registry.save_customer(s, CustomerForm("手册测试客户甲")).id
        second = registry.save_customer(s, CustomerForm("手册测试客户乙")).id
        project = registry.save_project(s, ProjectForm(first, "手册测试项目")).id
        other_project = registry.save_project(s, ProjectForm(second, "手册测试项目乙")).id
        system = registry.save_system(s, SystemForm(project, "手册测试系统")).id
        other = registry.save_system(s, SystemForm(other_project, "手册测试系统乙")).id
    return Place(first, project, system, second, other)


def write(opened: bootstrap.App, login: str, fn: Any, *args: Any) -> Any:
    """A service call as `login`, at another desk."""
    db = Database(opened.db.url, actor=login)
    try:
        with db.write() as s:
            return fn(s, *args)
    finally:
        db.dispose()


def entry(opened: bootstrap.App, place: Place, question: str, **fields: Any) -> FaqRow:
    """An entry of our own customer (unless it names a system): the demo may hold others."""
    fields.setdefault("solution", "重启服务")
    if "system_id" not in fields:
        fields.setdefault("customer_id", place.customer)
    made = write(opened, ENGINEER, faq.save, FaqForm(question, **fields))
    return made.row  # type: ignore[no-any-return]


def page_for(qtbot: QtBot, ctx: UiContext, customer: int | None) -> FaqPage:
    """The page, showing only `customer`'s entries (the demo may hold others)."""
    page = keep(qtbot, ctx, FaqPage(ctx))
    page.resize(1280, 800)
    page.show()
    wait_idle(qtbot, ctx)
    if customer is not None:
        page.customer.setCurrentIndex(page.customer.findData(customer))
        wait_idle(qtbot, ctx)
    return page


def shown(page: FaqPage) -> list[int]:
    return [page.model.index(r, 0).data(ROW_ROLE).row.id for r in range(page.model.rowCount())]


def choose(qtbot: QtBot, ctx: UiContext, page: FaqPage, entry_id: int) -> FaqRow:
    assert page._select(entry_id), f"entry {entry_id} is not shown"
    wait_idle(qtbot, ctx)
    assert page.shown is not None
    assert page.shown.detail.row.id == entry_id
    row = page.selected()
    assert row is not None
    return row


def closed(parent: QWidget, kind: type[QWidget]) -> bool:
    return not [d for d in parent.findChildren(kind) if d.isVisible()]


def test_a_two_character_chinese_word_finds_its_entries_as_you_type(
    qtbot: QtBot, as_user: Any, opened: bootstrap.App, place: Place, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = entry(
        opened, place, "夜间备份失败：磁盘空间不足", symptom="备份任务报错 No space left"
    )
    log = entry(opened, place, "日志文件过大导致服务变慢", solution="配置日志轮转")
    other = entry(opened, place, "登录页面打不开", solution="检查 nginx 配置，再看备份")
    ctx = as_user(ENGINEER)
    page = page_for(qtbot, ctx, place.customer)
    assert set(shown(page)) == {backup.id, log.id, other.id}
    assert page.count.text() == "Results: 3"
    searched: list[str] = []
    real = faq.search

    def recorded(session: Any, query: str, *args: Any, **kwargs: Any) -> SearchResult:
        searched.append(query)
        return real(session, query, *args, **kwargs)

    monkeypatch.setattr(faq, "search", recorded)
    page.search.setText("备")
    page.search.setText("备份")  # typed on within the pause: one search, for both keys
    qtbot.waitUntil(lambda: shown(page) == [backup.id, other.id])  # the question's first
    wait_idle(qtbot, ctx)
    assert searched == ["备份"]
    assert page.count.text() == "Results: 2"
    hit = page.model.index(0, 0).data(ROW_ROLE)
    assert isinstance(hit, SearchHit)
    assert hit.question_spans == ((2, 4),)
    # The delegate paints the matched words bold on yellow.
    page.view.viewport().grab()
    assert question_html(hit.row.question, hit.question_spans) == (
        f'夜间<b><span style="{HIGHLIGHT_STYLE}">备份</span></b>失败：磁盘空间不足'
    )
    page.search.setText("磁盘 不足")
    qtbot.waitUntil(lambda: shown(page) == [backup.id])
    page.search.setText("没有这样的词")
    qtbot.waitUntil(lambda: shown(page) == [])
    assert page.count.text() == "Results: 0"
    page.search.clear()
    qtbot.waitUntil(lambda: len(shown(page)) == 3)


def test_the_highlight_is_html_escaped() -> None:
    assert question_html("<b>a&b</b> 备份", ((11, 13),)) == (
        f'&lt;b&gt;a&amp;b&lt;/b&gt; <b><span style="{HIGHLIGHT_STYLE}">备份</span></b>'
    )
    assert question_html("abc", ((0, 1), (0, 2), (5, 9))) == (
        f'<b><span style="{HIGHLIGHT_STYLE}">a</span></b>'
        f'<b><span style="{HIGHLIGHT_STYLE}">b</span></b>c'
    )


def test_a_newer_query_wins_over_a_slower_older_one(
    qtbot: QtBot, as_user: Any, opened: bootstrap.App, place: Place, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = entry(opened, place, "夜间备份失败")
    log = entry(opened, place, "日志文件过大")
    ctx = as_user(ENGINEER)
    page = page_for(qtbot, ctx, place.customer)
    real = faq.search
    release = threading.Event()

    def slow_for_first(session: Any, query: str, *args: Any, **kwargs: Any) -> SearchResult:
        if query == "备份":
            release.wait(5)
        return real(session, query, *args, **kwargs)

    monkeypatch.setattr(faq, "search", slow_for_first)
    page.search.setText("备份")
    page.refresh_results()  # no pause: the first search starts now and hangs
    page.search.setText("日志")
    page.refresh_results()
    qtbot.waitUntil(lambda: shown(page) == [log.id])
    assert page.isEnabled()  # the window never waited
    release.set()
    wait_idle(qtbot, ctx)
    assert shown(page) == [log.id]  # the late answer for "备份" was dropped
    assert backup.id not in shown(page)


def test_filters_narrow_the_list_and_the_search(
    qtbot: QtBot, as_user: Any, opened: bootstrap.App, place: Place
) -> None:
    ours = entry(opened, place, "鲸鱼备份失败", system_id=place.system, tags=("鲸鱼甲", "磁盘"))
    theirs = entry(opened, place, "鲸鱼备份太慢", system_id=place.other_system, tags=("鲸鱼乙",))
    anywhere = entry(opened, place, "鲸鱼备份目录权限")
    write(opened, ENGINEER, faq.submit, theirs.id, theirs.version)
    ctx = as_user(ENGINEER)
    page = page_for(qtbot, ctx, None)
    page.search.setText("鲸鱼")
    qtbot.waitUntil(lambda: set(shown(page)) == {ours.id, theirs.id, anywhere.id})
    page.customer.setCurrentIndex(page.customer.findData(place.customer))
    qtbot.waitUntil(lambda: set(shown(page)) == {ours.id, anywhere.id})
    # Only the chosen customer's systems are offered.
    offered = [page.system.itemData(i) for i in range(page.system.count())]
    assert offered == [None, place.system]
    page.system.setCurrentIndex(page.system.findData(place.system))
    qtbot.waitUntil(lambda: shown(page) == [ours.id])
    page.customer.setCurrentIndex(0)
    page.system.setCurrentIndex(0)
    qtbot.waitUntil(lambda: len(shown(page)) == 3)
    page.tag.setCurrentIndex(page.tag.findData("鲸鱼乙"))
    qtbot.waitUntil(lambda: shown(page) == [theirs.id])
    page.tag.setCurrentIndex(0)
    page.state.setCurrentIndex(page.state.findData(FaqState.REVIEW))
    qtbot.waitUntil(lambda: shown(page) == [theirs.id])
    assert page.model.index(0, 1).data() == "In review"
    page.search.clear()
    page.state.setCurrentIndex(page.state.findData(FaqState.DRAFT))
    page.customer.setCurrentIndex(page.customer.findData(place.customer))
    qtbot.waitUntil(lambda: set(shown(page)) == {ours.id, anywhere.id})


def test_a_new_entry_is_written_through_the_editor_and_a_bad_one_saves_nothing(
    qtbot: QtBot, as_user: Any, opened: bootstrap.App, place: Place
) -> None:
    ctx = as_user(ENGINEER)
    page = page_for(qtbot, ctx, place.customer)
    assert shown(page) == []
    with opened.db.read() as s:
        before = len(faq.entries(s))
    click(page.new_button)
    dialog = open_dialog(qtbot, page, FaqEditDialog)
    dialog.editors["solution"].insertPlainText("清理旧日志")
    click(dialog.ok_button)  # no question
    wait_idle(qtbot, ctx)
    assert dialog.isVisible()
    assert dialog.error.text() == "question: is required"
    assert dialog.question.hasFocus() or not dialog.isActiveWindow()
    with opened.db.read() as s:
        assert len(faq.entries(s)) == before
    dialog.question.setText("磁盘空间不足导致备份失败")
    dialog.scope.system.setCurrentIndex(dialog.scope.system.findData(place.system))
    assert dialog.scope.values() == (place.customer, place.project, place.system)
    dialog.category.setCurrentText("备份")
    dialog.tags.setText("备份，磁盘, 空间")
    dialog.editors["symptom"].insertPlainText("备份任务报错 No space left on device")
    click(dialog.ok_button)
    qtbot.waitUntil(lambda: closed(page, FaqEditDialog))
    wait_idle(qtbot, ctx)
    (made,) = shown(page)
    row = page.selected()
    assert row is not None
    assert row.id == made
    assert (row.question, row.state, row.system, row.tags) == (
        "磁盘空间不足导致备份失败",
        FaqState.DRAFT,
        "手册测试系统",
        ("备份", "磁盘", "空间"),
    )
    assert page.shown is not None
    text = page.preview.toPlainText()
    assert "Symptom" in text
    assert "No space left on device" in text
    assert "Solution" in text
    assert "Cause" not in text  # empty fields are left out
    assert page.facts["state"].text() == "Draft"
    assert page.facts["author"].text() == "张三"


def test_review_and_publication_follow_role_and_state(
    qtbot: QtBot, as_user: Any, opened: bootstrap.App, place: Place
) -> None:
    made = entry(opened, place, "数据库连接池耗尽", solution="调大 maxActive")
    engineer = as_user(ENGINEER)
    page = page_for(qtbot, engineer, place.customer)
    choose(qtbot, engineer, page, made.id)
    assert page.submit_button.isEnabled()
    assert not page.publish_button.isEnabled()
    assert not page.return_button.isEnabled()
    assert page.publish_button.toolTip() == (
        "Only the group leader reviews, publishes and returns entries."
    )
    assert page.delete_button.isEnabled()
    click(page.submit_button)
    wait_idle(qtbot, engineer)
    row = page.selected()
    assert row is not None
    assert row.state is FaqState.REVIEW
    assert not page.submit_button.isEnabled()
    assert not page.publish_button.isEnabled()  # an engineer never publishes
    page.publish_entry()  # not even when asked directly
    wait_idle(qtbot, engineer)
    assert page.selected().state is FaqState.REVIEW  # type: ignore[union-attr]

    leader = as_user(LEADER)
    lead = page_for(qtbot, leader, place.customer)
    choose(qtbot, leader, lead, made.id)
    assert lead.publish_button.isEnabled()
    assert lead.return_button.isEnabled()
    click(lead.return_button)
    dialog = open_dialog(qtbot, lead, ReturnDialog)
    click(dialog.ok_button)
    wait_idle(qtbot, leader)
    assert dialog.isVisible()
    assert dialog.error.text() == "comment: is required"
    dialog.comment.setPlainText("请补充原因")
    click(dialog.ok_button)
    qtbot.waitUntil(lambda: closed(lead, ReturnDialog))
    wait_idle(qtbot, leader)
    assert lead.selected().state is FaqState.DRAFT  # type: ignore[union-attr]
    assert lead.facts["comment"].text() == "请补充原因"
    assert not lead.publish_button.isEnabled()

    row = write(opened, ENGINEER, faq.submit, made.id, None).row
    lead.refresh()
    wait_idle(qtbot, leader)
    assert lead.selected() is not None
    assert lead.selected().version == row.version  # type: ignore[union-attr]
    click(lead.publish_button)
    wait_idle(qtbot, leader)
    published = lead.selected()
    assert published is not None
    assert published.state is FaqState.PUBLISHED
    assert lead.facts["reviewer"].text() == "孙七"
    assert not lead.delete_button.isEnabled()
    assert "published once" in lead.delete_button.toolTip()

    sales = as_user(SALES)
    reader = page_for(qtbot, sales, place.customer)
    choose(qtbot, sales, reader, made.id)
    for button in (reader.new_button, reader.edit_button, reader.submit_button):
        assert not button.isEnabled(), button.text()
        assert button.toolTip() == (
            "Only engineers and the group leader write service manual entries."
        )
    assert reader.revisions_button.isEnabled()


def test_revisions_show_the_differences_and_a_restore_brings_back_the_old_text(
    qtbot: QtBot, as_user: Any, opened: bootstrap.App, place: Place, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = write(
        opened,
        ENGINEER,
        faq.save,
        FaqForm("服务启动失败", solution="旧的方法\n\n第二行", customer_id=place.customer),
    )
    write(
        opened, ENGINEER, faq.save, replace(made.form, solution="新的方法\n\n第二行", note="改正")
    )
    ctx = as_user(ENGINEER)
    page = page_for(qtbot, ctx, place.customer)
    choose(qtbot, ctx, page, made.row.id)
    assert "新的方法" in page.preview.toPlainText()
    click(page.revisions_button)
    dialog = open_dialog(qtbot, page, RevisionsDialog)
    wait_idle(qtbot, ctx)
    assert dialog.model.rowCount() == 2
    assert [dialog.model.index(r, 3).data() for r in range(2)] == ["edited", "created"]
    assert dialog.model.index(0, 4).data() == "solution"
    assert dialog.model.index(0, 5).data() == "改正"
    # The newest is selected and compared with the one before.
    qtbot.waitUntil(lambda: "新的方法" in dialog.diff.toPlainText())
    text = dialog.diff.toPlainText()
    assert "-旧的方法" in text
    assert "+新的方法" in text
    assert " 第二行" in text
    assert "from revision 1 to revision 2" in dialog.compared_label.text()
    assert not dialog.restore_button.isEnabled()  # the current one
    dialog.view.selectRow(1)
    assert dialog.compared_label.text().startswith("The first revision")
    assert dialog.restore_button.isEnabled()
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: answers.pop(0))
    click(dialog.restore_button)
    wait_idle(qtbot, ctx)
    assert dialog.model.rowCount() == 2  # declined: nothing happened
    click(dialog.restore_button)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3)
    assert dialog.model.index(0, 3).data() == "restored"
    assert dialog.done_label.text() == "Revision 1 was restored as revision 3."
    qtbot.waitUntil(lambda: "旧的方法" in page.preview.toPlainText())
    assert page.facts["version"].text() == "revision 3"
    dialog.close()


def test_delete_asks_first_and_is_only_for_a_draft_never_published(
    qtbot: QtBot, as_user: Any, opened: bootstrap.App, place: Place, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = entry(opened, place, "临时草稿")
    kept = entry(opened, place, "已发布过的条目")
    write(opened, ENGINEER, faq.submit, kept.id, None)
    write(opened, LEADER, faq.publish, kept.id, None)
    edited = FaqForm("已发布过的条目（修订）", solution="x", customer_id=place.customer, id=kept.id)
    again = write(opened, ENGINEER, faq.save, edited)
    assert again.row.state is FaqState.DRAFT  # a draft again, but once published
    ctx = as_user(ENGINEER)
    page = page_for(qtbot, ctx, place.customer)
    choose(qtbot, ctx, page, kept.id)
    assert not page.delete_button.isEnabled()
    asked: list[str] = []

    def answer(box: QMessageBox) -> QMessageBox.StandardButton:
        asked.append(box.text())
        return (
            QMessageBox.StandardButton.Yes if len(asked) > 1 else QMessageBox.StandardButton.Cancel
        )

    monkeypatch.setattr(QMessageBox, "exec", answer)
    page.delete_entry()  # asked directly: still refused, without a question
    assert asked == []
    choose(qtbot, ctx, page, draft.id)
    assert page.delete_button.isEnabled()
    click(page.delete_button)
    wait_idle(qtbot, ctx)
    assert "临时草稿" in asked[0]
    assert draft.id in shown(page)
    click(page.delete_button)
    wait_idle(qtbot, ctx)
    assert draft.id not in shown(page)
    assert page.status.text() == f"Entry {draft.id} was deleted."
    with opened.db.read() as s:
        assert [r.id for r in faq.entries(s, SearchFilter(customer_id=place.customer))] == [kept.id]


def test_the_preview_shows_the_screenshots_and_the_attachments(
    qtbot: QtBot, as_user: Any, opened: bootstrap.App, place: Place, tmp_path: Path
) -> None:
    picture = QImage(30, 10, QImage.Format.Format_RGB32)
    picture.fill(QColor("green"))
    path = tmp_path / "报错.png"
    assert picture.save(str(path))
    made = entry(opened, place, "截图测试")
    shot = write(opened, ENGINEER, faq.add_attachment, made.id, path.name, path.read_bytes())
    with opened.db.read() as s:
        form = faq.entry(s, made.id).form
    write(opened, ENGINEER, faq.save, replace(form, symptom=f"![报错](sha256:{shot.sha256})"))
    ctx = as_user(ENGINEER)
    page = page_for(qtbot, ctx, place.customer)
    choose(qtbot, ctx, page, made.id)
    resource = page.preview.document().resource(
        QTextDocument.ResourceType.ImageResource, image_url(shot.sha256)
    )
    assert isinstance(resource, QImage)
    assert resource.width() == 30
    assert page.attachments_model.rows() == [shot]
    assert page.more.tabText(0) == "Attachments (1)"


def test_the_table_model(qtmodeltester: ModelTester, opened: bootstrap.App, place: Place) -> None:
    entry(opened, place, "夜间鲸鱼备份失败", symptom="鲸鱼任务报错")
    entry(opened, place, "日志过大")
    with opened.db.read() as s:
        hits = faq.search(s, "鲸鱼").hits
        rows = faq.entries(s, SearchFilter(customer_id=place.customer))
    model = FaqModel([Column("Question", lambda h: h.row.question)])
    model.set_rows(list(hits) + [SearchHit(r, False, "", (), ()) for r in rows])
    check_model(qtmodeltester, model)
    assert model.index(0, 0).data(ROW_ROLE) == hits[0]
    assert model.index(0, 0).data() == "夜间鲸鱼备份失败"
    assert model.index(0, 0).data(0x0003) == "夜间鲸鱼备份失败"  # the tooltip: all of it


def test_a_long_result_list_shows_a_page_and_more_on_request(
    qtbot: QtBot, as_user: Any, opened: bootstrap.App, place: Place, monkeypatch: pytest.MonkeyPatch
) -> None:
    from supportdesk.ui.pages import faq_page

    monkeypatch.setattr(faq_page, "SEARCH_LIMIT", 2)
    made = [entry(opened, place, f"巡检第{n}项超时") for n in range(5)]
    ctx = as_user(ENGINEER)
    page = page_for(qtbot, ctx, place.customer)
    page.search.setText("巡检")
    qtbot.waitUntil(lambda: len(shown(page)) == 2)
    newest_first = [e.id for e in reversed(made)]
    assert shown(page) == newest_first[:2]
    assert page.count.text() == "Results: 5, the first 2 shown"
    assert page.more_button.isVisible()
    click(page.more_button)
    qtbot.waitUntil(lambda: len(shown(page)) == 4)
    click(page.more_button)
    qtbot.waitUntil(lambda: len(shown(page)) == 5)
    assert shown(page) == newest_first
    assert not page.more_button.isVisible()
    page.search.setText("巡检第")  # a new search starts at one page again
    qtbot.waitUntil(lambda: len(shown(page)) == 2)
    wait_idle(qtbot, ctx)
