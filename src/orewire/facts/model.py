"""The extractor's records: ``Entity``, ``Fact`` and ``Extraction`` with its contract JSON."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Entity:
    """A story entity with its canonical name and every mention's (start, end) offsets."""

    kind: str
    name: str
    code: str | None = None
    canonical: str | None = None  # the name the id is made of, when the article writes the name otherwise
    role: str | None = None
    org: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)

    @property
    def id(self) -> str:
        """The entity's one id, in the contract and the warehouse alike ("country:KZ", "deposit:aktogay")."""
        return entity_id(self.kind, self.code if self.kind == "country" and self.code else self.canonical or self.name)

    def to_contract(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "name": self.name}
        if self.canonical and self.canonical != self.name:
            out["canonical"] = self.canonical
        if self.code:
            out["code"] = self.code
        if self.role:
            out["role"] = self.role
        if self.org:
            out["org"] = self.org
        if self.aliases:
            out["aliases"] = list(self.aliases)
        out["id"] = self.id
        out["mentions"] = [[s, e] for s, e in sorted(set(self.mentions))]
        return out


@dataclass
class Fact:
    """One extracted fact, tied to its sentence and to the (start, end) offsets of its evidence."""

    type: str
    value: float | None = None
    unit: str | None = None
    currency: str | None = None
    value_usd: float | None = None
    rate_source: str | None = None
    name: str | None = None
    commodities: list[str] = field(default_factory=list)
    region: str | None = None
    country: str | None = None
    status: str | None = None
    person: str | None = None
    title: str | None = None
    org: str | None = None
    sentence: str = ""
    start: int = 0
    end: int = 0
    commodity: str | None = None  # quantity: the commodity the sentence ties to it

    def to_contract(self, extractor_version: str) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type}
        if self.type in ("amount", "quantity"):
            out["value"] = _clean_number(self.value)
            if self.type == "quantity":
                out["unit"] = self.unit
                if self.commodity:
                    out["commodity"] = self.commodity
            else:
                out["currency"] = self.currency
                out["value_usd"] = _clean_number(self.value_usd)
                if self.rate_source:
                    out["rate_source"] = self.rate_source
        if self.type == "deposit":
            out["name"] = self.name
            out["commodities"] = list(self.commodities)
        elif self.name:
            out["name"] = self.name
        for key in ("region", "country", "status", "person", "title", "org"):
            val = getattr(self, key)
            if val:
                out[key] = val
        out["sentence"] = self.sentence
        out["start"] = self.start
        out["end"] = self.end
        out["extractor_version"] = extractor_version
        return out


EVENT_KINDS = ("reserves", "production", "trade", "investment", "deal", "licence", "financial")


@dataclass
class Event:
    """A mining event: what one stated number measures (or, for licences and deals without a price,
    the numberless act), with the entity it is about and the slots that qualify it.

    ``start``/``end`` index the evidence in the text: the number, or the word that states a
    numberless event; ``sentence_start``/``sentence_end`` the sentence it was read from.
    """

    kind: str
    subject: str | None = None
    subject_id: str | None = None
    party: str | None = None
    party_id: str | None = None
    commodity: str | None = None
    quantity: tuple[float, str] | None = None  # (value, canonical unit)
    amount: tuple[float, str] | None = None  # (value, ISO currency)
    value_usd: float | None = None
    rate_source: str | None = None
    share: float | None = None  # percent: 51 for 51%
    period: str | None = None  # "YYYY"
    basis: str | None = None  # production and trade: actual | plan | capacity
    direction: str | None = None  # trade: export | import
    sentence: str = ""
    start: int = 0
    end: int = 0
    sentence_start: int = 0
    sentence_end: int = 0

    def to_contract(self, extractor_version: str) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "subject": self.subject,
            "subject_id": self.subject_id,
            "party": self.party,
            "party_id": self.party_id,
            "commodity": self.commodity,
            "quantity": [_clean_number(self.quantity[0]), self.quantity[1]] if self.quantity else None,
            "amount": [_clean_number(self.amount[0]), self.amount[1]] if self.amount else None,
            "value_usd": _clean_number(self.value_usd),
            "rate_source": self.rate_source,
            "share": _clean_number(self.share),
            "period": self.period,
            "basis": self.basis,
            "direction": self.direction,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "sentence_start": self.sentence_start,
            "sentence_end": self.sentence_end,
            "extractor_version": extractor_version,
        }


@dataclass
class Extraction:
    """Entities, facts and events found in one text."""

    entities: list[Entity]
    facts: list[Fact]
    extractor_version: str
    events: list[Event] = field(default_factory=list)

    def to_contract(self) -> dict[str, Any]:
        """The extractor contract JSON (as a dict): ``entities``, ``facts``, ``events``, ``extractor_version``."""
        return {
            "entities": [e.to_contract() for e in self.entities],
            "facts": [f.to_contract(self.extractor_version) for f in self.facts],
            "events": [e.to_contract(self.extractor_version) for e in self.events],
            "extractor_version": self.extractor_version,
        }


def _clean_number(v: float | None) -> float | int | None:
    if v is None:
        return None
    if abs(v) >= 1 and float(v).is_integer():
        return int(v)
    return round(v, 6) if abs(v) < 1e6 else round(v, 2)


_SLUG = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """ASCII slug of a name: "Tau-Ken Samruk" -> "tau-ken-samruk"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return _SLUG.sub("-", ascii_name.lower()).strip("-") or "x"


@functools.lru_cache(maxsize=65536)
def entity_id(kind: str, name: str) -> str:
    """Stable id of an entity: "country:KZ" for countries (pass the code), "company:rio-tinto" else
    (the same names come back page after page: each is made once)."""
    if kind == "country" and re.fullmatch(r"[A-Za-z]{2}", name):
        return f"country:{name.upper()}"
    return f"{kind}:{slug(name)}"
