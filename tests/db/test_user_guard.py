"""Migration 0003: a team login cannot make itself administrator by SQL; admins still can."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from alembic import command
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from supportdesk import cli
from supportdesk.db import migrate
from supportdesk.db.engine import Database
from supportdesk.db.models import AuditEvent, User
from supportdesk.domain.registry import CustomerForm, UserRow
from supportdesk.services import database, registry, users
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
    with db.read() as s:  # text = text: a planted varchar = text operator cannot answer this
        return str(
            s.scalars(text("SELECT role FROM app_user WHERE login::text = :l"), {"l": login}).one()
        )


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


# An operator that is an exact match for `varchar = text` and always true: where a login may
# create objects in schema public (the default up to PostgreSQL 14), it would win over the
# built-in comparison inside any guard that resolved names through public.
OPERATOR_SQL = (
    "CREATE FUNCTION public.always(varchar, text) RETURNS boolean "
    "LANGUAGE sql IMMUTABLE AS 'SELECT true'",
    "CREATE OPERATOR public.= (LEFTARG = varchar, RIGHTARG = text, FUNCTION = public.always)",
)


def _plant_operator(owner: Database, attacker: Database) -> None:
    with owner.write() as s:  # as if the server still had PostgreSQL 14's defaults
        s.execute(text("GRANT CREATE ON SCHEMA public TO PUBLIC"))
    with attacker.write() as s:
        for statement in OPERATOR_SQL:
            s.execute(text(statement))
    with attacker.read() as s:  # the operator is live in the attacker's own session
        assert s.scalar(text("SELECT 'a'::varchar = 'b'::text")) is True


def _forge_event(db: Database, actor: str) -> None:
    with db.write() as s:
        seq, prev = s.execute(text("SELECT seq, hash FROM audit_head WHERE id = 1")).one()
        s.execute(
            text(
                "INSERT INTO audit_event (seq, at, actor, action, target, payload, prev_hash, "
                "hash) VALUES (:seq, '2026-12-01T00:00:00+00:00', :actor, 'handover.sign', "
                "'project:1', '{}', :prev, :hash)"
            ),
            {"seq": seq + 1, "actor": actor, "prev": prev, "hash": "f" * 64},
        )


def test_a_planted_operator_neither_makes_admins_nor_forges_the_actor(
    team: tuple[Database, Database, Database],
) -> None:
    owner, _ug_boss, ug_zs = team
    _plant_operator(owner, ug_zs)
    with pytest.raises(DBAPIError, match="only an administrator"), ug_zs.write() as s:
        s.execute(text("SELECT supportdesk_set_user_role('ug_zs', 'admin')"))
    with pytest.raises(DBAPIError, match="only an administrator"), ug_zs.write() as s:
        s.execute(text("SELECT supportdesk_add_user('ug_zs9', 'admin', 'x', '')"))
    with pytest.raises(DBAPIError, match="is not the signed-in login"):
        _forge_event(ug_zs, "ug_boss")
    assert _role(owner, "ug_zs") == "engineer"
    assert database.verify_audit(owner).ok


def test_set_role_does_not_make_an_event_anonymous(
    team: tuple[Database, Database, Database],
) -> None:
    owner, _ug_boss, ug_zs = team
    with pytest.raises(DBAPIError, match="is not the signed-in login"), ug_zs.write() as s:
        s.execute(text("SET LOCAL ROLE supportdesk_team"))
        seq, prev = s.execute(text("SELECT seq, hash FROM audit_head WHERE id = 1")).one()
        s.execute(
            text(
                "INSERT INTO audit_event (seq, at, actor, action, target, payload, prev_hash, "
                "hash) VALUES (:seq, '2026-12-01T00:00:00+00:00', 'supportdesk_team', "
                "'handover.sign', 'project:1', '{}', :prev, :hash)"
            ),
            {"seq": seq + 1, "prev": prev, "hash": "f" * 64},
        )
    # Through the application, under a switched role, the event names the person.
    with ug_zs.write() as s:
        s.execute(text("SET LOCAL ROLE supportdesk_team"))
        registry.save_customer(s, CustomerForm("角色切换测试"))
    with owner.read() as s:
        last = s.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
    assert last is not None
    assert last.actor == "ug_zs"


def test_negative_control_at_0003_the_planted_operator_made_an_admin(
    team: tuple[Database, Database, Database],
) -> None:
    """The same attack succeeds on a database at revision 0003: the test above can fail."""
    owner, _ug_boss, ug_zs = team
    command.downgrade(migrate.alembic_config(owner), "0003")
    _plant_operator(owner, ug_zs)
    with ug_zs.write() as s:
        s.execute(text("SELECT supportdesk_set_user_role('ug_zs', 'admin')"))
    assert _role(owner, "ug_zs") == "admin"


def test_two_people_opening_an_empty_team_database_at_once(
    pg_server: PostgresServer, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    owner = Database(pg_url)
    with owner.write() as s:
        users.ensure_first_admin(s)
        users.add_user(s, "ug_a", "engineer", password="uga-pw-1")
        users.add_user(s, "ug_b", "engineer", password="ugb-pw-1")
        s.execute(text("DELETE FROM app_user"))  # nobody is administrator yet
    both = [
        _login(pg_server, owner, "ug_a", "uga-pw-1"),
        _login(pg_server, owner, "ug_b", "ugb-pw-1"),
    ]
    # Both have counted no user before either inserts: the race the server must settle.
    counted = threading.Barrier(2, timeout=10)
    insert_user = users.insert_user

    def after_both_counted(*args: Any) -> Any:
        counted.wait()
        return insert_user(*args)

    monkeypatch.setattr(users, "insert_user", after_both_counted)
    results: list[object] = []

    def open_it(db: Database) -> None:
        try:
            with db.write() as s:
                results.append(users.ensure_first_admin(s))
        except Exception as error:  # noqa: BLE001 - the test thread reports it
            results.append(error)

    threads = [threading.Thread(target=open_it, args=(db,)) for db in both]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    try:
        assert not [r for r in results if isinstance(r, Exception)], results
        winners = [r for r in results if isinstance(r, UserRow)]
        assert len(winners) == 1
        assert results.count(None) == 1
        with owner.read() as s:
            admins = s.execute(text("SELECT login FROM app_user WHERE role = 'admin'")).all()
        assert [a.login for a in admins] == [winners[0].login]
        assert database.verify_audit(owner).ok
    finally:
        for db in (*both, owner):
            db.dispose()
