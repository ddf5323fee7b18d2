"""One settings object, read from the environment: every ``OREWIRE_*`` variable and its default is
here and nowhere else (``orewire status --show-settings`` prints the effective values).

Every path defaults to a folder inside the project (relative to the working directory), so
nothing orewire or its libraries write ends up in the user's home folder.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from orewire import __version__

DEFAULT_CONTACT_URL = "https://github.com/orewire/orewire"


class SettingsError(ValueError):
    """An environment variable orewire cannot read: names the variable and the value."""


@dataclass(frozen=True)
class Setting:
    """One ``OREWIRE_*`` variable: the field it fills, its parser and what it means."""

    env: str
    field: str
    parse: Callable[[str], Any]
    help: str


@dataclass(frozen=True)
class WaybackTuning:
    """How politely the Wayback Machine's CDX API is asked (``OREWIRE_WAYBACK_*``)."""

    interval: float = 2.5
    max_refusals: int = 6
    backoff: float = 5.0
    max_wait: float = 300.0
    capture_lag_days: int = 92
    page_size: int = 1000


@dataclass(frozen=True)
class Settings:
    """Runtime configuration; build it with :func:`get_settings`."""

    warehouse: Path = Path("warehouse/orewire.duckdb")
    lake: str | None = None              # a DuckLake catalog given as OREWIRE_WAREHOUSE (ducklake:postgres:...)
    lake_data: str | None = None         # where the lake's data files go: a folder or an s3:// prefix
    archive: Path = Path("warehouse/raw")
    archive_url: str | None = None       # s3://bucket/prefix: the archive on a store, `archive` its outbox
    archive_local: Path | None = None    # the outbox folder, when set (OREWIRE_ARCHIVE_LOCAL)
    sources: Path = Path("sources.toml")
    state_dir: Path = Path(".state")
    wayback_url: str = "https://web.archive.org"
    ccnews_url: str = "https://data.commoncrawl.org"
    contact_url: str = DEFAULT_CONTACT_URL
    dask_address: str | None = None
    lock_timeout: float = 600.0
    sql_timeout: float = 60.0            # seconds a statement of `orewire sql` may run; 0: no limit
    sql_memory: str | None = None        # DuckDB memory limit for `orewire sql`: a size or "25%" of RAM
    page_budget: float = 30.0            # seconds one page may take in a worker; 0: no budget
    prefect_startup: float = 90.0        # seconds allowed to a temporary Prefect server to start
    crawler_fork: bool = True            # crawlers forked from one pre-imported process (orewire.launch)
    server_port: int = 4200              # port of the Prefect server `orewire serve` starts
    web_token: str | None = None         # token `orewire web` asks of every request
    ccnews_interval: float = 1.0         # seconds between requests to Common Crawl
    wayback: WaybackTuning = field(default_factory=WaybackTuning)
    facts_real: Path | None = None       # the real labelled article set (development only)
    watchlists: Path = Path("watchlists.toml")  # the watches whose matches become alerts
    web_url: str | None = None           # base address of `orewire web` for the links in alerts
    alert_tries: int = 3                 # tries of one alert delivery within a run
    alert_backoff: float = 5.0           # seconds before a delivery's second try, doubling after
    alert_give_up_hours: float = 72.0    # hours after which an undeliverable alert is failed
    digest_schedule: str = "0 6 * * *"   # cron string (UTC) of the daily digest deployment
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def user_agent(self) -> str:
        return f"orewire/{__version__} (mining news archive; +{self.contact_url})"

    @property
    def prefect_home(self) -> Path:
        """``PREFECT_HOME`` when it is set explicitly, else the project's state folder."""
        explicit = os.environ.get("PREFECT_HOME")
        return Path(explicit) if explicit else self.state_dir / "prefect"

    @property
    def scrapy_state(self) -> Path:
        return self.state_dir / "scrapy"

    @property
    def extension_dir(self) -> Path:
        return self.state_dir / "duckdb-extensions"

    def with_overrides(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]

    def apply_environment(self) -> None:
        """Point Prefect, Scrapy and DuckDB state at the project's state folder (or at an explicit
        ``PREFECT_HOME``, database included).

        Must run before ``prefect`` is imported: Prefect reads its settings at import time.
        """
        self.state_dir.mkdir(parents=True, exist_ok=True)
        home = str(self.prefect_home.resolve())
        os.environ.setdefault("PREFECT_HOME", home)
        os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
        os.environ.setdefault("PREFECT_SERVER_LOGGING_LEVEL", "WARNING")
        os.environ.setdefault("PREFECT_API_DATABASE_CONNECTION_URL",
                              f"sqlite+aiosqlite:///{home}/prefect.db")
        os.environ.setdefault("PREFECT_LOCAL_STORAGE_PATH", f"{home}/storage")
        os.environ.setdefault("PREFECT_RESULTS_PERSIST_BY_DEFAULT", "false")
        # Leases of concurrency slots (one crawl per source) in files: a restarted server keeps them.
        os.environ.setdefault("PREFECT_SERVER_CONCURRENCY_LEASE_STORAGE",
                              "prefect.server.concurrency.lease_storage.filesystem")
        os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "spiders.settings")
        os.environ.setdefault("XDG_CACHE_HOME", str((self.state_dir / "cache").resolve()))
        os.environ.setdefault("DASK_TEMPORARY_DIRECTORY", str((self.state_dir / "dask").resolve()))

    def effective(self) -> list[tuple[str, str, str]]:
        """(variable, value, "set" or "default") for every setting, for ``--show-settings``."""
        out = []
        for s in SETTINGS:
            value = _get_path(self, s.field)
            origin = "set" if os.environ.get(s.env) else "default"
            if s.env in ("OREWIRE_SOURCES", "OREWIRE_WATCHLISTS") and origin == "default":
                origin = "default (found)"
            if s.env == "OREWIRE_ARCHIVE" and self.archive_url:
                value = self.archive_url
            shown = "(hidden)" if s.env == "OREWIRE_WEB_TOKEN" and value else ("" if value is None else str(value))
            if s.env == "OREWIRE_WAREHOUSE":  # a lake's catalog string may hold a password
                shown = re.sub(r"(password\s*=\s*)\S+", r"\1(hidden)", shown, flags=re.IGNORECASE)
            out.append((s.env, shown, origin))
        out.append(("PREFECT_HOME", str(self.prefect_home), "set" if os.environ.get("PREFECT_HOME") else "default"))
        return out


def _get_path(obj: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        obj = getattr(obj, part)
    return obj


def _url(value: str) -> str:
    return value.rstrip("/")


def _flag(value: str) -> bool:
    text = value.strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise ValueError("must be true or false")


def _seconds(value: str) -> float:
    number = float(value)
    if number < 0:
        raise ValueError("must not be negative")
    return number


def _count(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError("must be 1 or more")
    return number


def _lake_data(value: str) -> str:
    text = value.strip()
    return text if "://" in text else str(Path(text).resolve())


LAKE_PREFIX = "ducklake:"


def _archive(value: str) -> Path | str:
    """A folder, or an object store's URL (s3://bucket/prefix, kept as written but for a last slash)."""
    if "://" not in value:
        return Path(value)
    scheme, _, rest = value.partition("://")
    if scheme != "s3":
        raise ValueError(f"an archive on an object store is s3://bucket/prefix (not {scheme}://)")
    if not rest.split("/", 1)[0] or "?" in rest or "#" in rest:
        raise ValueError("s3://bucket/prefix: a bucket, then an optional prefix")
    return value.rstrip("/")


def _cron(value: str) -> str:
    from croniter import croniter

    if not croniter.is_valid(value):
        raise ValueError("not a cron string (e.g. 0 6 * * *)")
    return value


SETTINGS: tuple[Setting, ...] = (
    Setting("OREWIRE_WAREHOUSE", "warehouse", Path,
            "the DuckDB warehouse file, or a DuckLake catalog: ducklake:postgres:dbname=... host=... port=..."),
    Setting("OREWIRE_LAKE_DATA", "lake_data", _lake_data, "the lake's data files: a folder or an s3:// prefix"),
    Setting("OREWIRE_ARCHIVE", "archive", _archive, "the raw WARC archive: a folder, or s3://bucket/prefix"),
    Setting("OREWIRE_ARCHIVE_LOCAL", "archive_local", Path,
            "with an s3:// archive, the local outbox of files not yet sent (default .state/archive/BUCKET/PREFIX)"),
    Setting("OREWIRE_SOURCES", "sources", Path, "the sources registry"),
    Setting("OREWIRE_STATE", "state_dir", Path, "tool state: Prefect, Scrapy, DuckDB extensions"),
    Setting("OREWIRE_WAYBACK_URL", "wayback_url", _url, "Wayback Machine base address"),
    Setting("OREWIRE_CCNEWS_URL", "ccnews_url", _url, "Common Crawl data base address"),
    Setting("OREWIRE_CONTACT_URL", "contact_url", str, "contact address in the User-Agent"),
    Setting("OREWIRE_DASK_ADDRESS", "dask_address", str, "Dask scheduler for processing"),
    Setting("OREWIRE_LOCK_TIMEOUT", "lock_timeout", _seconds, "seconds to wait for the warehouse writer lock"),
    Setting("OREWIRE_SQL_TIMEOUT", "sql_timeout", _seconds, "seconds a statement of orewire sql may run (0: none)"),
    Setting("OREWIRE_SQL_MEMORY", "sql_memory", str, "memory limit of orewire sql: a size (2GB) or a share (25%)"),
    Setting("OREWIRE_PAGE_BUDGET", "page_budget", _seconds, "seconds one page may take in a worker (0: none)"),
    Setting("OREWIRE_PREFECT_STARTUP", "prefect_startup", _seconds, "start-up allowance of a temporary Prefect server"),
    Setting("OREWIRE_CRAWLER_FORK", "crawler_fork", _flag,
            "fork crawlers from one process that has imported Scrapy (false: a new process each)"),
    Setting("OREWIRE_SERVER_PORT", "server_port", int, "port of the Prefect server orewire serve starts"),
    Setting("OREWIRE_WEB_TOKEN", "web_token", str, "token orewire web asks of every request"),
    Setting("OREWIRE_CCNEWS_INTERVAL", "ccnews_interval", _seconds, "seconds between Common Crawl requests"),
    Setting("OREWIRE_WAYBACK_INTERVAL", "wayback.interval", _seconds, "seconds between Wayback requests"),
    Setting("OREWIRE_WAYBACK_MAX_REFUSALS", "wayback.max_refusals", int, "Wayback refusals before giving up"),
    Setting("OREWIRE_WAYBACK_BACKOFF", "wayback.backoff", _seconds, "first back-off after a Wayback refusal"),
    Setting("OREWIRE_WAYBACK_MAX_WAIT", "wayback.max_wait", _seconds, "longest Wayback back-off"),
    Setting("OREWIRE_WAYBACK_CAPTURE_LAG_DAYS", "wayback.capture_lag_days", int,
            "days after publication a Wayback capture still counts"),
    Setting("OREWIRE_WAYBACK_PAGE_SIZE", "wayback.page_size", int, "rows per Wayback CDX page"),
    Setting("OREWIRE_FACTS_REAL", "facts_real", Path, "the real labelled article set (development)"),
    Setting("OREWIRE_WATCHLISTS", "watchlists", Path, "the watchlist file"),
    Setting("OREWIRE_WEB_URL", "web_url", _url, "base address of orewire web for links in alerts"),
    Setting("OREWIRE_ALERT_TRIES", "alert_tries", _count, "tries of one alert delivery within a run"),
    Setting("OREWIRE_ALERT_BACKOFF", "alert_backoff", _seconds, "seconds before a delivery's second try (doubling)"),
    Setting("OREWIRE_ALERT_GIVE_UP_HOURS", "alert_give_up_hours", _seconds, "hours before an undeliverable alert fails"),
    Setting("OREWIRE_DIGEST_SCHEDULE", "digest_schedule", _cron, "cron string (UTC) of the daily digest"),
)


def _sources_path() -> Path:
    """``sources.toml`` here; else the project's own registry (beside the package's checkout), so
    single-file commands such as ``orewire clean`` work from any folder."""
    here = Path("sources.toml")
    if here.exists():
        return here
    project = Path(__file__).resolve().parents[2] / "sources.toml"
    return project if project.exists() else here


def _watchlists_path() -> Path:
    """``watchlists.toml`` here; else the project's own (beside the registry of the checkout)."""
    here = Path("watchlists.toml")
    if here.exists():
        return here
    project = Path(__file__).resolve().parents[2] / "watchlists.toml"
    return project if project.exists() else here


def get_settings() -> Settings:
    """The settings from the ``OREWIRE_*`` environment variables, with project defaults.

    Raises :class:`SettingsError` naming the variable when a value cannot be read."""
    values: dict[str, Any] = {"sources": _sources_path(), "watchlists": _watchlists_path()}
    wayback: dict[str, Any] = {}
    for s in SETTINGS:
        raw = os.environ.get(s.env)
        if not raw:
            continue
        try:
            value = s.parse(raw)
        except ValueError as exc:
            raise SettingsError(f"{s.env}={raw!r}: {exc} ({s.help})") from None
        if s.env == "OREWIRE_WAREHOUSE" and raw.strip().startswith(LAKE_PREFIX):
            values["lake"] = raw.strip()  # kept as written: a libpq string is no path
        if s.field.startswith("wayback."):
            wayback[s.field.split(".", 1)[1]] = value
        else:
            values[s.field] = value
    if wayback:
        values["wayback"] = WaybackTuning(**wayback)
    if isinstance(values.get("archive"), str):
        url = values["archive"]
        values["archive_url"] = url
        values["archive"] = values.get("archive_local") or (
            Path(values.get("state_dir") or Settings.state_dir) / "archive" / url.split("://", 1)[1])
    if values.get("lake") and not values.get("lake_data"):
        raise SettingsError(f"OREWIRE_WAREHOUSE={values['lake']!r} is a DuckLake catalog: OREWIRE_LAKE_DATA must "
                            "name where its data files go (a folder, or an s3:// prefix)")
    known = {f.name for f in fields(Settings)}
    return Settings(**{k: v for k, v in values.items() if k in known})
