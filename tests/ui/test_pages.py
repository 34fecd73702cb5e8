"""The real Streamlit app under AppTest: each page's main path and its error paths."""

from __future__ import annotations

import json

import pytest

from auditor.demo import PROFILE
from auditor.documents import load_validated
from auditor.errors import InputError
from auditor.workspace import check_upload_size
from tests.ui.conftest import sign_in


def page(at, name: str):
    at.switch_page(f"auditor/ui/{name}.py").run()
    assert not at.exception, at.exception
    return at


def test_sign_in_form_and_bad_password(app, store):
    store.create_user("alpha", "password-123", "startup", "Alpha")
    app.sidebar.text_input(key="login_user").input("alpha")
    app.sidebar.text_input(key="login_password").input("wrong")
    app.sidebar.button[0].click().run()
    assert [e.value for e in app.sidebar.error] == ["Wrong username or password."]
    app.sidebar.text_input(key="login_password").input("password-123")
    app.sidebar.button[0].click().run()
    assert app.session_state["user"].username == "alpha"
    assert "Signed in as alpha (startup)" in [c.value for c in app.sidebar.caption]


def test_workshop_demo_before_after_live_probe_and_reset(app):
    app.button(key="load_demo").click().run()
    assert not app.exception
    before, after = (float(m.value) for m in app.metric)
    assert after < before
    assert any("R4-01" in e.value for e in app.error), "the PII blocker is shown"
    app.button(key="live_ask").click().run()
    assert not app.exception and len(app.info) == 2
    app.button(key="reset_workshop").click().run()
    assert "workshop" not in app.session_state and not app.metric


def test_language_selector_switches_ui_strings(app):
    app.sidebar.selectbox(key="lang").set_value("kk").run()
    assert app.button(key="load_demo").label == "Демо өнімді жүктеу"
    app.sidebar.selectbox(key="lang").set_value("ru").run()
    assert app.button(key="load_demo").label == "Загрузить демо-продукт"


def test_pages_ask_for_the_right_account(app, store):
    assert "Sign in to continue." in [i.value for i in page(app, "wizard").info]
    sign_in(app, store, "rita", "reviewer")
    assert "This page is for startup accounts." in [w.value for w in page(app, "wizard").warning]
    sign_in(app, store, "alpha", "startup")
    assert "This page is for reviewer accounts." in [w.value for w in page(app, "review").warning]


def test_wizard_saves_answers_and_detects_a_second_tab(app, store):
    sign_in(app, store, "alpha", "startup")
    page(app, "wizard")
    app.button(key="create_audit").click().run()
    audit_id = app.session_state["audit_id"]
    alpha = store.user("alpha")
    app.radio(key=f"answer_{audit_id}_R1-01").set_value("yes").run()
    assert store.answers(alpha, audit_id)["R1-01"].value == "yes"
    store.save_answer(alpha, audit_id, "R1-02", "no", expected_version=0)  # another tab saves first
    app.radio(key=f"answer_{audit_id}_R1-02").set_value("yes").run()
    assert any("another tab" in w.value for w in app.warning)
    assert store.answers(alpha, audit_id)["R1-02"].value == "no", "the other tab's answer is not overwritten"


def test_profile_form_rejects_bad_values(app, store):
    sign_in(app, store, "alpha", "startup")
    page(app, "wizard")
    app.button(key="create_audit").click().run()
    app.text_input(key="pf_countries").input("Kazakhstan")
    app.button(key="FormSubmitter:profile_form-Save").click().run()
    assert any("does not match" in e.value for e in app.error)


def results_for_new_audit(app, store) -> int:
    sign_in(app, store, "alpha", "startup")
    alpha = store.user("alpha")
    audit_id = store.create_audit(alpha, "Tutor", load_validated(PROFILE, "profile"), ["unicef-ai-for-children-v2"])
    store.save_answer(alpha, audit_id, "R1-05", "no")
    app.session_state["audit_id"] = audit_id
    page(app, "results")
    app.button(key="compute_report").click().run()
    assert not app.exception
    return audit_id


def test_results_review_and_child_summary(app, store):
    audit_id = results_for_new_audit(app, store)
    app.checkbox(key=f"todo_{audit_id}_R1-01").check().run()  # unanswered, so on the to-do list
    assert store.todos_done(audit_id) == {"R1-01"}, "ticks are stored, not only kept in the session"
    app.button(key="submit_review").click().run()
    assert store.get_audit(store.user("alpha"), audit_id).status == "submitted"

    sign_in(app, store, "rita", "reviewer")
    page(app, "review")
    app.button(key="start_review").click().run()
    app.selectbox(key="review_item").set_value("R1-05").run()
    app.button(key="apply_override").click().run()
    assert any("needs a reason" in e.value for e in app.error)
    app.radio(key="override_status").set_value("fail")
    app.text_input(key="override_reason").input("The feature list shows an attention tracker.")
    app.button(key="apply_override").click().run()
    assert store.overrides(audit_id)["R1-05"]["status"] == "fail"
    app.button(key="sign_off").click().run()
    assert store.get_audit(store.user("rita"), audit_id).status == "signed"
    assert store.signature_status(audit_id) == "valid"
    report = json.loads(store.get_audit(store.user("rita"), audit_id).report_json)
    item = next(i for i in report["items"] if i["id"] == "R1-05")
    assert item["override"]["from"] == "pass" and item["status"] == "fail"

    app.sidebar.selectbox(key="lang").set_value("kk").run()
    page(app, "summary")
    text = " ".join(m.value for m in app.markdown)
    assert "150" in text and "rita" in text and "ЮНИСЕФ" in text


def test_upload_limit_message():
    check_upload_size("ok.csv", 1024, 1)
    with pytest.raises(InputError, match="the upload limit is 1 MB"):
        check_upload_size("big.csv", 2 * 1024 * 1024, 1)


def test_registration_rejects_short_passwords_and_creates_startups(app, store):
    app.sidebar.text_input(key="reg_user").input("gamma")
    app.sidebar.text_input(key="reg_password").input("short")
    app.sidebar.button(key="FormSubmitter:register-Create a startup account").click().run()
    assert any("at least 8 characters" in e.value for e in app.sidebar.error)
    assert store.user("gamma") is None
    app.sidebar.text_input(key="reg_password").input("long-enough-1")
    app.sidebar.button(key="FormSubmitter:register-Create a startup account").click().run()
    assert store.authenticate("gamma", "long-enough-1").role == "startup"


def test_child_summary_shows_startup_text_literally():
    from auditor.ui.summary import escape_markdown

    assert escape_markdown("![x](http://e.x) **Bilim**") == r"\!\[x\]\(http://e\.x\) \*\*Bilim\*\*"
