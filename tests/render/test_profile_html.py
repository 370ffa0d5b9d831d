"""The profile's HTML pieces: similar municipalities as cards that link to their profiles, the compare link in the
same tab, the trend line ending at the latest value, the legend in both languages, and names from data escaped.
(The spine table itself is tested with its model in tests/model/test_profiles.py.)"""

import base64
import re

import pandas as pd
import pytest

from lnb_dash.render import profile_html

CATEGORIES = {"degurba": {1: {"sq": "Qytet", "en": "City"}}, "coastal": {0: {"sq": "Jo", "en": "No"}, 1: {"sq": "Po", "en": "Yes"}}}


def card(**overrides) -> pd.DataFrame:
    row = {"lau_code": "AL221", "name": "Kamëz", "distance": 0.4321, "county_code": "AL-11", "population": 104190, "density": 2802.5,
           "degurba": 1, "coastal": 0, "missing": ""}
    return pd.DataFrame([{**row, **overrides}])


def test_a_similar_municipality_is_a_card_linking_to_its_profile_in_the_same_language():
    html = profile_html.similar_html(card(), "sq", CATEGORIES, {"AL-11": "Tiranë"})
    assert '<a href="/profile?m=AL221&amp;lang=sq" target="_self">Kamëz</a>' in html
    assert "Qarku: Tiranë" in html and "Qytet" in html and "0,43" in html and "104\u00a0190" in html


def test_a_similar_card_says_which_variables_it_lacks_and_a_missing_category_is_a_dash():
    html = profile_html.similar_html(card(missing="log_density,degurba", degurba=float("nan")), "en", CATEGORIES, {})
    assert "County: AL-11" in html and "without: density, urbanisation" in html and "Urbanisation: –" in html


def test_names_from_data_are_escaped_in_cards_and_links():
    html = profile_html.similar_html(card(name="<script>x</script>"), "en", CATEGORIES, {})
    assert "<script>" not in html and "&lt;script&gt;" in html
    link = profile_html.compare_link_html('/compare?m=AL221,AL311&lang=en"><b>', "Compare")
    assert "<b>" not in link and 'target="_self"' in link and "Compare →" in link


def test_the_trend_line_ends_on_the_latest_value_at_the_top_when_it_is_the_highest():
    svg = profile_html.sparkline_svg([(2015, 10.0), (2017, 20.0), (2019, 30.0)])
    points = re.search(r'points="([^"]+)"', svg).group(1).split()
    circle = re.search(r'cx="([^"]+)" cy="([^"]+)"', svg).groups()
    assert len(points) == 3 and tuple(points[-1].split(",")) == circle and float(circle[1]) == 3.0
    flat = profile_html.sparkline_svg([(2015, 5.0), (2019, 5.0)])
    assert len({p.split(",")[1] for p in re.search(r'points="([^"]+)"', flat).group(1).split()}) == 1


@pytest.mark.parametrize("lang, words", [("sq", "Shqipëria"), ("en", "Albania")])
def test_the_legend_explains_each_mark_in_the_readers_language(lang, words):
    html = profile_html.legend_html(lang)
    assert words in html and html.count('class="lnb-swatch"') == 5 and html.count("<img") == 3


def test_an_svg_is_an_image_streamlit_keeps_with_no_alt_text_to_read_out():
    img = profile_html.svg_img("<svg></svg>", "lnb-spark")
    assert img.startswith('<img class="lnb-spark" src="data:image/svg+xml;base64,') and img.endswith('alt="">')
    assert base64.b64decode(img.split("base64,")[1].split('"')[0]) == b"<svg></svg>"


@pytest.mark.parametrize("lang, publication, read_at", [("sq", "Burimi i vlerës", "Ku u lexua vlera"),
                                                        ("en", "Source of the value", "Where this value was read")])
def test_a_value_names_its_publication_and_the_copy_it_was_read_in(con, lang, publication, read_at):
    from lnb_dash.model import profiles
    from lnb_dash.query import indicators
    from lnb_dash.query.profiles import query_distributions, query_series

    profile = indicators.query_profile(con, "AL343")  # Korçë: de.wikipedia, read in a proxy copy
    rows = profiles.spine_rows(profile, query_distributions(con, profile), query_series(con, "AL343"), lang)
    html = profile_html.spine_table_html(rows, lang, "Korçë", "Korçës")
    assert f'{publication}: <a href="https://de.wikipedia.org/wiki/Kor%C3%A7a"' in html and "de.wikipedia &#x27;Korça&#x27;" in html
    assert f"{read_at}: <a href=\"https://websiteproxy.net/" in html and ">websiteproxy.net</a>" in html
