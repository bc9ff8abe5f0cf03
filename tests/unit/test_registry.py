"""The actor registry (actors.yaml): reading it, applying its entries, writing it safely."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from dashboard.loader import schema
from dashboard.loader.actors.registry import (
    BACKUP_NAME, FILE_NAME, Entry, Registry, RegistryError, apply_registry, load_registry, save_registry,
)
from dashboard.loader.reading.sources import IngestIssue

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _tables() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    actors = schema.cast(pd.DataFrame({
        "actor_id": ["turkey", "gm", "general-motors", "hakan-fidan", "gaza", "ministry"],
        "name": ["Turkey", "GM", "General Motors", "Hakan Fidan", "Gaza", "Ministry of Defense"],
        "kind": ["country", "organization", "organization", "person", "place", "organization"],
        "role": [None, None, None, "Foreign Minister", None, None],
        "affiliation_id": [None, None, None, "turkey", None, "turkey"],
        "aliases": [["Turkey", "Ankara"], ["GM"], ["General Motors"], ["Fidan", "Hakan Fidan"], ["Gaza"],
                    ["Defense Ministry"]],
        "mention_count": [3, 1, 1, 2, 1, 1],
        "article_count": [2, 1, 1, 1, 1, 1],
    }), "actors")
    mentions = schema.cast(pd.DataFrame({
        "article_id": ["a1", "a1", "a2", "a2", "a1", "a1", "a1", "a2", "a1"],
        "sentence_id": [0, 1, 0, 1, 2, 2, 3, 2, 4],
        "start": [0, 20, 0, 20, 40, 50, 60, 40, 80],
        "end": [6, 26, 2, 34, 45, 55, 64, 45, 99],
        "text": ["Turkey", "Ankara", "GM", "General Motors", "Hakan", "Fidan", "Gaza", "Turkey", "Defense Ministry"],
        "actor_id": ["turkey", "turkey", "gm", "general-motors", "hakan-fidan", "hakan-fidan", "gaza", "turkey",
                     "ministry"],
        "label": ["GPE"] * 9,
    }), "mentions")
    quotes = schema.cast(pd.DataFrame({
        "quote_id": ["a1-q0", "a2-q0"], "article_id": ["a1", "a2"], "sentence_id": [2, 1], "kind": ["direct"] * 2,
        "text": ["We want calm in Gaza", "Sales fell"], "cue": ["said"] * 2, "speaker_id": ["hakan-fidan", "gm"],
        "speaker_text": ["Fidan", "GM"], "confidence": ["named"] * 2, "about_ids": [["gaza", "turkey"], []],
        "start": [0, 0], "end": [10, 10],
    }), "quotes")
    events = schema.cast(pd.DataFrame({
        "event_id": ["a1-e0", "a2-e0"], "article_id": ["a1", "a2"], "sentence_id": [3, 1],
        "actor_ids": [["gaza", "hakan-fidan"], ["general-motors", "gm"]],
    }), "events")
    return actors, mentions, quotes, events


def _apply(*entries: Entry):
    return apply_registry(*_tables(), Registry(tuple(entries)))


def _by_id(actors: pd.DataFrame) -> pd.DataFrame:
    return actors.set_index("actor_id")


def test_merge_joins_two_actors_everywhere():
    actors, mentions, quotes, events, issues = _apply(Entry.merge(["General Motors", "GM"], into="General Motors"))
    assert issues == []
    assert "gm" not in set(actors["actor_id"])
    row = _by_id(actors).loc["general-motors"]
    assert (row["name"], row["aliases"], row["mention_count"], row["article_count"]) == (
        "General Motors", ["GM", "General Motors"], 2, 1)
    assert set(mentions.loc[mentions["text"].isin(["GM", "General Motors"]), "actor_id"]) == {"general-motors"}
    assert quotes.loc[1, "speaker_id"] == "general-motors"
    assert events.loc[1, "actor_ids"] == ["general-motors"]


def test_merge_by_id_keeps_the_first_id_and_fills_missing_fields():
    actors, *_, issues = _apply(Entry.merge(["gm", "hakan-fidan"]))
    row = _by_id(actors).loc["gm"]
    assert (row["name"], row["role"], row["affiliation_id"], row["mention_count"]) == ("GM", "Foreign Minister",
                                                                                       "turkey", 3)
    assert issues == []


def test_rename_keeps_the_id():
    actors, *_ = _apply(Entry.rename("Ministry of Defense", "Turkish Ministry of Defense"))
    assert _by_id(actors).loc["ministry", "name"] == "Turkish Ministry of Defense"


def test_an_entry_can_name_an_actor_by_an_alias():
    actors, *_ = _apply(Entry.rename("Ankara", "Republic of Turkey"))
    assert _by_id(actors).loc["turkey", "name"] == "Republic of Turkey"


def test_set_kind_role_and_affiliation():
    actors, *_, issues = _apply(Entry.set("Gaza", kind="group", role="Territory", affiliation="Turkey"),
                                Entry.set("Hakan Fidan", role=None))
    gaza, fidan = _by_id(actors).loc["gaza"], _by_id(actors).loc["hakan-fidan"]
    assert (gaza["kind"], gaza["role"], gaza["affiliation_id"]) == ("group", "Territory", "turkey")
    assert pd.isna(fidan["role"])
    assert issues == []


def test_hide_leaves_an_actor_out_of_every_table():
    actors, mentions, quotes, events, issues = _apply(Entry.hide("Turkey"))
    assert "turkey" not in set(actors["actor_id"])
    assert "turkey" not in set(mentions["actor_id"])
    assert len(mentions) == 6
    assert quotes.loc[0, "about_ids"] == ["gaza"]
    assert _by_id(actors).loc["hakan-fidan", "affiliation_id"] is pd.NA
    assert issues == []


def test_hiding_a_speaker_keeps_the_quote_without_a_speaker():
    _, _, quotes, _, _ = _apply(Entry.hide("Hakan Fidan"))
    assert list(quotes["quote_id"]) == ["a1-q0", "a2-q0"]
    assert quotes.loc[0, "speaker_id"] is pd.NA


def test_later_entries_follow_earlier_ones():
    actors, *_, issues = _apply(Entry.merge(["GM", "General Motors"]), Entry.rename("general-motors", "GM Corp"))
    assert list(actors.loc[actors["actor_id"] == "gm", "name"]) == ["GM Corp"]
    assert issues == []


@pytest.mark.parametrize("entry, message", [
    pytest.param(Entry.hide("Nobody"),
                 "entry 1 (hide: Nobody): no actor named 'Nobody'; nothing was changed for it", id="hide"),
    pytest.param(Entry.rename("Ford", "Ford Motor Company"),
                 "entry 1 (rename: Ford): no actor named 'Ford'; nothing was changed for it", id="rename"),
    pytest.param(Entry.set("Hakan Fidan", affiliation="Atlantis"),
                 "entry 1 (set: Hakan Fidan): affiliation: no actor named 'Atlantis'; the affiliation was left as it"
                 " was", id="set-affiliation"),
    pytest.param(Entry.merge(["GM", "Gm"]),
                 "entry 1 (merge: GM, Gm): all the actors named are already one actor", id="merge-one"),
])
def test_an_entry_that_matches_nothing_is_reported(entry, message):
    before = _tables()[0]
    actors, *_, issues = _apply(entry)
    assert issues == [IngestIssue(FILE_NAME, "warning", message)]
    if entry.action != "set":
        pd.testing.assert_frame_equal(actors.sort_values("actor_id").reset_index(drop=True),
                                      before.sort_values("actor_id").reset_index(drop=True))


def test_a_merge_with_one_unknown_actor_merges_the_others_and_reports_it():
    actors, *_, issues = _apply(Entry.merge(["GM", "General Motors", "Chrysler"]))
    assert "general-motors" not in set(actors["actor_id"])
    assert issues == [IngestIssue(FILE_NAME, "warning", "entry 1 (merge: GM, General Motors, Chrysler): no actor "
                                                        "named 'Chrysler'; nothing was changed for it")]


def test_an_actor_hidden_earlier_is_reported_when_named_again():
    *_, issues = _apply(Entry.hide("gaza"), Entry.rename("gaza", "Gaza Strip"))
    assert [i.message for i in issues] == [
        "entry 2 (rename: gaza): actor 'gaza' was hidden by an earlier entry; nothing was changed for it"]


def test_a_name_several_actors_share_asks_for_an_id():
    actors, mentions, quotes, events = _tables()
    actors.loc[actors["actor_id"] == "gm", "name"] = "General Motors"
    *_, issues = apply_registry(actors, mentions, quotes, events, Registry((Entry.hide("General Motors"),)))
    assert [i.message for i in issues] == [
        "entry 1 (hide: General Motors): 'General Motors' names several actors (general-motors, gm): use an "
        "actor_id; nothing was changed for it"]


def test_an_empty_registry_changes_nothing():
    tables = _tables()
    out = apply_registry(*tables, Registry())
    for before, after in zip(tables, out[:4]):
        pd.testing.assert_frame_equal(before, after)
    assert out[4] == []


# --- the file ---------------------------------------------------------------------------------

REGISTRY_TEXT = """\
actors:
  - merge: [GM, General Motors]
    into: General Motors
  - rename: turkey-ministry-of-defense
    to: Turkish Ministry of Defense
  - set: Hakan Fidan
    role: Foreign Minister
    affiliation: Turkey
  - hide: Gaza
  - hide: [Gaza, West Bank]
"""


def test_load_reads_every_kind_of_entry(tmp_path):
    (tmp_path / FILE_NAME).write_text(REGISTRY_TEXT, encoding="utf-8")
    registry, issues = load_registry(tmp_path)
    assert issues == []
    assert registry.entries == (
        Entry.merge(["GM", "General Motors"], into="General Motors"),
        Entry.rename("turkey-ministry-of-defense", "Turkish Ministry of Defense"),
        Entry.set("Hakan Fidan", role="Foreign Minister", affiliation="Turkey"),
        Entry.hide("Gaza"),
        Entry("hide", ("Gaza", "West Bank")),
    )
    assert registry.digest is not None


def test_a_missing_file_is_an_empty_registry(tmp_path):
    assert load_registry(tmp_path) == (Registry(), [])


@pytest.mark.parametrize("text, message", [
    pytest.param("actors:\n  - merge: [GM, General Motors\n", "not valid YAML (line 3)", id="bad-yaml"),
    pytest.param("just some words\n", "expected a list of entries under 'actors:'", id="not-a-list"),
    pytest.param("actors: {hide: Gaza}\n", "expected a list of entries under 'actors:'", id="mapping"),
    pytest.param(b"\xff\xfe\x00b", "codec can't decode", id="binary"),
])
def test_a_malformed_file_is_ignored_with_a_warning(tmp_path, text, message):
    (tmp_path / FILE_NAME).write_bytes(text if isinstance(text, bytes) else text.encode())
    registry, issues = load_registry(tmp_path)
    assert registry.entries == ()
    assert len(issues) == 1 and issues[0].file == FILE_NAME and issues[0].level == "warning"
    assert message in issues[0].message and "the actor registry was ignored" in issues[0].message


@pytest.mark.parametrize("entry, message", [
    pytest.param("- rename: Gaza", "'rename' needs the new name in 'to:'", id="rename-without-to"),
    pytest.param("- merge: Gaza", "'merge' needs a list of two or more actors", id="merge-one"),
    pytest.param("- set: Gaza\n  kind: planet", "kind 'planet' is not one of", id="bad-kind"),
    pytest.param("- set: Gaza", "'set' needs at least one of kind, role, affiliation", id="set-nothing"),
    pytest.param("- delete: Gaza", "an entry needs exactly one of merge, rename, set, hide", id="unknown-action"),
    pytest.param("- hide: Gaza\n  rename: Gaza", "an entry needs exactly one of", id="two-actions"),
    pytest.param("- hide: Gaza\n  to: Gaza Strip", "'hide' does not take ['to']", id="stray-key"),
    pytest.param("- Gaza", "an entry must be a mapping", id="bare-name"),
])
def test_a_malformed_entry_is_skipped_and_the_rest_applies(tmp_path, entry, message):
    (tmp_path / FILE_NAME).write_text(f"actors:\n{_indent(entry)}\n  - hide: Gaza\n", encoding="utf-8")
    registry, issues = load_registry(tmp_path)
    assert registry.entries == (Entry.hide("Gaza"),)
    assert [i.file for i in issues] == [FILE_NAME]
    assert issues[0].message.startswith("entry 1 was ignored: ") and message in issues[0].message


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.splitlines())


def test_messages_number_entries_as_the_file_does(tmp_path):
    (tmp_path / FILE_NAME).write_text("- delete: x\n- hide: Nobody\n", encoding="utf-8")
    registry, _ = load_registry(tmp_path)
    *_, issues = apply_registry(*_tables(), registry)
    assert issues[0].message.startswith("entry 2 (hide: Nobody)")


@pytest.mark.parametrize("entry", [
    Entry.merge(["GM", "General Motors"]), Entry.merge(["A", "B", "C"], into="ABC"), Entry.rename("x", "y"),
    Entry.set("x", kind="person", role=None), Entry.hide("x"), Entry("hide", ("x", "y")),
], ids=["merge", "merge-into", "rename", "set", "hide", "hide-several"])
def test_entries_round_trip_through_their_dict(entry):
    assert Entry.from_dict(entry.to_dict()) == entry


def test_set_rejects_unknown_fields():
    with pytest.raises(RegistryError, match="only kind, role, affiliation"):
        Entry.set("x", colour="red")


# --- saving -----------------------------------------------------------------------------------

def test_save_writes_a_file_that_loads_back(tmp_path):
    entries = [Entry.merge(["GM", "General Motors"], into="General Motors"), Entry.hide("Gaza")]
    saved = save_registry(tmp_path, entries)
    loaded, issues = load_registry(tmp_path)
    assert issues == []
    assert loaded.entries == saved.entries == tuple(entries)
    assert loaded.digest == saved.digest
    text = (tmp_path / FILE_NAME).read_text(encoding="utf-8")
    assert text.startswith("# Corrections to the actors")
    assert "- merge: [GM, General Motors]\n  into: General Motors\n- hide: Gaza\n" in text  # easy to edit by hand


def test_save_keeps_a_backup_of_the_previous_version(tmp_path):
    (tmp_path / FILE_NAME).write_text("# my notes\n- hide: Gaza\n", encoding="utf-8")
    save_registry(tmp_path, [Entry.rename("GM", "General Motors")])
    assert (tmp_path / BACKUP_NAME).read_text(encoding="utf-8") == "# my notes\n- hide: Gaza\n"
    assert load_registry(tmp_path)[0].entries == (Entry.hide("Gaza"), Entry.rename("GM", "General Motors"))


def test_save_leaves_no_temporary_files(tmp_path):
    save_registry(tmp_path, [Entry.hide("Gaza")])
    save_registry(tmp_path, [Entry.hide("Syria")])
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock")) == [BACKUP_NAME, FILE_NAME]


def test_save_keeps_edits_made_since_the_caller_loaded(tmp_path):
    save_registry(tmp_path, [Entry.hide("Gaza"), Entry.hide("Syria")])
    base, _ = load_registry(tmp_path)
    save_registry(tmp_path, [Entry.rename("GM", "General Motors")])  # another window adds an entry
    mine = [e for e in base.entries if e != Entry.hide("Syria")] + [Entry.merge(["GM", "General Motors"])]
    result = save_registry(tmp_path, mine, base=base)
    assert result.entries == (Entry.hide("Gaza"), Entry.rename("GM", "General Motors"),
                              Entry.merge(["GM", "General Motors"]))
    assert load_registry(tmp_path)[0].entries == result.entries


def test_save_without_base_only_adds(tmp_path):
    save_registry(tmp_path, [Entry.hide("Gaza")])
    result = save_registry(tmp_path, [Entry.hide("Gaza"), Entry.hide("Syria")])
    assert result.entries == (Entry.hide("Gaza"), Entry.hide("Syria"))


def test_save_refuses_to_overwrite_a_file_it_cannot_read(tmp_path):
    (tmp_path / FILE_NAME).write_text("actors: [oops\n", encoding="utf-8")
    with pytest.raises(RegistryError):
        save_registry(tmp_path, [Entry.hide("Gaza")])
    assert (tmp_path / FILE_NAME).read_text(encoding="utf-8") == "actors: [oops\n"


# --- in a loaded briefing ---------------------------------------------------------------------

def _briefing_folder(tmp_path: Path, registry_text: str) -> Path:
    folder = tmp_path / "briefing"
    folder.mkdir()
    for path in SEEDS.iterdir():
        shutil.copy(path, folder / path.name)
    (folder / FILE_NAME).write_text(registry_text, encoding="utf-8")
    return folder


def test_load_briefing_applies_the_registry_and_reports_what_matched_nothing(tmp_path):
    from dashboard.loader import load_briefing

    folder = _briefing_folder(tmp_path, "actors:\n  - rename: turkey-ministry-of-defense\n"
                                        "    to: Turkish Ministry of Defense\n  - hide: Gaza\n  - hide: Atlantis\n")
    b = load_briefing(folder, cache_dir=tmp_path / "cache")
    names = set(b.actors["name"])
    assert "Turkish Ministry of Defense" in names and "Gaza" not in names
    assert "Gaza" not in set(b.mentions["text"])
    assert [(i.file, i.level) for i in b.issues] == [(FILE_NAME, "warning")]
    assert "no actor named 'Atlantis'" in b.issues[0].message


def test_load_briefing_survives_a_malformed_registry(tmp_path):
    from dashboard.loader import load_briefing

    folder = _briefing_folder(tmp_path, "actors:\n  - merge: [a, b\n")
    b = load_briefing(folder, cache_dir=tmp_path / "cache")
    assert "Turkey" in set(b.actors["name"])
    assert [(i.file, i.level) for i in b.issues] == [(FILE_NAME, "warning")]


# --- issue 17: a small registry file must not take the briefing down

LAUGHS = "actors:\n  - hide: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"  - hide: &{b} [*{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}, *{a}]\n"
    for a, b in zip("abcd", "bcde"))


def test_yaml_aliases_are_refused_before_they_expand(tmp_path):
    assert len(LAUGHS) < 500  # 100,000 names once expanded
    (tmp_path / FILE_NAME).write_text(LAUGHS, encoding="utf-8")
    registry, issues = load_registry(tmp_path)
    assert registry.entries == ()
    assert [(i.file, i.level) for i in issues] == [(FILE_NAME, "warning")]
    assert issues[0].message == ("anchors and aliases (&name, *name) are not allowed in actors.yaml (line 2): "
                                 "the actor registry was ignored; fix the file or delete it")


def test_a_registry_over_the_size_limit_is_not_read(tmp_path):
    (tmp_path / FILE_NAME).write_text("actors:\n" + "  - hide: Gaza\n" * 80_000, encoding="utf-8")
    registry, issues = load_registry(tmp_path)
    assert registry.entries == ()
    assert [i.message for i in issues] == [
        ("is 1.2 MB, over the 1 MB an actor registry may be: the actor registry was ignored; fix the file or "
         "delete it")]


def test_a_long_entry_is_quoted_short(tmp_path):
    (tmp_path / FILE_NAME).write_text("actors:\n  - " + "x" * 5_000 + "\n", encoding="utf-8")
    _, issues = load_registry(tmp_path)
    assert len(issues) == 1 and len(issues[0].message) < 300


def test_only_the_first_warnings_are_listed(tmp_path):
    (tmp_path / FILE_NAME).write_text("actors:\n" + "  - delete: x\n" * 50 + "  - hide: Nobody\n" * 30,
                                      encoding="utf-8")
    registry, issues = load_registry(tmp_path)
    assert len(issues) == 21
    assert issues[-1].message == "and 30 more entries were ignored: fix the first ones to see the rest"
    *_, applied = apply_registry(*_tables(), registry)
    assert len(applied) == 21
    assert applied[-1].message == "and 10 more entries matched nothing: fix the first ones to see the rest"


def test_the_file_is_parsed_once_per_change(tmp_path, monkeypatch):
    from dashboard.loader.actors import registry as module

    parsed = []
    real = module._parse
    monkeypatch.setattr(module, "_parse", lambda text: parsed.append(text) or real(text))
    (tmp_path / FILE_NAME).write_text("actors:\n  - hide: Gaza\n", encoding="utf-8")
    first = load_registry(tmp_path)
    assert load_registry(tmp_path) == first
    assert len(parsed) == 1
    save_registry(tmp_path, [Entry.hide("Turkey")])
    assert load_registry(tmp_path)[0].entries == (Entry.hide("Gaza"), Entry.hide("Turkey"))
    assert len(parsed) == 3  # save_registry reads the file it changes, then the load reads the new one


def test_a_merge_renames_the_agents_and_patients_of_events_too(write_articles, tmp_path):
    from dashboard.loader import load_briefing

    folder = write_articles({"a.txt": "GM sues Ford\nGeneral Motors sued Ford Motor Company on Monday.\n"})
    (folder / "actors.yaml").write_text("actors:\n  - merge: [General Motors, Ford Motor Company]\n    into: Detroit\n")
    b = load_briefing(folder, cache_dir=tmp_path / "cache")
    detroit = b.actors.loc[b.actors["name"] == "Detroit", "actor_id"].iloc[0]
    sued = b.events[b.events["lemma"] == "sue"].iloc[0]
    assert list(sued["agent_ids"]) == [detroit] and list(sued["patient_ids"]) == [detroit]
