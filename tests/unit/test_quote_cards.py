"""Quote panels: the joined table, its filters, the speaker-by-actor counts, the cards and the CSV."""
from __future__ import annotations

import io

import pandas as pd
import pytest

from dashboard.views.links import reader_link
from dashboard.views.url_state import UrlState
from dashboard.views.quotes import (
    NO_SPEAKER_ID, UNKNOWN_SPEAKER, about_options, card_html, cards_html, confidence_note, filter_quotes,
    quote_rows, quote_table, quotes_csv, search_terms, speaker_about_counts, speaker_about_figure,
    speaker_about_pairs, speaker_options,
)
from dashboard.loader import schema


def _actors() -> pd.DataFrame:
    return schema.cast(pd.DataFrame({
        "actor_id": ["turkey", "israel", "hakan-fidan", "defense-ministry", "donald-trump", "syria"],
        "name": ["Turkey", "Israel", "Hakan Fidan", "Turkish Ministry of Defense", "Donald Trump", "Syria"],
        "kind": ["country", "country", "person", "organization", "person", "country"],
        "role": [None, None, "Foreign Minister", None, "former President", None],
        "affiliation_id": [None, None, "turkey", "turkey", None, None],
    }), "actors")


def _articles() -> pd.DataFrame:
    return schema.cast(pd.DataFrame({
        "article_id": ["a1", "a2"],
        "title": ["Talks in Baku", "Trump meets <Netanyahu>"],
        "published": ["2025-04-10", "2025-04-12"],
        "source": ["wire.example", None],
    }), "articles")


def _quotes() -> pd.DataFrame:
    return schema.cast(pd.DataFrame({
        "quote_id": ["a1-q0", "a1-q1", "a1-q2", "a2-q0", "a2-q1"],
        "article_id": ["a1", "a1", "a1", "a2", "a2"],
        "sentence_id": [3, 5, 6, 2, 4],
        "kind": ["reported", "reported", "direct", "direct", "reported"],
        "text": ["Israel to halt provocative assaults", "Turkey would not stay silent",
                 "“We prefer diplomacy in Syria.”", "If there's an issue with Turkey, it can be resolved",
                 "=HYPERLINK(\"http://x\") the talks failed"],
        "cue": ["urged", "emphasized", "said", "told", "said"],
        "speaker_id": ["defense-ministry", "hakan-fidan", "hakan-fidan", "donald-trump", None],
        "speaker_text": ["Turkey's Defense Ministry", "he", "Fidan", "Trump", "officials"],
        "confidence": ["named", "pronoun", "named", "named", "none"],
        "about_ids": [["israel"], ["turkey"], ["syria", "turkey"], ["turkey"], []],
        "start": [10, 50, 90, 5, 40],
        "end": [40, 80, 120, 35, 70],
    }), "quotes")


@pytest.fixture
def table() -> pd.DataFrame:
    return quote_table(_quotes(), _actors(), _articles())


def test_table_names_speakers_affiliations_and_articles(table):
    row = table.set_index("quote_id").loc["a1-q1"]
    assert (row["speaker_name"], row["speaker_role"], row["speaker_affiliation"]) == (
        "Hakan Fidan", "Foreign Minister", "Turkey")
    assert (row["title"], row["source"], row["published"]) == ("Talks in Baku", "wire.example",
                                                               pd.Timestamp("2025-04-10"))
    assert table.set_index("quote_id").loc["a1-q2", "about_names"] == ["Syria", "Turkey"]


def test_table_is_newest_article_first_then_reading_order(table):
    assert list(table["quote_id"]) == ["a2-q0", "a2-q1", "a1-q0", "a1-q1", "a1-q2"]


def test_unknown_speaker_stays_unknown(table):
    row = table.set_index("quote_id").loc["a2-q1"]
    assert pd.isna(row["speaker_id"]) and pd.isna(row["speaker_name"])


def test_speaker_options_offer_affiliations_and_the_unidentified(table):
    options = speaker_options(table)
    assert options == {
        "Turkey": "turkey", "Hakan Fidan": "hakan-fidan", "Donald Trump": "donald-trump",
        "Turkish Ministry of Defense": "defense-ministry", UNKNOWN_SPEAKER: NO_SPEAKER_ID,
    }
    assert list(options)[0] == "Turkey"  # three quotes speak for Turkey


def test_about_options_most_mentioned_first(table):
    assert about_options(table) == {"Turkey": "turkey", "Israel": "israel", "Syria": "syria"}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["a2-q0", "a2-q1", "a1-q0", "a1-q1", "a1-q2"]),
        ({"speaker_ids": ["hakan-fidan"]}, ["a1-q1", "a1-q2"]),
        ({"speaker_ids": ["turkey"]}, ["a1-q0", "a1-q1", "a1-q2"]),
        ({"speaker_ids": [NO_SPEAKER_ID]}, ["a2-q1"]),
        ({"about_ids": ["israel", "syria"]}, ["a1-q0", "a1-q2"]),
        ({"kinds": ["direct"]}, ["a2-q0", "a1-q2"]),
        ({"search": "DIPLOMACY"}, ["a1-q2"]),
        ({"search": "fidan silent"}, ["a1-q1"]),
        ({"search": '"stay silent"'}, ["a1-q1"]),
        ({"search": "Baku"}, ["a1-q0", "a1-q1", "a1-q2"]),
        ({"speaker_ids": ["turkey"], "about_ids": ["israel"]}, ["a1-q0"]),
        ({"kinds": ["direct"], "search": "nothing like this"}, []),
    ],
    ids=["none", "speaker", "affiliation", "unidentified", "about-any", "kind", "search-case", "search-and",
         "search-phrase", "search-title", "turkey-about-israel", "nothing"],
)
def test_filter_quotes(table, filters, expected):
    assert list(filter_quotes(table, **filters)["quote_id"]) == expected


def test_search_terms_keep_phrases():
    assert search_terms('Turkey "stay silent"  Israel') == ["Turkey", "stay silent", "Israel"]


def test_speaker_about_counts(table):
    expected = pd.DataFrame(
        [[2, 0, 1], [1, 0, 0], [0, 1, 0]],
        index=pd.Index(["Hakan Fidan", "Donald Trump", "Turkish Ministry of Defense"], name="speaker"),
        columns=pd.Index(["Turkey", "Israel", "Syria"], name="about"),
    )
    pd.testing.assert_frame_equal(speaker_about_counts(table), expected)


def test_speaker_about_counts_puts_the_unidentified_last():
    quotes = _quotes()
    quotes.loc[quotes["quote_id"] == "a2-q1", "about_ids"] = pd.Series([["israel", "israel"]], index=[4])
    counts = speaker_about_counts(quote_table(quotes, _actors(), _articles()))
    assert counts.index[-1] == UNKNOWN_SPEAKER
    assert counts.loc[UNKNOWN_SPEAKER, "Israel"] == 1  # the same actor twice in a quote counts once


def test_speaker_about_counts_empty_when_no_quote_mentions_an_actor(table):
    assert speaker_about_counts(table[table["about_ids"].map(len) == 0]).empty


def test_heatmap_shows_counts_and_escapes_names(table):
    table = table.copy()
    table.loc[table["speaker_id"] == "donald-trump", "speaker_name"] = "<b>Trump</b>"
    fig = speaker_about_figure(speaker_about_counts(table))
    heat = fig.data[0]
    assert heat.type == "heatmap"
    assert list(heat.y) == ["Hakan Fidan", "&lt;b&gt;Trump&lt;/b&gt;", "Turkish Ministry of Defense"]
    assert list(heat.x) == ["Turkey", "Israel", "Syria"]
    assert [list(r) for r in heat.text] == [["2", "", "1"], ["1", "", ""], ["", "1", ""]]


@pytest.mark.parametrize(
    ("confidence", "words", "has_speaker", "note"),
    [
        ("named", "Fidan", True, ""),
        ("pronoun", "he", True, "speaker inferred from 'he'"),
        ("title", "the ministry", True, "speaker inferred from 'the ministry'"),
        ("carried", None, True, "speaker carried over from a nearby quote"),
        ("none", "officials", False, "no actor matches 'officials'"),
        ("none", None, False, ""),
    ],
    ids=["named", "pronoun", "title", "carried", "unmatched-words", "nothing"],
)
def test_confidence_note(confidence, words, has_speaker, note):
    assert confidence_note(confidence, words, has_speaker) == note


def test_direct_card_is_large_quoted_and_attributed(table):
    row = table.set_index("quote_id").loc["a1-q2"]
    card = card_html(row, link="reader?article=a1&sentence=6")
    assert 'class="qc qc-direct"' in card
    assert '<blockquote class="qc-text">“We prefer diplomacy in Syria.”</blockquote>' in card  # marks not doubled
    assert "<b>Hakan Fidan</b>" in card and "Foreign Minister" in card and "Turkey" in card
    assert 'href="reader?article=a1&amp;sentence=6"' in card
    assert "Direct quote" in card


def test_reported_card_reads_as_paraphrase_with_note(table):
    card = card_html(table.set_index("quote_id").loc["a1-q1"], link="reader?article=a1&sentence=5")
    assert 'class="qc qc-reported"' in card and "Reported speech" in card
    assert '<b class="qc-who">Hakan Fidan</b> <span class="qc-cue">emphasized</span> ' \
           "<i>Turkey would not stay silent</i>" in card
    assert "speaker inferred from &#x27;he&#x27;" in card


def test_card_for_unknown_speaker_never_guesses(table):
    card = card_html(table.set_index("quote_id").loc["a2-q1"], link="reader?article=a2&sentence=4")
    assert UNKNOWN_SPEAKER in card
    assert "date unknown" not in card and "12 Apr 2025" in card


def test_cards_escape_untrusted_text(table):
    row = table.set_index("quote_id").loc["a2-q0"].copy()
    row["text"] = "<script>alert(1)</script>"
    row["speaker_name"] = "<img src=x onerror=alert(1)>"
    card = card_html(row, link="reader?article=a2&sentence=2")
    assert "<script>" not in card and "<img" not in card
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in card
    assert "Trump meets &lt;Netanyahu&gt;" in card


def test_search_words_are_marked_in_the_card(table):
    card = card_html(table.set_index("quote_id").loc["a1-q1"], link="x", highlight=["silent"])
    assert "<i>Turkey would not stay <mark>silent</mark></i>" in card


def test_cards_html_renders_each_row(table):
    out = cards_html(table.head(3), ["l1", "l2", "l3"])
    assert out.count("<article ") == 3 and "<style>" in out


@pytest.mark.parametrize(
    ("actors", "mode", "link"),
    [
        ((), "any", "reader?article=a1&sentence=3"),
        (("Turkey", "Hakan Fidan"), "all", "reader?article=a1&sentence=3&actor=Turkey&actor=Hakan+Fidan&mode=all"),
    ],
    ids=["plain", "keeps-filter"],
)
def test_reader_link(actors, mode, link):
    assert reader_link("a1", 3, state=UrlState(actors=actors, mode=mode)) == link


def test_csv_has_names_joined_lists_and_only_the_given_rows(table):
    shown = filter_quotes(table, speaker_ids=["turkey"])
    data = pd.read_csv(io.BytesIO(quotes_csv(shown)), keep_default_na=False)
    assert list(data["quote_id"]) == ["a1-q0", "a1-q1", "a1-q2"]
    assert list(data["speaker"]) == ["Turkish Ministry of Defense", "Hakan Fidan", "Hakan Fidan"]
    assert list(data["about"]) == ["Israel", "Turkey", "Syria; Turkey"]
    assert list(data["speaker_affiliation"]) == ["Turkey", "Turkey", "Turkey"]


def test_csv_defuses_spreadsheet_formulas(table):
    data = pd.read_csv(io.BytesIO(quotes_csv(table)), keep_default_na=False)
    row = data[data["quote_id"] == "a2-q1"].iloc[0]
    assert row["text"].startswith("'=HYPERLINK")
    assert row["speaker"] == UNKNOWN_SPEAKER


def test_empty_quotes_give_an_empty_table_and_csv():
    table = quote_table(schema.empty("quotes"), _actors(), _articles())
    assert table.empty and speaker_options(table) == {} and speaker_about_counts(table).empty
    assert quotes_csv(table).decode().startswith("published,source,title,kind,speaker")


def test_speaker_about_pairs_busiest_first(table):
    pairs = speaker_about_pairs(table)
    assert list(pairs.itertuples(index=False, name=None)) == [
        ("Hakan Fidan", "Turkey", 2), ("Donald Trump", "Turkey", 1), ("Hakan Fidan", "Syria", 1),
        ("Turkish Ministry of Defense", "Israel", 1),
    ]


def test_a_corrected_quote_says_so_on_its_card_in_the_csv_and_in_the_reader():
    from dashboard.views.reader import article_html

    quotes = _quotes().assign(is_corrected=[False, True, False, False, False])
    table = quote_table(quotes, _actors(), _articles())
    cards = {q: card_html(r, link="x") for q, r in table.set_index("quote_id").iterrows()}
    assert "Corrected" in cards["a1-q1"] and "Corrected" not in cards["a1-q0"]
    rows = pd.read_csv(io.BytesIO(quotes_csv(table)), keep_default_na=False).set_index("quote_id")
    assert (rows.loc["a1-q1", "corrected"], rows.loc["a1-q0", "corrected"]) == ("yes", "")
    page = article_html("x" * 130, schema.empty("mentions"), quotes[quotes["article_id"] == "a1"], _actors())
    assert page.count("bq-fixed") == 1 and "corrected by an analyst" in page


@pytest.mark.parametrize("kept", [[1, 3], [4, 0, 2], [0, 1, 2, 3, 4]], ids=["two", "unordered", "all"])
def test_rows_of_the_whole_table_are_the_table_of_those_quotes(kept):
    quotes = _quotes()
    some = quotes.iloc[sorted(kept)]
    whole = quote_table(quotes, _actors(), _articles())
    pd.testing.assert_frame_equal(quote_rows(whole, some["quote_id"]), quote_table(some, _actors(), _articles()))
