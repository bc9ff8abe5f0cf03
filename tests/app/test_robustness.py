"""The app when a file, a folder or a URL is not what it should be (issue 17)."""
from __future__ import annotations

from dashboard.components.context import briefing_folders

GOOD_A = "Ankara hosts talks\nTurkish and Greek officials met in Ankara on Monday, the ministry said.\n"
GOOD_B = "Brazil signs a deal\nBrazil signed a trade deal with Argentina on Friday, officials said.\n"


def test_a_folder_named_like_an_article_is_not_a_briefing_of_its_own(write_articles, tmp_path):
    root = write_articles({"a.txt": GOOD_A}, tmp_path / "root")
    write_articles({"inner.txt": GOOD_B}, root / "b.txt")
    write_articles({"inner.txt": GOOD_B}, root / "region")
    assert briefing_folders(root) == [root, root / "region"]
