"""CLI: import FILE [--dry-run], export --format json|xlsx --out PATH, demo [--scale N],
and a database server that refuses the connection."""

from __future__ import annotations

import copy
import json
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from supportdesk.db import engine
from tests.cli_run import run_cli as _run
from tests.servers.postgres import PostgresServer, free_port
from tests.services.test_interchange import ISSUE_EXAMPLE

STAFF = [{"login": "zhangsan", "role": "engineer"}, {"login": "lisi", "role": "salesperson"}]


def _doc() -> dict[str, Any]:
    doc = copy.deepcopy(ISSUE_EXAMPLE)
    doc["users"] = STAFF
    return doc


def _write(path: Path, doc: dict[str, Any]) -> Path:
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def _export(capsys: pytest.CaptureFixture[str], path: Path, *db: str) -> dict[str, Any]:
    code, out, err = _run(capsys, *db, "export", "--format", "json", "--out", str(path))
    assert (code, out, err) == (0, f"{path}\n", "")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_import_dry_run_changes_nothing_then_import(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = _write(tmp_path / "in.json", _doc())
    empty = _export(capsys, tmp_path / "empty.json")
    code, out, err = _run(capsys, "import", str(path), "--dry-run")
    assert (code, err) == (0, "")
    assert out.startswith("dry run, nothing changed: ")
    assert "1 customers" in out
    assert "1 hosts" in out
    assert _export(capsys, tmp_path / "after-dry.json") == empty
    code, out, err = _run(capsys, "import", str(path))
    assert (code, err) == (0, "")
    assert out.startswith("imported: 1 customers")
    exported = _export(capsys, tmp_path / "after.json")
    assert exported != empty
    assert [c["name"] for c in exported["customers"]] == ["华东电力"]


def test_a_bad_file_exits_1_naming_every_row_and_field(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    doc = _doc()
    system = doc["customers"][0]["projects"][0]["systems"][0]
    system["hosts"][0]["tags"] = [1, "app"]
    system["hosts"][0]["port"] = 0
    system["contracts"][0]["end"] = "2027/03/31"
    doc["customers"][0]["engineer"] = "ghost"
    path = _write(tmp_path / "bad.json", doc)
    before = _export(capsys, tmp_path / "before.json")
    for extra in ((), ("--dry-run",)):
        code, out, err = _run(capsys, "import", str(path), *extra)
        assert (code, out) == (1, "")
        assert "Traceback" not in err
        lines = err.strip().split("\n")
        assert lines[0].startswith("supportdesk: ")
        assert len(lines) == 4
        host = "customers[0].projects[0].systems[0].hosts[0]"
        assert f"{host}: tags: 1 is not text" in err
        assert f"{host}: port: 0 is not a port" in err
        assert "contracts[0]: end date: '2027/03/31' is not a date (YYYY-MM-DD)" in err
        assert "customers[0]: responsible engineer: no user with login 'ghost'" in err
    assert _export(capsys, tmp_path / "after.json") == before


def test_xlsx_errors_on_the_command_line_name_sheet_and_row(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert _run(capsys, "import", str(_write(tmp_path / "in.json", _doc())))[0] == 0
    out_path = tmp_path / "all.xlsx"
    code, _, _ = _run(capsys, "export", "--format", "xlsx", "--out", str(out_path))
    assert code == 0
    from openpyxl import load_workbook

    book = load_workbook(out_path)
    book["hosts"]["F2"] = "ssh"  # port
    book["contracts"]["G2"] = "nobody"  # salesperson
    book.save(out_path)
    code, out, err = _run(capsys, "import", str(out_path))
    assert (code, out) == (1, "")
    assert "hosts: row 2, port: 'ssh' is not a whole number" in err
    assert "contracts: row 2, salesperson: no user with login 'nobody'" in err


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("x.txt", "{}", ("file", "x.txt", "JSON, CSV or XLSX")),
        ("x.json", "{oops", ("file", "cannot be read")),
        ("x.json", '{"hosts": []}', ("file", "SupportDesk format")),
    ],
)
def test_file_errors_exit_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, content: str, words: tuple[str]
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    code, out, err = _run(capsys, "import", str(path))
    assert (code, out) == (1, "")
    assert err.count("\n") == 1
    for word in words:
        assert word in err
    code, _, err = _run(capsys, "import", str(tmp_path / "missing.json"))
    assert code == 1
    assert "file: cannot be read" in err


@pytest.mark.parametrize(
    "args",
    [
        ("import",),
        ("import", "a.json", "--wet-run"),
        ("import", "a.json", "b.json"),
        ("export", "--format", "json"),
        ("export", "--format", "pdf", "--out", "x.pdf"),
        ("demo", "--scale"),
        ("demo", "--scale", "1.5"),
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], args: tuple[str, ...]) -> None:
    code, out, err = _run(capsys, *args)
    assert (code, out) == (2, "")
    assert "usage: supportdesk" in err


def test_demo_scale_must_be_positive(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for scale in ("0", "-1"):
        code, out, err = _run(capsys, "demo", "--scale", scale)
        assert (code, out) == (2, "")
        assert "--scale" in err
    assert _export(capsys, tmp_path / "e.json")["customers"] == []


def test_demo_fills_an_empty_profile_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = _run(capsys, "demo", "--scale", "2")
    assert (code, err) == (0, "")
    assert out.startswith("24 customers, ")
    first = _export(capsys, tmp_path / "1.json")
    assert len(first["customers"]) == 24
    code, out, _ = _run(capsys, "demo")
    assert (code, out) == (0, "the profile already holds data; no demo data added\n")
    assert _export(capsys, tmp_path / "2.json") == first


@pytest.mark.parametrize("fmt", ["json", "xlsx"])
def test_export_import_into_another_profile(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    assert _run(capsys, "demo")[0] == 0
    original = _export(capsys, tmp_path / "original.json")
    out = tmp_path / f"all.{fmt}"
    assert _run(capsys, "export", "--format", fmt, "--out", str(out))[0] == 0
    code, text, err = _run(capsys, "--profile", "other", "import", str(out))
    assert (code, err) == (0, "")
    assert text.startswith("imported: 12 customers")
    assert _export(capsys, tmp_path / "copy.json", "--profile", "other") == original


@pytest.mark.postgres
def test_import_and_export_on_postgres(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, pg_url: str
) -> None:
    path = _write(tmp_path / "in.json", _doc())
    empty = _export(capsys, tmp_path / "0.json", "--db", pg_url)
    assert _run(capsys, "--db", pg_url, "import", str(path), "--dry-run")[0] == 0
    assert _export(capsys, tmp_path / "1.json", "--db", pg_url) == empty
    assert _run(capsys, "--db", pg_url, "import", str(path))[0] == 0
    exported = _export(capsys, tmp_path / "2.json", "--db", pg_url)
    host = exported["customers"][0]["projects"][0]["systems"][0]["hosts"][0]
    assert (host["name"], host["tags"]) == ("app01", ["app"])


# --- a server that refuses the connection --------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("user", "list"),
        ("import", "whatever.json"),
        ("export", "--format", "json", "--out", "x.json"),
        ("demo",),
        ("db", "check"),
        ("audit", "verify"),
    ],
)
def test_a_refused_connection_is_a_user_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, args: tuple[str, ...]
) -> None:
    port = free_port()  # nothing listens there
    url = f"postgresql+psycopg://zhang:Refused-Secret-1@127.0.0.1:{port}/sd"
    code, out, err = _run(capsys, "--db", url, *args)
    assert (code, out) == (1, "")
    assert err == (
        f"supportdesk: Cannot connect to the database postgresql+psycopg://zhang@127.0.0.1:"
        f'{port}/sd: connection to server at "127.0.0.1", port {port} failed: '
        "Connection refused\n"
    )
    assert "Refused-Secret-1" not in err


def test_a_server_that_never_answers_fails_within_the_connect_timeout(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A host behind a dead VPN: the connection is accepted (here: queued by the kernel) but
    # no PostgreSQL ever answers. Without a timeout libpq would wait for ever.
    monkeypatch.setattr(engine, "CONNECT_TIMEOUT_S", 1)
    with socket.create_server(("127.0.0.1", 0)) as silent:
        port = silent.getsockname()[1]
        url = f"postgresql+psycopg://zhang:Silent-Secret-3@127.0.0.1:{port}/sd"
        started = time.monotonic()
        code, out, err = _run(capsys, "--db", url, "user", "list")
        waited = time.monotonic() - started
    assert (code, out) == (1, "")
    assert err.startswith(
        f"supportdesk: Cannot connect to the database postgresql+psycopg://zhang@127.0.0.1:{port}"
    )
    assert "timeout" in err
    assert "Silent-Secret-3" not in err
    assert waited < 30


def test_a_password_in_the_query_never_reaches_the_message(
    capsys: pytest.CaptureFixture[str],
) -> None:
    port = free_port()
    url = f"postgresql+psycopg://zhang@127.0.0.1:{port}/sd?password=Query-Secret-4&sslmode=prefer"
    code, _out, err = _run(capsys, "--db", url, "user", "list")
    assert code == 1
    assert f"postgresql+psycopg://zhang@127.0.0.1:{port}/sd?sslmode=prefer:" in err
    assert "Query-Secret-4" not in err


def test_a_refused_connection_from_the_console_script(isolated_home: Path) -> None:
    url = f"postgresql+psycopg://zhang:Refused-Secret-2@127.0.0.1:{free_port()}/sd"
    done = subprocess.run(
        [sys.executable, "-m", "supportdesk", "--db", url, "user", "list"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        env={"SUPPORTDESK_HOME": str(isolated_home), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert "Cannot connect to the database postgresql+psycopg://zhang@127.0.0.1" in done.stderr
    assert "Refused-Secret-2" not in done.stderr


@pytest.mark.postgres
def test_a_wrong_password_is_a_user_error_too(
    capsys: pytest.CaptureFixture[str], pg_server: PostgresServer, pg_url: str
) -> None:
    url = pg_url.replace("test-superuser-pw", "Wrong-Secret-3")
    code, out, err = _run(capsys, "--db", url, "user", "list")
    assert (code, out) == (1, "")
    assert "Cannot connect to the database postgresql+psycopg://postgres@127.0.0.1" in err
    assert "password authentication failed" in err
    assert "Wrong-Secret-3" not in err
    assert err.count("\n") == 1


def test_export_makes_its_folder_and_names_a_path_it_cannot_write(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    nested = tmp_path / "新建文件夹" / "导出" / "registry.json"
    assert _run(capsys, "export", "--format", "json", "--out", str(nested))[0] == 0
    assert json.loads(nested.read_text("utf-8"))["customers"] == []
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code, out, err = _run(capsys, "export", "--format", "xlsx", "--out", str(blocker / "x.xlsx"))
    assert (code, out) == (1, "")
    assert f"{blocker / 'x.xlsx'} cannot be written" in err
    assert "Traceback" not in err
