"""From files to stored claims: read (ingest), extract, leave out page furniture, store and regroup.

The import pipeline sits above the store: the store only keeps what it is given (and regroups with the
grouper it is handed). :class:`workbench.desk.Desk` runs it as one operation: reading and extraction happen
before the write transaction (they touch no table), the permission check, the insert and the regrouping in it.
A file that cannot be read is refused with its reason and the others go on; what is stored lands in one
transaction (see :meth:`Store.import_articles`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

from workbench.errors import InputError
from workbench.models import Article, Claim, Grouping, Override
from workbench.store import Grouper, Store
from workbench.store.types import ImportReport, RefusedFile

Progress = Callable[[int, int, str], None]  # (done, total, what)

FURNITURE_FORMATS = (".jsonl", ".csv")  # text given as-is: page furniture may still be in it


def expand(paths: Sequence[str | os.PathLike[str]]) -> tuple[list[Path], list[RefusedFile]]:
    """The files to read: folders walked (sorted, hidden entries skipped), repeats once."""
    from workbench.ingest import SUPPORTED_SUFFIXES

    files: list[Path] = []
    refused: list[RefusedFile] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = []
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
                found += [Path(root) / n for n in sorted(names)
                          if not n.startswith(".") and Path(n).suffix.lower() in SUPPORTED_SUFFIXES]
            if not found:
                refused.append(RefusedFile(str(path), f"no {', '.join(SUPPORTED_SUFFIXES)} files in this folder"))
        elif path.exists():
            found = [path]
        else:
            refused.append(RefusedFile(str(path), "no such file or folder"))
            continue
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                files.append(f)
    return files, refused


def drop_furniture(articles: Sequence[Article], claims: Sequence[Claim]) -> tuple[list[Claim], int]:
    """Leave out claims inside page furniture of articles whose text was given as-is (.jsonl, .csv)."""
    from workbench.ingest import furniture_spans

    spans: dict[str, list[tuple[int, int]]] = {}
    for a in articles:
        if a.source and Path(a.source).suffix.lower() in FURNITURE_FORMATS:
            spans[a.id] = furniture_spans(a.text)
    kept: list[Claim] = []
    dropped = 0
    for c in claims:
        if any(s < c.end and c.start < e for s, e in spans.get(c.article, ())):
            dropped += 1
        else:
            kept.append(c)
    return kept, dropped


def extract(articles: Sequence[Article], jobs: int = 1) -> list[Claim]:
    from workbench.extract import Extractor

    return list(Extractor().extract_many(list(articles), jobs))


def import_articles_with_extraction(
    store: Store,
    articles: Sequence[Article],
    *,
    refused: Sequence[RefusedFile] = (),
    jobs: int = 1,
    dry_run: bool = False,
    actor_id: int | None = None,
    grouper: Grouper | None = None,
    extractor: Callable[[Sequence[Article]], list[Claim]] | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Extract the claims of articles not yet stored, leave out furniture, and import them."""
    claims, dropped = extract_new(store, articles, jobs=jobs, extractor=extractor, progress=progress)
    return store.import_articles(articles, claims, grouper=grouper or default_grouper, actor_id=actor_id,
                                 refused=refused, claims_dropped=dropped, dry_run=dry_run)


class WorkbenchGrouper:
    """The workbench's grouping (:func:`workbench.group.group_claims`), handed to the store on every regroup.

    On import the store reads only what the new articles touch: it keeps each article's words and story
    (``workbench.store.words``) and asks :meth:`plan_import` which stories change, then :meth:`group` for
    their claims. Without that index, :meth:`incremental` plans from every stored claim
    (:func:`workbench.group.plan_regroup`); after a reviewer's merge or split :meth:`around` regroups only
    the stories of the claims involved, as found before and after the change. ``progress`` (a callable taking
    one line) hears when grouping starts and ends: the app's upload worker shows it.
    """

    def __init__(self, progress: Callable[[str], None] | None = None):
        self.progress = progress

    def _grouped(self, claims: list[Claim], links: list[Override], stories: Mapping[str, str] | None
                 ) -> Grouping:
        from workbench.group import group_claims  # imported lazily: heavy

        if self.progress:
            self.progress(f"grouping {len(claims):,} claims")
        grouping = group_claims(claims, links, stories=stories)
        if self.progress:
            self.progress("writing the groups")
        return grouping

    def __call__(self, all_claims: list[Claim], links: list[Override]) -> Grouping:
        return self._grouped(all_claims, links, None)

    def group(self, claims: list[Claim], links: list[Override], stories: Mapping[str, str]) -> Grouping:
        return self._grouped(claims, links, stories)

    def index_words(self, claims: Sequence[Claim]) -> dict[str, tuple[str, ...]]:
        from workbench.group import article_words

        return {a: w.words for a, w in article_words(claims).items()}

    def stories(self, claims: Sequence[Claim], links: Sequence[Override]) -> dict[str, str]:
        from workbench.group import stories

        return stories(claims, links)

    def plan_import(self, index: Any, new_words: Mapping[str, Collection[str]],
                    must_links: Sequence[tuple[str, str]], seeds: Collection[str] = ()) -> Any:
        from workbench.group import plan_import

        return plan_import(index, new_words, must_links, seeds)

    def incremental(self, stored: list[Claim], new: list[Claim], links: list[Override]
                    ) -> tuple[frozenset[str], Grouping]:
        from workbench.group import plan_regroup

        plan = plan_regroup(stored, new, links)
        return frozenset(c.article for c in plan.claims), self._grouped(list(plan.claims), links, plan.stories)

    def around(self, claims: list[Claim], links_before: list[Override], links: list[Override],
               touched: list[str]) -> tuple[frozenset[str], Grouping]:
        from workbench.group import stories

        before, after = stories(claims, links_before), stories(claims, links)
        article_of = {c.id: c.article for c in claims}
        articles = {article_of[cid] for cid in touched if cid in article_of}
        while True:  # the stories of these articles before and after, until no story adds an article
            keys_b, keys_a = {before[a] for a in articles}, {after[a] for a in articles}
            grown = {a for a in before if before[a] in keys_b or after[a] in keys_a}
            if grown <= articles:
                break
            articles |= grown
        scope = [c for c in claims if c.article in articles]
        return frozenset(articles), self._grouped(scope, links, {a: after[a] for a in articles})


default_grouper = WorkbenchGrouper()


def extract_new(
    store: Store,
    articles: Sequence[Article],
    *,
    jobs: int = 1,
    extractor: Callable[[Sequence[Article]], list[Claim]] | None = None,
    progress: Progress | None = None,
) -> tuple[list[Claim], int]:
    """The claims of the articles not stored yet (page furniture left out) and how many were left out. Reads
    only which texts are stored; extraction runs outside any write transaction."""
    known = store.known_hashes([a.content_hash for a in articles])
    todo = [a for a in articles if a.content_hash not in known]
    if progress:
        progress(0, len(todo), f"extracting numbers from {len(todo)} new article(s)")
    claims = (extractor or (lambda arts: extract(arts, jobs)))(todo) if todo else []
    claims, dropped = drop_furniture(todo, claims)
    if progress:
        progress(len(todo), len(todo), "storing and grouping")
    return claims, dropped


def read_files(
    paths: Sequence[str | os.PathLike[str]],
    *,
    outlet: str | None = None,
    encoding: str | None = None,
    progress: Progress | None = None,
) -> tuple[list[Article], list[RefusedFile]]:
    """Read ``paths`` (files or folders): the articles, and each file refused with the reason."""
    from workbench.ingest import read_paths

    files, refused = expand(paths)
    articles: list[Article] = []
    for i, f in enumerate(files):
        if progress:
            progress(i, len(files), f"reading {f}")
        try:
            articles += read_paths([f], outlet=outlet, encoding=encoding)
        except InputError as exc:
            refused.append(RefusedFile(exc.source, exc.problem))
    return articles, refused


def import_paths(
    store: Store,
    paths: Sequence[str | os.PathLike[str]],
    *,
    outlet: str | None = None,
    encoding: str | None = None,
    jobs: int = 1,
    dry_run: bool = False,
    actor_id: int | None = None,
    grouper: Grouper | None = None,
    extractor: Callable[[Sequence[Article]], list[Claim]] | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Read ``paths`` (files or folders), extract, and import; unreadable files are refused with the reason."""
    articles, refused = read_files(paths, outlet=outlet, encoding=encoding, progress=progress)
    return import_articles_with_extraction(
        store, articles, refused=refused, jobs=jobs, dry_run=dry_run, actor_id=actor_id, grouper=grouper,
        extractor=extractor, progress=progress,
    )
