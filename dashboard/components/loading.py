"""Loading a briefing in the background, with its progress on the page.

A cold load of thousands of articles takes minutes. It runs in a thread of its own, one per folder,
content signature and model in the whole process: a second user who opens the same briefing
meanwhile watches the same load's progress instead of starting another.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field

import streamlit as st

# A load that finishes within this many seconds is shown in the same run, without a progress bar.
QUICK_S = 1.5
# How often the progress bar is redrawn while a load runs.
REDRAW_S = 1.0
# Finished loads kept (each holds a whole briefing in memory); an edited folder makes a new one.
KEEP_FINISHED = 4


@dataclass
class Load:
    """One briefing being read: how far it has come, then its result or its error."""

    key: Hashable
    done: int = 0
    total: int = 0
    result: object = None
    error: BaseException | None = None
    finished: threading.Event = field(default_factory=threading.Event)
    finished_at: float = 0.0
    # time and count at the first report: articles found in the cache arrive at once and say
    # nothing about the pace of the rest
    first: tuple[float, int] | None = None

    def report(self, done: int, total: int) -> None:
        """The loader's progress callback: `done` of `total` articles analysed."""
        if self.first is None:
            self.first = (time.monotonic(), done)
        self.done, self.total = done, total

    def seconds_left(self) -> float | None:
        """Time left at the pace since the first report; None until there is a pace to go by."""
        if self.first is None or self.done <= self.first[1]:
            return None
        pace = (time.monotonic() - self.first[0]) / (self.done - self.first[1])
        return pace * (self.total - self.done)


def progress_text(done: int, total: int, seconds_left: float | None) -> str:
    """'Reading articles: 340 of 2,000 · about 3 min left'."""
    text = f"Reading articles: {done:,} of {total:,}"
    if total and done >= total:
        return f"{text} · putting the briefing together"
    if seconds_left is None:
        return text
    if seconds_left < 10:
        return f"{text} · a few seconds left"
    if seconds_left < 90:
        return f"{text} · about {round(seconds_left / 10) * 10:.0f} s left"
    return f"{text} · about {round(seconds_left / 60):.0f} min left"


@st.cache_resource
def _registry() -> tuple[threading.Lock, dict[Hashable, Load]]:
    """The loads of this process, shared by every session (a resource: cleared with the others)."""
    return threading.Lock(), {}


def start_load(key: Hashable, run: Callable[[Load], object]) -> Load:
    """The load under `key`: the one already running or finished, else `run(load)` started in a thread."""
    lock, loads = _registry()
    with lock:
        load = loads.get(key)
        if load is not None:
            return load
        load = loads[key] = Load(key)
        finished = sorted((lo for lo in loads.values() if lo.finished.is_set()), key=lambda lo: lo.finished_at)
        for old in finished[:max(0, len(finished) - KEEP_FINISHED)]:
            del loads[old.key]

    def work() -> None:
        try:
            load.result = run(load)
        except BaseException as exc:  # handed to the session that waits for it, raised there
            load.error = exc
            with lock:  # a failed load is tried again by the next run, not remembered
                if loads.get(key) is load:
                    del loads[key]
        finally:
            load.finished_at = time.monotonic()
            load.finished.set()

    threading.Thread(target=work, name=f"briefing-load-{len(loads)}", daemon=True).start()
    return load


def wait_for(load: Load) -> object:
    """The load's result: at once when it is quick, else after showing its progress until it ends.

    Raises the load's own error (a missing folder, say), so the caller reports it as before.
    """
    if not load.finished.wait(QUICK_S):
        bar = st.empty()
        while not load.finished.is_set():
            fraction = load.done / load.total if load.total else 0.0
            bar.progress(min(fraction, 1.0), text=progress_text(load.done, load.total, load.seconds_left()))
            load.finished.wait(REDRAW_S)
        bar.empty()
    if load.error is not None:
        raise load.error
    return load.result


def clear_loads() -> None:
    """Forget every load (tests start each case from the files); a load still running finishes unseen."""
    _registry.clear()
