"""Extraction throughput: the full workbench extractor against raw quantulum3 on the same text, in one run.

    python bench/extract.py [--mb 5] [--jobs 2] [--raw-seconds 60]

1. Builds a deterministic corpus of at least ``--mb`` MB of news-like text from the sample articles in
   data/ (.txt, .html, .jsonl, .csv read through workbench.ingest). Each copy of an article gets its
   figures rescaled and its paragraphs rotated by a seeded generator, so no two copies are the same text.
   When data/ holds no articles, built-in template paragraphs are used instead.
2. Runs the full extraction (``Extractor.extract_many(..., jobs=N)``: furniture skipping, sentence
   splitting, number-free sentences skipped, typing, nouns, attribution) over the whole corpus; the time
   includes starting the worker processes and loading quantulum3 in each.
3. Runs raw ``quantulum3.parser.parse`` sentence by sentence (the same sentence splitter, every sentence,
   one process) over the same text. That baseline is slow, so it is time-boxed: it parses a deterministic
   sample of the corpus's articles (every k-th) until ``--raw-seconds`` have passed, and its chars/s is
   extrapolated to the whole corpus; the script says so when it does.
4. Prints chars/s for both, the ratio (target >= 2x) and peak memory (this process and its workers).
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench.models import Article  # noqa: E402

TEMPLATES = [
    "Council officials said about {n1:,} homes would be built over {d} years at a cost of £{m}m.",
    "Turnout reached {p}% in the city, up from {p2}% at the last election, the electoral office said.",
    "The storm left {n2:,} households without power and caused damage estimated at ${b}bn.",
    "Firefighters said the blaze had burned {n3:,} hectares, and more than {n4} people were evacuated.",
    "The minister met union leaders on Monday to discuss the dispute.",
    "Critics said the plan did little to address the underlying problems facing the region.",
    "Residents described scenes of confusion as emergency crews arrived in the early hours.",
    "One in {r} workers is now employed part time, according to the statistics agency.",
]


def template_articles(count: int, rng: random.Random) -> list[Article]:
    out = []
    for i in range(count):
        paras = []
        for _ in range(6):
            t = rng.choice(TEMPLATES)
            paras.append(t.format(n1=rng.randint(1000, 90000), d=rng.randint(2, 12), m=rng.randint(5, 900),
                                  p=rng.randint(20, 80), p2=rng.randint(20, 80), n2=rng.randint(100, 90000),
                                  b=round(rng.uniform(0.5, 9.5), 1), n3=rng.randint(100, 50000),
                                  n4=rng.randint(10, 5000), r=rng.randint(3, 9)))
        out.append(Article(id=f"tpl-{i}", outlet="Template", title=paras[0], text="\n\n".join(paras)))
    return out


def load_samples(data: Path) -> list[Article]:
    try:
        from workbench.ingest import read_paths
    except ImportError:
        return []
    if not data.is_dir() or not any(data.iterdir()):
        return []
    return read_paths([data])


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
    text = _FIGURE.sub(rescale, "\n\n".join(paras))
    return Article(id=f"{article.id}~{copy}", outlet=article.outlet, title=article.title, text=text)


def build_corpus(target_chars: int, seed: int = 20240601) -> tuple[list[Article], str]:
    rng = random.Random(seed)
    base = load_samples(ROOT / "data")
    source = f"{len(base)} sample articles from data/"
    if not base:
        base = template_articles(40, rng)
        source = "built-in templates (data/ holds no articles)"
    corpus: list[Article] = []
    total = 0
    copy = 0
    while total < target_chars:
        for a in base:
            v = vary(a, copy, rng)
            corpus.append(v)
            total += len(v.text)
            if total >= target_chars:
                break
        copy += 1
    return corpus, source


def peak_rss_mb() -> tuple[float, float]:
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return me, children


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=5.0, help="corpus size in MB (default 5)")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes for the workbench run (default 2)")
    ap.add_argument("--raw-seconds", type=float, default=60.0,
                    help="time box for the raw quantulum3 baseline (default 60 s); 0 runs it on everything")
    ap.add_argument("--quantulum", choices=("auto", "always"), default="auto",
                    help="how the workbench extractor consults quantulum3 (default auto)")
    args = ap.parse_args(argv)

    corpus, source = build_corpus(int(args.mb * 1_000_000))
    chars = sum(len(a.text) for a in corpus)
    print(f"corpus: {len(corpus):,} articles, {chars:,} chars ({chars / 1e6:.2f} MB) from {source}")

    from workbench.extract import Extractor, split_sentences

    # -- the workbench: full extraction, process pool ------------------------------------------------
    t0 = time.perf_counter()
    n_claims = sum(1 for _ in Extractor(quantulum=args.quantulum).extract_many(corpus, jobs=args.jobs))
    wb_s = time.perf_counter() - t0
    wb_rate = chars / wb_s
    print(f"workbench extract (jobs={args.jobs}, quantulum={args.quantulum}): {n_claims:,} claims in "
          f"{wb_s:.1f} s = {wb_rate:,.0f} chars/s (includes worker start-up and quantulum3 load)")

    # -- raw quantulum3, sentence by sentence -------------------------------------------------------------
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        parser.parse("warm up: 3 km and $4bn")  # the baseline is not charged its ≈1.6 s table load
    step = 1
    if args.raw_seconds > 0:
        step = max(1, len(corpus) // 400)  # a spread-out deterministic sample: every step-th article
    sample = corpus[::step]
    raw_chars = raw_quantities = 0
    t0 = time.perf_counter()
    timed_out = False
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for a in sample:
            for s, e in split_sentences(a.text):
                raw_quantities += len(parser.parse(a.text[s:e]))
            raw_chars += len(a.text)
            if args.raw_seconds > 0 and time.perf_counter() - t0 > args.raw_seconds:
                timed_out = True
                break
    raw_s = time.perf_counter() - t0
    raw_rate = raw_chars / raw_s
    note = ""
    if raw_chars < chars:
        note = (f" [time-boxed: parsed {raw_chars:,} of {chars:,} chars (every {step}th article"
                f"{', stopped at the time box' if timed_out else ''}); whole-corpus time extrapolated: "
                f"{chars / raw_rate:.0f} s]")
    print(f"raw quantulum3.parser.parse, sentence by sentence, 1 process: {raw_quantities:,} quantities, "
          f"{raw_rate:,.0f} chars/s{note}")

    ratio = wb_rate / raw_rate
    me, children = peak_rss_mb()
    print(f"ratio workbench / raw: {ratio:.2f}x (target >= 2x) -> {'OK' if ratio >= 2 else 'BELOW TARGET'}")
    print(f"peak memory (max RSS): this process {me:,.0f} MB, largest worker {children:,.0f} MB")
    return 0 if ratio >= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
