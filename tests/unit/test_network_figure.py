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


def test_timeline_stacks_events_of_one_day_and_leaves_out_undated():
    events = pd.DataFrame({
        "date": pd.to_datetime(["2025-04-09", "2025-04-09", None, "2025-04-11"]),
        "date_text": ["on Wednesday", "Wednesday", None, "on Friday"],
        "summary": ["met", "<i>talked</i>", "undated", "signed"],
        "article": ["A", "A", "B", None],
    })
    trace = actor_events_figure(events).data[0]
    assert list(trace.y) == [0, 1, 0]
    assert "&lt;i&gt;talked&lt;/i&gt;" in trace.hovertext[1]
