"""`supportdesk optimisation export` and the filing of an approved report (issue 10, R2.4):
the contract a script relies on (exit code, printed path, file written), argparse refusing an
unknown format, and the approving step filing DOCX + PDF into the document folder."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pypdf
import pytest
from docx import Document
from openpyxl import load_workbook
from sqlalchemy import select

from supportdesk.bootstrap import open_app
from supportdesk.db.models import AuditEvent
from supportdesk.domain.optimisation import Category, ItemForm
from supportdesk.domain.registry import CustomerForm, ProjectForm
from supportdesk.services import optimisation, registry, users
from tests.cli_run import run_cli

MONTH = "2026-11"
FILED = ["2026-11 优化总结及下月措施.docx", "2026-11 优化总结及下月措施.pdf"]


@pytest.fixture
def drafted() -> None:
    """November's report, a draft with one item (the administrator of this profile)."""
    app = open_app()
    try:
        with app.db.write() as s:
            users.ensure_first_admin(s)
            customer = registry.save_customer(s, CustomerForm("华东电力"))
            project = registry.save_project(s, ProjectForm(customer.id, "调度平台")).id
            optimisation.draft(s, MONTH)
            optimisation.save_item(
                s,
                ItemForm(MONTH, project, "报表查询慢", Category.PERFORMANCE, "研发部",
                         date(2026, 12, 15), "为报表表加索引"),
            )  # fmt: skip
    finally:
        app.close()


def _pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(str(path))
    return "".join("".join(page.extract_text() for page in reader.pages).split())


@pytest.mark.usefixtures("drafted")
@pytest.mark.parametrize("fmt", ["docx", "pdf", "xlsx"])
def test_export_writes_the_file_and_prints_its_path(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"优化报告.{fmt}"
    code, printed, err = run_cli(
        capsys, "optimisation", "export", "--month", MONTH, "--format", fmt, "--out", str(out)
    )
    assert (code, err) == (0, "")
    assert printed.strip() == str(out)
    if fmt == "pdf":
        assert "报表查询慢" in _pdf_text(out)
    elif fmt == "docx":
        cells = [c.text for t in Document(str(out)).tables for r in t.rows for c in r.cells]
        assert "为报表表加索引" in cells
    else:
        sheet = load_workbook(out)["条目"]
        assert sheet.cell(row=2, column=4).value == "报表查询慢"
    assert not out.with_name(out.name + ".part").exists()


def test_export_refuses_an_unknown_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "r.odt"
    code, _, err = run_cli(
        capsys, "optimisation", "export", "--month", MONTH, "--format", "odt", "--out", str(out)
    )
    assert code == 2
    assert "invalid choice: 'odt'" in err
    assert not out.exists()


@pytest.mark.usefixtures("drafted")
def test_export_of_a_missing_month_or_to_an_unwritable_path_fails(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run_cli(
        capsys, "optimisation", "export", "--month", "2026-05", "--format", "pdf",
        "--out", str(tmp_path / "r.pdf"),
    )  # fmt: skip
    assert code == 1
    assert err.startswith("supportdesk: ")
    assert not (tmp_path / "r.pdf").exists()
    out = tmp_path / "missing" / "r.docx"
    code, _, err = run_cli(
        capsys, "optimisation", "export", "--month", MONTH, "--format", "docx", "--out", str(out)
    )
    assert code == 1
    assert str(out) in err


@pytest.mark.usefixtures("drafted")
def test_the_approving_step_files_the_report_in_the_document_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "文档"
    code, _, err = run_cli(capsys, "config", "set", "documents.folder", str(folder))
    assert code == 0, err
    code, _, err = run_cli(capsys, "optimisation", "submit", "--month", MONTH)
    assert code == 0, err
    # The sales director's approval leaves the report under review: nothing is filed yet.
    code, out, err = run_cli(capsys, "optimisation", "approve", "--month", MONTH)
    assert (code, out.strip()) == (0, "2026-11: reviewed, waiting for committee"), err
    assert not folder.exists()
    code, out, err = run_cli(capsys, "optimisation", "approve", "--month", MONTH)
    assert code == 0, err
    lines = out.strip().splitlines()
    assert lines[0] == "2026-11: approved"
    assert sorted(lines[1:]) == sorted(str(folder / name) for name in FILED)
    assert sorted(p.name for p in folder.iterdir()) == FILED
    assert "已批准" in _pdf_text(folder / FILED[1])
    app = open_app()
    try:
        with app.db.read() as s:
            payloads = list(
                s.scalars(
                    select(AuditEvent.payload).where(AuditEvent.action == "optimisation.export")
                )
            )
    finally:
        app.close()
    assert [sorted(f["name"] for f in json.loads(p)["files"]) for p in payloads] == [FILED]


@pytest.mark.usefixtures("drafted")
def test_without_a_document_folder_approval_files_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for step in ("submit", "approve", "approve"):
        code, out, err = run_cli(capsys, "optimisation", step, "--month", MONTH)
        assert code == 0, err
    assert out.strip() == "2026-11: approved"
