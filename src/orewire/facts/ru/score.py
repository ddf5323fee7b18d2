"""Score the Russian extractor on facts-real-ru, per category and micro-averaged.

Usage: ``python -m orewire.facts.ru.score [--split tune|report|all] [--data DIR] [--verbose]``: the
same as ``python -m orewire.facts.realset --set facts-real-ru``, which scores with the set's own
scorer; the split is in ``orewire/facts/data/real_split.toml``.
"""

from __future__ import annotations

import sys

from orewire.facts.realset import main as _realset_main


def main(argv: list[str] | None = None) -> int:
    return _realset_main(["--set", "facts-real-ru", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    sys.exit(main())
