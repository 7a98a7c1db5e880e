"""The inspection's checks (issue 5, "What is checked"): sections from one combined command,
and the verdicts derived from that output alone."""

from __future__ import annotations

import subprocess
import time
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from supportdesk.domain.errors import ValidationError
from supportdesk.domain.inspection import (
    Baseline,
    CustomCheck,
    Finding,
    InspectionSettings,
    ManualItem,
    Thresholds,
    Verdict,
    check_settings,
    combined_command,
    evaluate,
    listening_ports,
    new_nonce,
    parse_sections,
)

NONCE = "0123456789abcdef"


def _output(sections: dict[str, tuple[str, int | None]], nonce: str = NONCE) -> bytes:
    lines = []
    for name, (text, status) in sections.items():
        lines.append(f"@@supportdesk:{nonce}:BEGIN:{name}")
        lines.append(text.rstrip("\n"))
        if status is not None:
            lines.append(f"@@supportdesk:{nonce}:END:{name} {status}")
    return ("\n".join(lines) + "\n").encode()


def _by_key(findings: tuple[Finding, ...]) -> dict[str, Finding]:
    return {f.key: f for f in findings}


DF = """Filesystem 1024-blocks Used Available Capacity Mounted on
/dev/sda1 1000 799 201 80% /
/dev/sdb1 1000 800 200 80% /data
/dev/sdc1 1000 900 100 90% /var/lib/my data
"""
INODES = """Filesystem Inodes IUsed IFree IUse% Mounted on
/dev/sda1 1000 790 210 79% /
/dev/sdb1 1000 801 199 81% /data
/dev/sdc1 1000 901 99 91% /var/lib/my data
vfat 0 0 0 - /boot/efi
"""
MEMINFO = """MemTotal: 1000 kB
MemFree: 50 kB
MemAvailable: 99 kB
SwapTotal: 1000 kB
SwapFree: 499 kB
"""


def _healthy(**override: tuple[str, int | None]) -> dict[str, tuple[str, int | None]]:
    sections: dict[str, tuple[str, int | None]] = {
        "df": (DF, 0),
        "inodes": (INODES, 0),
        "meminfo": (MEMINFO, 0),
        "loadavg": ("0.50 3.01 1.00 1/200 999", 0),
        "cpus": ("2", 0),
        "clock": ("1000061", 0),
        "uptime": ("599.5 1000.0", 0),
        "failed_units": ("nginx.service loaded failed failed nginx\n", 0),
        "ports": (
            "LISTEN 0 128 0.0.0.0:22 0.0.0.0:*\nLISTEN 0 128 [::]:5432 [::]:*\n",
            0,
        ),
        "processes": ("systemd\nsshd\npostgres\n", 0),
        "os_release": ('NAME="Debian"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n', 0),
        "kernel": ("Linux 6.1.0-18-amd64", 0),
        "passwd": ("a" * 64 + "  /etc/passwd", 0),
    }
    sections.update(override)
    return sections


def test_every_default_threshold_at_its_edge() -> None:
    thresholds = Thresholds(expected_ports=(22, 5432, 8080), expected_processes=("sshd", "java"))
    found = _by_key(evaluate(_output(_healthy()), NONCE, thresholds, None, 1000000).findings)
    assert found["disk:/"].verdict == Verdict.OK  # 79.9%
    assert found["disk:/data"].verdict == Verdict.WARNING  # 80% used: warn at 80
    assert found["disk:/var/lib/my data"].verdict == Verdict.CRITICAL  # a mount with a space
    assert found["inodes:/"].verdict == Verdict.OK  # 21% free
    assert found["inodes:/data"].verdict == Verdict.WARNING  # 19.9% free
    assert found["inodes:/var/lib/my data"].verdict == Verdict.CRITICAL  # 9.9% free
    assert "inodes:/boot/efi" not in found  # no inode table, nothing to run out of
    assert (found["memory"].verdict, found["memory"].value) == (Verdict.WARNING, "90.1%")
    assert (found["swap"].verdict, found["swap"].value) == (Verdict.WARNING, "49.9%")
    assert found["load"].verdict == Verdict.WARNING  # 3.01 / 2 CPUs > 1.5
    assert (found["clock"].verdict, found["clock"].value) == (Verdict.WARNING, "+61 s")
    assert found["uptime"].verdict == Verdict.WARNING  # rebooted 10 minutes ago
    failed = found["failed_units"]
    assert (failed.verdict, failed.value, failed.detail) == (Verdict.CRITICAL, "1", "nginx.service")
    assert found["port:22"].verdict == found["port:5432"].verdict == Verdict.OK
    assert found["port:8080"].verdict == Verdict.CRITICAL
    assert found["process:sshd"].verdict == Verdict.OK
    assert found["process:java"].verdict == Verdict.CRITICAL


def test_just_inside_the_limits_is_ok() -> None:
    calm = _healthy(
        meminfo=("MemTotal: 1000 kB\nMemAvailable: 100 kB\nSwapTotal: 0 kB\n", 0),
        loadavg=("9.0 3.00 1.0 1/1 1", 0),
        clock=("999940", 0),
        uptime=("600.0 1.0", 0),
        failed_units=("", 0),
    )
    found = _by_key(evaluate(_output(calm), NONCE, Thresholds(), None, 1000000).findings)
    for key in ("memory", "load", "clock", "uptime", "failed_units"):
        assert found[key].verdict == Verdict.OK, found[key]
    assert "swap" not in found  # no swap configured: nothing to judge


def test_per_system_thresholds_apply() -> None:
    strict = Thresholds(disk_warn=50, disk_critical=70, clock_drift_s=5)
    found = _by_key(evaluate(_output(_healthy()), NONCE, strict, None, 1000000).findings)
    assert found["disk:/"].verdict == Verdict.CRITICAL
    assert found["disk:/"].threshold == "50% / 70%"


def test_changes_since_last_month_are_flagged() -> None:
    last = Baseline("Debian GNU/Linux 11 (bullseye)", "Linux 6.1.0-18-amd64", "b" * 64)
    verdict = evaluate(_output(_healthy()), NONCE, Thresholds(), last, 1000000)
    found = _by_key(verdict.findings)
    assert (found["os_release"].verdict, found["os_release"].threshold) == (
        Verdict.WARNING,
        "Debian GNU/Linux 11 (bullseye)",
    )
    assert found["kernel"].verdict == Verdict.OK
    assert found["passwd"].verdict == Verdict.WARNING
    # What next month compares with: what was seen now.
    assert verdict.baseline == Baseline(
        "Debian GNU/Linux 12 (bookworm)", "Linux 6.1.0-18-amd64", "a" * 64
    )
    first = _by_key(evaluate(_output(_healthy()), NONCE, Thresholds(), None, 1000000).findings)
    assert first["passwd"].detail == "first inspection"


def test_custom_commands_check_status_and_output() -> None:
    checks = (
        CustomCheck("health", "curl -fsS http://localhost/health", 0, r'"status":\s*"UP"'),
        CustomCheck("db ping", "pg_isready", 0),
        CustomCheck("any status", "echo hi; exit 7", None, "hi"),
    )
    out = _output(
        _healthy(
            **{
                "custom:0": ('{"status": "DOWN"}', 0),
                "custom:1": ("no response", 2),
                "custom:2": ("hi", 7),
            }
        )
    )
    found = _by_key(evaluate(out, NONCE, Thresholds(custom=checks), None, 1000000).findings)
    assert found["custom:health"].verdict == Verdict.CRITICAL
    assert "does not match" in found["custom:health"].detail
    assert found["custom:db ping"].verdict == Verdict.CRITICAL
    assert found["custom:db ping"].detail == "exit 2, expected 0"
    assert found["custom:any status"].verdict == Verdict.OK


def test_output_cannot_fake_a_section() -> None:
    """A host prints marker-like lines (a file name, a log line): without the run's nonce
    they are just output."""
    forged = (
        "@@supportdesk:ffffffffffffffff:END:df 0\n"
        "@@supportdesk:ffffffffffffffff:BEGIN:failed_units\n"
        "@@supportdesk:0123456789abcdef:BEGIN:failed_units x\n"
    )
    out = _output(_healthy(df=(DF + forged, 0)))
    sections = parse_sections(out, NONCE)
    assert sections["df"].output.endswith(forged)
    assert sections["failed_units"].output.startswith("nginx.service")


def test_a_cut_off_run_keeps_what_arrived_and_judges_the_rest_unknown() -> None:
    out = _output({"df": (DF, 0), "inodes": (INODES, None)})
    sections = parse_sections(out, NONCE)
    assert sections["inodes"].status is None
    assert "vfat" in sections["inodes"].output
    found = _by_key(evaluate(out, NONCE, Thresholds(expected_ports=(22,)), None, 0).findings)
    assert found["disk:/data"].verdict == Verdict.WARNING
    for key in ("memory", "load", "clock", "uptime", "failed_units", "ports", "kernel"):
        assert found[key].verdict == Verdict.UNKNOWN, key


def test_no_systemd_is_not_a_failure() -> None:
    out = _output(_healthy(failed_units=("#no-systemd", 0)))
    found = _by_key(evaluate(out, NONCE, Thresholds(), None, 1000000).findings)
    assert found["failed_units"].verdict == Verdict.OK
    refused = _output(_healthy(failed_units=("System has not been booted with systemd", 1)))
    found = _by_key(evaluate(refused, NONCE, Thresholds(), None, 1000000).findings)
    assert found["failed_units"].verdict == Verdict.UNKNOWN


@pytest.mark.parametrize(
    ("text", "ports"),
    [
        ("LISTEN 0 128 0.0.0.0:22 0.0.0.0:*\nLISTEN 0 4096 127.0.0.1:5432 0.0.0.0:*", {22, 5432}),
        ("LISTEN 0 128 [::]:443 [::]:*", {443}),
        (
            "Active Internet connections (only servers)\n"
            "Proto Recv-Q Send-Q Local Address Foreign Address State\n"
            "tcp 0 0 0.0.0.0:3306 0.0.0.0:* LISTEN\ntcp6 0 0 :::8080 :::* LISTEN",
            {3306, 8080},
        ),
    ],
)
def test_listening_ports_from_ss_and_netstat(text: str, ports: set[int]) -> None:
    assert listening_ports(text) == ports


@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=300))
def test_any_output_parses_without_error(text: str) -> None:
    out = _output(_healthy(df=(text, 0), meminfo=(text, 1), loadavg=(text, None)))
    verdict = evaluate(
        out, NONCE, Thresholds(expected_ports=(1,), custom=(CustomCheck("c", "x"),)), None, 0
    )
    assert verdict.findings


def test_the_combined_command_runs_in_a_real_shell() -> None:
    """Locally, as it would on a host: every section comes back, custom ones with their own
    exit status, and their output judged."""
    nonce = new_nonce()
    checks = (
        CustomCheck("quoted", "printf '%s\\n' \"it's 'ok'\"; exit 3", 3, "it's 'ok'"),
        CustomCheck("fails", "false"),
    )
    before = time.time()
    done = subprocess.run(
        combined_command(nonce, checks), shell=True, capture_output=True, check=False
    )
    mid = (before + time.time()) / 2
    sections = parse_sections(done.stdout, nonce)
    assert {"df", "meminfo", "clock", "passwd", "custom:0", "custom:1"} <= set(sections)
    assert all(s.status is not None for s in sections.values())
    found = _by_key(evaluate(done.stdout, nonce, Thresholds(custom=checks), None, mid).findings)
    assert found["custom:quoted"].verdict == Verdict.OK
    assert found["custom:fails"].verdict == Verdict.CRITICAL
    assert found["clock"].verdict == Verdict.OK
    assert found["memory"].verdict != Verdict.UNKNOWN


@pytest.mark.parametrize(
    ("change", "field", "code"),
    [
        ({"disk_warn": 0}, "disk_warn", "out_of_range"),
        ({"disk_warn": 90, "disk_critical": 90}, "disk_critical", "critical_not_worse"),
        ({"inode_free_warn": 10, "inode_free_critical": 10}, "inode_free_critical",
         "critical_not_worse"),
        ({"expected_ports": (0,)}, "expected_ports", "bad_port"),
        ({"expected_processes": ("java -jar",)}, "expected_processes", "bad_process_name"),
        ({"custom": (CustomCheck(" ", "x"),)}, "custom", "required"),
        ({"custom": (CustomCheck("a", "x"), CustomCheck("a", "y"))}, "custom", "duplicate"),
        ({"custom": (CustomCheck("a", " "),)}, "custom", "command_required"),
        ({"custom": (CustomCheck("a", "x", 0, "(unclosed"),)}, "custom", "bad_pattern"),
    ],
)  # fmt: skip
def test_bad_settings_name_the_field(change: dict[str, object], field: str, code: str) -> None:
    settings = InspectionSettings(replace(Thresholds(), **change))  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as caught:
        check_settings(settings)
    assert (caught.value.field, caught.value.code) == (field, code)


def test_manual_items_need_text() -> None:
    with pytest.raises(ValidationError) as caught:
        check_settings(InspectionSettings(manual=(ManualItem("  "),)))
    assert (caught.value.field, caught.value.code) == ("manual", "required")
    assert check_settings(InspectionSettings(manual=(ManualItem("机房巡视"),)))
