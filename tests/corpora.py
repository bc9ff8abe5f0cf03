"""The article sets the app tests (AppTest) and the browser tests share, and the function that writes them.

Each set is named for what it holds; a test that needs a text of its own for one behaviour writes it
in the test itself.
"""
from __future__ import annotations

from tests.files import write  # noqa: F401 - the tests take it from here with the articles

# Two short articles without metadata: Turkey's foreign minister in Athens (with a quote), and a
# Brazil–Argentina deal dated only by its month. Turkey and Brazil never share an article.
DESK = {
    "a.txt": "Turkey and Greece meet\nTurkish Foreign Minister Hakan Fidan met Greek diplomats in Athens on Monday.\n"
             "Fidan said Turkey wanted calm waters.\n"
             "\"We will meet again in Ankara,\" Fidan told reporters.\n",
    "b.txt": "Brazil signs deal\nBrazil signed a trade deal with Argentina in March, officials said.\n",
}

# One article to add others beside: uploads and pasted articles are checked against it.
ANKARA = "Ankara hosts talks\nTurkish and Greek officials met in Ankara on Monday, the ministry said.\n"

# Two written articles beside the seed: one about Turkey and Israel talks, one that never names Turkey.
TALKS = """---
title: Ministers prepare new round of talks
published: 2025-04-11
source: Example Wire
url: https://example.org/talks
---
Ministers prepare new round of talks
The Turkish ministry announced on Thursday that talks with Israel were held on Wednesday in Baku.
"We want calm on our borders," Turkish Foreign Minister Hakan Fidan told reporters in Ankara.
"""
TRADE = """---
title: Brazil and Argentina sign trade deal
published: 2025-04-09
source: Example Wire
---
Brazil and Argentina sign trade deal
Brazil and Argentina signed a trade agreement in Buenos Aires on Tuesday, the foreign ministry announced.
"This deal opens our markets to each other," Brazilian President Luiz Inacio Lula da Silva told reporters.
"""
TRADE_QUOTE = "This deal opens our markets to each other"
TRADE_SENTENCE = "Argentina signed a trade agreement in Buenos Aires on Tuesday"
NEWS = {"talks.md": TALKS, "trade.md": TRADE}

# What must never become markup: each string is article text, a title, a file name or front matter.
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
MD_LINK = "[x](javascript:alert(1))"
MD_IMAGE = "![x](http://example.invalid/x.png)"
A_JS = '<a href="javascript:alert(1)">here</a>'

HOSTILE_FILES: dict[str, str | bytes] = {
    f"{IMG}.md": f"""---
title: "{SCRIPT} Turkey talks {IMG}"
source: "{IMG} {MD_LINK}"
url: "javascript:alert(1)"
published: 2025-04-10
---
{SCRIPT} Turkey talks {IMG}
Turkish Foreign Minister Hakan Fidan met Israeli officials in Baku on Wednesday {IMG}, the ministry said.
"We will not allow {SCRIPT} provocations in Syria," Fidan told reporters in Ankara.
Read more at {MD_LINK} and {MD_IMAGE} or {A_JS}.
Israeli Prime Minister Benjamin Netanyahu said the talks were "useful {MD_LINK} and {IMG} calm".
""",
    f"{MD_LINK}.txt": f"""{MD_IMAGE} Greece **and** :red[Cyprus] {MD_LINK}
Greek Prime Minister Kyriakos Mitsotakis met Cypriot President Nikos Christodoulides in Athens on Monday.
"{IMG} We stand together {SCRIPT}," Mitsotakis said after the meeting, according to his office.
The <b>leaders</b> discussed energy <iframe src="javascript:alert(1)"></iframe> links across the Mediterranean.
""",
    "saved page.html": """<html><head><title>&lt;script&gt;alert(1)&lt;/script&gt; Egypt hosts Gaza talks</title>
<script>alert(1)</script></head><body><article>
<h1>&lt;script&gt;alert(1)&lt;/script&gt; Egypt hosts Gaza talks</h1>
<p>Egyptian officials hosted Hamas and Israeli negotiators in Cairo on Sunday, the Egyptian foreign ministry said.</p>
<p>&lt;img src=x onerror=alert(1)&gt; "We are close to an agreement," Badr Abdelatty told reporters.</p>
<p><img src=x onerror=alert(1)> The talks will resume in Doha next week <a href="javascript:alert(1)">link</a>.</p>
<script>alert(1)</script></article></body></html>""",
    # broken files, with names that are themselves markup
    "empty.txt": b"",
    f"{SCRIPT.replace('/', '_')}.txt": b"\x00\x01binary\x00",
    "**bold** :red[x].md": "---\ntitle: [oops\n---\nRome talks\nItalian officials met in Rome on Tuesday.\n",
    "only a title.txt": "Just a headline\n",
    "slides.pdf": b"%PDF-1.4",
}
# Files the overview must name in its warnings
BROKEN_NAMES = ["empty.txt", f"{SCRIPT.replace('/', '_')}.txt", "**bold** :red[x].md", "only a title.txt", "slides.pdf"]

