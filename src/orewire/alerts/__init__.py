"""Watchlists and alerts: what an analyst follows (``watchlists.toml``), matched against every
load, written to the warehouse's ``alerts`` table and delivered through apprise.

- :mod:`orewire.alerts.watchlists`: the file, checked whole when loaded; ``watch add|remove``.
- :mod:`orewire.alerts.match`: a watch against an article (pure).
- :mod:`orewire.alerts.store`: matching new articles in the writer, backfill, preview, reading back
  (:func:`~orewire.alerts.store.recent_alerts`: the latest alerts per watch).
- :mod:`orewire.alerts.deliver`: messages and crash-safe delivery through apprise.
- :mod:`orewire.alerts.digest`: one message with the period's alerts grouped by watch.
- :mod:`orewire.alerts.service`: what runs after a load.
"""

from orewire.alerts.watchlists import AlertsError, Watch, Watchlist, WatchlistError, load_watchlist

__all__ = ["AlertsError", "Watch", "Watchlist", "WatchlistError", "load_watchlist"]
