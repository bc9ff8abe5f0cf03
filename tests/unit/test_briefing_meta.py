"""The briefing's title page (briefing.yaml) and the title made from the briefing when there is none."""
from __future__ import annotations

import pandas as pd
import pytest

from dashboard.loader import schema
from dashboard.loader.edits import META_FILE, BriefingMeta, EditFileError, backup_name, load_meta, save_meta
from dashboard.views.briefing_title import made_up_title, title_page


def test_a_missing_file_is_an_empty_title_page(tmp_path):
    assert load_meta(tmp_path) == (BriefingMeta(), [])


def test_save_writes_a_file_that_loads_back(tmp_path):
    meta = BriefingMeta(title="Talks in Baku", subtitle="Deconfliction", author="Europe desk",
                        classification="Internal", summary="Turkey and Israel met.\nMore to follow.")
    assert save_meta(tmp_path, meta) == meta
    assert load_meta(tmp_path) == (meta, [])


def test_blank_fields_are_left_out_and_spaces_trimmed(tmp_path):
    save_meta(tmp_path, BriefingMeta(title="  Talks  ", author=""))
    assert load_meta(tmp_path)[0] == BriefingMeta(title="Talks")
    assert "author:" not in (tmp_path / META_FILE).read_text(encoding="utf-8")


def test_save_keeps_a_field_changed_meanwhile_and_a_backup(tmp_path):
    base = save_meta(tmp_path, BriefingMeta(title="Old title", author="Desk"))
    save_meta(tmp_path, BriefingMeta(title="Old title", author="Someone else"), base=base)  # another window
    save_meta(tmp_path, BriefingMeta(title="New title", author="Desk"), base=base)  # this one changed the title
    assert load_meta(tmp_path)[0] == BriefingMeta(title="New title", author="Someone else")
    assert "Someone else" in (tmp_path / backup_name(META_FILE)).read_text(encoding="utf-8")


def test_save_refuses_to_overwrite_a_file_it_cannot_read(tmp_path):
    (tmp_path / META_FILE).write_text("title: [unclosed\n", encoding="utf-8")
    with pytest.raises(EditFileError):
        save_meta(tmp_path, BriefingMeta(title="x"))
    assert (tmp_path / META_FILE).read_text(encoding="utf-8") == "title: [unclosed\n"


@pytest.mark.parametrize("text, message", [
    pytest.param("title: [unclosed\n", "not valid YAML", id="yaml"),
    pytest.param("title: &t Talks\nsubtitle: *t\n", "anchors", id="anchor"),
    pytest.param("- a list\n", "must be a mapping", id="not-a-mapping"),
])
def test_an_unreadable_file_is_ignored_with_a_warning(tmp_path, text, message):
    (tmp_path / META_FILE).write_text(text, encoding="utf-8")
    meta, issues = load_meta(tmp_path)
    assert meta == BriefingMeta() and len(issues) == 1 and message in issues[0].message


def test_unknown_fields_and_overlong_values_are_reported(tmp_path):
    (tmp_path / META_FILE).write_text("title: " + "x" * 250 + "\ncolour: red\n", encoding="utf-8")
    meta, issues = load_meta(tmp_path)
    assert meta.title == "x" * 200
    assert sorted(i.message.split(" ")[0] for i in issues) == ["'colour'", "'title'"]


def _briefing_tables(event_dates: list[str], published: list[str]):
    actors = schema.cast(pd.DataFrame({
        "actor_id": ["turkey", "israel", "gaza", "syria", "hakan-fidan"],
        "name": ["Turkey", "Israel", "Gaza", "Syria", "Hakan Fidan"],
        "kind": ["country", "country", "place", "country", "person"],
        "mention_count": [15, 12, 20, 7, 2],
    }), "actors")
    events = schema.cast(pd.DataFrame({
        "event_id": [f"e{i}" for i in range(len(event_dates))], "date": pd.to_datetime(event_dates),
        "precision": ["day"] * len(event_dates),
    }), "events")
    articles = schema.cast(pd.DataFrame({"article_id": [f"a{i}" for i in range(len(published))],
                                         "published": pd.to_datetime(published)}), "articles")
    return actors, events, articles


@pytest.mark.parametrize("events, published, title", [
    pytest.param(["2025-04-09"], ["2025-04-10"], "Turkey, Israel and Syria · 9–10 April 2025", id="same-month"),
    pytest.param(["2025-03-28"], ["2025-04-02"], "Turkey, Israel and Syria · 28 March – 2 April 2025", id="months"),
    pytest.param([], ["2025-04-10"], "Turkey, Israel and Syria · 10 April 2025", id="one-day"),
    pytest.param(["2024-12-30"], ["2025-01-02"], "Turkey, Israel and Syria · 30 December 2024 – 2 January 2025",
                 id="years"),
])
def test_a_made_up_title_names_the_main_actors_and_the_period(events, published, title):
    assert made_up_title(*_briefing_tables(events, published)) == title


def test_a_made_up_title_never_uses_the_folder_name():
    empty = schema.empty("actors"), schema.empty("events"), schema.empty("articles")
    assert made_up_title(*empty) == "News briefing"


def test_the_analysts_title_wins_and_their_other_fields_come_along():
    page = title_page(BriefingMeta(title="Baku talks", classification="Internal"),
                      *_briefing_tables(["2025-04-09"], ["2025-04-10"]))
    assert (page.title, page.classification, page.is_made_up) == ("Baku talks", "Internal", False)
    made_up = title_page(BriefingMeta(subtitle="Deconfliction"), *_briefing_tables(["2025-04-09"], ["2025-04-10"]))
    assert made_up.title.startswith("Turkey, Israel and Syria") and made_up.subtitle == "Deconfliction"
