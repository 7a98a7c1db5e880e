"""Migrations: no drift on either engine; backup first; a failed upgrade leaves the old file."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Column, Connection, MetaData, String, select, text
from sqlalchemy.exc import DBAPIError

from supportdesk import cli
from supportdesk.db import migrate
from supportdesk.db.engine import Database
from supportdesk.db.models import AuditHead, Base
from supportdesk.db.team import TEAM_ROLE
from supportdesk.domain.errors import DatabaseError
from supportdesk.domain.registry import ContactForm, CustomerForm
from supportdesk.services import database, registry, users
from supportdesk.services.database import verify_audit
from tests.servers.postgres import PostgresServer

REVISION = '''"""{doc}"""
import sqlite3
import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
{body}


def downgrade() -> None:
    pass
'''

GOOD = """\
    with op.batch_alter_table("customer", recreate="always") as batch:
        batch.add_column(sa.Column("note", sa.String(50), nullable=True))
        batch.alter_column("region", existing_type=sa.String(100), type_=sa.String(120))"""

# Changes schema and data in the migration's transaction, then fails.
BROKEN_IN_TRANSACTION = """\
    op.add_column("customer", sa.Column("extra", sa.String(10), nullable=True))
    op.execute("UPDATE customer SET name = 'changed'")
    op.execute("DELETE FROM contact")
    raise RuntimeError("migration bug")"""

# Damage that escaped the transaction (a step committed on its own connection): only the
# pre-upgrade copy can undo it.
BROKEN_COMMITTED = """\
    path = op.get_bind().engine.url.database
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA foreign_keys=ON")
    other.execute("DELETE FROM customer")
    other.close()
    raise RuntimeError("migration bug after a committed step")"""


def _scripts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> str:
    """A copy of the migrations with one more revision on top; returns the old head."""
    old_head = migrate.head_revision()
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9999_extra.py").write_text(
        REVISION.format(doc="extra", revision="9999", down=old_head, body=body), encoding="utf-8"
    )
    monkeypatch.setattr(migrate, "MIGRATIONS", scripts)
    return old_head


def _snapshot(path: Path) -> dict[str, object]:
    """What a user would lose: revision, rows, schema of customer, integrity."""
    conn = sqlite3.connect(path)
    try:
        return {
            "revision": conn.execute("SELECT version_num FROM alembic_version").fetchall(),
            "customers": conn.execute("SELECT id, name FROM customer ORDER BY id").fetchall(),
            "contacts": conn.execute("SELECT id, customer_id FROM contact ORDER BY id").fetchall(),
            "columns": [r[1] for r in conn.execute("PRAGMA table_info(customer)")],
            "integrity": conn.execute("PRAGMA integrity_check").fetchall(),
        }
    finally:
        conn.close()


def _some_data(db: Database) -> None:
    with db.write() as s:
        for name in ("华东电力", "北京市自来水集团"):
            customer = registry.save_customer(s, CustomerForm(name)).id
            for k in range(3):
                registry.save_contact(s, ContactForm(customer, f"{name}联系人{k}"))


# --- drift ----------------------------------------------------------------------------------


# Tables no model maps on purpose: PostgreSQL's vault access tickets, read and written only
# by the owner's functions of migration 0006.
SERVER_ONLY = {"vault_access"}


def _search_index(name: str | None, kind: str) -> bool:
    # The manual's search structures are each database's own (migration 0019): SQLite's FTS5
    # tables (and their shadow tables), PostgreSQL's pg_trgm GIN indexes.
    name = name or ""
    return (kind == "table" and name.startswith("faq_fts")) or (
        kind == "index" and name.endswith("_trgm")
    )


def _compare(conn: Connection, models: MetaData) -> list[Any]:
    def include(name: str | None, kind: str, _parents: object) -> bool:
        if _search_index(name, kind):
            return False
        return not (kind == "table" and name in SERVER_ONLY)  # not even reflected

    context = MigrationContext.configure(conn, opts={"include_name": include})
    return list(compare_metadata(context, models))


def test_models_and_migrations_do_not_drift(db: Database) -> None:
    with db.engine.connect() as conn:
        diff = _compare(conn, Base.metadata)
    assert diff == []


def test_negative_control_the_drift_check_sees_a_model_change(db: Database) -> None:
    # A column added to (a copy of) the models but to no migration must show up.
    models = MetaData(naming_convention=Base.metadata.naming_convention)
    for table in Base.metadata.tables.values():
        table.to_metadata(models)
    models.tables["customer"].append_column(Column("probe_column", String(10)))
    with db.engine.connect() as conn:
        diff = _compare(conn, models)
    assert [(d[0], d[3].name) for d in diff] == [("add_column", "probe_column")]


# --- upgrade --------------------------------------------------------------------------------


def test_upgrade_is_a_no_op_when_current(sqlite_db: Database, tmp_path: Path) -> None:
    assert database.upgrade(sqlite_db, tmp_path / "bk") is None
    assert not (tmp_path / "bk").exists()


def test_db_upgrade_command_twice_takes_no_backup(
    isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["db", "upgrade"]) == 0  # a fresh profile: the schema is created
    assert cli.main(["db", "upgrade"]) == 0  # up to date: nothing to do, nothing to copy
    out = capsys.readouterr().out.splitlines()
    assert out == [f"database at {migrate.head_revision()}"] * 2
    assert not (isolated_home / "backups").exists()


def test_upgrade_backs_the_file_up_first_with_the_backup_api(
    sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _some_data(sqlite_db)
    path = sqlite_db.sqlite_path
    assert path is not None
    before = _snapshot(path)
    # Negative control: the newest commits are still in the -wal file, so copying the main
    # file alone would miss them. The backup API reads through SQLite and cannot.
    naive = tmp_path / "naive" / "copy.db"
    naive.parent.mkdir()
    shutil.copyfile(path, naive)
    try:
        naive_customers = _snapshot(naive)["customers"]
    except sqlite3.OperationalError:  # not even the tables were checkpointed yet
        naive_customers = []
    assert naive_customers != before["customers"]

    old_head = _scripts(tmp_path, monkeypatch, GOOD)
    backup = database.upgrade(sqlite_db, tmp_path / "bk")
    assert backup is not None
    assert backup.parent == tmp_path / "bk"
    assert old_head in backup.name
    assert not list((tmp_path / "bk").glob("*.part"))
    assert _snapshot(backup) == before  # the copy is the database as it was
    after = _snapshot(path)
    assert after["revision"] == [("9999",)]
    assert "note" in after["columns"]  # type: ignore[operator]
    assert (after["customers"], after["contacts"]) == (before["customers"], before["contacts"])


def test_a_table_rebuild_keeps_the_rows_that_point_to_it(
    sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Batch mode rebuilds customer (copy, DROP, rename): its contacts must survive.
    _some_data(sqlite_db)
    path = sqlite_db.sqlite_path
    assert path is not None
    before = _snapshot(path)
    _scripts(tmp_path, monkeypatch, GOOD)
    database.upgrade(sqlite_db, tmp_path / "bk")
    assert _snapshot(path)["contacts"] == before["contacts"]
    assert sqlite_db.check_integrity() == []
    with sqlite_db.engine.connect() as conn:  # enforcement is back on for the app
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_negative_control_a_rebuild_with_foreign_keys_on_loses_the_contacts(
    sqlite_db: Database,
) -> None:
    # The same rebuild on a connection that enforces foreign keys, as the app's do: the DROP
    # cascades and the contacts are gone. This is what the migration environment prevents.
    _some_data(sqlite_db)
    path = sqlite_db.sqlite_path
    assert path is not None
    contacts = len(_snapshot(path)["contacts"])  # type: ignore[arg-type]
    with sqlite_db.engine.begin() as conn:
        ops = Operations(MigrationContext.configure(conn, opts={"render_as_batch": True}))
        with ops.batch_alter_table("customer", recreate="always") as batch:
            batch.alter_column("region", existing_type=String(100), type_=String(120))
    assert (contacts, _snapshot(path)["contacts"]) == (6, [])


@pytest.mark.parametrize("body", [BROKEN_IN_TRANSACTION, BROKEN_COMMITTED])
def test_failed_migration_leaves_the_old_file_in_place(
    sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str
) -> None:
    _some_data(sqlite_db)
    path = sqlite_db.sqlite_path
    assert path is not None
    before = _snapshot(path)
    old_head = _scripts(tmp_path, monkeypatch, body)
    with pytest.raises(DatabaseError) as caught:
        database.upgrade(sqlite_db, tmp_path / "bk")
    assert caught.value.code == "migration_failed"
    assert caught.value.params["revision"] == old_head
    assert len(list((tmp_path / "bk").glob("*.db"))) == 1  # the pre-upgrade copy
    assert _snapshot(path) == before  # same revision, same rows, same schema, integrity ok
    # The app carries on with the old file.
    assert database.current_revision(sqlite_db) == old_head
    with sqlite_db.write() as s:
        registry.save_customer(s, CustomerForm("迁移失败后"))
    assert database.check(sqlite_db).integrity == []


def test_negative_control_without_the_restore_a_failed_migration_loses_data(
    sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _some_data(sqlite_db)
    path = sqlite_db.sqlite_path
    assert path is not None
    before = _snapshot(path)
    _scripts(tmp_path, monkeypatch, BROKEN_COMMITTED)
    monkeypatch.setattr(migrate, "_restore", lambda backup, path: None)
    with pytest.raises(DatabaseError):
        database.upgrade(sqlite_db, tmp_path / "bk")
    after = _snapshot(path)
    assert after != before
    assert after["customers"] == []


# --- PostgreSQL -----------------------------------------------------------------------------


@pytest.fixture
def fresh_pg(pg_server: PostgresServer) -> Iterator[Database]:
    """An empty database with no revision at all."""
    name = pg_server.create_database()
    db = Database(pg_server.url(name))
    yield db
    db.dispose()
    pg_server.drop_database(name)


@pytest.mark.postgres
def test_postgres_upgrades_step_by_step_and_keeps_the_chain(fresh_pg: Database) -> None:
    migrate.upgrade(fresh_pg, target="0001")
    with fresh_pg.write() as s:
        users.ensure_first_admin(s)
    assert database.upgrade(fresh_pg) is None  # no file to copy on PostgreSQL
    assert database.current_revision(fresh_pg) == migrate.head_revision()
    with fresh_pg.write() as s:
        registry.save_customer(s, CustomerForm("客户"))
    result = verify_audit(fresh_pg)
    assert (result.ok, result.events) == (True, 2)


@pytest.mark.postgres
def test_postgres_team_role_cannot_rewrite_the_audit_chain(
    pg_server: PostgresServer, pg_url: str
) -> None:
    admin = Database(pg_url)
    with admin.write() as s:
        users.ensure_first_admin(s)
        users.add_user(s, "mig_member", "engineer", password="mig-member-pw-1")
    with admin.engine.connect() as conn:
        role = conn.execute(
            text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :r"), {"r": TEAM_ROLE}
        ).scalar_one()
        grants = {
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT privilege_type FROM information_schema.role_table_grants "
                "WHERE grantee = 'supportdesk_team' AND table_name = 'audit_event'"
            )
        }
    assert role is False  # a group, not a login
    assert grants == {"SELECT", "INSERT"}
    assert admin.url.database is not None
    member = Database(pg_server.url(admin.url.database, "mig_member", "mig-member-pw-1"))
    try:
        for statement in (
            "UPDATE audit_event SET actor = 'someone' WHERE seq = 1",
            "DELETE FROM audit_event WHERE seq = 1",
            "TRUNCATE audit_event",
            "DELETE FROM audit_head",
            "UPDATE alembic_version SET version_num = '0000'",
        ):
            with pytest.raises(DBAPIError, match="permission denied"), member.write() as s:
                s.execute(text(statement))
        # The head only advances onto the event just appended: it cannot be moved back to
        # hide the tail.
        with pytest.raises(DBAPIError, match="only advances"), member.write() as s:
            s.execute(text("UPDATE audit_head SET seq = 0, hash = :g"), {"g": "0" * 64})
        with member.read() as s:  # reading is fine
            assert s.scalar(select(AuditHead.seq)) == 2
        result = verify_audit(admin)
        assert (result.ok, result.events) == (True, 2)
    finally:
        member.dispose()
        admin.dispose()


def test_0010_downgrades_with_escalations_and_upgrades_again(db: Database) -> None:
    """Rolling the reminder release back must not fail on the escalations it sent: the old
    five-column key cannot hold them, so they go; the messages themselves stay."""
    from datetime import UTC, date, datetime

    from alembic import command

    from supportdesk.db.models import OutboxMessage

    now = datetime.now(UTC)
    row = {"rule": "r", "subject": "s", "due_on": date(2026, 12, 1), "recipient": "x",
           "channel": "mail", "title": "t", "body": "b", "state": "sent", "attempts": 1,
           "created_at": now, "cc": "", "last_error": ""}  # fmt: skip
    with db.write() as s:
        s.add_all([OutboxMessage(**row, step=0), OutboxMessage(**row, step=1)])
    command.downgrade(migrate.alembic_config(db), "0009")
    with db.read() as s:
        assert s.execute(text("SELECT count(*) FROM outbox_message")).scalar() == 1
    migrate.upgrade(db)
    assert migrate.current_revision(db) == migrate.head_revision()
