"""Registry value types (customers → projects → systems → hosts, contracts) and their rules."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from supportdesk.domain.errors import ValidationError

# seed 004: a new customer is contacted within a week.
FIRST_CONTACT_DAYS = 7
DEFAULT_NOTICE_MONTHS = 3  # R4.1

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Digits with the usual separators (full-width ones too, as a Chinese keyboard types them);
# an office extension may follow ("转8001", "ext. 12", "#12").
_PHONE = re.compile(
    r"^\+?[(（]?[0-9][0-9 ()（）\-－]{4,30}(?:\s*(?:转|分机|ext\.?|x|#)\s*[0-9]{1,6})?$", re.I
)
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_HOSTNAME = re.compile(
    r"^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9\-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)*$"
)
_LOGIN = re.compile(r"^[a-z_][a-z0-9_.\-]{0,62}$")


class Environment(StrEnum):
    PRODUCTION = "production"
    STAGING = "staging"
    TEST = "test"
    DEVELOPMENT = "development"


class ContractKind(StrEnum):
    FREE = "free"
    PAID = "paid"


@dataclass(frozen=True, slots=True)
class UserRow:
    id: int
    login: str
    name: str
    email: str
    role: str
    active: bool


@dataclass(frozen=True, slots=True)
class CustomerForm:
    name: str
    short_name: str = ""
    region: str = ""
    engineer: str | None = None
    first_contact_on: date | None = None
    id: int | None = None
    version: int | None = None  # the version the editor loaded; None for a new row


@dataclass(frozen=True, slots=True)
class CustomerRow:
    id: int
    name: str
    short_name: str
    region: str
    engineer: str | None
    created_on: date
    first_contact_on: date | None
    version: int
    updated_by: str
    contacts: int = 0
    projects: int = 0


@dataclass(frozen=True, slots=True)
class ContactForm:
    customer_id: int
    name: str
    role: str = ""
    phone: str = ""
    email: str = ""
    emergency: bool = False
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True, slots=True)
class ContactRow:
    id: int
    customer_id: int
    name: str
    role: str
    phone: str
    email: str
    emergency: bool
    version: int


@dataclass(frozen=True, slots=True)
class ProjectForm:
    customer_id: int
    name: str
    contract_no: str = ""
    planned_acceptance: date | None = None
    acceptance_date: date | None = None
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True, slots=True)
class ProjectRow:
    id: int
    customer_id: int
    customer: str
    name: str
    contract_no: str
    planned_acceptance: date | None
    acceptance_date: date | None
    version: int


@dataclass(frozen=True, slots=True)
class SystemForm:
    project_id: int
    name: str
    environment: str = Environment.PRODUCTION
    under_maintenance: bool = True
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True, slots=True)
class SystemRow:
    id: int
    project_id: int
    project: str
    customer: str
    name: str
    environment: str
    under_maintenance: bool
    version: int


@dataclass(frozen=True, slots=True)
class HostForm:
    system_id: int
    name: str
    address: str
    port: int = 22
    user: str = ""
    jump_host_id: int | None = None
    credential: str | None = None
    tags: tuple[str, ...] = ()
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True, slots=True)
class HostRow:
    id: int
    system_id: int
    system: str
    customer: str
    name: str
    address: str
    port: int
    user: str
    jump_host_id: int | None
    jump_host: str | None
    credential: str | None
    tags: tuple[str, ...]
    version: int


@dataclass(frozen=True, slots=True)
class ContractForm:
    system_id: int
    start: date
    end: date
    kind: str = ContractKind.FREE
    salesperson: str | None = None
    notice_months: int = DEFAULT_NOTICE_MONTHS
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True, slots=True)
class ContractRow:
    id: int
    system_id: int
    system: str
    customer: str
    start: date
    end: date
    kind: str
    salesperson: str | None
    notice_months: int
    version: int

    def notice_on(self) -> date:
        return notice_date(self.end, self.notice_months)


@dataclass(frozen=True, slots=True)
class AttentionItem:
    """One line of the home page's 'needs attention today' list."""

    kind: str  # e.g. "customer.first_contact_overdue", "contract.expiring"
    entity: str
    entity_id: int
    title: str
    due: date | None = None
    params: dict[str, str] = field(default_factory=dict)


# --- rules -------------------------------------------------------------------


def first_contact_overdue(created_on: date, first_contact_on: date | None, today: date) -> bool:
    """seed 004: flag a customer nobody has contacted within a week of being added."""
    return first_contact_on is None and today > created_on + timedelta(days=FIRST_CONTACT_DAYS)


def add_months(day: date, months: int) -> date:
    """Calendar month arithmetic that clamps to the month's last day (31 Mar - 1 → 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    next_first = date(year + (month == 12), month % 12 + 1, 1)
    return date(year, month, min(day.day, (next_first - timedelta(days=1)).day))


def local_midnight(day: date) -> datetime:
    """The day's start where the group works (contracts, reports and months are local)."""
    return datetime(day.year, day.month, day.day).astimezone()


def month_bounds(month: str) -> tuple[date, date]:
    """The first day of a "YYYY-MM" month and the first day of the next one."""
    match = re.fullmatch(r"(\d{4})-(\d{2})", month.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ValidationError("month", "bad_month", value=month)
    first = date(int(match.group(1)), int(match.group(2)), 1)
    return first, add_months(first, 1)


def notice_date(end: date, notice_months: int) -> date:
    """R4.1: the day the expiry warning is due (default three months before the end)."""
    return add_months(end, -notice_months)


def expiring_within(end: date, notice_months: int, today: date) -> bool:
    return notice_date(end, notice_months) <= today <= end


# --- validation ----------------------------------------------------------------


def required(field_name: str, value: str, max_len: int = 200) -> str:
    text = value.strip()
    if not text:
        raise ValidationError(field_name, "required")
    return limited(field_name, text, max_len)


def limited(field_name: str, value: str, max_len: int = 200) -> str:
    text = value.strip()
    if len(text) > max_len:
        raise ValidationError(field_name, "too_long", max=max_len)
    return text


def valid_email(field_name: str, value: str, max_len: int = 200) -> str:
    text = value.strip()
    if text and not _EMAIL.match(text):
        raise ValidationError(field_name, "bad_email", value=text)
    return limited(field_name, text, max_len)  # the column's width


def valid_phone(field_name: str, value: str, max_len: int = 40) -> str:
    text = value.strip()
    if text and not _PHONE.match(text):
        raise ValidationError(field_name, "bad_phone", value=text)
    return limited(field_name, text, max_len)  # the column's width


def valid_login(field_name: str, value: str) -> str:
    text = value.strip()
    if not _LOGIN.match(text):
        raise ValidationError(field_name, "bad_login", value=text)
    return text


def valid_address(field_name: str, value: str) -> str:
    text = value.strip()
    if not text:
        raise ValidationError(field_name, "required")
    try:
        ipaddress.ip_address(text)
    except ValueError:
        if not _HOSTNAME.match(text) or text.replace(".", "").isdigit():
            raise ValidationError(field_name, "bad_address", value=text) from None
    return text


def valid_port(field_name: str, value: int) -> int:
    if not 1 <= value <= 65535:
        raise ValidationError(field_name, "bad_port", value=str(value))
    return value


def valid_choice(field_name: str, value: str, choices: type[StrEnum]) -> str:
    if value not in {c.value for c in choices}:
        raise ValidationError(
            field_name, "bad_choice", value=value, choices=", ".join(c.value for c in choices)
        )
    return value


def valid_contract_dates(start: date, end: date, notice_months: int) -> None:
    if end < start:
        raise ValidationError("end", "end_before_start")
    if not 0 <= notice_months <= 24:
        raise ValidationError("notice_months", "bad_notice_months", value=str(notice_months))


def parse_date(field_name: str, value: object) -> date | None:
    """ISO YYYY-MM-DD or a date; None/'' for none. Datetimes from spreadsheets keep their day."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    # Only the documented YYYY-MM-DD: fromisoformat alone would also take "20260331" and
    # week dates such as "2026-W13-1", which a user would never mean.
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValidationError(field_name, "bad_date", value=str(value))


def clean_tags(tags: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Stripped, non-empty, unique, in order. Tags are stored space-separated and read back
    with str.split(), so any whitespace inside one (a tab, the full-width space U+3000)
    would split it in two: refuse it."""
    seen: dict[str, None] = {}
    for tag in tags:
        text = tag.strip()
        if any(ch.isspace() for ch in text):
            raise ValidationError("tags", "tag_has_space", value=text)
        if text:
            seen[limited("tags", text, 40)] = None
    limited("tags", " ".join(seen), 400)  # as they are stored
    return tuple(seen)
