"""Exports: verdict CSV (safety, exact bytes, round-trip through import-verdicts), history CSV (names,
changes without a signed-in user), agreement CSV and ClaimReview JSON-LD, on SQLite and (when configured)
PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storekit import BACKENDS, PgSchema, db_url, make_batch, noun_grouper, store  # noqa: F401 - fixtures
from workbench import cells
from workbench import export
from workbench.cli import main
from workbench.errors import WorkbenchError
from workbench.models import Kind
from workbench.store import ClaimFilter, GroupFilter, SourceInput, Store, Target


def fill(store: Store, n: int = 6) -> None:
    arts, cls = make_batch(n)
    store.import_articles(arts, cls, grouper=noun_grouper)


def parse(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("text, cell", [
    ("=1+1", "'=1+1"), ("+44 20", "'+44 20"), ("-5 people", "'-5 people"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("'quoted", "''quoted"), ("plain", "plain"), ("", ""), ("NA", "NA"),
    ("007", "007"), ("a=b", "a=b"),
])
def test_safe_cell_neutralises_formulas_and_inverts(text: str, cell: str) -> None:
    assert cells.safe_cell(text) == cell
    assert export.unsafe_cell(cell) == text


@pytest.mark.parametrize("x, out", [(None, ""), (4200.0, "4200"), (2.3e9, "2300000000"), (-5.0, "-5"),
                                    (61.5, "61.5"), (0.1 + 0.2, "0.30000000000000004"), (1e20, "1e+20"), (3, "3")])
def test_numbers_stay_numbers(x, out) -> None:  # type: ignore[no-untyped-def]
    assert cells.fmt_number(x) == out


def test_verdict_csv_exact_bytes(store: Store) -> None:
    fill(store, 1)
    ann = store.ensure_reviewer("ann")
    money = store.claims_page(ClaimFilter(kind=Kind.MONEY))[0][0]
    t = Target.claim(money.id)
    store.save_verdict(t, ann.id, "Inaccurate", note='=HYPERLINK("x")\nsecond line', submit=True)
    store.add_source(t, ann.id, SourceInput(url="https://budget.example", value=2.0e9, unit="GBP"))
    when = store.verdict(t, ann.id).updated_at  # type: ignore[union-attr]
    data = export.verdict_csv_bytes(store, filters=ClaimFilter(kind=Kind.MONEY))
    detail = ('"[{""accessed"": null, ""archived_url"": null, ""as_of"": null, ""note"": """", ""publisher"": null, '
              '""title"": null, ""unit"": ""GBP"", ""url"": ""https://budget.example"", ""value"": 2000000000.0}]"')
    expected = (
        "\ufeff" + ",".join(export.VERDICT_COLUMNS) + "\r\n"
        f"{money.id},a00000-dai,Daily Ledger,https://news.example/0,2025-03-01,"
        "Officials said 2.3e+09 budget were counted in report 0.,2.3e+09,money,2300000000,2300000000,,GBP,budget,"
        f"budget counted,exact,{money.group_id},Inaccurate,1,claim,submitted,ann,,{when},https://budget.example,2000000000,GBP,"
        f"300000000,15,\"'=HYPERLINK(\"\"x\"\")\nsecond line\",{detail}\r\n"
    ).encode("utf-8")
    assert data == expected


def test_group_verdict_rows_say_which_scope_and_final_wins(store: Store) -> None:
    fill(store)
    ann = store.ensure_reviewer("ann")
    lee = store.ensure_reviewer("lee")
    g = store.groups_page(GroupFilter(text="troops"))[0][0]
    members = store.group_detail(g.id).claims
    store.save_verdict(Target.group(g.id), ann.id, "Inaccurate", submit=True)
    store.save_verdict(Target.claim(members[0].id), ann.id, "Accurate", submit=True)
    store.save_final_verdict(Target.claim(members[1].id), lee.id, "Misleading", expected_version=0)
    store.save_verdict(Target.claim(members[2].id), lee.id, "Accurate")  # draft: not exported
    rows = {r["claim_id"]: r for r in parse(export.verdict_csv_bytes(store))}
    got = [(rows[m.id]["verdict"], rows[m.id]["verdict_scope"], rows[m.id]["verdict_status"], rows[m.id]["reviewer"])
           for m in members[:3]]
    assert got == [("Accurate", "claim", "submitted", "ann"), ("Misleading", "claim", "final", "lee"),
                   ("Inaccurate", "group", "submitted", "ann")]
    assert sum(1 for r in rows.values() if r["verdict"]) == 6
    finals = parse(export.verdict_csv_bytes(store, final_only=True))
    assert [r["verdict"] for r in finals] == ["Misleading"]
    by_lee = parse(export.verdict_csv_bytes(store, reviewer="lee"))
    assert [r["claim_id"] for r in by_lee] == [members[1].id]
    outlet = parse(export.verdict_csv_bytes(store, filters=ClaimFilter(outlet="Morning Post")))
    assert {r["outlet"] for r in outlet} == {"Morning Post"} and len(outlet) == 6


def test_group_rows_compute_each_claims_own_gap(store: Store) -> None:
    fill(store)
    ann = store.ensure_reviewer("ann")
    g = store.groups_page(GroupFilter(text="troops"))[0][0]
    store.save_verdict(Target.group(g.id), ann.id, "Inaccurate", submit=True)
    store.add_source(Target.group(g.id), ann.id, SourceInput(url="https://mod.example", value=4200))
    gaps = {(r["low"], r["gap"], r["gap_pct"]) for r in parse(export.verdict_csv_bytes(store)) if r["verdict"]}
    assert gaps == {("4200", "0", "0"), ("4620", "420", "10")}


TRICKY = st.sampled_from(["", "NA", "N/A", "null", "007", "0", "-0", "1e5", "=1+1", "+1", "-2", "@x", "\tx",
                          "\rx", "'x", "''=x", '"', '""', 'say "hi"', "a,b", "a\nb", "a\r\nb", "\n", " ", "é€😀"])
TEXT = st.one_of(TRICKY, st.text(alphabet=st.characters(exclude_characters="\x00", exclude_categories=("Cs",)), max_size=40),
                 st.lists(TRICKY, min_size=2, max_size=4).map("".join))


@pytest.fixture(params=BACKENDS)
def two_stores(request: pytest.FixtureRequest, tmp_path) -> Iterator[tuple[Store, Store]]:  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        a, b = Store.open(str(tmp_path / "a.db")), Store.open(str(tmp_path / "b.db"))
        yield a, b
        a.close()
        b.close()
    else:
        with PgSchema() as ua, PgSchema() as ub:
            a, b = Store.open(ua), Store.open(ub)
            yield a, b
            a.close()
            b.close()


def importable_name(text: str) -> str:
    """``text`` as a name the import accepts: no control, bidi or invisible characters, not a reserved name."""
    import unicodedata

    name = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"))
    return name if export.name_problem(name.strip() or "anon") is None else "anon"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(note=TEXT, title=TEXT, url=TEXT, reviewer=TEXT.map(importable_name), scope_group=st.booleans(),
       final=st.booleans())
def test_csv_round_trip(two_stores: tuple[Store, Store], note: str, title: str, url: str, reviewer: str,
                        scope_group: bool, final: bool) -> None:
    a, b = two_stores
    if a.counts()["claims"] == 0:
        for s in (a, b):
            fill(s, 3)
    name = reviewer.strip() or "anon"
    who = a.ensure_reviewer(name)
    if scope_group:  # a group verdict shows on its claims (none of which has its own)
        claim = a.claims_page(ClaimFilter(kind=Kind.PERCENT))[0][0]
        t = Target.group(claim.group_id)  # type: ignore[arg-type]
    else:
        claim = a.claims_page(ClaimFilter(kind=Kind.MONEY))[0][0]
        t = Target.claim(claim.id)
    cur = a.verdict(t, who.id)
    a.save_verdict(t, who.id, "Misleading", note=note, submit=True, expected_version=cur.version if cur else 0)
    for s in a.verdict(t, who.id).sources:  # type: ignore[union-attr]
        a.remove_source(s.id, actor_id=who.id)
    if url.strip():
        a.add_source(t, who.id, SourceInput(url=url, title=title, note=note, value=61.0))
    f = a.final_verdict(t)
    if final or f is not None:  # once final, the final verdict is what the export shows
        a.save_final_verdict(t, who.id, "Misleading", note=note, expected_version=f.version if f else 0,
                             basis_verdict_id=a.verdict(t, who.id).id)  # type: ignore[union-attr]
    data = export.verdict_csv_bytes(a)
    report = export.import_verdicts(b, io.StringIO(data.decode("utf-8"), newline=""), overwrite=True)
    assert report.skipped == ()
    back = export.verdict_csv_bytes(b)
    assert back.decode("utf-8").split("\r\n") == data.decode("utf-8").split("\r\n")
    # and the text itself survived exactly
    row = next(r for r in export.read_verdict_csv(io.StringIO(data.decode("utf-8"), newline=""))
               if r[1]["claim_id"] == claim.id)[1]
    assert row["note"] == note
    # importing the same file again changes nothing
    again = export.import_verdicts(b, io.StringIO(data.decode("utf-8"), newline=""))
    assert again.verdicts_saved == again.finals_saved == 0 and again.skipped == ()


def test_import_verdicts_refuses_to_overwrite_a_different_verdict(tmp_path) -> None:
    a, b = Store.open(str(tmp_path / "a.db")), Store.open(str(tmp_path / "b.db"))
    for s in (a, b):
        fill(s, 1)
    cid = a.claims_page()[0][0].id
    a.save_verdict(Target.claim(cid), a.ensure_reviewer("ann").id, "Accurate", submit=True)
    b.save_verdict(Target.claim(cid), b.ensure_reviewer("ann").id, "Inaccurate", submit=True)
    path = tmp_path / "v.csv"
    export.write_verdict_csv(a, path)
    report = export.import_verdicts(b, path)
    assert report.verdicts_saved == 0 and "use --overwrite" in report.skipped[0][1]
    assert b.verdict(Target.claim(cid), b.user_by_name("ann").id).label == "Inaccurate"  # type: ignore[union-attr]
    a.close()
    b.close()


@pytest.mark.parametrize("content, message", [
    ("", "is empty"),
    ("claim_id,verdict\r\nx,Accurate\r\n", "missing column"),
    (",".join(export.VERDICT_COLUMNS) + "\r\nonly,three,cells\r\n", "line 2: 3 cells"),
])
def test_bad_verdict_csv_is_a_clear_error(tmp_path, content: str, message: str) -> None:
    from workbench.errors import InputError

    p = tmp_path / "bad.csv"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as err:
        export.read_verdict_csv(p)
    assert str(p) in str(err.value)


def test_history_csv_lists_every_change(store: Store) -> None:
    fill(store, 1)
    ann = store.ensure_reviewer("ann")
    cid = store.claims_page()[0][0].id
    store.save_verdict(Target.claim(cid), ann.id, "Accurate")
    store.save_verdict(Target.claim(cid), ann.id, "Inaccurate", note="-1 off", submit=True)
    rows = parse(export.history_csv_bytes(store))
    assert [r["action"] for r in rows] == ["import", "create_user", "save_draft", "submit_verdict"]
    last = rows[-1]
    assert last["actor"] == "ann" and last["entity"] == "verdict"
    assert json.loads(last["before"])["label"] == "Accurate"
    assert json.loads(last["after"])["note"] == "-1 off" and json.loads(last["after"])["version"] == 2
    assert last["at"].endswith("+00:00")


def test_claimreview_has_every_required_field(store: Store) -> None:
    fill(store)
    ann = store.ensure_reviewer("ann")
    lee = store.ensure_reviewer("lee")
    g = store.groups_page(GroupFilter(text="troops"))[0][0]
    store.save_verdict(Target.group(g.id), ann.id, "Inaccurate", note="The ministry says 4,000.", submit=True)
    money = store.claims_page(ClaimFilter(kind=Kind.MONEY))[0][0]
    store.save_final_verdict(Target.claim(money.id), lee.id, "Accurate", expected_version=0)
    pct = store.claims_page(ClaimFilter(kind=Kind.PERCENT))[0][0]
    store.save_verdict(Target.claim(pct.id), ann.id, "Not a claim", submit=True)  # no rating: left out
    reviews = export.claimreview(store, organisation="Fact Desk", review_url="https://factdesk.example/{kind}/{id}")
    assert len(reviews) == 2
    for r in reviews:
        assert export.validate_claimreview(r) == []
        assert r["author"] == {"@type": "Organization", "name": "Fact Desk"}
    group_review = next(r for r in reviews if r["url"].endswith(g.id))
    assert group_review["reviewRating"] == {"@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1,
                                            "alternateName": "Inaccurate"}
    apps = group_review["itemReviewed"]["appearance"]
    assert len(apps) == 6 and {a["publisher"]["name"] for a in apps} == {"Daily Ledger", "Morning Post", "The Courier"}
    assert apps[0]["headline"] == "Story 0 (Daily Ledger)" and apps[0]["url"] == "https://news.example/0"
    assert group_review["claimReviewed"] == store.claim(g.representative).claim.sentence
    assert json.loads(export.claimreview_json(store)) == export.claimreview(store)


def test_validate_claimreview_catches_missing_fields() -> None:
    problems = export.validate_claimreview({"@type": "ClaimReview", "reviewRating": {"@type": "Rating",
                                            "ratingValue": 9, "bestRating": 5, "worstRating": 1}})
    assert "missing claimReviewed" in problems and "reviewRating.ratingValue is outside worstRating..bestRating" in problems
    assert "itemReviewed.appearance is empty" in problems


def test_cli_export_and_import_verdicts_round_trip(tmp_path, capsys) -> None:
    a_url, b_url = f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}"
    a, b = Store.open(a_url), Store.open(b_url)
    for s in (a, b):
        fill(s, 2)
    cid = a.claims_page()[0][0].id
    a.save_verdict(Target.claim(cid), a.ensure_reviewer("ann").id, "Accurate", note="+fine", submit=True)
    a.close()
    b.close()
    out = tmp_path / "verdicts.csv"
    assert main(["export", "--db", a_url, "--format", "csv", "--output", str(out)]) == 0
    assert main(["import-verdicts", str(out), "--db", b_url]) == 0
    assert "1 verdict(s) and 0 final verdict(s) saved" in capsys.readouterr().out
    again = tmp_path / "again.csv"
    assert main(["export", "--db", b_url, "--format", "csv", "-o", str(again)]) == 0
    assert again.read_bytes() == out.read_bytes()
    assert main(["export", "--db", a_url, "--format", "claimreview", "--base-url", "https://desk.example",
                 "-o", str(tmp_path / "cr.json")]) == 0
    assert len(json.loads((tmp_path / "cr.json").read_text())) == 1
    assert main(["export", "--db", a_url, "--format", "history"]) == 0
    assert "submit_verdict" in capsys.readouterr().out
    assert main(["export", "--db", a_url, "--format", "csv", "-o", str(tmp_path / "no" / "x.csv")]) == 2


def test_history_csv_marks_changes_made_without_a_signed_in_user(store: Store) -> None:
    fill(store, 1)  # an import as the command line makes it: no acting user
    store.set_setting("claimreview.organisation", "Fact Desk", actor_id=None)
    rows = parse(export.history_csv_bytes(store))
    assert [(r["action"], r["actor"], r["affected_user"]) for r in rows] == [
        ("import", "command line", ""), ("set_setting", "command line", "")]
    assert list(rows[0]) == list(export.HISTORY_COLUMNS)


@given(name=TEXT)
@settings(max_examples=60, deadline=None)
def test_history_csv_names_round_trip_and_never_run_as_formulas(tmp_path_factory, name: str) -> None:
    # the people in the history are untrusted text too (single-user mode takes any name in the sidebar)
    with Store.open(str(tmp_path_factory.mktemp("h") / "h.db")) as s:
        name = name.strip()
        if not name or name in export.RESERVED_NAMES:
            return
        try:
            who = s.ensure_reviewer(name)
        except WorkbenchError:  # a name the store refuses (e.g. control characters) is never in the history
            return
        rows = parse(export.history_csv_bytes(s))
        [created] = rows
        for cell in (created["actor"], created["affected_user"]):
            assert not cell.startswith(cells.FORMULA_START)
            assert export.unsafe_cell(cell) == who.name


def test_agreement_csv_exact_bytes() -> None:
    rows = [
        {"scope": "overall", "items": 4, "ratings": 8, "reviewers": 2, "percent_agreement": 0.75,
         "alpha_nominal": 0.5333333333333333, "alpha_ordinal": None},
        {"scope": "pair", "reviewer_a": "ann", "reviewer_b": "=cmd|' /C calc'!A0", "items": 4, "reviewers": 2,
         "percent_agreement": 0.75, "expected_agreement": 0.5, "kappa": 0.5},
        {"scope": "breakdown", "dimension": "story", "key": "-12% \"cut\", or not", "items": 2, "kappa": -0.25},
    ]
    assert export.agreement_csv_bytes(rows) == (
        "\ufeffscope,dimension,key,reviewer_a,reviewer_b,items,ratings,reviewers,percent_agreement,"
        "expected_agreement,kappa,alpha_nominal,alpha_ordinal\r\n"
        "overall,,,,,4,8,2,0.75,,,0.5333333333333333,\r\n"
        "pair,,,ann,'=cmd|' /C calc'!A0,4,,2,0.75,0.5,0.5,,\r\n"
        "breakdown,story,\"'-12% \"\"cut\"\", or not\",,,2,,,,,-0.25,,\r\n"
    ).encode("utf-8")
    assert export.AGREEMENT_COLUMNS == tuple(
        "scope dimension key reviewer_a reviewer_b items ratings reviewers percent_agreement expected_agreement "
        "kappa alpha_nominal alpha_ordinal".split())


NAME = st.one_of(TEXT, st.sampled_from(["=1+1", "+44", "-x", "@A1", "'q", "\tT"])).map(str.strip).filter(bool)


@given(reviewers=st.lists(NAME, min_size=2, max_size=3, unique=True), story=NAME, outlet=NAME,
       labels=st.lists(st.lists(st.sampled_from(["Accurate", "Inaccurate", "Misleading"]), min_size=3,
                                max_size=3), min_size=2, max_size=5))
@settings(max_examples=80, deadline=None)
def test_agreement_csv_round_trips_real_reports(reviewers, story, outlet, labels) -> None:
    from workbench.agreement import Rating, agreement_report, report_rows

    ratings = [Rating(f"claim:{i}", who, item[j], story=story, outlet=outlet, kind="count")
               for i, item in enumerate(labels) for j, who in enumerate(reviewers)]
    rows = report_rows(agreement_report(ratings))
    parsed = parse(export.agreement_csv_bytes(rows))
    assert len(parsed) == len(rows)
    for want, got in zip(rows, parsed):
        for col in export.AGREEMENT_COLUMNS:
            value, cell = want.get(col), got[col]
            if value is None:
                assert cell == ""
            elif isinstance(value, str):
                assert not cell.startswith(cells.FORMULA_START)
                assert export.unsafe_cell(cell) == value
            else:
                assert float(cell) == pytest.approx(value, nan_ok=True), col


@given(st.lists(st.tuples(st.one_of(st.none(), st.text(max_size=8), st.floats(allow_nan=True), st.integers(),
                                    st.booleans()), st.booleans()), max_size=12))
def test_a_row_of_cells_is_each_cell_as_the_one_cell_writer_writes_it(cells) -> None:  # type: ignore[no-untyped-def]
    from workbench.cells import csv_cell, csv_row

    values, numeric = [v for v, _ in cells], [n for _, n in cells]
    assert csv_row(values, numeric) == [csv_cell(v, n) for v, n in cells]
