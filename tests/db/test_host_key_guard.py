"""Migration 0007: on PostgreSQL an engineer in psql cannot swap or drop a host's accepted key
(a machine in the middle would then pass the host key check)."""

from __future__ import annotations

import base64
import importlib.util
import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from supportdesk.db import migrate
from supportdesk.db.engine import Database
from supportdesk.domain.registry import CustomerForm, HostForm, ProjectForm, SystemForm
from supportdesk.domain.remote import HostKey
from supportdesk.domain.roles import Permission, Role, allows
from supportdesk.services import host_key, registry, users
from tests.servers.postgres import PostgresServer

pytestmark = pytest.mark.postgres


def _login(server: PostgresServer, owner: Database, login: str) -> Database:
    assert owner.url.database is not None
    return Database(server.url(owner.url.database, user=login, password=f"{login}-pw"))


def test_an_engineer_cannot_change_or_drop_an_accepted_key(
    pg_server: PostgresServer, pg_url: str
) -> None:
    owner = Database(pg_url)
    eng = f"hk_eng_{uuid.uuid4().hex[:6]}"
    key = HostKey("ssh-ed25519", base64.b64encode(os.urandom(51)).decode())
    with owner.write() as s:
        users.ensure_first_admin(s)
        users.add_user(s, eng, "engineer", password=f"{eng}-pw")
        customer = registry.save_customer(s, CustomerForm("客户"))
        project = registry.save_project(s, ProjectForm(customer.id, "项目"))
        system = registry.save_system(s, SystemForm(project.id, "系统"))
        host = registry.save_host(s, HostForm(system.id, "app01", "10.1.1.1")).id
    engineer = _login(pg_server, owner, eng)
    try:
        with engineer.write() as s:
            host_key.accept_first(s, host, key)
        for statement in (
            "UPDATE host_key SET key_base64 = 'AAAA', fingerprint = 'x'",
            "UPDATE host_key SET accepted_by = :me",
            "DELETE FROM host_key",
            "INSERT INTO host_key VALUES (:host + 1000, 't', 'AAAA', 'x', 'someone', now())",
        ):
            with pytest.raises(DBAPIError, match="refused"), engineer.write() as s:
                s.execute(text(statement), {"me": eng, "host": host})
        with owner.read() as s:
            assert host_key.known_key(s, host) == key
        # Deleting the host (a registry edit) takes its key along.
        with engineer.write() as s:
            registry.delete_host(s, host)
        with owner.read() as s:
            assert host_key.known_key(s, host) is None
    finally:
        engineer.dispose()
        owner.dispose()


def test_the_guards_roles_are_the_domains() -> None:
    path = Path(migrate.__file__).with_name("migrations") / "versions" / "0007_host_key.py"
    spec = importlib.util.spec_from_file_location("m0007", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert set(module.INSPECT_ROLES) == {r.value for r in Role if allows(r, Permission.INSPECT)}
    assert set(module.REPLACE_ROLES) == {
        r.value for r in Role if allows(r, Permission.HOST_KEY_REPLACE)
    }
