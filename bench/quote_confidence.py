"""Is `confidence` honest? For each confidence level, how many quotes and how often their speaker is right.

    .venv/bin/python bench/quote_confidence.py GOLD_ARTICLES_DIR GOLD_JSON [GOLD_JSON ...] [--scorer PATH]

Arguments are those of the project's scorer: the folder handed to `load_briefing`, then gold JSON
files in the format of ../shared/gold/seed.json. Quotes (direct and reported) are matched to the gold
by the scorer's own rules, imported from --scorer (default: ../shared/tools/score_briefing.py from
the current folder): `quote_match` pairs a predicted quote with a gold one (0.6 for direct quotes, 0.9
for reported speech, each gold quote used once); the speaker is right when `names_match` accepts the
speaker's actor name for the gold speaker. Only quotes matched to a gold quote count: the precision
of a level is the share of its matched quotes whose speaker is right. Quotes that match no gold quote
are counted apart ("unmatched"): on a gold set that is not exhaustive they say nothing about speakers.

Prints a Markdown table, one row per level (named, title, pronoun, carried, none, and any other level
the loader gives), each kind of quote apart and both together.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scoring import load_scorer  # noqa: E402  (bench/ is the script's own folder)

LEVELS = ("named", "title", "pronoun", "carried", "none")
THRESHOLD = {"direct": 0.6, "reported": 0.9}
GOLD_KEYS = {"direct": ("quotes_direct", "text"), "reported": ("quotes_reported", "contains")}



def tally(quotes: list[tuple[str, str, str]], gold: dict, kind: str, scorer: ModuleType,
          counts: dict[tuple[str, str], Counter]) -> None:
    """Add one article's quotes of one kind, (text, confidence, speaker name), to `counts`
    [(kind, level)] -> Counter(matched, right, unmatched)."""
    key, field = GOLD_KEYS[kind]
    actors = gold.get("actors", [])
    used: set[int] = set()
    for g in gold.get(key, []):
        best, best_score = None, THRESHOLD[kind]
        for i, (text, _, _) in enumerate(quotes):
            if i not in used:
                s = scorer.quote_match(text, g[field], kind)
                if s >= best_score:
                    best, best_score = i, s
        if best is None:
            continue
        used.add(best)
        _, level, speaker = quotes[best]
        ga = next((a for a in actors if a["name"] == g["speaker"]), {"name": g["speaker"]})
        names = [ga["name"], *[m for m in ga.get("mentions_include", []) if scorer.fold(m) not in scorer.PRONOUNS]]
        c = counts.setdefault((kind, level), Counter())
        c["matched"] += 1
        c["right"] += int(bool(speaker) and scorer.names_match(speaker, names))
    for i, (_, level, _) in enumerate(quotes):
        if i not in used:
            counts.setdefault((kind, level), Counter())["unmatched"] += 1


def table(counts: dict[tuple[str, str], Counter]) -> str:
    """The figures as a Markdown table."""
    levels = [*LEVELS, *sorted({lv for _, lv in counts} - set(LEVELS))]
    lines = ["| confidence | kind | matched quotes | speaker right | precision | unmatched quotes |",
             "|---|---|---:|---:|---:|---:|"]
    for level in levels:
        for kind in ("direct", "reported", "all"):
            kinds = ("direct", "reported") if kind == "all" else (kind,)
            c = sum((counts.get((k, level), Counter()) for k in kinds), Counter())
            if not c:
                continue
            p = f"{c['right'] / c['matched']:.3f}" if c["matched"] else "-"
            lines.append(f"| {level} | {kind} | {c['matched']} | {c['right']} | {p} | {c['unmatched']} |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("articles")
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--scorer", default="../shared/tools/score_briefing.py", help="path of score_briefing.py")
    args = ap.parse_args()
    scorer = load_scorer(Path(args.scorer))

    from dashboard.loader import load_briefing

    with tempfile.TemporaryDirectory() as cache:
        b = load_briefing(args.articles, cache_dir=cache)
    names = b.actors.set_index("actor_id")["name"].to_dict()
    article_of = {Path(str(f)).name: aid for aid, f in zip(b.articles["article_id"], b.articles["file"])}
    counts: dict[tuple[str, str], Counter] = {}
    for path in args.gold:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
        aid = article_of.get(gold["article"]["file"])
        if aid is None:
            print(f"skipped: no article {gold['article']['file']} in {args.articles}")
            continue
        q = b.quotes[b.quotes["article_id"] == aid]
        for kind in ("direct", "reported"):
            rows = q[q["kind"] == kind]
            quotes = [(str(t), str(c), names.get(s, "") if isinstance(s, str) else "")
                      for t, c, s in zip(rows["text"], rows["confidence"], rows["speaker_id"])]
            tally(quotes, gold, kind, scorer, counts)
    print(table(counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
