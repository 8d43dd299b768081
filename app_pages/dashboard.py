"""Dashboard: how far review has got, what the verdicts say, which outlets' figures fail, where outlets
disagree.

Every figure counts a claim by the library's one rule (:mod:`workbench.store.disputes`): a claim whose
reviewers submitted different verdicts, with no final verdict, is disputed, here as in the verdict CSV; a
group's review status follows its claims' verdicts.

In team mode the library decides what the signed-in user may see (:meth:`workbench.desk.Desk.dashboard`):
leads and admins see everyone's progress and verdicts; a reviewer sees only their own, so the dashboard
cannot tell them how others judged an item before they submit.
"""

from __future__ import annotations

import streamlit as st

from ui import resources
from ui.charts import discrepancy_chart, distribution_chart, frame_height, outlet_chart, progress_chart
from ui.session import desk
from ui.text import escape_md, screen_message
from workbench.errors import WorkbenchError

P = "dash"
store = resources.store()
me = desk(store)

st.title("Dashboard")
try:
    view = me.dashboard()
except WorkbenchError as exc:
    st.error(escape_md(screen_message(str(exc))))
    st.stop()
stats, own = view.stats, view.own_only
scale = store.default_scale()

if stats.claims == 0:
    st.info("No claims yet. Import articles on the **Import** screen.")
    st.stop()

if own:
    st.caption("Your own progress and verdicts. Other reviewers' verdicts stay hidden, as in review; leads see "
               "everyone's.")
    mine = stats.per_reviewer[0] if stats.per_reviewer else None
    c = st.columns(5)
    c[0].metric("Claims", f"{stats.claims:,}")
    c[1].metric("You covered", f"{stats.reviewed_claims:,}",
                help="Claims your submitted verdicts cover (on the claim, or on its group).")
    c[2].metric("Your drafts", f"{mine.drafts if mine else 0:,}")
    c[3].metric("Decided", f"{stats.final_claims:,}", help="Of the claims you covered, those with a final verdict.")
    c[4].metric("Discrepant groups", f"{stats.discrepant_groups:,}",
                help="Facts the outlets give different figures for.")
    st.progress(min(1.0, stats.reviewed_claims / stats.claims),
                text=f"Your verdicts cover {stats.reviewed_claims / stats.claims:.0%} of all claims")
else:
    c = st.columns(6)
    c[0].metric("Claims", f"{stats.claims:,}")
    c[1].metric("Reviewed", f"{stats.reviewed_claims:,}",
                help="Claims with a submitted or final verdict in force, or disputed.")
    c[2].metric("Final", f"{stats.final_claims:,}")
    c[3].metric("Disputed", f"{stats.disputed_claims:,}",
                help="Claims whose reviewers submitted different verdicts and that have no final verdict yet: no "
                     "verdict is in force, so they count in no verdict's share and in no outlet's figures (the "
                     "verdict CSV says disputed and lists the verdicts given).")
    c[4].metric("Articles / outlets", f"{stats.articles:,} / {stats.outlets:,}")
    c[5].metric("Discrepant groups", f"{stats.discrepant_groups:,}",
                help="Facts the outlets give different figures for.")
    st.progress(stats.reviewed_claims / stats.claims,
                text=f"{stats.reviewed_claims / stats.claims:.0%} of claims reviewed")

left, right = st.columns(2, gap="large")
with left:
    st.subheader("Your progress" if own else "Progress by reviewer")
    if stats.per_reviewer:
        chart = progress_chart(stats)
        st.altair_chart(chart, width="stretch", height=frame_height(chart), key="dash_progress")
    else:
        st.caption("You have not saved a verdict yet." if own else "Nobody has saved a verdict yet.")
    st.subheader("Your verdicts" if own else "Verdicts")
    if stats.verdict_distribution:
        chart = distribution_chart(stats, [lab.label for lab in scale.labels])
        st.altair_chart(chart, width="stretch", height=frame_height(chart, 130), key="dash_distribution")
    if stats.disputed_claims:
        st.caption(("No verdict in force yet. " if not stats.verdict_distribution else "")
                   + f"{stats.disputed_claims:,} disputed claim(s) are in no verdict's share until a lead decides.")
    elif not stats.verdict_distribution:
        st.caption("No verdicts yet.")
with right:
    st.subheader("Figures by outlet")
    st.caption("Share of each outlet's rated figures " + ("you found" if own else "found")
               + " inaccurate (hover for counts).")
    chart = outlet_chart(stats)
    st.altair_chart(chart, width="stretch", height=frame_height(chart, 80), key="dash_outlets")
    st.subheader("Discrepancies found")
    disc, n_disc = list(view.discrepant), view.discrepant_total
    if disc:
        st.caption(f"{n_disc:,} fact(s) where outlets disagree"
                   + (f"; the first {len(disc)} in triage order (most outlets, widest spread)." if n_disc > len(disc)
                      else ".") + (" The status is your own review's." if own else ""))
        chart = discrepancy_chart(disc)
        st.altair_chart(chart, width="stretch", height=frame_height(chart), key="dash_discrepancies")
    else:
        st.caption("No discrepant groups.")
