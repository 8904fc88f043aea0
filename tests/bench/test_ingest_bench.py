from pathlib import Path

from bench.ingest_bench import extract_all, pool_extract


def test_the_workers_stage_extracts_what_one_process_does(sample_dir: Path):
    # the stage as ingest runs it: each file hashed by the parent, extracted in a worker
    paths = sorted(sample_dir.glob("*.pdf"))[:2]
    assert pool_extract(paths, 2) == extract_all(paths) > 0
