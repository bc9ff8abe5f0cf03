"""The parallel routes give the briefing `load_briefing` gives: worker processes, and Dask."""
from __future__ import annotations

import pandas as pd
import pytest

from dashboard.loader import batches, load_briefing
from dashboard.loader.parallel import briefing_from_parquet, load_on_dask, partition_files

ARTICLES = {
    "a-summit.txt": (
        "---\npublished: 2024-03-06\nsource: Wire\n---\n"
        "Leaders meet in Ankara\n"
        "Turkish Foreign Minister Hakan Fidan met Egypt's foreign minister in Ankara on Tuesday.\n"
        "\"We will work for a ceasefire,\" Fidan said.\n"
    ),
    "b-talks.md": (
        "# Talks resume in Cairo\n\n"
        "Negotiators from Israel and Hamas returned to Cairo on Monday, officials said.\n"
        "Hakan Fidan told reporters that Turkey backs the talks.\n"
    ),
    "c-markets.txt": (
        "Markets steady\n"
        "General Motors said on Wednesday that sales rose in March.\n"
        "GM chief executive Mary Barra said the company expects growth.\n"
    ),
    "d-same.txt": (  # the same words as c-markets.txt: loaded once, with a warning
        "Markets steady\n"
        "General Motors said on Wednesday that sales rose in March.\n"
        "GM chief executive Mary Barra said the company expects growth.\n"
    ),
    "e-notes.csv": "not,an,article\n",
}


def assert_same_briefing(got, want) -> None:
    for name in want.TABLES:
        pd.testing.assert_frame_equal(getattr(got, name), getattr(want, name), obj=name)
    assert got.issues == want.issues


@pytest.fixture
def folder(write_articles):
    return write_articles(ARTICLES)


@pytest.fixture
def serial(folder, nlp):
    briefing = load_briefing(folder, use_cache=False, nlp=nlp)
    assert len(briefing.articles) == 3 and not briefing.quotes.empty  # the comparison has rows to compare
    return briefing


@pytest.mark.parametrize("start", ["fork", "spawn"], ids=["fork", "spawn"])
def test_worker_processes_give_the_serial_tables(folder, serial, monkeypatch, start):
    monkeypatch.setattr(batches, "_start_method", lambda: start)
    # batch_size 1: each article goes to a worker of its own, so the results must come back in order
    got = load_briefing(folder, use_cache=False, n_process=2, batch_size=1)
    assert_same_briefing(got, serial)


@pytest.mark.parametrize(("n_process", "n_articles", "batch_size", "expected"), [
    (2, 100, 32, 2), (2, 10, 32, 1), (4, 70, 32, 3), (1, 1000, 32, 1),
], ids=["two", "one-batch-stays-in-process", "no-more-than-batches", "one"])
def test_worker_count(n_process, n_articles, batch_size, expected):
    assert batches.worker_count(n_process, n_articles, batch_size) == expected


def test_partitions_keep_the_loader_order(folder):
    partitions, issues = partition_files(folder, files_per_partition=3)
    assert [[p.rsplit("/", 1)[1] for p in part] for part in partitions] == [
        ["a-summit.txt", "b-talks.md", "c-markets.txt"], ["d-same.txt"]]
    assert [i.file for i in issues] == ["e-notes.csv"]


def test_dask_cluster_writes_parquet_that_assembles_to_the_same_briefing(folder, serial, tmp_path):
    from dask.distributed import Client, LocalCluster

    out = tmp_path / "parquet"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            Client(cluster):
        load_on_dask(folder, out, files_per_partition=2)
    assert sorted(p.name for p in (out / "mentions").iterdir()) == ["part-00000.parquet", "part-00001.parquet"]
    assert set(pd.read_parquet(out / "mentions" / "part-00000.parquet")["article_id"]) == \
        set(serial.articles["article_id"].iloc[:2])
    assert_same_briefing(briefing_from_parquet(out), serial)
