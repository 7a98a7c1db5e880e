"""The change log's dialogs (issue 8, R3.2): plan or correct a change, record that the customer
was told (by phone, or a mail from the app), mark it executed behind the notice gate (or as a
flagged emergency), and archive a file or a commit. Each saves through the single writer and
stays open with the reason when refused; a file is read on a pool thread."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from supportdesk.domain.changes import (
    MAX_DURATION_MINUTES,
    ArtifactKind,
    ArtifactRow,
    ChangeDetail,
    ChangeForm,
    ChangeRow,
    NoticeChannel,
    NoticeRow,
)
from supportdesk.domain.errors import SupportDeskError, ValidationError
from supportdesk.domain.registry import SystemRow, UserRow
from supportdesk.reports.change_notice import duration_text
from supportdesk.services import changes
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.handover_package_dialog import WriteDialog, hint, size_text
from supportdesk.ui.messages import describe

SHORT_HASH = 12  # enough to tell archived files apart; the full hash is in the tooltip
GATE_STYLE = "background: #fff3cd; color: #5d4200; border: 1px solid #e6c65c; padding: 6px;"
TIME_FORMAT = "yyyy-MM-dd HH:mm"


# -- words shared by the page and the dialogs ----------------------------------------------


def local_time(value: datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value is not None else ""


def channel_label(channel: str) -> str:
    labels = {
        NoticeChannel.PHONE.value: QCoreApplication.translate("ChangesPage", "phone"),
        NoticeChannel.MAIL.value: QCoreApplication.translate("ChangesPage", "mail"),
    }
    return labels.get(channel, channel)


def kind_label(kind: str) -> str:
    labels = {
        ArtifactKind.SOURCE.value: QCoreApplication.translate("ChangesPage", "source code"),
        ArtifactKind.COMMIT.value: QCoreApplication.translate("ChangesPage", "commit"),
        ArtifactKind.SCRIPT.value: QCoreApplication.translate("ChangesPage", "database script"),
        ArtifactKind.CHECKSUMS.value: QCoreApplication.translate(
            "ChangesPage", "deployed files' checksums"
        ),
    }
    return labels.get(kind, kind)


def reference(artifact: ArtifactRow) -> str:
    """The short hash of a file, or the short commit id."""
    return (artifact.sha256 or artifact.commit)[:SHORT_HASH]


def notice_given_text(notice: NoticeRow) -> str:
    """When the customer was told, or that the mail is still queued."""
    if notice.given_at is not None:
        return local_time(notice.given_at)
    if notice.pending:
        return QCoreApplication.translate("ChangesPage", "queued ({count} not yet sent)").format(
            count=notice.pending
        )
    return QCoreApplication.translate("ChangesPage", "not sent")


def schedule_text(change: ChangeRow) -> str:
    start = change.planned_start
    end = start + timedelta(minutes=change.duration_minutes)
    return QCoreApplication.translate("ChangesPage", "{start} to {end} ({duration})").format(
        start=local_time(start),
        end=end.astimezone().strftime("%H:%M" if end.date() == start.date() else "%Y-%m-%d %H:%M"),
        duration=duration_text(change.duration_minutes),
    )


def person_label(person: UserRow) -> str:
    return f"{person.name} ({person.login})" if person.name else person.login


def _qdatetime(value: datetime) -> QDateTime:
    local = value.astimezone()
    return QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )


def _aware(edit: QDateTimeEdit) -> datetime:
    """The local time shown, as an instant (the service keeps it in UTC)."""
    value = edit.dateTime().toPython()
    assert isinstance(value, datetime)
    return value.astimezone()


def _time_edit(parent: QWidget, value: datetime, latest: datetime | None = None) -> QDateTimeEdit:
    edit = QDateTimeEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(TIME_FORMAT)
    if latest is not None:
        edit.setMaximumDateTime(_qdatetime(latest))
    edit.setDateTime(_qdatetime(value))
    return edit


def _multiline(parent: QWidget, lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    return edit


def _wrapped(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


# -- the shared mechanics -------------------------------------------------------------------


# The handover dialogs' base: an error line, OK/Cancel, a busy state that keeps the dialog
# open until its write returns. Its error words fall back to messages.describe.
ChangeWriteDialog = WriteDialog


def _layout(dialog: ChangeWriteDialog, *parts: QWidget | QFormLayout) -> None:
    layout = QVBoxLayout(dialog)
    for part in parts:
        if isinstance(part, QFormLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    layout.addWidget(dialog.error)
    layout.addWidget(dialog.buttons)


# -- plan or correct a change ---------------------------------------------------------------


class ChangeDialog(ChangeWriteDialog):
    """A change with everything R3.2 asks for: the system, title, reason, scope, schedule
    (local time) and duration, possible impact, rollback plan, who executes it and the
    after-sales engineer who supervises it."""

    def __init__(
        self,
        ctx: UiContext,
        systems: Sequence[SystemRow],
        supervisors: Sequence[UserRow],
        change: ChangeRow | None,
        *,
        preferred_system: int | None = None,
        me: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.change = change
        self.setWindowTitle(self.tr("New change") if change is None else self.tr("Edit the change"))
        self.setMinimumWidth(640)
        self._maintained = {s.id: s.under_maintenance for s in systems}
        self.system = QComboBox(self)
        for s in systems:
            self.system.addItem(f"{s.customer} · {s.name}", s.id)
        wanted = change.system_id if change is not None else preferred_system
        self.system.setCurrentIndex(max(self.system.findData(wanted), 0))
        self.maintained = hint("", self)
        self.system.currentIndexChanged.connect(self._on_system_changed)
        self._build_texts(change)
        self._build_schedule(change)
        self.supervisor = QComboBox(self)
        for person in supervisors:
            self.supervisor.addItem(person_label(person), person.login)
        chosen = change.supervisor if change is not None else me
        if chosen and self.supervisor.findData(chosen) < 0 and change is not None:
            self.supervisor.addItem(chosen, chosen)  # no longer after-sales: the save says so
        self.supervisor.setCurrentIndex(max(self.supervisor.findData(chosen), 0))
        self._build_layout(change)
        self._on_system_changed()
        self._on_duration_changed(self.duration.value())

    def _build_texts(self, change: ChangeRow | None) -> None:
        self.title = QLineEdit(self)
        self.title.setMaxLength(300)
        self.title.setPlaceholderText(self.tr("e.g. upgrade the dispatch service to 3.2"))
        self.reason = _multiline(self)
        self.scope = _multiline(self)
        self.scope.setPlaceholderText(
            self.tr("What is changed: programs, configuration, database objects")
        )
        self.impact = _multiline(self)
        self.impact.setPlaceholderText(
            self.tr("e.g. the dispatch pages are unavailable for about 30 minutes")
        )
        self.rollback = _multiline(self)
        self.executor = QLineEdit(self)
        self.executor.setMaxLength(200)
        self.executor.setPlaceholderText(
            self.tr("Who makes the change: ours, the customer's or a contractor, by name")
        )
        if change is not None:
            self.title.setText(change.title)
            self.reason.setPlainText(change.reason)
            self.scope.setPlainText(change.scope)
            self.impact.setPlainText(change.impact)
            self.rollback.setPlainText(change.rollback)
            self.executor.setText(change.executor)

    def _build_schedule(self, change: ChangeRow | None) -> None:
        """The start in local time (default: the next full hour) and the minutes."""
        start = (
            change.planned_start
            if change is not None
            else datetime.now().astimezone().replace(minute=0, second=0, microsecond=0)
            + timedelta(hours=1)
        )
        self.start = _time_edit(self, start)
        self.duration = QSpinBox(self)
        self.duration.setRange(1, MAX_DURATION_MINUTES)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setValue(change.duration_minutes if change is not None else 60)
        self.duration_words = QLabel(self)
        self.duration.valueChanged.connect(self._on_duration_changed)

    def _build_layout(self, change: ChangeRow | None) -> None:
        duration_row = QHBoxLayout()
        duration_row.addWidget(self.duration)
        duration_row.addWidget(self.duration_words, 1)
        form = QFormLayout()
        form.addRow(self.tr("System"), self.system)
        form.addRow("", self.maintained)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Scope"), self.scope)
        form.addRow(self.tr("Planned start"), self.start)
        form.addRow(self.tr("Duration"), duration_row)
        form.addRow(self.tr("Possible impact"), self.impact)
        form.addRow(self.tr("Rollback plan"), self.rollback)
        form.addRow(self.tr("Executor"), self.executor)
        form.addRow(self.tr("Supervisor"), self.supervisor)
        parts: list[QWidget | QFormLayout] = [form]
        if change is not None:
            parts.append(
                hint(
                    self.tr(
                        "Changing the schedule, scope, possible impact or duration means the "
                        "customer must be told again before the change is made."
                    ),
                    self,
                )
            )
        _layout(self, *parts)

    def _on_system_changed(self, *_args: object) -> None:
        maintained = self._maintained.get(self.system.currentData(), False)
        self.maintained.setText(
            self.tr(
                "Under maintenance: the customer must be told the schedule, impact, scope "
                "and duration before the change is made."
            )
            if maintained
            else self.tr("Not under maintenance: no customer notice is required.")
        )

    def _on_duration_changed(self, minutes: int) -> None:
        self.duration_words.setText(duration_text(minutes) if minutes >= 60 else "")

    def form(self) -> ChangeForm:
        return ChangeForm(
            self.system.currentData(),
            self.title.text().strip(),
            self.reason.toPlainText().strip(),
            self.scope.toPlainText().strip(),
            _aware(self.start),
            self.duration.value(),
            self.impact.toPlainText().strip(),
            self.rollback.toPlainText().strip(),
            self.executor.text().strip(),
            self.supervisor.currentData() or "",
            id=self.change.id if self.change is not None else None,
            version=self.change.version if self.change is not None else None,
        )

    def _submit(self) -> None:
        if self.system.currentData() is None:
            self._set_busy(False)
            self._show_error(describe(ValidationError("system_id", "required")))
            return
        self._write(changes.save_change, self.form())


# -- the customer notice --------------------------------------------------------------------


def _phone(session: Any, change_id: int, to_whom: str, given_at: datetime, note: str) -> NoticeRow:
    return changes.notify_by_phone(session, change_id, to_whom, given_at, note)


def _mail(session: Any, change_id: int, addresses: list[str]) -> NoticeRow:
    return changes.notify_by_mail(session, change_id, addresses)


def split_addresses(text: str) -> list[str]:
    """Addresses one per line or separated by commas or semicolons (full-width too)."""
    for joint in (",", ";", "，", "；", "、", "\t", " "):
        text = text.replace(joint, "\n")
    return [part.strip() for part in text.splitlines() if part.strip()]


class NoticeDialog(ChangeWriteDialog):
    """Tell the customer the schedule, possible impact, scope and duration (R3.2): record a
    phone call (who, when) or mail it from the app (to the customer's contacts by default;
    it counts once the mail server accepted every copy)."""

    def __init__(self, ctx: UiContext, change: ChangeRow, parent: QWidget | None) -> None:
        super().__init__(ctx, parent)
        self.change = change
        self.setWindowTitle(self.tr("Tell the customer"))
        self.setMinimumWidth(600)
        self.by_phone = QRadioButton(self.tr("By phone or in person"), self)
        self.by_mail = QRadioButton(self.tr("By mail from SupportDesk"), self)
        self.by_phone.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_phone)
        group.addButton(self.by_mail)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._phone_page())
        self.pages.addWidget(self._mail_page())
        self.by_mail.toggled.connect(lambda on: self.pages.setCurrentIndex(1 if on else 0))
        channels = QHBoxLayout()
        channels.addWidget(self.by_phone)
        channels.addWidget(self.by_mail)
        channels.addStretch(1)
        box = QWidget(self)
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addWidget(_wrapped(self.tr("What the customer is told:"), self))
        box_layout.addWidget(self._what_is_told(change))
        box_layout.addLayout(channels)
        box_layout.addWidget(self.pages)
        _layout(self, box)
        self.loaded = False  # the default recipients arrived
        self._ctx.tasks.read(
            changes.customer_addresses, change.id,
            on_done=self._on_addresses_loaded, on_error=self._on_failed,
            latest=(id(self), "addresses"),
        )  # fmt: skip

    def _what_is_told(self, change: ChangeRow) -> QFrame:
        told = QFormLayout()
        told.addRow(self.tr("Change"), _wrapped(f"{change.id} · {change.title}", self))
        told.addRow(self.tr("System"), _wrapped(f"{change.customer} · {change.system}", self))
        told.addRow(self.tr("Schedule"), _wrapped(schedule_text(change), self))
        told.addRow(self.tr("Scope"), _wrapped(change.scope, self))
        told.addRow(self.tr("Possible impact"), _wrapped(change.impact, self))
        what = QFrame(self)
        what.setFrameShape(QFrame.Shape.StyledPanel)
        what.setLayout(told)
        return what

    def _phone_page(self) -> QWidget:
        """Who was told, when (not in the future), and a note."""
        phone = QWidget(self.pages)
        self.to_whom = QLineEdit(phone)
        self.to_whom.setMaxLength(200)
        self.to_whom.setPlaceholderText(self.tr("e.g. Wang, head of the information centre"))
        now = datetime.now().astimezone()
        self.given_at = _time_edit(phone, now, latest=now)
        self.note = QLineEdit(phone)
        self.note.setMaxLength(2000)
        self.note.setPlaceholderText(self.tr("e.g. agreed to Saturday night"))
        form = QFormLayout(phone)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Who was told"), self.to_whom)
        form.addRow(self.tr("When"), self.given_at)
        form.addRow(self.tr("Note"), self.note)
        return phone

    def _mail_page(self) -> QWidget:
        """The customer's contacts, emergency ones first (loaded in the background);
        editable."""
        mail = QWidget(self.pages)
        self.addresses = QPlainTextEdit(mail)
        self.addresses.setTabChangesFocus(True)
        self.addresses.setFixedHeight(self.addresses.fontMetrics().lineSpacing() * 4 + 14)
        self.addresses.setPlaceholderText(self.tr("one e-mail address per line"))
        form = QFormLayout(mail)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Send to"), self.addresses)
        form.addRow(
            "",
            hint(
                self.tr(
                    "The mail is queued and sent by the next delivery. The notice counts once "
                    "the mail server has accepted every copy."
                ),
                mail,
            ),
        )
        return mail

    def _on_addresses_loaded(self, addresses: list[str]) -> None:
        self.loaded = True
        if not self.addresses.toPlainText().strip():
            self.addresses.setPlainText("\n".join(addresses))

    def _submit(self) -> None:
        if self.by_mail.isChecked():
            self._write(_mail, self.change.id, split_addresses(self.addresses.toPlainText()))
        else:
            self._write(
                _phone,
                self.change.id,
                self.to_whom.text().strip(),
                _aware(self.given_at),
                self.note.text().strip(),
            )


# -- executed -------------------------------------------------------------------------------


def _executed(
    session: Any, change_id: int, executed_at: datetime, reason: str, version: int
) -> ChangeRow:
    return changes.mark_executed(
        session, change_id, executed_at, emergency_reason=reason, version=version
    )


def gate_applies(detail: ChangeDetail) -> bool:
    """R3.2: a system under maintenance, and nobody told the customer yet."""
    return detail.change.under_maintenance and not detail.noticed


class ExecutedDialog(ChangeWriteDialog):
    """The change was made: when (default now, not in the future). Before the customer of a
    system under maintenance was told, it is refused; an emergency that could not wait is
    recorded with its reason and flagged (R3.2)."""

    def __init__(self, ctx: UiContext, detail: ChangeDetail, parent: QWidget | None) -> None:
        super().__init__(ctx, parent)
        change = detail.change
        self.change = change
        self.setWindowTitle(self.tr("Mark the change executed"))
        self.setMinimumWidth(580)
        now = datetime.now().astimezone()
        self.executed_at = _time_edit(self, now, latest=now)
        form = QFormLayout()
        form.addRow(self.tr("Change"), _wrapped(f"{change.id} · {change.title}", self))
        form.addRow(self.tr("System"), _wrapped(f"{change.customer} · {change.system}", self))
        form.addRow(self.tr("Planned"), _wrapped(schedule_text(change), self))
        form.addRow(self.tr("Executed at"), self.executed_at)
        told = [n for n in detail.notices if n.current]
        if told:
            last = told[-1]
            notice = self.tr("Told by {channel}: {who}, {when}").format(
                channel=channel_label(last.channel),
                who=last.to_whom,
                when=local_time(last.given_at),
            )
        elif change.under_maintenance:
            notice = self.tr("Not told yet")
        else:
            notice = self.tr("Not under maintenance: no notice is required")
        form.addRow(self.tr("Customer notice"), _wrapped(notice, self))
        # The gate: said before anything is pressed, with the way through.
        self.gate = QFrame(self)
        self.gate.setStyleSheet(f"QFrame#gate {{ {GATE_STYLE} }}")
        self.gate.setObjectName("gate")
        self.gate_text = _wrapped(
            self.tr(
                "{system} is under maintenance: the customer must be told the schedule, "
                "possible impact, scope and duration before it is changed, and they have not "
                "been told of this change. Tell the customer first (Tell the customer…)."
            ).format(system=change.system),
            self.gate,
        )
        self.emergency_caption = _wrapped(
            self.tr(
                "If it was an emergency that could not wait, give the reason: the change is "
                "then recorded as executed without notice and flagged in the change log."
            ),
            self.gate,
        )
        self.reason = _multiline(self.gate, 3)
        self.reason.setPlaceholderText(
            self.tr("e.g. the database server failed at 02:00; the fix could not wait")
        )
        self.reason.textChanged.connect(self._on_reason_changed)
        gate_layout = QVBoxLayout(self.gate)
        gate_layout.addWidget(self.gate_text)
        gate_layout.addWidget(self.emergency_caption)
        gate_layout.addWidget(self.reason)
        self.gate.setVisible(gate_applies(detail))
        _layout(self, form, self.gate)
        self._on_reason_changed()

    def emergency(self) -> bool:
        return self.gate.isVisible() and bool(self.reason.toPlainText().strip())

    def _on_reason_changed(self) -> None:
        self.ok_button.setText(
            self.tr("Record as emergency (flagged)") if self.emergency() else self.tr("Executed")
        )

    def _refused(self, error: SupportDeskError) -> None:
        # A notice the page counted may not count (given before the schedule last changed).
        if isinstance(error, ValidationError) and error.code == "notice_required":
            self.gate.show()
            self._on_reason_changed()

    def _submit(self) -> None:
        reason = self.reason.toPlainText().strip() if self.gate.isVisible() else ""
        self._write(
            _executed, self.change.id, _aware(self.executed_at), reason, self.change.version
        )


# -- the archive ----------------------------------------------------------------------------


def _attach_file(
    session: Any, change_id: int, kind: ArtifactKind, name: str, data: bytes
) -> ArtifactRow:
    return changes.attach(session, change_id, kind, name, data=data)


def _attach_commit(session: Any, change_id: int, name: str, commit: str) -> ArtifactRow:
    return changes.attach(session, change_id, ArtifactKind.COMMIT, name, commit=commit)


class ArtifactFileDialog(ChangeWriteDialog):
    """Archive the changed source (a file or an archive) or a database script: read when OK
    is pressed, on a pool thread, and kept by its SHA-256 (chained into the audit log)."""

    def __init__(
        self,
        ctx: UiContext,
        change: ChangeRow,
        path: Path,
        parent: QWidget | None,
        kind: ArtifactKind = ArtifactKind.SOURCE,
    ) -> None:
        super().__init__(ctx, parent)
        self.change = change
        self.path = path
        self.setWindowTitle(self.tr("Archive a file"))
        self.setMinimumWidth(560)
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Source code (a file or an archive)"), ArtifactKind.SOURCE)
        self.kind.addItem(self.tr("Database script"), ArtifactKind.SCRIPT)
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        if path.suffix.lower() == ".sql":
            self.kind.setCurrentIndex(self.kind.findData(ArtifactKind.SCRIPT))
        self.name = QLineEdit(path.name, self)
        self.name.setMaxLength(255)
        try:
            size = size_text(path.stat().st_size)
        except OSError:
            size = "?"
        form = QFormLayout()
        form.addRow(self.tr("Change"), _wrapped(f"{change.id} · {change.title}", self))
        form.addRow(self.tr("File"), _wrapped(f"{path} ({size})", self))
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Name"), self.name)
        _layout(self, form)

    def _submit(self) -> None:
        self._read_then(self.path, self._save)

    def _save(self, data: bytes) -> None:
        self._write(
            _attach_file,
            self.change.id,
            ArtifactKind(self.kind.currentData()),  # Qt hands the enum back as its str
            self.name.text().strip(),
            data,
        )


class CommitDialog(ChangeWriteDialog):
    """Archive the commit the change was built from: its id and where it lives."""

    def __init__(self, ctx: UiContext, change: ChangeRow, parent: QWidget | None) -> None:
        super().__init__(ctx, parent)
        self.change = change
        self.setWindowTitle(self.tr("Archive a commit"))
        self.setMinimumWidth(560)
        self.name = QLineEdit(self)
        self.name.setMaxLength(255)
        self.name.setPlaceholderText(self.tr("e.g. dispatch/app.git, branch release-3.2"))
        self.commit = QLineEdit(self)
        self.commit.setMaxLength(64)
        self.commit.setPlaceholderText(self.tr("7 to 64 hexadecimal digits"))
        form = QFormLayout()
        form.addRow(self.tr("Change"), _wrapped(f"{change.id} · {change.title}", self))
        form.addRow(self.tr("Repository"), self.name)
        form.addRow(self.tr("Commit id"), self.commit)
        _layout(self, form)

    def _submit(self) -> None:
        self._write(
            _attach_commit, self.change.id, self.name.text().strip(), self.commit.text().strip()
        )
