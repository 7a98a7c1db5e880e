"""The monthly optimisation report (issue 10, R2.4) written out: any state's report as DOCX,
PDF or XLSX, and the approved report filed into the document folder (DOCX + PDF)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from supportdesk.db import audit
from supportdesk.domain.errors import ValidationError
from supportdesk.domain.optimisation import Quality, ReportRow, ReportState
from supportdesk.services import optimisation
from supportdesk.services.files import digests, written_beside, written_together

FORMATS = ("docx", "pdf", "xlsx")
QUALITY_MONTHS = 12  # R2.4: each project's figures over the last year, up to the month


def filed_name(month: str, fmt: str) -> str:
    """The name an approved report is filed under in the document folder."""
    return f"{month} 优化总结及下月措施.{fmt}"


def _writer(
    report: ReportRow, quality: list[Quality], fmt: str, font_file: Path
) -> Callable[[Path], Path]:
    from supportdesk.reports import optimisation_report as r  # noqa: PLC0415 - loads QtGui

    if fmt == "pdf":
        return lambda path: r.write_pdf(report, quality, path, font_file, QUALITY_MONTHS)
    if fmt == "docx":
        return lambda path: r.write_docx(report, quality, path, QUALITY_MONTHS)
    return lambda path: r.write_xlsx(report, quality, path)


def export(session: Session, month: str, fmt: str, path: Path, font_file: Path) -> Path:
    """The month's report, in whatever state, as `fmt` ("docx", "pdf" or "xlsx") at `path`
    (replaced if it exists), with the quality figures of the 12 months up to `month`."""
    if fmt not in FORMATS:
        raise ValidationError("format", "bad_value", value=fmt, choices=", ".join(FORMATS))
    report = optimisation.show(session, month)
    quality = optimisation.quality(session, month, QUALITY_MONTHS)
    with written_beside(path) as part:
        _writer(report, quality, fmt, font_file)(part)
    return path


def file_approved(session: Session, month: str, folder: Path, font_file: Path) -> list[Path]:
    """File an approved report as PDF and DOCX into the document folder (R2.4), under the
    month-stamped Chinese name; the same month again replaces the files, never duplicates.
    The files and their SHA-256 go into the audit chain."""
    report = optimisation.show(session, month)
    if report.state is not ReportState.APPROVED:
        raise ValidationError("report", "report_not_approved", value=report.state.value)
    quality = optimisation.quality(session, month, QUALITY_MONTHS)
    # Both documents are rendered beside their place and recorded before either replaces
    # anything: a failure leaves the folder as it was (the caller's approval rolls back with
    # it), and only the commit itself comes after the move.
    filed = [folder / filed_name(month, fmt) for fmt in ("pdf", "docx")]
    with written_together(filed, "documents.folder", make_folder=True) as parts:
        for fmt, part in zip(("pdf", "docx"), parts, strict=True):
            _writer(report, quality, fmt, font_file)(part)
        files = digests(filed, parts)
        audit.append(session, "optimisation.export", f"optimisation:{month}", {"files": files})
    return filed
