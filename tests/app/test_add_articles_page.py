"""The Add articles page in-process: the paste form writes an article the briefing then shows.

Uploads need a browser (AppTest has no file uploader): tests/browser/test_add_articles.py covers them.
"""
from __future__ import annotations

import datetime as dt

import yaml

from tests.corpora import ANKARA

from .conftest import no_exceptions


def _paste(at, **fields):
    for key, value in fields.items():
        widget = at.date_input(key=f"add_articles_{key}") if key == "published" else (
            at.text_area(key="add_articles_text") if key == "text" else at.text_input(key=f"add_articles_{key}"))
        widget.set_value(value)
    next(b for b in at.button if b.label == "Save article").click().run()
    no_exceptions(at)


def test_a_pasted_article_is_saved_and_joins_the_briefing(app_for, write_articles):
    folder = write_articles({"first.txt": ANKARA})
    at = app_for(folder, page="add_articles")
    no_exceptions(at)
    _paste(at, title="Cyprus talks: round two", source="Example Wire", url="https://example.org/c",
           published=dt.date(2025, 4, 8), text="Cypriot negotiators met in Geneva on Tuesday, the UN said.")
    assert [s.value for s in at.success] == [
        "**Cyprus talks\\: round two**: saved as cyprus\\-talks\\-round\\-two\\.md"]
    written = (folder / "cyprus-talks-round-two.md").read_text(encoding="utf-8")
    assert yaml.safe_load(written.split("---\n")[1]) == {
        "title": "Cyprus talks: round two", "published": dt.date(2025, 4, 8), "source": "Example Wire",
        "url": "https://example.org/c"}
    assert at.text_input(key="add_articles_title").value == "", "the form is emptied for the next article"
    at.switch_page("app_pages/overview.py").run()
    assert next(m.value for m in at.metric if m.label == "Articles") == "2"


def test_an_incomplete_or_repeated_article_is_not_saved(app_for, write_articles):
    folder = write_articles({"first.txt": ANKARA})
    at = app_for(folder, page="add_articles")
    _paste(at, title="No text here", text="   ")
    assert [e.value for e in at.error] == ["**No text here**: rejected\\: paste the article text"]
    _paste(at, title="Ankara hosts talks",
           text="Turkish and Greek officials met in Ankara on Monday, the ministry said.")
    assert [i.value for i in at.info] == ["**Ankara hosts talks**: already present as first\\.txt\\: "
                                          "not saved again"]
    assert sorted(p.name for p in folder.iterdir()) == ["first.txt"]
