"""Reminders (issue 6, R4.1): rules say what is due and why; every message they cause goes
through an outbox whose key (rule, subject, due date, recipient, channel) makes it exactly
once, however often and wherever the rules run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from supportdesk.domain.registry import notice_date


@dataclass(frozen=True, slots=True)
class ContractFacts:
    """What the expiry rule needs to know of one maintenance contract."""

    contract_id: int
    customer: str
    project: str
    system: str
    start: date
    end: date
    notice_months: int
    salesperson: str | None
    renewed: bool  # a later contract of the same system continues it


@dataclass(frozen=True, slots=True)
class Due:
    """One reminder that is due: which rule, about what, from which day, and why."""

    rule: str
    subject: str  # e.g. "contract:12:2027-05-31": with the due date, what makes it one reminder
    due_on: date
    title: str
    reason: str
    facts: dict[str, str]


EXPIRY = "contract.expiry"


def expiry_due(contract: ContractFacts, today: date) -> Due | None:
    """R4.1: from `notice_months` before the end (month-end aware: a contract ending 31 May
    is due on 28/29 February) until the end, unless renewed. The due date comes from the end
    date, so an end changed after sending makes a new reminder."""
    due_on = notice_date(contract.end, contract.notice_months)
    if contract.renewed or not due_on <= today <= contract.end:
        return None
    days_left = (contract.end - today).days
    return Due(
        EXPIRY,
        # The end date in the key too: a contract moved from 31 to 30 May keeps its due date
        # (28 February) but is a different reminder, with the new date in its letter.
        f"contract:{contract.contract_id}:{contract.end.isoformat()}",
        due_on,
        f"{contract.customer} {contract.system}",
        f"maintenance ends {contract.end.isoformat()}, {days_left} days left",
        {
            "customer": contract.customer,
            "project": contract.project,
            "system": contract.system,
            "start": contract.start.isoformat(),
            "end": contract.end.isoformat(),
            "days_left": str(days_left),
            "salesperson": contract.salesperson or "",
        },
    )


@dataclass(frozen=True, slots=True)
class ServiceLine:
    """One line of "the service delivered this period" in the expiry letter."""

    day: date
    kind: str  # "inspection", "change", "issue"
    text: str


@dataclass(frozen=True, slots=True)
class Letter:
    """The written expiry reminder (R4.1) the group leader sends the sales director: the
    DOCX and PDF attached to the mail are made from this alone."""

    written_on: date
    to_names: tuple[str, ...]  # the sales directors
    cc_names: tuple[str, ...]  # the group leaders
    customer: str
    project: str
    system: str
    contract_start: date
    contract_end: date
    days_left: int
    salesperson: str  # may be empty: the director assigns one
    inspections: tuple[ServiceLine, ...]  # within the contract period, oldest first
    changes: tuple[ServiceLine, ...]
    open_issues: tuple[ServiceLine, ...]
    reference: str  # the reminder's id as the recipient quotes it, e.g. "R-12"
