"""Machine config: TOML in the profile folder, every option declared here once."""

from __future__ import annotations

import os
import tempfile
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import platformdirs
import tomli_w

from supportdesk.domain.errors import ValidationError

SCHEMA_VERSION = 1
APP_NAME = "SupportDesk"
ENV_HOME = "SUPPORTDESK_HOME"
ENV_DB = "SUPPORTDESK_DB"


class BadValueError(ValueError):
    """A parser's refusal; `code` picks the message (ui/messages.py)."""

    def __init__(self, code: str = "bad_value", **params: str) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def _text(value: str) -> str:
    return value.strip()


def _bool(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ValueError(value)


def _language(value: str) -> str:
    value = value.strip()
    if value not in {"", "zh_CN", "en"}:
        raise BadValueError("bad_choice", choices="zh_CN, en")
    return value


def _whole_between(low: int, high: int) -> Callable[[str], int]:
    def parse(value: str) -> int:
        try:
            number = int(value.strip())
        except ValueError:
            raise BadValueError("bad_number") from None
        if not low <= number <= high:
            raise BadValueError("out_of_range", min=str(low), max=str(high))
        return number

    return parse


# SQLite (embedded) and PostgreSQL through psycopg 3, the only drivers SupportDesk ships.
DB_SCHEMES = frozenset({"sqlite", "sqlite+pysqlite", "postgresql", "postgresql+psycopg"})


def check_db_url(value: str) -> str:
    """A URL SupportDesk can open (from the config, SUPPORTDESK_DB or --db)."""
    scheme = value.split(":", 1)[0].lower() if ":" in value else value
    if scheme not in DB_SCHEMES:
        # Name the scheme only: the rest of the URL may hold a password.
        raise ValidationError("database.url", "bad_db_url", value=scheme)
    return value


def _db_url(value: str) -> str:
    value = value.strip()
    if not value:
        return value
    try:
        check_db_url(value)
    except ValidationError as error:
        raise BadValueError("bad_db_url", value=str(error.params["value"])) from None
    parts = urlsplit(value)
    if parts.password or any("password" in k.lower() for k, _v in parse_qsl(parts.query)):
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
        Option("vault.reason_required", False, _bool, "a reveal or copy must give a reason"),
        Option(
            "vault.clipboard_seconds",
            30,
            _whole_between(10, 120),
            "a copied secret leaves the clipboard after this many seconds (10-120)",
        ),
        Option(
            "vault.lock_minutes",
            5,
            _whole_between(1, 240),
            "the vault locks after this many idle minutes (1-240)",
        ),
        Option(
            "inspection.concurrency",
            16,
            _whole_between(1, 64),
            "hosts inspected at once (1-64)",
        ),
    )
}


def base_home() -> Path:
    env = os.environ.get(ENV_HOME)
    return Path(env) if env else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


_WINDOWS_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL"} | {f"{p}{n}" for p in ("COM", "LPT") for n in range(1, 10)}
)


@dataclass(frozen=True, slots=True)
class Profile:
    """Everything of one profile lives under `root`: config, SQLite file, attachments, logs."""

    root: Path

    @classmethod
    def named(cls, name: str | None = None) -> Profile:
        base = base_home()
        if not name or name == "default":
            return cls(base)
        # A folder name on every system: letters (Chinese too), digits, "-" and "_"; no
        # separators or dots, and none of the names Windows reserves for devices.
        if (
            len(name) > 64
            or not name.replace("-", "").replace("_", "").isalnum()
            or name.upper().split(".")[0] in _WINDOWS_DEVICES
        ):
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
            try:
                with profile.config_file.open("rb") as handle:
                    data = tomllib.load(handle)
            except (OSError, tomllib.TOMLDecodeError) as error:
                # A hand-edited or foreign file: say which one and where, not a traceback.
                raise ValidationError(
                    str(profile.config_file), "unreadable", detail=str(error)
                ) from None
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
        except BadValueError as bad:
            params: dict[str, Any] = {"value": raw, **bad.params}
            raise ValidationError(key, bad.code, **params) from None
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
        data = tomli_w.dumps(tree).encode("utf-8")
        # Atomic: write a unique temporary file next to the config, flush it to disk, then
        # rename it over the old one. A crash leaves the old or the new file, never half.
        fd, name = tempfile.mkstemp(prefix=".config-", suffix=".tmp", dir=self.profile.root)
        tmp = Path(name)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            tmp.replace(self.profile.config_file)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def database_url(self, override: str | None = None) -> str:
        """--db, then SUPPORTDESK_DB, then the config, then SQLite in the profile."""
        for candidate in (override, os.environ.get(ENV_DB), self.get("database.url")):
            if candidate and str(candidate).strip():
                return check_db_url(str(candidate).strip())
        return f"sqlite:///{self.profile.sqlite_file}"


def _option(key: str) -> Option:
    try:
        return OPTIONS[key]
    except KeyError:
        raise ValidationError("key", "unknown_key", value=key) from None
