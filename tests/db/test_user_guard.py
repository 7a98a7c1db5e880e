"""Migration 0003: a team login cannot make itself administrator by SQL; admins still can."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic import command
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from supportdesk import cli
from supportdesk.db import migrate
from supportdesk.db.engine import Database
from supportdesk.db.models import AuditEvent, User
from supportdesk.services import users
from tests.servers.postgres import PostgresServer

pytestmark = pytest.mark.postgres

ATTACKS = (
    "UPDATE app_user SET role = 'admin' WHERE login = 'ug_zs'",
    "INSERT INTO app_user (login, name, email, role, active) "
    "VALUES ('ug_zs2', 'x', '', 'admin', true)",
    "DELETE FROM app_user WHERE login <> 'ug_zs'",
    "TRUNCATE app_user CASCADE",
    "SELECT supportdesk_set_user_role('ug_zs', 'admin')",
    "SELECT supportdesk_add_user('ug_zs3', 'admin', 'x', '')",
)


def _login(server: PostgresServer, db: Database, login: str, password: str) -> Database:
    assert db.url.database is not None
    return Database(server.url(db.url.database, user=login, password=password))


def _role(db: Database, login: str) -> str:
    with db.read() as s:
        return s.scalars(select(User.role).where(User.login == login)).one()


@pytest.fixture
def team(pg_server: PostgresServer, pg_url: str) -> Iterator[tuple[Database, Database, Database]]:
    """The superuser who set the database up, ug_boss (an admin team login), ug_zs (engineer)."""
    owner = Database(pg_url)
    with owner.write() as s:
        users.ensure_first_admin(s)
        users.add_user(s, "ug_boss", "admin", password="ug_boss-pw-1")
        users.add_user(s, "ug_zs", "engineer", password="zs-pw-1")
    ug_boss = _login(pg_server, owner, "ug_boss", "ug_boss-pw-1")
    ug_zs = _login(pg_server, owner, "ug_zs", "zs-pw-1")
    yield owner, ug_boss, ug_zs
    for db in (ug_zs, ug_boss, owner):
        db.dispose()


@pytest.mark.parametrize("statement", ATTACKS)
def test_a_team_login_cannot_change_users_by_sql(
    team: tuple[Database, Database, Database], statement: str
) -> None:
    owner, _ug_boss, ug_zs = team
    with owner.read() as s:
        before = [(u.login, u.role) for u in s.scalars(select(User).order_by(User.login))]
    denied = r"permission denied|only an administrator"
    with pytest.raises(DBAPIError, match=denied), ug_zs.write() as s:
        s.execute(text(statement))
    with owner.read() as s:
        assert [(u.login, u.role) for u in s.scalars(select(User).order_by(User.login))] == before
    assert _role(owner, "ug_zs") == "engineer"


def test_an_admin_team_login_still_manages_users(
    team: tuple[Database, Database, Database],
) -> None:
    owner, ug_boss, _ug_zs = team
    # ug_boss is a plain team login (no superuser, no table rights): set-role works through the
    # command line, and is audited under ug_boss's name.
    ug_boss_url = ug_boss.url.render_as_string(hide_password=False)
    assert cli.main(["--db", ug_boss_url, "user", "set-role", "ug_zs", "group_leader"]) == 0
    assert _role(owner, "ug_zs") == "group_leader"
    with owner.read() as s:
        last = s.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
    assert last is not None
    assert (last.actor, last.action, last.target) == ("ug_boss", "user.set_role", "user:ug_zs")
    # The last-administrator rule holds on the server too.
    with ug_boss.write() as s:
        users.set_role(s, "postgres", "committee")
    with pytest.raises(DBAPIError, match="last administrator"), ug_boss.write() as s:
        s.execute(text("SELECT supportdesk_set_user_role('ug_boss', 'engineer')"))
    # The superuser who owns the database, as an administrator, too.
    owner_url = owner.url.render_as_string(hide_password=False)
    assert cli.main(["--db", owner_url, "user", "set-role", "ug_zs", "engineer"]) == 1
    with owner.write() as s:  # a superuser may still write the table itself
        s.execute(text("UPDATE app_user SET role = 'admin' WHERE login = 'postgres'"))
    assert cli.main(["--db", owner_url, "user", "set-role", "ug_zs", "engineer"]) == 0
    assert _role(owner, "ug_zs") == "engineer"


def test_a_demoted_admin_loses_the_right(team: tuple[Database, Database, Database]) -> None:
    owner, ug_boss, _ug_zs = team
    with owner.write() as s:
        users.set_role(s, "ug_boss", "engineer")
    with pytest.raises(DBAPIError, match="only an administrator"), ug_boss.write() as s:
        s.execute(text("SELECT supportdesk_set_user_role('ug_boss', 'admin')"))
    assert _role(owner, "ug_boss") == "engineer"


def test_the_first_user_of_an_empty_team_database_becomes_admin(
    pg_server: PostgresServer, pg_url: str
) -> None:
    owner = Database(pg_url)
    with owner.write() as s:
        users.ensure_first_admin(s)
        users.add_user(s, "ug_first", "engineer", password="ugf-pw-1")
        s.execute(text("DELETE FROM app_user"))  # the owner empties it: nobody is admin yet
    first = _login(pg_server, owner, "ug_first", "ugf-pw-1")
    try:
        with first.write() as s:
            # Only themself, and only as administrator.
            with pytest.raises(DBAPIError, match="only an administrator"), s.begin_nested():
                s.execute(text("SELECT supportdesk_add_user('other', 'admin', 'o', '')"))
            row = users.ensure_first_admin(s)
        assert row is not None
        assert (row.login, row.role) == ("ug_first", "admin")
    finally:
        first.dispose()
        owner.dispose()


def test_negative_control_before_0003_the_team_could_write_app_user(
    pg_server: PostgresServer, pg_url: str
) -> None:
    """The same attack succeeds on a database at revision 0002: the test above can fail."""
    owner = Database(pg_url)
    with owner.write() as s:
        users.ensure_first_admin(s)
        users.add_user(s, "ug_zs", "engineer", password="zs-pw-1")
    command.downgrade(migrate.alembic_config(owner), "0002")
    ug_zs = _login(pg_server, owner, "ug_zs", "zs-pw-1")
    try:
        with ug_zs.write() as s:
            s.execute(text(ATTACKS[0]))
        assert _role(owner, "ug_zs") == "admin"
        command.upgrade(migrate.alembic_config(owner), "head")
        with owner.write() as s:  # back to engineer, through the guarded path
            users.set_role(s, "ug_zs", "engineer")
        with pytest.raises(DBAPIError, match="permission denied"), ug_zs.write() as s:
            s.execute(text(ATTACKS[0]))
        assert _role(owner, "ug_zs") == "engineer"
    finally:
        ug_zs.dispose()
        owner.dispose()
