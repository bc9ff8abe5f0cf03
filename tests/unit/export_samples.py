"""A small briefing written table by table, for the export tests: no NLP, every row known.

Some names and texts carry markup on purpose: the exports must show it as text.
"""
from __future__ import annotations

import pandas as pd

from dashboard.loader import schema
from dashboard.loader.assembly.briefing import Briefing

EVIL_TITLE = 'Talks <script>alert("title")</script> end'
EVIL_NAME = '<img src=x onerror="alert(1)">'
EVIL_QUOTE = "</blockquote><script>alert('q')</script><img src=x onerror=alert(2)>"
EVIL_SUMMARY = "<script>alert('e')</script> talks to continue"
EVIL_SOURCE = '<a href="https://tracker.example/x">Wire</a>'


def _table(name: str, rows: list[dict]) -> pd.DataFrame:
    return schema.cast(pd.DataFrame(rows), name) if rows else schema.empty(name)


def sample_briefing(*, folder: str = "/briefings/turkey_israel-talks", events: bool = True,
                    quotes: bool = True) -> Briefing:
    """Two articles, five actors, three quotes, four events (one reported by both articles)."""
    articles = [
        dict(article_id="a1", file="a1.txt", title=EVIL_TITLE, published="2025-04-10", source=EVIL_SOURCE,
             url="https://example.com/a1", text="x", word_count=100),
        dict(article_id="a2", file="a2.txt", title="Greece answers", published="2025-04-12", source="Wire",
             url=None, text="y", word_count=50),
    ]
    actors = [
        dict(actor_id="turkey", name="Turkey", kind="country", mention_count=9, article_count=2),
        dict(actor_id="israel", name="Israel", kind="country", mention_count=6, article_count=1),
        dict(actor_id="hakan-fidan", name="Hakan Fidan", kind="person", role="Foreign Minister",
             affiliation_id="turkey", mention_count=4, article_count=1),
        dict(actor_id="evil", name=EVIL_NAME, kind="person", mention_count=2, article_count=1),
        dict(actor_id="greece", name="Greece", kind="country", mention_count=3, article_count=1),
        dict(actor_id="baku", name="Baku", kind="place", mention_count=5, article_count=1),
    ]
    placed = [("a1", 0, "turkey"), ("a1", 0, "israel"), ("a1", 0, "baku"), ("a1", 0, "baku"), ("a1", 0, "baku"),
              ("a1", 1, "hakan-fidan"), ("a1", 1, "turkey"), ("a1", 2, "evil"), ("a1", 2, "israel"),
              ("a2", 0, "greece"), ("a2", 0, "turkey"), ("a2", 1, "greece")]
    mentions = [dict(article_id=a, sentence_id=s, start=10 * i, end=10 * i + 5, text=x, actor_id=x, label="GPE")
                for i, (a, s, x) in enumerate(placed)]
    quote_rows = [
        dict(quote_id="a1-q0", article_id="a1", sentence_id=1, kind="direct",
             text="“We want a mechanism that prevents any clash in Syria, and we will keep talking,”",
             cue="said", speaker_id="hakan-fidan", speaker_text="Fidan", confidence="named", about_ids=["israel"],
             start=0, end=5),
        dict(quote_id="a1-q1", article_id="a1", sentence_id=2, kind="direct", text=EVIL_QUOTE, cue="said",
             speaker_id="evil", speaker_text="he", confidence="pronoun", about_ids=[], start=0, end=5),
        dict(quote_id="a2-q0", article_id="a2", sentence_id=1, kind="reported",
             text="that Athens would watch the talks closely and respond if its interests were touched",
             cue="said", speaker_id="greece", speaker_text="Greece", confidence="named", about_ids=["turkey"],
             start=0, end=5),
    ]
    event_rows = [
        dict(event_id="a1-e0", article_id="a1", sentence_id=0, date="2025-04-09", precision="day",
             date_text="on Wednesday", date_text_start=0, date_rule="weekday", tense="past",
             summary="Turkish and Israeli officials met in Baku", actor_ids=["turkey", "israel"], place="Baku",
             source_count=2, report_group="a1-e0"),
        dict(event_id="a2-e0", article_id="a2", sentence_id=0, date="2025-04-09", precision="day",
             date_text="on Wednesday", date_text_start=0, date_rule="weekday", tense="past",
             summary="Officials met in Baku", actor_ids=["turkey", "israel"], place="Baku", source_count=2,
             report_group="a1-e0"),
        dict(event_id="a1-e1", article_id="a1", sentence_id=3, date="2025-04-01", precision="month",
             date_text="in April", date_text_start=0, date_rule="month", tense="future", summary=EVIL_SUMMARY,
             actor_ids=["evil"], place=None, source_count=1, report_group="a1-e1"),
        dict(event_id="a2-e1", article_id="a2", sentence_id=2, date=None, precision="none", date_text=None,
             date_text_start=None, date_rule=None, tense="present", summary="Greece watches", actor_ids=["greece"],
             place=None, source_count=1, report_group="a2-e1"),
    ]
    return Briefing(
        folder=folder, articles=_table("articles", articles), sentences=schema.empty("sentences"),
        actors=_table("actors", actors), mentions=_table("mentions", mentions),
        quotes=_table("quotes", quote_rows if quotes else []), events=_table("events", event_rows if events else []),
    )


# Article files for the tests that go through the loader: quotes with speech verbs, dates, markup.
ARTICLE_FILES = {
    "talks.txt": (
        "Turkey and Israel open talks in Baku\n"
        "Turkish and Israeli officials met in Baku on Wednesday to set up a channel that would prevent clashes "
        "in Syria.\n"
        "\"We will keep talking until we have a mechanism that works,\" Foreign Minister Hakan Fidan said.\n"
        "Israel said on Thursday that the talks would resume next month.\n"
    ),
    "talks.meta.yaml": "published: 2025-04-10\nsource: Example News\n",
    "trade.txt": (
        "Brazil <script>alert('title')</script> signs deal\n"
        "Brazil signed a trade deal with Argentina on Monday <img src=x onerror=alert(2)>.\n"
        "\"The deal <script>alert(3)</script> opens our markets,\" she said.\n"
        "Argentine Economy Minister Luis Caputo said the agreement would cut tariffs.\n"
    ),
    "trade.meta.yaml": "published: 2025-04-08\nsource: <b>Wire</b>\n",
}
