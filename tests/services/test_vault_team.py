"""The vault's team (issue 4, "Team"): members added later read the history; a removed member,
even with a full copy of the database and their old private key, reads nothing afterwards;
removal rotates the team key and marks what they could read "rotation due"."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from supportdesk.crypto import vault_crypto
from supportdesk.db.engine import Database
from supportdesk.db.models import (
    AuditEvent,
    Credential,
    CredentialHistory,
    VaultKey,
    VaultMember,
    VaultWrappedKey,
)
from supportdesk.domain.errors import (
    NotFoundError,
    PermissionDeniedError,
    SecretDamaged,
    ValidationError,
    WrongPassphrase,
)
from supportdesk.domain.vault import Access, CredentialForm
from supportdesk.services import users, vault
from supportdesk.services.database import verify_audit
from supportdesk.services.vault import UnlockedVault
from tests.cli_run import run_cli

LEADER_PASS = "组长-passphrase-2026"
MEMBER_PASS = "member-passphrase-Ω-1"


def _kdf() -> vault_crypto.KdfParams:
    return vault_crypto.new_kdf_params()


def _name(stem: str) -> str:
    """Logins are cluster-wide on PostgreSQL: unique per test."""
    return f"vt_{stem}_{uuid.uuid4().hex[:6]}"


class Team:
    """The leader (the fixture's administrator) and team logins, on either engine."""

    def __init__(self, request: pytest.FixtureRequest, db: Database) -> None:
        self.request, self.db = request, db
        self.opened: list[Database] = []

    def user(self, stem: str, role: str = "engineer") -> str:
        login = _name(stem)
        with self.db.write() as s:
            users.add_user(s, login, role, password=f"{login}-pw")
        return login

    def login(self, login: str) -> Database:
        if self.db.is_sqlite:
            other = Database(self.db.url, actor=login)
        else:
            server = self.request.getfixturevalue("pg_server")
            assert self.db.url.database is not None
            other = Database(server.url(self.db.url.database, user=login, password=f"{login}-pw"))
        self.opened.append(other)
        return other

    def close(self) -> None:
        for other in self.opened:
            other.dispose()


@pytest.fixture
def team(request: pytest.FixtureRequest, db: Database) -> Iterator[Team]:
    made = Team(request, db)
    yield made
    made.close()


def _init(db: Database) -> UnlockedVault:
    with db.write() as s:
        return vault.init_vault(s, LEADER_PASS, _kdf())


def _unlock(db: Database, passphrase: str) -> UnlockedVault:
    with db.read() as s:
        return vault.unlock(s, passphrase)


def _save(db: Database, opened: UnlockedVault, name: str, secret: str) -> int:
    with db.read() as s:
        found = [r for r in vault.list_credentials(s) if r.name == name]
    form = (
        CredentialForm(name, secret, id=found[0].id, version=found[0].version)
        if found
        else CredentialForm(name, secret, kind="server")
    )
    with db.write() as s:
        return vault.save_credential(s, opened, form).id


def _add_member(db: Database, opened: UnlockedVault, login: str) -> None:
    with db.write() as s:
        vault.add_member(s, opened, login, MEMBER_PASS, _kdf())


def _history(db: Database, opened: UnlockedVault, credential_id: int) -> list[str]:
    """The history secrets `opened` decrypts, read with `db`'s rights (on PostgreSQL only the
    owner reads ciphertexts directly)."""
    with db.read() as s:
        rows = s.scalars(
            select(CredentialHistory)
            .where(CredentialHistory.credential_id == credential_id)
            .order_by(CredentialHistory.id)
        ).all()
        return [
            vault_crypto.decrypt_secret(
                opened.key(h.key_version),
                h.secret,
                f"credential_history:{h.id}",
                "secret",
                h.key_version,
            )
            for h in rows
        ]


def _actions(db: Database) -> list[tuple[str, str, str]]:
    with db.read() as s:
        return [
            (e.actor, e.action, e.target)
            for e in s.scalars(select(AuditEvent).order_by(AuditEvent.seq))
        ]


def test_a_member_added_later_reads_existing_secrets_and_their_history(team: Team) -> None:
    db = team.db
    leader = _init(db)
    key = _save(db, leader, "门户 admin", "first-secret")
    _save(db, leader, "门户 admin", "second-secret")
    zs = team.user("zs")
    _add_member(db, leader, zs)
    assert _actions(db)[-1][1:] == ("vault.member_add", f"vault_member:{zs}")
    zs_db = team.login(zs)
    mine = _unlock(zs_db, MEMBER_PASS)
    assert mine.keys == leader.keys  # every version, so the history opens too
    with zs_db.write() as s:
        assert vault.reveal(s, mine, "门户 admin").secret == "second-secret"
    assert _history(db, mine, key) == ["first-secret"]
    # Their passphrase is theirs: the leader's does not open their key.
    with pytest.raises(WrongPassphrase), zs_db.read() as s:
        vault.unlock(s, LEADER_PASS)


def _private_key(db: Database, login: str, passphrase: str) -> bytes:
    """What a member can keep for themself while still a member: their opened private key."""
    with db.read() as s:
        member = s.scalars(select(VaultMember).where(VaultMember.login == login)).one()
        kek = vault_crypto.derive_key(passphrase, vault_crypto.KdfParams.from_json(member.kdf))
        return vault_crypto.open_private_key(member.sealed_private_key, kek, login)


def _attack(copy: Database, login: str, private: bytes, old_keys: dict[int, bytes]) -> set[str]:
    """Everything `login` can decrypt from a full copy of the database with their private key
    and the team keys they once had: every wrapped blob (theirs or not, under any login and
    version), then every secret under every key obtained."""
    keys = set(old_keys.values())
    with copy.read() as s:
        wrapped = s.execute(
            select(VaultWrappedKey.key_version, VaultWrappedKey.wrapped, VaultMember.login).join(
                VaultMember, VaultMember.id == VaultWrappedKey.member_id
            )
        ).all()
        versions = set(s.scalars(select(VaultKey.version)))
        secrets = [
            (c.secret, f"credential:{c.id}", c.key_version) for c in s.scalars(select(Credential))
        ] + [
            (h.secret, f"credential_history:{h.id}", h.key_version)
            for h in s.scalars(select(CredentialHistory))
        ]
    for version, blob, owner in wrapped:
        for who in {login, owner}:
            for v in versions | {version}:
                with contextlib.suppress(SecretDamaged):
                    keys.add(vault_crypto.unwrap_team_key(blob, private, who, v))
    read: set[str] = set()
    for blob, record, stored_version in secrets:
        for key in keys:
            for v in versions | {stored_version}:
                with contextlib.suppress(SecretDamaged):
                    read.add(vault_crypto.decrypt_secret(key, blob, record, "secret", v))
    return read


def _full_copy(db: Database, tmp_path: Path, name: str) -> Database:
    """The SQLite file as a removed member could copy it. (On PostgreSQL their login reads no
    ciphertext, so the copy is what the owner's pg_dump holds, leaked: the superuser's view.)"""
    assert db.sqlite_path is not None
    target = tmp_path / name
    with sqlite3.connect(db.sqlite_path) as source, sqlite3.connect(target) as dest:
        source.backup(dest)
    return Database(f"sqlite:///{target}", actor="thief")


def test_a_removed_member_with_a_full_copy_and_their_old_key_decrypts_nothing_new(
    team: Team, tmp_path: Path
) -> None:
    db = team.db
    leader = _init(db)
    key = _save(db, leader, "db01", "before-1")
    _save(db, leader, "db01", "before-2")  # "before-1" goes to the history
    _save(db, leader, "app01", "before-3")
    zs, ww = team.user("zs"), team.user("ww")
    _add_member(db, leader, zs)
    _add_member(db, leader, ww)
    zs_db = team.login(zs)
    zs_keys = dict(_unlock(zs_db, MEMBER_PASS).keys)
    zs_private = _private_key(db, zs, MEMBER_PASS)
    outsider = vault_crypto.new_member_keys().private

    def copy(stem: str) -> Database:
        if not db.is_sqlite:
            with pytest.raises(DBAPIError, match="permission denied"), zs_db.read() as s:
                s.execute(select(Credential.secret))
            return db
        made = _full_copy(db, tmp_path, f"{stem}.db")
        team.opened.append(made)
        return made

    # The check can fail: while a member, zs reads everything from a copy.
    assert _attack(copy("before"), zs, zs_private, zs_keys) == {
        "before-1",
        "before-2",
        "before-3",
    }
    with db.write() as s:
        rows = vault.remove_member(s, leader, zs)
    assert sorted(r.name for r in rows) == ["app01", "db01"]
    leader = _unlock(db, LEADER_PASS)
    assert leader.current_version == 2
    _save(db, leader, "db01", "after-1")  # "before-2" goes to the history, under key 2
    _save(db, leader, "new01", "after-2")
    after = copy("after")
    with after.read() as s:
        assert (
            s.scalar(select(func.count()).select_from(VaultMember).where(VaultMember.login == zs))
            == 0
        )
        assert set(s.scalars(select(Credential.key_version))) == {2}
        assert set(s.scalars(select(CredentialHistory.key_version))) == {2}
        assert set(s.scalars(select(VaultKey.version))) == {1, 2}  # old rows kept
    assert _attack(after, zs, zs_private, zs_keys) == set()
    # A non-member with a key pair of their own reads nothing either.
    assert _attack(after, _name("nobody"), outsider, {}) == set()
    # The others still read everything, old secrets included.
    ww_opened = _unlock(team.login(ww), MEMBER_PASS)
    assert ww_opened.keys == leader.keys
    assert _history(db, ww_opened, key) == ["before-1", "before-2"]
    # zs's own login can no longer open the vault at all.
    with pytest.raises(ValidationError) as caught, zs_db.read() as s:
        vault.unlock(s, MEMBER_PASS)
    assert caught.value.code == "not_a_member"


def test_removal_marks_rotation_due_and_a_new_secret_clears_it(team: Team) -> None:
    db = team.db
    leader = _init(db)
    ids = {n: _save(db, leader, n, f"{n}-v1") for n in ("oa", "crm", "mail")}
    _save(db, leader, "oa", "oa-v2")
    zs = team.user("zs")
    _add_member(db, leader, zs)
    with db.read() as s:
        assert vault.rotation_due(s) == []
    seq_before = len(_actions(db))
    with db.write() as s:
        returned = vault.remove_member(s, leader, zs)
    assert [r.name for r in returned] == sorted(["oa", "crm", "mail"], key=lambda n: ids[n])
    assert all(r.rotation_due and r.key_version == 2 for r in returned)
    with db.read() as s:
        due = vault.rotation_due(s)
        assert vault.status(s).rotation_due == 3
    assert sorted(r.name for r in due) == ["crm", "mail", "oa"]
    events = _actions(db)[seq_before:]
    assert [a for _w, a, _t in events[:3]] == [
        "vault.rotation_read",  # every secret is decrypted: recorded before it happens
        "vault.member_remove",
        "vault.key_rotate",
    ]
    assert Counter(a for _w, a, _t in events) == {
        "vault.rotation_read": 1,
        "vault.member_remove": 1,
        "vault.key_rotate": 1,
        "credential.rotation_due": 3,
    }
    leader = _unlock(db, LEADER_PASS)
    with db.write() as s:
        assert vault.reveal(s, leader, "oa").secret == "oa-v2"
    _save(db, leader, "oa", "oa-v3")
    with db.read() as s:
        assert sorted(r.name for r in vault.rotation_due(s)) == ["crm", "mail"]
    assert _history(db, leader, ids["oa"]) == ["oa-v1", "oa-v2"]


def test_mark_rotation_due_is_audited_with_its_reason(db: Database) -> None:
    leader = _init(db)
    first = _save(db, leader, "first", "s1")
    second = _save(db, leader, "second", "s2")
    with db.write() as s:
        vault.mark_rotation_due(s, [second, first, first], "交接完成")
    with db.read() as s:
        assert [r.name for r in vault.rotation_due(s)] == ["first", "second"]
        events = s.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(2)).all()
    assert [(e.action, e.target, json.loads(e.payload)) for e in reversed(events)] == [
        ("credential.rotation_due", f"credential:{first}", {"reason": "交接完成"}),
        ("credential.rotation_due", f"credential:{second}", {"reason": "交接完成"}),
    ]
    with pytest.raises(NotFoundError), db.write() as s:
        vault.mark_rotation_due(s, [first, 999], "x")
    assert verify_audit(db).ok


def test_membership_rules(team: Team) -> None:
    db = team.db
    leader = _init(db)
    with pytest.raises(ValidationError) as caught, db.write() as s:
        vault.remove_member(s, leader, audit_actor(db))
    assert caught.value.code == "last_member"
    sales = team.user("sales", "salesperson")
    zs = team.user("zs")
    cases = [
        ("nobody_here", MEMBER_PASS, "unknown_user"),
        (sales, MEMBER_PASS, "no_vault_right"),
        (zs, "short", "too_short"),
    ]
    for login, passphrase, code in cases:
        with pytest.raises(ValidationError) as caught, db.write() as s:
            vault.add_member(s, leader, login, passphrase, _kdf())
        assert caught.value.code == code
    _add_member(db, leader, zs)
    with pytest.raises(ValidationError) as caught, db.write() as s:
        vault.add_member(s, leader, zs, MEMBER_PASS, _kdf())
    assert caught.value.code == "already_member"
    with pytest.raises(ValidationError) as caught, db.write() as s:
        vault.remove_member(s, leader, sales)
    assert caught.value.code == "not_a_member"
    # A member who is an engineer may use the vault, not manage it.
    zs_db = team.login(zs)
    mine = _unlock(zs_db, MEMBER_PASS)
    with pytest.raises(PermissionDeniedError), zs_db.write() as s:
        vault.remove_member(s, mine, audit_actor(db))
    # The leader can leave when someone else remains; the last one then cannot.
    with db.write() as s:
        vault.remove_member(s, leader, audit_actor(db))
    with db.read() as s:
        assert [m.login for m in s.scalars(select(VaultMember))] == [zs]


def audit_actor(db: Database) -> str:
    with db.read() as s:
        return str(users.current_user(s).login)  # type: ignore[union-attr]


def test_a_vault_opened_before_a_rotation_writes_nothing_under_the_old_key(
    sqlite_db: Database,
) -> None:
    leader = _init(sqlite_db)
    _save(sqlite_db, leader, "x", "x1")
    with sqlite_db.write() as s:
        users.add_user(s, "zs", "engineer")
        users.add_user(s, "ww", "group_leader")
    _add_member(sqlite_db, leader, "zs")
    _add_member(sqlite_db, leader, "ww")
    ww_db = Database(sqlite_db.url, actor="ww")
    try:
        stale = _unlock(ww_db, MEMBER_PASS)
        with sqlite_db.write() as s:
            vault.remove_member(s, leader, "zs")
        for opened, db in ((stale, ww_db), (leader, sqlite_db)):
            with pytest.raises(ValidationError) as caught, db.write() as s:
                vault.save_credential(s, opened, CredentialForm("y", "secret-under-old-key"))
            assert caught.value.code == "vault_stale"
            with pytest.raises(ValidationError) as caught, db.write() as s:
                vault.add_member(s, opened, "zs", MEMBER_PASS, _kdf())
            assert caught.value.code == "vault_stale"
        with sqlite_db.read() as s:
            assert set(s.scalars(select(Credential.key_version))) == {2}
    finally:
        ww_db.dispose()


@pytest.mark.postgres
def test_100_reveals_and_copies_by_3_logins_give_exactly_100_audit_events(
    request: pytest.FixtureRequest, pg_url: str
) -> None:
    owner = Database(pg_url)
    team = Team(request, owner)
    try:
        with owner.write() as s:
            users.ensure_first_admin(s)
        leader = _init(owner)
        names = [f"系统{i}" for i in range(5)]
        for n in names:
            _save(owner, leader, n, f"{n}-secret")
        logins = [team.user(stem) for stem in ("a", "b", "c")]
        for login in logins:
            _add_member(owner, leader, login)
        before = len(_actions(owner))
        plan = {logins[0]: 34, logins[1]: 33, logins[2]: 33}
        failures: list[BaseException] = []
        start = threading.Barrier(3)

        def work(login: str, count: int) -> None:
            try:
                member_db = team.login(login)
                opened = _unlock(member_db, MEMBER_PASS)
                start.wait()
                for i in range(count):
                    access = Access.REVEAL if i % 2 else Access.COPY
                    name = names[i % len(names)]
                    with member_db.write() as s:
                        got = vault.reveal(s, opened, name, reason=f"{i}", access=access)
                    assert got.secret == f"{name}-secret"
            except BaseException as error:  # noqa: BLE001 - reported by the main thread
                failures.append(error)

        threads = [threading.Thread(target=work, args=item) for item in plan.items()]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert failures == []
        events = _actions(owner)[before:]
        assert len(events) == 100
        assert Counter(who for who, _a, _t in events) == plan
        assert Counter(a for _w, a, _t in events) == {
            "credential.copy": 51,
            "credential.reveal": 49,
        }
        assert verify_audit(owner).ok
    finally:
        team.close()
        owner.dispose()


def test_the_command_line_adds_and_removes_members(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    leader_file = tmp_path / "leader.txt"
    leader_file.write_text(LEADER_PASS + "\n", encoding="utf-8")
    member_file = tmp_path / "member.txt"
    member_file.write_text(MEMBER_PASS + "\n", encoding="utf-8")
    monkeypatch.setattr(vault_crypto, "calibrate", lambda *_a, **_k: _kdf())
    assert run_cli(capsys, "vault", "init", "--passphrase-file", str(leader_file))[0] == 0
    monkeypatch.setattr("sys.stdin", _Stdin("s3cret-value\n"))
    pf = ("--passphrase-file", str(leader_file))
    assert run_cli(capsys, "vault", "add", "--name", "门户", "--secret-stdin", *pf)[0] == 0
    assert run_cli(capsys, "user", "add", "zs", "--role", "engineer")[0] == 0
    code, out, err = run_cli(
        capsys, "vault", "member", "add", "zs", *pf, "--member-passphrase-file", str(member_file)
    )
    assert (code, out, err) == (0, "zs is a member of the vault\n", "")
    code, _out, err = run_cli(
        capsys, "vault", "member", "add", "zs", *pf, "--member-passphrase-file", str(member_file)
    )
    assert code == 1
    assert "zs" in err
    code, out, _err = run_cli(capsys, "vault", "member", "remove", "zs", *pf)
    assert code == 0
    assert out.splitlines()[0] == "zs removed; team key rotated to version 2"
    assert out.splitlines()[-1].startswith("门户\t")
    assert "s3cret" not in out
    code, out, _err = run_cli(capsys, "vault", "rotation-due", "--json")
    assert code == 0
    assert [c["name"] for c in json.loads(out)] == ["门户"]
    code, out, _err = run_cli(capsys, "vault", "rotation-due")
    assert (code, out.split("\t")[0]) == (0, "门户")
    # The leader is now the only member.
    code, _out, err = run_cli(capsys, "vault", "member", "remove", _os_login(), *pf)
    assert code == 1
    assert err
    assert run_cli(capsys, "vault", "member")[0] == 2
    assert run_cli(capsys, "vault", "member", "remove")[0] == 2


def _os_login() -> str:
    from supportdesk.bootstrap import os_login

    return os_login()


class _Stdin:
    def __init__(self, text: str) -> None:
        self._text = text

    def read(self) -> str:
        return self._text
