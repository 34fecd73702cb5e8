"""Startup wizard: pick or create an audit, the product profile, the checklist, uploads."""

from __future__ import annotations

import json
from pathlib import Path

import streamlit as st

from auditor.checklist import bundled_checklist
from auditor.demo import PROFILE
from auditor.documents import load_schema, load_validated, validate
from auditor.errors import InputError
from auditor.profile import profile_from_dict
from auditor.store import ConflictError, PermissionDenied
from auditor.ui import uploads
from auditor.ui.common import get_store, require_user, t


def _choices(field: str) -> list[str]:
    return load_schema("profile")["properties"][field]["items"].get("enum", [])


def _pick_audit(user) -> int | None:
    store = get_store()
    audits = store.audits_for(user)
    with st.expander(t("new_audit"), expanded=not audits):
        name = st.text_input(t("audit_name"), value="Bilim Buddy AI tutor", key="new_audit_name")
        if st.button(t("new_audit"), key="create_audit"):
            profile = {**load_validated(PROFILE, "profile"), "name": name}
            st.session_state.audit_id = store.create_audit(user, name, profile, ["unicef-ai-for-children-v2"])
            st.rerun()
    if not audits:
        return None
    labels = {a.id: f"#{a.id} {a.name} — {a.status}" for a in audits}
    ids = list(labels)
    current = st.session_state.get("audit_id", ids[0])
    chosen = st.selectbox(
        t("your_audits"),
        ids,
        index=ids.index(current) if current in ids else 0,
        format_func=labels.get,
        key="audit_select",
    )
    st.session_state.audit_id = chosen
    return chosen


def _profile_form(user, audit_id: int) -> None:
    profile = json.loads(get_store().get_audit(user, audit_id).profile_json)
    with st.form("profile_form"):
        profile["name"] = st.text_input("name", profile["name"], key="pf_name")
        profile["purpose"] = st.text_area("purpose", profile["purpose"], key="pf_purpose")
        profile["age_range"] = list(st.slider("age_range", 0, 25, tuple(profile["age_range"]), key="pf_ages"))
        for field in ("ai_components", "data_collected", "features", "decisions"):
            profile[field] = st.multiselect(field, _choices(field), profile.get(field, []), key=f"pf_{field}")
        profile["countries"] = [
            c.strip().upper()
            for c in st.text_input("countries", ", ".join(profile["countries"]), key="pf_countries").split(",")
            if c.strip()
        ]
        profile["languages"] = [
            c.strip()
            for c in st.text_input("languages", ", ".join(profile["languages"]), key="pf_languages").split(",")
            if c.strip()
        ]
        profile["hosting_country"] = st.text_input("hosting_country", profile["hosting_country"], key="pf_host")
        consent = st.checkbox(
            "guardian_consent", profile.get("legal_basis", {}).get("guardian_consent", False), key="pf_consent"
        )
        basis = st.text_input("legal basis", profile.get("legal_basis", {}).get("basis", ""), key="pf_basis")
        profile["legal_basis"] = {"guardian_consent": consent, "basis": basis}
        if st.form_submit_button(t("save")):
            try:
                validate(profile, "profile", Path("profile"))
                profile_from_dict(profile)
                get_store().update_profile(user, audit_id, profile)
                st.success(t("saved"))
            except (InputError, ValueError, PermissionDenied) as exc:
                st.error(t("input_error", error=exc))


def _checklist(user, audit_id: int) -> None:
    store = get_store()
    audit = store.get_audit(user, audit_id)
    checklist = bundled_checklist(audit.checklists.split(",")[0])
    answers = store.answers(user, audit_id)
    done = sum(1 for i in checklist.items if i.id in answers and answers[i.id].value)
    st.progress(done / len(checklist.items), text=t("answered", done=done, total=len(checklist.items)))
    titles = {r.id: f"{r.id} {r.title}" for r in checklist.requirements}
    requirement = st.selectbox(t("requirement"), list(titles), format_func=titles.get, key="wizard_requirement")
    for item in (i for i in checklist.items if i.requirement == requirement):
        _answer_widget(user, audit_id, item, answers.get(item.id))


def _answer_widget(user, audit_id: int, item, stored) -> None:
    """One answer, saved as it changes. The version the user last saw guards against other tabs' edits."""
    key, seen_key, reset_key = (f"{p}_{audit_id}_{item.id}" for p in ("answer", "seen", "reset"))
    stored_value, stored_version = (stored.value, stored.version) if stored else ("", 0)
    if st.session_state.pop(reset_key, False):
        st.session_state[key] = stored_value  # show what the other tab saved
    st.markdown(f"**{item.id}** {item.question}")
    st.caption(item.help)
    if item.answer_type == "yes_no":
        options = ["", "yes", "no", "partial", "n/a"]
        value = st.radio(
            item.id, options, index=options.index(stored_value), horizontal=True, key=key, label_visibility="collapsed"
        )
    else:
        value = st.text_input(item.id, stored_value, key=key, label_visibility="collapsed")
    seen = st.session_state.get(seen_key, stored_version)
    if value == stored_value:
        st.session_state[seen_key] = stored_version
        return
    try:
        st.session_state[seen_key] = get_store().save_answer(user, audit_id, item.id, value, expected_version=seen)
        st.toast(f"{item.id}: {t('saved')}")
    except ConflictError:
        st.warning(t("conflict"))
        st.session_state[seen_key], st.session_state[reset_key] = stored_version, True
    except PermissionDenied as exc:
        st.error(str(exc))


def render() -> None:
    st.title(t("nav_wizard"))
    user = require_user("startup")
    if not user:
        return
    audit_id = _pick_audit(user)
    if audit_id is None:
        return
    profile_tab, checklist_tab, data_tab, outputs_tab = st.tabs(
        [t("profile"), t("checklist"), t("upload_data"), t("upload_outputs")]
    )
    with profile_tab:
        _profile_form(user, audit_id)
    with checklist_tab:
        _checklist(user, audit_id)
    with data_tab:
        uploads.data_section(user, audit_id)
    with outputs_tab:
        uploads.outputs_section(user, audit_id)


if __name__ == "__main__":  # run by st.navigation as a page script
    render()
