"""Gazetteers for the fact extractor: countries, commodities, companies, bodies, regions, titles.

Everything here is plain data. The matching code compiles it once (see ``entities.py``).
Surface forms are matched case-sensitively unless a table says otherwise, because case is
what separates "Lead" the metal in a headline from "lead" the verb only rarely, while it
separates "US" from "us" and "Rio" from "rio" always.
"""

from __future__ import annotations

# --- countries ---------------------------------------------------------------------------
# canonical name -> (alpha-2, other surface forms incl. demonyms)
COUNTRIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "Kazakhstan": ("KZ", ("Kazakhstan", "Kazakh", "Kazakhstani", "Qazaqstan", "Republic of Kazakhstan")),
    "Russia": ("RU", ("Russia", "Russian", "Russian Federation")),
    "Azerbaijan": ("AZ", ("Azerbaijan", "Azerbaijani", "Azeri")),
    "Uzbekistan": ("UZ", ("Uzbekistan", "Uzbek")),
    "Kyrgyzstan": ("KG", ("Kyrgyzstan", "Kyrgyz", "Kyrgyz Republic")),
    "Tajikistan": ("TJ", ("Tajikistan", "Tajik")),
    "Turkmenistan": ("TM", ("Turkmenistan", "Turkmen")),
    "Mongolia": ("MN", ("Mongolia", "Mongolian")),
    "China": ("CN", ("China", "Chinese", "PRC", "People's Republic of China")),
    "United States": ("US", ("United States", "US", "U.S.", "USA", "U.S.A.", "America", "American")),
    "Canada": ("CA", ("Canada", "Canadian")),
    "Australia": ("AU", ("Australia", "Australian")),
    "United Kingdom": ("GB", ("United Kingdom", "UK", "U.K.", "Britain", "Great Britain", "British")),
    "Germany": ("DE", ("Germany", "German")),
    "France": ("FR", ("France", "French")),
    "Switzerland": ("CH", ("Switzerland", "Swiss")),
    "Italy": ("IT", ("Italy", "Italian")),
    "Spain": ("ES", ("Spain", "Spanish")),
    "Netherlands": ("NL", ("Netherlands", "Dutch")),
    "Belgium": ("BE", ("Belgium", "Belgian")),
    "Austria": ("AT", ("Austria", "Austrian")),
    "Poland": ("PL", ("Poland", "Polish")),
    "Finland": ("FI", ("Finland", "Finnish")),
    "Sweden": ("SE", ("Sweden", "Swedish")),
    "Norway": ("NO", ("Norway", "Norwegian")),
    "Ireland": ("IE", ("Ireland", "Irish")),
    "Jersey": ("JE", ("Jersey",)),
    "Cyprus": ("CY", ("Cyprus", "Cypriot")),
    "Luxembourg": ("LU", ("Luxembourg",)),
    "Czech Republic": ("CZ", ("Czech Republic", "Czechia", "Czech")),
    "Serbia": ("RS", ("Serbia", "Serbian")),
    "Ukraine": ("UA", ("Ukraine", "Ukrainian")),
    "Belarus": ("BY", ("Belarus", "Belarusian")),
    "Georgia": ("GE", ("Georgia", "Georgian")),
    "Armenia": ("AM", ("Armenia", "Armenian")),
    "Turkey": ("TR", ("Turkey", "Türkiye", "Turkish")),
    "Iran": ("IR", ("Iran", "Iranian")),
    "Afghanistan": ("AF", ("Afghanistan", "Afghan")),
    "Pakistan": ("PK", ("Pakistan", "Pakistani")),
    "India": ("IN", ("India", "Indian")),
    "Japan": ("JP", ("Japan", "Japanese")),
    "South Korea": ("KR", ("South Korea", "Republic of Korea", "Korea", "Korean", "South Korean")),
    "Indonesia": ("ID", ("Indonesia", "Indonesian")),
    "Philippines": ("PH", ("Philippines", "Philippine", "Filipino")),
    "Vietnam": ("VN", ("Vietnam", "Vietnamese")),
    "Malaysia": ("MY", ("Malaysia", "Malaysian")),
    "Saudi Arabia": ("SA", ("Saudi Arabia", "Saudi")),
    "United Arab Emirates": ("AE", ("United Arab Emirates", "UAE", "Emirati")),
    "Qatar": ("QA", ("Qatar", "Qatari")),
    "Oman": ("OM", ("Oman", "Omani")),
    "Israel": ("IL", ("Israel", "Israeli")),
    "Egypt": ("EG", ("Egypt", "Egyptian")),
    "South Africa": ("ZA", ("South Africa", "South African")),
    "Ghana": ("GH", ("Ghana", "Ghanaian")),
    "Mali": ("ML", ("Mali", "Malian")),
    "Burkina Faso": ("BF", ("Burkina Faso", "Burkinabe")),
    "Guinea": ("GN", ("Guinea", "Guinean")),
    "Senegal": ("SN", ("Senegal", "Senegalese")),
    "Cote d'Ivoire": ("CI", ("Cote d'Ivoire", "Côte d'Ivoire", "Ivory Coast", "Ivorian")),
    "Nigeria": ("NG", ("Nigeria", "Nigerian")),
    "Tanzania": ("TZ", ("Tanzania", "Tanzanian")),
    "Kenya": ("KE", ("Kenya", "Kenyan")),
    "Zambia": ("ZM", ("Zambia", "Zambian")),
    "Zimbabwe": ("ZW", ("Zimbabwe", "Zimbabwean")),
    "Botswana": ("BW", ("Botswana",)),
    "Namibia": ("NA", ("Namibia", "Namibian")),
    "Democratic Republic of the Congo": ("CD", ("Democratic Republic of the Congo", "DRC", "DR Congo", "Congolese")),
    "Morocco": ("MA", ("Morocco", "Moroccan")),
    "Chile": ("CL", ("Chile", "Chilean")),
    "Peru": ("PE", ("Peru", "Peruvian")),
    "Argentina": ("AR", ("Argentina", "Argentine", "Argentinian")),
    "Brazil": ("BR", ("Brazil", "Brazilian")),
    "Bolivia": ("BO", ("Bolivia", "Bolivian")),
    "Mexico": ("MX", ("Mexico", "Mexican")),
    "Colombia": ("CO", ("Colombia", "Colombian")),
    "Ecuador": ("EC", ("Ecuador", "Ecuadorian")),
    "Papua New Guinea": ("PG", ("Papua New Guinea",)),
    "New Zealand": ("NZ", ("New Zealand",)),
    "Greenland": ("GL", ("Greenland",)),
}

# words that follow a demonym when it names a currency, not a country mention
CURRENCY_NOUNS = ("dollar", "dollars", "tenge", "ruble", "rubles", "rouble", "roubles", "yuan", "manat",
                  "som", "soms", "sum", "soum", "soums", "lari", "rupee", "rupees", "yen", "won", "rand",
                  "franc", "francs", "pound", "pounds", "peso", "pesos")

# --- commodities -------------------------------------------------------------------------
# canonical -> surface forms (matched case-insensitively, whole words)
COMMODITIES: dict[str, tuple[str, ...]] = {
    "gold": ("gold", "gold equivalent"),
    "copper": ("copper",),
    "lead": ("lead",),  # disambiguated in code: "lead" is usually a verb
    "zinc": ("zinc",),
    "uranium": ("uranium", "yellowcake", "uranium oxide"),
    "rare earths": ("rare earths", "rare earth", "rare-earth", "rare earth metals", "rare earth elements",
                    "rare-earth metals", "rare-earth elements", "rare earth oxides", "rare earth ores",
                    "rare-earth oxides"),
    "iron ore": ("iron ore", "iron-ore", "iron ores"),
    "coal": ("coal", "coking coal", "thermal coal", "steam coal"),
    "oil": ("oil", "crude oil", "crude"),
    "natural gas": ("natural gas", "LNG", "liquefied natural gas"),
    "lithium": ("lithium", "spodumene", "lithium carbonate", "lithium hydroxide"),
    "nickel": ("nickel",),
    "cobalt": ("cobalt",),
    "tungsten": ("tungsten", "tungsten trioxide", "wolfram", "scheelite"),
    "silver": ("silver",),
    "molybdenum": ("molybdenum",),
    "manganese": ("manganese",),
    "chromium": ("chromium", "chrome", "chromite", "chrome ore"),
    "aluminium": ("aluminium", "aluminum", "alumina"),
    "bauxite": ("bauxite",),
    "titanium": ("titanium", "ilmenite", "rutile"),
    "platinum": ("platinum",),
    "palladium": ("palladium",),
    "tin": ("tin",),
    "antimony": ("antimony",),
    "vanadium": ("vanadium",),
    "tantalum": ("tantalum", "tantalite"),
    "niobium": ("niobium",),
    "beryllium": ("beryllium",),
    "bismuth": ("bismuth",),
    "gallium": ("gallium",),
    "germanium": ("germanium",),
    "graphite": ("graphite",),
    "potash": ("potash", "potassium salts"),
    "phosphate": ("phosphate", "phosphates", "phosphorite", "phosphorites"),
    "diamonds": ("diamond", "diamonds"),
    "magnesium": ("magnesium",),
    "helium": ("helium",),
    "fluorspar": ("fluorspar", "fluorite"),
    "barite": ("barite", "baryte"),
    "zirconium": ("zirconium", "zircon"),
    "cadmium": ("cadmium",),
    "indium": ("indium",),
    "rhenium": ("rhenium",),
    "selenium": ("selenium",),
    "tellurium": ("tellurium",),
    "scandium": ("scandium",),
}

# chemical symbols and oxide formulas, matched case-sensitively as whole tokens
COMMODITY_SYMBOLS: dict[str, str] = {
    "Au": "gold", "Ag": "silver", "Cu": "copper", "Zn": "zinc", "Pb": "lead", "Ni": "nickel",
    "Mo": "molybdenum", "U3O8": "uranium", "U₃O₈": "uranium", "Li2O": "lithium", "Li₂O": "lithium",
    "LCE": "lithium", "WO3": "tungsten", "WO₃": "tungsten", "REE": "rare earths", "REEs": "rare earths",
    "TREO": "rare earths", "Sb": "antimony", "Sn": "tin", "Ta2O5": "tantalum", "PGM": "platinum",
}

# --- companies ---------------------------------------------------------------------------
# canonical -> aliases (exact surface forms, case-sensitive)
COMPANIES: dict[str, tuple[str, ...]] = {
    "Rio Tinto": ("RioTinto", "Rio Tinto Group"),
    "BHP": ("BHP Group", "BHP Billiton"),
    "Glencore": (),
    "Anglo American": (),
    "Vale": (),
    "Freeport-McMoRan": ("Freeport",),
    "Newmont": ("Newmont Corporation",),
    "Barrick Gold": ("Barrick",),
    "Agnico Eagle": ("Agnico Eagle Mines",),
    "Kinross Gold": ("Kinross",),
    "Centerra Gold": ("Centerra",),
    "Cameco": (),
    "Orano": ("Areva",),
    "KORES": ("Korea Resources Corporation", "Korea Mine Rehabilitation and Mineral Resources Corporation"),
    "Iluka Resources": ("ILUKA Resources", "Iluka"),
    "Kazatomprom": ("NAC Kazatomprom", "KAP"),
    "Kazakhmys": ("Kazakhmys Corporation",),
    "KAZ Minerals": (),
    "Eurasian Resources Group": ("ERG",),
    "Tau-Ken Samruk": ("Tau-Ken Samruk National Mining Company", "Tau Ken Samruk"),
    "Samruk-Kazyna": (),
    "Samruk-Energy": (),
    "Kazgeology": ("Kazgeologiya",),
    "Kazzinc": (),
    "Altynalmas": ("AltynAlmas",),
    "KazMunayGas": ("KMG",),
    "Tengizchevroil": (),
    "Bogatyr Komir": (),
    "Polymetal": ("Polymetal International",),
    "Solidcore Resources": ("Solidcore",),
    "Polyus": (),
    "Nornickel": ("Norilsk Nickel", "MMC Norilsk Nickel", "Nor Nickel"),
    "Rosatom": (),
    "Atomredmetzoloto": ("ARMZ",),
    "Uranium One": (),
    "Alrosa": ("ALROSA",),
    "Rusal": ("RUSAL", "UC Rusal"),
    "Severstal": (),
    "Evraz": ("EVRAZ",),
    "Metalloinvest": (),
    "UMMC": ("Ural Mining and Metallurgical Company", "UGMK"),
    "Russian Copper Company": ("RCC",),
    "Nordgold": (),
    "Petropavlovsk": (),
    "Highland Gold": (),
    "Polar Lithium": (),
    "Almalyk MMC": ("Almalyk Mining and Metallurgical Combine", "AMMC"),
    "Navoi Mining and Metallurgical Company": ("NMMC", "Navoi MMC"),
    "Navoiyuran": (),
    "AzerGold": (),
    "Kyrgyzaltyn": (),
    "Kumtor Gold Company": (),
    "Zijin Mining": ("Zijin",),
    "CMOC": ("China Molybdenum",),
    "Jiangxi Copper": (),
    "Orezone Gold": ("Orezone",),
    "Pilbara Minerals": (),
    "Mineral Resources": (),
    "Albemarle": (),
    "SQM": (),
    "Lynas": ("Lynas Rare Earths",),
    "MP Materials": (),
    "Fortescue": ("Fortescue Metals Group",),
    "First Quantum Minerals": ("First Quantum",),
    "Teck Resources": ("Teck",),
    "Ivanhoe Mines": ("Ivanhoe",),
    "Southern Copper": (),
    "Codelco": (),
    "Antofagasta": ("Antofagasta Minerals",),
    "Sibanye-Stillwater": ("Sibanye",),
    "Gold Fields": (),
    "AngloGold Ashanti": (),
    "Central Asia Metals": ("CAML",),
    "Jiaxin International Resources Investment": ("Jiaxin", "Jiaxin International"),
    "Erdenes Oyu Tolgoi": (),
    "Georgian Manganese": (),
    "HMS Bergbau": (),
    "Chevron": (),
    "Shell": (),
    "Eni": (),
}

# legal forms stripped from company names
LEGAL_SUFFIXES = ("Co., Ltd.", "Co., Ltd", "Co. Ltd.", "Pty Ltd", "Pty. Ltd.", "Ltd.", "Ltd", "Limited",
                  "Inc.", "Inc", "Corp.", "Corp", "PLC", "plc", "LLP", "LLC", "JSC", "PJSC", "CJSC", "OJSC",
                  "AG", "SE", "S.A.", "SA", "N.V.", "NV", "GmbH", "AB", "ASA", "NL", "Corporation")
LEGAL_PREFIXES = ("JSC", "LLP", "PJSC", "CJSC", "OJSC", "LLC", "AO", "PAO", "TOO", "NAC", "NC")

# head words that end a company name ("Pilbara Minerals", "Kumtor Gold Company")
COMPANY_HEADS = ("Resources", "Minerals", "Mining", "Metals", "Mines", "Company", "Group", "Holdings",
                 "Exploration", "Combine", "Smelter", "Refinery", "Works", "Lithium", "Uranium", "Minerales",
                 "Mineração", "Metallurgical Company", "Industries", "Enterprises", "Ventures")

# nouns that introduce a company by apposition: "German company HMS Bergbau", "state company Kyrgyzaltyn"
COMPANY_CUES = ("company", "companies", "miner", "miners", "producer", "firm", "corporation", "group",
                "operator", "subsidiary", "partner", "giant", "trader", "holding", "concern", "developer",
                "state-owned", "explorer", "venture", "smelter")

# --- government bodies and other organisations ------------------------------------------
ORGS: dict[str, tuple[str, ...]] = {
    "US Geological Survey": ("USGS", "U.S. Geological Survey", "United States Geological Survey"),
    "European Union": ("EU",),
    "European Commission": (),
    "European Bank for Reconstruction and Development": ("EBRD",),
    "Asian Development Bank": ("ADB",),
    "Eurasian Development Bank": ("EDB",),
    "World Bank": (),
    "International Monetary Fund": ("IMF",),
    "International Atomic Energy Agency": ("IAEA",),
    "China Development Bank": ("CDB",),
    "Astana International Financial Centre": ("AIFC",),
    "Astana International Exchange": ("AIX",),
    "Federal Agency for Subsoil Use": ("Rosnedra",),
    "National Bank of Kazakhstan": (),
    "Bank of Russia": ("Central Bank of Russia",),
    "Development Bank of Kazakhstan": ("DBK",),
    "OPEC": (),
    "Mazhilis": ("Majilis",),
    "State Duma": (),
    "Kremlin": (),
}

# heads of government bodies, for "Ministry of X" / "X Committee" patterns
ORG_HEADS = ("Ministry", "Committee", "State Committee", "Agency", "Federal Agency", "Service", "Commission",
             "Department", "Survey", "Inspectorate", "Office", "Council", "Chamber", "Akimat", "Bank", "Fund",
             "Centre", "Center", "Institute", "Exchange", "Union", "Association")

# reporting agencies, news outlets and other non-story names never emitted as entities
AGENCIES = ("Trend", "Trend News Agency", "Kazinform", "Qazinform", "KAZINFORM", "QAZINFORM", "TASS", "Interfax",
            "Interfax-Kazakhstan", "Reuters", "Bloomberg", "RIA Novosti", "RIA", "Xinhua", "Sputnik",
            "Astana Times", "The Astana Times", "MINING.COM", "Mining.com", "Mining Weekly", "Kursiv",
            "AKIpress", "Tengrinews", "Report", "Azertac", "APA", "Kapital.kz", "Daryo", "Kun.uz", "UzDaily",
            "24.kz", "Khabar", "Prime", "RBC", "Kommersant", "Vedomosti", "Financial Times", "Wall Street Journal",
            "Mining Journal", "Northern Miner", "Argus", "Fastmarkets", "S&P Global", "Platts")

# stock exchanges: named in tickers and listings, not story entities
EXCHANGES = ("ASX", "TSX", "TSXV", "TSX-V", "TSX Venture", "LSE", "NYSE", "NASDAQ", "Nasdaq", "AIM", "AIX",
             "KASE", "HKEX", "SSE", "MOEX", "OTCQX", "OTCQB", "FSE", "JSE", "OTC")

# --- regions -----------------------------------------------------------------------------
# canonical -> (country code or "", surface forms)
REGIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "Central Asia": ("", ("Central Asia",)),
    "Great Altai": ("", ("Great Altai",)),
    "Far East": ("RU", ("Far East", "Russian Far East")),
    "Siberia": ("RU", ("Siberia", "Eastern Siberia", "Western Siberia")),
    "Urals": ("RU", ("Urals", "Ural")),
    "Yakutia": ("RU", ("Yakutia", "Sakha Republic", "Republic of Sakha")),
    "Chukotka": ("RU", ("Chukotka",)),
    "Kamchatka": ("RU", ("Kamchatka",)),
    "Taimyr Peninsula": ("RU", ("Taimyr Peninsula", "Taimyr")),
    "Kola Peninsula": ("RU", ("Kola Peninsula",)),
    "Western Australia": ("AU", ("Western Australia", "WA")),
    "Queensland": ("AU", ("Queensland",)),
    "New South Wales": ("AU", ("New South Wales", "NSW")),
    "Northern Territory": ("AU", ("Northern Territory",)),
    "South Australia": ("AU", ("South Australia",)),
    "Pilbara": ("AU", ("Pilbara",)),
    "Ontario": ("CA", ("Ontario",)),
    "Quebec": ("CA", ("Quebec", "Québec")),
    "British Columbia": ("CA", ("British Columbia",)),
    "Saskatchewan": ("CA", ("Saskatchewan",)),
    "Nunavut": ("CA", ("Nunavut",)),
    "Yukon": ("CA", ("Yukon",)),
    "Nevada": ("US", ("Nevada",)),
    "Arizona": ("US", ("Arizona",)),
    "Alaska": ("US", ("Alaska",)),
    "Atacama": ("CL", ("Atacama",)),
    "Xinjiang": ("CN", ("Xinjiang",)),
}

# Kazakh oblasts and Russian/other regions named as "<X> region": X -> country code
REGION_STEMS: dict[str, str] = {
    "Karaganda": "KZ", "Karagandy": "KZ", "Almaty": "KZ", "Akmola": "KZ", "Aktobe": "KZ", "Atyrau": "KZ",
    "Kostanay": "KZ", "Pavlodar": "KZ", "East Kazakhstan": "KZ", "West Kazakhstan": "KZ",
    "North Kazakhstan": "KZ", "Mangystau": "KZ", "Zhambyl": "KZ", "Turkestan": "KZ", "Kyzylorda": "KZ",
    "Abai": "KZ", "Ulytau": "KZ", "Zhetysu": "KZ", "Balkhash": "KZ",
    "Murmansk": "RU", "Chelyabinsk": "RU", "Sverdlovsk": "RU", "Orenburg": "RU", "Irkutsk": "RU",
    "Magadan": "RU", "Amur": "RU", "Krasnoyarsk": "RU", "Khabarovsk": "RU", "Zabaikalsky": "RU",
    "Trans-Baikal": "RU", "Tomsk": "RU", "Kemerovo": "RU", "Tyva": "RU", "Buryatia": "RU",
    "Navoi": "UZ", "Tashkent": "UZ", "Samarkand": "UZ", "Jizzakh": "UZ", "Surkhandarya": "UZ",
    "Talas": "KG", "Jalal-Abad": "KG", "Issyk-Kul": "KG", "Chui": "KG", "Naryn": "KG", "Osh": "KG",
    "Sughd": "TJ", "Dashkasan": "AZ", "Gadabay": "AZ", "Kalbajar": "AZ", "Zangilan": "AZ", "Lachin": "AZ",
}
REGION_WORDS = ("region", "Region", "oblast", "Oblast", "Territory", "territory", "Krai", "krai", "district",
                "District", "province", "Province", "Peninsula", "basin", "coal basin", "desert", "area")

# --- people ------------------------------------------------------------------------------
# job titles, longest first when compiled; matched case-insensitively for the lowercase ones
TITLES = (
    "First Deputy Prime Minister", "Deputy Prime Minister", "Prime Minister", "First Vice Minister",
    "Vice Minister", "Deputy Minister", "Minister", "Deputy Finance Minister", "Finance Minister",
    "Energy Minister", "Industry Minister", "Economy Minister", "Vice President", "President",
    "Chairman of the Management Board", "Chairman of the Board of Directors", "Chairman of the Board",
    "Chairwoman of the Management Board", "Chairwoman", "Executive Chairman", "Non-Executive Chairman",
    "Chairman", "Deputy Chairman", "Chief Executive Officer", "chief executive officer", "chief executive",
    "Chief Executive", "President and CEO", "president and CEO", "CEO", "CFO", "COO",
    "Chief Financial Officer", "Chief Operating Officer", "Managing Director", "managing director",
    "Director General", "General Director", "general director", "Deputy Director General", "director general",
    "Executive Director", "executive director", "Technical Director", "Exploration Manager", "Chief Geologist",
    "Head", "head", "Akim", "akim", "Governor", "governor", "Mayor", "mayor", "Ambassador", "ambassador",
    "owner", "founder", "co-founder", "chairman", "spokesman", "spokeswoman", "spokesperson",
    "Commissioner", "Senator", "Deputy", "deputy",
)
HONORIFICS = ("Dr", "Dr.", "Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Prof.", "Prof", "Sir")

# capitalised words that never start or make up a proper name here
STOPWORDS = frozenset(["The", "A", "An", "This", "That", "These", "Those", "Its", "Their", "His", "Her", "Our", "Your", "It", "We", "They", "He", "She", "In", "On", "At", "By", "For", "From", "Of", "With", "And", "Or", "But", "As", "To", "Into", "After", "Before", "Under", "Over", "Since", "During", "While", "When", "Where", "Which", "Who", "What", "Also", "Last", "Next", "New", "First", "Second", "Third", "Meanwhile", "However", "Earlier", "Later", "According", "Thus", "Then", "Separately", "Additionally", "Moreover", "Both", "Each", "Every", "All", "Some", "Many", "Most", "Such", "Several", "Other", "Another", "Total", "Indicated", "Inferred", "Measured", "Maiden", "Updated", "Highlights", "Table", "Category", "Contained", "Grade", "Tonnes", "Resource", "Resources", "Reserve", "Reserves", "Mineral", "JORC", "Business", "Materials", "Follow", "Source", "Sources", "Note", "Notes", "Phase", "Stage", "Drilling", "Exploration", "Production", "Construction", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Q1", "Q2", "Q3", "Q4", "H1", "H2", "Government", "Parliament", "State", "Republic", "Company", "Group", "Project", "Deposit", "Mine", "Field", "Plant", "Ministry", "Committee", "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Upper", "Lower", "Great", "Big", "Old", "Once", "Despite", "Because", "Although", "If", "Unless", "Until", "Following", "Including", "Within", "Without", "Between", "Among", "Around", "About", "Across", "Along", "Against", "Here", "There", "Now", "Today", "Yesterday", "Tomorrow", "Currently", "Recently", "Previously", "Overall", "Preliminary", "Annual", "Quarterly", "Interim", "Full", "Current", "Future", "Global", "World", "Company's", "Chief", "Executive", "Director", "Vice", "Deputy", "Minister", "President", "Chairman", "Head", "Akim", "Governor", "CEO", "Dr", "Mr", "Ms", "Mrs", "Prof", "Sir", "Totals", "Category", "Best", "Initial", "Pilot", "Mining", "Metals", "Minerals", "Gold", "Copper", "Silver", "Zinc", "Lead", "Uranium", "Lithium", "Coal", "Oil", "Iron"])

# words that end a proper-name scan going right (lowercase words end it anyway)
NAME_PARTICLES = ("de", "van", "von", "der", "da", "di", "la", "le", "bin", "ibn", "al")
