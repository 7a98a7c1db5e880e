"""`supportdesk handover export|missing|sign|amend|verify` (issue 7): the package for signature
as DOCX and PDF with the Chinese names intact, read back; the sign-off recorded from the
command line and verified by its hash."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from supportdesk.bootstrap import open_app
from supportdesk.domain.handover import DEFAULT_CATEGORIES, BoundaryForm, FaqForm, HandoverState
from supportdesk.domain.registry import ContactForm, CustomerForm, ProjectForm, SystemForm
from supportdesk.services import handover, registry, users
from tests.cli_run import run_cli

CUSTOMER, PROJECT = "华东电力有限公司", "调度平台三期"


@pytest.fixture
def project() -> int:
    """A project in progress with a complete package, in the CLI's default profile."""
    app = open_app()
    try:
        with app.db.write() as s:
            users.ensure_first_admin(s)
            customer = registry.save_customer(s, CustomerForm(CUSTOMER))
            project = registry.save_project(
                s, ProjectForm(customer.id, PROJECT, acceptance_date=date(2026, 10, 31))
            ).id
            registry.save_system(s, SystemForm(project, "调度平台生产"))
            registry.save_contact(
                s, ContactForm(customer.id, "王工", phone="13800000000", emergency=True)
            )
            handover.advance(s, project, HandoverState.JOINED, on=date(2026, 9, 30))
            handover.advance(s, project, HandoverState.IN_PROGRESS)
            handover.save_boundaries(
                s,
                BoundaryForm(
                    project,
                    "应用系统及数据库的日常维护",
                    "机房与网络",
                    date(2026, 11, 1),
                    date(2027, 10, 31),
                    "到期后签订有偿维保合同",
                    "巡检与故障处理",
                    "二次开发由技术支持部负责",
                ),
            )
            for category in DEFAULT_CATEGORIES[:-1]:
                handover.add_material(s, project, category, f"{category}.pdf", data=b"x")
            handover.save_faq(s, FaqForm(project, "调度服务无响应怎么办？", "重启 dispatch 服务"))
        return project
    finally:
        app.db.dispose()


def test_export_sign_and_verify_from_the_command_line(
    project: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run_cli(capsys, "handover", "missing", PROJECT, "--json")
    assert (code, json.loads(out)) == (1, ["material:database_schema"])
    scan = tmp_path / "签字页.pdf"
    scan.write_bytes(b"%PDF-1.4 signed")
    code, _out, err = run_cli(
        capsys, "handover", "sign", PROJECT, "--ours", "张工", "--theirs", "王工",
        "--on", "2026-11-10", "--scan", str(scan),
    )  # fmt: skip
    assert code == 1
    assert "missing: technical material: Database schema" in err or "数据库结构" in err

    app = open_app()
    try:
        with app.db.write() as s:
            handover.add_material(s, project, "database_schema", "表结构", location="git@x:db@a1b2")
    finally:
        app.db.dispose()
    docx, pdf = tmp_path / "移交.docx", tmp_path / "移交.pdf"
    assert (
        run_cli(capsys, "handover", "export", PROJECT, "--format", "docx", "--out", str(docx))[0]
        == 0
    )
    assert (
        run_cli(capsys, "handover", "export", PROJECT, "--format", "pdf", "--out", str(pdf))[0] == 0
    )
    word = Document(str(docx))
    text = "\n".join(
        [p.text for p in word.paragraphs]
        + [c.text for t in word.tables for row in t.rows for c in row.cells]
    )
    assert CUSTOMER in text
    assert PROJECT in text
    assert "调度服务无响应怎么办？" in text
    printed = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert CUSTOMER in printed
    assert PROJECT in printed

    code, out, _err = run_cli(
        capsys, "handover", "sign", PROJECT, "--ours", "张工", "--theirs", "王工",
        "--on", "2026-11-10", "--scan", str(scan),
    )  # fmt: skip
    assert (code, out.startswith(f"{PROJECT}: signed, version 1, package ")) == (0, True)
    code, out, _err = run_cli(capsys, "handover", "verify", PROJECT, "--json")
    (check,) = json.loads(out)
    assert (code, check["version"], check["ok"]) == (0, 1, True)
    frozen = tmp_path / "v1.docx"
    code, _out, _err = run_cli(
        capsys, "handover", "export", PROJECT, "--format", "docx", "--out", str(frozen),
        "--version", "1",
    )  # fmt: skip
    assert code == 0
    signed_text = "\n".join(
        [p.text for p in Document(str(frozen)).paragraphs]
        + [c.text for t in Document(str(frozen)).tables for row in t.rows for c in row.cells]
    )
    assert "张工" in signed_text
    assert "王工" in signed_text

    code, _out, err = run_cli(capsys, "handover", "amend", PROJECT, "--reason", " ")
    assert code == 1
    assert "reason" in err or "原因" in err
    code, out, _err = run_cli(capsys, "handover", "amend", PROJECT, "--reason", "补充巡检范围")
    assert (code, out.strip()) == (0, f"{PROJECT}: amendment open")


def test_export_refuses_a_bad_format_and_an_unknown_version(
    project: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.odt"
    assert (
        run_cli(capsys, "handover", "export", PROJECT, "--format", "odt", "--out", str(out))[0] == 2
    )
    code, _out, _err = run_cli(
        capsys,
        "handover",
        "export",
        PROJECT,
        "--format",
        "pdf",
        "--out",
        str(out),
        "--version",
        "3",
    )
    assert code == 1
    assert not out.exists()
    code, _out, err = run_cli(
        capsys,
        "handover",
        "sign",
        PROJECT,
        "--ours",
        "张工",
        "--theirs",
        "王工",
        "--on",
        "2026-11-10",
        "--scan",
        str(tmp_path / "none.pdf"),
    )
    assert code == 1
    assert "signed scan" in err or "扫描" in err
