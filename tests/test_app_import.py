"""The import screen under AppTest: uploads run in a worker process with a progress bar and a Cancel
button; the report appears when the worker is done; a cancelled import stores nothing. Nothing in
Streamlit or the store is patched."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from workbench.store import Store  # noqa: E402

APP = str(ROOT / "streamlit_app.py")


@pytest.fixture()
def empty_db(tmp_path, monkeypatch) -> str:
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    monkeypatch.setenv("WORKBENCH_DB", url)
    monkeypatch.setenv("WORKBENCH_SAMPLE", "off")
    return url


def import_screen() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("app_pages/importing.py").run()
    assert not at.exception, at.exception
    return at


def until(at: AppTest, done, limit_s: float = 120) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + limit_s
    while not done(at):
        assert time.monotonic() < end, "the import did not finish"
        time.sleep(0.2)
        at.run()
        assert not at.exception, at.exception


def many(n: int) -> bytes:
    return "".join(json.dumps({"id": f"m{i}", "outlet": "Gazette", "title": f"Story {i}",
                               "text": f"The council built {4200 + i} homes, up {i % 30}% on the year. " * 10}) + "\n"
                   for i in range(n)).encode()


def test_uploads_import_in_a_worker_with_a_progress_bar(empty_db: str) -> None:
    at = import_screen()
    good = (ROOT / "data/articles.jsonl").read_bytes()
    at.file_uploader(key="import_files").set_value([("articles.jsonl", good, "application/jsonl")]).run()
    at.button(key="import_files_go").click().run()
    assert not at.exception, at.exception
    assert "import_job" in at.session_state
    assert at.button(key="import_files_go").disabled, "one import at a time"
    until(at, lambda a: "import_job" not in a.session_state)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["New articles"] == "7"
    with Store.open(empty_db) as s:
        assert s.counts()["articles"] == 7


def test_cancel_stops_the_import_and_stores_nothing(empty_db: str) -> None:
    at = import_screen()
    at.file_uploader(key="import_files").set_value([("many.jsonl", many(400), "application/jsonl")]).run()
    at.button(key="import_files_go").click().run()
    until(at, lambda a: len(a.progress) > 0 and a.session_state["import_job"].poll().stage.value == "extracting")
    at.button(key="import_cancel").click().run()
    until(at, lambda a: "import_job" not in a.session_state, 60)
    assert [i.value for i in at.info] == ["Import cancelled; nothing of it was stored."]
    assert not at.error
    with Store.open(empty_db) as s:
        assert s.counts()["articles"] == 0
