"""The event stage on sentences written for these tests in the way mining news states its figures
(wire reports of output, producers' results, resource statements, financing news): who produces,
who receives the money, ranges, and the figures that are no event. One case per way of saying it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from orewire.facts import extract

PUBLISHED = datetime(2024, 5, 14, tzinfo=UTC)

# (text, [(kind, number, subject, {slot: value})]): exactly these numbered events, with these slots
CASES: list[tuple[str, list[tuple[str, float, str | None, dict[str, Any]]]]] = [
    # a body that reports a figure is not its producer
    ("According to the Ministry of Industry and Construction, Kazakhstan produced 131.4 tonnes of gold in 2023.",
     [("production", 131.4, "Kazakhstan", {"commodity": "gold", "period": "2023", "basis": "actual"})]),
    # a plan the text gives no year is of the year it is told in, not of the year the report's results are of
    ("Kazatomprom reported its results for 2023. It produced 21,112 tonnes of uranium. The company expects output to "
     "grow to about 25,500 tonnes.",
     [("production", 21112, "Kazatomprom", {"period": "2023", "basis": "actual"}),
      ("production", 25500, "Kazatomprom", {"period": "2024", "basis": "plan"})]),
    # ... also where a year came to it from the sentences before, and "seen around" is a forecast's word
    ("Glencore said its copper production fell 5% to 1.2 million tonnes in 2023. Copper production is seen around "
     "1.15 million tonnes.",
     [("production", 1.2e6, "Glencore", {"period": "2023", "basis": "actual"}),
      ("production", 1.15e6, "Glencore", {"period": "2024", "basis": "plan"})]),
    # figures joined by "and" share the time the list ends with; a figure compared with keeps its own
    ("Kyzyl Gold produced 61,300 ounces of gold and 98,000 ounces of silver last year. In the first quarter it "
     "produced 16,000 ounces of gold and 25,000 ounces of silver.",
     [("production", 61300, "Kyzyl Gold", {"commodity": "gold", "period": "2023"}),
      ("production", 98000, "Kyzyl Gold", {"commodity": "silver", "period": "2023"}),
      ("production", 16000, "Kyzyl Gold", {"period": "2024"}), ("production", 25000, "Kyzyl Gold", {"period": "2024"})]),
    ("Kyzyl Gold said gold output rose to 61,300 ounces, up from 52,000 ounces last year.",
     [("production", 61300, "Kyzyl Gold", {"period": "2024"}), ("production", 52000, "Kyzyl Gold", {"period": "2023"})]),
    # "from the same period a year before" is a comparison's year, not the figure's
    ("Vale produced 80.1 million tonnes of iron ore in the quarter, up 2.3% from the same period a year before.",
     [("production", 80.1e6, "Vale", {"period": "2024"})]),
    # the figure compared with in a sentence that compares year on year is of the year before
    ("From January to April, the company's nickel ore exports fell 4% year on year to 650,000 tonnes, compared with "
     "677,000 tonnes.",
     [("trade", 650000, None, {"period": "2024"}), ("trade", 677000, None, {"period": "2023"})]),
    # a rate's time between a unit and its commodity; the platinum group by its "4E" count
    ("The project is expected to produce 180,000t/y copper and 95,000oz/y gold.",
     [("production", 180000, None, {"commodity": "copper", "basis": "plan"}),
      ("production", 95000, None, {"commodity": "gold", "basis": "plan"})]),
    ("The mine produced 250,000 oz of 4E metals in concentrate.",
     [("production", 250000, None, {"commodity": "platinum group metals"})]),
    # the mine whose output a figure is; output that will come online is a capacity added
    ("Vale said 6 million tonnes of iron ore output at its Boa Vista mine would come online in the fourth quarter.",
     [("production", 6e6, "Boa Vista", {"basis": "capacity"})]),
    # what a figure includes types nothing: capital costs, not a purchase
    ("Capital costs, including the purchase of a mining fleet, are estimated at US$71.5 million.",
     [("investment", 71.5e6, None, {})]),
    # the mid-point of guidance is the plan itself, whatever the output did against it
    ("Kumtor exceeded the mid-point (540,000 ounces) of Centerra's revised gold production guidance for 2023.",
     [("production", 540000, "Kumtor", {"basis": "plan", "period": "2023"})]),
    # a deal told first without its price ("is buying all the shares it does not already own of") gives its
    # buyer to the price told next
    ("Andes Lithium Corp. is buying all the shares it does not already own of Puna Minerals Ltd. in a deal that "
     "gives it access to the basin.\nThe transaction, which values the target company at $227 million, will close "
     "this year.", [("deal", 227e6, "Puna Minerals", {"party": "Andes Lithium"})]),
    # the one supplied "with" the goods is the buyer
    ("Kazatomprom will supply Cameco with 2,000 tonnes of uranium next year.",
     [("trade", 2000, "Kazatomprom", {"party": "Cameco", "basis": "plan", "period": "2025"})]),
    # an estimate is dated by the line under its caption ("Prepared by ..., June 25, 2023")
    ("Gold contained in indicated resources at the Yellow Creek project rose to 4.2 million oz at 1.7 g/t gold.\n"
     "Mineral Resource Estimate - Yellow Creek Project, Idaho\nPrepared by SRK Consulting (Canada) Inc., June 25, 2023",
     [("reserves", 4.2e6, "Yellow Creek", {"period": "2023"}), ("reserves", 1.7, "Yellow Creek", {"period": "2023"})]),
    # the date of an older estimate the text compares with dates no other figure
    ("Northern Gold announces a resource for its Kallio project.\nThe new Inferred Resource of 4.6Mt grading 3.2g/t Au "
     "(474koz) is reported using a 1.5g/t cutoff. The new estimate is an uplift from the historically disclosed Indicated "
     "Resource of 1.3Mt grading 2.1g/t (85koz) and 1.5Mt grading 1.8g/t in the Inferred category (84koz) prepared in 2014.",
     [("reserves", 4.6e6, "Kallio", {"period": None}), ("reserves", 3.2, "Kallio", {"period": None}),
      ("reserves", 474000, "Kallio", {"period": None}), ("reserves", 1.3e6, "Kallio", {"period": "2014"}),
      ("reserves", 2.1, "Kallio", {"period": "2014"}), ("reserves", 85000, "Kallio", {"period": "2014"}),
      ("reserves", 1.5e6, "Kallio", {"period": "2014"}), ("reserves", 1.8, "Kallio", {"period": "2014"}),
      ("reserves", 84000, "Kallio", {"period": "2014"})]),
    # the lender right after the figure, before a payer told later; a name with its "own funds" pays, it receives nothing
    ("Almalyk MMC will develop the Yoshlik II deposit. The financing will be provided through a loan worth $350 million "
     "from the Fund for Reconstruction and Development of Uzbekistan, loans from local banks and AMMC's own funds.",
     [("investment", 350e6, "Yoshlik II", {"party": "Fund for Reconstruction and Development"})]),
    # a month told as ahead is the coming one: "will auction ... on January 26", told in May, is next year's
    ("Russia will auction the Sukhoi Log gold deposit on January 26 with an initial payment of 8.55 billion rubles.",
     [("licence", 8.55e9, "Sukhoi Log", {"period": "2025"})]),
    ("The company produced 5,000 ounces of gold in January.", [("production", 5000, None, {"period": "2024"})]),
    # the value of exports is trade, not earnings of a miner
    ("The Office of the Chief Economist said iron ore exports earnings are expected to reach A$74 billion this year.",
     [("trade", 74e9, None, {"commodity": "iron ore", "basis": "plan"})]),
    # a commodity-led name after a company's noun is the company, not its country
    ("Junior developer Lithium Australia announced on Monday that it would raise about A$6 million in a share placement.",
     [("investment", 6e6, "Lithium Australia", {})]),
    # debt financing secured is money put in, and it goes to the mine it is "for"
    ("Bauxite developer Metro Mining has secured A$40-million in debt financing for the development of the Skardon "
     "River mine, in Queensland.", [("investment", 40e6, "Skardon River", {})]),
    # figures written out with hyphens; the one an offtake agreement is "with" takes the goods
    ("The Skardon River mine is expected to start production in 2025 at an initial rate of two-million tonnes a year, "
     "ramping up to six-million tonnes a year.",
     [("production", 2e6, "Skardon River", {"basis": "plan"}), ("production", 6e6, "Skardon River", {"basis": "plan"})]),
    ("Metro Mining signed in 2024 a seven-million-tonne binding offtake agreement with China's Xinfa Group.",
     [("trade", 7e6, "Metro Mining", {"party": "Xinfa Group"})]),
    # expectations and a previous estimate are plans; the figure a plan starts from, told as reported, was done
    ("The Office of the Chief Economist has revised the export earnings expectations for this year, from the previous "
     "estimate of A$264 billion to A$278 billion.",
     [("trade", 264e9, None, {"basis": "plan"}), ("trade", 278e9, None, {"basis": "plan"})]),
    ("Iron ore export earnings are expected to reach A$74 billion, up from the A$63 billion reported a year earlier.",
     [("trade", 74e9, None, {"basis": "plan", "commodity": "iron ore"}),
      ("trade", 63e9, None, {"basis": "actual", "commodity": "iron ore"})]),
    # an estimate compared with is dated by when it was released; the new one by none of the older ones' years
    ("Liontown's updated estimate for the Kathleen project stands at 156Mt @ 1.4% Li2O.\nIt represents a 636% increase "
     "from the July 2021 MRE of 74.9Mt @ 1.3% Li2O and from the maiden MRE of 21.2Mt @ 1.4% Li2O released in "
     "September 2020.",
     [("reserves", 156e6, "Kathleen", {"period": None}), ("reserves", 74.9e6, "Kathleen", {"period": "2021"}),
      ("reserves", 21.2e6, "Kathleen", {"period": "2020"})]),
    # a month told as ahead and later in the year is this year's
    ("Production at Tanjianshan is slated to begin in October, and should total 40,000 oz by year-end.",
     [("production", 40000, None, {"period": "2024", "basis": "plan"})]),
    # trade in money further on is of the one commodity the article's other trade figures are of
    ("In June the company exported 1.5 million tons of coal. The speed of transport has doubled. Trucks queue at the "
     "border. The exchange added new buyers. In monetary terms, exchange exports generated USD 10 million in June.",
     [("trade", 1.5e6, None, {"commodity": "coal"}), ("trade", 10e6, None, {"commodity": "coal"})]),
    # cash held in investments, and what it is compared with, is no money put in; "to ship" is trade
    ("Cash and near-cash investments amounted to R835.5-million, compared with R917.6-million a year earlier.", []),
    ("The company had cash of $45 million, down from $60 million, and will invest $20 million in the mine.",
     [("investment", 20e6, None, {})]),
    ("The company kept its guidance, expecting to ship between 187 million tonnes and 192 million tonnes of iron ore.",
     [("trade", 187e6, None, {"commodity": "iron ore", "basis": "plan"})]),
    # alumina is its own commodity, not aluminium metal
    ("Kazakhstan produces 1.4 million tons of aluminum oxide annually.", [("production", 1.4e6, "Kazakhstan",
                                                                         {"commodity": "alumina"})]),
    # grams a tonne beside a base metal's percent are gold's; a tonnage of a resource's class is ore
    ("Serrote will mine a reserve of 52.65 Mt grading 0.6% Cu and 0.1 g/t, with upside into the larger 108.85 Mt "
     "Measured and Indicated Resource.",
     [("reserves", 52.65e6, None, {"commodity": "ore"}), ("reserves", 0.1, None, {"commodity": "gold"}),
      ("reserves", 108.85e6, None, {"commodity": "ore"})]),
    # "the last-year level" is last year's; a year in a bracket after a figure is the bracket's figure's
    ("Norilsk Nickel expects nickel production of about 184,000 tons this year, down 7% against the last-year level of "
     "209,000 tons.",
     [("production", 184000, "Norilsk Nickel", {"period": "2024", "basis": "plan"}),
      ("production", 209000, "Norilsk Nickel", {"period": "2023", "basis": "actual"})]),
    ("Palladium production will drop by 9-14% to 2.296 mln ounces (the figure was 2.69 mln ounces in 2023).",
     [("production", 2.296e6, None, {"period": "2024", "basis": "plan"}),
      ("production", 2.69e6, None, {"period": "2023", "basis": "actual"})]),
    # "from X in 2022 to Y": Y is of the year after
    ("Gold production in Ghana has increased from 3.7 million ounces in 2022 to 4 million ounces.",
     [("production", 3.7e6, "Ghana", {"period": "2022"}), ("production", 4e6, "Ghana", {"period": "2023"})]),
    # a currency's code written with its figure is no lender's name
    ("Capital expenditure increased to USD70.4 million from USD66.2 million.",
     [("investment", 70.4e6, None, {"party": None}), ("investment", 66.2e6, None, {"party": None})]),
    # a price per dry tonne and cash held on a day are no events; a dividend told after net debt's clause is one
    ("Iron Bridge concentrate revenue of US$117 per dmt was 100% of the index.", []),
    ("Fortescue's cash balance at 31 March 2025 was US$3.3 billion and net debt was US$2.1 billion, after payment of "
     "the interim dividend of US$1.0 billion.", [("financial", 1e9, None, {})]),
    # a source quoted is no producer where the sentence names another; alone, it is the producer
    ("According to Kazatomprom, Kazakhstan produced 21,000 tonnes of uranium in 2023.",
     [("production", 21000, "Kazakhstan", {"period": "2023"})]),
    ("Kazatomprom said it produced 11,000 tonnes of uranium in the first half.",
     [("production", 11000, "Kazatomprom", {})]),
    ("According to Chairman of the Committee of Geology Yerlan Akbarov, private investors spent 42 billion tenge "
     "on exploration last year.", [("investment", 42e9, None, {"period": "2023", "party": None})]),
    ("Data from the Ministry of Energy showed Kazakhstan mined 112 million tonnes of coal in 2023.",
     [("production", 112e6, "Kazakhstan", {"commodity": "coal"})]),
    # "the company" before its name: the name the next sentence gives; not a lender named after it
    ("The company produced 72,500 ounces of gold in the quarter. Endeavour Mining said costs rose.",
     [("production", 72500, "Endeavour Mining", {})]),
    ("The company has secured a $150 million loan from VTB Bank to finance the expansion of the Bakyrchik mine.",
     [("investment", 150e6, "Bakyrchik", {"party": "VTB Bank"})]),
    # the payer is the one of the verb nearest the amount, not of a noun ("wealth fund") before it
    ("Kazakhstan's sovereign wealth fund Samruk-Kazyna will finance the $1.5 billion project.",
     [("investment", 1.5e9, None, {"party": "Samruk-Kazyna"})]),
    # names inside an insertion describe; the producer is the name outside it
    ("Altynalmas, which operates the Pustynnoye and Aksu gold mines in Kazakhstan, produced 17.4 tonnes of gold "
     "in 2022.", [("production", 17.4, "Altynalmas", {"period": "2022"})]),
    ("Barrick said Nevada Gold Mines, its joint venture with Newmont, produced 1.65 million ounces of gold in 2023.",
     [("production", 1.65e6, "Nevada Gold Mines", {"period": "2023"})]),
    ("ERG currently produces about 250,000 tonnes of aluminium a year from bauxite mined at the Krasnooktyabrskoye "
     "deposit.", [("production", 250000, "ERG", {"commodity": "aluminium"})]),
    # a mine or an expansion "expected to deliver" its output produces it
    ("The underground expansion is expected to deliver around 1.3 billion pounds of copper annually.",
     [("production", 1.3e9, None, {"commodity": "copper", "basis": "plan"})]),
    # the exporter named before the number, not a mine named after it
    ("Last year Georgia exported 290,000 tonnes of ferroalloys, most of them produced from Chiatura ore.",
     [("trade", 290000, "Georgia", {"direction": "export", "period": "2023"})]),
    # "Kazakh uranium": the goods' origin, the counterpart of an import; "the Kazakh government" pays as Kazakhstan
    ("China's imports of Kazakh uranium rose to 10,000 tonnes last year.",
     [("trade", 10000, "China", {"party": "Kazakhstan", "direction": "import", "period": "2023"})]),
    ("The Kazakh government will invest 100 billion tenge in the rare earths industry.",
     [("investment", 100e9, None, {"party": "Kazakhstan"})]),
    # a rise or a cut by a figure is a change, not a measure
    ("The new line will raise primary aluminium output by 90,000 tonnes a year.", []),
    ("Copper output grew by 12,000 tonnes to 300,000 tonnes in 2023.", [("production", 300000, None, {"period": "2023"})]),
    # the producer named after a passive verb
    ("In 2023, 4.2 tonnes of gold were produced at the Vasilkovskoye mine in the Akmola region.",
     [("production", 4.2, "Vasilkovskoye", {"commodity": "gold", "period": "2023"})]),
    ("Last year, 21,000 tonnes of uranium were mined in Kazakhstan.",
     [("production", 21000, "Kazakhstan", {"commodity": "uranium", "period": "2023"})]),
    # a range gives its lower bound, "X to Y" as well as "X-Y"; "from X to Y" is a change: two figures
    ("Production guidance for 2024 is 1.5 million to 1.6 million ounces, Kinross Gold said.",
     [("production", 1.5e6, "Kinross Gold", {"period": "2024", "basis": "plan", "commodity": "gold"})]),
    ("Rio Tinto shipped 332 million tonnes of Pilbara iron ore in 2023, and guided 323 to 338 million tonnes "
     "for 2024.",
     [("trade", 332e6, "Rio Tinto", {"period": "2023", "basis": "actual", "direction": "export"}),
      ("trade", 323e6, "Rio Tinto", {"period": "2024", "basis": "plan"})]),
    ("Kazatomprom's capital expenditure for 2024 is expected at 200-230 billion tenge.",
     [("investment", 200e9, "Kazatomprom", {"period": "2024"})]),
    ("The Government estimates the cost of the smelter at 5 million to 7 million euros.",
     [("investment", 5e6, None, {})]),
    # reserves a company's possessive opens, in a sentence that names no deposit, are the company's
    ("Kazakh Gold Group owns the Kopzhal deposit. The deposit's reserves are estimated at 1.2 million ounces. "
     "The company's total gold reserves amount to 8.9 million ounces across its four mines.",
     [("reserves", 1.2e6, "Kopzhal", {"commodity": "gold"}),
      ("reserves", 8.9e6, "Kazakh Gold Group", {"commodity": "gold"})]),
    ("Silver output rose from 3.37 to 3.41 million ounces in 2023.",
     [("production", 3.37e6, None, {"period": "2022"}), ("production", 3.41e6, None, {"period": "2023"})]),
    # "reserves at the mine": the mine is where the reserves lie, not a word of output
    ("As of January 1, 2024, ore reserves at the mine were 120 million tonnes.",
     [("reserves", 120e6, None, {"commodity": "ore", "period": "2024"})]),
    ("We plan to mine 12.5 tonnes of gold this year, Kyrgyzaltyn said.",
     [("production", 12.5, "Kyrgyzaltyn", {"basis": "plan", "period": "2024"})]),
    # who raises or secures money receives it; the lender follows "from"
    ("Solidcore Resources raised $200 million in a share placement.",
     [("investment", 200e6, "Solidcore Resources", {})]),
    ("Kazzinc has secured a $150 million loan from the Eurasian Development Bank.",
     [("investment", 150e6, "Kazzinc", {"party": "Eurasian Development Bank"})]),
    # the ways money for a project is told: its worth, money directed to it, offerings, streams
    ("The project is worth $800 million.", [("investment", 800e6, None, {})]),
    ("$500 million will be directed to the development of the Kounrad deposit.",
     [("investment", 500e6, "Kounrad", {})]),
    ("Lithium Americas completed a $250 million rights offering.", [("investment", 250e6, "Lithium Americas", {})]),
    ("Exports of ferroalloys from Kazakhstan were worth $2.1 billion in 2023.",
     [("trade", 2.1e9, "Kazakhstan", {"direction": "export", "period": "2023"})]),
    ("Shares worth $2 billion changed hands on Tuesday.", []),
    ("The project, valued at $200 million, aims to produce 30,000 tons of copper a year.",
     [("investment", 200e6, None, {}), ("production", 30000, None, {"commodity": "copper"})]),
    ("The company is valued at $2 billion.", []),
    # money held is not moved, whatever deal its sentence tells
    ("The transaction is expected to leave Alpha with about $45 million in cash.", []),
    ("The company had cash of $120 million at the end of June.", []),
    # a company's own spending is put into the company
    ("Hudbay's 2024 growth capital spending is expected to be $220 million.",
     [("investment", 220e6, "Hudbay", {"period": "2024"})]),
    ("Sandfire Resources has earmarked A$60 million for exploration at its Motheo copper mine this year.",
     [("investment", 60e6, "Motheo", {"party": "Sandfire Resources", "period": "2024"})]),
    # a site named where its output is ("At Oksut, ...", "output at Kamoa-Kakula")
    ("Gold production at the Mount Milligan mine was 40,112 ounces in the quarter. At Oksut, gold production was "
     "52,065 ounces.",
     [("production", 40112, "Mount Milligan", {}), ("production", 52065, "Oksut", {"commodity": "gold"})]),
    # periods: months counted from the start of the year, a year written after the other figure, the lead's year
    ("Kazatomprom produced 11,000 tonnes of uranium in the first nine months.",
     [("production", 11000, "Kazatomprom", {"period": "2024"})]),
    ("Last year, the company's output fell to 410,000 ounces from 450,000 ounces in 2022.",
     [("production", 410000, None, {"period": "2023"}), ("production", 450000, None, {"period": "2022"})]),
    ("KAZ Minerals reported its 2023 results on Thursday. The company said revenue rose 10%. Copper production at "
     "Aktogay was 230,000 tonnes, while Bozshakol produced 110,000 tonnes. Net profit was $700 million.",
     [("production", 230000, "Aktogay", {"period": "2023"}), ("production", 110000, "Bozshakol", {"period": "2023"}),
      ("financial", 700e6, "KAZ Minerals", {"period": "2023"})]),
    # a stake sold to a buyer: the buyer after "to" is no asset
    ("Kazakhmys agreed to sell its 50% stake in the Ekibastuz power plant to Samruk-Kazyna for $1.3 billion.",
     [("deal", 50, None, {"party": "Samruk-Kazyna"}), ("deal", 1.3e9, None, {"party": "Samruk-Kazyna"})]),
    # "the sale of ... to": the buyer after "to"; a buyer a country's possessive introduces is no asset;
    # "its $X acquisition of": the one whose acquisition it is buys
    ("Kazatomprom completed the sale of a 49% stake in JV Budenovskoye to Uranium One for $300 million.",
     [("deal", 49, "JV Budenovskoye", {"party": "Uranium One"}),
      ("deal", 300e6, "JV Budenovskoye", {"party": "Uranium One"})]),
    # (a seller's own business sold is told by the seller's name)
    ("Polymetal sold its Kazakh business to Kazakhstan's Haiyan for $1.3 billion.",
     [("deal", 1.3e9, "Polymetal", {"party": "Haiyan"})]),
    ("Newmont completed its $19.2 billion acquisition of Newcrest Mining in November.",
     [("deal", 19.2e9, "Newcrest Mining", {"party": "Newmont"})]),
    # a quarter with no year of its own takes the year an earlier quarter of its sentence was written with
    ("Production in Q3 2023 was 45,000 ounces, up from 40,000 ounces in Q2.",
     [("production", 45000, None, {"period": "2023"}), ("production", 40000, None, {"period": "2023"})]),
    # the figure a plan starts from is done
    ("Kazakhstan plans to increase coal production to 130 million tonnes by 2030 from 118 million tonnes in 2023.",
     [("production", 130e6, "Kazakhstan", {"period": "2030", "basis": "plan"}),
      ("production", 118e6, "Kazakhstan", {"period": "2023", "basis": "actual"})]),
    # "For the 2023 financial year": a period after "for", no counterpart
    ("For the 2023 financial year, BHP reported iron ore sales of 253 million tonnes.",
     [("trade", 253e6, "BHP", {"party": None, "period": "2023"})]),
    # a joint venture's first partner pays
    ("The Kyzyl smelter is a $1.2 billion joint venture between Kazzinc, Glencore and a Chinese partner.",
     [("investment", 1.2e9, None, {"party": "Kazzinc"})]),
    # a world total is no one's; a country's tonnage of a metal is metal, however large; "etc." can end a sentence
    ("According to the USGS, global copper reserves were 1 billion tons in 2023. Countries rich in copper resources "
     "include Chile (190 million tons), Peru (120 million tons) and Russia (80 million tons), etc. In terms of output, "
     "global copper mine production was 22 million tons.",
     [("reserves", 1e9, None, {"subject": None, "commodity": "copper"}),
      ("reserves", 190e6, "Chile", {"commodity": "copper"}), ("reserves", 120e6, "Peru", {"commodity": "copper"}),
      ("reserves", 80e6, "Russia", {"commodity": "copper"}),
      ("production", 22e6, None, {"subject": None, "commodity": "copper"})]),
    # a market's shortage or surplus is neither output nor trade
    ("The refined copper market was in short supply of 87,000 tons in 2023, after a supply shortage of 434,000 tons "
     "in 2022.", []),
    # the one company the lead names is the producer of output told sentences later with no name
    ("Zijin Mining Group has announced that its net profit fell in the first half. Revenues were flat. Assets rose. "
     "Metal prices rose sharply. Hedging losses weighed on profit. Copper output hit 273,701 tons in the half.",
     [("production", 273701, "Zijin Mining Group", {"commodity": "copper"})]),
    # a cut-off grade is where an estimate cuts, not a grade it has
    ("The Inferred Resource of 4.6Mt grading 3.2g/t Au is reported using a 1.5g/t cutoff.",
     [("reserves", 4.6e6, None, {"commodity": "ore"}), ("reserves", 3.2, None, {"commodity": "gold"})]),
    ("Resources are reported at a cut-off grade of 0.3 g/t gold and total 2 Moz at 1.1 g/t.",
     [("reserves", 2e6, None, {"commodity": "gold"}), ("reserves", 1.1, None, {})]),
    # money paid for a stake is the deal's price, and who pays or earns in buys; an earn-in's stake is a deal's
    ("Uranium One Holding would invest an initial $30 million for a 15% stake in Tolillar. Uranium One could earn "
     "another 35% for $185 million.",
     [("deal", 30e6, "Tolillar", {"party": "Uranium One Holding"}), ("deal", 15, "Tolillar", {}),
      ("deal", 35, None, {}), ("deal", 185e6, None, {})]),
    # the price and the stake one sentence tells are of the stake's asset
    ("Kazakhmys will have the right to acquire Glencore's remaining 16% shareholding in the Aktogay mine "
     "for EUR 240 million.",
     [("deal", 16, "Aktogay", {}), ("deal", 240e6, "Aktogay", {})]),
    # the ounces a grade comes to, in brackets, are a figure of their own
    ("The Eagle Gold project has probable reserves of 92 million metric tons averaging 0.78 grams per metric ton "
     "(2.3 million ounces) gold.",
     [("reserves", 92e6, None, {"commodity": "ore"}), ("reserves", 0.78, None, {"commodity": "gold"}),
      ("reserves", 2.3e6, None, {"commodity": "gold"})]),
    # the origin a country's name gives goods ("US copper"), a people's exports ("Tajik exports"); a figure in
    # brackets keeps the direction of the trade it compares with; what a country earns from sales is revenue
    ("China imported 30,734 tonnes of US copper concentrate last month.",
     [("trade", 30734, "China", {"party": "United States", "direction": "import"})]),
    ("Tajik exports of copper ore to Kazakhstan in the first half of 2022 amounted to $87.2 million, against the "
     "same period of 2021 ($14 million).",
     [("trade", 87.2e6, "Tajikistan", {"party": "Kazakhstan", "direction": "export"}),
      ("trade", 14e6, "Tajikistan", {"direction": "export"})]),
    ("Uzbekistan earns $2.5 billion a year from copper product sales.", [("financial", 2.5e9, "Uzbekistan", {})]),
    # "an agreement with Y to acquire": Y is the counterparty, the one who signed buys; a body that reports earns nothing
    ("Kazakhmys has signed an agreement with Glencore to acquire an additional 4% shareholding in the Aktogay mine "
     "for 60 million euros.",
     [("deal", 4, "Aktogay", {"party": "Kazakhmys"}), ("deal", 60e6, "Aktogay", {"party": "Kazakhmys"})]),
    ("In October 2021, the Ministry of Economic Development reported that Uzbekistan earns $2.5 billion from copper "
     "product sales.", [("financial", 2.5e9, "Uzbekistan", {})]),
    # a mine "that would produce" is the producer, named by its project, not the company that develops it
    ("Altyn Ore owns the Kopzhal project, where the company plans to develop an open-pit mine and heap leach "
     "operation that would produce 192,000 ounces of gold annually.",
     [("production", 192000, "Kopzhal", {"basis": "plan"})]),
    # "Group production" is the company's; a name in a clause of reason after the figure does not produce it
    ("Antofagasta reported results. Following the expansion at Los Pelambres, Group copper production in 2024 is "
     "estimated at between 670,000 and 710,000 tonnes.",
     [("production", 670000, "Antofagasta", {"period": "2024", "basis": "plan"})]),
    ("Zijin Mining Group cut its targets. It also reduced its copper production target by 14.5 per cent to 47,000 "
     "tonnes as production was more difficult than expected at its Derli mine.",
     [("production", 47000, "Zijin Mining Group", {"basis": "plan"})]),
    # shipments "made from" a port are trade; "tn" is tonnes; amounts told in words; a miner's sales are revenue
    ("Iron ore shipments made from Port Hedland to China amounted to 39.28 million mt in October.",
     [("trade", 39.28e6, None, {"party": "China"})]),
    ("Kazakhstan plans to increase its uranium output this year to 19,600 tn from 17,803 tn in 2010.",
     [("production", 19600, "Kazakhstan", {"basis": "plan"}),
      ("production", 17803, "Kazakhstan", {"period": "2010", "basis": "actual"})]),
    ("The company has set aside one billion yuan for capital spending in the second half.",
     [("investment", 1e9, None, {})]),
    ("Net profit rose to 1.2 billion yuan. Sales increased 69 per cent to 6.67 billion yuan.",
     [("financial", 1.2e9, None, {}), ("financial", 6.67e9, None, {})]),
    # a trade in "copper ore" is in copper; stakes with three decimals; the first of the buyers listed buys
    ("Peru exported 388,255mt of copper ore in April.", [("trade", 388255, "Peru", {"commodity": "copper"})]),
    ("Cameco and Orano agreed with Idemitsu to acquire Idemitsu's 7.875% stake in the Cigar Lake mine.",
     [("deal", 7.875, "Cigar Lake", {"party": "Cameco"})]),
    ("Rio Tinto said that at full tilt the Oyu Tolgoi mine would produce about 450,000 tonnes of copper a year.",
     [("production", 450000, "Oyu Tolgoi", {"basis": "capacity"})]),
    # a plan word in the cause of a change does not make the figure a plan; a net debt is no revenue;
    # "millions" scales a tonnage
    ("Polymetal said its gold output for nine months was down by 4% to 1,151 Koz driven by planned grade "
     "declines at Kyzyl.", [("production", 1151000, "Polymetal", {"basis": "actual"})]),
    ("Net debt increased for the quarter to US$ 1.90 billion as the company paid a dividend of US$ 0.2 billion.",
     [("financial", 0.2e9, None, {})]),
    ("China's copper concentrate imports fell from 2.76 millions metric tons in August to 2.59million metric "
     "tons in September.",
     [("trade", 2.76e6, "China", {"direction": "import"}), ("trade", 2.59e6, "China", {"direction": "import"})]),
    # money a company sets aside for its own capital spending goes into the company; a takeover's "deal worth"
    ("Zijin Mining Group cut targets at its Derli mine. The company has set aside one billion yuan for capital "
     "spending in the second half.", [("investment", 1e9, "Zijin Mining Group", {})]),
    ("Zijin led a consortium to take over London-listed Monterrico Metals, owner of the Rio Blanco mines in Peru, in "
     "a deal worth $194.6 million.", [("deal", 194.6e6, "Monterrico Metals", {"party": "Zijin"})]),
    # a plant yet to be built is the project's, not the company's that studies it
    ("Rio Tinto found the Winu deposit in 2017. Rio Tinto is advancing a pre-feasibility study for a mill capable of "
     "processing 10 million tonnes per year.", [("production", 10e6, "Winu", {"basis": "capacity"})]),
    ("ERG's aluminium smelter produced 250,000 tonnes of aluminium last year.",
     [("production", 250000, "ERG", {"basis": "actual"})]),
    # a price paid for a stake (a stated conversion between), a licence's one-time payment, the Russian code's
    # categories in English, "1 tonne of gold" (a figure, while "1 t of ore" is a unit)
    ("Cameco will pay about CAD107 million (USD83 million) for 4.522% of the Cigar Lake mine held by Idemitsu.",
     [("deal", 107e6, "Cigar Lake", {"party": "Cameco"}), ("deal", 4.522, "Cigar Lake", {"party": "Cameco"})]),
    ("The single payment for the licence is 2.24 million rubles.", [("licence", 2.24e6, None, {})]),
    ("C1 category – 8.46 million tons of ore, gold – 21.133 tons.",
     [("reserves", 8.46e6, None, {"commodity": "ore"}), ("reserves", 21.133, None, {"commodity": "gold"})]),
    ("Altynken aims to produce 1 tonne of gold by the end of this year.",
     [("production", 1, None, {"commodity": "gold", "basis": "plan"})]),
    ("The plant treats 1 t of ore an hour.", []),
    # a figure inside a condition is a threshold; shares a company sells fund the company
    ("The buyer may pay more if the total proved reserves in the mine exceed 150 million tonnes.", []),
    ("If all goes well, the Kopzhal mine will produce 100,000 ounces of gold in 2026.",
     [("production", 100000, "Kopzhal", {"period": "2026"})]),
    ("Alpha Lithium owns the Tolillar project. It announced an upsized bought-deal offering of $21.75 million.",
     [("investment", 21.75e6, "Alpha Lithium", {})]),
    # the year a figure is compared with dates no figure of the sentence, nor the next sentence's
    ("The Rio Tuba mine shipped 822,000 WMT of nickel ore in the first quarter of 2018, higher compared to the "
     "same period last year.", [("trade", 822000, "Rio Tuba", {"period": "2018"})]),
    ("Peru exported 388,255mt of copper ore in April 2020, down by 41pc from 657,022mt in April 2019. China imported "
     "207,004mt of copper ores from Peru.",
     [("trade", 388255, "Peru", {"period": "2020"}), ("trade", 657022, "Peru", {"period": "2019"}),
      ("trade", 207004, "China", {"period": "2020", "direction": "import"})]),
    # "It" opening an act of a company is the company the article speaks of; "agreed to sell" is no buyer's "to"
    ("Zijin Mining Group posted higher profit. It also bought Avocet Mining's 75 per cent stake in the Zeravshan "
     "mine for US$55.1 million in June.",
     [("deal", 75, "Zeravshan", {"party": "Zijin Mining Group"}),
      ("deal", 55.1e6, "Zeravshan", {"party": "Zijin Mining Group"})]),
    ("Newmont has agreed to sell its Akyem mine, in Ghana, to Chinese mining giant Zijin Mining for $1 billion.",
     [("deal", 1e9, "Akyem", {"party": "Zijin Mining"})]),
    # the parts of a price are a deal's, not money put in
    ("The seller will receive $379.5m in cash and $85m in convertible bonds.",
     [("deal", 379.5e6, None, {}), ("deal", 85e6, None, {})]),
    # scale words in a headline's capitals; a figure per share and a cost per ounce range are prices; liquid
    # funds are held; a processing turnover is no revenue; a licence's starting price is its price
    ("Centerra Gold Records Net Loss of $165 Million or $0.56 per Common Share on Revenues of $388 Million.",
     [("financial", 165e6, "Centerra Gold", {}), ("financial", 388e6, "Centerra Gold", {})]),
    ("All-in sustaining cost guidance remains $713 - $743 per ounce.", []),
    ("Gross liquid funds were $541 million at 31 December 2019 (2018: $1,467 million).", []),
    ("RG Gold opened a complex with a processing turnover of up to 5 million tons of gold ore per year.",
     [("production", 5e6, "RG Gold", {"commodity": "ore"})]),
    ("Vostok won the tender by offering to pay the starting price of $100 million for the licence to develop the "
     "Jerooy deposit.", [("licence", 100e6, "Jerooy", {})]),
    ("According to preliminary estimates, the Aulie gold deposit amounts to 3 tons.",
     [("reserves", 3, "Aulie", {"commodity": "gold"})]),
    ("The average border price of coal was USD 78.8 per ton in 2018 while it increased to USD 85.0 this year.", []),
    # a money word right after an amount binds it; a word before another figure is that figure's; money spent
    # to buy a company is a deal's price
    ("2019 investments include $436 million cash consideration for the Baimskaya acquisition and $718 million of "
     "expansionary capital expenditure (2018: $530 million).",
     [("deal", 436e6, "Baimskaya", {}), ("investment", 718e6, None, {}), ("investment", 530e6, None, {})]),
    ("Zijin Mining spent $1.2 billion to buy the company RG Gold.", [("deal", 1.2e9, "RG Gold", {})]),
    # a figure "at" a site is that site's; a total "which includes" the sites' figures is the company's
    ("Centerra Gold reported results. Production of 205,660 ounces of gold in the period, which includes 150,305 "
     "ounces at Kumtor and 55,355 ounces at Mount Milligan.",
     [("production", 205660, "Centerra Gold", {}), ("production", 150305, "Kumtor", {}),
      ("production", 55355, "Mount Milligan", {})]),
    # "at" after an amount is no "a t(onne)": the amount stands; a price a troy ounce is a price
    ("KAZ Minerals reported EBITDA of $1,355 million at an EBITDA margin of 60%.",
     [("financial", 1355e6, "KAZ Minerals", {})]),
    ("Gold was sold at $1,900 a troy ounce.", []),
    # a year is no range's lower end: "130,000 tons in 2014 to 600,000 tons in 2018" are two figures
    ("Output at the Aulie mine will reach 130,000 tons of ore in 2014 to 600,000 tons in 2018.",
     [("production", 130000, "Aulie", {"period": "2014"}), ("production", 600000, "Aulie", {"period": "2018"})]),
    # "respectively": the figures take the commodities, or the kinds, named before them in their order
    ("Gold and copper production amounted to 100,000 ounces and 50,000 tonnes, respectively, in 2023.",
     [("production", 100000, None, {"commodity": "gold"}), ("production", 50000, None, {"commodity": "copper"})]),
    ("The 2024 guidance for gold production and sales was raised to 730,000 ounces and 745,000 ounces, respectively.",
     [("production", 730000, None, {"basis": "plan", "direction": None}), ("trade", 745000, None, {"basis": "plan"})]),
    # a rate that sizes a plant is its capacity, of the project the article is about
    ("Lithium Chile owns the Salar de Coipasa project. The proceeds would fund a 10,000tpa plant.",
     [("production", 10000, None, {"basis": "capacity"})]),
    ("The company plans to build a 2.5Mtpa processing plant at the Kopzhal deposit.",
     [("production", 2.5e6, "Kopzhal", {"basis": "capacity"})]),
    # a resource table aligned with spaces: the tonnage column is ore, the contained columns are metal
    ("Table 1: Kyzyltas Mineral Resource Estimate\n\nCategory     Tonnes (Mt)   Cu (%)   Au (g/t)   Contained Cu (kt)"
     "   Contained Au (koz)\nIndicated    21.3          0.45     0.35       96                  240\n",
     [("reserves", 21.3e6, None, {"commodity": "ore"}), ("reserves", 0.35, None, {"commodity": "gold"}),
      ("reserves", 96000, None, {"commodity": "copper"}), ("reserves", 240000, None, {"commodity": "gold"})]),
    # the buyer is the company a country's possessive introduces; the price told next is of the same buyer
    ("Rio Tinto agreed to sell a 30% stake in its Winu copper-gold project to Japan's Sumitomo Metal Mining. "
     "The $399-million deal includes an upfront payment.",
     [("deal", 30, "Winu", {"party": "Sumitomo Metal Mining"}),
      ("deal", 399e6, "Winu", {"party": "Sumitomo Metal Mining"})]),
    # figures the fact stage leaves as words: a word between number and unit, a grade told as a sentence,
    # Indian scales, currencies named by a word
    ("Anglo Asian Mining produced 36,000 gold equivalent ounces in 2023.",
     [("production", 36000, "Anglo Asian Mining", {"commodity": "gold", "period": "2023"})]),
    ("The expansion adds 1.8 billion recoverable lbs of copper to the mine's reserves.",
     [("reserves", 1.8e9, None, {"commodity": "copper"})]),
    ("Experts say one ton of the Akjilga deposit's ore contains 640 grams of silver.",
     [("reserves", 640, "Akjilga", {"commodity": "silver"})]),
    ("Hindustan Zinc produced 2.6 lakh tonnes of refined zinc in the quarter.",
     [("production", 260000, "Hindustan Zinc", {"commodity": "zinc"})]),
    ("Vedanta will invest Rs 8,000 crore in the new smelter.", [("investment", 8e10, None, {"party": "Vedanta"})]),
    ("Freeport will invest 1.5 trillion rupiah in the smelter.", [("investment", 1.5e12, None, {})]),
    # "meets the target of": the figure is the target; ounces are of a precious metal
    ("KAZ Minerals copper output reached 300,000 tonnes in 2021. The gold result meets the target of "
     "160,000-180,000 ounces.",
     [("production", 300000, "KAZ Minerals", {"period": "2021", "basis": "actual"}),
      ("production", 160000, None, {"basis": "plan", "commodity": "gold", "period": "2021"})]),
    # periods written short or as a season of the year
    ("Kinross produced 530,000 ounces in 3Q23.", [("production", 530000, "Kinross", {"period": "2023"})]),
    ("BHP produced 1.72 million tonnes of copper in FY24.", [("production", 1.72e6, "BHP", {"period": "2024"})]),
    ("Production in the March quarter was 95,000 ounces.", [("production", 95000, None, {"period": "2024"})]),
    ("As of mid-2024, Kazatomprom had produced 11,000 tonnes of uranium.",
     [("production", 11000, "Kazatomprom", {"period": "2024"})]),
    ("Reserves at the Kyzyl mine were 5.8 million ounces as of end-2023.",
     [("reserves", 5.8e6, "Kyzyl", {"period": "2023"})]),
    # resource statements about a place the entity stage does not know: the phrase that states the
    # resource names where it lies ("hosts", "resources at", "the resource for", "X's resource")
    ("Taskora hosts 4.5 Moz of gold equivalent.", [("reserves", 4.5e6, "Taskora", {"commodity": "gold"})]),
    ("Arras Minerals said Sarybel hosts an indicated resource of 2.1 million ounces of gold.",
     [("reserves", 2.1e6, "Sarybel", {"commodity": "gold"})]),
    ("Resources at Kokzhyra stand at 1.2 million tonnes of copper.",
     [("reserves", 1.2e6, "Kokzhyra", {"commodity": "copper"})]),
    ("The updated JORC resource for Tuzdyk is 3.1 Moz gold, as of December 31, 2023.",
     [("reserves", 3.1e6, "Tuzdyk", {"commodity": "gold", "period": "2023"})]),
    ("Ertisbay's mineral resource estimate totals 2.1 million ounces of gold.",
     [("reserves", 2.1e6, "Ertisbay", {"commodity": "gold"})]),
    ("The Taskora deposit contains an estimated 40 tonnes of gold.", [("reserves", 40, "Taskora", {"commodity": "gold"})]),
    ("Ore reserves of Kokzhyra amount to 8 million tonnes.", [("reserves", 8e6, "Kokzhyra", {"commodity": "ore"})]),
    ("Ore reserves of 8 million tonnes were confirmed.", [("reserves", 8e6, None, {"commodity": "ore"})]),
    # the owner named before the place is the company, not where the resource lies
    ("Arras Minerals' resource at Tuzdyk stands at 4.5 Moz.", [("reserves", 4.5e6, "Tuzdyk", {"commodity": "gold"})]),
    # the code a statement is made under is a word of reserves
    ("Under the KAZRC code, the Sarybel deposit has 300,000 tonnes of copper.",
     [("reserves", 300000, "Sarybel", {"commodity": "copper"})]),
    # a tonnage and its grade with no other word state a resource (a mill's feed tonnage stays output)
    ("The Ertisbay project has 12 Mt at 1.2 g/t gold.",
     [("reserves", 12e6, "Ertisbay", {"commodity": "ore"}), ("reserves", 1.2, "Ertisbay", {"commodity": "gold"})]),
    ("The resource estimate for Tuzdyk is 12.4Mt at 3.2g/t Au for 1.27Moz.",
     [("reserves", 12.4e6, "Tuzdyk", {"commodity": "ore"}), ("reserves", 3.2, "Tuzdyk", {"commodity": "gold"}),
      ("reserves", 1.27e6, "Tuzdyk", {"commodity": "gold"})]),
    # the code's terms without a metal named state the ore; "contained copper" names the metal
    ("Proven and probable mineral reserves at Kokzhyra rose to 18 million tonnes, with a 55% increase in contained "
     "copper.", [("reserves", 18e6, "Kokzhyra", {"commodity": "ore"})]),
    ("Mineral reserves at Kokzhyra include 2 million tonnes of contained copper.",
     [("reserves", 2e6, "Kokzhyra", {"commodity": "copper"})]),
    ("The mill processed 1.2 Mt at 1.5 g/t gold in the quarter.",
     [("production", 1.2e6, None, {"commodity": "ore"})]),  # the grade of the feed measures no output
    # the statement's grades of resource continue the place named just before
    ("Arras Minerals is exploring the Sarybel project in Kazakhstan. Measured and indicated resources total "
     "45 million tonnes grading 1.1% copper, and inferred resources add a further 800,000 ounces of gold.",
     [("reserves", 45e6, "Sarybel", {"commodity": "ore"}), ("reserves", 800000, "Sarybel", {"commodity": "gold"})]),
    ("Significant mineral resources of 2 Moz were found.", [("reserves", 2e6, None, {"commodity": "gold"})]),
    # the tonnage that contains a metal is ore; an export told with an output is no ore
    ("Resources at Tuzdyk are 54 Mt containing 390 kt copper.",
     [("reserves", 54e6, "Tuzdyk", {"commodity": "ore"}), ("reserves", 390000, "Tuzdyk", {"commodity": "copper"})]),
    ("Kazakhstan produced 5 Mt of coal, with 2 Mt exported.",
     [("production", 5e6, "Kazakhstan", {"commodity": "coal"}), ("trade", 2e6, "Kazakhstan", {"commodity": "coal"})]),
    # a site named where work is done, and "the complex" standing for the complex named before
    ("Ekidos Minerals has started drilling at Taskora in northern Kazakhstan. The Soviet-era estimate put "
     "reserves at 20 tonnes of gold.", [("reserves", 20, "Taskora", {"commodity": "gold"})]),
    ("ERG is developing the Ertisbay mining complex. The complex's iron ore reserves are estimated at 1.1 billion "
     "tonnes.", [("reserves", 1.1e9, "Ertisbay", {"commodity": "iron ore"})]),
    ("Sarybel has proven and probable reserves of 2.3 million ounces of gold.",
     [("reserves", 2.3e6, None, {"commodity": "gold"})]),
    # written down, owed, given to a town: no event
    ("BHP wrote down the value of its nickel operations by $3.8 billion this year.", []),
    ("The company booked an impairment charge of $1.2 billion on the mine.", []),
    ("Barrick injected over US$1 billion into the local economy last year.", []),
    ("It will also establish a $20 million community fund to support local communities.", []),
    ("Gecamines is seeking $7.5 billion in unpaid royalties. It says it is owed about $7.5bn by CMOC.", []),
    ("Gold traded at $2,350 an ounce on Monday.", []),
    ("The licence area covers 150 square kilometres, 200 km from Almaty.", []),
    # the year a bracket or a dash opens dates the figure it introduces; the one compared is of the year after
    ("Net revenue of Altyn Group rose by 7% to $1,210 million (2022: $1,131 million), while EBITDA was $612 million "
     "(2022: $540 million).",
     [("financial", 1210e6, "Altyn Group", {"period": "2023"}), ("financial", 1131e6, "Altyn Group", {"period": "2022"}),
      ("financial", 612e6, "Altyn Group", {"period": "2023"}), ("financial", 540e6, "Altyn Group", {"period": "2022"})]),
    ("In 2023, uranium production in Uzbekistan reached 4,800 tons, and according to the plan for 2024 — 5,100 tons.",
     [("production", 4800, "Uzbekistan", {"period": "2023", "basis": "actual"}),
      ("production", 5100, "Uzbekistan", {"period": "2024", "basis": "plan"})]),
    # "in the same period of 2022" after a figure is its year; "than in 2022, when": the year of the figure after it
    ("Kyzyl produced 84,200 ounces of gold in the first quarter of 2023 compared to 79,500 ounces in the same "
     "period of 2022.", [("production", 84200, None, {"period": "2023"}),
                         ("production", 79500, None, {"period": "2022"})]),
    ("In 2023, Kazzinc produced 190,000 tons of zinc, which is 4% more than in 2022 when the company produced "
     "182,000 tons.", [("production", 190000, "Kazzinc", {"period": "2023"}),
                       ("production", 182000, "Kazzinc", {"period": "2022"})]),
    # months before a year: the year of the months, not the end of a range
    ("Kazakhstan exported 1.2 million tonnes of coal to Russia between January and November 2023.",
     [("trade", 1.2e6, "Kazakhstan", {"period": "2023", "direction": "export"})]),
    # the year after the figure compared with is that figure's, not of the figure before it; the goods a
    # trade word names ("imports of copper concentrate") type nothing of their own
    ("In 2024 China's imports of copper concentrate from Mongolia fell by 12% to 95,000 tonnes from 108,000 tonnes "
     "in March 2023.", [("trade", 95000, "China", {"period": "2024", "party": "Mongolia", "direction": "import"}),
                        ("trade", 108000, "China", {"period": "2023"})]),
    # the commodity of a range is named after its upper end; one verb's list of figures shares its basis
    ("The Bozshakol mine is expected to produce 80,000 to 95,000 tonnes of copper and 120,000 to 140,000 ounces of "
     "gold in 2025.", [("production", 80000, "Bozshakol", {"commodity": "copper", "basis": "plan"}),
                       ("production", 120000, "Bozshakol", {"commodity": "gold", "basis": "plan"})]),
    # a grade with its metal inside ("grams gold per tonne"); "oz." before the metal
    ("The deposit has reserves of 2.1 million tonnes grading 4.2 grams gold per tonne and 2.5 grams silver per tonne, "
     "for 283,600 oz. gold and 168,800 oz. silver.",
     [("reserves", 2.1e6, None, {"commodity": "ore"}), ("reserves", 4.2, None, {"commodity": "gold"}),
      ("reserves", 2.5, None, {"commodity": "silver"}), ("reserves", 283600, None, {"commodity": "gold"}),
      ("reserves", 168800, None, {"commodity": "silver"})]),
    # a list of "metal – figure", with decimal commas, one basis for the list
    ("The mine plan provides for extraction of ore – 6,200 thousand tons, zinc – 95.4 thousand tons and silver – "
     "80.5 tons.", [("production", 6.2e6, None, {"commodity": "ore"}), ("production", 95400, None, {"commodity": "zinc"}),
                    ("production", 80.5, None, {"commodity": "silver"})]),
    ("The mine plan provides for extraction of ore – 8 640 thousand tons, lead – 98,6 thousand tons, barite – "
     "1420,5 thousand tons, silver – 54,1 tons.",
     [("production", 8.64e6, None, {"commodity": "ore", "basis": "plan"}),
      ("production", 98600, None, {"commodity": "lead", "basis": "plan"}),
      ("production", 1420500, None, {"commodity": "barite", "basis": "plan"}),
      ("production", 54.1, None, {"commodity": "silver", "basis": "plan"})]),
    # the value of the goods traded, told after their tonnage
    ("Exports of refined copper from Kazakhstan amounted to 380,000 tonnes valued at $3.1 billion.",
     [("trade", 380000, "Kazakhstan", {"direction": "export"}), ("trade", 3.1e9, "Kazakhstan", {})]),
    ("Kyrgyzstan sold 12.2 tons of gold abroad worth $690 million.",
     [("trade", 12.2, "Kyrgyzstan", {"commodity": "gold"}), ("trade", 690e6, "Kyrgyzstan", {})]),
    # a body's name ends at its comma: the deposit after "According to the Committee of Geology, the ..." is named
    ("According to the Committee of Geology, the Kuranakh deposit contains 120 tonnes of gold.",
     [("reserves", 120, "Kuranakh", {"commodity": "gold"})]),
    # "production at X": the site output is told of, not an owner named in an apposition after it
    ("Production at the Kalmakyr mine, Almalyk MMC's largest, reached 32 million tonnes of ore in 2023.",
     [("production", 32e6, "Kalmakyr", {"commodity": "ore"})]),
    # the price of a right won at a tender or auction is the licence's; a stake sold so is a deal's
    ("Kazakhmys won the tender for the Nurkazgan deposit with a bid of $120 million.",
     [("licence", 120e6, "Nurkazgan", {})]),
    ("An auction for the right to develop the Kyzyl-Tash deposit raised 450 million soms.",
     [("licence", 450e6, "Kyzyl-Tash", {})]),
    ("The state will put a 25% stake in the Kyzyl-Tash mine up for auction, valued at $200 million.",
     [("deal", 200e6, None, {})]),
    # whose payments: the possessive before the money word; money "to the budget" is paid, not invested
    ("Kumtor's royalty payments to Kyrgyzstan amounted to $48 million in 2023.",
     [("financial", 48e6, "Kumtor", {"period": "2023"})]),
    ("The mining sector contributed 1.1 trillion tenge to the budget in 2023.", [("financial", 1.1e12, None, {})]),
    ("Erdenet Mining Corporation has paid a total of MNT 1.9 trillion to both state and local budgets.",
     [("financial", 1.9e12, "Erdenet Mining", {})]),
    ("MNT 1.5 trillion were paid for state revenues in 2023 alone.", [("financial", 1.5e12, None, {"period": "2023"})]),
    # "copper concentrate" names goods, it produces nothing; the buyer imports
    ("China remained the main buyer, taking 2.1 million tonnes of Mongolian copper concentrate in 2023.",
     [("trade", 2.1e6, "China", {"party": "Mongolia", "direction": "import", "commodity": "copper"})]),
    # a difference stated beside a figure is no measure of its own
    ("Gold production in Kyrgyzstan amounted to 15.1 tons in 2023, which is 2.4 tons more than in 2022.",
     [("production", 15.1, "Kyrgyzstan", {"period": "2023"})]),
    ("Kazzinc's zinc output reached 190,000 tonnes in 2023, up 12,000 tonnes year-on-year.",
     [("production", 190000, "Kazzinc", {"period": "2023"})]),
    # "co-financed"; deposits "estimated to be"
    ("The plant was co-financed by Halyk Bank for $150 million.", [("investment", 150e6, None, {"party": "Halyk Bank"})]),
    ("Total deposits at the Jerooy mine are estimated to be 90 tons of gold.",
     [("reserves", 90, "Jerooy", {"commodity": "gold"})]),
    # each clause its own counterpart; the trader carried from the first clause, never the first's counterpart
    ("Kazakhstan's coal exports to Russia reached 21 million tonnes in 2023, while shipments to Kyrgyzstan totalled "
     "1.4 million tonnes.", [("trade", 21e6, "Kazakhstan", {"party": "Russia"}),
                             ("trade", 1.4e6, "Kazakhstan", {"party": "Kyrgyzstan"})]),
    # the destination receives
    ("In 2023, China was the main destination of Kazakh copper, receiving 280,000 tonnes.",
     [("trade", 280000, "China", {"party": "Kazakhstan", "direction": "import"})]),
    # "X and Y tonnes ..., respectively": two figures, each of the name in the same place before them
    ("The Aktogay and Bozshakol mines produced 160,000 and 110,000 tonnes of copper in 2023, respectively.",
     [("production", 160000, "Aktogay", {"commodity": "copper"}), ("production", 110000, "Bozshakol", {"commodity": "copper"})]),
    # the rest of a company kept by its holder changes no hands
    ("Zijin Mining acquired 60% of the Taldybulak project for $90 million, with the remaining 40% retained by "
     "Kyrgyzaltyn.", [("deal", 60, None, {"party": "Zijin Mining"}), ("deal", 90e6, None, {"party": "Zijin Mining"})]),
    # a ranking "in the world" is no world total: the figure is the ranked one's
    ("Kazakhstan ranks second in the world in uranium reserves with 0.9 million tonnes.",
     [("reserves", 0.9e6, "Kazakhstan", {"commodity": "uranium"})]),
    # lenders and investors named after "from"/"by" pay; they are not what the money goes into
    ("The Aktogay expansion will be financed by a $300 million loan from the Asian Development Bank and $200 million "
     "of equity from KAZ Minerals.", [("investment", 300e6, "Aktogay", {"party": "Asian Development Bank"}),
                                      ("investment", 200e6, "Aktogay", {"party": "KAZ Minerals"})]),
    # a "bought deal" is a share offering, no purchase
    ("Steppe Gold raised C$18 million through a bought deal financing led by Canaccord Genuity.",
     [("investment", 18e6, "Steppe Gold", {})]),
    # a year after "and" opens the next clause; "since the beginning of the year" is this year
    ("Last year the mine produced 280,000 ounces of gold and this year it expects 320,000 ounces.",
     [("production", 280000, None, {"period": "2023", "basis": "actual"}),
      ("production", 320000, None, {"period": "2024", "basis": "plan"})]),
    ("Since the beginning of the year, Kazakhstan has exported 1.1 million tons of coal to Uzbekistan.",
     [("trade", 1.1e6, "Kazakhstan", {"period": "2024"})]),
    # "X, against Y a year earlier": Y is of the year before X's, however X got its year
    ("KAZ Minerals reported its 2023 results. Revenue was $2.4 billion, against $2.2 billion a year earlier.",
     [("financial", 2.4e9, "KAZ Minerals", {"period": "2023"}), ("financial", 2.2e9, "KAZ Minerals", {"period": "2022"})]),
    # "It" goes on about what the sentence before opens with
    ("The Kalmakyr mine is owned by Almalyk MMC. It produced 160,000 tonnes of copper in 2023.",
     [("production", 160000, "Kalmakyr", {"period": "2023"})]),
    # tonnes of uranium by their unit
    ("In the first half of 2024, Kazatomprom produced 10,500 tU.",
     [("production", 10500, "Kazatomprom", {"commodity": "uranium", "period": "2024"})]),
    # India's scales and million metric tonnes
    ("Hindalco plans capex of Rs 2.5 lakh crore over five years.", [("investment", 2.5e12, "Hindalco", {})]),
    ("The company will invest INR 500 crore in the Talabira coal mine.", [("investment", 5e9, "Talabira", {})]),
    ("Coal India produced 62 MMT of coal in April 2024.",
     [("production", 62e6, "Coal India", {"commodity": "coal", "period": "2024", "basis": "actual"})]),
    ("The washery will process 5 MMTPA of coal.", [("production", 5e6, None, {"basis": "capacity"})]),
    # gold equivalent ounces
    ("Polymetal expects to produce 1,700 GE koz in 2024.",
     [("production", 1.7e6, "Polymetal", {"basis": "plan", "period": "2024"})]),
    # two buyers, each paying in its own clause
    ("Under the agreement, Cameco will pay $90 million for 5% of Inkai, while Orano will pay $60 million for "
     "3% of Inkai.", [("deal", 90e6, "Inkai", {"party": "Cameco"}), ("deal", 5, "Inkai", {"party": "Cameco"}),
                      ("deal", 60e6, "Inkai", {"party": "Orano"}), ("deal", 3, "Inkai", {"party": "Orano"})]),
    # a year right after a reserves figure dates it
    ("World copper reserves were estimated at 1 billion tonnes in 2023.",
     [("reserves", 1e9, None, {"period": "2023", "commodity": "copper"})]),
    # what a relative clause says a mine holds is in the ground, though the sentence speaks of its production
    ("The flood halted production at the Karatobe mine, which holds about 40 tonnes of gold and 12 tonnes of silver.",
     [("reserves", 40, "Karatobe", {"commodity": "gold"}), ("reserves", 12, "Karatobe", {"commodity": "silver"})]),
    # the grade of ore fed to a plant is no estimate; a state's bullion is no deposit's reserves
    ("In the second quarter the average grade of the ore supplied to the plant was 1.85 grams per tonne.", []),
    ("Mongolia, with 28 tonnes of gold reserves held by its central bank, ranks 60th in the world.", []),
    # "It" after a sentence a country opens is that country; after "Country's Company", the company
    ("Uzbekistan, home to the Muruntau pit, is Central Asia's largest gold producer. It produced 110 tonnes of gold "
     "in 2023. Navoi Mining was mentioned again.", [("production", 110, "Uzbekistan", {"period": "2023"})]),
    ("Kazakhstan's Kazatomprom cut its forecast. It produced 21,000 tonnes of uranium in 2023.",
     [("production", 21000, "Kazatomprom", {})]),
    # a year compared with is of the other figure: "the previous year", "as much as last year"
    ("Revenue from iron ore exports rose 4.5% to $2.2 billion compared to the same period of the previous year.",
     [("trade", 2.2e9, None, {"period": "2024"})]),
    ("The company shipped 8.2 million tonnes of coal abroad, twice as much as last year.",
     [("trade", 8.2e6, None, {"period": "2024"})]),
    # the year a bracket or a conversion stands between is still the comparison's own
    ("Exports reached 7,973.9 kilograms ($413.3 million) in the same period of 2023.",
     [("trade", 7.9739, None, {"period": "2023"}), ("trade", 413.3e6, None, {"period": "2023"})]),
    ("The mine produced 122,445 ounces in the third quarter compared to 138,561 ounces or 4.31 tonnes in the same "
     "period of 2023.", [("production", 122445, None, {}), ("production", 138561, None, {"period": "2023"}),
                         ("production", 4.31, None, {"period": "2023"})]),
    # "to X from Y in April 2023" with no year of X's own: X is of the year after
    ("Imports of copper ore from Peru dropped by 56% to 22,467 tonnes from 51,725 tonnes in April 2023.",
     [("trade", 22467, None, {"period": "2024"}), ("trade", 51725, None, {"period": "2023"})]),
    ("The company announced a bought-deal offering earlier this month of $21.75 million.",
     [("investment", 21.75e6, None, {"period": "2024"})]),
    # a figure after "from" is the one compared with: a name beyond it is no source of the goods
    ("Japan's imports rose by 71% to 52,983 tonnes in April from 31,001 tonnes a year ago and South Korea's imports "
     "dropped to 35,214 tonnes.", [("trade", 52983, "Japan", {"party": None}), ("trade", 31001, "Japan", {}),
                                   ("trade", 35214, "South Korea", {"party": None})]),
    # with no trader in its sentence, the one the article last told of trading, not the counterpart named last
    ("Tajikistan exported 9 tonnes of gold to China in 2023. The customs service gave the figures. Most of the "
     "concentrate mined in the country is transported to China. In 2022, 19,300 tonnes of ore were exported.",
     [("trade", 9, "Tajikistan", {"party": "China"}), ("trade", 19300, "Tajikistan", {"period": "2022"})]),
    # money for projects, a project portfolio, a programme's funds, a new venture's cost: investment
    ("The plan is to implement 19 projects worth $3.8 billion at the Almalyk combine.",
     [("investment", 3.8e9, None, {})]),
    ("The government has approved close to $885 million for the implementation of the new programme.",
     [("investment", 885e6, None, {})]),
    ("At the start of the year the combine's project portfolio amounted to $5.2 billion.",
     [("investment", 5.2e9, None, {})]),
    ("China and Tajikistan embarked on a new $200 million gold mining venture on Sunday.",
     [("investment", 200e6, None, {})]),
    # customs duties paid are the state's revenue
    ("Customs duties on the ore amounted to 4.7 million soms last year.", [("financial", 4.7e6, None, {"period": "2023"})]),
    # a long subject between the deposits and their estimate
    ("Total deposits at the mine that will be operated by the newly created and jointly owned company Talco Gold are "
     "estimated to be 50 tons of gold.", [("reserves", 50, None, {"commodity": "gold"})]),
    # a coal block or a licence area told with what it holds is where the reserves lie
    ("Coal India won the Barjora (North) coal block in Odisha with 512 million tonnes of coal reserves.",
     [("reserves", 512e6, "Barjora (North)", {"commodity": "coal"})]),
    ("Licences will be auctioned for the Tasbulak area in Yakutia, which contains 2.5 tons of placer gold.",
     [("reserves", 2.5, "Tasbulak", {"commodity": "gold"})]),
    # a country after the number with a figure of its own in brackets is that figure's
    ("Kazakhstan ranks first in manganese reserves with 230 million tonnes, followed by Brazil (200 million tonnes).",
     [("reserves", 230e6, "Kazakhstan", {}), ("reserves", 200e6, "Brazil", {})]),
    # metal sold is supplied to buyers: trade, told by a sale word alone as by a country it goes to or "for sale"
    ("Gold sales in the third quarter of 2023 were 119,521 ounces.",
     [("trade", 119521, None, {"period": "2023", "commodity": "gold"})]),
    ("Kumdi Gold sold 82,000 ounces of gold in 2023, up 4%.", [("trade", 82000, "Kumdi Gold", {"period": "2023"})]),
    ("Kazakhstan sold 14 tons of gold to China last year.", [("trade", 14, "Kazakhstan", {"party": "China"})]),
    ("The ministry agreed with the National Bank to receive some 150 kilograms of gold for sale.",
     [("trade", 0.15, None, {})]),
    # a currency's code is no company; the togrog's sign and the dram are money
    ("Net profit amounted to 19.1 trillion UZS, the company said.", [("financial", 19.1e12, None, {"subject": None})]),
    ("Sales revenue reached ₮4.5 trillion, and the company paid AMD 30 billion in taxes.",
     [("financial", 4.5e12, None, {"amount": [4.5e12, "MNT"]}), ("financial", 30e9, None, {"amount": [30e9, "AMD"]})]),
    # "take a stake" buys it
    ("The EBRD has agreed to take a 9.9% stake in Kincora Copper for C$2.5 million.",
     [("deal", 9.9, "Kincora Copper", {"party": "EBRD"}), ("deal", 2.5e6, "Kincora Copper", {"party": "EBRD"})]),
    # a country's share of the world's reserves, told with its figure, is its own
    ("Kazakhstan accounts for 12% of the world's uranium reserves, with 304,000 tonnes.",
     [("reserves", 304000, "Kazakhstan", {"commodity": "uranium"})]),
    # a name that "has" resources is where they lie, known to the gazetteer or not
    ("Erdene announced that Ulaan Tolgoi has measured and indicated resources of 8.1 Mt grading 2.4 g/t gold.",
     [("reserves", 8.1e6, "Ulaan Tolgoi", {"commodity": "ore"}), ("reserves", 2.4, "Ulaan Tolgoi", {"commodity": "gold"})]),
    # a year of another act ("which started operations in 2021") dates no capacity; "is seen at" forecasts
    ("The plant, which started operations in 2021, has an annual capacity of 100,000 tonnes of copper.",
     [("production", 100000, None, {"period": None, "basis": "capacity"})]),
    ("Coal exports could total 100 million tonnes this year, while production is seen at 430 million tonnes.",
     [("trade", 100e6, None, {"basis": "plan"}), ("production", 430e6, None, {"basis": "plan"})]),
    # each clause's destination is its own counterpart, and no clause's destination trades
    ("Exports of copper to China amounted to 45,000 tonnes, and to Turkey 30,000 tonnes.",
     [("trade", 45000, None, {"subject": None, "party": "China"}), ("trade", 30000, None, {"subject": None, "party": "Turkey"})]),
    # a split fiscal year is of the year it ends in; "last month" of the month before publication; a day of a
    # month with no year is of the latest such day; a dateline's day dates nothing
    ("In the 2023/24 financial year, the mine produced 120,000 tonnes of copper.",
     [("production", 120000, None, {"period": "2024"})]),
    ("Last month, Kazakhstan exported 1.5 million tonnes of coal.", [("trade", 1.5e6, "Kazakhstan", {"period": "2024"})]),
    ("As of October 1, the company had produced 35 tonnes of gold.", [("production", 35, None, {"period": "2023"})]),
    ("ASTANA. May 3 (Interfax) - The group plans to build a smelter with an annual capacity of 300,000 tonnes of "
     "copper by 2028.", [("production", 300000, None, {"period": "2028", "basis": "capacity"})]),
    ("Shipments to China amounted to 39.28 million tonnes in April, down 11.6 percent compared to the previous month.",
     [("trade", 39.28e6, None, {"period": "2024"})]),
    # a reserves category is no place
    ("The predicted resources of the P1 category are estimated at 50 tons of gold.",
     [("reserves", 50, None, {"subject": None, "commodity": "gold"})]),
    # a total of parts named after it, and guidance, are the company's, not its last-named mine's
    ("Centerra Gold reported its results. Production of 205,660 ounces of gold in the period includes 150,305 "
     "ounces at Kumtor and 55,355 ounces at Mount Milligan. Centerra Gold said costs fell. Gold production guidance "
     "was raised to 730,000 ounces.",
     [("production", 205660, "Centerra Gold", {}), ("production", 150305, "Kumtor", {}),
      ("production", 55355, "Mount Milligan", {}), ("production", 730000, "Centerra Gold", {"basis": "plan"})]),
    # refined metal with no producer in its sentence is the company's, not the mine named before
    ("Almalyk MMC is Uzbekistan's largest copper producer. The Yoshlik deposit will feed its new plant. The annual "
     "production of copper cathode will be increased to 400,000 tons in 2028. Almalyk MMC gave no cost.",
     [("production", 400000, "Almalyk MMC", {"period": "2028", "basis": "plan"})]),
    # what "it will be possible to extract" from a placer is what it holds
    ("On the Kuobakh-Baga River in Yakutia, it will be possible to extract more than 1.1 tons of placer gold.",
     [("reserves", 1.1, None, {"commodity": "gold"})]),
    # "the company" a buyer buys is another company than the buyer named before it
    ("China's Zijin Mining Group bought RG Gold, a Kazakhstan-based gold miner. Zijin Mining spent $1.2 billion to buy "
     "the company.", [("deal", 1.2e9, "RG Gold", {"party": "Zijin Mining"})]),
    # a results article: figures without a year are of the period its lead names; the figure a change starts
    # from is of the year before; the year compared with is not carried on to the next sentence
    ("NMMC has released its financial results for the first half of 2024. The company's net profit surged to $1.51 "
     "billion, a 71.8% increase compared to the same period last year ($882 million). Revenue hit a record $4.7 "
     "billion. Operating profit climbed from $1.7 billion to $2.8 billion. Sales totaled $4.42 billion (up from $3.3 "
     "billion). Gold production amounted to 1.54 million ounces, a 1.3% increase from last year's 1.52 million ounces.",
     [("financial", 1.51e9, None, {"period": "2024"}), ("financial", 882e6, None, {"period": "2023"}),
      ("financial", 4.7e9, None, {"period": "2024"}), ("financial", 1.7e9, None, {"period": "2023"}),
      ("financial", 2.8e9, None, {"period": "2024"}), ("financial", 4.42e9, None, {"period": "2024"}),
      ("financial", 3.3e9, None, {"period": "2023"}), ("production", 1.54e6, None, {"period": "2024"}),
      ("production", 1.52e6, None, {"period": "2023"})]),
    # a change from the previous quarter is within the year
    ("Output rose from 40,000 tonnes in the previous quarter to 45,000 tonnes in the second quarter of 2024.",
     [("production", 40000, None, {}), ("production", 45000, None, {"period": "2024"})]),
    # a list of producers with their figures after dashes: each figure is of the name before its dash, known or not
    ("Last year the Altynken joint venture produced 3,300 kilograms of gold, state-run enterprise Tilloi Tojik – 570 "
     "kilograms, and Kumush Kon – 590 kilograms.",
     [("production", 3.3, None, {}), ("production", 0.57, "Tilloi Tojik", {}), ("production", 0.59, "Kumush Kon", {})]),
    # a company whose share price moves changes no hands; the price told after a stake bought is the deal's
    ("Shares in KAZ Minerals PLC (KAZ.LN) fell Thursday after the company said it will buy the Baimskaya copper "
     "project for $900 million.", [("deal", 900e6, "Baimskaya", {"party": "KAZ Minerals"})]),
    ("The government of Tajikistan has bought 5 percent of shares in the Zarafshon gold mining facility, a joint "
     "venture, for $1.", [("deal", 5, "Zarafshon", {"party": "Tajikistan"}), ("deal", 1, "Zarafshon", {})]),
    # "the projects" stands for the projects the article named last
    ("Kenorland Minerals owns the Chebogue project. Centerra can acquire a 51% interest in the projects by spending "
     "C$10 million on exploration.", [("deal", 51, "Chebogue", {"party": "Centerra"}),
                                      ("investment", 10e6, "Chebogue", {"party": "Centerra"})]),
    # "its ... production" is the sentence's subject's, not a deposit listed in between
    ("Kazakhstan will develop three new copper deposits — Aidarly, Koksay and Benkala — aiming to double its copper "
     "ore production to 300 million tonnes.", [("production", 300e6, "Kazakhstan", {"basis": "plan"})]),
    # a part "coming from" a producer is that producer's; the whole stays the sentence's
    ("Armenia processes about 34 million tons of ore annually, with 19 million tons coming from ZCMC.",
     [("production", 34e6, "Armenia", {}), ("production", 19e6, "ZCMC", {})]),
    # the figures one verb lists are of its kind, whatever word follows the last
    ("The Group mined 599.6 thousand tons of copper concentrate and 35.1 million tons of coal, generating a sales "
     "revenue of MNT 14.9 trillion.", [("production", 599600, None, {}), ("production", 35.1e6, None, {}),
                                       ("financial", 14.9e12, None, {})]),
    # a rate per day is a plant's, never what lies in the ground
    ("The mines hold reserves of 6.5 million tonnes and are operating at a rate of 1,400 tonnes per day.",
     [("reserves", 6.5e6, None, {}), ("production", 1400, None, {"basis": "capacity"})]),
    # cash flow is none of a miner's revenue, profit, EBITDA, dividends, taxes or royalties
    ("Turquoise Hill generated operating cash flow of $399.2 million in 2016.", []),
    # money lost or claimed is no investment nor a price
    ("The arson attack cost the company over $10 million in damages.", []),
    ("The company won a tender for the rights to develop Jerooy despite a $549 million arbitration claim.", []),
    # million tonnes written "MnT", months with two-digit years ("Sep'17"); "Mongolian Coal exports" is no company;
    # a nationality before "coal imports" imports
    ("Mongolian Coal exports decreased 5% M-o-M to 2.28 MnT in Sep'23 compared with 2.39 MnT in Aug'23.",
     [("trade", 2.28e6, "Mongolia", {"period": "2023"}), ("trade", 2.39e6, "Mongolia", {"period": "2023"})]),
    ("Chinese coal imports fell 5% to 2.26 MnT in Sep'23.", [("trade", 2.26e6, "China", {"direction": "import"})]),
    # a company's capital expenditure in its results is its own; a project's capital cost stays the project's
    ("Highland Gold mines the Mnogovershinnoye deposit. Highland Gold reported its results. Capital expenditure "
     "rose to $47.1m.", [("investment", 47.1e6, "Highland Gold", {})]),
    # a per-share price past a conversion in brackets, and a person's fortune, are no events
    ("Agnico Eagle Mines has announced the friendly acquisition of O3 Mining in a C$1.67 ($1.17) per share cash "
     "transaction, valued at around C$204m.", [("deal", 204e6, "O3 Mining", {"party": "Agnico Eagle Mines"})]),
    ("With a net worth of $3.6 billion, he ranks fourth among Kazakhstan's wealthiest individuals.", []),
    # a bid above a start price is a licence's price
    ("Polyus has offered 550 thousand rubles with the start price of 500 thousand for the site Ruchey Dymnyi.",
     [("licence", 550000, None, {"party": "Polyus"})]),
    # a range's lower end in "mln", "Troy ounces"; "may climb to" forecasts; a body whose data is cited produces nothing
    ("Palladium production is planned within 2.296 mln - 2.451 mln Troy ounces.",
     [("production", 2.296e6, None, {"basis": "plan"})]),
    ("Platinum production may climb to 567,000-605,000 Troy ounces.", [("production", 567000, None, {"basis": "plan"})]),
    ("Copper output slumped to 698,000 tons in 2023 from 763,000 tons the previous year, data from the Zambia "
     "Chamber of Mines showed.", [("production", 698000, None, {"subject": None, "period": "2023"}),
                                  ("production", 763000, None, {"period": "2022"})]),
    # a relative clause with a list of mines in it describes the firm that acts after it
    ("Highland Gold reported results. The firm, which produces gold at its Belaya Gora, Mnogovershinnoye and "
     "Novoshirokinskoye mines in Russia, said gold production increased to 101,900 ounces.",
     [("production", 101900, "Highland Gold", {})]),
    # money per share and a debt's figures are no earnings; the dividends paid beside them are
    ("Diluted earnings per share increased to $0.138 from $0.215.", []),
    ("Net debt was down by US$ 80 million to US$ 1.61 billion, even as the Company paid US$ 189 million of interim "
     "dividends.", [("financial", 189e6, None, {})]),
    # a receiver phrase is of the figure before it; a company's capital expenditure and the year before's in brackets
    # are the company's
    ("KAZ Minerals reported its results. Investments include $436 million cash consideration for the Baimskaya "
     "acquisition and $718 million of expansionary capital expenditure (2023: $530 million).",
     [("deal", 436e6, "Baimskaya", {}), ("investment", 718e6, "KAZ Minerals", {}),
      ("investment", 530e6, "KAZ Minerals", {"period": "2023"})]),
    # a word the sentence rules out types nothing; an asset the entity stage does not know is named after "bought"
    ("The company has set aside one billion yuan for capital spending excluding any possible acquisitions, taking "
     "the full-year total to at least four billion yuan.",
     [("investment", 1e9, None, {}), ("investment", 4e9, None, {})]),
    ("Since Steppe Gold bought Altan Tsagaan Ovoo (ATO) from Centerra Gold for $19.8 million in 2017, the junior "
     "has made progress.", [("deal", 19.8e6, "Altan Tsagaan Ovoo", {"party": "Steppe Gold", "period": "2017"})]),
    # a cost per ounce, told as a change from one to the other, is no spending
    ("The AISC increased from $907 to $1,164 per ounce.", []),
    # "$57.3m" is no "3M" (three months) period
    ("Pre-tax profit for the half year ended June 30th 2023 fell to $57.3m compared to $85.1m for the same period a "
     "year ago.", [("financial", 57.3e6, None, {"period": "2023"}), ("financial", 85.1e6, None, {})]),
    # "the first half of last year" is of last year
    ("Polymetal posted a net loss of $255 million in the first half compared with a $157 million net profit in the "
     "first half of last year.", [("financial", 255e6, "Polymetal", {"period": "2024"}),
                                   ("financial", 157e6, "Polymetal", {"period": "2023"})]),
    # a mine life's average and what output "should total" are plans; a figure "up from the forecast" is done
    ("The company is looking at an estimated three-year mine life, producing on average 101,000 ounces of gold a year.",
     [("production", 101000, None, {"basis": "plan"})]),
    ("Russian coal production should total 440 million tonnes in 2024.",
     [("production", 440e6, "Russia", {"basis": "plan", "period": "2024"})]),
    ("In January-April, Almalyk exported products valued at $465.43 million, up by 0.4% from the forecast.",
     [("trade", 465.43e6, None, {"basis": "actual"})]),
    # a coal block won is a licence, and a bid in percent of revenue no stake; a subsoil area is named by its name
    ("Hindalco Industries won the Meenakshi West coal block with a bid of 12.5 percent revenue share.", []),
    ("The company won the auction for the right to use the Kyuchus subsoil area, paying 1.2 billion rubles.",
     [("licence", 1.2e9, "Kyuchus", {})]),
    # a placer is named by its river; each clause's figure is of its own river
    ("On the Tasbulak River in Yakutia, it will be possible to extract more than 1.1 tons of placer gold, and on the "
     "Ukhomyt River reserves are estimated at 0.8 tons of placer gold.",
     [("reserves", 1.1, "Tasbulak", {}), ("reserves", 0.8, "Ukhomyt", {})]),
    # a rate the mine is to reach once at full capacity, and a plant's yearly rate, are capacities
    ("The mine is expected to produce more than 450,000 tonnes of copper annually once it reaches full production "
     "capacity.", [("production", 450000, None, {"basis": "capacity"})]),
    ("The new concentrator will process 60 million tons of ore annually.",
     [("production", 60e6, None, {"basis": "capacity"})]),
    # "the Russian mine", "the gold deposit": the deposit named before, not the country its nationality names
    ("Kinross owns the Kupol mine. The Russian mine produced 500,000 ounces of gold in 2021.",
     [("production", 500000, "Kupol", {"period": "2021"})]),
    ("Polyus runs the Natalka mine. The Blagodatnoye mine produced 400,000 ounces of gold in 2021.",
     [("production", 400000, "Blagodatnoye", {"period": "2021"})]),
    # "At nearby Goldlund, ...": a site named so is what "the deposit" after it stands for
    ("First Mining continues to advance Springpole. At nearby Goldlund, situated between Dryden and Sioux Lookout, "
     "the company has been drilling since June. The deposit has an indicated gold resource of 800,000 ounces.",
     [("reserves", 800000, "Goldlund", {})]),
    # a mine named to say where a plant lies does not produce its output
    ("KAZ Minerals is building a smelter. The smelter near the Aktogay mine will produce 300,000 tonnes of copper "
     "cathode a year.", [("production", 300000, "KAZ Minerals", {"basis": "plan"})]),
    # a mine's average output over its first years is the mine's plan, not the company's
    ("KAZ Minerals will buy the Baimskaya copper project. The company forecasts average annual production of "
     "250,000 tonnes of copper over the first ten years of operations.",
     [("production", 250000, "Baimskaya", {"basis": "plan"})]),
    # stakes told in other ways: a JV interest paid for, an earn-in "circa", a stake given, a stake transferred for a
    # sum, a venture controlled by a partner, "pc"; a holding ("70% owned by") stays no deal
    ("Kincora Copper owns the Bronzewing project. Sandfire will pay out an initial $2.8 million for a 20 per cent JV "
     "interest.", [("deal", 2.8e6, "Bronzewing", {}), ("deal", 20, "Bronzewing", {"party": "Sandfire"})]),
    ("Xanadu Mines has committed to spending around US$900,000 to earn a circa 18% interest in Mongol Metals.",
     [("investment", 900000, "Mongol Metals", {}), ("deal", 18, "Mongol Metals", {})]),
    ("The transaction gives China's Baosteel a 15% stake in Aquila Resources for a subscription price of "
     "A$285.6 million.", [("deal", 15, "Aquila Resources", {"party": "Baosteel"}),
                          ("deal", 285.6e6, "Aquila Resources", {"party": "Baosteel"})]),
    ("Rusal transferred 50% of the Bogatyr mine to Samruk-Kazyna for a sum of US$345m.",
     [("deal", 50, "Bogatyr", {"party": "Samruk-Kazyna"}), ("deal", 345e6, "Bogatyr", {"party": "Samruk-Kazyna"})]),
    ("Under the agreement, the joint venture will be 70% controlled by Cove Capital.",
     [("deal", 70, None, {"party": "Cove Capital"})]),
    ("Kazzinc, 70% owned by Glencore, produced 300,000 tonnes of zinc in 2023.", [("production", 300000, None, {})]),
    # goods sold "for a total of" a sum: the trade's value; a finance deal is financing; a seller's own assets sold
    ("In 2023, Tajikistan exported 125 thousand tons of aluminium for a total of $234 million.",
     [("trade", 125000, "Tajikistan", {"direction": "export"}), ("trade", 234e6, "Tajikistan", {})]),
    ("In December 2023, Oyu Tolgoi LLC signed a finance deal for $4.4bn with a group of lenders.",
     [("investment", 4.4e9, "Oyu Tolgoi", {})]),
    ("Canadian miner Kinross Gold has entered a definitive agreement to sell off its Russian assets to Highland Gold "
     "Mining for US$680 million in cash.", [("deal", 680e6, "Kinross Gold", {"party": "Highland Gold Mining"})]),
    # "the mine" is the one last named a mine, not a deposit named after it
    ("The Kyzyl Gold Project hosts the Bakyrchik gold mine, which began production in 1956, and the Bolshevik Gold "
     "Deposit. The mine has gold reserves of 5.76 million troy ounces.", [("reserves", 5.76e6, "Bakyrchik", {})]),
    # "X, Kazakhstan's largest uranium mine": X is the mine
    ("Kyzylkum operates Khorasan-1, Kazakhstan's largest uranium mine with reserves of more than 80,000 tonnes.",
     [("reserves", 80000, "Khorasan-1", {"commodity": "uranium"})]),
    # ore "has been mined from the X deposit": the deposit produced it, not the company that says so
    ("Steppe Gold said about 30,000 tonnes of ore has been mined from the Altan Tsagaan Ovoo deposit.",
     [("production", 30000, "Altan Tsagaan Ovoo", {})]),
    # a city before "refinery" or "plant" says where; it names no project
    ("In 2016, the Astana gold refinery processed 12 tons of gold.", [("production", 12, None, {})]),
    # the one year the sentence before states, with no figure of its own, dates the figures told next
    ("The Erdenes Mongol Group achieved noteworthy production results in 2022. The Erdenes Mongol Group mined "
     "599.6 thousand tons of copper concentrate, generating a sales revenue of MNT 14.9 trillion.",
     [("production", 599600, "Erdenes Mongol Group", {"period": "2022"}),
      ("financial", 14.9e12, "Erdenes Mongol Group", {"period": "2022"})]),
    # "last year" told in the sentence before, with no figure of its own, dates the figures after it — not the year
    # a figure before was compared with
    ("Output in 2023 fell by 2% compared to 2022 (51,200 ounces). Last year the miner also raised its silver "
     "output. Thus, 310,000 ounces of silver were produced.",
     [("production", 51200, None, {"period": "2022"}), ("production", 310000, None, {"period": "2023"})]),
    # a year a sentence keeps "the same level as" is compared with, not told of
    ("Silver output was kept at the same level as in 2022. The output amounted to 640 thousand ounces, compared with "
     "650 thousand ounces a year earlier.",
     [("production", 640000, None, {"period": "2023"}), ("production", 650000, None, {"period": "2022"})]),
    # the year of a comparison's quarter is the compared figure's; the figure told first is of the quarter reported
    ("Copper output in the reporting period was 310 tonnes, which is 1.9 times less than in the first quarter of "
     "2023 (590 tonnes).", [("production", 310, None, {"period": "2024"}), ("production", 590, None, {"period": "2023"})]),
    # the date of an estimate a figure is compared with is that estimate's; the review's own date dates the rest
    ("The miner published its reserves review as at 31 December 2023. Its Ore Reserves are estimated at 12 million "
     "ounces of gold, down from 13 million ounces as at 31 December 2022. The Kuranda mine has Ore Reserves of 3 million "
     "ounces.", [("reserves", 12e6, None, {"period": "2023"}), ("reserves", 13e6, None, {"period": "2022"}),
                 ("reserves", 3e6, "Kuranda", {"period": "2023"})]),
    # one estimate's figures share the date told after the last of them
    ("The earlier resource was 1.2Mt grading 2.4g/t gold (92koz) calculated using a 0.5g/t cutoff prepared in 2015.",
     [("reserves", 1.2e6, None, {"period": "2015"}), ("reserves", 2.4, None, {"period": "2015"}),
      ("reserves", 92000, None, {"period": "2015"})]),
    # "the refinery", "the plant": the one company the article has named, however far back
    ("ASTANA. The construction of \"Qazaq Altyn\" LLP gold refinery started in Astana in 2012. The refinery was opened a "
     "year later. The design follows the best world practice. It features a modern laboratory. As the deputy director "
     "noted, in 2014, the plant refined about 7 tons of gold. In 2015, the refinery plans to refine 10 tons of gold.",
     [("production", 7, "Qazaq Altyn", {"period": "2014"}), ("production", 10, "Qazaq Altyn", {"basis": "plan"})]),
    # "the company" stands for a company, not for works named like one; a planned repair given as the cause makes
    # the output told no plan
    ("In the first half of 2024, Norvik Metals reduced its nickel output by 9% to 91,000 tonnes in connection with "
     "the planned repair work at the Kestrel Smelter. In the first quarter, the company reduced its nickel output by "
     "4% to 45,000 tonnes.",
     [("production", 91000, "Norvik Metals", {"basis": "actual"}), ("production", 45000, "Norvik Metals", {})]),
    # each part of an output told "from" a site is that site's, where the entity stage knows no name there
    ("Group output of 300,000 ounces included 120,000 ounces from the Kestrel mine and 80,000 ounces from Dunmore. "
     "The company produced 30,000 ounces from January to March.",
     [("production", 300000, None, {}), ("production", 120000, "Kestrel", {}), ("production", 80000, "Dunmore", {}),
      ("production", 30000, None, {})]),
    # metal contained in the output a mine is to produce is output, not what it holds
    ("The mine will have a 12-year life, producing on average about 30,000 tons of contained copper and 1.2 million "
     "ounces of contained silver per annum.",
     [("production", 30000, None, {"basis": "plan"}), ("production", 1.2e6, None, {"basis": "plan"})]),
    # the prices listed after a price per ounce are prices too
    ("All-in sustaining costs per oz sold were $1,634, $1,398, and $1,593 at its three mines, respectively, while "
     "the company invested $400 million in the Kestrel mine.", [("investment", 400e6, "Kestrel", {})]),
    # a cost per ounce told "per oz sold of", or "on a per oz sold basis of", with the costs listed after it
    ("Cash costs and all-in sustaining costs (\"AISC\") per oz sold of $1,398 and $1,593, respectively, and on a "
     "per oz sold basis of $1,600, $1,418 and $1,569 for the year; the company invested $400 million in the Kestrel "
     "mine.", [("investment", 400e6, "Kestrel", {})]),
    # a name set off by dashes, or "which is owned by X" closed by the verb, describes; the act is of the name outside
    ("Escondida, the world's largest copper mine, which is owned by Anglo-Australian giant BHP Billiton Ltd recorded "
     "output up 15.4 percent to 691,100 tonnes. In contrast, Collahuasi - a joint project of Anglo American and "
     "Glencore Plc - saw production fall 10 percent to 216,600 tonnes after a key processing mill underwent scheduled "
     "maintenance in February.",
     [("production", 691100, "Escondida", {}), ("production", 216600, "Collahuasi", {"basis": "actual"})]),
    # a company's possessive over its reserves, however the terms are capitalised; a deposit told right after a
    # figure with "at" is that figure's; ounces "of Ore Reserves" are of a metal, not ore
    ("Polyus’ Proved and Probable Ore Reserves are estimated at 61 million ounces of gold. Its Krasnoyarsk unit holds "
     "the largest share, with 30 moz of Ore Reserves reported at Olimpiada and 10 moz at Blagodatnoye. Sukhoi Log is "
     "its largest deposit.",
     [("reserves", 61e6, "Polyus", {}), ("reserves", 30e6, "Olimpiada", {"commodity": "gold"}),
      ("reserves", 10e6, "Blagodatnoye", {})]),
    # a name the entity stage does not know, before a producer's verb, is the producer (a measure word is none)
    ("The Vostok region's largest producer is Tarvana. Tarvana registered gold production of 92,307 ounces in 2023. "
     "Tonnes mined were 4.79 million tonnes.",
     [("production", 92307, "Tarvana", {"period": "2023"}), ("production", 4.79e6, "Tarvana", {})]),
    # years listed before "respectively" go to each run of as many figures, in order
    ("Some 7,289 and 8,640 tons of ore were mined in 2013 and 2014, respectively, producing 18.7 and 17.5 tons of "
     "gold.", [("production", 7289, None, {"period": "2013"}), ("production", 8640, None, {"period": "2014"}),
               ("production", 18.7, None, {"period": "2013"}), ("production", 17.5, None, {"period": "2014"})]),
    # a year opening a bracket dates every figure inside it
    ("Copper concentrate output held 502 tonnes of copper and 98,158 ounces of silver in 2012 (2011: 611 tonnes of "
     "copper and 134,240 ounces of silver).",
     [("production", 502, None, {"period": "2012"}), ("production", 98158, None, {"period": "2012"}),
      ("production", 611, None, {"period": "2011"}), ("production", 134240, None, {"period": "2011"})]),
    # who is to receive a stake buys it; one paying for a stake (a name with an accent the entity stage does not know)
    # buys it; cash received is a seller's, no buyer's
    ("The Armenian government will receive a 12.5% stake in Lydian Armenia. Under the agreement, Çiftay will invest "
     "US$31.5 million for a 20% equity stake in Tulkubash. Kinross will receive $400 million in cash for the Kupol mine.",
     [("deal", 12.5, "Lydian Armenia", {"party": "Armenia"}), ("deal", 31.5e6, "Tulkubash", {"party": "Çiftay"}),
      ("deal", 20, "Tulkubash", {"party": "Çiftay"}), ("deal", 400e6, "Kupol", {"party": None})]),
    # a lender the entity stage does not know, named after "from" right after the sum; a month is none
    ("The Group obtained a further advance of US$40m from Bank Center Credit for capital development. The company "
     "raised $20 million from January to March.",
     [("investment", 40e6, None, {"party": "Bank Center Credit"}), ("investment", 20e6, None, {"party": None})]),
    # the items after a colon measure what the words before it open with (exports), whatever word stands nearer
    ("Total mineral exports in 2012 from gold bars produced by the seven major mines were: 1.27 million troy ounces of "
     "gold worth USD 2.1 billion; 11.82 million pounds of copper worth USD 42.22 million.",
     [("trade", 1.27e6, None, {"period": "2012"}), ("trade", 2.1e9, None, {}), ("trade", 11.82e6, None, {}),
      ("trade", 42.22e6, None, {})]),
    # the money a figure changed by is no measure; the level it rose to is
    ("Imports stood at $1.1 billion in the first quarter, which is 25.9% or $253.7 million more than the corresponding "
     "figure of the previous year. Exports rose 14% or $182.5 million. Revenue rose by $5 million to $50 million.",
     [("trade", 1.1e9, None, {"period": "2024"}), ("financial", 50e6, None, {})]),
    # a region's "gold potential" is what its ground holds; a name right before "with" and the figure ranks it by it
    ("The most promising region in terms of gold potential is the Buryatia Republic — 21 million ounces of gold — "
     "followed by Khabarovsk Krai with about 8 million ounces.",
     [("reserves", 21e6, "Buryatia Republic", {}), ("reserves", 8e6, "Khabarovsk krai", {})]),
    # an estimate "made at" a figure states what the ground holds; nothing is made of the metal
    ("A maiden estimate of the JORC Mineral Resources for Sukhoi Log has been made at 58 moz.",
     [("reserves", 58e6, "Sukhoi Log", {})]),
    # a trade turnover is all goods both ways, no trade of one; the exports and imports beside it are
    ("Exports were valued at $1.5 billion, while imports stood at $1.1 billion, taking total trade turnover to $2.6 "
     "billion. The total trade turnover in March fell 1.6 percent from the year before, reaching $1.98 billion.",
     [("trade", 1.5e9, None, {"direction": "export"}), ("trade", 1.1e9, None, {"direction": "import"})]),
    # a figure in brackets far from the one before it in the same unit is another figure, not the same one restated
    ("Gold output amounted to 19,412 kg in January-February 2021 (9,705 kg in February). Silver exports reached "
     "30,872 kg (more than thirty tons).",
     [("production", 19.412, None, {}), ("production", 9.705, None, {}), ("trade", 30.872, None, {})]),
    # an impairment charge is a loss booked, no earnings of its own
    ("Centerra reported a net loss of $236.6 million in 2023, which includes a $231 million impairment charge at "
     "Mount Milligan.", [("financial", 236.6e6, "Centerra", {"period": "2023"})]),
    # what is consumed is no output, even after an output word
    ("World uranium mine production is expected to reach 76,493t in 2020, but consumption is forecast to reach "
     "88,500t of U3O8 this year.", [("production", 76493, None, {"basis": "plan", "period": "2020"})]),
    # a country inside a company's name acts in nothing
    ("The Kazakhmys Gold Kyrgyzstan Company reported that over $332 million was invested in the project.",
     [("investment", 332e6, "Kazakhmys Gold Kyrgyzstan Company", {})]),
    # "Uzbekistan's leading gold producer" describes the company before it: the company raises the money
    # (and a Eurobond it issues is money it raises)
    ("Almalyk Mining and Metallurgical Combine (AMMC), Uzbekistan's largest copper producer, has taken a step towards "
     "growth by issuing its debut $1 billion Eurobond.", [("investment", 1e9, "Almalyk Mining and Metallurgical Combine", {})]),
    ("Almalyk Mining and Metallurgical Combine (AMMC), Uzbekistan's largest copper producer, has taken a significant "
     "step towards expanding its operations by attracting a $1 billion investment.",
     [("investment", 1e9, "Almalyk Mining and Metallurgical Combine", {})]),
    # a year list told with dashes: each figure the year that introduces it, "and in" too
    ("Copper exports in 2019 exceeded $823.9 million, in 2020 – $738.2 million, in 2021 – $1.6 billion and in "
     "2022 – $2.91 billion and in 2023 – $4.92 billion.",
     [("trade", 823.9e6, None, {"period": "2019"}), ("trade", 738.2e6, None, {"period": "2020"}),
      ("trade", 1.6e9, None, {"period": "2021"}), ("trade", 2.91e9, None, {"period": "2022"}),
      ("trade", 4.92e9, None, {"period": "2023"})]),
    # "comparable with 2022" is a comparison's year; "than in 2022 – X" no range from 2022
    ("Zinc output in 2023 was lower than in 2022 – 187,600 tons. Lead output was 105,500 tons in 2023, comparable "
     "with 2022.", [("production", 187600, None, {}), ("production", 105500, None, {"period": "2023"})]),
    ("Total zinc production at the smelter made up 305,500 tons last year, which is comparable with 2022.",
     [("production", 305500, None, {"period": "2023"})]),
    # the year of "compared to the same month in 2019" is the comparison's, not the figure's after "to"
    ("Coal output in Kazakhstan in March 2023 fell by 4% compared to the same month in 2022 to 9.8 million tonnes.",
     [("production", 9.8e6, "Kazakhstan", {"period": "2023"})]),
    # "from $5.9 billion in the first half of 2022": that year is the earlier figure's alone
    ("Kazatomprom revenue rose by 24 percent to $7.3 billion from $5.9 billion in the first half of 2022.",
     [("financial", 7.3e9, "Kazatomprom", {"period": "2023"}), ("financial", 5.9e9, "Kazatomprom", {"period": "2022"})]),
    # reserves of assets the sentence does not name: of the company the article is about, not of the bank named last
    ("KazakhGold Group announced that it is negotiating to buy gold assets. KazakhGold Group will pay for them with "
     "new shares. Mirabaud Securities Limited is acting as placing agent. The assets include reserves estimated at "
     "4.4 million tonnes of ore.", [("reserves", 4.4e6, "KazakhGold Group", {})]),
    # a reserves category ("B+C1 – 13.2m oz") and a way of mining ("Open Pit: 41%") name nobody; the owner of
    # "X's three principal mines" is a company
    ("Reclassification of reserves at KazakhGold's three principal mines (B+C1 – 13.2m oz) is due.",
     [("reserves", 13.2e6, "KazakhGold", {})]),
    # "X gold ore project" after "acquisition of" is the asset, not a company; "the project" stands for it
    ("Regulators approved the acquisition of Chulbatkan gold ore project by Kinross Gold. Identified resources of "
     "the project are estimated at 3.9 mln oz. of gold.", [("reserves", 3.9e6, "Chulbatkan", {"commodity": "gold"})]),
    # "the Russian gold miner": two words before the noun, still the company last named (not Russia)
    ("Petropavlovsk PLC said its output fell. For 2024, the Russian gold miner expects its gold production at "
     "430,000 ounces.", [("production", 430e3, "Petropavlovsk", {"basis": "plan"})]),
    # a country's refined output, where a company is named only further on, stays the country's
    ("Kazakhstan's refined copper output rose by 3 percent in January-November. Refined copper production in "
     "January-November was 308,245 tonnes.\nMiners Kazakhmys and Kazzinc account for a large part of it.",
     [("production", 308245, "Kazakhstan", {"commodity": "copper"})]),
    # a consolidated figure is the company's, though plants are named after it in a clause of reason
    ("Nornickel announced its production results. In 2023, consolidated nickel production increased 3% to 236 kt "
     "primarily owing to higher processing volumes at Kola MMC.",
     [("production", 236e3, "Nornickel", {"commodity": "nickel"})]),
    # a price per qualified unit is no event; parts of a company bought are stakes told by their prices; the company
    # a stake is in is named after it though no list knows it
    ("The total consideration paid for the acquisition of a 100% stake in Nezhda was $185m, or $42 per gold "
     "equivalent ounce of reserves.", [("deal", 100, "Nezhda", {}), ("deal", 185e6, "Nezhda", {})]),
    ("Polymetal completed the acquisition of the remaining 82.3% stake in Nezhda. The acquisition comprised two "
     "transactions, with 7% acquired for $8m in cash, and 75.3% acquired for $144m.",
     [("deal", 82.3, "Nezhda", {}), ("deal", 7, "Nezhda", {}), ("deal", 8e6, "Nezhda", {}),
      ("deal", 75.3, "Nezhda", {}), ("deal", 144e6, "Nezhda", {})]),
    ("Nord Gold said it has agreed to acquire 22.3 percent in Canada's Northquest for 2.5 million Canadian dollars.",
     [("deal", 22.3, "Northquest", {"party": "Nord Gold"}), ("deal", 2.5e6, "Northquest", {"party": "Nord Gold"})]),
    # "mines" is output where it takes an object, and a noun where it names the mines
    ("Ore reserves of the Zhezkazgan mines exceed 200 million tonnes.", [("reserves", 200e6, "Zhezkazgan", {})]),
    ("Kazatomprom mines 20,000 tonnes of uranium a year.", [("production", 20e3, "Kazatomprom", {})]),
    # a span of months without its year is of the year it ends in before the article's date (May 2024 here):
    # January-September is last year's, January-March this year's
    ("In January-September, Kazakhstan produced 15,000 tonnes of uranium. In January-March, it produced 5,000 "
     "tonnes of uranium.", [("production", 15e3, "Kazakhstan", {"period": "2023"}),
                            ("production", 5e3, "Kazakhstan", {"period": "2024"})]),
    # an asset "was sold to" a buyer: the name before the passive verb is what is sold, not a seller
    ("The Bakyrchik mine was sold to Solidcore for $300 million.",
     [("deal", 300e6, "Bakyrchik", {"party": "Solidcore"})]),
    # the partner a relative clause makes buy is the buyer, not a mere counterparty
    ("Erdene entered into a joint venture with Mongolian Mining Corporation, which will acquire a 50% interest in "
     "the Bayan Khundii project for $40 million.",
     [("deal", 50, "Bayan Khundii", {"party": "Mongolian Mining"}),
      ("deal", 40e6, "Bayan Khundii", {"party": "Mongolian Mining"})]),
    # money the state budget received from a miner is the miner's payment (a financial figure), not an investment
    ("Kyrgyzstan's budget has received 62.9 million dollars from the Kumtor gold project since 1997.",
     [("financial", 62.9e6, "Kumtor", {})]),
    # the company that says a bank will buy into it is the asset, the bank the buyer; a company that says it will buy
    # is the buyer
    ("Kincora Copper on Friday said the European Bank for Reconstruction and Development would acquire a 6.16 "
     "percent stake in the company for 1.4 million Canadian dollars.",
     [("deal", 6.16, "Kincora Copper", {"party": "European Bank for Reconstruction and Development"}),
      ("deal", 1.4e6, "Kincora Copper", {"party": "European Bank for Reconstruction and Development"})]),
    ("Chalco said this month it aimed to buy up to 60 percent of SouthGobi Resources' shares.",
     [("deal", 60, "SouthGobi Resources", {"party": "Chalco"})]),
    # who finances through a facility, loan or stream "with"/"from" is the party, not what the money goes into
    ("Troy Resources said the licence completes the conditions for Troy's US$30 million Tranche B Facility with "
     "financiers Investec Bank.", [("investment", 30e6, "Troy Resources", {"party": "Investec Bank"})]),
    ("Highland Gold will merge with Kekura. The merger will be funded using cash and a new $250m debt facility with "
     "Gazprombank.", [("investment", 250e6, "Highland Gold", {"party": "Gazprombank"})]),
    # a name that "has" a tonnage of reserves, however many words stand between, holds them
    ("Ovoot Tolgoi has more than 175 million tonnes of proven and probable surface coal reserves.",
     [("reserves", 175e6, "Ovoot Tolgoi", {"commodity": "coal"})]),
    # a paragraph on one site ("for the site X") states its reserves without naming it again
    ("ZDK Kupol won the auction.\nPolyus also won the site Ruchey Dymnyi - left tributary of the river Karalveem. "
     "The area occupies 0.93 sq km. Inferred resources of P1 are 273 kg.",
     [("reserves", 0.273, "Ruchey Dymnyi", {})]),
    # "2.4Moz AuEq": ounces of gold equivalent are gold's, whatever metal the grades before them name
    ("The updated JORC resource for Beskauga stands at 217Mt @ 0.35g/t Au, 0.24% Cu for 2.4Moz AuEq.",
     [("reserves", 217e6, "Beskauga", {"commodity": "ore"}), ("reserves", 0.35, "Beskauga", {"commodity": "gold"}),
      ("reserves", 2.4e6, "Beskauga", {"commodity": "gold"})]),
    # a stake figure in brackets before the stake word: "its majority (90%) stake"
    ("RTG Mining agreed with White Cliff Minerals to acquire its majority (90%) stake in the Chanach project.",
     [("deal", 90, "Chanach", {"party": "RTG Mining"})]),
    # a dateline's month ("ALMATY, Kazakhstan, May 10.") dates the report, not its figures
    ("ALMATY, Kazakhstan, April 10. Kazakhmys paid 100 billion tenge of taxes.",
     [("financial", 100e9, "Kazakhmys", {"period": None})]),
    # a year a plan is to be met by ("by 2030") is no year of the article's reported figures
    ("Kazakhstan aims to raise copper output to 175,000 tons by 2030.\nKazakhmys produced 140,000 tons of copper.",
     [("production", 175e3, "Kazakhstan", {"period": "2030", "basis": "plan"}),
      ("production", 140e3, "Kazakhmys", {"period": None})]),
    # "a 38% increase over 2018", "at the same level as during the first eight months of 2008, around X": the
    # comparison's year, not the figure's
    ("Polymetal posted record Adjusted EBITDA of US$ 1,075 million, a 38% increase over 2018.",
     [("financial", 1.075e9, "Polymetal", {"period": "2019"})]),
    ("In January-August 2023, Russia kept coal exports at the same level as during the first eight months of 2022, "
     "around 66.7 million tonnes.", [("trade", 66.7e6, "Russia", {"period": "2023"})]),
    # "Codelco reported 918,000 tons": a verb whose object is the figure makes no mere source of its subject; and
    # "Chile's state-owned miner Codelco" is the company
    ("Chile's state-owned miner Codelco reported 918,000 metric tons of its own copper output in 2023.",
     [("production", 918e3, "Codelco", {"period": "2023"})]),
    # the parts of a total, each told with "by" and its producer (a bracket restating a part may stand between)
    ("Output in 2025 is targeted at 22.8 tonnes, made up of 1.85 tonnes by Kyrgyzaltyn and 672,138 troy ounces "
     "(20.91 tonnes) by Kumtor.", [("production", 22.8, None, {}), ("production", 1.85, "Kyrgyzaltyn", {}),
                                    ("production", 672138, "Kumtor", {"commodity": "gold"})]),
    # banks listed together as the ones that finance are all payers, none of them what the money goes into
    ("Baikal Mining Company develops the Udokan copper deposit. VEB.rf, Gazprombank, and Sberbank agreed to finance "
     "up to 70% of a $2.9-billion cost of the project's first stage.", [("investment", 2.9e9, "Udokan", {})]),
    # "the giant deposit": the deposit last named, whatever size word stands before the noun
    ("Polyus owns 78% of the Sukhoi Log gold deposit. Last month, Polyus agreed to pay $128.2 million to buy the "
     "remaining 22 percent stake in the giant deposit.",
     [("deal", 128.2e6, "Sukhoi Log", {"party": "Polyus"}), ("deal", 22, "Sukhoi Log", {"party": "Polyus"})]),
    # a mine a sentence opens with earns the revenue it generates; a float that "would have valued the firm at" a sum
    # is no investment
    ("In 2023, the Kumtor mine produced 13.5 tons of gold, generating a total revenue of $848 million.",
     [("production", 13.5, "Kumtor", {}), ("financial", 848e6, "Kumtor", {})]),
    ("Zapadnaya wanted to raise about $70 million in an offering that would have valued the firm at about $200 "
     "million.", [("investment", 70e6, None, {})]),
    # a tonnage set before a mine's name as its size is what the deposit holds, not output
    ("Minergy has commenced pre-construction work at the 390 million ton (mt) Masama mine, which is scheduled to be "
     "commissioned in January 2019.", [("reserves", 390e6, "Masama", {})]),
    # a part of the reserves told just before ("of which 2.8 billion tons are amenable to open pit mining") is reserves
    ("The coal reserves of the Tavantolgoi deposit are estimated to be 5 billion tons, of which 2.8 billion tons are "
     "amenable to open pit mining.", [("reserves", 5e9, "Tavantolgoi", {}), ("reserves", 2.8e9, "Tavantolgoi", {})]),
    # the figure a change starts from, written bare after "from", is in the unit and scale of the one it changed to
    ("Kazakhstan's copper output rose 5% to 1.2 million tonnes in 2023 from 1.1 million a year earlier.",
     [("production", 1.2e6, "Kazakhstan", {"period": "2023"}), ("production", 1.1e6, "Kazakhstan", {"period": "2022"})]),
    ("Kazakhmys revenue rose to $2.1 billion in 2023 from 1.9 billion.",
     [("financial", 2.1e9, "Kazakhmys", {}), ("financial", 1.9e9, "Kazakhmys", {})]),
    ("Kazzinc's output rose to 45,000 ounces from 2022 levels. The mine employs 1,200 people, up from 1,000.",
     [("production", 45e3, "Kazzinc", {})]),
    # grams of a metal after a tonnage of ore are its grade, without "per tonne"
    ("A higher-grade core at the Berezitovoye deposit is estimated at 7.1 million tonnes of 3.7 grams gold, 14.6 "
     "grams silver.", [("reserves", 7.1e6, "Berezitovoye", {"commodity": "ore"}),
                       ("reserves", 3.7, "Berezitovoye", {"commodity": "gold"}),
                       ("reserves", 14.6, "Berezitovoye", {"commodity": "silver"})]),
    # the country a lending body is "of" is no receiver of its loan
    ("Almalyk MMC will build the Yoshlik II mine. The financing will be provided through a loan worth $350 million "
     "from the Fund for Reconstruction and Development of Uzbekistan.", [("investment", 350e6, "Yoshlik II", {})]),
    # a company whose shares pay for a deal buys; the deal's asset is the one told of before
    ("Regulators approved the acquisition of Chulbatkan gold ore project by Kinross Gold. The transaction price will "
     "be $283 mln in total, including $170 mln by Kinross stock.",
     [("deal", 283e6, "Chulbatkan", {"party": "Kinross Gold"}), ("deal", 170e6, "Chulbatkan", {"party": "Kinross Gold"})]),
    # "the acquired nickel deposit" is the one last named; a lake it lies "70 km northward from" holds nothing
    ("High River Gold has acquired a licence to develop the Chaya nickel deposit. The acquired nickel deposit located "
     "70 km northward from Baikal Lake contains 626 thousand tons of nickel.",
     [("reserves", 626e3, "Chaya", {"commodity": "nickel"})]),
    # a conversion "approximately" written in brackets is the same figure
    ("Almazy Company earned net proceeds exceeding UZS 6 trillion (approximately $475 mn) in 2023.",
     [("financial", 6e12, "Almazy Company", {"period": "2023"})]),
    # what each ounce costs is no money put in
    ("Operating cash cost US$805oz, (2021: US$649oz). Cash costs of US$597 were lower in 2010. Capital costs of "
     "the Zhanatas project are $300 million.", [("investment", 300e6, "Zhanatas", {})]),
    # "M tons" are millions of tonnes
    ("Mining operations at Kumtor amounted to 69.15 M tons. Ore mined made 2.75M tonnes in 2022.",
     [("production", 69.15e6, "Kumtor", {}), ("production", 2.75e6, "Kumtor", {"period": "2022"})]),
    # the plan a figure is set beside is that figure's measure, and a plan; a part told in the next sentence is too
    ("Kumtor paid $5 million in taxes to the budget of Kyrgyzstan against the planned $4 million. Of these "
     "$3 million is the amount paid for the mineral resource base.",
     [("financial", 5e6, "Kumtor", {}), ("financial", 4e6, "Kumtor", {}), ("financial", 3e6, "Kumtor", {})]),
    ("Output at Kumtor reached 50,000 tonnes against the planned 45,000 tonnes.",
     [("production", 5e4, "Kumtor", {"basis": "actual"}), ("production", 4.5e4, "Kumtor", {"basis": "plan"})]),
    # a part whose own word says another measure keeps it
    ("Kumtor's revenue was $100 million. Of these, $20 million was invested in exploration.",
     [("financial", 1e8, "Kumtor", {}), ("investment", 2e7, None, {})]),
    # "82.34-percent stake": a share written with a hyphen; a licence a venture holds is no act on a licence
    ("Polyus has agreed to sell its 82.34-percent stake in a joint venture with Polymetal which holds rights to "
     "develop the Nezhdaninskoye gold deposit.", [("deal", 82.34, "Nezhdaninskoye", {})]),
    # "Australian company Fortescue": the nationality of the payer receives nothing
    ("Australian company Fortescue conducted exploration work at 32 fields in the Aktobe region of Kazakhstan, "
     "investing $7.5 million in these efforts.", [("investment", 7.5e6, "Aktobe region", {"party": "Fortescue"})]),
    # a contrast "while in the same period of 2021" tells its own year's figures; the value of goods delivered is trade
    ("In January-October 2022, Russia exported to China 5.72 tons of gold for $329.92 million, while in the same "
     "period of 2021 the figures were 3.039 tons and $182.988 million, respectively.",
     [("trade", 5.72, "Russia", {"period": "2022"}), ("trade", 329.92e6, "Russia", {"period": "2022"}),
      ("trade", 3.039, "Russia", {"period": "2021"}), ("trade", 182.988e6, "Russia", {"period": "2021"})]),
    ("In October 2022, Russia delivered 2.156 tons of gold to China for $124.588 million.",
     [("trade", 2.156, "Russia", {"party": "China"}), ("trade", 124.588e6, "Russia", {"party": "China"})]),
    # "30.939 mln. US dollars", "3798 thsd.t": a scale word written with a full stop
    ("The capital investments for the construction of the Aktas plant make up 30.939 mln. US dollars.",
     [("investment", 30.939e6, None, {})]),
    ("The reserves of the Aktas deposit are as follows: ore – 3798 thsd.t, gold – 4901 kg.",
     [("reserves", 3.798e6, "Aktas", {"commodity": "ore"}), ("reserves", 4.901, "Aktas", {"commodity": "gold"})]),
    # "Total project capital expenditure", "Gold Project": a word of a statement names no project; "the Chamber" is the
    # Chamber of Mines
    ("135% Increase in Gold Resource at Koala Gold Mine\n- Gold resource increased by 135% to 1.4Mt averaging 2.6 g/t "
     "Au.\n• Total project capital expenditure payback of 2 years.\n• Total gold production of 728,654 ounces over 9.4 "
     "years life of mine.", [("reserves", 1.4e6, "Koala", {}), ("reserves", 2.6, "Koala", {}),
                             ("production", 728654, "Koala", {"basis": "plan"})]),
    ("The Ghana Chamber of Mines said gold output rose. \"The Chamber's producing member-companies contributed 3.0 "
     "million ounces of the gold output.\"", [("production", 3e6, "Ghana", {})]),
    # a mine named in the cause of a change produces nothing of it
    ("Peru's copper production soared 40.6% to 157,328 mt as higher output at Antamina helped.",
     [("production", 157328, "Peru", {})]),
    # "mt" of a bulk good in small figures counts millions; copper's "25,872 mt" stays metric tonnes
    ("India's total iron ore production in the current fiscal will be around 140 mt. Peru's copper output rose to "
     "25,872 mt.", [("production", 140e6, "India", {}), ("production", 25872, "Peru", {})]),
    # a cost of sales, a model's cash flow and a balance of trade move no money of an event
    ("Sales climbed about 30 per cent to US$331m while cost of sales rose 14 per cent to US$79.6m. Total project net "
     "cash flows after tax and capital expenditure of US$327 million. Chile posted a $10.9 billion surplus in 2021, "
     "buoyed by copper exports.", [("financial", 331e6, None, {})]),
    # a grade the estimate is cut over is no grade it has
    ("The Heffernans resource is 6.7Mt @ 0.4 g/t above a 0.3 g/t Au lower cut-off grade and below a 0.5 g/t Au "
     "cut-over grade.", [("reserves", 6.7e6, None, {}), ("reserves", 0.4, None, {})]),
    # a country set beside for comparison is not the one the next figure is told of
    ("Exports of iron ore from India fell more than 40 percent. A 30 percent export duty made Indian ores less "
     "attractive compared with Brazil or Australia. Iron ore exports fell to 12.11 million tonnes in the first quarter.",
     [("trade", 12.11e6, "India", {})]),
    # "the mining sector" is the country's
    ("Zambia's copper output fell. THE mining sector has this year produced 667,173 tonnes of copper.",
     [("production", 667173, "Zambia", {})]),
    # a relative clause before the verb ("Harmony, which ... its Hidden Valley mine ..., noted") names no producer
    ("Harmony Gold, which has the bulk of its mines in South Africa and is ramping up its wholly owned Hidden Valley "
     "mine, noted gold output for the six months to end-December was 1% higher at 560,003oz.",
     [("production", 560003, "Harmony Gold", {})]),
    # "for which ... ," is an insertion; what a mine "can produce" annually is its capacity
    ("The Qulong mine, for which Tibet Julong's licence runs until 2037, can produce 30 million tonnes of ore annually.",
     [("production", 30e6, "Qulong", {"basis": "capacity"})]),
    # a stake paid for with "the"
    ("Zijin will pay cash for the 50.1% stake in Tibet Julong Copper Co Ltd.",
     [("deal", 50.1, "Tibet Julong Copper", {"party": "Zijin"})]),
    # the figure a change starts from takes the year written right after it, past a restatement ("or 8 cents")
    ("Profit rose to US$63 million in the first half of 2016, from US$23.4m, or 8 cents, a year earlier.",
     [("financial", 63e6, None, {"period": "2016"}), ("financial", 23.4e6, None, {"period": "2015"})]),
    ("Copper production soared 40.6% to 157,328 mt from 111,888 mt a year ago.",
     [("production", 157328, None, {"period": str(PUBLISHED.year)}),
      ("production", 111888, None, {"period": str(PUBLISHED.year - 1)})]),
    # the date a period ends on writes its year
    ("Profit rose to US$63 million in the six months ended June 30, 2016. Output was 50,000 ounces in the quarter to "
     "31 March 2023.", [("financial", 63e6, None, {"period": "2016"}), ("production", 50000, None, {"period": "2023"})]),
    # reserves "for the year ended December 31, 2010" date every reserves figure the article does not date otherwise
    ("Yamana Gold today announced its mineral reserves and mineral resources for the year ended December 31, 2010.\n"
     "- Total gold mineral reserves of 22.1 million ounces, an increase of 26%",
     [("reserves", 22.1e6, "Yamana Gold", {"period": "2010"})]),
    # each figure of a list of shipments goes to the counterpart named right after it; the exporter stays the one
    # named first, not a counterpart of the figure before
    ("Kazakhstan exported 410,000 tonnes of copper to China and 35,000 tonnes of copper to Turkey in 2023.",
     [("trade", 410000, "Kazakhstan", {"party": "China", "direction": "export"}),
      ("trade", 35000, "Kazakhstan", {"party": "Turkey", "direction": "export"})]),
    # a total before "including ... to Russia" goes to no one counterpart
    ("Prophecy Coal has delivered 180,000 tons of coal, including 8,000 tons to Russia.",
     [("trade", 180000, "Prophecy Coal", {"party": None}), ("trade", 8000, "Prophecy Coal", {"party": "Russia"})]),
    # "X sold Y 40% of its stake": the name between the verb and the stake buys it
    ("In 2012, Orsu Metals sold Gold Fields 40% of its stake in Talas Copper Gold for $10 million.",
     [("deal", 40, "Talas Copper Gold", {"party": "Gold Fields"}),
      ("deal", 10e6, "Talas Copper Gold", {"party": "Gold Fields"})]),
    # a fiscal year written over two calendar years is of the one it ends in; its two digits start no range
    ("Iron ore exports are forecast to rise from 900 million tonnes in 2020–21 to 1.1 billion tonnes by 2025–26.",
     [("trade", 900e6, None, {"period": "2021"}), ("trade", 1.1e9, None, {"period": "2026"})]),
    ("India exported 10.8 million tonnes of iron ore in the 2007-08 fiscal.",
     [("trade", 10.8e6, "India", {"period": "2008"})]),
    # four digits on both sides are a span of years, of no one year
    ("Copper output was 50,000 tonnes in 2019-2020.", [("production", 50000, None, {"period": None})]),
    # the figure a change starts from, where the sentence tells one year for the change, is of the year before;
    # "$US" is the US dollar as Australian and New Zealand papers write it
    ("OceanaGold's revenue for 2015 was down from $US563.3million to $US507.9million.",
     [("financial", 563.3e6, "OceanaGold", {"period": "2014"}), ("financial", 507.9e6, "OceanaGold", {"period": "2015"})]),
    # ... but not the level a plan or a revision starts from (of today, the year published)
    ("Steppe Gold is looking to double output at ATO from 60,000 ounces of gold to 150,000 ounces in 2025.",
     [("production", 60000, "ATO", {"period": "2024"}), ("production", 150000, "ATO", {"period": "2025"})]),
    # a lender a country's possessive introduces: the bank named after it, not the country
    ("Kazakhmys received a loan of US$150 million from Kazakhstan's largest bank, Halyk Bank, to build the plant.",
     [("investment", 150e6, "Kazakhmys", {"party": "Halyk Bank"})]),
    # a company's own spending goes into its business, not into the country the sentence names for another reason
    ("In line with the Resolution of the President of Uzbekistan, Almalyk MMC invested $1.1 billion last year.",
     [("investment", 1.1e9, "Almalyk MMC", {"party": "Almalyk MMC"})]),
    # ... while money put into a country goes there
    ("Rio Tinto invested $1.1 billion in Mongolia last year.", [("investment", 1.1e9, "Mongolia", {"party": "Rio Tinto"})]),
    # the Russian code's categories written before their figures are reserves
    ("The Rudny placer gold deposit (P1 – 7.15 tons, P2 – 22.7 tons) will be offered at auction.",
     [("reserves", 7.15, "Rudny", {"commodity": "gold"}), ("reserves", 22.7, "Rudny", {"commodity": "gold"})]),
    # a mine plan's average annual rate is planned output
    ("The Kyzyl mine has a life of 25 years with an average annual production of 321,000 ounces of gold.",
     [("production", 321000, "Kyzyl", {"basis": "plan"})]),
    ("Altynalmas has committed to extract 3.4 tons of gold this year.", [("production", 3.4, "Altynalmas", {"basis": "plan"})]),
    # a name the entity stage does not know, before a verb of paying, pays
    ("Orsu will provide about US$900,000 in funding for exploration work at the Talas project.",
     [("investment", 900000, "Talas", {"party": "Orsu"})]),
    ("In particular, the ENRC is planning to invest almost $2 billion into the expansion of the Kachar mine.",
     [("investment", 2e9, "Kachar", {"party": "ENRC"})]),
    # ... nor a person
    ("President Tokayev has allocated $50 million to the Aktogay mine.", [("investment", 50e6, "Aktogay", {"party": None})]),
    ("Mirziyoyev plans to invest $2 billion in the Almalyk copper project.",
     [("investment", 2e9, "Almalyk", {"party": None})]),
    ("Mitsubishi Materials (MMC) has completed the acquisition of a 30% stake in the Mantoverde copper mine.",
     [("deal", 30, "Mantoverde", {"party": "Mitsubishi Materials"})]),
    # ... but not a people
    ("In the first year, the Russians plan to invest at least $3 million in the Kazakhtau project.",
     [("investment", 3e6, "Kazakhtau", {"party": None})]),
    # the figure compared with is of the goods of the figure before it
    ("Kazakhmys, the copper miner, mined 22.1 million tons of ore in the first half, compared to 2.48 million tons a "
     "year earlier.",
     [("production", 22.1e6, "Kazakhmys", {"commodity": "ore"}), ("production", 2.48e6, "Kazakhmys", {"commodity": "ore"})]),
    # the metal a concentrate contains is output, not what lies in the ground
    ("Oyu Tolgoi shipped its first concentrate; the concentrate contained 43,700 tonnes of copper.",
     [("production", 43700, "Oyu Tolgoi", {"commodity": "copper"})]),
    # "make up" is what a thing consists of, no output
    ("The new mineral resources comprise six dumps that make up the project, with 36,000 t of copper.",
     [("reserves", 36000, None, {"commodity": "copper"})]),
    # more gold than the world mines in a year, written with one comma: the comma is a decimal one
    ("Balakbekov said Kyrgyzstan would produce 20,438 tons of gold in 2004 as a whole.",
     [("production", 20.438, "Kyrgyzstan", {"commodity": "gold", "period": "2004"})]),
    ("Kyrgyzstan exported 19,300 tons of copper in 2018.", [("trade", 19300, "Kyrgyzstan", {"commodity": "copper"})]),
    # what a business holds is no earnings
    ("Polymetal said the gross assets of Nezhda were $95m, with a pre-tax loss of $5.3m in 2017.",
     [("financial", 5.3e6, "Polymetal", {"period": "2017"})]),
    # money lost or spent on lawyers is no money put in
    ("The regional government estimates that this has cost the region's budget about 5 billion rubles in lost revenue.",
     []),
    # the price of one warrant or one share is no money put in
    ("To secure the financing, World Wide will issue 15 million special warrants at $1.25 per special warrant.", []),
    ("Under the Polus proposal, KazakhGold stock will cost $7.95.", []),
    # a deal kept from happening, or only proposed or considered, is none
    ("Under a standstill agreement, Jiangxi Copper was prevented from buying more than a 20% interest in First Quantum "
     "Minerals.", []),
    ("Prokhorov earlier proposed selling a blocking stake in Norilsk Nickel to Rusal for $3 billion.", []),
    # a yearly rate of a metal written into its unit is output
    ("The underground development will take Oyu Tolgoi to 500,000 t/y copper by 2028.",
     [("production", 500000, "Oyu Tolgoi", {"commodity": "copper", "period": "2028", "basis": "plan"})]),
    # the value "worth of" goods a trade verb names is trade; "this financial year" is the year published
    ("Australia exported a record $104 billion worth of iron ore this financial year.",
     [("trade", 104e9, "Australia", {"period": "2024", "commodity": "iron ore"})]),
    # "the corresponding period of last year" is a comparison as "the same period" is
    ("The value of coal imports from Kyrgyzstan totaled $32.2 million, an increase of 17.9 percent compared to the "
     "corresponding period of last year ($27.3 million).",
     [("trade", 32.2e6, None, {"period": "2024", "party": "Kyrgyzstan"}),
      ("trade", 27.3e6, None, {"period": "2023", "party": "Kyrgyzstan"})]),
    # a comparison's span of months with its year: the figure's own year is the one after it
    ("Kumtor produced 6.9 tons of gold, which was 11% less than in January-May 2002.",
     [("production", 6.9, "Kumtor", {"period": "2003"})]),
    ("Kumtor produced 6.9 tons of gold between January and May 2002.",
     [("production", 6.9, "Kumtor", {"period": "2002"})]),
    # the month of another act in a relative clause dates nothing; a span's months do
    ("The Kansanshi smelter, which began commercial operations in December, produced 9,100 tonnes of copper in "
     "February.", [("production", 9100, "Kansanshi", {"period": "2024"})]),
    ("Codelco produced 400,000 tonnes of copper from January through April, down 5% from a year earlier.",
     [("production", 400000, "Codelco", {"period": "2024"})]),
    # a year naming the study that made an estimate, or followed by the act of estimating, dates it
    ("A 2019 feasibility study found 4.2 million ounces of gold in reserves at the Taldybulak deposit.",
     [("reserves", 4.2e6, "Taldybulak", {"period": "2019", "commodity": "gold"})]),
    ("The state commission in 2016 approved the reserves of the Karaoba deposit at 38,000 tonnes of tungsten.",
     [("reserves", 38000, "Karaoba", {"period": "2016", "commodity": "tungsten"})]),
    # a year in the sentence that dates another act does not date the estimate
    ("The Karaoba deposit, discovered in 1954, holds 38,000 tonnes of tungsten.",
     [("reserves", 38000, "Karaoba", {"period": None})]),
    # "In the preceding year" after figures of 2022 is 2021, whenever the article was published
    ("Ghana's gold output rose to 3.7 million ounces in 2022. Member companies contributed 3.0 million ounces. In the "
     "preceding year, the member companies produced 2.7 million ounces.",
     [("production", 3.7e6, "Ghana", {"period": "2022"}), ("production", 3.0e6, None, {"period": "2022"}),
      ("production", 2.7e6, None, {"period": "2021"})]),
    # money a company gives "to the government budget" is paid to the state
    ("Kumtor Gold Company operates the mine. The company contributed 54 million dollars to the government budget.",
     [("financial", 54e6, "Kumtor Gold Company", {})]),
    # a plot taken "with a bid of" a sum is a licence won at auction
    ("Xinlong Mining Drilling took the Sop-14/24 gold plot in Uzbekistan with a bid of 1.9 billion soums.",
     [("licence", 1.9e9, None, {"party": "Xinlong Mining"})]),
    # "the US$129 million Phase II expansion project": a project of no name of its own is the article's
    ("Steppe Gold runs the ATO mine. The company de-risked the US$129 million Phase II expansion project in July when "
     "the country's leading bank agreed to provide financing.", [("investment", 129e6, "ATO", {})]),
    # "the Korbalikhinskoye polymetal deposit"; "the largest polymetal deposit in Russia" is the one last named
    ("UGMK will develop the Korbalikhinskoye polymetal deposit in Altai region. The reserves of the largest polymetal "
     "deposit in Russia amount to 24 million tons of ore.", [("reserves", 24e6, "Korbalikhinskoye", {})]),
    # "the year previously" is the year before; "an increase of 1.3% from the previous year" compares, the figure is
    # of its own year; "to $1.09 billion, up from $483 million" starts from the year before
    ("Profit for the first half of 2012 came in at $307m, down from $866m the year previously.",
     [("financial", 307e6, None, {"period": "2012"}), ("financial", 866e6, None, {"period": "2011"})]),
    ("Kazakh copper ore output in 2024 rose. A total of 2.93 million tons were extracted in April, a slight increase of "
     "1.3% from the previous year.", [("production", 2.93e6, None, {"period": "2024"})]),
    ("The company's net earnings for 2020 jumped to $1.09 billion, up from $483 million.",
     [("financial", 1.09e9, None, {"period": "2020"}), ("financial", 483e6, None, {"period": "2019"})]),
    # a share in a company "offered" to a buyer is a deal's
    ("Norilsk Nickel is the largest nickel miner. A 29% stake in Norilsk Nickel had been offered to Rusal.",
     [("deal", 29, "Norilsk Nickel", {})]),
    # capital expenditure told as done is of the year the article's results are of
    ("Nornickel reported its 2022 results. Net profit was $6.5 billion. CAPEX increased 55% y-o-y to a record "
     "USD 4.3 billion.", [("financial", 6.5e9, "Nornickel", {"period": "2022"}),
                          ("investment", 4.3e9, "Nornickel", {"period": "2022"})]),
    # a register's entries: each "X deposit." heading names what the next figures are of
    ("Makmal deposit. Explored reserves amount to 1.0 million tonnes of ore.\nJerui deposit. Explored reserves amount "
     "to 11.5 million tonnes of ore.", [("reserves", 1.0e6, "Makmal", {}), ("reserves", 11.5e6, "Jerui", {})]),
    # "the undeveloped Siberian deposit" names no deposit "Siberian"
    ("Polyus is buying the Sukhoi Log gold deposit. The undeveloped Siberian deposit is the largest in the world. Ore "
     "reserves are estimated at 540 million tons with an average gold grade of 2.3 grams per ton.",
     [("reserves", 540e6, "Sukhoi Log", {}), ("reserves", 2.3, "Sukhoi Log", {})]),
    # a country's goods sold "for" a sum are trade, listed years too; an asset sold stays a deal
    ("In 2000, Uzbekistan sold gold for $554.2 million, in 2005 for $1.1 billion.",
     [("trade", 554.2e6, "Uzbekistan", {"direction": "export", "period": "2000"}),
      ("trade", 1.1e9, "Uzbekistan", {"direction": "export", "period": "2005"})]),
    ("Polyus sold its stake in the Nezhdaninskoye gold deposit for $158 million.",
     [("deal", 158e6, "Nezhdaninskoye", {})]),
    # "production in Kazakhstan" of a company named before is the company's
    ("Polymetal reported results for 2022, which showed a reduction in production in Kazakhstan by 3% from 558 to 541 "
     "thousand ounces in gold equivalent.", [("production", 558000, "Polymetal", {"period": "2021"}),
                                             ("production", 541000, "Polymetal", {"period": "2022"})]),
    # taxes and payments to a social fund are paid, not invested
    ("In 2016, Kumtor's contributions to the national budget in taxes, deductions to the Social Fund and other "
     "mandatory payments exceeded $110 million.", [("financial", 110e6, "Kumtor", {"period": "2016"})]),
    # ore and metal "depleted" from a deposit over years were mined out of it
    ("Kumtor deposit. 78 million tonnes of ore and 304.8 tonnes of gold were depleted from 1996 to 2012.",
     [("production", 78e6, "Kumtor", {}), ("production", 304.8, "Kumtor", {})]),
    # "this figure" tells the measure before again, each year in brackets after its figure
    ("Uzbekistan exported gold for $2 billion in January-June 2019. In previous years, this figure was equal to "
     "$1.1 billion (2017) and $738 million (2016).",
     [("trade", 2e9, "Uzbekistan", {"period": "2019"}),
      ("trade", 1.1e9, "Uzbekistan", {"period": "2017", "direction": "export", "commodity": "gold"}),
      ("trade", 738e6, "Uzbekistan", {"period": "2016", "direction": "export"})]),
    # "18.7 and 17.4 tons": a list of two figures, both read; "1.8 grams/tonne" is a grade
    ("Kumtor produced 18.7 and 17.4 tons of gold in 2013 and 2014, respectively. Its grade was 1.8 grams/tonne.",
     [("production", 18.7, "Kumtor", {}), ("production", 17.4, "Kumtor", {}), ("reserves", 1.8, "Kumtor", {})]),
    # "capital expenses", money "needed for" a project
    ("Polyus planned capital expenses this year in the range of $1.55 billion to $1.8 billion. Rio Tinto agreed on the "
     "remaining $2.3 billion needed for the Oyu Tolgoi underground project.",
     [("investment", 1.55e9, "Polyus", {}), ("investment", 2.3e9, "Oyu Tolgoi", {})]),
    # the country a project lies in is no receiver of the money: the company that builds it is
    ("KAZ Minerals will invest $1.5 billion to build a copper smelter in Kazakhstan by 2028.",
     [("investment", 1.5e9, "KAZ Minerals", {})]),
    # a metal "the most valuable export commodity" is described, not exported; the parts of a total "made up of" figures
    # "by" each producer are theirs, the total not
    ("Kyrgyzstan's gold output, by far the most valuable export commodity of the country, will fall to around 19 "
     "tonnes this year.", [("production", 19, "Kyrgyzstan", {})]),
    ("Next year's output is targeted at 22.8 tonnes, made up of 1.85 tonnes by Kyrgyzaltyn and 20.9 tonnes by Kumtor.",
     [("production", 22.8, None, {}), ("production", 1.85, "Kyrgyzaltyn", {}), ("production", 20.9, "Kumtor", {})]),
    # a price a metal "sold at", a share "of the total exports", undrawn facilities: no deal
    ("In the last quarter copper sold at $2.91. Gold constituted almost 40 percent of Uzbekistan's total export volume, "
     "but the central bank did not sell any gold reserves. Polymetal expects to fund the cash element from its available "
     "undrawn facilities currently totaling $1.3 billion. Kazatomprom sold 40% of the shares of the Budenovskoye venture "
     "to Uranium One.", [("deal", 40, "Budenovskoye", {"party": "Uranium One"})]),
    # "The Mongolian mine" told of before holds the resource, not Mongolia
    ("Oyu Tolgoi LLC signed a finance deal to expand its copper-gold mine underground. The Mongolian mine has shipped "
     "concentrate, but a feasibility study found 12 million ounces of recoverable gold.",
     [("reserves", 12e6, "Oyu Tolgoi", {})]),
    # the comparison of the figure's own clause dates it before a year of another clause
    ("Kazatomprom published its annual report. Our consolidated revenues reached KZT 1,001.2bn, an increase of 45% "
     "compared to 2021, while uranium oxide sales across the Group were similar to those of 2021.",
     [("financial", 1001.2e9, "Kazatomprom", {"period": "2022"})]),
    # "the refinery" is the refining company told of; stocks kept are not made
    ("Tau-Ken Altyn runs the gold refinery of Astana. In 2015, the refinery plans to refine 10 tons of gold. Finished "
     "gold stocks amounted to 256.5 kilograms.", [("production", 10, "Tau-Ken Altyn", {"basis": "plan"})]),
    # a price per share, a VAT refund, net debt written with a footnote mark are no events; "the deal budget" is a deal's
    ("Net debt1 reduced to $2,442 million, supported by the refund of project VAT of $176 million. The buyout amount "
     "equals $14.73 per a stock of KazakhGold. So, the deal budget may reach $390 million.",
     [("deal", 390e6, "KazakhGold", {})]),
    # a sum "under the budget" or "below the facility" is a difference, the budget itself is money put in
    ("The new Gedabek agitation plant is expected to be US$7m under the US$52 million budget and US$15 million below "
     "the available funding facility.", [("investment", 52e6, "Gedabek", {})]),
    # a report's bullet that names no producer is the reporting company's, not the mine named last
    ("Half Yearly Report\nKAZ Minerals PLC\nKAZ Minerals reports its results. Aktogay ramped up.\n·       Copper "
     "output more than doubled to 118 kt in the first half of 2017", [("production", 118000, "KAZ Minerals", {})]),
    # a plant to be built "with a processing capacity of" is the deposit's
    ("Russian Copper Company is developing the Malmyzhsky deposit. At the deposit, the company is planning to build an "
     "ore refinery with a processing capacity of 35 million tons of ore annually.",
     [("production", 35e6, "Malmyzhsky", {"basis": "capacity"})]),
    # the gap between imports and exports is a balance, no goods moved
    ("Uzbekistan exported gold for $2 billion. This happened against the background of reducing the gap between "
     "imports and exports from $2.9 billion.", [("trade", 2e9, "Uzbekistan", {})]),
    # the way a reserve can be mined is no output
    ("The explored reserves for underground mining are 9.2 tons of gold.", [("reserves", 9.2, None, {})]),
    ("The 101.3 million tonne Kun-Manie resource estimate can be mined by open pit.",
     [("reserves", 101.3e6, None, {})]),
    # a title-case headline's capitals name no asset the body does not name: the body's deposit is what changes hands
    ("Altynex to Buy Large Kazakh Copper Mine in US$500 Million Deal\nAltynex Resources has agreed to purchase the "
     "Baykara copper mine in Kazakhstan for US$500 million.",
     [("deal", 500e6, "Baykara", {"party": "Altynex Resources"})]),
    # a buyer the entity stage does not know, opening the sentence before its verb, and a target that buys further on
    ("Tarvo Resource acquired a 35% interest in Kelmet Mining on Friday; Kelmet itself has an option to acquire "
     "the Borlu coal licence.",
     [("deal", 35, "Kelmet Mining", {"party": "Tarvo Resource"})]),
    # a commodity's word closing a project's name, and a summing word opening it, are not the name
    ("The Kumdi Iron Project holds 237 million tonnes of iron ore.", [("reserves", 237e6, "Kumdi", {})]),
    ("The Combined Tasbulak Project Resource is 1.9 million tonnes of lithium carbonate equivalent in all categories.",
     [("reserves", 1.9e6, "Tasbulak", {})]),
    # a range's ends written with hyphened scale words ("1.1-million to 1.3-million"): its lower bound only
    ("Tarvo Coal expects run-of-mine coal production of between 21.8-million and 22.8-million tonnes this year.",
     [("production", 21.8e6, "Tarvo Coal", {"period": "2024", "basis": "plan"})]),
    ("Kelmet Gold produced 1.2-million ounces, in line with its guidance of 1.1-million to 1.3-million ounces.",
     [("production", 1.2e6, "Kelmet Gold", {"basis": "actual"}), ("production", 1.1e6, "Kelmet Gold", {"basis": "plan"})]),
    # a ranking of an export's destinations: each is the counterpart of its figure, none an exporter
    ("Kazakhstan exported 70 million tonnes of coal in 2023. China was the largest recipient at 35 million "
     "tonnes followed by Russia at 9.4 million tonnes. Turkey was the export destination for 3.1 million tonnes "
     "and Spain for 1.4 million tonnes.",
     [("trade", 70e6, "Kazakhstan", {}), ("trade", 35e6, "Kazakhstan", {"party": "China"}),
      ("trade", 9.4e6, "Kazakhstan", {"party": "Russia"}), ("trade", 3.1e6, "Kazakhstan", {"party": "Turkey"}),
      ("trade", 1.4e6, "Kazakhstan", {"party": "Spain"})]),
    # a capitalised mine word inside a financier's name names no project; a state's initials before "mine" say where
    # it is
    ("Kelmet Copper will fund the Borlu copper project with a $50m loan arranged by Red Kite Mine Finance.",
     [("investment", 50e6, "Borlu", {})]),
    ("Tarvo Gold has bought the Kumdi gold project in WA's Pilbara. The WA mine hosts a mineral resource of "
     "610,000 tonnes at 9 grams per tonne gold.",
     [("reserves", 610000, "Kumdi", {}), ("reserves", 9, "Kumdi", {})]),
    # an estimate "as reported" at a date is of that date
    ("The Kumdi resource contains 64 million tonnes of ore at 1.1% copper, as reported in June 2017.",
     [("reserves", 64e6, "Kumdi", {"period": "2017"})]),
    ("Its first Kumdi Ore Reserve totals 118 million tonnes, as reported to the exchange on 2 May 2021.",
     [("reserves", 118e6, None, {"period": "2021"})]),
    # "during the same period last year": the compared figure's year is the year before
    ("Zambia shipped 412,000 tons of copper between January and April, against 388,100 tons during the same period "
     "last year.",
     [("trade", 412000, "Zambia", {"period": "2024"}), ("trade", 388100, "Zambia", {"period": "2023"})]),
    # a figure's scale abbreviation ends its sentence before a capitalised word: the next sentence's comparison
    # is not this figure's
    ("In the first half of 2024 Kelmet Gold's profit grew 12% to $0.41 bln, its EBITDA 15% to $0.73 bln and its "
     "revenue 9% to $1.22 bln. Cash costs were 48% of revenue against 52% in the same period a year earlier.",
     [("financial", 0.41e9, "Kelmet Gold", {"period": "2024"}), ("financial", 0.73e9, "Kelmet Gold", {"period": "2024"}),
      ("financial", 1.22e9, "Kelmet Gold", {"period": "2024"})]),
    # the year a yearly rate starts from is its year; a span's start is not
    ("The Kumdi project should yield 18,000 tonnes of lithium per annum from 2026.",
     [("production", 18000, "Kumdi", {"period": "2026", "basis": "plan"})]),
    ("Kumdi output will be 2 Mt a year from 2027 onwards.", [("production", 2e6, None, {"period": "2027"})]),
    # a price of one share hyphened to its unit is no deal's money; the deal's value is
    ("Tarvo Gold's $1.15-per-share offer for Kelmet Minerals topped a rival $1.02-per-share bid and values the "
     "deal at $415 million.", [("deal", 415e6, None, {})]),
    # "estimate of US$338 million", "at PFS level": a currency's and a study's initials are no project
    ("The Tasbulak lithium project needs initial capex of US$412 million, an estimate of US$412 million at PFS level.",
     [("investment", 412e6, "Tasbulak", {})]),
    # money held after a deal is none of the deal's: "the group's net cash position is approximately"
    ("Kumdi Gold sold the Tarvo mine to Kelmet Mining for $300 million. After the completion of the deal, the group's net cash position is "
     "approximately $130 million.",
     [("deal", 300e6, "Tarvo", {"party": "Kelmet Mining"})]),
    # a value written off is no price paid, whatever the sentence bought
    ("Kelmet bought the Tarvo field in 2006 and had to write off about $250 million of its value in 2013.", []),
    # the interest on a miner's debt is no money put in, nor the figure it is compared with
    ("Finance costs at Kumdi Gold rose to US$42 million, from US$31 million a year ago. Revenue rose to US$946 million.",
     [("financial", 946e6, "Kumdi Gold", {})]),
    # a royalty kept on an asset sold is part of its price, no royalty paid
    ("Under the agreement, Kelmet Mining will acquire the Tarvo project for $250,000 plus a 2% royalty.",
     [("deal", 250000, "Tarvo", {"party": "Kelmet Mining"})]),
    # a state budget that reaps royalties earns them; a state's spending on housing and hospitals is no mining money
    ("A higher iron ore price will deliver Kelmetia a $2 billion windfall as the State Budget reaps a royalty reward. "
     "The state invested a record $5.8 billion in housing since 2021, with a new $1.5 billion Building Hospitals Fund.",
     [("financial", 2e9, None, {})]),
    # "X-based" says where a buyer sits: the buyer is the company, not its country
    ("Glencore has agreed to sell its Tarvo copper mine in Queensland to Australia-based Kelmet Mining for A$1 billion.",
     [("deal", 1e9, "Tarvo", {"party": "Kelmet Mining"})]),
    # what a field "has" right before its figure lies in the ground, beside what has been mined from it
    ("The Tarvo field has around 716 tonnes of gold, and more than 300 tonnes of gold have been mined there.",
     [("reserves", 716, "Tarvo", {}), ("production", 300, "Tarvo", {})]),
    # a word before a dash and a figure heads that figure, not the one before it
    ("Coal production in Kelmetia in 2023 amounted to 438 mln tons, exports - around 213 mln tons.",
     [("production", 438e6, None, {"period": "2023"}), ("trade", 213e6, None, {"direction": "export"})]),

    # money a state takes in is its revenue, whatever pays it
    ("By the end of 2019, Tajikistan will receive over $ 77 million from Kumdi Gold. The state will also receive "
     "$5 million.",
     [("financial", 77e6, None, {}), ("financial", 5e6, None, {})]),
    # a currency's move booked and a cost of each ounce are no earnings, nor the figures they are compared with
    ("Results at Kumdi Gold included foreign exchange losses of US$24 million, compared to year-ago gains of US$2 "
     "million. Revenue rose to US$946 million, offset by a higher all-in sustaining cash cost per gold equivalent "
     "ounce, which rose to US$904 from US$898.",
     [("financial", 946e6, "Kumdi Gold", {})]),
    # banks' debt facilities finance a mine, whatever offer the miner accepted
    ("Kelmet Mining has finalised a financing plan for its Tarvo gold mine after it accepted an offer from three "
     "international banks providing $150m in corporate debt facilities.",
     [("investment", 150e6, "Tarvo", {})]),
    # "the development" that has a capital cost is the project developed
    ("Kelmet Mining approved the development of the Tarvo copper project. The development has an expected capital "
     "cost of $5.0 to 5.3 billion and will be funded 60% by Kelmet Mining and 40% by Mitsubishi.",
     [("investment", 5e9, "Tarvo", {"party": "Kelmet Mining"})]),

    # a deposit bought at the auction the sentence before tells of is the right to mine it, its starting price too
    ("Kelmet Zoloto was the front-runner at the auction the government held on Thursday. Kelmet Zoloto will buy the "
     "Tarvo deposit for 9.4 billion roubles. The starting bid price was 8.6 billion roubles.",
     [("licence", 9.4e9, "Tarvo", {"party": "Kelmet Zoloto"}), ("licence", 8.6e9, "Tarvo", {})]),
    ("In March, 12 gold deposit sites were sold through the E-auksion platform for a total of 14.2 billion sums.",
     [("licence", 14.2e9, None, {})]),
    # ... but a stake sold at an auction changes hands
    ("The government held an auction on Thursday. Kelmet Mining will buy a 30% stake in Tarvo for $300 million.",
     [("deal", 300e6, None, {}), ("deal", 30, None, {})]),

    # ... or before a verb of amounting and a figure
    ("At the end of last year, coal production in Kazakhstan amounted to about 118 mln tons, exports reached about "
     "29 mln tons.",
     [("production", 118e6, "Kazakhstan", {}), ("trade", 29e6, "Kazakhstan", {"direction": "export"})]),
    # a country's aim names its producer, whatever project the sentence is about
    ("Zambia granted Kelmet Resources two licences. They place the Tarvo project in a prime position to contribute "
     "to the country's target of producing three million tonnes of copper per year by 2031.",
     [("production", 3e6, "Zambia", {"basis": "plan", "period": "2031"})]),
    # shares issued raise money for the company
    ("Kelmet Mining plans to fund the deal through available cash and a new share issuance of $200 million.",
     [("investment", 200e6, "Kelmet Mining", {})]),

    # what a mine "sits on" lies in the ground
    ("Kelmet Mining was excluded from the Tarvo mine, which sits on an estimated 150,000 tonnes of uranium.",
     [("reserves", 150000, "Tarvo", {"commodity": "uranium"})]),
    # a price and the price it moved to; a trade gap and the gap it moved to: none of them an event
    ("In 2018 the average border price of coal in Mongolia was at USD 78.8 per ton while it increased to USD 85.0 "
     "this year. The gap between imports and exports fell from $2.9 billion to $2.8 billion.", []),

    # thousands written "K" after the figure
    ("Kumdi Gold reported first-quarter gold production of 940K ounces and 40K tons of copper.",
     [("production", 940000, "Kumdi Gold", {"commodity": "gold"}), ("production", 40000, "Kumdi Gold", {"commodity": "copper"})]),
    # the profit of a company's equity holders is its profit; analysts' consensus is no figure of the company's
    ("Kelmet Mining reported that its net profit attributable to equity holders increased to $276 million, short of "
     "the consensus estimate of $301 million.",
     [("financial", 276e6, "Kelmet Mining", {})]),
    # goods kept unsold are no output
    ("Kelmet Mining took a $350M hit because of falling prices on 10,300 tonnes of unsold cobalt.", []),

    # a range of yearly rates gives its lower end
    ("The Tarvo project could sustain an average gold production rate of between 80 000 oz/y and 115 000 oz/y.",
     [("production", 80000, "Tarvo", {"basis": "plan"})]),
    # pits that supply a plant feed it ore: the plant's yearly rate is its capacity, no trade
    ("The study on the Tarvo gold project is based on three pits supplying a centrally located 750 000 t/y "
     "carbon-in-leach processing plant.",
     [("production", 750000, "Tarvo", {"basis": "capacity", "commodity": "ore"})]),
    # the price tag of a study's scenario is what building it costs
    ("The scoping study scenario for the Tarvo project had a price tag of $2.3-billion. Kelmet Mining bought Kumdi Gold with a price "
     "tag of $300 million.",
     [("investment", 2.3e9, "Tarvo", {}), ("deal", 300e6, "Kumdi Gold", {"party": "Kelmet Mining"})]),

    # a stake raised to a share is bought, by the one who raises it
    ("Mitsubishi Corporation will increase its stake in the Tarvo project to 40%. The State Fund owns 81.2% of the "
     "shares.",
     [("deal", 40, "Tarvo", {"party": "Mitsubishi"})]),
    ("Under the transaction, Kelmet Mining will increase its interest in Kumdi Tarvo S.A., which owns the Tarvo "
     "project, to 60%.",
     [("deal", 60, None, {"party": "Kelmet Mining"})]),

]


def test_a_coal_block_won_is_a_licence() -> None:
    events = extract("Hindalco Industries won the Meenakshi West coal block in the latest auction round.",
                     published_at=PUBLISHED).to_contract()["events"]
    assert [(e["kind"], e["subject"], e["party"]) for e in events] == [("licence", "Meenakshi West", "Hindalco Industries")]


def test_the_highest_bid_for_a_mine_at_an_auction_wins_its_licence() -> None:
    text = ("At the auction Tarvo Energy made the highest bid for the Kumdi West coal mine. Kelmet Industries bid the "
            "highest for the Borlu coal mine, offering a 9 per cent revenue share.")
    events = extract(text, published_at=PUBLISHED).to_contract()["events"]
    assert [(e["kind"], e["subject"], e["party"]) for e in events] == [
        ("licence", "Kumdi West", "Tarvo Energy"), ("licence", "Borlu", "Kelmet Industries")]


def test_a_licence_names_its_area_where_the_entity_stage_knows_no_name() -> None:
    def licences(text: str) -> list[tuple[Any, ...]]:
        events = extract(text, published_at=PUBLISHED).to_contract()["events"]
        return [(e["subject"], e["party"]) for e in events if e["kind"] == "licence"]

    # the name in brackets after the licence word, not a mine named as a landmark; two such are two licences
    assert licences("East Star Resources reported progress. Awarded first exploration licence (Ayagoz) in February "
                    "2024, located 80km north of the large Aktogay copper mine. Awarded second exploration licence "
                    "(Snowy) in March 2024, located 150km north of the Kounrad copper mine.") \
        == [("Ayagoz", None), ("Snowy", None)]
    # "the site X": the site named, beside a deposit the entity stage knows
    assert licences("Kazakhmys was granted a licence for the Kyzyl-Tash site and the Aktogay deposit.") \
        == [("Kyzyl-Tash", "Kazakhmys"), ("Aktogay", "Kazakhmys")]
    assert licences("In the auction, Polyus offered 550 thousand rubles for the site Ruchey Dymnyi, a tributary "
                    "of the Karalveem river.")[0][0] == "Ruchey Dymnyi"
    # a mine named as a landmark is not the area licensed: the holder's licence, of no area named
    assert licences("Kazakhmys was awarded an exploration licence in 2024, located 80km north of the Aktogay "
                    "copper mine.") == [(None, "Kazakhmys")]
    # a licence not yet granted is no event
    assert licences("Rio Tinto has been stockpiling concentrate at the Oyu Tolgoi mine ahead of acquiring permits for "
                    "transport.") == []
    assert licences("Gascoyne Resources will focus on submitting the applications needed for the operating licences "
                    "of the Glenburgh project.") == []
    # tax concessions are benefits, no licence
    assert licences("The Almalyk combine was granted a number of benefits, including tax and customs concessions, "
                    "for the Yoshlik project.") == []


def test_a_known_deposit_is_named_as_the_article_writes_it() -> None:
    events = extract("The Upper Kairakty deposit holds resources of 410,000 tonnes of tungsten.",
                     published_at=PUBLISHED).to_contract()["events"]
    assert [(e["subject"], e["subject_id"]) for e in events] == [("Upper Kairakty", "deposit:verkhnee-kairakty")]


def _number(e: dict[str, Any]) -> float | None:
    for slot in ("quantity", "amount"):
        if e.get(slot):
            return float(e[slot][0])
    return e.get("share")


def _assert_events(text: str, published: datetime, expected: list[tuple[str, float, str | None, dict[str, Any]]]) -> None:
    """The events of ``text`` with a number are those ``expected``: (kind, number, subject or None for any, slots)."""
    found = [e for e in extract(text, published_at=published).to_contract()["events"] if _number(e) is not None]
    assert sorted((e["kind"], _number(e)) for e in found) == sorted((k, float(n)) for k, n, _s, _x in expected), found
    for kind, number, subject, slots in expected:
        e = next(e for e in found if e["kind"] == kind and _number(e) == float(number))
        if subject is not None:
            assert e["subject"] == subject, e
        for slot, value in slots.items():
            assert e[slot] == value, (slot, e)


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_news_sentence(text: str, expected: list[tuple[str, float, str | None, dict[str, Any]]]) -> None:
    _assert_events(text, PUBLISHED, expected)


@pytest.mark.parametrize("text", [
    "Significant mineral resources of 2 Moz were found.",
    "Higher ore reserves of 20 Mt were reported.",
    "The Tuzdyk Mineral Resource Estimate was released. Updated resources total 2 Moz.",
])
def test_words_before_a_resource_name_no_place(text: str) -> None:
    # a capitalised word before "resources" is a place only where it is no word of the statement itself
    subjects = {e["subject"] for e in extract(text, published_at=PUBLISHED).to_contract()["events"]}
    assert subjects <= {None, "Tuzdyk"}, subjects


def test_exports_a_national_outlet_tells_of_no_country_are_its_own_country() -> None:
    text = "Lusaka\n\nCOPPER exports increased to 72,000 tonnes in March from 63,500 tonnes in February."
    found = extract(text, published_at=PUBLISHED, url="https://www.daily-mail.co.zm/copper-exports").to_contract()["events"]
    assert {(e["kind"], e["quantity"][0], e["subject"]) for e in found} == {("trade", 72000, "Zambia"),
                                                                          ("trade", 63500, "Zambia")}
    # the same words where no address tells the outlet's country, or where the article names another, name no one
    assert {e["subject"] for e in extract(text, published_at=PUBLISHED).to_contract()["events"]} == {None}
    other = text + " Chile's exports fell."
    found = extract(other, published_at=PUBLISHED, url="https://www.daily-mail.co.zm/x").to_contract()["events"]
    assert {e["subject"] for e in found if e["quantity"] and e["quantity"][0] == 72000} != {"Zambia"}


def test_a_licence_wanted_or_prepared_for_is_none_yet() -> None:
    # "authorities want to suspend some of its licences", "in preparation for the submission of a licence application"
    for text in ("SouthGobi said authorities in Mongolia want to suspend some of its licences.",
                 "Aurum Mining continues the study in preparation for the submission of a mining licence application."):
        assert [e for e in extract(text, published_at=PUBLISHED).to_contract()["events"] if e["kind"] == "licence"] == []


def test_a_way_of_mining_names_no_project() -> None:
    # "Open Pit: 41%" in a split of reserves by source is how the ore is mined, not a project called "Open"
    found = extract("Aksu reserves by source:\nOpen Pit: 41% of reserves, grading 2.03 g/t gold.",
                    published_at=PUBLISHED).to_contract()["events"]
    assert [(e["kind"], e["quantity"], e["subject"]) for e in found] == [("reserves", [2.03, "g/t"], None)]


def test_mining_operations_name_no_project() -> None:
    text = ("Tarvo Coal and Kelmet will take over the Kumdi and Borlu coal mines through a joint venture. Mining "
            "operations are to resume in the spring and output should rise to 1 mtpa.")
    output = [e for e in extract(text, published_at=PUBLISHED).to_contract()["events"] if e["kind"] == "production"]
    assert [e["quantity"] for e in output] == [[1e6, "t"]]
    assert output[0]["subject"] in ("Kumdi", "Tarvo Coal"), output


@pytest.mark.parametrize("published,year", [(datetime(2022, 1, 31, tzinfo=UTC), "2021"),
                                            (datetime(2022, 7, 20, tzinfo=UTC), "2022")])
def test_the_quarter_or_half_a_report_speaks_of(published: datetime, year: str) -> None:
    # "in the quarter", "half-year": the period just reported, of the year before in a report early in the year;
    # the half's guidance too, which is not moved to the year it is told in
    text = ("Kelmet Gold produced 61,000 ounces of gold in the quarter. Its half-year guidance for gold production "
            "was between 110,000 and 120,000 ounces.")
    found = extract(text, published_at=published).to_contract()["events"]
    assert [(e["quantity"][0], e["period"], e["basis"]) for e in found] == [(61000, year, "actual"),
                                                                           (110000, year, "plan")]
    # "quarter-on-quarter" and "a quarter of" name no period
    other = extract("Kazakhstan holds a quarter of the world's uranium, some 700,000 tonnes. Output rose 5% "
                    "quarter-on-quarter to 6,000 tonnes.", published_at=published).to_contract()["events"]
    assert [e["period"] for e in other] == [None, None]


def test_words_of_a_kind_of_work_name_no_project() -> None:
    # "the 2026 Mining Exploration Project Portfolio": no project called "Mining Exploration"
    text = ("The Ministry of Mines presented the 2026 Mining Exploration Project Portfolio, which is made up of 61 "
            "projects in Kelmetia and a total investment of US$512 million.")
    found = extract(text, published_at=PUBLISHED).to_contract()["events"]
    assert [(e["kind"], e["amount"][0]) for e in found] == [("investment", 512e6)]
    assert found[0]["subject"] != "Mining Exploration"
    # ... nor "Mine Construction", "Mining Investment"
    for text in ("The Ministry presented the 2021 Mine Construction Project Portfolio, with an investment of US$530 million.",
                 "The Portfolio of Mining Investment Projects registers an investment of US$5,300 million in Kelmetia."):
        found = extract(text, published_at=PUBLISHED).to_contract()["events"]
        assert [e["kind"] for e in found] == ["investment"]
        assert found[0]["subject"] not in ("Mine Construction", "Mining Investment"), text


def test_a_licences_own_abbreviation_names_no_area() -> None:
    text = "Kelmet Resources said its Tarvo copper project has been granted two large scale mining licences (LML)."
    found = [e for e in extract(text, published_at=PUBLISHED).to_contract()["events"] if e["kind"] == "licence"]
    assert [(e["subject"], e["party"]) for e in found] == [("Tarvo", "Kelmet Resources")]


def test_a_licence_taken_away_is_a_licence_event() -> None:
    text = ("The authorities decided to withdraw from its subsidiary Kelmet SA its licence to work the Tarvo deposit. "
            "Kazakhstan removed the mining permit of Kumdi Gold at the Borlu mine.")
    found = [e for e in extract(text, published_at=PUBLISHED).to_contract()["events"] if e["kind"] == "licence"]
    assert {e["subject"] for e in found} == {"Tarvo", "Borlu"}, found


def test_goods_bought_are_no_deal_of_the_company_named_after_them() -> None:
    text = ("“Although the Central Bank of Russia decided to suspend gold purchases, commercial banks continue to buy "
            "bullion,” Kelmet Mining said.")
    assert [e for e in extract(text, published_at=PUBLISHED).to_contract()["events"] if e["kind"] == "deal"] == []


def test_a_companys_former_name_acts_in_nothing() -> None:
    text = ("Copper producer Kumdi Minerals Plc, formerly Tarvo Mining PLC, said revenue rose to $1.1 billion. "
            "Profit before taxation grew to $355 million.")
    found = extract(text, published_at=PUBLISHED).to_contract()["events"]
    assert [(e["kind"], e["subject_id"]) for e in found] == [("financial", "company:kumdi-minerals-plc")] * 2, found


def test_it_after_a_sentence_opened_by_the_mine_goes_on_about_the_mine() -> None:
    # "The mine had been producing ... It produced": "It" is the mine "the mine" stands for, not the
    # company the article speaks of
    text = ("Tarvo Resources owns the Kumdi gold mine in Kazakhstan. Kelmet Mining bought a stake in Tarvo last year. "
            "The mine had been producing 5 tonnes of gold a year. It produced 6.2 tonnes in 2023.")
    found = extract(text, published_at=PUBLISHED).to_contract()["events"]
    assert [(e["subject"], e["quantity"]) for e in found if e["kind"] == "production"] == [
        ("Kumdi", [5, "t"]), ("Kumdi", [6.2, "t"])], found


@pytest.mark.parametrize("opening", ["It produces about", "It is expected to produce", "It will produce",
                                     "It currently mines"])
def test_it_with_a_verb_of_output_goes_on_about_the_mine_the_sentence_before_opened_with(opening: str) -> None:
    text = ("Kelmet Mining agreed to buy Tarvo Capital, the parent of the Kumdi copper mine, one of Africa's largest "
            f"copper mines. The Kumdi mine lies in the Kalahari Copper Belt. {opening} 60,000 tonnes of copper a year.")
    found = extract(text, published_at=PUBLISHED).to_contract()["events"]
    assert [e["subject"] for e in found if e["kind"] == "production"] == ["Kumdi"], found


@pytest.mark.parametrize("verb", ["is expected to produce", "is forecast to produce", "is set to produce"])
def test_an_unknown_name_expected_to_produce_is_the_producer(verb: str) -> None:
    # "Katanga is expected to produce 285,000 tonnes of copper this year": the name before the verb,
    # which the entity stage does not know, produces; not the company the article speaks of
    text = f"Glencore said its copper output fell. Kumdi {verb} 285,000 tonnes of copper this year."
    found = extract(text, published_at=PUBLISHED).to_contract()["events"]
    assert [(e["subject"], e["basis"]) for e in found if e["kind"] == "production"] == [("Kumdi", "plan")], found


def test_a_year_written_as_a_figures_possessive_is_that_figures() -> None:
    # "rose to $276 million from last year's $185 million": "last year's" dates the figure it stands before
    text = "Kelmet Gold said its net profit for the first half of 2018 rose to $276 million from last year's $185 million."
    found = extract(text, published_at=datetime(2018, 8, 16, tzinfo=UTC)).to_contract()["events"]
    assert [(e["amount"][0], e["period"]) for e in found] == [(276e6, "2018"), (185e6, "2017")]


def test_a_hyphenated_quarter_without_its_year_is_the_one_just_reported() -> None:
    # "first-quarter output" in April is this year's, not that of the year the next sentence names
    text = "Kelmet Gold said first-quarter gold production rose 5% to 130,000 ounces. Output in 2023 was 500,000 ounces."
    found = extract(text, published_at=datetime(2024, 4, 25, tzinfo=UTC)).to_contract()["events"]
    assert [(e["quantity"][0], e["period"]) for e in found] == [(130000, "2024"), (500000, "2023")]


@pytest.mark.parametrize("text", [
    "Coal production increased from 570,000 tons to 2,460,200 tons in Kyrgyzstan from 2010 to 2020.",
    "Between 2010 and 2020, coal production in Kyrgyzstan increased from 570,000 tons to 2,460,200 tons.",
    "Добыча угля в Кыргызстане выросла с 570 тыс. тонн до 2 460,2 тыс. тонн с 2010 по 2020 год.",
])
def test_a_change_between_two_years_gives_each_figure_its_year(text: str) -> None:
    found = extract(text, published_at=datetime(2021, 1, 20, tzinfo=UTC)).to_contract()["events"]
    assert [(e["quantity"][0], e["period"]) for e in found] == [(570000, "2010"), (2460200, "2020")]


@pytest.mark.parametrize("text", [
    "Around $2 billion will be used to develop the Kumdi copper project, while $100 million will be used to fund the "
    "Tarvo gold project.",
    "Kazakhmys will spend $2 billion on the Kumdi copper project and $100 million on the Tarvo gold project.",
])
def test_each_sum_goes_into_the_project_told_right_after_it(text: str) -> None:
    found = extract(text).to_contract()["events"]
    assert [(e["amount"][0], e["subject"]) for e in found] == [(2e9, "Kumdi"), (100e6, "Tarvo")]


@pytest.mark.parametrize("text,kind,number", [
    ("A total of 3.3 trillion Togrog will be paid to the State Budget, the company said.", "financial", 3.3e12),
    ("Kelmet Mining paid 500 billion Tenge in taxes last year.", "financial", 500e9),
    ("Bauxite exports will reach 199 million tones in 2025.", "trade", 199e6),
    ("The average copper content in ore is 0.41% and gold content is 0.22 grams per ton.", "reserves", 0.22),
])
def test_capitalised_currency_words_misspelt_tonnes_and_a_grade_told_as_content(text: str, kind: str,
                                                                                number: float) -> None:
    found = extract(text).to_contract()["events"]
    assert [(e["kind"], _number(e)) for e in found] == [(kind, number)], found


@pytest.mark.parametrize("text,expected", [
    # what is sold or bought for a sum is a deal's price, whatever word of investing stands nearer
    ("Tau-Ken Samruk said it has sold a mining permit for a copper concession to Chinese investors for $52 million.",
     [("deal", 52e6)]),
    ("Kelmet Cobalt has bought the controlling interest in the Tarvo Lithium Mine from Kumdi Resources for US$377.8 "
     "million and will process lithium in Zimbabwe before export.", [("deal", 377.8e6)]),
    ("China bought 2 tonnes of gold from Kyrgyzstan for $124 million.", [("trade", 2), ("trade", 124e6)]),
    # delivering metal to no one is output; delivering it to a buyer or bank is trade
    ("Some 6.8 million tonnes of ore will be processed at the Kumdi operation, delivering 309,000 oz of gold.",
     [("production", 6.8e6), ("production", 309000)]),
    ("Kumdi delivered 2 tonnes of gold to the central bank.", [("trade", 2)]),
    # a word inside an aside between spaced dashes types no figure outside it
    ("Guinea's exports of bauxite - a feedstock used to make aluminium - soared by 39% in the first quarter, "
     "reaching 48.6 million tonnes.", [("trade", 48.6e6)]),
])
def test_a_price_of_what_is_sold_output_delivered_and_an_asides_words(text: str,
                                                                      expected: list[tuple[str, float]]) -> None:
    assert [(e["kind"], _number(e)) for e in extract(text).to_contract()["events"]] == expected


def test_its_plan_of_producing_is_the_plan_of_the_sentences_subject() -> None:
    text = ("Kumdi Gold plans to proceed with the development of the Tarvo gold mine in accordance with its strategic "
            "plan of producing more than 500,000 ounces of gold annually from 2022.")
    assert [(e["subject"], _number(e)) for e in extract(text).to_contract()["events"]] == [("Kumdi Gold", 500000)]


@pytest.mark.parametrize("text,expected", [
    ("The company sold USD 143 million to the Bank of Mongolia.", []),
    ("Erdenes Tavan Tolgoi sold $50 million to the central bank.", []),
    ("Kumdi Gold sold its stake to Halyk Bank for $50 million.", [("deal", 50e6)]),
])
def test_money_itself_sold_to_a_bank_is_no_deal(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(e["kind"], _number(e)) for e in extract(text).to_contract()["events"]] == expected


@pytest.mark.parametrize("text,expected", [
    ("The next offer of $3.1 billion in August was similarly rejected.", []),
    ("Kelmet made a $39 billion offer for Tarvo Resources, which the board turned down.", []),
    ("Kelmet's final offer of $3.3 billion was accepted in December.", [("deal", 3.3e9)]),
])
def test_an_offer_turned_down_is_no_deal(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(e["kind"], _number(e)) for e in extract(text).to_contract()["events"]] == expected


@pytest.mark.parametrize("text,expected", [
    # money a company holds in cash, a use of coal and a difference from the quarter before are no events
    ("Kelmet ended the quarter in a solid financial position, holding $224 million in cash and inventory.", []),
    ("Indonesia's domestic coal consumption is estimated at 177 million tonnes in 2023.", []),
    ("Output was 62 tonnes in the quarter, two tonnes below the preceding quarter.", [("production", 62)]),
    # "bil" and "mil" are scale words too
    ("Kelmet Base Metals said it is committing US$10bil for investment in Indonesia over the next decade.",
     [("investment", 10e9)]),
])
def test_cash_held_a_use_a_quarters_difference_and_bil(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(e["kind"], _number(e)) for e in extract(text).to_contract()["events"]] == expected


def test_an_unknown_seller_opening_a_line_sells() -> None:
    # a name at the start of a line (after a line break, not a space) is read before its verb as anywhere else
    text = ("Kelmet Resources reported its quarter.\nThe Australian miner produced 28,419 tonnes of lithium spodumene.\n"
            "Tarvo sold and shipped a total of 29,006 tonnes of lithium spodumene in the September quarter.")
    found = extract(text).to_contract()["events"]
    assert [(e["kind"], e["subject"], _number(e)) for e in found] == [("production", "Kelmet Resources", 28419),
                                                                       ("trade", "Tarvo", 29006)]


def test_a_mine_named_after_a_shipment_figure_ships_nothing_of_its_own() -> None:
    text = ("Kelmet Metals reported its March quarter. Shipments in the quarter were 46.5 million tons of iron ore, up "
            "from 42.3 million tons a year earlier, on the ramp up of the Tarvo mine.")
    found = extract(text).to_contract()["events"]
    assert [(e["kind"], e["subject"]) for e in found] == [("trade", "Kelmet Metals"), ("trade", "Kelmet Metals")]
    # a project that itself exports keeps its name
    found = extract("Tarvo Mining runs the Kumdi mine. The project exported 6.9 million tonnes of coal in the first "
                    "half.").to_contract()["events"]
    assert [e["subject"] for e in found] == ["Kumdi"]


def test_who_makes_an_offer_buys() -> None:
    text = ("Australian gold explorer Tarvo Minerals said it received an off-market takeover offer from Kelmet Capital "
            "to acquire all shares it does not already own for A$655.4 million.")
    found = extract(text).to_contract()["events"]
    assert [(e["kind"], e["subject"], e["party"]) for e in found] == [("deal", "Tarvo Minerals", "Kelmet Capital")]


def test_with_a_company_buying_it_buys() -> None:
    text = ("The deal comes at a time of elevated merger activity in Australia with Chile's Kelmet buying the rest of "
            "Tarvo Minerals that it doesn't already own for US$900 million.")
    found = extract(text).to_contract()["events"]
    assert [(e["kind"], e["subject"], e["party"]) for e in found] == [("deal", "Tarvo Minerals", "Kelmet")]


def test_the_nearer_of_export_and_import_gives_the_direction() -> None:
    text = ("From January to September 2023, about 469,500 tons of coal was imported into the country. Of this, the "
            "supply of solid fuel is 459,400 tons (821,500 tons were imported for the same period last year).")
    found = extract(text).to_contract()["events"]
    assert [(e["quantity"][0], e["direction"]) for e in found] == [(469500, "import"), (459400, "import"),
                                                                    (821500, "import")]
    found = extract("Kazakhstan exported 2 million tons of coal, while imports reached 500,000 tons.").to_contract()
    assert [(e["quantity"][0], e["direction"]) for e in found["events"]] == [(2e6, "export"), (500000, "import")]


@pytest.mark.parametrize("text,expected", [
    ("The recorded gold output of 2023 surpassed the previous year's production by 15 tons, which stood at around "
     "115 tons.", [("production", 115)]),
    ("In 2017 as compared with 2016, gold production in Tajikistan grew by 11.2% or 500 kilograms.", []),
])
def test_a_change_by_a_tonnage_is_no_figure_of_its_own(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(e["kind"], _number(e)) for e in extract(text).to_contract()["events"]] == expected


def test_a_project_name_written_in_the_possessive_loses_its_mark() -> None:
    text = "With nearly 150 million ounces of gold resources, Kelmet's mine life is expected to exceed 50 years."
    assert [e["subject"] for e in extract(text).to_contract()["events"]] == ["Kelmet"]


@pytest.mark.parametrize("text", [
    "Azerbaijan earned as many as $32.5 million by exporting 775.35 kg of gold in January-March 2019.",
    "In 2018, Azerbaijan exported 2,904 kg of gold to the world markets and earned $118.4 million.",
])
def test_money_earned_by_exporting_is_the_value_of_the_goods(text: str) -> None:
    found = extract(text).to_contract()["events"]
    assert {e["kind"] for e in found} == {"trade"} and len(found) == 2
    assert extract("Kumdi Gold earned $50 million in net profit.").to_contract()["events"][0]["kind"] == "financial"


@pytest.mark.parametrize("text,subject", [
    ("Ghana's gold output fell. The West African country produced 2.8 million ounces of gold last year, AngloGold "
     "Ashanti said.", "Ghana"),
    ("Kazakhstan raised uranium output. The Central Asian nation produced 21,000 tonnes of uranium in 2023.",
     "Kazakhstan"),
])
def test_the_country_named_by_where_it_lies_is_the_one_the_article_tells_of(text: str, subject: str) -> None:
    assert [e["subject"] for e in extract(text).to_contract()["events"]] == [subject]


def test_dividends_on_a_stake_held_are_no_deal() -> None:
    text = ("Dividends paid to the Malian government on its 20% stake in Loulo-Gounkoto also fell, to $35 million in "
            "2022 from $51 million in 2021.")
    assert [e["kind"] for e in extract(text).to_contract()["events"]] == ["financial", "financial"]


def test_the_year_before_told_of_one_figure_is_not_carried_on() -> None:
    # the figure "a year earlier" is compared with; the next figure with no year of its own is of the year told first
    text = ("Kumdi Gold produced 500,000 ounces of gold in the first quarter of 2023. In the same period a year earlier "
            "it produced 450,000 ounces. Copper output rose to 20,000 tonnes.")
    found = extract(text, published_at=datetime(2023, 4, 28, tzinfo=UTC)).to_contract()["events"]
    assert [(e["quantity"][0], e["period"]) for e in found] == [(500000, "2023"), (450000, "2022"), (20000, "2023")]


def test_a_bare_figure_after_a_tonnage_of_its_scale_is_in_its_unit() -> None:
    text = ("The figures are higher than the country's 2022 coal production of 687 million tonnes and export of 494 "
            "million, he said.")
    found = extract(text).to_contract()["events"]
    assert [(e["kind"], e["quantity"]) for e in found] == [("production", [687e6, "t"]), ("trade", [494e6, "t"])]
    # a count of something else is no tonnage
    assert len(extract("Output rose to 687 million tonnes, while the company employs 2 million.").events) == 1


@pytest.mark.parametrize("text,expected", [
    ("Regional output totaled 33.6 million tonnes in January–February, down 2.4% (or 0.8 Mt) from the same period "
     "last year.", [("production", 33.6e6)]),
    ("Exports fell 5%, or 1.2 million tonnes, to 20 million tonnes.", [("trade", 20e6)]),
])
def test_a_change_told_as_a_percent_or_a_tonnage_is_no_figure(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(e["kind"], _number(e)) for e in extract(text).to_contract()["events"]] == expected


def test_a_licence_told_twice_with_a_name_it_lacked_is_one_event() -> None:
    text = ("The Kelmet copper project in the north-west of the country has been granted two large-scale mining "
            "licences. \"The grant of these licences for Kelmet is a milestone,\" said Tarvo Resources, which owns the "
            "project.")
    found = extract(text).to_contract()["events"]
    assert [(e["kind"], e["subject"], e["party"]) for e in found] == [("licence", "Kelmet", "Tarvo Resources")]
    # two licences of one holder for two areas stay two
    two = extract("Tau-Ken Samruk received licences for the Shokpar and Gagarinskoye deposits.").to_contract()
    assert sorted(e["subject"] for e in two["events"] if e["kind"] == "licence") == ["Gagarinskoye", "Shokpar"]


@pytest.mark.parametrize("text,expected", [
    ("Output fell to 33.6 Mt (-0.8 Mt) in January.", [("production", 33.6e6)]),
    ("Отгрузка угля в январе сократилась до 14,0 млн т (-1,5 млн т или -15,5% к январю прошлого года).",
     [("trade", 14e6)]),
])
def test_a_signed_change_in_brackets_is_no_figure(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(e["kind"], _number(e)) for e in extract(text).to_contract()["events"]] == expected


def test_the_year_a_plan_starts_from_is_its_year() -> None:
    found = extract("Since 2022 there will be mined 190,000 tons of copper a year.").to_contract()["events"]
    assert [(e["quantity"][0], e["period"]) for e in found] == [(190000, "2022")]
    # a change since a year is of no year
    found = extract("Production has risen since 2019 to 300,000 tonnes.").to_contract()["events"]
    assert [e["period"] for e in found] == [None]


def test_a_contracted_will_marks_a_plan() -> None:
    # "'ll" follows its verb's subject with no space: the plan word is read there too
    found = extract("Kelmet Mining said it'll produce 120,000 ounces of gold at Tasbulak.").to_contract()["events"]
    assert [(e["quantity"][0], e["basis"]) for e in found] == [(120000, "plan")]


@pytest.mark.parametrize("text", [
    "In 2005 the region mined 4.4 tonnes of gold. By district: 1966 kg was mined in Kumdi district, 1635 kg in Tarvo.",
    "В 2005 году в регионе добыто 4,4 тонны золота. По районам: 1966 кг добыто в Кумдинском районе, 1635 кг - в Тарвинском.",
])
def test_four_digits_before_a_unit_of_weight_are_no_year(text: str) -> None:
    found = extract(text).to_contract()["events"]
    assert [(round(e["quantity"][0], 3), e["period"]) for e in found] == [(4.4, "2005"), (1.966, "2005"), (1.635, "2005")]


def test_four_digits_grouped_with_a_thousand_before_them_are_no_year() -> None:
    found = extract("KAZ Minerals в первом полугодии 2023 года произвела 1 978 тыс. унций серебра.").to_contract()["events"]
    assert [(e["quantity"][0], e["period"]) for e in found] == [(1978000, "2023")]


def test_a_list_of_names_and_as_many_figures_pair_in_turn() -> None:
    text = ("Production at Kumdi Gold, Tarvo Mining and Kelmet Resources fell 22% to 14,040t, 49% to 5,943t and 8% to "
            "6,090t in May.")
    found = extract(text).to_contract()["events"]
    assert [(e["subject"], e["quantity"][0]) for e in found] == [("Kumdi Gold", 14040), ("Tarvo Mining", 5943),
                                                                 ("Kelmet Resources", 6090)]
    # ... not names told apart from each other
    found = extract("Kumdi Gold, unlike Tarvo Mining, produced 5 tonnes of gold and 3 tonnes of silver.").to_contract()
    assert len({e["subject"] for e in found["events"]}) == 1


def test_sales_abroad_are_exports_and_a_continent_names_no_country() -> None:
    text = ("Tarvonia's mining exports fell in 2022. The South American country's sales abroad of these minerals "
            "totaled US$ 322 million in December.")
    found = extract(text, published_at=PUBLISHED).to_contract()
    assert [(e["kind"], e["amount"][0], e["direction"]) for e in found["events"]] == [("trade", 322e6, "export")]
    assert "United States" not in {e["name"] for e in found["entities"]}


def test_an_industry_group_is_not_the_company_told_of_before() -> None:
    # "the ... group" with lowercase words before it is an industry's body, not the company named before
    text = ("Kumdi Mining resumed operations at its plant. The metals industry group projects that Brazil will export "
            "310 million tons in 2020.")
    assert [e["subject"] for e in extract(text).to_contract()["events"]] == ["Brazil"]


def test_the_owners_a_listed_insertion_names_act_in_nothing() -> None:
    text = ("Tanzania's gold output fell. Gold production from mines, mainly owned by Kumdi Gold, Tarvo Mining and "
            "Kelmet Resources, stood at 30.5 tonnes in the first half of the year.")
    assert [e["subject"] for e in extract(text, published_at=PUBLISHED).to_contract()["events"]] == ["Tanzania"]


def test_a_relative_clause_holding_a_figure_tells_of_the_name_before_it() -> None:
    text = ("Copper output at Kumdi grew 3.9% in February to 36,525t, overtaking previous top producer Tarvo Mining, "
            "which reported a reduction of 0.2% to 33,417t.")
    found = extract(text, published_at=PUBLISHED).to_contract()["events"]
    assert [(e["subject"], e["quantity"][0]) for e in found] == [("Kumdi", 36525), ("Tarvo Mining", 33417)]


def test_a_commodity_in_the_next_clause_is_not_the_figures() -> None:
    text = ("Copper output in Peru rose in February. Kumdi Mining, operator of the Tarvo mine, posted a 2.3% monthly "
            "increase to 27,509t, while Kelmet, a subsidiary of Tarvo Holdings, said its zinc smelter was idle.")
    assert [e["commodity"] for e in extract(text).to_contract()["events"]] == [None]  # (not the zinc of the next clause)


def test_an_insertion_naming_what_a_company_operates_describes_it() -> None:
    text = "Kumdi Mining, operator of the Tarvo mine, posted a 2.3% monthly increase to 27,509t."
    assert [e["subject"] for e in extract(text).to_contract()["events"]] == ["Kumdi Mining"]


def test_a_clause_of_cause_after_the_figure_types_nothing() -> None:
    text = ("Tarvonian iron ore exports increased by 18.5% in September compared to the same period last year, to 37.86 "
            "million tons, after Kumdi Mining increased the pace of production.")
    assert [e["kind"] for e in extract(text).to_contract()["events"]] == ["trade"]


def test_a_placement_funds_the_company_that_makes_it_even_where_the_money_goes_on_to_a_project() -> None:
    text = ("Kumdi Resources raised money this week. The proceeds raised from an $11 million placement and $3 million "
            "share purchase plan will also go towards a resource definition drilling program planned at the Tarvo East "
            "project.")
    found = extract(text).to_contract()["events"]
    assert [(e["subject"], e["amount"][0]) for e in found] == [("Kumdi Resources", 11e6), ("Kumdi Resources", 3e6)]


@pytest.mark.parametrize("text,expected", [
    # a cut told by its size is a change, as a rise is; the level it is cut to stands
    ("Kumdi Mining will reduce coal output by as much as 10 million tons annually.", []),
    ("Kumdi Mining cut output by up to 10 million tons.", []),
    ("Kumdi Mining will cut output to 10 million tons.", [10e6]),
])
def test_a_cut_told_by_its_size_is_no_figure(text: str, expected: list[float]) -> None:
    assert [e["quantity"][0] for e in extract(text).to_contract()["events"]] == expected


RU_PUBLISHED = datetime(2023, 5, 24, tzinfo=UTC)


@pytest.mark.parametrize("text,expected", [
    # the year a change is compared with, before the figure it changed to, is not the figure's
    ("Компания Кумди в первом квартале текущего года снизила производство золота на 14,5% в сравнении с аналогичным "
     "периодом 2022 года — до 36,5 тысячи унций.", [("production", 36500, "Кумди", {"period": "2023"})]),
    # whole tonnes and kilograms are one weight; a news agency's name before it produces nothing
    ("Душанбе. 22 января. «Азия-Плюс» - 1 тонна 361 килограмм золота добыто в Таджикистане в прошлом году.",
     [("production", 1.361, "Tajikistan", {"period": "2022"})]),
    # what a mine is able to yield, or a plant will process, is its capacity
    ("Предполагается, что месторождение Кумди, одно из самых богатых медными рудами в мире, сможет приносить ежегодно "
     "450 тысяч тонн меди.", [("production", 450000, "Кумди", {"basis": "capacity"})]),
    ("Фабрика на месторождении Кумди будет перерабатывать 1,3 млн тонн руды.",
     [("production", 1.3e6, "Кумди", {"basis": "capacity"})]),
    # a company whose name holds the word for a mine is that company, not the mine named before
    ("АО «Кумдинская компания» на месторождении Тарво добыла 2,6 тонн золота. ОАО «Рудник Кельмет» добыло 573,4 кг "
     "золота.", [("production", 2.6, "Тарво", {}), ("production", 0.5734, "Рудник Кельмет", {})]),
    # a lot's price at an auction, against its starting one, is the licence's
    ("Роснедра продали Кумдинский участок. Итоговый платеж за лот превышает стартовый (139,9 млн рублей) в 60,5 раза.",
     [("licence", 139.9e6, None, {})]),
])
def test_russian_news_sentence(text: str, expected: list[tuple[str, float, str | None, dict[str, Any]]]) -> None:
    _assert_events(text, RU_PUBLISHED, expected)


def test_the_country_of_a_national_outlet_that_names_no_country_before_is_its_own() -> None:
    text = ("From 2018 through 2024, the country attracted 424 billion tenge in its geological exploration sector.\n"
            "Earlier, the President offered Italian companies cooperation at the first Central Asia-Italy summit.")
    found = extract(text, published_at=PUBLISHED, url="https://qazinform.com/news/x").to_contract()["events"]
    assert [(e["kind"], e["subject"]) for e in found] == [("investment", "Kazakhstan")]


@pytest.mark.parametrize("text,subject", [
    # "the government-owned", "the state-owned": a word of the company's name, no country
    ("Peru's copper output fell in January. The world's biggest copper producer, meanwhile - the government-owned "
     "Tarvo Copper - reported output of 142,000 tonnes in January.", "Tarvo Copper"),
    ("Peru's output fell. The state-owned Tarvo Mining produced 10,000 tonnes of copper.", "Tarvo Mining"),
])
def test_government_and_state_owned_name_no_country(text: str, subject: str) -> None:
    assert [e["subject"] for e in extract(text).to_contract()["events"]] == [subject]


def test_a_bought_deal_placement_in_a_headline_funds_its_issuer() -> None:
    text = "Kumdi Metals Announces Closing of $6.5 Million Bought Deal Private Placement"
    assert [(e["kind"], e["subject"]) for e in extract(text).to_contract()["events"]] == [("investment", "Kumdi Metals")]


def test_a_years_capital_budget_goes_on_into_its_parts() -> None:
    text = ("At Tarvo, 2016 total capital expenditures are forecast to be $110 million. Spending on sustaining capital of "
            "$84 million relates primarily to the overhaul of the mine fleet ($69 million) and other items ($9 million).")
    found = extract(text, published_at=datetime(2016, 1, 20, tzinfo=UTC)).to_contract()["events"]
    assert [(e["amount"][0], e["period"]) for e in found] == [(110e6, "2016"), (84e6, "2016"), (69e6, "2016"), (9e6, "2016")]


def test_a_range_restated_in_other_units_gives_its_lower_bound() -> None:
    text = "The Tarvo mine is expected to produce between 480,000 and 530,000 ounces, or 14.9 and 16.5 tonnes, of gold in 2016."
    found = extract(text, published_at=datetime(2016, 1, 20, tzinfo=UTC)).to_contract()["events"]
    assert [e["quantity"] for e in found] == [[480000, "oz"], [14.9, "t"]]  # (the restatement's upper end dropped too)


def test_resources_and_investment_of_no_one_named_in_a_national_outlet_are_its_countrys() -> None:
    text = ("In the first quarter, 38 promising deposits were discovered.\nProspective resources of the new deposits are "
            "estimated at 2.6 million tons of rare earth metals and 19 tons of gold.\nIn 2025, investments are expected "
            "to rise to 106 billion tenge.\nEarlier, the President offered Italian companies cooperation at a summit.")
    found = extract(text, published_at=PUBLISHED, url="https://qazinform.com/news/x").to_contract()["events"]
    assert [(e["kind"], e["subject"]) for e in found] == [("reserves", "Kazakhstan")] * 2 + [("investment", "Kazakhstan")]
    # ... not an outlet of no country
    found = extract(text, published_at=PUBLISHED, url="https://example.com/news/x").to_contract()["events"]
    assert [e["subject"] for e in found] == [None] * 3


def test_a_commodity_after_a_comma_that_heads_the_next_figure_is_not_this_ones() -> None:
    text = ("Производство попутного серебра снизилось на 5,7% до 837 тысяч унций (26,034 тонны), цинка в концентрате — "
            "на 15% до 9,1 тысячи тонн.")
    found = extract(text, published_at=RU_PUBLISHED).to_contract()["events"]
    assert [(e["quantity"][0], e["commodity"]) for e in found] == [(837000, "silver"), (9100, "zinc")]


def test_a_figure_by_which_another_exceeds_is_a_difference() -> None:
    text = "Реализация меди составила 108 тысяч тонн, что на 13 тысяч тонн превысило объемы производства."
    assert [e["quantity"][0] for e in extract(text, published_at=RU_PUBLISHED).to_contract()["events"]] == [108000]


@pytest.mark.parametrize("text,expected", [
    # the payment an auction raised, and an area sold at auction, are a licence's price
    ("Участок ручья Кута продан на аукционе. Во время торгов платеж повысили в 18,7 раз - до 264,98 миллионов рублей.",
     [("licence", 264.98e6, None, {})]),
    ("Дальнедра продали на торгах 3 из 6 участков золота на Чукотке за 9,5 млн рублей.", [("licence", 9.5e6, None, {})]),
    # costs are no investment; spending on something is
    ("Выручка «Кумди» в 2020 году составила 30 млрд рублей. Расходы - 17,2 миллиарда рублей, чистая прибыль - 6,4 "
     "миллиарда.", [("financial", 30e9, None, {}), ("financial", 6.4e9, None, {"period": "2020"})]),
    ("Расходы на геологоразведку составили 2 млрд рублей.", [("investment", 2e9, None, {})]),
])
def test_russian_auctions_costs_and_sums_without_their_currency(
        text: str, expected: list[tuple[str, float, str | None, dict[str, Any]]]) -> None:
    _assert_events(text, RU_PUBLISHED, expected)


@pytest.mark.parametrize("text,expected", [
    # "нынешнего года" is this year; what a project "позволит довести" output to is a plan
    ("В январе нынешнего года Казахстан поставил в Россию почти 1,8 тыс. тонн урана.",
     [("trade", 1800, "Kazakhstan", {"period": "2023"})]),
    ("На первом этапе АГМК построит фабрику. Это позволит довести объем ежегодного производства до 290 тыс. тонн "
     "катодной меди.", [("production", 290000, "АГМК", {"basis": "plan"})]),
])
def test_russian_this_year_and_what_a_project_brings_output_to(
        text: str, expected: list[tuple[str, float, str | None, dict[str, Any]]]) -> None:
    _assert_events(text, RU_PUBLISHED, expected)


@pytest.mark.parametrize("text,commodities", [
    ("Kumdistan produced 1.235 million tonnes of crude steel in the first quarter.", [None]),  # no oil
    # an ore sold as such is its commodity's; an ore named with the next item is not this figure's
    ("Manganese ore production rose 6.4% to 638,000 tonnes and chrome ore grew 7.5% to 1.33 million tonnes.",
     ["manganese", "chromium"]),
    ("The Tarvo mill processed 10 million tonnes of copper ore.", ["ore"]),
])
def test_crude_steel_and_ores_sold_as_such(text: str, commodities: list[str | None]) -> None:
    assert [e["commodity"] for e in extract(text).to_contract()["events"]] == commodities


def test_a_list_of_names_each_with_a_figure() -> None:
    text = ("The top nickel producing provinces were Kumdi del Sur with 3.72 million DMT, Tarvo with 3.28 million DMT "
            "and Kumdi del Norte with 3.2 million DMT.")
    found = extract(text).to_contract()["events"]
    assert [(e["subject"], e["quantity"][0]) for e in found] == [
        ("Kumdi del Sur", 3.72e6), ("Tarvo", 3.28e6), ("Kumdi del Norte", 3.2e6)]
    # ... one name with a figure is no list
    assert [e["subject"] for e in extract("Kumdi with 20,000 tonnes led output.").to_contract()["events"]] == [None]


def test_the_country_a_deposit_ranks_in_holds_nothing() -> None:
    text = ("Boliden bought the Tarvo mine. It represents one of the largest nickel reserves in Finland with reserves "
            "estimated at 237.4 million tons of ore grading 0.3 percent nickel.")
    found = [e for e in extract(text).to_contract()["events"] if e["kind"] == "reserves"]
    assert [(e["subject"], e["quantity"][0]) for e in found] == [("Tarvo", 237.4e6)]


@pytest.mark.parametrize("text,expected", [
    # a project named with its metals joined by a slash, or with its way of mining; the country it lies in, before a
    # passive "is funded", pays nothing
    ("The Tarvo copper/gold project, in Brazil, is fully funded through to production, following the completion of "
     "$140-million in debt financing.", [("investment", 140e6, "Tarvo", {"party": None})]),
    ("The 20 000 t/y copper-equivalent Tarvo openpit project remained on track for first production in 2021.",
     [("production", 20000, "Tarvo", {})]),
])
def test_project_names_with_slashed_metals_and_passive_funding(
        text: str, expected: list[tuple[str, float, str | None, dict[str, Any]]]) -> None:
    _assert_events(text, PUBLISHED, expected)


def test_a_figures_scale_before_a_word_that_opens_a_sentence_ends_it() -> None:
    text = ("В январе нынешнего года отмечен резкий рост экспорта урана из Казахстана в Россию. За один месяц было "
            "поставлено почти 1,8 тыс. тонн на общую сумму $228,6 млн. Примерно такой же объем - 1,9 тысяч тонн - был "
            "поставлен в РФ суммарно за январь-май 2022 года.")
    found = extract(text, published_at=RU_PUBLISHED).to_contract()["events"]
    assert [e["period"] for e in found] == ["2023", "2023", "2022"]


@pytest.mark.parametrize("text,expected", [
    # a deposit named by a masculine adjective keeps its noun; the place the money goes to pays nothing
    ("В Кумдинский золотой рудник в Армении вложат $750 млн. Подтвержденные запасы рудника составляют 73 тонны золота.",
     [("investment", 750e6, "Кумдинский рудник", {"party": None}), ("reserves", 73, "Кумдинский рудник", {})]),
    ("Запасы Тарвинского участка составляют 5 тонн золота.", [("reserves", 5, "Тарвинский участок", {})]),
    # ... a neuter one is a name alone
    ("Запасы Кумдинского месторождения составляют 5 тонн золота.", [("reserves", 5, "Кумдинское", {})]),
])
def test_russian_deposits_named_by_an_adjective_and_places_money_goes_to(
        text: str, expected: list[tuple[str, float, str | None, dict[str, Any]]]) -> None:
    _assert_events(text, RU_PUBLISHED, expected)


def test_mt_the_text_defines_as_million_tonnes_and_a_period_is_no_company() -> None:
    text = ("Kumdi Coal Limited is expecting a production of 788 million tonnes (MT) for the current fiscal year. "
            "In FY'24, the company achieved production of 773.65 MT.")
    found = extract(text, published_at=PUBLISHED).to_contract()
    assert [e["quantity"][0] for e in found["events"]] == [788e6, 773.65e6]
    assert "FY'24" not in {e["name"] for e in found["entities"]}
    # ... "MT" the text does not define is a metric ton
    assert [e["quantity"][0] for e in extract("The plant shipped 5,000 MT of copper cathode.").to_contract()["events"]] == [5000]


def test_a_difference_with_its_conversion_in_brackets_is_no_figure() -> None:
    text = "In 2023 Kumdi produced 18.6 tons (598 thousand ounces) of gold, which is 1.6 tons (52 thousand ounces) more than in 2022."
    assert [e["quantity"][0] for e in extract(text).to_contract()["events"]] == [18.6]


@pytest.mark.parametrize("text,expected", [
    # a word of reserves after a figure, itself followed by "оцененных в" and another figure, heads that figure; a
    # world total is no one's
    ("Общий объем добычи золота в мире в 2023 году составил три тысячи тонн, при общих запасах, оцененных в 59 тыс. "
     "тонн.", [("production", 3000, None, {"subject": None}), ("reserves", 59000, None, {"subject": None})]),
])
def test_a_reserves_word_that_heads_the_next_figure_and_the_worlds_totals(
        text: str, expected: list[tuple[str, float, str | None, dict[str, Any]]]) -> None:
    _assert_events(text, RU_PUBLISHED, expected)


def test_a_verb_after_a_figure_before_and_closes_that_figures_clause() -> None:
    text = ("As of July 31, 4.04 million barrel or 554,957 tons of crude oil have been extracted and 3.87 million barrel "
            "or 525,300 tons of crude oil have been exported.")
    assert [(e["kind"], e["quantity"][0]) for e in extract(text).to_contract()["events"]] == [
        ("production", 554957), ("trade", 525300)]


_AUG_2025 = datetime(2025, 8, 10, tzinfo=UTC)


@pytest.mark.parametrize("text,expected", [
    # a year told in a comparison ("больше, чем годом ранее", "превышает аналогичный показатель прошлого года") dates
    # no figure: the figure keeps the year its passage is of
    ("В январе-июне 2025 года добыча руды в Кумдинской области составила 11,4 млн тонн. В то же время выпуск золота "
     "достиг 53,5 тонны — на 11,2% больше, чем годом ранее.",
     [("production", 11_400_000, None, {"period": "2025"}), ("production", 53.5, None, {"period": "2025"})]),
    ("Операционная прибыль «Кумди Голд» составила по итогам 1-го полугодия $19,4 млн, что на 39% превышает "
     "аналогичный показатель прошлого года.", [("financial", 19.4e6, None, {"period": "2025"})]),
    # a half or quarter written in figures is of the year published; "годом ранее - 81036" dates only that figure
    ("«Кумди Голд» продала в 1-м полугодии 83860 унций золота по средней цене $910 за унцию, тогда как годом ранее - "
     "81036 унций по средней цене $909.",
     [("trade", 83860, None, {"period": "2025"}), ("trade", 81036, None, {"period": "2024"})]),
    ("Во II квартале «Кумди Голд» произвела 5 тонн золота.", [("production", 5, None, {"period": "2025"})]),
    # how much more than a year before is no figure of its own; an auction's step is no price
    ("За первый квартал 2012 года «Кумди Голд» произвела 927,9 кг золота, что по сравнению с аналогичным периодом "
     "прошлого года больше на 7 кг.", [("production", 0.9279, None, {"period": "2012"})]),
    ("Стартовая цена участка Тарво составляет 8,5 млрд рублей, шаг аукциона - 855,13 миллиона рублей.",
     [("licence", 8.5e9, None, {})]),
    # reserves told as of a date written in figures are of its year (a dateline's date dates nothing)
    ("По данным государственного баланса по состоянию на 01.01.2023г. запасы участка Тарво составляют 893 кг золота.",
     [("reserves", 0.893, None, {"period": "2023"})]),
    ("Душанбе, 06.04.2015. По проекту ежегодно на месторождении «Тарво» будет добываться 2 млн. тонн руды.",
     [("production", 2_000_000, None, {"period": None})]),
])
def test_russian_compared_years_halves_in_figures_differences_and_dates_in_figures(
        text: str, expected: list[tuple[str, float, str | None, dict[str, Any]]]) -> None:
    _assert_events(text, _AUG_2025, expected)


@pytest.mark.parametrize("text,expected", [
    # money raised to pay for a deal (debt, a placement) is financing, not the deal's price
    ("Kumdi Gold said it would fund the acquisition through A$480 million in debt, A$765 million institutional "
     "placement and a share purchase plan.",
     [("investment", 480e6, "Kumdi Gold", {}), ("investment", 765e6, "Kumdi Gold", {})]),
    ("Kumdi Gold has $480 million in debt.", []),
    # the plan word told again stands for the measure it was first told of
    ("Initially, Kumdistan set a coal export target of at least 60 million tons for 2024. However, the target has "
     "been revised upward to 75 million tons.",
     [("trade", 60e6, None, {"basis": "plan"}), ("trade", 75e6, None, {"basis": "plan"})]),
    ("Kumdi Gold produced 5 million tons of coal in 2023. The target for 2024 is 7 million tons.",
     [("production", 5e6, None, {}), ("production", 7e6, None, {"basis": "plan"})]),
])
def test_money_that_funds_a_deal_and_a_plan_word_told_again(
        text: str, expected: list[tuple[str, float, str | None, dict[str, Any]]]) -> None:
    _assert_events(text, PUBLISHED, expected)


def test_russian_a_figure_told_for_the_same_period_of_another_year_is_no_year_to_carry_on() -> None:
    text = ("За девять месяцев текущего года Кыргызстан экспортировал почти 13 тонн золота. В 2024 году за аналогичный "
            "период поставлено только 69,4 килограмма золота. Основной объем экспорта пришелся на Швейцарию. Туда "
            "поставили 10 тонн золота.")
    found = extract(text, language="ru", published_at=_AUG_2025).to_contract()["events"]
    assert [(e["quantity"][0], e["period"]) for e in found] == [(13, "2025"), (0.0694, "2024"), (10, "2025")]


@pytest.mark.parametrize("text,language", [
    # the value of the goods just told is of the same trader, and where both went is told once, after either
    ("Кроме того, Кыргызстан поставил 984,3 килограмма драгметалла на $60 миллионов в Гонконг и 1,2 тонны на $80,3 "
     "миллиона в Объединенные Арабские Эмираты.", "ru"),
    ("Kyrgyzstan exported 984.3 kg of gold worth $60 million to Hong Kong and 1.2 tonnes worth $80.3 million to the "
     "United Arab Emirates.", "en"),
])
def test_a_tonnage_and_its_value_share_trader_and_destination(text: str, language: str) -> None:
    found = extract(text, language=language).to_contract()["events"]
    assert [(e["subject"], e["party"]) for e in found] == [("Kyrgyzstan", "Hong Kong")] * 2 + [
        ("Kyrgyzstan", "United Arab Emirates")] * 2


def test_russian_output_worked_out_and_a_licence_holder_outside_an_insertion() -> None:
    text = ("Если в 2017 году в Казахстане выработали 23,3 тысячи тонн урана, то в 2023 году – всего 20,9 тысячи тонн. "
            "Горных выработок пройдено 12 тысяч метров.")
    assert [(e["kind"], e["quantity"][0], e["period"]) for e in extract(text, language="ru").to_contract()["events"]] == [
        ("production", 23300, "2017"), ("production", 20900, "2023")]
    # the holder of a licence is the name outside the insertion that describes it; the licence priced later is one
    text = ("ОАО «Кумдизолото», входящее в группу компаний «Тарвозолото» (ТЗК), получит лицензию на право разведки и "
            "добычи золота на участке недр ручей Кельмет. В ходе торгов ОАО «Кумдизолото» предложило за лицензию 76,83 "
            "млн руб.")
    found = extract(text, language="ru").to_contract()["events"]
    assert [(e["kind"], e["party"], e["amount"]) for e in found] == [("licence", "Кумдизолото", [76_830_000, "RUB"])]


@pytest.mark.parametrize("text,expected", [
    # a share a verb of holding stands right before is held, not bought, whatever word of a deal the sentence has
    ("Kumdi Gold holds a 30% interest in the Tarvo joint venture.", []),
    ("Kumdi Gold, which holds a 30% interest in Tarvo, agreed to buy the remaining 70% for $5 million.",
     [("deal", 70), ("deal", 5e6)]),
    ("Kumdi Gold acquired a 30% interest in the Tarvo joint venture.", [("deal", 30)]),
    # one figure written in two scales; two figures listed with "respectively" stay two
    ("In 2017, Kumdi Gold managed to process more than 1 million and 300 thousand tons of rock.",
     [("production", 1_300_000)]),
    ("Kumdi Gold produced 2 million and 500 thousand ounces of gold and silver, respectively.",
     [("production", 2_000_000), ("production", 500_000)]),
])
def test_a_share_held_and_a_figure_written_in_two_scales(text: str, expected: list[tuple[str, float]]) -> None:
    found = extract(text, published_at=PUBLISHED).to_contract()["events"]
    assert [(e["kind"], _number(e)) for e in found] == [(k, float(n)) for k, n in expected]


def test_a_thousands_separator_a_space_follows_and_a_listed_figure_keeps_the_verbs_basis() -> None:
    text = ("Kumdi Minerals has projected production in 2017 to be approximately 240, 000 tonnes of copper, and "
            "approximately 145, 000 ounces of gold.")
    found = extract(text, published_at=datetime(2017, 2, 1, tzinfo=UTC)).to_contract()["events"]
    assert [(e["quantity"], e["basis"], e["period"]) for e in found] == [
        ([240_000, "t"], "plan", "2017"), ([145_000, "oz"], "plan", "2017")]
    assert [f["value"] for f in extract("In 2017, 240 tonnes of copper were produced.").to_contract()["facts"]
            if f["type"] == "quantity"] == [240]


def test_pounds_a_share_are_no_weight_and_their_conversion_no_price_of_its_own() -> None:
    text = ("Kumdi Holdings will make an offer to the rest of Tarvo Gold's shareholders at the same price of "
            "3-pounds-per-share ($3.94), a 3.8% premium to Thursday's closing price.")
    result = extract(text, published_at=PUBLISHED).to_contract()
    assert result["events"] == [] and not [f for f in result["facts"] if f["type"] == "quantity"]
    assert [f["value"] for f in extract("Tarvo Gold produced 5 million pounds of copper.").to_contract()["facts"]
            if f["type"] == "quantity"] == [5_000_000]


def test_parts_of_a_total_told_in_the_next_sentence_and_a_sum_listed_without_its_currency() -> None:
    text = ("As of seven months of the year, the sector accumulated MNT 1.7 trillion to the state budget as taxes, fees "
            "and royalties. MNT 22.2 billion has come from gold mining, MNT 788.7 billion--from coal.")
    assert [(e["kind"], e["amount"]) for e in extract(text, published_at=PUBLISHED).to_contract()["events"]] == [
        ("financial", [1.7e12, "MNT"]), ("financial", [22.2e9, "MNT"]), ("financial", [788.7e9, "MNT"])]
    text = "A total of 3.3 trillion Togrog, annually 185 billion, is expected to be accumulated to the State Budget."
    assert [f["value"] for f in extract(text).to_contract()["facts"] if f["type"] == "amount"] == [3.3e12, 185e9]
    text = "Revenue was $5 billion, 2 billion tonnes of ore were mined."
    assert [f["value"] for f in extract(text).to_contract()["facts"] if f["type"] == "amount"] == [5e9]


def test_a_daily_rate_written_into_the_words_before_the_mine_it_sizes() -> None:
    text = "The operation described in the feasibility study includes a 33,700-metric-tons-per-day mine."
    assert [(e["kind"], e["quantity"], e["basis"]) for e in extract(text).to_contract()["events"]] == [
        ("production", [33_700, "t"], "capacity")]


def test_a_price_a_tonne_moved_from_one_figure_to_another_is_no_event() -> None:
    text = "Average selling price per metric ton rallied 57 percent from USD28 to USD44."
    assert extract(text, published_at=PUBLISHED).to_contract()["events"] == []
    text = "Kumdi raised USD 5 million and USD 3 million in two placements."
    assert [e["amount"] for e in extract(text, published_at=PUBLISHED).to_contract()["events"]] == [
        [5e6, "USD"], [3e6, "USD"]]


@pytest.mark.parametrize("text,expected", [
    # eurobonds placed, the prices an auction moved between, goods bought abroad
    ("АГМК поручили разместить евробонды на 1,5 млрд долларов.", [("investment", 1.5e9, None, {})]),
    ("Право на участок Тарво получила компания «Кумди». Цена в ходе торгов выросла с начальных 730 тыс. рублей до "
     "предложенных победителем 803 тыс. рублей.", [("licence", 730e3, None, {}), ("licence", 803e3, None, {})]),
    ("Закупка цветных металлов выросла на 18,7%, до $171,8 млн.", [("trade", 171.8e6, None, {"direction": "import"})]),
])
def test_russian_eurobonds_auction_prices_and_purchases_abroad(
        text: str, expected: list[tuple[str, float, str | None, dict[str, Any]]]) -> None:
    _assert_events(text, _AUG_2025, expected)


@pytest.mark.parametrize("text,language", [
    ("After the launch of production at Tarvo (88.2 tons of gold reserves), Kumdi (39.2 tons) and Erzan (5.6 tons) "
     "fields in 2018, payments to the budget will increase substantially.", "en"),
    ("После запуска добычи на месторождениях Тальва (88,2 тонны запасов золота), Кумды (39,2 тонны) и Эрзан "
     "(5,6 тонны) платежи в бюджет существенно вырастут.", "ru"),
])
def test_a_word_of_the_figures_own_bracket_says_what_it_measures(text: str, language: str) -> None:
    # (the list's next brackets, with no word of their own, measure what the first does)
    found = extract(text, language=language, published_at=PUBLISHED).to_contract()["events"]
    assert [(e["kind"], e["quantity"][0]) for e in found] == [("reserves", 88.2), ("reserves", 39.2), ("reserves", 5.6)]


def test_a_bracket_with_no_word_of_its_own_keeps_the_sentences() -> None:
    found = extract("Tarvo produced 5 tons of gold (160,000 ounces) in 2023.", published_at=PUBLISHED).to_contract()["events"]
    assert {e["kind"] for e in found} == {"production"}


@pytest.mark.parametrize("text,expected", [
    ("Earnings from tourism, the main source of foreign exchange, rose to $2.34 billion from $2.32 billion.", []),
    ("Imports of goods and services rose 6.1% to $10.52 billion.", []),
    ("Metals sold for $1.1 billion, textile products for $1.6 billion and food products for $1 billion in 2018.",
     [1.1e9]),
    ("Gold exports fetched $1.91 billion in the year.", [1.91e9]),
])
def test_another_sectors_money_is_no_mining_figure(text: str, expected: list[float]) -> None:
    found = extract(text, published_at=PUBLISHED).to_contract()["events"]
    assert [e["amount"][0] for e in found] == expected


def test_another_sectors_money_is_no_mining_figure_in_russian() -> None:
    text = "Экспорт текстильной продукции составил $1,6 млрд, а золота - $2,9 млрд."
    found = extract(text, language="ru", published_at=PUBLISHED).to_contract()["events"]
    assert [(e["kind"], e["amount"][0]) for e in found] == [("trade", 2.9e9)]
