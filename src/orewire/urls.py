"""URL identity: canonical form, article ids, and re-rooting a source on another origin.

Identity never depends on the host a page was fetched from: host aliases, a ``--base-url``
loopback copy and the real site all give the same canonical URL and article id.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

if TYPE_CHECKING:  # a Source is only read here; the registry module imports this one
    from orewire.sources import Source

TRACKING_PARAMS = re.compile(
    r"^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|yclid|msclkid|mc_cid|mc_eid|_ga|_gl|igshid|"
    r"ref|ref_src|referrer|cmpid|cmp|src|share|amp|from|spm|_hsenc|_hsmi|mkt_tok|ocid|s_cid|ito)$",
    re.IGNORECASE,
)


def _clean_path(path: str) -> str:
    path = re.sub(r"/{2,}", "/", path or "/")
    if not path.startswith("/"):
        path = "/" + path
    trailing = path.endswith("/")
    normalised = posixpath.normpath(path)
    if normalised == ".":
        normalised = "/"
    if trailing and normalised != "/":
        normalised += "/"
    # Percent-encoding in one form: decode what needs no encoding, encode what does.
    return quote(unquote(normalised), safe="/:@!$&'()*+,;=-._~%")


def clean_query(query: str) -> str:
    """Drop tracking parameters and sort what is left."""
    pairs = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if not TRACKING_PARAMS.match(k)]
    return urlencode(sorted(pairs))


def canonical_url(url: str, source: Source | None = None) -> str:
    """Canonical form of ``url``: https, the source's primary host, no tracking params or fragment.

    The path keeps the site's own trailing-slash convention (it is a real URL); identity
    (:func:`identity_key`) ignores it.
    """
    parts = urlsplit(url.strip())
    scheme = (parts.scheme or "https").lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    if source is not None:
        scheme = urlsplit(source.homepage).scheme or "https"
        host = source.primary_host
        port = None
    else:
        if scheme == "http":
            scheme = "https"
        if host.startswith("www."):
            host = host[4:]
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, _clean_path(parts.path), clean_query(parts.query), ""))


def identity_key(url: str) -> str:
    """The part of a URL that decides identity within a source: path without trailing slash, query."""
    parts = urlsplit(url)
    path = _clean_path(parts.path).rstrip("/") or "/"
    path = re.sub(r"/(index|default)\.(html?|php|aspx?)$", "", path) or "/"
    query = clean_query(parts.query)
    return path + (f"?{query}" if query else "")


def article_id(url: str, source: Source) -> str:
    """Stable article id: ``source:<numeric id>`` where the article pattern has an ``id`` group,
    else ``source:<hash of the path>``. Host aliases and URL variants give the same id."""
    match = source.article_re.search(match_target(url))
    if match and "id" in match.groupdict() and match.group("id"):
        return f"{source.name}:{match.group('id')}"
    digest = hashlib.sha1(identity_key(url).encode("utf-8")).hexdigest()[:16]
    return f"{source.name}:{digest}"


def match_target(url: str) -> str:
    """What an article pattern is matched against: the path, plus the query minus tracking params."""
    parts = urlsplit(url)
    query = clean_query(parts.query)
    return parts.path + (f"?{query}" if query else "")


def rebase(url: str, base_url: str | None) -> str:
    """Re-root ``url`` on ``base_url``'s origin (scheme, host, port, optional path prefix)."""
    if not base_url:
        return url
    base = urlsplit(base_url)
    parts = urlsplit(url)
    prefix = base.path.rstrip("/")
    return urlunsplit((base.scheme, base.netloc, prefix + (parts.path or "/"), parts.query, parts.fragment))


def unbase(url: str, source: Source, base_url: str | None) -> str:
    """Inverse of :func:`rebase`: a URL on the base origin back onto the source's own origin."""
    if not base_url:
        return url
    base = urlsplit(base_url)
    parts = urlsplit(url)
    if parts.netloc != base.netloc:
        return url
    prefix = base.path.rstrip("/")
    path = parts.path[len(prefix):] if prefix and parts.path.startswith(prefix) else parts.path
    origin = urlsplit(source.homepage)
    return urlunsplit((origin.scheme, origin.netloc, path or "/", parts.query, parts.fragment))
