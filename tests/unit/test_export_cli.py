"""`python -m dashboard.export`: the exports without the app."""
from __future__ import annotations

import pytest
from pptx import Presentation

from dashboard.export.__main__ import UsageError, main, parse_day, resolve_actors

from .export_samples import ARTICLE_FILES, sample_briefing


@pytest.fixture
def folder(write_articles, monkeypatch, tmp_path, nlp):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    # `nlp` is asked for first: build_nlp keeps one pipeline per model, so the loader gets the session's
    return write_articles(ARTICLE_FILES)


def test_writes_both_files(folder, tmp_path, capsys):
    html_file, pptx_file = tmp_path / "b.html", tmp_path / "b.pptx"
    assert main([str(folder), "--html", str(html_file), "--pptx", str(pptx_file), "--no-images"]) == 0
    assert html_file.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    titles = [s.shapes.title.text for s in Presentation(str(pptx_file)).slides]
    assert titles[0] != "Articles" and "April 2025" in titles[0], "a title from the briefing, not its folder"
    assert f"wrote {html_file}" in capsys.readouterr().out


def test_actor_and_dates_narrow_the_export(folder, tmp_path):
    out = tmp_path / "brazil.html"
    assert main([str(folder), "--html", str(out), "--actor", "brazil", "--start", "2025-04-01",
                 "--end", "2025-04-30", "--title", "Trade"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Brazil, 1 Apr 2025 to 30 Apr 2025" in text
    assert "Turkey and Israel open talks in Baku" not in text
    assert "<title>Trade — briefing</title>" in text


def test_an_unknown_actor_is_an_error_that_suggests_names(folder, tmp_path, capsys):
    assert main([str(folder), "--html", str(tmp_path / "x.html"), "--actor", "Brasil"]) == 2
    assert "no actor named 'Brasil' in this briefing. Did you mean: Brazil?" in capsys.readouterr().err
    assert not (tmp_path / "x.html").exists()


def test_a_missing_folder_is_an_error(tmp_path, capsys):
    assert main([str(tmp_path / "nowhere"), "--html", str(tmp_path / "x.html")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_nothing_to_write_is_a_usage_error(tmp_path):
    with pytest.raises(SystemExit):
        main([str(tmp_path)])


@pytest.mark.parametrize(("names", "expected"), [
    (["Turkey"], ("turkey",)), (["hakan fidan", "ISRAEL"], ("hakan-fidan", "israel")), (["greece", "Greece"], ("greece",)),
], ids=["name", "any-case", "repeated"])
def test_resolve_actors(names, expected):
    assert resolve_actors(sample_briefing().actors, names) == expected


@pytest.mark.parametrize("text", ["10/04/2025", "2025-13-01", "yesterday"], ids=["slashes", "month-13", "word"])
def test_bad_days_are_explained(text):
    with pytest.raises(UsageError, match="YYYY-MM-DD"):
        parse_day(text, "--start")
