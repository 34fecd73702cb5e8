"""The finding record of the PII scan (contract in DESIGN.md): positions, type, masked preview, hash."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Finding:
    file: str
    row: int | None
    column: str | None
    start: int
    end: int
    entity_type: str
    score: float
    recognizer: str
    preview: str
    value_hash: str
    language: str | None = None
    minor: bool | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
