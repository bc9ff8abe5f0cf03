"""The column dictionary: every column of every table, defined once.

Each table lists its columns in order; `cast` applies the dtypes at the one boundary where tables
leave the loader, so the app and the exports can rely on them.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.loader.vocabulary import as_list


@dataclass(frozen=True)
class Field:
    name: str
    dtype: str
    description: str


FIELDS: dict[str, Field] = {
    f.name: f
    for f in [
        Field("article_id", "string", "Stable id of an article: a hash of its text, so a renamed file keeps its id."),
        Field("file", "string", "File name of the article within the briefing folder."),
        Field("title", "string", "Headline: from metadata, else the first non-empty line."),
        Field("published", "datetime64[ns]", "Publication date from metadata; NaT when unknown."),
        Field("source", "string", "Publisher or outlet, from metadata."),
        Field("url", "string", "Address of the original article, from metadata."),
        Field("text", "string", "The article's whole text: headline line first, front matter removed."),
        Field("word_count", "Int64", "Words in the article text."),
        Field("sentence_id", "Int64", "Index of a sentence within its article, from 0."),
        Field("start", "Int64", "Character offset where the span starts in the article text."),
        Field("end", "Int64", "Character offset just past the span's end in the article text."),
        Field("actor_id", "string", "Stable id of a canonical actor (a slug of its name)."),
        Field("name", "string", "Canonical name of an actor."),
        Field("kind", "string", "What an actor is: person | organization | country | group | place | other."),
        Field("role", "string", "Title or function the text gives an actor (e.g. Foreign Minister)."),
        Field("affiliation_id", "string", "actor_id of the country or organisation an actor belongs to."),
        Field("aliases", "object", "Every surface form of an actor seen in the articles (list of str)."),
        Field("mention_count", "Int64", "How many mentions an actor has across the briefing."),
        Field("article_count", "Int64", "How many articles mention an actor."),
        Field("label", "string", "spaCy entity label the mention came from, or the rule that found it."),
        Field("quote_id", "string", "Stable id of a quote: article id and position."),
        Field("cue", "string", "Speech verb or phrase that introduces a quote (said, told, according to)."),
        Field("speaker_id", "string", "actor_id of the speaker; null when the speaker cannot be found."),
        Field("speaker_text", "string", "Words in the text that name the speaker (may be a pronoun or title)."),
        Field("confidence", "string",
              "How the speaker was found. named: the speaker's name stands in the clause of the cue (its subject, "
              "'according to X', 'a spokesman for X'); title: a title or role noun resolved to the actor it names "
              "nearby ('the ministry', 'the minister', 'the company'); pronoun: 'he', 'it' or 'they' resolved to "
              "the nearest fitting actor before it; carried: a quote with no cue of its own that takes the speaker of "
              "the quote, the speech verb or the one person acting just before it, of the quote it runs into, or "
              "(in a headline) of the body's quote of the same words; none: no speaker found, speaker_id is null."),
        Field("about_ids", "object", "actor_ids mentioned inside the quote (list of str)."),
        Field("subject_ids", "object", "subject_ids named in the quote, or in the event's sentence (list of str)."),
        Field("subject_id", "string", "Stable id of a subject (a slug of its name, kept apart from actor ids)."),
        Field("event_id", "string", "Stable id of an event: article id and position."),
        Field("trigger", "string",
              "The event word as written, after TimeML: the main verb (not its auxiliary), or the event noun of a "
              "light verb or of a nominal event ('held talks' -> talks); a phrasal verb keeps its particle."),
        Field("trigger_start", "Int64", "Character offset where the event word starts in the article text."),
        Field("trigger_end", "Int64", "Character offset just past the event word's end in the article text."),
        Field("lemma", "string", "Dictionary form of the event word (e.g. 'hold', 'talks', 'call off')."),
        Field("event_class", "string",
              "occurrence | reporting (said, announced, told) | intention (a plan or statement of intent, 'will "
              "hold', 'plans to buy') | state ('is president', 'maintains a zone') | negated ('did not sell', "
              "'denied it had sold') | hypothetical ('could be delayed', 'if ...'). Only occurrence, reporting "
              "and state say that something took place."),
        Field("agent_ids", "object",
              "actor_ids of who acted: the subject, or the 'by' phrase of a passive (list of str)."),
        Field("patient_ids", "object",
              "actor_ids of whom the event was done to: the object, or the subject of a passive (list of str)."),
        Field("headline", "string",
              "One short sentence that says who did what to whom, where: pronouns and descriptions replaced "
              "by the actor's name; a reporting event keeps what was reported."),
        Field("salience", "Float64",
              "How much the event matters, 0 to 1: dated (finer is more), both sides named, reported by several "
              "sources, in the lead of its article, something that happened rather than a statement or plan."),
        Field("date", "datetime64[ns]", "Start of the day, week, month or year the event happened; NaT when undated."),
        Field("precision", "string", "day | week | month | year | none."),
        Field("date_text", "string", "Words that dated the event (e.g. 'on Wednesday')."),
        Field("date_text_start", "Int64", "Character offset where date_text starts in the article text."),
        Field("date_rule", "string",
              "Rule that resolved the date (e.g. weekday-before-publication); inherited-clause, inherited-sentence "
              "or inherited-paragraph when the event took the date of the clause, joined clause or paragraph "
              "around it, inherited-occasion when that of the occasion it took place at ('at Monday's meeting'); "
              "past-tense-no-date, present-perfect-no-date and the like when undated."),
        Field("tense", "string", "past | present | future: the tense of the event's clause."),
        Field("summary", "string", "Short clause that says what happened (the headline)."),
        Field("actor_ids", "object",
              "actor_ids taking part in the event: agents, patients and others named in it (list of str)."),
        Field("place", "string", "Where the event happened, when the text says so."),
        Field("source_count", "Int64", "How many articles report the same event."),
        Field("report_group", "string",
              "The same for every report of one event across the briefing's articles: the event_id of its first "
              "report; an event that one article alone reports has its own event_id."),
        Field("is_corrected", "boolean", "True when an analyst corrected the row (corrections.yaml)."),
    ]
}

# A column that several tables share but that means something else in one of them is defined again for
# that table: a quote's `kind` is not an actor's, and `text` is the article, the sentence, the mention or
# the quote. `field(table, column)` gives the definition that applies.
TABLE_FIELDS: dict[tuple[str, str], Field] = {
    ("subjects", "kind"): Field("kind", "string", "What a subject is: product | index | currency | law | event."),
    ("subjects", "name"): Field("name", "string", "Canonical name of a subject."),
    ("subjects", "aliases"): Field("aliases", "object", "Every surface form of a subject seen in the articles "
                                   "(list of str)."),
    ("subjects", "mention_count"): Field("mention_count", "Int64", "How many mentions a subject has across the "
                                         "briefing."),
    ("subjects", "article_count"): Field("article_count", "Int64", "How many articles mention a subject."),
    ("subject_mentions", "text"): Field("text", "string", "The words that name the subject."),
    ("quotes", "kind"): Field("kind", "string", "What a quote is: direct (words in quotation marks) | reported."),
    ("sentences", "text"): Field("text", "string", "The sentence's words."),
    ("mentions", "text"): Field("text", "string", "The words that name the actor."),
    ("quotes", "text"): Field("text", "string", "The quoted or reported words."),
}


def field(table: str, column: str) -> Field:
    """The definition of `column` in `table`: its own where the table gives one, else the shared one."""
    return TABLE_FIELDS.get((table, column)) or FIELDS[column]


TABLES: dict[str, list[str]] = {
    "articles": ["article_id", "file", "title", "published", "source", "url", "text", "word_count"],
    "sentences": ["article_id", "sentence_id", "start", "end", "text"],
    "actors": ["actor_id", "name", "kind", "role", "affiliation_id", "aliases", "mention_count", "article_count"],
    "mentions": ["article_id", "sentence_id", "start", "end", "text", "actor_id", "label"],
    "quotes": [
        "quote_id", "article_id", "sentence_id", "kind", "text", "cue", "speaker_id", "speaker_text",
        "confidence", "about_ids", "start", "end", "subject_ids", "is_corrected",
    ],
    "events": [
        "event_id", "article_id", "sentence_id", "trigger", "trigger_start", "trigger_end", "lemma", "event_class",
        "date", "precision", "date_text", "date_text_start", "date_rule", "tense", "headline", "summary",
        "actor_ids", "agent_ids", "patient_ids", "place", "salience", "source_count", "report_group", "subject_ids",
        "is_corrected",
    ],
    "subjects": ["subject_id", "name", "kind", "aliases", "mention_count", "article_count"],
    "subject_mentions": ["article_id", "sentence_id", "start", "end", "text", "subject_id"],
}

ROW_MEANING: dict[str, str] = {
    "articles": "article file that loaded",
    "sentences": "sentence of an article",
    "actors": "real-world actor (person, organisation, country, group or place)",
    "mentions": "place in the text that names an actor",
    "quotes": "direct quotation or piece of reported speech",
    "events": "event an article reports: an action, occurrence, state or statement and who took part, dated or not",
    "subjects": "subject a briefing follows beside its actors: a product, market index, currency, law or named event",
    "subject_mentions": "place in the text that names a subject",
}

KEYS: dict[str, list[str]] = {
    "articles": ["article_id"],
    "sentences": ["article_id", "sentence_id"],
    "actors": ["actor_id"],
    "mentions": ["article_id", "start"],
    "quotes": ["quote_id"],
    "events": ["event_id"],
    "subjects": ["subject_id"],
    "subject_mentions": ["article_id", "start"],
}


def empty(table: str) -> pd.DataFrame:
    """An empty frame of `table` with every column and its dtype."""
    return cast(pd.DataFrame(columns=TABLES[table]), table)


def _list_cell(value: object) -> list:
    """`as_list(value)`, with a quick way for the usual cell, a list of str (nothing to leave out)."""
    if type(value) is list:
        try:
            "".join(value)  # raises TypeError unless every item is a str: checked in C, not item by item
        except TypeError:
            return as_list(value)
        return value.copy()  # a list of its own, as as_list gives, so the caller's list is not shared
    return as_list(value)


def cast(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Return `df` with exactly the columns of `table`, in order, each in its declared dtype.

    Missing columns are added empty; extra columns are an error, so a typo cannot slip through.
    """
    extra = set(df.columns) - set(TABLES[table])
    if extra:
        raise ValueError(f"table {table!r} has columns not in the schema: {sorted(extra)}")
    # every column first, then one frame of them: a frame grown a column at a time costs pandas a
    # new block and index lookup per column, more than the casts at the sizes a briefing has
    columns: dict[str, pd.Series] = {}
    for col in TABLES[table]:
        dtype = field(table, col).dtype
        values = df[col] if col in df.columns else pd.Series([None] * len(df), index=df.index, dtype="object")
        if dtype == "object":
            columns[col] = pd.Series([_list_cell(v) for v in values.tolist()], index=df.index, dtype="object")
        elif dtype.startswith("datetime64"):
            columns[col] = pd.to_datetime(values, errors="coerce").astype(dtype)
        else:
            columns[col] = values.astype(dtype)
    return pd.DataFrame(columns, index=df.index).reset_index(drop=True)

