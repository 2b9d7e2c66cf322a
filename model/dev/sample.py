"""A deterministic fictional county (示范县) and large workbooks for benchmarks.

The first groups carry scripted imperfections so that every finding code and every status of
DOMAIN.md §4–§5 appears in the sample; the rest is seeded noise on a healthy routine.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path

from model.dev.sample_writer import write_workbook as write_workbook  # where callers find it

SAMPLE_PATH = Path(__file__).resolve().parents[2] / "sample_data" / "示范县学习台账.xlsx"
SAMPLE_AS_OF = dt.date(2026, 11, 15)
SAMPLE_COUNTY = "示范县"
SAMPLE_YEAR = 2026

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰文斌海波鹏辉宇浩凯健俊峰云飞林燕晓东亮成春雪梅琳"
TOWNSHIPS = ["城关镇", "青山镇", "河口乡", "白沙镇", "石桥乡", "柳林镇", "双河镇", "龙泉乡"]
DEPARTMENTS = ["县委组织部", "县委宣传部", "县发展改革局", "县教育局", "县财政局", "县农业农村局"]
# Each group's letters for its 场次 ids (QS-2026-01): an id that reads like a date (2026-02-03)
# would be taken for one.
GROUP_CODES = {
    "城关镇党委": "CG",
    "青山镇党委": "QS",
    "河口乡党委": "HK",
    "白沙镇党委": "BS",
    "石桥乡党委": "SQ",
    "柳林镇党委": "LL",
    "双河镇党委": "SH",
    "龙泉乡党委": "LQ",
    "县委组织部党组": "ZZB",
    "县委宣传部党组": "XCB",
    "县发展改革局党组": "FGJ",
    "县教育局党组": "JYJ",
    "县财政局党组": "CZJ",
    "县农业农村局党组": "NYJ",
}
TOPICS = [
    "深入学习贯彻党的二十大精神",
    "以高质量发展推进县域经济",
    "全面推进乡村振兴",
    "加强基层党组织建设",
    "坚持以人民为中心的发展思想",
    "推进全面从严治党向纵深发展",
    "弘扬伟大建党精神",
    "加强生态文明建设",
    "提升基层治理效能",
    "牢牢把握意识形态工作领导权",
    "优化营商环境",
    "推动教育优先发展",
    "做好新时代群众工作",
    "学习党史 赓续红色血脉",
    "防范化解重大风险",
    "发展壮大村级集体经济",
]
VILLAGES = [
    "东关",
    "西关",
    "南街",
    "北坪",
    "红旗",
    "新华",
    "永安",
    "和平",
    "太平",
    "长青",
    "杨柳",
    "桃园",
    "石门",
    "清水",
    "金坪",
    "马鞍",
]


@dataclass
class Member:
    name: str
    group: str
    member_id: str
    position: str
    is_head: bool
    points: list[str]
    joined: dt.date | None = None
    left: dt.date | None = None
    exempt: bool = False
    note: str = ""

    @property
    def ref(self) -> str:
        """What other sheets write for this member: the 编号 where the name is shared."""
        return self.member_id if self.note == "同名" else self.name


@dataclass
class Ledger:
    members: list[list] = field(default_factory=list)
    plan: list[list] = field(default_factory=list)
    talks: list[list] = field(default_factory=list)
    participation: list[list] = field(default_factory=list)
    outreach: list[list] = field(default_factory=list)
    exams: list[list] = field(default_factory=list)


def group_names(count: int) -> list[str]:
    base = [f"{t}党委" for t in TOWNSHIPS[:4]] + [f"{d}党组" for d in DEPARTMENTS[:4]]
    base += [f"{t}党委" for t in TOWNSHIPS[4:]] + [f"{d}党组" for d in DEPARTMENTS[4:]]
    names = base[:count]
    for index in range(len(names), count):
        names.append(f"第{index + 1}乡镇党委")
    return names


def _people(rng: random.Random, group: str, count: int, group_index: int) -> list[Member]:
    used: set[str] = set()
    township = group.removesuffix("党委").removesuffix("党组")
    people = []
    for index in range(count):
        name = (
            rng.choice(SURNAMES)
            + rng.choice(GIVEN)
            + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
        )
        while name in used:
            name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        used.add(name)
        villages = rng.sample(VILLAGES, 2)
        points = [f"{township}{v}村" for v in villages]
        position = "书记" if index == 0 else ("副书记" if index == 1 else "委员")
        people.append(
            Member(
                name, group, f"M{group_index + 1:03d}{index + 1:02d}", position, index == 0, points
            )
        )
    return people


def generate(
    groups: int = 8,
    members_per_group: int = 9,
    years: int = 2,
    seed: int = 2026,
    sessions_per_year: int = 8,
    last_year: int = SAMPLE_YEAR,
    as_of: dt.date = SAMPLE_AS_OF,
    scripted: bool = True,
) -> tuple[Ledger, dt.date]:
    """The rows of every sheet; ``scripted`` adds the imperfections of the sample county."""
    rng = random.Random(seed)
    ledger = Ledger()
    year_list = list(range(last_year - years + 1, last_year + 1))
    for group_index, group in enumerate(group_names(groups)):
        people = _people(rng, group, members_per_group, group_index)
        script = _script(group_index) if scripted else set()
        _shape_members(people, script, last_year)
        for member in people:
            ledger.members.append(_member_row(member))
        for year in year_list:
            _year_rows(ledger, rng, people, group_index, year, sessions_per_year, as_of, script)
    return ledger, as_of


def _script(group_index: int) -> set[str]:
    """Which imperfections each of the first groups carries."""
    return {
        0: {"duplicate_name", "transfer", "too_few", "speaker_host", "overdue", "failed_makeup"},
        1: {"no_head", "late_draft", "absentee", "off_point", "no_exam", "exempt"},
        2: {"many_heads", "head_no_talk", "failed_pending", "makeup_passed", "long_talk"},
        3: {"late_joiner", "no_outreach", "postponed", "cancelled"},
    }.get(group_index, set())


def _shape_members(people: list[Member], script: set[str], year: int) -> None:
    if "duplicate_name" in script and len(people) > 4:
        people[4].name = people[3].name
        people[3].note = people[4].note = "同名"
    if "transfer" in script and len(people) > 5:
        people[5].left = dt.date(year, 6, 30)
        people[5].note = "年中调离"
    if "no_head" in script:
        people[0].is_head = False
    if "many_heads" in script and len(people) > 1:
        people[1].is_head = True
    if "exempt" in script and len(people) > 6:
        people[6].exempt = True
        people[6].note = "因病免考核"
    if "late_joiner" in script and len(people) > 7:
        people[7].joined = dt.date(year, 9, 1)
        people[7].note = "9月新任"


def _member_row(member: Member) -> list:
    return [
        member.name,
        member.group,
        member.member_id,
        member.position,
        "是" if member.is_head else "否",
        "、".join(member.points),
        member.joined,
        member.left,
        "是" if member.exempt else "",
        member.note or None,
    ]


def session_id(group: str, group_index: int, year: int, index: int) -> str:
    """QS-2026-01: the group's letters, the year and the session's number in it."""
    code = GROUP_CODES.get(group, f"Z{group_index + 1:02d}")
    return f"{code}-{year}-{index + 1:02d}"


def _in_post(member: Member, day: dt.date) -> bool:
    if member.joined and day < member.joined:
        return False
    return not (member.left and day > member.left)


def _year_rows(
    ledger: Ledger,
    rng: random.Random,
    people: list[Member],
    group_index: int,
    year: int,
    sessions: int,
    as_of: dt.date,
    script: set[str],
) -> None:
    current = year == as_of.year
    count = 5 if ("too_few" in script and current) else sessions
    speakers = list(people)
    if "head_no_talk" in script and current:
        speakers = speakers[1:] + speakers[1:2]
    start, span = dt.date(year, 2, 20), 290
    for index in range(count):
        planned = start + dt.timedelta(days=round(span * index / max(count - 1, 1)))
        session = session_id(people[0].group, group_index, year, index)
        speaker = speakers[index % len(speakers)]
        while not _in_post(speaker, planned):
            speaker = speakers[(speakers.index(speaker) + 1) % len(speakers)]
        host = people[0] if speaker is not people[0] else people[1]
        if "speaker_host" in script and current and index == 1:
            host = speaker
        status = "计划"
        if "overdue" in script and current and index == count - 2:
            planned = as_of - dt.timedelta(days=20)  # passed, never held
        elif "postponed" in script and current and index == count - 3:
            status = "延期"
        elif "cancelled" in script and current and index == 2:
            status = "取消"
        held = (
            planned <= as_of
            and status == "计划"
            and not ("overdue" in script and current and index == count - 2)
        )
        if held:
            status = "已举行"
        study_group = f"第{'一二三'[index % 3]}学习小组"
        topic = rng.choice(TOPICS)
        ledger.plan.append(
            [session, speaker.group, planned, topic, speaker.ref, host.ref, study_group, status]
        )
        if held:
            _held_rows(
                ledger, rng, people, speaker, session, planned, as_of, script, index, current
            )
    for member in people:
        _exam_row(ledger, rng, member, people, year, current, script)


def _held_rows(
    ledger: Ledger,
    rng: random.Random,
    people: list[Member],
    speaker: Member,
    session: str,
    held: dt.date,
    as_of: dt.date,
    script: set[str],
    index: int,
    current: bool,
) -> None:
    lead = 3 if ("late_draft" in script and current and index == 0) else rng.choice((7, 8, 10, 14))
    draft: dt.date | None = held - dt.timedelta(days=lead)
    if current and index == 3 and "no_outreach" in script:
        draft = None  # DRAFT_MISSING
    minutes = (
        120
        if ("long_talk" in script and current and index == 0)
        else rng.choice((50, 60, 60, 70, 80, 90))
    )
    revised = not (current and index == 1 and "late_draft" in script)
    final = held + dt.timedelta(days=rng.randint(3, 12)) if revised else None
    age = (as_of - held).days
    article = None
    if age > 40 and not ("no_outreach" in script and current and index == 0):
        article = f"{rng.choice(TOPICS)}的实践与思考"
    ledger.talks.append(
        [
            session,
            held,
            draft,
            minutes,
            "是" if rng.random() < 0.7 else "否",
            final,
            article,
            held + dt.timedelta(days=rng.randint(20, 40)) if article else None,
        ]
    )
    for member in people:
        if member is speaker or not _in_post(member, held):
            continue
        ledger.participation.append(
            [session, member.ref, *_participation(rng, member, people, script, current)]
        )
    skip_outreach = "no_outreach" in script and current and index in (0, 1)
    if age > 20 and not skip_outreach:
        for visit in range(rng.choice((1, 2, 2, 3))):
            place = speaker.points[visit % len(speaker.points)]
            if "off_point" in script and current and index == 0 and visit == 0:
                place = "县委党校"
            audience = rng.randint(15, 80)
            ledger.outreach.append(
                [session, held + dt.timedelta(days=7 + 5 * visit), place, audience]
            )


def _participation(
    rng: random.Random, member: Member, people: list[Member], script: set[str], current: bool
) -> list[str]:
    if "absentee" in script and current and member is people[2]:
        attendance = rng.choice(("缺席", "缺席", "请假", "出席"))
    else:
        roll = rng.random()
        attendance = "出席" if roll < 0.9 else ("请假" if roll < 0.97 else "缺席")
    if attendance != "出席":
        return [attendance, "无"]
    roll = rng.random()
    comment = "口头" if roll < 0.8 else ("书面" if roll < 0.95 else "无")
    return [attendance, comment]


def _exam_row(
    ledger: Ledger,
    rng: random.Random,
    member: Member,
    people: list[Member],
    year: int,
    current: bool,
    script: set[str],
) -> None:
    year_start, year_end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if member.exempt or (member.joined and member.joined > year_end):
        return
    if member.left and member.left < year_start:
        return
    score: float | None = rng.randint(68, 96)
    makeup: float | None = None
    position = people.index(member)
    if current and "no_exam" in script and position in (3, 4):
        return
    if "failed_makeup" in script and position == 2:
        score, makeup = (52, 55) if not current else (50, 45)
    if "failed_pending" in script and current and position == 3:
        score = 48
    if "makeup_passed" in script and current and position == 4:
        score, makeup = 55, 72
    ledger.exams.append([member.ref, member.group, year, score, makeup])
