"""Every table leaves the loader with exactly the schema's columns and dtypes."""
from __future__ import annotations

import pandas as pd
import pytest

from dashboard.loader import schema

TABLES = list(schema.TABLES)


@pytest.mark.parametrize("table", TABLES, ids=TABLES)
def test_seed_tables_match_the_schema(seed_briefing, table):
    df = getattr(seed_briefing, table)
    assert list(df.columns) == schema.TABLES[table]
    for col in df.columns:
        assert str(df[col].dtype) == str(pd.Series(dtype=schema.field(table, col).dtype).dtype), col


@pytest.mark.parametrize("table", TABLES, ids=TABLES)
def test_table_keys_are_unique(seed_briefing, table):
    df = getattr(seed_briefing, table)
    assert not df.duplicated(subset=schema.KEYS[table]).any()


def test_cast_refuses_columns_outside_the_schema():
    with pytest.raises(ValueError, match="not in the schema"):
        schema.cast(pd.DataFrame({"actor_id": ["x"], "nickname": ["y"]}), "actors")


def test_empty_tables_have_every_column():
    for table in TABLES:
        assert list(schema.empty(table).columns) == schema.TABLES[table]


def test_a_shared_column_name_has_one_meaning_per_table():
    assert "direct" in schema.field("quotes", "kind").description
    assert "direct" not in schema.field("actors", "kind").description
    assert schema.field("quotes", "text").description != schema.field("articles", "text").description


def test_cast_reads_list_cells_as_as_list_does_and_copies_them():
    names = ["turkey", "israel"]
    cells = [names, ["a", None, float("nan"), pd.NA], ("a",), "syria", None, float("nan"), [1, "b"]]
    df = schema.cast(pd.DataFrame({"actor_id": [f"x{i}" for i in range(len(cells))],
                                   "aliases": pd.Series(cells, dtype="object")}), "actors")
    assert df["aliases"].tolist() == [["turkey", "israel"], ["a"], ["a"], ["syria"], [], [], [1, "b"]]
    assert df["aliases"].iloc[0] is not names  # the caller's list is not shared with the table
