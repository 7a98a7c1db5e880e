"""`supportdesk handover` (issue 7): the handover timeline of every project, and moving a
handover forward."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import Any

from supportdesk.cli import EXIT_OK, _emit, _open


def add_parsers(sub: Any) -> None:
    handover = sub.add_parser("handover", help="project handovers (R1)").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    status = handover.add_parser("status", help="every handover: dates, state, late")
    status.add_argument("--today", type=date.fromisoformat, help="YYYY-MM-DD (default: today)")
    status.add_argument("--json", action="store_true")
    advance = handover.add_parser("advance", help="the group joined / the handover started")
    advance.add_argument("project")
    advance.add_argument("state", choices=["joined", "in_progress"])
    advance.add_argument("--customer", help="when two customers have projects of that name")
    advance.add_argument("--on", type=date.fromisoformat, help="the day it happened")


def project_id_by_name(session: Any, name: str, customer: str | None) -> int:
    from supportdesk.domain.errors import ValidationError  # noqa: PLC0415
    from supportdesk.services import registry  # noqa: PLC0415

    matches = [
        p.id
        for p in registry.list_projects(session)
        if p.name == name and (customer is None or p.customer == customer)
    ]
    if len(matches) != 1:
        code = "not_found" if not matches else "ambiguous"
        raise ValidationError("project", code, entity="project", value=name)
    return int(matches[0])


def _status(args: argparse.Namespace) -> int:
    from supportdesk.services import handover  # noqa: PLC0415

    app = _open(args)
    today = args.today or date.today()
    with app.db.read() as session:
        rows = [
            {
                "project_id": t.project_id,
                "customer": t.customer,
                "project": t.project,
                "acceptance": t.acceptance,
                "acceptance_is_actual": t.acceptance_is_actual,
                "join_on": t.join_on,
                "due_on": t.due_on,
                "state": t.state.value,
                "joined_on": t.joined_on,
                "signed_on": t.signed_on,
                "late": t.late(today),
            }
            for t in handover.timelines(session)
        ]
    _emit(
        rows,
        args.json,
        lambda rs: "\n".join(
            f"{r['customer']}\t{r['project']}\tjoin {r['join_on']}\taccept {r['acceptance']}"
            f"{'' if r['acceptance_is_actual'] else ' (planned)'}\tdue {r['due_on']}"
            f"\t{r['state']}" + ("\tLATE" if r["late"] else "")
            for r in rs
        ),
    )
    return EXIT_OK


def _advance(args: argparse.Namespace) -> int:
    from supportdesk.domain.handover import HandoverState  # noqa: PLC0415
    from supportdesk.services import handover  # noqa: PLC0415

    app = _open(args)
    with app.db.write() as session:
        project = project_id_by_name(session, args.project, args.customer)
        row = handover.advance(session, project, HandoverState(args.state), args.on)
    print(f"{row.customer} {row.project}: {row.state.value}")
    return EXIT_OK


HANDLERS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    ("handover", "status"): _status,
    ("handover", "advance"): _advance,
}
