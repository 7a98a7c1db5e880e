"""CLI conventions: exit codes, --json, --profile/--db, no QtWidgets for any sub-command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from supportdesk import __version__
from supportdesk.bootstrap import os_login
from tests.cli_run import run_cli as _run

CONSOLE_SCRIPT = Path(sys.executable).with_name("supportdesk")


def _subprocess(args: list[str], home: Path, **kwargs: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SUPPORTDESK_HOME": str(home), **kwargs}
    env.pop("SUPPORTDESK_DB", None)
    return subprocess.run(args, capture_output=True, text=True, check=False, env=env, timeout=120)


# --- version and usage -------------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "--version") == (0, f"SupportDesk {__version__}\n", "")


def test_module_and_console_script_entry_points(isolated_home: Path) -> None:
    assert CONSOLE_SCRIPT.exists()
    for command in (
        [sys.executable, "-m", "supportdesk", "--version"],
        [str(CONSOLE_SCRIPT), "--version"],
    ):
        done = _subprocess(command, isolated_home)
        assert (done.returncode, done.stdout, done.stderr) == (
            0,
            f"SupportDesk {__version__}\n",
            "",
        )
    # A real sub-command through the console script: exit codes reach the shell.
    done = _subprocess(
        [str(CONSOLE_SCRIPT), "user", "set-role", "ghost", "engineer"], isolated_home
    )
    assert done.returncode == 1
    assert "ghost" in done.stderr
    done = _subprocess([str(CONSOLE_SCRIPT), "user", "frobnicate"], isolated_home)
    assert done.returncode == 2
    assert "invalid choice" in done.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("nope",),  # unknown sub-command
        ("user", "frobnicate"),  # unknown action
        ("user", "add", "x"),  # --role is required
        ("user", "set-role", "zhangsan"),  # the role is missing
        ("db",),  # an action is required
        ("config", "get"),  # the key is missing
        ("export", "--format", "csv", "--out", "x"),  # not one of the formats
        ("export", "--out", "x"),  # --format is required
        ("--lang", "fr", "user", "list"),
        ("demo", "--scale", "many"),
    ],
)
def test_usage_errors_exit_2_and_change_nothing(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, args: tuple[str, ...]
) -> None:
    code, out, err = _run(capsys, *args)
    assert code == 2
    assert "usage: supportdesk" in err
    assert out == ""
    assert not isolated_home.exists()


# --- user errors name the field ------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("user", "add", "x", "--role", "nope"), ("role", "nope", "engineer")),
        (("user", "add", "Bad Login", "--role", "engineer"), ("login", "Bad Login")),
        (("user", "add", "x", "--role", "engineer", "--email", "x@"), ("e-mail", "x@")),
        (("user", "set-role", "ghost", "engineer"), ("login", "ghost")),
        (("user", "set-role", "root", "nope"), ("role", "nope")),
        (("config", "set", "mail.port", "0"), ("mail.port", "65535")),
        (("config", "set", "ui.language", "fr"), ("ui.language", "zh_CN, en")),
        (
            ("config", "set", "database.url", "postgresql+psycopg://u:pw@h/d"),
            ("database.url", "password"),
        ),
        (("config", "get", "no.such"), ("setting", "no.such")),
        (("--profile", "../up", "user", "list"), ("profile", "../up")),
        (("--profile", "../up", "config", "list"), ("profile", "../up")),
        (("--db", "mysql://u:pw@h/d", "user", "list"), ("database URL", "mysql")),
    ],
)
def test_user_errors_exit_1_naming_the_field(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], words: tuple[str, ...]
) -> None:
    code, out, err = _run(capsys, *args)
    assert code == 1
    assert out == ""
    assert err.startswith("supportdesk: ")
    assert err.count("\n") == 1  # one sentence, no traceback
    for word in words:
        assert word in err
    assert "pw@" not in err


def test_the_last_administrator_is_a_user_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "user", "set-role", os_login(), "engineer")
    assert code == 1
    assert "last administrator" in err


def test_an_unreadable_config_is_a_user_error(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    isolated_home.mkdir(parents=True)
    (isolated_home / "config.toml").write_text("mail.port = = 1\n", encoding="utf-8")
    for args in (("config", "list"), ("user", "list")):
        code, _, err = _run(capsys, *args)
        assert code == 1
        assert str(isolated_home / "config.toml") in err
        assert "Traceback" not in err


# --- users ---------------------------------------------------------------------------------


def test_user_add_set_role_and_list_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(
        capsys,
        "user",
        "add",
        "zhangsan",
        "--role",
        "engineer",
        "--name",
        "张三",
        "--email",
        "zs@hd.cn",
    )
    assert (code, out) == (0, "zhangsan (engineer)\n")
    assert _run(capsys, "user", "set-role", "zhangsan", "group_leader") == (
        0,
        "zhangsan (group_leader)\n",
        "",
    )
    code, out, _ = _run(capsys, "user", "list", "--json")
    assert code == 0
    rows = json.loads(out)
    assert [r["login"] for r in rows] == sorted([os_login(), "zhangsan"])
    zhangsan = next(r for r in rows if r["login"] == "zhangsan")
    assert zhangsan == {
        "id": zhangsan["id"],
        "login": "zhangsan",
        "name": "张三",
        "email": "zs@hd.cn",
        "role": "group_leader",
        "active": True,
    }
    code, out, _ = _run(capsys, "user", "list")
    assert code == 0
    assert "zhangsan\tgroup_leader\t张三\tzs@hd.cn" in out.splitlines()


def test_user_add_twice_is_a_user_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "user", "add", "lisi", "--role", "salesperson")[0] == 0
    code, _, err = _run(capsys, "user", "add", "lisi", "--role", "engineer")
    assert code == 1
    assert "lisi" in err


# --- profiles, databases, config -------------------------------------------------------------


def test_profile_and_db_options_choose_the_database(
    capsys: pytest.CaptureFixture[str], isolated_home: Path, tmp_path: Path
) -> None:
    assert _run(capsys, "--profile", "team", "user", "add", "a1", "--role", "engineer")[0] == 0
    team = isolated_home / "profiles" / "team"
    assert (team / "supportdesk.db").exists()
    assert (team / "logs" / "supportdesk.log").exists()
    assert not (isolated_home / "supportdesk.db").exists()
    other = tmp_path / "other.db"
    assert (
        _run(capsys, "--db", f"sqlite:///{other}", "user", "add", "b2", "--role", "committee")[0]
        == 0
    )
    assert other.exists()

    def logins(*args: str) -> set[str]:
        code, out, _ = _run(capsys, *args, "user", "list", "--json")
        assert code == 0
        return {u["login"] for u in json.loads(out)}

    assert "a1" in logins("--profile", "team")
    assert "b2" in logins("--db", f"sqlite:///{other}")
    assert not {"a1", "b2"} & logins()  # the default profile has neither
    # --db wins over the profile's configured database.
    assert "b2" not in logins("--profile", "team")
    assert "b2" in logins("--profile", "team", "--db", f"sqlite:///{other}")


def test_supportdesk_db_is_overridden_by_db(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env_db, flag_db = tmp_path / "env.db", tmp_path / "flag.db"
    monkeypatch.setenv("SUPPORTDESK_DB", f"sqlite:///{env_db}")
    assert _run(capsys, "user", "add", "envuser", "--role", "engineer")[0] == 0
    assert env_db.exists()
    assert _run(capsys, "--db", f"sqlite:///{flag_db}", "user", "list")[0] == 0
    assert flag_db.exists()
    _, out, _ = _run(capsys, "--db", f"sqlite:///{flag_db}", "user", "list", "--json")
    assert "envuser" not in {u["login"] for u in json.loads(out)}


def test_config_set_get_and_list(capsys: pytest.CaptureFixture[str], isolated_home: Path) -> None:
    assert _run(capsys, "config", "set", "inspection.concurrency", "8") == (0, "8\n", "")
    assert _run(capsys, "config", "set", "vault.reason_required", "on") == (0, "True\n", "")
    assert _run(capsys, "config", "get", "inspection.concurrency") == (0, "8\n", "")
    # A team setting goes to the database, not the machine's file.
    assert _run(capsys, "config", "set", "mail.port", "465") == (0, "465\n", "")
    code, out, _ = _run(capsys, "config", "list", "--json")
    assert code == 0
    values = json.loads(out)
    assert (values["inspection.concurrency"], values["mail.port"], values["ui.language"]) == (
        8,
        465,
        "",
    )
    code, out, _ = _run(capsys, "config", "list")
    assert "mail.port = 465" in out.splitlines()
    assert "mail" not in (isolated_home / "config.toml").read_text(encoding="utf-8")
    assert _run(capsys, "--profile", "测试", "config", "get", "mail.port") == (0, "587\n", "")
    assert (isolated_home / "config.toml").exists()


def test_db_check_on_a_fresh_profile(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    code, out, err = _run(capsys, "db", "check")
    assert (code, out, err) == (0, "ok\n", "")
    code, out, _ = _run(capsys, "db", "check", "--json")
    report = json.loads(out)
    assert (code, report["ok"], report["revision"] == report["head"]) == (0, True, True)
    assert report["audit"]["ok"] is True
    assert (isolated_home / "supportdesk.db").exists()


# --- every sub-command works on a headless machine ------------------------------------------

HEADLESS = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from supportdesk.cli import main

    work = Path(sys.argv[1])
    runs = [
        ["--version"],
        ["db", "check", "--json"],
        ["db", "upgrade"],
        ["user", "add", "zhangsan", "--role", "engineer", "--name", "张三"],
        ["user", "set-role", "zhangsan", "group_leader"],
        ["user", "list", "--json"],
        ["user", "set-role", "ghost", "engineer"],
        ["config", "set", "ui.language", "zh_CN"],
        ["config", "get", "ui.language"],
        ["config", "list", "--json"],
        ["config", "set", "mail.port", "0"],
        ["demo", "--scale", "1"],
        ["export", "--format", "json", "--out", str(work / "export.json")],
        ["export", "--format", "xlsx", "--out", str(work / "export.xlsx")],
        ["--profile", "copy", "import", str(work / "export.json"), "--dry-run"],
        ["db", "backup", str(work / "backup.db")],
        ["audit", "verify", "--json"],
        ["user", "add", "x"],
    ]
    codes = []
    for args in runs:
        try:
            codes.append(main(args))
        except SystemExit as stop:
            codes.append(stop.code)
    loaded = sorted(m for m in sys.modules if m.startswith("PySide6.QtWidgets"))
    import PySide6.QtWidgets  # negative control: the check does see widgets once loaded
    control = "PySide6.QtWidgets" in sys.modules
    print(json.dumps({"codes": codes, "widgets": loaded, "control": control}))
    """
)


def test_no_sub_command_loads_qt_widgets(isolated_home: Path, tmp_path: Path) -> None:
    done = _subprocess([sys.executable, "-c", HEADLESS, str(tmp_path)], isolated_home)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["widgets"] == []
    assert result["control"] is True
    assert result["codes"] == [0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 2]
    assert (tmp_path / "export.json").exists()
    assert (tmp_path / "backup.db").exists()
