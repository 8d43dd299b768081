"""Exports for editors and archives: the verdict CSV, the history CSV and ClaimReview JSON-LD.

The verdict CSV has one row per claim, where it stands under the one rule of :mod:`workbench.store.disputes`
(the same rule the Dashboard, ClaimReview and the agreement figures use): the final verdict (the claim's own,
else its group's), else the submitted verdicts (the claim's own, else its group's) when they agree. When they
differ and no final verdict exists the claim is disputed: ``verdict_status`` is ``disputed``, ``verdict``
is empty, and ``verdicts_given`` lists each reviewer's verdict, one a line ("name: verdict"). ``verdict_scope``
says whether the verdicts were given on the claim or on its group. ``reviewer`` names who is credited, one a
line: the lead who decided a final verdict; every reviewer who agreed, for agreeing submitted verdicts and for
a final verdict accepted automatically because they agreed; every reviewer of a disputed claim.

CSV safety: UTF-8 with a byte-order mark, RFC 4180 quoting (CRLF line ends, quotes doubled), and text cells
a spreadsheet would run as a formula (``= + - @`` or their full-width forms as the first visible character,
after any whitespace, zero-width characters or byte-order mark; a leading tab or CR) prefixed with an
apostrophe by the one cell writer, :mod:`workbench.cells`; a text cell that itself begins with an apostrophe
gets one more, so :func:`import_verdicts` can undo the prefix
exactly. Numeric cells are written as plain numbers. Export followed by ``workbench import-verdicts``
round-trips: importing a file into a database holding the same claims, then exporting, gives the same bytes.

The history CSV names people, not ids: ``actor`` is who made the change, ``affected_user`` whom it is
about (the account of a role change or sign-in, the reviewer an item was assigned to or taken from, the
reviewers whose agreement was accepted). A change made without a signed-in user is marked: the actor of a
failed sign-in or a lockout is ``not signed in``; any other is ``command line`` (the operator who holds the
database: the ``workbench`` command, and single-user mode, which has no sign-in). Team mode refuses those
two names for accounts, so the marks cannot be mistaken for a person.

The agreement CSV (:func:`agreement_csv_bytes`) is written by the same cell writer.

Public API::

    VERDICT_COLUMNS, HISTORY_COLUMNS, AGREEMENT_COLUMNS, ACTOR_COMMAND_LINE, ACTOR_NOT_SIGNED_IN
    verdict_rows(store, filters=None, *, reviewer=None, final_only=False, published_from=None,
                 published_to=None) -> Iterator[VerdictRow]
    write_verdict_csv(store, out, **same filters) -> int          # out: path or text stream
    verdict_csv_bytes(store, **same filters) -> bytes
    write_history_csv(store, out, *, since=None, actor_id=None, entity=None) -> int
    history_csv_bytes(store, ...) -> bytes
    write_agreement_csv(rows, out) -> int;  agreement_csv_bytes(rows) -> bytes   # rows: Team.agreement_rows
    claimreview(store, *, organisation=None, review_url=None, **same filters) -> list[dict]
    claimreview_json(store, ...) -> str
    import_verdicts(store, source, *, overwrite=False, actor_id=None) -> VerdictImportReport
    safe_cell(text) -> str;  unsafe_cell(text) -> str;  csv_cell(value, numeric=False) -> str
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote, urlsplit


from workbench import review
from workbench.agreement import CSV_COLUMNS
from workbench.cells import csv_cell, csv_row, unsafe_cell
from workbench.errors import ExitCode, InputError, WorkbenchError
from workbench.store import Store
from workbench.store import audit, disputes, exports
from workbench.store.schema import claims as claims_t
from workbench.store.schema import groups as groups_t
from workbench.store.types import AuditEntry, ClaimFilter, SourceInput, Target, TargetKind


def parse_number(text: str, where: str) -> float | None:
    if text == "":
        return None
    try:
        return float(text)
    except ValueError:
        raise InputError(where, f"{text!r} is not a number") from None


@dataclass(frozen=True, slots=True)
class VerdictRow:
    claim_id: str
    article: str
    outlet: str
    url: str | None
    published: str | None
    sentence: str
    surface: str
    kind: str
    low: float
    high: float
    unit: str | None
    currency: str | None
    noun: str | None
    quantity: str | None  # what the value is a value of, as the extractor read it
    qualifier: str
    group: str | None
    verdict: str | None
    rating_value: int | None
    verdict_scope: str | None  # "claim" or "group"
    verdict_status: str | None  # "final", "submitted" or "disputed"
    reviewer: str | None  # who is credited, one a line (see the module docstring)
    verdicts_given: str  # each reviewer's submitted verdict on the scope, "name: verdict", one a line
    time: str | None
    sources: str  # URLs, one a line
    source_figure: float | None
    source_unit: str | None
    gap: float | None
    gap_pct: float | None
    note: str | None
    sources_detail: str  # JSON list of the sources, for re-import


VERDICT_COLUMNS = tuple(f.name for f in fields(VerdictRow))
NUMERIC = {"low", "high", "rating_value", "source_figure", "gap", "gap_pct"}
HISTORY_COLUMNS = ("id", "at", "actor", "action", "entity", "entity_id", "affected_user", "before", "after")
ACTOR_COMMAND_LINE = "command line"  # the actor of a change made without a signed-in user
ACTOR_NOT_SIGNED_IN = "not signed in"  # the actor of a failed sign-in or a lockout
RESERVED_NAMES = (ACTOR_COMMAND_LINE, ACTOR_NOT_SIGNED_IN)  # not for accounts: the history uses them
_ANONYMOUS_ACTIONS = frozenset({"sign_in_failed", "account_locked"})

_SOURCE_KEYS = ("url", "title", "publisher", "accessed", "archived_url", "value", "unit", "as_of", "note")


def verdict_rows(store: Store, filters: ClaimFilter | None = None, **kw: Any) -> Iterator[VerdictRow]:
    """One row per claim matching the filters, where it stands (see the module docstring)."""
    for values in _verdict_values(store, filters, **kw):
        yield VerdictRow(*values)


def _verdict_values(
    store: Store,
    filters: ClaimFilter | None = None,
    *,
    reviewer: str | None = None,
    final_only: bool = False,
    published_from: str | None = None,
    published_to: str | None = None,
    cells: bool = False,
) -> Iterator[Any]:
    """The cells of :func:`verdict_rows` as plain tuples in :data:`VERDICT_COLUMNS` order (the CSV writer
    needs no row object: a frozen dataclass per claim is a third of the export's time); ``cells``: each
    row's CSV cells instead (an unreviewed claim's constant cells written once)."""
    with store._read() as conn:
        labels = exports.labels(conn)
        names = exports.user_names(conn)
        snap = disputes.Snapshot.read(conn)
        src_by_verdict = exports.sources_by_verdict(conn)  # sources are few next to claims: read them once

    def sources_of(verdict_id: int | None) -> list:
        return src_by_verdict.get(verdict_id, []) if verdict_id is not None else []

    def label_of(label_id: int | None) -> str:
        return labels[label_id][0] if label_id is not None else "(no verdict)"

    for r in exports.iter_claims(store, filters):
        (cid, _article, _outlet, _url, published, _sentence, _surface, _kind, low, high, unit, currency, _noun,
         _quantity, _qualifier, group_id) = r
        if published_from and (published or "") < published_from:
            continue
        if published_to and (published or "9999") > published_to:
            continue
        s = snap.claim(cid, group_id)
        if s is disputes.UNREVIEWED:  # most claims of a large export: nothing stands, nothing to look up
            if not final_only and reviewer is None:
                yield csv_row(r, _NUMERIC_FLAGS) + _UNREVIEWED_CELLS if cells else r + _UNREVIEWED_TAIL
            continue
        if final_only and s.status is not disputes.Standing.FINAL:
            continue
        label = rating = scope = status = when = note = None
        credited: tuple[int, ...] = ()
        given = ""
        basis: int | None = None
        if s.status is not disputes.Standing.UNREVIEWED:
            scope, status, credited = s.scope, s.status.value, s.credited
            given = "\n".join(f"{names.get(g.reviewer_id, g.reviewer_id)}: {label_of(g.label_id)}"
                               for g in s.given) if s.disputed else ""
            if s.final is not None:
                f = snap.final_rows[s.final.id]
                label, rating = labels[f.label_id]
                when, note, basis = f.decided_at, f.note, f.basis_verdict_id
            elif s.basis is not None:
                v = snap.verdict_rows[s.basis.verdict_id]
                when = v.updated_at
                if not s.disputed:
                    label, rating = labels[v.label_id] if v.label_id is not None else (None, None)
                    note, basis = v.note, v.id
        if reviewer is not None and reviewer not in [names.get(i) for i in credited]:
            continue
        srcs = sources_of(basis)
        value = (low + high) / 2.0
        first = next((x for x in srcs if x.value is not None), None)
        gap = None
        if first is not None and review.units_compatible(first.unit, unit, currency):
            gap = review.compute_gap(value, first.value)
        detail = [{k: getattr(x, k) for k in _SOURCE_KEYS} for x in srcs]
        values = (  # in the order of VerdictRow's fields: the claim's EXPORT_COLUMNS first
            *r, label, rating, scope, status,
            disputes.names(credited, names) if credited else None, given, when,
            "\n".join(x.url for x in srcs), first.value if first else None, first.unit if first else None,
            gap.difference if gap else None, gap.percent if gap else None, note,
            json.dumps(detail, ensure_ascii=False, sort_keys=True) if detail else "",
        )
        yield csv_row(values, _NUMERIC_FLAGS) if cells else values


_NUMERIC_FLAGS = tuple(name in NUMERIC for name in VERDICT_COLUMNS)
# an unreviewed claim's cells after its own columns: no verdict, status, reviewer, sources, gap or note
_UNREVIEWED_TAIL = (None, None, None, None, None, "", None, "", None, None, None, None, None, "")
_UNREVIEWED_CELLS = csv_row(_UNREVIEWED_TAIL, _NUMERIC_FLAGS[-len(_UNREVIEWED_TAIL):])


def _writer(out: IO[str]):  # type: ignore[no-untyped-def]
    return csv.writer(out, dialect="excel", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)


class _Target:
    """Open a path (UTF-8 with BOM, no newline translation) or use a given text stream."""

    def __init__(self, out: str | os.PathLike[str] | IO[str]):
        self.out = out
        self.fh: IO[str] | None = None

    def __enter__(self) -> IO[str]:
        if isinstance(self.out, (str, os.PathLike)):
            self.fh = open(self.out, "w", encoding="utf-8-sig", newline="")
            return self.fh
        self.out.write("\ufeff")
        return self.out

    def __exit__(self, *exc: object) -> None:
        if self.fh is not None:
            self.fh.close()


def write_verdict_csv(store: Store, out: str | os.PathLike[str] | IO[str], **filters: Any) -> int:
    """Write the verdict CSV; returns the number of claim rows."""
    n = 0
    with _Target(out) as fh:
        w = _writer(fh)
        w.writerow(VERDICT_COLUMNS)
        for row in _verdict_values(store, **filters, cells=True):
            w.writerow(row)
            n += 1
    return n


def verdict_csv_bytes(store: Store, **filters: Any) -> bytes:
    buf = io.StringIO(newline="")
    write_verdict_csv(store, buf, **filters)
    return buf.getvalue().encode("utf-8")


def _affected_ids(e: AuditEntry) -> list[int]:
    """The users a change is about: the account itself, an assignment's reviewer, the agreeing reviewers."""
    if e.entity == "user" and e.entity_id and e.entity_id.isdigit():
        return [int(e.entity_id)]
    ids: list[int] = []
    for side in (e.after, e.before):
        if not isinstance(side, dict):
            continue
        if e.entity == "assignment" and isinstance(side.get("user_id"), int):
            ids.append(side["user_id"])
        if e.action == "auto_accept" and isinstance(side.get("reviewers"), list):
            ids += [i for i in side["reviewers"] if isinstance(i, int)]
    return list(dict.fromkeys(ids))


def _actor_name(e: AuditEntry) -> str:
    if e.actor_id is None:
        return ACTOR_NOT_SIGNED_IN if e.action in _ANONYMOUS_ACTIONS else ACTOR_COMMAND_LINE
    return e.actor or f"user {e.actor_id}"


def write_history_csv(store: Store, out: str | os.PathLike[str] | IO[str], *, since: str | None = None,
                      actor_id: int | None = None, entity: str | None = None) -> int:
    """Every change from the audit log, oldest first: who made it (see the module docstring for changes
    made without a signed-in user), when (UTC), what, whom it is about, before and after (JSON, which keeps
    the stored ids)."""
    names = {u.id: u.name for u in store.users()}
    n = 0
    with _Target(out) as fh:
        w = _writer(fh)
        w.writerow(HISTORY_COLUMNS)
        for e in store.iter_audit(since=since, actor_id=actor_id, entity=entity):
            affected = ", ".join(names.get(i, f"user {i}") for i in _affected_ids(e))
            w.writerow([
                str(e.id), csv_cell(e.at), csv_cell(_actor_name(e)), csv_cell(e.action), csv_cell(e.entity),
                csv_cell(e.entity_id), csv_cell(affected),
                csv_cell(None if e.before is None else json.dumps(e.before, ensure_ascii=False, sort_keys=True)),
                csv_cell(None if e.after is None else json.dumps(e.after, ensure_ascii=False, sort_keys=True)),
            ])
            n += 1
    return n


def history_csv_bytes(store: Store, **kw: Any) -> bytes:
    buf = io.StringIO(newline="")
    write_history_csv(store, buf, **kw)
    return buf.getvalue().encode("utf-8")


# --- agreement -----------------------------------------------------------------------------------------------

AGREEMENT_COLUMNS = CSV_COLUMNS
_AGREEMENT_TEXT = frozenset({"scope", "dimension", "key", "reviewer_a", "reviewer_b"})


def write_agreement_csv(rows: Sequence[Mapping[str, Any]], out: str | os.PathLike[str] | IO[str]) -> int:
    """Write agreement rows (:meth:`workbench.team.Team.agreement_rows`, keys :data:`AGREEMENT_COLUMNS`) in
    the dialect of the other exports: statistics as plain numbers, the text cells (reviewer names, story
    titles, outlets) with formulas neutralised. Returns the number of rows."""
    n = 0
    with _Target(out) as fh:
        w = _writer(fh)
        w.writerow(AGREEMENT_COLUMNS)
        for r in rows:
            w.writerow([csv_cell(r.get(c), c not in _AGREEMENT_TEXT) for c in AGREEMENT_COLUMNS])
            n += 1
    return n


def agreement_csv_bytes(rows: Sequence[Mapping[str, Any]]) -> bytes:
    """:func:`write_agreement_csv` as bytes (UTF-8 with a byte-order mark, CRLF line ends)."""
    buf = io.StringIO(newline="")
    write_agreement_csv(rows, buf)
    return buf.getvalue().encode("utf-8")


# --- ClaimReview ---------------------------------------------------------------------------------------------

DEFAULT_ORGANISATION = "Claim Workbench"
BASE_URL_SETTING = "claimreview.base_url"
BASE_URL_ENV = "WORKBENCH_PUBLISHER_URL"
NO_BASE_URL = (
    "ClaimReview needs the address where the publisher shows each review: set the publisher's base URL "
    f"(the {BASE_URL_SETTING} setting, or {BASE_URL_ENV}=https://your-site.example/checks in the environment), "
    "or give a template such as --review-url https://your-site.example/checks/{id}"
)


class ExportError(WorkbenchError):
    """An export that cannot be written as asked; the message says what would work."""

    exit_code = ExitCode.BAD_INPUT


def is_web_url(url: object) -> bool:
    """An absolute http(s) URL with a host, without spaces or control characters."""
    if not isinstance(url, str) or not url or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def review_url_template(store: Store, base_url: str | None = None, review_url: str | None = None) -> str | None:
    """The template of each review's ``url`` (with ``{kind}`` and ``{id}``): ``review_url`` when given, else
    the publisher's base URL (``base_url``, the setting, the environment) followed by ``/{kind}/{id}``;
    ``None`` when nothing is configured. A configured address that is not http(s) is refused."""
    if review_url:
        try:
            sample = review_url.format(kind="claim", id="c0")
        except (KeyError, IndexError, ValueError) as exc:
            raise ExportError(f"--review-url {review_url!r} is not a template with {{kind}} and {{id}} ({exc}); "
                              "e.g. https://your-site.example/checks/{id}") from None
        if not is_web_url(sample):
            raise ExportError(f"--review-url {review_url!r} is not an http(s) address; "
                              "e.g. https://your-site.example/checks/{id}")
        return review_url
    base = base_url or store.get_setting(BASE_URL_SETTING, None) or os.environ.get(BASE_URL_ENV, "").strip() or None
    if base is None:
        return None
    if not is_web_url(base):
        raise ExportError(f"the publisher's base URL {base!r} is not an http(s) address; "
                          "give one such as https://your-site.example/checks")
    return base.rstrip("/").replace("{", "{{").replace("}", "}}") + "/{kind}/{id}"


def claimreview(
    store: Store,
    *,
    organisation: str | None = None,
    organisation_url: str | None = None,
    review_url: str | None = None,
    base_url: str | None = None,
    require_url: bool = False,
    **filters: Any,
) -> list[dict[str, Any]]:
    """schema.org ClaimReview objects, one per claim or group whose verdict in force carries a rating.

    Each review's ``url`` is where the publisher shows it (:func:`review_url_template`: ``review_url``, a
    template with ``{kind}`` and ``{id}``, or the publisher's base URL from ``base_url``, the
    ``claimreview.base_url`` setting or ``$WORKBENCH_PUBLISHER_URL``). With none configured the reviews have
    no ``url`` (:func:`validate_claimreview` says so), or, with ``require_url``, :class:`ExportError` is
    raised saying what to set. An appearance's ``url`` is given only when it is an http(s) address.
    ``organisation``: the ``author`` (setting ``claimreview.organisation``). Verdicts whose label has no
    rating value (e.g. "Not a claim") are left out.
    """
    org = organisation or store.get_setting("claimreview.organisation", DEFAULT_ORGANISATION)
    org_url = organisation_url or store.get_setting("claimreview.organisation_url", None)
    if org_url is not None and not is_web_url(org_url):
        raise ExportError(f"the organisation URL {org_url!r} is not an http(s) address")
    template = review_url_template(store, base_url, review_url or store.get_setting("claimreview.review_url", None))
    if template is None and require_url:
        raise ExportError(NO_BASE_URL)
    scale = store.default_scale()
    best, worst = scale.best_rating, scale.worst_rating
    reviews: dict[tuple[str, str], dict[str, Any]] = {}
    appearances: dict[tuple[str, str], dict[str, dict[str, Any]]] = {}
    for row in verdict_rows(store, **filters):
        if row.verdict is None or row.rating_value is None:
            continue
        key = ("group", row.group or "") if row.verdict_scope == "group" else ("claim", row.claim_id)
        if key not in reviews:
            author: dict[str, Any] = {"@type": "Organization", "name": org}
            if org_url:
                author["url"] = org_url
            reviews[key] = {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "claimReviewed": row.sentence,
                "author": author,
                "datePublished": (row.time or "")[:10],
                "reviewRating": {
                    "@type": "Rating", "ratingValue": row.rating_value, "bestRating": best, "worstRating": worst,
                    "alternateName": row.verdict,
                },
                "itemReviewed": {"@type": "Claim", "appearance": []},
            }
            if template is not None:
                reviews[key]["url"] = template.format(kind=key[0], id=quote(key[1], safe=":"))
            if row.note:
                reviews[key]["reviewBody"] = row.note
            appearances[key] = {}
        if row.article not in appearances[key]:
            work: dict[str, Any] = {"@type": "CreativeWork", "headline": None,
                                    "publisher": {"@type": "Organization", "name": row.outlet}}
            if is_web_url(row.url):  # imported text: a javascript: or file: address is left out
                work["url"] = row.url
            if row.published:
                work["datePublished"] = row.published
            appearances[key][row.article] = work
    titles = {}
    out = []
    for key, rv in reviews.items():
        works = []
        for art_id, work in appearances[key].items():
            if art_id not in titles:
                titles[art_id] = store.article_title(art_id)
            work["headline"] = titles[art_id]
            works.append(work)
        rv["itemReviewed"]["appearance"] = works
        if key[0] == "group":
            rep = store.group_representative_sentence(key[1])
            if rep:
                rv["claimReviewed"] = rep
        out.append(rv)
    return out


def claimreview_json(store: Store, **kw: Any) -> str:
    return json.dumps(claimreview(store, **kw), ensure_ascii=False, indent=2)


CLAIMREVIEW_REQUIRED = ("@context", "@type", "url", "claimReviewed", "author", "datePublished", "reviewRating",
                        "itemReviewed")


def validate_claimreview(obj: dict[str, Any]) -> list[str]:
    """Problems with one ClaimReview object (empty list when it has every required field, well typed)."""
    problems = [f"missing {k}" for k in CLAIMREVIEW_REQUIRED if k not in obj or obj[k] in (None, "")]
    if obj.get("@type") != "ClaimReview":
        problems.append("@type is not ClaimReview")
    rating = obj.get("reviewRating") or {}
    if rating.get("@type") != "Rating":
        problems.append("reviewRating.@type is not Rating")
    for k in ("ratingValue", "bestRating", "worstRating"):
        if not isinstance(rating.get(k), (int, float)):
            problems.append(f"reviewRating.{k} is not a number")
    if not rating.get("alternateName"):
        problems.append("reviewRating.alternateName is empty")
    if all(isinstance(rating.get(k), (int, float)) for k in ("ratingValue", "bestRating", "worstRating")):
        if not rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]:
            problems.append("reviewRating.ratingValue is outside worstRating..bestRating")
    item = obj.get("itemReviewed") or {}
    if item.get("@type") != "Claim":
        problems.append("itemReviewed.@type is not Claim")
    apps = item.get("appearance") or []
    if not apps:
        problems.append("itemReviewed.appearance is empty")
    if "url" in obj and obj["url"] not in (None, "") and not is_web_url(obj["url"]):
        problems.append("url is not an http(s) address")
    for i, a in enumerate(apps):
        if "url" in a and not is_web_url(a["url"]):
            problems.append(f"appearance {i}: url is not an http(s) address")
        if a.get("@type") != "CreativeWork":
            problems.append(f"appearance {i}: @type is not CreativeWork")
        if not a.get("headline") and not a.get("url"):
            problems.append(f"appearance {i}: neither headline nor url")
    if (obj.get("author") or {}).get("@type") not in ("Organization", "Person"):
        problems.append("author.@type is not Organization or Person")
    return problems


# --- import-verdicts -----------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class VerdictImportReport:
    rows: int
    verdicts_saved: int
    finals_saved: int
    unchanged: int
    skipped: tuple[tuple[int, str], ...]  # (line number, reason)
    dry_run: bool = False

    def lines(self) -> list[str]:
        out = [f"{self.rows} row(s): {self.verdicts_saved} verdict(s) and {self.finals_saved} final verdict(s) "
               f"saved, {self.unchanged} unchanged, {len(self.skipped)} skipped"]
        out += [f"  line {n}: {why}" for n, why in self.skipped]
        return out


def read_verdict_csv(source: str | os.PathLike[str] | IO[str]) -> list[tuple[int, dict[str, str]]]:
    """Rows of a verdict CSV as (line number, {column: text with the neutralising prefix removed})."""
    return _read_verdict_csv(source)[1]


def _read_verdict_csv(source: str | os.PathLike[str] | IO[str]) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    name = str(source) if isinstance(source, (str, os.PathLike)) else getattr(source, "name", "<input>")
    try:
        if isinstance(source, (str, os.PathLike)):
            with open(source, encoding="utf-8-sig", newline="") as fh:
                text = fh.read()
        else:
            text = source.read()
            text = text.removeprefix("\ufeff")
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except UnicodeDecodeError as exc:
        raise InputError(name, f"is not UTF-8 (byte {exc.start}); export it again as UTF-8 CSV") from None
    reader = csv.reader(io.StringIO(text, newline=""), dialect="excel")
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(name, "is empty; expected a verdict CSV with a header row") from None
    missing = [c for c in ("claim_id", "verdict", "verdict_scope", "verdict_status", "reviewer", "group")
               if c not in header]
    if missing:
        raise InputError(name, f"line 1: missing column(s) {', '.join(missing)}; "
                               "expected the header written by `workbench export --format csv`")
    out = []
    try:
        for row in reader:
            line = reader.line_num
            if len(row) != len(header):
                raise InputError(name, f"line {line}: {len(row)} cells, the header has {len(header)}")
            out.append((line, {h: (v if h in NUMERIC else unsafe_cell(v)) for h, v in zip(header, row)}))
    except csv.Error as exc:
        raise InputError(name, f"line {reader.line_num}: {exc}") from None
    return header, out


class VerdictFileError(InputError):
    """A verdict CSV with bad cells; ``problems`` lists each as (line, column number, column, what is wrong).
    Nothing of the file was saved."""

    def __init__(self, source: str, problems: Sequence[tuple[int, int, str, str]]):
        self.problems = tuple(problems)
        shown = "\n".join(f"  line {line}, column {num} ({col}): {what}" for line, num, col, what in self.problems)
        super().__init__(source, f"{len(self.problems)} bad cell(s), nothing was imported; fix them and import "
                                 f"the file again:\n{shown}")


# Characters a person's name cannot hold: controls (escape sequences, line breaks), format characters
# (bidi overrides and isolates, zero-width joiners and spaces), line and paragraph separators.
_NAME_BAD_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a reviewer's name (None when it can): empty, a name the history reserves for
    changes made without a signed-in user, or holding a control, bidi or other invisible character."""
    import unicodedata

    if not name.strip():
        return "no reviewer named"
    if " ".join(name.split()).casefold() in RESERVED_NAMES:
        return (f"{name!r} is reserved: the history uses it for changes made without a signed-in user; "
                "name the person")
    for i, ch in enumerate(name):
        cat = unicodedata.category(ch)
        if cat in _NAME_BAD_CATEGORIES:
            return (f"holds the invisible or control character U+{ord(ch):04X} ({unicodedata.name(ch, cat)}) at "
                    f"character {i + 1}; a name is letters, spaces and punctuation")
    return None


def _time_problem(text: str) -> str | None:
    from datetime import datetime

    try:
        datetime.fromisoformat(text)
    except ValueError:
        return f"{text[:40]!r} is not a time; expected an ISO 8601 time such as 2024-05-01T09:30:00+00:00"
    return None


def _source_problems(detail: str) -> list[str]:
    try:
        items = json.loads(detail)
    except json.JSONDecodeError as exc:
        return [f"is not JSON ({exc.msg} at character {exc.pos + 1}); expected the list written by the export"]
    if not isinstance(items, list):
        return ["is not a JSON list of sources; expected the list written by the export"]
    out = []
    for i, it in enumerate(items, start=1):
        if not isinstance(it, dict):
            out.append(f"source {i} is not a JSON object")
            continue
        unknown = sorted(set(it) - set(_SOURCE_KEYS))
        if unknown:
            out.append(f"source {i} has unknown field(s) {', '.join(unknown)}; it may have {', '.join(_SOURCE_KEYS)}")
        if not isinstance(it.get("url"), str) or not it["url"].strip():
            out.append(f"source {i} has no url")
        value = it.get("value")
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))
                                  or not math.isfinite(value)):
            out.append(f"source {i}: value {value!r} is not a number")
        for k in _SOURCE_KEYS:
            if k not in ("value",) and it.get(k) is not None and not isinstance(it.get(k), str):
                out.append(f"source {i}: {k} is not text")
            elif isinstance(it.get(k), str) and "\x00" in it[k]:
                out.append(f"source {i}: {k} holds a NUL character")
    return out


@dataclass(frozen=True, slots=True)
class _Planned:
    line: int
    target: Target
    status: str
    reviewer: str  # the decider of a final verdict, else the last of ``votes``
    cells: dict[str, str]
    sources: tuple[SourceInput, ...]
    votes: tuple[tuple[str, str], ...] = ()  # (reviewer, verdict) of each submitted verdict the row carries

    @property
    def automatic(self) -> bool:
        """A final verdict credited to several reviewers: accepted automatically because they agreed."""
        return self.status == "final" and len(self.votes) > 1


def _validate(store: Store, name: str, header: Sequence[str],
              rows: Sequence[tuple[int, dict[str, str]]]) -> tuple[list[_Planned], list[tuple[int, str]]]:
    """Every row checked before anything is written: the planned saves and the rows left out with why (a
    verdict given twice); bad cells raise :class:`VerdictFileError` naming each."""
    col = {h: i + 1 for i, h in enumerate(header)}
    problems: list[tuple[int, int, str, str]] = []

    def bad(line: int, column: str, what: str) -> None:
        problems.append((line, col.get(column, 0), column, what))

    with store._read() as conn:
        labels, keys = exports.default_labels(conn)
    judged = [c for _, c in rows if c.get("verdict") or c.get("verdict_status") == "disputed"]
    claim_ids = {c["claim_id"] for c in judged if c.get("verdict_scope") == "claim"}
    group_ids = {c["group"] for c in judged if c.get("verdict_scope") == "group"}
    found_claims = _existing(store, claims_t.c.id, claim_ids)
    found_groups = _existing(store, groups_t.c.id, group_ids)

    planned: list[_Planned] = []
    skipped: list[tuple[int, str]] = []
    done: set[tuple[str, str, str]] = set()
    for line, cells in rows:
        disputed = cells.get("verdict_status") == "disputed"
        if not cells.get("verdict") and not disputed:
            continue
        scope, status = cells["verdict_scope"], cells["verdict_status"]
        ok = True
        if scope not in ("claim", "group"):
            bad(line, "verdict_scope", f"{scope[:40]!r} is neither claim nor group")
            ok = False
        if status not in ("final", "submitted", "disputed"):
            bad(line, "verdict_status", f"{status[:40]!r} is neither final, submitted nor disputed")
            ok = False
        votes: list[tuple[str, str]] = []
        if disputed:
            for given in (cells.get("verdicts_given") or "").split("\n"):
                # "name: verdict": the verdict is a label of the scale, so the name is what precedes it
                lab = next((x for x in sorted(labels, key=len, reverse=True) if given.endswith(": " + x)), None)
                if lab is None:
                    bad(line, "verdicts_given", f"{given[:60]!r} is not \"reviewer: verdict\" with a verdict of "
                                                f"the scale ({', '.join(sorted(labels))})")
                    ok = False
                    continue
                votes.append((given[:-len(lab) - 2].strip(), lab))
            names_given = [v[0] for v in votes]
        else:
            label = cells["verdict"]
            if label not in labels and label not in keys:
                bad(line, "verdict", f"unknown label {label[:40]!r}; the scale has: {', '.join(sorted(labels))}")
                ok = False
            names_given = [n.strip() for n in (cells.get("reviewer") or "").split("\n")] or [""]
            votes = [(n, label) for n in names_given]
        for who in names_given:
            why = name_problem(who)
            if why:
                bad(line, "reviewer", why)
                ok = False
        who = names_given[-1] if names_given else ""
        when = cells.get("time") or ""
        if when and (why := _time_problem(when)):
            bad(line, "time", why)
            ok = False
        if "\x00" in cells.get("note", ""):
            bad(line, "note", "holds a NUL character, which cannot be stored")
            ok = False
        detail = cells.get("sources_detail", "")
        srcs: list[SourceInput] = []
        if detail:
            msgs = _source_problems(detail)
            for m in msgs:
                bad(line, "sources_detail", m)
            if msgs:
                ok = False
            else:
                srcs = [SourceInput(**{k: it.get(k) for k in _SOURCE_KEYS if k != "note"}, note=it.get("note") or "")
                        for it in json.loads(detail)]
        else:
            srcs = [SourceInput(url=u) for u in (cells.get("sources") or "").split("\n") if u.strip()]
        if not ok:
            continue
        tid = cells["claim_id"] if scope == "claim" else cells["group"]
        if tid not in (found_claims if scope == "claim" else found_groups):
            column = "claim_id" if scope == "claim" else "group"
            bad(line, column, f"no {scope} {tid[:60]!r} in this database; import the articles first, or export "
                              "again after regrouping")
            continue
        key = (scope, tid, status)
        if key in done:
            continue
        done.add(key)
        planned.append(_Planned(line, Target(TargetKind(scope), tid), status, who, cells, tuple(srcs), tuple(votes)))
    if problems:
        raise VerdictFileError(name, problems)
    return planned, skipped


def _existing(store: Store, column: Any, ids: set[str]) -> set[str]:
    with store._read() as conn:
        return exports.existing(conn, column, sorted(ids))


def _reviewer_id(conn: Any, name: str) -> int:
    """The id of the user called ``name``, created as a reviewer (in the caller's transaction) if new."""
    from workbench.store import accounts

    return accounts.ensure_reviewer(conn, name)


def import_verdicts(
    store: Store,
    source: str | os.PathLike[str] | IO[str],
    *,
    overwrite: bool = False,
    actor_id: int | None = None,
) -> VerdictImportReport:
    """Load the verdicts of a verdict CSV back into the store, whole or not at all.

    Every row is checked first: the scope and status, the label (in the default scale), the reviewer's name
    (not empty, not a name the history reserves, no control or bidi characters), the time (ISO 8601), the
    sources (``sources_detail`` as the export writes it) and that the claim or group exists. Any bad cell
    raises :class:`VerdictFileError` naming every bad cell by line and column, and nothing is saved. Then
    all the saves run in one transaction: each verdict (a claim's or a group's, submitted or final) once,
    as the reviewer named in the file, with its note, time and sources. A verdict already stored with the
    same content is left alone; one with different content is skipped with the reason unless ``overwrite``.
    """
    name = str(source) if isinstance(source, (str, os.PathLike)) else getattr(source, "name", "<input>")
    header, rows = _read_verdict_csv(source)
    planned, skipped = _validate(store, name, header, rows)

    def _apply(conn: Any) -> tuple[int, int, int, list[tuple[int, str]]]:
        saved = finals = unchanged = 0
        left: list[tuple[int, str]] = []
        for p in planned:
            cells, target, who = p.cells, p.target, p.reviewer
            uid = _reviewer_id(conn, who)
            scope, tid = target.kind.value, target.id
            if p.status == "final":
                cur = review.get_final(conn, target)
                if (cur is not None and cur.label == cells["verdict"] and cur.note == cells.get("note", "")
                        and (p.automatic or cur.decided_by == who)
                        and cur.decided_at == (cells.get("time") or cur.decided_at)):
                    unchanged += 1
                    continue
                if cur is not None and not overwrite:
                    left.append((p.line, f"the stored final verdict on {scope} {tid} is {cur.label!r}, the file "
                                         f"says {cells['verdict']!r}; use --overwrite to replace it"))
                    continue
                if p.automatic:  # every reviewer's agreeing verdict, then the final verdict accepted from them
                    _save_agreement(conn, target, p, cur.version if cur else 0)
                else:
                    _save_final(conn, target, uid, cells, cur.version if cur else 0, p.sources)
                finals += 1
                continue
            disputed = p.status == "disputed"
            for voter, label in p.votes:
                vid = _reviewer_id(conn, voter)
                vcells = {**cells, "verdict": label, "note": "" if disputed else cells.get("note", "")}
                srcs = () if disputed else p.sources
                cur_v = review.get_verdict(conn, target, vid)
                if cur_v is not None and _same(cur_v, vcells, srcs):
                    unchanged += 1
                    continue
                if cur_v is not None and not overwrite:
                    left.append((p.line, f"{voter}'s stored verdict on {scope} {tid} is {cur_v.label!r}, the file "
                                         f"says {label!r}; use --overwrite to replace it"))
                    continue
                _save_submitted(conn, target, vid, vcells, cur_v.version if cur_v else 0, srcs)
                saved += 1
        return saved, finals, unchanged, left

    saved, finals, unchanged, left = store._write(_apply) if planned else (0, 0, 0, [])
    return VerdictImportReport(rows=len(rows), verdicts_saved=saved, finals_saved=finals, unchanged=unchanged,
                               skipped=tuple(skipped + left))


def _same(v: Any, cells: dict[str, str], srcs: Sequence[SourceInput]) -> bool:
    mine = [tuple(getattr(s, k) for k in _SOURCE_KEYS) for s in v.sources]
    theirs = [tuple(getattr(s, k) for k in _SOURCE_KEYS) for s in srcs]
    return (v.label == cells["verdict"] and v.note == cells.get("note", "") and v.status.value == "submitted"
            and mine == theirs and v.updated_at == (cells.get("time") or v.updated_at))


def _replace_sources(conn: Any, target: Target, reviewer_id: int, srcs: Sequence[SourceInput]) -> None:
    v = review.get_verdict(conn, target, reviewer_id)
    if v is not None:
        for s in v.sources:
            review.remove_source(conn, s.id, reviewer_id)
    for s in srcs:
        review.add_source(conn, target, reviewer_id, s)


def _save_submitted(conn: Any, target: Target, reviewer_id: int, cells: dict[str, str], version: int,
                    srcs: Sequence[SourceInput]) -> None:
    review.save_verdict(conn, target, reviewer_id, cells["verdict"], note=cells.get("note", ""), submit=True,
                        expected_version=version)
    _replace_sources(conn, target, reviewer_id, srcs)
    if cells.get("time"):
        review.set_verdict_time(conn, target, reviewer_id, cells["time"])


def _save_agreement(conn: Any, target: Target, p: _Planned, version: int) -> None:
    """A final verdict accepted automatically: each agreeing reviewer's submitted verdict (the sources with
    the last, on which the final verdict rests), the final verdict by the last, and the audit record that
    credits it to all of them."""
    ids = []
    for voter, label in p.votes:
        vid = _reviewer_id(conn, voter)
        cur = review.get_verdict(conn, target, vid)
        review.save_verdict(conn, target, vid, label, submit=True, expected_version=cur.version if cur else 0)
        ids.append(vid)
    _replace_sources(conn, target, ids[-1], p.sources)
    if p.cells.get("time"):
        for vid in ids:
            review.set_verdict_time(conn, target, vid, p.cells["time"])
    basis = review.get_verdict(conn, target, ids[-1])
    final = review.save_final_verdict(conn, target, ids[-1], p.cells["verdict"], expected_version=version,
                                      note=p.cells.get("note", ""), basis_verdict_id=basis.id if basis else None)
    if p.cells.get("time"):
        review.set_final_time(conn, target, p.cells["time"])
    audit.record(conn, ids[-1], disputes.AUTO_ACCEPT_ACTION, "final_verdict", final.id, None,
                 {"target_kind": target.kind.value, "target_id": target.id, "label": final.label,
                  "reviewers": sorted(ids), "imported": True})


def _save_final(conn: Any, target: Target, decided_by: int, cells: dict[str, str], version: int,
                srcs: Sequence[SourceInput]) -> None:
    basis = None
    if srcs:
        # keep the sources with a submitted verdict of the decider, which the final verdict rests on
        review.save_verdict(conn, target, decided_by, cells["verdict"], note=cells.get("note", ""), submit=True)
        _replace_sources(conn, target, decided_by, srcs)
        basis = review.get_verdict(conn, target, decided_by).id  # type: ignore[union-attr]
    review.save_final_verdict(conn, target, decided_by, cells["verdict"], expected_version=version,
                              note=cells.get("note", ""), basis_verdict_id=basis)
    if cells.get("time"):
        review.set_final_time(conn, target, cells["time"])


def path_or_stdout(output: str | None) -> Path | None:
    return Path(output) if output and output != "-" else None
