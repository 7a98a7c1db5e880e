"""PostgreSQL team logins: each person signs in as themself, so the audit actor is real."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from supportdesk.domain.errors import DatabaseError, ValidationError

TEAM_ROLE = "supportdesk_team"


def is_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def login_exists(session: Session, login: str) -> bool:
    found = session.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :l"), {"l": login})
    return found.first() is not None


def is_team_login(session: Session, login: str) -> bool:
    """An existing login that SupportDesk made (a member of the team role, not a superuser)."""
    found = session.execute(
        text(
            "SELECT 1 FROM pg_roles WHERE rolname = :l AND NOT rolsuper "
            "AND pg_has_role(oid, CAST(:team AS text), 'MEMBER')"
        ),
        {"l": login, "team": TEAM_ROLE},
    )
    return found.first() is not None


def create_login(session: Session, login: str, password: str) -> None:
    """CREATE (or ALTER) ROLE inside the caller's transaction (PostgreSQL DDL is transactional).

    The password never travels as text: like psql's \\password, the client turns it into a
    SCRAM-SHA-256 verifier first, so neither the statement, an error message, a log line nor
    the server's own log can show it. format() with %I/%L quotes the name and the verifier on
    the server, so neither can inject SQL.
    """
    verb = "CREATE"
    if login_exists(session, login):
        if not is_team_login(session, login):
            # Never take over somebody else's login (a superuser, the database owner, another
            # application's account) by setting its password.
            raise ValidationError("login", "duplicate", value=login)
        verb = "ALTER"  # a team login this cluster already knows: set its new password
    verifier = _scram_verifier(session, login, password)
    try:
        statement = session.execute(
            text(
                f"SELECT format('{verb} ROLE %I LOGIN PASSWORD %L', "
                "CAST(:login AS text), CAST(:pw AS text))"
            ),
            {"login": login, "pw": verifier},
        ).scalar_one()
        with session.begin_nested():
            # exec_driver_sql: the verifier holds ':' and '$', which text() would take for
            # bound parameters.
            session.connection().exec_driver_sql(statement)
    except DBAPIError as error:
        raise DatabaseError("login_failed", login=login, detail=type(error.orig).__name__) from None
    grant = session.execute(
        text("SELECT format('GRANT %I TO %I', CAST(:team AS text), CAST(:login AS text))"),
        {"team": TEAM_ROLE, "login": login},
    ).scalar_one()
    session.connection().exec_driver_sql(grant)


def _scram_verifier(session: Session, login: str, password: str) -> str:
    """libpq's PQencryptPasswordConn: salted and iterated on the client, as the server stores it."""
    driver = session.connection().connection.driver_connection
    if driver is None:  # pragma: no cover - a checked-out connection always has one
        raise DatabaseError("login_failed", login=login, detail="no connection")
    verifier = driver.pgconn.encrypt_password(
        password.encode("utf-8"), login.encode("utf-8"), b"scram-sha-256"
    )
    return bytes(verifier).decode("ascii")


# Migration 0003: team logins cannot write app_user; these functions check on the server
# that the signed-in login is an administrator (or the first user of an empty database).
def add_user_row(session: Session, login: str, role: str, name: str, email: str) -> bool:
    """Insert through the guard function; False on a schema older than 0003 (the caller then
    writes the row itself, as migrations before 0003 allowed)."""
    if not _guarded(session):
        return False
    session.execute(
        text("SELECT supportdesk_add_user(:login, :role, :name, :email)"),
        {"login": login, "role": role, "name": name, "email": email},
    )
    return True


def set_user_role(session: Session, login: str, role: str) -> bool:
    if not _guarded(session):
        return False
    session.execute(
        text("SELECT supportdesk_set_user_role(:login, :role)"), {"login": login, "role": role}
    )
    return True


def _guarded(session: Session) -> bool:
    found = session.execute(
        text("SELECT to_regprocedure('supportdesk_set_user_role(text, text)') IS NOT NULL")
    )
    return bool(found.scalar_one())
