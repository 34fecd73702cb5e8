"""KZ_BIN: Kazakhstan business identification number (БИН / БСН). Not personal data of a child,
reported as its own type so a BIN is never mistaken for an IIN."""

from __future__ import annotations

from presidio_analyzer import Pattern

from auditor.pii.kz_ids import is_valid_bin
from auditor.pii.recognizers import register
from auditor.pii.recognizers.base import ConstantsPatternRecognizer


@register("kz_bin")
class KzBinRecognizer(ConstantsPatternRecognizer):
    """Twelve digits: registration YYMM, entity kind 4-6, unit 0-3, serial, IIN-style check digit."""

    PATTERNS = [Pattern("KZ BIN (12 digits, YYMM + kind 4-6)", r"(?<!\d)\d{4}[4-6][0-3]\d{6}(?!\d)", 0.4)]
    CONTEXT = ["бин", "бсн", "bin", "организация", "тоо", "ұйым"]
    SUPPORTED_ENTITY = "KZ_BIN"

    def validate_result(self, pattern_text: str) -> bool:
        return is_valid_bin(pattern_text)
