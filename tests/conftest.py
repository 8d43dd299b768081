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
