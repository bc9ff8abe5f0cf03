"""The actor registry: a user's corrections to the actors of a briefing, kept in `actors.yaml`.

The file sits in the briefing folder. It is plain YAML, edited by hand or written by the app, and
its entries are applied in order when the briefing is assembled:

    actors:
      - merge: [GM, General Motors]       # two or more actors become one (names or actor ids)
        into: General Motors              # optional: the merged actor's name
      - rename: turkey-ministry-of-defense
        to: Turkish Ministry of Defense
      - set: Hakan Fidan                  # any of kind, role, affiliation (null clears it)
        role: Foreign Minister
        affiliation: Turkey
      - hide: Gaza                        # not an actor: left out of every table

An actor is named by its actor_id, its name, or (when only one actor has it) one of its aliases.
Merged and renamed actors keep the actor_id of the first actor named, so links stay valid.

API for the app: `load_registry(folder)` -> (Registry, issues); `apply_registry(actors, mentions,
quotes, events, registry)` -> the four tables and issues; `save_registry(folder, entries, base=...)`
writes the file safely (atomic replace, a backup `.actors.yaml.bak`, edits made meanwhile kept).
"""
from __future__ import annotations

import hashlib
import shutil
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
import yaml

from dashboard.loader import schema
from dashboard.loader.actors.gazetteer import fold
from dashboard.loader.reading.sources import IngestIssue
from dashboard.loader.edits.store import EditFileError, load_plain_yaml, locked
from dashboard.loader.vocabulary import ACTOR_KINDS, as_list, atomic_write

FILE_NAME = "actors.yaml"
BACKUP_NAME = ".actors.yaml.bak"  # a dot file: the folder reader skips it
KINDS = ACTOR_KINDS
ACTIONS = ("merge", "rename", "set", "hide")
SETTABLE = ("kind", "role", "affiliation")
HEADER = """\
# Corrections to the actors of this briefing, applied in order when it loads.
#   - merge: [GM, General Motors]   (two or more actors become one; optional "into: NAME")
#   - rename: ACTOR                 (with "to: NEW NAME")
#   - set: ACTOR                    (with any of "kind:", "role:", "affiliation:"; null clears)
#   - hide: ACTOR                   (not an actor: left out of every table)
# ACTOR is an actor_id, a name, or an alias only one actor has.
"""
# A registry is a short list of corrections; anything larger is a mistake or an attack.
MAX_BYTES = 1_000_000
# Warnings listed one by one; the rest are counted in one line.
MAX_WARNINGS = 20
_read_lock = threading.Lock()
_read_cache: dict[tuple, tuple[Registry, tuple[IngestIssue, ...]]] = {}


class RegistryError(ValueError):
    """The registry file or one of its entries cannot be understood."""


@dataclass(frozen=True)
class Entry:
    """One correction. `actors` names the actors it applies to; `name` is the new name (merge into,
    rename to); `changes` holds the fields a `set` entry gives, as (field, value) pairs."""

    action: str
    actors: tuple[str, ...]
    name: str | None = None
    changes: tuple[tuple[str, str | None], ...] = ()
    number: int | None = field(default=None, compare=False)  # position in the file, for messages

    @classmethod
    def merge(cls, actors: Iterable[str], *, into: str | None = None) -> Entry:
        return cls("merge", tuple(actors), into)

    @classmethod
    def rename(cls, actor: str, to: str) -> Entry:
        return cls("rename", (actor,), to)

    @classmethod
    def set(cls, actor: str, **changes: str | None) -> Entry:
        """Entry.set('Hakan Fidan', role='Foreign Minister', affiliation='Turkey')."""
        unknown = set(changes) - set(SETTABLE)
        if unknown:
            raise RegistryError(f"cannot set {sorted(unknown)}: only {', '.join(SETTABLE)}")
        return cls("set", (actor,), None, tuple((k, changes[k]) for k in SETTABLE if k in changes))

    @classmethod
    def hide(cls, actor: str) -> Entry:
        return cls("hide", (actor,))

    def to_dict(self) -> dict:
        """The entry as it is written in actors.yaml."""
        if self.action == "merge":
            return {"merge": list(self.actors), **({"into": self.name} if self.name else {})}
        if self.action == "rename":
            return {"rename": self.actors[0], "to": self.name}
        if self.action == "set":
            return {"set": self.actors[0], **dict(self.changes)}
        return {"hide": self.actors[0] if len(self.actors) == 1 else list(self.actors)}

    @classmethod
    def from_dict(cls, data: object) -> Entry:
        """Read one entry of actors.yaml; RegistryError says what is wrong with it."""
        if not isinstance(data, dict):
            raise RegistryError(f"an entry must be a mapping such as 'hide: NAME', not {_short(data)}")
        actions = [a for a in ACTIONS if a in data]
        if len(actions) != 1:
            raise RegistryError(f"an entry needs exactly one of {', '.join(ACTIONS)}; got {_short(sorted(map(str, data)))}")
        action = actions[0]
        allowed = {"merge": {"into"}, "rename": {"to"}, "set": set(SETTABLE), "hide": set()}[action]
        extra = set(data) - allowed - {action}
        if extra:
            raise RegistryError(f"'{action}' does not take {_short(sorted(map(str, extra)))}")
        target = data[action]
        if action == "merge":
            if not isinstance(target, list) or len(target) < 2 or not all(_is_name(t) for t in target):
                raise RegistryError("'merge' needs a list of two or more actors, e.g. merge: [GM, General Motors]")
            into = data.get("into")
            if into is not None and not _is_name(into):
                raise RegistryError("'into' must be a name")
            return cls.merge([str(t) for t in target], into=str(into) if into else None)
        if action == "hide" and isinstance(target, list) and target and all(_is_name(t) for t in target):
            return cls("hide", tuple(str(t) for t in target))
        if not _is_name(target):
            raise RegistryError(f"'{action}' needs one actor (a name or an id), not {_short(target)}")
        if action == "rename":
            if not _is_name(data.get("to")):
                raise RegistryError("'rename' needs the new name in 'to:'")
            return cls.rename(str(target), str(data["to"]))
        if action == "set":
            changes = {k: (None if data[k] in (None, "") else str(data[k])) for k in SETTABLE if k in data}
            if not changes:
                raise RegistryError(f"'set' needs at least one of {', '.join(SETTABLE)}")
            if changes.get("kind") not in (None, *KINDS):
                raise RegistryError(f"kind {_short(changes['kind'])} is not one of {', '.join(KINDS)}")
            return cls.set(str(target), **changes)
        return cls.hide(str(target))

    def describe(self) -> str:
        """Short text for messages: "merge: GM, General Motors"."""
        return f"{self.action}: {', '.join(self.actors)}"


@dataclass(frozen=True)
class Registry:
    """The entries of a briefing's actors.yaml, and a digest of the file they were read from
    (None when there was no file): a changed digest means the file changed."""

    entries: tuple[Entry, ...] = ()
    digest: str | None = None
    path: Path | None = field(default=None, compare=False)


def _is_name(value: object) -> bool:
    return isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip() != ""


def _issue(message: str) -> IngestIssue:
    return IngestIssue(FILE_NAME, "warning", message)


def _short(value: object, limit: int = 60) -> str:
    """repr of a value from the file, cut to `limit` characters for a message."""
    return _cut(repr(value), limit)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _capped(issues: list[IngestIssue], what: str) -> list[IngestIssue]:
    """The first MAX_WARNINGS issues, and one line saying how many more there are."""
    if len(issues) <= MAX_WARNINGS:
        return issues
    more = len(issues) - MAX_WARNINGS
    return [*issues[:MAX_WARNINGS], _issue(f"and {more} more entries {what}: fix the first ones to see the rest")]


def _parse(text: str) -> tuple[list[Entry], list[str]]:
    """Entries of a registry file and a message per entry that was left out. RegistryError when the
    file as a whole cannot be read."""
    try:
        data = load_plain_yaml(text, name=FILE_NAME)
    except EditFileError as exc:
        raise RegistryError(str(exc)) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise RegistryError(f"not valid YAML{where}: {getattr(exc, 'problem', None) or exc}") from exc
    if data is None:
        return [], []
    if isinstance(data, dict) and set(data) <= {"actors"}:
        data = data.get("actors") or []
    if not isinstance(data, list):
        raise RegistryError("expected a list of entries under 'actors:'")
    entries, problems = [], []
    for n, item in enumerate(data, start=1):
        try:
            entries.append(replace(Entry.from_dict(item), number=n))
        except RegistryError as exc:
            problems.append(f"entry {n} was ignored: {exc}")
    return entries, problems


def load_registry(folder: str | Path) -> tuple[Registry, list[IngestIssue]]:
    """The registry of a briefing folder and warnings about it. A missing file is an empty registry;
    a file that cannot be read is ignored with a warning (never an exception).

    The file is parsed once per change: every page run asks for it, and the answer is kept under the
    file's inode, size and times.
    """
    path = Path(folder) / FILE_NAME
    try:
        st = path.stat()
    except FileNotFoundError:
        return Registry(path=path), []
    except OSError as exc:
        return Registry(path=path), [_issue(f"cannot be read ({exc.strerror}): the actor registry was ignored")]
    stamp = (str(path.resolve()), st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
    with _read_lock:
        known = _read_cache.get(stamp)
    if known is None:
        known = _read(path, st.st_size)
        with _read_lock:
            _read_cache[stamp] = known
            while len(_read_cache) > 32:
                _read_cache.pop(next(iter(_read_cache)))
    registry, issues = known
    return registry, list(issues)


def _read(path: Path, size: int) -> tuple[Registry, tuple[IngestIssue, ...]]:
    if size > MAX_BYTES:
        return Registry(path=path), (_issue(
            f"is {size / 1e6:.1f} MB, over the {MAX_BYTES / 1e6:.0f} MB an actor registry may be: the actor "
            "registry was ignored; fix the file or delete it"),)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Registry(path=path), (_issue(f"cannot be read ({exc.strerror}): the actor registry was ignored"),)
    digest = hashlib.sha256(raw).hexdigest()
    try:
        entries, problems = _parse(raw.decode("utf-8-sig"))
    except (RegistryError, UnicodeDecodeError) as exc:
        return Registry(digest=digest, path=path), (
            _issue(f"{exc}: the actor registry was ignored; fix the file or delete it"),)
    issues = _capped([_issue(p) for p in problems], "were ignored")
    return Registry(tuple(entries), digest, path), tuple(issues)


# --- applying ---------------------------------------------------------------------------------

def apply_registry(actors: pd.DataFrame, mentions: pd.DataFrame, quotes: pd.DataFrame, events: pd.DataFrame,
                   registry: Registry) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame,
                                                list[IngestIssue]]:
    """Apply the registry's entries, in order, to the briefing's tables (as the schema defines them).

    Returns the four tables, cast to the schema, and a warning for every entry, or actor named in an
    entry, that matched nothing. Mention and article counts are recounted after merges and hides.
    """
    if not registry.entries:
        return actors, mentions, quotes, events, []
    table = _ActorTable(actors)
    issues: list[IngestIssue] = []
    for n, entry in enumerate(registry.entries, start=1):
        for message in table.apply(entry):
            issues.append(_issue(f"entry {entry.number or n} ({_cut(entry.describe(), 80)}): {message}"))
    return (*table.tables(mentions, quotes, events), _capped(issues, "matched nothing"))


class _ActorTable:
    """The actors, changed entry by entry; ids merged away or hidden are remembered for the rest."""

    def __init__(self, actors: pd.DataFrame) -> None:
        self.rows: dict[str, dict] = {r["actor_id"]: dict(r) for r in actors.to_dict("records")}
        self.moved: dict[str, str | None] = {}  # merged away -> its new id; hidden -> None

    def find(self, ref: str) -> tuple[str | None, str | None]:
        """(actor_id, None) for the one actor `ref` names, else (None, why not)."""
        ref = str(ref).strip()
        if ref in self.rows:
            return ref, None
        if ref in self.moved:
            return self.moved[ref], None if self.moved[ref] else f"actor {_short(ref)} was hidden by an earlier entry"
        for column in ("name", "aliases"):
            hits = [i for i, r in self.rows.items() if fold(ref) in _folded(r.get(column))]
            if len(hits) == 1:
                return hits[0], None
            if len(hits) > 1:
                return None, f"{_short(ref)} names several actors ({', '.join(sorted(hits))}): use an actor_id"
        return None, f"no actor named {_short(ref)}"

    def apply(self, entry: Entry) -> list[str]:
        found, problems = [], []
        for ref in entry.actors:
            aid, why = self.find(ref)
            if aid is None:
                problems.append(f"{why}; nothing was changed for it")
            elif aid not in found:
                found.append(aid)
        if entry.action == "merge":
            if len(found) >= 2:
                self._merge(found, entry.name)
            elif not problems:
                problems.append("all the actors named are already one actor")
        elif entry.action == "rename" and found:
            self.rows[found[0]]["name"] = entry.name
        elif entry.action == "set" and found:
            problems += self._set(found[0], dict(entry.changes))
        elif entry.action == "hide":
            for aid in found:
                del self.rows[aid]
                self._move(aid, None)
        return problems

    def _merge(self, ids: list[str], into: str | None) -> None:
        keep = self.rows[ids[0]]
        for aid in ids[1:]:
            other = self.rows.pop(aid)
            for col in ("role", "affiliation_id"):
                if _blank(keep.get(col)):
                    keep[col] = other.get(col)
            keep["aliases"] = sorted({*as_list(keep.get("aliases")), *as_list(other.get("aliases"))})
            self._move(aid, ids[0])
        if into:
            keep["name"] = into
        if keep.get("affiliation_id") == ids[0]:
            keep["affiliation_id"] = None

    def _set(self, aid: str, changes: dict[str, str | None]) -> list[str]:
        row = self.rows[aid]
        problems = []
        for col, value in changes.items():
            if col == "affiliation":
                if value is None:
                    row["affiliation_id"] = None
                    continue
                target, why = self.find(value)
                if target is None:
                    problems.append(f"affiliation: {why}; the affiliation was left as it was")
                else:
                    row["affiliation_id"] = target
            else:
                row[col] = value
        return problems

    def _move(self, old: str, new: str | None) -> None:
        self.moved[old] = new
        for k, v in self.moved.items():
            if v == old:
                self.moved[k] = new
        for r in self.rows.values():
            if r.get("affiliation_id") == old:
                r["affiliation_id"] = new

    def remap(self, aid: object) -> str | None:
        return self.moved.get(aid, aid) if isinstance(aid, str) else None

    def tables(self, mentions: pd.DataFrame, quotes: pd.DataFrame,
               events: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        hidden = {old for old, new in self.moved.items() if new is None}
        m = mentions[~mentions["actor_id"].isin(hidden)].copy()
        m["actor_id"] = m["actor_id"].map(self.remap)
        counts = m.groupby("actor_id").agg(mention_count=("article_id", "size"),
                                          article_count=("article_id", "nunique"))
        actors = pd.DataFrame(list(self.rows.values()), columns=schema.TABLES["actors"])
        actors["mention_count"] = actors["actor_id"].map(counts["mention_count"]).fillna(0)
        actors["article_count"] = actors["actor_id"].map(counts["article_count"]).fillna(0)
        actors = actors.sort_values(["mention_count", "name"], ascending=[False, True], kind="stable")
        q = quotes.copy()
        if not q.empty:
            q["speaker_id"] = q["speaker_id"].map(self.remap)
            q["about_ids"] = q["about_ids"].map(self._remap_list)
        e = events.copy()
        if not e.empty:
            for column in ("actor_ids", "agent_ids", "patient_ids"):
                e[column] = e[column].map(self._remap_list)
        return (schema.cast(actors, "actors"), schema.cast(m, "mentions"), schema.cast(q, "quotes"),
                schema.cast(e, "events"))

    def _remap_list(self, ids: object) -> list[str]:
        return sorted({r for r in (self.remap(i) for i in as_list(ids)) if r})


def _folded(value: object) -> set[str]:
    if isinstance(value, str):
        return {fold(value)}
    return {fold(str(v)) for v in as_list(value)}



def _blank(value: object) -> bool:
    return value is None or value is pd.NA or isinstance(value, float) and value != value or value == ""


# --- saving -----------------------------------------------------------------------------------

def save_registry(folder: str | Path, entries: Iterable[Entry], *, base: Registry | None = None) -> Registry:
    """Write `entries` to the folder's actors.yaml without losing anyone's edits.

    base: the registry the caller started from (as `load_registry` returned it). Edits made to the
        file since then, by hand or in another window, are kept: the file's current entries, less
        those the caller removed from `base`, plus those it added. Without `base`, `entries` are
        added to the file's current entries (nothing is removed).
    The previous file is kept as `.actors.yaml.bak`; the new one replaces it in one step, so a
    crash never leaves half a file. Raises RegistryError when the current file cannot be read
    (fix it by hand first: writing over it would lose it), OSError when the folder is not writable.
    """
    path = Path(folder) / FILE_NAME
    entries = list(entries)
    with locked(path):
        current: list[Entry] = []
        if path.exists():
            current, problems = _parse(path.read_bytes().decode("utf-8-sig"))
            if problems:
                raise RegistryError(f"{FILE_NAME}: {'; '.join(problems)}; fix the file before saving")
        if base is None:
            result = current + [e for e in entries if e not in current]
        else:
            removed = [e for e in base.entries if e not in entries]
            added = [e for e in entries if e not in base.entries]
            result = [e for e in current if e not in removed] + [e for e in added if e not in current]
        text = HEADER + yaml.dump({"actors": [e.to_dict() for e in result]}, Dumper=_Dumper, sort_keys=False,
                                  allow_unicode=True, default_flow_style=False, width=100)
        if path.exists():
            shutil.copy2(path, path.with_name(BACKUP_NAME))
        atomic_write(path, text.encode("utf-8"))
    return Registry(tuple(result), hashlib.sha256(text.encode("utf-8")).hexdigest(), path)


class _Dumper(yaml.SafeDumper):
    """Lists of names on one line ('merge: [GM, General Motors]'), everything else in block style."""


def _represent_list(dumper: yaml.SafeDumper, value: list) -> yaml.Node:
    flat = all(isinstance(v, (str, int, float)) for v in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flat)


_Dumper.add_representer(list, _represent_list)
