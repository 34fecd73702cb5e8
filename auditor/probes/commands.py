"""`auditor probes list|export|run|score`."""

from __future__ import annotations

import argparse

from auditor.errors import InputError


def _list(args: argparse.Namespace) -> int:
    from auditor.probes.packs import available_packs, load_pack

    for name in available_packs():
        pack = load_pack(name)
        print(f"{name}\t{pack.kind}\t{len(pack.probes)} probes\t{', '.join(pack.attributes())}\t{pack.title}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from auditor.probes.packs import export_pack

    count = export_pack(args.pack, args.out)
    print(f"wrote {count} probes to {args.out}")
    return 0


def _run(args: argparse.Namespace) -> int:
    from auditor.probes.packs import load_pack
    from auditor.probes.targets import parse_target, run_probes
    from auditor.progress import cli_progress

    probes = list(load_pack(args.pack).probes)
    if args.limit:
        probes = probes[: args.limit]
    target = parse_target(args.target, concurrency=args.concurrency, timeout=args.timeout)
    with cli_progress() as progress:
        counts = run_probes(probes, target, args.out, progress=progress)
    print(
        f"{target.name}: answered {counts['answered']}, resumed {counts['skipped']}, failed {counts['failed']}"
        f" -> {args.out}"
    )
    return 0


def _score(args: argparse.Namespace) -> int:
    from auditor.output import atomic_write_json
    from auditor.probes.analysis import read_outputs, score_rows
    from auditor.progress import cli_progress

    rows = [row for path in args.outputs for row in read_outputs(path)]
    if all(not r["output"].strip() for r in rows):
        raise InputError(args.outputs[0], "every output is empty: nothing can be scored")
    with cli_progress() as progress:
        result = score_rows(rows, progress=progress)
    if args.json:
        atomic_write_json(args.json, result)
    print(f"{result['n_outputs']} outputs, {result['n_errors']} empty or failed")
    for metric, value in sorted(result["metrics"].items()):
        print(f"  {metric}: {value:.3f}")
    for f in result["findings"]:
        if f["significant"]:
            high, low = f["gap_groups"]
            print(
                f"  SIGNIFICANT {f['attribute']} {f['metric']}: {high} vs {low} gap {f['gap']:+.3f} "
                f"(p adj {f['p_adjusted']:.3g})"
            )
    for reason in result["missing_models"]:
        print(f"  note: {reason}")
    return 0


def register(commands: argparse._SubParsersAction) -> None:
    probes = commands.add_parser("probes", help="bias and child-safety probes").add_subparsers(
        dest="sub", required=True
    )
    probes.add_parser("list", help="list probe packs").set_defaults(func=_list)
    export = probes.add_parser("export", help="write a pack's probes as CSV")
    export.add_argument("--pack", default="default")
    export.add_argument("--out", required=True)
    export.set_defaults(func=_export)
    run = probes.add_parser("run", help="answer a pack's probes with a target (resumable)")
    run.add_argument("--pack", default="default")
    run.add_argument("--target", required=True, help="echo | demo | hf:PATH_OR_NAME | openai:BASE_URL#MODEL")
    run.add_argument("--out", required=True)
    run.add_argument("--limit", type=int, help="only the first N probes")
    run.add_argument("--concurrency", type=int, default=4)
    run.add_argument("--timeout", type=float, default=60.0)
    run.set_defaults(func=_run)
    score = probes.add_parser("score", help="score outputs and compare groups")
    score.add_argument("outputs", nargs="+")
    score.add_argument("--json", help="findings JSON to write")
    score.set_defaults(func=_score)
