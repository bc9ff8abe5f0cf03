"""The app started on a folder that does not exist, or on one with no articles: a clear message, no traceback."""
from __future__ import annotations

from .conftest import go_to, no_traceback, open_app, screenshot


def test_a_missing_folder_says_what_to_do(page, app_server, tmp_path_factory):
    missing = tmp_path_factory.mktemp("nowhere") / "no-such-folder"
    app = app_server(missing)
    page.goto(app.url)
    error = page.locator('[data-testid="stAlert"]').filter(has_text="does not exist")
    error.wait_for(timeout=90_000)
    text = error.inner_text()
    assert "no-such-folder" in text and "streamlit run dashboard/app.py -- FOLDER" in text
    no_traceback(page)
    screenshot(page, "missing-folder")


def test_every_page_copes_with_a_folder_without_articles(page, app_server, tmp_path_factory):
    empty = tmp_path_factory.mktemp("empty") / "inbox"
    empty.mkdir()
    app = app_server(empty)
    open_app(page, app)
    main = page.locator('[data-testid="stMain"]')
    assert "no articles yet" in main.inner_text()
    assert "inbox/: no articles in this folder" in " ".join(main.inner_text().split())
    no_traceback(page)
    screenshot(page, "empty-overview")
    for title in ["Timeline", "Quotes", "Actors", "Reader", "Add articles"]:
        go_to(page, title)
        says_why = main.locator('[data-testid="stAlert"], [data-testid="stFileUploader"]').count()
        assert says_why >= 1, f"{title} says why it is empty"
        no_traceback(page)
    open_app(page, app, "present")
    no_traceback(page)
    screenshot(page, "empty-present")
