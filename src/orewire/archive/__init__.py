"""The raw archive: WARC files (the system of record) and per-crawl fetch manifests."""

from orewire.archive.manifest import (
    KINDS,
    MANIFEST_FIELDS,
    ArchivedArticle,
    CrawlIndex,
    ManifestWriter,
    Validators,
    list_manifests,
    manifest_path,
    read_manifest,
)
from orewire.archive.warc import (
    ArchivedResponse,
    ArchiveLocation,
    WarcWriter,
    is_record_start,
    iter_responses,
    list_warc_files,
    read_response,
    recover_open_files,
)

__all__ = [
    "KINDS",
    "MANIFEST_FIELDS",
    "ArchiveLocation",
    "ArchivedArticle",
    "ArchivedResponse",
    "CrawlIndex",
    "ManifestWriter",
    "Validators",
    "WarcWriter",
    "is_record_start",
    "iter_responses",
    "list_manifests",
    "list_warc_files",
    "manifest_path",
    "read_manifest",
    "read_response",
    "recover_open_files",
]
