"""RowModel (DTO rows by columns) and ChineseSortProxy (pinyin order, substring filter)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import QLocale, Qt
from pytestqt.modeltest import ModelTester

from supportdesk.ui.models.row_model import (
    ROW_ROLE,
    SORT_ROLE,
    ChineseSortProxy,
    Column,
    RowModel,
)
from tests.ui.helpers import check_model


@dataclass(frozen=True)
class Item:
    name: str
    due: date | None
    done: bool
    tags: tuple[str, ...]
    count: int


COLUMNS: list[Column[Item]] = [
    Column("Name", lambda i: i.name),
    Column("Due", lambda i: i.due, highlight=lambda i: i.due is not None and i.due.year < 2026),
    Column("Done", lambda i: i.done),
    Column("Tags", lambda i: i.tags),
    Column("Count", lambda i: i.count),
]
ITEMS = [
    Item("上海", date(2026, 3, 1), True, ("app", "db"), 10),
    Item("北京", None, False, (), 9),
    Item("成都", date(2025, 12, 31), False, ("web",), 100),
    Item("广州 Guangzhou", date(2027, 1, 1), True, ("bak",), 2),
    Item("南京", date(2026, 1, 1), False, ("App",), 0),
]


@pytest.fixture
def model() -> RowModel[Item]:
    rows: RowModel[Item] = RowModel(COLUMNS)
    rows.set_rows(ITEMS)
    return rows


@pytest.fixture
def proxy(model: RowModel[Item]) -> ChineseSortProxy:
    sorted_rows = ChineseSortProxy()
    sorted_rows.setSourceModel(model)
    return sorted_rows


def column(proxy: ChineseSortProxy, col: int = 0) -> list[str]:
    return [proxy.index(r, col).data() for r in range(proxy.rowCount())]


def test_row_model_passes_qtmodeltester(qtmodeltester: ModelTester) -> None:
    rows: RowModel[Item] = RowModel(COLUMNS)
    check_model(qtmodeltester, rows)  # empty
    rows.set_rows(ITEMS)
    check_model(qtmodeltester, rows)


def test_proxy_passes_qtmodeltester(qtmodeltester: ModelTester, proxy: ChineseSortProxy) -> None:
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    proxy.setFilterFixedString("a")
    check_model(qtmodeltester, proxy)


def test_cells_show_text_and_the_row_role_gives_the_dto(model: RowModel[Item]) -> None:
    assert model.rowCount() == 5
    assert model.columnCount() == 5
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Due"
    first = [model.index(0, c).data() for c in range(5)]
    assert first == ["上海", "2026-03-01", "✔", "app, db", "10"]
    second = [model.index(1, c).data() for c in range(5)]
    assert second == ["北京", "", "", "", "9"]
    assert model.index(2, 3).data(ROW_ROLE) is ITEMS[2]
    assert model.index(0, 1).data(SORT_ROLE) == "2026-03-01"
    assert model.rows() == ITEMS


def test_highlight_only_where_the_rule_says(model: RowModel[Item]) -> None:
    highlighted = [bool(model.index(r, 1).data(Qt.ItemDataRole.BackgroundRole)) for r in range(5)]
    assert highlighted == [False, False, True, False, False]
    assert model.index(2, 0).data(Qt.ItemDataRole.BackgroundRole) is None


def test_set_rows_resets_the_model(model: RowModel[Item]) -> None:
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(model.rowCount()))
    model.set_rows(ITEMS[:2])
    assert resets == [2]
    assert model.rowCount() == 2


@pytest.mark.parametrize("interface", ["C", "en_US", "zh_CN"])
def test_chinese_sorts_by_pinyin_in_every_interface_language(
    model: RowModel[Item], interface: str
) -> None:
    previous = QLocale()
    QLocale.setDefault(QLocale(interface))
    try:
        proxy = ChineseSortProxy()
        proxy.setSourceModel(model)
        proxy.sort(0, Qt.SortOrder.AscendingOrder)
        assert column(proxy) == ["北京", "成都", "广州 Guangzhou", "南京", "上海"]
        proxy.sort(0, Qt.SortOrder.DescendingOrder)
        assert column(proxy) == ["上海", "南京", "广州 Guangzhou", "成都", "北京"]
    finally:
        QLocale.setDefault(previous)


def test_numbers_dates_and_empty_values_sort_by_value(proxy: ChineseSortProxy) -> None:
    proxy.sort(4, Qt.SortOrder.AscendingOrder)
    assert column(proxy, 4) == ["0", "2", "9", "10", "100"]  # not "10" < "9"
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    assert column(proxy, 1) == ["", "2025-12-31", "2026-01-01", "2026-03-01", "2027-01-01"]


def test_latin_text_sorts_naturally_and_case_insensitively() -> None:
    rows: RowModel[Item] = RowModel(COLUMNS)
    rows.set_rows([Item(n, None, False, (), 0) for n in ["host10", "Host9", "apple", "Beta"]])
    proxy = ChineseSortProxy()
    proxy.setSourceModel(rows)
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    assert column(proxy) == ["apple", "Beta", "Host9", "host10"]


def test_filter_matches_a_substring_in_any_column(proxy: ChineseSortProxy) -> None:
    proxy.setFilterFixedString("京")
    assert sorted(column(proxy)) == sorted(["北京", "南京"])
    proxy.setFilterFixedString("APP")  # case-insensitive, in the tags column
    assert sorted(column(proxy)) == sorted(["上海", "南京"])
    proxy.setFilterFixedString("guangzhou")
    assert column(proxy) == ["广州 Guangzhou"]
    proxy.setFilterFixedString("")
    assert proxy.rowCount() == 5
