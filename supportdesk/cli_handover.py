"""`supportdesk handover` (issue 7): the handover timeline of every project, moving a
handover forward, exporting its package for signature, recording and verifying the sign-off."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
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
    export = handover.add_parser("export", help="the package as DOCX or PDF, for signature")
    export.add_argument("project")
    export.add_argument("--format", choices=["docx", "pdf"], required=True)
    export.add_argument("--out", type=Path, required=True)
    export.add_argument("--customer", help="when two customers have projects of that name")
    export.add_argument(
        "--version", type=int, help="a signed version as frozen (default: the package as it is)"
    )
    missing = handover.add_parser("missing", help="what the package still lacks (exit 1 if any)")
    missing.add_argument("project")
    missing.add_argument("--customer")
    missing.add_argument("--json", action="store_true")
    sign = handover.add_parser("sign", help="record the sign-off of a complete package")
    sign.add_argument("project")
    sign.add_argument("--customer")
    sign.add_argument("--ours", required=True, help="who signed for the company")
    sign.add_argument("--theirs", required=True, help="who signed for the customer")
    sign.add_argument("--on", type=date.fromisoformat, required=True, help="the day signed")
    sign.add_argument("--scan", type=Path, required=True, help="the scan of the signed paper")
    amend = handover.add_parser("amend", help="open a signed package for an amendment")
    amend.add_argument("project")
    amend.add_argument("--customer")
    amend.add_argument("--reason", required=True)
    verify = handover.add_parser("verify", help="check every signed version (exit 1 if not)")
    verify.add_argument("project")
    verify.add_argument("--customer")
    verify.add_argument("--json", action="store_true")


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


def _export(args: argparse.Namespace) -> int:
    from supportdesk.cli import _speaking  # noqa: PLC0415
    from supportdesk.reports.pdf import ensure_application  # noqa: PLC0415
    from supportdesk.services import handover  # noqa: PLC0415
    from supportdesk.ui.i18n import resource_path  # noqa: PLC0415

    app = _open(args)
    ensure_application()  # before _speaking: the document needs QtGui
    with app.db.read() as session, _speaking(args):
        project = project_id_by_name(session, args.project, args.customer)
        font = resource_path("fonts/SupportDeskSansSC-Regular.ttf")
        handover.export(session, project, args.format, args.out, font, args.version)
    print(args.out)
    return EXIT_OK


def _missing(args: argparse.Namespace) -> int:
    from supportdesk.cli import EXIT_USER  # noqa: PLC0415
    from supportdesk.services import handover  # noqa: PLC0415

    app = _open(args)
    with app.db.read() as session:
        gaps = handover.missing(session, project_id_by_name(session, args.project, args.customer))
    _emit(gaps, args.json, lambda rows: "\n".join(rows) or "complete")
    return EXIT_USER if gaps else EXIT_OK


def _read_scan(path: Path) -> bytes:
    from supportdesk.domain.errors import ValidationError  # noqa: PLC0415

    try:
        return path.read_bytes()
    except OSError as error:
        raise ValidationError("scan", "unreadable", detail=error.strerror or str(error)) from None


def _sign(args: argparse.Namespace) -> int:
    from supportdesk.domain.handover import SignOffForm  # noqa: PLC0415
    from supportdesk.services import handover  # noqa: PLC0415

    scan = _read_scan(args.scan)
    app = _open(args)
    with app.db.write() as session:
        project = project_id_by_name(session, args.project, args.customer)
        row = handover.sign(
            session,
            SignOffForm(project, args.on, args.ours, args.theirs, args.scan.name, scan),
        )
    print(f"{args.project}: signed, version {row.version_no}, package {row.package_sha256}")
    return EXIT_OK


def _amend(args: argparse.Namespace) -> int:
    from supportdesk.services import handover  # noqa: PLC0415

    app = _open(args)
    with app.db.write() as session:
        project = project_id_by_name(session, args.project, args.customer)
        handover.amend(session, project, args.reason)
    print(f"{args.project}: amendment open")
    return EXIT_OK


def _verify(args: argparse.Namespace) -> int:
    from supportdesk.cli import EXIT_USER  # noqa: PLC0415
    from supportdesk.services import handover  # noqa: PLC0415

    app = _open(args)
    with app.db.read() as session:
        project = project_id_by_name(session, args.project, args.customer)
        checks = handover.verify_signoffs(session, project)
        rows = [
            {
                "version": c.version_no,
                "ok": c.ok,
                "reason": c.reason,
                "package_sha256": s.package_sha256,
            }
            for c, s in zip(checks, handover.signoffs(session, project), strict=True)
        ]
    _emit(
        rows,
        args.json,
        lambda rs: (
            "\n".join(
                f"version {r['version']}\t{r['package_sha256']}\t{'ok' if r['ok'] else r['reason']}"
                for r in rs
            )
            or "not signed"
        ),
    )
    return EXIT_OK if rows and all(r["ok"] for r in rows) else EXIT_USER


HANDLERS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    ("handover", "status"): _status,
    ("handover", "advance"): _advance,
    ("handover", "export"): _export,
    ("handover", "missing"): _missing,
    ("handover", "sign"): _sign,
    ("handover", "amend"): _amend,
    ("handover", "verify"): _verify,
}
