"""Event words against MEANTIME-style gold: is the annotated event word an event row, with its date?

    .venv/bin/python bench/event_triggers.py ARTICLES_DIR GOLD [GOLD ...]

For every gold dated event (`events_dated`: `what` is the annotated event word, `evidence` words of
its sentence), looks at the rows of the sentence that holds the evidence and counts:
  trigger       a row whose event word is the gold word (first word, case-folded),
  trigger+date  that row also has the gold date and precision (what a timeline scores),
  summary+date  a row whose summary holds the gold word and has the gold date (works on tables
                without an event word, to compare with older loaders).
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path.cwd()
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dashboard.loader import load_briefing


def main() -> None:
    folder, golds = Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]]
    with tempfile.TemporaryDirectory() as cache:
        b = load_briefing(folder, cache_dir=Path(cache))
    arts = b.articles.set_index("file")
    counts = {"gold": 0, "trigger": 0, "trigger+date": 0, "summary+date": 0}
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        file = gold["article"]["file"]
        if file not in arts.index:
            continue
        aid, text = arts.loc[file, "article_id"], str(arts.loc[file, "text"])
        sents = b.sentences[b.sentences["article_id"] == aid]
        ev = b.events[b.events["article_id"] == aid]
        for g in gold.get("events_dated", []):
            counts["gold"] += 1
            pos = text.find(g["evidence"])
            ids = sents[(sents["start"] < pos + len(g["evidence"])) & (sents["end"] > pos)]["sentence_id"] \
                if pos >= 0 else sents["sentence_id"].iloc[:0]
            rows = ev[ev["sentence_id"].isin(ids)]
            word = str(g.get("what", "")).split()[0].casefold() if g.get("what") else ""
            dated = (rows["date"].astype(str).str[:10] == g["date"]) & (rows["precision"] == g.get("precision", "day"))
            if "trigger" in rows.columns:
                hit = rows["trigger"].fillna("").str.split().str[0].str.casefold() == word
                counts["trigger"] += int(hit.any())
                counts["trigger+date"] += int((hit & dated).any())
            in_summary = rows["summary"].fillna("").str.casefold().str.contains(word, regex=False)
            counts["summary+date"] += int((in_summary & dated).any())
    n = max(1, counts.pop("gold"))
    print(f"gold dated events: {n}")
    for k, v in counts.items():
        print(f"{k}: {v / n:.3f} ({v})")


if __name__ == "__main__":
    main()
