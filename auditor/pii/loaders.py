"""Read sample files as chunks of string cells, whatever their format and encoding.

Every loader yields ``pandas.DataFrame`` chunks of ``str`` cells whose index is the 0-based data
row (header excluded; for JSON/JSONL the record index), so memory stays at one chunk however
large the file. Problems that lose rows are recorded as :class:`Skip` (file, row or line, why);
problems that make the whole file unreadable raise :class:`InputError`.
"""

from __future__ import annotations

import csv
import json
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from charset_normalizer import from_bytes

from auditor.errors import InputError

CHUNK_ROWS = 20_000
SNIFF_BYTES = 64 * 1024
EXCEL_MAX_BYTES = 200 * 1024 * 1024
TABLE_SUFFIXES = {".csv", ".tsv", ".xlsx", ".xlsm", ".json", ".jsonl", ".ndjson", ".parquet"}
TEXT_SUFFIXES = {".txt", ".md", ".log"}
MAGIC = {b"PK\x03\x04": "a zip/Excel file", b"PAR1": "a Parquet file", b"%PDF": "a PDF", b"\x89PNG": "a PNG image"}


@dataclass(frozen=True)
class Skip:
    file: str
    location: str
    reason: str


@dataclass
class Source:
    """One opened file: ``chunks()`` yields DataFrames (tables) or one-column frames of text lines."""

    path: Path
    kind: str  # "table" | "text"
    encoding: str | None = None
    delimiter: str | None = None
    skips: list[Skip] = field(default_factory=list)

    def chunks(self, rows: int = CHUNK_ROWS) -> Iterator[pd.DataFrame]:
        reader = {
            ".csv": _csv_chunks,
            ".tsv": _csv_chunks,
            ".xlsx": _excel_chunks,
            ".xlsm": _excel_chunks,
            ".json": _json_chunks,
            ".jsonl": _jsonl_chunks,
            ".ndjson": _jsonl_chunks,
            ".parquet": _parquet_chunks,
        }.get(self.path.suffix.lower(), _text_chunks)
        yield from reader(self, rows)


def _check_magic(path: Path, head: bytes, expected: str) -> None:
    for magic, what in MAGIC.items():
        if head.startswith(magic) and what != expected:
            raise InputError(path, f"this looks like {what}, not a {path.suffix} file: check the extension")


def sniff_encoding(path: Path, head: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 by BOM, else charset-normalizer's guess (often cp1251)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if b"\x00" in head:
        raise InputError(path, "file contains NUL bytes: binary data, not text")
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start > len(head) - 4:  # a multi-byte character cut by the sample boundary
            return "utf-8"
    best = from_bytes(head, cp_isolation=["cp1251", "koi8_r", "cp1252", "latin_1", "utf_16"]).best()
    if best is None:
        raise InputError(path, "cannot tell the text encoding (not UTF-8, UTF-16 or cp1251)")
    return best.encoding


def open_source(path: str | Path) -> Source:
    """Open and sniff one file; raises :class:`InputError` for missing, empty or binary files."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "file not found")
    if path.stat().st_size == 0:
        raise InputError(path, "file is empty")
    suffix = path.suffix.lower()
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    if suffix in {".xlsx", ".xlsm"}:
        _check_magic(path, head, "a zip/Excel file")
        if not head.startswith(b"PK\x03\x04"):
            raise InputError(path, "not an Excel .xlsx file (no zip signature)")
        return Source(path, "table")
    if suffix == ".parquet":
        _check_magic(path, head, "a Parquet file")
        if not head.startswith(b"PAR1"):
            raise InputError(path, "not a Parquet file (no PAR1 signature)")
        return Source(path, "table")
    if suffix not in TABLE_SUFFIXES | TEXT_SUFFIXES:
        raise InputError(
            path,
            f"unsupported file type {suffix or '(none)'}; use one of "
            f"{', '.join(sorted(TABLE_SUFFIXES | TEXT_SUFFIXES))}",
        )
    _check_magic(path, head, "")
    encoding = sniff_encoding(path, head)
    source = Source(path, "text" if suffix in TEXT_SUFFIXES else "table", encoding=encoding)
    if suffix in {".csv", ".tsv"}:
        source.delimiter = "\t" if suffix == ".tsv" else _sniff_delimiter(head.decode(encoding, errors="ignore"))
    return source


def _sniff_delimiter(sample: str) -> str:
    try:
        return csv.Sniffer().sniff(sample[:16384], delimiters=",;\t|").delimiter
    except csv.Error:
        return ","


def _as_strings(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.astype("string").fillna("").astype(object)


def _csv_chunks(source: Source, rows: int) -> Iterator[pd.DataFrame]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            reader = pd.read_csv(
                source.path,
                sep=source.delimiter,
                encoding=source.encoding,
                dtype=str,
                keep_default_na=False,
                chunksize=rows,
                on_bad_lines="warn",
                encoding_errors="strict",
            )
            offset = 0
            for chunk in reader:
                chunk.index = range(offset, offset + len(chunk))
                offset += len(chunk)
                yield _as_strings(chunk)
        except pd.errors.EmptyDataError as exc:
            raise InputError(source.path, "no header row: the file has no columns") from exc
        except UnicodeDecodeError as exc:
            raise InputError(source.path, f"not valid {source.encoding} text ({exc.reason})") from exc
        except pd.errors.ParserError as exc:
            raise InputError(source.path, f"malformed CSV: {exc}") from exc
    for warning in caught:
        text = str(warning.message)
        for line in text.strip().splitlines():
            if line.startswith("Skipping line"):
                number, _, why = line.removeprefix("Skipping line ").partition(":")
                source.skips.append(Skip(str(source.path), f"line {number}", f"ragged row skipped:{why}"))


def _excel_chunks(source: Source, rows: int) -> Iterator[pd.DataFrame]:
    if source.path.stat().st_size > EXCEL_MAX_BYTES:
        raise InputError(
            source.path, f"Excel files are limited to {EXCEL_MAX_BYTES >> 20} MB; export large sheets to CSV"
        )
    from openpyxl import load_workbook

    try:
        formulas = load_workbook(source.path, read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many types for corrupt files
        raise InputError(source.path, f"cannot read the Excel file: {exc}") from exc
    sheet = formulas.worksheets[0]
    formula_cells = [
        cell.coordinate
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith("=")
    ]
    formulas.close()
    if formula_cells:
        source.skips.append(
            Skip(
                str(source.path),
                f"cells {', '.join(formula_cells[:5])}",
                "formulas are not evaluated; their cached values were scanned",
            )
        )
    frame = pd.read_excel(source.path, sheet_name=0, dtype=str, engine="openpyxl")
    frame = _as_strings(frame)
    for start in range(0, len(frame), rows):
        yield frame.iloc[start : start + rows]


def flatten(record: Any, prefix: str = "") -> dict[str, Any]:
    """``{"guardian": {"phone": 1}}`` -> ``{"guardian.phone": 1}``; list items get their index."""
    if isinstance(record, dict):
        items = record.items()
    elif isinstance(record, list):
        items = ((str(i), v) for i, v in enumerate(record))
    else:
        return {prefix or "value": record}
    flat: dict[str, Any] = {}
    for key, value in items:
        path = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(value, dict | list) and value:
            flat.update(flatten(value, path))
        else:
            flat[path] = "" if value is None else value
    return flat


def _records_frame(records: list[dict[str, Any]], first_index: int) -> pd.DataFrame:
    frame = pd.DataFrame([flatten(r) for r in records])
    frame.index = range(first_index, first_index + len(frame))
    return frame.astype(str).replace({"nan": ""})


def _json_chunks(source: Source, rows: int) -> Iterator[pd.DataFrame]:
    text = source.path.read_text(source.encoding or "utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            source.path, f"invalid JSON: {exc.msg}", location=f"line {exc.lineno}, column {exc.colno}"
        ) from exc
    records = data if isinstance(data, list) else [data]
    if not records:
        raise InputError(source.path, "JSON array is empty: no records to scan")
    for start in range(0, len(records), rows):
        yield _records_frame(records[start : start + rows], start)


def _jsonl_chunks(source: Source, rows: int) -> Iterator[pd.DataFrame]:
    batch: list[dict[str, Any]] = []
    first = index = 0
    with source.path.open(encoding=source.encoding or "utf-8") as handle:
        for line_number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                batch.append(json.loads(line))
            except json.JSONDecodeError as exc:
                source.skips.append(Skip(str(source.path), f"line {line_number}", f"invalid JSON: {exc.msg}"))
                continue
            index += 1
            if len(batch) == rows:
                yield _records_frame(batch, first)
                batch, first = [], index
    if batch:
        yield _records_frame(batch, first)


def _parquet_chunks(source: Source, rows: int) -> Iterator[pd.DataFrame]:
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(source.path)
    except Exception as exc:  # pyarrow raises ArrowInvalid/OSError for corrupt files
        raise InputError(source.path, f"cannot read the Parquet file: {exc}") from exc
    offset = 0
    for batch in parquet.iter_batches(batch_size=rows):
        frame = _as_strings(batch.to_pandas())
        frame.index = range(offset, offset + len(frame))
        offset += len(frame)
        yield frame


TEXT_COLUMN = "text"


def _text_chunks(source: Source, rows: int) -> Iterator[pd.DataFrame]:
    """Plain text as chunks of lines; each line keeps its character offset in the whole file."""
    lines, offsets, position = [], [], 0
    with source.path.open(encoding=source.encoding or "utf-8", newline="") as handle:
        try:
            for line in handle:
                lines.append(line)
                offsets.append(position)
                position += len(line)
                if len(lines) == rows:
                    yield pd.DataFrame({TEXT_COLUMN: lines, "offset": offsets})
                    lines, offsets = [], []
        except UnicodeDecodeError as exc:
            raise InputError(source.path, f"not valid {source.encoding} text ({exc.reason})") from exc
    if lines:
        yield pd.DataFrame({TEXT_COLUMN: lines, "offset": offsets})


def read_head(path: str | Path, limit: int = 50) -> tuple[Source, pd.DataFrame]:
    """The first rows of a file, for previews and for planning the column scan."""
    source = open_source(path)
    first = next(source.chunks(rows=limit), None)
    return source, first if first is not None else pd.DataFrame()


__all__ = ["Skip", "Source", "flatten", "open_source", "read_head"]
