"""WCAG 2.1 AA in Chromium: axe-core finds no violation, of any impact, on any page or in the exported HTML.

axe runs every rule it has by default (WCAG 2.0/2.1 A and AA, and its best practices such as
heading order and landmarks). A violation in markup Streamlit itself draws, which the app cannot
change, is excluded by its exact rule and selector below, each with the reason.
"""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import URL_PATHS, open_app, wait_idle

# (rule id, the element's data-testid) -> why it is Streamlit's markup and not ours. axe names these
# elements by a generated class (.st-emotion-cache-…) that changes between Streamlit releases, so
# they are matched by rule and data-testid. Keep this list short.
STREAMLIT_OWN: dict[tuple[str, str], str] = {
    ("presentation-role-conflict", "stFileUploaderDropzone"):
        # Streamlit 1.67 draws st.file_uploader's drop zone as <section role="presentation" tabindex="-1"
        # aria-label="..."> (frontend/lib/src/components/widgets/FileUploader/FileDropzone.tsx). The label
        # and tabindex conflict with role="presentation"; the "Browse files" button inside it is the
        # real, labelled control and is reached by keyboard. Nothing the app passes changes this markup.
        "Streamlit's file uploader drop zone",
}


def _own(rule: str, node: dict) -> bool:
    return any(rule == r and f'data-testid="{testid}"' in node.get("html", "") for r, testid in STREAMLIT_OWN)


def violations(page) -> list[str]:
    """Each violation node axe finds in the page and in each of its frames, as
    'rule (impact): selector: summary', less Streamlit's own."""
    axe = Axe()
    found = []
    for frame in page.frames:
        if frame.url in ("", "about:blank") and frame is not page.main_frame:
            continue
        frame.evaluate(axe.axe_script)
        response = frame.evaluate('axe.run(document, {"resultTypes": ["violations"]})')
        for v in response["violations"]:
            for node in v["nodes"]:
                if _own(v["id"], node):
                    continue
                target = " ".join(str(t) for t in node["target"])
                found.append(f"{v['id']} ({v['impact']}): {target}: {node.get('failureSummary', '')[:300]}")
    return found


# the default page (Overview) is served at "/"; its own path shows Streamlit's "page not found" first
PATHS = ["" if p == "overview" else p for p in URL_PATHS.values()]


@pytest.mark.parametrize("path", PATHS, ids=list(URL_PATHS.values()))
def test_no_axe_violation_on_the_page(page, main_app, path):
    open_app(page, main_app, path)
    found = violations(page)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("path, query, expand", [
    pytest.param("present", {"slide": "2"}, "", id="key-points-slide"),
    pytest.param("present", {"slide": "3"}, "", id="timeline-slide"),
    pytest.param("reader", {"sentence": "3"}, "Correct a quote", id="reader-cited-and-correcting"),
    pytest.param("", {}, "Title page", id="title-page-form"),
    pytest.param("timeline", {}, "Correct an event", id="event-form"),
])
def test_no_axe_violation_in_other_states(page, main_app, path, query, expand):
    open_app(page, main_app, path, query)
    if expand:
        page.locator('[data-testid="stExpander"] summary').filter(has_text=expand).first.click()
        wait_idle(page)
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
