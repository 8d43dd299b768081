"""The Groups screen in a real browser on the sample data: each group titled by what it measures, the
outlets' figures side by side with who each attributes them to, discrepant groups first (screenshot)."""

from __future__ import annotations

import pytest

from test_browser_workbench import expect, go, open_app
from ui.text import group_title, short
from workbench.store import GroupFilter, Store

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_groups_screen_titles_discrepant_facts_by_their_quantity(browser, app_server, settle, shot):
    context, page = open_app(browser, app_server.url, settle)  # first start: the sample is imported
    go(page, "Groups", settle)
    with Store.open(app_server.db_url) as store:
        rows, _ = store.groups_page(GroupFilter(min_outlets=2), 0, 50)
        first = store.group_detail(rows[0].id)
    assert rows[0].discrepant and rows[0].quantity  # a discrepant fact leads, and it says what it measures
    main = page.locator('[data-testid="stMain"]')
    expect()(main.locator("h3").first).to_have_text(short(group_title(rows[0].quantity, rows[0].label), 100))
    for c in first.claims:  # every outlet's figure in its own box, plain text
        expect()(main.locator('[class*="st-key-groups_side_"]').filter(has_text=c.outlet).first).to_be_visible()
    sources = [c.attribution for c in first.claims if c.attribution]
    for name in sources:
        expect()(main.get_by_text(f"source: {name}").first).to_be_visible()
    shot(page, "groups-by-quantity")
    context.close()
