"""Bad input at the loader: every broken file gets a clear ingest report row and nothing else is lost."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard.loader import FolderNotFound, load_briefing, schema
from dashboard.loader.reading.folder import read_folder
from dashboard.loader.reading.sources import MAX_CHARS, read_article

GOOD_A = "Ankara hosts talks\nTurkish and Greek officials met in Ankara on Monday, the ministry said.\n"
GOOD_B = "Brazil signs a deal\nBrazil signed a trade deal with Argentina on Friday, officials said.\n"
GERMAN = ("Gespräche in Baku\nDie Außenminister der Türkei und Israels trafen sich am Mittwoch in Baku, um über die "
          "Lage in Syrien zu sprechen. Das Ministerium teilte mit, die Gespräche seien konstruktiv gewesen.\n")
SOON = dt.date.today() + dt.timedelta(days=30)
LIMIT = 5_000_000


def _read(tmp_path, name: str, content: str | bytes):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    article, issues = read_article(path, max_bytes=LIMIT)
    return article, [(i.file, i.level, i.message) for i in issues]


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"", "empty file: nothing to load"),
    ("blank.md", b"\n  \n\t\n", "empty file: nothing to load"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
     "binary file (it contains NUL bytes), not text: skipped"),
    ("controls.txt", bytes(range(1, 32)) * 50, "binary file (mostly control bytes), not text: skipped"),
    ("title.txt", "Only a headline here\n\n", "only a title, no article text: nothing to analyse"),
    ("meta-only.md", "---\ntitle: A title and nothing else\n---\n",
     "only metadata, no article text: nothing to analyse"),
    ("page.html", "<html><body><script>alert(1)</script></body></html>", "no article text found in this web page"),
    ("long.txt", "Title\n" + "word " * (MAX_CHARS // 5 + 10),
     f"text is {MAX_CHARS + 56:,} characters, over the {MAX_CHARS:,} the language model reads at once: "
     "split it into articles"),
], ids=["empty", "whitespace", "binary-nul", "binary-controls", "only-title", "only-front-matter",
        "html-without-text", "over-model-length"])
def test_unreadable_files_are_skipped_with_a_reason(tmp_path, name, content, message):
    article, issues = _read(tmp_path, name, content)
    assert article is None
    assert issues == [(name, "error", message)]


def test_a_huge_file_is_skipped_without_being_read(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.write(b"Huge\n" + b"Officials met on Monday. " * 1_300_000)  # about 33 MB
    article, issues = read_article(path, max_bytes=LIMIT)
    assert article is None
    assert [(i.level, i.message) for i in issues] == [
        ("error", "file is 32.5 MB, over the 5.0 MB limit (BRIEFING_MAX_BYTES): split it or raise the limit")]


@pytest.mark.parametrize("content, title, note", [
    ("Café talks in Ankara\nOfficials met on Monday – the ministry said.\n".encode("cp1252"),
     "Café talks in Ankara", "not UTF-8: read as Windows-1252"),
    ("Café talks in Ankara\nOfficials met on Monday, the ministry said.\x81\n".encode("latin-1"),
     "Café talks in Ankara", "not UTF-8: read as Latin-1"),
    (GOOD_A.encode("utf-16"), "Ankara hosts talks", "UTF-16 text: read as UTF-16"),
], ids=["windows-1252", "latin-1", "utf-16"])
def test_text_that_is_not_utf8_loads_with_a_note(tmp_path, content, title, note):
    article, issues = _read(tmp_path, "a.txt", content)
    assert article.title == title
    assert issues == [("a.txt", "warning", note)]


def test_utf8_with_a_byte_order_mark_loads_cleanly(tmp_path):
    article, issues = _read(tmp_path, "bom.txt", "\ufeff".encode() + GOOD_A.encode())
    assert (article.title, article.text, issues) == ("Ankara hosts talks", GOOD_A, [])


def test_an_article_not_in_english_loads_with_a_warning(tmp_path):
    article, issues = _read(tmp_path, "de.txt", GERMAN)
    assert article.title == "Gespräche in Baku"
    assert issues == [("de.txt", "warning", "does not look like English: loaded, but the English model will miss "
                       "most actors, quotes and dates")]


def test_a_short_english_article_is_not_taken_for_another_language(tmp_path):
    _, issues = _read(tmp_path, "en.txt", GOOD_A)
    assert issues == []


@pytest.mark.parametrize("front, message", [
    ("---\ntitle: [unclosed\n---\n",
     "front matter is not valid YAML (while parsing a flow sequence): metadata ignored"),
    ("---\n- a list\n- not a mapping\n---\n", "front matter is not a set of 'key: value' lines: metadata ignored"),
    ("---\nsource: !!python/object:os.system echo\n---\n",
     "front matter is not valid YAML (could not determine a constructor for the tag "
     "'tag:yaml.org,2002:python/object:os.system'): metadata ignored"),
], ids=["bad-yaml", "not-a-mapping", "unsafe-tag"])
def test_malformed_front_matter_is_reported_and_the_text_kept(tmp_path, front, message):
    article, issues = _read(tmp_path, "a.md", front + GOOD_A)
    assert (article.title, article.text, article.source) == ("Ankara hosts talks", GOOD_A, None)
    assert issues == [("a.md", "warning", message)]


def test_front_matter_that_never_closes_is_read_as_text(tmp_path):
    article, issues = _read(tmp_path, "a.md", "---\ntitle: x\n" + GOOD_A)
    assert article.text.endswith(GOOD_A)
    assert issues == [("a.md", "warning", "front matter opens with '---' but never closes: read as plain text")]


@pytest.mark.parametrize("value, published, message", [
    (SOON.isoformat(), pd.Timestamp(SOON), f"published date {SOON} is in the future: check it"),
    ("3000-01-01", None, "published date '3000-01-01' is out of range: left unknown"),
    ("'3000-01-01'", None, "published date '3000-01-01' is out of range: left unknown"),
    ("soon-ish", None, "published date 'soon-ish' is not a date (use YYYY-MM-DD): left unknown"),
], ids=["future", "out-of-range-date", "out-of-range-string", "not-a-date"])
def test_odd_publication_dates_are_reported(tmp_path, value, published, message):
    article, issues = _read(tmp_path, "a.md", f"---\npublished: {value}\n---\n" + GOOD_A)
    assert article.published == published
    assert issues == [("a.md", "warning", message)]


def test_the_same_article_twice_is_loaded_once(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD_A, encoding="utf-8")
    (tmp_path / "b.md").write_text("---\nsource: Wire\n---\n" + GOOD_A.replace("\n", "\r\n"), encoding="utf-8")
    articles, issues = read_folder(tmp_path, max_bytes=LIMIT)
    assert [a.file for a in articles] == ["a.txt"]
    assert [(i.file, i.level, i.message) for i in issues] == [("b.md", "warning", "same text as a.txt: loaded once")]


def test_unsupported_files_are_listed_and_hidden_files_ignored(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD_A, encoding="utf-8")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "notes").write_text("x", encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / ".upload-tmp.txt").write_text(GOOD_B, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    articles, issues = read_folder(tmp_path, max_bytes=LIMIT)
    assert [a.file for a in articles] == ["a.txt"]
    assert [(i.file, i.level, i.message) for i in issues] == [
        ("notes", "error", "unsupported file type '(none)': use one of .htm, .html, .markdown, .md, .txt"),
        ("report.pdf", "error", "unsupported file type '.pdf': use one of .htm, .html, .markdown, .md, .txt"),
    ]


@pytest.mark.parametrize("is_file", [False, True], ids=["missing", "a-file"])
def test_a_folder_that_does_not_exist_says_so(tmp_path, is_file):
    target = tmp_path / ("file.txt" if is_file else "missing")
    if is_file:
        target.write_text("x", encoding="utf-8")
    with pytest.raises(FolderNotFound, match=f"briefing folder '{target}' does not exist or is not a folder"):
        load_briefing(target, cache_dir=tmp_path / "cache")


@pytest.mark.parametrize("files", [{}, {"notes.pdf": b"%PDF"}, {"empty.txt": b""}],
                         ids=["empty", "pdf-only", "broken-only"])
def test_a_folder_without_articles_gives_empty_tables_and_says_so(tmp_path, write_articles, files):
    folder = write_articles(files, tmp_path / "briefing")
    b = load_briefing(folder, cache_dir=tmp_path / "cache")
    for name, table in b.tables().items():
        assert table.empty, name
        assert list(table.columns) == list(schema.empty(name).columns), name
    assert b.ingest_report.iloc[-1].tolist() == [
        "briefing/", "warning", "no articles in this folder: add .txt, .md or .html files to it"]
    assert len(b.ingest_report) == len(files) + 1


def test_broken_files_do_not_stop_the_others(tmp_path, write_articles, nlp):
    folder = write_articles({
        "a.txt": GOOD_A,
        "b.md": "---\npublished: 2025-04-10\nsource: Wire\n---\n" + GOOD_B,
        "copy.txt": GOOD_A,
        "empty.txt": b"",
        "binary.txt": b"\x00\x01\x02\x03" * 100,
        "cp1252.txt": "Café talks\nOfficials met in Ankara on Monday – the ministry said.\n".encode("cp1252"),
        "german.txt": GERMAN,
        "bad-yaml.md": "---\ntitle: [oops\n---\nRome talks\nItalian officials met in Rome on Tuesday.\n",
        "future.md": f"---\npublished: {SOON}\n---\nParis talks\nFrench officials met in Paris on Friday.\n",
        "title.txt": "Just a headline\n",
        "slides.pdf": b"%PDF-1.4",
    })
    b = load_briefing(folder, cache_dir=tmp_path / "cache", nlp=nlp)
    assert sorted(b.articles["file"]) == ["a.txt", "b.md", "bad-yaml.md", "cp1252.txt", "future.md", "german.txt"]
    report = sorted(map(tuple, b.ingest_report.itertuples(index=False)))
    assert report == [
        ("bad-yaml.md", "warning", "front matter is not valid YAML (while parsing a flow sequence): metadata ignored"),
        ("binary.txt", "error", "binary file (it contains NUL bytes), not text: skipped"),
        ("copy.txt", "warning", "same text as a.txt: loaded once"),
        ("cp1252.txt", "warning", "not UTF-8: read as Windows-1252"),
        ("empty.txt", "error", "empty file: nothing to load"),
        ("future.md", "warning", f"published date {SOON} is in the future: check it"),
        ("german.txt", "warning", "does not look like English: loaded, but the English model will miss most "
                                  "actors, quotes and dates"),
        ("slides.pdf", "error", "unsupported file type '.pdf': use one of .htm, .html, .markdown, .md, .txt"),
        ("title.txt", "error", "only a title, no article text: nothing to analyse"),
    ]
    row = b.articles.set_index("file").loc["b.md"]
    assert (row["published"], row["source"]) == (pd.Timestamp("2025-04-10"), "Wire")
    assert set(b.mentions["article_id"]) >= set(b.articles.set_index("file").loc[["a.txt", "b.md"], "article_id"])


def test_an_event_rule_that_fails_costs_only_that_articles_events(tmp_path, write_articles, nlp, monkeypatch, caplog):
    from dashboard.loader.events import extract

    real = extract._events

    def failing_on_brazil(art):
        if "Brazil" in art.text:
            raise RecursionError("a rule that went round in circles")
        return real(art)

    monkeypatch.setattr(extract, "_events", failing_on_brazil)
    folder = write_articles({"a.txt": GOOD_A, "b.txt": GOOD_B})
    b = load_briefing(folder, cache_dir=tmp_path / "cache", nlp=nlp)
    assert sorted(b.articles["file"]) == ["a.txt", "b.txt"]
    by_file = dict(zip(b.articles["article_id"], b.articles["file"]))
    assert {by_file[a] for a in b.events["article_id"]} == {"a.txt"}
    assert {by_file[a] for a in b.quotes["article_id"]} == {"a.txt", "b.txt"}
    assert "events skipped for an article" in caplog.text
