"""`supportdesk inspect` (issue 5): run the monthly inspection from a script or a scheduler.

Exit 0 when every host of every system named was inspected, 1 when any was not (or the
input was wrong); the findings are in the JSON."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from supportdesk.cli import EXIT_OK, EXIT_USER, _emit, _open, system_id_by_name
from supportdesk.cli_vault import _opened


def add_parsers(sub: Any) -> None:
    inspect = sub.add_parser("inspect", help="inspect systems over SSH (the monthly R2.3 run)")
    which = inspect.add_mutually_exclusive_group(required=True)
    which.add_argument("--system", help="the system's name")
    which.add_argument("--all-due", action="store_true", help="every system due this period")
    inspect.add_argument("--period", help="YYYY-MM (default: this month)")
    inspect.add_argument(
        "--accept-new-host-keys",
        action="store_true",
        help="accept the key a host shows at first contact (recorded in the audit log)",
    )
    inspect.add_argument("--json", action="store_true")
    inspect.add_argument(
        "--passphrase-file", type=Path, help="read the vault passphrase from this file's first line"
    )
    reports = sub.add_parser("report", help="write a report").add_subparsers(
        dest="action", required=True, metavar="KIND"
    )
    monthly = reports.add_parser("inspection", help="a system's monthly inspection report")
    monthly.add_argument("--system", required=True, help="the system's name")
    monthly.add_argument("--period", required=True, help="YYYY-MM")
    monthly.add_argument("--format", choices=["pdf", "docx"], required=True)
    monthly.add_argument("--out", type=Path, required=True)


def _inspect(args: argparse.Namespace) -> int:
    from supportdesk.services import inspection  # noqa: PLC0415

    app = _open(args)
    period = args.period or date.today().strftime("%Y-%m")
    with app.db.read() as session:
        if args.all_due:
            systems = inspection.due_systems(session, period)
        else:
            systems = [(system_id_by_name(session, args.system), args.system)]
    reports: list[dict[str, Any]] = []
    if not systems:  # nothing due: no passphrase asked for
        _emit({"period": period, "systems": reports}, args.json, _text)
        return EXIT_OK
    opened = _opened(args, app)
    all_reached = True
    try:
        for system_id, name in systems:
            summary = inspection.run_system(
                app.db,
                app.remote_shell(),
                opened,
                system_id,
                period,
                accept_new_keys=args.accept_new_host_keys,
                concurrency=int(app.config.get("inspection.concurrency")),
                progress=None if args.json else _progress(name),
            )
            with app.db.read() as session:
                hosts = inspection.run_results(session, summary.run_id)
            all_reached &= summary.reached == summary.hosts
            reports.append(
                {
                    "system": name,
                    "period": period,
                    "run": summary.run_id,
                    "hosts": hosts,
                    "reached": summary.reached,
                    "worst": summary.worst.value,
                }
            )
    finally:
        opened.lock()
    _emit({"period": period, "systems": reports}, args.json, _text)
    return EXIT_OK if all_reached else EXIT_USER


def _progress(system: str) -> Callable[[int, int, str], None]:
    def show(done: int, total: int, host: str) -> None:
        print(f"{system}: {done}/{total} {host}", file=sys.stderr, flush=True)

    return show


def _text(report: dict[str, Any]) -> str:
    from supportdesk.domain.errors import SupportDeskError  # noqa: PLC0415
    from supportdesk.ui.messages import describe  # noqa: PLC0415

    lines = [f"period {report['period']}"]
    for system in report["systems"]:
        hosts = system["hosts"]
        lines.append(
            f"{system['system']}: {system['reached']}/{len(hosts)} hosts inspected, "
            f"worst {system['worst']}"
        )
        for host in hosts:
            if not host.reached:
                why = describe(SupportDeskError(host.outcome, **host.error))
                lines.append(f"  {host.host}: not inspected: {why}")
                continue
            bad = [f for f in host.findings if f.verdict.value not in ("ok",)]
            lines.append(f"  {host.host}: {host.worst}" + ("" if bad else " (all ok)"))
            lines += [
                "    " + " ".join(f"{f.verdict.value} {f.key} {f.value} {f.detail}".split())
                for f in bad
            ]
    return "\n".join(lines)


def _report(args: argparse.Namespace) -> int:
    from supportdesk.cli import _speaking  # noqa: PLC0415
    from supportdesk.domain.errors import ValidationError  # noqa: PLC0415
    from supportdesk.reports import inspection_report  # noqa: PLC0415
    from supportdesk.reports.pdf import ensure_application  # noqa: PLC0415
    from supportdesk.services import inspection  # noqa: PLC0415
    from supportdesk.ui.i18n import resource_path  # noqa: PLC0415

    app = _open(args)
    with app.db.read() as session:
        run_id = inspection.newest_run(
            session, system_id_by_name(session, args.system), args.period
        )
        if run_id is None:
            raise ValidationError("period", "no_inspection", value=args.period)
        data = inspection.report(session, run_id)
    ensure_application()  # before _speaking: the report needs QtGui
    with _speaking(args):
        if args.format == "pdf":
            font = resource_path("fonts/SupportDeskSansSC-Regular.ttf")
            inspection_report.write_pdf(data, args.out, font)
        else:
            inspection_report.write_docx(data, args.out)
    print(args.out)
    return EXIT_OK


HANDLERS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    ("inspect", None): _inspect,
    ("report", "inspection"): _report,
}
