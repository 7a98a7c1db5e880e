"""Measures ZenTao did not take (R2.4), as an XLSX in ZenTao's task-import layout (导入任务).

ZenTao's import (module/transfer, "任务 → 导入 → 导入Excel") reads the first sheet, takes the
first row as the column titles and matches them to the task fields by their Chinese names
($config->task->templateFields; titles from module/task/lang/zh-cn.php). Drop-down fields
are read either as their label ("开发") or as "label(#key)" ("张三(#zhangsan)"): types and
priorities are written as labels; accounts and executions, whose labels we do not know, as
"x(#key)", which the import resolves by key. Dates are text YYYY-MM-DD, as ZenTao exports
them. A column ZenTao does not know is ignored, so the 所属执行 column is harmless when a
user imports the sheet from inside one execution.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from supportdesk.domain.zentao import ZentaoTask

SHEET = "任务"  # ZenTao's $lang->excel->title->task
# (ZenTao field, its title in ZenTao's zh-cn template, column width)
COLUMNS = (
    ("execution", "所属执行", 24),
    ("name", "任务名称", 36),
    ("desc", "任务描述", 60),
    ("type", "任务类型", 10),
    ("assignedTo", "指派给", 16),
    ("pri", "优先级", 8),
    ("estimate", "最初预计", 10),
    ("estStarted", "预计开始", 12),
    ("deadline", "截止日期", 12),
)
HEADERS = tuple(title for _, title, _ in COLUMNS)
# ZenTao's $lang->task->typeList (zh-cn).
TYPE_LABELS = {
    "design": "设计",
    "devel": "开发",
    "request": "需求",
    "test": "测试",
    "study": "研究",
    "discuss": "讨论",
    "ui": "界面",
    "affair": "事务",
    "misc": "其他",
}


def execution_label(name: str, execution_id: int | None = None) -> str:
    """How the 所属执行 cell names an execution: "name(#id)" when the id is known (the form
    ZenTao's own drop-downs use, resolved by id), else the name alone."""
    return f"{name}(#{execution_id})" if execution_id else name


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def write_import_xlsx(tasks: Sequence[tuple[str, ZentaoTask]], path: Path) -> Path:
    """Writes one row per (execution label, task) to `path` (replaced if it exists), in the
    order given, and returns `path`. See `execution_label` for the first element."""
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append(list(HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for execution, task in tasks:
        assigned = f"{task.assigned_to}(#{task.assigned_to})" if task.assigned_to else ""
        sheet.append(
            [
                execution,
                task.name,
                task.description,
                TYPE_LABELS[task.kind],
                assigned,
                task.priority,
                task.estimate_hours,
                _day(task.est_started),
                _day(task.deadline),
            ]
        )
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap
            if isinstance(cell.value, str):
                cell.number_format = "@"  # text: Excel must not turn 2026-01-05 into a serial
    for index, (_, _, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = width
    sheet.freeze_panes = "A2"
    path = Path(path)
    book.save(path)
    return path
