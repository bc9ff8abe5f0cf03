"""The parallel routes give the briefing `load_briefing` gives: worker processes, and Dask."""
from __future__ import annotations

import os
import sys
import threading
import types

import pandas as pd
import pytest

from dashboard.loader import load_briefing
from dashboard.loader.parsing import batches
from dashboard.loader.assembly.parallel import briefing_from_parquet, load_on_dask, partition_files

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
def test_worker_processes_give_the_serial_tables(folder, serial, monkeypatch, start, tmp_path):
    if start == "fork" and threading.active_count() > 1:
        pytest.skip("another test left a thread running: the loader itself would not fork here")
    monkeypatch.setattr(batches, "_start_method", lambda: start)
    # Under Streamlit, __main__ is the app's script, which a worker must not run (as a spawned
    # process would by default): this one leaves a mark when it runs.
    script = tmp_path / "app_script.py"
    script.write_text(f"open({str(tmp_path / 'ran')!r}, 'w').close()\n")
    main = types.ModuleType("__main__")
    main.__file__ = str(script)
    monkeypatch.setitem(sys.modules, "__main__", main)
    # batch_size 1: each article goes to a worker of its own, so the results must come back in order
    got = load_briefing(folder, use_cache=False, n_process=2, batch_size=1)
    assert_same_briefing(got, serial)
    assert not (tmp_path / "ran").exists()


def _die(articles, batch_size):
    os._exit(1)  # a worker killed from outside, e.g. for lack of memory


def test_a_dead_worker_leaves_its_articles_to_this_process(folder, serial, monkeypatch):
    monkeypatch.setattr(batches, "_analyse_chunk", _die)
    got = load_briefing(folder, use_cache=False, n_process=2, batch_size=1)
    assert_same_briefing(got, serial)


@pytest.mark.parametrize(("n_process", "n_articles", "batch_size", "expected"), [
    (2, 100, 32, 2), (2, 10, 32, 1), (4, 70, 32, 3), (1, 1000, 32, 1),
], ids=["two", "one-batch-stays-in-process", "no-more-than-batches", "one"])
def test_worker_count(n_process, n_articles, batch_size, expected):
    assert batches.worker_count(n_process, n_articles, batch_size) == expected


@pytest.mark.parametrize(("n_articles", "n_process", "batch_size", "expected"), [
    (2000, 2, 32, 32), (240, 2, 32, 15), (10, 2, 32, 1), (0, 2, 32, 1),
], ids=["a-batch-when-there-are-many", "several-tasks-each", "one-article-a-task", "none"])
def test_task_size(n_articles, n_process, batch_size, expected):
    assert batches.task_size(n_articles, n_process, batch_size) == expected


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
        # three files a partition: d-same.txt repeats c-markets.txt from the partition before
        load_on_dask(folder, out, files_per_partition=3)
    names = (out / "partitions.txt").read_text().split()
    assert [n[:10] for n in names] == ["part-00000", "part-00001"]
    assert set(pd.read_parquet(out / "mentions" / f"{names[0]}.parquet")["article_id"]) == \
        set(serial.articles["article_id"])
    assert_same_briefing(briefing_from_parquet(out), serial)


def test_a_second_load_redoes_only_the_partitions_whose_files_changed(folder, nlp, tmp_path, write_articles):
    import dask

    out = tmp_path / "parquet"
    with dask.config.set(scheduler="synchronous"):
        load_on_dask(folder, out, files_per_partition=2)
        first = (out / "partitions.txt").read_text().split()
        written = {n: (out / "mentions" / f"{n}.parquet").stat().st_mtime_ns for n in first}
        write_articles({"c-markets.txt": ARTICLES["c-markets.txt"].replace("March", "April")}, folder)
        load_on_dask(folder, out, files_per_partition=2)
    second = (out / "partitions.txt").read_text().split()
    assert len(second) == 2 and second[0] == first[0] and second[1] != first[1]
    assert (out / "mentions" / f"{first[0]}.parquet").stat().st_mtime_ns == written[first[0]]
    assert sorted(p.stem for p in (out / "mentions").iterdir()) == sorted(second)
    assert_same_briefing(briefing_from_parquet(out), load_briefing(folder, use_cache=False, nlp=nlp))


@pytest.mark.parametrize(("n_articles", "n_process", "batch_size", "first", "last"), [
    (2000, 2, 32, [32, 32], [28, 21, 16, 12, 9, 8, 8, 8, 2]), (240, 2, 32, [15, 15], [12, 9, 8, 8, 8]),
    (10, 2, 32, [1, 1], [1, 1]),
], ids=["many", "several", "few"])
def test_task_chunks_keep_the_order_and_shrink_at_the_end(n_articles, n_process, batch_size, first, last):
    articles = list(range(n_articles))
    chunks = batches.task_chunks(articles, n_process, batch_size)
    assert [a for chunk in chunks for a in chunk] == articles
    sizes = [len(c) for c in chunks]
    assert sizes[:len(first)] == first and sizes[-len(last):] == last
    assert sizes == sorted(sizes, reverse=True)
