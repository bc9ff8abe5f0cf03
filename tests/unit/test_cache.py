"""The on-disk cache: a warm load gives the cold load's briefing, and any input change is seen."""
from __future__ import annotations

import os

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
    return sorted(p for p in (cache_dir / "briefings").iterdir() if not p.name.startswith("."))


def every_file(cache_dir) -> list:
    return sorted(p for p in cache_dir.rglob("*") if p.is_file())


@pytest.fixture
def folder(write_articles):
    return write_articles(ARTICLES)


def test_warm_load_reads_one_entry_and_equals_the_cold_load(folder, tmp_path, nlp, monkeypatch):
    cold = load_briefing(folder, cache_dir=tmp_path / "cache", nlp=nlp)
    assert len(briefing_entries(tmp_path / "cache")) == 1
    # a warm load needs no per-article entry and no parsing at all
    monkeypatch.setattr(ArticleCache, "get_many", lambda self, keys: pytest.fail("per-article entry read"))
    warm = load_briefing(folder, cache_dir=tmp_path / "cache", nlp=nlp)
    assert_same_briefing(warm, cold)


def test_an_unchanged_folder_is_not_read_again(folder, tmp_path, nlp, monkeypatch):
    from dashboard.loader.assembly import briefing as briefing_module

    cold = load_briefing(folder, cache_dir=tmp_path / "cache", nlp=nlp)
    read = briefing_module.read_folder
    monkeypatch.setattr(briefing_module, "read_folder", lambda *a, **k: pytest.fail("articles read again"))
    assert_same_briefing(load_briefing(folder, cache_dir=tmp_path / "cache", nlp=nlp), cold)
    # a file touched (its time changed, its words not) is read again, and gives the same briefing
    os.utime(folder / "one.txt", ns=(0, 10**18))
    monkeypatch.setattr(briefing_module, "read_folder", read)
    assert_same_briefing(load_briefing(folder, cache_dir=tmp_path / "cache", nlp=nlp), cold)


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
    for entry in every_file(tmp_path / "cache"):
        entry.write_bytes(b"not an entry")
    assert_same_briefing(load_briefing(folder, cache_dir=tmp_path / "cache", nlp=nlp), cold)


# --- issue 17: the cache holds data, never code, and checks what it reads

class _Planted:
    """A pickle that, when loaded, leaves a file behind: what a crafted cache entry could do."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (open, (self.marker, "w"))


def test_the_cache_holds_only_parquet_and_json(folder, tmp_path, nlp):
    load_briefing(folder, cache_dir=tmp_path / "cache", nlp=nlp)
    files = every_file(tmp_path / "cache")
    assert files and {p.suffix for p in files} == {".parquet", ".json"}
    assert not [p for p in files if p.read_bytes()[:1] == b"\x80"], "no pickle"


def test_a_crafted_pickle_in_the_cache_never_runs(folder, tmp_path, nlp):
    import pickle

    cold = load_briefing(folder, cache_dir=tmp_path / "cache", nlp=nlp)
    marker = tmp_path / "code-ran"
    for entry in every_file(tmp_path / "cache"):
        entry.write_bytes(pickle.dumps(_Planted(marker)))
    assert_same_briefing(load_briefing(folder, cache_dir=tmp_path / "cache", nlp=nlp), cold)
    assert not marker.exists()


def _swap(entry, one: str, other: str) -> None:
    a, b = entry / f"{one}.parquet", entry / f"{other}.parquet"
    data = a.read_bytes()
    a.write_bytes(b.read_bytes())
    b.write_bytes(data)


@pytest.mark.parametrize("damage", ["swapped-tables", "wrong-dtype", "issues-shape", "article-shape"])
def test_a_well_formed_entry_of_the_wrong_shape_is_rebuilt_with_a_warning(folder, tmp_path, nlp, caplog, damage):
    import json

    cold = load_briefing(folder, cache_dir=tmp_path / "cache", nlp=nlp)
    [entry] = briefing_entries(tmp_path / "cache")
    if damage == "swapped-tables":
        _swap(entry, "mentions", "quotes")
    elif damage == "wrong-dtype":
        table = pd.read_parquet(entry / "events.parquet")
        table["date"] = table["date"].astype(str)
        table.to_parquet(entry / "events.parquet")
    elif damage == "issues-shape":
        (entry / "issues.json").write_text(json.dumps({"format": 2, "issues": [{"file": 1}]}))
    else:  # per-article entries with a table of the wrong columns, and no briefing to fall back on
        import shutil

        shutil.rmtree(entry)
        for shard in (tmp_path / "cache" / "articles").iterdir():
            _swap(shard, "quotes", "sentences")
    damaged = set((tmp_path / "cache" / "articles").iterdir())
    with caplog.at_level("WARNING"):
        warm = load_briefing(folder, cache_dir=tmp_path / "cache", nlp=nlp)
    assert_same_briefing(warm, cold)
    assert any("rebuilding it" in r.getMessage() for r in caplog.records)
    if damage == "article-shape":  # a refused entry is removed, not read and refused on every load
        assert damaged.isdisjoint((tmp_path / "cache" / "articles").iterdir())


def test_progress_counts_articles_up_to_the_total(folder, tmp_path, nlp, write_articles):
    seen: list[tuple[int, int]] = []
    load_briefing(folder, cache_dir=tmp_path / "cache", nlp=nlp, progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 2) and seen[-1] == (2, 2)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    write_articles({"three.txt": "New talks\nHamas officials arrived in Doha on Tuesday.\n"}, folder)
    seen.clear()
    load_briefing(folder, cache_dir=tmp_path / "cache", nlp=nlp, progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (2, 3) and seen[-1] == (3, 3), "cached articles count as done at once"
    seen.clear()
    load_briefing(folder, cache_dir=tmp_path / "cache", nlp=nlp, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(3, 3)], "a warm load is done at once"


def test_a_warm_load_never_imports_spacy(write_articles, tmp_path, nlp):
    import subprocess
    import sys

    folder = write_articles(ARTICLES)
    load_briefing(folder, cache_dir=tmp_path / "cache", nlp=nlp)
    script = ("import sys; from dashboard.loader import load_briefing; "
              f"b = load_briefing({str(folder)!r}, cache_dir={str(tmp_path / 'cache')!r}); "
              "print(len(b.articles), 'spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["2", "False"], "the app reads a cached briefing without the language model's code"
