"""The monthly optimisation report (R2.4) as DOCX, PDF and XLSX, in Chinese, from one ReportRow
and its projects' quality figures.

The words are Chinese literals, not the translation catalogue: the report is the team's own
document, filed in the company's document folder, as the ZenTao import sheet is. The PDF
embeds the shipped font (reports/pdf.py); the DOCX names Microsoft YaHei, as Word expects.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

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
from supportdesk.reports.pdf import write_html_pdf
from supportdesk.reports.text import append_text_row, xml_text

CATEGORY = {
    Category.BUG: "缺陷",
    Category.PERFORMANCE: "性能",
    Category.SECURITY: "安全",
    Category.OPERATIONS: "运维",
    Category.OTHER: "其他",
}
STATE = {
    ReportState.DRAFT: "草稿",
    ReportState.SUBMITTED: "已提交",
    ReportState.REVIEWED: "销售总监已审核",
    ReportState.APPROVED: "已批准",
}
ROLE = {
    Role.GROUP_LEADER: "售后组长",
    Role.SALES_DIRECTOR: "销售总监",
    Role.COMMITTEE: "管理委员会",
}
DECISION = {Decision.SUBMIT: "提交", Decision.APPROVE: "批准", Decision.RETURN: "退回"}
ITEM_HEAD = (
    "客户/项目/系统",
    "描述",
    "类别",
    "责任部门",
    "建议完成日期",
    "下月措施",
    "状态",
    "禅道任务",
)
STEP_HEAD = ("审批人", "时间", "决定", "意见")
QUALITY_HEAD = ("客户", "项目", "发现", "按期关闭", "逾期")
_OVERDUE = "#ef9a9a"  # the inspection report's "critical" colour


def title(month: str) -> str:
    """ "2026年11月 优化总结及下月措施" for "2026-11"."""
    year, number = month.split("-")
    return f"{year}年{int(number)}月 优化总结及下月措施"


def _summary(report: ReportRow) -> list[tuple[str, str]]:
    held = ROLE.get(report.holder, report.holder.value) if report.holder else "—（已冻结）"
    return [
        ("月份", report.month),
        ("状态", STATE[report.state]),
        ("待处理", held),
        ("条目", str(len(report.items))),
    ]


def _where(item: ItemRow) -> str:
    return " / ".join(p for p in (item.customer, item.project, item.system) if p)


def _status(item: ItemRow) -> str:
    """未完成 / 已完成 on its date; 逾期 when overdue; the month a carried item came from."""
    text = "未完成" if item.state is ItemState.OPEN else f"已完成 {item.closed_on or ''}".strip()
    if item.overdue:
        text += "，逾期"
    if item.carried_from:
        text += f"（自{item.carried_from}结转）"
    return text


def _item_cells(item: ItemRow) -> list[str]:
    return _clean(
        [
            _where(item),
            item.description,
            CATEGORY[item.category],
            item.department,
            item.due_on.isoformat(),
            item.measure,
            _status(item),
            str(item.zentao_task_id) if item.zentao_task_id else "",
        ]
    )


def _local(at: datetime) -> datetime:
    return at.astimezone()


def _step_cells(s: StepRow) -> list[str]:
    decided = f"{DECISION[s.decision]}（{STATE[s.state_after]}）"
    return _clean([s.by, f"{_local(s.at):%Y-%m-%d %H:%M}", decided, s.comment])


def _quality_cells(q: Quality) -> list[str]:
    return _clean([q.customer, q.project, str(q.found), str(q.closed_in_time), str(q.overdue)])


def _clean(cells: list[str]) -> list[str]:
    """What users typed may hold a control character pasted from elsewhere: XML refuses it."""
    return [xml_text(c) for c in cells]


def _headings(months: int) -> dict[str, str]:
    return {
        "items": "优化条目",
        "no_items": "本月没有条目。",
        "steps": "审批记录",
        "no_steps": "尚无审批记录。",
        "quality": f"各项目质量（截至本月的{months}个月）",
        "no_quality": "尚无质量数据。",
    }


# --- PDF ---------------------------------------------------------------------------------------


def _html_table(head: Sequence[str], rows: list[tuple[list[str], set[int]]]) -> str:
    """rows: (cells, the indexes of the cells to mark as overdue)."""
    e = html.escape
    parts = ["<table border='1' cellspacing='0' cellpadding='3' width='100%'><tr>"]
    parts += [f"<th>{e(h)}</th>" for h in head]
    parts.append("</tr>")
    for cells, marked in rows:
        parts.append("<tr>")
        parts += [
            f"<td bgcolor='{_OVERDUE}'>{e(c)}</td>" if i in marked else f"<td>{e(c)}</td>"
            for i, c in enumerate(cells)
        ]
        parts.append("</tr>")
    parts.append("</table>")
    return "".join(parts)


def to_html(report: ReportRow, quality: Sequence[Quality], months: int = 12) -> str:
    e, w = html.escape, _headings(months)
    parts = [f"<h1>{e(title(report.month))}</h1>"]
    parts.append("<table border='1' cellspacing='0' cellpadding='4'>")
    parts += [f"<tr><th align='left'>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in _summary(report)]
    parts.append(f"</table><h2>{e(w['items'])}</h2>")
    if report.items:
        rows = [(_item_cells(i), {6} if i.overdue else set()) for i in report.items]
        parts.append(_html_table(ITEM_HEAD, rows))
    else:
        parts.append(f"<p>{e(w['no_items'])}</p>")
    parts.append(f"<h2>{e(w['steps'])}</h2>")
    if report.steps:
        parts.append(_html_table(STEP_HEAD, [(_step_cells(s), set()) for s in report.steps]))
    else:
        parts.append(f"<p>{e(w['no_steps'])}</p>")
    parts.append(f"<h2>{e(w['quality'])}</h2>")
    if quality:
        rows = [(_quality_cells(q), {4} if q.overdue else set()) for q in quality]
        parts.append(_html_table(QUALITY_HEAD, rows))
    else:
        parts.append(f"<p>{e(w['no_quality'])}</p>")
    return "".join(parts)


def write_pdf(
    report: ReportRow, quality: Sequence[Quality], path: Path, font_file: Path, months: int = 12
) -> Path:
    return write_html_pdf(to_html(report, quality, months), title(report.month), path, font_file)


# --- DOCX --------------------------------------------------------------------------------------


def _docx_table(doc: Any, head: Sequence[str], rows: list[list[str]]) -> None:
    grid = doc.add_table(rows=1, cols=len(head))
    grid.style = "Table Grid"
    for cell, text in zip(grid.rows[0].cells, head, strict=True):
        cell.text = text
    for cells in rows:
        for cell, text in zip(grid.add_row().cells, cells, strict=True):
            cell.text = text


def write_docx(report: ReportRow, quality: Sequence[Quality], path: Path, months: int = 12) -> Path:
    from docx import Document  # noqa: PLC0415 - only when a DOCX is asked for
    from docx.oxml.ns import qn  # noqa: PLC0415

    w = _headings(months)
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Microsoft YaHei"
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), "Microsoft YaHei")  # Word falls back to a CJK font it has
    doc.core_properties.title = title(report.month)
    doc.add_heading(title(report.month), level=1)
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for key, value in _summary(report):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = key, value
    for heading, head, rows, empty in (
        (w["items"], ITEM_HEAD, [_item_cells(i) for i in report.items], w["no_items"]),
        (w["steps"], STEP_HEAD, [_step_cells(s) for s in report.steps], w["no_steps"]),
        (w["quality"], QUALITY_HEAD, [_quality_cells(q) for q in quality], w["no_quality"]),
    ):
        doc.add_heading(heading, level=2)
        if rows:
            _docx_table(doc, head, rows)
        else:
            doc.add_paragraph(empty)
    doc.save(str(path))
    return path


# --- XLSX --------------------------------------------------------------------------------------

_DAY, _MINUTE = "yyyy-mm-dd", "yyyy-mm-dd hh:mm"
# (title, width) of each sheet's columns.
_ITEM_COLUMNS = (
    ("客户", 16), ("项目", 16), ("系统", 16), ("描述", 48), ("类别", 8), ("责任部门", 12),
    ("建议完成日期", 13), ("下月措施", 48), ("状态", 8), ("完成日期", 12), ("逾期", 6),
    ("结转自", 9), ("禅道任务", 10),
)  # fmt: skip
_STEP_COLUMNS = (("审批人", 16), ("时间", 17), ("决定", 8), ("结果", 14), ("意见", 60))
_QUALITY_COLUMNS = (("客户", 20), ("项目", 20), ("发现", 8), ("按期关闭", 10), ("逾期", 8))


def _sheet(book: Any, name: str, columns: Sequence[tuple[str, int]], rows: list[list[Any]]) -> None:
    sheet = book.create_sheet(name)
    sheet.append([t for t, _ in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for values in rows:
        for cell in append_text_row(sheet, values):
            cell.alignment = wrap
            if isinstance(cell.value, datetime):  # before date: a datetime is a date too
                cell.number_format = _MINUTE
            elif isinstance(cell.value, date):
                cell.number_format = _DAY
    for index, (_, width) in enumerate(columns, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = width
    sheet.freeze_panes = "A2"


def write_xlsx(report: ReportRow, quality: Sequence[Quality], path: Path) -> Path:
    """Sheets 条目, 审批 and 质量, each with a header row; dates are dates, times local."""
    book = Workbook()
    book.remove(book.active)
    book.properties.title = f"{title(report.month)}（{STATE[report.state]}）"
    items = [
        [
            i.customer, i.project, i.system, i.description, CATEGORY[i.category], i.department,
            i.due_on, i.measure, "未完成" if i.state is ItemState.OPEN else "已完成",
            i.closed_on, "逾期" if i.overdue else "", i.carried_from or "", i.zentao_task_id,
        ]
        for i in report.items
    ]  # fmt: skip
    _sheet(book, "条目", _ITEM_COLUMNS, items)
    steps = [
        # Excel has no time zones: the local time, as the PDF and DOCX show it.
        [s.by, _local(s.at).replace(tzinfo=None), DECISION[s.decision], STATE[s.state_after],
         s.comment]
        for s in report.steps
    ]  # fmt: skip
    _sheet(book, "审批", _STEP_COLUMNS, steps)
    figures = [[q.customer, q.project, q.found, q.closed_in_time, q.overdue] for q in quality]
    _sheet(book, "质量", _QUALITY_COLUMNS, figures)
    path = Path(path)
    book.save(path)
    return path
