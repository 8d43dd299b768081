"""Claim Workbench as an ASGI app: Streamlit's server with the app's own routes beside it.

Run with ``streamlit run serve.py`` (``make run``): the same app as ``streamlit_app.py``, plus the HTTP
routes of :mod:`ui.web` that set the HttpOnly session and browser cookies, which a Streamlit script cannot
set itself. ``streamlit run streamlit_app.py`` still runs the screens, but then sign-ins do not survive a
reload and drafts are kept per tab only.
"""

import streamlit as st

from ui.web import routes

app = st.App("streamlit_app.py", routes=routes())
