"""The report as frozen dataclasses; ``to_dict`` gives the JSON validated by report.schema.json."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

REPORT_SCHEMA_VERSION = "1.0"


@dataclass(frozen=True)
class InputFile:
    role: str  # profile | answers | data | outputs | checklist
    name: str
    sha256: str
    bytes: int


@dataclass(frozen=True)
class Provenance:
    tool_version: str
    generated_at: str
    checklists: list[dict[str, str]]
    inputs: list[InputFile]
    scorers: list[str]
    seeds: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class EvidenceRecord:
    source: str
    risk: float
    summary: str
    blocker_reason: str = ""


@dataclass(frozen=True)
class ItemResult:
    id: str
    checklist: str
    requirement: str
    question: str
    answer_type: str
    answer: str
    answer_evidence: str
    comment: str
    status: str
    risk: float | None
    weight: float
    contribution: float
    severity: str
    source: str
    edition: str
    blocker_reason: str
    remediation: dict[str, str]
    references: list[str]
    evidence: list[EvidenceRecord]
    override: dict[str, str] | None = None  # {from, status, reason, reviewer} when a reviewer changed the result


@dataclass(frozen=True)
class RequirementResult:
    id: str
    checklist: str
    title: str
    weight: float
    risk: float | None
    band: str
    evidenced_share: float
    item_count: int


@dataclass(frozen=True)
class Product:
    name: str
    purpose: str
    organisation: str
    age_range: list[int]
    age_bands: list[str]
    countries: list[str]
    languages: list[str]
    hosting_country: str
    ai_components: list[str]
    data_collected: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Report:
    product: Product
    score: float | None
    band: str
    blockers: list[dict[str, str]]
    requirements: list[RequirementResult]
    items: list[ItemResult]
    provenance: Provenance
    sections: dict[str, Any] = field(default_factory=dict)
    schema_version: str = REPORT_SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
