"""Reviewer workspace: submitted audits, evidence per item, comments, overrides, sign-off."""

from __future__ import annotations

import json

import streamlit as st

from auditor.store import PermissionDenied
from auditor.ui.common import get_store, require_user, t
from auditor.ui.results import show_report
from auditor.workspace import build_stored_report


def _act(action, *args) -> None:
    try:
        action(*args)
        st.rerun()
    except (PermissionDenied, ValueError) as exc:
        st.error(str(exc))


def render() -> None:
    st.title(t("nav_review"))
    user = require_user("reviewer")
    if not user:
        return
    store = get_store()
    audits = store.audits_for(user)
    if not audits:
        st.info(t("no_audits"))
        return
    st.dataframe(
        [{"id": a.id, "name": a.name, "status": a.status, "score": a.score, "band": a.band} for a in audits],
        width="stretch",
        hide_index=True,
    )
    labels = {a.id: f"#{a.id} {a.name} — {a.status}" for a in audits}
    audit_id = st.selectbox(t("open"), list(labels), format_func=labels.get, key="review_audit")
    audit = store.get_audit(user, audit_id)
    ok, bad = store.verify_chain(audit_id)
    (st.success if ok else st.error)(t("chain_ok") if ok else t("chain_broken", id=bad))
    st.caption(f"{t('signature')}: {store.signature_status(audit_id)}")
    if audit.status == "submitted" and st.button(t("start_review"), key="start_review"):
        _act(store.transition, user, audit_id, "in_review")
    if audit.status == "in_review":
        report = build_stored_report(store, user, audit_id).report.to_dict()
        show_report(report, "review")
        items = {i["id"]: i for i in report["items"] if i["status"] != "not applicable"}
        item_id = st.selectbox(
            "Item", list(items), key="review_item", format_func=lambda i: f"{i} — {items[i]['status']}"
        )
        item = items[item_id]
        st.write(item["question"])
        st.json(
            {
                "answer": item["answer"],
                "evidence": item["answer_evidence"],
                "comment": item["comment"],
                "automated": [e["summary"] for e in item["evidence"]],
            }
        )
        text = st.text_area(t("comment"), key="review_comment")
        if st.button(t("comment"), key="add_comment") and text.strip():
            _act(store.comment, user, audit_id, item_id, text)
        status = st.radio(t("override"), ["pass", "partial", "fail"], horizontal=True, key="override_status")
        reason = st.text_input(t("reason"), key="override_reason")
        if st.button(t("override"), key="apply_override"):
            _act(store.override, user, audit_id, item_id, status, reason)
        left, right = st.columns(2)
        if left.button(t("request_changes"), key="request_changes"):
            _act(store.transition, user, audit_id, "changes_requested")
        if right.button(t("sign_off"), type="primary", key="sign_off"):
            store.save_report(user, audit_id, report)
            _act(store.transition, user, audit_id, "signed")
    elif audit.report_json:
        show_report(json.loads(audit.report_json), "review")


if __name__ == "__main__":  # run by st.navigation as a page script
    render()
