"""Build ``data/lnb.duckdb`` from the data folder.

The database is written to a temporary file beside the target and moved into place in one
``os.replace``: a failed build leaves the previous database exactly as it was, and readers holding
the old file keep a complete copy until they reopen. Same inputs, same tables (idempotent).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import duckdb
import pandas as pd

from lnb_dash import config
from lnb_dash.data.check import CheckResult, area_level, check_data
from lnb_dash.data.flags import apply_flags
from lnb_dash.data.former_units import AGGREGATED_NOTE, complete_sums
from lnb_dash.data.sources import CITATION_COLUMNS, READ_AT_COLUMN

SCHEMA = """
CREATE TABLE municipalities (lau_code VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, name_ascii VARCHAR, qark VARCHAR NOT NULL,
    county_code VARCHAR NOT NULL, nuts3_code VARCHAR, instat_code VARCHAR, cec_bas_id VARCHAR, gisco_id VARCHAR,
    name_definite VARCHAR NOT NULL, name_genitive VARCHAR NOT NULL);
CREATE TABLE counties (county_code VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, name_definite VARCHAR NOT NULL,
    name_genitive VARCHAR NOT NULL, nuts3_code VARCHAR);
CREATE TABLE former_units (unit_code VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, lau_code VARCHAR NOT NULL, county_code VARCHAR NOT NULL,
    type_pre2015 VARCHAR, district_pre2015 VARCHAR, com_id VARCHAR, osm_relation_id VARCHAR, name_osm VARCHAR);
CREATE TABLE aliases (alias VARCHAR NOT NULL, level VARCHAR NOT NULL, code VARCHAR NOT NULL, kind VARCHAR NOT NULL, note VARCHAR);
CREATE TABLE sources (source_id VARCHAR PRIMARY KEY, title VARCHAR NOT NULL, description VARCHAR, publisher VARCHAR NOT NULL,
    homepage VARCHAR, license VARCHAR NOT NULL, license_url VARCHAR, reference_date VARCHAR, retrieved VARCHAR,
    caveats VARCHAR, citations VARCHAR, title_sq VARCHAR, caveats_sq VARCHAR, description_sq VARCHAR, publisher_sq VARCHAR,
    license_sq VARCHAR, reference_date_sq VARCHAR);
CREATE TABLE indicators (indicator_id VARCHAR PRIMARY KEY, theme VARCHAR NOT NULL, kind VARCHAR NOT NULL, aggregate VARCHAR,
    decimals INTEGER NOT NULL, higher_is_better BOOLEAN, name_sq VARCHAR NOT NULL, name_en VARCHAR NOT NULL,
    unit_sq VARCHAR NOT NULL, unit_en VARCHAR NOT NULL, definition_sq VARCHAR, definition_en VARCHAR,
    source_note_sq VARCHAR, source_note_en VARCHAR, categories VARCHAR, sensitive BOOLEAN NOT NULL, source_id VARCHAR NOT NULL);
CREATE TABLE observations (area_code VARCHAR NOT NULL, area_level VARCHAR NOT NULL, indicator_id VARCHAR NOT NULL,
    breakdown VARCHAR NOT NULL, year INTEGER NOT NULL, value DOUBLE, status VARCHAR NOT NULL, break_in_series BOOLEAN NOT NULL,
    source_id VARCHAR NOT NULL, note VARCHAR, computed BOOLEAN NOT NULL,
    citation_url VARCHAR, citation_title VARCHAR, citation_text VARCHAR, citation_retrieved VARCHAR, read_at_url VARCHAR,
    flag_sq VARCHAR, flag_en VARCHAR,
    PRIMARY KEY (area_code, indicator_id, breakdown, year));
CREATE TABLE build_info (key VARCHAR PRIMARY KEY, value VARCHAR);
"""


OBSERVATION_TABLE_COLUMNS = ["area_code", "area_level", "indicator_id", "breakdown", "year", "value", "status", "break_in_series",
                             "source_id", "note", "computed", *CITATION_COLUMNS, READ_AT_COLUMN, "flag_sq", "flag_en"]


class BuildError(RuntimeError):
    """The data folder did not pass ``check``; the database was left as it was."""

    def __init__(self, problems):
        self.problems = problems
        listed = "\n".join(f"  - {p}" for p in problems[:20])
        more = f"\n  … and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{len(problems)} problem(s) in the data; the database was not changed:\n{listed}{more}")


def build_observations(result: CheckResult, catalogue: pd.DataFrame) -> pd.DataFrame:
    """Load the sources' observations and add the municipal, county and national aggregates that are valid.

    Returns columns: area_code, area_level, indicator_id, breakdown, year, value, status,
    break_in_series, source_id, note, computed, and the per-value citation (citation_url, citation_title,
    citation_text, citation_retrieved; empty unless the source gives one). A value a source reports
    for a municipality, a county or Albania always wins over a sum computed from smaller areas; municipal
    values summed from former units then count towards county and national sums like reported ones.
    """
    # Load inputs.
    frames = [s.observations.assign(source_id=s.source_id) for s in result.sources if s.observations is not None]
    obs = pd.concat(frames, ignore_index=True).rename(columns={"indicator": "indicator_id"})
    cited = [*CITATION_COLUMNS, READ_AT_COLUMN]
    obs = obs.reindex(columns=[*obs.columns, *(c for c in cited if c not in obs.columns)])
    obs[cited] = obs[cited].replace("", None)
    obs["year"] = obs["year"].astype(int)
    obs["value"] = pd.to_numeric(obs["value"].where(obs["status"] == "value"), errors="coerce")
    obs["break_in_series"] = obs["break_in_series"] == "true"
    obs["area_level"] = obs["area_code"].map(area_level)
    obs["computed"] = False

    # Process data.
    municipalities = result.reference["municipalities"][["lau_code", "county_code"]]
    sensitive = set(catalogue.loc[catalogue.sensitive, "indicator_id"])
    obs = suppress_small_counts(obs, sensitive, municipalities, config.SUPPRESSION_THRESHOLD)
    from_units = aggregate_former_units(obs, result.reference["former_units"], catalogue)
    obs = pd.concat([obs, _not_reported(from_units, obs).reindex(columns=obs.columns)], ignore_index=True)
    obs = apply_flags(obs, catalogue)
    aggregates = aggregate_observations(obs, municipalities, catalogue)
    reported = set(zip(obs.area_code, obs.indicator_id, obs.breakdown, obs.year))
    keep = [k not in reported for k in zip(aggregates.area_code, aggregates.indicator_id, aggregates.breakdown, aggregates.year)]
    gaps = missing_municipalities(obs, municipalities.lau_code)
    aggregates = aggregates.reindex(columns=OBSERVATION_TABLE_COLUMNS)
    out = pd.concat([obs[OBSERVATION_TABLE_COLUMNS], gaps[OBSERVATION_TABLE_COLUMNS], aggregates[keep]], ignore_index=True)
    return out.sort_values(["indicator_id", "breakdown", "year", "area_code"]).reset_index(drop=True)


def _not_reported(aggregates: pd.DataFrame, obs: pd.DataFrame) -> pd.DataFrame:
    """The aggregates whose area, indicator, breakdown and year no source reports (a reported value always wins)."""
    reported = set(zip(obs.area_code, obs.indicator_id, obs.breakdown, obs.year))
    keep = [k not in reported for k in zip(aggregates.area_code, aggregates.indicator_id, aggregates.breakdown, aggregates.year)]
    return aggregates[keep]


def _suppress(obs: pd.DataFrame, mask: pd.Series, note: str) -> None:
    obs.loc[mask, "value"] = float("nan")
    obs.loc[mask, "status"] = "suppressed"
    obs.loc[mask, "note"] = note


def suppress_small_counts(obs: pd.DataFrame, sensitive: set[str], municipalities: pd.DataFrame, threshold: int) -> pd.DataFrame:
    """Primary and secondary suppression of small counts for indicators marked ``sensitive``.

    Primary: a count from 1 to threshold-1 becomes 'suppressed'. Secondary: where a total is shown,
    a single suppressed part could be recovered by subtraction, so one more part is suppressed: the
    other sex when one sex is suppressed, the smallest other municipality of a county (or of
    Albania) whose total is shown, and the smallest other former unit of a municipality whose total is shown.
    """
    obs = obs.copy()
    if not sensitive or threshold <= 1:
        return obs
    in_scope = obs.indicator_id.isin(sensitive)
    primary = in_scope & (obs.status == "value") & (obs.value > 0) & (obs.value < threshold)
    _suppress(obs, primary, f"fewer than {threshold}: suppressed to protect the people counted")
    secondary = f"suppressed so that a suppressed count cannot be recovered by subtraction (threshold {threshold})"
    for _ in range(3):  # a secondary suppression can itself expose another cell; a few passes settle it
        changed = False
        scoped = obs[obs.indicator_id.isin(sensitive)]
        for _, group in scoped.groupby(["area_code", "indicator_id", "year"]):
            sexes = group[group.breakdown.isin(["female", "male"])]
            if len(sexes) == 2 and (sexes.status == "suppressed").sum() == 1 and (group.breakdown == "total").any():
                _suppress(obs, obs.index.isin(sexes[sexes.status == "value"].index), secondary)
                changed = True
        groups = {"county": municipalities.set_index("lau_code").county_code, "national": None}
        scoped = obs[obs.indicator_id.isin(sensitive)]
        for _, group in scoped.groupby(["indicator_id", "breakdown", "year"]):
            members = group[group.area_level == "municipality"]
            units = group[group.area_level == "former_unit"]
            totals = group[(group.area_level != "former_unit") & (group.status == "value")]
            for total in totals.itertuples():
                if total.area_level == "municipality":  # its former units, when a source gives them too
                    part = units[units.area_code.str.startswith(total.area_code)]
                elif total.area_level == "county":
                    part = members[members.area_code.map(groups["county"]) == total.area_code]
                else:
                    part = members
                if (part.status == "suppressed").sum() == 1 and (part.status == "value").any():
                    smallest = part[part.status == "value"].value.idxmin()
                    _suppress(obs, obs.index == smallest, secondary)
                    changed = True
        if not changed:
            break
    return obs


def missing_municipalities(obs: pd.DataFrame, codes: pd.Series) -> pd.DataFrame:
    """Explicit 'not_reported' rows for municipalities a source leaves out of an indicator-year it covers.

    Every municipal indicator-year then has 61 rows, so tables and downloads show the gaps as gaps.
    """
    municipal = obs[obs.area_level == "municipality"]
    groups = municipal.groupby(["indicator_id", "breakdown", "year"]).agg(
        source_id=("source_id", "first"), present=("area_code", set), from_units=("computed", "all"))
    rows = [
        {"area_code": code, "area_level": "municipality", "indicator_id": ind, "breakdown": brk, "year": year, "value": float("nan"),
         "status": "not_reported", "break_in_series": False, "source_id": g.source_id, "computed": False,
         "note": "not every former unit of this municipality has a value in the source" if g.from_units else "not in the source"}
        for (ind, brk, year), g in groups.iterrows() for code in codes if code not in g.present
    ]
    return pd.DataFrame(rows).reindex(columns=obs.columns)


def aggregate_observations(obs: pd.DataFrame, municipalities: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    """County and national sums of counts, and ratios of such sums (e.g. turnout = voters / registered).

    An aggregate exists only where every municipality of the area has an unflagged value (data/flags.py): a partial
    sum would be wrong, a sum over doubtful values misleading, and an average of rates is never a valid rate.
    """
    groups = {"county": municipalities.set_index("lau_code")["county_code"],
              "national": pd.Series(config.NATIONAL_CODE, index=municipalities["lau_code"])}
    size = {level: g.value_counts() for level, g in groups.items()}
    municipal = obs[(obs.area_level == "municipality") & (obs.status == "value") & obs.flag_sq.isna()]
    sums = []
    for level, mapping in groups.items():
        frame = municipal.assign(area_code=municipal.area_code.map(mapping))
        agg = frame.groupby(["area_code", "indicator_id", "breakdown", "year"]).agg(
            value=("value", "sum"), n=("value", "size"), source_id=("source_id", "first"), brk=("break_in_series", "any")).reset_index()
        agg = agg[agg.n == agg.area_code.map(size[level])]
        agg["area_level"] = level
        sums.append(agg)
    return apply_aggregate_rules(pd.concat(sums, ignore_index=True), catalogue, "municipalities")


def aggregate_former_units(obs: pd.DataFrame, former_units: pd.DataFrame, catalogue: pd.DataFrame) -> pd.DataFrame:
    """Municipal sums of counts given by former unit, and ratios of such sums, where every unit of the municipality has one.

    Each carries "aggregated from former units" in its note and computed = true. Rates and shares given by former
    unit are never summed (their rule is a ratio of counts, or none).
    """
    values = obs[(obs.area_level == "former_unit") & (obs.status == "value")]
    sums = complete_sums(values, former_units).assign(area_level="municipality")
    out = apply_aggregate_rules(sums, catalogue, "former units")
    out["note"] = AGGREGATED_NOTE + " (" + out.note.str.removeprefix("computed: ") + ")"
    return out


def apply_aggregate_rules(sums_df: pd.DataFrame, catalogue: pd.DataFrame, parts: str) -> pd.DataFrame:
    """Each indicator's aggregate rule applied to complete sums of its ``parts`` (municipalities or former units).

    ``sums_df``: area_code, area_level, indicator_id, breakdown, year, value, n, source_id, brk. 'sum' keeps the sum,
    a ratio divides two sums, 'none' gives nothing.
    """
    out = []
    for ind in catalogue.itertuples():
        rule = json.loads(ind.aggregate)
        if rule == "sum":
            part = sums_df[sums_df.indicator_id == ind.indicator_id].copy()
            part["note"] = "computed: sum of " + part.n.astype(str) + f" {parts}"
        elif isinstance(rule, dict) and "ratio" in rule:
            r = rule["ratio"]
            key = ["area_code", "area_level", "breakdown", "year"]
            num = sums_df[sums_df.indicator_id == r["numerator"]].set_index(key)
            den = sums_df[sums_df.indicator_id == r["denominator"]].set_index(key)
            joined = num.join(den, suffixes=("_num", "_den"), how="inner")
            joined = joined[joined.value_den > 0]
            part = pd.DataFrame({
                "value": joined.value_num / joined.value_den * r.get("scale", 1),
                "source_id": joined.source_id_num, "brk": joined.brk_num | joined.brk_den,
                "note": f"computed: {r['numerator']} / {r['denominator']} summed over all {parts}",
            }).reset_index()
            part["indicator_id"] = ind.indicator_id
        else:
            continue
        out.append(part)
    if not out:
        return pd.DataFrame(columns=["area_code", "area_level", "indicator_id", "breakdown", "year", "value", "status", "break_in_series",
                                     "source_id", "note", "computed"])
    agg = pd.concat(out, ignore_index=True)
    agg["status"] = "value"
    agg["break_in_series"] = agg.pop("brk").astype(bool)
    agg["computed"] = True
    return agg


def catalogue_frame(result: CheckResult) -> pd.DataFrame:
    rows = []
    for source in result.sources:
        for ind in source.indicators:
            rows.append({
                "indicator_id": ind["id"], "theme": ind["theme"], "kind": ind["kind"], "aggregate": json.dumps(ind["aggregate"]),
                "decimals": int(ind["decimals"]), "higher_is_better": ind.get("higher_is_better"),
                "name_sq": ind["name"]["sq"], "name_en": ind["name"]["en"], "unit_sq": ind["unit"]["sq"], "unit_en": ind["unit"]["en"],
                "definition_sq": ind["definition"]["sq"], "definition_en": ind["definition"]["en"],
                "source_note_sq": (ind.get("source_note") or {}).get("sq"), "source_note_en": (ind.get("source_note") or {}).get("en"),
                "categories": json.dumps({str(k): v for k, v in ind["categories"].items()}, ensure_ascii=False) if ind.get("categories") else None,
                "sensitive": bool(ind.get("sensitive", False)),
                "source_id": source.source_id,
            })
    return pd.DataFrame(rows).sort_values("indicator_id").reset_index(drop=True)


def sources_frame(result: CheckResult) -> pd.DataFrame:
    rows = []
    for s in result.sources:
        p = s.package
        license_ = (p.get("licenses") or [{}])[0]
        rows.append({
            "source_id": s.source_id, "title": p["title"], "description": p.get("description"), "publisher": p["publisher"],
            "homepage": p.get("homepage"), "license": license_.get("title") or license_.get("name"), "license_url": license_.get("path"),
            "reference_date": str(p.get("reference_date")), "retrieved": str(p.get("retrieved")),
            "caveats": "\n".join(p.get("caveats") or []), "citations": json.dumps(p.get("sources") or [], ensure_ascii=False),
            "title_sq": p.get("title_sq"), "caveats_sq": "\n".join(p.get("caveats_sq") or []) or None,
            "description_sq": p.get("description_sq"), "publisher_sq": p.get("publisher_sq"), "license_sq": (p.get("licenses_sq") or [None])[0],
            "reference_date_sq": p.get("reference_date_sq"),
        })
    return pd.DataFrame(rows)


def inputs_digest(data_dir: Path) -> str:
    """Hash of every input file: tells whether the database matches the data folder."""
    digest = hashlib.sha256()
    for path in sorted(p for p in (data_dir / "reference").glob("*.csv")) + sorted((data_dir / "sources").rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(data_dir)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def build_database(data_dir: Path = config.DATA_DIR, db_path: Path = config.DB_PATH) -> CheckResult:
    """Validate ``data_dir`` and (re)build ``db_path`` atomically; raises :class:`BuildError` on bad data."""
    # Load inputs.
    result = check_data(data_dir)
    if not result.ok:
        raise BuildError(result.problems)

    # Process data.
    catalogue = catalogue_frame(result)
    tables = {
        "municipalities": result.reference["municipalities"],
        "counties": result.reference["counties"],
        "former_units": result.reference["former_units"],
        "aliases": result.reference["aliases"],
        "sources": sources_frame(result),
        "indicators": catalogue,
        "observations": build_observations(result, catalogue),
        "build_info": pd.DataFrame({"key": ["inputs_sha256", "schema_version"], "value": [inputs_digest(data_dir), "2"]}),
    }
    extra = {name: frame for s in result.sources for name, frame in s.tables.items()}

    # Save outputs.
    db_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        with duckdb.connect(str(tmp)) as con:
            con.execute(SCHEMA)
            for name, frame in tables.items():
                con.register("frame", frame)
                con.execute(f'INSERT INTO "{name}" BY NAME SELECT * FROM frame')
                con.unregister("frame")
            for name, frame in extra.items():
                con.register("frame", frame)
                con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM frame')
                con.unregister("frame")
            con.execute("CHECKPOINT")
        os.replace(tmp, db_path)
    finally:
        tmp.unlink(missing_ok=True)
    return result
