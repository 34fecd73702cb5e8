"""Render a report dict (as validated by report.schema.json) to one self-contained HTML file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from auditor.documents import validate
from auditor.errors import InputError
from auditor.output import atomic_write_text

BAND_COLOURS = {
    "low": "#2e7d32",
    "medium": "#f9a825",
    "high": "#ef6c00",
    "critical": "#c62828",
    "insufficient evidence": "#757575",
}
STATUS_ORDER = {"fail": 0, "unanswered": 1, "partial": 2, "pass": 3, "n/a": 4, "not applicable": 5}


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("auditor.report", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["num"] = lambda v, d=1: "—" if v is None else f"{v:.{d}f}"
    env.globals["band_colour"] = lambda band: BAND_COLOURS.get(band, "#757575")
    return env


def render_html(report: dict[str, Any]) -> str:
    """HTML for a report dict; every string from the inputs is escaped by Jinja2's autoescape."""
    items = sorted(
        report["items"],
        key=lambda i: (STATUS_ORDER.get(i["status"], 9), -i["contribution"], i["id"]),
    )
    failing = [i for i in items if i["status"] in {"fail", "unanswered", "partial"}]
    template = _environment().get_template("report.html.j2")
    return template.render(
        report=report,
        failing=failing,
        items=items,
        contribution_total=sum(i["contribution"] for i in report["items"]),
    )


def write_html(report: dict[str, Any], path: str | Path) -> None:
    atomic_write_text(path, render_html(report))


def load_report_json(path: str | Path) -> dict[str, Any]:
    """Read a report JSON written by the tool and check it against the schema."""
    path = Path(path)
    try:
        data = json.loads(path.read_text("utf-8"))
    except FileNotFoundError as exc:
        raise InputError(path, "file not found") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        raise InputError(path, f"not a report JSON: {exc}", location=f"line {line}" if line else None) from exc
    validate(data, "report", path)
    return data
