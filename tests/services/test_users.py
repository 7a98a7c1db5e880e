"""Users and roles: permissions in the services, real PostgreSQL logins as audit actors."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from supportdesk.db.engine import Database
from supportdesk.db.models import AuditEvent
from supportdesk.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from supportdesk.domain.registry import CustomerForm
from supportdesk.services import registry, users
from tests.servers.postgres import PostgresServer


def test_first_user_of_a_fresh_profile_is_the_administrator(sqlite_db: Database) -> None:
    with sqlite_db.read() as s:
        me = users.current_user(s)
        first = s.scalars(select(AuditEvent).order_by(AuditEvent.seq)).first()
    assert me is not None
    assert (me.login, me.role) == ("tester", "admin")
    assert first is not None
    assert first.action == "user.bootstrap_admin"


def test_roles_are_enforced_by_the_services(sqlite_db: Database, tmp_path: object) -> None:
    with sqlite_db.write() as s:
        users.add_user(s, "zhangsan", "engineer", "张三")
        users.add_user(s, "lisi", "salesperson", "李四")
    as_engineer = Database(sqlite_db.url, actor="zhangsan")
    as_sales = Database(sqlite_db.url, actor="lisi")
    with pytest.raises(PermissionDeniedError), as_engineer.write() as s:
        users.add_user(s, "wangwu", "engineer")
    with pytest.raises(PermissionDeniedError), as_engineer.write() as s:
        users.set_role(s, "zhangsan", "admin")
    with pytest.raises(PermissionDeniedError), as_sales.write() as s:
        registry.save_customer(s, CustomerForm("客户"))
    with as_engineer.write() as s:  # engineers do keep the registry
        registry.save_customer(s, CustomerForm("客户"))
    as_engineer.dispose()
    as_sales.dispose()


def test_bad_role_and_login_name_the_field(sqlite_db: Database) -> None:
    for login, role, field in (("ok", "boss", "role"), ("Bad Login", "engineer", "login")):
        with pytest.raises(ValidationError) as caught, sqlite_db.write() as s:
            users.add_user(s, login, role)
        assert caught.value.field == field


def test_the_last_administrator_keeps_the_role(sqlite_db: Database) -> None:
    with pytest.raises(ValidationError) as caught, sqlite_db.write() as s:
        users.set_role(s, "tester", "engineer")
    assert caught.value.code == "last_admin"
    with sqlite_db.write() as s:
        users.add_user(s, "boss", "admin")
        assert users.set_role(s, "tester", "engineer").role == "engineer"


@pytest.mark.postgres
def test_team_login_is_the_audit_actor_whatever_the_client_claims(
    pg_server: PostgresServer, pg_url: str
) -> None:
    admin = Database(pg_url)
    with admin.write() as s:
        users.ensure_first_admin(s)
        users.add_user(s, "zhangsan", "engineer", "张三", password="zs-secret-1")
    dbname = admin.url.database
    assert dbname is not None
    # The client claims to be the administrator; the server knows better.
    member = Database(
        pg_server.url(dbname, user="zhangsan", password="zs-secret-1"), actor="postgres"
    )
    with member.write() as s:
        registry.save_customer(s, CustomerForm("华东电力"))
    with admin.read() as s:
        last = s.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
        payloads = " ".join(s.scalars(select(AuditEvent.payload)))
    assert last is not None
    assert (last.action, last.actor) == ("customer.add", "zhangsan")
    assert "zs-secret-1" not in payloads
    # Team logins cannot rewrite history.
    with pytest.raises(Exception, match="permission denied"), member.write() as s:
        s.execute(text("UPDATE audit_event SET actor = 'someone' WHERE seq = 1"))
    member.dispose()
    admin.dispose()


@pytest.mark.postgres
def test_a_login_without_a_user_record_cannot_edit(pg_server: PostgresServer, pg_url: str) -> None:
    admin = Database(pg_url)
    with admin.write() as s:
        users.ensure_first_admin(s)
    pg_server.admin("CREATE ROLE intruder LOGIN PASSWORD 'x-pass' IN ROLE supportdesk_team")
    assert admin.url.database is not None
    intruder = Database(pg_server.url(admin.url.database, user="intruder", password="x-pass"))
    with pytest.raises(PermissionDeniedError), intruder.write() as s:
        registry.save_customer(s, CustomerForm("客户"))
    intruder.dispose()
    admin.dispose()
    pg_server.admin("DROP ROLE intruder")


@pytest.mark.postgres
def test_conflict_names_the_other_login(pg_server: PostgresServer, pg_url: str) -> None:
    admin = Database(pg_url)
    with admin.write() as s:
        users.ensure_first_admin(s)
        users.add_user(s, "wangwu", "engineer", password="ww-secret-1")
        c = registry.save_customer(s, CustomerForm("客户"))
    assert admin.url.database is not None
    other = Database(pg_server.url(admin.url.database, user="wangwu", password="ww-secret-1"))
    with other.write() as s:
        registry.save_customer(s, CustomerForm("客户", "新", id=c.id, version=c.version))
    with pytest.raises(ConflictError) as caught, admin.write() as s:
        registry.save_customer(s, CustomerForm("客户", "旧", id=c.id, version=c.version))
    assert caught.value.changed_by == "wangwu"
    other.dispose()
    admin.dispose()
