"""CLI conventions: exit codes, --json, --profile/--db, no QtWidgets for sub-commands."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from supportdesk import __version__
from supportdesk.cli import main


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as stop:  # argparse's own exits (usage errors, --version)
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "--version") == (0, f"SupportDesk {__version__}\n", "")


@pytest.mark.parametrize(
    "args",
    [("nope",), ("user", "add", "x"), ("export", "--format", "csv", "--out", "x"), ("db",)],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], args: tuple[str, ...]) -> None:
    assert _run(capsys, *args)[0] == 2


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("user", "add", "x", "--role", "nope"), "role"),
        (("user", "set-role", "ghost", "engineer"), "user"),
        (("config", "set", "mail.port", "0"), "mail.port"),
        (("config", "get", "no.such"), "no.such"),
    ],
)
def test_user_errors_exit_1_naming_the_field(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], field: str
) -> None:
    code, _out, err = _run(capsys, *args)
    assert code == 1
    assert field in err


def test_user_commands_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "user", "add", "zhangsan", "--role", "engineer", "--name", "张三")[0] == 0
    assert _run(capsys, "user", "set-role", "zhangsan", "group_leader")[0] == 0
    code, out, _ = _run(capsys, "user", "list", "--json")
    assert code == 0
    rows = {u["login"]: u for u in json.loads(out)}
    assert rows["zhangsan"]["role"] == "group_leader"
    assert rows["zhangsan"]["name"] == "张三"


def test_profile_and_db_options_choose_the_database(
    capsys: pytest.CaptureFixture[str], _isolated_home: Path, tmp_path: Path
) -> None:
    assert _run(capsys, "--profile", "team", "user", "add", "a1", "--role", "engineer")[0] == 0
    assert (_isolated_home / "profiles" / "team" / "supportdesk.db").exists()
    other = tmp_path / "other.db"
    assert _run(capsys, "--db", f"sqlite:///{other}", "user", "list")[0] == 0
    assert other.exists()
    code, out, _ = _run(capsys, "user", "list", "--json")
    assert "a1" not in {u["login"] for u in json.loads(out)}


def test_db_check_and_audit_verify(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "db", "check", "--json")  # a check never migrates
    assert (code, json.loads(out)["revision"]) == (1, None)
    assert _run(capsys, "db", "upgrade")[0] == 0
    code, out, _ = _run(capsys, "db", "check", "--json")
    assert code == 0
    assert json.loads(out)["ok"] is True
    code, out, _ = _run(capsys, "audit", "verify", "--json")
    assert (code, json.loads(out)["ok"]) == (0, True)


def test_sub_commands_never_load_qt_widgets(_isolated_home: Path) -> None:
    script = (
        "import sys; from supportdesk.cli import main; "
        "codes = [main(['user', 'list']), main(['db', 'check'])]; "
        "assert 'PySide6.QtWidgets' not in sys.modules, 'widgets loaded'; "
        "sys.exit(max(codes))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_console_script_and_module_entry_points() -> None:
    for command in (
        [sys.executable, "-m", "supportdesk", "--version"],
        [str(Path(sys.executable).with_name("supportdesk")), "--version"],
    ):
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        assert (done.returncode, done.stdout.strip()) == (0, f"SupportDesk {__version__}")
