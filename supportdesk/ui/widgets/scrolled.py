"""A group box whose contents scroll: the facts panes beside the pages' tables."""

from __future__ import annotations

from PySide6.QtWidgets import QLayout, QScrollArea, QVBoxLayout, QWidget


def fill_scrolled(box: QWidget, *parts: QWidget | QLayout) -> None:
    """Put `parts` (top to bottom, then a stretch) into `box` inside a frameless scroll
    area, so a small window scrolls the facts instead of squeezing them."""
    inner = QWidget(box)
    inner_layout = QVBoxLayout(inner)
    inner_layout.setContentsMargins(0, 0, 0, 0)
    for part in parts:
        if isinstance(part, QLayout):
            inner_layout.addLayout(part)
        else:
            inner_layout.addWidget(part)
    inner_layout.addStretch(1)
    scroll = QScrollArea(box)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.viewport().setAutoFillBackground(False)  # the group box's own background
    scroll.setWidget(inner)
    inner.setAutoFillBackground(False)  # setWidget turned it on
    layout = QVBoxLayout(box)
    layout.setContentsMargins(4, 4, 4, 4)
    layout.addWidget(scroll)
