"""Unsaved work survives a reload (single-user mode, a real browser): the reviewer chosen, a queue filter,
the note and the source typed for a claim come back, from the database (the reviewer's draft and this
browser's preferences), not from the tab."""

from __future__ import annotations

import pytest

from tests.browser.test_browser_workbench import add_reviewer, expect, one, open_app

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def open_source(page, settle):  # type: ignore[no-untyped-def]
    """Open the Source box and return its URL field. The box opens by itself for a claim with a source
    typed (after a reload, say), and a click would close it: a reader looks first, and so does this. A click
    that lands while a rerun redraws the box (the one that leaving the note starts) can come to nothing; a
    reader then clicks again, and so does this."""
    url = page.get_by_label("Source URL")
    for _ in range(3):
        settle(page)
        if url.count() and url.first.is_visible():
            break
        page.get_by_text("Source", exact=True).click()
    return one(url)  # a rerun may draw the box twice for a moment


def test_a_note_a_source_the_reviewer_and_a_filter_survive_a_reload(browser, app_server, settle):
    context, page = open_app(browser, app_server.url, settle)
    add_reviewer(page, "Sam Carter", settle)
    sentence = page.locator(".st-key-review_sentence")
    expect()(sentence).to_be_visible()
    shown = sentence.inner_text().strip()

    page.get_by_text("Queue filters").click()
    page.get_by_text("Discrepant groups only").click()  # the queue's first claim changes with it
    expect()(sentence).not_to_have_text(shown)  # read the claim the filter brings, not the one before it
    settle(page)
    shown = sentence.inner_text().strip()

    note = page.locator(".stTextArea textarea").first
    note.fill("the council's own table says otherwise")
    url = open_source(page, settle)  # leaving the note for it sends the note: a rerun
    url.fill("https://example.org/council-table")  # committed as typed, after a pause
    page.wait_for_timeout(1000)
    settle(page)
    one(page.get_by_label("Figure the source gives")).fill("48,612")
    page.wait_for_timeout(1500)
    settle(page)

    page.reload()
    expect()(page.get_by_role("heading", name="Review")).to_be_visible()
    settle(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect()(sidebar.get_by_text("Saving as Sam Carter")).to_be_visible()
    expect()(sentence).to_have_text(shown)
    expect()(page.locator(".stTextArea textarea").first).to_have_value("the council's own table says otherwise")
    expect()(open_source(page, settle)).to_have_value("https://example.org/council-table")
    expect()(one(page.get_by_label("Figure the source gives"))).to_have_value("48,612")
    context.close()
