"""CPU cost of event extraction against the rest of a loader's per-article analysis.

    .venv/bin/python bench/event_cost.py ARTICLES_DIR [--repeat 3]

Parses every article once, then times (CPU time, `time.process_time`) `find_mentions`, the mention
index the quotes' and events' resolvers share, `extract_quotes` and `extract_events` (both given the
index, as the loader does) over the parsed documents, best of --repeat runs.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dashboard.loader import Settings, build_nlp, read_folder
from dashboard.loader.actors.mentions import find_mentions
from dashboard.loader.actors.resolver import MentionIndex
from dashboard.loader.events.extract import extract_events
from dashboard.loader.quotes.extract import extract_quotes


def _best(step, items, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        for item in items:
            step(*item)
        times.append(time.process_time() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    articles, _ = read_folder(args.folder, max_bytes=Settings().max_bytes)
    nlp = build_nlp(Settings().model)
    t0 = time.process_time()
    docs = list(nlp.pipe(a.text for a in articles))
    parse = time.process_time() - t0
    mentions = [find_mentions(d) for d in docs]
    pairs = list(zip(docs, mentions))
    indexes = [MentionIndex(d, ms) for d, ms in pairs]
    m = _best(lambda d: find_mentions(d), [(d,) for d in docs], args.repeat)
    i = _best(MentionIndex, pairs, args.repeat)
    q = _best(lambda d, ms, index: extract_quotes(d, ms, index=index),
              [(d, ms, index) for (d, ms), index in zip(pairs, indexes)], args.repeat)
    e = _best(lambda d, ms, pub, index: extract_events(d, ms, pub, index=index),
              [(d, ms, a.published, index) for (d, ms), a, index in zip(pairs, articles, indexes)], args.repeat)
    print(f"articles: {len(docs)}")
    print(f"parse (nlp.pipe): {parse:.2f} s CPU")
    print(f"find_mentions:    {m:.2f} s CPU")
    print(f"mention index:    {i:.2f} s CPU (shared by the quotes' and the events' resolvers)")
    print(f"extract_quotes:   {q:.2f} s CPU")
    print(f"extract_events:   {e:.2f} s CPU")
    print(f"events / (parse + mentions + index + quotes + events): {e / (parse + m + i + q + e):.1%}")


if __name__ == "__main__":
    main()
