"""The gettext catalogs: complete in both languages, in step with the code, and merged into in one command."""

import re
import shutil
import subprocess
import sys

from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg

from lnb_dash import i18n
from lnb_dash.i18n import catalog
from tests.conftest import ROOT


def keys_used_in_code() -> set[str]:
    """What `make translations` extracts: the literal key of every t(...)/N_(...) call (babel.cfg)."""
    with (ROOT / "babel.cfg").open() as f:
        method_map, options_map = parse_mapping_cfg(f)
    return {message for _, _, message, *_ in extract_from_dir(ROOT, method_map, options_map, keywords={"t": None, "N_": None})}


def test_every_entry_is_translated_in_both_languages_and_every_key_in_code_is_in_a_catalog():
    used = keys_used_in_code()
    assert len(used) > 200
    assert catalog.problems(catalog.read_catalog("sq"), catalog.read_catalog("en"), used) == []


def test_a_missing_empty_or_fuzzy_entry_is_a_problem():
    sq, en = catalog.read_catalog("sq"), catalog.read_catalog("en")
    sq.add("year", "Viti", flags=["fuzzy"])
    en.get("year").string = ""
    problems = catalog.problems(sq, en, used_keys={"not_in_any_catalog"})
    assert {"sq: year is fuzzy", "en: year is empty", "sq: not_in_any_catalog is missing", "en: not_in_any_catalog is missing"} <= set(problems)


def test_a_fuzzy_entry_is_never_shown():
    sq = catalog.read_catalog("sq")
    sq.add("year", "Vit i dyshimtë", flags=["fuzzy"])
    assert "year" not in catalog.messages(sq)


def test_translators_see_the_english_beside_each_albanian_entry():
    sq = catalog.read_catalog("sq")
    assert sq.get("page_map").auto_comments == ["English: Map"]
    assert all(any(c.startswith("English: ") for c in m.auto_comments) for m in sq if m.id)


def test_calls_inside_f_strings_and_conditional_keys_are_extracted():
    used = keys_used_in_code()
    assert {"as_of", "n_classes", "n_classes_one", "theme_demography"} <= used  # f-string, either branch, N_ list


def test_labels_written_as_a_python_dict_merge_into_both_catalogs(tmp_path):
    locale = tmp_path / "locale"
    shutil.copytree(catalog.LOCALE_DIR, locale, ignore=shutil.ignore_patterns("*.mo", "*.pot"))
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import labels_to_po
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    source = ('LABELS: dict = {"year": {"sq": "Viti", "en": "Year"},\n'
              '    # --- county ---\n'
              '    "county_trend": {"sq": "Ecuria e qarkut", "en": "County trend"},\n'
              '    "page_map": {"sq": "Hartë", "en": "Map"}}\n')
    problems = labels_to_po.merge(labels_to_po.labels_from_source(source), locale_dir=locale)
    sq, en = catalog.read_catalog("sq", locale), catalog.read_catalog("en", locale)
    assert sq.get("county_trend").string == "Ecuria e qarkut" and en.get("county_trend").string == "County trend"
    assert sq.get("county_trend").auto_comments == ["English: County trend"]
    assert sq.get("page_map").string == "Harta" and problems == [
        "page_map (sq): catalog has 'Harta', the dict 'Hartë'; kept the catalog's"]


def test_the_script_runs_from_the_command_line(tmp_path):
    result = subprocess.run([sys.executable, "scripts/labels_to_po.py", "--help"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0 and "--git" in result.stdout


def test_labels_are_read_from_the_catalogs():
    assert i18n.t("page_map", "sq") == "Harta" and i18n.t("page_map", "en") == "Map"
    assert i18n.t("step_of", "en", story="S", step=2, n=5) == "S · step 2 of 5"


def english_sentences(con) -> set[str]:
    """Every run of three or more words of the English catalog (placeholders cut out) that Albanian does not share,
    and every line of the sources' English titles, publishers, descriptions, licences and caveats."""
    en = catalog.messages(catalog.read_catalog("en"))
    sq = catalog.messages(catalog.read_catalog("sq"))
    found = set()
    for key, text in en.items():
        if text != sq.get(key):
            found |= {p.strip(" .,;:()-–'\"“”") for p in re.split(r"\{[^}]*\}|\n|\*\*", text)}
    for row in con.execute("SELECT title, description, publisher, license, caveats FROM sources").fetchall():
        found |= {line for text in row for line in (text or "").split("\n")}
    return {s for s in found if len(s.split()) >= 3}


def test_every_catalog_entry_is_used_in_code_so_make_translations_keeps_it():
    used = keys_used_in_code()
    unused = sorted(m.id for m in catalog.read_catalog("en") if m.id and m.id not in used)
    assert unused == [], "mark keys the code builds at run time with i18n.N_(...)"
