"""Extraction on a Dask cluster (a LocalCluster of two workers) stores exactly what a local import stores."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from workbench.archive import JsonlArchive, LocalExtractor, import_source
from workbench.cluster import ClusterExtractor
from workbench.errors import InputError
from workbench.store import Store

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from newsarchive import articles as generated  # noqa: E402

import distributed  # noqa: E402 - the dev extra installs the cluster extra


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as c:
        yield c


def snapshot(url: str) -> dict[str, list]:
    eng = create_engine(url)
    queries = {
        "articles": "SELECT id, content_hash, title, url, published FROM articles ORDER BY id",
        "claims": "SELECT id, article_id, start, \"end\", surface, kind, low, high, qualifier, currency, unit, noun, "
                  "attribution, per, group_id, position FROM claims ORDER BY id",
        "groups": "SELECT id, representative, kind, unit, currency, size, n_outlets, min_value, median_value, "
                  "max_value, spread_pct, discrepant FROM groups ORDER BY id",
    }
    try:
        with eng.connect() as conn:
            return {k: [tuple(r) for r in conn.execute(text(q))] for k, q in queries.items()}
    finally:
        eng.dispose()


def test_a_cluster_import_stores_the_same_claims_and_groups_as_a_local_one(tmp_path: Path, cluster) -> None:
    arc = tmp_path / "a.jsonl"
    arc.write_text("".join(json.dumps(r) + "\n" for r in generated(40)), encoding="utf-8")
    local, remote = f"sqlite:///{tmp_path / 'local.db'}", f"sqlite:///{tmp_path / 'cluster.db'}"
    with Store.open(local) as store, LocalExtractor(1) as ex:
        a = import_source(store, JsonlArchive(arc), batch_size=15, extractor=ex)
    with Store.open(remote) as store, distributed.Client(cluster) as client:
        b = import_source(store, JsonlArchive(arc), batch_size=15, extractor=ClusterExtractor(client, chunk=4))
        ran_on = client.run(lambda: 1)
    assert len(ran_on) == 2
    assert (a.articles_new, a.claims_new, a.groups) == (b.articles_new, b.claims_new, b.groups)
    left, right = snapshot(local), snapshot(remote)
    assert left["claims"] and left["groups"]
    assert left == right


def test_the_command_line_hands_extraction_to_the_cluster(tmp_path: Path, cluster, capsys) -> None:  # type: ignore[no-untyped-def]
    from workbench.cli import main

    arc = tmp_path / "a.jsonl"
    arc.write_text("".join(json.dumps(r) + "\n" for r in generated(6)), encoding="utf-8")
    assert main(["import", str(arc), "--db", str(tmp_path / "c.db"), "--cluster", cluster.scheduler_address,
                 "--progress", "off"]) == 0
    assert "Imported: 6 new article(s)" in capsys.readouterr().out


def test_an_unreachable_scheduler_is_named() -> None:
    with pytest.raises(InputError, match="cannot reach a Dask scheduler at tcp://127.0.0.1:9"):
        ClusterExtractor("tcp://127.0.0.1:9", timeout_s=1)
