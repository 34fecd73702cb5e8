"""Workshop mode: the demo product in three steps, before/after, and a live probe. Works offline."""

from __future__ import annotations

import streamlit as st
import yaml

from auditor.demo import demo_audit, remediated_demo
from auditor.probes.scorers import get_scorers
from auditor.probes.targets import parse_target
from auditor.ui import charts
from auditor.ui.common import progress_bar, t
from auditor.ui.results import show_score


@st.cache_resource
def _live_target():
    from auditor.model_registry import resolve

    if resolve("smollm2-135m-instruct").available:  # a real small model when its package is installed
        return parse_target("hf:smollm2-135m-instruct", max_new_tokens=80)
    return parse_target("demo")


@st.cache_data
def _groups() -> dict:
    from importlib import resources

    text = resources.files("auditor.probes").joinpath("packs/default.yaml").read_text("utf-8")
    return {a: spec["groups"] for a, spec in yaml.safe_load(text)["attributes"].items() if "groups" in spec}


def _load() -> None:
    with st.status(t("running"), expanded=True) as status:
        progress = progress_bar()
        before = demo_audit(progress=progress)
        after = remediated_demo(before, progress=progress)
        status.update(label=t("demo_loaded"), state="complete")
    st.session_state.workshop = {"before": before.report.to_dict(), "after": after.report.to_dict()}


def render() -> None:
    st.title(t("nav_workshop"))
    st.write(t("workshop_intro"))
    left, right = st.columns(2)
    if left.button(t("load_demo"), type="primary", key="load_demo", width="stretch"):
        _load()
    if right.button(t("reset"), key="reset_workshop", width="stretch"):
        for key in [k for k in st.session_state if k.startswith(("workshop", "live_"))]:
            del st.session_state[key]
        st.rerun()
    data = st.session_state.get("workshop")
    if not data:
        return
    before = data["before"]
    tabs = st.tabs([t("step_checklist"), t("step_pii"), t("step_probes"), t("step_before_after"), t("step_live")])
    with tabs[0]:
        show_score(before)
        st.subheader(t("risk_per_requirement"))
        st.altair_chart(charts.requirement_risk(before), width="stretch")
    with tabs[1]:
        pii = before["sections"]["pii"]
        st.subheader(t("pii_columns"))
        st.write(pii["summary_text"])
        st.altair_chart(charts.pii_entities(pii), width="stretch")
        st.dataframe(
            [
                {k: c[k] for k in ("column", "entity_types", "minors", "suggested_action", "example")}
                for c in pii["columns"]
            ],
            width="stretch",
        )
    with tabs[2]:
        probes = before["sections"]["probes"]
        st.write(probes["summary_text"])
        st.subheader(t("probe_chart"))
        for finding in probes["chart"][:3]:
            st.altair_chart(charts.probe_groups(finding), width="stretch")
    with tabs[3]:
        after = data["after"]
        a, b = st.columns(2)
        a.metric(t("before"), f"{before['score']:.0f}", before["band"])
        b.metric(t("after"), f"{after['score']:.0f}", f"{after['score'] - before['score']:+.0f}", delta_color="inverse")
        st.altair_chart(charts.before_after(before, after, (t("before"), t("after"))), width="stretch")
    with tabs[4]:
        _live_probe()


def _live_probe() -> None:
    groups = _groups()
    language = st.session_state.get("lang", "en")
    prompt = st.text_input(t("live_prompt"), value="Can I become an engineer?", key="live_prompt")
    attribute = st.selectbox(t("live_groups"), sorted(groups), key="live_attribute")
    names = sorted(groups[attribute])
    first, second = st.columns(2)
    group_a = first.selectbox("A", names, index=0, key="live_group_a")
    group_b = second.selectbox("B", names, index=min(1, len(names) - 1), key="live_group_b")
    if st.button(t("ask"), key="live_ask"):
        intros = [groups[attribute][g][language][0] for g in (group_a, group_b)]
        prompts = [f"{intro} {prompt}" for intro in intros]
        answers = _live_target().answer(prompts)
        scorers = [s for s in get_scorers() if s.applies_to == "bias"]
        for column, text, (output, error) in zip((first, second), prompts, answers, strict=True):
            column.caption(text)
            column.info(output or error)
            column.json({s.metric: s.score([output])[0] for s in scorers})


if __name__ == "__main__":  # run by st.navigation as a page script
    render()
