"""Dashboard: how far review has got, what the verdicts say, which outlets' figures fail, where outlets
disagree."""

from __future__ import annotations

import streamlit as st

from ui import resources
from ui.charts import discrepancy_chart, distribution_chart, frame_height, outlet_chart, progress_chart
from workbench.store import GroupFilter

P = "dash"
store = resources.store()

st.title("Dashboard")
stats = store.stats()
scale = store.default_scale()

if stats.claims == 0:
    st.info("No claims yet. Import articles on the **Import** screen.")
    st.stop()

c = st.columns(5)
c[0].metric("Claims", f"{stats.claims:,}")
c[1].metric("Reviewed", f"{stats.reviewed_claims:,}", help="Claims with a submitted or final verdict in force.")
c[2].metric("Final", f"{stats.final_claims:,}")
c[3].metric("Articles / outlets", f"{stats.articles:,} / {stats.outlets:,}")
c[4].metric("Discrepant groups", f"{stats.discrepant_groups:,}", help="Facts the outlets give different figures for.")
st.progress(stats.reviewed_claims / stats.claims,
            text=f"{stats.reviewed_claims / stats.claims:.0%} of claims reviewed")

left, right = st.columns(2, gap="large")
with left:
    st.subheader("Progress by reviewer")
    if stats.per_reviewer:
        chart = progress_chart(stats)
        st.altair_chart(chart, width="stretch", height=frame_height(chart), key="dash_progress")
    else:
        st.caption("Nobody has saved a verdict yet.")
    st.subheader("Verdicts")
    if stats.verdict_distribution:
        chart = distribution_chart(stats, [lab.label for lab in scale.labels])
        st.altair_chart(chart, width="stretch", height=frame_height(chart, 130), key="dash_distribution")
    else:
        st.caption("No verdicts yet.")
with right:
    st.subheader("Figures by outlet")
    st.caption("Share of each outlet's rated figures found inaccurate (hover for counts).")
    chart = outlet_chart(stats)
    st.altair_chart(chart, width="stretch", height=frame_height(chart, 80), key="dash_outlets")
    st.subheader("Discrepancies found")
    disc, n_disc = store.groups_page(GroupFilter(discrepant_only=True), 0, 25)
    if disc:
        st.caption(f"{n_disc:,} fact(s) where outlets disagree"
                   + (f"; the first {len(disc)} in triage order (most outlets, widest spread)." if n_disc > len(disc)
                      else "."))
        chart = discrepancy_chart(disc)
        st.altair_chart(chart, width="stretch", height=frame_height(chart), key="dash_discrepancies")
    else:
        st.caption("No discrepant groups.")
