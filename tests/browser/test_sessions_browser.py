"""Sessions in a real browser (issue 25): a reload keeps the user, a link lands where it points,
sign-out and removal end it on the server, the cookie's flags, the admin adds a user who can
then sign in, and failures from one client do not lock the user out of another."""

import pytest

from tests.browser.browser import (
    SCREENSHOTS,
    chromium_browser,
    fill_sign_in,
    new_page,
    require_chromium,
    streamlit_server,
    wait_for_app,
)

pytestmark = pytest.mark.browser
PASSWORD = "correct horse 1"
MEETING_BAR = ".st-key-meeting_bar"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    require_chromium()
    from model.store.auth import Accounts

    data = tmp_path_factory.mktemp("data")
    registry = Accounts(data)
    registry.add("管理员", PASSWORD, "admin", None)
    registry.add("王书记", PASSWORD, "viewer", ["青山镇党委"])
    registry.add("文书甲", PASSWORD, "clerk", None)
    registry.add("临时", PASSWORD, "viewer", None)
    with streamlit_server(data) as url, chromium_browser() as browser:
        yield url, registry, browser


def title(page) -> str:
    return page.locator("[data-testid='stMain'] h1").first.inner_text().strip()


def signed_in(page, url: str, name: str, path: str = "") -> None:
    page.goto(f"{url}/{path}")
    fill_sign_in(page, name, PASSWORD)
    page.wait_for_selector("[data-testid='stSidebar']", timeout=60_000)
    wait_for_app(page)


def test_a_reload_keeps_the_session_and_a_new_tab_opens_its_link(served):
    url, _, browser = served
    page = new_page(browser)
    signed_in(page, url, "文书甲")
    page.wait_for_selector("[data-testid='stMetric']", timeout=30_000)
    page.reload()
    page.wait_for_selector("[data-testid='stMetric']", timeout=30_000)
    wait_for_app(page)
    assert title(page) == "总览"
    assert page.locator("[data-testid='stSidebar']").get_by_text("已登录：文书甲").count() == 1
    tab = page.context.new_page()  # the same browser: its cookie
    tab.goto(f"{url}/risk?meeting=1")
    tab.wait_for_selector(MEETING_BAR, timeout=60_000)
    wait_for_app(tab)
    assert title(tab) == "风险预警" and tab.url.endswith("/risk?meeting=1")
    cookie = next(c for c in page.context.cookies() if c["name"] == "xuexi_session")
    assert cookie["httpOnly"] is True and cookie["sameSite"] == "Lax"
    assert cookie["secure"] is False  # plain HTTP here; Secure behind HTTPS (tests/pages)
    assert "xuexi_session" not in page.evaluate("document.cookie")  # no script can read it
    page.context.close()


def test_a_signed_out_deep_link_shows_the_chinese_form_and_then_its_page(served):
    url, _, browser = served
    page = new_page(browser)
    page.goto(f"{url}/risk?meeting=1")
    page.get_by_label("用户名").wait_for(timeout=30_000)
    assert page.url == f"{url}/risk?meeting=1"
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    assert page.get_by_text("Page not found").count() == 0
    page.screenshot(path=str(SCREENSHOTS / "signin-deep-link.png"), full_page=True)
    fill_sign_in(page, "王书记", "wrong password")
    page.get_by_text("用户名或密码不正确").wait_for(timeout=30_000)
    assert page.url == f"{url}/risk?meeting=1"  # refused: the form again, at the same address
    assert page.get_by_label("用户名").input_value() == "王书记"
    page.screenshot(path=str(SCREENSHOTS / "signin-wrong-password.png"), full_page=True)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_selector(MEETING_BAR, timeout=60_000)
    wait_for_app(page)
    assert page.url == f"{url}/risk?meeting=1" and title(page) == "风险预警"
    assert page.get_by_text("Page not found").count() == 0
    assert "青山镇党委" in page.locator("[data-testid='stMain']").inner_text()
    page.screenshot(path=str(SCREENSHOTS / "signin-landed-meeting.png"), full_page=True)
    page.context.close()


def test_a_page_the_role_may_not_open_says_so_with_a_link_back(served):
    url, _, browser = served
    page = new_page(browser)
    signed_in(page, url, "王书记", "admin")
    page.get_by_text("你的账号没有权限使用这个页面").wait_for(timeout=30_000)
    assert page.get_by_text("Page not found").count() == 0
    nav = page.locator("[data-testid='stSidebarNav']").inner_text()
    assert "用户与审计" not in nav and "数据上传" not in nav
    page.screenshot(path=str(SCREENSHOTS / "signin-not-allowed.png"), full_page=True)
    page.get_by_role("link", name="返回总览").click()
    page.wait_for_selector("[data-testid='stMetric']", timeout=30_000)
    assert title(page) == "总览"
    page.context.close()


def test_sign_out_ends_the_session_and_the_old_cookie_signs_no_one_in(served):
    url, registry, browser = served
    page = new_page(browser)
    signed_in(page, url, "文书甲", "members")
    assert title(page) == "成员学分"
    old = page.context.cookies()
    page.locator("[data-testid='xuexi-sign-out']").click()
    page.get_by_text("已退出登录").wait_for(timeout=30_000)
    assert not [c for c in page.context.cookies() if c["name"] == "xuexi_session"]
    assert registry.audit(action="sign_out")[0]["user"] == "文书甲"
    replay = new_page(browser)
    replay.context.add_cookies(old)
    replay.goto(f"{url}/members")
    replay.get_by_label("用户名").wait_for(timeout=30_000)
    assert replay.get_by_text("成员学分").count() == 0
    replay.screenshot(path=str(SCREENSHOTS / "signin-replayed-cookie.png"), full_page=True)
    page.context.close()
    replay.context.close()


def test_a_user_removed_while_signed_in_is_out_at_the_next_action(served):
    url, registry, browser = served
    page = new_page(browser)
    signed_in(page, url, "临时")
    page.wait_for_selector("[data-testid='stMetric']", timeout=30_000)
    registry.remove("临时", by="管理员")
    page.locator("[data-testid='stSidebarNav']").get_by_text("成员学分").click()
    page.get_by_text("登录已失效").wait_for(timeout=30_000)
    wait_for_app(page)
    assert title(page) == "登录"
    assert page.locator("[data-testid='stDataFrame']").count() == 0
    assert page.get_by_label("用户名").count() == 1  # the form, inside the app, at this page
    page.screenshot(path=str(SCREENSHOTS / "signin-removed-user.png"), full_page=True)
    page.context.close()


def test_the_admin_adds_a_user_who_can_then_sign_in(served):
    url, registry, browser = served
    page = new_page(browser, height=1400)
    signed_in(page, url, "管理员", "admin")
    page.get_by_text("添加用户").first.wait_for(timeout=30_000)
    form = page.locator("[data-testid='stForm']").first
    form.get_by_label("用户名").fill("新文书")
    form.locator("[data-testid='stSelectbox']").click()
    page.get_by_role("option", name="文书").click()
    form.get_by_label("密码", exact=True).fill("new clerk 123")
    form.get_by_label("再输一次密码").fill("new clerk 123")
    form.get_by_role("button", name="添加").click()
    page.get_by_text("已添加用户 新文书").wait_for(timeout=30_000)
    wait_for_app(page)
    page.screenshot(path=str(SCREENSHOTS / "admin-users.png"), full_page=True)
    assert registry.get("新文书").role == "clerk"
    newcomer = new_page(browser)
    newcomer.goto(f"{url}/upload")
    fill_sign_in(newcomer, "新文书", "new clerk 123")
    newcomer.wait_for_selector(
        "[data-testid='stFileUploaderDropzoneInput']", state="attached", timeout=60_000
    )
    wait_for_app(newcomer)
    assert title(newcomer) == "数据上传" and newcomer.url == f"{url}/upload"
    page.context.close()
    newcomer.context.close()


def test_failures_from_one_client_do_not_lock_the_admin_out_of_another(served):
    url, registry, browser = served
    # Behind nginx the server sees the client in X-Forwarded-For (trusted from this host only).
    attacker = new_page(browser, extra_http_headers={"X-Forwarded-For": "10.66.0.1"})
    attacker.goto(url)
    for _ in range(3):
        fill_sign_in(attacker, "管理员", "guessing 123")
        attacker.get_by_role("alert").wait_for(timeout=30_000)
    assert "秒后再试" in attacker.get_by_role("alert").inner_text()
    fill_sign_in(attacker, "管理员", PASSWORD)  # locked here, even with the right password
    attacker.get_by_text("秒后再试").wait_for(timeout=30_000)
    attacker.screenshot(path=str(SCREENSHOTS / "signin-locked.png"), full_page=True)
    admin = new_page(browser, extra_http_headers={"X-Forwarded-For": "10.0.0.8"})
    signed_in(admin, url, "管理员")
    admin.wait_for_selector("[data-testid='stMetric']", timeout=30_000)
    failed = registry.audit(user="管理员", action="sign_in_failed")
    assert {row["client"] for row in failed} == {"10.66.0.1"}
    assert registry.audit(user="管理员", action="sign_in")[0]["client"] == "10.0.0.8"
    attacker.context.close()
    admin.context.close()
