"""`supportdesk optimisation draft|show|submit|approve|return` (issue 10, R2.4): the month's
report from a script, each step checked against the user's role and state."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from supportdesk.bootstrap import open_app
from supportdesk.domain.optimisation import Category, ItemForm
from supportdesk.domain.registry import CustomerForm, ProjectForm
from supportdesk.services import optimisation, registry, users
from tests.cli_run import run_cli


@pytest.fixture
def project() -> int:
    app = open_app()
    try:
        with app.db.write() as s:
            users.ensure_first_admin(s)
            customer = registry.save_customer(s, CustomerForm("华东电力"))
            return registry.save_project(s, ProjectForm(customer.id, "调度平台")).id
    finally:
        app.close()


def test_draft_show_and_the_approval_chain(
    capsys: pytest.CaptureFixture[str], project: int
) -> None:
    code, out, err = run_cli(capsys, "optimisation", "draft", "--month", "2026-11")
    assert code == 0, err
    assert out.startswith("2026-11: draft, waiting for group_leader")
    code, _, err = run_cli(capsys, "optimisation", "submit", "--month", "2026-11")
    assert code == 1
    assert "no items" in err
    app = open_app()
    try:
        with app.db.write() as s:
            optimisation.save_item(
                s,
                ItemForm(
                    "2026-11", project, "报表查询慢", Category.PERFORMANCE, "研发部",
                    date(2026, 12, 15), "加索引",
                ),
            )  # fmt: skip
    finally:
        app.close()
    code, out, err = run_cli(capsys, "optimisation", "submit", "--month", "2026-11")
    assert (code, out.strip()) == (0, "2026-11: submitted, waiting for sales_director"), err
    code, _, err = run_cli(capsys, "optimisation", "return", "--month", "2026-11")
    assert code == 1
    assert "comment" in err
    code, out, _ = run_cli(
        capsys, "optimisation", "return", "--month", "2026-11", "--comment", "请补充负责部门"
    )
    assert code == 0
    code, out, _ = run_cli(capsys, "optimisation", "show", "--month", "2026-11", "--json")
    shown = json.loads(out)
    assert shown["state"] == "draft"
    assert shown["items"][0]["description"] == "报表查询慢"
    assert [(s["decision"], s["comment"]) for s in shown["steps"]] == [
        ("submit", ""),
        ("return", "请补充负责部门"),
    ]


def test_a_month_is_checked(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "optimisation", "show", "--month", "2026-13")
    assert code == 2
    assert "YYYY-MM" in err


def test_push_files_the_measures_in_zentao_and_writes_what_waits(
    capsys: pytest.CaptureFixture[str], project: int, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    from supportdesk.crypto import vault_crypto
    from supportdesk.domain.optimisation import Decision
    from supportdesk.domain.vault import CredentialForm
    from supportdesk.services import team_settings, vault
    from tests.servers.zentao import running_zentao

    passphrase = tmp_path / "pass.txt"
    passphrase.write_text("禅道 passphrase 2026\n", encoding="utf-8")
    with running_zentao({"shouhou": "zt-pass"}) as server:
        app = open_app()
        try:
            with app.db.write() as s:
                opened = vault.init_vault(s, "禅道 passphrase 2026", vault_crypto.new_kdf_params())
                vault.save_credential(s, opened, CredentialForm("禅道", "zt-pass", kind="other"))
                other = registry.save_project(
                    s, ProjectForm(registry.list_projects(s)[0].customer_id, "营销系统")
                ).id
                team_settings.set_many(
                    s,
                    {
                        "zentao.url": server.url,
                        "zentao.account": "shouhou",
                        "zentao.credential": "禅道",
                        "zentao.executions": f"{project}=21",  # none for the other project
                    },
                )
                optimisation.draft(s, "2026-11")
                for where, measure in ((project, "为报表表加索引"), (other, "升级连接池")):
                    optimisation.save_item(
                        s,
                        ItemForm("2026-11", where, "问题", Category.BUG, "研发部",
                                 date(2026, 12, 20), measure),
                    )  # fmt: skip
                for decision in (Decision.SUBMIT, Decision.APPROVE, Decision.APPROVE):
                    optimisation.decide(s, "2026-11", decision)  # the administrator stands in
        finally:
            app.close()
        sheet = tmp_path / "导入禅道.xlsx"
        code, out, err = run_cli(
            capsys, "optimisation", "push", "--month", "2026-11",
            "--passphrase-file", str(passphrase), "--sheet", str(sheet),
        )  # fmt: skip
        tasks = server.tasks
    assert code == 1, err  # one measure waits
    assert [t["name"] for t in tasks] == ["为报表表加索引"]
    assert f"ZenTao task {tasks[0]['id']}" in out
    assert "waits (no_execution)" in out
    rows = list(load_workbook(sheet).active.iter_rows(values_only=True))
    assert "升级连接池" in [str(v) for v in rows[1]]
