"""Altair charts built from report data (pure: data in, chart out)."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from auditor.report.render import BAND_COLOURS

BAND_SCALE = alt.Scale(domain=list(BAND_COLOURS), range=list(BAND_COLOURS.values()))


def requirement_risk(report: dict[str, Any]) -> alt.Chart:
    rows = [
        {"requirement": f"{r['id']} {r['title'][:48]}", "risk": r["risk"] or 0, "band": r["band"]}
        for r in report["requirements"]
    ]
    return (
        alt.Chart(pd.DataFrame(rows))
        .mark_bar()
        .encode(
            x=alt.X("risk:Q", scale=alt.Scale(domain=[0, 100]), title="risk (0-100)"),
            y=alt.Y("requirement:N", sort=None, title=None),
            color=alt.Color("band:N", scale=BAND_SCALE, legend=alt.Legend(title="band")),
            tooltip=["requirement", alt.Tooltip("risk:Q", format=".0f"), "band"],
        )
        .properties(height=alt.Step(28))
    )


def pii_entities(section: dict[str, Any]) -> alt.Chart:
    rows = [
        {"column": c["column"] or c["file"], "type": t, "count": n}
        for c in section["columns"]
        for t, n in c["entity_counts"].items()
    ]
    frame = pd.DataFrame(rows or [{"column": "-", "type": "none", "count": 0}])
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("count:Q", title="findings"),
            y=alt.Y("column:N", title=None),
            color=alt.Color("type:N", title="type"),
            tooltip=["column", "type", "count"],
        )
        .properties(height=alt.Step(24))
    )


def probe_groups(finding: dict[str, Any]) -> alt.LayerChart:
    frame = pd.DataFrame(finding["groups"])
    base = alt.Chart(frame).encode(y=alt.Y("name:N", title=None))
    bars = base.mark_rule(strokeWidth=3, color="#455a64").encode(
        x=alt.X("low:Q", title=finding["metric"], scale=alt.Scale(domain=[0, 1])), x2="high:Q"
    )
    points = base.mark_point(filled=True, size=120, color="#1cabe2").encode(
        x="value:Q", tooltip=["name", alt.Tooltip("value:Q", format=".2f"), "low", "high"]
    )
    title = f"{finding['attribute']}: {finding['metric']}" + (" (significant)" if finding["significant"] else "")
    return (bars + points).properties(title=title, height=alt.Step(26))


def before_after(before: dict[str, Any], after: dict[str, Any], labels: tuple[str, str]) -> alt.Chart:
    rows = [{"requirement": r["id"], "when": labels[0], "risk": r["risk"] or 0} for r in before["requirements"]]
    rows += [{"requirement": r["id"], "when": labels[1], "risk": r["risk"] or 0} for r in after["requirements"]]
    return (
        alt.Chart(pd.DataFrame(rows))
        .mark_bar()
        .encode(
            x=alt.X("requirement:N", title=None),
            xOffset="when:N",
            y=alt.Y("risk:Q", scale=alt.Scale(domain=[0, 100])),
            color=alt.Color("when:N", title=None),
            tooltip=["requirement", "when", alt.Tooltip("risk:Q", format=".0f")],
        )
        .properties(height=320)
    )


def score_gauge(score: float | None, band: str) -> alt.LayerChart:
    value = score or 0
    frame = pd.DataFrame({"part": ["risk", "rest"], "value": [value, 100 - value]})
    colour = BAND_COLOURS.get(band, "#757575")
    arc = (
        alt.Chart(frame)
        .mark_arc(innerRadius=70, outerRadius=100)
        .encode(
            theta="value:Q",
            color=alt.Color("part:N", scale=alt.Scale(domain=["risk", "rest"], range=[colour, "#eceff1"]), legend=None),
        )
    )
    label = (
        alt.Chart(pd.DataFrame({"t": [f"{value:.0f}"]}))
        .mark_text(fontSize=40, fontWeight="bold", color=colour)
        .encode(text="t:N")
    )
    return (arc + label).properties(width=220, height=220)
