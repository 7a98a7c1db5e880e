"""Handover dates (issue 7, R1.1): join one month before acceptance, month-end aware; due
two weeks after; late when not signed by then."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from supportdesk.domain.handover import HandoverState, Timeline, due_date, join_date


@pytest.mark.parametrize(
    ("acceptance", "join"),
    [
        (date(2027, 3, 31), date(2027, 2, 28)),  # 31 March: the last day of February
        (date(2028, 3, 31), date(2028, 2, 29)),  # a leap year
        (date(2027, 3, 29), date(2027, 2, 28)),
        (date(2027, 1, 15), date(2026, 12, 15)),  # across the year
        (date(2026, 5, 31), date(2026, 4, 30)),
    ],
)
def test_join_one_month_before_month_end_aware(acceptance: date, join: date) -> None:
    assert join_date(acceptance) == join


@given(st.dates(date(2000, 2, 1), date(2100, 12, 31)))
def test_join_is_within_a_month_before_and_due_two_weeks_after(acceptance: date) -> None:
    join = join_date(acceptance)
    assert 28 <= (acceptance - join).days <= 31
    assert join.day == acceptance.day or join.day < acceptance.day  # clamped, never later
    assert due_date(acceptance) - acceptance == timedelta(days=14)


def _timeline(state: HandoverState, signed: date | None = None) -> Timeline:
    return Timeline(1, "华东电力", "调度自动化二期", date(2027, 3, 31), True, state, None, signed)


def test_late_from_the_day_after_the_due_date_unless_signed_in_time() -> None:
    due = date(2027, 4, 14)
    assert _timeline(HandoverState.IN_PROGRESS).due_on == due
    assert not _timeline(HandoverState.IN_PROGRESS).late(due)
    assert _timeline(HandoverState.IN_PROGRESS).late(due + timedelta(days=1))
    assert not _timeline(HandoverState.SIGNED, due).late(date(2027, 6, 1))
    assert _timeline(HandoverState.SIGNED, due + timedelta(days=1)).late(date(2027, 6, 1))
