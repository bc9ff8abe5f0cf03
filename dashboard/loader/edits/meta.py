"""The briefing's own title page: `briefing.yaml` in the briefing folder.

    title: Turkey and Israel talk in Baku
    subtitle: Deconfliction over Syria
    author: Europe desk
    classification: Internal
    summary: |
      Turkey and Israel held their first technical talks ...

Every field is optional. Without a file (or a title) the views make a title from the briefing itself.
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path

from dashboard.loader.edits.store import EditFileError, dump_yaml, read_yaml, update_file
from dashboard.loader.reading.sources import IngestIssue

META_FILE = "briefing.yaml"
META_FIELDS = ("title", "subtitle", "author", "classification", "summary")
MAX_FIELD_CHARS = {"title": 200, "subtitle": 300, "author": 200, "classification": 100, "summary": 5000}
HEADER = """\
# The briefing's title page: every field is optional.
#   title, subtitle, author, classification (e.g. Internal), summary (a few sentences)
"""


@dataclass(frozen=True)
class BriefingMeta:
    """What the analyst says the briefing is; None where they said nothing."""

    title: str | None = None
    subtitle: str | None = None
    author: str | None = None
    classification: str | None = None
    summary: str | None = None

    def to_dict(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}

    @classmethod
    def from_dict(cls, data: object) -> tuple[BriefingMeta, list[str]]:
        """The fields of a briefing.yaml document and a message for each value that was left out."""
        if data is None:
            return cls(), []
        if not isinstance(data, dict):
            raise EditFileError(f"{META_FILE} must be a mapping such as 'title: ...', not {type(data).__name__}")
        problems = [f"'{k}' is not a field of {META_FILE} (use {', '.join(META_FIELDS)})"
                    for k in data if k not in META_FIELDS]
        values: dict[str, str | None] = {}
        for name in META_FIELDS:
            value = data.get(name)
            if value is None:
                continue
            if isinstance(value, (dict, list)) or isinstance(value, bool):
                problems.append(f"'{name}' must be text")
                continue
            text = str(value).strip()
            if len(text) > MAX_FIELD_CHARS[name]:
                problems.append(f"'{name}' was cut to {MAX_FIELD_CHARS[name]} characters")
                text = text[:MAX_FIELD_CHARS[name]]
            values[name] = text or None
        return cls(**values), problems

    def cleaned(self) -> BriefingMeta:
        """Blank fields as None, surrounding spaces gone, long fields cut to their limit."""
        return BriefingMeta.from_dict({k: v for k, v in vars(self).items() if v is not None})[0]


def _issue(message: str) -> IngestIssue:
    return IngestIssue(META_FILE, "warning", message)


def load_meta(folder: str | Path) -> tuple[BriefingMeta, list[IngestIssue]]:
    """The folder's briefing.yaml (an empty BriefingMeta when there is none) and warnings about it."""
    try:
        data, _ = read_yaml(Path(folder) / META_FILE)
        meta, problems = BriefingMeta.from_dict(data)
    except EditFileError as exc:
        return BriefingMeta(), [_issue(f"{exc}: the briefing's title page was ignored")]
    except OSError as exc:
        return BriefingMeta(), [_issue(f"cannot be read ({exc.strerror}): the briefing's title page was ignored")]
    return meta, [_issue(p) for p in problems]


def save_meta(folder: str | Path, meta: BriefingMeta, *, base: BriefingMeta | None = None) -> BriefingMeta:
    """Write `meta` to the folder's briefing.yaml and return what the file now holds.

    base: the meta the caller started from. A field the caller left as it was in `base` keeps the
        file's current value, so a field someone else changed meanwhile is not overwritten. Without
        `base` every field is written.
    EditFileError when the current file cannot be read; OSError when the folder is not writable.
    """
    meta = meta.cleaned()
    result: list[BriefingMeta] = []

    def change(current: object) -> bytes:
        now, _ = BriefingMeta.from_dict(current)
        if base is not None:
            base_clean = base.cleaned()
            keep = {f: getattr(now, f) for f in META_FIELDS if getattr(meta, f) == getattr(base_clean, f)}
            merged = replace(meta, **keep)
        else:
            merged = meta
        result.append(merged)
        return dump_yaml(HEADER, merged.to_dict())

    update_file(Path(folder) / META_FILE, change)
    return result[0]
