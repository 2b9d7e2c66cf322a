"""中心组“1+X”学习台账: the entry point sets up the page and the navigation, nothing else.

Every page is registered for everyone, so that any address (a link sent round, a reload) opens
its page: the navigation shows only what the signed-in role may open, and every page checks
again itself (a page the role may not open says so, with a link back).
"""

import streamlit as st

from pages.common.chrome import hide_input_instructions
from pages.common.context import t
from pages.common.navigation import PAGES
from pages.common.session import current

st.set_page_config(page_title=t("app_title"), page_icon=":material/menu_book:", layout="wide")

hide_input_instructions()  # Streamlit's English "Press Enter to apply" (see pages/common/chrome)
user = current()
pages = [
    st.Page(
        page.path,
        title=t(page.title_key),
        icon=page.icon,
        default=page.default,
        visibility="visible" if user is not None and user.can(page.permission) else "hidden",
    )
    for page in PAGES
]
st.navigation(pages, position="sidebar" if user is not None else "hidden").run()
