"""Change records (issue 8, R3.2): every change to a handed-over system is supervised by an
after-sales engineer and recorded; before a system under maintenance is changed, the customer
is told its schedule, possible impact, scope and duration; what was changed (source code,
database scripts) is archived by SHA-256 so the running version of each system is pinned."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class ChangeState(StrEnum):
    PLANNED = "planned"
    EXECUTED = "executed"
    CANCELLED = "cancelled"


class NoticeChannel(StrEnum):
    MAIL = "mail"  # sent from the app: given once the mail server accepted every copy
    PHONE = "phone"  # given by phone (or in person): who was told, and when


class ArtifactKind(StrEnum):
    SOURCE = "source"  # the changed source code: a file or an archive
    COMMIT = "commit"  # ... or the commit it was built from
    SCRIPT = "script"  # a database script
    CHECKSUMS = "checksums"  # deployed files' SHA-256, read over SSH before or after


class Stage(StrEnum):
    BEFORE = "before"
    AFTER = "after"


@dataclass(frozen=True, slots=True)
class FingerprintDiff:
    """What the change did to the deployed files: by path, compared before and after."""

    changed: tuple[str, ...]
    added: tuple[str, ...]
    removed: tuple[str, ...]


def parse_checksums(text: str) -> dict[str, str]:
    """`sha256sum` output: path → digest (a name with a newline is escaped by sha256sum
    with a leading backslash; kept as printed)."""
    found = {}
    for line in text.splitlines():
        digest, sep, path = line.partition("  ")
        if sep and len(digest.lstrip("\\")) == 64:
            found[path] = digest.lstrip("\\")
    return found


def compare(before: dict[str, str], after: dict[str, str]) -> FingerprintDiff:
    return FingerprintDiff(
        tuple(sorted(p for p in before.keys() & after.keys() if before[p] != after[p])),
        tuple(sorted(after.keys() - before.keys())),
        tuple(sorted(before.keys() - after.keys())),
    )


MAX_DURATION_MINUTES = 14 * 24 * 60  # a change window longer than two weeks is a project


@dataclass(frozen=True, slots=True)
class ChangeForm:
    system_id: int
    title: str
    reason: str
    scope: str
    planned_start: datetime  # aware
    duration_minutes: int
    impact: str
    rollback: str
    executor: str  # who does it: ours, the customer's or a contractor, by name
    supervisor: str  # the after-sales engineer supervising it: a user's login
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True, slots=True)
class NoticeRow:
    id: int
    channel: str
    to_whom: str  # mail: the addresses; phone: the person told
    given_at: datetime | None  # mail: when the last copy was accepted; None: not yet
    recorded_by: str
    note: str
    pending: int  # mail copies not yet accepted by the server
    # Given, and about the change as it stands: not about a schedule, scope, impact or
    # duration since changed (R3.2: the customer must have been told what will happen).
    current: bool = False


@dataclass(frozen=True, slots=True)
class ArtifactRow:
    id: int
    kind: str
    name: str
    sha256: str | None  # a file, kept as evidence; None for a commit
    commit: str
    size: int
    added_by: str


@dataclass(frozen=True, slots=True)
class ChangeRow:
    id: int
    system_id: int
    customer: str
    system: str
    under_maintenance: bool
    title: str
    reason: str
    scope: str
    planned_start: datetime
    duration_minutes: int
    impact: str
    rollback: str
    executor: str
    supervisor: str
    state: str
    executed_at: datetime | None
    without_notice: bool  # executed before the customer was told: flagged (R3.2)
    emergency_reason: str
    version: int

    @property
    def flagged(self) -> bool:
        return self.without_notice


@dataclass(frozen=True, slots=True)
class ChangeDetail:
    change: ChangeRow
    notices: tuple[NoticeRow, ...]
    artifacts: tuple[ArtifactRow, ...]

    @property
    def noticed(self) -> bool:
        """The customer was told what will happen: by phone, or by a mail every copy of which
        was sent, since the change's schedule, scope, impact and duration last changed."""
        return any(n.current for n in self.notices)


@dataclass(frozen=True, slots=True)
class PinnedVersion:
    """What runs on a system: its newest executed change and what it archived."""

    system_id: int
    customer: str
    system: str
    change_id: int
    title: str
    executed_at: datetime
    artifacts: tuple[ArtifactRow, ...]
