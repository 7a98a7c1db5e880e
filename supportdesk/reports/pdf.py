"""HTML to an A4 PDF with the shipped font embedded (QtGui: QTextDocument + QPdfWriter,
offscreen), for every document SupportDesk writes: inspection reports, reminder letters."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF, QUrl
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)


def ensure_application() -> None:
    """QTextDocument and QPdfWriter want a QGuiApplication: the CLI has none yet."""
    if QGuiApplication.instance() is None:
        QGuiApplication([sys.argv[0], "-platform", "offscreen"])


@functools.cache
def _families(font_file: str) -> tuple[str, ...]:
    """Registered once per process: a long-running agent writes many letters."""
    return tuple(QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(font_file)))


def font_family(font_file: Path) -> str:
    """The shipped font's family name, as HTML can name it (e.g. after a monospace font, for
    the Chinese in a code block); "" when the file cannot be read."""
    ensure_application()
    families = _families(str(font_file))
    return families[0] if families else ""


def write_html_pdf(
    html: str,
    title: str,
    path: Path,
    font_file: Path,
    *,
    margin_mm: float = 15,
    resources: Mapping[str, QImage] | None = None,
    paginate: Callable[[QTextDocument], None] | None = None,
) -> Path:
    """`resources`: the images the HTML names by address (<img src="address">); `paginate`:
    called once the pages are laid out, before printing (e.g. to write in page numbers)."""
    ensure_application()
    families = _families(str(font_file))
    document = QTextDocument()
    if families:
        font = QFont(families[0], 10)
        # No ligatures: "fi" drawn as one glyph copies out of the PDF as one odd character.
        for tag in ("liga", "clig"):
            font.setFeature(QFont.Tag(tag), 0)
        document.setDefaultFont(font)
    # The embedded font has no bold face: Qt would fake bold by drawing every glyph twice,
    # and the PDF's text (copied, searched, read back) would say every heading twice.
    document.setDefaultStyleSheet("h1, h2, h3, th { font-weight: normal; } th { color: #333; }")
    for address, image in (resources or {}).items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(address), image)
    document.setHtml(html)
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    margins = QMarginsF(margin_mm, margin_mm, margin_mm, margin_mm)
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, margins)
    )
    writer.setResolution(120)
    document.setPageSize(QSizeF(writer.width(), writer.height()))
    if paginate is not None:
        paginate(document)
    document.print_(writer)
    return path
