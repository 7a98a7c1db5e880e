"""Registry rules: month arithmetic of R4.1, the first-contact week of seed 004, validators."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from supportdesk.domain import registry as rules
from supportdesk.domain.errors import ValidationError

DAYS = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))
MONTHS = st.integers(min_value=-600, max_value=600)


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


# --- add_months ----------------------------------------------------------------------


@given(DAYS, MONTHS)
@example(date(2026, 3, 31), -1)  # → 28 Feb
@example(date(2024, 3, 31), -1)  # → 29 Feb, leap year
@example(date(2026, 1, 31), 1)
@example(date(2026, 12, 15), 1)  # over the year end
def test_add_months_moves_whole_months_and_clamps_to_the_month_end(day: date, n: int) -> None:
    moved = rules.add_months(day, n)
    assert _month_index(moved) == _month_index(day) + n
    assert moved.day == min(day.day, _last_day(moved.year, moved.month))


@given(DAYS)
def test_adding_no_months_changes_nothing(day: date) -> None:
    assert rules.add_months(day, 0) == day


@given(DAYS, MONTHS)
def test_going_back_and_forth_returns_to_the_month_clamped_on_the_way(day: date, n: int) -> None:
    there = rules.add_months(day, -n)
    back = rules.add_months(there, n)
    assert (back.year, back.month) == (day.year, day.month)
    assert back.day == min(day.day, _last_day(there.year, there.month))
    assert back <= day
    if day.day <= 28:  # every month has the day: the round trip is exact
        assert back == day


@given(DAYS, DAYS, MONTHS)
def test_add_months_keeps_the_order_of_days(a: date, b: date, n: int) -> None:
    early, late = sorted((a, b))
    assert rules.add_months(early, n) <= rules.add_months(late, n)


def test_add_months_examples() -> None:
    assert rules.add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)
    assert rules.add_months(date(2028, 3, 31), -1) == date(2028, 2, 29)
    assert rules.add_months(date(2026, 8, 31), -6) == date(2026, 2, 28)
    assert rules.add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert rules.add_months(date(2026, 1, 15), -13) == date(2024, 12, 15)


# --- R4.1 notice date and expiry ------------------------------------------------------


@given(DAYS, st.integers(min_value=0, max_value=24))
def test_notice_date_is_the_end_minus_the_notice_months(end: date, months: int) -> None:
    notice = rules.notice_date(end, months)
    assert notice == rules.add_months(end, -months)
    assert notice <= end
    assert _month_index(end) - _month_index(notice) == months


def test_notice_date_default_is_three_months() -> None:
    assert rules.DEFAULT_NOTICE_MONTHS == 3
    assert rules.notice_date(date(2027, 3, 31), 3) == date(2026, 12, 31)
    assert rules.notice_date(date(2027, 5, 31), 3) == date(2027, 2, 28)


@given(DAYS, st.integers(min_value=0, max_value=24), st.integers(min_value=-800, max_value=800))
def test_expiring_within_is_the_window_from_notice_to_end(
    end: date, months: int, offset: int
) -> None:
    today = end + timedelta(days=offset)
    notice = rules.notice_date(end, months)
    assert rules.expiring_within(end, months, today) == (notice <= today <= end)


def test_expiring_within_boundaries() -> None:
    end = date(2027, 3, 31)
    assert not rules.expiring_within(end, 3, date(2026, 12, 30))  # a day before the notice
    assert rules.expiring_within(end, 3, date(2026, 12, 31))  # the notice day itself
    assert rules.expiring_within(end, 3, end)  # the last day of maintenance
    assert not rules.expiring_within(end, 3, end + timedelta(days=1))  # over: not "expiring"


# --- seed 004: a new customer is contacted within a week ----------------------------------


@given(DAYS, st.integers(min_value=0, max_value=400))
def test_first_contact_is_overdue_only_after_a_full_week(created: date, age: int) -> None:
    today = created + timedelta(days=age)
    assert rules.first_contact_overdue(created, None, today) == (age > 7)
    assert not rules.first_contact_overdue(created, created, today)  # contacted: never


def test_first_contact_week_boundary() -> None:
    created = date(2026, 11, 16)
    assert rules.FIRST_CONTACT_DAYS == 7
    assert not rules.first_contact_overdue(created, None, created + timedelta(days=7))
    assert rules.first_contact_overdue(created, None, created + timedelta(days=8))
    assert not rules.first_contact_overdue(created, date(2026, 11, 30), date(2026, 12, 30))


# --- validators ------------------------------------------------------------------------


def _refused(check: Callable[..., object], *args: object) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        check(*args)
    return caught.value


@pytest.mark.parametrize(
    "address",
    [
        "10.1.2.3",
        "192.168.0.1",
        "::1",
        "fe80::1",
        "2001:db8::8a2e:370:7334",
        "app01",
        "localhost",
        "db-01.hd.example.cn",
        "xn--fiq228c.cn",  # a Chinese domain in its punycode (ASCII) form
        " 10.0.0.1 ",
    ],
)
def test_address_accepts_ip_addresses_and_host_names(address: str) -> None:
    assert rules.valid_address("address", address) == address.strip()


@pytest.mark.parametrize(
    ("address", "code"),
    [
        ("", "required"),
        ("   ", "required"),
        ("999.1.1.1", "bad_address"),
        ("10.1.2", "bad_address"),
        ("1.2.3.4.5", "bad_address"),
        ("服务器", "bad_address"),
        ("华东.example.cn", "bad_address"),
        ("not an address!", "bad_address"),
        ("-app.example.cn", "bad_address"),
        ("http://10.1.2.3", "bad_address"),
        ("10.1.2.3:22", "bad_address"),
        ("a" * 64 + ".cn", "bad_address"),  # a label is at most 63 characters
    ],
)
def test_address_refuses_what_is_neither(address: str, code: str) -> None:
    error = _refused(rules.valid_address, "address", address)
    assert (error.field, error.code) == ("address", code)


@given(st.integers(min_value=1, max_value=65535))
def test_every_port_in_range_is_accepted(port: int) -> None:
    assert rules.valid_port("port", port) == port


@given(st.one_of(st.integers(max_value=0), st.integers(min_value=65536)))
def test_ports_out_of_range_are_refused(port: int) -> None:
    error = _refused(rules.valid_port, "port", port)
    assert (error.field, error.code, error.params["value"]) == ("port", "bad_port", str(port))


@pytest.mark.parametrize(
    "email", ["wang@example.cn", "zhang.san+ops@hd-power.com.cn", "王工@例子.中国", ""]
)
def test_email_accepts_addresses_including_chinese_ones(email: str) -> None:
    assert rules.valid_email("email", email) == email


@pytest.mark.parametrize(
    "email", ["wang", "wang@", "@example.cn", "wang@example", "王 工@例子.中国"]
)
def test_email_refuses_non_addresses(email: str) -> None:
    error = _refused(rules.valid_email, "email", email)
    assert (error.field, error.code) == ("email", "bad_email")


@pytest.mark.parametrize(
    "phone",
    [
        "13800000000",
        "+86 138 0000 0000",
        "010-12345678",
        "(021) 6543-2100",
        "010-12345678转8001",  # an office extension, as Chinese contacts write it
        "021-65432100 分机 12",
        "+86 10 1234 5678 ext. 12",
        "",
    ],
)
def test_phone_accepts_numbers_with_separators_and_extensions(phone: str) -> None:
    assert rules.valid_phone("phone", phone) == phone


@pytest.mark.parametrize("phone", ["电话", "abc", "123", "138-0000-000a", "转8001", "+", "1" * 40])
def test_phone_refuses_non_numbers(phone: str) -> None:
    error = _refused(rules.valid_phone, "phone", phone)
    assert (error.field, error.code) == ("phone", "bad_phone")


@pytest.mark.parametrize("login", ["zhangsan", "li.si", "wang_wu-2", "_svc", "a" * 63])
def test_login_accepts_database_friendly_names(login: str) -> None:
    assert rules.valid_login("login", login) == login


@pytest.mark.parametrize(
    "login", ["", "ZhangSan", "张三", "1abc", "zhang san", "a" * 64, "x;drop", "-x"]
)
def test_login_refuses_others(login: str) -> None:
    error = _refused(rules.valid_login, "login", login)
    assert (error.field, error.code) == ("login", "bad_login")


def test_required_and_limited_name_the_field() -> None:
    assert rules.required("name", "  华东电力  ") == "华东电力"
    error = _refused(rules.required, "name", " \t")
    assert (error.field, error.code) == ("name", "required")
    error = _refused(rules.limited, "region", "上" * 101, 100)
    assert (error.field, error.code, error.params["max"]) == ("region", "too_long", 100)
    assert rules.limited("region", "上" * 100, 100) == "上" * 100  # characters, not bytes


def test_contract_dates_and_notice_months() -> None:
    rules.valid_contract_dates(date(2026, 4, 1), date(2026, 4, 1), 0)
    rules.valid_contract_dates(date(2026, 4, 1), date(2027, 3, 31), 24)
    error = _refused(rules.valid_contract_dates, date(2026, 4, 2), date(2026, 4, 1), 3)
    assert (error.field, error.code) == ("end", "end_before_start")
    for months in (-1, 25):
        error = _refused(rules.valid_contract_dates, date(2026, 4, 1), date(2027, 3, 31), months)
        assert (error.field, error.code) == ("notice_months", "bad_notice_months")


def test_choice_lists_the_allowed_values() -> None:
    assert rules.valid_choice("kind", "paid", rules.ContractKind) == "paid"
    error = _refused(rules.valid_choice, "kind", "免费", rules.ContractKind)
    assert (error.field, error.code, error.params["choices"]) == (
        "kind",
        "bad_choice",
        "free, paid",
    )


# --- parse_date ----------------------------------------------------------------------------


@given(DAYS)
def test_parse_date_reads_iso_dates(day: date) -> None:
    assert rules.parse_date("start", day.isoformat()) == day
    assert rules.parse_date("start", f" {day.isoformat()}\t") == day
    assert rules.parse_date("start", day) == day


@given(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1)))
def test_parse_date_keeps_the_day_of_a_spreadsheet_datetime(moment: datetime) -> None:
    assert rules.parse_date("start", moment) == moment.date()


@pytest.mark.parametrize("empty", [None, ""])
def test_parse_date_reads_empty_as_none(empty: object) -> None:
    assert rules.parse_date("start", empty) is None


@pytest.mark.parametrize(
    "value",
    [
        "2026-3-1",
        "31/03/2026",
        "2026/03/31",
        "2026-02-30",
        "2026-13-01",
        "20260331",  # fromisoformat would take it; the format is YYYY-MM-DD
        "2026-W13-1",  # an ISO week date: never what a user means
        "2026-03-31T08:00",
        "二〇二六年三月三十一日",
        "２０２６-０３-３１",  # full-width digits
        20260331,
        2026.0331,
        "  ",
    ],
)
def test_parse_date_refuses_other_forms(value: object) -> None:
    error = _refused(rules.parse_date, "acceptance_date", value)
    assert (error.field, error.code) == ("acceptance_date", "bad_date")
    assert error.params["value"] == str(value)


# --- clean_tags ---------------------------------------------------------------------------


def test_clean_tags_strips_drops_empties_and_duplicates_in_order() -> None:
    assert rules.clean_tags([" app ", "", "db", "app", "  ", "机房", "db"]) == ("app", "db", "机房")
    assert rules.clean_tags(()) == ()


@pytest.mark.parametrize("tag", ["a b", "a\tb", "华东\u3000机房", "x\ny"])
def test_clean_tags_refuses_whitespace_inside_a_tag(tag: str) -> None:
    # Tags are stored space-separated and read back with split(): "华东　机房" would come back
    # as two tags.
    error = _refused(rules.clean_tags, [tag])
    assert (error.field, error.code) == ("tags", "tag_has_space")


def test_clean_tags_limits_the_length() -> None:
    assert rules.clean_tags(["标" * 40]) == ("标" * 40,)
    error = _refused(rules.clean_tags, ["标" * 41])
    assert (error.field, error.code) == ("tags", "too_long")


TAGS = st.lists(st.text(alphabet=st.characters(exclude_categories=("Z", "C")), max_size=40))


@given(TAGS)
def test_clean_tags_is_idempotent_and_round_trips_through_the_column(tags: list[str]) -> None:
    cleaned = rules.clean_tags(tags)
    assert rules.clean_tags(cleaned) == cleaned
    assert len(set(cleaned)) == len(cleaned)
    assert all(t and t == t.strip() for t in cleaned)
    assert tuple(" ".join(cleaned).split()) == cleaned  # how hosts store and read them
