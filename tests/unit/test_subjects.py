"""Subjects: products, indexes, currencies, laws and named events, kept apart from actors."""
from __future__ import annotations

import pytest

from dashboard.loader.subjects.find import find_subjects
from dashboard.loader.subjects.merge import merge_subjects


def subjects_of(nlp, text: str) -> list[tuple[str, str]]:
    table = find_subjects(nlp(text))
    return list(zip(table["text"], table["kind"]))


@pytest.mark.parametrize(("text", "expected"), [
    ("The Dow Jones Industrial Average fell 2% on Monday.", ("Dow Jones Industrial Average", "index")),
    ("Shares in Tokyo rose as the Nikkei 225 recovered.", ("Nikkei 225", "index")),
    ("Airbus said the Airbus A380 would fly in 2007.", ("Airbus A380", "product")),
    ("Boeing delivered its first Boeing 787 to a Japanese airline.", ("Boeing 787", "product")),
    ("Apple sold a million iPhone handsets in a month.", ("iPhone", "product")),
    ("The euro rose against most currencies.", ("euro", "currency")),
    ("The company filed for Chapter 11 protection.", ("Chapter 11", "law")),
    ("Congress passed the Clean Air Act after a long fight.", ("Clean Air Act", "law")),
], ids=["index", "index-number", "maker-and-model", "maker-and-number", "word-list-product", "currency", "chapter-11",
        "act"])
def test_each_class_of_subject_is_found(nlp, text, expected):
    assert expected in subjects_of(nlp, text)


@pytest.mark.parametrize("text", [
    "He paid 50 euros for the ticket.",
    "In March 2008 the board met twice.",
    "President Obama met General Motors executives.",
], ids=["an-amount-is-no-currency", "a-month-and-year-is-no-model", "people-and-companies-are-actors"])
def test_no_subject_where_none_is_named(nlp, text):
    assert subjects_of(nlp, text) == []


def test_a_model_code_alone_joins_the_product_its_maker_named(nlp):
    table = find_subjects(nlp("Airbus unveiled the Airbus A380 in Toulouse. The first A380 flew a year later."))
    assert table["text"].tolist() == ["Airbus A380", "A380"]
    assert table["key"].nunique() == 1


def test_subjects_merge_across_articles_by_name(nlp):
    one = find_subjects(nlp("The Nikkei 225 fell. The euro rose."))
    two = find_subjects(nlp("Later the Nikkei 225 recovered."))
    subjects, ids = merge_subjects({"a": one, "b": two}, taken={"euro"})
    nikkei = subjects[subjects["name"] == "Nikkei 225"].iloc[0]
    assert (nikkei["article_count"], nikkei["mention_count"], nikkei["kind"]) == (2, 2, "index")
    euro = subjects[subjects["name"] == "euro"].iloc[0]
    assert euro["subject_id"] != "euro"  # an actor already holds that id
    assert ids["a"]["nikkei 225"] == ids["b"]["nikkei 225"] == nikkei["subject_id"]


def test_a_briefing_keeps_subjects_apart_from_actors(write_articles, tmp_path):
    from dashboard.loader import load_briefing

    folder = write_articles({"markets.txt": "Tokyo stocks fall\nThe Nikkei 225 fell 3% on Monday, Toyota said. "
                                            "\"The Nikkei 225 will recover,\" said Taro Aso.\n"})
    b = load_briefing(folder, cache_dir=tmp_path / "cache")
    assert b.subjects["name"].tolist() == ["Nikkei 225"]
    nikkei = b.subjects["subject_id"].iloc[0]
    assert "Nikkei 225" not in set(b.actors["name"])
    assert set(b.subject_mentions["subject_id"]) == {nikkei}
    assert any(nikkei in ids for ids in b.events["subject_ids"])
    quote = b.quotes[b.quotes["kind"] == "direct"].iloc[0]
    assert list(quote["subject_ids"]) == [nikkei]
