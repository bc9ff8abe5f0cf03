"""Fixtures shared by every test folder: the real spaCy model, loaded once per test session."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp():
    """The trained English pipeline the loader uses, with the loader's own steps."""
    from dashboard.loader import build_nlp
    from dashboard.loader.settings import Settings

    return build_nlp(Settings().model)


@pytest.fixture(scope="session")
def seed_briefing(tmp_path_factory):
    """The shipped seed briefing, loaded cold into a private cache."""
    from dashboard.loader import load_briefing

    return load_briefing(SEEDS, cache_dir=tmp_path_factory.mktemp("seed-cache"))


@pytest.fixture
def write_articles(tmp_path):
    """Write {file name: text or bytes} into a fresh folder and return it."""
    from tests.files import write

    def write_into(files: dict[str, str | bytes], folder: Path | None = None) -> Path:
        return write(folder or tmp_path / "articles", files)

    return write_into
