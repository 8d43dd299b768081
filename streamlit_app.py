"""Claim Workbench — the Streamlit entry point: navigation, the shared sidebar, and who is reviewing.

Run with ``make run`` (``streamlit run serve.py``: this script plus the app's cookie routes, see ``serve.py``). The database is ``$WORKBENCH_DB`` (default
``./workbench.db``); an empty one gets the sample articles at first start (``WORKBENCH_SAMPLE=off`` to skip).

Team mode (``[team] enabled = true`` in ``.streamlit/secrets.toml``, or ``WORKBENCH_TEAM=1``) asks everyone
to sign in and lists the screens the signed-in user's role allows; see :mod:`ui.team`.
"""

import streamlit as st

from ui import resources
from ui import team as team_ui
from ui.session import browser_prefs, current_user, reviewer_picker
from ui.text import escape_md, screen_message
from workbench.auth import Action
from workbench.errors import InputError, StoreError

st.set_page_config(page_title="Claim Workbench", page_icon=":material/pin:", layout="wide")

try:
    team_cfg = team_ui.config()
except InputError as exc:
    st.title("Claim Workbench")
    st.error(team_ui.refusal_markdown(exc), icon=":material/lock:")
    st.stop()

try:
    store = resources.store()
    resources.ensure_sample()
except StoreError as exc:
    st.title("Claim Workbench")
    st.error(f"The database cannot be opened: {escape_md(screen_message(str(exc)))}")
    st.stop()

resources.extractor()  # load the number parser before the first screen, once per process
browser_prefs()  # this browser's reviewer and filters, back after a reload

SCREENS = {  # url path: (script, title, icon)
    "review": ("app_pages/review.py", "Review", ":material/fact_check:"),
    "groups": ("app_pages/groups.py", "Groups", ":material/join_inner:"),
    "import": ("app_pages/importing.py", "Import", ":material/upload_file:"),
    "export": ("app_pages/export.py", "Export", ":material/download:"),
    "dashboard": ("app_pages/dashboard.py", "Dashboard", ":material/monitoring:"),
    # team mode only
    "assign": ("app_pages/assign.py", "Assign", ":material/assignment_ind:"),
    "adjudicate": ("app_pages/adjudicate.py", "Adjudicate", ":material/gavel:"),
    "agreement": ("app_pages/agreement.py", "Agreement", ":material/handshake:"),
    "users": ("app_pages/users.py", "Users", ":material/manage_accounts:"),
    "signin": ("app_pages/signin.py", "Sign in", ":material/login:"),
}


def screen(url_path: str, *, default: bool = False, hidden: bool = False) -> st.Page:
    script, title, icon = SCREENS[url_path]
    return st.Page(script, title=title, icon=icon, url_path=url_path, default=default,
                   visibility="hidden" if hidden else "visible")


if team_cfg is None:
    page = st.navigation([screen("review", default=True), screen("groups"), screen("import"), screen("export"),
                          screen("dashboard")])

    with st.sidebar:
        st.markdown("### Claim Workbench")
        user = reviewer_picker(store)
        if user is not None:
            st.caption(f"Saving as **{escape_md(user.display_name)}**")

    page.run()
    st.stop()

# --- team mode: sign in, then the screens the role allows ----------------------------------------------------

LEAD = {"import": Action.IMPORT_ARTICLES, "assign": Action.ASSIGN_WORK, "adjudicate": Action.ADJUDICATE,
        "agreement": Action.VIEW_AGREEMENT, "export": Action.EXPORT}
ADMIN = {"users": Action.MANAGE_USERS}

user = current_user(store) or team_ui.oidc_sign_in(store, team_cfg)
if user is None:
    # Only the sign-in screen runs. The other screens are registered, hidden and never run, so that a link
    # to one of them (or a session that expired there) lands on the sign-in screen instead of "not found".
    signin = screen("signin", default=True)
    page = st.navigation([signin, *[screen(p, hidden=True) for p in SCREENS if p != "signin"]], position="hidden")
    if page is not signin:
        st.switch_page(SCREENS["signin"][0])
    team_ui.clear_cookie()
    page.run()
    st.stop()

# the sign-in screen stays registered (hidden): an old sign-in tab goes to Review
signin = screen("signin", hidden=True)
sections = {"Review": [screen("review", default=True), screen("groups"), screen("dashboard"), signin]}
for title, screens in (("Lead", LEAD), ("Admin", ADMIN)):
    mine = [screen(p) for p, action in screens.items() if team_ui.can(user, action)]
    if mine:
        sections[title] = mine
page = st.navigation(sections)
if page is signin:
    st.switch_page(SCREENS["review"][0])

with st.sidebar:
    st.markdown("### Claim Workbench")
    st.markdown(f"Signed in as **{escape_md(user.display_name)}** ({escape_md(user.role.value)})")
    st.caption(f"The session ends after {team_ui.idle_text(team_cfg)} without activity.")
    if st.button("Sign out", key="sidebar_sign_out", icon=":material/logout:"):
        team_ui.sign_out(team_cfg)
        st.rerun()
    team_ui.hand_off()

page.run()
