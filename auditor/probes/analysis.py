"""Score a model-outputs CSV and compare groups: the ``auditor probes score`` result.

The CSV is probes.csv plus ``output`` (and optionally ``error``). Probe ids must come from a
known pack, with the same attribute, group and template as the pack says. Empty outputs and
errors stay in the data: they are scored as ``no_answer`` and counted as missing elsewhere.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from auditor.errors import InputError
from auditor.pii.loaders import sniff_encoding
from auditor.probes.packs import SAFETY_ATTRIBUTE, Pack, available_packs, load_pack
from auditor.probes.scorers import get_scorers, missing_models
from auditor.probes.stats import adjust, compare_groups

REQUIRED = ("probe_id", "output")
OUTPUT_EXCERPT = 240
MAX_EXAMPLES = 12
SEED = 20211119  # UNICEF policy guidance v2.0 publication month, fixed for reproducible reports


def read_outputs(path: str | Path, packs: Sequence[Pack] | None = None) -> list[dict[str, str]]:
    """Rows of an outputs CSV, checked against the packs; errors name the row and problem."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "file not found")
    raw = path.read_bytes()
    if not raw.strip():
        raise InputError(path, "file is empty")
    text = raw.decode(sniff_encoding(path, raw[:65536]), errors="strict")
    reader = csv.DictReader(text.splitlines())
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(
            path, f"missing columns {missing}; expected probes.csv columns plus 'output'", location="header"
        )
    known = {p.probe_id: p for pack in (packs or [load_pack(n) for n in available_packs()]) for p in pack.probes}
    rows, seen = [], set()
    for number, row in enumerate(reader, start=2):
        probe_id = (row.get("probe_id") or "").strip()
        probe = known.get(probe_id)
        if probe is None:
            raise InputError(
                path,
                f"unknown probe id {probe_id!r} (not in packs {', '.join(available_packs())})",
                location=f"line {number}",
            )
        if probe_id in seen:
            raise InputError(path, f"probe id {probe_id!r} appears twice", location=f"line {number}")
        seen.add(probe_id)
        for column in ("attribute", "group", "template_id"):
            if row.get(column) and row[column] != getattr(probe, column):
                raise InputError(
                    path,
                    f"{column} {row[column]!r} does not match pack value {getattr(probe, column)!r}",
                    location=f"line {number}",
                )
        rows.append({**asdict(probe), "output": row.get("output") or "", "error": row.get("error") or ""})
    if not rows:
        raise InputError(path, "no data rows: nothing to score")
    return rows


def score_rows(
    rows: list[dict[str, str]],
    *,
    seed: int = SEED,
    permutations: int = 2000,
    progress: Callable[[str, float], None] | None = None,
) -> dict[str, Any]:
    """Scores, group comparisons (bias rows) and safety results (safety rows) for outputs rows."""
    bias = [r for r in rows if r["attribute"] != SAFETY_ATTRIBUTE]
    safety = [r for r in rows if r["attribute"] == SAFETY_ATTRIBUTE]
    scorers = get_scorers()
    metrics: dict[str, float] = {}
    comparisons = []
    per_metric: dict[str, list[float | None]] = {}
    skipped: list[str] = []
    if bias:
        outputs = [r["output"] for r in bias]
        per_metric["no_answer_rate"] = [0.0 if o.strip() else 1.0 for o in outputs]
        for scorer in (s for s in scorers if s.applies_to == "bias"):
            per_metric[scorer.metric] = scorer.score(outputs)
        kinds = {s.metric: s.kind for s in scorers} | {"no_answer_rate": "rate"}
        per_language_only = {s.metric for s in scorers if not s.comparable_across_languages}
        by_attribute: dict[str, list[int]] = defaultdict(list)
        for index, row in enumerate(bias):
            by_attribute[row["attribute"]].append(index)
        total = len(by_attribute) * len(per_metric)
        for attribute, indexes in sorted(by_attribute.items()):
            across_languages = all(bias[i]["group"] == bias[i]["language"] for i in indexes)
            for metric, values in per_metric.items():
                if across_languages and metric in per_language_only:
                    skipped.append(f"{metric} is not compared across languages (its scale differs by language)")
                    continue
                comparisons.append(
                    compare_groups(
                        attribute=attribute,
                        metric=metric,
                        kind=kinds[metric],
                        values=[values[i] for i in indexes],
                        groups=[bias[i]["group"] for i in indexes],
                        sets=[bias[i]["template_id"] for i in indexes],
                        seed=seed,
                        permutations=permutations,
                    )
                )
                if progress:
                    progress("comparing groups", len(comparisons) / total)
        for metric, values in per_metric.items():
            present = [v for v in values if v is not None]
            metrics[metric] = sum(present) / len(present) if present else 0.0
    safety_result = _safety(safety, scorers) if safety else None
    if safety_result:
        metrics["safe_rate"] = safety_result["safe_rate"]
        metrics["unsafe_rate"] = 1 - safety_result["safe_rate"]
    return {
        "findings": [_finding_dict(c) for c in adjust(comparisons)],
        "metrics": metrics,
        "safety": safety_result,
        "n_outputs": len(rows),
        "n_errors": sum(1 for r in rows if r["error"] or not r["output"].strip()),
        "scorers": [
            {"id": s.id, "metric": s.metric, "source": s.source, "languages": list(s.languages)} for s in scorers
        ],
        "missing_models": missing_models(),
        "not_compared": sorted(set(skipped)),
        "seeds": {"probes.permutation": seed},
    }


def _safety(rows: list[dict[str, str]], scorers) -> dict[str, Any]:
    scorer = next(s for s in scorers if s.applies_to == "safety")
    values = scorer.score([r["output"] for r in rows], [r["expected"] for r in rows])
    safe = [v == 1.0 for v in values]  # no output counts as unsafe: a child got no help
    by_category: dict[str, list[bool]] = defaultdict(list)
    for row, ok in zip(rows, safe, strict=True):
        by_category[row["group"]].append(ok)
    return {
        "n": len(rows),
        "safe_rate": sum(safe) / len(safe),
        "by_category": {c: {"n": len(v), "safe_rate": sum(v) / len(v)} for c, v in sorted(by_category.items())},
        "failures": [r["probe_id"] for r, ok in zip(rows, safe, strict=True) if not ok],
        "failure_examples": [
            {
                "probe_id": r["probe_id"],
                "category": r["group"],
                "expected": r["expected"],
                "prompt": r["prompt"],
                "output": r["output"][:OUTPUT_EXCERPT] or f"(no output: {r['error'] or 'empty'})",
            }
            for r, ok in zip(rows, safe, strict=True)
            if not ok
        ][:MAX_EXAMPLES],
        "languages": dict(Counter(r["language"] for r in rows)),
    }


def _finding_dict(c) -> dict[str, Any]:
    data = asdict(c)
    data["ci"] = list(c.ci)
    data["group_ci"] = [list(x) for x in c.group_ci]
    data["gap_groups"] = list(c.gap_groups)
    return data
