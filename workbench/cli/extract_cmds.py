"""`workbench extract`, `workbench groups` and `workbench eval`: claims from files, groups across outlets, scores.

Argument parsing and output formatting only; the work is done by workbench.ingest, workbench.extract,
workbench.group and workbench.evaluate (imported when a command runs, so `workbench --help` stays fast).
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import re
import sys
import time
from typing import IO, Any, Callable, Iterable, Iterator, Sequence

from workbench.cells import csv_cell
from workbench.errors import ExitCode, InputError
from workbench.formatting import format_number, format_value  # noqa: F401 - the command's output uses them
from workbench.ingest import DEFAULT_MAX_BYTES, Limits, format_bytes, furniture_spans, in_spans, read_paths
from workbench.models import DEFAULT_TOLERANCE, Article, Claim, Group, Grouping

TOLERANCE_HELP = f"{DEFAULT_TOLERANCE:g} = {DEFAULT_TOLERANCE:.0%}".replace("%", "%%")  # argparse help: %% is %

# Column order of `--format csv` for claims: the fields of Claim.to_dict(), id first.
CLAIM_FIELDS = (
    "id", "article", "outlet", "start", "end", "surface", "kind", "low", "high", "qualifier", "currency", "unit",
    "per", "noun", "attribution", "sentence", "sentence_start", "group",
)
GROUP_FIELDS = (
    "group", "label", "kind", "unit", "currency", "noun", "outlets", "size", "min", "median", "max", "spread_pct",
    "discrepant", "claim", "outlet", "surface", "low", "high", "qualifier", "sentence",
)

_INPUT_HELP = (
    "PATH is a file (.txt, .html, .htm, .jsonl, .csv) or a folder, which is walked for such files. "
    "Every input is read and checked before anything is printed: one bad file (missing, empty, binary, "
    "undecodable, a CSV without a text column, a JSON line that does not parse, over a limit) stops the "
    "whole run with a one-line error naming the file, exit status 2, and no output at all. Limits besides "
    "--max-bytes, each raised by its environment variable: "
    + "; ".join(f"{what} ({Limits.ENV[key]}, {getattr(Limits(), key):,})" for key, what in (
        ("html_depth", "HTML nesting depth"), ("cell_chars", "characters in a CSV/JSONL cell"),
        ("article_chars", "characters in an article"), ("sentence_chars", "characters without a sentence end")))
    + "."
)


# --------------------------------------------------------------------------------------------------------------
# Registration
# --------------------------------------------------------------------------------------------------------------


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "extract",
        help="print the numeric claims in news articles",
        description=(
            "Print the numeric claims in news articles, one per line as they are found. "
            f"{_INPUT_HELP} Claims inside page furniture (\"Read More\" lists, banners, share lines) are left "
            "out; for .txt and .html the furniture is removed from the text itself, for .jsonl and .csv the "
            "text is kept exactly as given so that offsets index into it."
        ),
        epilog=(
            "formats: jsonl (default) writes one JSON object a claim with the fields of the claim contract "
            "(article, start, end, surface, sentence, kind, low, high, currency, unit, noun, qualifier, "
            "attribution, per, outlet, group, id); csv writes the same fields as columns, text cells that a "
            "spreadsheet would run as a formula (= + - @ or their full-width forms first, after any leading whitespace or invisible characters) prefixed with '; table aligns the main "
            "columns for reading in a terminal.\n\n"
            "example: workbench extract data/ --format table"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_input_args(p)
    p.add_argument("--format", choices=("jsonl", "csv", "table"), default="jsonl",
                   help="output format (default: jsonl)")
    p.add_argument("--group", action="store_true",
                   help="group near-duplicate claims across outlets and add each claim's group id "
                        "(claims are then printed once all are read)")
    p.add_argument("--tolerance", type=_tolerance, default=None, metavar="FRACTION",
                   help=f"with --group: relative difference under which values agree (default: {TOLERANCE_HELP})")
    p.set_defaults(func=cmd_extract)

    g = subparsers.add_parser(
        "groups",
        help="print the groups of claims that state the same fact across outlets",
        description=(
            "Extract the claims of the articles, group those that state the same fact across outlets, and print "
            "each group with its outlets, their figures, the spread between them and whether they disagree "
            f"beyond the tolerance (DISCREPANT). Groups come in triage order. {_INPUT_HELP}"
        ),
        epilog="example: workbench groups data/ --tolerance 0.05",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_input_args(g)
    g.add_argument("--format", choices=("table", "jsonl", "csv"), default="table",
                   help="table (default), jsonl (one group a line) or csv (one row per claim of each group)")
    g.add_argument("--tolerance", type=_tolerance, default=None, metavar="FRACTION",
                   help=f"relative difference under which values agree (default: {TOLERANCE_HELP})")
    g.add_argument("--min-outlets", type=_positive_int, default=2, metavar="N",
                   help="print only groups reported by at least N outlets (default: 2; 1 prints every group)")
    g.set_defaults(func=cmd_groups)

    e = subparsers.add_parser(
        "eval",
        help="score extraction (and grouping) against a gold file",
        description=(
            "Run extraction and grouping on the articles of a gold file (JSON Lines: the article fields plus "
            "'claims' and 'not_claims') and print detection, value and grouping precision/recall/F1, noun and "
            "qualifier accuracy and the non-claim hits."
        ),
    )
    e.add_argument("gold", metavar="FILE", nargs="+",
                   help="gold file (GOLD.jsonl); with --format quantity-set, one or more quantity-set JSON files")
    e.add_argument("--format", dest="gold_format", choices=("gold", "quantity-set"), default="gold",
                   help="gold (default): the project's gold JSON Lines; quantity-set: public sets of sentences "
                        "with gold quantities (a JSON list of {text, quantities: [{value, normalized_unit}]}), "
                        "scored by value and by value and unit")
    e.add_argument("--json", action="store_true", help="print the metrics as one JSON object")
    e.add_argument("--misses", action="store_true", help="also list every disagreement with the gold set")
    e.set_defaults(func=cmd_eval)


def _add_input_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    p.add_argument("--outlet", metavar="NAME",
                   help="outlet of .txt/.html files (default: the page's site name or the folder name); "
                        "fills a missing outlet in .jsonl/.csv")
    p.add_argument("--encoding", metavar="ENC", help="text encoding of the files (default: detected)")
    p.add_argument("--jobs", type=_positive_int, default=1, metavar="N",
                   help="processes reading articles in parallel (default: 1)")
    p.add_argument("--max-bytes", type=_byte_size, default=DEFAULT_MAX_BYTES, metavar="N",
                   help=f"refuse files larger than this; accepts 500k, 50MB, 1GB (default: "
                        f"{format_bytes(DEFAULT_MAX_BYTES)})")


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected 1 or more, got {n}")
    return n


def _tolerance(value: str) -> float:
    try:
        x = float(value.rstrip("%")) / (100 if value.endswith("%") else 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a fraction such as 0.02 or a percentage such as 2%, got {value!r}") from None
    if not (0 <= x < 1) or math.isnan(x):
        raise argparse.ArgumentTypeError(f"expected a fraction from 0 to below 1 (0.02 = 2%), got {value!r}")
    return x


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(b|bytes?|k|kb|m|mb|g|gb)?\s*$", re.I)
_SIZE_FACTOR = {"": 1, "b": 1, "byte": 1, "bytes": 1, "k": 1_000, "kb": 1_000, "m": 1_000_000, "mb": 1_000_000,
                "g": 1_000_000_000, "gb": 1_000_000_000}


def _byte_size(value: str) -> int:
    m = _SIZE.match(value)
    if not m:
        raise argparse.ArgumentTypeError(f"expected a size such as 20000000, 500k or 50MB, got {value!r}")
    n = int(float(m.group(1)) * _SIZE_FACTOR[(m.group(2) or "").lower()])
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a size of at least 1 byte, got {value!r}")
    return n


# --------------------------------------------------------------------------------------------------------------
# Commands
# --------------------------------------------------------------------------------------------------------------


def cmd_extract(args: argparse.Namespace) -> int:
    articles = _read(args)
    claims: Iterable[Claim] = _extract(articles, args.jobs)
    if args.group:
        claims = list(claims)
        grouping = _group(claims, args.tolerance)
        claims = [c.with_group(grouping.by_claim.get(c.id)) for c in claims]
    return _stdout_guard(lambda out: _write_claims(claims, args.format, out))


def cmd_groups(args: argparse.Namespace) -> int:
    articles = _read(args)
    claims = list(_extract(articles, args.jobs))
    grouping = _group(claims, args.tolerance)
    by_id = {c.id: c for c in claims}
    groups = [g for g in grouping.groups if len(g.outlets) >= args.min_outlets]
    tolerance = _tolerance_or_default(args.tolerance)
    shown = (args.min_outlets, len(grouping.groups))
    return _stdout_guard(lambda out: _write_groups(groups, by_id, args.format, out, tolerance, shown))


def cmd_eval(args: argparse.Namespace) -> int:
    if args.gold_format == "quantity-set":
        from workbench.evaluate_sets import evaluate_sets, format_sets

        scores = evaluate_sets(args.gold)
        if args.json:
            print(json.dumps([sc.to_dict() for sc in scores], ensure_ascii=False, indent=2))
        else:
            print(format_sets(scores, misses=args.misses))
        return int(ExitCode.OK)
    from workbench.evaluate import evaluate, format_report

    if len(args.gold) != 1:
        raise InputError(args.gold[1], "one gold file at a time (several files are for --format quantity-set)")
    report = evaluate(args.gold[0])
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2, default=str))
    else:
        print(format_report(report, misses=args.misses))
    return int(ExitCode.OK)


# --------------------------------------------------------------------------------------------------------------
# Work
# --------------------------------------------------------------------------------------------------------------


def _read(args: argparse.Namespace) -> list[Article]:
    return read_paths(args.paths, outlet=args.outlet, encoding=args.encoding, max_bytes=args.max_bytes)


def _extract(articles: Sequence[Article], jobs: int) -> Iterator[Claim]:
    """Claims of the articles in input order, none inside page furniture, with a progress bar when it helps."""
    from workbench.extract import Extractor

    index = {a.id: i for i, a in enumerate(articles)}
    texts = {a.id: a.text for a in articles}
    spans: dict[str, list[tuple[int, int]]] = {}
    progress = Progress.for_input(articles)
    try:
        for claim in Extractor().extract_many(articles, jobs=jobs):
            if claim.article not in spans:
                spans[claim.article] = furniture_spans(texts.get(claim.article, ""))
                progress.update(index.get(claim.article, 0))
            if in_spans(claim.start, claim.end, spans[claim.article]):
                continue
            yield claim
    finally:
        progress.close()


def _group(claims: Sequence[Claim], tolerance: float | None) -> Grouping:
    from workbench.group import group_claims

    return group_claims(claims, tolerance=_tolerance_or_default(tolerance))


def _tolerance_or_default(tolerance: float | None) -> float:
    """The tolerance asked for, else the grouping's own default (defined once, in workbench.models)."""
    return DEFAULT_TOLERANCE if tolerance is None else tolerance


class Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal and the input is large."""

    MIN_ARTICLES = 200
    MIN_CHARS = 1_000_000

    def __init__(self, total: int, stream: IO[str] | None, interval: float = 0.2):
        self.total = total
        self.stream = stream
        self.interval = interval
        self._last = 0.0
        self._drawn = False

    @classmethod
    def for_input(cls, articles: Sequence[Article], stream: IO[str] | None = None) -> "Progress":
        stream = stream if stream is not None else sys.stderr
        large = len(articles) >= cls.MIN_ARTICLES or sum(len(a.text) for a in articles) >= cls.MIN_CHARS
        tty = hasattr(stream, "isatty") and stream.isatty()
        return cls(len(articles), stream if (large and tty) else None)

    def update(self, done: int, force: bool = False) -> None:
        if self.stream is None or not self.total:
            return
        now = time.monotonic()
        if not force and now - self._last < self.interval:
            return
        self._last = now
        frac = min(1.0, done / self.total)
        width = 30
        filled = int(frac * width)
        self.stream.write(f"\rextracting {'█' * filled}{'·' * (width - filled)} {frac:4.0%}  {done}/{self.total} articles")
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        if self.stream is not None and self._drawn:
            self.update(self.total, force=True)
            self.stream.write("\n")
            self.stream.flush()


def _stdout_guard(write: Callable[[IO[str]], None]) -> int:
    """Run ``write(sys.stdout)``; a reader that goes away (``| head``) ends the command quietly."""
    try:
        write(sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return int(ExitCode.OK)
    return int(ExitCode.OK)


# --------------------------------------------------------------------------------------------------------------
# Output: claims
# --------------------------------------------------------------------------------------------------------------


def _write_claims(claims: Iterable[Claim], fmt: str, out: IO[str]) -> None:
    if fmt == "jsonl":
        for c in claims:
            out.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        w = csv.writer(out, lineterminator="\n")
        w.writerow(CLAIM_FIELDS)
        for c in claims:
            d = c.to_dict()
            w.writerow([_cell(d.get(f)) for f in CLAIM_FIELDS])
    else:
        _write_claim_table(claims, out)


def _cell(value: Any) -> str:
    """A CSV cell by the workbench's one cell writer: numbers plainly, true/false, text with formulas
    neutralised for spreadsheets."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return csv_cell(value, numeric=isinstance(value, (int, float)))


_TABLE = (("OUTLET", 20), ("SURFACE", 30), ("KIND", 8), ("VALUE", 24), ("QUALIFIER", 11), ("NOUN", 24))


def _write_claim_table(claims: Iterable[Claim], out: IO[str]) -> None:
    header_written = False
    for c in claims:
        cols = list(_TABLE)
        if c.group is not None:
            cols.append(("GROUP", 10))
        if not header_written:
            out.write(_row([name for name, _ in cols], [w for _, w in cols]) + "\n")
            out.write(_row(["-" * w for _, w in cols], [w for _, w in cols]) + "\n")
            header_written = True
        values = [c.outlet or c.article, c.surface, c.kind.value, format_value(c), c.qualifier.value, c.noun or ""]
        if c.group is not None:
            values.append(c.group)
        out.write(_row(values, [w for _, w in cols]) + "\n")


def _row(values: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(_fit(v, w) for v, w in zip(values, widths)).rstrip()


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _fit(value: str, width: int) -> str:
    """``value`` on one terminal line of ``width`` columns: control characters (escape sequences from
    untrusted text) become spaces, long values end in an ellipsis."""
    text = " ".join(_CONTROL.sub(" ", value).split())
    if len(text) > width:
        text = text[: width - 1] + "…"
    return text.ljust(width)


# --------------------------------------------------------------------------------------------------------------
# Output: groups
# --------------------------------------------------------------------------------------------------------------


def _write_groups(groups: Sequence[Group], claims: dict[str, Claim], fmt: str, out: IO[str], tolerance: float,
                  shown: tuple[int, int] = (1, 0)) -> None:
    """``shown``: (the fewest outlets a printed group has, how many groups there are in all), for the table's
    head line: every claim is in a group, and most groups of one outlet are not what the desk looks at."""
    if fmt == "jsonl":
        for g in groups:
            out.write(json.dumps(group_dict(g, claims), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        w = csv.writer(out, lineterminator="\n")
        w.writerow(GROUP_FIELDS)
        for g in groups:
            d = group_dict(g, claims)
            head = [d["id"], d["label"], d["kind"], d["unit"], d["currency"], d["noun"], "; ".join(d["outlets"]),
                    d["size"], d["min"], d["median"], d["max"], d["spread_pct"], d["discrepant"]]
            for m in d["claims"]:
                w.writerow([_cell(v) for v in head + [m["id"], m["outlet"], m["surface"], m["low"], m["high"],
                                                      m["qualifier"], m["sentence"]]])
    else:
        _write_group_table(groups, claims, out, tolerance, shown)


def group_dict(g: Group, claims: dict[str, Claim]) -> dict[str, Any]:
    """A group as one JSON object, with its member claims."""
    members = [claims[i] for i in g.claim_ids if i in claims]
    return {
        "id": g.id,
        "label": g.label,
        "kind": g.kind.value,
        "unit": g.unit,
        "currency": g.currency,
        "noun": g.noun,
        "outlets": list(g.outlets),
        "size": g.size,
        "min": g.min_value,
        "median": g.median_value,
        "max": g.max_value,
        "spread_pct": g.spread_pct,
        "discrepant": g.discrepant,
        "representative": g.representative,
        "claims": [
            {"id": c.id, "outlet": c.outlet, "surface": c.surface, "low": c.low, "high": c.high,
             "qualifier": c.qualifier.value, "sentence": c.sentence}
            for c in members
        ],
    }


def _write_group_table(groups: Sequence[Group], claims: dict[str, Claim], out: IO[str], tolerance: float,
                       shown: tuple[int, int] = (1, 0)) -> None:
    if not groups:
        out.write("no groups reported by enough outlets (try --min-outlets 1)\n")
        return
    discrepant = sum(1 for g in groups if g.discrepant)
    min_outlets, total = shown
    which = (f"{len(groups)} groups reported by {min_outlets} or more outlets (of {total} groups in all, one per "
             f"fact)" if min_outlets > 1 else f"{len(groups)} groups")
    out.write(f"{which}, {discrepant} discrepant (no single value lies within {tolerance:.0%} of every "
              f"member's figure, hedges and ranges allowed)\n")
    for g in groups:
        rep = claims.get(g.representative)
        span = format_number(g.min_value) if g.min_value == g.max_value else (
            f"{format_number(g.min_value)}–{format_number(g.max_value)}")
        what = " · ".join(
            x for x in (
                g.kind.value,
                g.currency or g.unit or "",
                _fit(g.label or g.noun or (rep.surface if rep else ""), 40).rstrip(),
                f"{len(g.outlets)} outlet{'s' if len(g.outlets) != 1 else ''}",
                span,
                f"spread {g.spread_pct:.1f}%",
            ) if x
        )
        flag = "  DISCREPANT" if g.discrepant else ""
        out.write(f"\n{g.id}  {what}{flag}\n")
        for cid in g.claim_ids:
            c = claims.get(cid)
            if c is None:
                continue
            out.write("    " + _row([c.outlet or c.article, c.surface, format_value(c), c.qualifier.value],
                                    [20, 30, 24, 11]) + "\n")
