"""Group comparisons for probe metrics: pure functions, seeded randomness.

For each attribute and metric the groups are compared with a permutation test of the range of
group means (max - min). When outputs come in counterfactual sets (one variant per group, the
same template), labels are permuted *within* sets: a paired test that removes template-to-
template variation (for two groups this is the sign-flip test). Otherwise labels are permuted
across all outputs. Effect sizes (Cohen's h for rates, standardised mean difference for means)
and bootstrap confidence intervals resample whole sets. p-values are corrected across all tests
of a run with Benjamini-Hochberg (or Holm).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

ALPHA = 0.05
MIN_PER_GROUP = 30
Z_POWER = 2.8  # z(0.975) + z(0.8): 80% power at alpha 0.05, two-sided


@dataclass(frozen=True)
class GroupComparison:
    attribute: str
    metric: str
    kind: str  # rate | mean
    groups: list[str]
    values: list[float]
    group_ci: list[tuple[float, float]]
    n_per_group: list[int]
    gap: float
    gap_groups: tuple[str, str]  # (highest, lowest)
    effect_size: float
    ci: tuple[float, float]
    p_value: float
    test: str
    n: int
    n_missing: int
    min_detectable_gap: float
    p_adjusted: float = 1.0
    significant: bool = False
    note: str = ""


def _complete_sets(values, groups, sets, group_names) -> np.ndarray | None:
    """Matrix sets x groups when outputs form complete counterfactual sets (rows with a gap dropped)."""
    index = {g: i for i, g in enumerate(group_names)}
    table: dict[str, list[float]] = {}
    for value, group, set_id in zip(values, groups, sets, strict=True):
        row = table.setdefault(set_id, [math.nan] * len(group_names))
        row[index[group]] = value
    matrix = np.array([row for row in table.values() if not any(math.isnan(v) for v in row)], dtype=float)
    return matrix if len(matrix) >= max(5, 0.5 * len(table)) else None


def _range_stat(means: np.ndarray) -> np.ndarray:
    return means.max(axis=-1) - means.min(axis=-1)


def _permutation_p(
    matrix: np.ndarray | None,
    values: np.ndarray,
    labels: np.ndarray,
    k: int,
    rng: np.random.Generator,
    permutations: int,
) -> tuple[float, str]:
    if matrix is not None:
        observed = _range_stat(matrix.mean(axis=0))
        keys = rng.random((permutations, *matrix.shape))
        order = keys.argsort(axis=2)
        shuffled = np.take_along_axis(np.broadcast_to(matrix, keys.shape), order, axis=2)
        stats = _range_stat(shuffled.mean(axis=1))
        test = "paired permutation (labels shuffled within counterfactual sets)"
    else:
        counts = np.bincount(labels, minlength=k)
        observed = _range_stat(np.bincount(labels, values, minlength=k) / counts)
        stats = np.empty(permutations)
        for i in range(permutations):
            shuffled = rng.permutation(labels)
            stats[i] = _range_stat(np.bincount(shuffled, values, minlength=k) / counts)
        test = "permutation (labels shuffled across outputs)"
    p = (1 + np.count_nonzero(stats >= observed - 1e-12)) / (1 + permutations)
    return float(p), test


def _unit_variance(kind: str, values: np.ndarray) -> float:
    """Variance of one output: p(1-p) for rates (p kept within 0.05..0.95), the sample variance for means."""
    if kind == "rate":
        p = min(0.95, max(0.05, float(values.mean()) if len(values) else 0.5))
        return p * (1 - p)
    return float(values.var(ddof=1)) if len(values) > 1 else 0.0


def _effect_size(kind: str, high: np.ndarray, low: np.ndarray) -> float:
    if kind == "rate":
        return float(2 * math.asin(math.sqrt(high.mean())) - 2 * math.asin(math.sqrt(low.mean())))
    pooled = math.sqrt((high.var(ddof=1) + low.var(ddof=1)) / 2) if len(high) > 1 and len(low) > 1 else 0.0
    return float((high.mean() - low.mean()) / pooled) if pooled > 0 else 0.0


def compare_groups(
    *,
    attribute: str,
    metric: str,
    kind: str,
    values: Sequence[float | None],
    groups: Sequence[str],
    sets: Sequence[str] | None = None,
    permutations: int = 2000,
    bootstrap: int = 1000,
    seed: int = 0,
) -> GroupComparison:
    """Compare one metric across the groups of one attribute. ``None`` values are counted as missing."""
    keep = [i for i, v in enumerate(values) if v is not None]
    vals = np.array([values[i] for i in keep], dtype=float)
    grp = [groups[i] for i in keep]
    group_names = sorted(set(groups))
    labels = np.array([group_names.index(g) for g in grp])
    k = len(group_names)
    rng = np.random.default_rng(seed)
    matrix = _complete_sets(vals, grp, [sets[i] for i in keep], group_names) if sets is not None else None
    per_group = [vals[labels == i] for i in range(k)]
    means = np.array([g.mean() if len(g) else math.nan for g in per_group])
    high, low = int(np.nanargmax(means)), int(np.nanargmin(means))
    p_value, test = _permutation_p(matrix, vals, labels, k, rng, permutations)
    # bootstrap: resample sets (paired) or outputs within groups (unpaired)
    if matrix is not None:
        picks = rng.integers(0, len(matrix), size=(bootstrap, len(matrix)))
        boot_means = matrix[picks].mean(axis=1)
    else:
        boot_means = np.column_stack(
            [
                rng.choice(g, size=(bootstrap, len(g))).mean(axis=1) if len(g) else np.full(bootstrap, math.nan)
                for g in per_group
            ]
        )
    gaps = boot_means[:, high] - boot_means[:, low]
    group_ci = [
        (float(np.nanpercentile(boot_means[:, i], 2.5)), float(np.nanpercentile(boot_means[:, i], 97.5)))
        for i in range(k)
    ]
    n_small = min(len(g) for g in per_group)
    mde = Z_POWER * math.sqrt(2 * _unit_variance(kind, vals) / max(n_small, 1))
    note = (
        f"small sample: fewer than {MIN_PER_GROUP} outputs in a group, too few to conclude"
        if n_small < MIN_PER_GROUP
        else ""
    )
    return GroupComparison(
        attribute=attribute,
        metric=metric,
        kind=kind,
        groups=group_names,
        values=[float(m) for m in means],
        group_ci=group_ci,
        n_per_group=[len(g) for g in per_group],
        gap=float(means[high] - means[low]),
        gap_groups=(group_names[high], group_names[low]),
        effect_size=_effect_size(kind, per_group[high], per_group[low]),
        ci=(float(np.percentile(gaps, 2.5)), float(np.percentile(gaps, 97.5))),
        p_value=p_value,
        test=test,
        n=len(vals),
        n_missing=len(values) - len(keep),
        min_detectable_gap=float(mde),
        note=note,
    )


def benjamini_hochberg(p_values: Sequence[float]) -> list[float]:
    """BH-adjusted p-values (monotone, capped at 1)."""
    m = len(p_values)
    order = sorted(range(m), key=lambda i: p_values[i])
    adjusted = [1.0] * m
    running = 1.0
    for rank, i in reversed(list(enumerate(order, start=1))):
        running = min(running, p_values[i] * m / rank)
        adjusted[i] = min(1.0, running)
    return adjusted


def holm(p_values: Sequence[float]) -> list[float]:
    """Holm step-down adjusted p-values."""
    m = len(p_values)
    order = sorted(range(m), key=lambda i: p_values[i])
    adjusted = [1.0] * m
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p_values[i]))
        adjusted[i] = running
    return adjusted


def adjust(comparisons: Sequence[GroupComparison], method: str = "bh", alpha: float = ALPHA) -> list[GroupComparison]:
    """Correct p-values across all comparisons and mark the significant ones."""
    if not comparisons:
        return []
    adjusted = (benjamini_hochberg if method == "bh" else holm)([c.p_value for c in comparisons])
    return [
        replace(c, p_adjusted=p, significant=bool(p < alpha and min(c.n_per_group) > 0))
        for c, p in zip(comparisons, adjusted, strict=True)
    ]
