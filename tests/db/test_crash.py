"""kill -9 of a writer mid-transaction: no acknowledged commit lost, no partial record.

The writer (crash_writer.py) is a separate process on the same SQLite file, as a second
desktop would be. It prints a line at every step; the harness kills it with SIGKILL after a
random number of lines, reopens the file and looks for damage.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select

from supportdesk.db.engine import Database
from supportdesk.db.models import Contact, Customer
from supportdesk.services.database import verify_audit

WRITER = Path(__file__).with_name("crash_writer.py")
ROOT = Path(__file__).parents[2]
KILLS = 200 if os.environ.get("SUPPORTDESK_STRESS") == "1" else 50


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    acknowledged: set[int] = field(default_factory=set)
    killed_after: Counter[str] = field(default_factory=Counter)  # the last line read


def _kill_at(url: str, prefix: str, mode: str, lines: int, report: Report) -> None:
    """Run the writer, SIGKILL it right after its `lines`-th progress line."""
    with subprocess.Popen(
        [sys.executable, str(WRITER), url, prefix, mode],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    ) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        last = ""
        for count, line in enumerate(proc.stdout, 1):
            last = line.split()[0]
            if last == "ack":
                report.acknowledged.add(int(line.split()[1]))
            if count == lines:
                proc.send_signal(signal.SIGKILL)
                break
        proc.wait()
        assert proc.returncode == -signal.SIGKILL, proc.stderr.read()
    report.killed_after[last] += 1


def _look_for_damage(db: Database, report: Report) -> None:
    problems = [f"integrity: {p}" for p in db.check_integrity()]
    with db.read() as s:
        present = set(s.scalars(select(Customer.id)))
        contacts = dict(
            s.execute(select(Contact.customer_id, func.count()).group_by(Contact.customer_id)).all()
        )
    problems += [f"lost acknowledged customer {i}" for i in sorted(report.acknowledged - present)]
    problems += [f"partial customer {i}" for i in sorted(present) if contacts.get(i, 0) != 3]
    result = verify_audit(db)
    if not result.ok:
        problems.append(f"audit chain broken at {result.first_bad}: {result.reason}")
    elif result.events != 1 + 4 * len(present):  # the admin, then 4 events per record
        problems.append(f"{result.events} audit events for {len(present)} records")
    report.problems += [p for p in problems if p not in report.problems]


def _harness(db: Database, mode: str, kills: int, seed: int) -> Report:
    rnd = random.Random(seed)
    report = Report()
    for trial in range(kills):
        # Up to about four records per run: the kill lands at any step of a record.
        _kill_at(str(db.url), f"客户{trial}", mode, rnd.randint(1, 30), report)
        _look_for_damage(db, report)
    return report


def test_kill_minus_9_loses_no_acknowledged_commit(sqlite_db: Database) -> None:
    report = _harness(sqlite_db, "safe", KILLS, seed=20261124)
    assert report.problems == []
    # The kills did land in the middle of records, not only between them.
    assert sum(report.killed_after[k] for k in ("begin", "row", "commit")) >= KILLS // 2
    with sqlite_db.read() as s:
        assert (s.scalar(select(func.count()).select_from(Customer)) or 0) >= len(
            report.acknowledged
        )
    assert len(report.acknowledged) >= KILLS  # at least one commit per run on average


def test_negative_control_a_writer_that_acknowledges_early_loses_records(
    sqlite_db: Database,
) -> None:
    report = _harness(sqlite_db, "early", 8, seed=1)
    assert any(p.startswith("lost acknowledged customer") for p in report.problems)


def test_negative_control_a_writer_split_in_two_transactions_leaves_partial_records(
    sqlite_db: Database,
) -> None:
    report = _harness(sqlite_db, "split", 8, seed=2)
    assert any(p.startswith("partial customer") for p in report.problems)
