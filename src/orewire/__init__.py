"""orewire: mining-news scraping, raw WARC archive, fact extraction and a DuckDB warehouse."""

__version__ = "0.1.0"
