"""The monthly optimisation report (R2.4): its items, their carry-over, and the approval chain
group leader → sales director → management committee."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from supportdesk.domain.errors import ValidationError
from supportdesk.domain.registry import limited, required
from supportdesk.domain.roles import Role


class Category(StrEnum):
    BUG = "bug"
    PERFORMANCE = "performance"
    SECURITY = "security"
    OPERATIONS = "operations"
    OTHER = "other"


class ItemState(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class ReportState(StrEnum):
    DRAFT = "draft"  # the group writes it
    SUBMITTED = "submitted"  # waits for the sales director
    REVIEWED = "reviewed"  # the sales director approved: waits for the committee
    APPROVED = "approved"  # frozen


class Decision(StrEnum):
    SUBMIT = "submit"
    APPROVE = "approve"
    RETURN = "return"


# Who takes each step, from which state, to which state (R2.4).
CHAIN: dict[tuple[ReportState, Decision], tuple[Role, ReportState]] = {
    (ReportState.DRAFT, Decision.SUBMIT): (Role.GROUP_LEADER, ReportState.SUBMITTED),
    (ReportState.SUBMITTED, Decision.APPROVE): (Role.SALES_DIRECTOR, ReportState.REVIEWED),
    (ReportState.SUBMITTED, Decision.RETURN): (Role.SALES_DIRECTOR, ReportState.DRAFT),
    (ReportState.REVIEWED, Decision.APPROVE): (Role.COMMITTEE, ReportState.APPROVED),
    (ReportState.REVIEWED, Decision.RETURN): (Role.COMMITTEE, ReportState.DRAFT),
}


def holder(state: ReportState) -> Role | None:
    """Whose step the report waits for."""
    return {
        ReportState.DRAFT: Role.GROUP_LEADER,
        ReportState.SUBMITTED: Role.SALES_DIRECTOR,
        ReportState.REVIEWED: Role.COMMITTEE,
    }.get(state)


def step(state: ReportState, decision: Decision, role: Role, comment: str) -> ReportState:
    """The state after `role` decides; a ValidationError when it is not theirs to take. The
    administrator may take any step (a stand-in, recorded under their own login)."""
    found = CHAIN.get((state, decision))
    if found is None:
        raise ValidationError("state", "bad_transition", value=decision.value, current=state.value)
    who, after = found
    if role is not who and role is not Role.ADMIN:
        raise ValidationError("role", "not_your_step", role=role.value, holder=who.value)
    if decision is Decision.RETURN and not comment.strip():
        raise ValidationError("comment", "required")
    return after


@dataclass(frozen=True, slots=True)
class ItemForm:
    month: str
    project_id: int
    description: str
    category: Category
    department: str
    due_on: date
    measure: str = ""
    system_id: int | None = None
    id: int | None = None
    version: int | None = None


def clean(form: ItemForm) -> ItemForm:
    return ItemForm(
        month=form.month,
        project_id=form.project_id,
        description=required("description", form.description, 2000),
        category=Category(form.category),
        department=limited("department", form.department, 100),
        due_on=form.due_on,
        measure=limited("measure", form.measure, 2000),
        system_id=form.system_id,
        id=form.id,
        version=form.version,
    )


@dataclass(frozen=True, slots=True)
class ItemRow:
    id: int
    month: str
    project_id: int
    customer: str
    project: str
    system: str
    description: str
    category: Category
    department: str
    due_on: date
    measure: str
    state: ItemState
    closed_on: date | None
    source: str  # inspection, backup, change, handover_issue, group, carried
    carried_from: str | None  # the month it was first reported in, for a carried item
    overdue: bool
    zentao_task_id: int | None
    version: int
    system_id: int | None = None
    zentao_error: str = ""  # why its measure waits for ZenTao (a ZentaoError reason), if so


@dataclass(frozen=True, slots=True)
class StepRow:
    decision: Decision
    by: str
    at: datetime
    comment: str
    state_after: ReportState


@dataclass(frozen=True, slots=True)
class ReportRow:
    month: str
    state: ReportState
    holder: Role | None
    steps: tuple[StepRow, ...]
    items: tuple[ItemRow, ...]
    version: int

    @property
    def comments(self) -> tuple[StepRow, ...]:
        """The returns with their reasons, newest last (shown to the group in the draft)."""
        return tuple(s for s in self.steps if s.decision is Decision.RETURN)


@dataclass(frozen=True, slots=True)
class Quality:
    """A project's figures (R2.4): items found, closed by their date, overdue."""

    project_id: int
    customer: str
    project: str
    found: int
    closed_in_time: int
    overdue: int
