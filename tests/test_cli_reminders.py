"""`supportdesk reminders due|run` (issue 6): what is due and why, and running the rules once
(for cron) adds each message exactly once."""

from __future__ import annotations

import json
from datetime import date

import pytest

from supportdesk.bootstrap import open_app
from supportdesk.domain.registry import ContractForm, CustomerForm, ProjectForm, SystemForm
from supportdesk.services import registry, users
from tests.cli_run import run_cli


@pytest.fixture
def profile() -> None:
    app = open_app()
    try:
        with app.db.write() as s:
            users.ensure_first_admin(s)
            users.add_user(s, "zongjian", "sales_director", email="director@example.cn")
            customer = registry.save_customer(s, CustomerForm("华东电力"))
            project = registry.save_project(s, ProjectForm(customer.id, "调度平台"))
            system = registry.save_system(s, SystemForm(project.id, "调度平台生产"))
            registry.save_contract(s, ContractForm(system.id, date(2025, 3, 1), date(2027, 5, 31)))
    finally:
        app.db.dispose()


@pytest.mark.usefixtures("profile")
def test_due_and_run_from_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run_cli(capsys, "reminders", "due", "--today", "2027-02-27", "--json")
    assert (code, json.loads(out)) == (0, [])
    code, out, _err = run_cli(capsys, "reminders", "due", "--today", "2027-02-28", "--json")
    (due,) = json.loads(out)
    assert (due["rule"], due["due_on"], due["facts"]["days_left"]) == (
        "contract.expiry",
        "2027-02-28",  # 31 May less three months: the last day of February
        "92",
    )
    code, out, _err = run_cli(capsys, "reminders", "due", "--today", "2027-02-28")
    assert "华东电力 调度平台生产" in out
    assert run_cli(capsys, "reminders", "run", "--today", "2027-03-01")[:2] == (
        0,
        "2 new outbox messages\n",
    )
    assert run_cli(capsys, "reminders", "run", "--today", "2027-03-02")[:2] == (
        0,
        "0 new outbox messages\n",
    )
    code, _out, err = run_cli(capsys, "reminders", "due", "--today", "2027-13-01")
    assert code == 2
    assert "today" in err
