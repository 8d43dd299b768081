"""Two replicas of the app on one PostgreSQL database (a real browser, team mode): a session started on one
is valid on the other, and a verdict saved through one shows on the other. The browser sends the session
cookie to both (cookies are per host, not per port), as it would through a proxy in front of both."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.browser.conftest import AppServer
from tests.browser.test_browser_team import SECRETS, VIEWPORT, expect, password
from tests.browser.test_browser_workbench import press_key
from tests.storekit import PG_URL, PgSchema

pytestmark = [pytest.mark.browser, pytest.mark.slow,
              pytest.mark.skipif(not PG_URL, reason="WORKBENCH_TEST_PG_URL is not set")]


@pytest.fixture()
def replicas(tmp_path):
    with PgSchema() as url:
        subprocess.run([sys.executable, "-m", "workbench", "users", "add", "ann", "--role", "reviewer",
                        "--password-stdin", "--db", url], input=password("ann") + "\n", text=True, check=True,
                       capture_output=True)
        servers = []
        try:
            for name in ("a", "b"):
                folder = tmp_path / name
                folder.mkdir()
                servers.append(AppServer(url, folder, secrets=SECRETS))
            for server in servers:
                server.wait_healthy()
            yield url, servers
        finally:
            for server in servers:
                server.stop()


def test_a_session_and_a_verdict_reach_the_other_replica(browser, replicas, settle):
    url, (a, b) = replicas
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(90_000)
    page = context.new_page()
    page.goto(a.url)
    expect()(page.get_by_role("heading", name="Sign in")).to_be_visible()
    settle(page)
    page.locator(".st-key-signin_name input").fill("ann")
    page.locator(".st-key-signin_password input").fill(password("ann"))
    page.get_by_role("button", name="Sign in").click()
    expect()(page.get_by_role("heading", name="Review", exact=True)).to_be_visible()
    for _ in range(100):
        if any(c["name"] == "workbench_session" for c in context.cookies()):
            break
        page.wait_for_timeout(100)

    other = context.new_page()
    other.goto(b.url)
    expect()(other.get_by_role("heading", name="Review", exact=True)).to_be_visible()
    expect()(other.locator('[data-testid="stSidebar"]').get_by_text("Signed in as ann")).to_be_visible()
    settle(other)

    # a lead assigns ann a claim (through the library, on the same database)
    from workbench.store import Store, Target
    from workbench.team import Team

    with Store.open(url) as store:
        cid = store.claim_ids_page(None, 0, 1)[0]
        lead = Team(store).add_user(None, "lena", role="lead", password="lena-secret-pw")
        Team(store).assign(lead, Target.claim(cid), [store.user_by_name("ann").id])

    page.reload()
    expect()(page.locator(".st-key-review_sentence")).to_be_visible()
    settle(page)
    press_key(page, "4")  # team mode: chooses Inaccurate, saved as ann's draft through replica A
    expect()(page.get_by_text("Saved Inaccurate")).to_be_visible()
    settle(page)

    # replica B reads it: ann's own figures count the draft (her queue of unreviewed claims is now empty)
    other.goto(f"{b.url}/dashboard")
    expect()(other.get_by_role("heading", name="Dashboard", exact=True)).to_be_visible()
    expect()(other.get_by_test_id("stMetric").filter(has_text="Your drafts")).to_have_text(re.compile(r"Your drafts\s*1\s*$"))
    context.close()
