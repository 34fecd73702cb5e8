"""Language of a text cell by script: Kazakh letters -> kk, other Cyrillic -> ru, Latin -> en.

Kazakh-specific letters (ә ғ қ ң ө ұ ү һ і) mark Kazakh even in code-switched kk/ru text.
Cheap enough to run per cell; models are not needed to choose between these three.
"""

from __future__ import annotations

import re

KAZAKH_LETTERS = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
LATIN = re.compile(r"[a-zA-Z]")


def detect_language(text: str, default: str = "en") -> str:
    if KAZAKH_LETTERS.search(text):
        return "kk"
    cyrillic = len(CYRILLIC.findall(text))
    latin = len(LATIN.findall(text))
    if cyrillic == 0 and latin == 0:
        return default
    return "ru" if cyrillic >= latin else "en"
