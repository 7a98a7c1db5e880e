"""Import and export: the documented JSON format, XLSX and CSV, all rows or none, round trips."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from supportdesk.db.engine import Database
from supportdesk.db.migrate import upgrade
from supportdesk.db.models import AuditEvent, Contact, Contract, Customer, Host, Project, System
from supportdesk.domain.errors import (
    BatchValidationError,
    PermissionDeniedError,
    ValidationError,
)
from supportdesk.domain.registry import CustomerForm
from supportdesk.services import demo, interchange, registry, users
from tests.conftest import TEST_ACTOR
from tests.servers.postgres import PostgresServer

MODELS = (Customer, Contact, Project, System, Host, Contract)

# The example of issue 3, literally: users' scripts build exactly this.
ISSUE_EXAMPLE: dict[str, Any] = {
    "customers": [
        {
            "name": "华东电力",
            "short_name": "华东",
            "region": "上海",
            "engineer": "zhangsan",
            "contacts": [
                {
                    "name": "王工",
                    "role": "信息科",
                    "phone": "13800000000",
                    "email": "wang@example.cn",
                    "emergency": True,
                }
            ],
            "projects": [
                {
                    "name": "调度平台",
                    "contract_no": "HD-2025-01",
                    "acceptance_date": "2026-03-31",
                    "systems": [
                        {
                            "name": "调度平台生产",
                            "environment": "production",
                            "under_maintenance": True,
                            "hosts": [
                                {
                                    "name": "app01",
                                    "address": "10.1.2.3",
                                    "port": 22,
                                    "user": "ops",
                                    "jump_host": None,
                                    "credential": None,
                                    "tags": ["app"],
                                }
                            ],
                            "contracts": [
                                {
                                    "start": "2026-04-01",
                                    "end": "2027-03-31",
                                    "kind": "free",
                                    "salesperson": "lisi",
                                    "notice_months": 3,
                                }
                            ],
                        }
                    ],
                }
            ],
        }
    ]
}


def _example() -> dict[str, Any]:
    return copy.deepcopy(ISSUE_EXAMPLE)


def _system(doc: dict[str, Any]) -> dict[str, Any]:
    system: dict[str, Any] = doc["customers"][0]["projects"][0]["systems"][0]
    return system


def _staff(db: Database) -> None:
    """zhangsan and lisi, as the example names them: user records only, so no PostgreSQL
    login (shared by the whole test cluster) is created or changed."""
    staff = [{"login": "zhangsan", "role": "engineer"}, {"login": "lisi", "role": "salesperson"}]
    with db.write() as s:
        interchange.import_document(s, {"users": staff, "customers": []})


def _counts(db: Database) -> dict[str, int]:
    with db.read() as s:
        return {m.__name__: int(s.scalar(select(func.count()).select_from(m)) or 0) for m in MODELS}


def _events(db: Database) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEvent)) or 0)


def _import(db: Database, doc: dict[str, Any]) -> interchange.ImportSummary:
    with db.write() as s:
        return interchange.import_document(s, doc)


def _export(db: Database) -> dict[str, Any]:
    with db.read() as s:
        return interchange.export_document(s)


def _errors(db: Database, doc: dict[str, Any]) -> list[tuple[str | None, int | None, str, str]]:
    """Import `doc`, expecting it refused: (where, row, field, code) of every error."""
    before, events = _counts(db), _events(db)
    with pytest.raises(BatchValidationError) as caught:
        _import(db, doc)
    assert _counts(db) == before  # all or nothing
    assert _events(db) == events
    return [(e.where, e.row, e.field, e.code) for e in caught.value.errors]


def _fresh(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> Database:
    """An empty, migrated profile of the same engine, whose actor is its administrator."""
    if kind == "sqlite":
        database = Database(f"sqlite:///{tmp_path / 'fresh.db'}", actor=TEST_ACTOR)
        upgrade(database)
    else:
        server: PostgresServer = request.getfixturevalue("pg_server")
        name = server.create_database(template=request.getfixturevalue("pg_template"))
        request.addfinalizer(lambda: server.drop_database(name))
        database = Database(server.url(name))
    with database.write() as s:
        users.ensure_first_admin(s)
    request.addfinalizer(database.dispose)
    return database


# --- the documented format ------------------------------------------------------------------


def test_the_issue_example_imports_as_written(db: Database) -> None:
    _staff(db)
    summary = _import(db, _example())
    assert summary.counts == {
        "customers": 1,
        "contacts": 1,
        "projects": 1,
        "systems": 1,
        "hosts": 1,
        "contracts": 1,
    }
    with db.read() as s:
        customer = s.scalars(select(Customer)).one()
        assert (customer.name, customer.short_name, customer.region, customer.engineer) == (
            "华东电力",
            "华东",
            "上海",
            "zhangsan",
        )
        contact = s.scalars(select(Contact)).one()
        assert (contact.name, contact.role, contact.phone, contact.email, contact.emergency) == (
            "王工",
            "信息科",
            "13800000000",
            "wang@example.cn",
            True,
        )
        project = s.scalars(select(Project)).one()
        assert (project.name, project.contract_no, project.acceptance_date) == (
            "调度平台",
            "HD-2025-01",
            date(2026, 3, 31),
        )
        system = s.scalars(select(System)).one()
        assert (system.name, system.environment, system.under_maintenance) == (
            "调度平台生产",
            "production",
            True,
        )
        host = s.scalars(select(Host)).one()
        assert (host.name, host.address, host.port, host.user, host.jump_host_id) == (
            "app01",
            "10.1.2.3",
            22,
            "ops",
            None,
        )
        assert (host.credential, host.tags.split()) == (None, ["app"])
        contract = s.scalars(select(Contract)).one()
        assert (
            contract.start,
            contract.end,
            contract.kind,
            contract.salesperson,
            contract.notice_months,
        ) == (date(2026, 4, 1), date(2027, 3, 31), "free", "lisi", 3)
    # Every created row is audited, plus one summary event.
    with db.read() as s:
        actions = list(s.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))
    assert actions[-1] == "registry.import"
    assert {"customer.import", "system.import"} <= set(actions)


def test_export_keeps_the_documented_names_and_nesting(db: Database) -> None:
    _staff(db)
    _import(db, _example())
    exported = _export(db)
    # Fields may be added, but every documented name stays where the issue puts it.

    def contains(expected: Any, actual: Any, path: str) -> None:
        if isinstance(expected, dict):
            assert isinstance(actual, dict), path
            for key, value in expected.items():
                assert key in actual, f"{path}.{key}"
                contains(value, actual[key], f"{path}.{key}")
        elif isinstance(expected, list):
            assert isinstance(actual, list), path
            assert len(actual) == len(expected), path
            for n, (e, a) in enumerate(zip(expected, actual, strict=True)):
                contains(e, a, f"{path}[{n}]")
        else:
            assert actual == expected, path

    contains(ISSUE_EXAMPLE, exported, "$")
    assert json.loads(json.dumps(exported, ensure_ascii=False)) == exported  # plain JSON


def test_importing_twice_merges_by_name(db: Database) -> None:
    _staff(db)
    _import(db, _example())
    doc = _example()
    _system(doc)["hosts"][0]["address"] = "10.1.2.4"
    _system(doc)["hosts"].append(
        {"name": "db01", "address": "10.1.2.5", "port": 2222, "jump_host": "app01", "tags": []}
    )
    _import(db, doc)
    assert _counts(db) == {
        "Customer": 1,
        "Contact": 1,
        "Project": 1,
        "System": 1,
        "Host": 2,
        "Contract": 1,
    }
    with db.read() as s:
        hosts = {h.name: h for h in s.scalars(select(Host))}
        assert hosts["app01"].address == "10.1.2.4"
        assert hosts["db01"].jump_host_id == hosts["app01"].id


def test_jump_host_names_another_host_of_the_same_system(db: Database) -> None:
    _staff(db)
    doc = _example()
    system = _system(doc)
    # Listed after the host that jumps through it: still found.
    system["hosts"][0]["jump_host"] = "bastion"
    system["hosts"].append({"name": "bastion", "address": "10.1.2.1", "tags": ["jump"]})
    # A second system of the same project with its own host "gw01".
    doc["customers"][0]["projects"][0]["systems"].append(
        {
            "name": "调度平台测试",
            "environment": "test",
            "hosts": [{"name": "gw01", "address": "gw"}],
        }
    )
    _import(db, doc)
    exported = _export(db)
    hosts = _system(exported)["hosts"]
    assert [(h["name"], h["jump_host"]) for h in hosts] == [("app01", "bastion"), ("bastion", None)]

    bad = _example()
    bad_system = _system(bad)
    bad_system["hosts"][0]["jump_host"] = "gw01"  # a host of another system
    bad_system["hosts"].append({"name": "db01", "address": "10.1.2.9", "jump_host": "db01"})
    bad_system["hosts"].append({"name": "db02", "address": "10.1.2.8", "jump_host": "nowhere"})
    errors = _errors(db, bad)
    where = "customers[0].projects[0].systems[0].hosts"
    assert errors == [
        (f"{where}[0]", None, "jump_host", "unknown_jump_host"),
        (f"{where}[1]", None, "jump_host", "unknown_jump_host"),
        (f"{where}[2]", None, "jump_host", "unknown_jump_host"),
    ]


def test_engineer_and_salesperson_must_be_existing_logins(db: Database) -> None:
    _staff(db)
    doc = _example()
    doc["customers"][0]["engineer"] = "ghost"
    _system(doc)["contracts"][0]["salesperson"] = "nobody"
    assert _errors(db, doc) == [
        ("customers[0]", None, "engineer", "unknown_user"),
        ("customers[0].projects[0].systems[0].contracts[0]", None, "salesperson", "unknown_user"),
    ]
    # null is allowed for both (and for jump_host and credential).
    doc["customers"][0]["engineer"] = None
    _system(doc)["contracts"][0]["salesperson"] = None
    _import(db, doc)
    with db.read() as s:
        assert s.scalars(select(Customer.engineer)).one() is None
        assert s.scalars(select(Contract.salesperson)).one() is None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("start", "2026/04/01"),
        ("start", "20260401"),
        ("end", "31.03.2027"),
        ("end", "2027-02-30"),
        ("start", "2026-W14-3"),
        ("start", None),
    ],
)
def test_dates_are_iso(db: Database, field: str, value: str | None) -> None:
    _staff(db)
    doc = _example()
    _system(doc)["contracts"][0][field] = value
    code = "required" if value is None else "bad_date"
    assert _errors(db, doc) == [
        ("customers[0].projects[0].systems[0].contracts[0]", None, field, code)
    ]


def test_a_file_with_many_bad_rows_imports_nothing_and_lists_every_error(db: Database) -> None:
    _staff(db)
    doc = _example()
    cust = doc["customers"][0]
    cust["contacts"][0]["email"] = "not-mail"
    cust["contacts"].append({"name": "", "phone": "abc"})
    proj = cust["projects"][0]
    proj["acceptance_date"] = "31/03/2026"
    system = _system(doc)
    system["environment"] = "prod"
    system["hosts"].append({"name": "app01", "address": "10.1.2.3", "port": 70000})
    system["contracts"][0]["kind"] = "gratis"
    doc["customers"].append({"name": "", "region": "北京"})
    doc["customers"].append({"name": "华东电力"})  # a duplicate of the first
    errors = _errors(db, doc)
    c0 = "customers[0]"
    s0 = f"{c0}.projects[0].systems[0]"
    assert sorted(errors, key=str) == sorted(
        [
            (f"{c0}.contacts[0]", None, "email", "bad_email"),
            (f"{c0}.contacts[1]", None, "name", "required"),
            (f"{c0}.contacts[1]", None, "phone", "bad_phone"),
            (f"{c0}.projects[0]", None, "acceptance_date", "bad_date"),
            (s0, None, "environment", "bad_choice"),
            (f"{s0}.hosts[1]", None, "name", "duplicate"),
            (f"{s0}.hosts[1]", None, "port", "bad_port"),
            (f"{s0}.contracts[0]", None, "kind", "bad_choice"),
            ("customers[1]", None, "name", "required"),
            ("customers[2]", None, "name", "duplicate"),
        ],
        key=str,
    )


# --- wrong types: a field error each, never a crash (bug: numeric tags crashed) -------------


@pytest.mark.parametrize(
    ("path", "key", "value", "where"),
    [
        ("host", "credential", "库" * 201, "hosts[0]"),
        ("host", "tags", [f"{n:02d}" + "标" * 38 for n in range(10)], "hosts[0]"),
        ("host", "user", "u" * 64, "hosts[0]"),
        ("host", "name", "h" * 101, "hosts[0]"),
        ("customer", "name", "华" * 201, ""),
        ("contact", "name", "王" * 101, "contacts[0]"),
        ("project", "contract_no", "H" * 101, ""),
    ],
)
def test_text_longer_than_its_column_is_a_field_error(
    db: Database, path: str, key: str, value: Any, where: str
) -> None:
    # PostgreSQL would refuse the write with a bare DataError; SQLite would store it and a
    # later move to PostgreSQL would fail: either way the file must be refused up front.
    _staff(db)
    doc = _example()
    customer = doc["customers"][0]
    project = customer["projects"][0]
    node = {
        "customer": customer,
        "contact": customer["contacts"][0],
        "project": project,
        "host": project["systems"][0]["hosts"][0],
    }[path]
    node[key] = value
    errors = _errors(db, doc)
    assert [(e[2], e[3]) for e in errors] == [(key, "too_long")]
    assert errors[0][0] is not None
    assert errors[0][0].endswith(where)


def test_a_user_name_longer_than_its_column_is_a_field_error(sqlite_db: Database) -> None:
    doc = {"users": [{"login": "chen", "name": "陈" * 201, "role": "engineer"}], "customers": []}
    assert [(e[2], e[3]) for e in _errors(sqlite_db, doc)] == [("name", "too_long")]


@pytest.mark.parametrize(
    ("path", "key", "value", "where", "field"),
    [
        ("host", "tags", [1, "app"], "hosts[0]", "tags"),
        ("host", "tags", {"a": 1}, "hosts[0]", "tags"),
        ("host", "tags", 5, "hosts[0]", "tags"),
        ("host", "name", ["app01"], "hosts[0]", "name"),
        ("host", "address", {"ip": "10.1.2.3"}, "hosts[0]", "address"),
        ("host", "port", [22], "hosts[0]", "port"),
        ("host", "port", 22.5, "hosts[0]", "port"),
        ("host", "port", True, "hosts[0]", "port"),
        ("host", "user", 7, "hosts[0]", "user"),
        ("host", "jump_host", ["app02"], "hosts[0]", "jump_host"),
        ("host", "credential", {"v": 1}, "hosts[0]", "credential"),
        ("system", "under_maintenance", "maybe", "", "under_maintenance"),
        ("system", "under_maintenance", [True], "", "under_maintenance"),
        ("system", "environment", 1, "", "environment"),
        ("system", "hosts", {"name": "app01"}, "", "hosts"),
        ("system", "hosts", ["app01"], "", "hosts"),
        ("system", "contracts", "none", "", "contracts"),
        ("contract", "start", 20260401, "contracts[0]", "start"),
        ("contract", "notice_months", "three", "contracts[0]", "notice_months"),
        ("contract", "notice_months", [3], "contracts[0]", "notice_months"),
        ("contract", "salesperson", 42, "contracts[0]", "salesperson"),
        ("contract", "kind", None, "contracts[0]", None),  # null means the default: free
        ("contact", "emergency", {"yes": 1}, "contacts[0]", "emergency"),
        ("contact", "phone", ["138"], "contacts[0]", "phone"),
        ("customer", "engineer", ["zhangsan"], "", "engineer"),
        ("customer", "name", {"zh": "华东"}, "", "name"),
        ("customer", "contacts", "王工", "", "contacts"),
        ("project", "systems", 3, "", "systems"),
        ("project", "acceptance_date", 2026, "", "acceptance_date"),
    ],
)
def test_a_wrong_type_is_a_field_error(
    db: Database, path: str, key: str, value: Any, where: str, field: str | None
) -> None:
    _staff(db)
    doc = _example()
    customer = doc["customers"][0]
    project = customer["projects"][0]
    node = {
        "customer": customer,
        "contact": customer["contacts"][0],
        "project": project,
        "system": project["systems"][0],
        "host": project["systems"][0]["hosts"][0],
        "contract": project["systems"][0]["contracts"][0],
    }[path]
    node[key] = value
    if field is None:
        _import(db, doc)  # accepted
        return
    prefix = {
        "customer": "customers[0]",
        "contact": "customers[0].",
        "project": "customers[0].projects[0]",
        "system": "customers[0].projects[0].systems[0]",
        "host": "customers[0].projects[0].systems[0].",
        "contract": "customers[0].projects[0].systems[0].",
    }[path]
    errors = _errors(db, doc)
    assert errors, "a wrong type must be refused"
    assert (prefix + where, field) in {(e[0], e[2]) for e in errors}


@pytest.mark.parametrize(
    "doc",
    [
        {"customers": ["华东电力"]},
        {"customers": [None]},
        {"customers": [{"name": "华东电力"}], "users": "admin"},
        {"customers": [{"name": "华东电力"}], "users": [{"login": 5, "role": "engineer"}]},
        {"customers": [{"name": "华东电力"}], "users": [{"login": "wu", "role": ["admin"]}]},
    ],
)
def test_a_wrong_structure_is_a_listed_error(db: Database, doc: dict[str, Any]) -> None:
    errors = _errors(db, doc)
    assert errors
    for where, _row, field, _code in errors:
        assert where
        assert field in {"customers", "users", "login", "role"}


def test_every_wrong_type_in_one_file_is_listed(db: Database) -> None:
    _staff(db)
    doc = _example()
    host = _system(doc)["hosts"][0]
    host["tags"] = [1, "app", None]
    host["port"] = "twenty-two"
    _system(doc)["contracts"][0]["notice_months"] = 3.5
    doc["customers"][0]["contacts"][0]["emergency"] = 2
    errors = [(e[0].rsplit(".", 1)[-1], e[2]) for e in _errors(db, doc) if e[0]]
    assert sorted(errors) == [
        ("contacts[0]", "emergency"),
        ("contracts[0]", "notice_months"),
        ("hosts[0]", "port"),
        ("hosts[0]", "tags"),
    ]


# --- users in a document and permissions ---------------------------------------------------


def test_importing_needs_the_import_permission(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        users.add_user(s, "zhangsan", "engineer")
        users.add_user(s, "lisi", "salesperson")
    as_engineer = Database(sqlite_db.url, actor="zhangsan")
    try:
        with pytest.raises(PermissionDeniedError), as_engineer.write() as s:
            interchange.import_document(s, _example())
    finally:
        as_engineer.dispose()
    assert _counts(sqlite_db)["Customer"] == 0


def test_only_an_administrator_may_add_users_by_import(sqlite_db: Database) -> None:
    """A group leader may import the registry, but not make anyone (themself) an admin."""
    with sqlite_db.write() as s:
        users.add_user(s, "sunqi", "group_leader")
    doc = {"users": [{"login": "mallory", "role": "admin"}], "customers": []}
    leader = Database(sqlite_db.url, actor="sunqi")
    try:
        with pytest.raises(BatchValidationError) as caught, leader.write() as s:
            interchange.import_document(s, doc)
        assert [(e.where, e.field, e.code) for e in caught.value.errors] == [
            ("users[0]", "login", "not_allowed")
        ]
        with leader.write() as s:  # the registry part alone is fine
            interchange.import_document(s, {"customers": [{"name": "客户"}]})
    finally:
        leader.dispose()
    with sqlite_db.read() as s:
        assert [u.login for u in users.list_users(s)] == ["sunqi", "tester"]
    with sqlite_db.write() as s:  # the administrator may
        interchange.import_document(s, doc)
        assert users.list_users(s)[0].login == "mallory"


# --- files: JSON, XLSX, CSV ----------------------------------------------------------------


def test_load_json_file(tmp_path: Path, sqlite_db: Database) -> None:
    _staff(sqlite_db)
    path = tmp_path / "registry.json"
    path.write_text(json.dumps(ISSUE_EXAMPLE, ensure_ascii=False), encoding="utf-8")
    _import(sqlite_db, interchange.load_file(path))
    assert _counts(sqlite_db)["Host"] == 1


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("a.txt", "{}", "unsupported_format"),
        ("a.json", "{not json", "unreadable"),
        ("a.json", '["customers"]', "bad_structure"),
        ("a.json", '{"customers": {}}', "bad_structure"),
        ("a.xlsx", "not a zip", "unreadable"),
        ("a.csv", "name,address\nx,y\n", "bad_structure"),
    ],
)
def test_unreadable_files_name_the_file(tmp_path: Path, name: str, content: str, code: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        interchange.load_file(path)
    assert (caught.value.field, caught.value.code) == ("file", code)


def test_a_missing_file_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        interchange.load_file(tmp_path / "nope.json")
    assert (caught.value.field, caught.value.code) == ("file", "unreadable")


CSV_TEXT = (
    "customer,short_name,region,engineer,project,contract_no,acceptance_date,system,"
    "environment,under_maintenance,host,address,port,user,jump_host,credential,tags\n"
    "华东电力,华东,上海,zhangsan,调度平台,HD-2025-01,2026-03-31,调度平台生产,production,是,"
    "app01,10.1.2.3,22,ops,,,app linux\n"
    "华东电力,华东,上海,zhangsan,调度平台,HD-2025-01,2026-03-31,调度平台生产,production,是,"
    "db01,10.1.2.4,2222,postgres,app01,,db\n"
    "北京水务,北京水务,北京,,营销系统,BJ-1,,营销系统测试,test,否,web01,web.bj.cn,,ops,,,\n"
)


def test_csv_import(db: Database, tmp_path: Path) -> None:
    _staff(db)
    path = tmp_path / "hosts.csv"
    path.write_text("\ufeff" + CSV_TEXT, encoding="utf-8")  # Excel writes a BOM
    summary = _import(db, interchange.load_file(path))
    assert (summary.counts["customers"], summary.counts["hosts"]) == (2, 3)
    exported = _export(db)
    by_name = {c["name"]: c for c in exported["customers"]}
    hd = by_name["华东电力"]
    assert (hd["engineer"], hd["projects"][0]["acceptance_date"]) == ("zhangsan", "2026-03-31")
    system = hd["projects"][0]["systems"][0]
    assert system["under_maintenance"] is True
    assert [(h["name"], h["port"], h["jump_host"], h["tags"]) for h in system["hosts"]] == [
        ("app01", 22, None, ["app", "linux"]),
        ("db01", 2222, "app01", ["db"]),
    ]
    bj = by_name["北京水务"]["projects"][0]["systems"][0]
    assert (bj["environment"], bj["under_maintenance"], bj["hosts"][0]["port"]) == (
        "test",
        False,
        22,
    )


def test_csv_errors_name_the_row(db: Database, tmp_path: Path) -> None:
    _staff(db)
    lines = CSV_TEXT.splitlines()
    lines[2] = lines[2].replace("10.1.2.4,2222", "10.1.2.4,99999").replace(",app01,", ",gw09,")
    lines[3] = lines[3].replace("web.bj.cn", "bad host!")
    path = tmp_path / "hosts.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors = _errors(db, interchange.load_file(path))
    assert sorted((row, field) for _w, row, field, _c in errors) == [
        (3, "jump_host"),
        (3, "port"),
        (4, "address"),
    ]


def _xlsx(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    book = Workbook()
    book.remove(book.worksheets[0])
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        sheet.append(interchange.SHEETS[name])
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_xlsx_errors_name_sheet_row_and_field(db: Database, tmp_path: Path) -> None:
    _staff(db)
    path = _xlsx(
        tmp_path / "bad.xlsx",
        {
            "customers": [
                ["华东电力", "华东", "上海", "zhangsan", None],
                ["北京水务", "", "", "ghost"],
            ],
            "projects": [["华东电力", "调度平台", "HD-1", None, "2026-13-01"]],
            "systems": [["华东电力", "调度平台", "生产", "production", True]],
            "hosts": [
                ["华东电力", "调度平台", "生产", "app01", "10.1.2.3", 22, "ops", None, None, "app"],
                ["华东电力", "调度平台", "生产", "app02", "10.1.2.4", "ssh", "ops", "app09"],
                ["华东电力", "调度平台", "测试", "app03", "10.1.2.5", 22, "ops"],
            ],
            "contracts": [
                [
                    "华东电力",
                    "调度平台",
                    "生产",
                    date(2026, 4, 1),
                    date(2025, 3, 31),
                    "free",
                    "lisi",
                ]
            ],
        },
    )
    with pytest.raises(BatchValidationError) as caught:
        interchange.load_file(path)  # a row whose parent is missing is found on reading
    assert [(e.where, e.row, e.field, e.code) for e in caught.value.errors] == [
        ("hosts", 4, "system", "not_found")
    ]
    book = load_workbook(path)
    book["hosts"].delete_rows(4)
    book.save(path)
    errors = _errors(db, interchange.load_file(path))
    assert sorted(errors, key=str) == sorted(
        [
            ("customers", 3, "engineer", "unknown_user"),
            ("projects", 2, "acceptance_date", "bad_date"),
            ("hosts", 3, "port", "bad_number"),
            ("hosts", 3, "jump_host", "unknown_jump_host"),
            ("contracts", 2, "end", "end_before_start"),
        ],
        key=str,
    )


# --- round trips ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "xlsx"])
def test_export_import_export_gives_the_same_data(
    db: Database, tmp_path: Path, request: pytest.FixtureRequest, fmt: str
) -> None:
    with db.write() as s:
        demo.fill(s, 1, date(2026, 11, 25))
    doc = _export(db)
    # The awkward cases too: a jump host listed later, empty strings, nulls, no contacts.
    with db.write() as s:
        c = registry.save_customer(s, CustomerForm("空客户", "", "", None, None))
    assert c.id
    doc = _export(db)
    assert len(doc["customers"]) == 13
    assert sum(1 for c in doc["customers"] for p in c["projects"] for _ in p["systems"]) > 20
    first = tmp_path / f"first.{fmt}"
    interchange.write_file(doc, first, fmt)
    kind = "sqlite" if db.is_sqlite else "postgres"
    fresh = _fresh(kind, tmp_path, request)
    with fresh.write() as s:
        summary = interchange.import_document(s, interchange.load_file(first))
    assert summary.counts["customers"] == 13
    again = _export(fresh)
    assert again == doc
    second = tmp_path / f"second.{fmt}"
    interchange.write_file(again, second, fmt)
    if fmt == "json":
        assert second.read_bytes() == first.read_bytes()
    else:
        assert _cells(second) == _cells(first)
    assert not list(tmp_path.glob("*.part"))


def _cells(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    book = load_workbook(path, read_only=True)
    try:
        return {name: list(book[name].iter_rows(values_only=True)) for name in book.sheetnames}
    finally:
        book.close()


def test_export_writes_every_sheet_with_a_header(sqlite_db: Database, tmp_path: Path) -> None:
    _staff(sqlite_db)
    _import(sqlite_db, _example())
    path = tmp_path / "out.xlsx"
    interchange.write_file(_export(sqlite_db), path, "xlsx")
    cells = _cells(path)
    assert list(cells) == list(interchange.SHEETS)
    for name, columns in interchange.SHEETS.items():
        assert list(cells[name][0]) == columns
    assert cells["hosts"][1] == (
        "华东电力",
        "调度平台",
        "调度平台生产",
        "app01",
        "10.1.2.3",
        22,
        "ops",
        None,
        None,
        "app",
    )


def test_an_unknown_export_format_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        interchange.write_file({"customers": []}, tmp_path / "x.csv", "csv")
    assert (caught.value.field, caught.value.code) == ("format", "unsupported_format")
    assert list(tmp_path.iterdir()) == []
