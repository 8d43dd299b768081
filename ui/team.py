"""Team mode in the app: whether it is on, who is signed in and for how long, and what each role may open.

Team mode is switched on by ``[team] enabled = true`` in ``.streamlit/secrets.toml`` or by
``WORKBENCH_TEAM=1`` in the environment (either turns it on). Its settings are read by
:meth:`workbench.auth.TeamConfig.from_secrets`, which refuses, naming every missing or bad setting, when the
secrets file lacks what team mode needs (the cookie secret first of all).

Sign-in: through the OpenID Connect provider configured in ``[auth]`` (``st.login``) when there is one,
else with a local account (``workbench users add``) checked by :meth:`workbench.desk.Desk.authenticate`,
which also limits failed attempts. The session is a row of the database (:mod:`workbench.sessions`) named by
an HttpOnly, SameSite cookie that the app's own route sets (:mod:`ui.web`, mounted by ``serve.py``), so it
survives a reload and reaches a second tab or another replica; it is checked on every rerun against the
configured :class:`workbench.auth.SessionPolicy`, the account (disabled, password changed) and sign-outs
in other tabs; a session that is over goes back to the sign-in screen with a message.

Every permission is decided by the library (:mod:`workbench.auth`, :class:`workbench.desk.Desk`); this
module only uses the same matrix to choose which screens to list.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import streamlit as st

from ui.session import USER_KEY, current_user
from workbench import auth, export
from workbench.auth import Action, TeamConfig
from workbench.errors import InputError
from workbench.sessions import SESSION_COOKIE, Live, Sessions
from workbench.store import Store, Target, TargetKind, User
from workbench.desk import Desk
from workbench.desk import Team as TeamPolicy
from workbench.team import SignInFailed

TEAM_ENV = "WORKBENCH_TEAM"
ON = {"1", "true", "yes", "on"}
SECRETS_FILE = auth.SECRETS_FILE

SESSION_ID = "app_session_id"  # the database session this browser session is signed in with
HANDOFF = "app_session_handoff"  # the one-time code the page swaps for the session cookie
CLEAR_COOKIE = "app_clear_cookie"
MESSAGE = "app_signin_message"
OIDC_HOLD = "app_oidc_hold"  # signed out or expired in this browser session: no automatic sign-in
OIDC_REFUSED = "app_oidc_refused"  # the provider's subject that has no active account


# --- configuration ----------------------------------------------------------------------------------------

def read_secrets() -> dict[str, Any]:
    """The app's secrets as a plain dict; {} when there is no secrets file. A file that cannot be parsed
    is refused (team mode must never fall back to single-user mode because of a typo)."""
    from streamlit.errors import StreamlitSecretNotFoundError

    try:
        return st.secrets.to_dict()
    except StreamlitSecretNotFoundError as exc:
        if getattr(exc, "error_id", None) == "no-secrets-found":
            return {}
        raise InputError(SECRETS_FILE, f"cannot be read: {exc}") from None


def requested(secrets: Mapping[str, Any], environ: Mapping[str, str] = os.environ) -> bool:
    """Whether team mode is asked for: ``WORKBENCH_TEAM=1`` or ``[team] enabled = true``."""
    if environ.get(TEAM_ENV, "").strip().lower() in ON:
        return True
    team = secrets.get("team")
    if not isinstance(team, Mapping) or "enabled" not in team:
        return False
    enabled = team["enabled"]
    if not isinstance(enabled, bool):
        raise InputError(SECRETS_FILE, f"team.enabled must be true or false (it is {enabled!r})")
    return enabled


def config() -> TeamConfig | None:
    """The team-mode configuration, or None in single-user mode. Raises :class:`InputError` naming what is
    missing when team mode is asked for but cannot start."""
    secrets = read_secrets()
    if not requested(secrets):
        return None
    cfg = TeamConfig.from_secrets(secrets)
    if cfg.uses_oidc and importlib.util.find_spec("authlib") is None:
        raise InputError(SECRETS_FILE, "team mode cannot start: signing in through the provider in [auth] "
                                       "needs the Authlib package; install it with "
                                       "`pip install 'claim-workbench[oidc]'`")
    return cfg


def refusal_markdown(exc: InputError) -> str:
    """The reasons team mode cannot start, one bullet each (from TeamConfig's single message)."""
    problem = exc.problem.removeprefix("team mode cannot start: ")
    items, current, in_code = [], "", False
    for i, ch in enumerate(problem):  # the problems are joined by "; " (but a quoted command may hold one)
        in_code = in_code != (ch == "`")
        if ch == ";" and not in_code and problem[i + 1:i + 2] == " ":
            items.append(current)
            current = ""
        else:
            current += ch
    items = [p.strip() for p in [*items, current] if p.strip()]
    return (f"Team mode is switched on, but it cannot start. Fix {_code(exc.source)}:\n\n"
            + "\n".join(f"- {_text_with_code(p)}" for p in items))


def _code(text: str) -> str:
    """A code span holding ``text`` as it is (Markdown escapes show literally inside one)."""
    return "`" + text.replace("`", "'") + "`"


def _text_with_code(text: str) -> str:
    """Plain text escaped for Markdown, with its `quoted` parts as code spans, unescaped."""
    from ui.text import escape_md

    parts = text.split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick: all of it is text
        return escape_md(text)
    return "".join(escape_md(p) if i % 2 == 0 else _code(p) for i, p in enumerate(parts))


def team(store: Store, cfg: TeamConfig) -> Desk:
    """The desk under team rules (sign-in goes through it like every other operation)."""
    return Desk(store, TeamPolicy(cfg))


# --- the session -------------------------------------------------------------------------------------------
# The session is a row of the database (workbench.sessions), referenced in this browser session by its id and
# in the browser by the HttpOnly cookie that ui.web sets; a reload or a new tab finds it through the cookie.

def utcnow() -> datetime:
    return datetime.now(UTC)


def sessions(cfg: TeamConfig) -> Sessions:
    from ui import resources

    return Sessions(resources.store(), cfg.cookie_secret, cfg.session, clock=utcnow)


def start_session(user: User, *, signed_in_at: datetime | None = None) -> None:
    """Open a session for ``user``; the page then swaps its one-time code for the cookie (:func:`hand_off`)."""
    cfg = config()
    ss = st.session_state
    assert cfg is not None
    live, code = sessions(cfg).start(user.id, signed_in_at=signed_in_at)
    ss[USER_KEY] = user.id
    ss[SESSION_ID] = live.session_id
    ss[HANDOFF] = code
    ss.pop(MESSAGE, None)


def end_session(message: str | None = None, *, why: str = "signed_out") -> None:
    """End this browser session's sign-in (and the database session, so every tab sharing it ends)."""
    ss = st.session_state
    sid = ss.pop(SESSION_ID, None)
    cfg = config()
    if sid is not None and cfg is not None:
        sessions(cfg).end(sid, why)
    for k in (USER_KEY, HANDOFF):
        ss.pop(k, None)
    ss[OIDC_HOLD] = True
    ss[CLEAR_COOKIE] = True
    if message:
        ss[MESSAGE] = message


def _minutes(td: timedelta) -> str:
    m = int(td.total_seconds() // 60)
    return f"{m // 60} hour(s)" if m % 60 == 0 and m >= 60 else f"{m} minute(s)"


def idle_text(cfg: TeamConfig) -> str:
    return _minutes(cfg.session.idle)


def ended_message(cfg: TeamConfig, why: str) -> str | None:
    if why == "idle":
        return (f"Your session expired (no activity for {_minutes(cfg.session.idle)}). Sign in again to go on; "
                "unsaved input in the forms is kept.")
    if why == "max_age":
        return (f"Your session expired (sessions last at most {_minutes(cfg.session.absolute)}). Sign in again "
                "to go on; unsaved input in the forms is kept.")
    if why == "disabled":
        return "This account has been disabled or removed; ask an admin."
    if why == "password":
        return "The password of this account was changed; sign in with the new one."
    if why == "signed_out":
        return "You signed out."
    return None


def check_session(cfg: TeamConfig) -> bool:
    """True while this browser's session is alive (marking the activity); False after ending one that is
    over, with a message for the sign-in screen. A browser session without one picks up the session its
    cookie names (a reload, a second tab, another replica). Called on every rerun through ``current_user``."""
    ss = st.session_state
    sid = ss.get(SESSION_ID)
    if sid is None:
        if ss.get(OIDC_HOLD):  # signed out or expired in this tab: the old cookie is not taken up again
            return False
        state = sessions(cfg).resume(st.context.cookies.get(SESSION_COOKIE))
        if isinstance(state, Live):
            ss[SESSION_ID] = state.session_id
            ss[USER_KEY] = state.user_id
            return True
        if state.why != "unknown":
            ss[MESSAGE] = ended_message(cfg, state.why)
        ss.pop(USER_KEY, None)
        return False
    state = sessions(cfg).check(sid)
    if isinstance(state, Live):
        ss[USER_KEY] = state.user_id
        return True
    ss.pop(SESSION_ID, None)
    end_session(ended_message(cfg, state.why), why=state.why)
    return False


def post_to_app(path: str, body: str = "{}") -> None:
    """Have the page POST to one of the app's routes (ui.web), with its cookies, once."""
    import json

    from streamlit import config as st_config

    base = (st_config.get_option("server.baseUrlPath") or "").strip("/")
    url = f"/{base}{path}" if base else path
    st.html(f"<script>fetch({json.dumps(url)}, {{method: 'POST', credentials: 'same-origin', "
            f"headers: {{'Content-Type': 'application/json'}}, body: {json.dumps(body)}}});</script>",
            unsafe_allow_javascript=True, width="content")


def hand_off() -> None:
    """After a sign-in: the page swaps the one-time code for the HttpOnly session cookie (POST, not URL)."""
    import json

    code = st.session_state.pop(HANDOFF, None)
    if code:
        post_to_app("/account/session", json.dumps({"code": code}))


def clear_cookie() -> None:
    """After a sign-out or an expiry: the page asks the server to end and clear the session cookie."""
    if st.session_state.pop(CLEAR_COOKIE, None):
        post_to_app("/account/signout")


def oidc_sign_in(store: Store, cfg: TeamConfig) -> User | None:
    """Sign in the person the provider vouches for (``st.user``), once per browser session, if an admin
    added their account. Returns the user, or None (not signed in at the provider, or no account)."""
    ss = st.session_state
    if not cfg.uses_oidc or ss.get(OIDC_HOLD) or not st.user.get("is_logged_in"):
        return None
    subject = str(st.user.get("sub") or "")
    email = st.user.get("email")
    if ss.get(OIDC_REFUSED) == subject:
        return None
    try:
        user = team(store, cfg).sign_in_external(subject, str(email) if email else None)
    except SignInFailed as exc:
        ss[OIDC_REFUSED] = subject
        ss[MESSAGE] = f"Signed in at the provider, but {exc}."
        return None
    try:  # the provider's "issued at": the session's absolute lifetime counts from the real sign-in
        issued = st.user.get("iat")
        signed_in_at = datetime.fromtimestamp(float(issued), UTC) if issued is not None else None
    except (TypeError, ValueError, OverflowError):
        signed_in_at = None
    start_session(user, signed_in_at=signed_in_at)
    if not check_session(cfg):  # the provider's sign-in is older than the session's longest life
        return None
    return user


def sign_out(cfg: TeamConfig) -> None:
    """The sidebar's "Sign out": ends the session (and the provider's cookie, with OIDC)."""
    end_session("You signed out.")
    if cfg.uses_oidc and st.user.get("is_logged_in"):
        st.logout()


# --- what each role may open ---------------------------------------------------------------------------------

def can(user: User | None, action: Action) -> bool:
    return user is not None and auth.can(user.role.value, action)


def guard(store: Store, action: Action) -> tuple[User, Desk]:
    """At the top of a team screen: the signed-in user and the desk (:class:`workbench.desk.Desk` with the
    team policy: every operation one transaction that re-reads the user and checks the permission), or stop
    with a message when team mode is off or the user's role does not allow ``action`` (the desk refuses the
    operation in any case, so this only chooses what to show)."""
    from ui.text import escape_md

    cfg = config()
    if cfg is None:
        st.info("This screen is part of team mode, which is switched off. See the README, \"Team mode\".")
        st.stop()
    user = current_user(store)
    if user is None:
        st.warning("Sign in first.")
        st.stop()
    if not auth.can(user.role.value, action):
        st.error(f"A {escape_md(user.role.value)} may not {escape_md(action.value)}.")
        st.stop()
    return user, team(store, cfg)


# --- files ---------------------------------------------------------------------------------------------------

agreement_csv_bytes = export.agreement_csv_bytes  # the agreement screen's download; written by the library


# --- naming the things that are assigned and judged ---------------------------------------------------------

def item_title(store: Store, target: Target, *, width: int = 80) -> str:
    """A short plain-text name for a claim, group or article (not escaped: escape before Markdown)."""
    from ui.text import short
    from workbench.errors import StoreError

    try:
        if target.kind is TargetKind.CLAIM:
            c = store.claim(target.id).claim
            return short(f"{c.outlet}: {c.surface} — {c.sentence}", width)
        if target.kind is TargetKind.GROUP:
            g = store.group_detail(target.id).group
            return short(f"group of {g.size}: {g.label}", width)
        title = store.article_title(target.id)
        return short(f"story: {title}" if title else f"story {target.id}", width)
    except StoreError:
        return f"{target.kind.value} {target.id} (no longer there)"
