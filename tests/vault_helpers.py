"""Shared test set-up for the vault."""

from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from supportdesk.crypto import vault_crypto
from supportdesk.db.models import VaultMember


def seal_as_long_ago(session: Session, passphrase: str, params: vault_crypto.KdfParams) -> None:
    """Re-seal the only member's key under `params`, as an older version would have: today's
    service refuses to seal under parameters below the minimum, so the row is rewritten."""
    member = session.scalars(select(VaultMember)).one()
    kek = vault_crypto.derive_key(passphrase, vault_crypto.KdfParams.from_json(member.kdf))
    private = vault_crypto.open_private_key(member.sealed_private_key, kek, member.login)
    member.sealed_private_key = vault_crypto.seal_private_key(
        private, vault_crypto.derive_key(passphrase, params), member.login
    )
    member.kdf = params.to_json()


def unguarded(session: Session) -> None:
    """Write past the server's vault guard (migration 0006) for the rest of this transaction,
    as the database owner or someone with the files could. PostgreSQL only (a superuser
    switches triggers off); SQLite has no such guard: its file's owner is the only user."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET LOCAL session_replication_role = replica"))
