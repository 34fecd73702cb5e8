"""One table per recognizer: (text, expected spans). Uses the recognizers without any NLP model."""

from __future__ import annotations

import pytest

from auditor.pii.recognizers import LANGUAGES, RECOGNIZERS, build_recognizers


def found(recognizer_name: str, text: str, language: str = "ru") -> list[str]:
    (recognizer,) = build_recognizers(language, [recognizer_name])
    results = [r for r in recognizer.analyze(text, recognizer.supported_entities, None) if r.score >= 0.5]
    return [text[r.start : r.end] for r in sorted(results, key=lambda r: r.start)]


def test_every_registered_recognizer_builds_for_every_language():
    for language in LANGUAGES:
        recognizers = build_recognizers(language)
        assert len(recognizers) == len(RECOGNIZERS)
        assert all(r.supported_language == language and r.supported_entities for r in recognizers)
    with pytest.raises(ValueError, match="valid: .*kz_iin"):
        build_recognizers("ru", ["nope"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ИИН 081215500009", ["081215500009"]),
        ("ЖСН: 090322600006, сынып 7Б", ["090322600006"]),
        ("IIN 081215501806.", ["081215501806"]),
        ("заказ 123456789012", []),  # not a date + checksum
        ("ИИН 081215500008", []),  # wrong check digit
        ("0812155000091", []),  # 13 digits
        ("тел 87011234567", []),
    ],
)
def test_kz_iin(text, expected):
    assert found("kz_iin", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("тел +7 701 123 45 67", ["+7 701 123 45 67"]),
        ("+7 (701) 123-45-67 звоните", ["+7 (701) 123-45-67"]),
        ("8 701 1234567", ["8 701 1234567"]),
        ("нөмірім 87011234567", ["87011234567"]),
        ("whatsapp +77011234567", ["+77011234567"]),
        ("8 (7172) 55-66-77", ["8 (7172) 55-66-77"]),
        ("8-777-123-45-67", ["8-777-123-45-67"]),
        ("+7 912 345 67 89", []),  # Russian 9xx zone
        ("ИИН 870112345678", []),  # twelve digits are not a phone
        ("8 800 555 35 35", []),  # toll-free, not a 7xx zone
    ],
)
def test_kz_phone(text, expected):
    assert found("kz_phone", text) == expected


@pytest.mark.parametrize(
    ("text", "expected", "language"),
    [
        ("живу: ул. Абая, д. 15, кв. 3, приходи", ["ул. Абая, д. 15, кв. 3"], "ru"),
        ("пр. Назарбаева 12", ["пр. Назарбаева 12"], "ru"),
        ("мкр. Самал-2, д. 5", ["мкр. Самал-2, д. 5"], "ru"),
        ("ул. Кабанбай батыра 45", ["ул. Кабанбай батыра 45"], "ru"),
        ("Мекенжайым Абай көшесі, 15 үй, 3 пәтер", ["Абай көшесі, 15 үй, 3 пәтер"], "kk"),
        ("Абай даңғылы 15", ["Абай даңғылы 15"], "kk"),
        ("I live at 15 Abay Avenue now", ["15 Abay Avenue"], "en"),
        ("индекс 050000", ["индекс 050000"], "ru"),
        ("код A05T3K4", ["A05T3K4"], "ru"),
        ("улица была пустой", [], "ru"),
    ],
)
def test_kz_address(text, expected, language):
    assert found("kz_address", text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected", "language"),
    [
        ("Меня зовут Айгерім Серікқызы", ["Айгерім Серікқызы"], "kk"),
        ("Ученица Иванова Мария Петровна, 7Б класс", ["Иванова Мария Петровна"], "ru"),
        ("Досым Нұрлан Жұмабайұлы келеді", ["Нұрлан Жұмабайұлы"], "kk"),
        ("Hi, I'm Emily Johnson from class 7", ["Emily Johnson"], "en"),
        ("my friend Emma said hi", ["Emma"], "en"),
        ("Ask Mrs. Brown about it", ["Brown"], "en"),
        ("May I submit it in June?", [], "en"),
        ("Решите уравнение к понедельнику", [], "ru"),
    ],
)
def test_person_names(text, expected, language):
    assert found("person_name", text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("я родилась 12.03.2010", ["12.03.2010"]),
        ("д.р. 2011-05-04", ["2011-05-04"]),
        ("Мен 2010 жылы 5 наурыз туғанмын", ["2010 жылы 5 наурыз"]),
        ("I was born on March 3, 2010", ["March 3, 2010"]),
        ("сдать до 12.03.2026", []),  # a deadline is no birth date
        ("вход 2026-10-01 12:30", []),
    ],
)
def test_date_of_birth(text, expected):
    assert found("date_of_birth", text) == expected
