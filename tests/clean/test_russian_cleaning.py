"""Russian pages: written dates in every month case, relative dates, the language check,
windows-1251 bodies and the relevance score."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from orewire.clean import clean_response
from orewire.clean.dates import parse_date, zone
from orewire.clean.language import checked_language, detect_language
from orewire.clean.relevance import MINING_THRESHOLD, mining_relevance

ALMATY = zone("Asia/Almaty")
MINING_RU = (
    "Геологи обнаружили новое месторождение меди и золота в Карагандинской области. Запасы руды "
    "оцениваются в 120 млн тонн при среднем содержании меди 0,6%. Недропользователь начнет бурение "
    "разведочных скважин весной, а строительство обогатительной фабрики намечено на 2028 год. "
    "Компания рассчитывает выпускать до 40 тысяч тонн медного концентрата в год."
)
OTHER_RU = (
    "Городские власти объявили о ремонте трех школ и строительстве нового парка в центре города. "
    "Работы начнутся весной и завершатся к началу учебного года. Жители смогут обсудить проект "
    "благоустройства на общественных слушаниях в следующем месяце."
)


@pytest.mark.parametrize("month,number", [
    ("января", 1), ("Январь", 1), ("январе", 1), ("февраля", 2), ("марта", 3), ("апреля", 4), ("мая", 5),
    ("Май", 5), ("июня", 6), ("июле", 7), ("августа", 8), ("Августа", 8), ("сентября", 9), ("октября", 10),
    ("ноября", 11), ("декабря", 12), ("дек.", 12), ("сент.", 9),
])
def test_russian_month_names_in_any_case(month: str, number: int) -> None:
    parsed = parse_date(f"10 {month} 2021, 12:05", ALMATY)
    assert parsed is not None and (parsed.month, parsed.day, parsed.hour, parsed.minute) == (number, 10, 12, 5)


def test_russian_written_forms_keep_the_offset() -> None:
    assert parse_date("6 декабря 2025 15:49 (UTC +04:00)", ALMATY) == datetime(
        2025, 12, 6, 15, 49, tzinfo=datetime.fromisoformat("2025-12-06T15:49+04:00").tzinfo)
    stamped = parse_date("10 февраля 2021, 12:05", ALMATY)
    assert stamped is not None and stamped.utcoffset() == timedelta(hours=6)  # Almaty before March 2024
    later = parse_date("13:51, 15 августа 2025", ALMATY)
    assert later is not None and later.isoformat() == "2025-08-15T13:51:00+05:00"
    assert parse_date("28.02.2026 · 14:05", ALMATY).isoformat() == "2026-02-28T14:05:00+05:00"  # type: ignore[union-attr]
    assert parse_date("10 мая 2024 г. в 10:00", ALMATY).isoformat() == "2024-05-10T10:00:00+05:00"  # type: ignore[union-attr]


def test_relative_dates_are_read_against_the_fetch_time() -> None:
    fetched = datetime(2026, 3, 1, 2, 0, tzinfo=UTC)  # 07:00 on 1 March in Almaty
    assert parse_date("вчера, 14:30", ALMATY, fetched).isoformat() == "2026-02-28T14:30:00+05:00"  # type: ignore[union-attr]
    assert parse_date("Сегодня в 09:15", ALMATY, fetched).isoformat() == "2026-03-01T09:15:00+05:00"  # type: ignore[union-attr]
    assert parse_date("13:51, сегодня", ALMATY, fetched).isoformat() == "2026-03-01T13:51:00+05:00"  # type: ignore[union-attr]
    assert parse_date("позавчера, 08:00", ALMATY, fetched).isoformat() == "2026-02-27T08:00:00+05:00"  # type: ignore[union-attr]
    assert parse_date("вчера, 14:30", ALMATY) is None  # no fetch time: no guess


def test_language_is_checked_against_the_letters() -> None:
    assert detect_language(MINING_RU) == "ru"
    assert detect_language("Kazatomprom raised uranium output in the third quarter of the year.") == "latin"
    assert detect_language("Қазақстанда жаңа кен орны табылды, оның қоры үлкен және өндіріс басталады.") == "kk"
    assert checked_language("en", MINING_RU) == "ru"  # a Russian text under lang="en"
    assert checked_language(None, MINING_RU, "en") == "ru"
    assert checked_language("ru", "Kazatomprom raised uranium output in the third quarter.") == "en"
    assert checked_language("ru", MINING_RU) == "ru"
    assert checked_language(None, "short", "ru") == "ru"


def test_relevance_works_on_russian() -> None:
    assert mining_relevance(MINING_RU) >= 0.9
    assert mining_relevance(OTHER_RU) < MINING_THRESHOLD
    reserves = ("Золотовалютные резервы выросли за месяц. Запасы валюты и золота составили 45 миллиардов "
                "долларов, сообщили в Национальном банке. Аналитики связывают рост с притоком валюты.")
    assert mining_relevance(reserves) < MINING_THRESHOLD


def test_windows_1251_page_with_meta_charset_is_a_russian_article() -> None:
    html = ("<html lang='ru'><head><meta charset='windows-1251'><title>Медь</title>"
            "<meta property='article:published_time' content='2026-11-20T10:00:00+03:00'></head>"
            f"<body><article><h1>Добыча меди выросла</h1><p>{MINING_RU}</p><p>{MINING_RU}</p></article></body></html>")
    record = clean_response("https://example.ru/business/1", html.encode("cp1251"))
    assert record.language == "ru"  # type: ignore[union-attr]
    assert "месторождение меди" in record.text  # type: ignore[union-attr]
    assert record.is_mining  # type: ignore[union-attr]
