"""How a chart is dressed for where it is shown: on screen in the app, on a slide, or printed.

Every chart has one builder; the builder takes a `style` name and reads its type sizes, heights and
colours here, so the app, the presentation and the exported files draw the same chart.
"""
from __future__ import annotations

from dataclasses import dataclass, field

SLIDE_FONT = "Inter, 'Segoe UI', Helvetica, Arial, sans-serif"
INK = "#0b1220"


@dataclass(frozen=True)
class Style:
    """Type, size and interaction of a chart.

    font_size: None keeps Plotly's and the builder's own sizes (the app's screen). heights: a chart's
    height by its name, where the style fixes it. interactive: clicks select, drags zoom or pan.
    """

    name: str
    font_family: str | None = None
    font_size: int | None = None
    ink: str | None = None
    marker_size: int | None = None
    heights: dict[str, int] = field(default_factory=dict)
    interactive: bool = True

    def height(self, chart: str, default: int) -> int:
        """The height of `chart` in this style, or `default` where the style leaves it to the builder."""
        return self.heights.get(chart, default)


STYLES = {
    "screen": Style("screen"),
    # the presentation page and the HTML file: large type, charts that do not move under a pointer
    "slide": Style("slide", font_family=SLIDE_FONT, font_size=18, ink=INK, marker_size=18,
                   heights={"timeline": 470, "network": 500}, interactive=False),
    # the PowerPoint deck's pictures: a little larger again, read from across a room
    "print": Style("print", font_family=SLIDE_FONT, font_size=20, ink=INK, marker_size=18,
                   heights={"timeline": 470, "network": 500}, interactive=False),
}


def style_of(name: str) -> Style:
    """The style called `name`: "screen", "slide" or "print"."""
    try:
        return STYLES[name]
    except KeyError:
        raise ValueError(f"unknown chart style {name!r}: use one of {', '.join(STYLES)}") from None
