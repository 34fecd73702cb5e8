"""KZ_IIN: Kazakhstan individual identification number (ИИН / ЖСН), checksum- and date-validated."""

from __future__ import annotations

from presidio_analyzer import Pattern

from auditor.pii.kz_ids import is_valid_iin
from auditor.pii.recognizers import register
from auditor.pii.recognizers.base import ConstantsPatternRecognizer


@register("kz_iin")
class KzIinRecognizer(ConstantsPatternRecognizer):
    """Twelve digits whose first six are a date and seventh a century/sex code, with a valid check digit."""

    PATTERNS = [Pattern("KZ IIN (12 digits, YYMMDD + century/sex digit)", r"(?<!\d)\d{6}[1-6]\d{5}(?!\d)", 0.5)]
    CONTEXT = ["иин", "жсн", "iin", "инн", "идентификационный", "сәйкестендіру", "identification"]
    SUPPORTED_ENTITY = "KZ_IIN"

    def validate_result(self, pattern_text: str) -> bool:
        return is_valid_iin(pattern_text)
