"""Key-to-next-claim in a real browser: one reviewer alone, then ten at once, on one PostgreSQL database.

    python bench/app.py --browser --pg postgresql+psycopg://postgres@127.0.0.1:5432/test [--sessions 10]
                        [--presses 12] [--rounds 2] [--claims 3000]

The app runs as one ``streamlit run serve.py`` process (single-user mode) on a fresh PostgreSQL schema holding
``--claims`` synthetic claims. Each session is a browser context of Debian's Chromium (Playwright, one
browser, driven concurrently with asyncio) with its own reviewer and its own queue: the claims assigned to
that reviewer ("Assigned to me"), so sessions never judge the same claim; the reviewer and the filter are
this browser's kept preferences (its preferences cookie is set before the first page). Each press of ``1`` saves the
verdict and brings up the next claim; the time measured is from the key press to the next claim's
sentence on screen (polled in the page on every animation frame).

Rounds interleave the baseline and the load: one session alone, then ``--sessions`` at once, repeated
``--rounds`` times, in the same run against the same server and database. Prints p50 and p95 of each
round, and min / median / max of the rounds' p50 and p95 for each kind. Each round also prints the CPU
time per press of the app server and of the browsers (Playwright's driver and Chromium, which share the
machine with the server: on 2 cores they are most of what a press costs), and the run ends with the
presses counted lost (no next claim after 30 s) and the load average.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

from sqlalchemy import create_engine, make_url, text

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("WORKBENCH_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def schema_url(base: str, schema: str) -> str:
    url = make_url(base)
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(url: str, n_claims: int, reviewers: list[str], per_reviewer: int) -> None:
    """Synthetic claims, one reviewer per session, each assigned their own claims."""
    from bench.app import fact_grouper, synthetic
    from workbench.sessions import BrowserPrefs
    from workbench.store import Store, Target

    with Store.open(url) as store:
        articles, claims, fact_of = synthetic(n_claims)
        store.import_articles(articles, claims, grouper=fact_grouper(fact_of))
        store.set_setting("app.sample_imported", {"folder": "synthetic"}, actor_id=None)
        ids = store.claim_ids_page(None, 0, per_reviewer * len(reviewers))
        prefs = BrowserPrefs(store)
        for i, name in enumerate(reviewers):
            user = store.ensure_reviewer(name)
            for cid in ids[i * per_reviewer:(i + 1) * per_reviewer]:
                store.assign(Target.claim(cid), user.id, actor_id=None)
            prefs.put(browser_id(name), {"sidebar_reviewer": name, "review_f_mine": True})


def browser_id(name: str) -> str:
    return "bench-" + name.replace(" ", "-")


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(p / 100 * (len(s) - 1))))]


async def open_session(browser, url: str, browser_id: str):  # type: ignore[no-untyped-def]
    """A browser context whose preferences cookie names its reviewer and "Assigned to me" (see prepare)."""
    context = await browser.new_context(viewport={"width": 1400, "height": 1200})
    context.set_default_timeout(180_000)
    await context.add_cookies([{"name": "workbench_browser", "value": browser_id, "url": url}])
    page = await context.new_page()
    await page.goto(url)
    await page.get_by_role("heading", name="Review").wait_for()
    await page.locator(".st-key-review_sentence").wait_for()
    await settle(page)
    return context, page


async def settle(page) -> None:  # type: ignore[no-untyped-def]
    await page.wait_for_timeout(150)
    await page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=180_000)
    await page.wait_for_timeout(100)


LOST_MS = 30_000  # a press that has not brought the next claim by then counts as lost (and as this long)
LOST: list[str] = []  # "reviewer: press n" of every press counted lost


async def press_through(page, presses: int, who: str = "") -> list[float]:  # type: ignore[no-untyped-def]
    """Press 1 ``presses`` times, each once the previous claim's successor is on screen; ms per press."""
    times = []
    sentence = page.locator(".st-key-review_sentence")
    for n in range(presses):
        await settle(page)
        before = (await sentence.inner_text()).strip()
        await page.get_by_role("heading", name="Review").click()
        # as a reader would: the key acts once the claim has been on screen long enough to be read (ui/keys.py
        # drops earlier presses); the wait is not part of the time measured
        await page.wait_for_function("() => window.__workbenchKeys && window.__workbenchKeys.ready()",
                                     polling=20, timeout=LOST_MS)
        t = time.perf_counter()
        await page.keyboard.press("1")
        try:
            await page.evaluate(NEXT_CLAIM, [before, LOST_MS])
        except Exception as exc:  # the page's promise rejected: no next claim in time
            if "no next claim" not in str(exc):
                raise
            LOST.append(f"{who}: press {n + 1}")
        times.append((time.perf_counter() - t) * 1000)
    return times


# Resolves when the sentence on screen differs from ``before``: a MutationObserver wakes only when the page
# changes, so the measuring costs the browser next to nothing (polling on every frame in ten pages at once
# costs as much CPU as what it measures)
NEXT_CLAIM = """([before, timeout]) => new Promise((resolve, reject) => {
  const changed = () => { const e = document.querySelector('.st-key-review_sentence');
                          return e && e.innerText.trim() !== before; };
  if (changed()) { resolve(true); return; }
  const mo = new MutationObserver(() => { if (changed()) { mo.disconnect(); clearTimeout(timer); resolve(true); } });
  const timer = setTimeout(() => { mo.disconnect(); reject(new Error('no next claim')); }, timeout);
  mo.observe(document.body, { subtree: true, childList: true, characterData: true });
})"""


def cpu_seconds(server_pid: int) -> tuple[float, float]:
    """CPU seconds used so far by the app server and by this run's browser processes (Playwright's driver and
    Chromium: every process below this one but the server). PostgreSQL's are not counted (shared)."""
    import psutil

    def used(p: psutil.Process) -> float:
        try:
            t = p.cpu_times()
            return t.user + t.system
        except psutil.Error:
            return 0.0

    server = psutil.Process(server_pid)
    below = {server_pid, *(c.pid for c in server.children(recursive=True))}
    browsers = [c for c in psutil.Process().children(recursive=True) if c.pid not in below]
    return used(server), sum(used(c) for c in browsers)


def cpu_line(kind: str, before: tuple[float, float], after: tuple[float, float], presses: int, wall: float) -> str:
    server, browsers = (a - b for a, b in zip(after, before))
    return (f"    CPU per press ({kind}): server {1000 * server / presses:5.0f} ms, browsers "
            f"{1000 * browsers / presses:5.0f} ms; {server + browsers:.1f} CPU-s in {wall:.1f} s wall")


async def run(url: str, app_url: str, reviewers: list[str], presses: int, rounds: int,
              server_pid: int) -> dict[str, list]:
    from playwright.async_api import async_playwright

    results: dict[str, list] = {"1 session": [], f"{len(reviewers) - 1} sessions": []}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        alone, crowd = reviewers[0], reviewers[1:]
        sessions = {}
        for name in reviewers:
            sessions[name] = await open_session(browser, app_url, browser_id(name))
        for r in range(rounds):
            cpu, t = cpu_seconds(server_pid), time.perf_counter()
            one = await press_through(sessions[alone][1], presses, alone)
            results["1 session"].append(one)
            print(f"  round {r + 1}: 1 session          p50 {pct(one, 50):7.0f} ms  p95 {pct(one, 95):7.0f} ms")
            print(cpu_line("1 session", cpu, cpu_seconds(server_pid), len(one), time.perf_counter() - t))
            cpu, t = cpu_seconds(server_pid), time.perf_counter()
            many = await asyncio.gather(*(press_through(sessions[n][1], presses, n) for n in crowd))
            flat = [x for xs in many for x in xs]
            results[f"{len(crowd)} sessions"].append(flat)
            print(f"  round {r + 1}: {len(crowd)} sessions at once p50 {pct(flat, 50):7.0f} ms  "
                  f"p95 {pct(flat, 95):7.0f} ms")
            print(cpu_line(f"{len(crowd)} sessions", cpu, cpu_seconds(server_pid), len(flat),
                           time.perf_counter() - t))
        for context, _ in sessions.values():
            await context.close()
        await browser.close()
    return results


def main(pg: str, sessions: int, presses: int, rounds: int, n_claims: int) -> int:
    schema = "wbb_" + uuid.uuid4().hex[:10]
    admin = create_engine(schema_url(pg, "public"))
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = schema_url(pg, schema)
    proc = None
    try:
        reviewers = [f"bench reviewer {i}" for i in range(sessions + 1)]  # one alone, then the crowd
        t = time.perf_counter()
        prepare(url, n_claims, reviewers, presses * rounds + 5)
        print(f"  {n_claims:,} claims on PostgreSQL, {len(reviewers)} reviewers with their own queues "
              f"({time.perf_counter() - t:.0f} s)")
        port = free_port()
        work = Path(tempfile.mkdtemp(prefix="wbbench-"))
        (work / ".streamlit").mkdir()  # the app's own settings, as `make run` reads them from the project folder
        shutil.copy(ROOT / ".streamlit" / "config.toml", work / ".streamlit" / "config.toml")
        log = open(work / "streamlit.log", "wb")
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "serve.py"), "--server.headless", "true",
             "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
             "--server.fileWatcherType", "none"],
            cwd=work, env={**os.environ, "WORKBENCH_DB": url, "WORKBENCH_SAMPLE": "off"}, stdout=log,
            stderr=subprocess.STDOUT)
        app_url = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                with urllib.request.urlopen(f"{app_url}/_stcore/health", timeout=2):
                    break
            except OSError:
                time.sleep(0.3)
        results = asyncio.run(run(url, app_url, reviewers, presses, rounds, proc.pid))
        print("key to next claim (ms), over the rounds: min / median / max of each round's figure")
        for kind, per_round in results.items():
            p50 = [pct(xs, 50) for xs in per_round]
            p95 = [pct(xs, 95) for xs in per_round]
            print(f"  {kind:>12}: p50 {min(p50):6.0f} / {statistics.median(p50):6.0f} / {max(p50):6.0f}   "
                  f"p95 {min(p95):6.0f} / {statistics.median(p95):6.0f} / {max(p95):6.0f}   "
                  f"({sum(len(x) for x in per_round)} presses)")
        print("  targets with 10 sessions: p50 < 500 ms, p95 < 1500 ms")
        print(f"  presses lost (no next claim within {LOST_MS / 1000:.0f} s, counted as that long): {len(LOST)}"
              + (f" ({', '.join(LOST)})" if LOST else ""))
        print(f"  load average after the run: {' / '.join(f'{x:.1f}' for x in os.getloadavg())} "
              f"on {os.cpu_count()} cores, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=20)
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()
    return 0
