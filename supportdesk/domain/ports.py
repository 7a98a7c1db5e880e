"""Protocols for the outside world, so services and the UI never name an adapter."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any, Protocol


class UnitOfWork(Protocol):
    """Hands out one transaction: `write()` commits on success and rolls back on error."""

    def read(self) -> AbstractContextManager[Any]: ...

    def write(self) -> AbstractContextManager[Any]: ...
