"""Headlines: one short sentence a reader can take into a meeting, cut from the event's clause.

Subject, verb, object and place are kept; clauses that are events of their own, relative clauses,
appositions and the dating words (the date has its own column) are left out. Pronouns and
descriptions that stand for an actor ("he", "its", "the company") become the actor's name, a
demonstrative ("this meeting") becomes "the", and a reporting verb keeps what was reported
("the ministry announced that ...").
"""
from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Token

MAX_WORDS = 25
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
PERSONAL = frozenset({"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "hers", "theirs"})
POSSESSIVE = frozenset({"his", "its", "their", "her"})
SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they", "this", "that", "these", "those", "which", "who"})
DROPPED_HERE = frozenset({"conj", "cc", "advcl", "parataxis", "preconj", "mark"})
DROPPED_BELOW = frozenset({"relcl", "appos", "parataxis"})
SEPARATORS = (",", ";", ":", "-", "–", "—")
NOUN_CLAUSES = frozenset({"relcl", "acl", "appos", "advcl", "ccomp"})


def clause(root: Token, quoted: list[bool], *, skip: frozenset[int] | set[int] = frozenset(),
           keep_reported: bool = True, through: Token | None = None) -> list[Token]:
    """Tokens of the clause headed by `root`, trimmed, with the subject it shares with another clause
    in front ("Turkey has suspended ... and [Turkey] joined ...").

    skip: token positions to leave out (the dating words); keep_reported: False leaves out a reported
    clause (ccomp) and the words of a quotation the clause reports; through: a word below `root` whose
    own clause stays in ("urged Israel [to halt]"). Adjuncts in front of the subject ("In a
    significant move, ...") are left out.
    """
    subject_at = min((c.i for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), default=root.i)
    keep: list[Token] = []
    before, after = set(), set()  # positions just outside a left-out part: the commas that framed it

    def visit(token: Token) -> None:
        if token.i in skip:
            return
        keep.append(token)
        for child in token.children:
            if through is not None and child.left_edge.i <= through.i <= child.right_edge.i:
                visit(child)
                continue
            fronted = token.i == root.i and child.dep_ in ("prep", "npadvmod", "advmod") and child.i < subject_at \
                and child.i < root.i
            left_out = fronted or (token.i == root.i and child.dep_ in DROPPED_HERE) or child.dep_ in DROPPED_BELOW or (
                not keep_reported and token.i == root.i and child.dep_ == "ccomp" and (
                    child.pos_ in ("VERB", "AUX") or quoted[child.idx])) or (
                quoted[child.idx] and not quoted[root.idx] and child.pos_ in ("VERB", "AUX") and not keep_reported)
            objects = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else []
            dangling = bool(objects) and all(g.i in skip for g in objects)  # "over [the day]", "the rest of [2009]"
            if left_out or dangling or child.i in skip and child.dep_ in ("npadvmod", "advmod", "prep", "tmod"):
                before.add(child.left_edge.i - 1)
                after.add(child.right_edge.i + 1)
            else:
                visit(child)

    visit(root)
    joins = {root.i} | {c.i for c in root.children if c.dep_ in ("aux", "auxpass", "neg")}
    keep = sorted((t for t in keep if not (t.text in SEPARATORS and (
        t.i in before or (t.i in after and t.i + 1 in joins)))), key=lambda t: t.i)
    keep = _shorten(keep, root)
    return _shared_subject(root, keep) + keep


def noun_phrase(noun: Token, *, skip: frozenset[int] | set[int] = frozenset()) -> list[Token]:
    """An event noun with its modifiers, without the clauses that hang from it."""
    out: list[Token] = []
    stack = [noun]
    while stack:
        tok = stack.pop()
        if tok.i in skip:
            continue
        out.append(tok)
        # another noun joined to the event noun is another event; joined names inside it stay ("between A and B")
        dropped = NOUN_CLAUSES | ({"conj", "cc"} if tok.i == noun.i else set())
        stack += [c for c in tok.children if c.dep_ not in dropped]
    return _shorten(sorted(out, key=lambda t: t.i), noun)


def _shared_subject(root: Token, keep: list[Token]) -> list[Token]:
    """The subject a clause shares with the one it hangs from; a relative pronoun gives way to its noun."""
    if any(c.dep_ in ("nsubj", "nsubjpass") and not _relative(c) for c in root.children):
        bare = root.dep_ == "relcl" and root.head.i < root.i and not any(
            c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp") for c in root.children)  # "the songs Apple sells"
        if root.dep_ == "relcl" and (bare or any(_relative(t) and t.i < root.i for t in keep)):
            # "the dealerships that it was closing": the noun stands in front, the pronoun goes
            keep[:] = [t for t in keep if not (_relative(t) and t.i < root.i)]
            return _head_phrase(root.head)
        return []
    if root.dep_ == "relcl":
        keep[:] = [t for t in keep if not (_relative(t) and t.head.i == root.i)]
        return _head_phrase(root.head)
    first = root
    while first.dep_ in ("conj", "advcl", "xcomp") and first.head.i != first.i and (
            first.dep_ in ("conj", "xcomp") or first.tag_ in ("VBG", "VBN")):
        first = first.head
    if first.i == root.i:
        return []
    for child in first.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if _relative(child) and first.dep_ == "relcl":
                return _head_phrase(first.head)  # "an iPod, which is made ... and marketed ..."
            return [t for t in child.subtree if t.text not in (",", ";")
                    and not any(a.dep_ in ("relcl", "appos", "parataxis") for a in _path(t, child))]
    return []


def _relative(token: Token) -> bool:
    """A relative pronoun: 'which', 'who', 'that' opening a relative clause."""
    return token.tag_ in ("WP", "WDT") or token.lower_ == "that" and token.dep_ in ("nsubj", "nsubjpass", "dobj")


def _head_phrase(head: Token) -> list[Token]:
    """The noun a relative clause hangs from, with the words in front of it: 'the dealerships'."""
    return [t for t in head.subtree if t.i <= head.i and t.dep_ != "punct"
            and not any(a.dep_ in ("relcl", "appos", "acl") or a.dep_ == "prep" and a.lower_ != "per"
                        for a in _path(t, head))]  # 'a 3 per cent raise': a unit, not a phrase after


def _path(token: Token, top: Token) -> list[Token]:
    path = []
    while token.i != top.i and token.head.i != token.i:
        path.append(token)
        token = token.head
    return path


def _shorten(tokens: list[Token], root: Token) -> list[Token]:
    """Drop the longest complements of the root until at most MAX_WORDS words are left."""
    keep = {t.i for t in tokens}
    protected = {"nsubj", "nsubjpass", "aux", "auxpass", "neg", "dobj", "prt"}
    kept = tokens
    words = [t for t in kept if not t.is_punct]
    while len(words) > MAX_WORDS:
        options = [c for c in root.children if c.i in keep and c.dep_ not in protected]
        if not options:
            break
        longest = max(options, key=lambda c: sum(1 for t in c.subtree if t.i in keep))
        keep -= {t.i for t in longest.subtree}
        kept = [t for t in tokens if t.i in keep]
        words = [t for t in kept if not t.is_punct]
    kept = list(kept)
    if len(words) > MAX_WORDS:
        last = words[MAX_WORDS - 1].i
        kept = [t for t in kept if t.i <= last]
    return kept


# The clean-up of a rendered headline, compiled once (render runs for every event).
_EMPTY_QUOTE = re.compile(r"[“\"]\s*[.,]?\s*[”\"]")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)")
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:])")
_COMMAS = re.compile(r",(\s*,)+")
_DOUBLE_POSSESSIVE = re.compile(r"'s's\b")


def render(tokens: list[Token], quoted: list[bool], name_of: Callable[[Token], str | None],
           fallback: Callable[[Token], str | None], *, forms: dict[int, str] | None = None,
           capitalise: bool = True, keep_order: bool = False) -> str:
    """The tokens as a sentence: names for pronouns and descriptions (`name_of` gives an actor's name
    for a phrase head, or None), "the" for a demonstrative, capitalised; `fallback` names an
    unresolved pronoun that would open the sentence; `forms` replaces words ("aiming" -> "aimed");
    keep_order keeps the tokens in the order given (a subject moved in front of its verb)."""
    forms = forms or {}
    unique = {t.i: t for t in tokens if not t.is_space}.values()
    tokens = list(unique) if keep_order else sorted(unique, key=lambda t: t.i)
    while tokens and (tokens[0].is_punct and tokens[0].text not in "“\"" or not quoted[tokens[0].idx] and (
            tokens[0].dep_ in ("cc", "mark") or tokens[0].lower_ in ("however", "meanwhile", "also", "but", "and")
            or _relative(tokens[0]))):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in ("”", '"', ")", "%"):
        tokens = tokens[:-1]
    present = {t.i for t in tokens}
    words: list[tuple[Token, str]] = []
    replaced: set[int] = set()
    for token in tokens:
        if token.i in replaced:
            continue
        text = forms.get(token.i, token.text)
        if not quoted[token.idx]:
            low = token.lower_
            possessive = low in POSSESSIVE or token.dep_ == "poss"
            if low in PERSONAL and token.pos_ == "PRON" and (not possessive or not words):
                # a possessive inside the sentence reads well as it stands ("Israel continues its operations")
                name = name_of(token) or (fallback(token) if not words else None)
                if name:
                    text = (f"{name}'" if name.endswith("s") and low in ("their", "theirs") else f"{name}'s") \
                        if possessive else name  # 'Bus drivers' union
            elif token.pos_ == "NOUN" and token.dep_ != "compound":
                name = name_of(token)
                phrase = [c for c in token.lefts if c.i in present]
                if name and all(c.dep_ in ("det", "amod", "compound") and c.pos_ != "PROPN" for c in phrase) \
                        and any(c.dep_ == "det" and c.lower_ in ("the", *DEMONSTRATIVES) for c in phrase):
                    words = [(t, w) for t, w in words if t.i not in {c.i for c in phrase}]
                    text = name
            elif low in DEMONSTRATIVES and token.dep_ == "det":
                text = "the"
            elif low in DEMONSTRATIVES and token.dep_ in ("nsubj", "nsubjpass") and not words:
                text = fallback(token) or text
        words.append((token, text))
    parts = []
    for (token, text), (nxt, _) in zip(words, words[1:]):
        parts += (text, token.whitespace_ if nxt.i == token.i + 1 else " ")
    if words:
        parts.append(words[-1][1])
    out = "".join(parts)
    # each clean-up runs only where the characters it needs stand in the headline
    if '"' in out or "“" in out:
        out = _EMPTY_QUOTE.sub("", out)  # a quotation left out of a clause that reports it
    if "(" in out:
        out = _EMPTY_BRACKETS.sub("", out)
    if "  " in out or not out.isprintable():  # white space other than single spaces is not printable
        out = _SPACES.sub(" ", out)
    if " ," in out or " ." in out or " ;" in out or " :" in out:
        out = _SPACE_BEFORE_PUNCT.sub(r"\1", out)
    if out.count(",") > 1:
        out = _COMMAS.sub(",", out)
    if "'s's" in out:
        out = _DOUBLE_POSSESSIVE.sub("'s", out)
    if out.count("(") != out.count(")"):
        out = re.sub(r"\s*[()]\s*", " ", out).strip()  # a bracket whose partner was left out
    if out.count('"') % 2 and re.search(r'"[^"]*\w[^"]*$', out):
        out += '"'  # the closing mark stood outside the clause
    elif out.count("“") == out.count("”") + 1 and out.rfind("“") > out.rfind("”"):
        out += "”"
    if (out.count("“") != out.count("”")) or out.count('"') % 2:
        out = out.strip("“”\"")
    out = out.strip(" ,;:")
    return out[:1].upper() + out[1:] if capitalise else out


def opens_with_pronoun(headline: str) -> bool:
    """True when a headline opens with a pronoun or demonstrative (never wanted)."""
    first = re.match(r"[“\"]?(\w+)", headline)
    return bool(first) and first.group(1).lower() in PERSONAL | DEMONSTRATIVES | {"which", "who"}


# Past tenses that do not end in -ed.
IRREGULAR_PAST = {
    "say": "said", "tell": "told", "hold": "held", "make": "made", "take": "took", "give": "gave", "meet": "met",
    "seek": "sought", "buy": "bought", "sell": "sold", "bring": "brought", "leave": "left", "keep": "kept",
    "lead": "led", "send": "sent", "spend": "spent", "win": "won", "lose": "lost", "go": "went", "come": "came",
    "see": "saw", "know": "knew", "think": "thought", "find": "found", "begin": "began", "run": "ran",
    "write": "wrote", "speak": "spoke", "strike": "struck", "stand": "stood", "fall": "fell", "rise": "rose",
    "put": "put", "set": "set", "cut": "cut", "hit": "hit", "let": "let", "become": "became", "get": "got",
    "pay": "paid", "lay": "laid", "build": "built", "feel": "felt", "hear": "heard", "mean": "meant",
    "grow": "grew", "drive": "drove", "fight": "fought", "teach": "taught", "catch": "caught", "break": "broke",
    "choose": "chose", "have": "had", "do": "did", "be": "was", "shut": "shut", "quit": "quit", "spread": "spread",
    "bid": "bid", "forecast": "forecast", "undertake": "undertook", "withdraw": "withdrew", "draw": "drew",
    "show": "showed", "fly": "flew", "sink": "sank", "shoot": "shot", "steal": "stole", "wear": "wore",
}


def finite(verb: Token, tense_of: Token) -> str:
    """A participle ("aiming", "citing") as the finite verb of a headline, in the tense of `tense_of`."""
    lemma = verb.lemma_.lower()
    if tense_of.tag_ in ("VBZ", "VBP") and not any(c.dep_ == "aux" for c in tense_of.children):
        if re.search(r"(s|sh|ch|x|z|o)$", lemma):
            return lemma + "es"
        return lemma[:-1] + "ies" if re.search(r"[^aeiou]y$", lemma) else lemma + "s"
    if lemma in IRREGULAR_PAST:
        return IRREGULAR_PAST[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ied"
    if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnpt]", lemma):  # one syllable, consonant-vowel-consonant: "planned"
        return lemma + lemma[-1] + "ed"
    return lemma + "ed"
