"""The service manual's uploads to the document management system (issue 9, R2.2): what went
up each month (or why it did not), "Upload now" for the group leader, off the GUI thread, and
the export of one document to a file of the user's choice."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from supportdesk.domain.errors import SupportDeskError, UploadError
from supportdesk.domain.faq import Grouping, UploadRow, file_name, month_of_upload
from supportdesk.domain.registry import UserRow
from supportdesk.domain.roles import Permission, Role, allows
from supportdesk.services import faq, team_settings, users
from supportdesk.services.files import write_beside
from supportdesk.ui.context import UiContext
from supportdesk.ui.i18n import resource_path
from supportdesk.ui.messages import describe
from supportdesk.ui.models.row_model import ROW_ROLE, Column, Index, RowModel
from supportdesk.ui.tasks import Task, TaskContext
from supportdesk.ui.widgets.confirm import confirm
from supportdesk.ui.widgets.save_chooser import save_chooser
from supportdesk.ui.widgets.status_line import ERROR_STYLE

FONT = "fonts/SupportDeskSansSC-Regular.ttf"
FAILED_COLOUR = QColor(255, 205, 210)
OK_COLOUR = QColor(200, 230, 201)
RESULT_COLUMN = 8  # ✔ OK, or why not: cut to a width, whole in the tooltip


def document_label(document: str) -> str:
    labels = {
        "manual": QCoreApplication.translate("UploadsDialog", "Service manual"),
        "changes": QCoreApplication.translate("UploadsDialog", "This month's changes"),
    }
    return labels.get(document, document)


def upload_error(row: UploadRow) -> UploadError | None:
    """The failure a row recorded ("reason" or "reason status"), as the adapter raised it."""
    if row.ok:
        return None
    reason, _, status = row.error.partition(" ")
    return UploadError(
        reason or "unknown", target=row.target, status=int(status) if status.isdigit() else None
    )


def failure_text(row: UploadRow) -> str:
    """Why a file did not go up, in words; empty when it did."""
    failed = upload_error(row)
    return describe(failed) if failed is not None else ""


def result_text(row: UploadRow) -> str:
    if row.ok:
        return QCoreApplication.translate("UploadsDialog", "✔ OK")
    return "✘ " + failure_text(row)


def target_text(row: UploadRow) -> str:
    """Where the file went, readable: a WebDAV URL's Chinese name is sent percent-encoded."""
    return unquote(row.target)


def local_time(row: UploadRow) -> str:
    return row.at.astimezone().strftime("%Y-%m-%d %H:%M")


def _month_text(day: QDate) -> str:
    return day.toString("yyyy-MM")


def _qmonth(month: str) -> QDate:
    year, mon = (int(part) for part in month.split("-"))
    return QDate(year, mon, 1)


class UploadModel(RowModel[UploadRow]):
    """The rows, each with its whole result and target as a tooltip (the cells are cut)."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            row = super().data(index, ROW_ROLE)
            if isinstance(row, UploadRow):
                return f"{result_text(row)}\n{target_text(row)}"
        return super().data(index, role)


# -- loading and the background work --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Listing:
    user: UserRow | None
    month: str
    rows: list[UploadRow]

    def may(self, permission: Permission) -> bool:
        return (
            self.user is not None and self.user.active and allows(Role(self.user.role), permission)
        )


def load_uploads(session: Any, month: str) -> Listing:
    return Listing(users.current_user(session), month, faq.uploads(session, month))


@dataclass(frozen=True, slots=True)
class Exported:
    path: Path
    entries: int


# -- the export's choices -------------------------------------------------------------------


class ManualExportDialog(QDialog):
    """Which document to export: the month, the manual or its changes, DOCX or PDF."""

    def __init__(self, month: str, latest: QDate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export the service manual"))
        self.setMinimumWidth(360)
        self.month = QDateEdit(_qmonth(month), self)
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setMaximumDate(latest)
        self.document = QComboBox(self)
        self.document.addItem(document_label("manual"), False)
        self.document.addItem(document_label("changes"), True)
        self.format = QComboBox(self)
        self.format.addItem(self.tr("Word document (DOCX)"), "docx")
        self.format.addItem(self.tr("PDF"), "pdf")
        form = QFormLayout()
        form.addRow(self.tr("Month"), self.month)
        form.addRow(self.tr("Document"), self.document)
        form.addRow(self.tr("Format"), self.format)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button.setText(self.tr("Export…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    @property
    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def chosen(self) -> tuple[str, bool, str]:
        """(month, changes only, format)."""
        return (
            _month_text(self.month.date()),
            bool(self.document.currentData()),
            str(self.format.currentData()),
        )


# -- the dialog -----------------------------------------------------------------------------


class UploadsDialog(QDialog):
    """Not modal: the manual can be read and edited while an upload runs. It closes only
    once its upload has finished (the upload records each file as it goes)."""

    uploaded = Signal()  # an upload finished (whatever its outcome): lists may refresh

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.listing: Listing | None = None
        self.task: Task | None = None
        self.exporting = False
        self._close_when_done = False
        self._empty_note = False  # the line says only that the month has no upload
        self.export_dialog: ManualExportDialog | None = None
        self.chooser: QFileDialog | None = None
        self.setWindowTitle(self.tr("Service manual uploads"))
        self.resize(1100, 480)
        today = ctx.today()
        self.month = QDateEdit(_qmonth(month_of_upload(today)), self)
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setMaximumDate(QDate(today.year, today.month, 1))
        self.month.dateChanged.connect(lambda _d: self.refresh())
        intro = QLabel(
            self.tr(
                "At month end the service manual and this month's changes go to the document "
                "management system of the team settings. Each file sent, or the reason it "
                "was not, is listed here."
            ),
            self,
        )
        intro.setWordWrap(True)
        self._build_table()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()
        self._build_progress()
        self.upload_button = QPushButton(self.tr("Upload now"), self)
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.upload_button.clicked.connect(self.upload)
        self.export_button.clicked.connect(self.export)
        self.close_button.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month"), self))
        top.addWidget(self.month)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.export_button)
        bottom.addStretch(1)
        bottom.addWidget(self.upload_button)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addLayout(bottom)
        self.update_controls()
        self.refresh()

    def _build_progress(self) -> None:
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # busy until the first file's step arrives
        self.bar.hide()
        self.cancel_button = QPushButton(self.tr("Cancel upload"), self)
        self.cancel_button.setToolTip(
            self.tr("Stop after the file being sent; what was sent stays recorded.")
        )
        self.cancel_button.clicked.connect(self.cancel_upload)
        self.cancel_button.hide()

    def _build_table(self) -> None:
        def colour(row: UploadRow) -> QColor:
            return OK_COLOUR if row.ok else FAILED_COLOUR

        self.model: UploadModel = UploadModel(
            [
                Column(self.tr("Month"), lambda r: r.month),
                Column(self.tr("Document"), lambda r: document_label(r.document)),
                Column(self.tr("Format"), lambda r: r.format.upper()),
                Column(self.tr("File name"), lambda r: r.file_name),
                Column(self.tr("Entries"), lambda r: r.entries),
                Column(self.tr("Attempts"), lambda r: r.attempts),
                Column(self.tr("When"), local_time),
                Column(self.tr("By"), lambda r: r.by),
                Column(self.tr("Result"), result_text, colour=colour),
                Column(self.tr("Target"), target_text),
            ],
            self,
        )
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)

    # -- state ------------------------------------------------------------------------------

    def chosen_month(self) -> str:
        return _month_text(self.month.date())

    @property
    def running(self) -> bool:
        return self.task is not None

    def why_not_upload(self) -> str | None:
        if self.listing is None:
            return self.tr("The uploads are loading…")
        if not self.listing.may(Permission.FAQ_PUBLISH):
            return self.tr("Only the group leader and the administrator upload the service manual.")
        if self.running:
            return self.tr("An upload is under way.")
        return None

    def update_controls(self) -> None:
        why = self.why_not_upload()
        self.upload_button.setEnabled(why is None)
        self.upload_button.setToolTip(
            why
            or self.tr(
                "Upload the chosen month's manual and changes to the document management "
                "system now."
            )
        )
        self.export_button.setEnabled(not self.exporting)
        self.export_button.setToolTip(
            self.tr("An export is under way.")
            if self.exporting
            else self.tr("Save one document of a month as a DOCX or PDF file.")
        )
        self.month.setEnabled(not self.running)
        self.bar.setVisible(self.running or self.exporting)
        self.cancel_button.setVisible(self.running)

    def say(self, text: str) -> None:
        self._empty_note = False
        self.status.setText(text)
        self.status.setStyleSheet("")
        self.status.show()

    def say_error(self, text: str) -> None:
        self._empty_note = False
        self.status.setText(text)
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.show()

    def fail(self, error: BaseException) -> None:
        if not isinstance(error, SupportDeskError):
            self._ctx.tasks.error_raised.emit(error)  # a bug: the error dialog and the log
            return
        self.say_error(describe(error))

    # -- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        self._ctx.tasks.read(
            load_uploads, self.chosen_month(), on_done=self._on_loaded,
            on_error=self.fail, latest=(id(self), "uploads"),
        )  # fmt: skip

    def _on_loaded(self, listing: Listing) -> None:
        if listing.month != self.chosen_month():
            return  # another month was picked meanwhile
        self.listing = listing
        if not self.status.isVisible() or self._empty_note:
            # Only when nothing more important is on the line.
            self._empty_note = not listing.rows
            self.status.setVisible(self._empty_note)
            self.status.setStyleSheet("")
            self.status.setText(
                self.tr("Nothing was uploaded for {month} yet.").format(month=listing.month)
            )
        self.model.set_rows(listing.rows)
        self.view.resizeColumnsToContents()
        for column, widest in ((RESULT_COLUMN, 360), (RESULT_COLUMN + 1, 320)):
            self.view.setColumnWidth(column, min(self.view.columnWidth(column), widest))
        self.update_controls()

    # -- uploading --------------------------------------------------------------------------

    def upload(self) -> None:
        if self.why_not_upload() is not None:
            return
        self.upload_button.setEnabled(False)
        self._ctx.tasks.read(
            team_settings.all_values, on_done=self._on_settings_read, on_error=self._on_refused
        )

    def _on_refused(self, error: BaseException) -> None:
        self.update_controls()
        self.fail(error)

    def why_not_configured(self, values: dict[str, Any]) -> str | None:
        """Why no uploader can be built from the team settings here, before asking anyone."""
        kind = values["faq.upload.kind"]
        target = values["faq.upload.folder"] if kind == "folder" else values["faq.upload.url"]
        if kind == "none" or not str(target).strip():
            return self.tr(
                "No document management system is configured: choose one in Settings → "
                "Team settings → Service manual upload."
            )
        if kind == "webdav" and values["faq.upload.credential"] and self._ctx.vault.opened is None:
            return self.tr(
                "Open the vault first (on the Vault page): the document management system's "
                "password is the vault credential {name}."
            ).format(name=values["faq.upload.credential"])
        return None

    def _on_settings_read(self, values: dict[str, Any]) -> None:
        self.update_controls()
        why = self.why_not_configured(values)
        if why is not None:
            self.say_error(why)
            return
        month = self.chosen_month()
        kind = values["faq.upload.kind"]
        target = values["faq.upload.folder"] if kind == "folder" else values["faq.upload.url"]
        formats = " + ".join(f.upper() for f in faq.export_formats(values))
        text = self.tr(
            "Upload the service manual of {month} and this month's changes ({formats}) to "
            "{target}? Files of the same name there are replaced."
        ).format(month=month, formats=formats, target=target)
        if confirm(self, self.tr("Upload the service manual"), text):
            self._start(month, values)

    def _start(self, month: str, values: dict[str, Any]) -> None:
        if self.running:
            return
        uow, make, today = self._ctx.tasks.uow, self._ctx.uploader, self._ctx.today()
        font = resource_path(FONT)

        def body(task: TaskContext) -> list[UploadRow] | None:
            uploader = make(values)  # reads the password from the vault: off the GUI thread
            if uploader is None:
                return None
            task.check()
            return faq.upload_month(
                uow, month, uploader, font, formats=faq.export_formats(values),
                grouping=Grouping(values["faq.export.grouping"]), today=today,
                progress=task.progress, cancelled=lambda: task.cancelled,
            )  # fmt: skip

        task = Task(body, "manual upload")
        task.signals.done.connect(self._on_task_done)
        task.signals.progress.connect(self._on_progress)
        self.bar.setRange(0, 0)
        self.task = task
        self.say(self.tr("Uploading the service manual of {month}…").format(month=month))
        self.update_controls()
        self._ctx.tasks.start(task, "remote", on_done=self._on_uploaded, on_error=self.fail)

    def _on_uploaded(self, rows: list[UploadRow] | None) -> None:
        if rows is None:
            self.say_error(
                self.tr(
                    "The document management system's password cannot be read: open the vault "
                    "(on the Vault page) and try again."
                )
            )
            return
        failed = [r for r in rows if not r.ok]
        if not failed:
            self.say(
                self.tr("Uploaded {count} files of {month}.").format(
                    count=len(rows), month=rows[0].month if rows else self.chosen_month()
                )
            )
            return
        self.say_error(
            self.tr("{failed} of {count} files were not uploaded. {reason}").format(
                failed=len(failed), count=len(rows), reason=failure_text(failed[0])
            )
        )

    def _on_progress(self, done: int, total: int, name: str) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        self.say(
            self.tr("Uploading {file} ({number} of {total})…").format(
                file=name, number=done + 1, total=total
            )
        )

    def cancel_upload(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.say(self.tr("Cancelling: the file being sent is finished first…"))

    def _on_task_done(self) -> None:
        self.task = None
        self.update_controls()
        self.refresh()
        self.uploaded.emit()
        if self._close_when_done:
            super().reject()

    # -- exporting --------------------------------------------------------------------------

    def export(self) -> None:
        if self.exporting:
            return
        today = self._ctx.today()
        dialog = ManualExportDialog(self.chosen_month(), QDate(today.year, today.month, 1), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._choose_file(*dialog.chosen()))
        self.export_dialog = dialog
        dialog.open()

    def _choose_file(self, month: str, changes_only: bool, fmt: str) -> None:
        self.chooser = save_chooser(
            self,
            self._ctx,
            self.tr("Export the service manual"),
            file_name(month, changes_only, fmt),
            lambda path: self._export_to(month, changes_only, fmt, path),
            name_filter=self.tr("Word documents (*.docx)")
            if fmt == "docx"
            else self.tr("PDF files (*.pdf)"),
            suffix=fmt,
        )

    def _export_to(self, month: str, changes_only: bool, fmt: str, path: Path) -> None:
        uow, today, font = self._ctx.tasks.uow, self._ctx.today(), resource_path(FONT)

        def body(_task: TaskContext) -> Exported:
            with uow.read() as session:
                grouping = Grouping(team_settings.get(session, "faq.export.grouping"))
                document = faq.manual(
                    session, month, changes_only=changes_only, grouping=grouping, today=today
                )
            write_beside(path, faq.render(document, fmt, font), field="file")  # no transaction held
            return Exported(path, document.count)

        self.exporting = True
        self.say(self.tr("Exporting to {path}…").format(path=path))
        self.update_controls()
        task = Task(body, "manual export")
        task.signals.done.connect(self._on_export_done)
        self._ctx.tasks.start(task, "read", on_done=self._on_exported, on_error=self.fail)

    def _on_exported(self, exported: Exported) -> None:
        self.say(
            self.tr("Exported: {path} (entries: {entries}).").format(
                entries=exported.entries, path=exported.path
            )
        )

    def _on_export_done(self) -> None:
        self.exporting = False
        self.update_controls()

    # -- closing ----------------------------------------------------------------------------

    def reject(self) -> None:
        if self.running:
            # The upload records each file as it goes: it finishes, then the window closes.
            self._close_when_done = True
            self.cancel_upload()
            self.say(self.tr("The window closes once the file being sent has gone…"))
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.running:
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)


def open_uploads(ctx: UiContext, parent: QWidget) -> UploadsDialog:
    """The uploads window over `parent` (the Service manual page's button)."""
    dialog = UploadsDialog(ctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.raise_()
    return dialog
