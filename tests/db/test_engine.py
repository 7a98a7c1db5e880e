"""SQLite safety: pragmas, write lock up front, network shares refused, disk full."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import event, func, select, text

from supportdesk.db.engine import Database, network_fs_type
from supportdesk.db.models import Contact
from supportdesk.domain.errors import DatabaseError
from supportdesk.domain.registry import ContactForm, CustomerForm
from supportdesk.services import registry

MOUNTS = """\
22 1 8:1 / / rw,relatime - ext4 /dev/sda1 rw
30 22 0:40 / /mnt/share rw - cifs //fileserver/share rw
31 22 0:41 / /mnt/share/local rw - ext4 /dev/sdb1 rw
32 22 0:42 / /srv/nfs rw - nfs4 server:/export rw
"""


def test_pragmas_hold_on_every_connection(sqlite_db: Database) -> None:
    for _ in range(3):
        with sqlite_db.engine.connect() as conn:
            values = [conn.exec_driver_sql(f"PRAGMA {p}").scalar() for p in
                      ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")]
        assert values == ["wal", 2, 1, 30000]


def test_a_write_takes_the_lock_before_its_first_statement(sqlite_db: Database) -> None:
    rival = Database(sqlite_db.url, actor="tester")
    event.listen(rival.engine, "connect",
                 lambda c, _r: c.execute("PRAGMA busy_timeout=50"))
    with sqlite_db.write() as session:
        session.execute(text("SELECT 1"))  # nothing written yet, but the lock is held
        with pytest.raises(DatabaseError) as caught, rival.write() as other:
            other.execute(text("SELECT 1"))
        assert caught.value.code == "database_busy"
    rival.dispose()


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/home/u/supportdesk.db", None),
        ("/mnt/share/x.db", "cifs"),
        ("/mnt/share/local/x.db", None),  # the longest mount point wins
        ("/srv/nfs/deep/x.db", "nfs4"),
        ("/srv/nfsother/x.db", None),
        ("\\\\server\\share\\x.db", "unc"),
        ("//server/share/x.db", "unc"),
    ],
)
def test_network_file_systems_are_recognised(path: str, expected: str | None) -> None:
    assert network_fs_type(Path(path), MOUNTS) == expected


@pytest.mark.parametrize(
    "url", ["sqlite://///server/share/supportdesk.db", "sqlite:///\\\\server\\share\\x.db"]
)
def test_sqlite_on_a_share_is_refused_with_a_pointer_to_postgresql(url: str) -> None:
    with pytest.raises(DatabaseError) as caught:
        Database(url)
    assert caught.value.code == "sqlite_on_network_share"
    from supportdesk.ui.messages import describe  # noqa: PLC0415

    assert "PostgreSQL" in describe(caught.value)


def test_disk_full_saves_nothing_and_recovers(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        customer = registry.save_customer(s, CustomerForm("客户"))
    with sqlite_db.engine.connect() as conn:
        pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar() or 0)
    limit = {"pages": pages + 1}
    event.listen(sqlite_db.engine, "connect",
                 lambda c, _r: c.execute(f"PRAGMA max_page_count={limit['pages']}"))
    sqlite_db.engine.dispose()  # new connections pick the limit up
    with pytest.raises(DatabaseError) as caught, sqlite_db.write() as s:
        for n in range(300):
            registry.save_contact(s, ContactForm(customer.id, f"联系人{n}" * 10,
                                                 "很长的部门名称" * 10))
    assert caught.value.code == "disk_full"
    with sqlite_db.read() as s:
        assert s.scalar(select(func.count()).select_from(Contact)) == 0
    limit["pages"] = 1_000_000  # space returns
    sqlite_db.engine.dispose()
    with sqlite_db.write() as s:
        registry.save_contact(s, ContactForm(customer.id, "王工"))
    assert sqlite_db.check_integrity() == []
