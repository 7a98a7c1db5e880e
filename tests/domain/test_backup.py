"""Judging a job's backups (issue 8, R3.3): fresh, 60 days deep without gaps, not collapsed
in size, sound; each failure a clear finding."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from supportdesk.domain.backup import BackupItem, allowed_gap, assess, passed

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
        assert 2 * schedule > allowed_gap(schedule)  # a missed run is always a gap
    deep = any(f.code == "deep" for f in findings)
    assert deep == (NOW - series[-1].taken_at >= timedelta(days=60))
