"""Demo data: realistic Chinese registry, contracts ending soon, only ever into an empty profile."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from supportdesk.db.engine import Database
from supportdesk.db.models import AuditEvent, Contact, Contract, Customer, Host, Project, System
from supportdesk.domain.errors import PermissionDeniedError
from supportdesk.domain.handover import HandoverState
from supportdesk.domain.registry import CustomerForm, valid_address, valid_email, valid_phone
from supportdesk.services import demo, handover, interchange, registry, users

TODAY = date(2026, 11, 25)
CJK = re.compile(r"[\u4e00-\u9fff]")
MODELS = (Customer, Contact, Project, System, Host, Contract)


def _counts(db: Database) -> dict[str, int]:
    with db.read() as s:
        counts = {
            m.__name__: int(s.scalar(select(func.count()).select_from(m)) or 0) for m in MODELS
        }
        counts["events"] = int(s.scalar(select(func.count()).select_from(AuditEvent)) or 0)
    return counts


def test_demo_fills_realistic_chinese_data(db: Database) -> None:
    with db.write() as s:
        summary = demo.fill(s, 1, TODAY)
    assert not summary.skipped
    counts = _counts(db)
    assert (summary.customers, summary.hosts, summary.contracts) == (
        counts["Customer"],
        counts["Host"],
        counts["Contract"],
    )
    assert counts["Customer"] == 12
    assert counts["Contact"] >= counts["Customer"]
    assert counts["Project"] >= 2 * counts["Customer"]
    assert counts["Host"] >= 3 * counts["System"]
    with db.read() as s:
        doc = interchange.export_document(s)
        logins = {u.login for u in users.list_users(s)}
    for customer in doc["customers"]:
        assert CJK.search(customer["name"]), customer["name"]
        assert CJK.search(customer["short_name"])
        assert CJK.search(customer["region"])
        assert customer["engineer"] in logins
        assert any(k["emergency"] for k in customer["contacts"])
        for contact in customer["contacts"]:
            assert CJK.search(contact["name"])
            valid_phone("phone", contact["phone"])
            valid_email("email", contact["email"])
        for project in customer["projects"]:
            assert CJK.search(project["name"])
            assert project["contract_no"]
            for system in project["systems"]:
                assert CJK.search(system["name"])
                names = {h["name"] for h in system["hosts"]}
                for host in system["hosts"]:
                    valid_address("address", host["address"])
                    assert host["jump_host"] is None or host["jump_host"] in names - {host["name"]}
                    assert host["tags"]
                if system["environment"] == "production":
                    assert system["under_maintenance"]
                    assert len(system["contracts"]) == 1
                for contract in system["contracts"]:
                    assert contract["salesperson"] in logins
                    assert contract["start"] <= contract["end"]
    hosts = [
        h for c in doc["customers"] for p in c["projects"] for s in p["systems"] for h in s["hosts"]
    ]
    assert any(h["jump_host"] for h in hosts)
    assert len({h["address"] for h in hosts}) == len(hosts)  # no two hosts share an address


def test_some_contracts_end_within_three_months(db: Database) -> None:
    with db.write() as s:
        demo.fill(s, 1, TODAY)
    with db.read() as s:
        ends = list(s.scalars(select(Contract.end)))
        kinds = set(s.scalars(select(Contract.kind)))
    soon = [e for e in ends if TODAY <= e <= TODAY + timedelta(days=92)]
    later = [e for e in ends if e > TODAY + timedelta(days=92)]
    assert len(soon) >= 3
    assert later  # not every contract is about to end
    assert kinds == {"free", "paid"}


def test_handovers_are_signed_late_or_under_way(db: Database) -> None:
    """The Handover page has something to show: signed packages that verify, a late one
    still in progress, and joined ones ahead of acceptance (R1.1-R1.3)."""
    with db.write() as s:
        demo.fill(s, 1, TODAY)
    with db.read() as s:
        lines = handover.timelines(s)
        signed = [t for t in lines if t.state is HandoverState.SIGNED]
        late = [t for t in lines if t.state is HandoverState.IN_PROGRESS and t.late(TODAY)]
        joined = [t for t in lines if t.state is HandoverState.JOINED]
        checks = [c for t in signed for c in handover.verify_signoffs(s, t.project_id)]
        gaps = handover.missing(s, late[0].project_id)
    assert len(signed) >= 6
    assert late
    assert joined
    assert checks
    assert all(c.ok for c in checks)
    assert "maintenance_period" in gaps


def test_some_customer_was_not_contacted_within_a_week(db: Database) -> None:
    with db.write() as s:
        demo.fill(s, 1, TODAY)
    with db.read() as s:
        rows = list(s.execute(select(Customer.created_on, Customer.first_contact_on)))
    assert any(
        contacted is None and TODAY - created > timedelta(days=7) for created, contacted in rows
    )
    assert sum(1 for _, contacted in rows if contacted is not None) >= 10


def test_demo_is_deterministic_for_a_scale_and_day(tmp_path: Path, sqlite_db: Database) -> None:
    other = Database(f"sqlite:///{tmp_path / 'other.db'}", actor="tester")
    from supportdesk.db.migrate import upgrade

    upgrade(other)
    try:
        with other.write() as s:
            users.ensure_first_admin(s)
        for db in (sqlite_db, other):
            with db.write() as s:
                demo.fill(s, 1, TODAY)
        with sqlite_db.read() as a, other.read() as b:
            assert interchange.export_document(a) == interchange.export_document(b)
    finally:
        other.dispose()


def test_scale_multiplies_the_data(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        summary = demo.fill(s, 3, TODAY)
    assert summary.customers == 36
    with sqlite_db.read() as s:
        names = list(s.scalars(select(Customer.name)))
    assert len(set(names)) == 36


def test_a_profile_with_data_is_left_alone(db: Database) -> None:
    with db.write() as s:
        registry.save_customer(s, CustomerForm("用户自己的客户"))
    before = _counts(db)
    with db.write() as s:
        assert not demo.is_empty(s)
        summary = demo.fill(s, 1, TODAY)
    assert summary.skipped
    assert summary.describe() == "the profile already holds data; no demo data added"
    assert _counts(db) == before
    # And a filled profile is not filled twice.
    with db.write() as s:
        s.execute(delete(Customer))
        assert demo.is_empty(s)
        demo.fill(s, 1, TODAY)
    once = _counts(db)
    with db.write() as s:
        assert demo.fill(s, 1, TODAY).skipped
    assert _counts(db) == once


def test_only_an_administrator_fills_demo_data(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        users.add_user(s, "wangwu", "engineer")
    engineer = Database(sqlite_db.url, actor="wangwu")
    before = _counts(sqlite_db)
    try:
        with pytest.raises(PermissionDeniedError), engineer.write() as s:
            demo.fill(s, 1, TODAY)
    finally:
        engineer.dispose()
    assert _counts(sqlite_db) == before


# --- the GUI start path (supportdesk --demo): only an empty profile is filled ---------------


def _start_gui(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "SUPPORTDESK_HOME": str(home),
        "SUPPORTDESK_QUIT_AFTER_SHOW": "1",
        "QT_QPA_PLATFORM": "offscreen",
    }
    env.pop("SUPPORTDESK_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "supportdesk", "--lang", "en", *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=180,
    )


def _profile_customers(home: Path) -> list[str]:
    db = Database(f"sqlite:///{home / 'supportdesk.db'}")
    try:
        with db.read() as s:
            return list(s.scalars(select(Customer.name).order_by(Customer.id)))
    finally:
        db.dispose()


def test_gui_start_fills_an_empty_profile_with_demo_data(isolated_home: Path) -> None:
    done = _start_gui(isolated_home, "--demo")
    assert done.returncode == 0, done.stderr
    names = _profile_customers(isolated_home)
    assert len(names) == 12
    assert all(CJK.search(n) for n in names)
    again = _start_gui(isolated_home, "--demo")  # a second start adds nothing
    assert again.returncode == 0, again.stderr
    assert _profile_customers(isolated_home) == names


def test_gui_start_never_adds_demo_data_to_a_profile_in_use(isolated_home: Path) -> None:
    from supportdesk import bootstrap

    app = bootstrap.open_app()
    try:
        with app.db.write() as s:
            registry.save_customer(s, CustomerForm("真实客户"))
    finally:
        app.close()
    done = _start_gui(isolated_home, "--demo")
    assert done.returncode == 0, done.stderr
    assert _profile_customers(isolated_home) == ["真实客户"]


def test_demo_fills_the_service_manual(db: Database) -> None:
    from supportdesk.domain.faq import FaqState
    from supportdesk.services import faq

    with db.write() as s:
        summary = demo.fill(s, 1, TODAY)
    with db.read() as s:
        rows = faq.entries(s)
        found = faq.search(s, "备份")
        month = faq.manual(s, date.today().strftime("%Y-%m"))
    states = {r.state for r in rows}
    assert summary.entries >= 15
    assert len(rows) > summary.entries  # the signed handovers' FAQ seeded drafts too
    assert states == {FaqState.DRAFT, FaqState.REVIEW, FaqState.PUBLISHED}
    assert all(CJK.search(r.question) for r in rows)
    assert found.total >= 2
    assert month.count >= 10  # published today: in this month's manual
    assert any(r.system for r in rows)


def test_demo_leaves_last_months_optimisation_report_as_a_draft(db: Database) -> None:
    from supportdesk.domain.optimisation import ReportState
    from supportdesk.services import optimisation

    with db.write() as s:
        demo.fill(s, 1, TODAY)
    last = TODAY.replace(day=1) - timedelta(days=1)
    with db.read() as s:
        report = optimisation.show(s, f"{last.year}-{last.month:02d}")
    own = [i for i in report.items if i.source == "group"]
    assert report.state is ReportState.DRAFT
    assert len(own) == 3
    assert all(CJK.search(i.description) and i.measure and i.department for i in own)
