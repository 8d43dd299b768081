"""Team-mode sessions in a real browser: a sign-in survives a reload and reaches a second tab (the HttpOnly
session cookie names a session row); signing out in one tab ends the other; the cookie is not readable by
the page's script and no token is ever in a URL."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.browser.test_browser_team import SECRETS, VIEWPORT, expect, password

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture()
def lead_server(tmp_path, start_server):
    db = f"sqlite:///{tmp_path / 'workbench.db'}"
    subprocess.run([sys.executable, "-m", "workbench", "users", "add", "lena", "--role", "lead", "--password-stdin",
                    "--db", db], input=password("lena") + "\n", text=True, check=True, capture_output=True)
    return start_server(secrets=SECRETS)


def sidebar_says_signed_in(page) -> None:  # type: ignore[no-untyped-def]
    expect()(page.locator('[data-testid="stSidebar"]').get_by_text("Signed in as lena")).to_be_visible()


def test_a_sign_in_survives_a_reload_and_a_second_tab_and_a_sign_out_ends_both(browser, lead_server, settle):
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(60_000)
    page = context.new_page()
    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url))
    page.goto(lead_server.url)
    expect()(page.get_by_role("heading", name="Sign in")).to_be_visible()
    settle(page)
    page.locator(".st-key-signin_name input").fill("lena")
    page.locator(".st-key-signin_password input").fill(password("lena"))
    page.get_by_role("button", name="Sign in").click()
    expect()(page.get_by_role("heading", name="Review", exact=True)).to_be_visible()
    sidebar_says_signed_in(page)
    for _ in range(100):
        cookies = {c["name"]: c for c in context.cookies()}
        if "workbench_session" in cookies:
            break
        page.wait_for_timeout(100)
    cookie = cookies["workbench_session"]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    assert page.evaluate("() => document.cookie").find("workbench_session") == -1, "not readable by scripts"

    page.reload()
    expect()(page.get_by_role("heading", name="Review", exact=True)).to_be_visible()
    sidebar_says_signed_in(page)

    second = context.new_page()
    second.on("request", lambda r: urls.append(r.url))
    second.goto(f"{lead_server.url}/adjudicate")
    expect()(second.get_by_role("heading", name="Adjudicate", exact=True)).to_be_visible()
    sidebar_says_signed_in(second)
    settle(second)

    settle(page)
    page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Sign out").click()
    expect()(page.get_by_role("heading", name="Sign in")).to_be_visible()

    # the other tab: its next action finds the session ended
    second.locator('[data-testid="stSidebar"]').get_by_role("link", name="Review").click()
    expect()(second.get_by_role("heading", name="Sign in")).to_be_visible()
    second.reload()
    expect()(second.get_by_role("heading", name="Sign in")).to_be_visible()
    assert not any(cookie["value"] in u for u in urls), "the session token never travels in a URL"
    context.close()
