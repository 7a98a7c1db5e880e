"""Shared fixtures: offscreen Qt, profiles in tmp, and a Database on SQLite and PostgreSQL."""

from __future__ import annotations

import logging
import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any Qt import
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.fonts=false")

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from supportdesk.db.engine import Database
from supportdesk.db.migrate import upgrade
from supportdesk.services import users
from tests.servers.postgres import PostgresServer, running_server
from tests.servers.sshd import SshServer, running_sshd

# Fixtures shared by the backup tests (a directory the test sshd's user owns).
pytest_plugins = ["tests.backup_helpers"]

TEST_ACTOR = "tester"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test ever touches the real profile or a developer's SUPPORTDESK_DB."""
    home = tmp_path / "home"
    monkeypatch.setenv("SUPPORTDESK_HOME", str(home))
    monkeypatch.delenv("SUPPORTDESK_DB", raising=False)
    # urllib honours http_proxy & co., which would send calls to the loopback servers astray.
    for key in list(os.environ):
        if key.lower().endswith("_proxy"):
            monkeypatch.delenv(key)
    return home


@pytest.fixture(autouse=True)
def _no_log_handler_left() -> Iterator[None]:
    """setup_logging (the CLI, the GUI) adds a file handler to the root logger: remove it, or
    the next test logs into a file of a profile already deleted."""
    yield
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "supportdesk", False)]:
        root.removeHandler(old)
        old.close()
    root.setLevel(logging.WARNING)


@pytest.fixture(autouse=True)
def _no_os_keyring() -> Iterator[None]:
    """No test reaches a developer's real keyring, or the plain-text file keyrings.alt (a test
    dependency) would pick: the null backend, unless a test sets its own."""
    import keyring
    import keyring.core
    from keyring.backends import null

    before = keyring.core._keyring_backend
    keyring.set_keyring(null.Keyring())  # type: ignore[no-untyped-call]
    yield
    keyring.core._keyring_backend = before


@pytest.fixture(scope="session", autouse=True)
def _qt_application_first(qapp: Any) -> Any:
    """A QApplication before any test runs: the CLI's error path translates through Qt and
    creates a bare QCoreApplication when none exists, which would make every later widget
    test in the same worker fail ("Existing QApplication ... is not an instance")."""
    return qapp


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    with running_server() as server:
        yield server


@pytest.fixture(scope="session")
def sshd() -> Iterator[SshServer]:
    """A real OpenSSH sshd on loopback (started on first use, once per worker)."""
    with running_sshd() as server:
        yield server


@pytest.fixture(scope="session")
def pg_template(pg_server: PostgresServer) -> str:
    """A migrated database that each test copies (CREATE DATABASE … TEMPLATE is fast)."""
    name = pg_server.create_database()
    db = Database(pg_server.url(name))
    upgrade(db)
    db.dispose()
    return name


@pytest.fixture
def pg_url(pg_server: PostgresServer, pg_template: str) -> Iterator[str]:
    name = pg_server.create_database(template=pg_template)
    yield pg_server.url(name)
    pg_server.drop_database(name)


def _sqlite_db(tmp_path: Path) -> Database:
    db = Database(f"sqlite:///{tmp_path / 'test.db'}", actor=TEST_ACTOR)
    upgrade(db)
    return db


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A migrated database whose current actor is an administrator, on both engines."""
    if request.param == "sqlite":
        database = _sqlite_db(tmp_path)
    else:
        database = Database(request.getfixturevalue("pg_url"))
    with database.write() as session:
        users.ensure_first_admin(session)
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Iterator[Database]:
    database = _sqlite_db(tmp_path)
    with database.write() as session:
        users.ensure_first_admin(session)
    yield database
    database.dispose()
