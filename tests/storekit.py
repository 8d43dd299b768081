"""Helpers for the store tests: a database URL fixture for SQLite and (when configured) PostgreSQL, and
synthetic articles and claims built directly as model objects."""

from __future__ import annotations

import atexit
import os
import shutil
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from workbench.models import Article, Claim, Group, Grouping, Kind, LinkKind, Override, Qualifier

PG_URL = os.environ.get("WORKBENCH_TEST_PG_URL")

BACKENDS = [
    "sqlite",
    pytest.param("postgresql", marks=pytest.mark.skipif(
        not PG_URL, reason="WORKBENCH_TEST_PG_URL is not set (CI sets it; see .ci/run for a local server)")),
]


def _pg_url():  # type: ignore[no-untyped-def]
    assert PG_URL
    url = make_url(PG_URL)
    return url.set(drivername="postgresql+psycopg") if url.drivername == "postgresql" else url


def pg_schema_url(schema: str) -> str:
    return _pg_url().update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)


class PgSchema:
    """A fresh PostgreSQL schema, dropped afterwards."""

    def __init__(self) -> None:
        self.name = "wbt_" + uuid.uuid4().hex[:12]
        self.admin = create_engine(pg_schema_url("public"))

    def __enter__(self) -> str:
        with self.admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{self.name}"'))
        return pg_schema_url(self.name)

    def __exit__(self, *exc: object) -> None:
        with self.admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{self.name}" CASCADE'))
        self.admin.dispose()


def pg_database_url(database: str) -> str:
    return _pg_url().set(database=database).render_as_string(hide_password=False)


_pg_template: list[str] = []


def _pg_admin(statement: str) -> None:
    """Run one statement outside a transaction (CREATE and DROP DATABASE need that)."""
    engine = create_engine(pg_schema_url("public"), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(statement))
    engine.dispose()


def _migrated_template() -> str:
    """A PostgreSQL database migrated to the current schema, once per test process (each xdist worker has
    its own, so none is read while it is copied), dropped when the process ends."""
    if not _pg_template:
        from workbench.store import Store

        name = "wbt_tpl_" + uuid.uuid4().hex[:12]
        _pg_admin(f'CREATE DATABASE "{name}"')
        Store.open(pg_database_url(name)).close()
        _pg_template.append(name)
        atexit.register(_pg_admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return _pg_template[0]


class PgMigrated:
    """A fresh PostgreSQL database at the current schema, copied from the process's migrated template
    (``CREATE DATABASE ... TEMPLATE``: tens of milliseconds, where migrating a new schema takes seconds and
    waits for every other test process's migration), dropped afterwards."""

    def __init__(self) -> None:
        self.name = "wbt_" + uuid.uuid4().hex[:12]

    def __enter__(self) -> str:
        _pg_admin(f'CREATE DATABASE "{self.name}" TEMPLATE "{_migrated_template()}"')
        return pg_database_url(self.name)

    def __exit__(self, *exc: object) -> None:
        _pg_admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A database: a SQLite file, and again a PostgreSQL one when configured. Empty, unless the test also
    asks for ``store``: then, on PostgreSQL, a copy of a database migrated once per test process (on SQLite
    the ``store`` fixture copies a migrated file)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'workbench.db'}"
    elif "store" in request.fixturenames:
        with PgMigrated() as url:
            yield url
    else:
        with PgSchema() as url:
            yield url


@pytest.fixture
def store(db_url: str, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """A store on ``db_url``, at the current schema. On SQLite the schema is a copy of a file migrated once
    per test process (tests/conftest.py ``sqlite_template``): the same bytes migrating would write, without
    running every migration again for each test."""
    from workbench.store import Store

    if db_url.startswith("sqlite:///"):
        target = Path(db_url.removeprefix("sqlite:///"))
        if not target.exists():
            shutil.copyfile(request.getfixturevalue("sqlite_template"), target)
    s = Store.open(db_url)
    yield s
    s.close()


OUTLETS = ("Daily Ledger", "Morning Post", "The Courier")
FACTS = (  # noun, kind, base value, unit/currency
    ("troops", Kind.COUNT, 4200.0, None, None),
    ("budget", Kind.MONEY, 2.3e9, None, "GBP"),
    ("turnout", Kind.PERCENT, 61.5, None, None),
    ("containers", Kind.COUNT, 180.0, None, None),
)


def make_article(i: int, outlet: str, facts: Sequence[int] = (0, 1, 2), wobble: float = 0.0) -> tuple[Article, list[Claim]]:
    """An article whose text states some of FACTS, and its claims (offsets index into the text)."""
    parts: list[str] = [f"Story {i} from {outlet}.\n"]
    found: list[tuple[int, int, str, int]] = []
    for f in facts:
        noun, kind, value, unit, cur = FACTS[f]
        v = value * (1 + wobble)
        surface = f"{v:g}"
        sentence = f"Officials said {surface} {noun} were counted in report {i}."
        start_sentence = sum(len(p) for p in parts)
        parts.append(sentence + " ")
        start = start_sentence + sentence.index(surface)
        found.append((start, start + len(surface), sentence, f))
    text_ = "".join(parts)
    art = Article(id=f"a{i:05d}-{outlet[:3].lower()}", outlet=outlet, title=f"Story {i} ({outlet})", text=text_,
                  url=f"https://news.example/{i}", published="2025-03-01", source="synthetic.jsonl")
    claims = []
    for start, end, sentence, f in found:
        noun, kind, value, unit, cur = FACTS[f]
        v = float(text_[start:end])
        claims.append(Claim(article=art.id, start=start, end=end, surface=text_[start:end], sentence=sentence,
                            kind=kind, low=v, high=v, qualifier=Qualifier.EXACT, currency=cur, unit=unit, noun=noun,
                            quantity=f"{noun} counted", outlet=outlet, sentence_start=text_.index(sentence)))
    return art, claims


def make_batch(n: int, start: int = 0) -> tuple[list[Article], list[Claim]]:
    arts: list[Article] = []
    cls: list[Claim] = []
    for i in range(start, start + n):
        a, c = make_article(i, OUTLETS[i % len(OUTLETS)], wobble=0.1 * (i % 2))
        arts.append(a)
        cls += c
    return arts, cls


def noun_grouper(claims: list[Claim], overrides: list[Override]) -> Grouping:
    """A small deterministic grouper for tests: same kind and noun -> same group, then overrides."""
    parent = {c.id: c.id for c in claims}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first: dict[tuple[str, str | None], str] = {}
    for c in claims:
        key = (c.kind.value, c.noun)
        if key in first:
            parent[find(c.id)] = find(first[key])
        else:
            first[key] = c.id
    for o in overrides:
        if o.kind is LinkKind.MUST and o.a in parent and o.b in parent:
            parent[find(o.a)] = find(o.b)
    clusters: dict[str, list[str]] = {}
    for c in claims:
        clusters.setdefault(find(c.id), []).append(c.id)
    for o in overrides:  # cannot-link: take b out of a's group
        if o.kind is LinkKind.CANNOT and o.a in parent and o.b in parent and find(o.a) == find(o.b):
            root = find(o.a)
            clusters[root] = [x for x in clusters[root] if x != o.b]
            clusters["solo:" + o.b] = [o.b]
    by_id = {c.id: c for c in claims}
    groups = []
    for members in clusters.values():
        if not members:
            continue
        vals = sorted(by_id[m].value for m in members)
        med = vals[len(vals) // 2]
        spread = 0.0 if med == 0 else (vals[-1] - vals[0]) / med * 100
        c0 = by_id[members[0]]
        groups.append(Group(id="tmp", claim_ids=tuple(members), representative=members[0],
                            outlets=tuple(sorted({by_id[m].outlet or "" for m in members})), kind=c0.kind,
                            unit=c0.unit, currency=c0.currency, noun=c0.noun, min_value=vals[0], median_value=med,
                            max_value=vals[-1], spread_pct=spread, discrepant=spread > 2.0, label=c0.noun or ""))
    return Grouping(groups=tuple(groups), by_claim={m: "tmp" for g in groups for m in g.claim_ids})


# --- workers for the concurrency and fault tests (run in child processes) -----------------------------------

def verdict_worker(url: str, idx: int, n: int, claim_ids: list[str], out_path: str, ack_path: str | None = None) -> None:
    """Save ``n`` verdicts as reviewer w<idx> on overlapping claims, and some final verdicts; write what was
    acknowledged (and any error that reached the caller) to ``out_path`` as JSON."""
    import json
    import time

    from workbench.review import StaleSaveError
    from workbench.store import Store, Target

    labels = ["Accurate", "Mostly accurate", "Misleading", "Inaccurate", "Unverifiable"]
    store = Store.open(url)
    me = store.ensure_reviewer(f"w{idx}")
    versions: dict[str, int] = {}
    acks: list[list] = []
    finals: list[list] = []
    conflicts = 0
    errors: list[str] = []
    ack_file = open(ack_path, "a", buffering=1) if ack_path else None
    started = time.perf_counter()
    for i in range(n):
        cid = claim_ids[(i * 7 + idx * 3) % len(claim_ids)]
        t = Target.claim(cid)
        label = labels[(i + idx) % len(labels)]
        note = f"w{idx}-{i}"
        try:
            if i % 10 == 9:  # a final verdict on a claim everybody touches
                shared = Target.claim(claim_ids[i % 5])
                cur = store.final_verdict(shared)
                try:
                    f = store.save_final_verdict(shared, me.id, label, note=note,
                                                 expected_version=cur.version if cur else 0)
                    finals.append([shared.id, f.version, note, label])
                except StaleSaveError:
                    conflicts += 1
                continue
            v = store.save_verdict(t, me.id, label, note=note, submit=bool(i % 2),
                                   expected_version=versions.get(cid, 0))
            versions[cid] = v.version
            acks.append([cid, v.version, note, label])
            if ack_file:
                ack_file.write(json.dumps([me.id, cid, v.version, note]) + "\n")
        except Exception as exc:  # noqa: BLE001 - every error that reaches the caller is a failure
            errors.append(f"{type(exc).__name__}: {exc}")
    elapsed = time.perf_counter() - started
    store.close()
    with open(out_path, "w") as fh:
        json.dump({"reviewer_id": me.id, "acks": acks, "finals": finals, "conflicts": conflicts, "errors": errors,
                   "elapsed": elapsed}, fh)


def open_worker(url: str, out_path: str) -> None:
    """Open (and so migrate) the database, save one verdict-free write, report errors."""
    import json

    errors = []
    try:
        from workbench.store import Store

        s = Store.open(url)
        s.ensure_reviewer("opener")
        s.close()
    except Exception as exc:  # noqa: BLE001
        errors.append(f"{type(exc).__name__}: {exc}")
    with open(out_path, "w") as fh:
        json.dump(errors, fh)


def import_worker(url: str, start: int, n: int, out_path: str) -> None:
    """Import articles ``start .. start+n`` (overlapping the other workers' ranges); report errors."""
    import json

    from workbench.store import Store

    errors: list[str] = []
    try:
        s = Store.open(url)
        arts, cls = make_batch(n, start=start)
        for _ in range(2):  # and once more: nothing new the second time
            s.import_articles(arts, cls, grouper=noun_grouper)
        s.close()
    except Exception as exc:  # noqa: BLE001 - every error that reaches the caller is a failure
        errors.append(f"{type(exc).__name__}: {exc}")
    with open(out_path, "w") as fh:
        json.dump(errors, fh)
