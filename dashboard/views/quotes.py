"""Quote panels: the quotes table joined to names, its filters, the speaker-by-actor counts, cards and CSV.

Pure functions of DataFrames: the page draws, these compute.
Quote text, names and titles are untrusted: every string that reaches HTML goes through `html.escape`.
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.loader.vocabulary import QUOTE_MARKS, as_list
from dashboard.views.downloads import iso_day, joined, table_csv
from dashboard.views.labels import plot_text

UNKNOWN_SPEAKER = "Speaker not identified"
NO_SPEAKER_ID = ""  # the id the filters use for quotes whose speaker was not found

KIND_LABELS = {"direct": "Direct quote", "reported": "Reported speech"}

# How a speaker was found (quotes.confidence), where the speaker is most often wrong: measured against
# hand-annotated news with bench/quote_confidence.py (a role noun or "the company" resolved to an
# actor is right about four times in five; a name, a pronoun or a carried speaker more often).
UNCERTAIN_CONFIDENCE = frozenset({"title"})
UNCERTAIN_SPEAKER = "speaker uncertain"

# Opening and closing marks a direct quote may still carry from the article; the card adds its own.

TABLE_COLUMNS = [
    "quote_id", "article_id", "sentence_id", "kind", "text", "cue", "speaker_id", "speaker_name",
    "speaker_text", "speaker_role", "speaker_affiliation_id", "speaker_affiliation", "confidence",
    "about_ids", "about_names", "title", "source", "published", "start", "is_corrected",
]


def quote_table(quotes: pd.DataFrame, actors: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """`quotes` with the speaker's name, role and affiliation, the names of the actors mentioned,
    and the article's title, source and date; newest article first, then in reading order."""
    names = _names(actors)
    # plain dicts, not a lookup in a frame per quote: thousands of quotes on a page's first run
    info = {col: {a: v for a, v in zip(actors["actor_id"], actors[col]) if isinstance(v, str) and v}
            for col in ("role", "affiliation_id")}
    out = quotes.copy()

    def column(values: Iterable[object]) -> pd.Series:
        # object dtype: a column that happens to be all missing must still take strings later
        return pd.Series(list(values), index=out.index, dtype=object)

    def lookup(s: object, col: str) -> object:
        return info[col].get(s)

    speaker = [s if isinstance(s, str) and s else None for s in out["speaker_id"]]
    out["speaker_id"] = column(speaker)
    out["speaker_name"] = column(names.get(s, s) if s else None for s in speaker)
    out["speaker_role"] = column(lookup(s, "role") if s else None for s in speaker)
    out["speaker_affiliation_id"] = column(lookup(s, "affiliation_id") if s else None for s in speaker)
    out["speaker_affiliation"] = column(names.get(a, a) if isinstance(a, str) else None
                                        for a in out["speaker_affiliation_id"])
    out["about_ids"] = out["about_ids"].map(as_list)
    out["about_names"] = out["about_ids"].map(lambda ids: [names.get(a, a) for a in ids])
    meta = articles[["article_id", "title", "source", "published"]]
    out = out.merge(meta, on="article_id", how="left")
    out = out.sort_values(["published", "article_id", "start"], ascending=[False, True, True],
                          na_position="last", kind="stable")
    for col in TABLE_COLUMNS:
        if col not in out.columns:
            out[col] = None
    out["is_corrected"] = out["is_corrected"].fillna(False).astype(bool)
    return out[TABLE_COLUMNS].reset_index(drop=True)


def quote_rows(table: pd.DataFrame, quote_ids: pd.Series, *, positions: pd.Index | None = None) -> pd.DataFrame:
    """The rows of `table` (`quote_table` of a whole briefing) for the quotes `quote_ids`, in its order: what
    `quote_table` gives for those quotes alone, without making it again.

    positions: `pd.Index(table["quote_id"])`, when the caller keeps one (it is made in a scan of the table).
    """
    positions = positions if positions is not None else pd.Index(table["quote_id"].astype(object))
    where = positions.get_indexer(pd.Index(quote_ids.astype(object)))
    return table.iloc[np.sort(where[where >= 0])].reset_index(drop=True)


def speaker_options(table: pd.DataFrame) -> dict[str, str]:
    """Speaker filter choices, display name -> id, most quoted first.

    Offers the speakers and the countries or organisations they speak for (choosing "Turkey" also
    selects Turkey's ministers), and "Speaker not identified" when some quotes have no speaker.
    """
    counts: dict[str, int] = {}
    labels: dict[str, str] = {}
    for sid, name, aid, aname in table[["speaker_id", "speaker_name", "speaker_affiliation_id",
                                        "speaker_affiliation"]].itertuples(index=False):
        for actor_id, label in ((sid, name), (aid, aname)):
            if isinstance(actor_id, str):
                counts[actor_id] = counts.get(actor_id, 0) + 1
                labels[actor_id] = label if isinstance(label, str) else actor_id
    ordered = sorted(counts, key=lambda a: (-counts[a], labels[a].lower()))
    options = _unique_labels([(labels[a], a) for a in ordered])
    if table["speaker_id"].isna().any():
        options[UNKNOWN_SPEAKER] = NO_SPEAKER_ID
    return options


def about_options(table: pd.DataFrame) -> dict[str, str]:
    """Choices for "actors mentioned in the quote", display name -> id, most mentioned first."""
    counts: dict[str, int] = {}
    labels: dict[str, str] = {}
    for ids, names in table[["about_ids", "about_names"]].itertuples(index=False):
        for actor_id, name in zip(ids, names):
            counts[actor_id] = counts.get(actor_id, 0) + 1
            labels[actor_id] = name
    ordered = sorted(counts, key=lambda a: (-counts[a], labels[a].lower()))
    return _unique_labels([(labels[a], a) for a in ordered])


def filter_quotes(table: pd.DataFrame, *, speaker_ids: Iterable[str] = (), about_ids: Iterable[str] = (),
                  kinds: Iterable[str] = (), search: str = "") -> pd.DataFrame:
    """Rows of `table` (from `quote_table`) that meet every filter given; an empty filter keeps all.

    speaker_ids: the speaker or the actor they are affiliated with is one of these; `NO_SPEAKER_ID`
        selects quotes whose speaker was not found.
    about_ids: the quote mentions at least one of these actors.
    search: every word must appear (case-insensitive) in the quote, its cue, the speaker's name or
        words, or the article title; "double quotes" keep a phrase together.
    """
    keep = pd.Series(True, index=table.index)
    speakers = set(speaker_ids)
    if speakers:
        by_speaker = table["speaker_id"].isin(speakers) | table["speaker_affiliation_id"].isin(speakers)
        if NO_SPEAKER_ID in speakers:
            by_speaker |= table["speaker_id"].isna()
        keep &= by_speaker
    about = set(about_ids)
    if about:
        keep &= table["about_ids"].map(lambda ids: bool(about & set(ids))).astype(bool)
    kinds = set(kinds)
    if kinds:
        keep &= table["kind"].isin(kinds)
    terms = search_terms(search)
    if terms:
        haystack = (table["text"].fillna("") + "\n" + table["cue"].fillna("") + "\n"
                    + table["speaker_name"].fillna("") + "\n" + table["speaker_text"].fillna("") + "\n"
                    + table["title"].fillna("")).str.casefold()
        for term in terms:
            keep &= haystack.str.contains(term.casefold(), regex=False)
    return table if bool(keep.all()) else table[keep]


def hide_uncertain_speakers(table: pd.DataFrame) -> pd.DataFrame:
    """`table` (from `quote_table`) where a speaker found in a way that is often wrong (`UNCERTAIN_CONFIDENCE`)
    is shown as "speaker uncertain": no id, role or affiliation, so no filter or count credits them."""
    out = table.copy()
    unsure = out["confidence"].isin(UNCERTAIN_CONFIDENCE) & out["speaker_id"].notna()
    for col in ("speaker_id", "speaker_role", "speaker_affiliation_id", "speaker_affiliation"):
        out[col] = out[col].mask(unsure, None)
    out["speaker_name"] = out["speaker_name"].mask(unsure, UNCERTAIN_SPEAKER)
    return out


def search_terms(search: str) -> list[str]:
    """Words of a search box entry; a "double-quoted phrase" stays one term."""
    return [a or b for a, b in re.findall(r'"([^"]+)"|(\S+)', search or "") if (a or b).strip()]


def speaker_about_matrix(table: pd.DataFrame) -> pd.DataFrame:
    """Quotes per speaker (rows) and actor mentioned (columns), every one of them, names in sorted order.

    Quotes with no speaker count under "Speaker not identified"; an actor mentioned twice in a quote counts
    once; quotes that mention no actor are left out (they say nothing about whom).
    """
    speakers: list[str] = []
    abouts: list[str] = []
    for name, names in zip(table["speaker_name"].tolist(), table["about_names"].tolist()):
        speaker = name if isinstance(name, str) else UNKNOWN_SPEAKER
        for about in dict.fromkeys(names):
            speakers.append(speaker)
            abouts.append(about)
    if not speakers:
        return pd.DataFrame(dtype="int64")
    # codes and a count per cell, not pd.crosstab: tens of thousands of quotes on every new view
    rows, row_names = pd.factorize(np.asarray(speakers, dtype=object), sort=True)
    cols, col_names = pd.factorize(np.asarray(abouts, dtype=object), sort=True)
    cells = np.bincount(rows * len(col_names) + cols, minlength=len(row_names) * len(col_names))
    return pd.DataFrame(cells.reshape(len(row_names), len(col_names)).astype("int64"),
                        index=pd.Index(list(row_names), name="speaker"),
                        columns=pd.Index(list(col_names), name="about"))


def speaker_about_counts(table: pd.DataFrame, *, max_speakers: int = 20, max_actors: int = 20,
                         matrix: pd.DataFrame | None = None) -> pd.DataFrame:
    """Quotes per speaker (rows) and actor mentioned (columns), busiest first; 0 where none.

    Quotes with no speaker count under "Speaker not identified" (always last); quotes that mention no
    actor are left out. matrix: `speaker_about_matrix(table)`, when the caller has it already.
    """
    counts = speaker_about_matrix(table) if matrix is None else matrix
    if counts.empty:
        return counts
    rows = counts.sum(axis=1).sort_values(ascending=False, kind="stable")
    ordered = [r for r in rows.index if r != UNKNOWN_SPEAKER][:max_speakers]
    if UNKNOWN_SPEAKER in rows.index:
        ordered.append(UNKNOWN_SPEAKER)  # always last: it is not a speaker, it is the missing one
    cols = counts.sum(axis=0).sort_values(ascending=False, kind="stable").index[:max_actors]
    return counts.loc[ordered, list(cols)].astype("int64")


def speaker_about_pairs(table: pd.DataFrame, *, limit: int = 15, matrix: pd.DataFrame | None = None) -> pd.DataFrame:
    """The most frequent (speaker, actor mentioned) pairs with their quote counts, busiest first.

    matrix: `speaker_about_matrix(table)`, when the caller has it already."""
    counts = speaker_about_matrix(table) if matrix is None else matrix
    if counts.empty:
        return pd.DataFrame({"speaker": [], "about": [], "quotes": []}).astype({"quotes": "int64"})
    values = counts.to_numpy()
    r, c = np.nonzero(values)
    pairs = pd.DataFrame({"speaker": counts.index.to_numpy(dtype=object)[r],
                          "about": counts.columns.to_numpy(dtype=object)[c], "quotes": values[r, c]})
    pairs = pairs.sort_values(["quotes", "speaker", "about"], ascending=[False, True, True])
    return pairs.head(limit).reset_index(drop=True)


def speaker_about_figure(counts: pd.DataFrame) -> go.Figure:
    """Heatmap of `speaker_about_counts`: who talks about whom, and how often."""
    z = counts.to_numpy()
    text = [[str(v) if v else "" for v in row] for row in z]
    rows = [plot_text(r) for r in counts.index]
    cols = [plot_text(c) for c in counts.columns]
    fig = go.Figure(go.Heatmap(
        z=[[v if v else None for v in row] for row in z], x=cols, y=rows, text=text, texttemplate="%{text}",
        colorscale=[[0, "#dbeafe"], [1, "#1e3a8a"]], showscale=False, xgap=2, ygap=2,
        hovertemplate="<b>%{y}</b> about <b>%{x}</b><br>%{z} quote(s)<extra></extra>",
    ))
    fig.update_layout(
        height=max(220, 34 * len(rows) + 140), margin=dict(l=10, r=10, t=10, b=10),
        plot_bgcolor="rgba(0,0,0,0)", font=dict(size=13),
    )
    fig.update_xaxes(side="top", tickangle=-35, title_text="Actors mentioned in the quote", showgrid=False)
    fig.update_yaxes(autorange="reversed", title_text="Speaker", showgrid=False)
    return fig


def flag(value: object) -> bool:
    """A boolean cell as True or False; a missing cell is False."""
    return bool(pd.notna(value) and value)


def confidence_note(confidence: object, speaker_text: object, has_speaker: bool) -> str:
    """A short, plain note on how the speaker was found; empty when the text names them."""
    words = speaker_text.strip() if isinstance(speaker_text, str) else ""
    if not has_speaker:
        return f"no actor matches '{words}'" if words else ""
    if confidence in ("pronoun", "title"):
        return f"speaker inferred from '{words}'" if words else f"speaker inferred from a {confidence}"
    if confidence == "carried":
        return "speaker carried over from a nearby quote"
    if isinstance(confidence, str) and confidence not in ("named", "none", ""):
        return f"speaker found by rule '{confidence}'"
    return ""


def card_html(row: pd.Series, *, link: str, highlight: Sequence[str] = ()) -> str:
    """One quote as an HTML card; direct quotes large with marks, reported speech as an italic paraphrase."""
    kind = row["kind"] if row["kind"] in KIND_LABELS else "reported"
    esc = html.escape
    has_speaker = isinstance(row["speaker_name"], str)
    speaker = esc(row["speaker_name"]) if has_speaker else f'<span class="qc-unknown">{UNKNOWN_SPEAKER}</span>'
    details = [esc(x) for x in (row["speaker_role"], row["speaker_affiliation"])
               if isinstance(x, str) and x and x != row["speaker_name"]]
    cue = esc(row["cue"]) if isinstance(row["cue"], str) and row["cue"] else ""
    text = _marked(str(row["text"] or ""), highlight, strip_marks=kind == "direct")
    if kind == "direct":
        body = f'<blockquote class="qc-text">“{text}”</blockquote>'
        attribution = f'<span class="qc-dash">—</span> <b>{speaker}</b>' + "".join(
            f'<span class="qc-sep">·</span>{d}' for d in details)
        if cue:
            attribution += f'<span class="qc-sep">·</span><span class="qc-cue">{cue}</span>'
    else:
        said = f'<span class="qc-cue">{cue}</span> ' if cue else ""
        body = f'<p class="qc-text"><b class="qc-who">{speaker}</b> {said}<i>{text}</i></p>'
        # the paraphrase already names the speaker: say only who they are
        attribution = '<span class="qc-sep">·</span>'.join(details)
    note = confidence_note(row["confidence"], row["speaker_text"], has_speaker)
    published = row["published"]
    source_bits = [esc(row["title"]) if isinstance(row["title"], str) else "Untitled article"]
    if isinstance(row["source"], str) and row["source"]:
        source_bits.append(esc(row["source"]))
    source_bits.append(f"{published:%-d %b %Y}" if pd.notna(published) else "date unknown")
    about = "".join(f'<span class="qc-chip">{esc(n)}</span>' for n in row["about_names"])
    return "".join([
        f'<article class="qc qc-{kind}" data-quote-id="{esc(str(row.get("quote_id", row.name)))}">',
        f'<div class="qc-head"><span class="qc-badge">{KIND_LABELS[kind]}</span>',
        '<span class="qc-corrected" title="An analyst corrected this quote">Corrected</span>'
        if flag(row.get("is_corrected")) else "",
        f'<div class="qc-about">mentions {about}</div>' if about else "",
        "</div>",
        body,
        f'<div class="qc-attr">{attribution}</div>' if attribution else "",
        f'<div class="qc-note">{esc(note)}</div>' if note else "",
        '<div class="qc-source"><span>', '<span class="qc-sep">·</span>'.join(source_bits), "</span>",
        f'<a class="qc-link" href="{esc(link)}" target="_self">Open in reader →</a></div>',
        "</article>",
    ])


def cards_html(rows: pd.DataFrame, links: Sequence[str], *, highlight: Sequence[str] = ()) -> str:
    """The cards of `rows` in a responsive grid, with the stylesheet they need."""
    cards = "".join(card_html(r, link=link, highlight=highlight) for (_, r), link in zip(rows.iterrows(), links))
    return f'<style>{CARD_CSS}</style><div class="qc-grid">{cards}</div>'


def quotes_csv(table: pd.DataFrame) -> bytes:
    """The quotes of `table` as UTF-8 CSV with names (not only ids) and list columns joined by "; "."""
    return table_csv(table, [
        ("published", iso_day("published")), "source", "title", "kind",
        ("speaker", lambda t: t["speaker_name"].fillna(UNKNOWN_SPEAKER)),
        "speaker_role", "speaker_affiliation", "speaker_text", "confidence", "cue", "text",
        ("about", joined("about_names")), "speaker_id", ("about_ids", joined("about_ids")),
        "quote_id", "article_id", "sentence_id", ("corrected", lambda t: t["is_corrected"].map({True: "yes", False: ""})),
    ])


def _marked(text: str, terms: Sequence[str], *, strip_marks: bool) -> str:
    """Escaped `text` with search terms wrapped in <mark>."""
    if strip_marks:
        # a comma before the closing mark belongs to the cue that followed ("…resolved," he said)
        text = text.strip().strip(QUOTE_MARKS).strip().rstrip(",")
    terms = [t for t in terms if t]
    if not terms:
        return html.escape(text)
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.IGNORECASE)
    out, pos = [], 0
    for m in pattern.finditer(text):
        out += [html.escape(text[pos:m.start()]), f"<mark>{html.escape(m.group())}</mark>"]
        pos = m.end()
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _names(actors: pd.DataFrame) -> dict[str, str]:
    return dict(zip(actors["actor_id"], actors["name"])) if not actors.empty else {}




def _unique_labels(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """label -> id, adding the id to a label that two actors share so neither is lost."""
    seen = [label for label, _ in pairs]
    return {(label if seen.count(label) == 1 else f"{label} ({actor_id})"): actor_id for label, actor_id in pairs}


CARD_CSS = """
.qc-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:14px;margin:4px 0 8px;
  align-items:start}
.qc{background:var(--st-secondary-background-color,#f8fafc);border:1px solid rgba(100,116,139,.22);border-radius:8px;
  padding:14px 18px 12px;display:flex;flex-direction:column;gap:8px;min-width:0}
.qc-direct{border-left:5px solid #b45309}
.qc-reported{border-left:4px solid #7c93b3}
.qc-head{display:flex;align-items:center;gap:8px;flex-wrap:wrap;font-size:.74rem}
.qc-badge{text-transform:uppercase;letter-spacing:.06em;font-weight:600;padding:1px 7px;border-radius:4px}
.qc-direct .qc-badge{color:#92400e;background:#fef3c7}
.qc-corrected{text-transform:uppercase;letter-spacing:.06em;font-weight:700;padding:0 6px;border-radius:4px;
  color:#7c2d12;background:#ffedd5;border:1px solid #c2410c}
.qc-reported .qc-badge{color:#334155;background:#e2e8f0}
.qc-about{color:#64748b;display:flex;gap:4px;flex-wrap:wrap;align-items:center}
.qc-chip{border:1px solid rgba(100,116,139,.35);border-radius:10px;padding:0 7px;color:#334155}
.qc-text{margin:0;overflow-wrap:anywhere}
blockquote.qc-text{font-family:Georgia,'Times New Roman',serif;font-size:1.32rem;line-height:1.45;
  color:inherit;border:0;padding:0}
p.qc-text{font-size:1.02rem;line-height:1.55;color:#334155}
p.qc-text i{font-style:italic}
.qc-who{font-style:normal}
.qc-cue{color:#64748b}
.qc-attr{font-size:.92rem}
.qc-reported .qc-attr{font-size:.85rem;color:#64748b}
.qc-dash{color:#b45309}
.qc-sep{color:#94a3b8;margin:0 6px}
.qc-unknown{color:#b91c1c;font-weight:600}
.qc-note{font-size:.78rem;color:#64748b;font-style:italic}
.qc-source{font-size:.8rem;color:#64748b;display:flex;justify-content:space-between;gap:12px;
  border-top:1px solid rgba(100,116,139,.18);padding-top:7px;margin-top:auto}
.qc-link{white-space:nowrap;text-decoration:none;font-weight:600}
.qc mark{background:#fde68a;padding:0 1px;border-radius:2px}
"""
