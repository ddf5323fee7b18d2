"""Russian fact rules on texts written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from orewire.facts import entity_id, extract
from orewire.facts.ru import is_russian
from orewire.facts.ru.morph import adjective_neuter, surname_nominative
from orewire.facts.ru.numbers import find_amounts, find_quantities
from orewire.facts.ru.translit import latin_lookalike, translit

TEXT = (
    "АО «НАК «Казатомпром» и казахстанская компания «Степной Рудник» подписали соглашение о разработке "
    "Дюсембайского месторождения. Запасы месторождения Дюсембай составляют 36 тыс. тонн урана. "
    "Вице-министр промышленности Асель Жанибекова сообщила, что инвестиции составят 17 млрд тенге "
    "($40,3 млн). Китайская CNNC Overseas получит 49% в золоторудном месторождении «Каратас». "
    "Содержание золота — 4,2 г/т, площадь участка 12 кв. км.\n"
    "Министр Олжас Бектенов встретился с главой Rio Tinto."
)


def _contract(text: str, **kw):  # type: ignore[no-untyped-def]
    return extract(text, **kw).to_contract()


def test_romanisation() -> None:
    assert translit("Евгений Фёдоров") == "Yevgeny Fyodorov"
    assert translit("Верхний Кумарг") == "Verkhny Kumarg"
    assert translit("Дюсембай") == "Dyusembay"
    assert translit("Илья Объедков") == "Ilya Obyedkov"
    assert translit("Жанибекова") == "Zhanibekova"
    assert translit("ТАЛКО Gold") == "TALKO Gold"
    assert translit("Шчучье") == "Shchuchye"
    assert latin_lookalike("ТВЕА") == "TBEA"
    assert latin_lookalike("НГМК") is None


def test_morphology() -> None:
    assert surname_nominative("Кудратовым", "masc") == "Кудратов"
    assert surname_nominative("Жанибековой", "femn") == "Жанибекова"
    assert surname_nominative("Жанибекова", "femn") == "Жанибекова"
    assert surname_nominative("Бектенова", "masc") == "Бектенов"
    assert surname_nominative("Вишневского", "masc") == "Вишневский"
    assert adjective_neuter("Дюсембайского") == "Дюсембайское"
    assert adjective_neuter("Изыгскому") == "Изыгское"


def test_numbers() -> None:
    q = [(f.value, f.unit) for f in find_quantities("добыто 3 млн 597 тыс. т руды и 430–450 тысяч унций золота, "
                                                    "0,2-3 гр металла на 1 тонну, 15,4 квадратных километров")]
    assert (3_597_000, "t") in q and (430_000, "oz") in q and (450_000, "oz") in q
    assert (0.2, "g/t") in q and (3, "g/t") in q and (15.4, "km2") in q
    assert find_quantities("и т.д. и т.п.") == []
    words = [(f.value, f.unit) for f in find_quantities("полтора миллиона тонн руды, глубина 300 м, 500 кв. м, в 2020-м")]
    assert words == [(1_500_000, "t"), (300, "m")]
    a = [(f.value, f.unit) for f in find_amounts("$82,5 млн, 1,2 трлн руб., 121 млрд сумов, 200 млн долларов, "
                                                 "3 млн сомов и 17 млрд тенге")]
    assert a == [(82_500_000, "USD"), (1.2e12, "RUB"), (1.21e11, "UZS"), (2e8, "USD"), (3e6, "KGS"), (1.7e10, "KZT")]
    b = [(f.value, f.unit) for f in find_amounts("от 10 до 12 млрд тенге, два миллиарда долларов, €25 млн")]
    assert b == [(25e6, "EUR"), (1e10, "KZT"), (1.2e10, "KZT"), (2e9, "USD")]


def test_compound_numbers_with_a_last_part_of_their_own() -> None:
    # the last part of a compound takes its own multiplier, or none before the unit: it counts units then
    q = [(round(f.value, 4), f.unit) for f in find_quantities("добыто 2 тыс. 50 кг золота и 1 тыс. 214,5 кг серебра")]
    assert q == [(2.05, "t"), (1.2145, "t")]
    a = [(f.value, f.unit) for f in find_amounts("экспорт на $1 миллиард 284,3 миллиона и 2 млрд 300 млн рублей")]
    assert a == [(1_284_300_000, "USD"), (2_300_000_000, "RUB")]
    # ... not a count of something else after a multiplier
    assert [(f.value, f.unit) for f in find_amounts("выручка $5 млн 20 компаний")] == [(5e6, "USD")]


def test_language_choice() -> None:
    assert is_russian(TEXT)
    assert not is_russian("Kazatomprom said on Monday that output rose.")
    english = _contract("Kazatomprom said its Inkai mine produced 3,000 tonnes of uranium.", language="en")
    assert any(e["name"] == "Kazatomprom" for e in english["entities"])
    assert _contract(TEXT, language="en")["entities"] != _contract(TEXT)["entities"]


def test_entities_and_facts() -> None:
    out = _contract(TEXT, published_at=datetime(2026, 11, 1, tzinfo=UTC))
    ents = {(e["kind"], e["name"]) for e in out["entities"]}
    assert ("company", "Kazatomprom") in ents
    assert ("company", "Stepnoy Rudnik") in ents
    assert ("company", "CNNC Overseas") in ents
    assert ("company", "Rio Tinto") in ents
    assert ("person", "Asel Zhanibekova") in ents
    assert ("person", "Olzhas Bektenov") in ents
    assert ("deposit", "Dyusembay") in ents
    assert ("deposit", "Karatas") in ents
    assert {e["code"] for e in out["entities"] if e["kind"] == "country"} == {"KZ", "CN"}
    assert {e["name"] for e in out["entities"] if e["kind"] == "commodity"} == {"uranium", "gold"}
    dep = {f["name"]: f["commodities"] for f in out["facts"] if f["type"] == "deposit"}
    assert dep == {"Dyusembay": ["uranium"], "Karatas": ["gold"]}
    amounts = [(f["value"], f["currency"]) for f in out["facts"] if f["type"] == "amount"]
    assert (17e9, "KZT") in amounts and (40.3e6, "USD") in amounts
    kzt = next(f for f in out["facts"] if f["type"] == "amount" and f["currency"] == "KZT")
    assert kzt["value_usd"] and 1e7 < kzt["value_usd"] < 1e8
    qty = {(f["value"], f["unit"]) for f in out["facts"] if f["type"] == "quantity"}
    assert qty == {(36000, "t"), (4.2, "g/t"), (12, "km2")}
    person = next(e for e in out["entities"] if e["name"] == "Asel Zhanibekova")
    assert "Асель Жанибекова" in person["aliases"] and person["role"] == "вице-министр промышленности"
    deposit = next(e for e in out["entities"] if e["name"] == "Dyusembay")
    assert len(deposit["mentions"]) == 2 and "Дюсембай" in deposit["aliases"]


@pytest.mark.parametrize("kind,ru,en", [
    ("deposit", "на Дюсембайском месторождении добыли 5 т золота", "gold at the Dyusembay deposit"),
    ("company", "АО «Казцинк» увеличило выпуск цинка", "Kazzinc raised zinc output"),
    ("deposit", "разработка Удоканского месторождения меди", "copper from the Udokan deposit"),
])
def test_one_entity_across_languages(kind: str, ru: str, en: str) -> None:
    ids_ru = {e["id"] for e in _contract(ru)["entities"] if e["kind"] == kind}
    ids_en = {e["id"] for e in _contract(en)["entities"] if e["kind"] == kind}
    assert ids_ru & ids_en, (ids_ru, ids_en)


def test_countries_in_any_case_form() -> None:
    out = _contract("В Казахстане, казахстанский экспорт, из Кыргызстана, узбекские и российские компании, "
                    "в КНР и Турции.")
    assert {e["code"] for e in out["entities"] if e["kind"] == "country"} == {"KZ", "KG", "UZ", "RU", "CN", "TR"}
    assert entity_id("country", "KZ") in {e["id"] for e in out["entities"]}


def test_metaphor_and_company_words_are_no_commodity() -> None:
    out = _contract("Литий называют «белым золотом». Алюминиевый завод и угольная компания выпустили отчёт.")
    assert {e["name"] for e in out["entities"] if e["kind"] == "commodity"} == {"lithium"}


@pytest.mark.parametrize("text,deposits", [
    ("Компания ведет работы на месторождениях Каратау, Сарыбулак, Южный Ашалы и Кокпекты.",
     {"Karatau": [], "Sarybulak": [], "Yuzhny Ashaly": [], "Kokpekty": []}),
    ("В проект входят месторождения Акжал, Белая Гора и Жолымбет (золото).",
     {"Akzhal": ["gold"], "Belaya Gora": ["gold"], "Zholymbet": ["gold"]}),
    ("Золоторудные месторождения Бестобе и Жанатобе дадут 5 т золота.", {"Bestobe": ["gold"], "Zhanatobe": ["gold"]}),
    ("Рудник «Восток» и участок Северный переданы в концессию.", {"Vostok": [], "Severny": []}),
    ("ТОО «Казахалтын» добыло на руднике Аксу 2 т золота.", {"Aksu": ["gold"]}),
    ("Запасы Изыгского месторождения железных руд выросли.", {"Izygskoye": ["iron ore"]}),
    ("Месторождение по урану и молибдену – площадь Кызылсай.", {"Kyzylsay": ["uranium", "molybdenum"]}),
    ("Лицензия выдана на разработку месторождения Правительство одобрило.", {}),
    ("На месторождении имени В.И. Вернадского добыт алмаз.", {"Vernadsky": ["diamonds"]}),
    ("Компания владеет месторождением Каратау. На месторождении Акжал начата добыча. "
     "Запасы месторождения составляют 2 млн тонн цинка.", {"Karatau": [], "Akzhal": ["zinc"]}),
])
def test_deposit_phrases(text: str, deposits: dict[str, list[str]]) -> None:
    out = _contract(text)
    assert {f["name"]: f["commodities"] for f in out["facts"] if f["type"] == "deposit"} == deposits


@pytest.mark.parametrize("text,person,role,org", [
    ("Аким Карагандинской области Ермаган Булекпаев посетил рудник.", "Yermagan Bulekpayev", "аким", None),
    ("Об этом сообщил председатель правления АО «Казгеология» Жандос Бектемиров.", "Zhandos Bektemirov",
     "председатель правления", "Kazgeology"),
    ("Министр промышленности Канат Шарлапаев провел совещание.", "Kanat Sharlapayev", "министр промышленности", None),
    ("Он встретился с главой компании Glencore Гэри Нэйглом.", "Geri Neygl", "глава", "Glencore"),
    ("Как отметила заместитель министра Ирина Петрова, лицензии выданы.", "Irina Petrova", "заместитель министра", None),
    ("По словам Ерлана Акбарова, добыча выросла.", "Yerlan Akbarov", None, None),
    ("Документ поручено подписать Равшанбеку Сабирову.", "Ravshanbek Sabirov", None, None),
])
def test_people_in_the_nominative_with_post_and_organisation(text: str, person: str, role: str | None,
                                                             org: str | None) -> None:
    people = {e["name"]: e for e in _contract(text)["entities"] if e["kind"] == "person"}
    assert list(people) == [person]
    assert people[person].get("role") == role and people[person].get("org") == org
    assert not any(e["kind"] == "person" for e in _contract("Аким Карагандинской области провел совещание.")["entities"])


@pytest.mark.parametrize("text,companies", [
    ("АО Казахалтын и ТОО Алтын Тобе Майнинг получили лицензии.", {"Kazakhaltyn", "Altyn Tobe Mining"}),
    ("Холдинг «Металлоинвест» и госкорпорация «Ростех» создадут СП.", {"Metalloinvest", "Rostec"}),
    ("Дочерняя компания «Казахмыса» — ТОО «Kazakhmys Copper» — нарастила выпуск.", {"Kazakhmys", "Kazakhmys Copper"}),
    ("Как сообщает пресс-служба АО «НК «Казгеология»», работы завершены.", {"Kazgeology"}),
    ("ЗАО «ТАЛКО Голд» входит в группу ТАЛКО, сообщает Sputnik Таджикистан.", {"TALCO Gold", "TALCO"}),
    ("Об этом пишет Reuters со ссылкой на Bloomberg и РИА Новости.", set()),
    ("Китайская компания ТВЕА получила лицензию.", {"TBEA"}),
])
def test_companies(text: str, companies: set[str]) -> None:
    assert {e["name"] for e in _contract(text)["entities"] if e["kind"] == "company"} == companies


@pytest.mark.parametrize("text,region,subject", [
    ("В январе 2026 года угледобывающие предприятия Кузбасса добыли 15,8 млн т угля.", "Kuzbass", "Кузбасс"),
    ("По итогам 2020 года недропользователи Республики Саха (Якутия) получили порядка 39 тонн золота.", "Yakutia",
     "Якутия"),
])
def test_a_mining_region_of_russia_is_one_entity_in_both_languages(text: str, region: str, subject: str) -> None:
    x = extract(text, language="ru")
    assert region in {e.name for e in x.entities if e.kind == "region"}
    assert [e.subject for e in x.events] == [subject]
