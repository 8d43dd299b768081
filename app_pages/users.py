"""Users (admins): accounts and the verdict scale.

Add an account (a password for local sign-in, or none when people sign in through the organisation's
provider by e-mail address), change a role, disable or enable an account, set a password. The last active
admin cannot be demoted or disabled. The default verdict scale's labels (name, key, description) can be
renamed here. Every change is in the history with who made it and when.
"""

from __future__ import annotations

import streamlit as st

from ui import resources
from ui import team as team_ui
from ui.text import escape_md, screen_message
from ui.widgets import flash, show_flash
from workbench import auth
from workbench.auth import Action
from workbench.errors import InputError, WorkbenchError
from workbench.store import Role

P = "users"
RESERVED_KEYS = {"C", "R", "S", "J", "K"}  # Streamlit's own (C, R) and the review screen's (S, J, K)

store = resources.store()
admin, desk = team_ui.guard(store, Action.MANAGE_USERS)
cfg = desk.config
ss = st.session_state
ROLES = [r.value for r in Role]


def add_user() -> None:
    name = (ss.get("users_new_name") or "").strip()
    password = ss.get("users_new_password") or ""
    ss["users_new_password"] = ""
    try:
        if not password and not (cfg.uses_oidc and ss.get("users_new_no_password")):
            raise InputError("password", "is empty; give one of at least "
                                         f"{auth.MIN_PASSWORD_LENGTH} characters"
                             + (", or tick “signs in through the provider”" if cfg.uses_oidc else ""))
        user = desk.add_user(admin, name, role=ss.get("users_new_role") or Role.REVIEWER.value,
                             password=password or None,
                             display_name=(ss.get("users_new_display") or "").strip() or None)
    except WorkbenchError as exc:
        flash(P, "error", f"Not added: {escape_md(screen_message(str(exc)))}")
        return
    ss["users_new_name"] = ""
    ss["users_new_display"] = ""
    flash(P, "success", f"Added **{escape_md(user.name)}** as {user.role.value}.")


def change(what: str) -> None:
    name = ss.get("users_pick")
    if not name:
        flash(P, "error", "Choose an account first.")
        return
    try:
        if what == "role":
            u = desk.set_role(admin, name, ss.get("users_role"))
            done = f"is now {u.role.value}"
        elif what == "disable":
            u = desk.set_disabled(admin, name, True)
            done = "is disabled: they cannot sign in or save anything"
        elif what == "enable":
            u = desk.set_disabled(admin, name, False)
            done = "is enabled again"
        else:
            password = ss.get("users_password") or ""
            ss["users_password"] = ""
            desk.set_password(admin, name, password)
            done = "has a new password"
    except WorkbenchError as exc:
        flash(P, "error", f"Not changed: {escape_md(screen_message(str(exc)))}")
        return
    flash(P, "success", f"**{escape_md(name)}** {done}.")


def save_label(label_id: int) -> None:
    text = (ss.get("users_label_text") or "").strip()
    key = (ss.get("users_label_key") or "").strip().upper() or None
    try:
        if key in RESERVED_KEYS:  # the app's own shortcuts; the library checks the rest (and the role)
            raise InputError("key", f"{key} is taken by the app ({', '.join(sorted(RESERVED_KEYS))} are); "
                                    "choose another letter or digit")
        lab = desk.update_label(admin, label_id, label=text, key=key,
                                description=(ss.get("users_label_desc") or "").strip())
    except WorkbenchError as exc:
        flash(P, "error", f"Label not saved: {escape_md(screen_message(str(exc)))}")
        return
    flash(P, "success", f"Saved the label **{escape_md(lab.label)}**.")


def load_label() -> None:
    lab = next((x for x in store.default_scale().labels if x.id == ss.get("users_label_pick")), None)
    if lab is not None:
        ss["users_label_text"] = lab.label
        ss["users_label_key"] = lab.key or ""
        ss["users_label_desc"] = lab.description


# --- the screen -----------------------------------------------------------------------------------------------

st.title("Users")
st.caption("Accounts for team mode and what each may do: reviewers save their own verdicts on their queue; leads "
           "also assign, adjudicate, see agreement and export; admins also manage accounts and the verdict scale.")
show_flash(P)

people = store.users()
st.dataframe(
    {
        "name": [u.name for u in people],
        "shown as": [u.display_name for u in people],
        "role": [u.role.value for u in people],
        "account": ["disabled" if u.disabled else "active" for u in people],
        "signs in with": ["password" if u.has_password else "provider" if u.external_id or cfg.uses_oidc
                          else "— (no password)" for u in people],
        "since": [u.created_at[:10] for u in people],
    },
    hide_index=True, width="stretch", key="users_table", height=min(420, 38 + 35 * max(1, len(people))),
)

add, edit = st.columns(2, gap="large")
with add:
    st.subheader("Add an account")
    st.text_input("Sign-in name", key="users_new_name",
                  placeholder="e-mail address" if cfg.uses_oidc else "e.g. sam")
    st.text_input("Shown as", key="users_new_display", placeholder="e.g. Sam Carter")
    st.selectbox("Role", ROLES, key="users_new_role")
    st.text_input("Password", key="users_new_password", type="password", autocomplete="new-password",
                  help=f"At least {auth.MIN_PASSWORD_LENGTH} characters; stored only as an argon2 hash.")
    if cfg.uses_oidc:
        st.checkbox("Signs in through the provider (no password)", key="users_new_no_password")
    st.button("Add account", key="users_add", type="primary", on_click=add_user, icon=":material/person_add:")

with edit:
    st.subheader("Change an account")
    st.selectbox("Account", [u.name for u in people], index=None, key="users_pick", placeholder="Choose…")
    picked = next((u for u in people if u.name == ss.get("users_pick")), None)
    r1, r2 = st.columns([2, 1], vertical_alignment="bottom")
    r1.selectbox("New role", ROLES, key="users_role",
                 index=ROLES.index(picked.role.value) if picked else 0)
    r2.button("Change role", key="users_change_role", on_click=change, args=("role",), disabled=picked is None)
    p1, p2 = st.columns([2, 1], vertical_alignment="bottom")
    p1.text_input("New password", key="users_password", type="password", autocomplete="new-password")
    p2.button("Set password", key="users_set_password", on_click=change, args=("password",),
              disabled=picked is None)
    if picked is not None and picked.disabled:
        st.button("Enable the account", key="users_enable", on_click=change, args=("enable",))
    else:
        st.button("Disable the account", key="users_disable", on_click=change, args=("disable",),
                  disabled=picked is None or picked.id == admin.id,
                  help="Disabled accounts cannot sign in or save; their past work stays.")

st.divider()
st.subheader("Verdict scale")
scale = store.default_scale()
st.dataframe({"key": [lab.key or "" for lab in scale.labels], "verdict": [lab.label for lab in scale.labels],
              "rating": [lab.rating_value for lab in scale.labels],
              "counts as inaccurate": ["yes" if lab.inaccurate else "" for lab in scale.labels],
              "meaning": [lab.description for lab in scale.labels]},
             hide_index=True, width="stretch", key="users_scale")
names = {lab.id: lab.label for lab in scale.labels}
s1, s2, s3 = st.columns([2, 1, 4], vertical_alignment="bottom")
s1.selectbox("Label", list(names), format_func=names.get, index=None, key="users_label_pick", on_change=load_label,
             placeholder="Choose a label to rename…")
s2.text_input("Key", key="users_label_key", max_chars=1)
s3.text_input("Verdict", key="users_label_text")
st.text_input("What it means", key="users_label_desc")
st.button("Save label", key="users_save_label", disabled=ss.get("users_label_pick") is None, on_click=save_label,
          args=(ss.get("users_label_pick"),))
