"""Adding to the outbox without ever adding twice: INSERT ... ON CONFLICT DO NOTHING on the
message's unique key, in each dialect's own words (so two agents racing add one row)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from supportdesk.db.models import OutboxMessage


def add_once(session: Session, values: dict[str, Any]) -> bool:
    """True if the message is new, False if one with its key was already there."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = (
        dialect.insert(OutboxMessage)
        .values(**values)
        .on_conflict_do_nothing()
        .returning(OutboxMessage.id)  # a row back only when one was inserted (not rowcount,
    )  # which a driver may leave at -1)
    return session.execute(statement).first() is not None
