"""Results: compute the report from the stored audit; score, blockers, charts, to-do, downloads."""

from __future__ import annotations

import json

import streamlit as st

from auditor.report.render import render_html
from auditor.store import PermissionDenied
from auditor.ui import charts
from auditor.ui.common import get_store, require_user, t
from auditor.workspace import build_stored_report


def show_score(report: dict) -> None:
    """Score gauge and blockers side by side; shared by the workshop, results and review pages."""
    gauge, blockers = st.columns([1, 2])
    gauge.altair_chart(charts.score_gauge(report["score"], report["band"]))
    number = "" if report["score"] is None else f"{report['score']:.0f} — "
    gauge.markdown(f"### {t('risk_score')}: {number}{report['band']}")
    blockers.subheader(t("blockers"))
    for b in report["blockers"]:
        blockers.error(f"**{b['item_id']}** {b['reason']}")
    if not report["blockers"]:
        blockers.success(t("no_blockers"))


def show_report(report: dict, key: str) -> None:
    """The report's main views; shared by the results and review pages."""
    show_score(report)
    st.subheader(t("risk_per_requirement"))
    st.altair_chart(charts.requirement_risk(report), width="stretch")
    if "probes" in report["sections"]:
        st.subheader(t("probe_chart"))
        for finding in report["sections"]["probes"]["chart"][:4]:
            st.altair_chart(charts.probe_groups(finding), width="stretch")
    if "pii" in report["sections"]:
        st.subheader(t("pii_columns"))
        st.altair_chart(charts.pii_entities(report["sections"]["pii"]), width="stretch")
    html, data = render_html(report), json.dumps(report, ensure_ascii=False, indent=2)
    left, right = st.columns(2)
    left.download_button(t("download_html"), html, "audit-report.html", "text/html", key=f"html_{key}")
    right.download_button(t("download_json"), data, "audit-report.json", "application/json", key=f"json_{key}")


def render() -> None:
    st.title(t("nav_results"))
    user = require_user("startup")
    if not user or "audit_id" not in st.session_state:
        return
    store, audit_id = get_store(), st.session_state.audit_id
    audit = store.get_audit(user, audit_id)
    st.caption(f"#{audit.id} {audit.name} — {t('status')}: {audit.status}")
    if st.button(t("compute_report"), type="primary", key="compute_report"):
        try:
            report = build_stored_report(store, user, audit_id).report.to_dict()
            store.save_report(user, audit_id, report)
        except PermissionDenied as exc:
            st.error(str(exc))
        audit = store.get_audit(user, audit_id)
    if not audit.report_json:
        return
    report = json.loads(audit.report_json)
    show_report(report, "results")
    st.subheader(t("todo"))
    done = store.todos_done(audit_id)
    for item in (i for i in report["items"] if i["status"] in {"fail", "partial", "unanswered"}):
        ticked = st.checkbox(
            f"**{item['id']}** {item['remediation']['what']}",
            value=item["id"] in done,
            key=f"todo_{audit_id}_{item['id']}",
            help=f"{item['remediation']['why']} — {item['remediation']['verify']}",
        )
        if ticked != (item["id"] in done):
            store.set_todo(user, audit_id, item["id"], ticked)
    if audit.status in {"draft", "changes_requested"} and st.button(t("submit_review"), key="submit_review"):
        store.transition(user, audit_id, "submitted")
        st.rerun()


if __name__ == "__main__":  # run by st.navigation as a page script
    render()
