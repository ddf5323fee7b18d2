import textwrap

import pytest

from orewire.sources import RegistryError, load_registry, parse_registry
from tests.cli import orewire

GOOD = textwrap.dedent("""
    [sources.demo]
    homepage = "https://news.example.com/"
    hosts = ["news.example.com"]
    feeds = ["https://news.example.com/feed/"]
    article_pattern = '^/\\d{4}/\\d{2}/[a-z0-9-]+/$'
""")


def test_project_registry_loads():
    registry = load_registry("sources.toml")
    assert "trend" in registry.names()
    trend = registry["trend"]
    assert trend.owns_host("www.trend.az") and trend.owns_host("en.trend.az")
    assert registry.for_host("WWW.TREND.AZ") is trend


def test_good_registry_parses():
    source = parse_registry(GOOD)["demo"]
    assert source.is_article_url("https://news.example.com/2024/05/copper-find/")
    assert not source.is_article_url("https://news.example.com/tag/copper/")


@pytest.mark.parametrize("change, source, key", [
    ('\ncolour = "red"\n', "demo", "colour"),
    ("\n[sources.demo.politeness]\nspeed = 3\n", "demo", "politeness.speed"),
    ('\nschedule = "every day"\n', "demo", "schedule"),
    ('\nfeed_schedule = "every 15 minutes"\n', "demo", "feed_schedule"),
    ("\narticle_pattern_x = 1\n", "demo", "article_pattern_x"),
    ('\ntimezone = "Mars/Olympus"\n', "demo", "timezone"),
])
def test_bad_key_names_source_and_key(change, source, key):
    text = GOOD + change if "[" in change else GOOD.replace('hosts = ["news.example.com"]',
                                                            'hosts = ["news.example.com"]' + change)
    with pytest.raises(RegistryError) as info:
        parse_registry(text)
    message = str(info.value)
    assert "\n" not in message
    assert repr(source) in message and repr(key) in message


def test_schedules_default_to_hourly_walks_and_feeds_every_15_minutes():
    source = parse_registry(GOOD)["demo"]
    assert (source.schedule, source.feed_schedule) == ("0 * * * *", "*/15 * * * *")
    off = parse_registry(GOOD.replace('hosts = ["news.example.com"]', 'hosts = ["news.example.com"]\nfeed_schedule = ""'))
    assert off["demo"].feed_schedule == ""


def test_bad_regex():
    with pytest.raises(RegistryError, match=r"'demo', key 'article_pattern': bad regular expression"):
        parse_registry(GOOD.replace("[a-z0-9-]+/$", "[a-z0-9-+/$"))


def test_missing_feed_and_homepage():
    no_feed = GOOD.replace('feeds = ["https://news.example.com/feed/"]\n', "")
    with pytest.raises(RegistryError, match="at least one of feeds, sitemaps or sections"):
        parse_registry(no_feed)
    no_home = GOOD.replace('homepage = "https://news.example.com/"\n', "")
    with pytest.raises(RegistryError, match="key 'homepage': missing"):
        parse_registry(no_home)


def test_duplicate_source_and_duplicate_host():
    with pytest.raises(RegistryError, match="not valid TOML"):
        parse_registry(GOOD + GOOD)
    other = GOOD.replace("[sources.demo]", "[sources.other]")
    with pytest.raises(RegistryError, match=r"'other', key 'hosts': host 'news\.example\.com' is already claimed"):
        parse_registry(GOOD + other)


def test_feed_off_the_source_hosts():
    with pytest.raises(RegistryError, match="key 'feeds'"):
        parse_registry(GOOD.replace("https://news.example.com/feed/", "https://elsewhere.example.org/feed/"))


def test_cli_prints_one_line_without_traceback(tmp_path):
    bad = tmp_path / "sources.toml"
    bad.write_text(GOOD.replace('schedule', 'x') + '\nspeed = "fast"\n')
    proc = orewire(["sources"], {"OREWIRE_SOURCES": str(bad), "OREWIRE_STATE": str(tmp_path / "state")})
    assert proc.code == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "'demo'" in lines[0] and "'speed'" in lines[0]
