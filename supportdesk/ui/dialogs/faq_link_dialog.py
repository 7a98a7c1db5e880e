"""Link a service manual entry to a record (issue 9, R2.2): the manual searched as you type,
off the GUI thread; the chosen entry is linked in one write."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from supportdesk.domain.errors import SupportDeskError
from supportdesk.domain.faq import FaqRow, LinkRow, terms
from supportdesk.services import faq
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.faq_dialogs import state_label
from supportdesk.ui.messages import describe
from supportdesk.ui.models.row_model import ROW_ROLE, Column, RowModel
from supportdesk.ui.widgets.status_line import ERROR_STYLE

LIMIT = 50  # results shown; more words narrow them down
DEBOUNCE_MS = 250  # typing pauses this long before the manual is searched


@dataclass(frozen=True, slots=True)
class Found:
    query: str
    rows: list[FaqRow]
    total: int  # how many entries match (more than shown when over LIMIT)


def find_entries(session: Any, query: str) -> Found:
    """The newest entries when nothing is typed, else the search's ranked hits."""
    if not terms(query):
        rows = faq.entries(session, limit=LIMIT)
        return Found(query, rows, len(rows))
    result = faq.search(session, query, limit=LIMIT)
    return Found(query, [hit.row for hit in result.hits], result.total)


def _link(session: Any, entry_id: int, kind: str, record_id: int) -> LinkRow:
    return faq.link(session, entry_id, kind, record_id)


class FaqLinkDialog(QDialog):
    """Pick an entry of the service manual for a record (`kind` "handover": a project id)."""

    linked = Signal(int)  # the entry's id, once the link is stored

    def __init__(
        self,
        ctx: UiContext,
        kind: str,
        record_id: int,
        already: Collection[int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._kind, self._record_id = kind, record_id
        self._already = set(already)
        self._writing = False
        self.setWindowTitle(self.tr("Link a service manual entry"))
        self.setMinimumSize(640, 420)
        intro = QLabel(
            self.tr(
                "Search the service manual by words of the question, the tags or the answer, "
                "then pick the entry to link."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(self.tr("e.g. ORA-01555, 备份失败"))
        self.query.setClearButtonEnabled(True)
        self.query.textChanged.connect(self._on_query_text_changed)
        self.model: RowModel[FaqRow] = RowModel(
            [
                Column(self.tr("Question"), lambda r: r.question),
                Column(self.tr("State"), lambda r: state_label(r.state)),
                Column(self.tr("System"), lambda r: r.system),
                Column(self.tr("Category"), lambda r: r.category),
                Column(self.tr("Linked"), lambda r: r.id in self._already),
            ],
            self,
        )
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self.update_controls())
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        self.summary = QLabel(self)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.link_button = self.buttons.addButton(
            self.tr("Link"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.link_button.setDefault(True)
        self.buttons.accepted.connect(self.link)
        self.buttons.rejected.connect(self.reject)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.query)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.update_controls()
        self.search()

    @property
    def cancel_button(self) -> QPushButton:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert button is not None
        return button

    def _on_query_text_changed(self, _text: str) -> None:
        self._timer.start()  # restarts: one search once typing pauses

    def search(self) -> None:
        self._timer.stop()
        self._ctx.tasks.read(
            find_entries, self.query.text(), on_done=self._on_found,
            on_error=self._on_failed, latest=(id(self), "search"),
        )  # fmt: skip

    def _on_found(self, found: Found) -> None:
        if found.query != self.query.text():
            return  # typed on meanwhile: the next search is on its way
        previous = self.selected()
        self.model.set_rows(found.rows)
        # The entry picked before stays picked while it is found; else the best hit is.
        keep = [i for i, item in enumerate(found.rows) if previous and item.id == previous.id]
        if keep or found.rows:
            self.view.selectRow(keep[0] if keep else 0)
        if not terms(found.query):
            text = self.tr("The most recently changed entries. Type to search.")
        elif not found.rows:
            text = self.tr("No entry holds every word typed.")
        elif found.total > len(found.rows):
            text = self.tr(
                "Entries found: {total}, the first {shown} shown. Add words to narrow them."
            ).format(shown=len(found.rows), total=found.total)
        else:
            text = self.tr("Entries found: {total}.").format(total=found.total)
        self.summary.setText(text)
        self.error.hide()
        self.update_controls()

    def selected(self) -> FaqRow | None:
        rows = self.view.selectionModel().selectedRows()
        found = rows[0].data(ROW_ROLE) if rows else None
        return found if isinstance(found, FaqRow) else None

    def why_not_link(self) -> str | None:
        row = self.selected()
        if row is None:
            return self.tr("Select an entry first.")
        if row.id in self._already:
            return self.tr("This entry is linked already.")
        if self._writing:
            return self.tr("Linking…")
        return None

    def update_controls(self) -> None:
        why = self.why_not_link()
        self.link_button.setEnabled(why is None)
        self.link_button.setToolTip(why or self.tr("Link the selected entry."))

    def _on_view_double_clicked(self, _index: QModelIndex) -> None:
        self.link()

    def link(self) -> None:
        row = self.selected()
        if row is None or self.why_not_link() is not None:
            return
        self._writing = True
        self.update_controls()
        self._ctx.tasks.write(
            _link, row.id, self._kind, self._record_id,
            on_done=lambda _link_row: self._on_linked(row.id), on_error=self._on_failed,
        )  # fmt: skip

    def _on_linked(self, entry_id: int) -> None:
        self._writing = False
        self.linked.emit(entry_id)
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self._writing = False
        self.update_controls()
        if not isinstance(error, SupportDeskError):
            self._ctx.tasks.error_raised.emit(error)  # a bug: the error dialog and the log
            return
        self.error.setText(describe(error))
        self.error.show()

    def reject(self) -> None:
        self._timer.stop()
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # Enter in the search field searches at once rather than linking whatever is selected.
        if self.query.hasFocus() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.search()
            return
        super().keyPressEvent(event)
