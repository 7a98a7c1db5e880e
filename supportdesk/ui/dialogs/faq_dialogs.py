"""The service manual's dialogs (issue 9, R2.2): the entry editor (Markdown text with
screenshots and code blocks), the group leader's return with a comment, and an entry's
revisions with their differences and a restore. Each saves through the single writer and
stays open with the reason when refused."""

from __future__ import annotations

import hashlib
import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, QUrl
from PySide6.QtGui import (
    QFontDatabase,
    QImage,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextImageFormat,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from supportdesk.domain.errors import SupportDeskError, ValidationError
from supportdesk.domain.faq import (
    DEFAULT_CATEGORIES,
    IMAGE_SCHEME,
    MAX_ATTACHMENT_BYTES,
    TEXT_FIELDS,
    FaqDetail,
    FaqForm,
    FaqRow,
    FaqState,
    FieldDiff,
    RevisionRow,
    images,
)
from supportdesk.domain.registry import CustomerRow, ProjectRow, SystemRow, UserRow
from supportdesk.domain.roles import Permission, Role, allows
from supportdesk.services import faq
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.handover_package_dialog import WriteDialog, hint, read_file
from supportdesk.ui.messages import field_label
from supportdesk.ui.models.row_model import ROW_ROLE, Column, RowModel
from supportdesk.ui.tasks import Task, TaskContext
from supportdesk.ui.widgets.confirm import confirm

GITHUB = QTextDocument.MarkdownFeature.MarkdownDialectGitHub
IMAGE_WIDTH = 560  # screenshots are shown at most this wide; the stored file is untouched
REMOVED_STYLE = "color:#b71c1c; background-color:#ffebee;"
ADDED_STYLE = "color:#1b5e20; background-color:#e8f5e9;"


# -- words shared by the page and the dialogs ----------------------------------------------


def _words(text: str) -> str:
    return QCoreApplication.translate("FaqPage", text)


def local_time(value: datetime | None) -> str:
    if value is None:
        return ""
    # SQLite hands times back in UTC without their zone; PostgreSQL with it.
    aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    return aware.astimezone().strftime("%Y-%m-%d %H:%M")


def state_label(state: FaqState | str) -> str:
    labels = {
        FaqState.DRAFT: QCoreApplication.translate("FaqPage", "Draft"),
        FaqState.REVIEW: QCoreApplication.translate("FaqPage", "In review"),
        FaqState.PUBLISHED: QCoreApplication.translate("FaqPage", "Published"),
    }
    try:
        return labels[FaqState(state)]
    except ValueError:
        return str(state)


def action_label(action: str) -> str:
    labels = {
        "created": QCoreApplication.translate("FaqPage", "created"),
        "edited": QCoreApplication.translate("FaqPage", "edited"),
        "restored": QCoreApplication.translate("FaqPage", "restored"),
        "submitted": QCoreApplication.translate("FaqPage", "submitted for review"),
        "returned": QCoreApplication.translate("FaqPage", "returned"),
        "published": QCoreApplication.translate("FaqPage", "published"),
    }
    return labels.get(action, action)


def link_kind_label(kind: str) -> str:
    labels = {"handover": QCoreApplication.translate("FaqPage", "Handover")}
    return labels.get(kind, kind)


def section_title(name: str) -> str:
    """The heading of a rich-text field in the preview and the editor's tabs."""
    titles = {
        "symptom": QCoreApplication.translate("FaqPage", "Symptom"),
        "cause": QCoreApplication.translate("FaqPage", "Cause"),
        "solution": QCoreApplication.translate("FaqPage", "Solution"),
        "workaround": QCoreApplication.translate("FaqPage", "Workaround"),
    }
    return titles.get(name, name)


def diff_html(diffs: Sequence[FieldDiff]) -> str:
    """Each changed field under its name, its lines monospaced: removed red, added green."""
    if not diffs:
        return "<p>{}</p>".format(
            html.escape(QCoreApplication.translate("FaqPage", "No differences."))
        )
    parts = []
    for found in diffs:
        lines = []
        for line in found.lines:
            text = html.escape(line)
            if line.startswith("-"):
                lines.append(f'<span style="{REMOVED_STYLE}">{text}</span>')
            elif line.startswith("+"):
                lines.append(f'<span style="{ADDED_STYLE}">{text}</span>')
            else:
                lines.append(text)
        parts.append(f"<h4>{html.escape(field_label(found.field))}</h4>")
        parts.append("<pre>{}</pre>".format("\n".join(lines)))
    return "".join(parts)


def scaled(image: QImage, width: int = IMAGE_WIDTH) -> QImage:
    return (
        image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
        if (image.width() > width)
        else image
    )


def image_url(sha256: str) -> QUrl:
    return QUrl(IMAGE_SCHEME + sha256)


def add_images(document: QTextDocument, pictures: dict[str, QImage]) -> None:
    """Let `![c](sha256:…)` show the attachment: the document asks for it by that URL. Call
    it after setMarkdown (which drops the resources); the layout is redone to show them."""
    for sha256, image in pictures.items():
        document.addResource(QTextDocument.ResourceType.ImageResource, image_url(sha256), image)
    if pictures:
        document.markContentsDirty(0, document.characterCount())


# -- what the page loads once: who is signed in and what the filters offer ---------------------


@dataclass(frozen=True, slots=True)
class Lookups:
    user: UserRow | None = None
    people: list[UserRow] = field(default_factory=list)
    customers: list[CustomerRow] = field(default_factory=list)
    projects: list[ProjectRow] = field(default_factory=list)
    systems: list[SystemRow] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)

    def may(self, permission: Permission) -> bool:
        return (
            self.user is not None and self.user.active and allows(Role(self.user.role), permission)
        )

    def name(self, login: str) -> str:
        found = next((p for p in self.people if p.login == login), None)
        return found.name if found is not None and found.name else login

    def customer_of_project(self, project_id: int | None) -> int | None:
        found = next((p for p in self.projects if p.id == project_id), None)
        return found.customer_id if found is not None else None

    def project_of_system(self, system_id: int | None) -> int | None:
        found = next((s for s in self.systems if s.id == system_id), None)
        return found.project_id if found is not None else None

    def customer_of_system(self, system_id: int | None) -> int | None:
        return self.customer_of_project(self.project_of_system(system_id))


def _fill(combo: QComboBox, items: Sequence[tuple[str, int]], keep: int | None, none: str) -> None:
    combo.blockSignals(True)
    try:
        combo.clear()
        combo.addItem(none, None)
        for label, key in items:
            combo.addItem(label, key)
        combo.setCurrentIndex(max(combo.findData(keep), 0))
    finally:
        combo.blockSignals(False)


class ScopeCombos:
    """Customer, project and system: choosing a system chooses its project and customer;
    choosing a customer or project narrows what is offered below it."""

    def __init__(self, lookups: Lookups, parent: QWidget, none: str) -> None:
        self.lookups = lookups
        self.none = none
        self.customer = QComboBox(parent)
        self.project = QComboBox(parent)
        self.system = QComboBox(parent)
        for combo in (self.customer, self.project, self.system):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(16)
        self.customer.currentIndexChanged.connect(self._on_customer_changed)
        self.project.currentIndexChanged.connect(self._on_project_changed)
        self.system.currentIndexChanged.connect(self._on_system_changed)
        self.set(None, None, None)

    def set(self, customer: int | None, project: int | None, system: int | None) -> None:
        if system is not None:
            project = self.lookups.project_of_system(system) or project
        if project is not None:
            customer = self.lookups.customer_of_project(project) or customer
        _fill(self.customer, [(c.name, c.id) for c in self.lookups.customers], customer, self.none)
        self._offer(project, system)

    def _offer(self, project: int | None, system: int | None) -> None:
        customer = self.customer.currentData()
        projects = [
            p for p in self.lookups.projects if customer is None or p.customer_id == customer
        ]
        _fill(self.project, [(p.name, p.id) for p in projects], project, self.none)
        chosen_project = self.project.currentData()
        shown = {p.id for p in projects}
        systems = [
            s
            for s in self.lookups.systems
            if (s.project_id == chosen_project)
            or (chosen_project is None and s.project_id in shown)
        ]
        _fill(
            self.system,
            [
                (f"{s.project} · {s.name}" if chosen_project is None else s.name, s.id)
                for s in systems
            ],
            system,
            self.none,
        )

    def _on_customer_changed(self, _index: int) -> None:
        self._offer(self.project.currentData(), self.system.currentData())

    def _on_project_changed(self, _index: int) -> None:
        project = self.project.currentData()
        if project is not None:
            self.set(None, project, self.system.currentData())
        else:
            self._offer(None, self.system.currentData())

    def _on_system_changed(self, _index: int) -> None:
        system = self.system.currentData()
        if system is not None:
            self.set(None, None, system)

    def values(self) -> tuple[int | None, int | None, int | None]:
        return self.customer.currentData(), self.project.currentData(), self.system.currentData()


# -- the editor -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PickedImage:
    name: str
    data: bytes
    sha256: str
    image: QImage


def _caption(name: str) -> str:
    # Brackets would end the Markdown image's caption early.
    return "".join(c for c in name if c not in "[]()").strip() or "image"


def read_image(path: Path) -> PickedImage:
    """A screenshot's bytes, hash and picture (on a pool thread)."""
    data = read_file(path, MAX_ATTACHMENT_BYTES)
    image = QImage.fromData(data)
    if image.isNull():
        raise ValidationError("file", "not_an_image", value=path.name)
    return PickedImage(path.name, data, hashlib.sha256(data).hexdigest(), scaled(image))


def _save_entry(session: Any, form: FaqForm, pending: dict[str, PickedImage]) -> FaqDetail:
    """The entry and the screenshots its text shows, in one transaction: a refused save
    stores no picture either, and a new entry gets its pictures once it exists."""
    detail = faq.save(session, form)
    shown = {sha for name in TEXT_FIELDS for sha in images(getattr(form, name))}
    kept = {a.sha256 for a in detail.attachments}
    added = False
    for sha, picked in pending.items():
        if sha in shown and sha not in kept:
            faq.add_attachment(session, detail.row.id, picked.name, picked.data)
            added = True
    return faq.entry(session, detail.row.id) if added else detail


def insert_code_block(edit: QTextEdit) -> None:
    """A fenced code block (```) at the cursor, holding the selected text if any; the
    cursor stays inside it for the command or output to be typed."""
    cursor = edit.textCursor()
    code = cursor.selectedText().replace("\u2029", "\n")
    cursor.beginEditBlock()
    cursor.removeSelectedText()
    block = QTextBlockFormat()
    block.setProperty(QTextFormat.Property.BlockCodeFence, "`")
    block.setProperty(QTextFormat.Property.BlockCodeLanguage, "")
    block.setNonBreakableLines(True)
    chars = QTextCharFormat()
    chars.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    if cursor.block().text():
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        cursor.insertBlock(block, chars)
    else:
        cursor.setBlockFormat(block)
        cursor.setCharFormat(chars)
    cursor.insertText(code)
    inside = cursor.position()
    if not cursor.block().next().isValid():
        # Room to go on writing after the code.
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
    cursor.setPosition(inside)
    cursor.endEditBlock()
    edit.setTextCursor(cursor)
    edit.setFocus()


def insert_image(edit: QTextEdit, name: str, sha256: str) -> None:
    """`![name](sha256:…)` at the cursor (after a code block, never inside one)."""
    cursor = edit.textCursor()
    cursor.beginEditBlock()
    cursor.clearSelection()
    if cursor.blockFormat().hasProperty(QTextFormat.Property.BlockCodeFence):
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
    picture = QTextImageFormat()
    picture.setName(IMAGE_SCHEME + sha256)
    picture.setProperty(QTextFormat.Property.ImageAltText, _caption(name))
    cursor.insertImage(picture)
    cursor.endEditBlock()
    edit.setTextCursor(cursor)


class MarkdownEdit(QTextEdit):
    """A rich-text field kept as Markdown: unchanged text is handed back as it was loaded,
    so opening and saving an entry never makes a revision of Qt's rewriting alone."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)  # pasted text comes in plain; formatting is Markdown
        self.setTabChangesFocus(True)
        self._loaded = ""

    def load(self, markdown: str, pictures: dict[str, QImage]) -> None:
        self._loaded = markdown
        self.setMarkdown(markdown)
        add_images(self.document(), pictures)  # after: setMarkdown clears the resources
        self.document().setModified(False)

    def markdown(self) -> str:
        if not self.document().isModified():
            return self._loaded
        return self.toMarkdown(GITHUB).strip()


class FaqEditDialog(WriteDialog):
    """A new entry or an edit of one: the question, where it applies, tags, and the four
    rich-text fields. Saving an edit of a published entry makes a new draft (R2.2)."""

    def __init__(
        self,
        ctx: UiContext,
        lookups: Lookups,
        detail: FaqDetail | None,
        pictures: dict[str, QImage] | None = None,
        *,
        preferred: tuple[int | None, int | None] = (None, None),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.detail = detail
        self.pending: dict[str, PickedImage] = {}
        self.chooser: QFileDialog | None = None
        self._target: MarkdownEdit | None = None
        self.setWindowTitle(
            self.tr("New service manual entry")
            if detail is None
            else self.tr("Edit entry {id}").format(id=detail.row.id)
        )
        self.setMinimumSize(760, 640)
        form = detail.form if detail is not None else FaqForm("")
        self.question = QLineEdit(form.question, self)
        self.question.setMaxLength(500)
        self.question.setPlaceholderText(
            self.tr("The problem as a customer or engineer would put it")
        )
        self.category = QComboBox(self)
        self.category.setEditable(True)
        self.category.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.category.addItems(list(DEFAULT_CATEGORIES))
        self.category.setCurrentText(form.category)
        self.scope = ScopeCombos(lookups, self, self.tr("(any)"))
        if detail is not None:
            self.scope.set(form.customer_id, form.project_id, form.system_id)
        else:
            self.scope.set(preferred[0], None, preferred[1])
        self.applies_version = QLineEdit(form.applies_version, self)
        self.applies_version.setMaxLength(100)
        self.applies_version.setPlaceholderText(self.tr("e.g. 3.1 and later"))
        self.tags = QLineEdit(", ".join(form.tags), self)
        self.tags.setPlaceholderText(self.tr("Comma separated, e.g. 备份, 磁盘"))
        self.editors: dict[str, MarkdownEdit] = {}
        self.texts = QTabWidget(self)
        for name in TEXT_FIELDS:
            edit = MarkdownEdit(self)
            edit.load(getattr(form, name), pictures or {})
            self.editors[name] = edit
            self.texts.addTab(edit, section_title(name))
        self.editors["solution"].setPlaceholderText(
            self.tr("A solution or a workaround is required.")
        )
        self.image_button = QPushButton(self.tr("Insert image…"), self)
        self.image_button.setToolTip(
            self.tr("A screenshot at the cursor; it is stored with the entry when you save.")
        )
        self.image_button.clicked.connect(self.choose_image)
        self.code_button = QPushButton(self.tr("Insert code block"), self)
        self.code_button.setToolTip(
            self.tr("Commands or output, kept exactly as typed (the selected text, if any).")
        )
        self.code_button.clicked.connect(self._on_code_button_clicked)
        self.note = QLineEdit(self)
        self.note.setMaxLength(500)
        self.note.setPlaceholderText(self.tr("What this save changed, kept with the revision"))
        self._build_layout()

    def _build_layout(self) -> None:
        scope = QHBoxLayout()
        scope.addWidget(self.scope.customer, 1)
        scope.addWidget(self.scope.project, 1)
        scope.addWidget(self.scope.system, 1)
        top = QFormLayout()
        top.addRow(self.tr("Question"), self.question)
        top.addRow(self.tr("Category"), self.category)
        top.addRow(self.tr("Customer / project / system"), scope)
        top.addRow(self.tr("Applies to version"), self.applies_version)
        top.addRow(self.tr("Tags"), self.tags)
        tools = QHBoxLayout()
        tools.addWidget(
            hint(self.tr("Markdown: **bold**, - lists, ``` code ```; images by button."), self), 1
        )
        tools.addWidget(self.image_button)
        tools.addWidget(self.code_button)
        bottom = QFormLayout()
        bottom.addRow(self.tr("What changed"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(tools)
        layout.addWidget(self.texts, 1)
        layout.addLayout(bottom)
        if self.detail is not None and self.detail.row.state != FaqState.DRAFT:
            layout.addWidget(
                hint(
                    self.tr(
                        "Saving makes this entry a draft again: the manual keeps the published "
                        "revision until the group leader publishes the new one."
                    ),
                    self,
                )
            )
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def current_editor(self) -> MarkdownEdit:
        widget = self.texts.currentWidget()
        assert isinstance(widget, MarkdownEdit)
        return widget

    def _on_code_button_clicked(self) -> None:
        insert_code_block(self.current_editor())

    def choose_image(self) -> None:
        self._target = self.current_editor()
        chooser = QFileDialog(self, self.tr("Insert an image"))
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
        chooser.setNameFilters(
            [self.tr("Images (*.png *.jpg *.jpeg *.gif *.bmp)"), self.tr("All files (*)")]
        )
        chooser.fileSelected.connect(self._on_chooser_file_selected)
        self.chooser = chooser  # for the tests, and so it is not collected while open
        chooser.open()

    def _on_chooser_file_selected(self, path: str) -> None:
        self.add_image(Path(path))

    def add_image(self, path: Path) -> None:
        """Read the picture off the GUI thread, then show it at the cursor."""
        if self._target is None:
            self._target = self.current_editor()
        self.error.hide()
        self._set_busy(True)

        def body(_ctx: TaskContext) -> PickedImage:
            return read_image(path)

        self._ctx.tasks.start(
            Task(body, "read_image"), "read", self._on_image_read, self._on_failed
        )

    def _on_image_read(self, picked: PickedImage) -> None:
        self._set_busy(False)
        self.pending[picked.sha256] = picked
        for edit in self.editors.values():
            add_images(edit.document(), {picked.sha256: picked.image})
        target = self._target or self.current_editor()
        self._target = None
        insert_image(target, picked.name, picked.sha256)

    def form(self) -> FaqForm:
        customer, project, system = self.scope.values()
        texts = {name: edit.markdown() for name, edit in self.editors.items()}
        return FaqForm(
            question=self.question.text().strip(),
            category=self.category.currentText().strip(),
            customer_id=customer,
            project_id=project,
            system_id=system,
            applies_version=self.applies_version.text().strip(),
            tags=tuple(self.tags.text().replace("，", ",").split(",")),
            id=self.detail.row.id if self.detail is not None else None,
            version=self.detail.row.version if self.detail is not None else None,
            note=self.note.text().strip(),
            **texts,
        )

    def _submit(self) -> None:
        self._write(_save_entry, self.form(), dict(self.pending))

    def _refused(self, error: SupportDeskError) -> None:
        """Put the cursor where the problem is."""
        if not isinstance(error, ValidationError):
            return
        widgets: dict[str, QWidget] = {
            "question": self.question,
            "category": self.category,
            "applies_version": self.applies_version,
            "tags": self.tags,
            "note": self.note,
            "customer_id": self.scope.customer,
            "project_id": self.scope.project,
            "system_id": self.scope.system,
            **self.editors,
        }
        found = widgets.get(error.field)
        if found is None:
            return
        if error.field in self.editors:
            self.texts.setCurrentWidget(found)
        found.setFocus()


# -- the group leader's return ---------------------------------------------------------------


def _return(session: Any, entry_id: int, version: int, comment: str) -> FaqDetail:
    return faq.return_to_draft(session, entry_id, version, comment)


class ReturnDialog(WriteDialog):
    """Send a submitted entry back to its author, saying what to change."""

    def __init__(self, ctx: UiContext, row: FaqRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.row = row
        self.setWindowTitle(self.tr("Return entry {id}").format(id=row.id))
        self.setMinimumWidth(520)
        question = QLabel(row.question, self)
        question.setWordWrap(True)
        question.setTextFormat(Qt.TextFormat.PlainText)
        self.comment = QPlainTextEdit(self)
        self.comment.setTabChangesFocus(True)
        self.comment.setPlaceholderText(
            self.tr("What the author should change before it can be published")
        )
        self.ok_button.setText(self.tr("Return"))
        form = QFormLayout()
        form.addRow(self.tr("Entry"), question)
        form.addRow(self.tr("Comment"), self.comment)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _submit(self) -> None:
        self._write(_return, self.row.id, self.row.version, self.comment.toPlainText().strip())


# -- revisions ------------------------------------------------------------------------------


def _restore(session: Any, entry_id: int, number: int, version: int) -> FaqDetail:
    return faq.restore(session, entry_id, number, version)


def compared(numbers: Sequence[int]) -> tuple[int, int] | None:
    """The revisions to compare: the oldest and newest selected, or one with the one before."""
    chosen = sorted(set(numbers))
    if len(chosen) >= 2:
        return chosen[0], chosen[-1]
    if chosen and chosen[0] > 1:
        return chosen[0] - 1, chosen[0]
    return None


class RevisionsDialog(WriteDialog):
    """Every revision of an entry: who did what, the differences between two of them, and
    a restore of an earlier one (as a new revision: a draft to review)."""

    def __init__(
        self,
        ctx: UiContext,
        row: FaqRow,
        may_restore: bool,
        name: Callable[[str], str] = str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.row = row
        self.version = row.version
        self._restoring = 0
        self.may_restore = may_restore
        self.setWindowTitle(self.tr("Revisions of entry {id}").format(id=row.id))
        self.resize(900, 620)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        heading = QLabel(row.question, self)
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        self.model: RowModel[RevisionRow] = RowModel(
            [
                Column(self.tr("#"), lambda r: r.number),
                Column(self.tr("At"), lambda r: local_time(r.at)),
                Column(self.tr("By"), lambda r: name(r.by)),
                Column(self.tr("Action"), lambda r: action_label(r.action)),
                Column(
                    self.tr("Changed"),
                    lambda r: self.tr(", ").join(field_label(f) for f in r.changed),
                ),
                Column(self.tr("Note"), lambda r: r.note),
            ],
            self,
        )
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.compared_label = QLabel(self)
        self.diff = QTextBrowser(self)
        self.diff.setOpenLinks(False)
        self.restore_button = QPushButton(self.tr("Restore this revision…"), self)
        self.restore_button.clicked.connect(self.restore)
        self.done_label = QLabel(self)
        self.done_label.setWordWrap(True)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.view)
        lower = QWidget(split)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.compared_label)
        lower_layout.addWidget(self.diff, 1)
        split.addWidget(lower)
        split.setSizes([220, 360])
        bar = QHBoxLayout()
        bar.addWidget(
            hint(
                self.tr(
                    "Select two revisions to compare them, or one to see what it changed. "
                    "A restore makes that revision's text the current one, as a new draft."
                ),
                self,
            ),
            1,
        )
        bar.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(split, 1)
        layout.addLayout(bar)
        layout.addWidget(self.done_label)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._update_buttons()
        self.refresh()

    def refresh(self) -> None:
        self._ctx.tasks.read(
            faq.revisions, self.row.id, on_done=self._on_revisions_loaded,
            on_error=self._on_failed, latest=(id(self), "revisions"),
        )  # fmt: skip

    def _on_revisions_loaded(self, revisions: list[RevisionRow]) -> None:
        self.model.set_rows(revisions)
        self.view.resizeColumnsToContents()
        if revisions:
            # The newest that changed the text (a submit or publish changes none), compared
            # with the one before it.
            found = next((i for i, r in enumerate(revisions) if r.changed), 0)
            self.view.selectRow(found)
        self._update_buttons()

    def selected(self) -> list[RevisionRow]:
        rows = [i.data(ROW_ROLE) for i in self.view.selectionModel().selectedRows()]
        return [r for r in rows if isinstance(r, RevisionRow)]

    def _on_view_selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._update_buttons()
        pair = compared([r.number for r in self.selected()])
        if pair is None:
            self.compared_label.setText(
                self.tr("The first revision: there is nothing before it to compare.")
                if self.selected()
                else ""
            )
            self.diff.clear()
            return
        old, new = pair
        self.compared_label.setText(
            self.tr("Changes from revision {old} to revision {new}:").format(old=old, new=new)
        )
        self._ctx.tasks.read(
            faq.revision_diff, self.row.id, old, new, on_done=self._on_diff_loaded,
            on_error=self._on_failed, latest=(id(self), "diff"),
        )  # fmt: skip

    def _on_diff_loaded(self, diffs: tuple[FieldDiff, ...]) -> None:
        self.diff.setHtml(diff_html(diffs))

    def _why_not_restore(self) -> str | None:
        if not self.may_restore:
            return self.tr("Only engineers and the group leader restore revisions.")
        chosen = self.selected()
        if len(chosen) != 1:
            return self.tr("Select one revision to restore.")
        newest = max((r.number for r in self.model.rows()), default=0)
        if chosen[0].number == newest:
            return self.tr("This is the current revision.")
        return None

    def _update_buttons(self) -> None:
        why = self._why_not_restore()
        self.restore_button.setEnabled(why is None and not self.busy)
        self.restore_button.setToolTip(
            why or self.tr("Make this revision's text the current one again (a new draft).")
        )

    def restore(self) -> None:
        if self._why_not_restore() is not None:
            return
        number = self.selected()[0].number
        if not confirm(
            self,
            self.tr("Restore revision"),
            self.tr(
                "Make the text of revision {number} the current one? It is saved as a new "
                "revision and the entry becomes a draft to review again; nothing is lost."
            ).format(number=number),
        ):
            return
        self.error.hide()
        self.done_label.clear()
        self._set_busy(True)
        self._restoring = number
        self._write(_restore, self.row.id, number, self.version)

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        self._update_buttons()

    def _on_saved(self, result: object) -> None:
        """Stays open: the restore shows up as the newest revision."""
        self._set_busy(False)
        if isinstance(result, FaqDetail):
            self.version = result.row.version
            self.done_label.setText(
                self.tr("Revision {number} was restored as revision {new}.").format(
                    number=self._restoring, new=result.revision
                )
            )
        self.saved.emit(result)
        self.refresh()


def header_fits(view: QTableView, stretch: int) -> None:
    """Columns as wide as their contents, one of them taking the room left."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    view.resizeColumnsToContents()
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
