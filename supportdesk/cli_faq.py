"""`supportdesk faq` (issue 9, R2.2): search the service manual, export the month's manual
as DOCX or PDF, or upload it (and this month's changes) to the document system."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from supportdesk.cli import EXIT_OK, EXIT_USER, _emit, _open, month_arg, system_id_by_name


def _limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 1000:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number from 1 to 1000")
    return value


def add_parsers(sub: Any) -> None:
    faq = sub.add_parser("faq", help="the service manual (R2.2)").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    search = faq.add_parser("search", help="entries holding every word, best first")
    search.add_argument("text")
    search.add_argument("--system", help="only this system's entries")
    search.add_argument("--tag", default="", help="only entries with this tag")
    search.add_argument("--limit", type=_limit, default=50, help="at most this many (1-1000)")
    search.add_argument("--json", action="store_true")
    export = faq.add_parser("export", help="the manual as it stood at a month's end")
    export.add_argument("--month", type=month_arg, required=True, help="YYYY-MM")
    export.add_argument("--format", choices=["docx", "pdf"], help="with --out")
    where = export.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", type=Path, help="write the document here")
    where.add_argument(
        "--upload",
        action="store_true",
        help="upload the manual and the month's changes to the document system (team settings)",
    )
    export.add_argument("--changes", action="store_true", help="only what changed that month")
    export.add_argument("--group", choices=["system", "category"], help="default: team setting")
    export.add_argument(
        "--passphrase-file", type=Path, help="the vault passphrase (a WebDAV password)"
    )


def _search(args: argparse.Namespace) -> int:
    from supportdesk.domain.faq import SearchFilter  # noqa: PLC0415
    from supportdesk.services import faq  # noqa: PLC0415

    app = _open(args)
    with app.db.read() as session:
        system = system_id_by_name(session, args.system) if args.system else None
        result = faq.search(
            session, args.text, SearchFilter(system_id=system, tag=args.tag), limit=args.limit
        )

    def text(_: object) -> str:
        lines = [f"{result.total} found"]
        for hit in result.hits:
            where = " ".join(p for p in (hit.row.customer, hit.row.system) if p)
            lines.append(f"{hit.row.id}\t{hit.row.state.value}\t{hit.row.question}\t{where}")
            lines.append(f"\t{_marked(hit.snippet, hit.spans)}")
        return "\n".join(lines)

    _emit(
        {
            "terms": list(result.terms),
            "total": result.total,
            "hits": [
                {
                    "id": h.row.id,
                    "question": h.row.question,
                    "state": h.row.state.value,
                    "category": h.row.category,
                    "customer": h.row.customer,
                    "project": h.row.project,
                    "system": h.row.system,
                    "tags": list(h.row.tags),
                    "snippet": h.snippet,
                    "highlights": [h.snippet[a:b] for a, b in h.spans],
                    "updated_at": h.row.updated_at,
                }
                for h in result.hits
            ],
        },
        args.json,
        text,
    )
    return EXIT_OK


def _marked(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """Matches between 【 】 (a terminal has no highlighting to count on)."""
    for start, end in reversed(spans):
        text = f"{text[:start]}【{text[start:end]}】{text[end:]}"
    return text


def _export(args: argparse.Namespace) -> int:
    from supportdesk.cli import _speaking  # noqa: PLC0415
    from supportdesk.domain.errors import ValidationError  # noqa: PLC0415
    from supportdesk.domain.faq import Grouping  # noqa: PLC0415
    from supportdesk.reports.pdf import ensure_application  # noqa: PLC0415
    from supportdesk.services import faq, team_settings  # noqa: PLC0415
    from supportdesk.services.files import write_beside  # noqa: PLC0415
    from supportdesk.ui.i18n import resource_path  # noqa: PLC0415

    app = _open(args)
    ensure_application()  # before _speaking: the PDF needs QtGui
    font = resource_path("fonts/SupportDeskSansSC-Regular.ttf")
    with app.db.read() as session:
        settings = team_settings.all_values(session)
    grouping = Grouping(args.group or settings["faq.export.grouping"])
    with _speaking(args):
        if args.out is not None:
            if args.format is None:
                raise ValidationError("format", "required")
            with app.db.read() as session:
                document = faq.manual(
                    session, args.month, changes_only=args.changes, grouping=grouping
                )
            write_beside(args.out, faq.render(document, args.format, font))
            print(f"{args.out}: {document.count} entries")
            return EXIT_OK
        uploader = _uploader(args, app, settings)
        made = faq.upload_month(
            app.db,
            args.month,
            uploader,
            font,
            formats=[args.format] if args.format else faq.export_formats(settings),
            grouping=grouping,
        )
    for row in made:
        state = "uploaded" if row.ok else f"FAILED ({row.error})"
        print(f"{row.file_name}\t{row.entries} entries\t{state}\t{row.target}")
    return EXIT_OK if all(r.ok for r in made) else EXIT_USER


def _uploader(args: argparse.Namespace, app: Any, settings: dict[str, Any]) -> Any:
    from supportdesk.bootstrap import make_uploader, vault_secret  # noqa: PLC0415
    from supportdesk.cli_vault import _opened  # noqa: PLC0415
    from supportdesk.domain.errors import ValidationError  # noqa: PLC0415

    def secret(name: str) -> str | None:
        return vault_secret(app.db, _opened(args, app))(name)

    uploader = make_uploader(settings, secret)
    if uploader is None:
        raise ValidationError("faq.upload.kind", "not_configured")
    return uploader


HANDLERS: dict[tuple[str, str | None], Callable[[argparse.Namespace], int]] = {
    ("faq", "search"): _search,
    ("faq", "export"): _export,
}
