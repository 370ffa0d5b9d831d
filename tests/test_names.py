"""One alias table resolves every spelling of a municipality, county or former unit; unknown names get suggestions."""

import unicodedata

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lnb_dash import config, levels, names
from lnb_dash.names import AmbiguousName, NameResolver, UnknownName, fold, normalize_name

REFERENCE = names.read_reference(config.DATA_DIR)
RESOLVER = NameResolver.from_reference(REFERENCE)
MUNICIPALITIES = REFERENCE["municipalities"]
COUNTIES = REFERENCE["counties"]
ALIASES = REFERENCE["aliases"]


def spellings(frame: pd.DataFrame, code_column: str) -> list[tuple[str, str]]:
    """Every official, definite and genitive form of each area, as written, in upper case and without diacritics."""
    out = []
    for row in frame.itertuples(index=False):
        code = getattr(row, code_column)
        for form in (row.name, row.name_definite, row.name_genitive):
            ascii_form = "".join(c for c in unicodedata.normalize("NFKD", form) if not unicodedata.combining(c))
            out += [(form, code), (form.upper(), code), (ascii_form, code), (ascii_form.upper(), code)]
    return sorted(set(out))


@pytest.mark.parametrize("text, code", spellings(MUNICIPALITIES, "lau_code"))
def test_every_form_of_the_61_resolves_to_its_municipality(text, code):
    assert RESOLVER.resolve(text).code == code


@pytest.mark.parametrize("text, code", spellings(COUNTIES, "county_code"))
def test_every_form_of_the_12_resolves_to_its_county(text, code):
    assert RESOLVER.resolve(text, level="county").code == code


@pytest.mark.parametrize("text, level, code, kind", [
    ("Tiranë", "municipality", "AL224", "official"), ("Tirana", "municipality", "AL224", "definite"), ("TIRANE", "municipality", "AL224", "official"),
    ("Bashkia Tiranë", "municipality", "AL224", "official"), ("bashkia e tiranes", "municipality", "AL224", "genitive"),
    ("Bashkia e Tiranës", "municipality", "AL224", "genitive"), ("Bashkia Kamëz", "municipality", "AL221", "official"),
    ("Bashkisë Kamëz", "municipality", "AL221", "official"), ("Kamza", "municipality", "AL221", "definite"),
    ("Dimal", "municipality", "AL315", "official"), ("Ura Vajgurore", "municipality", "AL315", "old_name"),
    ("URA VAJGURORE", "municipality", "AL315", "old_name"), ("Liqenas", "municipality", "AL346", "old_name"),
    ("korca", "municipality", "AL343", "definite"), ("Korçë", "municipality", "AL343", "official"), ("kukesi", "municipality", "AL132", "definite"),
    ("Fushë-Arrëz", "municipality", "AL151", "official"), ("Fushë Arrës", "municipality", "AL151", "variant"),
    ("Fushe-Arrez", "municipality", "AL151", "official"), ("Lushnje", "municipality", "AL323", "official"),
    ("Malësisë së Madhe", "municipality", "AL152", "genitive"), ("Vaut të Dejës", "municipality", "AL155", "genitive"),
    ("Municipality of Korça", "municipality", "AL343", "definite"), ("  Berat ", "municipality", "AL311", "official"),
    ("AL343", "municipality", "AL343", "code"), ("al221", "municipality", "AL221", "code"),
    ("Tirana", "county", "AL-11", "definite"), ("Qarku i Tiranës", "county", "AL-11", "genitive"), ("Qarku Tiranë", "county", "AL-11", "official"),
    ("Tirana County", "county", "AL-11", "definite"), ("al-11", "county", "AL-11", "code"), ("Qarku i Korçës", "county", "AL-06", "genitive"),
    ("Fushë Krujë", "former_unit", "AL12203", "official"), ("Komuna Dajt", "former_unit", "AL22403", "official"),
    ("Peshkopia", "former_unit", "AL11210", "definite"), ("Qendër (Fier)", "former_unit", "AL32209", "qualified"),
    ("Shkodër", "former_unit", "AL15409", "official"), ("AL22403", "former_unit", "AL22403", "code"),
    ("Çorovoda", "former_unit", "AL31403", "definite"), ("Bilisht", "former_unit", "AL34102", "official"),
    ("Qendër Bilisht", "former_unit", "AL34101", "official"), ("Liqenas", "former_unit", "AL34601", "source"),
])
def test_a_form_resolves_at_its_level_and_says_what_matched(text, level, code, kind):
    resolution = RESOLVER.resolve(text, level=level)
    assert (resolution.code, resolution.kind) == (code, kind)


def test_the_same_word_resolves_to_the_municipality_or_the_county_as_asked():
    assert RESOLVER.resolve("Tirana").code == "AL224"
    assert RESOLVER.resolve("Tirana", level="county").code == "AL-11"
    assert RESOLVER.resolve("Tiranë", level="former_unit").code == "AL22411"


@pytest.mark.parametrize("text, level, elsewhere", [
    ("Qarku Korçë", "municipality", "AL-06"), ("Fushë-Krujë", "municipality", "AL12203"), ("Bashkia Tiranë", "county", "AL224"),
    ("Kamëz", "county", "AL221"), ("AL-11", "municipality", "AL-11"), ("AL221", "county", "AL221"),
])
def test_a_name_of_another_level_is_refused_and_its_level_named(text, level, elsewhere):
    with pytest.raises(UnknownName) as info:
        RESOLVER.resolve(text, level=level)
    assert elsewhere in [c.code for c in info.value.elsewhere]
    assert f"not a {levels.get(level).english}" in str(info.value)


@pytest.mark.parametrize("typo, code, name", [("Tirnaa", "AL224", "Tiranë"), ("Korcha", "AL343", "Korçë"), ("Pogradecc", "AL345", "Pogradec"),
                                               ("Elbsan", "AL213", "Elbasan"), ("Gjirokstra", "AL332", "Gjirokastër"), ("Shkodre", "AL154", "Shkodër")])
def test_a_typo_is_refused_with_the_right_name_and_code_first(typo, code, name):
    try:
        RESOLVER.resolve(typo)
    except UnknownName as exc:
        assert (exc.suggestions[0].code, exc.suggestions[0].name) == (code, name)
        assert f"Did you mean '{name}' ({code})" in str(exc)
    else:
        pytest.fail(f"{typo!r} resolved silently")


def test_an_unknown_name_is_refused_with_a_plain_message():
    with pytest.raises(UnknownName, match="Unknown municipality 'atlantis'"):
        RESOLVER.resolve("atlantis")


def test_a_former_unit_name_shared_by_several_units_lists_them_all():
    with pytest.raises(AmbiguousName) as info:
        RESOLVER.resolve("Qendër", level="former_unit")
    assert len(info.value.suggestions) == 7 and "Qendër (Fier)" in str(info.value)
    assert RESOLVER.resolve(info.value.suggestions[0].matched, level="former_unit").code == info.value.suggestions[0].code


def test_no_alias_names_two_areas_at_one_level():
    keys = ALIASES.assign(key=ALIASES.alias.map(normalize_name)).groupby(["level", "key"]).code.nunique()
    assert keys.max() == 1, keys[keys > 1]


def test_an_alias_pointing_to_two_codes_is_refused():
    municipalities = pd.DataFrame({"lau_code": ["AL111", "AL112"], "name": ["A", "B"]})
    with pytest.raises(ValueError, match="points to both"):
        NameResolver.from_frames(municipalities, pd.DataFrame({"alias": ["a"], "level": ["municipality"], "code": ["AL112"], "kind": ["source"]}))


def test_the_genitive_of_each_area_is_at_hand_for_templates():
    assert f"Vendndodhja e {RESOLVER.genitive('AL221')}" == "Vendndodhja e Kamzës"
    assert RESOLVER.genitive("AL-10") == "Shkodrës" and RESOLVER.genitive("AL152") == "Malësisë së Madhe"


def test_the_loaded_resolver_uses_the_project_table():
    assert names.load_resolver().resolve("Korça").code == "AL343"
    assert names.genitive("AL221") == "Kamzës"


def test_normalize_folds_case_diacritics_hyphens_spaces_and_prefixes():
    assert normalize_name("  Bashkia e  FUSHË-ARRËZIT ") == "fushe arrezit"
    assert normalize_name("Qarku i Tiranës") == normalize_name("Bashkia e Tiranës") == "tiranes"
    assert normalize_name("Tirana County") == normalize_name("Municipality of Tirana") == "tirana"
    assert fold("Korçë") == fold("KORCE") == "korce"


@given(st.text(max_size=40))
def test_normalize_is_idempotent_for_any_text(text):
    assert normalize_name(normalize_name(text)) == normalize_name(text)


@given(st.sampled_from(list(ALIASES[ALIASES.level == "municipality"].itertuples(index=False))),
       st.sampled_from([str.upper, str.lower, str.title, lambda s: f"Bashkia {s}", lambda s: f"  {s.replace(' ', '  ')} "]))
def test_every_alias_resolves_in_any_case_and_with_the_bashkia_prefix(alias, transform):
    assert RESOLVER.resolve(transform(alias.alias)).code == alias.code


@given(st.text(max_size=30), st.sampled_from(levels.AREA))
def test_resolve_either_returns_a_known_code_or_refuses_with_known_suggestions(text, level):
    try:
        assert RESOLVER.resolve(text, level).code in RESOLVER.names[level]
    except UnknownName as exc:
        assert all(s.code in RESOLVER.names[level] for s in exc.suggestions)


@pytest.mark.parametrize("typed, name", [("korca", "Korçë"), ("fushe arrez", "Fushë-Arrëz"), ("dibra", "Dibër"), ("AL343", "Korçë"),
                                         ("Bashkia Kamëz", "Kamëz"), ("DIBER", "Dibër"), ("Fushe-Arrez", "Fushë-Arrëz"), ("Tirnaa", "Tiranë")])
def test_a_search_offers_the_place_by_its_official_name_first(typed, name):
    found = names.load_resolver().search(typed)
    assert found[0].name == name and all(c.name != typed or c.name == name for c in found)
    assert len({c.code for c in found}) == len(found), "each place once"
