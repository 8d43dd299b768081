"""Altair charts for the screens, built from the store's typed results (no Streamlit here)."""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd

from ui.text import qualifier_text, short, value_text
from workbench.store import ClaimRow, GroupRow, Stats


def _scale_for(values: Sequence[float]) -> tuple[float, str]:
    """A divisor and its word so an axis reads 1.4–1.55 (bn) rather than 1,400,000,000."""
    top = max((abs(v) for v in values), default=0.0)
    for size, word in ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e4, "thousand")):
        if top >= size:
            return size, word
    return 1.0, ""


def spread_chart(claims: Sequence[ClaimRow], group: GroupRow) -> alt.Chart:
    """Each outlet's figure for one fact: a dot at the value, a bar over a range, a line at the median."""
    size, word = _scale_for([c.high for c in claims] + [c.low for c in claims])
    unit = group.currency or group.unit or ("%" if group.kind.value == "percent" else "")
    title = " ".join(x for x in (unit, word) if x) or "value"
    names: list[str] = []
    for c in claims:  # one row per claim, even when an outlet repeats the same figure
        name = f"{c.outlet} · {short(c.surface, 24)}"
        while name in names:
            name += " "
        names.append(name)
    df = pd.DataFrame({
        "claim": names,
        "low": [c.low / size for c in claims],
        "high": [c.high / size for c in claims],
        "value": [c.value / size for c in claims],
        "figure": [c.surface for c in claims],
        "reads as": [value_text(c) for c in claims],
        "qualifier": [qualifier_text(c.qualifier) for c in claims],
        "date": [c.published or "" for c in claims],
    })
    order = list(df.sort_values("value")["claim"])
    y = alt.Y("claim:N", title=None, sort=order, axis=alt.Axis(labelLimit=260))
    scale = alt.Scale(zero=False, nice=True, padding=12)
    tip = ["claim", "figure", "reads as", "qualifier", "date"]
    color = alt.Color("qualifier:N", legend=alt.Legend(orient="bottom", title=None), scale=alt.Scale(scheme="dark2"))
    ranges = alt.Chart(df).mark_rule(strokeWidth=7, opacity=0.4).encode(
        x=alt.X("low:Q", scale=scale, title=f"{group.noun or group.kind.value} ({title})",
                axis=alt.Axis(tickCount=6)), x2="high:Q",
        y=y, color=color, tooltip=tip)
    dots = alt.Chart(df).mark_point(filled=True, size=120, opacity=1).encode(
        x=alt.X("value:Q", scale=scale), y=y, color=color, tooltip=tip)
    median = alt.Chart(pd.DataFrame({"median": [group.median_value / size]})).mark_rule(
        strokeDash=[4, 3], color="gray").encode(x="median:Q")
    return (ranges + dots + median).properties(height=max(90, 36 * len(df)))


def progress_chart(stats: Stats) -> alt.Chart:
    """Claims covered by each reviewer's submitted verdicts, with their drafts."""
    rows = []
    for p in stats.per_reviewer:
        rows.append({"reviewer": p.reviewer, "what": "claims covered (submitted)", "claims": p.claims_covered})
        rows.append({"reviewer": p.reviewer, "what": "drafts", "claims": p.drafts})
    df = pd.DataFrame(rows, columns=["reviewer", "what", "claims"])
    return alt.Chart(df).mark_bar().encode(
        y=alt.Y("reviewer:N", title=None), x=alt.X("claims:Q", title="claims", axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("what:N", legend=alt.Legend(orient="bottom", title=None)),
        yOffset="what:N", tooltip=["reviewer", "what", "claims"],
    ).properties(height=max(80, 50 * len(stats.per_reviewer)))


def distribution_chart(stats: Stats, order: Sequence[str]) -> alt.Chart:
    """Claims per verdict label (the verdict in force), in the scale's order."""
    df = pd.DataFrame(stats.verdict_distribution, columns=["verdict", "claims"])
    return alt.Chart(df).mark_bar().encode(
        x=alt.X("verdict:N", sort=list(order), title=None, axis=alt.Axis(labelAngle=-30)),
        y=alt.Y("claims:Q", title="claims", axis=alt.Axis(tickMinStep=1)), tooltip=["verdict", "claims"],
        color=alt.Color("verdict:N", sort=list(order), legend=None),
    ).properties(height=260)


def outlet_chart(stats: Stats) -> alt.Chart:
    """For each outlet, the share of its rated figures found inaccurate (with the counts in the tooltip)."""
    df = pd.DataFrame({
        "outlet": [o.outlet for o in stats.by_outlet],
        "claims": [o.claims for o in stats.by_outlet],
        "rated": [o.rated for o in stats.by_outlet],
        "inaccurate": [o.inaccurate for o in stats.by_outlet],
        "share inaccurate": [o.inaccurate_rate if o.inaccurate_rate is not None else 0.0 for o in stats.by_outlet],
    })
    return alt.Chart(df).mark_bar().encode(
        y=alt.Y("outlet:N", sort="-x", title=None),
        x=alt.X("share inaccurate:Q", axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1]),
                title="share of rated figures found inaccurate"),
        tooltip=["outlet", "claims", "rated", "inaccurate", alt.Tooltip("share inaccurate:Q", format=".0%")],
    ).properties(height=max(80, 28 * len(df)))


def discrepancy_chart(groups: Sequence[GroupRow]) -> alt.Chart:
    """The discrepant groups and how far apart the outlets' figures are (spread, % of the median)."""
    df = pd.DataFrame({
        "fact": [short(g.label, 50) for g in groups],
        "spread %": [round(g.spread_pct, 1) for g in groups],
        "outlets": [g.n_outlets for g in groups],
        "status": [g.review.value for g in groups],  # follows the claims' verdicts (store.disputes)
    })
    return alt.Chart(df).mark_bar().encode(
        y=alt.Y("fact:N", sort="-x", title=None), x=alt.X("spread %:Q", title="spread (% of the median)"),
        color=alt.Color("status:N", legend=alt.Legend(orient="bottom", title="review status")),
        tooltip=["fact", "spread %", "outlets", "status"],
    ).properties(height=max(80, 26 * len(df)))


def frame_height(chart: alt.TopLevelMixin, extra: int = 150) -> int:
    """The pixel height to give ``st.altair_chart`` for ``chart``: its plot height plus axes and legend
    (Streamlit fits the whole chart, axes and legend included, into the height it is given)."""
    h = getattr(chart, "height", None)
    return (h if isinstance(h, int) else 300) + extra
