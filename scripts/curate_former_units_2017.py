"""Write data/sources/cec_parliament_2017_former_units/: the 2017 parliamentary election by former unit.

Input: the raw 373-unit layer in the project's raw material (../shared/data/geo/admin_units_373.geojson, from
Albania Election Data's ``static/js/data/elections2017/turnoutKom2017.geojson``) with its crosswalk, and
data/reference/former_units.csv (written by scripts/curate_names.py). Each feature's ``regVoters``, ``totalVotes`` and
``percent`` become parl_registered_voters, parl_voters and parl_turnout for 2017 at its unit code, joined on the
OpenStreetMap relation id, never on names. ``POP_97`` and ``FAM_97`` are left out: the file does not say what they
are, and they do not add up to any known total. Run by hand (``python scripts/curate_former_units_2017.py``); the
output is committed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import yaml

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT.parent / "shared" / "data" / "geo"
OUT = ROOT / "data" / "sources" / "cec_parliament_2017_former_units"
REPOSITORY = "https://github.com/mbaldassaro/albaniaelectiondata"
COMMIT = "2e6363da7fed129f6df78d2632a4b9e9bcf45fb2"
RAW_PATH = "static/js/data/elections2017/turnoutKom2017.geojson"
# Property of the raw layer -> indicator (definitions and units in data/sources/cec_elections/indicators.yml).
INDICATORS = {"regVoters": "parl_registered_voters", "totalVotes": "parl_voters", "percent": "parl_turnout"}
YEAR = "2017"

PACKAGE = {
    "name": "cec_parliament_2017_former_units",
    "title": "Parliamentary election 2017 by former unit (the 373 communes and municipalities before 2015): "
             "registered voters, voters and turnout",
    "title_sq": "Zgjedhjet parlamentare 2017 sipas njësive të mëparshme (373 komunat dhe bashkitë para 2015): "
                "zgjedhës të regjistruar, votues dhe pjesëmarrja",
    "description": "Registered voters, voters and turnout of the parliamentary election of 25 June 2017 for each of the 373 "
                   "administrative units before the 2015 territorial reform, as published on the Albania Election Data "
                   "platform's 2017 unit map. Keyed by the project's former-unit codes (data/reference/former_units.csv).",
    "description_sq": "Zgjedhës të regjistruar, votues dhe pjesëmarrja në zgjedhjet parlamentare të 25 qershorit 2017 për secilën "
                      "nga 373 njësitë vendore para reformës territoriale të 2015, siç i boton harta e njësive 2017 e platformës "
                      "Albania Election Data. Të lidhura me kodet e njësive të projektit (data/reference/former_units.csv).",
    "publisher": "Central Election Commission of Albania (CEC); opened by the Coalition of Domestic Observers & Democracy "
                 "International (Albania Election Data)",
    "publisher_sq": "Komisioni Qendror i Zgjedhjeve (KQZ); hapur nga Koalicioni i Vëzhguesve Vendas dhe Democracy International "
                    "(Albania Election Data)",
    "homepage": REPOSITORY,
    "sources": [
        {"title": f"Albania Election Data, {RAW_PATH} @ {COMMIT}", "path": f"{REPOSITORY}/blob/{COMMIT}/{RAW_PATH}"},
        {"title": "Albania Election Data, 'Data' notice (templates/base.html): official CEC election data; "
                  "'The data is licensed under CC-BY-SA 4.0'", "path": f"{REPOSITORY}/blob/master/templates/base.html"},
    ],
    "licenses": [{"name": "CC-BY-SA-4.0", "title": "Creative Commons Attribution-ShareAlike 4.0, as stated by Albania Election Data "
                                                   "for its data; the unit boundaries are OpenStreetMap data (ODbL 1.0)",
                  "path": "https://creativecommons.org/licenses/by-sa/4.0/"}],
    "licenses_sq": ["Creative Commons Atribuim-Shpërndaj njësoj 4.0, siç e deklaron Albania Election Data për të dhënat e saj; "
                    "kufijtë e njësive janë të dhëna të OpenStreetMap (ODbL 1.0)"],
    "reference_date": "2017-06-25",
    "retrieved": "2026-11-24",
    "caveats": [
        "The election was held on the 61-municipality map; the results by pre-2015 unit are the platform's breakdown "
        "(how polling stations were assigned to units is not documented). Summed by municipality, they equal the "
        "61 municipal figures of source cec_elections exactly (registered voters and voters, all 61).",
        "Turnout (percent) is as published, 2 decimals; it equals voters / registered voters for all 373 units. "
        "Municipal, county and national turnout are computed from summed counts, never by averaging unit rates.",
        "Units are OpenStreetMap's admin_level=8 relations as they were around 2016; villages moved between units "
        "by the 2015 law are not reflected.",
        "No breakdown by sex at this level. The file's POP_97 and FAM_97 fields are left out: unexplained, and they "
        "do not add up to a known total.",
    ],
    "caveats_sq": [
        "Zgjedhjet u zhvilluan sipas hartës me 61 bashki; rezultatet sipas njësive para 2015 janë ndarja e platformës "
        "(nuk dokumentohet si u caktuan qendrat e votimit te njësitë). Të mbledhura sipas bashkisë, ato barazojnë saktësisht "
        "shifrat e 61 bashkive të burimit cec_elections (zgjedhës të regjistruar dhe votues, të 61-at).",
        "Pjesëmarrja (përqindja) është siç u botua, me 2 shifra dhjetore; ajo barazon votues / zgjedhës të regjistruar për "
        "të 373 njësitë. Pjesëmarrja e bashkive, qarqeve dhe e Shqipërisë llogaritet nga shumat, kurrë si mesatare e përqindjeve.",
        "Njësitë janë relacionet admin_level=8 të OpenStreetMap-it siç ishin rreth vitit 2016; fshatrat e zhvendosur "
        "midis njësive me ligjin e 2015 nuk pasqyrohen.",
        "Pa ndarje sipas gjinisë në këtë nivel. Fushat POP_97 dhe FAM_97 të skedarit lihen jashtë: të pashpjeguara, "
        "dhe nuk mblidhen në asnjë total të njohur.",
    ],
}


def main() -> None:
    # Load inputs.
    features = json.loads((RAW / "admin_units_373.geojson").read_text(encoding="utf-8"))["features"]
    crosswalk = pd.read_csv(RAW / "admin_units_373_to_municipalities_61.csv", dtype=str)
    reference = pd.read_csv(ROOT / "data" / "reference" / "former_units.csv", dtype=str)
    assert len(features) == len(crosswalk) == len(reference) == 373

    # Process data.
    raw = pd.DataFrame([{"feature_index": str(i), **{k: f["properties"][k] for k in INDICATORS}} for i, f in enumerate(features)])
    raw = raw.merge(crosswalk[["feature_index", "osm_relation_id"]], on="feature_index", validate="one_to_one")
    units = raw.merge(reference[["unit_code", "osm_relation_id"]], on="osm_relation_id", validate="one_to_one")
    assert len(units) == 373 and units[list(INDICATORS)].notna().all().all()
    assert ((units.totalVotes / units.regVoters * 100).round(2) - units.percent).abs().max() < 0.006
    rows = [{"area_code": u.unit_code, "indicator": indicator, "breakdown": "total", "year": YEAR,
             "value": str(float(u[prop])) if prop == "percent" else str(int(u[prop])), "status": "value",
             "break_in_series": "false", "note": RAW_PATH}
            for _, u in units.iterrows() for prop, indicator in INDICATORS.items()]
    observations = pd.DataFrame(rows).sort_values(["indicator", "area_code"])

    # Save outputs.
    OUT.mkdir(parents=True, exist_ok=True)
    observations.to_csv(OUT / "observations.csv", index=False, lineterminator="\n")
    package = dict(PACKAGE, resources=[{
        "name": "observations", "path": "observations.csv", "profile": "tabular-data-resource", "format": "csv", "encoding": "utf-8",
        "schema": {"fields": [
            {"name": "area_code", "type": "string",
             "description": "former-unit code (AL11101…, LAU code + index; data/reference/former_units.csv)"},
            {"name": "indicator", "type": "string", "description": "parl_registered_voters, parl_voters or parl_turnout"},
            {"name": "breakdown", "type": "string", "description": "total"},
            {"name": "year", "type": "integer"},
            {"name": "value", "type": "number"},
            {"name": "status", "type": "string"},
            {"name": "break_in_series", "type": "boolean"},
            {"name": "note", "type": "string", "description": "file of the source repository the value was read from"},
        ], "primaryKey": ["area_code", "indicator", "breakdown", "year"]},
    }])
    (OUT / "datapackage.yaml").write_text(yaml.safe_dump(package, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
    print(f"wrote {OUT} ({len(observations)} observations, {observations.area_code.nunique()} units)")


if __name__ == "__main__":
    main()
