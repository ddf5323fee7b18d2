"""Pages whose bytes or letters lie: wrong charset labels, terminal escape sequences, look-alike
letters. None may lose an article, garble it quietly, split an entity, or drive the operator's
terminal.

Real processes: `orewire run` (Prefect flow, Scrapy crawler, DuckDB writer) against a loopback copy
of Trend's Russian edition with these pages added; then `orewire sql`, `search`, `clean` and
`rebuild` on the warehouse and archive it left.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pytest

from orewire.testing.site_server import Route, SiteServer
from orewire.warehouse import upsert, writer

from .conftest import FAST, REPO_ROOT, SITES, orewire_env, query, record_fault, run_orewire, write_registry

pytestmark = pytest.mark.slow

ORIGIN = "https://ru.trend.az"
ARTICLE = "/business/economy/{}.html"
TITLE = "Добыча меди в Казахстане выросла"
PARAGRAPHS = (
    "Казахстан увеличил добычу меди на месторождении Актогай. Компания Kazakhmys сообщила, что объём "
    "производства меди в 2026 году вырос на 12 процентов, до 450 тысяч тонн.",
    "Рост обеспечила новая обогатительная фабрика, которая вышла на проектную мощность в сентябре, а также "
    "более высокое содержание металла в руде.",
    "В министерстве промышленности отметили, что инвестиции в геологоразведку за девять месяцев составили "
    "около 17 миллиардов тенге.",
    "Аналитики ожидают, что в следующем году выпуск меди в стране превысит полмиллиона тонн.",
)
URANIUM = (
    "Компания «Kазатомпpом» за девять месяцев 2026 года добыла 17 тысяч тонн урана, сообщила пресс-служба.",
    "Председатель правления АО «НАК «Казатомпром» Меирзхан Юсупов отметил, что добыча на месторождении "
    "Инкай выросла на 8 процентов.",
    "Компания планирует сохранить производственные планы на следующий год и расширить геологоразведку в "
    "Туркестанской области.",
)
ESC_TITLE = "Медь &#27;[2Jвыросла \x1b[31mв цене\x1b[0m \x1b]8;;http://evil.example/\x1b\\на бирже\x1b]8;;\x1b\\"
ESC_TITLE_READ = "Медь выросла в цене на бирже"


def _page(number: int, title: str, paragraphs: tuple[str, ...], charset: str) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html>\n<html lang="ru"><head><meta charset="{charset}"><title>{title} - Trend.Az</title>\n'
            '<meta itemprop="datePublished" content="2026-11-24T10:00:00+04:00">\n'
            f'<link rel="canonical" href="{ORIGIN}{ARTICLE.format(number)}"></head>\n'
            f'<body><main><article><h1>{title}</h1>\n<div class="article-content article-paddings">\n{body}\n'
            "</div></article></main></body></html>\n")


def _route(body: bytes, charset: str) -> Route:
    return Route(headers={"Content-Type": f"text/html; charset={charset}"}, body=body)


# number -> (what the page is, its route)
PAGES = {
    4300101: ("windows-1251 labelled UTF-8 (header and <meta>)",
              _route(_page(4300101, TITLE, PARAGRAPHS, "utf-8").encode("cp1251"), "utf-8")),
    4300102: ("UTF-8 labelled windows-1251 (header and <meta>)",
              _route(_page(4300102, TITLE, PARAGRAPHS, "windows-1251").encode("utf-8"), "windows-1251")),
    4300103: ("text double-encoded (UTF-8 of mojibake), labels right",
              _route(_page(4300103, TITLE, PARAGRAPHS, "utf-8").encode().decode("cp1251").encode(), "utf-8")),
    4300104: ("ESC[2J, ESC[31m, OSC 8 link, &#27; and &#1; in title and text",
              _route(_page(4300104, ESC_TITLE, ("Добыча &#1;меди&#27;[2J выросла. " + PARAGRAPHS[0], *PARAGRAPHS[1:]),
                           "utf-8").encode(), "utf-8")),
    4300105: ("«Kазатомпpом» with a Latin K and p",
              _route(_page(4300105, "Казатомпром добыл 17 тысяч тонн урана", URANIUM, "utf-8").encode(), "utf-8")),
}


def _feed() -> bytes:
    items = "".join(f"<item><title>item {n}</title><link>{ORIGIN}{ARTICLE.format(n)}</link>"
                    "<pubDate>Tue, 24 Nov 2026 10:00:00 +0400</pubDate></item>" for n in PAGES)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>bad bytes</title>{items}'
            "</channel></rss>").encode()


@pytest.fixture(scope="module")
def ran(tmp_path_factory, prefect_harness):
    """One `orewire run` of trend_ru over the fixture site with the pages above: (settings, env,
    the run's output)."""
    from orewire.settings import get_settings

    root = tmp_path_factory.mktemp("bad-text")
    settings = get_settings().with_overrides(warehouse=root / "wh" / "orewire.duckdb", archive=root / "raw",
                                             state_dir=root / "state")
    registry = write_registry(root / "sources.toml", {"trend_ru": {
        **FAST, "feeds": [f"{ORIGIN}/feeds/index.rss", f"{ORIGIN}/feeds/bad-bytes.rss"]}})
    env = orewire_env(settings, prefect_harness, registry)
    with SiteServer(SITES / "trend_ru") as site:
        for number, (_what, route) in PAGES.items():
            site.route(ARTICLE.format(number), route)
        site.put("/feeds/bad-bytes.rss", _feed(), "application/rss+xml; charset=utf-8")
        proc = run_orewire(["run", "--source", "trend_ru", "--base-url", site.url, "--workers", "1"], env)
    assert proc.code == 0, proc.stdout + proc.stderr[-3000:]
    return settings, env, proc


def _article(settings, number: int, columns: str) -> tuple | None:
    rows = query(settings.warehouse, f"SELECT {columns} FROM articles WHERE article_id = ?", [f"trend_ru:{number}"])
    return rows[0] if rows else None


def test_a_wrong_charset_label_loses_no_article(ran):
    settings, env, proc = ran
    for number in (4300101, 4300102):
        stored = _article(settings, number, "title, text, language")
        assert stored is not None, query(settings.warehouse, "SELECT url, reason, detail FROM not_articles")
        title, text, language = stored
        assert title == TITLE and "месторождении Актогай" in text and language == "ru", (number, title, language)
    # Which charset was used, and why, is recorded with the article.
    charset, reason = _article(settings, 4300101, "charset, charset_reason") or (None, "")
    assert charset == "cp1251" and reason.startswith("detected; Content-Type says utf-8 but"), reason
    assert "<meta> says utf-8 but" in reason
    charset, reason = _article(settings, 4300102, "charset, charset_reason") or (None, "")
    assert charset == "utf-8" and "Content-Type says cp1251 but the bytes are valid UTF-8" in reason

    # Found by search, and read for facts, as the words they are.
    found = subprocess.run([sys.executable, "-m", "orewire", "search", "Актогай"], env=env, cwd=REPO_ROOT,
                           capture_output=True, text=True, timeout=120)
    assert found.returncode == 0 and "trend_ru:4300101" in found.stdout and "trend_ru:4300102" in found.stdout, \
        found.stdout + found.stderr
    deposits = {r[0] for r in query(settings.warehouse, "SELECT DISTINCT name FROM facts WHERE type = 'deposit' "
                                                        "AND article_id IN ('trend_ru:4300101', 'trend_ru:4300102')")}
    assert deposits == {"Aktogay"}, deposits

    # A text still garbled is an error of the run, never a quiet not-article.
    garbled = query(settings.warehouse, "SELECT reason, detail FROM not_articles WHERE url LIKE '%4300103.html'")
    assert garbled and garbled[0][0] == "garbled-text" and "mojibake" in garbled[0][1], garbled
    assert _article(settings, 4300103, "title") is None
    line = next(ln for ln in proc.lines if ln.startswith("trend_ru: "))
    errors = int(line.split("errors ", 1)[1].split()[0].rstrip(","))
    assert errors >= 1 and "garbled-text" in line, line
    (run_errors, message), = query(settings.warehouse, "SELECT errors, message FROM runs WHERE source = 'trend_ru'")
    assert run_errors == errors and "garbled-text" in message

    record_fault(PAGES[4300101][0], f"article kept, {charset_of(settings, 4300101)}", "nothing")
    record_fault(PAGES[4300102][0], f"article kept, language ru, {charset_of(settings, 4300102)}", "nothing")
    record_fault(PAGES[4300103][0], f"not_articles garbled-text, counted: run line says errors {errors}",
                 "that page (undecodable), reported")


def charset_of(settings, number: int) -> str:
    charset, reason = _article(settings, number, "charset, charset_reason") or ("?", "?")
    return f"charset {charset} ({reason.split(' but ')[0]} but ...)" if " but " in reason else f"charset {charset}"


def _orewire(args: list[str], env: dict[str, str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "orewire", *args], env=env, cwd=REPO_ROOT, capture_output=True,
                          text=True, timeout=240, **kw)


def _no_control(out: str) -> None:
    assert not [c for c in out if c in "\x1b\x07\x9b\x9d" or "\x80" <= c <= "\x9f"], repr(out[:2000])


def test_escape_sequences_never_reach_the_terminal(ran, tmp_path):
    settings, env, _proc = ran
    env = {**env, "COLUMNS": "200"}
    # Cleaning took them out of the stored article, which was kept whole.
    title, text = _article(settings, 4300104, "title, text") or (None, None)
    assert title == ESC_TITLE_READ, title
    assert text is not None and text.startswith("Добыча меди выросла. Казахстан увеличил")
    for (value,) in query(settings.warehouse, "SELECT title || text || coalesce(author, '') FROM articles"):
        assert not any((c < " " and c not in "\n\t") or "\x7f" <= c <= "\x9f" for c in value), value

    # What is left (values made in SQL, rows written before cleaning stripped them) is escaped by
    # every printer: sql in each format, search, the interactive error line.
    made = "SELECT chr(27) || '[31mX' AS v, chr(155) || '2J' AS w, chr(27) || ']8;;http://evil.example/' || chr(7) AS z"
    shown = {}
    for fmt in ("table", "csv", "json"):
        proc = _orewire(["sql", made, "--format", fmt], env)
        assert proc.returncode == 0, proc.stderr
        _no_control(proc.stdout + proc.stderr)
        shown[fmt] = proc.stdout
    assert "\\x1b[31mX" in shown["table"] and "\\x9b2J" in shown["table"] and "\\x07" in shown["table"]
    assert "\\x1b[31mX" in shown["csv"]
    assert '"\\u001b[31mX"' in shown["json"] and '"\\u009b2J"' in shown["json"]
    # A warehouse of rows written before cleaning stripped control characters.
    legacy = "Gold \x1b[2J\x1b]8;;http://evil.example/\x1b\\report\x1b]8;;\x1b\\ \x9b31m copper"
    now = datetime(2026, 11, 1, tzinfo=UTC)
    old = settings.with_overrides(warehouse=tmp_path / "old" / "orewire.duckdb")
    env = {**env, "OREWIRE_WAREHOUSE": str(old.warehouse)}
    with writer(old) as conn:
        upsert(conn, "articles", pa.table({
            "article_id": ["trend_ru:1"], "source": ["trend_ru"], "url": ["u1"], "canonical_url": ["u1"],
            "title": [legacy], "text": [legacy + " deposit"], "is_mining": [True], "first_seen": [now],
            "last_seen": [now]}))
    proc = _orewire(["search", "copper"], env)
    assert proc.returncode == 0 and "\\x1b[2J" in proc.stdout, proc.stdout + proc.stderr
    _no_control(proc.stdout + proc.stderr)
    proc = _orewire(["sql", "SELECT title, text FROM articles"], env)
    assert proc.returncode == 0 and "\\x1b]8;;http://evil.example/" in proc.stdout
    _no_control(proc.stdout + proc.stderr)
    proc = _orewire(["sql", "SELECT CAST(chr(27) || '[2J' AS INTEGER)"], env)  # the error quotes the value
    assert proc.returncode == 1 and "\\x1b[2J" in proc.stderr, proc.stderr
    _no_control(proc.stdout + proc.stderr)

    # `orewire clean` of a page carrying them prints none.
    page = tmp_path / "page.html"
    page.write_bytes(PAGES[4300104][1].body)
    proc = _orewire(["clean", str(page), "--url", f"{ORIGIN}{ARTICLE.format(4300104)}"], env)
    assert proc.returncode == 0 and f"title: {ESC_TITLE_READ}" in proc.stdout, proc.stdout + proc.stderr
    _no_control(proc.stdout + proc.stderr)
    record_fault(PAGES[4300104][0], f"article kept, stored as {ESC_TITLE_READ!r}; "
                 "sql (table, csv, json), search, clean, errors print escapes (\\x1b, \\u001b)", "nothing")


def test_lookalike_letters_do_not_split_an_entity(ran):
    settings, _env, _proc = ran
    ids = {r[0] for r in query(settings.warehouse, "SELECT DISTINCT entity_id FROM mentions "
                                                  "WHERE article_id = 'trend_ru:4300105'")}
    assert "company:kazatomprom" in ids and not any(i.startswith("company:kazatompp") for i in ids), ids
    assert not query(settings.warehouse, "SELECT entity_id FROM entities WHERE entity_id LIKE 'company:kazatompp%'")
    (text,) = _article(settings, 4300105, "text") or (None,)
    spans = query(settings.warehouse, "SELECT start, \"end\" FROM mentions WHERE article_id = 'trend_ru:4300105' "
                                      "AND entity_id = 'company:kazatomprom' ORDER BY start")
    written = [text[s:e] for s, e in spans]
    assert "Kазатомпpом" in written and "Казатомпром" in written, written  # offsets index the stored text
    record_fault(PAGES[4300105][0], f"one entity company:kazatomprom, {len(spans)} mentions "
                 "(both spellings), offsets into the stored text", "nothing")


def test_rebuild_escapes_the_damaged_warc_warning(ran):
    settings, env, _proc = ran
    warc = sorted(Path(settings.archive).rglob("*.warc.gz"))[-1]
    damage = b"\x1b[2J\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\ \xc2\x9b31m garbage\r\n\r\n"
    with open(warc, "ab") as fh:
        fh.write(gzip.compress(damage))
    proc = run_orewire(["rebuild", "--workers", "1"], env)
    out = proc.stdout + proc.stderr
    _no_control(out)
    assert "stopped reading at a damaged record" in out and "\\x1b[2J" in out, out[-3000:]
    assert _article(settings, 4300101, "charset")[0] == "cp1251"  # rebuilt from the archive alike
    record_fault("damaged WARC record quoting ESC bytes, `orewire rebuild`",
                 "warning printed with the bytes escaped (\\x1b[2J); the warehouse rebuilt", "the damaged tail")

