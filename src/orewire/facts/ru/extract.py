"""Rules for Russian-language mining news: entities and facts in the extractor contract.

Entities get the canonical Latin name (the English gazetteer's where one exists, else the
romanisation of ``translit.py``) so that ``entity_id`` is the same as for an English article
about the same company, deposit or person; the Cyrillic forms go into ``aliases``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from orewire.facts.model import Entity, Fact
from orewire.facts.rates import to_usd
from orewire.facts.ru import gazetteer as gz
from orewire.facts.ru import morph
from orewire.facts.ru.numbers import find_amounts, find_quantities
from orewire.facts.ru.translit import has_cyrillic, latin_lookalike, translit
from orewire.facts.text import fold_lookalikes

_Q_OPEN = "«\"“„"
_Q_CLOSE = "»\"”“"
_WORD_RE = re.compile(r"[A-Za-zА-ЯЁа-яёӘәҒғҚқҢңӨөҰұҮүҺһІі]+")
_CYR_CAP = r"[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+"

LEGAL_RU = r"(?:ТОО\s+СП|ТОО|АО|ОАО|ЗАО|ПАО|ООО|АК|НАК|ГК|СП|ОсОО|ЧП|ИП|МКК|ХК)"
LEGAL_WORD = re.compile(LEGAL_RU + r"|НК|ГМК|ГРК|МК|ГОК")
_LEGAL_QUOTED = re.compile(
    LEGAL_RU + r"\s*[«\"“„]\s*(?:(?:НАК|АК|НК|ГМК|ГК|ГРК|МК|ХК)\s*[«\"“„]\s*)?"
    r"(?P<name>[^«»\"“”„\n]{1,80}?(?:\s*[„“\"«][^«»\"“”„\n]{1,60}[”“\"»])?)\s*[»\"”“]")
_CUE = (r"(?<![\w-])(?=[КкНнОоИиПпГгХхФф«Дд])(?:[Кк]омпани[яиейю]|[Нн]едропользовател[ьяюеи]|[Оо]ператор[а-яё]{0,3}|[Ии]нвестор[а-яё]{0,3}|"
        r"[Пп]одрядчик[а-яё]{0,3}|[Гг]оскорпораци[яиейю]|[Кк]омпаниями|[Пп]редприяти[еяюи]|[Кк]омбинат[а-яё]*|[Хх]олдинг[а-яё]*|"
        r"[Кк]орпораци[яиейю]|[Кк]онцерн[а-яё]*|[Фф]ирм[аыуео]й?|«дочк[аиуой]+»|[Дд]очк[аиуой]+|[Пп]роизводител[ья]м?)")
_LEGAL_BARE = re.compile(r"(?<![\w-])" + LEGAL_RU + r"\s+(?P<name>(?:[A-ZА-ЯЁ][\w&.-]*)(?:\s[A-ZА-ЯЁ][\w&.-]*){0,3})")
_CUE_QUOTED = re.compile(_CUE + r"(?:\s+по\s+[а-яё]+(?:\s+[а-яё]+){0,3}?)?\s+[«\"“„](?P<name>[^«»\"“”„\n]{2,60}?)[»\"”“]")
# "компания Кемин Голд": an unquoted name of capitalised words the dictionary does not know
_CUE_WORDS = re.compile(r"(?<![\w-])(?=[Кк])[Кк]омпани(?:я|и|ей|ю)[ \u00a0]+(?P<name>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
                        r"(?:[ \u00a0][А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?){0,2})(?![\w-])")
# «Самрук-Энерго» подписала ...: a quoted coined name that acts (a verb in the past tense after it)
_QUOTED_ACTS = re.compile(r"[«\"“„](?P<name>[A-ZА-ЯЁ][^«»\"“”„\n]{1,40}?)[»\"”“][ \u00a0]+"
                          r"(?:(?:и|а)[ \u00a0]+[«\"“„][^«»\"“”„\n]{1,40}?[»\"”“][ \u00a0]+)?(?P<verb>[а-яё]{3,})")
_POST_BEFORE = re.compile(r"(?:партн[её]р|сотрудни[кц]|представител|директор|глав[аеуы]|руководител|основател|"
                          r"владел|акционер|председател|президент|аналитик|эксперт|менеджер|специалист)[а-яё]*[\s\u00a0]+$",
                          re.IGNORECASE)
_CUE_CAPS = re.compile(_CUE + r"\s+(?!" + LEGAL_RU + r"(?![\w]))(?P<name>[А-ЯЁ]{2,}(?:-[А-ЯЁ]+)?)(?![\w])")
_LATIN_SEQ = re.compile(
    r"(?<![\w@/.:])[A-Z][\w’'&.\-]*(?:[ \u00a0](?:[A-Z][\w’'&.\-]*|\d+[A-Za-z][\w]*|of|and|&|de|for|the))*")
_LATIN_LEGAL = {"Corporation", "Inc", "Inc.", "Ltd", "Ltd.", "Co", "Co.", "Corp", "Corp.", "plc", "PLC", "LLP", "LLC", "JSC", "PJSC",
                "AG", "SA", "S.A.", "NV", "N.V.", "GmbH", "Limited", "Pty", "Pty."}
_LATIN_SKIP = re.compile(r"^(?:[IVX]+|USD|EUR|KZT|RUB|UZS|KGS|CNY|GDP|CEO|CFO|COO|ESG|IPO|LME|EBITDA|OK|C\d|"
                         r"JORC|KAZRC|PERC|CRIRSCO|SAMREC|NI|NI 43-101|AIX|KASE|MOEX|LSE|HKEX|NYSE|ASX|TSX|SSE|"
                         r"[A-Z]|IT|PR|TV|VIP|PDF|WhatsApp|Telegram|Facebook|Twitter|Instagram|YouTube|Google|"
                         r"News|Google News|VK|Viber)$")
_KW = (r"(?=[МмРрУуТтПпКк])(?P<kw>[Мм]есторождени[а-яё]*|[Рр]удник[а-яё]*|[Уу]част(?:ок|к[а-яё]+)|[Рр]удопроявлени[а-яё]*|"
       r"[Тт]рубк[аеиуой]{1,2}|[Рр]азрез[а-яё]{0,2}|[Пп]роект[а-яё]{0,2}|"
       r"[Пп]лощад[ьи]|[Кк]арьер[а-яё]*)")
_NAME1 = (r"(?:[«\"“„][^«»\"“”„\n]{2,40}[»\"”“]|[A-ZА-ЯЁ][\w]*(?:-[\wА-ЯЁа-яё]+)*"
          r"(?:[ \u00a0][A-ZА-ЯЁ][\w]*(?:-[\w]+)*){0,2})")
_KW_NAMES = re.compile(_KW + r"(?P<between>(?:[ \t\u00a0]+(?!месторожд|рудник|участ|рудопроявл|трубк|разрез|проект|"
                       r"площад|карьер)[а-яё]+){0,4}?)[ \t\u00a0]+(?P<names>" + _NAME1
                       + r"(?:[ \u00a0]*(?:,|[ \u00a0]и)[ \u00a0]*" + _NAME1 + r")*)")
_KW_PERSON = re.compile(_KW + r"\s+(?:имени|им\.)\s*(?P<init>(?:[А-ЯЁ]\.\s?){0,2})(?P<sur>[А-ЯЁ][а-яё]+)")
_ADJ = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:ск|цк)(?:ое|ого|ому|им|ом|ий|ая|ой|ую|ие|их|ими)"
# "Бала-Саускандыкское уранованадиевое месторождение": a commodity or kind adjective between name and word
_ADJ_KW = re.compile(r"(?P<adjs>" + _ADJ + r"(?:\s*,\s*" + _ADJ + r")*(?:\s+и\s+" + _ADJ + r")?)"
                     r"(?P<mid>(?:[ \u00a0]+[а-яё-]+(?:ое|ого|ому|ым|ом|ый|ий|ая|ой|ую|ые|ых|ыми|ие|их)){0,2}?)"
                     r"[ \u00a0]+" + _KW)
_KIND_ADJ = re.compile(r"(?:золото|медно|)?(?:рудн|россыпн|коренн|крупн|уникальн|перспективн|порфиров|колчеданн|"
                       r"жильн|полиметаллическ)[а-яё]*")
_PAREN_COMMODITIES = re.compile(r"(?P<name>" + _CYR_CAP + r")\s+\((?P<list>[а-яё]+(?:,\s*[а-яё]+)+)\)")
_PLACE_NOUN = re.compile(r"^\s+(?:област[ьиюей]*|район[а-яё]*|кра[йяюе][а-яё]*|регион[а-яё]*|округ[а-яё]*|"
                         r"аймак[а-яё]*|республик[а-яё]*|групп[а-яё]*)")
_PGM = re.compile(r"металл[а-яё]*\s+платинов[а-яё]+\s+групп[а-яё]+", re.IGNORECASE)
_IRON = re.compile(r"железн[а-яё]+\s+руд[а-яё]*", re.IGNORECASE)
_COMPANY_NOUN = re.compile(r"^\s+(?:завод[а-яё]*|компани[а-яё]*|комбинат[а-яё]*|корпораци[а-яё]*|холдинг[а-яё]*|"
                           r"отрасл[а-яё]*|фабрик[а-яё]*|промышленност[а-яё]*)")
_METAPHOR_BEFORE = ("бел", "черн", "голуб", "зелен", "мягк", "жидк")
ROLE_WORDS = ("министр", "вице-министр", "премьер-министр", "президент", "вице-президент", "директор", "гендиректор",
              "генеральный директор", "председатель", "глава", "аким", "заместитель", "представитель", "геолог",
              "губернатор", "руководитель", "заведующая", "заведующий", "начальник", "советник", "депутат",
              "посол", "управляющий", "основатель", "владелец", "акционер", "эксперт", "аналитик", "спикер",
              "главный геолог", "исполнительный директор", "председатель правления", "мэр")
_ROLE_RE = re.compile(r"(?<![\w-])(?=[ВвПпМмГгДдАаЗзРрНнСсУуОоЭэ])(?P<role>(?:[Вв]ице-|[Пп]ремьер-)?(?:[Мм]инистр|[Пп]резидент)[а-яё]*|"
                      r"(?:[Гг]ен)?[Дд]иректор[а-яё]*|[Пп]редседател[а-яё]+|[Гг]лав[аыеуой]+|[Аа]ким[а-яё]*|"
                      r"[Зз]аместител[а-яё]+|[Пп]редставител[а-яё]+|[Гг]еолог(?:а|у|ом|е|и|ов|ам|ами)?|[Гг]убернатор[а-яё]*|"
                      r"[Рр]уководител[а-яё]+|[Зз]аведующ[а-яё]+|[Нн]ачальник[а-яё]*|[Сс]оветник[а-яё]*|"
                      r"[Дд]епутат[а-яё]*|[Пп]осол|[Пп]осла|[Уу]правляющ[а-яё]+|[Оо]снователь|[Ээ]ксперт[а-яё]*|"
                      r"[Аа]налитик[а-яё]*|[Мм]эр[а-яё]*|[Сс]пикер[а-яё]*)(?![\w])")
_SURNAME_END = re.compile(r"(?:ов|ев|ёв|ин|ова|ева|ина|ский|ская|енко|швили|дзе|ян)$")
_CREDIT = re.compile(r"(?:[Фф]ото|[Аа]втор|[Ии]сточник|©)[^\n]{0,60}$")


@dataclass
class _Ent:
    kind: str
    name: str  # canonical Latin
    forms: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    code: str | None = None
    role: str | None = None
    org: str | None = None


class _Found:
    def __init__(self, size: int) -> None:
        self.ents: dict[tuple[str, str], _Ent] = {}
        self.claimed: list[tuple[int, int]] = []
        self._mask = bytearray(size + 1)

    def add(self, kind: str, name: str, form: str, start: int, end: int, code: str | None = None) -> _Ent:
        key = (kind, (code or name).casefold())
        ent = self.ents.get(key)
        if ent is None:
            ent = self.ents[key] = _Ent(kind, name, code=code)
        if form and form not in ent.forms and form != ent.name:
            ent.forms.append(form)
        if (start, end) not in ent.mentions:
            ent.mentions.append((start, end))
        return ent

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
    no break after an initial or a short abbreviation (тыс., млн., г., М.В., т. е.) except tonnes
    after a figure ("добыто 5 т. Компания") and "и т. д." / "и т. п." before a capital."""

    _END = re.compile(r"(?<=[.!?…])[\s\u00a0]+(?=[«\"“„(]?[A-ZА-ЯЁ0-9])|\n+")
    # "1,2 млн т. Компания ...": tonnes end the sentence ("т." after a figure, before a capital)
    _TONNES = re.compile(r"(?:\d|тыс\.?|млн\.?|млрд\.?|трлн\.?)[\s\u00a0]*т\.$|(?<![\w.])т\.[\s\u00a0]?[дп]\.$")
    _ABBR = re.compile(r"(?:\b[А-ЯЁA-Z]|\bтыс|\bмлн|\bмлрд|\bтрлн|\bг|\bгг|\bруб|\bкв|\bим|\bт|\bст|\bп|\bн|\bул|\bд|\bкоп|\bдолл)\.$")

    def __init__(self, text: str) -> None:
        self.spans: list[tuple[int, int]] = []
        start = 0
        for m in self._END.finditer(text):
            if "\n" not in m.group(0) and self._ABBR.search(text[max(start, m.start() - 6):m.start()]) \
                    and not self._TONNES.search(text[max(start, m.start() - 12):m.start()]):
                continue
            if m.start() > start:
                self.spans.append((start, m.start()))
            start = m.end()
        if start < len(text):
            self.spans.append((start, len(text)))

    def index(self, pos: int) -> int:
        for i, (s, e) in enumerate(self.spans):
            if s <= pos < e or pos < s:
                return i
        return len(self.spans) - 1

    def span(self, pos: int) -> tuple[int, int]:
        return self.spans[self.index(pos)] if self.spans else (0, 0)


# English words of company names written in Cyrillic, given back in English ("Аулие Голд Майнинг" ->
# "Auliye Gold Mining"), as English-language news writes them
_ENGLISH_WORDS = {
    "Майнинг": "Mining", "Компани": "Company", "Кампани": "Company", "Ресорсиз": "Resources",
    "Ресурсиз": "Resources", "Ресорсез": "Resources", "Холдинг": "Holding", "Холдингс": "Holdings",
    "Груп": "Group", "Групп": "Group", "Металс": "Metals", "Минералс": "Minerals", "Минералз": "Minerals",
    "Энерджи": "Energy", "Копер": "Copper", "Коппер": "Copper", "Корпорейшн": "Corporation",
    "Интернешнл": "International", "Интернэшнл": "International", "Оперейтинг": "Operating",
    "Солюшнс": "Solutions", "Голдфилдз": "Goldfields", "Голдфилдс": "Goldfields", "Каспиан": "Caspian",
    "Ойл": "Oil", "Сильвер": "Silver", "Инвестментс": "Investments", "Девелопмент": "Development",
    "Эксплорейшн": "Exploration", "Смелтинг": "Smelting", "Трейдинг": "Trading", "Сервисез": "Services",
    "Ураниум": "Uranium", "Лимитед": "Limited", "Кэпитал": "Capital", "Капитал": "Capital",
    "Партнерс": "Partners", "Технолоджис": "Technologies", "Индастриз": "Industries", "Стил": "Steel",
    "Алюминиум": "Aluminium", "Текнолоджи": "Technology", "Текнолоджис": "Technologies", "Голд": "Gold", "Инк": "Inc", "Ко": "Co", "Цинк": "Zinc", "Сталь": "Steel",
}


def _latin_name(name: str) -> str:
    """Canonical Latin of a Cyrillic name: a known company's word keeps its canonical name
    ("ТАЛКО Голд" -> "TALCO Gold"), an English word comes back in English ("Майнинг" -> "Mining"),
    a Latin-shaped acronym turns Latin, the rest is romanised."""
    single = _single_word_companies()
    words = []
    for w in re.split(r"(\s+|-)", name):
        if w in single:
            words.append(single[w])
        elif w in _ENGLISH_WORDS:
            words.append(_ENGLISH_WORDS[w])
        elif latin_lookalike(w):
            words.append(latin_lookalike(w) or w)
        else:
            words.append(translit(w))
    return re.sub(r"\s+", " ", "".join(words)).strip(" -—–")


_SINGLE: dict[str, str] = {}


def _single_word_companies() -> dict[str, str]:
    if not _SINGLE:
        for k in gz.known():
            if k.kind == "company":
                for f in k.forms:
                    if " " not in f and has_cyrillic(f):
                        _SINGLE[f] = k.name
    return _SINGLE


def _strip_quotes(s: str) -> str:
    return s.strip().strip(_Q_OPEN + _Q_CLOSE + "„‟").strip()


def _countries(text: str, found: _Found) -> None:
    for m in _WORD_RE.finditer(text):
        code = gz.country_of_word(m.group(0))
        if code:
            found.add("country", gz.country_names().get(code, code), m.group(0), m.start(), m.end(), code=code)


def _commodities(text: str, found: _Found, spans: list[tuple[int, int, str, bool]]) -> None:
    """Commodity mentions; ``spans`` collects (start, end, commodity, descriptive_of_company)."""
    taken: list[tuple[int, int]] = []
    for rx, phrase in ((_PGM, "platinum group metals"), (_IRON, "iron ore")):
        for m in rx.finditer(text):
            taken.append((m.start(), m.end()))
            found.add("commodity", phrase, m.group(0), m.start(), m.end())
            spans.append((m.start(), m.end(), phrase, False))
    for m in gz.commodity_word_re().finditer(text):
        if any(s <= m.start() < e for s, e in taken) or found.is_claimed(m.start(), m.end()):
            continue
        w = m.group(0)
        low = w.lower()
        if not has_cyrillic(low) or (w[:1].isupper() and m.start() > 0 and text[m.start() - 1] in _Q_OPEN):
            continue
        name = gz.commodity_of_word(low)
        if name is None:
            continue
        before = [w.strip("«\"“„(") for w in text[max(0, m.start() - 12):m.start()].lower().split()]
        if before and before[-1].startswith(_METAPHOR_BEFORE) and name in ("gold", "oil", "natural gas"):
            continue
        after = text[m.end():m.end() + 16]
        company_word = bool(_COMPANY_NOUN.match(after))
        plain_adj = re.search(r"(?:ый|ий|ой|ая|ое|ого|ому|ым|ом|ую|ые|ых|ыми|ей)$", low) and not re.search(
            r"(?:добыва|плавил|рудн|носн|содерж|перераб|извлек)", low)
        if company_word and plain_adj and not low.startswith(("медеплав",)):
            continue  # "алюминиевый завод", "угольная компания": part of a name
        found.add("commodity", name, w, m.start(), m.end())
        spans.append((m.start(), m.end(), name, company_word))


def _known(text: str, found: _Found, media: list[tuple[int, int]]) -> None:
    index = gz.known_index()
    for w in _KNOWN_START.finditer(text):
        candidates = index.get(text[w.start():w.start() + 3])
        if not candidates or found.is_claimed(w.start(), w.start() + 1):
            continue
        for rx, k, form in candidates:
            m = rx.match(text, w.start())
            if m is None:
                continue
            if k.kind == "media":
                media.append((m.start(), m.end()))
            elif k.kind == "deposit" and not _deposit_here(text, m.start(), m.end()):
                break  # "Актогайский район", "Лебединский ГОК", "ТОО «СП «Инкай»": a place, a plant, a company
            elif not found.is_claimed(m.start(), m.end()):
                found.add(k.kind, k.name, form, m.start(), m.end())
            found.claim(m.start(), m.end())
            break


_KNOWN_START = re.compile(r"(?<![\w-])[\w]")
# what a deposit's name is not part of: a district or town, a plant or company named after the deposit
_NOT_DEPOSIT_AFTER = re.compile(
    r"[»\"”“]?(?:(?:\s*,|\s+и)\s+[А-ЯЁ][\w-]*(?:ск|цк|н)[а-яё]+)*[\s\u00a0]+(?:[а-яё]+[\s\u00a0]+)?(?:ГОК|ГМК|ГРК|ГПК|ЗИФ|ОФ|[Гг]орно-[а-яё]+\s+комбинат|"
    r"[Гг]орно-[а-яё]+|[Пп]роизводственн|[Оо]бъединени|комбинат|завод|фабрик|компани|район|област|город|поселк|посёлк|сел[оаеу]\b|аул|округ|улиц|проспект|"
    r"железнодорожн|станци|аэропорт|[Мм]айнинг|Mining|Голд|Gold|Ресорсиз|Resources)")
_NOT_DEPOSIT_BEFORE = re.compile(
    r"(?:" + LEGAL_RU + r"|ГОК|ГМК|ГРК|[Кк]омпани[а-яё]+|[Пп]редприяти[а-яё]+|[Кк]омбинат[а-яё]*|[Зз]авод[а-яё]*|"
    r"[Фф]абрик[а-яё]+|[Кк]омплекс[а-яё]*|[Гг]ород[а-яё]*|[Пп]оселк[а-яё]*|[Пп]оселок|[Сс]ел[оаеу]|г\.|пос\.|с\.)"
    r"[\s\u00a0]*(?:[«\"“„][^«»\"“”„\n]{0,30}?)?[«\"“„]?$")


def _deposit_here(text: str, start: int, end: int) -> bool:
    """False when a deposit's name found by the gazetteer names something else here: the district or
    town named after it ("в Актогайском районе"), a plant or company ("Лебединский ГОК", "ТОО «Инкай»",
    "«Кумтор Голд»")."""
    if _NOT_DEPOSIT_AFTER.match(text, end, end + 40):
        return False
    return not _NOT_DEPOSIT_BEFORE.search(text[max(0, start - 40):start])


def _company(found: _Found, raw: str, start: int, end: int) -> None:
    name = _strip_quotes(raw)
    inner = re.search(r"[„“\"«]([^„“\"«»”]+)[”“\"»]?$", name)
    if inner:
        name = inner.group(1).strip()
    name = re.sub(r"^(?:НАК|АК|ТОО|АО|СП)\s+", "", name).strip()
    name = re.sub(r"[\s,]+(?:ЛТД|Лтд|LTD|Ltd\.?|ЛЛП|LLP|Инк|Inc\.?)$", "", name).strip()
    if len(name) < 2 or not (name[:1].isupper() or name[:1].isdigit()):
        return
    k = gz.lookup(name)
    if k is not None and k.kind in ("company", "org"):
        found.add(k.kind, k.name, name, start, end)
    elif k is not None and k.kind == "media":
        return
    else:
        latin = _latin_name(name) if has_cyrillic(name) else _strip_latin_legal(name)
        found.add("company", latin, name, start, end)
    found.claim(start, end)


def _strip_latin_legal(name: str) -> str:
    words = name.replace(",", " ").split()
    while words and words[-1] in _LATIN_LEGAL:
        words.pop()
    return " ".join(words)


# a mining and processing plant: "Качканарский ГОК", "Бозшакольского и Актогайского ГОКов", "ГОК «Депутатский»"
_PLANT_ADJ1 = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?(?:ск|цк|н)(?:ий|ого|ому|им|ом|их)"
_PLANT_ADJ = re.compile(rf"(?<![\w-]){_PLANT_ADJ1}(?:\s*,\s*{_PLANT_ADJ1})*(?:\s+и\s+{_PLANT_ADJ1})?"
                        r"[\s\u00a0]+ГОК(?:-?[а-яё]{1,3})?(?![\w])")
_PLANT_QUOTED = re.compile(r"(?<![\w-])(?P<legal>" + LEGAL_RU + r"[\s\u00a0]+)?ГОК(?:-?[а-яё]{1,3})?[\s\u00a0]*"
                           r"[«\"“„](?P<name>[^«»\"“”„\n]{2,40}?)[»\"”“]")


def _plants(text: str, found: _Found) -> None:
    """A plant (ГОК) is neither a deposit nor, unless a legal form says so ("ЗАО ГОК «Депутатский»"),
    a company: its words are taken so that no later rule reads them as a deposit."""
    if "ГОК" not in text:
        return
    for m in _PLANT_ADJ.finditer(text):
        if not found.overlaps(m.start(), m.end()):
            found.claim(m.start(), m.end())
    for m in _PLANT_QUOTED.finditer(text):
        if found.overlaps(m.start("name"), m.end("name")):
            continue
        if m.group("legal"):
            _company(found, m.group("name"), m.start("name"), m.end("name"))
        found.claim(m.start(), m.end())


_QUOTED = re.compile(r"[«\"“„](?P<name>[A-ZА-ЯЁ][^«»\"“”„\n]{2,50}?)[»\"”“]")
_CAP_WORD = re.compile(r"[A-ZА-ЯЁ0-9][\w&.’'-]*")
_NATIONAL_BEFORE = re.compile(r"(?<![\w-])(?P<adj>[А-ЯЁа-яё]+(?:ск|цк)(?:ая|ий|ое|ой|ую|ого|ому|им))[\s\u00a0]+$")


def _quoted_companies(text: str, found: _Found) -> None:
    """Quoted names the gazetteer holds only the first word(s) of: «Казахмыс Смелтинг», «KAZ Minerals
    Aktogay» are companies of their own, not Kazakhmys with a word after it. Runs before the gazetteer."""
    for m in _QUOTED.finditer(text):
        name = m.group("name").strip()
        words = name.split()
        if len(words) < 2 or not all(_CAP_WORD.fullmatch(w) for w in words):
            continue
        for cut in range(len(words) - 1, 0, -1):
            k = gz.lookup(" ".join(words[:cut]))
            if k is not None and k.kind == "company":
                s, e = m.start("name"), m.start("name") + len(name)
                found.add("company", _latin_name(name), name, s, e)
                found.claim(s, e)
                break


def _national_companies(text: str, found: _Found) -> None:
    """A quoted name after a country's adjective is a company: "китайская «Цзиньчуань»"."""
    for q in _QUOTED.finditer(text):
        m = _NATIONAL_BEFORE.search(text, max(0, q.start() - 40), q.start())
        if m is None or not gz.country_of_word(m.group("adj")):
            continue
        s, e = q.start("name"), q.end("name")
        if not found.overlaps(s, e):
            _company(found, q.group("name"), s, e)


def _companies(text: str, found: _Found) -> None:
    _plants(text, found)
    _national_companies(text, found)
    for m in _LEGAL_QUOTED.finditer(text):
        _company(found, m.group("name"), m.start("name"), m.end("name"))
    for m in _LEGAL_BARE.finditer(text):
        name = m.group("name").rstrip(".")
        if not found.overlaps(m.start("name"), m.start("name") + len(name)) and not LEGAL_WORD.fullmatch(name.split()[0]):
            _company(found, name, m.start("name"), m.start("name") + len(name))
    for m in _CUE_QUOTED.finditer(text):
        if not found.is_claimed(m.start("name"), m.end("name")):
            _company(found, m.group("name"), m.start("name"), m.end("name"))
    for m in _CUE_CAPS.finditer(text):
        if not found.is_claimed(m.start("name"), m.end("name")):
            _company(found, m.group("name"), m.start("name"), m.end("name"))
    for m in _CUE_WORDS.finditer(text):
        first = m.group("name").split()[0]
        if _POST_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue  # "управляющий партнер компании Пини Альтхаус": a person of the company
        if found.overlaps(m.start("name"), m.end("name")) or morph.is_dictionary_word(first) \
                or morph.given_name(first) or _country_stem(first) or morph.is_oblique_place(first):
            continue
        _company(found, m.group("name"), m.start("name"), m.end("name"))


def _acting_companies(text: str, found: _Found) -> None:
    """A quoted coined name followed by a verb in the past tense is a company: «Самрук-Энерго»
    подписала, «Qazaqgaz» и «Самрук-Энерго» подписали. Runs after the deposits have taken theirs."""
    for m in _QUOTED_ACTS.finditer(text):
        if not morph.is_past_verb(m.group("verb")):
            continue
        for q in _QUOTED.finditer(text, m.start(), m.start("verb")):
            s, e = q.start("name"), q.end("name")
            first = re.split(r"[\s-]", q.group("name"))[0]
            if found.overlaps(s, e) or morph.is_dictionary_word(first) or _country_stem(first):
                continue
            _company(found, q.group("name"), s, e)


def _latin_companies(text: str, found: _Found) -> None:
    for m in _LATIN_SEQ.finditer(text):
        raw = m.group(0).rstrip(".,;:’'-")
        s, e = m.start(), m.start() + len(raw)
        if has_cyrillic(raw):
            continue  # "V-очередь": a Latin numeral joined to a Russian word
        if found.overlaps(s, e):
            continue
        follow = text[e:e + 30]
        if re.match(r"[ \u00a0][a-z]{2,}", follow) and not re.match(r"[ \u00a0](?:of|and|de|for|the)\b", follow):
            continue  # a sentence in a Latin-script language, not a name
        if raw.startswith(("http", "www")) or re.search(r"\.(?:kz|ru|uz|kg|tj|com|org|net|mn)$", raw):
            continue
        name = _strip_latin_legal(raw)
        if not name or _LATIN_SKIP.match(name) or name in _LATIN_LEGAL:
            continue
        # an all-capital short word in brackets right after a name is that name's abbreviation
        if re.fullmatch(r"[A-Z]{2,6}", name) and text[s - 1:s] == "(" and text[e:e + 1] == ")":
            continue
        k = gz.lookup(name)
        if k is not None:
            if k.kind != "media":
                found.add(k.kind, k.name, name, s, e)
            found.claim(s, e)
            continue
        found.add("company", name, name, s, e)
        found.claim(s, e)


def _trim_name(raw: str) -> str:
    """A name after a deposit word less the capitalised words that follow it without belonging to it:
    "Кумтор Министерством (геологии)" -> "Кумтор" (a dictionary noun that is no nominative)."""
    if raw[:1] in _Q_OPEN:
        return raw
    words = raw.split()
    for i in range(1, len(words)):
        if morph.is_dictionary_word(words[i]) and not morph.can_be_nominative(words[i]):
            return " ".join(words[:i])
    return raw


def _deposit_name(found: _Found, raw: str, start: int, end: int, text: str, kw: str | None = None) -> _Ent | None:
    name = _strip_quotes(raw)
    quoted = raw.strip()[:1] in _Q_OPEN
    if len(name) < 3 or not (name[:1].isupper() or (quoted and name[:1].isdigit() and re.search(r"[А-ЯЁ]", name))):
        return None  # a quoted name may begin with a figure: «50 лет Октября»
    first = name.split()[0]
    if first in gz.countries()[1] or _country_stem(first):
        return None
    if _PLACE_NOUN.match(text[end:end + 20]):
        return None  # "месторождения Карагандинской области"
    if not quoted and (morph.is_common_word(first) or any(morph.is_oblique_place(w) for w in name.split())):
        return None  # "месторождения Центральной Азии", "месторождения Якутии": a place in the genitive
    k = gz.lookup(name)
    if kw is not None and kw.lower().startswith("проект") and (k is None or k.kind != "deposit"):
        return None  # after "проект" only a known deposit ("проект «Кумторзолото»", "проект Правительства")
    if k is not None and k.kind == "deposit":
        ent = found.add("deposit", k.name, name, start, end)
    else:
        ent = found.add("deposit", _latin_name(name), name, start, end)
    found.claim(start, end)
    return ent


def _adjective_deposit(adj: str, kw: str, text: str) -> str:
    """The canonical Cyrillic name of "Удоканского месторождения": the noun when the text also
    uses it or the adjective is built on a noun in -й/-ь (Дюсембайского -> Дюсембай), else the
    adjective in the gender of the word it qualifies (Удоканское месторождение, Ирбинский рудник)."""
    base = morph.adjective_neuter(adj)
    m = re.match(r"(.+?)(?:ское|цкое|ное)$", base)
    if m:
        stem = m.group(1)
        if re.search(r"[аеиоуыэюяё]й$|ь$", stem) or re.search(r"(?<![\w-])" + re.escape(stem) + r"(?![\w-])", text):
            return stem
    if kw.lower().startswith(("рудник", "гок", "участ", "карьер", "разрез")):
        return re.sub(r"ое$", "ий", base)
    if kw.lower().startswith(("площад", "трубк")):
        return re.sub(r"ое$", "ая", base)
    return base


_BARE_KW = re.compile(r"(?<![\w-])(?:[Мм]есторождени[а-яё]*|[Уу]част(?:ок|к[аеуи]|ком)|[Рр]удник[аеуи]?)(?![\w-])")


def _deposits(text: str, found: _Found, links: list[tuple[_Ent, str]], sents: Sentences,
              bare: list[tuple[int, int]]) -> None:
    def commodity_of(word: str) -> str | None:
        return gz.commodity_of_word(word.lower())

    def near_commodities(after: str) -> list[str]:
        """Commodities named right after a deposit word: "месторождения лития", "по урану и молибдену"."""
        out: list[str] = []
        m = re.match(r"\s+(?:по\s+|с\s+содержанием\s+)?(?P<list>[а-яё]+(?:\s+руд[а-яё]*)?(?:\s*(?:,|и)\s*[а-яё]+)*)", after)
        if not m:
            return out
        if _IRON.match(m.group("list")):
            return ["iron ore"]
        for w in re.split(r"\s*(?:,|\sи\s)\s*|\s+", m.group("list")):
            c = commodity_of(w) if w else None
            if c is None:
                break
            out.append(c)
        return out

    for m in _KW_PERSON.finditer(text) if "им" in text else ():
        sur = m.group("sur")
        nom = morph.surname_nominative(sur, "masc")
        form = f"имени {m.group('init')}{sur}".replace("  ", " ")
        if not found.is_claimed(m.start("init"), m.end("sur")):
            ent = found.add("deposit", translit(nom), form, m.start("init"), m.end("sur"))
            ent.forms.append(nom)
            found.claim(m.start("init"), m.end("sur"))
    for m in _ADJ_KW.finditer(text):
        kw = m.group("kw")
        before = text[max(sents.span(m.start())[0], m.start() - 25):m.start()].split()
        if text[m.end():m.end() + 15].lstrip().startswith(("месторожд",)) and kw.lower().startswith("групп"):
            continue
        adjs = [a for a in re.split(r"\s*,\s*|\s+и\s+", m.group("adjs")) if a]
        pos = m.start()
        near = near_commodities(text[m.end():m.end() + 60])
        mid = m.group("mid").split()
        if any(commodity_of(w) is None and not _KIND_ADJ.fullmatch(w) for w in mid):
            continue  # "Карагандинской области месторождение": the words between are not the deposit's kind
        near = [*(c for c in (commodity_of(w) for w in mid) if c), *near]
        for a in adjs:
            s = text.index(a, pos)
            pos = s + len(a)
            if found.is_claimed(s, pos):
                for ent in found.ents.values():
                    if ent.kind == "deposit" and any(ms == s for ms, _ in ent.mentions):
                        for c in near:
                            links.append((ent, c))
                continue
            name = _adjective_deposit(a, kw, text)
            ent2 = _deposit_name(found, name, s, pos, text, kw)
            if ent2 is not None:
                if a not in ent2.forms:
                    ent2.forms.append(a)
                for c in near:
                    links.append((ent2, c))
                if before and commodity_of(before[-1]):
                    links.append((ent2, commodity_of(before[-1]) or ""))
    for m in _KW_NAMES.finditer(text):
        between = m.group("between").split()
        if any(commodity_of(w) is None and w not in ("по", "с", "содержанием") for w in between) \
                and not _IRON.match(m.group("between").strip()):
            continue
        near = [c for c in (commodity_of(w) for w in between) if c]
        if _IRON.search(m.group("between")):
            near = ["iron ore"]
        before = text[max(sents.span(m.start())[0], m.start() - 25):m.start()].split()
        pre = commodity_of(before[-1]) if before else None
        names = m.group("names")
        pos = m.start("names")
        parts = re.findall(_NAME1, names)
        for raw in parts:
            s = text.index(raw, pos)
            pos = s + len(raw)
            raw = _trim_name(raw)
            e = s + len(raw)
            if found.is_claimed(s, e):
                for known_ent in found.ents.values():
                    if known_ent.kind == "deposit" and any(ms <= s < me or s <= ms < e
                                                           for ms, me in known_ent.mentions):
                        for c in [*near, *([pre] if pre else [])]:
                            links.append((known_ent, c))
                continue
            if re.fullmatch(_ADJ, raw) and re.match(r"\s+[а-яё]", text[e:e + 3]) \
                    and not raw.endswith(("ское", "цкое", "ская", "ский")):
                break  # "рудников Талнахского рудного узла": the adjective qualifies what follows
            new = _deposit_name(found, raw, s, e, text, m.group("kw"))
            if new is None:
                break
            for c in [*near, *([pre] if pre else [])]:
                links.append((new, c))
            if not near:
                for c in near_commodities(text[e:e + 60]):
                    links.append((new, c))
    for m in _PAREN_COMMODITIES.finditer(text):
        items = [c for c in (commodity_of(w) for w in re.split(r",\s*", m.group("list"))) if c]
        if len(items) == len(re.split(r",\s*", m.group("list"))):
            listed = _deposit_name(found, m.group("name"), m.start("name"), m.end("name"), text)
            if listed is not None:
                for c in items:
                    links.append((listed, c))
    # a deposit word with no name but with its commodity: "месторождение олова", "запасы месторождения ... меди"
    for m in _BARE_KW.finditer(text):
        after = text[m.end():m.end() + 20]
        if re.match(r"\s+(?:[«\"“„]|[A-ZА-ЯЁ]|имени|им\.)", after):
            continue
        if found.overlaps(max(0, m.start() - 3), m.start()):
            continue  # "на Березовском месторождении": named by the adjective before it
        bare.append((m.start(), m.end()))


def _mentions_by_stem(text: str, found: _Found) -> None:
    """Later mentions of names found once, in other case forms: Сырымбете, «Евразруды», Дукате."""
    for ent in list(found.ents.values()):
        if ent.kind not in ("company", "deposit"):
            continue
        for form in list(ent.forms):
            if " " in form or not has_cyrillic(form) or len(form) < 5:
                continue
            stem = form[:-1] if form[-1] in "аеиоуыэюяйь" else form
            if form.endswith(("ское", "ская", "ский", "цкое")):
                stem = form[:-2]
            for m in re.finditer(r"(?<![\w-])" + re.escape(stem) + gz.ENDINGS + r"(?![\w-])", text):
                if (m.start(), m.end()) not in ent.mentions and not found.is_claimed(m.start(), m.end()):
                    ent.mentions.append((m.start(), m.end()))
                    found.claim(m.start(), m.end())


@lru_cache(maxsize=65536)
def _country_stem(word: str) -> bool:
    """True when the word begins like a country's name or adjective (Узбекистана, Казахстанский)."""
    low = word.lower()
    return any(low.startswith(s) for s in gz.countries()[0])


def _persons(text: str, found: _Found, authors: list[str]) -> None:
    words = list(re.finditer(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?", text))
    roles = [(m.start(), m.end(), m.group("role")) for m in _ROLE_RE.finditer(text)]
    for ent in found.ents.values():  # people the gazetteer named: their post, as for the others
        if ent.kind == "person" and ent.mentions and ent.role is None:
            start = min(ent.mentions)[0]
            ent.role = _role_before(text, roles, start)
            if ent.role:
                ent.org = _org_before(text, found, start)
    i = 0
    while i < len(words) - 1:
        a, b = words[i], words[i + 1]
        gap = text[a.end():b.start()]
        if gap not in (" ", "\u00a0") or found.is_claimed(a.start(), b.end()) or text[a.start() - 1:a.start()] in _Q_OPEN:
            i += 1
            continue  # «Тау-Кен Алтын»: a quoted name is no person
        if re.search(r"(?:[Фф]ото|архив|©)", text[max(0, a.start() - 40):a.start()]):
            i += 1
            continue
        surname_word = b.group(0)
        third = words[i + 2] if i + 2 < len(words) else None
        patronymic = re.search(r"(?:вич|вна|ична|чна|вича|вны|вичу|вне|вичем|вной)$", surname_word)
        if patronymic and third is not None and text[b.end():third.start()] in (" ", "\u00a0"):
            surname_word, b = third.group(0), third
        elif patronymic:
            i += 2
            continue  # "Болотбек Имашевич": a first name and patronymic, no surname
        if _PLACE_NOUN.match(text[b.end():b.end() + 20]) or _ROLE_RE.fullmatch(a.group(0)) \
                or _country_stem(a.group(0)) or _country_stem(surname_word):
            i += 1
            continue  # "Аким Карагандинской области", "Президент Узбекистана"
        role = _role_before(text, roles, a.start())
        known = morph.person_nominative(a.group(0), surname_word)
        ok = False
        if known is not None and (morph.is_surname(surname_word) or (
                not morph.is_dictionary_word(surname_word) and not morph.given_name(surname_word))):
            ok = True
        elif role is not None and morph.is_surname(surname_word) and not morph.is_dictionary_word(surname_word) \
                and (not morph.is_dictionary_word(a.group(0)) or _SURNAME_END.search(surname_word)):
            ok = True  # "Министр Канат Шарлапаев": a first name the dictionary reads as a noun
        if not ok:
            i += 1
            continue
        if known is not None:
            given, surname, _gender = known
        else:
            gender = "femn" if surname_word.endswith(("ова", "ева", "ина")) else "masc"
            given, surname = a.group(0), morph.surname_nominative(surname_word, gender)
        full = f"{given} {surname}"
        if any(full == x or surname in x for x in authors):
            i += 2
            continue
        ent = found.add("person", translit(full), full, a.start(), b.end())
        if surname not in ent.forms:
            ent.forms.append(surname)
        if role and ent.role is None:
            ent.role = role
            ent.org = _org_before(text, found, a.start())
        found.claim(a.start(), b.end())
        i += 3 if b is not words[i + 1] else 2
    _initialled(text, found, authors, roles)
    # surname-only mentions of the people found
    for ent in [e for e in found.ents.values() if e.kind == "person"]:
        surname = ent.forms[-1] if ent.forms else ""
        if len(surname) < 4:
            continue
        stem = surname[:-1] if surname[-1] in "аяй" else surname
        for m in re.finditer(r"(?<![\w.-])" + re.escape(stem) + gz.ENDINGS + r"(?![\w-])", text):
            if not found.is_claimed(m.start(), m.end()):
                ent.mentions.append((m.start(), m.end()))


_TWO_INITIALS = re.compile(r"[А-ЯЁ]\.[\s\u00a0]?[А-ЯЁ]\.")
_INITIALS_FIRST = re.compile(r"(?<![\w.])(?=[А-ЯЁ]\.)(?P<init>[А-ЯЁ]\.[\s\u00a0]?(?:[А-ЯЁ]\.[\s\u00a0]?)?)"
                             r"(?P<sur>[А-ЯЁ][а-яё]{2,}(?:-[А-ЯЁ][а-яё]+)?)(?![\w-])")
_INITIALS_AFTER = re.compile(r"(?<![\w.-])(?P<sur>[А-ЯЁ][а-яё]{2,}(?:-[А-ЯЁ][а-яё]+)?)[\s\u00a0]"
                             r"(?P<init>[А-ЯЁ]\.[\s\u00a0]?[А-ЯЁ]\.)")


def _initialled(text: str, found: _Found, authors: list[str], roles: list[tuple[int, int, str]]) -> None:
    """People named by initials and surname ("Е. Нагаспаев", "Сергеев А.В."): a mention of a person
    already found by full name, or a new person written as the text writes them."""
    people = [e for e in found.ents.values() if e.kind == "person"]
    for rx in (_INITIALS_FIRST, _INITIALS_AFTER):
        if rx is _INITIALS_AFTER and not _TWO_INITIALS.search(text):
            continue
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            if found.overlaps(s, e):
                continue
            sur = m.group("sur")
            init = re.sub(r"[\s\u00a0]", "", m.group("init"))
            same = next((p for p in people if any(f.split()[-1][:4] == sur[:4] and f.split()[0][:1] == init[:1]
                                                  for f in p.forms if " " in f)), None)
            if same is not None:
                same.mentions.append((s, e))
                found.claim(s, e)
                continue
            if not morph.is_surname(sur) or morph.is_dictionary_word(sur) or gz.country_of_word(sur) \
                    or any(sur in a for a in authors):
                continue
            if re.search(r"(?:[Фф]ото|[Аа]втор|©)[^\n]{0,30}$", text[max(0, s - 40):s]):
                continue
            gender = "femn" if re.search(r"(?:ова|ева|ёва|ина|ына|ская|цкая)$", sur) else "masc"
            nom = sur if gender == "femn" else morph.surname_nominative(sur, "masc")
            form = f"{' '.join(init.replace('.', '. ').split())} {nom}"
            ent = found.add("person", translit(form), form, s, e)
            if nom not in ent.forms:
                ent.forms.append(nom)
            role = _role_before(text, roles, s)
            if role and ent.role is None:
                ent.role = role
                ent.org = _org_before(text, found, s)
            found.claim(s, e)


def _org_before(text: str, found: _Found, pos: int) -> str | None:
    """The company or body named between a post and the name: "председатель правления АО
    «Казгеология» Жандос Бектемиров" -> Kazgeology."""
    best: tuple[int, str] | None = None
    for ent in found.ents.values():
        if ent.kind not in ("company", "org"):
            continue
        for _s, e in ent.mentions:
            if e <= pos and pos - e <= 40 and not re.search(r"[.;:,]\s", text[e:pos]) and (best is None or e > best[0]):
                best = (e, ent.name)
    return best[1] if best else None


def _role_before(text: str, roles: list[tuple[int, int, str]], pos: int) -> str | None:
    """The post written before a name in the same clause, as a phrase in the nominative:
    "заместитель министра", "председатель правления", "главный геолог"."""
    near = [(rs, re_) for rs, re_, _ in roles
            if re_ <= pos and pos - re_ <= 90 and "\n" not in text[rs:pos] and not re.search(r"[.;:]\s", text[rs:pos])]
    if not near:
        return None
    start, _end = near[-1]
    for rs, re_ in reversed(near[:-1]):  # a chain of posts: "заместитель министра", "вице-президент - директор"
        if re.fullmatch(r"[\s–—-]*", text[re_:start]):
            start = rs
    phrase: list[str] = []
    for w in re.finditer(r"\S+", text[start:pos]):
        word = w.group(0).strip(",")
        if not re.fullmatch(r"[а-яё-]+", word.lower()) or (phrase and not word.islower()) or word in ("компании",):
            break
        phrase.append(word.lower())
        if w.group(0).endswith(","):
            break
    if not phrase:
        return None
    head = morph.parses(phrase[0])
    nom = next((p.normal_form for p in head if p.tag.POS == "NOUN"), phrase[0]) if head else phrase[0]
    before = text[max(0, start - 25):start].split()
    prefix = [w.lower() for w in before[-1:] if w.lower() in ("главный", "главного", "первый", "первого",
                                                               "генеральный", "генерального", "старший")]
    if prefix:
        adj = next((p.normal_form for p in morph.parses(prefix[0]) if p.tag.POS == "ADJF"), prefix[0])
        return " ".join([adj, nom, *phrase[1:]])
    return " ".join([nom, *phrase[1:]])


def extract_ru(text: str, published_at: datetime | None = None,
               author: str | None = None) -> tuple[list[Entity], list[Fact]]:
    """Entities and facts of one Russian-language article ``text``; offsets index into ``text``.

    The rules read ``text`` with look-alike letters folded («Kазатомпpом» with a Latin K and p is
    read as «Казатомпром»); the folded text has the same length, and sentences are quoted from
    ``text`` itself."""
    written = text
    text = fold_lookalikes(text)
    sents = Sentences(text)
    found = _Found(len(text))
    media: list[tuple[int, int]] = []
    authors = [a.strip() for a in re.split(r"\s*(?:,|\sи\s)\s*", author or "") if a.strip()]
    _quoted_companies(text, found)
    _known(text, found, media)
    _companies(text, found)
    _latin_companies(text, found)
    links: list[tuple[_Ent, str]] = []
    bare: list[tuple[int, int]] = []
    _deposits(text, found, links, sents, bare)
    _acting_companies(text, found)
    _mentions_by_stem(text, found)
    _persons(text, found, authors)
    commodity_spans: list[tuple[int, int, str, bool]] = []
    _commodities(text, found, commodity_spans)
    _countries(text, found)

    facts: list[Fact] = []
    for a in find_amounts(text):
        usd = to_usd(a.value, a.unit, published_at)
        facts.append(Fact(type="amount", value=a.value, currency=a.unit,
                          value_usd=usd[0] if usd else None, rate_source=usd[1] if usd else None,
                          sentence=_sentence(written, sents, a.start), start=a.start, end=a.end))
    amount_spans = [(f.start, f.end) for f in facts]
    for q in find_quantities(text):
        if any(s <= q.start < e for s, e in amount_spans):
            continue
        if q.value == 1 and q.unit == "t" and re.search(r"(?:в|на)\s+$", text[max(0, q.start - 4):q.start]):
            continue  # "в 1 тонне руды": the basis of a grade, not a quantity
        commodity = None
        _ss, se = sents.span(q.start)
        after = [c for s, _e, c, _d in commodity_spans if q.end <= s <= q.end + 40 and s < se]
        if after:
            commodity = after[0]
        facts.append(Fact(type="quantity", value=q.value, unit=q.unit, commodity=commodity,
                          sentence=_sentence(written, sents, q.start), start=q.start, end=q.end))

    deposit_commodities = _link_commodities(text, found, links, sents, bare, commodity_spans)
    for ent in found.ents.values():
        if ent.kind != "deposit" or not ent.mentions:
            continue
        first = min(ent.mentions)
        facts.append(Fact(type="deposit", name=ent.name, commodities=deposit_commodities.get(ent.name, []),
                          sentence=_sentence(written, sents, first[0]), start=first[0], end=first[1]))
    for ent in found.ents.values():
        if ent.kind == "person" and ent.role:
            first = min(ent.mentions)
            facts.append(Fact(type="role", person=ent.name, title=ent.role, org=ent.org, name=ent.name,
                              sentence=_sentence(written, sents, first[0]), start=first[0], end=first[1]))
    facts.sort(key=lambda f: (f.start, f.type))

    entities = []
    for ent in found.ents.values():
        if not ent.mentions:
            continue
        ent.mentions.sort()
        entities.append(Entity(kind=ent.kind, name=ent.name, code=ent.code, role=ent.role, org=ent.org,
                               aliases=[f for f in ent.forms if f != ent.name], mentions=ent.mentions))
    order = {"country": 0, "region": 1, "org": 2, "company": 3, "person": 4, "deposit": 5, "commodity": 6}
    entities.sort(key=lambda e: (order.get(e.kind, 9), e.mentions[0][0]))
    return entities, facts


def _sentence(text: str, sents: Sentences, pos: int) -> str:
    s, e = sents.span(pos)
    return text[s:e].strip()


_WORD_END = re.compile(r"[\w-]+")
_DASH_TO = re.compile(r"[а-яё]+[\s\u00a0]*[—–-][\s\u00a0]*(?:(?:на|в|из|с)[\s\u00a0]+)?[«\"“„]?")
_LISTED = re.compile(r"[\s\u00a0,»\"”“«„]*(?:(?:и|а также)[\s\u00a0«„\"“]*)?")


def _owners(text: str, mentions: list[tuple[int, int, _Ent]], pos: int, shared: bool = False) -> list[_Ent]:
    """The deposits of one sentence that a commodity at ``pos`` belongs to: of its clause (up to a
    semicolon), the deposit named nearest to it, before or after ("добыча золота на месторождении X",
    "на X добывают цинк, а на Y — золото"; after a dash, the one after: "медь — на Кальмакыре"), with
    those listed together with it ("Шокпар и Гагаринское богаты золотом"). ``shared``: the sentence names
    one commodity only, which every deposit of the clause shares."""
    cs = text.rfind(";", 0, pos) + 1
    ce = text.find(";", pos)
    ce = len(text) if ce < 0 else ce
    clause = [m for m in mentions if cs <= m[0] < ce]
    if shared:
        return [d for _s, _e, d in clause]
    dash = _DASH_TO.match(text, pos)
    after = [m for m in clause if m[0] >= pos]
    before = [m for m in clause if m[1] <= pos]
    if dash and after and after[0][0] == dash.end():
        before = []
    word_end = _WORD_END.match(text, pos)
    end = word_end.end() if word_end else pos
    if before and (not after or pos - before[-1][1] <= after[0][0] - end):
        group = [before[-1]]
        for m in reversed(before[:-1]):
            if not _LISTED.fullmatch(text, m[1], group[0][0]):
                break
            group.insert(0, m)
    elif after:
        group = [after[0]]
        for m in after[1:]:
            if not _LISTED.fullmatch(text, group[-1][1], m[0]):
                break
            group.append(m)
    else:
        return []
    return [d for _s, _e, d in group]


def _link_commodities(text: str, found: _Found, links: list[tuple[_Ent, str]], sents: Sentences,
                      bare: list[tuple[int, int]], spans: list[tuple[int, int, str, bool]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}

    def add(name: str, commodity: str) -> None:
        lst = out.setdefault(name, [])
        if commodity and commodity not in lst:
            lst.append(commodity)

    for ent, c in links:
        add(ent.name, c)
    tied = {name for name, cs in out.items() if cs}  # deposits the text ties to commodities in so many words
    deposits = [e for e in found.ents.values() if e.kind == "deposit" and e.mentions]

    def _sentence_owners(pos: int) -> list[_Ent]:
        """The deposits a commodity at ``pos`` belongs to in its sentence; every deposit when its
        sentence names none."""
        ss, se = sents.span(pos)
        here = sorted((ms, me, d) for d in deposits for ms, me in d.mentions if ss <= ms < se)
        return _owners(text, here, pos, _one_commodity(ss, se)) if here else deposits

    def _one_commodity(ss: int, se: int) -> bool:
        return len({c for cs, _ce, c, descriptive in spans if ss <= cs < se and not descriptive}) <= 1

    # a known deposit and one of the commodities it is worked for, named in the same paragraph (anywhere
    # when the article names no other deposit)
    known = gz.deposit_commodities()
    for ent in deposits:
        worked = known.get(ent.name)
        if not worked:
            continue
        for s, _e in ent.mentions:
            ps = text.rfind("\n", 0, s) + 1
            pe = text.find("\n", s)
            pe = len(text) if pe < 0 else pe
            if len(deposits) == 1:
                ps, pe = 0, len(text)
            for cs, _ce, c, descriptive in spans:
                if ps <= cs < pe and not descriptive and c in worked and ent in _sentence_owners(cs):
                    add(ent.name, c)
    # a commodity in the sentence of a deposit's mention, for a deposit the text does not tie
    # to its commodities in so many words ("Кончоч (золото, серебро)")
    # ... and when the sentence names several deposits, the commodity goes to the nearest one before it
    # with those listed together with it ("на Акжале медь, а на Каратасе золото"; "Шокпар и Гагаринское
    # богаты золотом"), or to the first one after it when none is before
    for ent in deposits:
        if ent.name in tied:
            continue
        for s, _e in ent.mentions:
            ss, se = sents.span(s)
            here = sorted((ms, me, d) for d in deposits for ms, me in d.mentions if ss <= ms < se)
            for cs, _ce, c, descriptive in spans:
                if ss <= cs < se and not descriptive and ent in _owners(text, here, cs, _one_commodity(ss, se)):
                    add(ent.name, c)
    # "месторождение олова", "запасы месторождения ... меди", "участок содержит ..." with no name: the
    # deposit named last in this paragraph or the sentence before, or the article's only deposit
    for s, _e in bare:
        ss, se = sents.span(s)
        commodities = [c for cs, _ce, c, descriptive in spans if ss <= cs < se and not descriptive and cs > s]
        if not commodities:
            continue
        target = None
        if len(deposits) == 1:
            target = deposits[0]
        else:
            # the paragraph so far, at least the sentence before
            earlier = min(sents.spans[max(0, sents.index(s) - 1)][0], text.rfind("\n", 0, s) + 1)
            last = max(((ms, ent) for ent in deposits for ms, _me in ent.mentions if earlier <= ms < s),
                       default=None, key=lambda t: t[0])
            target = last[1] if last else None
        if target is not None:
            for c in commodities:
                add(target.name, c)
    return out
