"""Project handover (issue 7, R1.1): the dates that follow from the acceptance date, and the
states a handover goes through. Pure rules: the services read and store them."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from supportdesk.domain.registry import add_months

JOIN_MONTHS = 1  # R1.1: the group joins one month before final acceptance
HANDOVER_DAYS = 14  # ... and completes the handover within two weeks after it
DUE_SOON_DAYS = 3  # the group leader is reminded this many days before the due date


class HandoverState(StrEnum):
    PLANNED = "planned"
    JOINED = "joined"
    IN_PROGRESS = "in_progress"
    SIGNED = "signed"


# Forward only, one step at a time; signing is the package's own step (it needs the
# completeness check), so it is not a plain transition.
NEXT = {
    HandoverState.PLANNED: HandoverState.JOINED,
    HandoverState.JOINED: HandoverState.IN_PROGRESS,
}


def join_date(acceptance: date) -> date:
    """One month before acceptance, month-end aware: acceptance 31 March → 28/29 February."""
    return add_months(acceptance, -JOIN_MONTHS)


def due_date(acceptance: date) -> date:
    return acceptance + timedelta(days=HANDOVER_DAYS)


@dataclass(frozen=True, slots=True)
class Timeline:
    """One project's handover as the list shows it."""

    project_id: int
    customer: str
    project: str
    acceptance: date  # the actual date once known, else the planned one
    acceptance_is_actual: bool
    state: HandoverState
    joined_on: date | None  # when the group actually joined
    signed_on: date | None

    @property
    def join_on(self) -> date:
        return join_date(self.acceptance)

    @property
    def due_on(self) -> date:
        return due_date(self.acceptance)

    def late(self, today: date) -> bool:
        """Not signed by the due date (R1.1): flagged from the day after it."""
        if self.state is HandoverState.SIGNED:
            return self.signed_on is not None and self.signed_on > self.due_on
        return today > self.due_on


ISSUE_STATES = ("open", "closed")


@dataclass(frozen=True, slots=True)
class IssueForm:
    """An outstanding issue of the handover package (R1.2 part 2)."""

    project_id: int
    title: str
    owner: str  # a person or a department: the customer's, or ours
    due_on: date
    detail: str = ""
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True, slots=True)
class IssueRow:
    id: int
    project_id: int
    title: str
    owner: str
    due_on: date
    detail: str
    state: str
    closed_on: date | None
    version: int

    def overdue(self, today: date) -> bool:
        return self.state == "open" and today > self.due_on


@dataclass(frozen=True, slots=True)
class BoundaryForm:
    """Parts 3 and 4 of the handover package (R1.2): who does what, outside and inside."""

    project_id: int
    company_scope: str  # part 3: what the company maintains
    customer_scope: str  # ... and what the customer does
    maintenance_start: date | None  # the free maintenance period: it becomes the contract
    maintenance_end: date | None
    expiry_terms: str  # what happens when maintenance expires
    after_sales_scope: str  # part 4: the work of after-sales
    support_scope: str  # ... and of the technical support departments
    version: int | None = None


@dataclass(frozen=True, slots=True)
class PackageRow:
    project_id: int
    company_scope: str
    customer_scope: str
    maintenance_start: date | None
    maintenance_end: date | None
    expiry_terms: str
    after_sales_scope: str
    support_scope: str
    version: int | None  # None: nothing saved yet


# What the completeness check can find missing, in the package's order (R1.2, R1.3).
MISSING = (
    "company_scope",
    "customer_scope",
    "maintenance_period",
    "expiry_terms",
    "after_sales_scope",
    "support_scope",
    "faq",
    "emergency_contacts",
    "systems",
)
# ... preceded by "material:<category>" for each required category with no material.


# --- part 1: technical materials -----------------------------------------------------------

# Categories every package needs unless the team's `handover.categories` setting says
# otherwise; a category outside this list is the team's own and shown as typed.
DEFAULT_CATEGORIES = (
    "requirements",
    "design",
    "deployment_guide",
    "user_manual",
    "source_repository",
    "database_schema",
)
MAX_MATERIAL_BYTES = 100 * 1024 * 1024  # kept in the database: a repository goes by location


@dataclass(frozen=True, slots=True)
class MaterialRow:
    """A document or file of the project (stored by SHA-256), or where it lives (a
    repository URL and commit) when it is not a file one hands over."""

    id: int
    project_id: int
    category: str
    name: str
    sha256: str | None
    size: int
    location: str
    note: str
    added_by: str


@dataclass(frozen=True, slots=True)
class FaqForm:
    """One of the project's FAQ entries (part 4); they seed the service manual (R2.2)."""

    project_id: int
    question: str
    answer: str
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True, slots=True)
class FaqRow:
    id: int
    project_id: int
    question: str
    answer: str
    version: int


# --- sign-off (R1.3) -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SignOffForm:
    """Who signed for each side, on which day, and the scan of the signed paper."""

    project_id: int
    signed_on: date
    our_signers: str  # the company's side: after-sales and the project team
    customer_signers: str
    scan_name: str
    scan: bytes


@dataclass(frozen=True, slots=True)
class SignOffRow:
    project_id: int
    version_no: int  # 1: the handover; 2…: amendments, each with its reason
    signed_on: date
    our_signers: str
    customer_signers: str
    scan_name: str
    scan_sha256: str
    package_sha256: str  # of the frozen package (its canonical JSON, kept as evidence)
    reason: str
    recorded_by: str


# --- the package as one document: exported for signature, frozen and hashed when signed ---


@dataclass(frozen=True, slots=True)
class MaterialLine:
    category: str
    name: str
    sha256: str | None
    size: int
    location: str
    note: str


@dataclass(frozen=True, slots=True)
class IssueLine:
    title: str
    owner: str
    due_on: date
    state: str
    detail: str


@dataclass(frozen=True, slots=True)
class ContactLine:
    name: str
    role: str
    phone: str
    email: str


@dataclass(frozen=True, slots=True)
class Signature:
    version_no: int
    signed_on: date
    our_signers: str
    customer_signers: str
    scan_name: str
    scan_sha256: str
    reason: str  # empty for the first version


@dataclass(frozen=True, slots=True)
class PackageDocument:
    """Everything the signed paper says (R1.2, R1.3). Both exports render this, and its
    canonical JSON is what a signature freezes: the same document always hashes the same."""

    customer: str
    project: str
    contract_no: str
    acceptance: date
    join_on: date
    due_on: date
    systems: tuple[tuple[str, str], ...]  # (name, environment)
    materials: tuple[MaterialLine, ...]
    issues: tuple[IssueLine, ...]
    company_scope: str
    customer_scope: str
    maintenance_start: date | None
    maintenance_end: date | None
    expiry_terms: str
    after_sales_scope: str
    support_scope: str
    faq: tuple[tuple[str, str], ...]  # (question, answer)
    contacts: tuple[ContactLine, ...]
    signature: Signature | None  # None: a draft for signature


def _plain(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in value.__dataclass_fields__}
    return value


def to_json(document: PackageDocument) -> str:
    """Canonical: sorted keys, no spaces, UTF-8 text; what the package hash is taken of."""
    return json.dumps(_plain(document), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def package_hash(document: PackageDocument) -> str:
    return hashlib.sha256(to_json(document).encode("utf-8")).hexdigest()


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def from_json(text: str) -> PackageDocument:
    """A frozen package read back from its evidence (the inverse of to_json)."""
    d = json.loads(text)
    sig = d["signature"]
    return PackageDocument(
        d["customer"],
        d["project"],
        d["contract_no"],
        date.fromisoformat(d["acceptance"]),
        date.fromisoformat(d["join_on"]),
        date.fromisoformat(d["due_on"]),
        tuple((s[0], s[1]) for s in d["systems"]),
        tuple(MaterialLine(**m) for m in d["materials"]),
        tuple(IssueLine(**{**i, "due_on": date.fromisoformat(i["due_on"])}) for i in d["issues"]),
        d["company_scope"],
        d["customer_scope"],
        _day(d["maintenance_start"]),
        _day(d["maintenance_end"]),
        d["expiry_terms"],
        d["after_sales_scope"],
        d["support_scope"],
        tuple((q, a) for q, a in d["faq"]),
        tuple(ContactLine(**c) for c in d["contacts"]),
        None
        if sig is None
        else Signature(**{**sig, "signed_on": date.fromisoformat(sig["signed_on"])}),
    )
