"""Pure scoring: answers + evidence -> item risk -> requirement risk -> overall score, bands, blockers.

The overall score is a weighted mean of requirement risks, and each requirement's risk is a
weighted mean of its items' risks, so every item's contribution can be shown and they add up:
``contribution_i = (W_r / sum W) * (w_i / sum_{j in r} w_j) * risk_i``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from auditor.checklist import Answer, Checklist, Item
from auditor.evidence import Evidence
from auditor.profile import Profile

BANDS: tuple[tuple[int, str], ...] = ((75, "critical"), (50, "high"), (25, "medium"), (0, "low"))
INSUFFICIENT = "insufficient evidence"
ANSWER_RISK = {"pass": 0.0, "partial": 50.0, "fail": 100.0, "unanswered": 100.0}
MIN_EVIDENCED_SHARE = 0.5  # below this share of weight answered, a requirement has insufficient evidence
SEVERITY_ORDER = {"critical": 0, "high": 1, "medium": 2, "low": 3}


@dataclass(frozen=True)
class ItemScore:
    item_id: str
    requirement: str
    status: str  # pass | partial | fail | unanswered | n/a | not applicable
    risk: float | None  # None when the item does not count (n/a, not applicable)
    weight: float
    source: str  # declared | document | automated:pii | automated:probes | none
    blocker_reason: str = ""
    contribution: float = 0.0
    overridden_from: str = ""  # the status before a reviewer's override


@dataclass(frozen=True)
class RequirementScore:
    id: str
    title: str
    weight: float
    risk: float | None
    band: str
    evidenced_share: float
    item_count: int


@dataclass(frozen=True)
class Blocker:
    item_id: str
    reason: str
    source: str


@dataclass(frozen=True)
class ScoreResult:
    score: float | None
    band: str
    requirements: tuple[RequirementScore, ...]
    items: tuple[ItemScore, ...]
    blockers: tuple[Blocker, ...]


def band_for(score: float | None) -> str:
    """0-24 low, 25-49 medium, 50-74 high, 75-100 critical."""
    if score is None:
        return INSUFFICIENT
    return next(name for floor, name in BANDS if score >= floor)


def answer_status(item: Item, answer: Answer | None) -> str:
    """Status of a declared answer, taking the item's good answer into account."""
    if answer is None or not answer.value:
        return "unanswered"
    value = answer.value
    if value == "n/a":
        return "n/a"
    if item.answer_type == "yes_no":
        if value == "partial":
            return "partial"
        return "pass" if value == item.good_answer else "fail"
    if value.lower() in {"no", "none"}:
        return "fail"
    if value.lower() == "partial":
        return "partial"
    return "pass"


def status_for_risk(risk: float) -> str:
    return "pass" if risk == 0 else "fail" if risk >= 100 else "partial"


def score_item(item: Item, answer: Answer | None, evidence: list[Evidence], profile: Profile) -> ItemScore:
    """Risk of one item. Automated evidence decides automated items and can only raise declared ones."""
    weight = item.weight * (profile.age_weight_factor() if item.age_sensitive else 1.0)
    if not profile.matches(item.applies_if):
        return ItemScore(item.id, item.requirement, "not applicable", None, weight, "none")
    declared_status = answer_status(item, answer)
    if evidence:
        evidence_risk = max(e.risk for e in evidence)
        declared_risk = ANSWER_RISK.get(declared_status, 0.0) if not item.automated else 0.0
        risk = max(evidence_risk, declared_risk)
        status, source = status_for_risk(risk), evidence[0].source
    elif declared_status == "n/a":
        return ItemScore(item.id, item.requirement, "n/a", None, weight, item.evidence)
    else:
        risk, status, source = ANSWER_RISK[declared_status], declared_status, item.evidence
    reason = blocker_reason(item, status, evidence, profile)
    return ItemScore(item.id, item.requirement, status, risk, weight, source, reason)


def blocker_reason(item: Item, status: str, evidence: list[Evidence], profile: Profile) -> str:
    """Why this item blocks the product whatever the score, or '' when it does not.

    An unanswered item that can block counts as blocking: a team cannot clear a blocker by skipping it.
    """
    reasons = [e.blocker_reason for e in evidence if e.is_blocker]
    rule = item.blocker
    if rule and (rule.below_age is None or profile.youngest < rule.below_age):
        failing = {"fail", "unanswered"} | ({"partial"} if rule.when == "failing_or_partial" else set())
        if status in failing:
            prefix = "Unanswered blocker question. " if status == "unanswered" else ""
            reasons.append(prefix + (rule.reason or item.question))
    return " ".join(reasons)


def score_requirements(
    checklist_requirements: Iterable, item_scores: list[ItemScore]
) -> tuple[list[RequirementScore], float | None, list[ItemScore]]:
    """Requirement risks, the overall weighted mean and items with their contributions filled in."""
    requirement_rows = []
    for req in checklist_requirements:
        counted = [s for s in item_scores if s.requirement == req.id and s.risk is not None]
        total_weight = sum(s.weight for s in counted)
        if not counted:
            requirement_rows.append((req, None, 0.0, counted, total_weight))
            continue
        risk = sum(s.weight * s.risk for s in counted) / total_weight
        evidenced = sum(s.weight for s in counted if s.status != "unanswered") / total_weight
        requirement_rows.append((req, risk, evidenced, counted, total_weight))
    scored = [row for row in requirement_rows if row[1] is not None]
    total_req_weight = sum(row[0].weight for row in scored)
    contributions: dict[str, float] = {}
    for req, _risk, _share, counted, item_weight_total in scored:
        for s in counted:
            contributions[s.item_id] = req.weight / total_req_weight * s.weight / item_weight_total * s.risk
    overall = sum(contributions.values()) if scored else None
    requirement_scores = [
        RequirementScore(
            id=req.id,
            title=req.title,
            weight=req.weight,
            risk=risk,
            band=band_for(risk) if risk is not None and share >= MIN_EVIDENCED_SHARE else INSUFFICIENT,
            evidenced_share=share,
            item_count=len(counted),
        )
        for req, risk, share, counted, _ in requirement_rows
    ]
    with_contrib = [ItemScore(**{**s.__dict__, "contribution": contributions.get(s.item_id, 0.0)}) for s in item_scores]
    return requirement_scores, overall, with_contrib


def apply_override(score: ItemScore, status: str) -> ItemScore:
    """A reviewer's result replaces the item's status and risk; the original status is kept."""
    if score.risk is None or status == score.status:
        return score
    reason = score.blocker_reason if status != "pass" else ""
    return ItemScore(
        score.item_id,
        score.requirement,
        status,
        ANSWER_RISK[status],
        score.weight,
        "review",
        reason,
        overridden_from=score.status,
    )


def score_audit(
    checklists: list[Checklist],
    answers: Mapping[str, Answer],
    evidence: Iterable[Evidence],
    profile: Profile,
    overrides: Mapping[str, str] | None = None,
) -> ScoreResult:
    """Score one audit over one or more checklists (their requirements are pooled).

    ``overrides`` maps item ids to a reviewer's status (pass/partial/fail); they apply last.
    """
    by_item: dict[str, list[Evidence]] = {}
    for record in evidence:
        by_item.setdefault(record.item_id, []).append(record)
    items = [item for checklist in checklists for item in checklist.items]
    item_scores = [score_item(i, answers.get(i.id), by_item.get(i.id, []), profile) for i in items]
    overrides = overrides or {}
    item_scores = [apply_override(s, overrides[s.item_id]) if s.item_id in overrides else s for s in item_scores]
    requirements = [req for checklist in checklists for req in checklist.requirements]
    requirement_scores, overall, item_scores = score_requirements(requirements, item_scores)
    evidenced = sum(s.weight for s in item_scores if s.risk is not None and s.status != "unanswered")
    counted = sum(s.weight for s in item_scores if s.risk is not None)
    enough = counted > 0 and evidenced / counted >= MIN_EVIDENCED_SHARE
    blockers = tuple(Blocker(s.item_id, s.blocker_reason, s.source) for s in item_scores if s.blocker_reason)
    return ScoreResult(
        score=overall,
        band=band_for(overall) if enough else INSUFFICIENT,
        requirements=tuple(requirement_scores),
        items=tuple(item_scores),
        blockers=blockers,
    )


def fails_gate(result: ScoreResult, fail_above: float | None) -> bool:
    """CI gate (only with a threshold): fails on a blocker, a score above it, or no score at all."""
    if fail_above is None:
        return False
    return bool(result.blockers) or result.score is None or result.score > fail_above
