"""Settings the whole team shares, kept in the database (the TOML config is per machine):
how reminders are delivered. Every desktop and every agent reads the same values, so the
rules address the same channels wherever they run.

Secrets are never settings: `mail.credential` and `robots.*.secret` name vault credentials
(R3.1); the settings table only says which one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from supportdesk.domain.delivery import ROBOTS, SECURITY
from supportdesk.domain.errors import ValidationError
from supportdesk.domain.handover import DEFAULT_CATEGORIES
from supportdesk.domain.registry import valid_email

Parse = Callable[[str, str], Any]  # (key, raw) -> value, or ValidationError naming the key


def _text(_key: str, raw: str) -> str:
    return raw.strip()


def _email(key: str, raw: str) -> str:
    return valid_email(key, raw)


def _choice(*choices: str) -> Parse:
    def parse(key: str, raw: str) -> str:
        value = raw.strip()
        if value not in choices:
            raise ValidationError(key, "bad_choice", value=value, choices=", ".join(choices))
        return value

    return parse


def _whole(low: int, high: int) -> Parse:
    def parse(key: str, raw: str) -> int:
        try:
            number = int(raw.strip())
        except ValueError:
            raise ValidationError(key, "bad_number", value=raw) from None
        if not low <= number <= high:
            raise ValidationError(key, "out_of_range", value=raw, min=low, max=high)
        return number

    return parse


def _port(key: str, raw: str) -> int:
    try:
        port = int(raw.strip())
    except ValueError:
        raise ValidationError(key, "bad_port", value=raw) from None
    if not 1 <= port <= 65535:
        raise ValidationError(key, "bad_port", value=raw)
    return port


_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


def _time(key: str, raw: str) -> str:
    value = raw.strip()
    if not _TIME.match(value):
        raise ValidationError(key, "bad_time", value=value)
    return value


def _webhook(key: str, raw: str) -> str:
    value = raw.strip()
    if value and (urlsplit(value).scheme not in {"https", "http"} or not urlsplit(value).hostname):
        # Never echo the URL: its query is the robot's access token.
        raise ValidationError(key, "bad_webhook")
    return value


def _dav_url(key: str, raw: str) -> str:
    value = raw.strip()
    parts = urlsplit(value)
    if value and (parts.scheme not in {"https", "http"} or not parts.hostname):
        raise ValidationError(key, "bad_url", value=value)
    if parts.username or parts.password:  # the password belongs in the vault, not here
        raise ValidationError(
            key, "bad_url", value=value.replace(parts.netloc, parts.hostname or "")
        )
    return value


def _executions(key: str, raw: str) -> str:
    """ "project id=execution id" pairs (R2.4: where each project's measures go in ZenTao),
    stored normalised: "12=34,13=35"."""
    pairs = []
    for part in re.split(r"[,，;；\s]+", raw.strip()):
        if not part:
            continue
        match = re.fullmatch(r"(\d+)[=:](\d+)", part)
        if match is None:
            raise ValidationError(key, "bad_executions", value=part)
        pairs.append(f"{int(match.group(1))}={int(match.group(2))}")
    return ",".join(pairs)


def executions(text: str) -> dict[int, int]:
    return {int(p): int(e) for p, e in (pair.split("=") for pair in text.split(",") if pair)}


def _categories(key: str, raw: str) -> str:
    """Comma-separated names; stored normalised so every reader splits it the same way."""
    parts = [p.strip() for p in raw.replace("\n", ",").split(",")]
    names = list(dict.fromkeys(p for p in parts if p))
    for name in names:
        if len(name) > 60:
            raise ValidationError(key, "too_long", max=60)
    return ",".join(names)


@dataclass(frozen=True, slots=True)
class TeamOption:
    key: str
    default: Any
    parse: Parse
    help: str
    credential: bool = False  # the value names a vault credential


TEAM_OPTIONS: dict[str, TeamOption] = {
    o.key: o
    for o in (
        TeamOption("mail.host", "", _text, "SMTP server"),
        TeamOption("mail.port", 587, _port, "SMTP port"),
        TeamOption("mail.security", "starttls", _choice(*SECURITY), "none, starttls or ssl"),
        TeamOption("mail.user", "", _text, "SMTP login; empty = no login"),
        TeamOption("mail.from", "", _email, "sender address"),
        TeamOption(
            "mail.credential",
            "",
            _text,
            "vault credential holding the SMTP password (empty: the OS keyring)",
            credential=True,
        ),
        *(
            option
            for kind in ROBOTS
            for option in (
                TeamOption(f"robots.{kind}.url", "", _webhook, f"{kind} group robot webhook URL"),
                TeamOption(
                    f"robots.{kind}.secret",
                    "",
                    _text,
                    f"vault credential holding the {kind} signing secret",
                    credential=True,
                ),
            )
        ),
        TeamOption(
            "handover.categories",
            ",".join(DEFAULT_CATEGORIES),
            _categories,
            "technical material categories every handover package needs (comma-separated)",
        ),
        # R2.2: at month end the updated manual goes to the document management system.
        TeamOption(
            "faq.upload.kind",
            "none",
            _choice("none", "folder", "webdav"),
            "where the month-end manual goes: none, folder (a network share) or webdav",
        ),
        TeamOption("faq.upload.folder", "", _text, r"the share's folder, e.g. \\dms\manual"),
        TeamOption("faq.upload.url", "", _dav_url, "the WebDAV folder's URL"),
        TeamOption("faq.upload.user", "", _text, "WebDAV login"),
        TeamOption(
            "faq.upload.credential",
            "",
            _text,
            "vault credential holding the WebDAV password",
            credential=True,
        ),
        TeamOption(
            "faq.export.grouping", "system", _choice("system", "category"), "system or category"
        ),
        TeamOption(
            "faq.export.formats",
            "docx,pdf",
            _choice("docx,pdf", "docx", "pdf"),
            "the month-end documents' formats: docx,pdf, docx or pdf",
        ),
        # R2.4: next month's measures become ZenTao tasks once the report is approved.
        TeamOption("zentao.url", "", _dav_url, "ZenTao's address (the folder with api.php)"),
        TeamOption("zentao.account", "", _text, "the ZenTao account tasks are created as"),
        TeamOption(
            "zentao.credential",
            "",
            _text,
            "vault credential holding the ZenTao password",
            credential=True,
        ),
        TeamOption(
            "zentao.executions",
            "",
            _executions,
            "project id=ZenTao execution id pairs, comma-separated (e.g. 12=34,13=35)",
        ),
        TeamOption("reminders.time", "08:30", _time, "when the daily run starts (HH:MM)"),
        TeamOption(
            "reminders.escalate_days",
            7,
            _whole(1, 90),
            "unacknowledged after this many days, a reminder is sent again (1-90)",
        ),
        TeamOption(
            "reminders.max_escalations",
            3,
            _whole(0, 12),
            "how many times an unacknowledged reminder is sent again (0-12)",
        ),
    )
}


def parse_team(key: str, raw: str) -> Any:
    option = TEAM_OPTIONS.get(key)
    if option is None:
        raise ValidationError("key", "unknown_key", value=key)
    return option.parse(key, raw)


def is_team_key(key: str) -> bool:
    return key in TEAM_OPTIONS
