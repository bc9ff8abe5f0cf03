"""The README keeps up with the code: every column, every setting, the two opening commands."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from dashboard.loader import schema
from dashboard.loader.settings import ENVIRONMENT

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("table", list(schema.TABLES))
def test_every_column_is_in_the_data_dictionary(table):
    section = README.split(f"### `{table}`", 1)
    assert len(section) == 2, f"README has no data dictionary section for {table}"
    body = section[1].split("\n### ", 1)[0]
    missing = [c for c in schema.TABLES[table] if f"`{c}`" not in body]
    assert not missing, f"{table}: columns missing from the README: {missing}"


@pytest.mark.parametrize("name", list(ENVIRONMENT))
def test_every_setting_is_documented(name):
    assert f"`{name}`" in README


def test_readme_opens_with_the_two_commands():
    blocks = re.findall(r"```(?:bash|sh)?\n(.*?)```", README, flags=re.S)
    assert "scripts/start.sh" in blocks[0] and "scripts/test.sh" in blocks[1]
    ci = (Path(__file__).resolve().parents[2] / ".ci" / "run").read_text(encoding="utf-8")
    assert "scripts/test.sh" in ci
