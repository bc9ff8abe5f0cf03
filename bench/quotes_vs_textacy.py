"""Direct quotes and their speakers: our loader against textacy's `direct_quotations`, on gold files.

    .venv/bin/python bench/quotes_vs_textacy.py ARTICLES_DIR GOLD [GOLD ...] [--scorer PATH]

Arguments are those of the project's scorer: the folder handed to `load_briefing`, then gold JSON
files in the format of ../shared/gold/seed.json. Both extractors read the same article texts,
parsed by the same spaCy pipeline, and are matched to the gold by the scorer's own rules, imported
from --scorer (default: ../shared/tools/score_briefing.py from the current folder): a predicted
quote stands for a gold one when `quote_match(..., "direct")` reaches 0.6; its speaker is right
when `names_match` accepts the speaker's name for the gold speaker. Our speaker's name is its
actor's canonical name; textacy's is the words it gives as speaker (a pronoun stays a pronoun:
textacy resolves nothing, which is part of what is measured). Predictions matching a gold quote
whose source has no name (quotes_unresolved_source, quotes_no_source) are left out of precision,
as the scorer does.

Needs textacy, which the project does not depend on: `.venv/bin/pip install textacy` (0.13 works
with spaCy 3.8). Without it the script says so and prints our figures alone. It installs nothing
and asserts nothing; textacy raises on some articles (an odd number of quotation marks), and those
are counted and reported, the article then giving textacy no quotes.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scoring import load_scorer  # noqa: E402  (bench/ is the script's own folder)



def score(pairs: list[tuple[str, str]], gold: dict, scorer: ModuleType, totals: list[int]) -> None:
    """Add one article's (text, speaker name) predictions to totals [right, predicted, gold, found]."""
    actors = gold.get("actors", [])
    gq = gold.get("quotes_direct", [])
    used: set[int] = set()
    for g in gq:
        best, best_score = None, 0.6
        for i, (text, _) in enumerate(pairs):
            if i not in used:
                s = scorer.quote_match(text, g["text"], "direct")
                if s >= best_score:
                    best, best_score = i, s
        if best is None:
            continue
        used.add(best)
        totals[3] += 1
        ga = next((a for a in actors if a["name"] == g["speaker"]), {"name": g["speaker"]})
        names = [ga["name"], *[m for m in ga.get("mentions_include", []) if scorer.fold(m) not in scorer.PRONOUNS]]
        if pairs[best][1] and scorer.names_match(pairs[best][1], names):
            totals[0] += 1
    unnamed = [u.get("text") or u.get("contains") or "" for key in ("quotes_unresolved_source", "quotes_no_source")
               for u in gold.get(key, [])]
    for i, (text, _) in enumerate(pairs):
        if i in used or not any(u and scorer.quote_match(text, u, "direct") >= 0.6 for u in unnamed):
            totals[1] += 1
    totals[2] += len(gq)


def figures(totals: list[int], scorer: ModuleType) -> tuple[float, float, float, float]:
    right, n_pred, n_gold, found = totals
    p, r, f = scorer.prf(right, n_pred, n_gold)
    return p, r, f, found / n_gold if n_gold else 1.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("articles")
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--scorer", default="../shared/tools/score_briefing.py", help="path of score_briefing.py")
    args = ap.parse_args()
    scorer = load_scorer(Path(args.scorer))

    from dashboard.loader import build_nlp, load_briefing
    from dashboard.loader.settings import Settings

    golds = [json.loads(Path(p).read_text(encoding="utf-8")) for p in args.gold]
    with tempfile.TemporaryDirectory() as cache:
        t0 = time.perf_counter()
        b = load_briefing(args.articles, cache_dir=cache)
        ours_s = time.perf_counter() - t0
    names = b.actors.set_index("actor_id")["name"].to_dict()
    file_of = {Path(str(f)).name: (aid, str(text)) for aid, f, text in zip(b.articles["article_id"], b.articles["file"],
                                                                           b.articles["text"])}

    try:
        from textacy.extract.triples import direct_quotations
    except ImportError as exc:
        direct_quotations = None
        print(f"textacy is not installed ({exc}); install it with `.venv/bin/pip install textacy` to compare.")
    nlp = build_nlp(Settings().model)

    ours, theirs = [0, 0, 0, 0], [0, 0, 0, 0]
    failed: list[str] = []
    theirs_s = 0.0
    for gold in golds:
        fname = gold["article"]["file"]
        if fname not in file_of:
            print(f"skipped: no article {fname} in {args.articles}")
            continue
        aid, text = file_of[fname]
        q = b.quotes[(b.quotes["article_id"] == aid) & (b.quotes["kind"] == "direct")]
        pairs = [(str(t), names.get(s, "") if isinstance(s, str) else "") for t, s in zip(q["text"], q["speaker_id"])]
        score(pairs, gold, scorer, ours)
        if direct_quotations is None:
            continue
        doc = nlp(text)
        t0 = time.perf_counter()
        try:
            found = [(dq.content.text, " ".join(t.text for t in dq.speaker)) for dq in direct_quotations(doc)]
        except Exception as exc:  # textacy raises on articles it cannot pair; count them, go on
            failed.append(f"{fname}: {type(exc).__name__}: {str(exc)[:80]}")
            found = []
        theirs_s += time.perf_counter() - t0
        score(found, gold, scorer, theirs)

    n = len(golds)
    print(f"{n} gold files, {ours[2]} gold direct quotes\n")
    print("| extractor | quotes found | speaker P | speaker R | speaker F1 | predicted | articles failed |")
    print("|---|---|---|---|---|---|---|")
    p, r, f, found = figures(ours, scorer)
    print(f"| briefing loader | {found:.3f} | {p:.3f} | {r:.3f} | {f:.3f} | {ours[1]} | 0 |")
    if direct_quotations is not None:
        p, r, f, found = figures(theirs, scorer)
        print(f"| textacy direct_quotations | {found:.3f} | {p:.3f} | {r:.3f} | {f:.3f} | {theirs[1]} | "
              f"{len(failed)} of {n} |")
        print(f"\nseconds: loader {ours_s:.1f} (parsing, actors, quotes, events); "
              f"textacy {theirs_s:.2f} (quotes alone, on parsed docs)")
        for line in failed:
            print(f"  textacy failed on {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
