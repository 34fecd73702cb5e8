"""PHONE_NUMBER: Kazakhstan numbers in every common writing.

+7 701 123 45 67, +7 (701) 123-45-67, 8 701 1234567, 87011234567, +77011234567, 8 (7172) 55-66-77.
Country code +7 is shared with Russia; Kazakhstan holds the 7xx zones (mobile 70x/747/77x,
landline 71x-72x), so a number is accepted only with a +7/8/7 prefix and a 7xx zone.
"""

from __future__ import annotations

import re

from presidio_analyzer import Pattern

from auditor.pii.recognizers import register
from auditor.pii.recognizers.base import ConstantsPatternRecognizer

KZ_ZONES = re.compile(r"^7(0\d|1\d|2\d|47|5\d|6\d|7\d)")
PHONE_REGEX = r"(?<![\w+])(?:\+\s?7|8|7)[\s\-]*\(?\s*7(?:[\s\-\(\)]{0,2}\d){9}(?![\d])"


@register("kz_phone")
class KzPhoneRecognizer(ConstantsPatternRecognizer):
    """+7/8 prefix, a 7xx zone and ten national digits with any spaces, dashes or brackets."""

    PATTERNS = [Pattern("KZ phone (+7/8, 7xx zone)", PHONE_REGEX, 0.6)]
    CONTEXT = ["тел", "телефон", "phone", "mobile", "моб", "нөмір", "номер", "whatsapp", "звоните", "хабарлас"]
    SUPPORTED_ENTITY = "PHONE_NUMBER"

    def validate_result(self, pattern_text: str) -> bool:
        digits = re.sub(r"\D", "", pattern_text)
        return len(digits) == 11 and digits[0] in "78" and bool(KZ_ZONES.match(digits[1:]))
