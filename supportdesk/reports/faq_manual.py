"""The service manual (R2.2) as DOCX (python-docx) and PDF (QtGui, offscreen), in the installed
language, from one ManualDocument: the whole manual, or only what changed in a month.

As in the handover package, `_blocks` lays the manual out once (title, contents, sections,
entries with their label-value line, paragraphs, code and images) and both writers only draw
those blocks. The DOCX holds a real Word TOC field whose result, until Word updates it, is the
plain list of sections and entries; the PDF's contents give each heading's page number, found
by laying the document out once and writing the numbers into the contents' own column (fixed
widths, so the numbers never move a line); its lines also link to their headings. Everything
is linear in the number of entries (1,000 entries: about 1 s for each format).
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt
from PySide6.QtGui import QImage, QTextBlock, QTextCursor, QTextDocument, QTextTable

from supportdesk.domain.faq import Block, Grouping, ManualDocument, ManualEntry
from supportdesk.reports.pdf import ensure_application, font_family, write_html_pdf
from supportdesk.reports.text import xml_text

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.image.image import Image as DocxImage
    from docx.oxml.text.paragraph import CT_P
    from docx.shared import Length
    from docx.styles.style import ParagraphStyle
    from docx.text.paragraph import Paragraph

_EAST_ASIAN = "Microsoft YaHei"
_MONOSPACE = "Consolas"
_SHADE = "F2F2F2"  # code blocks, both formats
_SEPARATOR = "  ·  "
_DOCX_IMAGE_MM = 160  # A4 less 20 mm margins is 170 mm of line
# pdf.write_html_pdf lays A4 out at 120 dpi with 20 mm margins: 803 px of line.
_PDF_IMAGE_PX = 760
_PDF_IMAGE_KEEP = 2  # keep twice the drawn pixels, sharp when zoomed, not a 4000 px photo
_PNG: Any = "PNG"  # QImage.save takes the format as str, whatever PySide6's stubs say


def _words() -> dict[str, str]:
    """The manual's fixed words, in the installed language (lupdate reads these calls)."""
    return {
        "title": QCoreApplication.translate("FaqManual", "Service manual"),
        "changes_title": QCoreApplication.translate(
            "FaqManual", "Service manual: changes this month"
        ),
        "month": QCoreApplication.translate("FaqManual", "Month:"),
        "generated": QCoreApplication.translate("FaqManual", "Generated on:"),
        "entries": QCoreApplication.translate("FaqManual", "Entries:"),
        "grouped": QCoreApplication.translate("FaqManual", "Grouped by:"),
        "by_system": QCoreApplication.translate("FaqManual", "system"),
        "by_category": QCoreApplication.translate("FaqManual", "category"),
        "new_count": QCoreApplication.translate("FaqManual", "New:"),
        "revised_count": QCoreApplication.translate("FaqManual", "Revised:"),
        "contents": QCoreApplication.translate("FaqManual", "Contents"),
        "update_toc": QCoreApplication.translate(
            "FaqManual", "Update the field (F9) to show page numbers."
        ),
        "no_entries": QCoreApplication.translate("FaqManual", "The manual has no entries."),
        "no_changes": QCoreApplication.translate(
            "FaqManual", "No entry was published or revised this month."
        ),
        "no_system": QCoreApplication.translate("FaqManual", "No system"),
        "no_category": QCoreApplication.translate("FaqManual", "No category"),
        "category": QCoreApplication.translate("FaqManual", "Category:"),
        "applies": QCoreApplication.translate("FaqManual", "Applies to:"),
        "version": QCoreApplication.translate("FaqManual", "Version:"),
        "tags": QCoreApplication.translate("FaqManual", "Tags:"),
        "author": QCoreApplication.translate("FaqManual", "Author:"),
        "reviewer": QCoreApplication.translate("FaqManual", "Reviewer:"),
        "revision": QCoreApplication.translate("FaqManual", "Revision:"),
        "published": QCoreApplication.translate("FaqManual", "Published:"),
        "change": QCoreApplication.translate("FaqManual", "Change:"),
        "new": QCoreApplication.translate("FaqManual", "New"),
        "revised": QCoreApplication.translate("FaqManual", "Revised"),
        "symptom": QCoreApplication.translate("FaqManual", "Symptom"),
        "cause": QCoreApplication.translate("FaqManual", "Cause"),
        "solution": QCoreApplication.translate("FaqManual", "Solution"),
        "workaround": QCoreApplication.translate("FaqManual", "Workaround"),
        "image": QCoreApplication.translate("FaqManual", "image"),
    }


def title(document: ManualDocument) -> str:
    """ "Service manual", or the changes document's title, in the installed language."""
    w = _words()
    return w["changes_title"] if document.changes_only else w["title"]


# --- the one template: blocks both formats draw --------------------------------------------


@dataclass(frozen=True, slots=True)
class _Heading:
    text: str
    level: int  # 0: the title, 1: a section, 2: an entry, 3: symptom, cause, ...
    anchor: str = ""  # sections and entries: what the contents point at
    new_page: bool = False  # the first section: the contents stand on their own pages


@dataclass(frozen=True, slots=True)
class _Paragraph:
    text: str


@dataclass(frozen=True, slots=True)
class _Fields:
    """Label-value pairs on one small line."""

    pairs: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class _Code:
    text: str


@dataclass(frozen=True, slots=True)
class _Image:
    sha256: str
    caption: str  # shown under the image, or in brackets instead of one that cannot be drawn


@dataclass(frozen=True, slots=True)
class _Contents:
    heading: str
    items: tuple[tuple[int, str, str], ...]  # (level 1 or 2, heading text, anchor)


_Block = _Heading | _Paragraph | _Fields | _Code | _Image | _Contents


def _clean(text: str) -> str:
    """What XML (so Word) can hold, line breaks as \\n, no trailing blanks."""
    lines = xml_text(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


def _code(text: str) -> str:
    """As _clean, but the first line keeps its indentation."""
    lines = xml_text(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip("\n")


def _gap(label: str) -> str:
    """What goes between a label and its text: nothing after a full-width colon (Chinese)."""
    return "" if label.endswith("：") else " "


def _day(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return (moment.astimezone() if moment.tzinfo else moment).date().isoformat()


def _one_line(text: str) -> str:
    return " ".join(_clean(text).split())


def _entry_fields(entry: ManualEntry, w: dict[str, str]) -> tuple[tuple[str, str], ...]:
    system = " / ".join(p for p in (_one_line(x) for x in (entry.customer, entry.project)) if p)
    system = " / ".join(p for p in (system, _one_line(entry.system)) if p)
    pairs = [
        (w["category"], _one_line(entry.category)),
        (w["applies"], system),
        (w["version"], _one_line(entry.applies_version)),
        (w["tags"], ", ".join(t for t in (_one_line(t) for t in entry.tags) if t)),
        (w["author"], _one_line(entry.author)),
        (w["reviewer"], _one_line(entry.reviewer)),
        (w["revision"], str(entry.revision)),
        (w["published"], _day(entry.published_at)),
        (w["change"], {"new": w["new"], "revised": w["revised"]}.get(entry.change, entry.change)),
    ]
    return tuple((label, value) for label, value in pairs if value)


def _content(blocks: tuple[Block, ...]) -> list[_Block]:
    out: list[_Block] = []
    for block in blocks:
        if block.kind == "code":
            text = _code(block.text)
            if text:
                out.append(_Code(text))
        elif block.kind == "image":
            out.append(_Image(block.sha256, _one_line(block.text)))
        else:
            text = _clean(block.text)
            if text:
                out.append(_Paragraph(text))
    return out


def _head_fields(doc: ManualDocument, w: dict[str, str]) -> tuple[tuple[str, str], ...]:
    grouped = w["by_system"] if doc.grouping == Grouping.SYSTEM else w["by_category"]
    pairs = [
        (w["month"], doc.month),
        (w["generated"], doc.generated_on.isoformat()),
        (w["entries"], str(doc.count)),
        (w["grouped"], grouped),
    ]
    if doc.changes_only:
        changes = [e.change for s in doc.sections for e in s.entries]
        pairs += [
            (w["new_count"], str(changes.count("new"))),
            (w["revised_count"], str(changes.count("revised"))),
        ]
    return tuple(pairs)


def _blocks(doc: ManualDocument, w: dict[str, str]) -> list[_Block]:
    """The whole manual: title, its facts, the contents, then each section and its entries."""
    blocks: list[_Block] = [_Heading(title(doc), 0), _Fields(_head_fields(doc, w))]
    sections = [s for s in doc.sections if s.entries]
    if not sections:
        blocks.append(_Paragraph(w["no_changes"] if doc.changes_only else w["no_entries"]))
        return blocks
    unnamed = w["no_system"] if doc.grouping == Grouping.SYSTEM else w["no_category"]
    contents: list[tuple[int, str, str]] = []
    body: list[_Block] = []
    for number, section in enumerate(sections, start=1):
        heading = f"{number} {_one_line(section.title) or unnamed}"
        contents.append((1, heading, f"s{number}"))
        body.append(_Heading(heading, 1, f"s{number}", new_page=number == 1))
        for sub, entry in enumerate(section.entries, start=1):
            heading = f"{number}.{sub} {_one_line(entry.question)}"
            anchor = f"s{number}e{sub}"
            contents.append((2, heading, anchor))
            body += [_Heading(heading, 2, anchor), _Fields(_entry_fields(entry, w))]
            for part in ("symptom", "cause", "solution", "workaround"):
                content = _content(getattr(entry, part))
                if content:
                    body += [_Heading(w[part], 3), *content]
    blocks.append(_Contents(w["contents"], tuple(contents)))
    return blocks + body


def _missing(block: _Image, w: dict[str, str]) -> str:
    return f"[{block.caption or w['image']}]"


def _fields_text(pairs: tuple[tuple[str, str], ...]) -> str:
    return _SEPARATOR.join(f"{label}{_gap(label)}{value}" for label, value in pairs)


# --- the PDF: the blocks as HTML, images as the document's resources ------------------------


def _h(text: str) -> str:
    """Escaped, line breaks kept."""
    return html.escape(text).replace("\n", "<br/>")


def _wanted(doc: ManualDocument) -> set[str]:
    """The images the entries show."""
    return {
        b.sha256
        for s in doc.sections
        for e in s.entries
        for part in (e.symptom, e.cause, e.solution, e.workaround)
        for b in part
        if b.kind == "image"
    }


def _decoded(doc: ManualDocument, sha: str) -> QImage | None:
    """The image, or None when it is missing or unreadable (its caption stands in brackets
    where it would be)."""
    data = doc.images.get(sha)
    image = QImage.fromData(data) if data else QImage()
    return None if image.isNull() else image


def _pdf_images(doc: ManualDocument) -> dict[str, QImage]:
    """Each image decoded once and at most twice the drawn width (sharp when zoomed, yet not
    a month of 4000 px photos in memory and in the file)."""
    images: dict[str, QImage] = {}
    for sha in _wanted(doc):
        image = _decoded(doc, sha)
        if image is None:
            continue
        if image.width() > _PDF_IMAGE_PX * _PDF_IMAGE_KEEP:
            image = image.scaledToWidth(
                _PDF_IMAGE_PX * _PDF_IMAGE_KEEP, Qt.TransformationMode.SmoothTransformation
            )
        images[sha] = image
    return images


_HTML_HEADING = {
    0: "<h1 align='center'>{text}</h1>",
    1: "<h2 style='color:#1f4e79; margin-top:18px'>{text}</h2>",
    2: "<h3 style='margin-top:14px'>{text}</h3>",
    3: "<p style='color:#1f4e79; font-size:large; margin-top:6px; margin-bottom:2px'>{text}</p>",
}


def _code_fonts(shipped: str) -> str:
    """A monospace font for the code, then the shipped font for its Chinese (comments, paths):
    Qt would otherwise take whichever CJK font the machine has, or none."""
    fonts = [_MONOSPACE, "DejaVu Sans Mono", "Courier New", *([shipped] if shipped else [])]
    return ", ".join(f'"{f}"' for f in fonts) + ", monospace"


def _html_block(
    block: _Block, images: dict[str, QImage], code_fonts: str, w: dict[str, str]
) -> str:
    match block:
        case _Heading(text, level, anchor, new_page):
            inner = f"<a name='{anchor}'>{_h(text)}</a>" if anchor else _h(text)
            tag = _HTML_HEADING[level].format(text=inner)
            return (
                tag.replace(" style='", " style='page-break-before: always; ", 1)
                if new_page
                else tag
            )
        case _Paragraph(text):
            return f"<p>{_h(text)}</p>"
        case _Fields(pairs):
            return f"<p style='color:#555555; font-size:small'>{_h(_fields_text(pairs))}</p>"
        case _Code(text):
            style = f"background-color:#{_SHADE}; font-family:{code_fonts}"
            return f"<pre style='{style}'>{html.escape(text)}</pre>"
        case _Image(sha, caption):
            image = images.get(sha)
            if image is None:
                return f"<p style='color:#555555'>{_h(_missing(block, w))}</p>"
            width = min(image.width(), _PDF_IMAGE_PX)
            height = max(1, round(image.height() * width / image.width()))
            under = f"<br/><span style='color:#555555'>{_h(caption)}</span>" if caption else ""
            return f"<p><img src='sha256:{sha}' width='{width}' height='{height}'/>{under}</p>"
        case _Contents(heading, items):
            rows = "".join(
                f"<tr><td width='92%'><a href='#{anchor}' style='color:#000000;"
                " text-decoration:none'>"
                f"{'&nbsp;' * 6 * (level - 1)}{_h(text)}</a></td>"
                "<td width='8%' align='right'></td></tr>"
                for level, text, anchor in items
            )
            return (
                f"<h2 style='color:#1f4e79'>{_h(heading)}</h2>"
                f"<table width='100%' cellspacing='0' cellpadding='1'>{rows}</table>"
            )


def to_html(document: ManualDocument, shipped_font: str = "") -> str:
    """The manual as the PDF draws it: images by their sha256: address, the contents' page
    column still empty (write_pdf fills it in once the pages are laid out)."""
    return _to_html(_blocks(document, _words()), _pdf_images(document), shipped_font)


def _to_html(blocks: list[_Block], images: dict[str, QImage], shipped_font: str) -> str:
    w, fonts = _words(), _code_fonts(shipped_font)
    return "".join(_html_block(b, images, fonts, w) for b in blocks)


def _first_line_top(block: QTextBlock) -> float:
    """Where a block's first line is drawn: a heading pushed over a page break leaves its top
    margin on the page before, so the block's own top would name the wrong page."""
    layout = block.layout()
    top = layout.position().y()
    return top + layout.lineAt(0).y() if layout.lineCount() else top


def _number_pages(page: QTextDocument, anchors: list[str]) -> None:
    """Each heading's page into the contents' second column. The columns have fixed widths
    and the numbers fit in theirs, so writing them moves no line: the pages stay true."""
    if not anchors:
        return
    page.pageCount()  # lays the whole document out (Qt lays out lazily)
    height = page.pageSize().height()
    pages: dict[str, int] = {}
    block = page.begin()
    while block.isValid():
        first = block.begin()
        if not first.atEnd():
            for name in first.fragment().charFormat().anchorNames():
                pages[name] = int(_first_line_top(block) // height) + 1
        block = block.next()
    table = next((f for f in page.rootFrame().childFrames() if isinstance(f, QTextTable)), None)
    if table is None:
        return
    edit = QTextCursor(page)
    edit.beginEditBlock()  # one relayout for all the numbers, not one a row
    for row, anchor in enumerate(anchors[: table.rows()]):
        cell = table.cellAt(row, 1)
        edit.setPosition(cell.firstCursorPosition().position())
        edit.insertText(str(pages.get(anchor, "")))
    edit.endEditBlock()


def write_pdf(document: ManualDocument, path: Path, font_file: Path) -> Path:
    ensure_application()
    w = _words()
    images = _pdf_images(document)
    blocks = _blocks(document, w)
    anchors = [a for b in blocks if isinstance(b, _Contents) for _level, _text, a in b.items]
    return write_html_pdf(
        _to_html(blocks, images, font_family(font_file)),
        f"{title(document)} {document.month}",
        path,
        font_file,
        margin_mm=20,
        resources={f"sha256:{sha}": image for sha, image in images.items()},
        paginate=lambda page: _number_pages(page, anchors),
    )


# --- the DOCX: the same blocks, editable in Word -------------------------------------------


@dataclass(frozen=True, slots=True)
class _DocxStyles:
    """Style ids, set on each paragraph directly: python-docx's `style=` looks the template's
    default style up on every call, too slow for a thousand entries."""

    title: str
    headings: dict[int, str]
    fields: str
    code: str
    caption: str
    toc: dict[int, str]
    toc_heading: str


def _east_asian(style: ParagraphStyle, latin: str = "") -> None:
    """Word draws Chinese in the East Asian font: name it, not the theme's (often none)."""
    from docx.oxml.ns import qn  # noqa: PLC0415 - only when a DOCX is asked for

    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    themes = ["w:eastAsiaTheme"]
    if latin:
        style.font.name = latin
        themes += ["w:asciiTheme", "w:hAnsiTheme", "w:cstheme"]
    for theme in themes:
        fonts.attrib.pop(qn(theme), None)
    fonts.set(qn("w:eastAsia"), _EAST_ASIAN)


def _docx_styles(doc: DocxDocument) -> _DocxStyles:
    from docx.enum.style import WD_STYLE_TYPE  # noqa: PLC0415 - only when a DOCX is asked for
    from docx.oxml import OxmlElement  # noqa: PLC0415
    from docx.oxml.ns import qn  # noqa: PLC0415
    from docx.shared import Mm, Pt, RGBColor  # noqa: PLC0415
    from docx.styles.style import ParagraphStyle  # noqa: PLC0415

    def style(name: str) -> ParagraphStyle:
        found = doc.styles[name]
        assert isinstance(found, ParagraphStyle), name
        return found

    def added(name: str, size: float, *, builtin: bool = False) -> ParagraphStyle:
        new = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH, builtin=builtin)
        assert isinstance(new, ParagraphStyle)
        new.base_style = style("Normal")
        new.font.size = Pt(size)
        return new

    _east_asian(style("Normal"), _EAST_ASIAN)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "TOC Heading"):
        _east_asian(style(name))
    grey = RGBColor(0x55, 0x55, 0x55)
    fields = added("Entry Facts", 9)
    fields.font.color.rgb = grey
    caption = added("Image Caption", 9)
    caption.font.color.rgb = grey
    code = added("Code Block", 9)
    _east_asian(code, _MONOSPACE)
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), _SHADE)
    code.element.get_or_add_pPr().append(shading)  # first: Word wants w:shd before w:spacing
    code.paragraph_format.space_after = Pt(6)
    # Word's own names: an updated TOC field draws its lines in these.
    toc = {1: added("toc 1", 10.5, builtin=True), 2: added("toc 2", 10.5, builtin=True)}
    toc[1].paragraph_format.space_before = Pt(4)
    toc[1].paragraph_format.space_after = toc[2].paragraph_format.space_after = Pt(0)
    toc[2].paragraph_format.left_indent = Mm(6)
    return _DocxStyles(
        title=style("Title").style_id,
        headings={n: style(f"Heading {n}").style_id for n in (1, 2, 3)},
        fields=fields.style_id,
        code=code.style_id,
        caption=caption.style_id,
        toc={n: s.style_id for n, s in toc.items()},
        toc_heading=style("TOC Heading").style_id,
    )


def _field_run(paragraph: Paragraph, kind: str, instruction: str = "") -> None:
    """One run of a complex field: its begin, instruction, separate or end mark."""
    from docx.oxml import OxmlElement  # noqa: PLC0415 - only when a DOCX is asked for
    from docx.oxml.ns import qn  # noqa: PLC0415

    if instruction:
        element = OxmlElement("w:instrText")
        element.set(qn("xml:space"), "preserve")
        element.text = instruction
    else:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(element)


def _docx_pictures(doc: ManualDocument) -> dict[str, bytes]:
    """Each image Qt can read, as Word takes it: PNG, JPEG, GIF, BMP and TIFF as stored,
    anything else (WebP, ...) as PNG. Decoded one at a time, only to know it is whole."""
    from docx.image.image import Image  # noqa: PLC0415 - only when a DOCX is asked for

    out: dict[str, bytes] = {}
    for sha in _wanted(doc):
        image = _decoded(doc, sha)
        if image is None:
            continue
        data = doc.images[sha]
        try:
            Image.from_blob(data)
        except Exception:  # noqa: BLE001 - python-docx cannot read it: hand it PNG
            png = QByteArray()
            buffer = QBuffer(png)
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            image.save(buffer, _PNG)
            buffer.close()
            data = bytes(png.data())
        out[sha] = data
    return out


class _DocxWriter:
    """Draws the blocks into a python-docx Document in linear time: paragraphs go straight in
    before the body's section properties (python-docx searches the whole body for them on
    every paragraph), pictures get their shape ids from a counter (python-docx searches the
    whole document for the highest id on every picture)."""

    def __init__(self, doc: DocxDocument, pictures: dict[str, bytes], w: dict[str, str]) -> None:
        self._doc = doc
        self._styles = _docx_styles(doc)
        self._pictures = pictures
        self._w = w
        self._end = doc.element.body.sectPr
        self._next_shape_id = doc.part.next_id
        self._image_parts: dict[str, tuple[str, DocxImage]] = {}

    def paragraph(self, text: str = "", style: str = "") -> Paragraph:
        from docx.oxml import OxmlElement  # noqa: PLC0415 - only when a DOCX is asked for
        from docx.text.paragraph import Paragraph  # noqa: PLC0415

        p = cast("CT_P", OxmlElement("w:p"))
        if self._end is not None:
            self._end.addprevious(p)
        else:
            self._doc.element.body.append(p)
        if style:
            p.style = style
        paragraph = Paragraph(p, self._doc)
        if text:
            paragraph.add_run(text)
        return paragraph

    def block(self, block: _Block) -> None:
        styles = self._styles
        match block:
            case _Heading(text, 0):
                self.paragraph(text, styles.title)
            case _Heading(text, level, _anchor, new_page):
                heading = self.paragraph(text, styles.headings[level])
                if new_page:
                    heading.paragraph_format.page_break_before = True
            case _Paragraph(text):
                self.paragraph(text)
            case _Fields(pairs):
                self.paragraph(_fields_text(pairs), styles.fields)
            case _Code(text):
                self.paragraph(text, styles.code)
            case _Image():
                self.image(block)
            case _Contents():
                self.contents(block)

    def contents(self, block: _Contents) -> None:
        """A real TOC field; its result, until Word updates it (page numbers, links), is the
        plain list of headings, so the contents read the same anywhere and when read back."""
        self.paragraph(block.heading, self._styles.toc_heading)
        last = len(block.items) - 1
        for index, (level, text, _anchor) in enumerate(block.items):
            paragraph = self.paragraph(style=self._styles.toc[level])
            if index == 0:
                _field_run(paragraph, "begin")
                _field_run(paragraph, "", ' TOC \\o "1-2" \\h \\z \\u ')
                _field_run(paragraph, "separate")
            paragraph.add_run(text)
            if index == last:
                _field_run(paragraph, "end")

    def image(self, block: _Image) -> None:
        from docx.oxml.shape import CT_Inline  # noqa: PLC0415 - only when a DOCX is asked for
        from docx.shared import Emu, Mm  # noqa: PLC0415

        data = self._pictures.get(block.sha256)
        if data is None:
            self.paragraph(_missing(block, self._w), self._styles.caption)
            return
        if block.sha256 not in self._image_parts:  # python-docx keeps one part per image
            self._image_parts[block.sha256] = self._doc.part.get_or_add_image(io.BytesIO(data))
        r_id, image = self._image_parts[block.sha256]
        width: Length = image.width
        height: Length = image.height
        cap = Mm(_DOCX_IMAGE_MM)
        if width > cap:  # a screenshot wider than the line: scaled down, not cut off
            width, height = cap, Emu(round(height * cap / width))
        inline = CT_Inline.new_pic_inline(self._next_shape_id, r_id, image.filename, width, height)
        self._next_shape_id += 1
        self.paragraph().add_run()._r.add_drawing(inline)
        if block.caption:
            self.paragraph(block.caption, self._styles.caption)


def _update_fields_on_open(doc: DocxDocument) -> None:
    """Word asks to update the fields when it opens the file: the TOC gets its page numbers."""
    from docx.oxml import OxmlElement  # noqa: PLC0415 - only when a DOCX is asked for
    from docx.oxml.ns import qn  # noqa: PLC0415

    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings = doc.settings.element
    # Word wants the schema's order: updateFields comes before these.
    after = next((c for c in settings if c.tag.rpartition("}")[2] in _AFTER_UPDATE_FIELDS), None)
    if after is None:
        settings.append(update)
    else:
        after.addprevious(update)


_AFTER_UPDATE_FIELDS = frozenset(
    [
        "hdrShapeDefaults",
        "footnotePr",
        "endnotePr",
        "compat",
        "docVars",
        "rsids",
        "mathPr",
        "attachedSchema",
        "themeFontLang",
        "clrSchemeMapping",
        "doNotIncludeSubdocsInStats",
        "doNotAutoCompressPictures",
        "forceUpgrade",
        "captions",
        "readModeInkLockDown",
        "smartTagType",
        "schemaLibrary",
        "shapeDefaults",
        "doNotEmbedSmartTags",
        "decimalSymbol",
        "listSeparator",
    ]
)


def write_docx(document: ManualDocument, path: Path) -> Path:
    from docx import Document  # noqa: PLC0415 - only when a DOCX is asked for
    from docx.shared import Mm  # noqa: PLC0415

    ensure_application()
    w = _words()
    doc = Document()
    for section in doc.sections:  # A4, as the customer prints it (the template is Letter)
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(20)
    doc.core_properties.title = f"{title(document)} {document.month}"
    writer = _DocxWriter(doc, _docx_pictures(document), w)
    blocks = _blocks(document, w)
    for block in blocks:
        writer.block(block)
    if any(isinstance(b, _Contents) for b in blocks):
        _update_fields_on_open(doc)
    doc.save(str(path))
    return path
