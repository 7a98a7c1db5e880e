"""The maintenance-expiry letter (R4.1): the group leader's written notice to the sales director,
as PDF and DOCX read back, Chinese data intact, under file names Windows accepts."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pypdf
import pytest
from docx import Document
from PySide6.QtCore import QCoreApplication

from supportdesk.domain.reminder import Letter, ServiceLine
from supportdesk.reports import reminder_letter
from supportdesk.ui.i18n import install_translators, resource_path

FONT = resource_path("fonts/SupportDeskSansSC-Regular.ttf")

LETTER = Letter(
    written_on=date(2026, 3, 2),
    to_names=("赵总监",),
    cc_names=("钱组长", "Sun Lei"),
    customer="华东电力",
    project="调度自动化二期",
    system="调度系统",
    contract_start=date(2025, 6, 1),
    contract_end=date(2026, 5, 31),
    days_left=90,
    salesperson="",
    inspections=(
        ServiceLine(date(2025, 7, 3), "inspection", "月度巡检 2025-06：全部正常"),
        ServiceLine(date(2025, 8, 4), "inspection", "Monthly inspection 2025-07: disk warning"),
    ),
    changes=(ServiceLine(date(2025, 9, 12), "change", "数据库升级到 16.4"),),
    open_issues=(ServiceLine(date(2026, 2, 20), "issue", "备份作业偶发超时"),),
    reference="R-12",
)


def _title() -> str:
    return QCoreApplication.translate("ReminderLetter", "Maintenance expiry notice")


@pytest.fixture(params=["zh_CN", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    app = QCoreApplication.instance()
    assert app is not None
    installed = install_translators(app, request.param)
    yield request.param
    for translator in installed:
        QCoreApplication.removeTranslator(translator)


def _pdf_text(path: Path) -> tuple[str, set[str]]:
    """The text as pypdf extracts it (whitespace folded, NFKC: 户 and the radical ⼾ share a
    glyph), and the names of the fonts embedded with their outlines."""
    reader = pypdf.PdfReader(str(path))
    raw = "".join(page.extract_text() for page in reader.pages)
    text = unicodedata.normalize("NFKC", " ".join(raw.split()))
    embedded = set()
    for page in reader.pages:
        resources: Any = page["/Resources"]
        fonts = resources.get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object().get("/FontDescriptor")
                if descriptor is not None:
                    d = descriptor.get_object()
                    if any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                        embedded.add(str(d["/FontName"]))
    return text, embedded


def _docx_text(path: Path) -> tuple[list[str], list[list[str]]]:
    document = Document(str(path))
    paragraphs = [p.text for p in document.paragraphs]
    cells = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    return paragraphs, cells


def test_the_pdf_says_what_expires_when_and_embeds_the_font(language: str, tmp_path: Path) -> None:
    pdf = reminder_letter.write_pdf(LETTER, tmp_path / "letter.pdf", FONT)
    text, embedded = _pdf_text(pdf)
    flat = text.replace(" ", "")  # Chinese text may come back with spaces at wraps
    for expected in (
        "华东电力",
        "调度系统",
        "调度自动化二期",
        "赵总监",
        "钱组长",
        "备份作业偶发超时",
    ):
        assert expected in flat, expected
    for expected in ("2026-05-31", "2025-06-01", "2026-03-02", "2025-09-12", "R-12", "90"):
        assert expected in text, expected
    assert "数据库升级到16.4" in flat
    assert "Monthly inspection 2025-07: disk warning" in text
    if language == "en":
        assert "ends on 2026-05-31, 90 days from today." in text
    assert flat.count(_title().replace(" ", "")) == 1  # drawn once (no faked bold), read once
    # As poppler reads it (what a PDF viewer copies), too.
    shown = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True)
    assert "华东电力" in shown.stdout.decode()
    assert "R-12" in shown.stdout.decode()
    # Our font, embedded: the Chinese looks the same on a machine without any CJK font.
    assert any("SupportDeskSansSC" in name for name in embedded), embedded


def test_the_docx_says_the_same_and_names_yahei(language: str, tmp_path: Path) -> None:
    docx = reminder_letter.write_docx(LETTER, tmp_path / "letter.docx")
    paragraphs, cells = _docx_text(docx)
    body = "\n".join(paragraphs + [c for row in cells for c in row])
    for expected in (
        _title(), "华东电力", "调度系统", "调度自动化二期", "赵总监", "钱组长, Sun Lei",
        "2026-05-31", "2025-06-01", "R-12", "90", "数据库升级到 16.4", "备份作业偶发超时",
        "月度巡检 2025-06：全部正常",
    ):  # fmt: skip
        assert expected in body, expected
    assert ["2025-09-12", "数据库升级到 16.4"] in cells
    assert QCoreApplication.translate("ReminderLetter", "None recorded.") not in body
    fonts = Document(str(docx)).styles["Normal"].element.rPr.rFonts
    assert fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == (
        "Microsoft YaHei"
    )


def test_an_empty_period_says_none_recorded_and_asks_for_a_salesperson(tmp_path: Path) -> None:
    quiet = replace(LETTER, inspections=(), changes=(), open_issues=())
    paragraphs, cells = _docx_text(reminder_letter.write_docx(quiet, tmp_path / "quiet.docx"))
    assert paragraphs.count("None recorded.") == 3
    assert [
        "Salesperson",
        "not yet assigned — please assign a salesperson to follow up",
    ] in cells
    assert ["Contract period", "2025-06-01 to 2026-05-31"] in cells
    assert any(
        p.startswith("Please acknowledge this notice in SupportDesk and assign") for p in paragraphs
    )
    text, _fonts = _pdf_text(reminder_letter.write_pdf(quiet, tmp_path / "quiet.pdf", FONT))
    assert text.count("None recorded.") == 3
    assert "not yet assigned" in text
    sentence = "ends on 2026-05-31, 90 days from today."
    assert sentence in text


def test_an_assigned_salesperson_is_named_and_confirmed(tmp_path: Path) -> None:
    assigned = replace(LETTER, salesperson="孙销售")
    paragraphs, cells = _docx_text(reminder_letter.write_docx(assigned, tmp_path / "a.docx"))
    assert ["Salesperson", "孙销售"] in cells
    assert not any("not yet assigned" in c for row in cells for c in row)
    assert any("confirm the salesperson" in p for p in paragraphs)


def test_data_is_escaped_in_the_html() -> None:
    odd = replace(LETTER, customer="<b>A&B</b>", reference="R-<1>")
    page = reminder_letter.to_html(odd)
    assert "&lt;b&gt;A&amp;B&lt;/b&gt;" in page
    assert "R-&lt;1&gt;" in page
    assert "<b>" not in page


def test_file_names_keep_chinese_and_drop_what_windows_forbids(tmp_path: Path) -> None:
    docx, pdf = reminder_letter.letter_files(LETTER, tmp_path / "out", FONT)
    assert docx.name == "expiry-reminder-华东电力-调度系统-2026-05-31.docx"
    assert pdf.name == "expiry-reminder-华东电力-调度系统-2026-05-31.pdf"
    assert docx.stat().st_size > 0
    assert pdf.read_bytes().startswith(b"%PDF")
    awkward = replace(LETTER, customer='华东/电力:*?"<>|\\公司\x07\t ', system="调度\n系统. ")
    stem = reminder_letter.file_stem(awkward)
    assert stem == "expiry-reminder-华东电力公司-调度系统-2026-05-31"
    assert not re.search(r'[\\/:*?"<>|\x00-\x1f]', stem)
    docx, pdf = reminder_letter.letter_files(awkward, tmp_path, FONT)
    assert (docx.parent, pdf.parent) == (tmp_path, tmp_path)
    assert pdf.exists()
    # The data itself keeps what it can: only the bell, which XML cannot hold, is gone.
    paragraphs, _cells = _docx_text(docx)
    assert any('华东/电力:*?"<>|\\公司' in p for p in paragraphs)


def test_the_file_name_is_in_the_installed_language(language: str) -> None:
    prefix = QCoreApplication.translate("ReminderLetter", "expiry-reminder")
    stem = reminder_letter.file_stem(LETTER)
    assert stem == f"{prefix}-华东电力-调度系统-2026-05-31"
    if language == "en":
        assert prefix == "expiry-reminder"
