"""The content of a briefing's slides, built from a filtered view: pure data, no drawing.

The presentation page, the HTML file and the PowerPoint deck all draw the same list of slides, so
what a meeting sees on screen is what travels afterwards.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from dashboard.loader import load_meta
from dashboard.views.briefing_title import TitlePage, title_page
from dashboard.views.key_points import key_points
from dashboard.views.labels import count_label, date_label, day_label
from dashboard.views.reports import report_groups
from dashboard.filtering import View
from dashboard.loader.vocabulary import PRECISION_RANK, QUOTE_MARKS

EVENTS_PER_SLIDE = 3
MAX_EVENTS = 8
MAX_QUOTES = 6
QUOTES_PER_SPEAKER = 2
# A quote longer than this gets a slide to itself, so the type can stay large.
LONG_QUOTE = 220
MAX_ACTORS = 8
ARTICLES_PER_SLIDE = 7
# Slides have a fixed size: longer text is cut at a word, with an ellipsis (the tables keep it whole).
SUMMARY_CHARS = 160
QUOTE_CHARS = 420
SLIDE_ACTORS = 4
# Past two pages of sources a deck is a bibliography: the HTML file's tables list them all.
MAX_ARTICLE_SLIDES = 2

# Marks a quote may still carry from the article; the slides add their own.
CONFIDENCE_RANK = {"named": 0, "title": 1, "carried": 2, "pronoun": 3, "none": 4}


@dataclass(frozen=True)
class EventItem:
    """One development on the timeline, ready to show."""

    event_id: str
    article_id: str
    sentence_id: int | None
    date: pd.Timestamp | None
    date_label: str
    headline: str
    actors: tuple[str, ...]
    place: str
    source: str
    source_count: int
    corrected: bool = False


@dataclass(frozen=True)
class QuoteItem:
    """One quote with who said it and where it was printed."""

    quote_id: str
    article_id: str
    sentence_id: int | None
    kind: str
    text: str
    speaker: str
    role: str
    source: str
    date_label: str
    corrected: bool = False


@dataclass(frozen=True)
class ActorItem:
    """One actor of the view with how present it is."""

    actor_id: str
    name: str
    kind: str
    role: str
    mentions: int
    articles: int
    quotes: int


@dataclass(frozen=True)
class ArticleItem:
    """One article the briefing draws on."""

    article_id: str
    title: str
    source: str
    date_label: str


@dataclass(frozen=True)
class Slide:
    """One slide. `kind` says which of the item lists is filled and which figure, if any, belongs on it.

    kind: title | timeline | events | quotes | actors | articles.
    figure: the name of the chart drawn from the view (timeline | network), or "" for none.
    """

    kind: str
    title: str
    subtitle: str = ""
    facts: tuple[tuple[str, str], ...] = ()
    events: tuple[EventItem, ...] = ()
    quotes: tuple[QuoteItem, ...] = ()
    actors: tuple[ActorItem, ...] = ()
    articles: tuple[ArticleItem, ...] = ()
    figure: str = ""
    note: str = ""


@dataclass(frozen=True)
class Deck:
    """The slides of one briefing and the words that describe it."""

    name: str
    period: str
    filter_text: str
    sources: tuple[str, ...]
    slides: tuple[Slide, ...] = field(default_factory=tuple)






def span_label(lo: pd.Timestamp, hi: pd.Timestamp) -> str:
    """'9 – 10 Apr 2025', '28 Mar – 2 Apr 2025', '1 Dec 2024 – 3 Jan 2025', or one day."""
    if lo.date() == hi.date():
        return day_label(lo)
    if (lo.year, lo.month) == (hi.year, hi.month):
        return f"{lo:%-d} – {hi:%-d %b %Y}"
    if lo.year == hi.year:
        return f"{lo:%-d %b} – {hi:%-d %b %Y}"
    return f"{day_label(lo)} – {day_label(hi)}"


def events_span(dated: pd.DataFrame) -> str:
    """From the first to the last dated event, each as precise as its date: '2009 – 3 Apr 2010'."""
    first, last = dated.iloc[0], dated.iloc[-1]
    if first["precision"] == last["precision"] == "day":
        return span_label(first["date"], last["date"])
    lo, hi = date_label(first["date"], first["precision"]), date_label(last["date"], last["precision"])
    return lo if lo == hi else f"{lo} – {hi}"


def briefing_name(folder: str) -> str:
    """A readable name from the briefing folder: 'turkey_israel-talks' -> 'Turkey israel talks'."""
    stem = Path(folder).name.replace("_", " ").replace("-", " ").strip() or "Briefing"
    return stem[0].upper() + stem[1:]


def period_text(view: View) -> str:
    """The period the slides cover: the filter's date range when set, else the articles' publication dates."""
    flt = view.filter
    if flt.start is not None or flt.end is not None:
        if flt.start is not None and flt.end is not None:
            return span_label(flt.start, flt.end)
        return f"From {day_label(flt.start)}" if flt.start is not None else f"Until {day_label(flt.end)}"
    published = view.articles["published"].dropna()
    if not published.empty:
        return span_label(published.min(), published.max())
    dated = view.events["date"].dropna()
    if not dated.empty:
        return span_label(dated.min(), dated.max())
    return "Undated"


def filter_text(view: View) -> str:
    """The actor filter and date range in words: 'All actors', 'Turkey or Israel', 'Turkey and Israel'."""
    flt = view.filter
    names = {**_names(view), **dict(zip(view.subjects["subject_id"], view.subjects["name"]))}
    chosen = [names.get(a, a) for a in flt.actor_ids]
    if not chosen:
        text = "All actors"
    elif len(chosen) == 1:
        text = chosen[0]
    else:
        joint = " and " if flt.mode == "all" else " or "
        text = ", ".join(chosen[:-1]) + joint + chosen[-1]
    if flt.start is not None or flt.end is not None:
        lo = day_label(flt.start) if flt.start is not None else "the start"
        hi = day_label(flt.end) if flt.end is not None else "today"
        text += f", {lo} to {hi}"
    return text


def source_list(view: View) -> tuple[str, ...]:
    """Outlets of the view's articles, most articles first: 'Reuters (3)'."""
    sources = view.articles["source"].fillna("").astype(str).str.strip()
    sources = sources[sources != ""]
    counts = sources.value_counts()
    return tuple(f"{name} ({n})" for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _names(view: View) -> dict[str, str]:
    return dict(zip(view.actors["actor_id"], view.actors["name"]))


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def event_text(headline: object, summary: object) -> str:
    """What an event row says happened: its headline (who did what to whom), else its summary."""
    return _text(headline) or _text(summary)


def clip(text: str, limit: int) -> str:
    """`text` cut at the last word that fits in `limit` characters, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[:limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.")
    return f"{cut}…"


def _sentence_case(text: str) -> str:
    """A clause cut from a sentence, started with a capital as a line on a slide is."""
    return text[:1].upper() + text[1:]


def _few(names) -> tuple[str, ...]:
    """At most SLIDE_ACTORS names, the rest counted: ('A', 'B', 'C', 'D', '+2 more')."""
    names = list(names)
    if len(names) <= SLIDE_ACTORS:
        return tuple(names)
    return (*names[:SLIDE_ACTORS], f"+{len(names) - SLIDE_ACTORS} more")


def quote_text(text: str) -> str:
    """A quote as it goes on a slide: without the article's own marks or the comma that led to 'she said'."""
    text = " ".join(text.split())  # a quote across a paragraph break reads as one passage
    return text.strip(QUOTE_MARKS).strip().rstrip(",;:").strip()


def file_stem(deck: Deck) -> str:
    """A file name for the deck's exports: 'turkey-talks-briefing' or 'turkey-talks-briefing-hakan-fidan'."""
    def slug(text: str) -> str:
        text = re.sub(r"[\u2010-\u2015]", "-", text)  # '9–12 April' keeps its dash: '9-12-april'
        return re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", text).encode("ascii", "ignore")
                      .decode().lower()).strip("-")

    parts = [slug(deck.name) or "briefing", "briefing"]
    if deck.filter_text != "All actors":
        parts.append(slug(deck.filter_text)[:60].strip("-"))
    return "-".join(p for p in parts if p)


def _sentence(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _article_info(view: View) -> dict[str, tuple[str, pd.Timestamp | None]]:
    arts = view.articles
    return {a: (_text(s) or _text(f), p if not pd.isna(p) else None)
            for a, s, f, p in zip(arts["article_id"], arts["source"], arts["file"], arts["published"])}


def _before(published: pd.Timestamp | None) -> str:
    """Undated events are ones the article reports as past: 'Before 10 Apr 2025'."""
    return f"Before {day_label(published)}" if published is not None else "Undated"


def distinct_events(events: pd.DataFrame) -> pd.DataFrame:
    """One row per happening: later reports of an event another article already gave are dropped."""
    return events[~report_groups(events).duplicated().to_numpy()]


def key_events(view: View, *, limit: int = MAX_EVENTS) -> list[EventItem]:
    """The developments worth a slide, in date order.

    Preferred: more salient (the loader's `salience`), then reported by more articles, precisely dated,
    involving more actors. Each is told by its headline. An event that several articles report is shown once.
    """
    events = view.events
    if events.empty:
        return []
    names, info = _names(view), _article_info(view)
    salience = events["salience"] if "salience" in events.columns else pd.Series(0.0, index=events.index)
    told = events["headline"] if "headline" in events.columns else pd.Series(pd.NA, index=events.index)
    ranked = events.assign(
        r_told=[event_text(h, s) for h, s in zip(told, events["summary"])],
        r_salience=pd.to_numeric(salience, errors="coerce").fillna(0.0),
        r_sources=events["source_count"].fillna(1).astype(int),
        r_precision=events["precision"].map(lambda p: PRECISION_RANK.get(p, 5)),
        r_actors=events["actor_ids"].map(len),
        r_dated=events["date"].notna(),
    ).sort_values(["r_salience", "r_dated", "r_sources", "r_precision", "r_actors", "date", "event_id"],
                  ascending=[False, False, False, True, False, True, True], kind="stable")
    chosen, seen = [], set()
    for row, group in zip(ranked.itertuples(index=False), report_groups(ranked)):
        if group in seen or not row.r_told:  # another report of an event already chosen
            continue
        seen.add(group)
        chosen.append(row)
        if len(chosen) == limit:
            break
    chosen.sort(key=lambda r: (pd.isna(r.date), r.date if not pd.isna(r.date) else pd.Timestamp(0), r.event_id))
    return [EventItem(
        event_id=r.event_id, article_id=r.article_id, sentence_id=_sentence(r.sentence_id),
        date=None if pd.isna(r.date) else r.date,
        date_label=date_label(r.date, r.precision, undated=_before(info.get(r.article_id, ("", None))[1])),
        headline=_sentence_case(clip(" ".join(r.r_told.split()), SUMMARY_CHARS)), actors=_few(names.get(a, a) for a in r.actor_ids),
        place=_text(r.place), source=info.get(r.article_id, ("", None))[0], source_count=int(r.r_sources),
        corrected=_flag(getattr(r, "is_corrected", False)),
    ) for r in chosen]


def key_quotes(view: View, *, limit: int = MAX_QUOTES) -> list[QuoteItem]:
    """The quotes worth a slide: direct words of a named speaker first, at most two per speaker."""
    quotes = view.quotes
    if quotes.empty:
        return []
    names, info = _names(view), _article_info(view)
    roles = dict(zip(view.actors["actor_id"], view.actors["role"]))
    weight = dict(zip(view.actors["actor_id"], view.actors["mention_count"].fillna(0)))
    length = quotes["text"].fillna("").str.len()
    ranked = quotes.assign(
        r_direct=(quotes["kind"] != "direct").astype(int),
        r_known=quotes["speaker_id"].isna().astype(int),
        r_confidence=quotes["confidence"].map(lambda c: CONFIDENCE_RANK.get(c, 5)),
        # a two-word fragment says little on its own and a paragraph does not fit: prefer the middle
        r_fit=((length < 25) | (length > 400)).astype(int),
        r_weight=-quotes["speaker_id"].map(lambda s: weight.get(s, 0) if isinstance(s, str) else 0).astype(float),
    ).sort_values(["r_fit", "r_direct", "r_known", "r_confidence", "r_weight", "quote_id"], kind="stable")
    chosen, per_speaker = [], {}
    for row in ranked.itertuples(index=False):
        text = quote_text(_text(row.text))
        speaker_key = row.speaker_id if isinstance(row.speaker_id, str) else _text(row.speaker_text)
        if not text or per_speaker.get(speaker_key, 0) >= QUOTES_PER_SPEAKER:
            continue
        per_speaker[speaker_key] = per_speaker.get(speaker_key, 0) + 1
        chosen.append(row)
        if len(chosen) == limit:
            break
    items = []
    for r in chosen:
        source, published = info.get(r.article_id, ("", None))
        speaker = names.get(r.speaker_id) if isinstance(r.speaker_id, str) else None
        items.append(QuoteItem(
            quote_id=r.quote_id, article_id=r.article_id, sentence_id=_sentence(r.sentence_id), kind=_text(r.kind),
            text=clip(quote_text(_text(r.text)), QUOTE_CHARS), speaker=speaker or _text(r.speaker_text) or "Unattributed",
            role=_text(roles.get(r.speaker_id)) if isinstance(r.speaker_id, str) else "",
            source=source, date_label=day_label(published), corrected=_flag(getattr(r, "is_corrected", False)),
        ))
    return items


def _flag(value: object) -> bool:
    return bool(pd.notna(value) and value)


def key_point_items(view: View) -> list[EventItem]:
    """The key points (the few most important developments), most important first, as slide items."""
    points = key_points(view.events, view.articles)
    if not points:
        return []
    names = _names(view)
    rows = view.events.set_index("event_id")
    items = []
    for p in points:
        r = rows.loc[p.event_id]
        items.append(EventItem(
            event_id=p.event_id, article_id=p.article_id, sentence_id=p.sentence_id,
            date=None if pd.isna(r["date"]) else r["date"], date_label=p.date_label,
            headline=clip(p.headline, SUMMARY_CHARS), actors=_few(names.get(a, a) for a in r["actor_ids"]),
            place=_text(r["place"]), source=", ".join(p.sources),
            source_count=int(r["source_count"]) if pd.notna(r["source_count"]) else 1, corrected=p.is_corrected,
        ))
    return items


def deck_title(view: View) -> TitlePage:
    """The briefing's title page: its briefing.yaml, else a title made from its main actors and period."""
    b = view.briefing
    return title_page(load_meta(b.folder)[0], b.actors, b.events, b.articles)


def key_actors(view: View, *, limit: int = MAX_ACTORS) -> list[ActorItem]:
    """The actors most mentioned in the view (places excluded: they are where, not who)."""
    mentions = view.mentions.dropna(subset=["actor_id"])
    if mentions.empty:
        return []
    actors = view.actors.set_index("actor_id")
    counts = mentions.groupby("actor_id").agg(mentions=("start", "size"), articles=("article_id", "nunique"))
    counts = counts[counts.index.isin(actors.index)]
    counts = counts[actors.loc[counts.index, "kind"].ne("place").to_numpy()]
    spoken = view.quotes["speaker_id"].dropna().value_counts()
    top = counts.assign(name=actors.loc[counts.index, "name"].to_numpy()).sort_values(
        ["mentions", "articles", "name"], ascending=[False, False, True]).head(limit)
    return [ActorItem(
        actor_id=aid, name=str(row["name"]), kind=_text(actors.at[aid, "kind"]), role=_text(actors.at[aid, "role"]),
        mentions=int(row["mentions"]), articles=int(row["articles"]), quotes=int(spoken.get(aid, 0)),
    ) for aid, row in top.iterrows()]


def article_items(view: View) -> list[ArticleItem]:
    """The view's articles, newest first."""
    arts = view.articles.sort_values(["published", "title"], ascending=[False, True], na_position="last")
    return [ArticleItem(article_id=a, title=_text(t) or _text(f), source=_text(s), date_label=day_label(p))
            for a, t, f, s, p in zip(arts["article_id"], arts["title"], arts["file"], arts["source"], arts["published"])]


def _quote_pages(quotes: list[QuoteItem]) -> list[tuple[QuoteItem, ...]]:
    """One or two quotes a page: a long quote stands alone."""
    pages: list[tuple[QuoteItem, ...]] = []
    waiting: QuoteItem | None = None
    for q in quotes:
        if len(q.text) > LONG_QUOTE:
            pages.append((q,))
        elif waiting is None:
            waiting = q
        else:
            pages.append((waiting, q))
            waiting = None
    if waiting is not None:
        pages.append((waiting,))
    return pages


def _numbered(title: str, i: int, n: int) -> str:
    return f"{title} ({i} of {n})" if n > 1 else title


def build_deck(view: View, *, name: str | None = None) -> Deck:
    """Every slide of the briefing as `view` narrows it.

    name: the briefing's name on the title slide; by default its briefing.yaml title, else a title made
        from its main actors and period (never the folder's name).
    """
    cover = deck_title(view)
    name = name or cover.title
    period, who, sources = period_text(view), filter_text(view), source_list(view)
    own = tuple((k, v) for k, v in (("Classification", cover.classification), ("Author", cover.author),
                                    ("Summary", clip(cover.summary, SUMMARY_CHARS))) if v)
    slides = [Slide(
        kind="title", title=name, subtitle=f"{cover.subtitle} · {period}" if cover.subtitle else f"Briefing · {period}",
        facts=(
            *own,
            ("Period", period),
            ("Filter", who),
            ("Sources", ", ".join(sources) if sources else "None named"),
            ("Contents", " · ".join(count_label(len(t), w) for t, w in ((view.articles, "article"), (view.events, "event"), (view.quotes, "quote")))),
        ),
    )]
    if view.articles.empty:
        slides.append(Slide(kind="articles", title="Nothing to show",
                            note="No article matches this filter. Widen the actor filter or the date range."))
        return Deck(name=name, period=period, filter_text=who, sources=sources, slides=tuple(slides))

    points = key_point_items(view)
    point_pages = [tuple(points[i:i + EVENTS_PER_SLIDE]) for i in range(0, len(points), EVENTS_PER_SLIDE)]
    for i, page in enumerate(point_pages, 1):
        slides.append(Slide(kind="events", title=_numbered("Key points", i, len(point_pages)), events=page,
                            subtitle="The most important developments, most important first"))
    events = key_events(view)
    dated = view.events.dropna(subset=["date"]).sort_values("date")
    if not dated.empty:
        slides.append(Slide(kind="timeline", title="Timeline", figure="timeline",
                            subtitle=f"Dated events, {events_span(dated)}"))
    pages = [tuple(events[i:i + EVENTS_PER_SLIDE]) for i in range(0, len(events), EVENTS_PER_SLIDE)]
    for i, page in enumerate(pages, 1):
        slides.append(Slide(kind="events", title=_numbered("Key developments", i, len(pages)), events=page))

    quote_pages = _quote_pages(key_quotes(view))
    for i, page in enumerate(quote_pages, 1):
        slides.append(Slide(kind="quotes", title=_numbered("Key quotes", i, len(quote_pages)), quotes=page))

    actors = key_actors(view)
    if actors:
        slides.append(Slide(kind="actors", title="Actors and their network",
                            subtitle="Lines join actors named in the same sentence", actors=tuple(actors),
                            figure="network"))

    articles = article_items(view)
    shown = articles[:ARTICLES_PER_SLIDE * MAX_ARTICLE_SLIDES]
    article_pages = [tuple(shown[i:i + ARTICLES_PER_SLIDE]) for i in range(0, len(shown), ARTICLES_PER_SLIDE)]
    more = len(articles) - len(shown)
    for i, page in enumerate(article_pages, 1):
        note = f"and {count_label(more, 'more article')}" if more and i == len(article_pages) else ""
        slides.append(Slide(kind="articles", title=_numbered("Sources", i, len(article_pages)), articles=page,
                            note=note))
    return Deck(name=name, period=period, filter_text=who, sources=sources, slides=tuple(slides))
