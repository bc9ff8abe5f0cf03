"""Events told as a story: one at a time in the timeline's order, and the latest developments.

Pure functions of the timeline's event table (`timeline.event_table`); every text is escaped, since
headlines, sentences and titles come from articles.
"""
from __future__ import annotations

import html
from itertools import islice

import pandas as pd

from dashboard.views.labels import date_label
from dashboard.views.reports import told_once

EVENT_CLASS_NOTES = {
    "reporting": "a statement", "intention": "a plan or intention", "state": "a state of affairs",
    "negated": "denied or did not happen", "hypothetical": "might happen",
}


def step(order: list[str], current: str | None, delta: int) -> str | None:
    """The event `delta` steps from `current` in `order`, stopping at either end; the first event
    when `current` is not in `order`."""
    if not order:
        return None
    if current not in order:
        return order[0]
    return order[min(max(order.index(current) + delta, 0), len(order) - 1)]


def position(order: list[str], current: str | None) -> int:
    """1-based place of `current` in `order`, 0 when it is not there."""
    return order.index(current) + 1 if current in order else 0


def marked_sentence_html(sentence: str, sentence_start: int, spans: list[tuple[object, object, str]]) -> str:
    """The escaped `sentence` with each (start, end, tag) span of article offsets wrapped in <tag>;
    spans outside the sentence or overlapping one already marked are left unmarked."""
    marks = []
    for start, end, tag in spans:
        if start is None or end is None or pd.isna(start) or pd.isna(end):
            continue
        a, b = int(start) - sentence_start, int(end) - sentence_start  # type: ignore[call-overload]
        if 0 <= a < b <= len(sentence) and all(b <= x or a >= y for x, y, _ in marks):
            marks.append((a, b, tag))
    out, at = [], 0
    for a, b, tag in sorted(marks):
        out += [html.escape(sentence[at:a]), f"<{tag}>{html.escape(sentence[a:b])}</{tag}>"]
        at = b
    out.append(html.escape(sentence[at:]))
    return "".join(out)


def story_card_html(event: pd.Series, sentence: str | None, sentence_start: int = 0) -> str:
    """One event as a card: date, headline, who did it and to whom, the source sentence (the event word
    in bold, the date words marked) and the article.

    event: a row of `timeline.event_table`; sentence: the text of its sentence, None when unknown.
    """
    facts = [html.escape(str(event["date_label"]))]
    note = EVENT_CLASS_NOTES.get(str(event["event_class"])) if isinstance(event["event_class"], str) else None
    if note:
        facts.append(note)
    if int(event["source_count"] or 1) > 1:
        facts.append(f"reported by {int(event['source_count'])} articles")
    people = []
    for word, names in (("Who", event["agent_names"]), ("To whom", event["patient_names"])):
        if names:
            people.append(f'<span class="st-who"><b>{word}</b> {html.escape(", ".join(names))}</span>')
    others = [a for a in event["actor_names"] if a not in event["agent_names"] and a not in event["patient_names"]]
    if others:
        people.append(f'<span class="st-who"><b>{"Also" if people else "Actors"}</b> '
                      f'{html.escape(", ".join(dict.fromkeys(others)))}</span>')
    if isinstance(event["place"], str) and event["place"]:
        people.append(f'<span class="st-who"><b>Where</b> {html.escape(event["place"])}</span>')
    if sentence is None:
        quote = ""
    else:
        spans = [(event["trigger_start"], event["trigger_end"], "b")]
        if isinstance(event["date_text"], str) and event["date_text"] and pd.notna(event["date_text_start"]):
            start = int(event["date_text_start"])
            spans.append((start, start + len(event["date_text"]), "mark"))
        quote = f'<div class="st-sentence">{marked_sentence_html(sentence, sentence_start, spans)}</div>'
    meta = [html.escape(event["title"]) if isinstance(event["title"], str) and event["title"] else "Untitled article"]
    if isinstance(event["source"], str) and event["source"]:
        meta.append(html.escape(event["source"]))
    meta.append(f"{event['published']:%-d %B %Y}" if pd.notna(event["published"]) else "publication date unknown")
    return (
        "<style>.st-facts{font-size:.8rem;color:#64748b;text-transform:uppercase;letter-spacing:.05em}"
        ".st-headline{font-size:1.45rem;font-weight:650;line-height:1.3;color:#0f172a;margin:.2rem 0 .35rem}"
        ".st-people{display:flex;flex-wrap:wrap;gap:.3rem 1.1rem;font-size:.95rem;color:#334155}"
        ".st-people b{color:#64748b;font-weight:600;margin-right:.25rem}"
        ".st-sentence{font-family:Georgia,serif;font-size:1.1rem;line-height:1.55;margin:.6rem 0 .3rem;"
        "border-left:3px solid #cbd5e1;padding-left:.8rem;color:#1e293b}"
        ".st-sentence mark{background:#fde68a;border-radius:2px;padding:0 2px}"
        ".st-meta{font-size:.85rem;color:#475569}</style>"
        f'<div class="st-facts">{" · ".join(facts)}</div>'
        f'<div class="st-headline">{html.escape(str(event["headline"]) or "(no headline)")}</div>'
        f'<div class="st-people">{"".join(people)}</div>{quote}'
        f'<div class="st-meta">{" · ".join(meta)}</div>'
    )


def latest_developments(events: pd.DataFrame, *, limit: int = 6, window_days: int = 7) -> pd.DataFrame:
    """The dated events worth reading first: of those within `window_days` of the latest dated event, the
    `limit` most salient (an event several articles report once), newest first.

    events: rows of the events table (headline, salience, date, precision, report_group).
    """
    dated = events.dropna(subset=["date"])
    if dated.empty:
        return dated
    recent = dated[dated["date"] >= dated["date"].max() - pd.Timedelta(days=window_days)]
    salience = recent["salience"].astype("float64").fillna(0.0) if "salience" in recent else 0.0
    ranked = recent.assign(_s=salience).sort_values(["_s", "date"], ascending=[False, False], kind="stable")
    headlines = ranked["headline"].fillna("") if "headline" in ranked else [""] * len(ranked)
    chosen = list(islice(told_once(ranked, headlines), limit))
    out = ranked.iloc[chosen].drop(columns="_s").sort_values("date", ascending=False, kind="stable")
    return out.assign(when=[date_label(d, p) for d, p in zip(out["date"], out["precision"])])
