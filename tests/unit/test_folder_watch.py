"""The app's watch on a briefing folder: signed again after any change, and only then."""
from __future__ import annotations

import time

import dashboard.folders as folders
from dashboard.folders import FolderWatch
from dashboard.loader.reading.folder import folder_signature


def _settled(watch: FolderWatch, folder, want: tuple, seconds: float = 5.0) -> tuple:
    """The watch's signature once it equals `want` (file events arrive on the observer's thread), or the
    last one seen when it never does."""
    deadline = time.monotonic() + seconds
    got = watch.signature(folder)
    while got != want and time.monotonic() < deadline:
        time.sleep(0.05)
        got = watch.signature(folder)
    return got


def test_an_added_removed_or_edited_article_changes_the_signature(tmp_path):
    (tmp_path / "a.txt").write_text("Title\nBody one.")
    watch = FolderWatch()
    assert watch.signature(tmp_path) == folder_signature(tmp_path)
    (tmp_path / "b.txt").write_text("Title\nBody two.")
    assert watch.signature(tmp_path) == folder_signature(tmp_path)  # the folder's own time tells at once
    (tmp_path / "b.txt").unlink()
    assert watch.signature(tmp_path) == folder_signature(tmp_path)
    before = folder_signature(tmp_path)
    with open(tmp_path / "a.txt", "a", encoding="utf-8") as f:  # edited in place: the folder's time stays
        f.write(" More.")
    now = folder_signature(tmp_path)
    assert now != before
    assert _settled(watch, tmp_path, now) == now


def test_an_unchanged_folder_is_not_signed_again(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Title\nBody one.")
    watch = FolderWatch()
    first = watch.signature(tmp_path)
    calls = []
    monkeypatch.setattr(folders, "folder_signature", lambda folder: calls.append(folder) or ())
    assert watch.signature(tmp_path) == first
    assert calls == []


def test_a_missing_folder_has_the_empty_signature(tmp_path):
    assert FolderWatch().signature(tmp_path / "gone") == ()
