"""The actor page: table, profile by link, network, and registry edits, in-process."""
from __future__ import annotations

import yaml

from tests.corpora import DESK

from .conftest import no_exceptions


def _frame_with(at, column: str):
    """The first table on the page with `column` (tables without selection carry no key in AppTest)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def _entries(folder) -> list[dict]:
    return yaml.safe_load((folder / "actors.yaml").read_text(encoding="utf-8"))["actors"]


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
    at = app_for(write_articles(DESK), page="actors")
    no_exceptions(at)
    names = set(at.dataframe(key="actors_table").value["name"])
    assert {"Turkey", "Hakan Fidan", "Brazil", "Argentina"} <= names


def test_profile_query_parameter_opens_that_actor(app_for, write_articles):
    at = app_for(write_articles(DESK), page="actors", query={"profile": "Hakan Fidan"})
    no_exceptions(at)
    assert _profile_name(at) == "Hakan Fidan"
    partners = _frame_with(at, "shared_sentences")
    assert "Turkey" in set(partners["name"])
    assert not any(w.value.startswith("No actor named") for w in at.warning)


def test_unknown_profile_warns_and_falls_back(app_for, write_articles):
    at = app_for(write_articles(DESK), page="actors", query={"profile": "Nobody Atall"})
    no_exceptions(at)
    assert any("Nobody Atall" in w.value for w in at.warning)
    assert _profile_name(at) == at.dataframe(key="actors_table").value["name"].iloc[0]


def test_picking_a_profile_puts_it_in_the_url(app_for, write_articles):
    at = app_for(write_articles(DESK), page="actors")
    at.selectbox(key="actors_profile").select("Brazil").run()
    no_exceptions(at)
    assert at.query_params["profile"] == "Brazil"
    assert _profile_name(at) == "Brazil"


def test_global_filter_narrows_the_table(app_for, write_articles):
    at = app_for(write_articles(DESK), page="actors", query={"actor": "Brazil"})
    no_exceptions(at)
    names = set(at.dataframe(key="actors_table").value["name"])
    assert "Brazil" in names and "Turkey" not in names


def test_filter_that_selects_nothing_says_so(app_for, write_articles):
    at = app_for(write_articles(DESK), page="actors", query={"actor": ["Brazil", "Turkey"], "mode": "all"})
    no_exceptions(at)
    assert any("No actors in this view" in i.value for i in at.info)


def test_renaming_writes_the_registry_and_shows_the_new_name(app_for, write_articles):
    folder = write_articles(DESK)
    at = app_for(folder, page="actors", query={"profile": "Hakan Fidan"})
    at.text_input(key="actors_edit_name").input("Hakan Fidan (FM)")
    at.button(key="actors_edit_save").click().run()
    no_exceptions(at)
    assert _entries(folder) == [{"rename": "Hakan Fidan", "to": "Hakan Fidan (FM)"}]
    assert any("Wrote" in s.value and str(folder / "actors.yaml") in s.value for s in at.success)
    at.run()
    no_exceptions(at)
    assert "Hakan Fidan (FM)" in set(at.dataframe(key="actors_table").value["name"])
    assert "Hakan Fidan" not in set(at.dataframe(key="actors_table").value["name"])
    assert _profile_name(at) == "Hakan Fidan (FM)"


def test_hiding_removes_the_actor(app_for, write_articles):
    folder = write_articles(DESK)
    at = app_for(folder, page="actors", query={"profile": "Argentina"})
    at.segmented_control(key="actors_edit_action").set_value("Hide").run()
    at.button(key="actors_edit_save").click().run()
    no_exceptions(at)
    assert _entries(folder) == [{"hide": "Argentina"}]
    assert "Argentina" not in set(at.dataframe(key="actors_table").value["name"])


def test_setting_details_writes_only_what_changed(app_for, write_articles):
    folder = write_articles(DESK)
    at = app_for(folder, page="actors", query={"profile": "Brazil"})
    at.segmented_control(key="actors_edit_action").set_value("Set details").run()
    at.text_input(key="actors_edit_role").input("Trade partner")
    at.button(key="actors_edit_save").click().run()
    no_exceptions(at)
    assert _entries(folder) == [{"set": "Brazil", "role": "Trade partner"}]
    row = at.dataframe(key="actors_table").value.set_index("name").loc["Brazil"]
    assert row["role"] == "Trade partner"


def test_merging_two_actors(app_for, write_articles):
    folder = write_articles(DESK)
    at = app_for(folder, page="actors", query={"profile": "Brazil"})
    at.segmented_control(key="actors_edit_action").set_value("Merge").run()
    at.multiselect(key="actors_edit_merge").select("Argentina")
    at.text_input(key="actors_edit_into").input("Mercosur pair")
    at.button(key="actors_edit_save").click().run()
    no_exceptions(at)
    names = set(at.dataframe(key="actors_table").value["name"])
    assert "Mercosur pair" in names and "Brazil" not in names and "Argentina" not in names
    assert _profile_name(at) == "Mercosur pair"
    assert _entries(folder) == [{"merge": ["Brazil", "Argentina"], "into": "Mercosur pair"}]


def test_unwritable_registry_reports_what_to_do(app_for, write_articles):
    folder = write_articles(DESK)
    at = app_for(folder, page="actors", query={"profile": "Brazil"})
    (folder / "actors.yaml").mkdir()  # a folder where the file should be: no user, root or not, can write it
    at.text_input(key="actors_edit_name").input("Federative Republic of Brazil")
    at.button(key="actors_edit_save").click().run()
    no_exceptions(at)
    assert any("Could not write" in e.value and "writable" in e.value for e in at.error)
    assert "Brazil" in set(at.dataframe(key="actors_table").value["name"])


def test_entries_that_match_nothing_are_shown_and_can_be_removed(app_for, write_articles):
    folder = write_articles({**DESK, "actors.yaml": "actors:\n- hide: Nobody Atall\n- hide: Argentina\n"})
    at = app_for(folder, page="actors", query={"profile": "Brazil"})
    no_exceptions(at)
    assert any("Nobody Atall" in w.value for w in at.warning)
    assert "Argentina" not in set(at.dataframe(key="actors_table").value["name"])
    at.button(key="actors_edit_remove_1").click().run()
    no_exceptions(at)
    assert _entries(folder) == [{"hide": "Nobody Atall"}]
    assert "Argentina" in set(at.dataframe(key="actors_table").value["name"])
    assert _profile_name(at) == "Brazil"
