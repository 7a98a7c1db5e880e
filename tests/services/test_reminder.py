"""Reminders into the outbox, exactly once (issue 6): running the rules twice, at once on
two connections, or after the end date changed."""

from __future__ import annotations

import threading
import uuid
from datetime import date

from sqlalchemy import func, select

from supportdesk.db.engine import Database
from supportdesk.db.models import OutboxMessage
from supportdesk.domain.registry import ContractForm, CustomerForm, ProjectForm, SystemForm
from supportdesk.services import registry, reminder, users

TODAY = date(2026, 12, 1)


def _setup(db: Database, end: date) -> tuple[int, int]:
    with db.write() as s:
        tag = "" if db.is_sqlite else f"_{uuid.uuid4().hex[:4]}"  # logins are cluster-wide
        users.add_user(
            s, f"zongjian{tag}", "sales_director", email="director@example.cn", password="pw-1"
        )
        users.add_user(s, f"zuzhang{tag}", "group_leader", email="", password="pw-1")
        customer = registry.save_customer(s, CustomerForm("华东电力"))
        project = registry.save_project(s, ProjectForm(customer.id, "调度平台"))
        system = registry.save_system(s, SystemForm(project.id, "调度平台生产"))
        contract = registry.save_contract(s, ContractForm(system.id, date(2025, 3, 1), end, "paid"))
        return system.id, contract.id


def _count(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(OutboxMessage)) or 0)


def test_due_then_enqueued_once(db: Database) -> None:
    _system, contract = _setup(db, date(2027, 2, 28))
    with db.read() as s:
        (found,) = reminder.due(s, TODAY)
    assert (found.subject, found.due_on) == (f"contract:{contract}", date(2026, 11, 28))
    with db.write() as s:
        added = reminder.enqueue(s, TODAY)
    # director: mail + inbox; group leader without e-mail: inbox only
    assert added == 3
    with db.write() as s:
        assert reminder.enqueue(s, TODAY) == 0
    with db.write() as s:
        assert reminder.enqueue(s, date(2026, 12, 2)) == 0  # the next day: same reminder
    with db.read() as s:
        rows = s.execute(
            select(OutboxMessage.channel, OutboxMessage.recipient).order_by(OutboxMessage.id)
        ).all()
    assert sorted((c, r.split("_")[0]) for c, r in rows) == [
        ("inbox", "zongjian"),
        ("inbox", "zuzhang"),
        ("mail", "director@example.cn"),
    ]


def test_a_changed_end_date_makes_a_new_reminder_a_renewal_stops_it(db: Database) -> None:
    system, contract = _setup(db, date(2027, 2, 28))
    with db.write() as s:
        reminder.enqueue(s, TODAY)
    with db.write() as s:
        (row,) = [c for c in registry.list_contracts(s) if c.id == contract]
        moved = ContractForm(
            system, row.start, date(2027, 1, 31), "paid", id=contract, version=row.version
        )
        registry.save_contract(s, moved)
    with db.write() as s:
        assert reminder.enqueue(s, TODAY) == 3
    with db.write() as s:
        registry.save_contract(s, ContractForm(system, date(2027, 2, 1), date(2028, 1, 31), "paid"))
    with db.read() as s:
        assert reminder.due(s, TODAY) == []


def test_two_runs_at_once_add_one_set(db: Database) -> None:
    _setup(db, date(2027, 2, 28))
    other = Database(db.url, actor=db.actor)
    barrier = threading.Barrier(2)
    results: list[int] = []

    def run(database: Database) -> None:
        barrier.wait()
        with database.write() as s:
            results.append(reminder.enqueue(s, TODAY))

    threads = [threading.Thread(target=run, args=(d,)) for d in (db, other)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    other.dispose()
    assert sorted(results) == [0, 3]
    assert _count(db) == 3
