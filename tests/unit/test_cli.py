"""`python -m dashboard.loader FOLDER --out DIR`."""
from __future__ import annotations

import pandas as pd

from dashboard.loader.__main__ import main


def test_cli_writes_every_table_and_reports_bad_files(write_articles, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    folder = write_articles({
        "good.txt": "Talks in Ankara\nTurkish officials met Greek diplomats in Athens.\n",
        "empty.txt": "",
    })
    out = tmp_path / "out"
    assert main([str(folder), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "empty.txt: empty file" in printed
    for name in ("articles", "sentences", "actors", "mentions", "quotes", "events"):
        assert (out / f"{name}.parquet").exists()
    assert pd.read_parquet(out / "articles.parquet")["file"].tolist() == ["good.txt"]


def test_cli_says_when_the_folder_is_missing(tmp_path, capsys):
    assert main([str(tmp_path / "nowhere")]) == 2
    assert "does not exist" in capsys.readouterr().err
