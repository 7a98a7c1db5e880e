"""`supportdesk reminders` (issue 6): what is due and why, and running the rules once."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import Any

from supportdesk.cli import EXIT_OK, _emit, _open


def add_parsers(sub: Any) -> None:
    reminders = sub.add_parser("reminders", help="what is due, and the outbox").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    due = reminders.add_parser("due", help="the reminders due and why")
    due.add_argument("--today", type=date.fromisoformat, help="YYYY-MM-DD (default: today)")
    due.add_argument("--json", action="store_true")
    run = reminders.add_parser("run", help="run the rules once: add what is due to the outbox")
    run.add_argument("--today", type=date.fromisoformat, help="YYYY-MM-DD (default: today)")


def _reminders_due(args: argparse.Namespace) -> int:
    from supportdesk.services import reminder  # noqa: PLC0415

    app = _open(args)
    with app.db.read() as session:
        found = reminder.due(session, args.today or date.today())
    _emit(
        found,
        args.json,
        lambda rows: "\n".join(
            f"{d.due_on.isoformat()}\t{d.rule}\t{d.subject}\t{d.title}\t{d.reason}" for d in rows
        ),
    )
    return EXIT_OK


def _reminders_run(args: argparse.Namespace) -> int:
    from supportdesk.services import reminder  # noqa: PLC0415

    app = _open(args)
    with app.db.write() as session:
        added = reminder.enqueue(session, args.today or date.today())
    print(f"{added} new outbox messages")
    return EXIT_OK


HANDLERS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    ("reminders", "due"): _reminders_due,
    ("reminders", "run"): _reminders_run,
}
