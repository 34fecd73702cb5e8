"""Registry of the scanner's recognizers: ids -> classes, one instance per language.

Like Presidio's RecognizerRegistry: a recognizer class registers itself with :func:`register`;
:func:`build_recognizers` instantiates them for a language. Unknown ids fail with the valid list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from presidio_analyzer import EntityRecognizer

LANGUAGES = ("kk", "ru", "en")
RECOGNIZERS: dict[str, Callable[[str], EntityRecognizer]] = {}


def register(name: str) -> Callable:
    """Class or factory decorator: ``@register("kz_iin")``; the callable takes a language code."""

    def wrap(factory: Callable[[str], EntityRecognizer]) -> Callable[[str], EntityRecognizer]:
        RECOGNIZERS[name] = factory
        return factory

    return wrap


def _load_builtins() -> None:
    from auditor.pii.recognizers import (  # noqa: F401  (imports register the recognizers)
        common_recognizers,
        date_of_birth_recognizer,
        kz_address_recognizer,
        kz_bin_recognizer,
        kz_iin_recognizer,
        kz_phone_recognizer,
        person_name_recognizer,
    )


def build_recognizers(language: str, names: Iterable[str] | None = None) -> list[EntityRecognizer]:
    """Instances of the named recognizers (all when ``names`` is None) for one language."""
    _load_builtins()
    wanted = list(names) if names is not None else list(RECOGNIZERS)
    unknown = [n for n in wanted if n not in RECOGNIZERS]
    if unknown:
        raise ValueError(f"unknown recognizer {unknown[0]!r}; valid: {', '.join(sorted(RECOGNIZERS))}")
    return [RECOGNIZERS[name](language) for name in wanted]
