"""Crawl one source in this process: ``python -m spiders.run --source NAME --run-id ID ...``.

Used by :func:`orewire.crawl.crawl_source`, which starts it as a subprocess (a Twisted reactor
runs once per process). Progress lines and the final summary are JSON objects on stdout, one a
line: ``{"progress": {...}}`` and ``{"summary": {...}}``.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings as ScrapySettings

from orewire.settings import get_settings
from orewire.sources import load_registry
from spiders.generic import SourceSpider
from spiders.runtime import RunContext
from spiders.trend import TrendSpider

SPIDERS: dict[str, type[SourceSpider]] = {"generic": SourceSpider, "trend": TrendSpider}


def scrapy_settings(ctx: RunContext, user_agent: str, log_file: Path | None,
                    concurrency: int | None = None) -> ScrapySettings:
    """Scrapy settings for one run: the project defaults plus the source's politeness."""
    settings = ScrapySettings()
    settings.setmodule("spiders.settings", priority="project")
    pol = ctx.source.politeness
    per_host = concurrency or (pol.concurrency if ctx.politeness else 16)
    overrides: dict[str, Any] = {
        "USER_AGENT": user_agent,
        "DOWNLOAD_MAXSIZE": pol.max_bytes,
        "DOWNLOAD_TIMEOUT": pol.timeout,
        "OREWIRE_BACKOFF_BASE": pol.retry_backoff,
        "CONCURRENT_REQUESTS_PER_DOMAIN": per_host,
        "CONCURRENT_REQUESTS": max(16, per_host),
    }
    if ctx.politeness:
        overrides.update(
            DOWNLOAD_DELAY=pol.download_delay,
            AUTOTHROTTLE_ENABLED=True,
            AUTOTHROTTLE_START_DELAY=max(pol.download_delay, 0.1),
            AUTOTHROTTLE_TARGET_CONCURRENCY=pol.autothrottle_target,
        )
    else:
        overrides.update(DOWNLOAD_DELAY=0, AUTOTHROTTLE_ENABLED=False, DOWNLOAD_DELAY_JITTER=0)
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        overrides.update(LOG_FILE=str(log_file), LOG_FILE_APPEND=False)
    settings.setdict(overrides, priority="cmdline")
    return settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m spiders.run", description=__doc__)
    parser.add_argument("--source", required=True)
    parser.add_argument("--run-id", required=True)
    parser.add_argument("--base-url")
    parser.add_argument("--mode", choices=("daily", "feeds", "backfill", "urls"), default="daily")
    parser.add_argument("--since", type=date.fromisoformat)
    parser.add_argument("--until", type=date.fromisoformat)
    parser.add_argument("--url", action="append", default=[])
    parser.add_argument("--refetch", action="store_true")
    parser.add_argument("--no-politeness", action="store_true")
    parser.add_argument("--concurrency", type=int)
    parser.add_argument("--progress", action="store_true")
    args = parser.parse_args(argv)

    settings = get_settings()
    settings.apply_environment()
    source = load_registry(settings.sources)[args.source]
    ctx = RunContext(
        source=source, archive_root=settings.archive, run_id=args.run_id, base_url=args.base_url,
        mode="urls" if args.url else args.mode, since=args.since, until=args.until,
        refetch=args.refetch, politeness=not args.no_politeness, progress=args.progress,
        timeout=source.politeness.timeout,
    )
    try:
        ctx.open()
    except OSError as exc:
        from spiders.runtime import archive_problem

        ctx.archive_error = f"cannot write the archive: {archive_problem(exc)}"
        ctx.close()
        sys.stdout.write(json.dumps({"summary": ctx.summary("archive_error")}) + "\n")
        sys.stdout.flush()
        return 0
    log_file = settings.state_dir / "logs" / f"crawl-{source.name}-{args.run_id}.log"
    process = CrawlerProcess(scrapy_settings(ctx, settings.user_agent, log_file, args.concurrency))
    spider_cls = SPIDERS[source.spider]
    try:
        process.crawl(spider_cls, ctx=ctx, urls=args.url)
        process.start()
    finally:
        ctx.close()
    if ctx.finish_reason == "finished":
        ctx.mark_finished()
    ctx.report(final=True)
    sys.stdout.write(json.dumps({"summary": ctx.summary(ctx.finish_reason)}) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
