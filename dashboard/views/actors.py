"""Tables of the actor page: the actor table, the pieces of one actor's profile, co-occurrence edges.

Pure pandas over a view's tables (no Streamlit), so each builder is tested on frames written in the test.
"""
from __future__ import annotations

import html
from collections.abc import Iterable

import numpy as np
import pandas as pd

from dashboard.filtering import holds
from dashboard.loader.vocabulary import as_list
from dashboard.views.labels import date_label, per_distinct
from dashboard.views.links import EVERYTHING, reader_links
from dashboard.views.overview import KIND_COLORS, KIND_INK
from dashboard.views.timeline import before_label
from dashboard.views.url_state import UrlState

TABLE_COLUMNS = ["actor_id", "name", "kind", "role", "affiliation", "mentions", "articles", "quotes",
                 "first_seen", "last_seen"]
EDGE_COLUMNS = ["source", "target", "weight"]


def _names(actors: pd.DataFrame) -> dict[str, str]:
    return dict(zip(actors["actor_id"], actors["name"]))


def _seen_dates(mentions: pd.DataFrame, articles: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """actor_id -> every date it was seen: publication dates of its articles and dates of its events."""
    per_article = mentions[["actor_id", "article_id"]].drop_duplicates()
    # a lookup, not a merge: at 20,000 articles the merge costs more than the rest of the table
    when = articles.drop_duplicates("article_id").set_index("article_id")["published"]
    published = pd.DataFrame({"actor_id": per_article["actor_id"].to_numpy(),
                              "date": when.reindex(per_article["article_id"].to_numpy()).to_numpy()})
    # the columns first, then the rows: dropping rows of the whole table copies every column
    dated = events[["actor_ids", "date"]].dropna(subset=["date"]).explode("actor_ids")
    dated = dated.rename(columns={"actor_ids": "actor_id"}).dropna(subset=["actor_id"])
    frames = [f for f in (published, dated) if not f.empty]
    if not frames:
        return pd.DataFrame({"actor_id": pd.Series(dtype="string"), "date": pd.Series(dtype="datetime64[ns]")})
    both = pd.concat(frames, ignore_index=True)
    both["date"] = pd.to_datetime(both["date"])
    return both.dropna(subset=["date"])


def actor_table(actors: pd.DataFrame, mentions: pd.DataFrame, *, quotes: pd.DataFrame, articles: pd.DataFrame,
                events: pd.DataFrame) -> pd.DataFrame:
    """One row per actor present in the given (filtered) tables, most mentioned first.

    Counts come from the given tables, so a filtered view gives filtered counts; `actors` (all actors)
    supplies names, kinds, roles and the affiliation's name. first_seen/last_seen span the publication
    dates of the actor's articles and the dates of its events.
    """
    m = mentions[["actor_id", "article_id"]].dropna(subset=["actor_id"])
    counts = m.groupby("actor_id").agg(mentions=("article_id", "size"), articles=("article_id", "nunique"))
    said = quotes["speaker_id"].dropna().value_counts(sort=False).rename("quotes").rename_axis("speaker_id")
    present = counts.index.union(said.index)
    rows = actors[actors["actor_id"].isin(present)][["actor_id", "name", "kind", "role", "affiliation_id"]].copy()
    seen = _seen_dates(m, articles, events).groupby("actor_id")["date"].agg(first_seen="min", last_seen="max")
    # lookups by actor, not merges: each merge copies every column of the table
    for col, values in (("mentions", counts["mentions"]), ("articles", counts["articles"]), ("quotes", said),
                        ("first_seen", seen["first_seen"]), ("last_seen", seen["last_seen"])):
        rows[col] = values.reindex(rows["actor_id"].to_numpy()).to_numpy()
    rows["affiliation"] = rows["affiliation_id"].map(_names(actors)).astype("string")
    for col in ("mentions", "articles", "quotes"):
        rows[col] = rows[col].fillna(0).astype("Int64")
    for col in ("first_seen", "last_seen"):
        rows[col] = pd.to_datetime(rows[col]).astype("datetime64[ns]")
    rows = rows.sort_values(["mentions", "name"], ascending=[False, True], kind="stable")
    return rows[TABLE_COLUMNS].reset_index(drop=True)


def cooccurrence_edges(mentions: pd.DataFrame) -> pd.DataFrame:
    """Pairs of actors named in the same sentence, weighted by how many sentences they share.

    One row per unordered pair (source < target by actor_id); an actor named twice in a sentence counts once.
    """
    named = mentions["actor_id"].notna().to_numpy()
    # integer codes, not text: the sentences are paired with themselves, hundreds of thousands of mentions
    # at thousands of articles. Actors are numbered in sorted order, so code order is id order.
    articles = pd.factorize(mentions["article_id"])[0].astype(np.int64)
    sentences = mentions["sentence_id"].to_numpy(dtype=np.int64, na_value=-1) + 1
    actors, ids = pd.factorize(mentions["actor_id"], sort=True)
    m = pd.DataFrame({"sentence": (articles * (int(sentences.max(initial=0)) + 1) + sentences)[named],
                      "actor": actors[named]}).drop_duplicates()
    pairs = m.merge(m, on="sentence", suffixes=("_a", "_b"))
    pairs = pairs[pairs["actor_a"] < pairs["actor_b"]]
    weights = pairs.groupby(["actor_a", "actor_b"]).size()
    ids = np.asarray(ids, dtype=object)
    edges = pd.DataFrame({"source": pd.array(ids[weights.index.get_level_values(0)], dtype="string"),
                          "target": pd.array(ids[weights.index.get_level_values(1)], dtype="string"),
                          "weight": pd.array(weights.to_numpy(), dtype="Int64")})
    edges = edges.sort_values(["weight", "source", "target"], ascending=[False, True, True], kind="stable")
    return edges[EDGE_COLUMNS].reset_index(drop=True)


def co_actors(edges: pd.DataFrame, actor_id: str, actors: pd.DataFrame) -> pd.DataFrame:
    """The actors `actor_id` shares sentences with: actor_id, name, kind, shared_sentences, most shared first."""
    mine = edges[(edges["source"] == actor_id) | (edges["target"] == actor_id)]
    other = mine["target"].where(mine["source"] == actor_id, mine["source"])
    out = pd.DataFrame({"actor_id": other.astype("string"), "shared_sentences": mine["weight"].astype("Int64")})
    out = out.merge(actors[["actor_id", "name", "kind"]], on="actor_id", how="left")
    out = out.sort_values(["shared_sentences", "name"], ascending=[False, True], kind="stable")
    return out[["actor_id", "name", "kind", "shared_sentences"]].reset_index(drop=True)


def _article_info(frame: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    info = articles[["article_id", "title", "published"]].rename(columns={"title": "article"})
    return frame.merge(info, on="article_id", how="left")


def _links(frame: pd.DataFrame, state: UrlState) -> pd.Series:
    return pd.Series(reader_links(frame["article_id"], frame["sentence_id"], state=state), index=frame.index,
                     dtype="string")


def _join_names(ids: Iterable[str], names: dict[str, str], *, skip: str | None = None) -> str:
    return ", ".join(names.get(i, i) for i in ids if i != skip)


def quotes_said(quotes: pd.DataFrame, actor_id: str) -> pd.DataFrame:
    """The rows of `quotes` whose speaker is `actor_id`."""
    return quotes[quotes["speaker_id"] == actor_id]


def quotes_about(quotes: pd.DataFrame, actor_id: str) -> pd.DataFrame:
    """The rows of `quotes` that mention `actor_id` (its about_ids), whoever said them."""
    return quotes[holds(quotes["about_ids"], actor_id)]


ROLES = {"agent": "did it", "patient": "done to", "both": "did it and was done to", "named": "named"}


def actor_role(actor_id: str, agent_ids: object, patient_ids: object) -> str:
    """The part `actor_id` played in an event: agent, patient, both, or named (in it, neither role known)."""
    agent, patient = actor_id in as_list(agent_ids), actor_id in as_list(patient_ids)
    return "both" if agent and patient else "agent" if agent else "patient" if patient else "named"


# The columns of the events table that `actor_events` reads.
ACTOR_EVENT_COLUMNS = ["event_id", "article_id", "sentence_id", "date", "precision", "date_text", "headline", "summary",
                       "actor_ids", "agent_ids", "patient_ids", "place", "salience"]


def actor_events(events: pd.DataFrame, actor_id: str, *, actors: pd.DataFrame, articles: pd.DataFrame,
                 state: UrlState = EVERYTHING) -> pd.DataFrame:
    """Events `actor_id` takes part in, dated first in date order, undated last.

    Columns: event_id, date, when (the date as precisely as the text gives it, or "before <publication
    date>"), role (agent,
    patient, both or named: see `actor_role`), headline (the summary when there is none), date_text,
    with (the other actors), place, salience, article, link (to the reader, keeping the view of `state`).
    """
    e = events[holds(events["actor_ids"], actor_id)]
    names = _names(actors)
    e = _article_info(e.assign(with_=e["actor_ids"].map(lambda ids: _join_names(ids, names, skip=actor_id))),
                      articles)
    e["link"] = _links(e, state)
    e = e.sort_values(["date", "article_id", "sentence_id"], na_position="last", kind="stable")
    e = e.rename(columns={"with_": "with"})
    # an undated event is told as the timeline tells it: before its article's publication
    e["when"] = pd.Series(per_distinct([e["date"], e["precision"], e["published"]],
                                       lambda d, p, pub: date_label(d, p, undated=before_label(pub))),
                          index=e.index, dtype="string")
    for col in ("agent_ids", "patient_ids", "headline", "salience"):
        if col not in e.columns:
            e[col] = None
    # whole columns, not a call per row: a busy actor has tens of thousands of events at 20,000 articles
    agent, patient = holds(e["agent_ids"], actor_id).to_numpy(), holds(e["patient_ids"], actor_id).to_numpy()
    e["role"] = pd.Series(np.select([agent & patient, agent, patient], ["both", "agent", "patient"], "named"),
                          index=e.index, dtype="string")
    headline = e["headline"].astype("string")
    e["headline"] = headline.where(headline.notna() & (headline != ""), e["summary"].astype("string"))
    e["salience"] = pd.to_numeric(e["salience"], errors="coerce").astype("Float64")
    return e[["event_id", "date", "when", "role", "headline", "date_text", "with", "place", "salience", "article",
              "link"]].reset_index(drop=True)


def actor_timeline_html(rows: pd.DataFrame) -> str:
    """An actor's events (rows of `actor_events`) as a list to read: date, the part it played, the headline,
    who else, and a link to the sentence. Every text is escaped."""
    items = []
    # zip, not itertuples: "with" is a keyword and would lose its name
    for when, role, headline, others, place, link in zip(rows["when"], rows["role"], rows["headline"], rows["with"],
                                                         rows["place"], rows["link"]):
        role = str(role)
        colour = {"agent": "#1d4ed8", "patient": "#b45309", "both": "#7c3aed"}.get(role, "#64748b")
        extra = " · ".join(html.escape(x) for x in (others, place) if isinstance(x, str) and x)
        items.append(
            f'<li><span class="at-when">{html.escape(str(when))}</span>'
            f'<span class="at-role" style="color:{colour};border-color:{colour}55">{html.escape(ROLES.get(role, role))}'
            f'</span><span class="at-what">{html.escape(str(headline) if isinstance(headline, str) else "")}</span>'
            f' <a href="{html.escape(str(link))}" target="_self">Read</a>'
            + (f'<span class="at-extra">with {extra}</span>' if extra else "") + "</li>")
    return ("<style>ol.at-list{list-style:none;padding:0 !important;margin:0 !important}.at-list li{padding:.45rem 0;"
            "margin:0 !important;"
            "border-bottom:1px solid #e2e8f0;line-height:1.45}.at-when{display:inline-block;min-width:8.5rem;"
            "color:#475569;font-size:.85rem;font-variant-numeric:tabular-nums}.at-role{font-size:.72rem;"
            "border:1px solid;border-radius:999px;padding:0 .45rem;margin-right:.5rem;white-space:nowrap}"
            ".at-what{color:#0f172a}.at-extra{display:block;margin-left:8.5rem;color:#64748b;font-size:.8rem}"
            ".at-list a{font-size:.8rem;margin-left:.3rem}</style>"
            f'<ol class="at-list">{"".join(items)}</ol>')


def registry_ref(actor_id: str, actors: pd.DataFrame) -> str:
    """How a registry entry names an actor: its name when no other actor has it, else its actor_id."""
    names = actors["name"][actors["actor_id"] == actor_id]
    if names.empty:
        return actor_id
    name = str(names.iloc[0])
    shared = int((actors["name"] == name).sum()) > 1
    # the registry looks ids up before names, so a name that is another actor's id would find that actor
    taken = bool(((actors["actor_id"] == name) & (actors["actor_id"] != actor_id)).any())
    return actor_id if shared or taken else name


def detail_changes(actor_id: str, actors: pd.DataFrame, *, kind: str, role: str | None,
                   affiliation_id: str | None) -> dict[str, str | None]:
    """The fields of a registry `set` entry that differ from the actor's current kind, role and affiliation.

    role: blank clears it. affiliation_id: None clears it; it is written as `registry_ref` names it.
    """
    row = actors[actors["actor_id"] == actor_id].iloc[0]

    def now(value: object) -> str | None:
        return value if isinstance(value, str) and value else None

    role = role.strip() if isinstance(role, str) and role.strip() else None
    changes: dict[str, str | None] = {}
    if kind != now(row["kind"]):
        changes["kind"] = kind
    if role != now(row["role"]):
        changes["role"] = role
    if affiliation_id != now(row["affiliation_id"]):
        changes["affiliation"] = registry_ref(affiliation_id, actors) if affiliation_id else None
    return changes


def profile_header_html(actor: pd.Series, *, affiliation: str | None = None, first_seen: object = None,
                        last_seen: object = None) -> str:
    """The head of an actor's profile: name, kind, role and affiliation, when seen and other spellings.

    actor: a row of the actors table. Every text is escaped: names and roles come from articles.
    """
    name, kind = str(actor["name"]), str(actor["kind"])
    colour = KIND_COLORS.get(kind, KIND_COLORS["other"])
    ink = KIND_INK.get(kind, KIND_INK["other"])
    facts = " · ".join(x for x in (actor["role"], affiliation) if isinstance(x, str) and x)
    notes = []
    if isinstance(first_seen, pd.Timestamp) and isinstance(last_seen, pd.Timestamp) and pd.notna(first_seen):
        lo, hi = first_seen, last_seen
        notes.append(f"Seen {lo:%-d %b %Y}" if lo.date() == hi.date() else f"Seen {lo:%-d %b %Y} – {hi:%-d %b %Y}")
    aliases = [a for a in actor["aliases"] if a != name]
    if aliases:
        notes.append("also written as " + ", ".join(aliases))
    return (
        '<div style="display:flex;align-items:center;gap:.7rem;flex-wrap:wrap">'
        f'<span style="font-size:1.75rem;font-weight:700;color:#0f172a;line-height:1.25">{html.escape(name)}'
        f'</span><span style="background:{colour}1a;color:{ink};border:1px solid {colour}55;border-radius:999px;'
        f'padding:.05rem .6rem;font-size:.8rem;font-weight:600">{html.escape(kind)}</span></div>'
        + (f'<div style="color:#334155;font-size:1rem;margin-top:.1rem">{html.escape(facts)}</div>' if facts else "")
        + (f'<div style="color:#64748b;font-size:.85rem;margin-top:.15rem">{html.escape(" · ".join(notes))}</div>'
           if notes else "")
    )
