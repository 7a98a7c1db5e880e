"""A backup taken while others keep writing restores and passes integrity."""

from __future__ import annotations

import subprocess
import threading
from pathlib import Path

import pytest

from supportdesk.db.engine import Database
from supportdesk.domain.errors import DatabaseError
from supportdesk.domain.registry import CustomerForm
from supportdesk.services import database, registry, users
from tests.servers.postgres import PostgresServer, find_bin


def _write_until(
    db: Database, stop: threading.Event, going: threading.Event, written: list[int]
) -> None:
    n = 0
    while not stop.is_set():
        with db.write() as s:
            written.append(registry.save_customer(s, CustomerForm(f"客户{n}")).id)
        n += 1
        if n == 20:
            going.set()


def _backup_while_writing(db: Database, dest: Path) -> list[int]:
    stop, going = threading.Event(), threading.Event()
    written: list[int] = []
    writer = threading.Thread(target=_write_until, args=(db, stop, going, written))
    writer.start()
    try:
        assert going.wait(60)  # the writer is in full flow before the backup starts
        database.backup(db, dest)
    finally:
        stop.set()
        writer.join()
    return written


def test_sqlite_backup_during_writes(sqlite_db: Database, tmp_path: Path) -> None:
    written = _backup_while_writing(sqlite_db, tmp_path / "copy.db")
    restored = Database(f"sqlite:///{tmp_path / 'copy.db'}", actor="tester")
    report = database.check(restored)
    assert report.ok, report.problems
    with restored.read() as s:
        copied = {c.id for c in registry.list_customers(s)}
    assert copied
    assert copied <= set(written)
    assert report.audit.events == len(copied) + 1  # plus the bootstrap admin event
    restored.dispose()


@pytest.mark.postgres
def test_postgres_backup_during_writes_restores(
    pg_server: PostgresServer, pg_url: str, tmp_path: Path
) -> None:
    db = Database(pg_url)
    with db.write() as s:
        users.ensure_first_admin(s)
    _backup_while_writing(db, tmp_path / "team.dump")
    target = pg_server.create_database()
    pg_restore = find_bin("pg_restore")
    assert pg_restore is not None
    subprocess.run(
        [
            pg_restore,
            "--no-owner",
            "-h",
            "127.0.0.1",
            "-p",
            str(pg_server.port),
            "-U",
            "postgres",
            "-d",
            target,
            str(tmp_path / "team.dump"),
        ],
        check=True,
        env={"PGPASSWORD": "test-superuser-pw", "PATH": "/usr/bin"},
    )
    restored = Database(pg_server.url(target))
    report = database.check(restored)
    assert report.ok, report.problems
    assert report.audit.events > 1
    restored.dispose()
    db.dispose()
    pg_server.drop_database(target)


def test_backup_refuses_to_overwrite(sqlite_db: Database, tmp_path: Path) -> None:
    target = tmp_path / "exists.db"
    target.write_text("keep me")
    with pytest.raises(DatabaseError) as caught:
        database.backup(sqlite_db, target)
    assert caught.value.code == "backup_exists"
    assert target.read_text() == "keep me"
