"""Two people save one record: exactly one wins, the other is told who changed it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytest

from supportdesk.db.engine import Database
from supportdesk.domain.errors import ConflictError
from supportdesk.domain.registry import ContactForm, CustomerForm
from supportdesk.services import registry, users
from supportdesk.services.database import verify_audit
from tests.servers.postgres import PostgresServer

TRIALS = 100


@dataclass(frozen=True)
class Person:
    login: str
    db: Database


@pytest.fixture
def team(pg_server: PostgresServer, pg_url: str) -> Iterator[tuple[Database, Person, Person]]:
    """An administrator and two engineers, each signed in with their own PostgreSQL login."""
    admin = Database(pg_url)
    with admin.write() as s:
        users.ensure_first_admin(s)
        users.add_user(s, "conflict_ann", "engineer", password="ann-pw-1")
        users.add_user(s, "conflict_ben", "engineer", password="ben-pw-1")
    name = admin.url.database
    assert name is not None
    # The actor a client claims is ignored on PostgreSQL: the login decides.
    ann = Person(
        "conflict_ann", Database(pg_server.url(name, "conflict_ann", "ann-pw-1"), actor="x")
    )
    ben = Person(
        "conflict_ben", Database(pg_server.url(name, "conflict_ben", "ben-pw-1"), actor="x")
    )
    yield admin, ann, ben
    for db in (admin, ann.db, ben.db):
        db.dispose()


def _race(admin: Database, people: tuple[Person, Person], key: int, checked: bool) -> list[str]:
    """TRIALS times: both load the record, then both save it at once. Returns what went wrong.

    `checked=False` saves without the version the editor loaded (last write wins): the
    negative control, which this harness must catch.
    """
    problems: list[str] = []
    for trial in range(TRIALS):
        loaded = threading.Barrier(2)

        def save(person: Person, trial: int = trial, loaded: threading.Barrier = loaded) -> str:
            with person.db.read() as s:
                row = registry.get_customer(s, key)
            loaded.wait()  # both hold version v before either saves
            form = CustomerForm(
                row.name,
                f"{person.login}-{trial}",
                id=row.id,
                version=row.version if checked else None,
            )
            try:
                with person.db.write() as s:
                    registry.save_customer(s, form)
            except ConflictError as error:
                return f"conflict:{error.changed_by}"
            return f"won:{person.login}"

        with admin.read() as s:
            version = registry.get_customer(s, key).version
        with ThreadPoolExecutor(2) as pool:
            outcomes = list(pool.map(save, people))
        with admin.read() as s:
            saved = registry.get_customer(s, key)
        winners = [o.removeprefix("won:") for o in outcomes if o.startswith("won:")]
        if len(winners) != 1:
            problems.append(f"trial {trial}: {len(winners)} winners {outcomes}")
            continue
        if sorted(outcomes) != sorted([f"won:{winners[0]}", f"conflict:{winners[0]}"]):
            problems.append(f"trial {trial}: the loser was not told who won: {outcomes}")
        if (saved.short_name, saved.updated_by) != (f"{winners[0]}-{trial}", winners[0]):
            problems.append(f"trial {trial}: saved {saved.short_name} by {saved.updated_by}")
        if saved.version != version + 1:
            problems.append(f"trial {trial}: version {version} -> {saved.version}")
    return problems


@pytest.mark.postgres
def test_two_people_save_one_record_exactly_one_wins(
    team: tuple[Database, Person, Person],
) -> None:
    admin, ann, ben = team
    with admin.write() as s:
        key = registry.save_customer(s, CustomerForm("华东电力")).id
    assert _race(admin, (ann, ben), key, checked=True) == []
    result = verify_audit(admin)
    # One audit event per winning save, and the chain stayed whole.
    assert (result.ok, result.events) == (True, 3 + 1 + TRIALS)


@pytest.mark.postgres
def test_negative_control_saves_without_the_version_overwrite_silently(
    team: tuple[Database, Person, Person],
) -> None:
    admin, ann, ben = team
    with admin.write() as s:
        key = registry.save_customer(s, CustomerForm("华东电力")).id
    problems = _race(admin, (ann, ben), key, checked=False)
    assert len(problems) == TRIALS
    assert all("2 winners" in p for p in problems)


def test_a_stale_save_names_who_changed_the_record(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        users.add_user(s, "lisi", "engineer")
        key = registry.save_customer(s, CustomerForm("华东电力")).id
        contact = registry.save_contact(s, ContactForm(key, "王工"))
    lisi = Database(sqlite_db.url, actor="lisi")
    with sqlite_db.read() as s:
        mine = registry.get_customer(s, key)  # the editor opens the record...
    with lisi.write() as s:  # ...somebody else saves it meanwhile...
        registry.save_customer(s, CustomerForm("华东电力", "华东", id=key, version=mine.version))
    with pytest.raises(ConflictError) as caught, sqlite_db.write() as s:  # ...then the editor
        registry.save_customer(s, CustomerForm("华东电力", "华电", id=key, version=mine.version))
    assert (caught.value.entity, caught.value.changed_by) == ("customer", "lisi")
    with pytest.raises(ConflictError), sqlite_db.write() as s:  # deleting a stale copy too
        registry.delete_customer(s, key, version=mine.version)
    with sqlite_db.read() as s:
        now = registry.get_customer(s, key)
    assert (now.short_name, now.version, now.updated_by) == ("华东", mine.version + 1, "lisi")
    # Saving what was just loaded works.
    with sqlite_db.write() as s:
        registry.save_contact(
            s, ContactForm(key, "王工", "信息科", id=contact.id, version=contact.version)
        )
    lisi.dispose()


def test_a_stale_save_is_refused_on_both_engines(db: Database) -> None:
    with db.write() as s:
        key = registry.save_customer(s, CustomerForm("客户")).id
    with db.write() as s:
        registry.save_customer(s, CustomerForm("客户", "第一次", id=key, version=1))
    with pytest.raises(ConflictError) as caught, db.write() as s:
        registry.save_customer(s, CustomerForm("客户", "第二次", id=key, version=1))
    with db.read() as s:
        row = registry.get_customer(s, key)
    assert caught.value.changed_by == row.updated_by
    assert (row.short_name, row.version) == ("第一次", 2)
