"""What a review found a colleague could do to the vault with their own database login, and
what the service refuses even when the server's guard (migration 0006, tests/db/
test_vault_guard.py) is bypassed by someone with the owner's rights: defence in depth."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from supportdesk.crypto import vault_crypto
from supportdesk.db.engine import Database
from supportdesk.db.models import AuditEvent, Credential, VaultMember, VaultWrappedKey
from supportdesk.domain.errors import SecretDamaged, ValidationError
from supportdesk.domain.vault import CredentialForm
from supportdesk.services import users, vault
from tests.services.test_vault_team import (
    MEMBER_PASS,
    Team,
    _add_member,
    _init,
    _save,
    _unlock,
)
from tests.vault_helpers import unguarded


@pytest.fixture
def team(request: pytest.FixtureRequest, db: Database) -> Iterator[Team]:
    made = Team(request, db)
    yield made
    made.close()


def _wrapped_for(db: Database, login: str) -> int:
    with db.read() as s:
        return (
            s.scalar(
                select(func.count())
                .select_from(VaultWrappedKey)
                .join(VaultMember, VaultMember.id == VaultWrappedKey.member_id)
                .where(VaultMember.login == login)
            )
            or 0
        )


def test_a_member_row_slipped_in_by_sql_never_receives_the_next_key(team: Team) -> None:
    opened = _init(team.db)
    bob, eve = team.user("bob"), team.user("eve")
    _add_member(team.db, opened, bob)
    _save(team.db, opened, "生产库", "s3cret")
    # Eve is no member; she writes herself a member row and key pair.
    keys = vault_crypto.new_member_keys()
    kek = vault_crypto.derive_key(MEMBER_PASS, vault_crypto.new_kdf_params())

    def slip_in(s: Session) -> None:
        s.add(
            VaultMember(
                login=eve,
                public_key=keys.public,
                sealed_private_key=vault_crypto.seal_private_key(keys.private, kek, eve),
                kdf=vault_crypto.new_kdf_params().to_json(),
                added_at=datetime.now(UTC),
                added_by=eve,
            )
        )

    if not team.db.is_sqlite:  # with her own login the server refuses it
        with pytest.raises(DBAPIError, match="refused"), team.login(eve).write() as s:
            slip_in(s)
    with team.login(eve).write() if team.db.is_sqlite else team.db.write() as s:
        unguarded(s)
        slip_in(s)
    with pytest.raises(ValidationError) as caught, team.db.write() as s:
        vault.remove_member(s, opened, bob)  # the rotation that would have wrapped for Eve
    assert (caught.value.code, caught.value.params["value"]) == ("member_not_vouched", eve)
    assert _wrapped_for(team.db, eve) == 0


def test_a_member_moved_to_another_role_gets_no_new_key(team: Team) -> None:
    opened = _init(team.db)
    bob, carol = team.user("bob"), team.user("carol")
    _add_member(team.db, opened, bob)
    _add_member(team.db, opened, carol)
    with team.db.write() as s:
        users.set_role(s, carol, "salesperson")
    with pytest.raises(ValidationError) as caught, team.db.write() as s:
        vault.remove_member(s, opened, bob)
    assert (caught.value.code, caught.value.params["value"]) == ("member_not_allowed", carol)
    # Removing her first is the way: the rotation then covers the others only.
    with team.db.write() as s:
        vault.remove_member(s, opened, carol)
    assert _wrapped_for(team.db, carol) == 0


def test_a_public_key_swapped_by_sql_is_caught(team: Team) -> None:
    opened = _init(team.db)
    bob, carol = team.user("bob"), team.user("carol")
    _add_member(team.db, opened, bob)
    _add_member(team.db, opened, carol)
    attacker = vault_crypto.new_member_keys()
    with team.db.write() as s:  # (as if Bob's row were rewritten by someone with the rights)
        unguarded(s)
        s.execute(
            update(VaultMember).where(VaultMember.login == bob).values(public_key=attacker.public)
        )
    # Bob's own unlock sees that his stored public key is not his private key's.
    with pytest.raises(SecretDamaged), team.login(bob).read() as s:
        vault.unlock(s, MEMBER_PASS)
    # And no rotation wraps the next key for the swapped-in key.
    with pytest.raises(ValidationError) as caught, team.db.write() as s:
        vault.remove_member(s, opened, carol)
    assert (caught.value.code, caught.value.params["value"]) == ("member_not_vouched", bob)


def test_a_vault_opened_before_a_rotation_is_stale_not_damaged(team: Team) -> None:
    opened = _init(team.db)
    bob, carol = team.user("bob"), team.user("carol")
    _add_member(team.db, opened, bob)
    _add_member(team.db, opened, carol)
    _save(team.db, opened, "oa", "secret")
    bobs = _unlock(team.login(bob), MEMBER_PASS)
    with team.db.write() as s:
        vault.remove_member(s, opened, carol)
    with pytest.raises(ValidationError) as caught, team.login(bob).write() as s:
        vault.reveal(s, bobs, "oa")
    assert caught.value.code == "vault_stale"
    with team.db.read() as s:
        damaged = s.scalar(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.action == "credential.damaged")
        )
    assert damaged == 0


def test_a_damaged_secret_is_replaced_by_a_new_one_and_the_damage_audited(db: Database) -> None:
    opened = _init(db)
    key = _save(db, opened, "vpn", "old")
    with db.write() as s:
        blob = bytearray(s.scalar(select(Credential.secret).where(Credential.id == key)) or b"")
        blob[-1] ^= 1
        s.execute(update(Credential).where(Credential.id == key).values(secret=bytes(blob)))
        row = vault.get_credential(s, key)
    with db.write() as s:
        vault.save_credential(s, opened, CredentialForm("vpn", "new", id=key, version=row.version))
    with db.write() as s:
        assert vault.reveal(s, opened, "vpn").secret == "new"
        actions = [e.action for e in s.scalars(select(AuditEvent).order_by(AuditEvent.seq))]
    assert actions[-4:] == [
        "credential.keep",  # the old secret was to be decrypted for the history...
        "credential.damaged",  # ...but it was damaged: audited, and replaced
        "credential.update",
        "credential.reveal",
    ]


def test_a_key_below_the_minimum_is_refused(sqlite_db: Database) -> None:
    weak = vault_crypto.KdfParams.from_json(
        vault_crypto.new_kdf_params()
        .to_json()
        .replace('"t": 3', '"t": 1')
        .replace('"t":3', '"t":1')
    )
    assert weak.t == 1
    with pytest.raises(ValidationError) as caught, sqlite_db.write() as s:
        vault.init_vault(s, "a long enough passphrase", weak)
    assert caught.value.code == "kdf_too_weak"
