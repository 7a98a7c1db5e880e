"""`supportdesk optimisation` (issue 10, R2.4): draft the month's optimisation report, show it,
take a step of its approval chain (checked against the user's role), and export it."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from supportdesk.cli import EXIT_OK, _emit, _open, month_arg


def add_parsers(sub: Any) -> None:
    opt = sub.add_parser(
        "optimisation", help="the monthly optimisation report (R2.4)"
    ).add_subparsers(dest="action", required=True, metavar="ACTION")
    draft = opt.add_parser("draft", help="start the month's report, or add what is new to it")
    draft.add_argument("--month", type=month_arg, required=True, help="YYYY-MM")
    draft.add_argument("--json", action="store_true")
    show = opt.add_parser("show", help="the report, its items and its approval steps")
    show.add_argument("--month", type=month_arg, required=True, help="YYYY-MM")
    show.add_argument("--json", action="store_true")
    for name, text in (
        ("submit", "the group leader submits the report"),
        ("approve", "the sales director, then a committee member, approves it"),
        ("return", "send it back to the group with a comment"),
    ):
        step = opt.add_parser(name, help=text)
        step.add_argument("--month", type=month_arg, required=True, help="YYYY-MM")
        step.add_argument("--comment", default="", help="required when returning")
    _push_parser(opt)
    _export_parser(opt)


def _push_parser(opt: Any) -> None:
    push = opt.add_parser(
        "push", help="file an approved report's measures as ZenTao tasks (team settings zentao.*)"
    )
    push.add_argument("--month", type=month_arg, required=True, help="YYYY-MM")
    push.add_argument(
        "--sheet", type=Path, help="also write what waits as ZenTao's task-import XLSX"
    )
    push.add_argument(
        "--passphrase-file", type=Path, help="the vault passphrase (the ZenTao password)"
    )


def _export_parser(opt: Any) -> None:
    export = opt.add_parser(
        "export", help="write the month's report, in any state, as DOCX, PDF or XLSX"
    )
    export.add_argument("--month", type=month_arg, required=True, help="YYYY-MM")
    export.add_argument("--format", choices=["docx", "pdf", "xlsx"], required=True)
    export.add_argument("--out", type=Path, required=True)


def _text(report: Any) -> str:
    lines = [
        f"{report.month}: {report.state.value}"
        + (f", waiting for {report.holder.value}" if report.holder else "")
    ]
    for item in report.items:
        mark = " OVERDUE" if item.overdue else ""
        carried = f" (from {item.carried_from})" if item.carried_from else ""
        lines.append(
            f"{item.id}\t{item.state.value}{mark}\t{item.customer} {item.project}"
            f"\t{item.category.value}\t{item.department}\t{item.due_on}"
            f"\t{item.description}{carried}\t{item.measure}"
        )
    lines += [
        f"{s.at.astimezone():%Y-%m-%d %H:%M} {s.by} {s.decision.value} → {s.state_after.value}"
        + (f": {s.comment}" if s.comment else "")
        for s in report.steps
    ]
    return "\n".join(lines)


def _draft(args: argparse.Namespace) -> int:
    from supportdesk.services import optimisation  # noqa: PLC0415

    app = _open(args)
    with app.db.write() as session:
        report = optimisation.draft(session, args.month)
    _emit(report, args.json, _text)
    return EXIT_OK


def _show(args: argparse.Namespace) -> int:
    from supportdesk.services import optimisation  # noqa: PLC0415

    app = _open(args)
    with app.db.read() as session:
        report = optimisation.show(session, args.month)
    _emit(report, args.json, _text)
    return EXIT_OK


def _step(args: argparse.Namespace) -> int:
    from supportdesk.domain.optimisation import Decision  # noqa: PLC0415
    from supportdesk.services import optimisation  # noqa: PLC0415

    app = _open(args)
    with app.db.write() as session:
        report = optimisation.decide(session, args.month, Decision(args.action), args.comment)
    print(_text(report).splitlines()[0])
    return EXIT_OK


def _push(args: argparse.Namespace) -> int:
    from supportdesk.bootstrap import make_tracker, vault_secret  # noqa: PLC0415
    from supportdesk.cli_vault import _opened  # noqa: PLC0415
    from supportdesk.domain.errors import ValidationError  # noqa: PLC0415
    from supportdesk.domain.team_settings import executions  # noqa: PLC0415
    from supportdesk.services import optimisation, team_settings  # noqa: PLC0415

    app = _open(args)
    with app.db.read() as session:
        settings = team_settings.all_values(session)
        optimisation.show(session, args.month)  # a missing report says so before the vault

    def secret(name: str) -> str | None:
        return vault_secret(app.db, _opened(args, app))(name)

    tracker = make_tracker(settings, secret)
    if tracker is None:
        raise ValidationError("zentao.url", "not_configured")
    where = executions(str(settings["zentao.executions"]))
    result = optimisation.push_measures(
        app.db, args.month, tracker, where, str(settings["zentao.account"])
    )
    for item, task in result.pushed:
        print(f"item {item}: ZenTao task {task}")
    for item, reason in result.queued:
        print(f"item {item}: waits ({reason})")
    if result.queued and args.sheet is not None:
        with app.db.read() as session:
            optimisation.import_sheet(session, args.month, args.sheet, where)
        print(f"{args.sheet}: {len(result.queued)} measures to import into ZenTao by hand")
    return EXIT_OK if not result.queued else 1


def _export(args: argparse.Namespace) -> int:
    from supportdesk.reports.pdf import ensure_application  # noqa: PLC0415
    from supportdesk.services import optimisation_export  # noqa: PLC0415
    from supportdesk.ui.i18n import resource_path  # noqa: PLC0415

    app = _open(args)
    ensure_application()  # the PDF needs QtGui, before any error message makes a core app
    font = resource_path("fonts/SupportDeskSansSC-Regular.ttf")
    with app.db.read() as session:
        path = optimisation_export.export(session, args.month, args.format, args.out, font)
    print(path)
    return EXIT_OK


def _approve(args: argparse.Namespace) -> int:
    """An approval step; the one that approves the report also files it (DOCX + PDF) into
    this computer's document folder when one is set, in the same transaction, as the
    inspection page files an approved inspection report (R2.4)."""
    from supportdesk.domain.optimisation import Decision, ReportState  # noqa: PLC0415
    from supportdesk.reports.pdf import ensure_application  # noqa: PLC0415
    from supportdesk.services import optimisation, optimisation_export  # noqa: PLC0415
    from supportdesk.ui.i18n import resource_path  # noqa: PLC0415

    app = _open(args)
    folder = str(app.config.get("documents.folder") or "")
    if folder:
        ensure_application()
    font = resource_path("fonts/SupportDeskSansSC-Regular.ttf")
    files: list[Path] = []
    with app.db.write() as session:
        report = optimisation.decide(session, args.month, Decision.APPROVE, args.comment)
        if folder and report.state is ReportState.APPROVED:
            files = optimisation_export.file_approved(session, args.month, Path(folder), font)
    print(_text(report).splitlines()[0])
    for path in files:
        print(path)
    return EXIT_OK


HANDLERS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    ("optimisation", "draft"): _draft,
    ("optimisation", "show"): _show,
    ("optimisation", "submit"): _step,
    ("optimisation", "approve"): _approve,
    ("optimisation", "return"): _step,
    ("optimisation", "push"): _push,
    ("optimisation", "export"): _export,
}
