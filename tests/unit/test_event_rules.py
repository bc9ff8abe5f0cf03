"""Events as predicates with participants: event words, classes, agents and patients, inherited dates,
one event told twice, headlines. Short stories written here, parsed by the real model."""
from __future__ import annotations

import pandas as pd
import pytest

from dashboard.loader.events.extract import extract_events
from dashboard.loader.events.headlines import opens_with_pronoun
from dashboard.loader.quotes.extract import extract_quotes

THURSDAY = pd.Timestamp("2025-04-10")
KINDS = {
    "Ford": "organization", "Toyota": "organization", "Renault": "organization", "Nissan": "organization",
    "France": "country", "Syria": "country", "Alan Mulally": "person", "Barack Obama": "person", "Fonoti": "person",
    "Hoyle’s Rules Of Order": "organization",
}


def _mentions(text: str) -> pd.DataFrame:
    """Mentions of the actors above wherever their names stand, as find_mentions gives them."""
    rows = []
    for name, kind in KINDS.items():
        start = text.find(name)
        while start >= 0:
            rows.append({"sentence_id": 0, "start": start, "end": start + len(name), "text": name, "label": "ORG",
                         "key": name, "kind": kind, "role": "chief executive" if kind == "person" else None,
                         "affiliation_key": None})
            start = text.find(name, start + 1)
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def events_of(nlp):
    def run(text: str, published: pd.Timestamp | None = THURSDAY) -> pd.DataFrame:
        return extract_events(nlp(text), _mentions(text), published)

    return run


def _one(events: pd.DataFrame, trigger: str) -> pd.Series:
    rows = events[events["trigger"] == trigger]
    assert len(rows) == 1, events[["trigger", "headline"]].to_string()
    return rows.iloc[0]


def test_passive_is_turned_round(events_of) -> None:
    row = _one(events_of("The embassy of France was attacked by Syria on Monday."), "attacked")
    assert (row["agent_keys"], row["patient_keys"]) == (["Syria"], ["France"])
    assert row["headline"] == "The embassy of France was attacked by Syria"


def test_active_subject_acts_on_object(events_of) -> None:
    row = _one(events_of("Ford bought Toyota."), "bought")
    assert (row["agent_keys"], row["patient_keys"], row["lemma"]) == (["Ford"], ["Toyota"], "buy")


@pytest.mark.parametrize(
    ("text", "trigger", "lemma"),
    [
        pytest.param("Ford held talks with Toyota in Tokyo.", "talks", "talks", id="held-talks"),
        pytest.param("Renault made a visit to Nissan.", "visit", "visit", id="made-a-visit"),
        pytest.param("Talks were held by Ford and Toyota.", "Talks", "talks", id="talks-were-held"),
    ],
)
def test_light_verb_gives_its_event_noun(events_of, text: str, trigger: str, lemma: str) -> None:
    events = events_of(text)
    row = _one(events, trigger)
    assert row["lemma"] == lemma
    assert text[row["trigger_start"]:row["trigger_end"]] == trigger
    assert not events["lemma"].isin(["hold", "make"]).any()
    assert row["agent_keys"]


def test_light_verb_place_and_partner(events_of) -> None:
    row = _one(events_of("Ford held talks with Toyota in Tokyo."), "talks")
    assert row["place"] == "Tokyo"
    assert row["actor_keys"] == ["Ford", "Toyota"]


def test_phrasal_verb_keeps_its_particle(events_of) -> None:
    text = "Ford called off the merger with Toyota."
    row = _one(events_of(text), "called off")
    assert row["lemma"] == "call off"
    assert text[row["trigger_start"]:row["trigger_end"]] == "called off"


@pytest.mark.parametrize(
    ("text", "trigger", "event_class"),
    [
        pytest.param("Ford met Toyota.", "met", "occurrence", id="occurrence"),
        pytest.param("Ford said Toyota was late.", "said", "reporting", id="reporting"),
        pytest.param("Ford will hold talks with Toyota.", "talks", "intention", id="will-hold"),
        pytest.param("Ford plans to buy Toyota.", "buy", "intention", id="plans-to"),
        pytest.param("Ford denied it had sold the unit to Toyota.", "sold", "negated", id="denied-it-had"),
        pytest.param("Ford did not buy Toyota.", "buy", "negated", id="did-not"),
        pytest.param("The deal could be delayed by Toyota.", "delayed", "hypothetical", id="could-be"),
        pytest.param("Ford will buy Toyota if prices fall.", "buy", "hypothetical", id="if-clause"),
        pytest.param("Ford is the largest carmaker.", "is", "state", id="copula"),
    ],
)
def test_event_class(events_of, text: str, trigger: str, event_class: str) -> None:
    assert _one(events_of(text), trigger)["event_class"] == event_class


def test_denial_is_told_as_a_denial(events_of) -> None:
    row = _one(events_of("Ford denied it had sold the unit to Toyota."), "sold")
    assert row["headline"].startswith("Ford denied that")


def test_date_inherited_from_a_joined_clause(events_of) -> None:
    events = events_of("Ford closed a plant on Monday and fired Toyota.")
    row = _one(events, "fired")
    assert (str(row["date"])[:10], row["precision"], row["date_rule"]) == ("2025-04-07", "day", "inherited-sentence")


def test_date_inherited_from_the_paragraph(events_of) -> None:
    events = events_of("On Monday, Ford met Toyota in Detroit. Ford then fired Renault.\n\nNissan praised Ford.")
    fired, praised = _one(events, "fired"), _one(events, "praised")
    assert (str(fired["date"])[:10], fired["date_rule"], fired["date_text"]) == (
        "2025-04-07", "inherited-paragraph", "On Monday")
    assert pd.isna(praised["date"]) and praised["precision"] == "none"


def test_another_tense_ends_the_paragraphs_date(events_of) -> None:
    events = events_of("On Monday, Ford met Toyota in Detroit. Ford is the largest carmaker. Nissan praised Ford.")
    assert _one(events, "praised")["precision"] == "none"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        pytest.param("Ford said on Monday that Toyota had lost money.", "lost", id="reported-clause"),
        pytest.param("On Monday, Ford met Toyota. Ford will buy Nissan.", "buy", id="future-after-narrative"),
        pytest.param("Ford met Toyota on Monday and may buy Nissan.", "buy", id="possibility"),
    ],
)
def test_no_date_where_the_text_gives_none(events_of, text: str, trigger: str) -> None:
    row = _one(events_of(text), trigger)
    assert pd.isna(row["date"]) and row["precision"] == "none" and pd.isna(row["date_text"])


def test_the_meeting_is_the_event_told_before(events_of) -> None:
    text = ("Ford and Toyota met in Detroit this week, Renault said on Thursday.\n"
            "The meeting, held on Wednesday, was long.")
    events = events_of(text)
    meetings = events[events["lemma"].isin(["meet", "meeting"])]
    assert len(meetings) == 1
    row = meetings.iloc[0]
    assert (str(row["date"])[:10], row["precision"], row["place"]) == ("2025-04-09", "day", "Detroit")
    assert set(row["actor_keys"]) == {"Ford", "Toyota"}
    assert row["headline"] == "Ford and Toyota met in Detroit"


def test_pronoun_participant_is_resolved(events_of) -> None:
    events = events_of("Alan Mulally runs Ford. He met Toyota on Monday.")
    row = _one(events, "met")
    assert row["agent_keys"] == ["Alan Mulally"]
    assert row["headline"] == "Alan Mulally met Toyota"


def test_description_becomes_the_name(events_of) -> None:
    events = events_of("Ford closed a plant. The company fired 500 workers.")
    assert _one(events, "fired")["headline"] == "Ford fired 500 workers"


def test_apposition_keeps_the_name(events_of) -> None:
    row = _one(events_of("President of the United States Barack Obama visited Ford."), "visited")
    assert row["agent_keys"] == ["Barack Obama"] and row["patient_keys"] == ["Ford"]


def test_no_headline_opens_with_a_pronoun(events_of) -> None:
    text = ("Alan Mulally runs Ford. He met Toyota on Monday. It praised him. This meeting was long, "
            "Ford said. They signed a deal with Nissan.")
    events = events_of(text)
    assert len(events) >= 4
    assert not [h for h in events["headline"] if opens_with_pronoun(h)]


def test_events_without_actors_are_left_out(events_of) -> None:
    events = events_of("Prices rise. Analysts expect more.")
    assert events.empty


def test_salience_favours_dated_events_with_both_sides(events_of) -> None:
    events = events_of("Ford bought Toyota on Monday.\nNissan said many things.\nRenault may grow.")
    by = events.set_index("trigger")["salience"]
    assert by["bought"] > by["said"] > by["grow"]
    assert events["salience"].between(0, 1).all()


@pytest.mark.parametrize(
    ("headline", "opens"),
    [
        pytest.param("He met Toyota", True, id="he"),
        pytest.param("This meeting was long", True, id="this"),
        pytest.param("“It works,” Ford said", True, id="quoted-it"),
        pytest.param("Ford met Toyota", False, id="name"),
        pytest.param("The meeting was long", False, id="the"),
    ],
)
def test_opens_with_pronoun(headline: str, opens: bool) -> None:
    assert opens_with_pronoun(headline) is opens


@pytest.mark.parametrize(
    ("text", "trigger", "headline"),
    [
        pytest.param("“We will win,” Ford said.", "said", "Ford said: “We will win”",
                     id="speaker-before-quote"),
        pytest.param("“It took too long,” said Ford analyst Alan Mulally.", "said",
                     "Ford analyst Alan Mulally said: “It took too long”", id="inverted-speaker"),
        pytest.param("“We will win.”\nFord said.", "said", "Ford said: “We will win.”", id="quote-before"),
        pytest.param("Toyota met Nissan this week, Ford announced.", "announced",
                     "Ford announced that Toyota met Nissan", id="report-after-its-clause"),
        pytest.param("Ford closed a plant, citing losses.", "citing", "Ford cited losses", id="participle-made-finite"),
        pytest.param("Ford signed an agreement reached with Toyota in 2001.", "reached",
                     "An agreement reached with Toyota", id="participle-on-its-noun"),
        pytest.param("Toyota rose over the day.", "rose", "Toyota rose", id="no-dangling-preposition"),
        pytest.param("Ford urged Toyota to halt production.", "halt", "Ford urged Toyota to halt production",
                     id="infinitive-told-with-its-clause"),
        pytest.param("Renault sold the plants that Ford had closed.", "closed", "The plants Ford had closed",
                     id="object-relative"),
        pytest.param("Renault sold the plants that Ford intends to shut down.", "shut down",
                     "The plants Ford intends to shut down", id="object-relative-below-an-infinitive"),
        pytest.param("Toyota rose 8.5% after Ford fell.", "rose", "Toyota rose 8.5%", id="percent-kept"),
        pytest.param("Renault sold the cars Toyota makes.", "makes", "The cars Toyota makes",
                     id="relative-clause-without-pronoun"),
        pytest.param("A June 3 hearing was called by Ford.", "hearing", "A June 3 hearing was called by Ford",
                     id="bare-event-noun-told-with-its-clause"),
        pytest.param("Ford said: “This deal with Toyota was signed on Monday.”", "signed",
                     "Ford said: “This deal with Toyota was signed”", id="words-of-a-quotation-told-by-the-speaker"),
        pytest.param("Ford said that its sales rose.", "rose", "Ford's sales rose", id="possessive-resolved"),
        pytest.param("Alan Mulally spoke first.\nBarack Obama said he was \"heartbroken.\"", "said",
                     "Barack Obama said that he was \"heartbroken\"", id="the-speakers-own-he-stays-his"),
        pytest.param("The bill, which passed in March, limits how boards can borrow. It has been criticized by Ford.",
                     "criticized", "The bill has been criticized by Ford", id="it-is-the-sentence-subject-before"),
        pytest.param("Cars\nDETROIT (AP) — Ford will close a plant in Ohio.", "close", "Ford will close a plant in Ohio",
                     id="without-the-dateline"),
    ],
)
def test_headline(events_of, text: str, trigger: str, headline: str) -> None:
    assert _one(events_of(text), trigger)["headline"] == headline


@pytest.mark.parametrize(
    ("lemma", "tag", "form"),
    [("cite", "VBD", "cited"), ("aim", "VBD", "aimed"), ("plan", "VBD", "planned"), ("deny", "VBD", "denied"),
     ("seek", "VBD", "sought"), ("cite", "VBZ", "cites"), ("push", "VBZ", "pushes")],
)
def test_participle_made_finite(nlp, lemma: str, tag: str, form: str) -> None:
    from dashboard.loader.events.headlines import finite

    verb = nlp(f"They were {lemma}ing")[2]
    verb.lemma_ = lemma
    head = nlp("It goes" if tag == "VBZ" else "It went")[1]
    assert finite(verb, head) == form


def test_headline_line_event_is_the_one_the_body_tells(events_of) -> None:
    events = events_of("Ford and Toyota Hold Talks in Detroit\nFord and Toyota met on Monday for talks.")
    assert events["sentence_id"].tolist() == [1]
    assert events["trigger"].tolist() == ["met"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Ford lost money. It is feared that Toyota could be hurt.", id="it-is-feared-that"),
        pytest.param("Ford lost money. It seems that Toyota will follow.", id="it-seems-that"),
    ],
)
def test_expletive_it_names_nobody(events_of, text: str) -> None:
    events = events_of(text)
    assert not any("Ford" in keys for trig, keys in zip(events["trigger"], events["agent_keys"])
                   if trig in ("feared", "seems"))


def test_their_is_the_plural_subject_before_it_and_never_the_headline(events_of) -> None:
    text = "Transit strike ends\nBus drivers returned to work after their union signed a deal with Ford."
    assert _one(events_of(text), "signed")["headline"] == "Bus drivers' union signed a deal with Ford"


def test_its_is_the_company_the_sentence_before_was_about(events_of) -> None:
    text = ("Ford said the parts came from a supplier in France. The company had recalled a car in 2019. "
            "Its shares fell on Monday.")
    assert _one(events_of(text), "fell")["agent_keys"] == ["Ford"]


def test_it_after_a_thing_named_in_its_sentence_is_that_thing(events_of) -> None:
    text = "France signed a deal with Syria. Barack Obama criticised the agreement, saying it would fail."
    events = events_of(text)
    assert _one(events, "saying")["headline"] == "Barack Obama said that the agreement would fail"
    assert "fail" not in set(events["trigger"])  # not 'France would fail': no actor is said to fail


def test_a_unit_before_the_noun_stays_in_its_phrase(events_of) -> None:
    text = "Ford offered a 3 per cent raise, which Toyota rejected."
    assert _one(events_of(text), "rejected")["headline"] == "A 3 per cent raise Toyota rejected"


def test_the_same_day_refers_back_never_forward(events_of) -> None:
    text = "Toyota cut prices on Tuesday. Ford raised prices the same day, ahead of a vote on May 2."
    row = _one(events_of(text), "raised")
    assert (row["date"], row["precision"]) == (pd.Timestamp("2025-04-08"), "day")


def test_words_in_single_marks_are_a_quotation(events_of) -> None:
    text = "Ford beat Toyota 2-1. 'I just closed my eyes and hit it,' Alan Mulally said."
    events = events_of(text)
    assert not [h for h in events["headline"] if "hit Toyota" in h or "hit Ford" in h]


def test_a_quotation_of_the_paragraph_before_is_not_this_report(events_of) -> None:
    text = "Ford beat Toyota on Monday.\n\"We kept the ball and waited.\"\nAlan Mulally denied the claim."
    assert "waited" not in _one(events_of(text), "denied")["headline"]


def test_someones_spokesman_named_beside_is_the_one_who_speaks(events_of) -> None:
    row = _one(events_of("Alan Mulally's spokesman, Barack Obama, said the plant would close."), "said")
    assert row["agent_keys"] == ["Barack Obama"]


def test_officials_of_two_countries_are_both_agents(events_of) -> None:
    row = _one(events_of("Officials of France and Syria met Ford in Detroit on Monday."), "met")
    assert sorted(row["agent_keys"]) == ["France", "Syria"]


@pytest.mark.parametrize("text, trigger", [
    ("Alan Mulally's lawyers said the plant would close.", "said"),
    ("Barack Obama toured the plant. His cousins told reporters they were proud.", "told"),
    ("Barack Obama will appeal, and his lawyers say the fine is unfair.", "say"),
], ids=["lawyers", "relatives", "his-attorneys"])
def test_a_persons_lawyers_and_kin_act_for_themselves(events_of, text: str, trigger: str) -> None:
    rows = events_of(text)
    assert not [keys for keys in rows.loc[rows["trigger"] == trigger, "agent_keys"]
                if "Alan Mulally" in keys or "Barack Obama" in keys]


def test_a_companys_spokesman_speaks_for_it(events_of) -> None:
    assert _one(events_of("Ford's spokesman said the plant would close."), "said")["agent_keys"] == ["Ford"]


@pytest.mark.parametrize("text, trigger, day", [
    ("Heavy rains are expected over the coast on Friday, the weather service said.", "expected", "2025-04-11"),
    ("The commission asked the minister to respond to the notice by 5pm on April 14.", "respond", "2025-04-14"),
    ("Nurses walked out two days ahead of a planned strike on Saturday.", "strike", "2025-04-12"),
    ("The council did not have a final figure until the 29th of March.", "have", "2025-03-29"),
    ("No one spoke against a proposed fare increase during a public hearing Wednesday night.", "hearing",
     "2025-04-09"),
    ("Toyota said at the next board meeting on May 2 that its dealers would vote.", "meeting", "2025-05-02"),
], ids=["expected-on-a-weekday", "asked-to-do-by-a-day", "a-planned-strike", "did-not-until",
        "not-a-plan-further-up", "the-next-meeting"])
def test_what_is_expected_or_asked_for_lies_ahead(events_of, text: str, trigger: str, day: str) -> None:
    assert str(_one(events_of(text), trigger)["date"])[:10] == day


@pytest.mark.parametrize("text, day", [
    ("The hearing was yesterday adjourned to January 22.", "2026-01-22"),
    ("The trial was postponed until February 3 after the judge fell ill.", "2026-02-03"),
], ids=["adjourned-to", "postponed-until"])
def test_the_day_something_is_put_off_to_lies_ahead(events_of, text: str, day: str) -> None:
    events = events_of(text, pd.Timestamp("2025-12-04"))
    dated = events[events["date_text"].fillna("").str.contains("January|February")]
    assert [str(d)[:10] for d in dated["date"]] == [day]


def test_the_day_in_a_dateline_dates_no_event(events_of) -> None:
    events = events_of("Ford recalls cars\nDETROIT, April 9 (AP) — Ford recalled 10,000 cars.")
    assert not events["date_text"].fillna("").str.contains("April 9").any()
    assert "DETROIT" not in set(events["trigger"])


@pytest.mark.parametrize("text, trigger, day", [
    ("Alan Mulally spoke at the end of Monday's board meeting about the recall.", "spoke", "2025-04-07"),
    ("Alan Mulally said in a letter issued on Tuesday that Ford would cut prices.", "said", "2025-04-08"),
    ("In a statement released on Wednesday, Ford announced that it would cut prices.", "announced", "2025-04-09"),
], ids=["at-the-meeting", "in-a-note-published", "in-a-statement-released"])
def test_an_act_takes_the_day_of_the_occasion_it_took_place_at(events_of, text: str, trigger: str, day: str) -> None:
    row = _one(events_of(text), trigger)
    assert (str(row["date"])[:10], row["date_rule"]) == (day, "inherited-occasion")


@pytest.mark.parametrize("text, trigger, day", [
    ("Premier Ana Ruiz told ABC Radio on this morning's AM program that the budget would pass.", "told", "2025-04-10"),
    ("Yesterday, at this year's trade fair, Ford unveiled a new truck.", "unveiled", "2025-04-09"),
], ids=["on-a-dated-programme", "a-date-of-its-own-comes-first"])
def test_an_act_takes_the_day_of_the_thing_it_was_set_in(events_of, text: str, trigger: str, day: str) -> None:
    assert str(_one(events_of(text), trigger)["date"])[:10] == day


@pytest.mark.parametrize("quote, actor", [
    ("I have been at the plant since 4 a.m. yesterday", "Alan Mulally"),
    ("We finished the recall yesterday", "Alan Mulally"),
    ("They finished the recall yesterday", None),
], ids=["i-is-the-speaker", "we-is-the-speaker-too", "they-is-someone-else"])
def test_the_first_person_in_a_quotation_is_its_speaker(nlp, quote: str, actor: str | None) -> None:
    text = f'Recall\n"{quote}," Alan Mulally said.'
    doc = nlp(text)
    mentions = _mentions(text)
    events = extract_events(doc, mentions, THURSDAY, quotes=extract_quotes(doc, mentions))
    dated = events[events["date"].notna()]
    assert [list(ids) for ids in dated["actor_keys"]] == [[actor] if actor else []]


@pytest.mark.parametrize("text, day", [
    ("Ford tried to block the sale on December 10.", "2024-12-10"),
    ("Ford will try to block the sale on December 10.", "2025-12-10"),
    ("Ford asked Toyota to respond by December 10.", "2025-12-10"),
], ids=["an-attempt-made-that-day", "an-attempt-to-come", "what-was-asked-for-lies-ahead"])
def test_what_was_tried_on_a_day_was_tried_then(events_of, text: str, day: str) -> None:
    events = events_of(text, pd.Timestamp("2025-01-10"))
    assert [str(d)[:10] for d in events["date"].dropna()] == [day]


@pytest.mark.parametrize("text, day", [
    ("Let us focus on renewing the licence come 1 April.", "2026-04-01"),
    ("The plant was closed come Monday.", "2025-04-07"),
], ids=["when-the-day-has-come", "in-a-past-story"])
def test_come_a_day_looks_ahead(events_of, text: str, day: str) -> None:
    assert [str(d)[:10] for d in events_of(text)["date"].dropna()] == [day]


@pytest.mark.parametrize("text, actors", [
    ("Alan Mulally and Barack Obama, who met on Monday, spoke about jobs.", [["Alan Mulally", "Barack Obama"]]),
    ("Alan Mulally and Barack Obama, who meets reporters on Monday, spoke about jobs.", [["Barack Obama"]]),
    ("Ford, which cut prices on Monday, and Toyota, which raised them on Tuesday, spoke.", [["Ford"], ["Toyota"]]),
], ids=["who-after-two-names-is-both", "unless-its-verb-says-one", "each-its-own"])
def test_who_after_two_joined_names(events_of, text: str, actors: list[list[str]]) -> None:
    dated = events_of(text).dropna(subset=["date"])
    assert [list(keys) for keys in dated["actor_keys"]] == actors


@pytest.mark.parametrize("text, days", [
    ("Ford recalled the cars on October 6 last year.", ["2024-10-06"]),
    ("Ford recalled the cars on 6 October last year.", ["2024-10-06"]),
    ("Ford will keep the plant open until the 17th of this month.", ["2025-04-17"]),
    ("The hearing was then set for August 9.", ["2025-08-09"]),
    ("Ford recalled cars between May 21 and August 18, 2021.", ["2021-05-21", "2021-08-18"]),
    ("The show ran from December 28 to January 3, 2024.", ["2023-12-28", "2024-01-03"]),
], ids=["a-day-of-last-year", "day-first", "a-day-of-this-month", "set-for-a-day", "a-range-takes-its-year",
        "a-range-across-new-year"])
def test_days_written_in_parts(events_of, text: str, days: list[str]) -> None:
    assert sorted(str(d)[:10] for d in events_of(text)["date"].dropna()) == days


@pytest.mark.parametrize("text, trigger", [
    ("After meeting Toyota on Monday, Alan Mulally said the deal was close.", "meeting"),
    ("Alan Mulally has faced criticism since taking over from Barack Obama in 2022.", "taking over"),
], ids=["after-doing", "since-doing"])
def test_a_gerund_after_a_preposition_is_done_by_the_clauses_subject(events_of, text: str, trigger: str) -> None:
    assert "Alan Mulally" in _one(events_of(text), trigger)["agent_keys"]


def test_whoever_is_kept_from_doing_it_is_not_the_keeper(events_of) -> None:
    assert _one(events_of("Barack Obama barred Alan Mulally from working until May."), "working")["agent_keys"] == [
        "Alan Mulally"]


def test_they_after_two_joined_people_is_both(events_of) -> None:
    events = events_of("Alan Mulally and Barack Obama met Ford dealers in Detroit.\nThey spoke to reporters on Monday.")
    assert [list(keys) for keys in events.dropna(subset=["date"])["actor_keys"]] == [["Alan Mulally", "Barack Obama"]]


def test_what_is_under_way_for_a_day_is_still_to_come(events_of) -> None:
    text = "Ford is holding its annual meeting on Tuesday."
    assert [str(d)[:10] for d in events_of(text)["date"].dropna()] == ["2025-04-15"]



def test_who_speaks_in_an_event_is_whom_the_quotes_found(nlp) -> None:
    text = 'Recall\nFord recalled 10,000 cars on Monday.\n"We are sorry," he told reporters on Tuesday.'
    doc = nlp(text)
    quote_start = text.index("We are")
    # the quotes' reading of "he" (whoever is being quoted), which the sentence alone does not give
    quotes = pd.DataFrame({"sentence_id": [2], "kind": ["direct"], "start": [quote_start],
                           "end": [quote_start + len("We are sorry,")], "speaker_key": ["Alan Mulally"],
                           "speaker_text": ["he"]})
    told = _one(extract_events(doc, _mentions(text), THURSDAY, quotes=quotes), "told")
    assert told["agent_keys"] == ["Alan Mulally"]


def test_an_occasion_after_the_act_does_not_date_it(events_of) -> None:
    row = _one(events_of("Alan Mulally spoke after Monday's board meeting about the recall."), "spoke")
    assert pd.isna(row["date"])


def test_what_has_gone_on_since_a_day_is_not_of_that_day(events_of) -> None:
    events = events_of("Ford opened the plant on Wednesday and has since built 500 cars.")
    assert str(_one(events, "opened")["date"])[:10] == "2025-04-09"
    assert pd.isna(_one(events, "built")["date"])


def test_a_past_perfect_joined_clause_keeps_the_day(events_of) -> None:
    row = _one(events_of("Ford had written to Toyota on Wednesday, asking it to share the parts."), "asking")
    assert str(row["date"])[:10] == "2025-04-09"


@pytest.mark.parametrize("text, trigger", [
    ("Toyota raised prices on Monday. Local dealers said their margins had shrunk.", "shrunk"),
    ("Toyota cut its prices. Many dealers have lost their savings trying to sell cars.", "lost"),
    ("Toyota cut its prices. Barack Obama told dealers that he would read their letters.", "read"),
    ("Toyota cut its prices. Barack Obama heard complaints from dealers that their margins had shrunk.", "shrunk"),
], ids=["subject", "own-subject", "object", "after-from"])
def test_their_after_unnamed_people_is_not_an_actor_named_before(events_of, text: str, trigger: str) -> None:
    rows = events_of(text)
    assert not [keys for keys in rows.loc[rows["trigger"] == trigger, "actor_keys"] if "Toyota" in keys]


def test_they_after_a_thing_still_finds_the_subject(events_of) -> None:
    row = _one(events_of("Ford and Toyota were given loans after they warned of losses."), "warned")
    assert "Ford" in row["agent_keys"]


@pytest.mark.parametrize("text, trigger", [
    ("Ford closed its plant in Ohio. It is now three years since the plant made a car.", "is"),
    ("Ford closed its plant. It took Toyota two weeks to buy the site.", "took"),
    ("Ford lost money. It was a tired Alan Mulally speaking at the launch on Monday.", "was"),
], ids=["it-is-years-since", "it-took-weeks-to", "cleft"])
def test_the_it_of_time_and_of_a_cleft_names_nobody(events_of, text: str, trigger: str) -> None:
    rows = events_of(text)
    assert not [keys for keys in rows.loc[rows["trigger"] == trigger, "agent_keys"] if "Ford" in keys]


def test_a_clause_with_there_shares_no_subject(events_of) -> None:
    rows = events_of("Toyota sued Ford and there was a long trial.")
    assert not [keys for keys in rows.loc[rows["trigger"] == "was", "agent_keys"] if keys]


@pytest.mark.parametrize("text, trigger", [
    ("Barack Obama heard a noise as his garage buckled in the storm.", "buckled"),
    ("Barack Obama came home. Part of his fence was lying in the street.", "lying"),
    ("Alan Mulally's car broke down on Monday.", "broke down"),
], ids=["his-garage", "part-of-his-fence", "named-owner"])
def test_a_persons_thing_does_what_it_does_without_them(events_of, text: str, trigger: str) -> None:
    rows = events_of(text)
    assert not [keys for keys in rows.loc[rows["trigger"] == trigger, "actor_keys"] if keys]


@pytest.mark.parametrize("text, trigger, owner", [
    ("Barack Obama's statement angered Toyota.", "angered", "Barack Obama"),
    ("Alan Mulally's choice of Toyota showed he was cautious.", "showed", "Alan Mulally"),
], ids=["statement", "choice-of"])
def test_a_persons_statement_or_choice_is_their_act(events_of, text: str, trigger: str, owner: str) -> None:
    assert owner in _one(events_of(text), trigger)["agent_keys"]


@pytest.mark.parametrize("text, trigger, agent", [
    ("Barack Obama said the city would pay for the road but felt Toyota needed to help.", "felt", "Barack Obama"),
    ("Alan Mulally promised that Ford would not cut jobs next year and thanked Toyota for its patience.", "thanked",
     "Alan Mulally"),
], ids=["said-would-but-felt", "promised-would-and-thanked"])
def test_a_finite_verb_joined_to_an_infinitive_shares_the_subject_above(events_of, text: str, trigger: str,
                                                                          agent: str) -> None:
    assert _one(events_of(text), trigger)["agent_keys"] == [agent]


def test_a_joined_verb_with_a_subject_of_its_own_shares_none(events_of) -> None:
    text = "Barack Obama quickly opened the second stage of the hearing and lawyers began reading the charges."
    rows = events_of(text)
    assert not [keys for keys in rows.loc[rows["trigger"].isin(["began", "reading"]), "agent_keys"] if keys]


def test_he_after_a_clause_of_time_is_the_person_named_in_it(events_of) -> None:
    # the parser takes the 'After ...' clause for what 'he' says: it is a clause of time, not of speech
    text = ("Barack Obama praised the Rovers.\n"
            "After All Whites coach Alan Mulally's side beat the Rovers in Leeds on Saturday night, "
            "he thanked the fans.")
    assert _one(events_of(text), "thanked")["agent_keys"] == ["Alan Mulally"]


def test_who_is_the_person_just_before_it(events_of) -> None:
    # the parser hangs the second name on the first as an apposition: 'who' still follows the nearer one
    text = "After the board sacked Fonoti, Alan Mulally, who had warned Toyota on Friday, denied any rift."
    assert _one(events_of(text), "warned")["agent_keys"] == ["Alan Mulally"]


def test_beside_a_possessor_of_names_what_the_act_is_about(events_of) -> None:
    rows = events_of("Barack Obama said that Alan Mulally's choice of Fonoti showed he was cautious.")
    assert _one(rows, "showed")["agent_keys"] == ["Alan Mulally"]
    assert _one(rows, "was")["agent_keys"] == ["Alan Mulally"]


def test_a_body_named_in_a_persons_title_neither_acts_nor_is_they(events_of) -> None:
    rows = events_of("Rioters attacked Toyota Special Officer and Deputy Director Fonoti on Monday. "
                     "They also chased the guards.")
    assert _one(rows, "attacked")["patient_keys"] == ["Fonoti"]
    assert not [keys for keys in rows.loc[rows["trigger"] == "chased", "agent_keys"] if "Toyota" in keys]


def test_the_speaker_with_a_title_is_the_person_alone(events_of) -> None:
    assert _one(events_of("Toyota President and CEO Fonoti says prices will rise."), "says")["agent_keys"] == [
        "Fonoti"]


def test_it_continues_a_thing_the_sentence_before_was_about(events_of) -> None:
    rows = events_of("The new law greatly widens Toyota's power over dealers. It removes the right to appeal.")
    assert not [keys for keys in rows.loc[rows["trigger"] == "removes", "actor_keys"] if keys]


def test_a_countrys_residents_act_for_themselves(events_of) -> None:
    rows = events_of("Residents of Syria fled the town on Monday.")
    assert not [keys for keys in rows.loc[rows["trigger"] == "fled", "actor_keys"] if "Syria" in keys]


def test_a_programme_named_today_dates_nothing(events_of) -> None:
    rows = events_of("Barack Obama attacked Radio 9's Today programme, saying it was biased against Ford.")
    assert not rows["date_text"].fillna("").str.contains("Today").any()


def test_the_day_under_a_quoted_post_dates_no_event(events_of) -> None:
    rows = events_of("Ford recalled cars on Monday.\n"
                     "We are proud of our team. — Alan Mulally (@amulally) April 8, 2025\n"
                     "Toyota said nothing.")
    assert not rows["date_text"].fillna("").str.contains("April 8").any()
    assert "Mulally" not in set(rows["trigger"])


@pytest.mark.parametrize("text, noun", [
    ("Barack Obama said that an interview with Alan Mulally was feeble.", "interview"),
    ("Alan Mulally's speech was a success.", "speech"),
], ids=["interview-with", "possessed-speech"])
def test_what_a_copula_says_of_a_speech_is_not_said_of_its_speaker(events_of, text: str, noun: str) -> None:
    rows = events_of(text)
    assert "Alan Mulally" in _one(rows, noun)["actor_keys"]
    assert not [keys for keys in rows.loc[rows["trigger"] == "was", "agent_keys"] if keys]


def test_an_event_word_in_an_actors_name_is_no_event(events_of) -> None:
    rows = events_of("The mayor’s letter suggested Hoyle’s Rules Of Order applied.")
    assert "Order" not in set(rows["trigger"])


def test_what_the_page_tells_its_reader_to_do_is_no_event(events_of) -> None:
    rows = events_of("Ford recalled cars on Monday. To watch a video from Alan Mulally, click here.")
    assert "watch" not in set(rows["trigger"])
    assert "recalled" in set(rows["trigger"])


def test_a_verb_of_one_form_for_past_and_base_is_joined_where_it_stands(events_of) -> None:
    rows = events_of("Barack Obama said the deal would create jobs and set a record for Ford.")
    assert not [keys for keys in rows.loc[rows["trigger"] == "set", "agent_keys"] if "Barack Obama" in keys]


def test_who_is_called_on_to_act_does_it(events_of) -> None:
    assert _one(events_of("Toyota called on Ford to rethink the plan."), "rethink")["agent_keys"] == ["Ford"]


def test_a_body_in_a_title_is_they_in_what_its_person_says(events_of) -> None:
    row = _one(events_of("Toyota Police Commander Fonoti confirmed that they had the driver in custody."), "had")
    assert row["agent_keys"] == ["Toyota"]


def test_they_after_unnamed_people_acting_in_the_sentence_before_is_those_people(events_of) -> None:
    rows = events_of("The case began when guards were sent to the Toyota plant on Monday. They chased two men.")
    assert not [keys for keys in rows.loc[rows["trigger"] == "chased", "agent_keys"] if keys]


def test_what_a_subject_is_stays_as_written_in_the_summary(events_of) -> None:
    assert _one(events_of("Alan Mulally is the executive. He met Toyota on Monday."), "is")["headline"] == \
        "Alan Mulally is the executive"


def test_it_is_never_a_person_in_the_summary(events_of) -> None:
    headline = _one(events_of("Barack Obama arrived on Monday. Alan Mulally said it was late."), "said")["headline"]
    assert "Obama" not in headline


def test_a_description_joined_to_a_name_is_someone_else(events_of) -> None:
    row = _one(events_of("Alan Mulally met Toyota on Monday. He said that he and the executive were friends."),
               "were")
    assert "Mulally and Alan Mulally" not in row["headline"]


def test_what_someone_said_is_not_called_by_their_name(events_of) -> None:
    assert _one(events_of("Alan Mulally made the comments on Monday."), "made")["headline"] == \
        "Alan Mulally made the comments"


@pytest.mark.parametrize("text, day", [
    ("The festival opens Monday.", "2025-04-14"),
    ("Alan Mulally's term ends March 30.", "2026-03-30"),
    ("Alan Mulally is supposed to be named chairman on Monday.", "2025-04-14"),
    ("Alan Mulally was supposed to be named chairman on Monday.", "2025-04-07"),
], ids=["a-timetable-opens", "a-term-ends", "is-supposed-to", "was-supposed-to"])
def test_a_timetable_and_what_is_supposed_to_happen_lie_ahead(events_of, text: str, day: str) -> None:
    assert [str(d)[:10] for d in events_of(text)["date"].dropna()] == [day]


def test_who_an_event_noun_involves_took_part_in_it(events_of) -> None:
    events = events_of("Ford resigned after a Monday meeting involving Alan Mulally and Barack Obama.")
    dated = events.dropna(subset=["date"])
    assert [sorted(keys) for keys in dated["actor_keys"]] == [["Alan Mulally", "Barack Obama"]]


@pytest.mark.parametrize("text, actors", [
    ("The shooting occurred at Ford on Monday.", []),
    ("The shooting took place at Ford on Monday.", []),
    ("Barack Obama took aim at Ford on Monday.", ["Barack Obama", "Ford"]),
], ids=["occurred-at", "took-place-at", "took-aim-at"])
def test_where_something_happened_is_no_party_to_it(events_of, text: str, actors: list[str]) -> None:
    dated = events_of(text).dropna(subset=["date"])
    assert [sorted(keys) for keys in dated["actor_keys"]] == [actors]


def test_a_persons_term_ending_is_theirs(events_of) -> None:
    assert list(_one(events_of("Alan Mulally's term ends March 30."), "ends")["actor_keys"]) == ["Alan Mulally"]


def test_whom_a_passive_speaks_of_did_what_they_were_convicted_of(events_of) -> None:
    dated = events_of("Alan Mulally was convicted of attacking Barack Obama in February 2004.").dropna(subset=["date"])
    assert [sorted(keys) for keys in dated["actor_keys"]] == [["Alan Mulally", "Barack Obama"]]
