"""The monthly inspection report (R2.3) as PDF (QtGui: QTextDocument + QPdfWriter, offscreen)
and DOCX (python-docx), in the installed language, from one InspectionReport.

The PDF embeds the font shipped in resources/fonts (a Noto Sans SC subset), so Chinese looks
the same on every machine; the DOCX names Microsoft YaHei with a fallback, as Word expects.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from supportdesk.domain.inspection import (
    BackupLine,
    Finding,
    InspectionReport,
    ManualCheckRow,
    ReportFinding,
    ReportHost,
)
from supportdesk.reports.pdf import write_html_pdf

COLOURS = {"ok": "#c8e6c9", "warning": "#ffe082", "critical": "#ef9a9a", "unknown": "#e0e0e0"}


def _verdict(value: str) -> str:
    words = {
        "ok": QCoreApplication.translate("InspectionReport", "OK"),
        "warning": QCoreApplication.translate("InspectionReport", "warning"),
        "critical": QCoreApplication.translate("InspectionReport", "critical"),
        "unknown": QCoreApplication.translate("InspectionReport", "unknown"),
    }
    return words.get(value, value)


def _check(finding: Finding) -> str:
    names = {
        "disk": QCoreApplication.translate("InspectionReport", "disk use"),
        "inodes": QCoreApplication.translate("InspectionReport", "free inodes"),
        "memory": QCoreApplication.translate("InspectionReport", "memory use"),
        "swap": QCoreApplication.translate("InspectionReport", "free swap"),
        "load": QCoreApplication.translate("InspectionReport", "load per CPU"),
        "clock": QCoreApplication.translate("InspectionReport", "clock drift"),
        "uptime": QCoreApplication.translate("InspectionReport", "uptime"),
        "failed_units": QCoreApplication.translate("InspectionReport", "failed services"),
        "port": QCoreApplication.translate("InspectionReport", "listening port"),
        "ports": QCoreApplication.translate("InspectionReport", "listening ports"),
        "process": QCoreApplication.translate("InspectionReport", "process"),
        "processes": QCoreApplication.translate("InspectionReport", "processes"),
        "os_release": QCoreApplication.translate("InspectionReport", "operating system"),
        "kernel": QCoreApplication.translate("InspectionReport", "kernel"),
        "passwd": QCoreApplication.translate("InspectionReport", "/etc/passwd checksum"),
        "custom": QCoreApplication.translate("InspectionReport", "custom check"),
    }
    item = finding.key.partition(":")[2]
    name = names.get(finding.check, finding.check)
    return f"{name} {item}" if item else name


def _state(value: str) -> str:
    words = {
        "draft": QCoreApplication.translate("InspectionReport", "draft"),
        "final": QCoreApplication.translate("InspectionReport", "final"),
        "approved": QCoreApplication.translate("InspectionReport", "approved"),
    }
    return words.get(value, value)


def _words() -> dict[str, str]:
    """The report's fixed words, in the installed language (lupdate reads these calls)."""
    return {
        "title": QCoreApplication.translate("InspectionReport", "Monthly inspection report"),
        "customer": QCoreApplication.translate("InspectionReport", "Customer"),
        "project": QCoreApplication.translate("InspectionReport", "Project"),
        "system": QCoreApplication.translate("InspectionReport", "System"),
        "period": QCoreApplication.translate("InspectionReport", "Period"),
        "engineer": QCoreApplication.translate("InspectionReport", "Inspected by"),
        "report": QCoreApplication.translate("InspectionReport", "Report"),
        "finalized": QCoreApplication.translate("InspectionReport", "Finalised by"),
        "reviewed": QCoreApplication.translate("InspectionReport", "Reviewed by"),
        "check": QCoreApplication.translate("InspectionReport", "Check"),
        "value": QCoreApplication.translate("InspectionReport", "Value"),
        "threshold": QCoreApplication.translate("InspectionReport", "Threshold"),
        "verdict": QCoreApplication.translate("InspectionReport", "Verdict"),
        "last": QCoreApplication.translate("InspectionReport", "Last month"),
        "detail": QCoreApplication.translate("InspectionReport", "Detail"),
        "manual": QCoreApplication.translate(
            "InspectionReport", "Manual checklist (ticked by hand)"
        ),
        "screenshot": QCoreApplication.translate("InspectionReport", "screenshot"),
        "follow": QCoreApplication.translate("InspectionReport", "Findings and follow-ups"),
        "nothing": QCoreApplication.translate("InspectionReport", "Nothing to follow up."),
        "comment": QCoreApplication.translate("InspectionReport", "Review comment"),
        "reached": QCoreApplication.translate(
            "InspectionReport",
            "inspected {start} to {end}; host key {fingerprint}; evidence {sha}",
        ),
        "missed": QCoreApplication.translate(
            "InspectionReport", "not inspected ({outcome}): {reason}; evidence {sha}"
        ),
        "backups": QCoreApplication.translate("InspectionReport", "Backups (R3.3)"),
        "job": QCoreApplication.translate("InspectionReport", "Backup job"),
        "checked": QCoreApplication.translate("InspectionReport", "Checked"),
        "result": QCoreApplication.translate("InspectionReport", "Result"),
        "passed": QCoreApplication.translate("InspectionReport", "recoverable"),
        "failed": QCoreApplication.translate("InspectionReport", "failed: {problems}"),
        "unchecked": QCoreApplication.translate("InspectionReport", "not checked this month"),
        "no_jobs": QCoreApplication.translate(
            "InspectionReport", "No backup job is recorded for this system."
        ),
    }


def problem_label(code: str) -> str:
    """A backup finding that failed (domain/backup.CODES), in a few words."""
    words = {
        "unreadable": QCoreApplication.translate("InspectionReport", "could not be read"),
        "none": QCoreApplication.translate("InspectionReport", "no backups"),
        "stale": QCoreApplication.translate("InspectionReport", "newest too old"),
        "shallow": QCoreApplication.translate("InspectionReport", "less than 60 days kept"),
        "gap": QCoreApplication.translate("InspectionReport", "gaps"),
        "shrunk": QCoreApplication.translate("InspectionReport", "newest much smaller"),
        "unsound": QCoreApplication.translate("InspectionReport", "check failed"),
    }
    return words.get(code, code)


def _backup_cells(line: BackupLine, w: dict[str, str]) -> list[str]:
    if line.checked_at is None:
        return [line.job, "-", w["unchecked"]]
    problems = QCoreApplication.translate("InspectionReport", ", ").join(
        dict.fromkeys(problem_label(c) for c in line.problems)
    )
    result = w["passed"] if line.passed else w["failed"].format(problems=problems)
    return [line.job, line.checked_at.astimezone().strftime("%Y-%m-%d %H:%M"), result]


def _rows(report: InspectionReport, w: dict[str, str]) -> list[tuple[str, str]]:
    return [
        (w["customer"], report.customer),
        (w["project"], report.project),
        (w["system"], report.system),
        (w["period"], report.period),
        (w["engineer"], report.engineer),
        (w["report"], _state(report.report_state)),
        (w["finalized"], report.finalized_by or "-"),
        (w["reviewed"], report.reviewed_by or "-"),
    ]


def _head(w: dict[str, str]) -> list[str]:
    return [w["check"], w["value"], w["threshold"], w["verdict"], w["last"], w["detail"]]


def _cells(item: ReportFinding) -> list[str]:
    f = item.finding
    last = item.last_month if item.last_month is not None else "-"
    return [_check(f), f.value, f.threshold, _verdict(f.verdict.value), last, f.detail]


def _follow_up(host: str, f: Finding) -> str:
    return f"{host}: {_check(f)} — {_verdict(f.verdict.value)} {f.value} {f.detail}".strip()


def _host_line(host: ReportHost, w: dict[str, str]) -> str:
    sha = host.evidence or "-"
    if host.reached:
        return w["reached"].format(
            start=host.started_at, end=host.ended_at, fingerprint=host.fingerprint or "-", sha=sha
        )
    return w["missed"].format(outcome=host.outcome, reason=host.reason or "-", sha=sha)


def _manual_line(m: ManualCheckRow, w: dict[str, str]) -> str:
    mark = "☑" if m.ticked else "☐"
    note = f" — {m.note}" if m.note else ""
    shot = f" ({w['screenshot']} {m.screenshot})" if m.screenshot else ""
    return f"{mark} {m.text}{note}{shot}"


def to_html(report: InspectionReport) -> str:
    e, w = html.escape, _words()
    parts = [f"<h1>{e(w['title'])}</h1>", "<table border='1' cellspacing='0' cellpadding='4'>"]
    parts += [f"<tr><th align='left'>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in _rows(report, w)]
    parts.append("</table>")
    for host in report.hosts:
        parts.append(f"<h2>{e(host.name)}</h2><p>{e(_host_line(host, w))}</p>")
        if not host.findings:
            continue
        parts.append("<table border='1' cellspacing='0' cellpadding='3' width='100%'><tr>")
        parts += [f"<th>{e(h)}</th>" for h in _head(w)]
        parts.append("</tr>")
        for item in host.findings:
            colour = COLOURS.get(item.finding.verdict.value, "#ffffff")
            cells = [
                f"<td bgcolor='{colour}'>{e(c)}</td>" if i == 3 else f"<td>{e(c)}</td>"
                for i, c in enumerate(_cells(item))
            ]
            parts.append("<tr>" + "".join(cells) + "</tr>")
        parts.append("</table>")
    parts.append(f"<h2>{e(w['manual'])}</h2><ul>")
    parts += [f"<li>{e(_manual_line(m, w))}</li>" for m in report.manual]
    parts.append(f"</ul><h2>{e(w['follow'])}</h2><ul>")
    follow = report.follow_ups
    parts += [f"<li>{e(_follow_up(name, f))}</li>" for name, f in follow]
    if not follow:
        parts.append(f"<li>{e(w['nothing'])}</li>")
    parts.append("</ul>")
    parts.append(f"<h2>{e(w['backups'])}</h2>")
    if report.backups:
        parts.append("<table border='1' cellspacing='0' cellpadding='3' width='100%'><tr>")
        parts += [f"<th>{e(h)}</th>" for h in (w["job"], w["checked"], w["result"])]
        parts.append("</tr>")
        for line in report.backups:
            colour = "#ffffff" if line.passed else COLOURS.get("warning", "#ffffff")
            cells = _backup_cells(line, w)
            parts.append(
                "<tr>"
                + "".join(
                    f"<td bgcolor='{colour}'>{e(c)}</td>" if i == 2 else f"<td>{e(c)}</td>"
                    for i, c in enumerate(cells)
                )
                + "</tr>"
            )
        parts.append("</table>")
    else:
        parts.append(f"<p>{e(w['no_jobs'])}</p>")
    if report.review_comment:
        parts.append(f"<p>{e(w['comment'])}: {e(report.review_comment)}</p>")
    return "".join(parts)


def write_pdf(report: InspectionReport, path: Path, font_file: Path) -> Path:
    return write_html_pdf(to_html(report), _words()["title"], path, font_file)


def _docx_backups(doc: Any, report: InspectionReport, w: dict[str, str]) -> None:
    doc.add_heading(w["backups"], level=2)
    if not report.backups:
        doc.add_paragraph(w["no_jobs"])
        return
    head = (w["job"], w["checked"], w["result"])
    grid = doc.add_table(rows=1, cols=len(head))
    grid.style = "Table Grid"
    for cell, text in zip(grid.rows[0].cells, head, strict=True):
        cell.text = text
    for line in report.backups:
        for cell, text in zip(grid.add_row().cells, _backup_cells(line, w), strict=True):
            cell.text = text


def write_docx(report: InspectionReport, path: Path) -> Path:
    from docx import Document  # noqa: PLC0415 - only when a DOCX is asked for
    from docx.oxml.ns import qn  # noqa: PLC0415

    w = _words()
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Microsoft YaHei"
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), "Microsoft YaHei")  # Word falls back to a CJK font it has
    doc.add_heading(w["title"], level=1)
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for key, value in _rows(report, w):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = key, value
    for host in report.hosts:
        doc.add_heading(host.name, level=2)
        doc.add_paragraph(_host_line(host, w))
        if not host.findings:
            continue
        grid = doc.add_table(rows=1, cols=6)
        grid.style = "Table Grid"
        for cell, text in zip(grid.rows[0].cells, _head(w), strict=True):
            cell.text = text
        for item in host.findings:
            for cell, text in zip(grid.add_row().cells, _cells(item), strict=True):
                cell.text = text
    doc.add_heading(w["manual"], level=2)
    for m in report.manual:
        doc.add_paragraph(_manual_line(m, w))
    doc.add_heading(w["follow"], level=2)
    follow = report.follow_ups
    for name, f in follow:
        doc.add_paragraph(_follow_up(name, f))
    if not follow:
        doc.add_paragraph(w["nothing"])
    _docx_backups(doc, report, w)
    doc.save(str(path))
    return path
