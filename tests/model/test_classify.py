"""Classes for the choropleth: counts add up, ties and missing values are handled."""

import pandas as pd
import pytest

from lnb_dash.model.classify import SCHEMES, classify, classify_categories


@pytest.mark.parametrize("scheme", ["quantiles", "natural_breaks", "equal_interval"])
def test_every_value_gets_a_class_and_counts_add_up(scheme):
    values = pd.Series([float(v) for v in range(1, 62)])
    classes = classify(values, scheme, 5)
    assert classes.k == 5 and sum(classes.counts) == 61 and (classes.class_index >= 0).all()
    assert list(classes.bins) == sorted(classes.bins) and classes.bins[-1] == 61


def test_missing_values_get_no_class():
    classes = classify(pd.Series([1.0, None, 3.0, 4.0, 5.0, 6.0, 7.0]), "quantiles", 3)
    assert classes.class_index.iloc[1] == -1 and sum(classes.counts) == 6


def test_all_equal_values_give_one_class():
    classes = classify(pd.Series([5.0] * 10), "quantiles", 5)
    assert classes.k == 1 and classes.counts == (10,) and classes.exact_values


def test_fewer_distinct_values_than_classes_gives_one_class_per_value():
    classes = classify(pd.Series([0.0, 0.0, 1.0, 1.0, 2.0]), "natural_breaks", 5)
    assert classes.bins == (0.0, 1.0, 2.0) and classes.counts == (2, 2, 1)


def test_zeros_are_values_not_missing():
    classes = classify(pd.Series([0.0, 0.0, 0.0, 10.0, 20.0, 30.0, 40.0, 50.0]), "quantiles", 3)
    assert (classes.class_index[:3] == 0).all()


def test_diverging_classes_centre_on_the_national_value():
    classes = classify(pd.Series([40.0, 45.0, 50.0, 55.0, 60.0]), "diverging", 5, center=50.0)
    assert classes.scheme == "diverging" and classes.class_index.tolist() == [0, 1, 2, 3, 4]
    assert classes.colors[2] == "#f7f7f7"  # the middle class is neutral


def test_diverging_without_a_national_value_falls_back_to_quantiles():
    assert classify(pd.Series([1.0, 2.0, 3.0, 4.0]), "diverging", 3).scheme == "quantiles"


def test_empty_input_gives_no_classes():
    classes = classify(pd.Series([None, None], dtype=float), "quantiles", 5)
    assert classes.k == 0 and (classes.class_index == -1).all()


def test_unknown_scheme_is_refused():
    with pytest.raises(ValueError, match="Unknown classification"):
        classify(pd.Series([1.0]), "jenks-ish")


def test_categories_keep_their_labels_and_counts():
    classes = classify_categories(pd.Series([1.0, 0.0, 1.0, None]), {0: {"en": "No"}, 1: {"en": "Yes"}}, "en")
    assert classes.labels == ("No", "Yes") and classes.counts == (1, 2)
    assert "quantiles" in SCHEMES
