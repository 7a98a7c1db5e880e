"""Rewards for optimisations with a marked effect (issue 10, R5.4), a tab of the Optimisation
report page: the month's applications with whose step each waits for; the group leader
applies from the approved report, the sales director reviews and a committee member
approves, each returning with a comment; the ledger per person and month, saved as XLSX."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from supportdesk.domain.errors import ValidationError
from supportdesk.domain.optimisation import Decision, ItemRow, ReportRow, ReportState
from supportdesk.domain.registry import UserRow
from supportdesk.domain.rewards import LedgerRow, RewardForm, RewardRow, amount_of
from supportdesk.domain.roles import Permission, Role, allows
from supportdesk.services import rewards
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.change_dialogs import local_time
from supportdesk.ui.dialogs.form_dialog import FormDialog, FormField
from supportdesk.ui.dialogs.optimisation_dialogs import CommentReturnDialog, person_name
from supportdesk.ui.messages import role_label
from supportdesk.ui.models.row_model import ROW_ROLE, Column, RowModel
from supportdesk.ui.widgets.confirm import confirm
from supportdesk.ui.widgets.save_chooser import save_chooser
from supportdesk.ui.widgets.status_line import fail, say
from supportdesk.ui.widgets.table import row_table


def reward_state_text(row: RewardRow) -> str:
    if row.state is ReportState.APPROVED:
        return QCoreApplication.translate("RewardsPanel", "approved {date}").format(
            date=row.approved_on or ""
        )
    if row.holder is None:
        return row.state.value
    waits = QCoreApplication.translate("RewardsPanel", "waits for the {role}").format(
        role=role_label(row.holder.value)
    )
    if row.state is ReportState.DRAFT:
        return (
            QCoreApplication.translate("RewardsPanel", "returned; {waits}").format(waits=waits)
            if row.comments
            else QCoreApplication.translate("RewardsPanel", "draft; {waits}").format(waits=waits)
        )
    return waits


def money(amount: Decimal) -> str:
    return f"¥{amount:,.2f}"


@dataclass(frozen=True, slots=True)
class Listing:
    rows: list[RewardRow]


def _list(session: Any, month: str) -> Listing:
    return Listing(rewards.rewards(session, month))


def _apply(session: Any, form: RewardForm) -> RewardRow:
    return rewards.apply(session, form)


def _decide(
    session: Any, reward_id: int, decision: Decision, comment: str, version: int
) -> RewardRow:
    return rewards.decide(session, reward_id, decision, comment, version)


def _delete(session: Any, reward_id: int, version: int) -> None:
    rewards.delete(session, reward_id, version)


def _ledger(session: Any, first: str, last: str) -> list[LedgerRow]:
    return rewards.ledger(session, first, last)


def _export_ledger(session: Any, first: str, last: str, path: Path) -> Path:
    return rewards.export_ledger(session, first, last, path)


def reward_dialog(
    ctx: UiContext,
    month: str,
    items: Sequence[ItemRow],
    people: Sequence[UserRow],
    row: RewardRow | None,
    parent: QWidget | None,
) -> FormDialog:
    fields = [
        FormField(
            "person",
            QCoreApplication.translate("RewardsPanel", "Who earns it"),
            "choice",
            [(f"{p.name or p.login} ({p.login})", p.login) for p in people if p.active],
        ),
        FormField(
            "item_id",
            QCoreApplication.translate("RewardsPanel", "Optimisation"),
            "choice",
            [
                (QCoreApplication.translate("RewardsPanel", "(none)"), None),
                *((i.description, i.id) for i in items),
            ],
        ),
        FormField("what_changed", QCoreApplication.translate("RewardsPanel", "What changed")),
        FormField("evidence", QCoreApplication.translate("RewardsPanel", "Evidence of the effect")),
        FormField("amount", QCoreApplication.translate("RewardsPanel", "Proposed amount (yuan)")),
    ]
    values: dict[str, Any] = (
        {
            "person": row.person,
            "item_id": row.item_id,
            "what_changed": row.what_changed,
            "evidence": row.evidence,
            "amount": str(row.amount),
        }
        if row is not None
        else {}
    )

    def build(v: dict[str, Any]) -> tuple[Callable[..., Any], RewardForm]:
        if v["person"] is None:
            raise ValidationError("person", "required")
        return _apply, RewardForm(
            month=month,
            item_id=v["item_id"],
            person=str(v["person"]),
            what_changed=str(v["what_changed"]).strip(),
            evidence=str(v["evidence"]).strip(),
            amount=amount_of(v["amount"]),  # names the field on bad input
            id=row.id if row is not None else None,
            version=row.version if row is not None else None,
        )

    title = (
        QCoreApplication.translate("RewardsPanel", "Apply for a reward ({month})").format(
            month=month
        )
        if row is None
        else QCoreApplication.translate("RewardsPanel", "Reward {id}").format(id=row.id)
    )
    dialog = FormDialog(ctx, title, fields, values, build, "reward", parent)
    dialog.setMinimumWidth(560)
    return dialog


class LedgerDialog(QDialog):
    """Approved rewards per person and month over a span of months, saved as XLSX."""

    def __init__(self, ctx: UiContext, months: Sequence[str], parent: QWidget | None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.chooser: QWidget | None = None
        self.setWindowTitle(self.tr("Reward ledger"))
        self.setMinimumSize(560, 380)
        self.first, self.last = QComboBox(self), QComboBox(self)
        for combo in (self.first, self.last):
            combo.addItems(list(months))
            combo.currentIndexChanged.connect(self.refresh)
        self.first.setCurrentIndex(min(11, len(months) - 1))  # a year, oldest first
        self.model: RowModel[LedgerRow] = RowModel(
            [
                Column(self.tr("Month"), lambda r: r.month),
                Column(self.tr("Person"), lambda r: r.person_name or r.person),
                Column(self.tr("Rewards"), lambda r: r.count),
                Column(self.tr("Total"), lambda r: money(r.total)),
            ],
            self,
        )
        self.view = row_table(self.model, self)
        self.total = QLabel(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.export_button = buttons.addButton(
            self.tr("Save as XLSX…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.clicked.connect(self.export)
        span = QHBoxLayout()
        span.addWidget(QLabel(self.tr("From"), self))
        span.addWidget(self.first)
        span.addWidget(QLabel(self.tr("to"), self))
        span.addWidget(self.last)
        span.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(span)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.total)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.refresh()

    def span(self) -> tuple[str, str]:
        return tuple(sorted((self.first.currentText(), self.last.currentText())))  # type: ignore[return-value]

    def refresh(self, *_args: object) -> None:
        first, last = self.span()
        self._ctx.tasks.read(
            _ledger, first, last, on_done=self._on_loaded,
            on_error=lambda e: fail(self._ctx, self.status, e), latest=("ledger", id(self)),
        )  # fmt: skip

    def _on_loaded(self, rows: list[LedgerRow]) -> None:
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        self.total.setText(
            self.tr("Rewards: {count}, {total} in all").format(
                count=sum(r.count for r in rows),
                total=money(sum((r.total for r in rows), Decimal(0))),
            )
        )

    def export(self) -> None:
        first, last = self.span()

        def chosen(path: Path) -> None:
            self._ctx.tasks.read(
                _export_ledger, first, last, path,
                on_done=lambda p: say(self.status, self.tr("Saved {path}").format(path=p)),
                on_error=lambda e: fail(self._ctx, self.status, e),
            )  # fmt: skip

        self.chooser = save_chooser(
            self, self._ctx, self.tr("Save the ledger"), f"奖励台账 {first}~{last}.xlsx", chosen,
            suffix="xlsx",
        )  # fmt: skip


class RewardsPanel(QWidget):
    """The month's reward applications; the page hands it the report and the people."""

    def __init__(
        self, ctx: UiContext, months: Callable[[], Sequence[str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._months = months
        self.month = ""
        self.report: ReportRow | None = None
        self.people: list[UserRow] = []
        self.user: UserRow | None = None
        self.dialog: QWidget | None = None
        self.ledger: LedgerDialog | None = None
        self.model: RowModel[RewardRow] = RowModel(
            [
                Column(self.tr("Person"), lambda r: r.person_name or r.person),
                Column(self.tr("Optimisation"), lambda r: r.item_description),
                Column(self.tr("What changed"), lambda r: r.what_changed),
                Column(self.tr("Amount"), lambda r: money(r.amount)),
                Column(self.tr("State"), reward_state_text),
            ],
            self,
        )
        self.view = row_table(self.model, self)
        self.view.selectionModel().selectionChanged.connect(self._show_selected)
        self.view.doubleClicked.connect(self.edit)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.hide()
        self.buttons: dict[str, QPushButton] = {}
        writing, chain = QHBoxLayout(), QHBoxLayout()  # two rows: the page stays narrow
        for key, text, slot, row in (
            ("apply", self.tr("Apply…"), self.apply, writing),
            ("edit", self.tr("Edit…"), self.edit, writing),
            ("delete", self.tr("Delete"), self.delete, writing),
            ("submit", self.tr("Submit"), self.submit, chain),
            ("approve", self.tr("Approve"), self.approve, chain),
            ("return", self.tr("Return…"), self.send_back, chain),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            self.buttons[key] = button
            row.addWidget(button)
        writing.addStretch(1)
        ledger = QPushButton(self.tr("Ledger…"), self)
        ledger.clicked.connect(self.show_ledger)
        writing.addWidget(ledger)
        chain.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(writing)
        layout.addWidget(self.view, 1)
        layout.addLayout(chain)
        layout.addWidget(self.detail)
        layout.addWidget(self.status)
        ctx.events.registry_changed.connect(self._on_registry_changed)
        self._update_buttons()

    # -- loading ----------------------------------------------------------------------------

    def show_month(
        self, month: str, report: ReportRow | None, people: list[UserRow], user: UserRow | None
    ) -> None:
        self.month, self.report, self.people, self.user = month, report, people, user
        self.refresh()

    def refresh(self) -> None:
        if not self.month:
            return
        self._ctx.tasks.read(
            _list, self.month, on_done=self._on_loaded,
            on_error=lambda e: fail(self._ctx, self.status, e), latest=("rewards", id(self)),
        )  # fmt: skip

    def _on_registry_changed(self, entity: str) -> None:
        if entity == "reward":
            self.refresh()

    def _on_loaded(self, listing: Listing) -> None:
        if listing.rows and listing.rows[0].month != self.month:
            return  # an older month's answer
        chosen = self.selected()
        self.model.set_rows(listing.rows)
        if chosen is not None:
            for k, row in enumerate(listing.rows):
                if row.id == chosen.id:
                    self.view.selectRow(k)
        self.view.resizeColumnsToContents()
        self._show_selected()

    def selected(self) -> RewardRow | None:
        indexes = self.view.selectionModel().selectedRows()
        return indexes[0].data(ROW_ROLE) if indexes else None

    def _show_selected(self, *_args: object) -> None:
        row = self.selected()
        if row is None:
            self.detail.clear()
        else:
            lines = [self.tr("Evidence: {text}").format(text=row.evidence)]
            lines += [
                self.tr("Returned by {who} on {when}: {comment}").format(
                    who=person_name(self.people, s.by), when=local_time(s.at), comment=s.comment
                )
                for s in row.comments
            ]
            self.detail.setText("\n".join(lines))
        self._update_buttons()

    # -- buttons ----------------------------------------------------------------------------

    @property
    def role(self) -> Role | None:
        return Role(self.user.role) if self.user is not None and self.user.active else None

    def why_not(self, action: str) -> str | None:
        role, row = self.role, self.selected()
        leader = role is not None and allows(role, Permission.OPTIMISATION_EDIT)
        if action == "apply":
            if not leader:
                return self.tr("Only the group leader applies for a reward.")
            if self.report is None or self.report.state is not ReportState.APPROVED:
                return self.tr("A reward is applied for from an approved report.")
            return None
        if row is None:
            return self.tr("Select a reward.")
        if action in {"edit", "delete", "submit"}:
            if not leader:
                return self.tr("Only the group leader applies for a reward.")
            if row.state is not ReportState.DRAFT:
                return self.tr("Only a draft is changed.")
            if action == "delete" and row.steps:
                return self.tr("It was submitted once: the record stays.")
            return None
        if row.state in (ReportState.DRAFT, ReportState.APPROVED) or row.holder is None:
            return self.tr("It does not wait for a review.")
        if role is not row.holder and role is not Role.ADMIN:
            return self.tr("It waits for the {role}.").format(role=role_label(row.holder.value))
        return None

    def _update_buttons(self) -> None:
        for key, button in self.buttons.items():
            reason = self.why_not(key)
            button.setEnabled(reason is None)
            button.setToolTip(reason or "")

    # -- actions ----------------------------------------------------------------------------

    def _open(self, dialog: Any) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda _row: self.refresh())
        self.dialog = dialog
        dialog.open()

    def _items(self) -> list[ItemRow]:
        return list(self.report.items) if self.report is not None else []

    def apply(self) -> None:
        if self.why_not("apply") is None:
            self._open(reward_dialog(self._ctx, self.month, self._items(), self.people, None, self))

    def edit(self, *_args: object) -> None:
        row = self.selected()
        if self.why_not("edit") is None and row is not None:
            self._open(reward_dialog(self._ctx, self.month, self._items(), self.people, row, self))

    def _done(self, text: str) -> None:
        say(self.status, text)
        self.refresh()

    def _step(self, decision: Decision, done: str) -> None:
        row = self.selected()
        if row is not None:
            self._ctx.tasks.write(
                _decide, row.id, decision, "", row.version,
                on_done=lambda _r: self._done(done),
                on_error=lambda e: fail(self._ctx, self.status, e),
            )  # fmt: skip

    def submit(self) -> None:
        if self.why_not("submit") is None:
            self._step(Decision.SUBMIT, self.tr("Submitted to the sales director."))

    def approve(self) -> None:
        if self.why_not("approve") is None:
            self._step(Decision.APPROVE, self.tr("Approved."))

    def send_back(self) -> None:
        row = self.selected()
        if self.why_not("return") is None and row is not None:
            self._open(
                CommentReturnDialog(
                    self._ctx,
                    self.tr("Return reward {id}").format(id=row.id),
                    self.tr("The application goes back to the group leader, with your comment."),
                    lambda text: (_decide, (row.id, Decision.RETURN, text, row.version)),
                    self,
                )
            )

    def delete(self) -> None:
        row = self.selected()
        if self.why_not("delete") is not None or row is None:
            return
        if not confirm(
            self,
            self.tr("Delete the application"),
            self.tr("Delete the reward application for {person}?").format(
                person=row.person_name or row.person
            ),
        ):
            return
        self._ctx.tasks.write(
            _delete, row.id, row.version,
            on_done=lambda _r: self._done(self.tr("Deleted.")),
            on_error=lambda e: fail(self._ctx, self.status, e),
        )  # fmt: skip

    def show_ledger(self) -> None:
        # One dialog, kept: closed while its ledger loads, it is hidden, not deleted, so a
        # late result never reaches a deleted widget.
        if self.ledger is None:
            self.ledger = LedgerDialog(self._ctx, self._months(), self)
        else:
            self.ledger.refresh()
        self.dialog = self.ledger
        self.ledger.open()
