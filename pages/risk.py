"""风险预警: failed and at-risk members first, with reasons, the fix and the consequence."""

import pandas as pd
import streamlit as st

from model.engine.ranking import flagged_members
from model.texts.domain import FINDINGS, finding_title, status_label
from pages.common.cells import texts
from pages.common.context import labelled, t
from pages.common.downloads import risk_pdf_download
from pages.common.layout import (
    explanation,
    finding_lines,
    group_shortfall_lines,
    header,
    member_link,
    people,
    safe,
)

ctx = header("page_risk")
if ctx is not None:
    report = ctx.report()
    lang = ctx.filters.lang
    who = people(ctx)
    st.caption(t("risk_intro"))
    flagged = flagged_members(report.members, by_name=ctx.filters.show_names)
    counts = st.columns(2)
    counts[0].metric(t("kpi_failed"), int((flagged["status"] == "failed").sum()))
    counts[1].metric(t("kpi_at_risk"), int((flagged["status"] == "at_risk").sum()))
    if flagged.empty:
        st.success(t("no_risk"))

    def card(key: str, row: pd.Series) -> None:
        label = status_label(row["status"], lang)
        box = st.error if row["status"] == "failed" else st.warning
        lines = [
            f"**\\[{label}\\] {safe(row['group'])} · {safe(who.by_key[key])}**"
            + t("card_credits", credits=f"{row['credits']:g}", line=row["line"])
        ]
        reasons, fix, consequence = explanation(row, lang)
        lines += [reasons, *(line for line in (fix, consequence) if line)]
        box("  \n".join(lines))
        member_link(key)

    for key, row in zip(flagged["key"], (r for _, r in flagged.iterrows()), strict=True):
        if row["status"] == "failed":
            card(key, row)
    # A group's shortfall is said once, as the group's; its members' cards fold under it.
    shortfalls = group_shortfall_lines(flagged, who, lang)
    folded = {key for shortfall in shortfalls for key in shortfall["keys"]}
    if shortfalls:
        st.markdown(f"**{t('group_short_title')}**")
        st.caption(t("group_short_intro"))
        by_key = flagged.set_index("key", drop=False)
        for shortfall in shortfalls:
            st.warning(shortfall["text"])
            with st.expander(t("group_short_cards", count=len(shortfall["keys"]))):
                for key in shortfall["keys"]:
                    card(key, by_key.loc[key])
    for key, row in zip(flagged["key"], (r for _, r in flagged.iterrows()), strict=True):
        if row["status"] != "failed" and key not in folded:
            card(key, row)

    st.subheader(t("findings"))
    codes = [c for c in FINDINGS if c in set(report.findings["code"])]
    chosen = st.multiselect(
        t("filter_code"),
        codes,
        format_func=lambda c: finding_title(c, lang),
        key="risk_codes",
        placeholder=t("filter_code_placeholder"),
    )
    findings = report.findings[report.findings["code"].isin(chosen)] if chosen else report.findings
    summary = findings["code"].value_counts()
    st.dataframe(
        pd.DataFrame(
            {
                t("findings"): [finding_title(c, lang) for c in summary.index],
                t("count"): summary.to_numpy(),
            }
        ),
        hide_index=True,
    )
    group_level = findings[findings["session"].isna() & findings["member"].isna()]
    if len(group_level):
        st.markdown(f"**{t('group_findings')}**")
        for group, line in zip(group_level["group"], finding_lines(group_level, who), strict=True):
            st.warning(labelled(safe(group), line))
    detail = findings[~(findings["session"].isna() & findings["member"].isna())]
    st.dataframe(
        pd.DataFrame(
            {
                t("group"): detail["group"].to_numpy(),
                t("session"): texts(detail["session"]),
                t("findings"): [
                    who.finding(c, d, g)
                    for c, d, g in zip(
                        detail["code"], detail["details"], detail["group"], strict=True
                    )
                ],
            }
        ),
        hide_index=True,
        row_height=72,  # over 4rem: long finding texts wrap instead of being cut
        column_config={
            t("group"): st.column_config.TextColumn(width="medium"),
            t("session"): st.column_config.TextColumn(width="small"),
            t("findings"): st.column_config.TextColumn(width="large"),
        },
    )
    risk_pdf_download(ctx, report)
