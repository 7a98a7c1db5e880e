"""HostModel: an id list whose rows are fetched a page at a time, filtered in memory."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from supportdesk.domain.registry import HostRow
from supportdesk.ui.models.host_model import PAGE, HostModel
from supportdesk.ui.models.row_model import ROW_ROLE, Column
from tests.ui.helpers import check_model

CUSTOMERS = ["华东电力调度中心", "成都农商银行", "北京市自来水集团"]
COLUMNS: list[Column[HostRow]] = [
    Column("Customer", lambda h: h.customer),
    Column("Host", lambda h: h.name),
    Column("Address", lambda h: h.address),
    Column("Port", lambda h: h.port),
    Column("Tags", lambda h: h.tags),
]
COUNT = 1000


def host(key: int) -> HostRow:
    return HostRow(
        key,
        key % 50,
        f"系统{key % 50}",
        CUSTOMERS[key % 3],
        f"host{key}",
        f"10.0.{key // 256}.{key % 256}",
        22,
        "ops",
        None,
        None,
        None,
        ("app",) if key % 2 else ("db",),
        1,
    )


HOSTS = {key: host(key) for key in range(1, COUNT + 1)}


def search_index() -> list[tuple[int, str]]:
    """What registry.host_search_index gives: (id, lower-cased searchable text)."""
    return [
        (h.id, " ".join([h.customer, h.system, h.name, h.address, *h.tags]).lower())
        for h in HOSTS.values()
    ]


class Fetcher:
    def __init__(self) -> None:
        self.calls: list[list[int]] = []

    def __call__(self, ids: list[int]) -> list[HostRow]:
        self.calls.append(list(ids))
        return [HOSTS[i] for i in ids]


@pytest.fixture
def fetch() -> Fetcher:
    return Fetcher()


@pytest.fixture
def model(fetch: Fetcher) -> HostModel:
    hosts = HostModel(COLUMNS, fetch)
    hosts.set_index(search_index())
    hosts.filter("")
    return hosts


def shown_ids(model: HostModel) -> list[int]:
    return [model.index(r, 0).data(ROW_ROLE).id for r in range(model.rowCount())]


def test_passes_qtmodeltester(qtmodeltester: ModelTester, fetch: Fetcher) -> None:
    hosts = HostModel(COLUMNS, fetch)
    check_model(qtmodeltester, hosts)  # before the index arrives
    hosts.set_index(search_index())
    hosts.filter("")
    check_model(qtmodeltester, hosts)
    hosts.filter("成都")
    check_model(qtmodeltester, hosts)


def test_rows_are_fetched_lazily_one_page_at_a_time(model: HostModel, fetch: Fetcher) -> None:
    assert model.rowCount() == COUNT
    assert fetch.calls == []  # counting rows loads none
    assert model.index(0, 1).data() == "host1"
    assert fetch.calls == [list(range(1, PAGE + 1))]
    assert model.index(PAGE - 1, 2).data() == HOSTS[PAGE].address  # same page: cached
    assert len(fetch.calls) == 1
    assert model.index(2 * PAGE + 5, 1).data() == f"host{2 * PAGE + 6}"
    assert fetch.calls[1] == list(range(2 * PAGE + 1, 3 * PAGE + 1))
    assert len(fetch.calls) == 2  # the page in between was never loaded
    assert model.host_at(COUNT) is None
    assert model.host_at(-1) is None


def test_cells_and_the_row_role(model: HostModel) -> None:
    assert [model.index(0, c).data() for c in range(5)] == [
        CUSTOMERS[1],
        "host1",
        "10.0.0.1",
        "22",
        "app",
    ]
    assert model.index(0, 0).data(ROW_ROLE) == HOSTS[1]
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Address"
    assert model.headerData(2, Qt.Orientation.Vertical) is None


@pytest.mark.parametrize("needle", ["成都", "成都农商", "自来水", "HOST99", "10.0.3.", "  db "])
def test_filter_by_substring(model: HostModel, needle: str) -> None:
    text = needle.strip().lower()
    expected = [key for key, hay in search_index() if text in hay]
    assert 0 < len(expected) < COUNT
    model.filter(needle)
    assert model.rowCount() == len(expected)
    assert shown_ids(model) == expected


def test_chinese_filter_shows_only_that_customer(model: HostModel) -> None:
    model.filter("成都")
    customers = {model.index(r, 0).data() for r in range(model.rowCount())}
    assert customers == {"成都农商银行"}
    assert model.rowCount() == sum(1 for h in HOSTS.values() if h.customer == "成都农商银行")
    model.filter("")
    assert model.rowCount() == COUNT


def test_no_match_is_an_empty_table(model: HostModel) -> None:
    model.filter("不存在")
    assert model.rowCount() == 0
    assert model.index(0, 0).data() is None


def test_a_new_index_after_an_edit_shows_the_edited_row(model: HostModel) -> None:
    assert model.index(0, 1).data() == "host1"  # cached now
    edited = host(1)
    HOSTS[1] = HostRow(**{**{n: getattr(edited, n) for n in edited.__slots__}, "name": "db-new"})
    try:
        model.set_index(search_index())  # what the page does after registry_changed("host")
        assert model.index(0, 1).data() == "db-new"
    finally:
        HOSTS[1] = edited
