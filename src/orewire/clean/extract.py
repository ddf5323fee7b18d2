"""HTML to article fields: per-source overrides from the registry first, trafilatura for the rest.

The page is parsed once. Boilerplate selectors are removed from that tree, the override
selectors read title, date, author and section from it, and the same tree goes to trafilatura
(which works on its own copy) for the body and for any field the overrides did not give.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from functools import lru_cache
from typing import Any

import trafilatura
from lxml.cssselect import CSSSelector
from lxml.etree import ParserError
from lxml.html import HtmlElement
from trafilatura.metadata import extract_metadata
from trafilatura.utils import load_html

from orewire.clean.dates import parse_date
from orewire.controls import strip_controls
from orewire.sources import ExtractOverrides, Regex, registry_regex

#: trafilatura settings of the generic path, chosen on the extraction benchmark (see
#: tests/clean/test_quality_gate.py): favouring precision scores higher than the defaults there.
#: ``fast`` skips trafilatura's comparison with its fallback extractors (readability, jusText),
#: which costs about a third of its time and on article pages rarely changes the result; a page
#: where the fast pass finds little text gets the full cascade (:data:`FULL_CASCADE_BELOW_WORDS`).
TRAFILATURA_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "favor_precision": True,
    "include_tables": True,
    "fast": True,
}
#: A fast pass that yields fewer words than this is run again with the fallback extractors.
#: Measured on the extraction benchmark (bench/bench_clean.py): fast alone F1 0.9735, fast with
#: this retry 0.9764 (the same as the full cascade on every page) at a quarter less time.
FULL_CASCADE_BELOW_WORDS = 100

# Where pages commonly state their publication time, best first (generic path).
_PUBLISHED_SELECTORS = (
    "meta[property='article:published_time']",
    "meta[property='og:published_time']",
    "meta[itemprop='datePublished']",
    "meta[name='article:published_time']",
    "meta[name='pubdate']",
    "meta[name='publishdate']",
    "meta[name='parsely-pub-date']",
    "meta[name='sailthru.date']",
    "meta[name='dc.date.issued']",
    "meta[name='date']",
    "time[itemprop='datePublished']",
    "article time[datetime]",
)
_TITLE_SELECTORS = ("meta[property='og:title']", "h1", "title")
_AUTHOR_SELECTORS = (
    "meta[name='author']",
    "meta[name='byl']",
    "meta[name='sailthru.author']",
    "meta[name='parsely-author']",
    "[itemprop='author'] [itemprop='name']",
    "[rel='author']",
    "[itemprop='author']",
)
_SECTION_SELECTORS = ("meta[property='article:section']", "meta[itemprop='articleSection']")
_JSONLD_SELECTOR = "script[type='application/ld+json']"

_BLOCK_TAGS = frozenset(
    ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "section", "article", "header", "footer", "figcaption", "address", "hr", "center", "main", "details", "summary"]
)
_SKIP_TAGS = frozenset(
    ["script", "style", "noscript", "template", "iframe", "svg", "form", "button", "select", "textarea", "nav", "aside", "figure", "head", "object", "embed", "video", "audio", "canvas", "map"]
)
_SPACE_RE = re.compile(r"\s+")
# A numeric character reference below 256 or 1000 ("&#27;", "&#x1b;", "&#1", "&#150;"): the ones to
# control characters are taken out before parsing (see :func:`without_controls`).
_LOW_REFERENCE = re.compile(r"&#(?:[xX]0*(?P<hex>[0-9a-fA-F]{1,2})(?![0-9a-fA-F])|0*(?P<dec>[0-9]{1,3})(?![0-9]));?")
_BY_RE = re.compile(r"^\s*by\s+", re.IGNORECASE)


@dataclass
class Fields:
    """What the page says about itself; every field may be missing."""

    title: str | None = None
    author: str | None = None
    section: str | None = None
    published_at: datetime | None = None
    language: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    body_from: str = "none"  # "override", "trafilatura" or "none"


@lru_cache(maxsize=512)
def selector(css: str) -> CSSSelector:
    """A compiled CSS selector (compiled once per process)."""
    return CSSSelector(css)


def _reference(match: re.Match[str]) -> str:
    code = int(match.group("hex"), 16) if match.group("hex") is not None else int(match.group("dec"))
    if code in (0x09, 0x0A, 0x0D) or 0x20 <= code < 0x7F or code > 0x9F:
        return match.group(0)
    if code >= 0x80:
        # As browsers read them (HTML spec): "&#150;" is windows-1252's en dash; undefined ones go.
        return bytes([code]).decode("cp1252", errors="ignore")
    return chr(code)  # then stripped with the sequence it starts ("&#27;[2J" goes whole)


def without_controls(text: str) -> str:
    """The page's text without control characters, written as they are or as numeric character
    references (``&#27;``, ``&#x1;``): one such character in a heading or paragraph makes lxml's
    tree hold it and trafilatura find no text on the whole page. References to C1 code points
    (``&#150;``) become the windows-1252 characters browsers show for them."""
    if "&#" in text:
        text = _LOW_REFERENCE.sub(_reference, text)
    return strip_controls(text)


def parse_html(text: str) -> HtmlElement | None:
    """The page's lxml tree, as trafilatura builds it, with control characters taken out first
    (:func:`without_controls`); None when the text is not HTML."""
    try:
        tree = load_html(without_controls(text))
    except (ParserError, ValueError, TypeError):
        return None
    return tree if tree is not None and len(tree) else None


def squash(text: str | None) -> str:
    """Text with runs of white space made one space, trimmed."""
    return _SPACE_RE.sub(" ", text or "").strip()


def value_of(element: HtmlElement) -> str:
    """What an element says: ``content`` of a meta, ``datetime`` of a time, else its text."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag == "meta":
        return squash(element.get("content"))
    if tag == "time" and element.get("datetime"):
        return squash(element.get("datetime"))
    return squash(element.text_content())


def first_value(tree: HtmlElement, selectors: tuple[str, ...]) -> str | None:
    """The first non-empty value of the first selector that gives one."""
    for css in selectors:
        for element in selector(css)(tree):
            value = value_of(element)
            if value:
                return value
    return None


def first_element(tree: HtmlElement, selectors: tuple[str, ...]) -> HtmlElement | None:
    for css in selectors:
        found = selector(css)(tree)
        if found:
            return found[0]
    return None


def drop_elements(tree: HtmlElement, selectors: tuple[str, ...]) -> None:
    """Remove every element matched by ``selectors`` (the text after it stays)."""
    for css in selectors:
        for element in selector(css)(tree):
            if element.getparent() is not None:
                element.drop_tree()


def block_paragraphs(root: HtmlElement) -> list[str]:
    """The readable text under ``root``, one string per block or ``<br>``-separated line."""
    paragraphs: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        text = squash("".join(buffer))
        if text:
            paragraphs.append(text)
        buffer.clear()

    def walk(node: HtmlElement) -> None:
        tag = node.tag if isinstance(node.tag, str) else None
        if tag is not None and tag not in _SKIP_TAGS:
            block = tag in _BLOCK_TAGS
            if block or tag == "br":
                flush()
            if node.text:
                buffer.append(node.text)
            for child in node:
                walk(child)
            if block:
                flush()
        if node.tail:
            buffer.append(node.tail)

    buffer.append(root.text or "")
    for child in root:
        walk(child)
    flush()
    return paragraphs


def clean_author(value: str | None, dateline: Regex | None = None) -> str | None:
    """A person's name from an author field or byline; None for what is no name (a dateline)."""
    name = squash(value)
    if name.startswith(("http://", "https://", "/")):
        return None
    name = _BY_RE.sub("", name)
    name = re.sub(r"\s*[-–—|]\s*Trend:?$", "", name).strip(" ,;:-–—|")
    if not name or len(name) > 120 or any(ch.isdigit() for ch in name):
        return None
    if dateline is not None and dateline.search(name):
        return None
    if name.isupper() and "," in name:  # "BAKU, Azerbaijan" style place lines
        return None
    return name


def language_of(tree: HtmlElement) -> str | None:
    """The primary language subtag of ``<html lang>``, lower-case, or None."""
    root = tree.getroottree().getroot()
    lang = root.get("lang") or root.get("xml:lang") or ""
    lang = lang.strip().split("-")[0].split("_")[0].lower()
    return lang if re.fullmatch(r"[a-z]{2,3}", lang) else None


def jsonld_value(tree: HtmlElement, key: str, within: str | None = None) -> str | None:
    """A string value of the page's JSON-LD (``within`` names the object holding ``key``)."""
    if within:
        pattern = re.compile(rf'"{within}"\s*:\s*\[?\s*\{{[^{{}}]*?"{key}"\s*:\s*"([^"]+)"')
    else:
        pattern = re.compile(rf'"{key}"\s*:\s*"([^"]+)"')
    for script in selector(_JSONLD_SELECTOR)(tree):
        match = pattern.search(script.text or "")
        if match:
            return squash(match.group(1))
    return None


@dataclass
class LineRules:
    """Per-source rules for whole lines of text: boilerplate, byline and dateline."""

    drop: tuple[Regex, ...] = ()
    byline: Regex | None = None
    dateline: Regex | None = None

    @classmethod
    def of(cls, overrides: ExtractOverrides) -> LineRules:
        return _line_rules(overrides)

    def apply(self, paragraphs: list[str], title: str | None) -> tuple[list[str], str | None]:
        """Paragraphs without boilerplate, byline and dateline lines; and the byline's author."""
        kept: list[str] = []
        author: str | None = None
        for index, paragraph in enumerate(paragraphs):
            if any(rule.search(paragraph) for rule in self.drop):
                continue
            if self.dateline is not None and self.dateline.search(paragraph):
                continue
            if self.byline is not None:
                match = self.byline.search(paragraph)
                if match:
                    if author is None:
                        groups = match.groupdict()
                        author = groups.get("author") or match.group(0)
                    continue
            # A page that repeats its headline at the top of the body.
            if title and index < 3 and not kept and squash(paragraph) == squash(title):
                continue
            kept.append(paragraph)
        return kept, author


@lru_cache(maxsize=64)
def _line_rules(overrides: ExtractOverrides) -> LineRules:
    """The registry's line patterns, compiled with RE2 as the registry check does: a page's lines
    come from sites that may be hostile, and RE2 matches in time linear in the line whatever the
    pattern."""
    return LineRules(
        drop=tuple(registry_regex(p, ignorecase=True) for p in overrides.drop_lines),
        byline=registry_regex(overrides.byline, multiline=True) if overrides.byline else None,
        dateline=registry_regex(overrides.dateline, multiline=True) if overrides.dateline else None,
    )


def _trafilatura_text(tree: HtmlElement, url: str | None, **options: Any) -> str:
    document = trafilatura.bare_extraction(tree, url=url, **options)
    if document is None or isinstance(document, dict):
        return ""
    return document.text or ""


def trafilatura_paragraphs(tree: HtmlElement, url: str | None) -> list[str]:
    """Body paragraphs found by trafilatura (which works on a copy of ``tree``).

    The fast pass first; when it finds fewer than :data:`FULL_CASCADE_BELOW_WORDS` words, the
    full cascade with trafilatura's fallback extractors decides.
    """
    text = _trafilatura_text(tree, url, **TRAFILATURA_OPTIONS)
    if TRAFILATURA_OPTIONS.get("fast") and len(text.split()) < FULL_CASCADE_BELOW_WORDS:
        text = _trafilatura_text(tree, url, **{**TRAFILATURA_OPTIONS, "fast": False}) or text
    lines = [squash(line) for line in text.split("\n")]
    return [line for line in lines if line]


def _trafilatura_metadata(tree: HtmlElement, url: str) -> Any:
    try:
        return extract_metadata(tree, url)
    except (ValueError, TypeError, AttributeError):
        return None


def extract_fields(tree: HtmlElement, url: str, overrides: ExtractOverrides | None, default_tz: tzinfo,
                   now: datetime | None = None) -> Fields:
    """Title, author, section, date, language and body paragraphs of an article page.

    Overrides win where they give a value; trafilatura fills the rest. The tree is modified
    (boilerplate selectors are removed from it). ``now`` (the fetch time) resolves relative
    dates such as "вчера, 14:30".
    """
    rules = overrides or ExtractOverrides()
    found = Fields(language=language_of(tree))
    if rules.drop:
        drop_elements(tree, rules.drop)

    found.title = first_value(tree, rules.title) if rules.title else None
    published = first_value(tree, rules.published) if rules.published else None
    found.published_at = parse_date(published, default_tz, now)
    line_rules = LineRules.of(rules)
    if rules.author:
        found.author = clean_author(first_value(tree, rules.author), line_rules.dateline)
    if rules.section:
        found.section = first_value(tree, rules.section)

    body = first_element(tree, rules.body) if rules.body else None
    paragraphs = block_paragraphs(body) if body is not None else []
    if body is not None and paragraphs:
        found.body_from = "override"
    else:
        paragraphs = trafilatura_paragraphs(tree, url)
        found.body_from = "trafilatura" if paragraphs else "none"

    # The page's own structured metadata for whatever the overrides left open.
    if found.title is None:
        found.title = first_value(tree, _TITLE_SELECTORS)
    if found.published_at is None:
        stated = first_value(tree, _PUBLISHED_SELECTORS) or jsonld_value(tree, "datePublished")
        found.published_at = parse_date(stated, default_tz, now)
    if found.section is None:
        found.section = first_value(tree, _SECTION_SELECTORS)

    paragraphs, byline_author = line_rules.apply(paragraphs, found.title)
    found.paragraphs = paragraphs
    if found.author is None and byline_author:
        found.author = clean_author(byline_author, line_rules.dateline)
    if found.author is None:
        stated = first_value(tree, _AUTHOR_SELECTORS) or jsonld_value(tree, "name", within="author")
        found.author = clean_author(stated, line_rules.dateline)

    # trafilatura's metadata (heuristics over the whole page, the costliest step after the
    # body) only when title or date are still unknown.
    if found.title is None or found.published_at is None:
        document = _trafilatura_metadata(tree, url)
        if document is not None:
            if found.title is None and document.title:
                found.title = squash(document.title)
            if found.published_at is None and document.date:
                found.published_at = parse_date(document.date, default_tz)
            if found.author is None and document.author:
                found.author = clean_author(document.author.split(";")[0], line_rules.dateline)
    return found
