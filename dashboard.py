"""中心组“1+X”学习台账: the entry point sets up the page and the navigation, nothing else.

The navigation lists only what the signed-in role may open; every page checks again itself.
"""

import streamlit as st

from pages.common.chrome import hide_input_instructions
from pages.common.context import t
from pages.common.session import current

st.set_page_config(
    page_title="中心组“1+X”学习台账", page_icon=":material/menu_book:", layout="wide"
)

hide_input_instructions()  # Streamlit's English "Press Enter to apply" (see pages/common/chrome)
user = current()
if user is None:
    pages = [
        st.Page("pages/login.py", title=t("page_login"), icon=":material/login:", default=True)
    ]
else:
    pages = [
        st.Page(
            "pages/overview.py", title=t("page_overview"), icon=":material/dashboard:", default=True
        ),
        st.Page("pages/sessions.py", title=t("page_sessions"), icon=":material/event:"),
        st.Page("pages/todo.py", title=t("page_todo"), icon=":material/checklist:"),
        st.Page("pages/plan.py", title=t("page_plan"), icon=":material/edit_calendar:"),
        st.Page("pages/members.py", title=t("page_members"), icon=":material/groups:"),
        st.Page("pages/risk.py", title=t("page_risk"), icon=":material/warning:"),
        st.Page("pages/shifts.py", title=t("page_shifts"), icon=":material/trending_up:"),
        st.Page("pages/rules.py", title=t("page_rules"), icon=":material/menu_book:"),
    ]
    if user.can("publish"):
        pages.append(
            st.Page("pages/upload.py", title=t("page_upload"), icon=":material/upload_file:")
        )
        pages.append(
            st.Page("pages/history.py", title=t("page_history"), icon=":material/history:")
        )
    if user.can("audit"):
        pages.append(
            st.Page("pages/admin.py", title=t("page_admin"), icon=":material/admin_panel_settings:")
        )
st.navigation(pages).run()
