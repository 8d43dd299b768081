"""The world the role tests (tests/test_desk.py, tests/test_team.py) act in: two outlets' stories about one
strike, a grouper by counted noun, five accounts of every role, and the team settings they share."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from workbench.auth import LockoutPolicy, TeamConfig
from workbench.models import Article, Claim, Grouping, Kind
from workbench.store import Role, Target, make_group

COOKIE = "c" * 40
LOCKOUT = LockoutPolicy(3, timedelta(minutes=10), timedelta(minutes=15))


def team_config(**kw: Any) -> TeamConfig:
    """Team settings of the tests: the cookie secret and a lockout after 3 failures in 10 minutes."""
    return TeamConfig(cookie_secret=COOKIE, **{"lockout": LOCKOUT, **kw})


def claims_for(article: Article, phrases: list[tuple[str, Kind, float, str | None]]) -> list[Claim]:
    """Claims of ``article`` at each (surface, kind, value, noun); money is in pounds."""
    out = []
    for surface, kind, value, noun in phrases:
        start = article.text.index(surface)
        out.append(Claim(article=article.id, start=start, end=start + len(surface), surface=surface,
                         sentence=article.text, kind=kind, low=value, high=value, noun=noun,
                         outlet=article.outlet, currency="GBP" if kind is Kind.MONEY else None))
    return out


def by_noun(all_claims, links):  # type: ignore[no-untyped-def]
    """Claims with the same noun form one group (enough for these tests)."""
    buckets = defaultdict(list)
    for c in all_claims:
        buckets[c.noun or c.id].append(c)
    made = [make_group(members) for members in buckets.values()]
    return Grouping(groups=tuple(made), by_claim={cid: g.id for g in made for cid in g.claim_ids})


def strike_story() -> tuple[list[Article], list[Claim]]:
    """Two outlets' articles about one strike: each gives the daily cost and the number of workers."""
    daily = Article("daily-strike", "Daily", "Strike costs economy",
                    "The strike cost £48m a day. About 4,200 workers walked out.")
    herald = Article("herald-strike", "Herald", "Walkout hits ports",
                     "Some 4,300 workers joined the walkout, costing £50m a day.")
    cl = claims_for(daily, [("£48m", Kind.MONEY, 48e6, "cost"), ("About 4,200", Kind.COUNT, 4200, "workers")])
    cl += claims_for(herald, [("4,300", Kind.COUNT, 4300, "workers"), ("£50m", Kind.MONEY, 50e6, "cost")])
    return [daily, herald], cl


def accounts(add_user: Callable[..., Any], *, reviewer: str = "reviewer", reviewer_password: str | None = None
             ) -> dict[str, Any]:
    """An admin, a lead and three reviewers, added by ``add_user(None, name, role=..., [password=...])``;
    keyed "admin", "lead", ``reviewer`` (the one who may have a password), "r2", "r3"."""
    first = {"password": reviewer_password} if reviewer_password else {}
    return {
        "admin": add_user(None, "ada", role=Role.ADMIN),
        "lead": add_user(None, "lee", role=Role.LEAD),
        reviewer: add_user(None, "rae", role=Role.REVIEWER, **first),
        "r2": add_user(None, "rob", role=Role.REVIEWER),
        "r3": add_user(None, "ria", role=Role.REVIEWER),
    }


def targets(store, claims: list[Claim]) -> tuple[dict[str, Target], dict[str | None, Target]]:  # type: ignore[no-untyped-def]
    """The stored claims by surface, and their groups by counted noun."""
    return ({c.surface: Target.claim(c.id) for c in claims},
            {c.noun: Target.group(store.claim(c.id).claim.group_id) for c in claims})
