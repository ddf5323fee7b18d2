"""Russian rules on patterns of mining news the labelled set does not hold: deposit lists and
keywords, places, plants and standards that are no deposits or companies, the deposit gazetteer and
its commodities, sentence ends after tonnes. Every text is written for these tests."""

from __future__ import annotations

import pytest

from orewire.facts import extract
from orewire.facts.ru import gazetteer as gz
from orewire.facts.ru.extract import Sentences


def _contract(text: str):  # type: ignore[no-untyped-def]
    return extract(text, events=False).to_contract()


def _deposits(text: str) -> dict[str, list[str]]:
    return {f["name"]: f["commodities"] for f in _contract(text)["facts"] if f["type"] == "deposit"}


def _names(text: str, kind: str) -> set[str]:
    return {e["name"] for e in _contract(text)["entities"] if e["kind"] == kind}


@pytest.mark.parametrize("text,deposits", [
    # one keyword, a list of names, some of two words
    ("Компания получила лицензию на участках Северный Кварцит и Верхнее Карасу.",
     {"Severny Kvartsit": [], "Verkhneye Karasu": []}),
    ("Рудопроявление Жаркайнар, по данным геологов, содержит медь и молибден.",
     {"Zharkaynar": ["copper", "molybdenum"]}),
    ("Уголь добывают на разрезе Майкольский Северный.", {"Maykolsky Severny": ["coal"]}),
    ("Алмазы нашли в трубке «Звездная».", {"Zvezdnaya": ["diamonds"]}),
    ("Инвестор вошел в проект «Кызыл» по добыче золота.", {"Kyzyl": ["gold"]}),
    ("Компания начала проект «Кумторзолото» и проект Правительства.", {}),
    ("Данные разведки месторождения Кумтор Министерством геологии опубликованы.", {"Kumtor": []}),
    ("Бала-Саускандыкское уранованадиевое месторождение разрабатывают открытым способом.",
     {"Bala-Sauskandykskoye": ["uranium", "vanadium"]}),
    # a town that is also a deposit's name: a deposit only after a deposit word
    ("Медеплавильный завод в Жезказгане остановлен на ремонт.", {}),
    ("Запасы меди месторождения Жезказган пересчитаны.", {"Zhezkazgan": ["copper"]}),
    ("Работы на Дальнем Востоке и в Сибири продолжаются.", {}),
])
def test_deposit_words_and_lists(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text", [
    "Крупнейшие месторождения Центральной Азии сосредоточены в Казахстане.",
    "Месторождения Якутии и Чукотки обеспечивают половину добычи.",
    "Медный завод построят в Актогайском районе области Абай.",
    "Качканарский ГОК и Михайловский ГОК увеличили выпуск железорудного концентрата.",
    "Жезказганский медеплавильный завод остановлен.",
    "ГОК «Степной» начал переработку руды.",
    "ТОО «СП «Инкай» увеличило добычу урана.",
    "Аудит запасов по стандарту JORC завершен.",
    "Соколовско-Сарбайское горно-обогатительное производственное объединение нарастило добычу.",
])
def test_places_plants_and_companies_are_no_deposits(text: str) -> None:
    assert _deposits(text) == {}
    assert "JORC" not in _names(text, "company")


def test_a_plant_named_after_a_known_deposit_is_the_plant() -> None:
    # a mining plant (ГОК) is named after the deposit it works, as its long form "горно-обогатительный комбинат" is:
    # the plant, not the deposit
    assert _deposits("Концентрат Бозшакольского и Актогайского ГОКов отправят на завод.") == {}
    assert _deposits("Яковлевский ГОК выйдет на 4 млн тонн руды.") == {}
    assert _deposits("Концентрат Яковлевского горно-обогатительного комбината отправят на завод.") == {}
    # ... a deposit's quoted name after the word is the deposit
    assert _deposits("ГОК «Бозшаколь» вышел на проектную мощность.") == {"Bozshakol": []}


def test_a_gazetteer_name_next_to_a_company_word_or_a_preposition() -> None:
    text = ("Месторождение Актогай в области Абай принадлежит компании KAZ Minerals. Добыча на Бозшаколе "
            "компании KAZ Minerals выросла. Запасы пересчитаны в компании Казахмыс. Актогай остается "
            "крупнейшим. Сергей Орловский посетил Актогайский район.")
    assert set(_deposits(text)) == {"Aktogay", "Bozshakol"}
    assert _names(text, "person") == {"Sergey Orlovsky"}


def test_a_plant_with_a_legal_form_is_a_company() -> None:
    names = _names("ЗАО ГОК «Депутатский» получило право пользования недрами.", "company")
    assert names == {"Deputatsky"}


@pytest.mark.parametrize("text,deposits", [
    # the gazetteer ties a known deposit to the commodities of its paragraph it is worked for
    ("Добыча на Васильковском месторождении выросла. Выпуск золота составил 12 т.", {"Vasilkovskoye": ["gold"]}),
    ("Кумтор остается крупнейшим предприятием страны. Его запасы оцениваются в 261 т золота.", {"Kumtor": ["gold"]}),
    # not across a paragraph, not two sentences on
    ("Кумтор остается крупнейшим предприятием страны.\nЦены на золото растут.", {"Kumtor": []}),
    ("Кумтор работает. Бишкек растет. Цены на золото растут.", {"Kumtor": []}),
    ("Компания разрабатывает Актогай. Она также покупает золото у артелей.", {"Aktogay": []}),
    ("На Оюу Толгой выпуск меди и золота вырос.", {"Oyu Tolgoi": ["copper", "gold"]}),
    ("Месторождение «Ёшлик-1» содержит золото и медь.", {"Yoshlik-1": ["gold", "copper"]}),
])
def test_gazetteer_deposits_and_their_commodities(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


def test_gazetteer_file() -> None:
    rows = gz.deposits()
    assert len(rows) >= 150
    assert len({d.name for d in rows}) == len(rows)
    allowed = set(gz.commodities()[0].values()) | set(gz.commodities()[1].values()) | {"platinum group metals"}
    for d in rows:
        assert d.country in {"KZ", "UZ", "KG", "TJ", "MN", "RU"}, d
        assert d.commodities and set(d.commodities) <= allowed, d
        assert d.forms or d.context_forms, d
    assert "Zhezkazgan" not in {k.name for k in gz.known() if "Жезказган" in k.forms}


@pytest.mark.parametrize("text,sentences", [
    ("Добыто 1,2 млн т. Компания увеличила выпуск.", 2),
    ("Добыто 40 тыс. т. Медь подорожала.", 2),
    ("Руда, т. е. сырье, и т. д. Компания работает.", 2),
    ("Содержание 5 т. е. мало.", 1),
])
def test_sentences_end_after_tonnes(text: str, sentences: int) -> None:
    assert len(Sentences(text).spans) == sentences


def test_a_quantity_takes_no_commodity_across_a_sentence_end() -> None:
    out = _contract("По итогам года на руднике добыто 1,2 млн т. Золото компания продает на бирже.")
    q = [(f["value"], f.get("commodity")) for f in out["facts"] if f["type"] == "quantity"]
    assert q == [(1_200_000, None)]


@pytest.mark.parametrize("text,people", [
    ("Ранее глава Минпромстроя Е. Нагаспаев заявил о новых лицензиях.", {"Ye. Nagaspayev"}),
    ("Как отметил директор департамента Сергеев А.В., работы завершены.", {"A. V. Sergeyev"}),
    # an initialled mention of a person named in full is that person
    ("Вице-министр Айгуль Сагинтаева сообщила об аукционах. Ранее А. Сагинтаева говорила о реформе.",
     {"Aygul Sagintayeva"}),
    ("«Мы завершили строительство», — сообщил генеральный директор Иван Петрович Сидоров.", {"Ivan Sidorov"}),
    ("Золото на аффинаж поставляет «Тау-Кен Алтын».", set()),
])
def test_people_by_initials_and_no_quoted_people(text: str, people: set[str]) -> None:
    assert _names(text, "person") == people


def test_an_initialled_mention_joins_its_person() -> None:
    out = _contract("Министр Канат Шарлапаев провел совещание. К. Шарлапаев поручил ускорить работы.")
    person = next(e for e in out["entities"] if e["kind"] == "person")
    assert person["name"] == "Kanat Sharlapayev" and len(person["mentions"]) == 2


@pytest.mark.parametrize("text,companies", [
    # a quoted name that begins with a known company is a company of its own
    ("Медь поставляет «Казахмыс Смелтинг».", {"Kazakhmys Smelting"}),
    # a country's adjective before a quoted name
    ("Китайская «Цзиньчуань» и японская «Мицубиси» договорились о поставках никеля.", {"Tszinchuan", "Mitsubisi"}),
    ("Акции Solidcore Resources plc выросли на бирже AIX.", {"Solidcore Resources"}),
])
def test_companies_from_quotes_and_no_exchanges(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies
    assert _deposits(text) == {}


@pytest.mark.parametrize("text,people", [
    ("Президент Касым-Жомарт Токаев поручил ускорить геологоразведку. Токаев отметил рост добычи.",
     {"Kassym-Jomart Tokayev"}),
    ("Лидер Китая Си Цзиньпин обсудил поставки угля.", {"Xi Jinping"}),
    ("Об этом заявил аким Восточно-Казахстанской области Ермек Кошербаев.", {"Yermek Kosherbayev"}),
    ("Депутат мажилиса Айдос Сарым раскритиковал недропользователей.", {"Aydos Sarym"}),
    # two namesakes in office: the surname alone names neither
    ("Садыр Жапаров и Акылбек Жапаров посетили рудник. Жапаров заявил о росте добычи.",
     {"Sadyr Japarov", "Akylbek Japarov"}),
])
def test_people_of_the_region(text: str, people: set[str]) -> None:
    assert _names(text, "person") == people


def test_a_double_first_name_keeps_its_capitals() -> None:
    person = next(e for e in _contract("Вице-министр Ахмет-Жан Касымов провел совещание.")["entities"]
                  if e["kind"] == "person")
    assert person["name"] == "Akhmet-Zhan Kasymov" and "Ахмет-Жан Касымов" in person["aliases"]


def test_a_latin_numeral_joined_to_a_russian_word_is_no_company() -> None:
    assert _names("Проект «Отработка карьера». V-очередь сдана.", "company") == set()


@pytest.mark.parametrize("text,companies", [
    ("Недропользователь «Алтынэкс Компани» получил контракт на разведку.", {"Altyneks Company"}),
    ("Компания Кемин Голд подала заявку, компания Казахстана и компания Сергея Иванова — нет.", {"Kemin Gold"}),
    ("Инвестор «Эвраз Каспиан Сталь» построит завод.", {"Evraz Caspian Steel"}),
    ("АО «Шалкия Цинк ЛТД» ведет строительство рудника.", {"Shalkiya Zinc"}),
    ("Добычей займется ТОО «Аулие Голд Майнинг».", {"Auliye Gold Mining"}),
    # a quoted coined name that acts is a company; a quoted phrase of dictionary words is not
    ("«Qazaqgaz» и «Самрук-Энерго» подписали соглашение, а «Цифровой Казахстан» начал работу.",
     {"Qazaqgaz", "Samruk-Energo"}),
    ("Месторождение «Долинное» вышло на проектную мощность.", set()),
])
def test_companies_by_cue_action_and_english_words(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


@pytest.mark.parametrize("text,deposits", [
    # each commodity to the deposit nearest to it in its clause, with those listed together with it
    ("Месторождения Шокпар и Гагаринское богаты золотом.", {"Shokpar": ["gold"], "Gagarinskoye": ["gold"]}),
    ("На месторождении Акжал добывают цинк, а на месторождении Каратау — золото.",
     {"Akzhal": ["zinc"], "Karatau": ["gold"]}),
    ("Золото и серебро добывают на Кокпатасе и Даугызтау, медь — на Кальмакыре.",
     {"Kokpatas": ["gold", "silver"], "Daugiztau": ["gold", "silver"], "Kalmakyr": ["copper"]}),
    # stone of industry is a commodity too; a run of adjectives before it still names what the deposit holds
    ("Объявлен аукцион на разработку месторождения черного мраморного известняка Кызылтоо и месторождения мрамора "
     "«Арым-3».", {"Kyzyltoo": ["limestone"], "Arym-3": ["marble"]}),
    ("На участке ручей Мальдяк добыто 187 кг золота.", {"Maldyak": ["gold"]}),
    # the rivers a list's lines open with, in an article of one placer metal, are its placers
    ("Роснедра проведут аукционы на право разработки участков россыпного золота. В перечень вошли:\n"
     "- ручей Омега — правый приток реки Яна (площадь 1,73 кв. км);\n- река Соловая в Забайкальском крае.",
     {"Omega": ["gold"], "Solovaya": ["gold"]}),
    # a coal mine's word names mines as a deposit's does
    ("Основными предприятиями по добыче угля являются угольная шахта «Фон-Ягноб», «Назар-Айлок» и «Шуроб».",
     {"Fon-Yagnob": ["coal"], "Nazar-Aylok": ["coal"], "Shurob": ["coal"]}),
    # a deposit named as where something else lies holds none of it
    ("Холдинг открыл новый участок с залежами серебра поблизости от уже разрабатываемого месторождения «Тальниковое».",
     {"Talnikovoye": []}),
    # the deposits named after a count of deposits of a commodity are those it counts, where no more are named
    ("Дальнедра проведет аукцион на право пользования недрами трех месторождений россыпного золота. На торги выставлен "
     "участок Кедровый. Еще один лот — месторождение Тальниковое. Также выставлен участок Обратный.",
     {"Kedrovy": ["gold"], "Talnikovoye": ["gold"], "Obratny": ["gold"]}),
    ("Дальнедра проведет аукцион на право пользования недрами двух месторождений россыпного золота. На торги выставлен "
     "участок Кедровый. Еще один лот — месторождение Тальниковое. Также выставлен участок Обратный.",
     {"Kedrovy": [], "Talnikovoye": [], "Obratny": []}),
    # a deposit's adjective with the metal it holds in the brackets after it, the deposit word left out
    ("Кедровое заняло второе место после Северо-Тайгинского (Республика Хакасия, 21,7 тонн золота) и "
     "опередило Усть-Камчатское (Камчатский край, 10,8 тонн золота).",
     {"Severo-Tayginskoye": ["gold"], "Ust-Kamchatskoye": ["gold"]}),
    ("Лицензии отозваны: для добычи известняков на Березовском месторождении; для добычи фосфоритов на "
     "Ашинском месторождении.", {"Berezovskoye": ["limestone"], "Ashinskoye": ["phosphate"]}),
    # a commodity of the sentence before is not the deposit's
    ("Из руды получают титан и цирконий. Месторождения Шокпар и Гагаринское богаты золотом.",
     {"Shokpar": ["gold"], "Gagarinskoye": ["gold"]}),
    ("Компания разрабатывает медно-порфировое месторождение Бесшокы с запасами 1,2 млн т меди.",
     {"Besshoky": ["copper"]}),
])
def test_commodities_go_to_their_deposit(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # one commodity in the sentence: every deposit of the clause shares it
    ("Открыты месторождения Балпантау и Тамдыбулак в составе карьера Мурунтау с запасами 40 млн тонн "
     "золотосодержащей руды.", {"Balpantau": ["gold"], "Tamdybulak": ["gold"], "Muruntau": ["gold"]}),
    # a quoted name may begin with a figure
    ("На месторождении меди «50 лет Октября» стартовали работы.", {"50 let Oktyabrya": ["copper"]}),
    # "участок" with no name is the one named last
    ("Работы пройдут на участке Акбулак и на участке Гремячинском. По данным геологов, участок "
     "содержит редкоземельные металлы.", {"Akbulak": [], "Gremyachinskoye": ["rare earths"]}),
])
def test_shared_commodities_figures_and_unnamed_areas(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


def test_a_company_cue_with_its_trade_and_no_company_from_a_post() -> None:
    text = ("Компания по добыче редкоземельных металлов «Кутессай Майнинг» не выполнила условия. "
            "Об этом сообщил управляющий партнер компании Пини Альтхаус.")
    assert _names(text, "company") == {"Kutessay Mining"}


def test_media_credits_and_bylines_are_no_story_entities() -> None:
    text = ("Фото: Shutterstock / Максим Иванов\nАвтор: Айгерим Сейткали\n"
            "Алматы, 5 апреля — Interfax-Kazakhstan — Компания Kazakhmys Copper сообщила о запуске рудника.")
    assert _names(text, "company") == {"Kazakhmys Copper"}
    assert _names(text, "person") == set()


@pytest.mark.parametrize("text,people", [
    ("Вице-министр энергетики Жаркешов сообщил о росте добычи.", {"Zharkeshov"}),
    ("По словам главы Минпромстроя Нагаспаева, работы идут по плану.", {"Nagaspayev"}),
    ("Председатель правления компании Ахметова отметила рост.", {"Akhmetova"}),
    # a surname after a post of someone named in full is that person
    ("Министр Канат Шарлапаев провел совещание. Позже министр Шарлапаев добавил детали.", {"Kanat Sharlapayev"}),
    ("Директор департамента Министерства энергетики сообщил о планах.", set()),
])
def test_people_by_post_and_surname(text: str, people: set[str]) -> None:
    assert _names(text, "person") == people
    assert _names(text, "company") == set()


def test_a_commodity_before_na_and_a_deposit_is_that_deposits() -> None:
    text = "Компания добывает медь на Актогае и золото на Васильковском месторождении, а также цинк на руднике Акжал."
    assert _deposits(text) == {"Aktogay": ["copper"], "Vasilkovskoye": ["gold"], "Akzhal": ["zinc"]}


def test_a_deposit_is_no_company_of_a_cue_or_an_action() -> None:
    text = ("Компания по освоению месторождения «Долинное» наняла подрядчика. На месторождении «Шокпар» "
            "начата добыча. «Шокпар» дал первые 100 кг золота.")
    assert set(_deposits(text)) == {"Dolinnoye", "Shokpar"}
    assert _names(text, "company") == set()


@pytest.mark.parametrize("text", [
    "Экибастузская ГРЭС-1 увеличила выработку.",
    "ТОО Шубарколь Комир нарастило добычу угля.",
    "В Лисаковске построят завод.",
])
def test_towns_power_plants_and_coal_companies_named_like_deposits(text: str) -> None:
    assert _deposits(text) == {}


def test_an_adjective_name_is_named_as_the_rules_name_it() -> None:
    # "Варваринское" stays Varvarinskoye (no noun of its stem in the text), "Коксайское" is Koksay
    assert _deposits("На Варваринском месторождении добыли 3 т золота.") == {"Varvarinskoye": ["gold"]}
    assert _deposits("Коксайское месторождение меди введут в 2026 году.") == {"Koksay": ["copper"]}


def test_a_company_named_after_its_deposit_and_town_like_names() -> None:
    assert _deposits("Бакырчикское горнодобывающее предприятие увеличило добычу.") == {}
    assert _deposits("Мальчик Павлик приехал в Апрелевку.") == {}
    assert _deposits("На месторождении Павлик добыли 8 т золота.") == {"Pavlik": ["gold"]}


def test_a_name_after_a_dash_is_no_deposit_unless_known() -> None:
    text = ("Недропользователем месторождения является ТОО «Аксоран». Лицензия на месторождение — "
            "Аксоран, как сообщили в компании, продлена.")
    assert _deposits(text) == {}
    assert _names(text, "company") == {"Aksoran"}
    assert _deposits("Новое месторождение — Северный Катпар — передано инвестору.") == {"Severny Katpar": []}


def test_a_known_company_written_with_small_letters() -> None:
    text = "Работа на руднике продолжается, сообщает ЗАО «Кумтор голд компани»."
    assert _names(text, "company") == {"Kumtor Gold Company"}


def test_a_quoted_company_named_after_a_person_is_no_deposit() -> None:
    text = 'Гендиректором "Рудника им.Матросова" стал Алексей Голубенко. На месторождении имени Гриба добыты алмазы.'
    assert _deposits(text) == {"Grib": ["diamonds"]}


@pytest.mark.parametrize("text,deposits", [
    # a deposit word inside another word names nothing: "сотрудникам" holds "рудникам"
    ("Премии вручили сотрудникам Степногорского ГОКа.", {}),
    ("Законопроект Правительства внесли в парламент.", {}),
    # a gazetteer name whose first word is an adjective in -ой and whose second is a short noun
    ("Ресурсы Сухого Лога пересчитали весной.", {"Sukhoi Log": []}),
    # names after a deposit word and a colon: on one line, or one a line with a note in brackets
    ("Компания разрабатывает три месторождения: Ак-Су, Бестобе и Жолымбет.",
     {"Ak-Su": [], "Bestobe": [], "Zholymbet": []}),
    ("На учет поставлены новые месторождения:\nКара-Тобе (участок Южный)\nАкжал-Шоко\nБайтерек\n"
     "Прирост запасов составил:\nЗолото – 12 тонн",
     {"Kara-Tobe": [], "Yuzhny": [], "Akzhal-Shoko": [], "Bayterek": []}),
])
def test_deposit_words_inside_words_gazetteer_forms_and_colon_lists(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


def test_kazakh_letters_are_read_as_russian_ones() -> None:
    text = "Фонд «Самрук-Қазына» представил председатель правления Қанат Құдайберген."
    assert "Samruk-Kazyna" in _names(text, "company")
    assert _names(text, "person") == {"Kanat Kudaybergen"}


@pytest.mark.parametrize("text,person", [
    ("О результатах рассказал вице-министр энергетики Иран Шархан.", "Iran Sharkhan"),
    ("По словам Азима Иброхима, новых месторождений будет больше.", "Azim Ibrokhim"),
    ("Соглашение подписала генеральный директор Серпиль Демирель.", "Serpil Demirel"),
    ("Перспективы компании рассказал ее президент Александр Хрущ.", "Aleksandr Khrushch"),
    # the dot of a legal form between the post and the name ends no clause
    ("Исполнительный директор Boreal Gold Inc. Скотт Перри отметил, что работы начнутся.", "Skott Perri"),
])
def test_people_after_a_post_or_a_verb_of_saying(text: str, person: str) -> None:
    assert person in _names(text, "person")
    assert "IR" not in {e.get("code") for e in _contract(text)["entities"] if e["kind"] == "country"}


def test_a_country_in_another_case_before_a_name_is_no_first_name() -> None:
    text = "Об этом сообщил президент Узбекистана Шавкат Мирзиёев."
    assert _names(text, "person") == {"Shavkat Mirziyoyev"}
    assert "Uzbekistan" in _names(text, "country")


@pytest.mark.parametrize("text", [
    "Доказанные и вероятные запасы (Proved and Probable) составили 12 млн унций.",
    "Ресурсы (Measured, Indicated and Inferred) выросли, запасы (P&P) снизились.",
    "Размер: XS SM XL XXL\nМедь подорожала на бирже.",
    "window.adsQueue = window.adsQueue || []; adsQueue.push({ Block: 'R-A-1' });\nМедь подорожала.",
])
def test_latin_page_clutter_and_glosses_are_no_companies(text: str) -> None:
    assert _names(text, "company") == set()


def test_a_latin_name_in_brackets_after_a_company_word_is_still_a_company() -> None:
    assert _names("Участок купила инвестиционная компания (Cove Capital).", "company") == {"Cove Capital"}


@pytest.mark.parametrize("text,deposits", [
    # a Turkic or Mongolian place word left in small letters is still part of the name
    ("Разведку ведут на месторождении Кызыл тау в горах.", {"Kyzyl Tau": []}),
    ("Экспорт угля с Таван толгоя вырос вдвое.", {"Tavan Tolgoi": ["coal"]}),
    # a known name that is only the first word of a quoted one
    ("Инвестор купил месторождение «Кызыл Алма» у государства.", {"Kyzyl Alma": []}),
    # a combine or a corporation named after a place is no deposit
    ("Эльконский ГМК получил новую лицензию.", {}),
    ("Лицензию получил Эльконский горно-металлургический комбинат.", {}),
    # kind adjectives between the deposit word and the names
    ("На торги выставят месторождения рудного золота Красивое и Перевальное.",
     {"Krasivoye": ["gold"], "Perevalnoye": ["gold"]}),
])
def test_small_letter_place_words_quoted_names_combines_and_kind_adjectives(
        text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # a compound adjective names every commodity of its parts
    ("Конкурс на освоение золото-сурьмяного месторождения Кенколь отменен.", {"Kenkol": ["gold", "antimony"]}),
    # "Оно содержит ..." in the next sentence speaks of the deposit just named
    ("Госкомиссия утвердила запасы месторождения «Каратепа». Оно содержит медь и серебро.",
     {"Karatepa": ["copper", "silver"]}),
    # the commodities of an unnamed deposit beside a named one stay with the unnamed one
    ("Рядом со свинцово-цинковым месторождением нашли золоторудное месторождение «Арчали».",
     {"Archali": ["gold"]}),
])
def test_commodities_of_compounds_pronouns_and_unnamed_deposits(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,company", [
    ("Лицензию на участок получила Казахстанская горнорудная компания.", "Kazakhstanskaya gornorudnaya kompaniya"),
    ("Об этом сообщили в Национальной горнорудной корпорации.", "Natsionalnaya gornorudnaya korporatsiya"),
])
def test_names_of_adjectives_and_a_company_word(text: str, company: str) -> None:
    assert _names(text, "company") == {company}


@pytest.mark.parametrize("text", [
    "Китайская горнодобывающая компания купила долю в руднике.",
    "Акции купила российская горнорудная компания «Север».",
])
def test_a_generic_company_phrase_is_no_name(text: str) -> None:
    assert not any("kompaniya" in n for n in _names(text, "company"))


@pytest.mark.parametrize("text,amount", [
    ("Инвестиции составят 5 млн дол. в год.", (5e6, "USD")),
    ("Сделка на 3 млн долл США закрыта.", (3e6, "USD")),
    ("Проект оценен в 12 млрд тенге.", (12e9, "KZT")),
    ("Бюджет программы — 1,2 трлн сумов.", (1.2e12, "UZS")),
])
def test_amount_abbreviations(text: str, amount: tuple[float, str]) -> None:
    got = [(f["value"], f["currency"]) for f in _contract(text)["facts"] if f["type"] == "amount"]
    assert got == [amount]


def test_thousands_of_ounces() -> None:
    got = [(f["value"], f["unit"]) for f in _contract("Запасы составляют 350 тыс. унций золота.")["facts"]
           if f["type"] == "quantity"]
    assert got == [(350000.0, "oz")]


def test_a_list_after_a_plural_deposit_word_and_a_dash() -> None:
    text = "Продлят лицензии трех месторождений - «Каракамар», «Шурали» и «Кумбель»."
    assert _deposits(text) == {"Karakamar": [], "Shurali": [], "Kumbel": []}


@pytest.mark.parametrize("text", [
    "Прогнозные запасы меди категории P2 составляют 600 тыс. тонн.",
    "whatsapp\nWhatsapp\nprice\nЗапрос цен\nЗолото подорожало.",
])
def test_resource_categories_and_page_buttons_are_no_companies(text: str) -> None:
    assert _names(text, "company") == set()


def test_region_adjectives_listed_after_a_deposit_word_are_no_deposits() -> None:
    text = "Уран добывают на месторождениях Туркестанской, Кызылординской и Северо-Казахстанской областей."
    assert _deposits(text) == {}


@pytest.mark.parametrize("text", [
    "Аукцион отменен, сообщает MININGNEWS со ссылкой на документы.",
    "Акции «Руды» (Московская биржа — RUDA) подорожали.",
    "Данные геологической службы США (United States Geological Survey, USGS) обновлены.",
    "Top News 24\nМедь подорожала на бирже.",
])
def test_sources_tickers_glosses_and_latin_lines_are_no_companies(text: str) -> None:
    assert not any(has_latin(n) for n in _names(text, "company"))


def has_latin(name: str) -> bool:
    return any("a" <= c.lower() <= "z" for c in name)


def test_a_colon_list_with_companies_in_brackets_and_places_after_dashes() -> None:
    text = ("Рост добычи серебра дали рудники: Северный (АО «Северная ГРК») и Таежный (ООО «Тайга») — в Якутии, "
            "Луговой (ЗАО «Озеро») — на Камчатке, а также новые карьеры.")
    assert _deposits(text) == {"Severny": ["silver"], "Tayezhny": ["silver"], "Lugovoy": ["silver"]}
    assert {"Severnaya GRK", "Tayga", "Ozero"} <= _names(text, "company")


@pytest.mark.parametrize("text,people", [
    ("Эркинбек Сатыбалдиев, президент АО «Алтынкен», сообщил о планах.", {"Erkinbek Satybaldiyev"}),
    ("Добычу ведет Нурбек Асанов, генеральный директор рудника.", {"Nurbek Asanov"}),
])
def test_a_name_followed_by_a_post_also_at_the_start_of_a_text(text: str, people: set[str]) -> None:
    assert _names(text, "person") == people


def test_a_name_built_on_a_commodity_word_names_no_commodity_and_iron_is_iron_ore() -> None:
    assert _names("Алмазбек Токтогулов посетил рудник, где добывают железо.", "commodity") == {"iron ore"}
    assert _names("Алмазбек рассказал о планах.", "commodity") == set()


def test_a_latin_company_with_a_legal_form_in_small_letters() -> None:
    text = "Прежний владелец, компания Tien Shan Gold plc, продал долю, а партнер Aral Metals ltd остался."
    assert _names(text, "company") == {"Tien Shan Gold", "Aral Metals"}


@pytest.mark.parametrize("text,deposits", [
    # the precious metal in the singular is gold, for a deposit known for gold
    ("Содержание драгоценного металла в руде Васильковского месторождения снизилось.", {"Vasilkovskoye": ["gold"]}),
    # a commodity shared by its clause only: "X ..., а на Y добывают цинк"
    ("На Джеруе строят фабрику, а на Жайремском месторождении добывают цинк.",
     {"Jerooy": [], "Zhairem": ["zinc"]}),
    # the carbon of a gold plant is no coal; a deposit word before a dash and a name is no unnamed deposit
    ("На Кубаке запустили фабрику «уголь-в-пульпе», а на другом месторождении — серебряном Дукате — "
     "добыча упала.", {"Kubaka": [], "Dukat": ["silver"]}),
    # a known deposit with no commodity of its own takes one it is worked for from its sentence
    ("Рост выпуска золота дали Васильковское месторождение и запуск новой фабрики на руднике Кумтор.",
     {"Vasilkovskoye": ["gold"], "Kumtor": ["gold"]}),
])
def test_precious_metal_clauses_carbon_and_known_deposits(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,grade", [
    ("Руда содержит 0,8% никеля и 1,2 г платины на тонну.", 1.2),
    ("Среднее содержание золота — 3,4 г на 1 т руды.", 3.4),
    ("Из каждой тонны извлекают 4,1 грамма золота из каждой тонны руды.", 4.1),
])
def test_grades_in_grams_per_tonne(text: str, grade: float) -> None:
    got = [(f["value"], f["unit"]) for f in _contract(text)["facts"] if f["type"] == "quantity"]
    assert got == [(grade, "g/t")]


def test_a_plant_that_the_text_names_as_a_company_is_no_deposit() -> None:
    text = "ОАО «Гайский ГОК» расширяет карьер. В прошлом году Гайский ГОК выпустил больше концентрата."
    assert _deposits(text) == {}
    assert _names(text, "company") == {"Gaysky GOK"}


@pytest.mark.parametrize("text,deposits", [
    ("Геологи открыли месторождение, названное «Соболь», с запасами золота 3 т.", {"Sobol": ["gold"]}),
    ("Компания купила лицензию на участок недр р. Кедровая с запасами россыпного золота.",
     {"Kedrovaya": ["gold"]}),
])
def test_a_deposit_given_its_name_or_named_by_its_river(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


def test_no_sentence_end_after_the_abbreviation_of_a_river() -> None:
    assert len(Sentences("Лицензия на участок р. Кедровая выдана. Работы начнутся летом.").spans) == 2


@pytest.mark.parametrize("text,deposits", [
    # names before a dash and a deposit word with adjectives between
    ("Кендала — крупнейшее месторождение урана в регионе.", {"Kendala": ["uranium"]}),
    ("Акжар и Бестау — одни из золоторудных месторождений области.", {}),
    ("Акжар и Бестау — золоторудные месторождения области.", {"Akzhar": ["gold"], "Bestau": ["gold"]}),
    ("Компания — крупнейший владелец месторождений.", {}),
    # the next sentence speaks of the deposit just named
    ("Месторождение Бескемпир лежит в Жамбылской области. Там добывают вольфрам.", {"Beskempir": ["tungsten"]}),
    ("Работы идут на руднике в Алмалыке. Здесь добывают медь.", {}),
    # one commodity or a phrase in brackets, in a sentence about deposits
    ("Лицензии выданы на участки Карасай (золото), Жельтау (медь) и Тобе (вольфрам, молибден).",
     {"Karasay": ["gold"], "Zheltau": ["copper"], "Tobe": ["tungsten", "molybdenum"]}),
    ("На месторождениях Ушкатын (марганец) и Кентобе (железная руда) работы возобновлены.",
     {"Ushkatyn": ["manganese"], "Kentobe": ["iron ore"]}),
    ("Президент Казахстан (Астана) прибыл с визитом.", {}),
    # a list in brackets cut by the end of the text keeps its whole words
    ("Объекты группы: Кулсай (золото, серебро) и Бешкак (золото, сурьма, мы", {"Kulsay": ["gold", "silver"],
                                                                            "Beshkak": ["gold", "antimony"]}),
])
def test_names_before_a_dash_next_sentences_and_brackets(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,companies", [
    ("Добычу ведет «Алтын Тау», входящая в «Русскую платину».", {"Altyn Tau", "Russian Platinum"}),
    ("АО «Камчатзолото» (входит в состав ГК «Ренова») увеличило добычу.", {"Kamchatzoloto", "Renova"}),
    ("Рудники Красный и Новый входят в комплекс «Юбилейный».", set()),
    ("Месторождение разрабатывает АО «ГМК Тасказган».", {"Taskazgan"}),
])
def test_holdings_and_plant_prefixes(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


@pytest.mark.parametrize("text,person", [
    ("По словам Алмаза Абдыкадырова, лицензия будет продлена.", "Almaz Abdykadyrov"),
    ("По словам главы «Кыргызалтына» Алмаза Абдыкадырова, работы идут.", "Almaz Abdykadyrov"),
])
def test_a_mans_name_in_the_genitive(text: str, person: str) -> None:
    assert _names(text, "person") == {person}


@pytest.mark.parametrize("text,people", [
    ("Руководителем ОсОО «Ала-Тоо Майнинг» является Сыдыков Нурлан Асанович.", {"Nurlan Sydykov"}),
    ("Приказ подписала Кузнецова Анна Ивановна.", {"Anna Kuznetsova"}),
    ("Совещание провел первый заместитель Председателя Правительства Республики Саха (Якутия) Иван Петров.",
     {"Ivan Petrov"}),
])
def test_surname_first_with_a_patronymic_and_no_body_as_a_first_name(text: str, people: set[str]) -> None:
    assert _names(text, "person") == people


def test_a_forum_that_speaks_is_no_company_and_a_nested_mining_company_prefix() -> None:
    text = ("Об этом на форуме «Недра: вчера и сегодня» рассказал директор. ООО «ГДК «Северная» начало "
            "строительство.")
    assert _names(text, "company") == {"Severnaya"}


def test_brown_coal_deposits() -> None:
    text = "На конкурс выставят буроугольные месторождения «Кок-Сай» и «Бель-Тюбе»."
    assert _deposits(text) == {"Kok-Say": ["coal"], "Bel-Tyube": ["coal"]}


def test_a_compound_commodity_after_the_deposit_word() -> None:
    assert _deposits("Комбинат разрабатывает Тарыньское месторождение медно-молибденовых руд.") == {
        "Taryn": ["copper", "molybdenum"]}


def test_a_latin_name_in_brackets_after_a_quoted_company_is_its_own_name() -> None:
    text = "Доля принадлежит кипрской компании «Вестлайн лимитед» (Westline Limited), сообщает NEDRADV."
    assert _names(text, "company") == {"Westline"}


@pytest.mark.parametrize("text,deposits", [
    # a commodity noun before "компании" is no company's description
    ("На Акбакай приходится треть добычи золота компании.", {"Akbakai": ["gold"]}),
    # the deposit of the commodity's own comma clause, not the nearer one of the next
    ("На руднике Акжар добыто 2 тонны золота, на руднике Бестау — 1 тонна серебра.",
     {"Akzhar": ["gold"], "Bestau": ["silver"]}),
    # one name set off by two dashes after a singular deposit word
    ("Крупнейшее в стране месторождение меди — Кусмурын — готовят к разработке.", {"Kusmuryn": ["copper"]}),
])
def test_company_nouns_comma_clauses_and_dashed_names(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,companies", [
    ("Дочерняя компания «Качарский ГОК» увеличила выпуск.", {"Kacharsky GOK"}),
    ("Проект ведет АО «Национальная компания «Казахстан инжиниринг»».", {"Kazakhstan Engineering"}),
])
def test_a_quoted_plant_after_a_company_word_and_english_loan_words(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


def test_a_two_word_name_declined_later_is_the_same_company() -> None:
    text = "ОАО «Алтай Золото» купило лицензию. Новое приобретение «Алтай Золота» стало вторым за неделю."
    assert _names(text, "company") == {"Altay Zoloto"}


def test_a_name_both_company_and_deposit_and_what_the_deposit_holds() -> None:
    text = ("ТОО «Южный Сарыбай» построит ГОК на вольфрамовом месторождении Южный Сарыбай. "
            "Руда Южного Сарыбая содержит не только вольфрам, но и медь и висмут.")
    assert _deposits(text) == {"Yuzhny Sarybay": ["tungsten", "copper", "bismuth"]}
    assert _names(text, "company") == {"Yuzhny Sarybay"}


@pytest.mark.parametrize("text,deposits", [
    ("В портфеле компании — медное месторождение Кусмурын, золоторудные Кепеш и Акжар.",
     {"Kusmuryn": ["copper"], "Kepesh": ["gold"], "Akzhar": ["gold"]}),
    ("На Тасбулакском месторождении добывают медь, на Кепешском — золото.",
     {"Tasbulakskoye": ["copper"], "Kepeshskoye": ["gold"]}),
    ("Запасы месторождения растут, и новые Кайрат и Ержан приехали на вахту.", {}),
])
def test_a_deposit_word_left_out_after_a_first_one(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


def test_names_after_a_deposit_word_with_brackets_between() -> None:
    text = "Золото добывают на рудниках Кедровый (ООО «Кедр»), Лесной (АО «Лес») и Таежный."
    assert _deposits(text) == {"Kedrovy": ["gold"], "Lesnoy": ["gold"], "Tayezhny": ["gold"]}
    assert _names(text, "company") == {"Kedr", "Les"}


@pytest.mark.parametrize("text,companies,deposits", [
    ("«Бапы Майнинг» ТОО увеличило добычу.", {"Bapy Mining"}, {}),
    ("В «Инкай» ТОО работает 500 человек.", {"Inkay"}, {}),
])
def test_a_legal_form_after_a_quoted_name(text: str, companies: set[str], deposits: dict[str, list[str]]) -> None:
    assert _names(text, "company") == companies
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,companies,deposits", [
    # a name coined on a commodity's noun is a company in any case, also after a deposit word
    ("Выпуск на карьерах «Сибзолота» снизился, сообщил «Востоксеребро».", {"Sibzoloto", "Vostokserebro"}, {}),
    ("Акции «Алтайникеля» и «Кемеровоугля» подорожали.", {"Altaynikel", "Kemerovougol"}, {}),
    ("Совет директоров «Севердорхолдинга» одобрил сделку с «Якутгеологией».",
     {"Severdorkholding", "Yakutgeologiya"}, {}),
    # a mine's own quoted name is a company, in any case
    ("На «Лесогорском руднике» запустили третью линию фабрики.", {"Lesogorsky rudnik"}, {}),
    ("Добычу ведут «Рудник Светлый» и ООО «Таежное».", {"Rudnik Svetly", "Tayezhnoye"}, {}),
])
def test_coined_and_mine_names_in_quotes_are_companies(text: str, companies: set[str],
                                                       deposits: dict[str, list[str]]) -> None:
    assert _names(text, "company") == companies
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,companies", [
    # a bare quoted name listed among companies with legal forms
    ("Основной объем дают ООО «Северный прииск», «Озерный», АО «Горные ресурсы».",
     {"Severny priisk", "Ozerny", "Gornyye resursy"}),
    ("Заявки подали АО «Тайга» и «Восход».", {"Tayga", "Voskhod"}),
    # ... but not the generic word a release calls the company by
    ("ПАО «Сибирь Майнинг» («Сибирь Майнинг», «Компания») объявляет итоги.", {"Sibir Mining"}),
    # the prefixes of a management and a mining company
    ("Рудник входит в УК «Восточные активы», торги выиграла ГДК «Берег».", {"Vostochnyye aktivy", "Bereg"}),
    # Russian capitals joined to a Russian word stay Russian; a known name written with an inner capital
    ("Иск подала компания «СКМ-Восток», «НорНикель» ответил встречным.", {"SKM-Vostok", "Nornickel"}),
])
def test_listed_names_prefixes_and_spellings_of_companies(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


def test_letters_of_a_licence_number_are_no_company() -> None:
    assert _names("Компания «Тау Голд» владеет лицензией №212-ML от 1.02.2024.", "company") == {"Tau Gold"}


@pytest.mark.parametrize("text,deposits", [
    # commodities joined by "и" or commas between the deposit word and the name are the name's own ...
    ("Лицензию на месторождение рудного золота и серебра «Западное» получило ООО «Прииск».",
     {"Zapadnoye": ["gold", "silver"]}),
    ("В районе открыты месторождения меди, цинка и свинца Акбулак и Сарыкуль.",
     {"Akbulak": ["copper", "zinc", "lead"], "Sarykul": ["copper", "zinc", "lead"]}),
    # ... and no other deposit's of the sentence
    ("В планах месторождения Карабулак, Тасты и месторождение железа Ортатау.",
     {"Karabulak": [], "Tasty": [], "Ortatau": ["iron ore"]}),
    # an adjective on a noun in -ий keeps its ending: one deposit, not two
    ("Понорийский участок лежит в тайге. Ресурсы на участке Понорийский — 9 т золота.",
     {"Ponoriysky": ["gold"]}),
])
def test_commodities_between_the_deposit_word_and_the_name(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # "здесь", "отсюда" inside a sentence speak of the deposit named last before them ...
    ("Месторождение Каратау разрабатывают с 1970 года. Запасов хватит на 40 лет. "
     "Кроме золота здесь добывают серебро и медь.", {"Karatau": ["silver", "copper"]}),
    # ... not past a sentence about a deposit with no name
    ("Месторождение Каратау разрабатывают с 1970 года. Скоро откроется новый рудник на востоке. "
     "Кроме того, здесь добывают медь.", {"Karatau": []}),
    # "Оно содержит" after a sentence on the deposit with no name in it
    ("Компания работает на месторождении Сокол. На месторождении Беркут начали бурение. "
     "Месторождение занимает 800 гектаров. Оно содержит золото и молибден.",
     {"Sokol": [], "Berkut": ["gold", "molybdenum"]}),
])
def test_here_and_it_speak_of_the_deposit_named_before(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,companies", [
    # a company word in the instrumental before a quoted name
    ("Месторождения «Акжар» и «Сункар» контролируются компанией «Алтай Майнинг».", {"Altay Mining"}),
    ("Рудник управляется предприятием «Южполиметалл» и недропользователем «Гора Голд».",
     {"Yuzhpolimetall", "Gora Gold"}),
    # a Latin abbreviation in brackets after a company's name names it later too
    ("Сделку закрыла Baltic Ore Mining (BOM). Ранее BOM сообщала о переговорах.", {"Baltic Ore Mining"}),
])
def test_instrumental_company_words_and_abbreviations(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


@pytest.mark.parametrize("text,deposits,companies", [
    # a name after the district the deposit lies in, ending its clause
    ("Инвестор освоит золоторудное месторождение в Таласском районе Кара-Тоо Южный, сообщили в министерстве.",
     {"Kara-Too Yuzhny": ["gold"]}, set()),
    # a Latin name after a deposit word is the deposit's, a Latin company's name stays a company's
    ("Компания продала долю медного рудника Ulaan Tolgoi концерну Boreal Mining.",
     {"Ulaan Tolgoi": ["copper"]}, {"Boreal Mining"}),
])
def test_a_name_after_the_district_and_a_latin_deposit_name(text: str, deposits: dict[str, list[str]],
                                                           companies: set[str]) -> None:
    assert _deposits(text) == deposits
    assert _names(text, "company") == companies


@pytest.mark.parametrize("text,deposits", [
    # names before a verb of being and a deposit word in the instrumental or the genitive plural
    ("Кусмурын является крупнейшим неразведанным месторождением меди в регионе.", {"Kusmuryn": ["copper"]}),
    ("Акшокы и Бесшокы считаются одними из богатейших вольфрамовых месторождений.",
     {"Akshoky": ["tungsten"], "Besshoky": ["tungsten"]}),
    # ... a company so described is no deposit
    ("Компания «Жайык Голд» является крупнейшим недропользователем области.", {}),
])
def test_names_before_a_verb_of_being_and_a_deposit_word(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


def test_what_the_ore_holds_after_a_sentence_on_the_deposit() -> None:
    text = ("Компания работает на месторождении Сокол. Месторождение Таежное открыли в 1970-х годах. "
            "В руде содержатся медь, никель и кобальт.")
    assert _deposits(text) == {"Sokol": [], "Tayezhnoye": ["copper", "nickel", "cobalt"]}


@pytest.mark.parametrize("text,companies", [
    # a company word before a known name in quotes is the known company
    ("В числе крупнейших названы ТОО «Корпорация Казахмыс» и ТОО «Казцинк».", {"Kazakhmys", "Kazzinc"}),
    # an outlet named after "редакции" in capitals with its domain is no company
    ("Об этом сообщили в ответ на запрос редакции QAZMINE.KZ, говорится в материале.", set()),
])
def test_a_company_word_before_a_known_name_and_an_outlet(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


def test_a_plural_deposit_word_with_commodities_is_no_one_deposits() -> None:
    text = ("Делегация побывала на Велиховском месторождении железных руд. Инвесторам показали возможности "
            "разработки месторождений никелевых руд.")
    assert _deposits(text) == {"Velikhovskoye": ["iron ore"]}


def test_one_place_adjective_with_two_deposit_words_is_one_deposit() -> None:
    text = ("Холдинг осваивает Ольховское и Сосновское медные месторождения. Лицензиат Ольховского "
            "и Сосновского участков недр — его дочернее общество.")
    assert _deposits(text) == {"Olkhovskoye": ["copper"], "Sosnovskoye": ["copper"]}


def test_a_plc_in_mixed_case_is_a_legal_form() -> None:
    assert _names("Дочернее предприятие Polar Bear Resources Plc ведет добычу.", "company") == {"Polar Bear Resources"}


@pytest.mark.parametrize("text,companies", [
    # a fund's quoted name, a quoted name that ends with "компания"
    ("Заявки подали связанные с фондом «Восход» «Северная рудная компания» и «Полюс».",
     {"Voskhod", "Severnaya rudnaya kompaniya", "Polyus"}),
    # a combine (ГМК) named by its adjective is a company; a plant (ГОК) is one when it acts as the subsidiary
    ("Тайгинский ГМК, входящий в активы «Росатома», купил проект.", {"Tayginsky GMK", "Rosatom"}),
    ("Лицензию «дочка» «Металлоинвеста» - Лесогорский ГОК - получила в 2010 году. Качканарский ГОК вырос.",
     {"Metalloinvest", "Lesogorsky GOK"}),
    # a known company's name in small letters keeps its Latin name
    ("Рудник передан СП «Талко Голд».", {"TALCO Gold"}),
])
def test_funds_combines_subsidiary_plants_and_known_words_in_small_letters(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


def test_the_owner_in_quotes_after_plural_mines_is_no_deposit() -> None:
    text = "Сейчас все 14 рудников «Казахмыса» перерабатывают 42 млн т руды; месторождений «Акбулак» и «Тасты» две."
    assert _deposits(text) == {"Akbulak": [], "Tasty": []}
    assert _names(text, "company") == {"Kazakhmys"}


@pytest.mark.parametrize("text,companies", [
    # a known deposit's name in a company's name keeps the deposit's Latin name; another spelling of "Resources"
    ("Уголь с месторождения вывозит компания «Эрдэнэс Таван толгой» и «Гоби Ресорсес».",
     {"Erdenes Tavan Tolgoi", "Gobi Resources"}),
    # Latin names across a sentence end are two
    ("На смартфоны будут ставить магазин приложений Rudstore. Orion T2 является российским смартфоном.",
     {"Rudstore", "Orion T2"}),
])
def test_latin_names_of_companies_with_deposits_and_sentence_ends(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


def test_a_name_before_which_is_a_deposit() -> None:
    text = "Добыча меди будет вестись в долине «Акташ», которая является вторым по запасам месторождением района."
    assert _deposits(text) == {"Aktash": ["copper"]}


def test_a_quoted_adjective_with_a_company_abbreviation_that_acts() -> None:
    text = "Торги выиграла «Северная ГРК», предложив 22 млн рублей. «Северная ГРК» получила лицензию на 25 лет."
    assert _names(text, "company") == {"Severnaya GRK"}


@pytest.mark.parametrize("text,companies", [
    ("В этом году создан «Казахский комбинат редких металлов», ему поручили переработку сырья.",
     {"Kazakhsky kombinat redkikh metallov"}),
    ("Встреча прошла на полях форума «MINERA Центральная Азия 2024» с участием компании «Алтын Тау Майнинг».",
     {"Altyn Tau Mining"}),
])
def test_a_quoted_combine_and_an_events_latin_name(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


@pytest.mark.parametrize("text,companies", [
    ("Владельцем проекта выступает группа «Северный Капитал» Ивана Петрова.", {"Severny Capital"}),
    ("Активы перешли к «Эрдэнэс Монгол» и «Бурятцветмету».", {"Erdenes Mongol", "Buryattsvetmet"}),
])
def test_a_group_word_and_a_name_coined_on_tsvetmet(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


def test_a_deposit_named_before_a_listed_company_stays_a_deposit() -> None:
    text = "Аукцион на месторождение «Дальнее», ОАО «Рудный двор» и ГДК «Тайга» проиграли."
    assert _deposits(text) == {"Dalneye": []}
    assert _names(text, "company") == {"Rudny dvor", "Tayga"}


@pytest.mark.parametrize("text,companies,deposits", [
    ("«Жалын Тау» планирует добывать золото, а «Кенсу» намерена построить фабрику.", {"Zhalyn Tau", "Kensu"}, {}),
    # a deposit's quoted name before a present-tense verb of the company that works it stays a deposit
    ("Месторождение «Акбулак» разрабатывает компания «Тау».", {"Tau"}, {"Akbulak": []}),
])
def test_a_quoted_name_before_a_company_verb_in_the_present(text: str, companies: set[str],
                                                            deposits: dict[str, list[str]]) -> None:
    assert _names(text, "company") == companies
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # л softens before -ск whether or not the noun ends in a soft sign: the adjective stays the name
    ("Холдинг начал разработку Кимильского месторождения меди.", {"Kimilskoye": ["copper"]}),
    # a compound that begins with where it lies: "Нижне-Ортайское", not "Нижне-Ортай"
    ("Компания купила лицензию на Нижне-Ортайском месторождении.", {"Nizhne-Ortayskoye": []}),
    # the noun in -нь or -й still comes back from its adjective
    ("Лицензию на Карагайское месторождение получила артель.", {"Karagay": []}),
])
def test_a_place_adjective_in_lskoye_or_with_a_position_prefix_stays_the_name(
        text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # a sentence that opens with the reserves speaks of the deposit just named
    ("Рудник «Верхний Ключ» является крупнейшим месторождением района. Общие запасы оцениваются в 12 млн тонн "
     "руды с содержанием свинца и цинка.", {"Verkhny Klyuch": ["lead", "zinc"]}),
    ("Компания купила Тасбулакское месторождение. Запасы составляют 40 тонн золота.", {"Tasbulakskoye": ["gold"]}),
    # ... unless the reserves are a country's or a region's
    ("Компания купила Тасбулакское месторождение. Запасы меди в Казахстане оцениваются в 30 млн тонн.",
     {"Tasbulakskoye": []}),
    ("Компания купила Тасбулакское месторождение. Разведанные запасы золота области выросли.",
     {"Tasbulakskoye": []}),
    # ... and so does one that opens with its resources or the grade of its ore
    ("Артель взяла участок Жолсай. Его ресурсы оцениваются в 12 тонн золота.", {"Zholsay": ["gold"]}),
    ("Артель взяла участок Жолсай. Прогнозные ресурсы составляют 12 тонн золота.", {"Zholsay": ["gold"]}),
    ("Артель взяла участок Жолсай. Среднее содержание меди в руде - 0,9%.", {"Zholsay": ["copper"]}),
    ("Артель взяла участок Жолсай. Содержание золота в рудах России снижается.", {"Zholsay": []}),
])
def test_a_sentence_opening_with_the_reserves_speaks_of_the_deposit_just_named(
        text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


def test_commodities_in_brackets_after_one_name_of_a_list_are_no_other_names() -> None:
    text = "Холдингу принадлежат месторождения Кентау (медь), Сарыбулак (медь, вольфрам) и Жосалы."
    assert _deposits(text) == {"Kentau": ["copper"], "Sarybulak": ["copper", "tungsten"], "Zhosaly": []}


@pytest.mark.parametrize("text,companies", [
    # a Latin name in brackets after a mine is the mine's owner
    ("На долю Ирокиндинского рудника (Nordgold) пришлось 300 кг золота.", {"Nordgold"}),
    ("Добыча на руднике Светлый (Stanton Metals) выросла.", {"Stanton Metals"}),
    ("Добыча на Жаркентском руднике (Zharkent Gold Company) выросла.", {"Zharkent Gold Company"}),
    # ... but the mine's own name in Latin is no company
    ("Добыча на руднике Кумтор (Kumtor) выросла.", set()),
    ("Запасы медного рудника Оюу Толгой (Oyu Tolgoi) выросли.", set()),
])
def test_a_latin_name_in_brackets_after_a_mine_is_its_owner(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


@pytest.mark.parametrize("text,companies", [
    # a plant named by its place and what it makes, acting, is a company; its initials later are the same one
    ("Кировградский медеплавильный завод объявил о покупке рудника. КМЗ заплатит 2 млн рублей.",
     {"Kirovgradsky medeplavilny zavod"}),
    ("Сделку одобрил Ачинский глиноземный комбинат.", set()),
    ("Ачинский глиноземный комбинат подписал договор.", {"Achinsky glinozemny kombinat"}),
    # ... not a plant that is only spoken of
    ("Рядом построят Северный обогатительный завод для руды.", set()),
])
def test_an_acting_plant_and_its_initials_are_a_company(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


@pytest.mark.parametrize("text,deposits", [
    # an adjective name in -ное before the deposit word inside a sentence
    ("Комбинат построят на базе Холодного месторождения.", {"Kholodnoye": []}),
    ("Лицензии на Северное и Южное месторождения проданы.", {"Severnoye": [], "Yuzhnoye": []}),
    ("Лицензию на месторождение Совиное на Чукотке получила компания.", {"Sovinoye": []}),
    # ... not a kind or commodity adjective, not one that opens a sentence, not a part of a field
    ("Крупное месторождение золота нашли в Якутии.", {}),
    ("Полиметаллическое месторождение Холодное открыто в 1960 году.", {"Kholodnoye": []}),
    ("Компания разрабатывает Медное месторождение.", {}),
    ("Работы ведут на Восточном участке рудного поля.", {}),
])
def test_an_adjective_name_in_noye_before_the_deposit_word(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,companies", [
    # capitals cut by the end of the text are the company whose abbreviation they begin
    ("Покупателем стала УГМК. Напомним, что флагманским предприятием УГМ", {"UMMC"}),
    # ... but a whole abbreviation at the end is a company of its own
    ("Покупателем стала УГМК. Продавцом выступила компания ГРК", {"UMMC", "GRK"}),
])
def test_capitals_cut_by_the_end_of_the_text(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


@pytest.mark.parametrize("text,companies", [
    # capitals after a company word and right before a quoted name are the quoted company's form
    ("Рудник принадлежит дочерней компании НПО «Сибзолото».", {"Sibzoloto"}),
    ("Оператором стала компания МНПО «Уралкварц».", {"Uralkvarts"}),
    # ... capitals alone after a company word are the company
    ("Оператором стала компания УГРК, сообщили в ведомстве.", {"UGRK"}),
])
def test_capitals_before_a_quoted_name_are_its_form(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


@pytest.mark.parametrize("text,companies,deposits", [
    # a quoted name after ГРК or ГГК is a company, also when a deposit bears the name
    ("В ГРК «Быстринское» сообщили о запуске фабрики.", {"Bystrinskoye"}, {}),
    ("Лицензию получила ГГК «Орловка».", {"Orlovka"}, {}),
    # a bank or a holding's structure before a name is a company word
    ("Кредит на 5 млрд рублей выдал банк «Восточный».", {"Vostochny"}, {}),
    ("Проект ведет структура «Сибрудинвест» Ивана Петрова.", {"Sibrudinvest"}, {}),
    ("Банк ВТБ выдал кредит.", {"VTB"}, {}),
])
def test_grk_and_bank_words_before_a_company(text: str, companies: set[str], deposits: dict[str, list[str]]) -> None:
    assert _names(text, "company") == companies
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,companies", [
    # a quoted name after its owner's or shareholders' word is a company
    ("Сделку одобрили акционеры «Кызыл Шокы».", {"Kyzyl Shoky"}),
    ("Новым собственником «Ак Тобе Майнинг» стал фонд.", {"Ak Tobe Mining"}),
    ("Продавцом выступил владелец «Жолымбет Голд».", {"Zholymbet Gold"}),
    # ... but not one in the genitive of an adjective, whose nominative the text does not give
    ("Владелец «Березовского» продал актив.", set()),
])
def test_a_quoted_name_after_an_owner_word(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


def test_a_mine_named_by_a_known_deposits_adjective_is_that_deposit() -> None:
    assert _deposits("Добыча на Кумторском руднике в мае выросла.") == {"Kumtor": []}


@pytest.mark.parametrize("text,deposits", [
    # "Руда содержит" in the singular speaks of the deposit just named, as "Руды содержат" does
    ("Артель разрабатывает месторождение Кентобе. Руда содержит золото и серебро.", {"Kentobe": ["gold", "silver"]}),
    ("Артель разрабатывает месторождение Кентобе. Руды содержат медь.", {"Kentobe": ["copper"]}),
])
def test_the_ore_in_the_singular_speaks_of_the_deposit_just_named(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # the deposit word left out after a preposition and a kind adjective in the locative
    ("Работы идут на медном месторождении «Тайга» и на золоторудном «Светлое».",
     {"Tayga": ["copper"], "Svetloye": ["gold"]}),
    # "металлов"/"руд" after a commodity adjective between the deposit word and the names
    ("Месторождения редкоземельных металлов Сарыбай и Акшокы изучат.",
     {"Sarybay": ["rare earths"], "Akshoky": ["rare earths"]}),
])
def test_more_deposit_words_left_out_and_metals_after_a_commodity_adjective(
        text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,companies", [
    # a company named by adjectives and 'компания' in another case comes back in the nominative
    ("Это предприятие «Кызылординской горнорудной компании».", {"Kyzylordinskaya gornorudnaya kompaniya"}),
    # a name coined on 'медь' in any case, a consortium's quoted name, the place where people said something
    ("Подрядчиком выступает «Уралгидромедь».", {"Uralgidromed"}),
    ("Акции «Уралгидромеди» выросли в цене.", {"Uralgidromed"}),
    ("Проект реализует консорциум «Чара Метал».", {"Chara Metal"}),
    ("Как сообщили в «Жетыгара Майнинг», фабрика запущена.", {"Zhetygara Mining"}),
])
def test_more_company_names_in_quotes(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


@pytest.mark.parametrize("text,companies", [
    # a quoted name after a post is a company, in the genitive: its nominative comes back
    ("Гендиректор «Уралкварца» Иван Петров сообщил о росте добычи.", {"Uralkvarts"}),
    ("Председатель правления «Кызылтаса» ушел в отставку.", {"Kyzyltas"}),
    ("Глава «Северной меди» заявил о рекорде.", {"Severnaya med"}),
    ("В пресс-службе «Жетысу Голд» сообщили о запуске.", {"Zhetysu Gold"}),
    # ... not an adjective in the genitive, whose nominative the text does not give
    ("Глава «Березовского» заявил о рекорде.", set()),
])
def test_a_quoted_name_after_a_post(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


@pytest.mark.parametrize("text,deposits", [
    # a list one a line after a colon, each name with its commodities after a dash
    ("В перечень вошли месторождения:\n- Кокжиде — золото;\n- Сарыкамыс — медь, молибден.",
     {"Kokzhide": ["gold"], "Sarykamys": ["copper", "molybdenum"]}),
    # ... a line whose dash is followed by no commodity ends the list
    ("В перечень вошли месторождения:\n- Кокжиде — в Актюбинской области.", {}),
    # chemical symbols in brackets after a name in a sentence about deposits
    ("На торги выставят месторождения Тасжарган (Au) и Сарыкамыс (Cu, Mo).",
     {"Taszhargan": ["gold"], "Sarykamys": ["copper", "molybdenum"]}),
    # "Оба"/"Обе"/"Их запасы" speak of every deposit the sentence before named; not "Обе компании"
    ("Компания владеет месторождениями Тасжарган и Байтобе. Оба содержат золото.",
     {"Taszhargan": ["gold"], "Baytobe": ["gold"]}),
    ("Лицензии выданы на месторождения Тасжарган и Байтобе. Их запасы меди составляют 40 тыс. т.",
     {"Taszhargan": ["copper"], "Baytobe": ["copper"]}),
    ("Компании владеют месторождениями Тасжарган и Байтобе. Обе компании добывают золото.",
     {"Taszhargan": [], "Baytobe": []}),
    # the main metal, and a commodity before "здесь добывают", in the sentence after the deposit's
    ("Месторождение Тасжарган открыто в 1970 году. Основной металл — золото.", {"Taszhargan": ["gold"]}),
    ("Месторождение Тасжарган открыто в 1970 году. Основные полезные ископаемые — медь и цинк.",
     {"Taszhargan": ["copper", "zinc"]}),
    ("Месторождение Тасжарган открыто в 1970 году. Золото здесь добывают открытым способом.",
     {"Taszhargan": ["gold"]}),
])
def test_lists_symbols_plurals_and_the_main_metal(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # a name after ", а" (and "на"), a dash and its commodity, in a sentence about deposits
    ("На месторождениях Шолаккорган и Бурылтау добывают уран, а на Тасжаргане - молибден.",
     {"Sholakkorgan": ["uranium"], "Buryltau": ["uranium"], "Taszhargan": ["molybdenum"]}),
    ("Байтобе - медное месторождение, а Акшаткия - медно-золотое.",
     {"Baytobe": ["copper"], "Akshatkiya": ["copper", "gold"]}),
    ("На месторождении Байтобе добывают уран, а на Бестобе - золото.", {"Baytobe": ["uranium"], "Bestobe": ["gold"]}),
    # ... not a person or anything else after the dash
    ("Компания купила месторождение Байтобе, а Иван - директор.", {"Baytobe": []}),
])
def test_a_name_after_a_turn_and_a_dash_with_its_commodity(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # a name set off by commas as one of the deposits of a commodity
    ("Тасжарган, одно из крупнейших месторождений меди, продан.", {"Taszhargan": ["copper"]}),
    ("Байтобе, одно из старейших золоторудных месторождений, закрыто.", {"Baytobe": ["gold"]}),
    # ... not a company that is one of the companies
    ("Компания «Альфа», одна из крупнейших компаний, купила рудник.", {}),
])
def test_a_name_set_off_as_one_of_the_deposits(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,companies", [
    # a Latin company word alone after a name in Cyrillic capitals is no company of its own
    ("Источник: ТАЛКО Gold: как добывают золото.", {"TALCO"}),
    ("Акции KAZ Minerals выросли.", {"KAZ Minerals"}),
])
def test_a_latin_company_word_alone_is_no_company(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


def test_a_generic_word_before_a_company_named_before_is_that_company() -> None:
    text = ("Разведку провело предприятие «Тасжарган». Об этом сообщил глава «Предприятия Тасжарган» "
            "Иван Петров.")
    assert _names(text, "company") == {"Taszhargan"}


@pytest.mark.parametrize("text,companies", [
    # a quoted name with an English company word written in Cyrillic is a company with no cue before it
    ("Победителем аукциона стала «Тасжарган Голд».", {"Taszhargan Gold"}),
    ("Соглашение с «Сарыкамыс Майнинг» подписано вчера.", {"Sarykamys Mining"}),
    ("Доля «Акшат Ресорсиз» в проекте составляет 51%.", {"Akshat Resources"}),
    # ... not a quoted name whose words are Russian
    ("На руднике «Северный Ключ» добыто 2 т золота.", set()),
])
def test_a_quoted_name_with_an_english_company_word(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


@pytest.mark.parametrize("text,companies", [
    # unquoted capitalised words ending in English company words written in Cyrillic are a company
    ("Тасжарган Голд сообщила о росте добычи.", {"Taszhargan Gold"}),
    ("Акции Сарыкамыс Майнинг выросли на 5%.", {"Sarykamys Mining"}),
    ("Проект ведет Акшат Голд Компани.", {"Akshat Gold Company"}),
    # ... not a country's or a place's word before them
    ("В Казахстане Голд добывают давно.", set()),
])
def test_unquoted_words_ending_in_an_english_company_word(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


@pytest.mark.parametrize("text,deposits", [
    # two commodity stems joined by 'о' in one word: each is a commodity of the deposit
    ("На золотосеребряном месторождении Тасжарган добыто 3 т металла.", {"Taszhargan": ["gold", "silver"]}),
    ("Компания разрабатывает медноникелевое месторождение Сарыбулак.", {"Sarybulak": ["copper", "nickel"]}),
    # ... not a stem joined to a word that names no commodity
    ("Золоторудное месторождение Тасжарган продано.", {"Taszhargan": ["gold"]}),
    ("Медноколчеданное месторождение Сарыбулак готовят к освоению.", {"Sarybulak": ["copper"]}),
])
def test_commodity_stems_joined_in_one_word(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,companies", [
    # a legal form closing a line is no legal form of the next line's first word
    ("Общественно-политическая газета Ненецкого АО\n\nДобыча золота в регионе выросла на 5%.", set()),
    ("Новости ООО\nПредприятие начало добычу.", set()),
    # ... as one on the same line is
    ("Лицензию получило ТОО Тасжарган Голд в прошлом году.", {"Taszhargan Gold"}),
])
def test_a_legal_form_names_no_word_on_the_next_line(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


@pytest.mark.parametrize("text,deposits", [
    # the letters of a kind of raw material after a deposit word are no deposit's name
    ("Правила разработки месторождений ТПИ изменят в этом году.", {}),
    ("Компания ищет месторождения РЗМ на востоке страны.", {}),
])
def test_letters_of_a_kind_of_raw_material_are_no_deposit(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # a deposit word with a commodity and no name: the deposit named first after it, in the two sentences
    # after, when the text ties that one to no commodity of its own
    ("В регионе начнется освоение крупного месторождения вольфрама. Об этом сообщил министр. "
     "Освоением Тасжарганского месторождения займется «Сарыбулак», который ведет работы на "
     "Акшатском и Кокжидинском месторождениях.",
     {"Taszharganskoye": ["tungsten"], "Akshatskoye": [], "Kokzhidinskoye": []}),
    # ... not one the text ties to its own commodities
    ("В регионе нашли месторождение вольфрама. Об этом сообщил министр. На Тасжарганском "
     "месторождении добывают золото, а на Акшатском месторождении - медь.",
     {"Taszharganskoye": ["gold"], "Akshatskoye": ["copper"]}),
])
def test_a_nameless_deposit_word_names_the_deposit_after_it(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # a river's name of two words after a word of size or side is the deposit's whole name
    ("Аукцион пройдет по месторождению реки Малый Тасжарган.", {"Maly Taszhargan": []}),
    ("Артель добывает золото на россыпи ручья Верхний Сарыбулак.", {"Verkhny Sarybulak": ["gold"]}),
    # ... also past the kind of gold between the deposit word and the river
    ("По месторождению россыпного золота реки Большой Тасжарган учтены запасы.", {"Bolshoy Taszhargan": ["gold"]}),
    ("Лицензия на россыпь ручья Тасжарган выдана.", {"Taszhargan": []}),
])
def test_a_river_name_of_two_words(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,companies", [
    # a mine's word before a name in quotes of their own is part of the company's name, as in one pair of quotes
    ("ООО «Рудник «Тасжарган» добыло 2 т золота.", {"Rudnik Taszhargan"}),
    ("ООО «Рудник Тасжарган» добыло 2 т золота.", {"Rudnik Taszhargan"}),
    # ... not a company's form or kind
    ("Об этом сообщило АО «НАК «Тасжарган».", {"Taszhargan"}),
])
def test_a_mine_word_before_a_quoted_name_is_part_of_it(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


@pytest.mark.parametrize("text,companies", [
    # a place's adjective before the letters of a company's kind is a company, named in the nominative
    ("Лицензию получила Тасжарганская ГРК.", {"Taszharganskaya GRK"}),
    ("Акционеры Сарыбулакской ГГК одобрили сделку.", {"Sarybulakskaya GGK"}),
    # ... not a country's adjective, nor the kind of a quoted name
    ("Казахстанская ГРК начала работу.", set()),
    ("Тасжарганская ГРК «Сарыбулак» начала работу.", {"Sarybulak"}),
])
def test_a_place_adjective_before_a_company_kind(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


@pytest.mark.parametrize("text,companies", [
    # a plant named by its place and what it makes is a company when it acts, also past its place in brackets
    ("Тасжарганский горно-обогатительный комбинат ( Карелия ) приступил к освоению месторождения.",
     {"Taszhargansky gorno-obogatitelny kombinat"}),
    ("Сарыбулакский цинковый завод (Оренбургская область) увеличил выпуск.", {"Sarybulaksky tsinkovy zavod"}),
    # ... not a plant that does not act
    ("Строительство Тасжарганского горно-обогатительного комбината ( Карелия ) завершено.", set()),
])
def test_an_acting_plant_past_its_place_in_brackets(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


@pytest.mark.parametrize("text,companies", [
    # development banks and the region's big banks that lend to mines are companies
    ("Кредит предоставил Государственный банк развития Китая.", {"China Development Bank"}),
    ("Проект поддержали Евразийский банк развития и ЕБРР.", {"Eurasian Development Bank", "EBRD"}),
    ("Проект финансирует Банк развития Казахстана, кредит выдал Сбербанк.", {"Development Bank of Kazakhstan", "Sberbank"}),
])
def test_banks_that_lend_to_mines(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


def test_joined_commodity_stems_are_each_a_commodity_and_tn_is_tonnes() -> None:
    out = _contract("Компания разрабатывает уранованадиевое месторождение. Запасы составляют 22 тыс. тн свинца.")
    assert {e["name"] for e in out["entities"] if e["kind"] == "commodity"} == {"uranium", "vanadium", "lead"}
    assert [(f["value"], f["unit"]) for f in out["facts"] if f["type"] == "quantity"] == [(22000, "t")]


@pytest.mark.parametrize("text,quantities", [
    # numbers joined by 'и' before the one with the unit share it, and its multiplier when they have none
    ("Содержание золота оценивается в 6,6 и 4,8 грамма на тонну руды соответственно.", {(6.6, "g/t"), (4.8, "g/t")}),
    ("Запасы составляют 20 и 30 млн тонн.", {(20e6, "t"), (30e6, "t")}),
    ("Добыто 5, 7 и 10 тонн.", {(5, "t"), (7, "t"), (10, "t")}),
    # ... not years before the unit's number
    ("В 2019 и 2020 годах добыто 10 тонн.", {(10, "t")}),
    # kilograms are tonnes too, in tonnes
    ("Артель добыла 317,250 кг золота, а на участке учтено 286 килограммов.", {(0.31725, "t"), (0.286, "t")}),
    ("Добыто 130 и 187 кг золота.", {(0.13, "t"), (0.187, "t")}),
])
def test_joined_numbers_share_the_unit(text: str, quantities: set[tuple[float, str]]) -> None:
    assert {(f["value"], f["unit"]) for f in _contract(text)["facts"] if f["type"] == "quantity"} == quantities


@pytest.mark.parametrize("text,companies", [
    # a known name whose last hyphenated part declines: the gazetteer's company in any case
    ("Компания входит в структуру «Самрук-Казыны».", {"Samruk-Kazyna"}),
    ("Внучка «Самрук-Казыны» представила проект.", {"Samruk-Kazyna"}),
    # ... and whose compound adjective in small letters declines by its last part
    ("Мурунтау разрабатывается Навоийским горно-металлургическим комбинатом.", {"Navoi Mining and Metallurgical Company"}),
    ("Акции Алмалыкского горно-металлургического комбината подорожали.", {"Almalyk MMC"}),
    # a quoted name of adjectives and 'компания' in another case, given in the nominative
    ('Холдинг учредил "Сарыбулакскую никелевую компанию " для нового проекта.', {"Sarybulakskaya nikelevaya kompaniya"}),
    ("Акции перешли «Тасжарганской рудной компании».", {"Taszharganskaya rudnaya kompaniya"}),
])
def test_declined_known_and_quoted_adjective_companies(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


@pytest.mark.parametrize("text,deposits", [
    # a list after a lead-in: "в том числе", "такие как", "включая"
    ("Проверка коснется ряда месторождений, в том числе Тасжарган, Сарыбулак и Акшат, расположенных в области.",
     {"Taszhargan": [], "Sarybulak": [], "Akshat": []}),
    ("Компания продает месторождения меди, такие как Тасжарган и Сарыбулак.", {"Taszhargan": ["copper"], "Sarybulak": ["copper"]}),
    # ... not a name after a preposition in the lead-in
    ("Компания работает на месторождениях, в том числе на Тасжаргане.", {}),
    # one name set off by a dash and a comma and a dash; the commodity of a turn that names no deposit is its own
    ("Второе месторождение — Тасжарган, — требует 90 млрд тенге, а выпуск составит 4,5 тыс. тонн вольфрама в год.",
     {"Taszhargan": ["tungsten"]}),
    # the commodity of the reserves right before a deposit word with no name is the deposit named before
    ("Начат запуск месторождения Тасжарган. По оценкам, запасы меди на месторождении составляют 146 тыс. тонн, золота - 23 тонны.",
     {"Taszhargan": ["copper", "gold"]}),
    ("Лицензию на месторождение Сарыбулак продадут. По состоянию на 1 января запасы россыпного золота месторождения "
     "учтены в количестве 80 кг.", {"Sarybulak": ["gold"]}),
    # ... not a kind adjective before the nameless word: that other deposit's
    ("Месторождение Тасжарган лежит рядом со свинцово-цинковым месторождением.", {"Taszhargan": []}),
])
def test_list_lead_ins_dashes_and_reserves_before_a_nameless_deposit_word(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,companies", [
    # a quoted name in the genitive after an owner's or structure's word is the company in the nominative
    ("Структура «Сарыбулакхима» разрабатывает месторождение.", {"Sarybulakkhim"}),
    ("Собственник «Тасжаргана» продал долю.", {"Taszhargan"}),
    # ... a known one as the gazetteer names it, a bank's name as written
    ("Акционеры «Полиметалла» одобрили сделку.", {"Polymetal"}),
    ("Банк «Восточный» выдал кредит.", {"Vostochny"}),
])
def test_a_quoted_name_after_an_owner_word_in_the_nominative(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


@pytest.mark.parametrize("text,deposits", [
    # two position adjectives sharing one name: each is a deposit of its own with it
    ("Компания разрабатывает месторождения Северный и Южный Тасжарган.", {"Severny Taszhargan": [], "Yuzhny Taszhargan": []}),
    # ... not adjectives of a part's word
    ("Бурение ведется на месторождении Тасжарган. Месторождение Северный и Южный участки.", {"Taszhargan": []}),
])
def test_position_adjectives_sharing_a_name(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,companies", [
    # more of the region's miners and their partners in the gazetteer, in any case, with no quotes or cue
    ("Акции Баррик Голд и Кинросса выросли.", {"Barrick Gold", "Kinross Gold"}),
    ("Совместное предприятие Казатомпрома и Камеко.", {"Kazatomprom", "Cameco"}),
    ("Норникель и Русская платина создают СП, Удоканская медь начала добычу.", {"Nornickel", "Russian Platinum", "Udokan Copper"}),
    ("Тау-Кен Алтын получил концентрат, СП с ТВЕА расширяется.", {"Tau-Ken Altyn", "TBEA"}),
    # a quoted name the gazetteer holds whole is that one, not a longer name built on its first word
    ("Корпорации «Кинросс Голд» принадлежит 75 процентов акций.", {"Kinross Gold"}),
])
def test_more_miners_in_the_gazetteer(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


def test_udokan_copper_is_a_company_not_the_deposit() -> None:
    assert _deposits("Удоканская медь начала добычу руды.") == {}


@pytest.mark.parametrize("text,deposits", [
    # a compound of commodities or a commodity and a kind between the deposit word and its name, before 'руд'
    ("Месторождение золото-урановых руд Тасжарган.", {"Taszhargan": ["gold", "uranium"]}),
    ("Лицензия на месторождение медно-порфировых руд Сарыбулак.", {"Sarybulak": ["copper"]}),
    # precious or non-ferrous metals between them: a deposit, tied to no one commodity
    ("Месторождение драгоценных металлов Тасжарган выставят на торги.", {"Taszhargan": []}),
    # ... not other words between
    ("Месторождение очень хороших руд Тасжарган.", {}),
])
def test_compound_kinds_between_the_deposit_word_and_its_name(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,companies", [
    # a known name's later words also in capitals, and a known company's Latin name
    ("Компания «Русская Платина» начала добычу.", {"Russian Platinum"}),
    ("Рудник принадлежит Kinross и Barrick.", {"Kinross Gold", "Barrick Gold"}),
])
def test_known_names_in_capitals_and_latin(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


@pytest.mark.parametrize("text,deposits", [
    # a placer ('россыпь') is a deposit word; 'недр' between 'участок' and its name
    ("Компания разрабатывает россыпь Тасжарган.", {"Taszhargan": []}),
    ("Участок недр Сарыбулак передан компании.", {"Sarybulak": []}),
    # ... not the adjective of placer gold
    ("Компания добывает россыпное золото в районе.", {}),
])
def test_placers_and_subsoil_plots(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,companies", [
    # an artel of prospectors before a quoted name is a company word
    ("Лицензию получила артель старателей «Тасжарган».", {"Taszhargan"}),
    ("Больше всего добыли артели «Сарыбулак».", {"Sarybulak"}),
    # the parent after 'дочка' stands in the genitive; a quoted name acts past a bracket, also with 'начала'
    ("«Кокжиде» (дочка «Сарыбулака») начала добычу.", {"Kokzhide", "Sarybulak"}),
])
def test_artels_parents_and_acting_names_past_a_bracket(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


@pytest.mark.parametrize("text,deposits", [
    # a deposit 'of the same name' bears the name of the company named last before it in its sentence
    ("ТОО «Сарыбулак» разрабатывает одноименное месторождение золота в области.", {"Sarybulak": ["gold"]}),
    ("Холдинг приобрел ТОО «Тасжарган», которое разрабатывает одноименное медное месторождение.", {"Taszhargan": ["copper"]}),
    # ... not a company in brackets or the owner of the one named; a mine's company names the deposit by its adjective
    ("Компания «Тасжарган» (дочка «Сарыбулака»), отвечающая за разработку одноименного месторождения, отчиталась.",
     {"Taszhargan": []}),
    ("ТОО «Тасжарган», дочернее предприятие холдинга «Сарыбулак», построит ГОК на одноимённом месторождении.",
     {"Taszhargan": []}),
    ("«Акшатский рудник» на одноименном месторождении произвел 996 кг золота.", {"Akshatskoye": ["gold"]}),
])
def test_a_deposit_of_the_same_name_as_its_company(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # a kind adjective before a named deposit word is that deposit's alone
    ("Месторождение Тасжарган находится рядом с золоторудным месторождением Сарыбулак.", {"Taszhargan": [], "Sarybulak": ["gold"]}),
    ("Месторождение Тасжарган расположено в 20 км от медного рудника Сарыбулак.", {"Taszhargan": [], "Sarybulak": ["copper"]}),
    # a commodity's price, market or producer ties it to no deposit
    ("Цены на золото выросли, и компания решила продать месторождение Тасжарган.", {"Taszhargan": []}),
    ("Крупнейший производитель меди купил месторождение Тасжарган.", {"Taszhargan": []}),
    # a turn about the country is no turn about the deposit named before it
    ("Инвестиции в месторождение Тасжарган составят 100 млн долларов, а производство золота в стране вырастет.",
     {"Taszhargan": []}),
    # ... while the deposit's own commodity still is
    ("Компания добывает медь на месторождении Тасжарган.", {"Taszhargan": ["copper"]}),
])
def test_commodities_that_tie_no_deposit(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # more of the region's deposits in the gazetteer, tied to the commodity they are worked for
    ("Компания увеличила добычу урана на Моинкуме.", {"Moinkum": ["uranium"]}),
    ("Сырымбет продан, запасы олова выросли.", {"Syrymbet": ["tin"]}),
    ("На Большом Кони-Мансуре нашли серебро.", {"Bolshoy Koni-Mansur": ["silver"]}),
    # a Polymetal 'hub' named after a deposit is no deposit
    ("Запасы Дукатского хаба выросли, а на Албазинском хабе добыто золото.", {}),
])
def test_more_deposits_in_the_gazetteer_and_hubs(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,companies", [
    # an English word inside a name joined of capitalised parts comes back in English
    ("Учредителем является ТОО «ТасМайнинг Групп».", {"TasMining Group"}),
    ("Лицензию получило ООО «СарыПроМайнинг».", {"SaryProMining"}),
])
def test_english_words_inside_joined_names(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


@pytest.mark.parametrize("text,deposits", [
    # a nameless 'рудник' speaks of the deposit named before, as 'месторождение' does
    ("На месторождении Тасжарган введена фабрика. Ежегодно на руднике планируется добыть 13 т золота.", {"Taszhargan": ["gold"]}),
    # the mining 'на нём' inside a sentence speaks of the deposit just named
    ("Рядом находится месторождение Сарыбулак. Контракт на добычу на нём меди подписан в 2019 году.", {"Sarybulak": ["copper"]}),
])
def test_a_nameless_mine_and_mining_on_it(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,companies", [
    # a person after a bare legal form is no company; a quoted outlet that 'reported' is none
    ("По словам гендиректора ЗАО Джеймса Салливана, фабрика заработает.", set()),
    ("На сайте «ТасжарганДВ» сообщалось, что компания «Сарыбулак» владеет лицензией.", {"Sarybulak"}),
    # a Latin name after a bare legal form ends at the sentence's dot
    ("Проект реализует дочерняя компания АО Altyn Samruk Qazaqstan. Об этом сообщает корреспондент.",
     {"Altyn Samruk Qazaqstan"}),
])
def test_people_after_a_legal_form_and_outlets(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


@pytest.mark.parametrize("text,deposits", [
    # the code reserves are counted by is no deposit's name
    ("Компания разрабатывает месторождение Тасжарган. Ресурсы месторождения по JORC составляют 1,2 млн унций золота.",
     {"Taszhargan": ["gold"]}),
    ("Запасы месторождения по KAZRC выросли.", {}),
])
def test_reporting_codes_are_no_deposits(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # where a deposit is the largest (the country, the world, the region) between its adjectives and the deposit word
    ("Тасжарган — крупнейшее в стране месторождение меди.", {"Taszhargan": ["copper"]}),
    ("Тасжарган является крупнейшим в Казахстане месторождением урана.", {"Taszhargan": ["uranium"]}),
    ("Сарыбулак — одно из крупнейших в мире месторождений олова.", {"Sarybulak": ["tin"]}),
    # ... not another place
    ("Тасжарган — крупнейшее в Карагандинской области месторождение меди.", {}),
])
def test_where_a_deposit_is_the_largest(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # one deposit set off by commas and described by its own adjectives and the deposit word
    ("Тасжарган, крупнейшее неосвоенное месторождение олова, продан компании.", {"Taszhargan": ["tin"]}),
    ("Сарыбулак, крупнейшее в регионе золоторудное месторождение, выставлен на торги.", {"Sarybulak": ["gold"]}),
    # ... not a company described so
    ("Тасжарган, крупнейшее горнорудное предприятие, отчитался.", {}),
])
def test_one_deposit_set_off_by_commas(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # a sentence's one commodity inside a relative or participial clause is that clause's deposits' alone
    ("Компания, которая добывает золото на месторождении Сарыбулак, купила месторождение Тасжарган.",
     {"Sarybulak": ["gold"], "Taszhargan": []}),
    ("Компания, добывающая медь на месторождении Сарыбулак, купила месторождение Тасжарган.",
     {"Sarybulak": ["copper"], "Taszhargan": []}),
    # ... while deposits the clause speaks of from outside still share it
    ("Месторождения Тасжарган и Сарыбулак, которые компания купила в 2020 году, содержат золото.",
     {"Taszhargan": ["gold"], "Sarybulak": ["gold"]}),
])
def test_a_relative_clause_keeps_its_commodity(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # a turn to another deposit's clause after ', а', quoted or after its deposit word: its commodity is its own
    ("Месторождения «Тасжарган» и «Сарыбулак» содержат медь, а «Акшат» — золото.",
     {"Taszhargan": ["copper"], "Sarybulak": ["copper"], "Akshat": ["gold"]}),
    ("Месторождение Тасжарган богато медью, а месторождение Кокжиде — золотом.", {"Taszhargan": ["copper"], "Kokzhide": ["gold"]}),
    # ... not 'а также'
    ("Месторождение Тасжарган содержит медь, а также золото.", {"Taszhargan": ["copper", "gold"]}),
])
def test_what_a_deposit_holds_stops_at_another_named_deposit(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # more ways a sentence opens with the reserves of the deposit just named
    ("Компания купила месторождение Тасжарган. Объем запасов составляет 50 т золота.", {"Taszhargan": ["gold"]}),
    ("Компания купила месторождение Тасжарган. Утвержденные запасы составляют 50 т золота.", {"Taszhargan": ["gold"]}),
    ("Компания купила месторождение Тасжарган. По данным компании, запасы составляют 50 т золота.", {"Taszhargan": ["gold"]}),
    ("Компания купила месторождение Тасжарган. В 2020 году запасы золота выросли до 50 т.", {"Taszhargan": ["gold"]}),
    # ... not the country's
    ("Компания купила месторождение Тасжарган. По данным министерства, запасы меди в Казахстане выросли.", {"Taszhargan": []}),
])
def test_more_openings_with_the_reserves(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # what the ore of the deposit just named holds, with more verbs of holding
    ("Компания купила месторождение Тасжарган. В руде также присутствуют серебро и золото.", {"Taszhargan": ["silver", "gold"]}),
    ("Компания купила месторождение Тасжарган. В руде обнаружены высокие содержания меди.", {"Taszhargan": ["copper"]}),
])
def test_more_verbs_of_what_the_ore_holds(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # a feminine name of the gazetteer (a pipe: "Удачная") is not a neuter or masculine one of the same stem
    ("Из россыпного участка Удачный компания добыла 330 кг золота.", {"Udachny": ["gold"]}),
    # ... while its own case forms still are
    ("На кимберлитовой трубке Юбилейная добыли алмазы.", {"Jubilee": ["diamonds"]}),
])
def test_a_gazetteer_adjective_keeps_its_gender(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # a later sentence on the deposit just named through its pronoun: its reserves with adjectives, its depths, its ores
    ("Компания купила месторождение Тасжарган. Его балансовые запасы составляют 40 т золота.", {"Taszhargan": ["gold"]}),
    ("Запасы золота на месторождении Тасжарган составляют 40 т. Кроме того, в его недрах содержится 90 т серебра.",
     {"Taszhargan": ["gold", "silver"]}),
    ("Компания купила месторождение Тасжарган. В его рудах также есть медь.", {"Taszhargan": ["copper"]}),
    # ... the one named last before it
    ("Компания купила месторождение Тасжарган и месторождение Кокжиде. Помимо этого, в его недрах найдено серебро.",
     {"Taszhargan": [], "Kokzhide": ["silver"]}),
])
def test_a_later_sentence_on_the_deposit_through_its_pronoun(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # placer gold of a creek or river with no deposit word, and a list of them, each item opening with its river's word
    ("Дальнедра проведут аукцион на россыпное золото ручья Кедровый.", {"Kedrovy": ["gold"]}),
    ("На торги выставлены объекты россыпного золота: река Тумара; ручьи Большой и Малый Кедровый; ручей Светлый.",
     {"Tumara": ["gold"], "Svetly": ["gold"]}),
    ("Месторождения россыпного золота ручей Кедровый и река Тумара выставлены на торги.",
     {"Kedrovy": ["gold"], "Tumara": ["gold"]}),
    # ... not a river named in passing
    ("Россыпное золото добывают в бассейне реки Тумара.", {}),
])
def test_placers_of_creeks_and_rivers(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # a table of deposits: the rows under a header whose first cell is the deposit word, with the text's one commodity
    ("Роснедра выставят на торги россыпное золото.\nНаименование месторождения | Платеж, млн руб. |\n"
     "Кедровый | 2,5 |\nТумара и Светлый | 1,1 |\nБассейн реки Колба | 0,6 |\nИсточник: ведомство",
     {"Kedrovy": ["gold"], "Tumara": ["gold"], "Svetly": ["gold"]}),
    # ... with no link when the text names several commodities
    ("Аукцион на медь и золото.\nУчасток | Запасы |\nКедровый | 5 т |", {"Kedrovy": []}),
    # ... and no table of another kind
    ("Компания | Добыча, т |\nКедровый | 5 |", {}),
])
def test_a_table_of_deposits(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # a nameless deposit word opening the sentence after one that ends with a deposit's name speaks of that deposit
    ("Компания купила месторождение Тасжарган. Месторождение будет давать 3 т золота в год.", {"Taszhargan": ["gold"]}),
    ("Компания купила месторождение Тасжарган. Месторождение разрабатывается открытым способом и содержит медь.",
     {"Taszhargan": ["copper"]}),
    # ... while an adjective's name right before the word is still that deposit's own
    ("Компания купила Тасжарганское месторождение.", {"Taszharganskoye": []}),
])
def test_a_deposit_word_after_a_sentence_ending_in_a_name(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # a sentence opening with the reserves of the deposit just named, with any adjectives before them
    ("Компания купила месторождение Тасжарган. Оценочные запасы золота — 30 т.", {"Taszhargan": ["gold"]}),
    ("Компания купила месторождение Тасжарган. Общие геологические запасы составляют 30 т меди.", {"Taszhargan": ["copper"]}),
    # ... not the world's or a country's
    ("Компания купила месторождение Тасжарган. Мировые запасы меди сокращаются.", {"Taszhargan": []}),
    ("Компания купила месторождение Тасжарган. Казахстанские запасы урана велики.", {"Taszhargan": []}),
])
def test_reserves_with_any_adjectives(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # the deposit word left out after its kind adjective in the instrumental or genitive
    ("Компания владеет медным месторождением Тасжарган и золоторудным Кокжиде.", {"Taszhargan": ["copper"], "Kokzhide": ["gold"]}),
    ("Компания купила долю медного месторождения Тасжарган и золоторудного Кокжиде.",
     {"Taszhargan": ["copper"], "Kokzhide": ["gold"]}),
    # chemical symbols joined by a hyphen in brackets, which are no company
    ("Месторождение Тасжарган (Au-Cu) продано.", {"Taszhargan": ["gold", "copper"]}),
])
def test_elided_deposit_words_and_joined_symbols(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits
    assert _names(text, "company") == set()


def test_rare_earths_in_two_words() -> None:
    text = "Кроме золота на месторождении Тасжарган добывают серебро, редкие земли и уран."
    assert {k: set(v) for k, v in _deposits(text).items()} == {"Taszhargan": {"gold", "silver", "rare earths", "uranium"}}


@pytest.mark.parametrize("text,deposits", [
    # a place's clause after a comma with no 'а': its commodity is its own, not the deposits' before it
    ("На месторождениях Тасжарган и Сарыбулак добывают медь, на Акжале — золото.",
     {"Taszhargan": ["copper"], "Sarybulak": ["copper"], "Akzhal": ["gold"]}),
    # what the deposit is, after a dash and 'это'
    ("Тасжарган — это месторождение меди.", {"Taszhargan": ["copper"]}),
    # a sentence on the deposits the one before named: their reserves with adjectives, the reserves 'на них'
    ("Компания купила месторождения Тасжарган и Кокжиде. Их суммарные запасы золота — 30 т.",
     {"Taszhargan": ["gold"], "Kokzhide": ["gold"]}),
    ("Компания купила месторождения Тасжарган и Кокжиде. Запасы золота на них оцениваются в 30 т.",
     {"Taszhargan": ["gold"], "Kokzhide": ["gold"]}),
    # a sentence that says what the deposit just named is: "Это ... месторождение"
    ("Компания купила месторождение Тасжарган. Это крупнейшее медное месторождение региона.", {"Taszhargan": ["copper"]}),
    ("Компания купила месторождение Тасжарган. Это золоторудное месторождение с запасами 30 т.", {"Taszhargan": ["gold"]}),
    # ... while a kind adjective before a nameless deposit word elsewhere still describes that other deposit
    ("Компания купила месторождение Тасжарган рядом со свинцово-цинковым месторождением.", {"Taszhargan": []}),
])
def test_more_ways_a_commodity_is_told_of_a_deposit(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # a kind adjective on a nameless deposit word before any deposit is named: the deposit named next
    ("Компания приобрела золотосеребряное месторождение на Колыме. Компания сообщает о покупке месторождения Тасжарган.",
     {"Taszhargan": ["gold", "silver"]}),
    # ... not one a deposit named before stands near, nor one the text ties to its own commodity
    ("Компания купила месторождение Тасжарган рядом со свинцово-цинковым месторождением.", {"Taszhargan": []}),
    ("Компания купила медное месторождение. Кроме того, она владеет месторождением Тасжарган, где добывают золото.",
     {"Taszhargan": ["gold"]}),
])
def test_a_kind_adjective_ahead_of_the_deposits_name(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # a sentence on "these deposits" speaks of every deposit the sentence before named
    ("Компания владеет месторождениями Тасжарган и Кокжиде. Суммарные запасы золота на этих месторождениях — 50 т.",
     {"Taszhargan": ["gold"], "Kokzhide": ["gold"]}),
    ("Компания владеет месторождениями Тасжарган и Кокжиде. Общие запасы меди двух месторождений — 2 млн т.",
     {"Taszhargan": ["copper"], "Kokzhide": ["copper"]}),
    # ... not the country's
    ("Компания владеет месторождениями Тасжарган и Кокжиде. Запасы меди всех месторождений Казахстана растут.",
     {"Taszhargan": [], "Kokzhide": []}),
])
def test_a_sentence_on_these_deposits(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # the resources with any adjectives, and the resource potential, opening a sentence after the deposit just named
    ("Компания купила месторождение Тасжарган. Ресурсный потенциал оценивается в 30 т золота.", {"Taszhargan": ["gold"]}),
    ("Компания купила месторождение Тасжарган. Геологические ресурсы составляют 30 т золота.", {"Taszhargan": ["gold"]}),
])
def test_resources_and_their_potential(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,companies", [
    # a quoted name after a dash that closes a company's word and a few small words
    ("Корпорация зарегистрировала предприятие для участия в проектах — «Тасжарганметалл», основным видом деятельности "
     "которого является добыча руды.", {"Taszharganmetall"}),
    ("Разработкой займется дочерняя компания — «Кокжиде Майнинг».", {"Kokzhide Mining"}),
    # ... not speech after a dash
    ("Компания сообщила — «Мы планируем начать добычу в 2025 году».", set()),
])
def test_a_quoted_name_after_a_dash(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


@pytest.mark.parametrize("text,deposits", [
    # a sentence opening with the planned output of the mine on the deposit just named
    ("На месторождении Тасжарган начали строительство ГОКа. Комбинат будет производить 100 тыс. т меди в год.",
     {"Taszhargan": ["copper"]}),
    ("Компания начала добычу на месторождении Тасжарган. Проектная мощность — 3 т золота в год.", {"Taszhargan": ["gold"]}),
    # ... not the company's whole output, nor a country's
    ("Компания начала добычу на месторождении Тасжарган. Предприятие будет добывать 3 т золота в год.", {"Taszhargan": []}),
    ("Компания начала добычу на месторождении Тасжарган. Годовая добыча золота в Казахстане выросла.", {"Taszhargan": []}),
])
def test_the_planned_output_of_the_deposits_mine(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # a region's or country's clause after a comma is no deposit, and its commodity is no deposit's before it
    ("На месторождениях Сибири добывают золото, на Урале — медь.", {}),
    ("На месторождении Тасжарган добывают золото, в Казахстане — медь.", {"Taszhargan": ["gold"]}),
    ("На месторождении Тасжарган добывают золото, на Чукотке — серебро.", {"Taszhargan": ["gold"]}),
    # ... also after ', а'
    ("На месторождении Тасжарган добывают золото, а на Урале — медь.", {"Taszhargan": ["gold"]}),
])
def test_a_regions_clause_after_a_comma(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # a nameless deposit word with its commodity before the text's only named deposit is that one only when the text
    # ties it to no commodity of its own (a headline's other deposit)
    ("В Казахстане нашли новое месторождение золота\nМинистр сообщил о запасах вольфрама на месторождении Тасжарган.",
     {"Taszhargan": ["tungsten"]}),
    ("В Казахстане продадут месторождение золота\nАукцион по месторождению Тасжарган пройдет в мае.", {"Taszhargan": ["gold"]}),
    # ... while one after it is still the only deposit's
    ("Компания купила месторождение Тасжарган. Запасы меди на месторождении — 2 млн т.", {"Taszhargan": ["copper"]}),
])
def test_a_nameless_deposit_before_the_only_named_one(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # a commodity mined in a country or region, with no deposit named right after the place, is no deposit's
    ("Компания купила месторождение Тасжарган за 10 млн долларов, а также инвестирует в добычу меди на Урале.",
     {"Taszhargan": []}),
    ("Компания добывает медь в Казахстане и купила месторождение Тасжарган в Кыргызстане.", {"Taszhargan": []}),
    # ... while one named right after the place, or a deposit's own kind before the place, still is
    ("Компания добывает золото в Амурской области на месторождении Тасжарган.", {"Taszhargan": ["gold"]}),
    ("Компания покупает долю в месторождении олова в Казахстане. Речь идет о месторождении Тасжарган.",
     {"Taszhargan": ["tin"]}),
])
def test_a_commodity_mined_in_a_place(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text", [
    # a sentence on every deposit of a list the sentence before named, by more openings
    "Компания владеет месторождениями Тасжарган и Кокжиде. Все два месторождения золоторудные.",
    "Компания владеет месторождениями Тасжарган и Кокжиде. Все они золоторудные.",
    "Компания владеет месторождениями Тасжарган и Кокжиде. На всех двух добывают золото.",
    "Компания владеет месторождениями Тасжарган и Кокжиде. На них добывают золото.",
    "Компания владеет месторождениями Тасжарган и Кокжиде. В их рудах содержится золото.",
])
def test_a_sentence_on_every_deposit_of_a_list(text: str) -> None:
    assert _deposits(text) == {"Taszhargan": ["gold"], "Kokzhide": ["gold"]}


def test_they_of_people_is_no_list_of_deposits() -> None:
    text = "Компания владеет месторождениями Тасжарган и Кокжиде. Все они добывают золото, заявили акционеры."
    assert _deposits(text) == {"Taszhargan": [], "Kokzhide": []}


@pytest.mark.parametrize("text,deposits", [
    # a deposit inside a clause set off by commas is not the owner of a commodity outside it
    ("Месторождение Тасжарган, расположенное рядом с месторождением Кокжиде, обладает запасами меди в 2 млн т.",
     {"Taszhargan": ["copper"], "Kokzhide": []}),
    ("Месторождение Тасжарган, которое граничит с месторождением Кокжиде, содержит медь.",
     {"Taszhargan": ["copper"], "Kokzhide": []}),
    # ... while deposits listed outside any such clause still share it
    ("Месторождения Тасжарган и Кокжиде содержат медь.", {"Taszhargan": ["copper"], "Kokzhide": ["copper"]}),
])
def test_a_deposit_inside_a_clause_owns_no_commodity_outside_it(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


def test_the_mongolian_long_yu_is_one_yu_in_latin() -> None:
    from orewire.facts.ru.translit import translit

    assert translit("Оюут") == "Oyut"
    assert translit("Оюун-Эрдэнэ") == "Oyun-Erdene"
    assert translit("Юлия Юдина") == "Yuliya Yudina"  # no long vowel: as before
    assert _deposits("Компания ведет разведку на месторождении Оюут в Монголии, оно содержит медь.") == {"Oyut": ["copper"]}


@pytest.mark.parametrize("text,deposits", [
    # an adjective and the word of a hill or ridge in small letters are one name, in any case
    ("Компания начала добычу на месторождении Лысая гора. Запасы золота Лысой горы — 20 т.", {"Lysaya Gora": ["gold"]}),
    ("Аукцион на месторождение Медный кряж прошел в Чите.", {"Medny Kryazh": []}),
    ("Компания купила участок Золотая сопка с запасами золота 5 т.", {"Zolotaya Sopka": ["gold"]}),
])
def test_a_hill_or_ridge_word_in_small_letters_is_part_of_the_name(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # the text's own Latin spelling in brackets after the Cyrillic name is the deposit's Latin name
    ("Месторождение Тахо-Верде (Tajo Verde) дало первое золото.", {"Tajo Verde": ["gold"]}),
    ("Меднопорфировое месторождение Кемпо-Норте (Campo Norte) расположено в Чили.", {"Campo Norte": ["copper"]}),
    # ... not a company's or a region's Latin name in brackets
    ("Месторождение Кемпо-Норте (Barrick) выставлено на продажу.", {"Kempo-Norte": []}),
])
def test_a_deposits_own_latin_spelling_in_brackets(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text", [
    "Месторождение Кемпо-Норте (Cu, Au, Mo) выставлено на торги.",
    "Проект даст 12 тыс. т Li2O в концентрате и 3 тыс. т WO3 в год.",
])
def test_element_symbols_and_formulas_are_no_companies(text: str) -> None:
    assert _names(text, "company") == set()


def test_a_later_mention_of_a_long_adjective_name_takes_its_commodity() -> None:
    text = ("Компания ведет добычу на рудниках Многоключевое и Заречное. "
            "На Многоключевом в 2023 году было добыто 4,5 тонны золота.")
    assert _deposits(text)["Mnogoklyuchevoye"] == ["gold"]


def test_peschanka_is_its_own_deposit_of_the_baimskaya_zone() -> None:
    text = "Запасы медно-порфировых руд месторождения Песчанка утверждены. Месторождение Песчанка содержит 9,9 млн т меди."
    assert _deposits(text) == {"Peschanka": ["copper"]}


@pytest.mark.parametrize("text,deposits", [
    # a commodity's reserves or mining on a name with no deposit word: that name is a deposit of the commodity
    ("Компания приступила к добыче меди на Кызылжаре.", {"Kyzylzhar": ["copper"]}),
    ("Добыча цинка на Шалкие начнется в 2026 году.", {"Shalkiya": ["zinc"]}),
    ("Запасы золота на «Кызылжаре» оцениваются в 30 т.", {"Kyzylzhar": ["gold"]}),
    ("Компания будет добывать уран на Жалпаке.", {"Zhalpak": ["uranium"]}),
    # ... not a region, a country or a common word after "на"
    ("Добыча золота на Урале выросла на 5%.", {}),
    ("Компания увеличила добычу меди на Чукотке и в Казахстане.", {}),
    ("Запасы нефти на Земле ограничены, а добыча меди на ГОКе выросла.", {}),
])
def test_reserves_or_mining_of_a_commodity_on_a_name(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


def test_a_known_deposit_takes_its_commodity_from_the_sentence_before() -> None:
    text = ("В настоящий момент литий в России не добывается. По данным ведомства, лицензированы еще два "
            "месторождения — Тастыгское в Тыве и Колмозерское в Мурманской области.")
    assert _deposits(text) == {"Tastygskoye": ["lithium"], "Kolmozerskoye": ["lithium"]}
    # ... not from a sentence of another paragraph
    text = "Литий в России не добывается.\nЛицензировано месторождение Тастыгское в Тыве."
    assert _deposits(text) == {"Tastygskoye": []}


def test_a_deposit_its_sentences_tie_to_nothing_takes_the_articles_own_commodity() -> None:
    # the article tells of gold throughout; the gold mine it names in a sentence of its own is a gold deposit
    text = ("В республике за пять лет добыто 120 тонн золота. Об этом сообщил замминистра.\n"
            "По его словам, ежегодная добыча золота составляла 14 тонн.\n"
            "Он добавил, что в 2024 году месторождение Кумтор полностью перешло под госконтроль.\n"
            "«Чистая прибыль предприятия от добычи золота составила $500 миллионов. На хвостохранилище выявлены "
            "запасы 90 тонн золота и 200 тонн серебра», — отметил замминистра.")
    assert _deposits(text) == {"Kumtor": ["gold"]}
    # an unknown one too: the mine a headline on a gold mine tells of
    text = ("Комбинат начнет строительство золотого рудника.\nПроект предусматривает строительство подземного "
            "рудника на участке «Тасбулак». Мощность рудника по добыче золота - до 150 тыс. тонн руды в год.")
    assert _deposits(text) == {"Tasbulak": ["gold"]}
    # ... not in an article of several commodities that names its deposits with a sum of them all
    text = ("Казахстан увеличил золотой запас на 70 тонн.\nНа учет поставлены три новых месторождения: Тасбулак, "
            "Кумдыколь и Борлы. Об этом сообщил вице-министр.\nПо его данным, прирост запасов составил 70 тонн золота, "
            "20 тыс. тонн меди и 5 млн тонн марганца.")
    assert _deposits(text) == {"Tasbulak": [], "Kumdykol": [], "Borly": []}
    # ... nor where the article names that commodity once, in another paragraph
    text = "За три года в республике добыто 60 тонн золота.\nМесторождение Кумтор перешло под контроль государства."
    assert _deposits(text) == {"Kumtor": []}


def test_indium_rhenium_and_scandium_are_commodities_not_india() -> None:
    assert _names("Участок содержит олово, вольфрам и индий, а также рений и скандий.", "commodity") == {
        "tin", "tungsten", "indium", "rhenium", "scandium"}
    assert _names("Инвесторы из Индии купили долю в месторождении.", "commodity") == set()


@pytest.mark.parametrize("text,codes", [
    ("Проект выполнили компании SRK (Южная Африка) и Aker Kvaerner (Канада).", {"ZA", "CA"}),
    ("В Южной Африке добывают платину.", {"ZA"}),
    # a Canadian province is no British name
    ("Разведка идет в канадской провинции Британская Колумбия.", {"CA"}),
])
def test_two_word_countries_and_a_province(text: str, codes: set[str]) -> None:
    assert {e["code"] for e in _contract(text)["entities"] if e["kind"] == "country"} == codes


def test_troy_ounces() -> None:
    facts = _contract("Компания добыла 184,102 тысячи тройских унций (5,7 тонны) золота.")["facts"]
    assert {(f["value"], f["unit"]) for f in facts if f["type"] == "quantity"} == {(184102.0, "oz"), (5.7, "t")}


@pytest.mark.parametrize("text,deposits", [
    # a list after a deposit word and a colon, each name with what it holds
    ("В Казахстане открыли новые месторождения: Кызылжар с запасами меди и Жанатау с запасами цинка.",
     {"Kyzylzhar": ["copper"], "Zhanatau": ["zinc"]}),
    ("Открыты месторождения: Кызылжар с запасами меди и золота, Жанатау и Каражал.",
     {"Kyzylzhar": ["copper", "gold"], "Zhanatau": [], "Karazhal": []}),
])
def test_a_colon_list_with_what_each_holds(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # a sentence opening with the mining of a commodity or the first metal speaks of the deposit just named
    ("Компания начала разработку месторождения Кызылжар. Добыча золота начнется в 2026 году.", {"Kyzylzhar": ["gold"]}),
    ("Компания начала разработку месторождения Кызылжар. Первое золото планируется получить в 2026 году.",
     {"Kyzylzhar": ["gold"]}),
    # ... not the country's or the world's mining
    ("Компания купила месторождение Кызылжар. Добыча золота в Казахстане выросла на 5%.", {"Kyzylzhar": []}),
    ("Компания купила месторождение Кызылжар. Добыча меди в мире сократилась.", {"Kyzylzhar": []}),
    # "Объект содержит": the deposit just named
    ("Компания начала разработку месторождения Кызылжар. Объект содержит 20 т золота.", {"Kyzylzhar": ["gold"]}),
    # the plural deposit word alone in a sentence naming none: every deposit of the sentence before
    ("Компания владеет месторождениями Кызылжар и Жанатау. Запасы золота на месторождениях оцениваются в 20 т.",
     {"Kyzylzhar": ["gold"], "Zhanatau": ["gold"]}),
    # what one deposit holds stops at another name's clause after a comma and a dash
    ("Компания владеет месторождениями Кызылжар и Жанатау. Кызылжар богат медью, Жанатау — цинком.",
     {"Kyzylzhar": ["copper"], "Zhanatau": ["zinc"]}),
])
def test_more_sentences_on_the_deposit_just_named(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


def test_the_deposit_word_left_out_after_a_also() -> None:
    text = "Компания владеет медным месторождением Кызылжар, а также золоторудным Жанатау."
    assert _deposits(text) == {"Kyzylzhar": ["copper"], "Zhanatau": ["gold"]}


def test_a_known_deposit_takes_a_commodity_it_is_worked_for_from_its_paragraph() -> None:
    text = ("Производство золота компании выросло на 5%. Выпуск металла увеличился благодаря росту переработки. "
            "На месторождении Маломыр запущена новая линия.\nЦены на медь снизились.")
    assert _deposits(text) == {"Malomyr": ["gold"]}


@pytest.mark.parametrize("text,name", [
    # an unquoted name after "компании" whose last word is a company's loanword, though its first word is a
    # dictionary word or a given name
    ("Лицензия принадлежит компании Кун Майнинг.", "Kun Mining"),
    ("Месторождение продано компании Алтын Групп.", "Altyn Group"),
])
def test_an_unquoted_company_with_a_loanword_after_its_cue(text: str, name: str) -> None:
    assert _names(text, "company") == {name}


@pytest.mark.parametrize("text,commodities", [
    # the platinum group metals by their collective words, not platinum alone
    ("Запасы Норильска-1 — 851 тыс. тонн никеля, присутствуют платиноиды.", {"nickel", "platinum group metals"}),
    ("Компания нарастила выпуск МПГ и никеля.", {"nickel", "platinum group metals"}),
    # rubidium and caesium
    ("Аукцион на Баянкольское месторождение галлия и рубидия, а также цезия.", {"gallium", "rubidium", "caesium"}),
])
def test_more_commodity_words(text: str, commodities: set[str]) -> None:
    assert _names(text, "commodity") == commodities


@pytest.mark.parametrize("text,deposits", [
    # more of the region's deposits the gazetteer knows, with what they are worked for
    ("Казатомпром нарастил добычу урана. Основной прирост дал Карамурун.", {"Karamurun": ["uranium"]}),
    ("Добыча платины на Кондёре выросла.", {"Konder": ["platinum"]}),
    ("Компания приступила к освоению Хиагды, где добывают уран.", {"Khiagda": ["uranium"]}),
])
def test_more_known_deposits(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # the precious metal of a text about gold is gold, for any deposit
    ("Компания добывает золото в Якутии. Запасы драгметалла на месторождении Кызылжар оцениваются в 10 т.",
     {"Kyzylzhar": ["gold"]}),
    # ... not in a text that names no gold, nor in one that names silver as often
    ("Компания начала добычу драгоценного металла на месторождении Кызылжар.", {"Kyzylzhar": []}),
    ("Компания добывает золото и серебро. Запасы драгметалла на месторождении Кызылжар оцениваются в 10 т.",
     {"Kyzylzhar": []}),
])
def test_the_precious_metal_of_a_gold_text(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # "there" after a lead-in at a sentence's start speaks of the deposit just named
    ("Запасы месторождения Кызылжар — 10 т золота. Кроме того, там есть серебро.", {"Kyzylzhar": ["gold", "silver"]}),
    ("Компания купила месторождение Кызылжар. При этом здесь добывают медь.", {"Kyzylzhar": ["copper"]}),
    # ... not the company's mining after the same lead-in
    ("Компания купила месторождение Кызылжар. Кроме того, компания добывает медь.", {"Kyzylzhar": []}),
])
def test_there_after_a_lead_in(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # a sentence opening with reserves that names its own deposit speaks of that one, not of the one named before
    ("Месторождение Кызылжар расположено рядом с месторождением Жанатау. Запасы меди на Кызылжаре — 1 млн т.",
     {"Kyzylzhar": ["copper"], "Zhanatau": []}),
    ("Компания разрабатывает месторождения Кызылжар и Жанатау. Запасы Кызылжара — 1 млн т меди, Жанатау — 20 т золота.",
     {"Kyzylzhar": ["copper"], "Zhanatau": ["gold"]}),
    # commodities in brackets after the first name, with another deposit named after them, are that name's alone
    ("Компания владеет месторождением Кызылжар (медь) и лицензией на разведку участка Жанатау.",
     {"Kyzylzhar": ["copper"], "Zhanatau": []}),
    # ... while one bracket after the last name of a list is still the whole list's
    ("Компания получила лицензии на месторождения Кызылжар и Жанатау (медь).",
     {"Kyzylzhar": ["copper"], "Zhanatau": ["copper"]}),
])
def test_a_commodity_stays_with_its_own_deposit(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


def test_reserves_opening_with_its_own_deposit_in_apposition() -> None:
    # the deposit named right after the opening owns the reserves, not the one in its apposition
    text = ("Компания начнет добычу на месторождении Кызылжар. Как сообщалось, запасы Кызылжара — сателлита "
            "месторождения Жанатау — составляют 6,86 тонны золота и 60 тонн серебра.")
    assert _deposits(text)["Kyzylzhar"] == ["gold", "silver"]


@pytest.mark.parametrize("text,deposits", [
    # one deposit after a singular kind adjective: the quoted names after it are the sentence's next items
    ("По освоению свинцово-цинкового месторождения «Кызылжар», «Металлы Степи» и Жанатауский ГОК приступили к работам.",
     {"Kyzylzhar": ["lead", "zinc"]}),
    # ... while a plural one keeps its list
    ("Компания разрабатывает золоторудные месторождения «Кызылжар» и «Жанатау».",
     {"Kyzylzhar": ["gold"], "Zhanatau": ["gold"]}),
])
def test_a_singular_kind_adjective_names_one_deposit(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


def test_the_bare_hills_word_of_a_kola_name() -> None:
    assert _deposits("Компания получила лицензию на изучение участка Медвежьи тундры.") == {"Medvezhi Tundry": []}


@pytest.mark.parametrize("text,deposits", [
    # a count before the plural deposit word and where they lie, then a dash: a list whose first item runs on
    ("Компания получила лицензии на добычу железных руд на двух месторождениях в Кольском районе - Кызылжар, "
     "где уже идут работы, и Жанатау.", {"Kyzylzhar": ["iron ore"], "Zhanatau": ["iron ore"]}),
    # ... no count and one name after a dash: still no list
    ("Работы идут на месторождениях в Кольском районе - Кызылжар, где уже добывают руду.", {}),
])
def test_a_counted_list_after_a_dash(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


def test_beryllium_written_with_one_l() -> None:
    text = "Месторождение Кызылжар содержит не только литий, но также берилий, ниобий и тантал."
    assert _deposits(text) == {"Kyzylzhar": ["lithium", "beryllium", "niobium", "tantalum"]}


@pytest.mark.parametrize("text,deposits", [
    # mining on a name told the other way round, at a sentence's start
    ("На Кызылжаре добывают медь.", {"Kyzylzhar": ["copper"]}),
    ("Компания купила рудник. На Жанатау в 2024 году было добыто 2 т золота.", {"Zhanatau": ["gold"]}),
    ("На «Жанатау» будут добывать медь и золото.", {"Zhanatau": ["copper", "gold"]}),
    # ... not on a region or a dictionary word
    ("На Чукотке добывают золото.", {}),
    ("На Земле добывают золото.", {}),
])
def test_mining_on_a_name_at_a_sentence_start(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


def test_how_much_after_the_dash_of_the_next_deposit() -> None:
    # "на Жанатау — 5 т серебра": the silver is the next deposit's, not the first one's
    text = "На месторождении Кызылжар добыто 10 т золота, на Жанатау — 5 т серебра."
    assert _deposits(text) == {"Kyzylzhar": ["gold"], "Zhanatau": ["silver"]}


def test_a_given_name_in_its_english_spelling() -> None:
    # "Алексей" as English-language news spells it; the surname letter by letter as before
    assert _names("Об этом сообщил основной владелец компании Алексей Мордашов.", "person") == {"Alexey Mordashov"}


@pytest.mark.parametrize("text,deposits", [
    # where a deposit lies in brackets between its name and the dash or verb that says what it is
    ("Кызылжар (Иркутская область) — одно из крупнейших месторождений золота в России.", {"Kyzylzhar": ["gold"]}),
    ("Кызылжар (Казахстан) является крупнейшим месторождением меди в стране.", {"Kyzylzhar": ["copper"]}),
    # mining on a name with the place before how much
    ("В 2024 году компания добыла на Кызылжаре 15 т золота и серебра.", {"Kyzylzhar": ["gold", "silver"]}),
    ("Всего добыто на Чукотке 20 т золота.", {}),
])
def test_what_a_deposit_is_past_an_aside_and_mining_before_how_much(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,companies", [
    # an unquoted name after 'компании' or 'корпорации' of a dictionary word and the region it works in
    ("Месторождение принадлежит корпорации Металлы Урала.", {"Metally Urala"}),
    ("Гендиректор корпорации Руды Восточной Сибири сообщил о планах.", {"Rudy Vostochnoy Sibiri"}),
    # ... not a region alone, nor a dictionary word alone
    ("Об этом сообщили в компании Центральной Азии.", set()),
    ("Гендиректор компании Металлы сообщил о планах.", set()),
])
def test_a_company_named_by_a_word_and_its_region(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


@pytest.mark.parametrize("text,deposits", [
    # the next name of a list of clauses with its own commodity after a dash, not a country's
    ("Кызылжар — медное месторождение, Жанатау — золоторудное.", {"Kyzylzhar": ["copper"], "Zhanatau": ["gold"]}),
    ("На месторождении Кызылжар добывают медь, Казахстан — уран.", {"Kyzylzhar": ["copper"]}),
    # the next commodity of the same mining on the next name
    ("Компания добывает золото на месторождении Кызылжар и серебро на Жанатау.",
     {"Kyzylzhar": ["gold"], "Zhanatau": ["silver"]}),
    ("Компания добывает медь на Кызылжаре и уран на Урале.", {"Kyzylzhar": ["copper"]}),
    # a sentence opening with what exploration added to the reserves, or after a lead-in, speaks of the deposit named
    ("Компания завершила разведку на месторождении Кызылжар. Прирост запасов золота составил 10 т.",
     {"Kyzylzhar": ["gold"]}),
    ("Месторождение Кызылжар открыто в 1960 году. По оценкам, его ресурсы составляют 5 млн т меди.",
     {"Kyzylzhar": ["copper"]}),
    ("Месторождение Кызылжар открыто в 1960 году. Ожидается, что добыча меди начнется в 2026 году.",
     {"Kyzylzhar": ["copper"]}),
])
def test_next_clauses_and_openings_of_a_deposit(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


def test_mining_on_a_name_then_the_commodity() -> None:
    assert _deposits("Компания планирует добывать на Кызылжаре золото.") == {"Kyzylzhar": ["gold"]}


@pytest.mark.parametrize("text,deposits", [
    # as many deposits as commodities with 'соответственно': each its own, in their order
    ("Месторождения Кызылжар и Жанатау содержат 100 т золота и 500 т серебра соответственно.",
     {"Kyzylzhar": ["gold"], "Zhanatau": ["silver"]}),
    ("Запасы меди и цинка на месторождениях Кызылжар и Жанатау составляют 1 млн т и 2 млн т соответственно.",
     {"Kyzylzhar": ["copper"], "Zhanatau": ["zinc"]}),
    # ... without it, both of both
    ("Компания добывает золото и серебро на месторождениях Кызылжар и Жанатау.",
     {"Kyzylzhar": ["gold", "silver"], "Zhanatau": ["gold", "silver"]}),
])
def test_respectively(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,countries", [
    # the currency's country is no country of the story
    ("Стоимость проекта составит 100 млн долларов США.", set()),
    ("Стоимость проекта составит 100 млн долл. США.", set()),
    # ... the country named on its own still is
    ("Компания из США вложит 100 млн долларов США в проект.", {"United States"}),
])
def test_us_dollars_name_no_country(text: str, countries: set[str]) -> None:
    assert _names(text, "country") == countries


def test_the_plant_a_deposit_belongs_to_is_no_part_of_its_name() -> None:
    text = "Участок расположен в 30 километрах от месторождения Кызылжар Жанатауского ГОКа."
    assert _deposits(text) == {"Kyzylzhar": []}


@pytest.mark.parametrize("text,commodities", [
    # the platinum metals in the plural are the platinum group metals; the one metal is platinum
    ("Ресурсы месторождения Кызылжар составляют 2 млн унций платиновых металлов.", {"platinum group metals"}),
    ("Содержание платинового металла в руде достигает 3 г/т.", {"platinum"}),
])
def test_platinum_metals_in_the_plural(text: str, commodities: set[str]) -> None:
    assert _names(text, "commodity") == commodities


@pytest.mark.parametrize("text,deposits", [
    # a sentence about what was named before ("Его запасы ...") gives nothing to a known deposit named after it
    ("Компания изучает месторождение Кызылжар.\nЕго запасы составляют 100 тыс. т никеля и 50 тыс. т меди. "
     "По строению оно похоже на Талнахское месторождение.", {"Kyzylzhar": ["nickel", "copper"], "Talnakh": []}),
    # ... one about no deposit in particular still does
    ("Компания изучает месторождение Кызылжар.\nЗапасы никеля в регионе велики. Компания также работает на "
     "Талнахском месторождении.", {"Kyzylzhar": [], "Talnakh": ["nickel"]}),
])
def test_a_back_reference_belongs_to_what_was_named_before(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,companies", [
    # a plant that acts, also past where it lies in brackets, is a company
    ("Кызылжарский ГОК (г. Жанатау) приступит к добыче меди в 2026 году.", {"Kyzylzharsky GOK"}),
    ("Кызылжарский ГОК специализируется на добыче меди.", {"Kyzylzharsky GOK"}),
    ("Кызылжарский ГОК добыл 2 млн т руды.", {"Kyzylzharsky GOK"}),
    # ... one that is built is not
    ("Строительство Кызылжарского ГОКа начнется в 2026 году.", set()),
    ("Компания построит Кызылжарский ГОК к 2026 году.", set()),
])
def test_an_acting_plant_is_a_company(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


@pytest.mark.parametrize("text,deposits", [
    # a soft adjective capitalised inside a sentence before the deposit's word is its name, in any case
    ("Комбинат продолжает отработку Осеннего и Летнего месторождений меди.",
     {"Osenneye": ["copper"], "Letneye": ["copper"]}),
    ("В 2020 году на Верхнем месторождении добыли 2 т золота.", {"Verkhneye": ["gold"]}),
    # ... not the same word opening a sentence
    ("Среднее месторождение в регионе содержит 5 т золота.", {}),
])
def test_soft_adjective_names(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # what a deposit is, told after a second predicate of the sentence it opens, or past an aside
    ("Месторождение Кызылжар открыто в 1960 году геологами и является одним из крупнейших месторождений меди.",
     {"Kyzylzhar": ["copper"]}),
    ("Кызылжар, расположенный в Карагандинской области, является золоторудным месторождением.", {"Kyzylzhar": ["gold"]}),
    ("Кызылжар и Жанатау, открытые в 1960 году, являются медными месторождениями.",
     {"Kyzylzhar": ["copper"], "Zhanatau": ["copper"]}),
    # ... not when the sentence's subject is a company
    ("Компания Жанатау купила месторождение Кызылжар и является крупнейшим производителем меди.", {"Kyzylzhar": []}),
])
def test_what_a_deposit_is_past_a_second_predicate_or_an_aside(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # the mining that goes on at a name, and a commodity's grade there, tie the commodity to it
    ("На Кызылжаре с 2010 года ведётся добыча меди и молибдена.", {"Kyzylzhar": ["copper", "molybdenum"]}),
    ("Среднее содержание золота на Кызылжаре составляет 3 г/т.", {"Kyzylzhar": ["gold"]}),
    # ... not at a place the dictionary knows
    ("На Урале ведется добыча меди.", {}),
    ("Содержание меди на Урале высокое.", {}),
])
def test_mining_going_on_and_the_grade_at_a_name(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # the mining verb before 'там' or 'здесь' speaks of the deposit just named, also after the company
    ("Компания владеет лицензией на месторождение Кызылжар. Компания планирует добывать там 2 т золота в год.",
     {"Kyzylzhar": ["gold"]}),
    ("Компания купила месторождение Кызылжар. Она будет добывать здесь медь.", {"Kyzylzhar": ["copper"]}),
    # what its development is for, after the name
    ("Месторождение Кызылжар предусматривает добычу меди открытым способом.", {"Kyzylzhar": ["copper"]}),
])
def test_mining_there_and_what_a_deposit_is_for(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,companies", [
    # a place adjective the dictionary does not know keeps its ending in the nominative
    ("Лицензия выдана Жанатауской горнорудной компании.", {"Zhanatauskaya gornorudnaya kompaniya"}),
    # an unquoted coined name after a holding's, a group's or a state corporation's word is a company
    ("Предприятие входит в группу Кызылжарметалл.", {"Kyzylzharmetall"}),
    ("Завод принадлежит холдингу Жанатаумет.", {"Zhanataumet"}),
    ("Актив приобрела госкорпорация Жанатау.", {"Zhanatau"}),
    # ... not a group of deposits
    ("Группа Кызылжарских месторождений выставлена на аукцион.", set()),
    ("Месторождение входит в группу Северных месторождений.", set()),
])
def test_companies_after_a_group_or_holding_and_unknown_place_adjectives(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


@pytest.mark.parametrize("text,deposits", [
    # a deposit's class or rank with its commodity's kind adjective
    ("Кызылжар относится к золоторудным месторождениям.", {"Kyzylzhar": ["gold"]}),
    ("Кызылжар входит в число крупнейших медных месторождений страны.", {"Kyzylzhar": ["copper"]}),
    # ... not a company's
    ("Компания относится к крупнейшим производителям меди.", {}),
    # the commodity first, then the name it is mined on, at a sentence's start
    ("Золото и серебро на Кызылжаре добывают открытым способом.", {"Kyzylzhar": ["gold", "silver"]}),
    ("Медь на Урале добывают с XVIII века.", {}),
])
def test_a_deposits_class_and_the_commodity_mined_on_it_first(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # a name in the genitive after the reserves opening a sentence, which the text also writes in the nominative
    ("Тасжарган продан. Ресурсы Тасжаргана оцениваются в 1 млн т меди.", {"Taszhargan": ["copper"]}),
    ("Кокжайлау продан. Ресурсы Кокжайлау оцениваются в 1 млн т меди.", {"Kokzhaylau": ["copper"]}),
    # ... not one the text writes only there, nor a company's, nor a country's
    ("Ресурсы Тасжаргана оцениваются в 1 млн т меди.", {}),
    ("Компания Сарымбай отчиталась. Запасы Сарымбая составляют 1 млн т меди.", {}),
    ("Казахстан богат. Запасы Казахстана оцениваются в 1 млн т урана.", {}),
])
def test_a_name_in_the_genitive_after_the_reserves(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # the output of a commodity at a name ties it to the name
    ("Производство золота на Кызылжаре выросло на 10%.", {"Kyzylzhar": ["gold"]}),
    # ... not at a plant, nor at a place the dictionary knows
    ("Компания наладила производство меди на Кызылжарском заводе.", {}),
    ("Производство меди на Урале выросло.", {}),
])
def test_output_at_a_name(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # the names in brackets after a plural deposit word and what the deposits hold
    ("В районе известны месторождения медных руд (Кызылжарское, Жанатауское и др.).",
     {"Kyzylzharskoye": ["copper"], "Zhanatauskoye": ["copper"]}),
    ("Месторождения золота (Кызылжар, Жанатау и Акбакай) расположены в области.",
     {"Kyzylzhar": ["gold"], "Zhanatau": ["gold"], "Akbakai": ["gold"]}),
    # magnetite and brown iron ores are iron ore
    ("Месторождения магнетитовых руд (Кызылжарское, Жанатауское и др.) открыты давно.",
     {"Kyzylzharskoye": ["iron ore"], "Zhanatauskoye": ["iron ore"]}),
    # ... not where the deposits lie, nor a single name in brackets, nor a bracket after a capitalised word
    ("Крупнейшие месторождения (Россия, Казахстан) известны давно.", {}),
    ("Компания освоит месторождения полиметаллов (Бурятия).", {}),
    ("Месторождения Якутии (Кызылжар, Жанатау) открыты давно.", {}),
    ("Рудники компании (Кызылжар, Жанатау) остановлены.", {}),
])
def test_names_in_brackets_after_a_plural_deposit_word(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # the deposit a plant is built on is its namesake, not the company's that builds it
    ("ООО «Жанатау Майнинг» достроило Кызылжарский ГОК на одноименном месторождении меди.", {"Kyzylzharskoye": ["copper"]}),
    ("Компания завершила строительство Кызылжарского горно-обогатительного комбината на одноимённом месторождении.",
     {"Kyzylzharskoye": []}),
    # a known deposit's name that is also a town, after the distance told from it, is the town
    ("Карьер заложат в 40 км к югу от Кызыла.", {}),
])
def test_a_plants_namesake_and_a_town_a_distance_is_told_from(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,people", [
    # a surname in the case of the first name before it, which the dictionary would take for a first name
    ("Контрольный пакет принадлежит группе «Альфа» Александра Несиса и партнеров.", {"Aleksandr Nesis"}),
    # ... not two first names, nor a first name and a common word
    ("Собор Петра и Павла отреставрируют.", set()),
])
def test_a_surname_in_an_oblique_case_read_as_a_first_name(text: str, people: set[str]) -> None:
    assert _names(text, "person") == people


@pytest.mark.parametrize("text,deposits", [
    # what the deposit named just before is, in a sentence that opens with a word for it
    ("Месторождение Кызылжар открыто в 1960 году. Оно входит в число золоторудных месторождений области.",
     {"Kyzylzhar": ["gold"]}),
    ("Месторождение Кызылжар открыто в 1960 году. Это одно из крупнейших медных месторождений страны.",
     {"Kyzylzhar": ["copper"]}),
    # ... not a company's kind, nor a sentence that says nothing of what it holds
    ("Компания купила месторождение Кызылжар. Это одна из крупнейших медных компаний.", {"Kyzylzhar": []}),
    ("Месторождение Кызылжар продано. Оно расположено в области.", {"Kyzylzhar": []}),
    # the mining on it, the verb after the pronoun
    ("Компания купила месторождение Кызылжар. Ранее на нем добывали золото.", {"Kyzylzhar": ["gold"]}),
    # two names at the start of a sentence on the mining there
    ("На Кызылжаре и Акжале добывают медь.", {"Kyzylzhar": ["copper"], "Akzhal": ["copper"]}),
])
def test_what_the_deposit_named_before_is_and_two_names_mined_on(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # the names given among the deposits the sentence before counted by their commodity
    ("Компания ведет разведку 12 месторождений золота. Самым крупным из них является месторождение Кызылжар.",
     {"Kyzylzhar": ["gold"]}),
    ("Компания владеет тремя медными рудниками. Среди них — Кызылжар и Жанатау.",
     {"Kyzylzhar": ["copper"], "Zhanatau": ["copper"]}),
    # ... not among companies, nor a company's name among deposits
    ("В области работают 12 золотодобывающих компаний. Крупнейшая из них — Кызылжар.", {}),
    ("В регионе работают компании, разрабатывающие 12 месторождений. Крупнейшая из них — «Казахмыс».", {}),
])
def test_names_among_the_deposits_counted_before(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # a name's adjective after the deposit word, in another case than the nominative, is named in the nominative
    ("Компания получила право на добычу меди и молибдена на месторождении Кызылжарском.",
     {"Kyzylzharskoye": ["copper", "molybdenum"]}),
    ("Работы ведутся на месторождении рудного золота и сурьмы Жанатауском.", {"Zhanatauskoye": ["gold", "antimony"]}),
])
def test_an_adjectives_name_after_the_deposit_word_in_an_oblique_case(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # a name inside a sentence set off by a dash or a comma before what it is, in the same case
    ("Компания купила Кызылжар – крупное месторождение меди.", {"Kyzylzhar": ["copper"]}),
    ("Компания начала разработку Кызылжара, одного из крупнейших месторождений меди.", {"Kyzylzhar": ["copper"]}),
    ("Компания начала разработку Кызылжара, крупнейшего медного месторождения страны.", {"Kyzylzhar": ["copper"]}),
    # ... not a name followed by what belongs to it, nor a company's
    ("Он посетил Кызылжар, месторождения которого известны.", {}),
    ("Компания «Кызылжар» – владелец месторождения меди.", {}),
    # how much a company mines or turns out on a name
    ("Компания рассчитывает добыть на Кызылжаре 5 т золота.", {"Kyzylzhar": ["gold"]}),
    ("Компания планирует производить на Кызылжаре 5 т золота в год.", {"Kyzylzhar": ["gold"]}),
    # ... not at a plant or a place the dictionary knows
    ("Компания произвела на заводе 5 т золота.", {}),
    ("Компания произвела на Урале 5 т золота.", {}),
])
def test_a_name_set_off_before_what_it_is_and_the_output_on_it(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # a name that opens a sentence and is ranked by its reserves of a commodity
    ("Кызылжар занимает второе место в стране по запасам меди.", {"Kyzylzhar": ["copper"]}),
    ("Кызылжар является вторым в мире по запасам золота.", {"Kyzylzhar": ["gold"]}),
    # ... the deposit named before, as "оно"
    ("Месторождение Кызылжар открыто в 1960 году. По запасам меди оно занимает второе место в стране.",
     {"Kyzylzhar": ["copper"]}),
    # ... not a country, a town, a company, nor a coined company name
    ("Казахстан занимает второе место в мире по запасам урана.", {}),
    ("Норильск занимает первое место по запасам никеля.", {}),
    ("Компания Жанатау Майнинг купила актив. Жанатау занимает первое место по запасам меди.", {}),
    ("Южуралзолото занимает третье место по запасам золота.", {}),
    ("Предприятие Кызылжар открыто в 1960 году. Оно занимает второе место в стране по запасам меди.", {}),
])
def test_a_deposit_ranked_by_its_reserves(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # a name with the reserves it holds
    ("На аукцион выставлен Кызылжар с запасами 50 т золота.", {"Kyzylzhar": ["gold"]}),
    ("Кызылжар (запасы — 50 т золота) выставлен на аукцион.", {"Kyzylzhar": ["gold"]}),
    ("Компания купила Кызылжар с запасами меди 1 млн т.", {"Kyzylzhar": ["copper"]}),
    # ... not a company's, a country's or a place's
    ("Компания Кызылжар с запасами 50 т золота продана.", {}),
    ("Россия с запасами 100 т золота лидирует.", {}),
    ("В Якутии с запасами 50 т золота открыто месторождение.", {}),
])
def test_a_name_with_the_reserves_it_holds(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # the mining planned with no one named, in the sentence after the deposit's
    ("Компания купила месторождение Кызылжар. Планируется добывать 2 т золота в год.", {"Kyzylzhar": ["gold"]}),
    ("Компания начала работы на месторождении Кызылжар. В 2024 году планируется добыть 2 т золота.",
     {"Kyzylzhar": ["gold"]}),
    # ... not in a country, nor a company's own plan
    ("Компания купила месторождение Кызылжар в Казахстане. В стране планируется добывать 20 т золота в год.",
     {"Kyzylzhar": []}),
])
def test_the_mining_planned_after_the_deposits_sentence(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # the platinoids are the platinum group metals; МПГ and РЗМ say what a deposit holds, not its name
    ("Месторождение платиноидов Кызылжар выставлено на аукцион.", {"Kyzylzhar": ["platinum group metals"]}),
    ("Месторождение МПГ Кызылжар выставлено на аукцион.", {"Kyzylzhar": ["platinum group metals"]}),
    ("Месторождение РЗМ Кызылжар выставлено на аукцион.", {"Kyzylzhar": ["rare earths"]}),
    # the commodity's own kind between the deposit word and the name
    ("Месторождение энергетического угля Кызылжар выставлено на аукцион.", {"Kyzylzhar": ["coal"]}),
])
def test_what_a_deposit_holds_in_other_words(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # the reserves "in them" with an adjective before the word, after a sentence naming two deposits
    ("Компания разрабатывает месторождения Кызылжар и Жанатау. Общие запасы золота на них — 100 т.",
     {"Kyzylzhar": ["gold"], "Zhanatau": ["gold"]}),
    ("Компания разрабатывает месторождения Кызылжар и Жанатау. Суммарные ресурсы меди в них — 1 млн т.",
     {"Kyzylzhar": ["copper"], "Zhanatau": ["copper"]}),
    # platinum metals as one adjective are the platinum group metals
    ("Платинометалльное месторождение Кызылжар выставлено на аукцион.", {"Kyzylzhar": ["platinum group metals"]}),
])
def test_the_reserves_in_them_and_platinum_metals(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # what the deposit named before holds, as a listing's field
    ("Компания выставила на торги месторождение Кызылжар. Вид полезного ископаемого — золото.", {"Kyzylzhar": ["gold"]}),
    ("Месторождение: Кызылжар\nПолезное ископаемое: золото\nЗапасы: 50 т", {"Kyzylzhar": ["gold"]}),
    ("Компания владеет месторождением Кызылжар. Металл: золото.", {"Kyzylzhar": ["gold"]}),
    # ... not a country's, nor a metal's price
    ("Компания выставила на торги месторождение Кызылжар в Казахстане. Полезные ископаемые страны — уран и медь.",
     {"Kyzylzhar": []}),
    ("Компания купила месторождение Кызылжар. Металл подорожал на 5%: золото стоит 2000 долларов.", {"Kyzylzhar": []}),
])
def test_what_a_deposit_holds_as_a_listings_field(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # a second name after the first one a commodity is mined on, also one that does not decline
    ("Компания приступила к добыче золота на Кызылжаре и Жанатау.", {"Kyzylzhar": ["gold"], "Zhanatau": ["gold"]}),
    # ... not a region the dictionary knows
    ("Запасы меди на Кызылжаре и Урале велики.", {"Kyzylzhar": ["copper"]}),
])
def test_a_second_name_a_commodity_is_mined_on(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # the mining on a name at a sentence's start after when it was
    ("За 9 месяцев на Кызылжаре добыто 5 т золота.", {"Kyzylzhar": ["gold"]}),
    ("В 2023 году на Кызылжаре и Акжале добывали медь.", {"Kyzylzhar": ["copper"], "Akzhal": ["copper"]}),
    # ... not in a region the dictionary knows
    ("В прошлом году на Урале добыто 5 т золота.", {}),
])
def test_the_mining_on_a_name_after_when_it_was(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # the next commodity of the same mining before a dash, on the next name
    ("Компания добывает золото на Кызылжаре, медь — на Жанатау.", {"Kyzylzhar": ["gold"], "Zhanatau": ["copper"]}),
    # ... not in a region, nor with no mining before it
    ("Компания добывает золото на Кызылжаре, медь — на Урале.", {"Kyzylzhar": ["gold"]}),
    ("Компания покупает золото у банков, медь — на бирже.", {}),
])
def test_the_next_commodity_before_a_dash_on_the_next_name(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # each name of a list after a colon with its own commodity's adjective
    ("В регионе два месторождения: медное Кызылжар и золоторудное Жанатау.", {"Kyzylzhar": ["copper"], "Zhanatau": ["gold"]}),
    # ... not an adjective that says nothing of what it holds
    ("Компания владеет месторождениями: крупным Кызылжар и Жанатау.", {}),
])
def test_a_colon_list_with_each_names_commodity_adjective(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # each part of a compound adjective of what the deposit's ores hold, written as one word
    ("Лицензия выдана на месторождение золотосеребряных руд Кызылжар.", {"Kyzylzhar": ["gold", "silver"]}),
    ("Компания разрабатывает месторождения медно-цинковых руд Кызылжар и Жанатау.",
     {"Kyzylzhar": ["copper", "zinc"], "Zhanatau": ["copper", "zinc"]}),
    # the names after a count of deposits and 'среди них', 'из них', 'в их числе'
    ("Геологи поставили на учет четыре месторождения, среди них Кызылжар, Жанатау и Каратас.",
     {"Kyzylzhar": [], "Zhanatau": [], "Karatas": []}),
    ("В области разведаны три месторождения меди, в их числе Кызылжар и Жанатау.",
     {"Kyzylzhar": ["copper"], "Zhanatau": ["copper"]}),
])
def test_compound_ores_and_the_names_among_counted_deposits(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # every name of a list under a heading that says what they hold, after a colon or on bulleted lines
    ("Крупные месторождения меди региона:\n- Кызылжар\n- Жанатау\n- Каратас",
     {"Kyzylzhar": ["copper"], "Zhanatau": ["copper"], "Karatas": ["copper"]}),
    ("Золоторудные месторождения: Кызылжар, Жанатау и Каратас.",
     {"Kyzylzhar": ["gold"], "Zhanatau": ["gold"], "Karatas": ["gold"]}),
    ("Главные месторождения урана мира\n- Кызылжар. Казахстан\n- Жанатау. Узбекистан",
     {"Kyzylzhar": ["uranium"], "Zhanatau": ["uranium"]}),
    # ... a name's own commodity first
    ("Месторождения золота:\n- Кызылжар — медь\n- Жанатау", {"Kyzylzhar": ["copper"], "Zhanatau": ["gold"]}),
    # ... not a heading of other words, nor a line whose word after a full stop is no country
    ("Месторождения, выставленные на торги:\n- Кызылжар\n- Жанатау", {"Kyzylzhar": [], "Zhanatau": []}),
    ("Крупные месторождения меди\n- Кызылжар. Компания купила его в 2020 году.", {}),
])
def test_a_list_under_a_heading_of_what_they_hold(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # 'там' after a list of names: every name of the list
    ("Компания разрабатывает месторождения Кызылжар, Жанатау и Каратас. Там добывают медь.",
     {"Kyzylzhar": ["copper"], "Zhanatau": ["copper"], "Karatas": ["copper"]}),
    # ... only the last one when the names are not one list
    ("Компания продала месторождение Кызылжар, а месторождение Жанатау купила в прошлом году. Там добывают медь.",
     {"Kyzylzhar": [], "Zhanatau": ["copper"]}),
    # deposits in general after a plural adjective are not the one named before
    ("Месторождение Кызылжар разрабатывают с 2010 года. Разведанные месторождения урана в стране освоены.",
     {"Kyzylzhar": []}),
    # a person's name and surname after a mine's word is no deposit
    ("Главный инженер Южного рудника Петр Жанатаев рассказал о планах.", {}),
])
def test_there_after_a_list_and_no_deposit_in_general_or_a_person(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # the reserves exploration confirmed, in the sentence after the deposit's, after the verb
    ("Геологи завершили разведку на месторождении Кызылжар. Утверждены запасы меди в объеме 1 млн т.",
     {"Kyzylzhar": ["copper"]}),
    ("Компания купила месторождение Кызылжар. На объекте выявлены запасы золота.", {"Kyzylzhar": ["gold"]}),
    # ... not a country's
    ("Компания купила месторождение Кызылжар. Подтверждены запасы золота в стране на уровне 2000 т.", {"Kyzylzhar": []}),
    # a rank among the deposits of a commodity
    ("Кызылжар входит в десятку крупнейших месторождений меди мира.", {"Kyzylzhar": ["copper"]}),
    # salts and sandstones of what the deposit holds
    ("Компания получила лицензию на месторождение калийных солей Кызылжар.", {"Kyzylzhar": ["potash"]}),
    ("Компания получила лицензию на месторождение медистых песчаников Кызылжар.", {"Kyzylzhar": ["copper"]}),
])
def test_confirmed_reserves_ranks_and_salts(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # a commodity set against the first after 'а' and a dash is the next name's, or no deposit's
    ("Компания добывает медь на месторождении Кызылжар, а золото — на Каратасе.",
     {"Kyzylzhar": ["copper"], "Karatas": ["gold"]}),
    ("Компания добывает медь на месторождении Кызылжар, а золото — в Казахстане.", {"Kyzylzhar": ["copper"]}),
    ("Компания добывает на Кызылжаре медь, а на Жанатау — золото.", {"Kyzylzhar": ["copper"], "Zhanatau": ["gold"]}),
    # the commodity first, then the verb and the name it is mined on, not a region
    ("Медь добывают на Кызылжаре открытым способом.", {"Kyzylzhar": ["copper"]}),
    ("Золото добывается на Чукотке с 2010 года.", {}),
    # the deposit word left out before a commodity's noun or a dash
    ("Компания владеет месторождениями золота Кызылжар и меди Жанатау.", {"Kyzylzhar": ["gold"], "Zhanatau": ["copper"]}),
    ("Компания владеет золотым месторождением Кызылжар и медным — Жанатау.",
     {"Kyzylzhar": ["gold"], "Zhanatau": ["copper"]}),
    # ... not the kind words of one name
    ("Компания ведет разведку на месторождении золота и серебра Кызылжарском.", {"Kyzylzharskoye": ["gold", "silver"]}),
])
def test_set_against_mined_on_and_left_out_deposit_words(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # a name set off by a dash before the deposit word with no adjective
    ("Компания купила Кызылжар — месторождение меди в Карагандинской области.", {"Kyzylzhar": ["copper"]}),
    # ... not a country, a person or a dictionary word
    ("Президент посетил Казахстан — месторождение меди там огромно.", {}),
    ("Сделку одобрил Иванов — месторождение меди перейдет к компании.", {}),
    # a list's line with how much after the commodity
    ("Месторождения:\nКызылжар – золото, 50 т\nЖанатау – медь, 1 млн т", {"Kyzylzhar": ["gold"], "Zhanatau": ["copper"]}),
    # the reserves of the one named two sentences before, past a sentence on it with no name
    ("Компания разрабатывает месторождение Кызылжар. Месторождение было открыто в 1960 году. Его запасы составляют 50 т золота.",
     {"Kyzylzhar": ["gold"]}),
    # the reserves after a lead-in with no comma
    ("Компания разрабатывает месторождение Кызылжар. По JORC ресурсы составляют 3 млн унций золота.", {"Kyzylzhar": ["gold"]}),
    ("Компания купила месторождение Кызылжар в Казахстане. По данным USGS запасы меди в стране составляют 20 млн т.",
     {"Kyzylzhar": []}),
    # what the name opening its sentence holds, told after another predicate
    ("Кызылжарское месторождение лития считается крупнейшим в стране, а также содержит запасы ниобия и тантала.",
     {"Kyzylzharskoye": ["lithium", "niobium", "tantalum"]}),
    # ... not what a company or a relative clause holds
    ("Кызылжар принадлежит компании «Альфа», которая содержит склады с медью.", {}),
])
def test_dash_names_list_figures_back_references_and_later_holding(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits,commodities", [
    # a commodity's word inside an agency's name is no commodity of the story nor of a deposit
    ("Управление минеральных ресурсов и нефти выдало лицензию на месторождение Кызылжар.", {"Kyzylzhar": []}, set()),
    # ... a commodity the agency's sentence tells of still is
    ("Министерство сообщило, что добыча меди на месторождении Кызылжар выросла.", {"Kyzylzhar": ["copper"]}, {"copper"}),
])
def test_a_commodity_in_an_agencys_name(text: str, deposits: dict[str, list[str]], commodities: set[str]) -> None:
    assert _deposits(text) == deposits
    assert _names(text, "commodity") == commodities


@pytest.mark.parametrize("text,companies", [
    # a miner's word before an unquoted name: a company, also one the dictionary reads as a town
    ("Золотодобытчик Петропавловск сообщил о росте добычи.", {"Petropavlovsk"}),
    ("Крупнейший в стране нефтедобытчик Роснефть купил долю.", {"Rosneft"}),
    # ... not a country nor a dictionary word
    ("Добытчики Казахстана увеличили выпуск.", set()),
])
def test_a_miners_word_before_a_company(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


@pytest.mark.parametrize("text,deposits", [
    # a name before a dash and its rank among the deposits of a commodity
    ("Кызылжар — второе по величине месторождение меди в стране.", {"Kyzylzhar": ["copper"]}),
    # two names the same mining was on, and a second commodity with how much of it
    ("Компания добыла на Кызылжаре и Жанатау 5 т золота.", {"Kyzylzhar": ["gold"], "Zhanatau": ["gold"]}),
    ("Компания добыла на Кызылжаре 5 т золота и 2 т серебра.", {"Kyzylzhar": ["gold", "silver"]}),
    ("Компания добыла на Кызылжаре и Урале 5 т золота.", {"Kyzylzhar": ["gold"]}),
    # a name after 'а также на' in a sentence on mining
    ("Компания намерена добывать медь на месторождениях Кызылжар и Жанатау, а также на участке Каратас.",
     {"Kyzylzhar": ["copper"], "Zhanatau": ["copper"], "Karatas": ["copper"]}),
    # ... not in a sentence on owning
    ("Компания владеет месторождением меди Кызылжар, а также на участке Каратас ведет разведку.",
     {"Kyzylzhar": ["copper"], "Karatas": []}),
])
def test_ranks_after_a_dash_two_names_mined_and_also_on(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,deposits", [
    # what the deposit named before holds besides another commodity: both
    ("Компания разрабатывает месторождение Кызылжар. Помимо золота, в рудах содержится серебро.",
     {"Kyzylzhar": ["gold", "silver"]}),
    ("Компания разрабатывает месторождение Кызылжар. Кроме меди, на месторождении есть молибден.",
     {"Kyzylzhar": ["copper", "molybdenum"]}),
    # ... not besides a company
    ("Компания купила месторождение Кызылжар. Кроме компании, в проекте участвует банк.", {"Kyzylzhar": []}),
])
def test_what_a_deposit_holds_besides_another(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,persons,countries", [
    # a surname made on a country's adjective after a known first name, after a post or a verb of saying
    ("Об этом рассказал заместитель директора компании Олег Шведский.", {"Oleg Shvedsky"}, set()),
    ("По словам Анны Польской, добыча выросла.", {"Anna Polskaya"}, set()),
    # ... not a country after a post
    ("Президент Узбекистана Шавкат Мирзиёев посетил завод.", {"Shavkat Mirziyoyev"}, {"Uzbekistan"}),
])
def test_a_surname_made_on_a_countrys_adjective(text: str, persons: set[str], countries: set[str]) -> None:
    assert _names(text, "person") == persons
    assert _names(text, "country") == countries


@pytest.mark.parametrize("text,companies", [
    # the capitals after a bank's word are the bank's name, not a country's abbreviation
    ("Кредит выдал банк ВТБ.", {"VTB"}),
    ("Фото предоставила пресс-служба Национального банка РК.", set()),
])
def test_a_banks_capitals_not_a_country(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


@pytest.mark.parametrize("text,deposits", [
    # a list of commodities right before the deposit word in the genitive: each of them
    ("Контракт на добычу меди и золота месторождения Кызылжар подписан.", {"Kyzylzhar": ["copper", "gold"]}),
    ("Компания ведет добычу золота, серебра и меди месторождения Кызылжар.", {"Kyzylzhar": ["gold", "silver", "copper"]}),
    # ores of a kind with no commodity's word, and what they hold in a participle after the name
    ("Лицензия выдана на месторождение полиметаллических руд Кызылжар, содержащих медь, цинк и свинец.",
     {"Kyzylzhar": ["copper", "zinc", "lead"]}),
])
def test_commodity_lists_before_the_word_and_ores_that_hold(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


def test_a_latin_company_after_a_deposits_name_is_not_part_of_it() -> None:
    # "на руднике Карчига Orsu Metals сможет добывать": the company that works it, written in Latin after the name
    found = extract("По плану на руднике Беркара Tasmet Metals будет добывать около 2 млн тонн руды в год.",
                    language="ru", events=False).to_contract()
    assert {(e["kind"], e["name"]) for e in found["entities"] if e["kind"] in ("deposit", "company")} == {
        ("deposit", "Berkara"), ("company", "Tasmet Metals")}



def test_a_creek_told_with_its_placer_resources_is_a_deposit() -> None:
    text = "Ручей Кедровка с прогнозными ресурсами золота 140 кг выставлен на торги в Забайкалье."
    assert _deposits(text) == {"Kedrovka": ["gold"]}
    assert _deposits("В перечень вошел ручей Кедровка с запасами золота 90 кг.") == {"Kedrovka": ["gold"]}


def test_a_quoted_development_zone_is_no_company() -> None:
    # "Якорный резидент ТОР «Чукотка» добыл": the zone's name; the resident is the company
    text = ("Новый резидент ТОР «Анадырь» добыл первую партию угля. Уголь добывает компания ООО «Берингпромуголь», "
            "принадлежащая TIG.")
    assert _names(text, "company") == {"TIG", "Beringpromugol"}


def test_a_deposit_told_with_its_resources_in_an_article_of_one_commodity() -> None:
    # the sentence tells the deposit's resources and names no commodity: the article's one commodity is its
    text = ("На аукционе проданы три золотороссыпных участка. Участок Тасбулак купила местная артель. Участок "
            "Кедровый, прогнозные ресурсы которого составляют 50 кг, купила другая артель.")
    assert _deposits(text)["Kedrovy"] == ["gold"]


def test_deposits_listed_after_a_dash_and_eto() -> None:
    # "месторождения - это X и Y": the names after "это" as after the dash alone
    text = "Главные месторождения - это Кенжетас и Северный Ушкудык, где добывают медь."
    assert set(_deposits(text)) == {"Kenzhetas", "Severny Ushkudyk"}


def test_a_deposit_the_english_gazetteer_knows_has_its_english_name_and_id() -> None:
    # one deposit, one entity id whichever language an article is in
    from orewire.facts import gazetteer as en_gz
    from orewire.facts.model import entity_id

    ru = _contract("Казатомпром увеличил добычу на месторождении Инкай и на Жайремском месторождении.")
    names = {e["name"]: e["id"] for e in ru["entities"] if e["kind"] == "deposit"}
    assert names == {"Inkai": entity_id("deposit", "Inkai"), "Zhairem": entity_id("deposit", "Zhairem")}
    en = extract("Kazatomprom raised output at the Inkai deposit.", events=False).to_contract()
    assert {e["id"] for e in en["entities"] if e["kind"] == "deposit"} == {names["Inkai"]}
    assert en_gz is not None


def test_a_gazetteer_deposit_with_a_hyphened_prefix_is_also_found_written_as_one_word() -> None:
    # "Ново-Широкинское" is as often "Новоширокинское", "Верхне-Мунское" "Верхнемунское"; the list's
    # third deposit, after "а также", has no deposit word of its own
    text = ("Компания добывает золото на месторождениях Многовершинное и Белая Гора, а также Новоширокинское "
            "в Забайкальском крае. АЛРОСА начала добычу на Верхнемунском месторождении.")
    deposits = _deposits(text)
    assert deposits["Novoshirokinskoye"] == ["gold"]
    assert "Verkhne-Munskoye" in deposits


@pytest.mark.parametrize("text,companies", [
    # a company's name of words with the letters it opens with in brackets; the letters name it from then on
    ("Кумдинская горнорудная компания (КГК) добыла 3 тонны золота. Позже КГК продала актив.",
     {"Kumdinskaya gornorudnaya kompaniya"}),
    ("Тарвинский горно-металлургический комбинат (ТГМК) нарастил выпуск меди.",
     {"Tarvinsky gorno-metallurgichesky kombinat"}),
    # ... not letters that are not its initials, nor a name that is no company's
    ("Кумдинская горнорудная компания (АБВ) добыла 3 тонны золота.", set()),
    ("Министерство промышленности и строительства (МПС) выдало лицензию.", set()),
])
def test_a_company_defined_with_its_initials(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


def test_a_company_defined_with_its_initials_is_named_by_them_later() -> None:
    text = "Кумдинская горнорудная компания (КГК) добыла 3 тонны золота. Позже КГК продала актив."
    [ent] = [e for e in _contract(text)["entities"] if e["kind"] == "company"]
    assert len(ent["mentions"]) == 3


@pytest.mark.parametrize("text,regions", [
    # a region, district or territory named by its adjective, in the nominative
    ("В Карагандинской области добыто 5 тонн золота, в Чаунском районе - 2 тонны.",
     {"Karagandinskaya oblast", "Chaunsky district"}),
    ("Красноярский край в 2023 году произвел 50 тонн золота.", {"Krasnoyarsky krai"}),
    # ... the one the gazetteer knows by its own name keeps that name
    ("В Кемеровской области добыто 200 млн тонн угля.", {"Kuzbass"}),
])
def test_regions_named_by_their_adjective(text: str, regions: set[str]) -> None:
    assert _names(text, "region") == regions


@pytest.mark.parametrize("text,deposits", [
    # one of the deposits a plural word counts, named after a dash, also past where they lie
    ("Роснедра проведут аукцион на одно из крупнейших оловянных месторождений — Кумдинское.", {"Kumdinskoye": ["tin"]}),
    ("Компания купила одно из медных месторождений в Казахстане — Тарвинское.", {"Tarvinskoye": ["copper"]}),
    # ... an ore body's kind after the name's adjective is part of the name
    ("Аукцион пройдет на одно из крупнейших оловянных месторождений в России — Кумдинские штокверки.",
     {"Kumdinskiye Shtokverki": ["tin"]}),
    # ... not a list's lead-in with no "one of" before it
    ("Компания изучает месторождения в Казахстане — Тарвинское сообщило о запасах.", {}),
])
def test_one_of_the_deposits_named_after_a_dash(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits



@pytest.mark.parametrize("text,regions", [
    # the next ones of a list, the noun left out, in the noun's gender, past "тыс." and a decimal comma
    ("1966 кг добыто в Чаунском районе, 1,6 тыс. т - в Шмидтовском, а 300 кг - в Билибинском.",
     {"Chaunsky district", "Shmidtovsky district", "Bilibinsky district"}),
    ("В Костанайской области добыто 5 тонн золота, в Карагандинской - 2 тонны, в Восточно-Казахстанской - 1 тонна.",
     {"Kostanayskaya oblast", "Karagandinskaya oblast", "Vostochno-Kazakhstanskaya oblast"}),
    # ... not an adjective of some other noun
    ("Компания работает в Костанайской области и в Северной Америке.", {"Kostanayskaya oblast"}),
    ("Рудник в Чаунском районе, а флот - в Северном море.", {"Chaunsky district"}),
])
def test_regions_of_a_list_with_the_noun_left_out(text: str, regions: set[str]) -> None:
    assert _names(text, "region") == regions


@pytest.mark.parametrize("text,companies", [
    # a geological expedition is a state enterprise: named by its adjectives, in quotes or not, in the nominative
    ("Отчет подготовлен специалистами Тарвинской геологоразведочной экспедиции.",
     {"Tarvinskaya geologorazvedochnaya ekspeditsiya"}),
    ('Отчет подготовили геологи предприятия "Тарвинской геологоразведочной экспедиции" (Пенджикент).',
     {"Tarvinskaya geologorazvedochnaya ekspeditsiya"}),
    ("Участок изучила «Кумдинская экспедиция».", {"Kumdinskaya ekspeditsiya"}),
])
def test_a_geological_expedition_is_a_company(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


@pytest.mark.parametrize("text,people", [
    # a surname the dictionary reads rather as a surname than as the patronymic it is shaped as
    ("Крупнейший акционер компании - фонд Романа Абрамовича (32%).", {"Roman Abramovich"}),
    # a surname the dictionary would also read as a first name of the other gender
    ("Доля в 8,6% принадлежит Евгению Швидлеру.", {"Yevgeny Shvidler"}),
    # ... not a first name and a patronymic with no surname
    ("Встреча прошла у Ивана Петровича.", set()),
])
def test_surnames_shaped_as_patronymics_or_first_names(text: str, people: set[str]) -> None:
    assert _names(text, "person") == people


@pytest.mark.parametrize("text,deposits", [
    # a region's adjective before the deposit word names no deposit: the region's
    ("Бурятское месторождение золота продано компании.", {}),
    ("Якутское месторождение расположено на участке «Тарвинский».", {"Tarvinsky": []}),
    # ... a deposit named by its own place's adjective still is one
    ("Кумдинское месторождение золота продано компании.", {"Kumdinskoye": ["gold"]}),
    # an area named by its adjective with "лицензионной" between
    ("Компания проведет разведку на соседней Кумдинской лицензионной площади, где оценены запасы золота.",
     {"Kumdinskaya": ["gold"]}),
    # ore occurrences listed after the word
    ("В отношении проявлений Лог-26, Сухая Грива, Баяниха даны рекомендации для добычи коренного золота.",
     {"Log-26": ["gold"], "Sukhaya Griva": ["gold"], "Bayanikha": ["gold"]}),
    # "one of the largest deposits of silver" with no name: the one the text speaks of
    ("Правительство изучает проекты разработки месторождения «Кумди». «Мы объявим победителя тендера на разработку "
     "одного из крупнейших в мире месторождений серебра», - сказал он.", {"Kumdi": ["silver"]}),
    # a known deposit in another of its Russian spellings
    ("Добыча меди на Ую-Толгое выросла.", {"Oyu Tolgoi": ["copper"]}),
])
def test_region_adjectives_licence_areas_occurrences_and_one_of_the_largest(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,companies", [
    # a quoted name listed after a company, with where each is from in brackets between
    ("Заявку подал консорциум в составе «Казцинк» (Казахстан), «Кумди» (Казахстан), «Тарво» (Таджикистан).",
     {"Kazzinc", "Kumdi", "Tarvo"}),
    # English words of a company's name written in Cyrillic come back in English
    ('Участок принадлежит московской компании "Кумди Менеджмент".', {"Kumdi Management"}),
    ("Акции «Тарво Венчурс» выросли.", {"Tarvo Ventures"}),
])
def test_listed_companies_past_brackets_and_more_english_words(text: str, companies: set[str]) -> None:
    assert _names(text, "company") == companies


@pytest.mark.parametrize("text,amounts", [
    # a sum with its scale and no currency, listed right after a sum in one sentence, is in that sum's currency
    ("Расходы - 17,2 миллиарда рублей, чистая прибыль - 6,4 миллиарда.", {(17.2e9, "RUB"), (6.4e9, "RUB")}),
    ("Выручка выросла до 10 млрд тенге, а прибыль - до 2 млрд.", {(10e9, "KZT"), (2e9, "KZT")}),
    # ... not one of another sentence, nor one with a unit or a noun of its own
    ("Выручка составила 10 млрд тенге. В регионе добыли 2 млн.", {(10e9, "KZT")}),
    ("Компания вложила $5 млн, а добыча составила 2 млн тонн.", {(5e6, "USD")}),
    ("Компания вложила $5 млн, а в регионе живут 2 млн человек.", {(5e6, "USD")}),
])
def test_a_sum_listed_after_another_takes_its_currency(text: str, amounts: set[tuple[float, str]]) -> None:
    assert {(f["value"], f["currency"]) for f in _contract(text)["facts"] if f["type"] == "amount"} == amounts


@pytest.mark.parametrize("text,deposits", [
    # the metals a producer is named by describe it, not the deposit of the sentence
    ("Расскажите, чем Кумдинское месторождение привлекло крупнейшего производителя золота и серебра России? На "
     "Кумдинском месторождении добывают золото.", {"Kumdinskoye": ["gold"]}),
    # the deposit a ranking puts first, its word left out
    ("Компания намерена продать Кумдинское месторождение, второе по величине месторождение золота в Армении после "
     "Тарвинского.", {"Kumdinskoye": ["gold"], "Tarvinskoye": ["gold"]}),
])
def test_producers_described_by_metals_and_the_deposit_a_ranking_puts_first(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text,kind,names", [
    ("сказал директор Зангезурского медно-молибденового комбината Максим Акопян.", "company",
     {"Zangezur Copper Molybdenum Combine"}),
    # a surname made of a father's first name, after a post
    ("Об этом сообщил министр промышленности и новых технологий Таджикистана Шерали Кабир.", "person", {"Sherali Kabir"}),
    # ... not a body's name before a first name and surname
    ("Об этом сообщил глава Роснедр Евгений Петров.", "person", {"Yevgeny Petrov"}),
])
def test_a_known_combine_declined_and_a_surname_that_is_a_first_name(text: str, kind: str, names: set[str]) -> None:
    assert _names(text, kind) == names


def test_russian_text_with_no_sentence_end_is_cut_into_pieces() -> None:
    from orewire.facts.ru.found import Sentences

    text = "Выручка 10 млрд рублей, прибыль - 2 млрд, " * 500
    spans = Sentences(text).spans
    assert len(spans) > 1 and all(e - s <= 2000 for s, e in spans)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)  # the whole text, in pieces


@pytest.mark.parametrize("text,deposits", [
    # more of the region's deposits the gazetteer knows, with what they are worked for
    ("На Биркачане и Асаче добыто больше золота, чем год назад.", {"Birkachan": ["gold"], "Asacha": ["gold"]}),
    ("Добыча угля на Назар-Айлоке и Шугноу выросла.", {"Nazar-Aylok": ["coal"], "Shugnou": ["coal"]}),
    # ... a name that is also a word or a town only after a deposit word
    ("Прогноз цен на серебро улучшился.", {}),
    ("На месторождении Прогноз добыто серебро.", {"Prognoz": ["silver"]}),
])
def test_more_known_deposits_of_the_region(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


def test_an_english_word_written_on_at_a_names_end_comes_back_in_english() -> None:
    assert _names("Акционер комбината - компания «ГеоКумдимайнинг».", "company") == {"GeokumdiMining"}


def test_a_list_of_fields_with_small_second_words_and_numbers_and_an_autonomous_okrug() -> None:
    text = ("В 2025-м официально открыли месторождения:\nКумдинка талаа — 11;\nБешбурхан;\nТарвай;\nКельмет — 1;\n"
            "Кожо-Келен.\nВ настоящее время на всех указанных участках идут работы.")
    assert _names(text, "deposit") == {"Kumdinka Talaa", "Beshburkhan", "Tarvay", "Kelmet", "Kozho-Kelen"}
    # "Чукотского АО" is an autonomous okrug: the name after it is a person's, no company's
    text = "— заявил вице-губернатор Чукотского АО Андрей Городилов. Месторождение разрабатывает АО Кумди Голд."
    assert _names(text, "person") == {"Andrey Gorodilov"} and _names(text, "company") == {"Kumdi Gold"}


def test_rare_earth_elements_and_ranges_written_with_a_minus_sign() -> None:
    result = extract("Права на участок с содержанием оксидов ниобия, тербия, иттрия получила компания. Инвестиции "
                     "оцениваются в 150−200 млрд руб.").to_contract()
    assert {e["name"] for e in result["entities"] if e["kind"] == "commodity"} == {"niobium", "terbium", "yttrium"}
    assert [f["value"] for f in result["facts"] if f["type"] == "amount"] == [150e9, 200e9]
    result = extract("The Tarvo deposit will cost $150−200 million.").to_contract()
    assert [f["value"] for f in result["facts"] if f["type"] == "amount"] == [150e6, 200e6]


def test_a_name_rejected_in_a_list_one_a_line_does_not_end_the_list() -> None:
    text = ("В 2025-м официально открыли месторождения:\nСулюкту талаа — 11;\nБешбурхан;\nТарвай.\nВ настоящее время "
            "на всех указанных участках идут работы.")
    assert {"Beshburkhan", "Tarvay"} <= _names(text, "deposit")


@pytest.mark.parametrize("text,person", [
    # a Mongolian father's name in "-ийн" first, as it is, or with the case ending the sentence put on both words;
    # spelled as English news spells Mongolian names (й is i, ж is j)
    ("Глава ведомства Долгорсурэнгийн Сумъяабазар подчеркнул, что рост продолжится.", "Dolgorsurengiin Sumyaabazar"),
    ("Монголия по инициативе премьер-министра страны Чимэдийна Сайханбилэга проведет форум.", "Chimediin Saikhanbileg"),
    ("Решение было принято главой Монголии Цахиагийном Элбэгдоржем.", "Tsakhiagiin Elbegdorj"),
    ("Премьер-министр Монголии Лувсаннамсрайн Оюун-Эрдэнэ заявил о росте.", "Luvsannamsrain Oyun-Erdene"),
    # a Russian surname in "-ын" is declined as before
    ("По словам Сергея Голицына, рост продолжится.", "Sergey Golitsyn"),
])
def test_mongolian_names_keep_their_fathers_name_and_are_spelled_as_english_news_does(text: str, person: str) -> None:
    assert _names(text, "person") == {person}


def test_the_commodity_right_after_a_figure_is_the_nearest_one() -> None:
    text = "Компания произвела 41 тыс. т меди, 20 тыс. т никеля и 2 млн унций металлов платиновой группы."
    assert [(f["value"], f["commodity"]) for f in extract(text).to_contract()["facts"] if f["type"] == "quantity"] == [
        (41_000, "copper"), (20_000, "nickel"), (2_000_000, "platinum group metals")]


@pytest.mark.parametrize("text,deposits", [
    # a placer area by where it lies: "на реке X", "на ручье X"
    ("Артель стала единственным участником аукциона на участок россыпного золота на реке Малая Кумдинка.",
     {"Malaya Kumdinka": ["gold"]}),
    # a list's lines opened by other bullets than a dash
    ("Объявлен аукцион на участки россыпного золота.\n● Ручей Тальвинский, площадь 4 кв. км.\n▪ Река Эрзанка.",
     {"Talvinsky": ["gold"], "Erzanka": ["gold"]}),
])
def test_placers_by_the_river_they_lie_on_and_in_lists_of_any_bullet(text: str, deposits: dict[str, list[str]]) -> None:
    assert _deposits(text) == deposits


@pytest.mark.parametrize("text", [
    "Компания работает в регионе. Кумдысай является крупнейшим месторождением меди.",
    "Компания работает в регионе. Кумдысай — крупнейшее месторождение меди.",
    "Компания работает в регионе. «Кумдысай» является крупнейшим разрабатываемым месторождением меди.",
])
def test_a_name_that_opens_a_later_sentence_before_a_deposit_word(text: str) -> None:
    assert _deposits(text) == {"Kumdysay": ["copper"]}
