"""An article's tables, kept column by column: the frames they give, stacked, and read back from the cache."""
from __future__ import annotations

import pandas as pd
import pytest

from dashboard.loader.actors.mentions import find_mentions
from dashboard.loader.assembly.analysis import sentence_table
from dashboard.loader.assembly.cache import ArticleCache
from dashboard.loader.assembly.tables import ArticleTables, stack_tables
from dashboard.loader.events.extract import extract_events
from dashboard.loader.parsing.batches import analyse_batch
from dashboard.loader.quotes.extract import extract_quotes
from dashboard.loader.reading.folder import read_folder
from dashboard.loader.settings import Settings
from dashboard.loader.subjects.find import find_subjects

ARTICLES = {
    "a-talks.txt": (
        "---\npublished: 2024-03-06\n---\n"
        "Talks in Cairo\n"
        "Turkish Foreign Minister Hakan Fidan met Egyptian officials in Cairo on Monday, the ministry said.\n"
        "\"We will work for a ceasefire,\" Fidan said. He will travel to Doha next week.\n"
    ),
    "b-cars.txt": (
        "Markets steady\n"
        "General Motors said on Wednesday that sales of the Chevrolet Volt rose in March.\n"
        "The Dow Jones Industrial Average fell, and the euro gained against the dollar.\n"
    ),
    "c-quiet.txt": "Quiet\nNothing.\n",  # tables without rows
}


@pytest.fixture
def analysed(write_articles, nlp) -> list[tuple[object, ArticleTables]]:
    articles, _ = read_folder(write_articles(ARTICLES), max_bytes=Settings().max_bytes)
    return list(analyse_batch(nlp, articles))


def extractor_frame(table: str, doc, article) -> pd.DataFrame:
    """The table as the extractor's public function gives it."""
    if table == "sentences":
        return sentence_table(doc)
    if table == "mentions":
        return find_mentions(doc)
    if table == "quotes":
        return extract_quotes(doc, find_mentions(doc))
    if table == "events":
        return extract_events(doc, find_mentions(doc), article.published)
    return find_subjects(doc)


@pytest.mark.parametrize("table", ArticleTables.TABLES)
def test_an_article_s_columns_give_the_extractor_s_frame(analysed, nlp, table):
    for article, tables in analysed:
        want = extractor_frame(table, nlp(article.text), article)
        pd.testing.assert_frame_equal(tables.frame(table), want, obj=f"{article.file} {table}")


def test_the_tables_read_back_from_the_cache_give_the_same_frames(analysed, tmp_path):
    assert any(tables.rows("quotes") for _, tables in analysed) and any(tables.rows("events") for _, tables in analysed)
    assert not all(tables.rows("quotes") for _, tables in analysed), "an article without quotes is among them"
    cache = ArticleCache(tmp_path / "cache")
    cache.put_many([(article.article_id, tables) for article, tables in analysed])
    read = cache.get_many([article.article_id for article, _ in analysed])
    for article, tables in analysed:
        assert read[article.article_id].article_id == tables.article_id
        for table in ArticleTables.TABLES:
            pd.testing.assert_frame_equal(read[article.article_id].frame(table), tables.frame(table),
                                          obj=f"{article.file} {table}")


@pytest.mark.parametrize("table", ["sentences", "mentions", "quotes", "subject_mentions"])
def test_stacked_tables_hold_each_article_s_rows_in_order(analysed, table):
    results = [tables for _, tables in analysed]
    stacked, counts = stack_tables(results, table)
    assert counts == [len(r.frame(table)) for r in results]
    assert stacked["text"].tolist() == [t for r in results for t in r.frame(table)["text"].tolist()]
