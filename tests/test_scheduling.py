"""How `make test` hands the tests to its two workers (the scheduler in tests/conftest.py)."""

from __future__ import annotations

from types import SimpleNamespace

from tests.conftest import pytest_xdist_make_scheduler

COLLECTION = [  # as pytest_collection_modifyitems orders it: the browser, slow files, the rest
    "tests/webui/test_web_browser.py::test_a",
    "tests/webui/test_web_layout.py::test_b[ko]",
    "tests/webui/test_web_layout.py::test_b[en]",
    "tests/index/test_corpus_search.py::test_c",
    "tests/index/test_corpus_search.py::test_d",
    "tests/index/test_search.py::test_e",
    "tests/index/test_search.py::test_f",
    "tests/index/test_search.py::test_g",
    "tests/webui/test_web_twins.py::test_h",
]


class Config:
    """What the scheduler reads of pytest's configuration under -n 2 --dist loadgroup."""

    def __init__(self) -> None:
        self.option = SimpleNamespace(loadscopereorder=True)  # xdist's default

    def getvalue(self, name: str) -> object:
        return {"dist": "loadgroup", "tx": ["2*popen"]}[name]


class Worker:
    """A worker as the scheduler sees it: the tests it is sent, by their node ids."""

    def __init__(self, name: str) -> None:
        self.gateway = SimpleNamespace(id=name)
        self.shutting_down = False
        self.sent: list[list[str]] = []

    def send_runtest_some(self, indices: list[int]) -> None:
        self.sent.append([COLLECTION[i] for i in indices])

    def shutdown(self) -> None:
        self.shutting_down = True


def test_a_file_goes_to_one_worker_whole_in_the_order_of_the_collection():
    quiet = SimpleNamespace(loadscopesched=lambda *words: None)
    scheduler = pytest_xdist_make_scheduler(Config(), quiet)
    first, second = Worker("gw0"), Worker("gw1")
    for worker in (first, second):
        scheduler.add_node(worker)
        scheduler.add_node_collection(worker, COLLECTION)
    scheduler.schedule()
    assert first.sent[0] == COLLECTION[:3]  # every browser test, first
    assert second.sent[0] == COLLECTION[3:5]  # then the files in order, each whole
    workers = (first, second)
    running = {worker: [test for tests in worker.sent for test in tests] for worker in workers}
    while any(running.values()):
        for worker in workers:
            if running[worker]:
                units = len(worker.sent)
                scheduler.mark_test_complete(worker, COLLECTION.index(running[worker].pop(0)))
                running[worker] += [test for tests in worker.sent[units:] for test in tests]
    units = sorted(tuple(tests) for worker in workers for tests in worker.sent)
    files = [COLLECTION[:3], COLLECTION[3:5], COLLECTION[5:8], COLLECTION[8:]]
    assert units == sorted(tuple(tests) for tests in files)
