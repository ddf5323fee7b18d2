"""Historical articles from web archives and foreign WARC files.

- :mod:`~orewire.webarchive.wayback`: Internet Archive CDX discovery and raw (``id_``) captures.
- :mod:`~orewire.webarchive.ccnews`: Common Crawl's CC-NEWS monthly WARC lists, files streamed.
- :mod:`~orewire.webarchive.importer`: one pass over any WARC stream, keeping the records of
  registry sources and re-archiving them with their provenance; the per-file unit of work, whose
  rows come back as Parquet parts for the single writer.
- :mod:`~orewire.webarchive.pacing`: paced, Retry-After-honouring HTTP with a clean stop.
"""

from orewire.webarchive.ccnews import (
    Listing,
    ccnews_listing,
    files_for_range,
    list_files,
    months,
    open_remote,
)
from orewire.webarchive.importer import (
    FileResult,
    ImportJob,
    Part,
    ScanCounts,
    ScanResult,
    iter_part_batches,
    read_part,
    remove_parts,
    run_job,
    scan_warc,
    sweep_stale_parts,
)
from orewire.webarchive.pacing import Answer, Pacer, PoliteClient, ServiceRefused, retry_after_seconds
from orewire.webarchive.wayback import (
    Capture,
    WaybackBackfill,
    WaybackOptions,
    WaybackResult,
    archived_captures,
    cdx_query,
    parse_cdx_json,
    wayback_backfill,
)

__all__ = [
    "Answer",
    "Capture",
    "FileResult",
    "ImportJob",
    "Listing",
    "Pacer",
    "Part",
    "PoliteClient",
    "ScanCounts",
    "ScanResult",
    "ServiceRefused",
    "WaybackBackfill",
    "WaybackOptions",
    "WaybackResult",
    "archived_captures",
    "ccnews_listing",
    "cdx_query",
    "files_for_range",
    "iter_part_batches",
    "list_files",
    "months",
    "open_remote",
    "parse_cdx_json",
    "read_part",
    "remove_parts",
    "retry_after_seconds",
    "run_job",
    "scan_warc",
    "sweep_stale_parts",
    "wayback_backfill",
]
