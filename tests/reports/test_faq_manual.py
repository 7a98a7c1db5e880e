"""The service manual (R2.2): DOCX and PDF from one ManualDocument, read back: Chinese entries
in their sections, the contents (a Word TOC field with its text; PDF page numbers), code,
images embedded or named in brackets, the changes document and the empty manual."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pypdf
import pytest
from docx import Document
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtGui import QColor, QImage

from supportdesk.domain.faq import Block, Grouping, ManualDocument, ManualEntry, ManualSection
from supportdesk.reports import faq_manual
from supportdesk.ui.i18n import install_translators
from tests.reports.test_handover_package import FONT, _embedded_fonts, _pdf_text

_PNG: Any = "PNG"  # QImage.save takes the format as str, whatever PySide6's stubs say
W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _png(width: int = 48, height: int = 32, kind: Any = _PNG) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#c0392b"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, kind)
    buffer.close()
    return bytes(data.data())


PNG = _png()
SHOT = hashlib.sha256(PNG).hexdigest()
BROKEN = hashlib.sha256(b"not an image").hexdigest()
GONE = "0" * 64  # referenced, never uploaded
CODE = "-- 查看会话数\nselect count(*) from v$session;\n    exit"
LONG = "检查归档日志目录的空间，确认备份任务按时完成。" * 120  # pushes section 2 to a later page


def _entry(n: int, question: str, **changes: Any) -> ManualEntry:
    entry = ManualEntry(
        id=n,
        revision=3,
        question=question,
        category="数据库",
        customer="华东电力",
        project="调度平台",
        system="生产系统",
        applies_version="V2.3 及以上",
        tags=("Oracle", "会话"),
        symptom=(Block("p", "应用报错 ORA-00018：超出最大会话数。"),),
        cause=(),
        solution=(
            Block("p", "先查看当前会话数："),
            Block("code", CODE),
            Block("image", "错误截图", SHOT),
        ),
        workaround=(),
        author="张工",
        reviewer="钱组长",
        published_at=datetime(2026, 3, 5, 2, 0, tzinfo=UTC),
    )
    return replace(entry, **changes)


MANUAL = ManualDocument(
    month="2026-03",
    changes_only=False,
    grouping=Grouping.SYSTEM,
    generated_on=date(2026, 4, 1),
    sections=(
        ManualSection(
            "华东电力 / 调度平台 / 生产系统",
            (
                _entry(1, "数据库会话数超限怎么办？"),
                _entry(
                    2,
                    "备份任务失败如何处理？",
                    symptom=(Block("p", LONG),),
                    solution=(Block("p", "重新执行备份。"),),
                    workaround=(
                        Block("image", "缺失的截图", GONE),
                        Block("image", "损坏的图片", BROKEN),
                    ),
                    tags=(),
                    reviewer="",
                ),
            ),
        ),
        ManualSection(
            "华北电网 / 营销系统 / 测试系统",
            (
                _entry(
                    3,
                    "营销系统登录缓慢的排查",
                    solution=(Block("p", "清理浏览器缓存后重试。"),),
                    customer="华北电网",
                    project="营销系统",
                    system="测试系统",
                ),
            ),
        ),
    ),
    images={SHOT: PNG, BROKEN: b"not an image"},
)
SECTIONS = ["1 华东电力 / 调度平台 / 生产系统", "2 华北电网 / 营销系统 / 测试系统"]
ENTRIES = [
    "1.1 数据库会话数超限怎么办？",
    "1.2 备份任务失败如何处理？",
    "2.1 营销系统登录缓慢的排查",
]

CHANGES = replace(
    MANUAL,
    changes_only=True,
    sections=(
        ManualSection("数据库", (_entry(1, "数据库会话数超限怎么办？", change="new"),)),
        ManualSection("网络", (_entry(4, "VPN 断线重连", change="revised", solution=()),)),
    ),
    grouping=Grouping.CATEGORY,
)


def _w(source: str) -> str:
    return QCoreApplication.translate("FaqManual", source)


@pytest.fixture(params=["zh_CN", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    app = QCoreApplication.instance()
    assert app is not None
    installed = install_translators(app, request.param)
    yield request.param
    for translator in installed:
        QCoreApplication.removeTranslator(translator)


def _styled(path: Path) -> list[tuple[str, str]]:
    return [(p.style.name if p.style else "", p.text) for p in Document(str(path)).paragraphs]


def _compact(text: str) -> str:
    """As _pdf_text reads a PDF: no whitespace, NFKC (a full-width ？ as ?)."""
    return unicodedata.normalize("NFKC", "".join(text.split()))


def test_the_docx_has_title_contents_sections_and_entries(language: str, tmp_path: Path) -> None:
    path = faq_manual.write_docx(MANUAL, tmp_path / "manual.docx")
    styled = _styled(path)
    texts = [text for _style, text in styled]
    assert ("Title", _w("Service manual")) in styled
    facts = next(text for style, text in styled if text.startswith(_w("Month:")))
    assert "2026-03" in facts
    assert "2026-04-01" in facts
    assert re.search(re.escape(_w("Entries:")) + r"\s?3\b", facts)
    assert [t for s, t in styled if s == "Heading 1"] == SECTIONS
    assert [t for s, t in styled if s == "Heading 2"] == ENTRIES
    # The contents: a Word TOC field, its result the headings' text until Word updates it.
    assert ("TOC Heading", _w("Contents")) in styled
    first = next(
        p
        for p in Document(str(path)).paragraphs
        if p.text == SECTIONS[0] and p.style is not None and p.style.name == "Heading 1"
    )
    assert first.paragraph_format.page_break_before  # the contents on their own pages
    toc = [(s, t) for s, t in styled if s.startswith("toc ")]
    assert toc == [
        ("toc 1", SECTIONS[0]),
        ("toc 2", ENTRIES[0]),
        ("toc 2", ENTRIES[1]),
        ("toc 1", SECTIONS[1]),
        ("toc 2", ENTRIES[2]),
    ]
    document = Document(str(path))
    body = document.element.body
    instructions = [e.text for e in body.iter(f"{W_NS}instrText")]
    assert instructions == [' TOC \\o "1-2" \\h \\z \\u ']
    kinds = [e.get(f"{W_NS}fldCharType") for e in body.iter(f"{W_NS}fldChar")]
    assert kinds == ["begin", "separate", "end"]
    assert document.settings.element.find(f"{W_NS}updateFields") is not None
    # An entry: its facts, then its parts (an empty one left out).
    facts = texts[styled.index(("Heading 2", ENTRIES[0])) + 1]
    for expected in ("数据库", "华东电力 / 调度平台 / 生产系统", "V2.3 及以上", "Oracle, 会话"):
        assert expected in facts, expected
    for expected in ("张工", "钱组长", "2026-03-05", _w("Revision:")):
        assert expected in facts, expected
    assert _w("Change:") not in facts  # the whole manual says nothing of changes
    parts = [t for s, t in styled if s == "Heading 3"]
    assert parts[:2] == [_w("Symptom"), _w("Solution")]  # no cause written: no heading
    assert _w("Workaround") in parts
    assert "应用报错 ORA-00018：超出最大会话数。" in texts
    # Code: its lines and indentation, in the shaded monospace style.
    code = [p for p in document.paragraphs if p.style is not None and p.style.name == "Code Block"]
    assert [p.text for p in code] == [CODE]
    assert code[0].style is not None
    assert code[0].style.font.name == "Consolas"
    shading = code[0].style.element.pPr.find(f"{W_NS}shd")
    assert shading is not None
    # The image embedded (once per use), the others named in brackets, never a crash.
    assert len(document.inline_shapes) == 1
    assert document.inline_shapes[0].width <= 160 * 36000
    assert "错误截图" in texts
    assert "[缺失的截图]" in texts
    assert "[损坏的图片]" in texts
    normal = document.styles["Normal"].element.rPr.rFonts
    assert normal.get(f"{W_NS}eastAsia") == "Microsoft YaHei"
    heading = document.styles["Heading 2"].element.rPr.rFonts
    assert heading.get(f"{W_NS}eastAsia") == "Microsoft YaHei"
    assert document.core_properties.title == f"{_w('Service manual')} 2026-03"


def _pdf_image_widths(path: Path) -> list[int]:
    """The width in pixels of each image XObject the pages draw."""
    widths = []
    for page in pypdf.PdfReader(str(path)).pages:
        resources: Any = page["/Resources"]
        for ref in resources.get_object().get("/XObject", {}).values():
            xobject = ref.get_object()
            if xobject.get("/Subtype") == "/Image":
                widths.append(int(xobject["/Width"]))
    return widths


def test_the_pdf_has_the_same_text_contents_with_page_numbers_and_the_image(
    language: str, tmp_path: Path
) -> None:
    path = faq_manual.write_pdf(MANUAL, tmp_path / "manual.pdf", FONT)
    text = _pdf_text(path)
    for expected in (
        _w("Service manual"), "2026-03", "2026-04-01", _w("Contents"), *SECTIONS, *ENTRIES,
        "select count(*) from v$session;", "--查看会话数", "[缺失的截图]", "[损坏的图片]",
        "错误截图", "应用报错ORA-00018", "张工", "V2.3及以上",
    ):  # fmt: skip
        assert _compact(expected) in text, expected
    assert _pdf_image_widths(path) == [48]
    assert any("SupportDeskSansSC" in name for name in _embedded_fonts(path))
    reader = pypdf.PdfReader(str(path))
    assert reader.metadata is not None
    assert reader.metadata.title == f"{_w('Service manual')} 2026-03"
    # Each contents line ends in the page its heading is on; the contents stand alone.
    pages = [_compact(page.extract_text()) for page in reader.pages]
    assert len(pages) >= 3
    contents = " ".join(unicodedata.normalize("NFKC", reader.pages[0].extract_text()).split())
    numbers: dict[str, int] = {}
    for heading in (*SECTIONS, *ENTRIES):
        found = re.search(re.escape(unicodedata.normalize("NFKC", heading)) + r" (\d+)\b", contents)
        assert found is not None, heading
        number = numbers[heading] = int(found.group(1))
        assert _compact(heading) in pages[number - 1], heading
        assert all(_compact(heading) not in p for p in pages[1 : number - 1]), heading
    assert numbers[SECTIONS[0]] == numbers[ENTRIES[0]] == 2
    assert numbers[SECTIONS[1]] == numbers[ENTRIES[2]] > 2  # after the long entry
    assert _compact(ENTRIES[0]) not in pages[0].replace(_compact(ENTRIES[0]), "", 1)


def test_the_changes_document_names_itself_and_each_change(tmp_path: Path) -> None:
    assert faq_manual.title(CHANGES) == "Service manual: changes this month"
    assert faq_manual.title(MANUAL) == "Service manual"
    styled = _styled(faq_manual.write_docx(CHANGES, tmp_path / "changes.docx"))
    texts = [t for _s, t in styled]
    assert ("Title", "Service manual: changes this month") in styled
    facts = next(t for t in texts if t.startswith("Month:"))
    for expected in ("2026-03", "Entries: 2", "Grouped by: category", "New: 1", "Revised: 1"):
        assert expected in facts, expected
    assert [t for s, t in styled if s == "Heading 1"] == ["1 数据库", "2 网络"]
    first = texts[styled.index(("Heading 2", "1.1 数据库会话数超限怎么办？")) + 1]
    assert "Change: New" in first
    second = texts[styled.index(("Heading 2", "2.1 VPN 断线重连")) + 1]
    assert "Change: Revised" in second
    pdf = faq_manual.write_pdf(CHANGES, tmp_path / "changes.pdf", FONT)
    text = _pdf_text(pdf)
    for expected in ("Servicemanual:changesthismonth", "Change:New", "Change:Revised", "2.1VPN"):
        assert expected in text, expected
    reader = pypdf.PdfReader(str(pdf))
    assert reader.metadata is not None
    assert reader.metadata.title == "Service manual: changes this month 2026-03"


def test_an_empty_manual_says_so(tmp_path: Path) -> None:
    for document, sentence in (
        (replace(MANUAL, sections=(), images={}), "The manual has no entries."),
        (
            replace(CHANGES, sections=(ManualSection("网络", ()),)),
            "No entry was published or revised this month.",
        ),
    ):
        styled = _styled(faq_manual.write_docx(document, tmp_path / "empty.docx"))
        assert ("Normal", sentence) in styled
        assert not any(s.startswith(("toc", "Heading")) for s, _t in styled)
        assert any("Entries: 0" in t for _s, t in styled)
        text = _pdf_text(faq_manual.write_pdf(document, tmp_path / "empty.pdf", FONT))
        assert _compact(sentence) in text
        assert "2026-03" in text


def test_odd_text_is_escaped_and_control_characters_dropped(tmp_path: Path) -> None:
    odd = replace(
        MANUAL,
        sections=(
            ManualSection(
                "",  # no system: named as such
                (
                    _entry(
                        9,
                        "<b>A&B</b>\x07 问题",
                        solution=(Block("code", "if a < b:\x0b\n\tprint('&')"),),
                    ),
                ),
            ),
        ),
    )
    page = faq_manual.to_html(odd)
    assert "&lt;b&gt;A&amp;B&lt;/b&gt;" in page
    assert "<b>" not in page
    styled = _styled(faq_manual.write_docx(odd, tmp_path / "odd.docx"))
    assert ("Heading 1", "1 No system") in styled
    assert ("Heading 2", "1.1 <b>A&B</b> 问题") in styled
    assert ("Code Block", "if a < b:\n\tprint('&')") in styled
    assert "A&B" in _pdf_text(faq_manual.write_pdf(odd, tmp_path / "odd.pdf", FONT))


def test_a_wide_image_fits_the_line_and_an_unusual_format_is_converted(tmp_path: Path) -> None:
    wide, odd = _png(3200, 100), _png(20, 20, "PPM")  # python-docx cannot read PPM; Qt can
    sha_wide, sha_odd = hashlib.sha256(wide).hexdigest(), hashlib.sha256(odd).hexdigest()
    entry = _entry(5, "截图", solution=(Block("image", "", sha_wide), Block("image", "", sha_odd)))
    document = replace(
        MANUAL, sections=(ManualSection("其他", (entry,)),), images={sha_wide: wide, sha_odd: odd}
    )
    docx = Document(str(faq_manual.write_docx(document, tmp_path / "wide.docx")))
    shapes = docx.inline_shapes
    assert len(shapes) == 2
    assert shapes[0].width == 160 * 36000  # 160 mm, the height scaled alike
    assert shapes[0].height == round(100 * 160 * 36000 / 3200)
    assert not any(p.text.startswith("[") for p in docx.paragraphs)
    widths = _pdf_image_widths(faq_manual.write_pdf(document, tmp_path / "wide.pdf", FONT))
    assert sorted(widths) == [20, 1520]  # kept at twice the drawn width, not 3200
