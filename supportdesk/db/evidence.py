"""Content-addressed storage: a document is kept once, zlib-compressed, under the SHA-256 of
its bytes; reading it back checks that hash, so a changed blob is never taken for evidence."""

from __future__ import annotations

import hashlib
import zlib
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from supportdesk.db.models import Evidence
from supportdesk.domain.errors import SupportDeskError


def put(session: Session, data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest()
    if session.get(Evidence, digest) is None:
        session.add(
            Evidence(
                sha256=digest,
                size=len(data),
                data=zlib.compress(data, 6),
                created_at=datetime.now(UTC),
            )
        )
        session.flush()
    return digest


def get(session: Session, digest: str) -> bytes:
    """The document; EvidenceDamagedError if it is missing or no longer matches its hash."""
    stored = session.scalar(select(Evidence.data).where(Evidence.sha256 == digest))
    if stored is None:
        raise EvidenceDamagedError(sha256=digest)
    try:
        data = zlib.decompress(stored)
    except zlib.error:
        raise EvidenceDamagedError(sha256=digest) from None
    if hashlib.sha256(data).hexdigest() != digest:
        raise EvidenceDamagedError(sha256=digest)
    return data


class EvidenceDamagedError(SupportDeskError):
    """Evidence missing or changed since it was stored (its bytes no longer hash to its name)."""

    code = "evidence_damaged"

    def __init__(self, **params: str) -> None:
        super().__init__(None, **params)
