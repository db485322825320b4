"""extract_to_shards streams: at most partitions_ahead partitions are out on the cluster at a time,
their results are taken in input order, and unreadable inputs are reported without a partition.
A stub client stands in for Dask here (tests/test_cluster.py runs a real local cluster)."""
from __future__ import annotations

import json

import pytest

from newsgraph.cluster import extract_to_shards, partitions_ahead


class StubFuture:
    def __init__(self, client, number, count):
        self.client, self.number, self.count = client, number, count

    def result(self):
        self.client.taken.append(self.number)
        self.client.out_on_cluster.discard(self.number)
        return [(None, "stub: not extracted")] * self.count


class StubClient:
    def __init__(self, threads: dict):
        self.threads = threads
        self.taken: list[int] = []
        self.out_on_cluster: set[int] = set()
        self.most_out = 0
        self.submitted = 0

    def nthreads(self):
        return self.threads

    def submit(self, function, articles, **kwargs):
        future = StubFuture(self, self.submitted, len(articles))
        self.out_on_cluster.add(self.submitted)
        self.submitted += 1
        self.most_out = max(self.most_out, len(self.out_on_cluster))
        return future


@pytest.mark.parametrize("threads, ahead", [({}, 2), ({"w1": 1}, 2), ({"w1": 1, "w2": 1}, 4), ({"w1": 4}, 8)])
def test_partitions_ahead_are_two_per_worker_thread(threads, ahead):
    assert partitions_ahead(StubClient(threads)) == ahead


def _articles(path, count: int, broken: tuple[int, ...] = ()) -> str:
    lines = ["{not json" if i in broken else json.dumps({"text": f"甲公司第{i}号公告称营收增长。", "title": f"第{i}篇"},
                                                       ensure_ascii=False) for i in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("count, size, threads, shards", [
    (50, 5, {"w1": 1, "w2": 1}, 10),
    (50, 5, {"w1": 1}, 10),
    (7, 5, {"w1": 1, "w2": 1}, 2),
    (3, 5, {"w1": 1}, 1),
])
def test_partitions_stream_in_order_with_a_bounded_number_out(tmp_path, count, size, threads, shards):
    client = StubClient(threads)
    report = extract_to_shards([_articles(tmp_path / "a.ndjson", count)], client, tmp_path / "out", partition_size=size)
    assert client.submitted == shards
    assert client.taken == list(range(shards))  # input order
    assert client.most_out <= partitions_ahead(client)
    assert len(report.shards) == shards and len(report.failed) == count and report.documents == 0


def test_unreadable_lines_are_reported_and_take_no_place_in_a_partition(tmp_path):
    client = StubClient({"w1": 1})
    report = extract_to_shards([_articles(tmp_path / "a.ndjson", 12, broken=(0, 5))], client, tmp_path / "out",
                               partition_size=5)
    assert client.submitted == 2  # 10 readable articles
    unreadable = [f for f in report.failed if "stub" not in f["error"]]
    assert [f["source"].rsplit(":", 1)[1] for f in unreadable] == ["1", "6"]

