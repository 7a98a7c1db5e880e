"""Customers, contacts, projects, systems, hosts and maintenance contracts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import Select, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased
from sqlalchemy.orm.exc import StaleDataError

from supportdesk.db import audit
from supportdesk.db.models import (
    Contact,
    Contract,
    Credential,
    Customer,
    FaqEntry,
    HandoverFaq,
    HandoverIssue,
    Host,
    OptimisationItem,
    Project,
    System,
    User,
)
from supportdesk.domain import registry as rules
from supportdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from supportdesk.domain.registry import (
    AttentionItem,
    ContactForm,
    ContactRow,
    ContractForm,
    ContractKind,
    ContractRow,
    CustomerForm,
    CustomerRow,
    Environment,
    HostForm,
    HostRow,
    ProjectForm,
    ProjectRow,
    SystemForm,
    SystemRow,
)
from supportdesk.domain.roles import Permission
from supportdesk.services.users import require

M = TypeVar(
    "M",
    Customer,
    Contact,
    Project,
    System,
    Host,
    Contract,
    Credential,
    HandoverIssue,
    HandoverFaq,
    FaqEntry,
    OptimisationItem,
)
TAGS_WIDTH = 400  # Host.tags, the space-wrapped list


# --- shared mechanics --------------------------------------------------------------


def load_for_update(
    session: Session, model: type[M], entity: str, key: int, version: int | None
) -> M:
    """Lock the row, then check the editor's version: a stale save names who changed it."""
    obj = session.scalars(select(model).where(model.id == key).with_for_update()).first()
    if obj is None:
        raise NotFoundError(entity, key)
    if version is not None and obj.version != version:
        raise ConflictError(entity, key, obj.updated_by)
    return obj


def _save(
    session: Session,
    model: type[M],
    entity: str,
    key: int | None,
    version: int | None,
    values: dict[str, Any],
    unique_field: str = "name",
) -> M:
    actor = require(session, Permission.REGISTRY_EDIT).login
    obj = model(**values) if key is None else load_for_update(session, model, entity, key, version)
    try:
        # The change is made inside the savepoint: begin_nested() flushes whatever is pending
        # *before* its SAVEPOINT, so a row added earlier would fail outside it and take the
        # whole transaction down. This way a refused duplicate leaves the caller's
        # transaction usable.
        with session.begin_nested():
            if key is None:
                session.add(obj)
            else:
                for name, value in values.items():
                    setattr(obj, name, value)
            obj.updated_by = actor
            obj.updated_at = datetime.now(UTC)
            session.flush()
    except IntegrityError:
        raise ValidationError(
            unique_field, "duplicate", value=str(values.get(unique_field))
        ) from None
    except StaleDataError:
        raise ConflictError(entity, key, None) from None
    action = f"{entity}.{'add' if key is None else 'update'}"
    audit.append(session, action, f"{entity}:{obj.id}", _jsonable(values))
    return obj


def _delete(
    session: Session, model: type[M], entity: str, key: int, version: int | None, label: str
) -> None:
    require(session, Permission.REGISTRY_EDIT)
    obj = load_for_update(session, model, entity, key, version)
    name = str(getattr(obj, label))
    session.delete(obj)
    session.flush()
    audit.append(session, f"{entity}.delete", f"{entity}:{key}", {label: name})


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()}


def _exists(session: Session, model: type[M], entity: str, key: int, field: str) -> None:
    if session.get(model, key) is None:
        raise ValidationError(field, "not_found", entity=entity, value=str(key))


def _user_login(session: Session, field: str, login: str | None) -> str | None:
    if not login:
        return None
    if session.scalar(select(User.id).where(User.login == login)) is None:
        raise ValidationError(field, "unknown_user", value=login)
    return login


# --- customers -------------------------------------------------------------------


def customer_values(session: Session, form: CustomerForm) -> dict[str, Any]:
    return {
        "name": rules.required("name", form.name),
        "short_name": rules.limited("short_name", form.short_name, 100),
        "region": rules.limited("region", form.region, 100),
        "engineer": _user_login(session, "engineer", form.engineer),
        "first_contact_on": form.first_contact_on,
    }


def save_customer(session: Session, form: CustomerForm, today: date | None = None) -> CustomerRow:
    values = customer_values(session, form)
    if form.id is None:
        values["created_on"] = today or date.today()
    obj = _save(session, Customer, "customer", form.id, form.version, values)
    return get_customer(session, obj.id)


def delete_customer(session: Session, key: int, version: int | None = None) -> None:
    _delete(session, Customer, "customer", key, version, "name")


def _customer_query() -> Select[Any]:
    contacts = (
        select(func.count(Contact.id)).where(Contact.customer_id == Customer.id).scalar_subquery()
    )
    projects = (
        select(func.count(Project.id)).where(Project.customer_id == Customer.id).scalar_subquery()
    )
    return select(Customer, contacts, projects)


def _customer_row(c: Customer, contacts: int, projects: int) -> CustomerRow:
    return CustomerRow(
        c.id,
        c.name,
        c.short_name,
        c.region,
        c.engineer,
        c.created_on,
        c.first_contact_on,
        c.version,
        c.updated_by,
        contacts,
        projects,
    )


def get_customer(session: Session, key: int) -> CustomerRow:
    found = session.execute(_customer_query().where(Customer.id == key)).first()
    if found is None:
        raise NotFoundError("customer", key)
    return _customer_row(*found)


def list_customers(session: Session, text: str = "") -> list[CustomerRow]:
    query = _customer_query().order_by(Customer.id)
    needle = text.strip()
    if needle:
        # icontains: the same case-insensitive match on SQLite and PostgreSQL, and a "%" or
        # "_" typed by the user is a character, not a wildcard.
        query = query.where(
            or_(
                *(
                    column.icontains(needle, autoescape=True)
                    for column in (Customer.name, Customer.short_name, Customer.region)
                )
            )
        )
    return [_customer_row(*r) for r in session.execute(query)]


# --- contacts --------------------------------------------------------------------


def save_contact(session: Session, form: ContactForm) -> ContactRow:
    _exists(session, Customer, "customer", form.customer_id, "customer")
    values = {
        "customer_id": form.customer_id,
        "name": rules.required("name", form.name, 100),
        "role": rules.limited("role", form.role, 100),
        "phone": rules.valid_phone("phone", form.phone),
        "email": rules.valid_email("email", form.email),
        "emergency": bool(form.emergency),
    }
    obj = _save(session, Contact, "contact", form.id, form.version, values)
    return _contact_row(obj)


def _contact_row(c: Contact) -> ContactRow:
    return ContactRow(c.id, c.customer_id, c.name, c.role, c.phone, c.email, c.emergency, c.version)


def delete_contact(session: Session, key: int, version: int | None = None) -> None:
    _delete(session, Contact, "contact", key, version, "name")


def list_contacts(session: Session, customer_id: int | None = None) -> list[ContactRow]:
    query = select(Contact).order_by(Contact.customer_id, Contact.id)
    if customer_id is not None:
        query = query.where(Contact.customer_id == customer_id)
    return [_contact_row(c) for c in session.scalars(query)]


# --- projects --------------------------------------------------------------------


def save_project(session: Session, form: ProjectForm) -> ProjectRow:
    _exists(session, Customer, "customer", form.customer_id, "customer")
    values = {
        "customer_id": form.customer_id,
        "name": rules.required("name", form.name),
        "contract_no": rules.limited("contract_no", form.contract_no, 100),
        "planned_acceptance": form.planned_acceptance,
        "acceptance_date": form.acceptance_date,
    }
    obj = _save(session, Project, "project", form.id, form.version, values)
    return list_projects(session, project_id=obj.id)[0]


def delete_project(session: Session, key: int, version: int | None = None) -> None:
    _delete(session, Project, "project", key, version, "name")


def list_projects(
    session: Session, customer_id: int | None = None, project_id: int | None = None
) -> list[ProjectRow]:
    query = select(Project, Customer.name).join(Customer).order_by(Project.customer_id, Project.id)
    if customer_id is not None:
        query = query.where(Project.customer_id == customer_id)
    if project_id is not None:
        query = query.where(Project.id == project_id)
    return [
        ProjectRow(
            p.id,
            p.customer_id,
            cname,
            p.name,
            p.contract_no,
            p.planned_acceptance,
            p.acceptance_date,
            p.version,
        )
        for p, cname in session.execute(query)
    ]


# --- systems ---------------------------------------------------------------------


def save_system(session: Session, form: SystemForm) -> SystemRow:
    _exists(session, Project, "project", form.project_id, "project")
    values = {
        "project_id": form.project_id,
        "name": rules.required("name", form.name),
        "environment": rules.valid_choice("environment", form.environment, Environment),
        "under_maintenance": bool(form.under_maintenance),
    }
    obj = _save(session, System, "system", form.id, form.version, values)
    return list_systems(session, system_id=obj.id)[0]


def delete_system(session: Session, key: int, version: int | None = None) -> None:
    _delete(session, System, "system", key, version, "name")


def list_systems(
    session: Session, project_id: int | None = None, system_id: int | None = None
) -> list[SystemRow]:
    query = (
        select(System, Project.name, Customer.name)
        .join(Project, System.project_id == Project.id)
        .join(Customer, Project.customer_id == Customer.id)
        .order_by(System.id)
    )
    if project_id is not None:
        query = query.where(System.project_id == project_id)
    if system_id is not None:
        query = query.where(System.id == system_id)
    return [
        SystemRow(
            s.id, s.project_id, pname, cname, s.name, s.environment, s.under_maintenance, s.version
        )
        for s, pname, cname in session.execute(query)
    ]


# --- hosts -----------------------------------------------------------------------


def _tags_column(tags: Sequence[str]) -> str:
    cleaned = rules.clean_tags(list(tags))  # refuses whitespace inside a tag
    column = f" {' '.join(cleaned)} " if cleaned else ""
    if len(column) > TAGS_WIDTH:  # PostgreSQL would refuse the row with a bare DataError
        raise ValidationError("tags", "too_long", max=TAGS_WIDTH - 2)
    return column


def _check_jump_host(session: Session, form: HostForm) -> None:
    """The jump host is another host of the same system, and following jump hosts from it
    never comes back to this host (a loop would never connect)."""
    if form.jump_host_id is None:
        return
    jump = session.get(Host, form.jump_host_id)
    if jump is None or jump.system_id != form.system_id:
        raise ValidationError("jump_host", "jump_host_other_system", value=str(form.jump_host_id))
    if form.id is None:
        return  # a new host cannot be anybody's jump host yet
    if jump.id == form.id:
        raise ValidationError("jump_host", "jump_host_self")
    seen: set[int] = set()
    step: int | None = jump.jump_host_id
    while step is not None and step not in seen:
        if step == form.id:
            raise ValidationError("jump_host", "jump_host_cycle", value=jump.name)
        seen.add(step)
        step = session.scalar(select(Host.jump_host_id).where(Host.id == step))


def save_host(session: Session, form: HostForm) -> HostRow:
    _exists(session, System, "system", form.system_id, "system")
    _check_jump_host(session, form)
    values = {
        "system_id": form.system_id,
        "name": rules.required("name", form.name, 100),
        "address": rules.valid_address("address", form.address),
        "port": rules.valid_port("port", form.port),
        "user": rules.limited("user", form.user, 63),
        "jump_host_id": form.jump_host_id,
        "credential": rules.limited("credential", form.credential or "") or None,
        "tags": _tags_column(form.tags),
    }
    obj = _save(session, Host, "host", form.id, form.version, values)
    return hosts_by_ids(session, [obj.id])[0]


def delete_host(session: Session, key: int, version: int | None = None) -> None:
    _delete(session, Host, "host", key, version, "name")


def _host_query() -> Select[Host, str, str, str]:
    jump = aliased(Host)
    return (
        select(Host, System.name, Customer.name, jump.name)
        .join(System, Host.system_id == System.id)
        .join(Project, System.project_id == Project.id)
        .join(Customer, Project.customer_id == Customer.id)
        .outerjoin(jump, Host.jump_host_id == jump.id)
    )


def host_ids(session: Session, text: str = "", system_id: int | None = None) -> list[int]:
    """Ids only, for a lazy table: rows are fetched a page at a time with hosts_by_ids."""
    query = select(Host.id).order_by(Host.id)
    if system_id is not None:
        query = query.where(Host.system_id == system_id)
    needle = text.strip()
    if needle:  # without a needle no join is needed: every host has a system, project, customer
        query = (
            query.join(System, Host.system_id == System.id)
            .join(Project, System.project_id == Project.id)
            .join(Customer, Project.customer_id == Customer.id)
        )
        columns = (Host.name, Host.address, System.name, Customer.name, Customer.short_name)
        query = query.where(
            or_(
                *(column.icontains(needle, autoescape=True) for column in columns),
                # a whole tag: the column is " tag1 tag2 "
                Host.tags.icontains(f" {needle} ", autoescape=True),
            )
        )
    return list(session.scalars(query))


def hosts_by_ids(session: Session, ids: Sequence[int]) -> list[HostRow]:
    """Rows for `ids`, in the order given (missing ids are skipped)."""
    found: dict[int, HostRow] = {}
    for start in range(0, len(ids), 900):  # stay below SQLite's bound-parameter limit
        chunk = ids[start : start + 900]
        for h, sname, cname, jname in session.execute(_host_query().where(Host.id.in_(chunk))):
            found[h.id] = HostRow(
                h.id,
                h.system_id,
                sname,
                cname,
                h.name,
                h.address,
                h.port,
                h.user,
                h.jump_host_id,
                jname,
                h.credential,
                tuple(h.tags.split()),
                h.version,
            )
    return [found[i] for i in ids if i in found]


# --- maintenance contracts -------------------------------------------------------


def save_contract(session: Session, form: ContractForm) -> ContractRow:
    _exists(session, System, "system", form.system_id, "system")
    rules.valid_contract_dates(form.start, form.end, form.notice_months)
    values = {
        "system_id": form.system_id,
        "start": form.start,
        "end": form.end,
        "kind": rules.valid_choice("kind", form.kind, ContractKind),
        "salesperson": _user_login(session, "salesperson", form.salesperson),
        "notice_months": form.notice_months,
    }
    obj = _save(session, Contract, "contract", form.id, form.version, values, "system_id")
    return list_contracts(session, contract_id=obj.id)[0]


def delete_contract(session: Session, key: int, version: int | None = None) -> None:
    _delete(session, Contract, "contract", key, version, "end")


def list_contracts(
    session: Session, system_id: int | None = None, contract_id: int | None = None
) -> list[ContractRow]:
    query = (
        select(Contract, System.name, Customer.name)
        .join(System, Contract.system_id == System.id)
        .join(Project, System.project_id == Project.id)
        .join(Customer, Project.customer_id == Customer.id)
        .order_by(Contract.end, Contract.id)
    )
    if system_id is not None:
        query = query.where(Contract.system_id == system_id)
    if contract_id is not None:
        query = query.where(Contract.id == contract_id)
    return [
        ContractRow(
            c.id,
            c.system_id,
            sname,
            cname,
            c.start,
            c.end,
            c.kind,
            c.salesperson,
            c.notice_months,
            c.version,
        )
        for c, sname, cname in session.execute(query)
    ]


# --- today's attention list ------------------------------------------------------

AttentionSource = Callable[[Session, date], list[AttentionItem]]


def attention(session: Session, today: date) -> list[AttentionItem]:
    """Registry items for the home page; later areas add their own sources."""
    items: list[AttentionItem] = []
    for c in session.scalars(select(Customer).where(Customer.first_contact_on.is_(None))):
        if rules.first_contact_overdue(c.created_on, c.first_contact_on, today):
            items.append(
                AttentionItem(
                    "customer.first_contact_overdue",
                    "customer",
                    c.id,
                    c.name,
                    c.created_on + timedelta(days=rules.FIRST_CONTACT_DAYS),
                    {"engineer": c.engineer or ""},
                )
            )
    for row in list_contracts(session):
        if rules.expiring_within(row.end, row.notice_months, today):
            items.append(
                AttentionItem(
                    "contract.expiring",
                    "contract",
                    row.id,
                    f"{row.customer} / {row.system}",
                    row.end,
                    {"salesperson": row.salesperson or "", "kind": row.kind},
                )
            )
    return sorted(items, key=lambda i: (i.due or today, i.kind, i.entity_id))


def host_search_index(session: Session) -> list[tuple[int, str]]:
    """(id, lower-case text) for every host: the hosts page filters 100,000 of these in memory
    faster than a LIKE over four joined tables.

    The few systems are read once with their customer; the hosts are read alone, their own
    fields joined by the database, which is how 100,000 rows take a fraction of a second."""
    sep = "\x1f"  # no field holds it, so a needle never matches across two fields
    systems = {
        key: f"{sep}{system}{sep}{customer}{sep}{short}"
        for key, system, customer, short in session.execute(
            select(System.id, System.name, Customer.name, Customer.short_name)
            .join(Project, System.project_id == Project.id)
            .join(Customer, Project.customer_id == Customer.id)
        )
    }
    hosts = select(Host.id, Host.system_id, Host.name + sep + Host.address + sep + Host.tags)
    return [
        (key, (own + systems[system]).lower())
        for key, system, own in session.execute(hosts.order_by(Host.id))
        if system in systems
    ]
