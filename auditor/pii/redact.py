"""Write a redacted copy of a sample with Presidio's anonymizer: replace, mask or hash per type."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from datetime import date
from pathlib import Path

from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

from auditor.output import atomic_write_text
from auditor.pii.engine import get_text_scanner
from auditor.pii.loaders import TEXT_COLUMN, open_source
from auditor.pii.tabular import ColumnPlan, plan_columns, scan_chunk

OPERATORS = ("replace", "mask", "hash")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _operator(kind: str) -> dict[str, OperatorConfig]:
    if kind == "mask":
        return {"DEFAULT": OperatorConfig("mask", {"masking_char": "*", "chars_to_mask": 100, "from_end": False})}
    if kind == "hash":
        return {"DEFAULT": OperatorConfig("hash", {"hash_type": "sha256"})}
    return {"DEFAULT": OperatorConfig("replace", {})}  # "<ENTITY_TYPE>"


def neutralise_formula(value: str) -> str:
    """Prefix cells a spreadsheet would run as a formula (CSV injection)."""
    return "'" + value if value.startswith(FORMULA_START) else value


def redact_file(path: str | Path, out: str | Path, *, operator: str = "replace", today: date | None = None) -> int:
    """Redact every finding in ``path`` and write ``out`` (CSV for tables, text for text). Returns the count."""
    if operator not in OPERATORS:
        raise ValueError(f"operator must be one of {', '.join(OPERATORS)}")
    source = open_source(path)
    scanner, anonymizer, operators = get_text_scanner(), AnonymizerEngine(), _operator(operator)
    text_mode = source.kind == "text"
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    plans: list[ColumnPlan] | None = [ColumnPlan(TEXT_COLUMN, "free_text")] if text_mode else None
    count = 0
    for chunk in source.chunks():
        if plans is None:
            plans = plan_columns(chunk.head(200))
            writer.writerow([neutralise_formula(str(c)) for c in chunk.columns])
        # Line by line for text (offsets within the line), cell by cell for tables.
        findings = scan_chunk(chunk, plans, str(path), scanner, today or date.today())
        count += len(findings)
        by_cell: dict[tuple[int, str], list[RecognizerResult]] = defaultdict(list)
        for f in findings:
            by_cell[(f.row, f.column)].append(RecognizerResult(f.entity_type, f.start, f.end, f.score))
        columns = [p.column for p in plans]
        for row, values in chunk[columns].iterrows():
            cells = []
            for column, value in values.items():
                results = by_cell.get((int(row), column))
                if results:
                    value = anonymizer.anonymize(text=value, analyzer_results=results, operators=operators).text
                cells.append(value)
            if text_mode:
                buffer.write(cells[0])
            else:
                writer.writerow([neutralise_formula(c) for c in cells])
    atomic_write_text(out, buffer.getvalue())
    return count
