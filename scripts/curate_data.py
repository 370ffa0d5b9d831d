"""Curate the raw figures in ../shared into the project's own data/ folder.

Census 2023 and the county series come from the second research pass: see ``curate_candidates.py``.

Run by hand (``python scripts/curate_data.py``); the output is committed. Nothing here estimates
or fills a value: rows are copied, re-keyed on LAU codes and given their source. Each source
folder gets a Frictionless ``datapackage.yaml`` (provenance, license, caveats, schema), its tidy
CSV(s) and, where it defines indicators, an ``indicators.yml`` catalogue.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RAW = SHARED / "data" / "indicators"
DATA = ROOT / "data"
RETRIEVED = "2026-11-23"

OBSERVATION_FIELDS = ["area_code", "indicator", "breakdown", "year", "value", "status", "break_in_series", "note"]
OBSERVATION_SCHEMA = {
    "fields": [
        {"name": "area_code", "type": "string", "description": "LAU code AL111…AL357, county ISO code AL-01…AL-12, or AL for Albania"},
        {"name": "indicator", "type": "string", "description": "indicator id from the catalogue"},
        {"name": "breakdown", "type": "string", "description": "total, female or male"},
        {"name": "year", "type": "integer"},
        {"name": "value", "type": "number", "description": "empty unless status is 'value'"},
        {"name": "status", "type": "string", "constraints": {"enum": ["value", "not_reported", "suppressed", "not_applicable"]}},
        {"name": "break_in_series", "type": "boolean", "description": "true when this value is not comparable with the year before"},
        {"name": "note", "type": "string"},
    ],
    "primaryKey": ["area_code", "indicator", "breakdown", "year"],
}

EUROSTAT_LAU = (
    "Eurostat LAU 2019 (EU-28-LAU-2019-NUTS-2016.xlsx, sheet Combined), read from the rOpenGov/regions "
    "R package (commit 0890afe9ffd3e0d05372a2b1eb6bfa00d20d7cb5, data/nuts_lau_2019.rda)"
)
ELEC_REPO = "github.com/mbaldassaro/albaniaelectiondata @ 2e6363da7fed129f6df78d2632a4b9e9bcf45fb2"


def read_raw(name: str) -> list[dict]:
    with open(RAW / name, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write_csv(path: Path, fields: list[str], rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def write_yaml(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110), encoding="utf-8")


def obs(area_code, indicator, year, value, *, breakdown="total", status="value", brk=False, note=""):
    return {
        "area_code": area_code,
        "indicator": indicator,
        "breakdown": breakdown,
        "year": int(year),
        "value": value if status == "value" else "",
        "status": status,
        "break_in_series": "true" if brk else "false",
        "note": note,
    }


def write_source(source_id: str, package: dict, observations: list[dict] | None, indicators: list[dict] | None,
                 extra: dict[str, tuple[list[str], list[dict], dict]] | None = None) -> None:
    folder = DATA / "sources" / source_id
    resources = []
    if observations is not None:
        observations = sorted(observations, key=lambda r: (r["indicator"], r["breakdown"], r["year"], r["area_code"]))
        write_csv(folder / "observations.csv", OBSERVATION_FIELDS, observations)
        resources.append({"name": "observations", "path": "observations.csv", "profile": "tabular-data-resource",
                          "format": "csv", "encoding": "utf-8", "schema": OBSERVATION_SCHEMA})
    for name, (fields, rows, schema) in (extra or {}).items():
        write_csv(folder / f"{name}.csv", fields, rows)
        resources.append({"name": name, "path": f"{name}.csv", "profile": "tabular-data-resource",
                          "format": "csv", "encoding": "utf-8", "schema": schema})
    write_yaml(folder / "datapackage.yaml", {"name": source_id, **package, "retrieved": RETRIEVED, "resources": resources})
    if indicators:
        write_yaml(folder / "indicators.yml", {"indicators": indicators})


def label(sq: str, en: str) -> dict:
    return {"sq": sq, "en": en}


# ---------------------------------------------------------------------------------------------
# Reference: municipalities, counties, aliases
# ---------------------------------------------------------------------------------------------

# Names as the programme and most Albanian sources write them today; Eurostat keeps older spellings.
OFFICIAL_SPELLING = {"AL151": "Fushë-Arrëz", "AL323": "Lushnjë", "AL315": "Dimal"}
COUNTY_SPELLING = {"Korcë": "Korçë"}


def definite_forms(name: str) -> list[str]:
    """Albanian definite forms of a place name (Tiranë → Tirana, Shkodër → Shkodra, Durrës → Durrësi, Shijak → Shijaku).

    Only single-word names get them; sources write "Vlora" or "Korça" for the municipality.
    """
    if " " in name or "-" in name:
        return []
    if name.endswith("ë"):
        return [name[:-1] + "a"]
    if re.search(r"[^aeiouyë]ër$", name):
        return [name[:-2] + "ra"]
    if name[-1] in "kgh":
        return [name + "u"]
    if name[-1] not in "aeiouyë":
        return [name + "i"]
    return []


def build_reference() -> list[dict]:
    rows = read_raw("municipalities.csv")
    municipalities, counties, aliases = [], {}, []
    for r in rows:
        code = r["lau_code"]
        name = OFFICIAL_SPELLING.get(code, r["name_current_sq"])
        qark = COUNTY_SPELLING.get(r["county_qark"], r["county_qark"])
        municipalities.append({
            "lau_code": code, "name": name, "name_ascii": r["name_ascii"], "qark": qark,
            "county_code": r["county_iso3166_2"], "nuts3_code": r["nuts3_code"],
            "instat_code": r["instat_asrdb_code"], "cec_bas_id": r["cec_bas_id"], "gisco_id": r["gisco_id"],
        })
        counties[r["county_iso3166_2"]] = {"county_code": r["county_iso3166_2"], "name": qark, "nuts3_code": r["nuts3_code"]}
        variants = [
            (name, "official", "current official name"),
            (r["name_sq"], "eurostat", "Eurostat LAU 2019 spelling"),
            (r["name_eurostat_national"], "eurostat", "Eurostat LAU 2019, upper case"),
            (r["name_ascii"], "ascii", "without diacritics"),
        ]
        if code == "AL315":
            variants.append(("Ura Vajgurore", "former", "name until the 2021 renaming to Dimal"))
        for variant in [v[0] for v in variants if v[1] in ("official", "former")]:
            for form in definite_forms(variant):
                variants.append((form, "definite", f"Albanian definite form of {variant}"))
        seen = set()
        for alias, kind, note in variants:
            if alias not in seen:
                seen.add(alias)
                aliases.append({"alias": alias, "lau_code": code, "kind": kind, "note": note})
    # Spellings seen in the sources but not derivable from the reference list.
    aliases += [
        {"alias": "Fushe-Arrez", "lau_code": "AL151", "kind": "source", "note": "CEC election data"},
        {"alias": "Vau I Dejes", "lau_code": "AL155", "kind": "source", "note": "CEC election data"},
        {"alias": "Ura Vajqurore", "lau_code": "AL315", "kind": "source", "note": "misspelling in the LNB 2019-2020 factsheet"},
        {"alias": "Malig", "lau_code": "AL344", "kind": "source", "note": "misspelling in the LNB 2019-2020 factsheet"},
        {"alias": "Korça", "lau_code": "AL343", "kind": "definite", "note": "Albanian definite form of Korçë"},
    ]
    aliases = [a for i, a in enumerate(aliases) if a not in aliases[:i]]
    municipalities.sort(key=lambda m: m["lau_code"])
    write_csv(DATA / "reference" / "municipalities.csv", list(municipalities[0]), municipalities)
    write_csv(DATA / "reference" / "counties.csv", ["county_code", "name", "nuts3_code"], sorted(counties.values(), key=lambda c: c["county_code"]))
    write_csv(DATA / "reference" / "aliases.csv", ["alias", "lau_code", "kind", "note"], sorted(aliases, key=lambda a: (a["lau_code"], a["alias"])))
    return municipalities


# ---------------------------------------------------------------------------------------------
# Sources
# ---------------------------------------------------------------------------------------------

def build_eurostat_lau2019() -> None:
    observations = []
    for r in read_raw("population_census2011.csv"):
        observations.append(obs(r["lau_code"], "population", 2011, r["value"]))
    for r in read_raw("area.csv"):
        # The source gives m²; km² keeps every digit (division by 10^6 only).
        observations.append(obs(r["lau_code"], "area_km2", 2019, f"{int(r['value']) / 1e6:.6f}"))
    for r in read_raw("lau_typology_2019.csv"):
        if r["indicator"] == "degurba_degree_of_urbanisation":
            observations.append(obs(r["lau_code"], "degurba", 2019, r["value"]))
        else:
            observations.append(obs(r["lau_code"], "coastal", 2019, {"yes": "1", "no": "0"}[r["value"]]))
    package = {
        "title": "Eurostat Local Administrative Units (LAU) 2019: Albania",
        "description": "Census 2011 population, total area and Eurostat typologies for the 61 municipalities.",
        "publisher": "Eurostat (population figures: INSTAT, Census 2011)",
        "homepage": "https://ec.europa.eu/eurostat/web/nuts/local-administrative-units",
        "sources": [{"title": EUROSTAT_LAU, "path": "https://github.com/rOpenGov/regions"}],
        "licenses": [{"name": "Eurostat-reuse", "title": "© European Union, Eurostat: free re-use with acknowledgement (Commission Decision 2011/833/EU)",
                      "path": "https://ec.europa.eu/eurostat/about-us/policies/copyright"}],
        "reference_date": "2019",
        "caveats": [
            "The LAU file carries no reference year for population; the figures are INSTAT Census 2011 counts for the post-2015 "
            "municipalities (they sum to the official total 2,800,138).",
            "Area is the Eurostat LAU total area, converted from m² to km²; it differs from the area of the map boundaries.",
            "Degree of urbanisation (DEGURBA) and coastal class are Eurostat classifications, not INSTAT's.",
        ],
    }
    indicators = [
        {"id": "population", "theme": "demography", "kind": "count", "aggregate": "sum", "decimals": 0, "higher_is_better": None,
         "name": label("Popullsia (census)", "Population (census)"), "unit": label("banorë", "persons"),
         "definition": label("Popullsia rezidente e numëruar në census, për bashkitë e reformës territoriale 2015; për qarqet dhe "
                             "Shqipërinë, shifrat e censuseve 1989, 2001, 2011 dhe 2023.",
                             "Resident population counted by the census, for the municipalities of the 2015 territorial reform; for the "
                             "counties and Albania, the figures of the 1989, 2001, 2011 and 2023 censuses."),
         "source_note": label("Bashkitë 2011: INSTAT, Census 2011, via Eurostat LAU 2019. Bashkitë 2023: INSTAT, Census 2023, 52 nga 61 bashki, "
                              "secila e lexuar në faqen e saj (shih citimin te çdo vlerë). Qarqet 1989–2023: INSTAT, via citypopulation.de.",
                              "Municipalities 2011: INSTAT Census 2011 via Eurostat LAU 2019. Municipalities 2023: INSTAT Census 2023, 52 of 61, "
                              "each read on its own page (see each value's citation). Counties 1989–2023: INSTAT via citypopulation.de.")},
        {"id": "area_km2", "theme": "territory", "kind": "measure", "aggregate": "sum", "decimals": 1, "higher_is_better": None,
         "name": label("Sipërfaqja", "Area"), "unit": label("km²", "km²"),
         "definition": label("Sipërfaqja totale e bashkisë sipas Eurostat LAU 2019.", "Total area of the municipality in Eurostat LAU 2019.")},
        {"id": "degurba", "theme": "territory", "kind": "category", "aggregate": "none", "decimals": 0, "higher_is_better": None,
         "name": label("Shkalla e urbanizimit", "Degree of urbanisation"), "unit": label("kategori", "category"),
         "definition": label("Klasifikimi DEGURBA i Eurostat: 1 qytet, 2 qytet i vogël ose periferi, 3 zonë rurale.",
                             "Eurostat DEGURBA class: 1 city, 2 town or suburb, 3 rural area."),
         "categories": {1: label("Qytet", "City"), 2: label("Qytet i vogël / periferi", "Town or suburb"), 3: label("Zonë rurale", "Rural area")}},
        {"id": "coastal", "theme": "territory", "kind": "category", "aggregate": "none", "decimals": 0, "higher_is_better": None,
         "name": label("Bashki bregdetare", "Coastal municipality"), "unit": label("po/jo", "yes/no"),
         "definition": label("Klasifikimi i Eurostat për zonat bregdetare.", "Eurostat coastal-area classification."),
         "categories": {0: label("Jo", "No"), 1: label("Po", "Yes")}},
    ]
    write_source("eurostat_lau2019", package, observations, indicators)


ELECTION_INDICATORS = {
    # raw id -> (indicator, breakdown)
    "parl_registered_voters": ("parl_registered_voters", "total"),
    "parl_voters": ("parl_voters", "total"),
    "parl_turnout": ("parl_turnout", "total"),
    "parl_voters_female": ("parl_voters", "female"),
    "parl_voters_male": ("parl_voters", "male"),
    "parl_voters_female_share": ("parl_voters_share", "female"),
    "parl_voters_male_share": ("parl_voters_share", "male"),
    "local_registered_voters": ("local_registered_voters", "total"),
    "local_registered_voters_female": ("local_registered_voters", "female"),
    "local_registered_voters_male": ("local_registered_voters", "male"),
    "local_voters": ("local_voters", "total"),
    "local_voters_female": ("local_voters", "female"),
    "local_voters_male": ("local_voters", "male"),
    "local_turnout": ("local_turnout", "total"),
    "local_turnout_female": ("local_turnout", "female"),
    "local_turnout_male": ("local_turnout", "male"),
}


def build_elections() -> None:
    observations = []
    for r in read_raw("elections_participation.csv"):
        indicator, breakdown = ELECTION_INDICATORS[r["indicator"]]
        file = r["source"].split(" : ")[1].split(" (")[0]
        observations.append(obs(r["lau_code"], indicator, r["year"], r["value"], breakdown=breakdown, note=file))
    package = {
        "title": "Election participation by municipality: parliamentary 2013 and 2017, local 2015",
        "description": "Registered voters, voters and turnout aggregated to the 61 municipalities, with the sex breakdown where published.",
        "publisher": "Central Election Commission of Albania (CEC); opened by the Coalition of Domestic Observers & Democracy International",
        "homepage": "https://github.com/mbaldassaro/albaniaelectiondata",
        "sources": [{"title": f"Albania Election Data, {ELEC_REPO}", "path": "https://github.com/mbaldassaro/albaniaelectiondata"}],
        "licenses": [{"name": "unspecified", "title": "No license stated in the repository; official CEC results are public records",
                      "path": "https://github.com/mbaldassaro/albaniaelectiondata"}],
        "reference_date": "2013, 2015, 2017",
        "caveats": [
            "The 2013 election took place under the pre-2015 map; the repository author aggregated it to the 61 municipalities (method not documented).",
            "2015: female + male voters is below total voters in 38 of 61 municipalities (never above); values are kept as published.",
            "2015: registered women + men differs from the total by one in Sarandë (43,216 against 43,217).",
            "Percentages are as published (2 decimals). National and county turnout are computed as voters / registered voters, never as an average of rates.",
        ],
    }
    civic = "civic_participation"
    t = lambda sq, en: label(sq, en)  # noqa: E731 (short alias keeps the catalogue readable)
    indicators = [
        {"id": "parl_registered_voters", "theme": civic, "kind": "count", "aggregate": "sum", "decimals": 0, "higher_is_better": None,
         "name": t("Zgjedhës të regjistruar (parlamentare)", "Registered voters (parliamentary)"), "unit": t("zgjedhës", "voters"),
         "definition": t("Zgjedhës në listat e zgjedhjeve parlamentare.", "Voters on the register for the parliamentary election.")},
        {"id": "parl_voters", "theme": civic, "kind": "count", "aggregate": "sum", "decimals": 0, "higher_is_better": None,
         "name": t("Votues (parlamentare)", "Voters (parliamentary)"), "unit": t("votues", "voters"),
         "definition": t("Zgjedhës që votuan në zgjedhjet parlamentare; sipas gjinisë vetëm për 2017.",
                         "Voters who cast a ballot in the parliamentary election; by sex for 2017 only.")},
        {"id": "parl_turnout", "theme": civic, "kind": "rate", "decimals": 1, "higher_is_better": True,
         "aggregate": {"ratio": {"numerator": "parl_voters", "denominator": "parl_registered_voters", "scale": 100}},
         "name": t("Pjesëmarrja në zgjedhjet parlamentare", "Turnout, parliamentary elections"), "unit": t("%", "%"),
         "definition": t("Votues si përqindje e zgjedhësve të regjistruar.", "Voters as a percentage of registered voters.")},
        {"id": "parl_voters_share", "theme": civic, "kind": "share", "aggregate": "none", "decimals": 1, "higher_is_better": None,
         "name": t("Pesha e votuesve sipas gjinisë (parlamentare 2017)", "Voters by sex, share of all voters (parliamentary 2017)"), "unit": t("%", "%"),
         "definition": t("Gratë (ose burrat) që votuan, si përqindje e të gjithë votuesve.", "Women (or men) who voted, as a percentage of all voters.")},
        {"id": "local_registered_voters", "theme": civic, "kind": "count", "aggregate": "sum", "decimals": 0, "higher_is_better": None,
         "name": t("Zgjedhës të regjistruar (vendore)", "Registered voters (local)"), "unit": t("zgjedhës", "voters"),
         "definition": t("Zgjedhës në listat e zgjedhjeve vendore 2015, gjithsej dhe sipas gjinisë.",
                         "Voters on the register for the 2015 local elections, total and by sex.")},
        {"id": "local_voters", "theme": civic, "kind": "count", "aggregate": "sum", "decimals": 0, "higher_is_better": None,
         "name": t("Votues (vendore)", "Voters (local)"), "unit": t("votues", "voters"),
         "definition": t("Zgjedhës që votuan në zgjedhjet vendore 2015, gjithsej dhe sipas gjinisë.",
                         "Voters who cast a ballot in the 2015 local elections, total and by sex.")},
        {"id": "local_turnout", "theme": civic, "kind": "rate", "decimals": 1, "higher_is_better": True,
         "aggregate": {"ratio": {"numerator": "local_voters", "denominator": "local_registered_voters", "scale": 100}},
         "name": t("Pjesëmarrja në zgjedhjet vendore", "Turnout, local elections"), "unit": t("%", "%"),
         "definition": t("Votues si përqindje e zgjedhësve të regjistruar, gjithsej dhe sipas gjinisë.",
                         "Voters as a percentage of registered voters, total and by sex.")},
    ]
    write_source("cec_elections", package, observations, indicators)


def build_covid() -> None:
    observations = []
    for r in read_raw("covid19_social_assistance_2020.csv"):
        indicator = "covid19_families_assisted" if "families" in r["indicator"] else "covid19_persons_assisted"
        observations.append(obs(r["lau_code"] or "AL", indicator, r["year"], r["value"], note="cumulative to 2020-05-29"))
    url = "https://docslib.org/doc/8867918/raportim-kumulativ-mbi-zbatimin-n%C3%AB-terren-t%C3%AB-asistenc%C3%ABs-sociale"
    package = {
        "title": "Raportim kumulativ mbi zbatimin në terren të asistencës sociale (29 May 2020)",
        "description": "Families and persons assisted with services or food packages during the COVID-19 lockdown, cumulative to 29 May 2020.",
        "publisher": "Report on social assistance during COVID-19 (author not named in the excerpt read)",
        "homepage": url,
        "sources": [{"title": "Raportim Kumulativ mbi Zbatimin në Terren të Asistencës Sociale, 29 Maj 2020", "path": url}],
        "licenses": [{"name": "unspecified", "title": "License not stated", "path": url}],
        "reference_date": "2020-05-29",
        "caveats": [
            "Only Tiranë, Berat and Gjirokastër are named with figures in the text; the other municipalities are not reported.",
            "Families may be counted more than once. Tiranë's data start on 1 April 2020, the other municipalities' on 8-9 April.",
        ],
    }
    indicators = [
        {"id": "covid19_families_assisted", "theme": "social_protection", "kind": "count", "aggregate": "none", "decimals": 0, "higher_is_better": None,
         "sensitive": True,
         "name": label("Familje të asistuara gjatë COVID-19 (deri 29.05.2020)", "Families assisted during COVID-19 (to 29 May 2020)"),
         "unit": label("familje", "families"),
         "definition": label("Familje që morën shërbime ose pako ushqimore, kumulative deri më 29 maj 2020.",
                             "Families that received services or food packages, cumulative to 29 May 2020.")},
        {"id": "covid19_persons_assisted", "theme": "social_protection", "kind": "count", "aggregate": "none", "decimals": 0, "higher_is_better": None,
         "sensitive": True,
         "name": label("Persona të asistuar gjatë COVID-19 (deri 29.05.2020)", "Persons assisted during COVID-19 (to 29 May 2020)"),
         "unit": label("persona", "persons"),
         "definition": label("Persona që morën shërbime ose pako ushqimore, kumulative deri më 29 maj 2020 (vetëm totali kombëtar).",
                             "Persons who received services or food packages, cumulative to 29 May 2020 (national total only).")},
    ]
    write_source("covid19_social_assistance_2020", package, observations, indicators)


def build_budget() -> None:
    observations = []
    for r in read_raw("municipal_budget_programme_sample.csv"):
        year = int(r["year"])
        if r["indicator"].startswith("budget_programme_10430"):
            brk = year == 2020
            note = "programme scope changed between 2019 and 2020 (not comparable)" if brk else ""
            observations.append(obs(r["lau_code"], "social_care_programme_spending", year, r["value"], brk=brk, note=note))
        elif r["indicator"] == "persons_with_disabilities_supported" and year == 2018:
            # Only 2018 is an actual figure ("Fakt"); later years on the page are expectations and plans.
            observations.append(obs(r["lau_code"], "pwd_supported_by_programme", year, r["value"], note="Fakt 2018"))
    url = "https://buxheti.info/FusheArrez/Programi.aspx?programid=8924&sesionid=0"
    package = {
        "title": "Budget programme 10430 'Kujdesi social për familjet dhe fëmijët', Fushë-Arrëz, 2017-2022",
        "description": "Spending of the municipal social-care programme and one output indicator, from the municipality's medium-term budget programme page.",
        "publisher": "Bashkia Fushë-Arrëz, published on buxheti.info",
        "homepage": url,
        "sources": [{"title": "buxheti.info: Fushë-Arrëz, Programi 10430", "path": url}],
        "licenses": [{"name": "unspecified", "title": "License not stated", "path": url}],
        "reference_date": "2017-2022",
        "caveats": [
            "The page does not say whether each spending year is actual or planned (likely a 2020-2022 medium-term budget programme).",
            "The fall from 94,397 to 3,497 thousand ALL between 2019 and 2020 reflects a change in what the programme covers: "
            "the series has a break in 2020.",
            "Of the output indicators only the 2018 actual ('Fakt') value is kept; 2019-2022 are expectations and plans.",
        ],
    }
    indicators = [
        {"id": "social_care_programme_spending", "theme": "municipal_budget", "kind": "measure", "aggregate": "none", "decimals": 0, "higher_is_better": None,
         "name": label("Shpenzime për programin 10430 'Kujdesi social për familjet dhe fëmijët'",
                       "Spending on programme 10430 'Social care for families and children'"),
         "unit": label("mijë lekë", "thousand ALL"),
         "definition": label("Shpenzimet e programit buxhetor vendor 10430 (vetëm Fushë-Arrëz).",
                             "Spending of local budget programme 10430 (Fushë-Arrëz only).")},
        {"id": "pwd_supported_by_programme", "theme": "social_protection", "kind": "count", "aggregate": "none", "decimals": 0, "higher_is_better": None,
         "sensitive": True,
         "name": label("Persona me aftësi të kufizuar të mbështetur nga programi 10430", "Persons with disabilities supported by programme 10430"),
         "unit": label("persona", "persons"),
         "definition": label("Tregues produkti i programit buxhetor 10430 (vetëm Fushë-Arrëz, 2018).",
                             "Output indicator of budget programme 10430 (Fushë-Arrëz only, 2018).")},
    ]
    write_source("buxheti_fushe_arrez", package, observations, indicators)


# The 24 priority municipalities exactly as the 2019-2020 factsheet lists them.
FACTSHEET_PRIORITY = [
    "Berat", "Bulqizë", "Dibër", "Durrës", "Fier", "Fushë-Krujë", "Korçë", "Lezhë", "Lushnje", "Përmet", "Pogradec", "Prrenjas",
    "Sarandë", "Shijak", "Shkodër", "Tiranë", "Ura Vajqurore", "Elbasan", "Gramsh", "Malig", "Mallakastër", "Malësi e Madhe",
    "Librazhd", "Vlora",
]
PRIORITY_RESOLUTION = {
    "Fushë-Krujë": ("AL122", "not a municipality: Fushë-Krujë is an administrative unit (former municipality) of Krujë, "
                             "per the 373-unit crosswalk; Krujë is otherwise absent from the list, which then has 24 distinct municipalities"),
    "Ura Vajqurore": ("AL315", "misspelling of Ura Vajgurore, renamed Dimal in 2021"),
    "Malig": ("AL344", "misspelling of Maliq"),
    "Vlora": ("AL357", "Albanian definite form of Vlorë"),
    "Lushnje": ("AL323", "Eurostat spelling of Lushnjë"),
}

# Measures reported in both factsheets, as (id, name, unit, 2019 value, 2021 value, scope 2019, scope 2021).
PROGRAMME_SERIES = [
    ("municipalities_social_care_plans", label("Bashki me plane të kujdesit social", "Municipalities with social care plans"),
     label("bashki", "municipalities"),
     11, "11 municipalities have developed social care plans through participatory processes",
     36, "36 municipalities supported to develop and implement their social care plans through participatory processes"),
    ("women_gender_budgeting", label("Gra të përfshira në buxhetimin me përgjegjësi gjinore", "Women engaged in gender-responsive budgeting"),
     label("gra", "women"),
     1483, "1,483 women engaged in participatory practices for gender responsive budgeting in 3 municipalities",
     3814, "18 municipalities engaged 3,814 women in participatory and gender responsive budgeting"),
    ("municipalities_gender_budgeting", label("Bashki me buxhetim me përgjegjësi gjinore", "Municipalities with gender-responsive budgeting"),
     label("bashki", "municipalities"),
     3, "1,483 women engaged in participatory practices for gender responsive budgeting in 3 municipalities",
     18, "18 municipalities engaged 3,814 women in participatory and gender responsive budgeting"),
    ("staff_trained", label("Punonjës vendorë të trajnuar", "Local staff trained"), label("punonjës", "staff"),
     839, "839 professional staff from 16 municipalities have better knowledge and skills on the new social care legislation",
     5700, "5,700 local staff in 47 municipalities were assisted to boost their skills to plan and deliver social care services"),
    ("municipalities_staff_trained", label("Bashki me punonjës të trajnuar", "Municipalities with staff trained"), label("bashki", "municipalities"),
     16, "839 professional staff from 16 municipalities",
     47, "5,700 local staff in 47 municipalities"),
    ("teachers_trained", label("Mësues dhe staf shkollor të trajnuar për arsimin gjithëpërfshirës", "Teachers and school staff trained on inclusive education"),
     label("persona", "persons"),
     600, "600 teachers, school head masters and psychologists from 30 schools in 7 municipalities trained on inclusive education",
     2700, "2,700 schoolteachers, assistant teachers, headmasters and psychologists nationwide trained on inclusive education"),
    ("municipalities_youth_budgeting", label("Bashki me buxhetim me pjesëmarrje për të rinjtë", "Municipalities with youth-responsive budgeting"),
     label("bashki", "municipalities"),
     5, "5 municipalities benefited from participatory and youth-responsive budgeting practices",
     14, "14 municipalities benefited from participatory and youth-responsive budgeting practices"),
    ("regions_srh_model", label("Qarqe me modelin e shërbimeve të shëndetit riprodhues", "Regions with the community sexual and reproductive health model"),
     label("qarqe", "regions"),
     11, "a community-based model of integrated SRH services is established in 11 regions",
     12, "a community-based model of integrated SRH services has been established in 12 regions benefiting 15,266 youngsters"),
    ("dcm_social_care_law", label("Vendime të Këshillit të Ministrave për ligjin e shërbimeve të kujdesit social",
                                  "Council of Ministers decisions on the Law on Social Care Services"),
     label("vendime", "decisions"),
     4, "4 decisions of the Council of Ministers for the implementation of the Law on Social Care Services are approved",
     19, "19 decisions of the Council of Ministers on the Law on Social Care Service"),
]
FACTSHEET_DATES = {"2019": "2019-2020 factsheet (results after the programme's second year, to mid-2019)",
                   "2021": "final programme page (results to the programme's end, 2021)"}


def build_lnb_factsheets(municipalities: list[dict]) -> None:
    names = {m["lau_code"]: m["name"] for m in municipalities}
    resolution_rows, observations = [], []
    by_name = {m["name"]: m["lau_code"] for m in municipalities}
    for listed in FACTSHEET_PRIORITY:
        if listed in PRIORITY_RESOLUTION:
            code, why = PRIORITY_RESOLUTION[listed]
        else:
            code, why = by_name[listed], "exact match with the official name"
        resolution_rows.append({"name_in_factsheet": listed, "lau_code": code, "resolved_name": names[code], "why": why})
    priority = {r["lau_code"] for r in resolution_rows}
    assert len(priority) == 24, "the factsheet lists 24 distinct municipalities"
    for code in sorted(names):
        observations.append(obs(code, "lnb_priority", 2019, "1" if code in priority else "0"))
    results = []
    for measure, name, unit, v19, scope19, v21, scope21 in PROGRAMME_SERIES:
        for year, value, scope in (("2019", v19, scope19), ("2021", v21, scope21)):
            results.append({"measure": measure, "name_sq": name["sq"], "name_en": name["en"], "unit_sq": unit["sq"], "unit_en": unit["en"],
                            "year": year, "value": value, "as_stated": scope, "document": FACTSHEET_DATES[year]})
    package = {
        "title": "Leave No One Behind: programme factsheets (2019-2020 and final)",
        "description": "The 24 priority municipalities and the programme results reported in the two public LNB factsheets.",
        "publisher": "UN Albania: UNDP, UNFPA, UNICEF, UN Women; funded by the Swiss Agency for Development and Cooperation (SDC)",
        "homepage": "https://albania.un.org/en/112612-leave-no-one-behind-joint-programme",
        "sources": [
            {"title": "LNB factsheet 'Leave No One Behind, UN Joint Work: 2019-2020 in Focus' (Overview of LNB support; Programme to date); "
                      "no web address recorded for the copy read"},
            {"title": "Programme page 'Leave No One Behind - Joint Programme' (start 2017-06-01, end 2021-12-31): "
                      "'What have we accomplished so far?'; the UN Albania programme page is at the homepage address",
             "path": "https://albania.un.org/en/112612-leave-no-one-behind-joint-programme"},
        ],
        "licenses": [{"name": "unspecified", "title": "Public programme material; license not stated", "path": "https://albania.un.org/"}],
        "reference_date": "2019; 2021",
        "caveats": [
            "Neither document is dated. The 2019-2020 factsheet reports results after the programme's second year (mid-2019); "
            "the programme page reports results to the end of phase 1 (it mentions the COVID-19 lockdown and 2021-2025 plans), dated 2021 here.",
            "The priority list has misspellings and one administrative unit (Fushë-Krujë) instead of a municipality; "
            "the programme page's table 'How the priority list was read' says how each name was resolved and why.",
            "Where the two documents count different things (e.g. 166 children with disabilities against 5,700 children and family members), "
            "no series is formed.",
        ],
    }
    indicators = [
        {"id": "lnb_priority", "theme": "lnb_programme", "kind": "category", "aggregate": "none", "decimals": 0, "higher_is_better": None,
         "name": label("Bashki prioritare e LNB", "LNB priority municipality"), "unit": label("po/jo", "yes/no"),
         "definition": label("Një nga 24 bashkitë prioritare të programit LNB sipas fletëpalosjes 2019-2020.",
                             "One of the 24 priority municipalities listed in the LNB 2019-2020 factsheet."),
         "categories": {0: label("Jo", "No"), 1: label("Po", "Yes")}},
    ]
    result_fields = ["measure", "name_sq", "name_en", "unit_sq", "unit_en", "year", "value", "as_stated", "document"]
    resolution_fields = ["name_in_factsheet", "lau_code", "resolved_name", "why"]
    extra = {
        "programme_results": (result_fields, results,
                              {"fields": [{"name": f, "type": "integer" if f in ("value", "year") else "string"} for f in result_fields]}),
        "priority_resolution": (resolution_fields, resolution_rows, {"fields": [{"name": f, "type": "string"} for f in resolution_fields]}),
    }
    write_source("lnb_factsheets", package, observations, indicators, extra)


def build_lnb_pages() -> None:
    facts = []
    for r in read_raw("lnb_programme_facts.csv"):
        url = r["source"].split(" ")[0]
        facts.append({"area_code": r["lau_code"] or "AL", "fact": r["indicator"], "period": r["year"], "value": r["value"],
                      "unit": r["unit"], "url": url})
    fields = ["area_code", "fact", "period", "value", "unit", "url"]
    package = {
        "title": "Leave No One Behind: facts on programme and municipal web pages",
        "description": "Programme facts (funding, coverage, grants) and what LNB did in named municipalities, as stated on public pages.",
        "publisher": "UN Albania, UNDP, UNICEF, and the municipalities of Përmet and Devoll (each row names its page)",
        "homepage": "https://albania.un.org/en/112612-leave-no-one-behind-joint-programme",
        "sources": sorted(({"title": f["url"], "path": f["url"]} for f in facts), key=lambda s: s["path"]),
        "licenses": [{"name": "unspecified", "title": "License not stated on the pages", "path": "https://albania.un.org/"}],
        "reference_date": "2017-2025",
        "caveats": ["Several values are text, not numbers, and periods are as stated on each page.",
                    "The 2017-2019 expenditure figures come from the LNB Annual Progress Report July 2019 - June 2020 (executive summary)."],
    }
    package["sources"] = [s for i, s in enumerate(package["sources"]) if s not in package["sources"][:i]]
    write_source("lnb_web_pages", package, None, None,
                 {"programme_facts": (fields, facts, {"fields": [{"name": f, "type": "string"} for f in fields]})})


def main() -> None:
    municipalities = build_reference()
    build_eurostat_lau2019()
    build_elections()
    build_covid()
    build_budget()
    build_lnb_factsheets(municipalities)
    build_lnb_pages()
    print(f"curated {len(list((DATA / 'sources').iterdir()))} sources into {DATA}")


if __name__ == "__main__":
    main()
