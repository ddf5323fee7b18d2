"""Licences and deals stated without a number: "was granted a subsoil use licence for X",
"Newmont completed its acquisition of Newcrest", once per subject and party in an article."""

from __future__ import annotations

import bisect
import re

from orewire.facts.events import periods
from orewire.facts.events.article import Article, Mention
from orewire.facts.events.roles import (
    after_word,
    anaphora,
    before_word,
    landmark,
    listed_with,
    named_area,
    pick,
    set_slot,
)
from orewire.facts.model import Event
from orewire.facts.scan import needle_hits

_ABBREVIATION = re.compile(r"[A-Z]{2,5}s?")
_OBJECT_ENDS = re.compile(r"[,”\"»:]")


def numberless_events(art: Article, numbered: list[Event]) -> list[Event]:
    text, lex = art.text, art.lex
    out: list[Event] = []
    deal_sentences = {(e.sentence_start, e.sentence_end) for e in numbered if e.kind == "deal"}
    licence_sentences = {(e.sentence_start, e.sentence_end) for e in numbered if e.kind == "licence"}
    # the sentences that hold a word of a licence or a deal, found by plain substring tests (many
    # times cheaper than the patterns, which then run on those sentences only)
    low = art.low
    licences = needle_hits(low, lex.licence_needles) if low is not None and lex.licence_needles else None
    deals = needle_hits(low, lex.deal_needles) if low is not None and lex.deal_needles else None
    if licences == [] and deals == []:
        return out
    for ss, se in art.sents.spans:
        maybe_licence, maybe_deal = _within(licences, ss, se), _within(deals, ss, se)
        if not maybe_licence and not maybe_deal:
            continue
        ms = art.in_span(ss, se)
        if not ms and not (art.lex.anaphora_hint.search(text, ss, se)):
            continue  # no name and nothing standing for one: no licence or deal to read
        word = lex.licence_word.search(text, ss, se) if maybe_licence else None
        if word:
            ms = anaphora(art, ms, ss, se)
        if not ms:
            continue
        if word and (ss, se) not in licence_sentences and not lex.hypothetical.match(text, ss):
            act = lex.licence_act.search(text, max(ss, word.start() - 90), min(se, word.end() + 90))
            if act and (lex.rules["licence_not_yet"].search(text, max(ss, act.start() - 60), act.start())
                        or lex.rules["licence_not_yet"].search(text, max(ss, word.start() - 60), word.start())):
                act = None  # "ahead of acquiring permits", "the applications needed for the operating licences": none yet
            if act and lex.rules["licence_held"].search(text, max(ss, word.start() - 40), word.start()):
                act = None  # "a joint venture ... which holds rights to develop the X deposit": a licence held, no act on it
            if act:
                # one licence per area the sentence names ("licences for the Altyn-Topkan and
                # Pay-Buloq deposits"), each with the holder
                # "exploration licence (Ayagoz) ... north of the Aktogay mine": the area the licence word names
                named = named_area(art, word.start(), min(se, word.end() + 40), word.end())
                if named is not None and _ABBREVIATION.fullmatch(named.name) and art.text[named.start - 1:named.start] == "(":
                    named = None  # "two large scale mining licences (LML)": the licence's own abbreviation, no area
                deposits = [m for m in ms if m.kind == "deposit" and not landmark(art, m, ss, word.start())]
                areas: list[Mention] = deposits
                if named is not None:
                    bracketed = art.text[named.start - 1:named.start] == "("
                    areas = [named] if bracketed else [named, *deposits]
                if not areas:
                    anywhere = named_area(art, ss, se, word.start())
                    areas = [anywhere] if anywhere is not None else [m for m in ms if m.kind == "region"][:1]
                subjects: list[Mention | None] = list({m.id: m for m in areas}.values()) or [None]
                taken = {m.id for m in areas}
                # ("... for Troy's Facility with financiers Investec Bank": a lender holds no licence)
                rest = [m for m in ms if m.id not in taken
                        and not lex.rules["financier_before"].search(text, max(ss, m.start - 60), m.start)]
                # «ОАО «Етукльзолото», входящее в группу компаний «Южуралзолото» (ЮГК), получит лицензию»: a name inside
                # an insertion describes the holder, it holds nothing
                inserted = [(a, b) for a, b in art.sentence_spans(lex.insertion, ss, se) if not a <= act.start() < b]
                if inserted:
                    rest = [m for m in rest if not any(a < m.start and m.end <= b for a, b in inserted)] or rest
                # "SQM's license": the holder written as the licence's owner
                owner = next((m for m in rest if m.kind == "company" and 0 <= word.start() - m.end <= 4
                              and re.match(r"['’]s?\s*$", text[m.end:word.start()])), None)
                party = (owner or after_word(art, lex.licence_holder_prep, rest, act.start(), se, ("company",), 25)
                         or pick(rest, act.start(), ("company",), "before")
                         or pick(rest, act.start(), ("company",), "either"))
                # "Licences were granted to Carbon Trade Kolyma, Dukatgeologiya and Geometall": with no area named,
                # one licence per holder listed
                holders: list[Mention | None] = [party]
                if subjects == [None] and party is not None:
                    holders += [m for m in listed_with(art, rest, party) if m.kind == "company"]
                for subject, holder in ((s_, h) for s_ in subjects for h in holders):
                    if subject is None and holder is None:
                        continue
                    ev = Event(kind="licence", sentence=text[ss:se], start=word.start(), end=word.end(),
                               sentence_start=ss, sentence_end=se)
                    set_slot(ev, "subject", subject)
                    set_slot(ev, "party", holder)
                    ev.commodity = art.deposit_commodities.get(ev.subject_id or "")
                    ev.period = periods.period_of(text, word.start(), word.end(), (ss, se), (ss, se), lex.periods,
                                                  art.published_at, "licence", cache=art.year_cache)
                    out.append(ev)
        deal = lex.deal_act.search(text, ss, se) if maybe_deal else None
        if deal and (ss, se) not in deal_sentences and not lex.plan.search(text, max(ss, deal.start() - 40), deal.start()):
            # without a price a deal needs both names close to its verb: "Newmont completed its
            # acquisition of Newcrest", "Zijin Mining bought the Bisha mine"
            subject = after_word(art, lex.asset_prep, ms, ss, se, ("deposit", "company"), 30)
            party = before_word(art, lex.buy_verb, ms, ss, se, ("company", "org"), 40)
            if party is None and lex.seller_verb.search(text, ss, se):
                party = after_word(art, lex.buyer_prep, [m for m in ms if subject is None or m.id != subject.id],
                                    ss, se, ("company",), 20)
            if subject is None:
                rest = [m for m in ms if party is None or m.id != party.id]
                # ("continue to buy bullion,” Polymetal said": a comma or a quote closes what is bought)
                subject = after_word(art, lex.buy_verb, rest, ss, se, ("deposit", "company"), 25, across=_OBJECT_ENDS)
            if subject is not None and party is not None and subject.id != party.id:
                ev = Event(kind="deal", sentence=text[ss:se], start=deal.start(), end=deal.end(),
                           sentence_start=ss, sentence_end=se)
                set_slot(ev, "subject", subject)
                set_slot(ev, "party", party)
                ev.period = periods.period_of(text, deal.start(), deal.end(), (ss, se), (ss, se), lex.periods,
                                              art.published_at, "deal", cache=art.year_cache)
                out.append(ev)
    # (the numbered events by sentence, so that each is looked for in the sentences around it alone)
    by_sentence: dict[int, list[tuple[int, Event]]] = {}
    for k, other in enumerate(numbered):
        by_sentence.setdefault(art.sents.index(other.start), []).append((k, other))
    return [ev for ev in out if not _told_with_a_number(ev, by_sentence, art)]


def _same(a: str | None, b: str | None) -> bool:
    """Whether two names are one ("Zijin Mining" and "Zijin Mining Group")."""
    return bool(a and b and (a == b or a.startswith(b + " ") or b.startswith(a + " ")))


def _told_with_a_number(ev: Event, by_sentence: dict[int, list[tuple[int, Event]]], art: Article) -> bool:
    """Whether a deal or licence without a number is one the article tells with its price in the
    sentences around ("Zijin bought RG Gold. Zijin spent $1.2 billion to buy the company"): then that
    event, given the names it lacks, stands for both (``by_sentence``: the numbered events by the index of their
    sentence, each with its place among them)."""
    i = art.sents.index(ev.start)
    for _k, other in sorted((x for j in range(i - 2, i + 3) for x in by_sentence.get(j, ())), key=lambda x: x[0]):
        if other.kind != ev.kind:
            continue
        if (ev.subject and _same(ev.subject, other.subject)) or (
                _same(ev.party, other.party) and (other.subject is None or _same(ev.subject, other.subject))):
            if other.subject is None:
                other.subject, other.subject_id = ev.subject, ev.subject_id
            if other.party is None:
                other.party, other.party_id = ev.party, ev.party_id
            return True
    return False


def _within(hits: list[int] | None, a: int, b: int) -> bool:
    """Whether a hit falls in [a, b) (None: no needles, so anything may)."""
    if hits is None:
        return True
    i = bisect.bisect_left(hits, a)
    return i < len(hits) and hits[i] < b
