"""Opening the vault by a remembered key, and re-sealing a private key whose Argon2id
parameters are below today's minimum (issue 4, "Encryption")."""

from __future__ import annotations

import json
import os

import pytest
from sqlalchemy import select

from supportdesk.crypto import vault_crypto
from supportdesk.db.engine import Database
from supportdesk.db.models import AuditEvent, VaultMember
from supportdesk.domain.errors import PermissionDeniedError, WrongPassphrase
from supportdesk.domain.vault import CredentialForm
from supportdesk.services import vault
from tests.conftest import TEST_ACTOR
from tests.vault_helpers import seal_as_long_ago

PASSPHRASE = "长城-Great-Wall-2026"
WEAK = vault_crypto.KdfParams(t=1, m_kib=64, p=1, salt=os.urandom(vault_crypto.SALT_LEN))


def _member(db: Database) -> VaultMember:
    with db.read() as s:
        member = s.scalars(select(VaultMember)).one()  # the only one: the signed-in user
        s.expunge(member)
        return member


def _init_sealed_long_ago(db: Database, params: vault_crypto.KdfParams) -> vault.UnlockedVault:
    with db.write() as s:
        opened = vault.init_vault(s, PASSPHRASE, vault_crypto.new_kdf_params())
        seal_as_long_ago(s, PASSPHRASE, params)
    return opened


def test_the_derived_key_stands_in_for_the_passphrase(db: Database) -> None:
    with db.write() as s:
        opened = vault.init_vault(s, PASSPHRASE, vault_crypto.new_kdf_params())
        vault.save_credential(s, opened, CredentialForm("db root", "s3cret"))
    with db.read() as s:
        kek = vault.member_key(s, PASSPHRASE)
        by_key = vault.unlock_with_key(s, kek)
        by_passphrase = vault.unlock(s, PASSPHRASE)
    assert by_key.keys == by_passphrase.keys == opened.keys
    params = vault_crypto.KdfParams.from_json(_member(db).kdf)
    assert kek == vault_crypto.derive_key(PASSPHRASE, params)
    with db.write() as s:
        assert vault.reveal(s, by_key, "db root").secret == "s3cret"
    with db.read() as s, pytest.raises(WrongPassphrase):
        vault.unlock_with_key(s, os.urandom(32))
    with db.read() as s, pytest.raises(WrongPassphrase):
        vault.member_key(s, PASSPHRASE + "x")


def test_a_weak_key_is_resealed_once_and_still_opens(sqlite_db: Database) -> None:
    opened = _init_sealed_long_ago(sqlite_db, WEAK)
    old_kek = vault_crypto.derive_key(PASSPHRASE, WEAK)
    current = vault_crypto.new_kdf_params()
    with sqlite_db.write() as s, pytest.raises(WrongPassphrase):
        vault.reseal_if_weak(s, TEST_ACTOR, "wrong passphrase", current)
    assert vault_crypto.KdfParams.from_json(_member(sqlite_db).kdf) == WEAK  # unchanged
    with sqlite_db.write() as s:
        assert vault.reseal_if_weak(s, TEST_ACTOR, PASSPHRASE, current) is True
    params = vault_crypto.KdfParams.from_json(_member(sqlite_db).kdf)
    assert (params.t, params.m_kib, params.p) == (
        vault_crypto.MIN_T,
        vault_crypto.MIN_M_KIB,
        vault_crypto.MIN_P,
    )
    assert params.salt not in (WEAK.salt, current.salt)  # fresh, not the caller's
    with sqlite_db.read() as s:
        assert vault.unlock(s, PASSPHRASE).keys == opened.keys
        with pytest.raises(WrongPassphrase):  # a key remembered before no longer opens it
            vault.unlock_with_key(s, old_kek)
    with sqlite_db.write() as s:
        assert vault.reseal_if_weak(s, TEST_ACTOR, PASSPHRASE, current) is False
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == "vault.reseal")).all()
    assert [json.loads(e.payload) for e in events] == [
        {"from": [1, 64, 1], "to": [params.t, params.m_kib, params.p]}
    ]


def test_resealing_never_lowers_a_parameter(sqlite_db: Database) -> None:
    mixed = vault_crypto.KdfParams(t=7, m_kib=1024, p=4, salt=os.urandom(16))
    _init_sealed_long_ago(sqlite_db, mixed)
    with sqlite_db.write() as s:
        assert vault.reseal_if_weak(s, TEST_ACTOR, PASSPHRASE, vault_crypto.new_kdf_params())
    params = vault_crypto.KdfParams.from_json(_member(sqlite_db).kdf)
    assert (params.t, params.m_kib, params.p) == (7, vault_crypto.MIN_M_KIB, 4)


def test_only_your_own_key_is_resealed(sqlite_db: Database) -> None:
    _init_sealed_long_ago(sqlite_db, WEAK)
    with sqlite_db.write() as s, pytest.raises(PermissionDeniedError):
        vault.reseal_if_weak(s, "someone-else", PASSPHRASE, vault_crypto.new_kdf_params())
