"""First names given to one gender: read from the reference data once, then from a small table in the cache."""
from __future__ import annotations

import pytest

from dashboard.loader.actors import first_names
from dashboard.loader.actors.first_names import first_name_gender


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path))
    first_names._names.cache_clear()
    yield tmp_path
    first_names._names.cache_clear()


@pytest.mark.parametrize(("name", "expected"), [
    ("Catherine Pugh", "f"), ("Bernard Young", "m"), ("José Pérez", "m"), ("Zoë Ball", "f"),
    ("Jean-Luc Picard", "m"),
    ("Jordan Walsh", None), ("Kim Lee", None),  # given to women and men alike
    ("Walsh", None), ("J. Smith", None), ("Mr. Smith", None),  # a surname alone, an initial, an honorific
])
def test_first_name_gender(fresh_cache, name, expected):
    assert first_name_gender(name) == expected


def test_the_table_is_written_once_and_read_back(fresh_cache):
    assert first_name_gender("Laura Baines") == "f"
    tables = list(fresh_cache.glob("first-names-*.tsv"))
    assert len(tables) == 1
    first_names._names.cache_clear()
    tables[0].write_text("laura\tm\t30\n", encoding="utf-8")  # what is read is the table, not the data again
    assert first_name_gender("Laura Baines") == "m"


def test_a_damaged_table_is_derived_again(fresh_cache):
    first_name_gender("Laura Baines")
    table = next(fresh_cache.glob("first-names-*.tsv"))
    table.write_text("not a table\n", encoding="utf-8")
    first_names._names.cache_clear()
    assert first_name_gender("Laura Baines") == "f"
    assert "laura\tf\t" in table.read_text(encoding="utf-8")
