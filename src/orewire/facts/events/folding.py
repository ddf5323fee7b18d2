"""Case-folded reading: a pattern compiled with ``re.IGNORECASE`` finds the same matches in the
lowercased text compiled without it, and sooner (case folding costs the regex engine a third to
two thirds of its time on these word lists). Only spans and booleans are read so: a match found in
the lowercased text has lowercased groups."""

from __future__ import annotations

import re

_VERBATIM = re.compile(r"\\N\{[^}]*\}|\\.|\(\?P<[^>]*>|\(\?P=[^)]*\)", re.DOTALL)  # escapes and group names


# pattern id -> (the pattern, its lowercased form): by id, as hashing a compiled pattern reads its whole compiled code
# (microseconds for a long word list, on every lookup); the pattern is kept so that its id is never reused
_LOWERED: dict[int, tuple[re.Pattern[str], re.Pattern[str] | None]] = {}


def lowered(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    """``rx`` for a lowercased text: the same matches, found without case folding (a third to two
    thirds faster), or None where case matters to it (a case-sensitive part, ``(?-i:...)``).
    Escapes and group names are kept as written: ``\\S`` lowercased would mean ``\\s``."""
    known = _LOWERED.get(id(rx))
    if known is not None and known[0] is rx:
        return known[1]
    fast = _lowered(rx)
    _LOWERED[id(rx)] = (rx, fast)
    return fast


def _lowered(rx: re.Pattern[str]) -> re.Pattern[str] | None:
    if not rx.flags & re.IGNORECASE or "(?-i" in rx.pattern:
        return None
    out, at = [], 0
    for m in _VERBATIM.finditer(rx.pattern):
        out.append(rx.pattern[at:m.start()].lower())
        out.append(m.group(0))
        at = m.end()
    out.append(rx.pattern[at:].lower())
    return re.compile("".join(out), rx.flags & ~re.IGNORECASE)


def search_lower(rx: re.Pattern[str], s: str) -> bool:
    """Whether ``rx`` matches in the piece of text ``s``, read lowercased where the pattern allows."""
    fast = lowered(rx)
    if fast is not None:
        low = s.lower()
        if len(low) == len(s):
            return fast.search(low) is not None
    return rx.search(s) is not None


_last: list[tuple[str, str | None]] = []  # the last text lowercased, for the next reader of the same text


def lower_text(text: str) -> str | None:
    """``text`` lowercased, or None where lowercasing moves an offset ("İ" is two characters lowercased)."""
    last = _last[0] if _last else None  # one read: another thread may replace it meanwhile
    if last is not None and last[0] is text:
        return last[1]
    low = text.lower()
    found = low if len(low) == len(text) else None
    _last[:] = [(text, found)]
    return found
