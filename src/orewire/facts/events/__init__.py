"""Mining events: what each number of an article measures (see ``engine``)."""

from orewire.facts.events.engine import find_events

__all__ = ["find_events"]
