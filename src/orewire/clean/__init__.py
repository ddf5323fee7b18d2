"""The cleaning stage: archived responses to article records.

``clean_response`` takes a URL, the body bytes and the HTTP headers and returns an
:class:`Article` (title, author, section, published_at with its offset, text, fingerprints,
mining relevance) or a :class:`NotArticle` with a short reason code. Per-source overrides of
the registry win where they apply; trafilatura does the rest.
"""

from orewire.clean.dates import parse_date
from orewire.clean.decode import decode_body
from orewire.clean.fingerprint import NEAR_DUPLICATE_BITS, content_sha256, hamming, simhash64
from orewire.clean.relevance import MINING_THRESHOLD, mining_relevance
from orewire.clean.stage import (
    CLEANER_VERSION,
    MAX_PARSE_BYTES,
    MIN_WORDS,
    Article,
    NotArticle,
    clean_response,
)

__all__ = [
    "CLEANER_VERSION",
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
