"""Bytes to text: the HTTP charset, then the page's own declaration, then detection.

The order follows what browsers do, with one exception kept on purpose: a byte-order mark
wins over everything, because a BOM cannot lie about the bytes that follow it. The header and
``<meta>`` are read by w3lib (Scrapy's own encoding helpers: quoted parameters, comments, the
WHATWG label table, UTF-7 refused), which gives the same text as the readers written here before
on every fixture page under five Content-Type headers.

A label is checked against the bytes before it is believed: bytes labelled UTF-8 that are mostly
not UTF-8 (a windows-1251 page whose server says UTF-8), and bytes labelled as a single-byte code
page that are valid multi-byte UTF-8 (a UTF-8 page labelled windows-1251), refute their label;
the next label is checked, then the bytes are detected. :class:`Decoded` says which charset was
used and why.
"""

from __future__ import annotations

import codecs
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass

from charset_normalizer import from_bytes
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, resolve_encoding

#: Bytes handed to the charset detector: enough for a confident guess, cheap on big pages.
DETECT_SAMPLE_BYTES = 64 * 1024

#: Encodings the detector chooses among: those news sites really use. Without this list a
#: page of ASCII with a few broken bytes tends to come out as some rare code page.
LIKELY_ENCODINGS = (
    "utf_8", "cp1251", "cp1252", "koi8_r", "cp866", "iso8859_5", "mac_cyrillic", "cp1250",
    "iso8859_2", "cp1254", "cp1256", "cp1253", "cp1255", "cp1257", "gb18030", "big5",
    "shift_jis", "euc_jp", "euc_kr", "cp874",
)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def header(headers: Mapping[str, str] | None, name: str) -> str | None:
    """A header's value, looked up without regard to case; None when absent."""
    if not headers:
        return None
    wanted = name.lower()
    for key, value in headers.items():
        key_text = key.decode("latin-1") if isinstance(key, bytes) else str(key)
        if key_text.lower() == wanted:
            return value.decode("latin-1") if isinstance(value, bytes) else str(value)
    return None


def normalise_encoding(label: str | None) -> str | None:
    """Python's codec name for a charset label as browsers read it, or None for an unknown label."""
    if not label:
        return None
    return resolve_encoding(label.strip().strip("\"'"))


def http_charset(headers: Mapping[str, str] | None) -> str | None:
    """The charset of the Content-Type header, if any and known."""
    return http_content_type_encoding(header(headers, "content-type"))


def meta_charset(body: bytes) -> str | None:
    """The charset declared by a ``<meta>`` tag (or an XML declaration) near the top of the page,
    if any and known."""
    encoding = html_body_declared_encoding(body)
    # A page that says UTF-16 in ASCII-compatible bytes is not UTF-16 (HTML spec).
    if encoding and encoding.startswith("utf-16"):
        return "utf-8"
    return encoding


#: Fewer bytes than this that are not UTF-8 are damage in a UTF-8 page (a stray byte, a cut
#: character), not a wrong label, however few multi-byte characters the page has.
MIN_BROKEN_SEQUENCES = 16

_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_UTF8 = frozenset({"utf-8", "utf-8-sig"})


@dataclass(frozen=True)
class Decoded:
    """A decoded body: its text, the codec used (Python's name: ``utf-8``, ``cp1251``) and why
    (``byte-order mark``, ``Content-Type``, ``<meta>``, ``detected``, with any label the bytes
    refuted: ``detected; Content-Type says utf-8 but 812 byte sequences are not UTF-8``)."""

    text: str
    charset: str
    reason: str


def utf8_counts(data: bytes) -> tuple[int, int]:
    """(byte sequences that are not UTF-8, multi-byte UTF-8 characters) in ``data``."""
    if not _HIGH_BYTE.search(data):
        return 0, 0
    text = data.decode("utf-8", errors="replace")
    written = data.count(b"\xef\xbf\xbd")  # U+FFFD as the page itself writes it
    broken = text.count("\ufffd") - written
    wide = len(text) - len(text.encode("ascii", errors="ignore")) - broken
    return broken, wide


def _mostly_not_utf8(broken: int, wide: int) -> bool:
    return broken >= MIN_BROKEN_SEQUENCES and broken > wide


@functools.lru_cache(maxsize=64)
def _single_byte(encoding: str) -> bool:
    """True for a code page with one character per byte (windows-1251, KOI8-R, ISO 8859-5)."""
    try:
        return len(bytes(range(0x80, 0x100)).decode(encoding, errors="replace")) == 0x80
    except (LookupError, ValueError):
        return False


def refutation(body: bytes, encoding: str, counts: tuple[int, int] | None = None) -> str | None:
    """Why the bytes cannot be in ``encoding`` (the label they came with), or None when they can.

    UTF-8 is refuted by bytes mostly not UTF-8 (at least :data:`MIN_BROKEN_SEQUENCES` broken
    sequences, more than the valid multi-byte characters); any other label by bytes that are
    valid UTF-8 with multi-byte characters, when the label is a single-byte code page or cannot
    decode them. ``counts`` are the body's :func:`utf8_counts` when already known.
    """
    broken, wide = counts if counts is not None else utf8_counts(body)
    if encoding in _UTF8:
        if _mostly_not_utf8(broken, wide):
            return f"{broken} byte sequences are not UTF-8"
        return None
    if broken or not wide:
        return None
    if not _single_byte(encoding):
        try:
            body.decode(encoding)
            return None
        except (UnicodeDecodeError, LookupError, ValueError):
            pass
    return f"the bytes are valid UTF-8 ({wide} multi-byte characters)"


def _detection_sample(body: bytes) -> bytes:
    """Up to DETECT_SAMPLE_BYTES from just before the first non-ASCII byte: a page's head of
    scripts and styles can be longer than the sample and tells the detector nothing."""
    first = _HIGH_BYTE.search(body)
    start = max(0, first.start() - 1024) if first is not None else 0
    return body[start:start + DETECT_SAMPLE_BYTES]


def detect_charset(body: bytes, counts: tuple[int, int] | None = None) -> str | None:
    """UTF-8 when the bytes are (mostly) UTF-8, else the detector's best guess, else None.

    A page with few broken sequences (fewer than :data:`MIN_BROKEN_SEQUENCES`, or fewer than its
    valid multi-byte characters) is taken as UTF-8 with a few bad bytes: detectors tend to pick an
    exotic code page for such pages. ``counts`` are the body's :func:`utf8_counts` when known.
    """
    broken, wide = counts if counts is not None else utf8_counts(body)
    if not _mostly_not_utf8(broken, wide):
        return "utf-8"
    best = from_bytes(_detection_sample(body), cp_isolation=list(LIKELY_ENCODINGS)).best()
    encoding = normalise_encoding(best.encoding) if best is not None else None
    return None if encoding in _UTF8 else encoding


def _decode(body: bytes, encoding: str, reason: str) -> Decoded:
    try:
        return Decoded(body.decode(encoding, errors="replace"), encoding, reason)
    except (LookupError, ValueError):
        return Decoded(body.decode("utf-8", errors="replace"), "utf-8", f"{reason}; {encoding} unknown, utf-8 used")


def decode_page(body: bytes, headers: Mapping[str, str] | None = None) -> Decoded:
    """Decode a response body, saying which charset was used and why.

    Order: byte-order mark, HTTP ``Content-Type`` charset, ``<meta>`` charset, each believed only
    when the bytes do not refute it (:func:`refutation`), then detection (UTF-8 unless mostly
    not UTF-8, else charset-normalizer), and windows-1252 when nothing else fits (it decodes every
    byte). Bytes that do not fit the chosen encoding become U+FFFD; this never raises.
    """
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return _decode(body, encoding, "byte-order mark")
    refuted: list[str] = []
    counts = utf8_counts(body)
    for origin, label in (("Content-Type", http_charset(headers)), ("<meta>", meta_charset(body))):
        if not label:
            continue
        problem = refutation(body, label, counts)
        if problem is None:
            return _decode(body, label, "; ".join([origin, *refuted]))
        refuted.append(f"{origin} says {label} but {problem}")
    detected = detect_charset(body, counts)
    if detected is None:
        # Mostly not UTF-8 and nothing detected: a code page that takes every byte keeps the text
        # legible where it is ASCII, and the sanity check of the cleaned text has the last word.
        detected = "cp1252"
    return _decode(body, detected, "; ".join(["detected", *(refuted or ["no charset declared"])]))


def decode_body(body: bytes, headers: Mapping[str, str] | None = None) -> tuple[str, str]:
    """Decode a response body; returns ``(text, encoding used)`` (see :func:`decode_page`)."""
    decoded = decode_page(body, headers)
    return decoded.text, decoded.charset


#: A cleaned text is garbled when at least this share of its letters is U+FFFD or mojibake.
GARBLED_SHARE = 0.2
#: ... and that is at least this many characters (a few stray ones damage no article).
GARBLED_MIN = 10

# What the second byte of a two-byte UTF-8 character becomes when the bytes are read as
# windows-1251 or windows-1252 (U+FFFD for a byte the code page leaves undefined).
_AFTER_CP1251 = "\u0080-\u00bf\u0402-\u040f\u0452-\u045f\u0490\u0491\u2013-\u2122\ufffd"
_AFTER_CP1252 = "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122\ufffd"
_MOJIBAKE = re.compile(
    f"[РС][{_AFTER_CP1251}]"  # UTF-8 Cyrillic read as windows-1251: "Р”РѕР±С‹С‡Р°"
    f"|[ÐÑ][{_AFTER_CP1252}]"  # UTF-8 Cyrillic read as windows-1252: "Ð”Ð¾Ð±Ñ‹Ñ‡Ð°"
    f"|[ÂÃ][{_AFTER_CP1252}]|â€[{_AFTER_CP1252}]"  # UTF-8 Latin read as windows-1252: "Ã©", "â€™"
)

_NOT_LETTERS = re.compile(r"[\W\d_]+")


def garbled(text: str) -> str | None:
    """Why ``text`` (a cleaned title and body) is no legible text, or None when it is.

    Garbled: at least :data:`GARBLED_SHARE` of its letters are replacement characters (bytes no
    charset explained), or are in the two-character patterns UTF-8 leaves when read in
    windows-1251 or windows-1252 (mojibake, "Р”РѕР±С‹С‡Р°"); and at least :data:`GARBLED_MIN`.
    """
    replaced = text.count("\ufffd")
    letters = len(_NOT_LETTERS.sub("", text)) + replaced
    if not letters:
        return None
    if replaced >= GARBLED_MIN and replaced >= GARBLED_SHARE * letters:
        return f"garbled text: {replaced} of {letters} letters are U+FFFD (bytes no charset explains)"
    mojibake = sum(len(m.group(0)) for m in _MOJIBAKE.finditer(text))
    if mojibake >= GARBLED_MIN and mojibake >= GARBLED_SHARE * letters:
        sample = next(_MOJIBAKE.finditer(text)).group(0)
        return (f"garbled text: {mojibake} characters of mojibake such as {sample!r} (UTF-8 read in a code page) "
                f"among {letters} letters")
    return None
