"""Shared test fixtures."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD_DEV = SHARED / "gold" / "dev.jsonl"


@pytest.fixture(scope="session", autouse=True)
def _test_profile_password_hashes():
    """Passwords are hashed with argon2-cffi's own profile for tests (``profiles.CHEAPEST``): real argon2id
    hashes, verified for real, without the 64 MiB and three passes of the RFC 9106 parameters the workbench
    uses, which made accounts the slowest part of the suite. Tests marked ``real_hashes`` get the real
    hasher back (``real_hasher``); apps started as subprocesses always hash for real."""
    from argon2 import PasswordHasher, profiles

    from workbench import auth

    real = auth._hasher
    auth._hasher = PasswordHasher.from_parameters(profiles.CHEAPEST)
    yield
    auth._hasher = real


@pytest.fixture(autouse=True)
def real_hasher(request: pytest.FixtureRequest):
    """The workbench's own password hasher, for tests marked ``real_hashes``."""
    if request.node.get_closest_marker("real_hashes") is None:
        yield
        return
    from argon2 import PasswordHasher

    from workbench import auth

    cheap = auth._hasher
    auth._hasher = PasswordHasher()
    yield
    auth._hasher = cheap


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
