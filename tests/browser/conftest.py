"""Browser tests: the real app under `streamlit run`, driven by Playwright in Debian's Chromium.

The app runs as a subprocess (``streamlit run serve.py``: the screens and the app's cookie routes) on a free
local port with its own SQLite file; tests wait on
`/_stcore/health` before driving it. Screenshots of every screen go to `test-artifacts/screenshots/`.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.browser


def chromium_path() -> str | None:
    for candidate in (os.environ.get("WORKBENCH_CHROMIUM"), *CHROMIUM_CANDIDATES):
        if candidate and Path(candidate).exists():
            return candidate
    found = shutil.which("chromium")
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AppServer:
    """A `streamlit run` subprocess serving the app on a local port."""

    def __init__(self, db_url: str, workdir: Path, env: dict[str, str] | None = None, secrets: str | None = None,
                 script: str = "serve.py"):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.db_url = db_url
        self.workdir = workdir
        if secrets is not None:  # Streamlit reads .streamlit/secrets.toml from its working folder
            (workdir / ".streamlit").mkdir(exist_ok=True)
            (workdir / ".streamlit" / "secrets.toml").write_text(secrets, encoding="utf-8")
        self.log_path = workdir / "streamlit.log"
        full_env = {**os.environ, "WORKBENCH_DB": db_url, **(env or {})}
        full_env.setdefault("STREAMLIT_BROWSER_GATHER_USAGE_STATS", "false")
        self._log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            [
                sys.executable, "-m", "streamlit", "run", str(ROOT / script),
                "--server.headless", "true",
                "--server.port", str(self.port),
                "--server.address", "127.0.0.1",
                "--browser.gatherUsageStats", "false",
                "--server.fileWatcherType", "none",
            ],
            cwd=workdir,
            env=full_env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    def wait_healthy(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited early:\n{self.log_path.read_text(errors='replace')}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as resp:
                    if resp.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise TimeoutError(f"streamlit not healthy after {timeout}s:\n{self.log_path.read_text(errors='replace')}")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._log.close()


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        pytest.skip("no Chromium found (install Debian's `chromium` package or set WORKBENCH_CHROMIUM)")
    from playwright import sync_api  # a dev dependency (pyproject.toml): missing is an error, not a skip
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def app_server(tmp_path):
    """A fresh app on an empty SQLite file (it imports the bundled sample on first start)."""
    server = AppServer(f"sqlite:///{tmp_path / 'workbench.db'}", tmp_path)
    try:
        server.wait_healthy()
        yield server
    finally:
        server.stop()


@pytest.fixture()
def shot():
    """Save a full-page screenshot under test-artifacts/screenshots/NAME.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> Path:
        wait_drawn(page)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture()
def start_server(tmp_path):
    """``start_server(env=..., secrets=...)``: an app on ``tmp_path/workbench.db`` (made ready beforehand by
    the test if it likes), stopped at the end of the test."""
    started: list[AppServer] = []

    def start(env: dict[str, str] | None = None, secrets: str | None = None) -> AppServer:
        server = AppServer(f"sqlite:///{tmp_path / 'workbench.db'}", tmp_path, env=env, secrets=secrets)
        started.append(server)
        server.wait_healthy()
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture()
def empty_app_server(tmp_path):
    """A fresh app on an empty SQLite file that stays empty (no sample import at first start)."""
    server = AppServer(f"sqlite:///{tmp_path / 'workbench.db'}", tmp_path, env={"WORKBENCH_SAMPLE": "off"})
    try:
        server.wait_healthy()
        yield server
    finally:
        server.stop()


def wait_settled(page, timeout: float = 60_000) -> None:
    """Wait until the app has finished its current rerun (Streamlit's "running" indicator is gone)."""
    page.wait_for_timeout(150)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=timeout)
    page.wait_for_timeout(100)


def wait_drawn(page, timeout: float = 30_000) -> None:
    """Wait until widgets and charts have replaced their loading placeholders."""
    wait_settled(page, timeout)
    page.wait_for_function("() => document.querySelectorAll('[data-testid=\"stSkeleton\"]').length === 0",
                           timeout=timeout)
    page.wait_for_timeout(500)


@pytest.fixture()
def settle():
    """``settle(page)``: wait until the app has finished the rerun the last action started."""
    return wait_settled
