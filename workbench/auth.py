"""Who may do what, and the pure logic of signing in: password hashing, roles and the permission matrix,
failed sign-in limiting, session expiry and the team-mode configuration read from the app's secrets.

Nothing here touches a database or the clock: times are passed in, so the rules can be tested exactly.
The store-backed workflow (users, assignment, review, adjudication) lives in ``workbench.team``.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlparse

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from workbench.errors import InputError, PermissionDenied

__all__ = [
    "Action",
    "LockoutPolicy",
    "MIN_PASSWORD_LENGTH",
    "OidcProvider",
    "PERMISSIONS",
    "Role",
    "SessionPolicy",
    "SignInState",
    "TeamConfig",
    "can",
    "check_password_policy",
    "hash_password",
    "is_locked",
    "needs_rehash",
    "record_failure",
    "record_success",
    "rehash_password",
    "require",
    "session_expired",
    "utc",
    "verify_password",
    "verify_unknown_user",
]


# --------------------------------------------------------------------------------------------------------
# Roles and permissions


class Role(str, enum.Enum):
    ADMIN = "admin"  # users, verdict scales, settings; everything a lead may do
    LEAD = "lead"  # assigns work, adjudicates, saves final verdicts
    REVIEWER = "reviewer"  # saves their own verdicts on their queue


class Action(str, enum.Enum):
    MANAGE_USERS = "manage users"
    MANAGE_SCALES = "manage verdict scales"
    CHANGE_SETTINGS = "change settings"
    IMPORT_ARTICLES = "import articles"
    REGROUP = "merge or split groups"
    ASSIGN_WORK = "assign work"
    ADJUDICATE = "adjudicate"
    SAVE_FINAL_VERDICT = "save a final verdict"
    SAVE_OWN_VERDICT = "save their own verdict"
    CHANGE_OTHERS_VERDICT = "change another reviewer's verdict"
    VIEW_OTHERS_BEFORE_SUBMITTING = "see other reviewers' verdicts before submitting their own"
    VIEW_AGREEMENT = "view agreement statistics"
    EXPORT = "export"


_LEAD_ACTIONS = frozenset(
    {
        Action.IMPORT_ARTICLES,
        Action.REGROUP,
        Action.ASSIGN_WORK,
        Action.ADJUDICATE,
        Action.SAVE_FINAL_VERDICT,
        Action.SAVE_OWN_VERDICT,
        Action.VIEW_OTHERS_BEFORE_SUBMITTING,
        Action.VIEW_AGREEMENT,
        Action.EXPORT,
    }
)

#: The permission matrix. A reviewer may only save their own verdicts: they cannot change a final verdict,
#: nor see others' verdicts before submitting (blind review), nor export (an export shows every reviewer's
#: verdicts). Nor may they merge or split groups: regrouping changes which claims every group verdict
#: covers and what other reviewers were assigned, so it is a lead's decision, like assigning work.
#: Nobody changes another reviewer's verdict: each verdict is one person's independent judgement (the data
#: agreement is measured on); a lead who disagrees records a final verdict instead.
PERMISSIONS: Mapping[Role, frozenset[Action]] = {
    Role.ADMIN: _LEAD_ACTIONS | {Action.MANAGE_USERS, Action.MANAGE_SCALES, Action.CHANGE_SETTINGS},
    Role.LEAD: _LEAD_ACTIONS,
    Role.REVIEWER: frozenset({Action.SAVE_OWN_VERDICT}),
}


def _effective_action(action: Action, owner_id: str | None, actor_id: str | None) -> Action:
    """A verdict save is "own" only when the actor owns the verdict; otherwise it changes someone else's."""
    if action in (Action.SAVE_OWN_VERDICT, Action.CHANGE_OTHERS_VERDICT) and owner_id is not None:
        if actor_id is None:
            return Action.CHANGE_OTHERS_VERDICT  # unknown actor: never treat as the owner
        return Action.SAVE_OWN_VERDICT if owner_id == actor_id else Action.CHANGE_OTHERS_VERDICT
    return action


def can(role: Role | str, action: Action | str, *, owner_id: str | None = None, actor_id: str | None = None) -> bool:
    """Whether ``role`` may do ``action``. For verdict saves pass the verdict's ``owner_id`` and the
    ``actor_id`` of the signed-in user: saving a verdict owned by someone else counts as changing another
    reviewer's verdict, whatever action was asked for."""
    try:
        role = Role(role)
        action = Action(action)
    except ValueError:
        return False
    return _effective_action(action, owner_id, actor_id) in PERMISSIONS[role]


def require(
    role: Role | str, action: Action | str, *, owner_id: str | None = None, actor_id: str | None = None
) -> None:
    """Raise :class:`PermissionDenied` naming the role and the action unless ``can(...)`` allows it."""
    if can(role, action, owner_id=owner_id, actor_id=actor_id):
        return
    role_name = role.value if isinstance(role, Role) else str(role)
    try:
        act = _effective_action(Action(action), owner_id, actor_id)
        what = act.value
    except ValueError:
        what = str(action)
    try:
        Role(role_name)
    except ValueError:
        raise PermissionDenied(f"unknown role {role_name!r}: may not {what}") from None
    raise PermissionDenied(f"a {role_name} may not {what}")


# --------------------------------------------------------------------------------------------------------
# Passwords

MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 1024

_hasher = PasswordHasher()  # argon2id with the library's RFC 9106 defaults


def check_password_policy(password: str) -> None:
    """Refuse passwords that are too short or too long, saying what would work."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InputError("password", f"too short: use at least {MIN_PASSWORD_LENGTH} characters")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise InputError("password", f"too long: use at most {MAX_PASSWORD_LENGTH} characters")


def hash_password(password: str) -> str:
    """An argon2id hash (salt and parameters included) of a password that passes the policy."""
    check_password_policy(password)
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """True when ``password`` matches; False on a mismatch or a malformed hash (never raises for those)."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


@functools.cache
def _unknown_user_hash() -> str:
    # made at the first sign-in with an unknown name, not at import: a hash takes 64 MiB and threads, which
    # every command-line start and every import worker would otherwise pay for nothing
    return _hasher.hash("a password nobody has")


def verify_unknown_user(password: str) -> bool:
    """Spend the time a real check takes, so a wrong user name cannot be told from a wrong password."""
    verify_password(_unknown_user_hash(), password)
    return False


def rehash_password(password: str) -> str:
    """A fresh hash of a password that just verified (no policy check: it is already the user's)."""
    return _hasher.hash(password)


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with weaker parameters than today's; rehash after a good sign-in."""
    try:
        return _hasher.check_needs_rehash(password_hash)
    except InvalidHashError:
        return True


# --------------------------------------------------------------------------------------------------------
# Failed sign-in limiting


@dataclass(frozen=True, slots=True)
class LockoutPolicy:
    """``max_failures`` failed sign-ins within ``window`` lock the account for ``lockout``."""

    max_failures: int = 5
    window: timedelta = timedelta(minutes=15)
    lockout: timedelta = timedelta(minutes=15)

    def __post_init__(self) -> None:
        if self.max_failures < 1:
            raise InputError("team.max_failed_signins", "must be 1 or more")
        if self.window <= timedelta(0) or self.lockout <= timedelta(0):
            raise InputError("team.lockout", "the failure window and the lockout must be longer than zero")


@dataclass(frozen=True, slots=True)
class SignInState:
    """What is remembered about an account's failed sign-ins: three plain columns in the users table."""

    failures: int = 0
    first_failure_at: datetime | None = None
    locked_until: datetime | None = None


def utc(moment: datetime) -> datetime:
    """The same moment as an aware UTC datetime; a naive one (as SQLite returns) is taken to be UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def is_locked(state: SignInState, now: datetime) -> bool:
    return state.locked_until is not None and utc(now) < utc(state.locked_until)


def record_failure(state: SignInState, now: datetime, policy: LockoutPolicy = LockoutPolicy()) -> SignInState:
    """The state after a failed sign-in at ``now``. Failures count from the first one in the window; the
    one that reaches ``max_failures`` locks the account and starts a fresh count. Failures while locked
    do not extend the lock."""
    now = utc(now)
    if is_locked(state, now):
        return state
    if state.first_failure_at is None or now - utc(state.first_failure_at) >= policy.window:
        failures, first = 1, now
    else:
        failures, first = state.failures + 1, utc(state.first_failure_at)
    if failures >= policy.max_failures:
        return SignInState(failures=0, first_failure_at=None, locked_until=now + policy.lockout)
    return SignInState(failures=failures, first_failure_at=first, locked_until=None)


def record_success(state: SignInState) -> SignInState:
    """The state after a successful sign-in: the failure count is cleared."""
    return SignInState()


# --------------------------------------------------------------------------------------------------------
# Sessions


@dataclass(frozen=True, slots=True)
class SessionPolicy:
    """A session ends ``idle`` after the last activity, and in any case ``absolute`` after sign-in."""

    idle: timedelta = timedelta(hours=2)
    absolute: timedelta = timedelta(hours=12)

    def __post_init__(self) -> None:
        if self.idle <= timedelta(0) or self.absolute <= timedelta(0):
            raise InputError("team.session", "session lifetimes must be longer than zero")


def session_expired(
    signed_in_at: datetime, last_seen_at: datetime, now: datetime, policy: SessionPolicy = SessionPolicy()
) -> bool:
    now = utc(now)
    return now - utc(last_seen_at) >= policy.idle or now - utc(signed_in_at) >= policy.absolute


# --------------------------------------------------------------------------------------------------------
# Team-mode configuration

SECRETS_FILE = ".streamlit/secrets.toml"
MIN_COOKIE_SECRET_LENGTH = 32
_OIDC_KEYS = ("client_id", "client_secret", "server_metadata_url")


@dataclass(frozen=True, slots=True)
class OidcProvider:
    """An OpenID Connect provider for ``st.login(name)``; ``name`` "default" is ``st.login()``."""

    name: str
    client_id: str
    client_secret: str = field(repr=False)
    server_metadata_url: str


@dataclass(frozen=True, slots=True)
class TeamConfig:
    """Everything team mode needs from the secrets file.

    Layout (``.streamlit/secrets.toml``; the ``[auth]`` keys are those ``st.login`` reads)::

        [auth]
        cookie_secret = "..."              # always required, at least 32 characters
        redirect_uri = "http://localhost:8501/oauth2callback"   # with OIDC only
        client_id = "..."                  # a default provider directly in [auth], or
        client_secret = "..."              # named providers in [auth.NAME] tables
        server_metadata_url = "https://.../.well-known/openid-configuration"

        [team]                             # optional; these are the defaults
        session_idle_minutes = 120
        session_max_hours = 12
        max_failed_signins = 5
        failure_window_minutes = 15
        lockout_minutes = 15
        reviews_per_item = 2
        auto_accept_agreement = true

    Without any provider settings, team mode signs people in with local accounts.
    """

    cookie_secret: str = field(repr=False)
    redirect_uri: str | None = None
    providers: tuple[OidcProvider, ...] = ()
    session: SessionPolicy = SessionPolicy()
    lockout: LockoutPolicy = LockoutPolicy()
    reviews_per_item: int = 2
    auto_accept_agreement: bool = True

    @property
    def uses_oidc(self) -> bool:
        return bool(self.providers)

    @classmethod
    def from_secrets(cls, secrets: Mapping[str, Any]) -> "TeamConfig":
        """Read the configuration from the app's secrets (``st.secrets`` or a parsed TOML mapping).

        Refuses with one :class:`InputError` that lists every missing or bad setting and what would work.
        """
        problems: list[str] = []
        auth = secrets.get("auth")
        if auth is None:
            auth = {}
        if not isinstance(auth, Mapping):
            raise InputError(SECRETS_FILE, "[auth] must be a table of settings")

        cookie_secret = auth.get("cookie_secret")
        if not cookie_secret:
            problems.append(
                "auth.cookie_secret is missing: add a random string of at least "
                f"{MIN_COOKIE_SECRET_LENGTH} characters, e.g. the output of "
                "`python -c \"import secrets; print(secrets.token_hex(32))\"`"
            )
        elif not isinstance(cookie_secret, str) or len(cookie_secret) < MIN_COOKIE_SECRET_LENGTH:
            problems.append(f"auth.cookie_secret is too short: use at least {MIN_COOKIE_SECRET_LENGTH} characters")

        providers: list[OidcProvider] = []
        named = {k: v for k, v in auth.items() if isinstance(v, Mapping) and k != "client_kwargs"}
        default_keys = [k for k in _OIDC_KEYS if k in auth]
        if default_keys:
            missing = [f"auth.{k}" for k in _OIDC_KEYS if not auth.get(k)]
            if missing:
                problems.append(f"the default sign-in provider is missing {', '.join(missing)}")
            else:
                providers.append(
                    OidcProvider("default", str(auth["client_id"]), str(auth["client_secret"]),
                                 str(auth["server_metadata_url"]))
                )
        for name, section in sorted(named.items()):
            if "_" in name:
                problems.append(f"[auth.{name}]: a provider name may not contain an underscore")
                continue
            missing = [f"auth.{name}.{k}" for k in _OIDC_KEYS if not section.get(k)]
            if missing:
                problems.append(f"the sign-in provider {name!r} is missing {', '.join(missing)}")
                continue
            providers.append(
                OidcProvider(name, str(section["client_id"]), str(section["client_secret"]),
                             str(section["server_metadata_url"]))
            )
        for p in providers:
            if urlparse(p.server_metadata_url).scheme != "https":
                problems.append(
                    f"the sign-in provider {p.name!r}: server_metadata_url must be an https:// URL "
                    "(the provider's /.well-known/openid-configuration)"
                )

        redirect_uri = auth.get("redirect_uri")
        if default_keys or named:
            if not redirect_uri:
                problems.append(
                    "auth.redirect_uri is missing: set the app's address followed by /oauth2callback, "
                    "e.g. http://localhost:8501/oauth2callback"
                )
            elif not str(redirect_uri).endswith("/oauth2callback"):
                problems.append(f"auth.redirect_uri must end with /oauth2callback (it is {redirect_uri!r})")

        team = secrets.get("team") or {}
        if not isinstance(team, Mapping):
            raise InputError(SECRETS_FILE, "[team] must be a table of settings")

        def number(key: str, default: int, minimum: int = 1) -> int:
            value = team.get(key, default)
            if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
                problems.append(f"team.{key} must be a whole number of at least {minimum} (it is {value!r})")
                return default
            return value

        idle = number("session_idle_minutes", 120)
        max_hours = number("session_max_hours", 12)
        max_failures = number("max_failed_signins", 5)
        window = number("failure_window_minutes", 15)
        lockout = number("lockout_minutes", 15)
        reviews = number("reviews_per_item", 2)
        auto = team.get("auto_accept_agreement", True)
        if not isinstance(auto, bool):
            problems.append(f"team.auto_accept_agreement must be true or false (it is {auto!r})")
            auto = True

        if problems:
            raise InputError(SECRETS_FILE, "team mode cannot start: " + "; ".join(problems))
        return cls(
            cookie_secret=str(cookie_secret),
            redirect_uri=str(redirect_uri) if redirect_uri else None,
            providers=tuple(providers),
            session=SessionPolicy(idle=timedelta(minutes=idle), absolute=timedelta(hours=max_hours)),
            lockout=LockoutPolicy(max_failures, timedelta(minutes=window), timedelta(minutes=lockout)),
            reviews_per_item=reviews,
            auto_accept_agreement=auto,
        )
