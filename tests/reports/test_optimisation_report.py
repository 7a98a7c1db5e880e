"""The monthly optimisation report (issue 10, R2.4) as DOCX, PDF and XLSX: the Chinese title,
items, steps and quality figures in each, overdue and carried items marked, real dates in
the spreadsheet."""

from __future__ import annotations

import os
import time
import unicodedata
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pypdf
import pytest
from docx import Document
from openpyxl import load_workbook

from supportdesk.domain.optimisation import (
    Category,
    Decision,
    ItemRow,
    ItemState,
    Quality,
    ReportRow,
    ReportState,
    StepRow,
)
from supportdesk.domain.roles import Role
from supportdesk.reports import optimisation_report
from supportdesk.ui.i18n import resource_path

FONT = resource_path("fonts/SupportDeskSansSC-Regular.ttf")
RETURNED_AT = datetime(2026, 12, 2, 1, 30, tzinfo=UTC)


def _item(id_: int, description: str, **changes: object) -> ItemRow:
    values: dict[str, object] = {
        "id": id_,
        "month": "2026-11",
        "project_id": 1,
        "customer": "华东电力",
        "project": "调度平台",
        "system": "调度平台生产",
        "description": description,
        "category": Category.PERFORMANCE,
        "department": "研发部",
        "due_on": date(2026, 12, 15),
        "measure": "为报表表加索引",
        "state": ItemState.OPEN,
        "closed_on": None,
        "source": "group",
        "carried_from": None,
        "overdue": False,
        "zentao_task_id": 4711,
        "version": 1,
    }
    values.update(changes)
    return ItemRow(**values)  # type: ignore[arg-type]


def _report(state: ReportState = ReportState.REVIEWED) -> ReportRow:
    return ReportRow(
        month="2026-11",
        state=state,
        holder=Role.COMMITTEE if state is ReportState.REVIEWED else None,
        steps=(
            StepRow(
                Decision.SUBMIT,
                "zuzhang",
                datetime(2026, 12, 1, 2, tzinfo=UTC),
                "",
                ReportState.SUBMITTED,
            ),
            StepRow(Decision.RETURN, "zongjian", RETURNED_AT, "请写明负责部门", ReportState.DRAFT),
        ),
        items=(
            _item(1, "报表查询慢"),
            _item(
                2,
                "日志未轮转",
                category=Category.OPERATIONS,
                department="运维组",
                due_on=date(2026, 10, 31),
                measure="配置日志轮转",
                source="carried",
                carried_from="2026-10",
                overdue=True,
                zentao_task_id=None,
            ),
            _item(
                3,
                "补丁已打",
                category=Category.SECURITY,
                state=ItemState.CLOSED,
                closed_on=date(2026, 11, 20),
                measure="",
                zentao_task_id=None,
            ),
        ),
        version=4,
    )


QUALITY = [Quality(1, "华东电力", "调度平台", 5, 3, 2)]
EXPECTED = (
    "2026年11月 优化总结及下月措施",
    "销售总监已审核",  # the state
    "管理委员会",  # who holds it
    "报表查询慢",
    "研发部",
    "为报表表加索引",
    "运维组",
    "配置日志轮转",
    "性能",
    "运维",
    "安全",
    "逾期",
    "自2026-10结转",
    "已完成 2026-11-20",
    "4711",
    "请写明负责部门",
    "退回",
    "调度平台",
)


@pytest.fixture
def shanghai() -> Iterator[None]:
    """Local time eight hours ahead of UTC, so "local" is not UTC by chance."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", "".join(text.split()))


def _pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(str(path))
    raw = "".join(page.extract_text() for page in reader.pages)
    return _nfkc(raw)


def _docx_text(path: Path) -> str:
    document = Document(str(path))
    return "\n".join(p.text for p in document.paragraphs) + "\n".join(
        c.text for t in document.tables for row in t.rows for c in row.cells
    )


def test_the_title_names_the_month() -> None:
    assert optimisation_report.title("2026-01") == "2026年1月 优化总结及下月措施"


@pytest.mark.usefixtures("shanghai")
def test_the_pdf_carries_the_chinese_text(tmp_path: Path) -> None:
    pdf = optimisation_report.write_pdf(_report(), QUALITY, tmp_path / "r.pdf", FONT)
    # NFKC: the PDF's text map may name a full-width bracket by its plain twin.
    text = _pdf_text(pdf)
    for expected in EXPECTED:
        assert _nfkc(expected) in text, expected
    assert "2026-12-0209:30" in text  # the return, at 01:30 UTC, in local time
    assert _nfkc("各项目质量（截至本月的12个月）") in text
    assert _nfkc("未完成，逾期（自2026-10结转）") in text
    assert text.count(_nfkc(optimisation_report.title("2026-11"))) == 1


def test_the_docx_carries_the_chinese_text(tmp_path: Path) -> None:
    docx = optimisation_report.write_docx(_report(), QUALITY, tmp_path / "r.docx")
    body = _docx_text(docx)
    for expected in EXPECTED:
        assert expected in body, expected
    document = Document(str(docx))
    (_summary, items, steps, quality) = document.tables
    rows = [[c.text for c in row.cells] for row in items.rows]
    assert rows[0] == list(optimisation_report.ITEM_HEAD)
    assert rows[2][6] == "未完成，逾期（自2026-10结转）"
    assert rows[1][0] == "华东电力 / 调度平台 / 调度平台生产"
    assert [c.text for c in steps.rows[2].cells][2:] == ["退回（草稿）", "请写明负责部门"]
    assert [c.text for c in quality.rows[1].cells] == ["华东电力", "调度平台", "5", "3", "2"]


def test_an_empty_draft_says_so(tmp_path: Path) -> None:
    empty = ReportRow("2026-11", ReportState.DRAFT, Role.GROUP_LEADER, (), (), 1)
    body = _docx_text(optimisation_report.write_docx(empty, [], tmp_path / "e.docx"))
    for expected in ("草稿", "售后组长", "本月没有条目。", "尚无审批记录。", "尚无质量数据。"):
        assert expected in body, expected
    text = _pdf_text(optimisation_report.write_pdf(empty, [], tmp_path / "e.pdf", FONT))
    assert "本月没有条目。" in text


def test_the_approved_report_is_held_by_nobody(tmp_path: Path) -> None:
    body = _docx_text(
        optimisation_report.write_docx(_report(ReportState.APPROVED), QUALITY, tmp_path / "a.docx")
    )
    assert "已批准" in body
    assert "—（已冻结）" in body


@pytest.mark.usefixtures("shanghai")
def test_the_xlsx_has_three_sheets_with_real_dates(tmp_path: Path) -> None:
    path = optimisation_report.write_xlsx(_report(), QUALITY, tmp_path / "r.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["条目", "审批", "质量"]
    items, steps, quality = (book[name] for name in book.sheetnames)
    for sheet in (items, steps, quality):
        assert sheet.freeze_panes == "A2"
    head = [c.value for c in items[1]]
    assert head[:4] == ["客户", "项目", "系统", "描述"]
    rows = {r[3]: dict(zip(head, r, strict=True)) for r in items.iter_rows(2, values_only=True)}
    carried = rows["日志未轮转"]
    assert (carried["逾期"], carried["结转自"], carried["责任部门"]) == (
        "逾期",
        "2026-10",
        "运维组",
    )
    assert carried["下月措施"] == "配置日志轮转"
    assert carried["类别"] == "运维"
    assert rows["报表查询慢"]["禅道任务"] == 4711
    # Dates are dates (Excel sorts and filters them), not text.
    due = items.cell(row=2, column=head.index("建议完成日期") + 1)
    assert due.is_date
    assert due.value == datetime(2026, 12, 15)
    closed = rows["补丁已打"]["完成日期"]
    assert isinstance(closed, datetime)
    assert closed.date() == date(2026, 11, 20)
    assert items.column_dimensions["D"].width == pytest.approx(48)
    step = [c.value for c in steps[3]]
    assert step[0] == "zongjian"
    assert step[1] == datetime(2026, 12, 2, 9, 30)  # local time: Excel has no time zones
    assert step[2:] == ["退回", "草稿", "请写明负责部门"]
    assert steps.cell(row=3, column=2).is_date
    assert [c.value for c in quality[2]] == ["华东电力", "调度平台", 5, 3, 2]


def test_pasted_control_characters_and_formulas_stay_plain_text(tmp_path: Path) -> None:
    """A description pasted from Word may hold a control character, and one may start with
    "=": each document still writes, and the spreadsheet never runs it as a formula."""
    report = _report()
    odd = _item(99, "=1+1 备份\x0b失败\x01", measure='=HYPERLINK("http://x")')
    report = ReportRow(
        report.month, report.state, report.holder, report.steps, (*report.items, odd),
        report.version,
    )  # fmt: skip
    sheet = load_workbook(optimisation_report.write_xlsx(report, QUALITY, tmp_path / "r.xlsx"))
    cells = [c for row in sheet["条目"].iter_rows(min_row=2) for c in row if c.value]
    texts = {c.value: c.data_type for c in cells if isinstance(c.value, str)}
    assert texts["=1+1 备份失败"] == "s"
    assert texts['=HYPERLINK("http://x")'] == "s"
    document = Document(str(optimisation_report.write_docx(report, QUALITY, tmp_path / "r.docx")))
    words = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert "=1+1 备份失败" in words
    font = resource_path("fonts/SupportDeskSansSC-Regular.ttf")
    pdf = optimisation_report.write_pdf(report, QUALITY, tmp_path / "r.pdf", font)
    assert "备份失败" in "".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages)
