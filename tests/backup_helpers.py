"""Backups on the test sshd's host (issue 8): dump directories its user owns."""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.servers.sshd import SSH_USER

TAIL = b"\n--\n-- PostgreSQL database dump complete\n--\n"
NOW = datetime.now(UTC).replace(microsecond=0)
DAY = timedelta(days=1)


@pytest.fixture(scope="module")
def store() -> Iterator[Path]:
    """A directory the test sshd's user owns (the tests run as root, sshd's user is not)."""
    base = Path(tempfile.mkdtemp(prefix="sd-backup-", dir="/tmp"))
    base.chmod(0o755)
    yield base
    shutil.rmtree(base, ignore_errors=True)


def own(path: Path) -> None:
    subprocess.run(["chown", "-R", f"{SSH_USER}:", str(path)], check=True)


def dumps(
    folder: Path,
    days: int,
    *,
    skip: frozenset[int] = frozenset(),
    sizes: dict[int, int] | None = None,
) -> Path:
    """`days` daily PostgreSQL dumps, the newest six hours ago (day 0 = the oldest)."""
    folder.mkdir()
    first = (NOW - timedelta(hours=6)).replace(second=0) - (days - 1) * DAY
    for n in range(days):
        if n in skip:
            continue
        taken = first + n * DAY
        body = b"CREATE TABLE t (id int);\n" + b"x" * (sizes or {}).get(n, 20_000) + TAIL
        path = folder / f"erp-{taken:%Y%m%d-%H%M}.sql.gz"
        path.write_bytes(gzip.compress(body, compresslevel=1, mtime=0))
        os.utime(path, (taken.timestamp(), taken.timestamp()))
    own(folder)
    return folder
