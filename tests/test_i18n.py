"""The shipped catalogues: complete, current, and what the program actually loads."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from supportdesk import cli
from supportdesk.config import Config, Profile
from supportdesk.db.engine import Database
from supportdesk.ui.i18n import LANGUAGES, install_translators, resource_path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"\{(\w*)\}")

Message = tuple[str, str]  # (context, source)


def _messages(ts: Path) -> dict[Message, ET.Element]:
    found: dict[Message, ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found[(name, message.findtext("source") or "")] = translation
    return found


def _tool(name: str) -> str:
    exe = BIN / name
    return str(exe) if exe.exists() else (shutil.which(name) or name)


def _lupdate(ts: Path) -> None:
    # The same command as the README's: without -extensions py lupdate finds nothing.
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            "-extensions",
            "py",
            "-no-obsolete",
            "-locations",
            "none",
            str(ROOT / "supportdesk"),
            "-ts",
            str(ts),
        ],
        check=True,
        capture_output=True,
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_fresh_extraction_finds_no_new_or_dropped_string(language: str, tmp_path: Path) -> None:
    committed = I18N / f"supportdesk_{language}.ts"
    fresh = tmp_path / committed.name
    shutil.copyfile(committed, fresh)
    _lupdate(fresh)
    before, after = _messages(committed), _messages(fresh)
    assert sorted(set(after) - set(before)) == [], "run the lupdate command in the README"
    assert sorted(set(before) - set(after)) == [], "strings no longer in the code"
    assert len(after) > 200  # the scan really read the code


def test_the_extraction_sees_every_translate_call() -> None:
    """Calls lupdate cannot parse (an alias, a variable) would silently stay English."""
    catalogue = _messages(I18N / "supportdesk_zh_CN.ts")
    assert ("", "") not in catalogue
    assert not [m for m in catalogue if not m[0]], "a string extracted without its context"
    for path in (ROOT / "supportdesk").rglob("*.py"):
        code = path.read_text("utf-8")
        assert not re.search(r"^\s*\w+ = QCoreApplication\.translate\s*$", code, re.M), path
        # lupdate reads neither single-quoted sources nor calls inside f-strings.
        assert not re.search(r"\btr\('|translate\('", code), path


def test_chinese_is_complete_and_keeps_placeholders_and_shortcuts() -> None:
    for (context, source), translation in _messages(I18N / "supportdesk_zh_CN.ts").items():
        where = f"{context}: {source!r}"
        assert translation.get("type") is None, f"unfinished: {where}"
        text = translation.text or ""
        assert text.strip(), f"empty: {where}"
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), where
        if re.search(r"&\w", source):
            assert re.search(r"&\w", text), f"menu shortcut lost: {where}"
        words = PLACEHOLDER.sub("", source)  # a placeholder's name is not a word to translate
        if re.search(r"[A-Za-z]{4,}", words) and not source.startswith("<h3>"):
            # Words in Chinese, apart from product and protocol names kept as they are.
            assert re.search(r"[\u4e00-\u9fff]", text) or source in {
                "SupportDesk",
                "STARTTLS",
                "{where}: {problem}",
                "{name}, {at}",  # placeholders and a comma (full-width in Chinese)
            }, f"not translated: {where}"


def test_english_is_the_source_text() -> None:
    for (context, source), translation in _messages(I18N / "supportdesk_en.ts").items():
        assert translation.text == source, f"{context}: {source!r}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_shipped_qm_is_what_lrelease_makes_of_the_ts(language: str, tmp_path: Path) -> None:
    out = tmp_path / f"supportdesk_{language}.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(I18N / f"supportdesk_{language}.ts"), "-qm", str(out)],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == resource_path(f"i18n/supportdesk_{language}.qm").read_bytes()


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "zh_CN")
    yield
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(QLocale("en"))


def test_the_main_window_speaks_chinese(chinese: None, sqlite_db: Database, qtbot: QtBot) -> None:
    assert QCoreApplication.translate("messages", "is required") == "为必填项"
    from supportdesk.ui.context import UiContext
    from supportdesk.ui.main_window import MainWindow
    from supportdesk.ui.tasks import TaskRunner

    window = MainWindow(UiContext(TaskRunner(sqlite_db), Config(Profile.named())), "SQLite")
    qtbot.addWidget(window)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["文件(&F)", "设置(&S)", "帮助(&H)"]
    assert "数据库" in window.statusBar().currentMessage() or any(
        "数据库" in label.text() for label in window.statusBar().findChildren(QLabel)
    )
    window.close()


def test_the_command_line_speaks_the_chosen_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--lang", "zh_CN", "user", "set-role", "nobody", "admin"]) == 1
    assert "没有登录名为“nobody”的用户" in capsys.readouterr().err
    assert cli.main(["--lang", "en", "user", "set-role", "nobody", "admin"]) == 1
    assert "no user with login 'nobody'" in capsys.readouterr().err
