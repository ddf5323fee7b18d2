"""The ``orewire`` command line (typer + rich).

Every command reads the settings from the environment (see README); errors a user can act on
are one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import csv
import json
import os
import re
import secrets
import sys
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from orewire.alerts.commands import alerts_command, digest_command, watch_app
from orewire.alerts.watchlists import AlertsError
from orewire.controls import escape_controls, spreadsheet_text
from orewire.settings import Settings, SettingsError, get_settings
from orewire.sources import RegistryError, load_registry

app = typer.Typer(
    name="orewire",
    help="Mining-news pipeline: crawl, archive raw WARC, clean, extract facts, load DuckDB.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, soft_wrap=True)

EXIT_REFUSED = 2


class UserError(Exception):
    """Printed as one line, exit code ``code``."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def _safe(value: Any, *, breaks: bool = False) -> Text:
    """A value as plain text for a terminal: never read as Rich markup, and its control characters
    (an escape sequence in a crawled title) written as ``\\xNN``, never sent to the terminal."""
    return Text(escape_controls("" if value is None else str(value), breaks=breaks))


def _plain(text: str) -> None:
    """Print text as it is: data (titles, texts, messages) is never read as Rich markup, and its
    control characters are escaped."""
    console.print(_safe(text), highlight=False)


def _settings() -> Settings:
    settings = get_settings()
    settings.apply_environment()
    return settings


def _json_default(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (set, tuple)):
        return list(value)
    if isinstance(value, Path):
        return str(value)
    return str(value)


_JSON_CONTROL = re.compile("[\x7f-\x9f]")


def _json_text(data: Any, **options: Any) -> str:
    """JSON with every control character as a ``\\u`` escape: json escapes C0 itself, DEL and C1
    (``U+009B`` opens a terminal sequence) are escaped here; the data reads back the same."""
    text = json.dumps(data, ensure_ascii=False, default=_json_default, **options)
    return _JSON_CONTROL.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def _print_json(data: Any) -> None:
    sys.stdout.write(_json_text(data, indent=2) + "\n")


def _parse_date(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UserError(f"--{name}: not a date (YYYY-MM-DD): {value!r}", EXIT_REFUSED) from None


def _published_date(value: str | None) -> datetime | None:
    """--published: an ISO date at the start of the value, or only its year or year and month, as
    ``facts.events.periods.publication_date`` reads it (a year alone is its last day)."""
    if value is None:
        return None
    from orewire.facts.events.periods import publication_date

    when = publication_date(value)
    if when is None:
        raise UserError(f"--published: not a date (YYYY-MM-DD, YYYY-MM or YYYY): {value!r}", EXIT_REFUSED)
    return when


# ---------------------------------------------------------------------------------------------
# pipeline commands


@app.command()
def run(
    source: Annotated[list[str] | None, typer.Option("--source", "-s", help="Source name (repeatable); default all.")] = None,
    base_url: Annotated[list[str] | None, typer.Option(
        help="Re-root the sources' URLs on this origin: URL for all, or NAME=URL (repeatable).")] = None,
    refetch: Annotated[bool, typer.Option(help="Fetch article pages again even if archived.")] = False,
    workers: Annotated[int, typer.Option(help="Worker processes for cleaning and extraction (0: auto).")] = 0,
) -> None:
    """One scheduled cycle: crawl the sources' feeds and listings, archive, clean, extract, load."""
    settings = _settings()
    registry = load_registry(settings.sources)
    names = [s.name for s in registry.select(source)]
    from flows.commands import parse_base_urls, run_daily

    try:
        parse_base_urls(base_url, names)
    except ValueError as exc:
        raise UserError(str(exc), EXIT_REFUSED) from None
    summary = run_daily(names, settings=settings, base_url=base_url, refetch=refetch, workers=workers or None)
    raise typer.Exit(0 if summary.ok else 1)


@app.command()
def crawl(
    source: Annotated[str, typer.Argument(help="Source name from sources.toml.")],
    base_url: Annotated[str | None, typer.Option(help="Re-root every URL of the source on this origin.")] = None,
    refetch: Annotated[bool, typer.Option(help="Fetch article pages again even if archived.")] = False,
) -> None:
    """Crawl one source into the raw archive only (no cleaning or loading)."""
    settings = _settings()
    load_registry(settings.sources)[source]
    from orewire.crawl import crawl_source

    result = crawl_source(source, settings=settings, base_url=base_url, refetch=refetch, progress=True)
    _plain(
        f"{source}: fetched {result.fetched}, new articles {result.articles_new}, "
        f"not modified {result.not_modified}, errors {result.errors}; manifest {result.manifest}"
    )
    note = result.left_note()
    if note:
        _plain(f"{source}: {note}")
    if not result.ok:
        raise UserError(f"{source}: {result.error}")


@app.command()
def backfill(
    source: Annotated[str, typer.Argument(help="Source name from sources.toml.")],
    since: Annotated[str, typer.Option(help="First publication date, YYYY-MM-DD.")],
    until: Annotated[str, typer.Option(help="Last publication date, YYYY-MM-DD (inclusive).")],
    via: Annotated[str, typer.Option(help="site | wayback | ccnews")] = "site",
    base_url: Annotated[str | None, typer.Option(help="Re-root the source's URLs (site backfill).")] = None,
    dask_address: Annotated[str | None, typer.Option(help="Dask scheduler address for processing.")] = None,
    workers: Annotated[int, typer.Option(help="Worker processes for cleaning and extraction (0: auto).")] = 0,
) -> None:
    """Historical articles of one source published in a date range."""
    settings = _settings()
    load_registry(settings.sources)[source]
    start, end = _parse_date(since, "since"), _parse_date(until, "until")
    assert start is not None and end is not None
    if end < start:
        raise UserError("--until is before --since", EXIT_REFUSED)
    if via not in ("site", "wayback", "ccnews"):
        raise UserError(f"--via must be site, wayback or ccnews, not {via!r}", EXIT_REFUSED)
    from flows.commands import run_backfill

    summary = run_backfill(source, start, end, via=via, settings=settings, base_url=base_url,
                           dask_address=dask_address, workers=workers or None)
    raise typer.Exit(0 if summary.ok else 1)


@app.command()
def reprocess(
    source: Annotated[list[str] | None, typer.Option("--source", "-s", help="Source name (repeatable).")] = None,
    since: Annotated[str | None, typer.Option(help="Only records fetched/published on or after this date.")] = None,
    until: Annotated[str | None, typer.Option(help="Only records up to this date (inclusive).")] = None,
    workers: Annotated[int, typer.Option(help="Worker processes for cleaning and extraction.")] = 0,
    stale: Annotated[bool, typer.Option(
        "--stale", help="Only re-extract the facts and events of articles extracted by another extractor version, "
                        "from the text the warehouse holds (no re-cleaning).")] = False,
) -> None:
    """Re-clean and re-extract from the raw archive, with no network."""
    settings = _settings()
    registry = load_registry(settings.sources)
    names = [s.name for s in registry.select(source)]
    if stale:
        from orewire.facts import EXTRACTOR_VERSION
        from orewire.stages import reextract_stale
        from orewire.warehouse.db import writer

        with writer(settings) as conn:
            articles, facts, events = reextract_stale(conn, sources=names)
        console.print(f"re-extracted {articles} articles with {EXTRACTOR_VERSION}: {facts} facts, {events} events",
                      markup=False)
        raise typer.Exit(0)
    from flows.commands import run_reprocess

    summary = run_reprocess(names, since=_parse_date(since, "since"), until=_parse_date(until, "until"),
                            settings=settings, workers=workers or None)
    raise typer.Exit(0 if summary.ok else 1)


@app.command()
def rebuild(
    workers: Annotated[int, typer.Option(help="Worker processes for cleaning and extraction.")] = 0,
) -> None:
    """Recreate the warehouse from the raw archive alone (the old file is kept as a backup)."""
    settings = _settings()
    from flows.commands import run_rebuild

    summary = run_rebuild(settings=settings, workers=workers or None)
    raise typer.Exit(0 if summary.ok else 1)


@app.command("import-warc")
def import_warc(
    paths: Annotated[list[Path], typer.Argument(help="WARC files (.warc or .warc.gz).")],
    host: Annotated[list[str] | None, typer.Option("--host", help="Keep only these hosts (repeatable).")] = None,
    since: Annotated[str | None, typer.Option(help="Only articles published on or after this date.")] = None,
    until: Annotated[str | None, typer.Option(help="Only articles published up to this date.")] = None,
    dask_address: Annotated[str | None, typer.Option(help="Dask scheduler address for processing.")] = None,
) -> None:
    """Ingest existing WARC files (CC-NEWS or any crawler's), routed to the sources owning their hosts."""
    settings = _settings()
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise UserError(f"no such file: {missing[0]}", EXIT_REFUSED)
    from flows.commands import run_import

    summary = run_import(paths, hosts=host, since=_parse_date(since, "since"), until=_parse_date(until, "until"),
                         settings=settings, dask_address=dask_address)
    raise typer.Exit(0 if summary.ok else 1)


@app.command()
def serve(
    port: Annotated[int | None, typer.Option(help="Port of the loopback Prefect server (default 4200).")] = None,
    pool: Annotated[str | None, typer.Option(
        help="Register the deployments on this Prefect process work pool (made if missing) for "
             "`orewire worker --pool NAME` to run, instead of serving them here.")] = None,
) -> None:
    """Run the schedules: a Prefect deployment per source with its cron, plus backfill and reprocess.

    Uses PREFECT_API_URL when set; otherwise starts a Prefect server on 127.0.0.1. With --pool and
    PREFECT_API_URL it registers the deployments and returns; with --pool alone it keeps its
    server up for the workers until interrupted."""
    settings = _settings()
    load_registry(settings.sources)
    from flows.serve import serve_all

    try:
        serve_all(settings, port=port, pool=pool)
    except RuntimeError as exc:
        raise UserError(str(exc)) from None
    # Stopped cleanly (server down, schedules released): leave now rather than wait on the
    # interpreter's teardown of Prefect's background threads, which can race a late signal.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


@app.command()
def worker(
    pool: Annotated[str, typer.Option(help="The Prefect process work pool to take flow runs from.")],
    name: Annotated[str | None, typer.Option(help="The worker's name (default: Prefect's, unique).")] = None,
    limit: Annotated[int | None, typer.Option(help="Flow runs at once on this worker (default: no limit).")] = None,
) -> None:
    """Run the flow runs of a work pool's deployments (`orewire serve --pool NAME`), each in a process.

    Reports to PREFECT_API_URL, else to the server of a running `orewire serve` of this project."""
    settings = _settings()
    load_registry(settings.sources)
    from orewire.prefect_api import configured_api, serve_server

    api = configured_api() or serve_server(settings)
    if not api:
        raise UserError("no Prefect server to take runs from: set PREFECT_API_URL to the server of "
                        "`orewire serve --pool NAME` (or run that here first)")
    if limit is not None and limit < 1:
        raise UserError("--limit must be 1 or more", EXIT_REFUSED)
    from flows.pools import PoolError, run_worker

    try:
        # (no emoji codes either: the printer runs inside the stop signal's handler, and rich reads its emoji table
        # on first use — a handler that lands while the main thread is still importing that table fails the import)
        run_worker(settings, pool, api, name=name, limit=limit,
                   printer=lambda *a, **k: err.print(*a, **k, markup=False, highlight=False, emoji=False))
    except PoolError as exc:
        raise UserError(str(exc)) from None
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


@app.command()
def status(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    show_settings: Annotated[bool, typer.Option(
        "--show-settings", help="Print every setting's effective value and whether it was set or is the default.")] = False,
) -> None:
    """Last runs per source, their counts and errors, articles in the warehouse."""
    settings = _settings()
    if show_settings:
        rows = settings.effective()
        if as_json:
            _print_json({name: {"value": value, "origin": origin} for name, value, origin in rows})
        else:
            width = max(len(name) for name, _v, _o in rows)
            for name, value, origin in rows:
                console.print(_safe(f"{name:<{width}}  {value}  ({origin})"), soft_wrap=True)
        return
    from orewire.status import collect_status, render_status

    data = collect_status(settings)
    if as_json:
        _print_json(data)
    else:
        render_status(data, console)


# ---------------------------------------------------------------------------------------------
# warehouse commands


# The table format shows at most this many rows (a table is laid out once its rows are known);
# csv and json stream every row.
TABLE_ROWS = 10_000


def _csv_cell(v: Any) -> Any:
    return _json_default(v) if v is not None and not isinstance(v, (int, float, str)) else v


def _csv_escaped(value: Any) -> Any:
    """A CSV value with its control characters written as ``\\xNN`` (CSV has no escape of its
    own for them; newlines and tabs stay, quoted as CSV quotes them)."""
    return escape_controls(value) if isinstance(value, str) else value


def _csv_value(value: Any, spreadsheet: bool) -> Any:
    cell = _csv_escaped(_csv_cell(value))
    return spreadsheet_text(cell) if spreadsheet and isinstance(value, str) else cell


def _render(columns: list[str], batches: Iterable[list[tuple[Any, ...]]], fmt: str, spreadsheet: bool = False) -> None:
    """Print rows as they come: csv and json row by row, the table once (up to TABLE_ROWS).
    ``spreadsheet``: csv text cells that begin like a formula get a leading quote."""
    out = sys.stdout
    if fmt == "json":
        out.write("[")
        first = True
        for batch in batches:
            for row in batch:
                item = _json_text(dict(zip(columns, row, strict=False)))
                out.write(("\n  " if first else ",\n  ") + item)
                first = False
        out.write("\n]\n" if not first else "]\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")  # as the DuckDB CLI writes CSV
        writer.writerow([escape_controls(c) for c in columns])
        for batch in batches:
            writer.writerows([[_csv_value(v, spreadsheet) for v in row] for row in batch])
    else:
        table = Table(show_lines=False)
        for col in columns:
            table.add_column(_safe(col), overflow="fold")
        shown, more = 0, False
        for batch in batches:
            for row in batch:
                if shown == TABLE_ROWS:
                    more = True
                    break
                table.add_row(*[_safe(v) for v in row])
                shown += 1
            if more:
                break
        console.print(table)
        err.print(Text(f"first {shown} rows shown; --format csv or json prints them all" if more
                       else f"{shown} row(s)"))


def _run_sql(query: str, fmt: str, settings: Settings, timeout: float | None = None,
             memory_limit: int | None = None, spreadsheet: bool = False) -> None:
    from orewire.warehouse import SqlFailed, SqlRefused, SqlStopped, stream_query

    try:
        with stream_query(query, settings, timeout=timeout, memory_limit=memory_limit) as stream:
            _render(stream.columns, stream.batches, fmt, spreadsheet)
    except SqlRefused as exc:
        raise UserError(str(exc), EXIT_REFUSED) from None
    except SqlStopped as exc:
        raise UserError(str(exc), 1) from None
    except SqlFailed as exc:
        raise UserError(f"SQL error: {exc}", 1) from None


@app.command()
def sql(
    query: Annotated[str | None, typer.Argument(help="SQL to run; omit for a prompt (or pipe SQL on stdin).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table | csv | json")] = "table",
    timeout: Annotated[float | None, typer.Option(
        help="Stop a statement after this many seconds (0: no limit). Default OREWIRE_SQL_TIMEOUT or 60.")] = None,
    memory_limit: Annotated[str | None, typer.Option(
        help="DuckDB memory limit: a size (4GB, 500MB) or a share of RAM (25%). Default OREWIRE_SQL_MEMORY "
             "or 25%.")] = None,
    spreadsheet: Annotated[bool, typer.Option(
        "--spreadsheet", help="With --format csv: text that begins like a formula (= + - @, a tab) gets a "
                              "leading ' so a spreadsheet shows it and runs nothing. Off: the values as stored, "
                              "for other programs.")] = False,
) -> None:
    """Ad-hoc SQL on a read-only connection (writes, ATTACH, extensions and file access refused)."""
    settings = _settings()
    if fmt not in ("table", "csv", "json"):
        raise UserError(f"--format must be table, csv or json, not {fmt!r}", EXIT_REFUSED)
    if timeout is not None and timeout < 0:
        raise UserError("--timeout must be 0 (no limit) or more seconds", EXIT_REFUSED)
    if spreadsheet and fmt != "csv":
        raise UserError("--spreadsheet goes with --format csv", EXIT_REFUSED)
    from orewire.warehouse.query import parse_memory

    try:
        memory = parse_memory(memory_limit)
    except ValueError as exc:
        raise UserError(f"--memory-limit: {exc}", EXIT_REFUSED) from None
    limits: dict[str, Any] = {"timeout": timeout, "memory_limit": memory, "spreadsheet": spreadsheet}
    if query is not None:
        _run_sql(query, fmt, settings, **limits)
        return
    if not sys.stdin.isatty():
        text = sys.stdin.read()
        if text.strip():
            _run_sql(text, fmt, settings, **limits)
        return
    err.print("orewire sql (read-only). End a statement with ';'. Ctrl-D to leave.")
    buffer = ""
    while True:
        try:
            line = input("orewire> " if not buffer else "     ...> ")
        except EOFError:
            break
        buffer += line + "\n"
        if buffer.strip().endswith(";"):
            try:
                _run_sql(buffer, fmt, settings, **limits)
            except UserError as exc:
                err.print(Text(escape_controls(str(exc)), style="red"))
            buffer = ""


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to look for in titles and texts.")],
    limit: Annotated[int, typer.Option(help="How many articles.")] = 20,
) -> None:
    """Full-text search over articles (BM25 with DuckDB's FTS extension; substring fallback)."""
    settings = _settings()
    from orewire.warehouse import reader
    from orewire.warehouse import search as do_search

    conn = reader(settings)
    try:
        rows = do_search(conn, query, limit)
    finally:
        conn.close()
    _render(["article_id", "title", "score"], [[(a, t, round(s, 3)) for a, t, s in rows]], "table")


@app.command()
def web(
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8765,
    host: Annotated[str, typer.Option(help="Address to bind; anything but loopback requires a token.")] = "127.0.0.1",
    token: Annotated[str | None, typer.Option(
        help="Token required of every request (default: a random one when --host is not loopback; "
             "or OREWIRE_WEB_TOKEN).")] = None,
) -> None:
    """Read-only web view for analysts: overview, search, articles, entities, facts, archived pages."""
    settings = _settings()
    from orewire.warehouse.db import exists as warehouse_exists
    from orewire.web import address, is_loopback, serve

    token = token or settings.web_token
    if not is_loopback(host) and not token:
        token = secrets.token_urlsafe(24)
    if not warehouse_exists(settings):
        raise UserError(f"no warehouse at {settings.warehouse} yet: run `orewire run` (or set OREWIRE_WAREHOUSE)")
    err.print(f"orewire web: {settings.warehouse} (read-only), archive {settings.archive_url or settings.archive}", highlight=False)
    print(f"Open {address(host, port, token)}", flush=True)
    try:
        serve(settings, host=host, port=port, token=token)
    except OSError as exc:
        raise UserError(f"cannot listen on {host}:{port}: {exc}") from None


@app.command()
def migrate(
    to: Annotated[str | None, typer.Option(
        "--to", help="Copy the warehouse file into this DuckLake catalog (ducklake:postgres:dbname=... host=...) "
                     "and check the rows of every table.")] = None,
    lake_data: Annotated[str | None, typer.Option(
        help="With --to: the lake's data files, a folder or an s3:// prefix (default OREWIRE_LAKE_DATA).")] = None,
) -> None:
    """Create the warehouse (file or lake) or upgrade it to the newest schema; or copy a file into a lake."""
    settings = _settings()
    from orewire.warehouse import migrate as do_migrate

    if to is not None:
        from orewire.warehouse.lake import copy_to_lake

        copied = copy_to_lake(settings, to, lake_data)
        table = Table("table", "file rows", "lake rows", "")
        for c in copied:
            table.add_row(c.table, str(c.file_rows), str(c.lake_rows), "ok" if c.ok else "DIFFERS")
        console.print(table)
        bad = [c.table for c in copied if not c.ok]
        if bad:
            raise UserError(f"the lake's rows differ from the file's in {', '.join(bad)}")
        _plain(f"copied {len(copied)} tables, {sum(c.lake_rows for c in copied)} rows, into the lake")
        return
    applied = do_migrate(settings)
    _plain(f"{settings.warehouse}: applied migrations {applied}" if applied
           else f"{settings.warehouse}: schema is up to date")


# ---------------------------------------------------------------------------------------------
# single-document stages


def _read_input(file: Path, what: str) -> bytes:
    """The bytes of a file given on the command line; a problem is one line, not a traceback."""
    if file.is_dir():
        raise UserError(f"{file} is a directory: give {what}", EXIT_REFUSED)
    if not file.exists():
        raise UserError(f"no such file: {file}", EXIT_REFUSED)
    try:
        return file.read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read {file}: {exc.strerror or exc}", EXIT_REFUSED) from None


@app.command()
def clean(
    file: Annotated[Path, typer.Argument(help="An HTML file.")],
    url: Annotated[str | None, typer.Option(help="The page's URL (chooses the source's rules).")] = None,
    source: Annotated[str | None, typer.Option(help="Source name, when the URL does not tell.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the record as JSON.")] = False,
) -> None:
    """Cleaning stage on one page: the article record (title, author, published_at, text, ...)."""
    # No state folder is needed (and none is made in the current folder): this works anywhere.
    settings = get_settings()
    body = _read_input(file, "an HTML file")
    from urllib.parse import urlsplit

    from orewire.clean import Article, clean_response

    registry = load_registry(settings.sources)
    src = registry[source] if source else (registry.for_host(urlsplit(url).hostname or "") if url else None)
    record = clean_response(url or file.resolve().as_uri(), body, source=src)
    if isinstance(record, Article):
        data = record.to_dict()
    else:
        data = {"url": record.url, "not_article": record.reason, "detail": record.detail}
    if as_json:
        _print_json(data)
    else:
        for key, value in data.items():
            if key != "text":
                console.print(Text.assemble((key, "bold"), f": {escape_controls(str(value), breaks=True)}"))
        if "text" in data:
            console.print()
            _plain(str(data["text"]))
    if not isinstance(record, Article):
        raise typer.Exit(1)


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="A text file (an article's body).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the extractor contract JSON.")] = False,
    published: Annotated[str | None, typer.Option(
        help="The article's publication date (YYYY-MM-DD, or a full ISO time): resolves \"this year\" "
             "and picks the exchange-rate month.")] = None,
    url: Annotated[str | None, typer.Option(
        help="The article's address: an Australian, Canadian or New Zealand outlet's bare \"$\" is its "
             "country's dollar.")] = None,
) -> None:
    """Fact stage on one text: entities, facts and events in the extractor contract."""
    at = _published_date(published)
    text = _read_input(file, "a text file").decode("utf-8", errors="replace")
    from orewire.facts import extract as do_extract

    result = do_extract(text, published_at=at, url=url).to_contract()
    if as_json:
        _print_json(result)
        return
    for entity in result.get("entities", []):
        console.print(Text.assemble((str(entity["kind"]), "bold"), " " + escape_controls(str(entity["name"]), breaks=True)))
    for fact in result.get("facts", []):
        console.print(Text.assemble((str(fact["type"]), "bold"), " " + escape_controls(", ".join(
            f"{k}={v}" for k, v in fact.items() if k not in ("type", "sentence", "start", "end")), breaks=True)))
    for event in result.get("events", []):
        console.print(Text.assemble(("event " + str(event["kind"]), "bold"), " " + escape_controls(", ".join(
            f"{k}={v}" for k, v in event.items() if v is not None and k not in (
                "kind", "sentence", "start", "end", "sentence_start", "sentence_end", "extractor_version")),
            breaks=True)))


@app.command()
def sources(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Check the source registry and list its sources."""
    settings = _settings()
    registry = load_registry(settings.sources)
    if as_json:
        _print_json([{"name": s.name, "title": s.title, "hosts": s.all_hosts, "schedule": s.schedule,
                      "feeds": s.feeds, "sitemaps": s.sitemaps, "sections": s.sections} for s in registry])
        return
    table = Table("source", "title", "hosts", "schedule", "feeds", "sitemaps", "sections")
    for s in registry:
        table.add_row(*(Text(c) for c in (s.name, s.title, ", ".join(s.all_hosts), s.schedule,
                                          str(len(s.feeds)), str(len(s.sitemaps)), str(len(s.sections)))))
    console.print(table)


# Watchlists and alerts: `orewire watch ...`, `orewire alerts`, `orewire digest` (orewire.alerts.commands).
app.add_typer(watch_app, name="watch")
app.command("alerts")(alerts_command)
app.command("digest")(digest_command)


def main() -> None:
    """Entry point: run the app, turning known errors into one line and an exit code.

    Usage errors (unknown option or command) are click's: a usage line and exit code 2.
    """
    import duckdb

    from orewire import stopping
    from orewire.prefect_api import PrefectUnavailable
    from orewire.warehouse.db import WarehouseError, damage

    stopping.install()
    try:
        app()
    except UserError as exc:
        err.print(_safe(f"orewire: {exc}"), highlight=False)
        sys.exit(exc.code)
    except (RegistryError, WarehouseError, PrefectUnavailable, SettingsError, AlertsError) as exc:
        err.print(_safe(f"orewire: {exc}"), highlight=False)
        sys.exit(EXIT_REFUSED if isinstance(exc, (RegistryError, SettingsError, AlertsError)) else 1)
    except duckdb.Error as exc:
        # A read that found the file damaged (or any other database error): one line, never a traceback.
        path = get_settings().warehouse
        problem = damage(path, exc) or f"warehouse {path}: {str(exc).strip().splitlines()[0] if str(exc).strip() else exc}"
        err.print(_safe(f"orewire: {problem}"), highlight=False)
        sys.exit(1)
