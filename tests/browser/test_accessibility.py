"""WCAG 2.1 AA in Chromium: axe-core finds no violation, of any impact, on any page or in the exported HTML.

axe runs every rule it has by default (WCAG 2.0/2.1 A and AA, and its best practices such as
heading order and landmarks). A violation in markup Streamlit itself draws, which the app cannot
change, is excluded by its exact rule and selector below, each with the reason.
"""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import URL_PATHS, open_app

# (rule id, CSS selector axe reports) -> why it is Streamlit's and not ours. Keep this list short.
STREAMLIT_OWN: dict[tuple[str, str], str] = {}


def violations(page) -> list[str]:
    """Each violation node axe finds, as 'rule (impact): selector: summary', less Streamlit's own."""
    results = Axe().run(page, options={"resultTypes": ["violations"]})
    found = []
    for v in results.response["violations"]:
        for node in v["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            if (v["id"], target) in STREAMLIT_OWN:
                continue
            found.append(f"{v['id']} ({v['impact']}): {target}: {node.get('failureSummary', '')[:300]}")
    return found


@pytest.mark.parametrize("path", list(URL_PATHS.values()))
def test_no_axe_violation_on_the_page(page, main_app, path):
    open_app(page, main_app, path)
    found = violations(page)
    assert not found, "\n".join(found)


def test_no_axe_violation_in_the_exported_html(page, main_app, tmp_path):
    from dashboard.export.__main__ import main as export_main

    target = tmp_path / "briefing.html"
    assert export_main([str(main_app.folder), "--html", str(target)]) == 0
    page.goto(target.as_uri())
    page.wait_for_load_state("load")
    found = violations(page)
    assert not found, "\n".join(found)
