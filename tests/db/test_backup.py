"""A backup taken while others keep writing restores, passes integrity and holds every commit."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from supportdesk import cli
from supportdesk.db import audit
from supportdesk.db.engine import Database
from supportdesk.db.models import AuditEvent, AuditHead, Contact
from supportdesk.domain.errors import DatabaseError
from supportdesk.domain.registry import ContactForm, CustomerForm
from supportdesk.services import database, registry, users
from tests.servers.postgres import PASSWORD, SUPERUSER, PostgresServer, find_bin

VAULT_TABLES = (
    "vault_key",
    "vault_member",
    "vault_wrapped_key",
    "credential",
    "credential_history",
)

Backup = Callable[[Database, Path], object]


class Writer:
    """A thread that saves records (a customer and two contacts) until stopped."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.acknowledged: list[int] = []  # committed, in order
        self.flowing = threading.Event()
        self.error: BaseException | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run)

    def _run(self) -> None:
        try:
            n = 0
            while not self._stop.is_set():
                with self.db.write() as s:
                    customer = registry.save_customer(s, CustomerForm(f"客户{n}")).id
                    for k in range(2):
                        registry.save_contact(s, ContactForm(customer, f"联系人{n}-{k}"))
                self.acknowledged.append(customer)
                n += 1
                if n == 20:
                    self.flowing.set()
        except BaseException as error:  # noqa: BLE001 - handed to the test thread
            self.error = error
            self.flowing.set()

    def __enter__(self) -> Writer:
        self._thread.start()
        assert self.flowing.wait(60)
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()
        assert self.error is None, self.error


def _damage(restored: Database, base: int, before: list[int], during: list[int]) -> list[str]:
    """What is wrong with a restored copy, given the audit events before the writer started,
    the commits acknowledged before the backup started and those acknowledged by its end."""
    problems = [f"check: {p}" for p in database.check(restored).problems]
    with restored.read() as s:
        present = {c.id for c in registry.list_customers(s)}
        contacts = dict(
            s.execute(select(Contact.customer_id, func.count()).group_by(Contact.customer_id)).all()
        )
        events = s.scalar(select(func.count()).select_from(AuditEvent)) or 0
    problems += [f"lost customer {i}" for i in sorted(set(before) - present)]
    problems += [f"unknown customer {i}" for i in sorted(present - set(during))]
    problems += [f"partial customer {i}" for i in sorted(present) if contacts.get(i) != 2]
    if events != base + 3 * len(present):  # 3 events per record
        problems.append(f"{events} audit events for {len(present)} records")
    # The copy is a working database: it takes the next change.
    with restored.write() as s:
        registry.save_customer(s, CustomerForm("恢复后的客户"))
    if not database.verify_audit(restored).ok:
        problems.append("the chain broke on the first write after the restore")
    return problems


def _sqlite_harness(db: Database, dest: Path, backup: Backup) -> list[str]:
    base = database.verify_audit(db).events
    with Writer(db) as writer:
        before = list(writer.acknowledged)
        try:
            backup(db, dest)
        except sqlite3.Error as error:
            return [f"backup failed: {error}"]
        during = list(writer.acknowledged)
    restored = Database(f"sqlite:///{dest}", actor="tester")
    try:
        return _damage(restored, base, before, during)
    except Exception as error:  # noqa: BLE001 - an unreadable copy is damage too
        return [f"unusable copy: {error}"]
    finally:
        restored.dispose()


def test_sqlite_backup_during_writes(sqlite_db: Database, tmp_path: Path) -> None:
    assert _sqlite_harness(sqlite_db, tmp_path / "copy.db", database.backup) == []


def _copy_the_file(db: Database, dest: Path) -> None:
    """The negative control: copy the database file, as a user with a file manager would."""
    assert db.sqlite_path is not None
    shutil.copyfile(db.sqlite_path, dest)


def test_negative_control_a_plain_file_copy_during_writes_is_caught(
    sqlite_db: Database, tmp_path: Path
) -> None:
    # Recent commits live in the -wal file until a checkpoint: the copy misses them.
    problems = _sqlite_harness(sqlite_db, tmp_path / "copy.db", _copy_the_file)
    assert problems
    assert any(p.startswith(("lost customer", "unusable copy")) for p in problems)


def _big_chain(db: Database, events: int) -> None:
    """Grow the file well past one backup step (1,024 pages) with a valid audit chain."""
    with db.engine.begin() as conn:
        seq, prev = conn.execute(select(AuditHead.seq, AuditHead.hash)).one()
        rows = []
        payload = audit.canonical_payload({"evidence": "巡检记录" * 250})
        for n in range(seq + 1, seq + events + 1):
            at = f"2026-11-25T00:00:00.{n:06d}+00:00"
            digest = audit.event_hash(n, at, "tester", "inspection.run", f"host:{n}", payload, prev)
            rows.append((n, at, "tester", "inspection.run", f"host:{n}", payload, prev, digest))
            prev = digest
        conn.exec_driver_sql("INSERT INTO audit_event VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        conn.execute(text("UPDATE audit_head SET seq = :s, hash = :h"), {"s": n, "h": prev})


def test_a_large_database_is_backed_up_under_steady_writes(
    sqlite_db: Database, tmp_path: Path
) -> None:
    _big_chain(sqlite_db, 4000)
    with sqlite_db.engine.connect() as conn:
        assert (conn.exec_driver_sql("PRAGMA page_count").scalar() or 0) > 3 * 1024
    started = time.monotonic()
    assert _sqlite_harness(sqlite_db, tmp_path / "copy.db", database.backup) == []
    assert time.monotonic() - started < 30


def test_backup_refuses_to_overwrite(sqlite_db: Database, tmp_path: Path) -> None:
    target = tmp_path / "exists.db"
    target.write_text("keep me")
    with pytest.raises(DatabaseError) as caught:
        database.backup(sqlite_db, target)
    assert caught.value.code == "backup_exists"
    assert target.read_text() == "keep me"


def test_db_backup_and_check_commands(
    isolated_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["db", "upgrade"]) == 0
    db = Database(f"sqlite:///{isolated_home / 'supportdesk.db'}", actor="tester")
    with db.write() as s:
        users.ensure_first_admin(s)
    capsys.readouterr()
    with Writer(db):
        dest = tmp_path / "备份" / "copy.db"
        assert cli.main(["db", "backup", str(dest)]) == 0
    db.dispose()
    assert capsys.readouterr().out == f"{dest}\n"
    assert cli.main(["--db", f"sqlite:///{dest}", "db", "check", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["ok"], report["integrity"], report["audit"]["ok"]) == (True, ["ok"], True)
    assert report["audit"]["events"] > 20
    assert cli.main(["db", "backup", str(dest)]) == 1  # never over an existing file
    assert "copy.db" in capsys.readouterr().err
    # A damaged copy fails the check with exit 1.
    with sqlite3.connect(dest) as conn:
        conn.execute("DELETE FROM audit_event WHERE seq = 2")
    assert cli.main(["--db", f"sqlite:///{dest}", "db", "check", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["problems"] == ["audit: event 2 missing"]


# --- PostgreSQL: pg_dump while writing, pg_restore into a new database ----------------------


@pytest.fixture
def restore_target(pg_server: PostgresServer) -> Iterator[str]:
    name = pg_server.create_database()
    yield name
    pg_server.drop_database(name)


def _pg_restore(server: PostgresServer, dump: Path, target: str) -> None:
    pg_restore = find_bin("pg_restore")
    assert pg_restore is not None
    subprocess.run(
        [
            pg_restore,
            "--no-owner",
            "--exit-on-error",
            "--host=127.0.0.1",
            f"--port={server.port}",
            f"--username={SUPERUSER}",
            f"--dbname={target}",
            str(dump),
        ],
        check=True,
        capture_output=True,
        env={**os.environ, "PGPASSWORD": PASSWORD},
    )


@pytest.mark.postgres
def test_postgres_backup_during_writes_restores(
    pg_server: PostgresServer, pg_url: str, restore_target: str, tmp_path: Path
) -> None:
    db = Database(pg_url)
    with db.write() as s:
        users.ensure_first_admin(s)
    dump = tmp_path / "team.dump"
    base = database.verify_audit(db).events
    with Writer(db) as writer:
        before = list(writer.acknowledged)
        assert database.backup(db, dump) == dump
        during = list(writer.acknowledged)
    db.dispose()
    _pg_restore(pg_server, dump, restore_target)
    restored = Database(pg_server.url(restore_target))
    try:
        assert _damage(restored, base, before, during) == []
        # The server's guards came along: the chain stays append-only in the copy, and the
        # vault is guarded as before.
        with restored.engine.connect() as conn:
            triggers = {
                (r[0], r[1])
                for r in conn.exec_driver_sql(
                    "SELECT tgname, tgrelid::regclass::text FROM pg_trigger WHERE NOT tgisinternal"
                )
            }
        assert triggers == {
            ("audit_event_guard", "audit_event"),
            ("audit_head_guard", "audit_head"),
            ("audit_event_head_moved", "audit_event"),
            ("host_key_guard", "host_key"),
            ("team_setting_guard", "team_setting"),
        } | {("vault_guard", t) for t in VAULT_TABLES}
    finally:
        restored.dispose()
