"""A reminder run over 10,000 contracts ≤ 2 s, delivery excluded (issue 6): the rules over
every contract (and the 2,500 systems' inspection coverage), then the reminders raised and
the outbox filled once; the second run finds everything already there."""

from __future__ import annotations

import random
import time
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import insert

from supportdesk.db.engine import Database
from supportdesk.db.models import Contract, Customer, Project, System
from supportdesk.services import reminder, team_settings, users

CONTRACTS = 10_000
LIMIT_S = 2.0
TODAY = date(2026, 12, 1)


def _fill(db: Database) -> None:
    """10,000 contracts on 2,500 systems: four each, one after the other, so only the last
    is current; current ones end between a month ago and about 13 months from today."""
    rng = random.Random(20261201)
    now = datetime.now(UTC)
    common = {"version": 1, "updated_by": "bench", "updated_at": now}
    with db.engine.begin() as conn:
        conn.execute(
            insert(Customer),
            [{"id": i, "name": f"客户{i:04d}", "short_name": "", "region": "上海",
              "created_on": TODAY, **common} for i in range(1, 101)],
        )  # fmt: skip
        conn.execute(
            insert(Project),
            [{"id": i, "customer_id": (i - 1) % 100 + 1, "name": f"项目{i:04d}",
              "contract_no": "", **common} for i in range(1, 501)],
        )  # fmt: skip
        conn.execute(
            insert(System),
            [{"id": i, "project_id": (i - 1) % 500 + 1, "name": f"系统{i:04d}",
              "environment": "production", "under_maintenance": True, **common}
             for i in range(1, 2501)],
        )  # fmt: skip
        rows = []
        for n in range(CONTRACTS):
            system = n // 4 + 1
            # the system's fourth contract is its current one, ending within ~13 months
            end = TODAY + timedelta(days=rng.randint(-30, 400) - (3 - n % 4) * 365)
            rows.append(
                {"id": n + 1, "system_id": system, "start": end - timedelta(days=365), "end": end,
                 "kind": "paid", "salesperson": None, "notice_months": 3, **common}
            )  # fmt: skip
        conn.execute(insert(Contract), rows)


@pytest.mark.benchmark
def test_a_reminder_run_over_10000_contracts(db: Database) -> None:
    with db.write() as s:
        # A director and a group leader, both with mail: every channel but the robots.
        users.add_user(s, f"zongjian_{db.url.get_backend_name()}", "sales_director",
                       email="director@example.cn", password="bench-pw-1")  # fmt: skip
        users.add_user(s, f"zuzhang_{db.url.get_backend_name()}", "group_leader",
                       email="leader@example.cn", password="bench-pw-1")  # fmt: skip
        team_settings.set_many(s, {"mail.host": "smtp.example.cn", "mail.from": "d@example.cn"})
    _fill(db)
    started = time.perf_counter()
    with db.read() as s:
        found = reminder.due(s, TODAY)
    rules = time.perf_counter() - started
    started = time.perf_counter()
    with db.write() as s:
        added = reminder.enqueue(s, TODAY)
    first = time.perf_counter() - started
    started = time.perf_counter()
    with db.write() as s:
        again = reminder.enqueue(s, TODAY)
    second = time.perf_counter() - started
    print(
        f"\nreminders over {CONTRACTS:,} contracts on {db.url.get_backend_name()}: "
        f"rules {rules:.2f} s ({len(found)} due), first run {first:.2f} s "
        f"({added} messages), second run {second:.2f} s ({again} new) (limit {LIMIT_S} s)"
    )
    assert found
    assert again == 0
    assert max(first, second) <= LIMIT_S
