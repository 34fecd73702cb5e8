"""Base for our pattern recognizers: a leaf sets class constants, as Presidio's own recognizers do."""

from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer


class ConstantsPatternRecognizer(PatternRecognizer):
    """Built from ``PATTERNS``, ``CONTEXT``, ``SUPPORTED_ENTITY`` and ``REGEX_FLAGS`` set by the subclass."""

    PATTERNS: list[Pattern] = []
    CONTEXT: list[str] = []
    SUPPORTED_ENTITY = ""
    REGEX_FLAGS = re.DOTALL | re.MULTILINE | re.IGNORECASE  # Presidio's default

    def __init__(self, supported_language: str = "ru") -> None:
        super().__init__(
            supported_entity=self.SUPPORTED_ENTITY,
            patterns=self.PATTERNS,
            context=self.CONTEXT,
            supported_language=supported_language,
            name=type(self).__name__,
            global_regex_flags=self.REGEX_FLAGS,
        )
