"""Links between pages: the reader at a sentence, an actor's profile. They keep the actor filter."""
from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlencode

import pandas as pd


def _filter_params(actors: Sequence[str], mode: str) -> list[tuple[str, str]]:
    params = [("actor", a) for a in actors]
    if actors and mode != "any":
        params.append(("mode", mode))
    return params


def reader_params(article_id: str, sentence_id: object = None, *, actors: Sequence[str] = (),
                  mode: str = "any") -> list[tuple[str, str]]:
    """Query parameters that open the reader on an article (and a sentence of it).

    actors / mode: the actor filter in force, by actor name, carried as `actor` and `mode`.
    """
    params: list[tuple[str, str]] = [("article", str(article_id))]
    if sentence_id is not None and pd.notna(sentence_id):
        params.append(("sentence", str(int(sentence_id))))  # type: ignore[call-overload]
    return params + _filter_params(actors, mode)


def reader_link(article_id: str, sentence_id: object = None, *, actors: Sequence[str] = (),
                mode: str = "any") -> str:
    """Relative link to the reader on an article (and a sentence of it), keeping the actor filter."""
    return "reader?" + urlencode(reader_params(article_id, sentence_id, actors=actors, mode=mode))


def profile_link(name: str, *, actors: Sequence[str] = (), mode: str = "any") -> str:
    """Relative link to the actor page with `name` profiled, keeping the actor filter."""
    return "actors?" + urlencode([("profile", name), *_filter_params(actors, mode)])
