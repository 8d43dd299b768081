"""Shared, heavy objects held once per server process: the store (its SQLAlchemy Engine) and the extractor.

Only these two are cached (``st.cache_resource``); every piece of data a screen shows is read fresh on each
rerun, so one reviewer sees another's verdicts at once.
"""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from workbench.extract import Extractor
from workbench.store import Store, resolve_url

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DIR = ROOT / "data"
SAMPLE_ENV = "WORKBENCH_SAMPLE"  # a folder to import into an empty database, or "off"
SAMPLE_SETTING = "app.sample_imported"
OFF = {"", "0", "off", "no", "none", "false"}

# Uploads: the server refuses bigger files (.streamlit/config.toml server.maxUploadSize) and the import
# screen checks again in code, so a changed config cannot let a huge file through.
MAX_UPLOAD_MB = 20
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1_000_000


@st.cache_resource(show_spinner="Opening the database…")
def _store(url: str) -> Store:
    return Store.open(url)


def store() -> Store:
    """The store for ``$WORKBENCH_DB`` (default ``./workbench.db``), opened and migrated once per process."""
    return _store(resolve_url())


@st.cache_resource(show_spinner="Loading the number parser…")
def extractor() -> Extractor:
    """The claim extractor, warmed (quantulum3's unit tables loaded) once per process.

    Warmed here rather than in a background thread: importing quantulum3 parses source with ``ast`` (via
    typeguard), which must not run beside Streamlit's own script compilation in another thread.
    """
    ex = Extractor()
    ex.warm()
    return ex


def sample_dir() -> Path | None:
    """The folder imported into an empty database at first start (``$WORKBENCH_SAMPLE``; "off" for none)."""
    chosen = os.environ.get(SAMPLE_ENV)
    if chosen is None:
        return SAMPLE_DIR if SAMPLE_DIR.is_dir() else None
    if chosen.strip().lower() in OFF:
        return None
    return Path(chosen)


@st.cache_resource(show_spinner="First start: importing the sample articles…")
def _sample_done(url: str) -> bool:
    """Import the sample once per database: only when it holds no article and never had the sample."""
    from workbench.desk import Desk

    folder = sample_dir()
    s = _store(url)
    if folder is None or s.counts()["articles"] or s.get_setting(SAMPLE_SETTING):
        return False
    ex = extractor()
    report = Desk(s).import_paths(None, [folder], extractor=lambda arts: [c for a in arts for c in ex.extract(a)])
    s.set_setting(SAMPLE_SETTING, {"folder": str(folder), "articles": report.articles_new,
                                   "claims": report.claims_new}, actor_id=None)
    return True


def ensure_sample() -> bool:
    """On an empty database, import the sample articles (once); True if it was imported in this process."""
    return _sample_done(resolve_url())
