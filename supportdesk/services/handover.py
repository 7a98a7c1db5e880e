"""Project handovers (issue 7, first slice: the timeline, R1.1). Every project with an
acceptance date, planned or actual, has a handover: its join and due dates follow from that
date, its state moves planned → joined → in progress (→ signed, with the package), and it is
late when not signed by the due date."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from supportdesk.db import audit
from supportdesk.db.models import Customer, Handover, Project
from supportdesk.domain.errors import NotFoundError, ValidationError
from supportdesk.domain.handover import NEXT, HandoverState, Timeline
from supportdesk.domain.roles import Permission
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
