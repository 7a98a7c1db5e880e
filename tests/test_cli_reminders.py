"""`supportdesk reminders due|run` (issue 6): what is due and why, and running the rules once
(for cron) adds each message exactly once."""

from __future__ import annotations

import io
import json
from datetime import date
from typing import Any

import keyring
import pytest
from keyrings.alt.file import PlaintextKeyring

from supportdesk.bootstrap import open_app
from supportdesk.domain.registry import ContractForm, CustomerForm, ProjectForm, SystemForm
from supportdesk.services import registry, reminder, users
from tests.adapters.memory_keyring import MemoryKeyring
from tests.cli_run import run_cli
from tests.servers.smtp import running_smtp


@pytest.fixture
def profile() -> None:
    app = open_app()
    try:
        with app.db.write() as s:
            users.ensure_first_admin(s)
            users.add_user(s, "zongjian", "sales_director", email="director@example.cn")
            users.add_user(s, "xiaoshou", "salesperson")
            customer = registry.save_customer(s, CustomerForm("华东电力"))
            project = registry.save_project(s, ProjectForm(customer.id, "调度平台"))
            system = registry.save_system(s, SystemForm(project.id, "调度平台生产"))
            registry.save_contract(s, ContractForm(system.id, date(2025, 3, 1), date(2027, 5, 31)))
    finally:
        app.db.dispose()


def _expiry(out: str) -> list[dict[str, Any]]:
    return [d for d in json.loads(out) if d["rule"] == "contract.expiry"]


@pytest.mark.usefixtures("profile")
def test_due_and_run_from_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run_cli(capsys, "reminders", "due", "--today", "2027-02-27", "--json")
    assert (code, _expiry(out)) == (0, [])
    code, out, _err = run_cli(capsys, "reminders", "due", "--today", "2027-02-28", "--json")
    (due,) = _expiry(out)
    assert (due["rule"], due["due_on"], due["facts"]["days_left"]) == (
        "contract.expiry",
        "2027-02-28",  # 31 May less three months: the last day of February
        "92",
    )
    code, out, _err = run_cli(capsys, "reminders", "due", "--today", "2027-02-28")
    assert "华东电力 调度平台生产" in out
    code, out, _err = run_cli(capsys, "reminders", "run", "--today", "2027-03-01")
    first = int(out.split()[0])
    assert (code, first > 0) == (0, True)
    code, out, _err = run_cli(capsys, "reminders", "run", "--today", "2027-03-02")
    assert (code, out.splitlines()[0]) == (0, "0 new outbox messages")
    # A run on a made-up day is not recorded as the day's run: the desktop's catch-up and
    # the agent's daily run still happen on the real days in between.
    app = open_app()
    try:
        with app.db.read() as s:
            assert reminder.last_run(s) is None
    finally:
        app.db.dispose()
    code, _out, err = run_cli(capsys, "reminders", "due", "--today", "2027-13-01")
    assert code == 2
    assert "today" in err


@pytest.mark.usefixtures("profile")
def test_acknowledge_assign_and_follow_up(capsys: pytest.CaptureFixture[str]) -> None:
    run_cli(capsys, "reminders", "run", "--today", "2027-03-01", "--no-delivery")
    code, out, _err = run_cli(capsys, "reminders", "list", "--json")
    (row,) = [r for r in json.loads(out) if r["rule"] == "contract.expiry"]
    assert (code, row["outcome"], row["acknowledged_by"]) == (0, "open", None)
    code, _out, err = run_cli(capsys, "reminders", "ack", str(row["id"]), "--assign", "nobody")
    assert (code, "nobody" in err) == (1, True)
    code, out, _err = run_cli(capsys, "reminders", "ack", str(row["id"]), "--assign", "xiaoshou")
    assert (code, out.strip().endswith("assigned to xiaoshou")) == (0, True)
    code, out, _err = run_cli(
        capsys, "reminders", "follow-up", str(row["id"]), "renewed", "--note", "续签"
    )
    assert (code, out.strip()) == (0, f"R-{row['id']}: renewed")
    code, out, _err = run_cli(capsys, "reminders", "list", "--open", "--json")
    assert row["id"] not in [r["id"] for r in json.loads(out)]


@pytest.mark.usefixtures("profile")
def test_team_settings_through_config(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(capsys, "config", "set", "mail.security", "ssl")[:2] == (0, "ssl\n")
    assert run_cli(capsys, "config", "get", "mail.security")[:2] == (0, "ssl\n")
    code, _out, err = run_cli(capsys, "config", "set", "mail.port", "70000")
    assert code == 1
    assert "mail.port" in err
    code, _out, err = run_cli(capsys, "config", "set", "mail.credential", "no such")
    assert (code, "mail.credential" in err) == (1, True)
    code, _out, err = run_cli(capsys, "config", "set", "robots.dingtalk.url", "ftp://x?tok=SECRET")
    assert (code, "SECRET" in err) == (1, False)
    code, out, _err = run_cli(capsys, "config", "list", "--json")
    values = json.loads(out)
    assert (values["mail.security"], values["reminders.time"]) == ("ssl", "08:30")
    assert "ui.language" in values  # the machine's settings are listed too


@pytest.mark.usefixtures("profile")
def test_outbox_problems_exit_non_zero(capsys: pytest.CaptureFixture[str]) -> None:
    # A mail server nobody listens on: the message fails, stays, and is tried again later.
    code, _out, err = run_cli(capsys, "config", "set", "mail.host", "127.0.0.1")
    assert (code, "mail.from" in err) == (1, True)  # mail nobody could send: refused
    run_cli(capsys, "config", "set", "mail.from", "desk@example.cn")
    run_cli(capsys, "config", "set", "mail.host", "127.0.0.1")
    run_cli(capsys, "config", "set", "mail.port", "9")
    run_cli(capsys, "config", "set", "mail.security", "none")
    code, out, _err = run_cli(capsys, "reminders", "run", "--today", "2027-03-01")
    assert code == 0
    assert "0 sent, 1 not delivered" in out
    code, out, _err = run_cli(capsys, "reminders", "outbox", "--json")
    (mail,) = [m for m in json.loads(out) if m["channel"] == "mail"]
    assert (mail["state"], mail["attempts"]) == ("pending", 1)
    assert "127.0.0.1:9" in mail["last_error"]
    assert run_cli(capsys, "reminders", "outbox", "--problems")[0] == 0  # not yet "failing"


@pytest.mark.usefixtures("profile")
def test_the_smtp_password_from_the_os_keyring(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with running_smtp("starttls", user="desk", password="邮箱-pw-1") as server:
        monkeypatch.setenv("SSL_CERT_FILE", str(server.ca.ca_file))  # trusted as the machine's
        for key, value in {
            "mail.from": "desk@example.cn",
            "mail.host": server.host,
            "mail.port": str(server.port),
            "mail.security": "starttls",
            "mail.user": "desk",
        }.items():
            assert run_cli(capsys, "config", "set", key, value)[0] == 0
        # A plain-text keyring is refused, as for the vault's key: nothing stored.
        keyring.set_keyring(PlaintextKeyring())
        monkeypatch.setattr("sys.stdin", io.StringIO("邮箱-pw-1\n"))
        code, _out, err = run_cli(capsys, "reminders", "mail-password", "--password-stdin")
        assert (code, "邮箱-pw-1" in err) == (1, False)
        memory = MemoryKeyring()
        keyring.set_keyring(memory)
        monkeypatch.setattr("sys.stdin", io.StringIO("邮箱-pw-1\n"))
        assert run_cli(capsys, "reminders", "mail-password", "--password-stdin")[0] == 0
        assert list(memory.entries.values()) == ["邮箱-pw-1"]
        code, out, _err = run_cli(capsys, "reminders", "run", "--today", "2027-03-01")
        assert (code, "1 sent, 0 not delivered" in out) == (0, True)
        (mail,) = server.messages
    assert mail.rcpt_tos == ("director@example.cn",)


@pytest.mark.usefixtures("profile")
def test_handover_status_and_advance(capsys: pytest.CaptureFixture[str]) -> None:
    app = open_app()
    try:
        with app.db.write() as s:
            (customer,) = registry.list_customers(s)
            registry.save_project(
                s, ProjectForm(customer.id, "调度自动化二期", planned_acceptance=date(2027, 3, 31))
            )
    finally:
        app.db.dispose()
    code, out, _err = run_cli(capsys, "handover", "status", "--today", "2027-04-15", "--json")
    (row,) = json.loads(out)
    assert (code, row["join_on"], row["due_on"], row["state"], row["late"]) == (
        0,
        "2027-02-28",
        "2027-04-14",
        "planned",
        True,
    )
    code, out, _err = run_cli(capsys, "handover", "advance", "调度自动化二期", "joined")
    assert (code, out.strip()) == (0, "华东电力 调度自动化二期: joined")
    code, _out, err = run_cli(capsys, "handover", "advance", "调度自动化二期", "joined")
    assert code == 1
    assert "joined" in err
    code, out, _err = run_cli(capsys, "handover", "status", "--today", "2027-04-01")
    assert "调度自动化二期" in out
    assert "LATE" not in out
