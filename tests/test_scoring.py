from __future__ import annotations

import dataclasses

import pytest

from auditor.checklist import Answer, bundled_checklist
from auditor.evidence import Evidence
from auditor.profile import profile_from_dict
from auditor.scoring import INSUFFICIENT, band_for, fails_gate, score_audit

CHECKLIST = bundled_checklist("unicef-ai-for-children-v2")
PROFILE = {
    "name": "P",
    "purpose": "tutor",
    "age_range": [10, 17],
    "countries": ["KZ"],
    "languages": ["kk", "ru"],
    "ai_components": ["chatbot", "tutor", "grading"],
    "data_collected": ["name", "chat_text"],
    "hosting_country": "KZ",
    "features": ["messaging"],
    "decisions": ["grading"],
}


def profile(**changes):
    return profile_from_dict({**PROFILE, **changes})


def all_answers(value: str) -> dict[str, Answer]:
    """The same answer everywhere, flipped for items whose safe answer is 'no' when value is yes/no."""
    answers = {}
    for item in CHECKLIST.items:
        v = value
        if item.answer_type != "yes_no":
            v = {"yes": "https://example.org/doc", "no": "no"}.get(value, value)
        elif item.good_answer == "no" and value in {"yes", "no"}:
            v = "no" if value == "yes" else "yes"
        answers[item.id] = Answer(v)
    return answers


def score(answers, evidence=(), prof=None):
    return score_audit([CHECKLIST], answers, list(evidence), prof or profile())


@pytest.mark.parametrize(
    ("value", "band"),
    [
        (0, "low"),
        (24.9, "low"),
        (25, "medium"),
        (49.9, "medium"),
        (50, "high"),
        (74.99, "high"),
        (75, "critical"),
        (100, "critical"),
        (None, INSUFFICIENT),
    ],
)
def test_bands(value, band):
    assert band_for(value) == band


def test_all_yes_is_zero_risk_and_no_blockers():
    result = score(all_answers("yes"))
    assert result.score == 0 and result.band == "low" and not result.blockers


def test_all_no_is_full_risk_with_blockers():
    result = score(all_answers("no"))
    assert result.score == pytest.approx(100) and result.band == "critical"
    blocked = {b.item_id for b in result.blockers}
    assert {"R1-05", "R4-02", "R6-05"} <= blocked


def test_all_unanswered_counts_as_risk_but_says_insufficient_evidence():
    result = score({})
    assert result.score == pytest.approx(100)
    assert result.band == INSUFFICIENT
    assert all(r.band == INSUFFICIENT for r in result.requirements if r.risk is not None)
    assert any("Unanswered blocker question" in b.reason for b in result.blockers)


def test_na_items_are_excluded_not_passed():
    answers = all_answers("no")
    answers["R9-04"] = Answer("n/a")
    result = score(answers)
    item = next(s for s in result.items if s.item_id == "R9-04")
    assert item.risk is None and item.contribution == 0
    assert result.score == pytest.approx(100)  # an n/a does not dilute the other items' risk


def test_all_na_gives_no_score():
    result = score({item.id: Answer("n/a") for item in CHECKLIST.items})
    assert result.score is None and result.band == INSUFFICIENT
    assert fails_gate(result, 50)


def test_contributions_add_up_to_the_score():
    answers = all_answers("yes")
    for item_id in ("R1-02", "R4-05", "R5-02", "R8-01"):
        answers[item_id] = Answer("no")
    answers["R2-01"] = Answer("partial")
    result = score(answers)
    assert sum(s.contribution for s in result.items) == pytest.approx(result.score)
    assert 0 < result.score < 25


def test_changing_one_answer_to_no_never_lowers_the_score():
    base = all_answers("partial")
    before = score(base).score
    for item in CHECKLIST.items[:25]:
        worse = dict(base)
        worse[item.id] = (
            Answer("yes" if item.good_answer == "no" else "no") if item.answer_type == "yes_no" else Answer("no")
        )
        assert score(worse).score >= before


def test_profile_decides_applicability():
    not_kz = score(all_answers("no"), prof=profile(countries=["UZ"]))
    statuses = {s.item_id: s.status for s in not_kz.items}
    assert statuses["R4-06"] == "not applicable"  # in-country storage only for Kazakhstan
    assert statuses["R4-13"] == "not applicable"  # no voice or images collected
    with_voice = score(all_answers("no"), prof=profile(data_collected=["voice"]))
    assert {s.item_id: s.status for s in with_voice.items}["R4-13"] == "fail"


def test_younger_children_weigh_age_sensitive_items_more():
    answers = all_answers("yes")
    answers["R1-02"] = Answer("no")  # age-sensitive
    teen = score(answers, prof=profile(age_range=[16, 17])).score
    young = score(answers, prof=profile(age_range=[6, 9])).score
    assert young > teen > 0


def test_blocker_below_age_applies_only_to_younger_children():
    answers = all_answers("yes")
    answers["R5-05"] = Answer("no")  # blocker below 16
    assert "R5-05" in {b.item_id for b in score(answers, prof=profile(age_range=[10, 17])).blockers}
    assert "R5-05" not in {b.item_id for b in score(answers, prof=profile(age_range=[16, 17])).blockers}


def test_evidence_decides_automated_items_and_only_raises_declared_ones():
    answers = all_answers("yes")
    clean = score(answers, [Evidence("R4-01", "automated:pii", 0.0, "none")])
    dirty = score(answers, [Evidence("R4-01", "automated:pii", 100.0, "IINs found", "minors' data")])
    assert dirty.score > clean.score
    assert [b.item_id for b in dirty.blockers] == ["R4-01"]
    raised = score(answers, [Evidence("R4-04", "automated:pii", 75.0, "unjustified columns")])
    assert {s.item_id: s.status for s in raised.items}["R4-04"] == "partial"
    lowered = dict(answers)
    lowered["R4-04"] = Answer("no")
    still = score(lowered, [Evidence("R4-04", "automated:pii", 0.0, "ok")])
    assert {s.item_id: s.risk for s in still.items}["R4-04"] == 100


def test_gate():
    result = score(all_answers("yes"))
    assert not fails_gate(result, None) and not fails_gate(result, 10)
    blocked = dataclasses.replace(result, blockers=(object(),))
    assert fails_gate(blocked, 100)
    assert not fails_gate(blocked, None)  # without a threshold the gate is off


def test_evidence_risk_must_be_a_percentage():
    with pytest.raises(ValueError):
        Evidence("R4-01", "automated:pii", 101.0, "x")
