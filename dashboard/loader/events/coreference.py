"""The same event told twice in one article: "convened ... this week" and "This meeting, held on
Wednesday" are one event.

A later mention refers back when its event noun has a definite or demonstrative determiner ("this
meeting", "the talks"). It joins the nearest earlier event whose date holds its own (the finer date
wins) or, undated, the nearest earlier event of the same kind (the same word, or two words for a
meeting). The kept row takes the participants and place of both, the fuller headline of the first
telling, and lists the other mention in `retold`; the duplicate row goes.
"""
from __future__ import annotations

from dashboard.loader.events.dating import Event

ANAPHORIC_DETERMINERS = frozenset({"this", "that", "these", "those", "the"})
# Words that name one kind of event: "met" ... "the meeting", "talks" ... "the discussions".
KINDS = [
    frozenset({"meet", "meeting", "talk", "talks", "discussion", "convene", "session", "summit", "negotiation",
               "consultation", "dialogue", "gathering", "encounter", "conference"}),
    frozenset({"attack", "strike", "airstrike", "raid", "assault", "bombing", "bomb", "shell", "shelling"}),
    frozenset({"visit", "trip", "travel", "tour"}),
    frozenset({"agree", "agreement", "deal", "accord", "sign", "signing"}),
    frozenset({"buy", "acquire", "acquisition", "purchase", "takeover", "merge", "merger"}),
]


def anaphoric(event: Event) -> bool:
    """True when the event's word is a noun that refers back: "This meeting, held ...", "the talks"."""
    if event.trigger is None or not event.trigger.nominal:
        return False
    noun = event.trigger.head
    return any(c.dep_ == "det" and c.lower_ in ANAPHORIC_DETERMINERS for c in noun.children) \
        and not any(c.dep_ in ("poss", "prep") for c in noun.children)


def _lemma(event: Event) -> str:
    return event.trigger.head.lemma_.lower() if event.trigger is not None else event.anchor.lemma_.lower()


def _same_kind(a: Event, b: Event) -> bool:
    la, lb = _lemma(a), _lemma(b)
    return la == lb or any(la in k and lb in k for k in KINDS)


def merge_retold(events: list[Event]) -> list[Event]:
    """Join each event that refers back with the one it retells (see the module's docstring)."""
    ordered = sorted(events, key=lambda e: (e.sentence_id, e.position))
    removed: set[int] = set()
    for j, later in enumerate(ordered):
        if not anaphoric(later):
            continue
        for i in range(j - 1, -1, -1):
            earlier = ordered[i]
            if i in removed or earlier.sentence_id == later.sentence_id or earlier.event_class != "occurrence":
                continue
            a, b = earlier.resolution, later.resolution
            if b.is_resolved:
                if not a.is_resolved or not (a.contains(b) or b.contains(a)):
                    continue
                # the finer date wins; with equal dates the first telling
                keep, drop = (later, earlier) if a.contains(b) and not b.contains(a) else (earlier, later)
            elif later.mention is None and _same_kind(earlier, later):
                keep, drop = earlier, later
            else:
                continue
            _join(keep, drop, first=earlier)
            removed.add(i if drop is earlier else j)
            break
    return [e for k, e in enumerate(ordered) if k not in removed]


def _join(keep: Event, drop: Event, *, first: Event) -> None:
    for attr in ("actor_keys", "agent_keys", "patient_keys"):
        mine = getattr(keep, attr)
        mine += [k for k in getattr(drop, attr) if k not in mine]
    keep.place = keep.place or drop.place
    if first is not keep and first.headline:
        keep.headline = first.headline  # the first telling says who did what; the later one refers back
    keep.retold.append(drop)


def merge_within_clause(events: list[Event]) -> list[Event]:
    """An event noun that is an argument of a verb of the same kind is that verb's event: "convened for
    discussions", "met for talks", "attacked in a raid"."""
    verbs = {e.trigger.head.i: e for e in events if e.trigger is not None and not e.trigger.nominal}
    removed: set[int] = set()
    for e in events:
        if e.trigger is None or not e.trigger.nominal or e.trigger.light:
            continue
        noun = e.trigger.head
        head = noun.head.head if noun.head.dep_ == "prep" else noun.head
        verb = verbs.get(head.i)
        if verb is None or verb is e or not _same_kind(verb, e):
            continue
        if e.mention is not None:
            if verb.mention is not None:
                continue  # each has a date of its own
            # "convened for discussions ... this week": the date on the noun dates the one event
            verb.mention, verb.resolution = e.mention, e.resolution
        _join(verb, e, first=verb)
        removed.add(id(e))
    return [e for e in events if id(e) not in removed]


def merge_title(events: list[Event], *, title_sentence: int | None) -> list[Event]:
    """An event of the headline line that the body tells again ("Turkey and Israel Hold First Talks",
    then "officials convened for discussions") is the body's event: the body tells it in full."""
    if title_sentence is None:
        return events
    body = [e for e in events if e.sentence_id != title_sentence]
    removed: set[int] = set()
    for e in events:
        if e.sentence_id != title_sentence or e.trigger is None:
            continue
        for other in body:
            if other.trigger is not None and _same_kind(e, other) and set(e.actor_keys) & set(other.actor_keys):
                other.place = other.place or e.place  # a headline's words say less: its actors are not added
                other.retold.append(e)
                removed.add(id(e))
                break
    return [e for e in events if id(e) not in removed]
