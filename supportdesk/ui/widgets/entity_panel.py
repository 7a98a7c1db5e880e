"""A titled table with search and Add / Edit / Delete, over one kind of registry row."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from supportdesk.ui.models.row_model import ROW_ROLE, ChineseSortProxy, Column, RowModel


class EntityPanel(QWidget):
    """Reads the selected DTO through ROW_ROLE; the page supplies loading and editing."""

    selection_changed = Signal(object)  # the selected DTO or None
    add_requested = Signal()
    edit_requested = Signal(object)
    delete_requested = Signal(object)

    def __init__(
        self,
        title: str,
        columns: Sequence[Column[Any]],
        parent: QWidget | None = None,
        searchable: bool = True,
    ) -> None:
        super().__init__(parent)
        self.model: RowModel[Any] = RowModel(columns, self)
        self.proxy = ChineseSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        self.view.selectionModel().selectionChanged.connect(self._on_selection_changed)

        self.title = QLabel(f"<b>{title}</b>", self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.search.setVisible(searchable)
        self.add_button = QPushButton(self.tr("Add…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        self.add_button.clicked.connect(self.add_requested.emit)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        bar = QHBoxLayout()
        bar.addWidget(self.title)
        bar.addStretch(1)
        bar.addWidget(self.search, 2)
        for button in (self.add_button, self.edit_button, self.delete_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        self._update_buttons()

    def set_rows(self, rows: Sequence[Any], keep: Callable[[Any], object] | None = None) -> None:
        """Replace the rows, keeping the selection on the row with the same key if any."""
        previous = self.selected()
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        if previous is not None and keep is not None:
            wanted = keep(previous)
            for row in range(self.proxy.rowCount()):
                if keep(self.proxy.index(row, 0).data(ROW_ROLE)) == wanted:
                    self.view.selectRow(row)
                    break
        self._update_buttons()
        self.selection_changed.emit(self.selected())

    def reveal(self, key: Callable[[Any], object], wanted: object) -> bool:
        """Select and scroll to the row whose key is `wanted` (clearing the search, which
        may hide it); False when there is no such row."""
        self.search.clear()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if key(index.data(ROW_ROLE)) == wanted:
                self.view.selectRow(row)
                self.view.scrollTo(index)
                return True
        return False

    def selected(self) -> Any:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def _on_selection_changed(self, *_args: object) -> None:
        self._update_buttons()
        self.selection_changed.emit(self.selected())

    def _on_view_double_clicked(self, index: QModelIndex) -> None:
        self.edit_requested.emit(index.data(ROW_ROLE))

    def _on_edit_button_clicked(self) -> None:
        if (row := self.selected()) is not None:
            self.edit_requested.emit(row)

    def _on_delete_button_clicked(self) -> None:
        if (row := self.selected()) is not None:
            self.delete_requested.emit(row)
