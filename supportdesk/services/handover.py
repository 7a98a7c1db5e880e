"""Project handovers (issue 7, first slice: the timeline, R1.1). Every project with an
acceptance date, planned or actual, has a handover: its join and due dates follow from that
date, its state moves planned → joined → in progress (→ signed, with the package), and it is
late when not signed by the due date."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from supportdesk.db import audit, evidence
from supportdesk.db.models import (
    AuditEvent,
    Contact,
    Credential,
    Customer,
    Handover,
    HandoverFaq,
    HandoverIssue,
    HandoverMaterial,
    HandoverPackage,
    HandoverSignoff,
    Host,
    Project,
    System,
)
from supportdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from supportdesk.domain.handover import (
    MAX_MATERIAL_BYTES,
    NEXT,
    BoundaryForm,
    ContactLine,
    FaqForm,
    FaqRow,
    HandoverState,
    IssueForm,
    IssueLine,
    IssueRow,
    MaterialLine,
    MaterialRow,
    PackageDocument,
    PackageRow,
    Signature,
    SignOffForm,
    SignOffRow,
    Timeline,
    from_json,
    to_json,
)
from supportdesk.domain.registry import (
    ContractForm,
    ContractKind,
    Environment,
    add_months,
    limited,
    required,
)
from supportdesk.domain.roles import Permission
from supportdesk.services import faq, registry, team_settings, vault
from supportdesk.services.files import written_beside
from supportdesk.services.registry import load_for_update
from supportdesk.services.users import require


def timelines(session: Session, *, project_id: int | None = None) -> list[Timeline]:
    """The handover of every project that has an acceptance date, soonest due first."""
    acceptance = func.coalesce(Project.acceptance_date, Project.planned_acceptance)
    query = (
        select(
            Project.id,
            Customer.name,
            Project.name,
            acceptance,
            Project.acceptance_date.is_not(None),
            Handover.state,
            Handover.joined_on,
            Handover.signed_on,
        )
        .join(Customer, Project.customer_id == Customer.id)
        .outerjoin(Handover, Handover.project_id == Project.id)
        .where(acceptance.is_not(None))
        .order_by(acceptance, Project.id)
    )
    if project_id is not None:
        query = query.where(Project.id == project_id)
    return [
        Timeline(
            int(pid),
            str(customer),
            str(name),
            accepted,
            bool(actual),
            HandoverState(state or HandoverState.PLANNED),
            joined,
            signed,
        )
        for pid, customer, name, accepted, actual, state, joined, signed in session.execute(query)
    ]


def timeline(session: Session, project_id: int) -> Timeline:
    found = timelines(session, project_id=project_id)
    if not found:
        if session.get(Project, project_id) is None:
            raise NotFoundError("project", project_id)
        raise ValidationError("acceptance_date", "no_acceptance_date")
    return found[0]


def advance(
    session: Session, project_id: int, to: HandoverState, on: date | None = None
) -> Timeline:
    """Move a handover one step forward (planned → joined → in progress); `on` is the day
    the group joined (default today). Signing goes through the package, not here."""
    require(session, Permission.HANDOVER_EDIT)
    current = timeline(session, project_id)
    if NEXT.get(current.state) is not to:
        raise ValidationError(
            "state", "bad_transition", value=to.value, current=current.state.value
        )
    row = session.scalars(
        select(Handover).where(Handover.project_id == project_id).with_for_update()
    ).first()
    actor = audit.current_actor(session)
    now = datetime.now(UTC)
    if row is None:
        row = Handover(project_id=project_id, updated_by=actor, updated_at=now)
        session.add(row)
    row.state = to.value
    row.updated_by, row.updated_at = actor, now
    if to is HandoverState.JOINED:
        row.joined_on = on or date.today()
    audit.append(
        session,
        "handover.state",
        f"project:{project_id}",
        {"state": to.value, "joined_on": row.joined_on.isoformat() if row.joined_on else None},
    )
    session.flush()
    return timeline(session, project_id)


# --- outstanding issues (R1.2 part 2) ----------------------------------------------------


def _issue_row(i: HandoverIssue) -> IssueRow:
    return IssueRow(
        i.id, i.project_id, i.title, i.owner, i.due_on, i.detail, i.state, i.closed_on, i.version
    )


def issues(session: Session, project_id: int | None = None) -> list[IssueRow]:
    """Open ones first, then by completion date."""
    query = select(HandoverIssue).order_by(
        HandoverIssue.state != "open", HandoverIssue.due_on, HandoverIssue.id
    )
    if project_id is not None:
        query = query.where(HandoverIssue.project_id == project_id)
    return [_issue_row(i) for i in session.scalars(query)]


def save_issue(session: Session, form: IssueForm) -> IssueRow:
    """Add or change an outstanding issue: it needs a title, an owner and a completion date."""
    actor = require(session, Permission.HANDOVER_EDIT).login
    values = {
        "title": required("title", form.title, 300),
        "owner": required("owner", form.owner, 200),
        "due_on": form.due_on,
        "detail": limited("detail", form.detail, 4000),
    }
    if session.get(Project, form.project_id) is None:
        raise NotFoundError("project", form.project_id)
    _editable(session, form.project_id)
    row = _upsert(session, HandoverIssue, "handover_issue", form, values, actor, state="open")
    audit.append(
        session,
        f"handover_issue.{'add' if form.id is None else 'update'}",
        f"handover_issue:{row.id}",
        {
            "project_id": form.project_id,
            **{k: (v.isoformat() if isinstance(v, date) else v) for k, v in values.items()},
        },
    )
    return _issue_row(row)


_Part = TypeVar("_Part", HandoverIssue, HandoverFaq)


def _upsert(
    session: Session,
    model: type[_Part],
    entity: str,
    form: IssueForm | FaqForm,
    values: dict[str, Any],
    actor: str,
    **new: Any,
) -> _Part:
    """Add a row of a project's package, or change one (a stale version is a conflict)."""
    if form.id is None:
        row = model(project_id=form.project_id, **values, **new)
        session.add(row)
    else:
        row = load_for_update(session, model, entity, form.id, form.version)
        if row.project_id != form.project_id:
            raise ValidationError("project_id", "bad_value", value=str(form.project_id))
        for name, value in values.items():
            setattr(row, name, value)
    row.updated_by, row.updated_at = actor, datetime.now(UTC)
    try:
        session.flush()
    except StaleDataError:
        raise ConflictError(entity, form.id, None) from None
    return row


def set_issue_state(
    session: Session, issue_id: int, closed: bool, version: int | None, on: date | None = None
) -> IssueRow:
    """Close an issue (on the day it was done), or open it again."""
    actor = require(session, Permission.HANDOVER_EDIT).login
    row = load_for_update(session, HandoverIssue, "handover_issue", issue_id, version)
    row.state = "closed" if closed else "open"
    row.closed_on = (on or date.today()) if closed else None
    row.updated_by, row.updated_at = actor, datetime.now(UTC)
    session.flush()
    audit.append(
        session,
        "handover_issue.state",
        f"handover_issue:{row.id}",
        {"state": row.state, "closed_on": row.closed_on.isoformat() if row.closed_on else None},
    )
    return _issue_row(row)


# --- the external and internal boundaries (R1.2 parts 3, 4), and what is still missing ---

_TEXTS = ("company_scope", "customer_scope", "expiry_terms", "after_sales_scope", "support_scope")


def package(session: Session, project_id: int) -> PackageRow:
    if session.get(Project, project_id) is None:
        raise NotFoundError("project", project_id)
    row = session.scalars(
        select(HandoverPackage).where(HandoverPackage.project_id == project_id)
    ).first()
    if row is None:
        return PackageRow(project_id, "", "", None, None, "", "", "", None)
    return PackageRow(
        project_id,
        row.company_scope,
        row.customer_scope,
        row.maintenance_start,
        row.maintenance_end,
        row.expiry_terms,
        row.after_sales_scope,
        row.support_scope,
        row.version,
    )


def save_boundaries(session: Session, form: BoundaryForm) -> PackageRow:
    """Store parts 3 and 4. The maintenance period becomes each system's free maintenance
    contract (R1.2: the record the expiry reminders use): created the first time, moved
    with the period afterwards. All in the caller's transaction: bad input changes nothing."""
    actor = require(session, Permission.HANDOVER_EDIT).login
    texts = {name: limited(name, getattr(form, name), 8000) for name in _TEXTS}
    start, end = form.maintenance_start, form.maintenance_end
    if (start is None) != (end is None):
        raise ValidationError("maintenance_end" if end is None else "maintenance_start", "required")
    if start is not None and end is not None and end < start:
        raise ValidationError("maintenance_end", "end_before_start")
    before = package(session, form.project_id)
    _editable(session, form.project_id)
    row = session.scalars(
        select(HandoverPackage)
        .where(HandoverPackage.project_id == form.project_id)
        .with_for_update()
    ).first()
    if row is None:
        row = HandoverPackage(project_id=form.project_id)
        session.add(row)
    elif form.version is not None and row.version != form.version:
        raise ConflictError("handover_package", row.id, row.updated_by)
    for name, value in texts.items():
        setattr(row, name, value)
    row.maintenance_start, row.maintenance_end = start, end
    row.updated_by, row.updated_at = actor, datetime.now(UTC)
    try:
        session.flush()
    except StaleDataError:
        raise ConflictError("handover_package", row.id, None) from None
    if start is not None and end is not None:
        _contracts_follow(session, form.project_id, before, start, end)
    audit.append(
        session,
        "handover.boundaries",
        f"project:{form.project_id}",
        {
            **texts,
            "maintenance_start": start.isoformat() if start else None,
            "maintenance_end": end.isoformat() if end else None,
        },
    )
    return package(session, form.project_id)


def _contracts_follow(
    session: Session, project_id: int, before: PackageRow, start: date, end: date
) -> None:
    """Each production system's free contract for the handed-over period: the one the
    previous period made is moved; one already registered for this period is taken as it
    is; otherwise one is added (through the registry, so it is checked and audited like any
    contract). Test and staging systems are not contracted on their own: a contract of their
    own would send the sales director a second expiry reminder for the same maintenance."""
    systems = session.scalars(
        select(System.id).where(
            System.project_id == project_id, System.environment == Environment.PRODUCTION
        )
    ).all()
    for system_id in systems:
        free = [
            c for c in registry.list_contracts(session, system_id=system_id) if c.kind == "free"
        ]
        if any((c.start, c.end) == (start, end) for c in free):
            continue
        previous = [
            c
            for c in free
            if (c.start, c.end) == (before.maintenance_start, before.maintenance_end)
        ]
        key, version = (previous[0].id, previous[0].version) if previous else (None, None)
        registry.save_contract(
            session, ContractForm(system_id, start, end, ContractKind.FREE, id=key, version=version)
        )


def missing(session: Session, project_id: int) -> list[str]:
    """What the package still lacks, in its order: "material:<category>" for each required
    category (the team's `handover.categories`) with nothing in it, then the codes of
    domain/handover.MISSING. Sign-off waits for an empty list. Emergency contacts are the
    customer's contacts marked as such."""
    found = package(session, project_id)
    present = {m.category for m in materials(session, project_id)}
    gaps = [f"material:{c}" for c in required_categories(session) if c not in present]
    gaps += [
        name for name in ("company_scope", "customer_scope") if not getattr(found, name).strip()
    ]
    if found.maintenance_start is None:
        gaps.append("maintenance_period")
    gaps += [
        name
        for name in ("expiry_terms", "after_sales_scope", "support_scope")
        if not getattr(found, name).strip()
    ]
    if not session.scalar(select(func.count()).where(HandoverFaq.project_id == project_id)):
        gaps.append("faq")
    customer = session.scalar(select(Project.customer_id).where(Project.id == project_id))
    emergency = session.scalar(
        select(func.count())
        .select_from(Contact)
        .where(Contact.customer_id == customer, Contact.emergency)
    )
    if not emergency:
        gaps.append("emergency_contacts")
    if not session.scalar(select(func.count()).where(System.project_id == project_id)):
        gaps.append("systems")
    return gaps


# --- freezing: a signed package changes only through an amendment (R1.3) -------------------


def _editable(session: Session, project_id: int) -> None:
    """Refuse an edit to a signed package unless an amendment is under way."""
    state, amending = session.execute(
        select(Handover.state, Handover.amending).where(Handover.project_id == project_id)
    ).first() or (None, None)
    if state == HandoverState.SIGNED and amending is None:
        raise ValidationError("handover", "signed_frozen")


# --- part 1: technical materials ---------------------------------------------------------


def required_categories(session: Session) -> tuple[str, ...]:
    raw = str(team_settings.get(session, "handover.categories"))
    return tuple(c for c in (part.strip() for part in raw.split(",")) if c)


def _material_row(m: HandoverMaterial) -> MaterialRow:
    return MaterialRow(
        m.id, m.project_id, m.category, m.name, m.sha256, m.size, m.location, m.note, m.added_by
    )


def materials(session: Session, project_id: int) -> list[MaterialRow]:
    query = (
        select(HandoverMaterial)
        .where(HandoverMaterial.project_id == project_id)
        .order_by(HandoverMaterial.category, HandoverMaterial.name, HandoverMaterial.id)
    )
    return [_material_row(m) for m in session.scalars(query)]


def add_material(
    session: Session,
    project_id: int,
    category: str,
    name: str,
    *,
    data: bytes | None = None,
    location: str = "",
    note: str = "",
) -> MaterialRow:
    """A file (kept once by SHA-256, however many projects hand it over) or a location (a
    repository URL and commit): one of the two."""
    actor = require(session, Permission.HANDOVER_EDIT).login
    if session.get(Project, project_id) is None:
        raise NotFoundError("project", project_id)
    _editable(session, project_id)
    values = {
        "category": required("category", category, 60),
        "name": required("name", name, 255),
        "location": limited("location", location, 1000),
        "note": limited("note", note, 4000),
    }
    if data is None and not values["location"]:
        raise ValidationError("location", "required")
    if data is not None and len(data) > MAX_MATERIAL_BYTES:
        raise ValidationError("file", "too_large", max=f"{MAX_MATERIAL_BYTES // (1024 * 1024)} MB")
    digest = evidence.put(session, data) if data is not None else None
    row = HandoverMaterial(
        project_id=project_id,
        sha256=digest,
        size=len(data) if data is not None else 0,
        added_by=actor,
        added_at=datetime.now(UTC),
        **values,
    )
    session.add(row)
    session.flush()
    audit.append(
        session,
        "handover_material.add",
        f"project:{project_id}",
        {**values, "sha256": digest, "size": row.size},
    )
    return _material_row(row)


def remove_material(session: Session, material_id: int) -> None:
    require(session, Permission.HANDOVER_EDIT)
    row = session.get(HandoverMaterial, material_id, with_for_update=True)
    if row is None:
        raise NotFoundError("handover_material", material_id)
    _editable(session, row.project_id)
    audit.append(
        session,
        "handover_material.remove",
        f"project:{row.project_id}",
        {"category": row.category, "name": row.name, "sha256": row.sha256},
    )
    session.delete(row)
    session.flush()


def material_data(session: Session, material_id: int) -> tuple[str, bytes]:
    """The file's name and bytes, checked against its SHA-256 (EvidenceDamagedError if not)."""
    row = session.get(HandoverMaterial, material_id)
    if row is None or row.sha256 is None:
        raise NotFoundError("handover_material", material_id)
    return row.name, evidence.get(session, row.sha256)


# --- part 4: the project's FAQ -----------------------------------------------------------


def faqs(session: Session, project_id: int) -> list[FaqRow]:
    query = select(HandoverFaq).where(HandoverFaq.project_id == project_id).order_by(HandoverFaq.id)
    return [
        FaqRow(f.id, f.project_id, f.question, f.answer, f.version) for f in session.scalars(query)
    ]


def save_faq(session: Session, form: FaqForm) -> FaqRow:
    actor = require(session, Permission.HANDOVER_EDIT).login
    if session.get(Project, form.project_id) is None:
        raise NotFoundError("project", form.project_id)
    _editable(session, form.project_id)
    values = {
        "question": required("question", form.question, 500),
        "answer": required("answer", form.answer, 8000),
    }
    row = _upsert(session, HandoverFaq, "handover_faq", form, values, actor)
    audit.append(
        session,
        f"handover_faq.{'add' if form.id is None else 'update'}",
        f"project:{form.project_id}",
        {"id": row.id, **values},
    )
    return FaqRow(row.id, row.project_id, row.question, row.answer, row.version)


def delete_faq(session: Session, faq_id: int, version: int | None) -> None:
    require(session, Permission.HANDOVER_EDIT)
    row = load_for_update(session, HandoverFaq, "handover_faq", faq_id, version)
    _editable(session, row.project_id)
    audit.append(
        session, "handover_faq.delete", f"project:{row.project_id}", {"question": row.question}
    )
    session.delete(row)
    session.flush()


# --- the package as one document, sign-off, amendments (R1.3, R1.4) ----------------------


def document(session: Session, project_id: int, version_no: int | None = None) -> PackageDocument:
    """The package as it stands (a draft for signature), or a signed version as frozen."""
    if version_no is not None:
        row = session.scalars(
            select(HandoverSignoff).where(
                HandoverSignoff.project_id == project_id,
                HandoverSignoff.version_no == version_no,
            )
        ).first()
        if row is None:
            raise NotFoundError("handover_signoff", version_no)
        return from_json(evidence.get(session, row.package_sha256).decode("utf-8"))
    return _draft(session, project_id, None)


def _draft(session: Session, project_id: int, signature: Signature | None) -> PackageDocument:
    line = timeline(session, project_id)
    project = session.get(Project, project_id)
    assert project is not None  # timeline() found it
    systems = session.execute(
        select(System.name, System.environment)
        .where(System.project_id == project_id)
        .order_by(System.name)
    ).all()
    contacts = session.scalars(
        select(Contact)
        .where(Contact.customer_id == project.customer_id, Contact.emergency)
        .order_by(Contact.name, Contact.id)
    )
    parts = package(session, project_id)
    return PackageDocument(
        customer=line.customer,
        project=line.project,
        contract_no=project.contract_no,
        acceptance=line.acceptance,
        join_on=line.join_on,
        due_on=line.due_on,
        systems=tuple((str(n), str(e)) for n, e in systems),
        materials=tuple(
            MaterialLine(m.category, m.name, m.sha256, m.size, m.location, m.note)
            for m in materials(session, project_id)
        ),
        issues=tuple(
            IssueLine(i.title, i.owner, i.due_on, i.state, i.detail)
            for i in issues(session, project_id)
        ),
        company_scope=parts.company_scope,
        customer_scope=parts.customer_scope,
        maintenance_start=parts.maintenance_start,
        maintenance_end=parts.maintenance_end,
        expiry_terms=parts.expiry_terms,
        after_sales_scope=parts.after_sales_scope,
        support_scope=parts.support_scope,
        faq=tuple((f.question, f.answer) for f in faqs(session, project_id)),
        contacts=tuple(ContactLine(c.name, c.role, c.phone, c.email) for c in contacts),
        signature=signature,
    )


def _signoff_row(s: HandoverSignoff) -> SignOffRow:
    return SignOffRow(
        s.project_id,
        s.version_no,
        s.signed_on,
        s.our_signers,
        s.customer_signers,
        s.scan_name,
        s.scan_sha256,
        s.package_sha256,
        s.reason,
        s.recorded_by,
    )


def signoffs(session: Session, project_id: int) -> list[SignOffRow]:
    query = (
        select(HandoverSignoff)
        .where(HandoverSignoff.project_id == project_id)
        .order_by(HandoverSignoff.version_no)
    )
    return [_signoff_row(s) for s in session.scalars(query)]


def sign(session: Session, form: SignOffForm, *, today: date | None = None) -> SignOffRow:
    """Record the sign-off (R1.3): the package must be complete; it is frozen as evidence,
    its hash goes into the audit chain. The first signature hands the project's systems to
    maintenance (first inspection next month) and marks every credential of them rotation
    due (R1.4); an amendment's signature is the next version, with the amendment's reason.
    One transaction: a refusal anywhere changes nothing."""
    actor = require(session, Permission.HANDOVER_EDIT).login
    current = timeline(session, form.project_id)
    row = session.scalars(
        select(Handover).where(Handover.project_id == form.project_id).with_for_update()
    ).first()
    amending = row.amending if row is not None else None
    if current.state is HandoverState.SIGNED and amending is None:
        raise ValidationError("handover", "signed_frozen")
    if current.state is not HandoverState.SIGNED and current.state is not HandoverState.IN_PROGRESS:
        raise ValidationError(
            "state", "bad_transition", value=HandoverState.SIGNED.value, current=current.state.value
        )
    ours = required("our_signers", form.our_signers, 500)
    theirs = required("customer_signers", form.customer_signers, 500)
    scan_name = required("scan", form.scan_name, 255)
    if not form.scan:
        raise ValidationError("scan", "required")
    if len(form.scan) > MAX_MATERIAL_BYTES:
        raise ValidationError("scan", "too_large", max=f"{MAX_MATERIAL_BYTES // (1024 * 1024)} MB")
    if form.signed_on > (today or date.today()):
        raise ValidationError("signed_on", "in_future", value=form.signed_on.isoformat())
    gaps = missing(session, form.project_id)
    if gaps:
        raise ValidationError("handover", "incomplete", missing=", ".join(gaps))
    version_no = 1 + (
        session.scalar(
            select(func.max(HandoverSignoff.version_no)).where(
                HandoverSignoff.project_id == form.project_id
            )
        )
        or 0
    )
    reason = amending or ""
    scan_sha256 = evidence.put(session, form.scan)
    frozen = _draft(
        session,
        form.project_id,
        Signature(version_no, form.signed_on, ours, theirs, scan_name, scan_sha256, reason),
    )
    package_sha256 = evidence.put(session, to_json(frozen).encode("utf-8"))
    now = datetime.now(UTC)
    signed = HandoverSignoff(
        project_id=form.project_id,
        version_no=version_no,
        signed_on=form.signed_on,
        our_signers=ours,
        customer_signers=theirs,
        scan_name=scan_name,
        scan_sha256=scan_sha256,
        package_sha256=package_sha256,
        reason=reason,
        recorded_by=actor,
        recorded_at=now,
    )
    session.add(signed)
    if row is None:
        row = Handover(project_id=form.project_id)
        session.add(row)
    row.state, row.amending = HandoverState.SIGNED.value, None
    row.signed_on = row.signed_on or form.signed_on
    row.updated_by, row.updated_at = actor, now
    session.flush()
    audit.append(
        session,
        "handover.sign",
        f"project:{form.project_id}",
        {
            "version_no": version_no,
            "package_sha256": package_sha256,
            "scan_sha256": scan_sha256,
            "signed_on": form.signed_on.isoformat(),
            "our_signers": ours,
            "customer_signers": theirs,
            "reason": reason,
        },
    )
    if version_no == 1:
        _into_maintenance(session, form.project_id, form.signed_on, current.project)
    # R2.2: the signed package's FAQ seeds the service manual, as drafts linked to this
    # handover (an amendment's new questions too; each question once).
    faq.seed_from_handover(session, form.project_id)
    return _signoff_row(signed)


def _into_maintenance(session: Session, project_id: int, signed_on: date, project: str) -> None:
    """R1.4 and R2.3: the systems are maintained from now on, their first monthly inspection
    due next month; their passwords are to be changed together with the customer."""
    first_month = add_months(signed_on.replace(day=1), 1)
    systems = list(session.scalars(select(System).where(System.project_id == project_id)))
    for system in systems:
        system.under_maintenance, system.maintained_from = True, first_month
        audit.append(
            session,
            "system.maintenance",
            f"system:{system.id}",
            {"under_maintenance": True, "maintained_from": first_month.isoformat()},
        )
    ids = [s.id for s in systems]
    hosts = select(Host.id).where(Host.system_id.in_(ids))
    credentials = session.scalars(
        select(Credential.id).where(
            or_(Credential.system_id.in_(ids), Credential.host_id.in_(hosts))
        )
    ).all()
    vault.mark_rotation_due(session, credentials, f"handover signed: {project}")
    session.flush()


def amend(session: Session, project_id: int, reason: str) -> Timeline:
    """Open a signed package for an amendment; signing it makes the next version."""
    actor = require(session, Permission.HANDOVER_EDIT).login
    why = required("reason", reason, 2000)
    row = session.scalars(
        select(Handover).where(Handover.project_id == project_id).with_for_update()
    ).first()
    if row is None or row.state != HandoverState.SIGNED:
        raise ValidationError("handover", "not_signed")
    if row.amending is not None:
        raise ValidationError("handover", "amendment_open")
    row.amending = why
    row.updated_by, row.updated_at = actor, datetime.now(UTC)
    session.flush()
    audit.append(session, "handover.amend", f"project:{project_id}", {"reason": why})
    return timeline(session, project_id)


def amendment(session: Session, project_id: int) -> str | None:
    """The reason of the amendment under way, if any."""
    return session.scalar(select(Handover.amending).where(Handover.project_id == project_id))


@dataclass(frozen=True, slots=True)
class SignatureCheck:
    version_no: int
    ok: bool
    reason: str | None  # package_damaged, scan_damaged, not_in_chain, chain_broken, mismatch


def verify_signoffs(session: Session, project_id: int) -> list[SignatureCheck]:
    """Each signed version: its frozen package and scan still hash to what was recorded, the
    audit chain holds that hash, and the chain itself verifies."""
    chain_ok = audit.verify(session).ok
    signed = {
        (json.loads(p).get("version_no"), json.loads(p).get("package_sha256"))
        for (p,) in session.execute(
            select(AuditEvent.payload).where(
                AuditEvent.action == "handover.sign", AuditEvent.target == f"project:{project_id}"
            )
        )
    }
    results = []
    for s in signoffs(session, project_id):
        reason: str | None = None
        try:
            frozen = from_json(evidence.get(session, s.package_sha256).decode("utf-8"))
            evidence.get(session, s.scan_sha256)
        except evidence.EvidenceDamagedError as error:
            damaged = error.params.get("sha256")
            reason = "scan_damaged" if damaged == s.scan_sha256 else "package_damaged"
        else:
            sig = frozen.signature
            if sig is None or (sig.version_no, sig.signed_on, sig.scan_sha256) != (
                s.version_no,
                s.signed_on,
                s.scan_sha256,
            ):
                reason = "mismatch"
            elif (s.version_no, s.package_sha256) not in signed:
                reason = "not_in_chain"
            elif not chain_ok:
                reason = "chain_broken"
        results.append(SignatureCheck(s.version_no, reason is None, reason))
    return results


def export(
    session: Session,
    project_id: int,
    fmt: str,
    path: Path,
    font_file: Path,
    version_no: int | None = None,
) -> Path:
    """The package (as it stands, or a signed version as frozen) as DOCX or PDF at `path`;
    written beside it first, so a failure never leaves half a document in its place."""
    from supportdesk.reports import handover_package  # noqa: PLC0415 - loads QtGui

    if fmt not in ("docx", "pdf"):
        raise ValidationError("format", "bad_choice", value=fmt, choices="docx, pdf")
    found = document(session, project_id, version_no)
    with written_beside(path) as part:
        if fmt == "pdf":
            handover_package.write_pdf(found, part, font_file)
        else:
            handover_package.write_docx(found, part)
    return path
