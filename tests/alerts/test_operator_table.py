"""The watchlist's `[operator]` table: where source-health alerts go, checked like a watch's notify."""

from __future__ import annotations

import pytest

from orewire.alerts.watchlists import WatchlistError, parse_watchlist


def test_operator_notify_is_read_beside_the_watches() -> None:
    watches = parse_watchlist('[operator]\nnotify = ["json://hooks.example.org/ops"]\n\n'
                              '[watch.k]\nentities = ["company:kazatomprom"]\n')
    assert watches.operator == ("json://hooks.example.org/ops",)
    assert [t.service for t in watches.operator_targets] == ["json://hooks.example.org"]
    assert list(watches.watches) == ["k"]
    assert parse_watchlist('[watch.k]\nwords = ["uranium"]\n').operator == ()


@pytest.mark.parametrize(("text", "expected"), [
    ('[operator]\nnotify = ["nonsense"]\n', "watchlists.toml: [operator], key 'notify': '?://' is not an apprise URL"),
    ('[operator]\nnotify = []\n', "watchlists.toml: [operator], key 'notify': must be a non-empty list"),
    ('[operator]\nemail = "a@b"\n', "watchlists.toml: [operator], key 'email': unknown key (known: notify)"),
    ('operator = "x"\n', "watchlists.toml: 'operator' must be a table ([operator])"),
])
def test_a_bad_operator_table_is_one_line_naming_the_key(text: str, expected: str) -> None:
    with pytest.raises(WatchlistError) as caught:
        parse_watchlist(text)
    assert str(caught.value).startswith(expected)
    assert "\n" not in str(caught.value)
