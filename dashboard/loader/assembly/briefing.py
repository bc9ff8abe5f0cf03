"""`load_briefing`: a folder of articles in, six tidy tables out."""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from dashboard.loader import schema
from dashboard.loader.actors.merge import merge_stacked_actors
from dashboard.loader.assembly.tables import ANALYSIS_VERSION, ArticleTables, stack_by_article
from dashboard.loader.assembly.cache import ENTRY_ARTICLES, ArticleCache, cache_key
from dashboard.loader.assembly.collector import collector_paused
from dashboard.loader.events.groups import group_reports
from dashboard.loader.actors.registry import apply_registry, load_registry
from dashboard.loader.actors.registry import FILE_NAME as REGISTRY_FILE
from dashboard.loader.edits.corrections import CORRECTIONS_FILE, apply_corrections, load_corrections
from dashboard.loader.settings import Settings, default_cache_dir
from dashboard.loader.subjects.merge import merge_stacked_subjects, subjects_of_rows
from dashboard.loader.reading.folder import folder_signature, read_folder
from dashboard.loader.reading.sources import Article, IngestIssue

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]  # progress(articles done, articles in all)


class FolderNotFound(FileNotFoundError):
    """The briefing folder does not exist or is not a folder."""


@dataclass
class Briefing:
    """The tables of one briefing, each cast to the schema, and what happened while reading it."""

    folder: str
    articles: pd.DataFrame
    sentences: pd.DataFrame
    actors: pd.DataFrame
    mentions: pd.DataFrame
    quotes: pd.DataFrame
    events: pd.DataFrame
    subjects: pd.DataFrame = field(default_factory=lambda: schema.empty("subjects"))
    subject_mentions: pd.DataFrame = field(default_factory=lambda: schema.empty("subject_mentions"))
    issues: list[IngestIssue] = field(default_factory=list)

    TABLES = ("articles", "sentences", "actors", "mentions", "quotes", "events", "subjects", "subject_mentions")

    @property
    def ingest_report(self) -> pd.DataFrame:
        """One row per file that was skipped or loaded with a caveat."""
        return pd.DataFrame([vars(i) for i in self.issues], columns=["file", "level", "message"])

    def tables(self) -> dict[str, pd.DataFrame]:
        return {name: getattr(self, name) for name in self.TABLES}


def load_briefing(
    folder: str | Path,
    *,
    cache_dir: str | Path | None = None,
    use_cache: bool = True,
    settings: Settings | None = None,
    nlp: Language | None = None,
    progress: Progress | None = None,
    **overrides: object,
) -> Briefing:
    """Read every article in `folder` and build the briefing's tables.

    cache_dir: where parsed articles are kept between runs (default: BRIEFING_CACHE_DIR or
        ~/.cache/briefing-dashboard); an empty folder forces a cold load.
    use_cache: False parses every article again and writes nothing.
    settings / overrides: a `Settings`, or its fields by name (model="en_core_web_sm", n_process=2).
    nlp: an already loaded pipeline from `build_nlp(settings.model)`, so a long-running app loads it once.
    progress: called as progress(done, total) with the articles analysed so far (cached ones count as
        done at once), so a caller can show how far a long load has come.
    """
    settings = replace(settings or Settings(), **overrides)  # type: ignore[arg-type]
    path = Path(folder)
    if not path.is_dir():
        raise FolderNotFound(f"briefing folder {str(path)!r} does not exist or is not a folder")
    cache = ArticleCache(Path(cache_dir) if cache_dir else default_cache_dir()) if use_cache else ArticleCache(None)
    # Nothing changed since a load that was cached (no file added, removed, resized or touched): its
    # briefing, without reading a single article.
    signature = cache_key("signature", ANALYSIS_VERSION, settings.cache_key(), str(path.resolve()),
                          folder_signature(path))
    seen = cache.get_signature(signature)
    if seen is not None:
        hit = cache.get_briefing(seen[0])
        if isinstance(hit, dict):
            return _cached(path, hit, seen[1], progress)
    articles, issues = read_folder(path, max_bytes=settings.max_bytes)
    key = briefing_cache_key(path, articles, settings)
    hit = cache.get_briefing(key)
    if not isinstance(hit, dict):
        results = analyse_articles(articles, settings, cache, nlp=nlp, progress=progress)
        with collector_paused():  # many small containers, no cycles: see collector.py
            briefing = assemble(str(path), articles, results, issues)
            hit = {"tables": briefing.tables(), "issues": [i for i in briefing.issues if i not in issues]}
            cache.put_briefing(key, hit)
    cache.put_signature(signature, key, issues)
    return _cached(path, hit, issues, progress)


def _cached(path: Path, entry: dict, read_issues: list[IngestIssue], progress: Progress | None) -> Briefing:
    """The briefing of a cache entry, with the issues of reading its folder first."""
    if progress:
        n = len(entry["tables"]["articles"])
        progress(n, n)
    return Briefing(folder=str(path), **entry["tables"], issues=[*read_issues, *entry["issues"]])


def briefing_cache_key(path: Path, articles: list[Article], settings: Settings) -> str:
    """A key over everything `assemble` reads: each article in full and in order, the actor registry."""
    edits = []
    for name in (REGISTRY_FILE, CORRECTIONS_FILE):
        try:
            edits.append((path / name).read_bytes())
        except OSError:
            edits.append(b"")
    return cache_key("briefing", ANALYSIS_VERSION, settings.cache_key(), articles, *edits)


def article_cache_key(article: Article, settings: Settings) -> str:
    return cache_key(ANALYSIS_VERSION, settings.cache_key(), article.article_id, article.text, article.published)


def analyse_articles(articles: list[Article], settings: Settings, cache: ArticleCache, *,
                     nlp: Language | None = None, progress: Progress | None = None) -> dict[str, ArticleTables]:
    """Per-article tables, from the cache where it has them, else through spaCy in batches."""
    results: dict[str, ArticleTables] = {}
    todo: list[Article] = []
    keys = {article.article_id: article_cache_key(article, settings) for article in articles}  # ids are unique
    hits = cache.get_many(list(keys.values()))
    for article in articles:
        hit = hits.get(keys[article.article_id])
        if isinstance(hit, ArticleTables):
            results[article.article_id] = hit
        else:
            todo.append(article)
    if progress:
        progress(len(results), len(articles))

    def keep(done: Iterable[tuple[Article, ArticleTables]]) -> None:
        batch: list[tuple[str, ArticleTables]] = []
        entry_size = max(settings.batch_size, ENTRY_ARTICLES)
        for article, result in done:
            results[article.article_id] = result
            batch.append((keys[article.article_id], result))
            if len(batch) >= entry_size:  # kept as it goes: a load cut short keeps what it did
                cache.put_many(batch)
                batch = []
            if progress:
                progress(len(results), len(articles))
        cache.put_many(batch)

    if not todo:
        return results
    # imported only when an article needs parsing: a briefing read from the cache never loads spaCy
    from dashboard.loader.parsing.batches import analyse_batch, analyse_in_processes, worker_count
    from dashboard.loader.parsing.pipeline import build_nlp

    workers = worker_count(settings.n_process, len(todo), settings.batch_size)
    if workers > 1:
        try:
            # this process only receives the workers' tables (unpickled here) and caches them
            with collector_paused():
                keep(analyse_in_processes(todo, model=settings.model, n_process=workers,
                                          batch_size=settings.batch_size))
        except (BrokenProcessPool, OSError) as exc:  # a worker killed (out of memory) or none could start
            log.warning("worker processes failed (%s): analysing the remaining articles in this process", exc)
    rest = [a for a in todo if a.article_id not in results]
    if rest:
        keep(analyse_batch(nlp or build_nlp(settings.model), rest, batch_size=settings.batch_size))
    return results


def _stack(articles: list[Article], results: dict[str, ArticleTables], table: str) -> pd.DataFrame:
    """One table's rows of every article, in article order, with `article_id`; empty when none has rows."""
    stacked = stack_by_article([results[a.article_id] for a in articles], table)
    return stacked if stacked is not None else pd.DataFrame()


def _cast(df: pd.DataFrame, table: str) -> pd.DataFrame:
    return schema.cast(df, table) if not df.empty else schema.empty(table)


def _row_ids(article_ids: pd.Series, tag: str) -> list[str]:
    """'<article_id>-q0', '<article_id>-q1', …: each row's position within its article."""
    seen: dict[str, int] = {}
    out = []
    for aid in article_ids.tolist():
        i = seen.get(aid, 0)
        seen[aid] = i + 1
        out.append(f"{aid}-{tag}{i}")
    return out


def _id_lists(article_ids: pd.Series, key_lists: pd.Series, ids: dict[tuple[str, str], str]) -> list[list[str]]:
    return [sorted({ids[aid, k] for k in keys if (aid, k) in ids})
            for aid, keys in zip(article_ids.tolist(), key_lists.tolist())]


def assemble(folder: str, articles: list[Article], results: dict[str, ArticleTables],
             issues: list[IngestIssue]) -> Briefing:
    """Join per-article tables into the briefing, naming every actor by its briefing-wide id."""
    article_rows = [{
        "article_id": a.article_id, "file": a.file, "title": a.title, "published": a.published,
        "source": a.source, "url": a.url, "text": a.text, "word_count": len(a.text.split()),
    } for a in articles]
    # Whole tables at once, not article by article: a few pandas calls per article cost more than
    # the rest of the assembly at thousands of articles. A key names an actor only in its own article.
    mentions = _stack(articles, results, "mentions")
    actors, key_to_id = merge_stacked_actors(mentions, [a.article_id for a in articles])
    ids = {(aid, key): actor for aid, keys in key_to_id.items() for key, actor in keys.items()}
    sentences = _stack(articles, results, "sentences")
    if not mentions.empty:
        # columns as lists: a pandas column of text gives its values one by one at a cost
        mentions["actor_id"] = [ids.get(p) for p in zip(mentions["article_id"].tolist(), mentions["key"].tolist())]
        mentions = mentions.drop(columns=["key", "kind", "role", "affiliation_key"])
    quotes = _stack(articles, results, "quotes")
    if not quotes.empty:
        quotes["quote_id"] = _row_ids(quotes["article_id"], "q")
        quotes["speaker_id"] = [ids.get((aid, k)) if isinstance(k, str) else None
                                for aid, k in zip(quotes["article_id"].tolist(), quotes["speaker_key"].tolist())]
        quotes["about_ids"] = _id_lists(quotes["article_id"], quotes["about_keys"], ids)
        quotes = quotes.drop(columns=["speaker_key", "about_keys"])
    events = _stack(articles, results, "events")
    if not events.empty:
        events["event_id"] = _row_ids(events["article_id"], "e")
        for role in ("actor", "agent", "patient"):
            events[f"{role}_ids"] = _id_lists(events["article_id"], events[f"{role}_keys"], ids)
        events = events.drop(columns=["actor_keys", "agent_keys", "patient_keys"])
    subject_mentions = _stack(articles, results, "subject_mentions")
    subjects, subject_ids = merge_stacked_subjects(subject_mentions, taken=set(actors["actor_id"]))
    if not subject_mentions.empty:
        subject_mentions["subject_id"] = [subject_ids[aid][k] for aid, k in zip(
            subject_mentions["article_id"].tolist(), subject_mentions["key"].tolist())]
        subject_mentions = subject_mentions.drop(columns=["key", "kind"])
        quote_subjects, event_subjects = subjects_of_rows(quotes if not quotes.empty else schema.empty("quotes"),
                                                          events if not events.empty else schema.empty("events"),
                                                          subject_mentions)
        if not quotes.empty:
            quotes["subject_ids"] = quote_subjects
        if not events.empty:
            events["subject_ids"] = event_subjects
    briefing = Briefing(
        folder=folder,
        articles=schema.cast(pd.DataFrame(article_rows), "articles") if article_rows else schema.empty("articles"),
        sentences=_cast(sentences, "sentences"),
        actors=_cast(actors, "actors"),
        mentions=_cast(mentions, "mentions"),
        quotes=_cast(quotes, "quotes"),
        events=group_reports(_cast(events, "events")),
        subjects=_cast(subjects, "subjects"),
        subject_mentions=_cast(subject_mentions, "subject_mentions"),
        issues=issues,
    )
    return apply_quote_event_corrections(apply_actor_registry(briefing))


def apply_actor_registry(briefing: Briefing) -> Briefing:
    """Apply the folder's actors.yaml (the user's corrections to actors); its warnings join the issues."""
    registry, issues = load_registry(briefing.folder)
    b = briefing
    b.actors, b.mentions, b.quotes, b.events, applied = apply_registry(b.actors, b.mentions, b.quotes, b.events,
                                                                      registry)
    b.issues = [*b.issues, *issues, *applied]
    return b


def apply_quote_event_corrections(briefing: Briefing) -> Briefing:
    """Apply the folder's corrections.yaml (speakers, dates, headlines, hidden rows) after the actors'."""
    corrections, issues = load_corrections(briefing.folder)
    b = briefing
    b.quotes, b.events, applied = apply_corrections(b.quotes, b.events, b.sentences, b.actors, corrections)
    b.issues = [*b.issues, *issues, *applied]
    return b
