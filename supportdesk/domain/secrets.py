"""Secrets out of text: what may end up in a log, a dialog's details or an export."""

from __future__ import annotations

import re

_SECRET = re.compile(
    # a URL's user:password@ (up to the last "@" of the host part: "p@ss" is not encoded)
    r"(?P<url>://[^:/@\s]+:)[^@\s]+(?:@[^@\s/]+(?=@))*@"
    # SQL: CREATE/ALTER ROLE ... PASSWORD '...'
    r"|(?P<sql>\bPASSWORD\s+)(?:'(?:[^']|'')*'|\"[^\"]*\")"
    # password=..., "password": "...", db_password: ... (libpq DSNs, dicts, JSON, env dumps)
    r"|(?P<key>(?:password|passwd|pwd|secret|token)[\"']?\s*[=:]\s*)"
    r"(?:\"[^\"]*\"|'[^']*'|[^\s,;&}\"']+)",
    re.IGNORECASE,
)


def redact(text: str) -> str:
    return _SECRET.sub(_redact, text)


def _redact(match: re.Match[str]) -> str:
    if match.group("url"):
        return f"{match.group('url')}***@"
    if match.group("sql"):
        return f"{match.group('sql')}'***'"
    return f"{match.group('key')}***"
