"""The service manual's search in each database's own terms (R2.2). Both answer the same
question, which entries hold every term as a substring of their canonical search text
(domain.faq.canonical), so the same query finds the same entries on either database:

- SQLite: FTS5 with the trigram tokenizer for terms of three or more characters, and for
  shorter ones ("备份", "日志", "io") a phrase of one-character tokens in a second FTS5
  table, since a trigram index cannot look up fewer than three characters;
- PostgreSQL: LIKE on the same columns, which pg_trgm's GIN indexes answer.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import and_, or_, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from supportdesk.db.models import FaqEntry
from supportdesk.domain.faq import unigrams

SHORT = 3  # the trigram index needs three characters


def sqlite_unigrams(value: str | None) -> str:
    return unigrams(value or "")


def matching(session: Session, terms: Iterable[str], *, title_only: bool = False) -> set[int]:
    """The ids of the entries whose title (or title or body) holds every term."""
    wanted = [t for t in terms if t]
    if not wanted:
        return set()
    if session.get_bind().dialect.name == "sqlite":
        return _sqlite(session, wanted, title_only)
    return _like(session, wanted, title_only)


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _sqlite(session: Session, terms: list[str], title_only: bool) -> set[int]:
    found: set[int] | None = None
    long_terms = [t for t in terms if len(t) >= SHORT]
    short_terms = [t for t in terms if len(t) < SHORT]
    if long_terms:
        column = "search_title : " if title_only else ""
        query = " AND ".join(column + _phrase(t) for t in long_terms)
        found = _ids(session, "SELECT rowid FROM faq_fts_tri WHERE faq_fts_tri MATCH :q", query)
    if short_terms and (found is None or found):
        column = "title : " if title_only else ""
        query = " AND ".join(column + _phrase(unigrams(t)) for t in short_terms)
        short = _ids(session, "SELECT rowid FROM faq_fts_uni WHERE faq_fts_uni MATCH :q", query)
        found = short if found is None else found & short
    return found or set()


def _ids(session: Session, sql: str, query: str) -> set[int]:
    return set(session.scalars(text(sql), {"q": query}))


def _like(session: Session, terms: list[str], title_only: bool) -> set[int]:
    conditions: list[ColumnElement[bool]] = []
    for term in terms:
        pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        title = FaqEntry.search_title.like(pattern, escape="\\")
        conditions.append(
            title if title_only else or_(title, FaqEntry.search_body.like(pattern, escape="\\"))
        )
    return set(session.scalars(select(FaqEntry.id).where(and_(*conditions))))


def rebuild(session: Session) -> None:
    """Fill SQLite's search tables again from the entries (after a restore by hand, say);
    PostgreSQL's indexes need nothing."""
    if session.get_bind().dialect.name != "sqlite":
        return
    session.execute(text("INSERT INTO faq_fts_tri(faq_fts_tri) VALUES ('rebuild')"))
    session.execute(text("INSERT INTO faq_fts_uni(faq_fts_uni) VALUES ('delete-all')"))
    session.execute(
        text(
            "INSERT INTO faq_fts_uni(rowid, title, body) SELECT id, "
            "sd_unigrams(search_title), sd_unigrams(search_body) FROM faq_entry"
        )
    )
