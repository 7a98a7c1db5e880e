"""The handover package's dialogs (issue 7, R1.2-R1.3): a technical material (a file or a
location), an FAQ entry, the sign-off with its scan, and the reason of an amendment. Each saves
through the single writer and stays open with the reason when refused; a file is read on a
pool thread, never on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Signal
from PySide6.QtGui import QCloseEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from supportdesk.domain.errors import (
    ConflictError,
    NotFoundError,
    SupportDeskError,
    ValidationError,
)
from supportdesk.domain.handover import (
    MAX_MATERIAL_BYTES,
    FaqForm,
    FaqRow,
    MaterialRow,
    SignOffForm,
    SignOffRow,
    Timeline,
)
from supportdesk.services import handover
from supportdesk.ui.context import UiContext
from supportdesk.ui.messages import describe
from supportdesk.ui.tasks import Task, TaskContext
from supportdesk.ui.widgets.status_line import ERROR_STYLE


def hint(text: str, parent: QWidget) -> QLabel:
    """A wrapped line in the placeholder colour: what a control does, not what it holds."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    palette = label.palette()
    palette.setColor(
        QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
    )
    label.setPalette(palette)
    return label


def package_error_text(error: BaseException) -> str:
    """describe(), with the package's own records named in words (messages.py knows the
    registry's entities, not these)."""
    if isinstance(error, ConflictError):
        who = error.changed_by or QCoreApplication.translate("HandoverPackageDialog", "someone")
        texts = {
            "handover_package": QCoreApplication.translate(
                "HandoverPackageDialog",
                "Parts 3 and 4 were saved by {user} after you opened them. Your text is still "
                "in the editors: copy what you need, press Revert to see theirs, then make "
                "your change again.",
            ),
            "handover_faq": QCoreApplication.translate(
                "HandoverPackageDialog",
                "This FAQ entry was changed by {user} after you opened it. Close the dialog "
                "and open the entry again.",
            ),
        }
        if error.entity in texts:
            return texts[error.entity].format(user=who)
    if isinstance(error, NotFoundError) and error.entity in (
        "handover_material",
        "handover_faq",
    ):
        return QCoreApplication.translate(
            "HandoverPackageDialog", "That entry no longer exists (someone removed it)."
        )
    return describe(error)


def size_text(size: int) -> str:
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def read_file(path: Path, limit: int = MAX_MATERIAL_BYTES) -> bytes:
    """The file's bytes (on a pool thread): too large or unreadable is a user error."""
    try:
        if path.stat().st_size > limit:
            raise ValidationError("file", "too_large", max=size_text(limit))
        return path.read_bytes()
    except OSError as error:
        raise ValidationError("file", "unreadable", detail=error.strerror or str(error)) from None


def _add_material(
    session: Any, project_id: int, category: str, name: str, data: bytes | None, location: str,
    note: str,
) -> MaterialRow:  # fmt: skip
    return handover.add_material(
        session, project_id, category, name, data=data, location=location, note=note
    )


def _save_faq(session: Any, form: FaqForm) -> FaqRow:
    return handover.save_faq(session, form)


def _sign(session: Any, form: SignOffForm, today: date) -> SignOffRow:
    return handover.sign(session, form, today=today)


def _amend(session: Any, project_id: int, reason: str) -> Timeline:
    return handover.amend(session, project_id, reason)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class WriteDialog(QDialog):
    """The mechanics every saving dialog shares (the handover's, the change log's and the
    backups'; no words of its own, so each subclass is its own translation context): an
    error line, OK/Cancel, and a busy state during which the dialog cannot be closed, so a
    late result never reaches a deleted dialog."""

    saved = Signal(object)

    def __init__(self, ctx: UiContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.busy = False
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    @property
    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def _submit(self) -> None:
        raise NotImplementedError

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.buttons.setEnabled(not busy)

    def _on_buttons_accepted(self) -> None:
        self.error.hide()
        self._set_busy(True)
        self._submit()

    def _read_then(self, path: Path, then: Callable[[bytes], None]) -> None:
        def body(_ctx: TaskContext) -> bytes:
            return read_file(path)

        self._ctx.tasks.start(Task(body, "read_file"), "read", then, self._on_failed)

    def _write(self, fn: Callable[..., Any], *args: Any) -> None:
        self._ctx.tasks.write(fn, *args, on_done=self._on_saved, on_error=self._on_failed)

    def _on_saved(self, result: object) -> None:
        self._set_busy(False)
        self.saved.emit(result)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(error, SupportDeskError):
            self._ctx.tasks.error_raised.emit(error)  # a bug: the error dialog and the log
            return
        self._refused(error)
        self._show_error(package_error_text(error))

    def _refused(self, error: SupportDeskError) -> None:
        """A subclass's chance to change its form for a refusal (the notice gate)."""

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def reject(self) -> None:
        if not self.busy:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.busy:
            event.ignore()
        else:
            super().closeEvent(event)


def _multiline(parent: QWidget, lines: int = 5) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * lines + 12)
    return edit


class MaterialDialog(WriteDialog):
    """A technical material (part 1): a file (read when OK is pressed, stored by SHA-256) or,
    for what is not a file to hand over (a repository), where it is."""

    def __init__(
        self,
        ctx: UiContext,
        project: Timeline,
        categories: Sequence[tuple[str, str]],
        preferred: str | None,
        path: Path | None,
        parent: QWidget | None,
    ) -> None:
        super().__init__(ctx, parent)
        self.project = project
        self.path = path
        self.setWindowTitle(
            self.tr("Add a file to the package")
            if path is not None
            else self.tr("Add a location to the package")
        )
        self.setMinimumWidth(520)
        # The required categories first; a team may type one of its own.
        self.category = QComboBox(self)
        self.category.setEditable(True)
        self.category.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for code, label in categories:
            self.category.addItem(label, code)
        if preferred is not None and (index := self.category.findData(preferred)) >= 0:
            self.category.setCurrentIndex(index)
        self.name = QLineEdit(self)
        self.name.setMaxLength(255)
        self.location = QLineEdit(self)
        self.location.setMaxLength(1000)
        self.location.setPlaceholderText(
            self.tr("e.g. https://git.example.com/team/app.git at commit 3f9c2e1")
        )
        self.note = QLineEdit(self)
        self.note.setMaxLength(4000)
        form = QFormLayout()
        form.addRow(self.tr("Project"), QLabel(f"{project.customer} · {project.project}", self))
        form.addRow(self.tr("Category"), self.category)
        if path is not None:
            self.name.setText(path.name)
            try:
                size = size_text(path.stat().st_size)
            except OSError:
                size = "?"
            shown = QLabel(f"{path} ({size})", self)
            shown.setWordWrap(True)
            form.addRow(self.tr("File"), shown)
            self.location.hide()
        form.addRow(self.tr("Name"), self.name)
        if path is None:
            form.addRow(self.tr("Location"), self.location)
        form.addRow(self.tr("Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def chosen_category(self) -> str:
        """The code of a listed category, or the text the user typed."""
        text = self.category.currentText().strip()
        index = self.category.findText(text)
        return str(self.category.itemData(index)) if index >= 0 else text

    def _submit(self) -> None:
        if self.path is None:
            self._save(None)
        else:
            self._read_then(self.path, self._save)

    def _save(self, data: bytes | None) -> None:
        self._write(
            _add_material,
            self.project.project_id,
            self.chosen_category(),
            self.name.text().strip(),
            data,
            "" if data is not None else self.location.text().strip(),
            self.note.text().strip(),
        )


class FaqDialog(WriteDialog):
    """One question of the project's FAQ (part 4) and its answer."""

    def __init__(
        self, ctx: UiContext, project: Timeline, faq: FaqRow | None, parent: QWidget | None
    ) -> None:
        super().__init__(ctx, parent)
        self.project = project
        self.faq = faq
        self.setWindowTitle(
            self.tr("Add a question") if faq is None else self.tr("Edit the question")
        )
        self.setMinimumWidth(560)
        self.question = QLineEdit(self)
        self.question.setMaxLength(500)
        self.answer = _multiline(self, 8)
        if faq is not None:
            self.question.setText(faq.question)
            self.answer.setPlainText(faq.answer)
        form = QFormLayout()
        form.addRow(self.tr("Project"), QLabel(f"{project.customer} · {project.project}", self))
        form.addRow(self.tr("Question"), self.question)
        form.addRow(self.tr("Answer"), self.answer)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def form(self) -> FaqForm:
        return FaqForm(
            self.project.project_id,
            self.question.text().strip(),
            self.answer.toPlainText().strip(),
            id=self.faq.id if self.faq is not None else None,
            version=self.faq.version if self.faq is not None else None,
        )

    def _submit(self) -> None:
        self._write(_save_faq, self.form())


class SignOffDialog(WriteDialog):
    """Record the signed paper (R1.3): who signed for each side, the day (not in the
    future), and its scan. The service refuses an incomplete package and names the gaps."""

    def __init__(
        self,
        ctx: UiContext,
        project: Timeline,
        amendment: str | None,
        parent: QWidget | None,
    ) -> None:
        super().__init__(ctx, parent)
        self.project = project
        self.scan_path: Path | None = None
        self.setWindowTitle(self.tr("Record the sign-off"))
        self.setMinimumWidth(560)
        today = ctx.today()
        self.ours = QLineEdit(self)
        self.ours.setMaxLength(500)
        self.ours.setPlaceholderText(self.tr("e.g. after-sales: Zhang San; project team: Li Si"))
        self.theirs = QLineEdit(self)
        self.theirs.setMaxLength(500)
        self.signed_on = QDateEdit(self)
        self.signed_on.setCalendarPopup(True)
        self.signed_on.setDisplayFormat("yyyy-MM-dd")
        self.signed_on.setMaximumDate(_qdate(today))
        self.signed_on.setDate(_qdate(today))
        self.scan = QLineEdit(self)
        self.scan.setReadOnly(True)
        self.scan.setPlaceholderText(self.tr("no file chosen"))
        self.choose_button = QPushButton(self.tr("Choose…"), self)
        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        self.chooser: QFileDialog | None = None
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan, 1)
        scan_row.addWidget(self.choose_button)
        form = QFormLayout()
        form.addRow(self.tr("Project"), QLabel(f"{project.customer} · {project.project}", self))
        if amendment is not None:
            why = QLabel(self.tr("Signs the amendment: {reason}").format(reason=amendment), self)
            why.setWordWrap(True)
            form.addRow(self.tr("Amendment"), why)
        form.addRow(self.tr("Signed for the company"), self.ours)
        form.addRow(self.tr("Signed for the customer"), self.theirs)
        form.addRow(self.tr("Signed on"), self.signed_on)
        form.addRow(self.tr("Scan of the signed paper"), scan_row)
        note = hint(
            self.tr(
                "Once recorded, the package is frozen as it stands now: later changes need an "
                "amendment, which is signed as the next version."
            ),
            self,
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _on_choose_button_clicked(self) -> None:
        chooser = QFileDialog(self, self.tr("Scan of the signed paper"))
        chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
        chooser.setNameFilters(
            [self.tr("Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)"), self.tr("All files (*)")]
        )
        chooser.fileSelected.connect(self.set_scan)
        self.chooser = chooser  # for the tests, and so it is not collected while open
        chooser.open()

    def set_scan(self, path: str) -> None:
        self.scan_path = Path(path)
        self.scan.setText(str(self.scan_path))

    def chosen_day(self) -> date:
        value = self.signed_on.date().toPython()
        assert isinstance(value, date)
        return value

    def _submit(self) -> None:
        if self.scan_path is None:
            self._set_busy(False)
            self._show_error(describe(ValidationError("scan", "required")))
            return
        self._read_then(self.scan_path, self._save)

    def _save(self, scan: bytes) -> None:
        assert self.scan_path is not None
        form = SignOffForm(
            self.project.project_id,
            self.chosen_day(),
            self.ours.text().strip(),
            self.theirs.text().strip(),
            self.scan_path.name,
            scan,
        )
        self._write(_sign, form, self._ctx.today())


class AmendmentDialog(WriteDialog):
    """Open a signed package for changes (R1.3): the reason goes with the next version."""

    def __init__(self, ctx: UiContext, project: Timeline, parent: QWidget | None) -> None:
        super().__init__(ctx, parent)
        self.project = project
        self.setWindowTitle(self.tr("Start an amendment"))
        self.setMinimumWidth(520)
        self.reason = _multiline(self, 4)
        self.reason.setPlaceholderText(
            self.tr("e.g. the customer moved the backup server; the deployment guide changes")
        )
        text = QLabel(
            self.tr(
                "The package of {project} stays signed as it is. The amendment lets you change "
                "it; signing again records the next version, with this reason."
            ).format(project=project.project),
            self,
        )
        text.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _submit(self) -> None:
        self._write(_amend, self.project.project_id, self.reason.toPlainText().strip())
