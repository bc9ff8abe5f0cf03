"""Command line: `python -m dashboard.loader FOLDER --out DIR` writes the tables as Parquet."""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from dashboard.loader import FolderNotFound, ModelNotFound, load_briefing
from dashboard.loader.settings import Settings


def summary_lines(briefing) -> list[str]:
    """What was loaded, one line per table, then the ingest report."""
    lines = [f"Briefing {briefing.folder}"]
    for name, table in briefing.tables().items():
        lines.append(f"  {name:<10} {len(table):>7} rows")
    report = briefing.ingest_report
    if report.empty:
        lines.append("Ingest report: every file loaded cleanly.")
    else:
        lines.append(f"Ingest report: {len(report)} file(s) need attention")
        lines += [f"  [{r.level}] {r.file}: {r.message}" for r in report.itertuples(index=False)]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.loader", description=__doc__)
    parser.add_argument("folder", help="folder of .txt, .md or .html articles")
    parser.add_argument("--out", help="write one Parquet file per table into this folder")
    parser.add_argument("--model", help="installed spaCy pipeline to use (default: BRIEFING_MODEL or the bundled one)")
    parser.add_argument("--n-process", type=int, help="processes for spaCy (default: BRIEFING_N_PROCESS or 1)")
    parser.add_argument("--cache-dir", help="where parsed articles are cached (default: BRIEFING_CACHE_DIR)")
    parser.add_argument("--no-cache", action="store_true", help="parse every article again; write no cache")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")

    overrides = {k: v for k, v in (("model", args.model), ("n_process", args.n_process)) if v is not None}
    try:
        briefing = load_briefing(args.folder, cache_dir=args.cache_dir, use_cache=not args.no_cache,
                                 settings=Settings(), **overrides)
    except (FolderNotFound, ModelNotFound) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print("\n".join(summary_lines(briefing)))
    if args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        for name, table in briefing.tables().items():
            table.to_parquet(out / f"{name}.parquet", index=False)
        briefing.ingest_report.to_parquet(out / "ingest_report.parquet", index=False)
        print(f"Wrote {len(briefing.TABLES) + 1} Parquet files to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
