"""The monthly inspection report (issue 5, "Report and review"): PDF and DOCX from one report,
in Chinese or English, the Chinese surviving in the PDF through its embedded font."""

from __future__ import annotations

import json
import subprocess
import unicodedata
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pypdf
import pytest
from docx import Document
from PySide6.QtCore import QCoreApplication
from sqlalchemy import update

from supportdesk.db.engine import Database
from supportdesk.db.models import BackupCheck, InspectionRun
from supportdesk.domain.backup import BackupKind, JobForm
from supportdesk.domain.inspection import InspectionSettings, ManualItem
from supportdesk.reports import inspection_report
from supportdesk.services import backup, inspection
from supportdesk.ui.i18n import install_translators, resource_path
from tests.cli_run import run_cli
from tests.servers.sshd import SshServer
from tests.services.test_inspection import Fleet

pytestmark = pytest.mark.sshd

FONT = resource_path("fonts/SupportDeskSansSC-Regular.ttf")


@pytest.fixture(params=["zh_CN", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    app = QCoreApplication.instance()
    assert app is not None
    installed = install_translators(app, request.param)
    yield request.param
    for translator in installed:
        QCoreApplication.removeTranslator(translator)


@pytest.fixture
def finished(sqlite_db: Database, sshd: SshServer) -> tuple[Fleet, int]:
    fleet = Fleet(sqlite_db, sshd)
    fleet.host("app01")
    fleet.host("bare01", credential=None)
    with sqlite_db.write() as s:
        inspection.save_settings(
            s, fleet.system, InspectionSettings(manual=(ManualItem("机房温度正常"),))
        )
    first = fleet.run().run_id  # last month's, for the comparison column
    with sqlite_db.write() as s:
        s.execute(update(InspectionRun).where(InspectionRun.id == first).values(period="2026-10"))
    run = fleet.run().run_id
    with sqlite_db.write() as s:
        inspection.tick(s, run, 0, True, "22℃")
        inspection.finalize(s, run, {"bare01": "客户停机"})
    return fleet, run


def _pdf_text(path: Path) -> tuple[str, set[str]]:
    reader = pypdf.PdfReader(str(path))
    # NFKC: where two code points share a glyph (户 and the radical ⼾), the PDF's text map
    # names one of them; the reader sees the same character either way.
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


def test_the_report_in_pdf_and_docx(
    finished: tuple[Fleet, int], language: str, tmp_path: Path
) -> None:
    fleet, run = finished
    with fleet.db.write() as s:  # R3.3: the month's backup checks are in the report
        host = fleet.hosts["app01"]
        nightly = backup.save_job(
            s, JobForm(fleet.system, host, "夜间数据库", BackupKind.PG_DUMP, "/srv/backup")
        )
        backup.save_job(
            s, JobForm(fleet.system, host, "应用目录", BackupKind.DIRECTORY, "/srv/app")
        )
        s.add(
            BackupCheck(
                job_id=nightly.id,
                checked_at=datetime(2026, 11, 20, 9, tzinfo=UTC),
                passed=False,
                outcome="checked",
                findings=json.dumps([{"code": "gap", "ok": False, "params": {}}]),
                checked_by="tester",
            )
        )
    with fleet.db.read() as s:
        report = inspection.report(s, run)
    assert [(b.job, b.passed, b.problems) for b in report.backups] == [
        ("夜间数据库", False, ("gap",)),
        ("应用目录", None, ()),
    ]
    assert [h.name for h in report.hosts] == ["app01", "bare01"]
    app01 = report.hosts[0]
    assert app01.fingerprint == fleet.server.host_key_fingerprint
    assert all(f.last_month is not None for f in app01.findings)  # compared with October
    assert report.hosts[1].reason == "客户停机"
    pdf = inspection_report.write_pdf(report, tmp_path / "r.pdf", FONT)
    text, embedded = _pdf_text(pdf)
    title = "月度巡检报告" if language == "zh_CN" else "Monthly inspection report"
    unchecked = "本月未检查" if language == "zh_CN" else "not checked this month"
    for expected in (
        title, "调度平台生产", "巡检客户", "app01", "客户停机", "机房温度正常", "夜间数据库",
        unchecked,
    ):  # fmt: skip
        assert expected in text, expected
    assert text.count(title) == 1  # headings drawn once (no faked bold), so read once
    assert app01.evidence is not None
    assert app01.evidence[:16] in text.replace(" ", "")  # may wrap at the line end
    # And as poppler reads it (what a PDF viewer copies): digits and Chinese alike.
    shown = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True)
    assert "调度平台生产" in shown.stdout.decode()
    assert app01.evidence in shown.stdout.decode().replace("\n", "")
    # Our font, embedded: the Chinese looks the same on a machine without any CJK font.
    assert any("SupportDeskSansSC" in name for name in embedded), embedded
    docx = inspection_report.write_docx(report, tmp_path / "r.docx")
    document = Document(str(docx))
    body = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        c.text for t in document.tables for row in t.rows for c in row.cells
    )
    for expected in (title, "调度平台生产", "app01", "机房温度正常", "应用目录", unchecked):
        assert expected in body, expected
    fonts = document.styles["Normal"].element.rPr.rFonts
    assert fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == (
        "Microsoft YaHei"
    )


def test_report_from_the_command_line(
    finished: tuple[Fleet, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fleet, _run = finished
    url = str(fleet.db.url)
    out = tmp_path / "巡检报告.pdf"
    code, printed, err = run_cli(
        capsys, "--db", url, "--lang", "zh_CN", "report", "inspection",
        "--system", "调度平台生产", "--period", "2026-11", "--format", "pdf", "--out", str(out),
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert printed.strip() == str(out)
    assert "月度巡检报告" in _pdf_text(out)[0]
    code, _printed, err = run_cli(
        capsys, "--db", url, "report", "inspection", "--system", "调度平台生产",
        "--period", "2026-01", "--format", "docx", "--out", str(tmp_path / "x.docx"),
    )  # fmt: skip
    assert code == 1
    assert "2026-01" in err
