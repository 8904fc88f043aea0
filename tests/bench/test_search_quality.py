"""The quality bench's groups of queries and its ablation, on stand-ins for the index."""

from __future__ import annotations

from types import SimpleNamespace

from bench.graded_queries import BLIND, HELD_OUT_SETS, KINDS, GradedQuery, parse_line
from bench.ranking_metrics import score
from bench.search_quality import (
    Run,
    System,
    aibrief_systems,
    print_by_group,
    print_low,
    query_groups,
    switches_of,
)


def test_query_groups_are_all_new_each_class_and_the_held_out_apart():
    lines = ("a\ttopic\tx:2", "b\tconcept\tx:2", "c\tquestion\tx:1")
    queries = [parse_line(line) for line in lines]
    queries.append(GradedQuery("d", "concept", {"x": 2}, held_out="held-out"))
    queries.append(GradedQuery("e", "question", {"x": 2}, held_out="held-out 2"))
    queries.append(GradedQuery("f", "script", {"x": 1}, held_out="held-out 3"))
    queries.append(GradedQuery("g", "paraphrase", {"x": 2}, held_out="held-out 4"))
    queries.append(GradedQuery("h", "concept", {"x": 2}, held_out="held-out 5"))
    queries.append(GradedQuery("i", "script", {"x": 2}, held_out="held-out 6"))
    queries.append(GradedQuery("j", "question", {"x": 2}, held_out="held-out 7"))
    queries.append(GradedQuery("k", "paraphrase", {"x": 2}, held_out="held-out 8"))
    queries.append(GradedQuery("l", "derived", {"x": 2}, held_out="held-out 9"))
    queries.append(GradedQuery("m", "spacing", {"x": 2}, held_out="held-out 10"))
    queries.append(GradedQuery("n", "script", {"x": 2}, held_out="held-out 11"))
    queries.append(GradedQuery("o", "concept", {"x": 2}, held_out="held-out 12"))
    queries.append(GradedQuery("p", "question", {"x": 2}, held_out="held-out 13"))
    groups = query_groups(queries)
    numbers = ("", " 2", " 3", " 4", " 5", " 6", " 7", " 8", " 9", " 10", " 11", " 12", " 13")
    held_out = [f"held-out{n}" for n in numbers]
    assert list(groups) == ["all", "new", *KINDS, *held_out]
    assert (groups["all"], groups["new"], groups["concept"]) == ([0, 1, 2], [1, 2], [1])
    assert groups["derived"] == []
    assert [groups[name] for name in held_out] == [[n] for n in range(3, 16)]


def test_switches_are_the_keyword_only_parameters_with_a_boolean_default():
    def search(query, page=1, *, expand=True, feedback=False, limit=10, mode=0):
        pass

    assert switches_of(search) == {"expand": True, "feedback": False}


class SwitchedIndex:
    """Stands for SearchIndex: records the switches each search is given."""

    def __init__(self):
        self.calls = []

    def search(self, query, per_page=10, *, expand=True, feedback=False, extra=True, budget=0.5):
        assert budget == float("inf")  # what the bench finds never depends on the load
        self.calls.append({"expand": expand, "feedback": feedback, "extra": extra})
        return SimpleNamespace(hits=[SimpleNamespace(id="2024-03-10")])


def test_the_ablation_flips_each_switch_the_index_offers_and_marks_the_rest_missing():
    index = SwitchedIndex()
    systems = aibrief_systems(index, 1.5)
    names = [s.name for s in systems]
    assert names == [
        "aibrief",
        "aibrief -expand",
        "aibrief -derived",
        "aibrief -partial",
        "aibrief +feedback",
        "aibrief -broader",
        "aibrief -broad",
        "aibrief -countries",
        "aibrief -verbs",
        "aibrief -near",
        "aibrief -near_forms",
        "aibrief -longer",
        "aibrief -passing",
        "aibrief -beside",
        "aibrief -about",
        "aibrief -rarest",
        "aibrief -coverage",
        "aibrief -together",
        "aibrief -respell",
        "aibrief -dates",
        "aibrief -chance",
        "aibrief -extra",
    ]
    offered = [s.search is not None for s in systems]
    assert offered == [
        True,
        True,
        False,
        False,
        True,
        False,
        False,
        False,
        False,
        False,
        False,
        False,
        False,
        False,
        False,
        False,
        False,
        False,
        False,
        False,
        False,
        True,
    ]
    for system in systems:
        if system.search is not None:
            assert system.search("딥페이크") == ["2024-03-10"]
    on = {"expand": True, "feedback": False, "extra": True}
    assert index.calls == [
        on,
        {**on, "expand": False},
        {**on, "feedback": True},
        {**on, "extra": False},
    ]


def test_the_blind_groups_are_held_out_12_and_13_and_their_low_queries_are_counted_not_listed(
    capsys,
):
    queries = [
        GradedQuery("open low", "concept", {"x": 2}, held_out="held-out 11"),
        GradedQuery("thirteenth low", "question", {"x": 2}, held_out="held-out 13"),
        GradedQuery("thirteenth lower", "question", {"x": 2}, held_out="held-out 13"),
        GradedQuery("blind low", "script", {"x": 2}, held_out="held-out 12"),
        GradedQuery("blind high", "script", {"x": 2}, held_out="held-out 12"),
    ]
    run = Run(
        System("aibrief", None),
        [score(["y"], {"x": 2}), score(["y"], {"x": 2}), score(["y"], {"x": 2})]
        + [score(["y"], {"x": 2}), score(["x"], {"x": 2})],
    )
    assert BLIND == ("held-out 12", "held-out 13")
    assert set(BLIND) <= set(HELD_OUT_SETS)
    print_low(run, queries)
    shown = capsys.readouterr().out
    assert "open low" in shown
    assert "blind low" not in shown and "thirteenth" not in shown
    assert "4 queries below 0.5" in shown
    # in the order of the groups, not of the low queries (held-out 13's come first here)
    assert "(1 in held-out 12, 2 in held-out 13: not listed, --unblind lists them)" in shown
    print_low(run, queries, unblind=True)
    unblinded = capsys.readouterr().out
    assert "blind low" in unblinded and "thirteenth lower" in unblinded


def test_the_tables_by_group_print_every_group_name_whole(capsys):
    queries = [parse_line("a\ttopic\tx:2")]
    queries += [GradedQuery(group, "concept", {"x": 2}, held_out=group) for group in HELD_OUT_SETS]
    run = Run(System("aibrief", None), None)
    print_by_group("nDCG@10 by class", "ndcg", [run], query_groups(queries))
    title, header, row, counts = capsys.readouterr().out.strip("\n").splitlines()
    assert title == "nDCG@10 by class"
    assert header.endswith(" held-out 12 held-out 13")
    assert row.split()[-1] == "n/a" and counts.split()[-1] == "1"
