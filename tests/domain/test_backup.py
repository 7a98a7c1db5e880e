"""Judging a job's backups (issue 8, R3.3): fresh, 60 days deep without gaps, not collapsed
in size, sound; each failure a clear finding."""

from __future__ import annotations

import os
import subprocess
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from supportdesk.domain.backup import (
    BackupItem,
    BackupKind,
    Job,
    SetupForm,
    assess,
    listing_script,
    parse_listing,
    passed,
)
from supportdesk.domain.errors import ValidationError
from supportdesk.services import backup

NOW = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def _daily(days: int, *, skip: frozenset[int] = frozenset(), size: int = 1000) -> list[BackupItem]:
    """One backup at 02:00 each day for `days` days back from NOW, except those in `skip`."""
    first = NOW.replace(hour=2) - (days - 1) * DAY
    return [
        BackupItem(f"db-{n}.sql.gz", first + n * DAY, size) for n in range(days) if n not in skip
    ]


def _codes(items: list[BackupItem], **kw: object) -> list[str]:
    return [f.code for f in assess(items, DAY, NOW, **kw)]  # type: ignore[arg-type]


def test_seventy_daily_backups_pass_every_check() -> None:
    findings = assess(_daily(70), DAY, NOW, sound=True)
    assert [f.code for f in findings] == ["fresh", "deep", "no_gap", "size_ok", "sound"]
    assert passed(findings)


def test_each_failure_is_its_own_finding() -> None:
    assert _codes([]) == ["none"]
    stale = [i for i in _daily(70) if i.taken_at < NOW - 2 * DAY]
    assert _codes(stale)[0] == "stale"
    assert _codes(_daily(30))[1] == "shallow"
    gaps = assess(_daily(70, skip=frozenset({20, 40, 41})), DAY, NOW)
    found = [f for f in gaps if f.code == "gap"]
    assert [f.params["hours"] for f in found] == ["48.0", "72.0"]
    shrunk = _daily(70)
    shrunk[-1] = BackupItem("db-69.sql.gz", shrunk[-1].taken_at, 300)
    assert "shrunk" in _codes(shrunk)
    assert _codes(_daily(70), sound=False, sound_detail="crc error")[-1] == "unsound"
    assert not passed(assess(_daily(70), DAY, NOW, sound=False))


def test_a_repository_snapshot_without_a_size_is_not_judged_by_size() -> None:
    items = [BackupItem(i.name, i.taken_at) for i in _daily(70)]
    assert "size_ok" not in _codes(items)


@given(
    hours=st.integers(min_value=1, max_value=24 * 7),
    count=st.integers(min_value=2, max_value=400),
    late=st.floats(min_value=0, max_value=1),
    missing=st.integers(min_value=0, max_value=399),
)
def test_a_regular_series_has_a_gap_exactly_where_one_is_missing(
    hours: int, count: int, late: float, missing: int
) -> None:
    schedule = timedelta(hours=hours)
    newest = NOW - schedule * late  # on time, or up to one interval old
    series = [BackupItem(str(n), newest - n * schedule, 10) for n in range(count)]
    findings = assess(series, schedule, NOW)
    assert [f.code for f in findings if f.code in ("gap", "stale")] == []
    inner = 1 + missing % max(count - 2, 1)
    if count > 2:
        holed = series[:inner] + series[inner + 1 :]
        gaps = [f for f in assess(holed, schedule, NOW) if f.code == "gap"]
        assert len(gaps) == 1
    deep = any(f.code == "deep" for f in findings)
    assert deep == (NOW - series[-1].taken_at >= timedelta(days=60))


def _listed(tmp_path: Path, names: dict[str, float], job: Job) -> list[tuple[str, datetime]]:
    """Files made with the given mtimes, listed by the real script under sh."""
    for name, mtime in names.items():
        path = tmp_path / name
        path.write_bytes(b"x")
        os.utime(path, (mtime, mtime))
    out = subprocess.run(
        ["sh", "-c", listing_script(job, "N")], capture_output=True, check=True
    ).stdout.decode()
    return [(i.name, i.taken_at) for i in parse_listing(job, out, "N").items]


def test_a_file_name_cannot_forge_a_backup_or_keep_a_job_fresh(tmp_path: Path) -> None:
    now = NOW.timestamp()
    forged = "a\n9999999999.0\t1\tfake-20991231.sql.gz"  # a newline and a made-up line
    listed = _listed(
        tmp_path,
        {forged: now - 86400, "db-20991231.sql.gz": now - 3 * 86400, "db-20261130.sql.gz": now},
        Job(BackupKind.DIRECTORY, str(tmp_path), "*"),
    )
    assert len(listed) == 3  # no made-up fourth item
    dated = dict(listed)
    # Named for a day after it was written: the file's own time counts, not the name's.
    assert dated["db-20991231.sql.gz"] == datetime.fromtimestamp(now - 3 * 86400, UTC)
    assert dated["db-20261130.sql.gz"] == datetime(
        2026, 11, 30, tzinfo=dated["db-20261130.sql.gz"].tzinfo
    )


def test_a_set_up_script_cannot_be_broken_out_of() -> None:
    for changes_, field, code in (
        ({"app_dir": "/opt/app\nSUPPORTDESK_EOF\nrm -rf ~"}, "app_dir", "bad_value"),
        ({"target_dir": "/srv/100%"}, "target_dir", "bad_value"),
        ({"target_dir": "/opt/app/backup"}, "target_dir", "inside_app_dir"),
        ({"database": "postgresql", "database_name": "-c evil"}, "database_name", "bad_value"),
        ({"target_dir": "/"}, "target_dir", "not_absolute"),
    ):
        with pytest.raises(ValidationError) as bad:
            backup.plan_setup(replace(SetupForm("/opt/app", "/srv/backup"), **changes_))  # type: ignore[arg-type]
        assert (bad.value.field, bad.value.code) == (field, code)
    plan = backup.plan_setup(SetupForm("/opt/it's app/", "/srv/备份/"))
    assert plan.script_path == "/srv/备份/supportdesk-backup.sh"
    assert subprocess.run(["sh", "-n"], input=plan.install.encode(), check=False).returncode == 0
