"""Command line: ``lnb-dash`` (installed) or ``python -m lnb_dash`` {init,build,serve,check,values,import,...} (see --help)."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

import pandas as pd
import yaml

from lnb_dash import config, levels
from lnb_dash.data.sources import CITATION_COLUMNS
from lnb_dash.i18n import t


def raw_number(value) -> str:
    """A value as plain text with every digit it has: 2800138, 41.52; empty when missing."""
    if value is None or pd.isna(value):
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:.6f}".rstrip("0")


def values_table(con, indicator: str, year: int | None, breakdown: str, level: str = "municipality") -> pd.DataFrame:
    """The rows the `values` command prints, one per area of the level (61 municipalities, 12 counties, 373 former
    units): code, name, the municipality (former units) or county (municipalities) it lies in, year, value, unit,
    status, source, each value's own note (caveats), quality flag, and citation (the publication's address, title, what it
    says, date read, and the copy it was read in when that is another address)."""
    from lnb_dash.query.indicators import get_indicator
    from lnb_dash.query.values import query_values

    meta = get_indicator(con, indicator)
    frame = query_values(con, indicator, year, breakdown, level, "en")
    lv = levels.get(level)
    areas = {lv.key: frame.area_code, "name": frame.name}
    if lv.parent == levels.MUNICIPALITY.id:
        areas |= {levels.MUNICIPALITY.key: frame.lau_code, "municipality": frame.municipality}
    elif lv.parent == levels.COUNTY.id:
        areas["qark"] = frame.qark
    out = pd.DataFrame({
        **areas, "year": frame.year, "value": frame.value.map(raw_number), "unit": meta.unit["en"], "status": frame.status,
        "source": frame.source_id.fillna(""), "note": frame.note.fillna(""), "flag": frame.flag.fillna(""),
        **{c: frame[c].fillna("") for c in (*CITATION_COLUMNS, "read_at_url")},
    })
    if meta.is_category:
        out.insert(out.columns.get_loc("value") + 1, "label", frame.value.map(lambda v: "" if pd.isna(v) else meta.categories[int(v)]["en"]))
    return out


def _writable(data_dir: Path) -> Path:
    if config.is_shipped(data_dir):
        raise ValueError(f"the shipped data folder ({data_dir}) belongs to the installed package and is never changed: "
                         "copy it with `lnb-dash init DIR`, then set LNB_DATA_DIR=DIR")
    return data_dir


def cmd_build(args) -> int:
    from lnb_dash.data.build import build_database
    from lnb_dash.data.locking import data_lock

    # The shipped folder of an installed package is read-only: builds from it take their lock beside the database.
    with data_lock(args.db.parent if config.is_shipped(args.data_dir) else args.data_dir, "build"):
        result = build_database(args.data_dir, args.db)
    keep_map_classes(args.db)  # reads the database only: an import may start meanwhile, the bins are keyed by the values
    print(t("imp_cli_built", getattr(args, "lang", lang_from_env()), db=args.db, n=len(result.sources)))
    return 0


def keep_map_classes(db_path: Path) -> None:
    """Classify every map view once (mapclassify) and keep the bins beside the database, so the dashboard's processes
    draw those maps without loading mapclassify, scipy and scikit-learn (~87 MB each)."""
    from lnb_dash.model import classify
    from lnb_dash.model import map as map_model
    from lnb_dash.query import db

    con = db.connect(db_path)
    try:
        classify.save_bins(classify.bins_file(db_path), map_model.classify_every_view(con))
    finally:
        con.close()


SHIPPED_FOLDERS = ("reference", "sources", "stories")


def cmd_init(args) -> int:
    target = args.directory.absolute()
    present = [name for name in SHIPPED_FOLDERS if (target / name).exists()]
    if present:
        raise ValueError(f"{target} already holds {', '.join(present)}: choose an empty or new folder (nothing was copied)")
    for name in SHIPPED_FOLDERS:
        shutil.copytree(config.SHIPPED_DATA_DIR / name, target / name, ignore=shutil.ignore_patterns(".*", "__pycache__"))
    print(f"copied the shipped sources, reference tables and stories into {target}\n"
          f"use it with LNB_DATA_DIR={target} (the database goes to {target / 'lnb.duckdb'}), e.g.\n"
          f"  LNB_DATA_DIR={target} {args.prog} build\n  LNB_DATA_DIR={target} {args.prog} serve")
    return 0


def cmd_serve(args) -> int:
    """Build the database if there is none, then replace this process by the dashboard's server (lnb_dash.ui.serve)."""
    if not args.db.exists():
        print(f"no database at {args.db}: building it from {args.data_dir}")
        cmd_build(args)
    env = {**os.environ, "LNB_DATA_DIR": str(args.data_dir.absolute()), "LNB_DB_PATH": str(args.db.absolute())}
    sys.stdout.flush()
    os.execve(sys.executable, [sys.executable, "-m", "lnb_dash.ui.serve", *args.streamlit_args], env)


def cmd_check(args) -> int:
    from lnb_dash.data.check import check_data, coverage_summary

    result = check_data(args.data_dir)
    municipalities = len(result.reference["municipalities"])
    joined = municipalities if not any("boundary" in p.message for p in result.problems) else 0
    print(t("imp_cli_check_sources", args.lang, n=len(result.sources), joined=joined, total=levels.N_MUNICIPALITIES))
    print("\n" + t("imp_cli_check_coverage", args.lang))
    for r in coverage_summary(result.coverage).itertuples():
        print(f"  {r.indicator:<32} {r.level:<13} {r.years:>2} {t('imp_cli_years', args.lang)}  {r.areas}")
    problems = [*result.problems, *_story_problems(args.data_dir, result.coverage)]
    if problems:
        print("\n" + t("imp_cli_problems", args.lang, n=len(problems)), file=sys.stderr)
        for problem in problems:
            print(f"  - {problem.text(args.lang) if hasattr(problem, 'text') else problem}", file=sys.stderr)
        return 1
    print("\n" + t("imp_cli_no_problems", args.lang))
    return 0


def _story_problems(data_dir: Path, coverage: pd.DataFrame) -> list:
    """The story files' problems, with the indicators and years the sources have."""
    from lnb_dash.model import stories

    years = {i: frozenset(int(y) for y in g.year) for i, g in coverage.groupby("indicator")}
    return stories.check_stories(Path(data_dir) / "stories", stories.Known(years))


def cmd_indicators(args) -> int:
    from lnb_dash.query.db import connect
    from lnb_dash.query.indicators import list_indicators

    frame = list_indicators(connect(args.db))
    print(frame[["indicator_id", "theme", "unit_en", "years", "max_municipalities", "name_en"]].to_string(index=False))
    return 0


def cmd_values(args) -> int:
    from lnb_dash.query.db import connect

    table = values_table(connect(args.db), args.indicator, args.year, args.breakdown, args.level)
    if args.format == "csv":
        table.to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        print(table.to_string(index=False))
    return 0


def cmd_import(args) -> int:
    from lnb_dash.data.importer import import_file

    meta = yaml.safe_load(Path(args.meta).read_text(encoding="utf-8")) if args.meta else {}
    data_dir = args.data_dir if args.dry_run else _writable(args.data_dir)
    plan = import_file(Path(args.file), args.indicator, meta, data_dir, args.db, sheet=args.sheet, dry_run=args.dry_run,
                       user=args.user, level=args.level, lang=args.lang)
    print(t("imp_cli_dry_run" if args.dry_run else "imp_cli_imported", args.lang) + "\n" + plan.summary(args.lang))
    return 0


def cmd_export(args) -> int:
    from lnb_dash.query.db import connect
    from lnb_dash.render import exports

    args.lang = args.lang or ("sq" if args.what == "story" else "en")
    con = connect(args.db)
    if args.what == "story":
        return export_story(con, args)
    if args.output is None:
        raise ValueError(f"export {args.what} needs -o FILE")
    if args.what == "package":
        data = exports.build_data_package(con)
    elif args.what == "map":
        data = map_html(con, args).encode("utf-8")
    else:
        if not args.indicator:
            raise ValueError("export values needs --indicator")
        table = values_table(con, args.indicator, args.year, args.breakdown, args.level)
        if args.format == "xlsx":
            data = exports.to_xlsx_bytes(table, exports.metadata_frame(con, [args.indicator], args.lang), title=args.indicator)
        else:
            data = exports.to_csv_bytes(table)
    args.output.write_bytes(data)
    print(f"wrote {args.output} ({len(data):,} bytes)")
    return 0


DECK_FORMATS = ("pptx", "html")


def export_story(con, args) -> int:
    """A story as slides: ``-o deck.pptx`` or ``-o deck.html`` writes that one; a folder (or no -o) gets both, named
    by the story and the language (``steering_committee_sq.pptx``)."""
    from lnb_dash.render import deck, deck_html, deck_pptx

    if not args.name:
        raise ValueError("export story needs the story's name, e.g. export story steering_committee")
    lang = args.lang
    story = deck.load_story(con, Path(args.data_dir) / "stories", args.name)
    out = args.output or Path(".")
    suffix = out.suffix.lower().lstrip(".")
    if suffix and suffix not in DECK_FORMATS:
        raise ValueError(f"export story writes .pptx or .html, not {out.name!r} (or give a folder for both)")
    targets = {suffix: out} if suffix else {kind: out / deck.file_name(story.story_id, lang, kind) for kind in DECK_FORMATS}
    slides = deck.build_slides(con, story, lang)
    writers = {"pptx": lambda: deck_pptx.build_pptx(slides, story.title[lang], lang),
               "html": lambda: deck_html.build_html(slides, story.title[lang], lang).encode("utf-8")}
    for kind, path in targets.items():
        data = writers[kind]()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {path} ({len(data):,} bytes, {len(slides)} slides)")
    return 0


def map_html(con, args) -> str:
    """One map view as a self-contained HTML file (the map page's "Interactive map" download)."""
    from lnb_dash.model import map as map_model
    from lnb_dash.model.address import MapView
    from lnb_dash.query import boundaries, indicators, programme
    from lnb_dash.query.values import query_values, query_year_coverage
    from lnb_dash.render import maps

    if not args.indicator:
        raise ValueError("export map needs --indicator")
    meta = indicators.get_indicator(con, args.indicator)
    year = args.year or map_model.choose_default_year(query_year_coverage(con, args.indicator, args.breakdown, args.level))
    if year is None:
        raise ValueError(f"Indicator {args.indicator!r} has no data by {levels.get(args.level).english}")
    view = MapView(indicator=args.indicator, year=year, breakdown=args.breakdown, level=args.level)
    values = query_values(con, args.indicator, year, args.breakdown, args.level, args.lang)
    sources = indicators.list_sources(con)
    model = map_model.build_map_model(meta, view, values, query_values(con, args.indicator, year, args.breakdown, levels.NATIONAL.id, args.lang),
                                      boundaries.read_level(args.level), args.lang, sources, frozenset(programme.list_priority_codes(con)))
    return maps.interactive_map_html(model, values.source_id.dropna().tolist() or [meta.source_id], sources, args.lang)


def cmd_profile(args) -> int:
    from lnb_dash.query.db import connect
    from lnb_dash.query.indicators import list_municipalities
    from lnb_dash.render.pdf import write_profiles

    con = connect(args.db)
    codes = list_municipalities(con).lau_code.tolist() if args.municipality == "all" else [_resolve(args.municipality, args.data_dir)]
    out = args.output or (Path(f"{codes[0]}_{args.lang}.pdf") if len(codes) == 1 else Path("profiles"))
    for path in write_profiles(con, sorted(codes), args.lang, out):
        print(f"wrote {path}")
    return 0


def _resolve(name: str, data_dir: Path) -> str:
    from lnb_dash import names

    return names.load_resolver(data_dir).code(name)


def cmd_imports(args) -> int:
    from lnb_dash.data.history import history_table, read_history

    log = read_history(args.data_dir)
    print(history_table(log, args.lang, args.data_dir).to_string(index=False) if not log.empty else t("no_history", args.lang))
    return 0


def cmd_undo(args) -> int:
    from lnb_dash.data.history import undo_import

    trash = undo_import(args.source_id, args.user, _writable(args.data_dir), args.db)
    print(t("imp_cli_undone", args.lang, source=args.source_id, folder=trash))
    return 0


def cmd_users(args) -> int:
    import getpass

    from lnb_dash.data.accounts import account_line

    password = sys.stdin.readline().rstrip("\n") if args.password_stdin else getpass.getpass(f"Password for {args.name}: ")
    if not args.password_stdin and getpass.getpass("Again: ") != password:
        print("the two passwords differ; nothing printed", file=sys.stderr)
        return 1
    if len(password) < 12:
        print("use at least 12 characters", file=sys.stderr)
        return 1
    print("# paste under [upload_accounts] in .streamlit/secrets.toml (every replica's):")
    print(account_line(args.name, password))
    return 0


def lang_from_env() -> str:
    """The messages' language when --lang is not given: Albanian when LANG says so (sq_AL.UTF-8), else English."""
    return "sq" if os.environ.get("LANG", "").lower().startswith("sq") else "en"


def error_text(exc: Exception, lang: str) -> str:
    """An error the command line reports, in ``lang`` where it has a translation (rejections, the lock, undo)."""
    text = getattr(exc, "text", None)
    if callable(text):
        return text(lang)
    problems = getattr(exc, "problems", None)
    if problems is not None:
        return t("imp_cli_build_refused", lang, n=len(problems)) + "".join(f"\n  - {p.text(lang)}" for p in problems[:20])
    return str(exc)


def make_parser(prog: str = "python -m lnb_dash") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description="LNB municipal dashboard: serve it, and the data tools.",
                                     epilog="Data folder: LNB_DATA_DIR, else the shipped one. Database: LNB_DB_PATH, else "
                                            "lnb.duckdb in the data folder, or, for the shipped folder of an installed package, "
                                            "in LNB_STATE_DIR (default ~/.local/share/lnb-dash). See the README, 'Install as a package'.")
    parser.add_argument("--data-dir", type=Path, default=config.DATA_DIR, help="data folder (default: %(default)s)")
    parser.add_argument("--db", type=Path, default=config.DB_PATH, help="DuckDB file (default: %(default)s)")
    sub = parser.add_subparsers(dest="command", required=True)
    # The data tools speak Albanian or English: --lang, else LANG (sq_AL.UTF-8 gives Albanian).
    speaks = argparse.ArgumentParser(add_help=False)
    speaks.add_argument("--lang", default=lang_from_env(), choices=config.LANGS,
                        help="language of the messages (default from LANG: sq when it starts with sq, else en)")
    about_init = "copy the shipped sources, reference tables and stories into DIR, a data folder for staff uploads (then set LNB_DATA_DIR=DIR)"
    init = sub.add_parser("init", help=about_init, description=about_init)
    init.add_argument("directory", type=Path, metavar="DIR")
    init.set_defaults(func=cmd_init)
    sub.add_parser("build", help="(re)build the database from data/sources; idempotent", parents=[speaks]).set_defaults(func=cmd_build)
    about_serve = ("serve the dashboard on http://127.0.0.1:8501 (building the database if there is none); "
                   "further options go to Streamlit, e.g. --server.port 8502 --server.address 0.0.0.0")
    sub.add_parser("serve", help=about_serve, description=about_serve).set_defaults(func=cmd_serve)
    sub.add_parser("check", help="validate all sources and print a coverage report", parents=[speaks]).set_defaults(func=cmd_check)
    sub.add_parser("indicators", help="list the indicators with their years and coverage").set_defaults(func=cmd_indicators)
    values = sub.add_parser("values", help="one indicator for all 61 municipalities, 12 counties or 373 former units (missing ones included)")
    values.add_argument("indicator")
    values.add_argument("--year", type=int, help="default: the latest year with data")
    values.add_argument("--breakdown", default="total", choices=config.BREAKDOWNS)
    values.add_argument("--level", default="municipality", choices=levels.AREA,
                        help="municipality (61 rows), county (12 rows) or former_unit (373 rows: the units before the 2015 reform)")
    values.add_argument("--format", default="table", choices=("csv", "table"))
    values.set_defaults(func=cmd_values)
    imp = sub.add_parser("import", help="add a table (CSV or XLSX, long or wide form) as a new source", parents=[speaks])
    imp.add_argument("file")
    imp.add_argument("--indicator", required=True, help="indicator id (existing, or defined under 'indicator' in --meta)")
    imp.add_argument("--meta", help="YAML with 'source' (title, publisher, license, reference_date, ...) and optionally 'indicator'")
    imp.add_argument("--sheet", help="XLSX sheet name (default: the first)")
    imp.add_argument("--dry-run", action="store_true", help="validate and show what would change, change nothing")
    imp.add_argument("--user", default="command line", help="who imports (recorded in the history)")
    imp.add_argument("--level", choices=("municipality", "former_unit"),
                     help="what the rows name (default: read from the columns; komuna, njësia administrative or unit_code "
                          "mean former units)")
    imp.set_defaults(func=cmd_import)
    sub.add_parser("imports", help="the import history (who, when, file, values)", parents=[speaks]).set_defaults(func=cmd_imports)
    undo = sub.add_parser("undo", help="undo an import: its source folder goes to data/.trash and the database is rebuilt", parents=[speaks])
    undo.add_argument("source_id")
    undo.add_argument("--user", default="command line")
    undo.set_defaults(func=cmd_undo)
    users = sub.add_parser("users", help="staff accounts for the upload page: 'users add NAME' prints the secrets line")
    users_sub = users.add_subparsers(dest="users_command", required=True)
    add = users_sub.add_parser("add", help="ask for a password and print the line for [upload_accounts] (an argon2 hash)")
    add.add_argument("name")
    add.add_argument("--password-stdin", action="store_true", help="read the password from the first line of standard input")
    add.set_defaults(func=cmd_users)
    export = sub.add_parser("export", help="write a view (CSV/XLSX with metadata), its map as one offline HTML file, the full data "
                                           "package (zip), or a story as slides (PowerPoint and one offline HTML file)")
    export.add_argument("what", choices=("values", "map", "package", "story"))
    export.add_argument("name", nargs="?", help="the story (its id in data/stories) for 'export story'")
    export.add_argument("--indicator")
    export.add_argument("--year", type=int)
    export.add_argument("--breakdown", default="total", choices=config.BREAKDOWNS)
    export.add_argument("--level", default="municipality", choices=levels.AREA, help="the areas of the values or the map")
    export.add_argument("--format", default="csv", choices=("csv", "xlsx"))
    export.add_argument("--lang", choices=config.LANGS, help="default: en, and sq for a story (Albanian first)")
    export.add_argument("-o", "--output", type=Path, help="the file to write; for a story: deck.pptx, deck.html or a folder for both "
                                                          "(default: both, in this folder, named by the story and language)")
    export.set_defaults(func=cmd_export)
    profile = sub.add_parser("profile", help="printable A4 PDF profile of one municipality (code or any name) or 'all'")
    profile.add_argument("municipality", help="LAU code (AL343), a name (Korçë, korca) or 'all'")
    profile.add_argument("--lang", default="sq", choices=config.LANGS)
    profile.add_argument("-o", "--output", type=Path, help="PDF file for one, folder for all")
    profile.set_defaults(func=cmd_profile)
    return parser


def main(argv: list[str] | None = None) -> int:
    from lnb_dash.data.build import BuildError
    from lnb_dash.data.importer import ImportRejected
    from lnb_dash.data.locking import ImportInProgressError
    from lnb_dash.query.db import DatabaseUnavailableError
    from lnb_dash.query.indicators import UnknownIndicatorError

    parser = make_parser("lnb-dash" if Path(sys.argv[0]).name == "lnb-dash" else "python -m lnb_dash")
    parser.set_defaults(prog=parser.prog)
    args, extra = parser.parse_known_args(argv)
    if args.command == "serve":
        args.streamlit_args = extra
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    try:
        return args.func(args)
    except BrokenPipeError:  # output piped into `head`: not an error
        sys.stderr.close()
        return 0
    except (BuildError, ImportRejected, ImportInProgressError, UnknownIndicatorError, DatabaseUnavailableError, ValueError) as exc:
        lang = getattr(args, "lang", "en")
        print(t("imp_cli_error", lang, message=error_text(exc, lang)), file=sys.stderr)
        return 2
