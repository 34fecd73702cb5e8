"""LOCATION: street addresses and postcodes as written in Kazakhstan (Russian, Kazakh, English).

ул. Абая, д. 15, кв. 3 · пр. Назарбаева 12 · мкр. Самал-2, д. 5 · Абай көшесі, 15 үй, 3 пәтер ·
Абай даңғылы 15 · 15 Abay Avenue · индекс 050000 · A05T3K4 (Kazpost 2015 code).
"""

from __future__ import annotations

import re

from presidio_analyzer import Pattern

from auditor.pii.recognizers import register
from auditor.pii.recognizers.base import ConstantsPatternRecognizer

UPPER = "А-ЯЁӘҒҚҢӨҰҮҺІA-Z"
LOWER = "а-яёәғқңөұүһіa-z"
NAME = rf"[{UPPER}0-9][{UPPER}{LOWER}0-9\-]*(?:\s[{LOWER}]{{2,}})?"
HOUSE = rf"(?:,?\s*(?:д\.|дом|үй)?\s*\d+[{LOWER}/\d]*(?:\s*үй)?)"
FLAT = r"(?:,?\s*(?:кв\.|квартира|пәтер)?\s*\d+(?:\s*пәтер)?)"
RU_STREET = r"(?:ул\.|улица|пр\.|пр-т|проспект|мкр\.?|микрорайон|б-р|бульвар|пер\.|переулок|ш\.|шоссе)"
KK_STREET = r"(?:көшесі|даңғылы|шағын\s?ауданы|ш\.а\.|тұйығы)"
EN_STREET = r"(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Lane|Boulevard|Blvd\.)"
REGION_LETTERS = "ABCDEFHLMNPRSTXZ"


@register("kz_address")
class KzAddressRecognizer(ConstantsPatternRecognizer):
    """Street markers in ru/kk/en with the name and house/flat numbers around them; postcodes."""

    PATTERNS = [
        Pattern("ru street", rf"{RU_STREET}\s*{NAME}{HOUSE}?(?:{FLAT}(?=\D|$))?", 0.65),
        Pattern("kk street", rf"{NAME}\s{KK_STREET}{HOUSE}?(?:{FLAT}(?=\D|$))?", 0.65),
        Pattern("en street", rf"\d+\s{NAME}\s{EN_STREET}|{NAME}\s{EN_STREET}\s?\d+", 0.6),
        Pattern("kazpost code", rf"\b[{REGION_LETTERS}]\d{{2}}\s?[A-Z]\d[A-Z]\d\b", 0.5),
        Pattern("legacy postcode with context", r"(?i:индекс|index|индексі)\s*:?\s*\d{6}\b", 0.6),
    ]
    CONTEXT = ["адрес", "мекенжай", "address", "живу", "тұрамын", "проживает", "live"]
    SUPPORTED_ENTITY = "LOCATION"
    REGEX_FLAGS = re.DOTALL | re.MULTILINE  # case matters: street names are capitalised

    def validate_result(self, pattern_text: str) -> bool | None:
        # A bare street word with no name or number after it is no address.
        return None if any(ch.isdigit() for ch in pattern_text) or len(pattern_text.split()) >= 2 else False
