"""Composition root: config, database, logging; hands them to the GUI, the CLI or the agent."""

from __future__ import annotations

import getpass
import hashlib
import logging
import logging.handlers
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from supportdesk.config import Config, Profile
from supportdesk.db.engine import Database
from supportdesk.domain.delivery import MAIL, ROBOTS, MailSettings, RobotSettings, Sender
from supportdesk.domain.errors import DatabaseError
from supportdesk.domain.ports import KeyStore, TaskTracker, Uploader
from supportdesk.domain.remote import RemoteShell
from supportdesk.domain.secrets import redact
from supportdesk.services import database as database_service
from supportdesk.services import users

log = logging.getLogger(__name__)


class RedactingFormatter(logging.Formatter):
    """Last line of defence: no password in a URL, a SQL statement or a key=value pair reaches
    the log file, tracebacks included."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def setup_logging(profile: Profile, level: int = logging.INFO) -> logging.FileHandler:
    profile.log_dir.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        profile.log_dir / "supportdesk.log", maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "supportdesk", False)]:
        root.removeHandler(old)
        old.close()
    handler.supportdesk = True  # type: ignore[attr-defined]  # marks our handler for reuse
    root.addHandler(handler)
    root.setLevel(level)
    return handler


@dataclass
class App:
    profile: Profile
    config: Config
    db: Database

    def database_label(self) -> str:
        """Where the data is, for the status bar and about box: never a password."""
        url = self.db.url
        if self.db.is_sqlite:
            return str(self.db.sqlite_path or ":memory:")
        return f"{url.username or ''}@{url.host or 'localhost'}:{url.port or 5432}/{url.database}"

    def close(self) -> None:
        self.db.dispose()

    def vault_profile_id(self) -> str:
        """Stable per profile and database, so a key remembered for one vault is never offered
        to another: a hash of the profile folder and the database URL without its password."""
        url = self.db.url.set(password=None).render_as_string(hide_password=False)
        text = f"{self.profile.root.resolve()}\n{url}"
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]

    def remote_shell(self) -> RemoteShell:
        """The SSH adapter; imported here so paramiko loads only when hosts are inspected."""
        from supportdesk.adapters.ssh import SshShell  # noqa: PLC0415

        return SshShell()

    def key_store(self) -> KeyStore:
        """The OS keyring; imported here so keyring loads only when the vault is used."""
        from supportdesk.adapters.keyring_store import KeyringStore  # noqa: PLC0415

        return KeyringStore()


def open_app(
    profile_name: str | None = None, db_url: str | None = None, *, migrate: bool = True
) -> App:
    profile = Profile.named(profile_name)
    config = Config(profile)
    db = Database(config.database_url(db_url), actor=os_login())
    try:
        db.ping()
    except DatabaseError:
        db.dispose()
        raise
    if migrate:
        database_service.upgrade(db, profile.backup_dir)
        with db.write() as session:
            users.ensure_first_admin(session)
    return App(profile, config, db)


def os_login() -> str:
    """The solo actor: the OS account, lower-cased (Windows logins are case-insensitive)."""
    try:
        return getpass.getuser().strip().lower() or "user"
    except (OSError, KeyError):  # no login name in a service context
        return "user"


MAIL_KEYRING_SERVICE = "SupportDesk mail"


def make_senders(
    settings: Mapping[str, Any], channels: Iterable[str], secret: Callable[[str], str | None]
) -> dict[str, Sender]:
    """The channel adapters for `channels`, from the team settings. `secret(name)` reads a
    vault credential (None when this process has not opened the vault): a channel whose
    secret is out of reach is left out, and its messages wait for a process that has it."""
    from supportdesk.adapters.mail import SmtpSender  # noqa: PLC0415 - loaded on demand
    from supportdesk.adapters.robots import RobotSender  # noqa: PLC0415

    wanted = set(channels)
    senders: dict[str, Sender] = {}
    if MAIL in wanted and settings["mail.host"] and settings["mail.from"]:
        password: str | None = None
        user = str(settings["mail.user"])
        if user:
            name = str(settings["mail.credential"])
            password = secret(name) if name else _keyring_password(user, settings["mail.host"])
        if not user or password is not None:
            senders[MAIL] = SmtpSender(
                MailSettings(
                    host=str(settings["mail.host"]),
                    port=int(settings["mail.port"]),
                    security=str(settings["mail.security"]),
                    sender=str(settings["mail.from"]),
                    user=user,
                    password=password,
                )
            )
        else:
            log.info("mail not sent from here: the SMTP password is out of reach")
    for kind in ROBOTS:
        url, name = settings[f"robots.{kind}.url"], settings[f"robots.{kind}.secret"]
        if kind not in wanted or not url:
            continue
        if kind == "wecom":  # WeCom robots do not sign: a secret named for one is not read
            name = ""
        signing = secret(str(name)) if name else None
        if name and signing is None:
            log.info("%s robot not used from here: its signing secret is out of reach", kind)
            continue
        senders[kind] = RobotSender(RobotSettings(kind, str(url), signing))
    return senders


def make_uploader(
    settings: Mapping[str, Any], secret: Callable[[str], str | None]
) -> Uploader | None:
    """The document system of the team settings (R2.2), or None: none configured, or its
    WebDAV password in a vault this process has not opened."""
    from supportdesk.adapters.upload import FolderUploader, WebDavUploader  # noqa: PLC0415

    kind = settings["faq.upload.kind"]
    if kind == "folder" and settings["faq.upload.folder"]:
        return FolderUploader(Path(str(settings["faq.upload.folder"])))
    if kind == "webdav" and settings["faq.upload.url"]:
        password = ""
        name = str(settings["faq.upload.credential"])
        if name:
            found = secret(name)
            if found is None:
                log.info("the manual is not uploaded from here: its password is out of reach")
                return None
            password = found
        return WebDavUploader(
            str(settings["faq.upload.url"]), str(settings["faq.upload.user"]), password
        )
    return None


def make_tracker(
    settings: Mapping[str, Any], secret: Callable[[str], str | None]
) -> TaskTracker | None:
    """ZenTao of the team settings (R2.4), or None: not configured, or its password in a
    vault this process has not opened."""
    from supportdesk.adapters.zentao import ZentaoClient  # noqa: PLC0415

    url, account = str(settings["zentao.url"]), str(settings["zentao.account"])
    name = str(settings["zentao.credential"])
    if not url or not account or not name:
        return None
    password = secret(name)
    if password is None:
        log.info("ZenTao is not reached from here: its password is out of reach")
        return None
    return ZentaoClient(url, account, password)


def _keyring_password(user: str, host: str) -> str | None:
    """The SMTP password kept in the OS keyring (`supportdesk reminders mail-password`); a
    plain-text or null keyring is not read, as for the vault's key."""
    from supportdesk.adapters.keyring_store import KeyringStore  # noqa: PLC0415

    return KeyringStore().get_text(MAIL_KEYRING_SERVICE, f"{user}@{host}")


def vault_secret(db: Database, opened: Any) -> Callable[[str], str | None]:
    """Reads a credential for a channel: audited as a use, never shown."""

    def read(name: str) -> str | None:
        if opened is None:
            return None
        from supportdesk.domain.vault import Access  # noqa: PLC0415
        from supportdesk.services import vault  # noqa: PLC0415

        with db.write() as session:
            revealed = vault.reveal(session, opened, name, "reminder delivery", Access.USE)
        return revealed.secret

    return read
