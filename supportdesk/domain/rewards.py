"""Rewards for optimisations with a marked effect (R5.4): the group leader applies from an
approved optimisation report, the sales director reviews and the committee approves through
the optimisation report's chain (domain.optimisation.CHAIN); the ledger per person and month."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from supportdesk.domain.errors import ValidationError
from supportdesk.domain.optimisation import Decision, ReportState, StepRow
from supportdesk.domain.registry import month_bounds, required
from supportdesk.domain.roles import Role

MAX_AMOUNT = Decimal("1000000")  # yuan: a larger reward is not one the group applies for
CENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class RewardForm:
    month: str  # YYYY-MM of the approved optimisation report it comes from
    item_id: int | None  # the item with the marked effect (of that report), or None
    person: str  # login of the active app user who earns it
    what_changed: str
    evidence: str
    amount: Decimal  # proposed, in yuan
    id: int | None = None
    version: int | None = None


def amount_of(value: object) -> Decimal:
    """A proposed amount in yuan: above zero, at most MAX_AMOUNT, at most two decimals."""
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise ValidationError("amount", "bad_amount", value=str(value)) from None
    if not amount.is_finite():
        raise ValidationError("amount", "bad_amount", value=str(value))
    if amount <= 0 or amount > MAX_AMOUNT:
        raise ValidationError(
            "amount", "out_of_range", value=str(amount), min=str(CENT), max=str(MAX_AMOUNT)
        )
    if amount != amount.quantize(CENT):
        raise ValidationError("amount", "bad_amount", value=str(amount))
    return amount.quantize(CENT)


def clean(form: RewardForm) -> RewardForm:
    month_bounds(form.month)  # "month", "bad_month"
    return RewardForm(
        month=form.month.strip(),
        item_id=form.item_id,
        person=required("person", form.person, 63),
        what_changed=required("what_changed", form.what_changed, 2000),
        evidence=required("evidence", form.evidence, 2000),
        amount=amount_of(form.amount),
        id=form.id,
        version=form.version,
    )


@dataclass(frozen=True, slots=True)
class RewardRow:
    id: int
    month: str
    item_id: int | None
    item_description: str
    person: str
    person_name: str
    what_changed: str
    evidence: str
    amount: Decimal
    state: ReportState
    holder: Role | None
    steps: tuple[StepRow, ...]
    version: int
    approved_on: date | None  # the day the committee approved it

    @property
    def comments(self) -> tuple[StepRow, ...]:
        """The returns with their reasons, newest last (shown to the group in the draft)."""
        return tuple(s for s in self.steps if s.decision is Decision.RETURN)


@dataclass(frozen=True, slots=True)
class LedgerRow:
    """Approved rewards of one person for one report month."""

    person: str
    person_name: str
    month: str
    count: int
    total: Decimal
