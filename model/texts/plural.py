"""Templates that count things: ``{count:~session|sessions}`` reads "1 session", "2 sessions";
``{date:en_day}`` reads "31 December" on any server, ``{date:en_date}`` "3 December 2026" and
``{date:zh_date}`` "2026年12月3日".

Every catalogue template is filled through ``fill``: str.format plus this one spec, so English
texts agree with their numbers ("1 absence", never "1 absences"). Chinese needs none of it.
"""

from __future__ import annotations

import functools
import string
from typing import Any

DATE_SPECS = ("en_day", "en_date", "zh_date")
MONTHS = "January February March April May June July August September October November December"


class _Counting(string.Formatter):
    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec == "en_day":  # 31 December, whatever the server's locale (%B is not)
            return f"{value.day} {MONTHS.split()[value.month - 1]}"
        if format_spec == "en_date":  # 3 December 2026
            return f"{value.day} {MONTHS.split()[value.month - 1]} {value.year}"
        if format_spec == "zh_date":  # 2026年12月3日
            return f"{value.year}年{value.month}月{value.day}日"
        if format_spec.startswith("~"):
            singular, _, plural = format_spec[1:].partition("|")
            word = singular if value == 1 else (plural or f"{singular}s")
            return f"{value:g} {word}" if isinstance(value, float) else f"{value} {word}"
        return super().format_field(value, format_spec)


_FORMATTER = _Counting()


def fill(template: str, **values: Any) -> str:
    """``template.format(**values)``, with ``{n:~one|many}`` choosing the word by the number."""
    if _plain(template):  # C speed for the templates that need no counting (all Chinese ones)
        return template.format_map(values)
    return _FORMATTER.vformat(template, (), values)


@functools.cache
def _plain(template: str) -> bool:
    return not any(spec.startswith("~") or spec in DATE_SPECS for spec in _specs(template))


def _specs(template: str) -> list[str]:
    return [spec or "" for _, field, spec, _ in string.Formatter().parse(template) if field]
