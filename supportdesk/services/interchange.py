"""Registry import and export: JSON (nested), XLSX (a sheet per entity), CSV (flat hosts).

Import is all or nothing: every row is validated, every error is collected with its row and
field, and only a clean file is written — in the caller's single transaction.
"""

from __future__ import annotations

import contextlib
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
from supportdesk.domain.roles import Permission, Role, allows
from supportdesk.services import users
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

    def children(self, where: str, node: Doc, key: str) -> list[Doc]:
        """The list of child objects under `key`; a wrong structure is one listed error."""
        found: list[Doc] | None = self.check(where, node.get("_row"), _list, node, key)
        return found or []


class _Node:
    """Reads one JSON object or spreadsheet row: each field is type-checked, then validated.

    JSON is strict about types (a number is not text); spreadsheet cells are typed by the
    spreadsheet program, so a phone or contract number typed as a number is read as text.
    """

    def __init__(self, c: _Collector, where: str, node: Doc) -> None:
        self.c, self.node = c, node
        self.where = str(node.get("_sheet") or where)
        self.row: int | None = node.get("_row")
        self.loose = "_row" in node

    def run(self, fn: Any, *args: Any) -> Any:
        return self.c.check(self.where, self.row, fn, *args)

    def text(self, key: str, fn: Any = None, *args: Any, default: str = "") -> Any:
        def read() -> Any:
            value = _str(key, self.node.get(key), self.loose) or default
            return fn(key, value, *args) if fn else value

        return self.run(read)

    def optional(self, key: str) -> str | None:
        return self.text(key) or None

    def flag(self, key: str, default: bool) -> Any:
        return self.run(_bool, key, self.node.get(key, default))

    def number(self, key: str, default: int) -> Any:
        return self.run(_int, key, self.node.get(key), default)

    def day(self, key: str, *, required: bool = False) -> Any:
        return self.run(_required_date if required else rules.parse_date, key, self.node.get(key))


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def _str(name: str, value: Any, loose: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if loose and isinstance(value, int | float) and not isinstance(value, bool):
        return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    raise ValidationError(name, "not_text", value=_show(value))


def _bool(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in {0, 1}:
        return bool(value)
    text = value.strip().lower() if isinstance(value, str) else None
    if text in {"1", "true", "yes", "y", "是", "x", "✔"}:
        return True
    if value is None or text in {"", "0", "false", "no", "n", "否"}:
        return False
    raise ValidationError(name, "not_bool", value=_show(value))


def _int(name: str, value: Any, default: int) -> int:
    if value is None or value == "":
        return default
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            pass
    raise ValidationError(name, "bad_number", value=_show(value).strip('"'))


def _tags(name: str, value: Any, loose: bool) -> tuple[str, ...]:
    """A list of text (JSON) or space-separated text (spreadsheets, CSV)."""
    if value is None:
        return ()
    if isinstance(value, str):
        return rules.clean_tags(value.split())
    if not isinstance(value, list):
        raise ValidationError(name, "not_list", value=_show(value))
    return rules.clean_tags([_str(name, tag, loose) for tag in value])


def _user(name: str, login: str, logins: set[str]) -> str | None:
    if login and login not in logins:
        raise ValidationError(name, "unknown_user", value=login)
    return login or None


def _check_unique(name: str, seen: set[str], value: str) -> str:
    if value in seen:
        raise ValidationError(name, "duplicate", value=value)
    seen.add(value)
    return value


def _unique(seen: set[str], max_len: int = 200) -> Any:
    return lambda name, value: _check_unique(name, seen, rules.required(name, value, max_len))


def import_document(session: Session, doc: Doc) -> ImportSummary:
    """Validate everything, then write everything (merging by name) in the caller's
    transaction; one audit event per created or updated row, plus a summary event."""
    importer = require(session, Permission.REGISTRY_IMPORT)
    # Naming people is registry work; adding them (with a role) is the administrator's.
    may_add_users = allows(Role(importer.role), Permission.USER_ADMIN)
    logins = set(session.scalars(select(User.login)))
    c = _Collector()
    new_users: list[Doc] = []
    for ui_, user in enumerate(c.children("file", doc, "users")):
        n = _Node(c, f"users[{ui_}]", user)
        login = n.text("login", rules.valid_login)
        role = n.text("role", rules.valid_choice, Role)
        if login and role and login not in logins:
            if not may_add_users:
                n.run(_raise, "login", "not_allowed", login)
                continue
            logins.add(login)
            new_users.append(
                {
                    "login": login,
                    "role": role,
                    "name": n.text("name", rules.limited, 200) or login,
                    "email": n.text("email", rules.valid_email) or "",
                }
            )
    plan: list[Doc] = []
    names: set[str] = set()
    for ci, cust in enumerate(c.children("file", doc, "customers")):
        where = f"customers[{ci}]"
        n = _Node(c, where, cust)
        item: Doc = {
            "name": n.text("name", _unique(names)),
            "short_name": n.text("short_name", rules.limited, 100),
            "region": n.text("region", rules.limited, 100),
            "engineer": n.text("engineer", _user, logins),
            "first_contact_on": n.day("first_contact_on"),
            "contacts": [],
            "projects": [],
        }
        for ki, contact in enumerate(c.children(n.where, cust, "contacts")):
            k = _Node(c, f"{where}.contacts[{ki}]", contact)
            item["contacts"].append(
                {
                    "name": k.text("name", rules.required, 100),
                    "role": k.text("role", rules.limited, 100),
                    "phone": k.text("phone", rules.valid_phone),
                    "email": k.text("email", rules.valid_email),
                    "emergency": k.flag("emergency", False),
                }
            )
        projects: set[str] = set()
        for pi, proj in enumerate(c.children(n.where, cust, "projects")):
            p = _Node(c, f"{where}.projects[{pi}]", proj)
            p_item: Doc = {
                "name": p.text("name", _unique(projects)),
                "contract_no": p.text("contract_no", rules.limited, 100),
                "planned_acceptance": p.day("planned_acceptance_date"),
                "acceptance_date": p.day("acceptance_date"),
                "systems": [],
            }
            systems: set[str] = set()
            for si, system in enumerate(c.children(p.where, proj, "systems")):
                s = _Node(c, f"{p.where}.systems[{si}]", system)
                p_item["systems"].append(_system_plan(c, s, systems, logins))
            item["projects"].append(p_item)
        plan.append(item)
    if c.errors:
        raise BatchValidationError(c.errors)
    for user in new_users:  # people the registry names: sign-in logins are added separately
        users.insert_user(session, user["login"], user["role"], user["name"], user["email"])
        audit.append(session, "user.import", f"user:{user['login']}", {"role": user["role"]})
    return _write(session, plan)


def _system_plan(c: _Collector, s: _Node, seen: set[str], logins: set[str]) -> Doc:
    system = s.node
    item: Doc = {
        "name": s.text("name", _unique(seen)),
        "environment": s.text("environment", rules.valid_choice, Environment, default="production"),
        "under_maintenance": s.flag("under_maintenance", True),
        "hosts": [],
        "contracts": [],
    }
    host_names: set[str] = set()
    nodes = [
        _Node(c, f"{s.where}.hosts[{hi}]", host)
        for hi, host in enumerate(c.children(s.where, system, "hosts"))
    ]
    for h in nodes:
        item["hosts"].append(
            {
                "name": h.text("name", _unique(host_names, 100)),
                "address": h.text("address", rules.valid_address),
                "port": h.run(
                    lambda v: rules.valid_port("port", _int("port", v, 22)), h.node.get("port")
                ),
                "user": h.text("user", rules.limited, 63),
                "credential": h.text("credential", rules.limited, 200) or None,
                "tags": h.run(_tags, "tags", h.node.get("tags"), h.loose),
                "jump_host": h.optional("jump_host"),
            }
        )
    # A jump host names another host of the same system, possibly listed later.
    for h, host in zip(nodes, item["hosts"], strict=True):
        jump = host["jump_host"]
        if jump is not None and (jump not in host_names or jump == host["name"]):
            h.run(_raise, "jump_host", "unknown_jump_host", jump)
    for ki, contract in enumerate(c.children(s.where, system, "contracts")):
        k = _Node(c, f"{s.where}.contracts[{ki}]", contract)
        start = k.day("start", required=True)
        end = k.day("end", required=True)
        notice = k.number("notice_months", rules.DEFAULT_NOTICE_MONTHS)
        if start and end and notice is not None:
            k.run(rules.valid_contract_dates, start, end, notice)
        item["contracts"].append(
            {
                "start": start,
                "end": end,
                "notice_months": notice,
                "kind": k.text("kind", rules.valid_choice, ContractKind, default="free"),
                "salesperson": k.text("salesperson", _user, logins),
            }
        )
    return item


def _raise(name: str, code: str, value: str) -> None:
    raise ValidationError(name, code, value=value)


def _required_date(name: str, value: Any) -> date:
    parsed = rules.parse_date(name, value)
    if parsed is None:
        raise ValidationError(name, "required")
    return parsed


def _list(node: Doc, key: str) -> list[Doc]:
    value = node.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValidationError(key, "bad_structure", detail=key)
    for index, child in enumerate(value):
        if not isinstance(child, dict):
            raise ValidationError(key, "bad_structure", detail=f"{key}[{index}]")
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
    """Write to a temporary name first so a failed export never leaves half a file. A folder
    that does not exist yet is made; a path that cannot be written is a message, not a trace."""
    if fmt not in {"json", "xlsx"}:
        raise ValidationError("format", "unsupported_format", value=fmt)
    tmp = path.with_name(path.name + ".part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "json":
            tmp.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
        else:
            _write_xlsx(doc, tmp)
        tmp.replace(path)
    except OSError as error:
        with contextlib.suppress(OSError):  # no half-written .part left behind
            tmp.unlink(missing_ok=True)
        raise ValidationError(
            "file", "unwritable", value=str(path), detail=error.strerror or str(error)
        ) from None


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
