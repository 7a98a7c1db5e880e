"""1,000 random tamperings of a 500-event chain: each found at the first event that is wrong.

Each tampering is one of the things someone with write access to the tables could do; the
test knows which event it touched, so it knows which event `verify` must name and why.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, text

from supportdesk.db import audit
from supportdesk.db.audit import GENESIS, event_hash, verify_rows
from supportdesk.db.engine import Database
from supportdesk.db.migrate import upgrade
from supportdesk.services import users
from tests.servers.postgres import PostgresServer

Row = tuple[Any, ...]  # (seq, at, actor, action, target, payload, prev_hash, hash)
Head = tuple[int, str]
COLUMNS = ("seq", "at", "actor", "action", "target", "payload", "prev_hash", "hash")
CONTENT = (1, 2, 3, 4, 5)  # at, actor, action, target, payload
EVENTS = 500
KINDS = (
    "edit",  # change one field in place (content, prev_hash or hash)
    "edit_rehash",  # change content and recompute that event's hash
    "delete",  # remove an event in the middle
    "delete_last",  # remove the newest event, head left alone
    "insert",  # slip a forged event in, renumbering everything after it
    "append",  # add a well-formed event at the end, head left alone
    "append_head",  # add an event at the end and move the head onto it (badly linked)
    "swap",  # exchange the contents of two events, numbers kept
)


def _chain(n: int) -> list[Row]:
    rows: list[Row] = []
    prev = GENESIS
    for seq in range(1, n + 1):
        at = f"2026-11-24T{seq // 3600:02d}:{seq // 60 % 60:02d}:{seq % 60:02d}.000000+00:00"
        actor, action, target = f"user{seq % 7}", "host.update", f"host:{seq}"
        payload = audit.canonical_payload({"n": seq, "名": "值"})
        digest = event_hash(seq, at, actor, action, target, payload, prev)
        rows.append((seq, at, actor, action, target, payload, prev, digest))
        prev = digest
    return rows


def _rehashed(row: Row) -> Row:
    return (*row[:7], event_hash(*row[:7]))


def _forged(seq: int, prev: str) -> Row:
    return _rehashed(
        (
            seq,
            "2026-11-24T12:00:00+00:00",
            "mallory",
            "vault.reveal",
            "cred:1",
            '{"forged":true}',
            prev,
            "",
        )
    )


def _changed(value: Any) -> str:
    text_value = str(value)
    if len(text_value) == 64:  # a hash: keep its length, flip the last digit
        return text_value[:-1] + ("1" if text_value[-1] == "0" else "0")
    return text_value + "x"


@dataclass(frozen=True)
class Tamper:
    kind: str
    rows: list[Row]  # the table after the tampering, in seq order
    head: Head
    first_bad: int
    reason: str


def _tamper(rnd: random.Random, pristine: list[Row]) -> Tamper:
    """Apply one random tampering to a copy; say where verification must stop, and why."""
    rows, n = list(pristine), len(pristine)
    head = (n, pristine[-1][7])
    kind = rnd.choice(KINDS)
    i = rnd.randrange(n)  # the index of the event touched
    seq = i + 1
    if kind == "edit":
        field = rnd.randrange(1, 8)
        row = list(rows[i])
        row[field] = _changed(row[field])
        rows[i] = tuple(row)
        return Tamper(kind, rows, head, seq, "prev_mismatch" if field == 6 else "hash_mismatch")
    if kind == "edit_rehash":
        field = rnd.choice(CONTENT)
        row = list(rows[i])
        row[field] = _changed(row[field])
        rows[i] = _rehashed(tuple(row))
        return Tamper(kind, rows, head, seq, "head_mismatch" if seq == n else "rehashed")
    if kind == "delete":
        i = rnd.randrange(n - 1)
        del rows[i]
        return Tamper(kind, rows, head, i + 1, "missing")
    if kind == "delete_last":
        return Tamper(kind, rows[:-1], head, n, "missing")
    if kind == "insert":
        forged = _forged(seq, rows[i - 1][7] if i else GENESIS)
        shifted = [(r[0] + 1, *r[1:]) for r in rows[i:]]
        return Tamper(kind, [*rows[:i], forged, *shifted], head, seq, "inserted")
    if kind == "append":
        return Tamper(kind, [*rows, _forged(n + 1, rows[-1][7])], head, n + 1, "unexpected")
    if kind == "append_head":
        # Linked to an older event (a forger who missed the newest one), head moved along:
        # caught at the forged event itself.
        forged = _forged(n + 1, rows[rnd.randrange(n - 1)][7])
        return Tamper(kind, [*rows, forged], (n + 1, forged[7]), n + 1, "prev_mismatch")
    j = rnd.choice([k for k in range(n) if k != i])
    i, j = min(i, j), max(i, j)
    rows[i], rows[j] = (i + 1, *rows[j][1:]), (j + 1, *rows[i][1:])
    return Tamper(kind, rows, head, i + 1, "prev_mismatch")


def _check(tampers: Iterator[tuple[Tamper, audit.VerifyResult]]) -> list[str]:
    return [
        f"{t.kind}: want {t.first_bad}/{t.reason}, got {r.first_bad}/{r.reason} ok={r.ok}"
        for t, r in tampers
        if r.ok or (r.first_bad, r.reason) != (t.first_bad, t.reason)
    ]


# --- in memory: verify_rows over the tampered tuples ----------------------------------------


def test_a_sound_chain_verifies() -> None:
    rows = _chain(EVENTS)
    result = verify_rows(rows, (EVENTS, rows[-1][7]))
    assert (result.ok, result.events) == (True, EVENTS)


def test_thousand_random_tamperings_are_found_at_the_first_bad_event() -> None:
    rnd = random.Random(20261125)
    pristine = _chain(EVENTS)
    tampers = [_tamper(rnd, pristine) for _ in range(1000)]
    assert {t.kind for t in tampers} == set(KINDS)
    assert _check((t, verify_rows(t.rows, t.head)) for t in tampers) == []


def test_negative_control_a_verifier_without_the_head_misses_a_cut_tail() -> None:
    # The head row is what reveals a removed last event: without it the cut goes unseen.
    rows = _chain(50)
    assert verify_rows(rows[:-1], None).ok
    assert not verify_rows(rows[:-1], (50, rows[-1][7])).ok


def test_negative_control_a_walk_that_stops_at_the_first_failed_check_blames_too_late() -> None:
    # A verifier that names the event where a check first fails points one event too late
    # for an edited-and-rehashed or an inserted event: the harness must notice.
    def naive(rows: list[Row], head: Head) -> audit.VerifyResult:
        prev = GENESIS
        for count, row in enumerate(rows, 1):
            if row[0] != count or row[6] != prev or event_hash(*row[:7]) != row[7]:
                return audit.VerifyResult(False, count, count, "hash_mismatch")
            prev = row[7]
        return audit.VerifyResult(head == (len(rows), prev), len(rows))

    rnd = random.Random(7)
    pristine = _chain(60)
    tampers = [_tamper(rnd, pristine) for _ in range(200)]
    late = {t.kind for t in tampers if naive(t.rows, t.head).first_bad != t.first_bad}
    assert {"edit_rehash", "insert"} <= late


def test_the_limits_of_a_public_hash_chain() -> None:
    # What no chain verifier can see, stated so nobody relies on it: a well-formed event
    # appended with the head moved onto it, or a tail cut off with the head moved back.
    # On PostgreSQL the server refuses both to team members (see test_audit and
    # test_migrate); a solo SQLite user owns the file.
    rows = _chain(20)
    forged = _forged(21, rows[-1][7])
    assert verify_rows([*rows, forged], (21, forged[7])).ok
    assert verify_rows(rows[:-1], (19, rows[-2][7])).ok


# --- through SQL: the same tamperings on real tables, each rolled back ----------------------


def _sql_tamper(conn: Connection, tamper: Tamper, pristine: list[Row]) -> None:
    """Turn the stored table into `tamper.rows` / `tamper.head` with plain SQL."""
    old = {r[0]: r for r in pristine}
    new = {r[0]: r for r in tamper.rows}
    if tamper.kind == "insert":  # renumber in two steps: seq is the primary key
        first = tamper.first_bad
        conn.execute(text("UPDATE audit_event SET seq = -(seq + 1) WHERE seq >= :f"), {"f": first})
        conn.execute(text("UPDATE audit_event SET seq = -seq WHERE seq < 0"))
        old = {
            (s + 1 if s >= first else s): (s + 1 if s >= first else s, *r[1:])
            for s, r in old.items()
        }
    for seq in sorted(set(old) - set(new)):
        conn.execute(text("DELETE FROM audit_event WHERE seq = :s"), {"s": seq})
    for seq, row in sorted(new.items()):
        values = dict(zip(COLUMNS, row, strict=True))
        if seq not in old:
            conn.execute(
                text(
                    "INSERT INTO audit_event (seq, at, actor, action, target, payload, "
                    "prev_hash, hash) VALUES (:seq, :at, :actor, :action, :target, :payload, "
                    ":prev_hash, :hash)"
                ),
                values,
            )
        elif row != old[seq]:
            changed = [c for c, a, b in zip(COLUMNS, row, old[seq], strict=True) if a != b]
            assignments = ", ".join(f"{c} = :{c}" for c in changed)
            conn.execute(text(f"UPDATE audit_event SET {assignments} WHERE seq = :seq"), values)
    if tamper.head != (len(pristine), pristine[-1][7]):
        conn.execute(
            text("UPDATE audit_head SET seq = :s, hash = :h WHERE id = 1"),
            {"s": tamper.head[0], "h": tamper.head[1]},
        )


def _stored(conn: Connection) -> list[Row]:
    return [
        tuple(r)
        for r in conn.execute(text(f"SELECT {', '.join(COLUMNS)} FROM audit_event ORDER BY seq"))
    ]


def _sql_trials(db: Database, trials: int, seed: int) -> list[str]:
    """Tamper through SQL in a transaction, verify inside it, roll back; repeat."""
    with db.write() as s:
        users.ensure_first_admin(s)
        while audit.append(s, "host.update", "host:1", {"名": "值"}) < EVENTS:
            pass
    with db.engine.connect() as conn:
        pristine = _stored(conn)
    assert len(pristine) == EVENTS
    rnd = random.Random(seed)
    results = []
    for _ in range(trials):
        tamper = _tamper(rnd, pristine)
        with db.engine.connect() as conn:
            transaction = conn.begin()
            if not db.is_sqlite:  # a superuser switches the server's guard off
                conn.execute(text("SET LOCAL session_replication_role = replica"))
            _sql_tamper(conn, tamper, pristine)
            assert _stored(conn) == tamper.rows  # the tables hold what the test meant
            results.append((tamper, audit.verify(conn)))
            transaction.rollback()
    with db.engine.connect() as conn:
        assert _stored(conn) == pristine
    return _check(iter(results))


@pytest.fixture
def chain_sqlite(tmp_path: Path) -> Iterator[Database]:
    db = Database(f"sqlite:///{tmp_path / 'chain.db'}", actor="tester")
    upgrade(db)
    yield db
    db.dispose()


def test_tamperings_through_sql_on_sqlite(chain_sqlite: Database) -> None:
    assert _sql_trials(chain_sqlite, 120, seed=11) == []


@pytest.mark.postgres
def test_tamperings_through_sql_on_postgres(pg_server: PostgresServer, pg_url: str) -> None:
    db = Database(pg_url)
    try:
        assert _sql_trials(db, 80, seed=12) == []
    finally:
        db.dispose()
