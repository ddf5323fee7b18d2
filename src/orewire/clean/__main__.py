"""``python -m orewire.clean FILE.html [--url URL] [--source NAME]``: print one page's record as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from urllib.parse import urlsplit

from orewire.clean import clean_response
from orewire.sources import RegistryError, Source, load_registry


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m orewire.clean", description="Clean one HTML page.")
    parser.add_argument("file", type=Path, help="the HTML file")
    parser.add_argument("--url", help="the page's URL (picks the registry source by its host)")
    parser.add_argument("--source", help="registry source name, when the URL does not say")
    parser.add_argument("--registry", default="sources.toml", help="registry file (default: sources.toml)")
    args = parser.parse_args(argv)

    try:
        body = args.file.read_bytes()
    except OSError as exc:
        print(f"cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return 2
    url = args.url or args.file.resolve().as_uri()
    source: Source | None = None
    if args.source or args.url:
        try:
            registry = load_registry(args.registry)
            source = registry[args.source] if args.source else registry.for_host(urlsplit(url).hostname or "")
        except RegistryError as exc:
            print(str(exc), file=sys.stderr)
            return 2
    record = clean_response(url, body, source=source)
    json.dump(record.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
