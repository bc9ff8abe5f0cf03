"""Python's cycle collector paused for steps that build many small containers and no cycles.

Each collection of the oldest generation scans every tracked object in the process (a loaded model,
every table so far), and a step that makes tens of thousands of lists, tuples and frames (assembling
the briefing, unpickling the workers' tables, writing the cache) sets off one collection after
another: measured, about two thirds of such a step's CPU time. Reference counting still frees what
these steps drop; only reference cycles wait until the collector runs again. Not for a step that
runs spaCy: its parses leave cycles behind, about a hundred thousand objects per hundred articles.
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


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
