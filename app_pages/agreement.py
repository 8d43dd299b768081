"""Agreement (leads): how far reviewers agree on the submitted verdicts.

Krippendorff's alpha over all reviewers (nominal: any two different verdicts disagree equally; ordinal: on
the verdict scale's rating order, so "Mostly accurate" against "Accurate" counts less than "Inaccurate"),
Cohen's kappa for each pair of reviewers, and the same per story, outlet and kind; agreement on extraction
corrections within a tolerance. A statistic the data cannot support yet (too few items rated twice) shows
as "—", never as a made-up number. The rows behind the tables download as CSV.
"""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from ui import resources
from ui import team as team_ui
from ui.charts import frame_height
from ui.text import escape_md, short
from workbench.agreement import CSV_COLUMNS, Dimension
from workbench.auth import Action
from workbench.store import Target

P = "agreement"
store = resources.store()
lead, desk = team_ui.guard(store, Action.VIEW_AGREEMENT)
ss = st.session_state


def num(x: float | None, pct: bool = False) -> str:
    if x is None:
        return "—"
    return f"{x:.0%}" if pct else f"{x:.2f}"


st.title("Agreement")
st.caption("How far reviewers agree on their submitted verdicts: 1 is perfect agreement, 0 is what chance alone "
           "would give, below 0 is systematic disagreement. Alpha near 0.8 or above is usually taken as reliable.")

report = desk.agreement(lead)
rows = desk.agreement_rows(lead)

c = st.columns(6)
c[0].metric("Items rated", f"{report.n_items:,}", help="Claims and groups with at least one submitted verdict.")
c[1].metric("Verdicts", f"{report.n_ratings:,}")
c[2].metric("Reviewers", len(report.reviewers))
c[3].metric("Agreement", num(report.percent_agreement, pct=True), help="Share of agreeing pairs of verdicts "
            "on the items two or more reviewers judged.")
c[4].metric("Alpha (nominal)", num(report.alpha_nominal.alpha),
            help=f"Krippendorff's alpha over {report.alpha_nominal.n_units} item(s) judged by two or more.")
c[5].metric("Alpha (ordinal)", num(report.alpha_ordinal.alpha if report.alpha_ordinal else None),
            help="On the verdict scale's rating order; verdicts without a rating (e.g. Not a claim) are left out.")

st.download_button("Agreement CSV", team_ui.agreement_csv_bytes(rows), file_name="agreement.csv", mime="text/csv",
                   key="agreement_download", icon=":material/download:", on_click="ignore",
                   help="Overall, per reviewer pair and per story, outlet and kind; one row each.")

# the disagreements as the Dashboard, the CSV and the adjudication queue count them (store/disputes.py)
disputed = len(desk.adjudication_queue(lead, include_agreed=False))
if disputed:
    st.caption(f"**{disputed:,}** item(s) disputed now: their submitted verdicts differ and no final verdict "
               "exists yet. A lead settles them on the **Adjudicate** screen.")

if report.alpha_nominal.n_units == 0:
    st.info("No item has submitted verdicts from two reviewers yet. Deal items out with two or more reviews per "
            "item on the **Assign** screen.", icon=":material/info:")

left, right = st.columns(2, gap="large")
with left:
    st.subheader("Reviewer pairs (Cohen's kappa)")
    pairs = [p for p in report.pairs if p.n_items]
    if pairs:
        df = pd.DataFrame({
            "a": [p.reviewer_a for p in pairs] + [p.reviewer_b for p in pairs],
            "b": [p.reviewer_b for p in pairs] + [p.reviewer_a for p in pairs],
            "kappa": [p.kappa for p in pairs] * 2,
            "items": [p.n_items for p in pairs] * 2,
            "agreement": [p.observed_agreement for p in pairs] * 2,
        })
        df["label"] = [num(k) for k in df["kappa"]]
        base = alt.Chart(df).encode(x=alt.X("a:N", title=None), y=alt.Y("b:N", title=None))
        chart = (base.mark_rect().encode(
                    color=alt.Color("kappa:Q", scale=alt.Scale(domain=[-1, 0, 1], range=["#b2182b", "#f7f7f7",
                                                                                          "#2166ac"]),
                                    title="kappa"),
                    tooltip=["a:N", "b:N", alt.Tooltip("kappa:Q", format=".2f"), "items:Q",
                             alt.Tooltip("agreement:Q", format=".0%")])
                 + base.mark_text(fontSize=13).encode(text="label:N"))
        n = df["a"].nunique()
        chart = chart.properties(height=max(80, 44 * n), width=max(120, 110 * n))
        st.altair_chart(chart, height=frame_height(chart, 120), key="agreement_pairs_chart")
        st.dataframe({"reviewer A": [p.reviewer_a for p in pairs], "reviewer B": [p.reviewer_b for p in pairs],
                      "items both judged": [p.n_items for p in pairs],
                      "agreement": [num(p.observed_agreement, pct=True) for p in pairs],
                      "by chance": [num(p.expected_agreement, pct=True) for p in pairs],
                      "kappa": [num(p.kappa) for p in pairs]},
                     hide_index=True, width="stretch", key="agreement_pairs")
    else:
        st.caption("No two reviewers have judged the same item yet.")

with right:
    st.subheader("By story, outlet and kind")
    tabs = st.tabs(["Story", "Outlet", "Kind"])
    for tab, dim in zip(tabs, (Dimension.STORY, Dimension.OUTLET, Dimension.KIND)):
        with tab:
            groups = [g for g in report.breakdowns if g.dimension is dim]
            if not groups:
                st.caption("Not enough data yet.")
                continue
            df = pd.DataFrame({
                dim.value: [short(g.key, 50) for g in groups],
                "alpha": [g.alpha_nominal.alpha for g in groups],
                "agreement": [g.percent_agreement for g in groups],
                "items": [g.n_items for g in groups],
            })
            chart = (alt.Chart(df.dropna(subset=["agreement"])).mark_bar(color="#1f5f8b")
                     .encode(y=alt.Y(f"{dim.value}:N", title=None, sort="-x", axis=alt.Axis(labelLimit=260)),
                             x=alt.X("agreement:Q", title="share of agreeing pairs", axis=alt.Axis(format="%"),
                                     scale=alt.Scale(domain=[0, 1])),
                             tooltip=[f"{dim.value}:N", alt.Tooltip("agreement:Q", format=".0%"),
                                      alt.Tooltip("alpha:Q", format=".2f"), "items:Q"])
                     .properties(height=max(60, 24 * len(df))))
            if df["agreement"].notna().any():
                st.altair_chart(chart, width="stretch", height=frame_height(chart, 80),
                                key=f"agreement_{dim.value}_chart")
            st.dataframe({dim.value: [g.key for g in groups], "items": [g.n_items for g in groups],
                          "reviewers": [g.n_reviewers for g in groups],
                          "agreement": [num(g.percent_agreement, pct=True) for g in groups],
                          "alpha nominal": [num(g.alpha_nominal.alpha) for g in groups],
                          "alpha ordinal": [num(g.alpha_ordinal.alpha if g.alpha_ordinal else None) for g in groups]},
                         hide_index=True, width="stretch", key=f"agreement_{dim.value}_table")

st.subheader("Corrections of the extraction")
tol = st.columns([1, 3])[0].number_input("Values agree within (% of the value)", min_value=0.0, max_value=50.0,
                                        value=0.1, step=0.1, key="agreement_tolerance", persist_state="session")
corr = desk.correction_agreement(lead, rel_tol=tol / 100)
k = st.columns(4)
k[0].metric("Corrected claims judged twice", corr.n_items)
k[1].metric("Reviewer pairs compared", corr.n_pairs)
k[2].metric("Agreeing values", num(corr.percent_agreement, pct=True))
k[3].metric("Alpha on values", num(corr.alpha.alpha))
if corr.disagreements:
    st.caption("Claims whose corrected values differ beyond the tolerance: "
               + "; ".join(escape_md(team_ui.item_title(store, Target.claim(i), width=60))
                           for i in corr.disagreements[:20]))
elif corr.n_items == 0:
    st.caption("No claim corrected by one reviewer has been judged by another yet.")

with st.expander("The rows behind these numbers (as in the CSV)"):
    st.dataframe({col: [r[col] for r in rows] for col in CSV_COLUMNS}, hide_index=True, width="stretch",
                 key="agreement_rows")
