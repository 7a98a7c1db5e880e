"""The expiry rule (issue 6, R4.1): month ends, leap years, a contract ending today, one that
ended last month, a renewed one, and an end date changed after the reminder."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from supportdesk.domain.reminder import EXPIRY, ContractFacts, expiry_due


def _contract(end: date, months: int = 3, renewed: bool = False) -> ContractFacts:
    return ContractFacts(
        7, "华东电力", "调度平台", "调度平台生产", date(2025, 1, 1), end, months, "lisi", renewed
    )


@pytest.mark.parametrize(
    ("end", "due_on"),
    [
        (date(2027, 5, 31), date(2027, 2, 28)),  # 31 May: due on the last day of February
        (date(2028, 5, 31), date(2028, 2, 29)),  # a leap year
        (date(2026, 12, 31), date(2026, 9, 30)),
        (date(2027, 3, 15), date(2026, 12, 15)),
    ],
)
def test_due_three_months_before_the_end_month_end_aware(end: date, due_on: date) -> None:
    contract = _contract(end)
    assert expiry_due(contract, due_on - timedelta(days=1)) is None
    found = expiry_due(contract, due_on)
    assert found is not None
    assert (found.rule, found.subject, found.due_on) == (EXPIRY, f"contract:7:{end}", due_on)
    assert found.facts["days_left"] == str((end - due_on).days)


def test_ending_today_is_due_ended_last_month_is_not() -> None:
    today = date(2026, 12, 1)
    assert expiry_due(_contract(today), today) is not None
    assert expiry_due(_contract(date(2026, 11, 30)), today) is None


def test_a_renewed_contract_is_not_due() -> None:
    assert expiry_due(_contract(date(2027, 1, 31), renewed=True), date(2026, 12, 1)) is None


def test_an_end_changed_after_the_reminder_makes_a_new_one() -> None:
    first = expiry_due(_contract(date(2027, 2, 28)), date(2026, 12, 1))
    moved = expiry_due(_contract(date(2027, 1, 31)), date(2026, 12, 1))
    assert first is not None
    assert moved is not None
    assert (first.subject, first.due_on) != (moved.subject, moved.due_on)  # another key
    # Moved within the days that share a due date (28-31 May: 28 February): still another.
    may31 = expiry_due(_contract(date(2027, 5, 31)), date(2027, 3, 1))
    may30 = expiry_due(_contract(date(2027, 5, 30)), date(2027, 3, 1))
    assert may31 is not None
    assert may30 is not None
    assert may31.due_on == may30.due_on
    assert may31.subject != may30.subject


def test_the_notice_period_is_the_contracts_own() -> None:
    assert expiry_due(_contract(date(2027, 6, 30), months=6), date(2026, 12, 31)) is not None
    assert expiry_due(_contract(date(2027, 6, 30), months=1), date(2026, 12, 31)) is None


@given(st.dates(date(2000, 1, 1), date(2100, 12, 31)), st.integers(0, 24))
def test_due_exactly_from_the_notice_date_to_the_end(end: date, months: int) -> None:
    contract = _contract(end, months)
    found = expiry_due(contract, end)
    assert found is not None
    assert expiry_due(contract, found.due_on) is not None
    if found.due_on > date(2000, 1, 1):
        assert expiry_due(contract, found.due_on - timedelta(days=1)) is None
    assert expiry_due(contract, end + timedelta(days=1)) is None
