"""Bad input gives a record or a reason, never an exception out of the stage."""

from __future__ import annotations

import time

import pytest

from orewire.clean import MAX_PARSE_BYTES, Article, NotArticle, clean_response, decode_body
from orewire.sources import Registry

from .conftest import PAGES

RUSSIAN = (
    "<html><head><title>Казахстан и Россия изучат минеральный потенциал приграничных районов</title></head>"
    "<body><article><h1>Казахстан и Россия изучат минеральный потенциал приграничных районов</h1>"
    "<p>Казахстан и Россия работают над совместным изучением недр приграничных территорий, чтобы оценить "
    "потенциал минеральных ресурсов этих районов, сообщил вице-министр экологии, геологии и природных "
    "ресурсов Казахстана.</p>"
    "<p>По его словам, за последние три года на территории в 75 тысяч квадратных километров были открыты "
    "свинцово-цинковое месторождение Дюсембай и медное месторождение Бесшокы, а инвесторы вложили в "
    "геологоразведку около 17 миллиардов тенге.</p></article></body></html>"
)


def test_cp1251_without_charset_is_readable_cyrillic() -> None:
    body = RUSSIAN.encode("cp1251")
    text, encoding = decode_body(body, {"Content-Type": "text/html"})
    assert encoding == "cp1251"
    assert "месторождение Дюсембай" in text
    record = clean_response("https://ru.example.kz/news/12345", body, headers={"Content-Type": "text/html"})
    assert isinstance(record, Article), record
    assert "свинцово-цинковое месторождение Дюсембай" in record.text
    assert record.title == "Казахстан и Россия изучат минеральный потенциал приграничных районов"


def test_charset_order_http_then_meta_then_detection() -> None:
    body = '<html><head><meta charset="windows-1251"></head><body><p>Руда</p></body></html>'.encode("cp1251")
    assert decode_body(body, None) == ('<html><head><meta charset="windows-1251"></head><body><p>Руда</p></body></html>', "cp1251")
    # The HTTP header wins over the page's own declaration.
    text, encoding = decode_body("<meta charset='utf-8'><p>Руда</p>".encode("koi8_r"),
                                 {"content-type": "text/html; charset=KOI8-R"})
    assert (encoding, text[-11:]) == ("koi8-r", "<p>Руда</p>")
    assert decode_body("<p>café</p>".encode(), None) == ("<p>café</p>", "utf-8")


def test_charset_labels_are_read_as_browsers_read_them() -> None:
    # Latin-1 is windows-1252 to a browser; a quoted charset parameter is read whole; a UTF-16
    # label on ASCII bytes is UTF-8 (HTML spec); a <meta> inside a comment declares nothing.
    assert decode_body(b"<p>\x93copper\x94</p>", {"Content-Type": "text/html; charset=ISO-8859-1"}) == \
        ("<p>\u201ccopper\u201d</p>", "cp1252")
    assert decode_body("<p>Руда</p>".encode("koi8_r"), {"Content-Type": 'text/html; charset="koi8-r"'})[0] == \
        "<p>Руда</p>"
    assert decode_body(b'<meta charset="utf-16"><p>ore</p>', None) == ('<meta charset="utf-16"><p>ore</p>', "utf-8")
    assert decode_body(b'<!-- <meta charset="koi8-r"> --><p>ore</p>', None)[1] == "utf-8"
    # UTF-7 spells "<" in ASCII letters: a page declaring it is not decoded as UTF-7 (markup could
    # be smuggled past anything that reads the bytes as text), and neither is one labelled so.
    smuggled = b"<p>+ADw-script+AD4-alert(1)+ADw-/script+AD4-</p>"
    for headers in ({"Content-Type": "text/html; charset=utf-7"}, None):
        body = smuggled if headers else b'<meta charset="utf-7">' + smuggled
        text, encoding = decode_body(body, headers)
        assert encoding != "utf-7" and "<script>" not in text


def test_invalid_utf8_gives_an_article(registry: Registry) -> None:
    page = (PAGES / "trend" / "trend_2025-11-14_4121587.html").read_bytes()
    broken = page.replace(b"Karaganda region to a joint", b"Karaganda \xff\xfe region to a joint", 1)
    record = clean_response("https://en.trend.az/casia/kazakhstan/4121587.html", broken,
                            headers={"Content-Type": "text/html; charset=utf-8"}, source=registry["trend"])
    assert isinstance(record, Article)
    assert "Karaganda \ufffd\ufffd region" in record.text
    # Without a declared charset the page is still read as UTF-8 with two bad bytes.
    record = clean_response("https://en.trend.az/casia/kazakhstan/4121587.html",
                            broken.replace(b'<meta charset="utf-8">', b""), source=registry["trend"])
    assert isinstance(record, Article)
    assert "Kazakhstan’s Ministry" in record.text


@pytest.mark.parametrize(
    ("body", "headers", "status", "reason"),
    [
        (b"", None, 200, "empty-body"),
        (b"  \r\n\t ", {"Content-Type": "text/html"}, 200, "empty-body"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" * 50,
         {"Content-Type": "text/html; charset=utf-8"}, 200, "binary-body"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None, 200, "binary-body"),
        (b"<html><body><p>anything</p></body></html>", {"Content-Type": "application/pdf"}, 200, "binary-body"),
        (b"<html><body><h1>Not found</h1></body></html>", None, 404, "http-status-404"),
        (b"", None, 301, "http-status-301"),
        (b"<html><head><title>404 - Page not found</title></head><body><h1>Page not found</h1>"
         b"<p>Sorry, this page does not exist.</p></body></html>", None, 200, "error-page"),
        (b"<html><body><p>Short teaser only.</p></body></html>", None, 200, "too-short"),
        (b"just some plain words, no markup at all", None, 200, "not-html"),
    ],
    ids=["empty", "blank", "pdf-as-html", "png", "pdf-type", "404", "redirect", "soft-404", "stub", "plain"],
)
def test_not_articles_have_a_reason(body: bytes, headers: dict[str, str] | None, status: int, reason: str) -> None:
    record = clean_response("https://example.org/news/some-story", body, headers=headers, status=status)
    assert isinstance(record, NotArticle)
    assert record.reason == reason
    assert record.detail and "\n" not in record.detail


def test_a_20_mb_page_is_handled_quickly(registry: Registry) -> None:
    page = (PAGES / "trend" / "trend_2025-11-14_4121587.html").read_bytes()
    filler = b"<div class='comment'><p>" + b"word " * 200 + b"</p></div>\n"
    head, tail = page.split(b"<footer>", 1)
    body = head + filler * (20 * 1024 * 1024 // len(filler)) + b"<footer>" + tail
    assert len(body) > 20 * 1024 * 1024 > MAX_PARSE_BYTES
    started = time.perf_counter()
    record = clean_response("https://en.trend.az/casia/kazakhstan/4121587.html", body, source=registry["trend"])
    elapsed = time.perf_counter() - started
    assert isinstance(record, Article)
    assert "Upper Kairakty tungsten deposit" in record.text
    assert elapsed < 5, f"{elapsed:.1f} s"


def test_unexpected_failures_become_a_reason() -> None:
    record = clean_response("https://example.org/a", "not bytes")  # type: ignore[arg-type]
    assert isinstance(record, NotArticle)
    assert record.reason == "error"
    assert record.detail.startswith(("TypeError", "AttributeError"))
