"""The README's first command: the real program starts its GUI on a fresh profile."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def _supportdesk(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "SUPPORTDESK_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "SUPPORTDESK_QUIT_AFTER_SHOW": "1",  # close the window once it has been shown
    }
    env.pop("SUPPORTDESK_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "supportdesk", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _customers(home: Path, tmp_path: Path, name: str) -> list[str]:
    out = tmp_path / name
    done = _supportdesk(home, "export", "--format", "json", "--out", str(out))
    assert done.returncode == 0, done.stderr
    return [c["name"] for c in json.loads(out.read_text("utf-8"))["customers"]]


def test_first_start_fills_an_empty_profile_with_demo_data_once(tmp_path: Path) -> None:
    home = tmp_path / "profile"
    started = _supportdesk(home, "--demo", "--lang", "zh_CN")
    assert started.returncode == 0, started.stderr
    assert (home / "supportdesk.db").exists()
    first = _customers(home, tmp_path, "first.json")
    assert len(first) >= 10
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in name) for name in first)
    # The OS user became the administrator of the new solo profile.
    listed = _supportdesk(home, "user", "list", "--json")
    admins = [u for u in json.loads(listed.stdout) if u["role"] == "admin"]
    assert len(admins) == 1
    # A second start finds data and adds none.
    assert _supportdesk(home, "--demo").returncode == 0
    assert _customers(home, tmp_path, "second.json") == first
    assert (home / "logs" / "supportdesk.log").is_file(), "the log file lives in the profile"


def test_without_demo_a_new_profile_starts_empty(tmp_path: Path) -> None:
    home = tmp_path / "profile"
    started = _supportdesk(home, "--lang", "en")
    assert started.returncode == 0, started.stderr
    assert _customers(home, tmp_path, "empty.json") == []
