"""Write the name layer of data/reference/: definite and genitive forms, the 373 former units and the one alias table.

Inputs: the codes and official names already in data/reference/municipalities.csv and counties.csv (written by
scripts/curate_data.py), the hand-written Albanian forms in ``FORMS`` below, the Eurostat LAU 2019 spellings and the
373-unit crosswalk in the project's raw material (../shared). Outputs, owned by this script (run by hand; the output
is committed):

- ``municipalities.csv`` and ``counties.csv``: the columns ``name_definite`` and ``name_genitive``
  (for templates such as "Vendndodhja e Kamzës");
- ``former_units.csv``: the 373 administrative units (communes and municipalities before the 2015 reform);
- ``aliases.csv``: every spelling of every area, one row per form: ``alias, level, code, kind, note``.
  This supersedes the alias part of scripts/curate_data.py.
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lnb_dash.levels import LEVELS
from lnb_dash.names import KINDS, fold, normalize_name

REF = ROOT / "data" / "reference"
SHARED = ROOT.parent / "shared" / "data"
EUROSTAT = SHARED / "indicators" / "municipalities.csv"
CROSSWALK = SHARED / "geo" / "admin_units_373_to_municipalities_61.csv"
UNITS = SHARED / "geo" / "admin_units_373.geojson"

# Official name -> (definite, genitive), for all 61 municipalities; the 12 counties carry the name of their seat.
# Feminine names in -ë take -a / -ës (Korçë, Korça, Korçës); feminine names in -ër lose the ë (Shkodër, Shkodra,
# Shkodrës), as does Kamëz (Kamza, Kamzës); masculine names take -i / -it (Fier, Fieri, Fierit), or -u / -ut after
# k and g (Shijak, Shijaku, Shijakut). Compound names decline their head (Malësia e Madhe, Malësisë së Madhe).
FORMS = {
    "Belsh": ("Belshi", "Belshit"),
    "Berat": ("Berati", "Beratit"),
    "Bulqizë": ("Bulqiza", "Bulqizës"),
    "Cërrik": ("Cërriku", "Cërrikut"),
    "Delvinë": ("Delvina", "Delvinës"),
    "Devoll": ("Devolli", "Devollit"),
    "Dibër": ("Dibra", "Dibrës"),
    "Dimal": ("Dimali", "Dimalit"),
    "Divjakë": ("Divjaka", "Divjakës"),
    "Dropull": ("Dropulli", "Dropullit"),
    "Durrës": ("Durrësi", "Durrësit"),
    "Elbasan": ("Elbasani", "Elbasanit"),
    "Fier": ("Fieri", "Fierit"),
    "Finiq": ("Finiqi", "Finiqit"),
    "Fushë-Arrëz": ("Fushë-Arrëzi", "Fushë-Arrëzit"),
    "Gjirokastër": ("Gjirokastra", "Gjirokastrës"),
    "Gramsh": ("Gramshi", "Gramshit"),
    "Has": ("Hasi", "Hasit"),
    "Himarë": ("Himara", "Himarës"),
    "Kamëz": ("Kamza", "Kamzës"),
    "Kavajë": ("Kavaja", "Kavajës"),
    "Këlcyrë": ("Këlcyra", "Këlcyrës"),
    "Klos": ("Klosi", "Klosit"),
    "Kolonjë": ("Kolonja", "Kolonjës"),
    "Konispol": ("Konispoli", "Konispolit"),
    "Korçë": ("Korça", "Korçës"),
    "Krujë": ("Kruja", "Krujës"),
    "Kuçovë": ("Kuçova", "Kuçovës"),
    "Kukës": ("Kukësi", "Kukësit"),
    "Kurbin": ("Kurbini", "Kurbinit"),
    "Lezhë": ("Lezha", "Lezhës"),
    "Libohovë": ("Libohova", "Libohovës"),
    "Librazhd": ("Librazhdi", "Librazhdit"),
    "Lushnjë": ("Lushnja", "Lushnjës"),
    "Malësi e Madhe": ("Malësia e Madhe", "Malësisë së Madhe"),
    "Maliq": ("Maliqi", "Maliqit"),
    "Mallakastër": ("Mallakastra", "Mallakastrës"),
    "Mat": ("Mati", "Matit"),
    "Memaliaj": ("Memaliaji", "Memaliajt"),
    "Mirditë": ("Mirdita", "Mirditës"),
    "Patos": ("Patosi", "Patosit"),
    "Peqin": ("Peqini", "Peqinit"),
    "Përmet": ("Përmeti", "Përmetit"),
    "Pogradec": ("Pogradeci", "Pogradecit"),
    "Poliçan": ("Poliçani", "Poliçanit"),
    "Prrenjas": ("Prrenjasi", "Prrenjasit"),
    "Pukë": ("Puka", "Pukës"),
    "Pustec": ("Pusteci", "Pustecit"),
    "Roskovec": ("Roskoveci", "Roskovecit"),
    "Rrogozhinë": ("Rrogozhina", "Rrogozhinës"),
    "Sarandë": ("Saranda", "Sarandës"),
    "Selenicë": ("Selenica", "Selenicës"),
    "Shijak": ("Shijaku", "Shijakut"),
    "Shkodër": ("Shkodra", "Shkodrës"),
    "Skrapar": ("Skrapari", "Skraparit"),
    "Tepelenë": ("Tepelena", "Tepelenës"),
    "Tiranë": ("Tirana", "Tiranës"),
    "Tropojë": ("Tropoja", "Tropojës"),
    "Vau i Dejës": ("Vau i Dejës", "Vaut të Dejës"),
    "Vlorë": ("Vlora", "Vlorës"),
    "Vorë": ("Vora", "Vorës"),
}

# Earlier names and other spellings in use, by LAU code: (alias, kind, note).
MUNICIPALITY_EXTRA = {
    "AL151": [("Fushë Arrës", "variant", "INSTAT/Eurostat spelling"), ("Fushë-Arrës", "variant", "INSTAT spelling with hyphen"),
              ("Fushe-Arrez", "source", "CEC election data")],
    "AL155": [("Vau I Dejes", "source", "CEC election data"), ("Vau-Dejës", "variant", "spelling of the town in OpenStreetMap")],
    "AL217": [("Përrenjas", "variant", "older spelling of Prrenjas")],
    "AL315": [("Ura Vajgurore", "old_name", "name until the 2021 renaming to Dimal"),
              ("Ura Vajgurore", "definite", "Albanian definite form of Ura Vajgurore (already definite)"),
              ("Urës Vajgurore", "genitive", "Albanian genitive form of Ura Vajgurore"),
              ("Ura Vajqurore", "source", "misspelling in the LNB 2019-2020 factsheet")],
    "AL323": [("Lushnje", "variant", "INSTAT/Eurostat spelling")],
    "AL344": [("Malig", "source", "misspelling in the LNB 2019-2020 factsheet")],
    "AL346": [("Liqenas", "old_name", "name of the commune until its renaming to Pustec in 2013")],
}

# OpenStreetMap names of former units that are plainly misspelt there (ö is not an Albanian letter).
UNIT_NAME_FIXES = {"Shköder": "Shkodër", "Ana e malit": "Ana e Malit", "Përrenjas": "Prrenjas"}

# Unit names the definite rule gets wrong: Rrethinat is a plural ("the surroundings"), Frakull is feminine (Frakulla).
NO_RULE_DEFINITE = {"Rrethinat", "Frakull"}

LEVEL_ORDER = {level: i for i, level in enumerate(LEVELS)}
KIND_ORDER = {k: i for i, k in enumerate(KINDS)}


def strip_diacritics(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write_csv(path: Path, columns: list[str], rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, columns, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def area_forms(level: str, name: str) -> list[tuple[str, str, str]]:
    """Official, definite, genitive, their ASCII spellings and the prefixed forms of a municipality or county."""
    definite, genitive = FORMS[name]
    forms = [(name, "official", f"current official name of the {level}"),
             (definite, "definite", f"Albanian definite form of {name}"),
             (genitive, "genitive", f"Albanian genitive form of {name}")]
    forms += [(strip_diacritics(f), "ascii", f"{f} without diacritics") for f, _, _ in forms[:3]]
    if level == "municipality":
        forms += [(f"Bashkia {name}", "prefixed", "Bashkia + name"), (f"Bashkia e {genitive}", "prefixed", "Bashkia e + genitive"),
                  (f"Municipality of {name}", "english", "English")]
    else:
        forms += [(f"Qarku {name}", "prefixed", "Qarku + name"), (f"Qarku i {genitive}", "prefixed", "Qarku i + genitive"),
                  (f"{name} County", "english", "English"), (f"{definite} County", "english", "English, with the definite form")]
    return forms


def simple_definite(name: str) -> str | None:
    """The definite form of a one-word unit name where the rule is plain, else None.

    -ë → -a (Drenovë → Drenova), -i → -ia (Peshkopi → Peshkopia), -k/-g → -u (Koplik → Kopliku), other consonants → -i
    (Burrel → Burreli). Names whose last syllable has ë before a final consonant are left out: the ë usually drops
    (Ishëm → Ishmi), which a rule cannot know.
    """
    if " " in name or "-" in name or name in NO_RULE_DEFINITE or re.search(r"ë[^aeiouyë]+$", name):
        return None
    if name.endswith("ë"):
        return name[:-1] + "a"
    if name.endswith("i"):
        return name + "a"
    if name.endswith(("k", "g")):
        return name + "u"
    if name[-1] not in "aeiouyë":
        return name + "i"
    return None


def former_units(municipalities: dict[str, dict]) -> list[dict]:
    """The 373 units with a code: the municipality's LAU code and a two-digit index in the order of the pre-2015 COM_ID."""
    import json

    features = json.loads(UNITS.read_text(encoding="utf-8"))["features"]
    rows = read_csv(CROSSWALK)
    assert len(rows) == 373 and all(r["overlap_frac"] == "1.0" for r in rows)
    units = []
    for r in rows:
        props = features[int(r["feature_index"])]["properties"]
        assert props["name"] == r["unit_name"] and str(props["COM_ID"]) == r["COM_ID"]
        units.append({
            "name": UNIT_NAME_FIXES.get(r["unit_name"], r["unit_name"]), "name_osm": r["unit_name"],
            "name_election_file": props["COMMUN_NAM"],
            "lau_code": r["lau_code"], "county_code": municipalities[r["lau_code"]]["county_code"],
            "type_pre2015": r["ADMINSTATE_pre2015"].lower(), "district_pre2015": r["DISTRICT_pre2015"].title().replace(" E ", " e "),
            "com_id": r["COM_ID"], "osm_relation_id": r["osm_relation_id"],
        })
    units.sort(key=lambda u: (u["lau_code"], int(u["com_id"])))
    index: dict[str, int] = {}
    for u in units:
        index[u["lau_code"]] = index.get(u["lau_code"], 0) + 1
        u["unit_code"] = f"{u['lau_code']}{index[u['lau_code']]:02d}"
    return units


def unit_forms(unit: dict, municipality_name: str) -> list[tuple[str, str, str]]:
    name = unit["name"]
    forms = [(name, "official", "name of the administrative unit (former commune or municipality) in OpenStreetMap"),
             (f"{name} ({municipality_name})", "qualified", "name with its municipality, for names shared by several units"),
             (strip_diacritics(name), "ascii", f"{name} without diacritics")]
    forms += [(unit["name_osm"], "source", "name as written in OpenStreetMap"),
              (unit["name_election_file"], "source", "name as written in the 2017 election file")]
    definite = simple_definite(name)
    if definite:
        forms += [(definite, "definite", f"Albanian definite form of {name} (rule-based)"),
                  (strip_diacritics(definite), "ascii", f"{definite} without diacritics")]
    return forms


def dedupe(rows: list[dict]) -> list[dict]:
    """One row per (level, code, alias text); the most telling kind wins (official before ascii, …)."""
    best: dict[tuple[str, str, str], dict] = {}
    for row in sorted(rows, key=lambda r: KIND_ORDER[r["kind"]]):
        best.setdefault((row["level"], row["code"], row["alias"]), row)
    return list(best.values())


def drop_shared_keys(rows: list[dict]) -> list[dict]:
    """A form may name one area per level: where several share it, the one whose form ranks best keeps it (an
    official name beats another unit's old spelling); on a tie nobody does, and the resolver lists the candidates."""
    groups: dict[tuple[str, str], list[dict]] = {}
    for r in rows:
        groups.setdefault((r["level"], normalize_name(r["alias"])), []).append(r)
    kept = []
    for (level, key), group in sorted(groups.items()):
        rank = {}
        for r in group:
            rank[r["code"]] = min(rank.get(r["code"], 99), KIND_ORDER[r["kind"]])
        if len(rank) == 1:
            kept += group
            continue
        best = min(rank.values())
        winners = [c for c, v in rank.items() if v == best]
        print(f"{level} {key!r} is shared by {sorted(rank)}: " + (f"kept for {winners[0]}" if len(winners) == 1 else "left out"))
        if len(winners) == 1:
            kept += [r for r in group if r["code"] == winners[0]]
    return kept


def main() -> None:
    # Load inputs.
    municipalities = read_csv(REF / "municipalities.csv")
    counties = read_csv(REF / "counties.csv")
    eurostat = {r["lau_code"]: r for r in read_csv(EUROSTAT)}
    by_code = {m["lau_code"]: m for m in municipalities}
    assert len(municipalities) == 61 and len(counties) == 12
    assert set(FORMS) >= {m["name"] for m in municipalities} | {c["name"] for c in counties}

    # Process data.
    aliases: list[dict] = []

    def add(level: str, code: str, forms: list[tuple[str, str, str]]) -> None:
        aliases.extend({"alias": a, "level": level, "code": code, "kind": k, "note": n} for a, k, n in forms if a and a.strip())

    for m in municipalities:
        m["name_definite"], m["name_genitive"] = FORMS[m["name"]]
        e = eurostat[m["lau_code"]]
        extra = [(e["name_eurostat_national"], "eurostat", "Eurostat LAU 2019, upper case"),
                 (e["name_sq"], "eurostat", "Eurostat LAU 2019 spelling")] + MUNICIPALITY_EXTRA.get(m["lau_code"], [])
        add("municipality", m["lau_code"], area_forms("municipality", m["name"]) + extra)
    for c in counties:
        c["name_definite"], c["name_genitive"] = FORMS[c["name"]]
        add("county", c["county_code"], area_forms("county", c["name"]))
    units = former_units(by_code)
    for u in units:
        add("former_unit", u["unit_code"], unit_forms(u, by_code[u["lau_code"]]["name"]))
    aliases = drop_shared_keys(dedupe(aliases))
    aliases.sort(key=lambda r: (LEVEL_ORDER[r["level"]], r["code"], KIND_ORDER[r["kind"]], r["alias"]))
    assert all(fold(r["alias"]) for r in aliases)

    # Save outputs.
    write_csv(REF / "municipalities.csv", [c for c in municipalities[0] if c not in ("name_definite", "name_genitive")]
              + ["name_definite", "name_genitive"], municipalities)
    write_csv(REF / "counties.csv", ["county_code", "name", "name_definite", "name_genitive", "nuts3_code"], counties)
    write_csv(REF / "former_units.csv", ["unit_code", "name", "lau_code", "county_code", "type_pre2015", "district_pre2015", "com_id",
                                         "osm_relation_id", "name_osm"], units)
    write_csv(REF / "aliases.csv", ["alias", "level", "code", "kind", "note"], aliases)
    counts = {level: sum(r["level"] == level for r in aliases) for level in LEVELS}
    print(f"wrote {len(units)} former units and {len(aliases)} aliases {counts}")


if __name__ == "__main__":
    main()
