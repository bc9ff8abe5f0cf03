"""Loading a large corpus on Dask with the same per-article analysis as `load_briefing`.

One machine parses a few thousand articles an hour per core; a corpus of millions needs a cluster.
The loader is built for that split: everything per article (spaCy, then `analysis.analyse`) is a pure
function of the article and the pipeline settings, and everything across articles (merging actors,
grouping reports of one event, the actor registry) runs afterwards on small per-article tables.

How a corpus is loaded on Dask:

1. The driver lists the article files and cuts the list into partitions of a few hundred files
   (`partition_files`). The workers must see the same file system (a shared disk or a bucket
   mounted at the same path).
2. Each partition runs `analyse_files` on a worker: it reads its files with `sources.read_article`,
   parses them with the worker's own pipeline from `build_nlp` and calls `analyse` through
   `batches.analyse_batch`, the function the local loader uses. Its per-article tables, with actors
   still named by within-article keys, are written as Parquet (pyarrow), one file per table per
   partition: `OUT/<table>/part-00000-<digest>.parquet`, and `OUT/partitions.txt` lists the current
   partitions in order. The digest covers the partition's files (names, sizes, times), the model and
   the loader's code, so a failed partition is retried by Dask without touching the others, and
   running the load again after a crash or an edit redoes only the partitions whose inputs changed.
3. `briefing_from_parquet(OUT)` reads the partitions back and runs the loader's own `assemble`, so
   the result equals what `load_briefing` builds from the same folder. At millions of articles this
   last step would move to Dask as well: the actor merge is a group-by over folded keys of the
   `mentions` partitions, and the event grouping a group-by over (date, precision).

Dask runs the partitions on whatever cluster the current `distributed.Client` points at (a
`LocalCluster`, or a scheduler address). spaCy is CPU-bound Python: give each worker process one
thread (`dask worker SCHEDULER --nthreads 1 --nworkers N`); workers that are threads of one process
each get a pipeline of their own.

    from dask.distributed import Client
    from dashboard.loader.assembly.parallel import briefing_from_parquet, load_on_dask

    with Client("tcp://scheduler:8786"):
        out = load_on_dask("/data/articles", "/data/briefing-parquet", files_per_partition=500)
    briefing = briefing_from_parquet(out)
"""
from __future__ import annotations

import dataclasses
import os
import threading
from collections import defaultdict
from pathlib import Path

import pandas as pd
import pyarrow as pa

from dashboard.loader.assembly.tables import ANALYSIS_VERSION, COLUMNS, ArticleTables, stack_by_article
from dashboard.loader.parsing.batches import analyse_batch
from dashboard.loader.assembly.cache import analysis_values, cache_key
from dashboard.loader.parsing.pipeline import build_nlp
from dashboard.loader.frames import Columns
from dashboard.loader.settings import Settings
from dashboard.loader.reading.folder import list_article_files, no_articles_issue
from dashboard.loader.reading.sources import SIDECAR_SUFFIXES, Article, IngestIssue, read_article

PER_ARTICLE = ArticleTables.TABLES
ARTICLE_FIELDS = [f.name for f in dataclasses.fields(Article)]

_local = threading.local()


def _pipeline(model: str):
    """This thread's pipeline: threads of one worker process do not share a spaCy pipeline."""
    pipelines = getattr(_local, "pipelines", None)
    if pipelines is None:
        pipelines = _local.pipelines = {}
    if model not in pipelines:
        pipelines[model] = build_nlp(model) if threading.current_thread() is threading.main_thread() \
            else build_nlp.__wrapped__(model)
    return pipelines[model]


def partition_files(folder: str | Path, *, files_per_partition: int = 200) -> tuple[list[list[str]], list[IngestIssue]]:
    """The folder's article files in loader order, cut into partitions; and issues for files that are not articles."""
    files, issues = list_article_files(Path(folder))
    paths = [str(p) for p in files]
    size = max(1, files_per_partition)
    return [paths[i:i + size] for i in range(0, len(paths), size)], issues


def analyse_files(files: list[str], *, settings: Settings | None = None) -> dict[str, pd.DataFrame]:
    """Read and analyse one partition of article files: the pure per-partition step.

    Returns, per table, the partition's per-article tables stacked with an `article_id` column;
    `articles` holds every field of each Article with `position` (its index in `files`), and
    `issues` what reading each file met, also with `position`.
    """
    settings = settings or Settings()
    articles: list[Article] = []
    articles_at: list[int] = []
    issue_rows: list[dict] = []
    for position, file in enumerate(files):
        article, found = read_article(Path(file), max_bytes=settings.max_bytes)
        issue_rows += [{"position": position, **dataclasses.asdict(i)} for i in found]
        if article is not None:
            articles.append(article)
            articles_at.append(position)
    results: list[ArticleTables] = []
    unique: dict[str, Article] = {}
    for article in articles:
        unique.setdefault(article.article_id, article)  # a repeated text is analysed once
    if unique:
        nlp = _pipeline(settings.model)
        results = [tables for _, tables in analyse_batch(nlp, unique.values(), batch_size=settings.batch_size)]
    out = {
        "articles": pd.DataFrame([{"position": p, **dataclasses.asdict(a)} for p, a in zip(articles_at, articles)],
                                 columns=["position", *ARTICLE_FIELDS]),
        "issues": pd.DataFrame(issue_rows, columns=["position", "file", "level", "message"]),
    }
    for table in PER_ARTICLE:
        stacked = stack_by_article(results, table)
        out[table] = stacked if stacked is not None else pd.DataFrame(columns=["article_id"])
    return out


def partition_name(index: int, files: list[str], settings: Settings) -> str:
    """'part-00000-<digest>': the digest changes with the partition's files and their metadata sidecars,
    the model and the loader's code."""
    stats = []
    for file in files:
        stem = os.path.splitext(file)[0]
        for path in (file, *(stem + suffix for suffix in SIDECAR_SUFFIXES)):
            try:
                st = os.stat(path)
                stats.append((path, st.st_size, st.st_mtime_ns))
            except OSError:
                pass
    return f"part-{index:05d}-{cache_key(ANALYSIS_VERSION, settings.cache_key(), settings.max_bytes, stats)[:12]}"


def write_partition(tables: dict[str, pd.DataFrame], out: str | Path, name: str) -> None:
    """Write one partition's tables as `out/<table>/<name>.parquet`; its marker `out/_done/<name>` goes last."""
    out = Path(out)
    for table, df in tables.items():
        folder = out / table
        folder.mkdir(parents=True, exist_ok=True)
        df.to_parquet(folder / f"{name}.parquet", engine="pyarrow", index=False)
    (out / "_done").mkdir(parents=True, exist_ok=True)
    (out / "_done" / name).touch()


def _run_partition(item: tuple[str, list[str]], out: str, settings: Settings) -> str:
    name, files = item
    if not (Path(out) / "_done" / name).exists():
        write_partition(analyse_files(files, settings=settings), out, name)
    return name


def load_on_dask(folder: str | Path, out: str | Path, *, files_per_partition: int = 200,
                 settings: Settings | None = None) -> Path:
    """Analyse every article of `folder` on the current Dask cluster; write Parquet partitions to `out`.

    Uses the active `distributed.Client` (or Dask's local scheduler when there is none). Returns `out`.
    """
    import dask.bag as db

    settings = settings or Settings()
    out = Path(out)
    partitions, issues = partition_files(folder, files_per_partition=files_per_partition)
    out.mkdir(parents=True, exist_ok=True)
    pd.DataFrame([dataclasses.asdict(i) for i in issues], columns=["file", "level", "message"]).to_parquet(
        out / "listing_issues.parquet", index=False)
    (out / "folder.txt").write_text(str(Path(folder)), encoding="utf-8")
    names = [partition_name(i, files, settings) for i, files in enumerate(partitions)]
    if partitions:
        bag = db.from_sequence(list(zip(names, partitions)), npartitions=len(partitions))
        bag.map(_run_partition, out=str(out), settings=settings).compute()
    (out / "partitions.txt").write_text("".join(f"{n}\n" for n in names), encoding="utf-8")
    current = set(names)
    for old in out.glob("*/part-*"):  # partitions of an earlier run whose inputs have changed
        if old.name.removesuffix(".parquet") not in current:
            old.unlink(missing_ok=True)
    return out


def read_partitions(out: str | Path, table: str) -> list[pd.DataFrame]:
    """The partitions of one table, in partition order."""
    names = (Path(out) / "partitions.txt").read_text(encoding="utf-8").split()
    return [pd.read_parquet(Path(out) / table / f"{name}.parquet", engine="pyarrow") for name in names]


def briefing_from_parquet(out: str | Path, *, folder: str | Path | None = None):
    """The briefing assembled from the partitions `load_on_dask` wrote, equal to `load_briefing`'s.

    folder: the briefing folder to name (and read the actor registry from); default: the one loaded.
    """
    from dashboard.loader.assembly.briefing import assemble

    out = Path(out)
    folder = str(folder) if folder is not None else (out / "folder.txt").read_text(encoding="utf-8")
    listing = pd.read_parquet(out / "listing_issues.parquet")
    issues = [IngestIssue(**r) for r in listing.to_dict("records")]
    articles: list[Article] = []
    seen: dict[str, str] = {}
    stacked = {t: [] for t in PER_ARTICLE}
    for part_articles, part_issues, *parts in zip(read_partitions(out, "articles"), read_partitions(out, "issues"),
                                                  *(read_partitions(out, t) for t in PER_ARTICLE)):
        # the same walk over files as sources.read_folder: a file's issues, then whether it repeats one
        by_position = part_articles.set_index("position")
        kept: set[str] = set()
        for position in sorted({*part_articles["position"], *part_issues["position"]}):
            rows = part_issues[part_issues["position"] == position]
            issues += [IngestIssue(r.file, r.level, r.message) for r in rows.itertuples(index=False)]
            if position not in by_position.index:
                continue
            article = _article(by_position.loc[position])
            if article.article_id in seen:
                issues.append(IngestIssue(article.file, "warning",
                                          f"same text as {seen[article.article_id]}: loaded once"))
                continue
            seen[article.article_id] = article.file
            kept.add(article.article_id)
            articles.append(article)
        for table, part in zip(PER_ARTICLE, parts):
            stacked[table].append(part[part["article_id"].isin(kept)])
    if not articles:
        issues.append(no_articles_issue(Path(folder)))
    results = _split(articles, {t: pd.concat(f, ignore_index=True) if f else pd.DataFrame(columns=["article_id"])
                                for t, f in stacked.items()})
    return assemble(folder, articles, results, issues)


def _article(row: pd.Series) -> Article:
    values = {name: row[name] for name in ARTICLE_FIELDS}
    values["notes"] = list(values["notes"]) if values["notes"] is not None else []
    for name in ("source", "url"):
        if not isinstance(values[name], str):
            values[name] = None
    values["published"] = None if pd.isna(values["published"]) else pd.Timestamp(values["published"])
    return Article(**values)


def _split(articles: list[Article], stacked: dict[str, pd.DataFrame]) -> dict[str, ArticleTables]:
    """Per-article tables again, from the stacked partitions."""
    tables: dict[str, dict[str, Columns]] = {a.article_id: {} for a in articles}
    for table, df in stacked.items():
        # through Arrow, as the cache reads its entries: None where a value is missing, lists as lists
        arrow = pa.Table.from_pandas(df, preserve_index=False)
        rows_of: dict[str, list[int]] = defaultdict(list)
        for i, aid in enumerate(arrow.column("article_id").to_pylist()):
            rows_of[aid].append(i)
        columns = {name: analysis_values(arrow, name) if name in arrow.column_names else [None] * arrow.num_rows
                   for name in COLUMNS[table]}
        for aid, parts in tables.items():
            rows = rows_of.get(aid, [])
            parts[table] = {name: [values[i] for i in rows] for name, values in columns.items()}
    return {aid: ArticleTables(aid, **parts) for aid, parts in tables.items()}
