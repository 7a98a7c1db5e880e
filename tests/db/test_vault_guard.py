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
from supportdesk.db.models import AuditEvent, Credential, VaultMember, VaultWrappedKey
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
    with leader.write() as s:  # the old one goes to the history
        form = CredentialForm(
            "生产库", "s3cret-第一", "database", host_id=host.id, id=row.id, version=row.version
        )
        vault.save_credential(s, opened, form)
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
        # Under their own name only, and nobody else's secret outside a rotation.
        "UPDATE credential SET updated_by = 'somebody-else'",
        "UPDATE credential SET secret = '\\x00'::bytea",  # the leader saved it
        "UPDATE credential_history SET secret = '\\x00'::bytea",
        "INSERT INTO credential_history (credential_id, secret, key_version, replaced_at, "
        "replaced_by) SELECT id, '\\x01'::bytea, 1, now(), :other FROM credential",
    ):
        _refused(guarded.member, statement, {"me": me, "other": other})
    assert _fingerprint(guarded.owner) == before
    # What the service does for them passes: a new credential, a new secret, a re-seal.
    with guarded.member.read() as s:
        opened = vault.unlock(s, MEMBER_PASS)
    with guarded.member.write() as s:
        vault.save_credential(s, opened, CredentialForm("门户", "portal-pw", kind="application"))
    with guarded.member.write() as s:
        row = vault.get_credential(s, guarded.credential_id)
        vault.save_credential(
            s, opened, CredentialForm("生产库", "s3cret-第二", id=row.id, version=row.version)
        )
    with guarded.member.write() as s:  # stronger than theirs: their own sealed key only
        assert vault.reseal_if_weak(s, me, MEMBER_PASS, vault_crypto.new_kdf_params(t=4))
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


def _recorded(db: Database, action: str, target: str) -> int:
    """An access appended and made a ticket in one transaction that commits: the app's way."""
    with db.write() as s:
        seq = audit.append(s, action, target, {})
        s.execute(text("SELECT supportdesk_vault_record_access(:seq)"), {"seq": seq})
    return seq


def _event_count(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEvent)) or 0)


FETCH = "SELECT * FROM supportdesk_credential_secret(:id, :seq)"
RECORD = "SELECT supportdesk_vault_record_access(:seq)"


def test_no_team_login_reads_a_ciphertext_without_a_committed_record(guarded: Vault) -> None:
    key, target = guarded.credential_id, f"credential:{guarded.credential_id}"
    for db in (guarded.leader, guarded.member, guarded.outsider, guarded.sales):
        for statement in ("SELECT secret FROM credential", "SELECT * FROM credential_history"):
            _refused(db, statement)
    # A non-member can neither record an access nor fetch with anyone's ticket.
    with pytest.raises(DBAPIError, match="may record"), guarded.outsider.write() as s:
        s.execute(text(RECORD), {"seq": audit.append(s, "credential.reveal", target, {})})
    members = _recorded(guarded.member, "credential.reveal", target)
    for db in (guarded.outsider, guarded.sales):
        with pytest.raises(DBAPIError, match="not a member"), db.write() as s:
            s.execute(text(FETCH), {"id": key, "seq": members})
    # The attack a review reproduced: record, fetch, roll back. The fetch is refused now.
    before = _event_count(guarded.owner)
    with pytest.raises(DBAPIError, match="not recorded"), guarded.member.write() as s:
        seq = audit.append(s, "credential.reveal", target, {})
        s.execute(text(RECORD), {"seq": seq})
        s.execute(text(FETCH), {"id": key, "seq": seq})
    assert _event_count(guarded.owner) == before
    # A committed ticket opens that credential for that login only, for a while.
    with guarded.member.write() as s:
        assert s.execute(text(FETCH), {"id": key, "seq": members}).one()[1]
    with pytest.raises(DBAPIError, match="not recorded"), guarded.member.write() as s:
        s.execute(text(FETCH), {"id": key + 1, "seq": members})
    with pytest.raises(DBAPIError, match="not recorded"), guarded.leader.write() as s:
        s.execute(text(FETCH), {"id": key, "seq": members})
    with guarded.owner.write() as s:
        s.execute(text("UPDATE vault_access SET at = now() - interval '11 minutes'"))
    with pytest.raises(DBAPIError, match="not recorded"), guarded.member.write() as s:
        s.execute(text(FETCH), {"id": key, "seq": members})
    # Only an access becomes a ticket, and only in the transaction that appended it.
    for action in ("credential.rotation_due", "credential.update"):
        with pytest.raises(DBAPIError, match="may record"), guarded.member.write() as s:
            s.execute(text(RECORD), {"seq": audit.append(s, action, target, {})})
    with guarded.member.write() as s:
        old = audit.append(s, "credential.reveal", target, {})
    with pytest.raises(DBAPIError, match="may record"), guarded.member.write() as s:
        s.execute(text(RECORD), {"seq": old})
    # The service records (committed on its own), then fetches: one event, the secret.
    before_seq = _last_seq(guarded.owner)
    with guarded.member.write() as s:
        opened = vault.unlock(s, MEMBER_PASS)
        assert vault.reveal(s, opened, "生产库", "检查").secret == "s3cret-第一"
        s.rollback()  # even undone, the caller's transaction cannot take the record along
    with guarded.owner.read() as s:
        events = s.execute(
            select(AuditEvent.actor, AuditEvent.action).where(AuditEvent.seq > before_seq)
        ).all()
    assert events == [(guarded.logins["member"], "credential.reveal")]


def _last_seq(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.max(AuditEvent.seq))) or 0)


def test_the_rotation_read_needs_a_committed_record_and_a_rotation_under_way(
    guarded: Vault,
) -> None:
    rotation = "SELECT * FROM supportdesk_vault_rotation_secrets(:seq)"
    with pytest.raises(DBAPIError, match="may record"), guarded.member.write() as s:
        seq = audit.append(s, "vault.rotation_read", "vault_key:1", {})  # not a group leader
        s.execute(text(RECORD), {"seq": seq})
    ticket = _recorded(guarded.leader, "vault.rotation_read", "vault_key:1")
    # A pretext: the record committed, but no new team key is being written here.
    with pytest.raises(DBAPIError, match="not rotating"), guarded.leader.write() as s:
        s.execute(text(rotation), {"seq": ticket})
    with pytest.raises(DBAPIError, match="not rotating"), guarded.member.write() as s:
        s.execute(text(rotation), {"seq": ticket})


def test_an_audit_event_must_move_the_chain_head_by_commit(guarded: Vault) -> None:
    """Else it would block every later append, and every read of the vault needs one."""
    junk = (
        "INSERT INTO audit_event (seq, at, actor, action, target, payload, prev_hash, hash) "
        "SELECT h.seq + 1, 'x', session_user, 'x', 'x', '{}', h.hash, 'junk' "
        "FROM audit_head h WHERE h.id = 1"
    )
    moved = "without moving the chain head"
    with pytest.raises(DBAPIError, match=moved), guarded.sales.write() as s:
        s.execute(text(junk))
    with guarded.member.write() as s:  # the chain goes on
        opened = vault.unlock(s, MEMBER_PASS)
        assert vault.reveal(s, opened, "生产库").secret == "s3cret-第一"


def test_deleting_a_host_clears_its_credential_link_for_a_registry_editor(
    guarded: Vault,
) -> None:
    """The outsider edits the registry but is no vault member: ON DELETE SET NULL passes."""
    with guarded.outsider.write() as s:
        registry.delete_host(s, guarded.host_id)
    with guarded.owner.read() as s:
        link = select(Credential.system_id, Credential.host_id)
        system_id, host_id = s.execute(link.where(Credential.id == guarded.credential_id)).one()
    assert (system_id is not None, host_id) == (True, None)  # the host only
    # But that is all the exemption covers: not together with another change, and not while
    # the system is still there.
    _refused(guarded.outsider, "UPDATE credential SET system_id = NULL, notes = 'x'")
    _refused(guarded.sales, "UPDATE credential SET system_id = NULL")


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


def test_an_earlier_secret_too_is_served_only_against_its_own_committed_record(
    guarded: Vault,
) -> None:
    with guarded.member.read() as s:
        (entry,) = vault.history(s, "生产库")
    fetch = "SELECT * FROM supportdesk_history_secret(:id, :seq)"
    current = _recorded(guarded.member, "credential.reveal", f"credential:{guarded.credential_id}")
    with pytest.raises(DBAPIError, match="not recorded"), guarded.member.write() as s:
        s.execute(text(fetch), {"id": entry.id, "seq": current})  # the current secret's record
    earlier = _recorded(guarded.member, "credential.reveal", f"credential_history:{entry.id}")
    with pytest.raises(DBAPIError, match="not a member"), guarded.outsider.write() as s:
        s.execute(text(fetch), {"id": entry.id, "seq": earlier})
    with guarded.member.write() as s:
        assert s.execute(text(fetch), {"id": entry.id, "seq": earlier}).one()[1]
    with guarded.member.write() as s:
        opened = vault.unlock(s, MEMBER_PASS)
        assert vault.reveal_history(s, opened, "生产库", entry.id).secret == "s3cret-旧"


def test_a_login_reads_only_its_own_sealed_private_key(guarded: Vault) -> None:
    for db in (guarded.member, guarded.outsider, guarded.sales):
        _refused(db, "SELECT sealed_private_key FROM vault_member")
    with guarded.member.read() as s:
        mine = s.scalar(text("SELECT supportdesk_my_sealed_key()"))
        assert s.scalar(select(VaultMember.login).where(VaultMember.public_key.is_not(None)))
    with guarded.owner.read() as s:
        stored = s.scalar(
            select(VaultMember.sealed_private_key).where(
                VaultMember.login == guarded.logins["member"]
            )
        )
    assert mine == stored
    with guarded.outsider.read() as s:  # no member, nothing
        assert s.scalar(text("SELECT supportdesk_my_sealed_key()")) is None
