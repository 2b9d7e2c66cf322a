"""The year's study plan proposed for one group (issue #14; DOMAIN.md §1, step 1).

Every member in post speaks once (more sessions than members: the 年度场次下限 fills with a
second round), the 一把手 first; a joiner speaks after joining and a leaver before leaving.
Hosts rotate: nobody hosts their own talk and hosting counts differ by at most one among
members in post all year. Dates fall on one weekday, spread evenly from the start to mid-December,
on working days outside the Spring Festival week (``model.engine.workdays``).
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from dataclasses import dataclass, field

import pandas as pd

from model.engine.workdays import holidays_known, meeting_day
from model.workbook.reader import Workbook
from model.workbook.values import STATUS_PLANNED, TOPIC_TBD

PLAN_END = (12, 15)  # "mid-December": the last session falls on or before this day
DEFAULT_WEEKDAY = 3  # Wednesday (1 = Monday … 5 = Friday)
MIN_GAP_DAYS = 14
PLAN_COLUMNS = [
    "session",
    "group",
    "planned_date",
    "topic",
    "speaker",
    "host",
    "study_group",
    "status",
]
_ID_STYLE = re.compile(r"^(?P<head>.*?)(?P<year>(?:19|20)\d\d)(?P<middle>\D.*?)?(?P<number>\d+)$")
_PLAIN_ID = re.compile(r"^(?P<head>.*?[^\d\s_-])[\s_-]*\d+$")


@dataclass
class PlanProposal:
    group: str
    year: int
    start: dt.date
    weekday: int
    rows: pd.DataFrame  # PLAN_COLUMNS; speaker and host are member keys
    members: pd.DataFrame  # the group's members (indexed by key), for names and cells
    notices: list[tuple[str, dict[str, object]]] = field(default_factory=list)

    def names(self) -> pd.DataFrame:
        """The rows with speaker and host as the members' names (编号 added to a shared name)."""
        shown = person_labels(self.members)
        return self.rows.assign(
            speaker=self.rows["speaker"].map(shown), host=self.rows["host"].map(shown)
        )

    def cells(self) -> pd.DataFrame:
        """The rows as the 学习计划 sheet holds them: a person's 姓名, or 编号 if shared."""
        cells = person_cells(self.members)
        return self.rows.assign(
            speaker=self.rows["speaker"].map(cells), host=self.rows["host"].map(cells)
        )


def _shared_name(members: pd.DataFrame) -> pd.Series:
    return members.duplicated(["group", "name"], keep=False) & members["member_id"].notna()


def person_cells(members: pd.DataFrame) -> pd.Series:
    """Member key → what a person cell must hold (DOMAIN.md §3): 姓名, or 编号 when shared."""
    return members["name"].where(~_shared_name(members), members["member_id"])


def person_labels(members: pd.DataFrame) -> pd.Series:
    """Member key → the name shown, with the 编号 where two members share the name."""
    # One home for the rule: the reader's display name (姓名, with 编号 and 职务 where shared).
    return members["display"]


def _day(value: object) -> dt.date | None:
    return value.date() if isinstance(value, pd.Timestamp) and not pd.isna(value) else None


@dataclass(frozen=True)
class _Member:
    key: str
    order: int
    head: bool
    joined: dt.date | None
    left: dt.date | None

    def in_post(self, day: dt.date) -> bool:
        return (self.joined is None or self.joined <= day) and (
            self.left is None or self.left >= day
        )

    @property
    def deadline(self) -> dt.date:
        return self.left or dt.date.max


def needed_sessions(workbook: Workbook, group: str, year: int, start: dt.date | None = None) -> int:
    """max(年度场次下限, members in post between the start and mid-December)."""
    return max(workbook.params.min_sessions, len(_pool(workbook, group, year, start)))


def _pool(workbook: Workbook, group: str, year: int, start: dt.date | None) -> list[_Member]:
    first, last = start or dt.date(year, 1, 1), dt.date(year, *PLAN_END)
    members = workbook.members[workbook.members["group"] == group]
    pool = []
    for order, row in enumerate(members.itertuples(index=False)):
        member = _Member(str(row.key), order, bool(row.is_head), _day(row.joined), _day(row.left))
        if (member.joined is None or member.joined <= last) and member.deadline >= first:
            pool.append(member)
    return pool


def propose_plan(
    workbook: Workbook,
    group: str,
    year: int,
    start: dt.date | None = None,
    weekday: int = DEFAULT_WEEKDAY,
    count: int | None = None,
) -> PlanProposal:
    """The proposed 学习计划 rows of ``group`` for ``year``; notices say what could not be met."""
    start = start or dt.date(year, 1, 1)
    notices: list[tuple[str, dict[str, object]]] = []
    members = workbook.members[workbook.members["group"] == group].set_index("key", drop=False)
    pool = _pool(workbook, group, year, start)
    needed = max(workbook.params.min_sessions, len(pool))
    wanted = needed if count is None else max(1, count)
    if wanted < len(pool):
        notices.append(("PLAN_FEWER_THAN_MEMBERS", {"count": wanted, "members": len(pool)}))
    if wanted < workbook.params.min_sessions:
        notices.append(
            ("PLAN_BELOW_MINIMUM", {"count": wanted, "minimum": workbook.params.min_sessions})
        )
    if not holidays_known(year):
        notices.append(("HOLIDAYS_UNKNOWN", {"year": year}))
    if not any(m.head for m in pool):
        notices.append(("PLAN_NO_HEAD", {}))
    existing = workbook.plan[workbook.plan["group"] == group]
    planned_this_year = existing["planned_date"].dt.year == year
    if planned_this_year.any():
        notices.append(("PLAN_EXISTS", {"count": int(planned_this_year.sum())}))
    dates = plan_dates(start, dt.date(year, *PLAN_END), weekday, wanted)
    if len(dates) < wanted:
        notices.append(("PLAN_TOO_FEW_DAYS", {"count": len(dates), "wanted": wanted}))
    gaps = [(b - a).days for a, b in itertools.pairwise(dates)]
    if (gaps and min(gaps) < MIN_GAP_DAYS) or any(d.isoweekday() != weekday for d in dates):
        notices.append(("PLAN_CROWDED", {"days": min(gaps)}))
    speakers = _speakers(pool, dates)
    hosts = _hosts(pool, dates, speakers)
    unplaced = [m.key for m in pool if m.key not in speakers]
    if unplaced and len(dates) >= len(pool):
        names = [str(members.at[key, "name"]) for key in unplaced]  # joined where shown
        notices.append(("PLAN_MEMBER_NOT_PLACED", {"names": names}))
    ids = session_ids(workbook, group, year, len(dates))
    rows = pd.DataFrame(
        {
            "session": ids,
            "group": group,
            "planned_date": pd.to_datetime(pd.Series(dates, dtype=object)),
            "topic": TOPIC_TBD,
            "speaker": pd.Series(speakers, dtype=object),
            "host": pd.Series(hosts, dtype=object),
            "study_group": None,
            "status": STATUS_PLANNED,
        },
        columns=PLAN_COLUMNS,
    )
    return PlanProposal(group, year, start, weekday, rows, members, notices)


def plan_dates(start: dt.date, end: dt.date, weekday: int, count: int) -> list[dt.date]:
    """``count`` meeting days on ``weekday`` (1 = Monday), spread evenly over [start, end].

    Candidates all fall on one weekday, so picking every second one or sparser keeps sessions
    at least 14 days apart; that holds whenever there are twice as many candidates as sessions.
    Too few candidates on that weekday: any meeting day is taken.
    """
    days = [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
    candidates = [d for d in days if d.isoweekday() == weekday and meeting_day(d)]
    if count > len(candidates):
        candidates = [d for d in days if meeting_day(d)]
    count = min(count, len(candidates))
    if count <= 1:
        return candidates[:count]
    step = (len(candidates) - 1) / (count - 1)
    # floor(i·step + ½) keeps neighbouring picks at least floor(step) candidates apart.
    return [candidates[math.floor(i * step + 0.5)] for i in range(count)]


def _speakers(pool: list[_Member], dates: list[dt.date]) -> list[str | None]:
    """Earliest deadline first among those in post: a leaver speaks before leaving, and
    nobody speaks twice before everyone has spoken once; the head opens each round."""
    spoken = dict.fromkeys((m.key for m in pool), 0)
    chosen: list[str | None] = []
    for day in dates:
        present = [m for m in pool if m.in_post(day)]
        if not present:
            chosen.append(None)
            continue
        pick = min(present, key=lambda m: (spoken[m.key], not m.head, m.deadline, m.order))
        spoken[pick.key] += 1
        chosen.append(pick.key)
    return chosen


def _hosts(
    pool: list[_Member], dates: list[dt.date], speakers: list[str | None]
) -> list[str | None]:
    """Fewest hosted first; among equals whoever speaks next, so that the one left with the
    fewest is never the speaker of the day (host of talk i = speaker of talk i+1)."""
    hosted = dict.fromkeys((m.key for m in pool), 0)
    chosen: list[str | None] = []
    for index, day in enumerate(dates):
        later = speakers[index + 1 :]
        next_talk = {key: later.index(key) for key in set(later) if key is not None}
        present = [m for m in pool if m.in_post(day) and m.key != speakers[index]]
        if not present:
            chosen.append(None)
            continue
        pick = min(
            present,
            key=lambda m: (hosted[m.key], next_talk.get(m.key, len(later)), m.deadline, m.order),
        )
        hosted[pick.key] += 1
        chosen.append(pick.key)
    return chosen


def session_ids(workbook: Workbook, group: str, year: int, count: int) -> list[str]:
    """``count`` new ids in the style of the group's latest id (``<prefix>-YYYY-NN`` by
    default), numbered from 1 and skipping every id the workbook already holds."""
    taken = set(workbook.plan["session"].dropna().astype(str))
    own = workbook.plan[workbook.plan["group"] == group].sort_values("planned_date")
    pattern = f"{group}-{{year}}-{{number:02d}}"
    for session in reversed(list(own["session"].dropna().astype(str))):
        match = _ID_STYLE.match(session)
        if match:
            head = match["head"].replace("{", "{{").replace("}", "}}")
            middle = (match["middle"] or "").replace("{", "{{").replace("}", "}}")
            width = len(match["number"])
            pattern = f"{head}{{year}}{middle}{{number:0{width}d}}"
            break
    else:  # ids with no year in them (QS-01, QS-02): their prefix, with the year added
        for session in reversed(list(own["session"].dropna().astype(str))):
            plain = _PLAIN_ID.match(session)
            if plain:
                head = plain["head"].replace("{", "{{").replace("}", "}}")
                pattern = f"{head}-{{year}}-{{number:02d}}"
                break
    ids: list[str] = []
    number = 0
    while len(ids) < count:
        number += 1
        candidate = pattern.format(year=year, number=number)
        if candidate not in taken:
            ids.append(candidate)
    return ids
