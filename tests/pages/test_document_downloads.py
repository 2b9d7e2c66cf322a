"""The documents that go upward on the pages (issue #27): 下载通报 on 总览 and 成效, the PDFs
beside the 学习档案 downloads and on 风险预警; each is built only when clicked."""

from tests.pages.test_pages import app, goto, sample_report  # noqa: F401
from tests.pages.test_record_page import download_labels


def test_overview_and_shifts_offer_the_bulletin():
    for page in ("pages/overview.py", "pages/shifts.py"):
        at = goto(app(), page)
        assert not at.exception, at.exception
        assert "下载通报（Word）" in download_labels(at), page


def test_risk_offers_the_pdf_and_members_the_record_pdfs(sample_report):  # noqa: F811
    at = goto(app(), "pages/risk.py")
    assert not at.exception, at.exception
    assert "下载风险预警名单 PDF" in download_labels(at)
    at = goto(app(), "pages/members.py")
    at.selectbox(key="record_group_pick").select("城关镇党委").run()
    assert "下载城关镇党委全体成员的学习档案 PDF（每人一页）" in download_labels(at)
