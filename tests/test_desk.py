"""The desk, on a real database (SQLite always, PostgreSQL too when WORKBENCH_TEST_PG_URL is set): every role x
every action x both modes, through the desk's own operations, reads included; blind review applied in the
read itself; check and write in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from workbench.auth import PERMISSIONS, Action
from workbench.desk import Desk, NoActor, SingleUser, Team
from workbench.errors import PermissionDenied
from workbench.models import Article, Kind, LinkKind, Override
from workbench.store import LabelSpec, Role, SourceInput, Target, VerdictStatus

from rolekit import accounts, by_noun, claims_for, strike_story, targets, team_config
from storekit import db_url, store  # noqa: F401 - the store tests' fixtures

MODES = ("single", "team")
ROLES = {"reviewer": Role.REVIEWER, "lead": Role.LEAD, "admin": Role.ADMIN}


@dataclass
class World:
    desk: Desk
    u: dict
    claims: dict
    groups: dict
    tmp_path: object

    @property
    def store(self):  # type: ignore[no-untyped-def]
        return self.desk.store


def make_world(store, mode: str, tmp_path) -> World:  # noqa: F811
    arts, cl = strike_story()
    store.import_articles(arts, cl, grouper=by_noun)
    desk = Desk(store, SingleUser() if mode == "single" else Team(team_config()), grouper=by_noun)
    u = accounts(desk.add_user)
    claims, groups = targets(store, cl)
    return World(desk, u, claims, groups, tmp_path)


@pytest.fixture(params=MODES)
def world(request, store, tmp_path):  # noqa: F811
    return make_world(store, request.param, tmp_path)


# --------------------------------------------------------------------------------------------------------
# The operations, each as (prepare as others) -> (act as the actor, did it take effect)

EVERYONE = {"reviewer", "lead", "admin"}
LEADS = {"lead", "admin"}
TEAM_ALLOWED = {
    Action.MANAGE_USERS: {"admin"}, Action.MANAGE_SCALES: {"admin"}, Action.CHANGE_SETTINGS: {"admin"},
    Action.IMPORT_ARTICLES: LEADS, Action.REGROUP: LEADS, Action.ASSIGN_WORK: LEADS, Action.ADJUDICATE: LEADS,
    Action.SAVE_FINAL_VERDICT: LEADS, Action.SAVE_OWN_VERDICT: EVERYONE, Action.CHANGE_OTHERS_VERDICT: set(),
    Action.VIEW_OTHERS_BEFORE_SUBMITTING: LEADS, Action.VIEW_AGREEMENT: LEADS, Action.EXPORT: LEADS,
}


@dataclass(frozen=True)
class Op:
    action: Action
    name: str
    make: Callable
    kind: str  # "write" / "read": refused with PermissionDenied; "view": never refused, shows less


OPS: list[Op] = []


def op(action: Action, kind: str = "write"):
    def deco(fn):
        OPS.append(Op(action, fn.__name__, fn, kind))
        return fn
    return deco


def _assign(w: World, target, *who):
    w.desk.assign(w.u["lead"], target, [p.id for p in who])


def _disagreement(w: World):
    t = w.claims["About 4,200"]
    _assign(w, t, w.u["r2"], w.u["r3"])
    w.desk.save_verdict(w.u["r2"], t, "Accurate", submit=True)
    w.desk.record_correction(w.u["r2"], t.id, low=4100.0)
    w.desk.save_verdict(w.u["r3"], t, "Inaccurate", submit=True)
    return t


@op(Action.MANAGE_USERS)
def add_user(w, a):
    return (lambda: w.desk.add_user(a, "newcomer", password="newcomer-pw"),
            lambda _: w.store.user_by_name("newcomer") is not None)


@op(Action.MANAGE_USERS)
def set_role(w, a):
    return (lambda: w.desk.set_role(a, "rob", Role.LEAD), lambda _: w.store.user_by_name("rob").role is Role.LEAD)


@op(Action.MANAGE_USERS)
def set_disabled(w, a):
    return (lambda: w.desk.set_disabled(a, "rob"), lambda _: w.store.user_by_name("rob").disabled)


@op(Action.MANAGE_USERS)
def set_someone_elses_password(w, a):
    return (lambda: w.desk.set_password(a, "ria", "ria-new-password"),
            lambda _: w.store.password_hash(w.u["r3"].id) is not None)


@op(Action.MANAGE_SCALES)
def update_label(w, a):
    lab = w.store.default_scale().label("Misleading")
    return (lambda: w.desk.update_label(a, lab.id, description="Right figure, wrong impression"),
            lambda _: w.store.default_scale().label("Misleading").description == "Right figure, wrong impression")


@op(Action.MANAGE_SCALES)
def create_scale(w, a):
    specs = [LabelSpec("True", 2, "T"), LabelSpec("False", 1, "F", inaccurate=True)]
    return (lambda: w.desk.create_scale(a, "True or false", specs),
            lambda _: "True or false" in {s.name for s in w.store.scales()})


@op(Action.MANAGE_SCALES)
def set_default_scale(w, a):
    other = w.desk.create_scale(w.u["admin"], "Two-way", [LabelSpec("Right", 2), LabelSpec("Wrong", 1)])
    return (lambda: w.desk.set_default_scale(a, other.id), lambda _: w.store.default_scale().id == other.id)


@op(Action.CHANGE_SETTINGS)
def set_setting(w, a):
    return (lambda: w.desk.set_setting(a, "claimreview.organisation", "Fact Desk"),
            lambda _: w.store.get_setting("claimreview.organisation") == "Fact Desk")


@op(Action.IMPORT_ARTICLES)
def import_articles(w, a):
    art = Article("gazette-strike", "Gazette", "Ports reopen", "Ports reopened after 12 days of strikes.")
    return (lambda: w.desk.import_articles(a, [art], extractor=lambda arts: claims_for(
                arts[0], [("12 days", Kind.COUNT, 12, "days")])),
            lambda _: w.store.article_title("gazette-strike") == "Ports reopen")


@op(Action.IMPORT_ARTICLES)
def import_paths(w, a):
    path = w.tmp_path / "courier.txt"
    path.write_text("Dockers return\n\nDockers returned to work on Monday.", encoding="utf-8")
    return (lambda: w.desk.import_paths(a, [path], outlet="Courier", extractor=lambda arts: []),
            lambda _: w.store.counts()["articles"] == 3)


@op(Action.REGROUP)
def merge_groups(w, a):
    links = [Override(LinkKind.MUST, w.claims["£48m"].id, w.claims["About 4,200"].id)]
    return (lambda: w.desk.add_overrides(a, links),
            lambda _: [(o.kind, o.created_by) for o in w.store.overrides()] == [(LinkKind.MUST, a.id)])


@op(Action.REGROUP)
def remove_override(w, a):
    w.desk.add_overrides(w.u["lead"], [Override(LinkKind.CANNOT, w.claims["4,300"].id, w.claims["About 4,200"].id)])
    (stored,) = w.store.overrides()
    return (lambda: w.desk.remove_override(a, stored.id), lambda _: w.store.overrides() == [])


@op(Action.ASSIGN_WORK)
def assign(w, a):
    t = w.claims["£48m"]
    return (lambda: w.desk.assign(a, t, [w.u["r2"].id]),
            lambda _: [x.user_id for x in w.store.assignments(target=t)] == [w.u["r2"].id])


@op(Action.ASSIGN_WORK)
def unassign(w, a):
    t = w.claims["£48m"]
    _assign(w, t, w.u["r2"])
    return (lambda: w.desk.unassign(a, t, w.u["r2"].id), lambda _: w.store.assignments(target=t) == [])


@op(Action.ASSIGN_WORK)
def deal(w, a):
    t = w.claims["£50m"]
    return (lambda: w.desk.deal(a, [t], [w.u["r2"].id, w.u["r3"].id], per_item=2),
            lambda _: len(w.store.assignments(target=t)) == 2)


@op(Action.ASSIGN_WORK, "read")
def another_users_queue(w, a):
    t = w.claims["£50m"]
    _assign(w, t, w.u["r2"])
    return (lambda: w.desk.queue_of(a, w.u["r2"].id), lambda items: [i.target for i in items] == [t])


@op(Action.ADJUDICATE, "read")
def adjudication_queue(w, a):
    t = _disagreement(w)
    return (lambda: w.desk.adjudication_queue(a), lambda items: [i.target for i in items] == [t])


@op(Action.SAVE_FINAL_VERDICT)
def save_final(w, a):
    t = w.claims["£48m"]
    return (lambda: w.desk.save_final(a, t, "Misleading", expected_version=0),
            lambda _: w.store.final_verdict(t) is not None)


@op(Action.SAVE_OWN_VERDICT)
def save_own_verdict(w, a):
    t = w.claims["£48m"]
    _assign(w, t, a)
    return (lambda: w.desk.save_verdict(a, t, "Accurate", submit=True),
            lambda _: w.store.verdict(t, a.id).status is VerdictStatus.SUBMITTED)


@op(Action.SAVE_OWN_VERDICT)
def add_own_source(w, a):
    t = w.claims["£48m"]
    _assign(w, t, a)
    return (lambda: w.desk.add_source(a, t, SourceInput(url="https://ons.example.org/strike")),
            lambda _: [s.url for s in w.store.verdict(t, a.id).sources] == ["https://ons.example.org/strike"])


@op(Action.SAVE_OWN_VERDICT)
def remove_own_source(w, a):
    t = w.claims["£48m"]
    _assign(w, t, a)
    src = w.desk.add_source(a, t, SourceInput(url="https://ons.example.org/strike"))
    return (lambda: w.desk.remove_source(a, src.id), lambda _: w.store.verdict(t, a.id).sources == ())


@op(Action.SAVE_OWN_VERDICT)
def record_own_correction(w, a):
    t = w.claims["About 4,200"]
    _assign(w, t, a)
    return (lambda: w.desk.record_correction(a, t.id, low=4100.0),
            lambda _: [x.reviewer_id for x in w.store.corrections(t.id)] == [a.id])


@op(Action.CHANGE_OTHERS_VERDICT)
def save_another_reviewers_verdict(w, a):
    t = w.claims["£50m"]
    _assign(w, t, a, w.u["r2"])
    w.desk.save_verdict(w.u["r2"], t, "Accurate")
    return (lambda: w.desk.save_verdict(a, t, "Inaccurate", reviewer_id=w.u["r2"].id),
            lambda _: w.store.verdict(t, w.u["r2"].id).label == "Inaccurate")


@op(Action.CHANGE_OTHERS_VERDICT)
def record_another_reviewers_correction(w, a):
    t = w.claims["4,300"]
    _assign(w, t, a, w.u["r2"])
    return (lambda: w.desk.record_correction(a, t.id, reviewer_id=w.u["r2"].id, low=1.0),
            lambda _: w.store.corrections(t.id) != [])


def _other_submitted(w, a):
    t = w.claims["4,300"]
    _assign(w, t, a, w.u["r2"])
    w.desk.save_verdict(w.u["r2"], t, "Misleading", note="rob-note", submit=True)
    w.desk.add_source(w.u["r2"], t, SourceInput(url="https://rob.example.org/source"))
    return t


@op(Action.VIEW_OTHERS_BEFORE_SUBMITTING, "view")
def review_view_before_submitting(w, a):
    t = _other_submitted(w, a)
    return (lambda: w.desk.review_view(a, t), lambda view: [v.reviewer for v in view.others] == ["rob"])


@op(Action.VIEW_OTHERS_BEFORE_SUBMITTING, "view")
def claim_read_before_submitting(w, a):
    t = _other_submitted(w, a)
    return (lambda: w.desk.claim(a, t.id), lambda d: [v.reviewer for v in d.verdicts] == ["rob"])


@op(Action.VIEW_OTHERS_BEFORE_SUBMITTING, "view")
def group_read_before_submitting(w, a):
    t = _other_submitted(w, a)
    gid = w.store.claim(t.id).claim.group_id
    return (lambda: w.desk.group(a, gid), lambda d: [v.reviewer for v in d.claim_verdicts] == ["rob"])


@op(Action.VIEW_OTHERS_BEFORE_SUBMITTING, "view")
def dashboard_before_submitting(w, a):
    _other_submitted(w, a)
    return (lambda: w.desk.dashboard(a),
            lambda d: not d.own_only and dict(d.stats.verdict_distribution) == {"Misleading": 1})


@op(Action.VIEW_AGREEMENT, "read")
def agreement(w, a):
    _disagreement(w)
    return (lambda: w.desk.agreement(a), lambda report: report.n_items == 1)


@op(Action.VIEW_AGREEMENT, "read")
def ratings(w, a):
    _disagreement(w)
    return (lambda: w.desk.ratings(a), lambda rows: sorted(r.reviewer for r in rows) == ["ria", "rob"])


@op(Action.VIEW_AGREEMENT, "read")
def correction_agreement(w, a):
    _disagreement(w)
    return (lambda: w.desk.correction_agreement(a), lambda res: res.n_items == 1)


def _decided(w):
    w.desk.save_final(w.u["lead"], w.claims["£48m"], "Inaccurate", expected_version=0, note="ONS says £41m")


@op(Action.EXPORT, "read")
def verdict_csv(w, a):
    _decided(w)
    return (lambda: w.desk.verdict_csv(a), lambda data: b"ONS says \xc2\xa341m" in data)


@op(Action.EXPORT, "read")
def history_csv(w, a):
    _decided(w)
    return (lambda: w.desk.history_csv(a), lambda data: b"final_verdict" in data)


@op(Action.EXPORT, "read")
def claimreview_json(w, a):
    _decided(w)
    return (lambda: w.desk.claimreview_json(a), lambda text: '"alternateName": "Inaccurate"' in text)


@op(Action.EXPORT, "read")
def export_files(w, a):
    _decided(w)
    return (lambda: w.desk.export_files(a, {}), lambda files: b"ONS says" in files[0] and b"final_verdict" in files[1])


def test_every_action_has_operations_and_the_table_is_the_matrix():
    assert {o.action for o in OPS} == set(Action)
    for action, roles in TEAM_ALLOWED.items():
        assert {r.value for r in PERMISSIONS if action in PERMISSIONS[r]} == roles, action


@pytest.mark.parametrize("role", sorted(ROLES))
@pytest.mark.parametrize("operation", OPS, ids=lambda o: f"{o.action.name.lower()}:{o.name}")
def test_every_role_action_and_mode(world, role, operation):
    """Single-user mode allows everything and records the acting person; team mode allows what the matrix
    says, and a refusal names the role and the action and leaves no trace."""
    actor = world.u[role]
    act, done = operation.make(world, actor)
    allowed = not world.desk.team_mode or role in TEAM_ALLOWED[operation.action]
    before = {e.id for e in world.store.audit_log()}
    if operation.kind == "view":
        assert done(act()) is allowed
        assert {e.id for e in world.store.audit_log()} == before
    elif allowed:
        assert done(act())
        if operation.kind == "write":
            new = [e for e in world.store.audit_log() if e.id not in before]
            recorded = {actor.id}
            if operation.action is Action.CHANGE_OTHERS_VERDICT:  # single-user mode: saved under the name given
                recorded = {world.u["r2"].id}
            assert new and all(e.actor_id in recorded for e in new), [(e.action, e.actor) for e in new]
    else:
        with pytest.raises(PermissionDenied) as refused:
            act()
        assert str(refused.value) == f"a {role} may not {operation.action.value}"
        assert {e.id for e in world.store.audit_log()} == before, "a refused request leaves no trace"
        if operation.kind == "write":
            assert not done(None)


# --------------------------------------------------------------------------------------------------------
# Blind review in the read itself


@pytest.fixture
def team_world(store, tmp_path):  # noqa: F811
    return make_world(store, "team", tmp_path)


def test_a_reviewers_read_before_submitting_carries_nothing_of_the_others(team_world):
    w = team_world
    t = w.claims["4,300"]
    rae, rob = w.u["reviewer"], w.u["r2"]
    _assign(w, t, rae, rob)
    w.desk.save_verdict(rob, t, "Inaccurate", note="rob-secret-note", submit=True)
    w.desk.add_source(rob, t, SourceInput(url="https://rob.example.org/secret", value=4100.0))
    w.desk.record_correction(rob, t.id, low=4100.0, note="rob-secret-correction")
    gid = w.store.claim(t.id).claim.group_id
    w.desk.save_verdict(w.u["lead"], Target.group(gid), "Misleading", note="lead-group-note")

    for read in (w.desk.claim(rae, t.id), w.desk.group(rae, gid), w.desk.review_view(rae, t),
                 w.desk.review_view(rae, Target.group(gid)), w.desk.visible_verdicts(rae, w.store.verdicts(t))):
        shown = repr(read)
        for secret in ("rob-secret-note", "rob.example.org", "rob-secret-correction", "lead-group-note", "'rob'"):
            assert secret not in shown, (secret, type(read).__name__)
    view = w.desk.review_view(rae, t)
    assert view.blind and view.others == () and view.final is None
    assert not hasattr(view, "hidden"), "not even how many verdicts are hidden"
    detail = w.desk.claim(rae, t.id)
    assert detail.verdicts == () and detail.group_verdicts == () and detail.corrections == ()

    w.desk.save_verdict(rae, t, "Accurate", submit=True)
    after = w.desk.claim(rae, t.id)
    assert sorted(v.reviewer for v in after.verdicts) == ["rae", "rob"]
    assert [s.url for v in after.verdicts if v.reviewer == "rob" for s in v.sources] == ["https://rob.example.org/secret"]
    lead_view = w.desk.claim(w.u["lead"], t.id)
    assert {v.reviewer for v in lead_view.verdicts} == {"rae", "rob"}


def test_a_draft_is_seen_by_its_author_only(team_world):
    w = team_world
    t = w.claims["£50m"]
    _assign(w, t, w.u["reviewer"], w.u["r2"])
    w.desk.save_verdict(w.u["r2"], t, "Accurate", note="rob-draft")
    for reader in (w.u["reviewer"], w.u["lead"], w.u["admin"]):
        assert "rob-draft" not in repr(w.desk.claim(reader, t.id))
    assert [v.note for v in w.desk.claim(w.u["r2"], t.id).verdicts] == ["rob-draft"]


# --------------------------------------------------------------------------------------------------------
# One transaction: the role is read where the work is done; nobody acts anonymously on a screen's behalf


def test_a_role_taken_away_stops_the_next_operation(team_world):
    w = team_world
    w.desk.set_role(w.u["admin"], "lee", Role.REVIEWER)
    with pytest.raises(PermissionDenied, match="a reviewer may not merge or split groups"):
        w.desk.add_overrides(w.u["lead"], [Override(LinkKind.MUST, w.claims["£48m"].id, w.claims["£50m"].id)])
    w.desk.set_disabled(w.u["admin"], "rae")
    with pytest.raises(PermissionDenied, match="disabled"):
        w.desk.claim(w.u["reviewer"], w.claims["£48m"].id)


@pytest.mark.parametrize("mode", MODES)
def test_a_verdict_needs_somebody(store, tmp_path, mode):  # noqa: F811
    w = make_world(store, mode, tmp_path)
    with pytest.raises(NoActor):
        w.desk.save_verdict(None, w.claims["£48m"], "Accurate")
    assert w.store.verdicts(w.claims["£48m"]) == []
