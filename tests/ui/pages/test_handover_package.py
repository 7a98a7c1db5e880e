"""The handover package editor on the Handover page (issue 7, R1.2-R1.4), on the demo data
plus one project accepted on 2027-03-31 with a production system and an emergency contact:
technical materials added as files (read off the GUI thread) and locations, saved back and
removed after confirmation; the boundaries saved, and a stale save shown as a conflict; the
FAQ; the completeness list shrinking as the parts are filled, sign-off refused until it is
empty; the sign-off recorded through its dialog, verified and freezing the package; an
amendment opening it again; the exports; and a salesperson who may read but not edit."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFileDialog, QPlainTextEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from supportdesk import bootstrap
from supportdesk.db.engine import Database
from supportdesk.domain.faq import FaqForm as ManualForm
from supportdesk.domain.handover import (
    DEFAULT_CATEGORIES,
    BoundaryForm,
    FaqForm,
    HandoverState,
    IssueForm,
    MaterialRow,
    SignOffForm,
)
from supportdesk.domain.registry import ContactForm, CustomerForm, ProjectForm, SystemForm
from supportdesk.reports.handover_package import file_stem
from supportdesk.services import faq, handover, registry
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.faq_link_dialog import FaqLinkDialog
from supportdesk.ui.dialogs.handover_package_dialog import (
    AmendmentDialog,
    FaqDialog,
    MaterialDialog,
    SignOffDialog,
    size_text,
)
from supportdesk.ui.pages import handover_package
from supportdesk.ui.pages.handover_package import HandoverPackageEditor
from supportdesk.ui.pages.handover_page import HandoverPage
from tests.ui.conftest import TODAY
from tests.ui.helpers import click, keep, open_dialog, shown_rows, wait_idle
from tests.ui.helpers import select as select_row

ENGINEER, COLLEAGUE, SALES = "zhangsan", "wangwu", "lisi"
PROJECT = "交接测试项目"
FROZEN = "Signed and frozen — start an amendment to change it."
NO_RIGHT = "Only engineers, the group leader and the administrator edit a handover package."

As = Callable[..., UiContext]


@contextmanager
def as_actor(opened: bootstrap.App, login: str = ENGINEER) -> Iterator[Any]:
    """A write transaction as `login`, outside the page (a colleague at another desk)."""
    db = Database(opened.db.url, actor=login)
    try:
        with db.write() as s:
            yield s
    finally:
        db.dispose()


@pytest.fixture
def project_id(opened: bootstrap.App) -> int:
    """A project in progress (acceptance 2027-03-31) whose customer has an emergency contact
    and which has a production system: what the registry brings to the package."""
    with opened.db.write() as s:
        customer = registry.save_customer(s, CustomerForm("交接测试客户"), today=TODAY)
        project = registry.save_project(
            s, ProjectForm(customer.id, PROJECT, planned_acceptance=date(2027, 3, 31))
        )
        registry.save_system(s, SystemForm(project.id, "交接测试生产", "production"))
        registry.save_contact(
            s,
            ContactForm(customer.id, "王工", role="信息中心", phone="13800000000", emergency=True),
        )
    with as_actor(opened) as s:
        handover.advance(s, project.id, HandoverState.JOINED, TODAY - timedelta(days=3))
        handover.advance(s, project.id, HandoverState.IN_PROGRESS)
    return project.id


def complete(opened: bootstrap.App, project_id: int, *, faq: bool = True) -> None:
    """Fill every part of the package through the services."""
    with as_actor(opened) as s:
        for category in DEFAULT_CATEGORIES:
            handover.add_material(s, project_id, category, f"{category}.pdf", data=b"x" * 10)
        handover.save_boundaries(s, boundaries(project_id))
        handover.save_issue(s, IssueForm(project_id, "报表导出超时", "研发部", TODAY))
        if faq:
            handover.save_faq(s, FaqForm(project_id, "如何重启服务？", "执行 restart.sh"))


def boundaries(project_id: int, version: int | None = None, **texts: str) -> BoundaryForm:
    values = {
        "company_scope": "应用系统及数据库的日常维护",
        "customer_scope": "机房与网络",
        "expiry_terms": "到期后签订有偿维保合同",
        "after_sales_scope": "巡检与故障处理",
        "support_scope": "二次开发由技术支持部负责",
        **texts,
    }
    return BoundaryForm(
        project_id, maintenance_start=TODAY, maintenance_end=TODAY + timedelta(days=364),
        version=version, **values,
    )  # fmt: skip


def editor_for(qtbot: QtBot, ctx: UiContext, project_id: int) -> HandoverPackageEditor:
    """The page, showing the project's package."""
    page = keep(qtbot, ctx, HandoverPage(ctx))
    page.resize(1280, 800)
    page.show()
    wait_idle(qtbot, ctx)
    select_row(page.table, lambda r: r.project_id == project_id)
    wait_idle(qtbot, ctx)
    assert page.package.snapshot is not None
    assert page.package.snapshot.project_id == project_id
    return page.package


def page_of(editor: HandoverPackageEditor) -> HandoverPage:
    page = editor.parent()
    while not isinstance(page, HandoverPage):
        assert page is not None
        page = page.parent()
    return page


def choose_file(qtbot: QtBot, parent: QWidget, path: Path) -> None:
    """Answer the file dialog `parent` has just opened with `path`."""
    chooser = open_dialog(qtbot, parent, QFileDialog)
    chooser.selectFile(str(path))
    chooser.accept()


def closed(parent: QWidget, kind: type[QWidget]) -> bool:
    """No dialog of `kind` open under `parent` (a closed one is deleted)."""
    return not [d for d in parent.findChildren(kind) if d.isVisible()]


def missing_now(opened: bootstrap.App, project_id: int) -> list[str]:
    with opened.db.read() as s:
        return handover.missing(s, project_id)


def cells(editor: HandoverPackageEditor, row: int) -> list[object]:
    proxy = editor.materials.table.proxy
    return [proxy.index(row, c).data() for c in range(proxy.columnCount())]


def gaps_shown(editor: HandoverPackageEditor) -> list[str]:
    items = [
        editor.signoff.checklist.item(i).text() for i in range(editor.signoff.checklist.count())
    ]
    return [text for text in items if text.startswith("✘")]


def test_files_and_locations_are_added_with_their_category_labels_saved_back_and_removed(
    qtbot: QtBot,
    as_user: As,
    opened: bootstrap.App,
    project_id: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ctx = as_user(ENGINEER)
    editor = editor_for(qtbot, ctx, project_id)
    tab = editor.materials
    assert shown_rows(tab.table) == []
    assert tab.missing_line.text().startswith("Required, still empty: Requirements, Design")
    # A file: chosen, then described; its bytes are read on a pool thread when OK is pressed.
    document = tmp_path / "需求规格说明书.docx"
    document.write_bytes(b"requirements " * 1000)
    click(tab.add_file_button)
    choose_file(qtbot, tab, document)
    dialog = open_dialog(qtbot, tab, MaterialDialog)
    assert dialog.chosen_category() == "requirements"  # the first required one still empty
    assert dialog.name.text() == "需求规格说明书.docx"
    dialog.note.setText("终版")
    click(dialog.ok_button)
    wait_idle(qtbot, ctx)
    assert closed(tab, MaterialDialog)
    [stored] = editor.snapshot.materials if editor.snapshot else []
    assert stored.size == 13_000
    assert tab.table.selected() == stored  # the new material is selected
    assert cells(editor, 0) == [
        "Requirements",
        "需求规格说明书.docx",
        size_text(13_000),
        (stored.sha256 or "")[:12],
        "终版",
        ENGINEER,
    ]
    assert "material:requirements" not in missing_now(opened, project_id)
    # A location: refused without one, the dialog stays open naming the field.
    click(tab.add_location_button)
    dialog = open_dialog(qtbot, tab, MaterialDialog)
    dialog.category.setCurrentIndex(dialog.category.findData("source_repository"))
    dialog.name.setText("调度平台源码")
    click(dialog.ok_button)
    wait_idle(qtbot, ctx)
    assert dialog.isVisible()
    assert "location: is required" in dialog.error.text()
    dialog.location.setText("https://git.example.com/app.git @ 3f9c2e1")
    click(dialog.ok_button)
    wait_idle(qtbot, ctx)
    assert closed(tab, MaterialDialog)
    rows: list[MaterialRow] = shown_rows(tab.table)
    by_name = {r.name: i for i, r in enumerate(rows)}
    assert cells(editor, by_name["调度平台源码"]) == [
        "Source repository",
        "调度平台源码",
        "https://git.example.com/app.git @ 3f9c2e1",
        "",
        "",
        ENGINEER,
    ]
    # A location has no file to save; the file is saved back as it was stored.
    assert not tab.save_copy_button.isEnabled()
    assert "location" in tab.save_copy_button.toolTip()
    select_row(tab.table, lambda r: r.name == "需求规格说明书.docx")
    click(tab.save_copy_button)
    copy = tmp_path / "copy" / "副本.docx"
    copy.parent.mkdir()
    choose_file(qtbot, tab, copy)
    wait_idle(qtbot, ctx)
    assert copy.read_bytes() == document.read_bytes()
    assert editor.status.text() == f"Saved a copy: {copy}"
    # Remove asks first: "no" keeps it, "yes" removes it.
    asked: list[str] = []
    answers = [False, True]

    def confirm(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(handover_package, "confirm", confirm)
    click(tab.remove_button)
    wait_idle(qtbot, ctx)
    assert asked == ["Remove 需求规格说明书.docx (Requirements) from the handover package?"]
    assert len(shown_rows(tab.table)) == 2
    click(tab.remove_button)
    wait_idle(qtbot, ctx)
    assert [r.name for r in shown_rows(tab.table)] == ["调度平台源码"]
    assert "material:requirements" in missing_now(opened, project_id)


def test_the_missing_list_shrinks_as_parts_are_filled_and_sign_off_waits_for_it(
    qtbot: QtBot, as_user: As, opened: bootstrap.App, project_id: int, tmp_path: Path
) -> None:
    ctx = as_user(ENGINEER)
    editor = editor_for(qtbot, ctx, project_id)
    tab = editor.signoff
    # Everything but the registry's part (the system, the emergency contact) is missing.
    assert len(gaps_shown(editor)) == 13
    assert "✘ technical material: Requirements" in gaps_shown(editor)
    assert "✘ the project's FAQ entries" in gaps_shown(editor)
    assert tab.summary.text() == "13 of 15 still missing before the package can be signed."
    assert not tab.sign_button.isEnabled()
    assert tab.sign_button.toolTip().startswith("The package is not complete yet. Missing: ")
    assert "maintenance period" in tab.sign_button.toolTip()
    # Part 1 (by a colleague): the six categories go; the page follows on its next read.
    with as_actor(opened, COLLEAGUE) as s:
        for category in DEFAULT_CATEGORIES:
            handover.add_material(s, project_id, category, f"{category}.pdf", data=b"1")
    editor.reload()
    wait_idle(qtbot, ctx)
    assert len(gaps_shown(editor)) == 7
    # Parts 3 and 4 typed in the page and saved, the period ticked.
    ext, internal = editor.external, editor.internal
    ext.company.setPlainText("应用系统维护")
    ext.customer.setPlainText("机房与网络")
    ext.expiry.setPlainText("到期后签订有偿合同")
    ext.period.agreed.setChecked(True)
    internal.after_sales.setPlainText("巡检")
    internal.support.setPlainText("二次开发")
    click(ext.save_button)
    wait_idle(qtbot, ctx)
    assert gaps_shown(editor) == ["✘ the project's FAQ entries"]
    assert "Missing: the project's FAQ entries" in tab.sign_button.toolTip()
    # The FAQ, the last gap.
    click(internal.add_faq_button)
    dialog = open_dialog(qtbot, internal, FaqDialog)
    dialog.question.setText("如何重启服务？")
    dialog.answer.setPlainText("执行 restart.sh")
    click(dialog.ok_button)
    wait_idle(qtbot, ctx)
    assert gaps_shown(editor) == []
    assert tab.summary.text() == "✔ The package is complete."
    assert tab.sign_button.isEnabled()
    # The dialog refuses too, naming the gap, when the package lost a part meanwhile.
    click(tab.sign_button)
    signing = open_dialog(qtbot, tab, SignOffDialog)
    signing.ours.setText("售后组 张三")
    signing.theirs.setText("信息中心 王工")
    scan = tmp_path / "签字页.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    signing.set_scan(str(scan))
    with opened.db.read() as s:
        [entry] = handover.faqs(s, project_id)
    with as_actor(opened, COLLEAGUE) as s:
        handover.delete_faq(s, entry.id, entry.version)
    click(signing.ok_button)
    wait_idle(qtbot, ctx)
    assert signing.isVisible()
    assert signing.error.text() == (
        "handover package: is not complete; missing: the project's FAQ entries"
    )
    with opened.db.read() as s:
        assert handover.signoffs(s, project_id) == []


def test_boundaries_are_saved_and_a_stale_save_shows_the_conflict(
    qtbot: QtBot, as_user: As, opened: bootstrap.App, project_id: int
) -> None:
    ctx = as_user(ENGINEER)
    editor = editor_for(qtbot, ctx, project_id)
    ext = editor.external
    assert not ext.save_button.isEnabled()  # nothing typed yet
    assert ext.period.value() == (None, None)
    assert ext.period.none.isVisibleTo(ext)  # "no period yet"
    ext.company.setPlainText("  应用系统维护  ")
    ext.period.agreed.setChecked(True)
    ext.period.start.setDate(QDate(2027, 4, 1))
    ext.period.end.setDate(QDate(2028, 3, 31))
    assert ext.save_button.isEnabled()
    assert editor.internal.save_button.isEnabled()  # one form, both tabs
    click(ext.save_button)
    wait_idle(qtbot, ctx)
    with opened.db.read() as s:
        stored = handover.package(s, project_id)
        free = [
            c
            for system in registry.list_systems(s)
            if system.project_id == project_id
            for c in registry.list_contracts(s, system_id=system.id)
        ]
    assert (stored.company_scope, stored.maintenance_start, stored.maintenance_end) == (
        "应用系统维护",
        date(2027, 4, 1),
        date(2028, 3, 31),
    )
    assert [(c.start, c.end, c.kind) for c in free] == [
        (date(2027, 4, 1), date(2028, 3, 31), "free")
    ]  # the production system's free maintenance contract
    assert ext.company.toPlainText() == "应用系统维护"  # as stored
    assert not ext.save_button.isEnabled()
    assert "company_scope" not in missing_now(opened, project_id)
    assert editor.status.text() == "Parts 3 and 4 saved."
    # A colleague saves meanwhile; our save is refused and says so, our text stays.
    with as_actor(opened, COLLEAGUE) as s:
        handover.save_boundaries(s, boundaries(project_id, stored.version, company_scope="同事的"))
    ext.company.setPlainText("我的修改")
    click(ext.save_button)
    wait_idle(qtbot, ctx)
    assert editor.status.text().startswith(f"Parts 3 and 4 were saved by {COLLEAGUE} after")
    assert ext.company.toPlainText() == "我的修改"
    with opened.db.read() as s:
        assert handover.package(s, project_id).company_scope == "同事的"
    # Revert shows theirs; saving from there works.
    click(ext.revert_button)
    wait_idle(qtbot, ctx)
    assert ext.company.toPlainText() == "同事的"
    assert not editor.status.isVisibleTo(editor)
    editor.internal.support.setPlainText("二次开发")
    click(editor.internal.save_button)
    wait_idle(qtbot, ctx)
    with opened.db.read() as s:
        after = handover.package(s, project_id)
    assert (after.company_scope, after.support_scope) == ("同事的", "二次开发")


def test_faq_entries_are_added_edited_and_deleted_after_confirmation(
    qtbot: QtBot,
    as_user: As,
    opened: bootstrap.App,
    project_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ctx = as_user(ENGINEER)
    editor = editor_for(qtbot, ctx, project_id)
    tab = editor.internal
    assert [(c.name, c.phone) for c in shown_rows(tab.contacts)] == [("王工", "13800000000")]
    assert "Customers page" in tab.contacts_hint.text()
    assert not tab.edit_faq_button.isEnabled()
    click(tab.add_faq_button)
    dialog = open_dialog(qtbot, tab, FaqDialog)
    dialog.question.setText("如何重启服务？")
    click(dialog.ok_button)  # no answer: refused, named
    wait_idle(qtbot, ctx)
    assert "answer: is required" in dialog.error.text()
    dialog.answer.setPlainText("登录 app1，\n执行 restart.sh")
    click(dialog.ok_button)
    wait_idle(qtbot, ctx)
    [entry] = shown_rows(tab.faq)
    assert tab.faq.selected() == entry
    assert tab.faq.proxy.index(0, 1).data() == "登录 app1， 执行 restart.sh"  # one line
    click(tab.edit_faq_button)
    dialog = open_dialog(qtbot, tab, FaqDialog)
    assert dialog.answer.toPlainText() == "登录 app1，\n执行 restart.sh"
    dialog.question.setText("如何重启调度服务？")
    click(dialog.ok_button)
    wait_idle(qtbot, ctx)
    with opened.db.read() as s:
        assert [f.question for f in handover.faqs(s, project_id)] == ["如何重启调度服务？"]
    asked: list[str] = []
    answers = [False, True]

    def confirm(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(handover_package, "confirm", confirm)
    click(tab.delete_faq_button)
    wait_idle(qtbot, ctx)
    assert len(shown_rows(tab.faq)) == 1
    click(tab.delete_faq_button)
    wait_idle(qtbot, ctx)
    assert asked == ["Delete the question “如何重启调度服务？” and its answer?"] * 2
    assert shown_rows(tab.faq) == []
    assert "faq" in missing_now(opened, project_id)


def test_sign_off_through_the_dialog_freezes_the_package_and_an_amendment_opens_it(
    qtbot: QtBot, as_user: As, opened: bootstrap.App, project_id: int, tmp_path: Path
) -> None:
    complete(opened, project_id)
    ctx = as_user(ENGINEER)
    editor = editor_for(qtbot, ctx, project_id)
    page = page_of(editor)
    tab = editor.signoff
    assert not editor.banner.isVisibleTo(editor)
    assert not tab.amend_button.isEnabled()
    assert tab.amend_button.toolTip() == "Only a signed package can be amended."
    click(tab.sign_button)
    dialog = open_dialog(qtbot, tab, SignOffDialog)
    assert dialog.chosen_day() == TODAY  # today by default, never later
    assert dialog.signed_on.maximumDate() == QDate(TODAY.year, TODAY.month, TODAY.day)
    dialog.ours.setText("售后组 张三")
    dialog.theirs.setText("信息中心 王工")
    click(dialog.ok_button)  # no scan yet
    assert dialog.error.text() == "signed scan: is required"
    scan = tmp_path / "签字页.pdf"
    scan.write_bytes(b"%PDF-1.4 the signed paper")
    click(dialog.choose_button)
    choose_file(qtbot, dialog, scan)
    assert dialog.scan.text() == str(scan)
    click(dialog.ok_button)
    wait_idle(qtbot, ctx)
    assert closed(tab, SignOffDialog)
    with opened.db.read() as s:
        [signed] = handover.signoffs(s, project_id)
    assert (signed.version_no, signed.signed_on, signed.scan_name) == (1, TODAY, "签字页.pdf")
    # The versions list, verified; the banner; the list shows the handover signed.
    versions = tab.versions.proxy
    assert [versions.index(0, c).data() for c in (0, 1, 2, 3, 5, 6)] == [
        "1",
        TODAY.isoformat(),
        "售后组 张三",
        "信息中心 王工",
        signed.package_sha256[:12],
        "✔ verified",
    ]
    assert editor.banner.isVisibleTo(editor)
    assert editor.banner.text() == FROZEN
    assert page.table.selected().state is HandoverState.SIGNED
    assert tab.export_which.currentData() == 1  # the signed version is what one exports now
    # Frozen: every editing control off, saying why; closing an issue stays allowed.
    frozen_buttons: list[QPushButton] = [
        editor.materials.add_file_button,
        editor.materials.add_location_button,
        editor.internal.add_faq_button,
        page.add_issue_button,
    ]
    for button in frozen_buttons:
        assert not button.isEnabled(), button.text()
        assert button.toolTip() == FROZEN
    texts: list[QPlainTextEdit] = [editor.external.company, editor.internal.support]
    for edit in texts:
        assert edit.isReadOnly()
        assert edit.toolTip() == FROZEN
    assert not editor.external.period.agreed.isEnabled()
    assert not tab.sign_button.isEnabled()
    select_row(page.issues, lambda r: r.title == "报表导出超时")
    assert page.issue_state_button.isEnabled()
    assert not page.edit_issue_button.isEnabled()
    # The amendment: a reason is required; then the package opens, the banner says why.
    click(tab.amend_button)
    amend = open_dialog(qtbot, tab, AmendmentDialog)
    click(amend.ok_button)
    wait_idle(qtbot, ctx)
    assert "reason: is required" in amend.error.text()
    amend.reason.setPlainText("客户更换了备份服务器")
    click(amend.ok_button)
    wait_idle(qtbot, ctx)
    assert closed(tab, AmendmentDialog)
    assert editor.banner.text() == "Amendment under way: 客户更换了备份服务器"
    for button in frozen_buttons:
        assert button.isEnabled(), button.text()
    assert not editor.external.company.isReadOnly()
    assert editor.external.period.agreed.isEnabled()
    assert tab.sign_button.isEnabled()  # still complete: version 2 may be signed
    assert not tab.amend_button.isEnabled()
    assert tab.amend_button.toolTip() == "An amendment is already under way."


def test_exports_write_the_package_where_the_user_chose(
    qtbot: QtBot, as_user: As, opened: bootstrap.App, project_id: int, tmp_path: Path
) -> None:
    complete(opened, project_id)
    ctx = as_user(ENGINEER)
    editor = editor_for(qtbot, ctx, project_id)
    tab = editor.signoff
    assert tab.export_which.currentData() is None  # the package as it stands
    click(tab.export_docx_button)
    chooser = open_dialog(qtbot, tab, QFileDialog)
    with opened.db.read() as s:
        stem = file_stem(handover.document(s, project_id))
    assert Path(chooser.selectedFiles()[0]).name == f"{stem}.docx"
    target = tmp_path / "移交文档.docx"
    chooser.selectFile(str(target))
    chooser.accept()
    wait_idle(qtbot, ctx)
    assert editor.status.text() == f"Exported: {target}"
    document = Document(str(target))
    text = [p.text for p in document.paragraphs] + [
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    ]
    assert any(PROJECT in t for t in text)
    assert any("如何重启服务？" in t for t in text)
    click(tab.export_pdf_button)
    choose_file(qtbot, tab, tmp_path / "package.pdf")
    wait_idle(qtbot, ctx)
    assert (tmp_path / "package.pdf").read_bytes().startswith(b"%PDF")
    # A folder that cannot be written: said on the status line, nothing left behind.
    click(tab.export_docx_button)
    choose_file(qtbot, tab, tmp_path / "missing-folder" / "x.docx")
    wait_idle(qtbot, ctx)
    assert "cannot be written" in editor.status.text()
    assert tab.export_docx_button.isEnabled()


def test_a_salesperson_reads_the_package_but_every_edit_is_disabled(
    qtbot: QtBot, as_user: As, opened: bootstrap.App, project_id: int
) -> None:
    complete(opened, project_id)
    ctx = as_user(SALES)
    editor = editor_for(qtbot, ctx, project_id)
    assert len(shown_rows(editor.materials.table)) == len(DEFAULT_CATEGORIES)
    buttons: list[QPushButton] = [
        editor.materials.add_file_button,
        editor.materials.add_location_button,
        editor.materials.remove_button,
        editor.internal.add_faq_button,
        editor.internal.edit_faq_button,
        editor.internal.delete_faq_button,
        editor.signoff.sign_button,
        editor.signoff.amend_button,
    ]
    select_row(editor.materials.table, lambda r: r.category == "design")
    select_row(editor.internal.faq, lambda r: True)
    for button in buttons:
        assert not button.isEnabled(), button.text()
        assert button.toolTip() == NO_RIGHT, button.text()
    for edit in (editor.external.company, editor.internal.after_sales):
        assert edit.isReadOnly()
    assert not editor.external.save_button.isEnabled()
    # Reading is open to everyone: a copy of a file, the exports.
    assert editor.materials.save_copy_button.isEnabled()
    assert editor.signoff.export_docx_button.isEnabled()
    assert editor.signoff.export_pdf_button.isEnabled()


def test_the_package_follows_the_selected_project(
    qtbot: QtBot, as_user: As, opened: bootstrap.App, project_id: int
) -> None:
    complete(opened, project_id)
    ctx = as_user(ENGINEER)
    editor = editor_for(qtbot, ctx, project_id)
    page = page_of(editor)
    assert editor.external.company.toPlainText() == "应用系统及数据库的日常维护"
    other = select_row(page.table, lambda r: r.project_id != project_id)
    assert editor.external.company.toPlainText() == ""  # never another project's text
    wait_idle(qtbot, ctx)
    assert editor.snapshot is not None
    assert editor.snapshot.project_id == other.project_id
    assert editor.signoff.versions.model.rows() == handover_signoffs(opened, other.project_id)


def test_unsaved_boundaries_are_not_dropped_by_selecting_another_project(
    qtbot: QtBot,
    as_user: As,
    opened: bootstrap.App,
    project_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    complete(opened, project_id)
    ctx = as_user(ENGINEER)
    editor = editor_for(qtbot, ctx, project_id)
    page = page_of(editor)
    editor.external.company.setPlainText("应用系统、数据库及中间件的日常维护")
    asked: list[str] = []

    def answer(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return len(asked) > 1  # keep editing the first time, discard the second

    monkeypatch.setattr("supportdesk.ui.pages.handover_page.confirm", answer)
    select_row(page.table, lambda r: r.project_id != project_id)
    qtbot.waitUntil(lambda: page.table.selected().project_id == project_id)  # taken back
    assert editor.project is not None
    assert editor.project.project_id == project_id
    assert editor.external.company.toPlainText() == "应用系统、数据库及中间件的日常维护"
    assert "not saved" in asked[0]
    other = select_row(page.table, lambda r: r.project_id != project_id)
    wait_idle(qtbot, ctx)
    assert len(asked) == 2
    assert editor.project is not None
    assert editor.project.project_id == other.project_id


def handover_signoffs(opened: bootstrap.App, project_id: int) -> list[Any]:
    with opened.db.read() as s:
        return list(handover.signoffs(s, project_id))


def test_a_signature_that_no_longer_verifies_is_flagged(
    qtbot: QtBot,
    as_user: As,
    opened: bootstrap.App,
    project_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    complete(opened, project_id)
    with as_actor(opened) as s:
        handover.sign(
            s, SignOffForm(project_id, TODAY, "张三", "王工", "scan.pdf", b"%PDF"), today=TODAY
        )
    real = handover.verify_signoffs

    def damaged(session: Any, pid: int) -> list[handover.SignatureCheck]:
        return [
            handover.SignatureCheck(c.version_no, False, "scan_damaged") for c in real(session, pid)
        ]

    monkeypatch.setattr(handover, "verify_signoffs", damaged)
    ctx = as_user(ENGINEER)
    editor = editor_for(qtbot, ctx, project_id)
    assert editor.signoff.versions.proxy.index(0, 6).data() == "✘ the scan was changed"


def test_service_manual_entries_are_linked_through_the_search_and_unlinked_after_sign_off(
    qtbot: QtBot,
    as_user: As,
    opened: bootstrap.App,
    project_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    complete(opened, project_id)
    with as_actor(opened) as s:
        handover.sign(
            s, SignOffForm(project_id, TODAY, "张三", "王工", "scan.pdf", b"%PDF"), today=TODAY
        )
        entry = faq.save(
            s,
            ManualForm(
                "ORA-01555 快照过旧", symptom="九号库夜间作业报错", solution="调大 undo_retention"
            ),
        )
        faq.save(s, ManualForm("磁盘空间不足", solution="清理归档日志"))
    ctx = as_user(ENGINEER)
    editor = editor_for(qtbot, ctx, project_id)
    tab = editor.internal
    assert editor.frozen()
    # R2.2: signing made the handover's own question a draft entry, linked here.
    assert [(r.question, tab.manual.proxy.index(i, 1).data()) for i, r in enumerate(
        shown_rows(tab.manual)
    )] == [("如何重启服务？", "Draft")]  # fmt: skip
    assert "become draft manual entries" in tab.manual_hint.text()
    # Links are not part of the frozen package: still open to change.
    assert not tab.add_faq_button.isEnabled()
    assert tab.link_button.isEnabled()
    assert not tab.unlink_button.isEnabled()  # nothing selected
    click(tab.link_button)
    dialog = open_dialog(qtbot, tab, FaqLinkDialog)
    # Before anything is typed: the most recently changed entries.
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    assert dialog.model.rows()[0].question == "磁盘空间不足"
    dialog.query.setText("ＯＲＡ－01555 九号库")  # full-width: the search folds it
    qtbot.waitUntil(lambda: [r.question for r in dialog.model.rows()] == ["ORA-01555 快照过旧"])
    picked = dialog.selected()  # the first hit is selected
    assert picked is not None
    assert picked.id == entry.row.id
    assert dialog.summary.text() == "Entries found: 1."
    click(dialog.link_button)
    wait_idle(qtbot, ctx)
    assert closed(tab, FaqLinkDialog)
    assert [r.question for r in shown_rows(tab.manual)] == ["如何重启服务？", "ORA-01555 快照过旧"]
    assert tab.manual.selected().id == entry.row.id  # the new link is shown selected
    with opened.db.read() as s:
        assert [link.record_id for link in faq.links(s, entry.row.id)] == [project_id]
    # An entry linked already cannot be linked twice.
    click(tab.link_button)
    dialog = open_dialog(qtbot, tab, FaqLinkDialog)
    dialog.query.setText("01555 九号库")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert not dialog.link_button.isEnabled()
    assert dialog.link_button.toolTip() == "This entry is linked already."
    click(dialog.cancel_button)
    wait_idle(qtbot, ctx)
    # Unlinked after confirmation; the entry stays in the manual.
    asked: list[str] = []
    answers = [False, True]

    def confirm(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(handover_package, "confirm", confirm)
    click(tab.unlink_button)
    wait_idle(qtbot, ctx)
    assert len(shown_rows(tab.manual)) == 2
    click(tab.unlink_button)
    wait_idle(qtbot, ctx)
    assert asked[0].startswith("Unlink the service manual entry “ORA-01555 快照过旧”")
    assert [r.question for r in shown_rows(tab.manual)] == ["如何重启服务？"]
    with opened.db.read() as s:
        assert faq.links(s, entry.row.id) == []
        assert faq.entry(s, entry.row.id).row.question == "ORA-01555 快照过旧"


def test_a_salesperson_cannot_link_service_manual_entries(
    qtbot: QtBot, as_user: As, opened: bootstrap.App, project_id: int
) -> None:
    ctx = as_user(SALES)
    editor = editor_for(qtbot, ctx, project_id)
    for button in (editor.internal.link_button, editor.internal.unlink_button):
        assert not button.isEnabled()
        assert "link service manual entries" in button.toolTip()
