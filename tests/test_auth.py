"""Roles and permissions, password hashing, failed sign-in limiting, session expiry, team configuration."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.auth import (
    PERMISSIONS,
    Action,
    LockoutPolicy,
    Role,
    SessionPolicy,
    SignInState,
    TeamConfig,
    can,
    hash_password,
    is_locked,
    needs_rehash,
    record_failure,
    record_success,
    require,
    session_expired,
    verify_password,
)
from workbench.errors import ExitCode, InputError, PermissionDenied

A, L, R = Role.ADMIN, Role.LEAD, Role.REVIEWER

# The full matrix, written out: every role x every action.
EXPECTED = {
    Action.MANAGE_USERS: {A},
    Action.MANAGE_SCALES: {A},
    Action.CHANGE_SETTINGS: {A},
    Action.IMPORT_ARTICLES: {A, L},
    Action.REGROUP: {A, L},  # merging and splitting groups changes every reviewer's items
    Action.ASSIGN_WORK: {A, L},
    Action.ADJUDICATE: {A, L},
    Action.SAVE_FINAL_VERDICT: {A, L},
    Action.SAVE_OWN_VERDICT: {A, L, R},
    Action.CHANGE_OTHERS_VERDICT: set(),  # nobody: a lead records a final verdict instead
    Action.VIEW_OTHERS_BEFORE_SUBMITTING: {A, L},
    Action.VIEW_AGREEMENT: {A, L},
    Action.EXPORT: {A, L},
}


def test_every_action_is_in_the_table():
    assert set(EXPECTED) == set(Action)


@pytest.mark.parametrize(("role", "action"), [(r, a) for r in Role for a in Action])
def test_permission_matrix(role, action):
    allowed = role in EXPECTED[action]
    assert can(role, action) is allowed
    assert can(role.value, action.value) is allowed  # plain strings, as stored
    if allowed:
        require(role, action)
    else:
        with pytest.raises(PermissionDenied) as info:
            require(role, action)
        assert str(info.value) == f"a {role.value} may not {action.value}"
        assert info.value.exit_code is ExitCode.FORBIDDEN


@pytest.mark.parametrize(
    ("role", "owner", "actor", "allowed"),
    [
        (R, "u1", "u1", True),  # own verdict
        (R, "u2", "u1", False),  # someone else's: never for a reviewer
        (R, "u2", None, False),  # unknown actor is never the owner
        (L, "u1", "u1", True),
        (L, "u2", "u1", False),
        (A, "u2", "u1", False),
    ],
)
def test_saving_a_verdict_owned_by_someone_else_is_changing_theirs(role, owner, actor, allowed):
    assert can(role, Action.SAVE_OWN_VERDICT, owner_id=owner, actor_id=actor) is allowed
    assert can(role, Action.CHANGE_OTHERS_VERDICT, owner_id=owner, actor_id=actor) is allowed


def test_denial_names_the_real_action_when_asking_to_save_another_reviewers_verdict():
    with pytest.raises(PermissionDenied, match="a reviewer may not change another reviewer's verdict"):
        require(R, Action.SAVE_OWN_VERDICT, owner_id="bob", actor_id="ann")


@pytest.mark.parametrize(("role", "action"), [("superuser", Action.EXPORT), (R, "delete everything")])
def test_unknown_roles_and_actions_are_denied(role, action):
    assert can(role, action) is False
    with pytest.raises(PermissionDenied):
        require(role, action)


def test_reviewer_can_do_nothing_but_save_own_verdicts():
    assert PERMISSIONS[R] == {Action.SAVE_OWN_VERDICT}


# --------------------------------------------------------------------------------------------------------
# Passwords


@pytest.mark.real_hashes
def test_passwords_are_hashed_with_the_rfc_9106_parameters():
    """The workbench's own hasher (the suite's other tests use argon2-cffi's cheap test profile)."""
    from argon2 import extract_parameters, profiles

    h = hash_password("correct horse battery")
    assert extract_parameters(h) == profiles.RFC_9106_LOW_MEMORY
    assert verify_password(h, "correct horse battery") and not needs_rehash(h)


def test_hash_round_trip():
    h = hash_password("correct horse battery")
    assert h.startswith("$argon2id$")
    assert verify_password(h, "correct horse battery")
    assert not verify_password(h, "correct horse batterY")
    assert not needs_rehash(h)
    assert hash_password("correct horse battery") != h  # salted


@pytest.mark.parametrize("bad_hash", ["", "plain text", "$argon2id$v=19$m=1,t=1,p=1$broken"])
def test_malformed_hash_never_verifies(bad_hash):
    assert verify_password(bad_hash, "whatever-password") is False


@pytest.mark.parametrize(
    ("password", "message"), [("short", "too short: use at least 8"), ("x" * 1025, "too long")]
)
def test_password_policy(password, message):
    with pytest.raises(InputError, match=message):
        hash_password(password)


# --------------------------------------------------------------------------------------------------------
# Failed sign-ins

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
POLICY = LockoutPolicy(max_failures=3, window=timedelta(minutes=10), lockout=timedelta(minutes=15))


def test_n_failures_in_the_window_lock_for_m_minutes():
    s = SignInState()
    s = record_failure(s, T0, POLICY)
    s = record_failure(s, T0 + timedelta(minutes=1), POLICY)
    assert not is_locked(s, T0 + timedelta(minutes=2))
    s = record_failure(s, T0 + timedelta(minutes=2), POLICY)
    assert is_locked(s, T0 + timedelta(minutes=2))
    assert is_locked(s, T0 + timedelta(minutes=16, seconds=59))
    assert not is_locked(s, T0 + timedelta(minutes=17))


def test_failures_spread_beyond_the_window_do_not_lock():
    s = SignInState()
    for k in range(10):
        s = record_failure(s, T0 + k * timedelta(minutes=6), POLICY)  # at most 2 in any 10 minutes
        assert not is_locked(s, T0 + k * timedelta(minutes=6))


def test_failures_while_locked_do_not_extend_the_lock():
    s = SignInState()
    for k in range(3):
        s = record_failure(s, T0 + timedelta(seconds=k), POLICY)
    until = s.locked_until
    s = record_failure(s, T0 + timedelta(minutes=10), POLICY)
    assert s.locked_until == until


def test_success_clears_failures():
    s = record_failure(record_failure(SignInState(), T0, POLICY), T0, POLICY)
    s = record_success(s)
    s = record_failure(s, T0 + timedelta(seconds=1), POLICY)
    s = record_failure(s, T0 + timedelta(seconds=2), POLICY)
    assert not is_locked(s, T0 + timedelta(seconds=2))


def test_naive_times_from_sqlite_are_read_as_utc():
    s = record_failure(SignInState(), T0.replace(tzinfo=None), POLICY)
    s = record_failure(s, T0 + timedelta(minutes=1), POLICY)
    s = record_failure(s, (T0 + timedelta(minutes=2)).replace(tzinfo=None), POLICY)
    assert is_locked(s, T0 + timedelta(minutes=3))


@given(st.lists(st.integers(0, 3600), max_size=40))
@settings(max_examples=200, deadline=None)
def test_never_locked_without_max_failures_inside_one_window(offsets):
    """Locked at time t only if some window of length `window` before t held max_failures failures."""
    times = [T0 + timedelta(seconds=o) for o in sorted(offsets)]
    s = SignInState()
    for i, t in enumerate(times):
        s = record_failure(s, t, POLICY)
        if is_locked(s, t):
            recent = [u for u in times[: i + 1] if t - u < POLICY.window + POLICY.lockout]
            assert len(recent) >= POLICY.max_failures


# --------------------------------------------------------------------------------------------------------
# Sessions

SESSION = SessionPolicy(idle=timedelta(minutes=30), absolute=timedelta(hours=8))


@pytest.mark.parametrize(
    ("last_seen", "now", "expired"),
    [
        (timedelta(0), timedelta(minutes=29), False),
        (timedelta(0), timedelta(minutes=30), True),  # idle too long
        (timedelta(hours=7, minutes=50), timedelta(hours=7, minutes=59), False),
        (timedelta(hours=7, minutes=59), timedelta(hours=8), True),  # active, but past the absolute limit
    ],
)
def test_session_expiry(last_seen, now, expired):
    assert session_expired(T0, T0 + last_seen, T0 + now, SESSION) is expired


# --------------------------------------------------------------------------------------------------------
# Team configuration from secrets

COOKIE = "0123456789abcdef" * 4
META = "https://accounts.example.org/.well-known/openid-configuration"


def test_local_accounts_need_only_the_cookie_secret():
    cfg = TeamConfig.from_secrets({"auth": {"cookie_secret": COOKIE}})
    assert not cfg.uses_oidc
    assert cfg.reviews_per_item == 2 and cfg.auto_accept_agreement is True
    assert cfg.session == SessionPolicy(idle=timedelta(minutes=120), absolute=timedelta(hours=12))


def test_default_provider_in_auth():
    cfg = TeamConfig.from_secrets(
        {
            "auth": {
                "cookie_secret": COOKIE,
                "redirect_uri": "http://localhost:8501/oauth2callback",
                "client_id": "wb",
                "client_secret": "shh",
                "server_metadata_url": META,
            },
            "team": {"reviews_per_item": 3, "lockout_minutes": 30, "auto_accept_agreement": False},
        }
    )
    assert [p.name for p in cfg.providers] == ["default"]
    assert cfg.reviews_per_item == 3 and cfg.lockout.lockout == timedelta(minutes=30)
    assert cfg.auto_accept_agreement is False
    assert "shh" not in repr(cfg) and COOKIE not in repr(cfg)


def test_named_providers():
    cfg = TeamConfig.from_secrets(
        {
            "auth": {
                "cookie_secret": COOKIE,
                "redirect_uri": "https://wb.example.org/oauth2callback",
                "google": {"client_id": "g", "client_secret": "gs", "server_metadata_url": META},
                "okta": {"client_id": "o", "client_secret": "os", "server_metadata_url": META},
            }
        }
    )
    assert [p.name for p in cfg.providers] == ["google", "okta"]


@pytest.mark.parametrize(
    ("secrets", "expected"),
    [
        ({}, ["auth.cookie_secret is missing"]),
        ({"auth": {"cookie_secret": "short"}}, ["auth.cookie_secret is too short"]),
        (
            {"auth": {"cookie_secret": COOKIE, "client_id": "x"}},
            ["missing auth.client_secret, auth.server_metadata_url", "auth.redirect_uri is missing"],
        ),
        (
            {"auth": {"redirect_uri": "http://localhost:8501/", "google": {"client_id": "g"}}},
            [
                "auth.cookie_secret is missing",
                "'google' is missing auth.google.client_secret, auth.google.server_metadata_url",
                "auth.redirect_uri must end with /oauth2callback",
            ],
        ),
        (
            {"auth": {"cookie_secret": COOKIE, "redirect_uri": "http://h/oauth2callback",
                      "my_idp": {"client_id": "a", "client_secret": "b", "server_metadata_url": META}}},
            ["provider name may not contain an underscore"],
        ),
        (
            {"auth": {"cookie_secret": COOKIE, "redirect_uri": "http://h/oauth2callback",
                      "idp": {"client_id": "a", "client_secret": "b", "server_metadata_url": "http://x/"}}},
            ["server_metadata_url must be an https:// URL"],
        ),
        (
            {"auth": {"cookie_secret": COOKIE}, "team": {"reviews_per_item": 0, "auto_accept_agreement": "yes"}},
            ["team.reviews_per_item must be a whole number of at least 1 (it is 0)",
             "team.auto_accept_agreement must be true or false"],
        ),
    ],
)
def test_refuses_and_lists_everything_missing(secrets, expected):
    with pytest.raises(InputError) as info:
        TeamConfig.from_secrets(secrets)
    message = str(info.value)
    assert message.startswith(".streamlit/secrets.toml: team mode cannot start: ")
    for part in expected:
        assert part in message
