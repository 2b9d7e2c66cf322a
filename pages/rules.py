"""规则说明: the procedure and the parameters in effect, from the engine's own objects."""

import pandas as pd
import streamlit as st

from model.engine.assessment import EXAM_WARNING_DAYS
from model.texts.domain import CONSEQUENCE, FINDINGS, STATUS_ORDER, status_label
from model.texts.labels import PROCEDURE
from model.texts.rules import CREDIT_RULES, FINDING_RULES, STATUS_RULES, rule_text
from model.workbook.params import ParamInfo
from pages.common.context import bracketed, labelled, t
from pages.common.grid import grid_height
from pages.common.layout import header


def _meaning(info: ParamInfo, lang: str) -> str:
    if lang == "zh":
        return f"{info.meaning}（{info.unit}）" if info.unit else info.meaning
    return f"{info.meaning_en} ({info.unit_en})" if info.unit_en else info.meaning_en


def _allowed(name: str, info: ParamInfo) -> str:
    """The range the 参数 sheet may set, as the reader enforces it."""
    if name == "as_of":
        return "2000-01-01 – 2100-12-31"
    return f"{info.low:g}–{info.high:g}"


ctx = header("page_rules")
if ctx is not None:
    lang = ctx.filters.lang
    params = ctx.report().params  # the very object the engine used, 参数 overrides included
    st.subheader(t("rules_procedure"))
    st.markdown("\n".join(f"1. {step}" for step in PROCEDURE[lang]))
    st.subheader(t("rules_params"))
    rows = [
        {
            t("param_key"): info.zh if lang == "zh" else name,
            t("param_value"): f"{value:%Y-%m-%d}" if hasattr(value, "year") else f"{value:g}",
            t("param_meaning"): _meaning(info, lang),
            t("param_range"): _allowed(name, info),
        }
        for name, value, info in params.rows()
        if value is not None
    ]
    # Every parameter in view: no scroll box inside the page.
    st.dataframe(pd.DataFrame(rows), hide_index=True, height=grid_height(len(rows)))
    st.subheader(t("rules_status"))
    st.caption(t("rules_live"))
    st.markdown(
        "\n".join(
            "- "
            + labelled(
                f"**{status_label(s, lang)}**",
                rule_text(STATUS_RULES[s], params, EXAM_WARNING_DAYS, lang),
            )
            for s in STATUS_ORDER
        )
        + "\n\n"
        + labelled(bracketed(t("consequence"), status_label("failed", lang)), CONSEQUENCE[lang])
    )
    st.subheader(t("rules_credits"))
    st.markdown(
        "\n".join(
            f"- {rule_text(rule, params, EXAM_WARNING_DAYS, lang)}"
            for rule in CREDIT_RULES.values()
        )
    )
    st.subheader(t("rules_findings"))
    st.dataframe(
        pd.DataFrame(
            {
                t("findings"): [texts[lang][0] for texts in FINDINGS.values()],
                t("rule_threshold"): [
                    rule_text(FINDING_RULES[code], params, EXAM_WARNING_DAYS, lang)
                    for code in FINDINGS
                ],
            }
        ),
        hide_index=True,
        row_height=72,  # over 4rem: the rule wraps instead of being cut
        height=grid_height(len(FINDINGS), row=72),  # every check in view, no empty row
        column_config={
            t("findings"): st.column_config.TextColumn(width="medium", pinned=True),
            t("rule_threshold"): st.column_config.TextColumn(width="large"),
        },
    )
