"""The audit chain: appends in the caller's transaction; verify names the first broken event."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from supportdesk import cli
from supportdesk.db import audit
from supportdesk.db.engine import Database
from supportdesk.db.models import AuditEvent, AuditHead
from supportdesk.domain.registry import CustomerForm
from supportdesk.services import registry, users
from supportdesk.services.database import verify_audit
from tests.servers.postgres import PostgresServer


def _append(db: Database, n: int) -> None:
    with db.write() as session:
        for i in range(n):
            audit.append(session, "test.event", f"thing:{i}", {"i": i, "名": "值"})


def test_sound_chain_verifies(db: Database) -> None:
    _append(db, 20)
    result = verify_audit(db)
    assert result.ok
    assert result.events == 21  # the bootstrap admin event plus ours


def test_failed_change_rolls_back_its_event(db: Database) -> None:
    with pytest.raises(RuntimeError), db.write() as session:
        audit.append(session, "test.event", "x", {})
        raise RuntimeError
    assert verify_audit(db).events == 1


@pytest.mark.parametrize(
    ("tamper", "first_bad", "reason"),
    [
        ("UPDATE audit_event SET payload = '{\"i\":99}' WHERE seq = 5", 5, "hash_mismatch"),
        ("DELETE FROM audit_event WHERE seq = 7", 7, "missing"),
        ("DELETE FROM audit_event WHERE seq = 11", 11, "missing"),
        ("UPDATE audit_event SET actor = 'mallory' WHERE seq = 2", 2, "hash_mismatch"),
    ],
)
def test_tampering_is_found_at_the_first_bad_event(
    db: Database, tamper: str, first_bad: int, reason: str
) -> None:
    _append(db, 10)
    with db.engine.begin() as conn:
        conn.exec_driver_sql(tamper)
    result = verify_audit(db)
    assert not result.ok
    assert (result.first_bad, result.reason) == (first_bad, reason)


def test_a_removed_head_row_is_reported(db: Database) -> None:
    _append(db, 3)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM audit_head")
    result = verify_audit(db)
    assert (result.ok, result.first_bad, result.reason) == (False, 5, "head_missing")


def test_an_append_sees_the_newest_head_in_a_long_session(db: Database) -> None:
    # The head row may already sit in the session (read earlier in the same transaction)
    # while another writer appends: the append must still follow the newest head.
    with db.read() as s:
        assert s.get(AuditHead, 1) is not None
    other = Database(db.url, actor="tester")
    with db.write() as session:
        session.get(AuditHead, 1)  # stale from here on, had the append used the ORM object
        if not db.is_sqlite:  # on SQLite the IMMEDIATE lock keeps other writers out anyway
            with other.write() as s:
                audit.append(s, "test.other", "x")
        audit.append(session, "test.mine", "y")
    other.dispose()
    result = verify_audit(db)
    assert result.ok, result


# --- PostgreSQL: concurrent writers, authenticated actors -----------------------------------


def _unlocked_append(
    session: Session, action: str, target: str, payload: dict[str, Any] | None = None
) -> int:
    """The negative control: audit.append without locking the chain head first."""
    head_seq, head_hash = session.execute(
        select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1)
    ).one()
    seq, at, actor = head_seq + 1, datetime.now(UTC).isoformat(), audit.current_actor(session)
    body = audit.canonical_payload(payload or {})
    digest = audit.event_hash(seq, at, actor, action, target, body, head_hash)
    session.add(
        AuditEvent(
            seq=seq,
            at=at,
            actor=actor,
            action=action,
            target=target,
            payload=body,
            prev_hash=head_hash,
            hash=digest,
        )
    )
    session.flush()
    session.execute(
        text("UPDATE audit_head SET seq = :s, hash = :h WHERE id = 1"), {"s": seq, "h": digest}
    )
    return seq


def _hammer(url: str, append: Callable[..., int], writers: int, each: int) -> list[str]:
    """`writers` threads, each on its own connection, append `each` events in a transaction
    apiece; then check the chain. Returns what went wrong."""
    failures: list[str] = []
    db = Database(url)
    before = verify_audit(db).events
    start = threading.Barrier(writers)

    def run(worker: int) -> None:
        mine = Database(url)
        start.wait()
        for n in range(each):
            try:
                with mine.write() as s:
                    append(s, "test.append", f"writer:{worker}", {"n": n})
            except Exception as error:  # noqa: BLE001 - what went wrong is the result
                failures.append(f"writer {worker}: {type(error).__name__}")
        mine.dispose()

    threads = [threading.Thread(target=run, args=(w,)) for w in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    result = verify_audit(db)
    with db.read() as s:
        seqs = list(s.scalars(select(AuditEvent.seq).order_by(AuditEvent.seq)))
    db.dispose()
    problems = failures[:3] + ([f"{len(failures)} appends failed"] if failures else [])
    if not result.ok:
        problems.append(f"chain broken at {result.first_bad}: {result.reason}")
    if seqs != list(range(1, before + writers * each + 1)):
        problems.append(f"{len(seqs) - before} events, not {writers * each} contiguous ones")
    return problems


@pytest.mark.postgres
def test_eight_writers_never_fork_the_chain(pg_url: str) -> None:
    assert _hammer(pg_url, audit.append, 8, 250) == []


@pytest.mark.postgres
def test_negative_control_unlocked_appends_are_caught(pg_url: str) -> None:
    problems = _hammer(pg_url, _unlocked_append, 8, 25)
    assert any("appends failed" in p for p in problems)
    assert any("contiguous" in p for p in problems)


@pytest.fixture
def member(pg_server: PostgresServer, pg_url: str) -> Iterator[tuple[Database, Database]]:
    """(administrator, a team member signed in as audit_li but claiming to be someone else)."""
    admin = Database(pg_url)
    with admin.write() as s:
        users.ensure_first_admin(s)
        users.add_user(s, "audit_li", "engineer", password="audit-li-pw-1")
        users.add_user(s, "audit_wang", "engineer", password="audit-wang-pw-1")
    assert admin.url.database is not None
    li = Database(
        pg_server.url(admin.url.database, "audit_li", "audit-li-pw-1"), actor="audit_wang"
    )
    yield admin, li
    li.dispose()
    admin.dispose()


def _last(db: Database) -> AuditEvent:
    with db.read() as s:
        event = s.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
    assert event is not None
    return event


@pytest.mark.postgres
def test_the_actor_is_the_login_the_server_authenticated(
    member: tuple[Database, Database],
) -> None:
    admin, li = member
    with li.write() as s:
        s.info["actor"] = "audit_wang"  # whatever the client claims
        audit.append(s, "test.event", "thing:1")
        registry.save_customer(s, CustomerForm("华东电力"))
    assert (_last(admin).actor, _last(admin).action) == ("audit_li", "customer.add")
    with admin.read() as s:
        actors = list(s.scalars(select(AuditEvent.actor).where(AuditEvent.seq > 3)))
    assert actors == ["audit_li", "audit_li"]
    assert verify_audit(admin).ok


def _forged_insert(session: Session, actor: str) -> None:
    """A well-formed event under somebody else's name, written straight into the tables."""
    head_seq, head_hash = session.execute(select(AuditHead.seq, AuditHead.hash)).one()
    at, body = datetime.now(UTC).isoformat(), audit.canonical_payload({"forged": True})
    digest = audit.event_hash(
        head_seq + 1, at, actor, "vault.reveal", "credential:1", body, head_hash
    )
    session.execute(
        text(
            "INSERT INTO audit_event (seq, at, actor, action, target, payload, prev_hash, hash)"
            " VALUES (:seq, :at, :actor, 'vault.reveal', 'credential:1', :body, :prev, :hash)"
        ),
        {
            "seq": head_seq + 1,
            "at": at,
            "actor": actor,
            "body": body,
            "prev": head_hash,
            "hash": digest,
        },
    )
    session.execute(
        text("UPDATE audit_head SET seq = :s, hash = :h"), {"s": head_seq + 1, "h": digest}
    )


@pytest.mark.postgres
def test_a_team_member_cannot_forge_or_rewrite_events(member: tuple[Database, Database]) -> None:
    admin, li = member
    events = verify_audit(admin).events
    with pytest.raises(DBAPIError, match="permission denied"), li.write() as s:
        s.execute(text("UPDATE audit_event SET actor = 'audit_wang' WHERE seq = 2"))
    with pytest.raises(DBAPIError, match="not the signed-in login"), li.write() as s:
        _forged_insert(s, "audit_wang")
    with pytest.raises(DBAPIError, match="does not follow the chain head"), li.write() as s:
        s.execute(
            text(
                "INSERT INTO audit_event (seq, at, actor, action, target, payload, prev_hash,"
                " hash) VALUES (999, 'x', 'audit_li', 'a', 't', '{}', 'p', 'h')"
            )
        )
    result = verify_audit(admin)
    assert (result.ok, result.events) == (True, events)


@pytest.mark.postgres
def test_negative_control_the_chain_alone_cannot_see_a_well_formed_forgery(
    pg_url: str,
) -> None:
    # With the server's guard switched off (a superuser can), a forged event under another
    # name verifies: the hash algorithm is public, so the guard is what keeps actors honest.
    admin = Database(pg_url)
    with admin.write() as s:
        users.ensure_first_admin(s)
        s.execute(text("SET LOCAL session_replication_role = replica"))
        _forged_insert(s, "audit_wang")
    result = verify_audit(admin)
    last = _last(admin)
    admin.dispose()
    assert (result.ok, last.actor) == (True, "audit_wang")


# --- the command line -----------------------------------------------------------------------


def test_audit_verify_command_exit_codes(
    isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["db", "upgrade"]) == 0
    db = Database(f"sqlite:///{isolated_home / 'supportdesk.db'}", actor="tester")
    with db.write() as s:
        users.ensure_first_admin(s)
    _append(db, 9)
    capsys.readouterr()
    assert cli.main(["audit", "verify", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "ok": True,
        "events": 10,
        "first_bad": None,
        "reason": None,
    }
    assert cli.main(["audit", "verify"]) == 0
    assert capsys.readouterr().out == "ok: 10 events\n"
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE audit_event SET target = 'thing:x' WHERE seq = 6")
    db.dispose()
    assert cli.main(["audit", "verify", "--json"]) == 1
    assert json.loads(capsys.readouterr().out) == {
        "ok": False,
        "events": 6,
        "first_bad": 6,
        "reason": "hash_mismatch",
    }
    assert cli.main(["audit", "verify"]) == 1
    assert capsys.readouterr().out == "broken at event 6: hash_mismatch\n"
    assert cli.main(["db", "check", "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert (report["ok"], report["audit"]["first_bad"]) == (False, 6)
