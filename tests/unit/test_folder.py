"""The briefing folder: what a file, a link or a folder in it can do to a load (issue 17)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from dashboard.loader import load_briefing
from dashboard.loader.reading.folder import folder_signature, list_article_files, read_folder

ROOT = Path(__file__).resolve().parents[2]
GOOD_A = "Ankara hosts talks\nTurkish and Greek officials met in Ankara on Monday, the ministry said.\n"
GOOD_B = "Brazil signs a deal\nBrazil signed a trade deal with Argentina on Friday, officials said.\n"
SECRET = "Secret notes\nThe password of the server is hunter2, the administrator said on Monday.\n"
PAGE = ("<html><head><title>Talks in Ankara</title></head><body><article><h1>Talks in Ankara</h1>"
        "<p>Turkish and Greek officials met in Ankara on Monday to discuss maritime borders, the ministry said.</p>"
        "<p>The two delegations agreed to meet again next month in Athens, according to a joint statement.</p>"
        "</article></body></html>")
LIMIT = 5_000_000
# 83 CJK characters are 249 bytes: the name fits the file system's 255, its sidecar's name does not
LONG_NAME = "新" * 83 + ".txt"


def _report(issues) -> list[tuple[str, str, str]]:
    return [(i.file, i.level, i.message) for i in issues]


@pytest.fixture
def outside(tmp_path) -> Path:
    """A file outside the briefing folder that a link could point at."""
    path = tmp_path / "private" / "secret.txt"
    path.parent.mkdir()
    path.write_text(SECRET, encoding="utf-8")
    return path


def test_a_long_file_name_does_not_stop_the_other_articles(write_articles):
    folder = write_articles({"a.txt": GOOD_A, LONG_NAME: GOOD_B})
    articles, issues = read_folder(folder, max_bytes=LIMIT)
    assert sorted(a.file for a in articles) == sorted(["a.txt", LONG_NAME])
    assert _report(issues) == [(LONG_NAME, "warning", ("file name too long for a metadata sidecar "
                                                       "(NAME.meta.yaml): rename the file shorter to give it one"))]


def test_a_long_file_name_loads_a_whole_briefing(write_articles, tmp_path, nlp):
    folder = write_articles({"a.txt": GOOD_A, LONG_NAME: GOOD_B})
    b = load_briefing(folder, cache_dir=tmp_path / "cache", nlp=nlp)
    assert len(b.articles) == 2


@pytest.mark.parametrize("target", ["file", "etc-passwd"], ids=["file-outside", "etc-passwd"])
def test_a_link_out_of_the_folder_is_not_followed(write_articles, outside, target):
    folder = write_articles({"a.txt": GOOD_A})
    (folder / "evil.txt").symlink_to(outside if target == "file" else Path("/etc/passwd"))
    articles, issues = read_folder(folder, max_bytes=LIMIT)
    assert [a.file for a in articles] == ["a.txt"]
    assert _report(issues) == [("evil.txt", "error", "a link to a file outside the briefing folder: not read")]


def test_a_link_within_the_folder_is_read(write_articles):
    folder = write_articles({"a.txt": GOOD_A, "b.txt": GOOD_B})
    (folder / "also-b.txt").symlink_to("b.txt")
    articles, issues = read_folder(folder, max_bytes=LIMIT)
    assert [a.file for a in articles] == ["a.txt", "also-b.txt"]
    assert _report(issues) == [("b.txt", "warning", "same text as also-b.txt: loaded once")]


def test_a_sidecar_linked_out_of_the_folder_is_not_read(write_articles, tmp_path):
    folder = write_articles({"a.txt": GOOD_A})
    private = tmp_path / "private.yaml"
    private.write_text("title: Read from outside\n", encoding="utf-8")
    (folder / "a.meta.yaml").symlink_to(private)
    articles, issues = read_folder(folder, max_bytes=LIMIT)
    assert articles[0].title == "Ankara hosts talks"
    assert _report(issues) == [("a.txt", "warning", ("sidecar a.meta.yaml is a link to a file outside the "
                                                     "briefing folder: metadata ignored"))]


def test_an_article_replaced_by_a_folder_is_reported(write_articles):
    folder = write_articles({"a.txt": GOOD_A})
    (folder / "b.txt").mkdir()
    (folder / "b.txt" / "inner.txt").write_text(GOOD_B, encoding="utf-8")
    files, issues = list_article_files(folder)
    assert [f.name for f in files] == ["a.txt"]
    assert _report(issues) == [("b.txt", "error", ("a folder, not an article file: not read (a folder of "
                                                   "articles must not be named like an article)"))]


def test_html_extraction_that_cannot_import_is_a_problem_of_that_file(write_articles, monkeypatch):
    folder = write_articles({"a.txt": GOOD_A, "page.html": PAGE})
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # what a missing lxml_html_clean does to the import
    articles, issues = read_folder(folder, max_bytes=LIMIT)
    assert [a.file for a in articles] == ["a.txt"]
    [(file, level, message)] = _report(issues)
    assert (file, level) == ("page.html", "error")
    assert message.startswith("web pages cannot be read on this machine (ImportError")
    assert message.endswith("install the packages in requirements.txt")


def test_requirements_name_what_trafilatura_imports():
    names = [line.split("#")[0].strip().split(">")[0].split("=")[0].lower()
             for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()]
    assert "lxml_html_clean" in names


def test_the_signature_changes_with_an_article_and_not_with_a_hidden_file(write_articles):
    folder = write_articles({"a.txt": GOOD_A})
    before = folder_signature(folder)
    (folder / ".upload-x.txt.tmp").write_text("half", encoding="utf-8")
    assert folder_signature(folder) == before
    (folder / "b.txt").write_text(GOOD_B, encoding="utf-8")
    assert folder_signature(folder) != before


def test_the_signature_of_a_missing_folder_is_empty(tmp_path):
    assert folder_signature(tmp_path / "gone") == ()


def test_a_write_is_whole_or_absent(tmp_path):
    from dashboard.loader.reading.folder import atomic_write

    atomic_write(tmp_path / "a.txt", GOOD_A.encode())
    assert os.listdir(tmp_path) == ["a.txt"]
