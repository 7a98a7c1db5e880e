"""The handover package (R1.2, R1.3): DOCX and PDF from one template, read back, Chinese data
intact, signature lines on a draft, signers and the amendment reason once signed."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pypdf
import pytest
from docx import Document
from PySide6.QtCore import QCoreApplication, QTranslator

from supportdesk.domain.handover import (
    ContactLine,
    IssueLine,
    MaterialLine,
    PackageDocument,
    Signature,
)
from supportdesk.reports import handover_package
from supportdesk.ui.i18n import install_translators, resource_path

FONT = resource_path("fonts/SupportDeskSansSC-Regular.ttf")
REPOSITORY = "https://git.example.cn/hd/dispatch"

DRAFT = PackageDocument(
    customer="华东电力有限公司",
    project="调度平台",
    contract_no="HD-2025-017",
    acceptance=date(2026, 3, 31),
    join_on=date(2026, 2, 28),
    due_on=date(2026, 4, 14),
    systems=(("调度平台生产系统", "production"), ("调度平台测试系统", "test")),
    materials=(
        MaterialLine("requirements", "需求规格说明书.docx", "ab" * 32, 245_760, "", "终版"),
        MaterialLine("source_repository", "dispatch", None, 0, f"{REPOSITORY}@9f3c2e1", ""),
        MaterialLine("运维脚本", "巡检脚本.zip", "cd" * 32, 800, "", ""),
    ),
    issues=(
        IssueLine("报表导出偶发超时", "客户信息中心", date(2026, 5, 15), "open", "第一行\n第二行"),
        IssueLine("Login page typo", "Project team", date(2026, 4, 1), "closed", ""),
    ),
    company_scope="应用系统的日常维护\n数据库巡检",
    customer_scope="机房与网络",
    maintenance_start=date(2026, 4, 1),
    maintenance_end=date(2027, 3, 31),
    expiry_terms="到期前三个月提醒续签",
    after_sales_scope="巡检、备份检查",
    support_scope="",  # not recorded yet: must say so, not leave a gap
    faq=(("如何重启调度服务？", "执行 systemctl restart dispatch"),),
    contacts=(ContactLine("王工", "值班经理", "138 0000 0000", "wang@example.cn"),),
    signature=None,
)

SIGNED = replace(
    DRAFT,
    signature=Signature(
        version_no=2,
        signed_on=date(2026, 4, 10),
        our_signers="钱组长、孙工",
        customer_signers="李主任",
        scan_name="签字页扫描件.pdf",
        scan_sha256="ef" * 32,
        reason="补充数据库结构文档",
    ),
)


def _w(source: str) -> str:
    return QCoreApplication.translate("HandoverPackage", source)


@pytest.fixture(params=["zh_CN", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    app = QCoreApplication.instance()
    assert app is not None
    installed = install_translators(app, request.param)
    yield request.param
    for translator in installed:
        QCoreApplication.removeTranslator(translator)


class _FakeChinese(QTranslator):
    """A few of the package's words in Chinese, whatever the shipped catalogue holds yet: shows
    that the fixed words go through the HandoverPackage context (lupdate's view of them)."""

    WORDS = {  # noqa: RUF012 - read only
        "Handover package": "项目移交文档",
        "Requirements": "需求文档",
        "production": "生产",
        "open": "未关闭",
        "not recorded": "未填写",
        "Customer signature:": "客户签字：",
        "handover-package": "移交文档",
    }

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if context == "HandoverPackage":
            return self.WORDS.get(source)
        return None  # not ours: Qt asks the next translator, or keeps the source


@pytest.fixture
def fake_chinese() -> Iterator[None]:
    app = QCoreApplication.instance()
    assert app is not None
    translator = _FakeChinese()
    app.installTranslator(translator)
    yield
    app.removeTranslator(translator)


def _pdf_text(path: Path) -> str:
    """As pypdf extracts it: whitespace removed (Chinese comes back with spaces at wraps), NFKC
    (户 and the radical ⼾ share a glyph)."""
    reader = pypdf.PdfReader(str(path))
    raw = "".join(page.extract_text() for page in reader.pages)
    return unicodedata.normalize("NFKC", "".join(raw.split()))


def _embedded_fonts(path: Path) -> set[str]:
    """The names of the fonts embedded with their outlines."""
    embedded = set()
    for page in pypdf.PdfReader(str(path)).pages:
        resources: Any = page["/Resources"]
        for ref in resources.get_object().get("/Font", {}).values():
            font = ref.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object().get("/FontDescriptor")
                if descriptor is not None:
                    d = descriptor.get_object()
                    if any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                        embedded.add(str(d["/FontName"]))
    return embedded


def _docx_text(path: Path) -> tuple[list[str], list[list[str]]]:
    document = Document(str(path))
    paragraphs = [p.text for p in document.paragraphs]
    cells = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    return paragraphs, cells


def _docx_body(path: Path) -> str:
    paragraphs, cells = _docx_text(path)
    return "\n".join(paragraphs + [c for row in cells for c in row])


def test_the_docx_carries_the_chinese_data_of_all_four_parts(language: str, tmp_path: Path) -> None:
    docx = handover_package.write_docx(DRAFT, tmp_path / "package.docx")
    paragraphs, cells = _docx_text(docx)
    body = _docx_body(docx)
    for expected in (
        _w("Handover package"), "华东电力有限公司", "调度平台", "HD-2025-017", "2026-03-31",
        "2026-02-28", "2026-04-14", "需求规格说明书.docx", "如何重启调度服务？",
        "执行 systemctl restart dispatch", "报表导出偶发超时", "王工", "138 0000 0000",
        "wang@example.cn", "到期前三个月提醒续签", f"{REPOSITORY}@9f3c2e1",
    ):  # fmt: skip
        assert expected in body, expected
    assert [_w("Customer"), "华东电力有限公司"] in cells
    span = _w("{start} to {end}").format(start="2026-04-01", end="2027-03-31")
    assert [_w("Maintenance period"), span] in cells
    # Part 1: the short hash of a file, its size; a repository by its location only.
    requirements = handover_package.category_label("requirements")
    assert [requirements, "需求规格说明书.docx", "240.0 KB", "ab" * 6, "终版"] in cells
    assert [_w("Source repository"), "dispatch", f"{REPOSITORY}@9f3c2e1"] == (
        next(row[:3] for row in cells if row[1] == "dispatch")
    )
    # A team's own category is shown as typed.
    assert ["运维脚本", "巡检脚本.zip", "800 B", "cd" * 6, "-"] in cells
    # Multi-line text keeps its lines.
    assert [_w("The company maintains"), "应用系统的日常维护\n数据库巡检"] in cells
    assert ["报表导出偶发超时", "客户信息中心", "2026-05-15", _w("open"), "第一行\n第二行"] in cells
    # An empty field says so.
    assert [_w("Work of the technical support departments"), _w("not recorded")] in cells
    assert [_w("Contact"), _w("Role"), _w("Phone"), _w("E-mail")] in cells
    assert any(p.startswith(_w("Question {number}:").format(number=1)) for p in paragraphs)
    fonts = Document(str(docx)).styles["Normal"].element.rPr.rFonts
    assert fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == (
        "Microsoft YaHei"
    )
    if language == "zh_CN":  # the shipped catalogue, not a stand-in
        assert "项目移交文档" in body
        assert ["客户", "华东电力有限公司"] in cells
        assert "未填写" in body
    if language == "en":
        for expected in (
            "Handover package", "Part 1. Technical materials", "Part 2. Outstanding issues",
            "Part 3. External boundary", "Part 4. Internal boundary", "Emergency contacts",
            "Sign-off", "Draft for signature", "not recorded",
        ):  # fmt: skip
            assert expected in body, expected
        assert ["Systems", "调度平台生产系统 (production)\n调度平台测试系统 (test)"] in cells
        assert ["Requirements", "需求规格说明书.docx", "240.0 KB", "ab" * 6, "终版"] in cells
        assert ["Login page typo", "Project team", "2026-04-01", "closed", "-"] in cells


def test_the_pdf_says_the_same_and_embeds_the_font(language: str, tmp_path: Path) -> None:
    pdf = handover_package.write_pdf(DRAFT, tmp_path / "package.pdf", FONT)
    text = _pdf_text(pdf)
    for expected in (
        "华东电力有限公司", "调度平台", "HD-2025-017", "2026-03-31", "需求规格说明书.docx",
        "如何重启调度服务？", "报表导出偶发超时", "王工", "wang@example.cn", "ab" * 6,
        "应用系统的日常维护", "数据库巡检",
    ):  # fmt: skip
        assert unicodedata.normalize("NFKC", expected).replace(" ", "") in text, expected
    title = _w("Handover package").replace(" ", "")
    # Each heading drawn once (no faked bold), so read as often as the document says it.
    html_text = re.sub(r"<[^>]+>|\s", "", handover_package.to_html(DRAFT))
    assert text.count(title) == html_text.count(title) >= 1
    assert _w("not recorded").replace(" ", "") in text  # the technical support departments
    if language == "en":
        for expected in ("Part1.Technicalmaterials", "Part4.Internalboundary", "Question1:"):
            assert expected in text, expected
    if language == "zh_CN":
        assert "项目移交文档" in text
        assert "第一部分技术资料" in text
    embedded = _embedded_fonts(pdf)  # Chinese looks the same on a machine without a CJK font
    assert any("SupportDeskSansSC" in name for name in embedded), embedded
    reader = pypdf.PdfReader(str(pdf))
    assert reader.metadata is not None
    assert reader.metadata.title == f"{_w('Handover package')} 华东电力有限公司 调度平台"


def test_a_draft_has_signature_lines_for_both_sides(tmp_path: Path) -> None:
    paragraphs, cells = _docx_text(handover_package.write_docx(DRAFT, tmp_path / "d.docx"))
    lines = [p for p in paragraphs if "________" in p]
    assert len(lines) == 2
    assert lines[0].startswith("Company (after-sales) signature: ")
    assert lines[1].startswith("Customer signature: ")
    assert all("Date: ________" in line for line in lines)
    assert "Draft for signature" in paragraphs
    assert (  # names the package, should its last page be read on its own
        "By signing, both sides confirm the four parts above of the handover package of 调度平台"
        " (华东电力有限公司), and that the handover is complete."
    ) in paragraphs
    assert not any(row[0] == "Signed for the company" for row in cells)
    heading = next(p for p in Document(str(tmp_path / "d.docx")).paragraphs if p.text == "Sign-off")
    assert heading.paragraph_format.page_break_before  # the page both sides sign
    pdf = handover_package.write_pdf(DRAFT, tmp_path / "d.pdf", FONT)
    text = _pdf_text(pdf)
    assert "Company(after-sales)signature:____" in text
    assert "Customersignature:____" in text
    assert text.count("Date:____") == 2
    last = pypdf.PdfReader(str(pdf)).pages[-1].extract_text().replace(" ", "")
    assert last.startswith("Sign-off")  # never split from its signature lines


def test_a_signed_amendment_names_the_signers_and_the_reason(tmp_path: Path) -> None:
    paragraphs, cells = _docx_text(handover_package.write_docx(SIGNED, tmp_path / "s.docx"))
    assert not any("________" in p for p in paragraphs)
    assert "Signed, version 2" in paragraphs
    for row in (
        ["Version", "2"],
        ["Signed on", "2026-04-10"],
        ["Signed for the company", "钱组长、孙工"],
        ["Signed for the customer", "李主任"],
        ["Scan of the signed paper", "签字页扫描件.pdf\nSHA-256 " + "ef" * 6],
        ["Reason for the amendment", "补充数据库结构文档"],
    ):
        assert row in cells, row
    text = _pdf_text(handover_package.write_pdf(SIGNED, tmp_path / "s.pdf", FONT))
    for expected in (
        "钱组长、孙工",
        "李主任",
        "签字页扫描件.pdf",
        "补充数据库结构文档",
        "2026-04-10",
    ):
        assert expected in text, expected
    assert "signature:___" not in text
    # The first version has no amendment, so no reason row.
    assert SIGNED.signature is not None
    first = replace(SIGNED, signature=replace(SIGNED.signature, version_no=1, reason=""))
    _paragraphs, cells = _docx_text(handover_package.write_docx(first, tmp_path / "v1.docx"))
    assert ["Version", "1"] in cells
    assert not any(row[0] == "Reason for the amendment" for row in cells)


def test_empty_parts_say_none_recorded(tmp_path: Path) -> None:
    bare = replace(
        DRAFT,
        contract_no=" ",
        systems=(),
        materials=(),
        issues=(),
        faq=(),
        contacts=(),
        maintenance_start=None,
        maintenance_end=date(2027, 3, 31),
    )
    paragraphs, cells = _docx_text(handover_package.write_docx(bare, tmp_path / "bare.docx"))
    assert paragraphs.count("None recorded.") == 4  # materials, issues, FAQ, contacts
    assert ["Contract number", "not recorded"] in cells
    assert ["Systems", "not recorded"] in cells
    assert ["Maintenance period", "not recorded to 2027-03-31"] in cells
    assert (
        _pdf_text(handover_package.write_pdf(bare, tmp_path / "bare.pdf", FONT)).count(
            "Nonerecorded."
        )
        == 4
    )


def test_a_control_character_does_not_break_the_docx(tmp_path: Path) -> None:
    odd = replace(
        DRAFT,
        customer="华东电力\x07有限公司",
        company_scope="日常维护\x0b\x00数据库巡检\r\n备份",
        faq=(("如何\x1b重启？", "执行\x08命令"),),
    )
    docx = handover_package.write_docx(odd, tmp_path / "odd.docx")
    paragraphs, cells = _docx_text(docx)  # opens: python-docx wrote valid XML
    assert ["Customer", "华东电力有限公司"] in cells
    assert ["The company maintains", "日常维护数据库巡检\n备份"] in cells
    assert any("如何重启？" in p for p in paragraphs)
    text = _pdf_text(handover_package.write_pdf(odd, tmp_path / "odd.pdf", FONT))
    assert "华东电力有限公司" in text


def test_data_is_escaped_in_the_html_and_keeps_its_lines() -> None:
    odd = replace(DRAFT, customer="<b>A&B</b>", expiry_terms="一\n二")
    page = handover_package.to_html(odd)
    assert "&lt;b&gt;A&amp;B&lt;/b&gt;" in page
    assert "<b>" not in page
    assert "一<br/>二" in page


def test_the_file_stem_is_windows_safe(language: str) -> None:
    prefix = _w("handover-package")
    assert handover_package.file_stem(DRAFT) == f"{prefix}_华东电力有限公司_调度平台"
    awkward = replace(DRAFT, customer='华东/电力:*?"<>|\\公司\x07\t ', project="调度\n平台. ")
    stem = handover_package.file_stem(awkward)
    assert stem == f"{prefix}_华东电力公司_调度平台"
    assert not re.search(r'[\\/:*?"<>|\x00-\x1f]', stem)
    if language == "en":
        assert prefix == "handover-package"


def test_categories_and_environments_are_translated(language: str) -> None:
    for category in ("requirements", "design", "deployment_guide", "user_manual"):
        assert handover_package.category_label(category) == _w(
            {
                "requirements": "Requirements",
                "design": "Design",
                "deployment_guide": "Deployment guide",
                "user_manual": "User manual",
            }[category]
        )
    assert handover_package.category_label("source_repository") == _w("Source repository")
    assert handover_package.category_label("database_schema") == _w("Database schema")
    assert handover_package.category_label("运维脚本") == "运维脚本"  # the team's own
    assert handover_package.category_label("") == ""
    if language == "en":
        assert handover_package.category_label("deployment_guide") == "Deployment guide"
    system = _w("{name} ({environment})").format(name="调度平台测试系统", environment=_w("test"))
    assert system in handover_package.to_html(DRAFT)
    if language == "en":
        assert system == "调度平台测试系统 (test)"


@pytest.mark.usefixtures("fake_chinese")
def test_chinese_words_come_from_the_handover_context(tmp_path: Path) -> None:
    assert handover_package.category_label("requirements") == "需求文档"
    assert handover_package.file_stem(DRAFT) == "移交文档_华东电力有限公司_调度平台"
    body = _docx_body(handover_package.write_docx(DRAFT, tmp_path / "zh.docx"))
    for expected in ("项目移交文档", "需求文档", "调度平台生产系统 (生产)", "未关闭", "未填写"):
        assert expected in body, expected
    assert "客户签字：____" in body  # no space after a full-width colon
    text = _pdf_text(handover_package.write_pdf(DRAFT, tmp_path / "zh.pdf", FONT))
    for expected in ("项目移交文档", "需求文档", "未关闭", "未填写", "客户签字:____"):  # NFKC
        assert expected in text, expected
