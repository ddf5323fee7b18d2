"""Scrapy settings of the orewire crawler.

Per-source values (delay, concurrency, size cap, timeout, User-Agent) are set by
``spiders.run`` from the registry and the orewire settings; these are the defaults around them.
"""

BOT_NAME = "orewire"
SPIDER_MODULES = ["spiders.generic", "spiders.trend"]
NEWSPIDER_MODULE = "spiders"

ROBOTSTXT_OBEY = True
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
COOKIES_ENABLED = False

CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024
DOWNLOAD_WARNSIZE = 0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
# Longest Retry-After honoured; a server asking for more is given up on for this run.
OREWIRE_RETRY_AFTER_MAX = 300.0
# First step of the exponential back-off when a 429/503 carries no Retry-After.
OREWIRE_BACKOFF_BASE = 2.0
OREWIRE_BACKOFF_MAX = 120.0

DOWNLOADER_MIDDLEWARES = {
    # Host allow-list and private-address block before anything (robots.txt included) is fetched.
    "spiders.middlewares.SafetyMiddleware": 90,
    # robots.txt, recording what it forbids and feeding its Crawl-delay to the pacer.
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "spiders.middlewares.RecordingRobotsTxtMiddleware": 100,
    # Retry with Retry-After and exponential back-off.
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "spiders.middlewares.BackoffRetryMiddleware": 550,
    # Per-host pacing (Crawl-delay, Retry-After pauses), after every header is set.
    "spiders.middlewares.PacingMiddleware": 940,
    # Closest to the downloader: archives the bytes as sent, before decompression and redirects.
    "spiders.archiving.ArchiveMiddleware": 950,
}

LOG_LEVEL = "INFO"
LOGSTATS_INTERVAL = 0
STATS_DUMP = False
