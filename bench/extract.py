"""Extraction cost: the workbench extractor against raw quantulum3, measured in the same run.

    python bench/extract.py [--rounds 5] [--article-kb 300] [--cold 5]

1. Cold start, one process against one process, interleaved and repeated: the CPU time (user + system)
   of ``python -m workbench extract ARTICLE.txt`` against that of
   ``python -c "import quantulum3.parser as p; p.parse('about 94,300 troops')"``, and each one's peak
   memory. Target: the workbench at least 5x cheaper.
2. Throughput in one process, both warmed first, interleaved and repeated (min/median/max of each round):
   - the public quantity sets' sentences (read at run time from ../shared/benchmarks/quantity-sets/), each
     sentence read as one article by the workbench and parsed by ``quantulum3.parser.parse``;
   - news-like articles built from the sample articles in data/ (figures rescaled and paragraphs rotated
     per copy, so no two copies are one text): the workbench extracts whole articles, quantulum3 parses
     them sentence by sentence (its cost grows much faster than a text's length).
   Target: the workbench at least 5x the sentences (or characters) per second of raw quantulum3.
3. Peak memory (max RSS) of this process, which holds both.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench.models import Article  # noqa: E402

SETS = ROOT.parent / "shared" / "benchmarks" / "quantity-sets"
COLD_ARTICLE = ROOT / "data" / "txt" / "the-lantern" / "hollinsford-flood.txt"
QUANTULUM_ONE = "import quantulum3.parser as p; p.parse('about 94,300 troops')"


# ------------------------------------------------------------------------------------------------ corpora

def load_samples() -> list[Article]:
    from workbench.ingest import read_paths

    return read_paths([ROOT / "data"])


_FIGURE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")


def vary(article: Article, copy: int, rng: random.Random) -> Article:
    """A copy of the article with its figures rescaled and its paragraphs rotated."""

    def rescale(m: re.Match) -> str:
        s = m.group(0)
        if re.fullmatch(r"(?:19|20)\d\d", s):
            return s  # keep years as years
        v = float(s.replace(",", "")) * rng.uniform(0.7, 1.3)
        if "." in s:
            return f"{v:.{len(s.split('.')[1])}f}"
        if "," in s:
            return f"{int(v):,}"
        return str(max(1, int(v)))

    paras = article.text.split("\n\n")
    k = copy % len(paras) if len(paras) > 2 else 0
    paras = paras[:1] + paras[1:][k:] + paras[1:][:k]
    return Article(id=f"{article.id}~{copy}", outlet=article.outlet, title=article.title,
                   text=_FIGURE.sub(rescale, "\n\n".join(paras)))


def article_corpus(target_chars: int, seed: int = 20240601) -> list[Article]:
    rng = random.Random(seed)
    base = load_samples()
    out: list[Article] = []
    total = copy = 0
    while total < target_chars and base:
        for a in base:
            v = vary(a, copy, rng)
            out.append(v)
            total += len(v.text)
            if total >= target_chars:
                break
        copy += 1
    return out


def set_sentences() -> list[str]:
    out: list[str] = []
    for f in sorted(SETS.glob("*.json")):
        out.extend(item["text"] for item in json.loads(f.read_text(encoding="utf-8")))
    return out


# ------------------------------------------------------------------------------------------------ timing

def child_cpu(cmd: list[str]) -> tuple[float, float]:
    """(CPU seconds, peak RSS MB) of one child process run to its end."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    _, status, ru = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} exited with {proc.returncode}")
    return ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024


def spread(xs: list[float]) -> str:
    return f"min {min(xs):,.3g} / median {statistics.median(xs):,.3g} / max {max(xs):,.3g}"


def cold_start(repeats: int) -> float:
    wb_cmd = [sys.executable, "-m", "workbench", "extract", str(COLD_ARTICLE), "--format", "jsonl"]
    q_cmd = [sys.executable, "-W", "ignore", "-c", QUANTULUM_ONE]
    wb_cpu, q_cpu, wb_mem, q_mem = [], [], [], []
    for _ in range(repeats):  # interleaved: one of each per round
        c, m = child_cpu(wb_cmd)
        wb_cpu.append(c)
        wb_mem.append(m)
        c, m = child_cpu(q_cmd)
        q_cpu.append(c)
        q_mem.append(m)
    ratio = statistics.median(q_cpu) / statistics.median(wb_cpu)
    print(f"cold start, CPU s over {repeats} interleaved runs each:")
    print(f"  workbench extract {COLD_ARTICLE.relative_to(ROOT)}: {spread(wb_cpu)} s, peak {max(wb_mem):.0f} MB")
    print(f"  quantulum3 import + one parse:           {spread(q_cpu)} s, peak {max(q_mem):.0f} MB")
    print(f"  ratio (median quantulum3 / median workbench): {ratio:.1f}x (target >= 5x) "
          f"-> {'OK' if ratio >= 5 else 'BELOW TARGET'}")
    return ratio


def throughput(name: str, rounds: int, units: int, unit_name: str, run_wb, run_q) -> float:
    wb_rates, q_rates = [], []
    for _ in range(rounds):  # interleaved: the workbench, then quantulum3, on the same input each round
        t = time.process_time()
        run_wb()
        wb_rates.append(units / (time.process_time() - t))
        t = time.process_time()
        run_q()
        q_rates.append(units / (time.process_time() - t))
    ratio = statistics.median(wb_rates) / statistics.median(q_rates)
    print(f"{name}: {units:,} {unit_name} a round, {rounds} interleaved rounds, {unit_name}/CPU s")
    print(f"  workbench Extractor.extract:   {spread(wb_rates)}")
    print(f"  raw quantulum3.parser.parse:   {spread(q_rates)}")
    print(f"  ratio of medians: {ratio:.1f}x (target >= 5x) -> {'OK' if ratio >= 5 else 'BELOW TARGET'}")
    return ratio


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=5, help="interleaved rounds of each throughput run (default 5)")
    ap.add_argument("--article-kb", type=int, default=300, help="article text per round, in kB (default 300)")
    ap.add_argument("--cold", type=int, default=5, help="cold-start runs of each command (default 5)")
    args = ap.parse_args(argv)

    ok = cold_start(args.cold) >= 5

    from workbench.extract import Extractor, split_sentences

    extractor = Extractor()
    extractor.warm()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        parser.parse("warm up: 3 km and $4bn")  # neither side is charged its table load

    def q_parse(text: str) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parser.parse(text)

    sentences = set_sentences()
    if sentences:
        from workbench.evaluate_sets import evaluate_sets, format_sets

        print("accuracy on the public quantity sets (value, and value with unit):")
        print(format_sets(evaluate_sets(sorted(SETS.glob("*.json")), extractor)))
        as_articles = [Article(id=f"s{i}", outlet="", title="", text=t) for i, t in enumerate(sentences)]
        ok &= throughput(
            f"public quantity sets ({SETS.relative_to(ROOT.parent)})", args.rounds, len(sentences), "sentences",
            lambda: [extractor.extract(a) for a in as_articles], lambda: [q_parse(t) for t in sentences]) >= 5
    else:
        print(f"public quantity sets: none found in {SETS}; skipped")

    corpus = article_corpus(args.article_kb * 1000)
    chars = sum(len(a.text) for a in corpus)
    spans = [[a.text[s:e] for s, e in split_sentences(a.text)] for a in corpus]
    ok &= throughput(
        f"articles from data/ ({len(corpus)} articles, {sum(map(len, spans)):,} sentences)", args.rounds, chars,
        "chars", lambda: [extractor.extract(a) for a in corpus],
        lambda: [q_parse(t) for ss in spans for t in ss]) >= 5

    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS) of this process, holding the workbench and quantulum3: {me:,.0f} MB")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
