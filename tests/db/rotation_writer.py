"""Writer for the rotation kill -9 test: adds a member, then removes them (a key rotation that
re-encrypts every secret), over and over.

Usage: rotation_writer.py URL PREFIX MODE LEADER_PASSPHRASE MEMBER_PASSPHRASE. It prints a
line at every step (`row` after each re-encrypted secret), so the parent can kill it at any
of them, and `ack LOGIN` only once the removal committed.

MODE `safe` is the app's way: vault.remove_member in one transaction. The negative control
`split` rotates in two transactions (new key and re-encrypted secrets first, then the key
wrapped for the members), waiting in between (printing `wait`), so a kill lands in the gap.
"""

# ruff: noqa: T201 - the progress lines are its output, read by the harness

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from supportdesk.crypto import vault_crypto as crypto
from supportdesk.db.engine import Database
from supportdesk.db.models import (
    Credential,
    CredentialHistory,
    VaultKey,
    VaultMember,
    VaultWrappedKey,
)
from supportdesk.services import users, vault
from supportdesk.services.vault import UnlockedVault

GAP_LINES = 20  # `wait` lines printed in the control's gap, 5 ms apart


def _gap() -> None:
    for _ in range(GAP_LINES):
        print("wait", flush=True)
        time.sleep(0.005)


def _progress(done: int, _total: int) -> None:
    print(f"row {done}", flush=True)


def _split_rotation(db: Database, opened: UnlockedVault, login: str) -> None:
    """The wrong way: the re-encrypted secrets commit before anyone holds the new key."""
    new, team_key = opened.current_version + 1, crypto.new_team_key()
    with db.write() as s:
        s.add(VaultKey(version=new, created_at=datetime.now(UTC), created_by="writer"))
        s.flush()
        rows: list[tuple[Credential | CredentialHistory, str]] = [
            (c, f"credential:{c.id}") for c in s.scalars(select(Credential))
        ] + [(h, f"credential_history:{h.id}") for h in s.scalars(select(CredentialHistory))]
        for done, (obj, record) in enumerate(rows, 1):
            old = opened.key(obj.key_version)
            plain = crypto.decrypt_secret(old, obj.secret, record, "secret", obj.key_version)
            obj.secret = crypto.encrypt_secret(team_key, plain, record, "secret", new)
            obj.key_version = new
            _progress(done, len(rows))
        print("commit", flush=True)
    _gap()
    with db.write() as s:
        _wrap_for_the_rest(s, login, team_key, new)
        print("commit", flush=True)


def _wrap_for_the_rest(s: Session, login: str, team_key: bytes, new: int) -> None:
    gone = s.scalars(select(VaultMember).where(VaultMember.login == login)).one()
    s.execute(delete(VaultWrappedKey).where(VaultWrappedKey.member_id == gone.id))
    s.delete(gone)
    s.flush()
    for member in s.scalars(select(VaultMember)):
        wrapped = crypto.wrap_team_key(team_key, member.public_key, member.login, new)
        s.add(VaultWrappedKey(member_id=member.id, key_version=new, wrapped=wrapped))


def main() -> None:
    url, prefix, mode, leader_pass, member_pass = sys.argv[1:6]
    db = Database(url, actor="tester")
    kdf = crypto.new_kdf_params()
    for n in range(1_000_000):
        with db.read() as s:
            opened = vault.unlock(s, leader_pass)
        login = f"{prefix}_{n}"
        with db.write() as s:
            users.add_user(s, login, "engineer", password=f"{login}-pw")
            vault.add_member(s, opened, login, member_pass, kdf)
        print(f"added {login}", flush=True)
        print("begin", flush=True)
        if mode == "split":
            _split_rotation(db, opened, login)
        else:
            with db.write() as s:
                vault.remove_member(s, opened, login, progress=_progress)
                print("commit", flush=True)
        print(f"ack {login}", flush=True)


if __name__ == "__main__":
    main()
