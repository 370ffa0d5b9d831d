"""Curate the second research pass (../shared/data/indicators/candidates) into the project's data/ folder.

Run by hand (``python scripts/curate_candidates.py``); the output is committed and the app never reads
../shared. Writes four source folders:

- ``census2023_municipalities``: Census 2023 population of 52 municipalities (3 with sex and age) and the
  national total, each value with the page it was read on (per-value citation columns);
- ``instat_census_counties``: census population of the 12 counties in 1989, 2001, 2011 and 2023;
- ``instat_population_1jan``: INSTAT's 1 January estimates by county 2002–2023 and national;
- ``cec_seats_2021``: seats in the Assembly per county (electoral zone), 2021.

Nothing is estimated or filled. The sums below are cross-checks only: the script stops if a check the
research notes report as exact does not hold, and it never writes a sum.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from curate_data import DATA, OBSERVATION_SCHEMA, SHARED, label, write_csv, write_yaml

CANDIDATES = SHARED / "data" / "indicators" / "candidates"
RETRIEVED = "2026-11-24"  # the research pass; values carried over from the first pass keep 2026-11-23
FIRST_PASS = "2026-11-23"
NATIONAL_CENSUS_2023 = 2_402_113

CITATION_FIELDS = ["citation_url", "citation_title", "citation_text", "citation_retrieved"]
OBSERVATION_FIELDS = [f["name"] for f in OBSERVATION_SCHEMA["fields"]] + CITATION_FIELDS
CITATION_SCHEMA = [
    {"name": "citation_url", "type": "string", "description": "address of the page this value was read on"},
    {"name": "citation_title", "type": "string", "description": "the page: title, site or publisher"},
    {"name": "citation_text", "type": "string", "description": "what the page says (quoted where the research recorded the words)"},
    {"name": "citation_retrieved", "type": "date", "description": "date the page was read"},
]
SCHEMA = {**OBSERVATION_SCHEMA, "fields": OBSERVATION_SCHEMA["fields"] + CITATION_SCHEMA}
AGE_BREAKDOWN = {"age=0-14": "age_0_14", "age=15-64": "age_15_64", "age=65+": "age_65_plus", "sex=male": "male", "sex=female": "female", "": "total"}

WIKI_LICENSE = {"name": "CC-BY-SA-4.0", "title": "Wikipedia text and tables: Creative Commons Attribution-ShareAlike",
                "path": "https://creativecommons.org/licenses/by-sa/4.0/"}
UNSTATED = {"name": "unspecified", "title": "No license stated on the pages read (citypopulation.de, news sites); figures attributed to INSTAT"}
INSTAT_TERMS = ("INSTAT's own reuse terms were not seen; its census volumes say 'No part of this publication can be reproduced … "
                "without the prior written permission'. Check INSTAT's policy before republishing.")
INSTAT_TERMS_SQ = ("Kushtet e ripërdorimit të INSTAT nuk u panë; vëllimet e censusit thonë se asnjë pjesë nuk mund të riprodhohet "
                   "pa leje paraprake me shkrim. Kontrolloni politikën e INSTAT para ripublikimit.")

# ---------------------------------------------------------------------------------------------
# Census 2023 by municipality: where each value was read (CANDIDATES.md and census2023_provenance_log.tsv)
# source_key -> (url, page title / publisher, retrieved)
# ---------------------------------------------------------------------------------------------
DE_LIST_URL = "https://artikeldigital.com/de/Liste_der_Gemeinden_in_Albanien"
STARPLUS_URL = "https://www.starplus-tv.com/popullsia-cens-2023-shkodra-me-humbjet-me-te-medha-zhgenjen-tirana/"
PAGES = {
    "DE-LIST": (DE_LIST_URL, "de.wikipedia 'Liste der Gemeinden in Albanien' (mirror on artikeldigital.com)", RETRIEVED),
    "DE-DELV": ("https://askwikinow.com/view_html.php?lang=de&q=Delvina", "de.wikipedia 'Delvina' (mirror on askwikinow.com)", FIRST_PASS),
    "DE-MALL": ("https://de.m.wikipedia.org./wiki/Gemeinde_Mallakastra", "de.wikipedia 'Gemeinde Mallakastra'", FIRST_PASS),
    "EN-LIST": ("https://www.hubbry.com/Bashki", "en.wikipedia 'Municipalities of Albania' (mirror on hubbry.com)", FIRST_PASS),
    "DEW-SHIJAK": ("https://pwojczyn.com/wiki/Shijak_wikipedia_crain_ford_lan_de_html.html", "de.wikipedia 'Shijak' (mirror on pwojczyn.com)", RETRIEVED),
    "CPOP-GRAMSH": ("https://www.citypopulation.de/en/albania/mun/admin/045__gramsh",
                    "citypopulation.de (Thomas Brinkhoff): 'Gramsh, Municipality in Albania'", RETRIEVED),
    "CPOP-DIVJAKE": ("https://www.citypopulation.de/de/india/uttarpradesh/ghazipur/northwestern/admin/86__karelija",
                     "citypopulation.de (Thomas Brinkhoff): 'Divjakë, Municipality in Albania' (stored copy filed under an unrelated address)", RETRIEVED),
    "CPOP-MALIQ": ("https://www.citypopulation.de/en/albania/mun/admin/072__maliq",
                   "citypopulation.de (Thomas Brinkhoff): 'Maliq, Municipality in Albania'", RETRIEVED),
    "ENW-KUKES": ("https://wiki.av1.space/content/wikipedia_en_all_mini_2025-06/Kuk%C3%ABs", "en.wikipedia 'Kukës' (Kiwix mini copy, 2025-06)", RETRIEVED),
    "HMNW-LIBRAZHD": ("https://hmongwiki.org/wiki/Librazhd", "en.wikipedia 'Librazhd', Hmong machine translation on hmongwiki.org", RETRIEVED),
    "DEW-ROSKOVEC": ("https://kampuspedia.com/de/Roskovec", "de.wikipedia 'Roskovec' (mirror on kampuspedia.com)", RETRIEVED),
    "DEW-KAVAJE": ("https://wap.bdmobi.com/view_html.php?lang=de&q=Kavaja&sq=Google", "de.wikipedia 'Kavaja' (mirror on bdmobi.com)", RETRIEVED),
    "NEWS-STARPLUS": (STARPLUS_URL, "Star Plus TV (news, Aug 2024): 'Popullsia, cens 2023: Shkodra me humbjet më të mëdha'", RETRIEVED),
    "NNW-SARANDA": ("https://nn.wikipedia.org/wiki/Saranda", "nn.wikipedia 'Saranda'", RETRIEVED),
    "DEW-LEZHE": ("https://wap.bdmobi.com/view_html.php?lang=de&q=Lezha&sq=Bangladesh", "de.wikipedia 'Lezha' (mirror on bdmobi.com)", RETRIEVED),
    "DEW-KORCE": ("https://websiteproxy.net/1337x-proxy/index.php?q=mKaqo9SgYmCZnmKjYrCezp7WlsbKx5CjpaCUrqHMzZV7oahYpJlYcmyaV4GgoqLE",
                  "de.wikipedia 'Korça' (proxy copy on websiteproxy.net)", RETRIEVED),
    "DEW-HIMARE": ("https://askwikinow.com/view_html.php?lang=de&q=Himara&sq=Sri+Lanka", "de.wikipedia 'Himara' (mirror on askwikinow.com)", RETRIEVED),
    "DEW-FINIQ": ("https://wikwiand-revamp.pages.dev/de/Finiq", "de.wikipedia 'Finiq' (mirror on wikwiand-revamp.pages.dev)", RETRIEVED),
    "DEW-KONISPOL": ("https://pwojczyn.com/wiki/Konispol_wikipedia_crain_ford_lan_de_html.html", "de.wikipedia 'Konispol' (mirror on pwojczyn.com)", RETRIEVED),
    "DEW-TIRANE": ("https://de.m.wikipedia.org./wiki/Gemeinde_Tirana", "de.wikipedia 'Gemeinde Tirana'", RETRIEVED),
    "DEW-KAMEZ": ("https://wikiwand.com/de/articles/Kamza", "de.wikipedia 'Kamza' (on wikiwand.com)", RETRIEVED),
    "DEW-CERRIK": ("https://defzone.net/wiki/de/Cërrik", "de.wikipedia 'Cërrik' (mirror on defzone.net)", RETRIEVED),
    "DEW-GJIROKASTER": ("https://askwikinow.com/view_html.php?lang=de&q=Gjirokastra&sq=Google",
                        "de.wikipedia 'Gjirokastra' (mirror on askwikinow.com)", RETRIEVED),
    "DEW-POGRADEC": ("https://de.m.wikipedia.org./wiki/Pogradec", "de.wikipedia 'Pogradec'", RETRIEVED),
    "DEW-PERMET": ("https://de.wikipedia.org/wiki/P%C3%ABrmet", "de.wikipedia 'Përmet'", RETRIEVED),
    "DEW-VORE": ("https://e-signaturehome.com/mastah-kampret/3IzZy9mLhlGZlBXarl2duUGZ6MHc0/wiki/Vora",
                 "de.wikipedia 'Vora' (proxy copy on e-signaturehome.com)", RETRIEVED),
    "ENW-LUSHNJE": ("https://en.wikipedia.org/wiki/Lushnj%C3%AB", "en.wikipedia 'Lushnjë'", RETRIEVED),
    "ENW-VLORE": ("https://mediated.wiki/source/Vlor%C3%AB.md", "en.wikipedia 'Vlorë', revision 1357039489 (mirror on mediated.wiki)", RETRIEVED),
    "ENW-PATOS": ("https://en.wikipedia.org/wiki/Patos_(municipality)", "en.wikipedia 'Patos (municipality)'", RETRIEVED),
    "ENW-TROPOJE": ("https://en.wikipedia.org/wiki/Tropoj%C3%AB", "en.wikipedia 'Tropojë'", RETRIEVED),
    "DEW-PUSTEC": ("https://defzone.net/wiki/de/Pustec", "de.wikipedia 'Pustec' (mirror on defzone.net)", RETRIEVED),
    "DEW-TEPELENE": ("http://de.m.wiki.x.io/wiki/Tepelena", "de.wikipedia 'Tepelena' (mirror on wiki.x.io)", RETRIEVED),
    "DEW-KELCYRE": ("https://de.wikipedia.org/wiki/Këlcyra?oldformat=true", "de.wikipedia 'Këlcyra'", RETRIEVED),
    "DEW-LIBOHOVE": ("https://wikizero.net/wiki/de/Libohova", "de.wikipedia 'Libohova' (mirror on wikizero.net)", RETRIEVED),
    "DEW-MEMALIAJ": ("http://de.m.wiki.x.io/wiki/Memaliaj", "de.wikipedia 'Memaliaj' (mirror on wiki.x.io)", RETRIEVED),
    "DEW-KOLONJE": ("https://dewiki.de/Lexikon/Gemeinde_Kolonja", "de.wikipedia 'Gemeinde Kolonja' (mirror on dewiki.de)", RETRIEVED),
    "DEW-FUSHEARREZ": ("https://onehourindexing01.prideseotools.com/index.php?q=https%3A%2F%2Fde.wikipedia.org%2Fwiki%2FFush%25C3%25AB-Arr%25C3%25ABz",
                       "de.wikipedia 'Fushë-Arrëz' (proxy copy on prideseotools.com)", RETRIEVED),
    "DEW-MALESI": ("https://de.m.wiki.x.io/wiki/Gemeinde_Mal%C3%ABsia_e_Madhe", "de.wikipedia 'Gemeinde Malësia e Madhe' (mirror on wiki.x.io)", RETRIEVED),
    "JAW-PUKE": ("https://wikwiand-revamp.pages.dev/ja/プカ", "ja.wikipedia 'プカ' (Pukë) (mirror on wikwiand-revamp.pages.dev)", RETRIEVED),
    "DEW-VAUDEJES": ("https://profilbaru.com/de/Vau-Deja", "de.wikipedia 'Vau-Deja' (mirror on profilbaru.com)", RETRIEVED),
    "DEW-SELENICE": ("https://defzone.net/wiki/de/Selenica", "de.wikipedia 'Selenica' (mirror on defzone.net)", RETRIEVED),
}

# Pages that support a value read elsewhere, or the national total: listed in the datapackage, not per value.
NATIONAL_PAGE = ("https://abnase.com/census-2023-dhuli-2-402-113-inhabitants-in-albania/", "abnase.com (press report of INSTAT's release)", FIRST_PASS)
SUPPORTING_PAGES = [
    NATIONAL_PAGE,
    ("https://en.wikipedia.org/wiki/Municipalities_of_Albania", "en.wikipedia 'Municipalities of Albania' (infobox range "
     "'1,843 (Pustec) – 598,176 (Tiranë)')", RETRIEVED),
    ("https://sigurime.online/foto-popullsia-shkodra-me-tkurrjen-me-te-madhe-ndiqet-nga-elbasani", "sigurime.online (copy of the Star Plus "
     "TV article: percentage changes since 2011 used as cross-checks)", RETRIEVED),
]

# What each page says, as recorded by the research (quotes in '…'); one entry per LAU code.
QUOTES = {
    "AL123": "Infobox: 'Einwohner Bashkia: 22.058 (2023[2])', reference censi2023instat2 (INSTAT Census 2023).",
    "AL214": "'Gramsh Municipality 35,750 / 24,231 / 16,533' (Census 2001 / 2011 / 2023-09-18); males 8,420, females 8,113; "
             "age 0-14 2,492, 15-64 10,891, 65+ 3,150; source line '(2011) (2023) Instituti i Statistikës'.",
    "AL344": "'Maliq Municipality 53,184 / 41,757 / 31,008' (Census 2001 / 2011 / 2023); males 15,964, females 15,044; "
             "age 0-14 4,343, 15-64 20,018, 65+ 6,647; the seven municipal units (Gorë 1046 … Vreshtas 5227) sum to 31,008.",
    "AL132": "Infobox: 'Population (2023) • Municipality 36,125 • Municipal unit 15,643'.",
    "AL215": "Infobox: 'Cov pej xeem (2023 [1]) Lub nroog 23,312'; reference [1] is the INSTAT census.",
    "AL321": "'Divjakë Municipality 42,412 / 34,254 / 24,882' (Census 2001 / 2011 / 2023); males 12,596, females 12,286; "
             "age 0-14 3,658, 15-64 15,719, 65+ 5,505; the municipal units 6,713 + 2,494 + 5,648 + 2,888 + 7,139 sum to 24,882.",
    "AL325": "'Die neue Gemeinde (bashkia) hat 16.332 Einwohner (Volkszählung 2023).[2]'",
    "AL222": "Infobox: 'Einwohner Bashkia: 30.012 (2023[2])', reference censi2023instat2.",
    "AL154": "'Në Bashkinë e Shkodrës, në tetor 2023 u numëruan 102,434 banorë nga 135,612 banorë në vitin 2011'.",
    "AL213": "'Në vitin 2023, në këtë qytet u numëruan 115,101 banorë nga 141,714 … cens 2011'; 141,714 is the 2011 total of "
             "Elbasan municipality, so the 2023 figure is the municipality's.",
    "AL355": "Infobox 'Kommune (2023) 22 613'; table Saranda 19 882 + Ksamil 2 731; reference INSTAT 'Censusi i popullsisë dhe banesave "
             "në Shqipëri 2023: Vlora' (PDF, 2024).",
    "AL142": "Infobox: 'Einwohner Bashkia: 51.354 (2023[2])', reference censi2023instat2.",
    "AL343": "Infobox: 'Einwohner Bashkia: 60.754 (2023[2])'.",
    "AL352": "Infobox: 'Einwohner Bashkia: 8328 (2023)' (no reference marker).",
    "AL354": "Infobox 'Einwohner Bashkia: 11.413 (2023[2])'; text 'Die vereinte Gemeinde Finiq hat 11.413 Einwohner (Volkszählung 2023)'.",
    "AL353": "Infobox: 'Einwohner Bashkia: 4898 (2023[2])'.",
    "AL224": "'mit 598.176 Einwohnern (Volkszählung 2023).[1]'; infobox 'Einwohner Bashkia: 598.176 (2023)'.",
    "AL221": "Infobox 'Einwohner Bashkia: 96.137 (2023[2])'; text 'Die neue Gemeinde hat 96.137 Einwohner (Volkszählung 2023).[2]'.",
    "AL212": "Infobox 'Einwohner Bashkia: 25.163 (2023[2])'; text 'Die ganze Gemeinde hat 25.163 Einwohner (Volkszählung 2023).[2]'.",
    "AL332": "Infobox: 'Einwohner Ort: 16.569 (2023[1]) Einwohner Bashkia: 23.270 (2023[2])' (16,569 is the town).",
    "AL345": "Infobox: 'Einwohner Ort: 17.371 (2023[1]) Einwohner Bashkia: 46.070 (2023[2])' (17,371 is the town).",
    "AL335": "Infobox 'Einwohner Bashkia: 7980 (2023[2])'; text 'Die fusionierte Gemeinde zählt 7980 Einwohner (Volkszählung 2023).[2]'.",
    "AL225": "Infobox 'Einwohner Bashkia: 21.621 (2023[1])'; text 'Die Gemeinde hat 21.621 Einwohner (Volkszählung 2023).[4]'.",
    "AL323": "Infobox 'Population As Of: 2023 / Population Munic: 63135'; text 'The municipality's population is 63,135 as of the 2023 census'.",
    "AL357": "Infobox: 'Population (2023)[9] … Municipality 83,683[a] … Administrative unit 66,320'.",
    "AL326": "Infobox: 'Population As Of: 2023 / Population Munic: 18227 / Population Unit: 12255'.",
    "AL133": "'As of the Institute of Statistics 2023 census, there were 2,560 people residing in the municipal unit Tropojë and 14,189 "
             "in the municipality.'",
    "AL346": "Infobox 'Einwohner Bashkia: 1843 (2023)'; text 'Mit 1843 Einwohnern (Volkszählung 2023) ist sie die kleinste Gemeinde Albaniens.[1]'.",
    "AL336": "Infobox: 'Einwohner Ort: 3709 (2023[1]) Einwohner Bashkia: 6761 (2023[2])' (3,709 is the town).",
    "AL333": "'Die Gemeinde hat insgesamt 4400 Einwohner (Volkszählung 2023) und ist damit die drittkleinste des Landes.[2]'; "
             "infobox 'Einwohner Bashkia: 4400 (2023[2])'.",
    "AL334": "Infobox: 'Einwohner Ort: 1992 (2011[1]) Einwohner Bashkia: 2765 (2023[2])'.",
    "AL337": "Infobox: 'Einwohner Ort: 1786 (2023[1]) Einwohner Bashkia: 6578 (2023[2])' (1,786 is the town).",
    "AL342": "Infobox 'Einwohner Bashkia: 7519 (2023)'; text 'In Kolonja leben 7500 Einwohner (Volkszählung 2023).[1]' (rounded in the text).",
    "AL151": "'Die Gemeinde hat 4878 Einwohner (Volkszählung 2023).[2]'; unit table 'Blerim 579 | Fierza 686 | Fushë-Arrëz 2221 | "
             "Iballa 577 | Qafë Mal 815 | Total 4878'.",
    "AL152": "'Die Gemeinde hat 21.684 Einwohner (Volkszählung 2023).[1]'; infobox 'Einwohner Bashkia: 21.684 (2023)'.",
    "AL153": "'2023年に基礎自治体の人口は6,222人であり、町の人口は2,505人だった' (municipality 6,222; town 2,505); reference [1] INSTAT "
             "'Main Results of the Population and Housing Census 2023'.",
    "AL155": "'Die Gemeinde hat 19.281 Einwohner (Volkszählung 2023),[3] der Ort Vau-Deja selber 5710 Einwohner (Volkszählung 2023).[1]'",
    "AL356": "Infobox: 'Einwohner Ort: 1384 (2023[1]) Einwohner Bashkia: 9580 (2023[2])' (1,384 is the town).",
    "AL351": "Infobox: 'Einwohner Bashkia: 6166 (2023)'.",
    "AL324": "'15.838 Einwohner (Volkszählung 2023)'.",
    "AL211": "List column 'Population 2023', row Belsh: 17,123.",
}
DE_LIST_QUOTE = "Table row {name}, column 'Einwohner (2023)[2]' (reference [2]: INSTAT Census 2023): {value}."

SHKODER_CHECK = label(
    "Kontroll i qarkut Shkodër: pesë bashkitë e tij mblidhen në 154 499, 20 më shumë se totali i qarkut 154 479 sipas INSTAT; "
    "një nga pesë vlerat ka një gabim prej 20 (më shumë gjasë ajo e Pukës, që ka burimin më të dobët). Vlera mbahet siç u lexua.",
    "Shkodër county check: its five municipalities sum to 154,499, 20 more than INSTAT's county total of 154,479; one of the five "
    "values is off by 20 (most likely Pukë's, whose source is weakest). The value is kept as read.")
VALUE_CAVEATS = {
    "AL153": label("Besueshmëri e ulët-mesatare: lexuar në një kopje të ja.wikipedia; bashkë me katër vlerat e tjera të qarkut do të duhej "
                   "të ishte 6 202, por asnjë faqe e lexuar nuk e thotë këtë.",
                   "Low-medium confidence: read on a copy of ja.wikipedia; with the other four values of the county it would have to be "
                   "6,202, but no page read states that."),
    "AL352": label("Besueshmëri mesatare: kopja e de.wikipedia nuk ka shenjë reference; qarku Vlorë mblidhet saktësisht (146 681) me këtë vlerë "
                   "dhe atë të Selenicës (nga një faqe tjetër), por asnjë tabelë e INSTAT nuk u pa.",
                   "Medium confidence: the de.wikipedia copy has no reference marker; Vlorë county sums exactly (146,681) with this value and "
                   "Selenicë's (read on another page), but no INSTAT table was seen."),
    "AL215": label("Besueshmëri më e ulët: lexuar në një përkthim automatik (hmong) të en.wikipedia.",
                   "Lower confidence: read on a machine translation (Hmong) of en.wikipedia."),
    "AL326": label("Teksti i artikullit thotë gabimisht '18,227 as of the 2011 census' (totali i censusit 2011 ishte 22 959); merret viti 2023 i kutisë.",
                   "The article's body text wrongly says '18,227 as of the 2011 census' (the 2011 census total was 22,959); the infobox year 2023 is taken."),
    "AL346": label("Besueshmëri mesatare-e lartë: viti (Census 2023) thuhet te de.wikipedia 'Pustec'; e njëjta shifër është kufiri i poshtëm i "
                   "intervalit te en.wikipedia 'Municipalities of Albania'.",
                   "Medium-high confidence: the year (Census 2023) is stated on de.wikipedia 'Pustec'; the same figure is the lower bound of the "
                   "range on en.wikipedia 'Municipalities of Albania'."),
    "AL321": label("Kopja e faqes së citypopulation.de u ruajt nën një adresë që nuk ka lidhje me të; përmbajtja është faqja e Divjakës.",
                   "The stored copy of the citypopulation.de page was filed under an unrelated address; its content is Divjakë's page."),
}


def bilingual(text: dict) -> str:
    """One note in both languages, Albanian first (the default language)."""
    return f"{text['sq']} | {text['en']}"


def read_candidates(name: str, delimiter: str = ",") -> list[dict]:
    with open(CANDIDATES / name, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter=delimiter))


def read_reference(name: str) -> list[dict]:
    with open(DATA / "reference" / f"{name}.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def row(area_code, indicator, year, value, *, breakdown="total", brk=False, note="", citation=None) -> dict:
    url, title, text, retrieved = citation or ("", "", "", "")
    return {"area_code": area_code, "indicator": indicator, "breakdown": breakdown, "year": int(year), "value": value, "status": "value",
            "break_in_series": "true" if brk else "false", "note": note,
            "citation_url": url, "citation_title": title, "citation_text": text, "citation_retrieved": retrieved}


def write_source(source_id: str, package: dict, observations: list[dict], indicators: list[dict] | None) -> None:
    folder = DATA / "sources" / source_id
    observations = sorted(observations, key=lambda r: (r["indicator"], r["breakdown"], r["year"], r["area_code"]))
    write_csv(folder / "observations.csv", OBSERVATION_FIELDS, observations)
    resources = [{"name": "observations", "path": "observations.csv", "profile": "tabular-data-resource", "format": "csv",
                  "encoding": "utf-8", "schema": SCHEMA}]
    write_yaml(folder / "datapackage.yaml", {"name": source_id, **package, "retrieved": RETRIEVED, "resources": resources})
    if indicators:
        write_yaml(folder / "indicators.yml", {"indicators": indicators})


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SystemExit(f"cross-check failed: {message}")


# ---------------------------------------------------------------------------------------------
# Census 2023 by municipality
# ---------------------------------------------------------------------------------------------

def build_census2023_municipalities(county_totals_2023: dict[str, int]) -> list[dict]:
    municipalities = {m["lau_code"]: m for m in read_reference("municipalities")}
    raw = read_candidates("population_census2023.csv")
    observations = []
    for r in raw:
        code = r["lau_code"]
        check(code in municipalities, f"{code} is not a known LAU code")
        key = r["source_key"].split("+")[-1]  # Pustec: the page that states the year
        url, title, retrieved = PAGES[key]
        name = municipalities[code]["name"]
        quote = DE_LIST_QUOTE.format(name=name, value=r["value"]) if key == "DE-LIST" else QUOTES[code]
        notes = []
        if municipalities[code]["county_code"] == "AL-10":
            notes.append(bilingual(SHKODER_CHECK))
        if code in VALUE_CAVEATS:
            notes.append(bilingual(VALUE_CAVEATS[code]))
        observations.append(row(code, "population", 2023, r["value"], breakdown=AGE_BREAKDOWN[r["breakdown"]], note=" ‖ ".join(notes),
                                citation=(url, title, quote, retrieved)))
    totals = [r for r in observations if r["breakdown"] == "total"]
    check(len(totals) == 52 and len({r["area_code"] for r in totals}) == 52, "52 distinct municipalities")
    check(sum(int(r["value"]) for r in totals) == 2_158_385, "the 52 values sum to 2,158,385 as the research notes say")
    for breakdowns in (("male", "female"), ("age_0_14", "age_15_64", "age_65_plus")):
        for code in ("AL214", "AL321", "AL344"):
            parts = sum(int(r["value"]) for r in observations if r["area_code"] == code and r["breakdown"] in breakdowns)
            total = next(int(r["value"]) for r in totals if r["area_code"] == code)
            check(parts == total, f"{code} {breakdowns} sum to the total")
    by_county: dict[str, list[int]] = {}
    for r in totals:
        by_county.setdefault(municipalities[r["area_code"]]["county_code"], []).append(int(r["value"]))
    members = {}
    for m in municipalities.values():
        members[m["county_code"]] = members.get(m["county_code"], 0) + 1
    complete = {c: sum(v) for c, v in by_county.items() if len(v) == members[c]}
    check(complete == {"AL-01": 140_956, "AL-09": 107_178, "AL-02": 226_863, "AL-12": 146_681, "AL-10": 154_499},
          f"complete counties as in the research notes: {complete}")
    for county, total in complete.items():
        expected = county_totals_2023[county] + (20 if county == "AL-10" else 0)
        check(total == expected, f"{county} municipalities sum to the county total (Shkodër: +20)")

    url, title, retrieved = NATIONAL_PAGE
    observations.append(row("AL", "population", 2023, str(NATIONAL_CENSUS_2023), citation=(
        url, title, "'Census 2023: 2,402,113 inhabitants in Albania'; the 12 county totals (konica.al, fierisot.com, citypopulation.de) "
                    "sum to the same figure.", retrieved)))
    package = {
        "title": "Census 2023 population by municipality: 52 of 61 municipalities and the national total",
        "title_sq": "Popullsia sipas Censusit 2023 për bashki: 52 nga 61 bashki dhe totali kombëtar",
        "description": "INSTAT Census 2023 resident population (census night 17–18 September 2023), each value read on its own page "
                       "(Wikipedia articles and mirrors citing INSTAT, citypopulation.de, news of the release); Gramsh, Divjakë and Maliq "
                       "also by sex and age group. Every observation carries the page, its words and the date it was read.",
        "publisher": "INSTAT (Institute of Statistics, Albania), as quoted by Wikipedia (de, en, nn, ja), citypopulation.de and the press",
        "homepage": "https://www.instat.gov.al/",
        "sources": sorted(({"title": title, "path": url} for url, title, _ in {*PAGES.values(), *SUPPORTING_PAGES}), key=lambda s: s["title"]),
        "licenses": [WIKI_LICENSE, UNSTATED],
        "reference_date": "2023-09-18",
        "caveats": [
            "52 of 61 municipalities: Peqin, Prrenjas, Fier, Dropull, Devoll, Has, Kurbin, Mirditë and Rrogozhinë are not reported here "
            "(not zero); their stored pages still showed 2011 figures.",
            "No INSTAT table was readable: every value comes from a secondary page that cites INSTAT. Each value's page, words and date "
            "are in its citation columns; replace with INSTAT's Census 2023 tables by municipality when available.",
            "Cross-checks: Berat, Dibër, Durrës and Vlorë counties sum exactly to INSTAT's county totals; Shkodër's five municipalities "
            "sum to 154,499, 20 more than its total of 154,479 (one value, most likely Pukë's, is off by 20; no value was changed).",
            "Himarë: medium confidence (no reference marker on the page). Pukë: low-medium confidence. Librazhd: read on a machine "
            "translation. These caveats are also attached to the values themselves.",
            "County totals and the national total are reported values; a county or national sum of these municipalities is never "
            "computed for 2023, since 9 are missing.",
            INSTAT_TERMS,
        ],
        "caveats_sq": [
            "52 nga 61 bashki: Peqin, Prrenjas, Fier, Dropull, Devoll, Has, Kurbin, Mirditë dhe Rrogozhinë nuk raportohen këtu (jo zero); "
            "faqet e tyre të ruajtura kishin ende shifrat e 2011.",
            "Asnjë tabelë e INSTAT nuk ishte e lexueshme: çdo vlerë vjen nga një faqe dytësore që citon INSTAT. Faqja, fjalët dhe data "
            "e leximit të çdo vlere janë në kolonat e citimit; zëvendësojini me tabelat e INSTAT për bashkitë kur të jenë të disponueshme.",
            "Kontrolle: qarqet Berat, Dibër, Durrës dhe Vlorë mblidhen saktësisht në totalet e INSTAT; pesë bashkitë e Shkodrës mblidhen "
            "në 154 499, 20 më shumë se totali 154 479 (një vlerë, më shumë gjasë ajo e Pukës, ka gabim prej 20; asnjë vlerë nuk u ndryshua).",
            "Himarë: besueshmëri mesatare (faqja pa shenjë reference). Pukë: besueshmëri e ulët-mesatare. Librazhd: lexuar në një "
            "përkthim automatik. Këto shënime janë edhe te vlerat vetë.",
            "Totalet e qarqeve dhe totali kombëtar janë vlera të raportuara; për 2023 nuk llogaritet asnjë shumë qarku apo kombëtare "
            "nga këto bashki, sepse mungojnë 9.",
            INSTAT_TERMS_SQ,
        ],
    }
    write_source("census2023_municipalities", package, observations, None)
    return observations


# ---------------------------------------------------------------------------------------------
# County census population 1989–2023
# ---------------------------------------------------------------------------------------------

CPOP_COUNTIES = ("https://www.citypopulation.de/de/albania/cities", "citypopulation.de (Thomas Brinkhoff): 'Albanien: Präfekturen'")
CENSUS_PAGES = {
    "CPOP-COUNTIES": (*CPOP_COUNTIES, "Columns 'Einwohner Zensus (C) 1989-04-14 / (C) 2001-04-01 / (Cf) 2011-10-01 / (Cf) 2023-09-18'; "
                      "source line 'Instituti i Statistikës, Tiranë'. Row {name}: {value} ({year})."),
    "CPOP-COUNTIES+NEWS-CENS2023-QARQE": (*CPOP_COUNTIES, "Row {name}, column '(Cf) 2023-09-18': {value}. The same figure is in the news of "
                                          "INSTAT's release of 28 June 2024: 'Popullsia sipas qarqeve: … {name} {value} …' "
                                          "(https://konica.al/2024/06/qarqet-me-me-shume-dhe-me-pak-banore, https://fierisot.com/2024/06/28/"
                                          "censi-2023-fieri-pas-tiranes-per-nga-numri-i-popullsise/)."),
    "YUMPU-CENS2011-DIBER": ("https://yumpu.com/en/document/view/39374448/diber-population-and-housing-census-2011-instat/21",
                             "INSTAT, 'Censusi i popullsisë dhe banesave 2011 – Dibër' (© INSTAT 2013), summary table (copy on yumpu.com)",
                             "Summary table: 'Popullsia/Population 137 047; Meshkuj/Male 69 825; Femra/Female 67 222'. This row: {value} ({breakdown})."),
}


def build_census_counties(county_of_nuts: dict[str, tuple[str, str]]) -> dict[str, int]:
    raw = read_candidates("county_census_population.csv")
    observations, left_out = [], []
    for r in raw:
        if r["indicator"] != "census_population" or r["breakdown"].startswith("coverage="):
            left_out.append(r)
            continue
        if r["area_code"] == "AL" and r["year"] == "2023":
            continue  # the national 2023 total is in census2023_municipalities
        code, _name = county_of_nuts.get(r["area_code"], ("AL", "Albania"))
        url, title, template = CENSUS_PAGES[r["source_key"]]
        breakdown = AGE_BREAKDOWN[r["breakdown"]]
        text = template.format(name=r["area_name"], value=f"{int(r['value']):,}", year=r["year"], breakdown=breakdown)
        observations.append(row(code, "population", r["year"], r["value"], breakdown=breakdown, citation=(url, title, text, RETRIEVED)))
    check({(r["indicator"], r["breakdown"]) for r in left_out} == {("census_population", "coverage=incl_refusals"), ("census_refusals", "")},
          "only the refusal rows are left out")
    national = {int(r["year"]): int(r["value"]) for r in raw if r["area_code"] == "AL" and r["indicator"] == "census_population" and not r["breakdown"]}
    for year, total in national.items():
        counties = [int(o["value"]) for o in observations if o["year"] == year and o["area_code"] != "AL" and o["breakdown"] == "total"]
        check(len(counties) == 12 and sum(counties) == total, f"the 12 counties sum to the national total in {year}")
    check(national[2023] == NATIONAL_CENSUS_2023, "national 2023 total")
    package = {
        "title": "Census population by county: 1989, 2001, 2011 and 2023",
        "title_sq": "Popullsia e qarqeve sipas censuseve: 1989, 2001, 2011 dhe 2023",
        "description": "INSTAT census counts for the 12 counties (qarqe) and Albania (censuses of 14 Apr 1989, 1 Apr 2001, 1 Oct 2011 and "
                       "18 Sep 2023), as tabulated by citypopulation.de; Census 2023 also as reported by the news of INSTAT's release; "
                       "Dibër 2011 by sex from INSTAT's county volume.",
        "publisher": "INSTAT (Institute of Statistics, Albania), as tabulated by citypopulation.de (Thomas Brinkhoff) and reported by the press",
        "homepage": "https://www.citypopulation.de/de/albania/cities",
        "sources": [{"title": CPOP_COUNTIES[1], "path": CPOP_COUNTIES[0]},
                    {"title": "konica.al: 'Qarqet me më shumë dhe më pak banorë' (28 Jun 2024)", "path": "https://konica.al/2024/06/qarqet-me-me-shume-dhe-me-pak-banore"},
                    {"title": "fierisot.com: 'Censi 2023, Fieri pas Tiranës për nga numri i popullsisë' (28 Jun 2024)",
                     "path": "https://fierisot.com/2024/06/28/censi-2023-fieri-pas-tiranes-per-nga-numri-i-popullsise/"},
                    {"title": CENSUS_PAGES["YUMPU-CENS2011-DIBER"][1], "path": CENSUS_PAGES["YUMPU-CENS2011-DIBER"][0]}],
        "licenses": [UNSTATED],
        "reference_date": "1989-04-14, 2001-04-01, 2011-10-01, 2023-09-18",
        "caveats": [
            "Each census sums exactly to its national total: 3,182,417 (1989), 3,069,275 (2001), 2,800,138 (2011), 2,402,113 (2023).",
            "2011 is the enumerated population, without the 21,839 refusals (2,821,977 with them; Dibër 137,074 with its 27). The "
            "figures that include refusals are not stored here, so that 2011 stays comparable with the municipal Census 2011 counts.",
            "1989 and 2001 are shown for today's county areas as tabulated by citypopulation.de; INSTAT's own tables were not read.",
            "These county values are reported values: they win over any county sum computed from municipalities (e.g. Shkodër 2023).",
            "Census counts differ from INSTAT's 1 January estimates (indicator population_1jan): in 2023 the estimate was 2,761,785 "
            "against 2,402,113 counted.",
            INSTAT_TERMS,
        ],
        "caveats_sq": [
            "Çdo census mblidhet saktësisht në totalin kombëtar: 3 182 417 (1989), 3 069 275 (2001), 2 800 138 (2011), 2 402 113 (2023).",
            "2011 është popullsia e numëruar, pa 21 839 refuzimet (2 821 977 me to; Dibër 137 074 me 27 refuzimet e tij). Shifrat me "
            "refuzimet nuk ruhen këtu, që 2011 të mbetet e krahasueshme me numërimet e censusit 2011 për bashkitë.",
            "1989 dhe 2001 jepen për territoret e sotme të qarqeve siç i tabelon citypopulation.de; tabelat e INSTAT nuk u lexuan.",
            "Këto vlera qarku janë të raportuara: ato kanë përparësi mbi çdo shumë qarku të llogaritur nga bashkitë (p.sh. Shkodër 2023).",
            "Numërimet e censusit ndryshojnë nga vlerësimet e INSTAT më 1 janar (treguesi population_1jan): në 2023 vlerësimi ishte "
            "2 761 785 kundrejt 2 402 113 të numëruarve.",
            INSTAT_TERMS_SQ,
        ],
    }
    write_source("instat_census_counties", package, observations, None)
    return {o["area_code"]: int(o["value"]) for o in observations if o["year"] == 2023 and o["breakdown"] == "total"}


# ---------------------------------------------------------------------------------------------
# Population on 1 January (INSTAT estimates), counties and Albania
# ---------------------------------------------------------------------------------------------

COUNTYLIST = ("https://en.wikipedia.org/wiki/List_of_counties_of_Albania_by_population",
              "en.wikipedia 'List of counties of Albania by population' (Vlorë row read in full copies on wikiblah.com and encycloreader.org)")
JAN_PAGES = {
    "ENW-COUNTYLIST": (*COUNTYLIST, "Table 'Counties of Albania by population', footer 'Source: Instituti i Statistikës (INSTAT)'. "
                       "Row {name}, column {year}: {value}."),
    "URBISTAT-2021": ("https://ugeo.urbistat.com/AdminStat/en/al/classifiche/popolazione/regioni/albania/8/1", "Urbistat AdminStat (data INSTAT)",
                      "'… Total 2,829,741'; note 'Population: Fonte Elaborazioni Urbistat su dati INSTAT'. The 12 county values equal the "
                      "en.wikipedia list."),
    "INSTAT-PR-2017": ("https://www.instat.gov.al/en/themes/demography-and-social-indicators/population/publication/2017/population-of-albania-1-januar-2017/",
                       "INSTAT: 'Population of Albania, 1 January 2017'",
                       "'The resident population of Albania, on January 1st 2017 was estimated about 2,876,591 inhabitants, compared with "
                       "2,875,592 inhabitants on January 1st 2016'."),
    "INSTAT-PR-2018": ("http://www.instat.gov.al/al/temat/treguesit-demografikë-dhe-socialë/popullsia/publikimet/2018/popullsia-e-shqipërisë-1-janar-2018/",
                       "INSTAT: 'Popullsia e Shqipërisë, 1 Janar 2018'",
                       "'Popullsia e Shqipërisë në 1 Janar 2018, rezulton 2.870.324 banorë … 1.438.609 burra dhe 1.431.715 gra'."),
    "NEWS-POP2019": ("http://lajmifundit.al/2019/02/soset-shqiperia-nga-2018-vendi-pakesohet-me-7897-persona/", "lajmifundit.al (news of INSTAT's release)",
                     "'Sipas njoftimit të sotshme të INSTAT popullsia e Shqipërisë në 1 Janar 2019, rezulton 2.862.427 banorë'."),
    "NEWS-POP2022": ("https://annaci.best/quanti-abitanti-ci-sono-in-albania", "annaci.best (quotes INSTAT's English release)",
                     "'The population of Albania on 1 st January 2022 is 2,793,592 inhabitants, experiencing a decrease by 1.3 % compared to "
                     "1 st January 2021'."),
    "ENW-DEMOGRAPHICS": ("https://worddisk.com/wiki/Demographics_of_Albania", "en.wikipedia 'Demographics of Albania' (copy on worddisk.com)",
                         "'Albania had 2,761,785 inhabitants on 1 January 2023, according to the most recent INSTAT estimate'."),
    "NEWS-POP2025": ("https://acp.al/news/27029/", "acp.al, reprint of monitor.al 'Popullsia zbret në 2.36 mln banorë'",
                     "'Popullsia e Shqipërisë më 1 Janar 2025 rezulton 2.363.314 banorë, duke pësuar rënie me 1,2 %, krahasuar me 1 Janar 2024'."),
    "NOW-BERAT-2017": ("https://wikisida.no/index.php?title=Berat_%28prefektur%29", "no.wikipedia 'Berat (prefektur)' (copy on wikisida.no)",
                       "'Per 1. januar 2017 hadde prefekturet 131 942 innbyggere', ref. 'Population of Albania, Instat, 2017, s. 6'."),
    "DAW-GJIROKASTER-2017": ("https://dkwiki.dk/OrdBog/Gjirokast%c3%abr_(pr%c3%a6fektur)", "da.wikipedia 'Gjirokastër (præfektur)' (copy on dkwiki.dk)",
                             "'1. januar 2017 havde præfekturet 65.939 indbyggere', ref. INSTAT 'Population of Albania' 2017."),
}
BREAK_2025 = label("Ndërprerje e serisë: vlerësim i ri pas Censusit 2023; nuk krahasohet me vitet deri në 2023, që nuk janë rishikuar ende sipas censusit.",
                   "Break in series: a new estimate based on Census 2023; not comparable with the years up to 2023, which were not yet "
                   "revised to the census.")


def build_population_1jan(county_of_nuts: dict[str, tuple[str, str]]) -> None:
    raw = read_candidates("county_population_1jan.csv")
    observations, left_out = [], []
    for r in raw:
        parts = dict(p.split("=") for p in r["breakdown"].split("|") if p)
        vintage = parts.pop("vintage", "")
        if vintage == "release_2015":
            left_out.append(r)
            continue
        code = county_of_nuts.get(r["area_code"], ("AL", ""))[0]
        breakdown = AGE_BREAKDOWN["sex=" + parts["sex"]] if "sex" in parts else "total"
        url, title, template = JAN_PAGES[r["source_key"]]
        text = template.format(name=r["area_name"], year=r["year"], value=f"{int(r['value']):,}")
        brk = vintage == "post_census_2023"
        observations.append(row(code, "population_1jan", r["year"], r["value"], breakdown=breakdown, brk=brk,
                                note=bilingual(BREAK_2025) if brk else "", citation=(url, title, text, RETRIEVED)))
    check(len(left_out) == 9 and {r["year"] for r in left_out} == {"2015"}, "only the 2015 release rows are left out")
    for year in (2016, 2018, 2021, 2022, 2023):
        counties = [int(o["value"]) for o in observations if o["year"] == year and o["area_code"] != "AL" and o["breakdown"] == "total"]
        national = [int(o["value"]) for o in observations if o["year"] == year and o["area_code"] == "AL" and o["breakdown"] == "total"]
        check(len(counties) == 12 and [sum(counties)] == national, f"1 January {year}: the 12 counties sum to the national figure")
    full_years = sorted({o["year"] for o in observations if o["area_code"] != "AL"
                         and sum(1 for p in observations if p["year"] == o["year"] and p["area_code"] != "AL") == 12})
    check(len(full_years) == 13, f"13 full years: {full_years}")
    package = {
        "title": "Population on 1 January (INSTAT estimates) by county, 2002–2023, and Albania",
        "title_sq": "Popullsia më 1 janar (vlerësime të INSTAT) sipas qarqeve, 2002–2023, dhe Shqipëria",
        "description": "INSTAT's annual estimates of the resident population on 1 January: the 12 counties for 2002, 2004, …, 2018 and "
                       "2020–2023 (and Berat and Gjirokastër for 2017), read in en.wikipedia's compilation of INSTAT's tables; national "
                       "figures from INSTAT's releases or news of them.",
        "publisher": "INSTAT (Institute of Statistics, Albania), as compiled by en.wikipedia and reported by the press",
        "homepage": "https://www.instat.gov.al/en/themes/demography-and-social-indicators/population/",
        "sources": [{"title": title, "path": url} for url, title, _ in JAN_PAGES.values()],
        "licenses": [WIKI_LICENSE, UNSTATED],
        "reference_date": "1 January of each year",
        "caveats": [
            "Break in series: the estimates up to 1 January 2023 were not yet revised to Census 2023 (2,761,785 estimated on 1 January 2023 "
            "against 2,402,113 counted in September 2023); the census-based 1 January 2025 figure (2,363,314) starts a new series and "
            "is flagged as a break in series. Never draw one line through the break.",
            "Left out: INSTAT's release of 1 January 2015 (national 2,893,005 and 6 counties) belongs to an older vintage than the rest "
            "(its Tiranë, 800,986, is below the list's 2014 value, 816,222), so it is not part of this series.",
            "Odd years before 2020 are missing (the compilation lists even years); 2017 has only Berat and Gjirokastër, from INSTAT's 2017 "
            "publication as quoted by the no/da Wikipedias.",
            "The 12 counties sum exactly to INSTAT's national figure for 2016, 2018, 2021, 2022 and 2023. No national figure was found "
            "for 2002–2014 or 2020, so those columns are unverified (medium confidence for 2002–2014) and no national value is stored "
            "for them.",
            INSTAT_TERMS,
        ],
        "caveats_sq": [
            "Ndërprerje e serisë: vlerësimet deri më 1 janar 2023 nuk ishin rishikuar ende sipas Censusit 2023 (2 761 785 të vlerësuar më "
            "1 janar 2023 kundrejt 2 402 113 të numëruarve në shtator 2023); shifra e 1 janarit 2025 (2 363 314), e bazuar te censusi, "
            "nis një seri të re dhe shënohet si ndërprerje e serisë. Mos e bashkoni me një vijë.",
            "Lënë jashtë: njoftimi i INSTAT për 1 janar 2015 (kombëtare 2 893 005 dhe 6 qarqe) i përket një vlerësimi më të vjetër "
            "(Tirana 800 986, më pak se 816 222 e listës për 2014), prandaj nuk është pjesë e kësaj serie.",
            "Vitet tek para 2020 mungojnë (përmbledhja jep vitet çift); për 2017 janë vetëm Berati dhe Gjirokastra, nga botimi i INSTAT "
            "2017 i cituar nga Wikipedia norvegjeze dhe daneze.",
            "12 qarqet mblidhen saktësisht në shifrën kombëtare të INSTAT për 2016, 2018, 2021, 2022 dhe 2023. Për 2002–2014 dhe 2020 "
            "nuk u gjet shifër kombëtare, prandaj këto kolona nuk janë verifikuar (besueshmëri mesatare për 2002–2014) dhe nuk ruhet "
            "vlerë kombëtare për to.",
            INSTAT_TERMS_SQ,
        ],
    }
    indicators = [{
        "id": "population_1jan", "theme": "demography", "kind": "count", "aggregate": "sum", "decimals": 0, "higher_is_better": None,
        "name": label("Popullsia më 1 janar (vlerësim)", "Population on 1 January (estimate)"),
        "unit": label("banorë", "persons"),
        "definition": label("Vlerësimi vjetor i INSTAT për popullsinë rezidente më 1 janar, sipas qarqeve; jo numërim censusi. "
                            "Vlerësimet deri në 2023 nuk janë rishikuar sipas Censusit 2023.",
                            "INSTAT's annual estimate of the resident population on 1 January, by county; not a census count. "
                            "The estimates up to 2023 are not revised to Census 2023."),
        "source_note": label("INSTAT, vlerësime më 1 janar, sipas qarqeve (përmbledhje në en.wikipedia); ndërprerje e serisë në 2025.",
                             "INSTAT 1 January estimates by county (compiled on en.wikipedia); break in series in 2025."),
    }]
    write_source("instat_population_1jan", package, observations, indicators)


# ---------------------------------------------------------------------------------------------
# Seats in the Assembly per county, 2021
# ---------------------------------------------------------------------------------------------

KQZ_URL = ("https://kqz.gov.al/2020/12/11/komisioni-rregullator-unanimisht-vendosi-miratimin-e-numrit-te-mandateve-per-cdo-zone-"
           "zgjedhore-te-zgjedhjeve-per-kuvend-te-dates-25-prill-2021/")


def build_seats_2021(county_of_nuts: dict[str, tuple[str, str]]) -> None:
    raw = read_candidates("county_parliament_seats.csv")
    observations = []
    for r in raw:
        code = county_of_nuts[r["area_code"]][0]
        text = (f"'1. Qarku Berat – 7 (shtatë) mandate … 12. Qarku Vlorë – 12 (dymbëdhjetë) mandate'. Qarku {r['area_name']}: "
                f"{r['value']} mandate.")
        observations.append(row(code, "parliament_seats", r["year"], r["value"], citation=(
            KQZ_URL, "Central Election Commission (KQZ): Regulatory Commission decision of 11 Dec 2020 on the seats per electoral zone", text, RETRIEVED)))
    check(len(observations) == 12 and sum(int(o["value"]) for o in observations) == 140, "12 counties, 140 seats")
    package = {
        "title": "Seats in the Assembly per county (electoral zone), parliamentary elections of 25 April 2021",
        "title_sq": "Mandatet në Kuvend për çdo qark (zonë zgjedhore), zgjedhjet parlamentare të 25 prillit 2021",
        "description": "Seats allocated to each of the 12 electoral zones (counties) by the CEC Regulatory Commission on 11 December 2020.",
        "publisher": "Central Election Commission of Albania (KQZ / CEC)",
        "homepage": "https://kqz.gov.al/",
        "sources": [{"title": "KQZ: Komisioni Rregullator vendosi miratimin e numrit të mandateve për çdo zonë zgjedhore (11 Dec 2020)", "path": KQZ_URL},
                    {"title": "gjirokastraonline.com: the same list", "path": "https://gjirokastraonline.com/aktualitet/kqz-per-numrin-e-mandateve-per-"
                                                                           "cdo-zone-zgjedhore-cfare-eshte-vendosur-per-gjirokastren/"}],
        "licenses": [{"name": "unspecified", "title": "No license stated; CEC decisions are public records"}],
        "reference_date": "2020-12-11",
        "caveats": [
            "Seats are allocated by the number of citizens in the Civil Registry (DPGJC) per county, not by INSTAT's resident population.",
            "The 12 values sum to 140, the size of the Assembly. Dibër and Gjirokastër each lost one seat compared with 2017.",
            "A political indicator, not a demographic one; there are no municipal values.",
        ],
        "caveats_sq": [
            "Mandatet ndahen sipas numrit të shtetasve në Regjistrin Civil (DPGJC) për çdo qark, jo sipas popullsisë rezidente të INSTAT.",
            "12 vlerat mblidhen në 140, numri i deputetëve. Dibra dhe Gjirokastra humbën nga një mandat krahasuar me 2017.",
            "Tregues politik, jo demografik; nuk ka vlera për bashkitë.",
        ],
    }
    indicators = [{
        "id": "parliament_seats", "theme": "civic_participation", "kind": "count", "aggregate": "none", "decimals": 0, "higher_is_better": None,
        "name": label("Mandate në Kuvend sipas qarkut", "Seats in the Assembly by county"),
        "unit": label("mandate", "seats"),
        "definition": label("Numri i mandateve në Kuvend që i ndahen çdo qarku (zone zgjedhore) për zgjedhjet parlamentare, sipas vendimit të KQZ.",
                            "Number of seats in the Assembly allocated to each county (electoral zone) for the parliamentary elections, "
                            "by decision of the CEC."),
        "source_note": label("KQZ, vendim i 11 dhjetorit 2020 (zgjedhjet e 25 prillit 2021).",
                             "CEC decision of 11 December 2020 (elections of 25 April 2021)."),
    }]
    write_source("cec_seats_2021", package, observations, indicators)


def main() -> None:
    county_of_nuts = {c["nuts3_code"]: (c["county_code"], c["name"]) for c in read_reference("counties")}
    county_totals_2023 = build_census_counties(county_of_nuts)
    check(sum(county_totals_2023.values()) == NATIONAL_CENSUS_2023, "12 county totals 2023")
    build_census2023_municipalities(county_totals_2023)
    build_population_1jan(county_of_nuts)
    build_seats_2021(county_of_nuts)
    print("curated census2023_municipalities, instat_census_counties, instat_population_1jan and cec_seats_2021 into", DATA / "sources")


if __name__ == "__main__":
    main()
