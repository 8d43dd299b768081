"""Team mode in the Streamlit app under AppTest, with the secrets a deployment would have.

Covers: the app refuses to start team mode without its secrets and says what is missing; sign-in (wrong
password, lockout), sessions that expire, screens by role, blind review on the review and groups screens,
assignment, adjudication with a versioned final verdict, agreement, account management, the dashboard cut to
a reviewer's own figures, merging, splitting and importing by leads, and the library refusing what a role
may not do even when the screen was stale. Each test gets its own SQLite copy of the
sample articles with four accounts; nothing in Streamlit or the store is patched.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import re
import shutil
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from ui.session import Desk  # noqa: E402
from ui.team import requested  # noqa: E402
from ui.widgets import wkey  # noqa: E402
from workbench.auth import TeamConfig  # noqa: E402
from workbench.export import agreement_csv_bytes  # noqa: E402
from workbench.errors import InputError, PermissionDenied  # noqa: E402
from workbench.models import Article, LinkKind, Override  # noqa: E402
from workbench import desk as library  # noqa: E402
from workbench.store import GroupFilter, Store, Target, VerdictStatus  # noqa: E402
from workbench.team import Team  # noqa: E402

APP = str(ROOT / "streamlit_app.py")
TIMEOUT = 60
COOKIE = "k" * 48
SECRETS = {"team": {"enabled": True, "max_failed_signins": 3}, "auth": {"cookie_secret": COOKIE}}
ACCOUNTS = {"boss": "admin", "lena": "lead", "ann": "reviewer", "ben": "reviewer"}
LEAD_SCREENS = ["app_pages/assign.py", "app_pages/adjudicate.py", "app_pages/agreement.py",
                "app_pages/export.py", "app_pages/importing.py"]


def password(name: str) -> str:
    return f"{name}-secret-pw"


@pytest.fixture(scope="session")
def team_template(tmp_path_factory) -> Path:
    """The sample articles and four accounts (created as `workbench users add` does), once per session."""
    path = tmp_path_factory.mktemp("team") / "team.db"
    with Store.open(f"sqlite:///{path}") as store:
        library.Desk(store).import_paths(None, [ROOT / "data"])
        store.set_setting("app.sample_imported", {"folder": "data"}, actor_id=None)
        team = Team(store)
        for name, role in ACCOUNTS.items():
            team.add_user(None, name, role=role, password=password(name))
    return path


@pytest.fixture()
def db(tmp_path, monkeypatch, team_template) -> str:
    path = tmp_path / "team.db"
    shutil.copy(team_template, path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("WORKBENCH_DB", url)
    monkeypatch.setenv("WORKBENCH_SAMPLE", "off")
    monkeypatch.delenv("WORKBENCH_TEAM", raising=False)
    return url


@pytest.fixture()
def store(db):
    with Store.open(db) as s:
        yield s


@pytest.fixture()
def team(store) -> Team:
    return Team(store, TeamConfig.from_secrets(SECRETS))


def user(store: Store, name: str):
    return store.user_by_name(name)


def new_app(secrets: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.secrets = dict(SECRETS if secrets is None else secrets)
    return at


def sign_in(at: AppTest, name: str, pw: str | None = None) -> AppTest:
    if not at.text_input:
        at.run()
    at.text_input(key="signin_name").input(name)
    at.text_input(key="signin_password").input(password(name) if pw is None else pw)
    next(b for b in at.button if b.label == "Sign in").click().run()
    assert not at.exception, at.exception
    return at


def signed_in(name: str, secrets: dict | None = None) -> AppTest:
    at = sign_in(new_app(secrets).run(), name)
    assert [t.value for t in at.title] == ["Review"], [e.value for e in at.error]
    return at


def texts(at: AppTest) -> str:
    """Everything written on the screen as text (Markdown, captions, alerts)."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [a.value for kind in (at.info, at.success, at.warning, at.error) for a in kind]
    return "\n".join(parts)


def first_group(store: Store):
    rows, _ = store.groups_page(GroupFilter(min_outlets=2), 0, 1)
    return store.group_detail(rows[0].id)


# --- switching team mode on ----------------------------------------------------------------------------------

@pytest.mark.parametrize("secrets,missing", [
    ({"team": {"enabled": True}}, "auth\\.cookie\\_secret is missing"),
    ({"team": {"enabled": True}, "auth": {"cookie_secret": "short"}}, "auth\\.cookie\\_secret is too short"),
    ({"team": {"enabled": True, "max_failed_signins": 0}, "auth": {"cookie_secret": COOKIE}},
     "team\\.max\\_failed\\_signins must be a whole number of at least 1"),
    ({"team": {"enabled": True}, "auth": {"cookie_secret": COOKIE, "client_id": "x"}},
     "the default sign\\-in provider is missing auth\\.client\\_secret\\, auth\\.server\\_metadata\\_url"),
])
def test_team_mode_refuses_to_start_and_says_what_is_missing(db, secrets, missing):
    at = new_app(secrets).run()
    assert not at.exception
    [error] = at.error
    assert "Team mode is switched on, but it cannot start" in error.value
    assert missing in error.value
    assert "Fix `.streamlit/secrets.toml`" in error.value, "a code span holds no Markdown escapes"
    assert not at.title or [t.value for t in at.title] == ["Claim Workbench"], "no screen runs"
    assert not at.text_input, "not even the sign-in form"


def test_the_environment_switches_team_mode_on(db, monkeypatch):
    monkeypatch.setenv("WORKBENCH_TEAM", "1")
    at = new_app({"other": {"x": 1}}).run()  # secrets without [team] or [auth]
    assert "auth\\.cookie\\_secret is missing" in at.error[0].value
    monkeypatch.setenv("WORKBENCH_TEAM", "0")
    at = new_app({"other": {"x": 1}}).run()
    assert not at.error and at.selectbox(key="sidebar_reviewer") is not None, "single-user mode"


@pytest.mark.parametrize("secrets,env,on", [
    ({}, {}, False),
    ({"team": {"enabled": False}}, {}, False),
    ({"team": {"enabled": True}}, {}, True),
    ({}, {"WORKBENCH_TEAM": "1"}, True),
    ({"team": {"enabled": False}}, {"WORKBENCH_TEAM": "yes"}, True),
    ({}, {"WORKBENCH_TEAM": "0"}, False),
])
def test_what_switches_team_mode_on(secrets, env, on):
    assert requested(secrets, env) is on


def test_an_enabled_flag_that_is_not_true_or_false_is_refused():
    with pytest.raises(InputError, match="team.enabled must be true or false"):
        requested({"team": {"enabled": "yes"}}, {})


def test_with_team_mode_off_the_app_is_the_single_user_app(db):
    at = new_app({"team": {"enabled": False}, "auth": {"cookie_secret": COOKIE}}).run()
    assert [t.value for t in at.title] == ["Review"]
    assert at.selectbox(key="sidebar_reviewer") is not None
    with pytest.raises(ValueError):
        at.switch_page("app_pages/assign.py")


@pytest.mark.skipif(importlib.util.find_spec("authlib") is not None, reason="Authlib is installed here")
def test_a_provider_without_authlib_is_refused_with_the_install_command(db):
    secrets = {"team": {"enabled": True},
               "auth": {"cookie_secret": COOKIE, "redirect_uri": "http://localhost:8501/oauth2callback",
                        "client_id": "wb", "client_secret": "s3cret",
                        "server_metadata_url": "https://id.example.org/.well-known/openid-configuration"}}
    at = new_app(secrets).run()
    assert "claim\\-workbench\\[oidc\\]" in at.error[0].value


OIDC = {"team": {"enabled": True},
        "auth": {"cookie_secret": COOKIE, "redirect_uri": "http://localhost:8501/oauth2callback",
                 "client_id": "workbench", "client_secret": "s3cret",
                 "server_metadata_url": "https://id.example.org/.well-known/openid-configuration"}}


@pytest.mark.skipif(importlib.util.find_spec("authlib") is None, reason="Authlib is not installed (extra: oidc)")
def test_with_a_provider_the_person_it_vouches_for_is_signed_in_if_an_admin_added_them(db, store, team):
    team.add_user(None, "cara@example.org", role="lead")  # no password: signs in through the provider
    at = new_app(OIDC)
    at.user = {"is_logged_in": False}
    at.run()
    assert [t.value for t in at.title] == ["Sign in"]
    assert at.button(key="signin_oidc_default").label == "Sign in"
    assert not at.text_input, "no local password form when a provider is configured"
    at.user = {"is_logged_in": True, "sub": "provider-subject-7", "email": "cara@example.org", "iat": None}
    at.run()
    assert [t.value for t in at.title] == ["Review"]
    assert any("Signed in as **cara@example.org** (lead)" in m.value.replace("\\", "") for m in at.sidebar.markdown)
    assert store.user_by_name("cara@example.org").external_id == "provider-subject-7"
    at.switch_page("app_pages/assign.py").run()
    assert [t.value for t in at.title] == ["Assign"]


@pytest.mark.skipif(importlib.util.find_spec("authlib") is None, reason="Authlib is not installed (extra: oidc)")
def test_with_a_provider_nobody_gets_in_without_an_account(db, store):
    at = new_app(OIDC)
    at.user = {"is_logged_in": True, "sub": "stranger", "email": "stranger@example.org"}
    at.run()
    assert [t.value for t in at.title] == ["Sign in"]
    assert "no active account for stranger@example.org" in at.info[0].value.replace("\\", "")
    assert store.user_by_name("stranger@example.org") is None


@pytest.mark.skipif(importlib.util.find_spec("authlib") is None, reason="Authlib is not installed (extra: oidc)")
def test_with_a_provider_a_sign_in_older_than_the_longest_session_is_refused(db, store, team):
    team.add_user(None, "cara@example.org", role="reviewer")
    at = new_app({**OIDC, "team": {"enabled": True, "session_max_hours": 2}})
    issued = int((datetime.now(UTC) - timedelta(hours=3)).timestamp())
    at.user = {"is_logged_in": True, "sub": "cara-sub", "email": "cara@example.org", "iat": issued}
    at.run()
    assert [t.value for t in at.title] == ["Sign in"]
    assert "sessions last at most 2 hour(s)" in at.info[0].value.replace("\\", "")


# --- signing in ------------------------------------------------------------------------------------------------

def test_a_wrong_password_is_refused_with_a_message_and_the_right_one_signs_in(db, store):
    at = new_app().run()
    assert [t.value for t in at.title] == ["Sign in"]
    sign_in(at, "ann", "not-her-password")
    assert [t.value for t in at.title] == ["Sign in"]
    assert "wrong name or password" in at.error[0].value
    assert at.text_input(key="signin_password").value == "", "the password is not kept in the form"
    sign_in(at, "ann")
    assert [t.value for t in at.title] == ["Review"]
    assert any("Signed in as **ann** (reviewer)" in m.value for m in at.sidebar.markdown)
    actions = [(e.action, e.entity_id) for e in store.audit_log(entity="user")]
    ann = user(store, "ann")
    assert ("sign_in_failed", str(ann.id)) in actions and actions[-1] == ("sign_in", str(ann.id))


def test_an_unknown_name_gets_the_same_message_as_a_wrong_password(db):
    at = sign_in(new_app().run(), "nobody", "whatever-password")
    assert "wrong name or password" in at.error[0].value


def test_after_too_many_failures_the_account_is_locked_even_for_the_right_password(db, store):
    at = new_app().run()
    for _ in range(2):
        sign_in(at, "ben", "guess-guess")
        assert "wrong name or password" in at.error[0].value
    sign_in(at, "ben", "guess-guess")  # the third failure (max_failed_signins = 3) locks
    assert "too many failed sign\\-ins" in at.error[0].value and "locked until" in at.error[0].value
    sign_in(at, "ben")
    assert [t.value for t in at.title] == ["Sign in"], "locked: the right password is refused too"
    assert "locked until" in at.error[0].value
    assert "account_locked" in [e.action for e in store.audit_log(entity="user")]


def test_a_disabled_account_cannot_sign_in(db, team, store):
    team.set_disabled(None, "ben", True)
    at = sign_in(new_app().run(), "ben")
    assert "disabled" in at.error[0].value


def test_an_account_disabled_during_the_session_is_signed_out_at_once(db, team):
    at = signed_in("ben")
    team.set_disabled(None, "ben", True)
    at.run()
    assert [t.value for t in at.title] == ["Sign in"]
    assert "This account has been disabled" in at.info[0].value


def backdate_session(db: str, session_id: int, *, last_seen: timedelta, signed_in: timedelta | None = None) -> None:
    """Move a stored session's times into the past, as if time had passed (the database row, not a copy)."""
    from sqlalchemy import update

    from workbench.store.schema import sessions

    now = datetime.now(UTC)
    values = {"last_seen_at": (now - last_seen).isoformat()}
    if signed_in is not None:
        values["signed_in_at"] = (now - signed_in).isoformat()
    with Store.open(db) as s, s.engine.begin() as conn:
        conn.execute(update(sessions).where(sessions.c.id == session_id).values(**values))


def test_the_session_expires_after_the_idle_time_and_comes_back_to_sign_in(db):
    at = signed_in("ann", {**SECRETS, "team": {**SECRETS["team"], "session_idle_minutes": 30}})
    backdate_session(db, at.session_state["app_session_id"], last_seen=timedelta(minutes=31))
    at.run()
    assert [t.value for t in at.title] == ["Sign in"]
    assert "Your session expired (no activity for 30 minute(s))" in at.info[0].value.replace("\\", "")
    assert "app_user_id" not in at.session_state


def test_the_session_ends_at_its_longest_life_even_when_active(db):
    at = signed_in("ann", {**SECRETS, "team": {**SECRETS["team"], "session_max_hours": 1}})
    backdate_session(db, at.session_state["app_session_id"], signed_in=timedelta(minutes=61),
                     last_seen=timedelta(minutes=1))
    at.run()
    assert [t.value for t in at.title] == ["Sign in"]
    assert "sessions last at most 1 hour(s)" in at.info[0].value.replace("\\", "")


def test_sign_out_goes_back_to_the_sign_in_screen(db):
    at = signed_in("ann")
    at.sidebar.button(key="sidebar_sign_out").click().run()
    assert [t.value for t in at.title] == ["Sign in"]
    assert "You signed out" in at.info[0].value
    assert "app_user_id" not in at.session_state


# --- screens by role -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("name,reachable,unreachable", [
    ("ann", ["app_pages/groups.py", "app_pages/dashboard.py"], [*LEAD_SCREENS, "app_pages/users.py"]),
    ("lena", LEAD_SCREENS, ["app_pages/users.py"]),
    ("boss", [*LEAD_SCREENS, "app_pages/users.py"], []),
])
def test_each_role_sees_its_screens_and_no_others(db, name, reachable, unreachable):
    at = signed_in(name)
    for path in unreachable:
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(path)
    titles = {"assign": "Assign", "adjudicate": "Adjudicate", "agreement": "Agreement", "export": "Export",
              "importing": "Import", "users": "Users", "groups": "Groups", "dashboard": "Dashboard"}
    for path in reachable:
        at.switch_page(path).run()
        assert not at.exception, (path, at.exception)
        assert [t.value for t in at.title] == [titles[Path(path).stem]]
        assert not at.error, (path, [e.value for e in at.error])


@pytest.mark.parametrize("path,prefix", [("app_pages/assign.py", "assign_"), ("app_pages/adjudicate.py",
                                                                             "adjudicate_"),
                                         ("app_pages/agreement.py", "agreement_"), ("app_pages/users.py", "users_")])
def test_every_widget_on_a_team_screen_has_a_page_prefixed_key(db, store, team, path, prefix):
    disagree(store, team)  # something on every screen
    at = signed_in("boss")
    at.switch_page(path).run()
    keys = [w.key for kind in ("button", "selectbox", "text_input", "checkbox", "multiselect", "number_input",
                               "segmented_control", "pills", "toggle", "download_button", "radio")
            for w in getattr(at, kind)]
    assert keys and all(k and (k.startswith(prefix) or k.startswith("sidebar_")) for k in keys), keys
    signin = new_app().run()
    assert {w.key for w in signin.text_input} | {b.key for b in signin.button} == {
        "signin_name", "signin_password", "signin_submit"}


def test_a_lead_demoted_while_on_a_lead_screen_loses_it_and_the_library_refuses_the_write(db, store, team):
    at = signed_in("lena")
    at.switch_page("app_pages/assign.py").run()
    assert [t.value for t in at.title] == ["Assign"]
    at.checkbox(key="assign_all").check().run()
    team.set_role(None, "lena", "reviewer")  # an admin changes the role while the screen is open
    at.button(key="assign_go").click().run()  # the screen still showed the button
    assert not at.exception
    assert store.assignments() == [], "the team workflow re-read the role and refused"
    assert [t.value for t in at.title] == ["Review"], "the screen is no longer listed for her"
    with pytest.raises(ValueError):
        at.switch_page("app_pages/assign.py")


def test_the_desk_of_a_reviewer_refuses_final_verdicts_and_unassigned_items_whatever_the_screen(store, team):
    """What a crafted request would reach: every team-mode write goes through Team, which checks."""
    ann = user(store, "ann")
    desk = Desk(store, ann, library.Desk(store, library.Team(team.config)))
    g = first_group(store).group.id
    lab = store.default_scale().labels[0].id
    with pytest.raises(PermissionDenied, match="a reviewer may not save a final verdict"):
        desk.save_final(Target.group(g), lab, expected_version=0)
    with pytest.raises(PermissionDenied, match="not in ann's queue"):
        desk.save_verdict(Target.group(g), lab, submit=True)
    detail = first_group(store)
    with pytest.raises(PermissionDenied, match="a reviewer may not merge or split groups"):
        desk.add_overrides([Override(LinkKind.CANNOT, detail.claims[0].id, detail.claims[1].id)])
    with pytest.raises(PermissionDenied, match="a reviewer may not import articles"):
        desk.import_articles([Article("probe", "Probe Times", "Probe", "Some 40 people came.")],
                             extractor=lambda arts: [])
    assert desk.dashboard().own_only, "the dashboard's figures come from the library, cut to her own"
    assert store.verdicts(Target.group(g)) == [] and store.final_verdict(Target.group(g)) is None
    assert store.overrides() == [] and store.article_title("probe") is None


# --- blind review --------------------------------------------------------------------------------------------

def test_a_reviewer_sees_only_their_queue_and_nothing_assigned_says_so(db, store, team):
    at = signed_in("ann")
    assert "Nothing is assigned to you yet" in texts(at)
    claim_ids = store.claim_ids_page(None, 10, 3)
    for cid in claim_ids:
        team.assign(user(store, "lena"), Target.claim(cid), [user(store, "ann").id])
    at.run()
    assert at.session_state["review_page_ids"] == claim_ids
    assert "Your queue" in texts(at)


def test_blind_review_on_the_review_screen_hides_verdicts_until_submission(db, store, team):
    lena, ann, ben = (user(store, n) for n in ("lena", "ann", "ben"))
    cid = store.claim_ids_page(None, 5, 1)[0]
    team.assign(lena, Target.claim(cid), [ann.id, ben.id])
    scale = store.default_scale()
    team.save_verdict(ben, Target.claim(cid), scale.label("Inaccurate").id, submit=True,
                      note="ben-only-note: the ONS table says otherwise")
    at = signed_in("ann")
    assert at.session_state["review_current"] == cid
    screen = texts(at)
    assert "**ben**" not in screen and "ben\\-only\\-note" not in screen
    assert "other reviewers' verdicts stay hidden until you submit yours" in screen
    assert "1 verdict(s)" not in screen, "blind review does not tell how many verdicts are hidden"
    # a verdict key only chooses: a draft nobody else sees, still blind
    at.button(key=f"review_verdict_{scale.label('Accurate').id}").click().run()
    mine = store.verdict(Target.claim(cid), ann.id)
    assert (mine.label, mine.status) == ("Accurate", VerdictStatus.DRAFT)
    assert at.session_state["review_current"] == cid, "choosing does not move on"
    assert "ben\\-only\\-note" not in texts(at)
    assert team.review_view(ben, Target.claim(cid)).own.status is VerdictStatus.SUBMITTED
    assert team.review_view(ben, Target.claim(cid)).others == (), "ben does not see ann's draft"
    # S submits: locked, and the other verdicts are shown
    at.button(key="review_submit").click().run()
    assert store.verdict(Target.claim(cid), ann.id).status is VerdictStatus.SUBMITTED
    screen = texts(at)
    assert "**ben**: Inaccurate · submitted" in screen and "ben\\-only\\-note" in screen
    assert "submitted and locked" in screen
    assert at.button(key=f"review_verdict_{scale.label('Misleading').id}").disabled


def test_after_submitting_the_reviewer_steps_back_to_the_item_and_sees_the_others(db, store, team):
    lena, ann, ben = (user(store, n) for n in ("lena", "ann", "ben"))
    cids = store.claim_ids_page(None, 5, 2)
    for cid in cids:
        team.assign(lena, Target.claim(cid), [ann.id, ben.id])
    scale = store.default_scale()
    team.save_verdict(ben, Target.claim(cids[0]), scale.label("Inaccurate").id, submit=True, note="ben-saw-it")
    at = signed_in("ann")
    assert at.session_state["review_current"] == cids[0]
    at.button(key=f"review_verdict_{scale.label('Accurate').id}").click().run()
    at.button(key="review_submit").click().run()
    assert at.session_state["review_current"] == cids[1], "submitting moves on"
    at.button(key="review_prev").click().run()
    assert at.session_state["review_current"] == cids[0], "K / Previous goes back to the submitted item"
    screen = texts(at)
    assert "the claim shown has left this queue" in screen
    assert "**ben**: Inaccurate · submitted" in screen and "ben\\-saw\\-it" in screen


def test_blind_review_on_the_groups_screen(db, store, team):
    lena, ann, ben = (user(store, n) for n in ("lena", "ann", "ben"))
    g = first_group(store).group.id
    team.deal(lena, [Target.group(g)], [ann.id, ben.id], per_item=2)
    scale = store.default_scale()
    team.save_verdict(ben, Target.group(g), scale.label("Misleading").id, submit=True, note="ben-group-note")
    at = signed_in("ann")
    at.switch_page("app_pages/groups.py").run()
    assert at.session_state["groups_current"] == g
    assert "ben\\-group\\-note" not in texts(at)
    assert "other reviewers' verdicts stay hidden" in texts(at) and "1 verdict(s)" not in texts(at)
    assert not [b for b in at.button if b.key == "groups_save_final"], "reviewers do not decide"
    assert not [b for b in at.button if b.key == "groups_split"], "nor regroup"
    at.pills(key=wkey("groups", "label", g)).set_value(scale.label("Accurate").id)
    at.button(key="groups_submit_verdict").click().run()
    assert not at.error, [e.value for e in at.error]
    assert store.verdict(Target.group(g), ann.id).status is VerdictStatus.SUBMITTED
    assert "ben\\-group\\-note" in texts(at) and "**ben**: Misleading" in texts(at)
    assert at.button(key="groups_submit_verdict").disabled


# --- assignment, adjudication, agreement --------------------------------------------------------------------------

def test_the_lead_deals_groups_out_so_each_gets_two_reviews(db, store):
    at = signed_in("lena")
    at.switch_page("app_pages/assign.py").run()
    at.checkbox(key="assign_f_discrepant").check().run()
    at.checkbox(key="assign_all").check().run()
    at.button(key="assign_go").click().run()
    assert not at.exception and not at.error
    made = store.assignments()
    groups, total = store.groups_page(GroupFilter(discrepant_only=True, min_outlets=2), 0, 300)
    assert total > 0 and len(made) == 2 * total
    per_group: dict[str, set[int]] = {}
    for a in made:
        per_group.setdefault(a.target.id, set()).add(a.user_id)
    ann, ben = user(store, "ann").id, user(store, "ben").id
    assert per_group == {g.id: {ann, ben} for g in groups}
    assert "Made {} new assignment(s)".format(len(made)) in texts(at)
    history = [e for e in store.audit_log(entity="assignment")]
    assert len(history) == len(made) and {e.actor for e in history} == {"lena"}


def disagree(store: Store, team: Team) -> Target:
    lena, ann, ben = (user(store, n) for n in ("lena", "ann", "ben"))
    cid = store.claim_ids_page(None, 3, 1)[0]
    t = Target.claim(cid)
    team.deal(lena, [t], [ann.id, ben.id], per_item=2)
    team.save_verdict(ann, t, "Accurate", submit=True, note="ann: matches the council report")
    team.save_verdict(ben, t, "Inaccurate", submit=True, note="ben: the report says 3,100")
    return t


def test_adjudication_shows_the_disagreement_and_saves_a_versioned_final_verdict(db, store, team):
    t = disagree(store, team)
    at = signed_in("lena")
    at.switch_page("app_pages/adjudicate.py").run()
    assert [m.value for m in at.metric][:1] == ["1"]
    screen = texts(at)
    assert "ann: matches the council report" in screen.replace("\\", "")
    assert "ben: the report says 3,100" in screen.replace("\\", "")
    ben_v = store.verdict(t, user(store, "ben").id)
    at.button(key=f"adjudicate_accept_{ben_v.id}").click().run()
    final = store.final_verdict(t)
    assert (final.label, final.version, final.decided_by, final.basis_verdict_id) == ("Inaccurate", 1, "lena",
                                                                                      ben_v.id)
    assert "Final verdict saved: **Inaccurate** (version 1)" in texts(at)
    assert "Nothing to adjudicate" in texts(at)
    # revising it: another lead decides meanwhile, so the save based on version 1 is refused, then made
    at.toggle(key="adjudicate_decided").set_value(True).run()
    assert at.session_state["adjudicate_current"] == f"claim:{t.id}"
    team.decide(user(store, "boss"), t, "Misleading", expected_version=1, note="boss decided")
    lk = wkey("adjudicate", "label", f"claim:{t.id}")
    at.pills(key=lk).set_value(store.default_scale().label("Accurate").id)
    at.button(key="adjudicate_save").click().run()
    warning = " ".join(w.value for w in at.warning)
    assert "Not saved" in warning and "boss" in warning and "Misleading" in warning
    assert store.final_verdict(t).version == 2
    at.button(key="adjudicate_save").click().run()
    final = store.final_verdict(t)
    assert (final.label, final.version, final.decided_by) == ("Accurate", 3, "lena")
    finals = [e for e in store.audit_log(entity="final_verdict") if e.action == "final_verdict"]
    assert [(e.actor, e.after["label"], e.after["version"]) for e in finals] == [
        ("lena", "Inaccurate", 1), ("boss", "Misleading", 2), ("lena", "Accurate", 3)]


def test_accept_agreed_settles_every_agreeing_item_at_once(db, store):
    secrets = {**SECRETS, "team": {**SECRETS["team"], "auto_accept_agreement": False}}
    team = Team(store, TeamConfig.from_secrets(secrets))
    lena, ann, ben = (user(store, n) for n in ("lena", "ann", "ben"))
    targets = [Target.claim(c) for c in store.claim_ids_page(None, 0, 3)]
    team.deal(lena, targets, [ann.id, ben.id], per_item=2)
    for t in targets:
        for who in (ann, ben):
            team.save_verdict(who, t, "Accurate", submit=True)
    assert all(store.final_verdict(t) is None for t in targets), "automatic acceptance is off"
    at = signed_in("lena", secrets)
    at.switch_page("app_pages/adjudicate.py").run()
    assert [m.value for m in at.metric][:2] == ["0", "3"]
    at.button(key="adjudicate_accept_agreed").click().run()
    assert "Accepted 3 item(s)" in texts(at)
    assert [store.final_verdict(t).label for t in targets] == ["Accurate"] * 3


def test_agreement_screen_shows_pairs_and_the_rows_it_downloads(db, store, team):
    lena, ann, ben = (user(store, n) for n in ("lena", "ann", "ben"))
    targets = [Target.claim(c) for c in store.claim_ids_page(None, 0, 4)]
    team.deal(lena, targets, [ann.id, ben.id], per_item=2)
    for t, (a, b) in zip(targets, [("Accurate", "Accurate"), ("Inaccurate", "Inaccurate"),
                                   ("Accurate", "Inaccurate"), ("Misleading", "Misleading")]):
        team.save_verdict(ann, t, a, submit=True)
        team.save_verdict(ben, t, b, submit=True)
    at = signed_in("lena")
    at.switch_page("app_pages/agreement.py").run()
    assert not at.exception and not at.error
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Items rated"] == "4" and metrics["Agreement"] == "75%"
    # the one disagreement, counted as the adjudication queue and the Dashboard count it
    assert any("1** item(s) disputed now" in c.value for c in at.caption)
    assert team.dashboard(lena).stats.disputed_claims == 1
    pairs = next(d.value for d in at.dataframe if "reviewer A" in d.value.columns)
    assert pairs.iloc[0][["reviewer A", "reviewer B", "items both judged"]].tolist() == ["ann", "ben", 4]
    assert [d.key for d in at.download_button] == ["agreement_download"]
    rows = team.agreement_rows(lena)
    table = list(csv.DictReader(io.StringIO(agreement_csv_bytes(rows).decode("utf-8-sig"), newline="")))
    overall = next(r for r in table if r["scope"] == "overall")
    assert (overall["items"], overall["percent_agreement"]) == ("4", "0.75")
    pair = next(r for r in table if r["scope"] == "pair")
    assert (pair["reviewer_a"], pair["reviewer_b"], float(pair["kappa"])) == (
        "ann", "ben", pytest.approx(rows[1]["kappa"]))


def test_the_agreement_download_is_the_librarys_csv(db, store, team):
    disagree(store, team)
    at = signed_in("lena")
    at.switch_page("app_pages/agreement.py").run()
    [download] = at.get("download_button")
    # Streamlit names a download by a hash of its bytes: the same name means the same file
    from streamlit.runtime.media_file_storage import MediaFileKind
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    expected = agreement_csv_bytes(team.agreement_rows(user(store, "lena")))
    media = MemoryMediaFileStorage("/mock/media")
    file_id = media.load_and_get_id(expected, "text/csv", MediaFileKind.DOWNLOADABLE, "agreement.csv")
    assert download.proto.url == media.get_url(file_id)
    assert expected.startswith("\ufeffscope,dimension,key".encode())


# --- the dashboard: a reviewer sees only their own progress and verdicts ----------------------------------------

def chart_frames(at: AppTest) -> list:
    """The data behind every chart on the screen (Streamlit sends each as an Arrow table)."""
    import pyarrow as pa

    return [pa.ipc.open_stream(ds.data.data).read_pandas()
            for chart in at.get("vega_lite_chart") for ds in chart.proto.datasets]


def frame_with(frames: list, column: str):
    return next(f for f in frames if column in f.columns)


def test_the_dashboard_shows_a_reviewer_only_their_own_progress_and_verdicts(db, store, team):
    lena, ann, ben = (user(store, n) for n in ("lena", "ann", "ben"))
    shared, own = (Target.claim(c) for c in store.claim_ids_page(None, 0, 2))
    team.deal(lena, [shared], [ann.id, ben.id], per_item=2)
    team.assign(lena, own, [ann.id])
    team.save_verdict(ben, shared, "Inaccurate", submit=True, note="ben-dash-note")
    team.save_verdict(ann, shared, "Accurate")  # her draft: she has not submitted on the shared claim
    team.save_verdict(ann, own, "Misleading", submit=True)

    at = signed_in("ann")
    at.switch_page("app_pages/dashboard.py").run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    metrics = {m.label: m.value for m in at.metric}
    assert (metrics["You covered"], metrics["Your drafts"], metrics["Decided"]) == ("1", "1", "0")
    assert "Reviewed" not in metrics and "Other reviewers' verdicts stay hidden" in texts(at)
    frames = chart_frames(at)
    assert set(frame_with(frames, "reviewer")["reviewer"]) == {"ann"}
    assert dict(zip(*frame_with(frames, "verdict")[["verdict", "claims"]].T.values)) == {"Misleading": 1}
    assert frame_with(frames, "share inaccurate")["rated"].sum() == 1
    assert not re.search(r"\bben\b", texts(at)) and not any((f == "ben").any().any() for f in frames)

    at = signed_in("lena")
    at.switch_page("app_pages/dashboard.py").run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Reviewed"] == "2"
    frames = chart_frames(at)
    assert set(frame_with(frames, "reviewer")["reviewer"]) == {"ann", "ben"}
    assert dict(zip(*frame_with(frames, "verdict")[["verdict", "claims"]].T.values)) == {
        "Inaccurate": 1, "Misleading": 1}


# --- merging and splitting, importing: leads and admins, through the library -------------------------------------

def test_a_lead_splits_a_group_on_the_groups_screen_and_the_history_names_her(db, store):
    at = signed_in("lena")
    at.switch_page("app_pages/groups.py").run()
    detail = store.group_detail(at.session_state["groups_current"])
    out = detail.claims[0].id
    at.multiselect(key=wkey("groups", "split", detail.group.id)).set_value([out]).run()
    at.button(key="groups_split").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    links = store.overrides()
    assert links and {(o.kind, o.created_by) for o in links} == {(LinkKind.CANNOT, user(store, "lena").id)}
    assert store.claim(out).claim.group_id != store.claim(detail.claims[1].id).claim.group_id
    assert {e.actor for e in store.audit_log(entity="override")} == {"lena"}


def test_a_lead_imports_a_pasted_article_as_herself(db, store):
    at = signed_in("lena")
    at.switch_page("app_pages/importing.py").run()
    at.text_area(key="import_paste_text").input("Ferry fares rise\n\nFares rose by 12% on Monday.").run()
    at.text_input(key="import_paste_outlet").input("Harbour News").run()
    at.button(key="import_paste_go").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert {m.label: m.value for m in at.metric}["New articles"] == "1"
    [entry] = [e for e in store.audit_log(entity="import")][-1:]
    assert entry.actor == "lena" and entry.after["articles_new"] == 1


# --- accounts -------------------------------------------------------------------------------------------------------

def test_the_admin_adds_an_account_changes_its_role_and_disables_it(db, store):
    at = signed_in("boss")
    at.switch_page("app_pages/users.py").run()
    at.text_input(key="users_new_name").input("cara")
    at.text_input(key="users_new_password").input("short")
    at.button(key="users_add").click().run()
    assert "password: too short" in at.error[0].value.replace("\\", "")
    assert store.user_by_name("cara") is None
    at.text_input(key="users_new_name").input("cara")
    at.text_input(key="users_new_password").input("cara-secret-pw")
    at.selectbox(key="users_new_role").set_value("reviewer")
    at.button(key="users_add").click().run()
    assert store.user_by_name("cara").role.value == "reviewer"
    at.selectbox(key="users_pick").set_value("cara").run()
    at.selectbox(key="users_role").set_value("lead")
    at.button(key="users_change_role").click().run()
    assert store.user_by_name("cara").role.value == "lead"
    at.button(key="users_disable").click().run()
    assert store.user_by_name("cara").disabled
    at.selectbox(key="users_pick").set_value("boss").run()
    at.selectbox(key="users_role").set_value("reviewer")
    at.button(key="users_change_role").click().run()
    assert "last active admin" in at.error[0].value
    changes = [(e.actor, e.action, e.after) for e in store.audit_log(entity="user") if e.actor == "boss"
               and e.action in ("create_user", "update_user")]
    assert [(a, act, sorted(after)) for a, act, after in changes] == [
        ("boss", "create_user", ["external_id", "name", "password_set", "role"]),
        ("boss", "update_user", ["role"]), ("boss", "update_user", ["disabled"])]


def test_the_admin_renames_a_verdict_label(db, store):
    at = signed_in("boss")
    at.switch_page("app_pages/users.py").run()
    lab = store.default_scale().label("Unverifiable")
    at.selectbox(key="users_label_pick").set_value(lab.id).run()
    assert at.text_input(key="users_label_text").value == "Unverifiable"
    at.text_input(key="users_label_key").input("S")
    at.button(key="users_save_label").click().run()
    assert "S is taken by the app" in at.error[0].value.replace("\\", "")
    at.text_input(key="users_label_key").input("U")
    at.text_input(key="users_label_text").input("Cannot be checked")
    at.button(key="users_save_label").click().run()
    renamed = next(x for x in store.default_scale().labels if x.id == lab.id)
    assert (renamed.label, renamed.key) == ("Cannot be checked", "U")
    assert store.audit_log(entity="scale_label")[-1].actor == "boss"


# --- screens opened by their address -------------------------------------------------------------------------

SCREEN_SCRIPTS = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app_pages").glob("*.py") if p.name != "signin.py")


@pytest.mark.parametrize("script", SCREEN_SCRIPTS)
def test_a_screen_opened_by_its_address_in_team_mode_shows_only_the_sign_in(db, script):
    """Opening a screen's URL directly (the first request of a browser session) runs the entry script, which
    shows the sign-in screen and nothing of the screen asked for."""
    at = new_app()
    at.switch_page(script).run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["Sign in"]
    assert at.text_input(key="signin_name") is not None
    shown = texts(at)
    for word in ("Hollinsford", "Brennick", "lena", "Signed in as"):
        assert word not in shown, word


ENTRY = '''import streamlit as st
if not st.session_state.get("signed_in"):
    st.title("Sign in")
    st.stop()
st.navigation([st.Page("{folder}/secret.py", default=True)]).run()
'''
SECRET_SCREEN = 'import streamlit as st\nst.title("Secret screen")\n'


@pytest.mark.parametrize(("folder", "runs_without_sign_in"), [("pages", True), ("app_pages", False)])
def test_why_the_screens_are_not_in_a_pages_folder(tmp_path, folder, runs_without_sign_in):
    """A folder called ``pages`` beside the entry script switches Streamlit to its first multi-page mode: a
    screen's address then runs that screen INSTEAD of the entry script, past the sign-in it holds. The same
    screen in any other folder runs only through the entry script's navigation."""
    (tmp_path / folder).mkdir()
    (tmp_path / folder / "secret.py").write_text(SECRET_SCREEN, encoding="utf-8")
    entry = tmp_path / "entry.py"
    entry.write_text(ENTRY.format(folder=folder), encoding="utf-8")
    at = AppTest.from_file(str(entry), default_timeout=TIMEOUT)
    at.switch_page(f"{folder}/secret.py").run()
    titles = [t.value for t in at.title]
    assert titles == (["Secret screen"] if runs_without_sign_in else ["Sign in"])
