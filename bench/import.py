"""Import benchmark: a generated archive of short news articles imported end to end by `workbench import`.

End to end means what a desk runs: the command (interpreter start and imports included) reads the JSON
Lines archive, extracts the claims, stores them and groups them, in batches of one transaction each. Every
run is its own process on a fresh SQLite database; its CPU time (its own and its worker processes'),
wall time and peak memory (the importing process's, and the largest worker's) come from getrusage.

Measured one process against one process: ``--jobs 1`` is the figure that counts (articles per
CPU-second, target 150); the ``--jobs N`` run is printed beside it as the parallel figure, with the core
count. The two are interleaved and repeated (min / median / max over ``--repeats``).

After each import the stored stories (the story index) are scored against the generator's (an article id is
``{outlet}-{story}``): pairwise precision and recall over the articles with claims, counted per story and
never by enumerating pairs; and the share of claims that ended in a group of two or more.

``--profile`` runs one in-process import under cProfile and prints where the CPU goes, by function and
by the module that owns it.

    python bench/import.py                 # 20,000 articles, jobs 1 and 2, 3 repeats
    python bench/import.py --big           # 100,000 articles, once each (peak memory must stay under 2 GB)
    python bench/import.py --big --jobs 1 --show-progress   # the same, one process, with its progress bar
    python bench/import.py --small         # 200 articles, once each: what CI runs so the bench cannot rot
    python bench/import.py --articles 2000 --repeats 1 --profile
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from newsarchive import write_archive  # noqa: E402

TARGET = 150.0  # articles per CPU-second, end to end, one process


def child(archive: str, db: str, jobs: int, batch: int, progress: str = "off") -> int:
    """One import in this process; prints its figures as one JSON line."""
    t0 = time.perf_counter()
    from sqlalchemy import create_engine, text

    from workbench.cli import main

    code = main(["import", archive, "--db", db, "--jobs", str(jobs), "--batch-size", str(batch), "--progress", progress])
    wall = time.perf_counter() - t0
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    eng = create_engine(f"sqlite:///{db}")
    with eng.connect() as conn:
        n = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in ("articles", "claims", "groups")}
        n["grouped"] = conn.execute(text("SELECT coalesce(sum(size), 0) FROM groups WHERE size >= 2")).scalar_one()
        n.update(story_match(conn.execute(text("SELECT article_id, story FROM story_articles")).all()))
    eng.dispose()
    print(json.dumps({
        "code": code, "wall": wall, "cpu": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
        "cpu_self": me.ru_utime + me.ru_stime, "rss_mb": me.ru_maxrss / 1024, "worker_rss_mb": kids.ru_maxrss / 1024,
        **n,
    }))
    return 0


def _pairs(sizes: Iterable[int]) -> int:
    return sum(k * (k - 1) // 2 for k in sizes)


def story_match(found: list[tuple[str, str]]) -> dict:
    """How well the stories found match the generator's: pairwise precision and recall over the articles with
    a story (an article id is f"{slug}-{s}", s the generated story's number). Pairs are counted per story and
    per (found, generated) cell, never enumerated."""
    from collections import Counter

    truth = {a: a.rsplit("-", 1)[1] for a, _ in found}
    by_found = Counter(st for _, st in found)
    by_true = Counter(truth.values())
    both = Counter((st, truth[a]) for a, st in found)
    same, f_pairs, t_pairs = _pairs(both.values()), _pairs(by_found.values()), _pairs(by_true.values())
    return {"story_articles": len(found), "stories": len(by_found), "true_stories": len(by_true),
            "story_precision": same / f_pairs if f_pairs else 1.0, "story_recall": same / t_pairs if t_pairs else 1.0}


def startup_child() -> int:
    """What every import process pays before its first article: imports and quantulum3's tables."""
    from workbench.cli import main  # noqa: F401 - importing it is what is timed
    from workbench.extract import Extractor

    Extractor().warm()
    me = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"cpu": me.ru_utime + me.ru_stime}))
    return 0


def startup_cpu() -> float:
    out = subprocess.run([sys.executable, __file__, "--startup"], capture_output=True, text=True, cwd=HERE.parent,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])["cpu"]


def run_child(archive: Path, folder: Path, jobs: int, batch: int, tag: str, show_progress: bool = False) -> dict:
    db = folder / f"{tag}.db"
    for p in folder.glob(f"{tag}.db*"):
        p.unlink()
    t0 = time.perf_counter()
    # --show-progress: the import's own progress bar (with its ETA) goes to this process's standard error
    out = subprocess.run([sys.executable, __file__, "--child", str(archive), str(db), str(jobs), str(batch),
                          "on" if show_progress else "off"],
                         stdout=subprocess.PIPE, stderr=None if show_progress else subprocess.PIPE, text=True,
                         cwd=HERE.parent)
    if out.returncode != 0:
        sys.stderr.write(out.stderr or "")
        raise SystemExit(f"the import with --jobs {jobs} failed (exit {out.returncode})")
    fig = json.loads(out.stdout.strip().splitlines()[-1])
    fig["wall_outer"] = time.perf_counter() - t0
    if fig["code"] != 0:
        raise SystemExit(f"the import with --jobs {jobs} refused input (exit {fig['code']})")
    for p in folder.glob(f"{tag}.db*"):
        p.unlink()
    return fig


def mmm(values: list[float], fmt: str = "{:.1f}") -> str:
    return "/".join(fmt.format(v) for v in (min(values), statistics.median(values), max(values)))


OWNERS = [  # (path fragment, owner) - first match wins
    ("workbench/extract", "extraction (workbench.extract)"), ("workbench/numbers", "extraction (workbench.numbers)"),
    ("workbench/units", "grouping (workbench.units)"), ("workbench/group", "grouping (workbench.group)"),
    ("workbench/store", "store (workbench.store)"), ("workbench/review", "store (workbench.review)"),
    ("workbench/ingest", "reading (workbench.ingest)"), ("workbench/archive", "archive (workbench.archive)"),
    ("workbench/importstate", "archive (workbench.importstate)"), ("quantulum3", "quantulum3"),
    ("rapidfuzz", "rapidfuzz"), ("sqlalchemy", "SQLAlchemy"), ("sqlite3", "sqlite3"), ("inflect", "inflect"),
    ("typeguard", "typeguard (instrumenting inflect when it is imported)"),
    ("/ast.py", "ast (typeguard instrumenting inflect when it is imported)"), ("json", "json"), ("charset_normalizer", "charset-normalizer"), ("numpy", "numpy"), ("re/", "re"),
    ("<built-in", "builtins (called from the above)"), ("<frozen", "import machinery"),
]


def owner(filename: str) -> str:
    for frag, who in OWNERS:
        if frag in filename:
            return who
    return "other"


PHASES = [  # (label, file name, function name) - cumulative time of these entry points
    ("whole import (workbench.cli main)", "__init__.py", "main", "workbench/cli"),
    ("  reading the archive (workbench.ingest.read_bytes)", "ingest.py", "read_bytes", ""),
    ("  extraction (workbench.extract Extractor.extract)", "extract.py", "extract", ""),
    ("    quantulum3 and its imports, loaded on first use (workbench.extract)", "extract.py", "__init__", ""),
    ("  furniture filter after extraction (workbench.store.importer.drop_furniture -> ingest)", "importer.py",
     "drop_furniture", ""),
    ("  storing and regrouping (workbench.store Store.import_articles)", "core.py", "import_articles", "workbench/store"),
    ("    reading back every stored claim to regroup (workbench.store.articles all_claims)", "articles.py", "all_claims",
     "workbench/store"),
    ("    grouping (workbench.group group_claims)", "group.py", "group_claims", "workbench/group"),
    ("  checkpoints and remembered pages (workbench.importstate)", "importstate.py", "save_checkpoint", ""),
]


def phases(st: pstats.Stats) -> list[tuple[str, float]]:
    out = []
    for label, fname, func, frag in PHASES:
        cum = sum(ct for (fn, _line, name), (_cc, _nc, _tt, ct, _c) in st.stats.items()  # type: ignore[attr-defined]
                  if Path(fn).name == fname and name == func and frag in fn and "site-packages" not in fn)
        out.append((label, cum))
    return out


def profile(archive: Path, folder: Path, batch: int, top: int) -> None:
    from workbench.cli import main

    db = folder / "profile.db"
    prof = cProfile.Profile(time.process_time)  # CPU time: wall time on a busy machine says little
    t0 = time.process_time()
    prof.enable()
    main(["import", str(archive), "--db", str(db), "--batch-size", str(batch), "--progress", "off"])
    prof.disable()
    cpu = time.process_time() - t0
    st = pstats.Stats(prof, stream=io.StringIO())
    rows = []  # (tottime, cumtime, calls, where, owner)
    by_owner: dict[str, float] = {}
    for (fn, line, name), (_cc, nc, tt, ct, _callers) in st.stats.items():  # type: ignore[attr-defined]
        who = owner(fn)
        by_owner[who] = by_owner.get(who, 0.0) + tt
        rows.append((tt, ct, nc, f"{Path(fn).name}:{line} {name}", who))
    total = sum(by_owner.values()) or 1.0
    print(f"\nprofile: one import of {archive.name} in this process, {cpu:.1f} s CPU (cProfile adds overhead; times below are CPU)")
    print("\nCPU by phase (cumulative time of the phase's entry point; phases nest as indented):")
    for label, cum in phases(st):
        print(f"  {cum:7.2f} s  {cum / max(cpu, 1e-9):6.1%}  {label}")
    print("\nCPU by owner (own time of their functions):")
    for who, t in sorted(by_owner.items(), key=lambda kv: -kv[1]):
        if t / total >= 0.005:
            print(f"  {t / total:6.1%}  {t:7.2f} s  {who}")
    print(f"\ntop {top} functions by own time:")
    for tt, ct, nc, where, who in sorted(rows, reverse=True)[:top]:
        print(f"  {tt:7.2f} s own  {ct:7.2f} s cum  {nc:>9} calls  {where}  [{who}]")
    print(f"\ntop {top} workbench functions by cumulative time:")
    wb = [r for r in rows if "workbench/" in r[4] or r[4].split(" ")[0] in ("extraction", "grouping", "store",
                                                                             "reading", "archive")]
    for tt, ct, nc, where, who in sorted(wb, key=lambda r: -r[1])[:top]:
        print(f"  {ct:7.2f} s cum  {tt:7.2f} s own  {nc:>9} calls  {where}  [{who}]")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        return child(argv[1], argv[2], int(argv[3]), int(argv[4]), *argv[5:6])
    if argv and argv[0] == "--startup":
        return startup_child()
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    size = ap.add_mutually_exclusive_group()
    size.add_argument("--articles", type=int, default=20_000)
    size.add_argument("--big", action="store_true", help="100,000 articles, one run each")
    size.add_argument("--small", action="store_true", help="200 articles, one run each (CI)")
    ap.add_argument("--repeats", type=int, default=None, help="runs of each configuration (default 3; 1 for --big/--small)")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes of the parallel run (default 2)")
    ap.add_argument("--batch-size", type=int, default=1000)
    ap.add_argument("--profile", action="store_true", help="also profile one import in this process")
    ap.add_argument("--top", type=int, default=20)
    ap.add_argument("--show-progress", action="store_true",
                    help="let each import draw its progress bar and ETA on standard error (for --big by hand)")
    ap.add_argument("--keep", type=Path, help="folder for the archive and databases (default: a temporary one)")
    a = ap.parse_args(argv)
    n = 100_000 if a.big else 200 if a.small else a.articles
    repeats = a.repeats or (1 if (a.big or a.small) else 3)
    batch = min(a.batch_size, max(1, n // 4)) if a.small else a.batch_size

    with tempfile.TemporaryDirectory(prefix="wb-import-bench-") as tmp:
        folder = a.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        archive = folder / f"archive-{n}.jsonl"
        if not archive.exists():
            write_archive(archive, n)
        size_mb = archive.stat().st_size / 1e6
        print(f"archive: {n:,} generated short news articles, {size_mb:.1f} MB JSON Lines; batches of {batch}; "
              f"{os.cpu_count()} core(s); {repeats} run(s) of each, interleaved")
        configs = [1, a.jobs] if a.jobs != 1 else [1]
        figs: dict[int, list[dict]] = {j: [] for j in configs}
        starts: list[float] = []
        for r in range(repeats):
            starts.append(startup_cpu())
            order = configs if r % 2 == 0 else list(reversed(configs))
            for j in order:
                f = run_child(archive, folder, j, batch, f"jobs{j}", a.show_progress)
                figs[j].append(f)
                print(f"  run {r + 1} --jobs {j}: {f['wall']:.1f} s wall, {f['cpu']:.1f} s CPU, "
                      f"{f['rss_mb']:.0f} MB peak", flush=True)
        print()
        print(f"{'':10} {'wall s':>20} {'CPU s':>20} {'articles/CPU-s':>20} {'peak MB (worker)':>18} {'claims':>8} {'groups':>8}")
        for j in configs:
            fs = figs[j]
            rate = [f["articles"] / f["cpu"] for f in fs]
            print(f"--jobs {j:<3} {mmm([f['wall'] for f in fs]):>20} {mmm([f['cpu'] for f in fs]):>20} "
                  f"{mmm(rate):>20} {max(f['rss_mb'] for f in fs):>8.0f} ({max(f['worker_rss_mb'] for f in fs):.0f})"
                  f"{fs[0]['claims']:>10,} {fs[0]['groups']:>8,}")
        one = figs[1]
        best = statistics.median([f["articles"] / f["cpu"] for f in one])
        print(f"\nend to end, one process: {best:.0f} articles per CPU-second (median); target {TARGET:.0f}"
              f" -> {'met' if best >= TARGET else 'NOT met'}")
        st = statistics.median(starts)
        steady = statistics.median([f["articles"] / max(f["cpu"] - st, 1e-9) for f in one])
        print(f"start-up of one process (imports, quantulum3's tables): {mmm(starts, '{:.2f}')} s CPU; "
              f"without it: {steady:.0f} articles per CPU-second")
        print(f"one process: {statistics.median([n / f['wall'] for f in one]):.0f} articles per wall second; "
              f"peak memory {max(f['rss_mb'] for f in one):.0f} MB (limit 2,048 MB)")
        f0 = one[0]
        print(f"stories against the generator's: {f0['stories']:,} found, {f0['true_stories']:,} generated, over "
              f"{f0['story_articles']:,} articles with claims; pairwise precision {f0['story_precision']:.3f}, "
              f"recall {f0['story_recall']:.3f}")
        print(f"claims in groups of 2 or more: {f0['grouped']:,} of {f0['claims']:,} "
              f"({f0['grouped'] / max(f0['claims'], 1):.1%})")
        if a.jobs != 1:
            par = figs[a.jobs]
            speed = statistics.median([x["wall"] for x in one]) / statistics.median([x["wall"] for x in par])
            print(f"parallel (--jobs {a.jobs} on {os.cpu_count()} cores): {statistics.median([n / f['wall'] for f in par]):.0f}"
                  f" articles per wall second, {speed:.2f}x the speed of --jobs 1")
            if [f["claims"] for f in par] != [one[0]["claims"]] * len(par):
                print("WARNING: --jobs runs stored a different number of claims")
        if a.profile:
            profile(archive, folder, batch, a.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
