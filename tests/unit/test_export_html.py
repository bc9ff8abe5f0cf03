"""The HTML export as a file: it parses, holds the view's quotes and events, fetches nothing, escapes text."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest

from dashboard.export import build_deck, export_html
from dashboard.filtering import ActorFilter, View, apply_filter
from dashboard.loader import load_briefing

from .export_samples import ARTICLE_FILES, EVIL_NAME, EVIL_QUOTE, EVIL_SOURCE, EVIL_SUMMARY, EVIL_TITLE, sample_briefing

# Attributes through which a page can make the browser fetch or open something.
URL_ATTRIBUTES = {"src", "href", "action", "formaction", "data", "poster", "srcset", "background", "xlink:href",
                  "ping", "manifest", "codebase", "cite", "longdesc"}
OTHER_ADDRESS = re.compile(r"//|url\(|^\s*(?:https?|ftp|file|data|javascript|blob|wss?):", re.IGNORECASE)


@dataclass
class Parsed:
    elements: list[tuple[str, list[tuple[str, str | None]]]] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    @property
    def plain(self) -> str:
        return " ".join(" ".join(self.text).split())


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out = Parsed()
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        self.out.elements.append((tag, attrs))
        if tag in ("script", "style"):
            self._in = tag
            (self.out.scripts if tag == "script" else self.out.styles).append("")

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "script":
            self.out.scripts[-1] += data
        elif self._in == "style":
            self.out.styles[-1] += data
        else:
            self.out.text.append(data)


def parse(document: str) -> Parsed:
    collector = _Collector()
    collector.feed(document)
    collector.close()
    return collector.out


def norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def sample_view() -> View:
    return apply_filter(sample_briefing(), ActorFilter())


@pytest.fixture(scope="module")
def sample_export(sample_view) -> Parsed:
    return parse(export_html(sample_view))


def test_it_is_one_html_document(sample_export):
    tags = [t for t, _ in sample_export.elements]
    assert tags[:2] == ["html", "head"]
    assert tags.count("body") == 1
    assert tags.count("title") == 1


def test_every_slide_is_a_section_in_order(sample_view, sample_export):
    deck = build_deck(sample_view)
    ids = [dict(a).get("id") for t, a in sample_export.elements if t == "section"]
    assert ids == [f"slide-{i}" for i in range(1, len(deck.slides) + 1)] + ["tables"]
    headings = [norm(s.title) for s in deck.slides]
    for heading in headings:
        assert heading in sample_export.plain


def test_it_holds_every_quote_and_event_of_the_view(sample_view, sample_export):
    for text in [*sample_view.quotes["text"], *sample_view.events["summary"]]:
        assert norm(text) in sample_export.plain


def test_it_holds_only_the_filtered_rows():
    view = apply_filter(sample_briefing(), ActorFilter(("greece",)))
    parsed = parse(export_html(view))
    assert norm(view.quotes["text"].iloc[0]) in parsed.plain
    dropped = sample_briefing().quotes.set_index("quote_id").loc[["a1-q0", "a1-q1"], "text"]
    for text in dropped:
        assert norm(text).strip("“”,") not in parsed.plain


def test_no_attribute_points_to_another_host(sample_export):
    for tag, attrs in sample_export.elements:
        for name, value in attrs:
            # links stay inside the document; no other attribute carries an address at all
            if name.lower() in URL_ATTRIBUTES:
                assert value is not None and value.startswith("#"), (tag, name, value)
            assert not OTHER_ADDRESS.search(value or ""), (tag, name, value)
    assert not [t for t, _ in sample_export.elements if t in ("link", "iframe", "img", "object", "embed", "base")]


def test_no_stylesheet_fetches_anything(sample_export):
    for css in sample_export.styles:
        assert "url(" not in css and "@import" not in css


def test_plotly_is_inlined_once(sample_export):
    libraries = [s for s in sample_export.scripts if len(s) > 1_000_000]
    assert len(libraries) == 1
    assert "Plotly" in libraries[0]
    charts = [s for s in sample_export.scripts if "Plotly.newPlot" in s and len(s) < 1_000_000]
    assert len(charts) == 2  # the timeline and the network


def own_scripts_only(parsed: Parsed) -> None:
    """Every script is the export's own: the Plotly library, a chart's drawing call or the print handler."""
    for script in parsed.scripts:
        assert (len(script) > 1_000_000 or "Plotly.newPlot" in script or "beforeprint" in script
                or script.strip() == "window.PlotlyConfig = {MathJaxConfig: 'local'};"), script[:200]
        if len(script) < 1_000_000:
            assert "<script" not in script.lower() and "<img" not in script.lower()


def no_markup_from_articles(parsed: Parsed) -> None:
    assert not [t for t, _ in parsed.elements if t == "img"]
    assert not [(t, n) for t, attrs in parsed.elements for n, _ in attrs if n.lower().startswith("on")]
    own_scripts_only(parsed)


def test_article_text_is_escaped_everywhere(sample_export):
    no_markup_from_articles(sample_export)
    for text in (EVIL_TITLE, EVIL_NAME, EVIL_SUMMARY, EVIL_SOURCE, EVIL_QUOTE):
        assert norm(text) in sample_export.plain


# What Plotly draws as text, and so reads a little HTML from: names on axes, labels, hover text.
DRAWN = ("text", "hovertext", "name", "x", "y")


def drawn_strings(fig) -> list[str]:
    out = []
    for trace in fig.data:
        for prop in DRAWN:
            value = getattr(trace, prop, None)
            if value is None:
                continue
            values = [value] if isinstance(value, str) else list(value) if hasattr(value, "__iter__") else []
            out += [v for v in values if isinstance(v, str)]
    for axis in ("xaxis", "yaxis"):
        out += [t for t in (fig.layout[axis].ticktext or ()) if isinstance(t, str)]
    return out


@pytest.mark.parametrize("style", ["slide", "print"])
@pytest.mark.parametrize("name", ["timeline", "network"])
def test_chart_labels_reach_plotly_escaped(sample_view, name, style):
    from dashboard.export.figures import figure_for

    fig = figure_for(name, sample_view, style=style)
    assert fig is not None
    strings = drawn_strings(fig)
    assert any("&lt;img" in s or "&lt;script" in s for s in strings)
    assert not [s for s in strings if "<img" in s or "<script" in s]


def test_it_prints_one_slide_a_page(sample_export):
    css = "".join(sample_export.styles)
    assert "@media print" in css
    assert "break-after:page" in css.replace(" ", "")
    assert "@page" in css


def test_an_empty_view_still_exports():
    view = apply_filter(sample_briefing(), ActorFilter(("no-such-actor",)))
    parsed = parse(export_html(view))
    assert "Nothing to show" in parsed.plain
    assert not [s for s in parsed.scripts if len(s) > 1_000_000]  # no chart, no library


def test_export_of_loaded_articles_holds_their_quotes_and_events(nlp, write_articles, tmp_path):
    folder = write_articles(ARTICLE_FILES)
    briefing = load_briefing(folder, cache_dir=tmp_path / "cache", nlp=nlp)
    view = apply_filter(briefing, ActorFilter())
    parsed = parse(export_html(view))
    for text in [*view.quotes["text"], *view.events["summary"], *view.articles["title"]]:
        assert norm(text) in parsed.plain
    no_markup_from_articles(parsed)
    assert "Brazil <script>alert('title')</script> signs deal" in parsed.plain


def test_export_of_loaded_articles_follows_the_actor_filter(nlp, write_articles, tmp_path):
    folder = write_articles(ARTICLE_FILES)
    briefing = load_briefing(folder, cache_dir=tmp_path / "cache", nlp=nlp)
    brazil = briefing.actors.loc[briefing.actors["name"] == "Brazil", "actor_id"]
    assert len(brazil) == 1
    view = apply_filter(briefing, ActorFilter((brazil.iloc[0],)))
    plain = parse(export_html(view)).plain
    assert "Turkey and Israel open talks in Baku" not in plain
    assert all(norm(t) in plain for t in view.quotes["text"])
    left_out = briefing.quotes.loc[~briefing.quotes["quote_id"].isin(view.quotes["quote_id"]), "text"]
    assert all(norm(t) not in plain for t in left_out)
    assert view.articles["file"].tolist() == ["trade.txt"]
