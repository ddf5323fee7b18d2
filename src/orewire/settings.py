"""One settings object, read from the environment.

Every path defaults to a folder inside the project (relative to the working directory), so
nothing orewire or its libraries write ends up in the user's home folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from orewire import __version__

DEFAULT_CONTACT_URL = "https://github.com/orewire/orewire"


def _path(name: str, default: str) -> Path:
    return Path(os.environ.get(name) or default)


@dataclass(frozen=True)
class Settings:
    """Runtime configuration; build it with :func:`get_settings`."""

    warehouse: Path = Path("warehouse/orewire.duckdb")
    archive: Path = Path("warehouse/raw")
    sources: Path = Path("sources.toml")
    state_dir: Path = Path(".state")
    wayback_url: str = "https://web.archive.org"
    ccnews_url: str = "https://data.commoncrawl.org"
    contact_url: str = DEFAULT_CONTACT_URL
    dask_address: str | None = None
    lock_timeout: float = 600.0
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def user_agent(self) -> str:
        return f"orewire/{__version__} (mining news archive; +{self.contact_url})"

    @property
    def prefect_home(self) -> Path:
        return self.state_dir / "prefect"

    @property
    def scrapy_state(self) -> Path:
        return self.state_dir / "scrapy"

    @property
    def extension_dir(self) -> Path:
        return self.state_dir / "duckdb-extensions"

    def with_overrides(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]

    def apply_environment(self) -> None:
        """Point Prefect, Scrapy and DuckDB state at the project's state folder.

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
        os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "spiders.settings")
        os.environ.setdefault("XDG_CACHE_HOME", str((self.state_dir / "cache").resolve()))
        os.environ.setdefault("DASK_TEMPORARY_DIRECTORY", str((self.state_dir / "dask").resolve()))


def _sources_path() -> Path:
    """``OREWIRE_SOURCES``; else ``sources.toml`` here; else the project's own registry (beside the
    package's checkout), so single-file commands such as ``orewire clean`` work from any folder."""
    if os.environ.get("OREWIRE_SOURCES"):
        return Path(os.environ["OREWIRE_SOURCES"])
    here = Path("sources.toml")
    if here.exists():
        return here
    project = Path(__file__).resolve().parents[2] / "sources.toml"
    return project if project.exists() else here


def get_settings() -> Settings:
    """Return the settings from ``OREWIRE_*`` environment variables (with project defaults)."""
    return Settings(
        warehouse=_path("OREWIRE_WAREHOUSE", "warehouse/orewire.duckdb"),
        archive=_path("OREWIRE_ARCHIVE", "warehouse/raw"),
        sources=_sources_path(),
        state_dir=_path("OREWIRE_STATE", ".state"),
        wayback_url=(os.environ.get("OREWIRE_WAYBACK_URL") or "https://web.archive.org").rstrip("/"),
        ccnews_url=(os.environ.get("OREWIRE_CCNEWS_URL") or "https://data.commoncrawl.org").rstrip("/"),
        contact_url=os.environ.get("OREWIRE_CONTACT_URL") or DEFAULT_CONTACT_URL,
        dask_address=os.environ.get("OREWIRE_DASK_ADDRESS") or None,
        lock_timeout=float(os.environ.get("OREWIRE_LOCK_TIMEOUT") or 600),
    )
