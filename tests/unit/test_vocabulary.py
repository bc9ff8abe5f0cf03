"""The shared vocabulary: list cells and safe writes."""
import numpy as np
import pytest

from dashboard.loader.vocabulary import as_list, atomic_write


@pytest.mark.parametrize(("cell", "expected"), [
    (["a", "b"], ["a", "b"]), (("a",), ["a"]), (np.array(["a", "b"], dtype=object), ["a", "b"]),
    (None, []), (float("nan"), []), ("turkey", ["turkey"]), (["a", None, 3], ["a", 3]),
], ids=["list", "tuple", "parquet-array", "none", "nan", "bare-string", "mixed"])
def test_as_list_reads_every_shape_of_list_cell(cell, expected):
    assert as_list(cell) == expected


def test_atomic_write_replaces_the_file_and_keeps_its_mode(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text("old")
    path.chmod(0o600)
    atomic_write(path, b"new")
    assert path.read_text() == "new"
    assert path.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["actors.yaml"]
