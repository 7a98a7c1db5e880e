"""PostgreSQL under concurrent writers: one stale save loses, the audit chain never forks."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from supportdesk.db import audit
from supportdesk.db.engine import Database
from supportdesk.db.models import AuditEvent, AuditHead
from supportdesk.domain.errors import ConflictError
from supportdesk.domain.registry import CustomerForm
from supportdesk.services import registry, users
from supportdesk.services.database import verify_audit
from tests.servers.postgres import PostgresServer

pytestmark = pytest.mark.postgres


def _team(pg_server: PostgresServer, pg_url: str) -> tuple[Database, Database, Database]:
    admin = Database(pg_url)
    with admin.write() as s:
        users.ensure_first_admin(s)
        users.add_user(s, "alice", "engineer", password="alice-pw-1")
        users.add_user(s, "bob", "engineer", password="bob-pw-1")
    name = admin.url.database
    assert name is not None
    return (
        admin,
        Database(pg_server.url(name, user="alice", password="alice-pw-1")),
        Database(pg_server.url(name, user="bob", password="bob-pw-1")),
    )


def test_two_people_save_one_record_exactly_one_wins(
    pg_server: PostgresServer, pg_url: str
) -> None:
    admin, alice, bob = _team(pg_server, pg_url)
    with admin.write() as s:
        key = registry.save_customer(s, CustomerForm("客户")).id
    for trial in range(100):
        with admin.read() as s:
            loaded = registry.get_customer(s, key)
        barrier = threading.Barrier(2)

        def save(
            db: Database, who: str, row: Any = loaded, barrier: Any = barrier, trial: int = trial
        ) -> str:
            barrier.wait()
            try:
                with db.write() as s:
                    registry.save_customer(
                        s, CustomerForm(row.name, f"{who}{trial}", id=row.id, version=row.version)
                    )
            except ConflictError as error:
                return f"conflict:{error.changed_by}"
            return f"won:{who}"

        with ThreadPoolExecutor(2) as pool:
            outcomes = sorted(pool.map(save, (alice, bob), ("alice", "bob")))
        winners = [o for o in outcomes if o.startswith("won:")]
        assert len(winners) == 1, outcomes
        winner = winners[0].split(":")[1]
        assert outcomes == sorted([f"won:{winner}", f"conflict:{winner}"])
        with admin.read() as s:
            assert registry.get_customer(s, key).short_name == f"{winner}{trial}"
    for db in (admin, alice, bob):
        db.dispose()


def _unsafe_append(session: Session, action: str, target: str, payload: dict[str, Any]) -> int:
    """The negative control: the same append without locking the chain head."""
    head = session.execute(select(AuditHead).where(AuditHead.id == 1)).scalar_one()
    at = datetime.now(UTC).isoformat()
    seq = head.seq + 1
    body = audit.canonical_payload(payload)
    digest = audit.event_hash(seq, at, "x", action, target, body, head.hash)
    session.add(
        AuditEvent(
            seq=seq,
            at=at,
            actor="x",
            action=action,
            target=target,
            payload=body,
            prev_hash=head.hash,
            hash=digest,
        )
    )
    session.execute(
        text("UPDATE audit_head SET seq = :s, hash = :h WHERE id = 1"), {"s": seq, "h": digest}
    )
    session.flush()
    return seq


def _hammer(url: str, append: Callable[..., int], writers: int, each: int) -> int:
    """`writers` threads × `each` appends, each its own transaction. Returns the failures."""
    failures = 0
    lock = threading.Lock()

    def run(worker: int) -> None:
        nonlocal failures
        db = Database(url)
        for n in range(each):
            try:
                with db.write() as s:
                    append(s, "test.append", f"w{worker}", {"n": n})
            except Exception:  # noqa: BLE001 - counting what went wrong is the point
                with lock:
                    failures += 1
        db.dispose()

    threads = [threading.Thread(target=run, args=(w,)) for w in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return failures


def test_eight_writers_never_fork_the_chain(pg_url: str) -> None:
    db = Database(pg_url)
    with db.write() as s:
        users.ensure_first_admin(s)
    before = verify_audit(db).events
    assert _hammer(pg_url, audit.append, 8, 250) == 0
    result = verify_audit(db)
    assert result.ok
    assert result.events == before + 2000
    with db.read() as s:
        seqs = list(s.scalars(select(AuditEvent.seq).order_by(AuditEvent.seq)))
    assert seqs == list(range(1, before + 2001))
    db.dispose()


def test_negative_control_unlocked_appends_are_caught(pg_url: str) -> None:
    db = Database(pg_url)
    failures = _hammer(pg_url, _unsafe_append, 8, 30)
    result = verify_audit(db)
    # Without the head lock writers collide: either appends fail or the chain breaks.
    assert failures > 0 or not result.ok
    db.dispose()
