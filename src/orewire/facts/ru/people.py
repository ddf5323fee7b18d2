"""Russian rules for people: first name and surname in any case, initials, posts and their
organisation."""

from __future__ import annotations

import bisect
import re

from orewire.facts.ru import gazetteer as gz
from orewire.facts.ru import morph
from orewire.facts.ru.found import PLACE_NOUN, Q_OPEN, Found, country_stem, stems_written
from orewire.facts.ru.translit import person_translit
from orewire.facts.scan import Opening

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


def _first_name_of(word: str, gender: str) -> bool:
    """Whether ``word`` reads as a first name of ``gender``: "Евгению Швидлеру" is no man's name before a
    woman's ("Швидлеру" would be "Швидлера"'s), so the second word is the surname."""
    given = morph.given_name(word)
    return given is not None and given[1] == gender


def find_persons(text: str, found: Found, authors: list[str]) -> None:
    words = list(re.finditer(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?", text))
    roles = [(m.start(), m.end(), m.group("role")) for m in _ROLE_RE_SCAN.finditer(text)]
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
        if gap not in (" ", "\u00a0") or found.is_claimed(a.start(), b.end()) or (a.start() > 0 and text[a.start() - 1] in Q_OPEN):
            i += 1
            continue  # «Тау-Кен Алтын»: a quoted name is no person
        if re.search(r"(?:[Фф]ото|архив|©|[Аа]втор:)", text[max(0, a.start() - 40):a.start()]):
            i += 1
            continue
        surname_word = b.group(0)
        third = words[i + 2] if i + 2 < len(words) else None
        third_next = third is not None and text[b.end():third.start()] in (" ", "\u00a0")  # a third word right after
        if third is not None and third_next and _SURNAME_FIRST.search(a.group(0)) \
                and re.search(r"(?:ович|евич|ьич|овна|евна|ична)$", third.group(0)) \
                and (morph.is_surname(a.group(0)) or not morph.is_dictionary_word(a.group(0))) \
                and not found.overlaps(a.start(), third.end()):
            # "руководителем является Памиров Доолоталы Жалалбекович": surname, first name, patronymic
            full = f"{b.group(0)} {a.group(0)}"
            ent = found.add("person", person_translit(full), full, a.start(), third.end())
            if a.group(0) not in ent.forms:
                ent.forms.append(a.group(0))
            found.claim(a.start(), third.end())
            i += 3
            continue
        patronymic = re.search(r"(?:вич|вна|ична|чна|вича|вны|вичу|вне|вичем|вной)$", surname_word)
        if patronymic and not third_next and morph.rather_surname(surname_word):
            patronymic = None  # "Millhouse Романа Абрамовича": a surname shaped as a patronymic, none after it
        if patronymic and third is not None and third_next:
            surname_word, b = third.group(0), third
        elif patronymic:
            i += 2
            continue  # "Болотбек Имашевич": a first name and patronymic, no surname
        role = _role_before(text, roles, a.start())
        # a third capitalised word right after: the name is the later pair ("Республики Кыргызстан Медер
        # Машиев", "партии Ар-Намыс Нуржан Бадыкеева"), so the loose rules below stay out of this one
        followed = third_next and b is words[i + 1]
        cued = not followed and (role is not None or bool(_SPEECH_BEFORE.search(text, max(0, a.start() - 30), a.start()))
                                 or _post_after(text, roles, b.end()))
        if PLACE_NOUN.match(text[b.end():b.end() + 20]) or _ROLE_RE.fullmatch(a.group(0)) \
                or (country_stem(a.group(0)) and not (cued and _country_as_given(a.group(0), surname_word))) \
                or (country_stem(surname_word) and not (cued and _country_surname(a.group(0), surname_word))):
            i += 1
            continue  # "Аким Карагандинской области", "Президент Узбекистана"; "министр Иран Шархан" is a person
            # (and "директор Максим Финский": a first name, then a surname made on a country's adjective)
        if (a.group(0).startswith(("Мин", "Гос", "Нац")) and not morph.given_name(a.group(0))) \
                or _INSTITUTION_WORD.match(a.group(0)):
            i += 1
            continue  # "главы Минпромстроя Нагаспаева", "Правительства Республики Саха": a body, not a first name
        known = morph.person_nominative(a.group(0), surname_word)
        ok = False
        if known is not None and (morph.is_surname(surname_word) or (
                not morph.is_dictionary_word(surname_word) and not _first_name_of(surname_word, known[2]))):
            ok = True
        elif known is not None and known[1] != surname_word and not morph.is_dictionary_word(known[1]) \
                and not morph.given_name(known[1]) and not morph.is_dictionary_word(surname_word):
            ok = True  # "группа «ИСТ» Александра Несиса": a surname in the case of the first name, which the
            # dictionary would read as a first name itself ("Несиса"), though its nominative is none ("Несис")
        elif role is not None and morph.is_surname(surname_word) and not morph.is_dictionary_word(surname_word) \
                and (not morph.is_dictionary_word(a.group(0)) or _SURNAME_END.search(surname_word)):
            ok = True  # "Министр Канат Шарлапаев": a first name the dictionary reads as a noun
        elif cued and _unknown_pair(a.group(0), surname_word, known is not None or role is not None):
            ok = True  # "председатель правления Канат Кудайберген", "по словам Азима Иброхима"
        elif role is not None and not followed and known is None and not morph.is_dictionary_word(a.group(0)) \
                and morph.given_name(a.group(0)) is None and _is_known_first(surname_word) \
                and not morph.is_dictionary_word(surname_word) and not country_stem(surname_word):
            ok = True  # "министр ... Таджикистана Шерали Кабир": a surname made of a father's first name, after a post
        elif cued and _MASC_GENITIVE.search(surname_word) and morph.is_surname(surname_word) \
                and not morph.is_dictionary_word(surname_word) and _genitive_before(text, roles, a.start()):
            ok = True  # "по словам Алмаза Абдыкадырова": a first name the dictionary reads as a noun
        if not ok:
            i += 1
            continue
        mongol = _MONGOL_PATRONYMIC.fullmatch(a.group(0))
        if mongol is not None and (mongol.group("stem").endswith("йн") or re.search(r"[эүө]", a.group(0))):
            # "Долгорсурэнгийн Сумъяабазар", "премьер-министра Чимэдийна Сайханбилэга", "главой Монголии Цахиагийном
            # Элбэгдоржем": a Mongolian father's name in its own genitive, then the name; a Russian case ending on both
            given, surname = mongol.group("stem"), surname_word
            case = mongol.group("case") or ""
            if case and surname.endswith(_MONGOL_CASES[case]):
                surname = surname[:-len(case)]
        elif known is not None:
            given, surname, _gender = known
        elif _genitive_before(text, roles, a.start()) and _MASC_GENITIVE.search(surname_word) \
                and re.search(r"[бвгджзклмнпрстфхцчшщ]а$|[аеиоуы]я$", a.group(0)):
            # "по словам главы «Кыргызалтына» Алмаза Абдыкадырова": a man's name in the genitive
            given = a.group(0)[:-1] + ("й" if a.group(0).endswith("я") else "")
            surname = surname_word[:-1]
        else:
            gender = "femn" if surname_word.endswith(("ова", "ева", "ина")) else "masc"
            given, surname = a.group(0), morph.surname_nominative(surname_word, gender)
        full = f"{given} {surname}"
        if any(full == x or surname in x for x in authors):
            i += 2
            continue
        ent = found.add("person", person_translit(full), full, a.start(), b.end())
        if surname not in ent.forms:
            ent.forms.append(surname)
        if role and ent.role is None:
            ent.role = role
            ent.org = _org_before(text, found, a.start())
        found.claim(a.start(), b.end())
        i += 3 if b is not words[i + 1] else 2
    _initialled(text, found, authors, roles)
    _surnames_after_posts(text, found, authors, roles)
    # surname-only mentions of the people found: a word that is a surname's stem and a case ending (the page's words
    # read once for every surname, not the page again for each)
    people = [e for e in found.ents.values() if e.kind == "person"]
    stems: dict[str, str] = {}
    for ent in people:
        surname = ent.forms[-1] if ent.forms else ""
        if len(surname) >= 4:
            stems[ent.name] = surname[:-1] if surname[-1] in "аяй" else surname
    written = stems_written(text, set(stems.values()), not_after=".") if stems else {}
    for ent in people:
        stem = stems.get(ent.name)
        if stem is None:
            continue
        for at in written.get(stem, ()):
            if not found.is_claimed(*at):
                ent.mentions.append(at)


# a verb of saying or "по словам" right before a name: "сообщил Иран Шархан", "по словам Азима Иброхима"
_SPEECH_BEFORE = re.compile(r"(?:(?:сообщил|заявил|рассказал|отметил|сказал|подчеркнул|пояснил|уточнил|добавил|"
                            r"считает|полагает|говорит)[а-я]{0,2}|[Пп]о[\s\u00a0]+словам)[\s\u00a0,]+$")


_SURNAME_FIRST = re.compile(r"(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|цкий|ская|цкая|енко|ян)$")
_INSTITUTION_WORD = re.compile(r"(?:Республик|Област|Правительств|Министерств|Агентств|Комитет|Департамент|Управлени|"
                               r"Акимат|Администраци|Федераци)[а-яё]*$")
_MASC_GENITIVE = re.compile(r"(?:ов|ев|ёв|ин|ын)а$")
# a Mongolian patronymic, with the ending of a Russian case the sentence put on it (the name after it takes the same)
_MONGOL_PATRONYMIC = re.compile(r"(?P<stem>[А-ЯЁ][а-яёэүөА-ЯЁ-]+(?:[аиоуэ]йн|ын))(?P<case>а|у|ом|е)?")
_MONGOL_CASES = {"а": ("а", "я"), "у": ("у", "ю"), "ом": ("ом", "ем", "ём"), "е": ("е",)}
_BY_WORDS = re.compile(r"[Пп]о[\s\u00a0]+словам[\s\u00a0]+(?:[^.;:!?\n]{0,50}[\s\u00a0])?$")


def _genitive_before(text: str, roles: list[tuple[int, int, str]], pos: int) -> bool:
    """True when the name at ``pos`` stands in the genitive: after "по словам", or right after a post in
    the genitive singular ("главы", "директора", "председателя")."""
    if _BY_WORDS.search(text, max(0, pos - 60), pos):
        return True
    near = [(rs, role) for rs, re_, role in _ending_within(roles, pos - 40, pos)
            if not re.search(r"[.;:,]", text[re_:pos])]
    if not near:
        return False
    word = near[-1][1].lower()
    return any("gent" in p.tag and "sing" in p.tag for p in morph.parses(word)) and \
        not any("nomn" in p.tag and "sing" in p.tag for p in morph.parses(word))


def _post_after(text: str, roles: list[tuple[int, int, str]], end: int) -> bool:
    """A post after a comma right after the name: "Алмазбек Жакыпов, президент АО «Киргизалтын»"."""
    m = _COMMA_WORDS.match(text, end)
    if m is None:
        return False
    i = bisect.bisect_left(roles, m.end(), key=lambda r: r[0])
    return i < len(roles) and roles[i][0] == m.end()


def _ending_within(roles: list[tuple[int, int, str]], lo: int, hi: int) -> list[tuple[int, int, str]]:
    """The posts that end from ``lo`` to ``hi``, in order (the posts are in the order of the text, their ends too: found
    by bisection, so a page of thousands of names and posts does not read every post at every name)."""
    return roles[bisect.bisect_left(roles, lo, key=lambda r: r[1]):bisect.bisect_right(roles, hi, key=lambda r: r[1])]


_COMMA_WORDS = re.compile(r",[\s\u00a0]+(?:(?:[а-яё-]+ый|[а-яё-]+ий)[\s\u00a0]+)?")


def _country_as_given(first: str, surname: str) -> bool:
    """A country's name in the nominative as a first name ("Иран Шархан"), not "Узбекистана Шавкат"."""
    return any("nomn" in p.tag for p in morph.parses(first)) and not morph.is_dictionary_word(surname) \
        and not _is_known_first(surname)


def _is_known_first(word: str) -> bool:
    return any("Name" in p.tag and p.is_known for p in morph.parses(word))


def _unknown_pair(first: str, surname: str, first_known: bool) -> bool:
    """Two capitalised words after a post or a verb of saying, neither a word of the dictionary
    (a common word may still be the surname after a known first name: "Александр Хрущ"; after a post,
    a first name the dictionary reads as a noun: "председатель Канат Кудайберген")."""
    if _is_known_first(surname) or (not first_known and morph.is_dictionary_word(first)):
        return False
    if morph.given_name(first) is None and surname.endswith(("у", "ю")):
        return False  # "Олий Мажлису": a dative, not a name in the nominative
    if morph.is_dictionary_word(first) and not any("nomn" in p.tag for p in morph.parses(first)):
        return False  # "в Послании Олий Мажлису": a noun in another case
    if morph.is_dictionary_word(surname) and (not first_known or morph.given_name(first) is None):
        return False
    return not morph.is_oblique_place(surname) and (gz.country_of_word(surname) is None or _country_surname(first, surname))


def _country_surname(first: str, surname: str) -> bool:
    """A surname made on a country's adjective after a known first name: "Максим Финский", "Анна Польская"."""
    return morph.given_name(first) is not None and _SKY_SURNAME.search(surname) is not None


_SKY_SURNAME = re.compile(r"(?:ский|ская|ского|ской|скому|ским|ском)$")


_TWO_INITIALS = re.compile(r"[А-ЯЁ]\.[\s\u00a0]?[А-ЯЁ]\.")
_INITIALS_FIRST = re.compile(r"(?=[А-ЯЁ]\.)(?<![\w.])(?P<init>[А-ЯЁ]\.[\s\u00a0]?(?:[А-ЯЁ]\.[\s\u00a0]?)?)"
                             r"(?P<sur>[А-ЯЁ][а-яё]{2,}(?:-[А-ЯЁ][а-яё]+)?)(?![\w-])")
_INITIALS_AFTER = re.compile(r"(?<![\w.-])(?P<sur>[А-ЯЁ][а-яё]{2,}(?:-[А-ЯЁ][а-яё]+)?)[\s\u00a0]"
                             r"(?P<init>[А-ЯЁ]\.[\s\u00a0]?[А-ЯЁ]\.)")


def _initialled(text: str, found: Found, authors: list[str], roles: list[tuple[int, int, str]]) -> None:
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
            ent = found.add("person", person_translit(form), form, s, e)
            if nom not in ent.forms:
                ent.forms.append(nom)
            role = _role_before(text, roles, s)
            if role and ent.role is None:
                ent.role = role
                ent.org = _org_before(text, found, s)
            found.claim(s, e)


_POST_SURNAME = re.compile(r"[ \u00a0]+(?:[а-яё-]+[ \u00a0]+){0,4}?(?:(?:Мин|Гос)[а-яё]+[ \u00a0]+)?(?P<sur>[А-ЯЁ][а-яё]{2,}(?:-[А-ЯЁ][а-яё]+)?)"
                           r"(?![\w-]|[ \u00a0]+[А-ЯЁ])")


def _surnames_after_posts(text: str, found: Found, authors: list[str], roles: list[tuple[int, int, str]]) -> None:
    """A person named by post and surname alone: "министр Шарлапаев заявил", "по словам главы
    Минпромстроя Нагаспаева" (the surname in the nominative; a woman's when the post is nominative)."""
    people = [e for e in found.ents.values() if e.kind == "person"]
    for _rs, re_, role in roles:
        m = _POST_SURNAME.match(text, re_)
        if m is None:
            continue
        s, e = m.start("sur"), m.end("sur")
        sur = m.group("sur")
        if found.overlaps(s, e) or not _SURNAME_END.search(sur) or morph.is_dictionary_word(sur) \
                or (morph.given_name(sur) and not morph.is_surname(sur)) or country_stem(sur) \
                or any(sur in a for a in authors) or re.search(r"[.;:!?]", text[re_:s]):
            continue
        if any(p.forms and sur.startswith(f.split()[-1][:-1]) for p in people for f in p.forms):
            continue  # a surname of someone named in full
        post_parses = morph.parses(role.lower())
        nominative_post = bool(post_parses) and "nomn" in post_parses[0].tag
        gender = "femn" if nominative_post and sur.endswith(("ова", "ева", "ёва", "ина", "ына", "ская")) else "masc"
        nom = morph.surname_nominative(sur, gender)
        ent = found.add("person", person_translit(nom), nom, s, e)
        if ent.role is None:
            ent.role = _role_before(text, roles, s)
        found.claim(s, e)


def _org_before(text: str, found: Found, pos: int) -> str | None:
    """The company or body named between a post and the name: "председатель правления АО
    «Казгеология» Жандос Бектемиров" -> Kazgeology."""
    best: tuple[int, str] | None = None
    for _s, e, ent in found.companies_within(pos - 40, pos, ("company", "org")):  # (looked up, not read through)
        if not re.search(r"[.;:,]\s", text[e:pos]) and (best is None or e > best[0]):
            best = (e, ent.name)
    return best[1] if best else None


# a clause's end between a post and a name; not the dot of a legal form ("директор Centerra Gold Inc. Скотт Перри")
_CLAUSE_STOP = re.compile(r"(?<!\bInc)(?<!\bLtd)(?<!\bCorp)(?<!\bCo)(?<!\bPlc)(?<!\bPLC)(?<!\bLLC)(?<!\bS\.A)[.;:]\s")


def _role_before(text: str, roles: list[tuple[int, int, str]], pos: int) -> str | None:
    """The post written before a name in the same clause, as a phrase in the nominative:
    "заместитель министра", "председатель правления", "главный геолог"."""
    near = [(rs, re_) for rs, re_, _ in _ending_within(roles, pos - 90, pos)
            if "\n" not in text[rs:pos] and not _CLAUSE_STOP.search(text[rs:pos])]
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


# whole-page scans tried only where a match can open (``orewire.facts.scan``: the same matches)
_ROLE_RE_SCAN = Opening(_ROLE_RE, ("вице-", "премьер-", "министр", "президент", "ген", "директор", "председател", "глав", "аким", "заместител", "представител", "геолог", "губернатор", "руководител", "заведующ", "начальник", "советник", "депутат", "посол", "посла", "управляющ", "основатель", "эксперт", "аналитик", "мэр", "спикер"), cased=True)
