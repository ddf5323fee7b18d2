"""The offline demo: a sample Trend site on loopback, crawled by the daily flow into a demo warehouse."""
