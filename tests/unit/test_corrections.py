"""Corrections to quotes and events (corrections.yaml): naming rows by their words, applying, saving."""
from __future__ import annotations

import threading

import pandas as pd
import pytest

from dashboard.loader import schema
from dashboard.loader.edits import (
    CORRECTIONS_FILE, Correction, CorrectionError, EditFileError, apply_corrections, backup_name, load_corrections,
    update_corrections,
)
from dashboard.loader.edits.corrections import normalise

ARTICLE = "a1"
SENTENCES = ["Austria and Germany held talks in Vienna on Tuesday.",
             "\u201cWe want calm borders,\u201d said Karl Nehammer.",
             "Scholz said the talks were useful and signed a deal on Friday."]


def _tables():
    actors = schema.cast(pd.DataFrame({
        "actor_id": ["austria", "karl-nehammer", "olaf-scholz"], "name": ["Austria", "Karl Nehammer", "Olaf Scholz"],
        "kind": ["country", "person", "person"], "aliases": [["Austria"], ["Nehammer"], ["Scholz", "Olaf Scholz"]],
        "mention_count": [2, 1, 1], "article_count": [1, 1, 1],
    }), "actors")
    sentences = schema.cast(pd.DataFrame({
        "article_id": [ARTICLE] * 3, "sentence_id": [0, 1, 2], "start": [0, 53, 100], "end": [52, 99, 160],
        "text": SENTENCES,
    }), "sentences")
    quotes = schema.cast(pd.DataFrame({
        "quote_id": ["a1-q0", "a1-q1"], "article_id": [ARTICLE] * 2, "sentence_id": [1, 2],
        "kind": ["direct", "reported"], "text": ["We want calm borders,", "the talks were useful"],
        "cue": ["said", "said"], "speaker_id": ["karl-nehammer", "olaf-scholz"], "confidence": ["named", "named"],
        "about_ids": [[], []],
    }), "quotes")
    events = schema.cast(pd.DataFrame({
        "event_id": ["a1-e0", "a1-e1", "a1-e2"], "article_id": [ARTICLE] * 3, "sentence_id": [0, 2, 2],
        "date": pd.to_datetime(["2025-04-08", "2025-04-04", pd.NaT]), "precision": ["day", "day", "none"],
        "date_text": ["on Tuesday", "on Friday", None], "date_rule": ["weekday"] * 2 + [None],
        "summary": ["Austria and Germany held talks", "signed a deal", "the talks were useful"],
        "actor_ids": [["austria"], ["olaf-scholz"], []], "source_count": [1, 1, 1],
        "report_group": ["a1-e0", "a1-e1", "a1-e2"],
    }), "events")
    return quotes, events, sentences, actors


def _apply(*corrections: Correction):
    quotes, events, sentences, actors = _tables()
    return apply_corrections(quotes, events, sentences, actors, list(corrections))


def _quote(i: int) -> pd.Series:
    return _tables()[0].iloc[i]


def _event(i: int) -> tuple[pd.Series, str]:
    events = _tables()[1]
    return events.iloc[i], SENTENCES[int(events.iloc[i]["sentence_id"])]


def test_without_corrections_no_row_is_marked():
    quotes, events, issues = _apply()
    assert not quotes["is_corrected"].any() and not events["is_corrected"].any()
    assert str(quotes["is_corrected"].dtype) == "boolean" and issues == []


@pytest.mark.parametrize("speaker, expected", [
    pytest.param("olaf-scholz", "olaf-scholz", id="actor-id"),
    pytest.param("Olaf Scholz", "olaf-scholz", id="name"),
    pytest.param("Scholz", "olaf-scholz", id="alias"),
])
def test_a_speaker_is_changed_to_the_actor_named(speaker, expected):
    quotes, _, issues = _apply(Correction.for_quote(_quote(0), speaker=speaker))
    assert quotes.loc[0, "speaker_id"] == expected and quotes.loc[0, "is_corrected"]
    assert not quotes.loc[1, "is_corrected"] and issues == []


def test_a_speaker_can_be_set_to_unknown():
    quotes, _, _ = _apply(Correction.for_quote(_quote(0), speaker="unknown"))
    assert quotes.loc[0, "speaker_id"] is pd.NA and quotes.loc[0, "confidence"] == "none"


def test_an_unknown_actor_as_speaker_is_reported_and_the_speaker_kept():
    quotes, _, issues = _apply(Correction.for_quote(_quote(0), speaker="Angela Merkel"))
    assert quotes.loc[0, "speaker_id"] == "karl-nehammer"
    assert len(issues) == 1 and "no single actor is named 'Angela Merkel'" in issues[0].message


def test_an_event_date_and_precision_are_changed_and_marked():
    event, sentence = _event(0)
    _, events, _ = _apply(Correction.for_event(event, sentence, date="2025-04-09", precision="day"))
    row = events.set_index("event_id").loc["a1-e0"]
    assert (row["date"], row["precision"], row["date_rule"], row["is_corrected"]) == (
        pd.Timestamp("2025-04-09"), "day", "corrected", True)


@pytest.mark.parametrize("precision, start", [
    pytest.param("week", "2025-04-07", id="week-starts-monday"),
    pytest.param("month", "2025-04-01", id="month"),
    pytest.param("year", "2025-01-01", id="year"),
])
def test_a_coarser_date_starts_at_its_period(precision, start):
    event, sentence = _event(0)
    _, events, _ = _apply(Correction.for_event(event, sentence, date="2025-04-10", precision=precision))
    assert events.set_index("event_id").loc["a1-e0", "date"] == pd.Timestamp(start)


def test_precision_none_undates_an_event():
    event, sentence = _event(0)
    _, events, _ = _apply(Correction.for_event(event, sentence, precision="none"))
    row = events.set_index("event_id").loc["a1-e0"]
    assert pd.isna(row["date"]) and row["precision"] == "none"


def test_two_events_of_one_sentence_are_told_apart_by_their_date_words():
    event, sentence = _event(1)
    _, events, _ = _apply(Correction.for_event(event, sentence, date="2025-04-05"))
    by_id = events.set_index("event_id")
    assert by_id.loc["a1-e1", "date"] == pd.Timestamp("2025-04-05") and by_id.loc["a1-e1", "is_corrected"]
    assert not by_id.loc["a1-e2", "is_corrected"]


def test_a_headline_is_changed():
    event, sentence = _event(0)
    _, events, _ = _apply(Correction.for_event(event, sentence, headline="Austria and Germany talk borders"))
    column = "headline" if "headline" in schema.TABLES["events"] else "summary"
    assert events.set_index("event_id").loc["a1-e0", column] == "Austria and Germany talk borders"


def test_hidden_rows_leave_the_tables():
    event, sentence = _event(0)
    quotes, events, issues = _apply(Correction.for_quote(_quote(1), hide=True),
                                    Correction.for_event(event, sentence, hide=True))
    assert list(quotes["quote_id"]) == ["a1-q0"] and list(events["event_id"]) == ["a1-e1", "a1-e2"]
    assert issues == []


def test_a_correction_finds_its_quote_after_the_rules_change_its_extent():
    quotes, events, sentences, actors = _tables()
    correction = Correction.for_quote(quotes.iloc[1], speaker="Austria")
    quotes.loc[1, "text"] = "the talks were useful and signed a deal"  # a later rule widens the quote
    quotes.loc[1, "quote_id"] = "a1-q7"  # and its position changes
    out, _, issues = apply_corrections(quotes, events, sentences, actors, [correction])
    assert out.set_index("quote_id").loc["a1-q7", "speaker_id"] == "austria" and issues == []


def test_a_correction_whose_row_is_gone_is_reported():
    gone = Correction("quote", ARTICLE, "Words nobody said anywhere in this article", speaker="Austria")
    _, _, issues = _apply(gone)
    assert [(i.file, i.level) for i in issues] == [(CORRECTIONS_FILE, "warning")]
    assert "no longer in the briefing" in issues[0].message and "kept in the file" in issues[0].message


def test_quotation_marks_case_and_spaces_do_not_matter_for_matching():
    assert normalise("\u201cWe want  calm Borders,\u201d") == normalise('we want calm borders')


@pytest.mark.parametrize("changes, message", [
    pytest.param({"speaker": "x", "target": "event"}, "not 'speaker'", id="speaker-on-event"),
    pytest.param({"date": "9 April", "target": "event"}, "YYYY-MM-DD", id="bad-date"),
    pytest.param({"precision": "hour", "target": "event"}, "precision 'hour'", id="bad-precision"),
    pytest.param({}, "needs something to change", id="nothing"),
    pytest.param({"date": "2025-04-09"}, "a quote takes only", id="date-on-quote"),
])
def test_a_malformed_correction_says_what_is_wrong(changes, message):
    target = changes.pop("target", "quote")
    with pytest.raises(CorrectionError, match=message):
        Correction(target, ARTICLE, "some words", **changes).checked()


# --- the file ---------------------------------------------------------------------------------------

def test_update_writes_a_file_that_loads_back(tmp_path):
    event, sentence = _event(0)
    wanted = [Correction.for_quote(_quote(0), speaker="Olaf Scholz"),
              Correction.for_event(event, sentence, date="2025-04-09", precision="day", headline="Talks"),
              Correction.for_quote(_quote(1), hide=True)]
    assert update_corrections(tmp_path, add=wanted) == wanted
    assert load_corrections(tmp_path) == (wanted, [])


def test_a_second_correction_of_a_row_merges_into_its_entry(tmp_path):
    update_corrections(tmp_path, add=[Correction.for_quote(_quote(0), speaker="Austria")])
    update_corrections(tmp_path, add=[Correction.for_quote(_quote(0), speaker="Olaf Scholz")])
    entries, _ = load_corrections(tmp_path)
    assert [e.speaker for e in entries] == ["Olaf Scholz"]


def test_undo_removes_only_that_rows_entry(tmp_path):
    first, second = Correction.for_quote(_quote(0), speaker="Austria"), Correction.for_quote(_quote(1), hide=True)
    update_corrections(tmp_path, add=[first, second])
    update_corrections(tmp_path, remove=[first])
    assert load_corrections(tmp_path)[0] == [second]


def test_update_keeps_edits_made_meanwhile_and_a_backup(tmp_path):
    update_corrections(tmp_path, add=[Correction.for_quote(_quote(0), speaker="Austria")])
    path = tmp_path / CORRECTIONS_FILE
    by_hand = path.read_text(encoding="utf-8") + f"  - quote: the talks were useful\n    article: {ARTICLE}\n    hide: true\n"
    path.write_text(by_hand, encoding="utf-8")
    update_corrections(tmp_path, add=[Correction.for_quote(_quote(0), speaker="Olaf Scholz")])
    entries, _ = load_corrections(tmp_path)
    assert [(e.text, e.speaker, e.hide) for e in entries] == [
        ("We want calm borders,", "Olaf Scholz", False), ("the talks were useful", None, True)]
    assert (tmp_path / backup_name(CORRECTIONS_FILE)).read_text(encoding="utf-8") == by_hand


def test_concurrent_updates_are_all_kept(tmp_path):
    corrections = [Correction("quote", ARTICLE, f"quote number {i}", hide=True) for i in range(8)]
    threads = [threading.Thread(target=update_corrections, args=(tmp_path,), kwargs={"add": [c]})
               for c in corrections]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(e.text for e in load_corrections(tmp_path)[0]) == sorted(c.text for c in corrections)


def test_update_refuses_to_overwrite_a_file_it_cannot_read(tmp_path):
    (tmp_path / CORRECTIONS_FILE).write_text("corrections: [unclosed\n", encoding="utf-8")
    with pytest.raises(EditFileError, match="not valid YAML"):
        update_corrections(tmp_path, add=[Correction.for_quote(_quote(0), hide=True)])
    assert (tmp_path / CORRECTIONS_FILE).read_text(encoding="utf-8") == "corrections: [unclosed\n"


@pytest.mark.parametrize("text, message", [
    pytest.param("corrections: [unclosed\n", "not valid YAML", id="yaml"),
    pytest.param("a: &x [1]\nb: *x\n", "anchors", id="anchor"),
    pytest.param("just text\n", "expected a list", id="not-a-list"),
    pytest.param("# " + "x" * 1_000_001 + "\n", "larger than 1 MB", id="too-large"),
])
def test_an_unreadable_file_is_ignored_with_a_warning(tmp_path, text, message):
    (tmp_path / CORRECTIONS_FILE).write_text(text, encoding="utf-8")
    entries, issues = load_corrections(tmp_path)
    assert entries == [] and len(issues) == 1 and message in issues[0].message


def test_a_malformed_entry_is_skipped_and_the_rest_loads(tmp_path):
    (tmp_path / CORRECTIONS_FILE).write_text(
        f"corrections:\n  - quote: calm borders\n    article: {ARTICLE}\n    colour: red\n"
        f"  - event: Austria and Germany held talks\n    article: {ARTICLE}\n    date: 2025-04-09\n",
        encoding="utf-8")
    entries, issues = load_corrections(tmp_path)
    assert [(e.target, e.date) for e in entries] == [("event", "2025-04-09")]
    assert len(issues) == 1 and "entry 1 was ignored: unknown field(s) ['colour']" in issues[0].message


# --- on every load ----------------------------------------------------------------------------------

ARTICLE_TEXT = """---
published: 2025-04-10
source: example.org
---
Ministers meet in Vienna

Austria and Germany held talks in Vienna on Tuesday.

"We want calm borders," said Karl Nehammer, the Austrian chancellor.

Olaf Scholz, the German chancellor, said the talks were useful.
"""


def test_load_briefing_applies_corrections_and_reports_stale_ones(write_articles, tmp_path):
    from dashboard.loader import load_briefing

    folder = write_articles({"vienna.txt": ARTICLE_TEXT})
    b = load_briefing(folder, cache_dir=tmp_path / "cache")
    quote = b.quotes[b.quotes["text"].str.contains("calm borders")].iloc[0]
    event = b.events[b.events["date_text"] == "on Tuesday"].iloc[0]
    sentence = b.sentences.set_index(["article_id", "sentence_id"]).loc[
        (event["article_id"], event["sentence_id"]), "text"]
    stale = Correction("quote", quote["article_id"], "A sentence that was never in the article", hide=True)
    update_corrections(folder, add=[Correction.for_quote(quote, speaker="Olaf Scholz"),
                                    Correction.for_event(event, sentence, date="2025-04-07"), stale])

    again = load_briefing(folder, cache_dir=tmp_path / "cache")  # the cached briefing must not hide them
    q = again.quotes.set_index("quote_id").loc[quote["quote_id"]]
    e = again.events.set_index("event_id").loc[event["event_id"]]
    scholz = again.actors.loc[again.actors["name"] == "Olaf Scholz", "actor_id"].iloc[0]
    assert (q["speaker_id"], q["is_corrected"]) == (scholz, True)
    assert (e["date"], e["is_corrected"]) == (pd.Timestamp("2025-04-07"), True)
    assert [i.file for i in again.issues] == [CORRECTIONS_FILE]
    assert "never in the article" in again.issues[0].message
    assert len(load_corrections(folder)[0]) == 3  # the stale one stays in the file
    assert not any(i.file == CORRECTIONS_FILE and i.level == "error" for i in again.issues)
