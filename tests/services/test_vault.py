"""The vault service: secrets go in encrypted, come out only to a member, and every access is
in the audit chain (issue 4, first slice: init, add, change, list, reveal)."""

from __future__ import annotations

import base64
import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, update

from supportdesk.crypto import vault_crypto
from supportdesk.db.engine import Database
from supportdesk.db.models import AuditEvent, Credential, CredentialHistory
from supportdesk.domain.errors import (
    ConflictError,
    PermissionDeniedError,
    ValidationError,
    WrongPassphrase,
)
from supportdesk.domain.vault import Access, CredentialForm
from supportdesk.services import registry, users, vault
from supportdesk.services.vault import UnlockedVault
from tests.cli_run import run_cli
from tests.servers.postgres import PostgresServer

PASSPHRASE = "长城-Great-Wall-2026"
CANARY = "canary-7f3a-密码-Ω"


def _kdf() -> vault_crypto.KdfParams:
    return vault_crypto.new_kdf_params()  # the minimum: fast enough for tests


def _opened(db: Database) -> UnlockedVault:
    with db.write() as s:
        return vault.init_vault(s, PASSPHRASE, _kdf())


def _add(db: Database, opened: UnlockedVault, name: str, secret: str) -> int:
    with db.write() as s:
        return vault.save_credential(s, opened, CredentialForm(name, secret, kind="server")).id


def _actions(db: Database) -> list[tuple[str, str, dict[str, object]]]:
    with db.read() as s:
        events = s.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
        return [(e.action, e.target, json.loads(e.payload)) for e in events]


def test_a_secret_round_trips_and_every_step_is_audited(db: Database) -> None:
    opened = _opened(db)
    key = _add(db, opened, "调度平台 root", CANARY)
    with db.read() as s:
        again = vault.unlock(s, PASSPHRASE)
        listed = vault.list_credentials(s)
    assert [(r.name, r.kind) for r in listed] == [("调度平台 root", "server")]
    assert CANARY not in repr(listed)
    with db.write() as s:
        revealed = vault.reveal(s, again, "调度平台 root", reason="巡检前核对")
    assert revealed.secret == CANARY
    actions = _actions(db)
    assert [a for a, _t, _p in actions[-3:]] == [
        "vault.init",
        "credential.add",
        "credential.reveal",
    ]
    assert actions[-1][1:] == (
        f"credential:{key}",
        {"credential": "调度平台 root", "reason": "巡检前核对"},
    )
    assert CANARY not in json.dumps(actions, ensure_ascii=False)


def test_use_and_copy_are_audited_as_what_they_are(sqlite_db: Database) -> None:
    opened = _opened(sqlite_db)
    _add(sqlite_db, opened, "db01", CANARY)
    with sqlite_db.write() as s:
        vault.reveal(s, opened, "db01", access=Access.USE)
        vault.reveal(s, opened, "db01", access=Access.COPY)
    assert [a for a, _t, _p in _actions(sqlite_db)[-2:]] == ["credential.use", "credential.copy"]


def test_the_database_file_never_holds_a_secret_in_clear(sqlite_db: Database) -> None:
    opened = _opened(sqlite_db)
    _add(sqlite_db, opened, "app", CANARY)
    with sqlite_db.write() as s:
        form = CredentialForm("app", CANARY + "-new", id=1)
        vault.save_credential(s, opened, form)
    assert sqlite_db.sqlite_path is not None
    files = [sqlite_db.sqlite_path, Path(f"{sqlite_db.sqlite_path}-wal")]
    raw = b"".join(p.read_bytes() for p in files if p.exists())
    assert raw  # the check reads something
    canary = CANARY.encode("utf-8")
    for encoded in (
        canary,
        CANARY.encode("utf-16-le"),
        base64.b64encode(canary),
        PASSPHRASE.encode(),
    ):
        assert encoded not in raw


def test_a_wrong_passphrase_opens_nothing(sqlite_db: Database) -> None:
    _opened(sqlite_db)
    with pytest.raises(WrongPassphrase), sqlite_db.read() as s:
        vault.unlock(s, PASSPHRASE + "x")


def test_only_the_group_may_use_it(sqlite_db: Database, tmp_path: Path) -> None:
    _opened(sqlite_db)
    with sqlite_db.write() as s:
        users.add_user(s, "lisi", "salesperson")
        users.add_user(s, "zhangsan", "engineer")
    sales = Database(f"sqlite:///{sqlite_db.sqlite_path}", actor="lisi")
    engineer = Database(f"sqlite:///{sqlite_db.sqlite_path}", actor="zhangsan")
    try:
        with pytest.raises(PermissionDeniedError), sales.read() as s:
            vault.unlock(s, PASSPHRASE)
        with pytest.raises(PermissionDeniedError), engineer.write() as s:
            vault.init_vault(s, PASSPHRASE, _kdf())
        # An engineer who was never made a member has no key to open it with.
        with pytest.raises(ValidationError) as caught, engineer.read() as s:
            vault.unlock(s, PASSPHRASE)
        assert caught.value.code == "not_a_member"
    finally:
        sales.dispose()
        engineer.dispose()


def test_a_second_init_is_refused(sqlite_db: Database) -> None:
    _opened(sqlite_db)
    with pytest.raises(ValidationError) as caught, sqlite_db.write() as s:
        vault.init_vault(s, PASSPHRASE, _kdf())
    assert caught.value.code == "vault_exists"


def test_a_ciphertext_moved_to_another_row_shows_damage_and_is_audited(
    db: Database,
) -> None:
    opened = _opened(db)
    first = _add(db, opened, "first", "secret-one")
    _add(db, opened, "second", "secret-two")
    with db.write() as s:
        blob = s.scalar(select(Credential.secret).where(Credential.id == first))
        s.execute(update(Credential).where(Credential.name == "second").values(secret=blob))
    with db.write() as s:
        revealed = vault.reveal(s, opened, "second")
    assert revealed.damaged
    assert _actions(db)[-1][0] == "credential.damaged"


def test_a_new_secret_keeps_the_old_one_in_history_and_clears_rotation(db: Database) -> None:
    opened = _opened(db)
    key = _add(db, opened, "oa", "old-secret")
    with db.write() as s:
        s.execute(update(Credential).where(Credential.id == key).values(rotation_due=True))
        row = vault.get_credential(s, key)
    with db.write() as s:
        form = CredentialForm("oa", "new-secret", id=key, version=row.version)
        changed = vault.save_credential(s, opened, form)
    assert not changed.rotation_due
    with db.write() as s:
        assert vault.reveal(s, opened, "oa").secret == "new-secret"
        history = s.scalars(select(CredentialHistory)).one()
        old = vault_crypto.decrypt_secret(
            opened.key(history.key_version),
            history.secret,
            f"credential_history:{history.id}",
            "secret",
            history.key_version,
        )
    assert old == "old-secret"
    # A stale editor is told who changed it, and nothing is overwritten.
    with pytest.raises(ConflictError), db.write() as s:
        vault.save_credential(s, opened, CredentialForm("oa", "x", id=key, version=row.version))


def test_bad_input_names_the_field_and_saves_nothing(sqlite_db: Database) -> None:
    opened = _opened(sqlite_db)
    with sqlite_db.write() as s:
        system = registry.list_systems(s)
    cases = [
        (CredentialForm("", "s"), "name"),
        (CredentialForm("x", ""), "secret"),
        (CredentialForm("x", "s", kind="router"), "kind"),
        (CredentialForm("x", "s", system_id=999), "system"),
        (CredentialForm("x", "s", tags=("a b",)), "tags"),
    ]
    assert system == []
    for form, field in cases:
        with pytest.raises(ValidationError) as caught, sqlite_db.write() as s:
            vault.save_credential(s, opened, form)
        assert caught.value.field == field
    with sqlite_db.read() as s:
        assert vault.list_credentials(s) == []


def test_the_command_line_round_trip(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret_file = tmp_path / "pass.txt"
    secret_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    monkeypatch.setattr(vault_crypto, "calibrate", lambda *_a, **_k: _kdf())
    assert run_cli(capsys, "vault", "init", "--passphrase-file", str(secret_file))[0] == 0
    monkeypatch.setattr("sys.stdin", _Stdin(CANARY + "\n"))
    code, out, err = run_cli(
        capsys,
        "vault",
        "add",
        "--name",
        "档案系统 DB",
        "--kind",
        "database",
        "--user",
        "dba",
        "--secret-stdin",
        "--passphrase-file",
        str(secret_file),
    )
    assert (code, out, err) == (0, "档案系统 DB\n", "")
    code, out, _err = run_cli(capsys, "vault", "list", "--json")
    assert code == 0
    listed = json.loads(out)
    assert [(c["name"], c["kind"], c["username"]) for c in listed] == [
        ("档案系统 DB", "database", "dba")
    ]
    assert CANARY not in out
    code, out, _err = run_cli(
        capsys,
        "vault",
        "reveal",
        "档案系统 DB",
        "--reason",
        "恢复演练",
        "--passphrase-file",
        str(secret_file),
    )
    assert (code, out) == (0, CANARY + "\n")
    # A new secret (after changing it with the customer); the old one goes to the history.
    monkeypatch.setattr("sys.stdin", _Stdin("新密码-2026\n"))
    code, out, _err = run_cli(
        capsys,
        "vault",
        "set",
        "档案系统 DB",
        "--secret-stdin",
        "--passphrase-file",
        str(secret_file),
    )
    assert (code, out) == (0, "档案系统 DB\n")
    code, out, _err = run_cli(capsys, "vault", "history", "档案系统 DB", "--json")
    (entry,) = json.loads(out)
    assert CANARY not in out
    code, out, _err = run_cli(
        capsys,
        "vault",
        "reveal",
        "档案系统 DB",
        "--history",
        str(entry["id"]),
        "--passphrase-file",
        str(secret_file),
    )
    assert (code, out) == (0, CANARY + "\n")
    code, out, _err = run_cli(
        capsys, "vault", "reveal", "档案系统 DB", "--passphrase-file", str(secret_file)
    )
    assert (code, out) == (0, "新密码-2026\n")
    monkeypatch.setattr("sys.stdin", _Stdin("\n"))
    code, out, err = run_cli(
        capsys,
        "vault",
        "set",
        "档案系统 DB",
        "--secret-stdin",
        "--passphrase-file",
        str(secret_file),
    )
    assert (code, out) == (1, "")
    assert "secret" in err.lower()
    code, out, _err = run_cli(capsys, "vault", "status", "--json")
    assert json.loads(out)["credentials"] == 1
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase", encoding="utf-8")
    code, out, err = run_cli(
        capsys, "vault", "reveal", "档案系统 DB", "--passphrase-file", str(wrong)
    )
    assert (code, out) == (1, "")
    assert "passphrase" in err.lower()


class _Stdin:
    def __init__(self, text: str) -> None:
        self._text = text

    def read(self) -> str:
        return self._text


@pytest.mark.postgres
def test_a_team_login_reaches_the_vault_tables(pg_server: PostgresServer, pg_url: str) -> None:
    owner = Database(pg_url)
    try:
        with owner.write() as s:
            users.ensure_first_admin(s)
        opened = _opened(owner)
        _add(owner, opened, "shared", CANARY)
        with owner.write() as s:
            users.add_user(s, "vault_zs", "engineer", password="zs-pw-1")
        assert owner.url.database is not None
        zs = Database(pg_server.url(owner.url.database, user="vault_zs", password="zs-pw-1"))
        try:
            with zs.read() as s:  # the new tables are granted to the team role
                assert [r.name for r in vault.list_credentials(s)] == ["shared"]
                assert vault.status(s).member is False
            # Not a member: no wrapped key, so nothing to open the secrets with.
            with pytest.raises(ValidationError) as caught, zs.read() as s:
                vault.unlock(s, PASSPHRASE)
            assert caught.value.code == "not_a_member"
        finally:
            zs.dispose()
    finally:
        owner.dispose()


def test_a_credential_links_a_host_of_its_system(sqlite_db: Database) -> None:
    from supportdesk.services import demo

    with sqlite_db.write() as s:
        demo.fill(s, 1, date(2026, 12, 1))
        systems = registry.list_systems(s)
        first = registry.hosts_by_ids(s, registry.host_ids(s, system_id=systems[0].id))[0]
        other = registry.hosts_by_ids(s, registry.host_ids(s, system_id=systems[1].id))[0]
    opened = _opened(sqlite_db)
    with sqlite_db.write() as s:  # a host alone links its system too
        row = vault.save_credential(s, opened, CredentialForm("app01 ops", "pw", host_id=first.id))
    assert (row.host_id, row.system_id) == (first.id, first.system_id)
    bad = [
        (CredentialForm("x", "pw", host_id=99_999), "not_found"),
        (
            CredentialForm("x", "pw", system_id=first.system_id, host_id=other.id),
            "host_not_in_system",
        ),
    ]
    for form, code in bad:
        with pytest.raises(ValidationError) as caught, sqlite_db.write() as s:
            vault.save_credential(s, opened, form)
        assert (caught.value.field, caught.value.code) == ("host", code)


def test_the_command_line_links_a_host_by_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret_file = tmp_path / "pass.txt"
    secret_file.write_text(PASSPHRASE, encoding="utf-8")
    monkeypatch.setattr(vault_crypto, "calibrate", lambda *_a, **_k: _kdf())
    assert run_cli(capsys, "demo")[0] == 0
    assert run_cli(capsys, "vault", "init", "--passphrase-file", str(secret_file))[0] == 0
    pp = ("--passphrase-file", str(secret_file))
    exported = tmp_path / "registry.json"
    assert run_cli(capsys, "export", "--format", "json", "--out", str(exported))[0] == 0
    systems = [
        s
        for c in json.loads(exported.read_text("utf-8"))["customers"]
        for p in c["projects"]
        for s in p["systems"]
    ]
    names = [s["name"] for s in systems]
    unique = next(
        s["name"]
        for s in systems
        if names.count(s["name"]) == 1 and any(h["name"] == "app01" for h in s["hosts"])
    )
    monkeypatch.setattr("sys.stdin", _Stdin("pw"))
    # "app01" exists in every demo system: by itself it is ambiguous, with --system it is one.
    code, _out, err = run_cli(
        capsys, "vault", "add", "--name", "a", "--host", "app01", "--secret-stdin", *pp
    )
    assert code == 1
    assert "app01" in err
    code, _out, err = run_cli(
        capsys,
        "vault",
        "add",
        "--name",
        "a",
        "--system",
        unique,
        "--host",
        "app01",
        "--secret-stdin",
        *pp,
    )
    assert (code, err) == (0, "")
    listed = json.loads(run_cli(capsys, "vault", "list", "--json")[1])
    assert [(c["name"], c["system"]) for c in listed] == [("a", unique)]
    assert listed[0]["host_id"] is not None


def test_earlier_secrets_are_listed_and_revealed_one_audited_access_at_a_time(
    db: Database,
) -> None:
    opened = _opened(db)
    key = _add(db, opened, "门户 admin", "第一版-secret")
    _add(db, opened, "other", "unrelated")
    for secret in ("第二版-secret", "第三版-secret"):
        with db.write() as s:
            row = vault.get_credential(s, key)
            vault.save_credential(
                s, opened, CredentialForm(row.name, secret, id=key, version=row.version)
            )
    with db.read() as s:
        earlier = vault.history(s, "门户 admin")
        assert vault.history(s, "other") == []
    assert [h.credential_id for h in earlier] == [key, key]
    assert earlier[0].id > earlier[1].id  # newest first
    assert {h.replaced_by for h in earlier} == {users_login(db)}
    with db.write() as s:
        newest = vault.reveal_history(s, opened, "门户 admin", earlier[0].id, "回滚前核对")
        oldest = vault.reveal_history(s, opened, "门户 admin", earlier[1].id, access=Access.COPY)
    assert (newest.secret, oldest.secret) == ("第二版-secret", "第一版-secret")
    assert _actions(db)[-2:] == [
        (
            "credential.reveal",
            f"credential_history:{earlier[0].id}",
            {"credential": "门户 admin", "history": earlier[0].id, "reason": "回滚前核对"},
        ),
        (
            "credential.copy",
            f"credential_history:{earlier[1].id}",
            {"credential": "门户 admin", "history": earlier[1].id, "reason": ""},
        ),
    ]
    before = len(_actions(db))
    # Another credential's entry, an unknown one, or the inspection's "use": refused, unaudited.
    for name, history_id, access, code in (
        ("other", earlier[0].id, Access.REVEAL, "not_found"),
        ("门户 admin", 9999, Access.REVEAL, "not_found"),
        ("nope", earlier[0].id, Access.REVEAL, "not_found"),
        ("门户 admin", earlier[0].id, Access.USE, "bad_choice"),
    ):
        with pytest.raises(ValidationError) as caught, db.write() as s:
            vault.reveal_history(s, opened, name, history_id, access=access)
        assert caught.value.code == code
    assert len(_actions(db)) == before


def users_login(db: Database) -> str:
    with db.read() as s:
        me = users.current_user(s)
        assert me is not None
        return me.login


def test_an_ssh_key_and_its_passphrase_from_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = "\n".join(
        [
            "-----BEGIN OPENSSH PRIVATE KEY-----",
            "b3BlbnNzaC1rZXktdjEA",
            "-----END OPENSSH PRIVATE KEY-----",
        ]
    )
    secret_file = tmp_path / "pass.txt"
    secret_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    key_pass = tmp_path / "key-pass.txt"
    key_pass.write_text("钥匙口令-1\n", encoding="utf-8")
    monkeypatch.setattr(vault_crypto, "calibrate", lambda *_a, **_k: _kdf())
    assert run_cli(capsys, "vault", "init", "--passphrase-file", str(secret_file))[0] == 0
    monkeypatch.setattr("sys.stdin", _Stdin(key + "\n"))
    code, _out, err = run_cli(
        capsys, "vault", "add", "--name", "deploy key", "--kind", "ssh-key", "--secret-stdin",
        "--key-passphrase-file", str(key_pass), "--passphrase-file", str(secret_file),
    )  # fmt: skip
    assert (code, err) == (0, "")
    reveal = ["vault", "reveal", "deploy key", "--passphrase-file", str(secret_file)]
    assert run_cli(capsys, *reveal)[:2] == (0, key + "\n")
    assert run_cli(capsys, *reveal, "--key-passphrase")[:2] == (0, "钥匙口令-1\n")
    monkeypatch.setattr("sys.stdin", _Stdin("db-secret\n"))
    run_cli(
        capsys, "vault", "add", "--name", "db", "--secret-stdin",
        "--passphrase-file", str(secret_file),
    )  # fmt: skip
    code, out, err = run_cli(
        capsys, "vault", "reveal", "db", "--key-passphrase", "--passphrase-file", str(secret_file)
    )
    assert (code, out) == (1, "")
    assert "db" in err
