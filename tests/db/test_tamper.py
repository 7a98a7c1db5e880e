"""1,000 random tamperings of a 500-event chain: each found at the first bad event."""

from __future__ import annotations

import random
from typing import Any

from supportdesk.db.audit import GENESIS, event_hash, verify_rows

Row = tuple[Any, ...]


def _chain(n: int) -> list[Row]:
    rows: list[Row] = []
    prev = GENESIS
    for seq in range(1, n + 1):
        at, actor, action = f"2026-11-24T00:00:{seq:06d}", f"user{seq % 7}", "host.update"
        target, payload = f"host:{seq}", f'{{"n":{seq}}}'
        digest = event_hash(seq, at, actor, action, target, payload, prev)
        rows.append((seq, at, actor, action, target, payload, prev, digest))
        prev = digest
    return rows


def _forged(seq: int, prev: str) -> Row:
    payload = '{"forged":true}'
    at = "2026-11-24T12:00:00"
    return (
        seq,
        at,
        "mallory",
        "vault.reveal",
        "credential:1",
        payload,
        prev,
        event_hash(seq, at, "mallory", "vault.reveal", "credential:1", payload, prev),
    )


def _tamper(rnd: random.Random, rows: list[Row]) -> tuple[list[Row], tuple[int, str], int]:
    """Apply one random tampering; return the rows, the head and the first bad seq."""
    n = len(rows)
    rows = list(rows)
    head = (rows[-1][0], rows[-1][7])
    kind = rnd.choice(["edit", "delete", "insert", "append", "swap"])
    i = rnd.randrange(n)
    if kind == "edit":
        field = rnd.randrange(1, 8)  # at, actor, action, target, payload, prev_hash, hash
        row = list(rows[i])
        row[field] = str(row[field]) + "x"
        rows[i] = tuple(row)
        return rows, head, i + 1
    if kind == "delete":
        del rows[i]
        return rows, head, i + 1
    if kind == "insert":  # renumber everything after, as a careful forger would
        forged = _forged(i + 1, rows[i - 1][7] if i else GENESIS)
        shifted = [(r[0] + 1, *r[1:]) for r in rows[i:]]
        return [*rows[:i], forged, *shifted], head, i + 1 if i else 1
    if kind == "append":  # behind the chain's back: the head was not moved
        return [*rows, _forged(n + 1, rows[-1][7])], head, n + 1
    j = rnd.randrange(n)
    while j == i:
        j = rnd.randrange(n)
    rows[i], rows[j] = rows[j], rows[i]
    return rows, head, min(i, j) + 1


def test_a_sound_chain_verifies() -> None:
    rows = _chain(500)
    result = verify_rows(rows, (500, rows[-1][7]))
    assert (result.ok, result.events) == (True, 500)


def test_thousand_random_tamperings_are_found_at_the_first_bad_event() -> None:
    rnd = random.Random(3)
    pristine = _chain(500)
    misses = []
    for trial in range(1000):
        rows, head, expected = _tamper(rnd, pristine)
        result = verify_rows(rows, head)
        if result.ok or result.first_bad != expected:
            misses.append((trial, expected, result))
    assert misses == []


def test_negative_control_a_verifier_without_the_head_misses_a_cut_tail() -> None:
    # The head row is what reveals a removed last event: without it the cut goes unseen.
    rows = _chain(50)
    assert verify_rows(rows[:-1], None).ok
    assert not verify_rows(rows[:-1], (50, rows[-1][7])).ok
