"""DATE_TIME for dates of birth in free text: a date near a birth word (родился, туған, born, д.р.).

Dates with no birth context (deadlines, timestamps) are not reported: they are not personal data
of the child, and flagging every timestamp is what makes vanilla date detection useless here.
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from auditor.pii.recognizers import register

RU_MONTHS = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
KK_MONTHS = "қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан"
EN_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE_REGEX = re.compile(
    r"(?<!\d)(?:\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2}(?![\d:T])"
    rf"|\d{{1,2}}\s(?:{RU_MONTHS}|{KK_MONTHS}|{EN_MONTHS})\s(?:19|20)\d{{2}}(?:\s?(?:г\.|года|ж\.|жылы))?"
    rf"|(?:19|20)\d{{2}}\s?(?:ж\.|жылы)?\s?\d{{1,2}}\s(?:{KK_MONTHS})"
    rf"|(?:{EN_MONTHS})\s\d{{1,2}},?\s(?:19|20)\d{{2}})(?!\d)",
    re.IGNORECASE,
)
BIRTH_CONTEXT = re.compile(r"родил|рожд|д\.р\.|др\b|туған|туылған|туылды|born|birth|dob|b\.\s?day", re.IGNORECASE)
CONTEXT_WINDOW = 40


@register("date_of_birth")
class DateOfBirthRecognizer(EntityRecognizer):
    """A date (numeric or with a month name in kk/ru/en) within 40 characters of a birth word."""

    SUPPORTED_ENTITY = "DATE_TIME"

    def __init__(self, supported_language: str = "ru") -> None:
        super().__init__(
            supported_entities=[self.SUPPORTED_ENTITY],
            supported_language=supported_language,
            name="DateOfBirthRecognizer",
        )

    def load(self) -> None:
        """Nothing to load: the patterns are compiled at import."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        results = []
        for match in DATE_REGEX.finditer(text):
            window = text[max(0, match.start() - CONTEXT_WINDOW) : match.end() + 15]
            if BIRTH_CONTEXT.search(window):
                results.append(RecognizerResult(self.SUPPORTED_ENTITY, match.start(), match.end(), 0.85))
        return results
