"""`load_briefing`: a folder of articles in, six tidy tables out."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
from spacy.language import Language

from . import schema
from .actor_merge import merge_actors
from .analysis import ANALYSIS_VERSION, ArticleTables
from .batches import analyse_batch, analyse_in_processes, worker_count
from .cache import ArticleCache, cache_key, default_cache_dir
from .event_groups import group_reports
from .pipeline import build_nlp
from .registry import apply_registry, load_registry
from .registry import FILE_NAME as REGISTRY_FILE
from .settings import Settings
from .sources import Article, IngestIssue, read_folder

log = logging.getLogger(__name__)


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
    issues: list[IngestIssue] = field(default_factory=list)

    TABLES = ("articles", "sentences", "actors", "mentions", "quotes", "events")

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
    **overrides: object,
) -> Briefing:
    """Read every article in `folder` and build the briefing's tables.

    cache_dir: where parsed articles are kept between runs (default: BRIEFING_CACHE_DIR or
        ~/.cache/briefing-dashboard); an empty folder forces a cold load.
    use_cache: False parses every article again and writes nothing.
    settings / overrides: a `Settings`, or its fields by name (model="en_core_web_sm", n_process=2).
    nlp: an already loaded pipeline from `build_nlp(settings.model)`, so a long-running app loads it once.
    """
    settings = replace(settings or Settings(), **overrides)  # type: ignore[arg-type]
    path = Path(folder)
    if not path.is_dir():
        raise FolderNotFound(f"briefing folder {str(path)!r} does not exist or is not a folder")
    articles, issues = read_folder(path, max_bytes=settings.max_bytes)
    cache = ArticleCache(Path(cache_dir) if cache_dir else default_cache_dir()) if use_cache else ArticleCache(None)
    key = briefing_cache_key(path, articles, settings)
    hit = cache.get_briefing(key)
    if isinstance(hit, dict):
        return Briefing(folder=str(path), **hit["tables"], issues=[*issues, *hit["issues"]])
    results = analyse_articles(articles, settings, cache, nlp=nlp)
    briefing = assemble(str(path), articles, results, issues)
    cache.put_briefing(key, {"tables": briefing.tables(), "issues": [i for i in briefing.issues if i not in issues]})
    return briefing


def briefing_cache_key(path: Path, articles: list[Article], settings: Settings) -> str:
    """A key over everything `assemble` reads: each article in full and in order, the actor registry."""
    try:
        registry = (path / REGISTRY_FILE).read_bytes()
    except OSError:
        registry = b""
    return cache_key("briefing", ANALYSIS_VERSION, settings.cache_key(), articles, registry)


def article_cache_key(article: Article, settings: Settings) -> str:
    return cache_key(ANALYSIS_VERSION, settings.cache_key(), article.article_id, article.text, article.published)


def analyse_articles(articles: list[Article], settings: Settings, cache: ArticleCache, *,
                     nlp: Language | None = None) -> dict[str, ArticleTables]:
    """Per-article tables, from the cache where it has them, else through spaCy in batches."""
    results: dict[str, ArticleTables] = {}
    todo: list[Article] = []
    for article in articles:
        hit = cache.get(article_cache_key(article, settings))
        if isinstance(hit, ArticleTables):
            results[article.article_id] = hit
        else:
            todo.append(article)
    if todo:
        workers = worker_count(settings.n_process, len(todo), settings.batch_size)
        if workers > 1:
            done = analyse_in_processes(todo, model=settings.model, n_process=workers, batch_size=settings.batch_size)
        else:
            done = analyse_batch(nlp or build_nlp(settings.model), todo, batch_size=settings.batch_size)
        for article, result in done:
            results[article.article_id] = result
            cache.put(article_cache_key(article, settings), result)
    return results


def _concat(frames: list[pd.DataFrame], table: str) -> pd.DataFrame:
    frames = [f for f in frames if not f.empty]
    if not frames:
        return schema.empty(table)
    return schema.cast(pd.concat(frames, ignore_index=True), table)


def assemble(folder: str, articles: list[Article], results: dict[str, ArticleTables],
             issues: list[IngestIssue]) -> Briefing:
    """Join per-article tables into the briefing, naming every actor by its briefing-wide id."""
    article_rows = [{
        "article_id": a.article_id, "file": a.file, "title": a.title, "published": a.published,
        "source": a.source, "url": a.url, "text": a.text, "word_count": len(a.text.split()),
    } for a in articles]
    actors, key_to_id = merge_actors({aid: r.mentions for aid, r in results.items()})

    sentences, mentions, quotes, events = [], [], [], []
    for a in articles:
        r = results[a.article_id]
        ids = key_to_id.get(a.article_id, {})
        sentences.append(r.sentences.assign(article_id=a.article_id))
        m = r.mentions.assign(article_id=a.article_id, actor_id=r.mentions["key"].map(ids))
        mentions.append(m.drop(columns=["key", "kind", "role", "affiliation_key"]))
        q = r.quotes.copy()
        if not q.empty:
            q["article_id"] = a.article_id
            q["quote_id"] = [f"{a.article_id}-q{i}" for i in range(len(q))]
            q["speaker_id"] = q["speaker_key"].map(lambda k: ids.get(k) if isinstance(k, str) else None)
            q["about_ids"] = q["about_keys"].map(lambda ks: sorted({ids[k] for k in ks if k in ids}))
            quotes.append(q.drop(columns=["speaker_key", "about_keys"]))
        e = r.events.copy()
        if not e.empty:
            e["article_id"] = a.article_id
            e["event_id"] = [f"{a.article_id}-e{i}" for i in range(len(e))]
            e["actor_ids"] = e["actor_keys"].map(lambda ks: sorted({ids[k] for k in ks if k in ids}))
            events.append(e.drop(columns=["actor_keys"]))
    briefing = Briefing(
        folder=folder,
        articles=schema.cast(pd.DataFrame(article_rows), "articles") if article_rows else schema.empty("articles"),
        sentences=_concat(sentences, "sentences"),
        actors=schema.cast(actors, "actors") if not actors.empty else schema.empty("actors"),
        mentions=_concat(mentions, "mentions"),
        quotes=_concat(quotes, "quotes"),
        events=group_reports(_concat(events, "events")),
        issues=issues,
    )
    return apply_actor_registry(briefing)


def apply_actor_registry(briefing: Briefing) -> Briefing:
    """Apply the folder's actors.yaml (the user's corrections to actors); its warnings join the issues."""
    registry, issues = load_registry(briefing.folder)
    b = briefing
    b.actors, b.mentions, b.quotes, b.events, applied = apply_registry(b.actors, b.mentions, b.quotes, b.events,
                                                                      registry)
    b.issues = [*b.issues, *issues, *applied]
    return b
