from __future__ import annotations

from collections import Counter

import pytest

from auditor.checklist import available_checklists, bundled_checklist, load_answers, load_checklist
from auditor.errors import InputError

UNICEF = "unicef-ai-for-children-v2"
NINE_REQUIREMENTS = [
    "Support children's development and well-being",
    "Ensure inclusion of and for children",
    "Prioritize fairness and non-discrimination for children",
    "Protect children's data and privacy",
    "Ensure safety for children",
    "Provide transparency, explainability and accountability for children",
    "Empower governments and businesses with knowledge of AI and children's rights",
    "Prepare children for present and future developments in AI",
    "Create an enabling environment",
]


@pytest.mark.parametrize("checklist_id", list(available_checklists()))
def test_shipped_checklists_validate(checklist_id):
    checklist = load_checklist(available_checklists()[checklist_id])
    per_requirement = Counter(item.requirement for item in checklist.items)
    assert set(per_requirement) == {r.id for r in checklist.requirements}, "every requirement has items"
    for item in checklist.items:
        assert item.remediation.what and item.remediation.why and item.remediation.verify
        assert item.references


def test_unicef_checklist_covers_nine_requirements_and_editions():
    checklist = bundled_checklist(UNICEF)
    assert [r.title for r in checklist.requirements] == NINE_REQUIREMENTS
    assert 40 <= len(checklist.items) <= 70
    editions = Counter(item.edition for item in checklist.items)
    assert editions["UNICEF-3.0"] >= 5 and editions["KZ-law"] >= 3
    kinds = {item.evidence for item in checklist.items}
    assert kinds == {"declared", "document", "automated:pii", "automated:probes"}
    emotion = checklist.item("R1-05")
    assert emotion.blocker is not None and emotion.good_answer == "no"
    sources = {source for item in checklist.items for source, _ in item.references}
    assert {"UNICEF-2.0", "DPG", "ITU-COP", "UK-AADC", "KZ-PDL", "EU-AIA", "KZ-AIL"} <= sources


def test_dpg_checklist_has_nine_indicators():
    checklist = bundled_checklist("dpg-standard")
    assert len(checklist.requirements) == 9
    assert {"DPG-9A-01", "DPG-9B-01", "DPG-9C-01"} <= {i.id for i in checklist.items}


def test_unknown_checklist_lists_valid_ids():
    with pytest.raises(InputError, match="available: .*unicef-ai-for-children-v2"):
        bundled_checklist("nope")


MINIMAL = """id: t
title: T
version: "1"
sources: {S: {title: s, url: u}}
requirements: [{id: R1, title: r}]
items:
  - id: A-1
    requirement: R1
    question: Is it safe?
    help: Some help.
    answer_type: yes_no
    weight: 1
    severity: low
    evidence: declared
    remediation: {what: w, why: y, verify: v}
    references: [{source: S, ref: x}]
"""


def test_minimal_checklist_loads(write):
    assert load_checklist(write("c.yaml", MINIMAL)).items[0].id == "A-1"


@pytest.mark.parametrize(
    ("mutate", "message", "line"),
    [
        (lambda t: t.replace("weight: 1", "weight: heavy"), "'heavy' is not of type 'number'", 12),
        (lambda t: t.replace("    severity: low\n", ""), "'severity' is a required property", 7),
        (lambda t: t.replace("requirement: R1", "requirement: R9"), "unknown requirement 'R9'", 7),
        (lambda t: t.replace("source: S, ref", "source: Q, ref"), "unknown source 'Q'", 7),
        (lambda t: t.replace("title: T", "title: [T"), "malformed YAML", None),
        (lambda t: t + MINIMAL[MINIMAL.index("  - id: A-1") :], "duplicate item id 'A-1'", 17),
    ],
)
def test_bad_checklists_name_file_line_and_problem(write, mutate, message, line):
    path = write("bad.yaml", mutate(MINIMAL))
    with pytest.raises(InputError) as info:
        load_checklist(path)
    text = str(info.value)
    assert str(path) in text and message in text
    if line:
        assert f"line {line}" in text


def test_answers_unknown_id_and_wrong_type(write):
    checklists = [bundled_checklist(UNICEF)]
    with pytest.raises(InputError, match=r"line 3, answers.R99-01: unknown item id 'R99-01'"):
        load_answers(write("a.yaml", "answers:\n  R1-01: 'yes'\n  R99-01: 'yes'\n"), checklists)
    with pytest.raises(InputError, match=r"R1-01 takes yes, no, partial or n/a, got 'maybe'"):
        load_answers(write("a.yaml", "answers:\n  R1-01: maybe\n"), checklists)


def test_answers_accept_yaml_booleans_and_mappings(write):
    answers = load_answers(
        write("a.yaml", "answers:\n  R1-01: yes\n  R1-02: {answer: No, comment: c}\n  R9-04: N/A\n"),
        [bundled_checklist(UNICEF)],
    )
    assert answers["R1-01"].value == "yes"
    assert (answers["R1-02"].value, answers["R1-02"].comment) == ("no", "c")
    assert answers["R9-04"].value == "n/a"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "file is empty"),
        ("answers:\n  R1-01: да\n".encode("cp1251"), "not UTF-8 text"),
        (b"\x00\x01\x02binary", "looks binary"),
        (b"answers: [1, 2", "malformed YAML/JSON"),
        (b'{"answers": {"R1-01": "yes"}, "extra": 1}', "Additional properties are not allowed"),
    ],
)
def test_answers_bad_files(write, content, message):
    with pytest.raises(InputError, match=message):
        load_answers(write("a.json", content), [bundled_checklist(UNICEF)])
