"""``python -m orewire.facts FILE.txt`` prints the extractor contract JSON for one text."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from orewire.facts import extract


def main_extract(path: str) -> int:
    """Print the contract JSON of the text in ``path``; returns a process exit code (2: unreadable)."""
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        print(f"error: cannot read {path}: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(extract(text).to_contract(), ensure_ascii=False, indent=2))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or args[0] in ("-h", "--help"):
        print("usage: python -m orewire.facts FILE.txt", file=sys.stderr)
        return 2
    return main_extract(args[0])


if __name__ == "__main__":
    sys.exit(main())
