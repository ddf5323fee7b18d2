"""Whose figure a sentence leaves unsaid, as a learned choice among the article's entities.

Where the rules of :mod:`orewire.facts.events.roles` take a figure's subject from outside its sentence ("Copper
output rose 8% to 300,000 t": the subject of the kind's last event, the entity named last, the one named most),
which entity a reader takes depends on many weak signs at once, so the choice is weighed again here. Every deposit,
company, country and region the article names up to the sentence after next is a candidate, except those the sentence
itself names (the rules read those and set them aside: "Rio Tinto is studying a mill for 10 Mt a year" is the project's
plant); one named long before is one only where the article names it most or in its lead. Each is described by plain
features of where and how often the article names it (how many sentences back, in the same paragraph, in the headline
or lead, the one named most, the last named of its kind, the subject of the kind's last event, the outlet's own
country, a deposit of the event's commodity, a noun of its kind in the sentence, whether the rules chose it) and the
kind of the event. A linear model over those features (a conditional logit: one score per candidate, the highest wins)
was fitted on labelled articles by :mod:`orewire.facts.events.train`; its weights are a data file of this package. The
features are about the shape of the article, never its words: no name or phrase of any labelled text is in them.

Where no weights are there (for a language without them), the rules' choice stands; where the rules leave the
subject out ("global copper reserves were ...": a world total is no one's) it stays out.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from orewire.facts.events.article import Article, Mention
from orewire.facts.events.roles import anaphora
from orewire.facts.model import Event

DATA = Path(__file__).with_name("data")
KINDS = ("deposit", "company", "country", "region")

# what ``rechoose`` saw, for fitting the weights: (event, candidates, the rules' choice); None when not recording
RECORD: list[tuple[Event, list[Candidate], Mention]] | None = None
USE_MODEL = True  # False: the rules' choice stands (to record what they see, for fitting)

# nouns that stand for an entity the sentence leaves unnamed, by the kind of entity they stand for
_STAND_INS = {
    "company": ("company", "group", "firm", "miner", "producer", "corporation"),
    "deposit": ("mine", "deposit", "project", "field", "operation", "plant", "site"),
    "country": ("country", "republic", "nation", "state"),
}


# a noun of a site in the sentence, as a whole word
_SITE_NOUN = re.compile(r"\b(?:mines?|deposits?|projects?|fields?|plants?|sites?|месторождени\w*|рудник\w*|проект\w*|"
                        r"комбинат\w*|фабрик\w*)\b", re.IGNORECASE)


@dataclass
class Candidate:
    mention: Mention
    features: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]

    def score(self, features: list[str]) -> float:
        get = self.weights.get
        total = 0.0
        for f in features:
            total += get(f, 0.0)
        return total


@cache
def model(language: str) -> Model | None:
    path = DATA / f"subjects-{language}.json"
    if not path.exists():
        return None
    table = json.loads(path.read_text(encoding="utf-8"))
    return Model({str(k): float(v) for k, v in table["weights"].items()})


# what the article as a whole tells of a candidate: how often it is named (bucketed), whether most of all and most of
# its kind, in the lead, in the headline, whether it is the outlet's country, the only one of its kind, a country in
# an article that names companies or deposits
Whole = tuple[str, bool, bool, bool, bool, bool, bool, bool]
# where it stands from the event: the rules' choice, a deposit of the event's commodity, sentences since last named
# (bucketed; None: only later), in the sentence's paragraph, the last named of its kind, the subject of the kind's last
# event and of the last event, a noun of its kind in the sentence, the rules' choice over names the sentence gives, how
# many events read so far were its (bucketed)
Here = tuple[bool, bool, str | None, bool, bool, bool, bool, bool, bool, str]


@dataclass(slots=True)
class _Named:
    """One entity of the article: its first mention, its mentions' starts in order, and what the whole article tells
    of it."""
    first: Mention
    starts: list[int]
    whole: Whole
    prominent: bool  # named most of its kind (more than once) or in the lead
    scores: dict[str, float] = field(default_factory=dict)  # the weight of ``whole`` per kind of event


# what ``_context`` reads off a sentence (see there)
Context = tuple[int, set[str], int, dict[str, str], list[str], int, bool]


@dataclass(slots=True)
class _Read:
    """What the ranking reads once per article: its entities, the prominent ones' ids, and each sentence's context."""
    named: dict[str, _Named]
    prominent: list[str]
    contexts: dict[tuple[int, int], Context] = field(default_factory=dict)


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f"{edges[-1]}+"


_COUNT = [_bucket(n, (1, 2, 4)) for n in range(6)]
_TOLD = ["0", "1", "2", "2+"]
_BACK = [_bucket(n, (1, 2, 4, 8)) for n in range(10)]


def _read(art: Article) -> _Read:
    """The article's entities of the subject kinds, with what the whole article tells of each (made once)."""
    done = art.ranking
    if done is not None:
        return done  # type: ignore[no-any-return]
    mentioned: dict[str, tuple[Mention, list[int]]] = {}
    for m in art.mentions:
        if m.kind in KINDS and m.known:
            known = mentioned.get(m.id)
            if known is None:
                mentioned[m.id] = (m, [m.start])
            else:
                known[1].append(m.start)
    found: dict[str, _Named] = {}
    if mentioned:
        top = max(len(starts) for _m, starts in mentioned.values())
        top_of_kind: dict[str, int] = {}
        of_kind: dict[str, int] = {}
        for m, starts in mentioned.values():
            top_of_kind[m.kind] = max(top_of_kind.get(m.kind, 0), len(starts))
            of_kind[m.kind] = of_kind.get(m.kind, 0) + 1
        firms = bool(of_kind.keys() & {"company", "deposit"})
        spans = art.sents.spans
        lead_end = spans[min(1, len(spans) - 1)][1] if spans else 0
        title_end = spans[1][0] if len(spans) > 1 else len(art.text) + 1  # (where the sentence after the first opens)
        for eid, (m, starts) in mentioned.items():
            c, cnt = m.kind, len(starts)
            whole = (_COUNT[min(cnt, 5)], cnt == top, cnt == top_of_kind[c], starts[0] < lead_end,
                     starts[0] < title_end, c == "country" and art.home == m.name, of_kind[c] == 1,
                     c == "country" and firms)
            found[eid] = _Named(m, starts, whole, (cnt == top_of_kind[c] and cnt > 1) or starts[0] < lead_end)
    done = art.ranking = _Read(found, [eid for eid, n in found.items() if n.prominent])
    return done


def features(k: str, c: str, whole: Whole, here: Here) -> list[str]:
    """A candidate's features: of kind ``c`` for an event of kind ``k``, with what the article tells of it
    (``whole``) and where it stands from the event's sentence (``here``)."""
    return _whole_features(k, c, whole) + _here_features(k, c, here)


def _whole_features(k: str, c: str, whole: Whole) -> list[str]:
    count, most, most_kind, lead, title, home, only, beside_firms = whole
    pair = f"{k}:{c}"
    f = [f"k:{pair}", f"n:{count}", f"n:{count}:{pair}"]
    for on, name in ((most, "most"), (most_kind, "most_kind"), (lead, "lead"), (title, "title"), (only, "only")):
        if on:
            f += [name, f"{name}:{pair}"]
    if home:
        f += ["home", f"home:{k}"]
    if beside_firms:
        f.append(f"country_with_firms:{k}")
    return f


def _here_features(k: str, c: str, here: Here) -> list[str]:
    rule, holds, back, para, newest, last, last_any, stand_in, over_named, told = here
    pair = f"{k}:{c}"
    f: list[str] = []
    for on, name in ((rule, "rule"), (holds, "holds"), (back is None, "later"),
                     (para, "para"), (newest, "newest"), (last, "last"), (last_any, "last_any"),
                     (stand_in, "stand_in"), (over_named, "rule_over_named")):
        if on:
            f += [name, f"{name}:{pair}"]
    if back is not None:
        f += [f"back:{back}", f"back:{back}:{pair}"]
    if told != "0":
        f += [f"told:{told}", f"told:{told}:{pair}"]
    return f


@cache
def _whole_score(language: str, k: str, c: str, whole: Whole) -> float:
    mdl = model(language)
    return mdl.score(_whole_features(k, c, whole)) if mdl is not None else 0.0


@cache
def _here_score(language: str, k: str, c: str, here: Here) -> float:
    mdl = model(language)
    return mdl.score(_here_features(k, c, here)) if mdl is not None else 0.0


def _context(art: Article, read: _Read, ss: int, se: int) -> Context:
    """What the candidates' features read off the sentence ``ss``-``se``: its index, the kinds its nouns stand for,
    where its paragraph opens, the entity of each kind named last before it (within four sentences), and the ids of
    those named from four sentences back to the sentence after next and the prominent ones, in the order first named,
    where the sentence after next ends, and whether the sentence names an entity of the subject kinds."""
    named = read.named
    i = art.sents.index(ss)
    low = (art.low if art.low is not None else art.text.lower())[ss:se]
    stand_ins = {kind for kind, words in _STAND_INS.items() if any(w in low for w in words)}
    para = art.text.rfind("\n", 0, ss)
    newest: dict[str, str] = {}
    spans = art.sents.spans
    floor = spans[max(0, i - 4)][0] if spans else 0
    starts = art.mention_starts
    for m in reversed(art.mentions[:bisect.bisect_left(starts, ss)]):
        if m.start < floor or len(newest) == len(KINDS):
            break
        if m.end <= ss:
            newest.setdefault(m.kind, m.id)
    top = spans[min(i + 2, len(spans) - 1)][1] if spans else len(art.text)
    ids = {m.id for m in art.mentions[bisect.bisect_left(starts, floor):bisect.bisect_left(starts, top)]}
    ids.update(read.prominent)
    window = sorted((x for x in ids if x in named), key=lambda x: (named[x].starts[0], x))
    cut = spans[i + 3][0] if i + 3 < len(spans) else len(art.text) + 1  # where the sentence after next ends
    named_in = any(m.kind in KINDS for m in art.in_span(ss, se))
    return i, stand_ins, para, newest, window, cut, named_in


def candidates(ev: Event, art: Article, read: _Read, rule: Mention) -> list[tuple[Mention, float, list[str]]]:
    """The entities of the article ``ev`` could be about, each with its score and (when they are recorded) its
    features: those named up to the sentence after next but not in the event's sentence itself (the rules read its
    names and set them aside), and not named long before unless the article names them most or in its lead."""
    k, ss, se = ev.kind, ev.sentence_start, ev.sentence_end
    context = read.contexts.get((ss, se))
    if context is None:
        context = read.contexts[(ss, se)] = _context(art, read, ss, se)
    i, stand_ins, para, newest, window, cut, named_in = context
    named = read.named
    index = art.sents.index
    last = art.last_subject(k)
    last_any = art.last_subject(None)
    last_id = last.id if last is not None else None
    last_any_id = last_any.id if last_any is not None else None
    recording = RECORD is not None
    language = art.lex.language
    ids = window
    extra = [x for x in (rule.id, last_id, last_any_id) if x is not None and x not in window]
    if extra:
        ids = sorted({*window, *extra}, key=lambda x: (named[x].starts[0] if x in named else -1, x))
    out: list[tuple[Mention, float, list[str]]] = []
    for eid in ids:
        n = named.get(eid)
        if n is None or n.starts[0] >= cut:
            continue
        j = bisect.bisect_left(n.starts, ss)
        if j < len(n.starts) and n.starts[j] < se:
            continue  # named in the sentence: the rules read it and set it aside
        back = i - index(n.starts[j - 1]) if j > 0 else None
        c = n.first.kind
        para_here = back is not None and n.starts[j - 1] > para
        if back is not None and back > 1 and not n.prominent and not para_here \
                and eid not in (rule.id, last_id, last_any_id) and (back > 4 or newest.get(c) != eid):
            continue  # named before, seldom and not lately: never the one a reader takes
        holds = art.deposit_commodities.get(eid)
        here = (eid == rule.id, holds is not None and holds == ev.commodity,
                _BACK[min(back, 9)] if back is not None else None, para_here, newest.get(c) == eid, eid == last_id,
                eid == last_any_id, c in stand_ins, eid == rule.id and named_in,
                _TOLD[min(art.subjects_so_far.get(eid, 0), 3)])
        fixed = n.scores.get(k)
        if fixed is None:
            fixed = n.scores[k] = _whole_score(language, k, c, n.whole)
        out.append((n.first, fixed + _here_score(language, k, c, here),
                    features(k, c, n.whole, here) if recording else []))
    return out


def _said(art: Article, ss: int, se: int, sid: str) -> bool:
    """Whether the sentence names ``sid`` or stands for it (as the roles last read it, else read again)."""
    at, ms = art.said
    return any(m.id == sid for m in (ms if at == (ss, se) else anaphora(art, art.in_span(ss, se), ss, se)))


def rechoose(ev: Event, art: Article) -> None:
    """Where the rules took ``ev``'s subject from outside its sentence, weigh the article's entities and take the
    one scored highest."""
    if ev.subject_id is None:
        # none, where the rules leave it out ("global copper reserves were": a world total is no one's), or a name the
        # entity stage does not know, read off the sentence itself
        return
    mdl = model(art.lex.language) if USE_MODEL else None
    if mdl is None and RECORD is None:
        return
    if _said(art, ev.sentence_start, ev.sentence_end, ev.subject_id):
        return  # the sentence names it, or stands for it ("the country"): the rules' reading stands
    read = _read(art)
    named = read.named.get(ev.subject_id)
    if named is None:
        return  # a subject of another kind (a body, an unnamed project)
    rule = named.first
    cands = candidates(ev, art, read, rule)
    if rule.kind == "deposit" and (ev.kind == "reserves" or _SITE_NOUN.search(ev.sentence)):
        # an estimate is of a deposit before its owner or its country, and "The future beneficiation plant will have a
        # capacity of" is a site's: where the rules found a deposit, the choice is among deposits only
        cands = [c for c in cands if c[0].kind == "deposit"]
    if RECORD is not None:
        RECORD.append((ev, [Candidate(m, f) for m, _score, f in cands], rule))
    if mdl is None or not cands:
        return
    best = max(cands, key=lambda c: c[1])[0]
    if best.id != rule.id:
        ev.subject, ev.subject_id = best.name, best.id
