"""Keys act on the claim on screen (a real browser, single-user mode): three presses of a verdict key 50 ms
apart save one verdict (the later presses were made on a claim that has since been saved and left), and
five presses of J 50 ms apart move five claims on (none is lost while the screen reruns)."""

from __future__ import annotations

import re

import pytest

from tests.browser.test_browser_workbench import add_reviewer, expect, open_app
from workbench.store import Store

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def position(page) -> int:  # type: ignore[no-untyped-def]
    text = page.get_by_text(re.compile(r"this is claim [\d,]+")).inner_text()
    return int(re.search(r"this is claim ([\d,]+)", text).group(1).replace(",", ""))


def test_three_fast_presses_save_one_verdict_and_five_fast_js_move_five(browser, app_server, settle):
    context, page = open_app(browser, app_server.url, settle)
    add_reviewer(page, "Sam Carter", settle)
    sentence = page.locator(".st-key-review_sentence")
    expect()(sentence).to_be_visible()
    first = sentence.inner_text().strip()
    page.get_by_role("heading", name="Review").click()  # focus on the page, not in a text field
    for _ in range(3):
        page.keyboard.press("1")
        page.wait_for_timeout(50)
    expect()(page.get_by_text("Saved Accurate")).to_be_visible()
    settle(page)
    page.wait_for_timeout(1500)
    settle(page)
    with Store.open(app_server.db_url) as store:
        mine = store.verdicts_by(store.user_by_name("Sam Carter").id)
    assert len(mine) == 1, [(v.target.id, v.label) for v in mine]
    assert sentence.inner_text().strip() != first

    before = position(page)
    page.get_by_role("heading", name="Review").click()
    for _ in range(5):
        page.keyboard.press("j")
        page.wait_for_timeout(50)
    expect()(page.get_by_text(f"this is claim {before + 5}")).to_be_visible()
    settle(page)
    page.wait_for_timeout(1000)
    assert position(page) == before + 5
    context.close()
