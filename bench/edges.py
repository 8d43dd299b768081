"""Edge benchmark: `workbench import` of heavy input, wall time and peak memory, each run in a fresh process.

Cases (generated here, written for this benchmark):
- ``dense``: one article of about 1 MB packed with figures (counts, money, percentages, in sentences);
- ``prose``: the baseline, one article of the same length whose sentences hold few figures (same words,
  a figure every tenth sentence), so the cost of the figures themselves shows;
- ``archive``: 2,000 short articles from six outlets telling 500 stories (four outlets a story, the
  figures of a story worded and rounded differently by each outlet).
- ``runon``: one article of about 200 KB whose sentences run on for just under the sentence limit (9,900
  characters, a list of figures joined by commas and "and" with no full stop): the case where reading back
  from each figure over the whole sentence once made extraction grow with the square of the sentence.

- ``responsive`` (``--responsive``): how fast the server answers a reviewer (a queue page and a claim
  read from the store, in the server process) while a 5 MB upload is imported: idle, with the import in a
  worker process (:class:`workbench.background.ImportJob`, as the app does now), and with the same import
  in a thread of the server process (as the app did before), interleaved and repeated.

Each import case runs the real command (``workbench import FILE --db NEW.db``) in its own Python process, the
cases interleaved and repeated; for each the wall time and peak resident memory (``ru_maxrss`` of that
process) are printed as min / median / max, with the exit status and the last line the command wrote.
Goals: ``dense`` under 60 s and 1 GB; ``archive`` without an error.

    python bench/edges.py [--repeat 3] [--dense-bytes 1000000] [--runon-bytes 200000] [--articles 2000]
                          [--stories 500] [--only dense|prose|archive|runon ...]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTLETS = ["Harbour Gazette", "Daily Meridian", "The Lantern", "Valley Courier", "Northern Ledger", "City Post"]
SYLLABLES = ["car", "row", "by", "fen", "wick", "hal", "ton", "mere", "stow", "brid", "ley", "dun", "more", "ash"]
THINGS = [("homes", "built"), ("jobs", "created"), ("patients", "treated"), ("trees", "planted"),
          ("flights", "cancelled"), ("students", "enrolled"), ("buses", "ordered"), ("beds", "opened")]

CHILD = """
import json, resource, sys, time
sys.argv = ["workbench"] + sys.argv[1:]
from workbench.cli import main
t = time.perf_counter()
try:
    code = main(sys.argv[1:])
    note = ""
except BaseException as exc:  # an error that reached the top: the benchmark reports it
    code, note = -1, f"{type(exc).__name__}: {str(exc)[:200]}"
wall = time.perf_counter() - t
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"code": code, "wall": wall, "rss_mb": rss_mb, "note": note}), file=sys.__stderr__, flush=True)
"""


def place(n: int) -> str:
    return "".join(SYLLABLES[(n // len(SYLLABLES) ** k) % len(SYLLABLES)] for k in range(3)).capitalize()


def figure_sentence(rng: random.Random, k: int) -> str:
    noun, verb = THINGS[k % len(THINGS)]
    n = rng.randint(100, 99_999)
    return (f"In {place(k)}, {n:,} {noun} were {verb} last year, up {rng.randint(1, 40)}% on the year before, "
            f"at a cost of £{rng.randint(2, 900)}m, the council said.")


def plain_sentence(rng: random.Random, k: int) -> str:
    noun, verb = THINGS[k % len(THINGS)]
    return (f"In {place(k)}, more {noun} were {verb} last year than the year before, at a cost the council "
            f"called modest, its leader said on the radio.")


def one_article(size: int, dense: bool, seed: int = 7) -> dict:
    rng = random.Random(seed)
    parts: list[str] = []
    length, k = 0, 0
    while length < size:
        s = figure_sentence(rng, k) if dense or k % 10 == 0 else plain_sentence(rng, k)
        parts.append(s + ("\n\n" if k % 6 == 5 else " "))
        length += len(parts[-1].encode())
        k += 1
    return {"id": "dense" if dense else "prose", "outlet": OUTLETS[0], "title": "A year of figures",
            "text": "".join(parts), "published": "2024-03-01"}


def runon_article(size: int, run_chars: int = 9_900, seed: int = 5) -> dict:
    """Sentences of ``run_chars`` characters each, every one a list of figures with no sentence end inside."""
    rng = random.Random(seed)
    runs: list[str] = []
    length, k = 0, 0
    while length < size:
        parts: list[str] = []
        while sum(len(p) + 2 for p in parts) < run_chars - 60:
            noun, verb = THINGS[k % len(THINGS)]
            parts.append(f"{rng.randint(100, 99_999):,} {noun} {verb} in {place(k)}")
            k += 1
        run = "The council listed " + ", ".join(parts[:-1]) + " and " + parts[-1] + "."
        runs.append(run)
        length += len(run) + 1
    return {"id": "runon", "outlet": OUTLETS[1], "title": "Every figure in one breath", "text": "\n".join(runs),
            "published": "2024-03-02"}


def archive(n_articles: int, n_stories: int, seed: int = 11) -> list[dict]:
    rng = random.Random(seed)
    per_story = max(1, n_articles // n_stories)
    out = []
    for story in range(n_stories):
        town = place(story + 1000)
        noun, verb = THINGS[story % len(THINGS)]
        count, money, pct = rng.randint(200, 50_000), rng.randint(3, 800), rng.randint(2, 60)
        for j in range(per_story):
            outlet = OUTLETS[(story + j) % len(OUTLETS)]
            shown = count if j % 2 == 0 else round(count, -2)
            approx = "about " if j % 2 else ""
            lead = [f"{town} council says {approx}{shown:,} {noun} were {verb} this year.",
                    f"{approx.capitalize()}{shown:,} {noun} were {verb} in {town} this year, the council told "
                    f"the {outlet}.",
                    f"The number of {noun} {verb} in {town} reached {approx}{shown:,} this year.",
                    f"Officials in {town} said on Monday that {approx}{shown:,} {noun} had been {verb}."][j % 4]
            text = (f"{lead}\n\nThe programme cost £{money}m, officials said, and numbers rose {pct}% on last "
                    f"year. Critics in {town} told the {outlet} the figure for {noun} was lower. "
                    f"A spokesperson for the council declined to comment further.")
            out.append({"id": f"s{story}-{j}", "outlet": outlet, "title": f"{town}: {noun} {verb}",
                        "text": text, "published": f"2024-{1 + story % 12:02d}-{1 + j % 28:02d}"})
    return out[:n_articles]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


def run_case(path: Path, folder: Path, n: int) -> dict:
    db = folder / f"{path.stem}-{n}.db"
    proc = subprocess.run([sys.executable, "-c", CHILD, "import", str(path), "--db", str(db)], cwd=ROOT,
                          capture_output=True, text=True)
    lines = [ln for ln in proc.stderr.strip().splitlines() if ln.strip()]
    try:
        result = json.loads(lines[-1])
    except (IndexError, json.JSONDecodeError):
        result = {"code": proc.returncode, "wall": float("nan"), "rss_mb": float("nan"), "note": proc.stderr[-300:]}
    said = [ln for ln in (proc.stdout.strip().splitlines() + lines[:-1]) if ln.strip()]
    result["said"] = said[-1][:200] if said else ""
    db.unlink(missing_ok=True)
    return result


def five_mb_upload(size: int = 5_000_000) -> bytes:
    lines, total, i = [], 0, 0
    while total < size:
        ln = json.dumps({"id": f"big{i}", "outlet": OUTLETS[i % len(OUTLETS)], "title": f"Story {i}",
                         "text": " ".join(figure_sentence(random.Random(i), i + k) for k in range(8))}) + "\n"
        lines.append(ln)
        total += len(ln)
        i += 1
    return "".join(lines).encode()


def responsiveness(folder: Path, repeat: int, seconds: float) -> None:
    """Latency of one reviewer's request while an import runs beside it (see the module docstring)."""
    import threading

    from workbench.background import ImportJob, Upload
    from workbench.importing import import_paths
    from workbench.store import ClaimFilter, Store

    sample = folder / "sample.db"
    with Store.open(str(sample)) as s:
        import_paths(s, [ROOT / "data"])
    upload = Upload("big.jsonl", five_mb_upload())
    store = Store.open(str(sample))
    first = store.claims_page(ClaimFilter(), 0, 1)[0][0].id

    def request() -> float:
        t = time.perf_counter()
        store.claims_page(ClaimFilter(), 0, 50)
        store.claim(first)
        return (time.perf_counter() - t) * 1000

    def measure() -> list[float]:
        out, end = [], time.monotonic() + seconds
        while time.monotonic() < end:
            out.append(request())
            time.sleep(0.05)
        return out

    def in_thread(db: Path, stop: threading.Event) -> None:
        from workbench.ingest import read_bytes
        from workbench.importing import import_articles_with_extraction

        with Store.open(str(db)) as s:
            arts = read_bytes(upload.name, upload.data)
            from workbench.extract import Extractor

            ex = Extractor()

            def extract(todo):  # type: ignore[no-untyped-def]
                out = []
                for a in todo:
                    if stop.is_set():
                        raise RuntimeError("stopped")
                    out += ex.extract(a)
                return out

            try:
                import_articles_with_extraction(s, arts, extractor=extract)
            except RuntimeError:
                pass

    results: dict[str, list[float]] = {"idle": [], "worker process": [], "server thread (before)": []}
    for n in range(repeat):
        results["idle"] += measure()
        job = ImportJob.start(str(folder / f"job-{n}.db"), [upload])
        while job.poll().stage.value in ("starting", "reading"):
            time.sleep(0.1)
        results["worker process"] += measure()
        job.cancel()
        job.wait(30)
        stop = threading.Event()
        th = threading.Thread(target=in_thread, args=(folder / f"thread-{n}.db", stop), daemon=True)
        th.start()
        time.sleep(3)  # past reading, into extraction
        results["server thread (before)"] += measure()
        stop.set()
        th.join(120)
    store.close()
    print("\nresponsive: one reviewer request (queue page + claim) while a 5 MB upload imports, ms")
    print(f"{'import':24s} {'requests':>8s} {'min':>8s} {'median':>8s} {'p95':>8s} {'max':>8s}")
    for k, v in results.items():
        v = sorted(v)
        print(f"{k:24s} {len(v):8d} {v[0]:8.1f} {statistics.median(v):8.1f} {v[int(0.95 * (len(v) - 1))]:8.1f} "
              f"{v[-1]:8.1f}")


def spread(values: list[float]) -> str:
    return f"{min(values):8.1f} {statistics.median(values):8.1f} {max(values):8.1f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--dense-bytes", type=int, default=1_000_000)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--stories", type=int, default=500)
    ap.add_argument("--runon-bytes", type=int, default=200_000)
    ap.add_argument("--only", choices=("dense", "prose", "archive", "runon"), action="append")
    ap.add_argument("--responsive", action="store_true", help="only the responsiveness case")
    ap.add_argument("--seconds", type=float, default=10.0, help="responsive: seconds measured per phase")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="wb-edges-") as tmp:
        folder = Path(tmp)
        if args.responsive:
            responsiveness(folder, args.repeat, args.seconds)
            return 0
        inputs = {
            "dense": write_jsonl(folder / "dense.jsonl", [one_article(args.dense_bytes, dense=True)]),
            "prose": write_jsonl(folder / "prose.jsonl", [one_article(args.dense_bytes, dense=False)]),
            "archive": write_jsonl(folder / "archive.jsonl", archive(args.articles, args.stories)),
            "runon": write_jsonl(folder / "runon.jsonl", [runon_article(args.runon_bytes)]),
        }
        cases = args.only or list(inputs)
        print("inputs: " + ", ".join(f"{k} {inputs[k].stat().st_size / 1e6:.2f} MB" for k in cases))
        results: dict[str, list[dict]] = {k: [] for k in cases}
        for n in range(args.repeat):  # interleaved: each round runs every case once
            for k in cases:
                t = time.perf_counter()
                r = run_case(inputs[k], folder, n)
                results[k].append(r)
                print(f"  round {n + 1} {k:8s} exit {r['code']:>3}  {r['wall']:7.1f} s  {r['rss_mb']:7.0f} MB  "
                      f"({time.perf_counter() - t:.1f} s with start-up)  {r['note'] or r['said']}", flush=True)
        print(f"\n{'case':8s} {'wall s: min   median      max':>28s}   {'peak MB: min median    max':>28s}  exits")
        for k in cases:
            rs = results[k]
            print(f"{k:8s} {spread([r['wall'] for r in rs]):>28s}   {spread([r['rss_mb'] for r in rs]):>28s}  "
                  f"{sorted({r['code'] for r in rs})}")
        if "dense" in results and "prose" in results:
            d = statistics.median(r["wall"] for r in results["dense"])
            p = statistics.median(r["wall"] for r in results["prose"])
            print(f"\ndense / prose wall time (median): {d / p:.2f}x")
        ok = True
        if "dense" in results:
            d = results["dense"]
            goal = all(r["code"] == 0 and r["wall"] < 60 and r["rss_mb"] < 1000 for r in d)
            print(f"goal dense under 60 s and 1 GB: {'met' if goal else 'NOT met'}")
            ok &= goal
        if "runon" in results:
            print(f"runon: exits {sorted({r['code'] for r in results['runon']})} (no goal; compare with dense)")
        if "archive" in results:
            goal = all(r["code"] == 0 for r in results["archive"])
            print(f"goal archive without error: {'met' if goal else 'NOT met'}")
            ok &= goal
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
