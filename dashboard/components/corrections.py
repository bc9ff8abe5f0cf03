"""Correcting quotes and events from the app: a form per row, and the list of corrections with undo.

Every change goes to the briefing's corrections.yaml; the folder's signature changes with it, so the
next run loads the briefing again with the correction applied.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard.loader import (
    UNKNOWN_SPEAKER, Correction, CorrectionError, EditFileError, load_corrections, update_corrections,
)
from dashboard.loader.vocabulary import PRECISIONS, SPEAKER_KINDS
from dashboard.views.labels import escape_md

PRECISION_LABELS = {"day": "Day", "week": "Week", "month": "Month", "year": "Year", "none": "Undated"}


def _save(folder: str, *, add: list[Correction] = (), remove: list[Correction] = (), done: str) -> None:
    try:
        update_corrections(folder, add=list(add), remove=list(remove))
    except (EditFileError, CorrectionError, OSError) as exc:
        st.error(f"The correction was not saved: {exc}", icon=":material/error:")
        return
    st.toast(done, icon=":material/check:")
    st.rerun()


def _clip(text: object, n: int = 70) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _start_with(key: str, what: str, row_label: str, values: dict[str, object]) -> None:
    """Fill a form's widgets from the row just picked: a keyed widget otherwise keeps the values
    it had for the row picked before."""
    marker = f"_{key}_{what}_row"
    if st.session_state.get(marker) != row_label or any(k not in st.session_state for k in values):
        st.session_state[marker] = row_label
        for k, v in values.items():
            st.session_state[k] = v


def speaker_choices(actors: pd.DataFrame) -> dict[str, str]:
    """Label -> actor_id (or "unknown"): people and bodies that can speak first, then everyone else."""
    ranked = actors.assign(_speaks=~actors["kind"].isin(SPEAKER_KINDS)).sort_values(
        ["_speaks", "name"], kind="stable")
    choices = {"Unknown speaker": UNKNOWN_SPEAKER}
    for aid, name, kind in zip(ranked["actor_id"], ranked["name"], ranked["kind"]):
        choices[f"{name} ({kind})"] = str(aid)
    return choices


def quote_corrections(quotes: pd.DataFrame, actors: pd.DataFrame, folder: str, *, key: str) -> None:
    """Pick one of `quotes` and change its speaker or hide it."""
    if quotes.empty:
        return
    names = actors.set_index("actor_id")["name"].to_dict()
    # options are the rows' ids, which a correction does not change, so the choice outlives a save
    labels = {q: f"{names.get(s, 'Unknown') if isinstance(s, str) else 'Unknown'}: “{_clip(t)}”"
              for q, s, t in zip(quotes["quote_id"], quotes["speaker_id"], quotes["text"])}
    with st.expander("Correct a quote", icon=":material/edit:"):
        label = st.selectbox("Quote", list(labels), format_func=labels.get, key=f"{key}_quote")
        row = quotes[quotes["quote_id"] == label].iloc[0]
        choices = speaker_choices(actors)
        current = row["speaker_id"] if isinstance(row["speaker_id"], str) else UNKNOWN_SPEAKER
        by_id = {v: k for k, v in choices.items()}
        _start_with(key, "quote", label, {f"{key}_speaker": by_id.get(current, next(iter(choices)))})
        with st.form(key=f"{key}_quote_form", border=False):
            speaker = st.selectbox("Speaker", list(choices), key=f"{key}_speaker",
                                   help="Any actor of the briefing, or unknown.")
            left, right = st.columns(2)
            change = left.form_submit_button("Save speaker", icon=":material/save:", type="primary")
            hide = right.form_submit_button("Hide this quote", icon=":material/visibility_off:")
        if change:
            _save(folder, add=[Correction.for_quote(row, speaker=choices[speaker])], done="Speaker corrected")
        if hide:
            _save(folder, add=[Correction.for_quote(row, hide=True)], done="Quote hidden")


def event_labels(events: pd.DataFrame, column: str = "headline") -> dict[str, str]:
    """event_id -> "9 Apr 2025: what happened" (the summary where `column` is empty), for a picker."""
    words = events[column].astype("string") if column in events.columns else pd.Series(pd.NA, index=events.index)
    words = words.where(words.fillna("") != "", events["summary"].astype("string"))
    when = events["date"].dt.strftime("%-d %b %Y").fillna("undated")
    return {e: f"{w}: {_clip(t)}" for e, w, t in zip(events["event_id"], when, words.fillna(""))}


def event_corrections(events: pd.DataFrame, sentences: pd.DataFrame, folder: str, *, key: str,
                      headline_column: str = "summary") -> None:
    """Pick one of `events` and change its date, precision or headline, or hide it."""
    if events.empty:
        return
    column = "headline" if "headline" in events.columns else headline_column
    labels = event_labels(events, column)
    with st.expander("Correct an event", icon=":material/edit_calendar:"):
        label = st.selectbox("Event", list(labels), format_func=labels.get, key=f"{key}_event")
        row = events[events["event_id"] == label].iloc[0]
        found = sentences.loc[(sentences["article_id"] == row["article_id"])
                              & (sentences["sentence_id"] == row["sentence_id"]), "text"]
        sentence = str(found.iloc[0]) if len(found) else ""
        st.caption(f"Sentence: {_clip(sentence, 300)}")
        current = row.get(column) if isinstance(row.get(column), str) else ""
        _start_with(key, "event", label, {
            f"{key}_date": row["date"].date() if pd.notna(row["date"]) else dt.date.today(),
            f"{key}_precision": row["precision"] if row["precision"] in PRECISIONS else "day",
            f"{key}_headline": current or "",
        })
        with st.form(key=f"{key}_event_form", border=False):
            c1, c2 = st.columns(2)
            day = c1.date_input("Date", key=f"{key}_date", format="YYYY-MM-DD")
            precision = c2.selectbox("Precision", PRECISIONS, format_func=PRECISION_LABELS.get,
                                     key=f"{key}_precision")
            headline = st.text_input("Headline", key=f"{key}_headline", max_chars=200)
            left, right = st.columns(2)
            change = left.form_submit_button("Save event", icon=":material/save:", type="primary")
            hide = right.form_submit_button("Hide this event", icon=":material/visibility_off:")
        if change:
            changes: dict[str, object] = {}
            if precision == "none":
                changes["precision"] = "none"
            else:
                changes.update(date=day.isoformat(), precision=precision)
            if headline.strip() and headline.strip() != (current or "").strip():
                changes["headline"] = headline.strip()
            _save(folder, add=[Correction.for_event(row, sentence, **changes)], done="Event corrected")
        if hide:
            _save(folder, add=[Correction.for_event(row, sentence, hide=True)], done="Event hidden")


def corrections_list(folder: str, *, key: str) -> None:
    """Every correction of the briefing, each with an undo button."""
    entries, _ = load_corrections(folder)
    if not entries:
        st.caption("No corrections yet. Correct a speaker on the Quotes page, or an event's date or headline on "
                   "the Timeline page or in the Reader.")
        return
    for i, entry in enumerate(entries):
        text, undo = st.columns([6, 1], vertical_alignment="center")
        text.markdown(escape_md(entry.describe()))
        if undo.button("Undo", key=f"{key}_undo_{i}", icon=":material/undo:",
                       help="Remove this correction: the row shows as the loader found it"):
            _save(folder, remove=[entry], done="Correction undone")
