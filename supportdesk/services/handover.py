"""Project handovers (issue 7, first slice: the timeline, R1.1). Every project with an
acceptance date, planned or actual, has a handover: its join and due dates follow from that
date, its state moves planned → joined → in progress (→ signed, with the package), and it is
late when not signed by the due date."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from supportdesk.db import audit
from supportdesk.db.models import (
    Contact,
    Customer,
    Handover,
    HandoverIssue,
    HandoverPackage,
    Project,
    System,
)
from supportdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from supportdesk.domain.handover import (
    NEXT,
    BoundaryForm,
    HandoverState,
    IssueForm,
    IssueRow,
    PackageRow,
    Timeline,
)
from supportdesk.domain.registry import ContractForm, ContractKind, limited, required
from supportdesk.domain.roles import Permission
from supportdesk.services import registry
from supportdesk.services.registry import load_for_update
from supportdesk.services.users import require


def timelines(session: Session, *, project_id: int | None = None) -> list[Timeline]:
    """The handover of every project that has an acceptance date, soonest due first."""
    acceptance = func.coalesce(Project.acceptance_date, Project.planned_acceptance)
    query = (
        select(
            Project.id,
            Customer.name,
            Project.name,
            acceptance,
            Project.acceptance_date.is_not(None),
            Handover.state,
            Handover.joined_on,
            Handover.signed_on,
        )
        .join(Customer, Project.customer_id == Customer.id)
        .outerjoin(Handover, Handover.project_id == Project.id)
        .where(acceptance.is_not(None))
        .order_by(acceptance, Project.id)
    )
    if project_id is not None:
        query = query.where(Project.id == project_id)
    return [
        Timeline(
            int(pid),
            str(customer),
            str(name),
            accepted,
            bool(actual),
            HandoverState(state or HandoverState.PLANNED),
            joined,
            signed,
        )
        for pid, customer, name, accepted, actual, state, joined, signed in session.execute(query)
    ]


def timeline(session: Session, project_id: int) -> Timeline:
    found = timelines(session, project_id=project_id)
    if not found:
        if session.get(Project, project_id) is None:
            raise NotFoundError("project", project_id)
        raise ValidationError("acceptance_date", "no_acceptance_date")
    return found[0]


def advance(
    session: Session, project_id: int, to: HandoverState, on: date | None = None
) -> Timeline:
    """Move a handover one step forward (planned → joined → in progress); `on` is the day
    the group joined (default today). Signing goes through the package, not here."""
    require(session, Permission.HANDOVER_EDIT)
    current = timeline(session, project_id)
    if NEXT.get(current.state) is not to:
        raise ValidationError(
            "state", "bad_transition", value=to.value, current=current.state.value
        )
    row = session.scalars(
        select(Handover).where(Handover.project_id == project_id).with_for_update()
    ).first()
    actor = audit.current_actor(session)
    now = datetime.now(UTC)
    if row is None:
        row = Handover(project_id=project_id, updated_by=actor, updated_at=now)
        session.add(row)
    row.state = to.value
    row.updated_by, row.updated_at = actor, now
    if to is HandoverState.JOINED:
        row.joined_on = on or date.today()
    audit.append(
        session,
        "handover.state",
        f"project:{project_id}",
        {"state": to.value, "joined_on": row.joined_on.isoformat() if row.joined_on else None},
    )
    session.flush()
    return timeline(session, project_id)


# --- outstanding issues (R1.2 part 2) ----------------------------------------------------


def _issue_row(i: HandoverIssue) -> IssueRow:
    return IssueRow(
        i.id, i.project_id, i.title, i.owner, i.due_on, i.detail, i.state, i.closed_on, i.version
    )


def issues(session: Session, project_id: int | None = None) -> list[IssueRow]:
    """Open ones first, then by completion date."""
    query = select(HandoverIssue).order_by(
        HandoverIssue.state != "open", HandoverIssue.due_on, HandoverIssue.id
    )
    if project_id is not None:
        query = query.where(HandoverIssue.project_id == project_id)
    return [_issue_row(i) for i in session.scalars(query)]


def save_issue(session: Session, form: IssueForm) -> IssueRow:
    """Add or change an outstanding issue: it needs a title, an owner and a completion date."""
    actor = require(session, Permission.HANDOVER_EDIT).login
    values = {
        "project_id": form.project_id,
        "title": required("title", form.title, 300),
        "owner": required("owner", form.owner, 200),
        "due_on": form.due_on,
        "detail": limited("detail", form.detail, 4000),
    }
    if session.get(Project, form.project_id) is None:
        raise NotFoundError("project", form.project_id)
    if form.id is None:
        row = HandoverIssue(**values, state="open")
        session.add(row)
    else:
        row = load_for_update(session, HandoverIssue, "handover_issue", form.id, form.version)
        if row.project_id != form.project_id:
            raise ValidationError("project_id", "bad_value", value=str(form.project_id))
        for name, value in values.items():
            setattr(row, name, value)
    row.updated_by, row.updated_at = actor, datetime.now(UTC)
    try:
        session.flush()
    except StaleDataError:
        raise ConflictError("handover_issue", form.id, None) from None
    audit.append(
        session,
        f"handover_issue.{'add' if form.id is None else 'update'}",
        f"handover_issue:{row.id}",
        {k: (v.isoformat() if isinstance(v, date) else v) for k, v in values.items()},
    )
    return _issue_row(row)


def set_issue_state(
    session: Session, issue_id: int, closed: bool, version: int | None, on: date | None = None
) -> IssueRow:
    """Close an issue (on the day it was done), or open it again."""
    actor = require(session, Permission.HANDOVER_EDIT).login
    row = load_for_update(session, HandoverIssue, "handover_issue", issue_id, version)
    row.state = "closed" if closed else "open"
    row.closed_on = (on or date.today()) if closed else None
    row.updated_by, row.updated_at = actor, datetime.now(UTC)
    session.flush()
    audit.append(
        session,
        "handover_issue.state",
        f"handover_issue:{row.id}",
        {"state": row.state, "closed_on": row.closed_on.isoformat() if row.closed_on else None},
    )
    return _issue_row(row)


# --- the external and internal boundaries (R1.2 parts 3, 4), and what is still missing ---

_TEXTS = ("company_scope", "customer_scope", "expiry_terms", "after_sales_scope", "support_scope")


def package(session: Session, project_id: int) -> PackageRow:
    if session.get(Project, project_id) is None:
        raise NotFoundError("project", project_id)
    row = session.scalars(
        select(HandoverPackage).where(HandoverPackage.project_id == project_id)
    ).first()
    if row is None:
        return PackageRow(project_id, "", "", None, None, "", "", "", None)
    return PackageRow(
        project_id,
        row.company_scope,
        row.customer_scope,
        row.maintenance_start,
        row.maintenance_end,
        row.expiry_terms,
        row.after_sales_scope,
        row.support_scope,
        row.version,
    )


def save_boundaries(session: Session, form: BoundaryForm) -> PackageRow:
    """Store parts 3 and 4. The maintenance period becomes each system's free maintenance
    contract (R1.2: the record the expiry reminders use): created the first time, moved
    with the period afterwards. All in the caller's transaction: bad input changes nothing."""
    actor = require(session, Permission.HANDOVER_EDIT).login
    texts = {name: limited(name, getattr(form, name), 8000) for name in _TEXTS}
    start, end = form.maintenance_start, form.maintenance_end
    if (start is None) != (end is None):
        raise ValidationError("maintenance_end" if end is None else "maintenance_start", "required")
    if start is not None and end is not None and end < start:
        raise ValidationError("maintenance_end", "end_before_start")
    before = package(session, form.project_id)
    row = session.scalars(
        select(HandoverPackage)
        .where(HandoverPackage.project_id == form.project_id)
        .with_for_update()
    ).first()
    if row is None:
        row = HandoverPackage(project_id=form.project_id)
        session.add(row)
    elif form.version is not None and row.version != form.version:
        raise ConflictError("handover_package", row.id, row.updated_by)
    for name, value in texts.items():
        setattr(row, name, value)
    row.maintenance_start, row.maintenance_end = start, end
    row.updated_by, row.updated_at = actor, datetime.now(UTC)
    try:
        session.flush()
    except StaleDataError:
        raise ConflictError("handover_package", row.id, None) from None
    if start is not None and end is not None:
        _contracts_follow(session, form.project_id, before, start, end)
    audit.append(
        session,
        "handover.boundaries",
        f"project:{form.project_id}",
        {
            **texts,
            "maintenance_start": start.isoformat() if start else None,
            "maintenance_end": end.isoformat() if end else None,
        },
    )
    return package(session, form.project_id)


def _contracts_follow(
    session: Session, project_id: int, before: PackageRow, start: date, end: date
) -> None:
    """Each system's free contract for the handed-over period: the one the previous period
    made is moved; otherwise one is added (through the registry, so it is checked and
    audited like any contract)."""
    systems = session.scalars(select(System.id).where(System.project_id == project_id)).all()
    for system_id in systems:
        previous = [
            c
            for c in registry.list_contracts(session, system_id=system_id)
            if c.kind == ContractKind.FREE
            and (c.start, c.end) == (before.maintenance_start, before.maintenance_end)
        ]
        key, version = (previous[0].id, previous[0].version) if previous else (None, None)
        registry.save_contract(
            session, ContractForm(system_id, start, end, ContractKind.FREE, id=key, version=version)
        )


def missing(session: Session, project_id: int) -> list[str]:
    """What the package still lacks (domain/handover.MISSING, in order); sign-off waits for
    an empty list. Emergency contacts are the customer's contacts marked as such."""
    found = package(session, project_id)
    gaps = [
        name for name in ("company_scope", "customer_scope") if not getattr(found, name).strip()
    ]
    if found.maintenance_start is None:
        gaps.append("maintenance_period")
    gaps += [
        name
        for name in ("expiry_terms", "after_sales_scope", "support_scope")
        if not getattr(found, name).strip()
    ]
    customer = session.scalar(select(Project.customer_id).where(Project.id == project_id))
    emergency = session.scalar(
        select(func.count())
        .select_from(Contact)
        .where(Contact.customer_id == customer, Contact.emergency)
    )
    if not emergency:
        gaps.append("emergency_contacts")
    if not session.scalar(select(func.count()).where(System.project_id == project_id)):
        gaps.append("systems")
    return gaps
