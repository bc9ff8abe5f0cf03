"""A briefing folder: which of its files are articles, what changed in it, and writing into it.

The one place that lists a briefing folder, so the loader, the app's change detection and the
upload page agree on what the folder holds.
"""
from __future__ import annotations

import errno
import os
from pathlib import Path

from dashboard.loader.reading.sources import (
    ARTICLE_SUFFIXES, IGNORED_NAMES, OUTSIDE, SIDECAR_SUFFIXES, Article, IngestIssue, inside, read_article,
)
from dashboard.loader.vocabulary import atomic_write

__all__ = ["atomic_write", "claim_name", "folder_signature", "list_article_files", "name_max", "no_articles_issue",
           "read_folder"]


def list_article_files(folder: Path) -> tuple[list[Path], list[IngestIssue]]:
    """The article files of a folder (not its sub-folders), and issues for files that are not articles."""
    files, issues = [], []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        name = path.name
        if name.startswith(".") or name.lower() in IGNORED_NAMES or name.lower().endswith(SIDECAR_SUFFIXES):
            continue
        if path.is_symlink() and not inside(path, folder):
            issues.append(IngestIssue(name, "error", OUTSIDE))
            continue
        if path.is_dir() and path.suffix.lower() in ARTICLE_SUFFIXES:
            # an article file replaced by a folder would otherwise vanish without a word
            issues.append(IngestIssue(name, "error", "a folder, not an article file: not read (a folder of "
                                      "articles must not be named like an article)"))
            continue
        if not path.is_file():
            continue
        if path.suffix.lower() not in ARTICLE_SUFFIXES:
            issues.append(IngestIssue(name, "error", f"unsupported file type {path.suffix or '(none)'!r}: "
                                      f"use one of {', '.join(sorted(ARTICLE_SUFFIXES))}"))
            continue
        files.append(path)
    return files, issues




def read_folder(folder: Path, *, max_bytes: int) -> tuple[list[Article], list[IngestIssue]]:
    """Every article of a folder, first copy of duplicates only, with the issues met on the way."""
    files, issues = list_article_files(folder)
    articles: list[Article] = []
    seen: dict[str, str] = {}
    for path in files:
        article, found = read_article(path, max_bytes=max_bytes)
        issues.extend(found)
        if article is None:
            continue
        if article.article_id in seen:
            issues.append(IngestIssue(path.name, "warning", f"same text as {seen[article.article_id]}: loaded once"))
            continue
        seen[article.article_id] = path.name
        articles.append(article)
    if not articles:
        issues.append(no_articles_issue(folder))
    return articles, issues


def no_articles_issue(folder: Path) -> IngestIssue:
    """The report row of a folder that gave no article, so an empty briefing never looks like a clean one."""
    return IngestIssue(f"{Path(folder).name}/", "warning", "no articles in this folder: add .txt, .md or .html "
                       "files to it")


def _entries(folder: Path) -> list[os.DirEntry]:
    """The folder's entries; scandir knows files from folders without a stat call, which counts on
    every rerun at thousands of files."""
    try:
        with os.scandir(folder) as it:
            return list(it)
    except OSError:
        return []


def folder_signature(folder: Path) -> tuple:
    """Names, sizes and times of the folder's files: a new or edited article changes it."""
    signature = []
    for entry in _entries(Path(folder)):
        if entry.name.startswith("."):  # temporary files of a write in progress, backups
            continue
        try:
            if entry.is_file():
                st = entry.stat()
                signature.append((entry.name, st.st_size, st.st_mtime_ns))
        except OSError:  # gone meanwhile
            continue
    return tuple(sorted(signature))


def briefing_folders(root: Path) -> list[Path]:
    """The root itself when it holds articles, and each sub-folder that holds articles: each a briefing."""
    def has_articles(p: Path) -> bool:
        return any(os.path.splitext(e.name)[1].lower() in ARTICLE_SUFFIXES and e.is_file() for e in _entries(p))

    found = [root] if has_articles(root) else []
    # a folder named like an article (an article file replaced by a folder) is reported by the loader
    # as a problem of the briefing it sits in, not offered as a briefing of its own
    subfolders = sorted(e.name for e in _entries(root) if e.is_dir() and not e.name.startswith(".")
                        and os.path.splitext(e.name)[1].lower() not in ARTICLE_SUFFIXES)
    found += [root / name for name in subfolders if has_articles(root / name)]
    return found or [root]


def name_max(folder: Path) -> int:
    """The longest file name, in bytes, the folder's file system keeps (255 on most)."""
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        return 255


def numbered(name: str, n: int) -> str:
    """`name` for n == 1, else `stem-n.ext`."""
    stem, dot, suffix = name.rpartition(".")
    return name if n == 1 else f"{stem}-{n}{dot}{suffix}"


def claim_name(written: Path, folder: Path, name: str) -> str:
    """Give the file `written` (a hidden file in `folder`) the first free name of `name`, `stem-2.ext`, …

    Taking a name is one atomic step: a hard link fails when the name exists, so two writers at the
    same moment never both take `same.txt` and one article never replaces the other. Where the file
    system has no hard links, creating the name exclusively (O_EXCL) reserves it before the rename.
    Returns the name taken; `written` is gone afterwards.
    """
    n = 1
    while True:
        candidate = numbered(name, n)
        target = folder / candidate
        try:
            os.link(written, target)
        except FileExistsError:
            n += 1
            continue
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
                raise
            try:  # no hard links here: reserve the name, then move the whole file onto it
                os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
            except FileExistsError:
                n += 1
                continue
            os.replace(written, target)
            return candidate
        written.unlink(missing_ok=True)
        return candidate
