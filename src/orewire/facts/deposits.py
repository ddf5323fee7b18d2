"""Deposit facts of an English article: each deposit's commodities, region, country, status and
operator, read from the sentences that name it (the entity stage has found the names)."""

from __future__ import annotations

import bisect
import re

from orewire.facts import gazetteer as gz
from orewire.facts.entities import region_code, status_near
from orewire.facts.model import Fact
from orewire.facts.text import Sentences


def deposit_facts(text: str, sents: Sentences, found) -> list[Fact]:  # type: ignore[no-untyped-def]
    region_mentions = sorted(
        (s, e, ent.name) for (kind, _), ent in found.entities.items() if kind == "region" for s, e in ent.mentions
    )
    country_mentions = sorted(
        (s, e, ent.code) for (kind, _), ent in found.entities.items() if kind == "country" for s, e in ent.mentions
    )
    commodity_spans = sorted(
        (s, ent.name) for (kind, _), ent in found.entities.items() if kind == "commodity" for s, _e in ent.mentions
    )
    article_commodities = _main_commodities(commodity_spans)
    company_mentions = sorted(
        (s, e, ent.name) for (kind, _), ent in found.entities.items() if kind == "company" for s, e in ent.mentions
    )
    company_starts = [c[0] for c in company_mentions]
    # the deposits each sentence names, made once (a page of thousands of deposits compares no pair of them)
    deposits_in: dict[tuple[int, int], set[str]] = {}
    for (kind, other), ent in found.entities.items():
        if kind == "deposit":
            for s, _e in ent.mentions:
                deposits_in.setdefault(sents.span(s), set()).add(other)
    facts: list[Fact] = []
    for (kind, name), ent in found.entities.items():
        if kind != "deposit" or not ent.mentions:
            continue
        mentions = sorted(ent.mentions)
        status = region = country = None
        for s, e in mentions:
            ss, se = sents.span(s)
            if status is None:
                status = status_near(text[ss:se], s - ss)
            after = text[e:se]
            if region is None:
                region = _located(after, e, region_mentions)
            if country is None:
                country = _located(after, e, country_mentions)
        if country is None and region is not None:
            country = region_code(region)
        first = mentions[0]
        ss, se = sents.span(first[0])
        owner = _owner(text, sents, mentions, company_mentions, company_starts)
        commodities = list(found.deposit_commodities.get(name, []))
        known = gz.DEPOSITS.get(name)
        if not commodities and known is not None:
            # what the deposit is known to hold, as far as the article speaks of it
            # (its main commodity named anywhere, the others in the sentences that name it)
            near = set(_commodities_around(sents, mentions, commodity_spans, [], set()))
            commodities = [c for i, c in enumerate(known.commodities)
                           if c in near or (i == 0 and any(n == c for _s, n in commodity_spans))]
        if country is None and known is not None and known.country:
            country = known.country
        if not commodities:
            commodities = _commodities_around(sents, mentions, commodity_spans, article_commodities,
                                              _claimed_nearby(sents, mentions, name, found, deposits_in))
        facts.append(Fact(type="deposit", name=name, commodities=commodities,
                          region=region, country=country, status=status, org=owner, sentence=text[ss:se],
                          start=first[0], end=first[1]))
    return facts


_POSSESSIVE_GAP = re.compile(r"^(?:['’]s?|['’])[ \t]+(?:[\w-]+[ \t]+){0,3}$")
_ITS_BEFORE = re.compile(r"\b(?:its|their)[ \t]+(?:[\w-]+[ \t]+){0,3}$")
_BY_AFTER = re.compile(r"^[^.;]{0,80}?\b(?:owned|operated|run|controlled|developed|held|mined)[ \t]+by[ \t]+(?:the[ \t]+)?$")
_OWNS_BEFORE = re.compile(r"^[ \t,]*(?:which|that)?[ \t]*(?:owns|operates|runs|controls|develops|holds|mines|"
                          r"is developing|is building|acquired|bought)[ \t]+(?:the[ \t]+|a[ \t]+|its[ \t]+)?"
                          r"(?:[\w-]+[ \t]+){0,3}$")


def _owner(text: str, sents: Sentences, mentions: list[tuple[int, int]],
           companies: list[tuple[int, int, str]], starts: list[int]) -> str | None:
    """The company that owns or runs a deposit, where the text says so: "KAZ Minerals' Bozshakol",
    "Barrick's Loulo-Gounkoto complex", "the Akyem mine, operated by Newmont", "Polymetal operates
    the Kyzyl mine", "the company ... its Varvarinskoye deposit" (the sentence's first company)."""
    # (the companies are in the order of their ``starts``: looked up by bisection)
    for s, e in mentions:
        ss, se = sents.span(s)
        before = [c for c in companies[bisect.bisect_left(starts, ss):bisect.bisect_left(starts, s)] if c[1] <= s]
        for _cs, ce, name in reversed(before):
            gap = text[ce:s]
            if _POSSESSIVE_GAP.match(gap) or _OWNS_BEFORE.match(gap):
                return name
        for cs, _ce, name in companies[bisect.bisect_right(starts, e):bisect.bisect_left(starts, se)]:
            if _BY_AFTER.match(text[e:cs]):
                return name
        if _ITS_BEFORE.search(text[max(ss, s - 40) : s]) and before:
            return before[0][2]
    return None


def _commodities_around(sents: Sentences, mentions: list[tuple[int, int]], commodity_spans: list[tuple[int, str]],
                        article: list[str], claimed: set[str]) -> list[str]:
    """What a deposit holds when no word next to its name says it: the commodities named in the
    sentences that name the deposit, else the article's main commodity."""
    spans = sorted({sents.span(s) for s, _e in mentions})
    out: list[str] = []
    named = False
    # the commodities (sorted by start) inside each sentence, found by bisection: sentences never
    # overlap, so taken sentence by sentence they come in the text's order
    for a, b in spans:
        lo = bisect.bisect_left(commodity_spans, (a, ""))
        hi = bisect.bisect_left(commodity_spans, (b, ""))
        for _s, name in commodity_spans[lo:hi]:
            named = True
            if name not in out and name not in claimed:
                out.append(name)
    return out if named else list(article)


def _claimed_nearby(sents: Sentences, mentions: list[tuple[int, int]], name: str, found,  # type: ignore[no-untyped-def]
                    deposits_in: dict[tuple[int, int], set[str]]) -> set[str]:
    """Commodities that other deposits named in the same sentences hold by their own words
    ("lead-zinc deposit Dyusembay, the Besshoky copper deposit and the Pribrezhnoye deposit"); ``deposits_in``: the
    deposits each sentence names."""
    out: set[str] = set()
    for span in {sents.span(s) for s, _e in mentions}:
        for other in deposits_in.get(span, ()):
            if other != name:
                out.update(found.deposit_commodities.get(other, []))
    return out


def _main_commodities(commodity_spans: list[tuple[int, str]]) -> list[str]:
    """The commodity an article is about: the one named most, when it is named clearly more than any
    other (ties give nothing)."""
    counts: dict[str, int] = {}
    for _s, name in commodity_spans:
        counts[name] = counts.get(name, 0) + 1
    if not counts:
        return []
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return []
    return [ranked[0][0]]


_IN_RE = re.compile(r"^(?:(?!\band\b)[^,.;]){0,60}?\bin\s+(?:the\s+)?(?:\w+['’]s\s+)?(?:(?:north|south|east|west|central|"
                    r"northern|southern|eastern|western|north-eastern|northeastern|north-western|northwestern|"
                    r"south-eastern|southeastern|south-western|southwestern)\s+)?")


def _located(after: str, offset: int, mentions: list[tuple[int, int, str | None]]) -> str | None:
    """The region/country a deposit is placed in: "... deposit in the Balkhash region" (``mentions`` in order of
    place, looked up by bisection)."""
    for m in _IN_RE.finditer(after):
        pos = offset + m.end()
        # the one named right there, else (in "Kazakhstan's Almaty region" the country came first) a little further
        i = bisect.bisect_left(mentions, pos, key=lambda t: t[0])
        if i < len(mentions) and mentions[i][0] <= pos + 25:
            return mentions[i][2]
    return None
