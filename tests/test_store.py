"""The store on a real database: schema and migrations, SQLite settings, import, queue queries, groups,
overrides, users, assignments, statistics, audit log and backup. Every test runs on SQLite, and on
PostgreSQL when WORKBENCH_TEST_PG_URL is set."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from storekit import db_url, make_article, make_batch, noun_grouper, store  # noqa: F401 - fixtures
from workbench.errors import InputError, StoreError
from workbench.models import Kind, LinkKind
from workbench.store import (
    ClaimFilter,
    ClaimStatus,
    GroupFilter,
    LabelSpec,
    Role,
    SourceInput,
    Store,
    Target,
    group_id_for,
)
from workbench.store.engine import WRITE_OPTION, resolve_url


def filled(store: Store, n: int = 6) -> None:
    arts, cls = make_batch(n)
    store.import_articles(arts, cls, grouper=noun_grouper)


# --- schema ------------------------------------------------------------------------------------------------

def test_new_database_is_migrated_with_the_default_scale(store: Store) -> None:
    info = store.info()
    assert info.revision == info.head
    scale = store.default_scale()
    assert [lab.label for lab in scale.labels] == [
        "Accurate", "Mostly accurate", "Misleading", "Inaccurate", "Unverifiable", "Not a claim", "Extraction error"]
    assert (scale.best_rating, scale.worst_rating) == (5, 1)
    assert scale.label("4").label == "Inaccurate"
    assert scale.label("Not a claim").rating_value is None


def test_migrated_schema_matches_the_table_definitions(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from workbench.store.schema import include_object, metadata

    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"include_object": include_object}), metadata)
    assert diff == []


def test_reopening_keeps_data_and_does_not_migrate_again(db_url: str) -> None:  # noqa: F811
    s = Store.open(db_url)
    s.ensure_reviewer("ann")
    s.close()
    s = Store.open(db_url)
    assert [u.name for u in s.reviewers()] == ["ann"]
    assert len(s.scales()) == 1
    s.close()


def test_database_newer_than_the_code_is_refused(db_url: str) -> None:  # noqa: F811
    s = Store.open(db_url)
    with s.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'f00dfeed'"))
    s.close()
    with pytest.raises(StoreError, match="newer version"):
        Store.open(db_url)


def test_db_upgrade_command_migrates_an_empty_database(db_url: str, capsys) -> None:  # noqa: F811
    from workbench.cli import main

    from workbench.store.engine import head_revision

    assert main(["db", "upgrade", "--db", db_url]) == 0
    assert f"upgraded from (empty) to {head_revision()}" in capsys.readouterr().out
    assert main(["db", "upgrade", "--db", db_url]) == 0
    assert f"already at schema revision {head_revision()}" in capsys.readouterr().out


def test_url_resolution(monkeypatch, tmp_path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WORKBENCH_DB", raising=False)
    assert resolve_url() == f"sqlite:///{tmp_path / 'workbench.db'}"
    monkeypatch.setenv("WORKBENCH_DB", "sqlite:///elsewhere.db")
    assert resolve_url() == "sqlite:///elsewhere.db"
    assert resolve_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    assert resolve_url("plain.db") == f"sqlite:///{tmp_path / 'plain.db'}"


def test_unsupported_url_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match="unsupported database 'mysql'"):
        Store.open("mysql://u@h/db")


def test_sqlite_pragmas_and_immediate_write_transactions(tmp_path) -> None:
    path = tmp_path / "w.db"
    s = Store.open(str(path))
    with s.engine.connect() as conn:
        got = {p: conn.exec_driver_sql(f"PRAGMA {p}").scalar() for p in
               ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")}
    assert got == {"journal_mode": "wal", "foreign_keys": 1, "synchronous": 2, "busy_timeout": 30000}
    # a write transaction holds the write lock from BEGIN on, before it writes anything
    with s.engine.connect() as conn:
        conn = conn.execution_options(**{WRITE_OPTION: True})
        with conn.begin():
            other = sqlite3.connect(path, timeout=0, isolation_level=None)
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
            other.close()
    # a read transaction does not block writers (WAL)
    with s.engine.connect() as conn:
        with conn.begin():
            conn.exec_driver_sql("SELECT count(*) FROM claims").scalar()
            other = sqlite3.connect(path, timeout=0, isolation_level=None)
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
            other.close()
    s.close()


def test_audit_log_is_append_only_in_the_database(store: Store) -> None:
    store.ensure_reviewer("ann")
    for stmt in ("UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"):
            with store.engine.begin() as conn:
                conn.execute(text(stmt))
    assert [e.action for e in store.audit_log()] == ["create_user"]


# --- import ------------------------------------------------------------------------------------------------

def test_import_stores_articles_claims_and_groups(store: Store) -> None:
    arts, cls = make_batch(6)
    report = store.import_articles(arts, cls, grouper=noun_grouper)
    assert (report.articles_new, report.articles_present, report.claims_new, report.groups) == (6, 0, 18, 3)
    counts = store.counts()
    assert (counts["articles"], counts["claims"], counts["groups"], counts["outlets"]) == (6, 18, 3, 3)
    view = store.article(arts[0].id)
    assert view.text == arts[0].text and view.outlet == arts[0].outlet
    for c in view.claims:  # offsets index into the stored text
        assert view.text[c.start:c.end] == c.surface
    assert store.all_claims()[0].outlet == arts[0].outlet


def test_importing_the_same_articles_again_adds_nothing(store: Store) -> None:
    arts, cls = make_batch(6)
    store.import_articles(arts, cls, grouper=noun_grouper)
    before = store.counts()
    report = store.import_articles(arts, cls, grouper=noun_grouper)
    assert (report.articles_new, report.articles_present, report.claims_new) == (0, 6, 0)
    after = store.counts()
    assert {k: v for k, v in after.items() if k != "audit_log"} == {k: v for k, v in before.items()
                                                                    if k != "audit_log"}


def test_same_text_under_another_id_counts_as_present_and_clashing_id_is_refused(store: Store) -> None:
    a, c = make_article(1, "Daily Ledger")
    store.import_articles([a], c, grouper=noun_grouper)
    from dataclasses import replace

    same_text = replace(a, id="other-id")
    clash = replace(a, text=a.text + " More text.", source="b.jsonl")
    report = store.import_articles([same_text, clash], [], grouper=noun_grouper)
    assert report.articles_present == 1 and report.articles_new == 0
    assert len(report.refused) == 1 and "already used" in report.refused[0].reason
    assert report.refused[0].path == "b.jsonl"


def test_dry_run_reports_exactly_and_stores_nothing(store: Store) -> None:
    arts, cls = make_batch(4)
    before = store.counts()
    dry = store.import_articles(arts, cls, grouper=noun_grouper, dry_run=True)
    assert store.counts() == before
    real = store.import_articles(arts, cls, grouper=noun_grouper)
    assert (dry.articles_new, dry.claims_new, dry.groups) == (real.articles_new, real.claims_new, real.groups)
    assert dry.dry_run and not real.dry_run


def test_nul_in_imported_text_is_refused_naming_the_field(store: Store) -> None:
    from dataclasses import replace

    a, c = make_article(1, "Daily Ledger")
    bad = replace(a, title="bad\x00title")
    with pytest.raises(InputError, match="title.*NUL"):
        store.import_articles([bad], c, grouper=noun_grouper)
    assert store.counts()["articles"] == 0


def test_group_ids_derive_from_members(store: Store) -> None:
    filled(store)
    for g in store.groups_page()[0]:
        members = [c.id for c in store.group_detail(g.id).claims]
        assert g.id == group_id_for(members)


# --- queue -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("flt, expected", [
    (ClaimFilter(), 18),
    (ClaimFilter(outlet="Morning Post"), 6),
    (ClaimFilter(kind=Kind.MONEY), 6),
    (ClaimFilter(text="TROOPS"), 6),
    (ClaimFilter(text="report 3."), 3),
    (ClaimFilter(text="100%"), 0),  # % is literal, not a wildcard
    (ClaimFilter(text="_"), 0),
    (ClaimFilter(article_id="a00002-the"), 3),
    (ClaimFilter(outlet="Morning Post", kind=Kind.PERCENT), 2),
    (ClaimFilter(status=ClaimStatus.UNREVIEWED), 18),
    (ClaimFilter(status=ClaimStatus.FINAL), 0),
    (ClaimFilter(discrepant_only=True), 18),
])
def test_claim_filters(store: Store, flt: ClaimFilter, expected: int) -> None:
    filled(store)
    rows, total = store.claims_page(flt, 0, 100)
    assert total == expected == len(rows)


def test_pagination_is_stable_and_complete(store: Store) -> None:
    filled(store, 10)
    seen = []
    for off in range(0, 40, 7):
        rows, total = store.claims_page(ClaimFilter(), off, 7)
        seen += [r.id for r in rows]
    assert total == 30 and len(seen) == 30 and len(set(seen)) == 30


def test_status_filters_follow_verdicts_and_group_verdicts(store: Store) -> None:
    filled(store)
    ann = store.ensure_reviewer("ann")
    bob = store.ensure_reviewer("bob")
    rows, _ = store.claims_page(ClaimFilter(kind=Kind.COUNT), 0, 10)
    store.save_verdict(Target.claim(rows[0].id), ann.id, "Accurate", submit=False)
    store.save_verdict(Target.group(rows[1].group_id), bob.id, "Inaccurate", submit=True)
    money = store.claims_page(ClaimFilter(kind=Kind.MONEY), 0, 1)[0][0]
    store.save_final_verdict(Target.claim(money.id), bob.id, "Accurate", expected_version=0)

    def count(**kw) -> int:  # type: ignore[no-untyped-def]
        return store.claims_page(ClaimFilter(**kw), 0, 0)[1]

    # the group verdict makes every troops claim submitted, including the one with ann's draft
    assert count(status=ClaimStatus.SUBMITTED) == 6
    assert count(status=ClaimStatus.FINAL) == 1
    assert count(status=ClaimStatus.DRAFT) == 0
    assert count(status=ClaimStatus.UNREVIEWED) == 11
    # blind view for ann: only her own work counts
    assert count(status=ClaimStatus.DRAFT, status_for=ann.id) == 1
    assert count(status=ClaimStatus.UNREVIEWED, status_for=ann.id) == 16
    row = store.claims_page(ClaimFilter(kind=Kind.MONEY), 0, 1)[0][0]
    assert (row.status, row.final_label, row.final_version) == (ClaimStatus.FINAL, "Accurate", 1)


def test_groups_page_orders_for_triage_and_filters(store: Store) -> None:
    arts, cls = make_batch(6)
    one, c1 = make_article(99, "Solo Times", facts=(3,))
    store.import_articles(arts + [one], cls + c1, grouper=noun_grouper)
    rows, total = store.groups_page(GroupFilter(), 0, 10)
    assert total == 4
    assert rows[-1].noun == "containers" and rows[-1].n_outlets == 1 and not rows[-1].discrepant
    assert rows[0].discrepant and rows[0].outlets == ("Daily Ledger", "Morning Post", "The Courier")
    assert store.groups_page(GroupFilter(min_outlets=2))[1] == 3
    assert store.groups_page(GroupFilter(outlet="Solo Times"))[1] == 1
    assert store.groups_page(GroupFilter(text="budget"))[1] == 1
    assert store.groups_page(GroupFilter(kind=Kind.PERCENT))[1] == 1


def test_assignments_feed_the_assigned_to_filter(store: Store) -> None:
    filled(store)
    lead = store.create_user("lee", role=Role.LEAD)
    ann = store.ensure_reviewer("ann")
    rows, _ = store.claims_page(ClaimFilter(kind=Kind.MONEY), 0, 10)
    store.assign(Target.claim(rows[0].id), ann.id, actor_id=lead.id)
    store.assign(Target.group(rows[0].group_id), ann.id, actor_id=lead.id)  # 6 money claims
    store.assign(Target.article("a00000-dai"), ann.id, actor_id=lead.id)  # + troops, turnout of article 0
    store.assign(Target.article("a00000-dai"), ann.id, actor_id=lead.id)  # twice is once
    assert store.claims_page(ClaimFilter(assigned_to=ann.id), 0, 0)[1] == 8
    assert len(store.assignments(user_id=ann.id)) == 3
    assert store.groups_page(GroupFilter(assigned_to=ann.id))[1] == 1
    assert store.unassign(Target.article("a00000-dai"), ann.id, actor_id=lead.id)
    assert store.claims_page(ClaimFilter(assigned_to=ann.id), 0, 0)[1] == 6
    actions = [e.action for e in store.audit_log(entity="assignment")]
    assert actions == ["assign", "assign", "assign", "unassign"]


# --- grouping and overrides --------------------------------------------------------------------------------

def test_new_claims_regroup_and_group_verdicts_follow_their_claims(store: Store) -> None:
    filled(store)
    ann = store.ensure_reviewer("ann")
    lee = store.create_user("lee", role=Role.LEAD)
    g = store.groups_page(GroupFilter(text="turnout"))[0][0]
    v = store.save_verdict(Target.group(g.id), ann.id, "Inaccurate", note="checked", submit=True)
    store.add_source(Target.group(g.id), ann.id, SourceInput(url="https://stats.example", value=61.5))
    store.save_final_verdict(Target.group(g.id), lee.id, "Inaccurate", expected_version=0)
    arts, cls = make_batch(3, start=6)
    report = store.import_articles(arts, cls, grouper=noun_grouper)
    assert report.verdicts_carried == 2
    new = store.groups_page(GroupFilter(text="turnout"))[0][0]
    assert new.id != g.id and new.size == 9
    moved = store.verdict(Target.group(new.id), ann.id)
    assert moved is not None and moved.id == v.id and moved.note == "checked" and len(moved.sources) == 1
    assert store.final_verdict(Target.group(new.id)).label == "Inaccurate"  # type: ignore[union-attr]
    carried = [e for e in store.audit_log(entity="verdict") if e.action == "carry_verdict"]
    assert carried[0].before == {"target_id": g.id} and carried[0].after == {"target_id": new.id}


def test_merge_with_verdicts_on_both_sides_keeps_both_as_claim_verdicts(store: Store) -> None:
    filled(store)
    ann = store.ensure_reviewer("ann")
    troops = store.groups_page(GroupFilter(text="troops"))[0][0]
    boxes_art, boxes = make_article(50, "Daily Ledger", facts=(3,))
    store.import_articles([boxes_art], boxes, grouper=noun_grouper)
    cont = store.groups_page(GroupFilter(text="containers"))[0][0]
    store.save_verdict(Target.group(troops.id), ann.id, "Accurate", submit=True)
    store.save_verdict(Target.group(cont.id), ann.id, "Inaccurate", submit=True)
    t_claims = [c.id for c in store.group_detail(troops.id).claims]
    report = store.add_override(LinkKind.MUST, t_claims[0], boxes[0].id, actor_id=ann.id, grouper=noun_grouper)
    assert report.verdicts_carried == 2
    merged = store.groups_page(GroupFilter(text="troops"))[0][0]
    assert merged.size == 7
    # the troops verdict moved with the majority; the containers verdict stays on its claim
    assert store.verdict(Target.group(merged.id), ann.id).label == "Accurate"  # type: ignore[union-attr]
    assert store.verdict(Target.claim(boxes[0].id), ann.id).label == "Inaccurate"  # type: ignore[union-attr]
    assert [o.kind for o in store.overrides()] == [LinkKind.MUST]


def test_cannot_link_splits_a_claim_out(store: Store) -> None:
    filled(store)
    ann = store.ensure_reviewer("ann")
    g = store.groups_page(GroupFilter(text="budget"))[0][0]
    members = [c.id for c in store.group_detail(g.id).claims]
    store.add_override(LinkKind.CANNOT, members[0], members[1], actor_id=ann.id, grouper=noun_grouper)
    assert store.claim(members[1]).claim.group_size == 1
    assert store.claim(members[0]).claim.group_size == 5
    with pytest.raises(InputError, match="itself"):
        store.add_override(LinkKind.MUST, members[0], members[0], actor_id=ann.id, grouper=noun_grouper)
    oid = store.overrides()[0].id
    store.remove_override(oid, actor_id=ann.id, grouper=noun_grouper)
    assert store.claim(members[1]).claim.group_size == 6


# --- users, scales, corrections, stats ---------------------------------------------------------------------

def test_users_roles_and_disabling(store: Store) -> None:
    admin = store.create_user("root", role=Role.ADMIN, password_hash="$argon2id$x")
    ann = store.ensure_reviewer("ann")
    assert store.ensure_reviewer("ann").id == ann.id
    with pytest.raises(InputError, match="already exists"):
        store.create_user("ann")
    assert store.password_hash(admin.id) == "$argon2id$x" and admin.has_password
    store.update_user(ann.id, actor_id=admin.id, role=Role.LEAD, disabled=True)
    assert store.user(ann.id).role is Role.LEAD  # type: ignore[union-attr]
    assert [u.name for u in store.reviewers()] == ["root"]
    filled(store, 1)
    cid = store.claims_page()[0][0].id
    with pytest.raises(StoreError, match="disabled"):
        store.save_verdict(Target.claim(cid), ann.id, "Accurate")
    entry = store.audit_log(entity="user", entity_id=str(ann.id))[-1]
    assert entry.before == {"role": "reviewer", "disabled": False} and entry.after == {"role": "lead", "disabled": True}


def test_scales_are_data(store: Store) -> None:
    admin = store.create_user("root", role=Role.ADMIN)
    s = store.create_scale("Three", [LabelSpec("True", 3, "t"), LabelSpec("Half", 2, "h"),
                                     LabelSpec("False", 1, "f", inaccurate=True)], actor_id=admin.id,
                           make_default=True)
    assert store.default_scale().id == s.id
    assert (s.best_rating, s.worst_rating) == (3, 1)
    lab = store.update_label(s.labels[1].id, actor_id=admin.id, label="Half true", rating_value=None)
    assert lab.label == "Half true" and lab.rating_value is None
    filled(store, 1)
    cid = store.claims_page()[0][0].id
    assert store.save_verdict(Target.claim(cid), admin.id, "f", submit=True).label == "False"
    with pytest.raises(InputError, match="unknown label 'Accurate'; the scale has: True, Half true, False"):
        store.save_verdict(Target.claim(cid), admin.id, "Accurate")


def test_corrections_are_recorded_per_reviewer(store: Store) -> None:
    filled(store, 1)
    ann = store.ensure_reviewer("ann")
    cid = store.claims_page()[0][0].id
    c1 = store.record_correction(cid, ann.id, low=4100, noun="soldiers")
    assert (c1.low, c1.high, c1.noun, c1.version) == (4100, 4100, "soldiers", 1)
    c2 = store.record_correction(cid, ann.id, not_a_claim=True, expected_version=1)
    assert c2.not_a_claim and c2.version == 2
    from workbench.errors import ConflictError

    with pytest.raises(ConflictError):
        store.record_correction(cid, ann.id, low=1, expected_version=1)
    assert [c.version for c in store.claim(cid).corrections] == [2]
    assert [e.action for e in store.audit_log(entity="correction")] == ["correct_extraction"] * 2


def test_stats_for_the_dashboard(store: Store) -> None:
    filled(store)
    ann = store.ensure_reviewer("ann")
    troops = store.groups_page(GroupFilter(text="troops"))[0][0]
    budget = store.groups_page(GroupFilter(text="budget"))[0][0]
    store.save_verdict(Target.group(troops.id), ann.id, "Inaccurate", submit=True)
    first = store.group_detail(troops.id).claims[0]
    store.save_verdict(Target.claim(first.id), ann.id, "Accurate", submit=True)  # exception inside the group
    store.save_verdict(Target.group(budget.id), ann.id, "Not a claim", submit=True)
    store.save_verdict(Target.claim(store.claims_page(ClaimFilter(kind=Kind.PERCENT))[0][0].id), ann.id,
                       "Misleading")  # a draft counts for nothing
    st = store.stats()
    assert (st.claims, st.articles, st.outlets, st.groups, st.discrepant_groups) == (18, 6, 3, 3, 3)
    assert st.reviewed_claims == 12 and st.final_claims == 0
    assert dict(st.verdict_distribution) == {"Accurate": 1, "Inaccurate": 5, "Not a claim": 6}
    by = {o.outlet: o for o in st.by_outlet}
    assert (by["Daily Ledger"].rated, by["Daily Ledger"].inaccurate) == (2, 1)  # first troops claim is own
    assert by["Morning Post"].inaccurate_rate == 1.0
    (p,) = st.per_reviewer
    assert (p.reviewer, p.drafts, p.submitted, p.claims_covered) == ("ann", 1, 3, 13)


def test_backup_is_a_consistent_copy(tmp_path) -> None:
    s = Store.open(str(tmp_path / "live.db"))
    filled(s)
    dest = s.backup(tmp_path / "copy.db")
    with pytest.raises(StoreError, match="exists"):
        s.backup(dest)
    copy = Store.open(str(dest))
    assert copy.counts() == s.counts()
    con = sqlite3.connect(dest)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()
    copy.close()
    s.close()


def test_backup_of_postgresql_explains_pg_dump() -> None:
    s = Store(create_engine("postgresql+psycopg://u:secret@h/db"), "postgresql+psycopg://u:secret@h/db")
    with pytest.raises(StoreError, match="pg_dump") as err:
        s.backup("x.dump")
    assert "secret" not in str(err.value)


def test_import_regroups_only_claims_that_could_join_the_new_ones(store: Store) -> None:
    filled(store)  # troops (count), budget (money), turnout (percent)
    before = {g.noun: g.id for g in store.groups_page()[0]}
    seen: list[set[str]] = []

    def recording(claims, overrides):  # type: ignore[no-untyped-def]
        seen.append({c.kind.value for c in claims})
        return noun_grouper(claims, overrides)

    a, c = make_article(77, "Evening Star", facts=(2,))  # one more turnout figure
    store.import_articles([a], c, grouper=recording)
    assert seen == [{"percent"}]
    after = {g.noun: g.id for g in store.groups_page()[0]}
    assert after["troops"] == before["troops"] and after["budget"] == before["budget"]
    assert after["turnout"] != before["turnout"]
    # the partial regroup agrees with regrouping everything
    assert store.regroup(grouper=noun_grouper).changed == 0


def test_the_store_fixtures_sqlite_template_is_what_migrating_writes(sqlite_template, tmp_path) -> None:
    """The store fixture copies a database migrated once; a fresh migration must give the same schema, rows
    and revision, or the copy would test another database than users get."""
    import sqlite3

    fresh = tmp_path / "fresh.db"
    Store.open(f"sqlite:///{fresh}").close()

    def dump(path) -> list[str]:  # type: ignore[no-untyped-def]
        con = sqlite3.connect(path)
        try:
            return list(con.iterdump())
        finally:
            con.close()

    assert dump(sqlite_template) == dump(fresh)
