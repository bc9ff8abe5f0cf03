"""The shipped seed article end to end: what a careful analyst reads in it.

The expectations are written here (not read from elsewhere) so the suite runs on any clone.
"""
from __future__ import annotations

import pandas as pd
import pytest

EXPECTED_ACTORS = {
    # canonical name: (kind, surface forms that must all point at it)
    "Turkey": ("country", {"Turkey", "Turkish", "Ankara"}),
    "Israel": ("country", {"Israel", "Israeli"}),
    "Syria": ("country", {"Syria"}),
    "Azerbaijan": ("country", {"Azerbaijan"}),
    "United States": ("country", {"U.S.", "Washington"}),
    "Hakan Fidan": ("person", {"Hakan Fidan", "Fidan"}),
    "Recep Tayyip Erdoğan": ("person", {"Recep Tayyip Erdoğan", "Erdoğan"}),
    "Benjamin Netanyahu": ("person", {"Benjamin Netanyahu", "Netanyahu"}),
    "Donald Trump": ("person", {"Donald Trump", "Trump"}),
    "International Court of Justice": ("organization", {"International Court of Justice"}),
    "Assad": ("person", {"Assad"}),
}


def _actor(b, name):
    rows = b.actors[b.actors["name"] == name]
    assert len(rows) == 1, f"{name!r}: {len(rows)} actor rows"
    return rows.iloc[0]


def test_seed_metadata_comes_from_its_sidecar(seed_briefing):
    row = seed_briefing.articles.iloc[0]
    assert row["file"] == "000_79500b95bb2bff64.txt"
    assert row["published"] == pd.Timestamp("2025-04-10")
    assert row["source"] == "topstorygenz.com"
    assert row["title"] == "Turkey and Israel Hold First Talks in Azerbaijan to Prevent Syria Escalation"


@pytest.mark.parametrize("name", list(EXPECTED_ACTORS), ids=list(EXPECTED_ACTORS))
def test_seed_actor_is_one_row_with_every_surface_form(seed_briefing, name):
    kind, forms = EXPECTED_ACTORS[name]
    actor = _actor(seed_briefing, name)
    assert actor["kind"] == kind
    texts = set(seed_briefing.mentions.loc[seed_briefing.mentions["actor_id"] == actor["actor_id"], "text"])
    assert forms <= texts


def test_seed_defense_ministry_is_one_turkish_organisation(seed_briefing):
    m = seed_briefing.mentions
    ids = set(m.loc[m["text"].isin(["Ministry of Defense", "Defense Ministry"]), "actor_id"])
    assert len(ids) == 1
    actor = seed_briefing.actors.set_index("actor_id").loc[ids.pop()]
    assert actor["kind"] == "organization"
    assert actor["affiliation_id"] == _actor(seed_briefing, "Turkey")["actor_id"]


def test_seed_roles_and_affiliations(seed_briefing):
    fidan = _actor(seed_briefing, "Hakan Fidan")
    assert fidan["role"] == "Foreign Minister"
    assert fidan["affiliation_id"] == _actor(seed_briefing, "Turkey")["actor_id"]
    assert _actor(seed_briefing, "Benjamin Netanyahu")["role"] == "Prime Minister"


@pytest.mark.parametrize("junk", ["Israel Hold", "Prevent Syria Escalation", "Butcher of Gaza", "the “Butcher of Gaza"])
def test_seed_headline_and_scare_quotes_make_no_actor(seed_briefing, junk):
    names = set(seed_briefing.actors["name"]) | set(seed_briefing.mentions["text"])
    assert junk not in names


def test_seed_places_stay_places(seed_briefing):
    for name in ("Gaza", "West Bank"):
        assert _actor(seed_briefing, name)["kind"] == "place"
    assert "person" not in set(seed_briefing.actors.loc[seed_briefing.actors["name"] == "Ankara", "kind"])


def _speaker(b, text):
    q = b.quotes[b.quotes["text"].str.contains(text, regex=False)]
    assert not q.empty, f"no quote with {text!r}"
    names = b.actors.set_index("actor_id")["name"]
    return [names.get(s) for s in q["speaker_id"]], list(q["kind"])


@pytest.mark.parametrize("text, speaker", [
    ("provocative assaults", "Ministry of Defense"),
    ("Butcher of Gaza", "Recep Tayyip Erdoğan"),
    ("If there’s an issue with Turkey", "Donald Trump"),
    ("Erdoğan is sharp and strong", "Donald Trump"),
], ids=["partial-quote", "attributed-nickname", "cue-after", "carried-over"])
def test_seed_direct_quotes_have_their_speaker(seed_briefing, text, speaker):
    speakers, kinds = _speaker(seed_briefing, text)
    assert "direct" in kinds
    assert any(s and s.endswith(speaker) for s, k in zip(speakers, kinds) if k == "direct")


@pytest.mark.parametrize("date_text, day", [("Wednesday", "2025-04-09"), ("Thursday", "2025-04-10")])
def test_seed_weekdays_resolve_against_publication(seed_briefing, date_text, day):
    ev = seed_briefing.events
    hit = ev[ev["date_text"].str.contains(date_text, na=False)]
    assert not hit.empty
    assert set(hit["date"].dt.strftime("%Y-%m-%d")) == {day}
    assert set(hit["precision"]) == {"day"}


def test_seed_recent_and_perfect_events_stay_undated(seed_briefing):
    ev = seed_briefing.events
    s = seed_briefing.sentences.set_index("sentence_id")["text"]
    undated = ev[ev["precision"] == "none"]
    texts = " ".join(s[i] for i in undated["sentence_id"])
    for words in ("recently referred", "has suspended trade", "recent visit to Washington"):
        assert words in texts
    assert undated["date"].isna().all()
