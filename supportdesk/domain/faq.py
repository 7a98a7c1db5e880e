"""The service manual (R2.2): entries, their revisions, the search text both databases match
the same way, highlighting, and the month's manual as a document."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache

from supportdesk.domain.errors import ValidationError
from supportdesk.domain.registry import limited, month_bounds, required


class FaqState(StrEnum):
    DRAFT = "draft"
    REVIEW = "review"  # submitted, waiting for the group leader
    PUBLISHED = "published"


class Grouping(StrEnum):
    SYSTEM = "system"
    CATEGORY = "category"


# Rich text is Markdown (what QTextEdit reads and writes): diffs read as text, and both
# report writers draw it from the same blocks. Images point at attachments by SHA-256.
TEXT_FIELDS = ("symptom", "cause", "solution", "workaround")
MAX_TEXT = 100_000
MAX_TAGS = 20
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
IMAGE_SCHEME = "sha256:"
DEFAULT_CATEGORIES = ("应用", "数据库", "操作系统", "网络", "备份", "安全", "其他")


@dataclass(frozen=True, slots=True)
class FaqForm:
    question: str
    symptom: str = ""
    cause: str = ""
    solution: str = ""
    workaround: str = ""
    category: str = ""
    customer_id: int | None = None
    project_id: int | None = None
    system_id: int | None = None
    applies_version: str = ""  # the system's version(s) it applies to, free text
    tags: tuple[str, ...] = ()
    id: int | None = None
    version: int | None = None  # the row version the edit started from (stale saves fail)
    note: str = ""  # what this edit changed, in the editor's words (kept on the revision)


@dataclass(frozen=True, slots=True)
class AttachmentRow:
    sha256: str
    name: str
    size: int


@dataclass(frozen=True, slots=True)
class LinkRow:
    """Where an entry is used: kind "handover" (record = project id), later others."""

    kind: str
    record_id: int
    label: str
    linked_by: str
    linked_at: datetime


@dataclass(frozen=True, slots=True)
class FaqRow:
    id: int
    question: str
    state: FaqState
    category: str
    customer: str
    project: str
    system: str
    tags: tuple[str, ...]
    author: str
    reviewer: str
    updated_by: str
    updated_at: datetime
    published_revision: int | None
    version: int


@dataclass(frozen=True, slots=True)
class FaqDetail:
    row: FaqRow
    form: FaqForm  # the current content, ready to edit (id and version set)
    attachments: tuple[AttachmentRow, ...]
    links: tuple[LinkRow, ...]
    review_comment: str  # why the group leader returned it, until the next submit
    revision: int  # the newest revision's number


@dataclass(frozen=True, slots=True)
class RevisionRow:
    number: int
    at: datetime
    by: str
    action: str  # created, edited, restored, submitted, returned, published
    changed: tuple[str, ...]  # the fields this revision changed
    note: str


@dataclass(frozen=True, slots=True)
class SearchHit:
    row: FaqRow
    title_hit: bool  # every term is in the question or the tags: ranked first
    snippet: str
    spans: tuple[tuple[int, int], ...]  # highlighted [start, end) ranges in the snippet
    question_spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class SearchResult:
    terms: tuple[str, ...]
    total: int
    hits: tuple[SearchHit, ...]


@dataclass(frozen=True, slots=True)
class SearchFilter:
    customer_id: int | None = None
    system_id: int | None = None
    tag: str = ""
    state: FaqState | None = None


# --- validation ------------------------------------------------------------------------------


def tag_list(text: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Tags from "a, b；c" or a sequence of them: trimmed, de-duplicated, in order. A tag holds
    no space or separator, whichever way it was typed."""
    joined = text if isinstance(text, str) else ",".join(text)
    items = re.split(r"[,，;；、\s]+", joined)
    seen: dict[str, None] = {}
    for item in items:
        tag = item.strip()
        if tag:
            seen.setdefault(limited("tags", tag, 50), None)
    if len(seen) > MAX_TAGS:
        raise ValidationError("tags", "too_many", max=MAX_TAGS)
    return tuple(seen)


def clean(form: FaqForm) -> FaqForm:
    """The form as stored, or a ValidationError naming the first bad field."""
    question = required("question", form.question, 500)
    texts = {name: limited(name, getattr(form, name), MAX_TEXT) for name in TEXT_FIELDS}
    if not texts["solution"] and not texts["workaround"]:
        raise ValidationError("solution", "required")
    return FaqForm(
        question=question,
        category=limited("category", form.category, 50),
        customer_id=form.customer_id,
        project_id=form.project_id,
        system_id=form.system_id,
        applies_version=limited("applies_version", form.applies_version, 100),
        tags=tag_list(form.tags),
        id=form.id,
        version=form.version,
        note=limited("note", form.note, 500),
        **texts,
    )


def content(form: FaqForm) -> dict[str, object]:
    """What a revision keeps: every field an edit can change."""
    return {
        "question": form.question,
        "symptom": form.symptom,
        "cause": form.cause,
        "solution": form.solution,
        "workaround": form.workaround,
        "category": form.category,
        "customer_id": form.customer_id,
        "project_id": form.project_id,
        "system_id": form.system_id,
        "applies_version": form.applies_version,
        "tags": list(form.tags),
    }


def from_content(data: dict[str, object], *, id: int | None, version: int | None) -> FaqForm:
    def text(name: str) -> str:
        return str(data.get(name) or "")

    def ref(name: str) -> int | None:
        value = data.get(name)
        return int(str(value)) if value is not None else None

    tags = data.get("tags") or []
    return FaqForm(
        question=text("question"),
        symptom=text("symptom"),
        cause=text("cause"),
        solution=text("solution"),
        workaround=text("workaround"),
        category=text("category"),
        customer_id=ref("customer_id"),
        project_id=ref("project_id"),
        system_id=ref("system_id"),
        applies_version=text("applies_version"),
        tags=tuple(str(t) for t in tags) if isinstance(tags, list) else (),
        id=id,
        version=version,
    )


def changed_fields(old: dict[str, object], new: dict[str, object]) -> tuple[str, ...]:
    return tuple(name for name in new if old.get(name) != new.get(name))


@dataclass(frozen=True, slots=True)
class FieldDiff:
    field: str
    lines: tuple[str, ...]  # unified diff lines: " ", "-", "+" prefixed


def diff(old: dict[str, object], new: dict[str, object]) -> tuple[FieldDiff, ...]:
    """Line-by-line differences of two revisions' contents, field by field."""
    out = []
    for name in changed_fields(old, new):
        before, after = _lines(old.get(name)), _lines(new.get(name))
        lines = [
            line
            for line in difflib.unified_diff(before, after, lineterm="", n=2)
            if not line.startswith(("---", "+++", "@@"))
        ]
        out.append(FieldDiff(name, tuple(lines)))
    return tuple(out)


def _lines(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [", ".join(str(v) for v in value)]
    return str(value).splitlines()


# --- search text -----------------------------------------------------------------------------
# Both databases match a term as a substring of one canonical text: NFKC (full-width letters
# and digits become ASCII), lower case, every run of other characters one space. A query is
# split the same way, so punctuation never has to be escaped and "ＯＲＡ－０１５５５" finds
# "ora-01555" (the terms "ora" and "01555"). SQLite's trigram index answers terms of three
# or more characters; shorter ones (most Chinese words: "备份", "日志") go to a one-character
# index as a phrase; PostgreSQL's pg_trgm index answers LIKE for both.


@lru_cache(maxsize=8192)
def _fold(cluster: str) -> str:
    # casefold, not lower: "ς" is "σ" and "ß" is "ss" on both databases. A mark that NFKC
    # could not compose with its letter is dropped rather than splitting the word.
    folded = unicodedata.normalize("NFKC", cluster).casefold()
    return "".join(c if c.isalnum() else " " for c in folded if not unicodedata.combining(c))


def _clusters(text: str) -> list[tuple[int, str]]:
    """(index, characters): each letter with the combining marks that follow it, so that a
    decomposed "é" (e + U+0301) folds like the composed one."""
    found: list[tuple[int, str]] = []
    for index, char in enumerate(text):
        if found and unicodedata.combining(char):
            start, cluster = found[-1]
            found[-1] = (start, cluster + char)
        else:
            found.append((index, char))
    return found


def canonical(text: str) -> str:
    return " ".join("".join(_fold(c) for _i, c in _clusters(text)).split())


def terms(query: str) -> tuple[str, ...]:
    """The query's terms, in order, without repeats."""
    return tuple(dict.fromkeys(canonical(query).split()))


def title_text(question: str, tags: tuple[str, ...]) -> str:
    return canonical(" ".join((question, *tags)))


def body_text(form: FaqForm) -> str:
    parts = [plain(getattr(form, name)) for name in TEXT_FIELDS]
    return canonical(" ".join((*parts, form.category, form.applies_version)))


def unigrams(text: str) -> str:
    """A canonical text as one token per character for the short-term index; "_" stands for
    a word boundary so that a phrase never matches across one."""
    return " ".join("_" if c == " " else c for c in text)


def find(text: str, query_terms: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """Where the terms occur in `text` (original characters), merged and sorted."""
    if not query_terms:
        return ()
    quick = unicodedata.normalize("NFKC", text).casefold()
    if len(quick) == len(text) and not any(unicodedata.combining(c) for c in quick):
        # Most text (Chinese with its full-width punctuation, ASCII) folds one character to
        # one: positions carry over, no mapping needed. (Highlighting only: what matches is
        # decided by the database.) Terms hold no punctuation, so they match across it
        # neither here nor in canonical().
        return _merged(
            (at, at + len(term)) for term in query_terms for at in _occurrences(quick, term)
        )
    folded: list[str] = []
    origin: list[tuple[int, int]] = []  # the [start, end) in `text` each folded char came from
    clusters = _clusters(text)
    for number, (index, cluster) in enumerate(clusters):
        end = clusters[number + 1][0] if number + 1 < len(clusters) else len(text)
        for c in _fold(cluster):
            folded.append(c)
            origin.append((index, end))
    flat = "".join(folded)
    return _merged(
        (origin[at][0], origin[at + len(term) - 1][1])
        for term in query_terms
        for at in _occurrences(flat, term)
    )


def _occurrences(text: str, term: str) -> Iterator[int]:
    start = text.find(term)
    while start >= 0:
        yield start
        start = text.find(term, start + 1)


def _merged(spans: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def snippet(
    text: str, query_terms: tuple[str, ...], width: int = 120
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """About `width` characters around the first match, with the matches inside it. The
    match is looked for with str.find first; folding character by character (find) is slow
    on a long text, so it runs over the window only, unless the quick look found nothing."""
    flat = " ".join(text.split())
    folded = flat.casefold()
    quick = [at for at in (folded.find(t) for t in query_terms) if at >= 0]
    if len(folded) == len(flat) and quick:  # positions carry over (no "ß" -> "ss")
        first = min(quick)
    else:
        spans = find(flat, query_terms)
        first = spans[0][0] if spans else 0
    start = max(0, first - width // 3)
    end = min(len(flat), start + width)
    piece = flat[start:end]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(flat) else ""
    inside = tuple((s + len(prefix), e + len(prefix)) for s, e in find(piece, query_terms))
    return prefix + piece + suffix, inside


# --- rich text -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Block:
    kind: str  # "p" paragraph, "code", "image" (text = caption, sha256 = attachment)
    text: str
    sha256: str = ""


_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?" + IMAGE_SCHEME + r"([0-9a-f]{64})>?[^)]*\)")
# CommonMark's inline rules, as far as a printed manual needs them: a backslash escapes ASCII
# punctuation (Qt's toMarkdown writes "a\*b", "2024\." and "\#"), code spans are verbatim,
# "_" emphasises only at word edges (so "log_min_duration" keeps its underscores), "*" only
# around text that does not start or end with a space (so "SELECT * FROM" keeps its star).
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_STARS = re.compile(r"(\*\*|\*)(?=\S)(.+?)(?<=\S)\1")
_UNDERSCORES = re.compile(r"(?<![\w_])(__|_)(?=\S)(.+?)(?<=\S)\1(?![\w_])")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKER = re.compile(r"^\s{0,3}(?:(#{1,6})\s+|([-*+])\s+|(\d+[.)])\s+|>\s?)")
_KEPT = re.compile("\ue000(\\d+)\ue001")


def blocks(markdown: str) -> tuple[Block, ...]:
    """The Markdown a user wrote as paragraphs, code blocks and images, for the reports."""
    out: list[Block] = []
    para: list[tuple[str, bool]] = []  # (text, a list item or heading: keeps its own line)
    code: list[str] | None = None

    def flush() -> None:
        if para:
            own_lines = any(item for _text, item in para)
            out.append(Block("p", ("\n" if own_lines else " ").join(t for t, _ in para)))
            para.clear()

    for raw in markdown.splitlines():
        line = raw.rstrip()
        if line.lstrip().startswith("```"):
            if code is None:
                flush()
                code = []
            else:
                out.append(Block("code", "\n".join(code)))
                code = None
            continue
        if code is not None:
            code.append(raw)
            continue
        if not line.strip():
            flush()
            continue
        pos = 0
        for match in _IMAGE.finditer(line):
            before = line[pos : match.start()].strip()
            if before:
                para.append(_inline(before))
            flush()
            out.append(Block("image", match.group(1).strip(), match.group(2)))
            pos = match.end()
        rest = line[pos:].strip()
        if rest:
            para.append(_inline(rest))
    if code is not None:
        out.append(Block("code", "\n".join(code)))
    flush()
    return tuple(out)


def _inline(line: str) -> tuple[str, bool]:
    """A line's words without markup, and whether it is a list item or a heading."""
    kept: list[str] = []

    def keep(text: str) -> str:
        kept.append(text)
        return f"\ue000{len(kept) - 1}\ue001"

    line = _CODE_SPAN.sub(lambda m: keep(m.group(2).strip()), line)
    line = _ESCAPE.sub(lambda m: keep(m.group(1)), line)
    item = False
    marker = _MARKER.match(line)
    if marker:
        item = bool(marker.group(1) or marker.group(2) or marker.group(3))
        prefix = "• " if marker.group(2) else f"{marker.group(3)} " if marker.group(3) else ""
        line = prefix + line[marker.end() :]
    line = _LINK.sub(r"\1", line)
    for _ in range(2):  # ***both*** and nested emphasis
        line = _STARS.sub(r"\2", line)
        line = _UNDERSCORES.sub(r"\2", line)
    return _KEPT.sub(lambda m: kept[int(m.group(1))], line), item


def plain(markdown: str) -> str:
    """The words of a rich text (for search and diffs): no markup, images by caption."""
    return "\n".join(b.text for b in blocks(markdown))


def images(markdown: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.group(2) for m in _IMAGE.finditer(markdown)))


# --- the month's manual (R2.2) --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ManualEntry:
    id: int
    revision: int
    question: str
    category: str
    customer: str
    project: str
    system: str
    applies_version: str
    tags: tuple[str, ...]
    symptom: tuple[Block, ...]
    cause: tuple[Block, ...]
    solution: tuple[Block, ...]
    workaround: tuple[Block, ...]
    author: str
    reviewer: str
    published_at: datetime | None
    change: str = ""  # in the changes document: "new" or "revised"


@dataclass(frozen=True, slots=True)
class ManualSection:
    title: str  # a system ("customer / project / system") or a category
    entries: tuple[ManualEntry, ...]


@dataclass(frozen=True, slots=True)
class ManualDocument:
    """The published manual as of a month's end, or only what changed in that month."""

    month: str  # YYYY-MM
    changes_only: bool
    grouping: Grouping
    generated_on: date
    sections: tuple[ManualSection, ...]
    images: dict[str, bytes] = field(default_factory=dict)  # sha256 -> image bytes

    @property
    def count(self) -> int:
        return sum(len(s.entries) for s in self.sections)


def file_name(month: str, changes_only: bool, extension: str) -> str:
    """The month-stamped Chinese name the document system keeps (one per month: a re-run
    replaces it)."""
    first, _ = month_bounds(month)
    what = "售后服务手册本月更新" if changes_only else "售后服务手册"
    return f"{what}_{first.year}年{first.month:02d}月.{extension}"


DOCUMENTS = ("manual", "changes")  # the whole manual, and this month's changes
FORMATS = ("docx", "pdf")


@dataclass(frozen=True, slots=True)
class UploadRow:
    month: str
    document: str  # manual or changes
    format: str
    target: str
    file_name: str
    ok: bool
    attempts: int
    error: str  # the UploadError's reason (and HTTP status), empty when it went through
    entries: int
    sha256: str
    at: datetime
    by: str


def month_of_upload(today: date) -> str:
    """R2.2: the month whose manual is due: the last one that ended. The job uploads it at
    the first run after month end, so what was published on its last evening is in it (a
    run missed then catches up on a later day)."""
    last = today.replace(day=1) - timedelta(days=1)
    return f"{last.year}-{last.month:02d}"
