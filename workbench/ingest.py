"""Read news articles from .txt, .html/.htm, .jsonl and .csv files into :class:`~workbench.models.Article`.

Formats
-------
- ``.txt``: one article a file. The title is the first non-empty line.
- ``.html``/``.htm``: the main text, title, date and site name come from trafilatura.
- ``.jsonl``: one JSON object a line with ``id``, ``outlet``, ``title``, ``text`` and optional ``url`` and
  ``published`` (ISO date). Other fields are ignored.
- ``.csv``: the same columns, with a header row (comma, semicolon or tab separated).

The outlet
----------
One rule, :func:`outlet_for`, whichever way a file comes in (the command line, a folder or an archive, an
upload on the Import screen). A .jsonl or .csv record names its own outlet (``outlet``), else the outlet
given for the import is used. A .txt or .html file takes:

1. the outlet given for the import (``--outlet NAME``, the Import screen's Outlet field), else
2. what the file says itself (an HTML page's site name), else
3. the folder named in the file's path as given (``harbour-gazette/ferry.txt`` reads as "Harbour Gazette"):
   a folder walked by ``workbench import FOLDER``, or a path typed with its folder.

Otherwise the file is refused ("cannot tell the outlet"). The folder is only ever one the path names: a
bare ``ferry.txt`` typed in a terminal is refused as the same file uploaded is (a browser sends a file's
name without its folder), instead of taking the name of whatever folder the terminal is in.

For .txt and .html the article text is the *cleaned* text: page furniture (error banners, "Read More"
lists of other headlines, share and subscribe lines, update stamps, cookie notices) is removed by
:func:`clean_text`. For .jsonl and .csv the ``text`` is kept exactly as given, because claim offsets must
index into it; :func:`furniture_spans` tells a caller which character ranges of such a text are furniture so
that claims found inside them can be dropped.

An article without an ``id`` gets a short, stable content hash of its outlet and text.

Every stage is bounded by its input (:class:`Limits`): a file's size, an HTML page's nesting depth (checked
by a linear scan before any parser sees the page), a CSV or JSONL cell's length and an article's length.
Each limit is refused with a message that names it and the environment variable that raises it. The date
of an HTML page is the one its markup states (meta tags, ``<time>``, JSON-LD, the URL); the page's running
text is not searched for dates, which was slow and often picked the date of an event the article reports.

Every problem with the input raises :class:`~workbench.errors.InputError` whose one-line message names the
file (and line or field) and says what would work. A file that fails yields no articles at all, and
:func:`read_paths` returns nothing when any of its files fails.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import ClassVar, Iterable, Sequence

from workbench.errors import InputError
from workbench.models import Article, content_hash

DEFAULT_MAX_BYTES = 20_000_000
SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".csv")
ID_LENGTH = 12  # hex characters of the content hash used as an article id
TITLE_MAX_CHARS = 200

_SUFFIX_LIST = ".txt, .html, .htm, .jsonl or .csv"


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip().replace("_", "")
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise InputError(name, f"expected a whole number, got {raw!r}") from None
    if value < 1:
        raise InputError(name, f"expected 1 or more, got {value}")
    return value


@dataclass(frozen=True, slots=True)
class Limits:
    """How much of each kind the readers accept; every limit can be raised with its environment variable.

    ``html_depth``: elements nested inside each other in an HTML page (``WORKBENCH_MAX_HTML_DEPTH``);
    ``cell_chars``: characters in one CSV cell or JSONL field (``WORKBENCH_MAX_CELL_CHARS``);
    ``article_chars``: characters in one article's text (``WORKBENCH_MAX_ARTICLE_CHARS``);
    ``sentence_chars``: characters of an article's text without a sentence end (``.``, ``!``, ``?``) or a
    line break (``WORKBENCH_MAX_SENTENCE_CHARS``): the number finder reads a sentence at a time, and its
    cost grows faster than the sentence's length, so one endless "sentence" (a table or a list of figures
    run together) is refused rather than read for minutes.
    """

    html_depth: int = 400
    cell_chars: int = 2_000_000
    article_chars: int = 2_000_000
    sentence_chars: int = 10_000

    ENV: ClassVar[dict[str, str]] = {
        "html_depth": "WORKBENCH_MAX_HTML_DEPTH", "cell_chars": "WORKBENCH_MAX_CELL_CHARS",
        "article_chars": "WORKBENCH_MAX_ARTICLE_CHARS", "sentence_chars": "WORKBENCH_MAX_SENTENCE_CHARS",
    }

    @classmethod
    def from_env(cls) -> "Limits":
        """The defaults, each replaced by its environment variable when that is set."""
        base = cls()
        return cls(**{k: _env_int(var, getattr(base, k)) for k, var in cls.ENV.items()})

    def raise_hint(self, key: str) -> str:
        return f"raise the limit with {self.ENV[key]}=N in the environment"


def _limits(limits: "Limits | None") -> "Limits":
    return limits if limits is not None else Limits.from_env()
_COLUMNS_HELP = "id, outlet, title, text (url and published optional)"


# --------------------------------------------------------------------------------------------------------------
# Public API: reading
# --------------------------------------------------------------------------------------------------------------


def read_paths(
    paths: Sequence[str | Path],
    outlet: str | None = None,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    limits: Limits | None = None,
) -> list[Article]:
    """Read every article in ``paths``; folders are walked (sorted, hidden entries skipped) for supported files.

    Whole or nothing: the first bad file raises :class:`InputError` and no article is returned. The same
    file named twice is read once; the same article (same id, outlet and text) found twice is kept once;
    two different articles with the same id are refused.
    """
    files: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = _walk(path)
            if not found:
                raise InputError(str(path), f"no {_SUFFIX_LIST} files in this folder")
        elif path.exists():
            found = [path]
        else:
            raise InputError(str(path), "no such file or folder")
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                files.append(f)

    articles: list[Article] = []
    by_id: dict[str, Article] = {}
    limits = _limits(limits)
    for f in files:
        for art in read_file(f, outlet=outlet, encoding=encoding, max_bytes=max_bytes, limits=limits):
            prev = by_id.get(art.id)
            if prev is not None:
                if prev.text == art.text and prev.outlet == art.outlet:
                    continue
                raise InputError(
                    str(f),
                    f"article id {art.id!r} is already used by a different article in {prev.source}; "
                    "give each article its own id",
                )
            by_id[art.id] = art
            articles.append(art)
    return articles


def read_file(
    path: str | Path,
    outlet: str | None = None,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    limits: Limits | None = None,
) -> list[Article]:
    """Read the articles of one file; the format follows the file's extension."""
    path = Path(path)
    name = str(path)
    if path.is_dir():
        raise InputError(name, "is a folder, not a file; pass the folder to read_paths to walk it")
    _check_suffix(name)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(name, "no such file or folder") from None
    except PermissionError:
        raise InputError(name, "cannot be read: permission denied") from None
    _check_size(name, size, max_bytes)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(name, "no such file or folder") from None
    except PermissionError:
        raise InputError(name, "cannot be read: permission denied") from None
    except OSError as exc:
        raise InputError(name, f"cannot be read: {exc.strerror or exc}") from None
    return read_bytes(name, data, outlet=outlet, encoding=encoding, max_bytes=max_bytes, limits=limits)


def read_bytes(
    name: str,
    data: bytes,
    outlet: str | None = None,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    folder: str | None = None,
    limits: Limits | None = None,
) -> list[Article]:
    """Read the articles in ``data``, the content of a file called ``name`` (an upload, say).

    The format follows the extension of ``name``. ``folder`` is the outlet of last resort for .txt and .html
    (a plain name, not a path); by default it is the folder part of ``name``, if any (see :func:`outlet_for`).
    """
    suffix = _check_suffix(name)
    _check_size(name, len(data), max_bytes)
    limits = _limits(limits)
    text = decode(name, data, encoding)
    if not text.strip():
        raise InputError(name, "file is empty; it needs the text of at least one article")
    if folder is None:
        folder = folder_of(name)
    if suffix == ".txt":
        articles = [_txt_article(name, text, outlet, folder)]
    elif suffix in (".html", ".htm"):
        check_html_depth(name, text, limits)
        articles = [_html_article(name, text, outlet, folder)]
    elif suffix == ".jsonl":
        articles = _jsonl_articles(name, text, outlet, limits)
    else:
        articles = _csv_articles(name, text, outlet, max_bytes, limits)
    for art in articles:
        _check_article_length(art, limits)
    return articles


_SENTENCE_RUN = re.compile(r"[^.!?\n\r\u2028\u2029]+")


def _check_article_length(art: Article, limits: Limits) -> None:
    if len(art.text) > limits.article_chars:
        raise InputError(
            art.source or "article",
            f"article {art.id!r} has {len(art.text):,} characters of text, over the limit of "
            f"{limits.article_chars:,} an article; split it into shorter articles or "
            f"{limits.raise_hint('article_chars')}",
        )
    # each run between sentence ends is matched once, whole: linear in the text
    run = next((m for m in _SENTENCE_RUN.finditer(art.text) if m.end() - m.start() > limits.sentence_chars), None)
    if run is not None:
        raise InputError(
            art.source or "article",
            f"article {art.id!r} runs on for more than {limits.sentence_chars:,} characters without a sentence "
            f"end or a line break (from character {run.start() + 1:,}); break it into sentences or lines, or "
            f"{limits.raise_hint('sentence_chars')}",
        )


# Elements whose end tag may be left out or that never have content: they do not nest.
_VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr keygen basefont frame isindex "
    "p li dt dd option optgroup tr td th thead tbody tfoot colgroup rb rt rtc rp".split()
)
_RAW_TEXT_END = {"script": re.compile(r"</script\s*>", re.I), "style": re.compile(r"</style\s*>", re.I),
                 "textarea": re.compile(r"</textarea\s*>", re.I), "title": re.compile(r"</title\s*>", re.I)}
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)(?:[^<>\"']|\"[^\"]{0,8192}\"|'[^']{0,8192}')*?(/?)>|<!--.*?(?:-->|\Z)",
                  re.S)


def html_depth(html: str, stop_at: int | None = None) -> int:
    """The deepest nesting of elements in ``html``, by one linear scan of its tags.

    Elements that cannot hold others or whose end tag may be left out (``<br>``, ``<p>``, ``<li>``,
    ``<td>`` ...) do not count; an end tag closes its open element and any left open inside it. The scan
    stops as soon as the depth passes ``stop_at``.
    """
    stack: list[str] = []
    deepest = 0
    pos = 0
    while True:
        m = _TAG.search(html, pos)
        if m is None:
            return deepest
        pos = m.end()
        name = m.group(2)
        if name is None:  # a comment
            continue
        tag = name.lower()
        if m.group(1):  # an end tag
            if tag in stack:
                while stack and stack.pop() != tag:
                    pass
            continue
        if tag in _RAW_TEXT_END:
            end = _RAW_TEXT_END[tag].search(html, pos)
            pos = end.end() if end else len(html)
            continue
        if m.group(3) or tag in _VOID_TAGS:
            continue
        stack.append(tag)
        if len(stack) > deepest:
            deepest = len(stack)
            if stop_at is not None and deepest > stop_at:
                return deepest


def check_html_depth(name: str, html: str, limits: Limits | None = None) -> None:
    """Refuse a page whose elements nest deeper than the limit, before a parser spends time on it."""
    limits = _limits(limits)
    depth = html_depth(html, stop_at=limits.html_depth)
    if depth > limits.html_depth:
        raise InputError(
            name,
            f"HTML elements are nested more than {limits.html_depth} deep; a news page nests a few dozen. "
            f"Save the article's own page again, or {limits.raise_hint('html_depth')}",
        )


def article_from_text(
    text: str,
    outlet: str,
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
) -> Article:
    """An article from pasted text: furniture is removed as for .txt files; the id is a content hash."""
    source = "pasted text"
    cleaned = clean_text(text or "")
    if not cleaned:
        if (text or "").strip():
            raise InputError(source, "holds only page furniture (banners, link lists, share lines), no article text")
        raise InputError(source, "is empty; paste the text of an article")
    outlet = (outlet or "").strip()
    if not outlet:
        raise InputError(source, "needs an outlet name")
    return Article(
        id=make_id(outlet, cleaned),
        outlet=outlet,
        title=(title or "").strip() or first_line(cleaned),
        text=cleaned,
        url=(url or "").strip() or None,
        published=_iso_date(source, "published", published),
        source=source,
    )


def make_id(outlet: str, text: str) -> str:
    """The id of an article that has none: a short hash of its outlet and whitespace-normalised text.

    The outlet is part of it so that two outlets running the same wire copy stay two articles.
    """
    return content_hash(f"{outlet}\n{text}")[:ID_LENGTH]


def first_line(text: str) -> str:
    """The first non-empty line of ``text``, stripped and cut to a title's length."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= TITLE_MAX_CHARS else line[: TITLE_MAX_CHARS - 1].rstrip() + "…"
    return ""


def outlet_from_folder(folder: str) -> str:
    """The outlet a folder name stands for: ``harbour-gazette`` -> "Harbour Gazette"; other names as they are."""
    folder = folder.strip()
    if re.fullmatch(r"[a-z0-9]+(?:[-_][a-z0-9]+)*", folder) and re.search(r"[-_]|^[a-z]", folder):
        return " ".join(w.capitalize() for w in re.split(r"[-_]", folder))
    return folder


# --------------------------------------------------------------------------------------------------------------
# Size, type and encoding checks
# --------------------------------------------------------------------------------------------------------------


def _check_suffix(name: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix in SUPPORTED_SUFFIXES:
        return suffix
    if suffix:
        raise InputError(name, f"unsupported file type '{suffix}'; use {_SUFFIX_LIST}")
    raise InputError(name, f"file has no extension; name it {_SUFFIX_LIST} by its format")


def format_bytes(n: int) -> str:
    """Bytes for people: 20000000 -> '20 MB', 1536 -> '1.5 kB', 12 -> '12 bytes'."""
    for unit, size in (("GB", 1_000_000_000), ("MB", 1_000_000), ("kB", 1_000)):
        if n >= size:
            value = n / size
            text = f"{value:.1f}".rstrip("0").rstrip(".")
            return f"{text} {unit}"
    return f"{n} bytes"


def _check_size(name: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise InputError(
            name,
            f"file is {format_bytes(size)}, over the limit of {format_bytes(max_bytes)} a file; "
            "split it or raise the limit with --max-bytes",
        )


_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/Excel file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\xd0\xcf\x11\xe0", "an old Word/Excel document"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(name: str, data: bytes, encoding: str | None = None) -> str:
    """The text of a file's bytes: ``encoding`` when given, else UTF-8, else the encoding charset-normalizer finds.

    Binary files (PDF, images, archives, anything with NUL bytes or many control characters) are refused.
    """
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(name, f"looks like {what}, not text; save the article as .txt or .html first")
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise InputError(name, f"unknown encoding {encoding!r}; pass one Python knows, e.g. --encoding cp1252") from None
        except UnicodeDecodeError as exc:
            raise InputError(
                name,
                f"cannot be decoded as {encoding} (byte {exc.start}); pass another --encoding or leave it out "
                "to detect it",
            ) from None
        return _binary_check(name, text.lstrip("\ufeff"))
    bom = next((enc for mark, enc in _BOMS if data.startswith(mark)), None)
    if bom is None:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            try:
                return _binary_check(name, data.decode(utf16))
            except UnicodeDecodeError as exc:
                raise InputError(
                    name,
                    f"looks like {_UTF16_NAMES[utf16]} text without a byte-order mark, but byte {exc.start} does "
                    f"not decode as that ({exc.reason}); save it again as UTF-8, or pass --encoding if it is "
                    "another encoding",
                ) from None
    if bom is None and b"\x00" in data[:8192]:
        raise InputError(name, f"looks like a binary file, not text; expected {_SUFFIX_LIST}")
    if bom is not None:
        try:
            return _binary_check(name, data.decode(bom).lstrip("\ufeff"))
        except UnicodeDecodeError:
            pass
    try:
        return _binary_check(name, data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError(
            name,
            "cannot tell the text encoding; pass it with --encoding (for example --encoding cp1252 "
            "or --encoding latin-1)",
        )
    # Short Western text often fits several single-byte code pages equally well ("€" is 0x80 in cp1252 but
    # "Ć" in cp775); when Windows-1252 is among the near-best candidates, it is by far the likeliest.
    for match in matches:
        if "cp1252" in match.could_be_from_charset and match.chaos <= best.chaos + 0.05:
            try:
                return _binary_check(name, data.decode("cp1252").lstrip("\ufeff"))
            except UnicodeDecodeError:
                break
    return _binary_check(name, str(best).lstrip("\ufeff"))


_UTF16_NAMES = {"utf-16-le": "UTF-16 (little-endian)", "utf-16-be": "UTF-16 (big-endian)"}


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when the bytes look like mostly-ASCII UTF-16 without a byte-order mark:
    NUL bytes in nearly every other position and (almost) nowhere else."""
    sample = data[:8192]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    nul_even, nul_odd = even.count(0) / len(even), odd.count(0) / max(1, len(odd))
    if nul_odd >= 0.3 and nul_even <= 0.02:
        return "utf-16-le"
    if nul_even >= 0.3 and nul_odd <= 0.02:
        return "utf-16-be"
    return None


def _binary_check(name: str, text: str) -> str:
    sample = text[:20_000]
    if sample and len(_CONTROL.findall(sample)) > max(2, len(sample) // 100):
        raise InputError(name, f"looks like a binary file, not text; expected {_SUFFIX_LIST}")
    return text


# --------------------------------------------------------------------------------------------------------------
# Formats
# --------------------------------------------------------------------------------------------------------------


def _txt_article(name: str, text: str, outlet: str | None, folder: str | None) -> Article:
    cleaned = clean_text(text)
    if not cleaned:
        raise InputError(name, "holds only page furniture (banners, link lists, share lines), no article text")
    outlet_name = _outlet_for_file(name, outlet, None, folder)
    return Article(
        id=make_id(outlet_name, cleaned),
        outlet=outlet_name,
        title=first_line(cleaned),
        text=cleaned,
        source=name,
    )


def folder_of(name: str) -> str | None:
    """The folder a file's path names (its last folder part), or None: a bare file name, ``.`` or ``..``."""
    parent = Path(name).parent.name
    return parent if parent not in ("", ".", "..") else None


def outlet_for(name: str, *, given: str | None = None, stated: str | None = None,
               folder: str | None = None) -> str:
    """The outlet of a .txt or .html article, by the one rule of the module docs: the outlet ``given`` for
    the import, else the one the file ``stated`` (an HTML site name), else the ``folder`` named in the file's
    path (by default :func:`folder_of` ``name``). :class:`InputError` when none of them says."""
    folder = folder_of(name) if folder is None else (folder if folder.strip() not in ("", ".", "..") else None)
    for candidate in (given, stated, outlet_from_folder(folder) if folder else None):
        if candidate and candidate.strip():
            return " ".join(candidate.split())
    raise InputError(name, "cannot tell the outlet; pass it with --outlet NAME (on the Import screen: the Outlet "
                           "field) or put the file in a folder named after it")


def _outlet_for_file(name: str, outlet: str | None, site: str | None, folder: str | None) -> str:
    return outlet_for(name, given=outlet, stated=site, folder=folder)


def _html_article(name: str, html: str, outlet: str | None, folder: str | None) -> Article:
    import logging

    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            favor_precision=True,
            # only the dates the markup states: the extensive search parses dates out of running text
            # with dateparser, which costs seconds a page and finds the dates of reported events
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except RecursionError:
        raise InputError(name, "HTML elements are nested too deep to be read; save the article's own page "
                               "again") from None
    except Exception as exc:  # trafilatura raises assorted lxml errors on broken markup
        raise InputError(name, f"cannot be parsed as HTML ({type(exc).__name__}); save the page again as .html") from None
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    no_text = "no article text found in this HTML page; save the article's own page, or its text as .txt"
    if not body:
        raise InputError(name, no_text)
    title = " ".join((getattr(doc, "title", None) or "").split())
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    if title and (not paragraphs or paragraphs[0] != title):
        paragraphs.insert(0, title)
    cleaned = clean_text("\n\n".join(paragraphs))
    if not cleaned or cleaned == title:
        raise InputError(name, no_text)
    site = getattr(doc, "sitename", None)
    outlet_name = _outlet_for_file(name, outlet, site, folder)
    published = getattr(doc, "date", None)
    try:
        published = date.fromisoformat(published[:10]).isoformat() if published else None
    except ValueError:
        published = None
    url = getattr(doc, "url", None) or None
    return Article(
        id=make_id(outlet_name, cleaned),
        outlet=outlet_name,
        title=title or first_line(cleaned),
        text=cleaned,
        url=url,
        published=published,
        source=name,
    )


def _iso_date(source: str, field: str, value: object) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        v = value.strip()
        try:
            return date.fromisoformat(v).isoformat()
        except ValueError:
            pass
        try:
            return datetime.fromisoformat(v).date().isoformat()
        except ValueError:
            pass
    raise InputError(source, f"{field!r} is not an ISO date (YYYY-MM-DD): {str(value)[:40]!r}")


def _record_article(
    name: str,
    source: str,
    record: dict[str, object],
    outlet: str | None,
    where: str,
    limits: Limits,
) -> Article:
    """An article from one JSON object or CSV row of file ``name``; ``source`` names the file and line."""
    for key, value in record.items():
        if isinstance(value, str):
            _check_cell(source, key, value, limits)
    text = record.get("text")
    if text is None:
        raise InputError(source, f"missing the 'text' field; each {where} needs at least 'text' "
                                 "(and usually 'id', 'outlet', 'title')")
    if not isinstance(text, str):
        raise InputError(source, f"'text' must be a string, got {_json_type(text)}")
    if not text.strip():
        raise InputError(source, "'text' is empty; remove the article or give its text")
    values: dict[str, str | None] = {}
    for field in ("id", "outlet", "title", "url"):
        value = record.get(field)
        if value is None:
            values[field] = None
        elif isinstance(value, (str, int)) and not isinstance(value, bool):
            values[field] = str(value).strip() or None
        else:
            raise InputError(source, f"{field!r} must be a string, got {_json_type(value)}")
    outlet_name = values["outlet"] or (outlet.strip() if outlet and outlet.strip() else None)
    if not outlet_name:
        raise InputError(source, "missing the 'outlet' field; add it or pass --outlet NAME")
    outlet_name = " ".join(outlet_name.split())
    return Article(
        id=values["id"] or make_id(outlet_name, text),
        outlet=outlet_name,
        title=" ".join((values["title"] or "").split()) or first_line(text),
        text=text,
        url=values["url"],
        published=_iso_date(source, "published", record.get("published")),
        source=name,
    )


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _check_cell(source: str, key: str, value: str, limits: Limits) -> None:
    """A field's text is storable (no lone surrogate, which no UTF-8 file or database can hold) and not over
    the cell limit."""
    m = _SURROGATE.search(value)
    if m:
        raise InputError(
            source,
            f"field {key!r} holds a lone surrogate \\u{ord(m.group()):04x} at character {m.start() + 1}, which is "
            "not a character (half of an escaped UTF-16 pair); write the character itself, or both halves of "
            "the pair",
        )
    if len(value) > limits.cell_chars:
        raise InputError(
            source,
            f"field {key!r} has {len(value):,} characters, over the limit of {limits.cell_chars:,} a cell; "
            f"split the article or {limits.raise_hint('cell_chars')}",
        )


def _json_type(value: object) -> str:
    return {dict: "an object", list: "a list", bool: "true/false", int: "a number", float: "a number",
            str: "a string", type(None): "null"}.get(type(value), type(value).__name__)


def _jsonl_articles(name: str, text: str, outlet: str | None, limits: Limits) -> list[Article]:
    articles: list[Article] = []
    first_line_of: dict[str, int] = {}
    # JSON Lines are separated by "\n" only: str.splitlines would also split at U+2028 and friends, which
    # may stand unescaped inside a JSON string.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        source = f"{name}, line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(source, f"not valid JSON ({exc.msg} at column {exc.colno}); "
                                     "each line must hold one JSON object") from None
        except RecursionError:
            raise InputError(source, "JSON nested too deep to be read; an article is one flat JSON object "
                                     f"with {_COLUMNS_HELP}") from None
        except ValueError:  # a number with thousands of digits
            raise InputError(source, "holds a number too long to read (thousands of digits); write it as a "
                                     "string") from None
        if not isinstance(record, dict):
            raise InputError(source, f"expected a JSON object with {_COLUMNS_HELP}, got {_json_type(record)}")
        art = _record_article(name, source, record, outlet, "line", limits)
        if art.id in first_line_of:
            raise InputError(source, f"id {art.id!r} is already used on line {first_line_of[art.id]}; "
                                     "give each article its own id")
        first_line_of[art.id] = number
        articles.append(art)
    return articles


def _csv_articles(name: str, text: str, outlet: str | None, max_bytes: int, limits: Limits) -> list[Article]:
    # the reader refuses a cell over the limit as soon as it reaches it, before holding all of it
    csv.field_size_limit(limits.cell_chars)

    def cell_error(where: str, exc: csv.Error) -> InputError:
        if "field larger than field limit" in str(exc):
            return InputError(where, f"a cell is longer than {limits.cell_chars:,} characters, the limit a cell; "
                                     "if a double quote is left open, close it, else split the article or "
                                     f"{limits.raise_hint('cell_chars')}")
        return InputError(where, f"cannot be read as CSV ({exc}); check its quotes")

    header_line = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=header_line.count)
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise cell_error(f"{name}, line 1", exc) from None
    columns = [h.strip().lower() for h in header]
    if "text" not in columns:
        found = ", ".join(h for h in (c for c in columns) if h) or "none"
        raise InputError(name, f"no 'text' column (columns found: {found}); the first row must name the "
                               f"columns {_COLUMNS_HELP}")
    dupes = sorted(c for c, n in Counter(c for c in columns if c).items() if n > 1)
    if dupes:
        raise InputError(name, f"column {dupes[0]!r} appears twice in the first row; name each column once")
    articles: list[Article] = []
    first_line_of: dict[str, int] = {}
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise cell_error(f"{name}, line {start}", exc) from None
        source = f"{name}, line {start}"
        line_here = start
        start = reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(columns):
            raise InputError(source, f"has {len(row)} fields but the first row names {len(columns)}; "
                                     "put fields that contain the separator in double quotes")
        record: dict[str, object] = {c: v for c, v in zip(columns, row) if c}
        art = _record_article(name, source, record, outlet, "row", limits)
        if art.id in first_line_of:
            raise InputError(source, f"id {art.id!r} is already used on line {first_line_of[art.id]}; "
                                     "give each article its own id")
        first_line_of[art.id] = line_here
        articles.append(art)
    if not articles:
        raise InputError(name, "has a header row but no articles")
    return articles


def _walk(folder: Path) -> list[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        for f in sorted(files):
            if not f.startswith(".") and Path(f).suffix.lower() in SUPPORTED_SUFFIXES:
                found.append(Path(root) / f)
    return found


# --------------------------------------------------------------------------------------------------------------
# Page furniture
# --------------------------------------------------------------------------------------------------------------

_BULLET_CHARS = "•·◦▪▫‣⁃●○■□–—*>|»›-"
_MONTHS = ("january february march april may june july august september october november december "
           "jan feb mar apr jun jul aug sep sept oct nov dec")
_DAYS = "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun"
_ZONES = "et est edt ct cst cdt mt mst mdt pt pst pdt gmt bst utc cet cest eet eest ist aest aedt jst hkt sgt z"
_STAMP_WORDS = frozenset(
    (_MONTHS + " " + _DAYS + " " + _ZONES + " a m p am pm on at by and of the st nd rd th ago just now today "
     "yesterday hour hours hr hrs h minute minutes min mins day days week weeks updated update published posted "
     "modified first last edited time").split()
)
_DATE_START = (rf"(?:\d|(?:{'|'.join(_MONTHS.split())})\b|(?:{'|'.join(_DAYS.split())})\b|today\b|yesterday\b|"
               r"just now\b)")
_STAMP = re.compile(rf"(?:^|\W)(?:last\s+)?(?:updated|published|posted|modified|edited|first published)\s*:?\s*"
                    rf"(?:(?:on|at)\s+)?{_DATE_START}", re.I)

_MARKER_WORDS = (
    r"read more|read next|read also|also read|more to read|what to read next|"
    r"related(?: (?:stories|articles|content|coverage|news|links|reading|topics|posts))?|"
    r"more (?:stories|news|headlines|coverage|on this story|like this|from [\w'’ .&-]{1,40})|"
    r"most (?:read|popular|viewed|shared|watched)|recommended(?: (?:for you|stories|reading|articles))?|"
    r"you (?:may|might) also (?:like|be interested in)|trending(?: now| stories)?|top stories|"
    r"latest(?: news| stories| headlines)?|popular now|see also|further reading|in other news|editor'?s picks"
)
_MARKER_LINE = re.compile(rf"^(?:{_MARKER_WORDS})\s*[:›»>→….]*$", re.I)
_INLINE_MARKER = re.compile(r"(?<=[.!?\"”’)\]])\s+(read more|related|more stories|most read|read next)\s*[:›»>→]*\s*$",
                            re.I)
_READ_MORE_LINK = re.compile(r"^(?:read more|also read|read also|see also|related|read next|more)\s*[:|–—-]\s*\S", re.I)

_BANNER = re.compile(
    r"\boops\b|something went wrong|try again later|please try again|an error (?:has )?occurred|"
    r"javascript (?:is )?(?:disabled|required|not enabled|turned off)|enable javascript|"
    r"your browser (?:does not|doesn't|is not) support|update your browser|ad ?-?blocker|"
    r"this (?:video|content|embed|media) (?:is )?(?:not |un)available|video (?:is )?unavailable|failed to load|"
    r"^loading(?:\.\.\.|…)?$",
    re.I,
)
_SHARE_WORDS = frozenset(
    "share shares sharing tweet email e mail print copy link links save facebook twitter x whatsapp linkedin reddit "
    "pinterest messenger telegram flipboard bluesky threads mastodon instagram tiktok youtube on this article story "
    "page via comments comment gift the to clipboard copied url".split()
)
_SHARE_CORE = frozenset(
    "share tweet email print facebook twitter whatsapp linkedin reddit pinterest comments comment copy".split()
)
_CALL_TO_ACTION = re.compile(
    r"^(?:subscribe\b|sign up\b|sign in\b|log in\b|follow us\b|"
    r"follow [\w'’ .&-]{0,40}\bon (?:twitter|x|facebook|instagram|linkedin|tiktok|threads|bluesky|mastodon|youtube)\b|"
    r"get (?:our|the) [\w'’ -]{0,40}(?:newsletter|app|alerts)\b|download (?:our|the) [\w'’ -]{0,30}app\b|"
    r"join (?:our|the) [\w'’ -]{0,40}(?:newsletter|community|channel|mailing list)\b|"
    r"support (?:our|independent|quality|local) journalism\b|become a (?:member|subscriber|supporter)\b|"
    r"already a (?:subscriber|member)\b|newsletter sign-?up\b|click here\b|tap here\b|"
    r"start your (?:free )?trial\b|try (?:it )?(?:for )?free\b|unlimited access\b)",
    re.I,
)
_COOKIE = re.compile(r"\bcookies?\b", re.I)
_COOKIE_CONTEXT = re.compile(
    r"\b(?:accept|consent|cookie (?:policy|settings|preferences|notice)|privacy (?:policy|settings|notice)|"
    r"(?:we|site|website|page) uses? cookies|use of cookies|manage (?:your )?(?:preferences|cookies|settings))\b",
    re.I,
)
_LONE_FURNITURE = re.compile(
    r"^(?:advertisement|advertising|advert|ads?|sponsored(?: content)?|paid (?:content|post)|promoted(?: content)?|"
    r"partner content|skip (?:advertisement|ad)|(?:story|article) continues (?:below|after)(?: (?:the )?advertisement)?|"
    r"continue reading(?: below)?|scroll to continue(?: with content)?|close|menu|search|home|back to top|"
    r"skip to (?:main )?content|accept(?: all)?(?: cookies)?|reject all|allow all|manage (?:preferences|cookies|settings)|"
    r"i agree|got it|listen(?: to (?:this )?(?:article|story))?(?:\s*[\d:]+\s*(?:min(?:utes?|s)?)?)?|"
    r"\d+\s*(?:min|mins|minutes?)\s+(?:read|listen)|(?:©|\(c\)|copyright\b).*|.*\ball rights reserved\b.*|"
    r"(?:https?://|www\.)\S+|(?:photo|image|picture|video)s?(?: credit)?\s*:\s*[^.!?]{0,80})$",
    re.I,
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+")


def _norm(line: str) -> str:
    """A line for comparison: bullets and surrounding whitespace stripped, inner whitespace collapsed."""
    return " ".join(line.strip().lstrip(_BULLET_CHARS + " \t").split())


def _words(c: str) -> int:
    return len(c.split())


def _is_stamp(c: str) -> bool:
    if _words(c) > 25 or not _STAMP.search(c):
        return False
    return _only_stamp_words(c)


def _only_stamp_words(c: str) -> bool:
    """Every word is a digit, a date/time word, or capitalised (a byline's name, an outlet, a time zone)."""
    for tok in _WORD.findall(c):
        if tok.isdigit() or tok.lower() in _STAMP_WORDS or tok[:1].isupper():
            continue
        return False
    return True


_CALENDAR = frozenset((_MONTHS + " " + _DAYS + " ago today yesterday").split())
_CLOCK_OR_NUMERIC_DATE = re.compile(r"\b\d{1,2}[:.]\d{2}\b|^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$")


def _is_date_only(c: str) -> bool:
    """A lone date, time or "2 hours ago" line: a dateline or a stamp without its verb."""
    toks = _WORD.findall(c)
    if not toks or len(toks) > 12 or not any(t.isdigit() for t in toks):
        return False
    alpha = [t.lower() for t in toks if not t.isdigit()]
    if not all(t in _STAMP_WORDS for t in alpha):
        return False
    return any(t in _CALENDAR for t in alpha) or bool(_CLOCK_OR_NUMERIC_DATE.search(c))


def _is_share(c: str) -> bool:
    toks = [t.lower() for t in _WORD.findall(c) if not t.isdigit()]
    return bool(toks) and len(toks) <= 12 and all(t in _SHARE_WORDS for t in toks) and any(
        t in _SHARE_CORE for t in toks
    )


def _is_cookie(c: str) -> bool:
    return _words(c) <= 80 and bool(_COOKIE.search(c)) and bool(_COOKIE_CONTEXT.search(c))


_NAV_SEPARATORS = re.compile(r"\s*[|·•»›>/]\s*")


def _is_nav(c: str) -> bool:
    """A menu or breadcrumb: three or more short items between separators, no figures ("Home | News | Sport")."""
    if re.search(r"\d", c):
        return False
    parts = [p for p in _NAV_SEPARATORS.split(c) if p.strip()]
    return len(parts) >= 3 and all(_words(p) <= 3 and p.strip()[-1] not in ".,;:!?" for p in parts)


def _line_rule(c: str) -> bool:
    """Furniture a line is on its own, whatever surrounds it (``c`` is the normalised line)."""
    if not re.search(r"\w", c):  # bullet junk: "•", "* * *", "|"
        return True
    n = _words(c)
    return (
        (n <= 12 and bool(_BANNER.search(c)))
        or _is_share(c)
        or _is_nav(c)
        or (n <= 25 and bool(_CALL_TO_ACTION.match(c)))
        or _is_stamp(c)
        or _is_date_only(c)
        or _is_cookie(c)
        or bool(_LONE_FURNITURE.match(c))
        or (n <= 25 and bool(_READ_MORE_LINK.match(c)))
        or bool(_MARKER_LINE.match(c))
    )


def _headline_like(c: str) -> bool:
    """Short and not ending like a sentence: an entry of a list of other stories."""
    if _words(c) > 20 or len(c) > 160:
        return False
    end = c.rstrip("\"”’')]} ")
    return not end or end[-1] not in ".;,:"


def _short_line(c: str) -> bool:
    return _words(c) <= 10 and len(c) <= 80


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of page furniture in ``text``, sorted, disjoint and merged across whitespace.

    Furniture: error banners, "Read More"/"Related"/"More stories" markers with the list of headlines that
    follows them, short lines repeated two or more times (banners), share/subscribe/follow lines, "Updated …
    ET"/"Published …" stamps and lone date lines, cookie notices, advertisement labels, caption credits
    ("Photo: …"), bullet junk and lone URLs. The first line of the text (its title) is never furniture by
    repetition.
    """
    lines: list[tuple[int, int, str]] = []  # (start of content, end of content, normalised content)
    junk: list[bool] = []  # lines of bullets and rules only: "•", "* * *", "|"
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lead = len(body) - len(body.lstrip())
        stripped = body.strip()
        lines.append((pos + lead, pos + lead + len(stripped), _norm(body)))
        junk.append(bool(stripped) and not re.search(r"\w", stripped))
        pos += len(raw)

    flags = [j or (bool(c) and _line_rule(c)) for j, (_, _, c) in zip(junk, lines)]
    title_index = next((i for i, (_, _, c) in enumerate(lines) if c and not flags[i]), None)

    counts = Counter(c.lower() for _, _, c in lines if c and _short_line(c))
    for i, (_, _, c) in enumerate(lines):
        if c and i != title_index and _short_line(c) and counts[c.lower()] >= 2:
            flags[i] = True

    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        start, end, c = lines[i]
        block = False
        if c and _MARKER_LINE.match(c):
            block = True
        elif c and not flags[i]:
            m = _INLINE_MARKER.search(text, start, end) if end > start else None
            if m and m.end() == end:
                spans.append((m.start(1), end))
                block = True
        if block:
            if _MARKER_LINE.match(c):
                flags[i] = True
            j = i + 1
            while j < len(lines):
                cj = lines[j][2]
                if cj and not (flags[j] or _headline_like(cj) or _MARKER_LINE.match(cj)):
                    break
                if cj:
                    flags[j] = True
                j += 1
            i = j
            continue
        i += 1

    for flag, (start, end, c) in zip(flags, lines):
        if flag and end > start:
            spans.append((start, end))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and (start <= merged[-1][1] or not text[merged[-1][1]:start].strip()):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def in_spans(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether the range ``start:end`` overlaps any of ``spans`` (as returned by :func:`furniture_spans`)."""
    return any(s < end and start < e for s, e in spans)


def drop_furniture(claims: Iterable, text: str) -> list:
    """The claims (anything with ``start`` and ``end``) that do not overlap the furniture of ``text``."""
    spans = furniture_spans(text)
    return [c for c in claims if not in_spans(c.start, c.end, spans)]


def clean_text(text: str) -> str:
    """``text`` without its page furniture (see :func:`furniture_spans`), tidied.

    Line endings become ``\\n``; each kept line is stripped; runs of blank lines become one blank line.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    spans = furniture_spans(text)
    out: list[str] = []
    blank = False
    pos = 0
    k = 0  # first span that may still overlap the current line
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        kept = raw
        if k < len(spans) and spans[k][0] < end:
            pieces, cut = [], start
            while k < len(spans) and spans[k][0] < end:
                s, e = spans[k]
                if s > cut:
                    pieces.append(text[cut:s])
                cut = max(cut, e)
                if e > end:
                    break
                k += 1
            pieces.append(text[cut:end] if cut < end else "")
            kept = "".join(pieces)
        line = kept.strip()
        if not line:
            # a line that held only furniture goes without a trace; a blank line separates paragraphs
            blank = blank or (not raw.strip() and bool(out))
            continue
        if blank:
            out.append("")
            blank = False
        out.append(line)
    return "\n".join(out)
