"""Adding articles to a briefing folder: check an uploaded or pasted article, then write it atomically.

Pure Python (no Streamlit), so every rule here is tested directly. An upload is read exactly as the
loader will read it (`read_article` on a hidden temporary file in the same folder), so what is
rejected here is what the loader would skip, and duplicates are found by the loader's content id.
"""
from __future__ import annotations

import datetime as dt
import errno
import math
import re
import tempfile
import unicodedata
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd
import yaml

from dashboard.loader.reading.folder import atomic_write, claim_name, name_max, read_folder
from dashboard.loader.reading.sources import IGNORED_NAMES, SIDECAR_SUFFIXES, parse_published, read_article
from dashboard.loader.settings import Settings

UPLOAD_SUFFIXES = (".txt", ".md", ".html")
_UNSAFE = re.compile(r"[^\w\-.() ]+")
_MAX_STEM = 100
LONGEST_SIDECAR = max(SIDECAR_SUFFIXES, key=len)
# The years a briefing's nanosecond dates can hold.
FIRST_YEAR, LAST_YEAR = pd.Timestamp.min.year + 1, pd.Timestamp.max.year - 1


@dataclass(frozen=True)
class UploadResult:
    """What happened to one uploaded or pasted article.

    status: "saved", "duplicate" (same text already in the folder, nothing written) or "rejected".
    file: the name written (saved) or the file already holding the text (duplicate).
    notes: caveats the loader will also report (not UTF-8, future date, ...).
    """

    name: str
    status: str
    message: str
    file: str | None = None
    article_id: str | None = None
    notes: tuple[str, ...] = ()


def default_max_bytes() -> int:
    """The largest article the loader reads (BRIEFING_MAX_BYTES), which is also the upload limit."""
    return Settings().max_bytes


def size_text(n_bytes: int) -> str:
    """'5 MB', '1.5 MB', '800 kB': a limit in the units a user reads."""
    if n_bytes >= 1_000_000:
        return f"{n_bytes / 1e6:.1f}".rstrip("0").rstrip(".") + " MB"
    return f"{math.ceil(n_bytes / 1000)} kB"


def upload_limit_mb(max_bytes: int) -> int:
    """The uploader's own limit, in Streamlit's megabytes (MiB), that lets through every file the loader reads."""
    return max(1, math.ceil(max_bytes / 2**20))


def safe_file_name(name: str) -> str:
    """A file name that stays inside the briefing folder, or ValueError saying why there is none.

    Unicode is normalised (NFKC, so look-alike slashes and dots become plain ones before they are
    checked), any directory part is dropped, characters other than letters, digits, space and
    `-_.()` become `_`, leading dots go (no hidden files), runs of dots collapse, and the extension
    must be one the loader reads as an article.
    """
    norm = unicodedata.normalize("NFKC", name or "")
    norm = "".join(ch for ch in norm if unicodedata.category(ch)[0] != "C")
    base = re.split(r"[\\/]", norm)[-1]
    stem, dot, ext = base.rpartition(".")
    if not dot:
        stem, ext = base, ""
    suffix = "." + ext.strip().lower() if ext.strip() else ""
    if suffix not in UPLOAD_SUFFIXES:
        raise ValueError(f"unsupported file type {suffix or '(none)'!r}: use {', '.join(UPLOAD_SUFFIXES)}")
    stem = _UNSAFE.sub("_", stem)
    stem = re.sub(r"\.{2,}", ".", stem)
    stem = re.sub(r"\s+", " ", stem).strip(" ._")[:_MAX_STEM].strip(" ._")
    if not stem:
        stem = "article"
    safe = stem + suffix
    if safe.lower() in IGNORED_NAMES:
        safe = "article-" + safe  # a README.md upload would otherwise be skipped by the loader
    return safe


def existing_articles(folder: Path, *, max_bytes: int | None = None) -> dict[str, str]:
    """Content id -> file name of every article the folder already holds."""
    articles, _ = read_folder(folder, max_bytes=max_bytes or default_max_bytes())
    return {a.article_id: a.file for a in articles}


def fit_name(name: str, limit: int) -> str | None:
    """`name` shortened so that it, a number added to keep it apart (`-999`) and its sidecar's suffix
    (`.meta.yaml`) fit a file system that keeps `limit` bytes per name; None when no name can."""
    stem, suffix = name.rsplit(".", 1)
    room = limit - len(f"-999.{suffix}{LONGEST_SIDECAR}".encode())
    cut = stem.encode("utf-8")[:max(room, 0)].decode("utf-8", errors="ignore").rstrip(" ._")
    return f"{cut}.{suffix}" if cut else None


def folder_is_writable(folder: str | Path) -> bool:
    """Whether a file can be created in `folder` (tried, not guessed: permissions say nothing to root,
    nor about a read-only disk)."""
    try:
        with tempfile.TemporaryFile(dir=folder, prefix=".write-check-"):
            return True
    except OSError:
        return False


def _unwritable(exc: OSError) -> str:
    """What a failed write means to the person uploading."""
    why = exc.strerror or str(exc)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"the briefing folder cannot be written ({why}): ask for write access to it, or open a folder you can write to"
    if exc.errno == errno.ENAMETOOLONG:
        return "the file name is too long for this folder's file system: rename the file shorter"
    return f"could not be saved ({why}): nothing was written"


def _rejected(name: str, reason: str) -> UploadResult:
    return UploadResult(name=name, status="rejected", message=f"rejected: {reason}")


def save_upload(folder: str | Path, name: str, data: bytes, *, existing: dict[str, str] | None = None,
                max_bytes: int | None = None) -> UploadResult:
    """Check one uploaded file and, if it is a new readable article, write it into `folder`.

    existing: content id -> file name of the folder's articles (from `existing_articles`); updated in
        place when the file is saved, so a batch of uploads also catches duplicates among itself.
    max_bytes: the size limit (default: the loader's BRIEFING_MAX_BYTES).
    """
    folder = Path(folder)
    limit = max_bytes or default_max_bytes()
    try:
        safe = safe_file_name(name)
    except ValueError as exc:
        return _rejected(name, str(exc))
    if not folder.is_dir():
        return _rejected(name, f"the briefing folder {str(folder)!r} does not exist")
    if len(data) > limit:
        return _rejected(name, f"file is {size_text(len(data))}, over the {size_text(limit)} limit")
    if existing is None:
        existing = existing_articles(folder, max_bytes=limit)

    fitted = fit_name(safe, name_max(folder))
    if fitted is None:
        return _rejected(name, f"this folder's file system cannot hold a file name and its metadata sidecar "
                         f"({name_max(folder)} bytes at most): save the briefing on another disk")
    # Written whole under a hidden name first (the loader skips dot-files), read as the loader will
    # read it, then given its name in one atomic step.
    tmp = folder / f".upload-{uuid.uuid4().hex}{Path(fitted).suffix}"
    try:
        atomic_write(tmp, data)
        article, issues = read_article(tmp, max_bytes=limit)
        problems = tuple(i.message for i in issues)
        if article is None:
            errors = [i.message for i in issues if i.level == "error"] or ["not readable as an article"]
            return _rejected(name, "; ".join(errors))
        if article.article_id in existing:
            other = existing[article.article_id]
            return UploadResult(name=name, status="duplicate", message=f"already present as {other}: not saved again",
                                file=other, article_id=article.article_id)
        target_name = claim_name(tmp, folder, fitted)
    except OSError as exc:
        return _rejected(name, _unwritable(exc))
    finally:
        tmp.unlink(missing_ok=True)
    existing[article.article_id] = target_name
    renamed = f" (renamed from {name})" if target_name != name else ""
    return UploadResult(name=name, status="saved", message=f"saved as {target_name}{renamed}", file=target_name,
                        article_id=article.article_id, notes=problems)


def pasted_article(*, title: str, text: str, source: str = "", url: str = "",
                   published: dt.date | str | None = None) -> tuple[str, str]:
    """A pasted article as (file name, Markdown with YAML front matter); ValueError when it is incomplete.

    Values go through yaml.safe_dump, so quotes, colons, `---` or markup in them cannot break the
    front matter; the body starts with the title line, as every article text does.
    """
    title = " ".join((title or "").split())
    body = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not title:
        raise ValueError("give the article a title")
    if not body:
        raise ValueError("paste the article text")
    url = (url or "").strip()
    if url and not re.match(r"https?://[^\s]+$", url, flags=re.IGNORECASE):
        raise ValueError("the URL must start with http:// or https://")
    meta: dict[str, object] = {"title": title}
    if published not in (None, ""):
        _check_date(published)
        meta["published"] = published
    if source.strip():
        meta["source"] = " ".join(source.split())
    if url:
        meta["url"] = url
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=False, width=10_000)
    name = safe_file_name(re.sub(r"[^\w]+", "-", title.lower()).strip("-")[:60] + ".md")
    # title line, then the text: the layout of the folder's other articles, so pasting an article
    # already there as a file is recognised as the same text
    return name, f"---\n{front}---\n{title}\n{body}\n"


def _check_date(published: object) -> None:
    """ValueError when a pasted publication date is not one the briefing can hold: saving it would
    leave the article undated without a word."""
    year = published.year if isinstance(published, dt.date) else None
    match = re.match(r"\s*(\d+)-", str(published))
    if year is None and match:
        year = int(match.group(1))
    if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"the date {published} is outside the years a briefing can hold ({FIRST_YEAR} to "
                         f"{LAST_YEAR}): correct it or leave it empty")
    if parse_published(published)[1]:
        raise ValueError(f"the date {published} is not a date: use YYYY-MM-DD")


def save_pasted(folder: str | Path, *, title: str, text: str, source: str = "", url: str = "",
                published: dt.date | str | None = None, existing: dict[str, str] | None = None,
                max_bytes: int | None = None) -> UploadResult:
    """Write a pasted article as a Markdown file with front matter, with the checks of `save_upload`."""
    try:
        name, content = pasted_article(title=title, text=text, source=source, url=url, published=published)
    except ValueError as exc:
        return _rejected(title.strip() or "pasted article", str(exc))
    result = save_upload(folder, name, content.encode("utf-8"), existing=existing, max_bytes=max_bytes)
    return replace(result, name=" ".join(title.split()))  # the user knows it by its title, not the file name
