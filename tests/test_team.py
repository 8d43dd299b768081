"""Team workflow on a real database: SQLite always, PostgreSQL too when WORKBENCH_TEST_PG_URL is set.

The authorization table at the end covers every role x every action, through each operation that does it."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.auth import PERMISSIONS, Action, TeamConfig
from workbench.errors import InputError, PermissionDenied
from workbench.models import Article, Kind, LinkKind, Override
from workbench.review import StaleSaveError
from workbench.store import LabelSpec, Role, SourceInput, Target, TargetKind, VerdictStatus
from workbench.team import AUTO_ACCEPT_NOTE, AccountLocked, SignInFailed, Team, plan_deal

from rolekit import COOKIE, accounts, strike_story, targets, team_config
from rolekit import by_noun as by_noun_grouper
from rolekit import claims_for as _claims_for
from storekit import db_url, store  # noqa: F401 - the store tests' fixtures: SQLite, and PostgreSQL when set

# --------------------------------------------------------------------------------------------------------
# Fixtures


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2025, 5, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw: float) -> None:
        self.now += timedelta(**kw)


@pytest.fixture
def world(store):
    """Two outlets' stories about one strike, five accounts, a team with a controllable clock."""
    arts, cl = strike_story()
    store.import_articles(arts, cl, grouper=by_noun_grouper)
    clock = Clock()
    team = Team(store, team_config(), clock=clock)
    u = accounts(team.add_user, reviewer="r1", reviewer_password="reviewer-one-pw")
    claims, groups = targets(store, cl)
    return team, u, claims, groups, clock


def history(store, action=None):
    return [e for e in store.audit_log() if action is None or e.action == action]


# --------------------------------------------------------------------------------------------------------
# Users and roles


def test_admin_adds_users_and_a_reviewer_cannot(world):
    team, u, *_ = world
    added = team.add_user(u["admin"], "new", role="lead", password="long-enough")
    assert added.role is Role.LEAD and added.has_password
    with pytest.raises(PermissionDenied, match="a reviewer may not manage users"):
        team.add_user(u["r1"], "sneaky", role="admin")
    with pytest.raises(PermissionDenied, match="a lead may not manage users"):
        team.add_user(u["lead"], "sneaky", role="admin")
    assert team.store.user_by_name("sneaky") is None
    entry = [e for e in history(team.store, "create_user") if e.after["name"] == "new"][0]
    assert entry.actor_id == u["admin"].id
    assert "long-enough" not in str(entry.after) and "argon2" not in str(entry.after)


def test_role_changes_are_audited_and_take_effect_at_once(world):
    team, u, claims, _, _ = world
    target = claims["£48m"]
    team.decide(u["lead"], target, "Accurate", expected_version=0)
    team.set_role(u["admin"], "lee", Role.REVIEWER)
    entry = history(team.store, "update_user")[-1]
    assert entry.actor_id == u["admin"].id
    assert (entry.before, entry.after) == ({"role": "lead"}, {"role": "reviewer"})
    # the stale User object still says "lead"; the library re-reads the account
    with pytest.raises(PermissionDenied, match="a reviewer may not save a final verdict"):
        team.decide(u["lead"], target, "Inaccurate", expected_version=1)


def test_the_last_admin_cannot_be_demoted_or_disabled(world):
    team, u, *_ = world
    with pytest.raises(InputError, match="ada is the last active admin"):
        team.set_role(u["admin"], "ada", Role.LEAD)
    with pytest.raises(InputError, match="last active admin"):
        team.set_disabled(None, "ada")
    team.set_role(u["admin"], "lee", Role.ADMIN)
    team.set_disabled(u["admin"], "ada")
    assert team.store.user_by_name("ada").disabled


def test_disabled_accounts_cannot_write(world):
    team, u, claims, _, _ = world
    team.assign(u["lead"], claims["£48m"], [u["r1"].id])
    team.set_disabled(u["admin"], "rae")
    with pytest.raises(PermissionDenied, match="the account rae is disabled"):
        team.save_verdict(u["r1"], claims["£48m"], "Accurate")


def test_only_admins_set_other_peoples_passwords(world):
    team, u, *_ = world
    team.set_password(u["r1"], "rae", "a-new-password")  # own
    assert team.authenticate("rae", "a-new-password").id == u["r1"].id
    with pytest.raises(PermissionDenied):
        team.set_password(u["r1"], "rob", "hijacked-password")
    team.set_password(u["admin"], "rob", "set-by-admin")
    assert team.authenticate("rob", "set-by-admin").id == u["r2"].id


# --------------------------------------------------------------------------------------------------------
# Sign-in


def test_sign_in_with_password(world):
    team, u, *_ = world
    assert team.authenticate("rae", "reviewer-one-pw").id == u["r1"].id
    assert history(team.store, "sign_in")[-1].entity_id == str(u["r1"].id)


@pytest.mark.parametrize(("name", "password"), [("rae", "wrong-password"), ("nobody", "whatever-pw"), ("rob", "x")])
def test_failed_sign_in_does_not_say_which_part_was_wrong(world, name, password):
    team, *_ = world
    with pytest.raises(SignInFailed, match="^wrong name or password$"):
        team.authenticate(name, password)


def test_lockout_after_repeated_failures_then_release(world):
    team, u, _, _, clock = world
    for _ in range(2):
        with pytest.raises(SignInFailed, match="wrong name or password"):
            team.authenticate("rae", "bad-password")
        clock.advance(minutes=1)
    with pytest.raises(AccountLocked, match="locked until 2025-05-01 09:17 UTC"):
        team.authenticate("rae", "bad-password")
    clock.advance(minutes=5)
    with pytest.raises(AccountLocked):
        team.authenticate("rae", "reviewer-one-pw")  # even the right password while locked
    clock.advance(minutes=11)
    assert team.authenticate("rae", "reviewer-one-pw").id == u["r1"].id
    assert [e.action for e in history(team.store) if e.entity == "user" and e.entity_id == str(u["r1"].id)
            and e.action.startswith(("sign_in", "account"))] == [
        "sign_in_failed", "sign_in_failed", "sign_in_failed", "account_locked", "sign_in"]


def test_failures_spread_out_do_not_lock(world):
    team, u, _, _, clock = world
    for _ in range(6):
        with pytest.raises(SignInFailed, match="wrong name or password"):
            team.authenticate("rae", "bad-password")
        clock.advance(minutes=6)
    assert team.authenticate("rae", "reviewer-one-pw").id == u["r1"].id


def test_disabled_account_cannot_sign_in(world):
    team, *_ = world
    team.set_disabled(None, "rae")
    with pytest.raises(SignInFailed, match="disabled"):
        team.authenticate("rae", "reviewer-one-pw")


def test_oidc_sign_in_links_an_account_added_by_email(world):
    team, u, *_ = world
    added = team.add_user(u["admin"], "sam@example.org", role="reviewer")
    first = team.sign_in_external("sub-123", "sam@example.org")
    assert first.id == added.id and first.external_id == "sub-123"
    assert team.sign_in_external("sub-123", "changed@example.org").id == added.id
    with pytest.raises(SignInFailed, match="no active account for eve@example.org; ask an admin"):
        team.sign_in_external("sub-999", "eve@example.org")


# --------------------------------------------------------------------------------------------------------
# Assignment and queues


def test_lead_assigns_and_the_history_shows_it(world):
    team, u, claims, groups, _ = world
    team.assign(u["lead"], groups["workers"], [u["r1"].id, u["r2"].id])
    team.assign(u["lead"], Target.article("daily-strike"), [u["r3"].id])
    with pytest.raises(PermissionDenied, match="a reviewer may not assign work"):
        team.assign(u["r1"], claims["£48m"], [u["r1"].id])
    entries = history(team.store, "assign")
    assert len(entries) == 3 and all(e.actor_id == u["lead"].id for e in entries)
    assert {(e.after["target_kind"], e.after["user_id"]) for e in entries} == {
        ("group", u["r1"].id), ("group", u["r2"].id), ("article", u["r3"].id)}
    team.unassign(u["lead"], groups["workers"], u["r2"].id)
    assert history(team.store, "unassign")[-1].before["user_id"] == u["r2"].id


def test_personal_queue_expands_articles_and_tracks_own_status(world):
    team, u, claims, groups, _ = world
    team.assign(u["lead"], Target.article("daily-strike"), [u["r1"].id])
    team.assign(u["lead"], groups["cost"], [u["r1"].id])
    queue = team.queue(u["r1"])
    assert [q.target for q in queue] == [claims["£48m"], claims["About 4,200"], groups["cost"]]
    assert queue[0].via == Target.article("daily-strike")
    assert all(q.own_status is None and not q.final for q in queue)
    team.save_verdict(u["r1"], claims["£48m"], "Accurate", submit=True)
    team.save_verdict(u["r1"], claims["About 4,200"], None, note="looking")
    states = {q.target: q.own_status for q in team.queue(u["r1"])}
    assert states[claims["£48m"]] is VerdictStatus.SUBMITTED
    assert states[claims["About 4,200"]] is VerdictStatus.DRAFT
    assert team.queue(u["r2"]) == []


def test_deal_gives_each_item_n_distinct_reviewers_balanced(world):
    team, u, claims, _, _ = world
    reviewers = [u["r1"].id, u["r2"].id, u["r3"].id]
    made = team.deal(u["lead"], list(claims.values()), reviewers)
    per_target = defaultdict(set)
    for a in made:
        per_target[a.target].add(a.user_id)
    assert all(len(v) == 2 for v in per_target.values()) and len(per_target) == 4
    loads = Counter(a.user_id for a in made)
    assert max(loads.values()) - min(loads.values()) <= 1
    assert all(e.actor_id == u["lead"].id for e in history(team.store, "assign"))
    # dealing again adds nothing: every item already has its two reviewers
    assert team.deal(u["lead"], list(claims.values()), reviewers) == []
    assert team.deal(u["lead"], list(claims.values()), reviewers, per_item=3) != []
    with pytest.raises(InputError, match="4 independent reviews per item need at least 4 reviewers; 3 given"):
        team.deal(u["lead"], list(claims.values()), reviewers, per_item=4)


@given(
    n_targets=st.integers(0, 30),
    n_reviewers=st.integers(1, 7),
    per_item=st.integers(1, 4),
    pre=st.lists(st.tuples(st.integers(0, 29), st.integers(0, 6)), max_size=20),
)
@settings(max_examples=200, deadline=None)
def test_plan_deal_properties(n_targets, n_reviewers, per_item, pre):
    targets = [Target.claim(f"c{i}") for i in range(n_targets)]
    reviewers = list(range(100, 100 + n_reviewers))
    existing = defaultdict(set)
    for t, r in pre:
        if t < n_targets and r < n_reviewers:
            existing[targets[t]].add(reviewers[r])
    if n_reviewers < per_item:
        with pytest.raises(InputError):
            plan_deal(targets, reviewers, per_item, existing=existing)
        return
    plan = plan_deal(targets, reviewers, per_item, existing=existing)
    load = Counter()
    for t in targets:
        chosen = plan[t]
        assert len(set(chosen)) == len(chosen)  # distinct
        assert not set(chosen) & existing[t]  # never the same reviewer twice on one item
        assert len(existing[t] | set(chosen)) == max(per_item, len(existing[t]))
        load.update(chosen)
    if not pre and targets:
        counts = [load[r] for r in reviewers]
        assert max(counts) - min(counts) <= 1  # fresh deal: loads differ by at most one


# --------------------------------------------------------------------------------------------------------
# Blind review and the write rules


def test_blind_review(world):
    team, u, claims, _, _ = world
    t = claims["4,300"]
    team.assign(u["lead"], t, [u["r1"].id, u["r2"].id])
    team.save_verdict(u["r2"], t, "Inaccurate", note="source says 4,100", submit=True)
    team.save_verdict(u["r1"], t, "Accurate", note="draft thoughts")
    view = team.review_view(u["r1"], t)
    assert view.own.note == "draft thoughts" and view.others == () and view.blind and view.final is None
    assert [v.reviewer for v in team.visible_verdicts(u["r1"], t)] == ["rae"]
    # the other reviewer has submitted, but never sees a draft
    view2 = team.review_view(u["r2"], t)
    assert view2.others == () and not view2.blind
    # leads see submitted verdicts at once
    assert [v.reviewer for v in team.review_view(u["lead"], t).others] == ["rob"]
    team.save_verdict(u["r1"], t, "Accurate", submit=True)
    after = team.review_view(u["r1"], t)
    assert [(v.reviewer, v.label, v.note) for v in after.others] == [("rob", "Inaccurate", "source says 4,100")]


def test_a_group_verdict_unlocks_the_claims_of_the_group(world):
    team, u, claims, groups, _ = world
    team.assign(u["lead"], groups["workers"], [u["r1"].id, u["r2"].id])
    team.save_verdict(u["r2"], claims["4,300"], "Misleading", submit=True)
    assert team.review_view(u["r1"], claims["4,300"]).blind
    team.save_verdict(u["r1"], groups["workers"], "Accurate", submit=True)
    assert [v.label for v in team.review_view(u["r1"], claims["4,300"]).others] == ["Misleading"]


def test_nobody_saves_another_reviewers_verdict(world):
    team, u, claims, _, _ = world
    t = claims["£50m"]
    team.assign(u["lead"], t, [u["r1"].id, u["r2"].id])
    team.save_verdict(u["r2"], t, "Accurate", submit=False)
    for actor, role in ((u["r1"], "reviewer"), (u["lead"], "lead"), (u["admin"], "admin")):
        with pytest.raises(PermissionDenied, match=f"a {role} may not change another reviewer's verdict"):
            team.save_verdict(actor, t, "Inaccurate", reviewer_id=u["r2"].id)
    assert team.store.verdict(t, u["r2"].id).label == "Accurate"


def test_reviewers_cannot_save_or_change_final_verdicts(world):
    team, u, claims, _, _ = world
    t = claims["£50m"]
    team.assign(u["lead"], t, [u["r1"].id])
    with pytest.raises(PermissionDenied, match="a reviewer may not save a final verdict"):
        team.decide(u["r1"], t, "Accurate", expected_version=0)
    final = team.decide(u["lead"], t, "Misleading", expected_version=0, note="scale of the walkout")
    assert (final.version, final.decided_by_id) == (1, u["lead"].id)
    with pytest.raises(PermissionDenied, match="a reviewer may not save a final verdict"):
        team.decide(u["r1"], t, "Accurate", expected_version=1)
    with pytest.raises(PermissionDenied, match="has a final verdict; reviewers' verdicts on it are closed"):
        team.save_verdict(u["r1"], t, "Accurate", submit=True)
    assert team.store.final_verdict(t).label == "Misleading"


def test_final_verdict_is_versioned_and_a_stale_save_is_refused(world):
    team, u, claims, _, _ = world
    t = claims["£48m"]
    team.decide(u["lead"], t, "Accurate", expected_version=0)
    team.decide(u["admin"], t, "Mostly accurate", expected_version=1)
    with pytest.raises(StaleSaveError):
        team.decide(u["lead"], t, "Inaccurate", expected_version=1)
    final = team.store.final_verdict(t)
    assert (final.label, final.version, final.decided_by) == ("Mostly accurate", 2, "ada")
    assert [e.actor_id for e in history(team.store, "final_verdict")] == [u["lead"].id, u["admin"].id]


def test_reviewer_writes_need_an_assignment(world):
    team, u, claims, _, _ = world
    with pytest.raises(PermissionDenied, match="is not in rae's queue; ask a lead to assign it"):
        team.save_verdict(u["r1"], claims["£48m"], "Accurate")
    with pytest.raises(PermissionDenied, match="not in rae's queue"):
        team.add_source(u["r1"], claims["£48m"], SourceInput(url="https://stats.example.org/strike"))
    team.save_verdict(u["lead"], claims["£48m"], "Accurate")  # leads need none


def test_a_submitted_verdict_is_locked_for_its_reviewer(world):
    team, u, claims, _, _ = world
    t = claims["£48m"]
    team.assign(u["lead"], t, [u["r1"].id, u["r2"].id])
    team.save_verdict(u["r1"], t, "Accurate")
    team.save_verdict(u["r1"], t, "Mostly accurate")  # drafts change freely
    team.save_verdict(u["r1"], t, "Mostly accurate", submit=True)
    with pytest.raises(PermissionDenied, match="submitted and locked"):
        team.save_verdict(u["r1"], t, "Inaccurate", submit=True)
    src = team.add_source(u["r1"], t, SourceInput(url="https://ons.example.org/strike", value=47e6))
    assert src.gap is not None  # documenting a submitted verdict is fine


def test_sources_belong_to_their_reviewer(world):
    team, u, claims, _, _ = world
    t = claims["£48m"]
    team.assign(u["lead"], t, [u["r1"].id, u["r2"].id])
    src = team.add_source(u["r2"], t, SourceInput(url="https://ons.example.org/strike"))
    with pytest.raises(PermissionDenied, match="a reviewer may not change another reviewer's verdict"):
        team.remove_source(u["r1"], src.id)
    team.remove_source(u["r2"], src.id)
    assert history(team.store, "remove_source")[-1].actor_id == u["r2"].id


# --------------------------------------------------------------------------------------------------------
# Adjudication


def test_agreement_is_accepted_automatically(world):
    team, u, claims, _, _ = world
    t = claims["£48m"]
    team.assign(u["lead"], t, [u["r1"].id, u["r2"].id])
    first = team.save_verdict(u["r1"], t, "Accurate", submit=True)
    assert first.final is None  # still waiting for rob
    second = team.save_verdict(u["r2"], t, "Accurate", submit=True)
    assert second.final is not None and second.final.label == "Accurate"
    assert second.final.note == AUTO_ACCEPT_NOTE and second.final.basis_verdict_id == second.verdict.id
    auto = history(team.store, "auto_accept")
    assert len(auto) == 1 and auto[0].after["reviewers"] == sorted([u["r1"].id, u["r2"].id])
    assert team.adjudication_queue(u["lead"]) == []


def test_without_automatic_acceptance_agreed_items_wait_for_the_lead(world, store):
    team, u, claims, _, _ = world
    manual = Team(store, TeamConfig(cookie_secret=COOKIE, auto_accept_agreement=False))
    t = claims["£48m"]
    manual.assign(u["lead"], t, [u["r1"].id, u["r2"].id])
    manual.save_verdict(u["r1"], t, "Accurate", submit=True)
    assert manual.save_verdict(u["r2"], t, "Accurate", submit=True).final is None
    (item,) = manual.adjudication_queue(u["lead"])
    assert item.agreed and item.ready
    assert manual.adjudication_queue(u["lead"], include_agreed=False) == []
    accepted = manual.accept_agreed(u["lead"])
    assert [f.label for f in accepted] == ["Accurate"] and accepted[0].decided_by_id == u["lead"].id


def test_disagreement_goes_to_the_lead_side_by_side(world):
    team, u, claims, _, _ = world
    t = claims["About 4,200"]
    team.assign(u["lead"], t, [u["r1"].id, u["r2"].id, u["r3"].id])
    team.save_verdict(u["r1"], t, "Accurate", note="union figure", submit=True)
    team.add_source(u["r1"], t, SourceInput(url="https://union.example.org/ballot", value=4200))
    team.save_verdict(u["r2"], t, "Inaccurate", note="police said 3,000", submit=True)
    team.add_source(u["r2"], t, SourceInput(url="https://police.example.org/statement", value=3000))
    with pytest.raises(PermissionDenied, match="a reviewer may not adjudicate"):
        team.adjudication_queue(u["r1"])
    (item,) = team.adjudication_queue(u["lead"])
    assert item.target == t and not item.agreed and not item.ready and item.pending == (u["r3"].id,)
    side = {v.reviewer: (v.label, v.note, [s.url for s in v.sources], v.sources[0].gap_pct) for v in item.verdicts}
    assert side["rae"][:3] == ("Accurate", "union figure", ["https://union.example.org/ballot"])
    assert side["rob"][:3] == ("Inaccurate", "police said 3,000", ["https://police.example.org/statement"])
    assert side["rob"][3] == pytest.approx(40.0)  # 4,200 claimed vs 3,000 sourced
    team.save_verdict(u["r3"], t, "Accurate", submit=True)
    (item,) = team.adjudication_queue(u["lead"])
    assert item.ready and item.pending == ()
    final = team.decide(u["lead"], t, "Misleading", expected_version=0, note="counts differ by source",
                        basis_verdict_id=item.verdicts[1].id)
    assert final.label == "Misleading"
    assert team.adjudication_queue(u["lead"]) == []
    assert team.queue(u["r3"])[0].final


def test_unassigning_the_last_pending_reviewer_settles_an_agreed_item(world):
    team, u, claims, _, _ = world
    t = claims["£50m"]
    team.assign(u["lead"], t, [u["r1"].id, u["r2"].id, u["r3"].id])
    team.save_verdict(u["r1"], t, "Mostly accurate", submit=True)
    team.save_verdict(u["r2"], t, "Mostly accurate", submit=True)
    assert team.store.final_verdict(t) is None
    team.unassign(u["lead"], t, u["r3"].id)
    assert team.store.final_verdict(t).label == "Mostly accurate"


def test_a_single_assigned_review_is_not_accepted_as_agreement(world):
    team, u, claims, _, _ = world
    t = claims["£50m"]
    team.assign(u["lead"], t, [u["r1"].id])
    assert team.save_verdict(u["r1"], t, "Accurate", submit=True).final is None
    (item,) = team.adjudication_queue(u["lead"])
    assert item.agreed and item.ready and len(item.verdicts) == 1


# --------------------------------------------------------------------------------------------------------
# Agreement from the store


def test_agreement_report_from_submitted_verdicts(world, store):
    team = Team(store, TeamConfig(cookie_secret=COOKIE, auto_accept_agreement=False))
    _, u, claims, _, _ = world
    labels = {"£48m": ("Accurate", "Accurate"), "About 4,200": ("Accurate", "Inaccurate"),
              "4,300": ("Misleading", "Misleading"), "£50m": ("Inaccurate", "Inaccurate")}
    for surface, (a, b) in labels.items():
        team.assign(u["lead"], claims[surface], [u["r1"].id, u["r2"].id])
        team.save_verdict(u["r1"], claims[surface], a, submit=True)
        team.save_verdict(u["r2"], claims[surface], b, submit=True)
    team.assign(u["lead"], claims["£48m"], [u["r3"].id])
    team.save_verdict(u["r3"], claims["£48m"], "Accurate")  # a draft: not a judgement yet
    with pytest.raises(PermissionDenied, match="a reviewer may not view agreement statistics"):
        team.agreement(u["r1"])
    report = team.agreement(u["lead"])
    assert report.n_items == 4 and report.reviewers == ("rae", "rob")
    assert report.percent_agreement == pytest.approx(0.75)
    (pair,) = report.pairs
    assert pair.n_items == 4 and pair.observed_agreement == pytest.approx(0.75)
    from workbench.agreement import alpha_for_ratings
    assert report.alpha_nominal.alpha == pytest.approx(alpha_for_ratings(team.ratings(u["lead"])).alpha)
    assert report.alpha_ordinal is not None and report.alpha_ordinal.n_excluded == 0
    outlets = {g.key: g for g in report.breakdowns if g.dimension.value == "outlet"}
    assert outlets["Herald"].percent_agreement == 1.0 and outlets["Daily"].percent_agreement == 0.5
    stories = {g.key for g in report.breakdowns if g.dimension.value == "story"}
    assert stories == {"Strike costs economy", "Walkout hits ports"}
    kinds = {g.key: g.n_items for g in report.breakdowns if g.dimension.value == "kind"}
    assert kinds == {"money": 2, "count": 2}
    rows = team.agreement_rows(u["lead"])
    assert rows[0]["scope"] == "overall" and rows[0]["items"] == 4


def test_correction_agreement_counts_kept_extractions(world):
    team, u, claims, _, _ = world
    t = claims["About 4,200"]
    team.assign(u["lead"], t, [u["r1"].id, u["r2"].id])
    team.save_verdict(u["r1"], t, "Extraction error", submit=True)
    team.record_correction(u["r1"], t.id, low=4200.0, high=4200.0)
    team.save_verdict(u["r2"], t, "Accurate", submit=True)  # kept the extracted 4,200
    result = team.correction_agreement(u["lead"])
    assert result.n_items == 1 and result.percent_agreement == 1.0
    team.record_correction(u["r1"], t.id, low=4100.0)
    changed = team.correction_agreement(u["lead"])
    assert changed.disagreements == (t.id,) and changed.percent_agreement == 0.0
    with pytest.raises(PermissionDenied, match="a reviewer may not change another reviewer's verdict"):
        team.record_correction(u["r1"], t.id, reviewer_id=u["r2"].id, low=1.0)


def test_every_write_carries_the_users_id(world):
    team, u, claims, _, _ = world
    t = claims["£48m"]
    team.assign(u["lead"], t, [u["r1"].id, u["r2"].id])
    team.save_verdict(u["r1"], t, "Accurate", submit=True)
    team.save_verdict(u["r2"], t, "Inaccurate", submit=True)
    team.decide(u["lead"], t, "Accurate", expected_version=0)
    acts = [(e.action, e.actor_id) for e in history(team.store)
            if e.action in ("assign", "submit_verdict", "final_verdict")]
    assert acts == [("assign", u["lead"].id), ("assign", u["lead"].id), ("submit_verdict", u["r1"].id),
                    ("submit_verdict", u["r2"].id), ("final_verdict", u["lead"].id)]
    assert all(e.at for e in history(team.store))
    assert isinstance(t.kind, TargetKind)


# --------------------------------------------------------------------------------------------------------
# Every role x every action, through the workflow: each operation the screens (and the command line) use,
# done as a reviewer, a lead and an admin. A refusal names the role and the action and leaves no trace.

ACTOR_OF = {"reviewer": "r1", "lead": "lead", "admin": "admin"}
EVERYONE = {"reviewer", "lead", "admin"}
LEADS = {"lead", "admin"}

#: Who may do what, written out (the permission matrix of workbench.auth, as the workflow enforces it).
ALLOWED = {
    Action.MANAGE_USERS: {"admin"},
    Action.MANAGE_SCALES: {"admin"},
    Action.CHANGE_SETTINGS: {"admin"},
    Action.IMPORT_ARTICLES: LEADS,
    Action.REGROUP: LEADS,
    Action.ASSIGN_WORK: LEADS,
    Action.ADJUDICATE: LEADS,
    Action.SAVE_FINAL_VERDICT: LEADS,
    Action.SAVE_OWN_VERDICT: EVERYONE,
    Action.CHANGE_OTHERS_VERDICT: set(),
    Action.VIEW_OTHERS_BEFORE_SUBMITTING: LEADS,
    Action.VIEW_AGREEMENT: LEADS,
    Action.EXPORT: LEADS,
}


@dataclass
class Ctx:
    team: Team
    u: dict
    claims: dict
    groups: dict
    actor: object
    tmp_path: object


@dataclass(frozen=True)
class Op:
    """``make(ctx)`` prepares what the operation needs (as others) and returns (act, done): ``act()`` does it
    as ``ctx.actor``; ``done(result)`` says whether it took effect (``result`` is None after a refusal).
    ``kind``: "write" and "read" are refused with PermissionDenied; "view" is never refused, it shows less."""

    action: Action
    name: str
    make: Callable
    kind: str = "write"


OPS: list[Op] = []


def op(action: Action, kind: str = "write"):
    def deco(fn):
        OPS.append(Op(action, fn.__name__, fn, kind))
        return fn
    return deco


def _assign(c: Ctx, target, *who):
    c.team.assign(c.u["lead"], target, [p.id for p in who])


def _disagreement(c: Ctx):
    t = c.claims["About 4,200"]
    _assign(c, t, c.u["r2"], c.u["r3"])
    c.team.save_verdict(c.u["r2"], t, "Accurate", submit=True)
    c.team.record_correction(c.u["r2"], t.id, low=4100.0)
    c.team.save_verdict(c.u["r3"], t, "Inaccurate", submit=True)
    return t


@op(Action.MANAGE_USERS)
def add_user(c):
    return (lambda: c.team.add_user(c.actor, "newcomer", password="newcomer-pw"),
            lambda _: c.team.store.user_by_name("newcomer") is not None)


@op(Action.MANAGE_USERS)
def set_role(c):
    return (lambda: c.team.set_role(c.actor, "rob", Role.LEAD),
            lambda _: c.team.store.user_by_name("rob").role is Role.LEAD)


@op(Action.MANAGE_USERS)
def set_disabled(c):
    return (lambda: c.team.set_disabled(c.actor, "rob"), lambda _: c.team.store.user_by_name("rob").disabled)


@op(Action.MANAGE_USERS)
def set_someone_elses_password(c):
    return (lambda: c.team.set_password(c.actor, "ria", "ria-new-password"),
            lambda _: c.team.store.password_hash(c.u["r3"].id) is not None)


@op(Action.MANAGE_SCALES)
def update_label(c):
    lab = c.team.store.default_scale().label("Misleading")
    return (lambda: c.team.update_label(c.actor, lab.id, description="True figure, wrong impression"),
            lambda _: c.team.store.default_scale().label("Misleading").description == "True figure, wrong impression")


@op(Action.MANAGE_SCALES)
def create_scale(c):
    specs = [LabelSpec("True", 2, "T"), LabelSpec("False", 1, "F", inaccurate=True)]
    return (lambda: c.team.create_scale(c.actor, "True or false", specs),
            lambda _: "True or false" in {s.name for s in c.team.store.scales()})


@op(Action.MANAGE_SCALES)
def set_default_scale(c):
    other = c.team.create_scale(c.u["admin"], "Two-way", [LabelSpec("Right", 2), LabelSpec("Wrong", 1)])
    return (lambda: c.team.set_default_scale(c.actor, other.id),
            lambda _: c.team.store.default_scale().id == other.id)


@op(Action.CHANGE_SETTINGS)
def set_setting(c):
    return (lambda: c.team.set_setting(c.actor, "claimreview.organisation", "Fact Desk"),
            lambda _: c.team.store.get_setting("claimreview.organisation") == "Fact Desk")


@op(Action.IMPORT_ARTICLES)
def import_articles(c):
    art = Article("gazette-strike", "Gazette", "Ports reopen", "Ports reopened after 12 days of strikes.")
    return (lambda: c.team.import_articles(c.actor, [art], grouper=by_noun_grouper,
                                           extractor=lambda arts: _claims_for(arts[0], [("12 days", Kind.COUNT,
                                                                                          12, "days")])),
            lambda _: c.team.store.article_title("gazette-strike") == "Ports reopen")


@op(Action.IMPORT_ARTICLES)
def import_paths(c):
    path = c.tmp_path / "courier.txt"
    path.write_text("Dockers return\n\nDockers returned to work on Monday.", encoding="utf-8")
    return (lambda: c.team.import_paths(c.actor, [path], outlet="Courier", extractor=lambda arts: []),
            lambda _: c.team.store.counts()["articles"] == 3)


@op(Action.REGROUP)
def merge_groups(c):
    a, b = c.claims["£48m"].id, c.claims["About 4,200"].id
    return (lambda: c.team.add_override(c.actor, LinkKind.MUST, a, b, grouper=by_noun_grouper),
            lambda _: [(o.kind, o.created_by) for o in c.team.store.overrides()] == [(LinkKind.MUST, c.actor.id)])


@op(Action.REGROUP)
def split_group(c):
    links = [Override(LinkKind.CANNOT, c.claims["£48m"].id, c.claims["£50m"].id)]
    return (lambda: c.team.add_overrides(c.actor, links, grouper=by_noun_grouper),
            lambda _: [o.kind for o in c.team.store.overrides()] == [LinkKind.CANNOT])


@op(Action.REGROUP)
def remove_override(c):
    c.team.add_override(c.u["lead"], "cannot_link", c.claims["4,300"].id, c.claims["About 4,200"].id,
                        grouper=by_noun_grouper)
    (stored,) = c.team.store.overrides()
    return (lambda: c.team.remove_override(c.actor, stored.id, grouper=by_noun_grouper),
            lambda _: c.team.store.overrides() == [])


@op(Action.ASSIGN_WORK)
def assign(c):
    t = c.claims["£48m"]
    return (lambda: c.team.assign(c.actor, t, [c.u["r2"].id]),
            lambda _: [a.user_id for a in c.team.store.assignments(target=t)] == [c.u["r2"].id])


@op(Action.ASSIGN_WORK)
def unassign(c):
    t = c.claims["£48m"]
    _assign(c, t, c.u["r2"])
    return (lambda: c.team.unassign(c.actor, t, c.u["r2"].id), lambda _: c.team.store.assignments(target=t) == [])


@op(Action.ASSIGN_WORK)
def deal(c):
    t = c.claims["£50m"]
    return (lambda: c.team.deal(c.actor, [t], [c.u["r2"].id, c.u["r3"].id], per_item=2),
            lambda _: len(c.team.store.assignments(target=t)) == 2)


@op(Action.ADJUDICATE, "read")
def adjudication_queue(c):
    t = _disagreement(c)
    return (lambda: c.team.adjudication_queue(c.actor), lambda items: [i.target for i in items] == [t])


@op(Action.SAVE_FINAL_VERDICT)
def decide(c):
    t = c.claims["£48m"]
    return (lambda: c.team.decide(c.actor, t, "Misleading", expected_version=0),
            lambda _: c.team.store.final_verdict(t) is not None)


@op(Action.SAVE_FINAL_VERDICT)
def accept_agreed(c):
    manual = Team(c.team.store, TeamConfig(cookie_secret=COOKIE, auto_accept_agreement=False))
    t = c.claims["£50m"]
    _assign(c, t, c.u["r2"], c.u["r3"])
    manual.save_verdict(c.u["r2"], t, "Accurate", submit=True)
    manual.save_verdict(c.u["r3"], t, "Accurate", submit=True)
    return (lambda: manual.accept_agreed(c.actor), lambda _: c.team.store.final_verdict(t) is not None)


@op(Action.SAVE_OWN_VERDICT)
def save_own_verdict(c):
    t = c.claims["£48m"]
    _assign(c, t, c.actor)
    return (lambda: c.team.save_verdict(c.actor, t, "Accurate", submit=True),
            lambda _: c.team.store.verdict(t, c.actor.id).status is VerdictStatus.SUBMITTED)


@op(Action.SAVE_OWN_VERDICT)
def add_own_source(c):
    t = c.claims["£48m"]
    _assign(c, t, c.actor)
    return (lambda: c.team.add_source(c.actor, t, SourceInput(url="https://ons.example.org/strike")),
            lambda _: [s.url for s in c.team.store.verdict(t, c.actor.id).sources] == [
                "https://ons.example.org/strike"])


@op(Action.SAVE_OWN_VERDICT)
def remove_own_source(c):
    t = c.claims["£48m"]
    _assign(c, t, c.actor)
    src = c.team.add_source(c.actor, t, SourceInput(url="https://ons.example.org/strike"))
    return (lambda: c.team.remove_source(c.actor, src.id),
            lambda _: c.team.store.verdict(t, c.actor.id).sources == ())


@op(Action.SAVE_OWN_VERDICT)
def record_own_correction(c):
    t = c.claims["About 4,200"]
    _assign(c, t, c.actor)
    return (lambda: c.team.record_correction(c.actor, t.id, low=4100.0),
            lambda _: [x.reviewer_id for x in c.team.store.corrections(t.id)] == [c.actor.id])


@op(Action.CHANGE_OTHERS_VERDICT)
def save_another_reviewers_verdict(c):
    t = c.claims["£50m"]
    _assign(c, t, c.actor, c.u["r2"])
    c.team.save_verdict(c.u["r2"], t, "Accurate")
    return (lambda: c.team.save_verdict(c.actor, t, "Inaccurate", reviewer_id=c.u["r2"].id),
            lambda _: c.team.store.verdict(t, c.u["r2"].id).label == "Inaccurate")


@op(Action.CHANGE_OTHERS_VERDICT)
def remove_another_reviewers_source(c):
    t = c.claims["£50m"]
    _assign(c, t, c.actor, c.u["r2"])
    src = c.team.add_source(c.u["r2"], t, SourceInput(url="https://ons.example.org/strike"))
    return (lambda: c.team.remove_source(c.actor, src.id),
            lambda _: c.team.store.verdict(t, c.u["r2"].id).sources == ())


@op(Action.CHANGE_OTHERS_VERDICT)
def record_another_reviewers_correction(c):
    t = c.claims["4,300"]
    _assign(c, t, c.actor, c.u["r2"])
    return (lambda: c.team.record_correction(c.actor, t.id, reviewer_id=c.u["r2"].id, low=1.0),
            lambda _: c.team.store.corrections(t.id) != [])


@op(Action.VIEW_OTHERS_BEFORE_SUBMITTING, "view")
def review_view_before_submitting(c):
    t = c.claims["4,300"]
    _assign(c, t, c.actor, c.u["r2"])
    c.team.save_verdict(c.u["r2"], t, "Misleading", submit=True)
    return (lambda: c.team.review_view(c.actor, t), lambda view: [v.reviewer for v in view.others] == ["rob"])


@op(Action.VIEW_OTHERS_BEFORE_SUBMITTING, "view")
def dashboard_before_submitting(c):
    t = c.claims["4,300"]
    _assign(c, t, c.actor, c.u["r2"])
    c.team.save_verdict(c.u["r2"], t, "Misleading", submit=True)
    return (lambda: c.team.dashboard(c.actor),
            lambda d: not d.own_only and [p.reviewer for p in d.stats.per_reviewer] == ["rob"]
            and dict(d.stats.verdict_distribution) == {"Misleading": 1})


@op(Action.VIEW_AGREEMENT, "read")
def agreement(c):
    _disagreement(c)
    return (lambda: c.team.agreement(c.actor), lambda report: report.n_items == 1)


@op(Action.VIEW_AGREEMENT, "read")
def agreement_rows(c):
    _disagreement(c)
    return (lambda: c.team.agreement_rows(c.actor), lambda rows: rows[0]["items"] == 1)


@op(Action.VIEW_AGREEMENT, "read")
def ratings(c):
    _disagreement(c)
    return (lambda: c.team.ratings(c.actor), lambda rows: sorted(r.reviewer for r in rows) == ["ria", "rob"])


@op(Action.VIEW_AGREEMENT, "read")
def correction_agreement(c):
    _disagreement(c)
    return (lambda: c.team.correction_agreement(c.actor), lambda res: res.n_items == 1)


def _decided(c):
    c.team.decide(c.u["lead"], c.claims["£48m"], "Inaccurate", expected_version=0, note="ONS says £41m")


@op(Action.EXPORT, "read")
def verdict_csv(c):
    _decided(c)
    return (lambda: c.team.verdict_csv(c.actor), lambda data: b"ONS says \xc2\xa341m" in data)


@op(Action.EXPORT, "read")
def history_csv(c):
    _decided(c)
    return (lambda: c.team.history_csv(c.actor), lambda data: b"final_verdict" in data)


@op(Action.EXPORT, "read")
def claimreview_json(c):
    _decided(c)
    return (lambda: c.team.claimreview_json(c.actor), lambda text: '"alternateName": "Inaccurate"' in text)


def test_every_action_has_operations_and_the_table_is_the_matrix():
    assert {o.action for o in OPS} == set(Action)
    for action, roles in ALLOWED.items():
        assert {r.value for r in PERMISSIONS if action in PERMISSIONS[r]} == roles, action


@pytest.mark.parametrize("role", sorted(ACTOR_OF))
@pytest.mark.parametrize("operation", OPS, ids=lambda o: f"{o.action.name.lower()}:{o.name}")
def test_every_role_and_operation(world, tmp_path, role, operation):
    team, u, claims, groups, _ = world
    actor = u[ACTOR_OF[role]]
    act, done = operation.make(Ctx(team, u, claims, groups, actor, tmp_path))
    allowed = role in ALLOWED[operation.action]
    before = [e.id for e in team.store.audit_log()]
    if operation.kind == "view":
        assert done(act()) is allowed
        assert [e.id for e in team.store.audit_log()] == before
    elif allowed:
        result = act()
        assert done(result)
        if operation.kind == "write":
            new = [e for e in team.store.audit_log() if e.id not in set(before)]
            assert new and all(e.actor_id == actor.id for e in new), [(e.action, e.actor) for e in new]
    else:
        with pytest.raises(PermissionDenied) as refused:
            act()
        assert str(refused.value) == f"a {role} may not {operation.action.value}"
        assert [e.id for e in team.store.audit_log()] == before, "a refused request leaves no trace"
        if operation.kind == "write":
            assert not done(None)


# --------------------------------------------------------------------------------------------------------
# Scale edits, reserved names, the dashboard


def test_label_edits_are_checked_in_the_library(world):
    team, u, *_ = world
    scale = team.store.default_scale()
    lab, other = scale.label("Misleading"), next(x for x in scale.labels if x.key and x.label != "Misleading")
    with pytest.raises(InputError, match="label: is empty"):
        team.update_label(u["admin"], lab.id, label="  ")
    with pytest.raises(InputError, match="is not one letter or digit"):
        team.update_label(u["admin"], lab.id, key="MM")
    with pytest.raises(InputError, match=f"{other.key.upper()} is already the key of {other.label!r}"):
        team.update_label(u["admin"], lab.id, key=other.key.lower())
    with pytest.raises(InputError, match="is already another verdict"):
        team.update_label(u["admin"], lab.id, label=other.label)
    saved = team.update_label(u["admin"], lab.id, label="Misleading framing", key="z")
    assert (saved.label, saved.key) == ("Misleading framing", "Z")
    assert team.store.audit_log(entity="scale_label")[-1].actor_id == u["admin"].id


@pytest.mark.parametrize("name", ["command line", "Not Signed In", "  COMMAND LINE "])
def test_the_historys_marks_are_not_account_names(world, name):
    team, u, *_ = world
    with pytest.raises(InputError, match="is how the history names changes made without a signed-in user"):
        team.add_user(u["admin"], name)


def test_a_reviewer_sees_only_their_own_figures_on_the_dashboard(world):
    team, u, claims, groups, _ = world
    team.assign(u["lead"], groups["workers"], [u["r1"].id, u["r2"].id])
    team.assign(u["lead"], claims["£48m"], [u["r2"].id, u["r3"].id])
    team.save_verdict(u["r2"], claims["£48m"], "Inaccurate", submit=True)
    team.save_verdict(u["r3"], claims["£48m"], "Misleading", submit=True)
    team.save_verdict(u["r2"], groups["workers"], "Misleading", submit=True)
    team.save_verdict(u["r1"], claims["4,300"], "Accurate")  # a draft on a claim of the assigned group

    before = team.dashboard(u["r1"])
    assert before.own_only and before.stats.reviewed_claims == 0 and before.stats.verdict_distribution == ()
    assert [(p.reviewer, p.drafts, p.submitted) for p in before.stats.per_reviewer] == [("rae", 1, 0)]
    assert all(o.rated == 0 for o in before.stats.by_outlet)
    assert before.stats.claims == 4 and before.stats.articles == 2

    team.save_verdict(u["r1"], groups["workers"], "Accurate", submit=True)
    team.save_verdict(u["r1"], claims["4,300"], "Inaccurate", submit=True)  # the claim's own verdict wins
    mine = team.dashboard(u["r1"])
    assert mine.stats.reviewed_claims == 2  # the group's two claims
    assert dict(mine.stats.verdict_distribution) == {"Accurate": 1, "Inaccurate": 1}
    assert {o.outlet: (o.claims, o.rated, o.inaccurate) for o in mine.stats.by_outlet} == {
        "Daily": (2, 1, 0), "Herald": (2, 1, 1)}
    # the lead sees everyone, and the reviewer's own row is the row the lead sees for them
    everyone = team.dashboard(u["lead"])
    assert not everyone.own_only
    assert [p.reviewer for p in everyone.stats.per_reviewer] == ["rae", "ria", "rob"]
    assert mine.stats.per_reviewer == tuple(p for p in everyone.stats.per_reviewer if p.reviewer == "rae")
    assert everyone.stats == team.store.stats()


def test_the_dashboard_shows_a_reviewer_finals_only_on_what_they_covered(world):
    team, u, claims, _, _ = world
    team.decide(u["lead"], claims["£50m"], "Misleading", expected_version=0)
    team.assign(u["lead"], claims["£48m"], [u["r1"].id])
    team.save_verdict(u["r1"], claims["£48m"], "Accurate", submit=True)
    assert team.dashboard(u["r1"]).stats.final_claims == 0
    team.decide(u["lead"], claims["£48m"], "Accurate", expected_version=0)
    assert team.dashboard(u["r1"]).stats.final_claims == 1
    assert team.dashboard(u["lead"]).stats.final_claims == 2
