from __future__ import annotations

import json

import pandas as pd
import pytest

from auditor.errors import InputError
from auditor.pii.loaders import flatten, open_source

ROWS = "name;iin;note\nАйгерім Серікқызы;081215500009;сәлем\nИван Петров;090322600006;привет\n"


def frames(path):
    source = open_source(path)
    return source, pd.concat(list(source.chunks(rows=1)))


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("cp1251", "cp1251")],
)
def test_csv_encodings_and_delimiter(write, encoding, expected):
    text = (
        ROWS.replace("Айгерім Серікқызы", "Айгерим Серикова").replace("сәлем", "салем")
        if encoding == "cp1251"
        else ROWS
    )
    source, frame = frames(write("s.csv", text.encode(encoding)))
    assert source.encoding == expected and source.delimiter == ";"
    assert list(frame.columns) == ["name", "iin", "note"]
    assert frame.index.tolist() == [0, 1] and frame.loc[1, "name"] == "Иван Петров"


def test_ragged_rows_are_reported_not_silently_dropped(write):
    source, frame = frames(write("s.csv", "a,b\n1,2\n3,4,5\n6,7\n"))
    assert frame["a"].tolist() == ["1", "6"]
    assert [(s.location, "ragged" in s.reason) for s in source.skips] == [("line 3", True)]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("e.csv", b"", "file is empty"),
        ("junk.csv", bytes(range(256)) * 4, "NUL bytes"),
        ("x.csv", b"PK\x03\x04rest-of-zip", "looks like a zip/Excel file"),
        ("x.xlsx", b"name,iin\n", "no zip signature"),
        ("x.parquet", b"not parquet", "no PAR1 signature"),
        ("x.exe", b"MZ", "unsupported file type .exe"),
        ("x.json", b'[{"a": 1},\n {"a": ]', "invalid JSON"),
    ],
)
def test_bad_files_fail_clearly(write, name, content, message):
    path = write(name, content)
    with pytest.raises(InputError, match=message) as info:
        source = open_source(path)
        list(source.chunks())
    assert str(path) in str(info.value)


def test_invalid_json_names_the_line(write):
    with pytest.raises(InputError, match="line 2"):
        list(open_source(write("x.json", b'[{"a": 1},\n {"a": ]')).chunks())


def test_json_nested_fields_are_dotted(write):
    records = [{"student": {"name": "Ерлан"}, "guardian": {"phone": "87011234567"}, "tags": ["a", "b"]}]
    _, frame = frames(write("s.json", json.dumps(records, ensure_ascii=False)))
    assert set(frame.columns) == {"student.name", "guardian.phone", "tags.0", "tags.1"}
    assert frame.loc[0, "guardian.phone"] == "87011234567"
    assert flatten({"a": {"b": None}}) == {"a.b": ""}


def test_jsonl_skips_bad_lines_with_their_number(write):
    source, frame = frames(write("s.jsonl", '{"a": "x"}\n{broken\n\n{"a": "y"}\n'))
    assert frame["a"].tolist() == ["x", "y"] and frame.index.tolist() == [0, 1]
    assert [s.location for s in source.skips] == ["line 2"]


def test_excel_formulas_are_reported(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["name", "total"])
    sheet.append(["Ерлан Серіков", "=1+2"])
    path = tmp_path / "s.xlsx"
    book.save(path)
    source, frame = frames(path)
    assert frame.loc[0, "name"] == "Ерлан Серіков"
    assert any("formulas" in s.reason and "B2" in s.location for s in source.skips)


def test_parquet_chunks(tmp_path):
    path = tmp_path / "s.parquet"
    pd.DataFrame({"iin": ["081215500009", "x"], "n": [1, None]}).to_parquet(path)
    _, frame = frames(path)
    assert frame["iin"].tolist() == ["081215500009", "x"] and frame["n"].tolist() == ["1.0", ""]


def test_text_lines_keep_offsets(write):
    source, frame = frames(write("t.txt", "первая строка\nИИН 081215500009\n"))
    assert source.kind == "text" and frame["offset"].tolist() == [0, 14]
