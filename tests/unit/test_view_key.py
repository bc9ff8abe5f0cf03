"""The key pages remember their work by: it changes with the filter and with the briefing's content."""
from __future__ import annotations

import pandas as pd

from dashboard.filtering import ActorFilter, apply_filter
from dashboard.loader import Briefing, schema
from dashboard.views.memo import view_key


def _briefing(name: str = "Turkey", article: str = "a1", published: str = "2025-04-10",
              headline: str = "Turkey met Israel") -> Briefing:
    return Briefing(
        folder="f", articles=schema.cast(pd.DataFrame({"article_id": [article], "title": ["T"],
                                                       "published": [published]}), "articles"),
        sentences=schema.empty("sentences"), mentions=schema.empty("mentions"), quotes=schema.empty("quotes"),
        events=schema.cast(pd.DataFrame({"event_id": ["a1-e0"], "article_id": [article],
                                         "headline": [headline]}), "events"),
        actors=schema.cast(pd.DataFrame({"actor_id": ["turkey"], "name": [name], "kind": ["country"]}), "actors"))


def test_the_same_view_has_the_same_key():
    assert view_key(apply_filter(_briefing(), ActorFilter())) == view_key(apply_filter(_briefing(), ActorFilter()))


def test_another_filter_a_renamed_actor_an_edited_article_or_new_events_change_the_key():
    key = view_key(apply_filter(_briefing(), ActorFilter()))
    assert view_key(apply_filter(_briefing(), ActorFilter(actor_ids=("turkey",)))) != key
    assert view_key(apply_filter(_briefing(name="Türkiye"), ActorFilter())) != key
    assert view_key(apply_filter(_briefing(article="a2"), ActorFilter())) != key
    assert view_key(apply_filter(_briefing(published="2025-04-11"), ActorFilter())) != key
    assert view_key(apply_filter(_briefing(headline="Turkey left"), ActorFilter())) != key
