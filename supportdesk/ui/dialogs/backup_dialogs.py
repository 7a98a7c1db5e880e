"""The backups page's dialogs (issue 8, R3.3): add or correct a backup job (its system, a host
of that system, what is backed up where, how often, and the vault credential holding a
repository's password), and the progress of a check over SSH with its cancel button. The job
is saved through the single writer and the dialog stays open with the reason when refused.
A restore drill (one file restored on the host and its checksum compared) is asked for, run
and answered in one dialog; a backup is set up where the customer has none by showing the
exact commands first and running them only then, under a planned change (R3.2)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from supportdesk.domain.backup import (
    MAX_SCHEDULE_HOURS,
    REPOSITORIES,
    RETENTION_DAYS,
    BackupKind,
    DrillRow,
    JobForm,
    JobRow,
    SetupForm,
    SetupPlan,
    allowed_gap,
)
from supportdesk.domain.changes import ChangeRow
from supportdesk.domain.errors import PermissionDeniedError, SupportDeskError, ValidationError
from supportdesk.domain.registry import HostRow, SystemRow
from supportdesk.services import backup, changes, registry, vault
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.change_dialogs import ChangeWriteDialog, local_time
from supportdesk.ui.dialogs.handover_package_dialog import hint
from supportdesk.ui.messages import describe
from supportdesk.ui.tasks import Task, TaskContext
from supportdesk.ui.widgets.confirm import confirm
from supportdesk.ui.widgets.status_line import ERROR_STYLE

# -- words shared by the page and the dialogs ----------------------------------------------


def kind_label(kind: str) -> str:
    labels = {
        BackupKind.DIRECTORY.value: QCoreApplication.translate("BackupsPage", "files"),
        BackupKind.PG_DUMP.value: QCoreApplication.translate("BackupsPage", "PostgreSQL dumps"),
        BackupKind.MYSQL_DUMP.value: QCoreApplication.translate("BackupsPage", "MySQL dumps"),
        BackupKind.RESTIC.value: QCoreApplication.translate("BackupsPage", "restic repository"),
        BackupKind.BORG.value: QCoreApplication.translate("BackupsPage", "borg repository"),
    }
    return labels.get(kind, kind)


def is_repository(kind: str) -> bool:
    return kind in {k.value for k in REPOSITORIES}


# -- what the job dialog offers ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Choices:
    """The systems, their hosts and the vault's credential names (loaded off the GUI
    thread just before the dialog opens, so a host or credential added meanwhile is there)."""

    systems: list[SystemRow]
    hosts: list[HostRow]
    credentials: list[str]

    def hosts_of(self, system_id: int | None) -> list[HostRow]:
        return [h for h in self.hosts if h.system_id == system_id]


def load_choices(session: Any) -> Choices:
    try:
        names = [c.name for c in vault.list_credentials(session)]
    except PermissionDeniedError:  # may set up jobs but not see the vault: no names offered
        names = []
    hosts = registry.hosts_by_ids(session, registry.host_ids(session))
    return Choices(registry.list_systems(session), hosts, names)


# -- add or correct a job ---------------------------------------------------------------------


class JobDialog(ChangeWriteDialog):
    """A backup job: the system and the host its backups are kept on, a name, the kind (files
    in a directory, PostgreSQL or MySQL dumps, a restic or borg repository), the directory or
    repository, which files are backups (directories only), how many hours apart they are
    made, and the vault credential with a repository's password (repositories only)."""

    def __init__(
        self,
        ctx: UiContext,
        choices: Choices,
        job: JobRow | None,
        *,
        preferred_system: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.job = job
        self.choices = choices
        self.setWindowTitle(
            self.tr("New backup job") if job is None else self.tr("Edit the backup job")
        )
        self.setMinimumWidth(600)
        self._build_fields(job, preferred_system)
        self._build_layout()
        self._fields: dict[str, QWidget] = {
            "system_id": self.system,
            "host": self.host,
            "name": self.name,
            "kind": self.kind,
            "path": self.path,
            "pattern": self.pattern,
            "schedule_hours": self.schedule,
            "credential": self.credential,
        }
        self.system.currentIndexChanged.connect(self._on_system_changed)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.schedule.valueChanged.connect(self._on_schedule_changed)
        self._on_system_changed()
        if job is not None:
            self.host.setCurrentIndex(max(self.host.findData(job.host_id), 0))
        self._on_kind_changed()
        self._on_schedule_changed(self.schedule.value())

    def _build_fields(self, job: JobRow | None, preferred_system: int | None) -> None:
        choices = self.choices
        self.system = QComboBox(self)
        self.system.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.system.setMinimumContentsLength(30)
        for s in choices.systems:
            self.system.addItem(f"{s.customer} · {s.name}", s.id)
        wanted = job.system_id if job is not None else preferred_system
        self.system.setCurrentIndex(max(self.system.findData(wanted), 0))
        self.host = QComboBox(self)
        self.name = QLineEdit(self)
        self.name.setMaxLength(100)
        self.name.setPlaceholderText(self.tr("e.g. nightly database dump"))
        self.kind = QComboBox(self)
        for kind in BackupKind:
            self.kind.addItem(kind_label(kind.value), kind.value)
        self.path = QLineEdit(self)
        self.path.setMaxLength(1000)
        self.pattern = QLineEdit("*", self)
        self.pattern.setMaxLength(200)
        self.pattern.setPlaceholderText(self.tr("e.g. *.sql.gz"))
        self.schedule = QSpinBox(self)
        self.schedule.setRange(1, MAX_SCHEDULE_HOURS)
        self.schedule.setSuffix(self.tr(" h"))
        self.schedule.setValue(24)
        self.schedule_words = hint("", self)
        self.credential = QComboBox(self)
        self.credential.addItem(self.tr("(choose a credential)"), "")
        for name in choices.credentials:
            self.credential.addItem(name, name)
        if job is not None:
            self.name.setText(job.name)
            self.kind.setCurrentIndex(max(self.kind.findData(job.kind), 0))
            self.path.setText(job.path)
            self.pattern.setText(job.pattern)
            self.schedule.setValue(job.schedule_hours)
            if job.credential and self.credential.findData(job.credential) < 0:
                self.credential.addItem(job.credential, job.credential)  # the save says why
            self.credential.setCurrentIndex(max(self.credential.findData(job.credential), 0))

    def _build_layout(self) -> None:
        self.form_layout = QFormLayout()
        self.form_layout.addRow(self.tr("System"), self.system)
        self.form_layout.addRow(self.tr("Host"), self.host)
        self.form_layout.addRow(self.tr("Name"), self.name)
        self.form_layout.addRow(self.tr("Kind"), self.kind)
        self.form_layout.addRow(self.tr("Directory or repository"), self.path)
        self.form_layout.addRow(self.tr("Backup files"), self.pattern)
        self.form_layout.addRow(self.tr("Backup every"), self.schedule)
        self.form_layout.addRow("", self.schedule_words)
        self.form_layout.addRow(self.tr("Repository password"), self.credential)
        self.no_credentials = hint(
            self.tr("The vault has no credentials yet: add the repository's password there."),
            self,
        )
        self.form_layout.addRow("", self.no_credentials)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form_layout)
        layout.addWidget(
            hint(
                self.tr(
                    "A check lists the backups on the host over SSH (the host's vault "
                    "credential), and needs {days} days of them without gaps (R3.3)."
                ).format(days=RETENTION_DAYS),
                self,
            )
        )
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _on_system_changed(self, *_args: object) -> None:
        self.host.clear()
        hosts = self.choices.hosts_of(self.system.currentData())
        for h in hosts:
            self.host.addItem(f"{h.name} ({h.address})", h.id)
        if not hosts:
            self.host.addItem(self.tr("(this system has no hosts: add one on the Hosts page)"))

    def _on_kind_changed(self, *_args: object) -> None:
        kind = str(self.kind.currentData())
        repository = is_repository(kind)
        self.form_layout.setRowVisible(self.pattern, not repository)
        self.form_layout.setRowVisible(self.credential, repository)
        self.form_layout.setRowVisible(
            self.no_credentials, repository and not self.choices.credentials
        )
        examples = {
            BackupKind.DIRECTORY.value: self.tr("e.g. /data/backup/files"),
            BackupKind.PG_DUMP.value: self.tr("e.g. /var/backups/postgresql"),
            BackupKind.MYSQL_DUMP.value: self.tr("e.g. /var/backups/mysql"),
            BackupKind.RESTIC.value: self.tr("e.g. /srv/restic/erp"),
            BackupKind.BORG.value: self.tr("e.g. /srv/borg/erp"),
        }
        self.path.setPlaceholderText(examples.get(kind, ""))

    def _on_schedule_changed(self, hours: int) -> None:
        late = allowed_gap_hours(hours)
        self.schedule_words.setText(
            self.tr("A backup later than {late} h after the one before counts as missed.").format(
                late=late
            )
        )

    def form(self) -> JobForm:
        kind = BackupKind(str(self.kind.currentData()))
        repository = kind in REPOSITORIES
        return JobForm(
            self.system.currentData(),
            self.host.currentData(),
            self.name.text().strip(),
            kind,
            self.path.text().strip(),
            "*" if repository else self.pattern.text().strip() or "*",
            self.schedule.value(),
            str(self.credential.currentData() or "") if repository else "",
            id=self.job.id if self.job is not None else None,
            version=self.job.version if self.job is not None else None,
        )

    def _submit(self) -> None:
        for name, widget in (("system_id", self.system), ("host", self.host)):
            if widget.currentData() is None:
                self._set_busy(False)
                self._refused(ValidationError(name, "required"))
                self._show_error(describe(ValidationError(name, "required")))
                return
        self._write(backup.save_job, self.form())

    def _refused(self, error: SupportDeskError) -> None:
        """The field the refusal names gets the focus, so the user sees what to change."""
        if isinstance(error, ValidationError):
            widget = self._fields.get(error.field)
            if widget is not None and widget.isVisible():
                widget.setFocus(Qt.FocusReason.OtherFocusReason)


def allowed_gap_hours(hours: int) -> str:
    """How late a backup may be before it counts as missed, in hours (e.g. "36")."""
    late = allowed_gap(timedelta(hours=hours)).total_seconds() / 3600
    return f"{late:g}"


# -- a check's progress ----------------------------------------------------------------------


class CheckProgressDialog(QDialog):
    """How far a check over SSH has got, with Cancel. Not modal: the jobs, their findings
    and history can be read meanwhile (each result shows as it is saved). It cannot be closed
    while the check runs; closing or Cancel asks the check to stop, and the page closes it
    once the check has stopped."""

    cancel_requested = Signal()

    def __init__(self, total: int, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Checking backups"))
        self.setMinimumWidth(460)
        self.running = True
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(0)
        self.bar.setFormat("%v/%m")
        self.note = hint(
            self.tr(
                "Each job's result is kept as soon as it is checked. Cancel stops the job "
                "being checked within seconds; it is recorded as cancelled."
            ),
            self,
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)

    @property
    def cancel_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert button is not None
        return button

    def show_progress(self, done: int, total: int, current: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        if current:
            self.label.setText(
                self.tr("Checking {job} ({done} of {total} done)…").format(
                    job=current, done=done, total=total
                )
            )

    def stopping(self) -> None:
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Cancelling: the job being checked stops within seconds…"))

    def finish(self) -> None:
        """The check has stopped: the dialog may go."""
        self.running = False
        self.accept()

    def reject(self) -> None:
        if self.running:
            if self.cancel_button.isEnabled():
                self.cancel_requested.emit()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.running:
            event.ignore()
            self.reject()
        else:
            super().closeEvent(event)


def names_of(jobs: Sequence[JobRow]) -> list[str]:
    """How the progress names each job: its system and name."""
    return [f"{j.system} · {j.name}" for j in jobs]


# -- the restore drill ------------------------------------------------------------------------

HASH_SHOWN = 16  # hex digits of a SHA-256 shown; the tooltip and the evidence keep all 64
PASSED_STYLE = "background: rgb(200, 230, 201); padding: 6px;"  # the page's PASSED_COLOUR
FAILED_STYLE = "background: rgb(255, 205, 210); padding: 6px;"  # the page's FAILED_COLOUR
DRILL_CANCELLED = "cancelled"  # a drill stopped by the user compared nothing


def reference_words(reference: str) -> str:
    """What the restored file's checksum was compared with."""
    words = {
        "sums": QCoreApplication.translate(
            "BackupsPage", "the checksum the backup script recorded (SHA256SUMS)"
        ),
        "copy": QCoreApplication.translate(
            "BackupsPage", "the file as it lies in the backup directory"
        ),
        "repository": QCoreApplication.translate("BackupsPage", "the repository's own copy"),
    }
    return words.get(reference, reference)


def reference_label(reference: str) -> str:
    """The same in a word or two, for the drill history's column."""
    words = {
        "sums": "SHA256SUMS",
        "copy": QCoreApplication.translate("BackupsPage", "the file kept"),
        "repository": QCoreApplication.translate("BackupsPage", "the repository"),
    }
    return words.get(reference, reference)


def hash_text(digest: str) -> str:
    if not digest:
        return "—"
    return digest[:HASH_SHOWN] + "…" if len(digest) > HASH_SHOWN else digest


def drill_reason_text(detail: str, host: str) -> str:
    """Why a drill failed, in the user's language: the service's own detail, or the code of
    what stopped it (the drill keeps only the code of a host it could not reach)."""
    text = " ".join(detail.split())
    none = QCoreApplication.translate("BackupsPage", "no reason given")
    if not text:
        return none
    if text == "no such directory":
        return QCoreApplication.translate("BackupsPage", "the backup directory does not exist")
    failed = "restore failed:"
    if text.startswith(failed):
        return QCoreApplication.translate("BackupsPage", "the restore failed: {said}").format(
            said=text[len(failed) :].strip() or none
        )
    missing = "not found in the backup: "
    if text.startswith(missing):
        return QCoreApplication.translate("BackupsPage", "{file} is not in the backup").format(
            file=text[len(missing) :]
        )
    if text == "the restored file's checksum differs from the backup's":
        return QCoreApplication.translate(
            "BackupsPage", "the restored file's checksum differs from the one it should have"
        )
    unreachable = QCoreApplication.translate("BackupsPage", "could not connect to {host}")
    refused = QCoreApplication.translate("BackupsPage", "{host} refused the login")
    broken = QCoreApplication.translate("BackupsPage", "the SSH connection to {host} failed")
    codes = {
        "command_timeout": QCoreApplication.translate(
            "BackupsPage", "the restore took longer than allowed"
        ),
        "read_timeout": QCoreApplication.translate("BackupsPage", "the host stopped answering"),
        "dropped": QCoreApplication.translate("BackupsPage", "the connection broke off"),
        "no_exit_status": QCoreApplication.translate(
            "BackupsPage", "the command ended without an exit status"
        ),
        DRILL_CANCELLED: QCoreApplication.translate("BackupsPage", "cancelled"),
        "host_key_unknown": QCoreApplication.translate(
            "BackupsPage", "{host} is not known yet: accept its host key in an inspection first"
        ),
        "host_key_changed": QCoreApplication.translate(
            "BackupsPage", "the host key of {host} has changed: nothing was sent"
        ),
        "connect_failed": unreachable,
        "connect_timeout": unreachable,
        "banner_silent": unreachable,
        "banner_timeout": unreachable,
        "auth_failed": refused,
        "auth_timeout": refused,
        "channel_timeout": broken,
        "ssh_failed": broken,
    }
    if text in codes:
        return codes[text].format(host=host)
    if text.isidentifier():  # another code (a credential missing, say): the messages' words
        try:
            return describe(SupportDeskError(text, host=host, value=host))
        except (KeyError, IndexError, ValueError):
            return text
    return text


def drill_lines(drill: DrillRow, host: str) -> list[tuple[bool | None, str]]:
    """A drill's result in words, a line each: the verdict (True ✔, False ✘), then what the
    file was compared with and the first digits of both checksums (None: a plain line)."""
    lines: list[tuple[bool | None, str]] = []
    if drill.passed:
        lines.append(
            (
                True,
                QCoreApplication.translate(
                    "BackupsPage", "Restored {file}: the checksum matches"
                ).format(file=drill.file),
            )
        )
    elif drill.detail == DRILL_CANCELLED:
        lines.append(
            (None, QCoreApplication.translate("BackupsPage", "Cancelled: nothing was compared"))
        )
    else:
        lines.append(
            (
                False,
                QCoreApplication.translate(
                    "BackupsPage", "The restore drill failed: {reason}"
                ).format(reason=drill_reason_text(drill.detail, host)),
            )
        )
    if drill.file and not drill.passed:
        lines.append(
            (
                None,
                QCoreApplication.translate("BackupsPage", "File: {file}").format(file=drill.file),
            )
        )
    if drill.reference:
        lines.append(
            (
                None,
                QCoreApplication.translate("BackupsPage", "Compared with {reference}").format(
                    reference=reference_words(drill.reference)
                ),
            )
        )
    if drill.expected or drill.restored:
        lines.append(
            (
                None,
                QCoreApplication.translate(
                    "BackupsPage", "SHA-256 expected {expected}, restored {restored}"
                ).format(expected=hash_text(drill.expected), restored=hash_text(drill.restored)),
            )
        )
    return lines


def drill_text(drill: DrillRow, host: str) -> str:
    """The lines of `drill_lines` with their marks, one under another."""
    marks = {True: "✔ ", False: "✘ ", None: ""}
    return "\n".join(marks[ok] + text for ok, text in drill_lines(drill, host))


def drill_result_text(drill: DrillRow) -> str:
    """A drill's verdict in a word, for the history."""
    if drill.passed:
        return QCoreApplication.translate("BackupsPage", "✔ restored")
    if drill.detail == DRILL_CANCELLED:
        return QCoreApplication.translate("BackupsPage", "– cancelled")
    return QCoreApplication.translate("BackupsPage", "✘ failed")


def checksums_tip(drill: DrillRow) -> str:
    return QCoreApplication.translate(
        "BackupsPage", "Expected SHA-256: {expected}\nRestored SHA-256: {restored}"
    ).format(expected=drill.expected or "—", restored=drill.restored or "—")


def _code(parent: QWidget) -> QPlainTextEdit:
    """Commands or a script, read-only, in a fixed-width font, lines unwrapped. Small at
    least, so the hints above keep their lines when they appear; the dialog opens tall."""
    view = QPlainTextEdit(parent)
    view.setReadOnly(True)
    view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    view.setMinimumHeight(view.fontMetrics().lineSpacing() * 5)
    return view


def _plain(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class DrillDialog(QDialog):
    """A restore drill of one job, asked for, run and answered here: which file (a directory
    job: the name of one of its backup files, empty for the newest; a repository: the path of
    a file in its newest snapshot, required), then the drill over SSH off the GUI thread with
    Cancel, then its result in words (✔ or ✘ with the reason). Every drill is kept, whatever
    its result (`drilled`). Not modal, as a check's progress: the page can be read meanwhile.
    It cannot be closed while the drill runs; closing asks the drill to stop."""

    drilled = Signal(object)  # the DrillRow kept

    def __init__(self, ctx: UiContext, job: JobRow, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.job = job
        self.task: Task | None = None
        self.kept: DrillRow | None = None
        self.repository = is_repository(job.kind)
        self.setWindowTitle(self.tr("Restore drill: {job}").format(job=job.name))
        self.setMinimumWidth(600)
        intro = _plain(
            self.tr(
                "Restores one file of these backups into a scratch directory on {host}, "
                "removed afterwards, and compares its checksum with the one it should have. "
                "Nothing of the customer's is changed."
            ).format(host=job.host),
            self,
        )
        caption = self._build_file()
        form = QFormLayout()
        form.addRow(self.tr("Job"), _plain(f"{job.customer} · {job.system} · {job.name}", self))
        form.addRow(
            self.tr("Where"), _plain(f"{job.host}:{job.path} ({kind_label(job.kind)})", self)
        )
        form.addRow(caption, self.file)
        form.addRow("", self.file_hint)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()
        self.status = _plain("", self)
        self.status.hide()
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # one file: no steps to count, only "still at it"
        self.bar.hide()
        self.outcome = _plain("", self)
        self.outcome.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Close, self
        )
        self.start_button = self.buttons.addButton(
            self.tr("Start the drill"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.start_button.setDefault(True)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(self.bar)
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._show_running(False)

    def _build_file(self) -> str:
        """The file field and its hint; returns the field's caption."""
        self.file = QLineEdit(self)
        self.file.setMaxLength(1000)
        if self.repository:
            caption = self.tr("File in the newest snapshot")
            self.file.setPlaceholderText(self.tr("e.g. /etc/nginx/nginx.conf"))
            note = self.tr(
                "Required: the full path of a file inside the newest snapshot, starting with /."
            )
        else:
            caption = self.tr("Backup file")
            self.file.setPlaceholderText(self.tr("empty: the newest backup"))
            note = self.tr(
                "Optional: the name of one backup file in {path}, without a directory. "
                "Empty: the newest."
            ).format(path=self.job.path)
        self.file_hint = hint(note, self)
        return caption

    @property
    def cancel_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert button is not None
        return button

    @property
    def close_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        assert button is not None
        return button

    @property
    def running(self) -> bool:
        return self.task is not None

    def refusal(self, wanted: str) -> ValidationError | None:
        """The service's own rules, checked before anything runs: a repository needs the
        path of a file in its snapshot; a directory job takes a file name, no directory."""
        if self.repository:
            if not wanted:
                return ValidationError("file", "required")
            if not wanted.startswith("/"):
                return ValidationError("file", "not_absolute", value=wanted[:200])
        elif "/" in wanted:
            return ValidationError("file", "bad_value", value=wanted[:200])
        return None

    def start(self) -> None:
        if self.running:
            return
        self.error.hide()
        wanted = self.file.text().strip()
        refused = self.refusal(wanted)
        if refused is not None:
            self._show_error(describe(refused))
            self.file.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        opened = self._ctx.vault.opened
        if opened is None:
            self._show_error(
                self.tr("Open the vault first (on the Vault page): the host's credential is there.")
            )
            return
        uow, make_shell, job_id = self._ctx.tasks.uow, self._ctx.remote_shell, self.job.id

        def body(task: TaskContext) -> DrillRow:
            return backup.drill(uow, make_shell(), opened, job_id, wanted, cancel=task.cancel_event)

        task = Task(body, "restore drill")
        task.signals.done.connect(self._on_task_done)
        self.task, self.kept = task, None
        self.outcome.hide()
        self.status.setText(
            self.tr("Restoring {file} on {host}…").format(
                file=wanted or self.tr("the newest backup"), host=self.job.host
            )
        )
        self._show_running(True)
        self._ctx.tasks.start(task, "remote", on_done=self._on_drilled, on_error=self._on_failed)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling: the drill stops within seconds…"))

    def _show_running(self, running: bool) -> None:
        self.file.setEnabled(not running)
        self.start_button.setEnabled(not running)
        self.bar.setVisible(running)
        self.status.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.close_button.setVisible(not running)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _on_drilled(self, drill: DrillRow) -> None:
        self.kept = drill
        self.outcome.setText(drill_text(drill, self.job.host))
        self.outcome.setToolTip(checksums_tip(drill))
        if drill.passed:
            self.outcome.setStyleSheet(PASSED_STYLE)
        elif drill.detail == DRILL_CANCELLED:
            self.outcome.setStyleSheet("padding: 6px;")
        else:
            self.outcome.setStyleSheet(FAILED_STYLE)
        self.outcome.show()
        self.drilled.emit(drill)

    def _on_failed(self, error: BaseException) -> None:
        if not isinstance(error, SupportDeskError):
            self._ctx.tasks.error_raised.emit(error)  # a bug: the error dialog and the log
            return
        self._show_error(describe(error))
        if isinstance(error, ValidationError) and error.field == "file":
            self.file.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_task_done(self) -> None:
        task, self.task = self.task, None
        if task is not None and task.context.cancelled and self.kept is None:
            self._show_error(self.tr("Cancelled before the drill began: nothing was restored."))
        self._show_running(False)
        if self.kept is not None:
            self.start_button.setText(self.tr("Drill again"))

    def reject(self) -> None:
        if self.running:
            if self.cancel_button.isEnabled():
                self.cancel()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.running:
            event.ignore()
            self.reject()
        else:
            super().closeEvent(event)


# -- setting a backup up where the customer has none -------------------------------------------


@dataclass(frozen=True, slots=True)
class PlannedChange:
    """A change of the system still planned, and whether the customer was told of it as it
    stands (a system under maintenance needs that before anything runs, R3.2)."""

    change: ChangeRow
    noticed: bool

    @property
    def needs_notice(self) -> bool:
        return self.change.under_maintenance and not self.noticed


def planned_changes(session: Any, system_id: int) -> list[PlannedChange]:
    found = changes.list_changes(session, system_id=system_id)
    return [
        PlannedChange(c, changes.detail(session, c.id).noticed)
        for c in found
        if c.state == "planned"
    ]


class SetupDialog(ChangeWriteDialog):
    """Set a backup up on a host of a system that has none (R3.3): what to back up (the
    application directory, and a database), where to, how long to keep it and when it runs,
    under which planned change of the system (R3.2). "Show commands" shows the exact commands
    first; only those, after a confirmation, are run on the host. Any edit withdraws them.
    A refusal (the customer not told yet, a field wrong, the host's own error) stays here."""

    def __init__(
        self,
        ctx: UiContext,
        choices: Choices,
        *,
        preferred_system: int | None = None,
        existing: dict[int, list[str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.choices = choices
        self.existing = existing or {}
        self.plan: SetupPlan | None = None
        self.planned_form: SetupForm | None = None  # the form the commands shown were made of
        self.planned: list[PlannedChange] = []
        self.changes_loaded = False
        self._kept_change: int | None = None
        self.setWindowTitle(self.tr("Set up a backup"))
        self.setMinimumWidth(720)
        self._build_fields(preferred_system)
        self._build_layout()
        self.resize(780, 720)  # room for the commands: they are what the user must read
        self._fields: dict[str, QWidget] = {
            "system_id": self.system,
            "host": self.host,
            "app_dir": self.app_dir,
            "target_dir": self.target_dir,
            "database": self.database,
            "database_name": self.database_name,
            "keep_days": self.keep_days,
            "hour": self.hour,
            "change": self.change,
            "notice": self.change,
        }
        self.system.currentIndexChanged.connect(self._on_system_changed)
        self.host.currentIndexChanged.connect(self._update_run)
        self.change.currentIndexChanged.connect(self._on_change_chosen)
        self.reload_button.clicked.connect(self._load_changes)
        self.database.currentIndexChanged.connect(self._on_database_changed)
        for edit in (self.app_dir, self.target_dir, self.database_name):
            edit.textChanged.connect(self._withdraw)
        for spin in (self.keep_days, self.hour):
            spin.valueChanged.connect(self._withdraw)
        self.database.currentIndexChanged.connect(self._withdraw)
        self.show_button.clicked.connect(self.show_commands)
        ctx.vault.changed.connect(self._update_run)
        self._on_system_changed()
        self._on_database_changed()

    def _build_fields(self, preferred_system: int | None) -> None:
        self.system = QComboBox(self)
        self.system.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.system.setMinimumContentsLength(30)
        for s in self.choices.systems:
            self.system.addItem(f"{s.customer} · {s.name}", s.id)
        self.system.setCurrentIndex(max(self.system.findData(preferred_system), 0))
        self.host = QComboBox(self)
        self.app_dir = QLineEdit(self)
        self.app_dir.setMaxLength(1000)
        self.app_dir.setPlaceholderText(self.tr("e.g. /opt/erp"))
        self.target_dir = QLineEdit(self)
        self.target_dir.setMaxLength(1000)
        self.target_dir.setPlaceholderText(self.tr("e.g. /data/backup"))
        self.database = QComboBox(self)
        self.database.addItem(self.tr("none: the application directory only"), "none")
        self.database.addItem(self.tr("PostgreSQL (pg_dump)"), "postgresql")
        self.database.addItem(self.tr("MySQL (mysqldump)"), "mysql")
        self.database_name = QLineEdit(self)
        self.database_name.setMaxLength(100)
        self.database_name.setPlaceholderText(self.tr("e.g. erp"))
        self.keep_days = QSpinBox(self)
        self.keep_days.setRange(RETENTION_DAYS + 1, 3650)
        self.keep_days.setValue(70)
        self.keep_days.setSuffix(self.tr(" days"))
        self.hour = QSpinBox(self)
        self.hour.setRange(0, 23)
        self.hour.setValue(2)
        self.hour.setSuffix(":00")
        self.change = QComboBox(self)
        self.change.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.change.setMinimumContentsLength(36)
        self.reload_button = QPushButton(self.tr("Reload"), self)
        self.reload_button.setToolTip(
            self.tr("Look again for the system's planned changes (after planning one).")
        )
        self.change_hint = hint("", self)
        self.existing_hint = hint("", self)
        self.commands = _code(self)
        self.commands.setPlaceholderText(
            self.tr(
                "Press “Show commands” to see exactly what will run on the host. Nothing runs "
                "before you have seen it."
            )
        )
        # The commands carry the script encoded (so nothing in it can cut them short): it is
        # shown as the host will have it, with the crontab line that runs it.
        self.script = _code(self)
        self.script.setPlaceholderText(self.commands.placeholderText())
        self.shown = QTabWidget(self)
        self.shown.addTab(self.commands, self.tr("Commands run on the host"))
        self.shown.addTab(self.script, self.tr("The backup script they install"))
        self.show_button = self.buttons.addButton(
            self.tr("Show commands"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.ok_button.setText(self.tr("Run on the host"))
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.hide()
        self.running_label = _plain("", self)
        self.running_label.hide()

    def _build_layout(self) -> None:
        self.form_layout = QFormLayout()
        self.form_layout.addRow(self.tr("System"), self.system)
        self.form_layout.addRow("", self.existing_hint)
        self.form_layout.addRow(self.tr("Host"), self.host)
        self.form_layout.addRow(self.tr("Application directory"), self.app_dir)
        self.form_layout.addRow(self.tr("Backup directory"), self.target_dir)
        self.form_layout.addRow(self.tr("Database"), self.database)
        self.form_layout.addRow(self.tr("Database name"), self.database_name)
        self.form_layout.addRow(self.tr("Days kept"), self.keep_days)
        self.form_layout.addRow(self.tr("Runs every day at (host time)"), self.hour)
        chosen = QHBoxLayout()
        chosen.addWidget(self.change, 1)
        chosen.addWidget(self.reload_button)
        self.form_layout.addRow(self.tr("Under the change"), chosen)
        self.form_layout.addRow("", self.change_hint)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form_layout)
        layout.addWidget(
            hint(
                self.tr(
                    "Every day the host archives the application directory and dumps the "
                    "database into the backup directory with their checksums (SHA256SUMS), and "
                    "removes those older than the days kept (R3.3 needs {days} days). The jobs "
                    "that check them are added here."
                ).format(days=RETENTION_DAYS),
                self,
            )
        )
        layout.addWidget(self.shown, 1)
        layout.addWidget(self.running_label)
        layout.addWidget(self.bar)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    # -- the form ---------------------------------------------------------------------------

    def form(self) -> SetupForm:
        database = str(self.database.currentData())
        return SetupForm(
            self.app_dir.text().strip(),
            self.target_dir.text().strip(),
            database,
            self.database_name.text().strip() if database != "none" else "",
            self.keep_days.value(),
            self.hour.value(),
        )

    def chosen_change(self) -> PlannedChange | None:
        wanted = self.change.currentData()
        return next((p for p in self.planned if p.change.id == wanted), None)

    def _on_system_changed(self, *_args: object) -> None:
        system_id = self.system.currentData()
        self.host.clear()
        hosts = self.choices.hosts_of(system_id)
        for h in hosts:
            self.host.addItem(f"{h.name} ({h.address})", h.id)
        if not hosts:
            self.host.addItem(self.tr("(this system has no hosts: add one on the Hosts page)"))
        names = self.existing.get(system_id, [])
        self.existing_hint.setText(
            self.tr("This system already has backup jobs: {names}.").format(
                names=self.tr(", ").join(names)
            )
        )
        self.form_layout.setRowVisible(self.existing_hint, bool(names))
        self._load_changes()

    def _load_changes(self) -> None:
        system_id = self.system.currentData()
        if self.changes_loaded:
            self._kept_change = self.change.currentData()  # kept when reloaded
        self.changes_loaded = False
        self.planned = []
        self.change.clear()
        self.change.addItem(self.tr("(loading…)"))
        self.form_layout.setRowVisible(self.change_hint, False)
        self._update_run()
        if system_id is None:
            return
        self._ctx.tasks.read(
            planned_changes, system_id,
            on_done=lambda found: self._on_changes_loaded(system_id, found),
            on_error=self._on_failed, latest=(id(self), "changes"),
        )  # fmt: skip

    def _on_changes_loaded(self, system_id: int, found: list[PlannedChange]) -> None:
        if system_id != self.system.currentData():
            return  # another system was chosen meanwhile
        self.planned = found
        self.changes_loaded = True
        kept, self._kept_change = self._kept_change, None
        self.change.blockSignals(True)
        self.change.clear()
        for p in found:
            text = f"{local_time(p.change.planned_start)} · {p.change.title}"
            if p.needs_notice:
                text = self.tr("{change} (the customer is not told yet)").format(change=text)
            self.change.addItem(text, p.change.id)
        if not found:
            self.change.addItem(self.tr("(no planned change)"))
        self.change.setCurrentIndex(max(self.change.findData(kept), 0))
        self.change.blockSignals(False)
        self._on_change_chosen()

    def _on_change_chosen(self, *_args: object) -> None:
        chosen = self.chosen_change()
        text = ""
        if self.changes_loaded and not self.planned:
            text = self.tr(
                "This system has no planned change. Setting up a backup changes the customer's "
                "host: plan it on the Changes page (and tell the customer), then press Reload."
            )
        elif chosen is not None and chosen.needs_notice:
            text = self.tr(
                "The customer has not been told of this change yet: record the notice on the "
                "Changes page first (R3.2)."
            )
        self.change_hint.setText(text)
        self.form_layout.setRowVisible(self.change_hint, bool(text))
        self._update_run()

    def _on_database_changed(self, *_args: object) -> None:
        self.form_layout.setRowVisible(
            self.database_name, str(self.database.currentData()) != "none"
        )

    def _withdraw(self, *_args: object) -> None:
        """An edit after the commands were shown: they no longer say what would run."""
        if self.plan is not None or self.commands.toPlainText():
            self.plan, self.planned_form = None, None
            self.commands.clear()
            self.script.clear()
        self._update_run()

    # -- showing and running the commands ---------------------------------------------------

    def why_not_run(self) -> str | None:
        if self.host.currentData() is None:
            return self.tr("This system has no host: add one on the Hosts page.")
        if not self.changes_loaded:
            return self.tr("Loading the system's planned changes…")
        if self.chosen_change() is None:
            return self.tr("Choose a planned change of this system (plan one on the Changes page).")
        if self.plan is None:
            return self.tr("Press “Show commands” first: only the commands shown are run.")
        if self._ctx.vault.opened is None:
            return self.tr(
                "Open the vault first (on the Vault page): the host's credential is there."
            )
        return None

    def _update_run(self, *_args: object) -> None:
        why = self.why_not_run()
        self.ok_button.setEnabled(why is None)
        self.ok_button.setToolTip(
            why or self.tr("Run the commands shown on the host, after you confirm.")
        )

    def show_commands(self) -> None:
        self.error.hide()
        form = self.form()
        try:
            plan = backup.plan_setup(form)
        except ValidationError as error:
            self._withdraw()
            self._refused(error)
            self._show_error(describe(error))
            return
        self.plan, self.planned_form = plan, form
        self.commands.setPlainText(plan.install)
        self.script.setPlainText(
            self.tr("{script}\n# The crontab entry that runs it:\n{cron}").format(
                script=plan.script.rstrip("\n"), cron=plan.cron_line
            )
        )
        self._update_run()

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        for widget in (*self._fields.values(), self.reload_button, self.shown):
            widget.setEnabled(not busy)
        if not busy:
            self.bar.hide()
            self.running_label.hide()
            self._update_run()

    def _submit(self) -> None:
        why = self.why_not_run()
        plan, form, chosen = self.plan, self.planned_form, self.chosen_change()
        opened = self._ctx.vault.opened
        host_id, host = self.host.currentData(), self.host.currentText()
        if why is not None or plan is None or form is None or chosen is None or opened is None:
            self._set_busy(False)
            if why is not None:
                self._show_error(why)
            return
        asked = confirm(
            self,
            self.tr("Set up the backup"),
            self.tr(
                "Run the commands shown on {host}, under the change “{change}”?\n\n"
                "They install {script} and a crontab entry that runs it every day at "
                "{hour}:00 (host time). The change is then recorded as executed, with the "
                "script archived, and the backup jobs that check it are added."
            ).format(
                host=host,
                change=chosen.change.title,
                script=plan.script_path,
                hour=form.hour,
            ),
        )
        if not asked:
            self._set_busy(False)
            return
        uow, make_shell, change_id = self._ctx.tasks.uow, self._ctx.remote_shell, chosen.change.id

        def body(_task: TaskContext) -> list[JobRow]:
            return backup.set_up(uow, make_shell(), opened, change_id, host_id, form)

        self.running_label.setText(self.tr("Running the commands on {host}…").format(host=host))
        self.running_label.show()
        self.bar.show()
        self._ctx.tasks.start(
            Task(body, "backup set-up"), "remote", self._on_saved, self._on_failed
        )

    def _refused(self, error: SupportDeskError) -> None:
        """The field the refusal names gets the focus; a change no longer planned, or told
        since, is looked up again."""
        if not isinstance(error, ValidationError):
            return
        if error.field in ("change", "notice"):
            self._load_changes()
        widget = self._fields.get(error.field)
        if widget is not None and widget.isVisible():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
