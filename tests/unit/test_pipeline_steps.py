"""The loader's own pipeline step: a line break starts a sentence, and the line's second word continues it."""
from __future__ import annotations

import pytest

from dashboard.loader.parsing.steps import after_line_breaks, line_breaks


def per_token(doc) -> None:
    """The rule read token by token: what `line_breaks` must do at array speed."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            token.is_sent_start = True
            if token.i + 1 < len(doc) and not doc[token.i + 1].is_space:
                doc[token.i + 1].is_sent_start = False


TEXTS = {
    "headline-and-body": "Talks in Cairo\nHakan Fidan met Egyptian officials on Monday.\n",
    "blank-lines": "Markets steady\n\n\nGeneral Motors said sales rose.\n\nThe end",
    "indented-line": "Title\n   Brazil and Argentina signed a deal.\n \n",
    "windows-breaks": "Title\r\nOne line.\r\n\r\nTwo lines.",
    "break-first": "\nA headline after a blank line\nand a body",
    "one-word-lines": "A\nB\nC\nD",
    "no-break": "One sentence with no line break at all.",
    "a-single-token": "Word",
}


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_line_breaks_sets_the_sentence_starts_the_token_rule_sets(nlp, text):
    want, got = nlp.make_doc(text), nlp.make_doc(text)
    per_token(want)
    line_breaks(got)
    assert [t.is_sent_start for t in got] == [t.is_sent_start for t in want]


def test_the_tokens_after_a_line_break_are_found(nlp):
    doc = nlp.make_doc("Title\nFirst line.\n\nSecond line")
    assert [doc[i].text for i in after_line_breaks(doc)] == ["First", "Second"]


def test_a_parsed_doc_is_refused(nlp):
    doc = nlp("Title\nA body line.")
    with pytest.raises(ValueError):
        line_breaks(doc)


@pytest.mark.parametrize(("text", "sentences"), [
    pytest.param("\"I made a mistake,\" admitted Coun. Rick Webber on Tuesday. \"I was distracted.\"",
                 ["\"I made a mistake,\" admitted Coun. Rick Webber on Tuesday.", "\"I was distracted.\""],
                 id="after-a-title"),
    pytest.param("Officers found him in the Sault Ste. Marie area. They say more will follow.",
                 ["Officers found him in the Sault Ste. Marie area.", "They say more will follow."],
                 id="inside-a-place-name"),
    pytest.param("\"We made an arrest,\" Chief of Police Barry M. Weber said in a release.",
                 ["\"We made an arrest,\" Chief of Police Barry M. Weber said in a release."],
                 id="after-an-initial"),
    pytest.param("The council chose plan B. The rest failed.", ["The council chose plan B.", "The rest failed."],
                 id="a-letter-that-is-no-initial-ends-it"),
])
def test_a_name_goes_on_after_its_abbreviation(nlp, text, sentences):
    assert [s.text.strip() for s in nlp(text).sents] == sentences


@pytest.mark.parametrize(("text", "name"), [
    pytest.param("Judge Eugene O\u2019Kelly adjourned the case on Monday.", "Eugene O\u2019Kelly", id="o-apostrophe"),
    pytest.param("Shaquille O\u2019Neal said he was not sure.", "Shaquille O\u2019Neal", id="at-the-start"),
])
def test_a_name_with_a_typographic_apostrophe_is_read_whole(nlp, text, name):
    doc = nlp(text)
    assert name in [e.text for e in doc.ents if e.label_ == "PERSON"]
    assert doc.text == text  # as published
