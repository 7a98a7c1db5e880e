"""The credential vault (R3.1): envelope encryption, and an audit event for every access.

The team key never reaches the database in clear: each member holds it wrapped for their
X25519 key, whose private half is sealed under a key derived from their passphrase. An
UnlockedVault holds the team keys in memory only, for as long as the user keeps it open.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from supportdesk.crypto import vault_crypto as crypto
from supportdesk.db import audit
from supportdesk.db.models import (
    AuditEvent,
    Credential,
    CredentialHistory,
    Host,
    System,
    User,
    VaultKey,
    VaultMember,
    VaultWrappedKey,
)
from supportdesk.db.team import is_postgres
from supportdesk.domain.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    SecretDamaged,
    ValidationError,
)
from supportdesk.domain.roles import Permission, Role, allows
from supportdesk.domain.vault import (
    Access,
    CredentialForm,
    CredentialRow,
    HistoryRow,
    VaultStatus,
    check_credential,
    pack_secret,
    unpack_secret,
)
from supportdesk.services.registry import load_for_update
from supportdesk.services.users import require


@dataclass
class UnlockedVault:
    """The team keys of one member, by version; `lock()` forgets them."""

    login: str
    keys: dict[int, bytes] = field(repr=False)

    @property
    def current_version(self) -> int:
        return max(self.keys)

    def key(self, version: int) -> bytes:
        if version not in self.keys:  # written under a key this member never received
            raise SecretDamaged()
        return self.keys[version]

    def lock(self) -> None:
        self.keys.clear()


@dataclass(frozen=True, slots=True)
class Revealed:
    """A decrypted secret, or None when the stored one was damaged (already audited: the
    caller's transaction must commit that event before it reports the damage)."""

    secret: str | None = field(repr=False)
    passphrase: str | None = field(default=None, repr=False)  # an ssh-key's, if it has one

    @property
    def damaged(self) -> bool:
        return self.secret is None


def _record(credential_id: int) -> str:
    return f"credential:{credential_id}"


def _history_record(history_id: int) -> str:
    return f"credential_history:{history_id}"


def status(session: Session) -> VaultStatus:
    login = audit.current_actor(session)
    version = session.scalar(select(func.max(VaultKey.version)))
    return VaultStatus(
        initialised=version is not None,
        member=session.scalar(select(VaultMember.id).where(VaultMember.login == login)) is not None,
        members=session.scalar(select(func.count()).select_from(VaultMember)) or 0,
        key_version=version,
        credentials=session.scalar(select(func.count()).select_from(Credential)) or 0,
        rotation_due=session.scalar(
            select(func.count()).select_from(Credential).where(Credential.rotation_due)
        )
        or 0,
    )


def init_vault(session: Session, passphrase: str, kdf: crypto.KdfParams) -> UnlockedVault:
    """Create team key 1 and make the signed-in group leader (or admin) its first member."""
    login = require(session, Permission.VAULT_ADMIN).login
    if session.scalar(select(func.count()).select_from(VaultKey)):
        raise ValidationError("vault", "vault_exists")
    _check_passphrase(passphrase)
    now = datetime.now(UTC)
    team_key = crypto.new_team_key()
    session.add(VaultKey(version=1, created_at=now, created_by=login))
    member = _new_member(session, login, passphrase, kdf, login, now)
    session.flush()
    session.add(
        VaultWrappedKey(
            member_id=member.id,
            key_version=1,
            wrapped=crypto.wrap_team_key(team_key, member.public_key, login, 1),
        )
    )
    session.flush()
    audit.append(
        session,
        "vault.init",
        f"vault_member:{login}",
        {"key_version": 1, "fingerprint": crypto.fingerprint(member.public_key)},
    )
    return UnlockedVault(login, {1: team_key})


def _check_passphrase(passphrase: str) -> None:
    if len(passphrase) < 10:
        raise ValidationError("passphrase", "too_short", min=10)


def _new_member(
    session: Session,
    login: str,
    passphrase: str,
    kdf: crypto.KdfParams,
    added_by: str,
    now: datetime,
) -> VaultMember:
    if kdf.weaker_than(crypto.new_kdf_params()):
        raise ValidationError("kdf", "kdf_too_weak")
    keys = crypto.new_member_keys()
    kek = crypto.derive_key(passphrase, kdf)
    member = VaultMember(
        login=login,
        public_key=keys.public,
        sealed_private_key=crypto.seal_private_key(keys.private, kek, login),
        kdf=kdf.to_json(),
        added_at=now,
        added_by=added_by,
    )
    session.add(member)
    return member


def unlock(session: Session, passphrase: str) -> UnlockedVault:
    """The signed-in member's team keys, from their passphrase (WrongPassphrase if not)."""
    login, member = _signed_in_member(session)
    kek = crypto.derive_key(passphrase, crypto.KdfParams.from_json(member.kdf))
    return _open_member(session, login, member, kek)


def unlock_with_key(session: Session, kek: bytes) -> UnlockedVault:
    """The signed-in member's team keys, from the key their passphrase derives (as the OS
    keyring remembers it); WrongPassphrase once it no longer opens their private key (the
    passphrase changed, or the key was re-sealed under new parameters)."""
    login, member = _signed_in_member(session)
    return _open_member(session, login, member, kek)


def member_key(session: Session, passphrase: str) -> bytes:
    """The key the signed-in member's passphrase derives, checked to open their private key
    (WrongPassphrase if not): what `unlock_with_key` takes, for the OS keyring to remember."""
    login, member = _signed_in_member(session)
    kek = crypto.derive_key(passphrase, crypto.KdfParams.from_json(member.kdf))
    crypto.open_private_key(_sealed_key(session, member), kek, login)
    return kek


def unlock_and_reseal(session: Session, passphrase: str) -> UnlockedVault:
    """unlock() in a write transaction that also re-seals a key kept under parameters below
    today's minimum (what the window does: a member who never uses the CLI is covered too)."""
    opened = unlock(session, passphrase)
    reseal_if_weak(session, opened.login, passphrase, crypto.new_kdf_params())
    return opened


def reseal_if_weak(
    session: Session, login: str, passphrase: str, current: crypto.KdfParams
) -> bool:
    """Re-seal `login`'s private key under fresh Argon2id parameters (a new salt, each of t, m
    and p at least `current`'s) if their stored ones are weaker than `current`; True if it did.

    Only the signed-in member re-seals their own key, and only with their passphrase
    (WrongPassphrase if not). A key remembered in the OS keyring stops working afterwards.
    """
    actor = require(session, Permission.VAULT_USE).login
    if login != actor:
        raise PermissionDeniedError(actor, "vault.reseal")
    member = session.scalars(
        select(VaultMember).where(VaultMember.login == login).with_for_update()
    ).first()
    if member is None:
        raise ValidationError("vault", "not_a_member", value=login)
    old = crypto.KdfParams.from_json(member.kdf)
    if not old.weaker_than(current):
        return False
    private = crypto.open_private_key(
        _sealed_key(session, member), crypto.derive_key(passphrase, old), login
    )
    fresh = crypto.new_kdf_params(
        t=max(old.t, current.t), m_kib=max(old.m_kib, current.m_kib), p=max(old.p, current.p)
    )
    member.sealed_private_key = crypto.seal_private_key(
        private, crypto.derive_key(passphrase, fresh), login
    )
    member.kdf = fresh.to_json()
    session.flush()
    audit.append(
        session,
        "vault.reseal",
        f"vault_member:{login}",
        {"from": [old.t, old.m_kib, old.p], "to": [fresh.t, fresh.m_kib, fresh.p]},
    )
    return True


def _sealed_key(session: Session, member: VaultMember) -> bytes:
    """The signed-in member's sealed private key. On PostgreSQL a login reads only its own
    (0006): a colleague's would be a target for offline passphrase guessing."""
    if is_postgres(session):
        found = session.scalar(text("SELECT supportdesk_my_sealed_key()"))
    else:
        query = select(VaultMember.sealed_private_key).where(VaultMember.id == member.id)
        found = session.scalar(query)
    if not found:
        raise SecretDamaged()
    return bytes(found)


def _signed_in_member(session: Session) -> tuple[str, VaultMember]:
    login = require(session, Permission.VAULT_USE).login
    member = session.scalars(select(VaultMember).where(VaultMember.login == login)).first()
    if member is None:
        raise ValidationError("vault", "not_a_member", value=login)
    return login, member


def _open_member(session: Session, login: str, member: VaultMember, kek: bytes) -> UnlockedVault:
    private = crypto.open_private_key(_sealed_key(session, member), kek, login)
    if crypto.public_key_of(private) != member.public_key:
        # Someone replaced the public key by SQL: the next rotation would be wrapped for them.
        raise SecretDamaged()
    wrapped = session.execute(
        select(VaultWrappedKey.key_version, VaultWrappedKey.wrapped).where(
            VaultWrappedKey.member_id == member.id
        )
    ).all()
    keys = {
        version: crypto.unwrap_team_key(blob, private, login, version) for version, blob in wrapped
    }
    return UnlockedVault(login, keys)


def save_credential(session: Session, vault: UnlockedVault, form: CredentialForm) -> CredentialRow:
    """Add a credential, or change one; a new secret keeps the old one in the history and
    clears "rotation due"."""
    actor = require(session, Permission.VAULT_USE).login
    values = check_credential(form)
    values["system_id"], values["host_id"] = _system_and_host(session, form.system_id, form.host_id)
    now = datetime.now(UTC)
    _lock_current_key(session, vault)  # never a new secret under a key a removed member held
    version = vault.current_version
    payload = {k: v for k, v in values.items() if k != "notes"}
    payload["secret_changed"] = form.secret is not None
    payload["key_passphrase"] = bool(form.key_passphrase)
    keep = None
    if form.id is not None and form.secret is not None:
        # The old secret is decrypted to keep it in the history: that is an access too.
        keep = _record_access(
            session, "credential.keep", _record(form.id), {"credential": form.name}
        )
    try:
        with session.begin_nested():
            if form.id is None:
                obj = Credential(**values, secret=b"", key_version=version)
                session.add(obj)
            else:
                obj = load_for_update(session, Credential, "credential", form.id, form.version)
                for name, value in values.items():
                    setattr(obj, name, value)
            obj.updated_by, obj.updated_at = actor, now
            session.flush()  # the id the ciphertext is bound to
            if form.secret is not None:
                if keep is not None:
                    _keep_in_history(session, vault, obj, keep, actor, now)
                plain = pack_secret(str(values["kind"]), form.secret, form.key_passphrase)
                obj.secret = crypto.encrypt_secret(
                    vault.key(version), plain, _record(obj.id), "secret", version
                )
                obj.key_version = version
                obj.rotation_due = False
            session.flush()
    except IntegrityError:
        raise ValidationError("name", "duplicate", value=str(values["name"])) from None
    except StaleDataError:
        raise ConflictError("credential", form.id, None) from None
    action = "credential.add" if form.id is None else "credential.update"
    audit.append(session, action, _record(obj.id), payload)
    return get_credential(session, obj.id)


def _system_and_host(
    session: Session, system_id: int | None, host_id: int | None
) -> tuple[int | None, int | None]:
    """The linked system and host must exist, and the host belong to the system; a host alone
    links its system too."""
    if system_id is not None and session.get(System, system_id) is None:
        raise ValidationError("system", "not_found", entity="system", value=str(system_id))
    if host_id is None:
        return system_id, None
    host = session.get(Host, host_id)
    if host is None:
        raise ValidationError("host", "not_found", entity="host", value=str(host_id))
    if system_id is not None and host.system_id != system_id:
        raise ValidationError("host", "host_not_in_system", value=host.name)
    return host.system_id, host_id


def _keep_in_history(
    session: Session,
    vault: UnlockedVault,
    obj: Credential,
    ticket: int,
    actor: str,
    now: datetime,
) -> None:
    """Re-encrypt the current secret under the history row's own binding. A damaged one
    cannot be kept: the damage is audited and the new secret replaces it (that is the cure)."""
    version, blob = _ciphertext(session, obj.id, ticket)
    if version not in vault.keys:
        raise ValidationError("vault", "vault_stale")
    try:
        old = crypto.decrypt_secret(vault.key(version), blob, _record(obj.id), "secret", version)
    except SecretDamaged:
        audit.append(session, "credential.damaged", _record(obj.id), {"during": "save"})
        return
    entry = CredentialHistory(
        credential_id=obj.id,
        secret=b"",
        key_version=vault.current_version,
        replaced_at=now,
        replaced_by=actor,
    )
    session.add(entry)
    session.flush()
    entry.secret = crypto.encrypt_secret(
        vault.key(entry.key_version), old, _history_record(entry.id), "secret", entry.key_version
    )


def _record_access(session: Session, action: str, target: str, payload: Any) -> int:
    """Append access `action` on `target` to the audit chain and return its number: the ticket
    that fetches the ciphertext.

    On PostgreSQL the record commits on its own, in a transaction of its own, before any
    ciphertext is read (migration 0006): a read in the recording transaction could be rolled
    back with its record. So the caller's transaction must not have appended yet (it would
    hold the chain head that the record needs). On SQLite the file's one user records in the
    caller's transaction.
    """
    if not is_postgres(session):
        return audit.append(session, action, target, payload)
    if session.info.get("audit_appended"):
        raise RuntimeError("record a vault access before this transaction appends events")
    bind = session.get_bind()
    engine = bind.engine if isinstance(bind, Connection) else bind
    with engine.connect() as connection, connection.begin():
        recorder = Session(bind=connection)
        seq = audit.append(recorder, action, target, payload)
        recorder.execute(text("SELECT supportdesk_vault_record_access(:seq)"), {"seq": seq})
    return seq


def _ciphertext(
    session: Session,
    key: int,
    ticket: int,
    model: type[Credential | CredentialHistory] = Credential,
) -> tuple[int, bytes]:
    """(key version, ciphertext) of a credential's secret, or of a history entry's, for the
    access recorded as audit event `ticket`: on PostgreSQL no team login may read a
    ciphertext, and the server hands it out only against a committed record (0006)."""
    if is_postgres(session):
        fn = (
            "supportdesk_credential_secret" if model is Credential else "supportdesk_history_secret"
        )
        row = session.execute(
            text(f"SELECT key_version, secret FROM {fn}(:id, :seq)"), {"id": key, "seq": ticket}
        ).one()
    else:
        row = session.execute(select(model.key_version, model.secret).where(model.id == key)).one()
    return int(row[0]), bytes(row[1])


def _decrypt(
    session: Session, vault: UnlockedVault, record: str, found: tuple[int, bytes], payload: Any
) -> Revealed:
    """The secret of `record`; a damaged one is audited (in the caller's transaction)."""
    version, blob = found
    if version not in vault.keys:  # re-encrypted by a rotation after this vault was opened
        raise ValidationError("vault", "vault_stale")
    try:
        plain = crypto.decrypt_secret(vault.key(version), blob, record, "secret", version)
    except SecretDamaged:
        audit.append(session, "credential.damaged", record, payload)
        return Revealed(None)
    return Revealed(*unpack_secret(plain))


def list_credentials(session: Session) -> list[CredentialRow]:
    """Every credential without its secret; listing is not an access and is not audited."""
    require(session, Permission.VAULT_USE)
    rows = session.execute(_ROW_QUERY.order_by(Credential.name)).all()
    return [_row(r) for r in rows]


def get_credential(session: Session, key: int) -> CredentialRow:
    found = session.execute(_ROW_QUERY.where(Credential.id == key)).first()
    if found is None:
        raise NotFoundError("credential", key)
    return _row(found)


# Columns, not entities: a list of 10,000 neither loads the ciphertexts nor builds ORM objects.
_ROW_QUERY = select(
    Credential.id,
    Credential.name,
    Credential.kind,
    Credential.username,
    Credential.system_id,
    System.name,
    Credential.host_id,
    Credential.url,
    Credential.notes,
    Credential.tags,
    Credential.rotation_due,
    Credential.key_version,
    Credential.version,
    Credential.updated_by,
).outerjoin(System, System.id == Credential.system_id)


def _row(r: Sequence[Any]) -> CredentialRow:
    """A CredentialRow from a _ROW_QUERY row (system name may be NULL, tags are stored as text)."""
    return CredentialRow(
        r[0], r[1], r[2], r[3], r[4], r[5] or "", r[6], r[7], r[8], tuple(r[9].split()), *r[10:]
    )


def reveal(
    session: Session,
    vault: UnlockedVault,
    name: str,
    reason: str = "",
    access: Access = Access.REVEAL,
) -> Revealed:
    """Decrypt one secret; the access (who, which, when, why) is audited in the caller's
    transaction, which must commit before the secret is shown or used."""
    require(session, Permission.VAULT_USE)
    found = session.execute(
        select(Credential.id, Credential.key_version).where(Credential.name == name)
    ).first()
    if found is None:
        raise ValidationError("name", "not_found", entity="credential", value=name)
    key, listed_version = found
    if listed_version not in vault.keys:
        # Re-encrypted under a team key newer than this open vault: open it again. (Not
        # "damaged": that alarm must stay meaningful.)
        raise ValidationError("vault", "vault_stale")
    payload = {"credential": name, "reason": reason.strip()[:500]}
    # The access is recorded first; the ciphertext comes after (the server insists on it).
    ticket = _record_access(session, f"credential.{access.value}", _record(key), payload)
    return _decrypt(session, vault, _record(key), _ciphertext(session, key, ticket), payload)


def history(session: Session, name: str) -> list[HistoryRow]:
    """The earlier secrets of credential `name`, newest first, without the secrets."""
    require(session, Permission.VAULT_USE)
    key = _credential_id(session, name)
    rows = session.execute(
        select(
            CredentialHistory.id,
            CredentialHistory.credential_id,
            CredentialHistory.replaced_at,
            CredentialHistory.replaced_by,
        )
        .where(CredentialHistory.credential_id == key)
        .order_by(CredentialHistory.id.desc())
    ).all()
    return [HistoryRow(*r) for r in rows]


def reveal_history(
    session: Session,
    vault: UnlockedVault,
    name: str,
    history_id: int,
    reason: str = "",
    access: Access = Access.REVEAL,
) -> Revealed:
    """Decrypt earlier secret `history_id` of credential `name`: audited like `reveal`, on the
    history entry (target credential_history:<id>)."""
    require(session, Permission.VAULT_USE)
    if access == Access.USE:  # the inspection uses the current secret only
        raise ValidationError("access", "bad_choice", value=access.value, choices="reveal, copy")
    key = _credential_id(session, name)
    if (
        session.scalar(
            select(CredentialHistory.id).where(
                CredentialHistory.id == history_id, CredentialHistory.credential_id == key
            )
        )
        is None
    ):
        raise ValidationError("history", "not_found", entity="history", value=str(history_id))
    record = _history_record(history_id)
    payload = {"credential": name, "history": history_id, "reason": reason.strip()[:500]}
    ticket = _record_access(session, f"credential.{access.value}", record, payload)
    found = _ciphertext(session, history_id, ticket, CredentialHistory)
    return _decrypt(session, vault, record, found, payload)


def _credential_id(session: Session, name: str) -> int:
    key = session.scalar(select(Credential.id).where(Credential.name == name))
    if key is None:
        raise ValidationError("name", "not_found", entity="credential", value=name)
    return key


# --------------------------------------------------------------------------- team (issue 4)


def _lock_current_key(session: Session, vault: UnlockedVault) -> int:
    """Lock the newest team key row and check the open vault holds it.

    Every change of membership or key takes this lock first, so two of them never interleave
    on PostgreSQL (on SQLite BEGIN IMMEDIATE has already serialised writers). A vault opened
    before the last rotation lacks the new key: it must be opened again.
    """
    newest: int | None = session.scalar(select(func.max(VaultKey.version)))
    if newest is None:
        raise ValidationError("vault", "not_a_member", value=vault.login)
    session.scalars(select(VaultKey).where(VaultKey.version == newest).with_for_update()).one()
    if session.scalar(select(func.max(VaultKey.version))) != newest or newest not in vault.keys:
        raise ValidationError("vault", "vault_stale")
    return newest


def _member(session: Session, login: str) -> VaultMember | None:
    return session.scalars(select(VaultMember).where(VaultMember.login == login)).first()


def add_member(
    session: Session, vault: UnlockedVault, login: str, passphrase: str, kdf: crypto.KdfParams
) -> None:
    """Make `login` a member: a key pair sealed under their passphrase (given once, typed by
    them), and every team key version wrapped for them, so they read the history too."""
    actor = require(session, Permission.VAULT_ADMIN).login
    _lock_current_key(session, vault)
    user = session.scalars(select(User).where(User.login == login)).first()
    if user is None or not user.active:
        raise ValidationError("login", "unknown_user", value=login)
    if not allows(Role(user.role), Permission.VAULT_USE):
        raise ValidationError("login", "no_vault_right", value=login)
    if _member(session, login) is not None:
        raise ValidationError("login", "already_member", value=login)
    _check_passphrase(passphrase)
    member = _new_member(session, login, passphrase, kdf, actor, datetime.now(UTC))
    session.flush()
    versions = sorted(session.scalars(select(VaultKey.version)))
    for version in versions:
        session.add(
            VaultWrappedKey(
                member_id=member.id,
                key_version=version,
                wrapped=crypto.wrap_team_key(vault.key(version), member.public_key, login, version),
            )
        )
    session.flush()
    audit.append(
        session,
        "vault.member_add",
        f"vault_member:{login}",
        {"key_versions": versions, "fingerprint": crypto.fingerprint(member.public_key)},
    )


def remove_member(
    session: Session,
    vault: UnlockedVault,
    login: str,
    progress: Callable[[int, int], None] | None = None,
) -> list[CredentialRow]:
    """Remove `login` and rotate the team key: version N+1, wrapped for the remaining members
    only; every secret and every history secret re-encrypted under it; the removed member's
    wrapped keys deleted. Returns the credentials they could read, now marked "rotation due"
    (change them with the customer).

    All of it happens in the caller's one transaction: a crash at any point leaves either the
    old keys and secrets or the new ones, never a mix. `progress(done, total)` is called after
    each re-encrypted secret. The caller's `vault` keeps the old keys: open it again after
    the commit.
    """
    require(session, Permission.VAULT_ADMIN)
    old = _lock_current_key(session, vault)
    gone = _member(session, login)
    if gone is None:
        raise ValidationError("login", "not_a_member", value=login)
    if (session.scalar(select(func.count()).select_from(VaultMember)) or 0) <= 1:
        raise ValidationError("login", "last_member", value=login)
    readable = set(
        session.scalars(
            select(VaultWrappedKey.key_version).where(VaultWrappedKey.member_id == gone.id)
        )
    )
    remaining = session.scalars(
        select(VaultMember).where(VaultMember.id != gone.id).order_by(VaultMember.id)
    ).all()
    _check_recipients(session, remaining)
    # Every secret is about to be decrypted: recorded (and, on PostgreSQL, committed) first.
    ticket = _record_access(
        session, "vault.rotation_read", f"vault_key:{old}", {"member_removed": login}
    )
    new = old + 1
    team_key = crypto.new_team_key()
    session.add(
        VaultKey(version=new, created_at=datetime.now(UTC), created_by=audit.current_actor(session))
    )
    for member in remaining:
        session.add(
            VaultWrappedKey(
                member_id=member.id,
                key_version=new,
                wrapped=crypto.wrap_team_key(team_key, member.public_key, member.login, new),
            )
        )
    session.flush()
    credentials = session.scalars(
        select(Credential).order_by(Credential.id).with_for_update()
    ).all()
    history = session.scalars(
        select(CredentialHistory).order_by(CredentialHistory.id).with_for_update()
    ).all()
    exposed = [obj.id for obj in credentials if obj.key_version in readable]
    audit.append(
        session,
        "vault.member_remove",
        f"vault_member:{login}",
        {"credentials_readable": len(exposed), "key_versions_held": sorted(readable)},
    )
    audit.append(
        session,
        "vault.key_rotate",
        f"vault_key:{new}",
        {"from": old, "to": new, "credentials": len(credentials), "history": len(history)},
    )
    stored = _all_ciphertexts(session, ticket)
    total, done = len(credentials) + len(history), 0
    damaged: list[int] = []
    for obj in credentials:
        if not _reencrypt(vault, obj, stored, _record(obj.id), team_key, new):
            damaged.append(obj.id)
        done += 1
        if progress is not None:
            progress(done, total)
    for entry in history:
        if not _reencrypt(vault, entry, stored, _history_record(entry.id), team_key, new):
            damaged.append(entry.credential_id)
        done += 1
        if progress is not None:
            progress(done, total)
    session.flush()
    for key in sorted(set(damaged)):  # left under the old key: nobody can re-encrypt garbage
        audit.append(session, "credential.damaged", _record(key), {"during": "vault.key_rotate"})
    mark_rotation_due(session, exposed, f"vault member {login} removed")
    # Last: a group leader who leaves is still a member for the server's guard until here.
    session.execute(delete(VaultWrappedKey).where(VaultWrappedKey.member_id == gone.id))
    session.delete(gone)
    session.flush()
    return [get_credential(session, key) for key in exposed]


def _check_recipients(session: Session, members: Sequence[VaultMember]) -> None:
    """Refuse to wrap a new team key for anyone the vault's own record does not vouch for.

    A member row counts only if a vault.init or vault.member_add event names its public key
    (the audit chain is append-only and its actor is the login the server authenticated), that
    event's actor may still administer the vault, and the member may still use it. So neither
    a row slipped in by SQL, nor a member's key swapped by SQL, nor a colleague who has since
    been moved to another role, receives the key that protects what is written next."""
    vouched: dict[str, set[str]] = {}
    events = session.execute(
        select(AuditEvent.actor, AuditEvent.target, AuditEvent.payload).where(
            AuditEvent.action.in_(("vault.init", "vault.member_add"))
        )
    ).all()
    roles = dict(session.execute(select(User.login, User.role).where(User.active)).all())
    for actor, target, payload in events:
        if actor in roles and allows(Role(roles[actor]), Permission.VAULT_ADMIN):
            found = json.loads(payload).get("fingerprint")
            vouched.setdefault(target.removeprefix("vault_member:"), set()).add(str(found))
    for member in members:
        allowed = member.login in roles and allows(Role(roles[member.login]), Permission.VAULT_USE)
        if not allowed:
            raise ValidationError("login", "member_not_allowed", value=member.login)
        if crypto.fingerprint(member.public_key) not in vouched.get(member.login, set()):
            raise ValidationError("login", "member_not_vouched", value=member.login)


def _all_ciphertexts(session: Session, ticket: int) -> dict[str, tuple[int, bytes]]:
    """Every credential's and history entry's (key version, ciphertext), by record name, for
    the rotation recorded as audit event `ticket` and under way in this transaction."""
    rows: Sequence[tuple[Any, ...]]
    if is_postgres(session):
        rows = session.execute(
            text(
                "SELECT record, id, key_version, secret "
                "FROM supportdesk_vault_rotation_secrets(:seq)"
            ),
            {"seq": ticket},
        ).all()
    else:
        rows = [
            ("credential", *r)
            for r in session.execute(
                select(Credential.id, Credential.key_version, Credential.secret)
            )
        ] + [
            ("credential_history", *r)
            for r in session.execute(
                select(
                    CredentialHistory.id, CredentialHistory.key_version, CredentialHistory.secret
                )
            )
        ]
    return {f"{table}:{key}": (int(kv), bytes(blob)) for table, key, kv, blob in rows}


def _reencrypt(
    vault: UnlockedVault,
    obj: Credential | CredentialHistory,
    stored: dict[str, tuple[int, bytes]],
    record: str,
    team_key: bytes,
    version: int,
) -> bool:
    """Re-encrypt one secret under `team_key` (a new nonce, bound to `version`); False if the
    stored one is damaged (it stays as it is)."""
    old_version, blob = stored[record]
    try:
        plain = crypto.decrypt_secret(vault.key(old_version), blob, record, "secret", old_version)
    except SecretDamaged:
        return False
    obj.secret = crypto.encrypt_secret(team_key, plain, record, "secret", version)
    obj.key_version = version
    return True


def rotation_due(session: Session) -> list[CredentialRow]:
    """The credentials whose secret must be changed with the customer (R1.4)."""
    require(session, Permission.VAULT_USE)
    rows = session.execute(
        _ROW_QUERY.where(Credential.rotation_due).order_by(Credential.name)
    ).all()
    return [_row(r) for r in rows]


def mark_rotation_due(session: Session, credential_ids: Iterable[int], reason: str) -> None:
    """Mark credentials "rotation due" (a handover finished, a member left); one audit event
    each, with the reason. Saving a new secret clears the mark."""
    require(session, Permission.VAULT_USE)
    keys = sorted(set(credential_ids))
    if not keys:
        return
    found = set(session.scalars(select(Credential.id).where(Credential.id.in_(keys))))
    for key in keys:
        if key not in found:
            raise NotFoundError("credential", key)
    session.execute(
        update(Credential)
        .where(Credential.id.in_(keys))
        .values(rotation_due=True)
        .execution_options(synchronize_session="fetch")
    )
    why = reason.strip()[:500]
    for key in keys:
        audit.append(session, "credential.rotation_due", _record(key), {"reason": why})
