"""Keys in a real browser, team mode: K after a submission steps back to the item, which then shows the other
reviewers' verdicts."""

from __future__ import annotations

import re

import pytest

from tests.browser.test_browser_team import team_server  # noqa: F401  (the fixture: team mode, three accounts)
from tests.browser.test_browser_workbench import KEYS_READY, add_reviewer, expect, open_app, press_key
from workbench.store import Store

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_after_submitting_k_steps_back_to_the_item_and_shows_the_others_verdicts(browser, team_server, settle):
    """Team mode, blind review: Ann submits with S and moves on; K brings the submitted claim back, and now
    (her own verdict being in) it shows Ben's submitted verdict and note, which it hid before."""
    import tomllib

    from tests.browser.test_browser_team import SECRETS, signed_in
    from workbench.auth import TeamConfig
    from workbench.team import Team
    from workbench.store import Target

    context, page = signed_in(browser, team_server.url, "ann", settle)  # the first visit imports the sample
    with Store.open(team_server.db_url) as store:
        team = Team(store, TeamConfig.from_secrets(tomllib.loads(SECRETS)))
        lena, ann, ben = (store.user_by_name(n) for n in ("lena", "ann", "ben"))
        cids = store.claim_ids_page(None, 0, 3)
        for cid in cids:
            team.assign(lena, Target.claim(cid), [ann.id, ben.id])
        team.save_verdict(ben, Target.claim(cids[0]), store.default_scale().label("Inaccurate").id, submit=True,
                          note="ben checked the ledger")
    page.reload()  # the session cookie keeps Ann signed in; her queue is now the three claims
    expect()(page.get_by_role("heading", name="Review", exact=True)).to_be_visible()
    settle(page)
    marker = page.locator(".wb-claim-on-screen").last
    expect()(marker).to_have_attribute("data-claim", cids[0])
    expect()(page.get_by_text("other reviewers' verdicts stay hidden until you submit yours")).to_be_visible()
    expect()(page.get_by_text("ben checked the ledger")).to_have_count(0)

    press_key(page, "1")  # chooses Accurate: a draft, still blind
    expect()(page.get_by_text("Saved Accurate (draft)")).to_be_visible()
    settle(page)
    press_key(page, "s")  # submits and moves on
    expect()(page.get_by_text("Saved Accurate (submitted)")).to_be_visible()
    expect()(marker).to_have_attribute("data-claim", cids[1])
    settle(page)

    press_key(page, "k")
    expect()(marker).to_have_attribute("data-claim", cids[0])
    verdicts = page.locator(".st-key-review_verdicts_so_far")
    expect()(verdicts).to_contain_text("ben: Inaccurate · submitted")
    expect()(verdicts).to_contain_text("ben checked the ledger")
    expect()(page.get_by_text("Your verdict is submitted and locked")).to_be_visible()
    context.close()


def test_a_burst_of_verdict_keys_saves_one_verdict_and_a_burst_of_j_moves_every_time(browser, app_server, settle):
    """Single-user mode, where a verdict key saves and moves on: three presses of ``1`` 50 ms apart save one
    verdict, on the claim that was on screen (the others arrive while the next claim loads, or before anyone
    can have read it); five presses of ``J`` 50 ms apart move five claims on, none lost during the reruns."""
    context, page = open_app(browser, app_server.url, settle)
    add_reviewer(page, "Kit Moss", settle)
    marker = page.locator(".wb-claim-on-screen").last
    first = marker.get_attribute("data-claim")
    page.get_by_role("heading", name="Review", exact=True).click()
    page.wait_for_function(KEYS_READY)
    for _ in range(3):
        page.keyboard.press("1")
        page.wait_for_timeout(50)
    expect()(marker).not_to_have_attribute("data-claim", first)  # saved, and the next claim is on screen
    settle(page)
    page.wait_for_timeout(1000)  # anything still on its way has arrived
    settle(page)
    with Store.open(app_server.db_url) as store:
        kit = store.user_by_name("Kit Moss")
        saved = store.verdicts_by(kit.id)
    assert [(v.target.id, v.label) for v in saved] == [(first, "Accurate")]
    assert marker.get_attribute("data-claim") != first

    def position() -> int:  # the queue position in the caption, once a rerun has replaced the old drawing
        caption = page.get_by_text(re.compile(r"this is claim [\d,]+$"))
        expect()(caption).to_have_count(1)
        return int(re.search(r"this is claim ([\d,]+)$", caption.inner_text()).group(1).replace(",", ""))

    at = position()
    for _ in range(5):
        page.keyboard.press("j")
        page.wait_for_timeout(50)
    expect()(page.get_by_text(re.compile(rf"this is claim {at + 5:,}$"))).to_be_visible()
    settle(page)
    page.wait_for_timeout(1000)
    settle(page)
    assert position() == at + 5
    context.close()
