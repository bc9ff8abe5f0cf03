"""Getting a briefing ready for a meeting, in-process: its title page, key points and corrections."""
from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from .conftest import SEEDS, no_exceptions

QUOTE = "Turkey prefers diplomacy to manage rising tensions"


def copy_seeds(target: Path) -> Path:
    shutil.copytree(SEEDS, target)
    return target


def _row_id(folder: Path, tmp_path: Path, table: str, column: str, words: str) -> str:
    from dashboard.loader import load_briefing

    rows = getattr(load_briefing(folder, cache_dir=tmp_path / "cache"), table)
    return str(rows.loc[rows[column].fillna("").str.startswith(words), f"{table[:-1]}_id"].iloc[0])


def _button(at, label: str):
    return next(b for b in at.button if b.label == label)


def test_overview_edits_the_title_page(app_for, tmp_path):
    folder = copy_seeds(tmp_path / "seed")
    at = app_for(folder)
    no_exceptions(at)
    at.text_input(key="overview_title_title").input("Baku talks")
    at.text_input(key="overview_title_classification").input("Internal")
    _button(at, "Save title page").click().run()
    no_exceptions(at)
    saved = yaml.safe_load((folder / "briefing.yaml").read_text(encoding="utf-8"))
    assert saved == {"title": "Baku talks", "classification": "Internal"}
    assert any("Baku talks" in str(m.value) for m in at.markdown)


def test_overview_shows_key_points_and_a_made_up_title(app_for):
    at = app_for()
    no_exceptions(at)
    assert "Key points" in [h.value for h in at.header]
    assert any("Turkey, Israel and Syria" in str(m.value) for m in at.markdown)


def test_a_speaker_corrected_on_the_quotes_page_is_kept_and_can_be_undone(app_for, tmp_path):
    folder = copy_seeds(tmp_path / "seed")
    at = app_for(folder, page="quotes")
    no_exceptions(at)
    # the choices are quote ids shown as speaker and words; AppTest sets them by id
    at.selectbox(key="quotes_fix_quote").set_value(_row_id(folder, tmp_path, "quotes", "text", QUOTE)).run()
    speaker = next(o for o in at.selectbox(key="quotes_fix_speaker").options if o.startswith("Recep Tayyip"))
    at.selectbox(key="quotes_fix_speaker").select(speaker)
    _button(at, "Save speaker").click().run()
    no_exceptions(at)
    entries = yaml.safe_load((folder / "corrections.yaml").read_text(encoding="utf-8"))["corrections"]
    assert [(e["quote"], e["speaker"]) for e in entries] == [(QUOTE, "recep-tayyip-erdogan")]
    cards = "".join(str(h.proto.body) for h in at.get("html"))
    assert "Corrected" in cards

    at.switch_page("app_pages/overview.py").run()
    no_exceptions(at)
    at.button(key="overview_fixes_undo_0").click().run()
    no_exceptions(at)
    assert yaml.safe_load((folder / "corrections.yaml").read_text(encoding="utf-8"))["corrections"] == []


def test_an_event_date_corrected_on_the_timeline_is_kept(app_for, tmp_path):
    import datetime as dt

    folder = copy_seeds(tmp_path / "seed")
    at = app_for(folder, page="timeline")
    no_exceptions(at)
    at.selectbox(key="timeline_fix_event").set_value(
        _row_id(folder, tmp_path, "events", "date_text", "on Wednesday")).run()
    at.date_input(key="timeline_fix_date").set_value(dt.date(2025, 4, 8))
    _button(at, "Save event").click().run()
    no_exceptions(at)
    entries = yaml.safe_load((folder / "corrections.yaml").read_text(encoding="utf-8"))["corrections"]
    assert [(e["date"], e["precision"]) for e in entries] == [("2025-04-08", "day")]
    assert entries[0]["event"].startswith("This meeting, held on Wednesday")
