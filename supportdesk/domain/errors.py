"""Errors that carry a field and a code; only ui/messages.py turns them into words."""

from __future__ import annotations

from typing import Any


class SupportDeskError(Exception):
    """A failure the user can act on (exit 1 on the CLI, a message box in the GUI)."""

    code: str = "error"

    def __init__(self, code: str | None = None, **params: Any) -> None:
        self.code = code or self.code
        self.params = params
        super().__init__(f"{self.code} {params}" if params else self.code)


class ValidationError(SupportDeskError):
    """Bad input: names the field and what is wrong. Bulk import also sets `where` (a sheet
    or a JSON path) and `row` (the spreadsheet row a user sees, header = 1)."""

    def __init__(
        self,
        field: str,
        code: str,
        *,
        row: int | None = None,
        where: str | None = None,
        **params: Any,
    ) -> None:
        self.field = field
        self.row = row
        self.where = where
        super().__init__(code, **params)
        self.args = (f"{field}: {code}",)


class BatchValidationError(SupportDeskError):
    """Several validation errors at once (import lists every bad row and field)."""

    code = "validation_errors"

    def __init__(self, errors: list[ValidationError]) -> None:
        self.errors = errors
        super().__init__(count=len(errors))


class NotFoundError(SupportDeskError):
    def __init__(self, entity: str, key: object) -> None:
        self.entity = entity
        super().__init__("not_found", entity=entity, key=str(key))


class ConflictError(SupportDeskError):
    """A stale save: somebody else changed the record since it was loaded."""

    def __init__(self, entity: str, key: object, changed_by: str | None) -> None:
        self.entity = entity
        self.changed_by = changed_by
        super().__init__("conflict", entity=entity, key=str(key), changed_by=changed_by or "?")


class PermissionDeniedError(SupportDeskError):
    def __init__(self, actor: str, permission: str) -> None:
        self.permission = permission
        super().__init__("permission_denied", actor=actor, permission=permission)


class DatabaseError(SupportDeskError):
    """Storage-level failures worded for users: disk full, network share, migration."""


class SecretDamaged(SupportDeskError):  # noqa: N818 (the vault API names it so)
    """A vault blob (secret, wrapped team key, sealed private key, KDF parameters) that does
    not decrypt or parse: changed outside SupportDesk. Never carries key or plaintext bytes;
    callers may add harmless context (a record id) as params."""

    code = "secret_damaged"

    def __init__(self, **params: str | int) -> None:
        super().__init__(None, **params)


class WrongPassphrase(SupportDeskError):  # noqa: N818 (the vault API names it so)
    """The passphrase (or a remembered key) does not open the member's private key."""

    code = "wrong_passphrase"

    def __init__(self) -> None:
        super().__init__()


class KeyringRefused(SupportDeskError):  # noqa: N818 (a refusal, named as the user sees it)
    """The OS keyring cannot remember the vault key: `code` says why (keyring_none,
    keyring_disabled, keyring_plaintext, keyring_weak, keyring_failed), `detail` names the
    backend and `reason` is what it reported (never key bytes)."""

    def __init__(self, code: str, backend: str, reason: str = "") -> None:
        super().__init__(code, detail=backend, reason=reason)


class UploadError(SupportDeskError):
    """The document system did not take a file: `reason` is one of unreachable, auth,
    refused, timeout, http; `status` the HTTP status where there was one."""

    code = "upload_failed"

    def __init__(self, reason: str, *, target: str, status: int | None = None) -> None:
        self.reason = reason
        super().__init__(reason=reason, target=target, status=status)
