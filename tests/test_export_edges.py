"""Export edges: formulas hidden behind whitespace, invisible characters and full-width signs; one cell
writer for every CSV; ClaimReview addresses from the publisher's base URL, appearance addresses only when
they are http(s)."""

from __future__ import annotations

import dataclasses
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storekit import db_url, make_batch, noun_grouper, store  # noqa: F401 - fixtures
from workbench import cells, export
from workbench.cli import extract_cmds, main
from workbench.models import Kind
from workbench.store import ClaimFilter, Store, Target


@pytest.mark.parametrize("text", [
    " =1+1", "  +44 20", "\n=cmd|' /C calc'!A0", "\r\n@SUM(A1)", "\u200b=1+1", "\ufeff=HYPERLINK(\"x\")",
    "\u00a0-5", "\u2060\u200d=1", "\u3000=1", "\uff1d1+1", "\uff0b44", "\uff0d5", "\uff20SUM(A1)", " \uff1d1",
])
def test_formulas_behind_invisible_characters_or_in_full_width_are_neutralised(text: str) -> None:
    assert cells.safe_cell(text) == "'" + text
    assert cells.unsafe_cell(cells.safe_cell(text)) == text
    assert cells.safe_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["plain", "a=b", " 5 people", "\u200bword", "NA", "", "   ", "x－1"])
def test_text_that_is_no_formula_is_left_alone(text: str) -> None:
    assert cells.safe_cell(text) == text


@given(st.text(max_size=30))
def test_safe_cell_round_trips_and_never_leaves_a_formula(text: str) -> None:
    cell = cells.safe_cell(text)
    assert cells.unsafe_cell(cell) == text
    assert not cells.is_formula_like(cell) or cell.startswith("'")


@given(st.one_of(st.none(), st.text(max_size=20), st.integers(-10**6, 10**6),
                 st.floats(allow_nan=False, allow_infinity=False)))
def test_extract_csv_writes_cells_with_the_export_writer(value: object) -> None:
    numeric = isinstance(value, (int, float))
    assert extract_cmds._cell(value) == cells.csv_cell(value, numeric=numeric)


def test_extract_csv_neutralises_a_hidden_formula(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "arts.jsonl"
    path.write_text(json.dumps({"id": "a1", "outlet": "\u200b=HYPERLINK(\"x\")", "title": "T",
                                "text": "The council built 4,200 homes last year."}) + "\n", encoding="utf-8")
    assert main(["extract", str(path), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "'\u200b=HYPERLINK" in out


# --- ClaimReview -------------------------------------------------------------------------------------------


def rated(store: Store, bad_url: str | None = None) -> str:
    arts, cls = make_batch(3)
    if bad_url is not None:
        arts = [dataclasses.replace(a, url=bad_url) for a in arts]
    store.import_articles(arts, cls, grouper=noun_grouper)
    money = store.claims_page(ClaimFilter(kind=Kind.MONEY))[0][0]
    store.save_verdict(Target.claim(money.id), store.ensure_reviewer("ann").id, "Inaccurate", submit=True)
    return money.id


def test_review_url_comes_from_the_publisher_base_url(store: Store) -> None:  # noqa: F811
    cid = rated(store)
    store.set_setting(export.BASE_URL_SETTING, "https://factdesk.example/checks/", actor_id=None)
    (review,) = export.claimreview(store)
    assert review["url"] == f"https://factdesk.example/checks/claim/{cid}"
    assert export.validate_claimreview(review) == []


def test_base_url_from_the_environment(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    cid = rated(store)
    monkeypatch.setenv(export.BASE_URL_ENV, "https://desk.example")
    assert export.claimreview(store, require_url=True)[0]["url"] == f"https://desk.example/claim/{cid}"


def test_without_a_base_url_there_is_no_made_up_address(store: Store, monkeypatch) -> None:  # noqa: F811
    monkeypatch.delenv(export.BASE_URL_ENV, raising=False)
    rated(store)
    (review,) = export.claimreview(store)
    assert "url" not in review
    assert "missing url" in export.validate_claimreview(review)
    with pytest.raises(export.ExportError) as e:
        export.claimreview(store, require_url=True)
    assert "base URL" in str(e.value) and export.BASE_URL_ENV in str(e.value) and "--review-url" in str(e.value)


@pytest.mark.parametrize("kw", [{"base_url": "javascript:alert(1)"}, {"base_url": "factdesk.example"},
                                {"review_url": "ftp://factdesk.example/{id}"}, {"review_url": "https://x/{nope}"}])
def test_an_address_that_is_not_http_is_refused(store: Store, kw: dict) -> None:  # noqa: F811
    rated(store)
    with pytest.raises(export.ExportError):
        export.claimreview(store, **kw)


@pytest.mark.parametrize("bad", ["javascript:alert(1)", "file:///etc/passwd", "https://", "http://a b.example/",
                                 "data:text/html,<b>x</b>"])
def test_appearance_urls_are_kept_only_when_http(store: Store, bad: str) -> None:  # noqa: F811
    rated(store, bad_url=bad)
    (review,) = export.claimreview(store, base_url="https://desk.example")
    for work in review["itemReviewed"]["appearance"]:
        assert "url" not in work and work["headline"]
    assert export.validate_claimreview(review) == []


def test_validate_flags_an_appearance_that_is_not_http() -> None:
    obj = {"url": "urn:x:1", "itemReviewed": {"@type": "Claim",
                                              "appearance": [{"@type": "CreativeWork", "url": "javascript:x"}]}}
    problems = export.validate_claimreview(obj)
    assert "url is not an http(s) address" in problems
    assert "appearance 0: url is not an http(s) address" in problems


# --- the command line's ClaimReview export --------------------------------------------------------------


def test_cli_claimreview_export_refuses_without_a_base_url(store: Store, db_url: str, tmp_path,  # noqa: F811
                                                          capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv(export.BASE_URL_ENV, raising=False)
    rated(store)
    out = tmp_path / "cr.json"
    assert main(["export", "--db", db_url, "--format", "claimreview", "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "--base-url" in err and export.BASE_URL_SETTING in err and export.BASE_URL_ENV in err
    assert not out.exists() and not list(tmp_path.glob("cr.json*"))  # nothing half-written


@pytest.mark.parametrize("how", ["option", "setting", "environment"])
def test_cli_claimreview_export_takes_the_base_url_from_option_setting_or_environment(
        store: Store, db_url: str, tmp_path, monkeypatch, how: str) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    monkeypatch.delenv(export.BASE_URL_ENV, raising=False)
    cid = rated(store)
    args = ["export", "--db", db_url, "--format", "claimreview", "-o", str(tmp_path / "cr.json")]
    if how == "option":
        args += ["--base-url", "https://factdesk.example/checks"]
    elif how == "setting":
        store.set_setting(export.BASE_URL_SETTING, "https://factdesk.example/checks", actor_id=None)
    else:
        monkeypatch.setenv(export.BASE_URL_ENV, "https://factdesk.example/checks")
    assert main(args) == 0
    (review,) = json.loads((tmp_path / "cr.json").read_text(encoding="utf-8"))
    assert review["url"] == f"https://factdesk.example/checks/claim/{cid}"
    assert export.validate_claimreview(review) == []


def test_cli_claimreview_export_refuses_a_base_url_that_is_not_http(store: Store, db_url: str, tmp_path,  # noqa: F811
                                                                    capsys) -> None:  # type: ignore[no-untyped-def]
    rated(store)
    assert main(["export", "--db", db_url, "--format", "claimreview", "--base-url", "javascript:alert(1)",
                 "-o", str(tmp_path / "cr.json")]) == 2
    assert "not an http(s) address" in capsys.readouterr().err
