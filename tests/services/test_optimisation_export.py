"""The optimisation report written out (issue 10, R2.4), on SQLite and PostgreSQL: any state's
report as DOCX, PDF or XLSX with the year's quality figures; the approved report filed into
the document folder once, replaced on repeat, audited; nothing half-written left behind."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pypdf
import pytest
from docx import Document
from openpyxl import load_workbook
from sqlalchemy import select

from supportdesk.db.models import AuditEvent, System
from supportdesk.domain.errors import ValidationError
from supportdesk.domain.optimisation import Category, Decision, ItemForm
from supportdesk.services import optimisation, optimisation_export
from supportdesk.ui.i18n import resource_path
from tests.reminder_team import Chain, Team

FONT = resource_path("fonts/SupportDeskSansSC-Regular.ttf")
MONTH = "2026-11"
FILED = ("2026-11 优化总结及下月措施.pdf", "2026-11 优化总结及下月措施.docx")


def _drafted(team: Team) -> None:
    """October leaves an item unfinished past its date; November carries it and adds one."""
    with team.db.read() as s:
        system = s.get(System, team.system)
        assert system is not None
        project = system.project_id
    with team.leader.write() as s:
        optimisation.draft(s, "2026-10")
        optimisation.save_item(
            s,
            ItemForm("2026-10", project, "日志未轮转", Category.OPERATIONS, "运维组",
                     date(2026, 10, 31), "配置日志轮转"),
        )  # fmt: skip
        optimisation.draft(s, MONTH)
        optimisation.save_item(
            s,
            ItemForm(MONTH, project, "报表查询慢", Category.PERFORMANCE, "研发部",
                     date(2026, 12, 15), "为报表表加索引", system_id=team.system),
        )  # fmt: skip


def _approved(chain: Chain) -> None:
    team = chain.team
    _drafted(team)
    with team.leader.write() as s:
        optimisation.decide(s, MONTH, Decision.SUBMIT)
    with team.director.write() as s:
        optimisation.decide(s, MONTH, Decision.APPROVE, "同意，请按期完成")
    with chain.committee.write() as s:
        optimisation.decide(s, MONTH, Decision.APPROVE)


def _pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(str(path))
    return "".join("".join(page.extract_text() for page in reader.pages).split())


def _docx_text(path: Path) -> str:
    document = Document(str(path))
    return "\n".join(p.text for p in document.paragraphs) + "\n".join(
        c.text for t in document.tables for row in t.rows for c in row.cells
    )


def _exports(team: Team) -> list[dict[str, object]]:
    with team.db.read() as s:
        payloads = s.scalars(
            select(AuditEvent.payload)
            .where(AuditEvent.action == "optimisation.export")
            .order_by(AuditEvent.seq)
        )
        return [json.loads(p) for p in payloads]


def test_a_draft_exports_in_each_format(chain: Chain, tmp_path: Path) -> None:
    team = chain.team
    _drafted(team)
    out = tmp_path / "out"
    out.mkdir()
    with team.leader.read() as s:
        pdf = optimisation_export.export(s, MONTH, "pdf", out / "r.pdf", FONT)
        docx = optimisation_export.export(s, MONTH, "docx", out / "r.docx", FONT)
        xlsx = optimisation_export.export(s, MONTH, "xlsx", out / "r.xlsx", FONT)
        year = optimisation.quality(s, MONTH, 12)
    assert sorted(p.name for p in out.iterdir()) == ["r.docx", "r.pdf", "r.xlsx"]
    text = _pdf_text(pdf)
    for expected in ("2026年11月优化总结及下月措施", "草稿", "报表查询慢", "日志未轮转", "逾期"):
        assert expected in text, expected
    body = _docx_text(docx)
    for expected in ("草稿", "售后组长", "为报表表加索引", "研发部", "自2026-10结转"):
        assert expected in body, expected
    book = load_workbook(xlsx)
    descriptions = [r[3] for r in book["条目"].iter_rows(min_row=2, values_only=True)]
    assert sorted(descriptions) == ["报表查询慢", "日志未轮转"]
    # The quality sheet is the year up to the month: October's item and its carried copy.
    figures = [list(r) for r in book["质量"].iter_rows(min_row=2, values_only=True)]
    assert figures == [[q.customer, q.project, q.found, q.closed_in_time, q.overdue] for q in year]
    assert figures == [["华东电力", "调度平台", 2, 0, 1]]
    assert _exports(team) == []  # an export to a path of one's own is not filed


def test_an_unknown_format_or_an_unwritable_path_is_refused(chain: Chain, tmp_path: Path) -> None:
    team = chain.team
    _drafted(team)
    with pytest.raises(ValidationError) as caught, team.leader.read() as s:
        optimisation_export.export(s, MONTH, "odt", tmp_path / "r.odt", FONT)
    assert (caught.value.field, caught.value.code) == ("format", "bad_value")
    for fmt in optimisation_export.FORMATS:
        out = tmp_path / "missing" / f"r.{fmt}"
        with pytest.raises(ValidationError) as caught, team.leader.read() as s:
            optimisation_export.export(s, MONTH, fmt, out, FONT)
        assert (caught.value.field, caught.value.code) == ("out", "unwritable")
    blocked = tmp_path / "out" / "blocked.pdf"  # a directory where the file should go
    (blocked / "keep").mkdir(parents=True)
    with pytest.raises(ValidationError), team.leader.read() as s:
        optimisation_export.export(s, MONTH, "pdf", blocked, FONT)
    assert [p.name for p in blocked.parent.iterdir()] == ["blocked.pdf"]  # no .part left


def test_only_an_approved_report_is_filed(chain: Chain, tmp_path: Path) -> None:
    team = chain.team
    _drafted(team)
    folder = tmp_path / "文档"
    with pytest.raises(ValidationError) as caught, team.leader.write() as s:
        optimisation_export.file_approved(s, MONTH, folder, FONT)
    assert (caught.value.code, caught.value.params["value"]) == ("report_not_approved", "draft")
    assert not folder.exists()


def test_the_approved_report_is_filed_once_and_replaced_on_repeat(
    chain: Chain, tmp_path: Path
) -> None:
    _approved(chain)
    team = chain.team
    folder = tmp_path / "文档" / "优化报告"
    with chain.committee.write() as s:
        first = optimisation_export.file_approved(s, MONTH, folder, FONT)
    assert [p.name for p in first] == list(FILED)
    assert sorted(p.name for p in folder.iterdir()) == sorted(FILED)
    text = _pdf_text(first[0])
    for expected in ("已批准", "报表查询慢", "同意，请按期完成", "批准(已批准)"):
        assert expected in text.replace("（", "(").replace("）", ")"), expected
    assert "为报表表加索引" in _docx_text(first[1])
    (folder / FILED[0]).write_bytes(b"stale")
    with team.db.write() as s:
        again = optimisation_export.file_approved(s, MONTH, folder, FONT)
    assert again == first
    assert sorted(p.name for p in folder.iterdir()) == sorted(FILED)  # replaced, not added
    assert (folder / FILED[0]).read_bytes().startswith(b"%PDF")
    events = _exports(team)
    assert len(events) == 2
    assert events[-1] == {
        "files": [
            {"name": p.name, "sha256": hashlib.sha256(p.read_bytes()).hexdigest()} for p in again
        ]
    }


def test_an_unwritable_folder_is_refused_and_leaves_no_part(chain: Chain, tmp_path: Path) -> None:
    _approved(chain)
    team = chain.team
    folder = tmp_path / "文档"
    (folder / FILED[0] / "keep").mkdir(parents=True)  # a directory where the PDF should go
    with pytest.raises(ValidationError) as caught, team.db.write() as s:
        optimisation_export.file_approved(s, MONTH, folder, FONT)
    assert (caught.value.field, caught.value.code) == ("documents.folder", "unwritable")
    assert sorted(p.name for p in folder.iterdir()) == [FILED[0]]  # no .part, no DOCX
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("x", encoding="utf-8")
    with pytest.raises(ValidationError) as caught, team.db.write() as s:
        optimisation_export.file_approved(s, MONTH, not_a_folder / "docs", FONT)
    assert caught.value.code == "unwritable"
    assert _exports(team) == []
