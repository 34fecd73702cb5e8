"""Beyond direct identifiers: k-anonymity over quasi-identifiers, special categories, minimisation."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

# Special-category words (health, special needs, disability, religion, ethnicity) in kk, ru, en.
SPECIAL_TERMS = (
    r"(?i)диагноз|аутизм|аутист|эпилепс|диабет|астм|СДВГ|ОВЗ|инвалид|депресс|психиатр|"
    r"мүгедек|ауру|дін|мұсылман|христиан|"
    r"diagnos|autis|epilep|diabet|asthma|adhd|dyslex|disabilit|special educational needs|depress|"
    r"religio|muslim|christian|ethnicity"
)
K_SAFE = 5


def k_anonymity(group_counts: Counter, file: str, columns: list[str]) -> dict[str, Any]:
    """Smallest group size over the quasi-identifier columns and how many rows sit in small groups."""
    sizes = list(group_counts.values())
    k = min(sizes)
    return {
        "file": file,
        "columns": columns,
        "k": k,
        "groups": len(sizes),
        "rows_in_groups_below_5": sum(s for s in sizes if s < K_SAFE),
        "unique_rows": sum(1 for s in sizes if s == 1),
    }


DIRECT = {"KZ_IIN", "PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS", "LOCATION", "IP_ADDRESS", "CREDIT_CARD", "IBAN_CODE"}


def suggested_action(entity_types: Iterable[str], kind: str, special: bool) -> str:
    """drop | pseudonymise | generalise | redact | keep, with the reason in a few words."""
    types = set(entity_types)
    if kind == "free_text" and types:
        return "redact (auditor pii redact) or stop storing free text"
    if "KZ_IIN" in types or "PERSON" in types:
        return "pseudonymise (keyed hash) or drop"
    if types & {"PHONE_NUMBER", "EMAIL_ADDRESS", "IP_ADDRESS", "CREDIT_CARD", "IBAN_CODE"}:
        return "drop (contact data is not needed for learning)"
    if "LOCATION" in types:
        return "generalise to district or drop"
    if "DATE_TIME" in types:
        return "generalise to birth year or age band"
    if special:
        return "drop unless the learning purpose needs it; restrict access"
    return "keep"


def unjustified_columns(columns: Iterable[str], purposes: dict[str, tuple[str, ...]]) -> list[str]:
    """Columns that no declared purpose lists (empty when the profile declares no purposes)."""
    if not purposes:
        return []
    justified = {c.casefold() for needed in purposes.values() for c in needed}
    return sorted({c for c in columns if c and c.casefold() not in justified})
