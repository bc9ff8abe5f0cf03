"""The meeting, start to end, on the seed: title the briefing, correct a speaker and an event's date,
present it by keyboard alone, take the HTML and PowerPoint away; the corrections outlast a restart."""
from __future__ import annotations

import re

import pytest
from pptx import Presentation

from .conftest import copy_seeds, go_to, no_traceback, open_app, start_server, wait_idle

TITLE = "Baku deconfliction talks"
QUOTE = "Turkey prefers diplomacy to manage rising tensions"
NEW_SPEAKER = "Recep Tayyip Erdoğan"
EVENT = "This meeting, held on Wednesday"  # the sentence of the one event dated 9 April
EVENT_DAY = "9 Apr 2025"
NEW_DATE = "2025-04-08"


@pytest.fixture(scope="module")
def seed_folder(tmp_path_factory):
    return copy_seeds(tmp_path_factory.mktemp("meeting") / "seed")


def choose(page, label: str, option: str) -> None:
    """Pick `option` in the selectbox labelled `label` by typing, as a keyboard user does."""
    box = page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').filter(
        has=page.locator("label", has_text=re.compile(f"^{re.escape(label)}$")))
    box.locator("input").click()
    box.locator("input").fill(option)
    page.locator('[role="option"]').filter(has_text=option).first.click()
    wait_idle(page)


def open_expander(page, title: str) -> None:
    page.locator('[data-testid="stExpander"] summary').filter(has_text=title).first.click()
    wait_idle(page)


def click(page, text: str) -> None:
    page.locator('[data-testid="stMain"] button').filter(has_text=text).first.click()
    wait_idle(page)


def download(page, button_text: str, tmp_path):
    button = page.locator('[data-testid="stDownloadButton"] button').filter(has_text=button_text).first
    with page.expect_download(timeout=90_000) as info:
        button.click()
    target = tmp_path / info.value.suggested_filename
    info.value.save_as(target)
    return target


def _texts(deck):
    """Every text of a PowerPoint deck: text boxes and table cells."""
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                yield shape.text_frame.text
            if getattr(shape, "has_table", False) and shape.has_table:
                yield from (cell.text for row in shape.table.rows for cell in row.cells)


def corrected_quote_card(page):
    return page.locator('[data-testid="stHtml"] article').filter(has_text=QUOTE)


def test_the_meeting_flow(new_page, app_server, seed_folder, tmp_path, tmp_path_factory):
    app = app_server(seed_folder)
    page = new_page(width=1500, height=1000)

    # a title of one's own, in the tab as well
    open_app(page, app)
    open_expander(page, "Title page")
    page.locator('[data-testid="stTextInput"]').filter(has_text="Title").first.locator("input").fill(TITLE)
    click(page, "Save title page")
    page.wait_for_function("t => document.title.includes(t)", arg=TITLE)
    main = page.locator('[data-testid="stMain"]')
    assert "Key points" in main.inner_text()
    assert (seed_folder / "briefing.yaml").exists()

    # a speaker corrected from the quotes page
    go_to(page, "Quotes")
    open_expander(page, "Correct a quote")
    choose(page, "Quote", QUOTE[:30])
    choose(page, "Speaker", NEW_SPEAKER)
    click(page, "Save speaker")
    card = corrected_quote_card(page)
    card.wait_for()
    assert NEW_SPEAKER in card.inner_text() and "corrected" in card.inner_text().lower()

    # an event's date corrected from the timeline page
    go_to(page, "Timeline")
    open_expander(page, "Correct an event")
    choose(page, "Event", EVENT_DAY)
    # the date field is a row of spin buttons (year, month, day): type the day, as a keyboard user does
    page.locator('[data-testid="stForm"] [data-testid="stDateInput"] [role="spinbutton"][data-type="day"]').click()
    page.keyboard.type(NEW_DATE[-2:])
    assert page.locator('[data-testid="stForm"] [data-testid="stDateInput"] input[type="date"]').input_value() == NEW_DATE
    click(page, "Save event")
    assert (seed_folder / "corrections.yaml").exists()
    no_traceback(page)

    # the presentation, by keyboard alone, each slide announced
    go_to(page, "Present")
    total = int(page.locator(".bq-count").inner_text().split("/")[1])
    live = page.locator("#bq-live")
    assert live.get_attribute("aria-live") == "polite"
    heard = [live.inner_text()]
    assert heard[0].startswith(f"Slide 1 of {total}") and TITLE in heard[0]
    for n in range(2, total + 1):
        page.keyboard.press("ArrowRight")
        page.wait_for_function("n => new URLSearchParams(location.search).get('slide') === String(n)", arg=n)
        wait_idle(page)
        page.wait_for_function("n => document.getElementById('bq-live').textContent.startsWith('Slide ' + n + ' of')",
                               arg=n)
        heard.append(live.inner_text())
    assert any("Key points" in h for h in heard)
    no_traceback(page)

    html = download(page, "HTML", tmp_path).read_text(encoding="utf-8")
    assert TITLE in html and "Key points" in html
    assert re.search(r"8 Apr(il)? 2025", html), "the corrected date travels"
    assert NEW_SPEAKER in html and "orrected" in html

    deck = Presentation(str(download(page, "PowerPoint", tmp_path)))
    words = " ".join(_texts(deck))
    assert TITLE in words and "Key points" in words
    assert re.search(r"8 Apr(il)? 2025", words) and "orrected" in words

    # a restart reads the corrections again from the folder
    app.stop()
    again = start_server(seed_folder, tmp_path_factory.mktemp("restart"), set())
    try:
        page2 = new_page(width=1500, height=1000)
        open_app(page2, again, "quotes")
        card = corrected_quote_card(page2)
        assert NEW_SPEAKER in card.inner_text() and "corrected" in card.inner_text().lower()
        open_app(page2, again)
        assert page2.title().startswith(TITLE)
        listed = page2.locator('[data-testid="stMain"]').inner_text()
        assert QUOTE[:20] in listed and EVENT[:20] in listed, "both corrections are listed with an undo"
    finally:
        again.stop()


def test_the_reader_scrolls_to_the_cited_sentence(new_page, main_app):
    from dashboard.loader import read_folder

    articles, _ = read_folder(main_app.folder, max_bytes=5_000_000)
    seed = next(a for a in articles if a.file.startswith("000_"))  # the long seed article
    page = new_page(width=1200, height=600)
    open_app(page, main_app, "reader", {"article": seed.article_id, "sentence": "14"})
    cited = page.locator(".bq-article .bq-focus")
    cited.wait_for()
    assert "Turkey has suspended trade with Israel" in cited.inner_text()
    page.wait_for_function("""() => {
        const r = document.querySelector('.bq-article .bq-focus').getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
    }""", timeout=10_000)
