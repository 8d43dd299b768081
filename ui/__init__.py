"""The Streamlit side of Claim Workbench: the one place that adapts the library (``workbench``) to the screens.

- :mod:`ui.resources`: the store and the extractor, held once per process (``st.cache_resource``).
- :mod:`ui.session`: who the current user is, and :class:`ui.session.Desk`, the path every write takes.
- :mod:`ui.widgets`: pieces several screens share (messages, conflicts, the source form).
- :mod:`ui.text`, :mod:`ui.charts`: plain helpers (escaped Markdown, figures, Altair charts).
"""
