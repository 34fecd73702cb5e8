"""The one typed interface through which automated checks feed the checklist.

A producer (the PII scan, the probe statistics) returns :class:`Evidence` records keyed by
checklist item id. Scoring never looks at where evidence came from beyond ``source``.
Evidence holds masked text and numbers only, never children's data in clear.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True)
class Evidence:
    item_id: str
    source: str
    risk: float
    summary: str
    blocker_reason: str = ""
    details: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not 0.0 <= self.risk <= 100.0:
            raise ValueError(f"evidence risk must be within 0..100, got {self.risk}")

    @property
    def is_blocker(self) -> bool:
        return bool(self.blocker_reason)


class EvidenceProducer(Protocol):
    """Anything that turns input files into checklist evidence (the PII scan, the probe statistics)."""

    def __call__(self, paths: list[str], profile: Any, progress: Any = None) -> EvidenceBundle: ...


@dataclass(frozen=True)
class EvidenceBundle:
    """What one producer hands the audit: evidence records, a report section and the scorers it used."""

    name: str
    evidence: list[Evidence]
    section: dict[str, Any]
    scorers: list[str] = field(default_factory=list)
