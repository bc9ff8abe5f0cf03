"""The corrections form of an actor: rename, set details, merge or hide, written to the briefing's actors.yaml.

A save reloads the briefing and reruns the app; `last_correction` tells the next run what was saved and
which actor it was about (its id survives a rename or a merge), so the page can keep showing it.
Every widget key is derived from `key`.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from dashboard.components.context import clear_briefings
from dashboard.loader import KINDS, REGISTRY_FILE, Briefing, Entry, RegistryError, load_registry, save_registry
from dashboard.loader import REGISTRY_BACKUP_NAME as BACKUP_NAME
from dashboard.views.actors import detail_changes, registry_ref
from dashboard.views.labels import escape_md
from dashboard.views.url_state import PROFILE

ACTIONS = ["Rename", "Set details", "Merge", "Hide"]
NO_AFFILIATION = "(none)"


def last_correction(*, key: str = "actors_edit") -> tuple[str | None, str | None]:
    """(message, actor_id) of the correction saved on the run before, or (None, None); each is told once."""
    return st.session_state.pop(f"_{key}_saved", None), st.session_state.pop(f"_{key}_follow", None)


def _code(text: str) -> str:
    """`text` as a Markdown code span that no backtick inside it can end early."""
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    return f"{fence} {text} {fence}"


def _yaml_line(entry: Entry) -> str:
    return ", ".join(f"{k}: {v}" for k, v in entry.to_dict().items())


def _write(briefing: Briefing, actor_id: str, entries_of: Callable[[list[Entry]], list[Entry]], message: str, *,
           key: str) -> None:
    """Save the registry as `entries_of(current entries)` returns it, reload the briefing and rerun.

    On failure the error says what to do and nothing else changes.
    """
    registry, _ = load_registry(briefing.folder)
    path = Path(briefing.folder) / REGISTRY_FILE
    try:
        save_registry(briefing.folder, entries_of(list(registry.entries)), base=registry)
    except RegistryError as exc:
        st.error(f"{escape_md(str(exc))}. Open {_code(str(path))} in a text editor, fix or delete the "
                 "entry it names, then save again.", icon=":material/error:")
        return
    except OSError as exc:
        st.error(f"Could not write {_code(str(path))}: {escape_md(str(exc.strerror or exc))}. Check that "
                 f"the briefing folder is writable and {REGISTRY_FILE} in it is a file you may change; or copy "
                 "the folder somewhere writable and open the copy.", icon=":material/folder_off:")
        return
    st.session_state[f"_{key}_saved"] = message.format(path=_code(str(path)))
    st.session_state[f"_{key}_follow"] = actor_id
    # a renamed or merged actor no longer answers to the name in the address; the page follows its id
    if PROFILE in st.query_params:
        del st.query_params[PROFILE]
    clear_briefings()
    st.rerun()


def registry_editor(briefing: Briefing, actor_id: str, *, key: str = "actors_edit") -> None:
    """Draw the corrections form for the actor `actor_id` of `briefing`, and the entries already saved."""
    actors = briefing.actors
    actor = actors[actors["actor_id"] == actor_id].iloc[0]
    name, kind = str(actor["name"]), str(actor["kind"])
    names_by_id = dict(zip(actors["actor_id"], actors["name"]))
    ids_by_name = dict(zip(actors["name"], actors["actor_id"]))
    affiliation = names_by_id.get(actor["affiliation_id"]) if isinstance(actor["affiliation_id"], str) else None
    who = escape_md(name)

    def add(entry: Entry) -> None:
        _write(briefing, actor_id, lambda entries: [*entries, entry],
               f"Wrote {_code(_yaml_line(entry))} to {{path}} (the previous version is kept beside it as "
               f"{_code(BACKUP_NAME)}).", key=key)

    def remove(entry: Entry) -> None:
        _write(briefing, actor_id, lambda entries: [e for e in entries if e != entry],
               f"Removed {_code(_yaml_line(entry))} from {{path}}.", key=key)

    st.markdown(f"**Correct {who}**")
    others = [n for n in actors["name"] if n != name]
    if st.session_state.get(f"_{key}_for") != actor_id:
        # the fields start from the actor's current details
        st.session_state.update({
            f"_{key}_for": actor_id, f"{key}_name": name,
            f"{key}_kind": kind if kind in KINDS else "other",
            f"{key}_role": actor["role"] if isinstance(actor["role"], str) else "",
            f"{key}_affiliation": affiliation if affiliation in others else NO_AFFILIATION,
            f"{key}_merge": [], f"{key}_into": name,
        })
    action = st.segmented_control("Correction", ACTIONS, key=f"{key}_action", default="Rename", required=True,
                                  label_visibility="collapsed")
    with st.form(f"{key}_form", border=False, enter_to_submit=False):
        if action == "Rename":
            st.text_input("New name", key=f"{key}_name", max_chars=200)
        elif action == "Set details":
            st.selectbox("Kind", KINDS, key=f"{key}_kind")
            st.text_input("Role", key=f"{key}_role", placeholder="e.g. Foreign Minister", max_chars=200,
                          help="Leave empty to clear the role.")
            st.selectbox("Affiliation", [NO_AFFILIATION, *others], key=f"{key}_affiliation")
        elif action == "Merge":
            st.multiselect("Merge these into it", others, key=f"{key}_merge",
                           help="They become one actor with this one, which keeps its id, so links stay valid.")
            st.text_input("Name after merging", key=f"{key}_into", max_chars=200)
        else:
            st.markdown(f"Leave **{who}** out of every table: for a name taken for an actor by mistake.")
        submitted = st.form_submit_button(f"Save to {REGISTRY_FILE}", type="primary", key=f"{key}_save",
                                          icon=":material/save:", width="stretch")
    if submitted:
        me = registry_ref(actor_id, actors)
        if action == "Rename":
            new = st.session_state[f"{key}_name"].strip()
            if not new or new == name:
                st.warning("Type the new name first.", icon=":material/edit:")
            else:
                add(Entry.rename(me, new))
        elif action == "Set details":
            chosen = st.session_state[f"{key}_affiliation"]
            changes = detail_changes(actor_id, actors, kind=st.session_state[f"{key}_kind"],
                                     role=st.session_state[f"{key}_role"],
                                     affiliation_id=None if chosen == NO_AFFILIATION else ids_by_name.get(chosen))
            if changes:
                add(Entry.set(me, **changes))
            else:
                st.info("Nothing to save: kind, role and affiliation are as they were.", icon=":material/info:")
        elif action == "Merge":
            merged = st.session_state[f"{key}_merge"]
            into = st.session_state[f"{key}_into"].strip()
            if merged:
                refs = [me, *(registry_ref(ids_by_name[n], actors) for n in merged)]
                add(Entry.merge(refs, into=into if into and into != name else None))
            else:
                st.warning("Choose the actors to merge into this one.", icon=":material/merge:")
        else:
            add(Entry.hide(me))

    st.caption(f"Saved to {_code(REGISTRY_FILE)} in the briefing folder; applied on every page each time the "
               "briefing loads.")
    for issue in briefing.issues:
        if issue.file == REGISTRY_FILE:
            st.warning(escape_md(issue.message), icon=":material/warning:")
    current, _ = load_registry(briefing.folder)
    if current.entries:
        st.markdown(f"**In {REGISTRY_FILE}**, applied in this order")
        for n, entry in enumerate(current.entries):
            text, button = st.columns([5, 1], vertical_alignment="center")
            text.code(_yaml_line(entry), language=None)
            if button.button("", key=f"{key}_remove_{n}", icon=":material/delete:", type="tertiary",
                             help="Remove this correction"):
                remove(entry)
