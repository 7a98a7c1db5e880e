"""Alembic environment: runs on the Database the caller passed in `attributes`."""

from __future__ import annotations

from alembic import context

from supportdesk.db.engine import Database
from supportdesk.db.models import Base

config = context.config
database: Database | None = config.attributes.get("database")
if database is None:  # `alembic` command line: a URL in the ini
    database = Database(config.get_main_option("sqlalchemy.url") or "sqlite://")

with database.engine.connect() as connection:
    driver = connection.connection.driver_connection if database.is_sqlite else None
    if driver is not None:
        # Batch mode rebuilds a table as copy, DROP, rename. With foreign keys enforced, that
        # DROP deletes every child row through ON DELETE CASCADE. The pragma is a no-op inside
        # a transaction, so it is switched off before ours begins; foreign_key_check below
        # still refuses a migration that leaves a dangling reference.
        driver.execute("PRAGMA foreign_keys=OFF")
    try:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=database.is_sqlite,  # SQLite cannot ALTER most things: copy-and-move
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
            if driver is not None:
                dangling = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                if dangling:
                    raise RuntimeError(f"migration leaves dangling references: {dangling[:5]}")
        connection.commit()
    finally:
        if driver is not None:
            driver.execute("PRAGMA foreign_keys=ON")
