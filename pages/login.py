"""登录: the only page before signing in."""

import streamlit as st

from pages.common.context import t
from pages.common.session import current, sign_in_form

st.title(t("page_login"))
user = current()
if user is None:
    sign_in_form()
else:
    # Normally the navigation has already moved on; never rerun from here (that would loop).
    st.success(t("signed_in_as", name=user.name, role=t(f"role_{user.role}")))
