"""Sending the outbox (issue 6): each message is claimed under a lease, sent, and marked
sent only after the server accepted it. A failure waits out a growing back-off and is tried
again; one that persists is marked "failing" for the group leader to see.

Two agents and two desktops may deliver at once: a claim is a compare-and-set UPDATE on the
row, so only one of them holds a message at a time. If a process dies between "accepted"
and "marked sent", the lease runs out and the message is sent again: the one duplicate no
outbox can rule out; the stable Message-ID lets a mail client fold it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from supportdesk.db import audit
from supportdesk.db.models import OutboxMessage
from supportdesk.domain.delivery import MAIL, Attachment, DeliveryFailed, Outgoing, Sender
from supportdesk.domain.ports import UnitOfWork
from supportdesk.domain.roles import Permission
from supportdesk.services.users import require

log = logging.getLogger(__name__)

# Seconds to wait after the n-th failure in a row; the last one repeats.
BACKOFF = (60, 300, 900, 3600, 3 * 3600, 6 * 3600)
FAILING_AFTER = 3  # failures in a row before the group leader is shown the message
LEASE = timedelta(minutes=10)  # longer than any send can take (SMTP's timeout is 30 s)

Attach = Callable[[Session, int], tuple[Attachment, ...]]  # (session, reminder id)


@dataclass(frozen=True, slots=True)
class DeliveryReport:
    sent: int
    failed: int


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=BACKOFF[min(attempts, len(BACKOFF)) - 1])


def _ready(now: datetime) -> tuple[Any, ...]:
    return (
        OutboxMessage.state.in_(("pending", "failing")),
        or_(OutboxMessage.next_attempt_at.is_(None), OutboxMessage.next_attempt_at <= now),
        or_(OutboxMessage.lease_until.is_(None), OutboxMessage.lease_until < now),
    )


def ready_channels(session: Session, now: datetime) -> set[str]:
    """The channels with a message to send now: senders (and the vault reads their secrets
    need) are made only for these."""
    found = session.scalars(select(OutboxMessage.channel).where(*_ready(now)).distinct())
    return set(found)


def _claim(
    session: Session, channels: list[str], owner: str, now: datetime
) -> OutboxMessage | None:
    ready = (OutboxMessage.channel.in_(channels), *_ready(now))
    for candidate in session.scalars(
        select(OutboxMessage.id).where(*ready).order_by(OutboxMessage.id).limit(20)
    ):
        claimed = session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == candidate, *ready)
            .values(lease_owner=owner, lease_until=now + LEASE)
        )
        if claimed.rowcount == 1:  # type: ignore[attr-defined]
            return session.get(OutboxMessage, candidate)
    return None


def _outgoing(message: OutboxMessage, attachments: tuple[Attachment, ...]) -> Outgoing:
    return Outgoing(
        channel=message.channel,
        subject=message.title,
        text=message.body,
        to=(message.recipient,) if message.channel == MAIL else (),
        cc=tuple(a for a in message.cc.split(",") if a) if message.channel == MAIL else (),
        attachments=attachments,
        message_id=f"<supportdesk-outbox-{message.id}-{message.step}@{message.rule}>",
    )


def deliver(
    db: UnitOfWork,
    senders: Mapping[str, Sender],
    *,
    owner: str,
    attach: Attach | None = None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
    limit: int = 200,
    cancelled: Callable[[], bool] = lambda: False,
) -> DeliveryReport:
    """Send what is ready on the channels there is a sender for (a desktop without robot
    settings leaves robot messages to whoever has them). Each claim, and each result, is its
    own transaction, so nothing is held while a server is slow."""
    sent = failed = 0
    channels = sorted(senders)
    while channels and sent + failed < limit and not cancelled():
        with db.write() as session:  # the claim alone: short, whatever comes next
            message = _claim(session, channels, owner, now())
            if message is None:
                break
            ident, channel, reminder_id = message.id, message.channel, message.reminder_id
            outgoing = _outgoing(message, ())
        try:
            if attach and channel == MAIL and reminder_id:
                with db.read() as session:
                    outgoing = replace(outgoing, attachments=attach(session, reminder_id))
            senders[channel].send(outgoing)
        except DeliveryFailed as failure:
            if failure.partly:  # some recipients have it: sending again would repeat it
                sent += 1
                _sent(db, ident, owner, now(), note=failure.reason)
            else:
                failed += 1
                _failed(db, ident, owner, failure, now())
        except Exception as error:
            # A setting the adapter chokes on (say a host name that is not one), a letter
            # that cannot be made: failing, for the group leader to see, like any refusal.
            log.exception("outbox message %s could not be sent", ident)
            failed += 1
            reason = f"{channel}: {type(error).__name__}"
            _failed(db, ident, owner, DeliveryFailed(reason, permanent=True), now())
        else:
            sent += 1
            _sent(db, ident, owner, now())
    return DeliveryReport(sent, failed)


def _mine(session: Session, ident: int, owner: str) -> OutboxMessage | None:
    message = session.get(OutboxMessage, ident, with_for_update=True)
    # Lost the lease (this process stalled past it and another took over): leave the row to
    # the new holder rather than overwrite its result.
    return message if message is not None and message.lease_owner == owner else None


def _sent(db: UnitOfWork, ident: int, owner: str, at: datetime, note: str = "") -> None:
    with db.write() as session:
        message = _mine(session, ident, owner)
        if message is None:
            return
        message.state, message.sent_at = "sent", at
        message.attempts += 1
        message.lease_owner = message.lease_until = None
        message.last_error = note[:2000]  # e.g. one copied address refused
        audit.append(
            session,
            "outbox.sent",
            f"outbox_message:{ident}",
            {"channel": message.channel, "recipient": message.recipient},
        )


def _failed(db: UnitOfWork, ident: int, owner: str, failure: DeliveryFailed, at: datetime) -> None:
    log.warning("outbox message %s not delivered: %s", ident, failure.reason)
    with db.write() as session:
        message = _mine(session, ident, owner)
        if message is None:
            return
        message.attempts += 1
        message.last_error = failure.reason[:2000]
        message.next_attempt_at = at + backoff(message.attempts)
        message.lease_owner = message.lease_until = None
        if failure.permanent or message.attempts >= FAILING_AFTER:
            message.state = "failing"


def retry_now(session: Session, message_ids: list[int], *, now: datetime | None = None) -> int:
    """The group leader fixed the settings: try these again at the next delivery."""
    require(session, Permission.SETTINGS_EDIT)
    result = session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id.in_(message_ids), OutboxMessage.state != "sent")
        # Back to "pending": it leaves the problems list, and returns to it only if it
        # fails FAILING_AFTER more times.
        .values(next_attempt_at=now or datetime.now(UTC), state="pending", attempts=0)
    )
    count = int(result.rowcount or 0)  # type: ignore[attr-defined]
    audit.append(session, "outbox.retry", "outbox_message", {"ids": sorted(message_ids)})
    return count
