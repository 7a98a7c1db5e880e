"""kill -9 of a writer mid-transaction: no acknowledged commit lost, no partial record."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from supportdesk.db.engine import Database
from supportdesk.db.models import Contact, Customer
from supportdesk.services.database import verify_audit

WRITER = Path(__file__).with_name("crash_writer.py")
KILLS = 200 if os.environ.get("SUPPORTDESK_STRESS") else 50


def _kill_after(url: str, start: int, mode: str, acks: int) -> list[int]:
    """Run the writer until it acknowledged `acks` records, then SIGKILL it at once."""
    acknowledged = []
    with subprocess.Popen(
        [sys.executable, str(WRITER), url, str(start), mode],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parents[2],
    ) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            acknowledged.append(int(line))
            if len(acknowledged) >= acks:
                break
        proc.send_signal(signal.SIGKILL)
    return acknowledged


def _damage(db: Database, acknowledged: set[int]) -> list[str]:
    problems = db.check_integrity()
    with db.read() as s:
        present = set(s.scalars(select(Customer.id)))
        counts = dict(
            s.execute(select(Contact.customer_id, func.count()).group_by(Contact.customer_id)).all()
        )
    problems += [f"lost acknowledged customer {i}" for i in sorted(acknowledged - present)]
    problems += [f"partial customer {i}" for i in present if counts.get(i) != 3]
    result = verify_audit(db)
    if not result.ok:
        problems.append(f"audit chain broken at {result.first_bad}")
    return problems


def _harness(db: Database, mode: str, kills: int) -> list[str]:
    rnd = random.Random(20261124)
    acknowledged: set[int] = set()
    problems: list[str] = []
    for trial in range(kills):
        acknowledged |= set(_kill_after(str(db.url), trial * 100_000, mode, rnd.randint(1, 4)))
        problems += _damage(db, acknowledged)
    return problems


@pytest.mark.slow
def test_kill_minus_9_loses_no_acknowledged_commit(sqlite_db: Database) -> None:
    assert _harness(sqlite_db, "safe", KILLS) == []
    with sqlite_db.read() as s:
        assert (s.scalar(select(func.count()).select_from(Customer)) or 0) >= KILLS


def test_negative_control_the_harness_sees_lost_records(sqlite_db: Database) -> None:
    # A writer that acknowledges before committing must be caught losing records.
    problems = _harness(sqlite_db, "early", 3)
    assert any(p.startswith("lost acknowledged") for p in problems)
