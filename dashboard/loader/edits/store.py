"""A small YAML file in the briefing folder that the app and people both edit: read safely, written safely.

Reading refuses what a hand-edited settings file never needs and an attacker would use: files over
`MAX_BYTES`, and YAML anchors and aliases (a few lines of aliases can expand into gigabytes).
Writing takes a lock, re-reads the file under it so that edits made meanwhile are merged rather than
overwritten, keeps the previous version as `.NAME.bak`, and replaces the file in one step.
"""
from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import yaml

from dashboard.loader.vocabulary import atomic_write

MAX_BYTES = 1_000_000
_thread_locks: dict[str, threading.Lock] = {}
_guard = threading.Lock()


class EditFileError(ValueError):
    """An edit file cannot be read (or is too large, or uses anchors/aliases); the message says what to do."""


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors and aliases: a few hundred bytes of nested aliases ("billion laughs")
    expand to gigabytes, and an edit file has no use for them."""

    file_name = "the file"

    def compose_node(self, parent, index):  # type: ignore[override]
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise EditFileError(f"anchors and aliases (&name, *name) are not allowed in {self.file_name} "
                                f"(line {event.start_mark.line + 1})")
        return super().compose_node(parent, index)


def load_plain_yaml(text: str, *, name: str) -> object:
    """The YAML document in `text`, refusing anchors and aliases (EditFileError); yaml.YAMLError when
    it is not YAML."""
    loader = type("_Loader", (_NoAliasLoader,), {"file_name": name})
    return yaml.load(text, Loader=loader)  # noqa: S506 - a SafeLoader subclass


def backup_name(name: str) -> str:
    """'.corrections.yaml.bak' for 'corrections.yaml': a dot file, so the folder reader skips it."""
    return f".{name}.bak"


def parse_yaml(raw: bytes, *, name: str) -> object:
    """The YAML document in `raw`; EditFileError when it is too large, not UTF-8, not YAML, or uses aliases."""
    if len(raw) > MAX_BYTES:
        raise EditFileError(f"{name} is larger than {MAX_BYTES // 1_000_000} MB; shorten it or delete it")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EditFileError(f"{name} is not UTF-8 text; save it as UTF-8") from exc
    try:
        return load_plain_yaml(text, name=name)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise EditFileError(f"{name} is not valid YAML{where}: {getattr(exc, 'problem', None) or exc}") from exc


def read_yaml(path: Path) -> tuple[object, bytes | None]:
    """(document, raw bytes) of `path`; (None, None) when there is no file. EditFileError as `parse_yaml`;
    OSError when the file exists but cannot be read."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return None, None
    return parse_yaml(raw, name=path.name), raw


class _IndentedDumper(yaml.SafeDumper):
    """Block style with list items indented under their key, as people write YAML by hand."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:  # noqa: ARG002
        super().increase_indent(flow, False)


def dump_yaml(header: str, data: object) -> bytes:
    """`header` (comment lines) and `data` as block-style YAML, keys in the order given."""
    text = yaml.dump(data, Dumper=_IndentedDumper, sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=100)
    return (header + text).encode("utf-8")


def update_file(path: Path, change: Callable[[object], bytes]) -> bytes:
    """Rewrite `path` under a lock: `change(current document or None)` returns the new bytes.

    The current file is read under the lock, so `change` sees edits made meanwhile and can keep them.
    The old file is kept as `.NAME.bak`; the new one replaces it atomically. EditFileError when the
    current file cannot be read (writing over it would lose it: fix it by hand first).
    """
    with locked(path):
        current, raw = read_yaml(path)
        data = change(current)
        if raw is not None:
            atomic_write(path.with_name(backup_name(path.name)), raw)
        atomic_write(path, data)
    return data


def _thread_lock(path: Path) -> threading.Lock:
    with _guard:
        return _thread_locks.setdefault(str(path.resolve()), threading.Lock())


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """One writer at a time: a thread lock, and a file lock across processes where the OS has one."""
    with _thread_lock(path):
        try:
            import fcntl
        except ImportError:  # Windows: the thread lock is what there is
            yield
            return
        with open(path.with_name(f".{path.name}.lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
