"""Files a user asked for (exports, saved copies), written beside their place first and then
moved over it, so that a failure never leaves half a file where the user looks."""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from supportdesk.domain.errors import ValidationError


@contextmanager
def written_together(
    paths: Sequence[Path], field: str = "out", *, make_folder: bool = False
) -> Iterator[list[Path]]:
    """Yields a temporary path beside each of `paths` to write; when the block succeeds they
    are all moved in, last, so a failure leaves every path as it was and no part behind.

    Each part is created empty first: an unwritable place fails before any writer runs (Qt's
    PDF writer would only log a warning and write nothing). An OSError becomes a
    ValidationError naming `field` (and the file, or the folder of several)."""
    parts = [path.with_name(path.name + ".part") for path in paths]
    try:
        if make_folder:
            paths[0].parent.mkdir(parents=True, exist_ok=True)
        for part in parts:
            part.write_bytes(b"")
        yield parts
        for part, path in zip(parts, paths, strict=True):
            os.replace(part, path)
    except OSError as error:
        shown = paths[0] if len(paths) == 1 else paths[0].parent
        raise ValidationError(
            field, "unwritable", value=str(shown), detail=error.strerror or str(error)
        ) from None
    finally:
        for part in parts:
            with contextlib.suppress(OSError):  # moved in, never made, or no folder at all
                part.unlink()


@contextmanager
def written_beside(path: Path, field: str = "out") -> Iterator[Path]:
    """Yields the temporary path to write; moves it to `path` when the block succeeds (see
    written_together)."""
    with written_together([path], field) as (part,):
        yield part


def digests(paths: Sequence[Path], parts: Sequence[Path]) -> list[dict[str, str]]:
    """The files as the audit chain records them: each final name with its part's SHA-256."""
    return [
        {"name": path.name, "sha256": hashlib.sha256(part.read_bytes()).hexdigest()}
        for path, part in zip(paths, parts, strict=True)
    ]


def write_beside(path: Path, data: bytes, field: str = "out") -> Path:
    with written_beside(path, field) as part:
        part.write_bytes(data)
    return path
