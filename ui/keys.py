"""The review screen's keyboard: every press carries the claim and the version it was pressed on.

A Streamlit button's shortcut acts on whatever the button's callback was last bound to: a key pressed
while the next claim is still loading is applied to that next claim, which nobody has seen yet, and two
presses of the same button before a rerun count once. This component (``st.components.v2``, inline
JavaScript, no build step) listens for the keys instead:

- a verdict key (or ``S``, submit) sends a trigger holding the claim id and the version of the reader's
  verdict shown when it was pressed; the screen applies it only when that claim and version are still the
  ones on screen, so a press that arrives while the next claim loads is dropped. The browser drops two
  kinds of press before they are sent: one made before the screen has answered the last press (the same
  drawing of the claim is still on screen), and one made within :data:`SEEN_MS` of a claim appearing,
  which nobody can have read yet;
- ``J`` / ``K`` add to a running count of moves kept in the page (across reruns and remounts of the
  listener) and in the component's state: the screen moves by the difference to the count it has applied,
  so presses that arrive during a rerun are added, never lost.

A press made while the listener is being remounted (a rerun can redraw it) is kept and sent by the next
mount; the screen still checks its claim and version. Keys typed in a text field, or with Ctrl, Alt or
Meta, are left alone. ``window.__workbenchKeys.ready()`` says whether a verdict key pressed now would be
sent (for browser tests, which must wait as a reader would).
"""

from __future__ import annotations

import html
import json
from typing import Any

import streamlit as st

SEEN_MS = 300
"""A verdict key acts on a claim only once it has been on screen this long (milliseconds): under a human
reader's reaction time, and longer than a rerun takes to draw the next claim when keys come in a burst."""

RETRY_MS = 2000
"""A press the screen has not answered by then (lost on the way) may be made again on the same drawing."""

_JS = """
export default function (component) {
  const { data, setStateValue, setTriggerValue } = component;
  const w = window;
  const onScreen = () => {
    // the claim on screen, as drawn: the marker the screen puts beside the claim it shows
    const marks = document.querySelectorAll(".wb-claim-on-screen");
    const mark = marks.length ? marks[marks.length - 1] : null;
    if (!mark) return null;
    try {
      return { claim: mark.dataset.claim, version: Number(mark.dataset.version), run: mark.dataset.run,
               keys: JSON.parse(mark.dataset.keys) };
    } catch (err) { return null; }
  };
  let kb = w.__workbenchKeys;
  if (!kb || kb.session !== data.session) {  // a new session (a reload, a reconnect): its own counts
    kb = w.__workbenchKeys = { session: data.session, moves: data.moves, seq: 0, live: null, queued: null,
                               seen: "", seenAt: 0, pressedOn: "", pressedAt: 0 };
  }
  kb.seenMs = data.seen_ms;
  kb.retryMs = data.retry_ms;
  kb.watch = () => {  // when did the claim (or its version) on screen last change?
    const d = onScreen();
    const id = d ? d.claim + "@" + d.version : "";
    if (id !== kb.seen) { kb.seen = id; kb.seenAt = performance.now(); }
    return d;
  };
  kb.ready = () => {
    const d = kb.watch();
    if (!d || !kb.live) return false;
    const now = performance.now();
    const drawn = d.claim + "@" + d.version + "#" + d.run;
    return now - kb.seenAt >= kb.seenMs && (drawn !== kb.pressedOn || now - kb.pressedAt >= kb.retryMs);
  };
  const live = { setState: setStateValue, setTrigger: setTriggerValue };
  kb.live = live;
  const queued = kb.queued;
  kb.queued = null;
  const moves = kb.moves;
  setTimeout(() => {  // what was pressed while no listener was mounted
    if (queued) setTriggerValue("press", queued);
    if (moves !== data.moves) setStateValue("moves", moves);
  }, 0);
  if (!w.__workbenchKeysBound) {
    w.__workbenchKeysBound = true;
    setInterval(() => { if (w.__workbenchKeys) w.__workbenchKeys.watch(); }, 40);
    document.addEventListener("keydown", (e) => {
      const kb = w.__workbenchKeys;
      if (!kb || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      const d = kb.watch();
      if (!d) return;
      const k = (e.key || "").toUpperCase();
      if (k === "J" || k === "K") {
        kb.moves += k === "J" ? 1 : -1;
        if (kb.live) kb.live.setState("moves", kb.moves);  // else the next mount sends it
        e.preventDefault();
        e.stopPropagation();
        return;
      }
      const action = d.keys[k];
      if (action === undefined) return;
      e.preventDefault();
      e.stopPropagation();
      if (e.repeat || !kb.ready()) return;  // not yet answered, or not yet seen: dropped here
      kb.pressedOn = d.claim + "@" + d.version + "#" + d.run;
      kb.pressedAt = performance.now();
      kb.seq += 1;
      const press = { claim: d.claim, version: d.version, action: action, seq: kb.seq };
      kb.live.setTrigger("press", press);
    }, true);
  }
  return () => { if (w.__workbenchKeys && w.__workbenchKeys.live === live) w.__workbenchKeys.live = null; };
}
"""

_component = st.components.v2.component("workbench.review_keys", js=_JS)

_RUN = "review_keys_run"
_SESSION = "review_keys_session"


def review_keys(key: str, *, claim_id: str, version: int, keys: dict[str, Any], moves: int,
                on_moves: Any, on_press: Any) -> None:
    """Mount the listener and mark the claim on screen. ``keys``: key letter -> action (a label id,
    "submit"); ``moves``: the moves applied so far (a fresh page's count starts from it). The claim, version
    and keys a press carries are read from the marker drawn with the claim (so always those on screen); the
    marker also carries the number of this run, so the browser can tell the screen has answered a press."""
    import uuid

    ss = st.session_state
    run = ss[_RUN] = ss.get(_RUN, 0) + 1
    session = ss.setdefault(_SESSION, uuid.uuid4().hex)
    st.html(f'<span class="wb-claim-on-screen" data-claim="{html.escape(claim_id, quote=True)}" '
            f'data-version="{int(version)}" data-run="{run}" '
            f'data-keys="{html.escape(json.dumps(keys), quote=True)}"></span>', width="content")
    _component(key=key, data={"moves": moves, "session": session, "seen_ms": SEEN_MS, "retry_ms": RETRY_MS},
               default={"moves": moves}, on_moves_change=on_moves, on_press_change=on_press, height=0,
               width="content")
