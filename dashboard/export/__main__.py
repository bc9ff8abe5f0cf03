"""Export a briefing without the app.

    python -m dashboard.export FOLDER --html briefing.html --pptx briefing.pptx \
        [--actor NAME ...] [--mode any|all] [--start YYYY-MM-DD] [--end YYYY-MM-DD]
"""
from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

import pandas as pd

from dashboard.filtering import ActorFilter, View, apply_filter
from dashboard.loader import FolderNotFound, ModelNotFound, load_briefing

from . import build_deck, export_html, export_pptx


class UsageError(ValueError):
    """An argument the user can correct; the message says how."""


def resolve_actors(actors: pd.DataFrame, wanted: list[str]) -> tuple[str, ...]:
    """actor_ids for names as a user types them: the actor's name or id, any case."""
    by_name = {str(n).casefold(): a for a, n in zip(actors["actor_id"], actors["name"])}
    by_id = {str(a).casefold(): a for a in actors["actor_id"]}
    ids = []
    for name in wanted:
        key = name.strip().casefold()
        found = by_name.get(key) or by_id.get(key)
        if found is None:
            close = difflib.get_close_matches(name, list(actors["name"]), n=3, cutoff=0.6)
            hint = f" Did you mean: {', '.join(close)}?" if close else " Names are listed on the app's Actors page."
            raise UsageError(f"no actor named {name!r} in this briefing.{hint}")
        ids.append(found)
    return tuple(dict.fromkeys(ids))


def parse_day(text: str | None, option: str) -> pd.Timestamp | None:
    """A YYYY-MM-DD day, or None when the option was not given."""
    if text is None:
        return None
    try:
        return pd.Timestamp(pd.to_datetime(text, format="%Y-%m-%d"))
    except ValueError:
        raise UsageError(f"{option} {text!r} is not a date: write it as YYYY-MM-DD, e.g. 2025-04-10") from None


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m dashboard.export", description=__doc__.split("\n\n")[0])
    p.add_argument("folder", help="briefing folder of articles")
    p.add_argument("--html", type=Path, help="write the self-contained HTML file here")
    p.add_argument("--pptx", type=Path, help="write the PowerPoint deck here")
    p.add_argument("--actor", action="append", default=[], metavar="NAME",
                   help="keep what involves this actor (repeat for several)")
    p.add_argument("--mode", choices=["any", "all"], default="any",
                   help="with several actors: rows with any of them (default) or all of them")
    p.add_argument("--start", metavar="YYYY-MM-DD", help="first day to include")
    p.add_argument("--end", metavar="YYYY-MM-DD", help="last day to include")
    p.add_argument("--title", help="name on the title slide (default: the folder's name)")
    p.add_argument("--no-images", action="store_true", help="draw the deck's charts as tables, not pictures")
    return p


def load_view(folder: str, *, actors: list[str], mode: str = "any", start: str | None = None,
              end: str | None = None) -> View:
    """The briefing of `folder` narrowed by actor names and a day range."""
    briefing = load_briefing(folder)
    lo, hi = parse_day(start, "--start"), parse_day(end, "--end")
    if lo is not None and hi is not None and lo > hi:
        raise UsageError("--start comes after --end: swap them")
    flt = ActorFilter(actor_ids=resolve_actors(briefing.actors, actors), mode=mode, start=lo, end=hi)
    return apply_filter(briefing, flt)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not args.html and not args.pptx:
        parser().error("nothing to write: give --html FILE, --pptx FILE or both")
    try:
        view = load_view(args.folder, actors=args.actor, mode=args.mode, start=args.start, end=args.end)
    except (UsageError, FolderNotFound, ModelNotFound) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    deck = build_deck(view, name=args.title)
    if args.html:
        args.html.write_text(export_html(view, deck=deck), encoding="utf-8")
        print(f"wrote {args.html} ({len(deck.slides)} slides and the tables)")
    if args.pptx:
        args.pptx.write_bytes(export_pptx(view, deck=deck, images=False if args.no_images else None))
        print(f"wrote {args.pptx} ({len(deck.slides)} slides)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
