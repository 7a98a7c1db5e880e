"""The service manual (issue 9, R2.2): entries with every revision kept, review and
publication by the group leader, search that works for Chinese on both databases, links
from other records, and the manual of a month as a document."""

from __future__ import annotations

import hashlib
import logging
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, load_only
from sqlalchemy.orm.exc import StaleDataError

from supportdesk.db import audit, evidence, faq_index
from supportdesk.db.models import (
    Customer,
    Evidence,
    FaqAttachment,
    FaqEntry,
    FaqLink,
    FaqRevision,
    FaqTag,
    FaqUpload,
    FaqUploadClaim,
    HandoverFaq,
    Project,
    System,
)
from supportdesk.domain.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    UploadError,
    ValidationError,
)
from supportdesk.domain.faq import (
    DOCUMENTS,
    FORMATS,
    MAX_ATTACHMENT_BYTES,
    AttachmentRow,
    FaqDetail,
    FaqForm,
    FaqRow,
    FaqState,
    FieldDiff,
    Grouping,
    LinkRow,
    ManualDocument,
    ManualEntry,
    ManualSection,
    RevisionRow,
    SearchFilter,
    SearchHit,
    SearchResult,
    UploadRow,
    blocks,
    body_text,
    changed_fields,
    clean,
    content,
    diff,
    file_name,
    find,
    from_content,
    images,
    month_of_upload,
    plain,
    snippet,
    terms,
    title_text,
)
from supportdesk.domain.ports import UnitOfWork, Uploader
from supportdesk.domain.registry import limited, local_midnight, month_bounds
from supportdesk.domain.roles import Permission, Role, allows
from supportdesk.reports import faq_manual
from supportdesk.services.registry import load_for_update
from supportdesk.services.users import require

log = logging.getLogger(__name__)

LINK_KINDS = ("handover",)  # later: change, inspection, …
SEARCH_LIMIT = 50


# --- reading ---------------------------------------------------------------------------------


def _names(session: Session, entries: Iterable[FaqEntry | _Refs]) -> dict[str, dict[int, str]]:
    wanted: dict[str, set[int]] = {"customer": set(), "project": set(), "system": set()}
    for e in entries:
        for kind, ids in wanted.items():
            ref = getattr(e, f"{kind}_id")
            if ref is not None:
                ids.add(ref)
    names: dict[str, dict[int, str]] = {}
    for kind, model in (("customer", Customer), ("project", Project), ("system", System)):
        query = select(model.id, model.name).where(model.id.in_(wanted[kind]))
        names[kind] = {int(key): str(name) for key, name in session.execute(query)}
    return names


def _tags(session: Session, ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
    found: dict[int, list[str]] = {}
    id_list = list(ids)
    if id_list:
        query = select(FaqTag.entry_id, FaqTag.tag).where(FaqTag.entry_id.in_(id_list))
        for entry_id, tag in session.execute(query.order_by(FaqTag.entry_id, FaqTag.tag)):
            found.setdefault(entry_id, []).append(tag)
    return {k: tuple(v) for k, v in found.items()}


# What a FaqRow needs: a long list loads these, not the entries' texts.
_ROW_COLUMNS = (
    FaqEntry.id,
    FaqEntry.question,
    FaqEntry.state,
    FaqEntry.category,
    FaqEntry.customer_id,
    FaqEntry.project_id,
    FaqEntry.system_id,
    FaqEntry.author,
    FaqEntry.reviewer,
    FaqEntry.updated_by,
    FaqEntry.updated_at,
    FaqEntry.published_revision,
    FaqEntry.version,
)


def _rows(session: Session, entries: Sequence[FaqEntry]) -> list[FaqRow]:
    names = _names(session, entries)
    tags = _tags(session, (e.id for e in entries))
    return [
        FaqRow(
            id=e.id,
            question=e.question,
            state=FaqState(e.state),
            category=e.category,
            customer=names["customer"].get(e.customer_id or 0, ""),
            project=names["project"].get(e.project_id or 0, ""),
            system=names["system"].get(e.system_id or 0, ""),
            tags=tags.get(e.id, ()),
            author=e.author,
            reviewer=e.reviewer,
            updated_by=e.updated_by,
            updated_at=e.updated_at,
            published_revision=e.published_revision,
            version=e.version,
        )
        for e in entries
    ]


def _filtered(filt: SearchFilter | None) -> Any:
    query = select(FaqEntry)
    if filt is None:
        return query
    if filt.customer_id is not None:
        query = query.where(FaqEntry.customer_id == filt.customer_id)
    if filt.system_id is not None:
        query = query.where(FaqEntry.system_id == filt.system_id)
    if filt.state is not None:
        query = query.where(FaqEntry.state == filt.state.value)
    if filt.tag:
        query = query.where(
            FaqEntry.id.in_(select(FaqTag.entry_id).where(FaqTag.tag == filt.tag.strip()))
        )
    return query


def entries(
    session: Session, filt: SearchFilter | None = None, *, limit: int | None = None
) -> list[FaqRow]:
    """Entries, the most recently changed first (the list before anything is searched)."""
    query = (
        _filtered(filt)
        .options(load_only(*_ROW_COLUMNS))
        .order_by(FaqEntry.updated_at.desc(), FaqEntry.id.desc())
    )
    if limit is not None:
        query = query.limit(limit)
    return _rows(session, list(session.scalars(query)))


def tags(session: Session) -> list[str]:
    return list(session.scalars(select(FaqTag.tag).distinct().order_by(FaqTag.tag)))


def _load(session: Session, entry_id: int) -> FaqEntry:
    found = session.get(FaqEntry, entry_id)
    if found is None:
        raise NotFoundError("faq_entry", entry_id)
    return found


def _form(e: FaqEntry, tag_list: tuple[str, ...]) -> FaqForm:
    return FaqForm(
        question=e.question,
        symptom=e.symptom,
        cause=e.cause,
        solution=e.solution,
        workaround=e.workaround,
        category=e.category,
        customer_id=e.customer_id,
        project_id=e.project_id,
        system_id=e.system_id,
        applies_version=e.applies_version,
        tags=tag_list,
        id=e.id,
        version=e.version,
    )


def entry(session: Session, entry_id: int) -> FaqDetail:
    e = _load(session, entry_id)
    row = _rows(session, [e])[0]
    attachments = session.scalars(
        select(FaqAttachment)
        .where(FaqAttachment.entry_id == entry_id)
        .order_by(FaqAttachment.added_at, FaqAttachment.name)
    )
    return FaqDetail(
        row=row,
        form=_form(e, row.tags),
        attachments=tuple(AttachmentRow(a.sha256, a.name, a.size) for a in attachments),
        links=tuple(links(session, entry_id)),
        review_comment=e.review_comment,
        revision=e.revision,
    )


# --- writing ---------------------------------------------------------------------------------


def _check_refs(session: Session, form: FaqForm) -> FaqForm:
    """The applies-to customer, project and system exist and belong together; the project
    and customer follow from the system when only that was given."""
    customer_id, project_id = form.customer_id, form.project_id
    if form.system_id is not None:
        system = session.get(System, form.system_id)
        if system is None:
            raise ValidationError("system_id", "not_found", value=str(form.system_id))
        if project_id not in (None, system.project_id):
            raise ValidationError("system_id", "bad_value", value=str(form.system_id))
        project_id = system.project_id
    if project_id is not None:
        project = session.get(Project, project_id)
        if project is None:
            raise ValidationError("project_id", "not_found", value=str(project_id))
        if customer_id not in (None, project.customer_id):
            raise ValidationError("project_id", "bad_value", value=str(project_id))
        customer_id = project.customer_id
    if customer_id is not None and session.get(Customer, customer_id) is None:
        raise ValidationError("customer_id", "not_found", value=str(customer_id))
    return replace(form, customer_id=customer_id, project_id=project_id)


def _revise(
    session: Session,
    e: FaqEntry,
    action: str,
    actor: str,
    now: datetime,
    changed: Sequence[str] = (),
    note: str = "",
) -> None:
    e.revision = (e.revision or 0) + 1 if e.id is not None else 1
    session.add(
        FaqRevision(
            entry_id=e.id,
            number=e.revision,
            at=now,
            by=actor,
            action=action,
            changed=list(changed),
            note=note,
            content=content(_form(e, _current_tags(session, e.id))),
        )
    )


def _current_tags(session: Session, entry_id: int) -> tuple[str, ...]:
    return _tags(session, [entry_id]).get(entry_id, ())


def _apply(session: Session, e: FaqEntry, form: FaqForm) -> None:
    for name in ("question", "symptom", "cause", "solution", "workaround", "category"):
        setattr(e, name, getattr(form, name))
    e.customer_id, e.project_id, e.system_id = form.customer_id, form.project_id, form.system_id
    e.applies_version = form.applies_version
    e.search_title = title_text(form.question, form.tags)
    e.search_body = body_text(form)
    if e.id is not None:
        session.execute(delete(FaqTag).where(FaqTag.entry_id == e.id))
        session.add_all(FaqTag(entry_id=e.id, tag=t) for t in form.tags)


def save(session: Session, form: FaqForm, *, action: str = "edited") -> FaqDetail:
    """A new entry (a draft) or an edit: every save is a revision. An edit of a published
    entry is a new draft; the manual keeps printing the published revision until the group
    leader publishes the new one."""
    actor = require(session, Permission.FAQ_EDIT).login
    form = _check_refs(session, clean(form))
    now = datetime.now(UTC)
    if form.id is None:
        e = FaqEntry(author=actor, state=FaqState.DRAFT.value, revision=0, updated_by=actor)
        e.updated_at = now
        _apply(session, e, form)
        session.add(e)
        session.flush()
        session.add_all(FaqTag(entry_id=e.id, tag=t) for t in form.tags)
        session.flush()
        e.revision = 0
        _revise(session, e, "created", actor, now, tuple(content(form)), form.note)
    else:
        e = load_for_update(session, FaqEntry, "faq_entry", form.id, form.version)
        before = content(_form(e, _current_tags(session, e.id)))
        changed = changed_fields(before, content(form))
        if not changed:
            return entry(session, e.id)  # nothing to keep: no empty revision
        _apply(session, e, form)
        if e.state != FaqState.DRAFT.value:
            e.state = FaqState.DRAFT.value  # R2.2: what is published has been reviewed
        e.updated_by, e.updated_at = actor, now
        session.flush()
        _revise(session, e, action, actor, now, changed, form.note)
    _flush(session, e.id)
    return entry(session, e.id)


def _flush(session: Session, entry_id: int | None) -> None:
    try:
        session.flush()
    except StaleDataError:
        raise ConflictError("faq_entry", entry_id, None) from None


def _step(
    session: Session,
    entry_id: int,
    version: int | None,
    permission: Permission,
    came_from: tuple[FaqState, ...],
    to: FaqState,
    action: str,
    note: str = "",
) -> FaqDetail:
    actor = require(session, permission).login
    e = load_for_update(session, FaqEntry, "faq_entry", entry_id, version)
    if FaqState(e.state) not in came_from:
        raise ValidationError("state", "bad_transition", value=to.value, current=e.state)
    now = datetime.now(UTC)
    e.state = to.value
    e.updated_by, e.updated_at = actor, now
    if to is FaqState.PUBLISHED:
        e.reviewer, e.review_comment = actor, ""
    elif action == "returned":
        e.review_comment = note
    elif action == "submitted":
        e.review_comment = ""
    session.flush()
    _revise(session, e, action, actor, now, (), note)
    if to is FaqState.PUBLISHED:
        e.published_revision = e.revision
    _flush(session, e.id)
    if action in {"published", "returned"}:
        audit.append(
            session, f"faq.{action}", f"faq_entry:{e.id}", {"revision": e.revision, "note": note}
        )
    return entry(session, e.id)


def submit(session: Session, entry_id: int, version: int | None) -> FaqDetail:
    """The author asks the group leader to review a draft."""
    return _step(
        session,
        entry_id,
        version,
        Permission.FAQ_EDIT,
        (FaqState.DRAFT,),
        FaqState.REVIEW,
        "submitted",
    )


def publish(session: Session, entry_id: int, version: int | None) -> FaqDetail:
    """The group leader approves: this revision is what the manual prints from now on."""
    return _step(
        session,
        entry_id,
        version,
        Permission.FAQ_PUBLISH,
        (FaqState.REVIEW,),
        FaqState.PUBLISHED,
        "published",
    )


def return_to_draft(
    session: Session, entry_id: int, version: int | None, comment: str
) -> FaqDetail:
    """The group leader sends a submitted entry back, saying why."""
    comment = limited("comment", comment, 2000)
    if not comment:
        raise ValidationError("comment", "required")
    return _step(
        session,
        entry_id,
        version,
        Permission.FAQ_PUBLISH,
        (FaqState.REVIEW,),
        FaqState.DRAFT,
        "returned",
        comment,
    )


def delete_entry(session: Session, entry_id: int, version: int | None) -> None:
    """Only an entry that was never published may go (the manual's history keeps the rest),
    by its author or the group leader, and not while the group leader reviews it."""
    user = require(session, Permission.FAQ_EDIT)
    e = load_for_update(session, FaqEntry, "faq_entry", entry_id, version)
    if e.published_revision is not None:
        raise ValidationError("state", "published_kept")
    if e.state == FaqState.REVIEW.value:
        raise ValidationError("state", "in_review")
    if e.author != user.login and not allows(Role(user.role), Permission.FAQ_PUBLISH):
        raise PermissionDeniedError(user.login, Permission.FAQ_PUBLISH)
    audit.append(session, "faq.delete", f"faq_entry:{e.id}", {"question": e.question})
    session.delete(e)
    session.flush()


# --- revisions -------------------------------------------------------------------------------


def revisions(session: Session, entry_id: int) -> list[RevisionRow]:
    _load(session, entry_id)
    query = (
        select(FaqRevision)
        .where(FaqRevision.entry_id == entry_id)
        .order_by(FaqRevision.number.desc())
    )
    return [
        RevisionRow(r.number, r.at, r.by, r.action, tuple(r.changed or ()), r.note)
        for r in session.scalars(query)
    ]


def _revision(session: Session, entry_id: int, number: int) -> FaqRevision:
    found = session.scalars(
        select(FaqRevision).where(FaqRevision.entry_id == entry_id, FaqRevision.number == number)
    ).first()
    if found is None:
        raise NotFoundError("faq_revision", f"{entry_id}/{number}")
    return found


def revision_content(session: Session, entry_id: int, number: int) -> FaqForm:
    return from_content(_revision(session, entry_id, number).content, id=entry_id, version=None)


def revision_diff(session: Session, entry_id: int, old: int, new: int) -> tuple[FieldDiff, ...]:
    """What changed from revision `old` to revision `new`, field by field."""
    before = _revision(session, entry_id, old).content
    after = _revision(session, entry_id, new).content
    return diff(before, after)


def restore(session: Session, entry_id: int, number: int, version: int | None) -> FaqDetail:
    """Make an earlier revision's content the current one again, as a new revision (a
    draft to review, like any edit)."""
    old = revision_content(session, entry_id, number)
    e = _load(session, entry_id)
    form = replace(old, id=entry_id, version=version if version is not None else e.version)
    form = _still_valid_refs(session, replace(form, note=f"#{number}"))
    if not changed_fields(content(clean(form)), content(_form(e, _current_tags(session, e.id)))):
        raise ValidationError("revision", "same_as_current", value=number)
    restored = save(session, form, action="restored")
    audit.append(session, "faq.restore", f"faq_entry:{entry_id}", {"revision": number})
    return restored


def _still_valid_refs(session: Session, form: FaqForm) -> FaqForm:
    # A system deleted since that revision: the restored entry no longer names it.
    system = form.system_id if form.system_id and session.get(System, form.system_id) else None
    project = form.project_id if form.project_id and session.get(Project, form.project_id) else None
    customer = (
        form.customer_id if form.customer_id and session.get(Customer, form.customer_id) else None
    )
    return replace(form, system_id=system, project_id=project, customer_id=customer)


# --- attachments -----------------------------------------------------------------------------


def add_attachment(session: Session, entry_id: int, name: str, data: bytes) -> AttachmentRow:
    """A screenshot or script, stored once by SHA-256; Markdown shows an image with
    `![caption](sha256:<hash>)`."""
    actor = require(session, Permission.FAQ_EDIT).login
    _load(session, entry_id)
    name = limited("name", name.replace("\\", "/").rsplit("/", 1)[-1], 255)
    if not name:
        raise ValidationError("name", "required")
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise ValidationError("file", "too_large", max=MAX_ATTACHMENT_BYTES, size=len(data))
    digest = evidence.put(session, data)
    if session.get(FaqAttachment, (entry_id, digest)) is None:
        session.add(
            FaqAttachment(
                entry_id=entry_id,
                sha256=digest,
                name=name,
                size=len(data),
                added_by=actor,
                added_at=datetime.now(UTC),
            )
        )
        session.flush()
    return AttachmentRow(digest, name, len(data))


def attachment_data(session: Session, sha256: str) -> bytes:
    return evidence.get(session, sha256)


def remove_attachment(session: Session, entry_id: int, sha256: str) -> None:
    require(session, Permission.FAQ_EDIT)
    found = session.get(FaqAttachment, (entry_id, sha256))
    if found is None:
        raise NotFoundError("faq_attachment", sha256)
    session.delete(found)
    session.flush()


# --- links -----------------------------------------------------------------------------------


def _link_label(session: Session, kind: str, record_id: int) -> str:
    if kind == "handover":
        found = session.execute(
            select(Customer.name, Project.name)
            .join(Project, Project.customer_id == Customer.id)
            .where(Project.id == record_id)
        ).first()
        return f"{found[0]} / {found[1]}" if found else f"#{record_id}"
    return f"#{record_id}"


def link(session: Session, entry_id: int, kind: str, record_id: int) -> LinkRow:
    """A record (a handover: record = project id) refers to an entry."""
    actor = require(session, Permission.FAQ_EDIT).login
    if kind not in LINK_KINDS:
        raise ValidationError("kind", "bad_value", value=kind)
    _load(session, entry_id)
    if kind == "handover" and session.get(Project, record_id) is None:
        raise NotFoundError("project", record_id)
    row = session.scalars(
        select(FaqLink).where(
            FaqLink.entry_id == entry_id, FaqLink.kind == kind, FaqLink.record_id == record_id
        )
    ).first()
    if row is None:
        row = FaqLink(
            entry_id=entry_id,
            kind=kind,
            record_id=record_id,
            linked_by=actor,
            linked_at=datetime.now(UTC),
        )
        session.add(row)
        session.flush()
    return LinkRow(
        kind, record_id, _link_label(session, kind, record_id), row.linked_by, row.linked_at
    )


def unlink(session: Session, entry_id: int, kind: str, record_id: int) -> None:
    require(session, Permission.FAQ_EDIT)
    session.execute(
        delete(FaqLink).where(
            FaqLink.entry_id == entry_id, FaqLink.kind == kind, FaqLink.record_id == record_id
        )
    )


def links(session: Session, entry_id: int) -> list[LinkRow]:
    """Where an entry is linked from."""
    query = select(FaqLink).where(FaqLink.entry_id == entry_id).order_by(FaqLink.linked_at)
    return [
        LinkRow(
            r.kind, r.record_id, _link_label(session, r.kind, r.record_id), r.linked_by, r.linked_at
        )
        for r in session.scalars(query)
    ]


def linked_from(session: Session, kind: str, record_id: int) -> list[FaqRow]:
    """The entries a record links to."""
    query = (
        select(FaqEntry)
        .join(FaqLink, FaqLink.entry_id == FaqEntry.id)
        .where(FaqLink.kind == kind, FaqLink.record_id == record_id)
        .order_by(FaqLink.linked_at, FaqEntry.id)
    )
    return _rows(session, list(session.scalars(query)))


def seed_from_handover(session: Session, project_id: int) -> list[int]:
    """The project's handover FAQ (R1.2 part 4) becomes draft manual entries, once each,
    linked to the handover and naming the project (R2.2)."""
    require(session, Permission.FAQ_EDIT)
    project = session.get(Project, project_id)
    if project is None:
        raise NotFoundError("project", project_id)
    taken = select(FaqEntry.handover_faq_id).where(FaqEntry.handover_faq_id.is_not(None))
    query = (
        select(HandoverFaq)
        .where(HandoverFaq.project_id == project_id, HandoverFaq.id.not_in(taken))
        .order_by(HandoverFaq.id)
    )
    made = []
    for faq in session.scalars(query).all():
        form = FaqForm(
            question=faq.question,
            solution=faq.answer,
            customer_id=project.customer_id,
            project_id=project_id,
            note="handover",
        )
        created = save(session, form, action="created")
        session.get(FaqEntry, created.row.id).handover_faq_id = faq.id  # type: ignore[union-attr]
        link(session, created.row.id, "handover", project_id)
        made.append(created.row.id)
    session.flush()
    return made


# --- search ----------------------------------------------------------------------------------


def search(
    session: Session,
    query: str,
    filt: SearchFilter | None = None,
    *,
    limit: int = SEARCH_LIMIT,
    snippets: bool = True,
) -> SearchResult:
    """Entries holding every term of the query, ranked: those with all terms in the question
    or tags first, then the rest; newer entries first within each. Both databases find the
    same entries in the same order (faq_index). Without `snippets` the entries' texts are
    not even read (the page's long list highlights the questions only)."""
    wanted = terms(query)
    if not wanted:
        return SearchResult((), 0, ())
    ranked, total = faq_index.ranked(session, list(wanted), filt or SearchFilter(), limit)
    page = [entry_id for entry_id, _ in ranked]
    titled = {entry_id for entry_id, title_hit in ranked if title_hit}
    rows_query = select(FaqEntry).where(FaqEntry.id.in_(page))
    if not snippets:
        rows_query = rows_query.options(load_only(*_ROW_COLUMNS))
    loaded = {e.id: e for e in session.scalars(rows_query)}
    rows = {r.id: r for r in _rows(session, [loaded[i] for i in page])}
    hits = []
    for entry_id in page:
        e = loaded[entry_id]
        piece, spans = snippet(_first_match_text(e, wanted), wanted) if snippets else ("", ())
        hits.append(
            SearchHit(
                row=rows[entry_id],
                title_hit=entry_id in titled,
                snippet=piece,
                spans=spans,
                question_spans=find(e.question, wanted),
            )
        )
    return SearchResult(wanted, total, tuple(hits))


def _first_match_text(e: FaqEntry, wanted: tuple[str, ...]) -> str:
    """The field to quote in a hit: the first that holds a term, else the symptom. Only that
    field's Markdown is turned into words: a page of 200 hits must not parse 800 texts."""
    raw = [e.symptom, e.solution, e.cause, e.workaround]
    for markdown in raw:
        folded = markdown.casefold()
        if any(t in folded for t in wanted):
            return plain(markdown)
    fields = [plain(markdown) for markdown in raw]
    for text in fields:  # full-width letters and the like: the slower, exact way
        if find(text, wanted):
            return text
    return fields[0] or fields[1]


# --- the month's manual (R2.2) --------------------------------------------------------------


def manual(
    session: Session,
    month: str,
    *,
    changes_only: bool = False,
    grouping: Grouping = Grouping.SYSTEM,
    today: date | None = None,
) -> ManualDocument:
    """The manual as it stood at the end of `month`: each entry's newest revision published
    before then. With `changes_only`, only entries first published (new) or published again
    (revised) within that month."""
    first, after = month_bounds(month)
    start, end = local_midnight(first), local_midnight(after)
    published = (
        select(FaqRevision.entry_id, func.max(FaqRevision.number).label("number"))
        .where(FaqRevision.action == "published", FaqRevision.at < end)
        .group_by(FaqRevision.entry_id)
        .subquery()
    )
    query = select(FaqRevision).join(
        published,
        (FaqRevision.entry_id == published.c.entry_id) & (FaqRevision.number == published.c.number),
    )
    if changes_only:
        query = query.where(FaqRevision.at >= start)
    revs = list(session.scalars(query))
    earlier: set[int] = set()
    if changes_only:
        ids = [r.entry_id for r in revs]
        if ids:
            earlier = set(
                session.scalars(
                    select(FaqRevision.entry_id).where(
                        FaqRevision.entry_id.in_(ids),
                        FaqRevision.action == "published",
                        FaqRevision.at < start,
                    )
                )
            )
    current = {
        e.id: e
        for e in session.scalars(
            select(FaqEntry).where(FaqEntry.id.in_([r.entry_id for r in revs]))
        )
    }
    forms = {r.entry_id: from_content(r.content, id=r.entry_id, version=None) for r in revs}
    names = _names(session, [_Refs(f) for f in forms.values()])
    entries_out: list[tuple[str, ManualEntry]] = []
    pictures: set[str] = set()
    for r in revs:
        f, e = forms[r.entry_id], current[r.entry_id]
        customer = names["customer"].get(f.customer_id or 0, "")
        project = names["project"].get(f.project_id or 0, "")
        system = names["system"].get(f.system_id or 0, "")
        for name in ("symptom", "cause", "solution", "workaround"):
            pictures.update(images(getattr(f, name)))
        made = ManualEntry(
            id=r.entry_id,
            revision=r.number,
            question=f.question,
            category=f.category,
            customer=customer,
            project=project,
            system=system,
            applies_version=f.applies_version,
            tags=f.tags,
            symptom=blocks(f.symptom),
            cause=blocks(f.cause),
            solution=blocks(f.solution),
            workaround=blocks(f.workaround),
            author=e.author,
            reviewer=r.by,
            published_at=r.at,
            change=("revised" if r.entry_id in earlier else "new") if changes_only else "",
        )
        if grouping is Grouping.SYSTEM:
            key = " / ".join(p for p in (customer, project, system) if p)
        else:
            key = f.category
        entries_out.append((key, made))
    sections: dict[str, list[ManualEntry]] = {}
    for key, made in sorted(entries_out, key=lambda kv: (kv[0] == "", kv[0], kv[1].id)):
        sections.setdefault(key, []).append(made)
    # From the evidence store, not the entry's attachments: a draft that dropped a picture
    # must not take it out of the revision that was published with it.
    known = set(session.scalars(select(Evidence.sha256).where(Evidence.sha256.in_(pictures))))
    return ManualDocument(
        month=month.strip(),
        changes_only=changes_only,
        grouping=grouping,
        generated_on=today or date.today(),
        sections=tuple(ManualSection(title, tuple(items)) for title, items in sections.items()),
        images={sha: evidence.get(session, sha) for sha in sorted(known)},
    )


class _Refs:
    """Lets _names read a revision's references like an entry's."""

    def __init__(self, form: FaqForm) -> None:
        self.customer_id, self.project_id, self.system_id = (
            form.customer_id,
            form.project_id,
            form.system_id,
        )


# --- month-end export and upload (R2.2) ------------------------------------------------------


def render(document: ManualDocument, fmt: str, font_file: Path) -> bytes:
    """The document as DOCX or PDF bytes (the PDF needs a QGuiApplication)."""
    if fmt not in FORMATS:
        raise ValidationError("format", "bad_choice", value=fmt, choices=", ".join(FORMATS))
    with tempfile.TemporaryDirectory(prefix="supportdesk-manual-") as folder:
        path = Path(folder) / f"manual.{fmt}"
        if fmt == "docx":
            faq_manual.write_docx(document, path)
        else:
            faq_manual.write_pdf(document, path, font_file)
        return path.read_bytes()


def _upload_row(u: FaqUpload) -> UploadRow:
    return UploadRow(
        u.month,
        u.document,
        u.format,
        u.target,
        u.file_name,
        u.ok,
        u.attempts,
        u.error,
        u.entries,
        u.sha256,
        u.at,
        u.by,
    )


def uploads(session: Session, month: str | None = None) -> list[UploadRow]:
    """What was uploaded (or tried), newest first."""
    query = select(FaqUpload).order_by(FaqUpload.id.desc())
    if month is not None:
        query = query.where(FaqUpload.month == month)
    return [_upload_row(u) for u in session.scalars(query)]


def export_formats(settings: dict[str, Any]) -> tuple[str, ...]:
    return tuple(str(settings["faq.export.formats"]).split(","))


def upload_owed(session: Session, today: date, settings: dict[str, Any]) -> str | None:
    """The month whose manual the month-end job still has to upload, if any: every
    document in every format the team wants, each uploaded successfully once the month had
    ended (an upload by hand in the middle of it showed a manual still growing)."""
    if settings["faq.upload.kind"] == "none":
        return None
    month = month_of_upload(today)
    _first, after = month_bounds(month)
    done = set(
        session.execute(
            select(FaqUpload.document, FaqUpload.format).where(
                FaqUpload.month == month,
                FaqUpload.ok.is_(True),
                FaqUpload.at >= local_midnight(after),
            )
        ).all()
    )
    wanted = {(d, f) for d in DOCUMENTS for f in export_formats(settings)}
    return month if not wanted <= {(str(d), str(f)) for d, f in done} else None


CLAIM_HOLD = timedelta(hours=1)  # a claim older than this is taken to be abandoned


def claim_upload(session: Session, month: str, owner: str, now: datetime) -> bool:
    """Whether this process (`owner`) is the one to upload `month` now: no other took it
    within the hour. Two claiming at once: one insert fails, and that process skips."""
    row = session.get(FaqUploadClaim, month, with_for_update=True)
    if row is not None and row.owner != owner and row.claimed_at > now - CLAIM_HOLD:
        return False
    if row is None:
        session.add(FaqUploadClaim(month=month, owner=owner, claimed_at=now))
    else:
        row.owner, row.claimed_at = owner, now
    session.flush()
    return True


def upload_month(
    db: UnitOfWork,
    month: str,
    uploader: Uploader,
    font_file: Path,
    *,
    formats: Sequence[str] = FORMATS,
    grouping: Grouping = Grouping.SYSTEM,
    today: date | None = None,
    progress: Callable[[int, int, str], None] = lambda _done, _total, _name: None,
    cancelled: Callable[[], bool] = lambda: False,
    by_hand: bool = True,
) -> list[UploadRow]:
    """Upload the month's manual and its changes under their month-stamped Chinese names
    (a re-run replaces them) and record each upload, or its failure, in its own
    transaction. No transaction is held across the network; a cancel stops between files
    (those sent stay recorded)."""
    month_bounds(month)
    with db.read() as session:
        if by_hand:  # the month-end job (by_hand=False) uploads for the whole team
            require(session, Permission.FAQ_PUBLISH)
        documents = [
            manual(session, month, changes_only=changes, grouping=grouping, today=today)
            for changes in (False, True)
        ]
    made: list[UploadRow] = []
    target = uploader.describe()
    total = len(documents) * len(formats)
    for document in documents:
        for fmt in formats:
            name = file_name(month, document.changes_only, fmt)
            if cancelled():
                return made
            progress(len(made), total, name)
            data = render(document, fmt, font_file)
            error = ""
            try:
                target = uploader.put(name, data)
            except UploadError as failed:
                status = failed.params.get("status")
                error = failed.reason + (f" {status}" if status else "")
                log.warning("manual upload of %s to %s failed: %s", name, target, error)
            with db.write() as session:
                row = FaqUpload(
                    month=month,
                    document="changes" if document.changes_only else "manual",
                    format=fmt,
                    target=target,
                    file_name=name,
                    sha256=hashlib.sha256(data).hexdigest(),
                    size=len(data),
                    entries=document.count,
                    ok=not error,
                    attempts=int(getattr(uploader, "last_attempts", 1)),
                    error=error,
                    at=datetime.now(UTC),
                    by=audit.current_actor(session),
                )
                session.add(row)
                session.flush()
                audit.append(
                    session,
                    "faq.upload",
                    f"faq_upload:{row.id}",
                    {"month": month, "file": name, "sha256": row.sha256, "ok": row.ok},
                )
                made.append(_upload_row(row))
    return made
