"""Content identity: an exact hash of the text and a 64-bit Simhash for near duplicates.

The Simhash is taken over word 2-shingles (word pairs) (lower-cased ``\\w+`` tokens), each hashed with
BLAKE2b to 64 bits. Two texts of the same story, one with an extra dateline or a changed
sentence, differ in a few bits; unrelated texts differ in about 32.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping

SHINGLE_WORDS = 2
#: Texts whose Simhashes differ in at most this many bits are the same story. Unrelated texts
#: differ in about 32 bits (binomial, sd 4), so the chance that two of them fall within 6 bits
#: is about 1e-11. Copies of one story of a few hundred words that differ by a dateline, a
#: byline or a reworded sentence measure 3-4 bits apart with word pairs (3-word shingles gave
#: 5-9 on such short texts); the 3 bits often quoted for whole web pages is too tight here.
NEAR_DUPLICATE_BITS = 6

_WORD_RE = re.compile(r"\w+")
# For every bit position j, a table mapping a byte to 1 when its bit j is set, else 0.
_BIT_TABLES = tuple(bytes((value >> bit) & 1 for value in range(256)) for bit in range(8))


def content_sha256(text: str) -> str:
    """Hex SHA-256 of the UTF-8 text: changes exactly when the text changes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def simhash64(text: str) -> int:
    """Unsigned 64-bit Simhash of ``text``'s word pairs; 0 for a text without words."""
    words = _WORD_RE.findall(text.lower())
    if not words:
        return 0
    if len(words) < SHINGLE_WORDS:
        shingles: Iterable[str] = (" ".join(words),)
    else:
        shingles = map(" ".join, zip(*(words[i:] for i in range(SHINGLE_WORDS)), strict=False))
    blake = hashlib.blake2b
    digests = b"".join(blake(s.encode("utf-8"), digest_size=8).digest() for s in shingles)
    count = len(digests) // 8
    # Per-bit vote counts, done column-wise in C: slice out byte k of every digest, map each byte
    # to its bit j (0/1) and count the ones. 64 cheap calls instead of 64 steps per shingle.
    fingerprint = 0
    for k in range(8):
        column = digests[k::8]
        for j in range(8):
            if 2 * column.translate(_BIT_TABLES[j]).count(1) > count:
                fingerprint |= 1 << (8 * (7 - k) + j)
    return fingerprint


def hamming(a: int, b: int) -> int:
    """Number of differing bits between two 64-bit fingerprints."""
    return (a ^ b).bit_count()


def find_duplicate(
    fingerprint: int,
    candidates: Mapping[str, int] | Iterable[tuple[str, int]],
    max_bits: int = NEAR_DUPLICATE_BITS,
) -> str | None:
    """The id of the closest candidate within ``max_bits`` of ``fingerprint``, or None.

    ``candidates`` maps ids to fingerprints (a mapping or (id, fingerprint) pairs); on a tie
    the first one wins, so pass them oldest first to link a copy to its original. A fingerprint
    of 0 (a text without words) matches nothing.
    """
    if not fingerprint:
        return None
    pairs = candidates.items() if isinstance(candidates, Mapping) else candidates
    best_id: str | None = None
    best_bits = max_bits + 1
    for candidate_id, other in pairs:
        if not other:
            continue
        bits = hamming(fingerprint, other)
        if bits < best_bits:
            best_id, best_bits = candidate_id, bits
            if bits == 0:
                break
    return best_id
