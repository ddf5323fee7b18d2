"""The source registry: every news source as data, loaded from ``sources.toml``.

The loader checks the whole file when it loads it. A bad entry raises :class:`RegistryError`
whose message is one line naming the source and the key, so the CLI can print it without a
traceback.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import re2
from croniter import croniter

from orewire.urls import match_target

NAME_RE = re.compile(r"^[a-z][a-z0-9_]{1,31}$")


class RegistryError(ValueError):
    """A registry file that cannot be used; the message is one line."""


@dataclass(frozen=True)
class ExtractOverrides:
    """Per-source cleaning rules that win over trafilatura where they apply.

    Selectors are CSS, tried in order; the first that matches wins.
    """

    title: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()
    drop_lines: tuple[str, ...] = ()
    published: tuple[str, ...] = ()
    author: tuple[str, ...] = ()
    byline: str | None = None
    dateline: str | None = None
    section: tuple[str, ...] = ()
    not_article: tuple[str, ...] = ()


@dataclass(frozen=True)
class Politeness:
    """Per-source crawl manners; robots.txt is always obeyed on top of these."""

    download_delay: float = 1.0
    concurrency: int = 2
    autothrottle_target: float = 1.0
    max_pages: int = 20
    revisit_hours: float = 0.0
    max_bytes: int = 20 * 1024 * 1024
    timeout: float = 30.0
    retry_backoff: float = 2.0
    revisit_window_hours: float = 72.0
    backfill_max_pages: int = 500
    id_walk_max: int = 5000
    max_links_per_page: int = 300
    max_article_requests: int = 2000


@dataclass(frozen=True)
class Source:
    """One news source of the registry."""

    name: str
    title: str
    homepage: str
    hosts: tuple[str, ...]
    alias_hosts: tuple[str, ...] = ()
    language: str = "en"
    timezone: str = "UTC"
    schedule: str = "0 * * * *"               # the full daily crawl: feeds, sitemaps, listing walks
    feed_schedule: str = "*/15 * * * *"       # feeds only, conditionally ("" for none)
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    article_pattern: str = ""
    listing_links: tuple[str, ...] = ("a[href]",)
    next_page: tuple[str, ...] = ("a[rel=next]", "link[rel=next]")
    page_url: str | None = None
    id_range: dict[str, int] = field(default_factory=dict)
    spider: str = "generic"
    listing_dates: tuple[str, ...] = ()
    id_walk: bool = False
    id_url: str | None = None
    politeness: Politeness = field(default_factory=Politeness)
    extract: ExtractOverrides = field(default_factory=ExtractOverrides)

    @property
    def primary_host(self) -> str:
        return self.hosts[0]

    @property
    def all_hosts(self) -> tuple[str, ...]:
        return self.hosts + self.alias_hosts

    @property
    def origin(self) -> str:
        parts = urlsplit(self.homepage)
        return f"{parts.scheme}://{parts.netloc}"

    @property
    def article_re(self) -> Regex:
        return registry_regex(self.article_pattern)

    def is_article_url(self, url: str) -> bool:
        """True when the URL's path (and query) matches the source's article pattern."""
        return bool(self.article_re.search(match_target(url)))

    def owns_host(self, host: str) -> bool:
        host = host.lower().split(":")[0]
        return host in self.all_hosts

    def seed_urls(self) -> list[str]:
        return [*self.feeds, *self.sitemaps, *self.sections]


class Match(Protocol):
    def group(self, *names: str | int) -> Any: ...

    def groupdict(self) -> dict[str, str | None]: ...

    def start(self, group: int | str = 0) -> int: ...

    def end(self, group: int | str = 0) -> int: ...


class Regex(Protocol):
    """A compiled registry pattern (RE2): ``search``, ``match`` and ``fullmatch`` as in ``re``."""

    def search(self, text: str, pos: int = ..., endpos: int = ...) -> Match | None: ...

    def match(self, text: str, pos: int = ..., endpos: int = ...) -> Match | None: ...

    def fullmatch(self, text: str, pos: int = ..., endpos: int = ...) -> Match | None: ...


@lru_cache(maxsize=512)
def registry_regex(pattern: str, *, ignorecase: bool = False, multiline: bool = False) -> Regex:
    """A registry pattern compiled with RE2, which matches in time linear in the text whatever the
    pattern (URLs and pages come from sites that may be hostile). Raises ``re2.error`` for what
    RE2 lacks (lookarounds, backreferences, possessive and atomic groups); the registry check
    refuses those patterns at load. ``multiline``: ``^`` and ``$`` at every line, as ``re.M``."""
    options = re2.Options()
    options.log_errors = False  # the error is raised (and reported in one line), not logged too
    options.case_sensitive = not ignorecase
    compiled: Regex = re2.compile(("(?m)" if multiline else "") + pattern, options)
    return compiled


def _re2_problem(pattern: str) -> str | None:
    """Why RE2 cannot compile ``pattern``, or None."""
    try:
        registry_regex(pattern)
    except re2.error as exc:
        detail = exc.args[0] if exc.args else exc
        if isinstance(detail, bytes):
            detail = detail.decode("utf-8", "replace")
        return str(detail).strip() or type(exc).__name__
    return None


@dataclass(frozen=True)
class Registry:
    """All sources, by name, in file order."""

    sources: dict[str, Source]
    path: Path | None = None

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.sources.values())

    def __len__(self) -> int:
        return len(self.sources)

    def __getitem__(self, name: str) -> Source:
        try:
            return self.sources[name]
        except KeyError:
            known = ", ".join(self.sources) or "none"
            raise RegistryError(f"unknown source {name!r} (registry has: {known})") from None

    def names(self) -> list[str]:
        return list(self.sources)

    def for_host(self, host: str) -> Source | None:
        """The source that owns a host (primary or alias), or None."""
        host = host.lower().split(":")[0]
        for source in self.sources.values():
            if source.owns_host(host):
                return source
        return None

    def select(self, names: list[str] | None) -> list[Source]:
        return [self[n] for n in names] if names else list(self.sources.values())


_SOURCE_KEYS = {f.name for f in fields(Source)} - {"name"}
_TUPLE_KEYS = {"hosts", "alias_hosts", "feeds", "sitemaps", "sections", "listing_links", "next_page",
               "listing_dates"}
_BOOL_KEYS = {"id_walk"}
_URL_KEYS = {"feeds", "sitemaps", "sections"}


def _fail(source: str, key: str, problem: str) -> RegistryError:
    return RegistryError(f"sources.toml: source {source!r}, key {key!r}: {problem}")


def _str_list(source: str, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _fail(source, key, "must be a list of non-empty strings")
    return tuple(value)


def _check_regex(source: str, key: str, pattern: str) -> None:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise _fail(source, key, f"bad regular expression ({exc})") from None
    nested = nested_quantifier(pattern)
    if nested:
        raise _fail(source, key, f"regular expression {pattern!r} repeats a repetition ({nested}): it can take "
                                 "exponential time on a hostile URL or text; rewrite it without nested quantifiers")
    problem = _re2_problem(pattern)
    if problem:
        raise _fail(source, key, f"regular expression {pattern!r} is not RE2 syntax ({problem}); registry patterns "
                                 "are matched in linear time, without lookarounds, backreferences, possessive "
                                 "or atomic groups")


def nested_quantifier(pattern: str) -> str | None:
    """A variable-length repetition inside an unbounded one (as ``(a+)+``, ``(\\w+\\s?)*``), or None.

    Such patterns backtrack exponentially on input that almost matches. Let through: a bounded
    outer repetition (``(?:[a-z]+/){1,2}``), a fixed-count inner one (``(?:\\d{4}/)+``), and an
    outer one whose every round must take a character its inner repetitions cannot
    (``(?:-[a-z0-9]+){2,}``: each round starts at a ``-``), which splits the input one way only.
    """
    from re import _compiler as sre_compile  # type: ignore[attr-defined]
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]

    repeats = {c.MAX_REPEAT, c.MIN_REPEAT}
    parsed = sre_parse.parse(pattern)

    def children(op: Any, av: Any) -> list[Any]:
        if op in repeats:
            return [av[2]]
        if op == c.SUBPATTERN:
            return [av[-1]]
        if op == c.BRANCH:
            return list(av[1])
        if op in (c.ASSERT, c.ASSERT_NOT):
            return [av[1]]
        if op == c.GROUPREF_EXISTS:
            return [a for a in av[1:] if a is not None]
        return []  # atoms; possessive repeats and atomic groups never backtrack into themselves

    def variable(items: Any) -> list[Any]:
        """Variable-length repetitions anywhere in ``items``."""
        found = []
        for op, av in items:
            if op in repeats and av[0] != av[1]:
                found.append(av[2])
            for sub in children(op, av):
                found.extend(variable(sub))
        return found

    def required_literals(items: Any) -> set[str]:
        out: set[str] = set()
        for op, av in items:
            if op == c.LITERAL:
                out.add(chr(av))
            elif op == c.SUBPATTERN:
                out |= required_literals(av[-1])
        return out

    def single_char(body: Any) -> Any:
        if len(body) == 1 and body[0][0] in (c.LITERAL, c.NOT_LITERAL, c.IN, c.ANY, c.CATEGORY):
            return sre_compile.compile(sre_parse.SubPattern(parsed.state, list(body)), 0)
        return None

    def delimited(body: Any) -> bool:
        inner = [single_char(v) for v in variable(body)]
        if not inner or any(m is None for m in inner):
            return not inner
        return any(all(not m.fullmatch(ch) for m in inner) for ch in required_literals(body))

    def walk(items: Any) -> str | None:
        for op, av in items:
            if op in repeats and av[1] == c.MAXREPEAT and not delimited(av[2]):
                return f"a variable repetition inside {'{'}{av[0]},{'}'}"
            for sub in children(op, av):
                found = walk(sub)
                if found:
                    return found
        return None

    return walk(parsed)


def _check_css(source: str, key: str, selectors: tuple[str, ...], *, spider: bool) -> None:
    """Each CSS selector must parse: the spider's with parsel (Scrapy's ``response.css``), the
    cleaner's with lxml (``CSSSelector``), as they are used."""
    for css in selectors:
        try:
            if spider:
                from parsel.csstranslator import HTMLTranslator

                HTMLTranslator().css_to_xpath(css)
            else:
                from lxml.cssselect import CSSSelector

                CSSSelector(css)
        except Exception as exc:
            detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise _fail(source, key, f"bad CSS selector {css!r} ({detail})") from None


def _build_dataclass(cls: type, source: str, key: str, table: Any) -> Any:
    if not isinstance(table, dict):
        raise _fail(source, key, "must be a table")
    allowed = {f.name: f for f in fields(cls)}
    kwargs: dict[str, Any] = {}
    for sub, value in table.items():
        full = f"{key}.{sub}"
        if sub not in allowed:
            raise _fail(source, full, f"unknown key (allowed: {', '.join(sorted(allowed))})")
        default = getattr(cls(), sub)
        if isinstance(default, tuple):
            kwargs[sub] = _str_list(source, full, value)
        elif isinstance(default, bool) or default is None:
            if value is not None and not isinstance(value, str):
                raise _fail(source, full, "must be a string")
            kwargs[sub] = value
        elif isinstance(default, (int, float)):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                raise _fail(source, full, "must be a non-negative number")
            kwargs[sub] = type(default)(value)
        else:
            kwargs[sub] = value
    obj = cls(**kwargs)
    for sub in ("drop_lines",):
        for pattern in getattr(obj, sub, ()):
            _check_regex(source, f"{key}.{sub}", pattern)
    for sub in ("byline", "dateline"):
        pattern = getattr(obj, sub, None)
        if pattern:
            _check_regex(source, f"{key}.{sub}", pattern)
    if isinstance(obj, ExtractOverrides):
        for sub in ("title", "body", "drop", "published", "author", "section", "not_article"):
            _check_css(source, f"{key}.{sub}", getattr(obj, sub), spider=False)
    return obj


def _parse_source(name: str, table: Any) -> Source:
    if not NAME_RE.match(name):
        raise _fail(name, "name", "source names are short lowercase keys: [a-z][a-z0-9_]+")
    if not isinstance(table, dict):
        raise _fail(name, "-", "must be a table")
    for key in table:
        if key not in _SOURCE_KEYS:
            raise _fail(name, key, "unknown key")
    for required in ("homepage", "hosts", "article_pattern"):
        if not table.get(required):
            raise _fail(name, required, "missing")
    kwargs: dict[str, Any] = {"name": name, "title": table.get("title", name)}
    for key, value in table.items():
        if key in _TUPLE_KEYS:
            kwargs[key] = _str_list(name, key, value)
        elif key == "politeness":
            kwargs[key] = _build_dataclass(Politeness, name, key, value)
        elif key == "extract":
            kwargs[key] = _build_dataclass(ExtractOverrides, name, key, value)
        elif key == "id_range":
            if not isinstance(value, dict) or not all(
                isinstance(k, str) and isinstance(v, int) for k, v in value.items()
            ):
                raise _fail(name, key, "must map dates (YYYY-MM-DD) to article ids")
            kwargs[key] = dict(value)
        elif key in _BOOL_KEYS:
            if not isinstance(value, bool):
                raise _fail(name, key, "must be true or false")
            kwargs[key] = value
        elif key != "title":
            if not isinstance(value, str):
                raise _fail(name, key, "must be a string")
            kwargs[key] = value
    if not (kwargs.get("feeds") or kwargs.get("sitemaps") or kwargs.get("sections")):
        raise _fail(name, "feeds", "a source needs at least one of feeds, sitemaps or sections")
    homepage = urlsplit(kwargs["homepage"])
    if homepage.scheme not in ("http", "https") or not homepage.netloc:
        raise _fail(name, "homepage", f"not an absolute http(s) URL: {kwargs['homepage']!r}")
    hosts = [h.lower() for h in kwargs["hosts"]] + [h.lower() for h in kwargs.get("alias_hosts", ())]
    if homepage.hostname not in hosts:
        raise _fail(name, "homepage", f"host {homepage.hostname!r} is not among the source's hosts")
    for key in _URL_KEYS:
        for url in kwargs.get(key, ()):
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or parts.hostname not in hosts:
                raise _fail(name, key, f"{url!r} is not an http(s) URL on the source's hosts")
    _check_regex(name, "article_pattern", kwargs["article_pattern"])
    for key in ("listing_links", "next_page", "listing_dates"):
        _check_css(name, key, kwargs.get(key, ()), spider=True)
    id_url = kwargs.get("id_url")
    if id_url is not None:
        parts = urlsplit(id_url)
        if parts.scheme not in ("http", "https") or parts.hostname not in hosts or "{id}" not in id_url:
            raise _fail(name, "id_url", "must be an http(s) URL on the source's hosts containing {id}")
    if kwargs.get("id_walk") and not (id_url and len(kwargs.get("id_range") or {}) >= 2):
        raise _fail(name, "id_walk", "needs id_url and at least two id_range points")
    if not croniter.is_valid(kwargs.get("schedule", Source.schedule)):
        raise _fail(name, "schedule", f"bad cron string {kwargs.get('schedule')!r}")
    feed_schedule = kwargs.get("feed_schedule", Source.feed_schedule)
    if not isinstance(feed_schedule, str) or (feed_schedule and not croniter.is_valid(feed_schedule)):
        raise _fail(name, "feed_schedule", f"bad cron string {feed_schedule!r}")
    try:
        ZoneInfo(kwargs.get("timezone", "UTC"))
    except (ZoneInfoNotFoundError, ValueError):
        raise _fail(name, "timezone", f"unknown time zone {kwargs.get('timezone')!r}") from None
    if kwargs.get("spider", "generic") not in ("generic", "trend"):
        raise _fail(name, "spider", f"unknown spider {kwargs['spider']!r} (known: generic, trend)")
    return Source(**kwargs)


def parse_registry(text: str, path: Path | None = None) -> Registry:
    """Parse registry TOML text. Raises RegistryError (one line) on any problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # Duplicate [sources.x] tables are reported by the TOML parser itself.
        raise RegistryError(f"sources.toml: not valid TOML: {exc}") from None
    unknown = set(data) - {"sources"}
    if unknown:
        raise RegistryError(f"sources.toml: unknown top-level key {sorted(unknown)[0]!r} (expected [sources.NAME])")
    tables = data.get("sources")
    if not isinstance(tables, dict) or not tables:
        raise RegistryError("sources.toml: no [sources.NAME] tables")
    sources: dict[str, Source] = {}
    owner: dict[str, str] = {}
    for name, table in tables.items():
        source = _parse_source(name, table)
        for host in source.all_hosts:
            if host in owner:
                raise _fail(name, "hosts", f"host {host!r} is already claimed by source {owner[host]!r}")
            owner[host] = name
        sources[name] = source
    return Registry(sources=sources, path=path)


def load_registry(path: Path | str) -> Registry:
    """Load and validate the registry file. Raises RegistryError (one line)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RegistryError(f"sources.toml: cannot read {path}: {exc.strerror}") from None
    return parse_registry(text, path)
