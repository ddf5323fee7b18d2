"""The same figure told twice is one event: the indexed dedupe keeps exactly what comparing every
pair of events keeps, and an article of thousands of figures is read whole."""

from __future__ import annotations

import copy
import random

from orewire.facts import extract
from orewire.facts.events.passage import dedupe, filled, same_number
from orewire.facts.model import Event


def _pairwise(events: list[Event]) -> list[Event]:
    """Every event against every event kept: the reading the index must give."""
    out: list[Event] = []
    for ev in sorted(events, key=lambda e: e.start):
        if not (ev.quantity or ev.amount or ev.share is not None):
            # one numberless event per act: the same subject with a party the same or unnamed on one side, or the same
            # party with a subject unnamed on one side; the one kept takes the name it lacked
            kept = next((o for o in out if not (o.quantity or o.amount or o.share is not None) and o.kind == ev.kind and (
                (o.subject_id is not None and o.subject_id == ev.subject_id
                 and (o.party_id is None or ev.party_id is None or o.party_id == ev.party_id))
                or (o.party_id is not None and o.party_id == ev.party_id
                    and (o.subject_id is None or ev.subject_id is None)))), None)
            if kept is not None:
                kept.subject_id = kept.subject_id or ev.subject_id
                kept.party_id = kept.party_id or ev.party_id
            elif not any(o.kind == ev.kind and o.subject_id == ev.subject_id and o.party_id == ev.party_id for o in out):
                out.append(ev)
            continue
        same = next((i for i, o in enumerate(out) if o.kind == ev.kind and same_number(o, ev) and (
            o.subject_id == ev.subject_id or o.subject_id is None or ev.subject_id is None or o.period == ev.period)
            and not (o.period and ev.period and o.period != ev.period and o.sentence_start == ev.sentence_start)),
            None)
        if same is None:
            out.append(ev)
        elif filled(ev) > filled(out[same]):
            out[same] = ev
    # a numberless deal or licence whose act the article also gives a number for is that event
    priced = [o for o in out if o.kind in ("deal", "licence") and (o.quantity or o.amount or o.share is not None)]
    return [ev for ev in out if ev.quantity or ev.amount or ev.share is not None or not any(
        o.kind == ev.kind and ((o.subject_id is not None and o.subject_id == ev.subject_id
                                and (o.party_id is None or ev.party_id is None or o.party_id == ev.party_id))
                               or (o.party_id is not None and o.party_id == ev.party_id
                                   and (o.subject_id is None or ev.subject_id is None))) for o in priced)]


def _random_events(rng: random.Random, n: int) -> list[Event]:
    events = []
    for i in range(n):
        ev = Event(kind=rng.choice(["production", "reserves", "deal"]), start=i * 10, end=i * 10 + 4,
                   sentence_start=rng.choice([0, 0, 100]),
                   subject_id=rng.choice([None, "company:a", "company:b", "deposit:c"]),
                   party_id=rng.choice([None, "company:d"]), period=rng.choice([None, "2022", "2023"]),
                   commodity=rng.choice([None, "gold"]))
        ev.subject = ev.subject_id
        what = rng.random()
        base = rng.choice([100.0, 1000.0, 0.5, 5e6])
        value = base * (1 + rng.choice([0, 0.002, 0.004, 0.0049, 0.006, 0.009, 0.011, 0.03, -0.004, -0.0051]))
        if what < 0.45:
            ev.quantity = (value, rng.choice(["t", "oz"]))
        elif what < 0.8:
            ev.amount = (value, rng.choice(["USD", "KZT"]))
        elif what < 0.9:
            ev.share = rng.choice([50.0, 50.005, 50.009, 50.011, 49.99, 51.0])
        events.append(ev)
    return events


def test_indexed_dedupe_keeps_what_pairwise_comparison_keeps() -> None:
    rng = random.Random(7)
    for _ in range(300):
        events = _random_events(rng, rng.randint(1, 40))
        # (each on its own copy: a numberless event kept takes the names the same act told again brings)
        kept, expected = dedupe(copy.deepcopy(events)), _pairwise(copy.deepcopy(events))
        assert [(e.start, e.subject_id, e.party_id) for e in kept] == [(e.start, e.subject_id, e.party_id) for e in expected]


def test_thousands_of_short_sentences_with_figures_are_read_whole() -> None:
    # the cost of this shape (20,000 such sentences) against the fact stage alone: bench/bench_facts.py
    text = " ".join(f"Kazatomprom produced {i + 1},{i % 10}00 tonnes of uranium in 2023." for i in range(2_000))
    events = extract(text).events
    assert events and all(e.kind == "production" and e.commodity == "uranium" and e.period == "2023" for e in events)
    values = [e.quantity[0] for e in events if e.quantity]
    assert len(values) == len(events) and len(set(values)) == len(values)


def test_numberless_acts_are_kept_once_as_pairwise_comparison_keeps_them() -> None:
    # many numberless deals and licences, some with a subject or party unnamed that a later telling names, and priced
    # ones of the same acts: the indexed lookup finds the act each is of as reading every kept one would
    rng = random.Random(11)
    subjects = [None, None, "deposit:kumdi", "deposit:tarvo", "company:kelmet"]
    parties = [None, None, "company:orano", "company:kelmet", "country:kz"]
    for _ in range(400):
        events = []
        for i in range(rng.randint(1, 60)):
            ev = Event(kind=rng.choice(["deal", "licence", "licence"]), start=i * 10, end=i * 10 + 4,
                       sentence_start=i * 10, subject_id=rng.choice(subjects), party_id=rng.choice(parties))
            ev.subject, ev.party = ev.subject_id, ev.party_id
            if rng.random() < 0.15:
                ev.amount = (rng.choice([5.0, 10.0]), "USD")
            events.append(ev)
        kept, expected = dedupe(copy.deepcopy(events)), _pairwise(copy.deepcopy(events))
        assert [(e.start, e.subject_id, e.party_id) for e in kept] == [(e.start, e.subject_id, e.party_id) for e in expected]


def test_a_page_listing_thousands_of_licences_keeps_each() -> None:
    # (the cost of such a page against one a tenth as long: bench/bench_facts.py)
    text = "".join(f"Kelmet Resources was granted a licence for the {chr(65 + i % 26)}{chr(97 + i // 26 % 26)}"
                   f"{chr(97 + i // 676 % 26)}sk gold deposit. " for i in range(1_500))
    licences = [e for e in extract(text).events if e.kind == "licence"]
    assert len(licences) == 1_500 and len({e.subject for e in licences}) == 1_500
