"""The briefing as a PowerPoint deck: the same slides as the presentation, drawn with python-pptx.

Charts go in as PNG pictures when Plotly can render them (kaleido with a Chrome or Chromium on the
machine); otherwise each chart is replaced by a native table of the same facts.
"""
from __future__ import annotations

import io
import logging
import re
import threading
import warnings

import plotly.graph_objects as go
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from dashboard.filtering import View
from dashboard.views.actors import cooccurrence_edges
from dashboard.views.labels import date_label
from dashboard.views.overview import KIND_COLORS

from .figures import figure_for
from .slides import Deck, Slide, build_deck, distinct_events, event_text

log = logging.getLogger(__name__)

# PowerPoint's own 16:9 widescreen size, 13.333 x 7.5 inches
WIDTH, HEIGHT = Emu(12_192_000), Emu(6_858_000)
MARGIN = Inches(0.75)
INNER_W = WIDTH - 2 * MARGIN
BODY_TOP = Inches(1.75)
BODY_H = Inches(5.0)
NAVY, INK, MUTED, ACCENT, LINE = (RGBColor.from_string(c) for c in ("0B1B3F", "0B1220", "475569", "1D4ED8", "CBD5E1"))
PALE, SKY = RGBColor.from_string("DBEAFE"), RGBColor.from_string("93C5FD")
FONT = "Calibri"
# Chart pictures are rendered at twice their size on the slide, so they stay sharp on a projector.
PNG_SIZE = {"timeline": (1180, 500), "network": (600, 520)}
PNG_SCALE = 2
RENDER_TIMEOUT = 90.0  # seconds; a deck renders in 3-9 s

_render_lock = threading.Lock()
# XML 1.0 refuses most control characters; an article can still carry them.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: object) -> str:
    return _NOT_XML.sub("", str(text)) if text is not None else ""


def render_pngs(figures: dict[str, go.Figure], *, timeout: float = RENDER_TIMEOUT) -> dict[str, bytes]:
    """PNG bytes of each figure, or {} when no renderer is available on this machine.

    The renderer drives a browser; one that hangs must not hang the download or the export with it,
    so after `timeout` seconds the deck gets native tables instead.
    """
    if not figures:
        return {}
    try:
        import kaleido  # noqa: F401
    except ImportError:
        return {}
    # kaleido keeps one browser for the whole batch; a second render would share it, hence the lock
    if not _render_lock.acquire(timeout=timeout):
        log.warning("charts drawn as tables: the PNG renderer is still busy")
        return {}
    out: dict[str, bytes] = {}

    def work() -> None:
        try:
            out.update(_render(figures))
        finally:
            _render_lock.release()

    worker = threading.Thread(target=work, name="png-renderer", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        log.warning("charts drawn as tables: the PNG renderer took over %s s", timeout)
        return {}
    return out


def _render(figures: dict[str, go.Figure]) -> dict[str, bytes]:
    import kaleido
    import plotly.io as pio

    out: dict[str, bytes] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            kaleido.start_sync_server(silence_warnings=True)
            for name, fig in figures.items():
                w, h = PNG_SIZE.get(name, (1180, 500))
                out[name] = pio.to_image(fig, format="png", width=w, height=h, scale=PNG_SCALE)
        except Exception as exc:  # no Chrome, a crashed browser: fall back to tables
            log.info("charts drawn as tables: no PNG renderer (%s)", exc)
            out = {}
        finally:
            try:
                kaleido.stop_sync_server(silence_warnings=True)
            except Exception:  # nothing was started
                pass
    return out


def _text(frame, text: str, *, size: int, color: RGBColor = INK, bold: bool = False, italic: bool = False,
          align=PP_ALIGN.LEFT, new_paragraph: bool = False):
    para = frame.add_paragraph() if new_paragraph else frame.paragraphs[0]
    para.alignment = align
    run = para.add_run()
    run.text = _clean(text)
    run.font.size, run.font.bold, run.font.italic, run.font.name = Pt(size), bold, italic, FONT
    run.font.color.rgb = color
    return para


def _box(slide, left, top, width, height, *, anchor=MSO_ANCHOR.TOP):
    frame = slide.shapes.add_textbox(left, top, width, height).text_frame
    frame.word_wrap = True
    frame.vertical_anchor = anchor
    frame.margin_left = frame.margin_right = 0
    return frame


def _rule(slide, left, top, width, height, color: RGBColor):
    shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, left, top, width, height)
    shape.fill.solid()
    shape.fill.fore_color.rgb = color
    shape.line.fill.background()
    return shape


def _heading(slide, s: Slide) -> None:
    title = slide.shapes.title
    title.left, title.top, title.width, title.height = MARGIN, Inches(0.45), INNER_W, Inches(0.9)
    frame = title.text_frame
    frame.clear()
    frame.vertical_anchor = MSO_ANCHOR.BOTTOM
    frame.margin_left = 0
    _text(frame, s.title, size=36, bold=True)
    top = Inches(1.4)
    if s.subtitle:
        _text(_box(slide, MARGIN, top, INNER_W, Inches(0.4)), s.subtitle, size=16, color=MUTED)
        top = Inches(1.8)
    _rule(slide, MARGIN, top, INNER_W, Pt(3), ACCENT)


def _footer(slide, deck: Deck, number: int, total: int, *, color: RGBColor = MUTED) -> None:
    top = HEIGHT - Inches(0.55)
    _text(_box(slide, MARGIN, top, Inches(9), Inches(0.3)), f"{deck.name} · {deck.filter_text}", size=11, color=color)
    _text(_box(slide, WIDTH - MARGIN - Inches(2), top, Inches(2), Inches(0.3)), f"{number} / {total}", size=11,
          color=color, align=PP_ALIGN.RIGHT)


def _table(slide, rows: list[list[str]], left, top, width, widths: list[float], *, size: int = 16,
           header: bool = True) -> None:
    """A native table: first row as header; `widths` are fractions of `width`."""
    if not rows:
        return
    shape = slide.shapes.add_table(len(rows), len(rows[0]), left, top, width, Inches(0.45) * len(rows))
    table = shape.table
    table.first_row = header
    for j, frac in enumerate(widths):
        table.columns[j].width = Emu(int(width * frac))
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            cell = table.cell(i, j)
            cell.fill.solid()
            cell.fill.fore_color.rgb = NAVY if header and i == 0 else (RGBColor(0xF8, 0xFA, 0xFC) if i % 2 else RGBColor(0xFF, 0xFF, 0xFF))
            cell.margin_left = cell.margin_right = Inches(0.08)
            frame = cell.text_frame
            frame.word_wrap = True
            is_head = header and i == 0
            _text(frame, value, size=size - 2 if is_head else size, bold=is_head or j == 0,
                  color=RGBColor(0xFF, 0xFF, 0xFF) if is_head else INK)


def _title_slide(prs, s: Slide, deck: Deck, number: int, total: int) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[0])
    slide.background.fill.solid()
    slide.background.fill.fore_color.rgb = NAVY
    title, subtitle = slide.shapes.title, slide.placeholders[1]
    _text(_box(slide, MARGIN, Inches(1.2), INNER_W, Inches(0.4)), "BRIEFING", size=16, color=SKY, bold=True)
    title.left, title.top, title.width, title.height = MARGIN, Inches(1.6), INNER_W, Inches(1.3)
    title.text_frame.clear()
    title.text_frame.vertical_anchor = MSO_ANCHOR.TOP
    title.text_frame.margin_left = 0
    _text(title.text_frame, s.title, size=48, bold=True, color=RGBColor(0xFF, 0xFF, 0xFF))
    subtitle.left, subtitle.top, subtitle.width, subtitle.height = MARGIN, Inches(2.95), INNER_W, Inches(0.6)
    subtitle.text_frame.clear()
    subtitle.text_frame.margin_left = 0
    _text(subtitle.text_frame, s.subtitle.removeprefix("Briefing · "), size=24, color=PALE)
    _rule(slide, MARGIN, Inches(3.85), INNER_W, Pt(1), RGBColor.from_string("33477A"))
    facts = _box(slide, MARGIN, Inches(4.1), INNER_W, Inches(2.4))
    for i, (label, value) in enumerate(s.facts):
        para = _text(facts, f"{label}   ", size=18, bold=True, color=SKY, new_paragraph=i > 0)
        run = para.add_run()
        run.text = _clean(value)
        run.font.size, run.font.name = Pt(18), FONT
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        para.space_after = Pt(8)
    _footer(slide, deck, number, total, color=SKY)


def _picture(slide, png: bytes, left, top, *, width=None, height=None) -> None:
    slide.shapes.add_picture(io.BytesIO(png), left, top, width=width, height=height)


def _timeline_rows(view: View, limit: int = 9) -> list[list[str]]:
    names = dict(zip(view.actors["actor_id"], view.actors["name"]))
    events = distinct_events(view.events.dropna(subset=["date"]).sort_values(["date", "event_id"]))
    rows = [["Date", "Event", "Actors"]]
    for e in events.head(limit).itertuples(index=False):
        rows.append([date_label(e.date, e.precision), event_text(getattr(e, "headline", None), e.summary), ", ".join(names.get(a, a) for a in e.actor_ids)])
    if len(events) > limit:
        rows.append(["", f"and {len(events) - limit} more dated events", ""])
    return rows


def _network_rows(view: View, s: Slide, limit: int = 8) -> list[list[str]]:
    names = {a.actor_id: a.name for a in s.actors}
    edges = cooccurrence_edges(view.mentions[view.mentions["actor_id"].isin(list(names))]).head(limit)
    return [["Named together", "Sentences"]] + [[f"{names[a]} — {names[b]}", str(n)]
                                                for a, b, n in edges.itertuples(index=False)]


def _content_slide(prs, s: Slide, deck: Deck, view: View, pngs: dict[str, bytes], number: int, total: int) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    _heading(slide, s)
    top = BODY_TOP + (Inches(0.4) if s.subtitle else 0)
    if s.kind == "timeline":
        if "timeline" in pngs:
            # as tall as the space above the footer allows; the width follows
            _picture(slide, pngs["timeline"], MARGIN, top, height=HEIGHT - top - Inches(0.75))
        else:
            _table(slide, _timeline_rows(view), MARGIN, top, INNER_W, [0.18, 0.57, 0.25], size=14)
    elif s.kind == "events":
        rows = [["Date", "Development", "Who · where · source"]]
        for e in s.events:
            rows.append([e.date_label, e.headline + (" (corrected)" if e.corrected else ""),
                         " · ".join(x for x in (", ".join(e.actors), e.place, e.source) if x)])
        _table(slide, rows, MARGIN, top, INNER_W, [0.18, 0.52, 0.30], size=18)
    elif s.kind == "quotes":
        gap = Inches(0.3)
        height = (BODY_H - gap * (len(s.quotes) - 1)) / max(len(s.quotes), 1)
        for i, q in enumerate(s.quotes):
            y = top + i * (height + gap)
            _rule(slide, MARGIN, y, Pt(6), height - Inches(0.2), ACCENT if q.kind == "direct" else LINE)
            frame = _box(slide, MARGIN + Inches(0.35), y, INNER_W - Inches(0.35), height, anchor=MSO_ANCHOR.MIDDLE)
            text = f"“{q.text}”" if q.kind == "direct" else q.text
            _text(frame, text, size=28 if len(s.quotes) == 1 else 24, italic=q.kind != "direct")
            who = f"— {q.speaker}" + (f", {q.role}" if q.role else "")
            where = " · ".join(x for x in (q.source, q.date_label, "" if q.kind == "direct" else "reported",
                                           "corrected" if q.corrected else "") if x)
            para = _text(frame, who, size=16, bold=True, new_paragraph=True)
            para.space_before = Pt(10)
            run = para.add_run()
            run.text = _clean(f" · {where}" if where else "")
            run.font.size, run.font.name = Pt(16), FONT
            run.font.color.rgb = MUTED
    elif s.kind == "actors":
        half = (INNER_W - Inches(0.4)) / 2
        rows = [["Actor", "Mentions"]] + [[a.name + (f" ({a.role})" if a.role else ""), str(a.mentions)] for a in s.actors]
        _table(slide, rows, MARGIN, top, half, [0.78, 0.22], size=16)
        right = MARGIN + half + Inches(0.4)
        if "network" in pngs:
            _picture(slide, pngs["network"], right, top, height=BODY_H - Inches(0.3))
        else:
            _table(slide, _network_rows(view, s), right, top, half, [0.75, 0.25], size=16)
        kinds = sorted({a.kind for a in s.actors})
        legend = _box(slide, MARGIN, HEIGHT - Inches(0.95), INNER_W, Inches(0.3))
        for i, kind in enumerate(kinds):
            para = legend.paragraphs[0]
            run = para.add_run()
            run.text = ("   " if i else "") + "●"
            run.font.size, run.font.name = Pt(14), FONT
            run.font.color.rgb = RGBColor.from_string(KIND_COLORS.get(kind, KIND_COLORS["other"]).lstrip("#"))
            run = para.add_run()
            run.text = f" {kind}"
            run.font.size, run.font.name = Pt(12), FONT
            run.font.color.rgb = MUTED
    elif s.kind == "articles":
        if s.articles:
            rows = [["Article", "Source", "Published"]] + [[a.title, a.source, a.date_label] for a in s.articles]
            _table(slide, rows, MARGIN, top, INNER_W, [0.62, 0.22, 0.16], size=14)
    if s.note:
        note_top = HEIGHT - Inches(1.1) if s.articles else top
        _text(_box(slide, MARGIN, note_top, INNER_W, Inches(0.4)), s.note, size=16 if s.articles else 24, color=MUTED)
    _footer(slide, deck, number, total)


def export_pptx(view: View, *, name: str | None = None, deck: Deck | None = None, images: bool | None = None) -> bytes:
    """The briefing as .pptx bytes.

    images: True or None draw charts as PNG pictures when a renderer works (None is the default);
        False always uses native tables, which is faster.
    """
    deck = deck or build_deck(view, name=name)
    pngs: dict[str, bytes] = {}
    if images is not False:
        figs = {s.figure: figure_for(s.figure, view, style="print") for s in deck.slides if s.figure}
        pngs = render_pngs({k: f for k, f in figs.items() if f is not None})
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    prs.core_properties.title = _clean(deck.name)
    prs.core_properties.subject = _clean(f"Briefing · {deck.period} · {deck.filter_text}")
    total = len(deck.slides)
    for number, s in enumerate(deck.slides, 1):
        if s.kind == "title":
            _title_slide(prs, s, deck, number, total)
        else:
            _content_slide(prs, s, deck, view, pngs, number, total)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()
