"""The on-disk cache: a warm load gives the cold load's briefing, and any input change is seen."""
from __future__ import annotations

import pandas as pd
import pytest

from dashboard.loader import load_briefing
from dashboard.loader.assembly.cache import ArticleCache

ARTICLES = {
    "one.txt": "Talks in Cairo\nHakan Fidan met Egyptian officials in Cairo on Monday, the ministry said.\n",
    "two.txt": "Markets steady\nGeneral Motors said on Wednesday that sales rose in March.\n",
}


def assert_same_briefing(got, want) -> None:
    for name in want.TABLES:
        pd.testing.assert_frame_equal(getattr(got, name), getattr(want, name), obj=name)
    assert got.issues == want.issues


def briefing_entries(cache_dir) -> list:
    return sorted((cache_dir / "briefings").glob("*.pkl"))


@pytest.fixture
def folder(write_articles):
    return write_articles(ARTICLES)


def test_warm_load_reads_one_entry_and_equals_the_cold_load(folder, tmp_path, nlp, monkeypatch):
    cold = load_briefing(folder, cache_dir=tmp_path / "cache", nlp=nlp)
    assert len(briefing_entries(tmp_path / "cache")) == 1
    # a warm load needs no per-article entry and no parsing at all
    monkeypatch.setattr(ArticleCache, "get", lambda self, key: pytest.fail("per-article entry read"))
    warm = load_briefing(folder, cache_dir=tmp_path / "cache", nlp=nlp)
    assert_same_briefing(warm, cold)


@pytest.mark.parametrize("change", [
    {"three.txt": "New talks\nHamas officials arrived in Doha on Tuesday.\n"},
    {"two.meta.yaml": "title: Car sales rise\nsource: Wire\n"},
    {"two.txt": "Markets steady\nGeneral Motors said on Thursday that sales rose in April.\n"},
    {"actors.yaml": "actors:\n  - rename: General Motors\n    to: GM Company\n"},
    {"notes.csv": "not,an,article\n"},
], ids=["article-added", "metadata-changed", "text-changed", "registry-changed", "file-skipped"])
def test_a_changed_input_gives_the_tables_a_cold_load_gives(folder, tmp_path, nlp, write_articles, change):
    load_briefing(folder, cache_dir=tmp_path / "cache", nlp=nlp)
    write_articles(change, folder)
    warm = load_briefing(folder, cache_dir=tmp_path / "cache", nlp=nlp)
    assert_same_briefing(warm, load_briefing(folder, use_cache=False, nlp=nlp))


def test_only_the_most_recent_briefings_are_kept(folder, tmp_path, nlp, write_articles, monkeypatch):
    monkeypatch.setattr(ArticleCache, "KEEP_BRIEFINGS", 2)
    for n in range(3):
        write_articles({f"extra{n}.txt": f"Extra {n}\nOfficials met in Rome on day {n + 1}.\n"}, folder)
        load_briefing(folder, cache_dir=tmp_path / "cache", nlp=nlp)
    assert len(briefing_entries(tmp_path / "cache")) == 2


def test_a_broken_entry_is_rebuilt(folder, tmp_path, nlp):
    cold = load_briefing(folder, cache_dir=tmp_path / "cache", nlp=nlp)
    for entry in [*briefing_entries(tmp_path / "cache"), *(tmp_path / "cache").glob("*.pkl")]:
        entry.write_bytes(b"not a pickle")
    assert_same_briefing(load_briefing(folder, cache_dir=tmp_path / "cache", nlp=nlp), cold)
