"""The words of 成效: the four shifts, their metrics, and the summary paragraph's templates.

Every sentence is a template filled with numbers the engine measured (``model.engine.shifts``);
no text is invented. One sentence per shift, on its lead metric, naming the strongest and the
weakest group where there are several.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from model.texts.domain import Lang
from model.texts.plural import fill

if TYPE_CHECKING:  # the measured result is the engine's; words import nothing from it
    from model.engine.shifts import Shifts

# Per-session averages change by their difference and read to one decimal; every other metric
# is a rate (percent, percentage points). The engine measures with the same set.
AVERAGES = frozenset({"commentators_per_session", "outreach_per_talk"})

SHIFT_TITLES: dict[str, dict[Lang, str]] = {
    "want_to_study": {
        "zh": "从“要我学”到“我要学”",
        "en": "From “made to study” to “want to study”",
    },
    "deep_study": {"zh": "从“泛泛学”到“深入学”", "en": "From shallow to deep study"},
    "team_study": {"zh": "从“个人学”到“团队学”", "en": "From individual to team study"},
    "innovative_study": {"zh": "从“单纯学”到“创新学”", "en": "From plain to innovative study"},
}
METRIC_LABELS: dict[str, dict[Lang, str]] = {
    "attendance_rate": {"zh": "到课率", "en": "attendance"},
    "leave_rate": {"zh": "请假率", "en": "leave rate"},
    "absence_rate": {"zh": "缺席率", "en": "absence rate"},
    "comment_rate": {"zh": "点评率", "en": "comment rate"},
    "oral_share": {"zh": "口头点评占比", "en": "oral share of comments"},
    "draft_on_time_rate": {"zh": "初稿按时率", "en": "drafts on time"},
    "revised_rate": {"zh": "定稿率", "en": "talks revised"},
    "speaker_coverage": {"zh": "主讲覆盖率", "en": "members who spoke"},
    "hosts_distinct": {"zh": "主持人轮换率", "en": "distinct hosts per session"},
    "commentators_per_session": {"zh": "每场点评人数", "en": "comments per session"},
    "outreach_per_talk": {"zh": "每场宣讲次数", "en": "outreach talks per talk"},
    "article_rate": {"zh": "成文率", "en": "talks written up"},
    "off_script_rate": {"zh": "脱稿率", "en": "talks without notes"},
}
# The metric each shift's sentence is about.
LEAD = {
    "want_to_study": "attendance_rate",
    "deep_study": "comment_rate",
    "team_study": "speaker_coverage",
    "innovative_study": "outreach_per_talk",
}
SENTENCE: dict[Lang, str] = {
    "zh": "{shift}：{metric} {value}，{trend}{groups}。",
    "en": "{shift}: {metric} {value}, {trend}{groups}.",
}
TREND: dict[str, dict[Lang, str]] = {
    "up_points": {
        "zh": "较上年提高 {amount:g} 个百分点",
        "en": "up {amount:~percentage point|percentage points}",
    },
    "down_points": {
        "zh": "较上年下降 {amount:g} 个百分点",
        "en": "down {amount:~percentage point|percentage points}",
    },
    "up_number": {"zh": "较上年增加 {amount:g}", "en": "up {amount:g} on last year"},
    "down_number": {"zh": "较上年减少 {amount:g}", "en": "down {amount:g} on last year"},
    "unchanged": {"zh": "与上年持平", "en": "unchanged on last year"},
    "no_previous": {"zh": "上年无可比数据", "en": "no figure for last year"},
}
# The same words when two part years are compared up to the same day (DOMAIN.md §6).
TREND_SAME_PERIOD: dict[str, dict[Lang, str]] = {
    "up_points": {
        "zh": "较上年同期提高 {amount:g} 个百分点",
        "en": "up {amount:~percentage point|percentage points} on the same period last year",
    },
    "down_points": {
        "zh": "较上年同期下降 {amount:g} 个百分点",
        "en": "down {amount:~percentage point|percentage points} on the same period last year",
    },
    "up_number": {
        "zh": "较上年同期增加 {amount:g}",
        "en": "up {amount:g} on the same period last year",
    },
    "down_number": {
        "zh": "较上年同期减少 {amount:g}",
        "en": "down {amount:g} on the same period last year",
    },
    "unchanged": {"zh": "与上年同期持平", "en": "unchanged on the same period last year"},
    "no_previous": {"zh": "上年同期无可比数据", "en": "no figure for the same period last year"},
}
PERIOD_LEAD: dict[Lang, str] = {
    "zh": "截至{to.month}月{to.day}日，与上年同期相比：",
    "en": "Up to {to:en_day}, compared with the same period last year: ",
}
PERIOD_CAPTION: dict[str, dict[Lang, str]] = {
    "same_period": {
        "zh": "比较期间：{year}年1月1日至{to.month}月{to.day}日，与{previous}年同期（1月1日至{previous_to.month}月{previous_to.day}日）相比；宣讲、成文只计期限已到的讲课。",
        "en": "Compared: 1 January to {to:en_day} {year} against the same period of {previous} (to {previous_to:en_day}); outreach and articles count only talks whose deadline has passed.",
    },
    "full_year": {
        "zh": "比较期间：{year}年全年与{previous}年全年。",
        "en": "Compared: the whole of {year} against the whole of {previous}.",
    },
}
GROUPS: dict[Lang, str] = {
    "zh": "；{best}最高（{best_value}），{worst}最低（{worst_value}）",
    "en": "; highest in {best} ({best_value}), lowest in {worst} ({worst_value})",
}
NO_DATA: dict[Lang, str] = {
    "zh": "{shift}：本年度尚无已举行的学习，无法测算。",
    "en": "{shift}: no session held this year yet, nothing to measure.",
}


def shown(name: str, value: float | None) -> str:
    """A metric's value as people read it: rates as percents, averages, both to one decimal
    ("91.4%", "100%": a whole percent drops its ".0")."""
    if value is None:
        return "—"
    if name in AVERAGES:
        return f"{value:.1f}"
    return f"{round(value * 100, 1):g}%"


def trend(
    name: str, value: float | None, previous: float | None, lang: Lang, same_period: bool = False
) -> str:
    """ "较上年下降 0.9 个百分点": the change computed from the exact values, to one decimal, as
    the figures beside it are shown (91.4% against 92.3%); "较上年同期…" for part years."""
    words = TREND_SAME_PERIOD if same_period else TREND
    if value is None or previous is None:
        return words["no_previous"][lang]
    difference = value - previous if name in AVERAGES else (value - previous) * 100
    amount = round(difference, 1)
    if amount == 0:
        return words["unchanged"][lang]
    kind = ("up" if amount > 0 else "down") + ("_number" if name in AVERAGES else "_points")
    return fill(words[kind][lang], amount=float(abs(amount)))


def change_text(
    name: str, figures: dict[str, float | None], lang: Lang, same_period: bool = False
) -> str:
    """ "到课率 较上年提高 4 个百分点" for one metric's {value, previous, change}."""
    said = trend(name, figures["value"], figures["previous"], lang, same_period)
    return f"{METRIC_LABELS[name][lang]} {said}"


def period_caption(result: Shifts, lang: Lang = "zh") -> str:
    """Which periods 成效 compares, for the page, the 成效 sheet and the terminal."""
    if result.like_with_like:
        return fill(
            PERIOD_CAPTION["same_period"][lang],
            year=result.year,
            previous=result.previous_year,
            to=result.period[1],
            previous_to=result.previous_period[1],
        )
    return fill(PERIOD_CAPTION["full_year"][lang], year=result.year, previous=result.previous_year)


def sentence(result: Shifts, shift: str, lang: Lang) -> str:
    name = LEAD[shift]
    overall = result.overall[name]
    title = SHIFT_TITLES[shift][lang]
    if overall["value"] is None:
        return NO_DATA[lang].format(shift=title)
    measured = {
        group: values[name]["value"]
        for group, values in result.groups.items()
        if values[name]["value"] is not None
    }
    groups = ""
    if len(measured) > 1:
        best = max(measured, key=lambda g: (measured[g], g))
        worst = min(measured, key=lambda g: (measured[g], g))
        groups = GROUPS[lang].format(
            best=best,
            best_value=shown(name, measured[best]),
            worst=worst,
            worst_value=shown(name, measured[worst]),
        )
    return SENTENCE[lang].format(
        shift=title,
        metric=METRIC_LABELS[name][lang],
        value=shown(name, overall["value"]),
        trend=trend(name, overall["value"], overall["previous"], lang, result.like_with_like),
        groups=groups,
    )


def summary_paragraph(result: Shifts, lang: Lang = "zh") -> str:
    """One sentence per shift, ready to paste into the annual summary."""
    joiner = "" if lang == "zh" else " "
    body = joiner.join(sentence(result, shift, lang) for shift in SHIFT_TITLES)
    if result.like_with_like:
        return fill(PERIOD_LEAD[lang], to=result.period[1]) + body
    return body
