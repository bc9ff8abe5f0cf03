"""The app when a file, a folder or a URL is not what it should be (issue 17)."""
from __future__ import annotations

import datetime as dt
import os
import subprocess

import pytest

from dashboard.loader import briefing_folders

from .conftest import no_exceptions

GOOD_A = "Ankara hosts talks\nTurkish and Greek officials met in Ankara on Monday, the ministry said.\n"
GOOD_B = "Brazil signs a deal\nBrazil signed a trade deal with Argentina on Friday, officials said.\n"


def test_a_folder_named_like_an_article_is_not_a_briefing_of_its_own(write_articles, tmp_path):
    root = write_articles({"a.txt": GOOD_A}, tmp_path / "root")
    write_articles({"inner.txt": GOOD_B}, root / "b.txt")
    write_articles({"inner.txt": GOOD_B}, root / "region")
    assert briefing_folders(root) == [root, root / "region"]


@pytest.fixture
def read_only(write_articles, tmp_path):
    """A briefing folder nobody can write into (as root too: the immutable flag)."""
    folder = write_articles({"a.txt": GOOD_A}, tmp_path / "locked")
    root = os.geteuid() == 0
    subprocess.run(["chattr", "+i", str(folder)], check=True) if root else folder.chmod(0o555)
    yield folder
    subprocess.run(["chattr", "-i", str(folder)], check=True) if root else folder.chmod(0o755)


def test_a_folder_that_cannot_be_written_says_so_on_the_upload_page(app_for, read_only):
    at = app_for(read_only, page="add_articles")
    no_exceptions(at)
    assert any("cannot be written" in w.value for w in at.warning), [w.value for w in at.warning]
    at.text_input(key="add_articles_title").set_value("Cyprus talks")
    at.text_area(key="add_articles_text").set_value("Cypriot negotiators met in Geneva on Tuesday, the UN said.")
    next(b for b in at.button if b.label == "Save article").click().run()
    no_exceptions(at)
    [error] = [e.value for e in at.error]
    assert error.startswith("**Cyprus talks**: rejected\\: the briefing folder cannot be written \\(")


@pytest.mark.parametrize("sentence", ["²", "٣", "-1", "1e9"], ids=["superscript", "arabic-digit", "negative", "float"])
def test_a_sentence_that_is_not_a_number_is_ignored_gently(app_for, write_articles, sentence):
    folder = write_articles({"a.txt": GOOD_A})
    at = app_for(folder, page="reader")
    at.query_params["sentence"] = sentence
    at.run()
    no_exceptions(at)
    assert [c.value for c in at.caption if "not a sentence number" in c.value] == [
        "The link names a sentence that is not a sentence number: the article is shown without it."]


VIENNA = ("---\npublished: 2025-09-12\nsource: Wire\n---\nVienna remembers a siege\n"
          "Austrian officials marked the anniversary of the 1683 Battle of Vienna on Friday, the city said.\n"
          "Chancellor Karl Nehammer laid a wreath at the Kahlenberg on Saturday.\n")


@pytest.mark.parametrize("page", ["timeline", "overview", "quotes", "actors", "reader", "present"])
def test_a_date_before_1684_is_drawn(app_for, write_articles, page):
    folder = write_articles({"vienna.md": VIENNA, "a.txt": GOOD_A})
    at = app_for(folder, page=page)
    no_exceptions(at)
    if page == "timeline":
        from dashboard.components.date_range import DRAWABLE

        [slider] = [s for s in at.slider if s.key == "timeline_range"]
        assert slider.min == (DRAWABLE[0] - dt.date(1970, 1, 1)).days * 86_400_000_000  # microseconds
        last = slider.value[1]
        slider.set_value((DRAWABLE[0], last)).run()  # the whole range takes in what lies beyond its end
        no_exceptions(at)
        [counts] = [m.value for m in at.markdown if " events · " in m.value]
        total = counts.split(" of ")[1].split(" ")[0]
        assert counts.startswith(f"**{total}** of {total} events"), counts


# --- loading in the background (issue 17): one load per folder and settings, its progress on the page

def test_two_sessions_share_one_load(write_articles, tmp_path, monkeypatch):
    import threading

    from dashboard.components import loading

    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    folder = write_articles({"a.txt": GOOD_A, "b.txt": GOOD_B})
    release, runs = threading.Event(), []

    def run(load):
        runs.append(load)
        release.wait(10)
        load.report(2, 2)
        return "briefing"

    first = loading.start_load((str(folder), (), "model"), run)
    second = loading.start_load((str(folder), (), "model"), run)
    assert second is first and not first.finished.is_set()
    release.set()
    assert first.finished.wait(10) and first.result == "briefing" and len(runs) == 1
    assert loading.start_load((str(folder), ("changed",), "model"), run) is not first


def test_a_failed_load_is_tried_again(tmp_path):
    from dashboard.components import loading

    def fail(load):
        raise FileNotFoundError("gone")

    load = loading.start_load(("x", (), "m"), fail)
    with pytest.raises(FileNotFoundError):
        loading.wait_for(load)
    assert loading.start_load(("x", (), "m"), lambda load: "again").finished.wait(5)


@pytest.mark.parametrize("done, total, seconds, text", [
    (0, 2000, None, "Reading articles: 0 of 2,000"),
    (340, 2000, 185.0, "Reading articles: 340 of 2,000 · about 3 min left"),
    (1990, 2000, 4.0, "Reading articles: 1,990 of 2,000 · a few seconds left"),
    (2000, 2000, 0.0, "Reading articles: 2,000 of 2,000 · putting the briefing together"),
], ids=["start", "minutes", "seconds", "assembling"])
def test_progress_text(done, total, seconds, text):
    from dashboard.components.loading import progress_text

    assert progress_text(done, total, seconds) == text
