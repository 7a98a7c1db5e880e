"""Reminders (issue 6, R4.1): what is due and why, the sales director's acknowledgement and
assignment, the salesperson's follow-up, the signed-in user's inbox, and, for whoever looks
after the settings, the messages whose delivery keeps failing."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStatusBar,
    QSystemTrayIcon,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from supportdesk.domain.errors import SupportDeskError, UploadError
from supportdesk.domain.registry import CustomerRow, UserRow
from supportdesk.domain.reminder import EXPIRY
from supportdesk.domain.roles import Permission, Role, allows
from supportdesk.reports.reminder_message import problems_text
from supportdesk.services import delivery, registry, reminder, users
from supportdesk.services.reminder import (
    BACKUP_PROBLEM,
    FAQ_UPLOAD,
    HANDOVER_DUE,
    HANDOVER_JOIN,
    INSPECTION_OVERDUE,
    OPTIMISATION_APPROVAL,
    OPTIMISATION_MISSING,
    OPTIMISATION_REVIEW,
    OUTCOMES,
    ROTATION_DUE,
    InboxItem,
    OutboxRow,
    ReminderRow,
)
from supportdesk.ui.context import UiContext
from supportdesk.ui.messages import describe, role_label
from supportdesk.ui.models.row_model import ROW_ROLE, Column, Index, RowModel
from supportdesk.ui.widgets.entity_panel import EntityPanel
from supportdesk.ui.widgets.status_line import ERROR_STYLE, clear_load_error, show_load_error

SALES_ROLES = (Role.SALESPERSON.value, Role.SALES_DIRECTOR.value)


def outcome_label(value: str) -> str:
    labels = {
        "open": QCoreApplication.translate("RemindersPage", "not acknowledged"),
        "pending": QCoreApplication.translate("RemindersPage", "following up"),
        "renewed": QCoreApplication.translate("RemindersPage", "renewed"),
        "lost": QCoreApplication.translate("RemindersPage", "lost"),
    }
    return labels.get(value, value)


def rule_label(rule: str) -> str:
    labels = {
        EXPIRY: QCoreApplication.translate("RemindersPage", "Maintenance period ends"),
        INSPECTION_OVERDUE: QCoreApplication.translate(
            "RemindersPage", "Inspection report overdue"
        ),
        ROTATION_DUE: QCoreApplication.translate("RemindersPage", "Credential to change"),
        HANDOVER_JOIN: QCoreApplication.translate("RemindersPage", "Handover: the group joins"),
        HANDOVER_DUE: QCoreApplication.translate("RemindersPage", "Handover due soon"),
        BACKUP_PROBLEM: QCoreApplication.translate("RemindersPage", "Backup problem"),
        FAQ_UPLOAD: QCoreApplication.translate("RemindersPage", "Service manual not uploaded"),
        OPTIMISATION_REVIEW: QCoreApplication.translate(
            "RemindersPage", "Optimisation report to review"
        ),
        OPTIMISATION_APPROVAL: QCoreApplication.translate(
            "RemindersPage", "Optimisation report to approve"
        ),
        OPTIMISATION_MISSING: QCoreApplication.translate(
            "RemindersPage", "Optimisation report not submitted"
        ),
        reminder.REWARD_REVIEW: QCoreApplication.translate("RemindersPage", "Reward to review"),
        reminder.REWARD_APPROVAL: QCoreApplication.translate("RemindersPage", "Reward to approve"),
    }
    return labels.get(rule, rule)


def channel_label(channel: str) -> str:
    labels = {
        "mail": QCoreApplication.translate("RemindersPage", "e-mail"),
        "dingtalk": QCoreApplication.translate("RemindersPage", "DingTalk robot"),
        "wecom": QCoreApplication.translate("RemindersPage", "WeCom robot"),
        "feishu": QCoreApplication.translate("RemindersPage", "Feishu robot"),
    }
    return labels.get(channel, channel)


def follow_up_text(row: ReminderRow) -> str:
    """Only an expiry reminder is acknowledged and followed up (R4.1)."""
    return outcome_label(row.outcome) if row.rule == EXPIRY else ""


def reason_text(row: ReminderRow, today: date) -> str:
    """The reason in the user's language, counted from today (the stored one is the rule's
    English, as of the day the reminder was raised)."""
    facts = row.facts
    if row.rule == EXPIRY and "end" in facts:
        end = date.fromisoformat(facts["end"])
        days = (end - today).days
        if days < 0:
            return QCoreApplication.translate("RemindersPage", "Maintenance ended on {end}").format(
                end=end.isoformat()
            )
        return QCoreApplication.translate(
            "RemindersPage", "Maintenance ends on {end}, {days} days from today"
        ).format(end=end.isoformat(), days=days)
    if row.rule == INSPECTION_OVERDUE and "period" in facts:
        return QCoreApplication.translate(
            "RemindersPage", "No inspection report finalised for {month}"
        ).format(month=facts["period"])
    if row.rule == ROTATION_DUE:
        return QCoreApplication.translate(
            "RemindersPage", "Change it with the customer, then save the new secret"
        )
    if row.rule == HANDOVER_JOIN and "join_on" in facts:
        return QCoreApplication.translate(
            "RemindersPage", "The group joins from {join}; acceptance on {acceptance}"
        ).format(join=facts["join_on"], acceptance=facts.get("acceptance", ""))
    if row.rule == HANDOVER_DUE and "due_on" in facts:
        return QCoreApplication.translate("RemindersPage", "To be signed by {due}").format(
            due=facts["due_on"]
        )
    if row.rule == BACKUP_PROBLEM and facts.get("problem") == "failed":
        return QCoreApplication.translate(
            "RemindersPage", "Backup check failed since {since}: {findings}"
        ).format(since=facts.get("since", ""), findings=problems_text(facts.get("findings", "")))
    if row.rule == BACKUP_PROBLEM:
        return QCoreApplication.translate(
            "RemindersPage", "Backups not checked since {since}"
        ).format(since=facts.get("since", ""))
    if row.rule in (OPTIMISATION_REVIEW, OPTIMISATION_APPROVAL):
        return QCoreApplication.translate(
            "RemindersPage", "The {month} report waits for your step ({by} passed it on)"
        ).format(month=facts.get("month", ""), by=facts.get("by", ""))
    if row.rule in (reminder.REWARD_REVIEW, reminder.REWARD_APPROVAL):
        return QCoreApplication.translate(
            "RemindersPage", "The reward for {person} ({amount} yuan) waits for your step"
        ).format(person=facts.get("person", ""), amount=facts.get("amount", ""))
    if row.rule == OPTIMISATION_MISSING:
        return QCoreApplication.translate(
            "RemindersPage", "{month} ended without a submitted optimisation report"
        ).format(month=facts.get("month", ""))
    if row.rule == FAQ_UPLOAD:
        reason, _, status = facts.get("error", "").partition(" ")
        failure = UploadError(
            reason, target=facts.get("target", ""), status=int(status) if status else None
        )
        return QCoreApplication.translate(
            "RemindersPage", "The {month} manual was not uploaded: {why}"
        ).format(month=facts.get("month", ""), why=describe(failure))
    return row.reason


def local_time(value: datetime | None) -> str:
    if value is None:
        return ""
    # SQLite hands back UTC without its zone; PostgreSQL with it.
    aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    return aware.astimezone().strftime("%Y-%m-%d %H:%M")


# -- loading --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything the page shows, read in one transaction."""

    user: UserRow | None
    reminders: list[ReminderRow]
    people: list[UserRow]
    inbox: list[InboxItem]
    problems: list[OutboxRow]  # empty for whoever may not edit the settings

    def may(self, permission: Permission) -> bool:
        return (
            self.user is not None and self.user.active and allows(Role(self.user.role), permission)
        )

    def name(self, login: str | None) -> str:
        found = next((p for p in self.people if p.login == login), None)
        return found.name if found is not None and found.name else login or ""

    @property
    def unread(self) -> int:
        return sum(not item.read for item in self.inbox)


def load(session: Any, open_only: bool) -> Snapshot:
    user = users.current_user(session)
    may_see_problems = (
        user is not None and user.active and allows(Role(user.role), Permission.SETTINGS_EDIT)
    )
    return Snapshot(
        user,
        reminder.list_reminders(session, open_only=open_only),
        users.list_users(session),
        reminder.inbox(session, user.login) if user is not None else [],
        reminder.outbox_rows(session, problems_only=True) if may_see_problems else [],
    )


def _mark_read(session: Any, login: str, reminder_id: int) -> int:
    return reminder.mark_read(session, login, reminder_id=reminder_id)


def split_addresses(text: str) -> list[str]:
    """Addresses one per line or separated by commas, semicolons (full-width too) or spaces."""
    return [part for part in re.split(r"[\s,;，；、]+", text) if part]


# -- dialogs --------------------------------------------------------------------------------


class SaveDialog(QDialog):
    """Saves through one write task; an error keeps the dialog open and says why."""

    saved = Signal(object)

    def __init__(self, ctx: UiContext, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.form = QFormLayout()
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    @property
    def ok_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert button is not None
        return button

    def task(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        raise NotImplementedError

    def _on_buttons_accepted(self) -> None:
        fn, args = self.task()
        self.error.hide()
        self.buttons.setEnabled(False)
        self._ctx.tasks.write(fn, *args, on_done=self._on_saved, on_error=self.show_error)

    def _on_saved(self, result: object) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(result)
        self.accept()

    def show_error(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(describe(error))
        self.error.show()


def _wrapped(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


class AssignDialog(SaveDialog):
    """The sales director acknowledges a reminder (its escalation stops) and names the
    salesperson who follows it up with the customer (R4.1)."""

    def __init__(
        self, ctx: UiContext, row: ReminderRow, people: list[UserRow], parent: QWidget | None
    ) -> None:
        super().__init__(
            ctx, QCoreApplication.translate("RemindersPage", "Acknowledge and assign"), parent
        )
        self.row = row
        self.salesperson = QComboBox(self)
        self.salesperson.addItem(self.tr("(acknowledge only, assign later)"), None)
        for person in people:
            if person.active and person.role in SALES_ROLES:
                label = f"{person.name or person.login} ({person.login}), {role_label(person.role)}"
                self.salesperson.addItem(label, person.login)
        wanted = row.assigned_to or row.facts.get("salesperson") or None
        self.salesperson.setCurrentIndex(max(self.salesperson.findData(wanted), 0))
        self.form.addRow(self.tr("Reminder"), QLabel(f"R-{row.id}  {row.title}", self))
        self.form.addRow(self.tr("Salesperson"), self.salesperson)
        self.form.addRow(
            _wrapped(
                self.tr(
                    "Acknowledging stops the reminder from being sent again; the salesperson "
                    "follows it up with the customer and records the outcome."
                ),
                self,
            )
        )

    def task(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return reminder.acknowledge, (self.row.id, self.salesperson.currentData())


class FollowUpDialog(SaveDialog):
    """Renewed, lost, or still being followed up, with a note."""

    def __init__(self, ctx: UiContext, row: ReminderRow, parent: QWidget | None) -> None:
        super().__init__(
            ctx, QCoreApplication.translate("RemindersPage", "Record the follow-up"), parent
        )
        self.row = row
        self.outcome = QComboBox(self)
        for value in OUTCOMES:
            self.outcome.addItem(outcome_label(value), value)
        self.outcome.setCurrentIndex(max(self.outcome.findData(row.outcome), 0))
        self.note = QPlainTextEdit(row.outcome_note, self)
        self.note.setPlaceholderText(
            self.tr("e.g. quotation sent on 3 March, the customer decides in April")
        )
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 5 + 12)
        self.form.addRow(self.tr("Reminder"), QLabel(f"R-{row.id}  {row.title}", self))
        self.form.addRow(self.tr("Outcome"), self.outcome)
        self.form.addRow(self.tr("Note"), self.note)

    def task(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return reminder.record_outcome, (
            self.row.id,
            self.outcome.currentData(),
            self.note.toPlainText(),
        )


class CustomerCopiesDialog(SaveDialog):
    """Addresses copied on a customer's expiry mails (an account manager, say)."""

    def __init__(
        self,
        ctx: UiContext,
        customers: list[CustomerRow],
        chosen: int | None,
        parent: QWidget | None,
    ) -> None:
        super().__init__(
            ctx, QCoreApplication.translate("RemindersPage", "Customer copies"), parent
        )
        self.customer = QComboBox(self)
        for customer in customers:
            self.customer.addItem(customer.name, customer.id)
        self.addresses = QPlainTextEdit(self)
        self.addresses.setPlaceholderText(self.tr("one e-mail address per line"))
        self.addresses.setFixedHeight(self.addresses.fontMetrics().lineSpacing() * 5 + 12)
        self.form.addRow(self.tr("Customer"), self.customer)
        self.form.addRow(self.tr("Copy to"), self.addresses)
        self.form.addRow(
            _wrapped(
                self.tr(
                    "These addresses receive a copy of every maintenance expiry mail about "
                    "this customer. Leave empty to copy nobody."
                ),
                self,
            )
        )
        self.customer.currentIndexChanged.connect(self._load)
        self.customer.setCurrentIndex(max(self.customer.findData(chosen), 0))
        self._load()

    def _load(self, *_args: object) -> None:
        customer_id = self.customer.currentData()
        if customer_id is None:
            return
        self.ok_button.setEnabled(False)  # until the current addresses are in
        self._ctx.tasks.read(
            reminder.customer_cc, customer_id,
            on_done=self._on_loaded, on_error=self.show_error, latest=(id(self), "cc"),
        )  # fmt: skip

    def _on_loaded(self, addresses: list[str]) -> None:
        self.addresses.setPlainText("\n".join(addresses))
        self.ok_button.setEnabled(True)

    def task(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        addresses = split_addresses(self.addresses.toPlainText())
        return reminder.set_customer_cc, (self.customer.currentData(), addresses)


# -- the unread count announced -------------------------------------------------------------


class UnreadNotifier(QObject):
    """Announces new inbox messages once per rise of the unread count: as a tray balloon
    where the desktop has a tray, otherwise in the status bar."""

    announced = Signal(str)
    opened = Signal()  # the balloon was clicked

    def __init__(
        self, tray: QSystemTrayIcon | None, status: QStatusBar, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.tray, self._status = tray, status
        # From zero: what is unread at start-up is announced once too.
        self.last = 0
        if tray is not None:
            tray.messageClicked.connect(self.opened.emit)

    def update(self, unread: int) -> None:
        grown, self.last = unread - self.last, unread
        if grown <= 0:
            return
        text = (
            self.tr("1 new reminder")
            if grown == 1
            else self.tr("{count} new reminders").format(count=grown)
        )
        if self.tray is not None:
            self.tray.showMessage(self.tr("SupportDesk"), text)
        else:
            self._status.showMessage(text, 15_000)
        self.announced.emit(text)

    def hide(self) -> None:
        if self.tray is not None:
            self.tray.hide()


# -- the page -------------------------------------------------------------------------------


class InboxModel(RowModel[InboxItem]):
    """Unread messages in bold."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.FontRole and index.isValid():
            item = self.data(index, ROW_ROLE)
            if isinstance(item, InboxItem) and not item.read:
                font = QFont()
                font.setBold(True)
                return font
            return None
        return super().data(index, role)


def _table(model: RowModel[Any], parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view


class RemindersPage(QWidget):
    unread_changed = Signal(int)  # the signed-in user's unread inbox messages
    REFRESH_MS = 60_000

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.snapshot = Snapshot(None, [], [], [], [])
        self._restoring = False  # re-selecting the message after a refresh is no new reading
        self.open_only = QCheckBox(self.tr("Open only"), self)
        self.open_only.toggled.connect(lambda _on: self.refresh())
        self.ack_button = QPushButton(self.tr("Acknowledge and assign…"), self)
        self.follow_up_button = QPushButton(self.tr("Record follow-up…"), self)
        self.cc_button = QPushButton(self.tr("Customer copies…"), self)
        self.ack_button.clicked.connect(self.acknowledge)
        self.follow_up_button.clicked.connect(self.follow_up)
        self.cc_button.clicked.connect(self.edit_customer_copies)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self._build_reminders()
        self._build_detail()
        self._build_inbox()
        self._build_problems()
        self._build_layout()
        self.timer = QTimer(self)
        self.timer.setInterval(self.REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        ctx.events.reminders_ran.connect(self.refresh)
        self._update_buttons()
        self.refresh()

    def _build_reminders(self) -> None:
        today = self._ctx.today
        self.reminders = EntityPanel(
            self.tr("Reminders"),
            [
                Column(self.tr("Ref."), lambda r: f"R-{r.id}"),
                # Waiting for the sales director: an expiry reminder nobody acknowledged.
                Column(
                    self.tr("Due"),
                    lambda r: r.due_on,
                    highlight=lambda r: r.rule == EXPIRY and r.outcome == "open",
                ),
                Column(self.tr("What"), lambda r: r.title),
                Column(self.tr("Reason"), lambda r: reason_text(r, today())),
                Column(self.tr("Acknowledged"), self._acknowledged),
                Column(self.tr("Salesperson"), lambda r: self.snapshot.name(r.assigned_to)),
                Column(self.tr("Follow-up"), follow_up_text),
                Column(self.tr("Sent again"), lambda r: r.escalations or ""),
            ],
            self,
        )
        for button in (
            self.reminders.add_button,
            self.reminders.edit_button,
            self.reminders.delete_button,
        ):
            button.hide()
        # Newest first: by due date, and (the sort is stable) the service's order within a day.
        self.reminders.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.reminders.selection_changed.connect(self._on_reminders_selection_changed)

    def _acknowledged(self, row: ReminderRow) -> str:
        if row.acknowledged_at is None:
            return ""
        day = local_time(row.acknowledged_at)[:10]  # the time is in the details
        return f"{self.snapshot.name(row.acknowledged_by)} {day}"

    def _build_detail(self) -> None:
        self.detail = QGroupBox(self.tr("Details"), self)
        # A grid, not a form: QFormLayout gives a wrapped label the height of one line.
        grid = QGridLayout(self.detail)
        grid.setColumnStretch(1, 1)
        self.facts: dict[str, QLabel] = {}
        self._captions: dict[str, QLabel] = {}
        for key, label in (
            ("reference", self.tr("Reminder")),
            ("customer", self.tr("Customer")),
            ("project", self.tr("Project")),
            ("system", self.tr("System")),
            ("period", self.tr("Contract period")),
            ("month", self.tr("Month")),
            ("reason", self.tr("Reason")),
            ("contract_sales", self.tr("Contract salesperson")),
            ("raised", self.tr("Raised")),
            ("acknowledged", self.tr("Acknowledged")),
            ("assigned", self.tr("Follow-up by")),
            ("outcome", self.tr("Follow-up")),
            ("note", self.tr("Note")),
            ("escalations", self.tr("Sent again")),
        ):
            caption, value = QLabel(label, self.detail), QLabel(self.detail)
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row = len(self.facts)
            grid.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1, Qt.AlignmentFlag.AlignTop)
            self.facts[key], self._captions[key] = value, caption
        grid.setRowStretch(len(self.facts), 1)
        self.detail.setMinimumWidth(360)
        self._show_detail(None)

    def _build_inbox(self) -> None:
        self.inbox_model = InboxModel(
            [
                Column(self.tr("Received"), lambda i: local_time(i.created_at)),
                Column(self.tr("Message"), lambda i: i.title),
            ],
            self,
        )
        self.inbox_view = _table(self.inbox_model, self)
        self.inbox_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.inbox_view.selectionModel().selectionChanged.connect(self._on_inbox_selection_changed)
        self.inbox_body = QPlainTextEdit(self)
        self.inbox_body.setReadOnly(True)
        self.inbox = QSplitter(Qt.Orientation.Vertical, self)
        self.inbox.addWidget(self.inbox_view)
        self.inbox.addWidget(self.inbox_body)
        self.inbox.setStretchFactor(0, 3)
        self.inbox.setStretchFactor(1, 2)

    def _build_problems(self) -> None:
        self.problems_model: RowModel[OutboxRow] = RowModel(
            [
                Column(self.tr("Channel"), lambda m: channel_label(m.channel)),
                Column(self.tr("Recipient"), lambda m: m.recipient),
                Column(
                    self.tr("Reminder"), lambda m: f"R-{m.reminder_id}" if m.reminder_id else None
                ),
                Column(self.tr("Attempts"), lambda m: m.attempts),
                Column(self.tr("Next attempt"), lambda m: local_time(m.next_attempt_at)),
                Column(self.tr("Last error"), lambda m: m.last_error),
            ],
            self,
        )
        self.problems_view = _table(self.problems_model, self)
        self.problems_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.problems_view.selectionModel().selectionChanged.connect(
            lambda *_a: self._update_buttons()
        )
        self.retry_button = QPushButton(self.tr("Retry now"), self)
        self.retry_button.setToolTip(
            self.tr(
                "Try the selected messages again at the next delivery (all of them if none "
                "is selected), after fixing the settings."
            )
        )
        self.retry_button.clicked.connect(self.retry)
        hint = _wrapped(
            self.tr(
                "Delivery keeps failing on these messages. Check Settings → Reminders and "
                "delivery, then retry them."
            ),
            self,
        )
        bar = QHBoxLayout()
        bar.addWidget(hint, 1)
        bar.addWidget(self.retry_button)
        self.problems = QWidget(self)
        layout = QVBoxLayout(self.problems)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.problems_view, 1)
        layout.addLayout(bar)

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.open_only)
        bar.addStretch(1)
        for button in (self.ack_button, self.follow_up_button, self.cc_button):
            bar.addWidget(button)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.inbox, self.tr("Inbox"))
        self.tabs.addTab(self.problems, self.tr("Delivery problems"))
        self.tabs.setTabVisible(1, False)
        # The table gets the full width (eight columns); the details sit beside the inbox.
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(self.tabs)
        lower.addWidget(self.detail)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.reminders)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

    # -- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        self._ctx.tasks.read(
            load, self.open_only.isChecked(),
            on_done=self._on_loaded, on_error=self._on_load_failed, latest=(id(self), "load"),
        )  # fmt: skip

    def _on_load_failed(self, error: BaseException) -> None:
        show_load_error(self._ctx, self.status, error)

    def _on_loaded(self, snapshot: Snapshot) -> None:
        clear_load_error(self.status)
        self.snapshot = snapshot
        self.reminders.set_rows(snapshot.reminders, keep=lambda r: r.id)
        chosen = self._selected_message()
        self.inbox_model.set_rows(snapshot.inbox)
        self.inbox_view.resizeColumnsToContents()
        if chosen is not None:
            self._restoring = True
            try:
                self._select_message(chosen.id)
            finally:
                self._restoring = False
        self.problems_model.set_rows(snapshot.problems)
        self.problems_view.resizeColumnsToContents()
        self.inbox_body.setPlaceholderText(
            self.tr("Select a message to read it.")
            if snapshot.inbox
            else self.tr("No messages: reminders go to the sales director and the group leader.")
        )
        unread = snapshot.unread
        self.tabs.setTabText(
            0,
            self.tr("Inbox ({count} unread)").format(count=unread) if unread else self.tr("Inbox"),
        )
        may_see = snapshot.may(Permission.SETTINGS_EDIT)
        self.tabs.setTabVisible(1, may_see)
        self.tabs.setTabText(
            1,
            self.tr("Delivery problems ({count})").format(count=len(snapshot.problems))
            if snapshot.problems
            else self.tr("Delivery problems"),
        )
        self._show_detail(self.reminders.selected())
        self._update_buttons()
        self.unread_changed.emit(unread)

    # -- selection and permissions ----------------------------------------------------------

    def _on_reminders_selection_changed(self, row: ReminderRow | None) -> None:
        self._show_detail(row)
        self._update_buttons()

    def _show_detail(self, row: ReminderRow | None) -> None:
        values: dict[str, str] = dict.fromkeys(self.facts, "")
        if row is not None:
            facts, name = row.facts, self.snapshot.name
            period = (
                self.tr("{start} to {end}").format(start=facts["start"], end=facts["end"])
                if row.rule == EXPIRY and "start" in facts and "end" in facts
                else ""
            )
            acknowledged = (
                self.tr("{name}, {at}").format(
                    name=name(row.acknowledged_by), at=local_time(row.acknowledged_at)
                )
                if row.acknowledged_at
                else self.tr("not yet")
                if row.rule == EXPIRY
                else ""
            )
            values.update(
                reference=f"R-{row.id} · {rule_label(row.rule)}",
                customer=facts.get("customer", ""),
                project=facts.get("project", ""),
                system=facts.get("system", row.title),
                period=period,
                month=facts.get("period", "") if row.rule == INSPECTION_OVERDUE else "",
                reason=reason_text(row, self._ctx.today()),
                contract_sales=name(facts.get("salesperson") or None),
                raised=local_time(row.created_at),
                acknowledged=acknowledged,
                assigned=name(row.assigned_to),
                outcome=follow_up_text(row),
                note=row.outcome_note,
                escalations=self.tr("{count} times").format(count=row.escalations)
                if row.escalations
                else "",
            )
        for key, label in self.facts.items():
            label.setText(values[key])
            # Only what this reminder has: an inspection reminder has no contract period.
            shown = bool(values[key]) or key == "reference"
            label.setVisible(shown)
            self._captions[key].setVisible(shown)
        if row is None:
            self.facts["reference"].setText(self.tr("Select a reminder to see its details."))

    def _why_not_acknowledge(self, row: ReminderRow | None) -> str | None:
        if not self.snapshot.may(Permission.REMINDER_ACK):
            return self.tr("Only the sales director acknowledges reminders and assigns them.")
        if row is None:
            return self.tr("Select a reminder first.")
        if row.rule != EXPIRY:
            return self.tr("Only maintenance expiry reminders are acknowledged and assigned.")
        return None

    def _why_not_follow_up(self, row: ReminderRow | None) -> str | None:
        user = self.snapshot.user
        if user is None or not self.snapshot.may(Permission.REMINDER_FOLLOW_UP):
            return self.tr(
                "Only the sales director or the assigned salesperson records the follow-up."
            )
        if row is None:
            return self.tr("Select a reminder first.")
        if row.rule != EXPIRY:
            return self.tr("Only maintenance expiry reminders are followed up.")
        if user.role == Role.SALESPERSON.value and row.assigned_to != user.login:
            return self.tr("This reminder is not assigned to you.")
        return None

    def _why_not_edit_copies(self) -> str | None:
        if not self.snapshot.may(Permission.SETTINGS_EDIT):
            return self.tr("Only the group leader decides who is copied on a customer's mails.")
        return None

    def _update_buttons(self) -> None:
        row = self.reminders.selected()
        for button, why, tip in (
            (
                self.ack_button,
                self._why_not_acknowledge(row),
                self.tr("Stop the reminder being sent again and assign a salesperson."),
            ),
            (
                self.follow_up_button,
                self._why_not_follow_up(row),
                self.tr("Record whether the customer renewed."),
            ),
            (
                self.cc_button,
                self._why_not_edit_copies(),
                self.tr("Who else receives a customer's maintenance expiry mails."),
            ),
        ):
            button.setEnabled(why is None)
            button.setToolTip(why or tip)
        self.retry_button.setEnabled(
            self.snapshot.may(Permission.SETTINGS_EDIT) and bool(self.snapshot.problems)
        )

    # -- actions ----------------------------------------------------------------------------

    def _open(self, dialog: SaveDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda _result: self.refresh())
        self.dialog = dialog  # for the tests, and so it is not collected while open
        dialog.open()

    def acknowledge(self) -> None:
        row = self.reminders.selected()
        if self._why_not_acknowledge(row) is None:
            self._open(AssignDialog(self._ctx, row, self.snapshot.people, self))

    def follow_up(self) -> None:
        row = self.reminders.selected()
        if self._why_not_follow_up(row) is None:
            self._open(FollowUpDialog(self._ctx, row, self))

    def edit_customer_copies(self) -> None:
        if self._why_not_edit_copies() is not None:
            return
        row = self.reminders.selected()
        customer = row.facts.get("customer") if row is not None else None

        def open_dialog(customers: list[CustomerRow]) -> None:
            chosen = next((c.id for c in customers if c.name == customer), None)
            self._open(CustomerCopiesDialog(self._ctx, customers, chosen, self))

        self._ctx.tasks.read(registry.list_customers, on_done=open_dialog)

    def retry(self) -> None:
        picked = self.problems_view.selectionModel().selectedRows()
        rows = [index.data(ROW_ROLE) for index in picked] or self.problems_model.rows()
        ids = [row.id for row in rows if isinstance(row, OutboxRow)]
        if ids:
            self._ctx.tasks.write(
                delivery.retry_now, ids, on_done=self._on_retried, on_error=self._on_action_failed
            )

    def _on_retried(self, count: int) -> None:
        self.status.setText(
            self.tr("{count} messages will be tried again at the next delivery.").format(
                count=count
            )
        )
        self.refresh()

    def _on_action_failed(self, error: BaseException) -> None:
        if isinstance(error, SupportDeskError):
            self.status.setText(describe(error))
            self.status.setStyleSheet(ERROR_STYLE)
            self.refresh()
        else:
            self._ctx.tasks.error_raised.emit(error)

    # -- the inbox --------------------------------------------------------------------------

    def _selected_message(self) -> InboxItem | None:
        picked = self.inbox_view.selectionModel().selectedRows()
        found = picked[0].data(ROW_ROLE) if picked else None
        return found if isinstance(found, InboxItem) else None

    def _select_message(self, message_id: int) -> None:
        for row, item in enumerate(self.inbox_model.rows()):
            if item.id == message_id:
                self.inbox_view.selectRow(row)
                return

    def _on_inbox_selection_changed(self, *_args: object) -> None:
        item = self._selected_message()
        self.inbox_body.setPlainText(item.body if item is not None else "")
        if item is None or item.reminder_id is None or self._restoring:
            return
        self.reminders.reveal(lambda r: r.id, item.reminder_id)
        user = self.snapshot.user
        if not item.read and user is not None:
            # Reading a message marks every message of its reminder read (its escalations).
            self._ctx.tasks.write(
                _mark_read, user.login, item.reminder_id,
                on_done=lambda _n: self.refresh(), on_error=self._on_action_failed,
            )  # fmt: skip
