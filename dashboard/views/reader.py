"""Article text as HTML with actors and quotes marked. Article text is untrusted: everything is escaped."""
from __future__ import annotations

import html

import pandas as pd

from dashboard.views.overview import KIND_COLORS


def article_html(text: str, mentions: pd.DataFrame, quotes: pd.DataFrame, actors: pd.DataFrame, *,
                 sentences: pd.DataFrame | None = None, focus_sentence: int | None = None) -> str:
    """`text` as escaped HTML paragraphs; actor mentions and quote spans wrapped in marked spans.

    Offsets are characters into `text`; overlapping marks are dropped rather than mis-nested.
    """
    names = actors.set_index("actor_id")[["name", "kind"]].to_dict("index") if not actors.empty else {}
    marks: list[tuple[int, int, str, str]] = []
    for q in quotes.itertuples(index=False):
        if pd.notna(q.start) and pd.notna(q.end):
            speaker = names.get(q.speaker_id, {}).get("name", "unknown speaker") if isinstance(q.speaker_id, str) else "unknown speaker"
            corrected = " · corrected by an analyst" if pd.notna(getattr(q, "is_corrected", None)) and \
                getattr(q, "is_corrected", False) else ""
            fixed = " bq-fixed" if corrected else ""
            marks.append((int(q.start), int(q.end), f"bq-quote bq-{q.kind}{fixed}",
                          f"{q.kind} quote · {speaker}{corrected}"))
    for m in mentions.itertuples(index=False):
        info = names.get(m.actor_id) if isinstance(m.actor_id, str) else None
        if info:
            marks.append((int(m.start), int(m.end), f"bq-actor bq-{info['kind']}", f"{info['name']} · {info['kind']}"))
    focus = None
    if sentences is not None and focus_sentence is not None:
        row = sentences[sentences["sentence_id"] == focus_sentence]
        if not row.empty:
            focus = (int(row.iloc[0]["start"]), int(row.iloc[0]["end"]))
            marks.append((focus[0], focus[1], "bq-focus", "linked sentence"))
    opens: dict[int, list[str]] = {}
    closes: dict[int, int] = {}
    # Quotes and the focus sentence may contain actor marks; keep proper nesting by dropping overlaps.
    accepted: list[tuple[int, int]] = []
    for start, end, cls, title in sorted(marks, key=lambda m: (m[0], -(m[1] - m[0]))):
        if start >= end or start < 0 or end > len(text):
            continue
        if any(s < start < e < end or start < s < end < e for s, e in accepted):
            continue
        accepted.append((start, end))
        opens.setdefault(start, []).append(f'<span class="{cls}" title="{html.escape(title)}">')
        closes[end] = closes.get(end, 0) + 1
    out: list[str] = []
    for i, ch in enumerate(text):
        if i in closes:
            out.append("</span>" * closes[i])
        if i in opens:
            out.extend(opens[i])
        out.append("</p><p>" if ch == "\n" else html.escape(ch))
    if len(text) in closes:
        out.append("</span>" * closes[len(text)])
    return f'<div class="bq-article"><p>{"".join(out)}</p></div>'


READER_CSS = "\n".join([
    ".bq-article p{font-size:1.08rem;line-height:1.75;margin:0 0 .9rem 0;max-width:48rem}",
    ".bq-article p:first-child{font-size:1.5rem;font-weight:700;line-height:1.3}",
    ".bq-actor{border-bottom:2px solid;padding:0 1px;border-radius:2px}",
    *[f".bq-{k}{{border-color:{c};background:{c}1a}}" for k, c in KIND_COLORS.items()],
    ".bq-quote{background:#fde68a55;border-radius:3px}",
    ".bq-direct{background:#fde68a99}",
    ".bq-reported{background:#bfdbfe66}",
    ".bq-focus{outline:3px solid #f59e0b;outline-offset:2px;border-radius:3px}",
    # a quote an analyst corrected: a dashed rule under it, and "corrected" in its title
    ".bq-fixed{border-bottom:2px dashed #c2410c}",
])


def cited_html(sentence: str) -> str:
    """The sentence a link cites, shown above the article (a page cannot scroll to it), escaped."""
    return ('<div class="bq-cited"><span>Cited sentence</span>' + html.escape(sentence) + "</div>"
            "<style>.bq-cited{border-left:4px solid #f59e0b;background:#fffbeb;padding:.6rem .9rem;"
            "font-size:1.05rem;line-height:1.6;max-width:48rem}.bq-cited span{display:block;font-size:.75rem;"
            "text-transform:uppercase;letter-spacing:.06em;color:#92400e;margin-bottom:.2rem}</style>")
