"""The Streamlit app under AppTest: every screen on an empty and on a filled database, and the behaviour a
fact-checker relies on (save and next, drafts that survive, stale saves refused, group verdicts, exports).

Each test gets its own SQLite file (``WORKBENCH_DB``); the filled one is a copy of the sample articles
imported once per session with the real extractor. Nothing in Streamlit or the store is patched.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from ui.text import escape_md, group_title, short  # noqa: E402
from ui.widgets import wkey  # noqa: E402
from workbench.models import LinkKind  # noqa: E402
from workbench.desk import Desk  # noqa: E402
from workbench.store import ClaimFilter, ClaimStatus, GroupFilter, Store, Target  # noqa: E402

APP = str(ROOT / "streamlit_app.py")
PAGES = {
    "review": "app_pages/review.py",
    "groups": "app_pages/groups.py",
    "import": "app_pages/importing.py",
    "export": "app_pages/export.py",
    "dash": "app_pages/dashboard.py",
}
TITLES = {"review": "Review", "groups": "Groups", "import": "Import", "export": "Export", "dash": "Dashboard"}
TIMEOUT = 60


@pytest.fixture(scope="session")
def sample_template(tmp_path_factory) -> Path:
    """The sample articles imported once (real extractor, real grouping) into a SQLite file to copy."""
    path = tmp_path_factory.mktemp("sample") / "sample.db"
    with Store.open(f"sqlite:///{path}") as store:
        report = Desk(store).import_paths(None, [ROOT / "data"])
        assert report.articles_new == 28 and not report.refused
        store.set_setting("app.sample_imported", {"folder": "data"}, actor_id=None)
    return path


@pytest.fixture()
def empty_db(tmp_path, monkeypatch) -> str:
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    monkeypatch.setenv("WORKBENCH_DB", url)
    monkeypatch.setenv("WORKBENCH_SAMPLE", "off")
    return url


@pytest.fixture()
def filled_db(tmp_path, monkeypatch, sample_template) -> str:
    path = tmp_path / "filled.db"
    shutil.copy(sample_template, path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("WORKBENCH_DB", url)
    monkeypatch.setenv("WORKBENCH_SAMPLE", "off")
    return url


@pytest.fixture()
def store(filled_db):
    with Store.open(filled_db) as s:
        yield s


def open_app(page: str | None = None, reviewer: str | None = None, store: Store | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, at.exception
    if reviewer is not None:
        assert store is not None
        store.ensure_reviewer(reviewer)
        at.run()
        at.selectbox(key="sidebar_reviewer").select(reviewer).run()
    if page is not None:
        at.switch_page(PAGES[page]).run()
    assert not at.exception, at.exception
    return at


def table_with(at: AppTest, column: str):
    """The first table on screen with this column, as a pandas DataFrame."""
    for df in at.dataframe:
        value = df.value
        if column in value.columns:
            return value
    raise AssertionError(f"no table with a {column!r} column")


def widget_keys(at: AppTest) -> list[tuple[str, str | None]]:
    out = []
    for kind in ("button", "selectbox", "text_input", "text_area", "checkbox", "multiselect", "number_input",
                 "date_input", "segmented_control", "pills", "toggle", "file_uploader", "download_button", "radio"):
        for w in getattr(at, kind):
            out.append((kind, w.key))
    return out


# --- every screen runs -------------------------------------------------------------------------------------

@pytest.mark.parametrize("page", list(PAGES))
def test_every_screen_runs_on_an_empty_database(empty_db, page):
    at = open_app(page)
    assert [t.value for t in at.title] == [TITLES[page]]
    assert not at.error
    if page in ("review", "dash"):
        assert any("Import" in i.value for i in at.info), "an empty database points to the Import screen"


@pytest.mark.parametrize("page", list(PAGES))
def test_every_screen_runs_on_a_filled_database(filled_db, store, page):
    at = open_app(page, reviewer="Alice", store=store)
    assert [t.value for t in at.title] == [TITLES[page]]
    assert not at.error
    if page == "review":
        first, total = store.claims_page(ClaimFilter(), 0, 1)
        assert total > 100
        assert any(escape_md(first[0].surface) in m.value for m in at.markdown)
    if page == "groups":
        assert table_with(at, "reads as").shape[0] >= 2
    if page == "dash":
        assert [m.label for m in at.metric][:2] == ["Claims", "Reviewed"]


@pytest.mark.parametrize("page", list(PAGES))
def test_every_widget_has_a_page_prefixed_key(filled_db, store, page):
    at = open_app(page, reviewer="Alice", store=store)
    prefix = {"dash": "dash_"}.get(page, f"{page}_")
    for kind, key in widget_keys(at):
        assert key is not None, f"a {kind} on the {page} screen has no key"
        assert key.startswith((prefix, "sidebar_")), f"{kind} key {key!r} lacks the {prefix!r} prefix"


def test_the_sample_is_imported_once_into_an_empty_database(tmp_path, monkeypatch):
    sample = tmp_path / "sample"
    (sample / "the-lantern").mkdir(parents=True)
    shutil.copy(ROOT / "data/txt/the-lantern/hollinsford-flood.txt", sample / "the-lantern")
    url = f"sqlite:///{tmp_path / 'first.db'}"
    monkeypatch.setenv("WORKBENCH_DB", url)
    monkeypatch.setenv("WORKBENCH_SAMPLE", str(sample))
    at = open_app()
    assert not at.exception
    with Store.open(url) as s:
        assert s.counts()["articles"] == 1
        assert s.get_setting("app.sample_imported")["articles"] == 1
        _, total = s.claims_page(ClaimFilter(), 0, 1)
    assert total > 5
    assert any("Hollinsford" in m.value or "2,300" in m.value for m in at.markdown)


def test_a_database_that_had_the_sample_is_not_filled_again(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'kept-empty.db'}"
    with Store.open(url) as s:
        s.set_setting("app.sample_imported", {"folder": "data"}, actor_id=None)
    monkeypatch.setenv("WORKBENCH_DB", url)
    monkeypatch.setenv("WORKBENCH_SAMPLE", str(ROOT / "data"))
    open_app("review")
    with Store.open(url) as s:
        assert s.counts()["articles"] == 0


# --- review ----------------------------------------------------------------------------------------------

def open_box(at: AppTest, key: str) -> AppTest:
    """Open an expander of the review screen (its content is drawn only while open), as a click on it does."""
    at.session_state[key] = True
    return at.run()


def current_claim(at: AppTest) -> str:
    return at.session_state["review_current"]


def verdict_button(at: AppTest, store: Store, label: str):
    lab = store.default_scale().label(label)
    return at.button(key=f"review_verdict_{lab.id}")


def test_a_verdict_key_saves_note_and_source_and_moves_to_the_next_claim(filled_db, store):
    at = open_app("review", reviewer="Alice", store=store)
    first = current_claim(at)
    claim = store.claim(first).claim
    note_key = next(w.key for w in at.text_area if w.key.startswith("review_note_"))
    at.text_area(key=note_key).input("Council figure is 3,100 homes").run()
    open_box(at, "review_source_open")
    url_key = next(w.key for w in at.text_input if w.key.startswith("review_src_url_"))
    fig_key = next(w.key for w in at.text_input if w.key.startswith("review_src_figure_"))
    at.text_input(key=url_key).input("https://example.org/council-report").run()
    at.text_input(key=fig_key).input(f"{claim.value * 2:g}").run()
    assert any("Gap, claim minus source" in c.value for c in at.caption)
    verdict_button(at, store, "Inaccurate").click().run()
    assert not at.exception
    alice = store.user_by_name("Alice")
    v = store.verdict(Target.claim(first), alice.id)
    assert (v.label, v.status.value, v.note) == ("Inaccurate", "submitted", "Council figure is 3,100 homes")
    assert [s.url for s in v.sources] == ["https://example.org/council-report"]
    assert v.sources[0].gap == pytest.approx(claim.value - claim.value * 2)
    assert current_claim(at) != first, "save and next moved on"
    assert any("Inaccurate" in s.value for s in at.success)
    # the queue shows what is left to review: the saved claim has left it
    assert first not in at.session_state["review_page_ids"]


def test_saved_verdicts_are_read_fresh_by_another_session(filled_db, store):
    alice = open_app("review", reviewer="Alice", store=store)
    first = current_claim(alice)
    bob = open_app("review", reviewer="Bob", store=store)
    assert current_claim(bob) == first
    verdict_button(alice, store, "Accurate").click().run()
    bob.run()
    assert any("Alice" in m.value and "Accurate" in m.value for m in bob.markdown), "Bob sees Alice's verdict"


def test_a_draft_survives_reruns_and_a_page_switch(filled_db, store):
    at = open_app("review", reviewer="Alice", store=store)
    note_key = next(w.key for w in at.text_area if w.key.startswith("review_note_"))
    at.text_area(key=note_key).input("half-way through checking the ONS table").run()
    at.switch_page(PAGES["groups"]).run()
    at.switch_page(PAGES["review"]).run()
    assert at.text_area(key=note_key).value == "half-way through checking the ONS table"
    at.button(key="review_save_draft").click().run()
    v = store.verdict(Target.claim(current_claim(at)), store.user_by_name("Alice").id)
    assert (v.status.value, v.label, v.note) == ("draft", None, "half-way through checking the ONS table")


def test_a_stale_save_shows_the_other_change_and_keeps_the_input(filled_db, store):
    at = open_app("review", reviewer="Alice", store=store)
    claim_id = current_claim(at)
    alice = store.user_by_name("Alice")
    note_key = next(w.key for w in at.text_area if w.key.startswith("review_note_"))
    at.text_area(key=note_key).input("my reading: the figure is wrong").run()
    # the same reviewer saves from another window after this screen was drawn
    store.save_verdict(Target.claim(claim_id), alice.id, "Accurate", note="checked elsewhere", submit=True)
    verdict_button(at, store, "Inaccurate").click().run()
    assert not at.exception
    warning = " ".join(w.value for w in at.warning)
    assert "Not saved" in warning and "Accurate" in warning and "checked elsewhere" in warning
    assert store.verdict(Target.claim(claim_id), alice.id).label == "Accurate", "nothing overwritten"
    assert current_claim(at) == claim_id, "still on the same claim"
    assert at.text_area(key=note_key).value == "my reading: the figure is wrong", "input kept"
    # having seen it, saving again replaces it
    verdict_button(at, store, "Inaccurate").click().run()
    v = store.verdict(Target.claim(claim_id), alice.id)
    assert (v.label, v.note, v.version) == ("Inaccurate", "my reading: the figure is wrong", 2)


def test_a_claim_sentence_with_markup_is_shown_literally(filled_db, store):
    at = open_app("import", reviewer="Alice", store=store)
    text = ("Probe: <b>headline</b>\n\nOfficials said <script>alert(1)</script> **4,200** homes were hit, "
            "[see](javascript:alert(1)) :red[now] $x$ # too.")
    at.text_area(key="import_paste_text").input(text)
    at.text_input(key="import_paste_outlet").input("Probe Times").run()
    at.button(key="import_paste_go").click().run()
    assert not at.exception and not at.error
    assert [m.value for m in at.metric][:1] == ["1"]
    at.switch_page(PAGES["review"]).run()
    open_box(at, "review_filters_open")
    at.selectbox(key="review_f_outlet").select("Probe Times").run()
    marked = [m.value for m in at.markdown if escape_md("4,200") in m.value and "-background[**" in m.value]
    assert marked, "the sentence is shown with its number marked"
    md = marked[0]
    assert "<script>" not in md and "\\<script\\>" in md
    assert "[see](" not in md and "\\[see\\]\\(javascript" in md
    assert ":red[" not in md and "\\*\\*" in md


def test_a_correction_is_recorded_as_such(filled_db, store):
    at = open_app("review", reviewer="Alice", store=store)
    claim_id = current_claim(at)
    open_box(at, "review_fix_open")
    key = next(w.key for w in at.checkbox if w.key.startswith("review_fix_not_claim_"))
    at.checkbox(key=key).check()
    note = next(w.key for w in at.text_input if w.key.startswith("review_fix_note_"))
    at.text_input(key=note).input("a schedule, not a checkable figure").run()
    at.button(key="review_save_fix").click().run()
    [c] = store.corrections(claim_id)
    assert (c.reviewer, c.not_a_claim, c.note) == ("Alice", True, "a schedule, not a checkable figure")


def test_a_bad_figure_in_the_source_form_is_refused_with_the_reason(filled_db, store):
    at = open_app("review", reviewer="Alice", store=store)
    claim_id = current_claim(at)
    open_box(at, "review_source_open")
    url_key = next(w.key for w in at.text_input if w.key.startswith("review_src_url_"))
    fig_key = next(w.key for w in at.text_input if w.key.startswith("review_src_figure_"))
    at.text_input(key=url_key).input("https://example.org/x")
    at.text_input(key=fig_key).input("lots").run()
    verdict_button(at, store, "Accurate").click().run()
    assert any("is not a figure" in e.value for e in at.error)
    assert store.verdict(Target.claim(claim_id), store.user_by_name("Alice").id) is None
    assert current_claim(at) == claim_id


def test_without_a_reviewer_nothing_can_be_saved(filled_db, store):
    at = open_app("review")
    assert at.button(key=f"review_verdict_{store.default_scale().labels[0].id}").disabled
    assert any("Choose who is reviewing" in i.value for i in at.info)


def test_adding_a_reviewer_in_the_sidebar_makes_them_the_current_user(empty_db):
    at = open_app()
    at.text_input(key="sidebar_new_reviewer").input("Sam Carter")
    at.button(key="sidebar_add_reviewer").click().run()
    assert at.session_state["sidebar_reviewer"] == "Sam Carter"
    with Store.open(empty_db) as s:
        assert at.session_state["app_user_id"] == s.user_by_name("Sam Carter").id


# --- groups ----------------------------------------------------------------------------------------------

def first_group(store: Store):
    from workbench.store import GroupFilter

    rows, _ = store.groups_page(GroupFilter(min_outlets=2), 0, 1)
    return store.group_detail(rows[0].id)


def test_one_verdict_for_the_group_with_an_exception(filled_db, store):
    at = open_app("groups", reviewer="Alice", store=store)
    detail = first_group(store)
    assert at.session_state["groups_current"] == detail.group.id
    scale = store.default_scale()
    accurate, inaccurate = scale.label("Accurate").id, scale.label("Inaccurate").id
    seg = next(w for w in at.pills if w.key.startswith("groups_label_"))
    seg.set_value(accurate)
    odd = detail.claims[-1].id
    exc_key = wkey("groups", "except", detail.group.id, odd)
    at.selectbox(key=exc_key).set_value(inaccurate).run()
    at.button(key="groups_save_verdict").click().run()
    assert not at.exception and not at.error
    alice = store.user_by_name("Alice")
    assert store.verdict(Target.group(detail.group.id), alice.id).label == "Accurate"
    assert store.verdict(Target.claim(odd), alice.id).label == "Inaccurate"
    from workbench.export import verdict_rows

    got = {r.claim_id: (r.verdict, r.verdict_scope) for r in verdict_rows(store)
           if r.group == detail.group.id}
    assert got[odd] == ("Inaccurate", "claim")
    assert {v for k, v in got.items() if k != odd} == {("Accurate", "group")}


def test_two_reviewers_saving_the_final_verdict_the_later_stale_save_is_refused(filled_db, store):
    alice = open_app("groups", reviewer="Alice", store=store)
    bob = open_app("groups", reviewer="Bob", store=store)
    gid = first_group(store).group.id
    scale = store.default_scale()
    fk = next(w.key for w in alice.selectbox if w.key.startswith("groups_final_label_"))
    alice.selectbox(key=fk).set_value(scale.label("Inaccurate").id).run()
    bob.selectbox(key=fk).set_value(scale.label("Accurate").id).run()
    alice.button(key="groups_save_final").click().run()
    assert store.final_verdict(Target.group(gid)).label == "Inaccurate"
    bob.button(key="groups_save_final").click().run()
    warning = " ".join(w.value for w in bob.warning)
    assert "Not saved" in warning and "Alice" in warning and "Inaccurate" in warning
    final = store.final_verdict(Target.group(gid))
    assert (final.label, final.decided_by, final.version) == ("Inaccurate", "Alice", 1)
    assert bob.selectbox(key=fk).value == scale.label("Accurate").id, "Bob's choice is kept"
    assert any("Final: Inaccurate" in m.value for m in bob.markdown), "and Alice's shows"
    bob.button(key="groups_save_final").click().run()
    assert store.final_verdict(Target.group(gid)).label == "Accurate"


def test_splitting_a_claim_out_is_stored_as_an_override(filled_db, store):
    at = open_app("groups", reviewer="Alice", store=store)
    detail = first_group(store)
    out = detail.claims[0].id
    key = next(w.key for w in at.multiselect if w.key.startswith("groups_split_"))
    at.multiselect(key=key).set_value([out]).run()
    at.button(key="groups_split").click().run()
    assert not at.exception and not at.error
    links = store.overrides()
    assert links and all(o.kind is LinkKind.CANNOT for o in links)
    assert {o.a for o in links} | {o.b for o in links} >= {out}
    assert store.claim(out).claim.group_id != store.claim(detail.claims[1].id).claim.group_id


# --- import ----------------------------------------------------------------------------------------------

def finish_import(at: AppTest, limit_s: float = 120) -> None:
    """Rerun the screen until the import's worker process is done (the screen polls it twice a second)."""
    import time

    end = time.monotonic() + limit_s
    while "import_job" in at.session_state:
        assert time.monotonic() < end, "the import did not finish"
        time.sleep(0.2)
        at.run()
    assert not at.exception, at.exception


def test_uploads_are_imported_and_bad_files_refused_with_the_reason(empty_db):
    at = open_app("import")
    good = (ROOT / "data/txt/the-lantern/carrowby-tram.txt").read_bytes()
    at.file_uploader(key="import_files").set_value([
        ("the-lantern/carrowby-tram.txt", good, "text/plain"),
        ("empty.txt", b"", "text/plain"),
        ("rows.csv", b"id,outlet,body\n1,X,hello\n", "text/csv"),
    ]).run()
    at.text_input(key="import_outlet").input("The Lantern").run()
    at.button(key="import_files_go").click().run()
    finish_import(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["New articles"] == "1" and int(metrics["Claims found"]) > 5
    refused = table_with(at, "reason")
    assert list(refused["file"]) == ["empty.txt", "rows.csv"]
    assert "empty" in refused["reason"][0]
    assert "--" not in " ".join(refused["reason"]), "no command-line flags on screen"
    at.button(key="import_files_go").click().run()
    finish_import(at)
    metrics = {m.label: m.value for m in at.metric}
    assert (metrics["New articles"], metrics["Already imported"]) == ("0", "1")


def test_pasted_text_without_an_outlet_is_refused_and_nothing_stored(empty_db):
    at = open_app("import")
    at.text_area(key="import_paste_text").input("Flood hits 2,000 homes\n\nAbout 2,000 homes were flooded.").run()
    at.button(key="import_paste_go").click().run()
    assert any("outlet" in e.value for e in at.error)
    with Store.open(empty_db) as s:
        assert s.counts()["articles"] == 0


# --- export ----------------------------------------------------------------------------------------------

def test_export_files_hold_the_saved_verdicts_and_follow_the_filters(filled_db, store):
    rows, _ = store.claims_page(ClaimFilter(), 0, 200)
    a, b = rows[0], next(r for r in rows if r.outlet != rows[0].outlet)
    alice = store.ensure_reviewer("Alice")
    store.save_verdict(Target.claim(a.id), alice.id, "Inaccurate", note="=HYPERLINK(\"x\")", submit=True)
    store.save_verdict(Target.claim(b.id), alice.id, "Accurate", submit=True)
    at = open_app("export", reviewer="Alice", store=store)
    at.button(key="export_prepare").click().run()
    files = at.session_state["export_prepared"]
    assert [d.key for d in at.download_button] == ["export_dl_verdicts", "export_dl_history", "export_dl_claimreview"]
    table = list(csv.DictReader(io.StringIO(files["verdicts"].decode("utf-8-sig"), newline="")))
    got = {r["claim_id"]: (r["verdict"], r["reviewer"], r["note"]) for r in table if r["verdict"]}
    assert got == {a.id: ("Inaccurate", "Alice", "'=HYPERLINK(\"x\")"), b.id: ("Accurate", "Alice", "")}
    history = files["history"].decode("utf-8-sig")
    assert "submit_verdict" in history and "Alice" in history
    reviews = json.loads(files["claimreview"])
    assert {r["reviewRating"]["alternateName"] for r in reviews} == {"Inaccurate", "Accurate"}
    assert table_with(at, "verdict_status").shape[0] == 2
    # narrowed to one outlet, and to final verdicts only
    at.selectbox(key="export_outlet").select(a.outlet).run()
    assert "export_prepared" not in at.session_state, "changing a filter drops the prepared files"
    at.button(key="export_prepare").click().run()
    table = list(csv.DictReader(io.StringIO(at.session_state["export_prepared"]["verdicts"].decode("utf-8-sig"))))
    assert {r["outlet"] for r in table} == {a.outlet}
    at.checkbox(key="export_final_only").check().run()
    at.button(key="export_prepare").click().run()
    assert at.session_state["export_prepared"]["rows"] == 0


def test_dashboard_counts_follow_saved_verdicts(filled_db, store):
    rows, total = store.claims_page(ClaimFilter(), 0, 3)
    alice = store.ensure_reviewer("Alice")
    for r in rows:
        store.save_verdict(Target.claim(r.id), alice.id, "Inaccurate", submit=True)
    at = open_app("dash")
    metrics = {m.label: m.value for m in at.metric}
    assert (metrics["Claims"], metrics["Reviewed"]) == (f"{total:,}", "3")
    assert len(at.get("vega_lite_chart")) == 4


# --- moving between screens and through the queue --------------------------------------------------------

def test_open_group_from_a_claim_and_review_a_group_claim_by_claim(filled_db, store):
    at = open_app("review", reviewer="Alice", store=store)
    rows, _ = store.claims_page(ClaimFilter(), 0, 200)
    grouped = next(r for r in rows if r.group_size > 1)
    at.session_state["review_current"] = grouped.id
    at.run()
    at.button(key="review_open_group").click().run()
    assert [t.value for t in at.title] == ["Groups"]
    assert at.session_state["groups_current"] == grouped.group_id
    at.button(key="groups_review_claims").click().run()
    assert [t.value for t in at.title] == ["Review"]
    queue = at.session_state["review_page_ids"]
    assert set(queue) == {c.id for c in store.group_detail(grouped.group_id).claims}
    at.button(key="review_clear_group").click().run()
    assert len(at.session_state["review_page_ids"]) > len(queue)


def test_skip_and_back_move_through_the_queue_without_saving(filled_db, store):
    at = open_app("review", reviewer="Alice", store=store)
    ids = at.session_state["review_page_ids"]
    at.button(key="review_next").click().run()
    at.button(key="review_next").click().run()
    assert at.session_state["review_current"] == ids[2]
    at.button(key="review_prev").click().run()
    assert at.session_state["review_current"] == ids[1]
    assert store.verdicts_by(store.user_by_name("Alice").id) == []
    at.button(key="review_next_page").click().run()
    assert at.session_state["review_page"] == 1
    first_of_page_two = store.claim_ids_page(ClaimFilter(status=ClaimStatus.UNREVIEWED), 50, 1)[0]
    assert at.session_state["review_current"] == first_of_page_two
    assert at.session_state["review_page_ids"][0] == first_of_page_two


# --- the two store reads the screens added ---------------------------------------------------------------

@pytest.mark.parametrize("flt", [
    ClaimFilter(),
    ClaimFilter(status=ClaimStatus.UNREVIEWED),
    ClaimFilter(outlet="The Lantern"),
    ClaimFilter(discrepant_only=True),
    ClaimFilter(text="homes"),
])
@pytest.mark.parametrize("offset,limit", [(0, 50), (10, 7), (180, 50), (5000, 10)])
def test_claim_ids_page_is_the_queue_page_without_the_count(store, flt, offset, limit):
    rows, _ = store.claims_page(flt, offset, limit)
    assert store.claim_ids_page(flt, offset, limit) == [r.id for r in rows]


def test_articles_index_lists_every_article_newest_first_with_its_claims(store):
    index = store.articles_index()
    assert len(index) == store.counts()["articles"] == 28
    dated = [a.published for a in index if a.published]
    assert dated == sorted(dated, reverse=True)
    assert sum(a.claims for a in index) == store.counts()["claims"]
    lantern = store.articles_index(outlet="The Lantern")
    assert lantern and {a.outlet for a in lantern} == {"The Lantern"}
    assert store.articles_index(limit=3) == index[:3]


def test_groups_screen_titles_each_group_by_its_quantity_discrepant_widest_spread_first(store) -> None:
    at = open_app("groups")
    table = table_with(at, "what is measured")
    rows, _ = store.groups_page(GroupFilter(min_outlets=2), 0, 50)
    assert list(table["what is measured"]) == [short(group_title(r.quantity, r.label), 60) for r in rows]
    assert any(r.quantity for r in rows)
    flags = list(table["discrepant"])
    spreads = list(table["spread %"])
    n_disc = flags.count("yes")
    assert flags[:n_disc] == ["yes"] * n_disc  # discrepant first
    assert spreads[:n_disc] == sorted(spreads[:n_disc], reverse=True)  # widest spread first
    first = rows[0]
    detail = store.group_detail(first.id)
    shown = [t.value for t in at.text]
    for c in detail.claims:  # each outlet's figure side by side, as plain text
        assert c.outlet in shown
    named = [c.attribution for c in detail.claims if c.attribution]
    captions = " ".join(x.value for x in at.caption)
    assert all(escape_md(a) in captions for a in named)
    claims_table = table_with(at, "source")
    assert sorted(x for x in claims_table["source"] if x) == sorted(named)


def test_sample_data_shows_three_discrepant_facts_with_gaps_over_15_percent(store) -> None:
    at = open_app("groups")
    table = table_with(at, "what is measured")
    wide = table[(table["discrepant"] == "yes") & (table["spread %"] > 15) & (table["outlets"] >= 2)]
    assert len(wide) >= 3
    assert all(t and not t[0].isdigit() for t in wide["what is measured"])  # titled by a quantity, not a figure


# --- a long review day: the session stays the size of one claim -------------------------------------------

def test_a_long_review_session_keeps_the_session_the_same_size(filled_db, store):
    """Every keyed widget reads the whole session on each rerun: if each claim shown left its inputs behind,
    a reviewer's reruns would slow down with every claim judged."""
    at = open_app("review", reviewer="Alice", store=store)
    for _ in range(4):
        verdict_button(at, store, "Accurate").click().run()
    early = len(at.session_state)
    for _ in range(16):
        verdict_button(at, store, "Accurate").click().run()
    assert not at.exception, at.exception
    assert len(store.verdicts_by(store.user_by_name("Alice").id)) == 20
    assert len(at.session_state) <= early


def test_what_was_typed_on_a_claim_left_behind_is_there_on_coming_back(filled_db, store):
    at = open_app("review", reviewer="Alice", store=store)
    first = current_claim(at)
    open_box(at, "review_fix_open")  # it stays open from claim to claim
    at.text_input(key=wkey("review", "fix_note", first)).input("the table gives another year").run()
    for _ in range(3):
        at.button(key="review_next").click().run()
    assert current_claim(at) != first
    for _ in range(3):
        at.button(key="review_prev").click().run()
    assert current_claim(at) == first
    assert at.text_input(key=wkey("review", "fix_note", first)).value == "the table gives another year"


def test_a_claim_judged_then_revisited_can_be_judged_again(filled_db, store):
    """The version a save expects is dropped with the claim and read again when the claim comes back."""
    at = open_app("review", reviewer="Alice", store=store)
    first = current_claim(at)
    for _ in range(3):
        verdict_button(at, store, "Accurate").click().run()
    assert current_claim(at) != first
    for _ in range(5):
        if current_claim(at) == first:
            break
        at.button(key="review_prev").click().run()
    assert current_claim(at) == first
    verdict_button(at, store, "Inaccurate").click().run()
    assert not [e for e in at.error if "Not saved" in e.value], [e.value for e in at.error]
    alice = store.user_by_name("Alice").id
    assert next(v for v in store.verdicts_by(alice) if v.target.id == first).label == "Inaccurate"
