"""PostgreSQL team logins: each person signs in as themself, so the audit actor is real."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

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
    statement = session.execute(
        text(f"SELECT format('{verb} ROLE %I LOGIN PASSWORD %L', :login, :pw)"),
        {"login": login, "pw": password},
    ).scalar_one()
    session.execute(text(statement))
    grant = session.execute(
        text("SELECT format('GRANT %I TO %I', :team, :login)"), {"team": TEAM_ROLE, "login": login}
    ).scalar_one()
    session.execute(text(grant))
