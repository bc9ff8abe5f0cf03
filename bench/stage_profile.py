"""CPU time of each step of the per-article analysis, against spaCy's own parse of the same texts.

    .venv/bin/python bench/stage_profile.py FOLDER [--repeat N] [--profile OUT.prof]

Parses every article of FOLDER once (timing `nlp.pipe`), then runs each step of the analysis over the
parsed documents and prints its CPU milliseconds per article and its share of spaCy's time. The
mention index the quotes' and the events' resolvers share is built once per article and timed on
its own line; the quotes and events steps are given it. Each step gives its table column by column, as
`analyse` does; frames are built later, for many articles at once (the cache's batches, the assembly). With
`--profile`, the whole analysis also runs under cProfile and the file can be read with `pstats`.
The loader's cold load costs spaCy plus the sum of these steps plus the assembly across articles.
"""
from __future__ import annotations

import argparse
import cProfile
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _cpu() -> float:
    return time.process_time()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=1, help="runs of each step (the fastest is kept)")
    parser.add_argument("--model", default=None)
    parser.add_argument("--profile", type=Path, help="write a cProfile of the whole analysis here")
    args = parser.parse_args()

    from dashboard.loader import Settings, build_nlp, read_folder
    from dashboard.loader.assembly import analysis

    settings = Settings() if args.model is None else Settings(model=args.model)
    articles, _ = read_folder(args.folder, max_bytes=settings.max_bytes)
    nlp = build_nlp(settings.model)
    list(nlp.pipe([a.text for a in articles[:8]]))
    start = _cpu()
    docs = list(nlp.pipe([a.text for a in articles], batch_size=settings.batch_size))
    spacy_s = _cpu() - start
    n = len(docs)
    words = sum(len(a.text.split()) for a in articles)

    mentions = [analysis.mention_columns(doc) for doc in docs]
    indexes = [analysis.MentionIndex(doc, men) for doc, men in zip(docs, mentions)]
    stages = {
        "sentences": lambda doc, article, men, index: analysis.sentence_columns(doc),
        "actors (mentions)": lambda doc, article, men, index: analysis.mention_columns(doc),
        "mention index (quotes' and events' resolvers)": lambda doc, article, men, index: analysis.MentionIndex(
            doc, men),
        "quotes": lambda doc, article, men, index: analysis.quote_columns(doc, men, index=index),
        "events": lambda doc, article, men, index: analysis.event_columns(doc, men, article.published, index=index),
        "subjects": lambda doc, article, men, index: analysis.subject_columns(doc),
    }
    results: dict[str, float] = {}
    for name, step in stages.items():
        best = float("inf")
        for _ in range(args.repeat):
            start = _cpu()
            for doc, article, men, index in zip(docs, articles, mentions, indexes):
                step(doc, article, men, index)
            best = min(best, _cpu() - start)
        results[name] = best
    start = _cpu()
    for doc, article in zip(docs, articles):
        analysis.analyse(doc, article)
    total = _cpu() - start
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for doc, article in zip(docs, articles):
            analysis.analyse(doc, article)
        prof.disable()
        prof.dump_stats(str(args.profile))

    print(f"{n} articles, {words:,} words, model {settings.model}")
    print("| step | CPU ms per article | share of spaCy's time |")
    print("|---|---|---|")
    print(f"| spaCy `nlp.pipe` | {1000 * spacy_s / n:.1f} | 1.00 |")
    for name, seconds in results.items():
        print(f"| {name} | {1000 * seconds / n:.2f} | {seconds / spacy_s:.3f} |")
    print(f"| whole analysis (`analyse`) | {1000 * total / n:.2f} | {total / spacy_s:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
