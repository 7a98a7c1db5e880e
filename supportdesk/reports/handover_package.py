"""The handover package (R1.2, R1.3) as DOCX (python-docx, editable, to sign on paper) and PDF
(QtGui, offscreen), in the installed language, from one PackageDocument.

One template: `_blocks` lays the document out once as a list of headings, label-value tables,
grids, question-answer entries and signature lines; `to_html` (for the PDF) and `write_docx`
only draw those blocks, so the two formats cannot drift apart. Fonts as in the inspection
report: the PDF embeds the shipped font (regular face only, so no bold), the DOCX names
Microsoft YaHei for East Asian text.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from supportdesk.domain.handover import (
    IssueLine,
    MaterialLine,
    PackageDocument,
    Signature,
)
from supportdesk.reports.pdf import write_html_pdf
from supportdesk.reports.text import name_part, xml_text

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

SHORT_SHA = 12  # enough to tell files apart on paper; the full hash stays in the database
_BLANK = "_" * 18  # a line to sign or date on


def category_label(category: str) -> str:
    """A built-in material category in the installed language; a team's own category (the
    `handover.categories` setting) as the team typed it."""
    labels = {
        "requirements": QCoreApplication.translate("HandoverPackage", "Requirements"),
        "design": QCoreApplication.translate("HandoverPackage", "Design"),
        "deployment_guide": QCoreApplication.translate("HandoverPackage", "Deployment guide"),
        "user_manual": QCoreApplication.translate("HandoverPackage", "User manual"),
        "source_repository": QCoreApplication.translate("HandoverPackage", "Source repository"),
        "database_schema": QCoreApplication.translate("HandoverPackage", "Database schema"),
    }
    return labels.get(category, category)


def _environment(value: str) -> str:
    """The registry's environments (domain.registry.Environment), worded as the UI does."""
    labels = {
        "production": QCoreApplication.translate("HandoverPackage", "production"),
        "staging": QCoreApplication.translate("HandoverPackage", "staging"),
        "test": QCoreApplication.translate("HandoverPackage", "test"),
        "development": QCoreApplication.translate("HandoverPackage", "development"),
    }
    return labels.get(value, value)


def _state(value: str) -> str:
    labels = {
        "open": QCoreApplication.translate("HandoverPackage", "open"),
        "closed": QCoreApplication.translate("HandoverPackage", "closed"),
    }
    return labels.get(value, value)


def _words() -> dict[str, str]:
    """The package's fixed words, in the installed language (lupdate reads these calls)."""
    return {
        "title": QCoreApplication.translate("HandoverPackage", "Handover package"),
        "draft": QCoreApplication.translate("HandoverPackage", "Draft for signature"),
        "signed": QCoreApplication.translate("HandoverPackage", "Signed, version {version}"),
        "customer": QCoreApplication.translate("HandoverPackage", "Customer"),
        "project": QCoreApplication.translate("HandoverPackage", "Project"),
        "contract": QCoreApplication.translate("HandoverPackage", "Contract number"),
        "acceptance": QCoreApplication.translate("HandoverPackage", "Final acceptance"),
        "join": QCoreApplication.translate("HandoverPackage", "After-sales group joins"),
        "due": QCoreApplication.translate("HandoverPackage", "Handover due"),
        "systems": QCoreApplication.translate("HandoverPackage", "Systems"),
        "system": QCoreApplication.translate("HandoverPackage", "{name} ({environment})"),
        "part1": QCoreApplication.translate("HandoverPackage", "Part 1. Technical materials"),
        "category": QCoreApplication.translate("HandoverPackage", "Category"),
        "name": QCoreApplication.translate("HandoverPackage", "Name"),
        "where": QCoreApplication.translate("HandoverPackage", "Size or location"),
        "sha": QCoreApplication.translate("HandoverPackage", "SHA-256 (first {count})"),
        "note": QCoreApplication.translate("HandoverPackage", "Note"),
        "part2": QCoreApplication.translate("HandoverPackage", "Part 2. Outstanding issues"),
        "issue": QCoreApplication.translate("HandoverPackage", "Issue"),
        "owner": QCoreApplication.translate("HandoverPackage", "Owner"),
        "completion": QCoreApplication.translate("HandoverPackage", "Completion date"),
        "state": QCoreApplication.translate("HandoverPackage", "State"),
        "detail": QCoreApplication.translate("HandoverPackage", "Detail"),
        "part3": QCoreApplication.translate("HandoverPackage", "Part 3. External boundary"),
        "company_scope": QCoreApplication.translate("HandoverPackage", "The company maintains"),
        "customer_scope": QCoreApplication.translate("HandoverPackage", "The customer does"),
        "period": QCoreApplication.translate("HandoverPackage", "Maintenance period"),
        "span": QCoreApplication.translate("HandoverPackage", "{start} to {end}"),
        "expiry": QCoreApplication.translate("HandoverPackage", "When maintenance expires"),
        "part4": QCoreApplication.translate("HandoverPackage", "Part 4. Internal boundary"),
        "after_sales": QCoreApplication.translate("HandoverPackage", "Work of after-sales"),
        "support": QCoreApplication.translate(
            "HandoverPackage", "Work of the technical support departments"
        ),
        "faq": QCoreApplication.translate("HandoverPackage", "Frequently asked questions"),
        "question": QCoreApplication.translate("HandoverPackage", "Question {number}:"),
        "answer": QCoreApplication.translate("HandoverPackage", "Answer:"),
        "contacts": QCoreApplication.translate("HandoverPackage", "Emergency contacts"),
        "contact": QCoreApplication.translate("HandoverPackage", "Contact"),
        "role": QCoreApplication.translate("HandoverPackage", "Role"),
        "phone": QCoreApplication.translate("HandoverPackage", "Phone"),
        "email": QCoreApplication.translate("HandoverPackage", "E-mail"),
        "signoff": QCoreApplication.translate("HandoverPackage", "Sign-off"),
        "confirm": QCoreApplication.translate(
            "HandoverPackage",
            "By signing, both sides confirm the four parts above of the handover package of"
            " {project} ({customer}), and that the handover is complete.",
        ),
        "our_sign": QCoreApplication.translate(
            "HandoverPackage", "Company (after-sales) signature:"
        ),
        "customer_sign": QCoreApplication.translate("HandoverPackage", "Customer signature:"),
        "sign_date": QCoreApplication.translate("HandoverPackage", "Date:"),
        "version": QCoreApplication.translate("HandoverPackage", "Version"),
        "signed_on": QCoreApplication.translate("HandoverPackage", "Signed on"),
        "our_signers": QCoreApplication.translate("HandoverPackage", "Signed for the company"),
        "customer_signers": QCoreApplication.translate(
            "HandoverPackage", "Signed for the customer"
        ),
        "scan": QCoreApplication.translate("HandoverPackage", "Scan of the signed paper"),
        "reason": QCoreApplication.translate("HandoverPackage", "Reason for the amendment"),
        "none": QCoreApplication.translate("HandoverPackage", "None recorded."),
        "missing": QCoreApplication.translate("HandoverPackage", "not recorded"),
        "file": QCoreApplication.translate("HandoverPackage", "handover-package"),
    }


# --- the one template: blocks both formats draw --------------------------------------------


@dataclass(frozen=True, slots=True)
class _Heading:
    text: str
    level: int  # 1: the title, 2: a part, 3: a section of a part
    new_page: bool = False  # the sign-off: the page both sides sign, never split from it


@dataclass(frozen=True, slots=True)
class _Paragraph:
    text: str


@dataclass(frozen=True, slots=True)
class _Fields:
    """Label and value, one pair a row, as a two-column table."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class _Grid:
    """A table with a head row; widths in percent of the line (the PDF's; Word fits itself)."""

    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class _Entry:
    """One paragraph of labelled lines: a question and its answer."""

    lines: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class _SignLines:
    """For each side, a blank to sign on and a blank to date on, the date blanks aligned."""

    lines: tuple[tuple[str, str], ...]  # (side, date)


_Block = _Heading | _Paragraph | _Fields | _Grid | _Entry | _SignLines


def _clean(text: str) -> str:
    """What XML (so Word) can hold, line breaks as \\n, no trailing blanks."""
    lines = xml_text(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


def _gap(label: str) -> str:
    """What goes between a label and its text: nothing after a full-width colon (Chinese)."""
    return "" if label.endswith("：") else " "


def _or(text: str, placeholder: str) -> str:
    return _clean(text) or placeholder


def _size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB"):
        if value < 1024:
            return f"{size} B" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"


def _head_rows(doc: PackageDocument, w: dict[str, str]) -> tuple[tuple[str, str], ...]:
    systems = "\n".join(
        w["system"].format(name=_or(name, w["missing"]), environment=_environment(env))
        for name, env in doc.systems
    )
    return (
        (w["customer"], _or(doc.customer, w["missing"])),
        (w["project"], _or(doc.project, w["missing"])),
        (w["contract"], _or(doc.contract_no, w["missing"])),
        (w["acceptance"], doc.acceptance.isoformat()),
        (w["join"], doc.join_on.isoformat()),
        (w["due"], doc.due_on.isoformat()),
        (w["systems"], systems or w["missing"]),
    )


def _material(m: MaterialLine, w: dict[str, str]) -> tuple[str, ...]:
    if m.sha256 is not None:  # a file handed over: its size, and where else it lives if said
        where = "\n".join(p for p in (_size(m.size), _clean(m.location)) if p)
        sha = m.sha256[:SHORT_SHA]
    else:  # a repository or a place: only where it is
        where, sha = _or(m.location, w["missing"]), "-"
    return (
        _or(category_label(m.category), w["missing"]),
        _or(m.name, w["missing"]),
        where,
        sha,
        _or(m.note, "-"),
    )


def _issue(i: IssueLine, w: dict[str, str]) -> tuple[str, ...]:
    return (
        _or(i.title, w["missing"]),
        _or(i.owner, w["missing"]),
        i.due_on.isoformat(),
        _state(i.state),
        _or(i.detail, "-"),
    )


def _period(doc: PackageDocument, w: dict[str, str]) -> str:
    start, end = doc.maintenance_start, doc.maintenance_end
    if start is None and end is None:
        return w["missing"]
    return w["span"].format(
        start=start.isoformat() if start else w["missing"],
        end=end.isoformat() if end else w["missing"],
    )


def _signed_rows(sig: Signature, w: dict[str, str]) -> tuple[tuple[str, str], ...]:
    scan = _or(sig.scan_name, w["missing"])
    if sig.scan_sha256:
        scan += f"\nSHA-256 {sig.scan_sha256[:SHORT_SHA]}"
    rows = [
        (w["version"], str(sig.version_no)),
        (w["signed_on"], sig.signed_on.isoformat()),
        (w["our_signers"], _or(sig.our_signers, w["missing"])),
        (w["customer_signers"], _or(sig.customer_signers, w["missing"])),
        (w["scan"], scan),
    ]
    if sig.version_no >= 2:  # an amendment says why it was signed again
        rows.append((w["reason"], _or(sig.reason, w["missing"])))
    return tuple(rows)


def _grid(
    head: tuple[str, ...],
    rows: tuple[tuple[str, ...], ...],
    widths: tuple[int, ...],
    w: dict[str, str],
) -> _Block:
    return _Grid(head, rows, widths) if rows else _Paragraph(w["none"])


def _blocks(doc: PackageDocument, w: dict[str, str]) -> list[_Block]:
    """The whole package, in the order of the paper (R1.2 parts 1-4, then R1.3's sign-off)."""
    sig = doc.signature
    status = w["draft"] if sig is None else w["signed"].format(version=sig.version_no)
    blocks: list[_Block] = [
        _Heading(w["title"], 1),
        _Paragraph(status),
        _Fields(_head_rows(doc, w)),
        _Heading(w["part1"], 2),
        _grid(
            (w["category"], w["name"], w["where"], w["sha"].format(count=SHORT_SHA), w["note"]),
            tuple(_material(m, w) for m in doc.materials),
            (15, 27, 20, 15, 23),
            w,
        ),
        _Heading(w["part2"], 2),
        _grid(
            (w["issue"], w["owner"], w["completion"], w["state"], w["detail"]),
            tuple(_issue(i, w) for i in doc.issues),
            (25, 15, 15, 10, 35),
            w,
        ),
        _Heading(w["part3"], 2),
        _Fields(
            (
                (w["company_scope"], _or(doc.company_scope, w["missing"])),
                (w["customer_scope"], _or(doc.customer_scope, w["missing"])),
                (w["period"], _period(doc, w)),
                (w["expiry"], _or(doc.expiry_terms, w["missing"])),
            )
        ),
        _Heading(w["part4"], 2),
        _Fields(
            (
                (w["after_sales"], _or(doc.after_sales_scope, w["missing"])),
                (w["support"], _or(doc.support_scope, w["missing"])),
            )
        ),
        _Heading(w["faq"], 3),
    ]
    blocks += [
        _Entry(
            (
                (w["question"].format(number=n), _or(q, w["missing"])),
                (w["answer"], _or(a, w["missing"])),
            )
        )
        for n, (q, a) in enumerate(doc.faq, start=1)
    ] or [_Paragraph(w["none"])]
    contacts = tuple(
        tuple(_or(text, w["missing"]) for text in (c.name, c.role, c.phone, c.email))
        for c in doc.contacts
    )
    blocks += [
        _Heading(w["contacts"], 3),
        _grid((w["contact"], w["role"], w["phone"], w["email"]), contacts, (22, 24, 22, 32), w),
        _Heading(w["signoff"], 2, new_page=True),
    ]
    if sig is None:  # R1.3: printed, signed by hand by both sides, scanned back in
        # The sentence names the package, should its last page be read on its own.
        confirm = w["confirm"].format(
            project=_or(doc.project, w["missing"]), customer=_or(doc.customer, w["missing"])
        )
        lines = ((w["our_sign"], w["sign_date"]), (w["customer_sign"], w["sign_date"]))
        blocks += [_Paragraph(confirm), _SignLines(lines)]
    else:
        blocks.append(_Fields(_signed_rows(sig, w)))
    return blocks


# --- the PDF: the blocks as HTML -----------------------------------------------------------


def _h(text: str) -> str:
    """Escaped, line breaks kept."""
    return html.escape(text).replace("\n", "<br/>")


def _html_block(block: _Block) -> str:
    match block:
        case _Heading(text, level, new_page):
            style = " style='page-break-before: always'" if new_page else ""
            return f"<h{level}{style}>{_h(text)}</h{level}>"
        case _Paragraph(text):
            return f"<p>{_h(text)}</p>"
        case _Fields(rows):
            cells = "".join(
                f"<tr><th align='left' width='28%'>{_h(k)}</th><td>{_h(v)}</td></tr>"
                for k, v in rows
            )
            return f"<table border='1' cellspacing='0' cellpadding='4' width='100%'>{cells}</table>"
        case _Grid(head, rows, widths):
            top = "".join(
                f"<th align='left' width='{pc}%'>{_h(t)}</th>"
                for t, pc in zip(head, widths, strict=True)
            )
            body = "".join("<tr>" + "".join(f"<td>{_h(c)}</td>" for c in r) + "</tr>" for r in rows)
            return (
                "<table border='1' cellspacing='0' cellpadding='3' width='100%'>"
                f"<tr>{top}</tr>{body}</table>"
            )
        case _Entry(lines):
            return "<p>" + "<br/>".join(f"{_h(k)}{_gap(k)}{_h(v)}" for k, v in lines) + "</p>"
        case _SignLines(lines):
            signs = "".join(
                f"<tr><td width='60%'><br/><br/>{_h(side)}{_gap(side)}{_BLANK}</td>"
                f"<td><br/><br/>{_h(day)}{_gap(day)}{_BLANK}</td></tr>"
                for side, day in lines
            )
            return f"<table border='0' cellspacing='0' cellpadding='0' width='100%'>{signs}</table>"


def to_html(document: PackageDocument) -> str:
    return "".join(_html_block(b) for b in _blocks(document, _words()))


def write_pdf(document: PackageDocument, path: Path, font_file: Path) -> Path:
    w = _words()
    title = " ".join(p for p in (w["title"], document.customer, document.project) if p.strip())
    return write_html_pdf(to_html(document), _clean(title), path, font_file, margin_mm=20)


# --- the DOCX: the same blocks, editable in Word -------------------------------------------


def _docx_block(doc: DocxDocument, block: _Block) -> None:
    from docx.shared import Mm, Pt  # noqa: PLC0415 - only when a DOCX is asked for

    match block:
        case _Heading(text, level, new_page):
            doc.add_heading(text, level=level).paragraph_format.page_break_before = new_page
        case _Paragraph(text):
            doc.add_paragraph(text)
        case _Fields(rows):
            table = doc.add_table(rows=0, cols=2)
            table.style = "Table Grid"
            for key, value in rows:
                cells = table.add_row().cells
                cells[0].paragraphs[0].add_run(key).bold = True
                cells[1].text = value
        case _Grid(head, rows, _widths):
            grid = doc.add_table(rows=1, cols=len(head))
            grid.style = "Table Grid"
            for cell, text in zip(grid.rows[0].cells, head, strict=True):
                cell.paragraphs[0].add_run(text).bold = True
            for row in rows:
                for cell, text in zip(grid.add_row().cells, row, strict=True):
                    cell.text = text
        case _Entry(lines):
            paragraph = doc.add_paragraph()
            for i, (key, value) in enumerate(lines):
                paragraph.add_run(("\n" if i else "") + key + _gap(key)).bold = True
                paragraph.add_run(value)
        case _SignLines(lines):
            for side, day in lines:  # paragraphs, not a table: easy to edit in Word
                paragraph = doc.add_paragraph()
                paragraph.paragraph_format.space_before = Pt(30)
                paragraph.paragraph_format.tab_stops.add_tab_stop(Mm(105))  # dates aligned
                paragraph.add_run(f"{side}{_gap(side)}{_BLANK}\t{day}{_gap(day)}{_BLANK}")


def write_docx(document: PackageDocument, path: Path) -> Path:
    from docx import Document  # noqa: PLC0415 - only when a DOCX is asked for
    from docx.oxml.ns import qn  # noqa: PLC0415
    from docx.shared import Mm  # noqa: PLC0415

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Microsoft YaHei"
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), "Microsoft YaHei")  # Word falls back to a CJK font it has
    for section in doc.sections:  # A4, as the customer prints it (the template is Letter)
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(20)
    for block in _blocks(document, _words()):
        _docx_block(doc, block)
    doc.save(str(path))
    return path


def file_stem(document: PackageDocument) -> str:
    """e.g. "移交文档_华东电力_调度平台": the prefix in the installed language, then the customer
    and the project, each as Windows accepts it (see reports.text.name_part)."""
    parts = (_words()["file"], document.customer, document.project)
    return "_".join(p for p in (name_part(part) for part in parts) if p)
