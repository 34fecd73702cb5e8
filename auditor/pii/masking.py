"""Masked previews and keyed hashes: the only forms in which a found value leaves the scanner."""

from __future__ import annotations

import hashlib
import os

_KEY_ENV = "AUDITOR_HASH_KEY"
_DEFAULT_KEY = b"auditor-local-pseudonymisation"


def mask_preview(value: str, *, keep_end: int = 2) -> str:
    """Keep punctuation and the shape, hide letters and digits but the first and last ``keep_end``.

    ``8 (701) 234-56-62`` -> ``8 (7**) ***-**-62``; ``Айгерим`` -> ``А*****м``.
    Values of three characters or fewer are fully masked.
    """
    alnum = [i for i, ch in enumerate(value) if ch.isalnum()]
    if len(alnum) <= 3:
        return "".join("*" if ch.isalnum() else ch for ch in value)
    lead, tail = (1, 1) if len(alnum) < 8 else (2, keep_end)
    chars = list(value)
    for i in alnum[lead:-tail]:
        chars[i] = "*"
    return "".join(chars)


def value_hash(value: str) -> str:
    """A keyed BLAKE2b hash of a normalised value, so findings can be joined without the value.

    The key comes from ``AUDITOR_HASH_KEY``; set it per deployment so hashes cannot be
    reversed by hashing every possible IIN with a public key.
    """
    key = (os.environ.get(_KEY_ENV, "").encode() or _DEFAULT_KEY)[:64]
    normalised = "".join(value.split()).casefold()
    return hashlib.blake2b(normalised.encode("utf-8"), key=key, digest_size=8).hexdigest()
