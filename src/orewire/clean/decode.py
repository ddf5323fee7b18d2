"""Bytes to text: the HTTP charset, then the page's own declaration, then detection.

The order follows what browsers do, with one exception kept on purpose: a byte-order mark
wins over everything, because a BOM cannot lie about the bytes that follow it. The header and
``<meta>`` are read by w3lib (Scrapy's own encoding helpers: quoted parameters, comments, the
WHATWG label table, UTF-7 refused), which gives the same text as the readers written here before
on every fixture page under five Content-Type headers.
"""

from __future__ import annotations

import codecs
from collections.abc import Mapping

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


def detect_charset(body: bytes) -> str | None:
    """UTF-8 when the bytes are (mostly) UTF-8, else the detector's best guess, else None.

    A page with more valid multi-byte UTF-8 characters than broken sequences is taken as UTF-8
    with a few bad bytes: detectors tend to pick an exotic code page for such pages.
    """
    sample = body[:DETECT_SAMPLE_BYTES]
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    text = sample.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    wide = sum(1 for char in text if char > "\x7f") - broken
    if wide >= broken:
        return "utf-8"
    best = from_bytes(sample, cp_isolation=list(LIKELY_ENCODINGS)).best()
    return normalise_encoding(best.encoding) if best is not None else None


def decode_body(body: bytes, headers: Mapping[str, str] | None = None) -> tuple[str, str]:
    """Decode a response body; returns ``(text, encoding used)``.

    Order: byte-order mark, HTTP ``Content-Type`` charset, ``<meta>`` charset, detection (strict
    UTF-8, then charset-normalizer), and UTF-8 as the last resort. Bytes that do not fit the
    chosen encoding become U+FFFD; this never raises.
    """
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return body.decode(encoding, errors="replace"), encoding
    encoding = http_charset(headers) or meta_charset(body) or detect_charset(body) or "utf-8"
    try:
        return body.decode(encoding, errors="replace"), encoding
    except (LookupError, ValueError):
        return body.decode("utf-8", errors="replace"), "utf-8"
