"""The review screen's keyboard: every press carries the claim and the version it was pressed on.

A Streamlit button's shortcut acts on whatever the button's callback was last bound to: a key pressed
while the next claim is still loading is applied to that next claim, which nobody has seen yet, and two
presses of the same button before a rerun count once. This component (``st.components.v2``, inline
JavaScript, no build step) listens for the keys instead:

- a verdict key (or ``S``, submit) sends a trigger holding the claim id and the version of the reader's
  verdict shown when it was pressed; the screen applies it only when that claim and version are still the
  ones on screen, so a press that arrives while the next claim loads is dropped;
- ``J`` / ``K`` add to a running count of moves kept in the component's state: the screen moves by the
  difference to the count it has applied, so presses that arrive during a rerun are added, never lost.

Keys typed in a text field, or with Ctrl, Alt or Meta, are left alone.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

_JS = """
export default function (component) {
  const { data, setStateValue, setTriggerValue } = component;
  const w = window;
  const kb = (w.__workbenchKeys = w.__workbenchKeys || { moves: 0, seq: 0, data: null, bound: false });
  kb.data = data;
  kb.setState = setStateValue;
  kb.setTrigger = setTriggerValue;
  if (data && typeof data.moves === "number" && data.moves > kb.moves) kb.moves = data.moves;
  if (!kb.bound) {
    kb.bound = true;
    document.addEventListener("keydown", (e) => {
      if (!kb.data || e.ctrlKey || e.metaKey || e.altKey) return;
      // the claim on screen, as drawn: the marker the screen puts beside the claim it shows
      const marks = document.querySelectorAll(".wb-claim-on-screen");
      const mark = marks.length ? marks[marks.length - 1] : null;
      if (!mark) return;
      let d;
      try {
        d = { claim: mark.dataset.claim, version: Number(mark.dataset.version), keys: JSON.parse(mark.dataset.keys) };
      } catch (err) { return; }
      const t = e.target;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      const k = (e.key || "").toUpperCase();
      if (k === "J" || k === "K") {
        kb.moves += k === "J" ? 1 : -1;
        kb.setState("moves", kb.moves);
        e.preventDefault();
        e.stopPropagation();
        return;
      }
      const action = d.keys[k];
      if (action === undefined || e.repeat) return;
      kb.seq += 1;
      kb.setTrigger("press", { claim: d.claim, version: d.version, action: action, seq: kb.seq });
      e.preventDefault();
      e.stopPropagation();
    }, true);
  }
  return () => { if (kb.data === data) kb.data = null; };
}
"""

_component = st.components.v2.component("workbench.review_keys", js=_JS)


def review_keys(key: str, *, claim_id: str, version: int, keys: dict[str, Any], moves: int,
                on_moves: Any, on_press: Any) -> None:
    """Mount the listener and mark the claim on screen. ``keys``: key letter -> action (a label id,
    "submit"); ``moves``: the moves applied so far (a fresh page's count starts from it). The claim, version
    and keys a press carries are read from the marker drawn with the claim (so always those on screen)."""
    import html
    import json

    st.html(f'<span class="wb-claim-on-screen" data-claim="{html.escape(claim_id, quote=True)}" '
            f'data-version="{int(version)}" data-keys="{html.escape(json.dumps(keys), quote=True)}"></span>',
            width="content")
    _component(key=key, data={"moves": moves}, default={"moves": moves}, on_moves_change=on_moves,
               on_press_change=on_press, height=0, width="content")
