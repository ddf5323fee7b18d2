"""Russian rules for companies: legal forms, company words, quoted and Latin names, plants (ГОК)."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from orewire.facts.ru import gazetteer as gz
from orewire.facts.ru import morph
from orewire.facts.ru.found import (
    COMPANY_LOAN_WORDS,
    LEGAL_RU,
    LEGAL_WORD,
    Ent,
    Found,
    country_stem,
    latin_name,
    strip_quotes,
)
from orewire.facts.ru.translit import has_cyrillic, translit
from orewire.facts.scan import Opening

_LEGAL_QUOTED = re.compile(
    r"(?:" + LEGAL_RU[3:-1] + r"|УК|ГДК|ЗДК|ГМК|ГРК|ГГК)\s*[«\"“„]\s*(?:(?:НАК|АК|НК|ГМК|ГК|ГРК|ГДК|ЗДК|МК|ХК)\s*[«\"“„]\s*)?"
    r"(?P<name>[^«»\"“”„\n]{1,80}?(?:\s*[„“\"«][^«»\"“”„\n]{1,60}[”“\"»])?)\s*[»\"”“]")
_QUOTED_LEGAL_AFTER = re.compile(r"[«\"“„](?P<name>[A-ZА-ЯЁ][^«»\"“”„\n]{1,60}?)[»\"”“][ \u00a0]+(?:ТОО|АО|ПАО|ОАО|ЗАО|ООО|ОсОО|LLP|JSC)(?![\w-])")
_DEPOSIT_WORD_BEFORE = re.compile(r"(?:месторождени|рудник|участ|карьер|площад)[а-яё]*[\s\u00a0]*$")
_CUE = (r"(?=[КкНнОоИиПпГгХхФф«ДдАа])(?<![\w-])(?:[Кк]омпани(?:ей|[яиюй])|[Нн]едропользовател(?:ем|[ьяюеи])|[Оо]ператор[а-яё]{0,3}|"
        r"[Ии]нвестор[а-яё]{0,3}|[Пп]одрядчик[а-яё]{0,3}|[Гг]оскорпораци(?:ей|[яиюй])|[Кк]омпаниями|[Пп]редприяти(?:ем|[еяюи])|"
        r"[Кк]омбинат[а-яё]*|[Хх]олдинг[а-яё]*|[Кк]орпораци(?:ей|[яиюй])|[Кк]онцерн[а-яё]*|[Фф]ирм[аыуео]й?|[Фф]онд(?:ом|а|у|е)?|[Кк]онсорциум(?:ом|а|у|е)?|[Гг]рупп(?:а|ы|е|у|ой)|«дочк[аиуой]+»|[Дд]очк[аиуой]+|[Пп]роизводител[ья]м?|[Аа]ртел(?:ь|и|ью|ей)(?:\s+старателей)?)")
# the words before a quoted name that make it a company, looked for only before the quotes of a text: an owner,
# a shareholder, a buyer or seller, a holding's structure, a bank ("акционеры «Кызыл Шокы»", "банк «Восточный»"), or
# the place where people said something ("сообщили в «Алтынтау Кокшетау»")
_OWNER_BEFORE = re.compile(r"(?<![\w-])(?P<cue>[Сс]труктур(?:а|ы|е|у|ой)|[Аа]кционер(?:ы|ов|ом|ами|а|у)?|"
                           r"[Сс]обственник(?:и|ов|ом|а|у)?|[Пп]окупател(?:ь|я|ем|и)|[Пп]родав(?:ец|ца|цом)|"
                           r"[Вв]ладел(?:ец|ьца|ьцем|ьцы)|[Бб]анк(?:ом|а|у|е)?|"
                           r"(?:сообщ|рассказ|заяв|отмет|поясн|подтверд|уточн)[а-яё]{0,2}ли[\s\u00a0]+во?)[\s\u00a0]+$")
# a post before a quoted name in the genitive: "гендиректор «Уралкварца»", "глава «Полюса»", "председатель правления «...»"
_POST_CUE_BEFORE = re.compile(r"(?<![\w-])(?:[Гг]ендиректор[а-яё]{0,2}|[Гг]енеральн(?:ый|ого|ому|ым)[\s\u00a0]+директор[а-яё]{0,2}|"
                              r"[Гг]лав(?:а|ы|е|у|ой)|[Пп]редседател(?:ь|я|ем|ю)(?:[\s\u00a0]+(?:правления|совета[\s\u00a0]+директоров))?|"
                              r"(?:[Вв]ице-)?[Пп]резидент(?:а|ом|у)?|[Рр]уководител(?:ь|я|ем|ю)|[Оо]снова?тел(?:ь|я|ем|ю)|"
                              r"[Сс]овладел(?:ец|ьца|ьцем)|[Пп]ресс-служб(?:а|ы|е|у|ой)|[Пп]ресс-секретар(?:ь|я|ем|ю))[\s\u00a0]+$")
_OWNER_CUE = re.compile(r"[АаСсПпВв](?:кционер|обственник|окупател|родав|ладел)")
_GENITIVE_CUE = re.compile(r"[АаСсПпВв](?:кционер|обственник|окупател|родав|ладел|трукту)")
_BANK_CAPS = re.compile(r"(?<![\w-])[Бб]анк(?:ом|а|у|е)?[\s\u00a0]+(?P<name>[А-ЯЁ]{2,}(?:-[А-ЯЁ]+)?)(?![\w])")
# (on one line: "газета Чукотского АО" closing a line is no legal form of the next line's first word)
# (a dot inside a word, "S.A", not one that ends the sentence: "АО Altyn Samruk Qazaqstan. Об этом")
_LEGAL_BARE = re.compile(r"(?=[ТАОЗПНГСЧИМХ])(?<![\w-])" + LEGAL_RU + r"[ \u00a0]+(?P<name>(?:[A-ZА-ЯЁ](?:[\w&-]|\.(?=\w))*)"
                         r"(?:[ \u00a0][A-ZА-ЯЁ](?:[\w&-]|\.(?=\w))*){0,3})")
# a capitalised region adjective right before "АО": "Чукотского АО", "Ямало-Ненецкий АО" (an autonomous okrug)
_OKRUG_BEFORE = re.compile(r"(?<![\w-])[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:ого|ий|ый|ом|ому)[ \u00a0]+$")
_CUE_QUOTED = re.compile(_CUE + r"(?:\s+по\s+[а-яё]+(?:\s+(?!месторожд|рудник|участ|карьер|проект)[а-яё]+){0,3}?)?"
                         r"\s+[«\"“„](?P<name>[^«»\"“”„\n]{2,60}?)[»\"”“]")
# "зарегистрировал предприятие для участия в проектах — «Эльбруссметалл-литий»": a quoted name of one to three
# capitalised words after a dash that closes a company's word and a few small words
_CUE_DASH_QUOTED = re.compile(_CUE + r"(?:[ \u00a0]+[а-яё]+){0,6}?[ \u00a0]+[—–][ \u00a0]+«(?P<name>[A-ZА-ЯЁ][\w-]*(?:[ \u00a0][A-ZА-ЯЁ][\w-]*){0,2})»")
# "компания Кемин Голд": an unquoted name of capitalised words the dictionary does not know
_CUE_WORDS = re.compile(r"(?<![\w-])(?=[КкХхГг])(?:(?:[Кк]омпани|[Кк]орпораци|[Гг]оскорпораци)(?:я|и|ей|ю)|"
                        # ... also after a holding's or a group's word: "входит в группу Кызылжарметалл"
                        r"[Хх]олдинг(?:а|у|ом|е)?|[Гг]рупп(?:а|ы|у|ой|е))[ \u00a0]+(?P<name>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
                        r"(?:[ \u00a0][А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?){0,2})(?![\w-])")
# ... and after a miner's word: "золотодобытчик Петропавловск"
_MINER_WORDS = re.compile(r"(?:[Зз]олото|[Уу]гле|[Мм]еде|[Уу]рано|[Сс]еребро|[Нн]ефте)?[Дд]обытчик(?:а|у|ом|е)?[ \u00a0]+"
                          + _CUE_WORDS.pattern.split(r")[ \u00a0]+", 1)[1])
_ADJECTIVE_SHAPE = re.compile(r"(?:ых|их|ого|его|ой|ей|ая|яя|ое|ее|ые|ие|ый|ий)$")
_DEPOSIT_WORD_AFTER = re.compile(r"[ \u00a0]+(?:месторожд|участ|рудник|россып|площад|объект)")
# «Самрук-Энерго» подписала ...: a quoted coined name that acts (a verb in the past tense after it)
_QUOTED_ACTS = re.compile(r"[«\"“„](?P<name>[A-ZА-ЯЁ][^«»\"“”„\n]{1,40}?)[»\"”“](?:[ \u00a0]*\([^()\n]{1,60}\))?[ \u00a0]+"
                          r"(?:(?:и|а)[ \u00a0]+[«\"“„][^«»\"“”„\n]{1,40}?[»\"”“][ \u00a0]+)?(?P<verb>[а-яё]{3,})")
_POST_BEFORE = re.compile(r"(?:партн[её]р|сотрудни[кц]|представител|директор|глав[аеуы]|руководител|основател|"
                          r"владел|акционер|председател|президент|аналитик|эксперт|менеджер|специалист)[а-яё]*"
                          r"(?:[\s\u00a0]+[а-яё]+){0,2}[\s\u00a0]+$",
                          re.IGNORECASE)
_CUE_CAPS = re.compile(_CUE + r"\s+(?!" + LEGAL_RU + r"(?![\w]))(?P<name>[А-ЯЁ]{2,}(?:-[А-ЯЁ]+)?)(?![\w])")
_LATIN_SEQ = re.compile(
    r"(?<![\w@/.:])[A-Z][\w’'&.\-]*(?:(?<![a-z]{3}\.)[ \u00a0](?:[A-Z][\w’'&.\-]*|\d+[A-Za-z][\w]*|of|and|&|de|for|the))*")
_LATIN_LEGAL = {"Corporation", "Inc", "Inc.", "Ltd", "Ltd.", "Co", "Co.", "Corp", "Corp.", "plc", "PLC", "LLP", "LLC", "JSC", "PJSC",
                "AG", "SA", "S.A.", "NV", "N.V.", "GmbH", "Limited", "Pty", "Pty.", "Plc"}
# a chemical element's symbol or a formula, no company: "(Cu, Au)", "12 тыс. т Li2O", "U3O8", "WO3"
_CHEMICAL = re.compile(r"(?:Au|Ag|Cu|Zn|Pb|Mo|Ni|Co|Sn|Sb|Li|Pt|Pd|Fe|Mn|Cr|Ti|Bi|Be|Ta|Nb|In|Re|Ge|Ga|Zr|Hg|Cd|Se|Te|Cs)"
                       r"|(?:[A-Z][a-z]?\d*)*[A-Z][a-z]?\d(?:[A-Z][a-z]?\d*)*")
_LATIN_SKIP = re.compile(r"^(?:[A-Z][a-z]?(?:[-–/][A-Z][a-z]?)+|[IVX]+|USD|EUR|KZT|RUB|UZS|KGS|CNY|GDP|CEO|CFO|COO|ESG|IPO|LME|EBITDA|OK|[ABCPN]\d{1,2}|"
                         r"JORC|KAZRC|PERC|CRIRSCO|SAMREC|NI|NI 43-101|AIX|KASE|MOEX|LSE|HKEX|NYSE|ASX|TSX|SSE|"
                         r"[A-Z]|IT|PR|TV|VIP|PDF|WhatsApp|Telegram|Facebook|Twitter|Instagram|YouTube|Google|"
                         r"News|Google News|VK|Viber|XXS|XS|SM|MD|XL|XXL|XXXL|(?i:whatsapp|telegram|viber|facebook|"
                         r"instagram|youtube|twitter|tiktok|odnoklassniki|vkontakte|price|contact|phone|email|e-mail|menu|"
                         r"search|login|share|print|rss))$")


_LOAN = "|".join(sorted(COMPANY_LOAN_WORDS, key=len, reverse=True))
_LOAN_WORDS = re.compile(r"(?:" + _LOAN + r")(?![\w-])")
_LOAN_RUN = re.compile(r"(?:" + _LOAN + r")(?:[ \u00a0](?:" + _LOAN + r"))*(?![\w-])")
_LOAN_NAME_BEFORE = re.compile(r"(?<![\w«\"“„-])[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:[ \u00a0][А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?){0,2}"
                               r"[ \u00a0]$")


def _not_name_word(word: str) -> bool:
    """A word before a name that is no part of it: a dictionary word, a country's, a place in an oblique case."""
    return morph.is_dictionary_word(word) or country_stem(word) or morph.is_oblique_place(word)


_LOAN_HINTS = ("Голд", "Майнинг", "Ресор", "Ресур", "Минерал", "Металс", "Компани", "Корпорейшн", "Интерн", "Эксплор",
               "Холдингс", "Групп", "Коппер", "Сильвер", "Ураниум", "Смелтинг", "Энерджи", "Лимитед", "Инвестментс")
_GENERIC_FIRST = re.compile(r"(?:Корпораци[яи]|Компани[яи]|Групп[аы]|Холдинга?|Концерна?|Предприяти[ея]|ГК)[ \u00a0]+(?=[A-ZА-ЯЁ«])")


_OBLIQUE_COMPANY_NOUN = {"компании": "компания", "компанией": "компания", "компанию": "компания",
                         "корпорации": "корпорация", "корпорацией": "корпорация", "корпорацию": "корпорация",
                         # (a state geological enterprise: «Магианская геологоразведочная экспедиция»)
                         "экспедиции": "экспедиция", "экспедицией": "экспедиция", "экспедицию": "экспедиция"}


def _nominative_company(name: str) -> str:
    """A name of adjectives and 'компания' in another case, in the nominative: «Кызылординской горнорудной
    компании» -> «Кызылординская горнорудная компания»."""
    words = name.split()
    if len(words) < 2 or words[-1] not in _OBLIQUE_COMPANY_NOUN \
            or not all(re.search(r"(?:ой|ей|ую|юю)$", w) for w in words[:-1]):
        return name
    return " ".join([*(morph.feminine_nominative(w) for w in words[:-1]), _OBLIQUE_COMPANY_NOUN[words[-1]]])


def _genitive_nominative(name: str) -> str:
    """A quoted name in the genitive in the nominative: «Уралкварца» -> «Уралкварц», «Русской платины» ->
    «Русская платина»; a name of several words the dictionary does not read stays as written («Кентау Голд»)."""
    if " " in name or not re.search(r"[аяуюиы]$", name):
        return morph.phrase_nominative(name, "gent") if " " in name else name
    gent = next((p for p in morph.parses(name.lower()) if p.tag.POS == "NOUN" and "gent" in p.tag and "sing" in p.tag), None)
    if gent is None:
        return name
    out = gent.normal_form
    return "-".join(w[:1].upper() + w[1:] if o[:1].isupper() else w for w, o in zip(out.split("-"), name.split("-"), strict=False))


def _company(found: Found, raw: str, start: int, end: int) -> Ent | None:
    """The company (or body) ``raw`` names at [start, end), added to ``found``; None when it names none."""
    name = _nominative_company(strip_quotes(raw))
    inner = re.search(r"[„“\"«]([^„“\"«»”]+)[”“\"»]?$", name)
    if inner:  # «НАК «Казатомпром» -> Казатомпром; a mine's word is part of the name: «Рудник «Валунистый»
        mine = re.fullmatch(r"(?:Рудник|Прииск|Шахта|Артель[ \u00a0]+старателей)[ \u00a0]*", name[:inner.start()])
        name = f"{mine.group(0).strip()} {inner.group(1).strip()}" if mine else inner.group(1).strip()
    name = re.sub(r"^(?:НАК|АК|ТОО|АО|СП|ГМК|ГРК|НК)\s+(?=[«\"“„]?[A-ZА-ЯЁ])", "", name).strip()
    name = re.sub(r"[\s,]+(?:ЛТД|Лтд|LTD|Ltd\.?|ЛЛП|LLP|Инк|Inc\.?|[Лл]имитед|Limited)$", "", name).strip()
    if len(name) < 2 or not (name[:1].isupper() or name[:1].isdigit()):
        return None
    k = gz.lookup(name)
    generic = _GENERIC_FIRST.match(name)
    if k is None and generic is not None:  # «Корпорация Казахмыс», «Группа Селигдар»: the known company itself
        rest = gz.lookup(name[generic.end():])
        k = rest if rest is not None and rest.kind == "company" else None
        named = next((ent for ent in found.ents.values() if ent.kind == "company"
                      and name[generic.end():] in (ent.name, *ent.forms)), None) if k is None else None
        if named is not None:  # "«Предприятия Эрдэнэт»" after «Эрдэнэт»: the company the text named before
            ent = found.add("company", named.name, "", start, end)
            found.claim(start, end)
            return ent
    if k is None and " " in name:  # «Кумтор голд компани»: a known name written with small letters
        k = gz.lookup(" ".join(w[:1].upper() + w[1:] for w in name.split()))
    elif k is None and not name[1:].islower() and not name.isupper():  # «НорНикель»: a capital inside the word
        k = gz.lookup(name[:1] + name[1:].lower())
    if k is not None and k.kind in ("company", "org"):
        ent = found.add(k.kind, k.name, name, start, end)
    elif k is not None and k.kind == "media":
        return None
    else:
        same = _declined_company(found, name)  # «Полюс Золота» after «Полюс Золото»: the same company
        latin = same.name if same is not None else latin_name(name) if has_cyrillic(name) else _strip_latin_legal(name)
        ent = found.add("company", latin, name if same is None else "", start, end)
    found.claim(start, end)
    return ent


def _declined_company(found: Found, name: str) -> Ent | None:
    if " " not in name or not has_cyrillic(name):
        return None
    for ent in found.ents.values():
        if ent.kind == "company" and any(" " in f and f[:3] == name[:3] and f.count(" ") == name.count(" ")
                                         and gz.case_forms(f).fullmatch(name) for f in ent.forms):
            return ent
    return None


def _strip_latin_legal(name: str) -> str:
    words = name.replace(",", " ").split()
    while words and words[-1] in _LATIN_LEGAL:
        words.pop()
    return " ".join(words)


# a mining and processing plant: "Качканарский ГОК", "Бозшакольского и Актогайского ГОКов", "ГОК «Депутатский»"
_PLANT_ADJ1 = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?(?:ск|цк|н)(?:ий|ого|ому|им|ом|их)"
_PLANT_ADJ = re.compile(rf"(?<![\w-]){_PLANT_ADJ1}(?:\s*,\s*{_PLANT_ADJ1})*(?:\s+и\s+{_PLANT_ADJ1})?"
                        r"[\s\u00a0]+ГОК(?:-?[а-яё]{1,3})?(?![\w])")
_ONE_PLANT = re.compile(_PLANT_ADJ1 + r"[\s\u00a0]+ГОК(?:-?[а-яё]{1,3})?")
_PLANT_QUOTED = re.compile(r"(?<![\w-])(?P<legal>" + LEGAL_RU + r"[\s\u00a0]+)?ГОК(?:-?[а-яё]{1,3})?[\s\u00a0]*"
                           r"[«\"“„](?P<name>[^«»\"“”„\n]{2,40}?)[»\"”“]")


_CUE_END = re.compile(_CUE + r"[\s\u00a0]*$")
_COMBINE = re.compile(r"ГМК(?![\w«\"“„-])(?![\s\u00a0]*[«\"“„])")
_COMBINE_ADJ = re.compile(r"(?<![\w-])(?P<adj>" + _PLANT_ADJ1 + r")[\s\u00a0]+$")
_PLANT_MEMBER = re.compile(r"[\s\u00a0]*(?:,[\s\u00a0]*|\([\s\u00a0]*)?[Вв]ход(?:ит|ящ[а-яё]*|ил[аио]?)[\s\u00a0]+в(?![\w-])")
_APPOSITION_BEFORE = re.compile(r"(?:[Дд]очк[а-яё]*|[Кк]омпани[а-яё]*|[Пп]редприяти[а-яё]*|[Сс]труктур[а-яё]*)[»\"”“]?"
                                r"(?:[\s\u00a0]+[«\"“„][^«»\"“”„\n]{1,40}[»\"”“])?[\s\u00a0]*[—–-][\s\u00a0]*$")


# what a plant does right after its name, past where it lies in brackets: "Учалинский ГОК (г. Учалы) приступит"
_PLANT_ACTS = re.compile(r"(?:[ \u00a0]*\([^()\n]{1,60}\))?[ \u00a0]+(?P<verb>[а-яё]{3,})")


def _plants(text: str, found: Found) -> None:
    """A plant (ГОК) is neither a deposit nor, unless a legal form says so ("ЗАО ГОК «Депутатский»"),
    a company: its words are taken so that no later rule reads them as a deposit."""
    if "ГМК" in text:
        for g in _COMBINE.finditer(text):  # "Эльконский ГМК, входящий в активы «Росатома»": a company
            m = _COMBINE_ADJ.search(text, max(0, g.start() - 40), g.start())
            if m is not None and not found.overlaps(m.start(), g.end()):
                _company(found, f"{morph.masculine_nominative(m.group('adj'))} ГМК", m.start(), g.end())
    if "ГОК" not in text:
        return
    for m in _PLANT_ADJ.finditer(text):
        if m.start() > 0 and text[m.start() - 1] in "«\"“„" and _CUE_END.search(text, max(0, m.start() - 40), m.start() - 1):
            continue  # "дочерняя компания «Михайловский ГОК»": a company by its cue, found below
        if found.overlaps(m.start(), m.end()):
            continue
        single = re.fullmatch(_PLANT_ADJ1 + r"[\s\u00a0]+ГОК", m.group(0))
        acting = single and m.group(0).split()[0].endswith("ий") and (verb := _PLANT_ACTS.match(text, m.end())) is not None \
            and morph.is_acting_verb(verb.group("verb"))
        if single and (acting or _PLANT_MEMBER.match(text, m.end()) or _APPOSITION_BEFORE.search(text, max(0, m.start() - 60), m.start())):
            # "«дочка» «Металлоинвеста» - Михайловский ГОК - получила", "Лебединский ГОК, входящий в ...": a company
            # ... and one that acts: "Учалинский ГОК (г. Учалы, Республика Башкортостан) приступит к добыче"
            _company(found, f"{morph.masculine_nominative(m.group(0).split()[0])} ГОК", m.start(), m.end())
        found.claim(m.start(), m.end())
    for m in _PLANT_QUOTED_SCAN.finditer(text):
        if found.overlaps(m.start("name"), m.end("name")):
            continue
        if m.group("legal"):
            _company(found, m.group("name"), m.start("name"), m.end("name"))
        found.claim(m.start(), m.end())


def plants(text: str) -> list[tuple[int, int, str]]:
    """Each plant named by one adjective ("Яковлевского ГОКа", "на Баимском ГОКе"): (start, end, its name in
    the nominative). Not an entity of the facts unless it acts as a company; the event stage reads a plant
    as where output is made and money is spent."""
    found = [(m.start(), m.end(), f"{morph.masculine_nominative(m.group(0).split()[0])} ГОК")
             for m in (_PLANT_ADJ.finditer(text) if "ГОК" in text else ()) if _ONE_PLANT.fullmatch(m.group(0))]
    if "дивизион" in text or "филиал" in text:
        # a company's division or branch named by its region: "Забайкальский дивизион выпустил", "Заполярного филиала"
        found += [(m.start(), m.end(), f"{morph.masculine_nominative(m.group('adj'))} {m.group('noun')}")
                  for m in _DIVISION.finditer(text)]
    return sorted(found)


_DIVISION = re.compile(rf"(?<![\w-])(?P<adj>{_PLANT_ADJ1})[\s\u00a0]+(?P<noun>дивизион|филиал)(?:а|у|ом|е|ы|ов)?(?![\w-])")


_QUOTED = re.compile(r"[«\"“„](?P<name>[A-ZА-ЯЁ][^«»\"“”„\n]{2,50}?)[»\"”“]")
_CAP_WORD = re.compile(r"[A-ZА-ЯЁ0-9][\w&.’'-]*")
_NATIONAL_BEFORE = re.compile(r"(?<![\w-])(?P<adj>[А-ЯЁа-яё]+(?:ск|цк)(?:ая|ий|ое|ой|ую|ого|ому|им))[\s\u00a0]+$")


def find_quoted_companies(text: str, found: Found) -> None:
    """Quoted names the gazetteer holds only the first word(s) of: «Казахмыс Смелтинг», «KAZ Minerals
    Aktogay» are companies of their own, not Kazakhmys with a word after it. Runs before the gazetteer."""
    for m in _QUOTED.finditer(text):
        name = m.group("name").strip()
        words = name.split()
        if len(words) < 2 or not all(_CAP_WORD.fullmatch(w) for w in words) or gz.lookup(name) is not None:
            continue  # ... not one the gazetteer holds whole («Кинросс Голд»)
        for cut in range(len(words) - 1, 0, -1):
            k = gz.lookup(" ".join(words[:cut]))
            if k is not None and k.kind == "company":
                s, e = m.start("name"), m.start("name") + len(name)
                same = _declined_company(found, name)
                found.add("company", same.name if same is not None else latin_name(name), "" if same else name, s, e)
                found.claim(s, e)
                break


def _national_companies(text: str, found: Found) -> None:
    """A quoted name after a country's adjective is a company: "китайская «Цзиньчуань»"."""
    for q in _QUOTED.finditer(text):
        m = _NATIONAL_BEFORE.search(text, max(0, q.start() - 40), q.start())
        if m is None or not gz.country_of_word(m.group("adj")):
            continue
        s, e = q.start("name"), q.end("name")
        if not found.overlaps(s, e):
            _company(found, q.group("name"), s, e)


# "Казахстанская горнорудная компания", "Национальной горнорудной корпорации": a name made of
# adjectives and the word itself, capitalised inside a sentence and followed by no other name
_ADJ_COMPANY = re.compile(r"(?=[А-ЯЁ])(?<=[a-zа-яё,][ \u00a0])(?P<name>[А-ЯЁ][а-яё]+(?:ая|ой|ую)(?:[ \u00a0][а-яё-]+(?:ая|ой|ую)){1,2}"
                          r"[ \u00a0](?:компани|корпораци|экспедици)(?:я|и|ей|ю))(?![\w-])(?![ \u00a0]*[«\"“„A-ZА-ЯЁ(])")


def _adjective_companies(text: str, found: Found) -> None:
    for m in _ADJ_COMPANY.finditer(text):
        s, e = m.start("name"), m.end("name")
        if found.overlaps(s, e) or morph.given_name(m.group("name").split()[0]) is not None:
            continue
        nominative = " ".join(morph.feminine_nominative(w) for w in m.group("name").split())
        _company(found, nominative, s, e)


# a company named by its place's adjective and the letters of its kind: "Кингашская ГРК" (горнорудная компания),
# "Тасжарганской ГГК"; not a quoted name's kind ("Быстринская ГРК «...»"), nor a country's adjective
_ADJ_ABBR_COMPANY = re.compile(r"(?<![\w-])(?P<adj>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:ск|цк)(?:ая|ой|ую))[ \u00a0]+"
                               r"(?P<abbr>ГРК|ГГК|ГДК|ЗДК|ГМК)(?![\w«\"“„-])(?![ \u00a0]*[«\"“„])")


def _adjective_abbr_companies(text: str, found: Found) -> None:
    for m in _ADJ_ABBR_COMPANY.finditer(text) if any(a in text for a in ("ГРК", "ГГК", "ГДК", "ЗДК", "ГМК")) else ():
        if found.overlaps(m.start(), m.end()) or country_stem(m.group("adj")):
            continue
        _company(found, f"{morph.feminine_nominative(m.group('adj'))} {m.group('abbr')}", m.start(), m.end())
        found.claim(m.start(), m.end())


# a holding or group a company belongs to: "входит в «Русскую платину»" (the accusative), "входящий в
# состав «Ренова»", "входит в группу компаний «Ренова»" (a noun before it: the name as written)
_MEMBER_OF = re.compile(r"(?=[Вв])(?<![\w-])(?:[Вв]ход(?:ит|ят|ил[аио]?|ящ[а-яё]+|ивш[а-яё]+)|[Вв]ош[её]л|[Вв]ошл[аио])"
                        r"[\s\u00a0]+в[\s\u00a0]+(?P<noun>(?:состав[\s\u00a0]+)?(?:(?:[а-яё-]+(?:ую|ой|ый|ого|ий)[\s\u00a0]+)?"
                        r"(?:холдинг|групп|корпораци|госкорпораци|концерн|структур|компани)[а-яё]*[\s\u00a0]+"
                        r"(?:компаний[\s\u00a0]+)?)?)"
                        r"[«\"“„](?P<name>[A-ZА-ЯЁ][^«»\"“”„\n]{1,50}?)[»\"”“]")


_MEMBER_BEFORE = re.compile(r"[«\"“„](?P<name>[A-ZА-ЯЁ][^«»\"“”„\n]{1,50}?)[»\"”“][\s\u00a0]*(?:,|\()[\s\u00a0]*$")


def _holdings(text: str, found: Found) -> None:
    for m in _MEMBER_OF_SCAN.finditer(text) if "вход" in text or "Вход" in text or "ошл" in text or "ошел" in text else ():
        s, e = m.start("name"), m.end("name")
        if found.overlaps(s, e) and (s, e) not in found.company_spans:
            continue
        name = m.group("name").strip()
        noun = m.group("noun").split()
        if not noun:  # "в «Русскую платину»"; an unknown word in -у/-ю: "в «Ренову»"
            nominative = morph.phrase_nominative(name, "accs")
            if nominative == name and " " not in name and has_cyrillic(name) and not morph.is_dictionary_word(name):
                nominative = re.sub(r"у$", "а", re.sub(r"ю$", "я", name))
            name = nominative
        elif noun == ["состав"]:
            name = morph.phrase_nominative(name, "gent")
        if not found.overlaps(s, e):
            _company(found, name, s, e)
        member = _MEMBER_BEFORE.search(text, max(0, m.start() - 70), m.start())
        if member is not None and not found.overlaps(member.start("name"), member.end("name")):
            _company(found, member.group("name"), member.start("name"), member.end("name"))  # «Алтын Тау», входящая в ...


# a coined one-word name built on the noun of a commodity or of ore: "Южуралзолото", "Русолово", "Якуталмаз",
# "Нерюнгриуголь", "Евразруда"; in quotes a company in any case ("на карьерах «Южуралзолота»"), named in the
# nominative. The noun's forms: its stem, then the case endings and the nominative's
_COINED = re.compile(r"(?P<stem>[А-ЯЁ][а-яё]{2,}?(?:-[А-ЯЁ]?[а-яё]+?)?)(?P<noun>золот|серебр|олов|алмаз|никел|цинк|угол|угл|руд|"
                     r"холдинг|инвест|трейд|ресурс|геологи|цветмет|мед)(?P<end>[а-яё]{0,2})")
_COINED_CASES = {"золот": ("о", "о а у ом е"), "серебр": ("о", "о а у ом е"), "олов": ("о", "о а у ом е"),
                 "алмаз": ("", " а у ом е"), "никел": ("ь", "ь я ю ем е"), "цинк": ("", " а у ом е"),
                 "угол": ("ь", "ь"), "угл": ("я", "я ю ем е"), "руд": ("а", "а ы е у ой"),
                 # the words of a business: «Стройэлитхолдинг», «Востокинвест», «Якутгеология»
                 "холдинг": ("", " а у ом е"), "инвест": ("", " а у ом е"), "трейд": ("", " а у ом е"),
                 "ресурс": ("", " а у ом е"), "геологи": ("я", "я и ю ей"),
                 "цветмет": ("", " а у ом е"), "мед": ("ь", "ь и ью")}
_QUOTED_WORD = re.compile(r"[«\"“„](?P<name>[А-ЯЁ][а-яё-]{4,40})[»\"”“]")


def _coined_nominative(word: str) -> str | None:
    """The nominative of a name coined on a commodity's noun, or None: "Южуралзолота" -> "Южуралзолото"."""
    m = _COINED.fullmatch(word)
    if m is None or morph.is_dictionary_word(word):
        return None
    nominative, ends = _COINED_CASES[m.group("noun")]
    if m.group("end") not in ends.split(" "):
        return None
    if m.group("noun") == "угл":
        return m.group("stem") + "уголь"
    return m.group("stem") + m.group("noun") + nominative


def _coined_companies(text: str, found: Found) -> None:
    for q in _QUOTED_WORD.finditer(text):
        s, e = q.start("name"), q.end("name")
        nominative = _coined_nominative(q.group("name"))
        if nominative is not None and not found.overlaps(s, e):
            _company(found, nominative, s, e)
            found.claim(q.start(), q.end())  # with its quotes: no deposit word before it takes it


# a mine's or placer's own quoted name is a company's: «Коммунаровский рудник» (in any case: "на «Коммунаровском
# руднике»"), «Рудник Валунистый», «Прииск Соловьевский», «Артель старателей Амур»
_QUOTED_MINE = re.compile(r"[«\"“„](?:(?P<adj>[А-ЯЁ][а-яё]+(?:ий|ый|ого|ому|ым|им|ом))[ \u00a0]+(?P<noun>рудник|прииск)(?:а|у|ом|е)?"
                          r"|(?P<named>(?:Рудник|Прииск|Шахта|Артель[ \u00a0]+старателей)[ \u00a0]+[А-ЯЁ«„\"][^«»\"“”„\n]{1,40}?))[»\"”“]")


def _mine_companies(text: str, found: Found) -> None:
    for m in _QUOTED_MINE.finditer(text) if "удник" in text or "риис" in text or "Шахт" in text or "Артел" in text else ():
        s, e = m.start() + 1, m.end() - 1
        if found.overlaps(s, e):
            continue
        if m.group("adj"):
            name = f"{morph.masculine_nominative(m.group('adj'))} {m.group('noun')}"
        else:
            name = m.group("named")
        _company(found, name, s, e)
        found.claim(m.start(), m.end())


# a quoted name listed among companies with no legal form of its own: "ООО «Северное Золото», «Двойной»,
# АО «Базовые металлы»"; the company named right before it, or a legal form right after it, says what it is
_AFTER_COMPANY = re.compile(r"[»\"”“][\s\u00a0]*(?:\([^()\n]{1,30}\)[\s\u00a0]*)?(?:,|и|а[\s\u00a0]+также)[\s\u00a0]*$")
# (with what the list says of the one before in brackets: "«Казцинк» (Казахстан), «Адрасман» (Таджикистан)")
_BEFORE_COMPANY = re.compile(r"[\s\u00a0]*(?:,|и|а[\s\u00a0]+также)[\s\u00a0]*" + LEGAL_RU + r"[\s\u00a0]*[«\"“„]")


_GENERIC_NAME = re.compile(r"(?:Компани|Групп|Обществ|Холдинг|Корпораци|Эмитент|Предприяти)[а-яё]{0,3}")


# (in another case with no word after it, given in the nominative: учредило "Русскую никелевую компанию ")
_QUOTED_COMPANY_NOUN = re.compile(r"[«\"“„](?P<name>[А-ЯЁ][а-яё-]+(?:[ \u00a0][а-яё-]+){0,2}[ \u00a0](?:(?:компания|корпорация|комбинат|экспедиция)"
                                  r"(?:[ \u00a0][а-яё-]+){0,3}|(?:компани|корпораци|экспедици)(?:ю|и|ей)))[ \u00a0]?[»\"”“]")


_DEPOSIT_WORD_NEAR = re.compile(r"(?:месторождени|рудник|участ|площад|карьер|проект)[а-яё]*[^.!?«»\"“”„]{0,40}$", re.IGNORECASE)


def _listed_companies(text: str, found: Found) -> None:
    ends = {me for ent in found.ents.values() if ent.kind == "company" for _ms, me in ent.mentions}
    for q in _QUOTED.finditer(text):
        s, e = q.start("name"), q.end("name")
        if found.overlaps(s, e) or q.start() < 2 or _GENERIC_NAME.fullmatch(q.group("name").strip()):
            continue  # ("«Полюс», «Компания»"): what a release calls the company after its name
        before = _AFTER_COMPANY.search(text, max(0, q.start() - 48), q.start())
        listed = before is not None and (before.start() in ends or before.start() - 1 in ends)
        if not listed and (not _BEFORE_COMPANY.match(text, q.end())
                           or _DEPOSIT_WORD_NEAR.search(text, max(0, q.start() - 50), q.start())):
            continue  # "на месторождение «Дальнее», ОАО «Полиметалл» ...": the deposit's name
        _company(found, q.group("name"), s, e)  # also a deposit's name: «Двойной» among companies is one
        ends.add(q.end("name"))


def _oblique_given_name(word: str, surname: str) -> bool:
    """A man's given name and a surname in the genitive ("Джеймса Салливана"): a person's after a post, no
    company's name (those follow a legal form in the nominative: "ТОО Алтын Тау")."""
    given = morph.given_name(word)
    return given is not None and given[1] == "masc" and given[0] != word and word.endswith(("а", "я")) \
        and surname.endswith(("а", "я", "ого"))


# a company's name of words and, in brackets, the letters it opens with: "Сибирская угольная энергетическая
# компания (СУЭК)", "Навоийский горно-металлургический комбинат (НГМК)"; the letters name it from then on
_DEFINED_ABBR = re.compile(r"(?<![\w-])(?P<name>[А-ЯЁ][а-яё]+(?:-[а-яё]+)?(?:[ \u00a0]+[а-яё]+(?:-[а-яё]+)?){1,5})"
                           r"[ \u00a0]*\([ \u00a0]*(?P<abbr>[А-ЯЁ]{2,6})[ \u00a0]*\)")
_COMPANY_HEAD = re.compile(r"(?:компани|корпораци|комбинат|холдинг|концерн|объединени)[а-яё]*")


_ABBR_BRACKET = re.compile(r"\([ \u00a0]*[А-ЯЁ]{2,6}[ \u00a0]*\)")


def _defined_abbr_matches(text: str) -> list[re.Match[str]]:
    """``_DEFINED_ABBR.finditer(text)``, tried only before a bracket of capitals (not at every capital of a page)."""
    out: list[re.Match[str]] = []
    for b in _ABBR_BRACKET.finditer(text) if "(" in text else ():
        m = _DEFINED_ABBR.search(text, max(out[-1].end() if out else 0, b.start() - 90), b.end())
        while m is not None and m.end() != b.end():
            m = _DEFINED_ABBR.search(text, m.start() + 1, b.end())
        if m is not None:
            out.append(m)
    return out


def _defined_abbreviations(text: str, found: Found) -> None:
    for m in _defined_abbr_matches(text):
        words = m.group("name").split()
        if not _COMPANY_HEAD.fullmatch(words[-1]):
            continue
        initials = "".join(part[0] for w in words if w not in ("и", "по") for part in w.split("-")).upper()
        abbr = m.group("abbr")
        if initials != abbr or found.overlaps(m.start(), m.end()):
            continue
        ent = _company(found, m.group("name"), m.start("name"), m.end("name"))
        if ent is None or ent.kind != "company":
            continue
        found.add("company", ent.name, abbr, m.start("abbr"), m.end("abbr"))
        found.claim(m.start("abbr"), m.end("abbr"))
        for later in re.finditer(rf"(?<![\w-]){abbr}(?:[а-яё]{{1,3}})?(?![\w-])", text):
            if not found.overlaps(later.start(), later.end()):
                found.add("company", ent.name, "", later.start(), later.end())
                found.claim(later.start(), later.end())


def find_companies(text: str, found: Found) -> None:
    _defined_abbreviations(text, found)
    _coined_companies(text, found)
    _mine_companies(text, found)
    _adjective_companies(text, found)
    _adjective_abbr_companies(text, found)
    _plants(text, found)
    _national_companies(text, found)
    for m in _LEGAL_QUOTED_SCAN.finditer(text):
        if m.start() > 0 and text[m.start()].isupper() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "-") \
                and text[m.start():m.start() + 2] in ("УК", "ГД", "ЗД", "ГМ"):
            continue  # a prefix inside a longer word
        _company(found, m.group("name"), m.start("name"), m.end("name"))
    for m in _QUOTED_LEGAL_AFTER_SCAN.finditer(text):  # «Бапы Майнинг» ТОО: the legal form after the name
        if not found.overlaps(m.start("name"), m.end("name")) \
                and not _DEPOSIT_WORD_BEFORE.search(text, max(0, m.start() - 25), m.start()):
            _company(found, m.group("name"), m.start("name"), m.end("name"))
    for m in _LEGAL_BARE_SCAN.finditer(text):
        if m.group(0).startswith("АО") and _OKRUG_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "вице-губернатор Чукотского АО Андрей Городилов": an autonomous okrug, no legal form
        name = m.group("name").rstrip(".")
        if not found.overlaps(m.start("name"), m.start("name") + len(name)) and not LEGAL_WORD.fullmatch(name.split()[0]) \
                and not (len(name.split()) > 1 and _oblique_given_name(*name.split()[:2])):
            _company(found, name, m.start("name"), m.start("name") + len(name))  # (not "гендиректора ЗАО Джеймса Салливана")
    for m in _CUE_DASH_QUOTED_SCAN.finditer(text) if "— «" in text or "– «" in text else ():
        if not found.is_claimed(m.start("name"), m.end("name")):  # "зарегистрировал предприятие для ... — «X»"
            _company(found, m.group("name"), m.start("name"), m.end("name"))
    for m in _CUE_QUOTED_SCAN.finditer(text):
        if not found.is_claimed(m.start("name"), m.end("name")):
            name = m.group("name")
            if re.match(r"«?[Дд]очк", m.group(0)) and gz.lookup(name.strip()) is None:
                name = _genitive_nominative(name.strip())  # "дочка «Сарыбулака»": the parent's name, in the genitive
            _company(found, name, m.start("name"), m.end("name"))
    for q in _QUOTED.finditer(text) if "«" in text or '"' in text or "„" in text or "“" in text else ():
        if found.is_claimed(q.start("name"), q.end("name")):
            continue
        if _POST_CUE_BEFORE.search(text, max(0, q.start() - 40), q.start()):
            if not re.search(r"(?:ого|его|ому|ему)$", q.group("name").strip()):
                _company(found, _genitive_nominative(q.group("name").strip()), q.start("name"), q.end("name"))
            continue
        cue = _OWNER_BEFORE.search(text, max(0, q.start() - 20), q.start())
        if cue is None:
            continue
        if _OWNER_CUE.match(cue.group("cue")) and re.search(r"(?:ого|его|ому|ему)$", q.group("name").strip()):
            continue  # "владелец «Березовского»": a name in the genitive, its nominative unknown
        name = q.group("name").strip()
        if _GENITIVE_CUE.match(cue.group("cue")) and gz.lookup(name) is None:
            name = _genitive_nominative(name)  # "структура «Еврохима»", "собственник «Тасжаргана»": of the company
        _company(found, name, q.start("name"), q.end("name"))
    for m in _BANK_CAPS_SCAN.finditer(text) if "анк" in text else ():
        if not found.is_claimed(m.start("name"), m.end("name")) and m.group("name") not in gz.countries()[1]:
            # (not the country's: "Национального банка РК")
            _company(found, m.group("name"), m.start("name"), m.end("name"))
    for m in _CUE_CAPS_SCAN.finditer(text):
        if found.is_claimed(m.start("name"), m.end("name")):
            continue
        if re.match(r"[\s\u00a0]*[«\"“„]", text[m.end():m.end() + 3]):
            after = _QUOTED.match(text, m.end() + len(text[m.end():m.end() + 3]) - len(text[m.end():m.end() + 3].lstrip()))
            if after is not None and not found.overlaps(after.start("name"), after.end("name")):
                _company(found, after.group("name"), after.start("name"), after.end("name"))
            continue  # "дочерняя компания МНПО «Полиметалл»": the form of the quoted company after it
        if not text[m.end():].strip():  # "предприятием УГМ" cut by the end of the text: the УГМК named before
            cut = next((ent for ent in found.ents.values() if ent.kind == "company"
                        and any(f.startswith(m.group("name")) and f != m.group("name") for f in [ent.name, *ent.forms])), None)
            if cut is not None:
                found.add("company", cut.name, "", m.start("name"), m.end("name"))
                found.claim(m.start("name"), m.end("name"))
                continue
        _company(found, m.group("name"), m.start("name"), m.end("name"))
    _holdings(text, found)
    for q in _QUOTED.finditer(text) if "«" in text or '"' in text or "„" in text or "“" in text else ():
        words = q.group("name").split()
        if len(words) > 1 and any(w in COMPANY_LOAN_WORDS for w in words[1:]) \
                and not found.overlaps(q.start("name"), q.end("name")):
            _company(found, q.group("name"), q.start("name"), q.end("name"))  # «Тасжарган Голд»: a company
    _listed_companies(text, found)
    # "Тасжарган Голд сообщила": unquoted words ending in English company words, found from those words
    for lm in _LOAN_WORDS.finditer(text) if any(w in text for w in _LOAN_HINTS) else ():
        if lm.start() < 1 or text[lm.start() - 1] not in " \u00a0" or found.overlaps(lm.start(), lm.end()):
            continue
        before = _LOAN_NAME_BEFORE.search(text, max(0, lm.start() - 70), lm.start())
        if before is None or before.group(0).split()[-1] in COMPANY_LOAN_WORDS:
            continue
        start = before.start()  # "Акции Сарыкамыс Майнинг": the words before the name are no part of it
        while start < lm.start() and _not_name_word(text[start:lm.start()].split()[0]):
            start += len(text[start:lm.start()].split()[0]) + 1
        run = _LOAN_RUN.match(text, lm.start())  # "Голд Компани": every English company word of the name
        end = run.end() if run is not None else lm.end()
        if start < lm.start() and not found.overlaps(start, lm.start()):
            _company(found, text[start:end], start, end)
    for m in _QUOTED_COMPANY_NOUN.finditer(text) if "компани" in text or "корпораци" in text or "комбинат" in text \
            or "экспедици" in text else ():
        if not found.overlaps(m.start("name"), m.end("name")):  # «Новая рудная компания», «Узбекский комбинат ...»
            _company(found, m.group("name"), m.start("name"), m.end("name"))
    for m in [*_CUE_WORDS_SCAN.finditer(text), *(_MINER_WORDS_SCAN.finditer(text) if "обытчик" in text else ())]:
        first = m.group("name").split()[0]
        words = m.group("name").split()
        # a dictionary word and the region the company works in: "корпорации Металлы Восточной Сибири"
        region = len(words) > 1 and all(morph.is_oblique_place(w) for w in words[1:]) and morph.is_dictionary_word(first)
        if not region and _POST_BEFORE.search(text, max(0, m.start() - 50), m.start()):
            continue  # "управляющий партнер компании Пини Альтхаус": a person of the company
        loan = len(words) > 1 and words[-1].startswith(_LOAN_HINTS)  # «Кун Майнинг», «Алтын Групп»: a company's loanword
        if m.group(0)[:1] in "ХхГг" and m.group(0)[:3].lower() != "гос" and (
                _ADJECTIVE_SHAPE.search(words[-1]) or _DEPOSIT_WORD_AFTER.match(text, m.end())):
            continue  # "группа Кызылжарских месторождений", "группы Соболиная участков": deposits, no company
        if found.overlaps(m.start("name"), m.end("name")) or country_stem(first) or morph.is_oblique_place(first) \
                or (not loan and not region and (morph.is_dictionary_word(first) or morph.given_name(first))):
            continue
        _company(found, m.group("name"), m.start("name"), m.end("name"))


_EVENT_BEFORE = re.compile(r"(?:[Фф]орум|[Кк]онференци|[Вв]ыставк|[Пп]рограмм|[Сс]тратеги|[Зз]акон|[Кк]одекс|[Фф]естивал|"
                           r"[Пп]реми|[Кк]онкурс|[Сс]аммит|[Кк]онгресс)[а-яё]*[\s\u00a0]+$")


# what a company does, in the present: «Бакыт Тау» планирует, «Кенсай» намерена, «Жаркент» добывает
_COMPANY_VERBS = frozenset({
    "планирует", "планируют", "намерена", "намерено", "намерен", "намерены", "намеревается", "намереваются",
    "добывает", "добывают", "ведет", "ведёт", "владеет", "владеют", "разрабатывает", "разрабатывают",
    "инвестирует", "инвестируют", "строит", "строят", "производит", "производят", "выпускает", "выпускают",
    "приобретает", "приобретают", "покупает", "покупают", "продает", "продаёт", "продают", "увеличивает",
    "увеличивают", "экспортирует", "экспортируют", "осваивает", "осваивают", "реализует", "реализуют",
    "рассчитывает", "рассчитывают", "готовит", "готовят", "объявляет", "объявляют", "наращивает", "наращивают",
    "начала", "начали",  # (past tense, which the dictionary reads first as the noun: «Кокжиде» начала добычу)
})


# a plant named by its place and what it makes, acting: "Челябинский цинковый завод объявил о приобретении"
# (found from the plant's word and the verb after it, the name looked for before: the engine's fast literal scan)
# (past its place in brackets: "Костомукшский горно-обогатительный комбинат ( Карелия ) приступил")
_PLANT_VERB = re.compile(r"(?:[ \u00a0]*\([ \u00a0]*[А-ЯЁ][^()\n]{1,30}\))?[ \u00a0]+(?P<verb>[а-яё]{3,})")
_PLANT_NAME = re.compile(r"(?<![\w-])[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?(?:ск|цк)ий(?:[ \u00a0]+[а-яё]+(?:-[а-яё]+)?(?:ый|ий|ой)){1,2}"
                         r"[ \u00a0]+(?:завод|комбинат)$")


def _initials(name: str) -> str:
    return "".join(w[:1] for w in re.split(r"[\s\u00a0-]+", name) if w).upper()


def _acting_plants(text: str, found: Found) -> None:
    for word in ("завод", "комбинат"):
        at = text.find(word + " ")
        while at > 0:
            end = at + len(word)
            at = text.find(word + " ", end)
            verb = _PLANT_VERB.match(text, end)
            if text[end - len(word) - 1] not in " \u00a0" or verb is None \
                    or not (verb.group("verb") in _COMPANY_VERBS or morph.is_past_verb(verb.group("verb"))):
                continue
            name = _PLANT_NAME.search(text, max(0, end - 90), end)
            if name is not None and not found.overlaps(name.start(), name.end()):
                _company(found, name.group(0), name.start(), name.end())
    # a company's initials in capitals: "ЧЦЗ" for "Челябинский цинковый завод", also where the text names it first
    long_names = {_initials(f): ent for ent in found.ents.values() if ent.kind == "company"
                  for f in (ent.forms or [ent.name]) if f.count(" ") >= 2 and has_cyrillic(f)
                  and re.fullmatch(r"[А-ЯЁ]{3,6}", _initials(f))}
    if not long_names:
        return
    initials = re.compile(r"(?:" + "|".join(sorted(long_names, key=len, reverse=True)) + r")(?![\w-])")
    for m in initials.finditer(text):
        if m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "-"):
            continue
        ent = long_names.get(m.group(0))
        if ent is not None and not found.overlaps(m.start(), m.end()):
            found.add("company", ent.name, m.group(0), m.start(), m.end())
            found.claim(m.start(), m.end())


def find_acting_companies(text: str, found: Found) -> None:
    """A quoted coined name followed by a verb in the past tense is a company: «Самрук-Энерго»
    подписала, «Qazaqgaz» и «Самрук-Энерго» подписали. Runs after the deposits have taken theirs."""
    _acting_plants(text, found)
    for m in _QUOTED_ACTS.finditer(text):
        if not morph.is_past_verb(m.group("verb")) and m.group("verb") not in _COMPANY_VERBS:
            continue
        for q in _QUOTED.finditer(text, m.start(), m.start("verb")):
            s, e = q.start("name"), q.end("name")
            first = re.split(r"[\s-]", q.group("name"))[0]
            abbreviated = re.search(r"[\s\u00a0][А-ЯЁ]{1,3}К$", q.group("name").strip()) is not None  # «Чукотская ГГК»
            if found.overlaps(s, e) or (morph.is_dictionary_word(first) and not abbreviated) or country_stem(first):
                continue
            if ":" in q.group("name") or _EVENT_BEFORE.search(text, max(0, q.start() - 30), q.start()):
                continue  # «Арктика: настоящее и будущее» after "форума": a forum, a programme, a law
            if _OUTLET_BEFORE.search(text, max(0, q.start() - 30), q.start()):
                continue  # "На сайте «НедраДВ» сообщалось": an outlet
            if _ZONE_BEFORE.search(text, max(0, q.start() - 40), q.start()):
                continue  # "резидент ТОР «Анадырь» добыл": a development zone, the resident is the company
            if any(q.group("name").strip() in ent.forms or q.group("name").strip() == ent.name
                   for ent in found.ents.values() if ent.kind == "deposit"):
                continue  # «Шокпар» дал ...: a deposit named before
            _company(found, q.group("name"), s, e)


_ZONE_BEFORE = re.compile(r"(?<![\w-])(?:ТОР|ТОСЭР|ОЭЗ|СЭЗ|СПВ|территори[ия][\s\u00a0]+опережающего[\s\u00a0]+развития|"
                          r"(?:особой|свободной)[\s\u00a0]+экономической[\s\u00a0]+зоны|промпарка|технопарка)[\s\u00a0]*$")
_OUTLET_BEFORE = re.compile(r"(?<![\w-])(?:сайт[аеу]?|портал[аеу]?|издани[еяю]|газет[аеуы]|телеканал[аеу]?|журнал[аеу]?|"
                            r"телеграм-канал[аеу]?|агентств[аеу])[\s\u00a0]*$", re.IGNORECASE)


# "P&P", "MI&I", "M&A": initials joined by "&" abbreviate a term, not a company
_ABBREVIATION_PAIR = re.compile(r"[A-Z]{1,3}&[A-Z]{1,3}")
_CODE_MARKS = re.compile(r"[{}=]|\(\)")
_COMPANY_WORD_BEFORE = re.compile(r"(?:компани|корпораци|холдинг|групп|концерн|фирм|партн[её]р|инвестор|оператор|"
                                  r"подрядчик|производител|дочк|акционер|покупател|владел)[а-яё]*[\s\u00a0]*$", re.IGNORECASE)


def _in_code_line(text: str, pos: int) -> bool:
    """True inside a line of page code (an advert's or widget's script): three braces, equals signs
    or empty brackets or more (semicolons alone are prose)."""
    breaks, code = _code_lines(text)
    i = bisect.bisect_left(breaks, pos)  # (the line's number: breaks before pos)
    return i in code


@lru_cache(maxsize=4)
def _code_lines(text: str) -> tuple[list[int], frozenset[int]]:
    """The text's line breaks, and the numbers of its lines of page code (each line read once, not at each name)."""
    breaks = [m.start() for m in re.finditer("\n", text)]
    starts = [0, *(b + 1 for b in breaks)]
    ends = [*breaks, len(text)]
    return breaks, frozenset(i for i, (ls, le) in enumerate(zip(starts, ends, strict=True))
                             if len(_CODE_MARKS.findall(text, ls, le)) >= 3)


# "сообщает NEDRADV", "передает Reuters", "пишет издание ...": a news source, not a company of the story
_MEDIA_BEFORE = re.compile(r"(?:сообща[ею]т|переда[ею]т|пишет|информирует|(?:агентств|издани|портал|газет|телеканал|редакци)[а-яё]*)"
                           r"[\s\u00a0]+$")


def _latin_only_line(text: str, pos: int) -> bool:
    """True on a short line without a Cyrillic letter in a Russian text: a menu, a counter, a credit."""
    ls = text.rfind("\n", max(0, pos - 61), pos) + 1
    if ls == 0 and pos > 61:
        return False  # (a line longer than that, not read back to its start)
    le = text.find("\n", pos, ls + 61)
    if le < 0:
        if len(text) - ls > 60:
            return False
        le = len(text)
    line = text[ls:le]
    return len(line) <= 60 and not has_cyrillic(line)


def _ticker(text: str, start: int, end: int) -> bool:
    """A stock ticker in brackets after an exchange: "(Московская и Лондонская биржи — PLZL)"."""
    open_ = text.rfind("(", max(0, start - 80), start)
    return open_ >= 0 and ")" not in text[open_:start] and "бирж" in text[open_:start].lower() \
        and bool(re.fullmatch(r"[A-Z]{2,6}", text[start:end]))


def _latin_gloss(text: str, start: int, end: int) -> bool:
    """True for Latin words in brackets after a Russian term or name, glossing it in English: "запасы
    (Proved and Probable)", "геологической службы США (United States Geological Survey, USGS)"; not
    after a company word ("компании (Cove Capital)")."""
    open_ = text.rfind("(", max(0, start - 80), start)
    if open_ < 0 or ")" in text[open_:start]:
        return False
    close = text.find(")", end, end + 80)
    if close < 0 or has_cyrillic(text[open_:close]):
        return False
    before = text[max(0, open_ - 40):open_]
    mine = _MINE_BEFORE.search(before)
    if mine is not None and (_LATIN_COMPANY_WORD.search(text, start, close) or not translit(
            mine.group("name") or mine.group("adj") or "").lower().startswith(text[start:start + 3].lower())):
        return False  # "Березитового рудника (Nordgold)": the mine's owner, not the name of the mine in Latin
    return bool(re.search(r"[А-ЯЁа-яё][\s\u00a0]*$", before)) and not _COMPANY_WORD_BEFORE.search(before)


# a mine or deposit, named by its word and the name after it or the adjective before it, right before a bracket
_MINE_BEFORE = re.compile(r"(?:(?P<adj>[А-ЯЁ][а-яё-]+)[\s\u00a0]+)?(?:[Рр]удник|[Мм]есторождени|[Кк]арьер)[а-яё]*"
                          r"(?:[\s\u00a0]+[«\"“„]?(?P<name>[А-ЯЁ][\w-]*)[»\"”“]?)?[\s\u00a0]*$")


def _named_before_bracket(text: str, found: Found, start: int) -> Ent | None:
    """The company whose quoted name closes right before the bracket that ``start`` opens."""
    m = re.search(r"[»\"”“][\s\u00a0]*\($", text[max(0, start - 4):start])
    if m is None:
        return None
    close = max(0, start - 4) + m.start()
    return found.company_ending(close - 2, close)


_LATIN_COMPANY_WORD = re.compile(r"\b(?:Mining|Minerals?|Metals?|Gold|Silver|Copper|Resources|Energy|Company|Corp|"
                                 r"Corporation|Group|Holdings?|Ltd|Limited|Inc|LLC|LLP|plc|PLC|JSC|Capital|Invest\w*)\b")


def find_latin_companies(text: str, found: Found) -> None:
    for m in _LATIN_SEQ.finditer(text):
        raw = m.group(0).rstrip(".,;:’'-")
        s, e = m.start(), m.start() + len(raw)
        if has_cyrillic(raw):
            continue  # "V-очередь": a Latin numeral joined to a Russian word
        if s >= 2 and text[s - 1] in "-/" and text[s - 2].isdigit():
            continue  # "лицензия №150-ML": the letters of a number
        if _DEPOSIT_WORD_BEFORE.search(text, max(0, s - 25), s) and gz.lookup(raw) is None \
                and not _LATIN_COMPANY_WORD.search(raw):
            continue  # "медного рудника Oyu Tolgoi": a deposit's Latin name, for the deposit rules
        if found.overlaps(s, e):
            continue
        follow = text[e:e + 30]
        if re.match(r"[ \u00a0][a-z]{2,}", follow) and not re.match(r"[ \u00a0](?:of|and|de|for|the|plc|ltd|inc|llc|corp)\b", follow):
            continue  # a sentence in a Latin-script language, not a name
        if raw.startswith(("http", "www")) or re.search(r"\.(?:kz|ru|uz|kg|tj|com|org|net|mn)$", raw, re.IGNORECASE):
            continue
        name = _strip_latin_legal(raw)
        if _LATIN_COMPANY_WORD.fullmatch(name):
            continue  # "ТАЛКО Gold": a company word alone, the rest of the name written in Cyrillic
        if not name or _LATIN_SKIP.match(name) or all(_LATIN_SKIP.match(w) for w in name.split()) or name in _LATIN_LEGAL \
                or _ABBREVIATION_PAIR.fullmatch(name) or _CHEMICAL.fullmatch(name):
            continue
        if _in_code_line(text, s) or "_" in raw or _latin_gloss(text, s, e) or _latin_only_line(text, s) \
                or _MEDIA_BEFORE.search(text, max(0, s - 40), s) or _ticker(text, s, e):
            continue
        quote = max(text.rfind(q, max(0, s - 40), s) for q in "«\"“„")
        if quote >= 0 and not any(c in text[quote + 1:s] for c in "»\"”“") \
                and _EVENT_BEFORE.search(text, max(0, quote - 30), quote):
            continue  # "форума «MINEX Центральная Азия 2024»": an event's name
        named = _named_before_bracket(text, found, s)
        if named is not None:  # «Торнстрит лимитед» (Thornstreet Limited): the same company, its own Latin name
            if not any(gz.lookup(f) for f in named.forms):
                named.name = name
            found.claim(s, e)
            continue
        # an all-capital short word in brackets right after a name is that name's abbreviation, and so
        # later in the text: "Highland Gold Mining (HGM) ... HGM сообщала"
        if re.fullmatch(r"[A-Z]{2,6}", name) and text[s - 1:s] == "(" and text[e:e + 1] == ")":
            before = found.company_ending(s - 3, s - 1)
            if before is not None:
                found.add_form(before, name)
            continue
        same = found.first_with_form("company", name)
        if same is not None:
            found.add("company", same.name, name, s, e)
            found.claim(s, e)
            continue
        k = gz.lookup(name)
        if k is not None:
            if k.kind != "media":
                found.add(k.kind, k.name, name, s, e)
            found.claim(s, e)
            continue
        found.add("company", name, name, s, e)
        found.claim(s, e)


# whole-page scans tried only where a match can open (``orewire.facts.scan``: the same matches)
_CUE_OPENINGS = ("компани", "недропользовател", "оператор", "инвестор", "подрядчик", "госкорпораци", "предприяти", "комбинат",
                 "холдинг", "корпораци", "концерн", "фирм", "фонд", "консорциум", "групп", "«дочк", "дочк", "производител", "артел")
_LEGAL_OPENINGS = ("ТОО", "АО", "ОАО", "ЗАО", "ПАО", "ООО", "АК", "НАК", "ГК", "СП", "ОсОО", "ЧП", "ИП", "МКК", "ХК")
_CUE_QUOTED_SCAN = Opening(_CUE_QUOTED, _CUE_OPENINGS, cased=True)
_CUE_DASH_QUOTED_SCAN = Opening(_CUE_DASH_QUOTED, _CUE_OPENINGS, cased=True)
_CUE_CAPS_SCAN = Opening(_CUE_CAPS, _CUE_OPENINGS, cased=True)
_CUE_WORDS_SCAN = Opening(_CUE_WORDS, ("компани", "корпораци", "госкорпораци", "холдинг", "групп"), cased=True)
_MINER_WORDS_SCAN = Opening(_MINER_WORDS, ("золото", "угле", "меде", "урано", "серебро", "нефте", "добытчик"), cased=True)
_BANK_CAPS_SCAN = Opening(_BANK_CAPS, ("банк",), cased=True)
_LEGAL_BARE_SCAN = Opening(_LEGAL_BARE, _LEGAL_OPENINGS)
_PLANT_QUOTED_SCAN = Opening(_PLANT_QUOTED, (*_LEGAL_OPENINGS, "ГОК"))
_MEMBER_OF_SCAN = Opening(_MEMBER_OF, ("вход", "вош"), cased=True)
_LEGAL_QUOTED_SCAN = Opening(_LEGAL_QUOTED, (*_LEGAL_OPENINGS, "УК", "ГДК", "ЗДК", "ГМК", "ГРК", "ГГК"))
_QUOTED_LEGAL_AFTER_SCAN = Opening(_QUOTED_LEGAL_AFTER, ("«", "\"", "“", "„"))
