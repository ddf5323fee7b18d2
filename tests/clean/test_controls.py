"""Control characters from crawled pages: cleaning removes them (written raw or as numeric
character references) without losing the article; printers escape what is left."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from orewire.clean import Article, clean_response
from orewire.controls import CONTROL, escape_bytes, escape_controls, strip_controls
from orewire.sources import Registry
from orewire.testing.archive_stand_ins import article_page

URL = "https://en.trend.az/business/economy/4100001.html"
GENERIC_URL = "https://example.org/news/4100001"
WHEN = datetime(2026, 11, 1, tzinfo=UTC)
LINK = "\x1b]8;;http://evil.example/\x1b\\Gold report\x1b]8;;\x1b\\"


def _page(title: str, first_words: str = "", extra_head: str = "") -> bytes:
    page = article_page(URL, WHEN, "TITLE-MARK").replace(b"TITLE-MARK", title.encode())
    if first_words:
        page = page.replace(b"<p>", f"<p>{first_words} ".encode(), 1)
    if extra_head:
        page = page.replace(b"</head>", extra_head.encode() + b"</head>", 1)
    return page


@pytest.mark.parametrize(("reference", "read"), [
    # an escape goes with the sequence it opens; another control alone
    ("&#27;", "The Aktogay deposit"), ("&#x1b;", "The Aktogay deposit"), ("&#X1B;", "The Aktogay deposit"),
    ("&#0027;", "The Aktogay deposit"), ("&#27", "The Aktogay deposit"),
    ("&#1;", "The Aktogay [2J deposit"), ("&#127;", "The Aktogay [2J deposit"), ("&#0;", "The Aktogay [2J deposit"),
    ("&#x9b;", "The Aktogay ›[2J deposit"),  # a C1 reference is windows-1252's character (HTML spec)
])
def test_a_control_character_reference_in_the_text_loses_nothing(reference: str, read: str) -> None:
    # Without a source's rules (trafilatura alone), one such reference lost the whole article.
    record = clean_response(GENERIC_URL, _page("Copper output rises", f"The Aktogay {reference}[2J deposit"))
    assert isinstance(record, Article), record
    assert read in record.text
    assert not CONTROL.search(record.text)


def test_a_control_character_reference_in_a_heading_loses_nothing() -> None:
    page = _page("Copper &#27;[2Joutput rises").replace(
        b"<p>", b"<h2>Ore &#1;grades &#x1b;[31mimproved</h2><p>", 1)
    record = clean_response(GENERIC_URL, page)
    assert isinstance(record, Article), record
    assert record.title == "Copper output rises"
    assert "Ore grades improved" in record.text and not CONTROL.search(record.text)


def test_raw_escape_sequences_and_hyperlinks_are_stripped(registry: Registry) -> None:
    title = f"Copper \x1b[31moutput\x1b[0m rises \x1b[2J{LINK} \x9b1m"
    page = _page(title, "The \x1b[5mAktogay\x07 deposit \x01\x7f\x85is large.",
                 extra_head='<script type="application/ld+json">{"@type": "NewsArticle", '
                            '"author": {"name": "Aliya \\u001b[2JNur"}}</script>')
    for url, source in ((URL, registry["trend"]), (GENERIC_URL, None)):
        record = clean_response(url, page, source=source)
        assert isinstance(record, Article), record
        assert record.title == "Copper output rises Gold report"  # a hyperlink keeps its visible text
        assert "The Aktogay deposit is large." in record.text
        for value in (record.title, record.text, record.author or "", record.section or ""):
            assert not CONTROL.search(value), value


def test_c1_references_read_as_browsers_read_them() -> None:
    record = clean_response(GENERIC_URL, _page("Copper output rises", "Output &#150; and grades &#x97; rose &#129;."))
    assert isinstance(record, Article)
    assert "Output – and grades — rose ." in record.text


def test_text_keeps_newlines_and_tabs() -> None:
    assert strip_controls("a\tb\nc\r\nd\re") == "a\tb\nc\nd\ne"
    assert strip_controls("plain text") == "plain text"
    assert strip_controls("x\x1b[38;5;196my\x1bcz\x1b(0w") == "xyzw"
    assert strip_controls("unended \x1b]8;;http://evil.example/ link") == "unended 8;;http://evil.example/ link"


def test_escapes_are_visible_and_complete() -> None:
    assert escape_controls("\x1b[31mX\x1b[0m") == "\\x1b[31mX\\x1b[0m"
    assert escape_controls("a\x9bb\x7fc\x00d") == "a\\x9bb\\x7fc\\x00d"
    assert escape_controls("line\nnext\ttab") == "line\nnext\ttab"
    assert escape_controls("line\nnext\ttab\r", breaks=True) == "line\\x0anext\\x09tab\\x0d"
    every = "".join(chr(c) for c in range(0x100))
    assert not CONTROL.search(escape_controls(every))
    assert not any(c < " " or "\x7f" <= c <= "\x9f" for c in escape_controls(every, breaks=True))
    assert escape_bytes(b"ok \x1b[2J\\ \xff", limit=6) == "ok \\x1b[2..."


def test_json_escapes_read_back_the_same() -> None:
    from orewire.cli import _json_text

    value = {"title": "a\x1b[31mb\x9bc\x7fd\ne"}
    text = _json_text(value)
    assert not any(c < " " or "\x7f" <= c <= "\x9f" for c in text)
    assert json.loads(text) == value
