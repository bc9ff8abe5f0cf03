"""Quotes and their speakers, on short articles written here and the real spaCy model.

Each article starts with a headline line, as the loader's article text does.
"""
from __future__ import annotations

import signal

import pandas as pd
import pytest

from dashboard.loader import load_briefing
from dashboard.loader.actors.mentions import find_mentions
from dashboard.loader.quotes.marks import QuoteSpan, find_quote_spans
from dashboard.loader.quotes.extract import QUOTE_COLUMNS, extract_quotes

FIDAN = "Turkish Foreign Minister Hakan Fidan"


def quotes(nlp, text: str) -> pd.DataFrame:
    doc = nlp(text)
    return extract_quotes(doc, find_mentions(doc))


def rows(df: pd.DataFrame) -> list[tuple]:
    """Rows without offsets, missing values as None."""
    out = []
    for r in df.itertuples(index=False):
        values = [None if not isinstance(v, list) and pd.isna(v) else v for v in r]
        out.append(tuple(v for col, v in zip(df.columns, values) if col not in ("start", "end")))
    return out


# (sentence_id, kind, text, cue, speaker_key, speaker_text, confidence, about_keys)
CASES = [
    pytest.param(
        f"Talks in Baku\n“We will not stay silent,” {FIDAN} said.",
        [(1, "direct", "We will not stay silent,", "said", "Hakan Fidan", FIDAN, "named", [])],
        id="direct-cue-after",
    ),
    pytest.param(
        f"Talks in Baku\n{FIDAN} said: “Turkey wants peace with all its neighbours.”",
        [(1, "direct", "Turkey wants peace with all its neighbours.", "said", "Hakan Fidan", FIDAN, "named",
          ["Turkey"])],
        id="direct-cue-before-colon",
    ),
    pytest.param(
        "Talks in Baku\n“We want peace. We will talk to everyone,” Hakan Fidan said on Monday.",
        [(1, "direct", "We want peace. We will talk to everyone,", "said", "Hakan Fidan", "Hakan Fidan", "named",
          [])],
        id="direct-multi-sentence",
    ),
    pytest.param(
        "Talks in Baku\n“We want peace,” Hakan Fidan said, “but we will defend our border.”",
        [(1, "direct", "We want peace,", "said", "Hakan Fidan", "Hakan Fidan", "named", []),
         (1, "direct", "but we will defend our border.", "said", "Hakan Fidan", "Hakan Fidan", "named", [])],
        id="direct-split-around-cue",
    ),
    pytest.param(
        "Talks in Baku\n“If there is a problem with Turkey, I believe it can be solved,” Donald Trump told reporters. "
        "“Fidan is a tough negotiator. I have always liked him.”",
        [(1, "direct", "If there is a problem with Turkey, I believe it can be solved,", "told", "Donald Trump",
          "Donald Trump", "named", ["Turkey"]),
         (2, "direct", "Fidan is a tough negotiator. I have always liked him.", None, "Donald Trump", "Donald Trump",
          "carried", ["Fidan"])],
        id="direct-carried-to-next-sentence",
    ),
    pytest.param(
        f"Talks in Baku\n\"We want peace.\n\"We will talk to anyone,\" {FIDAN} said.",
        [(1, "direct", "We want peace.", None, "Hakan Fidan", FIDAN, "carried", []),
         (2, "direct", "We will talk to anyone,", "said", "Hakan Fidan", FIDAN, "named", [])],
        id="direct-paragraph-reopened",
    ),
    pytest.param(
        "Jet maker hits back\nBoeing urged airlines to ignore what it called “baseless rumours” about the new jet.",
        [(1, "reported", "airlines to ignore what it called “baseless rumours” about the new jet", "urged", "Boeing",
          "Boeing", "named", []),
         (1, "direct", "baseless rumours", "called", "Boeing", "it", "pronoun", [])],
        id="partial-quote-inside-reported-speech",
    ),
    pytest.param(
        "War of words\nTurkish President Recep Tayyip Erdogan referred to Benjamin Netanyahu as the "
        "\"Butcher of Gaza.\"",
        [(1, "direct", "Butcher of Gaza.", "referred", "Recep Tayyip Erdogan",
          "Turkish President Recep Tayyip Erdogan", "named", [])],
        id="quoted-name-given-by-speaker",
    ),
    pytest.param(
        "New jet flies\nBoeing's new 787 “Dreamliner” made its first flight on Tuesday.",
        [],
        id="quoted-name-nobody-says",
    ),
    pytest.param(
        "Cuts at Airbus\nAirbus announced that it will cut 10,000 jobs in Europe.",
        [(1, "reported", "it will cut 10,000 jobs in Europe", "announced", "Airbus", "Airbus", "named", ["Europe"])],
        id="reported-named-subject",
    ),
    pytest.param(
        f"Talks in Baku\n{FIDAN} accused Israel of ignoring the ceasefire.",
        [(1, "reported", "Israel of ignoring the ceasefire", "accused", "Hakan Fidan", FIDAN, "named", ["Israel"])],
        id="reported-accused-of",
    ),
    pytest.param(
        "Deliveries\nAccording to Airbus, deliveries will rise next year.",
        [(1, "reported", "deliveries will rise next year", "according to", "Airbus", "Airbus", "named", [])],
        id="reported-according-to",
    ),
    pytest.param(
        "Troops in Syria\nTurkey keeps troops in northern Syria, stating that they will stay until a deal is reached.",
        [(1, "reported", "they will stay until a deal is reached", "stating", "Turkey", "Turkey", "named", [])],
        id="participle-takes-main-clause-speaker",
    ),
    pytest.param(
        f"Talks in Baku\n{FIDAN} believes that the talks will succeed. He expects a deal by June and plans to visit.",
        [],
        id="cognition-verbs-are-not-speech",
    ),
    pytest.param(
        "Bank results\nBank of America reported a loss on Monday. The bank said that loan losses remained high.",
        [(1, "reported", "a loss on Monday", "reported", "Bank of America", "Bank of America", "named", []),
         (2, "reported", "loan losses remained high", "said", "Bank of America", "The bank", "title", [])],
        id="title-organisation-noun",
    ),
    pytest.param(
        f"Talks in Baku\n{FIDAN} met his Azerbaijani counterpart on Monday. The minister said that the talks would "
        "continue.",
        [(2, "reported", "the talks would continue", "said", "Hakan Fidan", "The minister", "title", [])],
        id="title-role-noun",
    ),
    pytest.param(
        f"Talks in Baku\n{FIDAN} arrived in Baku on Monday. He said that Turkey wants a lasting peace.",
        [(2, "reported", "Turkey wants a lasting peace", "said", "Hakan Fidan", "He", "pronoun", ["Turkey"])],
        id="pronoun-he-person",
    ),
    pytest.param(
        "Jet deliveries\nBoeing delivered 50 jets in May. It said that demand remained strong.",
        [(2, "reported", "demand remained strong", "said", "Boeing", "It", "pronoun", [])],
        id="pronoun-it-organisation",
    ),
    pytest.param(
        "Troops on the border\nTurkey sent more troops to the border. He said that the move was defensive.",
        [(2, "reported", "the move was defensive", "said", None, "He", "none", [])],
        id="pronoun-he-never-a-country",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_rule(nlp, text, expected):
    assert rows(quotes(nlp, text)) == expected


def test_the_ministry_is_the_organisation_named_ministry(nlp):
    text = ("Talks in Baku\nTurkey's Defense Ministry said on Thursday that talks with Israel had begun. "
            "The ministry also criticized Israel's military posture in the region.")
    doc = nlp(text)
    mentions = find_mentions(doc)
    ministry = mentions.loc[mentions["text"].str.contains("Ministry"), "key"].unique().tolist()
    assert len(ministry) == 1  # the actor's canonical name is the actor rules' business; the speaker must be it
    assert rows(extract_quotes(doc, mentions)) == [
        (1, "reported", "on Thursday that talks with Israel had begun", "said", ministry[0],
         "Turkey's Defense Ministry", "named", ["Israel"]),
        (2, "reported", "Israel's military posture in the region", "criticized", ministry[0], "The ministry", "title",
         ["Israel"]),
    ]


# -- failure cases -----------------------------------------------------------------------------------

FAILURES = [
    pytest.param(
        f"Talks in Baku\n{FIDAN} said \"we will respond. Later he left the room.\n"
        "Turkish President Recep Tayyip Erdogan said: \"The talks will go on.\"",
        [(1, "reported", "we will respond", "said", "Hakan Fidan", FIDAN, "named", []),
         (3, "direct", "The talks will go on.", "said", "Recep Tayyip Erdogan",
          "Turkish President Recep Tayyip Erdogan", "named", [])],
        id="unbalanced-mark-costs-only-its-quote",
    ),
    pytest.param(
        f"Talks in Baku\n\"They told us 'no deal' again,\" {FIDAN} said.",
        [(1, "direct", "They told us 'no deal' again,", "said", "Hakan Fidan", FIDAN, "named", [])],
        id="nested-single-quotes",
    ),
    pytest.param(
        "Markets\nShares fell sharply on Monday.\n\"The market will recover soon.\"",
        [(2, "direct", "The market will recover soon.", None, None, None, "none", [])],
        id="quote-with-no-speaker-anywhere",
    ),
    pytest.param(
        "\"We Will Win This War\"\nShares fell sharply on Monday in Istanbul.",
        [],
        id="headline-in-quotes",
    ),
    pytest.param(
        "Music\nThe rock\"n\"roll band played on \"stage in the city.",
        [],
        id="marks-inside-words-and-a-stray",
    ),
]


@pytest.mark.parametrize(("text", "expected"), FAILURES)
def test_failure_case(nlp, text, expected):
    assert rows(quotes(nlp, text)) == expected


class Hang(BaseException):
    """Raised past the extractor's own guards, which catch Exception."""


@pytest.mark.parametrize("text", [
    pytest.param("\"\"\"\"", id="only-marks"),
    pytest.param("“”“", id="curly-marks-only"),
    pytest.param("Title\n\"", id="one-mark"),
    pytest.param("Title\n“Unclosed " + "word " * 600, id="long-unclosed-quote"),
    pytest.param("Title\n”Backwards quote“ he said.", id="marks-the-wrong-way-round"),
    pytest.param("Title\n\"'\"'\"'\" said Fidan.", id="alternating-marks"),
    pytest.param("", id="empty"),
    pytest.param("Title\nThe minister \"said that talks\" would go on.", id="quote-holding-its-sentence-root"),
])
def test_never_raises_nor_hangs(nlp, text):
    def too_slow(signum, frame):
        raise Hang("quote extraction did not finish in 30 s")

    previous = signal.signal(signal.SIGALRM, too_slow)
    signal.alarm(30)
    try:
        df = quotes(nlp, text)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert list(df.columns) == QUOTE_COLUMNS


def test_offsets_point_at_the_quote_text(nlp):
    text = ("Talks in Baku\n“We want peace,” Hakan Fidan said, “but we will defend our border.” "
            "He also said that Turkey has no quarrel with Israel.")
    df = quotes(nlp, text)
    assert len(df) == 3
    for r in df.itertuples():
        assert text[r.start:r.end] == r.text
    assert df["start"].tolist() == sorted(df["start"])


def test_about_keys_leave_out_the_speaker(nlp):
    text = f"Talks in Baku\n{FIDAN} said that Turkey and Hakan Fidan have no quarrel with Israel."
    df = quotes(nlp, text)
    assert rows(df) == [(1, "reported", "Turkey and Hakan Fidan have no quarrel with Israel", "said", "Hakan Fidan",
                         FIDAN, "named", ["Turkey", "Israel"])]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("He said \"yes\" and \"no\".", [QuoteSpan(9, 12), QuoteSpan(19, 21)], id="straight"),
    pytest.param("He said “yes” and “no”.", [QuoteSpan(9, 12), QuoteSpan(19, 21)], id="curly"),
    pytest.param("a \"stray mark, then \"a quote\".", [QuoteSpan(21, 28)], id="stray-opening-mark"),
    pytest.param("\"one\nno close\n\"two\"", [QuoteSpan(1, 13, closed=False), QuoteSpan(15, 18)],
                 id="paragraph-reopened"),
    pytest.param("rock\"n\"roll", [], id="inside-a-word"),
    pytest.param("a 13.3\" screen", [], id="inch-mark"),
    pytest.param("‘Yes,’ he said. Don’t go.", [QuoteSpan(1, 5)], id="single-curly"),
    pytest.param("He said 'no' to the Joneses' plan in the '90s.", [QuoteSpan(9, 11)], id="single-straight"),
    pytest.param("‘He said “never” to me,’ she said.", [QuoteSpan(1, 23)], id="double-nested-in-single"),
    pytest.param("\"He said 'never' to me,\" she said.", [QuoteSpan(1, 23)], id="single-nested-in-double"),
    pytest.param("``Yes,'' he said.", [QuoteSpan(2, 6)], id="typewriter-pair"),
    pytest.param("the 'rock 'n' roll' days", [QuoteSpan(5, 18)], id="elisions-inside-single-marks"),
    pytest.param("Tell 'em what you want.", [], id="an-elision-opens-nothing"),
    pytest.param("She said:\n“I would like to see my vote documente", [QuoteSpan(11, 48, closed=False)],
                 id="a-text-cut-off-in-a-quote"),
    pytest.param("She said:\n“A t", [], id="too-little-left-to-read"),
    pytest.param("A “stray mark.\nThe next paragraph has none.", [], id="a-mark-left-open-before-more-paragraphs"),
    pytest.param("“A sad day.\n\nThe plant opened in 1950.\n\n“We will not give up,” he said.",
                 [QuoteSpan(1, 11), QuoteSpan(41, 61)], id="a-paragraph-of-narrative-ends-a-quote-left-open"),
    pytest.param("“A sad day.\n\nMore on this story\n\n“We will not give up,” he said.",
                 [QuoteSpan(1, 31, closed=False), QuoteSpan(34, 54)], id="a-heading-between-does-not"),
    pytest.param("“A sad day.\n\nThe mayor called it a “tragedy.”\n\n“We will go on,” he said.",
                 [QuoteSpan(1, 11), QuoteSpan(36, 44), QuoteSpan(48, 62)],
                 id="a-paragraph-that-ends-in-a-quotation-is-still-narrative"),
])
def test_find_quote_spans(text, expected):
    assert find_quote_spans(text) == expected


def test_loader_end_to_end(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "talks.txt").write_text(
        f"Talks in Baku\n“We will not stay silent,” {FIDAN} said. He added that Turkey wants peace with Israel.\n",
        encoding="utf-8")
    b = load_briefing(folder, cache_dir=tmp_path / "c")
    q = b.quotes
    assert q["kind"].tolist() == ["direct", "reported"]
    names = b.actors.set_index("actor_id")["name"]
    assert [names[i] for i in q["speaker_id"]] == ["Hakan Fidan", "Hakan Fidan"]
    assert q["confidence"].tolist() == ["named", "pronoun"]
    assert [sorted(names[i] for i in ids) for ids in q["about_ids"]] == [[], ["Israel", "Turkey"]]
