"""SSH host keys (issue 5): our own table decides which key a host may present. A first key is
accepted explicitly by whoever inspects; a changed one only by the group leader, with a
reason. Each acceptance is in the audit chain with the fingerprints."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from supportdesk.db import audit
from supportdesk.db.models import Host, HostKeyRow
from supportdesk.domain.errors import NotFoundError, ValidationError
from supportdesk.domain.remote import HostKey
from supportdesk.domain.roles import Permission
from supportdesk.services.users import require


def known_key(session: Session, host_id: int) -> HostKey | None:
    row = session.get(HostKeyRow, host_id)
    return None if row is None else HostKey(row.key_type, row.key_base64)


def _host(session: Session, host_id: int) -> Host:
    host = session.get(Host, host_id)
    if host is None:
        raise NotFoundError("host", host_id)
    return host


def accept_first(session: Session, host_id: int, key: HostKey) -> None:
    """Accept the key a host showed at first contact (the user compared its fingerprint)."""
    login = require(session, Permission.INSPECT).login
    host = _host(session, host_id)
    existing = session.get(HostKeyRow, host_id, with_for_update=True)
    if existing is not None:
        if HostKey(existing.key_type, existing.key_base64) == key:
            return  # accepted meanwhile by a colleague: the same key, nothing to do
        raise ValidationError("host_key", "host_key_exists", value=host.name)
    session.add(_row(host_id, key, login))
    session.flush()
    audit.append(
        session,
        "host_key.accept",
        f"host:{host_id}",
        {"host": host.name, "key_type": key.key_type, "fingerprint": key.fingerprint},
    )


def replace(session: Session, host_id: int, key: HostKey, reason: str) -> None:
    """Accept a host's changed key (R2.3: only the group leader), after checking it with the
    customer; the reason is recorded with both fingerprints."""
    login = require(session, Permission.HOST_KEY_REPLACE).login
    why = reason.strip()
    if not why:
        raise ValidationError("reason", "required")
    host = _host(session, host_id)
    existing = session.get(HostKeyRow, host_id, with_for_update=True)
    old = None if existing is None else existing.fingerprint
    if existing is None:
        session.add(_row(host_id, key, login))
    else:
        existing.key_type, existing.key_base64 = key.key_type, key.key_base64
        existing.fingerprint, existing.accepted_by = key.fingerprint, login
        existing.accepted_at = datetime.now(UTC)
    session.flush()
    audit.append(
        session,
        "host_key.replace",
        f"host:{host_id}",
        {"host": host.name, "old": old, "new": key.fingerprint, "reason": why[:500]},
    )


def _row(host_id: int, key: HostKey, login: str) -> HostKeyRow:
    return HostKeyRow(
        host_id=host_id,
        key_type=key.key_type,
        key_base64=key.key_base64,
        fingerprint=key.fingerprint,
        accepted_by=login,
        accepted_at=datetime.now(UTC),
    )


def keys_of(session: Session, host_ids: list[int]) -> dict[int, HostKey]:
    rows = session.scalars(select(HostKeyRow).where(HostKeyRow.host_id.in_(host_ids)))
    return {r.host_id: HostKey(r.key_type, r.key_base64) for r in rows}
