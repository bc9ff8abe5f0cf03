"""The briefing as one self-contained HTML file: the slides, then the filtered tables.

Plotly's library is inlined once, nothing is fetched from another host, and the file prints to PDF
one slide a page. Article text is untrusted: every piece of it goes through `html.escape`.
"""
from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import datetime

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from dashboard.filtering import View
from dashboard.views.labels import date_label, day_label
from dashboard.views.overview import KIND_COLORS

from dashboard.views.key_points import key_points, key_points_table

from .figures import figure_for
from .slides import Deck, EventItem, QuoteItem, Slide, build_deck, event_text

# Slides are drawn at a fixed 1280 x 720 CSS pixels: the same geometry on screen and on a 16:9 page.
SLIDE_W, SLIDE_H = 1280, 720
CHART_SIZE = {"timeline": (1136, 470), "network": (560, 500)}

SLIDE_CSS = """
.bq-slide{--ink:#0b1220;--muted:#475569;--line:#cbd5e1;--accent:#1d4ed8;--paper:#ffffff;--navy:#0b1b3f;
  font-family:Inter,"Segoe UI",Helvetica,Arial,sans-serif;color:var(--ink);background:var(--paper);
  box-sizing:border-box;display:flex;flex-direction:column;position:relative;line-height:1.3}
.bq-slide *{box-sizing:border-box}
.bq-slide h2{font-size:calc(var(--u) * 46);font-weight:800;letter-spacing:-.01em;margin:0;line-height:1.1;color:var(--ink)}
.bq-slide .bq-sub{font-size:calc(var(--u) * 22);color:var(--muted);margin:calc(var(--u) * 8) 0 0 0}
.bq-slide header{border-bottom:calc(var(--u) * 4) solid var(--accent);padding-bottom:calc(var(--u) * 14);
  margin-bottom:calc(var(--u) * 24)}
.bq-slide .bq-body{flex:1;min-height:0}
.bq-slide .bq-note{font-size:calc(var(--u) * 24);color:var(--muted);margin-top:calc(var(--u) * 16)}
.bq-title{background:var(--navy);color:#fff;justify-content:center}
.bq-title h1{font-size:calc(var(--u) * 68);font-weight:800;line-height:1.05;margin:0;letter-spacing:-.02em;color:#fff}
.bq-title .bq-kicker{font-size:calc(var(--u) * 22);text-transform:uppercase;letter-spacing:.14em;color:#93c5fd;
  font-weight:700;margin:0 0 calc(var(--u) * 18) 0}
.bq-title .bq-sub{color:#dbeafe;font-size:calc(var(--u) * 30);margin-top:calc(var(--u) * 14)}
.bq-facts{display:grid;grid-template-columns:max-content 1fr;gap:calc(var(--u) * 10) calc(var(--u) * 28);
  margin-top:calc(var(--u) * 48);font-size:calc(var(--u) * 24);border-top:1px solid #33477a;padding-top:calc(var(--u) * 28)}
.bq-facts dt{color:#93c5fd;font-weight:700}
.bq-facts dd{margin:0;color:#fff}
.bq-events{list-style:none;margin:0;padding:0}
.bq-events li{display:grid;grid-template-columns:calc(var(--u) * 230) 1fr;gap:calc(var(--u) * 24);
  padding:calc(var(--u) * 16) 0;border-bottom:1px solid var(--line)}
.bq-events li:last-child{border-bottom:0}
.bq-date{font-size:calc(var(--u) * 26);font-weight:800;color:var(--accent)}
.bq-what{font-size:calc(var(--u) * 28);font-weight:600}
.bq-meta{font-size:calc(var(--u) * 19);color:var(--muted);margin-top:calc(var(--u) * 6);font-weight:400}
.bq-quotes{display:flex;flex-direction:column;gap:calc(var(--u) * 30);justify-content:center;height:100%}
.bq-quotes blockquote{margin:0;padding:0 0 0 calc(var(--u) * 28);border-left:calc(var(--u) * 8) solid var(--accent)}
.bq-quotes blockquote p{font-size:calc(var(--u) * 33);line-height:1.32;margin:0;font-weight:500}
.bq-quotes .bq-one p{font-size:calc(var(--u) * 38)}
.bq-quotes blockquote.bq-reported{border-left-color:#94a3b8}
.bq-quotes blockquote.bq-reported p{font-style:italic}
.bq-quotes footer{font-size:calc(var(--u) * 22);color:var(--muted);margin-top:calc(var(--u) * 12)}
.bq-quotes footer b{color:var(--ink)}
.bq-split{display:grid;grid-template-columns:1fr 1fr;gap:calc(var(--u) * 32);height:100%}
.bq-rank{width:100%;border-collapse:collapse;font-size:calc(var(--u) * 23)}
.bq-rank td{padding:calc(var(--u) * 9) calc(var(--u) * 6);border-bottom:1px solid var(--line);vertical-align:top}
.bq-rank th{text-align:left;font-size:calc(var(--u) * 16);text-transform:uppercase;letter-spacing:.08em;
  color:var(--muted);padding:0 calc(var(--u) * 6) calc(var(--u) * 6) calc(var(--u) * 6);border-bottom:2px solid var(--line)}
.bq-rank .bq-n{text-align:right}
.bq-rank td.bq-n{text-align:right;font-weight:800;color:var(--accent);white-space:nowrap}
.bq-rank td:first-child{max-width:0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.bq-rank .bq-role{font-size:calc(var(--u) * 17);color:var(--muted);margin-left:calc(var(--u) * 10)}
.bq-chip{display:inline-block;width:calc(var(--u) * 14);height:calc(var(--u) * 14);border-radius:50%;
  margin-right:calc(var(--u) * 10);vertical-align:middle}
.bq-articles{list-style:none;margin:0;padding:0;font-size:calc(var(--u) * 24)}
.bq-articles li{padding:calc(var(--u) * 12) 0;border-bottom:1px solid var(--line);display:flex;gap:calc(var(--u) * 16);
  align-items:baseline}
.bq-articles .bq-headline{flex:1;min-width:0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.bq-articles .bq-meta{flex:none;margin:0;white-space:nowrap}
.bq-slide .bq-events,.bq-slide .bq-articles{padding:0;margin:0;list-style:none}
.bq-slide .bq-events li,.bq-slide .bq-articles li{margin:0}
.bq-slide .bq-facts{margin-left:0;margin-right:0;margin-bottom:0;padding-left:0}
.bq-slide .bq-facts dd{margin:0}
.bq-corrected{font-size:calc(var(--u) * 15);text-transform:uppercase;letter-spacing:.06em;font-weight:700;
  color:#7c2d12;background:#ffedd5;border:1px solid #c2410c;border-radius:4px;padding:0 calc(var(--u) * 6)}
.bq-kind{font-size:calc(var(--u) * 16);text-transform:uppercase;letter-spacing:.08em;font-weight:700;color:var(--muted)}
"""

PAGE_CSS = f"""
:root{{--u:1px}}
html{{scroll-snap-type:y proximity}}
body{{margin:0;background:#e2e8f0;font-family:Inter,"Segoe UI",Helvetica,Arial,sans-serif;color:#0b1220}}
.bq-bar{{position:sticky;top:0;z-index:2;background:#0b1b3f;color:#fff;padding:10px 24px;font-size:15px;display:flex;
  gap:24px;align-items:center}}
.bq-bar b{{font-size:16px}}
.bq-bar a{{color:#bfdbfe;text-decoration:none}}
.bq-bar .bq-grow{{flex:1}}
.bq-deck{{display:flex;flex-direction:column;align-items:center;gap:32px;padding:32px 16px}}
.bq-slide{{width:{SLIDE_W}px;height:{SLIDE_H}px;padding:52px 72px 64px 72px;overflow:hidden;
  box-shadow:0 10px 30px rgba(15,23,42,.18);border-radius:6px;scroll-snap-align:center}}
.bq-slide .bq-foot{{position:absolute;left:72px;right:72px;bottom:22px;display:flex;justify-content:space-between;
  font-size:15px;color:#64748b}}
.bq-title .bq-foot{{color:#93c5fd}}
.bq-chart{{display:flex;justify-content:center}}
.bq-tables{{width:{SLIDE_W}px;margin:0 auto 64px auto;background:#fff;padding:48px 72px;border-radius:6px;
  box-shadow:0 10px 30px rgba(15,23,42,.18);box-sizing:border-box}}
.bq-tables h2{{font-size:32px;margin:0 0 8px 0}}
.bq-tables h3{{font-size:22px;margin:36px 0 10px 0;border-bottom:3px solid #1d4ed8;padding-bottom:6px}}
.bq-tables p{{color:#475569;margin:0 0 8px 0}}
.bq-data{{width:100%;border-collapse:collapse;font-size:14px;line-height:1.4}}
.bq-data th{{text-align:left;background:#f1f5f9;padding:8px 10px;border-bottom:2px solid #cbd5e1;white-space:nowrap}}
.bq-data td{{padding:7px 10px;border-bottom:1px solid #e2e8f0;vertical-align:top}}
.bq-data tr{{break-inside:avoid}}
.bq-data .bq-url{{color:#475569;word-break:break-all;font-size:12px}}
@page{{size:{SLIDE_W}px {SLIDE_H}px;margin:0}}
@media print{{
  html,body{{background:#fff}}
  .bq-bar{{display:none}}
  .bq-deck{{display:block;padding:0}}
  .bq-slide{{box-shadow:none;border-radius:0;margin:0;break-after:page;page-break-after:always;break-inside:avoid;
    -webkit-print-color-adjust:exact;print-color-adjust:exact}}
  .bq-tables{{box-shadow:none;border-radius:0;width:auto;margin:0;padding:40px 56px}}
  .bq-tables h3{{break-after:avoid}}
}}
"""


# A row an analyst corrected (corrections.yaml) says so wherever it is shown.
CORRECTED_HTML = ' <span class="bq-corrected">corrected</span>'


def esc(value: object) -> str:
    """Escaped text of a cell or field; '' for missing values."""
    if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
        return ""
    return html.escape(str(value))


def header_html(slide: Slide) -> str:
    """The slide's heading (the title slide has its own)."""
    sub = f'<p class="bq-sub">{esc(slide.subtitle)}</p>' if slide.subtitle else ""
    return f"<header><h2>{esc(slide.title)}</h2>{sub}</header>"


def title_details_html(slide: Slide) -> str:
    """What the title slide says under the briefing's name: the period, then the facts."""
    facts = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in slide.facts)
    return f'<p class="bq-sub">{esc(slide.subtitle.removeprefix("Briefing · "))}</p><dl class="bq-facts">{facts}</dl>'


def _title_body(slide: Slide) -> str:
    return f'<p class="bq-kicker">Briefing</p><h1>{esc(slide.title)}</h1>{title_details_html(slide)}'



def _event_html(e: EventItem) -> str:
    meta = [", ".join(e.actors), e.place, e.source]
    if e.source_count > 1:
        meta.append(f"reported by {e.source_count} articles")
    meta_text = " · ".join(esc(m) for m in meta if m)
    if e.corrected:
        meta_text += CORRECTED_HTML
    return (f'<li><div class="bq-date">{esc(e.date_label)}</div><div><div class="bq-what">{esc(e.headline)}</div>'
            f'<div class="bq-meta">{meta_text}</div></div></li>')


def _events_body(slide: Slide) -> str:
    return f'<ol class="bq-events">{"".join(_event_html(e) for e in slide.events)}</ol>'


def _quote_html(q: QuoteItem, *, alone: bool) -> str:
    text = f"“{q.text}”" if q.kind == "direct" else q.text
    who = f"<b>{esc(q.speaker)}</b>" + (f", {esc(q.role)}" if q.role else "")
    where = " · ".join(esc(x) for x in (q.source, q.date_label) if x)
    kind = "" if q.kind == "direct" else ' <span class="bq-kind">reported</span>'
    kind += CORRECTED_HTML if q.corrected else ""
    cls = f"bq-{esc(q.kind) or 'direct'}" + (" bq-one" if alone else "")
    return (f'<blockquote class="{cls}"><p>{esc(text)}</p>'
            f'<footer>— {who}{" · " + where if where else ""}{kind}</footer></blockquote>')


def _quotes_body(slide: Slide) -> str:
    alone = len(slide.quotes) == 1
    return f'<div class="bq-quotes">{"".join(_quote_html(q, alone=alone) for q in slide.quotes)}</div>'


def actors_table_html(slide: Slide) -> str:
    """The slide's actors as a ranked table: colour of their kind, name, role, mentions."""
    rows = []
    for a in slide.actors:
        color = KIND_COLORS.get(a.kind, KIND_COLORS["other"])
        role = f'<span class="bq-role">{esc(a.role)}</span>' if a.role else ""
        rows.append(f'<tr><td><span class="bq-chip" style="background:{color}" title="{esc(a.kind)}"></span>'
                    f'{esc(a.name)}{role}</td><td class="bq-n">{a.mentions}</td></tr>')
    head = '<thead><tr><th>Actor</th><th class="bq-n">Mentions</th></tr></thead>'
    return f'<table class="bq-rank">{head}<tbody>{"".join(rows)}</tbody></table>'


def _articles_body(slide: Slide) -> str:
    rows = "".join(f'<li><span class="bq-headline" title="{esc(a.title)}">{esc(a.title)}</span><span class="bq-meta">{" · ".join(esc(x) for x in (a.source, a.date_label) if x)}'
                   f"</span></li>" for a in slide.articles)
    return f'<ul class="bq-articles">{rows}</ul>'


def body_html(slide: Slide) -> str:
    """The text of a slide below its heading; charts are placed by the caller."""
    if slide.kind == "title":
        return _title_body(slide)
    parts = {"events": _events_body, "quotes": _quotes_body, "articles": _articles_body}
    body = parts[slide.kind](slide) if slide.kind in parts else ""
    if slide.kind == "actors":
        body = actors_table_html(slide)
    if slide.note:
        body += f'<p class="bq-note">{esc(slide.note)}</p>'
    return body


class _Charts:
    """Plotly figures as HTML divs; the library goes into the first one only."""

    def __init__(self) -> None:
        self.count = 0

    def div(self, fig: go.Figure, size: tuple[int, int]) -> str:
        self.count += 1
        fig = go.Figure(fig).update_layout(width=size[0], height=size[1], autosize=False)
        return pio.to_html(fig, include_plotlyjs=self.count == 1, full_html=False, div_id=f"bq-chart-{self.count}",
                           config={"displaylogo": False, "responsive": False, "displayModeBar": False})


def slide_html(slide: Slide, deck: Deck, number: int, total: int, chart: str = "") -> str:
    """One slide as a section of the export, with `chart` (an HTML div) placed where the slide wants it."""
    foot = f'<div class="bq-foot"><span>{esc(deck.name)} · {esc(deck.filter_text)}</span><span>{number} / {total}</span></div>'
    if slide.kind == "title":
        inner = _title_body(slide)
        return f'<section class="bq-slide bq-title" id="slide-{number}">{inner}{foot}</section>'
    body = body_html(slide)
    if slide.kind == "actors" and chart:
        body = f'<div class="bq-split"><div>{body}</div><div class="bq-chart">{chart}</div></div>'
    elif chart:
        body = f'<div class="bq-chart">{chart}</div>{body}'
    elif slide.figure and not body:
        body = '<p class="bq-note">Nothing to chart in this view.</p>'
    return (f'<section class="bq-slide bq-k-{esc(slide.kind)}" id="slide-{number}">{header_html(slide)}'
            f'<div class="bq-body">{body}</div>{foot}</section>')


def table_html(frame: pd.DataFrame, columns: dict[str, str], *, url_columns: Iterable[str] = ()) -> str:
    """A data table of `frame`'s `columns` (name -> heading); every cell escaped, links shown as text."""
    if frame.empty:
        return "<p>None in this view.</p>"
    urls = set(url_columns)
    head = "".join(f"<th>{esc(h)}</th>" for h in columns.values())
    body = []
    for row in frame[list(columns)].itertuples(index=False):
        cells = []
        for col, value in zip(columns, row):
            cls = ' class="bq-url"' if col in urls else ""
            cells.append(f"<td{cls}>{esc(value)}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    return f'<table class="bq-data"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def tables_for(view: View) -> dict[str, pd.DataFrame]:
    """The filtered tables as the export shows them: names instead of ids, dates as text."""
    names = dict(zip(view.actors["actor_id"], view.actors["name"]))
    titles = dict(zip(view.articles["article_id"], view.articles["title"]))
    join = lambda ids: ", ".join(names.get(a, a) for a in ids)  # noqa: E731
    events = view.events.sort_values(["date", "event_id"], na_position="last")
    events = events.assign(
        when=[date_label(d, p) for d, p in zip(events["date"], events["precision"])],
        told=[event_text(h, s) for h, s in zip(events.get("headline", events["summary"]), events["summary"])],
        actors=events["actor_ids"].map(join), article=events["article_id"].map(titles),
        corrected=events["is_corrected"].map(_yes))
    quotes = view.quotes.assign(
        speaker=[names.get(s) if isinstance(s, str) else (t if isinstance(t, str) else "")
                 for s, t in zip(view.quotes["speaker_id"], view.quotes["speaker_text"])],
        about=view.quotes["about_ids"].map(join), article=view.quotes["article_id"].map(titles),
        corrected=view.quotes["is_corrected"].map(_yes))
    counts = view.mentions.dropna(subset=["actor_id"]).groupby("actor_id").size()
    actors = view.actors[view.actors["actor_id"].isin(counts.index)].assign(
        mentions=lambda a: a["actor_id"].map(counts).astype(int)).sort_values(["mentions", "name"], ascending=[False, True])
    articles = view.articles.sort_values("published", ascending=False, na_position="last").assign(
        date=lambda a: a["published"].map(day_label))
    points = key_points_table(key_points(view.events, view.articles))
    return {"key_points": points, "events": events, "quotes": quotes, "actors": actors, "articles": articles}


def _yes(value: object) -> str:
    return "yes" if pd.notna(value) and value else ""


def tables_html(view: View) -> str:
    """Every filtered row of the events, quotes, actors and articles."""
    t = tables_for(view)
    return "".join([
        '<section class="bq-tables" id="tables"><h2>Tables</h2>',
        "<p>Every row of this view, as filtered on the title slide.</p>",
        f'<h3 id="key-points">Key points ({len(t["key_points"])})</h3>',
        table_html(t["key_points"], {"date": "Date", "development": "Development", "sources": "Sources",
                                     "corrected": "Corrected"}),
        f'<h3 id="events">Events ({len(t["events"])})</h3>',
        table_html(t["events"], {"when": "Date", "told": "What happened", "actors": "Actors", "place": "Place",
                                 "article": "Article", "corrected": "Corrected"}),
        f'<h3 id="quotes">Quotes ({len(t["quotes"])})</h3>',
        table_html(t["quotes"], {"speaker": "Speaker", "text": "Quote", "kind": "Kind", "about": "About",
                                 "article": "Article", "corrected": "Corrected"}),
        f'<h3 id="actors">Actors ({len(t["actors"])})</h3>',
        table_html(t["actors"], {"name": "Actor", "kind": "Kind", "role": "Role", "mentions": "Mentions"}),
        f'<h3 id="articles">Articles ({len(t["articles"])})</h3>',
        table_html(t["articles"], {"title": "Title", "source": "Source", "date": "Published", "url": "Address"},
                   url_columns=["url"]),
        "</section>",
    ])


# Charts are laid out at a fixed size; when printing, Plotly is asked to redraw them at that size.
PRINT_SCRIPT = """<script>
window.addEventListener("beforeprint",function(){if(window.Plotly){document.querySelectorAll(".js-plotly-plot")
.forEach(function(g){window.Plotly.Plots.resize(g)})}});
</script>"""


def export_html(view: View, *, name: str | None = None, deck: Deck | None = None) -> str:
    """The whole briefing as one HTML document that opens offline and prints one slide a page."""
    deck = deck or build_deck(view, name=name)
    charts = _Charts()
    sections = []
    total = len(deck.slides)
    for number, slide in enumerate(deck.slides, 1):
        fig = figure_for(slide.figure, view) if slide.figure else None
        chart = charts.div(fig, CHART_SIZE.get(slide.figure, (1136, 470))) if fig is not None else ""
        sections.append(slide_html(slide, deck, number, total, chart))
    made = datetime.now().strftime("%-d %b %Y, %H:%M")
    bar = (f'<nav class="bq-bar"><b>{esc(deck.name)}</b><span>{esc(deck.period)}</span><span>{esc(deck.filter_text)}</span>'
           f'<span class="bq-grow"></span><a href="#slide-1">Slides</a><a href="#tables">Tables</a>'
           f"<span>Exported {esc(made)}</span></nav>")
    return "".join([
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        f'<meta name="viewport" content="width={SLIDE_W + 40}">',
        f"<title>{esc(deck.name)} — briefing</title>",
        f"<style>{PAGE_CSS}{SLIDE_CSS}</style></head><body>",
        bar, '<main><div class="bq-deck">', *sections, "</div>", tables_html(view), "</main>",
        PRINT_SCRIPT if charts.count else "", "</body></html>",
    ])
