"""Content identity: an exact hash of the text and a 64-bit Simhash for near duplicates.

The Simhash is taken over word 2-shingles (word pairs) of the lower-cased ``\\w+`` tokens. Each
word is hashed once with BLAKE2b to 64 bits (and remembered, since news vocabulary repeats); a
pair's hash mixes its two word hashes with the SplitMix64 finaliser, and the per-bit majority
vote runs as one array operation. Two texts of the same story, one with an extra dateline or a
changed sentence, differ in a few bits; unrelated texts differ in about 32.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

SHINGLE_WORDS = 2
#: Texts whose Simhashes differ in at most this many bits are the same story. Unrelated texts
#: differ in about 32 bits (binomial, sd 4), so the chance that two of them fall within 6 bits
#: is about 1e-11. Copies of one story of a few hundred words that differ by a dateline, a
#: byline or a reworded sentence measure 3-4 bits apart with word pairs (3-word shingles gave
#: 5-9 on such short texts); the 3 bits often quoted for whole web pages is too tight here.
NEAR_DUPLICATE_BITS = 6

_WORD_RE = re.compile(r"\w+")
_WORD_HASHES: dict[str, int] = {}
#: Remembered word hashes at most (a few tens of MB); the memory starts afresh beyond it.
_WORD_HASHES_MAX = 300_000
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)


def content_sha256(text: str) -> str:
    """Hex SHA-256 of the UTF-8 text: changes exactly when the text changes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _word_hash(word: str) -> int:
    value = _WORD_HASHES.get(word)
    if value is None:
        if len(_WORD_HASHES) >= _WORD_HASHES_MAX:
            _WORD_HASHES.clear()
        value = int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")
        _WORD_HASHES[word] = value
    return value


def _finalise(x: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser, element-wise (uint64 arithmetic wraps, as it should)."""
    x = x ^ (x >> np.uint64(30))
    x = x * _MIX1
    x = x ^ (x >> np.uint64(27))
    x = x * _MIX2
    return x ^ (x >> np.uint64(31))


def simhash64(text: str) -> int:
    """Unsigned 64-bit Simhash of ``text``'s word pairs; 0 for a text without words."""
    words = _WORD_RE.findall(text.lower())
    if not words:
        return 0
    hashes = np.fromiter(map(_word_hash, words), dtype=np.uint64, count=len(words))
    with np.errstate(over="ignore"):
        if len(hashes) < SHINGLE_WORDS:
            shingles = _finalise(hashes)
        else:  # ordered pairs: (a, b) and (b, a) hash differently
            shingles = _finalise(hashes[:-1] * _GOLDEN ^ hashes[1:])
    bits = np.unpackbits(shingles.astype("<u8").view(np.uint8).reshape(-1, 8), axis=1, bitorder="little")
    majority = 2 * bits.sum(axis=0, dtype=np.int64) > len(shingles)
    return int.from_bytes(np.packbits(majority, bitorder="little").tobytes(), "little")


def hamming(a: int, b: int) -> int:
    """Number of differing bits between two 64-bit fingerprints."""
    return (a ^ b).bit_count()
