"""Adding to the outbox without ever adding twice: INSERT ... ON CONFLICT DO NOTHING on the
message's unique key, in each dialect's own words (so two agents racing add one row)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from supportdesk.db.models import Base, OutboxMessage


def add_once(session: Session, values: dict[str, Any]) -> bool:
    """True if the message is new, False if one with its key was already there."""
    return insert_once(session, OutboxMessage, values)


def insert_once(session: Session, model: type[Base], values: dict[str, Any]) -> bool:
    """INSERT unless a row with the same unique key exists; True if it inserted."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    key = inspect(model).primary_key
    # RETURNING gives a row back only when one was inserted (not rowcount, which a driver
    # may leave at -1).
    statement = dialect.insert(model).values(**values).on_conflict_do_nothing().returning(*key)
    return session.execute(statement).first() is not None


def insert_many_once(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> int:
    """insert_once for many rows; how many were new. One executemany: SQLAlchemy batches it
    into multi-row INSERT ... RETURNING statements ("insertmanyvalues") on both dialects."""
    if not rows:
        return 0
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    table = inspect(model).local_table
    statement = dialect.insert(table).on_conflict_do_nothing().returning(*table.primary_key)
    # Core, not the ORM's bulk path: that one matches returned rows to parameter sets one by
    # one, and ON CONFLICT returns fewer rows than it was given (quadratic, seconds here).
    return len(session.connection().execute(statement, rows).all())
