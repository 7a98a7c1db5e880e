"""Users and roles: permissions in the services, real PostgreSQL logins as audit actors."""

from __future__ import annotations

import io
import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import ProgrammingError

from supportdesk import bootstrap, cli
from supportdesk.config import Profile
from supportdesk.db.engine import Database
from supportdesk.db.models import AuditEvent, Customer
from supportdesk.domain.errors import DatabaseError, PermissionDeniedError, ValidationError
from supportdesk.domain.registry import CustomerForm
from supportdesk.services import registry, users
from tests.servers.postgres import PostgresServer


def _events(db: Database) -> list[AuditEvent]:
    with db.read() as s:
        return list(s.scalars(select(AuditEvent).order_by(AuditEvent.seq)))


@pytest.fixture
def log_file() -> Iterator[Path]:
    """The profile's rotating log, with every statement SQLAlchemy runs written into it."""
    handler = bootstrap.setup_logging(Profile.named())
    engine_log = logging.getLogger("sqlalchemy.engine")
    level = engine_log.level
    engine_log.setLevel(logging.INFO)
    yield Path(handler.baseFilename)
    engine_log.setLevel(level)
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "supportdesk", False)]:
        root.removeHandler(old)
        old.close()
    root.setLevel(logging.WARNING)


# --- solo profile -------------------------------------------------------------------------


def test_the_os_user_becomes_administrator_of_a_fresh_profile(isolated_home: Path) -> None:
    me = bootstrap.os_login()
    app = bootstrap.open_app()
    try:
        assert app.db.sqlite_path == isolated_home / "supportdesk.db"
        with app.db.read() as s:
            everyone = users.list_users(s)
            current = users.current_user(s)
        events = _events(app.db)
    finally:
        app.close()
    assert [(u.login, u.role, u.active) for u in everyone] == [(me, "admin", True)]
    assert current == everyone[0]
    assert [(e.action, e.actor, e.target) for e in events] == [
        ("user.bootstrap_admin", me, f"user:{me}")
    ]
    assert '"role":"admin"' in events[0].payload
    # Opening the profile again makes nobody else administrator and records nothing.
    again = bootstrap.open_app()
    try:
        with again.db.read() as s:
            assert len(users.list_users(s)) == 1
        assert len(_events(again.db)) == 1
    finally:
        again.close()


def test_roles_are_enforced_by_the_services(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        users.add_user(s, "zhangsan", "engineer", "张三")
        users.add_user(s, "lisi", "salesperson", "李四")
    as_engineer = Database(sqlite_db.url, actor="zhangsan")
    as_sales = Database(sqlite_db.url, actor="lisi")
    as_stranger = Database(sqlite_db.url, actor="stranger")  # no user record at all
    try:
        before = len(_events(sqlite_db))
        with pytest.raises(PermissionDeniedError) as caught, as_engineer.write() as s:
            users.add_user(s, "wangwu", "engineer")
        assert caught.value.params == {"actor": "zhangsan", "permission": "user.admin"}
        with pytest.raises(PermissionDeniedError), as_engineer.write() as s:
            users.set_role(s, "zhangsan", "admin")
        with pytest.raises(PermissionDeniedError) as caught, as_sales.write() as s:
            registry.save_customer(s, CustomerForm("客户"))
        assert caught.value.params == {"actor": "lisi", "permission": "registry.edit"}
        with pytest.raises(PermissionDeniedError), as_stranger.write() as s:
            registry.save_customer(s, CustomerForm("客户"))
        assert len(_events(sqlite_db)) == before
        with sqlite_db.read() as s:
            assert [u.login for u in users.list_users(s)] == ["lisi", "tester", "zhangsan"]
            assert users.current_user(s) is not None
            assert s.scalar(select(func.count()).select_from(Customer)) == 0
        with as_engineer.write() as s:  # engineers do keep the registry
            registry.save_customer(s, CustomerForm("客户"))
        assert _events(sqlite_db)[-1].actor == "zhangsan"
    finally:
        for db in (as_engineer, as_sales, as_stranger):
            db.dispose()


def test_add_and_set_role_are_audited(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        added = users.add_user(s, "zhangsan", "engineer", " 张三 ", "zhang@example.cn")
        changed = users.set_role(s, "zhangsan", "group_leader")
    assert (added.login, added.name, added.email, added.role) == (
        "zhangsan",
        "张三",
        "zhang@example.cn",
        "engineer",
    )
    assert changed.role == "group_leader"
    add, set_role = _events(sqlite_db)[-2:]
    assert (add.action, add.target, add.actor) == ("user.add", "user:zhangsan", "tester")
    assert '"name":"张三"' in add.payload
    assert (set_role.action, set_role.payload) == (
        "user.set_role",
        '{"from":"engineer","to":"group_leader"}',
    )


@pytest.mark.parametrize(
    ("login", "role", "email", "field", "code"),
    [
        ("ok", "boss", "", "role", "bad_choice"),
        ("ok", "", "", "role", "bad_choice"),
        ("Bad Login", "engineer", "", "login", "bad_login"),
        ("张三", "engineer", "", "login", "bad_login"),
        ("ok", "engineer", "not-an-email", "email", "bad_email"),
        ("tester", "engineer", "", "login", "duplicate"),
    ],
)
def test_bad_user_input_names_the_field_and_adds_nothing(
    sqlite_db: Database, login: str, role: str, email: str, field: str, code: str
) -> None:
    before = len(_events(sqlite_db))
    with pytest.raises(ValidationError) as caught, sqlite_db.write() as s:
        users.add_user(s, login, role, email=email)
    assert (caught.value.field, caught.value.code) == (field, code)
    with sqlite_db.read() as s:
        assert [u.login for u in users.list_users(s)] == ["tester"]
    assert len(_events(sqlite_db)) == before


def test_set_role_names_the_field(sqlite_db: Database) -> None:
    with pytest.raises(ValidationError) as caught, sqlite_db.write() as s:
        users.set_role(s, "ghost", "engineer")
    assert (caught.value.field, caught.value.code) == ("login", "unknown_user")
    with pytest.raises(ValidationError) as caught, sqlite_db.write() as s:
        users.set_role(s, "tester", "superuser")
    assert (caught.value.field, caught.value.code) == ("role", "bad_choice")
    assert "group_leader" in caught.value.params["choices"]


def test_the_last_administrator_keeps_the_role(sqlite_db: Database) -> None:
    with pytest.raises(ValidationError) as caught, sqlite_db.write() as s:
        users.set_role(s, "tester", "engineer")
    assert (caught.value.field, caught.value.code) == ("role", "last_admin")
    with sqlite_db.read() as s:
        assert users.list_users(s)[0].role == "admin"
    with sqlite_db.write() as s:
        users.add_user(s, "boss", "admin")
        assert users.set_role(s, "tester", "engineer").role == "engineer"
    # boss is now the only administrator: the same rule holds for them.
    as_boss = Database(sqlite_db.url, actor="boss")
    try:
        with pytest.raises(ValidationError) as caught, as_boss.write() as s:
            users.set_role(s, "boss", "committee")
        assert caught.value.code == "last_admin"
    finally:
        as_boss.dispose()


# --- PostgreSQL team: each person is their own login ---------------------------------------


def _connect(server: PostgresServer, admin: Database, login: str, password: str) -> Database:
    assert admin.url.database is not None
    return Database(server.url(admin.url.database, user=login, password=password), actor="admin")


@pytest.mark.postgres
def test_add_user_creates_a_team_login_that_is_the_audit_actor(
    pg_server: PostgresServer, pg_url: str
) -> None:
    admin = Database(pg_url)
    with admin.write() as s:
        users.ensure_first_admin(s)
        users.add_user(s, "admin", "admin", password="admin-secret-1")  # the name claimed below
        row = users.add_user(s, "zhangsan", "engineer", "张三", password="zs-secret-1")
    assert (row.login, row.role) == ("zhangsan", "engineer")
    with admin.read() as s:
        member = s.execute(
            text(
                "SELECT u.rolcanlogin, a.rolpassword FROM pg_auth_members m "
                "JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
                "JOIN pg_authid a ON a.oid = u.oid "
                "WHERE r.rolname = 'supportdesk_team' AND u.rolname = 'zhangsan'"
            )
        ).one()
    assert member[0] is True
    assert str(member[1]).startswith("SCRAM-SHA-256$")  # hashed by the client, never sent clear
    # The client claims to be "admin"; the server knows it is zhangsan.
    zhangsan = _connect(pg_server, admin, "zhangsan", "zs-secret-1")
    try:
        with zhangsan.write() as s:
            assert users.current_user(s) == row
            registry.save_customer(s, CustomerForm("华东电力"))
            with pytest.raises(PermissionDeniedError) as caught:
                users.add_user(s, "wangwu", "admin", password="ww-secret-1")
            assert caught.value.params["actor"] == "zhangsan"
        last = _events(admin)[-1]
        assert (last.action, last.actor) == ("customer.add", "zhangsan")
        with admin.read() as s:
            assert registry.list_customers(s)[0].updated_by == "zhangsan"
        # Team logins cannot rewrite history, whatever client they use.
        with pytest.raises(ProgrammingError, match="permission denied"), zhangsan.write() as s:
            s.execute(text("UPDATE audit_event SET actor = 'someone' WHERE seq = 1"))
    finally:
        zhangsan.dispose()
        admin.dispose()


@pytest.mark.postgres
def test_a_team_database_needs_a_password_for_a_new_login(pg_url: str) -> None:
    admin = Database(pg_url)
    try:
        with admin.write() as s:
            users.ensure_first_admin(s)
        with pytest.raises(ValidationError) as caught, admin.write() as s:
            users.add_user(s, "zhangsan", "engineer")
        assert (caught.value.field, caught.value.code) == ("password", "required")
    finally:
        admin.dispose()


@pytest.mark.postgres
def test_a_login_without_a_user_record_cannot_edit(pg_server: PostgresServer, pg_url: str) -> None:
    admin = Database(pg_url)
    with admin.write() as s:
        users.ensure_first_admin(s)
    pg_server.admin(
        "DROP ROLE IF EXISTS intruder; "
        "CREATE ROLE intruder LOGIN PASSWORD 'x-pass' IN ROLE supportdesk_team"
    )
    intruder = _connect(pg_server, admin, "intruder", "x-pass")
    try:
        with pytest.raises(PermissionDeniedError) as caught, intruder.write() as s:
            registry.save_customer(s, CustomerForm("客户"))
        assert caught.value.params == {"actor": "intruder", "permission": "registry.edit"}
        with admin.read() as s:
            assert registry.list_customers(s) == []
    finally:
        intruder.dispose()
        admin.dispose()
        pg_server.admin("DROP ROLE intruder")


SECRETS = ("zs-Secret-9f3!", "ww-Secret-77#", "boss-Secret-42")


@pytest.mark.postgres
def test_passwords_never_reach_the_audit_chain_or_the_log(
    pg_server: PostgresServer, pg_url: str, log_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = Database(pg_url)
    zs, ww, boss_pw = SECRETS
    with admin.write() as s:
        users.ensure_first_admin(s)
        users.add_user(s, "zhangsan", "engineer", password=zs)
        users.add_user(s, "boss", "admin", password=boss_pw)  # an admin without CREATEROLE
    # A failing CREATE ROLE: the error must not carry the password either.
    boss = _connect(pg_server, admin, "boss", boss_pw)
    try:
        with pytest.raises(DatabaseError) as caught, boss.write() as s:
            users.add_user(s, "wangwu", "engineer", password=ww)
        assert caught.value.code == "login_failed"
        assert ww not in str(caught.value)
        assert ww not in repr(caught.value.params)
    finally:
        boss.dispose()
    # The command line, reading the password from stdin, with a URL that holds one.
    monkeypatch.setattr(sys, "stdin", io.StringIO(ww + "\r\n"))
    args = ["--db", pg_url, "user", "add", "wangwu", "--role", "engineer", "--password-stdin"]
    assert cli.main(args) == 0
    wangwu = _connect(pg_server, admin, "wangwu", ww)  # the password arrived intact
    try:
        with wangwu.read() as s:
            assert users.current_user(s) is not None
    finally:
        wangwu.dispose()
    with admin.read() as s:
        chain = " ".join(
            " ".join((e.actor, e.action, e.target, e.payload))
            for e in s.scalars(select(AuditEvent))
        )
        verifiers = list(
            s.scalars(
                text(
                    "SELECT rolpassword FROM pg_authid WHERE rolname "
                    "IN ('zhangsan', 'wangwu', 'boss')"
                )
            )
        )
    admin.dispose()
    for handler in logging.getLogger().handlers:
        handler.flush()
    logged = log_file.read_text(encoding="utf-8")
    assert "CREATE ROLE" in logged  # the statements were logged, so the check means something
    for secret in (*SECRETS, "test-superuser-pw", *verifiers):
        assert secret not in chain
        assert secret not in logged


@pytest.mark.postgres
def test_adding_a_user_never_takes_over_another_login(
    pg_server: PostgresServer, pg_url: str
) -> None:
    admin = Database(pg_url)
    with admin.write() as s:
        users.ensure_first_admin(s)
    # The database owner, a DBA or another application's account: not SupportDesk's to reset.
    pg_server.admin("DROP ROLE IF EXISTS outsider; CREATE ROLE outsider LOGIN PASSWORD 'o-pass'")
    try:
        with pytest.raises(ValidationError) as caught, admin.write() as s:
            users.add_user(s, "outsider", "engineer", password="taken-over")
        assert (caught.value.field, caught.value.code) == ("login", "duplicate")
        outsider = _connect(pg_server, admin, "outsider", "o-pass")  # password unchanged
        try:
            with outsider.read() as s:
                assert s.scalar(text("SELECT current_user")) == "outsider"
        finally:
            outsider.dispose()
        with admin.read() as s:
            assert [u.login for u in users.list_users(s)] == ["postgres"]
    finally:
        admin.dispose()
        pg_server.admin("DROP ROLE outsider")
