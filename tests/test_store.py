from __future__ import annotations

import sqlite3

import pytest

from auditor.store import ConflictError, PermissionDenied, Store, check_password, hash_password

PROFILE = {
    "name": "Tutor",
    "purpose": "maths",
    "age_range": [10, 17],
    "countries": ["KZ"],
    "languages": ["kk"],
    "ai_components": ["tutor"],
    "data_collected": ["name"],
    "hosting_country": "KZ",
}
REPORT = {"score": 42.0, "band": "medium", "items": []}


@pytest.fixture
def store(tmp_path):
    return Store(f"sqlite:///{tmp_path / 'audits.db'}")


@pytest.fixture
def people(store):
    return (
        store.create_user("alpha", "pw-alpha", "startup", "Alpha LLP"),
        store.create_user("beta", "pw-beta", "startup", "Beta LLP"),
        store.create_user("rita", "pw-rita", "reviewer", "UNICEF"),
    )


def test_schema_is_created_by_alembic(store, tmp_path):
    with sqlite3.connect(tmp_path / "audits.db") as db:
        assert db.execute("select version_num from alembic_version").fetchone() == ("0001",)
    Store(store.url)  # opening again is an idempotent upgrade


def test_passwords_are_hashed_and_checked(store, people):
    stored = hash_password("secret")
    assert "secret" not in stored and check_password("secret", stored) and not check_password("nope", stored)
    assert store.authenticate("alpha", "pw-alpha").role == "startup"
    assert store.authenticate("alpha", "wrong") is None and store.authenticate("ghost", "x") is None


def test_a_startup_cannot_see_or_sign_another_startups_audit(store, people):
    alpha, beta, rita = people
    audit_id = store.create_audit(alpha, "A", PROFILE, ["unicef-ai-for-children-v2"])
    with pytest.raises(PermissionDenied, match="another organisation"):
        store.get_audit(beta, audit_id)
    with pytest.raises(PermissionDenied):
        store.save_answer(beta, audit_id, "R1-01", "yes")
    assert store.audits_for(beta) == [] and [a.id for a in store.audits_for(alpha)] == [audit_id]
    with pytest.raises(PermissionDenied, match="drafts are private"):
        store.get_audit(rita, audit_id)
    store.save_report(alpha, audit_id, REPORT)
    store.transition(alpha, audit_id, "submitted")
    with pytest.raises(PermissionDenied, match="only a reviewer"):
        store.transition(alpha, audit_id, "in_review")
    store.transition(rita, audit_id, "in_review")
    with pytest.raises(PermissionDenied, match="cannot go from in_review to submitted"):
        store.transition(alpha, audit_id, "submitted")
    with pytest.raises(PermissionDenied, match="only a reviewer can move an audit to signed"):
        store.transition(alpha, audit_id, "signed")
    with pytest.raises(PermissionDenied, match="only reviewers"):
        store.comment(alpha, audit_id, "R1-01", "self-review")


def test_two_tabs_editing_the_same_answer_conflict_instead_of_overwriting(store, people):
    alpha = people[0]
    audit_id = store.create_audit(alpha, "A", PROFILE, ["unicef-ai-for-children-v2"])
    version = store.save_answer(alpha, audit_id, "R1-01", "yes", expected_version=0)
    assert version == 1
    store.save_answer(alpha, audit_id, "R1-01", "partial", expected_version=1)  # tab 1
    with pytest.raises(ConflictError, match="changed elsewhere"):
        store.save_answer(alpha, audit_id, "R1-01", "no", expected_version=1)  # tab 2, stale
    assert store.answers(alpha, audit_id)["R1-01"].value == "partial"


def test_review_cycle_overrides_and_sign_off(store, people):
    alpha, _, rita = people
    audit_id = store.create_audit(alpha, "A", PROFILE, ["unicef-ai-for-children-v2"])
    store.save_answer(alpha, audit_id, "R4-02", "yes")
    store.save_report(alpha, audit_id, REPORT)
    store.transition(alpha, audit_id, "submitted")
    store.transition(rita, audit_id, "in_review")
    with pytest.raises(ValueError, match="needs a reason"):
        store.override(rita, audit_id, "R4-02", "fail", "  ")
    store.override(rita, audit_id, "R4-02", "fail", "The consent form has no withdrawal option.")
    store.comment(rita, audit_id, "R4-02", "Please attach the consent form.")
    assert store.overrides(audit_id)["R4-02"] == {
        "status": "fail",
        "reason": "The consent form has no withdrawal option.",
        "reviewer": "rita",
    }
    store.transition(rita, audit_id, "changes_requested")
    store.save_answer(alpha, audit_id, "R4-02", "partial", expected_version=1)
    store.save_report(alpha, audit_id, {**REPORT, "score": 40.0})
    store.transition(alpha, audit_id, "submitted")
    store.transition(rita, audit_id, "in_review")
    assert store.signature_status(audit_id) == "unsigned"
    store.transition(rita, audit_id, "signed")
    assert store.signature_status(audit_id) == "valid" and store.verify_chain(audit_id) == (True, None)
    with pytest.raises(PermissionDenied):
        store.save_answer(alpha, audit_id, "R4-02", "yes", expected_version=2)
    with pytest.raises(PermissionDenied, match="signed"):
        store.save_report(alpha, audit_id, REPORT)


def test_tampering_breaks_the_chain_and_the_signature(store, people, tmp_path):
    alpha, _, rita = people
    audit_id = store.create_audit(alpha, "A", PROFILE, ["unicef-ai-for-children-v2"])
    store.save_answer(alpha, audit_id, "R1-05", "no")
    store.save_report(alpha, audit_id, REPORT)
    store.transition(alpha, audit_id, "submitted")
    store.transition(rita, audit_id, "in_review")
    store.transition(rita, audit_id, "signed")
    assert store.signature_status(audit_id) == "valid"
    with sqlite3.connect(tmp_path / "audits.db") as db:
        db.execute("update audits set report_json = replace(report_json, '42.0', '4.0')")
    assert store.signature_status(audit_id) == "invalid"
    with sqlite3.connect(tmp_path / "audits.db") as db:
        db.execute("update events set payload_json = replace(payload_json, '\"no\"', '\"yes\"') where kind='answer'")
    ok, bad_id = store.verify_chain(audit_id)
    assert not ok and bad_id == next(e.id for e in store.events(audit_id) if e.kind == "answer")


def test_uploads_keep_hashes_not_content_unless_opted_in(store, people):
    alpha = people[0]
    audit_id = store.create_audit(alpha, "A", PROFILE, ["unicef-ai-for-children-v2"])
    data = "name,iin\nАйгерім,081215500009\n".encode()
    store.record_upload(alpha, audit_id, "data", "s.csv", data, {"finding_count": 2})
    store.record_upload(alpha, audit_id, "data", "kept.csv", data, {"finding_count": 2}, keep_content=True)
    first, second = store.uploads(alpha, audit_id)
    assert first.content is None and len(first.sha256) == 64 and first.size == len(data)
    assert second.content == data
    assert "081215500009" not in first.summary_json


def test_cli_creates_a_reviewer_account(tmp_path, monkeypatch, capsys):
    from auditor.cli import main

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("AUDITOR_NEW_PASSWORD", "long-enough-pw")
    assert main(["users", "add", "rita", "--role", "reviewer", "--database", url]) == 0
    assert Store(url).authenticate("rita", "long-enough-pw").role == "reviewer"
    assert main(["users", "add", "rita", "--role", "reviewer", "--database", url]) == 2
    monkeypatch.setenv("AUDITOR_NEW_PASSWORD", "short")
    assert main(["users", "add", "sam", "--role", "startup", "--database", url]) == 2
    assert "at least 8 characters" in capsys.readouterr().err


def test_todo_ticks_persist_and_do_not_invalidate_a_signature(store, people):
    alpha, _, rita = people
    audit_id = store.create_audit(alpha, "A", PROFILE, ["unicef-ai-for-children-v2"])
    store.set_todo(alpha, audit_id, "R4-02", True)
    store.set_todo(alpha, audit_id, "R1-02", True)
    store.set_todo(alpha, audit_id, "R1-02", False)
    assert store.todos_done(audit_id) == {"R4-02"}
    store.save_report(alpha, audit_id, REPORT)
    store.transition(alpha, audit_id, "submitted")
    store.transition(rita, audit_id, "in_review")
    store.transition(rita, audit_id, "signed")
    store.set_todo(alpha, audit_id, "R1-02", True)
    assert store.signature_status(audit_id) == "valid"
