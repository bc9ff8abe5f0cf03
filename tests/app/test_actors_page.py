"""The actor page: table, profile by link, network, and registry edits, in-process."""
from __future__ import annotations

import pytest

from .conftest import no_exceptions

ARTICLES = {
    "a.txt": "Turkey and Greece meet\nTurkish Foreign Minister Hakan Fidan met Greek diplomats in Athens on Monday.\n"
             "Fidan said Turkey wanted calm waters.\n",
    "b.txt": "Brazil signs deal\nBrazil signed a trade deal with Argentina, officials said.\n",
}


def _frame_with(at, column: str):
    """The first table on the page with `column` (tables without selection carry no key in AppTest)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def _profile_name(at) -> str:
    return at.selectbox(key="actors_profile").value


def test_page_renders_on_the_seeds(app_for):
    at = app_for(page="actors")
    no_exceptions(at)
    assert [t.value for t in at.title] == ["Actors"]
    assert at.dataframe(key="actors_table").value["name"].iloc[0] == "Turkey"
    # with no profile asked for, the most mentioned actor is profiled
    assert _profile_name(at) == "Turkey"


def test_page_renders_on_a_folder_of_its_own(app_for, write_articles):
    at = app_for(write_articles(ARTICLES), page="actors")
    no_exceptions(at)
    names = set(at.dataframe(key="actors_table").value["name"])
    assert {"Turkey", "Hakan Fidan", "Brazil", "Argentina"} <= names


def test_profile_query_parameter_opens_that_actor(app_for, write_articles):
    at = app_for(write_articles(ARTICLES), page="actors", query={"profile": "Hakan Fidan"})
    no_exceptions(at)
    assert _profile_name(at) == "Hakan Fidan"
    partners = _frame_with(at, "shared_sentences")
    assert "Turkey" in set(partners["name"])
    assert not any(w.value.startswith("No actor named") for w in at.warning)


def test_unknown_profile_warns_and_falls_back(app_for, write_articles):
    at = app_for(write_articles(ARTICLES), page="actors", query={"profile": "Nobody Atall"})
    no_exceptions(at)
    assert any("Nobody Atall" in w.value for w in at.warning)
    assert _profile_name(at) == at.dataframe(key="actors_table").value["name"].iloc[0]


def test_picking_a_profile_puts_it_in_the_url(app_for, write_articles):
    at = app_for(write_articles(ARTICLES), page="actors")
    at.selectbox(key="actors_profile").select("Brazil").run()
    no_exceptions(at)
    assert at.query_params["profile"] == "Brazil"
    assert _profile_name(at) == "Brazil"


def test_global_filter_narrows_the_table(app_for, write_articles):
    at = app_for(write_articles(ARTICLES), page="actors", query={"actor": "Brazil"})
    no_exceptions(at)
    names = set(at.dataframe(key="actors_table").value["name"])
    assert "Brazil" in names and "Turkey" not in names


def test_filter_that_selects_nothing_says_so(app_for, write_articles):
    at = app_for(write_articles(ARTICLES), page="actors", query={"actor": ["Brazil", "Turkey"], "mode": "all"})
    no_exceptions(at)
    assert any("No actors in this view" in i.value for i in at.info)
