"""How much an event matters to a briefing, from 0 to 1: the timeline and the pages sort by it.

Five signs, each worth a share: the event is dated (the finer the date, the more), both sides are
named (who acted and on whom), several sources report it, it stands in the lead of its article,
and it is something that happened rather than somebody telling of it or a plan or a possibility.
"""
from __future__ import annotations

import pandas as pd

from dashboard.loader.vocabulary import as_list

DATE_WEIGHT = {"day": 0.3, "week": 0.25, "month": 0.2, "year": 0.15}
SIDES_WEIGHT = 0.2  # both sides named; one side gives half
SOURCES_WEIGHT = 0.2  # reached at MANY_SOURCES articles
MANY_SOURCES = 4
LEAD_WEIGHT = 0.15
LEAD_SENTENCES = 3  # the headline line and the first sentences of the body
CLASS_WEIGHT = {"occurrence": 0.15, "state": 0.1, "reporting": 0.05, "intention": 0.05, "negated": 0.0,
                "hypothetical": 0.0}


def salience(events: pd.DataFrame) -> pd.Series:
    """Salience of every row of an events table (columns as extract_events or the briefing give them)."""
    if events.empty:
        return pd.Series([], index=events.index, dtype="Float64")
    agents = events["agent_ids" if "agent_ids" in events else "agent_keys"].tolist()
    patients = events["patient_ids" if "patient_ids" in events else "patient_keys"].tolist()
    counts = events["source_count"].tolist() if "source_count" in events else [1] * len(events)
    scores = salience_scores(events["precision"].astype(str).tolist(), agents, patients, counts,
                             events["sentence_id"].tolist(), events["event_class"].tolist())
    return pd.Series(scores, index=events.index, dtype="Float64")


def salience_scores(precisions: list[str], agents: list, patients: list, counts: list, sentence_ids: list[int],
                    classes: list[str]) -> list[float]:
    """Salience of events given column by column (the rows' precision, agents, patients, source count,
    sentence and class), for a table still being built."""
    scores = []
    for precision, agent, patient, count, sid, kind in zip(precisions, agents, patients, counts, sentence_ids,
                                                           classes):
        count = 1 if count is None or count != count or count is pd.NA else count  # NaN and NA: one source
        sides = (_named(agent) + _named(patient)) / 2 * SIDES_WEIGHT
        sources = min(max(count - 1, 0), MANY_SOURCES - 1) / (MANY_SOURCES - 1) * SOURCES_WEIGHT
        lead = LEAD_WEIGHT if sid < LEAD_SENTENCES else 0.0
        scores.append(round(DATE_WEIGHT.get(precision, 0.0) + sides + sources + lead + CLASS_WEIGHT.get(kind, 0.0), 3))
    return scores


def _named(cell: object) -> bool:
    """`bool(as_list(cell))`: whether a cell of actor keys or ids names anyone; a list of names (the
    usual cell) answers at its first item."""
    if type(cell) is list:
        return any(not (v is None or v is pd.NA or (isinstance(v, float) and v != v)) for v in cell)
    return bool(as_list(cell))
