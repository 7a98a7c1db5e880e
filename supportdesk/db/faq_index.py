"""The service manual's search in each database's own terms (R2.2). Both answer the same
question, which entries hold every term as a substring of their canonical search text
(domain.faq.canonical), and rank them the same way (all terms in the question or tags
first, then newer entries first), so a query finds the same entries in the same order on
either database:

- SQLite: FTS5 with the trigram tokenizer for terms of three or more characters, and for
  shorter ones ("备份", "日志", "io") a phrase of one-character tokens in a second FTS5
  table, since a trigram index cannot look up fewer than three characters. The FTS tables
  drive the queries in descending rowid order, so a page of hits costs the same whether a
  word is in ten entries or in eighty thousand;
- PostgreSQL: LIKE on the same columns, which pg_trgm's GIN indexes answer.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, func, or_, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from supportdesk.db.models import FaqEntry, FaqTag
from supportdesk.domain.faq import SearchFilter, unigrams

SHORT = 3  # the trigram index needs three characters


def sqlite_unigrams(value: str | None) -> str:
    return unigrams(value or "")


def ranked(
    session: Session, terms: list[str], filters: SearchFilter, limit: int
) -> tuple[list[tuple[int, bool]], int]:
    """A page of (entry id, all terms in the title) for the terms, best first, and how many
    entries match in all."""
    if not terms:
        return [], 0
    sqlite = session.get_bind().dialect.name == "sqlite"
    ids, count = (_sqlite_ids, _sqlite_count) if sqlite else (_like_ids, _like_count)
    titled = ids(session, terms, filters, True, limit)
    hits = [(i, True) for i in titled]
    if len(titled) < limit:
        # The title tier is short here, so the next page of all matches, less those,
        # fills the page exactly.
        seen = set(titled)
        more = ids(session, terms, filters, False, limit + len(titled))
        hits += [(i, False) for i in more if i not in seen][: limit - len(titled)]
    return hits, count(session, terms, filters)


# --- SQLite ----------------------------------------------------------------------------------


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _sqlite_query(
    terms: list[str], filters: SearchFilter, title_only: bool
) -> tuple[str, list[str], dict[str, Any]]:
    """The FTS table that drives the query, its conditions, and their parameters."""
    long_terms = [t for t in terms if len(t) >= SHORT]
    short_terms = [t for t in terms if len(t) < SHORT]
    params: dict[str, Any] = {}
    tables = []
    if long_terms:
        column = "search_title : " if title_only else ""
        params["tri"] = " AND ".join(column + _phrase(t) for t in long_terms)
        tables.append(("faq_fts_tri", "tri"))
    if short_terms:
        column = "title : " if title_only else ""
        params["uni"] = " AND ".join(column + _phrase(unigrams(t)) for t in short_terms)
        tables.append(("faq_fts_uni", "uni"))
    driver, key = tables[0]
    conditions = [f"{driver} MATCH :{key}"]
    # "+rowid": the other sets are built once and probed; a bare rowid IN (...) is handed to
    # the FTS table as one rowid lookup (and one MATCH) per member, a thousand times slower.
    for table, other in tables[1:]:
        conditions.append(f"+rowid IN (SELECT rowid FROM {table} WHERE {table} MATCH :{other})")
    for name, value in (
        ("customer_id", filters.customer_id),
        ("system_id", filters.system_id),
        ("state", filters.state.value if filters.state else None),
    ):
        if value is not None:
            conditions.append(f"+rowid IN (SELECT id FROM faq_entry WHERE {name} = :{name})")
            params[name] = value
    if filters.tag.strip():
        conditions.append("+rowid IN (SELECT entry_id FROM faq_tag WHERE tag = :tag)")
        params["tag"] = filters.tag.strip()
    return driver, conditions, params


def _sqlite_ids(
    session: Session, terms: list[str], filters: SearchFilter, title_only: bool, limit: int
) -> list[int]:
    driver, conditions, params = _sqlite_query(terms, filters, title_only)
    sql = (
        f"SELECT rowid FROM {driver} WHERE {' AND '.join(conditions)} "
        "ORDER BY rowid DESC LIMIT :limit"
    )
    return list(session.scalars(text(sql), {**params, "limit": limit}))


def _sqlite_count(session: Session, terms: list[str], filters: SearchFilter) -> int:
    driver, conditions, params = _sqlite_query(terms, filters, False)
    sql = f"SELECT count(*) FROM {driver} WHERE {' AND '.join(conditions)}"
    return int(session.scalar(text(sql), params) or 0)


# --- PostgreSQL ------------------------------------------------------------------------------


def _like_conditions(
    terms: list[str], filters: SearchFilter, title_only: bool
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    for term in terms:
        pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        title = FaqEntry.search_title.like(pattern, escape="\\")
        conditions.append(
            title if title_only else or_(title, FaqEntry.search_body.like(pattern, escape="\\"))
        )
    if filters.customer_id is not None:
        conditions.append(FaqEntry.customer_id == filters.customer_id)
    if filters.system_id is not None:
        conditions.append(FaqEntry.system_id == filters.system_id)
    if filters.state is not None:
        conditions.append(FaqEntry.state == filters.state)
    if filters.tag:
        conditions.append(FaqEntry.id.in_(select(FaqTag.entry_id).where(FaqTag.tag == filters.tag)))
    return conditions


def _like_ids(
    session: Session, terms: list[str], filters: SearchFilter, title_only: bool, limit: int
) -> list[int]:
    query = (
        select(FaqEntry.id)
        .where(and_(*_like_conditions(terms, filters, title_only)))
        .order_by(FaqEntry.id.desc())
        .limit(limit)
    )
    return list(session.scalars(query))


def _like_count(session: Session, terms: list[str], filters: SearchFilter) -> int:
    query = select(func.count()).where(and_(*_like_conditions(terms, filters, False)))
    return int(session.scalar(query.select_from(FaqEntry)) or 0)
