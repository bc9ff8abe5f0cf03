"""Python's cycle collector paused, or told to skip what already exists, while a load runs.

Each collection of the oldest generation scans every tracked object in the process (a loaded model,
every table so far), and a step that makes tens of thousands of lists, tuples and frames (assembling
the briefing, unpickling the workers' tables, writing the cache) sets off one collection after
another: measured, about two thirds of such a step's CPU time. Reference counting still frees what
these steps drop; only reference cycles wait until the collector runs again. Not for a step that
runs spaCy: its parses leave cycles behind, about a hundred thousand objects per hundred articles.

While articles are parsed the collector runs, but `heap_frozen` moves what the process held before
(the model, the loader's word lists, every imported module) out of its sight: full collections
during a cold load then cost half as much, and worker processes forked meanwhile do not copy the
parent's memory by writing the collector's marks into it.
"""
from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_frozen_lock = threading.Lock()
_frozen_depth = 0  # blocks inside heap_frozen, in any thread; inherited by a forked worker


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cycle collector off inside the block, back on after it if it was on before."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@contextmanager
def heap_frozen() -> Iterator[None]:
    """Objects that exist when the outermost such block starts are left out of every collection
    until it ends (`gc.freeze`); objects made inside are collected as usual.

    Blocks nest, in one thread or several: only the outermost freezes and unfreezes. A worker forked
    inside a block inherits it, so the parent's objects stay frozen there for the worker's life.
    Garbage that exists at the start (cycles not yet collected) is kept until the end.
    """
    global _frozen_depth
    with _frozen_lock:
        _frozen_depth += 1
        if _frozen_depth == 1:
            gc.freeze()
    try:
        yield
    finally:
        with _frozen_lock:
            _frozen_depth -= 1
            if _frozen_depth == 0:
                gc.unfreeze()
