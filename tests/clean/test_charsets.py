"""A charset label is checked against the bytes: a page is never lost to a wrong label, and a
text that stays garbled is an error, not a quiet not-article."""

from __future__ import annotations

import pytest

from orewire.clean import Article, NotArticle, clean_response
from orewire.clean.decode import decode_page, garbled, refutation

URL = "https://ru.example.kz/news/12345"
TITLE = "Добыча меди в Казахстане выросла"
PARAGRAPH = ("Казахстан увеличил добычу меди на месторождении Актогай. Компания Kazakhmys сообщила, что объём "
             "производства меди в 2026 году вырос на 12 процентов, до 450 тысяч тонн.")
PARAGRAPHS = (
    PARAGRAPH,
    "Рост обеспечила новая обогатительная фабрика, которая вышла на проектную мощность в сентябре, а также "
    "более высокое содержание металла в руде.",
    "В министерстве промышленности отметили, что инвестиции в геологоразведку за девять месяцев составили "
    "около 17 миллиардов тенге.",
    "Аналитики ожидают, что в следующем году выпуск меди в стране превысит полмиллиона тонн.",
)


def _page(charset_meta: str | None, head: str = "") -> str:
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f"<html lang='ru'><head>{meta}<title>{TITLE}</title>{head}"
            "<meta property='article:published_time' content='2026-11-20T10:00:00+03:00'></head>"
            f"<body><article><h1>{TITLE}</h1>{body}</article></body></html>")


def _clean(body: bytes, content_type: str | None) -> Article | NotArticle:
    headers = {"Content-Type": content_type} if content_type else None
    return clean_response(URL, body, headers=headers)


def test_windows_1251_labelled_utf8_is_an_article() -> None:
    body = _page("utf-8").encode("cp1251")
    record = _clean(body, "text/html; charset=utf-8")
    assert isinstance(record, Article), record
    assert record.title == TITLE and "месторождении Актогай" in record.text
    assert record.language == "ru" and "\ufffd" not in record.text
    assert record.charset == "cp1251"
    assert record.charset_reason is not None and record.charset_reason.startswith("detected; Content-Type says utf-8 but")
    assert "<meta> says utf-8 but" in record.charset_reason


def test_utf8_labelled_windows_1251_is_not_mojibake() -> None:
    body = _page("windows-1251").encode("utf-8")
    record = _clean(body, "text/html; charset=windows-1251")
    assert isinstance(record, Article), record
    assert record.title == TITLE and "месторождении Актогай" in record.text
    assert record.language == "ru"
    assert record.charset == "utf-8"
    assert "Content-Type says cp1251 but the bytes are valid UTF-8" in (record.charset_reason or "")


def test_a_wrong_header_falls_back_to_a_right_meta() -> None:
    body = _page("windows-1251").encode("cp1251")
    record = _clean(body, "text/html; charset=utf-8")
    assert isinstance(record, Article) and "месторождении Актогай" in record.text
    assert record.charset == "cp1251"
    assert record.charset_reason == f"<meta>; Content-Type says utf-8 but {refutation(body, 'utf-8')}"
    assert (refutation(body, "utf-8") or "").endswith("byte sequences are not UTF-8")


def test_right_labels_are_believed() -> None:
    for charset, codec in (("utf-8", "utf-8"), ("windows-1251", "cp1251"), ("koi8-r", "koi8-r")):
        body = _page(charset).encode(codec)
        record = _clean(body, f"text/html; charset={charset}")
        assert isinstance(record, Article) and record.title == TITLE, charset
        assert (record.charset, record.charset_reason) == (codec, "Content-Type")
    record = _clean(_page("utf-8").encode(), None)
    assert isinstance(record, Article) and (record.charset, record.charset_reason) == ("utf-8", "<meta>")


def test_a_long_head_before_the_text_does_not_hide_the_charset() -> None:
    # 100 KB of scripts before the first Cyrillic byte: more than the detector's sample.
    script = "<script>var x = '" + "a" * 100_000 + "';</script>"
    body = _page(None, head=script).encode("cp1251")
    record = _clean(body, "text/html")
    assert isinstance(record, Article) and "месторождении Актогай" in record.text
    assert record.charset == "cp1251" and record.charset_reason == "detected; no charset declared"
    record = _clean(_page("utf-8", head=script).encode("cp1251"), "text/html; charset=utf-8")
    assert isinstance(record, Article) and "месторождении Актогай" in record.text


def test_a_few_stray_bytes_keep_the_utf8_label() -> None:
    body = _page("utf-8").encode().replace("Актогай".encode(), "Акт".encode() + b"\xff\xfe" + "огай".encode(), 1)
    decoded = decode_page(body, {"Content-Type": "text/html; charset=utf-8"})
    assert (decoded.charset, decoded.reason) == ("utf-8", "Content-Type")
    assert "Акт\ufffd\ufffdогай" in decoded.text


def test_double_encoded_text_is_an_error() -> None:
    # UTF-8 bytes of text that was already mojibake: every label is right, the text is not.
    mojibake = _page("utf-8").encode("utf-8").decode("cp1251")
    record = _clean(mojibake.encode("utf-8"), "text/html; charset=utf-8")
    assert isinstance(record, NotArticle)
    assert record.reason == "garbled-text"
    assert "mojibake" in record.detail and "'Р”'" in record.detail


def test_text_of_replacement_characters_is_an_error() -> None:
    # A site that stored its Cyrillic as U+FFFD: valid UTF-8, nothing left to decode.
    page = _page("utf-8")
    lost = "".join("\ufffd" if "\u0400" <= c <= "\u04ff" else c for c in page)
    record = _clean(lost.encode(), "text/html; charset=utf-8")
    assert isinstance(record, NotArticle) and record.reason == "garbled-text"
    assert "U+FFFD" in record.detail


@pytest.mark.parametrize("text", [
    PARAGRAPH,
    "Le café à Montréal était fermé pendant la crème brûlée de l'été. " * 3,
    "Kazakhstan’s copper output rose at Aktogay, the company’s “report” said. " * 5,
    "Рё Рѕ" + " Казахстан увеличил добычу меди." * 10,  # a little noise in a long Russian text
    "",
])
def test_legible_texts_are_not_garbled(text: str) -> None:
    assert garbled(text) is None


def test_garbled_texts() -> None:
    assert garbled(PARAGRAPH.encode().decode("cp1251"))  # UTF-8 read as windows-1251
    assert garbled(PARAGRAPH.encode().decode("cp1252", errors="replace"))  # ... as windows-1252
    assert garbled(PARAGRAPH.encode("cp1251").decode("utf-8", errors="replace"))  # windows-1251 read as UTF-8
