"""中心组“1+X”学习台账: the entry point sets up the page and the navigation, nothing else."""

import streamlit as st

from pages.common.state import t

st.set_page_config(
    page_title="中心组“1+X”学习台账", page_icon=":material/menu_book:", layout="wide"
)

pages = [
    st.Page(
        "pages/overview.py", title=t("page_overview"), icon=":material/dashboard:", default=True
    ),
    st.Page("pages/sessions.py", title=t("page_sessions"), icon=":material/event:"),
    st.Page("pages/members.py", title=t("page_members"), icon=":material/groups:"),
    st.Page("pages/risk.py", title=t("page_risk"), icon=":material/warning:"),
    st.Page("pages/rules.py", title=t("page_rules"), icon=":material/menu_book:"),
    st.Page("pages/upload.py", title=t("page_upload"), icon=":material/upload_file:"),
    st.Page("pages/history.py", title=t("page_history"), icon=":material/history:"),
]
st.navigation(pages).run()
