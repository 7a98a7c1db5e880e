"""A canary secret pushed through every vault flow of the command line and the window never
appears in the profile (logs, config, database and its -wal), exports, backups, error text or
Qt's settings file — raw, UTF-16, base64 or hex (issue 4, "Tests")."""

from __future__ import annotations

import base64
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from supportdesk.crypto import vault_crypto
from tests.cli_run import run_cli

CANARY = "canary-雀-4f1c9e"
PASSPHRASE = "canary passphrase 长城 2026"


def _forms(text: str) -> dict[str, bytes]:
    raw = text.encode("utf-8")
    return {
        "utf-8": raw,
        "utf-16": text.encode("utf-16-le"),
        "base64": base64.b64encode(raw),
        "hex": raw.hex().encode(),
    }


def _leaks(places: dict[str, bytes]) -> list[str]:
    return [
        f"{name} holds the {form} form of {what}"
        for what, text in (("the secret", CANARY), ("the passphrase", PASSPHRASE))
        for form, needle in _forms(text).items()
        for name, data in places.items()
        if needle in data
    ]


def _files(root: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_the_canary_reaches_no_file_and_no_message(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    isolated_home: Path,
    tmp_path: Path,
) -> None:
    passphrase_file = tmp_path / "secrets" / "pass.txt"
    passphrase_file.parent.mkdir()
    passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    monkeypatch.setattr(vault_crypto, "calibrate", lambda *_a, **_k: vault_crypto.new_kdf_params())
    pp = ("--passphrase-file", str(passphrase_file))
    messages: dict[str, bytes] = {}

    def run(*args: str, stdin: str | None = None, expect: int = 0) -> str:
        if stdin is not None:
            monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code, out, err = run_cli(capsys, *args)
        assert code == expect, (args, err)
        messages[" ".join(args) + " (stderr)"] = err.encode()
        return out

    run("vault", "init", *pp)
    run("vault", "add", "--name", "生产库 root", "--secret-stdin", *pp, stdin=CANARY + "\n")
    # Error paths carry the form around: a duplicate name, an unknown system, a bad kind.
    run("vault", "add", "--name", "生产库 root", "--secret-stdin", *pp, stdin=CANARY, expect=1)
    run(
        "vault",
        "add",
        "--name",
        "x",
        "--system",
        "无此系统",
        "--secret-stdin",
        *pp,
        stdin=CANARY,
        expect=1,
    )
    run(
        "vault",
        "add",
        "--name",
        "y",
        "--kind",
        "router",
        "--secret-stdin",
        *pp,
        stdin=CANARY,
        expect=1,
    )
    wrong = tmp_path / "secrets" / "wrong.txt"
    wrong.write_text(CANARY, encoding="utf-8")  # a secret typed where the passphrase goes
    run("vault", "reveal", "生产库 root", "--passphrase-file", str(wrong), expect=1)
    assert run("vault", "reveal", "生产库 root", "--reason", "巡检", *pp) == CANARY + "\n"
    for command in (
        ("vault", "list", "--json"),
        ("vault", "status", "--json"),
        ("audit", "verify", "--json"),
    ):
        messages[" ".join(command)] = run(*command).encode()
    exports = tmp_path / "exports"
    run("export", "--format", "json", "--out", str(exports / "registry.json"))
    run("export", "--format", "xlsx", "--out", str(exports / "registry.xlsx"))
    run("db", "backup", str(exports / "backup.db"))
    # The window, as far as it writes anything itself (QSettings: geometry), in a real process.
    env = {
        **os.environ,
        "SUPPORTDESK_HOME": str(isolated_home),
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "home" / ".config"),
        "QT_QPA_PLATFORM": "offscreen",
        "SUPPORTDESK_QUIT_AFTER_SHOW": "1",
    }
    shown = subprocess.run(
        [sys.executable, "-m", "supportdesk"],
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert shown.returncode == 0, shown.stderr
    messages["the window's output"] = shown.stdout + shown.stderr
    settings = _files(tmp_path / "home")
    assert settings, "the window wrote no settings file: the check would be empty"
    profile = _files(isolated_home)
    assert any(name.endswith(".log") for name in profile)
    assert any(name.endswith("supportdesk.db") for name in profile)
    places = {**profile, **_files(exports), **settings, **messages}
    assert _leaks(places) == []
    # The check can fail: the reveal's own output does hold the secret.
    assert _leaks({"reveal": (CANARY + "\n").encode()}) != []
