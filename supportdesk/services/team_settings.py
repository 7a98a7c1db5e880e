"""Team settings in the database (domain/team_settings.py declares them): read by anyone,
changed by whoever may edit settings, each change one audited transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from supportdesk.db import audit
from supportdesk.db.models import Credential, Setting
from supportdesk.domain.errors import ValidationError
from supportdesk.domain.roles import Permission
from supportdesk.domain.team_settings import TEAM_OPTIONS, parse_team
from supportdesk.services.users import require


def all_values(session: Session) -> dict[str, Any]:
    query = select(Setting.key, Setting.value).where(Setting.key.in_(list(TEAM_OPTIONS)))
    stored: dict[str, Any] = {key: value for key, value in session.execute(query).all()}  # noqa: C416
    return {key: stored.get(key, option.default) for key, option in TEAM_OPTIONS.items()}


def get(session: Session, key: str) -> Any:
    if key not in TEAM_OPTIONS:
        raise ValidationError("key", "unknown_key", value=key)
    row = session.get(Setting, key)
    return TEAM_OPTIONS[key].default if row is None else row.value


def set_many(session: Session, raw: dict[str, str]) -> dict[str, Any]:
    """Check every value first (bad input changes nothing), then store them together."""
    require(session, Permission.SETTINGS_EDIT)
    values = {key: parse_team(key, text) for key, text in raw.items()}
    for key, value in values.items():
        if TEAM_OPTIONS[key].credential and value and not _credential_exists(session, value):
            raise ValidationError(key, "unknown_credential", value=value)
    after = {**all_values(session), **values}
    if after["mail.host"] and not after["mail.from"]:
        # Mail would be queued that no process can send (it has no sender address).
        raise ValidationError("mail.from", "required")
    changed: dict[str, Any] = {}
    for key, value in values.items():
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=value))
        elif row.value != value:
            row.value = value
        else:
            continue
        changed[key] = value
    if changed:
        # The values hold no secret (credentials are named, not stored); a webhook URL's
        # token is left out of the audit trail all the same.
        audit.append(
            session,
            "settings.team",
            "team_setting",
            {k: ("(set)" if k.endswith(".url") and v else v) for k, v in changed.items()},
        )
    return values


def set_one(session: Session, key: str, raw: str) -> Any:
    return set_many(session, {key: raw})[key]


def _credential_exists(session: Session, name: str) -> bool:
    return session.scalar(select(Credential.id).where(Credential.name == name)) is not None
