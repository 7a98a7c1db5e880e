"""Protocols for the outside world, so services and the UI never name an adapter."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any, Protocol

from supportdesk.domain.errors import SupportDeskError
from supportdesk.domain.zentao import ZentaoTask


class UnitOfWork(Protocol):
    """Hands out one transaction: `write()` commits on success and rolls back on error."""

    def read(self) -> AbstractContextManager[Any]: ...

    def write(self) -> AbstractContextManager[Any]: ...


class KeyStore(Protocol):
    """Where the vault's passphrase-derived key may be remembered: the OS keyring.

    A store that cannot keep a key safe (plain text on disk, a null or failing backend) is
    not `usable()`: it then stores nothing, `get` finds nothing, and `refusal()` says why
    (an error the UI and the CLI turn into words; `put` raises it).
    """

    def backend_name(self) -> str: ...

    def usable(self) -> bool: ...

    def refusal(self) -> SupportDeskError | None: ...

    def get(self, profile_id: str, login: str) -> bytes | None: ...

    def put(self, profile_id: str, login: str, key: bytes) -> None: ...

    def delete(self, profile_id: str, login: str) -> None: ...


class Uploader(Protocol):
    """The document management system (R2.2): a folder (a Windows share) or a WebDAV
    location. `put` stores `data` under `name`, replacing a file of that name, and returns
    where it went; it raises UploadError (code and reason, never a secret) when it cannot."""

    def describe(self) -> str: ...

    def put(self, name: str, data: bytes) -> str: ...


class TaskTracker(Protocol):
    """ZenTao (R2.4): `create_task` files `task` in the execution and returns the new task's
    id; it raises ZentaoError (a reason, never a secret) when ZenTao does not take it. After a
    refused login (reason auth or locked) it refuses at once without asking ZenTao again."""

    def describe(self) -> str: ...

    def create_task(self, execution_id: int, task: ZentaoTask) -> int: ...
