"""Project handover (issue 7, R1.1): the dates that follow from the acceptance date, and the
states a handover goes through. Pure rules: the services read and store them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from supportdesk.domain.registry import add_months

JOIN_MONTHS = 1  # R1.1: the group joins one month before final acceptance
HANDOVER_DAYS = 14  # ... and completes the handover within two weeks after it
DUE_SOON_DAYS = 3  # the group leader is reminded this many days before the due date


class HandoverState(StrEnum):
    PLANNED = "planned"
    JOINED = "joined"
    IN_PROGRESS = "in_progress"
    SIGNED = "signed"


# Forward only, one step at a time; signing is the package's own step (it needs the
# completeness check), so it is not a plain transition.
NEXT = {
    HandoverState.PLANNED: HandoverState.JOINED,
    HandoverState.JOINED: HandoverState.IN_PROGRESS,
}


def join_date(acceptance: date) -> date:
    """One month before acceptance, month-end aware: acceptance 31 March → 28/29 February."""
    return add_months(acceptance, -JOIN_MONTHS)


def due_date(acceptance: date) -> date:
    return acceptance + timedelta(days=HANDOVER_DAYS)


@dataclass(frozen=True, slots=True)
class Timeline:
    """One project's handover as the list shows it."""

    project_id: int
    customer: str
    project: str
    acceptance: date  # the actual date once known, else the planned one
    acceptance_is_actual: bool
    state: HandoverState
    joined_on: date | None  # when the group actually joined
    signed_on: date | None

    @property
    def join_on(self) -> date:
        return join_date(self.acceptance)

    @property
    def due_on(self) -> date:
        return due_date(self.acceptance)

    def late(self, today: date) -> bool:
        """Not signed by the due date (R1.1): flagged from the day after it."""
        if self.state is HandoverState.SIGNED:
            return self.signed_on is not None and self.signed_on > self.due_on
        return today > self.due_on


ISSUE_STATES = ("open", "closed")


@dataclass(frozen=True, slots=True)
class IssueForm:
    """An outstanding issue of the handover package (R1.2 part 2)."""

    project_id: int
    title: str
    owner: str  # a person or a department: the customer's, or ours
    due_on: date
    detail: str = ""
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True, slots=True)
class IssueRow:
    id: int
    project_id: int
    title: str
    owner: str
    due_on: date
    detail: str
    state: str
    closed_on: date | None
    version: int

    def overdue(self, today: date) -> bool:
        return self.state == "open" and today > self.due_on


@dataclass(frozen=True, slots=True)
class BoundaryForm:
    """Parts 3 and 4 of the handover package (R1.2): who does what, outside and inside."""

    project_id: int
    company_scope: str  # part 3: what the company maintains
    customer_scope: str  # ... and what the customer does
    maintenance_start: date | None  # the free maintenance period: it becomes the contract
    maintenance_end: date | None
    expiry_terms: str  # what happens when maintenance expires
    after_sales_scope: str  # part 4: the work of after-sales
    support_scope: str  # ... and of the technical support departments
    version: int | None = None


@dataclass(frozen=True, slots=True)
class PackageRow:
    project_id: int
    company_scope: str
    customer_scope: str
    maintenance_start: date | None
    maintenance_end: date | None
    expiry_terms: str
    after_sales_scope: str
    support_scope: str
    version: int | None  # None: nothing saved yet


# What the completeness check can find missing, in the package's order (R1.2, R1.3).
MISSING = (
    "company_scope",
    "customer_scope",
    "maintenance_period",
    "expiry_terms",
    "after_sales_scope",
    "support_scope",
    "emergency_contacts",
    "systems",
)
