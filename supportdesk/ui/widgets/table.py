"""The pages' read-only tables: whole rows, one selected at a time."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from supportdesk.ui.models.row_model import ChineseSortProxy


def row_table(
    model: QAbstractItemModel,
    parent: QWidget,
    proxy: QSortFilterProxyModel | None = None,
    *,
    sortable: bool = False,
) -> QTableView:
    """A table of `model` (through `proxy`, when given). A sortable one sorts on a header
    click, Chinese by pinyin (a ChineseSortProxy unless `proxy` is given); otherwise the rows
    keep the service's order."""
    view = QTableView(parent)
    if sortable and proxy is None:
        proxy = ChineseSortProxy(view)
    if proxy is not None:
        proxy.setSourceModel(model)
    view.setModel(proxy if proxy is not None else model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    # Header and one row at least: a small window keeps every part of the page in view.
    view.setMinimumHeight(
        view.horizontalHeader().sizeHint().height() + view.verticalHeader().defaultSectionSize() + 4
    )
    if sortable:
        view.setSortingEnabled(True)
    elif proxy is not None:
        proxy.sort(-1)
    return view
