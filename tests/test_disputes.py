"""The one rule for disputed items (workbench.store.disputes): the pure rule, table-driven and as invariants,
and every reader of it (verdict CSV, import-verdicts, Dashboard figures, group review states, ClaimReview,
adjudication queue) on SQLite and, when WORKBENCH_TEST_PG_URL is set, PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from datetime import timedelta

import pytest
from sqlalchemy import update
from hypothesis import given
from hypothesis import strategies as st

from storekit import db_url, store  # noqa: F401 - the store tests' fixtures
from workbench import export
from workbench.auth import LockoutPolicy, TeamConfig
from workbench.desk import Desk, SingleUser, Team
from workbench.models import Article, Claim, Grouping, Kind
from workbench.store import ClaimStatus, GroupFilter, Role, Store, Target, make_group
from workbench.store.schema import groups
from workbench.store.disputes import Final, Given, Standing, group_standing, standing

COOKIE = "c" * 40


# --- the rule itself -------------------------------------------------------------------------------------

def g(vid: int, who: int, label: int | None, at: str = "t") -> Given:
    return Given(vid, who, label, at)


def final(label: int, by: int = 9, *, auto: bool = False, basis: int | None = None) -> Final:
    return Final(100, label, by, basis, auto)


@pytest.mark.parametrize("name, args, status, scope, label, credited", [
    ("nothing", (None, None, [], []), Standing.UNREVIEWED, None, None, ()),
    ("one verdict", (None, None, [g(1, 1, 5)], []), Standing.SUBMITTED, "claim", 5, (1,)),
    ("two agree", (None, None, [g(1, 1, 5), g(2, 2, 5)], []), Standing.SUBMITTED, "claim", 5, (1, 2)),
    ("two differ", (None, None, [g(1, 1, 5), g(2, 2, 6)], []), Standing.DISPUTED, "claim", None, (1, 2)),
    ("group differs", (None, None, [], [g(1, 1, 5), g(2, 2, 6)]), Standing.DISPUTED, "group", None, (1, 2)),
    ("claim's own before group's", (None, None, [g(3, 3, 7)], [g(1, 1, 5), g(2, 2, 6)]), Standing.SUBMITTED,
     "claim", 7, (3,)),
    ("lead's final settles", (final(6), None, [g(1, 1, 5), g(2, 2, 6)], []), Standing.FINAL, "claim", 6, (9,)),
    ("group final settles", (None, final(6), [g(1, 1, 5)], [g(2, 2, 6)]), Standing.FINAL, "group", 6, (9,)),
    ("automatic credits all who agreed", (final(5, by=2, auto=True), None, [g(1, 1, 5), g(2, 2, 5)], []),
     Standing.FINAL, "claim", 5, (1, 2)),
    ("automatic, later changed by a lead", (final(6, auto=False), None, [g(1, 1, 5), g(2, 2, 5)], []),
     Standing.FINAL, "claim", 6, (9,)),
])
def test_the_rule(name, args, status, scope, label, credited) -> None:  # type: ignore[no-untyped-def]
    s = standing(*args)
    assert (s.status, s.scope, s.label_id, s.credited) == (status, scope, label, credited), name


givens = st.lists(st.tuples(st.integers(1, 4), st.sampled_from([5, 6, 7])), max_size=5, unique_by=lambda t: t[0])


@given(claim_v=givens, group_v=givens, has_final=st.booleans())
def test_rule_invariants(claim_v, group_v, has_final) -> None:  # type: ignore[no-untyped-def]
    cg = [g(i, who, lab) for i, (who, lab) in enumerate(claim_v)]
    gg = [g(100 + i, who, lab) for i, (who, lab) in enumerate(group_v)]
    s = standing(final(6) if has_final else None, None, cg, gg)
    used = cg or gg
    if has_final:
        assert s.status is Standing.FINAL and s.label_id == 6
    elif not used:
        assert s.status is Standing.UNREVIEWED
    elif len({x.label_id for x in used}) > 1:
        # disputed: no verdict in force, every reviewer who gave one is listed
        assert s.disputed and s.label_id is None and set(s.credited) == {x.reviewer_id for x in used}
    else:
        assert s.status is Standing.SUBMITTED and s.label_id == used[0].label_id
        assert set(s.credited) == {x.reviewer_id for x in used}
    # a disputed item never carries a verdict; a verdict in force is one somebody gave or decided
    assert not (s.disputed and s.label_id is not None)


@pytest.mark.parametrize("own, members, drafts, expected", [
    (Standing.UNREVIEWED, [], False, Standing.UNREVIEWED),
    (Standing.UNREVIEWED, [Standing.UNREVIEWED, Standing.UNREVIEWED], True, Standing.DRAFT),
    (Standing.UNREVIEWED, [Standing.SUBMITTED, Standing.UNREVIEWED], False, Standing.SUBMITTED),
    (Standing.UNREVIEWED, [Standing.FINAL, Standing.UNREVIEWED], False, Standing.SUBMITTED),
    (Standing.UNREVIEWED, [Standing.FINAL, Standing.FINAL], False, Standing.FINAL),
    (Standing.FINAL, [Standing.UNREVIEWED], False, Standing.FINAL),
    (Standing.UNREVIEWED, [Standing.DISPUTED, Standing.FINAL], False, Standing.DISPUTED),
    (Standing.DISPUTED, [Standing.SUBMITTED], False, Standing.DISPUTED),
])
def test_a_group_follows_its_claims(own, members, drafts, expected) -> None:  # type: ignore[no-untyped-def]
    from workbench.store.disputes import InForce

    assert group_standing(InForce(own), [InForce(m) for m in members], drafts=drafts) is expected


# --- every reader, on a real database --------------------------------------------------------------------

def by_noun(all_claims, links):  # type: ignore[no-untyped-def]
    buckets = defaultdict(list)
    for c in all_claims:
        buckets[c.noun or c.id].append(c)
    made = [make_group(m) for m in buckets.values()]
    return Grouping(groups=tuple(made), by_claim={cid: gr.id for gr in made for cid in gr.claim_ids})


def _claims(article: Article, phrases) -> list[Claim]:  # type: ignore[no-untyped-def]
    out = []
    for surface, value, noun in phrases:
        start = article.text.index(surface)
        out.append(Claim(article=article.id, start=start, end=start + len(surface), surface=surface,
                         sentence=article.text, kind=Kind.COUNT, low=value, high=value, noun=noun,
                         outlet=article.outlet))
    return out


class Desk3:
    """Two articles, three facts told by both (so three discrepant groups), a lead and two reviewers."""

    def __init__(self, store: Store, *, team: bool = True):  # noqa: F811
        a = Article("a-daily", "Daily", "Strike", "About 4,200 workers struck. 12 ports shut. 300 ships waited.")
        b = Article("b-herald", "Herald", "Walkout", "Some 6,300 workers struck. 24 ports shut. 610 ships waited.")
        cl = _claims(a, [("About 4,200", 4200, "workers"), ("12", 12, "ports"), ("300", 300, "ships")])
        cl += _claims(b, [("6,300", 6300, "workers"), ("24", 24, "ports"), ("610", 610, "ships")])
        store.import_articles([a, b], cl, grouper=by_noun)
        with store.engine.begin() as conn:  # the outlets' figures differ by a third or more: discrepant facts
            conn.execute(update(groups).where(groups.c.size > 1).values(discrepant=True))
        cfg = TeamConfig(cookie_secret=COOKIE, lockout=LockoutPolicy(3, timedelta(minutes=10), timedelta(minutes=15)))
        self.store = store
        self.desk = Desk(store, Team(cfg) if team else SingleUser(), grouper=by_noun)
        self.lead = self.desk.add_user(None, "lee", role=Role.LEAD)
        self.ann = self.desk.add_user(None, "ann", role=Role.REVIEWER)
        self.ben = self.desk.add_user(None, "ben", role=Role.REVIEWER)
        self.claim = {c.surface: Target.claim(c.id) for c in cl}
        self.group_of = {c.surface: store.claim(c.id).claim.group_id for c in cl}

    def judge(self, surface: str, ann: str, ben: str) -> Target:
        t = self.claim[surface]
        self.desk.assign(self.lead, t, [self.ann.id, self.ben.id])
        self.desk.save_verdict(self.ann, t, ann, submit=True)
        self.desk.save_verdict(self.ben, t, ben, submit=True)
        return t


def rows(data: bytes) -> dict[str, dict[str, str]]:
    return {r["claim_id"]: r for r in csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))}


def test_a_disputed_claim_reads_the_same_everywhere(store: Store) -> None:  # noqa: F811
    d = Desk3(store)
    disputed = d.judge("About 4,200", "Inaccurate", "Accurate")  # differing: disputed
    agreed = d.judge("12", "Accurate", "Accurate")  # agreeing: accepted automatically
    csv_rows = rows(d.desk.verdict_csv(d.lead))
    row = csv_rows[disputed.id]
    assert (row["verdict"], row["verdict_status"], row["verdict_scope"], row["rating_value"]) == (
        "", "disputed", "claim", "")
    assert row["verdicts_given"].split("\n") == ["ann: Inaccurate", "ben: Accurate"]
    assert row["reviewer"].split("\n") == ["ann", "ben"]
    auto = csv_rows[agreed.id]
    assert (auto["verdict"], auto["verdict_status"], auto["reviewer"].split("\n")) == (
        "Accurate", "final", ["ann", "ben"])  # credited to both reviewers who agreed, not to one
    assert auto["verdicts_given"] == ""
    # the reviewer filter finds the claim under either reviewer's name
    assert agreed.id in rows(d.desk.verdict_csv(d.lead, reviewer="ann"))
    assert agreed.id in rows(d.desk.verdict_csv(d.lead, reviewer="ben"))

    # the Dashboard: the disputed claim is reviewed and disputed, in no verdict's share, in no outlet's rating
    dash = d.desk.dashboard(d.lead)
    s = dash.stats
    assert (s.reviewed_claims, s.final_claims, s.disputed_claims) == (2, 1, 1)
    assert dict(s.verdict_distribution) == {"Accurate": 1}
    daily = next(o for o in s.by_outlet if o.outlet == "Daily")
    assert (daily.rated, daily.inaccurate) == (1, 0)
    # the discrepancy list: the group follows its claims' verdicts
    review = {r.id: r.review for r in dash.discrepant}
    assert review[d.group_of["About 4,200"]] is ClaimStatus.DISPUTED
    assert review[d.group_of["12"]] is ClaimStatus.SUBMITTED  # one of its two claims decided
    assert review[d.group_of["300"]] is ClaimStatus.UNREVIEWED

    # ClaimReview publishes no verdict for the disputed claim; the agreed one is published
    reviewed = {r["reviewRating"]["alternateName"] for r in json.loads(d.desk.claimreview_json(d.lead))}
    assert reviewed == {"Accurate"}

    # adjudication: the disputed claim is the one disagreement; once decided it is final everywhere
    queue = d.desk.adjudication_queue(d.lead)
    assert [(i.target, i.agreed) for i in queue] == [(disputed, False)]
    d.desk.save_final(d.lead, disputed, "Misleading", expected_version=0)
    row = rows(d.desk.verdict_csv(d.lead))[disputed.id]
    assert (row["verdict"], row["verdict_status"], row["reviewer"], row["verdicts_given"]) == (
        "Misleading", "final", "lee", "")
    s = d.desk.dashboard(d.lead).stats
    assert (s.disputed_claims, s.final_claims, dict(s.verdict_distribution)) == (0, 2, {"Accurate": 1, "Misleading": 1})


def test_a_group_is_final_once_all_its_claims_are(store: Store) -> None:  # noqa: F811
    d = Desk3(store)
    for surface in ("12", "24"):
        d.judge(surface, "Accurate", "Accurate")
    rows_, _ = store.groups_page(GroupFilter(discrepant_only=True), 0, 10)
    assert {r.id: r.review for r in rows_}[d.group_of["12"]] is ClaimStatus.FINAL
    # a reviewer in blind review sees the state of their own work: their verdicts submitted, the finals
    own = d.desk.dashboard(d.ann)
    assert {r.id: r.review for r in own.discrepant}[d.group_of["12"]] is ClaimStatus.FINAL
    assert own.stats.disputed_claims == 0 and own.stats.reviewed_claims == 2


def test_a_reviewer_never_sees_a_dispute_on_their_own_dashboard(store: Store) -> None:  # noqa: F811
    d = Desk3(store)
    t = d.judge("About 4,200", "Inaccurate", "Accurate")
    mine = d.desk.dashboard(d.ann)
    assert (mine.stats.disputed_claims, dict(mine.stats.verdict_distribution)) == (0, {"Inaccurate": 1})
    assert {r.id: r.review for r in mine.discrepant}[d.group_of["About 4,200"]] is ClaimStatus.SUBMITTED
    assert store.claim(t.id).claim.status is ClaimStatus.DISPUTED


def test_disputed_and_agreed_rows_round_trip_through_import(store: Store, tmp_path) -> None:  # noqa: F811
    d = Desk3(store)
    d.judge("About 4,200", "Inaccurate", "Accurate")
    d.judge("12", "Accurate", "Accurate")
    first = d.desk.verdict_csv(d.lead)
    path = tmp_path / "verdicts.csv"
    path.write_bytes(first)
    other = Store.open(f"sqlite:///{tmp_path / 'other.db'}")
    try:
        Desk3(other, team=False)  # the same claims, no verdicts
        report = export.import_verdicts(other, path)
        assert (report.verdicts_saved, report.finals_saved, report.skipped) == (2, 1, ())
        assert export.verdict_csv_bytes(other) == first
        assert export.import_verdicts(other, path).unchanged == 3  # the two disputed verdicts and the final
    finally:
        other.close()


def test_single_user_mode_follows_the_same_rule(store: Store) -> None:  # noqa: F811
    d = Desk3(store, team=False)
    t = d.claim["300"]
    d.desk.save_verdict(d.ann, t, "Accurate", submit=True)
    d.desk.save_verdict(d.ben, t, "Misleading", submit=True)
    row = rows(d.desk.verdict_csv(None))[t.id]
    assert (row["verdict_status"], row["verdicts_given"]) == ("disputed", "ann: Accurate\nben: Misleading")
    assert d.desk.dashboard(None).stats.disputed_claims == 1


QUEUE_STATUS = {"final": ClaimStatus.FINAL, "submitted": ClaimStatus.SUBMITTED, "disputed": ClaimStatus.DISPUTED}


def test_the_queue_s_status_filters_follow_the_rule(store: Store) -> None:  # noqa: F811
    """Single-user mode (no automatic final verdicts): the claim's own verdicts come before its group's, so a
    claim whose own verdicts agree is submitted however its group's differ, and a claim with no verdict of
    its own is disputed when its group's differ. The queue's Submitted and Disputed filters list exactly the
    claims the verdict CSV calls so."""
    from workbench.store import ClaimFilter

    d = Desk3(store, team=False)
    group = {s: Target.group(d.group_of[s]) for s in d.claim}
    for who, label in ((d.ann, "Accurate"), (d.ben, "Inaccurate")):  # workers: the group's verdicts differ
        d.desk.save_verdict(who, group["About 4,200"], label, submit=True)
    for who in (d.ann, d.ben):  # ... and one claim's own agree
        d.desk.save_verdict(who, d.claim["About 4,200"], "Accurate", submit=True)
    for who, label in ((d.ann, "Accurate"), (d.ben, "Misleading")):  # ports: one claim's own verdicts differ
        d.desk.save_verdict(who, d.claim["12"], label, submit=True)
    d.desk.save_verdict(d.ann, group["300"], "Accurate", submit=True)  # ships: the group's one verdict
    for who, label in ((d.ann, "Accurate"), (d.ben, "Misleading")):  # ... and one claim's own differ
        d.desk.save_verdict(who, d.claim["610"], label, submit=True)

    by_csv = {cid: QUEUE_STATUS.get(r["verdict_status"]) for cid, r in rows(d.desk.verdict_csv(None)).items()}
    assert by_csv[d.claim["About 4,200"].id] is ClaimStatus.SUBMITTED
    assert by_csv[d.claim["6,300"].id] is ClaimStatus.DISPUTED
    assert by_csv[d.claim["12"].id] is ClaimStatus.DISPUTED
    for status in (ClaimStatus.SUBMITTED, ClaimStatus.DISPUTED):
        listed, total = store.claims_page(ClaimFilter(status=status), 0, 50)
        assert {r.id for r in listed} == {cid for cid, s in by_csv.items() if s is status}, status
        assert total == len(listed)
    assert d.desk.dashboard(None).stats.disputed_claims == 3


def test_the_groups_status_filter_lists_the_state_each_group_shows(store: Store) -> None:  # noqa: F811
    """A group follows its claims: differing verdicts on one of its claims dispute it, a claim's verdict
    submits it, a draft on a claim makes it a draft. The Groups screen's status filter lists exactly the
    groups whose row shows that state, though no verdict sits on the group itself."""
    d = Desk3(store, team=False)
    for who, label in ((d.ann, "Accurate"), (d.ben, "Misleading")):  # workers: a claim's verdicts differ
        d.desk.save_verdict(who, d.claim["About 4,200"], label, submit=True)
    d.desk.save_verdict(d.ann, d.claim["24"], "Accurate", submit=True)  # ports: one claim submitted
    d.desk.save_verdict(d.ben, d.claim["610"], "Accurate", submit=False)  # ships: a draft on a claim
    everything, _ = store.groups_page(GroupFilter(), 0, 50)
    shown = {r.id: r.review for r in everything}
    assert shown[d.group_of["About 4,200"]] is ClaimStatus.DISPUTED
    assert shown[d.group_of["12"]] is ClaimStatus.SUBMITTED
    assert shown[d.group_of["300"]] is ClaimStatus.DRAFT
    for status in ClaimStatus:
        listed, total = store.groups_page(GroupFilter(status=status), 0, 50)
        assert {r.id for r in listed} == {g for g, s in shown.items() if s is status}, status
        assert total == len(listed)
