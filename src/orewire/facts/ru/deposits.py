"""Russian rules for deposits: names after a deposit word, adjective names, lists, the deposit
gazetteer, later mentions in other case forms, and the commodities each deposit is tied to."""

from __future__ import annotations

import bisect
import difflib
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any, Generic, TypeVar

from orewire.facts.ru import gazetteer as gz
from orewire.facts.ru import morph
from orewire.facts.ru.found import (
    CYR_CAP,
    IRON,
    LEGAL_RU,
    LEGAL_WORD,
    PGM,
    PLACE_NOUN,
    Q_OPEN,
    WORD_RUN,
    Ent,
    Found,
    Sentences,
    country_stem,
    latin_name,
    stems_written,
    strip_quotes,
)
from orewire.facts.ru.translit import has_cyrillic, translit
from orewire.facts.scan import Opening
from orewire.facts.text import SpanCover

_KW = (r"(?=[МмРрУуТтПпКкШш])(?<![\w-])(?P<kw>[Мм]есторождени[а-яё]*|[Рр]удник[а-яё]*|[Уу]част(?:ок|к[а-яё]+)|[Рр]удопроявлени[а-яё]*|"
       r"[Пп]роявлени[а-яё]*|"  # (an ore occurrence: "проявлений Лог-26, Сухая Грива")
       r"[Тт]рубк[аеиуой]{1,2}|[Рр]азрез[а-яё]{0,2}|[Пп]роект[а-яё]{0,2}|[Шш]ахт(?:а|ы|е|у|ой|ам|ами|ах)(?![\w-])|"
       r"[Пп]лощад[ьи]|[Кк]арьер[а-яё]*|[Рр]оссып(?:ь|и|ей|ью|ям|ях|ями)(?![\w-]))")
# words of Turkic and Mongolian place names that Russian text often leaves in small letters after the
# first word ("Таван толгой", "Сары куль", "Кызыл тау"): still part of the name; so are the Russian words of
# a hill or ridge after an adjective ("Белая гора", "Железный кряж", "Золотая сопка", the Kola peninsula's bare
# hills: "Свинцовые тундры"), or the word of an ore body's kind ("Пыркакайские штокверки")
_TOPO_WORD = (r"(?:толгой|толгоя|толгое|куль|коль|кол|тау|тобе|тюбе|булак|сай|кудук|кудык|таш|тас|шоко|уул|гол|худаг|"
              r"обо|жол|арык|кум|кыр|адыр|тепе|дала|бастау|су|"
              r"гор(?:а|ы|е|у|ой)|горк(?:а|и|е|у|ой)|сопк(?:а|и|е|у|ой)|кряж(?:а|е|ем|у)?|тундр(?:а|ы|е|у|ой|ах)|"
              # ... and of an ore body's kind: "Пыркакайские штокверки"
              r"штокверк(?:и|ов|ах|ам|ами)?)(?![\w-])")
_NAME1 = (r"(?:[«\"“„][^«»\"“”„\n]{2,40}[»\"”“]|[A-ZА-ЯЁ][\w]*(?:-[\wА-ЯЁа-яё]+)*"
          r"(?:[ \u00a0](?:[A-ZА-ЯЁ][\w]*(?:-[\w]+)*|" + _TOPO_WORD + r")){0,2})")
_NOT_NAME_START = {"ТОО", "АО", "ПАО", "ОАО", "ЗАО", "ООО", "ОсОО", "ГОК", "ГМК", "Компания", "Корпорация"}
# the letters of a kind of raw material, a body or a region after a deposit word, no deposit's name:
# "месторождений ТПИ" (твёрдых полезных ископаемых), "месторождения РЗМ", "месторождения ДФО"
_NOT_NAME_CAPS = {"ТПИ", "ОПИ", "ПИ", "УВ", "УВС", "РЗМ", "РЗЭ", "МПГ", "ТМО", "ГКЗ", "МСБ", "ТЭО", "ГРР", "ЦФО", "СФО", "ДФО",
                  "ПФО", "УФО", "СЗФО", "ЮФО", "СКФО", "ЦА", "СНГ", "ЕАЭС", "ЕС", "ШОС",
                  # ... or the code the reserves are counted by: "ресурсы месторождения по JORC"
                  "JORC", "KAZRC", "PERC", "NI", "CRIRSCO", "SAMREC", "CIM", "ТКЗ"}
# a kind adjective of one deposit (genitive, dative or nominative neuter singular) and the plural forms of the words
_SINGULAR_ADJ = re.compile(r"[а-яё](?:ого|его|ому|ему|ое|ее)$")
_PLURAL_KW = re.compile(r"(?:ий|ях|ям|ями|ов|ки|ы)$")
# a count before a plural deposit word opens a list even when its first item runs on in a clause of its own
# ("на двух близлежащих месторождениях - Куркенпахк, где ... , и Восточном участке Южно-Кахозерского месторождения")
_COUNTED = re.compile(r"(?<![\w-])(?:двух|тр[её]х|четыр[её]х|пяти|двум|тр[её]м|двумя|тремя|обоих|обоим)[ \u00a0]+(?:[а-яё]+[ \u00a0]+){0,2}$")
# "одно из крупнейших оловянных", "один из трех": one of the deposits a plural word then counts, named after a dash
_ONE_OF = r"(?<![\w-])(?:одн(?:о|а|у|ого|ой|им|ом)|один)[ \u00a0]+из[ \u00a0]+(?:[а-яё-]+[ \u00a0]+){0,3}"
_ONE_OF_BEFORE = re.compile(_ONE_OF + "$")
_RUN_ON_NEXT = re.compile(r",[ \u00a0]+(?:где|который|которое|которая|на[ \u00a0]+котором)[^.;!?\n]{1,80}?,[ \u00a0]+и[ \u00a0]+"
                          r"(?P<name>" + _NAME1 + r")")
_ASIDE_END = re.compile(r"[ \u00a0]*\([^()\n]{1,40}\)$")
_LIST_LEAD = re.compile(r",[ \t\u00a0]+(?:в[ \t\u00a0]+том[ \t\u00a0]+числе|включая|таки[ех][ \t\u00a0]+как|а[ \t\u00a0]+именно|"
                        r"(?:среди|из)[ \t\u00a0]+них|в[ \t\u00a0]+их[ \t\u00a0]+числе)$")
_KW_NAMES = re.compile(_KW + r"(?P<between>(?:,?[ \t\u00a0]+(?!месторожд|рудник|участ|рудопроявл|трубк|разрез|проект|"
                       r"площад|карьер|проявлен)[а-яё]+(?:-[а-яё]+)*){0,5}?)(?P<place>[ \u00a0]+(?:в|на)[ \u00a0]+[А-ЯЁ][а-яё]+(?:ск|цк)(?:ой|ом)[ \u00a0]+"
                       r"(?:области|крае|районе|республике|округе)|(?=[ \u00a0]+(?:в|на)[ \u00a0]+[А-ЯЁ][а-яё]+[ \u00a0]+[—–-])[ \u00a0]+(?:в|на)[ \u00a0]+[А-ЯЁ][а-яё]+(?:е|и))?(?P<dash>[ \t\u00a0]+[-–—](?:[ \t\u00a0]+это)?)?[ \t\u00a0]+(?P<names>" + _NAME1
                       + r"(?:(?:[ \u00a0]*\([^()\n]{1,60}\))?[ \u00a0]*(?:,|[ \u00a0]и)[ \u00a0]*" + _NAME1 + r")*)")
# what a list of names says of each in brackets ("Купол (Чукотка) и Двойное"): no name of the list
# a name after the district or region the deposit lies in, ending its clause: "золоторудное месторождение в
# Кеминском районе Талды-Булак Левобережный, ..."
_PLACE_NAME = re.compile(r"(?:район|област|кра|регион|округ|улус|аймак)[а-яё]*[ \u00a0]+(?P<name>" + _NAME1 + r")"
                         r"(?=[ \u00a0]*(?:[,.;:()—–]|$))")
_KW_PLACE = re.compile(_KW + r"[ \u00a0]+(?:в|на)[ \u00a0]+[А-ЯЁ][а-яё]+(?:ск|цк|н)(?:ом|ой)[ \u00a0]+$")
_BRACKETED = re.compile(r"\([^()\n]*\)")
# a keyword, then a colon and the names: on the lines that follow, one a line ("пять месторождений:\n
# Кок-Жон (участок Болаттобе)\nАлтын-Шоко"), or on the same line to its end ("месторождения: Ак-Су и Жолымбет.")
_KW_COLON = re.compile(r"(?=[МмРрУуПпКк])(?<![\w-])(?P<kw>(?:[Мм]есторождени|[Рр]удник|[Уу]част(?:ок|к)|[Рр]удопроявлени|[Пп]лощад|[Кк]арьер)[а-яё]*)"
                       r"(?P<lead>[^\n:.;]{0,70}):[ \t\u00a0]*(?=\n|[«\"“„A-ZА-ЯЁ]|[а-яё-]+(?:ым|им|ое|ый|ий|ая|ом|ой)[ \u00a0]+[«\"“„А-ЯЁ])")
_LIST_LINE = re.compile(r"[ \t\u00a0]*(?:[-–—•*·][ \t\u00a0]*|\d{1,2}[.)][ \t\u00a0]*)?(?P<name>" + _NAME1
                        # ("Сулюкту талаа — 11;", "Торугарт — 1;": a second word in small letters, a field's number)
                        + r"(?:[ \u00a0][а-яё]{3,12}(?=[ \t\u00a0]*(?:[—–-][ \t\u00a0]*\d|[,;.]?[ \t\u00a0]*(?:\n|$))))?)"
                        r"(?:[ \t\u00a0]*[—–-][ \t\u00a0]*\d{1,3}(?![\d.,]))?"
                        r"(?:[ \t\u00a0]*\([^()\n]{0,60}\))?"
                        r"(?:[ \t\u00a0]+[—–-][ \t\u00a0]+(?P<what>[а-яё]+(?:[ \u00a0][а-яё]+)?(?:[ \u00a0]*,[ \u00a0]*[а-яё]+(?:[ \u00a0][а-яё]+)?)*)"
                        r"(?:[ \u00a0]*,[ \u00a0]*\d[\d \u00a0,.]*(?:тыс\.|млн|млрд)?[ \u00a0]*(?:т|тонн|кг|унций|млн[ \u00a0]+т)\.?)?)?"  # ("— золото, 50 т")
                        r"(?:[.,][ \t\u00a0]+(?P<where>[А-ЯЁ][а-яё]+(?:[- ][А-ЯЁ][а-яё]+)?|[А-ЯЁ]{2,4}))?"  # ("- Кызылжар. Казахстан")
                        r"[ \t\u00a0]*[,;.]?[ \t\u00a0]*(?=\n|$)")
# a line that is a heading of deposits and what they hold, a bulleted list on the lines after it: "Крупнейшие
# месторождения меди планеты\n- Кызылжар. Казахстан\n- Жанатау. Казахстан"
_BULLET_LINE = re.compile(r"\n(?=[ \t\u00a0]*[-–—•*·])")
_KW_HEADING = re.compile(r"[ \t\u00a0]*(?:[-–—•*·][ \t\u00a0]*)?(?:[А-ЯЁа-яё]+(?:ие|ые)[ \t\u00a0]+){0,2}"
                         r"(?P<kw>[Мм]есторождения|[Рр]удники)(?P<lead>(?:[ \t\u00a0]+[а-яё-]+){1,4})[ \t\u00a0]*"
                         r"(?=\n[ \t\u00a0]*[-–—•*·])")
# one name of a list on a line: the name, then what the text says of it in brackets and where it lies after a
# dash ("Купол (ЗАО «Чукотская ГГК») — на Чукотке, Пионер (ОАО «Покровский рудник») и Березитовое ...")
_INLINE_ITEM = re.compile(r"(?:(?P<adj>[а-яё]+(?:-[а-яё]+)*(?:ым|им|ое|ый|ий|ая|ое|ом|ой))[ \u00a0]+(?=[«\"“„А-ЯЁ]))?"
                          r"(?P<name>" + _NAME1 + r")(?:[ \u00a0]*\([^()\n]{0,60}\))?"
                          r"(?:[ \u00a0]+[—–-][ \u00a0]+(?:на|в|во)[ \u00a0]+[^,;.()\n]{1,40}?"
                          r"(?=[ \u00a0]*(?:[,;.\n]|$|и[ \u00a0])))?"
                          # ... and what it holds: "Кызылжар с запасами меди и Акжал с запасами цинка"
                          r"(?:[ \u00a0]+(?:с[ \u00a0]+(?:запасами|ресурсами|содержанием)|содержащ[а-яё]+|богат(?:ый|ое|ая)?)"
                          r"[ \u00a0]+(?P<what>[а-яё]+(?:-[а-яё]+)?(?:[ \u00a0]*(?:,|и)[ \u00a0]*[а-яё]+(?:-[а-яё]+)?)?)"
                          r"(?=[ \u00a0]*(?:[,;.\n]|$|и[ \u00a0])))?")
# a plural deposit word and what they hold, then the names in brackets: "месторождения медных руд (Кызылжарское,
# Жанатауское и др.)"; only lowercase words between the word and the bracket, only names inside it
_BRACKET_OPEN = re.compile(r"\((?=[А-ЯЁ])")
_KW_BRACKET = re.compile(r"(?<![\w-])(?P<kw>[Мм]есторождени(?:я|й|ям|ями|ях)|[Рр]удник(?:и|ов|ам|ами|ах)|"
                         r"[Уу]частк(?:и|ов|ам|ами|ах))(?P<lead>(?:[ \u00a0]+[а-яё-]+){0,6}?)[ \u00a0]*$")
_AMONG_LEAD = re.compile(r"(?<![\w-])(?:[Ии]з|[Сс]реди)[ \u00a0]$")
_AMONG_NAMES = re.compile(r"них[ \u00a0]*(?:[—–-][ \u00a0]*|(?:является|являются)[ \u00a0]+)"
                          r"(?P<names>" + _NAME1 + r"(?:[ \u00a0]*(?:,|[ \u00a0]и)[ \u00a0]*" + _NAME1 + r")*)")
_PLURAL_KW_IN = re.compile(r"(?<![\w-])(?:[Мм]есторождени(?:й|ями|ях|ям)|[Рр]удник(?:ов|ами|ах|ам))(?![\w-])")
_BRACKET_ITEM = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?(?![\w-])")
_BRACKET_END = re.compile(r"(?:[ \u00a0]*,?[ \u00a0]+и[ \u00a0]+(?:др|пр)\.?|[ \u00a0]*,?[ \u00a0]+и[ \u00a0]+други[ех])?[ \u00a0]*\)")
_INLINE_SEP = re.compile(r"[ \u00a0]*(?:,|[ \u00a0]и)[ \u00a0]*")
_INLINE_END = re.compile(r"[ \t\u00a0]*(?:[.;]|(?=\n)|$|,[ \u00a0]+(?:а[ \u00a0]+также|а|но)[ \u00a0])")
_TOPO_AFTER = re.compile(r"[ \u00a0]" + _TOPO_WORD)
_KW_PERSON = re.compile(_KW + r"\s+(?:имени|им\.)\s*(?P<init>(?:[А-ЯЁ]\.\s?){0,2})(?P<sur>[А-ЯЁ][а-яё]+)")
# a river's or creek's name, of two words after a word of size or side ("Малый Калычак", "Верхний Иткан")
_RIVER_NAME = (r"(?P<name>(?:(?:Мал|Больш|Верхн|Нижн|Средн|Лев|Прав|Северн|Южн|Западн|Восточн|Нов|Стар)(?:ый|ий|ой|ая|яя)"
               r"[ \u00a0]+)?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?)(?![\w-])")
# a deposit named as it is given its name ("месторождения, названного «Рябчик»") or by its river or creek
# ("участком недр р. Млелювеем", "россыпь ручья Холодный")
_KW_NAMED = re.compile(_KW + r"(?:[ \u00a0]+[а-яё]+){0,2}?,?[ \u00a0]+(?:(?:названн|именуем)[а-яё]+|получивш[а-яё]+[ \u00a0]+"
                       r"названи[ея]|под[ \u00a0]+названием)[ \u00a0]+(?P<name>[«\"“„][^«»\"“”„\n]{2,40}[»\"”“])")
# ... of two words after a word of size or side ("реки Малый Калычак", "ручья Верхний Иткан"), and past the
# kind of gold between ("месторождению россыпного золота реки ...")
_RIVER = re.compile(r"(?=[УуРрМм])(?<![\w-])(?P<kw>[Уу]част(?:ок|ка|ку|ком|ке)|[Рр]оссып[а-яё]*|[Мм]есторождени[а-яё]*)"
                    r"(?:[ \u00a0]+недр|[ \u00a0]+(?:россыпн|рудн|коренн)[а-яё]+[ \u00a0]+золота)?"
                    # (also where it lies: "участок россыпного золота на реке Большая Таймендра")
                    r"(?:[ \u00a0]+на(?=[ \u00a0]+(?:реке|ручье|ключе|р\.|руч\.)))?"
                    r"[ \u00a0]+(?:р\.|руч\.|реки|ручья|река|ручей|реке|ручье|ключ|ключа|ключе)[ \u00a0]*"
                    + _RIVER_NAME)
# placer gold of creeks and rivers, one or a list after a colon: "россыпное золото ручья Кедровый", "на трех
# объектах россыпного золота: река Налимья; ручья Тартояк" (the river's word opens each item of the list)
_PLACER_LEAD = re.compile(r"(?=[РрОо])(?<![\w-])(?:[Рр]оссыпн(?:ое|ого|ому|ым)[ \u00a0]+(?P<what>золот[оау]|олов[оау]|платин[аыуе])|"
                          r"[Оо]бъект(?:ах|ов|ы|а)?[ \u00a0]+россыпного[ \u00a0]+(?P<what2>золота|олова|платины)|"
                          r"[Рр]оссып(?:ь|и|ей|ям|ях))[ \u00a0]*:?")
_PLACER_ITEM = re.compile(r"[ \u00a0]*(?:р\.|руч\.|река|реки|ручей|ручья|ключ|ключа)[ \u00a0]*" + _RIVER_NAME)
# "Ручей Кедровка с прогнозными ресурсами золота 140 кг": a creek or river told with the resources of its placer
_RIVER_RESOURCES = re.compile(r"(?<![\w-])(?:[Рр]уч(?:ей|ья|\.)|[Рр]ек[аи]|[Рр]\.|[Кк]люч)[ \u00a0]+" + _RIVER_NAME
                              + r"(?:[ \u00a0]+с[ \u00a0]+притоками)?,?[ \u00a0]+с[ \u00a0]+(?:[а-яё]+[ \u00a0]+){0,2}?"
                              r"(?:ресурсами|запасами)[ \u00a0]+(?P<what>золота|олова|платины)")
_RESOURCES_TOLD = re.compile(r"(?<![\w-])(?:[Пп]рогнозн[а-яё]+[ \u00a0]+ресурс|[Рр]есурс[а-яё]*[ \u00a0]+категори|"
                             r"[Зз]апас[а-яё]*[ \u00a0]+(?:категори|составля|оценива))")
_PLACER_OF = re.compile(r"(?<![\w-])[Рр]оссып[а-яё]*[ \u00a0]+(?P<what>золот[а-яё]*|олов[а-яё]*|платин[а-яё]*)")
_BULLET_RIVER = re.compile(r"(?m)^[ \t\u00a0]*[-–—•*·●▪◦►][ \t\u00a0]*(?:[Рр]учей|[Рр]ека|[Рр]уч\.|[Рр]\.|[Кк]люч)[ \u00a0]+"
                           + _RIVER_NAME)
# what leads to the list's next item: past a ';', or a ',' or 'и' before the next river's word
_PLACER_NEXT = re.compile(r"[^;.!?\n]*?;|[ \u00a0]*(?:,|[ \u00a0]и)(?=[ \u00a0]*(?:р\.|руч\.|река|реки|ручей|ручья|ключ))")
# a table of deposits: a header whose first cell is the deposit's word ("Наименование месторождения | Стартовый
# платеж | ..."), then a row per deposit whose first cell is its name of capitalised words alone ("Гранитный | 3,7 |")
_TABLE_HEAD = re.compile(r"(?m)^[ \t\u00a0]*(?:[Нн]аименование[ \u00a0]+|[Нн]азвание[ \u00a0]+)?(?:[Мм]есторождени[а-яё]*|[Уу]част(?:ок|ка|ки|ков)"
                         r"(?:[ \u00a0]+недр)?|[Оо]бъект[а-яё]*)[ \t\u00a0]*\|")
_TABLE_NAME = re.compile(r"[ \t\u00a0]*(?P<name>[«\"“„]?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+|-\d+)?(?:[ \u00a0]+(?:и[ \u00a0]+)?[А-ЯЁ][а-яё]+"
                         r"(?:-[А-ЯЁ]?[а-яё]+|-\d+)?){0,2}[»\"”“]?)[ \t\u00a0]*\|")
_ADJ = (r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:(?:ск|цк)(?:ое|ого|ому|им|ом|ий|ая|ой|ую|ие|их|ими)|"
        # (and the soft ones: "Осеннего и Летнего месторождений", "на Верхнем месторождении")
        r"н(?:ое|ого|ому|ым|ом|ый|ая|ой|ую|ее|его|ему|им|ем|ий|яя|ей|юю)(?![\w-]))")
# "Бала-Саускандыкское уранованадиевое месторождение": a commodity or kind adjective between name and word
# (a list of at most 30 names: a longer one, which no text writes before its word, would be read again from each of
# its names when no word follows it, a time growing with the square of its length)
_ADJ_KW = re.compile(r"(?P<adjs>" + _ADJ + r"(?:\s*,\s*" + _ADJ + r"){0,30}(?:\s+и\s+" + _ADJ + r")?)"
                     r"(?P<mid>(?:[ \u00a0]+[а-яё-]+(?:ое|ого|ому|ым|ом|ый|ий|ая|ой|ую|ые|ых|ыми|ие|их)){0,2}?)"
                     r"[ \u00a0]+" + _KW)
_KIND_ADJ = re.compile(r"(?:золото|медно|)?(?:рудн|россыпн|коренн|крупн|уникальн|перспективн|порфиров|колчеданн|"
                       r"жильн|полиметаллическ|лицензионн)[а-яё]*")  # (and "Кумдинской лицензионной площади": a licence's area)
# "Кончоч (золото, серебро)", "Кентобе (железная руда)"; a list cut by the end of the text
# ("Шахкон (золото, сурьма, мы") keeps its whole words
_PAREN_COMMODITIES = re.compile(r"\((?P<list>[а-яё]+(?:\s[а-яё]+){0,2}(?:,\s*[а-яё]+(?:\s[а-яё]+){0,2})*)"
                                r"(?:\)|(?P<cut>,\s*[а-яё]*$))")
_SYMBOLS = {"Au": "gold", "Ag": "silver", "Cu": "copper", "Zn": "zinc", "Pb": "lead", "Mo": "molybdenum", "W": "tungsten",
            "Ni": "nickel", "Co": "cobalt", "Sn": "tin", "Sb": "antimony", "U": "uranium", "Li": "lithium", "Pt": "platinum",
            "Pd": "palladium", "Fe": "iron ore", "Mn": "manganese", "Cr": "chromium", "Ti": "titanium", "Bi": "bismuth",
            "Be": "beryllium", "Ta": "tantalum", "Nb": "niobium", "V": "vanadium"}
_SYMBOL = r"(?:" + "|".join(sorted(_SYMBOLS, key=len, reverse=True)) + r")"
_PAREN_SYMBOLS = re.compile(r"\((?P<list>" + _SYMBOL + r"(?:[ \u00a0]*[,+/-][ \u00a0]*" + _SYMBOL + r")*)\)")
_PAREN_NAME = re.compile(r"(?<![\w-])(?P<name>" + CYR_CAP + r"(?:-" + CYR_CAP + r")?)\s+$")
# where a deposit is the largest, between its adjectives and the deposit word: "крупнейшее в стране месторождение"
# (the country, the world or the region only)
_LARGEST_WHERE = (r"(?:в[ \u00a0]+(?:стране|мире|регионе|республике|Казахстане|России|Кыргызстане|Киргизии|Узбекистане|"
                  r"Таджикистане|Монголии|СНГ|Евразии|Азии|Центральной[ \u00a0]+Азии)[ \u00a0]+)?")
# "Кендала — крупнейшее месторождение урана", "Акжал и Бестобе — золоторудные месторождения": names
# before a dash and a deposit word with adjectives only between (found from the dash back to its sentence)
_DASH_KW = re.compile(r"[ \u00a0][—–-][ \u00a0]+(?:это[ \u00a0]+)?(?P<mid>(?:(?:одн[оа]|один)[ \u00a0]+из[ \u00a0]+)?"
                      # (also its rank: "Кызылжар — второе по величине месторождение меди")
                      r"(?:(?:перв|втор|трет|четв[её]рт|пят)[а-яё]{1,3}[ \u00a0]+по[ \u00a0]+(?:величине|запасам|размеру|размерам|"
                      r"объему|объёму)[ \u00a0]+)?"
                      r"(?:[а-яё-]+(?:ое|ее|ый|ий|ой|ая|яя|ые|ие|ых|их)[ \u00a0]+){0,3})" + _LARGEST_WHERE +
                      r"(?=[МмРр])(?P<kw>[Мм]есторождени[а-яё]*|[Рр]удник[а-яё]*)(?![\w-])")
# "Тасжарган, одно из крупнейших месторождений меди, ...": the same set off by commas
# (and one deposit of its own kind: "Тасжарган, крупнейшее в регионе золоторудное месторождение, продан")
_COMMA_ONE_OF = re.compile(r",[ \u00a0]+(?:(?P<mid>(?:одн[оа]|один)[ \u00a0]+из[ \u00a0]+(?:[а-яё-]+(?:ых|их)[ \u00a0]+){0,3})"
                           r"(?=[МмРр])(?P<kw>[Мм]есторождений|[Рр]удников)"
                           r"|(?P<mid1>(?:[а-яё-]+(?:ое|ее)[ \u00a0]+)" + _LARGEST_WHERE + r"(?:[а-яё-]+(?:ое|ее)[ \u00a0]+){0,2})"
                           r"(?P<kw1>месторождение))(?![\w-])(?=[^.!?\n]{0,60},)")
# "Сырымбет является крупнейшим неосвоенным месторождением олова": the same with a verb of being
# (and with a class or a rank: "Кызылжар относится к золоторудным месторождениям", "входит в число крупнейших
# медных месторождений", "входит в десятку крупнейших месторождений меди мира")
_IS_KW = re.compile(r"(?:является|являются|являлось|являлся|считается|считаются|стал[оа]?|остается|остаётся|"
                    r"относ(?:ится|ятся)[ \u00a0]+к|вход(?:ит|ят)[ \u00a0]+в[ \u00a0]+(?:число|список|десятку|пят[её]рку|тройку|двадцатку|(?:ТОП|топ)-?\d+))[ \u00a0]+(?P<mid>(?:одн(?:им|ой|ими)[ \u00a0]+из[ \u00a0]+)?"
                    r"(?:[а-яё-]+(?:ым|им|ой|ей|ыми|ими|ых|их)[ \u00a0]+(?:по[ \u00a0]+[а-яё]+[ \u00a0]+)?){0,3})" + _LARGEST_WHERE +
                    r"(?=[МмРр])(?P<kw>[Мм]есторождени(?:ем|ями|ям|й)|[Рр]удник(?:ом|ами|ам|ов))(?![\w-])")
_RESERVES_OF_NAME = re.compile(r"[ \u00a0\n]*(?:[А-ЯЁ][а-яё]+(?:ые|ие)[ \u00a0]+)?(?:[Зз]апасы|[Рр]есурсы)[ \u00a0]+"
                               r"(?P<name>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)[ \u00a0]+(?:оценива|составля|превыша|достига)")


def _genitive_candidates(word: str) -> list[str]:
    """The nominatives a name in the genitive may have: Кызылжара -> Кызылжар, Акбакая -> Акбакай, Шалкии -> Шалкия."""
    if word.endswith(("а", "у")):
        return [word[:-1], word]  # (or one that does not decline: Кокжайлау)
    if word.endswith("я"):
        return [word[:-1] + "й", word[:-1] + "ь"]
    if word.endswith("и"):
        return [word[:-1] + "я", word[:-1] + "ь", word]
    return [word]


# "Кызылжар, открытый в 1960 году, является ...": an aside between the name and the verb of being
_PARTICIPLE_ASIDE = re.compile(r",[ \u00a0]+[а-яё][^,.!?\n«»()]{2,80},[ \u00a0]*$")
# "Месторождение Кызылжар открыто в 1960 году и является ...": a second predicate of the sentence's subject,
# which the sentence opens with (its kind word and adjectives before it)
# (the capital first and the look-behind after it, so that the engine skips to capitals: a tenth of the cost)
_ADJ_FIGURE = re.compile(r"(?P<name>[А-ЯЁ](?<![\w-].)[а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:ское|ского|цкое|цкого))[ \u00a0]*"
                         r"\((?P<inside>[^()\n]{0,60}?\d[\d \u00a0,.]*[ \u00a0]*(?:млн[ \u00a0]+|тыс\.?[ \u00a0]+)?"
                         r"(?:тонн[а-я]*|т\.?|кг|унци[а-я]*)(?P<after>[^()\n]{0,30}))\)")
_AND_BEFORE = re.compile(r"[ \u00a0]и[ \u00a0]+$")
_SUBJECT_OPENING = re.compile(r"(?:[А-ЯЁа-яё-]+(?:ое|ее|ый|ий)[ \u00a0]+){0,2}(?:[Мм]есторождение[ \u00a0]+)?[«\"“„]?")
# "долине «Канчол», которая является вторым по объемам месторождением": the name before the relative pronoun
_WHICH_BEFORE = re.compile(r"(?P<names>" + _NAME1 + r"),[ \u00a0]+котор(?:ый|ая|ое|ые)[ \u00a0]+$")
_NAMES_BEFORE = re.compile(r"(?P<names>" + _NAME1 + r"(?:[ \u00a0]*(?:,|[ \u00a0]и)[ \u00a0]*" + _NAME1 + r")*)")
_CLAUSE_START = re.compile(r"(?:^|[.!?][ \u00a0]+|\n|,[ \u00a0]+)")
# a sentence that speaks of the place just named: "Там добывают вольфрам", "Его запасы золота ...", "Его
# балансовые запасы", "Кроме того, в его недрах содержится серебро"
_THERE = re.compile(r"(?=[ТЗНВЕКП])(?:(?<=^)|(?<=[.!?][ \u00a0])|(?<=\n))(?:Там|Здесь|На[ \u00a0]+н[её]м|В[ \u00a0]+н[её]м|"
                    r"(?:(?:Кроме|Помимо)[ \u00a0]+(?:того|этого)|Также|При[ \u00a0]+этом),?[ \u00a0]+(?:там|здесь)|"
                    r"(?:Его|Е[её])[ \u00a0]+(?:[а-яё]+(?:ые|ие)[ \u00a0]+){0,2}(?:запасы|ресурсы|руды)|"
                    r"(?:(?:(?:Кроме|Помимо)[ \u00a0]+(?:того|этого)|Также|При[ \u00a0]+этом),?[ \u00a0]+в|В)[ \u00a0]+(?:его|е[её])[ \u00a0]+"
                    r"(?:недрах|рудах))(?![\w-])")
_RESERVES_FIRST = frozenset("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯрсзодпе")
# the world's or a country's reserves are no deposit's ("Мировые запасы меди", "Казахстанские запасы урана")
_WIDE_ADJ = re.compile(r"(?:[Мм]иров|[Оо]бщемиров|[Гг]лобальн|[Нн]ациональн|[Гг]осударственн|[Рр]егиональн)")
# a sentence that speaks of what was named before it ("его запасы составляют ... никеля"): no deposit named
# only later in the paragraph ("... оно напоминает Талнахское месторождение") takes its commodities
_BACK_REFERENCE = re.compile(r"(?<![\w-])(?:[Ее]го|[Ее][её]|[Ии]х)[ \u00a0]+(?:запас|ресурс|руд|недр)[а-яё]*")


# what may open a sentence before the reserves: "По данным компании, запасы ...", "В 2020 году запасы ...",
# "По JORC ресурсы ..."
# ("Ожидается, что добыча меди начнется ...", "По оценкам, его ресурсы ...")
_RESERVES_LEAD = re.compile(r"(?:(?:По|Согласно)[ \u00a0][^,.!?\n]{0,40}?(?=[ \u00a0]+(?:[Зз]апасы|[Рр]есурсы)(?![\w-]))|"
                            r"(?:По|Согласно|Как)[ \u00a0][^,.!?\n]{1,40},|В[ \u00a0]+\d{4}[ \u00a0]+год[уа],?|"
                            r"(?:Ожидается|Планируется|Предполагается|Известно|Отмечается),[ \u00a0]+что|"
                            # ... or a verb of what exploration found: "Подтверждены запасы золота в объеме 20 т",
                            # "На объекте выявлены запасы меди", "Утверждены ресурсы ..."
                            r"(?:(?:На|В)[ \u00a0]+(?:объекте|н[её]м|недрах)[ \u00a0]+)?(?:[Пп]одтвержден[ыо]|[Уу]тверждены|"
                            r"[Вв]ыявлены|[Рр]азведаны|[Оо]ценены|[Пп]оставлены[ \u00a0]+на[ \u00a0]+(?:государственный[ \u00a0]+)?баланс))"
                            r"[ \u00a0]+")
_WIDE_PLACE = re.compile(r"(?:стран|мир[аеу]?$|мирово|регион|област|кра[яюе]$|республик|округ)")
_RESERVES = re.compile(r"(?:(?:[Ее]го|[Ее][её])[ \u00a0]+(?=[зр]))?"  # (after a lead: "По оценкам, его ресурсы ...")
                       r"(?:(?:[А-ЯЁ][а-яё]+(?:ые|ие)(?:[ \u00a0]+[а-яё]+(?:ые|ие))?[ \u00a0]+)?[Зз]апасы|"
                       # ... and what exploration added to them: "Прирост запасов золота составил 10 т"
                       r"[Пп]рирост[ \u00a0]+(?:[а-яё]+(?:ых|их)[ \u00a0]+)?(?:запасов|ресурсов)|"
                       r"(?:(?:[А-ЯЁ][а-яё]+(?:ые|ие)(?:[ \u00a0]+[а-яё]+(?:ые|ие))?)[ \u00a0]+)?[Рр]есурсы|[Рр]есурсный[ \u00a0]+потенциал|"
                       r"[Оо]бъ[её]мы?[ \u00a0]+(?:запасов|ресурсов)|(?:Среднее[ \u00a0]+)?[Сс]одержание|"
                       # ... its mine's planned output: "Проектная мощность — 3 т золота", "Комбинат будет производить медь"
                       r"(?:Годовая|Ежегодная|Проектная|Плановая|Планируемая)[ \u00a0]+(?:добыча|мощность|производительность|производство)|"
                       r"(?:Комбинат|ГОК|Фабрика|Карьер|Рудник|Шахта)[ \u00a0]+(?:будет[ \u00a0]+|сможет[ \u00a0]+)?"
                       r"(?:производить|выпускать|перерабатывать|добывать|давать|производит|выпускает|добывает|да[её]т)|"
                       r"(?:Основн(?:ой|ые|ым|ыми)|Главн(?:ый|ые))[ \u00a0]+(?:металл[а-яё]*|компонент[а-яё]*|"
                       r"полезн[а-яё]+[ \u00a0]+ископаем[а-яё]+)|"
                       # ... or its mining of a commodity, or its first metal: "Добыча золота начнется в 2026 году",
                       # "Первое золото планируется получить в 2026 году" (the commodity right after the word)
                       r"(?:Промышленная[ \u00a0]+)?[Дд]обыча(?=[ \u00a0]+[а-яё]+[ \u00a0])|"
                       # ... and what it holds as a listing's field: "Полезное ископаемое — золото", "Металл: золото"
                       r"(?:Вид[ \u00a0]+)?[Пп]олезн(?:ое|ые|ого|ых)[ \u00a0]+ископаем(?:ое|ые|ого|ых)(?=[ \u00a0]*[:—–-])|"
                       r"(?:Металлы?|Сырь[её])(?=[ \u00a0]*[:—–-])|"
                       # ... and the mining planned there with no one named: "Планируется добывать 2 т золота в год"
                       r"(?:[Пп]ланируется|[Пп]редполагается|[Нн]амечено)[ \u00a0]+(?:[а-яё]+[ \u00a0]+)?добы(?:ть|вать)|"
                       r"Перв(?:ое|ую|ый|ые|ая)(?=[ \u00a0]+(?:золото|медь|серебро|уран|концентрат|слиток|партию|тонны)))(?![\w-])")
# ... with an adjective before the reserves: "Общие запасы золота на них", "Суммарные ресурсы меди в них"
_RESERVES_IN_THEM = re.compile(r"[А-ЯЁ][а-яё]+(?:ые|ие)[ \u00a0]+(?:запасы|ресурсы)(?:[ \u00a0]+[а-яё]+){0,2}?[ \u00a0]+(?:на|в)[ \u00a0]+них(?![\w-])")
# a sentence on the deposits the one before named: "Оба содержат золото", "Их запасы составляют ..."
_PLURAL = re.compile(r"(?=[ОИВЗРН])(?:(?<=^)|(?<=[.!?][ \u00a0])|(?<=\n))(?:(?:Оба|Обе)(?![ \u00a0]+(?:компани|предприяти|фирм|"
                     r"сторон|стран|государств|банк|корпораци|холдинг|инвестор|участник|партн))|"
                     r"(?:Они|Все[ \u00a0]+они)(?=[ \u00a0]+(?:[а-яё]+[ \u00a0]+)?(?:содерж|богат|включа|располож|наход|"
                     r"[а-яё-]*(?:рудн|медн|золот|серебр|уранов|никелев|вольфрамов|полиметалл|литиев|оловян)[а-яё]*(?:ые|ие)(?![\w-])))|"
                     # "Все три месторождения золоторудные", "На всех трех добывают золото", "В их рудах"
                     r"Все(?:[ \u00a0]+(?:эти|два|две|три|четыре|пять))?[ \u00a0]+(?:месторождения|рудники|участки|объекты)|"
                     r"На[ \u00a0]+(?:них|обоих|всех(?:[ \u00a0]+(?:двух|тр[её]х|четыр[её]х|пяти))?)(?=[ \u00a0]+[а-яё])|"
                     r"В[ \u00a0]+их[ \u00a0]+(?:рудах|недрах)|"
                     r"Их[ \u00a0]+(?:[а-яё]+(?:ые|ие)[ \u00a0]+){0,2}(?:запасы|ресурсы|руды)|"
                     r"(?:Запасы|Ресурсы)(?:[ \u00a0]+[а-яё]+){0,2}?[ \u00a0]+(?:на|в)[ \u00a0]+них)(?![\w-])")
# what a deposit's name is not part of: a district or town, a plant or company named after the deposit
_NOT_DEPOSIT_AFTER = re.compile(
    r"[»\"”“]?(?:(?:\s*,|\s+и)\s+[А-ЯЁ][\w-]*(?:ск|цк|н)[а-яё]+)*[\s\u00a0]+"
    r"(?:[а-яё-]{2,}(?:ый|ий|ой|ая|ое|ее|яя|ые|ие|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ых|их|ими|ыми|ей)[\s\u00a0]+)?"
    r"(?:ЗИФ|ОФ|ГОК|ГМК|ГРК|ГРЭС|ТЭЦ|(?:ТОО|АО|ПАО|ОАО|ЗАО|ООО|ОсОО)(?![\w-])|[Кк]омбинат|[Кк]орпораци|[Хх]олдинг|[Кк]омир|[Пп]роизводственн|[Оо]бъединени|предприяти[ея]\b|компани[яю]\b|завод|фабрик|район|"
    r"област|город|поселк|посёлк|сел[оаеу]\b|аул\b|аула\b|округ|улиц|проспект|железнодорожн|станци|аэропорт|"
    r"[Мм]айнинг|Mining|Голд|Gold|Ресорсиз|Resources|хаб(?:а|е|у|ом|ы|ов)?(?![\w-]))")
_NOT_DEPOSIT_BEFORE = re.compile(
    r"(?<![\w.-])(?:" + LEGAL_RU + r"(?:[\s\u00a0]+(?:ГОК|ГМК|ГРК))?|ГРК|ГДК|ЗДК|ГГК|[Кк]омпани[а-яё]+|[Пп]редприяти[а-яё]+|[Кк]омбинат[а-яё]*|"
    r"[Зз]авод[а-яё]*|[Фф]абрик[а-яё]+|[Кк]омплекс[а-яё]*|[Гг]ород[а-яё]*|[Пп]оселк[а-яё]*|[Пп]оселок|[Сс]ел[оаеу]|"
    r"г\.|пос\.|с\.)[\s\u00a0]*(?:[«\"“„][^«»\"“”„\n]{0,30}?)?[«\"“„]?$")
_DISTANCE_FROM = re.compile(r"(?:км|километр[а-яё]*|м)[\s\u00a0]+(?:(?:на|к)[\s\u00a0]+[а-яё-]+[\s\u00a0]+)?от[\s\u00a0]+$")
_GIVEN_BEFORE = re.compile(r"(?<![\w-])([А-ЯЁ][а-яё]+)[\s\u00a0]+$")


def deposit_here(text: str, start: int, end: int) -> bool:
    """False when a deposit's name found by the gazetteer names something else here: the district or
    town named after it ("в Актогайском районе"), a smelter, factory, mining plant or company
    ("Жезказганский медеплавильный завод", "Бозшакольский ГОК", "ТОО «Инкай»", "«Кумтор Голд»"), a person
    ("Сергей Орловский"). A plant named after the deposit it works is the plant, as its long form
    ("горно-обогатительный комбинат") is: it produces, is invested in and changes hands as itself."""
    if _NOT_DEPOSIT_AFTER.match(text, end, end + 40) or _TOPO_AFTER.match(text, end, end + 12):
        return False  # ... or the first word of a longer name: "Кызыл тау" is not Kyzyl
    before = text[max(0, start - 40):start]
    if _NOT_DEPOSIT_BEFORE.search(before):
        return False
    if _DISTANCE_FROM.search(before) and morph.is_known_place(text[start:end]):
        return False  # "в 200 км на северо-восток от Кызыла": the town a distance is told from
    given = _GIVEN_BEFORE.search(before)  # "Сергей Орловский": a surname like a deposit's adjective
    return not (given and text[end - 2:end] in ("ий", "ая", "ой", "ий") and morph.given_name(given.group(1)))


def _trim_name(raw: str) -> str:
    """A name after a deposit word less the capitalised words that follow it without belonging to it:
    "Кумтор Министерством (геологии)" -> "Кумтор" (a dictionary noun that is no nominative)."""
    if raw[:1] in Q_OPEN:
        return raw
    words = raw.split()
    for i in range(1, len(words)):
        if _LATIN_START.match(words[i]) and not _LATIN_START.match(words[0]):
            return " ".join(words[:i])  # "на руднике Беркара Tasmet Metals будет": the company that works it
        if _PLANT_LETTERS.fullmatch(words[i]):  # "Дражное Тарынского ГОКа": the plant it belongs to
            return " ".join(words[:i - 1 if i > 1 and _GENITIVE_ADJ.fullmatch(words[i - 1]) else i])
        if morph.is_dictionary_word(words[i]) and not morph.can_be_nominative(words[i]):
            return " ".join(words[:i])
    return raw


_PLANT_LETTERS = re.compile(r"(?:ГОК|ГМК|ГРК|ЗИФ)[а-яё]{0,2}")
_LATIN_START = re.compile(r"[A-Za-z]")
_GENITIVE_ADJ = re.compile(r"[А-ЯЁ][а-яё-]+(?:ского|цкого|ного|ской|цкой|ной)")


_POSITION_WORD = re.compile(r"(?:Северн|Южн|Восточн|Западн|Верхн|Нижн|Средн|Центральн|Мал|Больш|Нов|Стар|Лев|Прав)(?:ый|ий|ой|ое|ее|ая|яя)")
_PART_NOUN = re.compile(r"(?:[ \u00a0]+и[ \u00a0]+" + _POSITION_WORD.pattern + r")?[ \u00a0]+(?:участ|фланг|блок|зон|залеж|горизонт|част|рудн|тел)")
_SHARED_NOUN = re.compile(r"[ \u00a0]+и[ \u00a0]+" + _POSITION_WORD.pattern + r"[ \u00a0]+(?P<name>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?)(?![\w-])")


_APPOSITION_KW = re.compile(r"месторождени[еяй](?![\w-])(?![ \u00a0]+котор)")
_PRONOUN_RANK = re.compile(r"(?:По[ \u00a0]+(?:запасам|ресурсам)[ \u00a0]+[а-яё]+(?:[ \u00a0]+[а-яё]+)?[ \u00a0]+оно|Оно)[ \u00a0]+"
                           r"(?:[а-яё]+[ \u00a0]+)?(?:занима|уступа|превосход|опережа|входит|лидир)[а-яё]*")
_NAME_RANKED = re.compile(r"(?P<name>[«\"“„]?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?[»\"”“]?)[ \u00a0]+"
                          r"(?:занима(?:ет|л)|является|являлся|уступает|входит|стал)(?![\w-])")
_COMPANYISH = re.compile(r"(?:золот|алтын|голд|мет$|пром|майнинг|инвест|холдинг|ресурс|цинк|никел|алмаз|уран)", re.IGNORECASE)
_WITH_RESERVES = tuple(re.compile(re.escape(w) + r"(?![\w-])") for w in ("с запасами", "с ресурсами", "(запасы", "(ресурсы"))
_NAME_BEFORE_RESERVES = re.compile(r"(?<![\w-])(?P<name>[«\"“„]?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?[»\"”“]?)[ \u00a0]*$")
_COMPANY_WORD_RIGHT_BEFORE = re.compile(r"(?:[Кк]омпани|[Хх]олдинг|[Гг]рупп|[Кк]орпораци|[Кк]онцерн|ТОО|АО|ООО|ПАО)[а-яё]*[ \u00a0]+$")
_CLAUSE_REST = re.compile(r"[^.;()!?\n]{0,60}?(?=[.;()!?\n]|,[ \u00a0]+[а-яё]|$)")
_BY_RESERVES = re.compile(r"(?<![\w-])[Пп]о[ \u00a0]+(?:запасам|ресурсам)(?![\w-])")
_LOWER_SPACE = re.compile(r"[а-яё][ \u00a0]")
_APPOSITION = re.compile(r"(?<=[а-яё][ \u00a0])(?P<name>[«\"“„]?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?[»\"”“]?)"
                         r"(?:[ \u00a0]+[—–][ \u00a0]+|,[ \u00a0]+)(?P<one>(?:одн(?:о|ого|им|ому)|один|одного)[ \u00a0]+из[ \u00a0]+)?"
                         r"(?P<adjs>(?:[а-яё-]+(?:ое|ее|ого|его|ых|их|ий|ый)[ \u00a0]+){0,3})$")
_SURNAME = re.compile(r"[а-яё](?:ов|ев|ёв|ин|ын|ова|ева|ина|ский|цкий|ская|енко|ян|швили|дзе)$")
# the adjective of a region, a province or a large land: "Бурятское месторождение" is the Buryat deposit, no name
# (deposits take the names of villages, rivers and hills, not of the region they lie in)
_REGION_ADJ = re.compile(r"(?:бурят|якут|чукот|магадан|иркут|забайкаль|красноярск|амур|хабаровск|камчат|кемеров|кузбас|"
                         r"тувин|алтай|сибир|урал|дальневосточн|свердловск|челябинск|оренбург|башкир|мурманск|карел|"
                         r"томск|новосибирск|тюмен|таймыр|актюбин|костанай|павлодар|жамбыл|туркестан|кызылорд|мангистау|"
                         r"атырау|ферган|самарканд|бухар|ташкент|джизак|наманган|андижан|сурхандарьин|кашкадарьин|хорезм|"
                         r"иссык-кульск|нарынск|таласск|чуйск|ошск|джалал-абад|баткен|согдийск|хатлон|памир|бадахшан)"
                         r"[а-яё-]*(?<=ск|цк|[^с]н)(?:ое|ого|ому|ом|им|ий|ый|ая|ой|ую)")
_OBLIQUE_ADJ_NAME = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?(?:ск|цк)(?:ом|ого|ому|им)")


def _deposit_name(found: Found, raw: str, start: int, end: int, text: str, kw: str | None = None) -> Ent | None:
    name = strip_quotes(raw)
    quoted = raw.strip()[:1] in Q_OPEN
    if not quoted and " " in name and name.split(" ", 1)[0] in _NOT_NAME_CAPS and raw.startswith(name.split(" ", 1)[0]):
        first_caps = name.split(" ", 1)[0]  # "месторождение МПГ Кызылжар": what it holds, then its name
        name = name[len(first_caps) + 1:].lstrip()
        start += len(raw) - len(raw[len(first_caps):].lstrip())
        raw = raw[len(first_caps):].lstrip()
    if not quoted and _OBLIQUE_ADJ_NAME.fullmatch(name):  # "на месторождении Кызылжарском": its nominative
        name = _adjective_deposit(name, kw or "месторождение", text)
    if len(name) < 3 or not (name[:1].isupper() or (quoted and name[:1].isdigit() and re.search(r"[А-ЯЁ]", name))):
        return None  # a quoted name may begin with a figure: «50 лет Октября»
    first = name.split()[0]
    if not quoted and name in _NOT_NAME_CAPS:
        return None
    if first in gz.countries()[1] or country_stem(first) or (not quoted and LEGAL_WORD.fullmatch(first)):
        return None  # ... or a legal form that a list of names ran into: "«Дальнее», ОАО «Полиметалл»"
    if not quoted and " " not in name and _REGION_ADJ.fullmatch(name.lower()) and gz.lookup(name) is None:
        return None  # "Бурятское месторождение": the region's, no name
    if PLACE_NOUN.match(text[end:end + 20]):
        return None  # "месторождения Карагандинской области"
    if not quoted and _POSITION_WORD.fullmatch(name) and _PART_NOUN.match(text, end):
        return None  # "Северный и Южный участки", "Западный фланг": where a part lies, no name
    shared = _SHARED_NOUN.match(text, end) if not quoted and _POSITION_WORD.fullmatch(name) else None
    if shared is not None:  # "Северный и Южный Райгородок": the name both sides share
        name = f"{name} {shared.group('name')}"
    words = name.split()
    if not quoted and (morph.is_common_word(first) or (len(words) > 1 and any(morph.is_oblique_place(w) for w in words))
                       or (len(words) == 1 and morph.is_oblique_place(first) and not re.search(r"(?:ск|цк|н)(?:ом|ой|ого|ому|им)$", first))):
        return None  # "месторождения Центральной Азии", "месторождения Якутии": a place in the genitive
    if not quoted and len(words) == 2 and _SURNAME.search(words[1]) and morph.given_name(first) is not None \
            and gz.lookup(name) is None:
        return None  # "директор рудника Виктор Федосеев": a person's name and surname, no deposit's
    k = gz.lookup(name)
    if quoted and ((k is not None and k.kind == "company")
                   or (start + 1, end - 1) in found.company_spans):
        return None  # "все 14 рудников «Казахмыса»": the company that owns them
    if kw is not None and kw.lower().startswith("проект") and (k is None or k.kind != "deposit"):
        return None  # after "проект" only a known deposit ("проект «Кумторзолото»", "проект Правительства")
    if k is not None and k.kind == "deposit":
        ent = found.add("deposit", k.name, name, start, end)
    else:  # every word of a name capitalised in Latin: "Сары куль" is Sary Kul
        latin = latin_name(name)
        if not quoted:
            latin = " ".join(w[:1].upper() + w[1:] for w in latin.split(" "))
        ent = found.add("deposit", _own_latin(text, end, latin) or latin, name, start, end)
    found.claim(start, end)
    return ent


# the name's own Latin spelling in brackets right after it: "Кемесс-Саут (Kemess South)", "Агуа-Рика (Agua Rica)"
_OWN_LATIN = re.compile(r"[ \u00a0]*\((?P<latin>[A-Z][a-z]+(?:[ -](?:[A-Z][a-z]+|de|del|la|las|los|do|da))*)\)")


_LATIN_COMPANY = re.compile(r"(?<![\w-])(?:Gold|Mining|Resources|Metals|Minerals|Corp|Corporation|Ltd|Limited|Inc|Group|"
                            r"Company|Holding|Holdings|Capital)(?![\w-])")


def _own_latin(text: str, end: int, latin: str) -> str | None:
    """The Latin form the text gives in brackets after a deposit's Cyrillic name, when it spells the
    same name (a company or region in brackets does not: "Купол (Kinross)")."""
    m = _OWN_LATIN.match(text, end)
    if m is None:
        return None
    own = m.group("latin")
    if _LATIN_COMPANY.search(own) or difflib.SequenceMatcher(None, latin.lower(), own.lower()).ratio() < 0.65:
        return None
    return own


class _Adjectives:
    """The deposits found so far by the neuter of each of their forms: the first found of each, read on from the forms
    the deposits took since the last question (a page naming thousands of deposits asks no deposit at every name)."""

    __slots__ = ("first", "read")

    def __init__(self) -> None:
        self.first: dict[str, Ent] = {}
        self.read = 0

    def of(self, found: Found, neuter: str) -> Ent | None:
        forms = found.deposit_forms
        for ent, form in forms[self.read:]:
            n = morph.adjective_neuter(form)
            known = self.first.get(n)
            if known is None or found.order[id(ent)] < found.order[id(known)]:
                self.first[n] = ent
        self.read = len(forms)
        return self.first.get(neuter)


def _same_adjective(found: Found, adj: str, adjectives: _Adjectives) -> Ent | None:
    """The deposit found before under the same place adjective in another gender or case."""
    neuter = morph.adjective_neuter(adj)
    if neuter == adj and not adj.endswith(("ское", "цкое", "ное")):
        return None
    return adjectives.of(found, neuter)


# the first part of a compound place adjective that says where ("Средне-Голготайское", "Верхне-Менкече"): the
# noun would be "Средний Голготай", so the adjective stays the name
_POSITION_PREFIX = re.compile(r"(?:Средне|Верхне|Нижне|Северо|Южно|Восточно|Западно|Ново|Старо|Больше|Мало)-")


@lru_cache(maxsize=4)
def _words_of(text: str) -> dict[str, list[int]]:
    """The words of ``text`` (its runs of letters, digits and hyphens), each with where it is written."""
    at: dict[str, list[int]] = {}
    for m in WORD_RUN.finditer(text):
        at.setdefault(m.group(0), []).append(m.start())
    return at


_COMPANY_WORD = r"(?:[Кк]омпани|[Кк]орпораци|[Хх]олдинг|[Гг]рупп)[а-яё]*[ \u00a0]+[«\"“„]?"
_AFTER_COMPANY_WORD = re.compile(_COMPANY_WORD + r"(?=(?P<name>[\w-]+))")


@lru_cache(maxsize=4)
def _after_company_words(text: str) -> frozenset[str]:
    """The words written right after a word for a company ("компания Кызылжар", "группы «Алтын»")."""
    return frozenset(m.group("name") for m in _AFTER_COMPANY_WORD_SCAN.finditer(text))


def _named_as_company(name: str, text: str) -> bool:
    """Whether ``text`` writes ``name`` right after a word for a company (the words after them read once)."""
    if WORD_RUN.fullmatch(name):
        return name in _after_company_words(text)
    return re.search(_COMPANY_WORD + re.escape(name) + r"(?![\w-])", text) is not None


def _written_alone(word: str, text: str, besides: tuple[int, int] | None = None) -> bool:
    """Whether ``word`` stands in ``text`` as a word of its own, not inside a longer one (``besides``: outside that
    span); the words of the text read once, not the text again for each word."""
    if WORD_RUN.fullmatch(word):
        at = _words_of(text).get(word, ())
        return bool(at) if besides is None else any(not besides[0] <= s < besides[1] for s in at)
    return any(besides is None or not besides[0] <= m.start() < besides[1]
               for m in re.finditer(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text))


def _adjective_deposit(adj: str, kw: str, text: str) -> str:
    """The canonical Cyrillic name of "Удоканского месторождения": the noun when the text also
    uses it or the adjective is built on a noun in -й/-ь (Дюсембайского -> Дюсембай, Тарыньское -> Тарынь), else
    the adjective in the gender of the word it qualifies (Удоканское месторождение, Ирбинский рудник): also
    for -льское, since л softens before -ск whether the noun has the soft sign or not (Урал -> Уральское,
    Подольское), and for a compound that begins with where it lies (Средне-Голготайское)."""
    base = morph.adjective_neuter(adj)
    m = re.match(r"(.+?)(?:ское|цкое|ное)$", base)
    if m:
        stem = m.group(1)
        known = gz.lookup(stem) if kw.lower().startswith(("рудник", "карьер")) else None
        if (known is not None and known.kind == "deposit") or _written_alone(stem, text) or (
                re.search(r"[аеоуэюяё]й$|[^л]ь$", stem) and not _POSITION_PREFIX.match(stem)):
            return stem
    if kw.lower().startswith(("рудник", "гок", "участ", "карьер", "разрез")):
        return re.sub(r"ое$", "ий", base)
    if kw.lower().startswith(("площад", "трубк")):
        return re.sub(r"ое$", "ая", base)
    return base


# "Кроме золота здесь добывается серебро", "отсюда извлекают медь": the place just named, inside a sentence
# "Контракт на добычу на нём меди": the mining on the deposit just named, inside a sentence
_ON_IT = re.compile(r"(?<![\w-])(?:добыч[аеиу]|добыва[а-яё]*|разработк[аеиу])[ \u00a0]+на[ \u00a0]+н[её]м(?![\w-])")
# ... also the other way round: "Ранее на нём добывали золото"
_ON_IT_AFTER = re.compile(r"на[ \u00a0]+н[её]м[ \u00a0]+(?:[а-яё]+[ \u00a0]+)?(?:добыва|добыт|добыл|добуд)[а-яё]*")
# "Оно является одним из крупнейших медных месторождений", "Это одно из урановых месторождений": what the deposit
# named just before is, in a sentence that opens with a word for it
_PRONOUN_IS = re.compile(r"(?:Оно|Он|Объект|Это)[ \u00a0]+"
                         r"(?:(?:является|являлось|являлся|считается|входит[ \u00a0]+в[ \u00a0]+(?:число|состав|список|перечень)|"
                         r"относится[ \u00a0]+к(?:[ \u00a0]+числу)?)[ \u00a0]+)?"
                         r"(?:(?:одн(?:им|о|ой|а|ому)|один)[ \u00a0]+из[ \u00a0]+)?"
                         r"(?:[а-яё-]+(?:ое|ее|ый|ий|ых|их|ым|им|ому|ему|ой|ым|ыми|ими)[ \u00a0]+){1,3}"
                         r"(?:месторождени[а-яё]*|рудник[а-яё]*)(?![\w-])")
_HERE_MID = re.compile(r"(?=[зот])(?<=[\w,][ \u00a0])(?:здесь|отсюда|там)[ \u00a0]+(?:[а-яё]+[ \u00a0]+)?(?:добыва|добыт|извлека|извлеч)[а-яё]*")
# ... and the verb first: "Компания планирует добывать там 2 т золота в год"
_MINED_HERE = re.compile(r"(?=[дДи])(?<![\w-])(?:[Дд]обыва|[Дд]обыт|[Дд]обыл|извлека|извлеч)[а-яё]*[ \u00a0]+(?:здесь|там)(?![\w-])")
# "Оно содержит", "Он богат", "В руде содержатся", "Руды содержат": the deposit named before
_BESIDES = re.compile(r"(?:Помимо|Кроме)[ \u00a0]+[а-яё]+(?:[ \u00a0]+и[ \u00a0]+[а-яё]+)?,[ \u00a0]+")  # ("Помимо золота, в рудах ...")
_PRONOUN_HOLDS = re.compile(r"(?=[ОРВ])(?:^|(?<=[.!?][ \u00a0])|(?<=\n))(?:Оно|Он|Объект|Руд[аы]|В[ \u00a0]+руд(?:е|ах))[ \u00a0]+"
                            r"(?:[а-яё]+[ \u00a0]+){0,3}?(?:содерж|богат|включа|присутству|выявлен|обнаружен)[а-яё]*")
def _finds(text: str, word: str) -> list[int]:
    """Every position of ``word`` in ``text``."""
    out = []
    at = text.find(word)
    while at >= 0:
        out.append(at)
        at = text.find(word, at + 1)
    return out


_BESIDES_HOLDS = re.compile(r"(?=[ПК])(?:^|(?<=[.!?][ \u00a0])|(?<=\n))" + _BESIDES.pattern
                            + r"(?:Оно|Он|Объект|Руд[аы]|[Вв][ \u00a0]+руд(?:е|ах))[ \u00a0]+"
                            r"(?:[а-яё]+[ \u00a0]+){0,3}?(?:содерж|богат|включа|присутству|выявлен|обнаружен)[а-яё]*")
_DASH_NAME = re.compile(r"[\s\u00a0]*[-–—][\s\u00a0]*(?:[а-яё-]+[\s\u00a0]+){0,2}[«\"“„A-ZА-ЯЁ]")
# a deposit word in the singular (or "месторождения", which may be one): the plural speaks of no one deposit
_OWNER_GENITIVE = re.compile(r"(?:холдинга|компании|группы|корпорации|концерна|фонда|[Дд]очк[аи]»?|структуры|акционера|владельца)"
                             r"[\s\u00a0]+[«\"“„]?$")
_NAMESAKE = re.compile(r"(?<![\w-])[Оо]дноим[её]нн(?:ое|ого|ому|ым|ом|ых|ые)[ \u00a0]+(?:[а-яё-]+(?:ое|ого|ому|ым|ом|ых|ые)[ \u00a0]+){0,2}"
                       r"(?P<kw>месторождени[а-яё]*|рудник[а-яё]*|участ(?:ок|к[а-яё]+))(?![\w-])")
_PLANT_BEFORE = re.compile(r"(?<![\w-])(?P<adj>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?(?:ск|цк)(?:ого|ий|ому|им|ом))[ \u00a0]+"
                          r"(?:ГОК|ГМК|[Рр]удник|(?:горно-обогатительн[а-яё]+[ \u00a0]+)?[Кк]омбинат)[а-яё]{0,2}"
                          r"(?:[ \u00a0]+(?:на|в|при|для))?[ \u00a0]+$")
_ADJECTIVE_END_RE = re.compile(r"(?:ого|его|ых|их|ой|ей|ое|ее|ый|ий|ая|яя)$")
_MANY_BEFORE = re.compile(r"(?<![\w-])[А-ЯЁа-яё]+[а-яё](?:ые|ие)[ \u00a0]+$")  # a plural adjective before the word
# "одного из крупнейших в мире месторождений серебра": one deposit with no name, as a singular word is
_ONE_OF_KW = re.compile(_ONE_OF + r"(?P<kw>месторождений|рудников)(?![\w-])")
_RANKED_AFTER = re.compile(r"(?:втор|трет|четв[её]рт)[а-яё]{1,3}[ \u00a0]+по[ \u00a0]+(?:величине|запасам|размеру|объему|объёму)"
                           r"[ \u00a0]+(?P<what>(?:[а-яё-]+[ \u00a0]+){0,2}(?:месторождени[а-яё]*|рудник[а-яё]*)(?:[ \u00a0]+[а-яё]+){0,2})"
                           r"[^.!?«»\n]{0,40}?(?<![\w-])после[ \u00a0]+(?P<adj>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:ского|цкого|ного))"
                           r"(?![\w-])(?![ \u00a0]+(?:[а-яё]+[ \u00a0]+)?(?:месторожд|рудник|район|област|кра|округ))")
_BARE_KW = re.compile(r"(?=[МмУуРр])(?<![\w-])(?:[Мм]есторождени(?:е|я|ю|ем|и)|[Уу]част(?:ок|к[аеуи]|ком)|[Рр]удник(?:а|е|у|ом)?)(?![\w-])")


def find_deposits(text: str, found: Found, links: list[tuple[Ent, str]], sents: Sentences,
              bare: list[tuple[int, int]]) -> None:
    def commodity_of(word: str) -> str | None:
        return gz.commodity_of_word(word.lower())

    def commodities_of(word: str) -> list[str]:
        """Every commodity of a word, of each part of a compound: "золото-сурьмяного" -> gold, antimony,
        also of a compound written as one word: "уранованадиевое" -> uranium, vanadium."""
        out = [c for part in word.split("-") if part for c in joined_commodities(part, commodity_of)]
        return list(dict.fromkeys(out)) or [c for c in (commodity_of(word),) if c]

    def near_commodities(after: str) -> list[str]:
        """Commodities named right after a deposit word: "месторождения лития", "по урану и молибдену"."""
        out: list[str] = []
        m = re.match(r"\s+(?:по\s+|с\s+содержанием\s+)?(?P<list>[а-яё]+(?:-[а-яё]+)*(?:\s+руд[а-яё]*)?(?:\s*(?:,|и)\s*[а-яё]+)*)", after)
        if not m:
            return out
        if IRON.match(m.group("list")):
            return ["iron ore"]
        for w in re.split(r"\s*(?:,|\sи\s)\s*|\s+", m.group("list")):
            cs = commodities_of(w) if w else []
            if not cs:
                break
            out.extend(cs)  # "месторождения медно-молибденовых руд": each part of a compound
        return out

    # "компания «Северный Катпар», отвечающая за разработку одноименного месторождения": the deposit bears the
    # name of the company named last before it in its sentence
    for m in _NAMESAKE_SCAN.finditer(text) if "дноим" in text else ():
        ss, _se = sents.span(m.start())
        owner = max(((me, ent) for ms, me, ent in found.companies_within(ss, m.start()) if ss <= ms
                     and text.count("(", me, m.start()) == text.count(")", me, m.start())  # not one in brackets,
                     and not _OWNER_GENITIVE.search(text, max(ss, ms - 40), ms)),  # nor the owner of the one named
                    # ("ТОО «Северный Катпар», дочернее предприятие холдинга «Тау-Кен Самрук», ... на одноимённом ...")
                    default=None, key=lambda t: t[0])
        forms = [f for f in owner[1].forms if has_cyrillic(f)] if owner is not None else []
        plant = _PLANT_BEFORE.search(text, max(ss, m.start() - 80), m.start())
        if plant is not None:  # "строительство Кызылжарского ГОКа на одноимённом месторождении": the plant's name
            forms = [_adjective_deposit(plant.group("adj"), "месторождение", text)]
        if forms and not found.overlaps(m.start(), m.end()):
            mine = re.fullmatch(r"(?P<adj>[А-ЯЁ][а-яё-]+(?:ск|цк|н)ий)[ \u00a0]+(?:рудник|прииск|ГОК)", forms[0])
            name = _adjective_deposit(mine.group("adj"), "месторождение", text) if mine else forms[0]
            _deposit_name(found, name, m.start("kw"), m.end("kw"), text)  # («Покровский рудник»: Покровское)
            found.claim(m.start(), m.start() + len(m.group(0).split()[0]))  # (not the kind adjectives between)
    for m in _KW_PERSON_SCAN.finditer(text) if "им" in text else ():
        if m.start() > 0 and text[m.start() - 1] in Q_OPEN and m.group("kw")[:1].isupper():
            continue  # «Рудник им. Матросова»: a company's quoted name
        sur = m.group("sur")
        nom = morph.surname_nominative(sur, "masc")
        form = f"имени {m.group('init')}{sur}".replace("  ", " ")
        if not found.is_claimed(m.start("init"), m.end("sur")):
            ent = found.add("deposit", translit(nom), form, m.start("init"), m.end("sur"))
            found.add_form(ent, nom)
            found.claim(m.start("init"), m.end("sur"))
    adjectives = _Adjectives()
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
        near = [*(c for w in mid for c in commodities_of(w)), *near]
        for a in adjs:
            s = text.index(a, pos)
            pos = s + len(a)
            if _KIND_ADJ.fullmatch(a.lower()) or (not re.search(r"(?:ск|цк)[а-яё]+$", a) and (
                    commodities_of(a.lower()) or not kw.lower().startswith(("месторожд", "рудник"))
                    or not re.search(r"[а-яё,][ \u00a0]+$", text[max(0, s - 3):s]))):
                continue  # "Озерного месторождения" inside a sentence; "Крупное месторождение" or "Полиметаллическое
                # месторождение" opening one, or "Восточном участке" (a part of a deposit or a field), is none
            if found.is_claimed(s, pos):
                for ent in found.deposits_at(s):
                    for c in near:
                        links.append((ent, c))
                continue
            same = _same_adjective(found, a, adjectives)  # "Еланского месторождения ... Еланского участка": one deposit
            if same is not None:
                found.add("deposit", same.name, a, s, pos)
                found.claim(s, pos)
                ent2: Ent | None = same
            else:
                ent2 = _deposit_name(found, _adjective_deposit(a, kw, text), s, pos, text, kw)
            if ent2 is not None:
                found.add_form(ent2, a)
                for c in near:
                    links.append((ent2, c))
                for c in commodities_of(before[-1]) if before else ():
                    links.append((ent2, c))
    named_kw: set[int] = set()
    for m in _KW_NAMES_SCAN.finditer(text):
        lead = _LIST_LEAD.search(m.group("between")) if "," in m.group("between") else None
        # "месторождений, в том числе Талды-Булак, Солто и Андаш", "месторождения, такие как ...", "пяти месторождений,
        # среди них ...": a list's lead-in
        between = [w.strip(",") for w in m.group("between")[:lead.start() if lead else None].split()]
        if not _kind_words(between, commodity_of) and not IRON.match(m.group("between").strip()):
            continue
        near = [c for w in between for c in commodities_of(w)]  # (also each of a compound: "золотосеребряных руд")
        if IRON.search(m.group("between")):
            near = ["iron ore"]
        before = text[max(sents.span(m.start())[0], m.start() - 25):m.start()].split()
        pre = commodities_of(before[-1]) if before else []
        if pre and len(before) > 2 and before[-2] == "и":  # "добычу меди и золота месторождения Кызылжар": each of the list
            for j, listed_w in enumerate(reversed(before[:-2])):
                more = commodities_of(listed_w.strip(",")) if re.fullmatch(r"[а-яё-]+,?", listed_w) else []
                if (j > 0 and not listed_w.endswith(",")) or not more or _ADJECTIVE_END_RE.search(listed_w.strip(",")):
                    break  # (the word right before 'и', then those before it with a comma: "золота, серебра и меди")
                pre = [*more, *pre]
        names = m.group("names")
        pos = m.start("names")
        parts = re.findall(_NAME1, _BRACKETED.sub(lambda b: " " * len(b.group(0)), names) if "(" in names else names)
        if len(parts) > 1 and PLACE_NOUN.match(text[m.end():m.end() + 30]):
            continue  # "в месторождениях Туркестанской, Кызылординской и Северо-Казахстанской областей"
        if len(parts) > 1 and before and _SINGULAR_ADJ.search(before[-1]) and not _PLURAL_KW.search(m.group("kw")):
            parts = parts[:1]  # one deposit after a singular kind adjective: the names after its own are the
            # sentence's next items ("свинцово-цинкового месторождения «Озёрное», «Металлы Восточной Сибири» и ...")
        if m.group("place") and not m.group("dash"):
            continue  # "месторождениях в Мурманской области - Куркенпахк": where they lie, then the names after a dash
        counted = bool(m.group("dash")) and re.search(r"(?:ий|ях|ям|ями)$", m.group("kw")) is not None \
            and (_COUNTED.search(text, max(0, m.start() - 40), m.start()) is not None
                 # "одно из крупнейших оловянных месторождений в России — Пыркакайские штокверки": the one named
                 or (len(parts) == 1 and _ONE_OF_BEFORE.search(text, max(0, m.start() - 60), m.start()) is not None))
        if m.group("dash") and (len(parts) < 2 or not re.search(r"(?:ий|ия|ях|ям|ями|ов|и)$", m.group("kw"))) \
                and not (len(parts) == 1 and _SECOND_DASH.match(text, m.end())) and not counted:
            continue
        if m.group("dash") and len(parts) == 1 and counted:
            run_on = _RUN_ON_NEXT.match(text, m.end())  # the list's next item past its first one's own clause
            parts = [*parts, run_on.group("name")] if run_on else parts  # after a dash only a list after a plural: "четырех месторождений - «Таррор», «Джилау»",
            # or one name set off by two dashes: "месторождение меди — Кусмурын — готовят"
        for raw in parts:
            s = text.index(raw, pos)
            pos = s + len(raw)
            raw = _trim_name(raw)
            e = s + len(raw)
            if found.is_claimed(s, e):
                for known_ent in found.deposits_over(s, e):
                    for c in [*near, *pre]:
                        links.append((known_ent, c))
                continue
            if re.fullmatch(_ADJ, raw) and re.match(r"\s+[а-яё]", text[e:e + 3]) \
                    and not raw.endswith(("ское", "цкое", "ская", "ский", "ное", "ный", "ная")):
                break  # "рудников Талнахского рудного узла": the adjective qualifies what follows
            new = _deposit_name(found, raw, s, e, text, m.group("kw"))
            if new is None:
                break
            named_kw.add(m.start())
            if near:  # "месторождения рудного золота и серебра «Дальнее»": these commodities are its own
                found.consumed.append((m.start("between"), m.end("between")))
            if pre:  # ... and so the kind adjective before the word: "рядом с золоторудным месторождением Сарыбулак"
                found.consumed.append((m.start() - len(before[-1]) - 1, m.start()))
            for c in [*near, *pre]:
                links.append((new, c))
            if not near:
                for c in near_commodities(text[e:e + 60]):
                    links.append((new, c))
    # "второе по величине месторождение золота в Армении после Зодского": the deposit a ranking puts first, named by its
    # adjective with the deposit word left out, of the ranking's own commodity
    for m in itertools.islice(_RANKED_AFTER.finditer(text), 12) if "после " in text else ():  # (a text's few rankings)
        s, e = m.span("adj")
        if found.overlaps(s, e):
            continue
        ranked = _deposit_name(found, _adjective_deposit(m.group("adj"), "месторождение", text), s, e, text, "месторождение")
        if ranked is not None:
            for w in m.group("what").split():
                for c in commodities_of(w.strip(",")):
                    links.append((ranked, c))
    # "купила Кызылжар — крупное месторождение меди", "разработку Кызылжара, одного из крупнейших медных
    # месторождений": a name inside a sentence set off by a dash or comma before what it is, in the same case
    for k in _APPOSITION_KW.finditer(text) if " —" in text or " –" in text or "," in text else ():
        if not _LOWER_SPACE.fullmatch(text, k.start() - 2, k.start()) and text[k.start() - 2:k.start() - 1] not in ("—", "–"):
            continue  # (or right after the dash: "купила Кызылжар — месторождение меди")
        ap = _APPOSITION.search(text, max(0, k.start() - 110), k.start())
        if ap is None:
            continue
        word = strip_quotes(ap.group("name"))
        one = ap.group("one")
        genitive = one.startswith("одного") if one else k.group().endswith(("я", "а"))
        if found.overlaps(ap.start("name"), ap.end("name")) or morph.is_dictionary_word(word) \
                or morph.is_known_place(word) or country_stem(word) or (not one and k.group().endswith(("й", "ов"))):
            continue  # (a plural word is a list's, not one name's: "Кызылжар, месторождений ...")
        name = word
        if genitive:
            cands = _genitive_candidates(word)
            name = next((c for c in cands if c != word and _written_alone(c, text)), cands[0])
        known = gz.lookup(name)
        if (known is not None and known.kind != "deposit") or any(
                found.first_with_form(kind, f) is not None for kind in ("company", "org") for f in (name, word)):
            continue
        appos = _deposit_name(found, name, ap.start("name"), ap.end("name"), text, k.group())
        if appos is None:
            continue
        for w in ap.group("adjs").split():
            for c in commodities_of(w):
                links.append((appos, c))
        for c in near_commodities(text[k.end():k.end() + 60]):
            links.append((appos, c))
    for p in _PLACE_NAME_SCAN.finditer(text):
        kw = _KW_PLACE.search(text, max(0, p.start() - 60), p.start())
        if kw is None:
            continue
        if not found.overlaps(p.start("name"), p.end("name")) and p.group("name").split()[0] not in _NOT_NAME_START:
            placed = _deposit_name(found, p.group("name"), p.start("name"), p.end("name"), text, kw.group("kw"))
            before = text[max(sents.span(kw.start())[0], kw.start() - 25):kw.start()].split()
            if placed is not None and before:
                for c in commodities_of(before[-1]):
                    links.append((placed, c))  # "золоторудное месторождение в ... районе X"
    named = "назван" in text or "именуем" in text
    river = "р." in text or "руч" in text or "реки" in text or "реке" in text or "ключ" in text
    for rx in (_KW_NAMED,) * named + (_RIVER,) * river:
        for m in rx.finditer(text):
            if not found.overlaps(m.start("name"), m.end("name")):
                _deposit_name(found, m.group("name"), m.start("name"), m.end("name"), text)
    for head in _TABLE_HEAD.finditer(text) if "|" in text else ():
        if head.start() > 0 and text[head.start() - 1] != "\n":
            continue
        in_text = {c for w in re.findall(r"[а-яё-]+", text[:head.start()]) for c in commodities_of(w)}
        pos = text.find("\n", head.end())
        while pos >= 0:  # each row below the header, up to a line with no cells
            line_end = text.find("\n", pos + 1)
            if "|" not in text[pos + 1:line_end if line_end >= 0 else len(text)]:
                break
            row = _TABLE_NAME.match(text, pos + 1)
            if row is not None and not found.overlaps(row.start("name"), row.end("name")):
                at = row.start("name")
                for part in re.split(r"[ \u00a0]+и[ \u00a0]+", row.group("name")):  # "Вива и Аллегро": two deposits
                    at = text.index(part, at)
                    listed = _deposit_name(found, part, at, at + len(part), text)
                    at += len(part)
                    if listed is not None and len(in_text) == 1:  # the text's one commodity before the table is every row's
                        links.append((listed, next(iter(in_text))))
            pos = line_end
    for m in _PLACER_LEAD_SCAN.finditer(text) if "оссып" in text else ():
        what = commodity_of(m.group("what") or m.group("what2") or "")
        _ss, se = sents.span(m.start())
        pos = m.end()
        while pos < se:  # each item opens with its river's word, after the lead or a ';', ',' or 'и' of the list
            item = _PLACER_ITEM.match(text, pos)
            if item is None:  # (past an item of the list that names no one river: "ручьи Большая и Малая X;")
                skip = text.find(";", pos, se) if pos > m.end() and text[pos - 1] == ";" else -1
                if skip < 0:
                    break
                pos = skip + 1
                continue
            if not found.overlaps(item.start("name"), item.end("name")):
                placer = _deposit_name(found, item.group("name"), item.start("name"), item.end("name"), text)
                if placer is not None and what:
                    links.append((placer, what))
            nxt = _PLACER_NEXT.match(text, item.end())
            if nxt is None:
                break
            pos = nxt.end()
    for m in _RIVER_RESOURCES_SCAN.finditer(text) if "ресурсами" in text or "запасами" in text else ():
        if not found.overlaps(m.start("name"), m.end("name")):
            placer = _deposit_name(found, m.group("name"), m.start("name"), m.end("name"), text)
            what = commodity_of(m.group("what"))
            if placer is not None and what:
                links.append((placer, what))
    # "аукционы на право разработки участков россыпного золота ... В него вошли:\n- ручей Омега — ...\n- река Соловая
    # ...": the rivers a list's lines open with, in an article of one placer metal, are its placers
    placer_metals = {commodity_of(p.group("what")) for p in _PLACER_OF_SCAN.finditer(text)} if "оссып" in text else set()
    placer_metals.discard(None)
    for item in (_BULLET_RIVER.finditer(text) if len(placer_metals) == 1 else ()):
        if not found.overlaps(item.start("name"), item.end("name")):
            placer = _deposit_name(found, item.group("name"), item.start("name"), item.end("name"), text)
            if placer is not None:
                links.extend((placer, str(c)) for c in placer_metals)
    for m in _KW_COLON_SCAN.finditer(text) if ":" in text else ():
        if not re.search(r"компани|инвестор|участник|подрядчик|владел|заявк|лицензи", m.group("lead")):
            # what the words between the deposit word and the colon say they all hold ("Крупнейшие месторождения
            # меди:\n- Кызылжар\n- Жанатау"), or the kind adjective right before the word ("золоторудные рудники:")
            before = text[max(sents.span(m.start())[0], m.start() - 25):m.start()].split()
            _colon_list(text, found, m.end(), m.group("kw"), links, _heading_commodities(m.group("lead"), before))
    for m in (h for b in (_BULLET_LINE.finditer(text) if "\n" in text and ("есторождения " in text or "удники " in text) else ())
              if (h := _KW_HEADING.match(text, text.rfind("\n", 0, b.start()) + 1)) is not None and h.end() == b.start()):
        heading = _heading_commodities(m.group("lead"), [])
        if heading:
            _colon_list(text, found, m.end(), m.group("kw"), links, heading)
    # "Компания владеет тремя золоторудными месторождениями. Крупнейшее из них — Кызылжар": the names given among
    # the deposits the sentence before counted
    for m in _AMONG_NAMES.finditer(text) if " них" in text else ():
        if not _AMONG_LEAD.search(text, max(0, m.start() - 7), m.start()):
            continue
        i = sents.index(m.start())
        if i == 0 or not _PLURAL_KW_IN.search(text, *sents.spans[i - 1]):
            continue
        for item in re.finditer(_NAME1, m.group("names")):
            s0, e0 = m.start("names") + item.start(), m.start("names") + item.end()
            known = gz.lookup(strip_quotes(item.group()))
            if not found.overlaps(s0, e0) and not re.search(r"[A-Za-z]", item.group()) \
                    and (known is None or known.kind == "deposit"):  # (no company's name: "из них — «Алтыналмас»")
                _deposit_name(found, _trim_name(item.group()), s0, s0 + len(_trim_name(item.group())), text)
    # "Кызылжар занимает второе место в стране по запасам меди": a name that opens a sentence and is ranked by its
    # reserves of a commodity, not a company's, a place's or a word the dictionary knows
    for ss, se in sents.spans if "апасам" in text or "есурсам" in text else ():
        rk = _NAME_RANKED.match(text, ss)
        if rk is None or not _BY_RESERVES.search(text, rk.end(), se):
            continue
        word = strip_quotes(rk.group("name"))
        known = gz.lookup(word)
        if found.overlaps(rk.start("name"), rk.end("name")) or (known is not None and known.kind != "deposit") \
                or morph.is_dictionary_word(word) or morph.is_known_place(word) or country_stem(word) \
                or _COMPANYISH.search(word) or any(e.kind in ("company", "org", "person") and any(
                    f == word or f.startswith(word + " ") for f in e.forms) for e in found.ents.values()):
            continue
        _deposit_name(found, word, rk.start("name"), rk.end("name"), text)
    # "Кызылжар с запасами 50 т золота", "Кызылжар (запасы — 50 т золота)": a name with the reserves it holds,
    # not a company's, a place's or a word the dictionary knows
    for wr in [w for rx in _WITH_RESERVES for w in rx.finditer(text)] if "апас" in text or "есурс" in text else ():
        if wr.group().startswith("с") and wr.start() > 0 and text[wr.start() - 1].isalpha():
            continue
        nm = _NAME_BEFORE_RESERVES.search(text, max(0, wr.start() - 45), wr.start())
        if nm is None or found.overlaps(nm.start("name"), nm.end("name")) \
                or _COMPANY_WORD_RIGHT_BEFORE.search(text, max(0, nm.start() - 25), nm.start()):
            continue
        word = strip_quotes(nm.group("name"))
        known = gz.lookup(word)
        if (known is not None and known.kind != "deposit") or morph.is_dictionary_word(word) or morph.is_known_place(word) \
                or country_stem(word) or _COMPANYISH.search(word) or (nm.start() > 1 and _AT_SENTENCE_START.search(text, 0, nm.start()) is None
                                                                     and not _LOWER_SPACE.fullmatch(text, nm.start() - 2, nm.start())) \
                or any(e.kind in ("company", "org", "person") and any(f == word or f.startswith(word + " ") for f in e.forms)
                       for e in found.ents.values()):
            continue
        rest = _CLAUSE_REST.match(text, wr.end())
        held = [c for w in re.findall(r"[а-яё]+(?:-[а-яё]+)?", rest.group() if rest else "") for c in commodities_of(w)]
        if held:
            holder = _deposit_name(found, word, nm.start("name"), nm.end("name"), text)
            if holder is not None:
                links.extend((holder, c) for c in held)
    for br in _BRACKET_OPEN.finditer(text) if "(" in text else ():
        kb = _KW_BRACKET.search(text, max(0, br.start() - 100), br.start())
        if kb is not None and not re.search(r"компани|инвестор|владел|лицензи|район|област|стран", kb.group("lead")):
            _bracket_list(text, found, br.end(), kb.group("kw"))
    # "Тасжарган (Au), Сарыкамыс (Cu, Mo)": chemical symbols in brackets after a name in a sentence about deposits
    for p in _PAREN_SYMBOLS.finditer(text) if "(" in text else ():
        pn = _PAREN_NAME.search(text, max(0, p.start() - 40), p.start())
        if pn is None or not _KW_BEFORE.search(text, sents.span(pn.start())[0], pn.start()):
            continue
        listed = _bracket_owner(found, pn, text)
        if listed is not None:
            for sym in re.findall(r"[A-Z][a-z]?", p.group("list")):
                links.append((listed, _SYMBOLS[sym]))
    bracketed: list[tuple[int, int]] = []
    for p in _PAREN_COMMODITIES.finditer(text) if "(" in text else ():
        pn = _PAREN_NAME.search(text, max(0, p.start() - 40), p.start())
        if pn is None:
            continue
        words = [w for w in re.split(r",\s*", p.group("list")) if w]
        if p.group("cut") and words and _phrase_commodity(words[-1]) is None:
            words.pop()  # the last word cut short by the end of the text
        items = [c for c in (_phrase_commodity(w) for w in words) if c]
        if not items or len(items) != len(words):
            continue
        ss, _se = sents.span(pn.start())
        if len(items) == 1 and not _KW_BEFORE.search(text, ss, pn.start()):
            continue  # one commodity in brackets names a deposit only in a sentence about deposits
        listed = _bracket_owner(found, pn, text)
        if listed is not None:
            for c in items:
                links.append((listed, c))
            bracketed.append((p.start(), p.end()))
    # when several names of a list have their own, what stands in brackets is no other name's ("Кентау (медь),
    # Сарыбулак (медь, вольфрам) и Жосалы"); one bracket after the last name is the whole list's
    # (nor is one after the first name of its sentence with another deposit named after it: "Кызылжар (медь) и
    # участок Жанатау")
    per_sentence = Counter(sents.span(o[0]) for o in bracketed)
    for b in bracketed:
        _bs, be = sents.span(b[0])
        if per_sentence[sents.span(b[0])] > 1 or any(at in found.deposit_starts for at in range(b[1], be)):
            found.consumed.append(b)
    dashed_kw = list(_DASH_KW_SCAN.finditer(text)) if "—" in text or "–" in text or " - " in text else []
    verbed = [m for m in _IS_KW_SCAN.finditer(text) if m.start() > 1 and text[m.start() - 1] in " \u00a0"
              and (text[m.start() - 2].isalnum() or text[m.start() - 2] in "»\"”),")]
    one_of = list(_COMMA_ONE_OF.finditer(text)) if " из " in text or "месторождение" in text else []
    for m in [*dashed_kw, *verbed, *one_of]:
        ss, _se = sents.span(m.start())
        last = m.start() - 1 if m.re is _IS_KW else m.start()  # before the space ahead of the verb or the dash
        aside = _ASIDE_END.search(text, max(ss, last - 45), last) if text[last - 1:last] == ")" else None
        if aside is not None:  # ... and before where it lies: "Кызылжар (Иркутская область) — одно из ..."
            last = aside.start()
        # (the sentence's own start is a clause's: its end mark lies before the sentence's span)
        names = next((n for at in (ss, *(c.end() for c in _CLAUSE_START.finditer(text, ss, last)))
                      if (n := _NAMES_BEFORE.fullmatch(text, at, last)) is not None), None)
        if names is None and m.re is _IS_KW:
            names = _WHICH_BEFORE.search(text, max(ss, m.start() - 80), m.start())
        if names is None and m.re is _IS_KW:  # "Кызылжар, открытый в 1960 году, является ...": past an aside
            aside2 = _PARTICIPLE_ASIDE.search(text, max(ss, m.start() - 90), m.start())
            names = _NAMES_BEFORE.fullmatch(text, ss, aside2.start()) if aside2 is not None else None
        if names is None and m.re is _IS_KW and _AND_BEFORE.search(text, max(ss, m.start() - 6), m.start()):
            # "Месторождение Кызылжар открыто в 1960 году и является медным месторождением": the sentence's
            # subject, the one deposit it opens with
            here = sorted((ms, me, e) for e in found.ents.values() if e.kind == "deposit"
                          for ms, me in e.mentions if ss <= ms < m.start())
            if len({e.name for _ms, _me, e in here}) == 1 and _SUBJECT_OPENING.fullmatch(text, ss, here[0][0]):
                mid = (m.group("mid") or "").split()
                for c in [c for w in mid for c in commodities_of(w)] + near_commodities(text[m.end():m.end() + 60]):
                    links.append((here[0][2], c))
            continue
        if names is None:
            continue
        mid = (m.group("mid") or m.groupdict().get("mid1") or "").split()
        near = [c for w in mid for c in commodities_of(w)] + near_commodities(text[m.end():m.end() + 60])
        pos = names.start()
        for raw in re.findall(_NAME1, names.group("names")):
            s = text.index(raw, pos)
            pos = s + len(raw)
            if found.overlaps(s, pos):
                dashed = next(iter(found.deposits_holding(s)), None)
            else:
                dashed = _deposit_name(found, raw, s, pos, text, m.group("kw"))
            if dashed is None:
                break
            for c in near:
                links.append((dashed, c))
    # "Ресурсы Кызылжара оцениваются в 1 млн т меди": a name in the genitive right after the reserves that open
    # a sentence, when the text also writes the name in the nominative
    for m in (r for ss, _se in (sents.spans if "апасы " in text or "есурсы " in text else ())
              if (r := _RESERVES_OF_NAME.match(text, ss)) is not None):  # (tried at each sentence's start)
        word = m.group("name")
        if found.overlaps(m.start("name"), m.end("name")) or morph.is_dictionary_word(word) \
                or morph.is_oblique_place(word) or country_stem(word):
            continue
        nominative = next((c for c in _genitive_candidates(word) if _written_alone(c, text, (m.start(), m.end()))), None)
        if nominative is not None and not any(found.first_with_form(kind, nominative) is not None for kind in ("company", "org")) \
                and not _named_as_company(nominative, text):  # ("компания Кызылжар": its reserves)
            _deposit_name(found, nominative, m.start("name"), m.end("name"), text)
    # "после Федоровско-Кедровского (Республика Хакасия, 21,7 тонн золота)": a deposit's adjective, its word left out,
    # with the metal it holds in the brackets after it
    for m in (_ADJ_FIGURE.finditer(text) if "(" in text else ()):
        if found.overlaps(m.start("name"), m.end("name")):
            continue
        held = near_commodities(m.group("after"))
        if not held:
            continue
        figured = _deposit_name(found, _adjective_deposit(m.group("name"), "месторождение", text), m.start("name"),
                                m.end("name"), text, "месторождение")
        if figured is not None:
            links.extend((figured, c) for c in held)
    for m in _THERE_SCAN.finditer(text):
        bare.append((m.start(), m.end()))
    # "Общие запасы оцениваются в 26 млн тонн руды с содержанием цинка ...": a sentence that opens with the
    # reserves, resources or grade speaks of the deposit just named, unless it names a country ("Запасы меди
    # в Казахстане ...")
    for ss, se in sents.spans if "апасы" in text or "есурс" in text or "рирост" in text or "одержание" in text or "Основн" in text \
            or "обыча" in text or "Перв" in text or "ая мощность" in text or "ая производ" in text or "омбинат " in text \
            or "ГОК " in text or "абрика " in text or "арьер " in text or "удник " in text or "Шахта " in text \
            or "Главн" in text or "бъем" in text or "бъём" in text or "ланируется" in text or "редполагается" in text \
            or "амечено" in text or "ископаем" in text or "Металл" in text or "Сырь" in text else ():
        lead = _RESERVES_LEAD.match(text, ss) if text[ss:ss + 1] in "ПСКВОИНУР" else None
        at = lead.end() if lead else ss
        opening = _RESERVES.match(text, at) if text[at:at + 1] in _RESERVES_FIRST else None
        if opening is not None and not any(country_stem(w) or w in gz.countries()[1] or _WIDE_PLACE.match(w)
                                           for w in re.findall(r"[\w-]+", text[opening.end():se])) \
                and not any(country_stem(w) or _WIDE_ADJ.match(w) for w in opening.group(0).split()[:-1]):
            bare.append((opening.start(), opening.end()))
    for m in [*_HERE_MID_SCAN.finditer(text), *_MINED_HERE_SCAN.finditer(text)] \
            if "здесь" in text or "отсюда" in text or " там " in text else ():
        bare.append((m.start(), m.end()))
    for m in [*_ON_IT_SCAN.finditer(text), *_ON_IT_AFTER_SCAN.finditer(text)] if " на н" in text else ():  # "контракт на добычу на нём меди"
        if m.re is _ON_IT or m.start() == 0 or not text[m.start() - 1].isalpha():
            bare.append((m.start(), m.end()))
    for m in (pi for ss, _se in (sents.spans if "Он" in text or "Это " in text or "Объект " in text else ())
              if text[ss:ss + 1] in "ОЭ" and (pi := _PRONOUN_IS.match(text, ss)) is not None):  # (at each sentence's start)
        if not any(s == m.start() for s, _e in bare):
            bare.append((m.start(), m.end()))
    # "Оно занимает второе место в стране по запасам меди", "По запасам меди оно уступает только ...": a deposit
    # ranked by its reserves in a sentence on the one (neuter) named before
    for ss, se in sents.spans if "но " in text and "апас" in text else ():
        rank = _PRONOUN_RANK.match(text, ss) if text[ss:ss + 1] in "ОП" else None
        if rank is not None and _BY_RESERVES.search(text, ss, se) and not any(s == rank.start() for s, _e in bare):
            bare.append((rank.start(), rank.end()))
    # the deposit word left out in a sentence that has one: "медное месторождение Кусмурын, золоторудные
    # Кепеш и Акжар", "На Тасбулакском месторождении добывают медь, на Кепешском — золото"
    for m in _ELIDED_SCAN.finditer(text) if "," in text or " и " in text else ():
        if m.group("gen") and gz.commodity_of_word(m.group("gen")) is None:
            continue  # (a word that names no commodity, looked at before the sentence is)
        ss, _se = sents.span(m.start())
        if not _KW_BEFORE.search(text, ss, m.start()):
            continue
        if m.group("adj") or m.group("gen"):
            kind = commodities_of(m.group("adj") or m.group("gen"))
            if not kind and (m.group("gen") or not _KIND_ADJ.fullmatch(m.group("adj"))):
                continue
            if m.group("gen") and not _NAME_RIGHT_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                continue  # (a commodity's noun after a name only: "месторождении золота и сурьмы Дельмачикском" is one)
            pos = m.start("names")
            for raw in re.findall(_NAME1, m.group("names")):
                s = text.index(raw, pos)
                pos = s + len(raw)
                if found.overlaps(s, pos):
                    break
                listed = _deposit_name(found, raw, s, pos, text)
                if listed is None:
                    break
                for c in kind:
                    links.append((listed, c))
        elif not found.overlaps(m.start("loc"), m.end("loc")):
            name = _adjective_deposit(m.group("loc"), "месторождение", text)
            loc = _deposit_name(found, name, m.start("loc"), m.end("loc"), text)
            if loc is not None:
                found.add_form(loc, m.group("loc"))
    # a name after ", а" and a dash with its commodity, in a sentence about deposits: "на месторождениях А и Б
    # добывают уран, а на Коксу - молибден", "Байтобе - медное месторождение, а Акшаткия - медно-золотое"
    # (also with no 'а' after a place's preposition: "на месторождениях А и Б добывают медь, на В — золото")
    turns = [*_TURN_NAME.finditer(text)] if ", а " in text else []
    turns += [*_COMMA_LOC.finditer(text)] if ", на " in text or ", в " in text else []
    # (and a name alone before the dash: "Кызылжар — медное месторождение, Жанатау — золоторудное")
    turns += [*_COMMA_DASH.finditer(text)] if "—" in text or "–" in text or " - " in text else []
    # (and the commodity before the dash, after a mining verb: "добывает золото на Кызылжаре, медь — на Жанатау")
    turns += [*_COMMA_WHAT_ON.finditer(text)] if (", " in text and " на " in text and ("—" in text or "–" in text)) else []
    for m in turns:
        kind = commodities_of(m.group("what"))
        if m.group("prep") and not m.group("kw") and morph.is_oblique_place(m.group("name")):
            found.consumed.append((m.start("what"), m.end("what")))  # "..., на Урале — медь": a region's, no deposit's
            continue
        if m.re is _COMMA_DASH and (country_stem(m.group("name")) or m.group("name") in gz.countries()[1]
                                    or morph.is_dictionary_word(m.group("name"))):
            found.consumed.append((m.start("what"), m.end("what")))  # "..., Казахстан — уран": a country's
            continue
        if not kind or found.overlaps(m.start("name"), m.end("name")):
            continue
        ss = sents.span(m.start())[0]
        if not ((_MINING if m.re is _COMMA_WHAT_ON else _KW_BEFORE).search(text, ss, m.start())
                        # (or "на" a name after the mining with no deposit word: "добывает на Кызылжаре медь, а на
                        # Жанатау — золото")
                        or (m.group("prep") == "на" and _MINING.search(text, ss, m.start()))):
            continue
        raw = _locative_nominative(m.group("name")) if m.group("prep") and not m.group("kw") else m.group("name")
        turned = _deposit_name(found, raw, m.start("name"), m.end("name"), text)
        if turned is not None:
            found.add_form(turned, m.group("name"))
            for c in kind:
                links.append((turned, c))
    # a sentence that opens with "Оба содержат", "Их запасы": every deposit the sentence before named
    for ss, se in sents.spans if "Об" in text or "Они" in text or "Их " in text or "Все " in text or " них" in text \
            or "На всех" in text or "В их " in text else ():
        both = _PLURAL.match(text, ss) if text[ss:ss + 1] in "ОИВЗРН" else None
        both = both or (_RESERVES_IN_THEM.match(text, ss) if text.find(" них", ss, se) != -1 else None)
        if both is not None:
            bare.append((both.start(), both.end()))
    # a sentence that opens with "Оно содержит", "Он богат": the deposit named before
    for m in [*(_PRONOUN_HOLDS.finditer(text) if "Он" in text or "Руд" in text or "В руд" in text or "Объект " in text else ()),
              *(besides_m for word in ("Помимо ", "Кроме ") for at in _finds(text, word)
                if (besides_m := _BESIDES_HOLDS.match(text, at)) is not None)]:
        bare.append((m.start(), m.end()))
    # a deposit word with no name but with its commodity: "месторождение олова", "запасы месторождения ... меди"
    # (and "одного из крупнейших в мире месторождений серебра": one deposit with no name, as a singular word is)
    for ks, ke in [*(m.span() for m in _BARE_KW_SCAN.finditer(text)),
                   *(m.span("kw") for m in (_ONE_OF_KW_SCAN.finditer(text) if " из " in text else ()))]:
        after = text[ke:ke + 20]
        if re.match(r"\s+(?:[«\"“„]|[A-ZА-ЯЁ]|имени|им\.)", after) or _DASH_NAME.match(text, ke) or ks in named_kw:
            continue  # ... named after it, also after a dash: "месторождении - золото-серебряном «Дукате»"
        if (found.overlaps(max(0, ks - 3), ks) and not re.search(r"[.!?\n]", text[max(0, ks - 3):ks])) \
                or found.overlaps(ks, ke):
            continue  # "на Березовском месторождении": named by the adjective before it (or itself a deposit's
            # mention: "одноименное медное месторождение")
        bare.append((ks, ke))
    # "Запасы меди на Кызылжаре", "приступила к добыче золота на «Полянке»", "будет добывать уран на Жалпаке": a
    # commodity's reserves or mining on a name with no deposit word, not a place the dictionary knows ("на Урале")
    # (also the other way round at a sentence's start: "На Кызылжаре добывают медь", "На Акжале добыто 2 т золота")
    # (and with the place before how much: "добыла на Кызылжаре 15 т золота")
    for m in [*(_MINED_ON_SCAN.finditer(text) if " на " in text else ()),
              *(o for o in (_ON_MINED.finditer(text) if "На " in text else ()) if _AT_SENTENCE_START.search(text, max(0, o.start() - 3), o.start())),
              *(o for ss, _se in (sents.spans if " на " in text else ()) if text[ss:ss + 1] in "ВЗ"
                and (o := _ON_MINED_AFTER_WHEN.match(text, ss)) is not None),  # (tried at each sentence's start)
              *(_MINED_AT_SCAN.finditer(text) if " на " in text else ()),
              *(o for o in (_OUTPUT_AT.finditer(text) if " на " in text and "роизв" in text else ())
                if o.start() > 0 and text[o.start() - 1] in "Пп" and (o.start() < 2 or not text[o.start() - 2].isalpha())),
              *(w for ss, _se in (sents.spans if " на " in text and "добы" in text else ())
                for rx in ((_WHAT_ON_MINED, _WHAT_MINED_ON) if "добы" in text[ss:ss + 160] else ())
                if (w := rx.match(text, ss)) is not None),  # (tried at each sentence's start with the verb near it)
              # ... and the next commodity of the same mining on the next name: "добывает медь на Кызылжаре и
              # золото на Жанатау"
              *(a for a in (_AND_ON.finditer(text) if " и " in text and " на " in text else ())
                if _MINING.search(text, sents.span(a.start())[0], a.start()))]:
        kind = [c for w in (m.group("what"), m.group("what2")) if w for c in commodities_of(w.lower())]
        for g in ("name", "name2") if m.re in (_ON_MINED, _MINED_ON, _ON_MINED_AFTER_WHEN, _MINED_AT) and m.group("name2") else ("name",):
            word = m.group(g)
            quoted = word[:1] in Q_OPEN
            bare_word = strip_quotes(word)
            if not kind or found.overlaps(m.start(g), m.end(g)) or (not quoted and (
                    morph.is_oblique_place(bare_word) or morph.is_dictionary_word(bare_word))) \
                    or country_stem(bare_word) or _in_a_place(text, m.start("what"), m.end("what")) \
                    or (m.re is not _MINED_ON and re.search(r"(?:ом|ем|ой|ей)$", bare_word) is not None) \
                    or _PLANT_NOUN_AFTER.match(text, m.end(g)):
                continue  # (an adjective's name at the start is a later mention's: "На Многоключевом ... добыто")
                # (nor a plant's: "производство меди на Кызылжарском заводе")
            mined = _deposit_name(found, _oblique_nominative(bare_word), m.start(g), m.end(g), text)
            if mined is not None:
                found.add_form(mined, bare_word)
                for c in kind:
                    links.append((mined, c))
    # "аукцион ... четырех месторождений россыпного золота в Магаданской области. Так, на торги выставлен участок X
    # ... месторождение Y ...": the deposits named after a count of deposits of a commodity, none told anything
    # else, are those it counts, where there are no more of them than it says
    # (the deposits by where first named, and those linked, made once: a page of thousands of counts and deposits
    # does not read them all at each count)
    counts = list(_counted(text))
    by_first = sorted((d.mentions[0][0], i, d) for i, d in enumerate(found.ents.values())
                      if d.kind == "deposit" and d.mentions) if counts else []
    firsts = [t[0] for t in by_first]
    linked = {id(e) for e, _c in links} if counts else set()
    for m in counts:
        held = [c for w in m.group("what").split() for c in commodities_of(w)]
        if not held:
            continue
        count = int(m.group("count")) if m.group("count").isdigit() else _COUNT_WORDS.get(m.group("count").lower()[:4], 0)
        j = bisect.bisect_left(firsts, m.end())
        if j == len(by_first) or len(by_first) - j > count:
            continue
        named_after = [d for _s, _i, d in sorted(by_first[j:], key=lambda t: t[1])]  # (in the order found)
        if any(id(d) in linked for d in named_after):
            continue
        links.extend((d, c) for d in named_after for c in held)
        linked.update(id(d) for d in named_after)


# a count of deposits and what they hold: "четырех месторождений россыпного золота", "3 месторождения меди"
_COUNTED_OF = re.compile(r"(?<![\w-])(?P<count>\d{1,2}|два|двух|три|тр[её]х|четыре|четыр[её]х|пять|пяти|шесть|шести|семь|семи|"
                         r"восемь|восьми|девять|девяти|десять|десяти)[ \u00a0]+(?:[а-яё]+[ \u00a0]+)?месторождени[а-яё]*"
                         r"[ \u00a0]+(?P<what>(?:[а-яё]+[ \u00a0]+)?[а-яё]+)")
def _counted(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_COUNTED_OF``, looked for only around the deposit word each must hold."""
    at = text.find("есторождени")
    end = -1
    while at >= 0:
        m = _COUNTED_OF.search(text, max(end, at - 40), min(len(text), at + 60))
        if m is not None and m.start("what") > at:
            yield m
            end = m.end()
        at = text.find("есторождени", max(at + 1, end))


_COUNT_WORDS = {"два": 2, "двух": 2, "три": 3, "трех": 3, "трёх": 3, "четы": 4, "пять": 5, "пяти": 5, "шест": 6, "семь": 7,
                "семи": 7, "вось": 8, "восе": 8, "девя": 9, "деся": 10}
_GENITIVE_COMMODITY = (r"(?:меди|золота|серебра|урана|цинка|свинца|никеля|кобальта|молибдена|вольфрама|олова|лития|угля|"
                       r"железа|марганца|хрома|алмазов|платины|палладия|сурьмы|бокситов|фосфоритов|титана|ванадия|"
                       r"бериллия|тантала|ниобия|ртути|висмута|графита)(?![\w-])")
_ELIDED = re.compile(r"(?:,|[ \u00a0]и)[ \u00a0]+(?:а[ \u00a0]+(?:также[ \u00a0]+)?)?(?:(?:(?:на|в|во)[ \u00a0]+(?=[а-яё-]+(?:ом|ых)[ \u00a0]))?"
                     # (also a commodity's noun, and a dash before the names: "месторождениями золота Кызылжар и меди
                     # Жанатау", "золотым месторождением Кызылжар и медным — Жанатау")
                     r"(?:(?P<adj>[а-яё]+(?:-[а-яё]+)*(?:ые|ое|ая|ый|ий|ом|ых|ым|ого|ой|ую))|(?P<gen>" + _GENITIVE_COMMODITY + r"))"
                     r"(?:[ \u00a0]*[—–][ \u00a0]*|[ \u00a0]+)"
                     r"(?P<names>" + _NAME1 + r"(?:[ \u00a0]*(?:,|[ \u00a0]и)[ \u00a0]*" + _NAME1 + r")*)"
                     r"|(?:на|в)[ \u00a0]+(?P<loc>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:ск|цк)(?:ом|ой))(?=[ \u00a0]*[—–-][ \u00a0]))")
# how much of it, between the dash and the commodity: "на Жанатау — 5 т серебра", "на Акжале — 1,2 тыс. тонн меди"
_HOW_MUCH = (r"(?:\d[\d \u00a0]*(?:[,.]\d+)?[ \u00a0]*(?:(?:тыс|млн|млрд)\.?[ \u00a0]*)?(?:т|тонн[а-яё]*|кг|килограмм[а-яё]*|"
             r"унци[а-яё]*)\.?[ \u00a0]+)?")
_COMMA_LOC = re.compile(r",[ \u00a0]+(?P<prep>на|в)[ \u00a0]+(?P<kw>(?:месторождени|рудник)[а-яё]*[ \u00a0]+)?[«\"“„]?(?P<name>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)[»\"”“]?"
                        r"[ \u00a0]*[—–-][ \u00a0]+" + _HOW_MUCH + r"(?P<what>[а-яё]+(?:-[а-яё]+)*)(?=[ \u00a0]*(?:[.,;)]|$))")
_COMMA_DASH = re.compile(r",[ \u00a0]+(?P<prep>)(?P<kw>)[«\"“„]?(?P<name>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)[»\"”“]?"
                         r"[ \u00a0]*[—–-][ \u00a0]+(?P<what>[а-яё]+(?:-[а-яё]+)*)(?=[ \u00a0]*(?:[.;)]|$))")
_COMMA_WHAT_ON = re.compile(r",[ \u00a0]+(?:а[ \u00a0]+)?(?P<what>[а-яё]+(?:-[а-яё]+)*)[ \u00a0]*[—–][ \u00a0]+(?P<prep>на)[ \u00a0]+(?P<kw>)"
                            r"[«\"“„]?(?P<name>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)[»\"”“]?(?=[ \u00a0]*(?:[.,;)]|$))")
_TURN_NAME = re.compile(r",[ \u00a0]+а[ \u00a0]+(?:(?P<prep>на|в)[ \u00a0]+)?(?P<kw>(?:месторождени|рудник)[а-яё]*[ \u00a0]+)?[«\"“„]?(?P<name>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)[»\"”“]?"
                        r"[ \u00a0]*[—–-][ \u00a0]+(?P<what>[а-яё]+(?:-[а-яё]+)*)(?=[ \u00a0]*(?:[.,;)]|$))")


# a deposit's name after "на" in the mining phrases below: quoted or not, one word or two joined by a hyphen
_MINED_NAME = r"[«\"“„][А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?[»\"”“]|[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"

_MINED_ON = re.compile(r"(?=[ЗзРрДдСсПп])(?<![\w-])(?:[Зз]апас(?:ы|ов|ам|ами|ах)|[Рр]есурс(?:ы|ов|ам|ами|ах)|[Дд]обыч(?:а|и|е|у|ей)|"
                       r"[Сс]одержани(?:е|я|ем)|"  # (and the grade: "Среднее содержание золота на Кызылжаре")
                       r"[Пп]роизводств(?:о|а|е|у)|"  # (and the output there: "Производство золота на Кызылжаре выросло")
                       r"[Дд]обыва(?:ет|ют|ть|ла|ли|л|ется|ются|ться)|[Дд]обыт(?:ь|о|а|ы)|[Дд]обыл[аио]?|[Дд]обуд(?:ет|ут))"
                       r"(?:[ \u00a0]+[а-яё]+){0,2}?[ \u00a0]+(?P<what>[а-яё]+(?:-[а-яё]+)?)(?:[ \u00a0]+и[ \u00a0]+(?P<what2>[а-яё]+))?"
                       r"[ \u00a0]+на[ \u00a0]+(?P<name>" + _MINED_NAME + r")"
                       r"(?![\w-])"
                       # ... and a second name: "Запасы золота на Кызылжаре и Жанатау"
                       r"(?:[ \u00a0]+и[ \u00a0]+(?P<name2>" + _MINED_NAME + r")(?![\w-]))?")

_ON_MINED = re.compile(r"(?=Н)(?<![\w-])На[ \u00a0]+(?P<name>" + _MINED_NAME + r")"
                       r"(?![\w-])"
                       # ... and a second name: "На Кызылжаре и Акжале добывают медь"
                       r"(?:[ \u00a0]+и[ \u00a0]+(?P<name2>" + _MINED_NAME + r")(?![\w-]))?(?:[ \u00a0]+(?:[а-яё]+|\d{4})){0,4}?[ \u00a0]+"
                       r"(?:добыва(?:ет|ют|ли|ла|л|ется|ются|лось|лся)|добыт[оаы]?|добыл[аио]?|будут[ \u00a0]+добывать|будет[ \u00a0]+добываться|"
                       # ... also as the mining that goes on there: "На Кызылжаре ведется добыча золота"
                       r"(?:вед[её]тся|велась|будет[ \u00a0]+вестись)[ \u00a0]+добыча)"
                       r"[ \u00a0]+(?:(?:около|более|свыше|порядка|почти|до)[ \u00a0]+)?" + _HOW_MUCH +
                       r"(?P<what>[а-яё]+(?:-[а-яё]+)?)(?:[ \u00a0]+и[ \u00a0]+" + _HOW_MUCH + r"(?P<what2>[а-яё]+))?")
# ... after when it was: "За 9 месяцев на Кызылжаре добыто 5 т золота", "В 2023 году на Акжале добывали медь"
_ON_MINED_AFTER_WHEN = re.compile(r"(?:В|За)[ \u00a0]+(?:[\w-]+[ \u00a0]+){1,4}?" + _ON_MINED.pattern.replace(
    "(?=Н)(?<![\\w-])На[ \\u00a0]+", "на[ \\u00a0]+", 1))

_AT_SENTENCE_START = re.compile(r"(?:^|[.!?\n])[ \u00a0]*$")
_PLANT_NOUN_AFTER = re.compile(r"[ \u00a0]+(?:завод|комбинат|фабрик|предприяти|ГОК|ГМК|бирж)")
# "Медь на Кызылжаре добывают открытым способом": the commodity first, at a sentence's start
_WHAT_ON_MINED = re.compile(r"[ \u00a0\n]*(?P<what>[А-ЯЁ][а-яё]+)(?:[ \u00a0]+и[ \u00a0]+(?P<what2>[а-яё]+))?[ \u00a0]+на[ \u00a0]+"
                            r"(?P<name>" + _MINED_NAME + r")(?![\w-])"
                            r"(?:[ \u00a0]+[а-яё]+){0,2}?[ \u00a0]+(?:добыва|добыт|добыл|добуд)[а-яё]*")
# ... and the verb before the name: "Медь добывают на Кызылжаре", "Золото добывается на Кызылжаре с 2010 года"
_WHAT_MINED_ON = re.compile(r"[ \u00a0\n]*(?P<what>[А-ЯЁ][а-яё]+)(?:[ \u00a0]+и[ \u00a0]+(?P<what2>[а-яё]+))?[ \u00a0]+"
                            r"(?:(?:также|уже|ранее|сейчас|теперь|здесь)[ \u00a0]+)?(?:добыва(?:ют|ется|ются|ли|лось|лся|лась)|"
                            r"добыт[оаы]?|будут[ \u00a0]+добывать|будет[ \u00a0]+добываться|начнут[ \u00a0]+добывать)[ \u00a0]+на[ \u00a0]+"
                            r"(?P<name>" + _MINED_NAME + r")(?![\w-])")
_MINED_AT = re.compile(r"(?=[Дд])(?<![\w-])(?:[Дд]обыл[аио]?|[Дд]обыт[ьоаы]|[Дд]обыва(?:ет|ют|ется|ть|ться)|[Дд]обуд(?:ет|ут))"
                       r"[ \u00a0]+на[ \u00a0]+"
                       r"(?P<name>" + _MINED_NAME + r")(?![\w-])"
                       # ... and a second name: "добыла на Кызылжаре и Жанатау 5 т золота"
                       r"(?:[ \u00a0]+и[ \u00a0]+(?P<name2>" + _MINED_NAME + r")(?![\w-]))?"
                       r"(?:[ \u00a0]+(?:в[ \u00a0]+\d{4}[ \u00a0]+году|за[ \u00a0]+год))?[ \u00a0]+"
                       r"(?:(?:около|более|свыше|порядка|почти|до)[ \u00a0]+)?" + _HOW_MUCH +
                       r"(?P<what>[а-яё]+(?:-[а-яё]+)?)(?:[ \u00a0]+и[ \u00a0]+" + _HOW_MUCH + r"(?P<what2>[а-яё]+))?")
# ... and the output there: "планирует производить на Кызылжаре 5 т золота в год"
_OUTPUT_AT = re.compile(r"роизв(?:[её]л[аио]?|ести|одить|одит|одят|едено|едут|ед[её]т)"
                       r"[ \u00a0]+на[ \u00a0]+"
                       r"(?P<name>" + _MINED_NAME + r")(?![\w-])"
                       r"(?:[ \u00a0]+(?:в[ \u00a0]+\d{4}[ \u00a0]+году|за[ \u00a0]+год))?[ \u00a0]+"
                       r"(?:(?:около|более|свыше|порядка|почти|до)[ \u00a0]+)?" + _HOW_MUCH +
                       r"(?P<what>[а-яё]+(?:-[а-яё]+)?)(?:[ \u00a0]+и[ \u00a0]+" + _HOW_MUCH + r"(?P<what2>[а-яё]+))?")

_AND_ON = re.compile(r"(?=и)(?<=[ \u00a0])и[ \u00a0]+(?P<what>[а-яё]+(?:-[а-яё]+)?)(?P<what2>)[ \u00a0]+на[ \u00a0]+"
                     r"(?P<name>" + _MINED_NAME + r")(?![\w-])")
_MINING = re.compile(r"(?<![\w-])(?:[Дд]обыва[а-яё]*|[Дд]обыч[а-яё]*|[Дд]обыт[а-яё]*|[Дд]обыл[а-яё]*)(?![\w-])")


def _oblique_nominative(word: str) -> str:
    """A name in the locative or dative in the nominative: a dictionary noun by the dictionary ("Полянке" ->
    "Полянка"), else by its ending: "Кызылжаре" -> "Кызылжар", "Акбакае" -> "Акбакай", "Шалкие" -> "Шалкия";
    an indeclinable one ("Коксу", "Бестобе") stays as written."""
    known = next((p for p in morph.parses(word.lower()) if p.is_known and p.tag.POS == "NOUN"
                  and ("loct" in p.tag or "datv" in p.tag)), None)
    if known is not None:
        return known.normal_form[:1].upper() + known.normal_form[1:]
    if word.endswith("ие"):
        return word[:-1] + "я"
    if re.search(r"[аоуэ]е$", word):
        return word[:-1] + "й"
    return _locative_nominative(word)


def _locative_nominative(word: str) -> str:
    """A name after "на"/"в" in the nominative: "Жалпаке" -> "Жалпак"; an indeclinable one ("Коксу") and one
    whose nominative ends in -бе or -те ("Бестобе") stay as written."""
    if gz.lookup(word) is not None or not re.search(r"[бвгджзклмнпрстфхцчшщ]е$", word) or word.endswith(("бе", "те")):
        return word
    return word[:-1]


_KW_BEFORE = re.compile(r"(?<![\w-])(?:[Мм]есторождени|[Рр]удник|[Уу]част(?:ок|к)|[Рр]удопроявлени|[Пп]лощад|[Кк]арьер|[Оо]бъект)")


def joined_commodities(word: str, commodity_of: Callable[[str], str | None]) -> list[str]:
    """The commodities of one word, of each part where two commodity stems are joined by 'о' with no hyphen:
    "уранованадиевое" -> uranium, vanadium, "золотосеребряный" -> gold, silver; "золоторудное" -> gold."""
    first = commodity_of(word)
    if first is None:
        return []
    for i in range(4, len(word) - 3):
        if word[i - 1] == "о" and commodity_of(word[i:]) is not None and commodity_of(word[:i]) is not None:
            return list(dict.fromkeys([first, *joined_commodities(word[i:], commodity_of)]))
    return [first]


_PRECIOUS_ADJ = re.compile(r"(?:драгоценн|благородн|цветн|редк|черн)(?:ых|ого)")


_KIND_OF_END = re.compile(r"(?:ого|его|ых|их)$")


def _kind_words(words: list[str], commodity_of: Callable[[str], str | None]) -> bool:
    """True when the words between a deposit word and a name only say what it holds or is: commodities
    ("золота", "рудного золота и серебра", "меди, цинка"), kind adjectives, "по", "с содержанием"."""
    def commodity_word(w: str) -> bool:  # ... also a compound of them: "медно-порфировых", "золото-урановых"
        return commodity_of(w) is not None or ("-" in w and all(
            commodity_of(p) is not None or joined_commodities(p, commodity_of) or _KIND_ADJ.fullmatch(p)
            for p in w.split("-")) and any(commodity_of(p) is not None or joined_commodities(p, commodity_of) for p in w.split("-")))

    for i, w in enumerate(words):
        if commodity_word(w) or w in ("по", "с", "содержанием", "недр") or _KIND_ADJ.fullmatch(w):
            continue
        if w in ("металлов", "металла", "руд", "сырья", "солей", "песчаников") and i > 0 and (
                commodity_word(words[i - 1]) or _PRECIOUS_ADJ.fullmatch(words[i - 1])
                or (w == "руд" and _KIND_ADJ.fullmatch(words[i - 1]))):  # ("полиметаллических руд")
            continue  # "месторождения редкоземельных металлов Кундыбай и ...", "... драгоценных металлов Тасжарган",
            # "месторождение калийных солей Кызылжар", "... медистых песчаников Кызылжар"
        if _PRECIOUS_ADJ.fullmatch(w) and i + 1 < len(words) and words[i + 1] in ("металлов", "металла"):
            continue
        if w == "и" and 0 < i < len(words) - 1 and commodity_of(words[i - 1]) and commodity_of(words[i + 1]):
            continue
        nxt = words[i + 1:i + 3]
        if _KIND_OF_END.search(w) and nxt and (commodity_of(nxt[0]) or (
                len(nxt) == 2 and _KIND_OF_END.search(nxt[0]) and commodity_of(nxt[1]))):
            continue  # the commodity's own kind: "месторождения энергетического угля", "бурых углей", "черного
            # мраморного известняка"
        return False
    return True


def _phrase_commodity(words: str) -> str | None:
    """The commodity of a word or phrase in brackets: "золото", "железная руда", "металлы платиновой группы"."""
    if IRON.fullmatch(words):
        return "iron ore"
    if PGM.fullmatch(words):
        return "platinum group metals"
    return gz.commodity_of_word(words.lower()) if " " not in words else None


def _bracket_owner(found: Found, pn: re.Match[str], text: str) -> Ent | None:
    """The deposit the name before a bracket stands for: the one already found there, else one made of it."""
    if found.overlaps(pn.start("name"), pn.end("name")):
        return next(iter(found.deposits_at(pn.start("name"))), None)
    return _deposit_name(found, pn.group("name"), pn.start("name"), pn.end("name"), text)


def _bracket_list(text: str, found: Found, pos: int, kw: str) -> None:
    """The names in brackets after a plural deposit word ("месторождения меди (Кызылжар, Жанатау и др.)"): every
    item a single or hyphenated capitalised word no place of the dictionary, two or more of them or one before
    "и др.", the bracket closing after them; none taken when one is not."""
    items: list[tuple[int, int]] = []
    while True:
        m = _BRACKET_ITEM.match(text, pos)
        if m is None:
            return
        if morph.is_known_place(m.group()):
            return  # "месторождения полиметаллов (Бурятия)": where it lies
        items.append(m.span())
        end = _BRACKET_END.match(text, m.end())
        if end is not None:
            if len(items) < 2 and end.group().lstrip(" \u00a0,").startswith(")"):
                return  # one name alone in brackets is where the deposit lies or whose it is, not a list
            break
        sep = _INLINE_SEP.match(text, m.end())
        if sep is None:
            return
        pos = sep.end()
    for s, e in items:
        if not found.is_claimed(s, e) and _deposit_name(found, text[s:e], s, e, text, kw) is None:
            return


_HEADING_PLACE = re.compile(r"(?:мира|планеты|страны|региона|области|края|республики|округа|[А-ЯЁ][а-яё]+(?:а|и|ы))")


def _heading_commodities(lead: str, before: list[str]) -> list[str]:
    """What the words between a deposit word and its list say they all hold ("месторождения меди", "...
    золота региона", "... меди Казахстана"), or the kind adjective right before the word ("золоторудные
    месторождения:"); none when other words stand there."""
    words = lead.split()
    while words and _HEADING_PLACE.fullmatch(words[-1]) and gz.commodity_of_word(words[-1].lower()) is None:
        words.pop()  # (where they lie)
    if words and _kind_words(words, lambda w: gz.commodity_of_word(w.lower())):
        return list(dict.fromkeys(c for w in words for p in w.split("-") if p
                                  for c in joined_commodities(p, gz.commodity_of_word)))
    if not lead.strip() and before and re.search(r"(?:ые|ие|ых|их)$", before[-1]):
        return list(dict.fromkeys(c for p in before[-1].lower().split("-") if p
                                  for c in joined_commodities(p, gz.commodity_of_word)))
    return []


def _colon_list(text: str, found: Found, pos: int, kw: str, links: list[tuple[Ent, str]],
                heading: list[str] | None = None) -> None:
    """The names listed after a deposit word and a colon, one a line or to the end of the line; a line
    that is no name alone, or a name and what stands after a dash when that is not its commodities
    ("- Кокжиде — золото, серебро;"), ends the list. A name the list says nothing of holds what the
    ``heading`` says they all hold."""
    heading = heading or []
    if text.startswith("\n", pos):
        pos += 1
        while pos < len(text):
            m = _LIST_LINE.match(text, pos)
            if m is None:
                return
            what = [_phrase_commodity(w.strip()) for w in m.group("what").split(",")] if m.group("what") else []
            if not all(what):
                return
            raw = m.group("name")
            s = m.start("name")
            if m.group("where") and not (m.group("where") in gz.countries()[1] or country_stem(m.group("where"))):
                return  # (after a full stop only the country it lies in)
            if found.is_claimed(s, s + len(raw)):
                listed = next(iter(found.deposits_at(s)), None)
            else:
                # (a line the name rules reject, "Сулюкту талаа — 11;" named like its town, is passed over: the lines
                # after it are still the list's)
                listed = _deposit_name(found, raw, s, s + len(raw), text, kw)
            for c in what or heading:
                if listed is not None and c:
                    links.append((listed, c))
            pos = m.end() + 1
        return
    items: list[tuple[int, int]] = []
    held: dict[tuple[int, int], list[str]] = {}
    while True:
        m = _INLINE_ITEM.match(text, pos)
        if m is None:
            return
        items.append(m.span("name"))
        kind = joined_commodities(m.group("adj").split("-")[0], gz.commodity_of_word) if m.group("adj") else []
        if m.group("adj") and not kind:
            return  # "месторождения: крупное Кызылжар ...": no word of what it holds
        if kind:  # "двумя месторождениями: медным Кызылжар и золоторудным Жанатау"
            held[m.span("name")] = [c for part in m.group("adj").split("-") for c in joined_commodities(part, gz.commodity_of_word)]
        if m.group("what"):
            held[m.span("name")] = [c for w in re.split(r"[ \u00a0]*(?:,|[ \u00a0]и)[ \u00a0]*", m.group("what"))
                                    for c in joined_commodities(w.split("-")[0], gz.commodity_of_word)]
        sep = _INLINE_SEP.match(text, m.end())
        if sep is None or _INLINE_END.match(text, m.end()):
            if _INLINE_END.match(text, m.end()) is None:
                return
            break
        pos = sep.end()
    for s, e in items:
        listed = None if found.is_claimed(s, e) else _deposit_name(found, text[s:e], s, e, text, kw)
        if listed is None and not found.is_claimed(s, e):
            return
        if listed is not None:
            links.extend((listed, c) for c in held.get((s, e)) or heading)


def find_later_mentions(text: str, found: Found) -> None:
    """Later mentions of names found once, in other case forms: Сырымбете, «Евразруды», Дукате. A name
    both a company's and a deposit's ("ТОО «Северный Катпар»" and its deposit) is the company's in
    quotes and the deposit's without them ("Руда Северного Катпара")."""
    kinds: dict[str, set[str]] = {}
    for ent in found.ents.values():
        for form in ent.forms:
            kinds.setdefault(form, set()).add(ent.kind)
    # (the one-word names' stems, and where the page writes each with a case ending, read in one pass over its words)
    def stem_of(form: str) -> str | None:
        if " " in form or not has_cyrillic(form) or len(form) < 5:
            return None
        if form.endswith(("ское", "ская", "ский", "цкое")) or (len(form) >= 8 and form.endswith(("ое", "ая", "ый", "ий"))):
            return form[:-2]  # (also any long adjective: "Многовершинное" -> "На Многовершинном")
        return form[:-1] if form[-1] in "аеиоуыэюяйь" else form

    named = [ent for ent in found.ents.values() if ent.kind in ("company", "deposit")]
    stems = {st for ent in named for form in ent.forms if (st := stem_of(form)) is not None}
    written = stems_written(text, stems) if stems else {}
    for ent in named:
        for form in list(ent.forms):
            if " " in form and has_cyrillic(form) and form.count(" ") < 3:
                if text.count(form.split()[0][:4]) < 2:
                    continue  # named once: no later mention to look for
                shared = {"company", "deposit"} <= kinds.get(form, set())
                for m in gz.case_forms(form).finditer(text):  # "Северного Катпара", «Полюс Золота»
                    if m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "-_"):
                        continue
                    quoted = m.start() > 0 and text[m.start() - 1] in Q_OPEN
                    if shared and quoted != (ent.kind == "company"):
                        continue
                    if not ent.has((m.start(), m.end())) and not found.overlaps(m.start(), m.end()):
                        found.put(ent, (m.start(), m.end()))
                        found.claim(m.start(), m.end())
                continue
            stem = stem_of(form)
            for at in written.get(stem, ()) if stem is not None else ():  # (a word of its own, not inside one)
                if not ent.has(at) and not found.is_claimed(*at):
                    found.put(ent, at)
                    found.claim(*at)


_HOLDS_AFTER = re.compile(r"[»\"”“]?(?:,(?=[\s\u00a0]+содержащ))?(?:[\s\u00a0]+(?:также|тоже|еще|ещё|помимо|кроме|того))*[\s\u00a0]+"
                          r"(?:содерж(?:ит|ат|ало|ал)|богат[аоы]?|включает|"
                          # ... or a participle after a comma: "месторождение полиметаллических руд Кызылжар, содержащих медь"
                          r"(?<=,[ \u00a0])содержащ(?:ий|ая|ее|ие|их|его|ей|им)|"
                          # ... or what its project is for: "Проект Кызылжар предусматривает добычу меди"
                          r"(?:предусматрива|предполага)(?:ет|ют|л)[\s\u00a0]+(?:добычу|отработку))(?![\w-])")
# "Кызылжар богат медью, Жанатау — цинком": another name's clause after a comma and a dash
_SUBJECT_LEAD = re.compile(r"(?:[Мм]есторождение[ \u00a0]+)?[«\"“„]?")
_HOLDS_LATER = re.compile(r"(?<![\w-])(?:содерж(?:ит|ат|ало|ал)|богат[аоы]?)(?![\w-])")
_NOT_SUBJECT = re.compile(r"[.;:!?\n]|котор|где|(?<![\w-])(?:что|чтобы|если|когда)(?![\w-])")
_COMMA_NAME_DASH = re.compile(r",[ \u00a0]+[«\"“„]?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?[»\"”“]?[ \u00a0]*[—–][ \u00a0]")
_SECOND_DASH = re.compile(r",?[ \u00a0]+[—–][ \u00a0]")  # (also after a comma: "Второе месторождение — Аксоран, — рассчитывает")
_WORD_END = re.compile(r"[\w-]+")
# "медь — на Кальмакыре", "золото на Васильковском месторождении": the deposit after the commodity
_DASH_TO = re.compile(r"[а-яё]+[\s\u00a0]*(?:[—–-][\s\u00a0]*(?:(?:на|в|из|с)[\s\u00a0]+)?|(?:на|в|из|с)[\s\u00a0]+)"
                      r"(?:(?:месторождени|рудник|участк|карьер)[а-яё]*[\s\u00a0]+)?[«\"“„]?")
_TURN = re.compile(r",[\s\u00a0]+(?:а|но|тогда[\s\u00a0]+как|в[\s\u00a0]+то[\s\u00a0]+время[\s\u00a0]+как)[\s\u00a0]")
_TURN_AWAY = re.compile(r",[\s\u00a0]+(?:а|но)[\s\u00a0]+(?!также|и[\s\u00a0])")
_LISTED = re.compile(r"[\s\u00a0,»\"”“«„]*(?:(?:и|а также)[\s\u00a0«„\"“]*)?")


_PLACE_AFTER = re.compile(r"[ \u00a0]+(?:на|в|во)[ \u00a0]+(?P<place>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)"
                          r"(?:[ \u00a0]+(?:области|крае|районе|республике|округе|регионе))?(?P<rest>[ \u00a0]+(?:месторождени|рудник|участк|карьер)|"
                          r",?[ \u00a0]+(?:на|в)[ \u00a0]+"
                          r"(?:[а-яё-]+[ \u00a0]+)?(?:месторождени|рудник|участк|карьер|россып|[«\"“„A-ZА-ЯЁ]))?")


_KIND_BEFORE = re.compile(r"(?:[Мм]есторождени|[Рр]удник|[Уу]част|[Рр]оссып|[Рр]уд)[а-яё]*[ \u00a0]+(?:[а-яё]+[ \u00a0]+)?$")


def _in_a_place(text: str, start: int, end: int) -> bool:
    """True when a commodity at ``start``-``end`` is mined in a country or region the dictionary knows, with no
    deposit named right after the place; not a deposit's kind ("месторождении олова в Казахстане")."""
    m = _PLACE_AFTER.match(text, end) if text.startswith((" на ", " в ", " во "), end) else None
    return m is not None and m.group("rest") is None and morph.is_oblique_place(m.group("place")) \
        and not _KIND_BEFORE.search(text, max(0, start - 40), start)


_MARKET_BEFORE = re.compile(r"(?<![\w-])(?:[Цц]ен(?:а|ы|у|е|ой|ам|ах|ами)?|[Сс]тоимост(?:ь|и|ью)|[Кк]отировк[а-яё]*|[Сс]прос[а-яё]{0,2}|"
                            r"[Пп]роизводител[а-яё]{0,3}|[Дд]обытчик[а-яё]{0,2}|[Пп]оставщик[а-яё]{0,2}|[Рр]ын(?:ок|ка|ке|ку|ком)|[Пп]отреблени[а-яё]{1,2})"
                            r"(?:[ \u00a0]+(?:на|мирового|мировой|мировом|мировые|биржев[а-яё]+))?[ \u00a0]+(?:[а-яё]+[ \u00a0]+)?$")


# a relative or participial clause set off by commas: ", которая добывает золото на X,", ", добывающая медь на Y,"
_RELATIVE = re.compile(r",[\s\u00a0]+(?:котор[а-яё]+|[а-яё]+(?:ющ|ящ|ащ|вш)(?:ий|ая|ее|ие|его|ей|их|ую|им|ем)|"
                       r"(?:располож|наход|приобрет|открыт|купл|продан)[а-яё]*(?:енн|ённ|ящ|ивш|т)(?:ый|ая|ое|ые|ого|ой|ую|ых))"
                       r"(?![\w-])[^,.;!?\n]{3,120},")


@lru_cache(maxsize=4)
def _relatives(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in _RELATIVE.finditer(text)) if ", " in text else ()


_LANDMARK_BEFORE = re.compile(r"(?:(?:поблизости|вблизи|недалеко|неподал[её]ку)[ \u00a0]+от|рядом[ \u00a0]+со?|"
                              r"в[ \u00a0]+\d+(?:[,.]\d+)?[ \u00a0]*(?:км|километр[а-яё]*)[ \u00a0]+от)"
                              r"[ \u00a0]+(?:[а-яё-]+[ \u00a0]+){0,3}[«\"“„]?$")


def _owners(text: str, mentions: list[tuple[int, int, Ent]], pos: int, shared: bool = False,
            sentence: tuple[int, int] | None = None) -> list[Ent]:
    """The deposits of one sentence that a commodity at ``pos`` belongs to: of its clause (up to a
    semicolon), the deposit named nearest to it, before or after ("добыча золота на месторождении X",
    "на X добывают цинк, а на Y — золото"; after a dash, the one after: "медь — на Кальмакыре"), with
    those listed together with it ("Шокпар и Гагаринское богаты золотом"). ``shared``: the sentence names
    one commodity only, which every deposit of the clause shares. ``sentence``, the sentence's bounds: the
    clause is looked for within it (a page with no semicolon is not read back to its start at each commodity)."""
    lo, hi = sentence if sentence is not None else (0, len(text))
    cs = max(text.rfind(";", lo, pos) + 1, lo)
    ce = text.find(";", pos, hi)
    ce = hi if ce < 0 else ce
    # (a deposit named as where something else lies holds none of it: "новый участок с залежами золота поблизости от
    # уже разрабатываемого месторождения «Рябиновое»")
    clause = [m for m in mentions if cs <= m[0] < ce
              and not (m[0] > pos and _LANDMARK_BEFORE.search(text, max(cs, m[0] - 70), m[0]))]
    if len(clause) > 1 and ", " in text:  # "Месторождение X, расположенное рядом с месторождением Y, обладает запасами
        # меди": a deposit inside a clause set off by commas that the commodity stands outside of is not its owner
        rels = [(r0, r1) for r0, r1 in _relatives(text) if cs <= r0 and r1 <= ce and not r0 < pos < r1]
        outside = [m for m in clause if not any(r0 <= m[0] < r1 for r0, r1 in rels)]
        clause = outside or clause
    if shared:  # ... of its clause: "на X ..., а на Y добывают цинк" parts X from the zinc of Y
        rel = next(((rs, re_) for rs, re_ in _relatives(text) if cs <= rs and rs < pos < re_ <= ce), None)
        if rel is not None:  # "Компания, которая добывает золото на X, купила Y": the relative clause's own
            return [d for s, _e, d in clause if rel[0] <= s < rel[1]]
        turn = [t.end() for t in _TURN.finditer(text, cs, ce)]
        s0 = max((t for t in turn if t <= pos), default=cs)
        e0 = min((t for t in turn if t > pos), default=ce)
        own = [d for s, _e, d in clause if s0 <= s < e0]
        if own or s0 == cs or any(country_stem(w) or w in gz.countries()[1] or _WIDE_PLACE.match(w)
                                  for w in re.findall(r"[\w-]+", text[s0:e0])):
            return own  # (a turn about the country or the world is none: "..., а производство золота в стране вырастет")
        # a turn that names no deposit speaks on of the one before it: "месторождение — Аксоран, — рассчитывает на
        # инвестиции ..., а мощность выработки будет около 4,5 тыс. тонн вольфрама"
        s1 = max((t for t in turn if t < s0), default=cs)
        return [d for s, _e, d in clause if s1 <= s < s0]
    dash = _DASH_TO.match(text, pos)
    after = [m for m in clause if m[0] >= pos]
    before = [m for m in clause if m[1] <= pos]
    if dash and after and after[0][0] == dash.end():
        before = []
    word_end = _WORD_END.match(text, pos)
    end = word_end.end() if word_end else pos
    nearer_before = bool(before) and (not after or pos - before[-1][1] <= after[0][0] - end)
    if before and after and ("," in text[end:after[0][0]]) != ("," in text[before[-1][1]:pos]):
        # the deposit of its own comma clause: "на руднике X добыто 2 т золота, на руднике Y — 1 т серебра"
        nearer_before = "," in text[end:after[0][0]]
    if nearer_before:
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


_LINE_BREAK = re.compile("\n")


# the precious metal, in the singular: gold, as news of a gold deposit says it
PRECIOUS = re.compile(r"(?=[ДдБбЖж])(?<![\w-])(?:[Дд]рагметалл(?:а|у|ом|е)?|(?:[Дд]рагоценн|[Бб]лагородн|[Жж][её]лт)(?:ый|ого|ому|ым|ом)"
                       r"[\s\u00a0]+металл(?:а|у|ом|е)?)(?![\w-])")


_RESERVES_WORD = re.compile(r"(?:[Зз]апас|[Рр]есурс|[Дд]обыч|[Сс]одержани|[Пп]рирост)[а-яё]*[\s\u00a0]+(?:[а-яё]+[\s\u00a0]+)?$")
_ADJECTIVE_END = re.compile(r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ом|ем|ых|их|ыми|ими|ую|юю)$")


def _reserves_before(text: str, spans: list[tuple[int, int, str, bool]], ss: int, s: int) -> list[str]:
    """The commodities of the reserves or output named right before a deposit word with no name: "запасы
    меди на месторождении составляют", "запасы россыпного золота месторождения по категории С1" (nouns,
    not a kind adjective: "рядом со свинцово-цинковым месторождением" describes that other deposit)."""
    chain: list[tuple[int, int, str]] = []
    end = s
    gap = re.compile(r"[\s\u00a0]+(?:(?:на|в)[\s\u00a0]+)?")
    for cs, ce, c, descriptive in sorted((sp for sp in spans if ss <= sp[0] < s), reverse=True):
        if descriptive or _ADJECTIVE_END.search(text[cs:ce]) \
                or not (gap if end == s else _LISTED_COMMODITY).fullmatch(text, ce, end):
            break
        chain.insert(0, (cs, ce, c))
        end = cs
    if not chain or not _RESERVES_WORD.search(text, max(ss, chain[0][0] - 40), chain[0][0]):
        return []
    return [c for _cs, _ce, c in chain]


# the deposits the sentence before named, in a sentence of its own: "на этих месторождениях", "трех месторождений"
_THESE = re.compile(r"(?<![\w-])(?:(?:эти[хм]?|данны[хм]|указанны[хм]|вс(?:ех|ем)|обоих|обеих|двух|тр[её]х|четыр[её]х|пяти)"
                    r"[ \u00a0]+(?:месторождени(?:й|ях|ям|ями)|рудник(?:ов|ах|ам)|участк(?:ов|ах|ам)|объект(?:ов|ах|ам))|"
                    # ... or the plural word alone with no name after it: "Запасы золота на месторождениях оцениваются"
                    r"(?<=на[ \u00a0])(?:месторождениях|рудниках|участках)(?![ \u00a0]*[«\"“„A-ZА-ЯЁ]))(?![\w-])")
# "Это крупнейшее медное месторождение региона": a sentence that says what the deposit just named is
_THIS_IS = re.compile(r"Это[ \u00a0]+(?:(?:одн[оа]|один)[ \u00a0]+из[ \u00a0]+)?(?:[а-яё-]+(?:ое|ее|ый|ий|ых|их)[ \u00a0]+){0,3}"
                      r"(?:месторождени[ея]|рудник|рудников)(?![\w-])")
_LISTED_COMMODITY = re.compile(r"[\s\u00a0]*(?:,|и)[\s\u00a0]*")


_Item = TypeVar("_Item", bound=tuple[Any, ...])


class _ByPlace(Generic[_Item]):
    """Items whose first element is where they start (a deposit's mention, a commodity's), looked up by place: those
    that start in a range, in the items' own order, found by bisection, so that a page of thousands of mentions does
    not read them all at each question."""

    __slots__ = ("_items", "_order", "_starts")

    def __init__(self, items: list[_Item]) -> None:
        self._items = items
        self._order = sorted(range(len(items)), key=lambda j: items[j][0])
        self._starts = [items[j][0] for j in self._order]

    def within(self, start: int, end: int) -> list[_Item]:
        """The items that start in [start, end), in their own order."""
        lo, hi = bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end)
        return [self._items[j] for j in sorted(self._order[lo:hi])]

    def any_within(self, start: int, end: int) -> bool:
        return bisect.bisect_left(self._starts, start) < bisect.bisect_left(self._starts, end)


def _mentions_of(deposits: list[Ent]) -> _ByPlace[tuple[int, int, Ent]]:
    """Every mention of ``deposits`` as (start, end, deposit), in the deposits' order and each one's."""
    return _ByPlace([(ms, me, d) for d in deposits for ms, me in d.mentions])


def _named_last(named: _ByPlace[tuple[int, int, Ent]], start: int, end: int, skip: Ent | None = None) -> Ent | None:
    """The deposit mentioned last between ``start`` and ``end`` (of those ``named`` holds; not ``skip``)."""
    last = max(((ms, ent) for ms, _me, ent in named.within(start, end) if ent is not skip),
               default=None, key=lambda t: t[0])
    return last[1] if last else None


def _among(named: list[tuple[int, int, Ent]]) -> list[Ent]:
    """The deposits of ``named`` mentions, each once, in the order first given."""
    seen: dict[int, Ent] = {}
    for _ms, _me, d in named:
        seen.setdefault(id(d), d)
    return list(seen.values())


_NAME_RIGHT_BEFORE = re.compile(r"(?:[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?|[»\"”])$")
_ALSO_ON = re.compile(r",?[ \u00a0]+а[ \u00a0]+также[ \u00a0]+(?:на|в)[ \u00a0]+(?:(?:месторождени|участк|рудник)[а-яё]*[ \u00a0]+)?[«\"“„]?$")
_REFERS_BACK = re.compile(r"(?:Месторождение|Оно|Объект|Рудник)[ \u00a0]+[а-яё]")
_CONTRAST_BEFORE = re.compile(r",[ \u00a0]+а[ \u00a0]+$")
_DASH_PLACE_AFTER = re.compile(r"[ \u00a0]*[—–-][ \u00a0]*(?:на|в|во)[ \u00a0]")
_LIST_GAP = re.compile(r"[»\"”]?(?:[ \u00a0]*,[ \u00a0]*|[ \u00a0]+и[ \u00a0]+)[«\"“„]?")


def _listed_with(text: str, starts: dict[int, tuple[int, Ent]], last: Ent) -> list[Ent]:
    """``last`` and the deposits listed right before its last mention, one list of names joined by commas
    and 'и' ("месторождения Кызылжар, Жанатау и Каратас"); ``starts``: each deposit mention's start and deposit by
    its end."""
    at = max(last.mentions)
    out = [last]
    while True:
        prev = next((starts[e] for e in range(at[0] - 1, max(-1, at[0] - 8), -1)
                     if e in starts and _LIST_GAP.fullmatch(text, e, at[0])), None)
        if prev is None or prev[1] in out:
            return out
        out.append(prev[1])
        at = next(m for m in prev[1].mentions if m[0] == prev[0])


# what may stand between a sentence's opening and the name of its deposit: "Запасы| меди на |Кызылжаре", "запасы| Морошки"
_AMONG_THEM = re.compile(r"(?<![\w-])(?:[Ии]з|[Сс]реди)[ \u00a0]+них(?![\w-])")
_KIND_PLURAL = re.compile(r"(?<![\w-])(?:(?P<adj>[а-яё]+(?:-[а-яё]+)*(?:ых|их|ыми|ими|ым|им))[ \u00a0]+(?:месторождени(?:й|ях|ями|ям|я)|рудник(?:ов|ах|ами|ам|и))|"
                          r"(?:месторождени(?:й|ях|ями|ям)|рудник(?:ов|ах|ами|ам))[ \u00a0]+(?P<gen>[а-яё]+))(?![\w-])")
_OPENING_TO_NAME = re.compile(r"[\s\u00a0]*(?:[а-яё-]+[\s\u00a0]+){0,3}?(?:(?:на|в|во)[\s\u00a0]+)?(?:месторождени[а-яё]*[\s\u00a0]+)?[«\"“„]?")
_GAP_SPACE = re.compile(r"[\s\u00a0]+")
_GAP_WORD = re.compile(r"-?[а-яё-]*[\s\u00a0]+")


def link_commodities(text: str, found: Found, links: list[tuple[Ent, str]], sents: Sentences,
                     bare: list[tuple[int, int]], spans: list[tuple[int, int, str, bool]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}

    def add(name: str, commodity: str) -> None:
        lst = out.setdefault(name, [])
        if commodity and commodity not in lst:
            lst.append(commodity)

    for ent, c in links:
        add(ent.name, c)
    # "Руда Северного Катпара содержит не только вольфрам, но и молибден, медь и висмут": what a deposit
    # holds, named after it and the verb in its sentence
    all_told = _ByPlace(spans)  # (every commodity named: those of a place or a market below are no deposit's)
    names = _ByPlace([(ms, me) for d in found.ents.values() if d.kind in ("deposit", "company") for ms, me in d.mentions])
    for ent in found.ents.values():
        if ent.kind != "deposit":
            continue
        for _ms, me in ent.mentions:
            held = _HOLDS_AFTER.match(text, me)
            ss0, se0 = sents.span(_ms) if held is None else (0, 0)
            if held is None and (lead := _SUBJECT_LEAD.match(text, ss0)) is not None and _ms == lead.end():
                # "Кызылжарское месторождение считается крупнейшим в стране, а также содержит запасы ниобия": the
                # name that opens its sentence, the verb of holding further on with no other name before it
                holds_at = _HOLDS_LATER.search(text, me, se0)
                if holds_at is not None and not names.any_within(me + 1, holds_at.start()) \
                        and not _NOT_SUBJECT.search(text, me, holds_at.start()):
                    held = holds_at
            if held is None:
                continue
            _ss, se = sents.span(me)
            turn = _TURN_NAME.search(text, held.end(), se) if ", а " in text else None
            turn = turn or _COMMA_NAME_DASH.search(text, held.end(), se)
            se = turn.start() if turn else se  # "... содержат медь, а «Акшат» — золото": that other deposit's
            for _cs, _ce, c, descriptive in all_told.within(held.end(), se):
                if not descriptive:
                    add(ent.name, c)
    tied = {name for name, cs in out.items() if cs}  # deposits the text ties to commodities in so many words
    if found.consumed:  # commodities a deposit word gave the names after it are no other deposit's
        consumed = SpanCover(found.consumed)
        spans = [sp for sp in spans if not consumed.covers(sp[0])]
    # a commodity's price, market or trade is no deposit's: "Цены на золото выросли, и компания продала месторождение"
    spans = [sp for sp in spans if not _MARKET_BEFORE.search(text, max(0, sp[0] - 30), sp[0])]
    # ... nor one set against it after 'а' and a dash: "добывает медь на Кызылжаре, а золото — на Каратасе"
    # (or "— в Казахстане") is the other place's
    if ", а " in text:
        named_at = sorted(ms for e in found.ents.values() if e.kind == "deposit" for ms, _me in e.mentions)
        spans = [sp for sp in spans if not ((dash := _DASH_PLACE_AFTER.match(text, sp[1])) is not None
                                             and _CONTRAST_BEFORE.search(text, max(0, sp[0] - 4), sp[0])
                                             and bisect.bisect_left(named_at, dash.end())
                                             == bisect.bisect_left(named_at, dash.end() + 30))]
    # ... nor one mined in a country or region with no deposit named right after: "инвестирует в добычу меди на
    # Урале", "добывает медь в Казахстане и купила месторождение X" (not "золото в Якутии на месторождении X")
    # (a deposit the gazetteer knows still takes those it is worked for: "добыча золота в Кыргызстане ... Кумтор")
    worked_spans = spans
    spans = [sp for sp in spans if not _in_a_place(text, sp[0], sp[1])]
    deposits = [e for e in found.ents.values() if e.kind == "deposit" and e.mentions]
    # (the deposits' mentions and the commodities looked up by place: a page that names thousands of them does not
    # read them all at each)
    named = _mentions_of(deposits)
    ends = {me: (ms, d) for d in deposits for ms, me in d.mentions}
    first_named = {d.name: d for d in reversed(deposits)}  # (the first deposit of a name)
    worked_at, told = _ByPlace(worked_spans), _ByPlace(spans)

    # (the deposits' mentions gathered once by sentence: a page that names thousands of deposits is read in linear
    # time, not each mention against every other)
    named_in: dict[tuple[int, int], list[tuple[int, int, Ent]]] = {}
    for d in deposits:
        for ms, me in d.mentions:
            named_in.setdefault(sents.span(ms), []).append((ms, me, d))
    for in_sentence in named_in.values():
        in_sentence.sort(key=lambda t: (t[0], t[1]))

    def _sentence_owners(pos: int) -> list[Ent]:
        """The deposits a commodity at ``pos`` belongs to in its sentence; every deposit when its
        sentence names none."""
        ss, se = sents.span(pos)
        here = named_in.get((ss, se))
        return _owners(text, here, pos, _one_commodity(ss, se), (ss, se)) if here else deposits

    # (each sentence's answer once, so that a page of thousands of sentences does not read every commodity at every one)
    single: dict[tuple[int, int], bool] = {}

    def _one_commodity(ss: int, se: int) -> bool:
        known_single = single.get((ss, se))
        if known_single is None:
            inside = told.within(ss, se)
            known_single = single[(ss, se)] = len({c for _cs, _ce, c, descriptive in inside if not descriptive}) <= 1
        return known_single

    # a known deposit and one of the commodities it is worked for, named in its paragraph ("Литий в России не
    # добывается. Лицензированы два месторождения — Тастыгское ..."), when no other deposit of the commodity's
    # sentence takes it
    known = gz.deposit_commodities()
    # (read once each: the lines' bounds, the commodities by start, each commodity's owners and whether its sentence
    # refers back; a mention after another of the same deposit in its line can add nothing, as every commodity the
    # later one may take the earlier one may too)
    breaks = [m.start() for m in _LINE_BREAK.finditer(text)]
    owners_of: dict[int, list[Ent]] = {}
    refers_back: dict[int, bool] = {}
    for ent in deposits:
        worked = known.get(ent.name)
        if not worked:
            continue
        line_read: dict[int, int] = {}  # line start -> the first mention read in it
        sentence_read: set[int] = set()
        for s, _e in ent.mentions:
            i = sents.index(s)
            b = bisect.bisect_left(breaks, s)
            ps = breaks[b - 1] + 1 if b else 0
            pe = breaks[b] if b < len(breaks) else len(text)
            if line_read.get(ps, s + 1) > s:
                line_read[ps] = s
                for cs, _ce, c, descriptive in worked_at.within(ps, pe):
                    if descriptive or c not in worked:
                        continue
                    owners = owners_of.get(cs)
                    if owners is None:
                        owners = owners_of[cs] = _sentence_owners(cs)
                    if ent not in owners:
                        continue
                    if cs < sents.spans[i][0]:
                        back = refers_back.get(cs)
                        if back is None:
                            back = refers_back[cs] = _BACK_REFERENCE.search(text, *sents.span(cs)) is not None
                        if back:
                            continue
                    add(ent.name, c)
            if "gold" in worked and i not in sentence_read:  # "содержание драгметалла в руде ... на Васильковском месторождении"
                sentence_read.add(i)
                ss, se = sents.spans[i]
                for pm in PRECIOUS.finditer(text, ss, se):
                    if ent in _sentence_owners(pm.start()):
                        add(ent.name, "gold")
    # ... and, for a deposit the text has tied to nothing so far, the article's own commodity: the only one it names
    # (twice at least), or one it names three times at least and thrice as often as any other ("месторождение Кумтор
    # перешло под госконтроль" in an article on the gold mined in the country, "рудник на участке «Самарчук»" under
    # a headline on a gold mine); a known deposit worked for several commodities is left to its sentences
    times = Counter(c for _cs, _ce, c, descriptive in worked_spans if not descriptive)
    ranked = times.most_common(2)
    main = ranked[0][0] if ranked and ranked[0][1] >= 2 and (
        len(ranked) == 1 or (ranked[0][1] >= 3 and ranked[0][1] >= 3 * ranked[1][1])) else None
    for ent in deposits:
        worked = known.get(ent.name)
        if main is not None and (not worked or tuple(worked) == (main,)) and not out.get(ent.name):
            add(ent.name, main)
    # a commodity in the sentence of a deposit's mention, for a deposit the text does not tie
    # to its commodities in so many words ("Кончоч (золото, серебро)")
    # ... and when the sentence names several deposits, the commodity goes to the nearest one before it
    # with those listed together with it ("на Акжале медь, а на Каратасе золото"; "Шокпар и Гагаринское
    # богаты золотом"), or to the first one after it when none is before
    # a commodity adjective right before a deposit word with no name describes that other deposit:
    # "рядом со свинцово-цинковым месторождением ... месторождение «Чинорсой»"
    bare_starts = {bs for bs, _be in bare}
    unnamed = {cs for cs, ce, _c, _d in spans if any(gap is not None and gap.end() in bare_starts
                                                      for gap in (_GAP_SPACE.match(text, ce), _GAP_WORD.match(text, ce)))}
    # (each commodity's owners read once: a deposit named many times in one sentence asks the same of each)
    owners_at: dict[int, list[Ent]] = {}
    for ent in deposits:
        if ent.name in tied:
            continue
        for s, _e in ent.mentions:
            ss, se = sents.span(s)
            here = named_in.get((ss, se), [])
            for cs, _ce, c, descriptive in told.within(ss, se):
                if cs in unnamed or descriptive:
                    continue
                owners = owners_at.get(cs)
                if owners is None:
                    owners = owners_at[cs] = _owners(text, here, cs, _one_commodity(ss, se), (ss, se))
                if ent in owners:
                    add(ent.name, c)
    # "месторождение олова", "запасы месторождения ... меди", "участок содержит ..." with no name: the
    # deposit named last in this or the sentence before, or the article's only deposit
    for s, _e in bare:
        ss, se = sents.span(s)
        after_it = sorted(((ms, d) for ms, _me, d in named.within(s + 1, se)), key=lambda t: t[0])
        if after_it:
            # "Запасы меди на Кызылжаре", "запасы Морошки — сателлита Купола — составляют 6,86 т золота": a sentence
            # that names its deposit right after the opening speaks of that one, up to another name's clause
            # ("Запасы Кызылжара — 1 млн т меди, Жанатау — 20 т золота"); one that names it further on is the
            # sentence's own rules'
            first_at, first = after_it[0]
            if _OPENING_TO_NAME.fullmatch(text, _e, first_at):
                stop = _COMMA_NAME_DASH.search(text, first_at, se) or _TURN_AWAY.search(text, first_at, se)
                for _cs, _ce, c, descriptive in told.within(s + 1, stop.start() if stop else se):
                    if not descriptive:
                        add(first.name, c)
            continue
        turn = _TURN_AWAY.search(text, s, se)  # "..., а Акшаткия - медно-золотое": another deposit's clause
        this_is = _THIS_IS.match(text, ss) if text[ss:ss + 3] == "Это" else None
        besides = _BESIDES.match(text, ss) if text[ss:ss + 1] in "ПК" else None  # "Кроме меди, на месторождении ..."
        before_it = told.within(ss, s)
        commodities = [*_reserves_before(text, before_it, ss, s),
                       *(c for _cs, _ce, c, _d in (told.within(ss, besides.end())
                                                   if besides is not None and besides.end() <= s else ())),
                       *(c for _cs, _ce, c, _d in (before_it if this_is is not None and this_is.end() == _e else ())),
                       *(c for _cs, _ce, c, descriptive in told.within(s + 1, turn.start() if turn else se)
                         if not descriptive)]
        ahead = False
        if not commodities and not named.any_within(0, s):
            # "Компания приобрела золотосеребряное месторождение в Магаданской области. ... месторождения
            # Приморское": a kind adjective on a nameless deposit word before any deposit is named speaks of the
            # deposit named next
            commodities = [c for _cs, ce, c, descriptive in before_it if not descriptive
                           and re.fullmatch(r"[\s\u00a0]+|-?[а-яё-]*[\s\u00a0]+", text[ce:s])]
            ahead = bool(commodities)
        if not commodities and _HERE_MID.match(text, s) \
                and not named.any_within(ss, s):
            # "Золото здесь добывают открытым способом": the commodity before the word for the place
            commodities = [c for _cs, _ce, c, descriptive in before_it if not descriptive]
        if not commodities:
            continue
        target = None
        one_of = _ONE_OF_BEFORE.search(text, max(ss, s - 60), s) is not None  # "одного из крупнейших в мире
        # месторождений серебра": one deposit, the one the text speaks of
        if (_PLURAL.match(text, s) and not one_of) or _RESERVES_IN_THEM.match(text, s) or (
                _THESE.search(text, s, se) is not None and not named.any_within(ss, se)):
            # (also a sentence on "these deposits": "Запасы золота на этих месторождениях", "трех месторождений")
            i = sents.index(s)
            if i > 0:
                ps, pe = sents.spans[i - 1]
                for d in _among(named.within(ps, pe)):
                    for c in commodities:
                        add(d.name, c)
            continue
        if _THERE.match(text, s) or _HERE_MID.match(text, s) or _ON_IT.match(text, s) or _ON_IT_AFTER.match(text, s):
            # "Там добывают вольфрам": the deposit named last before it, in its sentence or the three before,
            # up to a sentence with a deposit word and no name ("медный рудник в Алмалыке. Здесь ...")
            i = sents.index(s)
            last = _named_last(named, sents.spans[i][0], s)
            for j in range(i - 1, max(-1, i - 4), -1):
                if last is not None:
                    break
                last = _named_last(named, *sents.spans[j])
                if last is None and _KW_BEFORE.search(text, *sents.spans[j]) \
                        and not _REFERS_BACK.match(text, sents.spans[j][0]):
                    break  # (not a sentence that opens with the word for the one before: "Месторождение открыто ...")
            for d in _listed_with(text, ends, last) if last is not None else ():
                for c in commodities:
                    add(d.name, c)
            continue
        if _MANY_BEFORE.search(text, max(ss, s - 30), s) and text.startswith("месторождения", s):
            continue  # "Разведанные месторождения урана в стране освоены": deposits in general, not the one named
        if len(deposits) == 1 and not ahead and named.any_within(0, s):
            target = deposits[0]  # (named after it: only as the deposit named next, below)
        else:
            i = sents.index(s)
            target = _named_last(named, sents.spans[max(0, i - 1)][0], s)
            if target is None and _PRONOUN_HOLDS.match(text, s):  # "Оно содержит" after a sentence on it:
                b = bisect.bisect_left(breaks, s)  # (where the line opens)
                target = _named_last(named, max(sents.spans[max(0, i - 2)][0], breaks[b - 1] + 1 if b else 0), s)
            if target is None and i >= 2 and _REFERS_BACK.match(text, sents.spans[i - 1][0]):
                # "Месторождение Кызылжар ... . Месторождение открыто в 1960 году. Его запасы ...": past a sentence
                # that speaks of it with no name
                target = _named_last(named, sents.spans[i - 2][0], sents.spans[i - 1][0])
            if target is None and not _PRONOUN_HOLDS.match(text, s):
                # "начнется разработка крупного месторождения цинка. ... Разработкой Корбалихинского
                # месторождения займется ...": the deposit named first after it, in its sentence or the two
                # after, when the text ties that one to no commodity of its own
                later = sorted((ms, d.name) for ms, _me, d in named.within(  # (a headline's: three)
                    s + 1, sents.spans[min(i + 2 + ahead, len(sents.spans) - 1)][1]))
                if later and later[0][1] not in tied and not out.get(later[0][1]):
                    target = first_named[later[0][1]]
        if target is not None:
            for c in commodities:
                add(target.name, c)
    # "Компания ведет разведку 12 месторождений золота. Самым крупным из них является Кызылжар": the deposits
    # a sentence names among those the sentence before counted by their commodity
    for a in _AMONG_THEM_SCAN.finditer(text) if " них" in text else ():
        i = sents.index(a.start())
        if i == 0:
            continue
        ss, se = sents.spans[i]
        ps, pe = sents.spans[i - 1]
        kinds = [c for k in _KIND_PLURAL.finditer(text, ps, pe) for w in (k.group("adj"), k.group("gen")) if w
                 for c in joined_commodities(w.split("-")[0], gz.commodity_of_word)]
        for d in _among(named.within(ss, se)) if kinds else ():
            for c in kinds:
                add(d.name, c)
    # a known deposit still without a commodity takes those it is worked for that its own sentence names,
    # whichever deposit they stand nearest: "Рост по золоту обеспечили продукция Варваринского месторождения
    # и запуск фабрики на месторождении «Кубака»"
    for ent in deposits:
        worked = known.get(ent.name)
        if not worked or out.get(ent.name):
            continue
        read: set[int] = set()  # (a sentence's commodities once, however often it names the deposit)
        for s, _e in ent.mentions:
            ss, se = sents.span(s)
            if ss in read:
                continue
            read.add(ss)
            for _cs, _ce, c, descriptive in worked_at.within(ss, se):
                if not descriptive and c in worked:
                    add(ent.name, c)
    # "добывать медь на месторождениях Кызылжар и Жанатау, а также на участке Каратас": a name after 'а также на'
    # in a sentence on mining takes what the name before it in the sentence was mined for
    for ent in deposits if "а также" in text else ():
        if out.get(ent.name):
            continue
        for ms, _me in ent.mentions:
            also = _ALSO_ON.search(text, max(0, ms - 60), ms) if "также" in text[max(0, ms - 60):ms] else None
            if also is None:
                continue
            ss, _se = sents.span(ms)
            prev = _named_last(named, ss, also.start(), skip=ent)
            if prev is not None and out.get(prev.name) and _MINING.search(text, ss, also.start()):
                for c in list(out[prev.name]):
                    add(ent.name, c)
    # "Кызылжар и Жанатау содержат 100 т золота и 500 т серебра соответственно": as many deposits as
    # commodities, each deposit its own in their order
    for r in re.finditer(r"(?<![\w-])соответственно(?![\w-])", text) if "оответственно" in text else ():
        ss, se = sents.span(r.start())
        firsts = sorted((ms, d.name) for ms, _me, d in named.within(ss, se))
        in_order: list[str] = list(dict.fromkeys(name for _ms, name in firsts))
        theirs: list[str] = list(dict.fromkeys(c for _cs, _ce, c, descriptive in told.within(ss, se) if not descriptive))
        if len(in_order) < 2 or len(in_order) != len(theirs) or not all(set(theirs) <= set(out.get(n, [])) for n in in_order):
            continue
        for name, own in zip(in_order, theirs, strict=True):
            out[name] = [c for c in out[name] if c == own or c not in theirs]
    # "... три золотороссыпных участка. ... участок Кедровый, прогнозные ресурсы которого составляют 50 кг": a deposit whose
    # own sentence tells its resources or reserves with no commodity named, in an article of one commodity, holds that one
    only = {c for _cs, _ce, c, descriptive in spans if not descriptive}
    if len(only) == 1:
        sole = next(iter(only))
        for ent in deposits:
            if out.get(ent.name):
                continue
            for ms, _me in ent.mentions:
                ss, se = sents.span(ms)
                if _RESOURCES_TOLD.search(text, ss, se) and not worked_at.any_within(ss, se):
                    add(ent.name, sole)
                    break
    return out


# whole-page scans tried only where a match can open (``orewire.facts.scan``: the same matches)
_KW_WORDS = ("месторождени", "рудник", "участ", "рудопроявлени", "проявлени", "трубк", "разрез", "проект", "шахт", "площад",
              "карьер", "россып")
_KW_PERSON_SCAN = Opening(_KW_PERSON, _KW_WORDS, cased=True)
_KW_NAMES_SCAN = Opening(_KW_NAMES, _KW_WORDS, cased=True)
_BARE_KW_SCAN = Opening(_BARE_KW, ("месторождени", "участ", "рудник"), cased=True)
_KW_COLON_SCAN = Opening(_KW_COLON, ("месторождени", "рудник", "участ", "рудопроявлени", "площад", "карьер"), cased=True)
_MINED_ON_SCAN = Opening(_MINED_ON, ("запас", "ресурс", "добыч", "содержани", "производств", "добыва", "добыт", "добыл", "добуд"), cased=True)
_MINED_AT_SCAN = Opening(_MINED_AT, ("добыл", "добыт", "добыва", "добуд"), cased=True)
_ON_IT_SCAN = Opening(_ON_IT, ("добыч", "добыва", "разработк"))
_ON_IT_AFTER_SCAN = Opening(_ON_IT_AFTER, ("на",))
_PLACER_OF_SCAN = Opening(_PLACER_OF, ("россып",), cased=True)
_PLACER_LEAD_SCAN = Opening(_PLACER_LEAD, ("россып", "объект"), cased=True)
_RIVER_RESOURCES_SCAN = Opening(_RIVER_RESOURCES, ("руч", "рек", "р.", "ключ"), cased=True)
_AMONG_THEM_SCAN = Opening(_AMONG_THEM, ("из", "среди"), cased=True)
_ONE_OF_KW_SCAN = Opening(_ONE_OF_KW, ("одн", "один"))
_AFTER_COMPANY_WORD_SCAN = Opening(_AFTER_COMPANY_WORD, ("компани", "корпораци", "холдинг", "групп"), cased=True)
_ELIDED_SCAN = Opening(_ELIDED, (",", " и", "\u00a0и"))
_PLACE_NAME_SCAN = Opening(_PLACE_NAME, ("район", "област", "кра", "регион", "округ", "улус", "аймак"))
_THERE_SCAN = Opening(_THERE, ("Там", "Здесь", "На", "В", "Кроме", "Помимо", "Также", "При", "Его", "Ее", "Её"))
_IS_KW_SCAN = Opening(_IS_KW, ("являл", "являет", "являют", "счита", "стал", "оста", "относ", "вход"))
_DASH_KW_SCAN = Opening(_DASH_KW, (" —", " –", " -", "\u00a0—", "\u00a0–", "\u00a0-"))
_HERE_MID_SCAN = Opening(_HERE_MID, ("здесь", "отсюда", "там"))
_MINED_HERE_SCAN = Opening(_MINED_HERE, ("добыва", "добыт", "добыл", "Добыва", "Добыт", "Добыл", "извлека", "извлеч"))
_NAMESAKE_SCAN = Opening(_NAMESAKE, ("одноим",), cased=True)
