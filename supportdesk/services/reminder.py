"""Reminders (issue 6, first slice): the rules over today's data, and the outbox they fill.

`due` says what is due and why; `enqueue` turns each due reminder into one outbox message
per recipient and channel, exactly once (db/outbox.py). Delivery comes in the next slice.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from supportdesk.db import audit, outbox
from supportdesk.db.models import Contract, Customer, OutboxMessage, Project, System, User
from supportdesk.domain.reminder import ContractFacts, Due, expiry_due
from supportdesk.domain.roles import Role

# R4.1: the group leader reports to the sales director, who assigns a salesperson.
RECIPIENT_ROLES = (Role.SALES_DIRECTOR, Role.GROUP_LEADER)
CHANNELS = ("mail", "inbox")


def _contracts(session: Session) -> list[ContractFacts]:
    later = aliased(Contract)
    renewed = (
        select(later.id)
        .where(later.system_id == Contract.system_id, later.end > Contract.end)
        .exists()
    )
    rows = session.execute(
        select(
            Contract.id,
            Customer.name,
            Project.name,
            System.name,
            Contract.start,
            Contract.end,
            Contract.notice_months,
            Contract.salesperson,
            renewed,
        )
        .join(System, Contract.system_id == System.id)
        .join(Project, System.project_id == Project.id)
        .join(Customer, Project.customer_id == Customer.id)
        .order_by(Contract.end, Contract.id)
    ).all()
    return [ContractFacts(*row) for row in rows]


def due(session: Session, today: date) -> list[Due]:
    """Every reminder due on `today`, with its reason."""
    return [d for c in _contracts(session) if (d := expiry_due(c, today)) is not None]


def recipients(session: Session) -> list[tuple[str, str]]:
    """(login, e-mail) of the active sales directors and group leaders."""
    rows = session.execute(
        select(User.login, User.email)
        .where(User.active, User.role.in_([r.value for r in RECIPIENT_ROLES]))
        .order_by(User.login)
    ).all()
    return [(login, email or "") for login, email in rows]


def enqueue(session: Session, today: date) -> int:
    """Add one outbox message per due reminder, recipient and channel that is not there yet;
    the number added (0 when the rules already ran today, here or on another machine)."""
    now = datetime.now(UTC)
    added = 0
    people = recipients(session)
    for reminder in due(session, today):
        for login, email in people:
            for channel in CHANNELS:
                address = email if channel == "mail" else login
                if not address:
                    continue  # no e-mail address: the in-app inbox still has it
                added += outbox.add_once(
                    session,
                    {
                        "rule": reminder.rule,
                        "subject": reminder.subject,
                        "due_on": reminder.due_on,
                        "recipient": address,
                        "channel": channel,
                        "title": reminder.title,
                        "body": json.dumps(
                            {"reason": reminder.reason, **reminder.facts}, ensure_ascii=False
                        ),
                        "state": "pending",
                        "attempts": 0,
                        "created_at": now,
                    },
                )
    if added:
        audit.append(session, "reminder.enqueue", f"day:{today.isoformat()}", {"added": added})
    return added


def pending(session: Session) -> list[tuple[int, str, str, str, str]]:
    """(id, channel, recipient, title, state) of messages not yet sent."""
    rows = session.execute(
        select(
            OutboxMessage.id,
            OutboxMessage.channel,
            OutboxMessage.recipient,
            OutboxMessage.title,
            OutboxMessage.state,
        )
        .where(OutboxMessage.state != "sent")
        .order_by(OutboxMessage.id)
    ).all()
    return [(int(i), c, r, t, s) for i, c, r, t, s in rows]
