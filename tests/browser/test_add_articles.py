"""Adding articles from the browser: uploads and a pasted article land in the folder and show without a restart."""
from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml

from tests.corpora import ANKARA, SCRIPT, write

from .conftest import go_to, metrics, no_injection, no_traceback, open_app, screenshot, wait_idle

NEW = """---
title: Cyprus talks resume in Geneva
published: 2025-04-08
source: Example Wire
---
Cyprus talks resume in Geneva
Greek Cypriot and Turkish Cypriot negotiators met in Geneva on Tuesday, the United Nations said.
"""
ESCAPING = "Lisbon hosts summit\nPortuguese officials hosted a summit in Lisbon on Friday, the government said.\n"


@pytest.fixture(scope="module")
def upload_folder(tmp_path_factory):
    return write(tmp_path_factory.mktemp("uploads") / "inbox", {"first.txt": ANKARA})


@pytest.fixture(scope="module")
def upload_app(app_server, upload_folder):
    return app_server(upload_folder)


def _alerts(page) -> list[str]:
    texts = page.locator('[data-testid="stMain"] [data-testid="stAlert"]').all_inner_texts()
    return [" ".join(t.split()) for t in texts]


def _sidebar_count(page) -> int:
    return int(re.search(r"(\d+) articles?\b", page.locator('[data-testid="stSidebar"]').inner_text()).group(1))


def test_uploaded_files_are_saved_checked_and_shown_without_a_restart(page, upload_app, upload_folder):
    open_app(page, upload_app, "add")
    assert _sidebar_count(page) == 1
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files([
        {"name": "new.md", "mimeType": "text/markdown", "buffer": NEW.encode()},
        {"name": "again.txt", "mimeType": "text/plain", "buffer": ANKARA.replace("\n", "\r\n").encode()},
        {"name": "title only.txt", "mimeType": "text/plain", "buffer": b"Just a headline\n"},
        {"name": "../../escape.txt", "mimeType": "text/plain", "buffer": ESCAPING.encode()},
    ])
    page.wait_for_function(
        "() => document.querySelectorAll('[data-testid=\"stMain\"] [data-testid=\"stAlert\"]').length >= 4",
        timeout=60_000)
    wait_idle(page)
    alerts = _alerts(page)
    assert any("new.md: saved as new.md" in a for a in alerts), alerts
    assert any("again.txt: already present as first.txt: not saved again" in a for a in alerts), alerts
    rejected = "title only.txt: rejected: only a title, no article text: nothing to analyse"
    assert any(rejected in a for a in alerts), alerts
    assert any(re.search(r"escape\.txt: saved as escape\.txt", a) for a in alerts), alerts
    screenshot(page, "add-articles-uploaded")

    assert sorted(p.name for p in upload_folder.iterdir()) == ["escape.txt", "first.txt", "new.md"]
    assert not any((up / "escape.txt").exists() for up in upload_folder.parents[:2]), "nothing lands outside"
    assert (upload_folder / "new.md").read_text(encoding="utf-8") == NEW
    assert _sidebar_count(page) == 3, "the briefing reloaded with the new files"

    page.locator('[data-testid="stPageLink"]').filter(has_text="Cyprus talks resume in Geneva").click()
    page.wait_for_function("() => location.pathname.endsWith('/reader')")
    page.locator(".bq-article").wait_for()
    wait_idle(page)
    assert "Greek Cypriot and Turkish Cypriot negotiators met in Geneva" in page.locator(".bq-article").inner_text()
    go_to(page, "Overview")
    assert metrics(page)["Articles"] == "3"
    no_traceback(page)


def test_a_pasted_article_is_saved_with_its_metadata(page, upload_app, upload_folder):
    open_app(page, upload_app, "add")
    before = _sidebar_count(page)
    form = page.locator('[data-testid="stForm"]')
    title = f"Rome talks {SCRIPT} [x](javascript:alert(1))"
    form.get_by_label("Title").fill(title)
    form.get_by_label("Source").fill("Wire: <b>desk</b>")
    form.get_by_label("URL").fill("https://example.org/rome?a=1&b=2")
    # the date field is three segments; typed digits move on from year to month to day
    form.locator('[data-testid="stDateInput"] [role="spinbutton"][data-type="year"]').click()
    page.keyboard.type("20250408")
    form.get_by_label("Article text").fill("Italian officials met Libyan envoys in Rome on Tuesday, the ministry said.")
    form.get_by_role("button", name=re.compile("Save article")).click()
    page.wait_for_function("() => [...document.querySelectorAll('[data-testid=\"stAlert\"]')]"
                           ".some(a => a.innerText.includes('saved as'))", timeout=60_000)
    wait_idle(page)
    alert = next(a for a in _alerts(page) if "saved as" in a)
    name = re.search(r"saved as (\S+\.md)", alert).group(1)
    assert name == "rome-talks-script-alert-1-script-x-javascript-alert-1.md"
    text = (upload_folder / name).read_text(encoding="utf-8")
    meta = yaml.safe_load(text.split("---\n")[1])
    assert meta == {"title": title, "published": dt.date(2025, 4, 8),
                    "source": "Wire: <b>desk</b>", "url": "https://example.org/rome?a=1&b=2"}
    assert _sidebar_count(page) == before + 1
    assert form.get_by_label("Title").input_value() == "", "the form is empty for the next article"
    no_injection(page)
    screenshot(page, "add-articles-pasted")

    open_app(page, upload_app, "reader")
    page.locator('[data-testid="stSelectbox"]').filter(has_text="Article").locator("input").click()
    options = page.locator('[role="option"]').all_inner_texts()
    assert title in options
    page.keyboard.press("Escape")
    no_injection(page)
