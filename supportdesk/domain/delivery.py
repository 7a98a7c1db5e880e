"""Delivering a reminder (issue 6): what a channel is handed, how it says it failed, and
the settings each channel needs. Services see only `Sender`; the SMTP and robot adapters
implement it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

MAIL = "mail"
INBOX = "inbox"
ROBOTS = ("dingtalk", "wecom", "feishu")
SECURITY = ("none", "starttls", "ssl")


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str
    content: bytes = field(repr=False)
    mime: str  # e.g. "application/pdf"


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One message as a channel sends it. Robots ignore `to`, `cc` and attachments."""

    channel: str  # MAIL or one of ROBOTS
    subject: str
    text: str
    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    # Stable per outbox row, so a mail client folds the duplicate a crash between "server
    # accepted" and "marked sent" can cause (the one case exactly-once cannot close).
    message_id: str = ""


class DeliveryFailed(Exception):  # noqa: N818 - it reads as what happened
    """The channel did not accept the message. `reason` is safe to store and show: it never
    holds a password, a signing secret or a webhook token. `permanent` when trying again
    cannot help without a change of settings (a refused login, a rejected signature)."""

    def __init__(self, reason: str, *, permanent: bool = False, partly: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent
        # Accepted for some recipients, refused for others: sending again would give those
        # it reached a second copy, so it counts as sent and the refusal is shown.
        self.partly = partly


class Sender(Protocol):
    """Returns only once the server accepted the message; raises DeliveryFailed otherwise."""

    def send(self, message: Outgoing) -> None: ...


@dataclass(frozen=True, slots=True)
class MailSettings:
    host: str
    port: int
    security: str  # one of SECURITY
    sender: str  # From address
    user: str = ""  # empty: no SMTP login
    password: str | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class RobotSettings:
    kind: str  # one of ROBOTS
    url: str = field(repr=False)  # the webhook URL carries the robot's access token
    secret: str | None = field(default=None, repr=False)  # signing secret: DingTalk, Feishu
