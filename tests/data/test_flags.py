"""Quality flags: the sex-split rule flags women's and men's values whose parts do not add up to the total, with the
reason in both languages, and the build leaves them out of every county and national sum."""

import pandas as pd

from lnb_dash.data import flags


def _obs(rows):
    return pd.DataFrame([{"area_code": a, "indicator_id": i, "breakdown": b, "year": 2015, "value": v, "status": "value"}
                         for a, i, b, v in rows])


CATALOGUE = pd.DataFrame([
    {"indicator_id": "voters", "aggregate": '"sum"', "name_sq": "Votues", "name_en": "Voters"},
    {"indicator_id": "registered", "aggregate": '"sum"', "name_sq": "Të regjistruar", "name_en": "Registered"},
    {"indicator_id": "turnout", "aggregate": '{"ratio": {"numerator": "voters", "denominator": "registered", "scale": 100}}',
     "name_sq": "Pjesëmarrja", "name_en": "Turnout"},
])


def test_a_split_more_than_5_percent_off_flags_women_and_men_of_the_count_and_its_rate_not_the_total():
    obs = _obs([("A", "voters", "total", 100), ("A", "voters", "female", 20), ("A", "voters", "male", 15),
                ("A", "turnout", "female", 30.0), ("A", "turnout", "male", 25.0), ("A", "turnout", "total", 40.0),
                ("B", "voters", "total", 100), ("B", "voters", "female", 52), ("B", "voters", "male", 52)])  # 4 %: within
    out = flags.apply_flags(obs, CATALOGUE)
    flagged = set(zip(out[out.flag_en.notna()].area_code, out[out.flag_en.notna()].indicator_id, out[out.flag_en.notna()].breakdown))
    assert flagged == {("A", "voters", "female"), ("A", "voters", "male"), ("A", "turnout", "female"), ("A", "turnout", "male")}
    reason = out[out.flag_en.notna()].iloc[0]
    assert "by 65 %" in reason.flag_en and "me 65 %" in reason.flag_sq and "ndarja sipas gjinisë" in reason.flag_sq
    assert len(out) == len(obs) and out.value.tolist() == obs.value.tolist(), "a flag never changes or drops a value"


def test_exactly_5_percent_is_not_flagged():
    obs = _obs([("A", "voters", "total", 100), ("A", "voters", "female", 50), ("A", "voters", "male", 45)])
    assert flags.apply_flags(obs, CATALOGUE).flag_en.isna().all()


def test_the_shipped_2015_local_split_flags_20_municipalities_and_albania_gets_no_womens_figure(con):
    rows = con.execute("""SELECT area_code, breakdown FROM observations WHERE indicator_id = 'local_turnout' AND year = 2015
                          AND flag_en IS NOT NULL""").fetchall()
    assert len({a for a, _ in rows}) == 20 and ("AL152", "female") in rows
    national = con.execute("""SELECT count(*) FROM observations WHERE indicator_id = 'local_turnout' AND year = 2015
                              AND area_code = 'AL' AND breakdown IN ('female', 'male')""").fetchone()[0]
    assert national == 0, "a national women's figure would be built on incomplete sums"
    assert con.execute("""SELECT count(*) FROM observations WHERE indicator_id = 'parl_voters' AND year = 2017 AND area_code = 'AL'
                          AND breakdown = 'female' AND flag_en IS NULL""").fetchone()[0] == 1, "2017 adds up: Albania's figure stays"
