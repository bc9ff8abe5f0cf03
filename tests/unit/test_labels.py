"""Dates as the pages and the exports say them."""
from __future__ import annotations

import pandas as pd
import pytest

from dashboard.views.labels import date_label, day_label


@pytest.mark.parametrize(("date", "precision", "text"), [
    ("2025-04-09", "day", "9 Apr 2025"),
    ("2025-04-07", "week", "week of 7 Apr 2025"),
    ("2025-04-01", "month", "Apr 2025"),
    ("2025-01-01", "year", "2025"),
    (None, "none", "undated"),
], ids=["day", "week", "month", "year", "undated"])
def test_date_label_is_never_more_precise_than_the_text(date, precision, text):
    assert date_label(pd.Timestamp(date) if date else pd.NaT, precision) == text


def test_undated_wording_can_be_given():
    assert date_label(pd.NaT, "none", undated="before 10 Apr 2025") == "before 10 Apr 2025"


def test_day_label_of_a_missing_date_is_empty():
    assert (day_label(pd.Timestamp("2025-04-10")), day_label(pd.NaT), day_label(None)) == ("10 Apr 2025", "", "")
