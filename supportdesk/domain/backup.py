"""Backups (issue 8, R3.3): what it takes to say that any data changed or lost within the
last two months can be found and restored. A backup job existing proves nothing; its backups
are listed on the host and judged here: fresh, deep enough without gaps, not collapsed in
size, and sound by the repository's (or the dump format's) own check."""

from __future__ import annotations

import base64
import itertools
import json
import re
import shlex
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from enum import StrEnum

RETENTION_DAYS = 60  # R3.3: anything changed or lost within two months can be restored
LATE_FACTOR = 1.5  # a backup may run this much of its interval late before it is "missed"
SHRINK_RATIO = 0.5  # the newest is suspect below half the usual size
SIZE_HISTORY = 7  # "the usual size": the median of this many backups before the newest


class BackupKind(StrEnum):
    DIRECTORY = "directory"  # files in a directory: dumps or archives, dated by name or mtime
    RESTIC = "restic"
    BORG = "borg"
    PG_DUMP = "pg_dump"  # PostgreSQL dump files (plain SQL, gzip, or pg_dump -Fc)
    MYSQL_DUMP = "mysql_dump"  # mysqldump files (plain SQL or gzip)


REPOSITORIES = (BackupKind.RESTIC, BackupKind.BORG)


@dataclass(frozen=True, slots=True)
class BackupItem:
    """One backup as the host lists it: a file, or a repository's snapshot / archive."""

    name: str
    taken_at: datetime  # aware
    size: int | None = None  # bytes; a repository's snapshot may not say


@dataclass(frozen=True, slots=True)
class Finding:
    code: str  # see CODES
    ok: bool
    params: dict[str, str] = field(default_factory=dict)


# fresh / stale, deep / shallow, no_gap / gap (one per gap), size_ok / shrunk, sound / unsound,
# and none when the host lists no backup at all.
CODES = (
    "unreadable",  # the directory or repository could not be read at all
    "none",
    "fresh",
    "stale",
    "deep",
    "shallow",
    "no_gap",
    "gap",
    "size_ok",
    "shrunk",
    "sound",
    "unsound",
)


def allowed_gap(schedule: timedelta) -> timedelta:
    return schedule * LATE_FACTOR


def _age(delta: timedelta) -> str:
    return f"{delta.total_seconds() / 3600:.1f}"


def assess(
    items: Sequence[BackupItem],
    schedule: timedelta,
    now: datetime,
    *,
    sound: bool | None = None,
    sound_detail: str = "",
    retention_days: int = RETENTION_DAYS,
) -> list[Finding]:
    """Every finding about one job's backups at `now`. `sound` is the verdict of the
    repository's check or the newest dump's format check (None: not checked)."""
    if not items:
        return [Finding("none", False)]
    found = sorted(items, key=lambda i: i.taken_at)
    newest, oldest = found[-1], found[0]
    late = allowed_gap(schedule)
    age = now - newest.taken_at
    result = [
        Finding(
            "fresh" if age <= late else "stale",
            age <= late,
            {"newest": newest.taken_at.isoformat(), "age_hours": _age(age)},
        )
    ]
    depth = now - oldest.taken_at
    deep = depth >= timedelta(days=retention_days)
    result.append(
        Finding(
            "deep" if deep else "shallow",
            deep,
            {
                "oldest": oldest.taken_at.isoformat(),
                "days": str(depth.days),
                "required": str(retention_days),
            },
        )
    )
    gaps = [
        Finding(
            "gap",
            False,
            {
                "after": a.taken_at.isoformat(),
                "before": b.taken_at.isoformat(),
                "hours": _age(b.taken_at - a.taken_at),
            },
        )
        for a, b in itertools.pairwise(found)
        if b.taken_at - a.taken_at > late
    ]
    result += gaps or [Finding("no_gap", True)]
    sizes = [i.size for i in found[:-1][-SIZE_HISTORY:] if i.size is not None]
    if newest.size is not None and sizes:
        usual = statistics.median(sizes)
        shrunk = newest.size < usual * SHRINK_RATIO
        result.append(
            Finding(
                "shrunk" if shrunk else "size_ok",
                not shrunk,
                {"size": str(newest.size), "usual": str(int(usual))},
            )
        )
    if sound is not None:
        result.append(
            Finding("sound" if sound else "unsound", sound, {"detail": sound_detail[:500]})
        )
    return result


def passed(findings: Sequence[Finding]) -> bool:
    return all(f.ok for f in findings)


MAX_SCHEDULE_HOURS = 24 * 31  # a monthly backup is the rarest a system can rely on


@dataclass(frozen=True, slots=True)
class JobForm:
    system_id: int
    host_id: int
    name: str
    kind: BackupKind
    path: str
    pattern: str = "*"
    schedule_hours: int = 24
    credential: str = ""  # the vault credential holding the repository's password
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True, slots=True)
class CheckRow:
    id: int
    job_id: int
    checked_at: datetime
    passed: bool
    outcome: str  # "checked", or the code of what stopped it (a host unreachable, …)
    findings: tuple[Finding, ...]
    evidence_sha256: str | None
    checked_by: str


@dataclass(frozen=True, slots=True)
class JobRow:
    id: int
    system_id: int
    customer: str
    system: str
    host_id: int
    host: str
    name: str
    kind: str
    path: str
    pattern: str
    schedule_hours: int
    credential: str
    version: int
    last: CheckRow | None  # the newest check
    since: datetime | None = None  # when the job was last set up or changed


@dataclass(frozen=True, slots=True)
class SystemBackups:
    """A system's backups in one line (the system page): how many jobs, how many failing
    their newest check, how many not checked for a week (or never)."""

    jobs: int = 0
    failing: int = 0
    unchecked: int = 0


UNCHECKED_DAYS = 7  # a job nobody checked for a week needs attention (the reminder too)


# --- listing a job's backups on its host: one script, its output parsed here --------------

_DATED = re.compile(
    r"(20\d\d)-?([01]\d)-?([0-3]\d)(?:[T_ -]?([0-2]\d)[:-]?([0-5]\d)(?:[:-]?([0-5]\d))?)?"
)
_SOUND_CHECK = {
    BackupKind.PG_DUMP: "PostgreSQL database dump complete",
    BackupKind.MYSQL_DUMP: "-- Dump completed",
}


@dataclass(frozen=True, slots=True)
class Job:
    """What a check needs to know of a backup job."""

    kind: BackupKind
    path: str  # the directory, or the repository
    pattern: str = "*"  # which files in the directory are backups
    schedule_hours: int = 24
    has_secret: bool = False  # the repository's password comes on the script's input


def listing_script(job: Job, nonce: str) -> str:
    """A POSIX shell script that lists the job's backups and checks the newest (or the
    repository) for soundness. Every section starts with a line `@@<nonce> <name>`, so
    nothing a file name holds can be taken for one; the secret, if any, is read from input
    and never appears in the script."""
    q = shlex.quote
    mark = f"@@{nonce}"
    lines = [
        "export LC_ALL=C",
        f"echo {mark} tz; date +%z",
    ]
    if job.kind is BackupKind.RESTIC:
        lines += [
            "IFS= read -r RESTIC_PASSWORD || true; export RESTIC_PASSWORD",
            f"echo {mark} list; restic -r {q(job.path)} snapshots --json --no-lock 2>&1",
            f"echo {mark} status $?",
            # No lock: the customer's own backup may be running (restic check is read-only).
            f"echo {mark} check; restic --no-lock -r {q(job.path)} check 2>&1",
            f"echo {mark} status $?",
        ]
    elif job.kind is BackupKind.BORG:
        lines += [
            "IFS= read -r BORG_PASSPHRASE || true; export BORG_PASSPHRASE",
            # Only reading: a repository moved, or not encrypted, is still the customer's.
            "export BORG_RELOCATED_REPO_ACCESS_IS_OK=yes",
            "export BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK=yes",
            f"echo {mark} list; borg list --json {q(job.path)} 2>&1",
            f"echo {mark} status $?",
            f"echo {mark} check; borg check --repository-only {q(job.path)} 2>&1",
            f"echo {mark} status $?",
        ]
    else:
        find = f"find . -maxdepth 1 -type f -name {q(job.pattern)}"
        lines += [
            f"cd -- {q(job.path)} 2>/dev/null || {{ echo {mark} missing; exit 0; }}",
            # NUL-terminated, then a name's own newlines made "?": a file name cannot add a
            # line of its own to the listing.
            f"echo {mark} list; {find} -printf '%T@\\t%s\\t%f\\0' | tr '\\n\\0' '?\\n'",
            f"newest=$({find} -printf '%T@\\t%f\\0' | sort -zn | tail -zn 1 | cut -zf2- | "
            "tr -d '\\0')",
            f'echo {mark} check; [ -n "$newest" ] || exit 0',
            *_sound_lines(job.kind, mark),
        ]
    return "\n".join(lines) + "\n"


def _sound_lines(kind: BackupKind, mark: str) -> list[str]:
    """The newest file's own check: gzip's test for a compressed one, a dump's last line."""
    tail = _SOUND_CHECK.get(kind)
    lines = [
        'case "$newest" in',
        f'  *.gz|*.tgz) gzip -t -- "$newest" 2>&1; echo {mark} status $? ;;',
        f'  *.tar) tar -tf "$newest" >/dev/null 2>&1; echo {mark} status $? ;;',
        f"  *) echo {mark} status {'0' if tail else 'none'} ;;",
        "esac",
    ]
    if kind is BackupKind.PG_DUMP:
        # pg_dump -Fc writes no closing comment: its own table of contents is the check.
        lines += [
            'if [ "$(head -c 5 -- "$newest" 2>/dev/null)" = PGDMP ]; then',
            f"  echo {mark} custom",
            '  if command -v pg_restore >/dev/null; then pg_restore -l -- "$newest" >/dev/null'
            f" 2>&1; echo {mark} status $?; fi",
            "fi",
        ]
    if tail:
        lines += [
            'case "$newest" in *.gz) reader="gzip -dc" ;; *) reader=cat ;; esac',
            f'echo {mark} tail; $reader -- "$newest" 2>/dev/null | tail -c 2048 | '
            f"grep -c -F -- {shlex.quote(tail)}",
        ]
    return lines


def _sections(stdout: str, nonce: str) -> dict[str, list[str]]:
    mark = f"@@{nonce} "
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in stdout.splitlines():
        if line.startswith(mark):
            name, _, rest = line[len(mark) :].partition(" ")
            if name == "status":
                found.setdefault("statuses", []).append(rest.strip())
                continue
            current = found.setdefault(name, [])
            if rest:
                current.append(rest)
        elif current is not None:
            current.append(line)
    return found


def _offset(lines: list[str]) -> timezone:
    text = (lines or ["+0000"])[0].strip()
    try:
        sign = -1 if text.startswith("-") else 1
        return timezone(sign * timedelta(hours=int(text[1:3]), minutes=int(text[3:5])))
    except (ValueError, IndexError):
        return UTC


def _named_time(name: str, zone: timezone) -> datetime | None:
    """The date (and time) a file's name carries, in the host's zone."""
    match = _DATED.search(name)
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(g) if g else 0 for g in match.groups())
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=zone)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Listing:
    items: tuple[BackupItem, ...]
    sound: bool | None
    detail: str  # why not sound, or why nothing could be listed
    listed: bool  # False: the path or repository could not be read at all


def parse_listing(job: Job, stdout: str, nonce: str) -> Listing:
    parts = _sections(stdout, nonce)
    zone = _offset(parts.get("tz", []))
    statuses = parts.get("statuses", [])
    if "missing" in parts:
        return Listing((), None, f"no such directory: {job.path}", False)
    if job.kind in REPOSITORIES:
        return _repository(job, parts, statuses, zone)
    items = []
    for line in parts.get("list", []):
        stamp, _, rest = line.partition("\t")
        size, _, name = rest.partition("\t")
        try:
            mtime = datetime.fromtimestamp(float(stamp), UTC)
            named = _named_time(name, zone)
            # A name's date counts only if the file could have been written then: a name
            # dated after the file was last written would keep a job "fresh" for ever.
            taken = named if named is not None and named <= mtime + timedelta(days=1) else mtime
            items.append(BackupItem(name, taken, int(size)))
        except ValueError:
            continue
    check = "\n".join(parts.get("check", []))[-500:]
    status = statuses[0] if statuses else "none"
    sound: bool | None = None if status == "none" or not items else status == "0"
    tail = parts.get("tail")
    if "custom" in parts:  # a pg_dump -Fc archive: pg_restore -l said, if it was there
        sound = None if len(statuses) < 2 else statuses[-1] == "0"
        tail = None
    if sound and job.kind in _SOUND_CHECK and tail is not None:
        sound = tail[:1] not in ([], ["0"])
        check = check or f"the dump does not end with '{_SOUND_CHECK[job.kind]}'"
    return Listing(tuple(items), sound, "" if sound else check.strip(), True)


def _repository(
    job: Job, parts: dict[str, list[str]], statuses: list[str], zone: timezone
) -> Listing:
    listed = "\n".join(parts.get("list", []))
    if not statuses or statuses[0] != "0":
        return Listing((), None, listed[-500:], False)
    try:
        data = json.loads(
            listed[listed.find("[") if job.kind is BackupKind.RESTIC else listed.find("{") :]
        )
    except ValueError:
        return Listing((), None, listed[-500:], False)
    items: list[BackupItem] = []
    entries = data if job.kind is BackupKind.RESTIC else data.get("archives", [])
    for entry in entries:
        raw = entry.get("time") or entry.get("start") or ""
        try:
            taken = datetime.fromisoformat(raw)
        except ValueError:
            continue
        name = entry.get("short_id") or entry.get("name") or entry.get("id") or raw
        items.append(BackupItem(str(name), taken if taken.tzinfo else taken.replace(tzinfo=zone)))
    checked = len(statuses) > 1
    sound = statuses[1] == "0" if checked else None
    detail = "" if sound else "\n".join(parts.get("check", []))[-500:].strip()
    return Listing(tuple(items), sound, detail, True)


# --- the restore drill: one file restored to a scratch directory on the host ---------------

SUMS_FILE = "SHA256SUMS"  # what the set-up's backup script writes beside its backups


@dataclass(frozen=True, slots=True)
class DrillResult:
    file: str
    reference: str  # where the expected checksum came from: sums, copy, repository
    expected: str
    restored: str
    passed: bool
    detail: str


@dataclass(frozen=True, slots=True)
class DrillRow:
    id: int
    job_id: int
    drilled_at: datetime
    file: str
    reference: str
    expected: str
    restored: str
    passed: bool
    detail: str
    evidence_sha256: str | None
    drilled_by: str


def drill_script(job: Job, nonce: str, file: str = "") -> str:
    """Restore one backup file (a directory job: `file` or the newest; a repository: `file`,
    a path in its newest snapshot) into a fresh scratch directory on the host, removed
    afterwards, and print the checksum it should have and the one it has."""
    q = shlex.quote
    mark = f"@@{nonce}"
    lines = [
        "export LC_ALL=C",
        "scratch=$(mktemp -d /tmp/supportdesk-drill.XXXXXX) || exit 0",
        "trap 'rm -rf \"$scratch\"' EXIT",
        f"file={q(file)}",
        "digest() { sha256sum | cut -d' ' -f1; }",
    ]
    sha = "digest"
    if job.kind is BackupKind.RESTIC:
        lines += [
            "IFS= read -r RESTIC_PASSWORD || true; export RESTIC_PASSWORD",
            f'echo {mark} file; printf "%s\\n" "$file"',
            f'echo {mark} expected repository; restic -r {q(job.path)} dump latest "$file" | {sha}',
            f'restic -r {q(job.path)} restore latest --target "$scratch" --include "$file" 2>&1',
            f"echo {mark} status $?",
            f'echo {mark} restored; {sha} < "$scratch$file"',
        ]
    elif job.kind is BackupKind.BORG:
        lines += [
            "IFS= read -r BORG_PASSPHRASE || true; export BORG_PASSPHRASE",
            "export BORG_RELOCATED_REPO_ACCESS_IS_OK=yes",
            "export BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK=yes",
            f"last=$(borg list --last 1 --format '{{archive}}' {q(job.path)})",
            "inside=${file#/}",
            f'echo {mark} file; printf "%s\\n" "$file"',
            f'echo {mark} expected repository; borg extract --stdout {q(job.path)}::"$last" '
            f'"$inside" | {sha}',
            f'(cd "$scratch" && borg extract {q(job.path)}::"$last" "$inside") 2>&1',
            f"echo {mark} status $?",
            f'echo {mark} restored; {sha} < "$scratch/$inside"',
        ]
    else:
        find = f"find . -maxdepth 1 -type f -name {q(job.pattern)}"
        lines += [
            f"cd -- {q(job.path)} 2>/dev/null || {{ echo {mark} missing; exit 0; }}",
            f"[ -n \"$file\" ] || file=$({find} -printf '%T@\\t%f\\0' | sort -zn | tail -zn 1 | "
            "cut -zf2- | tr -d '\\0')",
            f'echo {mark} file; printf "%s\\n" "$file"',
            # "<64 hex>  <name>" (or " *<name>"): the name is the rest of the line, spaces too.
            f'sum=$(awk -v f="$file" \'{{n = substr($0, 67); if (n == f || n == "*" f) '
            f"print substr($0, 1, 64)}}' {SUMS_FILE} 2>/dev/null | tail -n 1)",
            f'if [ -n "$sum" ]; then echo {mark} expected sums; echo "$sum"; '
            f'else echo {mark} expected copy; {sha} < "$file"; fi',
            'cp -- "$file" "$scratch/" 2>&1',
            f"echo {mark} status $?",
            f'echo {mark} restored; {sha} < "$scratch/$file"',
        ]
    return "\n".join(lines) + "\n"


def parse_drill(stdout: str, nonce: str) -> DrillResult:
    parts = _sections(stdout, nonce)
    if "missing" in parts:
        return DrillResult("", "", "", "", False, "no such directory")
    file = (parts.get("file") or [""])[0]
    expected_lines = parts.get("expected", [])
    reference = expected_lines[0] if expected_lines else ""
    expected = next((x.strip() for x in expected_lines[1:] if x.strip()), "")
    restored = next((x.strip() for x in parts.get("restored", []) if x.strip()), "")
    statuses = parts.get("statuses", [])
    restore_ok = bool(statuses) and statuses[0] == "0"
    empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"  # of nothing
    passed = restore_ok and bool(expected) and expected == restored and restored != empty
    said = "\n".join(expected_lines[2:])[-300:]  # what the restore printed, if anything
    detail = ""
    if not restore_ok:
        detail = f"restore failed: {said}".strip()
    elif expected in ("", empty) or not restored:
        detail = f"not found in the backup: {file}"
    elif not passed:
        detail = "the restored file's checksum differs from the backup's"
    return DrillResult(file, reference, expected, restored, passed, detail)


# --- setting a backup up where the customer has none (R3.3) --------------------------------

SETUP_MARK = "# supportdesk-backup"  # tags the crontab line, so setting up again replaces it
DATABASES = ("none", "postgresql", "mysql")


@dataclass(frozen=True, slots=True)
class SetupForm:
    """What to back up on a host, where to, and when."""

    app_dir: str  # the application directory, archived whole
    target_dir: str  # where the backups are kept on the host
    database: str = "none"  # none, postgresql or mysql
    database_name: str = ""
    keep_days: int = 70  # more than the two months R3.3 requires
    hour: int = 2  # the time of day it runs (host time)


@dataclass(frozen=True, slots=True)
class SetupPlan:
    script_path: str
    script: str  # the backup script installed on the host
    cron_line: str
    install: str  # the commands that install both: shown, then run after confirmation


def setup_plan(form: SetupForm) -> SetupPlan:
    """The backup script (an application tarball and a database dump, each with its
    checksum added to SHA256SUMS as it is made, older ones than `keep_days` removed) and
    the crontab line that runs it daily, as the exact commands that install them. The form
    is expected checked (services/backup.plan_setup): plain paths, a plain database name."""
    q = shlex.quote
    target = form.target_dir.rstrip("/")
    script_path = f"{target}/supportdesk-backup.sh"
    name = form.database_name
    dump = {
        "postgresql": f'pg_dump --dbname={q(name)} | gzip > "db-$stamp.sql.gz"',
        "mysql": f'mysqldump --single-transaction -- {q(name)} | gzip > "db-$stamp.sql.gz"',
    }.get(form.database)
    made = '"app-$stamp.tar.gz"' + (' "db-$stamp.sql.gz"' if dump else "")
    lines = [
        "#!/bin/sh",
        f"{SETUP_MARK}: written by SupportDesk; R3.3 requires two months restorable",
        "set -eu",
        f"cd {q(target)}",
        "stamp=$(date +%Y%m%d-%H%M)",
        "umask 077",
        f'tar -czf "app-$stamp.tar.gz" -C {q(form.app_dir)} .',
        *([dump] if dump else []),
        # Each backup's checksum once, when it is made: a file damaged later no longer
        # matches it (a restore drill then says so).
        f"sha256sum {made} >> {SUMS_FILE}",
        f"find . -maxdepth 1 -type f \\( -name 'app-*.tar.gz' -o -name 'db-*.sql.gz' \\) "
        f"-mtime +{form.keep_days} -delete",
        f'while read -r sum file; do [ ! -e "$file" ] || echo "$sum  $file"; done < {SUMS_FILE}'
        f" > {SUMS_FILE}.new",
        f"mv {SUMS_FILE}.new {SUMS_FILE}",
    ]
    script = "\n".join(lines) + "\n"
    log = q(f"{target}/backup.log")
    tag = f"{SETUP_MARK} {script_path}"  # one line per set-up: another target keeps its own
    cron_line = f"0 {form.hour} * * * /bin/sh {q(script_path)} >> {log} 2>&1 {tag}"
    # The script travels base64-encoded: nothing in it can end a here-document early.
    encoded = base64.b64encode(script.encode()).decode("ascii")
    # What is shown is what runs: the script it writes, readable, as comments first.
    readable = [f"# {script_path}:"] + [f"#   {line}" for line in script.splitlines()]
    install = "\n".join(
        [
            *readable,
            "set -e",
            f"mkdir -p {q(target)}",
            f"printf '%s' {q(encoded)} | base64 -d > {q(script_path)}",
            f"chmod 700 {q(script_path)}",
            f"(crontab -l 2>/dev/null | grep -v -F -- {q(tag)} || true; echo {q(cron_line)}) "
            "| crontab -",
            f"crontab -l | grep -F -- {q(tag)}",
        ]
    )
    return SetupPlan(script_path, script, cron_line, install + "\n")
