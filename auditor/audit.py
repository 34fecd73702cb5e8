"""One audit, end to end: profile + answers (+ data samples, model outputs) -> report."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from auditor import __version__
from auditor.checklist import Answer, Checklist, answers_checklists, bundled_checklist, load_answers
from auditor.evidence import EvidenceBundle
from auditor.profile import Profile, load_profile
from auditor.progress import Progress
from auditor.report.model import (
    EvidenceRecord,
    InputFile,
    ItemResult,
    Product,
    Provenance,
    Report,
    RequirementResult,
)
from auditor.scoring import ScoreResult, score_audit


@dataclass(frozen=True)
class AuditOutcome:
    report: Report
    score: ScoreResult


def file_record(role: str, path: str | Path) -> InputFile:
    """Hash an input file in chunks (never its content into the report)."""
    path = Path(path)
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return InputFile(role=role, name=path.name, sha256=digest.hexdigest(), bytes=path.stat().st_size)


def build_report(
    profile: Profile,
    checklists: list[Checklist],
    answers: dict[str, Answer],
    bundles: Sequence[EvidenceBundle],
    inputs: list[InputFile],
    overrides: dict[str, dict[str, str]] | None = None,
) -> AuditOutcome:
    """Score the audit and assemble the report model (pure apart from the clock).

    ``overrides``: item id -> {status, reason, reviewer} from the review; both results are reported.
    """
    overrides = overrides or {}
    evidence = [record for bundle in bundles for record in bundle.evidence]
    result = score_audit(checklists, answers, evidence, profile, {k: v["status"] for k, v in overrides.items()})
    checklist_of = {item.id: c for c in checklists for item in c.items}
    requirement_checklist = {r.id: c.id for c in checklists for r in c.requirements}
    scores = {s.item_id: s for s in result.items}
    items = []
    for checklist in checklists:
        for item in checklist.items:
            s, answer = scores[item.id], answers.get(item.id)
            items.append(
                ItemResult(
                    id=item.id,
                    checklist=checklist_of[item.id].id,
                    requirement=item.requirement,
                    question=item.question,
                    answer_type=item.answer_type,
                    answer=answer.value if answer else "",
                    answer_evidence=answer.evidence if answer else "",
                    comment=answer.comment if answer else "",
                    status=s.status,
                    risk=s.risk,
                    weight=s.weight,
                    contribution=s.contribution,
                    severity=item.severity,
                    source=s.source,
                    edition=item.edition,
                    blocker_reason=s.blocker_reason,
                    remediation=item.remediation.__dict__,
                    references=[f"{source}: {ref}" for source, ref in item.references],
                    evidence=[
                        EvidenceRecord(e.source, e.risk, e.summary, e.blocker_reason)
                        for e in evidence
                        if e.item_id == item.id
                    ],
                    override=({"from": s.overridden_from, **overrides[item.id]} if s.overridden_from else None),
                )
            )
    report = Report(
        product=Product(
            name=profile.name,
            purpose=profile.purpose,
            organisation=profile.organisation,
            age_range=list(profile.age_range),
            age_bands=list(profile.age_bands),
            countries=list(profile.countries),
            languages=list(profile.languages),
            hosting_country=profile.hosting_country,
            ai_components=list(profile.ai_components),
            data_collected=list(profile.data_collected),
        ),
        score=result.score,
        band=result.band,
        blockers=[b.__dict__ for b in result.blockers],
        requirements=[
            RequirementResult(
                id=r.id,
                checklist=requirement_checklist[r.id],
                title=r.title,
                weight=r.weight,
                risk=r.risk,
                band=r.band,
                evidenced_share=r.evidenced_share,
                item_count=r.item_count,
            )
            for r in result.requirements
        ],
        items=items,
        provenance=Provenance(
            tool_version=__version__,
            generated_at=datetime.now(UTC).isoformat(timespec="seconds"),
            checklists=[{"id": c.id, "version": c.version, "sha256": c.sha256} for c in checklists],
            inputs=inputs,
            scorers=sorted({scorer for bundle in bundles for scorer in bundle.scorers}),
            seeds={k: v for b in bundles for k, v in b.section.get("seeds", {}).items()},
        ),
        sections={bundle.name: bundle.section for bundle in bundles},
    )
    return AuditOutcome(report=report, score=result)


def run_audit(
    profile_path: str | Path,
    answers_path: str | Path,
    *,
    data_paths: Sequence[str | Path] = (),
    outputs_path: str | Path | None = None,
    checklist_ids: Sequence[str] | None = None,
    progress: Progress | None = None,
) -> AuditOutcome:
    """Load and validate every input, run the automated checks and build the report."""
    profile = load_profile(profile_path)
    ids = list(checklist_ids) if checklist_ids else answers_checklists(answers_path)
    checklists = [bundled_checklist(checklist_id) for checklist_id in ids]
    answers = load_answers(answers_path, checklists)
    inputs = [file_record("profile", profile_path), file_record("answers", answers_path)]
    bundles: list[EvidenceBundle] = []
    if data_paths:
        from auditor.pii.evidence import pii_evidence

        bundles.append(pii_evidence([str(p) for p in data_paths], profile, progress))
        inputs += [file_record("data", p) for p in data_paths]
    if outputs_path:
        from auditor.probes.evidence import probe_evidence

        bundles.append(probe_evidence([str(outputs_path)], profile, progress))
        inputs.append(file_record("outputs", outputs_path))
    return build_report(profile, checklists, answers, bundles, inputs)
