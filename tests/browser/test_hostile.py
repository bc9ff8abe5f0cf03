"""Article text is untrusted: markup in titles, bodies, quotes, metadata and file names never runs or renders.

The `new_page` fixture fails any test whose page opens a JavaScript dialog; here every page is also
searched for elements the articles' markup would have created.
"""
from __future__ import annotations

import pytest

from dashboard.loader import read_folder
from tests.corpora import BROKEN_NAMES, HOSTILE_FILES, SCRIPT, write

from .conftest import go_to, no_injection, no_traceback, open_app, screenshot, wait_idle
from .test_export import download


@pytest.fixture(scope="module")
def hostile_folder(tmp_path_factory):
    return write(tmp_path_factory.mktemp("hostile") / "hostile", HOSTILE_FILES)


@pytest.fixture(scope="module")
def hostile_app(app_server, hostile_folder):
    return app_server(hostile_folder)


def test_no_page_runs_or_renders_article_markup(page, hostile_app):
    open_app(page, hostile_app)
    no_injection(page)
    no_traceback(page)
    screenshot(page, "hostile-overview")
    for title in ["Timeline", "Quotes", "Actors", "Reader", "Add articles"]:
        go_to(page, title)
        no_injection(page)
        no_traceback(page)
        screenshot(page, f"hostile-{title.lower().replace(' ', '-')}")
    open_app(page, hostile_app, "present")
    for _ in range(12):  # every slide
        no_injection(page)
        no_traceback(page)
        nxt = page.get_by_role("button", name="Next")
        if nxt.count() == 0 or nxt.is_disabled():
            break
        nxt.click()
        page.wait_for_timeout(200)
        wait_idle(page)
    screenshot(page, "hostile-present-last")


def test_the_reader_shows_markup_as_text_in_every_article(page, hostile_app, hostile_folder):
    articles, _ = read_folder(hostile_folder, max_bytes=5_000_000)
    assert len(articles) == 4
    for article in articles:
        open_app(page, hostile_app, "reader", {"article": article.article_id})
        body = page.locator(".bq-article")
        body.wait_for()
        no_injection(page)
        no_traceback(page)
        shown = body.inner_text()
        for line in article.text.splitlines()[1:]:
            if line.strip():
                assert " ".join(line.split()) in " ".join(shown.split()), "the article reads as written"
        if SCRIPT in article.text:
            assert SCRIPT in shown, "markup is shown as the characters the article holds"
        assert body.locator(".bq-actor").count() >= 1, "actors are still marked"
    screenshot(page, "hostile-reader")


def test_quote_cards_show_markup_as_text(page, hostile_app):
    open_app(page, hostile_app, "quotes")
    cards = page.locator('[data-testid="stHtml"] article')
    assert cards.count() >= 2
    texts = " ".join(cards.all_inner_texts())
    assert "We will not allow <script>alert(1)</script> provocations" in texts
    no_injection(page)
    # searching highlights words inside the quote without turning the rest into markup
    page.locator('[data-testid="stTextInputField"][aria-label="Search"]').fill("allow")
    page.keyboard.press("Enter")
    wait_idle(page)
    assert page.locator('[data-testid="stHtml"] article mark').count() >= 1
    no_injection(page)
    screenshot(page, "hostile-quotes")


def test_the_exported_html_runs_no_article_markup(page, hostile_app, tmp_path):
    open_app(page, hostile_app, "present")
    exported = download(page, "HTML", tmp_path)
    view = page.context.new_page()
    view.goto(exported.as_uri())
    view.wait_for_selector("section")
    view.wait_for_timeout(500)  # time for any injected handler to fire (the dialog check is in the fixture)
    no_injection(view)
    assert SCRIPT in view.locator("body").inner_text(), "the markup is kept as visible text"
    screenshot(view, "hostile-export")


def test_broken_files_are_named_in_warnings_on_the_overview(page, hostile_app):
    open_app(page, hostile_app)
    alerts = page.locator('[data-testid="stMain"] [data-testid="stAlert"]').all_inner_texts()
    for name in BROKEN_NAMES:
        assert any(name in a for a in alerts), f"no warning names {name!r}: {alerts}"
    assert "4 articles" in page.locator('[data-testid="stSidebar"]').inner_text(), "the good articles still load"
    no_traceback(page)
    no_injection(page)
    screenshot(page, "broken-overview")
