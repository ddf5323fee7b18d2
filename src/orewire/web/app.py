"""The Starlette application behind ``orewire web``: routes, access control, response headers.

Every page is server-rendered HTML with a stable address (its filters are its query string), so
it reads, prints and shares without JavaScript; charts are inline SVG. Page handlers are plain
functions, run in Starlette's thread pool, each with its own read-only connection.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import ipaddress
import itertools
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode
from zoneinfo import ZoneInfo

import duckdb
import jinja2
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from orewire import __version__
from orewire.alerts import freshness, health
from orewire.archive.store import Archive
from orewire.facts.model import entity_id as make_entity_id
from orewire.settings import Settings
from orewire.sources import RegistryError, load_registry
from orewire.warehouse.db import WarehouseError
from orewire.web import alerts, archived, charts, exports, markup, store

HERE = Path(__file__).resolve().parent
TOKEN_COOKIE = "orewire_web_token"
APP_POLICY = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
              "frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


# ---------------------------------------------------------------------------------------------
# addresses: one place that builds every link


def article_href(article_id: str) -> str:
    return "/article/" + quote(article_id, safe=":@")


def entity_href(entity_id: str) -> str:
    return "/entity/" + quote(entity_id, safe=":@")


def archived_href(article_id: str, version: int | None = None) -> str:
    return "/archived/" + quote(article_id, safe=":@") + (f"?version={version}" if version else "")


def _query(**params: Any) -> str:
    return urlencode({k: v for k, v in params.items() if v not in (None, "")})


# ---------------------------------------------------------------------------------------------
# formatting helpers for the templates


def _fmt_time(value: datetime | None, tz: str = "UTC") -> str:
    if value is None:
        return ""
    try:
        zone = ZoneInfo(tz)
    except (KeyError, ValueError):
        zone = ZoneInfo("UTC")
    local = value.astimezone(zone)
    offset = local.strftime("%z")
    return f"{local:%Y-%m-%d %H:%M} {offset[:3]}:{offset[3:]}" if offset else f"{local:%Y-%m-%d %H:%M}"


def _fmt_duration(seconds: float | None) -> str:
    if seconds is None:
        return ""
    seconds = float(seconds)
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 5400:
        return f"{seconds / 60:.0f} min"
    if seconds < 172800:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} days"


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(article_href=article_href, entity_href=entity_href, archived_href=archived_href,
                       version=__version__, number=markup.number, fact_label=markup.fact_label,
                       duration=_fmt_duration, entity_id=make_entity_id, kinds=store.ENTITY_KINDS, fact_types=store.FACT_TYPES,
                       event_kinds=store.EVENT_KINDS, all_events=store.ALL_EVENTS, event_label=markup.event_label,
                       event_value=markup.event_value, event_qualifier=markup.event_qualifier)
    env.filters["when"] = _fmt_time
    env.filters["day"] = lambda v: v.astimezone(UTC).strftime("%Y-%m-%d") if v else ""
    return env


# ---------------------------------------------------------------------------------------------
# access control and headers


def is_loopback(host: str) -> bool:
    """True for a loopback address (127.0.0.0/8, ::1) or the name localhost."""
    host = host.strip().strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _host_name(header: str) -> str:
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class Guard(BaseHTTPMiddleware):
    """Token check (when the app was given one), Host check on loopback, and response headers.

    With a token, a request must carry it: ``Authorization: Bearer TOKEN``, the cookie this
    middleware sets, or ``?token=TOKEN`` once (answered with the cookie and a redirect to the same
    address without it, so the token does not stay in the address bar or the history); a feed
    (``/watch/NAME.atom``) takes ``?token=TOKEN`` as it is, since a feed reader keeps no cookie. Bound to
    loopback, requests naming another host are refused, so a web page elsewhere cannot reach the
    app through a name that resolves to 127.0.0.1.
    """

    def __init__(self, app: Any, token: str | None, loopback_only: bool) -> None:
        super().__init__(app)
        self.token = token
        self.loopback_only = loopback_only

    def _token_ok(self, request: Request) -> bool:
        assert self.token is not None
        offered = [request.cookies.get(TOKEN_COOKIE, "")]
        auth = request.headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            offered.append(auth[7:].strip())
        return any(o and hmac.compare_digest(o.encode(), self.token.encode()) for o in offered)

    def _signed_resource(self, request: Request) -> bool:
        """An archived page's image or style sheet, at the signed address the page was given: a
        sandboxed page has no origin, so its requests carry no cookie."""
        assert self.token is not None
        if request.url.path != archived.RESOURCE_PATH:
            return False
        q = request.query_params
        expected = resource_signature(self.token, q.get("article", ""), q.get("url", ""))
        return hmac.compare_digest(q.get("sig", "").encode(), expected.encode())

    async def dispatch(self, request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if self.loopback_only and not is_loopback(_host_name(request.headers.get("host", ""))):
            return PlainTextResponse("This address only answers to a loopback host name.", status_code=421)
        if self.token is not None and not self._token_ok(request) and not self._signed_resource(request):
            given = request.query_params.get("token", "")
            if given and request.url.path.endswith(".atom") and hmac.compare_digest(given.encode(),
                                                                                   self.token.encode()):
                return _headers(await call_next(request))
            if given and hmac.compare_digest(given.encode(), self.token.encode()):
                rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
                target = request.url.path + ("?" + urlencode(rest) if rest else "")
                response: Response = RedirectResponse(target, status_code=303)
                response.set_cookie(TOKEN_COOKIE, self.token, httponly=True, samesite="strict",
                                    secure=request.url.scheme == "https")
                return _headers(response)
            return _headers(PlainTextResponse(
                "A token is required: open the address `orewire web` printed (it ends with ?token=...).",
                status_code=401, headers={"WWW-Authenticate": "Bearer"}))
        return _headers(await call_next(request))


def resource_signature(token: str, article_id: str, url: str) -> str:
    return hmac.new(token.encode(), f"{article_id}\n{url}".encode(), hashlib.sha256).hexdigest()[:32]


def _headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", APP_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
    return response


# ---------------------------------------------------------------------------------------------
# the application


class WebView:
    """The pages, bound to one warehouse and archive."""

    def __init__(self, settings: Settings, token: str | None = None) -> None:
        self.settings = settings
        self.archive = Archive(settings.archive, settings.archive_url)  # records read by range on a store
        self.token = token
        self.readers = store.Readers(settings)
        self.templates = Jinja2Templates(env=_environment())
        try:
            registry = load_registry(settings.sources)
            self.zones = {s.name: s.timezone for s in registry}
        except (RegistryError, OSError):
            self.zones = {}
        self._choices: tuple[float, float, dict[str, Any]] | None = None

    # -- helpers -------------------------------------------------------------------------------
    def page(self, request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
        context.setdefault("zones", self.zones)
        context.setdefault("warehouse", self.settings.warehouse.name)
        return self.templates.TemplateResponse(request, name, context, status_code=status)

    def problem(self, request: Request, status: int, title: str, detail: str) -> Response:
        return self.page(request, "problem.html", {"title": title, "detail": detail}, status)

    def choices(self, conn: duckdb.DuckDBPyConnection) -> dict[str, Any]:
        """The filter forms' choices, kept a minute while the warehouse file is unchanged."""
        try:
            mtime = self.settings.warehouse.stat().st_mtime
        except OSError:
            mtime = 0.0
        now = time.monotonic()
        if self._choices and self._choices[1] == mtime and now - self._choices[0] < 60:
            return self._choices[2]
        value = store.choices(conn)
        self._choices = (now, mtime, value)
        return value

    def read(self, request: Request, work: Callable[[duckdb.DuckDBPyConnection], Response]) -> Response:
        try:
            with self.readers.connection() as conn:
                return work(conn)
        except WarehouseError as exc:
            return self.problem(request, 503, "No warehouse to read", str(exc))
        except duckdb.Error as exc:
            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            return self.problem(request, 500, "The warehouse could not answer", first)

    # -- pages ---------------------------------------------------------------------------------
    def overview(self, request: Request) -> Response:
        def work(conn: duckdb.DuckDBPyConnection) -> Response:
            now = datetime.now(UTC)
            data = store.overview(conn, now)
            start, end = data["daily_range"]
            return self.page(request, "overview.html", {
                "data": data, "lags": freshness.lags(conn, now), "lag_days": freshness.WINDOW_DAYS,
                "health": health.latest_flags(conn),
                "daily_chart": charts.daily_bars(data["daily"], start, end, link="/search?sort=date"),
                "commodity_chart": charts.month_lines(data["monthly"], link="/search?sort=date"),
            })
        return self.read(request, work)

    def search(self, request: Request) -> Response:
        f = store.Filters.parse(request.query_params)

        def work(conn: duckdb.DuckDBPyConnection) -> Response:
            rows, total = store.search(conn, f)
            words = markup.query_words(f.q)
            page_words = sorted({w.lower() for r in rows for w in markup.WORD.findall(
                (r.get("title") or "") + " " + (r.get("text") or ""))} | set(words))
            stem = store.stems(conn, page_words)
            wanted = {stem.get(w, w) for w in words}

            def matches(word: str) -> bool:
                return stem.get(word, word) in wanted

            for r in rows:
                r["title_html"] = markup.mark_words(r.get("title") or "(no title)", matches) if words else None
                r["snippet"] = markup.snippet(r.get("text") or "", matches)
            return self.page(request, "search.html", {
                "f": f, "rows": rows, "total": total, "pages": _pages(total, store.PAGE_SIZE, f.page),
                "choices": self.choices(conn), "fts": store.use_fts(conn),
            })
        return self.read(request, work)

    def article(self, request: Request) -> Response:
        article_id = request.path_params["article_id"]

        def work(conn: duckdb.DuckDBPyConnection) -> Response:
            row = store.article(conn, article_id)
            if row is None:
                return self.problem(request, 404, "No such article", f"There is no article {article_id!r}.")
            spans = markup.spans_for(row, entity_href)
            body = markup.highlight(row.get("text") or "", spans)
            texts = [*row["versions"], {"version": row["version"], "text": row.get("text")}]
            for older, newer in itertools.pairwise(texts):
                older["changes"] = markup.word_diff(older.get("text") or "", newer.get("text") or "")
            entities: dict[str, dict[str, Any]] = {}
            for m in row["mentions"]:
                e = entities.setdefault(m["entity_id"], {"entity_id": m["entity_id"], "kind": m["kind"],
                                                         "name": m["name"], "count": 0})
                e["count"] += 1
            return self.page(request, "article.html", {
                "a": row, "body": body, "entities": sorted(entities.values(), key=lambda e: (e["kind"], e["name"])),
                "tz": self.zones.get(row["source"], "UTC"),
            })
        return self.read(request, work)

    def entity(self, request: Request) -> Response:
        entity_id = request.path_params["entity_id"]

        def work(conn: duckdb.DuckDBPyConnection) -> Response:
            row = store.entity(conn, entity_id)
            if row is None:
                return self.problem(request, 404, "No such entity", f"There is no entity {entity_id!r}.")
            related: dict[str, list[dict[str, Any]]] = {}
            for r in row["related"]:
                related.setdefault(r["kind"], []).append(r)
            return self.page(request, "entity.html", {
                "e": row, "related": related, "production": _production_charts(row),
                "events_rows": store.ENTITY_EVENT_ROWS, "events_query": _query(entity=entity_id, type=store.ALL_EVENTS),
                "timeline": charts.timeline(row["facts"], article_href, f"Facts about {row['name']} over time"),
                "months": charts.month_bars(row["monthly"], f"Articles per month mentioning {row['name']}"),
                "facts_query": _query(entity=entity_id), "articles_read": store.ENTITY_ARTICLES_READ,
                "facts_rows": store.ENTITY_FACT_ROWS,
                "search_query": _query(**{row["kind"]: entity_id.split(":", 1)[1]}, sort="date")
                if row["kind"] in ("commodity", "country", "company") else _query(q=row["name"], sort="date"),
            })
        return self.read(request, work)

    def facts(self, request: Request) -> Response:
        f = store.Filters.parse(request.query_params)

        def work(conn: duckdb.DuckDBPyConnection) -> Response:
            rows, total = store.facts(conn, f)
            ent = store.entity_row(conn, f.entity) if f.entity else None
            return self.page(request, "facts.html", {
                "f": f, "rows": rows, "total": total, "pages": _pages(total, store.FACTS_PAGE_SIZE, f.page),
                "choices": self.choices(conn), "entity": ent,
            })
        return self.read(request, work)

    def export(self, request: Request) -> Response:
        """Every row of a list (search results, facts or events), streamed (see ``exports``)."""
        fmt = request.path_params["fmt"]
        what = request.url.path.strip("/").split(".", 1)[0]
        if fmt not in exports.ENCODERS:
            return self.problem(request, 404, "Unknown export format", "Exports are .csv, .json or .parquet.")
        f = store.Filters.parse(request.query_params)
        encoder = exports.ENCODERS[fmt]()
        try:
            export = exports.Export(self.readers, lambda conn: store.export_plan(conn, f, what), encoder)
            total = export.open()
        except WarehouseError as exc:
            return self.problem(request, 503, "No warehouse to read", str(exc))
        except duckdb.Error as exc:
            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            return self.problem(request, 500, "The warehouse could not answer", first)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        name = "events" if what == "facts" and f.events else what
        return StreamingResponse(iter(export), media_type=encoder.media_type, headers={
            "Content-Disposition": f'attachment; filename="orewire-{name}-{stamp}.{fmt}"',
            "X-Row-Count": str(total), "Cache-Control": "no-store"})

    def alerts_page(self, request: Request) -> Response:
        """Recent alerts: their watch, article, state and attempts (filters: watch, state)."""
        watch = request.query_params.get("watch", "")
        state = request.query_params.get("state", "")

        def work(conn: duckdb.DuckDBPyConnection) -> Response:
            rows = alerts.page_rows(conn, watch=watch, state=state)
            for r in rows:
                r["parts"] = alerts.marked(r.get("sentence"), r.get("mark_start"), r.get("mark_end"))
            return self.page(request, "alerts.html", {
                "rows": rows, "watch": watch, "state": state, "states": alerts.STATES, "limit": alerts.PAGE_ALERTS,
                "watches": alerts.watch_names(conn, self.settings.watchlists), "feed_href": alerts.feed_href,
            })
        return self.read(request, work)

    def watch_feed(self, request: Request) -> Response:
        """A watch's alerts as an Atom 1.0 feed."""
        name = request.path_params["name"]

        def work(conn: duckdb.DuckDBPyConnection) -> Response:
            if not alerts.valid_watch_name(name) or name not in alerts.watch_names(conn, self.settings.watchlists):
                return PlainTextResponse(f"There is no watch {name!r}.", status_code=404)
            rows = alerts.page_rows(conn, watch=name, state=None, limit=alerts.FEED_ENTRIES)
            base = (self.settings.web_url or str(request.base_url)).rstrip("/")
            body = alerts.atom_feed(name, rows, base=base, self_href=alerts.feed_href(name),
                                    article_href=article_href, now=datetime.now(UTC))
            return Response(body, media_type=alerts.ATOM_TYPE, headers={"Cache-Control": "no-cache"})
        return self.read(request, work)

    # -- the archived page ---------------------------------------------------------------------
    def local_address(self, article_id: str) -> archived.Addresser:
        """Maps a page's resource URL to the archive's address for it (signed when a token is set)."""
        def address(url: str) -> str:
            sig = resource_signature(self.token, article_id, url) if self.token else ""
            return archived.resource_address(article_id, url, sig)
        return address

    def _record(self, conn: duckdb.DuckDBPyConnection, request: Request,
                article_id: str) -> tuple[dict[str, Any] | None, archived.Record | None, str]:
        raw_version = request.query_params.get("version", "")
        version = int(raw_version) if raw_version.isdigit() else None
        loc = store.archived_location(conn, article_id, version)
        if loc is None:
            return None, None, "The warehouse has no archived record for this article (or version)."
        try:
            return loc, archived.read_record(self.archive, loc["warc_file"], loc["warc_offset"]), ""
        except (ValueError, OSError) as exc:
            return loc, None, f"The archive could not give this record back: {exc}"

    def archived_view(self, request: Request) -> Response:
        article_id = request.path_params["article_id"]

        def work(conn: duckdb.DuckDBPyConnection) -> Response:
            row = store.article(conn, article_id)
            if row is None:
                return self.problem(request, 404, "No such article", f"There is no article {article_id!r}.")
            loc, record, problem = self._record(conn, request, article_id)
            query = _query(article=article_id, version=loc["version"] if loc and request.query_params.get("version")
                           else None)
            return self.page(request, "archived.html", {
                "a": row, "loc": loc, "record": record, "problem": problem,
                "frame_src": f"/archived-page?{query}", "source_src": f"/archived-source?{query}",
                "tz": self.zones.get(row["source"], "UTC"),
            }, 200 if record else 404)
        return self.read(request, work)

    def archived_page(self, request: Request) -> Response:
        article_id = request.query_params.get("article", "")

        def work(conn: duckdb.DuckDBPyConnection) -> Response:
            _loc, record, problem = self._record(conn, request, article_id)
            policy = archived.page_policy(_origin(request))
            if record is None:
                return PlainTextResponse(problem, status_code=404, headers={"Content-Security-Policy": policy})
            if not record.is_html:
                return PlainTextResponse(
                    f"The archived response is {record.content_type}, not a page; see its source.",
                    headers={"Content-Security-Policy": policy})
            body = archived.render_page(record, record.response.url, self.local_address(article_id))
            return Response(body, media_type="text/html; charset=utf-8", headers={
                "Content-Security-Policy": policy, "Cache-Control": "no-store"})
        return self.read(request, work)

    def archived_source(self, request: Request) -> Response:
        article_id = request.query_params.get("article", "")

        def work(conn: duckdb.DuckDBPyConnection) -> Response:
            _, record, problem = self._record(conn, request, article_id)
            if record is None:
                return PlainTextResponse(problem, status_code=404)
            return Response(record.response.body, media_type="text/plain; charset=utf-8", headers={
                "Content-Security-Policy": archived.RESOURCE_POLICY})
        return self.read(request, work)

    def archived_resource(self, request: Request) -> Response:
        article_id = request.query_params.get("article", "")
        url = request.query_params.get("url", "")

        def work(conn: duckdb.DuckDBPyConnection) -> Response:
            # Asked for by a sandboxed page, whose origin is opaque: a cross-origin request.
            headers = {"Content-Security-Policy": archived.RESOURCE_POLICY, "Cache-Control": "private, max-age=3600",
                       "Cross-Origin-Resource-Policy": "cross-origin"}
            loc = store.resource_location(conn, url) if url else None
            if loc is None:
                return PlainTextResponse("not in the archive", status_code=404, headers=headers)
            try:
                record = archived.read_record(self.archive, loc["warc_file"], loc["warc_offset"])
            except (ValueError, OSError):
                return PlainTextResponse("not readable from the archive", status_code=404, headers=headers)
            found = archived.resource_body(record, record.response.url, self.local_address(article_id))
            if found is None:
                return PlainTextResponse("not an image, font or style sheet", status_code=404, headers=headers)
            return Response(found[0], media_type=found[1], headers=headers)
        return self.read(request, work)


ORIGIN_HOST = re.compile(r"^[A-Za-z0-9.\-]+(:[0-9]{1,5})?$|^\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?$")


def _origin(request: Request) -> str | None:
    """This app's origin as the request named it, for a policy; None when the Host header is not
    a plain host and port (it must not add words to the policy)."""
    netloc = request.url.netloc
    return f"{request.url.scheme}://{netloc}" if ORIGIN_HOST.match(netloc) else None


def _production_charts(entity: dict[str, Any]) -> list[Markup]:
    """The entity's production by year: one chart per unit, one line per commodity (and per subject
    when the entity is the party of another's production); each point is a year's latest reported
    actual figure and links to the event that reported it."""
    series: dict[tuple[Any, ...], dict[str, Any]] = {}
    for r in entity.get("production", []):
        key = (r["of_id"], r["commodity"], r["unit"])
        name = r["commodity"] or "unnamed commodity"
        if r["of_id"]:
            name += f" ({r['of_name'] or r['of_id']})"
        s = series.setdefault(key, {"name": name, "unit": r["unit"], "points": []})
        reported = r["published_at"].astimezone(UTC).strftime("%Y-%m-%d") if r["published_at"] else "undated"
        others = f", the latest of {r['reports']} reports" if r["reports"] > 1 else ""
        tip = f"{name}, {r['period']}: {markup.number(r['quantity'])} {r['unit']} (reported {reported}{others})"
        s["points"].append((int(r["period"]), float(r["quantity"]), tip,
                            f"{article_href(r['article_id'])}#event-{r['event_id']}"))
    units = list(dict.fromkeys(s["unit"] for s in series.values()))
    return [charts.year_lines([s for s in series.values() if s["unit"] == unit],
                              f"Production of {entity['name']} by year, in {unit}") for unit in units]


def _pages(total: int, size: int, page: int) -> dict[str, Any]:
    last = max(1, (total + size - 1) // size)
    return {"page": page, "last": last, "prev": page - 1 if page > 1 else None,
            "next": page + 1 if page < last else None, "first_row": (page - 1) * size + 1,
            "last_row": min(total, page * size)}


def create_app(settings: Settings, *, token: str | None = None, loopback_only: bool = False) -> Starlette:
    """The web view of ``settings``' warehouse and archive.

    ``token``: required of every request when given. ``loopback_only``: refuse requests whose Host
    is not a loopback name (set when serving on loopback without a token).
    """
    view = WebView(settings, token)
    routes = [
        Route("/", view.overview, name="overview"),
        Route("/search", view.search, name="search"),
        Route("/search.{fmt}", view.export, name="search_export"),
        Route("/facts", view.facts, name="facts"),
        Route("/facts.{fmt}", view.export, name="facts_export"),
        Route("/alerts", view.alerts_page, name="alerts"),
        Route("/watch/{name}.atom", view.watch_feed, name="watch_feed"),
        Route("/article/{article_id:path}", view.article, name="article"),
        Route("/entity/{entity_id:path}", view.entity, name="entity"),
        Route("/archived/{article_id:path}", view.archived_view, name="archived"),
        Route("/archived-page", view.archived_page, name="archived_page"),
        Route("/archived-source", view.archived_source, name="archived_source"),
        Route(archived.RESOURCE_PATH, view.archived_resource, name="archived_resource"),
        Mount("/static", app=StaticFiles(directory=HERE / "static"), name="static"),
    ]
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            view.readers.close()

    return Starlette(routes=routes, middleware=[Middleware(Guard, token=token, loopback_only=loopback_only)],
                     lifespan=lifespan)
