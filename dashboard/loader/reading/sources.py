"""Reading a folder of articles: files, encodings, front matter, sidecar metadata, HTML.

Nothing here runs NLP. Every file yields either an `Article` or an `IngestIssue` that says, in words
a user can act on, why it was skipped or what was noticed; one bad file never stops the others.
"""
from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}
SIDECAR_SUFFIXES = (".meta.yaml", ".meta.yml", ".meta.json")
# Files a briefing folder may hold that are not articles and not worth a warning.
IGNORED_NAMES = {"actors.yaml", "actors.yml", "briefing.yaml", "corrections.yaml", "readme.md", "license", "license.txt", ".ds_store"}
META_KEYS = {"title", "published", "date", "source", "url"}
# spaCy's default nlp.max_length: a longer text makes the pipeline raise for the whole batch.
MAX_CHARS = 1_000_000
# Frequent English function words: news prose in English has about a fifth of its words among them,
# other languages written in Latin script only a few percent.
ENGLISH_WORDS = frozenset(
    "the of and to in a is that for on was with said by as at it from his her he she they has have were be are "
    "an this which after not but who will its their been had would also".split())
# Unicode category Cc (C0 and C1 control characters) less tab, line feed, form feed and carriage
# return: a regex counts them at C speed, where a loop over unicodedata.category costs ~1 ms a file.
CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# libyaml's safe loader where PyYAML was built with it: the same documents and errors, ~10x faster.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
OUTSIDE = "a link to a file outside the briefing folder: not read"
# Lines under a pasted article's headline that say where and when it appeared, not what happened.
HEADER_LINE = re.compile(r"^(published|posted|date|updated|source|url|by)\s*:\s*(\S.*)$", re.IGNORECASE)
HEADER_KEYS = {"published": "published", "posted": "published", "date": "published", "source": "source",
               "url": "url", "updated": None, "by": None}
BYLINE = re.compile(r"^(?:By|BY|by)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s*(?:,|and|&|\|)\s*[^.!?]{0,60})?$")
MAX_HEADER_LINES = 6
# Where a deck under the headline may stand (its line, counting blank ones) with a byline after it.
MAX_DECK_LINE = 4
FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


@dataclass
class Article:
    """One article as read from disk, before any NLP."""

    article_id: str
    file: str
    title: str
    text: str
    published: pd.Timestamp | None = None
    source: str | None = None
    url: str | None = None
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class IngestIssue:
    """A file that was skipped (level 'error') or loaded with a caveat (level 'warning')."""

    file: str
    level: str
    message: str


def article_id_for(text: str) -> str:
    """Content id: the same words give the same id wherever the file lives."""
    norm = unicodedata.normalize("NFC", text).replace("\r\n", "\n").strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def decode(data: bytes) -> tuple[str | None, str | None]:
    """Text of a file and a note on its encoding; (None, reason) when it is not text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Windows editors save "Unicode" text as UTF-16 with a byte order mark; it is full of NUL bytes.
        try:
            text, note = data.decode("utf-16"), "UTF-16 text: read as UTF-16"
        except UnicodeDecodeError:
            return None, "binary file (a UTF-16 mark, but not UTF-16 text), not text"
    elif b"\x00" in data[:8192]:
        return None, "binary file (it contains NUL bytes), not text"
    else:
        try:
            text, note = data.decode("utf-8-sig"), None
        except UnicodeDecodeError:
            text, note = _single_byte(data)
    # control bytes are valid ASCII, so a binary file without NULs can still decode
    controls = len(CONTROLS.findall(text, 0, 8192))
    if controls > max(8, len(text[:8192]) // 20):
        return None, "binary file (mostly control bytes), not text"
    return text, note


def _single_byte(data: bytes) -> tuple[str, str]:
    """Text that is not UTF-8: Windows-1252 where it decodes, else Latin-1 (which decodes every byte)."""
    try:
        return data.decode("cp1252"), "not UTF-8: read as Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "not UTF-8: read as Latin-1"


def parse_front_matter(text: str) -> tuple[dict, str, str | None]:
    """Split YAML front matter from the body: (metadata, body, problem or None)."""
    match = FRONT_MATTER.match(text)
    if not match:
        if text.lstrip("\ufeff").startswith("---"):
            return {}, text, "front matter opens with '---' but never closes: read as plain text"
        return {}, text, None
    body = text[match.end():]
    try:
        meta = yaml.load(match.group(1), Loader=YAML_LOADER)
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "invalid YAML"
        return {}, body, f"front matter is not valid YAML ({first}): metadata ignored"
    if meta is None:
        return {}, body, None
    if not isinstance(meta, dict):
        return {}, body, "front matter is not a set of 'key: value' lines: metadata ignored"
    return meta, body, None


def inside(path: Path, folder: Path) -> bool:
    """Whether `path`, links followed, stays inside `folder`: a link must not lead a briefing elsewhere."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a loop of links
        return False


def read_sidecar(path: Path) -> tuple[dict, str | None]:
    """Metadata from `NAME.meta.yaml` (or .yml/.json) next to an article, if one exists."""
    for suffix in SIDECAR_SUFFIXES:
        side = path.with_name(path.stem + suffix)
        try:
            if not side.exists():
                continue
        except OSError as exc:
            if exc.errno == errno.ENAMETOOLONG:  # a name the file system cannot extend has no sidecar
                return {}, ("file name too long for a metadata sidecar (NAME.meta.yaml): rename the file shorter "
                            "to give it one")
            return {}, f"sidecar {side.name} could not be checked ({exc.strerror or exc}): metadata ignored"
        if not inside(side, path.parent):
            return {}, f"sidecar {side.name} is a link to a file outside the briefing folder: metadata ignored"
        try:
            raw = side.read_text(encoding="utf-8")
            meta = json.loads(raw) if suffix.endswith("json") else yaml.load(raw, Loader=YAML_LOADER)
        except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as exc:
            return {}, f"sidecar {side.name} could not be read ({type(exc).__name__}): metadata ignored"
        if meta is None:
            return {}, None
        if not isinstance(meta, dict):
            return {}, f"sidecar {side.name} is not a set of 'key: value' lines: metadata ignored"
        return meta, None
    return {}, None


def parse_published(value: object) -> tuple[pd.Timestamp | None, str | None]:
    """A publication date from metadata; (None, problem) when it cannot be read as a date."""
    if value is None or value == "":
        return None, None
    if isinstance(value, (dt.date, dt.datetime)):
        try:
            ts = pd.Timestamp(value)
        except (ValueError, OverflowError):
            return None, f"published date {str(value)[:40]!r} is out of range: left unknown"
    else:
        try:
            ts = pd.Timestamp(str(value).strip())
        except (ValueError, TypeError):
            return None, f"published date {str(value)[:40]!r} is not a date (use YYYY-MM-DD): left unknown"
    if ts.tzinfo is not None:
        ts = ts.tz_convert("UTC").tz_localize(None)
    try:
        # the tables hold nanosecond datetimes: a year such as 3000 would break the whole briefing
        ts = ts.as_unit("ns")
    except (ValueError, OverflowError):
        return None, f"published date {str(value)[:40]!r} is out of range: left unknown"
    return ts.normalize(), None


def looks_english(text: str) -> bool:
    """False when a text of some length has hardly any common English words (the model reads English)."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    if len(words) < 20:
        return True
    return sum(map(ENGLISH_WORDS.__contains__, words)) / len(words) >= 0.1


def _clean_meta(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def header_lines(text: str) -> tuple[dict, str]:
    """Metadata lines right under the headline ('Published: 2024-03-07', 'Source: CBC News', 'By Jane Doe'),
    as pasted articles carry them: (metadata, text without those lines). The headline stays first."""
    lines = text.split("\n")
    meta: dict[str, str] = {}
    taken: set[int] = set()
    for i in range(1, len(lines)):
        line = lines[i].strip()
        if not line:
            continue
        match = HEADER_LINE.match(line)
        key, value = (HEADER_KEYS[match.group(1).casefold()], match.group(2).strip()) if match else (None, "")
        if match and _header_value_fits(key, value):
            if key:
                meta.setdefault(key, value)
        elif not BYLINE.match(line):
            if i <= MAX_DECK_LINE and _deck(line):
                continue  # a second headline or a deck, which stays text: a byline may follow it
            break
        taken.add(i)
        if len(taken) == MAX_HEADER_LINES:
            break
    if not taken:
        return {}, text
    return meta, "\n".join(line for i, line in enumerate(lines) if i not in taken)


def _deck(line: str) -> bool:
    """A line that reads as a headline, not as a sentence of the story: short, without a full stop."""
    return len(line.split()) <= 15 and line[-1] not in ".!?\"”"


# Lines a wire story or a web page ends with that are about the story, not in it: a rule, the reporters
# who contributed, where to follow them, the copyright.
TRAILER_LINE = re.compile(
    r"^\s*(?:[_\-–—*=~]{3,}"
    r"|.{0,160}\bcontributed(?: reporting)? to this (?:report|story|article)\.?"
    r"|(?:Follow|Contact) .{0,80}\b(?:on|at) (?:X|Twitter|Facebook|Instagram|Threads|Bluesky|LinkedIn|Mastodon)\b.*"
    r"|(?:Copyright|©|\([Cc]\))[ \t].{0,120}|All rights reserved\.?"
    r")\s*$")


def trailer_lines(text: str) -> str:
    """The text without the credit lines it ends with ('___', 'AP writer Kevin Freking contributed to this
    report.', 'Follow Lisa Mascaro on X', 'Copyright 2016 NPR.'), so the reporters are no actors of the story
    and the copyright year no event."""
    lines = text.rstrip().split("\n")
    end = len(lines)
    while end > 1 and (not lines[end - 1].strip() or TRAILER_LINE.match(lines[end - 1])):
        end -= 1
    return text if end == len(lines) else "\n".join(lines[:end]) + "\n"


def _header_value_fits(key: str | None, value: str) -> bool:
    """Whether a 'Key: value' line is metadata: a date that reads as one, a web address, a short name."""
    if key == "published" or key is None and value[:1].isdigit():
        return parse_published(value)[0] is not None
    if key == "url":
        return value.startswith(("http://", "https://", "www."))
    return len(value) <= 80 and not value.endswith((".", "!", "?"))


def _title_and_body(text: str, suffix: str) -> tuple[str, str]:
    """The first non-empty line is the title; the article text keeps it as its first line."""
    stripped = text.lstrip("\ufeff\r\n \t")
    first = stripped.split("\n", 1)[0].strip()
    if suffix in (".md", ".markdown"):
        first = re.sub(r"^#+\s*", "", first).strip()
    return first, stripped


def read_html(data: bytes) -> tuple[dict, str | None]:
    """Title, text and date of a saved web page, through trafilatura's article extractor."""
    import trafilatura  # imported here: only HTML files need it

    html, _ = decode(data)
    if html is None:
        return {}, None
    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_precision=True)
    if not extracted:
        return {}, None
    doc = extracted if isinstance(extracted, dict) else extracted.as_dict()
    meta = {k: doc.get(k) for k in ("title", "date", "url") if doc.get(k)}
    if doc.get("sitename") or doc.get("hostname"):
        meta["source"] = doc.get("sitename") or doc.get("hostname")
    return meta, doc.get("text")


def read_article(path: Path, *, max_bytes: int) -> tuple[Article | None, list[IngestIssue]]:
    """Read one article file with its metadata; never raises for bad content."""
    name = path.name
    issues: list[IngestIssue] = []
    if path.is_symlink() and not inside(path, path.parent):
        return None, [IngestIssue(name, "error", OUTSIDE)]
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return None, [IngestIssue(name, "error", f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB "
                                      "limit (BRIEFING_MAX_BYTES): split it or raise the limit")]
        data = path.read_bytes()
    except OSError as exc:
        return None, [IngestIssue(name, "error", f"cannot be read: {exc.strerror or exc}")]
    if not data.strip():
        return None, [IngestIssue(name, "error", "empty file: nothing to load")]

    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        try:
            meta, text = read_html(data)
        except ImportError as exc:  # trafilatura or one of its parts is not installed
            return None, [IngestIssue(name, "error", f"web pages cannot be read on this machine (ImportError: "
                                      f"{exc}): install the packages in requirements.txt")]
        if not text or not text.strip():
            return None, [IngestIssue(name, "error", "no article text found in this web page")]
        if meta.get("title") and not text.lstrip().startswith(str(meta["title"])):
            text = f"{meta['title']}\n{text}"
        note = None
    else:
        text, note = decode(data)
        if text is None:
            return None, [IngestIssue(name, "error", f"{note}: skipped")]
        meta, text, problem = parse_front_matter(text)
        if problem:
            issues.append(IngestIssue(name, "warning", problem))
    if note:
        issues.append(IngestIssue(name, "warning", note))

    side, problem = read_sidecar(path)
    if problem:
        issues.append(IngestIssue(name, "warning", problem))
    meta = {**{str(k).lower(): v for k, v in meta.items()}, **{str(k).lower(): v for k, v in side.items()}}
    unknown = sorted(set(meta) - META_KEYS)
    if unknown:
        issues.append(IngestIssue(name, "warning", f"metadata keys not used: {', '.join(unknown)}"))

    title, text = _title_and_body(text.replace("\r\n", "\n").replace("\r", "\n"), suffix)
    if suffix not in (".html", ".htm"):
        header, text = header_lines(text)
        meta = {**header, **meta}  # front matter and sidecars say it more surely
    text = trailer_lines(text)
    if meta.get("title"):
        title = str(meta["title"]).strip()
    body_lines = [line for line in text.split("\n")[1:] if line.strip()]
    if not text.strip():
        return None, [*issues, IngestIssue(name, "error", "only metadata, no article text: nothing to analyse")]
    if not title or not body_lines and not meta.get("title"):
        return None, [*issues, IngestIssue(name, "error", "only a title, no article text: nothing to analyse")]
    if len(text) > MAX_CHARS:
        return None, [*issues, IngestIssue(name, "error", f"text is {len(text):,} characters, over the {MAX_CHARS:,} "
                                           "the language model reads at once: split it into articles")]
    if not looks_english(text):
        issues.append(IngestIssue(name, "warning", "does not look like English: loaded, but the English model "
                                  "will miss most actors, quotes and dates"))

    published, problem = parse_published(meta.get("published", meta.get("date")))
    if problem:
        issues.append(IngestIssue(name, "warning", problem))
    if published is not None and published > pd.Timestamp.now().normalize() + pd.Timedelta(days=1):
        issues.append(IngestIssue(name, "warning", f"published date {published.date()} is in the future: check it"))

    article = Article(
        article_id=article_id_for(text),
        file=name,
        title=title[:500],
        text=text,
        published=published,
        source=_clean_meta(meta.get("source")),
        url=_clean_meta(meta.get("url")),
    )
    return article, issues
