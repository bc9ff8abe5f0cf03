"""Adding articles: safe file names, size and type limits, duplicates by content, atomic writes, pasted articles."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pandas as pd
import pytest
import tomllib

from dashboard.loader.reading import uploads
from dashboard.loader.reading.folder import read_folder
from dashboard.loader.reading.sources import article_id_for, read_article
from dashboard.loader.reading.uploads import (
    existing_articles,
    pasted_article,
    safe_file_name,
    save_pasted,
    save_upload,
    size_text,
    upload_limit_mb,
)

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = "Ankara hosts talks\nTurkish and Greek officials met in Ankara on Monday, the ministry said.\n"
OTHER = "Brazil signs a deal\nBrazil signed a trade deal with Argentina on Friday, officials said.\n"


@pytest.mark.parametrize("name, expected", [
    ("../../etc/passwd.txt", "passwd.txt"),
    ("..\\..\\windows\\win.txt", "win.txt"),
    ("/abs/path/a.md", "a.md"),
    (".hidden.txt", "hidden.txt"),
    ("..txt", "article.txt"),
    ("a..b.md", "a.b.md"),
    ("ａｂｃ．ｔｘｔ", "abc.txt"),
    ("evil／name.txt", "name.txt"),
    ("x\u202etxt.md", "xtxt.md"),
    ("x\x00y.txt", "xy.txt"),
    ("<img src=x onerror=alert(1)>.md", "img src_x onerror_alert(1).md"),
    ("javascript:alert(1).txt", "javascript_alert(1).txt"),
    ("Report.TXT", "Report.txt"),
    ("name with   spaces.md", "name with spaces.md"),
    ("über café.html", "über café.html"),
    ("   .md", "article.md"),
    ("README.md", "article-README.md"),
], ids=["dotdot-slash", "dotdot-backslash", "absolute", "hidden", "only-dots", "double-dot", "fullwidth",
        "fullwidth-slash", "rtl-override", "nul", "html-tag", "javascript", "upper-ext", "spaces", "accents",
        "blank-stem", "ignored-name"])
def test_safe_file_name(name, expected):
    assert safe_file_name(name) == expected


@pytest.mark.parametrize("name", ["notes.exe", "page.htm", "archive.txt.zip", "no-extension", "...", "a.txt."],
                         ids=["exe", "htm", "zip", "none", "dots", "trailing-dot"])
def test_unsupported_extensions_are_refused(name):
    with pytest.raises(ValueError, match="unsupported file type"):
        safe_file_name(name)


@pytest.mark.parametrize("name", ["../../../tmp/x.txt", "..\\x.md", "a/../../b.html", "．．／．．／x.txt",
                                  "%2e%2e%2fx.txt", "~/x.txt", "-rf .md", "\u2024\u2024/x.txt"],
                         ids=["unix", "windows", "mixed", "fullwidth", "percent", "home", "dash", "one-dot-leaders"])
def test_a_saved_name_never_leaves_the_folder(tmp_path, name):
    safe = safe_file_name(name)
    assert "/" not in safe and "\\" not in safe and ".." not in safe and not safe.startswith(".")
    assert (tmp_path / safe).resolve().parent == tmp_path.resolve()


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_new_article_is_saved_whole_and_no_temporary_file_remains(tmp_path):
    existing: dict[str, str] = {}
    result = save_upload(tmp_path, "talks.txt", ARTICLE.encode(), existing=existing)
    assert (result.status, result.message, result.file) == ("saved", "saved as talks.txt", "talks.txt")
    assert (tmp_path / "talks.txt").read_bytes() == ARTICLE.encode()
    assert _files(tmp_path) == ["talks.txt"]
    assert result.article_id == article_id_for(ARTICLE)
    assert existing == {article_id_for(ARTICLE): "talks.txt"}


def test_a_hostile_name_is_saved_under_its_clean_name(tmp_path):
    result = save_upload(tmp_path, "../../<script>alert(1)</script>.txt", ARTICLE.encode())
    assert result.status == "saved"
    assert result.file == "script.txt"
    assert "renamed from ../../<script>alert(1)</script>.txt" in result.message
    assert _files(tmp_path) == ["script.txt"]
    assert _files(tmp_path.parent).count("script.txt") == 0


def test_same_text_under_another_name_is_a_duplicate_and_not_written(tmp_path):
    (tmp_path / "first.txt").write_text(ARTICLE, encoding="utf-8")
    result = save_upload(tmp_path, "second.txt", ARTICLE.replace("\n", "\r\n").encode())
    assert (result.status, result.message, result.file) == (
        "duplicate", "already present as first.txt: not saved again", "first.txt")
    assert _files(tmp_path) == ["first.txt"]


def test_front_matter_does_not_hide_a_duplicate(tmp_path):
    (tmp_path / "first.txt").write_text(ARTICLE, encoding="utf-8")
    with_meta = "---\nsource: Example Wire\npublished: 2025-04-10\n---\n" + ARTICLE
    result = save_upload(tmp_path, "again.md", with_meta.encode())
    assert result.status == "duplicate" and result.file == "first.txt"


def test_duplicates_within_one_batch_are_caught(tmp_path):
    existing = existing_articles(tmp_path)
    first = save_upload(tmp_path, "a.txt", ARTICLE.encode(), existing=existing)
    second = save_upload(tmp_path, "b.txt", ARTICLE.encode(), existing=existing)
    assert (first.status, second.status, second.file) == ("saved", "duplicate", "a.txt")
    assert _files(tmp_path) == ["a.txt"]


def test_a_different_file_with_the_same_name_is_kept_and_the_upload_renamed(tmp_path):
    (tmp_path / "news.txt").write_text(ARTICLE, encoding="utf-8")
    result = save_upload(tmp_path, "news.txt", OTHER.encode())
    assert (result.status, result.file) == ("saved", "news-2.txt")
    assert (tmp_path / "news.txt").read_text(encoding="utf-8") == ARTICLE
    assert (tmp_path / "news-2.txt").read_text(encoding="utf-8") == OTHER


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "rejected: empty file: nothing to load"),
    ("blank.md", b"  \n\n ", "rejected: empty file: nothing to load"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
     "rejected: binary file (it contains NUL bytes), not text: skipped"),
    ("title.txt", b"Only a title here\n", "rejected: only a title, no article text: nothing to analyse"),
    ("page.html", b"<html><body><script>alert(1)</script></body></html>",
     "rejected: no article text found in this web page"),
    ("tool.exe", ARTICLE.encode(), "rejected: unsupported file type '.exe': use .txt, .md, .html"),
], ids=["empty", "whitespace", "binary", "only-title", "html-without-text", "exe"])
def test_unreadable_uploads_are_rejected_with_the_reason(tmp_path, name, data, reason):
    result = save_upload(tmp_path, name, data)
    assert (result.status, result.message) == ("rejected", reason)
    assert _files(tmp_path) == []


def test_an_upload_over_the_limit_is_rejected_before_it_is_written(tmp_path):
    result = save_upload(tmp_path, "big.txt", ARTICLE.encode() * 40, max_bytes=2_000)
    assert (result.status, result.message) == ("rejected", "rejected: file is 4 kB, over the 2 kB limit")
    assert _files(tmp_path) == []


def test_the_default_limit_is_the_loaders_and_the_uploaders(monkeypatch, tmp_path):
    monkeypatch.delenv("BRIEFING_MAX_BYTES", raising=False)
    assert uploads.default_max_bytes() == 5_000_000
    result = save_upload(tmp_path, "huge.txt", b"a" * 5_000_001)
    assert result.message == "rejected: file is 5 MB, over the 5 MB limit"
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == upload_limit_mb(5_000_000) == 5


@pytest.mark.parametrize("n, text", [(5_000_000, "5 MB"), (1_500_000, "1.5 MB"), (800_000, "800 kB"), (1, "1 kB")],
                         ids=["5mb", "1.5mb", "800kb", "tiny"])
def test_size_text(n, text):
    assert size_text(n) == text


def test_windows_1252_text_is_saved_with_a_note(tmp_path):
    data = "Café talks in Ankara\nOfficials met on Monday \u2013 the ministry said.\n".encode("cp1252")
    result = save_upload(tmp_path, "cafe.txt", data)
    assert result.status == "saved"
    assert result.notes == ("not UTF-8: read as Windows-1252",)
    assert (tmp_path / "cafe.txt").read_bytes() == data, "the file is kept as uploaded"


def test_a_saved_web_page_is_kept_and_read_as_an_article(tmp_path):
    page = ("<html><head><title>Talks in Ankara</title></head><body><nav>Home | World</nav><article>"
            "<h1>Talks in Ankara</h1>"
            "<p>Turkish and Greek officials met in Ankara on Monday to discuss maritime borders, the ministry said.</p>"
            "<p>The two delegations agreed to meet again next month in Athens, according to a joint statement.</p>"
            "</article></body></html>")
    result = save_upload(tmp_path, "saved page.html", page.encode())
    assert (result.status, result.file) == ("saved", "saved page.html")
    article, _ = read_article(tmp_path / "saved page.html", max_bytes=10_000)
    assert article.title == "Talks in Ankara"
    assert "maritime borders" in article.text


def test_a_missing_folder_is_reported(tmp_path):
    result = save_upload(tmp_path / "nope", "a.txt", ARTICLE.encode())
    assert result.status == "rejected" and "does not exist" in result.message


def test_a_failed_write_leaves_neither_the_article_nor_a_temporary_file(tmp_path, monkeypatch):
    def fail(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    result = save_upload(tmp_path, "a.txt", ARTICLE.encode())
    assert (result.status, result.message) == ("rejected", ("rejected: could not be saved (disk full): nothing "
                                                            "was written"))
    assert _files(tmp_path) == []


HOSTILE = {
    "title": 'Talks: "<script>alert(1)</script>"\n---\ntitle: hijacked',
    "source": "Wire # not a comment: [x](javascript:alert(1))",
    "url": "https://example.org/a?b=1&c='x'",
}


def test_a_pasted_article_keeps_hostile_values_as_plain_metadata(tmp_path):
    result = save_pasted(tmp_path, title=HOSTILE["title"], text="Officials met in Ankara on Monday.\n\nMore.",
                         source=HOSTILE["source"], url=HOSTILE["url"], published=dt.date(2025, 4, 10))
    assert result.status == "saved", result.message
    article, issues = read_article(tmp_path / result.file, max_bytes=10_000)
    assert issues == []
    assert article.title == 'Talks: "<script>alert(1)</script>" --- title: hijacked'
    assert (article.source, article.url, article.published) == (
        HOSTILE["source"], HOSTILE["url"], pd.Timestamp("2025-04-10"))
    assert article.text == f"{article.title}\nOfficials met in Ankara on Monday.\n\nMore.\n"
    assert result.file == "talks-script-alert-1-script-title-hijacked.md"


def test_a_pasted_article_without_optional_fields_has_only_a_title(tmp_path):
    name, content = pasted_article(title="Ankara hosts talks", text="Officials met on Monday.")
    assert (name, content) == ("ankara-hosts-talks.md",
                               "---\ntitle: Ankara hosts talks\n---\nAnkara hosts talks\nOfficials met on Monday.\n")


@pytest.mark.parametrize("fields, reason", [
    ({"title": "", "text": "Body."}, "give the article a title"),
    ({"title": "T", "text": "  \n"}, "paste the article text"),
    ({"title": "T", "text": "Body.", "url": "javascript:alert(1)"}, "the URL must start with http:// or https://"),
    ({"title": "T", "text": "Body.", "url": "https://a b"}, "the URL must start with http:// or https://"),
], ids=["no-title", "no-text", "javascript-url", "url-with-space"])
def test_an_incomplete_pasted_article_is_refused(tmp_path, fields, reason):
    result = save_pasted(tmp_path, **fields)
    assert (result.status, result.message) == ("rejected", f"rejected: {reason}")
    assert _files(tmp_path) == []


def test_pasting_an_article_already_present_is_a_duplicate(tmp_path):
    first = save_pasted(tmp_path, title="Ankara hosts talks", text="Officials met on Monday.")
    again = save_pasted(tmp_path, title="Ankara hosts talks", text="Officials met on Monday.", source="Other")
    assert (first.status, again.status, again.message) == (
        "saved", "duplicate", "already present as ankara-hosts-talks.md: not saved again")


def test_pasting_the_text_of_an_article_file_is_a_duplicate(tmp_path):
    (tmp_path / "first.txt").write_text(ARTICLE, encoding="utf-8")
    title, body = ARTICLE.split("\n", 1)
    result = save_pasted(tmp_path, title=title, text=body, source="Wire")
    assert (result.name, result.status, result.file) == (title, "duplicate", "first.txt")


# --- issue 17: names the file system cannot keep, writers at the same moment, folders that cannot be written

LONG_NAME = "新" * 83 + ".txt"  # 253 bytes: the upload page accepts it, a sidecar beside it cannot exist


def test_a_name_too_long_for_a_sidecar_is_saved_shorter(tmp_path):
    result = save_upload(tmp_path, LONG_NAME, ARTICLE.encode())
    assert result.status == "saved", result.message
    assert result.file.startswith("新") and result.file.endswith(".txt")
    assert len(result.file.encode()) + len(".meta.yaml") + len("-999") <= 255
    assert f"renamed from {LONG_NAME}" in result.message
    articles, issues = read_folder(tmp_path, max_bytes=10_000)
    assert [a.file for a in articles] == [result.file] and issues == []


def test_a_name_the_folder_cannot_hold_is_refused_with_the_reason(tmp_path, monkeypatch):
    # a file system with shorter names than 255 bytes (eCryptfs keeps 143)
    monkeypatch.setattr(uploads, "name_max", lambda folder: 40)
    result = save_upload(tmp_path, "a" * 60 + ".txt", ARTICLE.encode())
    assert result.status == "saved" and len(result.file.encode()) + len(".meta.yaml") + len("-999") <= 40
    monkeypatch.setattr(uploads, "name_max", lambda folder: 12)
    result = save_upload(tmp_path, "talks.txt", OTHER.encode())
    assert (result.status, result.message) == (
        "rejected", ("rejected: this folder's file system cannot hold a file name and its metadata sidecar "
                     "(12 bytes at most): save the briefing on another disk"))
    assert not [p for p in _files(tmp_path) if p.startswith(".")], "no temporary file remains"


def _race(tmp_path, n_writers: int, round_: int, start) -> list:
    texts = [f"Round {round_} writer {i}\nOfficials met in city number {i} on day {round_}, the ministry said.\n"
             for i in range(n_writers)]
    with start(n_writers) as run:
        results = run(lambda text: save_upload(tmp_path, "same.txt", text.encode(), existing={}), texts)
    return list(zip(texts, results))


def _check_race(tmp_path, pairs) -> None:
    files = [r.file for _, r in pairs]
    assert all(r.status == "saved" for _, r in pairs), [r.message for _, r in pairs]
    assert len(set(files)) == len(files), sorted(files)
    for text, result in pairs:
        assert result.message.startswith(f"saved as {result.file}")
        assert (tmp_path / result.file).read_text(encoding="utf-8") == text
    assert not [p for p in _files(tmp_path) if p.startswith(".")], "no temporary file remains"


class _Threads:
    """Writers on threads, released together by a barrier."""

    def __init__(self, n: int):
        import concurrent.futures
        import threading

        self.barrier = threading.Barrier(n)
        self.pool = concurrent.futures.ThreadPoolExecutor(n)

    def __enter__(self):
        def run(fn, items):
            def go(item):
                self.barrier.wait()
                return fn(item)
            return list(self.pool.map(go, items))
        return run

    def __exit__(self, *exc):
        self.pool.shutdown()


def test_writers_on_threads_never_share_a_name(tmp_path):
    for round_ in range(20):
        folder = tmp_path / f"round{round_}"
        folder.mkdir()
        _check_race(folder, _race(folder, 8, round_, _Threads))


def _save_in_process(args):
    folder, text, barrier = args
    barrier.wait()
    return save_upload(folder, "same.txt", text.encode(), existing={})


def test_writers_in_processes_never_share_a_name(tmp_path):
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    with ctx.Manager() as manager, ctx.Pool(8) as pool:
        for round_ in range(5):
            folder = tmp_path / f"round{round_}"
            folder.mkdir()
            barrier = manager.Barrier(8)
            texts = [f"Round {round_} process {i}\nOfficials met in town number {i} on day {round_}, aides said.\n"
                     for i in range(8)]
            results = pool.map(_save_in_process, [(folder, t, barrier) for t in texts])
            _check_race(folder, list(zip(texts, results)))


@pytest.fixture
def read_only(tmp_path):
    """A folder nobody can write into (as root too: the immutable flag)."""
    import subprocess

    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "first.txt").write_text(OTHER, encoding="utf-8")
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", str(folder)], check=True)
    else:
        folder.chmod(0o555)
    yield folder
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(folder)], check=True)
    folder.chmod(0o755)


def test_a_folder_that_cannot_be_written_says_so(read_only):
    from dashboard.loader.reading.uploads import folder_is_writable

    assert not folder_is_writable(read_only)
    result = save_upload(read_only, "talks.txt", ARTICLE.encode())
    assert result.status == "rejected"
    assert result.message.startswith("rejected: the briefing folder cannot be written (")
    assert result.message.endswith("): ask for write access to it, or open a folder you can write to")
    assert _files(read_only) == ["first.txt"]


def test_a_writable_folder_is_writable(tmp_path):
    from dashboard.loader.reading.uploads import folder_is_writable

    assert folder_is_writable(tmp_path)
    assert _files(tmp_path) == []


@pytest.mark.parametrize("published", [dt.date(9999, 12, 31), "10000-01-01", dt.date(1500, 1, 1)],
                         ids=["year-9999", "year-10000", "year-1500"])
def test_a_pasted_date_the_briefing_cannot_hold_is_refused(tmp_path, published):
    result = save_pasted(tmp_path, title="Talks", text="Officials met in Rome on Monday.", published=published)
    assert result.status == "rejected"
    assert result.message == (f"rejected: the date {published} is outside the years a briefing can hold "
                               "(1678 to 2261): correct it or leave it empty")
    assert _files(tmp_path) == []
