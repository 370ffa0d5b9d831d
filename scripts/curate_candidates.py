"""Curate the second research pass (../shared/data/indicators/candidates) into the project's data/ folder.

Run by hand (``python scripts/curate_candidates.py``); the output is committed and the app never reads
../shared. Writes four source folders:

- ``census2023_municipalities``: Census 2023 population of all 61 municipalities (3 with sex and age) and the
  national total (pass 5 completed the 61 and corrected Vau i Dejës), each value with its publication and, when
  different, the copy it was read in (per-value citation columns, read_at_url);
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
from urllib.parse import quote

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from curate_data import DATA, OBSERVATION_SCHEMA, SHARED, label, write_csv, write_yaml

CANDIDATES = SHARED / "data" / "indicators" / "candidates"
RETRIEVED = "2026-11-24"  # the research pass; values carried over from the first pass keep 2026-11-23
FIRST_PASS = "2026-11-23"
PASS5 = "2026-12-06"  # the fifth research pass (candidates/pass5)
NATIONAL_CENSUS_2023 = 2_402_113

CITATION_FIELDS = ["citation_url", "citation_title", "citation_text", "citation_retrieved"]
OBSERVATION_FIELDS = [f["name"] for f in OBSERVATION_SCHEMA["fields"]] + CITATION_FIELDS + ["read_at_url"]
CITATION_SCHEMA = [
    {"name": "citation_url", "type": "string", "description": "the publication a reader can open for this value (the Wikipedia "
     "article in its language, INSTAT's page, the newspaper's article), never a mirror or proxy copy"},
    {"name": "citation_title", "type": "string", "description": "the page: title, site or publisher"},
    {"name": "citation_text", "type": "string", "description": "what the page says (quoted where the research recorded the words)"},
    {"name": "citation_retrieved", "type": "date", "description": "date the page was read"},
    {"name": "read_at_url", "type": "string", "description": "the copy the value was actually read in (a mirror, a proxy, the raw "
     "file), when that is not the publication itself; empty otherwise"},
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
AU_COMMIT = "e4ba7ff8721f1a801fd146e42e2db4d39dda1085"
AU_URL = f"https://github.com/AU-datascience/data/blob/{AU_COMMIT}/ds_ai_mini/gdp_per_capita_2023.csv"
AU_RAW = "https://raw.githubusercontent.com/AU-datascience/data/refs/heads/main/ds_ai_mini/gdp_per_capita_2023.csv"
STARPLUS_URL = "https://www.starplus-tv.com/popullsia-cens-2023-shkodra-me-humbjet-me-te-medha-zhgenjen-tirana/"
JAVANEWS_URL = ("https://javanews.al/censi-2023-ne-konispol-rritet-numri-i-grekeve-dhe-zvogelohet-entiteti-shqiptar-bido-tentative-"
                "anti-shqiptare-synohet-te/")
CPOP_INDEX = "https://www.citypopulation.de/en/albania/mun/admin/"


def wiki(lang: str, article: str) -> str:
    """The article's address on the Wikipedia of its language: what a reader opens, whatever copy it was read in."""
    return f"https://{lang}.wikipedia.org/wiki/{quote(article.replace(' ', '_'))}"


# source_key -> (publication a reader can open, its title, date read, the copy it was read in when that is another address)
PAGES = {
    "DE-LIST": (wiki("de", "Liste der Gemeinden in Albanien"), "de.wikipedia 'Liste der Gemeinden in Albanien'", RETRIEVED,
                "https://artikeldigital.com/de/Liste_der_Gemeinden_in_Albanien"),
    "DE-DELV": (wiki("de", "Delvina"), "de.wikipedia 'Delvina'", FIRST_PASS, "https://askwikinow.com/view_html.php?lang=de&q=Delvina"),
    "DE-MALL": (wiki("de", "Gemeinde Mallakastra"), "de.wikipedia 'Gemeinde Mallakastra'", FIRST_PASS,
                "https://de.m.wikipedia.org./wiki/Gemeinde_Mallakastra"),
    "EN-LIST": (wiki("en", "Municipalities of Albania"), "en.wikipedia 'Municipalities of Albania'", FIRST_PASS, "https://www.hubbry.com/Bashki"),
    "DEW-SHIJAK": (wiki("de", "Shijak"), "de.wikipedia 'Shijak'", RETRIEVED, "https://pwojczyn.com/wiki/Shijak_wikipedia_crain_ford_lan_de_html.html"),
    "CPOP-GRAMSH": ("https://www.citypopulation.de/en/albania/mun/admin/045__gramsh",
                    "citypopulation.de (Thomas Brinkhoff): 'Gramsh, Municipality in Albania'", RETRIEVED, None),
    "CPOP-DIVJAKE": (CPOP_INDEX, "citypopulation.de (Thomas Brinkhoff): 'Albania: Municipal Division', row Divjakë (its page 'Divjakë, "
                     "Municipality in Albania' was read in a copy filed under an unrelated address)", RETRIEVED,
                     "https://www.citypopulation.de/de/india/uttarpradesh/ghazipur/northwestern/admin/86__karelija"),
    "CPOP-MALIQ": ("https://www.citypopulation.de/en/albania/mun/admin/072__maliq",
                   "citypopulation.de (Thomas Brinkhoff): 'Maliq, Municipality in Albania'", RETRIEVED, None),
    "ENW-KUKES": (wiki("en", "Kukës"), "en.wikipedia 'Kukës'", RETRIEVED,
                  "https://wiki.av1.space/content/wikipedia_en_all_mini_2025-06/Kuk%C3%ABs"),
    "HMNW-LIBRAZHD": (wiki("en", "Librazhd"), "en.wikipedia 'Librazhd' (read in a Hmong machine translation)", RETRIEVED,
                      "https://hmongwiki.org/wiki/Librazhd"),
    "DEW-ROSKOVEC": (wiki("de", "Roskovec"), "de.wikipedia 'Roskovec'", RETRIEVED, "https://kampuspedia.com/de/Roskovec"),
    "DEW-KAVAJE": (wiki("de", "Kavaja"), "de.wikipedia 'Kavaja'", RETRIEVED, "https://wap.bdmobi.com/view_html.php?lang=de&q=Kavaja&sq=Google"),
    "NEWS-STARPLUS": (STARPLUS_URL, "Star Plus TV (news, Aug 2024): 'Popullsia, cens 2023: Shkodra me humbjet më të mëdha'", RETRIEVED, None),
    "NNW-SARANDA": ("https://nn.wikipedia.org/wiki/Saranda", "nn.wikipedia 'Saranda'", RETRIEVED, None),
    "DEW-LEZHE": (wiki("de", "Lezha"), "de.wikipedia 'Lezha'", RETRIEVED, "https://wap.bdmobi.com/view_html.php?lang=de&q=Lezha&sq=Bangladesh"),
    "DEW-KORCE": (wiki("de", "Korça"), "de.wikipedia 'Korça'", RETRIEVED,
                  "https://websiteproxy.net/1337x-proxy/index.php?q=mKaqo9SgYmCZnmKjYrCezp7WlsbKx5CjpaCUrqHMzZV7oahYpJlYcmyaV4GgoqLE"),
    "DEW-HIMARE": (wiki("de", "Himara"), "de.wikipedia 'Himara'", RETRIEVED, "https://askwikinow.com/view_html.php?lang=de&q=Himara&sq=Sri+Lanka"),
    "DEW-FINIQ": (wiki("de", "Finiq"), "de.wikipedia 'Finiq'", RETRIEVED, "https://wikwiand-revamp.pages.dev/de/Finiq"),
    "DEW-KONISPOL": (wiki("de", "Konispol"), "de.wikipedia 'Konispol'", RETRIEVED,
                     "https://pwojczyn.com/wiki/Konispol_wikipedia_crain_ford_lan_de_html.html"),
    "DEW-TIRANE": (wiki("de", "Gemeinde Tirana"), "de.wikipedia 'Gemeinde Tirana'", RETRIEVED, "https://de.m.wikipedia.org./wiki/Gemeinde_Tirana"),
    "DEW-KAMEZ": (wiki("de", "Kamza"), "de.wikipedia 'Kamza'", RETRIEVED, "https://wikiwand.com/de/articles/Kamza"),
    "DEW-CERRIK": (wiki("de", "Cërrik"), "de.wikipedia 'Cërrik'", RETRIEVED, "https://defzone.net/wiki/de/Cërrik"),
    "DEW-GJIROKASTER": (wiki("de", "Gjirokastra"), "de.wikipedia 'Gjirokastra'", RETRIEVED,
                        "https://askwikinow.com/view_html.php?lang=de&q=Gjirokastra&sq=Google"),
    "DEW-POGRADEC": (wiki("de", "Pogradec"), "de.wikipedia 'Pogradec'", RETRIEVED, "https://de.m.wikipedia.org./wiki/Pogradec"),
    "DEW-PERMET": ("https://de.wikipedia.org/wiki/P%C3%ABrmet", "de.wikipedia 'Përmet'", RETRIEVED, None),
    "DEW-VORE": (wiki("de", "Vora"), "de.wikipedia 'Vora'", RETRIEVED,
                 "https://e-signaturehome.com/mastah-kampret/3IzZy9mLhlGZlBXarl2duUGZ6MHc0/wiki/Vora"),
    "ENW-LUSHNJE": ("https://en.wikipedia.org/wiki/Lushnj%C3%AB", "en.wikipedia 'Lushnjë'", RETRIEVED, None),
    "ENW-VLORE": ("https://en.wikipedia.org/w/index.php?title=Vlor%C3%AB&oldid=1357039489", "en.wikipedia 'Vlorë', revision 1357039489",
                  RETRIEVED, "https://mediated.wiki/source/Vlor%C3%AB.md"),
    "ENW-PATOS": ("https://en.wikipedia.org/wiki/Patos_(municipality)", "en.wikipedia 'Patos (municipality)'", RETRIEVED, None),
    "ENW-TROPOJE": ("https://en.wikipedia.org/wiki/Tropoj%C3%AB", "en.wikipedia 'Tropojë'", RETRIEVED, None),
    "DEW-PUSTEC": (wiki("de", "Pustec"), "de.wikipedia 'Pustec'", RETRIEVED, "https://defzone.net/wiki/de/Pustec"),
    "DEW-TEPELENE": (wiki("de", "Tepelena"), "de.wikipedia 'Tepelena'", RETRIEVED, "http://de.m.wiki.x.io/wiki/Tepelena"),
    "DEW-KELCYRE": (wiki("de", "Këlcyra"), "de.wikipedia 'Këlcyra'", RETRIEVED, "https://de.wikipedia.org/wiki/Këlcyra?oldformat=true"),
    "DEW-LIBOHOVE": (wiki("de", "Libohova"), "de.wikipedia 'Libohova'", RETRIEVED, "https://wikizero.net/wiki/de/Libohova"),
    "DEW-MEMALIAJ": (wiki("de", "Memaliaj"), "de.wikipedia 'Memaliaj'", RETRIEVED, "http://de.m.wiki.x.io/wiki/Memaliaj"),
    "DEW-KOLONJE": (wiki("de", "Gemeinde Kolonja"), "de.wikipedia 'Gemeinde Kolonja'", RETRIEVED, "https://dewiki.de/Lexikon/Gemeinde_Kolonja"),
    "DEW-FUSHEARREZ": (wiki("de", "Fushë-Arrëz"), "de.wikipedia 'Fushë-Arrëz'", RETRIEVED,
                       "https://onehourindexing01.prideseotools.com/index.php?q=https%3A%2F%2Fde.wikipedia.org%2Fwiki%2FFush%25C3%25AB-Arr%25C3%25ABz"),
    "DEW-MALESI": (wiki("de", "Gemeinde Malësia e Madhe"), "de.wikipedia 'Gemeinde Malësia e Madhe'", RETRIEVED,
                   "https://de.m.wiki.x.io/wiki/Gemeinde_Mal%C3%ABsia_e_Madhe"),
    "JAW-PUKE": (wiki("ja", "プカ"), "ja.wikipedia 'プカ' (Pukë)", RETRIEVED, "https://wikwiand-revamp.pages.dev/ja/プカ"),
    "DEW-SELENICE": (wiki("de", "Selenica"), "de.wikipedia 'Selenica'", RETRIEVED, "https://defzone.net/wiki/de/Selenica"),
    # Pass 5 (candidates/pass5/FINDINGS.md)
    "ENW-RROGOZHINE": (wiki("en", "Rrogozhinë"), "en.wikipedia 'Rrogozhinë'", PASS5, None),
    "NEWS-TOPCH-DROPULL": (JAVANEWS_URL, "javanews.al (news, Jul 2024, reporting a Top Channel comparison): 'Censi 2023, në Konispol rritet "
                           "numri i grekëve …'", PASS5, None),
    "AU-GDPPC2023": (AU_URL, f"AU-datascience/data (GitHub, commit {AU_COMMIT[:7]}, 2025-05-09): ds_ai_mini/gdp_per_capita_2023.csv, "
                     "column 'population' (a hand-typed compilation, no licence, upstream not named)", PASS5, AU_RAW),
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

AU_NOTE = label(
    "Burimi kryesor është një përmbledhje e shtypur me dorë (AU-datascience, GitHub), pa licencë dhe pa burim të emërtuar, me tre gabime "
    "shtypi të gjetura gjetkë (Elbasan, Vorë, Gramsh); përdoret vetëm ku kontrollet e pavarura qëndrojnë.",
    "The main source is a hand-typed compilation (AU-datascience, GitHub), without a licence or a named upstream, with three typos "
    "found elsewhere (Elbasan, Vorë, Gramsh); it is used only where the independent checks hold.")
MASHKE = "pop-stat.mashke.org"
VALUE_CAVEATS = {
    "AL153": label("Besueshmëri mesatare: lexuar në një kopje të ja.wikipedia; përmbledhja AU-datascience jep të njëjtën shifër 6 222 dhe "
                   "qarku Shkodër mblidhet saktësisht (154 479).",
                   "Medium confidence: read in a copy of ja.wikipedia; the AU-datascience compilation gives the same 6,222 and Shkodër "
                   "county sums exactly (154,479)."),
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
    "AL321": label("Faqja e citypopulation.de për Divjakën u lexua në një kopje të ruajtur nën një adresë që nuk ka lidhje me të; "
                   "përmbajtja është faqja e Divjakës.",
                   "citypopulation.de's page for Divjakë was read in a copy filed under an unrelated address; its content is Divjakë's page."),
    # Pass 5: the nine values that completed 61 of 61, and the Vau i Dejës correction (FINDINGS.md §2)
    "AL223": label("Besueshmëri e lartë: e njëjta shifër në përmbledhjen AU-datascience; me të qarku Tiranë mblidhet saktësisht, dhe rrethi i "
                   f"vjetër Durrës ({MASHKE}) gjithashtu.",
                   "High confidence: the AU-datascience compilation gives the same figure; with it Tiranë county sums exactly, and so does "
                   f"the old Durrës district ({MASHKE})."),
    "AL331": label("Besueshmëri e lartë për 8 259: e njëjta shifër në përmbledhjen AU-datascience; qarku Gjirokastër dhe rrethi i vjetër "
                   "Gjirokastër mblidhen saktësisht. I njëjti artikull shkruan gabimisht 'shtim me 60%' (3 503 → 8 259 është +136 %).",
                   "High confidence for 8,259: the AU-datascience compilation gives the same figure; Gjirokastër county and the old "
                   "Gjirokastër district sum exactly. The same article wrongly says 'an increase of 60%' (3,503 → 8,259 is +136%)."),
    "AL216": label(f"Besueshmëri mesatare-e lartë: rrethi i vjetër Elbasan ({MASHKE}) mblidhet saktësisht me këtë vlerë; edhe qarku Elbasan.",
                   f"Medium-high confidence: the old Elbasan district ({MASHKE}) sums exactly with this value; so does Elbasan county."),
    "AL217": label("Besueshmëri mesatare-e lartë: Prrenjasi është i vetmi i panjohur i qarkut Elbasan pasi Peqini konfirmohet nga rrethi "
                   f"i vjetër Elbasan ({MASHKE}); qarku mblidhet saktësisht.",
                   "Medium-high confidence: Prrenjas is the only unknown of Elbasan county once Peqin is confirmed by the old Elbasan "
                   f"district ({MASHKE}); the county sums exactly."),
    "AL322": label(f"Besueshmëri mesatare-e lartë: rrethi i vjetër Fier ({MASHKE}) dhe qarku Fier mblidhen saktësisht me këtë vlerë.",
                   f"Medium-high confidence: the old Fier district ({MASHKE}) and Fier county sum exactly with this value."),
    "AL341": label(f"Besueshmëri mesatare-e lartë: rrethi i vjetër Korçë ({MASHKE}) dhe qarku Korçë mblidhen saktësisht me këtë vlerë.",
                   f"Medium-high confidence: the old Korçë district ({MASHKE}) and Korçë county sum exactly with this value."),
    "AL141": label(f"Besueshmëri mesatare-e lartë: rrethi i vjetër Krujë ({MASHKE}) mblidhet saktësisht me këtë vlerë; edhe qarku Lezhë.",
                   f"Medium-high confidence: the old Krujë district ({MASHKE}) sums exactly with this value; so does Lezhë county."),
    "AL143": label("Besueshmëri mesatare-e lartë: Mirdita është e vetmja e panjohur e qarkut Lezhë pasi Kurbini konfirmohet nga rrethi i "
                   f"vjetër Krujë ({MASHKE}); qarku mblidhet saktësisht.",
                   "Medium-high confidence: Mirditë is the only unknown of Lezhë county once Kurbin is confirmed by the old Krujë "
                   f"district ({MASHKE}); the county sums exactly."),
    "AL131": label(f"Besueshmëri mesatare: vetëm qarku Kukës mblidhet me këtë vlerë; rrethi i vjetër Kukës ({MASHKE}, 50 568) është 2 759 "
                   "më shumë se Kukës + Has, ndoshta gabim i asaj qelize (do të kërkonte Tropojën 11 430 kundrejt 14 189 në dy Wikipedia). "
                   "Duhet vëllimi i INSTAT për Kukësin.",
                   f"Medium confidence: only Kukës county sums with this value; the old Kukës district ({MASHKE}, 50,568) is 2,759 more than "
                   "Kukës + Has, most probably an error in that cell (it would need Tropojë at 11,430 against 14,189 in two Wikipedias). "
                   "INSTAT's Kukës volume is needed."),
    "AL155": label("Besueshmëri mesatare; vlerë e korrigjuar: de.wikipedia 'Vau-Deja' jep 19 281, përmbledhja AU-datascience 19 261. "
                   "Merret 19 261 sepse vetëm me të qarku Shkodër mblidhet saktësisht në totalin e INSTAT (154 479), dhe vlerat e tjera "
                   "të qarkut janë të njëjta në të dy burimet.",
                   "Medium confidence; corrected value: de.wikipedia 'Vau-Deja' gives 19,281, the AU-datascience compilation 19,261. "
                   "19,261 is taken because only with it does Shkodër county sum exactly to INSTAT's total (154,479), and the county's "
                   "other values are the same in both sources."),
}
AU_BASED = {"AL216", "AL217", "AL322", "AL341", "AL131", "AL141", "AL143", "AL155"}
# Old (pre-1991) districts in pop-stat.mashke.org's table, each a union of today's municipalities: its 2023 cell must equal
# the sum of our values (FINDINGS.md §2.2). Kukës is the one that does not: its cell is 2,759 more (the Has conflict).
OLD_DISTRICTS_2023 = {
    "DIBER": (("AL112", "AL111"), 77_601), "DURRES": (("AL121", "AL123", "AL222", "AL223"), 218_251),
    "ELBASAN": (("AL213", "AL212", "AL211", "AL216"), 173_967), "FIER": (("AL322", "AL326", "AL325", "AL324"), 152_360),
    "GJIROKASTER": (("AL332", "AL334", "AL331"), 34_294), "KORCE": (("AL343", "AL344", "AL341", "AL346"), 119_502),
    "KRUJE": (("AL122", "AL141"), 85_596), "GRAMSH": (("AL214",), 16_533), "KOLONJE": (("AL342",), 7_519),
}
KUKES_DISTRICT = (("AL132", "AL131"), 50_568, 2_759)


def bilingual(text: dict) -> str:
    """One note in both languages, Albanian first (the default language)."""
    return f"{text['sq']} | {text['en']}"


def read_candidates(name: str, delimiter: str = ",") -> list[dict]:
    with open(CANDIDATES / name, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter=delimiter))


def read_reference(name: str) -> list[dict]:
    with open(DATA / "reference" / f"{name}.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def row(area_code, indicator, year, value, *, breakdown="total", brk=False, note="", citation=None, read_at=None) -> dict:
    url, title, text, retrieved = citation or ("", "", "", "")
    return {"area_code": area_code, "indicator": indicator, "breakdown": breakdown, "year": int(year), "value": value, "status": "value",
            "break_in_series": "true" if brk else "false", "note": note,
            "citation_url": url, "citation_title": title, "citation_text": text, "citation_retrieved": retrieved, "read_at_url": read_at or ""}


def hand_translations(folder: Path, package: dict) -> dict:
    """The Albanian fields (``*_sq``) added to a datapackage.yaml by hand and not written by this script: kept as they are."""
    path = folder / "datapackage.yaml"
    if not path.exists():
        return {}
    old = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {k: v for k, v in old.items() if k.endswith("_sq") and k not in package}


def write_source(source_id: str, package: dict, observations: list[dict], indicators: list[dict] | None) -> None:
    folder = DATA / "sources" / source_id
    package = {**package, **hand_translations(folder, package)}
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

def census2023_raw() -> list[dict]:
    """The 52 values of the second pass, the nine of pass 5 and the Vau i Dejës correction, as one list of candidate rows."""
    raw = read_candidates("population_census2023.csv")
    additions = read_candidates("pass5/population_census2023_additions.csv")
    corrections = {r["area_code"]: r for r in read_candidates("pass5/population_census2023_corrections.csv")}
    check(set(corrections) == {"AL155"}, "pass 5 corrects Vau i Dejës only")
    for r in raw:
        if r["lau_code"] in corrections and r["breakdown"] == "":
            check(r["value"] == "19281", "Vau i Dejës was 19,281 before the correction")
            r.update(value=corrections[r["lau_code"]]["value"], source_key=corrections[r["lau_code"]]["source_key"])
    raw += [{"lau_code": r["area_code"], "municipality": r["area_name"], "breakdown": "", "value": r["value"], "source_key": r["source_key"]}
            for r in additions]
    return raw


def census2023_quote(code: str, key: str, name: str, value: str, provenance: dict[tuple[str, str], str]) -> str:
    """What the publication says about this value; for the AU compilation only its population cell (its revenue column is not shipped)."""
    if key == "DE-LIST":
        return DE_LIST_QUOTE.format(name=name, value=value)
    if key == "AU-GDPPC2023":
        return f"Header 'gov_entity,population,…'; row {name}, column population: {value}."
    if (code, key) in provenance:
        quote_ = provenance[(code, key)]
        if (code, "AU-GDPPC2023") in provenance:
            quote_ += f" Also in the AU-datascience compilation (row {name}, column population: {value})."
        return quote_
    return QUOTES[code]


def build_census2023_municipalities(county_totals_2023: dict[str, int]) -> list[dict]:
    municipalities = {m["lau_code"]: m for m in read_reference("municipalities")}
    provenance = {(r["lau_code"], r["source_key"]): r["quote_or_cell"]
                  for r in read_candidates("pass5/population_census2023_provenance_additions.tsv", delimiter="\t")}
    observations = []
    for r in census2023_raw():
        code = r["lau_code"]
        check(code in municipalities, f"{code} is not a known LAU code")
        key = next(k for k in r["source_key"].split("+") if k in PAGES)  # Pustec: the page that states the year
        url, title, retrieved, read_at = PAGES[key]
        name = municipalities[code]["name"]
        notes = [bilingual(VALUE_CAVEATS[code])] if code in VALUE_CAVEATS else []
        if code in AU_BASED and r["breakdown"] == "":
            notes.append(bilingual(AU_NOTE))
        observations.append(row(code, "population", 2023, r["value"], breakdown=AGE_BREAKDOWN[r["breakdown"]], note=" ‖ ".join(notes),
                                citation=(url, title, census2023_quote(code, key, name, r["value"], provenance), retrieved), read_at=read_at))

    # Every closure the research reports, asserted: the script stops if one does not hold.
    totals = {r["area_code"]: int(r["value"]) for r in observations if r["breakdown"] == "total"}
    check(len([r for r in observations if r["breakdown"] == "total"]) == 61 and set(totals) == set(municipalities), "61 of 61 municipalities")
    check(sum(totals.values()) == NATIONAL_CENSUS_2023, f"the 61 values sum to the national total 2,402,113: {sum(totals.values()):,}")
    check(totals["AL155"] == 19_261, "Vau i Dejës corrected to 19,261")
    for breakdowns in (("male", "female"), ("age_0_14", "age_15_64", "age_65_plus")):
        for code in ("AL214", "AL321", "AL344"):
            parts = sum(int(r["value"]) for r in observations if r["area_code"] == code and r["breakdown"] in breakdowns)
            check(parts == totals[code], f"{code} {breakdowns} sum to the total")
    by_county: dict[str, int] = {}
    for code, value in totals.items():
        county = municipalities[code]["county_code"]
        by_county[county] = by_county.get(county, 0) + value
    check(len(county_totals_2023) == 12 and by_county == county_totals_2023,
          f"each of the 12 counties sums exactly to INSTAT's county total: {sorted(set(by_county.items()) ^ set(county_totals_2023.items()))}")
    for district, (codes, total) in OLD_DISTRICTS_2023.items():
        check(sum(totals[c] for c in codes) == total, f"old district {district} ({MASHKE}) sums to {total:,}")
    codes, cell, gap = KUKES_DISTRICT
    check(cell - sum(totals[c] for c in codes) == gap, "the old Kukës district cell is 2,759 more than Kukës + Has (the Has conflict)")

    url, title, retrieved = NATIONAL_PAGE
    observations.append(row("AL", "population", 2023, str(NATIONAL_CENSUS_2023), citation=(
        url, title, "'Census 2023: 2,402,113 inhabitants in Albania'; the 12 county totals (konica.al, fierisot.com, citypopulation.de) "
                    "sum to the same figure.", retrieved)))
    package = {
        "title": "Census 2023 population by municipality: all 61 municipalities and the national total",
        "title_sq": "Popullsia sipas Censusit 2023 për bashki: të 61 bashkitë dhe totali kombëtar",
        "description": "INSTAT Census 2023 resident population (census night 17–18 September 2023), each value from its own publication "
                       "citing INSTAT (Wikipedia articles, citypopulation.de, news of the release, and for eight municipalities a "
                       "compilation on GitHub checked against county and old-district totals); Gramsh, Divjakë and Maliq also by sex and "
                       "age group. Every observation carries the publication (citation_url), its words, the date it was read and, when "
                       "different, the copy it was read in (read_at_url).",
        "publisher": "INSTAT (Institute of Statistics, Albania), as quoted by Wikipedia (de, en, nn, ja), citypopulation.de, the press and "
                     "the AU-datascience compilation",
        "description_sq": "Popullsia rezidente sipas Censusit 2023 të INSTAT (nata e censusit 17–18 shtator 2023), çdo vlerë nga botimi i "
                          "vet që citon INSTAT (artikuj të Wikipedia-s, citypopulation.de, lajme për publikimin, dhe për tetë bashki një "
                          "përmbledhje në GitHub e kontrolluar me totalet e qarqeve dhe të rretheve të vjetra); Gramsh, Divjakë dhe Maliq "
                          "edhe sipas gjinisë dhe grupmoshës. Çdo vëzhgim ka botimin (citation_url), fjalët e tij, datën kur u lexua dhe, "
                          "kur ndryshon, kopjen ku u lexua (read_at_url).",
        "publisher_sq": "INSTAT (Instituti i Statistikave), siç citohet nga Wikipedia (de, en, nn, ja), citypopulation.de, shtypi dhe "
                        "përmbledhja AU-datascience",
        "homepage": "https://www.instat.gov.al/",
        "sources": sorted(({"title": title, "path": url} for url, title, *_ in {*PAGES.values(), *SUPPORTING_PAGES}), key=lambda s: s["title"]),
        "licenses": [WIKI_LICENSE, UNSTATED],
        "reference_date": "2023-09-18",
        "caveats": [
            "No INSTAT table by municipality was readable: every value comes from a secondary publication that cites INSTAT. Each value's "
            "publication, words and date are in its citation columns, and the copy it was read in (a mirror or proxy) in read_at_url; "
            "replace with INSTAT's Census 2023 tables by municipality when available.",
            "Cross-checks, all exact: the 61 values sum to 2,402,113; each of the 12 counties sums to INSTAT's county total; nine old "
            "districts in pop-stat.mashke.org's table sum to its 2023 cells. The old Kukës district does not (its cell is 2,759 more than Kukës + Has), "
            "which is why Has has medium confidence.",
            "Eight values (Peqin, Prrenjas, Fier, Devoll, Has, Kurbin, Mirditë and the corrected Vau i Dejës) come from a hand-typed "
            "compilation on GitHub (AU-datascience) without a licence or a named upstream, which has three typos elsewhere (Elbasan, "
            "Vorë, Gramsh, not used); it is used only where a county or old-district check holds. Its revenue-per-person column is not "
            "shipped (its unit is not stated).",
            "Vau i Dejës: 19,261 (the compilation) instead of 19,281 (de.wikipedia): only 19,261 makes Shkodër county sum exactly "
            "(154,479). Medium confidence.",
            "Confidence below high is stated on the value: Has, Vau i Dejës, Himarë and Pukë medium; Librazhd read in a machine "
            "translation. These caveats are attached to the values themselves.",
            INSTAT_TERMS,
        ],
        "caveats_sq": [
            "Asnjë tabelë e INSTAT për bashkitë nuk ishte e lexueshme: çdo vlerë vjen nga një botim dytësor që citon INSTAT. Botimi, "
            "fjalët dhe data e leximit të çdo vlere janë në kolonat e citimit, dhe kopja ku u lexua (pasqyrë ose proxy) te read_at_url; "
            "zëvendësojini me tabelat e INSTAT për bashkitë kur të jenë të disponueshme.",
            "Kontrolle, të gjitha të sakta: 61 vlerat mblidhen në 2 402 113; secili nga 12 qarqet mblidhet në totalin e INSTAT; nëntë "
            "rrethe të vjetra në tabelën e pop-stat.mashke.org mblidhen në qelizat e tyre të 2023. Rrethi i vjetër Kukës jo (qeliza e tij është 2 759 më "
            "shumë se Kukës + Has), prandaj Hasi ka besueshmëri mesatare.",
            "Tetë vlera (Peqin, Prrenjas, Fier, Devoll, Has, Kurbin, Mirditë dhe Vau i Dejës i korrigjuar) vijnë nga një përmbledhje e "
            "shtypur me dorë në GitHub (AU-datascience), pa licencë dhe pa burim të emërtuar, që ka tre gabime shtypi gjetkë (Elbasan, "
            "Vorë, Gramsh, të papërdorura); përdoret vetëm ku qëndron një kontroll qarku ose rrethi të vjetër. Kolona e saj e të "
            "ardhurave për banor nuk publikohet (njësia nuk thuhet).",
            "Vau i Dejës: 19 261 (përmbledhja) në vend të 19 281 (de.wikipedia): vetëm me 19 261 qarku Shkodër mblidhet saktësisht "
            "(154 479). Besueshmëri mesatare.",
            "Besueshmëria nën të lartën thuhet te vlera: Has, Vau i Dejës, Himarë dhe Pukë mesatare; Librazhd lexuar në një përkthim "
            "automatik. Këto shënime janë edhe te vlerat vetë.",
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
# Pages read in a copy: the publication a reader can open, cited instead of the copy (which stays in read_at_url).
JAN_PUBLICATIONS = {
    "NEWS-POP2022": ("https://www.instat.gov.al/en/themes/demography-and-social-indicators/population/",
                     "INSTAT: 'Population of Albania, 1 January 2022' (release listed on INSTAT's population page; quoted by annaci.best)"),
    "ENW-DEMOGRAPHICS": (wiki("en", "Demographics of Albania"), "en.wikipedia 'Demographics of Albania'"),
    "NOW-BERAT-2017": ("https://no.wikipedia.org/wiki/Berat_(prefektur)", "no.wikipedia 'Berat (prefektur)'"),
    "DAW-GJIROKASTER-2017": (wiki("da", "Gjirokastër (præfektur)"), "da.wikipedia 'Gjirokastër (præfektur)'"),
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
        read_at = None
        if r["source_key"] in JAN_PUBLICATIONS:
            read_at, (url, title) = url, JAN_PUBLICATIONS[r["source_key"]]
        text = template.format(name=r["area_name"], year=r["year"], value=f"{int(r['value']):,}")
        brk = vintage == "post_census_2023"
        observations.append(row(code, "population_1jan", r["year"], r["value"], breakdown=breakdown, brk=brk,
                                note=bilingual(BREAK_2025) if brk else "", citation=(url, title, text, RETRIEVED), read_at=read_at))
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
