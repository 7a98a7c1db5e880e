"""The audit hash chain: append in the caller's transaction, verify from genesis."""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select, text, update
from sqlalchemy.orm import Session

from supportdesk.db.models import AuditEvent, AuditHead

GENESIS = "0" * 64


def canonical_payload(payload: Mapping[str, Any]) -> str:
    return json.dumps(
        payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str
    )


def event_hash(
    seq: int, at: str, actor: str, action: str, target: str, payload: str, prev_hash: str
) -> str:
    # A JSON array is an unambiguous encoding: no field can leak into the next.
    blob = json.dumps(
        [seq, at, actor, action, target, payload, prev_hash],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def current_actor(session: Session) -> str:
    """The authenticated database login on PostgreSQL; the OS user on solo SQLite."""
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        return str(session.execute(text("SELECT current_user")).scalar_one())
    return str(session.info.get("actor") or "")


def append(
    session: Session, action: str, target: str, payload: Mapping[str, Any] | None = None
) -> int:
    """Add one event in the caller's transaction; if this fails, the whole change rolls back."""
    # The head row is the lock: concurrent PostgreSQL writers queue here, so the chain never
    # forks. On SQLite, BEGIN IMMEDIATE has already serialised writers.
    head = session.execute(
        select(AuditHead).where(AuditHead.id == 1).with_for_update()
    ).scalar_one()
    seq = head.seq + 1
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    actor = current_actor(session)
    body = canonical_payload(payload or {})
    digest = event_hash(seq, at, actor, action, target, body, head.hash)
    session.add(
        AuditEvent(
            seq=seq,
            at=at,
            actor=actor,
            action=action,
            target=target,
            payload=body,
            prev_hash=head.hash,
            hash=digest,
        )
    )
    session.execute(update(AuditHead).where(AuditHead.id == 1).values(seq=seq, hash=digest))
    session.flush()
    return seq


@dataclass(frozen=True, slots=True)
class VerifyResult:
    ok: bool
    events: int
    first_bad: int | None = None
    reason: str | None = None  # hash_mismatch, prev_mismatch, missing, unexpected, head_mismatch

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "events": self.events,
            "first_bad": self.first_bad,
            "reason": self.reason,
        }


def verify_rows(rows: Iterable[tuple[Any, ...]], head: tuple[int, str] | None) -> VerifyResult:
    """Walk (seq, at, actor, action, target, payload, prev_hash, hash) rows in seq order."""
    expected, prev, count = 1, GENESIS, 0
    for seq, at, actor, action, target, payload, prev_hash, stored in rows:
        count += 1
        if seq != expected:
            reason = "missing" if seq > expected else "unexpected"
            return VerifyResult(False, count, expected, reason)
        if prev_hash != prev:
            return VerifyResult(False, count, seq, "prev_mismatch")
        if event_hash(seq, at, actor, action, target, payload, prev_hash) != stored:
            return VerifyResult(False, count, seq, "hash_mismatch")
        prev, expected = stored, expected + 1
    last = expected - 1
    if head is not None:
        if head[0] > last:  # the tail was cut off
            return VerifyResult(False, count, last + 1, "missing")
        if head[0] < last:  # rows appended behind the chain's back
            return VerifyResult(False, count, head[0] + 1, "unexpected")
        if head[1] != prev:
            return VerifyResult(False, count, last, "head_mismatch")
    return VerifyResult(True, count)


def verify(conn: Connection | Session) -> VerifyResult:
    t = AuditEvent.__table__.c
    # Read the head first: in the caller's snapshot it cannot move while we walk.
    head_row = conn.execute(select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1)).first()
    head = (int(head_row[0]), str(head_row[1])) if head_row else None
    query = select(t.seq, t.at, t.actor, t.action, t.target, t.payload, t.prev_hash, t.hash)
    with contextlib.closing(
        conn.execute(query.order_by(t.seq).execution_options(yield_per=5000))
    ) as rows:
        return verify_rows(rows, head)
