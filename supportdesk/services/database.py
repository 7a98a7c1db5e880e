"""Database maintenance: upgrade, consistent backup, health check, audit verification."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from supportdesk.db import audit, migrate
from supportdesk.db.engine import Database
from supportdesk.domain.errors import DatabaseError
from supportdesk.services import inspection


@dataclass(frozen=True, slots=True)
class CheckReport:
    integrity: list[str]
    revision: str | None
    head: str
    audit: audit.VerifyResult
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "integrity": self.integrity or ["ok"],
            "revision": self.revision,
            "head": self.head,
            "audit": self.audit.as_dict(),
            "problems": self.problems,
        }


def upgrade(db: Database, backup_dir: Path | None = None) -> Path | None:
    return migrate.upgrade(db, backup_dir)


def current_revision(db: Database) -> str | None:
    return migrate.current_revision(db)


def verify_audit(db: Database) -> audit.VerifyResult:
    """Walk the chain in one snapshot so concurrent appends cannot look like tampering."""
    engine = db.engine
    if not db.is_sqlite:
        engine = engine.execution_options(isolation_level="REPEATABLE READ")
    with engine.connect() as conn, conn.begin():
        result = audit.verify(conn)
        if not result.ok:
            return result
        # The chain is sound; now the records it vouches for (inspection results: R5.3).
        bad = inspection.verify_records(Session(bind=conn))
        if bad is not None:
            return audit.VerifyResult(False, result.events, bad, "record_changed")
        return result


def check(db: Database) -> CheckReport:
    integrity = db.check_integrity()
    revision = migrate.current_revision(db)
    head = migrate.head_revision()
    result = verify_audit(db) if revision is not None else audit.VerifyResult(True, 0)
    problems = [f"integrity: {p}" for p in integrity]
    if revision != head:
        problems.append(f"migration: at {revision}, expected {head}")
    if not result.ok:
        problems.append(f"audit: event {result.first_bad} {result.reason}")
    return CheckReport(integrity, revision, head, result, problems)


def backup(db: Database, dest: Path) -> Path:
    """A consistent copy while others keep writing (SQLite online backup; pg_dump for teams)."""
    if dest.exists():
        raise DatabaseError("backup_exists", path=str(dest))
    dest.parent.mkdir(parents=True, exist_ok=True)
    path = db.sqlite_path
    if path is None:
        return _pg_dump(db, dest)
    migrate.sqlite_backup(path, dest)
    return dest


def pg_tool(name: str) -> str | None:
    """A PostgreSQL client program: on PATH, else the newest one under /usr/lib/postgresql."""
    found = shutil.which(name)
    if found:
        return found
    versions = [
        b
        for b in Path("/usr/lib/postgresql").glob(f"*/bin/{name}")
        if b.parent.parent.name.isdigit()
    ]
    versions.sort(key=lambda b: int(b.parent.parent.name))
    return str(versions[-1]) if versions else None


def _pg_dump(db: Database, dest: Path) -> Path:
    # pg_dump works from one snapshot, so the copy is consistent while others write.
    exe = pg_tool("pg_dump")
    if exe is None:
        raise DatabaseError("pg_dump_missing")
    url = db.url
    env = {**os.environ, "PGPASSWORD": url.password} if url.password else None
    part = dest.with_name(dest.name + ".part")  # never a half-written dump under the real name
    part.unlink(missing_ok=True)
    args = [
        exe,
        "--format=custom",
        "--no-password",  # never wait for a password prompt nobody will answer
        "--file",
        str(part),
        "--host",
        url.host or "localhost",
        "--port",
        str(url.port or 5432),
        "--dbname",
        url.database or "",
    ]
    if url.username:
        args += ["--username", url.username]
    done = subprocess.run(args, env=env, capture_output=True, check=False)
    if done.returncode != 0:
        part.unlink(missing_ok=True)
        detail = done.stderr.decode(errors="replace")[-500:]
        if "permission denied" in detail:
            # Team logins may not read the vault's ciphertexts (migration 0006); only the
            # database's owner holds every table.
            raise DatabaseError("backup_needs_owner", login=url.username or "")
        raise DatabaseError("backup_failed", detail=detail)
    part.replace(dest)
    return dest
