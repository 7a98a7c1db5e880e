"""Files a user asked for (exports, saved copies), written beside their place first and then
moved over it, so that a failure never leaves half a file where the user looks."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from supportdesk.domain.errors import ValidationError


@contextmanager
def written_beside(path: Path, field: str = "out") -> Iterator[Path]:
    """Yields the temporary path to write; moves it to `path` when the block succeeds. An
    OSError becomes a ValidationError naming `field`; on any failure the part is removed."""
    part = path.with_name(path.name + ".part")
    try:
        yield part
        os.replace(part, path)
    except OSError as error:
        part.unlink(missing_ok=True)
        raise ValidationError(
            field, "unwritable", value=str(path), detail=error.strerror or str(error)
        ) from None
    except BaseException:
        part.unlink(missing_ok=True)
        raise


def write_beside(path: Path, data: bytes, field: str = "out") -> Path:
    with written_beside(path, field) as part:
        part.write_bytes(data)
    return path
