"""GUI fixtures: a demo-filled SQLite profile opened the way ui/app.py opens it, isolated
QSettings, and widgets that are closed only once their background tasks have finished."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from pytestqt.qtbot import QtBot

from supportdesk import bootstrap
from supportdesk.config import Profile
from supportdesk.db.engine import Database
from supportdesk.services import demo
from supportdesk.ui.context import UiContext
from supportdesk.ui.tasks import TaskRunner

TODAY = date.today()  # demo data and the pages' "today" must agree


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The offscreen platform cannot resize windows to their size hints and says so for
    every top-level window: that message says nothing about our code."""
    here = Path(__file__).parent
    for item in items:
        if item.path.is_relative_to(here):
            item.add_marker(
                pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
            )


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated profile with demo data (scale 1); each test gets a copy of the file."""
    root = tmp_path_factory.mktemp("demo-profile")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SUPPORTDESK_HOME", str(root))
        patch.delenv("SUPPORTDESK_DB", raising=False)
        opened = bootstrap.open_app()
        with opened.db.write() as session:
            demo.fill(session, 1, TODAY)
        opened.close()
    return Profile(root).sqlite_file


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> None:
    """QSettings (window geometry) go to the test's folder, never the developer's."""
    QCoreApplication.setOrganizationName("SupportDesk")
    QCoreApplication.setApplicationName("SupportDesk")
    settings_dir = str(tmp_path / "qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, settings_dir)


@pytest.fixture
def opened(isolated_home: Path, demo_template: Path) -> Iterator[bootstrap.App]:
    """The default profile (in the test's SUPPORTDESK_HOME) holding the demo data, opened by
    bootstrap.open_app as the GUI does."""
    profile = Profile.named(None)
    assert profile.root == isolated_home
    profile.root.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(demo_template)
    target = sqlite3.connect(profile.sqlite_file)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    app = bootstrap.open_app()
    yield app
    app.close()


@pytest.fixture
def ctx(opened: bootstrap.App, qtbot: QtBot) -> Iterator[UiContext]:
    runner = TaskRunner(opened.db)
    context = UiContext(runner, opened.config, today=lambda: TODAY)
    yield context
    assert runner.shutdown(10_000), "a task outlived its test"
    QCoreApplication.processEvents()


@pytest.fixture
def other_session(opened: bootstrap.App) -> Iterator[Callable[[str], Database]]:
    """A second connection to the same database acting as another user (a colleague)."""
    made: list[Database] = []

    def connect(actor: str) -> Database:
        db = Database(opened.db.url, actor=actor)
        made.append(db)
        return db

    yield connect
    for db in made:
        db.dispose()


@pytest.fixture
def as_user(opened: bootstrap.App, qtbot: QtBot) -> Iterator[Callable[..., UiContext]]:
    """`as_user(login, today=TODAY)`: a UiContext whose tasks run as `login` (a colleague
    signed in on their own desktop), on the given day."""
    made: list[tuple[TaskRunner, Database]] = []

    def make(login: str, today: date = TODAY) -> UiContext:
        db = Database(opened.db.url, actor=login)
        runner = TaskRunner(db)
        made.append((runner, db))
        return UiContext(runner, opened.config, today=lambda: today)

    yield make
    for runner, db in made:
        assert runner.shutdown(10_000), "a task outlived its test"
        db.dispose()
