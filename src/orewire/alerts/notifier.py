"""Apprise, as orewire uses it: whether a notify URL is one apprise can use, sending one message
to one URL, and keeping secrets out of what is stored or shown.

Nothing of apprise's is written to disk (its persistent store is kept in memory) and its own log
records stay out of the process's logs (they can name hosts and, at debug level, more): what went
wrong is read from the result and blanked of every secret before anyone sees it.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterator
from typing import Any, Protocol
from urllib.parse import urlsplit

VARIABLE_RE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


class Sendable(Protocol):
    """A message: its title, a plain-text body and an HTML body (for e-mail)."""

    @property
    def title(self) -> str: ...

    @property
    def text(self) -> str: ...

    @property
    def html(self) -> str: ...


def redact(url: str) -> str:
    """``scheme://host`` of a URL; never its user, password, path or query."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return "(unreadable URL)"
    scheme = parts.scheme or "?"
    if VARIABLE_RE.search(host) or not host:
        return f"{scheme}://"
    return f"{scheme}://{host}"


def _asset() -> Any:
    import apprise

    # Nothing on disk: no persistent store in the user's folders.
    return apprise.AppriseAsset(storage_mode="memory")


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Apprise's own log records stay out of the process's logs while it works (they can name
    hosts and, at debug level, more): what went wrong is read from the result instead."""
    logger = logging.getLogger("apprise")
    before = logger.propagate
    logger.propagate = False
    try:
        yield
    finally:
        logger.propagate = before


def understood(url: str) -> str | None:
    """Why apprise cannot use ``url`` (each ``${VAR}`` taken as a placeholder value), or None."""
    import apprise

    candidate = VARIABLE_RE.sub("placeholder", url)
    with _quiet(), apprise.LogCapture(level=logging.WARNING) as captured:
        plugin = apprise.Apprise.instantiate(candidate, asset=_asset(), suppress_exceptions=True)
    if plugin is not None:
        return None
    lines = [ln for ln in captured.getvalue().splitlines() if ln.strip()]
    detail = lines[-1].split(" - ")[-1].strip() if lines else ""
    detail = detail.replace(candidate, redact(url))
    return "apprise cannot use this URL" + (f" ({detail[:200]})" if detail else " (unknown scheme or missing parts)")


def blank(text: str, secrets: tuple[str, ...]) -> str:
    """``text`` in one line with every secret value (and any URL's user and password) blanked."""
    for secret in sorted(secrets, key=len, reverse=True):
        if len(secret) >= 3:
            text = text.replace(secret, "***")
    text = re.sub(r"(\w+://)[^/\s@]*@", r"\1***@", text)
    return " ".join(text.split())[:300]


def send(url: str, message: Sendable, secrets: tuple[str, ...] = ()) -> str | None:
    """Send ``message`` to one apprise URL. Returns None once the target took it, else the error
    (one line, secrets blanked). E-mail gets the HTML body (and apprise's text part); other
    services the plain text."""
    import apprise
    from apprise.plugins.email import NotifyEmail

    with _quiet():
        plugin = apprise.Apprise.instantiate(url, asset=_asset(), suppress_exceptions=True)
        if plugin is None:
            return "apprise cannot use this URL"
        html = isinstance(plugin, NotifyEmail)
        notifier = apprise.Apprise(asset=_asset())
        notifier.add(plugin)
        try:
            result = notifier.notify(title=message.title, body=message.html if html else message.text,
                                     body_format=apprise.NotifyFormat.HTML if html else apprise.NotifyFormat.TEXT)
        except Exception as exc:  # a plugin that raises is one failed delivery, never a failed run
            return blank(f"{type(exc).__name__}: {exc}", (*secrets, url))
    if result:
        return None
    messages = [e.message for e in result.logs() if e.level in ("WARNING", "ERROR", "CRITICAL")] \
        if hasattr(result, "logs") else []
    return blank(messages[-1] if messages else "the service did not take the message", (*secrets, url))
