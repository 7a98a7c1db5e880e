"""PostgreSQL team logins: each person signs in as themself, so the audit actor is real."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from supportdesk.domain.errors import DatabaseError

TEAM_ROLE = "supportdesk_team"


def is_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def login_exists(session: Session, login: str) -> bool:
    found = session.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :l"), {"l": login})
    return found.first() is not None


def create_login(session: Session, login: str, password: str) -> None:
    """CREATE ROLE inside the caller's transaction (PostgreSQL DDL is transactional).

    format() with %I/%L quotes the name and password on the server, so neither can inject SQL.
    """
    verb = "ALTER" if login_exists(session, login) else "CREATE"
    try:
        statement = session.execute(
            text(
                f"SELECT format('{verb} ROLE %I LOGIN PASSWORD %L', "
                "CAST(:login AS text), CAST(:pw AS text))"
            ),
            {"login": login, "pw": password},
        ).scalar_one()
        with session.begin_nested():
            session.execute(text(statement))
    except DBAPIError as error:
        # The statement carries the password: never let it reach a message or a log.
        raise DatabaseError("login_failed", login=login, detail=type(error.orig).__name__) from None
    grant = session.execute(
        text("SELECT format('GRANT %I TO %I', CAST(:team AS text), CAST(:login AS text))"),
        {"team": TEAM_ROLE, "login": login},
    ).scalar_one()
    session.execute(text(grant))
