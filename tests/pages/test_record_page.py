"""学习档案 downloads on 成员学分 (issue #15): per member, per group, within the user's scope."""

from model.store.auth import Accounts
from tests.pages.test_pages import app, goto, sample_report  # noqa: F401
from tests.pages.test_signin_pages import PASSWORD, data_dir, sign_in, start  # noqa: F401


def download_labels(at) -> list[str]:
    return [button.proto.label for button in at.get("download_button")]


def test_members_page_offers_the_group_records_and_the_chosen_members(sample_report):  # noqa: F811
    at = goto(app(), "pages/members.py")
    pick = at.selectbox(key="record_group_pick")
    assert pick.options == list(dict.fromkeys(sample_report.members["group"]))
    pick.select("城关镇党委").run()
    assert "下载城关镇党委全体成员的学习档案（每人一页）" in download_labels(at)
    at.text_input[0].input("许华俊").run()
    at.session_state["members_table"] = {"selection": {"rows": [0], "columns": []}}
    at.run()
    assert "下载许华俊的学习档案" in download_labels(at)
    # The group's records follow the member picked (许华俊 is not in 城关镇党委).
    group = sample_report.members.set_index("name").at["许华俊", "group"]
    assert group != "城关镇党委"
    assert at.selectbox(key="record_group_pick").value == group
    assert f"下载{group}全体成员的学习档案（每人一页）" in download_labels(at)


def test_a_group_limited_viewer_gets_only_their_group(data_dir):  # noqa: F811
    Accounts(data_dir).add("王书记", PASSWORD, "viewer", ["青山镇党委"])
    at = sign_in(start(), "王书记")
    at.switch_page("pages/members.py").run()
    assert not at.exception, at.exception
    assert at.selectbox(key="record_group_pick").options == ["青山镇党委"]
    assert "下载青山镇党委全体成员的学习档案（每人一页）" in download_labels(at)
