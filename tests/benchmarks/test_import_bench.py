"""Import of a 10,000-row XLSX: at most 10 s on SQLite (issue 3); PostgreSQL figure printed."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from supportdesk.db.engine import Database
from supportdesk.db.models import Contract, Host
from supportdesk.services import interchange

HOSTS = 10_000
LIMIT_S = 10.0
CUSTOMERS, PROJECTS, SYSTEMS = 50, 4, 2  # 400 systems of 25 hosts each
REGIONS = ["上海", "北京", "广州", "成都", "杭州", "南京", "武汉", "西安"]


def _workbook(path: Path) -> int:
    """A registry spreadsheet as users fill it in: one sheet per entity; returns its rows."""
    book = Workbook(write_only=True)
    sheets = {name: book.create_sheet(name) for name in interchange.SHEETS}
    for name, sheet in sheets.items():
        sheet.append(interchange.SHEETS[name])
    per_system = HOSTS // (CUSTOMERS * PROJECTS * SYSTEMS)
    rows = 0
    for c in range(CUSTOMERS):
        customer = f"华东电力调度中心{c:03d}"
        sheets["customers"].append([customer, f"华东{c}", REGIONS[c % 8], None, "2026-01-05"])
        sheets["contacts"].append([customer, "王工", "信息科", f"1380000{c:04d}", "", True])
        rows += 2
        for p in range(PROJECTS):
            project = f"调度平台{p}"
            sheets["projects"].append([customer, project, f"HD-{c}-{p}", None, "2026-03-31"])
            rows += 1
            for s in range(SYSTEMS):
                system = f"{project}{'生产' if s == 0 else '测试'}"
                env = "production" if s == 0 else "test"
                sheets["systems"].append([customer, project, system, env, s == 0])
                sheets["contracts"].append(
                    [customer, project, system, "2026-04-01", "2027-03-31", "free", None, 3]
                )
                rows += 2
                for h in range(per_system):
                    sheets["hosts"].append(
                        [
                            customer,
                            project,
                            system,
                            f"app{h:02d}",
                            f"10.{c}.{p * 10 + s}.{h + 10}",
                            22,
                            "ops",
                            "app00" if h else None,
                            None,
                            "app linux" if h % 2 else "db",
                        ]
                    )
                    rows += 1
    book.save(path)
    return rows


@pytest.mark.benchmark
def test_import_10k_row_xlsx(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "registry.xlsx"
    rows = _workbook(path)
    started = time.perf_counter()
    document = interchange.load_file(path)
    read = time.perf_counter() - started
    with db.write() as session:
        summary = interchange.import_document(session, document)
    total = time.perf_counter() - started
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Host)) == HOSTS
        assert s.scalar(select(func.count()).select_from(Contract)) == 400
        assert (
            s.scalar(select(func.count()).select_from(Host).where(Host.jump_host_id.is_(None)))
            == 400
        )
    assert summary.counts["hosts"] == HOSTS
    engine = db.engine.dialect.name
    print(
        f"\nimport of {rows:,} XLSX rows ({HOSTS:,} hosts) on {engine}: {total:.2f} s "
        f"(reading {read:.2f} s, validating and writing {total - read:.2f} s; "
        f"limit {LIMIT_S} s on sqlite)"
    )
    if engine == "sqlite":
        assert total <= LIMIT_S
