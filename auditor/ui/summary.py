"""A signed report for children and parents, in kk, ru or en."""

from __future__ import annotations

import json
import re

import streamlit as st

from auditor.report.summary import child_summary
from auditor.ui.common import get_store, require_user, t

MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")


def escape_markdown(text: str) -> str:
    return MARKDOWN_SPECIALS.sub(r"\\\1", text)


def render() -> None:
    st.title(t("nav_summary"))
    user = require_user()
    if not user:
        return
    store = get_store()
    signed = [a for a in store.audits_for(user) if a.status == "signed"]
    if not signed:
        st.info(t("summary_none"))
        return
    labels = {a.id: f"#{a.id} {a.name}" for a in signed}
    audit_id = st.selectbox(t("summary_pick"), list(labels), format_func=labels.get, key="summary_audit")
    audit = store.get_audit(user, audit_id)
    signoff = next(e for e in reversed(store.events(audit_id)) if e.kind == "signoff")
    reviewer = store.user_by_id(signoff.actor_id).username
    lines = child_summary(
        json.loads(audit.report_json),
        st.session_state.get("lang", "en"),
        reviewer=reviewer,
        date=signoff.created_at[:10],
    )
    for line in lines:  # the product name comes from the startup: show it as text, not Markdown
        st.markdown(f"### {escape_markdown(line)}")


if __name__ == "__main__":  # run by st.navigation as a page script
    render()
