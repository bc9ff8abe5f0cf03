"""Score the loader's date resolution against TimeML-style annotation.

    python bench/timeml_dates.py FILE_OR_FOLDER ... [--no-context] [--errors]
    python bench/timeml_dates.py GOLD.json ... --articles ARTICLES_FOLDER

TimeML input (.tml / .xml files, or folders of them): every TIMEX3 of type DATE whose value is a
calendar date (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www) is resolved from its words against the
document creation time (the TIMEX3 with functionInDocument="CREATION_TIME", else the DCT element)
and compared with its value: same first day and same precision. By default each expression is read
in its sentence, parsed by the loader's spaCy model (the tense of the clause it dates, the dates it
may refer back to), exactly as the loader does; --no-context reads the words alone.

Briefing gold input (.json files in the format of the project's gold, with --articles the folder of
their articles): the dated events' `date_text`, found inside their `evidence`, are scored the same way.

Prints accuracy per precision and overall.
"""
from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dashboard.loader.events import dates  # noqa: E402

PRECISION_ORDER = ("day", "week", "month", "year")
TIMEML_SUFFIXES = {".tml", ".xml", ".timeml"}


@dataclass
class Timex:
    start: int
    end: int
    text: str
    expected: tuple[dt.date, str] | None  # None: not a calendar date, used only as context


@dataclass
class Document:
    name: str
    text: str
    published: dt.date | None
    timexes: list[Timex] = field(default_factory=list)


def calendar_value(value: str) -> tuple[dt.date, str] | None:
    """(first day, precision) of a TIMEX3 calendar value; None for anything else (PAST_REF, 2008-Q3, ...)."""
    value = value.strip()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
            return dt.date(int(m[1]), int(m[2]), int(m[3])), "day"
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            return dt.date.fromisocalendar(int(m[1]), int(m[2]), 1), "week"
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            return dt.date(int(m[1]), int(m[2]), 1), "month"
        if m := re.fullmatch(r"(\d{4})", value):
            return dt.date(int(m[1]), 1, 1), "year"
    except ValueError:
        return None
    return None


_TAG = re.compile(r"<(/?)([A-Za-z0-9_:]+)([^>]*?)(/?)>", re.DOTALL)
_ATTR = re.compile(r"""([A-Za-z_:][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _attrs(raw: str) -> dict[str, str]:
    return {m[1]: html.unescape(m[2] if m[2] is not None else m[3]) for m in _ATTR.finditer(raw)}


def read_timeml(source: str, name: str = "") -> Document:
    """Plain text, creation date and TIMEX3 spans of a TimeML document (tags read leniently)."""
    body = re.search(r"<TEXT\b[^>]*>(.*?)</TEXT>", source, re.DOTALL)
    region = body.group(1) if body else re.sub(r"<DCT\b.*?</DCT>", "", source, flags=re.DOTALL)
    published = None
    for m in _TAG.finditer(source):
        attrs = _attrs(m[3])
        if m[2] == "TIMEX3" and attrs.get("functionInDocument") == "CREATION_TIME":
            published = _date_of(attrs.get("value", ""))
            break
    if published is None:
        dct = re.search(r"<DCT\b[^>]*>(.*?)</DCT>", source, re.DOTALL)
        if dct:
            published = _date_of(re.sub(r"<[^>]+>", "", dct.group(1)))
    parts: list[str] = []
    length, stack, timexes = 0, [], []
    position = 0
    for m in _TAG.finditer(region):
        piece = html.unescape(region[position:m.start()])
        parts.append(piece)
        length += len(piece)
        position = m.end()
        if m[2] != "TIMEX3" or m[4]:
            continue
        if not m[1]:
            stack.append((length, _attrs(m[3])))
        elif stack:
            start, attrs = stack.pop()
            if attrs.get("type", "").upper() == "DATE" and attrs.get("functionInDocument") != "CREATION_TIME":
                text = "".join(parts)[start:length]
                timexes.append(Timex(start, length, text, calendar_value(attrs.get("value", ""))))
    parts.append(html.unescape(region[position:]))
    return Document(name, "".join(parts), published, sorted(timexes, key=lambda t: t.start))


def _date_of(value: str) -> dt.date | None:
    m = re.search(r"(\d{4})-?(\d{2})-?(\d{2})", value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def read_gold(path: Path, articles: Path) -> Document | None:
    """A briefing gold file as a document: its article's text and the dated events' date_text spans."""
    from dashboard.loader.reading.sources import read_article

    gold = json.loads(path.read_text(encoding="utf-8"))
    article, _ = read_article(articles / gold["article"]["file"], max_bytes=50_000_000)
    if article is None:
        return None
    published = dates.as_date(article.published) or _date_of(str(gold["article"].get("published", "")))
    doc = Document(path.name, article.text, published)
    for event in gold.get("events_dated", []):
        at = article.text.find(event["evidence"])
        if at < 0:
            continue
        start = article.text.find(event["date_text"], at, at + len(event["evidence"]))
        if start < 0:
            continue
        expected = (dt.date.fromisoformat(event["date"]), event.get("precision", "day"))
        doc.timexes.append(Timex(start, start + len(event["date_text"]), event["date_text"], expected))
    doc.timexes.sort(key=lambda t: t.start)
    return doc


def resolve_document(doc: Document, *, context: bool, nlp=None) -> list[dates.Resolution]:
    """Our reading of each timex of `doc`, in order."""
    if not context:
        return [dates.resolve(t.text, doc.published) for t in doc.timexes]
    from dashboard.loader.events.extract import resolve_spans

    parsed = nlp(doc.text)
    spans = [(t.start, t.end) for t in doc.timexes]
    found = {(m.start, m.end): m.resolution for m in resolve_spans(parsed, spans, doc.published)}
    return [found.get((t.start, t.end)) or dates.resolve(t.text, doc.published) for t in doc.timexes]


def score(documents: list[Document], *, context: bool, errors: bool) -> dict[str, tuple[int, int]]:
    """Right and total per precision (and overall); prints the mistakes when `errors`."""
    nlp = None
    if context:
        from dashboard.loader.parsing.pipeline import build_nlp
        from dashboard.loader.settings import Settings

        nlp = build_nlp(Settings().model)
    right, total = Counter(), Counter()
    for doc in documents:
        for timex, got in zip(doc.timexes, resolve_document(doc, context=context, nlp=nlp)):
            if timex.expected is None:
                continue
            want_date, want_precision = timex.expected
            ok = got.is_resolved and got.date == want_date and got.precision == want_precision
            total[want_precision] += 1
            right[want_precision] += int(ok)
            if errors and not ok:
                print(f"  {doc.name}: {timex.text!r} want {want_date} {want_precision}, "
                      f"got {got.date} {got.precision} ({got.rule}); published {doc.published}")
    table = {p: (right[p], total[p]) for p in PRECISION_ORDER if total[p]}
    table["overall"] = (sum(right.values()), sum(total.values()))
    return table


def _inputs(paths: list[str], articles: str | None) -> list[Document]:
    documents: list[Document] = []
    for raw in paths:
        path = Path(raw)
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.suffix == ".json":
                folder = Path(articles) if articles else file.parent.parent / "articles"
                doc = read_gold(file, folder)
                if doc is not None:
                    documents.append(doc)
            elif file.suffix.lower() in TIMEML_SUFFIXES:
                documents.append(read_timeml(file.read_text(encoding="utf-8", errors="replace"), file.name))
    return documents


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+", help="TimeML files or folders, or briefing gold .json files")
    ap.add_argument("--articles", help="folder of the articles of gold .json files (default: ../articles)")
    ap.add_argument("--no-context", action="store_true", help="resolve the words alone, without parsing")
    ap.add_argument("--errors", action="store_true", help="list every expression resolved wrongly")
    args = ap.parse_args(argv)
    documents = _inputs(args.paths, args.articles)
    if not documents:
        print("no TimeML (.tml, .xml) or gold (.json) files found in the paths given")
        return 2
    undated = sum(d.published is None for d in documents)
    table = score(documents, context=not args.no_context, errors=args.errors)
    print(f"documents: {len(documents)} ({undated} without a creation time)   "
          f"mode: {'words alone' if args.no_context else 'in context'}")
    print(f"{'precision':<10}{'right':>7}{'total':>7}{'accuracy':>10}")
    for name, (ok, n) in table.items():
        print(f"{name:<10}{ok:>7}{n:>7}{(ok / n if n else 0):>10.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
