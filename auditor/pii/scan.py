"""Scan files for children's personal data: findings (streamed) and a per-column summary."""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from auditor.errors import InputError
from auditor.output import AtomicJsonlWriter
from auditor.pii.engine import get_text_scanner, ner_status
from auditor.pii.findings import Finding
from auditor.pii.loaders import TEXT_COLUMN, Skip, open_source
from auditor.pii.reidentification import SPECIAL_TERMS, k_anonymity, suggested_action
from auditor.pii.tabular import ColumnPlan, plan_columns, scan_chunk

Progress = Callable[[str, float], None]
SCAN_CHUNK_ROWS = 5_000  # small enough to keep two cores busy, large enough to amortise pickling


@dataclass
class ColumnSummary:
    file: str
    column: str | None
    kind: str
    rows: int = 0
    rows_with_pii: int = 0
    entity_counts: Counter = field(default_factory=Counter)
    minors: int = 0
    special_mentions: int = 0
    example: str = ""
    quasi_identifier: bool = False
    special_category: bool = False

    def to_dict(self) -> dict[str, Any]:
        types = sorted(self.entity_counts)
        return {
            "file": self.file,
            "column": self.column,
            "kind": self.kind,
            "entity_types": types,
            "entity_counts": dict(self.entity_counts),
            "rows": self.rows,
            "rows_with_pii": self.rows_with_pii,
            "share_of_rows": self.rows_with_pii / self.rows if self.rows else 0.0,
            "minors": self.minors,
            "special_category": self.special_category or self.special_mentions > 0,
            "special_mentions": self.special_mentions,
            "quasi_identifier": self.quasi_identifier,
            "suggested_action": suggested_action(types, self.kind, self.special_category or self.special_mentions > 0),
            "example": self.example,
        }


@dataclass
class ScanSummary:
    files: list[dict[str, Any]]
    columns: list[ColumnSummary]
    skips: list[Skip]
    k_anonymity: list[dict[str, Any]]
    finding_count: int
    notes: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "columns": [c.to_dict() for c in self.columns],
            "skipped": [s.__dict__ for s in self.skips],
            "k_anonymity": self.k_anonymity,
            "finding_count": self.finding_count,
            "entity_counts": dict(sum((c.entity_counts for c in self.columns), Counter())),
            "minors": sum(c.minors for c in self.columns),
            "notes": self.notes,
        }


def _scan_chunk_in_worker(args: tuple) -> list[Finding]:
    chunk, plans, name, today, text_mode, language = args
    return scan_chunk(chunk, plans, name, get_text_scanner(), today, text_mode=text_mode, language=language)


def _chunk_results(
    chunks: Iterator[pd.DataFrame],
    plan_for: Callable[[pd.DataFrame], list[ColumnPlan]],
    name: str,
    today: date,
    text_mode: bool,
    workers: int,
    language: str | None = None,
) -> Iterator[tuple[pd.DataFrame, list[ColumnPlan], list[Finding]]]:
    """(chunk, plans, findings) in file order; with workers > 1 the chunks go to a process pool."""
    first = next(chunks, None)
    if first is None:
        return
    plans = plan_for(first)
    all_chunks = itertools.chain([first], chunks)
    if workers <= 1:
        for chunk in all_chunks:
            yield (
                chunk,
                plans,
                scan_chunk(chunk, plans, name, get_text_scanner(), today, text_mode=text_mode, language=language),
            )
        return
    get_text_scanner()  # load once before forking: workers inherit the recognizers
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        pending: deque = deque()
        for chunk in all_chunks:
            pending.append(
                (chunk, pool.submit(_scan_chunk_in_worker, (chunk, plans, name, today, text_mode, language)))
            )
            if len(pending) > 2 * workers:  # bounded: memory stays at a few chunks
                done_chunk, future = pending.popleft()
                yield done_chunk, plans, future.result()
        while pending:
            done_chunk, future = pending.popleft()
            yield done_chunk, plans, future.result()


def _scan_one(
    path: Path,
    sink: Callable[[Finding], None],
    today: date,
    progress: Progress | None,
    share: tuple[float, float],
    workers: int = 1,
    language: str | None = None,
) -> tuple[list[ColumnSummary], list[Skip], dict[str, Any], dict | None]:
    source = open_source(path)
    name = str(path)
    text_mode = source.kind == "text"
    plans: list[ColumnPlan] | None = None
    summaries: dict[str, ColumnSummary] = {}
    quasi_counts: Counter = Counter()
    total_rows = 0
    size = path.stat().st_size
    bytes_per_row: float | None = None

    def plan_for(first: pd.DataFrame) -> list[ColumnPlan]:
        return [ColumnPlan(TEXT_COLUMN, "free_text")] if text_mode else plan_columns(first.head(200))

    chunks = source.chunks(rows=SCAN_CHUNK_ROWS)
    for chunk, chunk_plans, findings in _chunk_results(chunks, plan_for, name, today, text_mode, workers, language):
        if plans is None:
            plans = chunk_plans
            summaries = {
                p.column: ColumnSummary(
                    name,
                    None if text_mode else p.column,
                    p.kind,
                    quasi_identifier=p.quasi_identifier,
                    special_category=p.special_category,
                )
                for p in plans
            }
        rows_hit: dict[str, set[int]] = {}
        for finding in findings:
            key = TEXT_COLUMN if text_mode else finding.column
            summary = summaries[key]
            summary.entity_counts[finding.entity_type] += 1
            summary.minors += bool(finding.minor)
            summary.example = summary.example or finding.preview
            rows_hit.setdefault(key, set()).add(finding.row if finding.row is not None else finding.start)
            sink(finding)
        for plan in plans:
            summary = summaries[plan.column]
            summary.rows += len(chunk)
            summary.rows_with_pii += len(rows_hit.get(plan.column, ()))
            if plan.kind == "free_text":
                summary.special_mentions += int(chunk[plan.column].str.contains(SPECIAL_TERMS, regex=True).sum())
        quasi = [p.column for p in plans if p.quasi_identifier]
        if quasi:
            quasi_counts.update(map(tuple, chunk[quasi].itertuples(index=False, name=None)))
        total_rows += len(chunk)
        if progress and len(chunk):
            if bytes_per_row is None:  # estimated once from the first chunk's cell lengths
                cells = chunk[[p.column for p in plans]]  # text files also carry an integer offset column
                bytes_per_row = max(1.0, cells.map(len).to_numpy().sum() / len(chunk) + len(cells.columns))
            done = min(1.0, total_rows * bytes_per_row / size)
            progress(f"scanning {path.name}", share[0] + (share[1] - share[0]) * done)
    if plans is None or total_rows == 0:
        source.skips.append(Skip(name, "whole file", "no data rows (header only or empty)"))
    quasi_columns = [p.column for p in plans or [] if p.quasi_identifier]
    k = k_anonymity(quasi_counts, name, quasi_columns) if quasi_counts else None
    info = {
        "file": name,
        "format": path.suffix.lower().lstrip("."),
        "encoding": source.encoding,
        "delimiter": source.delimiter,
        "rows": total_rows,
        "plan": {p.column: p.kind for p in plans or []},
    }
    return list(summaries.values()), source.skips, info, k


def scan_files(
    paths: Sequence[str | Path],
    *,
    findings_path: str | Path | None = None,
    today: date | None = None,
    progress: Progress | None = None,
    on_finding: Callable[[Finding], None] | None = None,
    workers: int | None = None,
    language: str | None = None,
) -> ScanSummary:
    """Scan every file; stream findings to ``findings_path`` (written only if the scan completes).

    ``language`` (kk, ru, en) fixes the language of free text; None detects it per cell.
    Raises :class:`InputError` when no file could be scanned at all.
    """
    today = today or date.today()
    if workers is None:  # parallel only for files of several chunks; small files stay in-process
        big = any(Path(p).is_file() and Path(p).stat().st_size > 4 * 1024 * 1024 for p in paths)
        workers = min(4, os.cpu_count() or 1) if big else 1
    writer = AtomicJsonlWriter(findings_path) if findings_path else None
    count = 0

    def sink(finding: Finding) -> None:
        nonlocal count
        count += 1
        if writer:
            writer.write(finding.to_dict())
        if on_finding:
            on_finding(finding)

    columns: list[ColumnSummary] = []
    skips: list[Skip] = []
    files: list[dict[str, Any]] = []
    k_rows: list[dict[str, Any]] = []
    errors: list[InputError] = []
    try:
        for index, path in enumerate(paths):
            share = (index / len(paths), (index + 1) / len(paths))
            try:
                file_columns, file_skips, info, k = _scan_one(
                    Path(path), sink, today, progress, share, workers, language
                )
            except InputError as exc:
                errors.append(exc)
                skips.append(Skip(str(path), exc.location or "whole file", exc.problem))
                continue
            columns += file_columns
            skips += file_skips
            files.append(info)
            if k:
                k_rows.append(k)
        if not any(f["rows"] for f in files):
            raise (
                errors[0]
                if len(errors) == 1
                else InputError(None, "nothing could be scanned: " + "; ".join(f"{s.file}: {s.reason}" for s in skips))
            )
    except BaseException:
        if writer:
            writer.discard()
        raise
    if writer:
        writer.commit()
    notes = [ner_status().note] if ner_status().note else []
    return ScanSummary(files, columns, skips, k_rows, count, notes)
