"""The presentation page: every slide renders, the URL's slide number and actor filter are honoured."""
from __future__ import annotations

import pytest

from dashboard.export import build_deck
from dashboard.filtering import ActorFilter, apply_filter
from dashboard.loader import load_briefing
from tests.corpora import NEWS

from .conftest import no_exceptions


@pytest.fixture
def folder(write_articles):
    return write_articles(NEWS)


@pytest.fixture
def expected_deck(nlp, tmp_path):
    """The deck the page should show, built from the same folder without the app."""
    def build(folder, *, actor: str | None = None):
        return deck_of(folder, tmp_path, nlp, actor=actor)
    return build


def deck_of(folder, tmp_path, nlp, *, actor: str | None = None):
    briefing = load_briefing(folder, cache_dir=tmp_path / "expected-cache", nlp=nlp)
    ids = tuple(briefing.actors.loc[briefing.actors["name"] == actor, "actor_id"]) if actor else ()
    return build_deck(apply_filter(briefing, ActorFilter(ids)))


def shown_title(at) -> str:
    return at.title[0].value


def counter(at) -> str:
    return next(h.proto.body for h in at.get("html") if "bq-count" in h.proto.body)


def page_html(at) -> str:
    return "".join(h.proto.body for h in at.get("html"))


def test_every_slide_renders(app_for, folder, expected_deck):
    deck = expected_deck(folder)
    at = app_for(folder, page="present")
    no_exceptions(at)
    for number, slide in enumerate(deck.slides, 1):
        at.query_params["slide"] = str(number)
        at.run()
        no_exceptions(at)
        assert shown_title(at) == slide.title
        assert f">{number} / {len(deck.slides)}<" in counter(at)


def test_slide_number_in_the_query_string_is_honoured(app_for, folder, expected_deck):
    deck = expected_deck(folder)
    at = app_for(folder, page="present", query={"slide": "3"})
    no_exceptions(at)
    assert at.query_params["slide"] == "3"
    assert shown_title(at) == deck.slides[2].title


@pytest.mark.parametrize(("asked", "shown"), [("0", 1), ("999", -1), ("two", 1)], ids=["zero", "past-end", "word"])
def test_a_slide_number_out_of_range_is_kept_within_the_deck(app_for, folder, expected_deck, asked, shown):
    deck = expected_deck(folder)
    at = app_for(folder, page="present", query={"slide": asked})
    no_exceptions(at)
    number = shown if shown > 0 else len(deck.slides)
    assert shown_title(at) == deck.slides[number - 1].title
    assert at.query_params["slide"] == str(number)


def test_buttons_move_and_write_the_slide_into_the_url(app_for, folder, expected_deck):
    deck = expected_deck(folder)
    at = app_for(folder, page="present")
    assert at.button(key="present_prev").disabled
    at.button(key="present_next").click().run()
    assert (at.query_params["slide"], shown_title(at)) == ("2", deck.slides[1].title)
    at.button(key="present_last").click().run()
    assert (at.query_params["slide"], shown_title(at)) == (str(len(deck.slides)), deck.slides[-1].title)
    assert at.button(key="present_next").disabled
    at.button(key="present_prev").click().run()
    assert at.query_params["slide"] == str(len(deck.slides) - 1)
    at.button(key="present_first").click().run()
    assert (at.query_params["slide"], shown_title(at)) == ("1", deck.slides[0].title)


def test_the_actor_filter_in_the_url_changes_the_slides(app_for, folder, expected_deck):
    everyone = expected_deck(folder)
    brazil = expected_deck(folder, actor="Brazil")
    assert [s.title for s in brazil.slides] != [s.title for s in everyone.slides] or \
        brazil.slides[0].facts != everyone.slides[0].facts
    at = app_for(folder, page="present", query={"actor": "Brazil"})
    no_exceptions(at)
    assert "<dd>Brazil</dd>" in page_html(at)
    assert "<dd>All actors</dd>" not in page_html(at)
    for number, slide in enumerate(brazil.slides, 1):
        at.query_params["slide"] = str(number)
        at.run()
        no_exceptions(at)
        assert shown_title(at) == slide.title
        assert at.query_params["actor"] in ("Brazil", ["Brazil"])
    shown_sources = brazil.slides[-1]
    assert shown_sources.kind == "articles"
    assert "Brazil and Argentina sign trade deal" in page_html(at)
    assert "Ministers prepare new round of talks" not in page_html(at)


def test_downloads_are_offered(app_for, folder):
    at = app_for(folder, page="present")
    buttons = {b.key: b for b in at.get("download_button")}
    assert set(buttons) == {"present_download_html", "present_download_pptx"}


def test_a_filter_that_selects_nothing_shows_a_slide_that_says_so(app_for, folder, expected_deck):
    at = app_for(folder, page="present", query={"actor": ["Brazil", "Turkey"], "mode": "all"})
    no_exceptions(at)
    deck = expected_deck(folder)
    assert shown_title(at) == deck.slides[0].title
    at.query_params["slide"] = "2"
    at.run()
    assert shown_title(at) == "Nothing to show"
