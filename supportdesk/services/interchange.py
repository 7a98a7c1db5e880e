"""Registry import and export: JSON (nested), XLSX (a sheet per entity), CSV (flat hosts).

Import is all or nothing: every row is validated, every error is collected with its row and
field, and only a clean file is written — in the caller's single transaction.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from supportdesk.db import audit
from supportdesk.db.models import Contact, Contract, Customer, Host, Project, System, User
from supportdesk.domain import registry as rules
from supportdesk.domain.errors import BatchValidationError, SupportDeskError, ValidationError
from supportdesk.domain.registry import ContractKind, Environment
from supportdesk.domain.roles import Permission, Role
from supportdesk.services.users import require

Doc = dict[str, Any]
SHEETS: dict[str, list[str]] = {
    "users": ["login", "name", "email", "role"],
    "customers": ["name", "short_name", "region", "engineer", "first_contact_on"],
    "contacts": ["customer", "name", "role", "phone", "email", "emergency"],
    "projects": ["customer", "name", "contract_no", "planned_acceptance_date", "acceptance_date"],
    "systems": ["customer", "project", "name", "environment", "under_maintenance"],
    "hosts": [
        "customer",
        "project",
        "system",
        "name",
        "address",
        "port",
        "user",
        "jump_host",
        "credential",
        "tags",
    ],
    "contracts": [
        "customer",
        "project",
        "system",
        "start",
        "end",
        "kind",
        "salesperson",
        "notice_months",
    ],
}
# CSV: one flat file, one row per host, with its customer/project/system columns.
CSV_COLUMNS = [
    "customer",
    "short_name",
    "region",
    "engineer",
    "project",
    "contract_no",
    "acceptance_date",
    "system",
    "environment",
    "under_maintenance",
    "host",
    "address",
    "port",
    "user",
    "jump_host",
    "credential",
    "tags",
]


@dataclass
class ImportSummary:
    counts: dict[str, int] = field(default_factory=dict)

    def describe(self) -> str:
        return ", ".join(f"{n} {k}" for k, n in self.counts.items()) or "nothing"


# --- reading files -----------------------------------------------------------------------


def load_file(path: Path) -> Doc:
    """Parse JSON, CSV or XLSX into the nested interchange document."""
    suffix = path.suffix.lower()
    if suffix not in {".json", ".csv", ".xlsx"}:
        raise ValidationError("file", "unsupported_format", value=path.name)
    try:
        if suffix == ".json":
            doc = json.loads(path.read_text(encoding="utf-8-sig"))
        elif suffix == ".csv":
            doc = _from_csv(path.read_text(encoding="utf-8-sig"))
        else:
            doc = _from_xlsx(path)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValidationError("file", "unreadable", detail=str(error)) from None
    except SupportDeskError:
        raise
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise ValidationError("file", "unreadable", detail=type(error).__name__) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("customers"), list):
        raise ValidationError("file", "bad_structure", detail="customers")
    return doc


def _from_csv(text: str) -> Doc:
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in ("customer", "project", "system") if c not in (reader.fieldnames or [])]
    if missing:
        raise ValidationError("file", "bad_structure", detail=", ".join(missing))
    customers: dict[str, Doc] = {}
    for number, row in enumerate(reader, start=2):  # the header is row 1
        c = customers.setdefault(
            row["customer"],
            {
                "name": row["customer"],
                "short_name": row.get("short_name", ""),
                "region": row.get("region", ""),
                "engineer": row.get("engineer") or None,
                "contacts": [],
                "projects": [],
                "_row": number,
            },
        )
        projects = {p["name"]: p for p in c["projects"]}
        p = projects.get(row["project"]) or {
            "name": row["project"],
            "contract_no": row.get("contract_no", ""),
            "acceptance_date": row.get("acceptance_date") or None,
            "systems": [],
            "_row": number,
        }
        if p not in c["projects"]:
            c["projects"].append(p)
        systems = {s["name"]: s for s in p["systems"]}
        s = systems.get(row["system"]) or {
            "name": row["system"],
            "environment": row.get("environment") or "production",
            "under_maintenance": row.get("under_maintenance", "true"),
            "hosts": [],
            "contracts": [],
            "_row": number,
        }
        if s not in p["systems"]:
            p["systems"].append(s)
        if row.get("host"):
            s["hosts"].append(
                {
                    "name": row["host"],
                    "address": row.get("address", ""),
                    "port": row.get("port") or 22,
                    "user": row.get("user", ""),
                    "jump_host": row.get("jump_host") or None,
                    "credential": row.get("credential") or None,
                    "tags": (row.get("tags") or "").split(),
                    "_row": number,
                }
            )
    return {"customers": list(customers.values())}


def _from_xlsx(path: Path) -> Doc:
    from openpyxl import load_workbook  # noqa: PLC0415 - heavy, only for spreadsheets

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        if "customers" not in book.sheetnames:
            raise ValidationError("file", "bad_structure", detail="sheet customers")
        sheets = {name: list(_sheet_rows(book[name])) for name in SHEETS if name in book.sheetnames}
    finally:
        book.close()
    customers: dict[str, Doc] = {}
    for number, row in sheets.get("customers", []):
        customers[str(row.get("name") or "")] = {
            **row,
            "contacts": [],
            "projects": [],
            "_row": number,
            "_sheet": "customers",
        }

    def parent(kind: str, number: int, row: Doc, *keys: str) -> Doc | None:
        node: Doc | None = customers.get(str(row.get("customer") or ""))
        for key, child in zip(keys, ("projects", "systems"), strict=False):
            if node is None:
                break
            node = next((n for n in node[child] if n.get("name") == row.get(key)), None)
        if node is None:
            raise ValidationError(
                keys[-1] if keys else "customer",
                "not_found",
                row=number,
                entity=kind,
                value=str(row.get(keys[-1] if keys else "customer")),
            )
        return node

    errors: list[ValidationError] = []
    plan = [
        ("contacts", (), "contacts"),
        ("projects", (), "projects"),
        ("systems", ("project",), "systems"),
        ("hosts", ("project", "system"), "hosts"),
        ("contracts", ("project", "system"), "contracts"),
    ]
    for sheet, keys, child in plan:
        for number, row in sheets.get(sheet, []):
            try:
                owner = parent(sheet, number, row, *keys)
            except ValidationError as error:
                error.where = sheet
                errors.append(error)
                continue
            assert owner is not None
            item = {k: v for k, v in row.items() if k not in {"customer", "project", "system"}}
            if sheet == "projects":
                item["systems"] = []
            if sheet == "systems":
                item |= {"hosts": [], "contracts": []}
            if sheet == "hosts":
                item["tags"] = str(item.get("tags") or "").split()
            owner[child].append({**item, "_row": number, "_sheet": sheet})
    if errors:
        raise BatchValidationError(errors)
    users = [row for _n, row in sheets.get("users", [])]
    return {"users": users, "customers": list(customers.values())}


def _sheet_rows(sheet: Any) -> Iterator[tuple[int, Doc]]:
    rows = sheet.iter_rows(values_only=True)
    header = [str(h).strip() if h is not None else "" for h in next(rows, ())]
    for number, values in enumerate(rows, start=2):
        if values is None or all(v is None or v == "" for v in values):
            continue
        yield number, {h: v for h, v in zip(header, values, strict=False) if h}


# --- validation and import -----------------------------------------------------------------


class _Collector:
    """Runs each check, keeping every error with where it happened instead of stopping."""

    def __init__(self) -> None:
        self.errors: list[ValidationError] = []

    def check(self, where: str, row: int | None, fn: Any, *args: Any) -> Any:
        try:
            return fn(*args)
        except ValidationError as error:
            error.row = row if row is not None else error.row
            error.where = error.where or where
            self.errors.append(error)
            return None


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _bool(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = _text(value).lower()
    if text in {"1", "true", "yes", "y", "是", "x", "✔"}:
        return True
    if text in {"", "0", "false", "no", "n", "否"}:
        return False
    raise ValidationError(name, "bad_value", value=text)


def _int(name: str, value: Any, default: int) -> int:
    if value is None or value == "":
        return default
    try:
        return int(str(value).strip())
    except ValueError:
        raise ValidationError(name, "bad_number", value=str(value)) from None


def _user(name: str, value: Any, logins: set[str]) -> str | None:
    login = _text(value) or None
    if login is not None and login not in logins:
        raise ValidationError(name, "unknown_user", value=login)
    return login


def _check_unique(name: str, seen: set[str], value: str) -> str:
    if value in seen:
        raise ValidationError(name, "duplicate", value=value)
    seen.add(value)
    return value


def import_document(session: Session, doc: Doc) -> ImportSummary:
    """Validate everything, then write everything (merging by name) in the caller's
    transaction; one audit event per created or updated row, plus a summary event."""
    require(session, Permission.REGISTRY_IMPORT)
    logins = set(session.scalars(select(User.login)))
    c = _Collector()
    new_users: list[Doc] = []
    for ui_, user in enumerate(_list(doc, "users")):
        where = f"users[{ui_}]"
        login = c.check(where, None, rules.valid_login, "login", _text(user.get("login")))
        role = c.check(where, None, rules.valid_choice, "role", _text(user.get("role")), Role)
        if login and role and login not in logins:
            logins.add(login)
            new_users.append(
                {
                    "login": login,
                    "role": role,
                    "name": _text(user.get("name")) or login,
                    "email": _text(user.get("email")),
                }
            )
    plan: list[Doc] = []
    names: set[str] = set()
    for ci, cust in enumerate(_list(doc, "customers")):
        where, row = _where(cust, f"customers[{ci}]"), cust.get("_row")
        item = {
            "name": c.check(
                where,
                row,
                lambda v: _check_unique("name", names, rules.required("name", v)),
                _text(cust.get("name")),
            ),
            "short_name": c.check(
                where, row, rules.limited, "short_name", _text(cust.get("short_name")), 100
            ),
            "region": c.check(where, row, rules.limited, "region", _text(cust.get("region")), 100),
            "engineer": c.check(where, row, _user, "engineer", cust.get("engineer"), logins),
            "first_contact_on": c.check(
                where, row, rules.parse_date, "first_contact_on", cust.get("first_contact_on")
            ),
            "contacts": [],
            "projects": [],
        }
        for ki, contact in enumerate(_list(cust, "contacts")):
            w, r = _where(contact, f"{where}.contacts[{ki}]"), contact.get("_row")
            item["contacts"].append(
                {
                    "name": c.check(w, r, rules.required, "name", _text(contact.get("name")), 100),
                    "role": c.check(w, r, rules.limited, "role", _text(contact.get("role")), 100),
                    "phone": c.check(w, r, rules.valid_phone, "phone", _text(contact.get("phone"))),
                    "email": c.check(w, r, rules.valid_email, "email", _text(contact.get("email"))),
                    "emergency": c.check(w, r, _bool, "emergency", contact.get("emergency")),
                }
            )
        projects: set[str] = set()
        for pi, proj in enumerate(_list(cust, "projects")):
            w, r = _where(proj, f"{where}.projects[{pi}]"), proj.get("_row")
            p_item = {
                "name": c.check(
                    w,
                    r,
                    lambda v, s=projects: _check_unique("name", s, rules.required("name", v)),
                    _text(proj.get("name")),
                ),
                "contract_no": c.check(
                    w, r, rules.limited, "contract_no", _text(proj.get("contract_no")), 100
                ),
                "planned_acceptance": c.check(
                    w,
                    r,
                    rules.parse_date,
                    "planned_acceptance_date",
                    proj.get("planned_acceptance_date"),
                ),
                "acceptance_date": c.check(
                    w, r, rules.parse_date, "acceptance_date", proj.get("acceptance_date")
                ),
                "systems": [],
            }
            systems: set[str] = set()
            for si, system in enumerate(_list(proj, "systems")):
                path = _where(system, f"{w}.systems[{si}]")
                p_item["systems"].append(_system_plan(c, path, system, systems, logins))
            item["projects"].append(p_item)
        plan.append(item)
    if c.errors:
        raise BatchValidationError(c.errors)
    for user in new_users:  # people the registry names: sign-in logins are added separately
        session.add(User(active=True, **user))
        audit.append(session, "user.import", f"user:{user['login']}", {"role": user["role"]})
    return _write(session, plan)


def _system_plan(c: _Collector, w: str, system: Doc, seen: set[str], logins: set[str]) -> Doc:
    r = system.get("_row")
    item: Doc = {
        "name": c.check(
            w,
            r,
            lambda v: _check_unique("name", seen, rules.required("name", v)),
            _text(system.get("name")),
        ),
        "environment": c.check(
            w,
            r,
            rules.valid_choice,
            "environment",
            _text(system.get("environment")) or "production",
            Environment,
        ),
        "under_maintenance": c.check(
            w, r, _bool, "under_maintenance", system.get("under_maintenance", True)
        ),
        "hosts": [],
        "contracts": [],
    }
    host_names: set[str] = set()
    hosts = _list(system, "hosts")
    for hi, host in enumerate(hosts):
        hw, hr = _where(host, f"{w}.hosts[{hi}]"), host.get("_row")
        tags = host.get("tags") or []
        item["hosts"].append(
            {
                "name": c.check(
                    hw,
                    hr,
                    lambda v: _check_unique("name", host_names, rules.required("name", v, 100)),
                    _text(host.get("name")),
                ),
                "address": c.check(
                    hw, hr, rules.valid_address, "address", _text(host.get("address"))
                ),
                "port": c.check(
                    hw,
                    hr,
                    lambda v: rules.valid_port("port", _int("port", v, 22)),
                    host.get("port"),
                ),
                "user": c.check(hw, hr, rules.limited, "user", _text(host.get("user")), 63),
                "credential": _text(host.get("credential")) or None,
                "tags": c.check(
                    hw,
                    hr,
                    rules.clean_tags,
                    list(tags) if isinstance(tags, list) else str(tags).split(),
                ),
                "jump_host": _text(host.get("jump_host")) or None,
            }
        )
    # A jump host names another host of the same system, possibly listed later.
    for hi, host in enumerate(item["hosts"]):
        jump = host["jump_host"]
        if jump is not None and (jump not in host_names or jump == host["name"]):
            c.check(
                _where(hosts[hi], f"{w}.hosts[{hi}]"),
                hosts[hi].get("_row"),
                _raise,
                "jump_host",
                "unknown_jump_host",
                jump,
            )
    for ki, contract in enumerate(_list(system, "contracts")):
        kw, kr = _where(contract, f"{w}.contracts[{ki}]"), contract.get("_row")
        start = c.check(kw, kr, _required_date, "start", contract.get("start"))
        end = c.check(kw, kr, _required_date, "end", contract.get("end"))
        notice = c.check(
            kw,
            kr,
            _int,
            "notice_months",
            contract.get("notice_months"),
            rules.DEFAULT_NOTICE_MONTHS,
        )
        if start and end and notice is not None:
            c.check(kw, kr, rules.valid_contract_dates, start, end, notice)
        item["contracts"].append(
            {
                "start": start,
                "end": end,
                "notice_months": notice,
                "kind": c.check(
                    kw,
                    kr,
                    rules.valid_choice,
                    "kind",
                    _text(contract.get("kind")) or "free",
                    ContractKind,
                ),
                "salesperson": c.check(
                    kw, kr, _user, "salesperson", contract.get("salesperson"), logins
                ),
            }
        )
    return item


def _where(node: Doc, path: str) -> str:
    """Spreadsheet rows are located by sheet (and row); JSON nodes by their path."""
    return str(node.get("_sheet") or path)


def _raise(name: str, code: str, value: str) -> None:
    raise ValidationError(name, code, value=value)


def _required_date(name: str, value: Any) -> date:
    parsed = rules.parse_date(name, value)
    if parsed is None:
        raise ValidationError(name, "required")
    return parsed


def _list(node: Any, key: str) -> list[Doc]:
    value = node.get(key) if isinstance(node, dict) else None
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ValidationError(key, "bad_structure", detail=key)
    return value


def _write(session: Session, plan: list[Doc]) -> ImportSummary:
    """Merge by natural keys: customer name; project within customer; system within project;
    host within system. Contacts and contracts of an imported system are replaced."""
    actor = audit.current_actor(session)
    now = datetime.now(UTC)
    counts = dict.fromkeys(
        ("customers", "contacts", "projects", "systems", "hosts", "contracts"), 0
    )
    today = date.today()

    def stamp(obj: Any) -> Any:
        obj.updated_by, obj.updated_at = actor, now
        return obj

    existing = {c.name: c for c in session.scalars(select(Customer))}
    for item in plan:
        customer = existing.get(item["name"]) or stamp(
            Customer(name=item["name"], created_on=today)
        )
        for key in ("short_name", "region", "engineer", "first_contact_on"):
            setattr(customer, key, item[key])
        session.add(stamp(customer))
        session.flush()
        audit.append(session, "customer.import", f"customer:{customer.id}", {"name": item["name"]})
        counts["customers"] += 1
        if item["contacts"]:
            for old in list(customer.contacts):
                session.delete(old)
            for contact in item["contacts"]:
                session.add(stamp(Contact(customer_id=customer.id, **contact)))
                counts["contacts"] += 1
        projects = {p.name: p for p in customer.projects}
        for p_item in item["projects"]:
            project = projects.get(p_item["name"]) or Project(
                customer_id=customer.id, name=p_item["name"]
            )
            for key in ("contract_no", "planned_acceptance", "acceptance_date"):
                setattr(project, key, p_item[key])
            session.add(stamp(project))
            session.flush()
            counts["projects"] += 1
            systems = {s.name: s for s in project.systems}
            for s_item in p_item["systems"]:
                _write_system(session, project, systems.get(s_item["name"]), s_item, stamp, counts)
    session.flush()
    audit.append(session, "registry.import", "registry", counts)
    return ImportSummary(counts)


def _write_system(
    session: Session,
    project: Project,
    system: System | None,
    item: Doc,
    stamp: Any,
    counts: dict[str, int],
) -> None:
    if system is None:
        system = System(project_id=project.id, name=item["name"])
    system.environment, system.under_maintenance = item["environment"], item["under_maintenance"]
    session.add(stamp(system))
    session.flush()
    audit.append(
        session,
        "system.import",
        f"system:{system.id}",
        {"name": item["name"], "hosts": len(item["hosts"])},
    )
    counts["systems"] += 1
    hosts = {h.name: h for h in system.hosts}
    for h in item["hosts"]:
        host = hosts.get(h["name"]) or Host(system_id=system.id, name=h["name"])
        host.address, host.port, host.user = h["address"], h["port"], h["user"]
        host.credential = h["credential"]
        host.tags = f" {' '.join(h['tags'])} " if h["tags"] else ""
        session.add(stamp(host))
        hosts[h["name"]] = host
        counts["hosts"] += 1
    session.flush()
    for h in item["hosts"]:
        jump = hosts[h["jump_host"]].id if h["jump_host"] else None
        hosts[h["name"]].jump_host_id = jump
    if item["contracts"]:
        for old in list(system.contracts):
            session.delete(old)
        for k in item["contracts"]:
            session.add(stamp(Contract(system_id=system.id, **k)))
            counts["contracts"] += 1
    session.flush()


# --- export --------------------------------------------------------------------------------


def export_document(session: Session) -> Doc:
    """Everything the registry holds, nested as the interchange format."""
    iso = _iso
    customers = []
    for c in session.scalars(select(Customer).order_by(Customer.id)):
        customers.append(
            {
                "name": c.name,
                "short_name": c.short_name,
                "region": c.region,
                "engineer": c.engineer,
                "first_contact_on": iso(c.first_contact_on),
                "contacts": [
                    {
                        "name": k.name,
                        "role": k.role,
                        "phone": k.phone,
                        "email": k.email,
                        "emergency": k.emergency,
                    }
                    for k in sorted(c.contacts, key=lambda k: k.id)
                ],
                "projects": [
                    {
                        "name": p.name,
                        "contract_no": p.contract_no,
                        "planned_acceptance_date": iso(p.planned_acceptance),
                        "acceptance_date": iso(p.acceptance_date),
                        "systems": [
                            {
                                "name": s.name,
                                "environment": s.environment,
                                "under_maintenance": s.under_maintenance,
                                "hosts": [
                                    {
                                        "name": h.name,
                                        "address": h.address,
                                        "port": h.port,
                                        "user": h.user,
                                        "jump_host": h.jump_host.name if h.jump_host else None,
                                        "credential": h.credential,
                                        "tags": h.tags.split(),
                                    }
                                    for h in sorted(s.hosts, key=lambda h: h.id)
                                ],
                                "contracts": [
                                    {
                                        "start": iso(k.start),
                                        "end": iso(k.end),
                                        "kind": k.kind,
                                        "salesperson": k.salesperson,
                                        "notice_months": k.notice_months,
                                    }
                                    for k in sorted(s.contracts, key=lambda k: k.id)
                                ],
                            }
                            for s in sorted(p.systems, key=lambda s: s.id)
                        ],
                    }
                    for p in sorted(c.projects, key=lambda p: p.id)
                ],
            }
        )
    users = [
        {"login": u.login, "name": u.name, "email": u.email, "role": u.role}
        for u in session.scalars(select(User).order_by(User.login))
    ]
    return {"users": users, "customers": customers}


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def write_file(doc: Doc, path: Path, fmt: str) -> None:
    """Write to a temporary name first so a failed export never leaves half a file."""
    tmp = path.with_name(path.name + ".part")
    if fmt == "json":
        tmp.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    elif fmt == "xlsx":
        _write_xlsx(doc, tmp)
    else:
        raise ValidationError("format", "unsupported_format", value=fmt)
    tmp.replace(path)


def _write_xlsx(doc: Doc, path: Path) -> None:
    from openpyxl import Workbook  # noqa: PLC0415

    book = Workbook(write_only=True)
    sheets = {name: book.create_sheet(name) for name in SHEETS}
    for name, sheet in sheets.items():
        sheet.append(SHEETS[name])
    for u in doc.get("users", []):
        sheets["users"].append([u["login"], u["name"], u["email"], u["role"]])
    for c in doc["customers"]:
        sheets["customers"].append(
            [c["name"], c["short_name"], c["region"], c["engineer"], c.get("first_contact_on")]
        )
        for k in c["contacts"]:
            sheets["contacts"].append(
                [c["name"], k["name"], k["role"], k["phone"], k["email"], k["emergency"]]
            )
        for p in c["projects"]:
            sheets["projects"].append(
                [
                    c["name"],
                    p["name"],
                    p["contract_no"],
                    p.get("planned_acceptance_date"),
                    p["acceptance_date"],
                ]
            )
            for s in p["systems"]:
                sheets["systems"].append(
                    [c["name"], p["name"], s["name"], s["environment"], s["under_maintenance"]]
                )
                for h in s["hosts"]:
                    sheets["hosts"].append(
                        [
                            c["name"],
                            p["name"],
                            s["name"],
                            h["name"],
                            h["address"],
                            h["port"],
                            h["user"],
                            h["jump_host"],
                            h["credential"],
                            " ".join(h["tags"]),
                        ]
                    )
                for k in s["contracts"]:
                    sheets["contracts"].append(
                        [
                            c["name"],
                            p["name"],
                            s["name"],
                            k["start"],
                            k["end"],
                            k["kind"],
                            k["salesperson"],
                            k["notice_months"],
                        ]
                    )
    book.save(path)
