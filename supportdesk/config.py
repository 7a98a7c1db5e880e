"""Machine config: TOML in the profile folder, every option declared here once."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import platformdirs
import tomli_w

from supportdesk.domain.errors import ValidationError

SCHEMA_VERSION = 1
APP_NAME = "SupportDesk"
ENV_HOME = "SUPPORTDESK_HOME"
ENV_DB = "SUPPORTDESK_DB"


def _text(value: str) -> str:
    return value.strip()


def _port(value: str) -> int:
    port = int(value)
    if not 1 <= port <= 65535:
        raise ValueError(value)
    return port


def _bool(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ValueError(value)


def _language(value: str) -> str:
    if value not in {"", "zh_CN", "en"}:
        raise ValueError(value)
    return value


def _db_url(value: str) -> str:
    if value and not value.startswith(("sqlite:", "postgresql")):
        raise ValueError(value)
    if urlsplit(value).password:
        # Secrets live in the keyring or a pgpass file, never in this TOML.
        raise ValidationError("database.url", "password_in_url")
    return value


@dataclass(frozen=True, slots=True)
class Option:
    key: str
    default: Any
    parse: Callable[[str], Any]
    help: str


OPTIONS: dict[str, Option] = {
    o.key: o
    for o in (
        Option("database.url", "", _db_url, "SQLAlchemy URL; empty = SQLite in the profile"),
        Option("ui.language", "", _language, "zh_CN, en, or empty to follow the system"),
        Option("documents.folder", "", _text, "document management folder (may be a share)"),
        Option("documents.webdav_url", "", _text, "WebDAV location for uploads"),
        Option("mail.host", "", _text, "SMTP server"),
        Option("mail.port", 587, _port, "SMTP port"),
        Option("mail.sender", "", _text, "From address"),
        Option("mail.user", "", _text, "SMTP login (its password lives in the keyring)"),
        Option("mail.starttls", True, _bool, "use STARTTLS"),
    )
}


def base_home() -> Path:
    env = os.environ.get(ENV_HOME)
    return Path(env) if env else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True, slots=True)
class Profile:
    """Everything of one profile lives under `root`: config, SQLite file, attachments, logs."""

    root: Path

    @classmethod
    def named(cls, name: str | None = None) -> Profile:
        base = base_home()
        if not name or name == "default":
            return cls(base)
        if not name.replace("-", "").replace("_", "").isalnum():
            raise ValidationError("profile", "bad_profile_name", value=name)
        return cls(base / "profiles" / name)

    @property
    def config_file(self) -> Path:
        return self.root / "config.toml"

    @property
    def sqlite_file(self) -> Path:
        return self.root / "supportdesk.db"

    @property
    def log_dir(self) -> Path:
        return self.root / "logs"

    @property
    def backup_dir(self) -> Path:
        return self.root / "backups"


class Config:
    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self._values: dict[str, Any] = {}
        if profile.config_file.exists():
            with profile.config_file.open("rb") as handle:
                data = tomllib.load(handle)
            for section, table in data.items():
                if isinstance(table, dict):
                    for name, value in table.items():
                        self._values[f"{section}.{name}"] = value

    def get(self, key: str) -> Any:
        option = _option(key)
        return self._values.get(key, option.default)

    def set(self, key: str, raw: str) -> Any:
        option = _option(key)
        try:
            value = option.parse(raw)
        except ValueError:
            raise ValidationError(key, "bad_value", value=raw) from None
        self._values[key] = value
        self.save()
        return value

    def save(self) -> None:
        tree: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
        for key, value in sorted(self._values.items()):
            section, name = key.split(".", 1)
            tree.setdefault(section, {})[name] = value
        self.profile.root.mkdir(parents=True, exist_ok=True)
        tmp = self.profile.config_file.with_suffix(".tmp")
        tmp.write_bytes(tomli_w.dumps(tree).encode("utf-8"))
        tmp.replace(self.profile.config_file)  # atomic: a crash never leaves half a config

    def database_url(self, override: str | None = None) -> str:
        """--db, then SUPPORTDESK_DB, then the config, then SQLite in the profile."""
        for candidate in (override, os.environ.get(ENV_DB), self.get("database.url")):
            if candidate:
                return str(candidate)
        return f"sqlite:///{self.profile.sqlite_file}"


def _option(key: str) -> Option:
    try:
        return OPTIONS[key]
    except KeyError:
        raise ValidationError("key", "unknown_key", value=key) from None
