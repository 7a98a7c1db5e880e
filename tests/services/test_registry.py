"""Registry services on SQLite and PostgreSQL: validation, audit, conflicts, cascades, search."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import NoResultFound
from sqlalchemy.orm import Session

from supportdesk.db.engine import Database
from supportdesk.db.models import (
    AuditEvent,
    AuditHead,
    Base,
    Contact,
    Contract,
    Customer,
    Host,
    Project,
    System,
)
from supportdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from supportdesk.domain.registry import (
    ContactForm,
    ContractForm,
    CustomerForm,
    HostForm,
    ProjectForm,
    SystemForm,
)
from supportdesk.services import registry, users
from tests.servers.postgres import PostgresServer

MODELS: tuple[type[Base], ...] = (Customer, Contact, Project, System, Host, Contract)
Ids = dict[str, int]


def _events(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def _counts(db: Database) -> dict[str, int]:
    with db.read() as s:
        return {m.__name__: int(s.scalar(select(func.count()).select_from(m)) or 0) for m in MODELS}


def _last_event(db: Database) -> AuditEvent:
    with db.read() as s:
        event = s.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
    assert event is not None
    return event


def _tree(db: Database, name: str = "华东电力调度中心") -> Ids:
    """customer → contact, project → system → host, contract: one of each, in Chinese."""
    with db.write() as s:
        c = registry.save_customer(s, CustomerForm(name, name[:4], "上海"))
        k = registry.save_contact(
            s, ContactForm(c.id, "王工", "信息科", "13800000000", "wang@example.cn", emergency=True)
        )
        p = registry.save_project(
            s, ProjectForm(c.id, "调度平台", "HD-2025-01", acceptance_date=date(2026, 3, 31))
        )
        sy = registry.save_system(s, SystemForm(p.id, "调度平台生产"))
        h = registry.save_host(s, HostForm(sy.id, "app01", "10.1.2.3", user="ops", tags=("app",)))
        m = registry.save_contract(s, ContractForm(sy.id, date(2026, 4, 1), date(2027, 3, 31)))
    return {
        "customer": c.id,
        "contact": k.id,
        "project": p.id,
        "system": sy.id,
        "host": h.id,
        "contract": m.id,
    }


PASSWORD = "editor-pw-1"


def _editor(db: Database, request: pytest.FixtureRequest, login: str) -> Database:
    """A second person editing the registry: on PostgreSQL a real login of their own."""
    with db.write() as s:
        users.add_user(s, login, "engineer", password=None if db.is_sqlite else PASSWORD)
    if db.is_sqlite:
        return Database(db.url, actor=login)
    server: PostgresServer = request.getfixturevalue("pg_server")
    assert db.url.database is not None
    return Database(server.url(db.url.database, user=login, password=PASSWORD))


@pytest.fixture
def editors(db: Database, request: pytest.FixtureRequest) -> Iterator[tuple[Database, Database]]:
    """zhangsan and wangwu, two engineers, each connected as themself."""
    pair = (_editor(db, request, "zhangsan"), _editor(db, request, "wangwu"))
    yield pair
    for editor in pair:
        editor.dispose()


# --- create, read, edit, delete --------------------------------------------------------


def test_create_and_read_back_the_whole_tree(db: Database) -> None:
    ids = _tree(db)
    with db.read() as s:
        customer = registry.get_customer(s, ids["customer"])
        (contact,) = registry.list_contacts(s, ids["customer"])
        (project,) = registry.list_projects(s, ids["customer"])
        (system,) = registry.list_systems(s, ids["project"])
        (host,) = registry.hosts_by_ids(s, [ids["host"]])
        (contract,) = registry.list_contracts(s, ids["system"])
    assert (customer.name, customer.short_name, customer.region) == (
        "华东电力调度中心",
        "华东电力",
        "上海",
    )
    assert (customer.contacts, customer.projects, customer.version) == (1, 1, 1)
    assert (contact.name, contact.phone, contact.emergency) == ("王工", "13800000000", True)
    assert (project.customer, project.contract_no, project.acceptance_date) == (
        "华东电力调度中心",
        "HD-2025-01",
        date(2026, 3, 31),
    )
    assert (system.customer, system.project, system.environment, system.under_maintenance) == (
        "华东电力调度中心",
        "调度平台",
        "production",
        True,
    )
    assert (host.customer, host.system, host.port, host.user, host.tags) == (
        "华东电力调度中心",
        "调度平台生产",
        22,
        "ops",
        ("app",),
    )
    assert (contract.kind, contract.notice_months, contract.notice_on()) == (
        "free",
        3,
        date(2026, 12, 31),
    )


def test_every_kind_of_record_can_be_edited(db: Database) -> None:
    ids = _tree(db)
    with db.read() as s:
        c = registry.get_customer(s, ids["customer"])
        (k,) = registry.list_contacts(s, c.id)
        (p,) = registry.list_projects(s, c.id)
        (sy,) = registry.list_systems(s, p.id)
        (h,) = registry.hosts_by_ids(s, [ids["host"]])
        (m,) = registry.list_contracts(s, sy.id)
    before = _events(db)
    with db.write() as s:
        c2 = registry.save_customer(
            s, CustomerForm("华东电网", "华东", "杭州", id=c.id, version=c.version)
        )
        k2 = registry.save_contact(
            s, ContactForm(c.id, "李工", "运维", "021-65432100", id=k.id, version=k.version)
        )
        p2 = registry.save_project(
            s, ProjectForm(c.id, "调度平台二期", "HD-2026-02", id=p.id, version=p.version)
        )
        sy2 = registry.save_system(
            s, SystemForm(p.id, "调度平台测试", "test", False, id=sy.id, version=sy.version)
        )
        h2 = registry.save_host(
            s,
            HostForm(
                sy.id,
                "app02",
                "app02.hd.example.cn",
                2222,
                "root",
                tags=("应用", "web"),
                id=h.id,
                version=h.version,
            ),
        )
        m2 = registry.save_contract(
            s,
            ContractForm(
                sy.id,
                date(2026, 4, 1),
                date(2028, 3, 31),
                "paid",
                None,
                6,
                id=m.id,
                version=m.version,
            ),
        )
    assert (c2.name, c2.region, c2.version) == ("华东电网", "杭州", 2)
    assert (k2.name, k2.phone, k2.emergency, k2.version) == ("李工", "021-65432100", False, 2)
    assert (p2.name, p2.customer, p2.version) == ("调度平台二期", "华东电网", 2)
    assert (sy2.name, sy2.environment, sy2.under_maintenance, sy2.version) == (
        "调度平台测试",
        "test",
        False,
        2,
    )
    assert (h2.address, h2.port, h2.tags, h2.customer, h2.version) == (
        "app02.hd.example.cn",
        2222,
        ("应用", "web"),
        "华东电网",
        2,
    )
    assert (m2.kind, m2.notice_months, m2.notice_on(), m2.version) == (
        "paid",
        6,
        date(2027, 9, 30),
        2,
    )
    assert _events(db) == before + 6
    with db.read() as s:
        actions = [
            (action, target)
            for action, target in s.execute(
                select(AuditEvent.action, AuditEvent.target)
                .where(AuditEvent.seq > before)
                .order_by(AuditEvent.seq)
            )
        ]
    assert actions == [
        ("customer.update", f"customer:{c.id}"),
        ("contact.update", f"contact:{k.id}"),
        ("project.update", f"project:{p.id}"),
        ("system.update", f"system:{sy.id}"),
        ("host.update", f"host:{h.id}"),
        ("contract.update", f"contract:{m.id}"),
    ]


@pytest.mark.parametrize(
    ("entity", "gone"),
    [
        ("contact", {"Contact"}),
        ("host", {"Host"}),
        ("contract", {"Contract"}),
        ("system", {"System", "Host", "Contract"}),
        ("project", {"Project", "System", "Host", "Contract"}),
        ("customer", {"Customer", "Contact", "Project", "System", "Host", "Contract"}),
    ],
)
def test_delete_removes_the_record_and_everything_under_it(
    db: Database, entity: str, gone: set[str]
) -> None:
    ids = _tree(db)
    _tree(db, "北京市自来水集团")  # a neighbour that must survive
    before, events = _counts(db), _events(db)
    deleters: dict[str, Callable[[Session, int], None]] = {
        "contact": registry.delete_contact,
        "host": registry.delete_host,
        "contract": registry.delete_contract,
        "system": registry.delete_system,
        "project": registry.delete_project,
        "customer": registry.delete_customer,
    }
    with db.write() as s:
        deleters[entity](s, ids[entity])
    after = _counts(db)
    assert after == {name: n - (name in gone) for name, n in before.items()}
    assert _events(db) == events + 1  # one event for the delete, cascade included
    event = _last_event(db)
    assert (event.action, event.target) == (f"{entity}.delete", f"{entity}:{ids[entity]}")
    with pytest.raises(NotFoundError), db.write() as s:  # already gone
        deleters[entity](s, ids[entity])


def test_deleting_a_jump_host_clears_it_on_the_hosts_behind_it(db: Database) -> None:
    ids = _tree(db)
    with db.write() as s:
        inner = registry.save_host(
            s, HostForm(ids["system"], "db01", "10.1.2.4", jump_host_id=ids["host"])
        )
    with db.write() as s:
        registry.delete_host(s, ids["host"])
    with db.read() as s:
        (row,) = registry.hosts_by_ids(s, [inner.id])
    assert (row.jump_host_id, row.jump_host) == (None, None)


# --- bad input names the field and changes nothing ------------------------------------------

Case = tuple[Callable[[Session, Ids], object], str, str]

LONG_EMAIL = "a" * 190 + "@example.cn"  # well-formed, but wider than the column


def _host(ids: Ids, **changes: Any) -> HostForm:
    return replace(HostForm(ids["system"], "db01", "10.0.0.9"), **changes)


def _contract(ids: Ids, **changes: Any) -> ContractForm:
    form = ContractForm(ids["system"], date(2027, 4, 1), date(2028, 3, 31))
    return replace(form, **changes)


BAD_INPUT: dict[str, list[Case]] = {
    "customer": [
        (lambda s, i: registry.save_customer(s, CustomerForm("  ")), "name", "required"),
        (lambda s, i: registry.save_customer(s, CustomerForm("电" * 201)), "name", "too_long"),
        (
            lambda s, i: registry.save_customer(s, CustomerForm("甲", "简" * 101)),
            "short_name",
            "too_long",
        ),
        (
            lambda s, i: registry.save_customer(s, CustomerForm("甲", engineer="ghost")),
            "engineer",
            "unknown_user",
        ),
    ],
    "contact": [
        (lambda s, i: registry.save_contact(s, ContactForm(i["customer"], "")), "name", "required"),
        (
            lambda s, i: registry.save_contact(s, ContactForm(i["customer"], "王", phone="电话")),
            "phone",
            "bad_phone",
        ),
        (
            lambda s, i: registry.save_contact(s, ContactForm(i["customer"], "王", email="wang@")),
            "email",
            "bad_email",
        ),
        (
            lambda s, i: registry.save_contact(
                s, ContactForm(i["customer"], "王", email=LONG_EMAIL)
            ),
            "email",
            "too_long",
        ),
        (
            lambda s, i: registry.save_contact(s, ContactForm(999_999, "王")),
            "customer",
            "not_found",
        ),
    ],
    "project": [
        (lambda s, i: registry.save_project(s, ProjectForm(i["customer"], "")), "name", "required"),
        (
            lambda s, i: registry.save_project(s, ProjectForm(i["customer"], "项", "号" * 101)),
            "contract_no",
            "too_long",
        ),
        (
            lambda s, i: registry.save_project(s, ProjectForm(999_999, "项")),
            "customer",
            "not_found",
        ),
    ],
    "system": [
        (lambda s, i: registry.save_system(s, SystemForm(i["project"], "")), "name", "required"),
        (
            lambda s, i: registry.save_system(s, SystemForm(i["project"], "系统", "生产")),
            "environment",
            "bad_choice",
        ),
        (lambda s, i: registry.save_system(s, SystemForm(999_999, "系统")), "project", "not_found"),
    ],
    "host": [
        (lambda s, i: registry.save_host(s, _host(i, name=" ")), "name", "required"),
        (
            lambda s, i: registry.save_host(s, _host(i, address="not an address!")),
            "address",
            "bad_address",
        ),
        (
            lambda s, i: registry.save_host(s, _host(i, address="999.1.1.1")),
            "address",
            "bad_address",
        ),
        (lambda s, i: registry.save_host(s, _host(i, address="服务器")), "address", "bad_address"),
        (lambda s, i: registry.save_host(s, _host(i, port=0)), "port", "bad_port"),
        (lambda s, i: registry.save_host(s, _host(i, port=65536)), "port", "bad_port"),
        (lambda s, i: registry.save_host(s, _host(i, tags=("a b",))), "tags", "tag_has_space"),
        (
            lambda s, i: registry.save_host(s, _host(i, tags=("华东\u3000机房",))),
            "tags",
            "tag_has_space",
        ),
        (
            lambda s, i: registry.save_host(
                s, _host(i, tags=tuple(f"t{n:03}" for n in range(100)))
            ),
            "tags",
            "too_long",
        ),
        (
            lambda s, i: registry.save_host(s, _host(i, jump_host_id=999_999)),
            "jump_host",
            "jump_host_other_system",
        ),
        (lambda s, i: registry.save_host(s, _host(i, system_id=999_999)), "system", "not_found"),
    ],
    "contract": [
        (
            lambda s, i: registry.save_contract(s, _contract(i, end=date(2027, 3, 31))),
            "end",
            "end_before_start",
        ),
        (
            lambda s, i: registry.save_contract(s, _contract(i, notice_months=25)),
            "notice_months",
            "bad_notice_months",
        ),
        (lambda s, i: registry.save_contract(s, _contract(i, kind="免费")), "kind", "bad_choice"),
        (
            lambda s, i: registry.save_contract(s, _contract(i, salesperson="ghost")),
            "salesperson",
            "unknown_user",
        ),
        (
            lambda s, i: registry.save_contract(s, _contract(i, system_id=999_999)),
            "system",
            "not_found",
        ),
    ],
}


@pytest.mark.parametrize("entity", list(BAD_INPUT))
def test_bad_input_names_the_field_and_changes_nothing(db: Database, entity: str) -> None:
    ids = _tree(db)
    before, events = _counts(db), _events(db)
    for action, field, code in BAD_INPUT[entity]:
        with pytest.raises(ValidationError) as caught, db.write() as s:
            action(s, ids)
        assert (caught.value.field, caught.value.code) == (field, code)
        assert _counts(db) == before, (field, code)
        assert _events(db) == events, (field, code)


def test_bad_edit_leaves_the_stored_record_as_it_was(db: Database) -> None:
    ids = _tree(db)
    with db.read() as s:
        (h,) = registry.hosts_by_ids(s, [ids["host"]])
    events = _events(db)
    with pytest.raises(ValidationError) as caught, db.write() as s:
        registry.save_host(
            s, HostForm(h.system_id, "app01", "10.1.2.3", port=0, id=h.id, version=h.version)
        )
    assert caught.value.field == "port"
    with db.read() as s:
        assert registry.hosts_by_ids(s, [h.id]) == [h]
    assert _events(db) == events


def test_editing_a_record_that_is_gone_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError), db.write() as s:
        registry.save_customer(s, CustomerForm("客户", id=999_999, version=1))


# --- duplicates --------------------------------------------------------------------------


def test_duplicate_names_are_refused_per_parent(db: Database) -> None:
    ids = _tree(db)
    duplicates: list[Callable[[Session], object]] = [
        lambda s: registry.save_customer(s, CustomerForm(" 华东电力调度中心 ")),
        lambda s: registry.save_project(s, ProjectForm(ids["customer"], "调度平台")),
        lambda s: registry.save_system(s, SystemForm(ids["project"], "调度平台生产")),
        lambda s: registry.save_host(s, HostForm(ids["system"], "app01", "10.9.9.9")),
    ]
    events = _events(db)
    for action in duplicates:
        with pytest.raises(ValidationError) as caught, db.write() as s:
            action(s)
        assert (caught.value.field, caught.value.code) == ("name", "duplicate")
    assert _events(db) == events
    # The same names under another parent are fine.
    other = _tree(db, "北京市自来水集团")
    with db.write() as s:
        registry.save_system(s, SystemForm(other["project"], "调度平台测试"))


def test_renaming_onto_an_existing_name_is_a_duplicate(db: Database) -> None:
    _tree(db)
    other = _tree(db, "北京市自来水集团")
    with db.read() as s:
        c = registry.get_customer(s, other["customer"])
    with pytest.raises(ValidationError) as caught, db.write() as s:
        registry.save_customer(s, CustomerForm("华东电力调度中心", id=c.id, version=c.version))
    assert (caught.value.field, caught.value.code) == ("name", "duplicate")


def test_a_refused_duplicate_does_not_break_the_transaction(db: Database) -> None:
    # The duplicate's INSERT fails inside a savepoint: on PostgreSQL the rest of the
    # transaction stays usable, and only what succeeded is committed and audited.
    _tree(db)
    events = _events(db)
    with db.write() as s:
        with pytest.raises(ValidationError):
            registry.save_customer(s, CustomerForm("华东电力调度中心"))
        registry.save_customer(s, CustomerForm("国网江苏"))
    with db.read() as s:
        assert [c.name for c in registry.list_customers(s)] == ["华东电力调度中心", "国网江苏"]
    assert _events(db) == events + 1


# --- jump hosts and users ------------------------------------------------------------------


def test_jump_host_must_be_another_host_of_the_same_system(db: Database) -> None:
    ids = _tree(db)
    with db.write() as s:
        other_system = registry.save_system(s, SystemForm(ids["project"], "测试"))
        stranger = registry.save_host(s, HostForm(other_system.id, "x", "10.0.0.5"))
        inner = registry.save_host(
            s, HostForm(ids["system"], "db01", "10.0.0.6", jump_host_id=ids["host"])
        )
    assert (inner.jump_host_id, inner.jump_host) == (ids["host"], "app01")
    with pytest.raises(ValidationError) as caught, db.write() as s:
        registry.save_host(s, HostForm(ids["system"], "db02", "10.0.0.7", jump_host_id=stranger.id))
    assert (caught.value.field, caught.value.code) == ("jump_host", "jump_host_other_system")
    with pytest.raises(ValidationError) as caught, db.write() as s:
        registry.save_host(
            s,
            replace(
                _host(ids, name="db01", address="10.0.0.6"),
                id=inner.id,
                version=inner.version,
                jump_host_id=inner.id,
            ),
        )
    assert (caught.value.field, caught.value.code) == ("jump_host", "jump_host_self")


def test_jump_hosts_cannot_form_a_loop(db: Database) -> None:
    ids = _tree(db)
    with db.write() as s:
        b = registry.save_host(s, _host(ids, name="b", jump_host_id=ids["host"]))
        c = registry.save_host(s, _host(ids, name="c", jump_host_id=b.id))
        (a,) = registry.hosts_by_ids(s, [ids["host"]])
    # app01 → c → b → app01 would never connect.
    with pytest.raises(ValidationError) as caught, db.write() as s:
        registry.save_host(
            s,
            HostForm(a.system_id, a.name, a.address, jump_host_id=c.id, id=a.id, version=a.version),
        )
    assert (caught.value.field, caught.value.code) == ("jump_host", "jump_host_cycle")


def test_engineer_and_salesperson_must_be_known_logins(db: Database) -> None:
    ids = _tree(db)
    with db.write() as s:
        users.add_user(s, "zhangsan", "engineer", "张三", password=None if db.is_sqlite else "pw-1")
        users.add_user(s, "lisi", "salesperson", "李四", password=None if db.is_sqlite else "pw-2")
        customer = registry.save_customer(s, CustomerForm("国网江苏", engineer="zhangsan"))
        contract = registry.save_contract(s, _contract(ids, salesperson="lisi"))
    assert (customer.engineer, contract.salesperson) == ("zhangsan", "lisi")
    for action, field in (
        (lambda s: registry.save_customer(s, CustomerForm("乙", engineer="lisi2")), "engineer"),
        (lambda s: registry.save_contract(s, _contract(ids, salesperson="张三")), "salesperson"),
    ):
        with pytest.raises(ValidationError) as caught, db.write() as s:
            action(s)
        assert (caught.value.field, caught.value.code) == (field, "unknown_user")


# --- conflicts: a stale save names who changed the record -----------------------------------


def test_stale_save_names_the_other_editor(
    db: Database, editors: tuple[Database, Database]
) -> None:
    me, other = editors
    ids = _tree(db)
    with me.read() as s:
        mine = registry.get_customer(s, ids["customer"])
        (my_host,) = registry.hosts_by_ids(s, [ids["host"]])
    with other.write() as s:  # wangwu saves first
        registry.save_customer(
            s, CustomerForm(mine.name, "新简称", id=mine.id, version=mine.version)
        )
        registry.save_host(
            s,
            HostForm(
                my_host.system_id, "app01", "10.1.2.30", id=my_host.id, version=my_host.version
            ),
        )
    events = _events(db)
    with pytest.raises(ConflictError) as caught, me.write() as s:
        registry.save_customer(
            s, CustomerForm(mine.name, "我的简称", id=mine.id, version=mine.version)
        )
    assert (caught.value.entity, caught.value.changed_by) == ("customer", "wangwu")
    with pytest.raises(ConflictError) as caught, me.write() as s:
        registry.delete_host(s, my_host.id, my_host.version)
    assert (caught.value.entity, caught.value.changed_by) == ("host", "wangwu")
    assert _events(db) == events
    with db.read() as s:
        stored = registry.get_customer(s, mine.id)
        (host,) = registry.hosts_by_ids(s, [my_host.id])
    assert (stored.short_name, stored.updated_by, stored.version) == ("新简称", "wangwu", 2)
    assert host.address == "10.1.2.30"
    # Reloaded, my change goes through and is mine.
    with me.write() as s:
        saved = registry.save_customer(
            s, CustomerForm(mine.name, "我的简称", id=mine.id, version=stored.version)
        )
    assert (saved.short_name, saved.updated_by) == ("我的简称", "zhangsan")
    assert _last_event(db).actor == "zhangsan"


# --- the audit chain: one event per change, in the same transaction ---------------------------


def test_every_change_appends_one_event_with_actor_and_payload(db: Database) -> None:
    before = _events(db)
    ids = _tree(db)
    assert _events(db) == before + 6
    event = _last_event(db)
    with db.read() as s:
        me = users.current_user(s)
    assert me is not None
    assert (event.action, event.target, event.actor) == (
        "contract.add",
        f"contract:{ids['contract']}",
        me.login,
    )
    with db.read() as s:
        added = s.scalars(
            select(AuditEvent.payload).where(AuditEvent.target == f"customer:{ids['customer']}")
        ).one()
    assert '"name":"华东电力调度中心"' in added  # Chinese kept as text in the canonical JSON


def test_a_change_rolled_back_takes_its_event_with_it(db: Database) -> None:
    before, events = _counts(db), _events(db)
    with pytest.raises(RuntimeError), db.write() as s:
        registry.save_customer(s, CustomerForm("回滚客户"))
        raise RuntimeError("the user action failed later on")
    assert (_counts(db), _events(db)) == (before, events)


def test_a_failed_audit_append_rolls_the_change_back(db: Database) -> None:
    # Remove the chain's head row behind the app's back: appending must fail, and with it
    # the change it would have recorded.
    with db.engine.begin() as conn:
        conn.execute(delete(AuditHead))
    before = _counts(db)
    with pytest.raises(NoResultFound), db.write() as s:
        registry.save_customer(s, CustomerForm("无审计客户"))
    assert _counts(db) == before


# --- Chinese text and search ----------------------------------------------------------------


def test_chinese_names_are_stored_and_found_by_substring(db: Database) -> None:
    ids = _tree(db)
    beijing = _tree(db, "北京市自来水集团")
    with db.read() as s:
        assert [c.name for c in registry.list_customers(s, "电力")] == ["华东电力调度中心"]
        assert [c.name for c in registry.list_customers(s, " 自来水 ")] == ["北京市自来水集团"]
        assert [c.name for c in registry.list_customers(s, "上海")] == [
            "华东电力调度中心",
            "北京市自来水集团",
        ]
        assert registry.host_ids(s, text="华东") == [ids["host"]]
        assert registry.host_ids(s, text="自来水") == [beijing["host"]]
        assert registry.host_ids(s, text="调度平台生产") == [ids["host"], beijing["host"]]
        assert registry.host_ids(s, text="深圳") == []
        index = dict(registry.host_search_index(s))
    assert "华东电力" in index[ids["host"]]


def test_search_is_case_insensitive_and_wildcards_are_literal(db: Database) -> None:
    # LIKE is case-insensitive on SQLite but not on PostgreSQL; the search must agree on both.
    ids = _tree(db)
    with db.write() as s:
        registry.save_customer(s, CustomerForm("Huadong Grid Ltd", "HDG", "Shanghai"))
        registry.save_customer(s, CustomerForm("华东100%服务", "折扣_客户"))
        registry.save_host(s, _host(ids, name="DB_Master", address="10.1.2.9", tags=("Oracle",)))
    with db.read() as s:
        assert [c.name for c in registry.list_customers(s, "huadong")] == ["Huadong Grid Ltd"]
        assert [c.name for c in registry.list_customers(s, "SHANGHAI")] == ["Huadong Grid Ltd"]
        assert [c.name for c in registry.list_customers(s, "%")] == ["华东100%服务"]
        assert [c.name for c in registry.list_customers(s, "_")] == ["华东100%服务"]
        assert len(registry.host_ids(s, text="db_master")) == 1
        assert len(registry.host_ids(s, text="_")) == 1  # only DB_Master has one
        assert len(registry.host_ids(s, text="oracle")) == 1  # a whole tag
        assert registry.host_ids(s, text="app") == [ids["host"]]


def test_host_ids_filters_by_system(db: Database) -> None:
    ids = _tree(db)
    other = _tree(db, "北京市自来水集团")
    with db.read() as s:
        assert registry.host_ids(s, system_id=other["system"]) == [other["host"]]
        assert registry.host_ids(s, text="app01", system_id=ids["system"]) == [ids["host"]]


def test_hosts_by_ids_keeps_the_given_order_across_chunks(db: Database) -> None:
    ids = _tree(db)
    now = datetime.now(UTC)
    with db.write() as s:  # 1,200 hosts: more than one 900-id chunk
        s.execute(
            insert(Host),
            [
                {
                    "system_id": ids["system"],
                    "name": f"h{n:04}",
                    "address": f"10.9.{n // 250}.{n % 250}",
                    "port": 22,
                    "user": "",
                    "tags": "",
                    "version": 1,
                    "updated_by": "t",
                    "updated_at": now,
                }
                for n in range(1200)
            ],
        )
    with db.read() as s:
        all_ids = registry.host_ids(s)
        wanted = list(reversed(all_ids))
        rows = registry.hosts_by_ids(s, wanted)
        with_missing = registry.hosts_by_ids(s, [all_ids[5], 999_999, all_ids[1000], all_ids[3]])
    assert len(all_ids) == 1201
    assert [r.id for r in rows] == wanted
    assert rows[0].name == "h1199"
    assert rows[-1].name == "app01"
    assert [r.id for r in with_missing] == [all_ids[5], all_ids[1000], all_ids[3]]


# --- what needs attention today -------------------------------------------------------------

TODAY = date(2026, 11, 24)


def test_a_customer_nobody_contacted_for_over_a_week_is_flagged(db: Database) -> None:
    with db.write() as s:
        eight = registry.save_customer(s, CustomerForm("八天前"), today=TODAY - timedelta(days=8))
        registry.save_customer(s, CustomerForm("七天前"), today=TODAY - timedelta(days=7))
        registry.save_customer(s, CustomerForm("今天"), today=TODAY)
        registry.save_customer(
            s,
            CustomerForm("已联系", first_contact_on=TODAY - timedelta(days=25)),
            today=TODAY - timedelta(days=30),
        )
        items = registry.attention(s, TODAY)
    assert [(i.kind, i.title, i.entity_id, i.due) for i in items] == [
        ("customer.first_contact_overdue", "八天前", eight.id, TODAY - timedelta(days=1))
    ]
    # Once contacted, the flag goes.
    with db.write() as s:
        registry.save_customer(
            s, CustomerForm("八天前", first_contact_on=TODAY, id=eight.id, version=eight.version)
        )
        assert registry.attention(s, TODAY) == []
        # ... and the seven-day-old one is flagged the next day.
        assert [i.title for i in registry.attention(s, TODAY + timedelta(days=1))] == ["七天前"]


def test_a_contract_inside_its_notice_period_is_flagged(db: Database) -> None:
    with db.write() as s:
        c = registry.save_customer(s, CustomerForm("客户", first_contact_on=TODAY), today=TODAY)
        p = registry.save_project(s, ProjectForm(c.id, "项目"))
        sy = registry.save_system(s, SystemForm(p.id, "系统"))
        inside = registry.save_contract(s, ContractForm(sy.id, date(2026, 1, 1), date(2027, 1, 10)))
        notice_day = registry.save_contract(
            s, ContractForm(sy.id, date(2026, 1, 1), date(2027, 2, 24))
        )
        registry.save_contract(s, ContractForm(sy.id, date(2026, 1, 1), date(2027, 2, 25)))
        six = registry.save_contract(
            s, ContractForm(sy.id, date(2026, 1, 1), date(2027, 5, 1), notice_months=6)
        )
        registry.save_contract(s, ContractForm(sy.id, date(2025, 1, 1), date(2026, 11, 23)))
        items = registry.attention(s, TODAY)
    assert [(i.kind, i.entity_id, i.title, i.due) for i in items] == [
        ("contract.expiring", inside.id, "客户 / 系统", date(2027, 1, 10)),
        ("contract.expiring", notice_day.id, "客户 / 系统", date(2027, 2, 24)),
        ("contract.expiring", six.id, "客户 / 系统", date(2027, 5, 1)),
    ]
    assert items[0].params == {"salesperson": "", "kind": "free"}
