"""AppTest helpers: the app's entry file by absolute path, a fresh cache per test."""
from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "dashboard" / "app.py")
SEEDS = ROOT / "seeds"


@pytest.fixture(autouse=True)
def clear_caches():
    from dashboard.components.context import clear_briefings

    st.cache_data.clear()
    clear_briefings()
    yield
    st.cache_data.clear()
    clear_briefings()


@pytest.fixture
def app_for(monkeypatch, tmp_path):
    """An AppTest of the whole app on `folder` (the seeds by default), opened on `page` when given."""
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    # users never see tracebacks; tests need the real message when a page raises
    from streamlit import config

    config.set_option("client.showErrorDetails", "full")

    def make(folder: Path = SEEDS, *, page: str | None = None, query: dict | None = None) -> AppTest:
        monkeypatch.setenv("BRIEFING_FOLDER", str(folder))
        at = AppTest.from_file(APP, default_timeout=120)
        for key, value in (query or {}).items():
            at.query_params[key] = value
        at.run()
        if page:
            at.switch_page(f"app_pages/{page}.py")
            at.run()
        return at

    return make


def no_exceptions(at: AppTest) -> None:
    """Fail with the app's own message when a page raised."""
    assert not at.exception, [e.value for e in at.exception]
    failed = [e.value for e in at.error if "could not be drawn" in str(e.value)]
    assert not failed, failed
