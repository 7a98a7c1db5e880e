"""The hosts table model: rows before the search index, filters typed meanwhile, narrowing."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from supportdesk.domain.registry import HostRow
from supportdesk.ui.models.host_model import HostModel
from supportdesk.ui.models.row_model import Column

NAMES = {1: "华东电力", 2: "北京水务", 3: "华北电力", 4: "电信机房"}


def _row(key: int) -> HostRow:
    return HostRow(
        key,
        1,
        "调度平台",
        NAMES[key],
        f"h{key}",
        f"10.0.0.{key}",
        22,
        "root",
        None,
        None,
        None,
        (),
        1,
    )


def _model(fetched: list[list[int]]) -> HostModel:
    def fetch(ids: list[int]) -> list[HostRow]:
        fetched.append(ids)
        return [_row(i) for i in ids]

    return HostModel([Column("Customer", lambda h: h.customer)], fetch)


INDEX = [(key, f"h{key}\x1f{name}".lower()) for key, name in NAMES.items()]


def _shown(model: HostModel) -> list[str]:
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_rows_show_before_the_index_and_a_filter_waits_for_it(qtbot: QtBot) -> None:
    fetched: list[list[int]] = []
    model = _model(fetched)
    model.set_ids([1, 2, 3, 4])
    assert _shown(model) == ["华东电力", "北京水务", "华北电力", "电信机房"]
    model.filter("电力")
    assert model.rowCount() == 4  # no index yet: nothing hidden on a guess
    with qtbot.waitSignal(model.modelReset):
        model.set_index(INDEX)
    assert _shown(model) == ["华东电力", "华北电力"]


def test_an_index_of_the_rows_shown_refreshes_them_without_a_reset(qtbot: QtBot) -> None:
    fetched: list[list[int]] = []
    model = _model(fetched)
    model.set_ids([1, 2, 3, 4])
    assert _shown(model)[0] == "华东电力"
    NAMES[1] = "华东电网"  # edited meanwhile
    try:
        with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged):
            model.set_index(INDEX)
        assert _shown(model)[0] == "华东电网"  # fetched again: a host may have been edited
    finally:
        NAMES[1] = "华东电力"
    assert fetched == [[1, 2, 3, 4], [1, 2, 3, 4]]


def test_typing_narrows_and_deleting_widens_again() -> None:
    model = _model([])
    model.set_index(INDEX)
    model.filter("电")
    assert _shown(model) == ["华东电力", "华北电力", "电信机房"]
    model.filter("电力")
    assert _shown(model) == ["华东电力", "华北电力"]
    model.filter("华北电力")
    assert _shown(model) == ["华北电力"]
    model.filter("电")
    assert _shown(model) == ["华东电力", "华北电力", "电信机房"]
    model.filter("H2")  # case-insensitive
    assert _shown(model) == ["北京水务"]
    model.filter("  ")
    assert model.rowCount() == 4


def test_a_new_index_drops_stale_rows_and_refilters() -> None:
    fetched: list[list[int]] = []
    model = _model(fetched)
    model.set_index(INDEX)
    model.filter("电力")
    assert _shown(model) == ["华东电力", "华北电力"]
    model.set_index(INDEX[:2])  # host 3 was deleted
    assert _shown(model) == ["华东电力"]
    assert len(fetched) == 2  # fetched again: the cached rows may have changed
