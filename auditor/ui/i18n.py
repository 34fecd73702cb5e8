"""UI strings from catalogue files (locales/en.yaml, ru.yaml, kk.yaml); English fills any gap."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

LANGUAGES = {"en": "English", "ru": "Русский", "kk": "Қазақша"}


@cache
def catalogue(language: str) -> dict[str, str]:
    text = resources.files("auditor.ui").joinpath(f"locales/{language}.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def translate(language: str, key: str, **values: object) -> str:
    text = catalogue(language).get(key) or catalogue("en")[key]
    return text.format(**values) if values else text
