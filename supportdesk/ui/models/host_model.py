"""The hosts table: an id list with rows fetched a page at a time (Anki's browser model)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from supportdesk.domain.registry import HostRow
from supportdesk.ui.models.row_model import ROW_ROLE, Column, Index, display

PAGE = 200


class HostModel(QAbstractTableModel):
    def __init__(
        self,
        columns: Sequence[Column[HostRow]],
        fetch: Callable[[list[int]], list[HostRow]],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._fetch = fetch
        self._ids: list[int] = []  # the rows shown, filtered
        self._all: list[int] = []  # every host, in order
        self._cache: dict[int, HostRow] = {}
        self._index: list[tuple[int, str]] | None = None
        self._needle = ""
        # The hosts that matched the last needle: typing on narrows these, not all 100,000.
        self._hits: tuple[str, list[tuple[int, str]]] = ("", [])

    def set_ids(self, ids: list[int]) -> None:
        """Every host id, before the search index: the table pages rows in at once, and a
        filter typed meanwhile applies when set_index brings the index."""
        self._all = ids
        self._index = None
        self._hits = ("", [])
        self._cache.clear()
        self._show(ids if not self._needle else self._ids)

    def set_index(self, index: list[tuple[int, str]]) -> None:
        """A fresh search index after a change: drop cached rows, they may be stale (even when
        the ids are the same: a host was edited)."""
        self._cache.clear()
        self._all = [i for i, _ in index]
        self._index = index
        self._hits = ("", [])
        if self._needle or self._all != self._ids:
            self._apply()
        elif self._ids:  # the same rows: repaint them from fresh data, keep selection and scroll
            last = self.index(len(self._ids) - 1, len(self._columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def filter(self, text: str) -> None:
        self._needle = text.strip().lower()
        self._apply()

    def _apply(self) -> None:
        needle = self._needle
        if not needle:
            self._hits = ("", [])
            self._show(self._all)
            return
        if self._index is None:
            return  # set_index filters when the index arrives
        previous, hits = self._hits
        pool = hits if previous and previous in needle else self._index
        found = [entry for entry in pool if needle in entry[1]]
        self._hits = (needle, found)
        self._show([i for i, _ in found])

    def _show(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = ids
        self.endResetModel()

    def host_at(self, row: int) -> HostRow | None:
        if not 0 <= row < len(self._ids):
            return None
        key = self._ids[row]
        if key not in self._cache:
            start = row - row % PAGE
            page = [i for i in self._ids[start : start + PAGE] if i not in self._cache]
            for host in self._fetch(page):
                self._cache[host.id] = host
        return self._cache.get(key)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, ROW_ROLE):
            return None
        host = self.host_at(index.row())
        if host is None:
            return None
        if role == ROW_ROLE:
            return host
        return display(self._columns[index.column()].value(host))

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        return None
