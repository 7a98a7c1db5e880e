"""The service manual (issue 9, R2.2): entries searched as you type (Chinese words of two
characters too), narrowed by customer, system, tag and state, the matched words highlighted;
the selected entry in full with its screenshots, attachments and where it is linked from; and
the actions that write, review, publish, return, restore and delete entries, each disabled
with the reason why."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    Qt,
    QTimer,
    QUrl,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QDesktopServices,
    QFont,
    QImage,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from supportdesk.domain.errors import SupportDeskError
from supportdesk.domain.faq import (
    TEXT_FIELDS,
    AttachmentRow,
    FaqDetail,
    FaqRow,
    FaqState,
    LinkRow,
    SearchFilter,
    SearchHit,
    images,
    terms,
)
from supportdesk.domain.roles import Permission
from supportdesk.services import faq, registry, users
from supportdesk.services.files import write_beside
from supportdesk.ui.context import UiContext
from supportdesk.ui.dialogs.faq_dialogs import (
    FaqEditDialog,
    Lookups,
    ReturnDialog,
    RevisionsDialog,
    add_images,
    link_kind_label,
    local_time,
    scaled,
    section_title,
    state_label,
)
from supportdesk.ui.dialogs.faq_upload_dialog import open_uploads
from supportdesk.ui.dialogs.handover_package_dialog import WriteDialog, size_text
from supportdesk.ui.models.row_model import ROW_ROLE, Column, Index, RowModel
from supportdesk.ui.widgets.confirm import confirm
from supportdesk.ui.widgets.save_chooser import save_chooser
from supportdesk.ui.widgets.scrolled import fill_scrolled
from supportdesk.ui.widgets.status_line import fail, say
from supportdesk.ui.widgets.table import row_table

DEBOUNCE_MS = 200  # a pause in the typing, not every key, starts a search
LIST_LIMIT = 500  # entries listed before anything is searched (newest first)
SEARCH_LIMIT = 100  # hits per page of a search; "Show more" asks for the next page too
HIGHLIGHT_STYLE = "background-color:#ffe082; color:#000000;"  # readable when selected too
QUESTION, STATE, CATEGORY, WHERE, TAGS, UPDATED = range(6)


# -- loading (on pool threads) ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Listing:
    query: str
    total: int
    hits: list[SearchHit]
    searched: bool  # False: the newest entries, nothing searched


@dataclass(frozen=True, slots=True)
class Shown:
    detail: FaqDetail
    pictures: dict[str, QImage]  # sha256 -> the screenshot, scaled to fit the preview


def load_lookups(session: Any) -> Lookups:
    return Lookups(
        user=users.current_user(session),
        people=users.list_users(session),
        customers=registry.list_customers(session),
        projects=registry.list_projects(session),
        systems=registry.list_systems(session),
        tags=faq.tags(session),
    )


def load_results(
    session: Any, query: str, filt: SearchFilter, limit: int = SEARCH_LIMIT
) -> Listing:
    if not terms(query):
        rows = faq.entries(session, filt, limit=LIST_LIMIT)
        return Listing(query, len(rows), [SearchHit(r, False, "", (), ()) for r in rows], False)
    found = faq.search(session, query, filt, limit=limit, snippets=False)
    return Listing(query, found.total, list(found.hits), True)


def load_pictures(session: Any, markdown: Sequence[str]) -> dict[str, QImage]:
    pictures: dict[str, QImage] = {}
    for sha256 in dict.fromkeys(sha for text in markdown for sha in images(text)):
        try:
            image = QImage.fromData(faq.attachment_data(session, sha256))
        except SupportDeskError:
            continue  # missing or damaged: the preview shows the caption's place empty
        if not image.isNull():
            pictures[sha256] = scaled(image)
    return pictures


def load_detail(session: Any, entry_id: int) -> Shown:
    detail = faq.entry(session, entry_id)
    texts = [getattr(detail.form, name) for name in TEXT_FIELDS]
    return Shown(detail, load_pictures(session, texts))


def _save_attachment(session: Any, sha256: str, path: Path) -> Path:
    # checked against its SHA-256
    return write_beside(path, faq.attachment_data(session, sha256))


def _submit(session: Any, entry_id: int, version: int) -> FaqDetail:
    return faq.submit(session, entry_id, version)


def _publish(session: Any, entry_id: int, version: int) -> FaqDetail:
    return faq.publish(session, entry_id, version)


def _delete(session: Any, entry_id: int, version: int) -> int:
    faq.delete_entry(session, entry_id, version)
    return entry_id


# -- words ----------------------------------------------------------------------------------


def question_html(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The question as rich text, the matched [start, end) ranges bold on yellow; everything
    the user wrote is escaped."""
    out: list[str] = []
    at = 0
    for first, last in sorted(spans):
        start, end = max(first, at), min(last, len(text))
        if start >= end:
            continue
        out.append(html.escape(text[at:start]))
        out.append(f'<b><span style="{HIGHLIGHT_STYLE}">{html.escape(text[start:end])}</span></b>')
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


def where_text(row: FaqRow) -> str:
    parts = [p for p in (row.customer, row.system or row.project) if p]
    return " · ".join(parts)


def entry_markdown(detail: FaqDetail) -> str:
    """The preview: each rich-text field under its heading, empty ones left out."""
    parts = []
    for name in TEXT_FIELDS:
        text = str(getattr(detail.form, name)).strip()
        if text:
            parts.append(f"### {section_title(name)}\n\n{text}")
    return "\n\n".join(parts)


# -- the results table ------------------------------------------------------------------------


def _open_web_link(url: QUrl) -> None:
    if url.scheme() in ("http", "https"):
        QDesktopServices.openUrl(url)


class FaqModel(RowModel[SearchHit]):
    """Search hits (or the newest entries as hits without matches); the hit itself under
    ROW_ROLE, the whole question in the tooltip (the page asks for no snippets: its long list
    reads no entry texts)."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            hit = super().data(index, ROW_ROLE)
            if not isinstance(hit, SearchHit):
                return None
            if index.column() == QUESTION:
                return hit.row.question
            return super().data(index, Qt.ItemDataRole.DisplayRole) or None
        return super().data(index, role)


class HighlightDelegate(QStyledItemDelegate):
    """Paints the question as rich text with the matched words highlighted."""

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument | None:
        hit = index.data(ROW_ROLE)
        if not isinstance(hit, SearchHit):
            return None
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(option.font)
        document.setHtml(question_html(hit.row.question, hit.question_spans))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        document = self._document(option, index)
        if document is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        context = QAbstractTextDocumentLayout.PaintContext()
        palette: QPalette = opt.palette
        context.palette.setColor(
            QPalette.ColorRole.Text,
            palette.color(
                QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            ),
        )
        painter.save()
        top = rect.top() + max(0.0, (rect.height() - document.size().height()) / 2)
        painter.translate(QPointF(rect.left() + 2, top))
        context.clip = QRectF(0, 0, rect.width() - 2, rect.height())
        painter.setClipRect(context.clip)
        document.documentLayout().draw(painter, context)
        painter.restore()


def _selected(view: QTableView) -> Any:
    rows = view.selectionModel().selectedRows()
    return rows[0].data(ROW_ROLE) if rows else None


# -- the page -------------------------------------------------------------------------------


class FaqPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.lookups = Lookups()
        self.listing = Listing("", 0, [], False)
        self.shown: Shown | None = None
        self._detail_of: int | None = None
        self._reveal: int | None = None
        self.dialog: WriteDialog | None = None  # the dialog open (for the tests)
        self.chooser: QFileDialog | None = None
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.refresh_results)
        self._build_filters()
        self._build_actions()
        self._build_table()
        self._build_detail()
        self.status = QLabel(self)
        self.limit = SEARCH_LIMIT  # grows with "Show more", back to one page on a new search
        self.more_button = QPushButton(self.tr("Show more"), self)
        self.more_button.setToolTip(
            self.tr("List the next {count} results too.").format(count=SEARCH_LIMIT)
        )
        self.more_button.clicked.connect(self.show_more)
        self.more_button.hide()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.hide()
        self._build_layout()
        ctx.events.registry_changed.connect(self._on_registry_changed)
        self._show_detail(None)
        self._update_buttons()
        self.refresh()

    # -- building ---------------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            self.tr("Search questions, symptoms, causes, solutions, tags… (e.g. 备份 失败)")
        )
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.customer = self._combo(self.tr("All customers"), 8)
        self.system = self._combo(self.tr("All systems"), 8)
        self.tag = self._combo(self.tr("All tags"), 5)
        self.state = self._combo(self.tr("Any state"), 5)
        for state in FaqState:
            self.state.addItem(state_label(state), state)
        self.customer.currentIndexChanged.connect(self._on_customer_changed)
        for combo in (self.system, self.tag, self.state):
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.count = QLabel(self)

    def _combo(self, everything: str, width: int) -> QComboBox:
        combo = QComboBox(self)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(width)
        combo.addItem(everything, None)
        return combo

    def _build_actions(self) -> None:
        self.new_button = QPushButton(self.tr("New entry…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.submit_button = QPushButton(self.tr("Submit for review"), self)
        self.publish_button = QPushButton(self.tr("Publish"), self)
        self.return_button = QPushButton(self.tr("Return…"), self)
        self.revisions_button = QPushButton(self.tr("Revisions…"), self)
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        # R2.2: the month-end uploads to the document system, and exports by hand.
        self.uploads_button = QPushButton(self.tr("Uploads…"), self)
        self.uploads_button.setToolTip(
            self.tr("The manual's month-end uploads to the document system; export a month.")
        )
        self.uploads_button.clicked.connect(self.show_uploads)
        self.uploads_button.setMinimumWidth(
            self.uploads_button.fontMetrics().horizontalAdvance(self.uploads_button.text()) + 16
        )
        self.new_button.clicked.connect(self.new_entry)
        self.edit_button.clicked.connect(self.edit_entry)
        self.submit_button.clicked.connect(self.submit_entry)
        self.publish_button.clicked.connect(self.publish_entry)
        self.return_button.clicked.connect(self.return_entry)
        self.revisions_button.clicked.connect(self.show_revisions)
        self.delete_button.clicked.connect(self.delete_entry)

    def _build_table(self) -> None:
        self.model = FaqModel(
            [
                Column(self.tr("Question"), lambda h: h.row.question),
                Column(self.tr("State"), lambda h: state_label(h.row.state)),
                Column(self.tr("Category"), lambda h: h.row.category),
                Column(self.tr("Customer / system"), lambda h: where_text(h.row)),
                Column(self.tr("Tags"), lambda h: ", ".join(h.row.tags)),
                Column(
                    self.tr("Updated"),
                    lambda h: self.tr("{by}, {at}").format(
                        by=self.lookups.name(h.row.updated_by), at=local_time(h.row.updated_at)
                    ),
                ),
            ],
            self,
        )
        self.view = row_table(self.model, self)
        self.delegate = HighlightDelegate(self.view)
        self.view.setItemDelegateForColumn(QUESTION, self.delegate)
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QUESTION, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(self._on_view_selection_changed)
        self.view.doubleClicked.connect(self._on_view_double_clicked)

    def _label(self, parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return label

    def _build_detail(self) -> None:
        self.heading = self._label(self)
        bold = QFont(self.heading.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.heading.setFont(bold)
        self.preview = QTextBrowser(self)
        # Colleagues' text may link anywhere: only web pages open (no file:// or programs).
        self.preview.setOpenLinks(False)
        self.preview.anchorClicked.connect(_open_web_link)
        self._build_facts()
        self._build_more()

    def _build_facts(self) -> None:
        self.facts_box = QGroupBox(self.tr("About the entry"), self)
        self.facts: dict[str, QLabel] = {}
        self._fact_form = QFormLayout()
        self._fact_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, caption in (
            ("state", self.tr("State")),
            ("comment", self.tr("Returned because")),
            ("applies", self.tr("Applies to")),
            ("version", self.tr("Revision")),
            ("category", self.tr("Category")),
            ("tags", self.tr("Tags")),
            ("author", self.tr("Author")),
            ("reviewer", self.tr("Reviewed by")),
            ("updated", self.tr("Updated")),
        ):
            value = self._label(self.facts_box)
            self._fact_form.addRow(caption, value)
            self.facts[key] = value
        self.facts["comment"].setStyleSheet("color: #c62828;")
        fill_scrolled(self.facts_box, self._fact_form)

    def _build_more(self) -> None:
        """The entry's attachments and where it is linked from, on tabs of their own."""
        self.attachments_model: RowModel[AttachmentRow] = RowModel(
            [
                Column(self.tr("Attachment"), lambda a: a.name),
                Column(self.tr("Size"), lambda a: size_text(a.size)),
            ],
            self,
        )
        self.attachments_view = row_table(self.attachments_model, self)
        header = self.attachments_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.attachments_view.selectionModel().selectionChanged.connect(
            self._on_attachments_selection_changed
        )
        self.save_as_button = QPushButton(self.tr("Save as…"), self)
        self.save_as_button.clicked.connect(self.save_attachment)
        self.attachments_box = QWidget(self)
        layout = QVBoxLayout(self.attachments_box)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.attachments_view, 1)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.save_as_button)
        layout.addLayout(bar)
        self.links_model: RowModel[LinkRow] = RowModel(
            [
                Column(self.tr("Kind"), lambda k: link_kind_label(k.kind)),
                Column(self.tr("Record"), lambda k: k.label),
                Column(self.tr("Linked by"), lambda k: self.lookups.name(k.linked_by)),
            ],
            self,
        )
        self.links_view = row_table(self.links_model, self)
        header = self.links_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.more = QTabWidget(self)
        self.more.addTab(self.attachments_box, self.tr("Attachments"))
        self.more.addTab(self.links_view, self.tr("Linked from"))

    def _build_layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.search, 4)
        filters.addWidget(self.customer, 2)
        filters.addWidget(self.system, 2)
        filters.addWidget(self.tag, 1)
        filters.addWidget(self.state, 1)
        filters.addWidget(self.count)
        filters.addWidget(self.uploads_button)
        actions = QHBoxLayout()
        for button in (
            self.new_button,
            self.edit_button,
            self.submit_button,
            self.publish_button,
            self.return_button,
            self.revisions_button,
            self.delete_button,
        ):
            # As wide as its words, not the style's 80 px at least: the page fits a small window.
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance(button.text()) + 16)
            actions.addWidget(button)
        actions.addStretch(1)
        reading = QWidget(self)
        reading_layout = QVBoxLayout(reading)
        reading_layout.setContentsMargins(0, 0, 0, 0)
        reading_layout.addWidget(self.heading)
        reading_layout.addWidget(self.preview, 1)
        side = QSplitter(Qt.Orientation.Vertical, self)
        side.addWidget(self.facts_box)
        side.addWidget(self.more)
        side.setStretchFactor(0, 3)
        side.setStretchFactor(1, 2)
        side.setSizes([270, 150])
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(reading)
        lower.addWidget(side)
        lower.setStretchFactor(0, 3)
        lower.setStretchFactor(1, 2)
        lower.setSizes([640, 400])
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.view)
        split.addWidget(lower)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([260, 420])
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(split, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.more_button)
        layout.addLayout(bottom)

    # -- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        self._ctx.tasks.read(
            load_lookups, on_done=self._on_lookups_loaded, on_error=self._on_load_failed,
            latest=(id(self), "lookups"),
        )  # fmt: skip
        self.refresh_results()

    def filter(self) -> SearchFilter:
        return SearchFilter(
            customer_id=self.customer.currentData(),
            system_id=self.system.currentData(),
            tag=self.tag.currentData() or "",
            state=FaqState(state) if (state := self.state.currentData()) else None,
        )

    def refresh_results(self) -> None:
        """The list for the query and filters as they are now. Reads run side by side; only
        the newest delivers, so a slow older search never replaces a newer one's results."""
        self.debounce.stop()
        self._ctx.tasks.read(
            load_results, self.search.text(), self.filter(), self.limit,
            on_done=self._on_results_loaded, on_error=self._on_load_failed,
            latest=(id(self), "results"),
        )  # fmt: skip

    def show_more(self) -> None:
        self.limit += SEARCH_LIMIT
        self.refresh_results()

    def _load_detail(self, entry_id: int) -> None:
        self._ctx.tasks.read(
            load_detail, entry_id, on_done=self._on_detail_loaded,
            on_error=self._on_load_failed, latest=(id(self), "detail"),
        )  # fmt: skip

    def _on_search_text_changed(self, _text: str) -> None:
        self.limit = SEARCH_LIMIT
        self.debounce.start()  # restarts: typing on postpones the search

    def _on_filter_changed(self, _index: int) -> None:
        self.limit = SEARCH_LIMIT
        self.refresh_results()

    def _on_customer_changed(self, _index: int) -> None:
        self._offer_systems()
        self.refresh_results()

    def _on_registry_changed(self, _entity: str) -> None:
        self.refresh()

    def _on_load_failed(self, error: BaseException) -> None:
        if not isinstance(error, SupportDeskError):
            self._ctx.tasks.error_raised.emit(error)
            return
        self.fail(error)

    def _refill(self, combo: QComboBox, items: Sequence[tuple[str, object]]) -> bool:
        """Offer these items (after the "all" one), keeping the choice; True when the chosen
        one is gone."""
        chosen = combo.currentData()
        offered = [(combo.itemText(i), combo.itemData(i)) for i in range(1, combo.count())]
        if offered == list(items):
            return False
        combo.blockSignals(True)
        try:
            everything = combo.itemText(0)
            combo.clear()
            combo.addItem(everything, None)
            for label, key in items:
                combo.addItem(label, key)
            found = combo.findData(chosen)
            combo.setCurrentIndex(max(found, 0))
        finally:
            combo.blockSignals(False)
        return chosen is not None and found < 0

    def _offer_systems(self) -> bool:
        customer = self.customer.currentData()
        systems = [
            (s.name if customer is not None else f"{s.customer} · {s.name}", s.id)
            for s in self.lookups.systems
            if customer is None or self.lookups.customer_of_system(s.id) == customer
        ]
        return self._refill(self.system, systems)

    def _on_lookups_loaded(self, lookups: Lookups) -> None:
        self.lookups = lookups
        gone = self._refill(self.customer, [(c.name, c.id) for c in lookups.customers])
        gone = self._offer_systems() or gone
        gone = self._refill(self.tag, [(t, t) for t in lookups.tags]) or gone
        if gone:
            self.refresh_results()
        self.model.layoutChanged.emit()  # the people's names in the Updated column
        self._update_buttons()

    def _filtered(self) -> bool:
        return bool(terms(self.search.text())) or self.filter() != SearchFilter()

    def _on_results_loaded(self, listing: Listing) -> None:
        wanted = self._reveal
        previous = wanted if wanted is not None else self._selected_id()
        self._reveal = None
        if (
            wanted is not None
            and self._filtered()
            and all(h.row.id != wanted for h in listing.hits)
        ):
            self.reveal(wanted)  # the entry just saved is hidden by the search or a filter
            return
        self.listing = listing
        self.model.set_rows(listing.hits)
        self._fit()
        self._show_count()
        if previous is not None:
            self._select(previous)
        current = self.selected()
        if current is None:
            self._show_detail(None)
        elif wanted is not None or current.id == self._detail_of:
            self._load_detail(current.id)  # the same entry: it may have changed
        self._update_buttons()

    def _show_count(self) -> None:
        listing = self.listing
        # Not a %n plural: /work/i18n/fill.py writes plain text into numerus messages, which
        # breaks lupdate; "Results: N" reads right for one and many alike.
        text = self.tr("Results: {count}").format(count=listing.total)
        more = listing.searched and len(listing.hits) < listing.total
        if len(listing.hits) < listing.total:
            text = self.tr("{results}, the first {shown} shown").format(
                results=text, shown=len(listing.hits)
            )
        self.count.setText(text)
        self.more_button.setVisible(more)

    def _fit(self) -> None:
        """Every column but the question as wide as its contents (at most 240 px)."""
        header = self.view.horizontalHeader()
        for column in range(1, self.model.columnCount()):
            self.view.resizeColumnToContents(column)
            if header.sectionSize(column) > 240:
                header.resizeSection(column, 240)

    def _on_detail_loaded(self, shown: Shown) -> None:
        current = self.selected()
        if current is None or shown.detail.row.id != current.id:
            return  # the selection moved on meanwhile
        self._show_detail(shown)
        self._update_buttons()

    def reveal(self, entry_id: int) -> None:
        """Show this entry selected, clearing the search and filters that may hide it."""
        self._reveal = entry_id
        widgets = (self.search, self.customer, self.system, self.tag, self.state)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.search.clear()
            for combo in (self.customer, self.system, self.tag, self.state):
                combo.setCurrentIndex(0)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._offer_systems()
        self.refresh_results()

    # -- selection --------------------------------------------------------------------------

    def selected_hit(self) -> SearchHit | None:
        found = _selected(self.view)
        return found if isinstance(found, SearchHit) else None

    def selected(self) -> FaqRow | None:
        hit = self.selected_hit()
        return hit.row if hit is not None else None

    def _selected_id(self) -> int | None:
        row = self.selected()
        return row.id if row is not None else None

    def _select(self, entry_id: int) -> bool:
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            found = index.data(ROW_ROLE)
            if isinstance(found, SearchHit) and found.row.id == entry_id:
                self.view.selectRow(row)
                self.view.scrollTo(index)
                return True
        return False

    def _on_view_selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        row = self.selected()
        if row is None:
            self._show_detail(None)
        elif row.id != self._detail_of:
            self._show_detail(None)  # never another entry's text under this one
            self._detail_of = row.id
            self.heading.setText(row.question)
            self._load_detail(row.id)
        self._update_buttons()

    def _on_view_double_clicked(self, _index: QModelIndex | QPersistentModelIndex) -> None:
        self.edit_entry()

    def _on_attachments_selection_changed(self, *_args: object) -> None:
        self._update_buttons()

    def selected_attachment(self) -> AttachmentRow | None:
        found = _selected(self.attachments_view)
        return found if isinstance(found, AttachmentRow) else None

    def _show_detail(self, shown: Shown | None) -> None:
        self.shown = shown
        values: dict[str, str] = dict.fromkeys(self.facts, "")
        document = QTextDocument(self.preview)
        if shown is None:
            self._detail_of = None
            self.heading.setText(
                self.tr("Select an entry to read it.") if self.model.rowCount() else ""
            )
            document.setMarkdown("")
            self.attachments_model.set_rows([])
            self.links_model.set_rows([])
        else:
            detail, row = shown.detail, shown.detail.row
            self._detail_of = row.id
            self.heading.setText(row.question)
            document.setMarkdown(
                entry_markdown(detail),
                QTextDocument.MarkdownFeature.MarkdownDialectGitHub
                | QTextDocument.MarkdownFeature.MarkdownNoHTML,
            )
            add_images(document, shown.pictures)  # after: setMarkdown clears the resources
            published = (
                self.tr("{state} (revision {revision} is published)").format(
                    state=state_label(row.state), revision=row.published_revision
                )
                if row.published_revision is not None and row.state != FaqState.PUBLISHED
                else state_label(row.state)
            )
            where = " / ".join(p for p in (row.customer, row.project, row.system) if p)
            values.update(
                state=published,
                comment=detail.review_comment,
                applies=" · ".join(
                    p for p in (where or self.tr("all systems"), detail.form.applies_version) if p
                ),
                version=self.tr("revision {revision}").format(revision=detail.revision),
                category=row.category,
                tags=", ".join(row.tags),
                author=self.lookups.name(row.author),
                reviewer=self.lookups.name(row.reviewer) if row.reviewer else "",
                updated=self.tr("{by}, {at}").format(
                    by=self.lookups.name(row.updated_by), at=local_time(row.updated_at)
                ),
            )
            self.attachments_model.set_rows(list(detail.attachments))
            self.links_model.set_rows(list(detail.links))
            self.links_view.resizeColumnsToContents()
        self.preview.setDocument(document)
        for key, label in self.facts.items():
            label.setText(values[key])
        for key in ("comment", "reviewer"):  # only when there is one
            self._fact_form.setRowVisible(self.facts[key], bool(values[key]))
        files, links = self.attachments_model.rowCount(), self.links_model.rowCount()
        self.more.setTabText(
            0,
            self.tr("Attachments ({count})").format(count=files)
            if files
            else self.tr("Attachments"),
        )
        self.more.setTabText(
            1,
            self.tr("Linked from ({count})").format(count=links)
            if links
            else self.tr("Linked from"),
        )

    # -- permissions ------------------------------------------------------------------------

    def _why_not(self, need: str) -> str | None:
        """Why an action is off, or None. `need`: new, edit, submit, publish, delete, read."""
        if need in ("new", "edit", "submit", "delete") and not self.lookups.may(
            Permission.FAQ_EDIT
        ):
            return self.tr("Only engineers and the group leader write service manual entries.")
        if need == "publish" and not self.lookups.may(Permission.FAQ_PUBLISH):
            return self.tr("Only the group leader reviews, publishes and returns entries.")
        if need == "new":
            return None
        row = self.selected()
        if row is None:
            return self.tr("Select an entry first.")
        if need == "submit" and row.state != FaqState.DRAFT:
            return self.tr("Only a draft is submitted for review; this entry is {state}.").format(
                state=state_label(row.state)
            )
        if need == "publish" and row.state != FaqState.REVIEW:
            return self.tr("Only an entry in review is published or returned.")
        if need == "publish" and not self._showing(row):
            # The group leader publishes the text on the screen, not a newer one the list
            # has just brought: the buttons wait for that text.
            return self.tr("The entry is loading…")
        if need == "delete" and row.published_revision is not None:
            return self.tr(
                "This entry was published once: the manual's history keeps it. Edit it instead."
            )
        if need == "delete" and row.state == FaqState.REVIEW:
            return self.tr("The group leader is reviewing this entry: it cannot be deleted now.")
        me = self.lookups.user.login if self.lookups.user is not None else ""
        if need == "delete" and row.author != me and not self.lookups.may(Permission.FAQ_PUBLISH):
            return self.tr("Only its author or the group leader deletes an entry.")
        if need == "edit" and (self.shown is None or self.shown.detail.row.id != row.id):
            return self.tr("The entry is loading…")
        return None

    def _update_buttons(self) -> None:
        for button, why, tip in (
            (self.new_button, self._why_not("new"), self.tr("Write a new entry (a draft).")),
            (
                self.edit_button,
                self._why_not("edit"),
                self.tr("Change the entry; a published entry becomes a draft to review again."),
            ),
            (
                self.submit_button,
                self._why_not("submit"),
                self.tr("Ask the group leader to review the draft."),
            ),
            (
                self.publish_button,
                self._why_not("publish"),
                self.tr("Approve the entry: this revision goes into the manual."),
            ),
            (
                self.return_button,
                self._why_not("publish"),
                self.tr("Send the entry back to its author with a comment."),
            ),
            (
                self.revisions_button,
                self._why_not("read"),
                self.tr("Every saved revision, what changed, and restoring an earlier one."),
            ),
            (
                self.delete_button,
                self._why_not("delete"),
                self.tr("Delete a draft that was never published."),
            ),
            (
                self.save_as_button,
                None
                if self.selected_attachment() is not None
                else self.tr("Select an attachment first."),
                self.tr("Save a copy of the attachment (checked against its SHA-256)."),
            ),
        ):
            button.setEnabled(why is None)
            button.setToolTip(why or tip)

    def show_uploads(self) -> None:
        open_uploads(self._ctx, self)

    # -- status -----------------------------------------------------------------------------

    def say(self, text: str) -> None:
        say(self.status, text)

    def fail(self, error: BaseException) -> None:
        fail(self._ctx, self.status, error)

    def _clear_status(self) -> None:
        self.status.clear()
        self.status.setStyleSheet("")
        self.status.hide()

    # -- actions ----------------------------------------------------------------------------

    def _open(self, dialog: WriteDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_written)
        self.dialog = dialog  # for the tests, and so it is not collected while open
        dialog.open()

    def _on_written(self, result: object) -> None:
        """After every write: the list again (the entry selected) and its detail."""
        self._clear_status()
        if isinstance(result, FaqDetail):
            self._reveal = result.row.id
        self.refresh()

    def _on_write_failed(self, error: BaseException) -> None:
        self.fail(error)
        self.refresh_results()

    def new_entry(self) -> None:
        if self._why_not("new") is not None:
            return
        preferred = (self.customer.currentData(), self.system.currentData())
        self._open(FaqEditDialog(self._ctx, self.lookups, None, preferred=preferred, parent=self))

    def edit_entry(self) -> None:
        if self._why_not("edit") is not None or self.shown is None:
            return
        shown = self.shown
        self._open(
            FaqEditDialog(self._ctx, self.lookups, shown.detail, shown.pictures, parent=self)
        )

    def _showing(self, row: FaqRow) -> bool:
        """The preview shows this very version of the entry."""
        shown = self.shown.detail.row if self.shown is not None else None
        return shown is not None and (shown.id, shown.version) == (row.id, row.version)

    def _step(self, fn: Any, row: FaqRow) -> None:
        self._clear_status()
        self.submit_button.setEnabled(False)
        self.publish_button.setEnabled(False)
        self._ctx.tasks.write(
            fn, row.id, row.version, on_done=self._on_written, on_error=self._on_write_failed
        )

    def submit_entry(self) -> None:
        row = self.selected()
        if row is not None and self._why_not("submit") is None:
            self._step(_submit, row)

    def publish_entry(self) -> None:
        if self.shown is not None and self._why_not("publish") is None:
            self._step(_publish, self.shown.detail.row)  # the version on the screen

    def return_entry(self) -> None:
        if self.shown is not None and self._why_not("publish") is None:
            self._open(ReturnDialog(self._ctx, self.shown.detail.row, self))

    def show_revisions(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = RevisionsDialog(
            self._ctx, row, self.lookups.may(Permission.FAQ_EDIT), self.lookups.name, self
        )
        self._open(dialog)

    def delete_entry(self) -> None:
        row = self.selected()
        if row is None or self._why_not("delete") is not None:
            return
        text = self.tr(
            "Delete entry {id}, {question}? It was never published; its revisions and "
            "attachments go with it."
        ).format(id=row.id, question=row.question)
        if not confirm(self, self.tr("Delete entry"), text):
            return
        self.delete_button.setEnabled(False)
        self._ctx.tasks.write(
            _delete, row.id, row.version, on_done=self._on_deleted, on_error=self._on_write_failed
        )

    def _on_deleted(self, entry_id: int) -> None:
        self.say(self.tr("Entry {id} was deleted.").format(id=entry_id))
        self.refresh()

    def save_attachment(self) -> None:
        attachment = self.selected_attachment()
        if attachment is None:
            return
        self.chooser = save_chooser(
            self,
            self._ctx,
            self.tr("Save a copy of {name}").format(name=attachment.name),
            attachment.name,
            lambda path: self.save_attachment_to(attachment, path),
        )

    def save_attachment_to(self, attachment: AttachmentRow, path: Path) -> None:
        self.say(self.tr("Saving a copy of {name}…").format(name=attachment.name))
        self._ctx.tasks.read(
            _save_attachment, attachment.sha256, path, on_done=self._on_attachment_saved,
            on_error=self.fail,
        )  # fmt: skip

    def _on_attachment_saved(self, path: Path) -> None:
        self.say(self.tr("Saved a copy: {path}").format(path=path))
