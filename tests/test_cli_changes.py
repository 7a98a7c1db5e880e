"""`supportdesk change list|show|add|notify|executed|attach|export|versions` (issue 8, R3.2)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from supportdesk.bootstrap import open_app
from supportdesk.domain.registry import CustomerForm, ProjectForm, SystemForm
from supportdesk.services import registry, users
from tests.cli_run import run_cli


@pytest.fixture
def profile() -> None:
    app = open_app()
    try:
        with app.db.write() as s:
            users.ensure_first_admin(s)
            users.add_user(s, "gongcheng", "engineer")
            customer = registry.save_customer(s, CustomerForm("华东电力"))
            project = registry.save_project(s, ProjectForm(customer.id, "调度平台"))
            registry.save_system(s, SystemForm(project.id, "调度平台生产"))
    finally:
        app.db.dispose()


@pytest.mark.usefixtures("profile")
def test_a_change_from_plan_to_archive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    start = (datetime.now() - timedelta(hours=3)).strftime("%Y-%m-%d %H:%M")
    add = ["change", "add", "--system", "调度平台生产", "--title", "升级调度服务", "--reason",
           "修复内存泄漏", "--scope", "调度服务", "--start", start, "--duration", "45",
           "--impact", "页面中断 30 分钟", "--rollback", "回退 3.1 版", "--executor", "李工",
           "--supervisor", "gongcheng"]  # fmt: skip
    code, out, _err = run_cli(capsys, *add)
    assert code == 0
    key = out.strip()
    code, _out, err = run_cli(capsys, "change", "executed", key)
    assert code == 1
    assert "customer notice" in err
    code, out, _err = run_cli(capsys, "change", "notify", key, "--phone", "信息科 王工")
    assert (code, "notice by phone to 信息科 王工: given" in out) == (0, True)
    assert run_cli(capsys, "change", "executed", key)[0] == 0
    script = tmp_path / "V3__新增表.sql"
    script.write_text("CREATE TABLE t (id int);", encoding="utf-8")
    assert run_cli(capsys, "change", "attach", key, "--script", str(script))[0] == 0
    assert run_cli(capsys, "change", "attach", key, "--commit", "9fceb02d0ae5")[0] == 0
    code, out, _err = run_cli(capsys, "change", "show", key, "--json")
    shown = json.loads(out)
    assert (code, shown["noticed"], shown["change"]["state"]) == (0, True, "executed")
    assert [a["kind"] for a in shown["artifacts"]] == ["script", "commit"]
    code, out, _err = run_cli(capsys, "change", "versions", "--json")
    (pinned,) = json.loads(out)
    assert (pinned["system"], pinned["change_id"]) == ("调度平台生产", int(key))
    code, out, _err = run_cli(capsys, "change", "list", "--search", "内存")
    assert "升级调度服务" in out
    sheet = tmp_path / "变更.xlsx"
    assert run_cli(capsys, "change", "export", "--out", str(sheet))[0] == 0
    rows = list(load_workbook(sheet).active.iter_rows(values_only=True))
    assert rows[1][3] == "升级调度服务"


@pytest.mark.usefixtures("profile")
def test_bad_input_names_the_flag(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run_cli(capsys, "change", "list", "--system", "不存在")
    assert code == 1
    assert "不存在" in err
    code, _out, err = run_cli(
        capsys, "change", "add", "--system", "调度平台生产", "--title", "t", "--reason", "r",
        "--scope", "s", "--start", "tomorrow", "--duration", "5", "--impact", "i",
        "--rollback", "r", "--executor", "e", "--supervisor", "gongcheng",
    )  # fmt: skip
    assert code == 2
    assert "--start" in err
    code, _out, err = run_cli(capsys, "change", "attach", "7", "--commit", "9fceb02d")
    assert code == 1
    assert "no longer exists" in err
