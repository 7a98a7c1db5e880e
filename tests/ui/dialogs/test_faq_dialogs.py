"""The service manual's dialogs (issue 9, R2.2): the editor's screenshots (stored with the
entry when it is saved, a new one included), code blocks, the system that names its project
and customer, an unchanged save that makes no revision, a stale save refused with the
conflict message; and the differences of two revisions, escaped and coloured."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QTextDocument
from pytestqt.qtbot import QtBot

from supportdesk import bootstrap
from supportdesk.db.engine import Database
from supportdesk.domain.faq import FaqDetail, FaqForm, FieldDiff, images
from supportdesk.domain.registry import CustomerForm, ProjectForm, SystemForm
from supportdesk.services import faq, registry
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.faq_dialogs import (
    ADDED_STYLE,
    REMOVED_STYLE,
    FaqEditDialog,
    Lookups,
    compared,
    diff_html,
    image_url,
    insert_code_block,
)
from supportdesk.ui.pages.faq_page import load_lookups
from tests.ui.helpers import click, keep, wait_idle


@pytest.fixture
def lookups(opened: bootstrap.App) -> Lookups:
    with opened.db.write() as s:
        customer = registry.save_customer(s, CustomerForm("手册对话框客户")).id
        project = registry.save_project(s, ProjectForm(customer, "手册对话框项目")).id
        registry.save_system(s, SystemForm(project, "手册对话框系统"))
    with opened.db.read() as s:
        return load_lookups(s)


def ours(lookups: Lookups) -> tuple[int, int, int]:
    system = next(s for s in lookups.systems if s.name == "手册对话框系统")
    customer = next(c for c in lookups.customers if c.name == "手册对话框客户")
    return customer.id, system.project_id, system.id


def png(tmp_path: Path, name: str, colour: str) -> Path:
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    path = tmp_path / name
    assert image.save(str(path))
    return path


def editor(
    qtbot: QtBot,
    ctx: UiContext,
    lookups: Lookups,
    detail: FaqDetail | None = None,
    pictures: dict[str, QImage] | None = None,
) -> FaqEditDialog:
    dialog = keep(qtbot, ctx, FaqEditDialog(ctx, lookups, detail, pictures))
    dialog.show()
    return dialog


def test_choosing_a_system_chooses_its_project_and_customer(
    qtbot: QtBot, ctx: UiContext, lookups: Lookups
) -> None:
    customer, project, system = ours(lookups)
    dialog = editor(qtbot, ctx, lookups)
    assert dialog.scope.values() == (None, None, None)
    dialog.scope.system.setCurrentIndex(dialog.scope.system.findData(system))
    assert dialog.scope.values() == (customer, project, system)
    # The customer's projects and the project's systems only.
    assert [dialog.scope.project.itemData(i) for i in range(dialog.scope.project.count())] == [
        None,
        project,
    ]
    dialog.scope.customer.setCurrentIndex(0)
    assert dialog.scope.customer.currentData() is None
    assert dialog.scope.project.count() > 2  # every customer's projects again


def test_a_screenshot_and_a_code_block_are_saved_with_a_new_entry(
    qtbot: QtBot, ctx: UiContext, lookups: Lookups, opened: bootstrap.App, tmp_path: Path
) -> None:
    dialog = editor(qtbot, ctx, lookups)
    dialog.question.setText("调度页面打不开")
    dialog.texts.setCurrentWidget(dialog.editors["solution"])
    solution = dialog.editors["solution"]
    solution.insertPlainText("执行以下命令：")
    insert_code_block(solution)
    solution.insertPlainText("systemctl restart dispatch")
    dialog.add_image(png(tmp_path, "报错 [截图].png", "red"))
    wait_idle(qtbot, ctx)
    dialog.add_image(png(tmp_path, "unused.png", "blue"))
    wait_idle(qtbot, ctx)
    assert len(dialog.pending) == 2
    text = dialog.form().solution
    assert "```\nsystemctl restart dispatch" in text
    shown = images(text)
    assert len(shown) == 2
    red = next(sha for sha, p in dialog.pending.items() if p.name == "报错 [截图].png")
    assert f"![报错 截图.png](sha256:{red})" in text  # brackets would end the caption
    # The picture shows in the editor: its document has it by the sha256: URL.
    resource = solution.document().resource(
        QTextDocument.ResourceType.ImageResource, image_url(red)
    )
    assert isinstance(resource, QImage)
    assert not resource.isNull()
    # One of the two is taken out again before saving: only the other is stored.
    blue = next(sha for sha in dialog.pending if sha != red)
    solution.setMarkdown(solution.toMarkdown().replace(f"(sha256:{blue})", "(gone)"))
    solution.document().setModified(True)
    saved: list[object] = []
    dialog.saved.connect(saved.append)
    click(dialog.ok_button)
    qtbot.waitUntil(lambda: bool(saved))
    (detail,) = saved
    assert isinstance(detail, FaqDetail)
    assert [(a.sha256, a.name) for a in detail.attachments] == [(red, "报错 [截图].png")]
    with opened.db.read() as s:
        assert faq.attachment_data(s, red) == png(tmp_path, "again.png", "red").read_bytes()
    assert not dialog.isVisible()
    # Edited again: the stored picture shows in the editor.
    again = editor(qtbot, ctx, lookups, detail, {red: resource})
    shown_again = (
        again.editors["solution"]
        .document()
        .resource(QTextDocument.ResourceType.ImageResource, image_url(red))
    )
    assert isinstance(shown_again, QImage)
    assert not shown_again.isNull()


def test_a_file_that_is_no_image_is_refused_in_the_dialog(
    qtbot: QtBot, ctx: UiContext, lookups: Lookups, tmp_path: Path
) -> None:
    dialog = editor(qtbot, ctx, lookups)
    text = tmp_path / "notes.txt"
    text.write_text("不是图片", encoding="utf-8")
    dialog.add_image(text)
    wait_idle(qtbot, ctx)
    assert dialog.error.text() == "file: 'notes.txt' is not an image (PNG, JPEG, GIF or BMP)"
    assert dialog.pending == {}
    assert dialog.ok_button.isEnabled()


def test_an_unchanged_save_makes_no_revision_and_a_stale_one_is_refused(
    qtbot: QtBot, ctx: UiContext, lookups: Lookups, opened: bootstrap.App
) -> None:
    markdown = "1. 清理 /var/log 下的旧日志\n\n```\nfind /var/log -mtime +30 -delete\n```"
    with opened.db.write() as s:
        made = faq.save(s, FaqForm("磁盘满", solution=markdown, tags=("磁盘",)))
    dialog = editor(qtbot, ctx, lookups, made)
    assert dialog.form() == replace(made.form, note="")  # Qt's rewriting is not a change
    saved: list[FaqDetail] = []
    dialog.saved.connect(saved.append)
    click(dialog.ok_button)
    qtbot.waitUntil(lambda: bool(saved))
    assert saved[0].revision == made.revision == 1

    dialog = editor(qtbot, ctx, lookups, made)
    other = Database(opened.db.url, actor="zhangsan")
    try:
        with other.write() as s:
            faq.save(s, replace(made.form, cause="日志未轮转"))
    finally:
        other.dispose()
    dialog.question.setText("磁盘满了")
    click(dialog.ok_button)
    wait_idle(qtbot, ctx)
    assert dialog.isVisible()
    assert dialog.error.text() == (
        "This service manual entry was changed by zhangsan after you opened it. Reload it and "
        "make your change again."
    )


def test_the_differences_are_escaped_and_coloured() -> None:
    shown = diff_html(
        [
            FieldDiff("solution", ("-<b>旧</b>", "+新 & 好", " 不变")),
            FieldDiff("tags", ("-a", "+a, b")),
        ]
    )
    assert "<h4>solution</h4>" in shown
    assert f'<span style="{REMOVED_STYLE}">-&lt;b&gt;旧&lt;/b&gt;</span>' in shown
    assert f'<span style="{ADDED_STYLE}">+新 &amp; 好</span>' in shown
    assert "\n 不变</pre>" in shown
    assert "<h4>tags</h4>" in shown
    assert diff_html([]) == "<p>No differences.</p>"


def test_which_revisions_are_compared() -> None:
    assert compared([3]) == (2, 3)
    assert compared([4, 1, 2]) == (1, 4)
    assert compared([1]) is None
    assert compared([]) is None
