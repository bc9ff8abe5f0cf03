"""Adding articles to a briefing folder: check an uploaded or pasted article, then write it atomically.

Pure Python (no Streamlit), so every rule here is tested directly. An upload is read exactly as the
loader will read it (`read_article` on a hidden temporary file in the same folder), so what is
rejected here is what the loader would skip, and duplicates are found by the loader's content id.
"""
from __future__ import annotations

import datetime as dt
import math
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from dashboard.loader.reading.folder import read_folder
from dashboard.loader.reading.sources import IGNORED_NAMES, read_article
from dashboard.loader.settings import Settings

UPLOAD_SUFFIXES = (".txt", ".md", ".html")
_UNSAFE = re.compile(r"[^\w\-.() ]+")
_MAX_STEM = 100


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


def _free_name(folder: Path, name: str) -> str:
    """`name`, or `stem-2.ext`, `stem-3.ext`... when a different file already has it."""
    if not (folder / name).exists():
        return name
    stem, suffix = name.rsplit(".", 1)
    n = 2
    while (folder / f"{stem}-{n}.{suffix}").exists():
        n += 1
    return f"{stem}-{n}.{suffix}"


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

    suffix = Path(safe).suffix
    # Written under a hidden name first: the loader skips dot-files, and os.replace makes the
    # article appear whole or not at all.
    fd, tmp_name = tempfile.mkstemp(prefix=".upload-", suffix=suffix, dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        article, issues = read_article(tmp, max_bytes=limit)
        problems = tuple(i.message for i in issues)
        if article is None:
            errors = [i.message for i in issues if i.level == "error"] or ["not readable as an article"]
            return _rejected(name, "; ".join(errors))
        if article.article_id in existing:
            other = existing[article.article_id]
            return UploadResult(name=name, status="duplicate", message=f"already present as {other}: not saved again",
                                file=other, article_id=article.article_id)
        target_name = _free_name(folder, safe)
        target = folder / target_name
        if target.resolve().parent != folder.resolve():
            return _rejected(name, "the file name points outside the briefing folder")
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    existing[article.article_id] = target_name
    renamed = f" (renamed from {name})" if target_name != name else ""
    return UploadResult(name=name, status="saved", message=f"saved as {target_name}{renamed}", file=target_name,
                        article_id=article.article_id, notes=problems)


def pasted_article(*, title: str, text: str, source: str = "", url: str = "",
                   published: dt.date | None = None) -> tuple[str, str]:
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
    if published is not None:
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


def save_pasted(folder: str | Path, *, title: str, text: str, source: str = "", url: str = "",
                published: dt.date | None = None, existing: dict[str, str] | None = None,
                max_bytes: int | None = None) -> UploadResult:
    """Write a pasted article as a Markdown file with front matter, with the checks of `save_upload`."""
    try:
        name, content = pasted_article(title=title, text=text, source=source, url=url, published=published)
    except ValueError as exc:
        return _rejected(title.strip() or "pasted article", str(exc))
    result = save_upload(folder, name, content.encode("utf-8"), existing=existing, max_bytes=max_bytes)
    return replace(result, name=" ".join(title.split()))  # the user knows it by its title, not the file name
