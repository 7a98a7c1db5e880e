"""The README's first command: the real program starts its GUI on a fresh profile."""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from supportdesk import bootstrap
from supportdesk.ui import app as app_module
from supportdesk.ui.main_window import MainWindow


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


@pytest.fixture
def gui_args(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, isolated_home: Path
) -> Iterator[argparse.Namespace]:
    """run_gui in this process, as `supportdesk --lang en` starts it; undone afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setenv(app_module.QUIT_AFTER_SHOW, "1")
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield argparse.Namespace(profile=None, db=None, lang="en", demo=False)
    for handler in [h for h in root.handlers if h not in handlers]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def _slow_open(monkeypatch: pytest.MonkeyPatch, release: threading.Event) -> list[bool]:
    """open_app waits for `release`; records whether it came (True) or 3 s passed (False)."""
    came: list[bool] = []
    real = bootstrap.open_app

    def slow(*args: Any, **kwargs: Any) -> bootstrap.App:
        came.append(release.wait(3))
        return real(*args, **kwargs)

    monkeypatch.setattr(bootstrap, "open_app", slow)
    return came


def test_the_window_answers_while_the_database_opens(
    gui_args: argparse.Namespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    came = _slow_open(monkeypatch, release)
    # Only a running event loop can fire this timer while the database is opening.
    QTimer.singleShot(300, release.set)
    assert app_module.run_gui(gui_args) == 0
    assert came == [True]


def test_closing_while_the_database_opens_ends_cleanly(
    gui_args: argparse.Namespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    came = _slow_open(monkeypatch, release)

    def close_the_window() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        opening = [w for w in windows if w.isVisible()]
        assert len(opening) == 1
        assert opening[0].pages == []  # the database is still opening
        opening[0].close()  # the event loop ends here
        release.set()

    QTimer.singleShot(200, close_the_window)
    assert app_module.run_gui(gui_args) == 0
    assert came == [True]
    # run_gui waited for the opening thread (and closed what it opened) before returning.
    assert not [t for t in threading.enumerate() if t.name == "open-database"]
