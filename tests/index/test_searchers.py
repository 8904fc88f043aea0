"""Searchers lent to reading blocks: reused across threads, as many as read at once."""

from __future__ import annotations

import threading

from index.searchers import SearcherCache


class Searcher:
    """Stands for a Whoosh searcher: up to date until the index it was opened on changes."""

    def __init__(self, index: Index) -> None:
        self.index, self.generation, self.closed = index, index.generation, False

    def up_to_date(self) -> bool:
        return self.generation == self.index.generation

    def close(self) -> None:
        self.closed = True


class Index:
    def __init__(self) -> None:
        self.generation, self.opened = 0, []

    def searcher(self, weighting=None) -> Searcher:
        self.opened.append(Searcher(self))
        return self.opened[-1]


def read_in_thread(cache: SearcherCache) -> Searcher:
    lent = []

    def read() -> None:
        with cache.lent() as searcher:
            lent.append(searcher)

    thread = threading.Thread(target=read)
    thread.start()
    thread.join()
    return lent[0]


def test_threads_reading_one_after_another_share_one_searcher():
    index = Index()
    cache = SearcherCache(index)
    lent = [read_in_thread(cache) for _ in range(24)]
    assert len(index.opened) == 1 and cache.open_count() == 1
    assert all(searcher is index.opened[0] for searcher in lent)


def test_blocks_reading_at_once_each_have_their_own_and_give_it_back():
    index = Index()
    cache = SearcherCache(index)
    inside, leave = threading.Barrier(3), threading.Event()
    lent = []

    def read() -> None:
        with cache.lent() as searcher:
            lent.append(searcher)
            inside.wait()
            leave.wait()

    threads = [threading.Thread(target=read) for _ in range(2)]
    for thread in threads:
        thread.start()
    inside.wait()
    with cache.lent() as mine:
        assert mine not in lent  # a third block reading meanwhile
    leave.set()
    for thread in threads:
        thread.join()
    assert len({id(s) for s in [*lent, mine]}) == 3 == cache.open_count()
    assert read_in_thread(cache) in [*lent, mine]  # given back, not opened anew
    assert len(index.opened) == 3


def test_a_block_inside_another_reads_with_the_outer_ones_searcher():
    cache = SearcherCache(Index())
    with cache.lent() as outer, cache.lent() as inner:
        assert inner is outer
    assert cache.open_count() == 1


def test_a_searcher_older_than_the_last_commit_is_closed_and_opened_anew():
    index = Index()
    cache = SearcherCache(index)
    first = read_in_thread(cache)
    index.generation += 1
    second = read_in_thread(cache)
    assert second is not first and first.closed and not second.closed
    assert cache.open_count() == 1


def test_close_closes_the_lent_ones_too_and_does_not_take_them_back():
    index = Index()
    cache = SearcherCache(index)
    with cache.lent() as searcher:
        cache.close()
        assert searcher.closed
    assert cache.open_count() == 0
    assert read_in_thread(cache) is not searcher
