"""Engine, pragmas and the unit of work: one user action is one transaction."""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path, PureWindowsPath
from typing import Any

from sqlalchemy import Engine, create_engine, event, exc, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from supportdesk.db.faq_index import sqlite_unigrams
from supportdesk.domain.errors import DatabaseError

log = logging.getLogger(__name__)

NETWORK_FS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "fuse.sshfs",
        "9p",
        "afs",
        "ceph",
        "glusterfs",
        "fuse.glusterfs",
        "lustre",
        "davfs",
        "fuse.davfs2",
        "ncpfs",
        "coda",
        "fuse.rclone",
    }
)
_DRIVE_REMOTE = 4  # GetDriveTypeW
MOUNTINFO = Path("/proc/self/mountinfo")
_OCTAL_ESCAPE = re.compile(r"\\([0-7]{3})")  # mountinfo writes a space as \040


def network_fs_type(path: Path, mountinfo: str | None = None) -> str | None:
    """The network file system `path` lives on, or None for a local disk.

    SQLite's locking is unreliable over SMB/NFS, so a database there can corrupt silently.
    """
    raw = str(path)
    if raw[:4] in {"\\\\?\\", "//?/"}:  # a Win32 long path: \\?\C:\... is local
        raw = raw[4:]
        if raw[:4].upper() in {"UNC\\", "UNC/"}:
            return "unc"
    if raw.startswith(("\\\\", "//")):
        return "unc"
    if os.name == "nt":  # pragma: no cover - exercised on Windows builds only
        root = PureWindowsPath(os.path.abspath(raw)).anchor
        windll = ctypes.windll  # type: ignore[attr-defined,unused-ignore]  # Windows only
        return "remote" if windll.kernel32.GetDriveTypeW(root) == _DRIVE_REMOTE else None
    if mountinfo is None:
        try:
            mountinfo = MOUNTINFO.read_text(encoding="utf-8")
        except OSError:
            return None
    # realpath: a symlink in a local folder may lead onto a share.
    target = os.path.realpath(raw)
    best, best_fs = "", None
    for line in mountinfo.splitlines():
        parts = line.split()
        if " - " not in line or len(parts) < 5:
            continue
        mount_point = _OCTAL_ESCAPE.sub(lambda m: chr(int(m.group(1), 8)), parts[4])
        fstype = line.split(" - ", 1)[1].split()[0]
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, best_fs = mount_point, fstype
    return best_fs if best_fs in NETWORK_FS else None


def is_disk_full(error: BaseException) -> bool:
    orig = getattr(error, "orig", error)
    if isinstance(orig, sqlite3.OperationalError):
        return getattr(orig, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or "full" in str(orig)
    return getattr(orig, "sqlstate", None) in {"53100", "53200"}  # disk_full, out_of_memory


CONNECT_TIMEOUT_S = 10


class Database:
    """Owns the engine; hands out short sessions. Services never commit; `write()` does."""

    def __init__(
        self, url: str | URL, *, actor: str = "", echo: bool = False, busy_timeout: float = 30.0
    ) -> None:
        """`busy_timeout`: seconds a SQLite writer waits for another's lock before giving up."""
        self.url = make_url(url)
        self.actor = actor  # SQLite only: PostgreSQL uses the login the server authenticated
        self.busy_timeout = busy_timeout
        # hide_parameters: bound values (a login password, say) never reach errors or logs.
        kwargs: dict[str, Any] = {"echo": echo, "hide_parameters": True}
        if self.is_sqlite:
            path = self.sqlite_path
            if path is not None:
                fs = network_fs_type(path)
                if fs is not None:
                    raise DatabaseError("sqlite_on_network_share", path=str(path), fs=fs)
                path.parent.mkdir(parents=True, exist_ok=True)
            kwargs["connect_args"] = {"timeout": busy_timeout, "check_same_thread": False}
        else:
            kwargs["pool_pre_ping"] = True
            # An unreachable server (VPN down, wrong host) fails in seconds, not after the
            # operating system's TCP timeout of minutes; a URL may still set its own.
            if "connect_timeout" not in self.url.query:
                kwargs["connect_args"] = {"connect_timeout": CONNECT_TIMEOUT_S}
        self.engine: Engine = create_engine(self.url, **kwargs)
        if self.is_sqlite:
            event.listen(self.engine, "connect", self._sqlite_connect)
            event.listen(self.engine, "begin", _sqlite_begin)
        self._writer = self.engine.execution_options(sqlite_immediate=True)
        info = {"actor": actor}
        self._read_sessions = sessionmaker(self.engine, expire_on_commit=False, info=info)
        self._write_sessions = sessionmaker(self._writer, expire_on_commit=False, info=info)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        database = self.url.database
        if not self.is_sqlite or not database or database == ":memory:":
            return None
        return Path(database)

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction; SQLite takes the write lock up front (BEGIN IMMEDIATE)."""
        with self._translated(), self._write_sessions() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        with self._translated(), self._read_sessions() as session, session.begin():
            yield session

    @contextlib.contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except exc.OperationalError as error:
            if is_disk_full(error):
                raise DatabaseError("disk_full") from None
            if "locked" in str(error.orig):
                raise DatabaseError("database_busy") from None
            if not self.is_sqlite and _is_connection_error(error):
                raise self._connection_failed(error) from None
            raise

    @property
    def safe_url(self) -> str:
        """The URL to show a user or write to a log: never the password."""
        u = self.url
        # libpq also takes a password as a query parameter (?password=, ?sslpassword=).
        query = {k: v for k, v in u.query.items() if "password" not in k.lower()}
        bare = URL.create(u.drivername, u.username, None, u.host, u.port, u.database, query)
        return bare.render_as_string(hide_password=False)

    def ping(self) -> None:
        """Connect once, so an unreachable server is a clear message up front, not a trace."""
        if self.is_sqlite:
            return
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except exc.OperationalError as error:
            raise self._connection_failed(error) from None

    def _connection_failed(self, error: exc.OperationalError) -> DatabaseError:
        lines = [line.strip() for line in str(error.orig).splitlines() if line.strip()]
        detail = lines[0] if lines else type(error.orig).__name__
        detail = detail.removeprefix("connection failed: ")
        if self.url.password:  # libpq never echoes it; make sure nothing else does either
            detail = detail.replace(str(self.url.password), "***")
        log.warning("cannot connect to %s: %s", self.safe_url, detail)
        return DatabaseError("connection_failed", url=self.safe_url, detail=detail)

    def check_integrity(self) -> list[str]:
        """Problems the engine itself reports (empty list when sound)."""
        with self.engine.connect() as conn:
            if self.is_sqlite:
                rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
                fk = [str(tuple(r)) for r in conn.exec_driver_sql("PRAGMA foreign_key_check")]
                return [r for r in rows if r != "ok"] + [f"foreign key: {r}" for r in fk]
            conn.execute(text("SELECT 1"))
            return []

    def dispose(self) -> None:
        self.engine.dispose()

    def _sqlite_connect(self, dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # Take transaction control away from the driver so BEGIN is ours (IMMEDIATE for writes).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")  # a commit survives power loss, not just a crash
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(self.busy_timeout * 1000)}")
        cursor.close()
        # The service manual's short-term index is kept by triggers that call this (0019).
        dbapi_connection.create_function("sd_unigrams", 1, sqlite_unigrams, deterministic=True)


def _is_connection_error(error: exc.OperationalError) -> bool:
    """A server that refused, dropped or never answered: no SQLSTATE, or class 08."""
    state = getattr(error.orig, "sqlstate", None)
    return error.connection_invalidated or state is None or str(state).startswith("08")


def _sqlite_begin(conn: Any) -> None:
    immediate = conn.get_execution_options().get("sqlite_immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
