"""`supportdesk reward apply|submit|approve|return|list|ledger` (issue 10, R5.4): a reward for
an optimisation with a marked effect from a script, its chain checked against the user's
role and state, and the ledger per person and month as text, JSON and XLSX."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from supportdesk.bootstrap import open_app
from supportdesk.domain.optimisation import Category, Decision, ItemForm
from supportdesk.domain.registry import CustomerForm, ProjectForm
from supportdesk.services import optimisation, registry, users
from tests.cli_run import run_cli


@pytest.fixture
def item() -> int:
    """An approved November optimisation report with one item (the administrator stands in
    for each role), and an engineer with a Chinese name."""
    app = open_app()
    try:
        with app.db.write() as s:
            users.ensure_first_admin(s)
            users.add_user(s, "gongcheng", "engineer", name="张伟")
            customer = registry.save_customer(s, CustomerForm("华东电力"))
            project = registry.save_project(s, ProjectForm(customer.id, "调度平台")).id
            optimisation.draft(s, "2026-11")
            found = optimisation.save_item(
                s,
                ItemForm("2026-11", project, "报表查询慢", Category.PERFORMANCE, "研发部",
                         date(2026, 12, 15), "加索引"),
            )  # fmt: skip
            for decision in (Decision.SUBMIT, Decision.APPROVE, Decision.APPROVE):
                optimisation.decide(s, "2026-11", decision)
            return found.id
    finally:
        app.close()


def _apply(capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str, str]:
    return run_cli(
        capsys, "reward", "apply", "--month", "2026-11", "--person", "gongcheng",
        "--what", "为报表表加索引，查询从 12 秒降到 0.3 秒", "--evidence", "慢查询日志对比",
        *extra,
    )  # fmt: skip


def test_apply_the_chain_list_and_ledger(
    capsys: pytest.CaptureFixture[str], item: int, tmp_path: Path
) -> None:
    code, out, err = _apply(capsys, "--amount", "1500.5", "--item", str(item))
    assert code == 0, err
    reward = out.strip()
    assert reward.isdigit()
    code, out, err = run_cli(capsys, "reward", "submit", reward)
    assert code == 0, err
    assert "submitted, waiting for sales_director" in out
    code, _, err = run_cli(capsys, "reward", "return", reward)
    assert code == 1
    assert "comment" in err
    code, out, err = run_cli(capsys, "reward", "return", reward, "--comment", "请附截图")
    assert (code, "draft" in out) == (0, True), err
    for action in ("submit", "approve", "approve"):
        code, out, err = run_cli(capsys, "reward", action, reward)
        assert code == 0, err
    assert "\tapproved\t" in out
    code, _, err = run_cli(capsys, "reward", "approve", reward)
    assert code == 1  # approved is frozen
    code, out, err = run_cli(capsys, "reward", "list", "--month", "2026-11", "--json")
    assert code == 0, err
    (shown,) = json.loads(out)
    assert (shown["id"], shown["amount"], shown["state"], shown["person_name"]) == (
        int(reward),
        "1500.50",
        "approved",
        "张伟",
    )
    assert shown["item_description"] == "报表查询慢"
    assert [c["comment"] for c in shown["comments"]] == ["请附截图"]
    code, out, _ = _apply(capsys, "--amount", "99")  # a draft: not in the ledger
    assert code == 0

    sheet = tmp_path / "台账.xlsx"
    code, out, err = run_cli(
        capsys, "reward", "ledger", "--from", "2026-10", "--to", "2026-12", "--xlsx", str(sheet)
    )
    assert code == 0, err
    assert out.splitlines() == [
        "2026-11\tgongcheng 张伟\t1\t1500.50",
        "total\t1500.50",
        str(sheet),
    ]
    code, out, _ = run_cli(
        capsys, "reward", "ledger", "--from", "2026-11", "--to", "2026-11", "--json"
    )
    assert json.loads(out) == [
        {
            "person": "gongcheng",
            "person_name": "张伟",
            "month": "2026-11",
            "count": 1,
            "total": "1500.50",
        }
    ]
    from openpyxl import load_workbook

    rows = list(load_workbook(sheet).worksheets[0].iter_rows(values_only=True))
    assert rows[1] == ("2026-11", "gongcheng", "张伟", 1, 1500.5)


def test_bad_input_is_named(capsys: pytest.CaptureFixture[str], item: int) -> None:
    code, _, err = _apply(capsys, "--amount", "12.345")
    assert code == 1
    assert "amount" in err
    code, _, err = _apply(capsys, "--amount", "100", "--item", str(item + 1000))
    assert code == 1
    assert "optimisation item" in err
    code, out, _ = run_cli(capsys, "reward", "list")
    assert (code, out.strip()) == (0, "")  # nothing was added
    code, _, err = run_cli(capsys, "reward", "ledger", "--from", "2026-13", "--to", "2026-12")
    assert code == 2
    assert "YYYY-MM" in err
    code, _, err = run_cli(capsys, "reward", "submit", "999")
    assert code == 1
    assert "reward" in err
