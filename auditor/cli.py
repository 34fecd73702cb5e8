"""`auditor ...`: a thin command line over the library. Exit codes: 0 ok, 1 gate failed, 2 bad input."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from auditor import __version__
from auditor.errors import InputError

EXIT_OK, EXIT_GATE, EXIT_BAD_INPUT = 0, 1, 2


def _cmd_checklist_validate(args: argparse.Namespace) -> int:
    from auditor.checklist import load_checklist

    for path in args.files:
        checklist = load_checklist(path)
        print(
            f"{path}: valid — {checklist.id} {checklist.version}, "
            f"{len(checklist.requirements)} requirements, {len(checklist.items)} items"
        )
    return EXIT_OK


def _cmd_checklist_list(args: argparse.Namespace) -> int:
    from auditor.checklist import available_checklists, bundled_checklist

    for checklist_id in available_checklists():
        checklist = bundled_checklist(checklist_id)
        print(f"{checklist_id}\t{checklist.version}\t{len(checklist.items)} items\t{checklist.title}")
    return EXIT_OK


def _cmd_audit(args: argparse.Namespace) -> int:
    from auditor.audit import run_audit
    from auditor.output import atomic_write_json
    from auditor.progress import cli_progress
    from auditor.report.render import render_html
    from auditor.scoring import fails_gate

    with cli_progress() as progress:
        outcome = run_audit(
            args.profile,
            args.answers,
            data_paths=args.data or (),
            outputs_path=args.outputs,
            checklist_ids=args.checklist,
            progress=progress,
        )
    report = outcome.report.to_dict()
    html = render_html(report) if args.html else None  # render before writing anything
    if args.json:
        atomic_write_json(args.json, report)
    if html is not None:
        from auditor.output import atomic_write_text

        atomic_write_text(args.html, html)
    score = "no score" if outcome.score.score is None else f"{outcome.score.score:.1f}"
    print(f"risk score {score} ({outcome.score.band}); blockers: {len(outcome.score.blockers)}")
    for blocker in outcome.score.blockers:
        print(f"  BLOCKER {blocker.item_id}: {blocker.reason}")
    if fails_gate(outcome.score, args.fail_above):
        print(f"gate failed (--fail-above {args.fail_above})", file=sys.stderr)
        return EXIT_GATE
    return EXIT_OK


def _cmd_report_render(args: argparse.Namespace) -> int:
    from auditor.report.render import load_report_json, write_html

    write_html(load_report_json(args.report), args.html)
    print(f"wrote {args.html}")
    return EXIT_OK


def _cmd_users_add(args: argparse.Namespace) -> int:
    import getpass
    import os

    from auditor.store import Store

    password = os.environ.get("AUDITOR_NEW_PASSWORD") or getpass.getpass(f"password for {args.username}: ")
    if len(password) < 8:
        raise InputError(None, "passwords need at least 8 characters")
    store = Store(args.database)
    if store.user(args.username):
        raise InputError(None, f"user {args.username!r} already exists")
    store.create_user(args.username, password, args.role, args.organisation)
    print(f"created {args.role} {args.username}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="auditor", description=__doc__)
    parser.add_argument("--version", action="version", version=f"auditor {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    checklist = commands.add_parser("checklist", help="checklists").add_subparsers(dest="sub", required=True)
    validate = checklist.add_parser("validate", help="validate checklist files against the schema")
    validate.add_argument("files", nargs="+")
    validate.set_defaults(func=_cmd_checklist_validate)
    checklist.add_parser("list", help="list bundled checklists").set_defaults(func=_cmd_checklist_list)

    audit = commands.add_parser("audit", help="run an audit and write the report")
    audit.add_argument("--profile", required=True, help="product profile (YAML/JSON)")
    audit.add_argument("--answers", required=True, help="checklist answers (YAML/JSON)")
    audit.add_argument("--data", nargs="+", help="sample data files to scan for children's personal data")
    audit.add_argument("--outputs", help="model outputs CSV (probes.csv plus an output column)")
    audit.add_argument("--checklist", action="append", help="checklist id (repeatable); default from answers")
    audit.add_argument("--json", help="write the report JSON here")
    audit.add_argument("--html", help="write the HTML report here")
    audit.add_argument("--fail-above", type=float, help="exit 1 if the score is above this or a blocker exists")
    audit.set_defaults(func=_cmd_audit)

    report = commands.add_parser("report", help="reports").add_subparsers(dest="sub", required=True)
    render = report.add_parser("render", help="render a report JSON to HTML")
    render.add_argument("report")
    render.add_argument("--html", required=True)
    render.set_defaults(func=_cmd_report_render)

    users = commands.add_parser("users", help="local accounts").add_subparsers(dest="sub", required=True)
    add = users.add_parser("add", help="create an account (password from AUDITOR_NEW_PASSWORD or a prompt)")
    add.add_argument("username")
    add.add_argument("--role", choices=["startup", "reviewer"], required=True)
    add.add_argument("--organisation", default="")
    add.add_argument("--database", help="SQLAlchemy URL (default: AUDITOR_DATABASE_URL or .auditor/auditor.db)")
    add.set_defaults(func=_cmd_users_add)

    for register in _plugin_registrations():
        register(commands)
    return parser


def _plugin_registrations() -> list[Callable[[argparse._SubParsersAction], None]]:
    """Sub-command groups that live beside their library code (pii, probes)."""
    from auditor.pii.commands import register as register_pii
    from auditor.probes.commands import register as register_probes

    return [register_pii, register_probes]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
