"""Product profile: who the product serves and what it does, which decides what applies.

Age bands follow the UK Age Appropriate Design Code (0-5, 6-9, 10-12, 13-15, 16-17).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor.documents import load_validated
from auditor.errors import InputError

AGE_BANDS: tuple[tuple[str, int, int], ...] = (
    ("0-5", 0, 5),
    ("6-9", 6, 9),
    ("10-12", 10, 12),
    ("13-15", 13, 15),
    ("16-17", 16, 17),
)

# How much more an age-sensitive item weighs when the youngest child served is in this band.
AGE_WEIGHT_FACTOR: dict[str, float] = {"0-5": 2.0, "6-9": 1.75, "10-12": 1.5, "13-15": 1.25, "16-17": 1.0}

LIST_FIELDS = ("countries", "languages", "ai_components", "data_collected", "decisions", "features")


@dataclass(frozen=True)
class Profile:
    name: str
    purpose: str
    age_range: tuple[int, int]
    countries: tuple[str, ...]
    languages: tuple[str, ...]
    ai_components: tuple[str, ...]
    data_collected: tuple[str, ...]
    hosting_country: str
    features: tuple[str, ...] = ()
    decisions: tuple[str, ...] = ()
    organisation: str = ""
    decision_makers: str = ""
    data_purposes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    guardian_consent: bool = False
    legal_basis: str = ""

    @property
    def youngest(self) -> int:
        return self.age_range[0]

    @property
    def serves_minors(self) -> bool:
        return self.youngest < 18

    @property
    def age_bands(self) -> tuple[str, ...]:
        """The UK-code age bands the product's age range overlaps."""
        low, high = self.age_range
        return tuple(name for name, start, end in AGE_BANDS if start <= high and end >= low)

    @property
    def youngest_band(self) -> str | None:
        bands = self.age_bands
        return bands[0] if bands else None

    def age_weight_factor(self) -> float:
        band = self.youngest_band
        return AGE_WEIGHT_FACTOR[band] if band else 1.0

    def matches(self, condition: dict[str, Any] | None) -> bool:
        """True when every key of an ``applies_if`` condition holds (lists match on any shared value)."""
        if not condition:
            return True
        for key, wanted in condition.items():
            if key == "youngest_below":
                if not self.youngest < wanted:
                    return False
            elif not set(getattr(self, key)) & set(wanted):
                return False
        return True


def profile_from_dict(data: dict[str, Any]) -> Profile:
    """Build a :class:`Profile` from schema-valid data."""
    low, high = data["age_range"]
    if low > high:
        raise ValueError("age_range must be [youngest, oldest]")
    legal = data.get("legal_basis", {})
    return Profile(
        name=data["name"],
        purpose=data["purpose"],
        age_range=(low, high),
        hosting_country=data["hosting_country"],
        organisation=data.get("organisation", ""),
        decision_makers=data.get("decision_makers", ""),
        data_purposes={k: tuple(v) for k, v in data.get("data_purposes", {}).items()},
        guardian_consent=bool(legal.get("guardian_consent", False)),
        legal_basis=legal.get("basis", ""),
        **{key: tuple(data.get(key, ())) for key in LIST_FIELDS},
    )


def load_profile(path: str | Path) -> Profile:
    """Load and validate a profile file (YAML or JSON)."""
    data = load_validated(path, "profile")
    try:
        return profile_from_dict(data)
    except ValueError as exc:
        raise InputError(path, str(exc), location="age_range") from exc
