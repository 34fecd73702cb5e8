"""Load YAML/JSON documents and validate them against the bundled JSON Schemas.

Every file the tool reads goes through :func:`load_validated`, so an error always
names the file, the line (for YAML/JSON) and the key path of the problem.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from auditor.errors import InputError

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024


@cache
def load_schema(name: str) -> dict[str, Any]:
    """Return the bundled schema ``auditor/schemas/<name>.schema.json``."""
    text = resources.files("auditor.schemas").joinpath(f"{name}.schema.json").read_text("utf-8")
    return json.loads(text)


def read_text(path: Path) -> str:
    """Read a small UTF-8 text file, failing with a clear message on size, binary or encoding problems."""
    if not path.is_file():
        raise InputError(path, "file not found")
    size = path.stat().st_size
    if size == 0:
        raise InputError(path, "file is empty")
    if size > MAX_DOCUMENT_BYTES:
        raise InputError(path, f"file is {size} bytes; documents are limited to {MAX_DOCUMENT_BYTES} bytes")
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise InputError(path, "file looks binary, expected UTF-8 text (YAML or JSON)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(
            path, "not UTF-8 text (re-save it as UTF-8; cp1251 files are common here)", location=f"line {line}"
        ) from exc


def parse_text(text: str, path: Path) -> tuple[Any, yaml.Node | None]:
    """Parse YAML (a superset of JSON) and keep the node tree for line lookups."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        location = f"line {mark.line + 1}, column {mark.column + 1}" if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError(path, f"malformed YAML/JSON: {problem}", location=location) from exc
    return data, node


def line_of(node: yaml.Node | None, key_path: list[Any]) -> int | None:
    """Return the 1-based line of ``key_path`` in a composed YAML node tree, or the deepest line found."""
    if node is None:
        return None
    line = node.start_mark.line + 1
    for key in key_path:
        child = None
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == str(key):
                    child = value_node
                    line = key_node.start_mark.line + 1
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            child = node.value[key]
            line = child.start_mark.line + 1
        if child is None:
            break
        node = child
    return line


def format_key_path(key_path: list[Any]) -> str:
    """``["items", 3, "weight"]`` -> ``items[3].weight``."""
    out = ""
    for key in key_path:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out or "(top level)"


def validate(data: Any, schema_name: str, path: Path, node: yaml.Node | None = None) -> None:
    """Validate ``data`` against a bundled schema; raise :class:`InputError` for the first (deepest) error."""
    validator = jsonschema.Draft202012Validator(load_schema(schema_name))
    errors = sorted(validator.iter_errors(data), key=lambda e: (-len(e.absolute_path), str(e.absolute_path)))
    if not errors:
        return
    error = jsonschema.exceptions.best_match(errors) or errors[0]
    key_path = list(error.absolute_path)
    line = line_of(node, key_path)
    location = f"line {line}, {format_key_path(key_path)}" if line else format_key_path(key_path)
    raise InputError(path, f"{error.message} (schema {schema_name})", location=location)


def load_validated(path: str | Path, schema_name: str) -> dict[str, Any]:
    """Read, parse and validate one YAML/JSON document."""
    path = Path(path)
    text = read_text(path)
    data, node = parse_text(text, path)
    if data is None:
        raise InputError(path, "document is empty")
    validate(data, schema_name, path, node)
    return data


def locate(path: str | Path, key_path: list[Any]) -> str:
    """Human location (``line N, a.b``) of a key path in a document already known to parse."""
    path = Path(path)
    _, node = parse_text(read_text(path), path)
    line = line_of(node, key_path)
    return f"line {line}, {format_key_path(key_path)}" if line else format_key_path(key_path)
