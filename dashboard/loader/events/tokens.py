"""A read-only view of one parsed article for the event rules, read from the parse once.

spaCy makes a new `Token` object on every `doc[i]`, `.head` and `.children`, walks the sentence to
find a token's children, and looks every string attribute up in the vocabulary on each access; the
event rules read the same attributes of the same few hundred tokens thousands of times an article.
`DocView` reads the parse once, from `Doc.to_array`, into one plain object per token with the same
attribute names (`i`, `dep_`, `head`, `children`, `subtree`, ...), so the rules (and the shared
resolver they call) run unchanged on it. What the rules only read once in a while (edges, a span's
root, alignment of characters to tokens) is asked of spaCy itself, so it is answered exactly as
spaCy answers it.
"""
from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, IS_PUNCT, IS_SPACE, LEMMA, LOWER, ORTH, POS, SPACY, TAG
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc

from dashboard.loader.actors.tokens import WordMemo

_ATTRS = [ORTH, LOWER, LEMMA, TAG, DEP, ENT_TYPE, POS, HEAD, IDX, ENT_IOB, IS_PUNCT, IS_SPACE, SPACY]
_IOB = ("", "I", "O", "B")  # spaCy's names of ENT_IOB's values
_TRAILING = ("", " ")  # the white space after a token, by its SPACY flag
# The string of each hash the views have read: looking the few hundred of an article up in spaCy's
# StringStore costs more than its whole view otherwise.
_STRINGS: WordMemo[str] = WordMemo(str)


class TokenView:
    """One token: spaCy's attribute names, read once."""

    __slots__ = (
        "children",
        "dep_",
        "doc",
        "edges",
        "ent_iob_",
        "ent_type_",
        "head",
        "i",
        "idx",
        "is_punct",
        "is_space",
        "lefts",
        "lemma_",
        "lower_",
        "pos_",
        "rights",
        "tag_",
        "text",
        "whitespace_",
    )

    @property
    def left_edge(self) -> TokenView:
        return (self.edges or self._edges())[0]

    @property
    def right_edge(self) -> TokenView:
        return (self.edges or self._edges())[1]

    def _edges(self) -> tuple[TokenView, TokenView]:
        """spaCy's own edges, asked once: where a parse is not projective they are not always the
        subtree's first and last token, and the rules must see what spaCy says."""
        tok = self.doc.spacy[self.i]
        self.edges = (self.doc.tokens[tok.left_edge.i], self.doc.tokens[tok.right_edge.i])
        return self.edges

    @property
    def subtree(self) -> list[TokenView]:
        """The token and its descendants, in spaCy's order (left subtrees, the token, right subtrees)."""
        out: list[TokenView] = []

        def walk(tok: TokenView) -> None:
            for left in tok.lefts:
                walk(left)
            out.append(tok)
            for right in tok.rights:
                walk(right)

        walk(self)
        return out

    @property
    def ancestors(self) -> list[TokenView]:
        """The heads above the token, nearest first."""
        out: list[TokenView] = []
        tok = self
        while tok.head is not tok and len(out) < len(self.doc.tokens):
            tok = tok.head
            out.append(tok)
        return out

    @property
    def sent(self) -> SpanView:
        return self.doc.sentence_of(self.i)

    def __repr__(self) -> str:
        return self.text


class SpanView:
    """Tokens `start` to `end` (exclusive) of a `DocView`."""

    __slots__ = ("doc", "end", "start")

    def __init__(self, doc: DocView, start: int, end: int) -> None:
        self.doc, self.start, self.end = doc, start, end

    def __len__(self) -> int:
        return self.end - self.start

    def __iter__(self) -> Iterator[TokenView]:
        return iter(self.doc.tokens[self.start:self.end])

    def __getitem__(self, i: int) -> TokenView:
        return self.doc.tokens[self.start:self.end][i]

    @property
    def start_char(self) -> int:
        return self.doc.tokens[self.start].idx if len(self) else 0

    @property
    def end_char(self) -> int:
        if not len(self):
            return 0
        last = self.doc.tokens[self.end - 1]
        return last.idx + len(last.text)

    @property
    def text(self) -> str:
        return self.doc.text[self.start_char:self.end_char] if len(self) else ""

    @property
    def root(self) -> TokenView:
        return self.doc.tokens[self.doc.spacy[self.start:self.end].root.i]


class DocView:
    """A parsed article as the event rules read it: `doc[i]`, `doc[a:b]`, iteration, `text`, `sents`,
    `ents` and `char_span`, as on a spaCy `Doc`."""

    def __init__(self, doc: Doc, sent_starts: list[int]) -> None:
        """sent_starts: the first token of each sentence (read once by the caller)."""
        self.spacy = doc
        self.text = ""  # `doc.text`, joined here from the words read below (spaCy's makes a Token a word)
        self.vocab = doc.vocab
        self.sent_starts = sent_starts
        self.tokens: list[TokenView] = []
        if not len(doc):
            return
        arr = doc.to_array(_ATTRS)
        words = arr[:, :6].T.tolist()
        name = _STRINGS.table(set().union(*words), doc.vocab.strings).__getitem__
        cols = [list(map(name, col)) for col in words]
        pos = list(map(POS_NAMES.__getitem__, arr[:, 6].tolist()))
        heads = (np.arange(len(doc)) + arr[:, 7].astype(np.int64)).tolist()
        idx = arr[:, 8].tolist()
        punct, space = arr[:, 10].astype(bool).tolist(), arr[:, 11].astype(bool).tolist()
        trailing = list(map(_TRAILING.__getitem__, arr[:, 12].tolist()))
        iob = list(map(_IOB.__getitem__, arr[:, 9].tolist()))
        self.text = "".join(map(str.__add__, cols[0], trailing))
        tokens = self.tokens = [TokenView.__new__(TokenView) for _ in range(len(heads))]
        lefts: dict[int, list[TokenView]] = {}
        rights: dict[int, list[TokenView]] = {}
        for t, i, h, orth, lower, lemma, tag, dep, ent, p, x, b, pu, sp, ws in zip(
                tokens, range(len(tokens)), heads, *cols, pos, idx, iob, punct, space, trailing):
            t.doc = self
            t.i = i
            t.text = orth
            t.lower_ = lower
            t.lemma_ = lemma
            t.tag_ = tag
            t.dep_ = dep
            t.ent_type_ = ent
            t.pos_ = p
            t.idx = x
            t.ent_iob_ = b
            t.is_punct = pu
            t.is_space = sp
            t.whitespace_ = ws
            t.lefts = t.rights = t.children = ()  # most tokens have no children: one shared empty tuple
            t.edges = None  # spaCy's left and right edge, asked when needed
            t.head = tokens[h]
            if h > i:
                lefts.setdefault(h, []).append(t)
            elif h < i:
                rights.setdefault(h, []).append(t)
        for h in lefts.keys() | rights.keys():
            t = tokens[h]
            t.lefts, t.rights = tuple(lefts.get(h, ())), tuple(rights.get(h, ()))
            t.children = t.lefts + t.rights

    def release(self) -> None:
        """Drop the links between the tokens (each points at its head, its children and the view), so
        that they are freed as soon as the rules are done rather than by the cycle collector."""
        for t in self.tokens:
            t.doc = t.head = t.edges = None
            t.lefts = t.rights = t.children = ()
        self.tokens = []

    def __len__(self) -> int:
        return len(self.tokens)

    def __iter__(self) -> Iterator[TokenView]:
        return iter(self.tokens)

    def __getitem__(self, i: int | slice) -> TokenView | SpanView:
        if isinstance(i, slice):
            if i.step not in (None, 1):
                raise ValueError("a span of an article takes every token")
            n = len(self.tokens)
            start = 0 if i.start is None else i.start + n if i.start < 0 else i.start
            start = min(n, max(0, start))
            stop = n if i.stop is None else i.stop + n if i.stop < 0 else i.stop
            return SpanView(self, start, min(n, max(start, stop)))
        return self.tokens[i]

    @property
    def ents(self):
        return self.spacy.ents

    @property
    def sents(self) -> list[SpanView]:
        ends = [*self.sent_starts[1:], len(self.tokens)]
        return [SpanView(self, s, e) for s, e in zip(self.sent_starts, ends)]

    def sentence_of(self, i: int) -> SpanView:
        k = np.searchsorted(self.sent_starts, i, side="right") - 1
        end = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.tokens)
        return SpanView(self, self.sent_starts[k], end)

    def char_span(self, start: int, end: int, alignment_mode: str = "strict") -> SpanView | None:
        span = self.spacy.char_span(start, end, alignment_mode=alignment_mode)
        return None if span is None else SpanView(self, span.start, span.end)

    def to_array(self, attrs):
        return self.spacy.to_array(attrs)
