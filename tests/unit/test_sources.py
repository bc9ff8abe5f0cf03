"""Reading articles and their metadata: front matter, sidecars, titles, dates, ids."""
from __future__ import annotations

import pandas as pd
import pytest

from dashboard.loader import load_briefing
from dashboard.loader.reading.datelines import find_dateline
from dashboard.loader.reading.sources import article_id_for, read_article

BODY = "Officials met in Ankara on Monday to discuss trade, the ministry said.\n"


def _load(folder, tmp_path):
    return load_briefing(folder, cache_dir=tmp_path / "cache")


def test_front_matter_sets_metadata(write_articles, tmp_path):
    folder = write_articles({"a.md": (
        "---\npublished: 2024-03-05\nsource: Example Wire\nurl: https://example.org/a\n"
        "title: Trade talks in Ankara\n---\n# Ankara hosts talks\n" + BODY)})
    row = _load(folder, tmp_path).articles.iloc[0]
    assert row["published"] == pd.Timestamp("2024-03-05")
    assert (row["source"], row["url"], row["title"]) == ("Example Wire", "https://example.org/a", "Trade talks in Ankara")
    assert row["text"].startswith("# Ankara hosts talks\nOfficials")


def test_sidecar_sets_metadata_without_editing_the_article(write_articles, tmp_path):
    folder = write_articles({
        "story.txt": "Ankara hosts talks\n" + BODY,
        "story.meta.yaml": "published: 2024-03-05\nsource: Example Wire\n",
    })
    b = _load(folder, tmp_path)
    assert len(b.articles) == 1, "the sidecar is not an article"
    row = b.articles.iloc[0]
    assert (row["published"], row["source"], row["title"]) == (pd.Timestamp("2024-03-05"), "Example Wire", "Ankara hosts talks")
    assert b.ingest_report.empty


def test_metadata_lines_under_a_pasted_headline(write_articles, tmp_path):
    folder = write_articles({"pasted.txt": "Ankara hosts talks\nPublished: March 5, 2024\nSource: Example Wire\n"
                                           "By Jane Doe, The Canadian Press\n\n" + BODY})
    b = _load(folder, tmp_path)
    row = b.articles.iloc[0]
    assert (row["published"], row["source"], row["title"]) == (pd.Timestamp("2024-03-05"), "Example Wire",
                                                               "Ankara hosts talks")
    assert row["text"] == "Ankara hosts talks\n\n" + BODY, "the lines say where the text is from, not what happened"
    assert "Jane Doe" not in set(b.actors["name"]), "the reporter is not an actor of the story"
    assert b.ingest_report.empty


def test_a_byline_under_a_deck(write_articles, tmp_path):
    folder = write_articles({"deck.txt": "Ankara hosts talks\n\nMinisters meet for a second day\n\n"
                                         "By Cameron Atfield\n\n" + BODY})
    b = _load(folder, tmp_path)
    assert b.articles.iloc[0]["text"] == "Ankara hosts talks\n\nMinisters meet for a second day\n\n\n" + BODY
    assert "Cameron Atfield" not in set(b.actors["name"])


def test_credit_lines_that_end_a_wire_story(write_articles, tmp_path):
    trailer = ("\n\n___\n\nAssociated Press writers Kevin Freking and Stephen Groves contributed to this report.\n\n"
               "Follow Lisa Mascaro on X: https://x.com/lisamascaro\n")
    folder = write_articles({"wire.txt": "Ankara hosts talks\n\n" + BODY + trailer})
    b = _load(folder, tmp_path)
    assert b.articles.iloc[0]["text"].rstrip() == ("Ankara hosts talks\n\n" + BODY).rstrip()
    assert not {"Kevin Freking", "Stephen Groves", "Lisa Mascaro"} & set(b.actors["name"])


def test_a_copyright_line_that_ends_a_story(write_articles, tmp_path):
    folder = write_articles({"wire.txt": "Ankara hosts talks\n\n" + BODY + "\n\nCopyright 2016 NPR.\n"})
    assert _load(folder, tmp_path).articles.iloc[0]["text"].rstrip() == ("Ankara hosts talks\n\n" + BODY).rstrip()


def test_a_last_line_that_only_looks_like_a_credit_stays(write_articles, tmp_path):
    last = "Ministers said the union contributed to this report's delay."
    folder = write_articles({"a.txt": "Ankara hosts talks\n\n" + BODY + "\n" + last + "\n"})
    assert last in _load(folder, tmp_path).articles.iloc[0]["text"]


@pytest.mark.parametrize("first_line", [
    pytest.param("By the end of the week, prices had risen.", id="a-sentence-opening-with-by"),
    pytest.param("Date: the talks will go on.", id="a-line-that-is-not-a-date"),
    pytest.param("Source: officials close to the talks said it would fail.", id="a-sentence-not-a-source"),
])
def test_body_lines_that_only_look_like_metadata(write_articles, tmp_path, first_line):
    folder = write_articles({"a.txt": "Ankara hosts talks\n" + first_line + "\n" + BODY})
    row = _load(folder, tmp_path).articles.iloc[0]
    assert first_line in row["text"]
    assert pd.isna(row["published"])


def test_front_matter_wins_over_lines_under_the_headline(write_articles, tmp_path):
    folder = write_articles({"a.md": "---\npublished: 2024-03-05\n---\nAnkara hosts talks\nPublished: 2023-01-01\n"
                                     + BODY})
    assert _load(folder, tmp_path).articles.iloc[0]["published"] == pd.Timestamp("2024-03-05")


def test_without_metadata_the_title_is_the_first_line_and_the_date_unknown(write_articles, tmp_path):
    folder = write_articles({"plain.txt": "\n\n  Ankara hosts talks  \n" + BODY})
    row = _load(folder, tmp_path).articles.iloc[0]
    assert row["title"] == "Ankara hosts talks"
    assert pd.isna(row["published"])


def test_markdown_heading_marks_are_not_part_of_the_title(write_articles, tmp_path):
    folder = write_articles({"h.md": "## Ankara hosts talks\n" + BODY})
    assert _load(folder, tmp_path).articles.iloc[0]["title"] == "Ankara hosts talks"


@pytest.mark.parametrize("value, expected", [
    ("2025-04-10", "2025-04-10"),
    ("2025-04-10T08:30:00+02:00", "2025-04-10"),
    ("10 April 2025", "2025-04-10"),
], ids=["iso-date", "iso-datetime-with-zone", "written-out"])
def test_published_dates_are_read_as_days(tmp_path, value, expected):
    path = tmp_path / "a.txt"
    path.write_text(f"---\npublished: '{value}'\n---\nTitle\n{BODY}", encoding="utf-8")
    article, issues = read_article(path, max_bytes=10_000)
    assert article.published == pd.Timestamp(expected)
    assert issues == []


def test_an_unreadable_date_is_reported_and_left_unknown(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(f"---\npublished: last Tuesday-ish\n---\nTitle\n{BODY}", encoding="utf-8")
    article, issues = read_article(path, max_bytes=10_000)
    assert article.published is None
    assert [i.level for i in issues] == ["warning"] and "not a date" in issues[0].message


def test_article_id_depends_on_the_words_not_the_file(write_articles, tmp_path):
    folder = write_articles({"one.txt": "Ankara hosts talks\n" + BODY})
    other = write_articles({"two.txt": "Ankara hosts talks\r\n" + BODY.replace("\n", "\r\n")}, tmp_path / "other")
    a = _load(folder, tmp_path).articles.iloc[0]["article_id"]
    b = load_briefing(other, cache_dir=tmp_path / "c2").articles.iloc[0]["article_id"]
    assert a == b == article_id_for("Ankara hosts talks\n" + BODY)


@pytest.mark.parametrize("text, dateline", [
    pytest.param("Budget passes\n\nOTTAWA — Council approved the budget.", "OTTAWA — ", id="city"),
    pytest.param("Cuts\nDETROIT (AP) — Stellantis will cut jobs.", "DETROIT (AP) — ", id="agency"),
    pytest.param("Shares\nLONDON, March 5 (Reuters) - Shares fell.", "LONDON, March 5 (Reuters) - ", id="day"),
    pytest.param("Strike ends\nHALIFAX, N.S. — Dockworkers returned.", "HALIFAX, N.S. — ", id="region"),
    pytest.param("Verdict\n\nMIDLAND, Texas, March 2 --\n\nA jury convicted him.", "MIDLAND, Texas, March 2 --\n\n",
                 id="a-line-of-its-own"),
    pytest.param("No new taxes: CM\nPATNA, March 4 (PTI): Arun Pillai said so.", "PATNA, March 4 (PTI): ",
                 id="colon"),
    pytest.param("Rates\nNEW DELHI: The bank held rates.", "NEW DELHI: ", id="colon-place-only"),
    pytest.param("Storm\nKINGSTON, Jamaica, Oct 3, CMC – The government said schools would close.",
                 "KINGSTON, Jamaica, Oct 3, CMC – ", id="agency-after-a-comma"),
    pytest.param("Storm\nKINGSTON, Jamaica, Oct 3, Schools – The government said schools would close.", None,
                 id="a-word-after-a-comma-is-no-agency"),
    pytest.param("Rates\nThe bank held rates: a pause.", None, id="a-colon-in-a-sentence"),
    pytest.param("Talks\nOfficials — including two ministers — met.", None, id="a-dash-in-a-sentence"),
    pytest.param("Talks\nThe talks began.\nUS - China talks resumed.", None,
                 id="a-short-word-is-no-place-after-the-first"),
    pytest.param("Spy claims\nThe party says its leaders should stop.\n\nJOHANNESBURG - The party called on them.",
                 "JOHANNESBURG - ", id="the-second-paragraph-after-a-summary"),
    pytest.param("Spy claims\nThe party spoke.\nIt met.\nJOHANNESBURG - The party called on them.", None,
                 id="not-the-third-paragraph"),
])
def test_the_dateline_of_the_first_paragraph(text, dateline):
    found = find_dateline(text)
    assert (text[found[0]:found[1]] if found else None) == dateline
