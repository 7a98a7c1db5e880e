"""Registry services on SQLite and PostgreSQL: validation, audit, conflicts, cascades."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from supportdesk.db.engine import Database
from supportdesk.db.models import AuditEvent, Contact, Host, Project
from supportdesk.domain.errors import ConflictError, ValidationError
from supportdesk.domain.registry import (
    ContactForm,
    ContractForm,
    CustomerForm,
    HostForm,
    ProjectForm,
    SystemForm,
)
from supportdesk.services import registry


def _events(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def _tree(db: Database) -> dict[str, int]:
    with db.write() as s:
        c = registry.save_customer(s, CustomerForm("华东电力调度中心", "华东电力", "上海"))
        registry.save_contact(
            s, ContactForm(c.id, "王工", "信息科", "13800000000", "wang@example.cn", emergency=True)
        )
        p = registry.save_project(s, ProjectForm(c.id, "调度平台", "HD-2025-01"))
        sy = registry.save_system(s, SystemForm(p.id, "调度平台生产"))
        h = registry.save_host(s, HostForm(sy.id, "app01", "10.1.2.3", tags=("app",)))
        k = registry.save_contract(s, ContractForm(sy.id, date(2026, 4, 1), date(2027, 3, 31)))
    return {"customer": c.id, "project": p.id, "system": sy.id, "host": h.id, "contract": k.id}


def test_create_and_read_back_the_whole_tree(db: Database) -> None:
    ids = _tree(db)
    with db.read() as s:
        customer = registry.get_customer(s, ids["customer"])
        host = registry.hosts_by_ids(s, [ids["host"]])[0]
        contract = registry.list_contracts(s)[0]
    assert (customer.name, customer.contacts, customer.projects) == ("华东电力调度中心", 1, 1)
    assert (host.customer, host.system, host.tags) == ("华东电力调度中心", "调度平台生产", ("app",))
    assert contract.notice_on() == date(2026, 12, 31)


@pytest.mark.parametrize(
    ("form", "field", "code"),
    [
        (CustomerForm(""), "name", "required"),
        (CustomerForm("x" * 201), "name", "too_long"),
        (CustomerForm("甲", engineer="ghost"), "engineer", "unknown_user"),
    ],
)
def test_bad_customer_names_the_field_and_changes_nothing(
    db: Database, form: CustomerForm, field: str, code: str
) -> None:
    before = _events(db)
    with pytest.raises(ValidationError) as caught, db.write() as s:
        registry.save_customer(s, form)
    assert (caught.value.field, caught.value.code) == (field, code)
    with db.read() as s:
        assert registry.list_customers(s) == []
    assert _events(db) == before


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"address": "not an address!"}, "address", "bad_address"),
        ({"address": "999.1.1.1"}, "address", "bad_address"),
        ({"port": 0}, "port", "bad_port"),
        ({"name": " "}, "name", "required"),
        ({"tags": ("a b",)}, "tags", "tag_has_space"),
    ],
)
def test_bad_host_is_refused(
    db: Database, changes: dict[str, object], field: str, code: str
) -> None:
    ids = _tree(db)
    values: dict[str, object] = {
        "system_id": ids["system"],
        "name": "db01",
        "address": "10.0.0.9",
        **changes,
    }
    with pytest.raises(ValidationError) as caught, db.write() as s:
        registry.save_host(s, HostForm(**values))  # type: ignore[arg-type]
    assert (caught.value.field, caught.value.code) == (field, code)
    with db.read() as s:
        assert len(registry.host_ids(s)) == 1


def test_duplicate_customer_name_is_refused_without_breaking_the_transaction(
    db: Database,
) -> None:
    _tree(db)
    with pytest.raises(ValidationError) as caught, db.write() as s:
        registry.save_customer(s, CustomerForm("华东电力调度中心"))
    assert (caught.value.field, caught.value.code) == ("name", "duplicate")


def test_jump_host_must_be_another_host_of_the_same_system(db: Database) -> None:
    ids = _tree(db)
    with db.write() as s:
        other_system = registry.save_system(s, SystemForm(ids["project"], "测试"))
        stranger = registry.save_host(s, HostForm(other_system.id, "x", "10.0.0.5"))
        ok = registry.save_host(
            s, HostForm(ids["system"], "db01", "10.0.0.6", jump_host_id=ids["host"])
        )
    assert ok.jump_host == "app01"
    with pytest.raises(ValidationError) as caught, db.write() as s:
        registry.save_host(s, HostForm(ids["system"], "db02", "10.0.0.7", jump_host_id=stranger.id))
    assert caught.value.field == "jump_host"


def test_every_change_appends_one_audit_event(db: Database) -> None:
    before = _events(db)
    ids = _tree(db)
    assert _events(db) == before + 6
    with db.write() as s:
        c = registry.get_customer(s, ids["customer"])
        registry.save_customer(
            s, CustomerForm("华东电力调度中心", "华东", "上海", id=c.id, version=c.version)
        )
    with db.read() as s:
        last = s.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
    assert last is not None
    assert (last.action, last.target) == ("customer.update", f"customer:{ids['customer']}")


def test_stale_save_names_who_changed_the_record(db: Database) -> None:
    ids = _tree(db)
    with db.read() as s:
        loaded = registry.get_customer(s, ids["customer"])
    with db.write() as s:  # somebody else saves first
        registry.save_customer(
            s, CustomerForm(loaded.name, "新简称", id=loaded.id, version=loaded.version)
        )
    with pytest.raises(ConflictError) as caught, db.write() as s:
        registry.save_customer(
            s, CustomerForm(loaded.name, "我的简称", id=loaded.id, version=loaded.version)
        )
    assert caught.value.changed_by == loaded.updated_by
    with db.read() as s:
        assert registry.get_customer(s, loaded.id).short_name == "新简称"


def test_deleting_a_customer_removes_everything_under_it(db: Database) -> None:
    ids = _tree(db)
    with db.write() as s:
        registry.delete_customer(s, ids["customer"])
    with db.read() as s:
        for model in (Contact, Project, Host):
            assert s.scalar(select(func.count()).select_from(model)) == 0
        assert registry.list_contracts(s) == []


def test_chinese_substring_search(db: Database) -> None:
    ids = _tree(db)
    with db.write() as s:
        registry.save_customer(s, CustomerForm("北京市自来水集团", "北京水务", "北京"))
    with db.read() as s:
        assert [c.name for c in registry.list_customers(s, "电力")] == ["华东电力调度中心"]
        assert [c.name for c in registry.list_customers(s, "水务")] == ["北京市自来水集团"]
        assert registry.host_ids(s, "华东") == [ids["host"]]
        assert registry.host_ids(s, "北京") == []
        index = dict(registry.host_search_index(s))
    assert "华东电力" in index[ids["host"]]


def test_hosts_by_ids_keeps_order_beyond_one_chunk(db: Database) -> None:
    ids = _tree(db)
    with db.write() as s:
        for n in range(950):
            registry.save_host(s, HostForm(ids["system"], f"h{n}", f"10.9.{n // 250}.{n % 250}"))
    with db.read() as s:
        all_ids = registry.host_ids(s)
        rows = registry.hosts_by_ids(s, list(reversed(all_ids)))
    assert [r.id for r in rows] == list(reversed(all_ids))
    assert len(rows) == 951


def test_attention_flags_uncontacted_customers_and_expiring_contracts(db: Database) -> None:
    today = date(2026, 11, 24)
    with db.write() as s:
        registry.save_customer(s, CustomerForm("八天前"), today=today - timedelta(days=8))
        registry.save_customer(s, CustomerForm("七天前"), today=today - timedelta(days=7))
        registry.save_customer(
            s, CustomerForm("已联系", first_contact_on=today), today=today - timedelta(days=30)
        )
        c = registry.save_customer(s, CustomerForm("客户"), today=today)
        p = registry.save_project(s, ProjectForm(c.id, "项目"))
        sy = registry.save_system(s, SystemForm(p.id, "系统"))
        registry.save_contract(s, ContractForm(sy.id, date(2026, 1, 1), date(2027, 2, 1)))
        registry.save_contract(s, ContractForm(sy.id, date(2026, 1, 1), date(2027, 3, 1)))
        items = registry.attention(s, today)
    assert [(i.kind, i.title) for i in items] == [
        ("customer.first_contact_overdue", "八天前"),
        ("contract.expiring", "客户 / 系统"),
    ]
