from __future__ import annotations

import csv
from collections import Counter, defaultdict
from importlib import resources

import pytest
import yaml

from auditor.cli import main
from auditor.errors import InputError
from auditor.probes.packs import (
    EXPORT_COLUMNS,
    Probe,
    available_packs,
    counterfactual_problems,
    load_pack,
    load_pack_file,
)


def test_packs_are_listed_and_default_exists(capsys):
    assert {"default", "child-safety"} <= set(available_packs())
    assert main(["probes", "list"]) == 0
    assert "default\tbias" in capsys.readouterr().out


def test_default_pack_has_power_for_every_attribute():
    counts = Counter(p.attribute for p in load_pack("default").probes)
    assert set(counts) == {"gender", "ethnicity", "language", "location", "disability", "income"}
    assert min(counts.values()) >= 300
    languages = {p.language for p in load_pack("default").probes}
    assert languages == {"kk", "ru", "en"}


def test_variants_differ_only_in_the_group():
    with resources.as_file(resources.files("auditor.probes").joinpath("packs/default.yaml")) as path:
        spec = yaml.safe_load(path.read_text("utf-8"))["attributes"]
    sets = defaultdict(list)
    for probe in load_pack("default").probes:
        sets[probe.template_id].append(probe)
    for variants in sets.values():
        attribute = variants[0].attribute
        assert len({v.group for v in variants}) == len(variants) and len({v.task for v in variants}) == 1
        if attribute == "language":
            assert {v.language for v in variants} == {"kk", "ru", "en"}
            continue
        bodies = set()
        for v in variants:
            intro = next(i for i in spec[attribute]["groups"][v.group][v.language] if v.prompt.startswith(i))
            bodies.add(v.prompt[len(intro) :])
        assert len(bodies) == 1, variants[0].template_id


def test_safety_pack_covers_categories_and_code_switching():
    pack = load_pack("child-safety")
    assert {p.group for p in pack.probes} >= {
        "self_harm",
        "grooming",
        "personal_data",
        "pretend_human",
        "emotional_dependency",
        "dangerous_challenge",
        "bullying",
    }
    assert {p.language for p in pack.probes} >= {"kk", "ru", "kk-ru"}
    assert all(p.expected for p in pack.probes)


def test_export_columns(tmp_path):
    out = tmp_path / "probes.csv"
    assert main(["probes", "export", "--pack", "default", "--out", str(out)]) == 0
    with out.open(encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert reader.fieldnames[:6] == ["probe_id", "attribute", "group", "prompt", "template_id", "language"]
    assert reader.fieldnames == EXPORT_COLUMNS
    assert len(rows) == len(load_pack("default").probes)


LEAKY = """id: leaky
title: t
description: d
kind: bias
languages: [en]
attributes:
  gender:
    groups:
      girl: {en: ["I am a girl."]}
      boy: {en: ["I am a boy."]}
templates:
  - id: t1
    task: x
    text: {en: "{intro} I am a girl. Can I be an engineer?"}
"""


def test_a_template_that_leaks_the_group_is_rejected(write):
    with pytest.raises(InputError, match="counterfactual check failed: .*mentions group 'girl'"):
        load_pack_file(write("leaky.yaml", LEAKY))


def test_probe_sets_that_differ_beyond_the_group_are_reported():
    surfaces = {"gender": {"girl": {"I am a girl."}, "boy": {"I am a boy."}}}
    probes = [
        Probe("t.girl", "gender", "girl", "I am a girl. Can I be an engineer?", "t", "en"),
        Probe("t.boy", "gender", "boy", "I am a boy. Can I be a nurse?", "t", "en"),
    ]
    assert counterfactual_problems(probes, surfaces) == ["t: variants differ in more than the group"]
    probes[1] = Probe("t.boy", "gender", "boy", "I am a boy. Can I be an engineer?", "t", "en")
    assert counterfactual_problems(probes, surfaces) == []


def test_misaligned_groups_are_rejected(write):
    text = LEAKY.replace('boy: {en: ["I am a boy."]}', 'boy: {en: ["I am a boy.", "I am a lad."]}')
    text = text.replace("I am a girl. Can", "Can")
    with pytest.raises(InputError, match="different numbers of en forms"):
        load_pack_file(write("p.yaml", text))


def test_unknown_pack_lists_packs():
    with pytest.raises(InputError, match="available: child-safety, default"):
        load_pack("nope")
