"""Sessions, drafts and browser preferences in the database (workbench.sessions), on a real SQLite store.

A session is started, its one-time code swapped (once) for a signed cookie, the cookie resumes it (a reload,
another tab or replica), and each way a session ends is checked: idle time, maximum life, signing out,
a disabled account, a changed password, a forged or foreign cookie.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from workbench.auth import SessionPolicy
from workbench.sessions import BrowserPrefs, Drafts, Ended, Live, Sessions
from workbench.store import Store, Target
from workbench.team import Team

SECRET = "s" * 40
POLICY = SessionPolicy(idle=timedelta(minutes=30), absolute=timedelta(hours=2))


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture()
def store(tmp_path):
    with Store.open(f"sqlite:///{tmp_path / 'w.db'}") as s:
        Team(s).add_user(None, "ann", role="reviewer", password="ann-secret-pw")
        yield s


@pytest.fixture()
def clock():
    return Clock()


def started(store, clock):
    sessions = Sessions(store, SECRET, POLICY, clock=clock)
    user = store.user_by_name("ann")
    live, code = sessions.start(user.id)
    cookie = sessions.exchange(code)
    assert cookie is not None
    return sessions, live, cookie


def test_a_cookie_resumes_the_session_and_the_code_works_once(store, clock):
    sessions, live, cookie = started(store, clock)
    assert sessions.resume(cookie) == live
    assert Sessions(store, SECRET, POLICY, clock=clock).resume(cookie) == live, "another replica, same secret"
    assert sessions.exchange("") is None
    assert sessions.check(live.session_id) == live


def test_a_code_cannot_be_swapped_twice_or_late(store, clock):
    sessions = Sessions(store, SECRET, POLICY, clock=clock)
    uid = store.user_by_name("ann").id
    _, code = sessions.start(uid)
    assert sessions.exchange(code) is not None
    assert sessions.exchange(code) is None
    _, late = sessions.start(uid)
    clock.now += timedelta(minutes=3)
    assert sessions.exchange(late) is None


@pytest.mark.parametrize("cookie", ["", "not-signed", "a.b.c"])
def test_a_forged_cookie_names_no_session(store, clock, cookie):
    started(store, clock)
    assert Sessions(store, SECRET, POLICY, clock=clock).resume(cookie) == Ended("unknown")


def test_a_cookie_signed_with_another_secret_is_refused(store, clock):
    _, _, cookie = started(store, clock)
    assert Sessions(store, "t" * 40, POLICY, clock=clock).resume(cookie) == Ended("unknown")


@pytest.mark.parametrize("step,why", [
    (lambda s, c, team, live: setattr(c, "now", c.now + timedelta(minutes=31)), "idle"),
    (lambda s, c, team, live: [s.check(live.session_id) for c.now in
                               [c.now + timedelta(minutes=25 * i) for i in range(1, 6)]], "max_age"),
    (lambda s, c, team, live: s.end(live.session_id), "signed_out"),
    (lambda s, c, team, live: team.set_disabled(None, "ann", True), "disabled"),
    (lambda s, c, team, live: team.set_password(None, "ann", "a-new-secret-pw"), "password"),
])
def test_each_way_a_session_ends_ends_it_for_every_tab(store, clock, step, why):
    sessions, live, cookie = started(store, clock)
    step(sessions, clock, Team(store), live)
    assert sessions.resume(cookie) == Ended(why, live.session_id), "a reload or another tab"
    assert sessions.check(live.session_id) == Ended(why, live.session_id), "the tab that was open"


def test_activity_keeps_a_session_alive_past_the_idle_time(store, clock):
    sessions, live, cookie = started(store, clock)
    for _ in range(4):
        clock.now += timedelta(minutes=20)
        assert isinstance(sessions.resume(cookie), Live)


def test_drafts_are_per_reviewer_and_item_and_forget_what_was_saved(store):
    drafts = Drafts(store)
    ann = store.user_by_name("ann").id
    other = Team(store).add_user(None, "ben", role="reviewer", password="ben-secret-pw").id
    t = Target.claim("c1")
    drafts.put(ann, t, {"note": "checked the ONS table", "src_url": "https://example.org/t", "empty": ""})
    assert drafts.get(ann, t) == {"note": "checked the ONS table", "src_url": "https://example.org/t"}
    assert drafts.get(other, t) == {} and drafts.get(ann, Target.claim("c2")) == {}
    drafts.discard(ann, t, ["note"])
    assert drafts.get(ann, t) == {"src_url": "https://example.org/t"}
    drafts.discard(ann, t)
    assert drafts.get(ann, t) == {}


def test_browser_preferences_are_kept_by_browser_id(store):
    prefs = BrowserPrefs(store)
    a, b = prefs.new_id(), prefs.new_id()
    prefs.put(a, {"reviewer": "ann", "review_f_outlet": "Daily Ledger"})
    prefs.put(a, {"reviewer": "ann"})
    assert prefs.get(a) == {"reviewer": "ann"} and prefs.get(b) == {}
