"""Polite HTTP to a web archive: one request at a time, a minimum gap between any two, and
Retry-After / exponential back-off on refusals, with a clean stop when refusals go on.

The Internet Archive allows about 60 requests a minute per address and blocks an address that
ignores its 429s for an hour (doubling each time), so a refusal is never retried right away and
a service that keeps refusing ends the run instead of being hammered.
"""

from __future__ import annotations

import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from orewire.http import retry_after_seconds

REFUSAL_STATUSES = (429, 503)
DEFAULT_INTERVAL = 2.5
# The clock and the sleep of every pacer not given its own, looked up when the pacer is made
# (tests put a fake clock here, so pacing is checked without waiting for it).
CLOCK: Callable[[], float] = time.monotonic
SLEEP: Callable[[float], None] = time.sleep


class ServiceRefused(RuntimeError):
    """The service kept refusing (429/503 or no connection) ``tries`` times in a row."""

    def __init__(self, service: str, status: int | str, tries: int, detail: str = ""):
        self.service = service
        self.status = status
        self.tries = tries
        self.detail = detail
        super().__init__(f"{service} keeps refusing ({status}) — stopped after {tries} tries; resume later"
                         + (f" ({detail})" if detail else ""))


class Pacer:
    """At most one request per ``interval`` seconds, whatever thread asks; :meth:`defer` holds
    every request back further (after a Retry-After)."""

    def __init__(self, interval: float, clock: Callable[[], float] | None = None,
                 sleep: Callable[[float], None] | None = None):
        self.interval = max(0.0, float(interval))
        self._clock = clock or CLOCK
        self._sleep = sleep or SLEEP
        self._next_at = 0.0
        self._lock = threading.Lock()

    def wait(self) -> None:
        """Block until the next request may go out, and claim that slot."""
        with self._lock:
            now = self._clock()
            if now < self._next_at:
                self._sleep(self._next_at - now)
                now = self._clock()
            self._next_at = now + self.interval

    def defer(self, seconds: float) -> None:
        """No request before ``seconds`` from now (nor before the usual interval)."""
        with self._lock:
            self._next_at = max(self._next_at, self._clock() + max(0.0, seconds))


@dataclass
class Answer:
    """One HTTP answer: status, headers in order, the body as sent (not decoded)."""

    url: str
    status: int
    reason: str
    headers: list[tuple[str, str]]
    body: bytes
    requested_at: datetime
    request_headers: list[tuple[str, str]] = field(default_factory=list)
    final_url: str = ""

    def header(self, name: str) -> str | None:
        lname = name.lower()
        return next((v for k, v in self.headers if k.lower() == lname), None)


# (url, status or error text, seconds waited next) for every refused attempt
RefusalHook = Callable[[str, int | str, float, datetime], None]


class PoliteClient:
    """GET with pacing, Retry-After and back-off. Refusals (429/503, network errors) are
    retried after a pause; ``max_refusals`` in a row raise :class:`ServiceRefused`. Other
    statuses (404, 410, 500, ...) are returned as answers."""

    def __init__(self, service: str, user_agent: str, *, interval: float = DEFAULT_INTERVAL,
                 max_refusals: int = 6, backoff: float = 5.0, max_wait: float = 300.0, timeout: float = 60.0,
                 on_refusal: RefusalHook | None = None, pacer: Pacer | None = None,
                 sleep: Callable[[float], None] | None = None):
        self.service = service
        self.user_agent = user_agent
        self.pacer = pacer or Pacer(interval, sleep=sleep)
        self.max_refusals = max(1, max_refusals)
        self.backoff = backoff
        self.max_wait = max_wait
        self.timeout = timeout
        self.on_refusal = on_refusal
        self.requests = 0
        self.refusals = 0
        # Direct connections only: an environment proxy must not reroute archive traffic.
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def _request(self, url: str) -> urllib.request.Request:
        return urllib.request.Request(url, headers={"User-Agent": self.user_agent, "Accept-Encoding": "identity"})

    def _pause_for(self, refusals: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return retry_after
        return self.backoff * 2 ** (refusals - 1)

    def _refused(self, url: str, status: int | str, refusals: int, retry_after: float | None, detail: str) -> None:
        self.refusals += 1
        pause = self._pause_for(refusals, retry_after)
        if self.on_refusal:
            self.on_refusal(url, status, pause, datetime.now(UTC))
        if refusals >= self.max_refusals:
            raise ServiceRefused(self.service, status, refusals, detail)
        if pause > self.max_wait:
            raise ServiceRefused(self.service, status, refusals, f"asked to wait {pause:.0f} s")
        self.pacer.defer(pause)

    def open(self, url: str) -> Any:
        """Open ``url`` and return the live response (a stream the caller closes)."""
        refusals = 0
        while True:
            self.pacer.wait()
            self.requests += 1
            try:
                return self._opener.open(self._request(url), timeout=self.timeout)
            except urllib.error.HTTPError as exc:
                if exc.code not in REFUSAL_STATUSES:
                    return exc  # an HTTPError is a response too: .status, .headers, .read()
                refusals += 1
                retry = retry_after_seconds(exc.headers.get("Retry-After") if exc.headers else None)
                exc.close()
                self._refused(url, exc.code, refusals, retry, f"HTTP {exc.code}")
            except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
                refusals += 1
                reason = getattr(exc, "reason", exc)
                self._refused(url, f"{type(exc).__name__}: {reason}"[:200], refusals, None, str(reason)[:200])

    def get(self, url: str) -> Answer:
        """The whole answer of ``url``; raises :class:`ServiceRefused` after the refusals in a row."""
        requested_at = datetime.now(UTC)
        resp = self.open(url)
        try:
            status = int(getattr(resp, "status", None) or resp.getcode())
            body = resp.read()
            headers = list(resp.headers.items()) if resp.headers else []
            reason = str(getattr(resp, "reason", "") or "")
            final_url = resp.geturl() if hasattr(resp, "geturl") else url
        finally:
            resp.close()
        return Answer(url=url, status=status, reason=reason, headers=headers, body=body,
                      requested_at=requested_at, final_url=final_url or url,
                      request_headers=[("User-Agent", self.user_agent), ("Accept-Encoding", "identity")])
