"""Shared test fixtures."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD_DEV = SHARED / "gold" / "dev.jsonl"


@pytest.fixture(scope="session")
def gold_dev_path() -> Path:
    if not GOLD_DEV.exists():
        pytest.skip(f"gold set not found at {GOLD_DEV} (it lives beside a CI clone, not in the project)")
    return GOLD_DEV


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite database migrated to the current schema, once per test process, for fixtures to copy."""
    from workbench.store import Store

    path = tmp_path_factory.mktemp("template") / "workbench.db"
    Store.open(f"sqlite:///{path}").close()  # closing the last connection folds the WAL into the file
    assert not path.with_name(path.name + "-wal").exists()
    return path


@pytest.fixture(autouse=True)
def _keep_main_module():
    """AppTest runs the app script as ``__main__`` and leaves it there; a process started afterwards with the
    ``spawn`` method would then re-run the app script in the child. Put the real ``__main__`` back."""
    import sys

    main = sys.modules.get("__main__")
    yield
    if sys.modules.get("__main__") is not main:
        sys.modules["__main__"] = main
