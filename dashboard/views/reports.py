"""The reports of one event across articles, through the events table's `report_group` key.

The loader gives every row of one event the same `report_group` (events/groups.py) instead of a list of
the other reports, so "count an event once" is "one row per group" and "the other reports of this event"
is a lookup by group (`BriefingIndex.reports_by_group` keeps one per briefing).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np
import pandas as pd


def report_groups(events: pd.DataFrame) -> pd.Series:
    """Each row's `report_group`; a row without one is an event of its own (its event_id)."""
    if "report_group" not in events.columns:
        return events["event_id"].astype(object)
    return events["report_group"].astype(object).where(events["report_group"].notna(), events["event_id"])


def told_once(events: pd.DataFrame, headlines: Iterable[str], *, skip_untold: bool = False) -> Iterator[int]:
    """Positions of the rows of `events`, in order, that tell something not told by a row before them:
    not another report of an event already told (one `report_group`), nor another event of one article
    told the same way (one headline: 'asked the company to stop distribution' tells the asking and the
    stopping). `headlines`: each row's, read as it is needed; with `skip_untold`, a row without one is
    passed over and tells nothing."""
    seen, told = set(), set()
    for k, (group, article, headline) in enumerate(zip(report_groups(events), events["article_id"], headlines)):
        if skip_untold and not headline:
            continue
        key = (article, headline.casefold())
        if group in seen or headline and key in told:
            continue
        seen.add(group)
        told.add(key)
        yield k


def group_rows(events: pd.DataFrame, groups: list[str]) -> dict[str, pd.DataFrame]:
    """group -> the rows of `events` in it, in event_id order (one pass over the table for all of them)."""
    if not groups:
        return {}
    keys = report_groups(events)
    wanted = keys.isin(groups).to_numpy()
    order = events[wanted].assign(_group=keys.to_numpy()[wanted]).sort_values("event_id", kind="stable")
    return {g: part.drop(columns="_group") for g, part in order.groupby("_group", sort=False)}


def other_reports(rows: pd.DataFrame, article_id: str) -> pd.DataFrame:
    """Of the rows of one group, the reports in other articles than `article_id`, in event_id order."""
    others = rows[rows["article_id"].astype(object).to_numpy() != article_id]
    return others.iloc[np.argsort(others["event_id"].astype(object).to_numpy(), kind="stable")]
