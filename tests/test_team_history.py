"""Audit in team mode: the history CSV export shows who did what and when for every verdict, assignment,
final verdict and account change, naming the people involved (command-line changes and failed sign-ins
marked as such), on a real database (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime

import pytest

from storekit import db_url, make_batch, noun_grouper, store  # noqa: F401 - the store tests' fixtures
from workbench import export
from workbench.auth import LockoutPolicy, TeamConfig
from workbench.errors import PermissionDenied
from workbench.store import Role, Target
from workbench.team import SignInFailed, Team

COOKIE = "h" * 40


def parse(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.fixture
def desk(store):  # noqa: F811
    arts, cls = make_batch(6)
    store.import_articles(arts, cls, grouper=noun_grouper)
    team = Team(store, TeamConfig(cookie_secret=COOKIE))
    people = {
        "ada": team.add_user(None, "ada", role=Role.ADMIN),
        "lee": team.add_user(None, "lee", role=Role.LEAD),
        "rae": team.add_user(None, "rae", role=Role.REVIEWER, password="rae-password-1"),
        "rob": team.add_user(None, "rob", role=Role.REVIEWER),
    }
    return team, people, [Target.claim(c.id) for c in cls[:3]]


def rows_for(rows, action):
    return [r for r in rows if r["action"] == action]


def test_the_history_csv_tells_who_did_what_and_when_in_a_team_review(desk):
    team, u, (t1, t2, t3) = desk
    ada, lee, rae, rob = u["ada"], u["lee"], u["rae"], u["rob"]
    team.set_role(ada, "rob", "lead")  # a role change, and back
    team.set_role(ada, "rob", "reviewer")
    team.deal(lee, [t1, t2], [rae.id, rob.id], per_item=2)
    team.assign(lee, t3, [rae.id])
    team.unassign(lee, t3, rae.id)
    team.save_verdict(rae, t1, "Accurate", note="draft first")
    team.save_verdict(rae, t1, "Accurate", submit=True)
    team.save_verdict(rob, t1, "Inaccurate", submit=True, note="the source says 4,000")
    team.decide(lee, t1, "Inaccurate", expected_version=0, note="rob's source holds")
    team.save_verdict(rae, t2, "Misleading", submit=True)
    team.save_verdict(rob, t2, "Misleading", submit=True)  # agreement: accepted automatically
    team.set_disabled(ada, "rob", True)
    with pytest.raises(SignInFailed):
        team.authenticate("rae", "not-the-password")
    team.authenticate("rae", "rae-password-1")

    rows = parse(export.history_csv_bytes(team.store))
    ids = {str(p.id): name for name, p in u.items()}

    # when: every row carries a UTC time, in the order the changes were made
    stamps = [datetime.fromisoformat(r["at"]) for r in rows]
    assert all(s.utcoffset().total_seconds() == 0 for s in stamps)
    assert stamps == sorted(stamps)
    assert [int(r["id"]) for r in rows] == sorted(int(r["id"]) for r in rows)

    # role changes: the admin, the account by name (and id), before and after
    roles = [(r["actor"], r["affected_user"], ids[r["entity_id"]], json.loads(r["before"]), json.loads(r["after"]))
             for r in rows_for(rows, "update_user")]
    assert roles == [("ada", "rob", "rob", {"role": "reviewer"}, {"role": "lead"}),
                     ("ada", "rob", "rob", {"role": "lead"}, {"role": "reviewer"}),
                     ("ada", "rob", "rob", {"disabled": False}, {"disabled": True})]
    # accounts added at the command line are marked as such: no signed-in user, the operator holds the database
    assert {(r["actor"], r["affected_user"], json.loads(r["after"])["name"])
            for r in rows_for(rows, "create_user")} == {
        ("command line", "ada", "ada"), ("command line", "lee", "lee"), ("command line", "rae", "rae"),
        ("command line", "rob", "rob")}

    # assignments: who assigned which item to whom, by name (dealt or by hand), and the one taken back
    assigned = [(r["actor"], json.loads(r["after"])["target_id"], r["affected_user"],
                 ids[str(json.loads(r["after"])["user_id"])], json.loads(r["after"]).get("dealt", False))
                for r in rows_for(rows, "assign")]
    assert sorted(assigned) == sorted([("lee", t1.id, "rae", "rae", True), ("lee", t1.id, "rob", "rob", True),
                                       ("lee", t2.id, "rae", "rae", True), ("lee", t2.id, "rob", "rob", True),
                                       ("lee", t3.id, "rae", "rae", False)])
    [taken_back] = rows_for(rows, "unassign")
    assert (taken_back["actor"], taken_back["affected_user"]) == ("lee", "rae")
    assert (json.loads(taken_back["before"])["target_id"], json.loads(taken_back["before"])["user_id"]) == (
        t3.id, rae.id)

    # verdicts: each reviewer's own saves, with label, status and version
    verdicts = [(r["action"], r["actor"], json.loads(r["after"])["target_id"], json.loads(r["after"])["label"],
                 json.loads(r["after"])["status"], json.loads(r["after"])["version"])
                for r in rows if r["entity"] == "verdict"]
    assert verdicts == [("save_draft", "rae", t1.id, "Accurate", "draft", 1),
                        ("submit_verdict", "rae", t1.id, "Accurate", "submitted", 2),
                        ("submit_verdict", "rob", t1.id, "Inaccurate", "submitted", 1),
                        ("submit_verdict", "rae", t2.id, "Misleading", "submitted", 1),
                        ("submit_verdict", "rob", t2.id, "Misleading", "submitted", 1)]

    # final verdicts: decided by the lead, and accepted automatically on the agreeing item (with who agreed)
    finals = [(r["actor"], json.loads(r["after"])["target_id"], json.loads(r["after"])["label"],
               json.loads(r["after"])["version"]) for r in rows_for(rows, "final_verdict")]
    assert finals == [("lee", t1.id, "Inaccurate", 1), ("rob", t2.id, "Misleading", 1)]
    [auto] = rows_for(rows, "auto_accept")
    assert auto["actor"] == "rob" and sorted(json.loads(auto["after"])["reviewers"]) == sorted([rae.id, rob.id])
    assert sorted(auto["affected_user"].split(", ")) == ["rae", "rob"]
    # verdicts are about nobody but their own reviewer, the actor
    assert {r["affected_user"] for r in rows if r["entity"] in ("verdict", "final_verdict")
            and r["action"] != "auto_accept"} == {""}

    # sign-ins, failed and successful, against the account; a failed one has nobody signed in
    signins = [(r["action"], ids[r["entity_id"]], r["affected_user"], r["actor"]) for r in rows
               if r["action"] in ("sign_in", "sign_in_failed")]
    assert signins == [("sign_in_failed", "rae", "rae", "not signed in"), ("sign_in", "rae", "rae", "rae")]


def test_the_history_of_one_person_lists_only_their_actions(desk):
    team, u, (t1, *_) = desk
    team.deal(u["lee"], [t1], [u["rae"].id, u["rob"].id], per_item=2)
    team.save_verdict(u["rae"], t1, "Accurate", submit=True)
    team.save_verdict(u["rob"], t1, "Accurate")
    rows = parse(export.history_csv_bytes(team.store, actor_id=u["lee"].id))
    assert {r["actor"] for r in rows} == {"lee"} and {r["action"] for r in rows} == {"assign"}
    rows = parse(export.history_csv_bytes(team.store, actor_id=u["rob"].id))
    assert [(r["action"], json.loads(r["after"])["status"]) for r in rows] == [("save_draft", "draft")]


def test_a_lockout_and_a_command_line_import_are_marked_and_names_are_neutralised(desk):
    team, u, _ = desk
    team.config = TeamConfig(cookie_secret=COOKIE, lockout=LockoutPolicy(max_failures=2))
    hostile = team.add_user(u["ada"], "=HYPERLINK(\"http://x\")", role="reviewer")
    team.assign(u["lee"], Target.article(team.store.articles_index()[0].id), [hostile.id])
    for _ in range(2):
        with pytest.raises(SignInFailed):
            team.authenticate("rae", "wrong-password")
    rows = parse(export.history_csv_bytes(team.store))
    assert rows[0]["action"] == "import" and rows[0]["actor"] == "command line"  # make_batch, no user
    [locked] = rows_for(rows, "account_locked")
    assert (locked["actor"], locked["affected_user"]) == ("not signed in", "rae")
    [assigned] = rows_for(rows, "assign")
    assert assigned["affected_user"] == "'=HYPERLINK(\"http://x\")", "a formula-like name is neutralised"
    created = next(r for r in rows_for(rows, "create_user") if r["actor"] == "ada")
    assert created["affected_user"].startswith("'=")


def test_refused_writes_leave_no_trace_in_the_history(desk):
    team, u, (t1, *_) = desk
    before = parse(export.history_csv_bytes(team.store))
    with pytest.raises(PermissionDenied):
        team.decide(u["rae"], t1, "Accurate", expected_version=0)
    with pytest.raises(PermissionDenied):
        team.save_verdict(u["rae"], t1, "Accurate", submit=True)  # not assigned
    with pytest.raises(PermissionDenied):
        team.set_role(u["lee"], "rae", "admin")
    assert parse(export.history_csv_bytes(team.store)) == before
