"""Sign in (team mode): with the organisation's OpenID Connect provider when one is configured, otherwise
with a local account's name and password.

Failed attempts are counted by the library; too many in a row lock the account for a while, and the
message says until when. A session that expired, or a sign-out, lands here with a note saying so.
"""

from __future__ import annotations

import streamlit as st

from ui import resources
from ui import team as team_ui
from ui.text import escape_md
from workbench.team import AccountLocked, SignInFailed

P = "signin"
ss = st.session_state
store = resources.store()
cfg = team_ui.config()


def sign_in() -> None:
    name = (ss.get("signin_name") or "").strip()
    password = ss.get("signin_password") or ""
    ss["signin_password"] = ""  # never kept in the form after an attempt
    if not name or not password:
        ss["signin_error"] = "Type your name and your password."
        return
    try:
        user = team_ui.team(store, cfg).authenticate(name, password)
    except AccountLocked as exc:
        ss["signin_error"] = f"Not signed in: {exc}."
        return
    except SignInFailed as exc:
        ss["signin_error"] = f"Not signed in: {exc}."
        return
    team_ui.start_session(user)


st.title("Sign in")
st.caption("Claim Workbench in team mode: every verdict, assignment and decision is saved under your name.")

note = ss.get(team_ui.MESSAGE)
if note:
    st.info(escape_md(note), icon=":material/schedule:")

if cfg is not None and cfg.uses_oidc:
    for provider in cfg.providers:
        label = "Sign in" if provider.name == "default" else f"Sign in with {provider.name}"
        if st.button(label, key=f"signin_oidc_{provider.name}", type="primary", icon=":material/login:"):
            ss.pop(team_ui.OIDC_HOLD, None)
            st.login(None if provider.name == "default" else provider.name)
    st.caption("Your account must have been added by an admin first (by your e-mail address).")
else:
    with st.form("signin_form", border=True, enter_to_submit=True):
        st.text_input("Name", key="signin_name", autocomplete="username")
        st.text_input("Password", key="signin_password", type="password", autocomplete="current-password")
        st.form_submit_button("Sign in", key="signin_submit", type="primary", on_click=sign_in,
                              icon=":material/login:")
    err = ss.pop("signin_error", None)
    if err:
        st.error(escape_md(err), icon=":material/block:")
    st.caption("No account yet? An admin adds it on the Users screen, or in a terminal with "
               "`workbench users add NAME --role reviewer`.")
