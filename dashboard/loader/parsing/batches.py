"""Running the per-article analysis over many articles: in this process, or in worker processes.

`analyse_batch` is the one place where parsed articles meet `analyse`; the local worker processes
here and the Dask path (parallel.py) both call it, so every route gives the same tables.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
import types
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

from spacy.language import Language

from dashboard.loader.assembly.analysis import ArticleTables, analyse
from dashboard.loader.assembly.collector import heap_frozen
from dashboard.loader.parsing.pipeline import build_nlp
from dashboard.loader.reading.sources import Article


def analyse_batch(nlp: Language, articles: Iterable[Article], *,
                  batch_size: int = 32) -> Iterator[tuple[Article, ArticleTables]]:
    """Each article with its tables, parsed by `nlp` in batches of `batch_size`."""
    stream = ((a.text, a) for a in articles)
    # the model and everything else already loaded left out of the collections the parses set off
    with heap_frozen():
        for doc, article in nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
            yield article, analyse(doc, article)


# Tasks each worker process takes at least, where there are articles enough: the last task of one
# worker can end well after the other's, and a small task keeps that wait short.
TASKS_PER_WORKER = 8


def task_size(n_articles: int, n_process: int, batch_size: int) -> int:
    """Articles per task sent to a worker process: a spaCy batch at most (a parse does not depend
    on the batch it is in), fewer where that gives each worker TASKS_PER_WORKER tasks."""
    return max(1, min(batch_size, -(-n_articles // (max(n_process, 1) * TASKS_PER_WORKER))))


# Articles the last tasks shrink to: fewer would cost spaCy more per article (small batches).
TAIL_TASK = 8


def task_chunks(articles: list[Article], n_process: int, batch_size: int) -> list[list[Article]]:
    """`articles` cut into tasks for the worker processes, in order: tasks of `task_size`, then, as
    the end nears, each a share of what is left (down to TAIL_TASK), so that the workers finish
    close together instead of one waiting for the other's last full batch."""
    size = task_size(len(articles), n_process, batch_size)
    share = 2 * max(n_process, 1)
    chunks, at = [], 0
    while at < len(articles):
        step = min(size, max(TAIL_TASK, -(-(len(articles) - at) // share)))
        chunks.append(articles[at:at + step])
        at += step
    return chunks


def worker_count(n_process: int, n_articles: int, batch_size: int) -> int:
    """Processes worth starting: n_process (-1 or 0: one per core), never more than there are batches."""
    wanted = n_process if n_process > 0 else (os.cpu_count() or 1)
    batches = -(-n_articles // max(batch_size, 1))
    return max(1, min(wanted, batches))


# The pipeline of a worker process, loaded once by `_start_worker`.
_worker_nlp: Language | None = None


def _start_worker(model: str) -> None:
    global _worker_nlp
    # a forked worker starts with the parent's collector, paused while it waits for the workers;
    # the worker runs spaCy, whose parses leave reference cycles to collect
    gc.enable()
    # Importing this module imported .pipeline, which registers the loader's own spaCy components,
    # so a spawned worker can build the same pipeline as the parent.
    _worker_nlp = build_nlp(model)


def _analyse_chunk(articles: list[Article], batch_size: int) -> list[ArticleTables]:
    assert _worker_nlp is not None, "worker started without _start_worker"
    return [tables for _, tables in analyse_batch(_worker_nlp, articles, batch_size=batch_size)]


def _start_method() -> str:
    """'fork' where it is safe, else 'spawn'.

    A forked worker shares the parent's loaded model for free, but forking a process that runs other
    threads (the Streamlit server does) can leave a lock held forever in the child; there each
    worker pays about a second to load the model itself.
    """
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return "fork"
    return "spawn"


def analyse_in_processes(articles: list[Article], *, model: str, n_process: int,
                         batch_size: int) -> Iterator[tuple[Article, ArticleTables]]:
    """Each article with its tables, parsed and analysed in `n_process` worker processes.

    Workers run spaCy *and* the extraction rules and send back only the small per-article tables,
    not parsed Docs, so the parent stays free and the rules run in parallel too. Results come in
    the order of `articles`.
    """
    chunks = task_chunks(articles, n_process, batch_size)
    context = multiprocessing.get_context(_start_method())
    # forked inside the block, the workers leave the parent's objects out of their collections:
    # scanning them would cost time and copy the memory they share with the parent
    with heap_frozen(), ProcessPoolExecutor(max_workers=n_process, mp_context=context,
                                            initializer=_start_worker, initargs=(model,)) as pool:
        with _main_script_hidden():  # the workers start while map submits the chunks
            done = pool.map(_analyse_chunk, chunks, [batch_size] * len(chunks))
        for chunk, results in zip(chunks, done):
            yield from zip(chunk, results)


@contextmanager
def _main_script_hidden() -> Iterator[None]:
    """Start processes that do not run the parent's main script.

    A spawned worker first runs the file of the parent's `__main__` module. Under Streamlit that is
    the app's own script (Streamlit installs each page run as `__main__`), which must not run in a
    worker; an empty `__main__` while the workers start leaves them nothing to run.
    """
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main
