"""Claim Workbench — the Streamlit entry point: navigation, the shared sidebar, and who is reviewing.

Run with ``make run`` (``streamlit run streamlit_app.py``). The database is ``$WORKBENCH_DB`` (default
``./workbench.db``); an empty one gets the sample articles at first start (``WORKBENCH_SAMPLE=off`` to skip).
"""

import streamlit as st

from ui import resources
from ui.session import reviewer_picker
from ui.text import escape_md, screen_message
from workbench.errors import StoreError

st.set_page_config(page_title="Claim Workbench", page_icon=":material/pin:", layout="wide")

try:
    store = resources.store()
    resources.ensure_sample()
except StoreError as exc:
    st.title("Claim Workbench")
    st.error(f"The database cannot be opened: {escape_md(screen_message(str(exc)))}")
    st.stop()

resources.extractor()  # load the number parser before the first screen, once per process

PAGES = [
    st.Page("app_pages/review.py", title="Review", icon=":material/fact_check:", url_path="review", default=True),
    st.Page("app_pages/groups.py", title="Groups", icon=":material/join_inner:", url_path="groups"),
    st.Page("app_pages/importing.py", title="Import", icon=":material/upload_file:", url_path="import"),
    st.Page("app_pages/export.py", title="Export", icon=":material/download:", url_path="export"),
    st.Page("app_pages/dashboard.py", title="Dashboard", icon=":material/monitoring:", url_path="dashboard"),
]
page = st.navigation(PAGES)

with st.sidebar:
    st.markdown("### Claim Workbench")
    user = reviewer_picker(store)
    if user is not None:
        st.caption(f"Saving as **{escape_md(user.display_name)}**")

page.run()
