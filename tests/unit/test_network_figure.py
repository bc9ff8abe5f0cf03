"""The actor network and the profile timeline figures, built directly from small frames."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard.views.network import HIGHLIGHT, force_layout, network_figure, actor_events_figure

NODES = pd.DataFrame({
    "actor_id": ["turkey", "israel", "hakan-fidan", "gaza"],
    "name": ["Turkey", "Israel", "Hakan Fidan", "<b>Gaza</b>"],
    "kind": ["country", "country", "person", "place"],
    "mentions": [10, 6, 3, 1],
})
EDGES = pd.DataFrame({
    "source": ["israel", "hakan-fidan", "gaza", "israel"],
    "target": ["turkey", "turkey", "israel", "unknown-actor"],
    "weight": [5, 2, 1, 7],
}).astype({"source": "string", "target": "string", "weight": "Int64"})


def _nodes(fig) -> dict[str, dict]:
    """name -> its marker's line width and colour, over every trace that carries actor names."""
    out: dict[str, dict] = {}
    for trace in fig.data:
        if trace.customdata is None:
            continue
        for i, name in enumerate(trace.customdata):
            assert name not in out, f"{name} drawn twice"
            out[name] = {"width": trace.marker.line.width[i], "color": trace.marker.line.color[i],
                         "opacity": trace.marker.opacity[i], "label": trace.text[i]}
    return out


def test_one_node_per_actor_with_the_selected_one_highlighted():
    nodes = _nodes(network_figure(NODES, EDGES, selected_id="hakan-fidan"))
    assert set(nodes) == {"Turkey", "Israel", "Hakan Fidan", "<b>Gaza</b>"}
    highlighted = [n for n, v in nodes.items() if v["color"] == HIGHLIGHT]
    assert highlighted == ["Hakan Fidan"]
    assert nodes["Hakan Fidan"]["width"] > nodes["Turkey"]["width"]
    # actors not linked to the selected one are faded, its partners are not
    assert nodes["Turkey"]["opacity"] == 1.0 and nodes["Israel"]["opacity"] < 1.0


@pytest.mark.parametrize("selected", [None, "nobody"], ids=["none", "unknown"])
def test_without_a_selection_nothing_is_highlighted_or_faded(selected):
    nodes = _nodes(network_figure(NODES, EDGES, selected_id=selected))
    assert all(v["color"] != HIGHLIGHT and v["opacity"] == 1.0 for v in nodes.values())


def test_edges_to_actors_not_drawn_are_dropped_and_selected_edges_are_highlighted():
    fig = network_figure(NODES, EDGES, selected_id="hakan-fidan")
    lines = [t for t in fig.data if t.mode == "lines"]
    segments = sum(len([x for x in t.x if x is None]) for t in lines)
    assert segments == 3  # the edge to "unknown-actor" is not drawn
    assert [t.line.color for t in lines].count(HIGHLIGHT) == 1


def test_names_are_escaped_in_labels_and_hover():
    nodes = _nodes(network_figure(NODES, EDGES))
    assert nodes["<b>Gaza</b>"]["label"] == "&lt;b&gt;Gaza&lt;/b&gt;"
    hover = [h for t in network_figure(NODES, EDGES).data if t.hovertext for h in t.hovertext]
    assert not any("<b>Gaza" in h for h in hover)


def test_layout_is_deterministic_and_fills_the_frame():
    ids = list(NODES["actor_id"])
    first, second = force_layout(ids, EDGES), force_layout(ids, EDGES)
    np.testing.assert_array_equal(first, second)
    assert first.shape == (4, 2)
    np.testing.assert_allclose(first.min(axis=0), [-1, -1])
    np.testing.assert_allclose(first.max(axis=0), [1, 1])


def test_linked_actors_end_up_closer_than_unlinked_ones():
    pos = dict(zip(NODES["actor_id"], force_layout(list(NODES["actor_id"]), EDGES)))
    near = np.linalg.norm(pos["israel"] - pos["turkey"])
    far = np.linalg.norm(pos["gaza"] - pos["hakan-fidan"])
    assert near < far


@pytest.mark.parametrize("n", [0, 1], ids=["empty", "single"])
def test_tiny_networks(n):
    fig = network_figure(NODES.head(n), EDGES, selected_id="turkey")
    assert len(_nodes(fig)) == n


def _actor_rows(roles: list[str], salience: list[float] | None = None) -> pd.DataFrame:
    n = len(roles)
    return pd.DataFrame({
        "date": pd.to_datetime(["2025-04-09", "2025-04-09", None, "2025-04-11"][:n]),
        "role": roles, "headline": ["Turkey met Israel", "Turkey <i>talked</i>", "undated", "Turkey signed"][:n],
        "date_text": ["on Wednesday", "Wednesday", None, "on Friday"][:n], "article": ["A", "A", "B", None][:n],
        "salience": salience or [0.5] * n,
    })


def test_timeline_stacks_events_of_one_day_and_leaves_out_undated():
    trace = actor_events_figure(_actor_rows(["agent"] * 4)).data[0]
    assert list(trace.y) == [0, 1, 0]
    assert "&lt;i&gt;talked&lt;/i&gt;" in trace.hovertext[1]


def test_actor_timeline_has_a_row_for_each_part_played():
    fig = actor_events_figure(_actor_rows(["agent", "patient", "agent", "named"]))
    assert list(fig.layout.yaxis.ticktext) == ["did it", "done to", "named"]
    marks = {t.name: t for t in fig.data if t.mode == "markers"}
    assert set(marks) == {"did it", "done to", "named"}
    assert marks["did it"].y[0] < marks["done to"].y[0] < marks["named"].y[0]


def test_actor_timeline_labels_both_events_stacked_on_one_day():
    rows = _actor_rows(["agent", "agent"], salience=[0.2, 0.9])
    rows["date"] = pd.to_datetime(["2025-04-09", "2025-04-09"])
    rows["headline"] = ["Turkey met Israel", "Turkey signed a deal"]
    # same day, stacked on two rows: each label has its own row
    texts = [t for tr in actor_events_figure(rows).data if tr.mode == "text" for t in tr.text]
    assert sorted(t.strip() for t in texts) == ["Turkey met Israel", "Turkey signed a deal"]


def test_the_same_network_is_laid_out_once():
    from dashboard.views.network import layout_of

    edges = (("a", "b", 2), ("b", "c", 1))
    first = layout_of(("a", "b", "c"), edges)
    assert layout_of(("a", "b", "c"), edges) is first
    assert layout_of(("a", "b", "c"), (("a", "b", 2),)) is not first
    assert not first.flags.writeable  # shared between reruns: nobody may change it


def test_a_busy_day_is_counted_not_stacked():
    rows = pd.DataFrame({
        "date": pd.to_datetime(["2025-04-09"] * 12 + ["2025-04-11"]), "role": ["agent"] * 13,
        "headline": [f"Turkey event {i}" for i in range(12)] + ["Turkey signed"], "date_text": None,
        "article": "A", "salience": [0.1] * 11 + [0.9, 0.5],
    })
    fig = actor_events_figure(rows)
    marks = next(t for t in fig.data if t.mode == "markers")
    assert len(marks.x) == 2  # one mark per day, however many events it holds
    assert "12 events" in marks.hovertext[0] and "Turkey event 11" in marks.hovertext[0]
    assert marks.marker.size[0] > marks.marker.size[1]
    assert fig.layout.height == 200  # as tall as a quiet actor's chart
    assert fig.layout.meta["counted_by"] == "day"
    assert actor_events_figure(rows.head(2)).layout.meta["counted_by"] is None


def test_an_actor_with_hundreds_of_events_is_counted_by_week_over_a_year():
    days = pd.date_range("2024-01-01", "2024-12-30", periods=400)
    rows = pd.DataFrame({"date": days, "role": ["agent", "patient"] * 200, "headline": "Turkey met Israel",
                         "date_text": None, "article": "A", "salience": 0.5})
    marks = [t for t in actor_events_figure(rows).data if t.mode == "markers"]
    counted = sum(len(t.x) for t in marks)
    assert 52 <= counted <= 2 * 53  # a mark per week in each of the two rows
    assert sum(int(h.split(" events")[0].rsplit(" ", 1)[1]) for t in marks for h in t.hovertext) == 400
