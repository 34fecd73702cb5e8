"""PERSON without an NER model: Kazakh and Russian names through airlock-pii's name logic
(given-name lists, surname and patronymic endings such as -ов/-ова/-ұлы/-қызы, case forms,
Latin spellings), and English names through the US census name lists shipped by ``names``.

This runs at pattern speed; spaCy's English NER is added by the analyzer in deep mode.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import airlock_pii
from airlock_pii.types import EntityType
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from auditor.pii.recognizers import register

CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")
TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)")
NAME_CONTEXT = re.compile(
    r"(?:name is|i'm|i am|called|named|friend|classmate|student|son|daughter|hi|hello|dear|teacher|with)\W*$",
    re.IGNORECASE,
)
SURNAMES_KEPT = 30000
# Words for a person's role that airlock-pii can take into a name span ("Досым Нонна Князева").
CUE_WORDS = frozenset(
    {
        "досым",
        "досым,",
        "құрбым",
        "мұғалім",
        "апай",
        "ағай",
        "сыныптасым",
        "друг",
        "подруга",
        "учитель",
        "учительница",
        "ученик",
        "ученица",
        "одноклассник",
        "одноклассница",
        "мама",
        "папа",
    }
)  # most frequent census surnames; rarer ones are mostly noise words


@cache
def english_names() -> tuple[frozenset[str], frozenset[str]]:
    """(given names, surnames) in title case from the census lists of the ``names`` package."""
    folder = resources.files("names")

    def read(name: str, limit: int | None = None) -> frozenset[str]:
        lines = folder.joinpath(name).read_text("utf-8").splitlines()[:limit]
        return frozenset(line.split()[0].title() for line in lines if line.strip())

    given = read("dist.male.first") | read("dist.female.first")
    return given, read("dist.all.last", SURNAMES_KEPT)


def english_person_spans(text: str) -> list[tuple[int, int, float]]:
    """Spans of English names: given + surname (0.85), title + surname (0.75), given after a cue (0.7)."""
    given, surnames = english_names()
    tokens = list(CAPITALISED.finditer(text))
    spans: list[tuple[int, int, float]] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        end, score = token.end(), 0.0
        follow = index + 1
        while follow < len(tokens) and tokens[follow].start() - end <= 1 and tokens[follow].group() in surnames:
            end, score, follow = tokens[follow].end(), 0.85, follow + 1
        if (
            token.group() in given
            and score == 0.0
            and NAME_CONTEXT.search(text[max(0, token.start() - 16) : token.start()])
        ):
            score = 0.7
        if token.group() in given and score:
            spans.append((token.start(), end, score))
            index = follow
            continue
        index += 1
    spans += [(m.start(1), m.end(1), 0.75) for m in TITLE.finditer(text)]
    return spans


def _trim_cue(text: str, start: int, end: int, score: float) -> tuple[int, int, float]:
    """Drop a leading role word (friend, teacher) from a multi-word name span."""
    first, _, rest = text[start:end].partition(" ")
    if rest and first.casefold() in CUE_WORDS:
        return start + len(first) + 1, end, score
    return start, end, score


@register("person_name")
class PersonNameRecognizer(EntityRecognizer):
    """Names of children and adults in kk, ru and en text, with no model download."""

    SUPPORTED_ENTITY = "PERSON"

    def __init__(self, supported_language: str = "ru") -> None:
        super().__init__(
            supported_entities=[self.SUPPORTED_ENTITY],
            supported_language=supported_language,
            name="PersonNameRecognizer",
        )

    def load(self) -> None:
        english_names()

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        spans = [
            _trim_cue(text, e.start, e.end, e.confidence) for e in airlock_pii.detect(text, types=[EntityType.PERSON])
        ]
        taken = [(s, e) for s, e, _ in spans]
        for start, end, score in english_person_spans(text):
            if not any(start < e and s < end for s, e in taken):
                spans.append((start, end, score))
        return [RecognizerResult(self.SUPPORTED_ENTITY, s, e, score) for s, e, score in spans]
