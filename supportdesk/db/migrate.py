"""Alembic at start-up: back the SQLite file up first and put it back if the upgrade fails."""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from supportdesk.db.engine import Database
from supportdesk.domain.errors import DatabaseError

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(db: Database) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["database"] = db
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config_static()).get_current_head()
    assert head is not None
    return head


def alembic_config_static() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def sqlite_backup(source: Path, dest: Path) -> None:
    """A consistent copy through SQLite's online backup API (safe while others write)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    src = sqlite3.connect(source, timeout=30)
    try:
        dst = sqlite3.connect(tmp)
        try:
            # One step (pages=-1), not several: a step-wise backup starts over whenever
            # another connection writes between steps, so under steady writes it never ends.
            # In WAL mode the single step's read snapshot does not hold writers up.
            src.backup(dst, pages=-1)
        finally:
            dst.close()
    finally:
        src.close()
    tmp.replace(dest)  # never leave a half-written backup under the final name


def upgrade(db: Database, backup_dir: Path | None = None, target: str = "head") -> Path | None:
    """Bring the schema to `target`. Returns the pre-upgrade backup, if one was taken."""
    current = current_revision(db)
    if current == head_revision() and target == "head":
        return None
    backup = None
    path = db.sqlite_path
    if path is not None and current is not None and path.exists():
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        backup = (backup_dir or path.parent / "backups") / f"{path.stem}-pre-{current}-{stamp}.db"
        sqlite_backup(path, backup)
        log.info("backed up %s to %s before migrating", path, backup)
    try:
        command.upgrade(alembic_config(db), target)
    except Exception as error:
        log.exception("migration from %s failed", current)
        if backup is not None and path is not None:
            db.dispose()
            _restore(backup, path)
        raise DatabaseError("migration_failed", revision=str(current), detail=str(error)) from error
    return backup


def _restore(backup: Path, path: Path) -> None:
    src = sqlite3.connect(backup)
    try:
        dst = sqlite3.connect(path, timeout=30)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
