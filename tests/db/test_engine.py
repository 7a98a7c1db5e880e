"""SQLite safety: pragmas, write lock up front, network shares refused, disk full."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select, text
from sqlalchemy.exc import OperationalError

from supportdesk.db import engine as engine_module
from supportdesk.db.engine import Database, network_fs_type
from supportdesk.db.models import AuditEvent, Contact, Customer
from supportdesk.domain.errors import DatabaseError
from supportdesk.domain.registry import ContactForm, CustomerForm
from supportdesk.services import registry
from supportdesk.services.database import verify_audit
from supportdesk.ui.messages import describe

# --- pragmas --------------------------------------------------------------------------------

SAFE = {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1}  # synchronous 2 = FULL


def _pragma_problems(db: Database) -> list[str]:
    """What is unsafe about each kind of connection the app uses (empty when all is well)."""
    problems = []
    with db.read() as reader, db.write() as writer, db.engine.connect() as plain:
        for label, conn in (("read", reader), ("write", writer), ("plain", plain)):
            values = {p: conn.execute(text(f"PRAGMA {p}")).scalar() for p in SAFE}
            problems += [
                f"{label}: {p}={values[p]!r}, want {want!r}"
                for p, want in SAFE.items()
                if values[p] != want
            ]
            busy = conn.execute(text("PRAGMA busy_timeout")).scalar()
            if not isinstance(busy, int) or busy <= 0:
                problems.append(f"{label}: busy_timeout={busy!r}")
    return problems


def test_pragmas_hold_on_every_connection(sqlite_db: Database) -> None:
    assert _pragma_problems(sqlite_db) == []
    sqlite_db.engine.dispose()  # fresh connections get them too
    assert _pragma_problems(sqlite_db) == []
    with sqlite_db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30_000


def test_busy_timeout_is_configurable(sqlite_db: Database) -> None:
    quick = Database(sqlite_db.url, actor="tester", busy_timeout=0.25)
    with quick.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 250
    quick.dispose()


class _RelaxedDatabase(Database):
    """The negative control: a tuned-for-speed setup the pragma check must reject."""

    def _sqlite_connect(self, dbapi_connection: sqlite3.Connection, record: object) -> None:
        super()._sqlite_connect(dbapi_connection, record)
        # WAL + NORMAL loses the last commits on power loss; SQLite's default FULL would
        # hide a merely missing pragma, so the control sets the unsafe value explicitly.
        dbapi_connection.execute("PRAGMA synchronous=NORMAL")
        dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        dbapi_connection.execute("PRAGMA busy_timeout=0")


def test_negative_control_the_pragma_check_sees_unsafe_settings(sqlite_db: Database) -> None:
    relaxed = _RelaxedDatabase(sqlite_db.url, actor="tester")
    problems = _pragma_problems(relaxed)
    relaxed.dispose()
    for label in ("read", "write", "plain"):
        assert f"{label}: synchronous=1, want 2" in problems
        assert f"{label}: foreign_keys=0, want 1" in problems
        assert f"{label}: busy_timeout=0" in problems


# --- BEGIN IMMEDIATE ------------------------------------------------------------------------


def test_a_write_takes_the_lock_before_its_first_statement(sqlite_db: Database) -> None:
    rival = Database(sqlite_db.url, actor="tester", busy_timeout=0.05)
    with sqlite_db.write() as session:
        session.execute(text("SELECT 1"))  # nothing written yet, but the lock is held
        with pytest.raises(DatabaseError) as caught, rival.write() as other:
            other.execute(text("SELECT 1"))  # BEGIN IMMEDIATE already failed here
        assert caught.value.code == "database_busy"
        with rival.read() as other:  # readers are never held up (WAL)
            assert other.scalar(select(func.count()).select_from(Customer)) == 0
        registry.save_customer(session, CustomerForm("先到的客户"))
    with rival.write() as other:  # the lock went with the commit
        registry.save_customer(other, CustomerForm("后到的客户"))
    rival.dispose()


def test_negative_control_a_deferred_transaction_starts_under_the_lock(
    sqlite_db: Database,
) -> None:
    # What the check above rules out: a plain BEGIN gets going while another write is open
    # and only fails at its first write, after the user's work was done.
    rival = Database(sqlite_db.url, actor="tester", busy_timeout=0.05)
    with sqlite_db.write() as session:
        session.execute(text("SELECT 1"))
        with rival.engine.connect() as conn:
            conn.begin()
            assert conn.exec_driver_sql("SELECT count(*) FROM customer").scalar() == 0
            with pytest.raises(OperationalError, match="locked"):
                conn.exec_driver_sql("DELETE FROM team_setting")
            conn.rollback()
    rival.dispose()


# --- network shares -------------------------------------------------------------------------

MOUNTS = """\
22 1 8:1 / / rw,relatime - ext4 /dev/sda1 rw
30 22 0:40 / /mnt/share rw - cifs //fileserver/share rw
31 22 0:41 / /mnt/share/local rw - ext4 /dev/sdb1 rw
32 22 0:42 / /srv/nfs rw - nfs4 server:/export rw
33 22 0:43 / /mnt/my\\040drive rw - smb3 //nas/drive rw
34 22 0:44 / /home/u/remote rw,nosuid - fuse.sshfs u@host:/ rw
"""


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/home/u/supportdesk.db", None),  # a local ext4 disk
        ("/mnt/share/x.db", "cifs"),
        ("/mnt/share", "cifs"),
        ("/mnt/share/local/x.db", None),  # the longest mount point wins
        ("/mnt/sharex/x.db", None),  # a prefix of the name is not a parent folder
        ("/srv/nfs/deep/x.db", "nfs4"),
        ("/srv/nfsother/x.db", None),
        ("/mnt/my drive/x.db", "smb3"),  # mountinfo escapes the space as \040
        ("/home/u/remote/x.db", "fuse.sshfs"),
        ("\\\\server\\share\\x.db", "unc"),
        ("//server/share/x.db", "unc"),
        ("\\\\?\\UNC\\server\\share\\x.db", "unc"),
    ],
)
def test_network_file_systems_are_recognised(path: str, expected: str | None) -> None:
    assert network_fs_type(Path(path), MOUNTS) == expected


def test_the_real_mount_table_puts_tmp_on_a_local_disk(tmp_path: Path) -> None:
    assert network_fs_type(tmp_path / "x.db") is None


@pytest.mark.parametrize(
    "url", ["sqlite://///server/share/supportdesk.db", "sqlite:///\\\\server\\share\\x.db"]
)
def test_sqlite_on_a_unc_share_is_refused_with_a_pointer_to_postgresql(url: str) -> None:
    with pytest.raises(DatabaseError) as caught:
        Database(url)
    assert (caught.value.code, caught.value.params["fs"]) == ("sqlite_on_network_share", "unc")
    assert "PostgreSQL" in describe(caught.value)


def _mount_table(tmp_path: Path, fstype: str) -> Path:
    share = tmp_path / "share"
    share.mkdir()
    (tmp_path / "link").symlink_to(share)
    table = tmp_path / "mountinfo"
    table.write_text(
        f"22 1 8:1 / / rw - ext4 /dev/sda1 rw\n40 22 0:50 / {share} rw - {fstype} srv:/x rw\n",
        encoding="utf-8",
    )
    return table


@pytest.mark.parametrize("folder", ["share", "link"])  # the link leads onto the share
def test_sqlite_on_a_network_mount_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str
) -> None:
    monkeypatch.setattr(engine_module, "MOUNTINFO", _mount_table(tmp_path, "nfs"))
    with pytest.raises(DatabaseError) as caught:
        Database(f"sqlite:///{tmp_path / folder / 'supportdesk.db'}")
    assert (caught.value.code, caught.value.params["fs"]) == ("sqlite_on_network_share", "nfs")
    assert not (tmp_path / "share" / "supportdesk.db").exists()  # refused before opening


def test_negative_control_the_same_folder_on_a_local_disk_opens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_module, "MOUNTINFO", _mount_table(tmp_path, "ext4"))
    db = Database(f"sqlite:///{tmp_path / 'link' / 'supportdesk.db'}")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT 1").scalar() == 1
    db.dispose()


# --- disk full ------------------------------------------------------------------------------


def _limit_pages(db: Database, limit: dict[str, int]) -> None:
    """Every new connection may grow the file to `limit["pages"]` pages: a full disk."""

    def apply(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count={limit['pages']}")

    event.listen(db.engine, "connect", apply)
    db.engine.dispose()  # connections opened from now on pick the limit up


Writer = Callable[[Database, int, list[ContactForm]], None]


def _one_transaction(db: Database, _customer: int, forms: list[ContactForm]) -> None:
    with db.write() as s:
        for form in forms:
            registry.save_contact(s, form)


def _a_transaction_per_row(db: Database, _customer: int, forms: list[ContactForm]) -> None:
    for form in forms:
        with db.write() as s:
            registry.save_contact(s, form)


def _fill_a_full_disk(db: Database, writer: Writer) -> dict[str, Any]:
    """Save 300 contacts as one user action on a nearly full disk; report what was left."""
    with db.write() as s:
        customer = registry.save_customer(s, CustomerForm("客户")).id
    before = verify_audit(db).events
    with db.engine.connect() as conn:
        pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar() or 0)
    limit = {"pages": pages + 2}
    _limit_pages(db, limit)
    forms = [ContactForm(customer, f"联系人{n}" * 10, "很长的部门名称" * 10) for n in range(300)]
    error = None
    try:
        writer(db, customer, forms)
    except DatabaseError as caught:
        error = caught
    with db.read() as s:
        contacts = s.scalar(select(func.count()).select_from(Contact))
        events = s.scalar(select(func.count()).select_from(AuditEvent))
    limit["pages"] = 1_000_000  # space returns
    db.engine.dispose()
    return {
        "error": error.code if error else None,
        "message": describe(error) if error else "",
        "partial_rows": contacts,
        "new_events": (events or 0) - before,
    }


def test_disk_full_saves_nothing_and_recovers(sqlite_db: Database) -> None:
    outcome = _fill_a_full_disk(sqlite_db, _one_transaction)
    assert outcome["error"] == "disk_full"
    assert "disk" in str(outcome["message"]).lower()
    assert (outcome["partial_rows"], outcome["new_events"]) == (0, 0)
    # Space is back: the next action succeeds and nothing is damaged.
    with sqlite_db.write() as s:
        customer = registry.list_customers(s)[0].id
        registry.save_contact(s, ContactForm(customer, "王工"))
    assert sqlite_db.check_integrity() == []
    result = verify_audit(sqlite_db)
    assert result.ok, result


def test_negative_control_a_writer_split_into_transactions_leaves_partial_rows(
    sqlite_db: Database,
) -> None:
    # The same harness against a writer that commits row by row: it must see the damage.
    outcome = _fill_a_full_disk(sqlite_db, _a_transaction_per_row)
    assert outcome["error"] == "disk_full"
    assert isinstance(outcome["partial_rows"], int)
    assert 0 < outcome["partial_rows"] < 300
