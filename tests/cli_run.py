"""Run the command line in-process, as a script would see it."""

from __future__ import annotations

import pytest

from supportdesk.cli import main


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `supportdesk ARGS`."""
    try:
        code = main(list(args))
    except SystemExit as stop:  # argparse's own exits (usage errors, --version, --help)
        code = stop.code if isinstance(stop.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err
