"""Altair charts of the report; Chinese labels stay horizontal (labelAngle=0)."""

from __future__ import annotations

import json
from typing import Any

import altair as alt
import pandas as pd

from model.texts.domain import STATUS_ORDER, Lang, status_label
from pages.common.labels import label

FONT = "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"
STATUS_COLORS = {
    "failed": "#C00000",
    "at_risk": "#F0A030",
    "on_track": "#4A90D9",
    "passed": "#2E8B57",
    "exempt": "#A0A0A0",
}
STATE_COLORS = {
    "held": "#2E8B57",
    "overdue": "#C00000",
    "planned": "#4A90D9",
    "postponed": "#F0A030",
    "cancelled": "#A0A0A0",
}


# Type sizes (px) on a laptop screen and on a projector at 1920×1080 (meeting mode).
SCREEN = {"label": 12, "title": 13, "chart_title": 15, "legend": 12}
PROJECTOR = {"label": 20, "title": 22, "chart_title": 28, "legend": 20}


# Axes of counts (people, sessions) tick at whole numbers only: never "0.000000".
def count_axis() -> alt.Axis:
    return alt.Axis(format="d", tickMinStep=1)


def _style(chart: Any, title: str, height: int | alt.Step = 280, projector: bool = False) -> Any:
    size = PROJECTOR if projector else SCREEN
    if projector and isinstance(height, int):
        height = int(height * 1.4)
    return (
        chart.properties(title=title, height=height)
        .configure(font=FONT)
        .configure_axis(
            labelAngle=0,
            labelFont=FONT,
            titleFont=FONT,
            labelFontSize=size["label"],
            titleFontSize=size["title"],
        )
        .configure_legend(
            labelFont=FONT,
            titleFont=FONT,
            orient="top",
            labelFontSize=size["legend"],
            titleFontSize=size["legend"],
        )
        .configure_title(font=FONT, fontSize=size["chart_title"], anchor="start")
    )


def month_names(lang: Lang) -> str:
    """A Vega expression naming a date's month as the month axis of the cumulative chart does."""
    names = json.dumps([label(f"month_{m}", lang) for m in range(1, 13)], ensure_ascii=False)
    return f"{names}[month(datum.value)]"


def cumulative_sessions(
    sessions: pd.DataFrame, year: int, lang: Lang, projector: bool = False
) -> alt.Chart:
    """Sessions planned and held, cumulated by month over the year."""
    months = pd.Index(range(1, 13), name="month")
    counted = sessions[~sessions["cancelled"]]
    planned = counted["planned_date"].dt.month.value_counts().reindex(months, fill_value=0).cumsum()
    held = (
        counted.loc[counted["held"], "held_date"]
        .dt.month.value_counts()
        .reindex(months, fill_value=0)
        .cumsum()
    )
    label_planned, label_held = label("series_planned", lang), label("series_held", lang)
    data = pd.concat(
        [
            pd.DataFrame({"month": months, "count": planned.to_numpy(), "series": label_planned}),
            pd.DataFrame({"month": months, "count": held.to_numpy(), "series": label_held}),
        ]
    )
    months_shown = [label(f"month_{m}", lang) for m in months]
    data["month_label"] = data["month"].map(lambda m: months_shown[m - 1])
    chart = (
        alt.Chart(data)
        .mark_line(point=True)
        .encode(
            x=alt.X(
                "month_label:O",
                sort=months_shown,
                title=label("month", lang),
                axis=alt.Axis(labelAngle=0),
            ),
            y=alt.Y("count:Q", title=label("sessions_count", lang), axis=count_axis()),
            color=alt.Color(
                "series:N",
                title=label("series", lang),
                scale=alt.Scale(domain=[label_planned, label_held], range=["#9DB7D5", "#C00000"]),
            ),
            tooltip=["month_label:N", "series:N", "count:Q"],
        )
    )
    return _style(chart, label("chart_cumulative", lang), 360, projector)


def status_distribution(members: pd.DataFrame, lang: Lang, projector: bool = False) -> alt.Chart:
    counts = members["status"].value_counts().reindex(list(STATUS_ORDER), fill_value=0)
    data = pd.DataFrame(
        {
            "status": [status_label(s, lang) for s in counts.index],
            "code": counts.index,
            "count": counts.to_numpy(),
        }
    )
    labels = [status_label(s, lang) for s in STATUS_ORDER]
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("status:N", sort=labels, title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("count:Q", title=label("members_count", lang), axis=count_axis()),
            color=alt.Color(
                "status:N",
                scale=alt.Scale(domain=labels, range=[STATUS_COLORS[s] for s in STATUS_ORDER]),
                legend=None,
            ),
            tooltip=["status:N", "count:Q"],
        )
    )
    return _style(chart, label("chart_status", lang), 360, projector)


def session_timeline(sessions: pd.DataFrame, lang: Lang, projector: bool = False) -> alt.Chart:
    """One mark per session: month across, group down, colour by state."""
    states = list(STATE_COLORS)
    labels = [label(f"state_{s}", lang) for s in states]
    data = pd.DataFrame(
        {
            "group": sessions["group"].to_numpy(),
            "date": sessions["date"].dt.strftime("%Y-%m-%d").to_numpy(),
            "state": [label(f"state_{s}", lang) for s in sessions["state"]],
            "session": sessions.index.to_numpy(),
            "topic": sessions["topic"].fillna("").to_numpy(),
        }
    )
    chart = (
        alt.Chart(data)
        .mark_circle(size=160, opacity=0.9)
        .encode(
            x=alt.X(
                "yearmonth(date):T",
                title=label("month", lang),
                axis=alt.Axis(labelExpr=month_names(lang), labelAngle=0, tickCount="month"),
            ),
            y=alt.Y("group:N", title=None, axis=alt.Axis(labelAngle=0, labelLimit=200)),
            color=alt.Color(
                "state:N",
                title=label("state", lang),
                scale=alt.Scale(domain=labels, range=[STATE_COLORS[s] for s in states]),
            ),
            tooltip=["session:N", "group:N", "date:N", "state:N", "topic:N"],
        )
    )
    return _style(
        chart, label("chart_timeline", lang), alt.Step(44 if projector else 30), projector
    )


def credit_buildup(
    events: pd.DataFrame, line: int, lang: Lang, projector: bool = False
) -> alt.Chart:
    """Cumulative credits of one member against the pro-rated line."""
    events = events.assign(source=[label(f"breakdown_{part}", lang) for part in events["source"]])
    base = alt.Chart(events).encode(
        x=alt.X("date:T", title=label("date", lang), axis=alt.Axis(format="%m-%d", labelAngle=0))
    )
    steps = base.mark_line(interpolate="step-after", point=True, color="#C00000").encode(
        y=alt.Y("cumulative:Q", title=label("credits", lang)),
        tooltip=["date:T", "source:N", "credits:Q", "cumulative:Q"],
    )
    rule = (
        alt.Chart(pd.DataFrame({"line": [line], "label": [label("line", lang)]}))
        .mark_rule(strokeDash=[6, 4], color="#444")
        .encode(y="line:Q", tooltip=["label:N", "line:Q"])
    )
    return _style(alt.layer(steps, rule), label("chart_buildup", lang), projector=projector)


def shift_trend(
    history: pd.DataFrame,
    metrics: list[str],
    names: dict[str, str],
    lang: Lang,
    projector: bool = False,
) -> Any:
    """One small line chart: the shift's rates, one point per year."""
    frame = history.melt(id_vars="year", value_vars=metrics, var_name="metric", value_name="value")
    frame = frame.dropna(subset=["value"]).assign(metric=lambda f: f["metric"].map(names))
    chart = (
        alt.Chart(frame)
        .mark_line(point=True)
        .encode(
            x=alt.X("year:O", title=label("shifts_year_axis", lang)),
            y=alt.Y(
                "value:Q",
                title=label("shifts_value_axis", lang),
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1]),
            ),
            color=alt.Color(
                "metric:N", title=label("shifts_metric", lang), legend=alt.Legend(columns=2)
            ),
            tooltip=["year:O", "metric:N", alt.Tooltip("value:Q", format=".0%")],
        )
    )
    return _style(chart, "", height=320, projector=projector)
