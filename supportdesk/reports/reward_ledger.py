"""The reward ledger (R5.4) as an XLSX: one sheet per person and month, one of the rewards
themselves, in the installed language."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from PySide6.QtCore import QCoreApplication

from supportdesk.domain.rewards import LedgerRow, RewardRow
from supportdesk.reports.text import append_text_row

MONEY = "#,##0.00"


def ledger_head() -> list[str]:
    return [
        QCoreApplication.translate("RewardLedger", "Month"),
        QCoreApplication.translate("RewardLedger", "Login"),
        QCoreApplication.translate("RewardLedger", "Name"),
        QCoreApplication.translate("RewardLedger", "Count"),
        QCoreApplication.translate("RewardLedger", "Total (yuan)"),
    ]


def rewards_head() -> list[str]:
    return [
        QCoreApplication.translate("RewardLedger", "No."),
        QCoreApplication.translate("RewardLedger", "Month"),
        QCoreApplication.translate("RewardLedger", "Login"),
        QCoreApplication.translate("RewardLedger", "Name"),
        QCoreApplication.translate("RewardLedger", "Optimisation item"),
        QCoreApplication.translate("RewardLedger", "What changed"),
        QCoreApplication.translate("RewardLedger", "Evidence"),
        QCoreApplication.translate("RewardLedger", "Amount (yuan)"),
        QCoreApplication.translate("RewardLedger", "Approved on"),
    ]


def _append(sheet: Any, values: Sequence[object]) -> None:
    """Text stays text (a description starting with "=" is no formula); money is a number."""
    for cell in append_text_row(sheet, values):
        if isinstance(cell.value, str):
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        elif isinstance(cell.value, Decimal | float):
            cell.number_format = MONEY


def _heading(sheet: Any, titles: list[str], widths: Sequence[int]) -> None:
    sheet.append(titles)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = width
    sheet.freeze_panes = "A2"


def write_ledger_xlsx(
    ledger: Sequence[LedgerRow], rewards: Sequence[RewardRow], path: Path
) -> Path:
    """Writes the ledger (with a total row) and the individual approved rewards to `path`
    (replaced if it exists) and returns it. The caller writes beside the real name."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = QCoreApplication.translate("RewardLedger", "Ledger")
    _heading(sheet, ledger_head(), (10, 16, 16, 10, 16))
    for row in ledger:
        _append(sheet, [row.month, row.person, row.person_name, row.count, row.total])
    total = sum((row.total for row in ledger), Decimal("0.00"))
    _append(
        sheet,
        [
            QCoreApplication.translate("RewardLedger", "Total"),
            "",
            "",
            sum(row.count for row in ledger),
            total,
        ],
    )
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    detail = book.create_sheet(QCoreApplication.translate("RewardLedger", "Rewards"))
    _heading(detail, rewards_head(), (8, 10, 16, 16, 36, 48, 48, 14, 12))
    for r in rewards:
        _append(
            detail,
            [
                r.id,
                r.month,
                r.person,
                r.person_name,
                r.item_description,
                r.what_changed,
                r.evidence,
                r.amount,
                r.approved_on.isoformat() if r.approved_on else "",
            ],
        )
    book.save(str(path))
    return path
