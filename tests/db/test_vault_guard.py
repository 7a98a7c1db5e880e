"""Migration 0006: on PostgreSQL the server guards the vault against team logins in psql.

Everyone here is a plain team login (no superuser, no owner): a group leader who set the vault
up, an engineer who is a member, an engineer who is not, and a salesperson.
"""

from __future__ import annotations

import importlib.util
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest
from alembic import command
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from supportdesk.crypto import vault_crypto
from supportdesk.db import audit, migrate
from supportdesk.db.engine import Database
from supportdesk.db.models import AuditEvent, Credential, VaultWrappedKey
from supportdesk.domain.errors import DatabaseError
from supportdesk.domain.registry import CustomerForm, HostForm, ProjectForm, SystemForm
from supportdesk.domain.roles import Permission, Role, allows
from supportdesk.domain.vault import CredentialForm
from supportdesk.services import database, registry, users, vault
from supportdesk.services.vault import UnlockedVault
from tests.servers.postgres import PostgresServer

pytestmark = pytest.mark.postgres

LEADER_PASS = "组长-passphrase-guard"
MEMBER_PASS = "member-passphrase-guard"


def _migration(name: str) -> ModuleType:
    path = Path(migrate.__file__).with_name("migrations") / "versions" / name
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Vault:
    owner: Database
    leader: Database
    member: Database
    outsider: Database  # an engineer who is no member
    sales: Database
    logins: dict[str, str]
    opened: UnlockedVault
    credential_id: int
    host_id: int

    def all(self) -> tuple[Database, ...]:
        return (self.owner, self.leader, self.member, self.outsider, self.sales)


def _login(server: PostgresServer, owner: Database, login: str) -> Database:
    assert owner.url.database is not None
    return Database(server.url(owner.url.database, user=login, password=f"{login}-pw"))


@pytest.fixture
def guarded(pg_server: PostgresServer, pg_url: str) -> Iterator[Vault]:
    owner = Database(pg_url)
    tag = uuid.uuid4().hex[:6]  # logins are cluster-wide
    logins = {k: f"vg_{k}_{tag}" for k in ("leader", "member", "outsider", "sales")}
    roles = {"leader": "group_leader", "member": "engineer", "outsider": "engineer"}
    with owner.write() as s:
        users.ensure_first_admin(s)
        for key, login in logins.items():
            users.add_user(s, login, roles.get(key, "salesperson"), password=f"{login}-pw")
        customer = registry.save_customer(s, CustomerForm("守卫客户"))
        project = registry.save_project(s, ProjectForm(customer.id, "守卫项目"))
        system = registry.save_system(s, SystemForm(project.id, "守卫系统"))
        host = registry.save_host(s, HostForm(system.id, "app01", "10.0.0.1"))
    leader, member, outsider, sales = (_login(pg_server, owner, logins[k]) for k in logins)
    with leader.write() as s:
        opened = vault.init_vault(s, LEADER_PASS, vault_crypto.new_kdf_params())
    with leader.write() as s:
        vault.add_member(s, opened, logins["member"], MEMBER_PASS, vault_crypto.new_kdf_params())
        row = vault.save_credential(
            s, opened, CredentialForm("生产库", "s3cret-旧", kind="database", host_id=host.id)
        )
        form = CredentialForm("生产库", "s3cret-第一", id=row.id, version=row.version)
        vault.save_credential(s, opened, form)  # the old one goes to the history
    made = Vault(owner, leader, member, outsider, sales, logins, opened, row.id, host.id)
    yield made
    for db in made.all():
        db.dispose()


def _fingerprint(db: Database) -> tuple[object, ...]:
    """Everything of the vault a write could change, read as the owner."""
    with db.read() as s:
        return tuple(
            tuple(s.execute(text(f"SELECT * FROM {t} ORDER BY 1")).all())
            for t in (
                "vault_key",
                "vault_member",
                "vault_wrapped_key",
                "credential",
                "credential_history",
            )
        )


def _refused(db: Database, statement: str, params: dict[str, object] | None = None) -> None:
    refusal = r"refused|permission denied|newest team key"
    with pytest.raises(DBAPIError, match=refusal), db.write() as s:
        s.execute(text(statement), params or {})


# What a team login could try in psql. :me is the login trying it, :other someone else's row.
VANDALISM = (
    "DELETE FROM vault_wrapped_key",
    "DELETE FROM vault_member",
    "DELETE FROM credential",
    "DELETE FROM credential_history",
    "TRUNCATE vault_wrapped_key CASCADE",
    "UPDATE credential SET notes = 'x', rotation_due = false",
    "UPDATE credential SET secret = '\\x00'::bytea",
    "UPDATE vault_member SET public_key = '\\x00'::bytea",
    "UPDATE vault_wrapped_key SET wrapped = '\\x00'::bytea",
    "INSERT INTO vault_key (version, created_at, created_by) VALUES (2, now(), :me)",
    "INSERT INTO vault_member (login, public_key, sealed_private_key, kdf, added_at, added_by) "
    "VALUES (:me, '\\x00'::bytea, '\\x00'::bytea, '{}', now(), :me)",
    "INSERT INTO credential (name, kind, username, url, notes, tags, secret, key_version, "
    "rotation_due, version, updated_by, updated_at) "
    "VALUES ('mine', 'other', '', '', '', '', '\\x00'::bytea, 1, false, 1, :me, now())",
)


@pytest.mark.parametrize("who", ["outsider", "sales"])
def test_a_login_outside_the_vault_changes_nothing_in_it(guarded: Vault, who: str) -> None:
    db = getattr(guarded, who)
    before = _fingerprint(guarded.owner)
    for statement in VANDALISM:
        _refused(db, statement, {"me": guarded.logins[who]})
    assert _fingerprint(guarded.owner) == before
    with guarded.member.write() as s:  # and the vault still works for its members
        opened = vault.unlock(s, MEMBER_PASS)
        assert vault.reveal(s, opened, "生产库").secret == "s3cret-第一"


def test_a_member_writes_credentials_but_not_the_membership(guarded: Vault) -> None:
    me, other = guarded.logins["member"], guarded.logins["leader"]
    before = _fingerprint(guarded.owner)
    for statement in (
        "DELETE FROM vault_wrapped_key",  # only the group leader removes members
        "DELETE FROM credential",
        "DELETE FROM vault_member WHERE login = :other",
        "UPDATE vault_member SET public_key = '\\x00'::bytea WHERE login = :me",
        "UPDATE vault_member SET sealed_private_key = '\\x00'::bytea WHERE login = :other",
        "UPDATE vault_wrapped_key SET wrapped = '\\x00'::bytea",
        "INSERT INTO vault_key (version, created_at, created_by) VALUES (2, now(), :me)",
        "INSERT INTO vault_wrapped_key (member_id, key_version, wrapped) "
        "SELECT id, 1, '\\x00'::bytea FROM vault_member WHERE login = :other",
    ):
        _refused(guarded.member, statement, {"me": me, "other": other})
    assert _fingerprint(guarded.owner) == before
    # What the service does for them passes: a new credential, a new secret, a re-seal.
    with guarded.member.write() as s:
        opened = vault.unlock(s, MEMBER_PASS)
        vault.save_credential(s, opened, CredentialForm("门户", "portal-pw", kind="application"))
        row = vault.get_credential(s, guarded.credential_id)
        vault.save_credential(
            s, opened, CredentialForm("生产库", "s3cret-第二", id=row.id, version=row.version)
        )
        assert vault.reseal_if_weak(
            s, me, MEMBER_PASS, vault_crypto.new_kdf_params(t=4)
        )  # stronger than theirs: their own row, sealed key and parameters only
    with guarded.member.write() as s:
        opened = vault.unlock(s, MEMBER_PASS)
        assert vault.reveal(s, opened, "生产库").secret == "s3cret-第二"


def test_a_secret_is_written_under_the_newest_team_key_only(guarded: Vault) -> None:
    """After a rotation, a member's SQL cannot put a secret back under the key the removed
    member holds, nor leave a new one under it."""
    leaver = guarded.logins["outsider"]
    with guarded.leader.write() as s:
        vault.add_member(s, guarded.opened, leaver, MEMBER_PASS, vault_crypto.new_kdf_params())
    with guarded.leader.write() as s:
        vault.remove_member(s, guarded.opened, leaver)
    with guarded.owner.read() as s:
        assert set(s.scalars(select(Credential.key_version))) == {2}
    for statement in (
        "UPDATE credential SET key_version = 1",
        "UPDATE credential SET secret = secret || '\\x00'::bytea, key_version = 1",
        "INSERT INTO credential (name, kind, username, url, notes, tags, secret, key_version, "
        "rotation_due, version, updated_by, updated_at) "
        "VALUES ('old-key', 'other', '', '', '', '', '\\x00'::bytea, 1, false, 1, :me, now())",
    ):
        _refused(guarded.member, statement, {"me": guarded.logins["member"]})


def test_no_team_login_reads_a_ciphertext_unless_the_access_is_audited(guarded: Vault) -> None:
    key = guarded.credential_id
    for db in (guarded.leader, guarded.member, guarded.outsider, guarded.sales):
        for statement in ("SELECT secret FROM credential", "SELECT * FROM credential_history"):
            _refused(db, statement)
    fetch = "SELECT * FROM supportdesk_credential_secret(:id)"
    # Not a member: never, audited or not.
    with pytest.raises(DBAPIError, match="not a member"), guarded.outsider.write() as s:
        audit.append(s, "credential.reveal", f"credential:{key}", {})
        s.execute(text(fetch), {"id": key})
    with pytest.raises(DBAPIError, match="not a member"), guarded.sales.write() as s:
        s.execute(text(fetch), {"id": key})
    # A member: not without the event, not with an event on another credential, not with one
    # committed in an earlier transaction, not with one of another kind.
    with pytest.raises(DBAPIError, match="not in the audit chain"), guarded.member.write() as s:
        s.execute(text(fetch), {"id": key})
    with guarded.member.write() as s:
        audit.append(s, "credential.reveal", f"credential:{key}", {"credential": "生产库"})
    for action, target in (
        ("credential.reveal", f"credential:{key + 1}"),
        ("credential.rotation_due", f"credential:{key}"),
        (None, None),
    ):
        with pytest.raises(DBAPIError, match="not in the audit chain"), guarded.member.write() as s:
            if action is not None:
                audit.append(s, action, str(target), {})
            s.execute(text(fetch), {"id": key})
    # The service's reveal records first, then fetches: one event, the secret.
    with guarded.owner.read() as s:
        before = s.scalar(select(func.count()).select_from(AuditEvent))
    with guarded.member.write() as s:
        opened = vault.unlock(s, MEMBER_PASS)
        assert vault.reveal(s, opened, "生产库", "检查").secret == "s3cret-第一"
    with guarded.owner.read() as s:
        events = s.execute(
            select(AuditEvent.actor, AuditEvent.action).where(AuditEvent.seq > before)
        ).all()
    assert events == [(guarded.logins["member"], "credential.reveal")]


def test_the_rotation_secrets_need_the_rotation_in_the_audit_chain(guarded: Vault) -> None:
    rotation = "SELECT * FROM supportdesk_vault_rotation_secrets(:v)"
    with pytest.raises(DBAPIError, match="may not rotate"), guarded.member.write() as s:
        audit.append(s, "vault.key_rotate", "vault_key:1", {})
        s.execute(text(rotation), {"v": 1})
    with pytest.raises(DBAPIError, match="not in the audit chain"), guarded.leader.write() as s:
        s.execute(text(rotation), {"v": 1})
    with pytest.raises(DBAPIError, match="not in the audit chain"), guarded.leader.write() as s:
        audit.append(s, "vault.key_rotate", "vault_key:7", {})  # not the newest key
        s.execute(text(rotation), {"v": 7})


def test_deleting_a_host_clears_its_credential_link_for_a_registry_editor(
    guarded: Vault,
) -> None:
    """The outsider edits the registry but is no vault member: ON DELETE SET NULL passes."""
    with guarded.outsider.write() as s:
        registry.delete_host(s, guarded.host_id)
    with guarded.owner.read() as s:
        assert (
            s.scalar(select(Credential.host_id).where(Credential.id == guarded.credential_id))
            is None
        )
    # But that is all the exemption covers: clearing the link by hand together with a note.
    _refused(guarded.outsider, "UPDATE credential SET system_id = NULL, notes = 'x'")


def test_the_guards_roles_are_the_domains() -> None:
    module = _migration("0006_vault_guard.py")
    assert set(module.VAULT_USE_ROLES) == {r.value for r in Role if allows(r, Permission.VAULT_USE)}
    assert set(module.VAULT_ADMIN_ROLES) == {
        r.value for r in Role if allows(r, Permission.VAULT_ADMIN)
    }


def test_negative_control_at_0005_a_non_member_could_wreck_the_vault(guarded: Vault) -> None:
    """The same statement succeeds at revision 0005: the tests above can fail."""
    for db in guarded.all()[1:]:
        db.dispose()
    command.downgrade(migrate.alembic_config(guarded.owner), "0005")
    with guarded.outsider.write() as s:
        s.execute(text("DELETE FROM vault_wrapped_key"))
    with guarded.owner.read() as s:
        assert s.scalar(select(func.count()).select_from(VaultWrappedKey)) == 0
    command.upgrade(migrate.alembic_config(guarded.owner), "head")
    _refused(guarded.outsider, "DELETE FROM vault_member")


def test_a_team_login_is_told_that_backups_are_the_owners_job(
    guarded: Vault, tmp_path: Path
) -> None:
    """pg_dump needs every table; a team login reads no ciphertext, so it is told why."""
    dest = tmp_path / "team.dump"
    with pytest.raises(DatabaseError) as caught:
        database.backup(guarded.leader, dest)
    assert (caught.value.code, caught.value.params["login"]) == (
        "backup_needs_owner",
        guarded.logins["leader"],
    )
    assert list(tmp_path.iterdir()) == []  # no half-written dump left behind
    assert database.backup(guarded.owner, dest) == dest


def test_an_earlier_secret_too_is_served_only_after_its_access_is_audited(
    guarded: Vault,
) -> None:
    with guarded.member.read() as s:
        (entry,) = vault.history(s, "生产库")
    fetch = "SELECT * FROM supportdesk_history_secret(:id)"
    with pytest.raises(DBAPIError, match="not in the audit chain"), guarded.member.write() as s:
        audit.append(s, "credential.reveal", f"credential:{guarded.credential_id}", {})
        s.execute(text(fetch), {"id": entry.id})  # the current secret's event does not count
    with pytest.raises(DBAPIError, match="not a member"), guarded.outsider.write() as s:
        audit.append(s, "credential.reveal", f"credential_history:{entry.id}", {})
        s.execute(text(fetch), {"id": entry.id})
    with guarded.member.write() as s:
        opened = vault.unlock(s, MEMBER_PASS)
        assert vault.reveal_history(s, opened, "生产库", entry.id).secret == "s3cret-旧"
