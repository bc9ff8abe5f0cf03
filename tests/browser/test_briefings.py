"""More than one briefing: each sub-folder of the app's folder is a briefing the user can switch to."""
from __future__ import annotations

import pytest

from tests.corpora import ANKARA, DESK, write

from .conftest import go_to, metrics, no_traceback, open_app, screenshot, wait_idle

ALPHA = {"a1.txt": DESK["a.txt"], "a2.txt": ANKARA}
BETA = {"b1.txt": DESK["b.txt"]}


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    root = tmp_path_factory.mktemp("briefings") / "desk"
    write(root / "alpha", ALPHA)
    write(root / "beta", BETA)
    (root / "empty").mkdir()  # a sub-folder without articles is not offered
    return root


def _briefing_box(page):
    return page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(has_text="Briefing")


def _titles(page) -> list[str]:
    return page.locator('[data-testid="stDataFrame"] [role="gridcell"]').all_inner_texts()


def test_the_user_switches_between_briefings(page, app_server, root):
    app = app_server(root)
    open_app(page, app)
    box = _briefing_box(page)
    assert box.count() == 1, "a Briefing picker appears when the folder holds several"
    assert metrics(page)["Articles"] == "2"
    assert "Turkey and Greece meet" in _titles(page)

    box.locator("input").click()
    options = page.locator('[role="option"]').all_inner_texts()
    assert options == ["alpha", "beta"]
    page.locator('[role="option"]').filter(has_text="beta").click()
    page.wait_for_function("() => location.search.includes('briefing=beta')")
    wait_idle(page)
    assert metrics(page)["Articles"] == "1"
    assert "Brazil signs deal" in _titles(page) and "Turkey and Greece meet" not in _titles(page)
    shared = page.url
    screenshot(page, "briefings-beta")

    go_to(page, "Add articles")
    assert "beta" in page.locator('[data-testid="stMain"]').inner_text(), "uploads go to the chosen briefing"
    no_traceback(page)

    # the address names the briefing: a shared link opens on it
    other = page.context.browser.new_context().new_page()
    other.goto(shared)
    other.wait_for_selector('[data-testid="stMetric"]', timeout=60_000)
    wait_idle(other)
    assert metrics(other)["Articles"] == "1"
    other.context.close()
