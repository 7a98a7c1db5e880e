"""The audit chain: appends in the caller's transaction; verify names the first broken event."""

from __future__ import annotations

import pytest

from supportdesk.db import audit
from supportdesk.db.engine import Database
from supportdesk.services.database import verify_audit


def _append(db: Database, n: int) -> None:
    with db.write() as session:
        for i in range(n):
            audit.append(session, "test.event", f"thing:{i}", {"i": i, "名": "值"})


def test_sound_chain_verifies(db: Database) -> None:
    _append(db, 20)
    result = verify_audit(db)
    assert result.ok
    assert result.events == 21  # the bootstrap admin event plus ours


def test_failed_change_rolls_back_its_event(db: Database) -> None:
    with pytest.raises(RuntimeError), db.write() as session:
        audit.append(session, "test.event", "x", {})
        raise RuntimeError
    assert verify_audit(db).events == 1


@pytest.mark.parametrize(
    ("tamper", "first_bad", "reason"),
    [
        ("UPDATE audit_event SET payload = '{\"i\":99}' WHERE seq = 5", 5, "hash_mismatch"),
        ("DELETE FROM audit_event WHERE seq = 7", 7, "missing"),
        ("DELETE FROM audit_event WHERE seq = 11", 11, "missing"),
        ("UPDATE audit_event SET actor = 'mallory' WHERE seq = 2", 2, "hash_mismatch"),
    ],
)
def test_tampering_is_found_at_the_first_bad_event(
    db: Database, tamper: str, first_bad: int, reason: str
) -> None:
    _append(db, 10)
    with db.engine.begin() as conn:
        conn.exec_driver_sql(tamper)
    result = verify_audit(db)
    assert not result.ok
    assert (result.first_bad, result.reason) == (first_bad, reason)
