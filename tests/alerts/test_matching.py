"""Matching loads against watches, on a real DuckDB warehouse loaded through the project's writer:
which articles alert, with what evidence, and that a story alerts once per watch whatever comes
after it (a syndicated copy, a near-duplicate, a new version, a reprocess, a re-run, a crash)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from orewire.alerts import store
from orewire.alerts.store import backfill_watch, match_new, preview
from orewire.alerts.watchlists import Watchlist, parse_watchlist
from orewire.stages import reextract_stale
from orewire.warehouse import reader, writer
from orewire.warehouse.load import load_processed
from tests.alerts.helpers import (
    BIG_DEAL,
    BIG_INVESTMENT,
    DAY,
    KAZATOMPROM,
    SMALL_DEAL,
    TUNGSTEN,
    alerts,
    load,
    page,
    processed,
    rows,
)

EARLIER = ["Kazatomprom reported lower uranium sales in the third quarter, the company said in a statement on "
           "Friday, citing delays in shipments to its customers in Europe and Asia."]

WATCHES = """
[watch.kazatomprom]
entities = ["company:kazatomprom"]

[watch.big-deals]
kinds = ["deal"]
min_usd = 100e6

[watch.kz-copper]
commodities = ["copper"]
countries = ["KZ"]

[watch.tungsten-words]
words = ["tungsten", "boguty tungsten deposit", "molybdenum"]

[watch.russian]
languages = ["ru"]
kinds = ["company"]
"""


def _match(settings, watchlist: Watchlist | str = WATCHES, **kw):
    wl = parse_watchlist(watchlist) if isinstance(watchlist, str) else watchlist
    with writer(settings) as conn:
        return match_new(conn, wl, **kw)


def _baseline(settings) -> None:
    """A first article and the first pass: what the warehouse holds then is the past."""
    load(settings, page(4400001, "Kazatomprom earlier", EARLIER, published=DAY - timedelta(days=30)))
    report = _match(settings)
    assert report.baseline == 1 and report.alerts == 0
    assert alerts(settings) == []


def test_each_watch_alerts_on_what_it_selects_and_only_that(warehouse_env) -> None:
    _baseline(warehouse_env)
    load(warehouse_env,
         page(4400010, "Kazatomprom to raise output", KAZATOMPROM),
         page(4400011, "Kazakhmys buys Copper LLP", BIG_DEAL),
         page(4400012, "Kazakhmys buys into Zinc LLP", SMALL_DEAL),
         page(4400013, "Rio Tinto to invest in Zhezkazgan", BIG_INVESTMENT),
         page(4400014, "Boguty to be developed", TUNGSTEN))
    report = _match(warehouse_env)
    assert report.articles == 5
    got = {(a["watch"], a["article_id"]) for a in alerts(warehouse_env)}
    assert got == {
        ("kazatomprom", "trend:4400010"),
        # a deal of $120 million; the $50 million deal and the $200 million investment are not
        ("big-deals", "trend:4400011"),
        # copper and Kazakhstan in one article: the Zhezkazgan investment; the Copper LLP deal names no country
        ("kz-copper", "trend:4400013"),
        ("tungsten-words", "trend:4400014"),
    }
    assert report.by_watch == {"kazatomprom": 1, "big-deals": 1, "kz-copper": 1, "tungsten-words": 1}

    by_watch = {a["watch"]: a for a in alerts(warehouse_env)}
    deal = by_watch["big-deals"]
    assert deal["item_kind"] == "event" and deal["state"] == "sent" and deal["attempts"] == 0  # no notify: nothing to send
    marked = deal["sentence"][deal["mark_start"]:deal["mark_end"]]
    assert deal["sentence"].startswith("Kazakhmys acquired") and "120 million" in marked
    assert "$120 million >= $100 million" in deal["reason"] and "deal event" in deal["reason"]
    event = rows(warehouse_env, "SELECT kind, value_usd FROM events WHERE event_id = ?", [deal["item_id"]])
    assert event == [{"kind": "deal", "value_usd": 120e6}]

    kaz = by_watch["kazatomprom"]
    assert kaz["reason"] == "names Kazatomprom"
    assert kaz["sentence"][kaz["mark_start"]:kaz["mark_end"]] == "Kazatomprom"
    words = by_watch["tungsten-words"]
    assert words["reason"] == 'words "tungsten", "boguty tungsten deposit"'
    assert words["sentence"].startswith("A Chinese company will develop the Boguty")
    assert words["sentence"][words["mark_start"]:words["mark_end"]].lower() in ("tungsten", "boguty tungsten deposit")


def test_a_story_alerts_once_whatever_follows_it(warehouse_env) -> None:
    _baseline(warehouse_env)
    original = page(4400020, "Kazatomprom to raise output", KAZATOMPROM)
    load(warehouse_env, original)
    assert _match(warehouse_env).alerts == 1

    # A syndicated copy (same text, published later under another id) is linked to its original.
    copy = page(4400021, "Kazatomprom to raise output at Budenovskoye", KAZATOMPROM, published=DAY + timedelta(hours=3),
                offset=10)
    # A near-duplicate: one word changed.
    near = page(4400022, "Kazatomprom raises output", [KAZATOMPROM[0].replace("Tuesday", "Wednesday"), KAZATOMPROM[1]],
                published=DAY + timedelta(hours=5), offset=20)
    load(warehouse_env, copy, near)
    linked = rows(warehouse_env, "SELECT article_id, duplicate_of FROM articles WHERE article_id IN "
                                 "('trend:4400021', 'trend:4400022') ORDER BY 1")
    assert [r["duplicate_of"] for r in linked] == ["trend:4400020", "trend:4400020"]
    report = _match(warehouse_env)
    assert report.articles == 2 and report.alerts == 0 and report.repeats == 2

    # A new version of the original (fetched again with another text) is looked at again, and does not alert.
    changed = page(4400020, "Kazatomprom to raise output", [KAZATOMPROM[0], "Output rose 5% last year."],
                   fetched=DAY + timedelta(days=1), offset=30)
    load(warehouse_env, changed)
    assert rows(warehouse_env, "SELECT version FROM articles WHERE article_id = 'trend:4400020'") == [{"version": 2}]
    report = _match(warehouse_env)
    assert report.articles == 1 and report.alerts == 0

    # A reprocess: the same records cleaned and loaded again, and the facts re-extracted.
    with writer(warehouse_env) as conn:
        load_processed(conn, processed(warehouse_env, original, copy, near, changed))
        conn.execute("UPDATE articles SET extractor_version = 'facts-0+old'")
        assert reextract_stale(conn)[0] == 4
    report = _match(warehouse_env)
    assert report.articles == 0 and report.alerts == 0

    assert [(a["watch"], a["article_id"], a["story"]) for a in alerts(warehouse_env)] == [
        ("kazatomprom", "trend:4400020", "trend:4400020")]


def test_a_copy_arriving_after_the_ledger_was_lost_still_does_not_alert(warehouse_env) -> None:
    """Without the record of what matching has seen since the first pass (as if it were lost),
    matching those articles again writes nothing: every alert's key (watch, story) is there
    already, and a copy of an alerted story is known as one."""
    _baseline(warehouse_env)
    load(warehouse_env, page(4400030, "Kazatomprom to raise output", KAZATOMPROM),
         page(4400031, "Kazakhmys buys Copper LLP", BIG_DEAL))
    first = _match(warehouse_env)
    assert first.alerts == 2
    load(warehouse_env, page(4400032, "Kazatomprom to raise output again", KAZATOMPROM,
                             published=DAY + timedelta(hours=2), offset=5))
    with writer(warehouse_env) as conn:
        conn.execute("DELETE FROM alert_seen WHERE article_id <> 'trend:4400001'")
    again = _match(warehouse_env)
    assert again.articles == 3 and again.alerts == 0 and again.repeats == 3
    assert len(alerts(warehouse_env)) == 2


def test_a_pass_that_crashes_writes_nothing_and_its_re_run_alerts_once(warehouse_env, monkeypatch) -> None:
    _baseline(warehouse_env)
    load(warehouse_env, page(4400040, "Kazatomprom to raise output", KAZATOMPROM),
         page(4400041, "Kazakhmys buys Copper LLP", BIG_DEAL))

    def crash(*args, **kwargs):
        raise RuntimeError("killed")

    with monkeypatch.context() as patch:
        patch.setattr(store, "mark_seen", crash)  # after the alerts are written, before the pass ends
        with pytest.raises(RuntimeError, match="killed"):
            _match(warehouse_env)
    assert alerts(warehouse_env) == []
    assert _match(warehouse_env).alerts == 2
    assert _match(warehouse_env).alerts == 0
    assert len(alerts(warehouse_env)) == 2


def test_a_watch_added_later_does_not_alert_on_the_past_unless_asked(warehouse_env) -> None:
    _baseline(warehouse_env)
    load(warehouse_env, page(4400050, "Boguty to be developed", TUNGSTEN),
         page(4400051, "Kazakhmys buys Copper LLP", BIG_DEAL, published=DAY - timedelta(days=10)))
    assert _match(warehouse_env, "[watch.kazatomprom]\nentities = ['company:kazatomprom']\n").alerts == 0
    later = "[watch.kazatomprom]\nentities = ['company:kazatomprom']\n[watch.tungsten]\ncommodities = ['tungsten']\n" \
            "[watch.deals]\nkinds = ['deal']\n"
    wl = parse_watchlist(later)
    assert _match(warehouse_env, wl).alerts == 0  # what came before the watches is the past

    # `orewire watch test` shows what they would have matched; nothing is written.
    with reader(warehouse_env, fts=False) as conn:
        shown = preview(conn, wl["deals"], DAY - timedelta(days=60))
    assert [(p.hit.article_id, p.alerted) for p in shown] == [("trend:4400051", False)]
    assert alerts(warehouse_env) == []

    # `orewire alerts --backfill deals --since ...`: only what was published since then.
    with writer(warehouse_env) as conn:
        assert backfill_watch(conn, wl["deals"], DAY - timedelta(days=5)).alerts == 0
        assert backfill_watch(conn, wl["deals"], DAY - timedelta(days=20)).alerts == 1
        assert backfill_watch(conn, wl["deals"], DAY - timedelta(days=20)).alerts == 0
    assert [(a["watch"], a["article_id"], a["via"]) for a in alerts(warehouse_env)] == [
        ("deals", "trend:4400051", "backfill")]
    with reader(warehouse_env, fts=False) as conn:
        assert [p.alerted for p in preview(conn, wl["deals"], DAY - timedelta(days=60))] == [True]

    # New articles alert for every watch, the one backfilled included.
    load(warehouse_env, page(4400052, "Kazakhmys buys more", SMALL_DEAL, published=DAY + timedelta(days=1)))
    assert _match(warehouse_env, wl).by_watch == {"deals": 1}


def test_no_watch_no_writes_until_the_first_watch(warehouse_env) -> None:
    load(warehouse_env, page(4400060, "Kazatomprom to raise output", KAZATOMPROM))
    assert _match(warehouse_env, "").baseline == 0
    assert rows(warehouse_env, "SELECT count(*) AS n FROM alert_seen") == [{"n": 0}]
    report = _match(warehouse_env, "[watch.k]\nentities = ['company:kazatomprom']\n")
    assert report.baseline == 1 and report.alerts == 0
    # Watches removed for a while: what loads meanwhile is still the past for the next watch.
    load(warehouse_env, page(4400061, "Kazatomprom again", KAZATOMPROM, published=DAY + timedelta(days=2), offset=9))
    assert _match(warehouse_env, "").alerts == 0
    assert _match(warehouse_env, "[watch.k]\nentities = ['company:kazatomprom']\n").articles == 0


def test_keys_combine_with_and_values_with_or(warehouse_env) -> None:
    _baseline(warehouse_env)
    load(warehouse_env, page(4400070, "Kazakhmys buys Copper LLP", BIG_DEAL),
         page(4400071, "Rio Tinto to invest in Zhezkazgan", BIG_INVESTMENT))
    text = """
[watch.either-company]
entities = ["company:kazakhmys", "company:rio-tinto"]
[watch.both]
entities = ["company:kazakhmys"]
kinds = ["investment"]
[watch.source-and-language]
sources = ["trend"]
languages = ["en", "ru"]
[watch.wrong-source]
sources = ["kazinform"]
entities = ["company:kazakhmys"]
[watch.any-amount]
min_usd = 150e6
"""
    _match(warehouse_env, text)
    got = sorted((a["watch"], a["article_id"]) for a in alerts(warehouse_env))
    assert got == [("any-amount", "trend:4400071"),
                   ("either-company", "trend:4400070"), ("either-company", "trend:4400071"),
                   ("source-and-language", "trend:4400070"), ("source-and-language", "trend:4400071")]


def test_matched_at_and_the_unique_key(warehouse_env) -> None:
    _baseline(warehouse_env)
    load(warehouse_env, page(4400080, "Kazatomprom to raise output", KAZATOMPROM))
    at = datetime(2026, 11, 3, 12, tzinfo=UTC)
    _match(warehouse_env, now=at)
    (alert,) = alerts(warehouse_env)
    assert alert["matched_at"] == at and alert["alert_id"] == store.alert_id("kazatomprom", "trend:4400080")
    with writer(warehouse_env) as conn, pytest.raises(Exception, match=r"(?i)constraint|duplicate"):
        conn.execute("INSERT INTO alerts (alert_id, watch, story, article_id, reason, matched_at, via, state) "
                     "VALUES ('x', 'kazatomprom', 'trend:4400080', 'trend:4400080', 'r', now(), 'load', 'sent')")


def test_the_rows_read_for_the_watches_give_the_hits_all_rows_give(warehouse_env) -> None:
    """Matching reads only the mentions, events and facts the watches can look at; every watch
    matches, with the same evidence, as it does on all of the articles' rows."""
    from orewire.alerts.match import Matcher

    load(warehouse_env, page(4400090, "Kazatomprom to raise output", KAZATOMPROM),
         page(4400091, "Kazakhmys buys Copper LLP", BIG_DEAL),
         page(4400092, "Kazakhmys buys into Zinc LLP", SMALL_DEAL),
         page(4400093, "Rio Tinto to invest in Zhezkazgan", BIG_INVESTMENT),
         page(4400094, "Boguty to be developed", TUNGSTEN))
    text = WATCHES + """
[watch.any-amount]
min_usd = 150e6
[watch.deposits-kz]
kinds = ["deposit"]
countries = ["KZ"]
[watch.investments]
kinds = ["investment"]
commodities = ["copper"]
"""
    wl = parse_watchlist(text)
    matcher = Matcher(list(wl))
    ids = [f"trend:{n}" for n in range(4400090, 4400095)]
    with reader(warehouse_env, fts=False) as conn:
        every = store.load_articles(conn, ids)
        needed = store.load_articles(conn, ids, matcher.needs)
    assert sum(len(a.mentions) for a in needed) < sum(len(a.mentions) for a in every)
    full = [h for a in every for h in matcher.hits(a)]
    assert {h.watch for h in full} == {"kazatomprom", "big-deals", "kz-copper", "tungsten-words", "any-amount",
                                       "deposits-kz", "investments"}
    assert [h for a in needed for h in matcher.hits(a)] == full
    # Each watch alone reads what it needs and still matches the same.
    for watch in wl:
        one = Matcher([watch])
        with reader(warehouse_env, fts=False) as conn:
            own = store.load_articles(conn, ids, one.needs)
        assert [h for a in own for h in one.hits(a)] == [h for h in full if h.watch == watch.name], watch.name
        if watch.name == "kazatomprom":
            assert not any(a.facts or a.events for a in own)
            assert {m[0] for a in own for m in a.mentions} == {"company:kazatomprom"}


def test_sentence_breaks_are_those_of_the_expression() -> None:
    from orewire.alerts.match import SENTENCE_END, sentence_bounds

    texts = ["a.\n\nb", "?!  x", "e.g. x", 'He said." Then\n\n\nNext', "…  x", "a\n.\n b", ".\n\n.", 'x.)" y',
             "No break at all", "", "\n", "Ends with a stop.", "Stop.\n", "Price $1.2 billion. Next one! And? «Quoted.» Done",
             " ".join(KAZATOMPROM + BIG_DEAL + TUNGSTEN)]
    for text in texts:
        assert sentence_bounds(text) == [(m.start(), m.end()) for m in SENTENCE_END.finditer(text)], text


def test_the_rows_read_by_column_are_the_tables_rows(warehouse_env) -> None:
    """Matching reads a batch's events and facts by column, each article holding its part: the
    rows an article shows are its rows in the tables, in text order; its mentions are the first
    of each entity it names; its dates are the warehouse's, in UTC."""
    load(warehouse_env, page(4400100, "Kazatomprom to raise output", KAZATOMPROM),
         page(4400101, "Kazakhmys buys Copper LLP", BIG_DEAL),
         page(4400102, "Rio Tinto to invest in Zhezkazgan", BIG_INVESTMENT),
         page(4400103, "Boguty to be developed", TUNGSTEN))
    ids = ["trend:4400102", "trend:4400100", "trend:4400103", "trend:4400101"]
    with reader(warehouse_env, fts=False) as conn:
        articles = store.load_articles(conn, ids)
    assert [a.article_id for a in articles] == ids
    assert any(a.events for a in articles) and any(a.facts for a in articles)

    def key(row: dict) -> tuple:
        return tuple(sorted((k, str(v)) for k, v in row.items()))

    for a in articles:
        for name, columns in (("events", store.EVENT_COLUMNS), ("facts", store.FACT_COLUMNS)):
            held = list(getattr(a, name))
            table = rows(warehouse_env, f"SELECT {', '.join(map(store._q, columns))} FROM {name} "
                                        "WHERE article_id = ?", [a.article_id])
            assert len(getattr(a, name)) == len(held) == len(table), (a.article_id, name)
            assert sorted(map(key, held)) == sorted(map(key, table)), (a.article_id, name)
            assert [r["start"] for r in held] == sorted(r["start"] for r in held)
        first = rows(warehouse_env, 'SELECT entity_id, start, "end" FROM mentions WHERE article_id = ? '
                                    'QUALIFY row_number() OVER (PARTITION BY entity_id ORDER BY start, "end") = 1 '
                                    "ORDER BY start, entity_id", [a.article_id])
        assert a.mentions == [(m["entity_id"], m["start"], m["end"]) for m in first]
        assert a.published_at == DAY and a.published_at.utcoffset() == timedelta(0)
        assert a.first_seen is not None and a.first_seen.utcoffset() == timedelta(0)


def test_known_fingerprints_find_what_comparing_each_one_finds() -> None:
    """A watch's alerted fingerprints, kept by block, find a near-duplicate exactly when comparing
    the fingerprint with each one kept does (fingerprints drawn around a few stories, seeded)."""
    import random

    from orewire.clean.fingerprint import NEAR_DUPLICATE_BITS

    rnd = random.Random(25)

    def changed(simhash: int, bits: int) -> int:
        for _ in range(bits):
            simhash ^= 1 << rnd.randrange(64)
        return simhash

    for _ in range(200):
        known, kept = store._Known(), list[int]()
        stories = [rnd.getrandbits(64) for _ in range(4)]
        for _ in range(rnd.randint(1, 50)):
            asked = changed(rnd.choice(stories), rnd.randint(0, 12))
            expected = any((asked ^ other).bit_count() <= NEAR_DUPLICATE_BITS for other in kept)
            assert known.near(asked) == known.copy().near(asked) == expected
            new = changed(rnd.choice(stories), rnd.randint(0, 12)) if rnd.random() < 0.8 else rnd.getrandbits(64)
            known.add_print(new)
            kept.append(new)
