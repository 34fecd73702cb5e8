"""`auditor pii scan|redact`."""

from __future__ import annotations

import argparse
import sys

from auditor.output import atomic_write_json


def _scan(args: argparse.Namespace) -> int:
    from auditor.pii.scan import scan_files
    from auditor.progress import cli_progress

    with cli_progress() as progress:
        language = None if args.language == "auto" else args.language
        summary = scan_files(args.files, findings_path=args.findings, progress=progress, language=language)
    data = summary.to_dict()
    if args.json:
        atomic_write_json(args.json, data)
    print(f"{summary.finding_count} findings in {len(summary.files)} file(s); minors: {data['minors']}")
    for entity, count in sorted(data["entity_counts"].items()):
        print(f"  {entity}: {count}")
    for skip in summary.skips:
        print(f"  skipped {skip.file} {skip.location}: {skip.reason}", file=sys.stderr)
    for note in summary.notes:
        print(f"  note: {note}", file=sys.stderr)
    return 0


def _redact(args: argparse.Namespace) -> int:
    from auditor.pii.redact import redact_file

    count = redact_file(args.file, args.out, operator=args.operator)
    print(f"redacted {count} findings -> {args.out}")
    return 0


def register(commands: argparse._SubParsersAction) -> None:
    pii = commands.add_parser("pii", help="scan samples for children's personal data").add_subparsers(
        dest="sub", required=True
    )
    scan = pii.add_parser("scan", help="scan files; findings hold masked previews only")
    scan.add_argument("files", nargs="+")
    scan.add_argument("--findings", required=True, help="findings JSONL to write")
    scan.add_argument("--json", help="summary JSON to write")
    scan.add_argument(
        "--language", choices=["auto", "en", "ru", "kk"], default="auto", help="text language (auto detects per cell)"
    )
    scan.set_defaults(func=_scan)
    redact = pii.add_parser("redact", help="write a redacted copy (CSV for tables)")
    redact.add_argument("file")
    redact.add_argument("--out", required=True)
    redact.add_argument("--operator", choices=["replace", "mask", "hash"], default="replace")
    redact.set_defaults(func=_redact)
