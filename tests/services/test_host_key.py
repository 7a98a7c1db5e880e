"""Host keys (issue 5): a first key is accepted explicitly and audited; a changed one only by
the group leader, with a reason and both fingerprints in the audit chain."""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from supportdesk.db.engine import Database
from supportdesk.db.models import AuditEvent
from supportdesk.domain.errors import PermissionDeniedError, ValidationError
from supportdesk.domain.registry import CustomerForm, HostForm, ProjectForm, SystemForm
from supportdesk.domain.remote import HostKey
from supportdesk.services import host_key, registry
from supportdesk.services.database import verify_audit
from tests.services.test_vault_team import Team


def _key() -> HostKey:
    return HostKey("ssh-ed25519", base64.b64encode(os.urandom(51)).decode())


def _host(db: Database) -> int:
    with db.write() as s:
        customer = registry.save_customer(s, CustomerForm("主机密钥客户"))
        project = registry.save_project(s, ProjectForm(customer.id, "项目"))
        system = registry.save_system(s, SystemForm(project.id, "系统"))
        return registry.save_host(s, HostForm(system.id, "app01", "10.1.1.1")).id


def _events(db: Database) -> list[tuple[str, str, dict[str, object]]]:
    with db.read() as s:
        rows = s.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
        return [(e.actor, e.action, json.loads(e.payload)) for e in rows]


@pytest.fixture
def team(request: pytest.FixtureRequest, db: Database) -> Iterator[Team]:
    made = Team(request, db)
    yield made
    made.close()


def test_a_first_key_is_accepted_once_and_audited(team: Team) -> None:
    host = _host(team.db)
    first, other = _key(), _key()
    engineer = team.user("eng")
    eng_db = team.login(engineer)
    with eng_db.read() as s:
        assert host_key.known_key(s, host) is None
    with eng_db.write() as s:
        host_key.accept_first(s, host, first)
    with eng_db.write() as s:
        host_key.accept_first(s, host, first)  # the same key again: nothing happens
    actor, action, payload = _events(team.db)[-1]
    assert (actor, action) == (engineer, "host_key.accept")
    assert payload == {"host": "app01", "key_type": "ssh-ed25519", "fingerprint": first.fingerprint}
    assert len([e for e in _events(team.db) if e[1] == "host_key.accept"]) == 1
    # A different key is a change: not through first acceptance.
    with pytest.raises(ValidationError) as caught, eng_db.write() as s:
        host_key.accept_first(s, host, other)
    assert caught.value.code == "host_key_exists"
    with team.db.read() as s:
        assert host_key.known_key(s, host) == first


def test_only_the_group_leader_replaces_a_key_and_must_say_why(team: Team) -> None:
    host = _host(team.db)
    first, new = _key(), _key()
    with team.db.write() as s:
        host_key.accept_first(s, host, first)
    eng_db = team.login(team.user("eng"))
    with pytest.raises(PermissionDeniedError), eng_db.write() as s:
        host_key.replace(s, host, new, "重装了系统")
    leader = team.user("leader", "group_leader")
    leader_db = team.login(leader)
    with pytest.raises(ValidationError) as caught, leader_db.write() as s:
        host_key.replace(s, host, new, "  ")
    assert (caught.value.field, caught.value.code) == ("reason", "required")
    with leader_db.write() as s:
        host_key.replace(s, host, new, "客户重装了系统，已电话核对指纹")
    with team.db.read() as s:
        assert host_key.known_key(s, host) == new
    actor, action, payload = _events(team.db)[-1]
    assert (actor, action) == (leader, "host_key.replace")
    assert payload == {
        "host": "app01",
        "old": first.fingerprint,
        "new": new.fingerprint,
        "reason": "客户重装了系统，已电话核对指纹",
    }
    assert verify_audit(team.db).ok


def test_sales_cannot_accept_keys(team: Team) -> None:
    host = _host(team.db)
    sales_db = team.login(team.user("sales", "salesperson"))
    with pytest.raises(PermissionDeniedError), sales_db.write() as s:
        host_key.accept_first(s, host, _key())


def test_deleting_a_host_deletes_its_key(team: Team) -> None:
    host = _host(team.db)
    with team.db.write() as s:
        host_key.accept_first(s, host, _key())
    eng_db = team.login(team.user("eng"))
    with eng_db.write() as s:
        registry.delete_host(s, host)
    with team.db.read() as s:
        assert host_key.known_key(s, host) is None
