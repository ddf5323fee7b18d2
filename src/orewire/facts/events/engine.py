"""The event engine (placeholder until the rules land)."""

from __future__ import annotations

from datetime import datetime

from orewire.facts.model import Entity, Event, Fact


def find_events(text: str, entities: list[Entity], facts: list[Fact], *, published_at: datetime | None = None,
                language: str = "en") -> list[Event]:
    return []
