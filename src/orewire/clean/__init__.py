"""The cleaning stage: archived responses to article records.

``clean_response`` takes a URL, the body bytes and the HTTP headers and returns an
:class:`Article` (title, author, section, published_at with its offset, text, fingerprints,
mining relevance) or a :class:`NotArticle` with a short reason code. Per-source overrides of
the registry win where they apply; trafilatura does the rest.

The names below are loaded on first use: the crawler reads ``orewire.clean.dates`` alone and
does not pay for trafilatura.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from orewire.clean.dates import parse_date
    from orewire.clean.decode import decode_body
    from orewire.clean.fingerprint import NEAR_DUPLICATE_BITS, content_sha256, hamming, simhash64
    from orewire.clean.relevance import MINING_THRESHOLD, mining_relevance
    from orewire.clean.stage import (
        CLEANER_VERSION,
        ERROR_REASONS,
        MAX_PARSE_BYTES,
        MIN_WORDS,
        Article,
        NotArticle,
        clean_response,
    )

_HOME = {
    "parse_date": "dates",
    "decode_body": "decode",
    "NEAR_DUPLICATE_BITS": "fingerprint", "content_sha256": "fingerprint", "hamming": "fingerprint",
    "simhash64": "fingerprint",
    "MINING_THRESHOLD": "relevance", "mining_relevance": "relevance",
    "CLEANER_VERSION": "stage", "ERROR_REASONS": "stage", "MAX_PARSE_BYTES": "stage", "MIN_WORDS": "stage", "Article": "stage",
    "NotArticle": "stage", "clean_response": "stage",
}

__all__ = [
    "CLEANER_VERSION",
    "ERROR_REASONS",
    "MAX_PARSE_BYTES",
    "MINING_THRESHOLD",
    "MIN_WORDS",
    "NEAR_DUPLICATE_BITS",
    "Article",
    "NotArticle",
    "clean_response",
    "content_sha256",
    "decode_body",
    "hamming",
    "mining_relevance",
    "parse_date",
    "simhash64",
]


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'orewire.clean' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"orewire.clean.{home}"), name)
    globals()[name] = value
    return value
