"""学习档案 and 风险预警 as PDF (issue #27): the text read back (tests/pdf_text.py, pure Python)
holds the member's name, every session's date and topic, the credits, the status and the page
numbers; a group gives one page per member; the CJK font is embedded as a subset."""

from __future__ import annotations

import datetime as dt
import functools
import subprocess
import sys
from pathlib import Path

from model.dev.sample import SAMPLE_PATH
from model.engine.record import group_records, study_record
from model.engine.report import build_report
from model.outputs.pdf_record import records_pdf, risk_pdf
from model.texts.domain import status_label
from model.workbook.reader import read_workbook
from tests.pdf_text import embedded_fonts, pages_text

YEAR, AS_OF = 2026, dt.date(2026, 11, 15)
GROUP = "城关镇党委"


@functools.cache
def _report():
    workbook = read_workbook(SAMPLE_PATH.read_bytes()).workbook
    assert workbook is not None
    return build_report(workbook, YEAR, AS_OF)


def _flat(text: str) -> str:
    return text.replace("\n", "")


def test_one_members_record_reads_back_whole():
    report = _report()
    key = report.members.index[report.members["group"] == GROUP][0]
    record = study_record(report, key)
    data = records_pdf([record])
    assert data.startswith(b"%PDF-")
    (page,) = pages_text(data)
    flat = _flat(page)
    assert record.name in flat
    assert "中心组理论学习档案（2026年度）" in flat
    assert len(record.sessions)
    for row in record.sessions.itertuples():
        assert f"{row.date:%Y-%m-%d}" in flat
        assert str(row.topic) in flat
    assert f"年度学分 {record.credits:g}" in flat
    assert f"评定：{status_label(record.status)}" in flat
    assert "本人签字" in flat
    assert "第 1 页，共 1 页" in flat


def test_a_group_gives_one_page_per_member_numbered():
    report = _report()
    records = group_records(report, GROUP)
    data = records_pdf(records)
    pages = pages_text(data)
    assert len(pages) == len(records)
    for number, (page, record) in enumerate(zip(pages, records, strict=True), start=1):
        flat = _flat(page)
        assert f"姓名：{record.name}" in flat
        assert f"第 {number} 页，共 {len(records)} 页" in flat


def test_the_cjk_font_is_embedded_as_a_subset():
    report = _report()
    data = records_pdf(group_records(report, GROUP))
    fonts = embedded_fonts(data)
    assert fonts and all("+NotoSansSC" in name for name in fonts)
    assert len(data) < 400_000  # a subset, not the 17 MB font


def test_the_risk_list_names_who_is_at_risk_or_hides_them():
    report = _report()
    concerned = report.members[report.members["status"].isin(["failed", "at_risk"])]
    shown = _flat("".join(pages_text(risk_pdf(report))))
    assert "风险预警名单" in shown and "制表" in shown and "第 1 页" in shown
    for name in concerned["name"]:
        assert name in shown
    hidden = _flat("".join(pages_text(risk_pdf(report, show_names=False))))
    names = set(report.timeline.members["name"].astype(str))
    assert [name for name in names if name in hidden] == []
    assert "成员" in hidden


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "model", *args], capture_output=True, text=True, timeout=120
    )


def test_cli_record_pdf_and_risk_pdf(tmp_path: Path):
    out = tmp_path / "档案.pdf"
    sample = str(SAMPLE_PATH)
    done = _cli("record-pdf", sample, str(out), "--year", "2026", "--group", GROUP)
    assert done.returncode == 0, done.stderr
    assert len(pages_text(out.read_bytes())) == len(group_records(_report(), GROUP))
    assert _cli("record-pdf", sample, str(out), "--year", "2026").returncode == 1
    assert _cli("record-pdf", sample, str(out), "--year", "2026", "--group", "无").returncode == 1
    nobody = _cli("record-pdf", sample, str(out), "--year", "2026", "--member", "无此人")
    assert nobody.returncode == 1
    risk = tmp_path / "预警.pdf"
    done = _cli("risk-pdf", sample, str(risk), "--year", "2026", "--hide-names")
    assert done.returncode == 0, done.stderr
    assert "风险预警名单" in _flat(pages_text(risk.read_bytes())[0])
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"not a workbook")
    assert _cli("risk-pdf", str(bad), str(risk), "--year", "2026").returncode == 2


def test_a_speaker_who_hosts_reads_both_roles_in_the_pdf():
    # S1: 甲 speaks and hosts: attend 2 + talk 10 + host 2 = 14 (issue #22 item 6).
    from model.engine.record import find_member
    from tests.ledgers import G, report, talk_row

    plan = [["S1", G, dt.date(2026, 3, 10), "专题一", "甲", "甲", "已举行"]]
    rep = report(
        as_of=dt.date(2026, 12, 31), plan=plan, talks=[talk_row("S1", dt.date(2026, 3, 10))]
    )
    (page,) = pages_text(records_pdf([study_record(rep, find_member(rep, "甲", G)[0])]))
    assert "主讲、主持" in _flat(page)
