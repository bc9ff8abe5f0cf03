"""The PowerPoint export: it opens with python-pptx and holds the deck's slides and words."""
from __future__ import annotations

import io
import threading
import time

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from dashboard.export import build_deck, export_pptx
from dashboard.export.pptx import render_pngs
from dashboard.export.figures import figure_for
from dashboard.filtering import ActorFilter, apply_filter
from dashboard.loader import load_briefing

from .export_samples import ARTICLE_FILES, EVIL_NAME, EVIL_QUOTE, EVIL_SUMMARY, sample_briefing


def open_deck(data: bytes):
    return Presentation(io.BytesIO(data))


def words(slide) -> str:
    """Every piece of text on a slide: text boxes and table cells."""
    out = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            out.append(shape.text_frame.text)
        if shape.has_table:
            out += [cell.text for row in shape.table.rows for cell in row.cells]
    return "\n".join(out)


@pytest.fixture(scope="module")
def sample_view():
    return apply_filter(sample_briefing(), ActorFilter())


@pytest.fixture(scope="module")
def table_deck(sample_view):
    return open_deck(export_pptx(sample_view, images=False))


def test_slides_and_titles_match_the_deck(sample_view, table_deck):
    deck = build_deck(sample_view)
    assert [s.shapes.title.text for s in table_deck.slides] == [s.title for s in deck.slides]
    assert table_deck.slide_width * 9 == table_deck.slide_height * 16


def test_title_slide_names_period_and_filter(table_deck):
    text = words(table_deck.slides[0])
    assert "10 – 12 Apr 2025" in text
    assert "All actors" in text
    assert "2 articles · 4 events · 3 quotes" in text


def test_quotes_slides_hold_the_key_quotes(sample_view, table_deck):
    deck = build_deck(sample_view)
    for made, slide in zip(table_deck.slides, deck.slides):
        for quote in slide.quotes:
            assert quote.text in words(made)
            assert quote.speaker in words(made)
    assert EVIL_QUOTE in "".join(words(s) for s in table_deck.slides)


def test_events_slide_holds_the_developments(sample_view, table_deck):
    deck = build_deck(sample_view)
    index = next(i for i, s in enumerate(deck.slides) if s.kind == "events")
    text = words(table_deck.slides[index])
    for event in deck.slides[index].events:
        assert event.headline in text and event.date_label in text
    assert EVIL_SUMMARY in text


def test_charts_become_tables_without_pictures(sample_view, table_deck):
    deck = build_deck(sample_view)
    kinds = {s.kind: made for s, made in zip(deck.slides, table_deck.slides)}
    assert not [sh for made in table_deck.slides for sh in made.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert "Turkish and Israeli officials met in Baku" in words(kinds["timeline"])
    network = words(kinds["actors"])
    assert "Named together" in network and "Israel — Turkey" in network
    assert EVIL_NAME in network


def test_text_that_xml_refuses_is_dropped_not_fatal():
    b = sample_briefing()
    b.quotes.loc[0, "text"] = "We \x00stay\x0b here and talk at length about the talks"
    data = export_pptx(apply_filter(b, ActorFilter()), images=False)
    assert "We stay here" in "".join(words(s) for s in open_deck(data).slides)


def test_an_empty_view_still_makes_a_deck():
    data = export_pptx(apply_filter(sample_briefing(), ActorFilter(("no-such-actor",))), images=False)
    assert [s.shapes.title.text for s in open_deck(data).slides] == ["Turkey, Israel and Hakan Fidan · 9–12 April 2025",
                                                                           "Nothing to show"]


def test_charts_are_pictures_where_a_renderer_works(sample_view):
    figs = {"network": figure_for("network", sample_view)}
    if not render_pngs(figs):
        pytest.skip("no PNG renderer (kaleido and Chrome) on this machine")
    made = open_deck(export_pptx(sample_view, images=True))
    deck = build_deck(sample_view)
    pictures = {s.kind for s, m in zip(deck.slides, made.slides)
                if any(sh.shape_type == MSO_SHAPE_TYPE.PICTURE for sh in m.shapes)}
    assert pictures == {"timeline", "actors"}


def test_a_renderer_that_hangs_gives_tables_in_time(sample_view, monkeypatch):
    from dashboard.export import pptx

    release = threading.Event()
    monkeypatch.setattr(pptx, "_render", lambda figures: release.wait(30) and {})
    started = time.monotonic()
    try:
        assert render_pngs({"network": figure_for("network", sample_view)}, timeout=0.5) == {}
        assert time.monotonic() - started < 10
    finally:
        release.set()


def test_deck_of_loaded_articles_follows_the_view(nlp, write_articles, tmp_path):
    folder = write_articles(ARTICLE_FILES)
    view = apply_filter(load_briefing(folder, cache_dir=tmp_path / "cache", nlp=nlp), ActorFilter())
    deck = build_deck(view)
    made = open_deck(export_pptx(view, deck=deck, images=False))
    assert [s.shapes.title.text for s in made.slides] == [s.title for s in deck.slides]
    everything = "".join(words(s) for s in made.slides)
    for quote in (q for s in deck.slides for q in s.quotes):
        assert quote.text in everything
    for event in (e for s in deck.slides for e in s.events):
        assert event.headline in everything
