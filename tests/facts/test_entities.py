"""Entities, deposits, roles and aliases, plus robustness of ``extract``."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from orewire.facts import EXTRACTOR_VERSION, Extraction, entity_id, extract

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "gold" / "seed" / "trend-3378389"


def _names(x: Extraction, kind: str) -> set[str]:
    return {e.name for e in x.entities if e.kind == kind}


def test_seed_article_is_complete() -> None:
    text = SEED.with_suffix(".txt").read_text(encoding="utf-8")
    expected = json.loads(SEED.with_suffix(".facts.json").read_text(encoding="utf-8"))
    got = extract(text).to_contract()
    by_key = {(e["kind"], e["name"]): e for e in got["entities"]}
    for e in expected["entities"]:
        ent = by_key.get((e["kind"], e["name"]))
        assert ent is not None, f"missing entity {e}"
        for key in ("code", "role", "org"):
            if key in e:
                assert ent.get(key) == e[key], (e, ent)
        assert set(e.get("aliases", [])) <= set(ent.get("aliases", [])), (e, ent)
        for s, end in ent["mentions"]:
            assert 0 <= s < end <= len(text)
    for f in expected["facts"]:
        matches = [g for g in got["facts"] if g["type"] == f["type"]]
        if f["type"] == "amount":
            hit = [g for g in matches if g["currency"] == f["currency"] and g["value"] == f["value"]]
            assert hit, f
            if "value_usd" in f and f["currency"] != "USD":
                assert hit[0]["value_usd"] == f["value_usd"] and hit[0]["rate_source"] == "stated"
        elif f["type"] == "quantity":
            assert any(g["unit"] == f["unit"] and g["value"] == f["value"] for g in matches), f
        elif f["type"] == "deposit":
            (g,) = [g for g in matches if g["name"] == f["name"]]
            assert g["commodities"] == f["commodities"]
            assert g.get("status") == f.get("status")
            if "region" in f:
                assert g.get("region") == f["region"]
    for f in got["facts"]:
        assert text[f["start"] : f["end"]] in f["sentence"]
        assert f["extractor_version"] == EXTRACTOR_VERSION
    names = {e["name"] for e in got["entities"]}
    assert not names & {"Trend", "Kazinform", "Nargiz Sadikhova", "Sadikhova"}


def test_author_and_agencies_are_not_entities() -> None:
    text = "MOSCOW, March 3. /TASS/. Nornickel CEO Vladimir Potanin said output rose, Interfax reported."
    x = extract(text, author="Ivan Petrov")
    assert _names(x, "person") == {"Vladimir Potanin"}
    assert "TASS" not in {e.name for e in x.entities}
    y = extract("Deputy Minister Ivan Petrov said the mine opened.", author="Ivan Petrov")
    assert _names(y, "person") == set()


def test_countries_from_names_and_demonyms() -> None:
    x = extract("Kazakh and Russian geologists met Chinese investors from the US. Price: US$5 million, "
                "or 7 million Australian dollars.")
    assert {e.code for e in x.entities if e.kind == "country"} == {"KZ", "RU", "CN", "US"}


def test_a_nationality_word_naming_a_language_or_inside_a_company_name_is_no_country() -> None:
    # "published in Spanish", "translated from Russian,": a language; "Anglo American": a company's name
    x = extract("The release was published in Spanish. Anglo American said output in Peru rose. "
                "The talks were held in Russian, officials said.")
    assert _names(x, "country") == {"Peru"}
    # the same words as nationalities still name their countries
    x = extract("Kelmet invested in Russian, Kazakh and Uzbek projects. The American company Freeport mines copper.")
    assert _names(x, "country") == {"Russia", "Kazakhstan", "Uzbekistan", "United States"}
    # "the Anglo-Australian miner": nationalities, no company
    x = extract("Rio Tinto said its shipments rose as the Anglo-Australian miner ramped up output.")
    assert _names(x, "company") == {"Rio Tinto"}


def test_company_aliases() -> None:
    x = extract("Firms such as RioTinto explore here. Russian Copper Company (RCC) said RCC would expand.")
    companies = {e.name: e for e in x.entities if e.kind == "company"}
    assert "RioTinto" in companies["Rio Tinto"].aliases
    rcc = companies["Russian Copper Company"]
    assert "RCC" in rcc.aliases and len(rcc.mentions) == 3  # full name, "(RCC)", "RCC"
    assert set(companies) == {"Rio Tinto", "Russian Copper Company"}


def test_abbreviations_that_end_sentences() -> None:
    """"etc." and "Ltd." end a sentence where a sentence opener follows; "Ltd. said" does not."""
    from orewire.facts.text import Sentences

    text = "Chile, Peru, etc. In terms of output, Chile leads. Kazzinc Ltd. The company said. Rio Tinto Ltd. said so."
    spans = Sentences(text).spans
    assert [text[a:b] for a, b in spans] == ["Chile, Peru, etc.", "In terms of output, Chile leads.", "Kazzinc Ltd.",
                                             "The company said.", "Rio Tinto Ltd. said so."]


def test_resource_terms_are_not_the_miner_of_that_name() -> None:
    """"Mineral Resources" is a miner's name, and a reporting code's term after "Total", "Indicated"."""
    terms = extract("Total Mineral Resources increased to 45.6 Mt. Indicated Mineral Resources were 20 Mt.")
    assert "Mineral Resources" not in _names(terms, "company")
    miner = extract("Pilbara Minerals and Mineral Resources ship lithium. Mineral Resources said output rose.")
    assert "Mineral Resources" in _names(miner, "company")


def test_companies_by_legal_form_ticker_and_cue() -> None:
    x = extract('Steppe Metals Ltd (ASX: STM) ("Steppe" or "the Company") signed with German company '
                "Erzberg Bergbau AG. Kazakhstan's Altynalmas will fund it.")
    assert _names(x, "company") >= {"Steppe Metals", "Erzberg Bergbau", "Altynalmas"}


def test_deposits_named_as_ore_clusters_and_lodes() -> None:
    x = extract("Polyus received a licence for the Panimba ore cluster. The Kara-Jul ore lode holds copper and "
                "cobalt, and the Sary-Tash ore bodies lie nearby.")
    assert {"Panimba", "Kara-Jul", "Sary-Tash"} <= _names(x, "deposit")


def test_names_in_single_curly_quotes_before_their_legal_form() -> None:
    x = extract("\u2018Ulaan Tolgoi Mining\u2019 LLC and the Chinese-owned \u2018Bor Khad\u2019 LLC export zinc, "
                "said the Association of Base Metals Exporters\u2019 chairman.")
    companies = _names(x, "company")
    assert {"Ulaan Tolgoi Mining", "Bor Khad"} <= companies
    assert not any(n.endswith(("\u2019", "'")) for e in x.entities for n in [e.name])


def test_people_with_role_and_organisation() -> None:
    x = extract("Kazakhstan's Vice Minister of Ecology, Geology and Natural Resources Serikkali Brekeshev said. "
                "Director General of Almalyk MMC Abdulla Khursanov added. Brekeshev agreed.")
    people = {e.name: e for e in x.entities if e.kind == "person"}
    assert people["Serikkali Brekeshev"].role == "Vice Minister of Ecology, Geology and Natural Resources"
    assert people["Serikkali Brekeshev"].org == "Kazakhstan"
    assert len(people["Serikkali Brekeshev"].mentions) == 2
    assert (people["Abdulla Khursanov"].role, people["Abdulla Khursanov"].org) == ("Director General", "Almalyk MMC")
    roles = [f for f in x.facts if f.type == "role"]
    assert {(f.person, f.org) for f in roles} == {("Serikkali Brekeshev", "Kazakhstan"),
                                                 ("Abdulla Khursanov", "Almalyk MMC")}


def test_deposits_names_commodities_status() -> None:
    text = ("Geologists discovered the Dyusembay lead-zinc deposit and the 50 Let Oktyabrya deposit in the "
            "Aktobe region. The company operates the Kyzyl and Varvarinskoye gold mines. "
            "Exploration continues at the Chanach Project in Kyrgyzstan.")
    deposits = {f.name: f for f in extract(text).facts if f.type == "deposit"}
    assert set(deposits) == {"Dyusembay", "50 Let Oktyabrya", "Kyzyl", "Varvarinskoye", "Chanach"}
    assert deposits["Dyusembay"].commodities == ["lead", "zinc"]
    assert deposits["Dyusembay"].status == "discovered"
    assert deposits["50 Let Oktyabrya"].region == "Aktobe region"
    assert deposits["Varvarinskoye"].commodities == ["gold"] and deposits["Kyzyl"].status == "production"
    assert deposits["Chanach"].status == "exploration" and deposits["Chanach"].country == "KG"


def test_commodity_synonyms_and_lead_the_verb() -> None:
    x = extract("It holds rare earth metals, REE and U3O8, and will lead the market; iron ore and chrome too.")
    assert _names(x, "commodity") == {"rare earths", "uranium", "iron ore", "chromium"}


def test_contract_shape_and_ids() -> None:
    c = extract("Kazatomprom produced 21,000 tonnes of uranium in Kazakhstan.").to_contract()
    assert set(c) == {"entities", "facts", "events", "extractor_version"}
    event = c["events"][0]
    assert {"kind", "subject", "party", "commodity", "quantity", "amount", "share", "period", "basis", "direction",
            "sentence", "start", "end"} <= set(event)
    q = next(f for f in c["facts"] if f["type"] == "quantity")
    assert (q["value"], q["unit"], q["commodity"]) == (21000, "t", "uranium")
    assert {"sentence", "start", "end"} <= set(q)
    assert entity_id("country", "KZ") == "country:KZ"
    assert entity_id("company", "Tau-Ken Samruk") == "company:tau-ken-samruk"


def test_never_raises_on_odd_input() -> None:
    rnd = random.Random(7)
    garbage = bytes(rnd.randrange(256) for _ in range(20000)).decode("utf-8", errors="replace")
    for text in ("", "   ", "\x00\x01", garbage, "$" * 1000, "(" * 500 + "Mt", "Ltd " * 2000):
        x = extract(text)
        assert isinstance(x, Extraction)
    assert extract(None).entities == []  # type: ignore[arg-type]


def test_one_megabyte_text_is_extracted_whole() -> None:
    # its speed is measured in bench/bench_facts.py, not here
    para = SEED.with_suffix(".txt").read_text(encoding="utf-8")
    copies = 1_000_000 // len(para)
    text = (para + "\n\n") * copies
    x = extract(text)
    kz = next(e for e in x.entities if e.name == "Kazakhstan")
    assert len(kz.mentions) == copies * len(next(e for e in extract(para).entities if e.name == "Kazakhstan").mentions)


def test_warehouse_rows_use_the_contract_ids() -> None:
    from types import SimpleNamespace

    from orewire.records import facts_rows

    text = "Kazakhstan's Kazatomprom said the Inkai uranium mine in Kazakhstan raised output."
    article = SimpleNamespace(article_id="a1", text=text, published_at=None, title=None, author=None)
    rows = facts_rows(article)
    entities, mentions = rows.entities, rows.mentions
    contract = {e["id"] for e in extract(text).to_contract()["entities"]}
    assert {e["entity_id"] for e in entities} == contract
    assert {m["entity_id"] for m in mentions} == contract
    assert "country:KZ" in contract


def test_deposit_owner_where_the_text_says_so() -> None:
    def owners(text: str) -> dict[str, str | None]:
        return {f.name: f.org for f in extract(text).facts if f.type == "deposit"}

    assert owners("KAZ Minerals' Bozshakol and Aktogay mines produced copper.") == {
        "Bozshakol": "KAZ Minerals", "Aktogay": "KAZ Minerals"}
    assert owners("The Akyem mine, operated by Newmont, produced gold.") == {"Akyem": "Newmont"}
    assert owners("Polymetal operates the Kyzyl gold mine in Kazakhstan.") == {"Kyzyl": "Polymetal"}
    assert owners("Kazatomprom said its Budenovskoye uranium deposit grew.") == {"Budenovskoye": "Kazatomprom"}
    # a company merely named in the sentence owns nothing
    assert owners("Glencore shares rose while the Kumtor gold mine stopped.") == {"Kumtor": None}


def test_known_deposit_takes_its_commodity_and_country_from_the_gazetteer() -> None:
    facts = {f.name: f for f in extract("Output at Aktogay rose as copper prices climbed.").facts if f.type == "deposit"}
    assert facts["Aktogay"].commodities == ["copper"] and facts["Aktogay"].country == "KZ"


def test_companies_no_list_names() -> None:
    def companies(text: str) -> set[str]:
        return {e.name for e in extract(text).entities if e.kind == "company"}

    assert companies("Shares of Kestrel Copper rose after Sarama Gold said it would merge.") == {
        "Kestrel Copper", "Sarama Gold"}
    assert "Altyn Emir" in companies("Kazakh Invest bought a stake in Altyn Emir last year.")
    assert companies("Almaty-based Qazaq Ore Holding signed the deal.") == {"Qazaq Ore Holding"}
    assert "Zhanatas Mineral" in companies("The Zhanatas Mineral company challenged the fine.")
    # a headline in title case, a place, or a deposit is no company
    assert companies("Overall Contained Gold At Golden Meadows Increases") == set()
    assert companies("Western Australia Nickel output fell.") == set()
    assert companies("It bought a stake in the Aktogay mine.") == set()


def test_companies_from_context_without_a_list() -> None:
    def companies(text: str) -> set[str]:
        return {e.name for e in extract(text).entities if e.kind == "company"}

    # a head phrase grows whole; "and" joins head words, not two companies
    assert companies("The Tobol Mining and Metallurgical Combine raised output.") == {
        "Tobol Mining and Metallurgical Combine"}
    assert companies("A consortium of Qarlygash Invest and Tarlan Partners won the tender.") == {
        "Qarlygash Invest", "Tarlan Partners"}
    # names listed beside a company are companies; places and people beside one are not
    assert companies("The plant is a joint venture between Vale, Zhenfa Huayang, and Ford Motor Company.") == {
        "Vale", "Zhenfa Huayang", "Ford Motor Company"}
    assert companies("Glencore and Kazakhstan signed the deal.") == {"Glencore"}
    assert "Ministry of Energy and Industries" not in companies(
        "An agreement between the Ministry of Energy and Industries and Talco Global LTD was signed.")
    # an owner by possessive, a "-owned" compound, "X, which operates"
    assert "Norvik" in companies("Norvik's Ulkun Tau mine produced 90,000 ounces.")
    assert "Vedara" in companies("Vedara-owned Zinc Plant said output rose.")
    assert "Shanxi Molybdenum" in companies("The second producer is Shanxi Molybdenum, which operates the Tenke mine.")
    # a bank named by a proper name is a company, a development bank a body, a bank arena a place
    assert companies("Credit came from Japan's MUFG Bank.") == {"MUFG Bank"}
    assert companies("Credit came from the Asian Development Bank.") == set()
    assert companies("The concert is at the Ameris Bank Amphitheatre.") == set()
    # a commodity-led name in a corporate context; a demonym and a commodity word in prose
    assert "Lithium Chile" in companies("Shares of Lithium Chile were up by 3.9% as of noon on the exchange.")
    assert "Georgian Manganese" in companies("Miners protested against Georgian Manganese in Chiatura.")
    # people and titles are not companies
    assert companies("Serbia's Andy Murray and producer John Shanks met Former President Obama.") == set()


def test_words_of_organisations_never_make_a_person() -> None:
    def people(text: str) -> set[str]:
        return {e.name for e in extract(text).entities if e.kind == "person"}

    assert people("The Conservative Party said on Monday it would win.") == set()
    assert people("The European Space Agency says the launch slipped.") == set()
    assert people("According to Jean-Sébastien Jacques, the deal was final.") == {"Jean-Sébastien Jacques"}
    assert people("Analyst Kostas Bintas of Mercuria said copper would rally.") == {"Kostas Bintas"}


def test_a_body_named_with_and_ends_before_the_next_party() -> None:
    x = extract("The agreement was signed between the Ministry of Energy and Industries and Pamir Global Ltd.")
    assert _names(x, "org") == {"Ministry of Energy and Industries"}
    assert _names(x, "company") == {"Pamir Global"}
    x = extract("President of the Chamber of Mines, Michael Edem Akafia, said members repatriated $4.2 billion.")
    assert _names(x, "org") == {"Chamber of Mines"}
    assert _names(x, "person") == {"Michael Edem Akafia"}


def test_a_region_of_another_country_named_with_a_country_word_is_no_mention_of_it() -> None:
    assert _names(extract("Teck operates mines in British Columbia and Chile."), "country") == {"Chile"}
    assert _names(extract("The mine is in Western Australia."), "country") == {"Australia"}
    assert _names(extract("A British company bought the mine."), "country") == {"United Kingdom"}


def test_words_of_a_kind_are_no_ones_name() -> None:
    x = extract("The project is held under its Philippine Subsidiary Company, Makilala Mining Co., Inc (MMCI), a unit "
                "of Celsius Resources.")
    assert _names(x, "company") == {"Makilala Mining", "Celsius Resources"}
    assert _names(extract("President of the Chamber on Friday, June 7, said output rose."), "org") == set()


def test_iron_opens_a_deposit_name_as_other_metals_do() -> None:
    assert _names(extract("The miner said its Iron Bridge project would deliver 22 Mt a year."), "deposit") == {
        "Iron Bridge"}


def test_deposits_named_in_more_ways() -> None:
    def deposits(text: str) -> dict[str, list[str]]:
        return {f.name: f.commodities for f in extract(text).facts if f.type == "deposit"}

    assert deposits("Last year we started developing the Tokbulak goldmine.") == {"Tokbulak": ["gold"]}
    assert deposits("It will develop the Zarnisori Shimoli (Northern Zarnisor) silver deposit.") == {
        "Zarnisori Shimoli": ["silver"]}
    assert deposits("Work continues at the Zarbulak gold ore zone.") == {"Zarbulak": ["gold"]}
    assert deposits("The group operates the open-pit mine Kyzyltas in Kazakhstan, producing copper.") == {
        "Kyzyltas": ["copper"]}
    assert deposits("SQM produces lithium from its Salar de Atacama operation.") == {"Salar de Atacama": ["lithium"]}
    assert deposits("Drilling went on. Kostobe is a gold project in Kazakhstan.") == {"Kostobe": ["gold"]}
    # a company said to own a project is no deposit
    assert deposits("Rio Tinto is the owner of the project.") == {}


def test_a_known_company_is_named_as_the_article_writes_it() -> None:
    from types import SimpleNamespace

    from orewire.records import facts_rows

    text = "ERG said output at its Kazakh plants rose. ERG plans a new smelter."
    erg = next(e for e in extract(text).to_contract()["entities"] if e["kind"] == "company")
    assert (erg["name"], erg["canonical"], erg["id"]) == ("ERG", "Eurasian Resources Group",
                                                          "company:eurasian-resources-group")
    # written as the canonical name, or as it with other spacing: the canonical name stays
    assert "canonical" not in next(e for e in extract("RioTinto and Glencore signed.").to_contract()["entities"]
                                   if e["kind"] == "company")
    # the warehouse keeps one name per id: the canonical one, with the written form an alias
    article = SimpleNamespace(article_id="a1", text=text, published_at=None, title=None, author=None)
    row = next(r for r in facts_rows(article)[0] if r["kind"] == "company")
    assert row["name"] == "Eurasian Resources Group" and "ERG" in row["aliases"]


def test_works_months_and_currency_codes() -> None:
    def companies(text: str) -> set[str]:
        return {e["name"] for e in extract(text).to_contract()["entities"] if e["kind"] == "company"}

    # "Mining and Processing Works" is one name, like "Mining and Metallurgical Combine"
    assert companies("Almalyk Mining and Processing Works exported copper.") == {"Almalyk Mining and Processing Works"}
    # "Goldfields" ends a company's name, after a country's too
    assert companies("Kazakhstan Goldfields is proceeding with a $14-million private placement.") == {
        "Kazakhstan Goldfields"}
    # a title case headline's verb ends a name before it
    assert "Kincora Receives Exploration" not in companies(
        "Kincora Receives Exploration License Revocation Notification\nKincora Copper said so.")
    # an industry's federation or association is a body, not a company of its last words
    assert companies("Exports rose, as per figures of the Federation of Indian Mineral Industries (FIMI).") == set()
    assert "Association of Kazakh Miners" in {e["name"] for e in extract(
        "The Association of Kazakh Miners met.").to_contract()["entities"] if e["kind"] == "org"}
    # a span of months or a currency's code set off as "the company" names none
    assert companies("In January-August, the company exported copper.") == set()
    assert companies("Net profit amounted to 19.1 trillion UZS, the company said.") == set()


def test_currency_marks_and_exchanges_are_no_story_entities() -> None:
    def names(text: str) -> set[tuple[str, str]]:
        return {(e["kind"], e["name"]) for e in extract(text).to_contract()["entities"]}

    # "US $328 million" is a currency, not the United States
    assert ("country", "United States") not in names("Polymetal puts its capital cost at US $328 million.")
    assert ("country", "United States") in names("Polymetal sells gold to the US.")
    # an exchange named in full with its legal form lists shares; it is nobody in the story
    found = names("The shares will trade on the Main Market of London Stock Exchange plc. KazakhGold Group said so.")
    assert ("company", "London Stock Exchange") not in found and ("company", "KazakhGold Group") in found

    # a deposit known by its owner's short name ("Nezhda" for Nezhdaninskoye) stays a deposit after "stake in"
    assert ("deposit", "Nezhdaninskoye") in names("Polymetal completed the acquisition of the remaining stake in Nezhda.")


def test_a_known_company_in_capitals_or_with_group_after_it_is_the_known_one() -> None:
    def companies(text: str) -> list[str]:
        return [e["canonical"] if "canonical" in e else e["name"]
                for e in extract(text).to_contract()["entities"] if e["kind"] == "company"]

    assert companies("KAZAKHMYS PLC AUDITED RESULTS\nKazakhmys said revenue rose.") == ["Kazakhmys"]
    assert companies("POLYMETAL INTERNATIONAL PLC RESULTS\nPolymetal said revenue rose.") == ["Polymetal"]
    assert companies("The Kazakhmys Group said revenue rose. Kazakhmys pays a dividend.") == ["Kazakhmys"]
    # ... a known one-word name with a figure in it, in capitals inside a sentence
    assert companies("Barrick Gold led with 11.7 tonnes, followed by B2GOLD with 8.3 tonnes.") == ["Barrick Gold", "B2Gold"]
    # a name no list knows stays as written
    assert companies("ALTYNEX PLC RESULTS\nAltynex said revenue rose.") == ["ALTYNEX"]


def test_a_size_before_a_deposits_name_is_no_part_of_it() -> None:
    def deposits(text: str) -> list[str]:
        return [e["name"] for e in extract(text).to_contract()["entities"] if e["kind"] == "deposit"]

    assert deposits("Polymetal is developing the 2 Moz Kyzyl gold project.") == ["Kyzyl"]
    assert deposits("The 10 Mtpa Aktogay mine processed ore.") == ["Aktogay"]
    assert deposits("The 50 Let Oktyabrya deposit holds copper.") == ["50 Let Oktyabrya"]
    # the metals in a project's name ("Chanach Gold and Copper Project") make no company of its first words
    assert deposits("RTG agreed to acquire a stake in the Chanach Gold and Copper Project.") == ["Chanach"]


def test_a_commodity_glued_to_a_name_is_a_company() -> None:
    # "OceanaGold", "AltynGold": one word of a name and a commodity written together
    ents = extract("OceanaGold posted a gain in profit. AltynGold said output rose; the Gold price fell.").entities
    assert {e.name for e in ents if e.kind == "company"} == {"OceanaGold", "AltynGold"}


def test_a_mine_named_between_commas_before_where_it_lies() -> None:
    # "a new mine, Salares Norte, in Chile": the name set off by commas and placed
    ents = extract("Gold Fields is also building a new mine, Salares Norte, in Chile.").entities
    assert ("deposit", "Salares Norte") in {(e.kind, e.name) for e in ents}


def test_a_rank_or_a_place_adjective_is_no_company() -> None:
    # "Russia's No.2 lender", "Siberian gold miner Zapadnaya Gold Mining"
    ents = extract("VTB Capital, an investment arm of VTB, Russia's No.2 lender, has acquired a minority stake in "
                   "Siberian gold miner Zapadnaya Gold Mining.").entities
    assert {e.name for e in ents if e.kind == "company"} == {"VTB Capital", "VTB", "Zapadnaya Gold Mining"}


def test_a_quoted_name_called_a_company_after_it() -> None:
    # '“Zarafshon” company', '"Almalyk" combine': a quoted name the next word calls a company
    ents = extract('Over $100 million will be invested in “Zarafshon” company. The "Almalyk" combine produced copper. '
                   'He said "Big" changes come.').entities
    assert {e.name for e in ents if e.kind == "company"} == {"Zarafshon", "Almalyk"}


def test_quoted_names_after_a_deposit_keyword() -> None:
    # 'the field "Yahton"', 'the deposits "Kalmakyr", "Sari-Cheku" and "Dalnee"': texts translated from Russian
    one = extract('Industrial reserves of the field "Yahton" hit about 5.6 million tons of ore.')
    assert _names(one, "deposit") == {"Yahton"}
    many = extract('Almalyk MMC develops the deposits "Kalmakyr", "Sari-Cheku" and "Dalnee" in Tashkent region.')
    assert {"Kalmakyr", "Sari-Cheku", "Dalnee"} <= _names(many, "deposit")


def test_companies_listed_after_including() -> None:
    # "companies, including X, Y": the list names companies
    x = extract("Licences went to Magadan-based companies, including Carbon Trade Kolyma, Dukatgeologiya and others.")
    assert {"Carbon Trade Kolyma", "Dukatgeologiya"} <= _names(x, "company")
    assert not _names(extract("Several companies, including in Kazakhstan, bid for the licence."), "company")


def test_a_country_of_several_words_in_the_possessive_is_no_part_of_a_name() -> None:
    # "The United Arab Emirates' International Resources Holding": the company is International Resources Holding
    x = extract("The United Arab Emirates' International Resources Holding (IRH) will buy a 51% stake in Mopani.")
    assert "International Resources Holding" in _names(x, "company")
    assert not any(n.startswith("United") for n in _names(x, "company"))


def test_a_reporting_codes_terms_name_no_company() -> None:
    from orewire.facts import extract

    names = [(e.kind, e.name) for e in extract("The JORC Mineral Resources for Sukhoi Log stand at 58 moz, and its "
                                               "Indicated Mineral Resources at 20 moz.").entities]
    assert not any(kind == "company" for kind, _name in names), names
    assert ("company", "Mineral Resources") in [(e.kind, e.name) for e in extract(
        "Mineral Resources said its lithium output rose.").entities]


def test_a_deposit_name_in_single_curly_quotes_before_its_keyword_is_read_whole() -> None:
    # "the ‘Kelmet’ and ‘Tasbulakskoye’ deposits": each name in its own quotes, the closing quote no possessive's
    # mark to keep (a name stripped of it once failed the whole article: entities, facts and events lost)
    x = extract("Tau-Ken Samruk is negotiating with investors to develop the ‘Kelmet’ and ‘Tasbulakskoye’ deposits, "
                "the company said. Reserves of the deposit are estimated at 2 million tonnes of copper.")
    assert {"Kelmet", "Tasbulakskoye"} <= _names(x, "deposit")
    assert "Tau-Ken Samruk" in _names(x, "company")
    assert [(e.kind, e.subject) for e in x.events] == [("reserves", "Tasbulakskoye")]


def test_a_persons_possessive_after_a_final_s_is_no_part_of_the_name() -> None:
    # "behind Kim Tarvos’ 6-4 win": the person is Kim Tarvos (that mark once failed the whole article)
    x = extract("Australia beat Colombia behind Kim Tarvos’ 6-4 win over Alan Brooks.")
    assert {"Kim Tarvos", "Alan Brooks"} <= _names(x, "person")
    x = extract("Critics praised the approach of Michael Tarvos’ work. Michael Tarvos said it took a year.")
    assert _names(x, "person") == {"Michael Tarvos"}


def test_a_concession_names_a_deposit() -> None:
    x = extract("SolGold signed a US$430m contract to mine gold and copper at the Cascabel concession for 15 years.")
    assert "Cascabel" in _names(x, "deposit")
    assert [(e.kind, e.subject, e.party) for e in x.events if e.kind == "investment"] == [
        ("investment", "Cascabel", "SolGold")]


def test_a_currency_adjective_names_no_country_in_any_case() -> None:
    # "4 billion U.S. Dollars": the dollar's country is no country the article speaks of
    x = extract("This will require the implementation of 40 projects worth 4 billion U.S. Dollars.")
    assert not _names(x, "country")


def test_a_linking_adverb_opening_a_sentence_names_nothing() -> None:
    x = extract("Furthermore, NMMC actively took part in the programme, producing goods worth UZS 629.5 billion.")
    assert not any(n.startswith("Furthermore") for e in x.entities for n in [e.name])
    assert all(e.subject != "Furthermore" and e.party != "Furthermore" for e in x.events)


def test_russias_coal_and_gold_regions_by_their_usual_names() -> None:
    x = extract("Kuzbass exports rose 7.1% to 18.3 million tonnes, while mines in Transbaikalia added gold.")
    assert {"Kuzbass", "Transbaikalia"} <= _names(x, "region")
    # "the Kemerovo region" is the same region, under one id
    assert _names(extract("Coal output in the Kemerovo region rose to 20 million tonnes."), "region") == {"Kuzbass"}


def test_a_byline_in_small_letters_names_no_story_entity() -> None:
    text = ("Kumdi Mining shipments hit record high\nby Tarvo Resources - August 18, 2021\n"
            "Kumdi Mining shipped 1.24 million tonnes of nickel ore from January to June.")
    names = {e["name"] for e in extract(text).to_contract()["entities"] if e["kind"] == "company"}
    assert "Tarvo Resources" not in names and "Kumdi Mining" in names


@pytest.mark.parametrize("text,companies", [
    # a company named by a French, Spanish or Portuguese company word first, whole, a place in its name included
    ("Guinea's leading bauxite producer Societe Miniere de Kumdi (SMK) has said it plans to invest up to $1 billion.",
     {"Societe Miniere de Kumdi"}),
    ("Compagnie des Bauxites de Guinee exported 14 million tonnes.", {"Compagnie des Bauxites de Guinee"}),
    ("Compania de Minas Tarvo reported higher output.", {"Compania de Minas Tarvo"}),
    ("The project is run by Mineração Kumdi Verde.", {"Mineração Kumdi Verde"}),
    ("In Chile, Minera Tarvo and Minera Los Kumdis raised output.", {"Minera Tarvo", "Minera Los Kumdis"}),
])
def test_companies_named_by_a_romance_company_word(text: str, companies: set[str]) -> None:
    assert _names(extract(text), "company") == companies


def test_bodies_of_the_mining_world_are_organisations_not_companies() -> None:
    from orewire.facts import extract

    text = ("The 2022 Extractive Industries Transparency Initiative (EITI) report has shown that proceeds rose. "
            "According to the World Gold Council, demand for gold rose, while the International Council on Mining and "
            "Metals said members cut emissions.")
    found = {(e.kind, e.name) for e in extract(text).entities}
    assert {("org", "Extractive Industries Transparency Initiative"), ("org", "World Gold Council"),
            ("org", "International Council on Mining and Metals")} <= found
    assert not any(kind == "company" for kind, _ in found)
