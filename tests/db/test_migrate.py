"""Migrations: no drift on either engine; a failed upgrade leaves the old file in place."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from supportdesk.db import migrate
from supportdesk.db.engine import Database
from supportdesk.db.models import Base
from supportdesk.domain.errors import DatabaseError
from supportdesk.domain.registry import CustomerForm
from supportdesk.services import registry, users

BROKEN = '''"""broken"""
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("customer", sa.Column("extra", sa.String(10), nullable=True))
    op.execute("UPDATE customer SET name = 'changed'")
    raise RuntimeError("migration bug")


def downgrade() -> None:
    pass
'''


def test_models_and_migrations_do_not_drift(db: Database) -> None:
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_upgrade_is_a_no_op_when_current(sqlite_db: Database, tmp_path: Path) -> None:
    assert migrate.upgrade(sqlite_db, tmp_path / "bk") is None
    assert not (tmp_path / "bk").exists()


def test_failed_migration_leaves_the_old_file_in_place(
    sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with sqlite_db.write() as s:
        registry.save_customer(s, CustomerForm("华东电力"))
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, scripts)
    (scripts / "versions" / "9999_broken.py").write_text(
        BROKEN.format(head=migrate.head_revision()), encoding="utf-8")
    old_head = migrate.head_revision()
    monkeypatch.setattr(migrate, "MIGRATIONS", scripts)
    with pytest.raises(DatabaseError) as caught:
        migrate.upgrade(sqlite_db, tmp_path / "backups")
    assert caught.value.code == "migration_failed"
    backups = list((tmp_path / "backups").glob("*.db"))
    assert len(backups) == 1  # the pre-upgrade copy was taken with the backup API
    assert migrate.current_revision(sqlite_db) == old_head
    with sqlite_db.read() as s:
        assert [c.name for c in registry.list_customers(s)] == ["华东电力"]
    path = sqlite_db.sqlite_path
    assert path is not None
    with sqlite3.connect(path) as conn:
        columns = [r[1] for r in conn.execute("PRAGMA table_info(customer)")]
        assert "extra" not in columns
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_upgrade_from_an_older_revision_backs_up_first(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'old.db'}", actor="tester")
    migrate.upgrade(db, target="base")  # an empty schema at no revision
    assert migrate.current_revision(db) is None
    migrate.upgrade(db, tmp_path / "bk")
    with db.write() as s:
        users.ensure_first_admin(s)
    assert migrate.current_revision(db) == migrate.head_revision()
    db.dispose()


@pytest.mark.postgres
def test_postgres_team_role_can_only_append_audit_events(pg_url: str) -> None:
    db = Database(pg_url)
    with db.engine.connect() as conn:
        grants = {r[0] for r in conn.exec_driver_sql(
            "SELECT privilege_type FROM information_schema.role_table_grants "
            "WHERE grantee = 'supportdesk_team' AND table_name = 'audit_event'")}
    db.dispose()
    assert grants == {"SELECT", "INSERT"}
