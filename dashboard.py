"""中心组“1+X”学习台账: the entry point builds navigation and the shared sidebar only."""

import streamlit as st

from pages.common.state import PageContext, current_source, read_cached, sidebar, t

st.set_page_config(
    page_title="中心组“1+X”学习台账", page_icon=":material/menu_book:", layout="wide"
)

source = current_source()
result = read_cached(source.sha256, source.data)
if result.ok:
    filters = sidebar(result, source)
    st.session_state["_ctx"] = PageContext(source, result, filters)
else:
    st.session_state.pop("_ctx", None)
    st.error(t("workbook_invalid", count=len(result.errors)))

pages = [
    st.Page(
        "pages/overview.py", title=t("page_overview"), icon=":material/dashboard:", default=True
    ),
    st.Page("pages/sessions.py", title=t("page_sessions"), icon=":material/event:"),
    st.Page("pages/members.py", title=t("page_members"), icon=":material/groups:"),
    st.Page("pages/risk.py", title=t("page_risk"), icon=":material/warning:"),
    st.Page("pages/rules.py", title=t("page_rules"), icon=":material/menu_book:"),
]
st.navigation(pages).run()
