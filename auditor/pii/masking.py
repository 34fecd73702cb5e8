"""Masked previews and keyed hashes: the only forms in which a found value leaves the scanner."""

from __future__ import annotations

import hashlib
import hmac
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
    lead = 1 if len(alnum) < 8 else 2
    tail = 1 if len(alnum) < 8 else keep_end
    visible = set(alnum[:lead]) | set(alnum[-tail:])
    return "".join(ch if (i in visible or not ch.isalnum()) else "*" for i, ch in enumerate(value))


def value_hash(value: str) -> str:
    """A keyed SHA-256 (HMAC) of a normalised value, so findings can be joined without the value.

    The key comes from ``AUDITOR_HASH_KEY``; set it per deployment so hashes cannot be
    reversed by hashing every possible IIN with a public key.
    """
    key = os.environ.get(_KEY_ENV, "").encode() or _DEFAULT_KEY
    normalised = "".join(value.split()).casefold()
    return hmac.new(key, normalised.encode("utf-8"), hashlib.sha256).hexdigest()[:16]
