"""The backups page's dialogs (issue 8, R3.3): add or correct a backup job (its system, a host
of that system, what is backed up where, how often, and the vault credential holding a
repository's password), and the progress of a check over SSH with its cancel button. The job
is saved through the single writer and the dialog stays open with the reason when refused."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from supportdesk.domain.backup import (
    MAX_SCHEDULE_HOURS,
    REPOSITORIES,
    RETENTION_DAYS,
    BackupKind,
    JobForm,
    JobRow,
    allowed_gap,
)
from supportdesk.domain.errors import PermissionDeniedError, SupportDeskError, ValidationError
from supportdesk.domain.registry import HostRow, SystemRow
from supportdesk.services import backup, registry, vault
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.change_dialogs import ChangeWriteDialog
from supportdesk.ui.dialogs.handover_package_dialog import hint
from supportdesk.ui.messages import describe

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
