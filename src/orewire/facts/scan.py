"""Faster ways to find a pattern's matches in a page, each giving exactly what ``rx.finditer``
gives: scanning only the lines that hold a trigger (:class:`Gated`), trying the pattern only where
one of its opening words is written (:class:`Opening`, :func:`matches_at`), or checking a leading
look back outside the engine (:class:`Bounded`). The regex engine tries a pattern that opens with a
look back or a group of words at every character of the page; these skip to the few places where a
match can begin."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator


class Gated:
    """A pattern scanned only in the lines that hold one of its trigger strings.

    Every match of ``rx`` contains a ``trigger`` and never a line break, so scanning only the
    lines that hold a trigger (each up to and including its line break, so lookaheads see the
    same character) finds exactly the matches a scan of the whole text finds.
    """

    __slots__ = ("rx", "trigger")

    def __init__(self, rx: re.Pattern[str], trigger: re.Pattern[str]) -> None:
        self.rx = rx
        self.trigger = trigger

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        search = self.trigger.search
        finditer = self.rx.finditer
        n = len(text)
        pos = 0
        while pos < n:
            t = search(text, pos)
            if t is None:
                return
            start = text.rfind("\n", 0, t.start()) + 1
            end = text.find("\n", t.end())
            end = n if end < 0 else end + 1
            yield from finditer(text, start, end)
            pos = end


class Opening:
    """A pattern that opens with one of a few literal ``words``, tried only where one of them is
    written (each found with ``str.find``), in order of place, the next after the end of a match:
    the matches of ``rx.finditer``. For a pattern that opens with "\\b" or a look back and common
    words, which the regex engine would otherwise try at every character of the page.

    ``cased`` adds each word with its first letter capital ("[Мм]есторождени")."""

    __slots__ = ("rx", "words")

    def __init__(self, rx: re.Pattern[str], words: Iterable[str], *, cased: bool = False) -> None:
        words = list(words)
        assert words and all(words), "an empty word would be found everywhere"
        if cased:
            words += [w[:1].upper() + w[1:] for w in words]
        self.rx = rx
        self.words = tuple(dict.fromkeys(words))

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return matches_at(self.rx, text, needle_hits(text, self.words))


def needle_hits(hay: str, needles: tuple[str, ...]) -> list[int]:
    """Where ``needles`` occur in ``hay``, every occurrence (overlapping ones too), in order."""
    out: list[int] = []
    for n in needles:
        at = hay.find(n)
        while at >= 0:
            out.append(at)
            at = hay.find(n, at + 1)
    out.sort()
    return out


def matches_at(rx: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """The matches of ``rx.finditer(text)`` when every one of them begins at one of ``starts``
    (in any order, repeats allowed): tried there in order of place, the next after a match's end."""
    starts.sort()
    match = rx.match
    end = 0
    for at in starts:
        if at < end:
            continue
        m = match(text, at)
        if m is not None:
            yield m
            end = m.end() if m.end() > at else at + 1


_LOWERED: tuple[str, str] = ("", "")


def lower_page(text: str) -> str:
    """``text.lower()``, kept for the last page asked (the passes of one page share it; the pair is
    swapped whole, so a page read in another thread meanwhile never gets this one's)."""
    global _LOWERED
    last = _LOWERED
    if last[0] is text:
        return last[1]
    low = text.lower()
    _LOWERED = (text, low)
    return low


class Bounded:
    """``(?<![...])ALT``: the alternation without its leading lookbehind, which lets the regex
    engine skip straight to a possible first character; the lookbehind (``before``, one character)
    is checked here instead. A rejected match restarts one character later, as the engine itself
    would, so the matches are identical to those of the full pattern."""

    __slots__ = ("before", "rx")

    def __init__(self, pattern: str, lookbehind: str, flags: int = 0) -> None:
        # pattern is "(?<![...])rest": keep the rest, test the class on the character before
        assert pattern.startswith("(?<!" + lookbehind + ")"), pattern[:40]
        self.rx = re.compile(pattern[len(lookbehind) + 5 :], flags)
        self.before = re.compile(lookbehind, flags)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        search = self.rx.search
        before = self.before.match
        pos = 0
        while True:
            m = search(text, pos)
            if m is None:
                return
            s = m.start()
            if s and before(text, s - 1):
                pos = s + 1
                continue
            yield m
            pos = m.end()
