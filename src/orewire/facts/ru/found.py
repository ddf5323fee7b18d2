"""What the Russian rules share: the entities found so far and the characters they have taken,
sentence spans, romanised names and the patterns more than one rule uses."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from orewire.facts.ru import gazetteer as gz
from orewire.facts.ru.translit import has_cyrillic, latin_lookalike, translit
from orewire.facts.text import long_pieces

Q_OPEN = "«\"“„"
Q_CLOSE = "»\"”“"
WORD_RE = re.compile(r"[A-Za-zА-ЯЁа-яёӘәҒғҚқҢңӨөҰұҮүҺһІі]+")
CYR_CAP = r"[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+"
LEGAL_RU = r"(?:ТОО\s+СП|ТОО|АО|ОАО|ЗАО|ПАО|ООО|АК|НАК|ГК|СП|ОсОО|ЧП|ИП|МКК|ХК)"
LEGAL_WORD = re.compile(LEGAL_RU + r"|НК|ГМК|ГРК|МК|ГОК")
PLACE_NOUN = re.compile(r"^\s+(?:област[ьиюей]*|район[а-яё]*|кра[йяюе][а-яё]*|регион[а-яё]*|округ[а-яё]*|"
                        r"аймак[а-яё]*|республик[а-яё]*|групп[а-яё]*)")
# the platinum group metals: "металлы платиновой группы", "платиноиды", "МПГ", and in the plural the
# platinum metals ("17 млн унций платиновых металлов"), not the one metal ("платинового металла")
PGM = re.compile(r"(?=[мп])(?:металл[а-яё]*\s+платинов[а-яё]+\s+групп[а-яё]+|(?<![\w-])платиноид[а-яё]*|(?<![\w-])МПГ(?![\w-])|"
                 r"(?<![\w-])платинов(?:ые|ых|ым|ыми)\s+металл(?:ы|ов|ам|ами|ах)(?![\w-]))", re.IGNORECASE)
IRON = re.compile(r"железн[а-яё]+\s+руд[а-яё]*", re.IGNORECASE)
COMPANY_NOUN = re.compile(r"^\s+(?:завод[а-яё]*|компани[а-яё]*|комбинат[а-яё]*|корпораци[а-яё]*|холдинг[а-яё]*|"
                          r"отрасл[а-яё]*|фабрик[а-яё]*|промышленност[а-яё]*)")
METAPHOR_BEFORE = ("бел", "черн", "голуб", "зелен", "мягк", "жидк")


@dataclass
class Ent:
    kind: str
    name: str  # canonical Latin
    forms: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    code: str | None = None
    role: str | None = None
    org: str | None = None
    # the mentions as a set, for a membership test that does not read the whole list (a page naming one deposit
    # thousands of times would otherwise cost the square of that); rebuilt when mentions were appended elsewhere
    _seen: set[tuple[int, int]] = field(default_factory=set, repr=False, compare=False)
    _synced: int = field(default=0, repr=False, compare=False)

    def has(self, span: tuple[int, int]) -> bool:
        """Whether ``span`` is one of the mentions."""
        if self._synced != len(self.mentions):
            self._seen = set(self.mentions)
            self._synced = len(self.mentions)
        return span in self._seen

    def put(self, span: tuple[int, int]) -> None:
        """Add ``span`` to the mentions where it is not one yet."""
        if not self.has(span):
            self.mentions.append(span)
            self._seen.add(span)
            self._synced += 1


WORD_RUN = re.compile(r"[\w-]+")  # a word: a run of letters, digits and hyphens
_ENDING = re.compile(gz.ENDINGS)
_ENDING_MAX = 3  # the longest of the endings
_FEW_STEMS = 48  # up to so many stems, each looked for as written: so many passes cost less than one over the words


def stems_written(text: str, stems: set[str], not_after: str = "") -> dict[str, list[tuple[int, int]]]:
    """Where each of ``stems`` is written as a word of its own with a case ending of ``gz.ENDINGS`` (none right after a
    character of ``not_after``), in order. A few stems are each looked for as written (a literal the regex engine
    finds fast); many, in one pass over the page's words, each split at its last few letters, so that thousands of
    names cost one reading of the page, not one each."""
    def alone(at: int) -> bool:  # not inside a word, nor right after a character of not_after
        return at == 0 or not (WORD_RUN.match(text, at - 1) or text[at - 1] in not_after)

    def as_written(stem: str) -> list[tuple[int, int]]:
        return [m.span() for m in re.finditer(re.escape(stem) + gz.ENDINGS + r"(?![\w-])", text) if alone(m.start())]

    out: dict[str, list[tuple[int, int]]] = {}
    if len(stems) <= _FEW_STEMS:
        for st in stems:
            found = as_written(st)
            if found:
                out[st] = found
        return out
    for m in WORD_RUN.finditer(text):
        if not alone(m.start()):
            continue
        w = m.group(0)
        for k in range(max(1, len(w) - _ENDING_MAX), len(w) + 1):
            if w[:k] in stems and _ENDING.fullmatch(w, k):
                out.setdefault(w[:k], []).append(m.span())
    for st in stems:
        if not WORD_RUN.fullmatch(st):  # (a stem with a mark other than a hyphen: looked for as written)
            out[st] = as_written(st)
    return out


class Found:
    def __init__(self, size: int) -> None:
        self.ents: dict[tuple[str, str], Ent] = {}
        self.claimed: list[tuple[int, int]] = []
        # commodity words a deposit word ties to the names after it ("месторождения золота и серебра «Дальнее»"):
        # no other deposit of the sentence takes them
        self.consumed: list[tuple[int, int]] = []
        self._mask = bytearray(size + 1)
        # every form a deposit took, in the order taken, and each entity's place in the order found: what a lookup of
        # deposits by their forms reads, each form once (``deposits._same_adjective``)
        self.deposit_forms: list[tuple[Ent, str]] = []
        self.order: dict[int, int] = {}
        # the companies' mentions by their span and by where they end, the deposits' by where they start, and the
        # first company, body or deposit found with each form (their mentions and forms are added through ``add``, ``put``
        # and ``add_form`` alone)
        self.company_spans: set[tuple[int, int]] = set()
        self.named_ends: dict[int, list[tuple[int, Ent]]] = {}  # end -> (start, company or body) of each mention
        self.deposit_starts: dict[int, list[tuple[int, Ent]]] = {}
        self._longest_deposit = 0
        self._with_form: dict[tuple[str, str], Ent] = {}

    def add(self, kind: str, name: str, form: str, start: int, end: int, code: str | None = None) -> Ent:
        key = (kind, (code or name).casefold())
        ent = self.ents.get(key)
        if ent is None:
            ent = self.ents[key] = Ent(kind, name, code=code)
            self.order[id(ent)] = len(self.order)
        if form and form != ent.name:
            self.add_form(ent, form)
        self.put(ent, (start, end))
        return ent

    def put(self, ent: Ent, span: tuple[int, int]) -> None:
        """Another mention of ``ent`` (where it is not one of its mentions yet)."""
        if ent.has(span):
            return
        ent.put(span)
        if ent.kind in ("company", "org"):
            if ent.kind == "company":
                self.company_spans.add(span)
            self.named_ends.setdefault(span[1], []).append((span[0], ent))
        elif ent.kind == "deposit":
            self.deposit_starts.setdefault(span[0], []).append((span[1], ent))
            self._longest_deposit = max(self._longest_deposit, span[1] - span[0])

    def deposits_over(self, start: int, end: int) -> list[Ent]:
        """The deposits with a mention that holds ``start`` or opens before ``end``, in the order found."""
        out: dict[int, Ent] = {}
        for at in range(start - self._longest_deposit, end):
            for me, ent in self.deposit_starts.get(at, ()):
                if at <= start < me or start <= at:
                    out.setdefault(id(ent), ent)
        return self._in_order(out.values())

    def deposits_holding(self, pos: int) -> list[Ent]:
        """The deposits with a mention that holds ``pos``, in the order found."""
        return self.deposits_over(pos, pos + 1)

    def deposits_at(self, start: int) -> list[Ent]:
        """The deposits with a mention that opens at ``start``, in the order found."""
        return self._in_order({id(ent): ent for _me, ent in self.deposit_starts.get(start, ())}.values())

    def _in_order(self, ents: Iterable[Ent]) -> list[Ent]:
        """``ents`` in the order they were found."""
        return sorted(ents, key=lambda e: self.order[id(e)])

    def first_with_form(self, kind: str, form: str) -> Ent | None:
        """The first entity of ``kind`` found with ``form`` among its forms (companies, bodies and deposits)."""
        return self._with_form.get((kind, form))

    def company_ending(self, lo: int, hi: int) -> Ent | None:
        """The company found first of those with a mention that ends from ``lo`` to ``hi``."""
        return next((ent for _s, _e, ent in self.companies_within(lo, hi)), None)

    def companies_within(self, lo: int, hi: int, kinds: tuple[str, ...] = ("company",)) -> list[tuple[int, int, Ent]]:
        """The mentions (start, end, entity) of companies (or also bodies: ``kinds``) that end from ``lo`` to ``hi``, each
        once, in the order of the entities found (those of one that end at one place in the order given)."""
        found = [(s, e, ent, k) for e in range(lo, hi + 1) for k, (s, ent) in enumerate(self.named_ends.get(e, ()))
                 if ent.kind in kinds]
        return [(s, e, ent) for s, e, ent, _k in sorted(found, key=lambda t: (self.order[id(t[2])], t[3]))]

    def add_form(self, ent: Ent, form: str) -> None:
        """Another way the text writes ``ent`` (where it is not one of its forms yet)."""
        if form not in ent.forms:
            ent.forms.append(form)
            if ent.kind == "deposit":
                self.deposit_forms.append((ent, form))
            if ent.kind in ("company", "deposit", "org"):
                known = self._with_form.get((ent.kind, form))
                if known is None or self.order[id(ent)] < self.order[id(known)]:
                    self._with_form[(ent.kind, form)] = ent

    def claim(self, start: int, end: int) -> None:
        self.claimed.append((start, end))
        self._mask[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        """True when some character of start..end belongs to a name already taken."""
        return self._mask.find(1, start, end) != -1

    def is_claimed(self, start: int, end: int) -> bool:
        """True when every character of start..end belongs to a name already taken."""
        if end <= start:
            return False
        return self._mask.find(0, start, end) == -1


class Sentences:
    """Sentence spans: a break after . ! ? before a capital or a quote, and at every line end;
    no break after an initial or a short abbreviation (тыс., млн., г., р., М.В., т. е.) except tonnes
    after a figure ("добыто 5 т. Компания"), a figure's scale before a word that opens a sentence ("$228,6 млн.
    Примерно") and "и т. д." / "и т. п." before a capital."""

    _END = re.compile(r"(?<=[.!?…])[\s\u00a0]+(?=[«\"“„(]?[A-ZА-ЯЁ0-9])|\n+")
    # "1,2 млн т. Компания ...": tonnes end the sentence ("т." after a figure, before a capital)
    _TONNES = re.compile(r"(?:\d|тыс\.?|млн\.?|млрд\.?|трлн\.?)[\s\u00a0]*т\.$|(?<![\w.])т\.[\s\u00a0]?[дп]\.$")
    # "на сумму $228,6 млн. Примерно такой же объем": a figure's scale, then a word that opens a sentence (a capital and
    # a small letter, not a currency or a unit in small letters: "млн. рублей")
    _SCALE = re.compile(r"\d[\s\u00a0]*(?:тыс|млн|млрд|трлн)\.$")
    _OPENER = re.compile(r"[А-ЯЁ][а-яё]")
    _ABBR = re.compile(r"(?:\b[А-ЯЁA-Z]|\bтыс|\bмлн|\bмлрд|\bтрлн|\bг|\bгг|\bруб|\bкв|\bим|\bт|\bст|\bп|\bн|\bул|\bд|\bкоп|\bдолл|\bр|\bруч|\bоз)\.$")

    _last: tuple[str, Sentences] | None = None

    @classmethod
    def of(cls, text: str) -> Sentences:
        """The sentences of ``text``, split once for the stages that read one text in turn (the facts, then
        the events): the last text split is kept. Its spans are not to be changed."""
        last = cls._last
        if last is not None and (last[0] is text or last[0] == text):
            return last[1]
        made = cls(text)
        cls._last = (text, made)
        return made

    def __init__(self, text: str) -> None:
        self.spans: list[tuple[int, int]] = []
        self._ends: list[int] = []
        start = 0
        for m in self._END.finditer(text):
            if "\n" not in m.group(0) and self._ABBR.search(text[max(start, m.start() - 6):m.start()]) \
                    and not self._TONNES.search(text[max(start, m.start() - 12):m.start()]) \
                    and not (self._SCALE.search(text[max(start, m.start() - 12):m.start()])
                             and self._OPENER.match(text, m.end())):
                continue
            if m.start() > start:
                self._push(text, start, m.start())
            start = m.end()
        if start < len(text):
            self._push(text, start, len(text))

    def _push(self, text: str, start: int, end: int) -> None:
        """A sentence's span; text with no sentence's end (a table, garbage) in pieces, as English text is cut (a
        piece after the first leaves out the space it was cut at)."""
        for i, (s, e) in enumerate(long_pieces(text, start, end)):
            self.spans.append((s + 1 if i and text[s:s + 1] == " " else s, e))

    def index(self, pos: int) -> int:
        """The sentence holding ``pos``, or the first one after it (the last one past the text's end)."""
        ends = self._ends
        if len(ends) != len(self.spans):
            ends = self._ends = [e for _s, e in self.spans]
        return min(bisect.bisect_right(ends, pos), len(self.spans) - 1)

    def span(self, pos: int) -> tuple[int, int]:
        return self.spans[self.index(pos)] if self.spans else (0, 0)


# English words of company names written in Cyrillic, given back in English ("Аулие Голд Майнинг" ->
# "Auliye Gold Mining"), as English-language news writes them
_ENGLISH_WORDS = {
    "Майнинг": "Mining", "Компани": "Company", "Кампани": "Company", "Ресорсиз": "Resources",
    "Ресурсиз": "Resources", "Ресорсез": "Resources", "Ресорсес": "Resources", "Ресурсес": "Resources", "Холдинг": "Holding", "Холдингс": "Holdings",
    "Груп": "Group", "Групп": "Group", "Металс": "Metals", "Минералс": "Minerals", "Минералз": "Minerals",
    "Энерджи": "Energy", "Копер": "Copper", "Коппер": "Copper", "Корпорейшн": "Corporation",
    "Интернешнл": "International", "Интернэшнл": "International", "Оперейтинг": "Operating",
    "Солюшнс": "Solutions", "Голдфилдз": "Goldfields", "Голдфилдс": "Goldfields", "Каспиан": "Caspian",
    "Ойл": "Oil", "Сильвер": "Silver", "Инвестментс": "Investments", "Девелопмент": "Development",
    "Эксплорейшн": "Exploration", "Смелтинг": "Smelting", "Трейдинг": "Trading", "Сервисез": "Services",
    "Ураниум": "Uranium", "Лимитед": "Limited", "Кэпитал": "Capital", "Капитал": "Capital",
    "Партнерс": "Partners", "Технолоджис": "Technologies", "Индастриз": "Industries", "Стил": "Steel",
    "Алюминиум": "Aluminium", "Инжиниринг": "Engineering", "Текнолоджи": "Technology", "Текнолоджис": "Technologies", "Голд": "Gold", "Инк": "Inc", "Ко": "Co", "Цинк": "Zinc", "Сталь": "Steel",
    "Менеджмент": "Management", "Венчурс": "Ventures", "Глобал": "Global", "Интернейшнл": "International",
    "Интернешенал": "International", "Эксплорейшен": "Exploration", "Пропертиз": "Properties", "Рисорсиз": "Resources",
}


# the English words of a company's name written in Cyrillic that say the name is a company's («Тасжарган Голд»,
# «Сарыкамыс Майнинг»); not those that are also Russian words or a metal's
COMPANY_LOAN_WORDS = frozenset(w for w in _ENGLISH_WORDS if w not in ("Ко", "Цинк", "Сталь", "Стил", "Капитал", "Холдинг"))


_CAMEL = re.compile(r"(?:[А-ЯЁ][а-яё]+){2,4}")
_ENGLISH_TAIL = re.compile(r"(?<=[а-яё])(?:майнинг|ресорсез|металс|минералс|голдфилдс)$")
_CAMEL_PART = re.compile(r"[А-ЯЁ][а-яё]+")


def latin_name(name: str) -> str:
    """Canonical Latin of a Cyrillic name: a known company's word keeps its canonical name
    ("ТАЛКО Голд" -> "TALCO Gold"), an English word comes back in English ("Майнинг" -> "Mining"),
    a Latin-shaped acronym turns Latin, a known deposit's name of two words or more at its end its
    canonical name ("Эрдэнэс Таван толгой" -> "Erdenes Tavan Tolgoi"), the rest is romanised."""
    words = name.split()
    for cut in range(0, len(words) - 1) if 1 < len(words) < 6 else ():
        k = gz.lookup(" ".join(words[cut:]))
        if k is not None and k.kind == "deposit":
            return f"{latin_name(' '.join(words[:cut]))} {k.name}".strip()
    single = single_word_companies()
    words = []
    parts = re.split(r"(\s+|-)", name)
    for i, w in enumerate(parts):
        if w in single:
            words.append(single[w])
        elif len(w) > 3 and w[:1].isupper() and w.upper() in single:  # «Талко Голд»: ТАЛКО in small letters
            words.append(single[w.upper()])
        elif w in _ENGLISH_WORDS:
            words.append(_ENGLISH_WORDS[w])
        elif len(w) > 4 and w[:1].upper() + w[1:] in _ENGLISH_WORDS:  # «Казахстан инжиниринг»
            words.append(_ENGLISH_WORDS[w[:1].upper() + w[1:]])
        elif latin_lookalike(w) and not _joined_to_russian(parts, i):
            words.append(latin_lookalike(w) or w)
        elif _CAMEL.fullmatch(w) and any(p in _ENGLISH_WORDS for p in _CAMEL_PART.findall(w)):
            # «ГеоМайнинг Групп» -> GeoMining Group: the English word inside a name joined of capitalised parts
            words.append("".join(_ENGLISH_WORDS.get(p) or translit(p) for p in _CAMEL_PART.findall(w)))
        elif len(w) > 8 and w[:1].isupper() and (tail := _ENGLISH_TAIL.search(w)) is not None:
            # «ГеоПромайнинг» -> GeoProMining: an English word written on at a name's end in small letters
            words.append(translit(w[:tail.start()]) + _ENGLISH_WORDS[tail.group(0).capitalize()])
        else:
            words.append(translit(w))
    return re.sub(r"\s+", " ", "".join(words)).strip(" -—–")


def _joined_to_russian(parts: list[str], i: int) -> bool:
    """True when the word ``parts[i]`` is joined by a hyphen to a Russian word in small letters: the capitals of
    "СКМ-Урал" are Russian letters, not a Latin name typed in Cyrillic."""
    return any(0 <= j < len(parts) and parts[(i + j) // 2] == "-" and re.search(r"[а-яё]", parts[j])
               for j in (i - 2, i + 2))


_SINGLE: dict[str, str] = {}


def single_word_companies() -> dict[str, str]:
    if not _SINGLE:
        for k in gz.known():
            if k.kind == "company":
                for f in k.forms:
                    if " " not in f and has_cyrillic(f):
                        _SINGLE[f] = k.name
    return _SINGLE


def strip_quotes(s: str) -> str:
    return s.strip().strip(Q_OPEN + Q_CLOSE + "„‟").strip()


@lru_cache(maxsize=65536)
def country_stem(word: str) -> bool:
    """True when the word begins like a country's name or adjective (Узбекистана, Казахстанский)."""
    low = word.lower()
    return any(low.startswith(s) for s in gz.countries()[0])
