"""The monthly inspection's checks (R2.3): one combined remote command per host that prints
delimited sections, and the verdicts derived from that output alone.

The command is a POSIX sh script; each section is wrapped in marker lines that carry a nonce
drawn for the run, so output cannot fake a section (a file named like a marker, a process
printing one). Results come only from parsing that output: there is no other way in (R5.3).
"""

from __future__ import annotations

import re
import secrets
import shlex
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from supportdesk.domain.errors import ValidationError


class Verdict(StrEnum):
    OK = "ok"
    WARNING = "warning"
    CRITICAL = "critical"
    UNKNOWN = "unknown"  # the host gave no usable answer to this check

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Verdict.OK: 0, Verdict.UNKNOWN: 1, Verdict.WARNING: 2, Verdict.CRITICAL: 3}


@dataclass(frozen=True, slots=True)
class CustomCheck:
    """A per-system command (a health URL, a database ping) and what it must give."""

    name: str
    command: str  # run by sh as written: it is the system's own configuration
    expect_status: int | None = 0
    expect_pattern: str = ""  # a regular expression the output must contain


@dataclass(frozen=True, slots=True)
class Thresholds:
    """A system's limits; the defaults follow common monitoring practice (issue 5)."""

    disk_warn: float = 80.0  # % used
    disk_critical: float = 90.0
    inode_free_warn: float = 20.0  # % free
    inode_free_critical: float = 10.0
    memory_used: float = 90.0  # % used (MemAvailable against MemTotal)
    swap_free: float = 50.0  # % free
    load_per_cpu: float = 1.5  # 5-minute load average per CPU
    clock_drift_s: float = 60.0
    min_uptime_s: float = 600.0  # less: an unexpected reboot
    expected_ports: tuple[int, ...] = ()
    expected_processes: tuple[str, ...] = ()
    custom: tuple[CustomCheck, ...] = ()


@dataclass(frozen=True, slots=True)
class Finding:
    """One check's result on one host: the value seen, the limit, and the verdict. `key`
    names the check (and the item: a mount point, a port) for comparison with last month."""

    key: str
    check: str
    verdict: Verdict
    value: str
    threshold: str = ""
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Baseline:
    """What last month's inspection of this host saw, for the checks that compare."""

    os_release: str | None = None
    kernel: str | None = None
    passwd_sha256: str | None = None


SECTIONS = (
    "df",
    "inodes",
    "meminfo",
    "loadavg",
    "cpus",
    "clock",
    "uptime",
    "failed_units",
    "ports",
    "processes",
    "os_release",
    "kernel",
    "passwd",
)

# Each standard section: a command that works on any Linux with a POSIX sh; stderr joins
# stdout so that a refusal is evidence too.
_STANDARD = {
    "df": "df -P -k -x tmpfs -x devtmpfs -x squashfs -x overlay 2>/dev/null || df -P -k",
    "inodes": "df -P -i -x tmpfs -x devtmpfs -x squashfs -x overlay 2>/dev/null || df -P -i",
    "meminfo": "cat /proc/meminfo",
    "loadavg": "cat /proc/loadavg",
    "cpus": "getconf _NPROCESSORS_ONLN 2>/dev/null || nproc",
    "clock": "date -u +%s",
    "uptime": "cat /proc/uptime",
    "failed_units": (
        "if command -v systemctl >/dev/null 2>&1; then "
        "systemctl list-units --state=failed --no-legend --plain --no-pager; "
        "else echo '#no-systemd'; fi"
    ),
    "ports": "ss -H -l -n -t 2>/dev/null || netstat -l -n -t",
    "processes": "ps -e -o comm=",
    "os_release": "cat /etc/os-release",
    "kernel": "uname -sr",
    "passwd": "sha256sum /etc/passwd 2>/dev/null || openssl dgst -sha256 -r /etc/passwd",
}


def new_nonce() -> str:
    return secrets.token_hex(8)


def combined_command(nonce: str, custom: Sequence[CustomCheck] = ()) -> str:
    """The whole inspection of one host as one `sh -c` command: one round trip, not one per
    check (DESIGN.md: 1.5 s less per host at 50 ms). Each section prints its own exit status.
    """
    parts = [f"{name}\n{command}" for name, command in _STANDARD.items()]
    parts += [f"custom:{i}\n{check.command}" for i, check in enumerate(custom)]
    lines = []
    for part in parts:
        name, command = part.split("\n", 1)
        begin, end = _marker(nonce, "BEGIN", name), _marker(nonce, "END", name)
        lines.append(f'echo {shlex.quote(begin)}; ( {command} ) 2>&1 </dev/null; echo "{end} $?"')
    return "sh -c " + shlex.quote("LC_ALL=C; export LC_ALL\n" + "\n".join(lines))


def _marker(nonce: str, kind: str, name: str) -> str:
    return f"@@supportdesk:{nonce}:{kind}:{name}"


@dataclass(frozen=True, slots=True)
class Section:
    output: str
    status: int | None  # None: the section never ended (output cut off)


def parse_sections(stdout: bytes, nonce: str) -> dict[str, Section]:
    """The sections found in a host's output; a section cut off keeps what it printed."""
    text = stdout.decode("utf-8", errors="replace")
    pattern = re.compile(
        rf"^@@supportdesk:{re.escape(nonce)}:(BEGIN|END):(\S+)(?: (\d+))?$", re.MULTILINE
    )
    found: dict[str, Section] = {}
    current: str | None = None
    start = 0
    for match in pattern.finditer(text):
        kind, name, status = match.group(1), match.group(2), match.group(3)
        if kind == "BEGIN":
            current, start = name, match.end() + 1
        elif current == name:
            found[name] = Section(text[start : match.start()], int(status or 0))
            current = None
    if current is not None:
        found[current] = Section(text[start:], None)
    return found


# --- verdicts ---------------------------------------------------------------------------


def _level(value: float, warn: float, critical: float, *, below: bool = False) -> Verdict:
    if below:
        return (
            Verdict.CRITICAL
            if value < critical
            else (Verdict.WARNING if value < warn else Verdict.OK)
        )
    return (
        Verdict.CRITICAL
        if value >= critical
        else (Verdict.WARNING if value >= warn else Verdict.OK)
    )


def _unknown(key: str, check: str, section: Section | None) -> Finding:
    detail = "no answer" if section is None else section.output.strip()[-200:]
    return Finding(key, check, Verdict.UNKNOWN, "", detail=detail)


def _df_rows(output: str) -> list[tuple[str, int, int]]:
    """(mount point, used, total) per filesystem from `df -P` (header skipped)."""
    rows = []
    for line in output.splitlines()[1:]:
        fields = line.split()
        if len(fields) >= 6 and fields[1].isdigit() and fields[2].isdigit():
            rows.append((" ".join(fields[5:]), int(fields[2]), int(fields[1])))
    return rows


def _disk(sections: Mapping[str, Section], t: Thresholds) -> list[Finding]:
    section = sections.get("df")
    rows = _df_rows(section.output) if section else []
    if not rows:
        return [_unknown("disk", "disk", section)]
    return [
        Finding(
            f"disk:{mount}",
            "disk",
            _level(100 * used / total, t.disk_warn, t.disk_critical),
            f"{100 * used / total:.1f}%",
            f"{t.disk_warn:g}% / {t.disk_critical:g}%",
            mount,
        )
        for mount, used, total in rows
        if total > 0
    ]


def _inodes(sections: Mapping[str, Section], t: Thresholds) -> list[Finding]:
    section = sections.get("inodes")
    rows = _df_rows(section.output) if section else []
    if not rows:
        return [_unknown("inodes", "inodes", section)]
    findings = []
    for mount, used, total in rows:
        if total == 0:  # a filesystem without an inode table (btrfs, vfat): nothing to run out
            continue
        free = 100 * (total - used) / total
        verdict = _level(free, t.inode_free_warn, t.inode_free_critical, below=True)
        threshold = f"<{t.inode_free_warn:g}% / <{t.inode_free_critical:g}%"
        findings.append(
            Finding(f"inodes:{mount}", "inodes", verdict, f"{free:.1f}%", threshold, mount)
        )
    return findings


def _meminfo(output: str) -> dict[str, int]:
    values = {}
    for line in output.splitlines():
        name, _, rest = line.partition(":")
        number = rest.split()
        if number and number[0].isdigit():
            values[name.strip()] = int(number[0])
    return values


def _memory(sections: Mapping[str, Section], t: Thresholds) -> list[Finding]:
    section = sections.get("meminfo")
    info = _meminfo(section.output) if section else {}
    if not info.get("MemTotal") or "MemAvailable" not in info:
        return [_unknown("memory", "memory", section)]
    used = 100 * (info["MemTotal"] - info["MemAvailable"]) / info["MemTotal"]
    over = used > t.memory_used
    findings = [
        Finding(
            "memory",
            "memory",
            Verdict.WARNING if over else Verdict.OK,
            f"{used:.1f}%",
            f">{t.memory_used:g}%",
        )
    ]
    if info.get("SwapTotal"):
        free = 100 * info.get("SwapFree", 0) / info["SwapTotal"]
        low = free < t.swap_free
        findings.append(
            Finding(
                "swap", "swap", Verdict.WARNING if low else Verdict.OK, f"{free:.1f}%",
                f"<{t.swap_free:g}%",
            )
        )  # fmt: skip
    return findings


def _load(sections: Mapping[str, Section], t: Thresholds) -> list[Finding]:
    load, cpus = sections.get("loadavg"), sections.get("cpus")
    try:
        five = float(load.output.split()[1]) if load else None
        count = int(cpus.output.split()[0]) if cpus else None
    except (IndexError, ValueError):
        five = count = None
    if five is None or not count:
        return [_unknown("load", "load", load)]
    per_cpu = five / count
    verdict = Verdict.WARNING if per_cpu > t.load_per_cpu else Verdict.OK
    value = f"{per_cpu:.2f} ({five:g} / {count} CPU)"
    return [Finding("load", "load", verdict, value, f">{t.load_per_cpu:g}")]


def _clock(sections: Mapping[str, Section], t: Thresholds, local_mid: float) -> list[Finding]:
    """The host's clock against this computer's at the middle of the run (so the network's
    round trip counts half each way)."""
    section = sections.get("clock")
    try:
        remote = float(section.output.split()[0]) if section else None
    except (IndexError, ValueError):
        remote = None
    if remote is None:
        return [_unknown("clock", "clock", section)]
    drift = remote - local_mid
    verdict = Verdict.WARNING if abs(drift) > t.clock_drift_s else Verdict.OK
    return [Finding("clock", "clock", verdict, f"{drift:+.0f} s", f">{t.clock_drift_s:g} s")]


def _uptime(sections: Mapping[str, Section], t: Thresholds) -> list[Finding]:
    section = sections.get("uptime")
    try:
        seconds = float(section.output.split()[0]) if section else None
    except (IndexError, ValueError):
        seconds = None
    if seconds is None:
        return [_unknown("uptime", "uptime", section)]
    verdict = Verdict.WARNING if seconds < t.min_uptime_s else Verdict.OK
    return [Finding("uptime", "uptime", verdict, f"{seconds:.0f} s", f"<{t.min_uptime_s:g} s")]


def _failed_units(sections: Mapping[str, Section]) -> list[Finding]:
    section = sections.get("failed_units")
    if section is None or section.status is None:
        return [_unknown("failed_units", "failed_units", section)]
    if "#no-systemd" in section.output:
        return [Finding("failed_units", "failed_units", Verdict.OK, "0", detail="no systemd")]
    if section.status != 0:  # systemctl there, but systemd not running (a container, say)
        return [_unknown("failed_units", "failed_units", section)]
    units = [line.split()[0] for line in section.output.splitlines() if line.strip()]
    verdict = Verdict.CRITICAL if units else Verdict.OK
    return [Finding("failed_units", "failed_units", verdict, str(len(units)), "0", " ".join(units))]


def listening_ports(output: str) -> set[int]:
    """TCP ports in LISTEN from `ss -H -l -n -t` or `netstat -l -n -t`."""
    ports = set()
    for line in output.splitlines():
        for column in line.split():
            found = re.fullmatch(r"(?:.*[:.])(\d{1,5})", column)
            if found and ("LISTEN" in line or line.startswith("LISTEN")):
                ports.add(int(found.group(1)))
                break
    return ports


def _ports(sections: Mapping[str, Section], t: Thresholds) -> list[Finding]:
    if not t.expected_ports:
        return []
    section = sections.get("ports")
    if section is None or section.status is None:
        return [_unknown("ports", "ports", section)]
    open_ports = listening_ports(section.output)
    if section.status != 0 and not open_ports:  # neither ss nor netstat answered
        return [_unknown("ports", "ports", section)]
    return [
        Finding(
            f"port:{port}",
            "port",
            Verdict.OK if port in open_ports else Verdict.CRITICAL,
            "listening" if port in open_ports else "not listening",
            str(port),
        )
        for port in t.expected_ports
    ]


def _processes(sections: Mapping[str, Section], t: Thresholds) -> list[Finding]:
    if not t.expected_processes:
        return []
    section = sections.get("processes")
    if section is None or section.status is None:
        return [_unknown("processes", "processes", section)]
    running = {line.strip() for line in section.output.splitlines() if line.strip()}
    if section.status != 0:
        return [_unknown("processes", "processes", section)]
    return [
        Finding(
            f"process:{name}",
            "process",
            Verdict.OK if name in running else Verdict.CRITICAL,
            "running" if name in running else "not running",
            name,
        )
        for name in t.expected_processes
    ]


def os_release_name(output: str) -> str:
    for line in output.splitlines():
        if line.startswith("PRETTY_NAME="):
            return line.split("=", 1)[1].strip().strip('"')
    return output.strip().splitlines()[0] if output.strip() else ""


def _changes(sections: Mapping[str, Section], baseline: Baseline | None) -> list[Finding]:
    """OS, kernel and /etc/passwd against last month's inspection of this host."""
    findings = []
    last = baseline or Baseline()
    for key, section_name, old, read in (
        ("os_release", "os_release", last.os_release, os_release_name),
        ("kernel", "kernel", last.kernel, str.strip),
        ("passwd", "passwd", last.passwd_sha256, _sha256_field),
    ):
        section = sections.get(section_name)
        now = read(section.output) if section and section.status == 0 else ""
        if not now:
            findings.append(_unknown(key, key, section))
            continue
        if old is None:
            findings.append(Finding(key, key, Verdict.OK, now, detail="first inspection"))
        elif old == now:
            findings.append(Finding(key, key, Verdict.OK, now, detail="unchanged"))
        else:
            findings.append(Finding(key, key, Verdict.WARNING, now, old, "changed"))
    return findings


def _sha256_field(output: str) -> str:
    first = output.split()
    return first[0] if first and re.fullmatch(r"[0-9a-f]{64}", first[0]) else ""


def _custom(sections: Mapping[str, Section], t: Thresholds) -> list[Finding]:
    findings = []
    for i, check in enumerate(t.custom):
        section = sections.get(f"custom:{i}")
        key = f"custom:{check.name}"
        if section is None or section.status is None:
            findings.append(_unknown(key, "custom", section))
            continue
        problems = []
        if check.expect_status is not None and section.status != check.expect_status:
            problems.append(f"exit {section.status}, expected {check.expect_status}")
        if check.expect_pattern and not re.search(check.expect_pattern, section.output):
            problems.append(f"output does not match {check.expect_pattern!r}")
        findings.append(
            Finding(
                key,
                "custom",
                Verdict.CRITICAL if problems else Verdict.OK,
                f"exit {section.status}",
                check.name,
                "; ".join(problems) or section.output.strip()[-200:],
            )
        )
    return findings


@dataclass(frozen=True, slots=True)
class HostVerdict:
    findings: tuple[Finding, ...]
    baseline: Baseline = field(default_factory=Baseline)  # what to compare with next month

    @property
    def worst(self) -> Verdict:
        return max((f.verdict for f in self.findings), key=lambda v: v.rank, default=Verdict.OK)


def evaluate(
    stdout: bytes,
    nonce: str,
    thresholds: Thresholds,
    baseline: Baseline | None,
    local_mid: float,
) -> HostVerdict:
    """Every check's finding for one host, from its output only."""
    sections = parse_sections(stdout, nonce)
    findings = [
        *_disk(sections, thresholds),
        *_inodes(sections, thresholds),
        *_memory(sections, thresholds),
        *_load(sections, thresholds),
        *_clock(sections, thresholds, local_mid),
        *_uptime(sections, thresholds),
        *_failed_units(sections),
        *_ports(sections, thresholds),
        *_processes(sections, thresholds),
        *_changes(sections, baseline),
        *_custom(sections, thresholds),
    ]
    seen = {f.key: f.value for f in findings}
    next_baseline = Baseline(
        os_release=seen.get("os_release") or None,
        kernel=seen.get("kernel") or None,
        passwd_sha256=seen.get("passwd") or None,
    )
    return HostVerdict(tuple(findings), next_baseline)


@dataclass(frozen=True, slots=True)
class HostResult:
    """One host of a run, as stored: reached or not (the error code and its params), the
    worst verdict, the findings, and the evidence's SHA-256."""

    host: str
    reached: bool
    outcome: str
    error: dict[str, str]
    worst: str
    evidence: str | None
    findings: tuple[Finding, ...]


@dataclass(frozen=True, slots=True)
class ManualItem:
    """A checklist item a person ticks (R2.3): marked manual wherever it is shown."""

    text: str
    required: bool = True


@dataclass(frozen=True, slots=True)
class InspectionSettings:
    thresholds: Thresholds = field(default_factory=Thresholds)
    manual: tuple[ManualItem, ...] = ()


def check_settings(settings: InspectionSettings) -> InspectionSettings:
    """Bad input names the field and what is wrong (ValidationError); the settings otherwise."""
    t = settings.thresholds
    for name, value, low, high in (
        ("disk_warn", t.disk_warn, 1, 100),
        ("disk_critical", t.disk_critical, 1, 100),
        ("inode_free_warn", t.inode_free_warn, 0, 99),
        ("inode_free_critical", t.inode_free_critical, 0, 99),
        ("memory_used", t.memory_used, 1, 100),
        ("swap_free", t.swap_free, 0, 100),
        ("load_per_cpu", t.load_per_cpu, 0.1, 100),
        ("clock_drift_s", t.clock_drift_s, 1, 86400),
        ("min_uptime_s", t.min_uptime_s, 0, 86400 * 365),
    ):
        if not low <= value <= high:
            raise ValidationError(name, "out_of_range", min=low, max=high, value=str(value))
    if t.disk_warn >= t.disk_critical:
        raise ValidationError("disk_critical", "critical_not_worse", value=str(t.disk_critical))
    if t.inode_free_critical >= t.inode_free_warn:
        raise ValidationError(
            "inode_free_critical", "critical_not_worse", value=str(t.inode_free_critical)
        )
    for port in t.expected_ports:
        if not 1 <= port <= 65535:
            raise ValidationError("expected_ports", "bad_port", value=str(port))
    for process in t.expected_processes:
        if not process.strip() or len(process) > 64 or any(c.isspace() for c in process):
            raise ValidationError("expected_processes", "bad_process_name", value=process)
    _check_custom(t.custom)
    for item in settings.manual:
        if not item.text.strip():
            raise ValidationError("manual", "required")
        if len(item.text) > 500:
            raise ValidationError("manual", "too_long", max=500)
    return settings


def _check_custom(custom: tuple[CustomCheck, ...]) -> None:
    names = [c.name.strip() for c in custom]
    for check, name in zip(custom, names, strict=True):
        if not name:
            raise ValidationError("custom", "required")
        if names.count(name) > 1:
            raise ValidationError("custom", "duplicate", value=name)
        if not check.command.strip():
            raise ValidationError("custom", "command_required", value=name)
        try:
            re.compile(check.expect_pattern)
        except re.error as error:
            raise ValidationError("custom", "bad_pattern", value=name, detail=str(error)) from None


@dataclass(frozen=True, slots=True)
class ManualCheckRow:
    id: int
    position: int
    text: str
    required: bool
    ticked: bool
    note: str
    screenshot: str | None  # the screenshot's SHA-256 in the evidence store
    checked_by: str | None


class Coverage(StrEnum):
    DUE = "due"
    DONE = "done"  # a report finalised for the month
    OVERDUE = "overdue"  # the month is over and no report was finalised


@dataclass(frozen=True, slots=True)
class SystemCoverage:
    system_id: int
    system: str
    customer: str
    state: Coverage
    run_id: int | None  # the newest run of the month
    report_state: str | None


@dataclass(frozen=True, slots=True)
class ReportFinding:
    finding: Finding
    last_month: str | None  # last month's value of this check on this host; None: not seen


@dataclass(frozen=True, slots=True)
class ReportHost:
    name: str
    reached: bool
    outcome: str  # "completed", another Outcome, or the error code that stopped it
    error: dict[str, str]
    reason: str  # why not reached, recorded by the engineer
    fingerprint: str
    started_at: str
    ended_at: str
    evidence: str | None
    findings: tuple[ReportFinding, ...]


@dataclass(frozen=True, slots=True)
class BackupLine:
    """A backup job as the monthly report states it: its newest check of the month."""

    job: str
    kind: str
    checked_at: datetime | None  # None: not checked in the month
    passed: bool | None
    problems: tuple[str, ...]  # the codes of the findings that failed (domain/backup.CODES)


@dataclass(frozen=True, slots=True)
class InspectionReport:
    """Everything the monthly report of one system shows (R2.3), as stored."""

    run_id: int
    customer: str
    project: str
    system: str
    period: str
    engineer: str
    report_state: str
    finalized_by: str | None
    reviewed_by: str | None
    review_comment: str
    hosts: tuple[ReportHost, ...]
    manual: tuple[ManualCheckRow, ...]
    backups: tuple[BackupLine, ...] = ()  # R3.3: each backup job's check in the month

    @property
    def follow_ups(self) -> list[tuple[str, Finding]]:
        """Every finding that is not OK, by host: what the group follows up."""
        return [
            (h.name, f.finding)
            for h in self.hosts
            for f in h.findings
            if f.finding.verdict != Verdict.OK
        ]
