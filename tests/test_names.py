"""One alias table resolves every spelling of a municipality; unknown names get suggestions."""

import pandas as pd
import pytest
from hypothesis import given, strategies as st

from lnb_dash import config
from lnb_dash.names import NameResolver, UnknownNameError, normalize_name

REF = config.DATA_DIR / "reference"
RESOLVER = NameResolver.from_frames(pd.read_csv(REF / "municipalities.csv", dtype=str), pd.read_csv(REF / "aliases.csv", dtype=str))
ALIASES = pd.read_csv(REF / "aliases.csv", dtype=str)


@pytest.mark.parametrize("name, code", [
    ("Tiranë", "AL224"), ("Tirana", "AL224"), ("TIRANE", "AL224"), ("Bashkia Tiranë", "AL224"), ("bashkia e tiranes", None),
    ("Dimal", "AL315"), ("Ura Vajgurore", "AL315"), ("URA VAJGURORE", "AL315"),
    ("Vlora", "AL357"), ("Korca", "AL343"), ("Korça", "AL343"), ("korçë", "AL343"), ("Shkodra", "AL154"), ("Durrësi", "AL121"),
    ("Fushë-Arrëz", "AL151"), ("Fushë Arrës", "AL151"), ("Fushe-Arrez", "AL151"), ("Lushnje", "AL323"), ("Lushnjë", "AL323"),
    ("Malesi e Madhe", "AL152"), ("Vau i Dejës", "AL155"), ("AL343", "AL343"), ("  Berat ", "AL311"),
])
def test_name_variants_resolve_to_their_lau_code(name, code):
    if code is None:
        with pytest.raises(UnknownNameError):
            RESOLVER.resolve(name)
    else:
        assert RESOLVER.resolve(name) == code


def test_unknown_name_is_rejected_with_the_closest_official_names():
    with pytest.raises(UnknownNameError) as info:
        RESOLVER.resolve("Korcha")
    assert "Korçë" in info.value.suggestions
    assert "Did you mean 'Korçë'" in str(info.value)


def test_a_misspelling_suggests_the_municipality():
    with pytest.raises(UnknownNameError) as info:
        RESOLVER.resolve("Pogradecc")
    assert info.value.suggestions[0] == "Pogradec"


def test_an_administrative_unit_is_not_silently_taken_for_a_municipality():
    with pytest.raises(UnknownNameError):
        RESOLVER.resolve("Fushë-Krujë")


def test_an_alias_pointing_to_two_codes_is_refused():
    municipalities = pd.DataFrame({"lau_code": ["AL111", "AL112"], "name": ["A", "B"]})
    with pytest.raises(ValueError, match="points to both"):
        NameResolver.from_frames(municipalities, pd.DataFrame({"alias": ["a"], "lau_code": ["AL112"]}))


@given(st.text(max_size=40))
def test_normalize_is_idempotent_for_any_text(text):
    assert normalize_name(normalize_name(text)) == normalize_name(text)


@given(st.sampled_from(list(ALIASES.itertuples(index=False))), st.sampled_from([str.upper, str.lower, str.title, lambda s: f"Bashkia {s}"]))
def test_every_alias_resolves_in_any_case_and_with_the_bashkia_prefix(alias, transform):
    assert RESOLVER.resolve(transform(alias.alias)) == alias.lau_code


@given(st.text(max_size=30))
def test_resolve_either_returns_a_known_code_or_raises_unknown_name(text):
    try:
        assert RESOLVER.resolve(text) in RESOLVER.names_by_code
    except UnknownNameError as exc:
        assert all(s in RESOLVER.names_by_code.values() for s in exc.suggestions)
