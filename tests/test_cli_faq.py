"""`supportdesk faq search|export` (issue 9, R2.2): the manual searched from a script (text and
JSON, Chinese terms of one and two characters), exported for a month as DOCX or PDF and
read back, and uploaded to the document system the team settings name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from supportdesk.bootstrap import open_app
from supportdesk.domain.faq import FaqForm
from supportdesk.services import faq, team_settings, users
from tests.cli_run import run_cli


@pytest.fixture
def manual() -> list[int]:
    """Three published entries in the CLI's default profile, this month."""
    app = open_app()
    try:
        with app.db.write() as s:
            users.ensure_first_admin(s)
            made = []
            for question, solution in (
                ("备份失败：磁盘空间不足", "清理归档日志后重新执行 RMAN 备份"),
                ("应用日志不轮转", "补上 logrotate 配置"),
                ("Nginx 返回 502", "调大上游 Tomcat 线程数"),
            ):
                entry = faq.save(s, FaqForm(question, solution=solution, tags=("运维",)))
                faq.submit(s, entry.row.id, None)
                faq.publish(s, entry.row.id, None)
                made.append(entry.row.id)
        return made
    finally:
        app.close()


def test_search_prints_the_hits_with_the_matches_marked(
    capsys: pytest.CaptureFixture[str], manual: list[int]
) -> None:
    code, out, _ = run_cli(capsys, "faq", "search", "日志")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "2 found"
    assert "应用日志不轮转" in lines[1]  # in the question: ranked first
    assert "【日志】" in out


def test_search_as_json(capsys: pytest.CaptureFixture[str], manual: list[int]) -> None:
    code, out, _ = run_cli(capsys, "faq", "search", "盘", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["total"] == 1
    assert data["hits"][0]["question"] == "备份失败：磁盘空间不足"
    assert data["hits"][0]["tags"] == ["运维"]
    code, out, _ = run_cli(capsys, "faq", "search", "不存在", "--json")
    assert (code, json.loads(out)["total"]) == (0, 0)


def test_export_a_month_as_docx_and_pdf(
    capsys: pytest.CaptureFixture[str], manual: list[int], tmp_path: Path
) -> None:
    from datetime import date

    month = date.today().strftime("%Y-%m")
    docx, pdf = tmp_path / "手册.docx", tmp_path / "手册.pdf"
    code, out, err = run_cli(
        capsys, "faq", "export", "--month", month, "--format", "docx", "--out", str(docx)
    )
    assert code == 0, err
    assert "3 entries" in out
    text = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    assert "备份失败：磁盘空间不足" in text
    code, _, err = run_cli(
        capsys, "faq", "export", "--month", month, "--format", "pdf", "--out", str(pdf)
    )
    assert code == 0, err
    assert "应用日志不轮转" in "".join(page.extract_text() for page in PdfReader(pdf).pages)


def test_export_refuses_a_bad_month_and_a_missing_format(
    capsys: pytest.CaptureFixture[str], manual: list[int], tmp_path: Path
) -> None:
    code, _, err = run_cli(capsys, "faq", "export", "--month", "2026-13", "--out", "x.docx")
    assert code == 2
    assert "YYYY-MM" in err
    code, _, err = run_cli(
        capsys, "faq", "export", "--month", "2026-11", "--out", str(tmp_path / "x")
    )
    assert code == 1
    assert "format" in err
    assert not (tmp_path / "x").exists()


def test_upload_to_the_teams_folder(
    capsys: pytest.CaptureFixture[str], manual: list[int], tmp_path: Path
) -> None:
    from datetime import date

    month = date.today().strftime("%Y-%m")
    code, _, err = run_cli(capsys, "faq", "export", "--month", month, "--upload")
    assert code == 1  # nothing configured
    assert "faq.upload.kind" in err or "document" in err
    share = tmp_path / "share"
    share.mkdir()
    app = open_app()
    try:
        with app.db.write() as s:
            team_settings.set_many(
                s, {"faq.upload.kind": "folder", "faq.upload.folder": str(share)}
            )
    finally:
        app.close()
    code, out, err = run_cli(capsys, "faq", "export", "--month", month, "--upload")
    assert code == 0, err
    year, mon = month.split("-")
    assert sorted(p.name for p in share.iterdir()) == sorted(
        f"{what}_{year}年{mon}月.{ext}"
        for what in ("售后服务手册", "售后服务手册本月更新")
        for ext in ("docx", "pdf")
    )
    assert out.count("uploaded") == 4
