"""Events of a folder at a glance: how many per article, with headlines and participants, by class.

    .venv/bin/python bench/event_stats.py ARTICLES_DIR [--sample 10] [--seed 13]

Loads the folder with the loader (into a private cache), then prints per-article means, the classes,
how many events are dated and how, and a seeded random sample of headlines to read.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dashboard.loader import load_briefing
from dashboard.loader.events.headlines import opens_with_pronoun


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--sample", type=int, default=10)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        b = load_briefing(args.folder, cache_dir=Path(cache))
    ev, n = b.events, max(1, len(b.articles))
    with_headline = ev["headline"].fillna("").str.len() > 0
    participants = ev["actor_ids"].map(len)
    both = (ev["agent_ids"].map(len) > 0) & (ev["patient_ids"].map(len) > 0)
    print(f"articles: {len(b.articles)}")
    print(f"events: {len(ev)} ({len(ev) / n:.1f} per article)")
    print(f"with a headline: {int(with_headline.sum())} ({with_headline.sum() / n:.1f} per article)")
    print(f"participants: {int(participants.sum())} ({participants.sum() / n:.1f} per article, "
          f"{participants.mean():.2f} per event); events with agent and patient: {int(both.sum())}")
    print(f"events with no actor: {int((participants == 0).sum())}")
    print(f"headlines opening with a pronoun or demonstrative: {sum(opens_with_pronoun(h) for h in ev['headline'])}")
    print("classes: " + ", ".join(f"{k} {v}" for k, v in ev["event_class"].value_counts().items()))
    dated = ev["precision"].astype(str) != "none"
    rules = ev.loc[dated, "date_rule"].astype(str)
    inherited = rules.str.startswith("inherited")
    print(f"dated: {int(dated.sum())} (own date {int((~inherited).sum())}, inherited "
          + ", ".join(f"{k} {v}" for k, v in rules[inherited].value_counts().items()) + ")")
    print(f"\n{args.sample} random headlines (seed {args.seed}):")
    rows = list(ev.itertuples())
    for r in random.Random(args.seed).sample(rows, min(args.sample, len(rows))):
        when = str(r.date)[:10] if str(r.precision) != "none" else "undated"
        print(f"- [{r.event_class}, {when}] {r.headline}")


if __name__ == "__main__":
    main()
