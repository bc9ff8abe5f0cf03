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


# ---------------------------------------------------------------------------------------------
# Events: who did what to whom


def _sentence_of(b, words: str) -> int:
    s = b.sentences
    return int(s[s["text"].str.contains(words, regex=False)]["sentence_id"].iloc[0])


def test_seed_meeting_is_one_event(seed_briefing):
    ev = seed_briefing.events
    day = ev[(ev["date"] == pd.Timestamp("2025-04-09")) & (ev["precision"] == "day")]
    assert len(day) == 1
    row = day.iloc[0]
    assert {"turkey", "israel"} <= set(row["actor_ids"])
    assert row["place"] == "Azerbaijan"
    assert row["event_class"] == "occurrence"
    assert "convened" in row["headline"] and "Azerbaijan" in row["headline"]


def test_seed_announcement_is_a_reporting_event_that_says_what(seed_briefing):
    ev = seed_briefing.events
    row = ev[ev["trigger"] == "announced"].iloc[0]
    assert (row["event_class"], row["date"], row["precision"]) == ("reporting", pd.Timestamp("2025-04-10"), "day")
    assert row["agent_ids"] == ["turkey-ministry-of-defense"]
    assert "announced that" in row["headline"] and "discussions" in row["headline"]


@pytest.mark.parametrize(
    ("words", "actors"),
    [
        pytest.param("following the collapse of the Assad regime", {"assad"}, id="collapse"),
        pytest.param("Erdoğan recently referred to Israeli Prime Minister Benjamin Netanyahu",
                     {"recep-tayyip-erdogan", "benjamin-netanyahu"}, id="referred"),
        pytest.param("Turkey has suspended trade with Israel", {"turkey", "israel"}, id="suspended"),
        pytest.param("joined the genocide case against it at the International Court of Justice",
                     {"turkey", "international-court-of-justice"}, id="joined"),
        pytest.param("During a recent visit to Washington, Netanyahu sought U.S. backing against Turkey",
                     {"benjamin-netanyahu", "united-states"}, id="visit"),
    ],
)
def test_seed_undated_events_stay_undated_with_their_actors(seed_briefing, words, actors):
    ev = seed_briefing.events
    here = ev[ev["sentence_id"] == _sentence_of(seed_briefing, words)]
    undated = here[here["precision"] == "none"]
    assert not undated.empty and undated["date"].isna().all()
    assert here["precision"].eq("none").all()
    assert actors <= {a for ids in undated["actor_ids"] for a in ids}


def test_seed_no_headline_opens_with_a_pronoun(seed_briefing):
    from dashboard.loader.events.headlines import opens_with_pronoun

    headlines = seed_briefing.events["headline"].tolist()
    assert headlines and all(headlines)
    assert [h for h in headlines if opens_with_pronoun(h)] == []


def test_seed_events_have_agents_and_patients(seed_briefing):
    ev = seed_briefing.events
    urged = ev[ev["trigger"] == "urged"].iloc[0]
    assert (urged["agent_ids"], urged["patient_ids"]) == (["turkey-ministry-of-defense"], ["israel"])
    told = ev[ev["trigger"] == "told"].iloc[0]
    assert (told["agent_ids"], told["patient_ids"]) == (["donald-trump"], ["benjamin-netanyahu"])
