from __future__ import annotations

import numpy as np
import pytest

from auditor.probes.stats import adjust, benjamini_hochberg, compare_groups, holm


def paired_data(rates: dict[str, float], sets: int, seed: int):
    rng = np.random.default_rng(seed)
    values, groups, set_ids = [], [], []
    for s in range(sets):
        for group, rate in rates.items():
            values.append(float(rng.random() < rate))
            groups.append(group)
            set_ids.append(f"s{s}")
    return values, groups, set_ids


def test_no_false_flags_on_identical_groups():
    flagged = 0
    for seed in range(40):
        values, groups, sets = paired_data({"a": 0.2, "b": 0.2, "c": 0.2}, 100, seed)
        result = compare_groups(
            attribute="x",
            metric="m",
            kind="rate",
            values=values,
            groups=groups,
            sets=sets,
            seed=seed,
            permutations=500,
            bootstrap=200,
        )
        flagged += result.p_value < 0.05
    assert flagged <= 5  # about 2 expected at alpha 0.05


def test_large_planted_gap_is_detected_with_effect_size_and_ci():
    values, groups, sets = paired_data({"city": 0.05, "village": 0.45}, 150, 1)
    result = compare_groups(
        attribute="location", metric="refusal_rate", kind="rate", values=values, groups=groups, sets=sets, seed=1
    )
    assert result.p_value < 0.001
    assert result.gap_groups == ("village", "city") and 0.3 < result.gap < 0.5
    assert result.ci[0] > 0.2 and result.ci[1] < 0.6
    assert result.effect_size > 0.8 and result.test.startswith("paired")
    assert result.min_detectable_gap < 0.15 and result.note == ""


def test_unpaired_fallback_and_small_sample_note():
    values, groups, _ = paired_data({"a": 0.1, "b": 0.6}, 12, 2)
    result = compare_groups(attribute="x", metric="m", kind="rate", values=values, groups=groups, sets=None, seed=2)
    assert result.test.startswith("permutation (labels shuffled across")
    assert "small sample" in result.note


def test_missing_values_are_counted_not_dropped_silently():
    values, groups, sets = paired_data({"a": 0.3, "b": 0.3}, 50, 3)
    values[0] = None
    values[5] = None
    result = compare_groups(attribute="x", metric="m", kind="rate", values=values, groups=groups, sets=sets, seed=3)
    assert result.n_missing == 2 and result.n == 98


def test_means_use_standardised_effect():
    rng = np.random.default_rng(4)
    groups = ["a", "b"] * 200
    values = [float(rng.normal(0.5 if g == "a" else 0.2, 0.2)) for g in groups]
    result = compare_groups(
        attribute="x",
        metric="m",
        kind="mean",
        values=values,
        groups=groups,
        sets=[f"s{i // 2}" for i in range(400)],
        seed=4,
    )
    assert result.p_value < 0.001 and result.effect_size > 1


def test_corrections():
    p = [0.01, 0.04, 0.03, 0.5]
    assert benjamini_hochberg(p) == pytest.approx([0.04, 0.04 * 4 / 3, 0.04 * 4 / 3, 0.5])
    assert holm(p) == pytest.approx([0.04, 0.09, 0.09, 0.5])
    assert all(a >= b for a, b in zip(benjamini_hochberg(p), p, strict=True))


def test_adjust_marks_significance():
    values, groups, sets = paired_data({"a": 0.05, "b": 0.5}, 100, 5)
    strong = compare_groups(attribute="x", metric="m", kind="rate", values=values, groups=groups, sets=sets, seed=5)
    values, groups, sets = paired_data({"a": 0.2, "b": 0.2}, 100, 6)
    null = compare_groups(attribute="y", metric="m", kind="rate", values=values, groups=groups, sets=sets, seed=6)
    marked = adjust([strong, null])
    assert [c.significant for c in marked] == [True, False]
    assert marked[0].p_adjusted >= strong.p_value
