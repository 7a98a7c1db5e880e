"""The maintenance-expiry reminder letter (R4.1) as PDF (QtGui: QTextDocument + QPdfWriter,
offscreen) and DOCX (python-docx), in the installed language, from one Letter.

Three months before a free maintenance period ends, the after-sales group leader reports it in
writing to the sales director, who assigns a salesperson to follow up: this is that writing, a
short internal memo attached to the reminder mail. Made as the inspection report is made (see
inspection_report): the PDF embeds the shipped font (regular face only, so no bold), the DOCX
names Microsoft YaHei for East Asian text.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from supportdesk.domain.reminder import Letter, ServiceLine
from supportdesk.reports.pdf import write_html_pdf
from supportdesk.reports.text import name_part, xml_text


def _words() -> dict[str, str]:
    """The letter's fixed words, in the installed language (lupdate reads these calls)."""
    return {
        "title": QCoreApplication.translate("ReminderLetter", "Maintenance expiry notice"),
        "reference": QCoreApplication.translate("ReminderLetter", "Reference"),
        "date": QCoreApplication.translate("ReminderLetter", "Date"),
        "to": QCoreApplication.translate("ReminderLetter", "To"),
        "cc": QCoreApplication.translate("ReminderLetter", "Cc"),
        "ends": QCoreApplication.translate(
            "ReminderLetter",
            "The free maintenance period of {system} ({project}, {customer}) ends on {end},"
            " {days} days from today.",
        ),
        "contract": QCoreApplication.translate("ReminderLetter", "Contract period"),
        "span": QCoreApplication.translate("ReminderLetter", "{start} to {end}"),
        "salesperson": QCoreApplication.translate("ReminderLetter", "Salesperson"),
        "unassigned": QCoreApplication.translate(
            "ReminderLetter", "not yet assigned — please assign a salesperson to follow up"
        ),
        "service": QCoreApplication.translate("ReminderLetter", "Service delivered this period"),
        "inspections": QCoreApplication.translate("ReminderLetter", "Inspections"),
        "changes": QCoreApplication.translate("ReminderLetter", "Changes"),
        "issues": QCoreApplication.translate("ReminderLetter", "Open issues"),
        "day": QCoreApplication.translate("ReminderLetter", "Date"),
        "text": QCoreApplication.translate("ReminderLetter", "Description"),
        "none": QCoreApplication.translate("ReminderLetter", "None recorded."),
        "assign": QCoreApplication.translate(
            "ReminderLetter",
            "Please acknowledge this notice in SupportDesk and assign a salesperson to follow"
            " up the renewal with the customer.",
        ),
        "confirm": QCoreApplication.translate(
            "ReminderLetter",
            "Please acknowledge this notice in SupportDesk and confirm the salesperson who"
            " follows up the renewal with the customer.",
        ),
        "file": QCoreApplication.translate("ReminderLetter", "expiry-reminder"),
    }


def _names(names: tuple[str, ...]) -> str:
    return ", ".join(n for n in names if n.strip()) or "-"


def _memo(letter: Letter, w: dict[str, str]) -> list[tuple[str, str]]:
    """The memo's head: who it is from-to and how it is quoted."""
    return [
        (w["reference"], letter.reference),
        (w["date"], letter.written_on.isoformat()),
        (w["to"], _names(letter.to_names)),
        (w["cc"], _names(letter.cc_names)),
    ]


def _ends(letter: Letter, w: dict[str, str]) -> str:
    return w["ends"].format(
        system=letter.system,
        project=letter.project,
        customer=letter.customer,
        end=letter.contract_end.isoformat(),
        days=letter.days_left,
    )


def _facts(letter: Letter, w: dict[str, str]) -> list[tuple[str, str]]:
    span = w["span"].format(
        start=letter.contract_start.isoformat(), end=letter.contract_end.isoformat()
    )
    return [
        (w["contract"], span),
        (w["salesperson"], letter.salesperson.strip() or w["unassigned"]),
    ]


def _sections(letter: Letter, w: dict[str, str]) -> list[tuple[str, tuple[ServiceLine, ...]]]:
    return [
        (w["inspections"], letter.inspections),
        (w["changes"], letter.changes),
        (w["issues"], letter.open_issues),
    ]


def _closing(letter: Letter, w: dict[str, str]) -> str:
    return w["confirm"] if letter.salesperson.strip() else w["assign"]


def to_html(letter: Letter) -> str:
    e, w = html.escape, _words()
    parts = [f"<h1>{e(w['title'])}</h1>", "<table cellspacing='0' cellpadding='2'>"]
    parts += [f"<tr><th align='left'>{e(k)}:</th><td>{e(v)}</td></tr>" for k, v in _memo(letter, w)]
    parts.append("</table><hr/>")
    parts.append(f"<p>{e(_ends(letter, w))}</p>")
    parts.append("<table border='1' cellspacing='0' cellpadding='4'>")
    parts += [f"<tr><th align='left'>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in _facts(letter, w)]
    parts.append(f"</table><h2>{e(w['service'])}</h2>")
    for heading, lines in _sections(letter, w):
        parts.append(f"<h3>{e(heading)}</h3>")
        if not lines:
            parts.append(f"<p>{e(w['none'])}</p>")
            continue
        parts.append("<table border='1' cellspacing='0' cellpadding='3' width='100%'>")
        parts.append(f"<tr><th align='left' width='18%'>{e(w['day'])}</th>")
        parts.append(f"<th align='left'>{e(w['text'])}</th></tr>")
        parts += [
            f"<tr><td>{e(line.day.isoformat())}</td><td>{e(line.text)}</td></tr>" for line in lines
        ]
        parts.append("</table>")
    parts.append(f"<p><br/>{e(_closing(letter, w))}</p>")
    return "".join(parts)


def write_pdf(letter: Letter, path: Path, font_file: Path) -> Path:
    return write_html_pdf(to_html(letter), _words()["title"], path, font_file, margin_mm=20)


def write_docx(letter: Letter, path: Path) -> Path:
    from docx import Document  # noqa: PLC0415 - only when a DOCX is asked for
    from docx.oxml.ns import qn  # noqa: PLC0415

    w = _words()
    x = xml_text
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Microsoft YaHei"
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), "Microsoft YaHei")  # Word falls back to a CJK font it has
    doc.add_heading(w["title"], level=1)
    for key, value in _memo(letter, w):
        paragraph = doc.add_paragraph()
        paragraph.add_run(f"{key}: ").bold = True
        paragraph.add_run(x(value))
    doc.add_paragraph(x(_ends(letter, w)))
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for key, value in _facts(letter, w):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = key, x(value)
    doc.add_heading(w["service"], level=2)
    for heading, lines in _sections(letter, w):
        doc.add_heading(heading, level=3)
        if not lines:
            doc.add_paragraph(w["none"])
            continue
        grid = doc.add_table(rows=1, cols=2)
        grid.style = "Table Grid"
        grid.rows[0].cells[0].text, grid.rows[0].cells[1].text = w["day"], w["text"]
        for line in lines:
            cells = grid.add_row().cells
            cells[0].text, cells[1].text = line.day.isoformat(), x(line.text)
    doc.add_paragraph()
    doc.add_paragraph(_closing(letter, w))
    doc.save(str(path))
    return path


def file_stem(letter: Letter) -> str:
    """e.g. "到期提醒-华东电力-调度系统-2026-05-31": the prefix in the installed language, the
    date the maintenance ends (what the reminder is about, and what makes it one reminder)."""
    parts = (_words()["file"], letter.customer, letter.system)
    return "-".join([*(name_part(p) for p in parts), letter.contract_end.isoformat()])


def letter_files(letter: Letter, folder: Path, font_file: Path) -> tuple[Path, Path]:
    """The DOCX and the PDF, in that order, written into `folder` (made if missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    stem = file_stem(letter)
    docx = write_docx(letter, folder / f"{stem}.docx")
    pdf = write_pdf(letter, folder / f"{stem}.pdf", font_file)
    return docx, pdf
