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


# The same text json.dumps(..., ensure_ascii=False, separators=(",", ":")) gives; built once,
# since dumps() with options builds an encoder per call (half the time of verifying).
_HASH_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


def event_hash(
    seq: int, at: str, actor: str, action: str, target: str, payload: str, prev_hash: str
) -> str:
    # A JSON array is an unambiguous encoding: no field can leak into the next.
    blob = _HASH_ENCODER.encode([seq, at, actor, action, target, payload, prev_hash])
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def current_actor(session: Session) -> str:
    """The authenticated database login on PostgreSQL; the OS user on solo SQLite."""
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        # session_user, not current_user: SET ROLE must not change who is accountable.
        return str(session.execute(text("SELECT session_user")).scalar_one())
    return str(session.info.get("actor") or "")


def append(
    session: Session, action: str, target: str, payload: Mapping[str, Any] | None = None
) -> int:
    """Add one event in the caller's transaction; if this fails, the whole change rolls back."""
    # The head row is the lock: concurrent PostgreSQL writers queue here, so the chain never
    # forks. On SQLite, BEGIN IMMEDIATE has already serialised writers.
    # Columns, not the ORM object: an AuditHead already in the session's identity map would
    # keep its stale values even though FOR UPDATE returned the newest row.
    head_seq, head_hash = session.execute(
        select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1).with_for_update()
    ).one()
    seq = head_seq + 1
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    actor = current_actor(session)
    body = canonical_payload(payload or {})
    digest = event_hash(seq, at, actor, action, target, body, head_hash)
    session.add(
        AuditEvent(
            seq=seq,
            at=at,
            actor=actor,
            action=action,
            target=target,
            payload=body,
            prev_hash=head_hash,
            hash=digest,
        )
    )
    session.info["audit_appended"] = True  # this transaction now holds the chain head's lock
    session.flush()  # the event first: on PostgreSQL the head may only move onto a stored event
    session.execute(
        update(AuditHead)
        .where(AuditHead.id == 1)
        .values(seq=seq, hash=digest)
        .execution_options(synchronize_session=False)
    )
    return seq


# Reason codes of a failed verification (ui/messages.py words them), for `first_bad`:
#   missing        an event was removed: its number is absent from the chain or its tail
#   unexpected     an event the chain does not account for: out of order, or past the head
#   hash_mismatch  the event was changed: its content no longer matches its hash
#   rehashed       the event was changed and its hash recomputed: the next one still links
#                  to its old hash
#   prev_mismatch  the event does not link to the event before it
#   inserted       the event was slipped in: the next event links past it
#   head_mismatch  the last event is not the one the chain head recorded
#   head_missing   the chain head row is gone, so a removed tail could not be seen
#   record_changed the chain is sound, but a record it vouches for changed since (an
#                  inspection's findings, outcome or evidence: services/inspection.py)
MISSING_HEAD = (-1, "")  # verify_rows(head=MISSING_HEAD): the head row is gone


@dataclass(frozen=True, slots=True)
class VerifyResult:
    ok: bool
    events: int
    first_bad: int | None = None
    reason: str | None = None  # one of the reason codes above

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "events": self.events,
            "first_bad": self.first_bad,
            "reason": self.reason,
        }


def verify_rows(rows: Iterable[tuple[Any, ...]], head: tuple[int, str] | None) -> VerifyResult:
    """Walk (seq, at, actor, action, target, payload, prev_hash, hash) rows in seq order.

    `head` is the (seq, hash) the chain head recorded; None checks the rows alone.

    `first_bad` is the first event that is itself wrong, not merely the first place a check
    trips over: where an edit or an insertion only shows at the following event, the link
    that event still carries tells which one before it was touched.
    """
    expected, prev, before_prev, count = 1, GENESIS, None, 0
    seen: set[str] = set()  # the hashes of the events walked so far
    for seq, at, actor, action, target, payload, prev_hash, stored in rows:
        count += 1
        if seq != expected:
            return VerifyResult(
                False, count, expected, "missing" if seq > expected else "unexpected"
            )
        intact = event_hash(seq, at, actor, action, target, payload, prev_hash) == stored
        if prev_hash != prev:
            if not intact and prev_hash == before_prev:
                # Renumbered (so its hash broke) and linking two back: the event in between
                # was slipped in, with a well-formed hash of its own.
                return VerifyResult(False, count, seq - 1, "inserted")
            if intact and seq > 1 and prev_hash not in seen and prev_hash != GENESIS:
                # Untouched (its hash covers the link it carries) and linking to a hash no
                # event has any more: that was the previous event's, which was edited and
                # re-hashed.
                return VerifyResult(False, count, seq - 1, "rehashed")
            return VerifyResult(False, count, seq, "prev_mismatch")
        if not intact:
            return VerifyResult(False, count, seq, "hash_mismatch")
        seen.add(stored)
        before_prev, prev, expected = prev, stored, expected + 1
    last = expected - 1
    if head == MISSING_HEAD:  # without the head a cut tail could not be seen
        return VerifyResult(False, count, last + 1, "head_missing")
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
    head = (int(head_row[0]), str(head_row[1])) if head_row else MISSING_HEAD
    query = select(t.seq, t.at, t.actor, t.action, t.target, t.payload, t.prev_hash, t.hash)
    with contextlib.closing(
        conn.execute(query.order_by(t.seq).execution_options(yield_per=5000))
    ) as rows:
        return verify_rows(rows, head)
