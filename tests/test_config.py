"""Machine config: profile location, validation, atomic TOML, URL precedence."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from supportdesk.bootstrap import open_app, setup_logging
from supportdesk.config import Config, Profile
from supportdesk.domain.errors import ValidationError


def test_supportdesk_home_moves_the_whole_profile(_isolated_home: Path) -> None:
    app = open_app()
    setup_logging(app.profile)
    app.close()
    assert app.profile.root == _isolated_home
    assert (_isolated_home / "supportdesk.db").exists()
    assert (_isolated_home / "logs" / "supportdesk.log").exists()
    assert Profile.named("team").root == _isolated_home / "profiles" / "team"
    with pytest.raises(ValidationError):
        Profile.named("../escape")


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("mail.port", "70000"),
        ("mail.starttls", "maybe"),
        ("ui.language", "fr"),
        ("database.url", "mysql://x/y"),
        ("database.url", "postgresql+psycopg://u:pw@h/db"),
    ],
)
def test_bad_values_change_nothing(_isolated_home: Path, key: str, value: str) -> None:
    config = Config(Profile.named())
    config.set("mail.host", "smtp.example.cn")
    before = config.profile.config_file.read_bytes()
    with pytest.raises(ValidationError) as caught:
        config.set(key, value)
    assert caught.value.field == key
    assert config.profile.config_file.read_bytes() == before
    assert "pw" not in before.decode()


def test_values_round_trip_with_a_schema_version(_isolated_home: Path) -> None:
    config = Config(Profile.named())
    assert config.set("mail.port", "465") == 465
    assert config.set("mail.starttls", "no") is False
    data = tomllib.loads(config.profile.config_file.read_text(encoding="utf-8"))
    assert data["schema_version"] == 1
    assert data["mail"] == {"port": 465, "starttls": False}
    assert Config(Profile.named()).get("mail.port") == 465


def test_database_url_precedence(_isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = Config(Profile.named())
    assert config.database_url() == f"sqlite:///{_isolated_home / 'supportdesk.db'}"
    config.set("database.url", "postgresql+psycopg://a@h/config")
    assert config.database_url().endswith("/config")
    monkeypatch.setenv("SUPPORTDESK_DB", "postgresql+psycopg://a@h/env")
    assert config.database_url().endswith("/env")
    assert config.database_url("sqlite:///flag.db") == "sqlite:///flag.db"


def test_log_file_redacts_secrets(_isolated_home: Path) -> None:
    import logging  # noqa: PLC0415

    handler = setup_logging(Profile.named())
    logging.getLogger("supportdesk.test").warning(
        "connecting to postgresql+psycopg://zhang:S3cret!@db/x with password=hunter2"
    )
    handler.flush()
    text = Path(handler.baseFilename).read_text(encoding="utf-8")
    assert "S3cret!" not in text
    assert "hunter2" not in text
    assert "zhang:***@db" in text
