"""Composition root: the profile's rotating log keeps secrets out; labels never show one."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

import pytest

from supportdesk import cli
from supportdesk.bootstrap import App, open_app, os_login, setup_logging
from supportdesk.config import Config, Profile
from supportdesk.db.engine import Database
from supportdesk.domain.secrets import redact
from tests.servers.postgres import free_port

log = logging.getLogger("supportdesk.test")


def _ours() -> list[logging.Handler]:
    return [h for h in logging.getLogger().handlers if getattr(h, "supportdesk", False)]


def _read(handler: logging.FileHandler) -> str:
    handler.flush()
    return Path(handler.baseFilename).read_text(encoding="utf-8")


def test_the_log_is_a_rotating_file_in_the_profile(isolated_home: Path) -> None:
    handler = setup_logging(Profile.named("team"))
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    assert handler.maxBytes > 0
    assert handler.backupCount > 0
    assert Path(handler.baseFilename) == isolated_home / "profiles/team/logs/supportdesk.log"
    again = setup_logging(Profile.named("team"))  # e.g. a second CLI call in one process
    assert _ours() == [again]
    assert handler.stream is None  # the replaced handler was closed


def test_the_log_file_redacts_passwords(isolated_home: Path) -> None:
    handler = setup_logging(Profile.named())
    log.warning("connecting to postgresql+psycopg://zhang:S3cret!@db.hd.cn:5432/sd")
    log.warning("libpq dsn host=db user=zhang password=hunter2 dbname=sd")
    log.warning("settings %s", {"mail_password": "mailpw-77", "user": "ops"})
    log.warning('payload {"password": "json pw 88"}')
    log.warning("CREATE ROLE \"zhang\" LOGIN PASSWORD 'role-pw-''99'")
    try:
        raise ValueError("could not open postgresql://li:tb-secret-5@h/x with token=tk-123")
    except ValueError:
        log.exception("failed")
    text = _read(handler)
    for secret in ("S3cret!", "hunter2", "mailpw-77", "json pw 88", "role-pw-", "tb-secret-5"):
        assert secret not in text
    assert "tk-123" not in text
    # What is not secret stays readable.
    assert "postgresql+psycopg://zhang:***@db.hd.cn:5432/sd" in text
    assert "host=db user=zhang password=*** dbname=sd" in text
    assert "PASSWORD '***'" in text
    assert "Traceback" in text
    assert "ValueError" in text


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("sqlite:////home/张三/supportdesk.db", "sqlite:////home/张三/supportdesk.db"),
        ("postgresql+psycopg://zhang@h/db", "postgresql+psycopg://zhang@h/db"),
        ("postgresql://u:p@ss@h/db", "postgresql://u:***@h/db"),
        ("PGPASSWORD=x1 pg_dump", "PGPASSWORD=*** pg_dump"),
        ("password: hunter2, next", "password: ***, next"),
        ("the password is kept in the keyring", "the password is kept in the keyring"),
    ],
)
def test_redact(raw: str, clean: str) -> None:
    assert redact(raw) == clean


def test_a_failed_connection_is_logged_without_the_password(
    isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"postgresql+psycopg://zhang:Conn-Secret-3@127.0.0.1:{free_port()}/sd"
    assert cli.main(["--db", url, "user", "list"]) == 1
    err = capsys.readouterr().err
    text = (isolated_home / "logs" / "supportdesk.log").read_text(encoding="utf-8")
    assert "cannot connect to postgresql+psycopg://zhang@127.0.0.1" in text  # logged ...
    assert "Conn-Secret-3" not in text  # ... without the password
    assert "Conn-Secret-3" not in err


def test_the_database_label_never_shows_a_password(isolated_home: Path) -> None:
    profile = Profile.named()
    db = Database("postgresql+psycopg://zhang:Label-Secret@db.hd.cn:6543/sd")  # never connects
    try:
        app = App(profile, Config(profile), db)
        assert app.database_label() == "zhang@db.hd.cn:6543/sd"
    finally:
        db.dispose()
    solo = open_app()
    try:
        assert solo.database_label() == str(isolated_home / "supportdesk.db")
    finally:
        solo.close()


def test_the_solo_actor_is_the_lower_cased_os_login() -> None:
    login = os_login()
    assert login
    assert login == login.strip().lower()


def test_open_app_without_migrating_leaves_the_database_empty(isolated_home: Path) -> None:
    app = open_app(migrate=False)
    try:
        with app.db.engine.connect() as conn:
            tables = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")
            assert [t[0] for t in tables] == []
    finally:
        app.close()
