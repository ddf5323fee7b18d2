"""Light text helpers: sentence spans, number parsing, byline detection."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator
from typing import ClassVar

# abbreviations after which a full stop does not end a sentence
_ABBREVIATIONS = frozenset(
    ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vs", "etc", "inc", "ltd", "corp", "co", "jr", "sr", "gen", "gov", "sen", "rep", "dept", "est", "approx", "fig", "figs", "al", "u.s", "u.k", "e.g", "i.e", "a.m", "p.m", "mln", "bln", "bn", "pty"]
)

# A run of end marks is matched only from its first mark and never given back (possessive), so a
# long run ("....", "?.?.") costs one pass instead of one pass per starting position. Every boundary
# opens with an end mark or a line break, written first as one class so that the engine skips
# straight to those characters instead of trying the branches at every character of the page.
_BOUNDARY = re.compile(
    r"[.!?\n]"
    r"(?:(?<=[.!?])(?<![.!?]{2})[.!?]*+[\"'”’)\]]*+(?=\s+[\"'“‘(\[]?[A-Z0-9А-Я])"  # end marks, from the first of a run
    r"|(?<=\n)\s*\n"  # a blank line
    r"|(?<=\n))"  # a line break
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.-]*)$")  # "y-o-y." is a word, not an initial
# abbreviations that also end sentences ("..., Mexico and the US, etc. In terms of output", "Kazzinc
# Ltd. The company"), where the next word is one that opens sentences rather than names
_ENDING_ABBREVIATIONS = frozenset(["etc", "inc", "ltd", "corp", "co", "mln", "bln", "bn", "pty", "u.s", "u.k"])
# "revenue rose 9% to $1.22 bln. Cash costs were": a figure's scale, then a word that opens a sentence (a
# capital and a small letter: not "mln. US dollars", "bln. KZT")
_SCALE_ABBREVIATIONS = frozenset(["mln", "bln", "bn"])
_FIGURE_BEFORE = re.compile(r"\d\s?$")
_WORD_NEXT = re.compile(r"\s+[A-ZА-ЯЁ][a-zа-яё]")
_OPENER_NEXT = re.compile(r"\s+(?:The|In|It|Its|This|These|Those|That|At|According|However|As|On|For|He|She|They|We|"
                          r"But|Meanwhile|Also|Earlier|Last|Next|Since|After|Before|Under|With|From|By|During|If|"
                          r"While|When|There|Such|Our|His|Their)\b")


class Sentences:
    """Sentence spans of one text, with a fast lookup of the sentence holding an offset."""

    _last: Sentences | None = None

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[tuple[int, int]] = _split(text)
        self._starts = [s for s, _ in self.spans]

    @classmethod
    def of(cls, text: str) -> Sentences:
        """The sentences of ``text``, split once for the stages that read one text in turn (the
        entities and facts, then the events): the last text split is kept."""
        last = cls._last
        if last is not None and last.text is text:
            return last
        cls._last = made = cls(text)
        return made

    def index(self, pos: int) -> int:
        """Index of the sentence that contains ``pos`` (the nearest one before it otherwise)."""
        i = bisect.bisect_right(self._starts, pos) - 1
        return max(i, 0)

    def span(self, pos: int) -> tuple[int, int]:
        if not self.spans:
            return (0, len(self.text))
        return self.spans[self.index(pos)]

    def sentence(self, pos: int) -> str:
        s, e = self.span(pos)
        return self.text[s:e]


def _split(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        piece = m.group(0)
        if piece[0] == ".":
            before = text[max(start, m.start() - 12) : m.start()]
            w = _WORD_BEFORE.search(before)
            if w:
                word = w.group(1).lower().rstrip(".")
                # "U.S." style, single initials ("J. Smith") and known abbreviations keep going
                if (word in _ABBREVIATIONS or len(word) == 1 or (len(word) <= 4 and "." in word)) and not (
                        word in _ENDING_ABBREVIATIONS and _OPENER_NEXT.match(text, m.end())) and not (
                        word in _SCALE_ABBREVIATIONS and _FIGURE_BEFORE.search(before, 0, w.start())
                        and _WORD_NEXT.match(text, m.end())):
                    continue
        _push(text, spans, start, end)
        start = end
    _push(text, spans, start, len(text))
    return spans


_MAX_SENTENCE = 2000  # text without punctuation (tables, garbage) is cut into pieces this long


def long_pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """[start, end) in pieces of at most ``_MAX_SENTENCE`` characters, each cut at the last space of its second half
    where one stands (the next piece opens with that space): how either language's sentence splitter cuts text
    that has no sentence's end."""
    while end - start > _MAX_SENTENCE:
        cut = text.rfind(" ", start + _MAX_SENTENCE // 2, start + _MAX_SENTENCE)
        cut = cut if cut > start else start + _MAX_SENTENCE
        yield start, cut
        start = cut
    yield start, end


def _push(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    for s, e in long_pieces(text, start, end):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))


# "between" right before a range's lower end: "between 21,000 and 21,500 tonnes" (an "and" range)
BETWEEN_BEFORE = re.compile(r"between\s*$", re.IGNORECASE)

SCALES: dict[str, float] = {
    "thousand": 1e3, "thousands": 1e3, "k": 1e3, "th": 1e3, "thsd": 1e3,
    "million": 1e6, "millions": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6, "mil": 1e6, "mio": 1e6,
    "billion": 1e9, "billions": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9, "bil": 1e9, "mlrd": 1e9, "milliard": 1e9,
    "trillion": 1e12, "trillions": 1e12, "trln": 1e12, "tln": 1e12, "trn": 1e12, "tn": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7, "lakh crore": 1e12,  # India's
}

# "1,2 million tons": a decimal comma, read only before a scale word, where it cannot be thousands
# ("240, 000 tonnes": a thousands separator a space follows, as some outlets print it, where the group is "000")
NUMBER = (r"\d{1,3}(?:, 000)+(?![\d,.])|"
          r"\d{1,3},\d{1,2}(?=[ \t]*(?:million|billion|trillion|thousand|mln|bln|mn|bn)\b)|"
          r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\u00a0\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+")
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")
_DIGIT_RUN = re.compile(r"\d+")


def near_digits(rx: re.Pattern[str], text: str, reach: int, first: str) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)`` for a pattern whose every match has a digit at most ``reach``
    characters after its start and opens with one of the characters ``first`` (a figure, the
    currency sign or code before it): the pattern is tried only at those places, not at every
    character of the page. A match found is the leftmost one, as the scan's would be; the next is
    looked for after its end."""
    pos = 0  # where the last match ended
    tried = -1  # every place up to here was tried
    runs = 0
    for d in _DIGIT_RUN.finditer(text):
        s = d.start()
        runs += 1
        if runs > 128 and runs * 32 > s:  # a page dense with figures: the scan itself is then the quicker
            yield from rx.finditer(text, pos)
            return
        for p in range(max(pos, tried + 1, s - reach), s + 1):
            if text[p] not in first:
                continue
            m = rx.match(text, p)
            if m is not None:
                yield m
                pos = m.end()
                break
        tried = max(tried, s)


def parse_number(s: str) -> float | None:
    """The float value of a number written with thousands separators, or None."""
    if _DECIMAL_COMMA.fullmatch(s):
        s = s.replace(",", ".")
    s = s.replace(",", "").replace("\u00a0", "").replace(" ", "")
    try:
        return float(s)
    except ValueError:
        return None


_BYLINE = re.compile(
    r"^[ \t]*[Bb]y[ \t]+([A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){1,3})(?=[ \t]*(?:[-–—,]|in\b|for\b|$))",
    re.MULTILINE,
)


def find_authors(text: str) -> list[str]:
    """Names given in a byline near the top ("By Nargiz Sadikhova - Trend:")."""
    return [m.group(1) for m in _BYLINE.finditer(text[:3000])]


class Near:
    """A pattern scanned only in windows around the hits of a cheap trigger: ``before`` characters
    before a hit to ``after`` characters after it. For patterns that open with a run of capitalised
    words and close on a keyword, which would otherwise be tried at every capitalised word of a
    page (a page of nothing but capitalised words is the hostile case). Every match must contain a
    trigger hit and fit in its window; matches are yielded once, in order. With ``lower`` the
    trigger is searched in the lowercased text (when lowercasing keeps every offset)."""

    __slots__ = ("after", "before", "lower", "rx", "trigger")

    def __init__(self, rx: re.Pattern[str], trigger: re.Pattern[str], before: int, after: int,
                 lower: bool = False) -> None:
        self.rx, self.trigger, self.before, self.after, self.lower = rx, trigger, before, after, lower

    # the last text lowercased, kept for the next scanner that reads the same text
    _lowered: ClassVar[tuple[str, str] | None] = None

    @classmethod
    def lowered(cls, text: str) -> str:
        """``text`` lowercased, kept for the next scanner that reads the same text."""
        return cls._low(text)

    @classmethod
    def _low(cls, text: str) -> str:
        last = cls._lowered
        if last is not None and last[0] is text:
            return last[1]
        low = text.lower()
        Near._lowered = (text, low)
        return low

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        scanned = text
        if self.lower:
            low = self._low(text)
            scanned = low if len(low) == len(text) else text
        done = -1  # matches starting at or before this offset were yielded already
        # windows that overlap are scanned as one (they come in order of their starts and ends)
        lo = hi = -1
        for t in self.trigger.finditer(scanned):
            t_lo = max(t.start() - self.before, 0)
            t_hi = min(len(text), t.end() + self.after)
            if t_lo <= hi:
                hi = t_hi
                continue
            if hi > lo:
                for m in self.rx.finditer(text, lo, hi):
                    if m.start() > done:
                        done = m.start()
                        yield m
            lo, hi = t_lo, t_hi
        if hi > lo:
            for m in self.rx.finditer(text, lo, hi):
                if m.start() > done:
                    done = m.start()
                    yield m


# Letters of one script drawn like letters of the other: a word typed on two keyboard layouts
# («Kазатомпpом» with a Latin K and p, "Kаzаkhstаn" with Cyrillic а) names the same thing as the
# word in one script. Each pair is one character for one, so a folded text keeps every offset.
_TWINS_LATIN = "ABCEHIKMOPTXaceopxyi"
_TWINS_CYRILLIC = "АВСЕНІКМОРТХасеорхуі"
_TO_CYRILLIC = str.maketrans(_TWINS_LATIN, _TWINS_CYRILLIC)
_TO_LATIN = str.maketrans(_TWINS_CYRILLIC, _TWINS_LATIN)
_LATIN_LETTER = r"A-Za-z\u00c0-\u024f"
_CYRILLIC_LETTER = r"\u0400-\u04ff"
# A Latin letter next to a Cyrillic one: every word written in both scripts has such a seam.
_SEAM = re.compile(rf"[{_LATIN_LETTER}](?=[{_CYRILLIC_LETTER}])|[{_CYRILLIC_LETTER}](?=[{_LATIN_LETTER}])")
_LETTERS = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(rf"[{_CYRILLIC_LETTER}]")


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def _fold_word(word: str) -> str:
    cyrillic = [c for c in word if _is_cyrillic(c)]
    latin = [c for c in word if c.isascii() or "\u00c0" <= c <= "\u024f"]
    own_cyrillic = sum(c not in _TWINS_CYRILLIC for c in cyrillic)  # letters only Cyrillic has
    own_latin = sum(c not in _TWINS_LATIN for c in latin)
    if (own_cyrillic, len(cyrillic)) > (own_latin, len(latin)):
        return word.translate(_TO_CYRILLIC)
    if (own_latin, len(latin)) > (own_cyrillic, len(cyrillic)):
        return word.translate(_TO_LATIN)
    return word  # as much of one script as of the other: nothing to go by


def fold_lookalikes(text: str) -> str:
    """``text`` with each word written in both Latin and Cyrillic letters folded into one script:
    the look-alike letters of the other script become the word's own ("Kазатомпpом" ->
    "Казатомпром", "Kаzаtоmprоm" -> "Kazatomprom"). The word's script is the one with more
    letters the other has no twin of (then the one with more letters). Same length as ``text``,
    character for character, so offsets into the result index ``text``; a text with no word of
    two scripts is returned as it is."""
    # every seam has a Cyrillic letter at it or right after it: the seams are looked for from the
    # first Cyrillic letter on (one search for a single letter, far quicker than the seam's)
    cyrillic = _CYRILLIC.search(text)
    if cyrillic is None:
        return text
    seam = _SEAM.search(text, max(cyrillic.start() - 1, 0))
    if seam is None:
        return text
    parts: list[str] = []
    done = 0
    while seam is not None:
        start = seam.start()
        while start > done and text[start - 1].isalpha():
            start -= 1
        word = _LETTERS.match(text, start)
        end = word.end() if word is not None else seam.end()
        parts.append(text[done:start])
        parts.append(_fold_word(text[start:end]))
        done = end
        seam = _SEAM.search(text, done)
    parts.append(text[done:])
    return "".join(parts)


class SpanCover:
    """Spans ``(start, end)``, overlapping or not, asked whether they meet a position or a range: by bisection over
    their starts and the furthest end reached so far, so that a page of thousands of spans asks no span one by one."""

    __slots__ = ("_reach", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _e in ordered]
        self._reach = list(itertools.accumulate((e for _s, e in ordered), max, initial=-1))

    def covers(self, pos: int) -> bool:
        """Whether some span holds ``pos`` (start <= pos < end)."""
        return self._reach[bisect.bisect_right(self._starts, pos)] > pos

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span shares a character with [start, end)."""
        return self._reach[bisect.bisect_left(self._starts, end)] > start


def title_case_line(text: str, pos: int) -> bool:
    """Whether ``pos`` is in a line written in title case (a headline: most words longer than three letters
    capitalised)."""
    # (no headline is longer than _HEADLINE_MAX: a longer line, or a page with no line break, is none, and is not
    # read whole at every name on it)
    start = text.rfind("\n", max(0, pos - _HEADLINE_MAX), pos) + 1
    if start == 0 and pos > _HEADLINE_MAX:
        return False
    end = text.find("\n", pos, pos + _HEADLINE_MAX + 1)
    if end < 0:
        if len(text) - pos > _HEADLINE_MAX:
            return False
        end = len(text)
    if end - start > _HEADLINE_MAX:
        return False
    words = [w for w in text[start:end].split() if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


_HEADLINE_MAX = 400
