"""The service manual's text rules (issue 9): Markdown as the reports print it, the canonical
search text both databases match, highlighting, snippets and tags."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from supportdesk.domain.errors import ValidationError
from supportdesk.domain.faq import blocks, canonical, find, snippet, tag_list, terms


@pytest.mark.parametrize(
    ("markdown", "printed"),
    [
        # What Qt's toMarkdown writes for text typed in the editor, and plain handover text.
        ("set max_connections and log_min_duration", "set max_connections and log_min_duration"),
        ("SELECT \\* FROM t WHERE a\\*b > 1", "SELECT * FROM t WHERE a*b > 1"),
        ("SELECT * FROM t WHERE a*b > 1", "SELECT * FROM t WHERE a*b > 1"),
        ("C:\\\\my_dir\\\\my_file.txt", "C:\\my_dir\\my_file.txt"),
        ("\\# 不是标题", "# 不是标题"),
        ("2024\\. 年度总结", "2024. 年度总结"),
        ("执行 reset_all_users.sh 即可", "执行 reset_all_users.sh 即可"),
        ("**加粗**、*强调*与 _下划线_ 文本", "加粗、强调与 下划线 文本"),
        ("用 `a_b*c --force` 命令", "用 a_b*c --force 命令"),
        ("见[内部文档](http://wiki/x)", "见内部文档"),
        ("# 标题", "标题"),
        ("1. 清理日志\n2. 重启服务", "1. 清理日志\n2. 重启服务"),
        ("- 甲\n- 乙", "• 甲\n• 乙"),
        ("第一行\n第二行", "第一行 第二行"),
    ],
)
def test_markdown_prints_as_written(markdown: str, printed: str) -> None:
    (block,) = blocks(markdown)
    assert (block.kind, block.text) == ("p", printed)


def test_code_blocks_and_images_stay_apart_and_verbatim() -> None:
    sha = "a" * 64
    found = blocks(f"步骤：\n\n```\nrm -rf /tmp/a_b*\n```\n\n![截图](sha256:{sha})\n之后")
    assert [(b.kind, b.text, b.sha256) for b in found] == [
        ("p", "步骤：", ""),
        ("code", "rm -rf /tmp/a_b*", ""),
        ("image", "截图", sha),
        ("p", "之后", ""),
    ]


def test_the_canonical_text_folds_what_both_databases_must_treat_alike() -> None:
    assert canonical("ＯＲＡ－０１５５５：快照过旧") == "ora 01555 快照过旧"
    assert canonical("ΟΔΟΣ ς") == "οδοσ σ"  # final sigma: casefold, as SQLite's tokenizer
    assert canonical("e\u0301cole") == canonical("école") == "école"  # decomposed or not
    assert canonical("Straße") == "strasse"
    assert terms("备份，备份 日志!") == ("备份", "日志")


def test_highlights_land_on_the_original_characters() -> None:
    text = "Die e\u0301cole: ＳＳＨ（端口 22）备份"
    spans = find(text, terms("école ssh 备份 22"))
    assert [text[a:b] for a, b in spans] == ["e\u0301cole", "ＳＳＨ", "22", "备份"]


@given(
    st.text(alphabet="备份日志ab ，。ＡＢ-é\u0301", max_size=60),
    st.sampled_from(["备份", "日志", "ab", "é"]),
)
def test_every_highlight_is_a_match_and_every_match_is_highlighted(text: str, term: str) -> None:
    spans = find(text, (term,))
    for start, end in spans:
        assert term in canonical(text[start:end])
    assert bool(spans) == (term in canonical(text))  # what the databases match


def test_a_snippet_shows_the_first_match_with_its_highlights() -> None:
    text = "开头" * 100 + " 磁盘空间不足导致备份失败 " + "结尾" * 100
    piece, spans = snippet(text, ("备份",))
    assert piece.startswith("…")
    assert piece.endswith("…")
    assert [piece[a:b] for a, b in spans] == ["备份"]


def test_tags_are_split_however_they_were_typed() -> None:
    assert tag_list("备份, 磁盘；日志、oracle linux") == ("备份", "磁盘", "日志", "oracle", "linux")
    assert tag_list(("备份 磁盘", "备份")) == ("备份", "磁盘")
    with pytest.raises(ValidationError) as caught:
        tag_list(",".join(f"t{n}" for n in range(21)))
    assert caught.value.field == "tags"
