"""The browser tests' article sets live in tests/corpora.py, shared with the app tests."""
from tests.corpora import *  # noqa: F401,F403
