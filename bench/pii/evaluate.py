"""Precision, recall and F1 of findings against gold spans (exact span and type). Pure functions."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

Key = tuple[str, int | None, str | None, int, int, str]
TYPES = ("PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "KZ_IIN", "DATE_TIME", "LOCATION", "IP_ADDRESS")


def span_key(record: dict) -> Key:
    return (
        Path(record["file"]).name,
        record["row"],
        record["column"],
        record["start"],
        record["end"],
        record["entity_type"],
    )


def read_jsonl(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def score_spans(predicted: Iterable[dict], gold: Iterable[dict], types: Iterable[str] = TYPES) -> dict:
    """Per-type and micro P/R/F1; predictions of other types count as false positives under their type."""
    wanted = set(types)
    pred = {span_key(r) for r in predicted}
    true = {span_key(r) for r in gold if r["entity_type"] in wanted}
    tp, fp, fn = Counter(), Counter(), Counter()
    for key in pred:
        (tp if key in true else fp)[key[-1]] += 1
    for key in true - pred:
        fn[key[-1]] += 1

    def prf(t: int, p: int, n: int) -> dict:
        precision = t / (t + p) if t + p else 1.0
        recall = t / (t + n) if t + n else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "tp": t,
            "fp": p,
            "fn": n,
        }

    per_type = {t: prf(tp[t], fp[t], fn[t]) for t in sorted(set(tp) | set(fp) | set(fn))}
    micro_types = [t for t in per_type if t in wanted]
    micro = prf(sum(tp[t] for t in micro_types), sum(fp[t] for t in micro_types), sum(fn[t] for t in micro_types))
    extra = {t: fp[t] for t in fp if t not in wanted}
    return {"per_type": per_type, "micro": micro, "other_types_flagged": extra}
