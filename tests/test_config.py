"""Machine config: where the profile lives, validated settings, atomic TOML, URL precedence."""

from __future__ import annotations

import tomllib
from pathlib import Path

import platformdirs
import pytest

from supportdesk import config as config_module
from supportdesk.bootstrap import open_app, setup_logging
from supportdesk.config import Config, Profile
from supportdesk.domain.errors import ValidationError


def test_supportdesk_home_moves_the_whole_profile(isolated_home: Path) -> None:
    app = open_app()
    try:
        setup_logging(app.profile)
        app.config.set("documents.folder", r"\\fs\docs")
    finally:
        app.close()
    profile = app.profile
    assert profile.root == isolated_home
    for path in (profile.config_file, profile.sqlite_file, profile.log_dir, profile.backup_dir):
        assert path.is_relative_to(isolated_home)
    assert app.db.sqlite_path == isolated_home / "supportdesk.db"
    assert (isolated_home / "config.toml").exists()
    assert (isolated_home / "supportdesk.db").exists()
    assert (isolated_home / "logs" / "supportdesk.log").exists()
    assert profile.backup_dir == isolated_home / "backups"


def test_without_supportdesk_home_the_profile_is_in_the_user_data_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SUPPORTDESK_HOME")
    expected = Path(platformdirs.user_data_dir("SupportDesk", appauthor=False))
    assert Profile.named().root == expected
    assert Profile.named("default").root == expected


@pytest.mark.parametrize("name", ["team", "华东-运维", "prod_2"])
def test_a_named_profile_is_a_sub_folder(isolated_home: Path, name: str) -> None:
    profile = Profile.named(name)
    assert profile.root == isolated_home / "profiles" / name
    Config(profile).set("ui.language", "zh_CN")
    assert (isolated_home / "profiles" / name / "config.toml").exists()
    assert not (isolated_home / "config.toml").exists()  # the default profile is untouched


@pytest.mark.parametrize(
    "name", ["../escape", "a/b", "a\\b", "a b", ".hidden", "x.y", "CON", "nul", "com1", "-" * 65]
)
def test_bad_profile_names_are_refused(isolated_home: Path, name: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Profile.named(name)
    assert (caught.value.field, caught.value.code) == ("profile", "bad_profile_name")
    assert not isolated_home.exists()


@pytest.mark.parametrize(
    ("key", "value", "code"),
    [
        ("inspection.concurrency", "0", "out_of_range"),
        ("inspection.concurrency", "65", "out_of_range"),
        ("inspection.concurrency", "many", "bad_number"),
        ("vault.clipboard_seconds", "9", "out_of_range"),
        ("vault.clipboard_seconds", "121", "out_of_range"),
        ("vault.lock_minutes", "five", "bad_number"),
        ("vault.reason_required", "sometimes", "bad_value"),
        ("ui.language", "fr", "bad_choice"),
        ("database.url", "mysql://x/y", "bad_db_url"),
        ("database.url", "C:\\data\\sd.db", "bad_db_url"),
        ("database.url", "postgresql+psycopg://u:pw@h/db", "password_in_url"),
        ("database.url", "postgresql+psycopg://u@h/db?password=pw", "password_in_url"),
        (
            "database.url",
            "postgresql+psycopg://u@h/db?sslmode=require&sslpassword=k",
            "password_in_url",
        ),
    ],
)
def test_a_refused_value_changes_nothing(
    isolated_home: Path, key: str, value: str, code: str
) -> None:
    config = Config(Profile.named())
    config.set("documents.folder", r"\\fs\docs")
    before = config.profile.config_file.read_bytes()
    with pytest.raises(ValidationError) as caught:
        config.set(key, value)
    assert (caught.value.field, caught.value.code) == (key, code)
    assert config.profile.config_file.read_bytes() == before
    assert Config(Profile.named()).get(key) == config_module.OPTIONS[key].default
    assert "pw" not in before.decode()


def test_a_refused_value_on_a_fresh_profile_writes_no_file(isolated_home: Path) -> None:
    with pytest.raises(ValidationError):
        Config(Profile.named()).set("inspection.concurrency", "0")
    assert not (isolated_home / "config.toml").exists()


def test_an_unknown_key_is_named(isolated_home: Path) -> None:
    config = Config(Profile.named())
    with pytest.raises(ValidationError) as caught:
        config.get("mail.hostname")
    assert (caught.value.field, caught.value.code) == ("key", "unknown_key")
    assert caught.value.params["value"] == "mail.hostname"
    with pytest.raises(ValidationError) as caught:
        config.set("no.such", "1")
    assert (caught.value.field, caught.value.params["value"]) == ("key", "no.such")
    assert not (isolated_home / "config.toml").exists()


def test_values_are_parsed_and_written_as_toml_with_a_schema_version(isolated_home: Path) -> None:
    config = Config(Profile.named())
    assert config.set("inspection.concurrency", " 32 ") == 32
    assert config.set("vault.reason_required", "no") is False
    assert config.set("ui.language", "en") == "en"
    assert config.set("documents.folder", r" \\fileserver\售后\文档 ") == r"\\fileserver\售后\文档"
    assert config.set("database.url", "postgresql+psycopg://zhangsan@db.hd.cn/supportdesk")
    data = tomllib.loads((isolated_home / "config.toml").read_text(encoding="utf-8"))
    assert data == {
        "schema_version": config_module.SCHEMA_VERSION,
        "database": {"url": "postgresql+psycopg://zhangsan@db.hd.cn/supportdesk"},
        "documents": {"folder": r"\\fileserver\售后\文档"},
        "inspection": {"concurrency": 32},
        "ui": {"language": "en"},
        "vault": {"reason_required": False},
    }
    again = Config(Profile.named())
    assert (again.get("inspection.concurrency"), again.get("vault.reason_required")) == (32, False)
    assert again.get("documents.webdav_url") == ""  # a default, not written


def test_the_file_is_replaced_never_rewritten_in_place(isolated_home: Path) -> None:
    # Write-then-rename: each save is a new file (a new inode) renamed over the old one, so a
    # crash mid-save leaves the old file or the new one, never half of either.
    config = Config(Profile.named())
    config.set("documents.folder", "a")
    first = (isolated_home / "config.toml").stat().st_ino
    config.set("documents.folder", "b")
    second = (isolated_home / "config.toml").stat().st_ino
    assert first != second
    assert sorted(p.name for p in isolated_home.iterdir()) == ["config.toml"]  # no temp left
    config.set("documents.webdav_url", "https://dav.example.cn/")  # keeps what was there
    assert Config(Profile.named()).get("documents.folder") == "b"


def test_database_url_precedence(isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = Config(Profile.named())
    assert config.database_url() == f"sqlite:///{isolated_home / 'supportdesk.db'}"
    config.set("database.url", "postgresql+psycopg://a@h/config")
    assert config.database_url() == "postgresql+psycopg://a@h/config"
    monkeypatch.setenv("SUPPORTDESK_DB", "postgresql+psycopg://a:envpw@h/env")
    assert config.database_url() == "postgresql+psycopg://a:envpw@h/env"  # env may hold one
    assert config.database_url("sqlite:///flag.db") == "sqlite:///flag.db"
    monkeypatch.setenv("SUPPORTDESK_DB", "")
    assert config.database_url() == "postgresql+psycopg://a@h/config"


@pytest.mark.parametrize("url", ["mysql://u:secret@h/db", "foo", "postgres://h/db"])
def test_an_unusable_database_url_is_refused_by_name(
    monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    config = Config(Profile.named())
    for override, env in ((url, None), (None, url)):
        if env is not None:
            monkeypatch.setenv("SUPPORTDESK_DB", env)
        with pytest.raises(ValidationError) as caught:
            config.database_url(override)
        assert (caught.value.field, caught.value.code) == ("database.url", "bad_db_url")
        assert "secret" not in str(caught.value.params)


def test_the_database_from_env_and_flag_is_the_one_opened(
    isolated_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    configured, from_env, from_flag = (tmp_path / f"{n}.db" for n in ("config", "env", "flag"))
    Config(Profile.named()).set("database.url", f"sqlite:///{configured}")
    monkeypatch.setenv("SUPPORTDESK_DB", f"sqlite:///{from_env}")
    for flag, expected in ((None, from_env), (f"sqlite:///{from_flag}", from_flag)):
        app = open_app(db_url=flag)
        app.close()
        assert app.db.sqlite_path == expected
        assert expected.exists()
    assert not configured.exists()
    assert not (isolated_home / "supportdesk.db").exists()


def test_an_unreadable_config_file_is_named(isolated_home: Path) -> None:
    isolated_home.mkdir(parents=True)
    (isolated_home / "config.toml").write_text("[mail\nport = ", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        Config(Profile.named())
    assert (caught.value.field, caught.value.code) == (
        str(isolated_home / "config.toml"),
        "unreadable",
    )
    assert "line 1" in caught.value.params["detail"]
