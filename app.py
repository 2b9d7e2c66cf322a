"""The served app: dashboard.py in Streamlit's Starlette app (``st.App``) with the sign-in routes
and the gate of pages/common/web.py, which set and clear the session cookie on the server.

``make run`` starts it through ``python -m pages.common.serve`` (warmed caches first);
``streamlit run app.py`` works too, cold.
"""

import streamlit as st

from pages.common.web import middleware, routes

app = st.App("dashboard.py", routes=routes(), middleware=middleware())
