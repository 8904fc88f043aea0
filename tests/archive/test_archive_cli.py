"""The archive commands end to end: real parser, real index, synthetic PDFs and bad files."""

from __future__ import annotations

import codecs
import json
import os
import re
import shutil
import sys
from pathlib import Path

import pymupdf
import pytest
from click.testing import CliRunner
from pausing import aibrief_paused_at

from archive.cli import main
from archive.lock import ArchiveLock
from archive.schema import first_error
from extract import ExtractError, extract_issue
from extract.errors import (
    DamagedPdfError,
    EmptyFileError,
    EncryptedPdfError,
    NotAnAiBriefError,
    NotAPdfError,
    NoTextLayerError,
)
from index import SearchIndex, with_actors
from index.schema import STAMP_NAME
from samples.issues import write_sample_issue
from tests import forked_process
from tests.conftest import CORPUS_ARTICLE_COUNTS, built_once, copy_home, ingest_output
from tests.forked_process import ForkedProcess, forked

pytestmark = pytest.mark.slow  # the real parser and index, and aibrief processes


def write_bad_files(folder: Path, good: Path) -> dict[str, Path]:
    """One file per way a PDF can be unusable, each named *.pdf."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        kind: folder / f"{kind}.pdf"
        for kind in ("truncated", "encrypted", "html", "empty", "scan", "not_a_brief")
    }
    data = good.read_bytes()
    files["truncated"].write_bytes(data[: len(data) // 2])
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "secret")
    doc.save(
        files["encrypted"], encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="pw", owner_pw="pw"
    )
    files["html"].write_text("<!DOCTYPE html><html><body>Not found</body></html>")
    files["empty"].write_bytes(b"")
    doc = pymupdf.open()
    page = doc.new_page()
    pixmap = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 200, 200), False)
    pixmap.clear_with(200)
    page.insert_image(page.rect, pixmap=pixmap)
    doc.save(files["scan"])
    doc = pymupdf.open()
    for number in range(3):
        doc.new_page().insert_text((72, 72), f"Quarterly report, page {number}")
    doc.save(files["not_a_brief"])
    return files


BAD_KINDS = {
    "truncated": DamagedPdfError,
    "encrypted": EncryptedPdfError,
    "html": NotAPdfError,
    "empty": EmptyFileError,
    "scan": NoTextLayerError,
    "not_a_brief": NotAnAiBriefError,
}


def sample_paths(folder: Path) -> dict[str, Path]:
    """Two different PDFs of one sample issue (both layout generations) and the bad files."""
    good, reissued = folder / "good" / "2024-04.pdf", folder / "2024-04-reissued.pdf"
    bad = {kind: folder / "bad" / f"{kind}.pdf" for kind in BAD_KINDS}
    return {"good": good, "reissued": reissued, **bad}


def write_samples(folder: Path) -> None:
    paths = sample_paths(folder)
    paths["good"].parent.mkdir()
    write_sample_issue(paths["good"], "2024-04", generation="2023")
    write_sample_issue(paths["reissued"], "2024-04", generation="2025")
    assert write_bad_files(folder / "bad", paths["good"]) == {k: paths[k] for k in BAD_KINDS}


@pytest.fixture(scope="session")
def samples(tmp_path_factory) -> dict[str, Path]:
    """sample_paths, written once per run for both workers (read only: copy one to change it)."""
    return sample_paths(built_once(tmp_path_factory, "cli-samples", write_samples))


def run(home: Path, *args: str, input: str | None = None):
    result = CliRunner().invoke(main, ["--home", str(home), *args], input=input)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def untimed(output: str) -> list[str]:
    """The output's lines, an ingest summary's time left out ("… 0 failed (1.2 s)")."""
    return [re.sub(r" \([0-9]+\.[0-9] s\)$", "", line) for line in output.splitlines()]


def reason_of(path: Path) -> str:
    """What the parser says about a bad file, without the file name it starts with."""
    with pytest.raises(ExtractError) as caught:
        extract_issue(path)
    return str(caught.value).removeprefix(f"{path.name}: ")


def test_ingest_names_every_bad_file_with_its_reason_and_exits_1(tmp_path, samples):
    bad = samples["truncated"].parent
    result = run(tmp_path / "home", "ingest", str(samples["good"].parent), str(bad))
    articles = len(extract_issue(samples["good"]).articles)
    expected = [f"added: {samples['good']} -> 2024-04, {articles} articles"]
    expected += [f"failed: {samples[k]}: {reason_of(samples[k])}" for k in sorted(BAD_KINDS)]
    expected.append("7 files: 1 added, 0 replaced, 0 skipped, 6 failed")
    assert untimed(result.output) == expected
    assert result.exit_code == 1
    for kind, error in BAD_KINDS.items():
        assert reason_of(samples[kind]).startswith(error.reason), kind


def test_reingest_skips_and_a_new_pdf_of_the_issue_replaces_it(tmp_path, samples):
    home = tmp_path / "home"
    assert run(home, "ingest", str(samples["good"])).exit_code == 0
    again = run(home, "ingest", str(samples["good"]))
    assert untimed(again.output) == ["1 file: 0 added, 0 replaced, 1 skipped, 0 failed"]
    assert again.exit_code == 0
    verbose = run(home, "ingest", "--verbose", str(samples["good"]))
    assert untimed(verbose.output)[0] == f"skipped: {samples['good']} (unchanged)"
    renamed = tmp_path / "renamed.pdf"
    renamed.write_bytes(samples["good"].read_bytes())
    copy = run(home, "ingest", "-v", str(renamed))
    assert untimed(copy.output)[0] == f"skipped: {renamed} (already held as 2024-04)"
    assert re.fullmatch(r"1 file: .* 0 failed \([0-9]+\.[0-9] s\)", copy.output.splitlines()[-1])
    replaced = run(home, "ingest", "--json", str(samples["reissued"]))
    assert replaced.exit_code == 0
    summary = json.loads(replaced.output)
    expected = with_actors(extract_issue(samples["reissued"]))  # as ingest stores it
    assert {k: summary[k] for k in ("ok", "added", "replaced", "skipped", "failed")} == {
        "ok": True,
        "added": 0,
        "replaced": 1,
        "skipped": 0,
        "failed": 0,
    }
    assert summary["files"][0]["articles"] == len(expected.articles)
    shown = json.loads(run(home, "show", "2024-04", "--json").output)
    assert shown["articles"] == [a.to_json() for a in expected.articles]


def test_ingest_json_reports_failures(tmp_path, samples):
    result = run(tmp_path / "home", "ingest", "--json", str(samples["empty"]), "nowhere/*.pdf")
    assert result.exit_code == 1
    assert json.loads(result.output)["files"] == [
        {
            "path": str(samples["empty"]),
            "status": "failed",
            "issue": None,
            "articles": 0,
            "reason": "the file is empty",
            "sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "layout": None,
            "warning": None,
            "dropped_pages": None,
        },
        {
            "path": "nowhere/*.pdf",
            "status": "failed",
            "issue": None,
            "articles": 0,
            "reason": "no file matches this pattern",
            "sha256": None,
            "layout": None,
            "warning": None,
            "dropped_pages": None,
        },
    ]


@pytest.fixture
def home_with_sample(tmp_path, samples, tmp_path_factory) -> Path:
    """A home of its own holding the good sample issue, ingested once per run and copied."""

    def ingest(folder: Path) -> None:
        assert run(folder / "home", "ingest", str(samples["good"])).exit_code == 0

    home = tmp_path / "home"
    copy_home(built_once(tmp_path_factory, "cli-home-with-sample", ingest) / "home", home)
    return home


def test_list_show_and_stats(home_with_sample, samples):
    issue = with_actors(extract_issue(samples["good"]))  # as ingest stores it
    count = len(issue.articles)
    listed = run(home_with_sample, "list")
    assert listed.output.splitlines() == [
        f"2024-04  {count:3d} articles  {samples['good']}",
        f"1 issue, {count} articles",
    ]
    rows = json.loads(run(home_with_sample, "list", "--json").output)
    assert [(r["issue"], r["articles"], r["origin"]) for r in rows] == [("2024-04", count, "pdf")]
    first = issue.articles[0]
    shown = run(home_with_sample, "show", first.id)
    assert shown.output.splitlines()[:2] == [
        first.title,
        f"{first.id} · {first.section} · p. {first.page} · PDF page {first.pdf_pages[0]}",
    ]
    assert json.loads(run(home_with_sample, "show", first.id, "--json").output) == first.to_json()
    stats = json.loads(run(home_with_sample, "stats", "--json").output)
    assert (stats["issues"], stats["articles"], stats["index_documents"]) == (1, count, count)
    assert stats["last_ingest"]["added"] == 1


def test_unknown_ids_are_one_line_errors(home_with_sample):
    missing = run(home_with_sample, "show", "2024-04-99")
    assert (missing.exit_code, missing.output) == (
        1,
        "Error: no article '2024-04-99' in the archive\n",
    )
    removed = run(home_with_sample, "remove", "2023-01")
    assert (removed.exit_code, removed.output) == (1, "Error: no issue 2023-01 in the archive\n")


def test_remove_takes_the_issue_out_of_the_index_too(home_with_sample):
    assert run(home_with_sample, "remove", "2024-04").output == "removed 2024-04\n"
    assert run(home_with_sample, "list").output == "0 issues, 0 articles\n"
    stats = json.loads(run(home_with_sample, "stats", "--json").output)
    assert stats["index_documents"] == 0


@pytest.mark.parametrize("form", ["json", "jsonl", "csv"])
def test_export_writes_every_article_in_the_documented_form(home_with_sample, tmp_path, form):
    out = tmp_path / f"out.{form}"
    result = run(home_with_sample, "export", "--format", form, "-o", str(out))
    issue_articles = json.loads(run(home_with_sample, "show", "2024-04", "--json").output)[
        "articles"
    ]
    assert result.output == f"exported {len(issue_articles)} articles to {out}\n"
    assert out.read_bytes().startswith(codecs.BOM_UTF8) == (form == "csv")
    text = out.read_text(encoding="utf-8-sig")
    if form == "json":
        assert json.loads(text) == issue_articles
    elif form == "jsonl":
        assert [json.loads(line) for line in text.splitlines()] == issue_articles
    else:
        assert text.splitlines()[0].startswith("id,issue,section,title,page,pdf_pages,")
    if form != "csv":
        assert all(first_error("article", article) is None for article in issue_articles)


def test_csv_export_leaves_the_byte_order_mark_out_when_asked(home_with_sample):
    plain = run(home_with_sample, "export", "--format", "csv", "--no-bom").stdout_bytes
    marked = run(home_with_sample, "export", "--format", "csv").stdout_bytes
    assert plain.startswith(b"id,issue,section,")
    assert marked == codecs.BOM_UTF8 + plain


def test_export_with_a_query_and_filters(home_with_sample):
    articles = json.loads(run(home_with_sample, "show", "2024-04", "--json").output)["articles"]
    section = articles[0]["section"]
    result = run(home_with_sample, "export", "--section", section, "--format", "json")
    assert [a["id"] for a in json.loads(result.output)] == [
        a["id"] for a in articles if a["section"] == section
    ]
    none = run(home_with_sample, "export", "--issue", "1999-01", "--format", "json")
    assert none.exit_code == 1
    assert none.output == "Error: no issue 1999-01 in this archive (held: 2024-04)\n"
    word = articles[0]["title"].split()[0]
    found = json.loads(run(home_with_sample, "export", word, "--format", "json").output)
    assert articles[0]["id"] in [a["id"] for a in found]


def test_export_takes_the_filters_and_sorts_search_takes(home_with_sample):
    articles = json.loads(run(home_with_sample, "show", "2024-04", "--json").output)["articles"]
    everything = run(home_with_sample, "export", "--format", "json", "--from", "2024-01")
    assert [a["id"] for a in json.loads(everything.output)] == [a["id"] for a in articles]
    year = run(home_with_sample, "export", "--year", "2024", "--sort", "newest", "--format", "json")
    assert year.output == everything.output
    later = run(home_with_sample, "export", "--from", "2024-05", "--to", "2024-12")
    assert later.exit_code == 1
    assert later.output == (
        "Error: no issue from 2024-05 to 2024-12 in this archive (held: 2024-04)\n"
    )


def test_export_warns_when_the_query_fell_back_to_some_words(home_with_sample):
    articles = json.loads(run(home_with_sample, "show", "2024-04", "--json").output)["articles"]
    word = articles[0]["title"].split()[0]
    result = run(home_with_sample, "export", word, "zzzzqqqq", "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"warning: few articles have every word of '{word} zzzzqqqq'; "
        "the export also holds articles with only some of them\n"
    )
    assert articles[0]["id"] in [a["id"] for a in json.loads(result.stdout)]
    assert run(home_with_sample, "export", word, "--format", "json").stderr == ""


def test_export_takes_unquoted_words_as_one_query(home_with_sample):
    articles = json.loads(run(home_with_sample, "show", "2024-04", "--json").output)["articles"]
    words = articles[0]["title"].split()[:2]
    apart = run(home_with_sample, "export", *words, "--format", "json")
    together = run(home_with_sample, "export", " ".join(words), "--format", "json")
    assert apart.exit_code == 0, apart.output
    assert apart.output == together.output
    assert articles[0]["id"] in [a["id"] for a in json.loads(apart.stdout)]


@pytest.mark.parametrize("command", [("export",), ("search", "AI"), ("list",)])
def test_a_closed_pipe_ends_a_command_quietly(home_with_sample, command):
    gone, stdout = os.pipe()
    os.close(gone)  # the reader is gone before the command writes its first line
    try:
        reader_gone = forked_process.aibrief("--home", home_with_sample, *command, stdout=stdout)
    finally:
        os.close(stdout)
    with reader_gone.stderr:
        assert reader_gone.wait(timeout=60) == 1
        assert reader_gone.stderr.read() == ""


def test_export_takes_a_section_by_either_half_of_its_name(home_with_sample):
    def exported(section: str) -> str:
        return run(home_with_sample, "export", "--section", section, "--format", "json").output

    full = exported("기업/산업")
    assert json.loads(full)
    assert exported("기업") == exported("기업･산업") == full
    wrong = run(home_with_sample, "export", "--section", "경제")
    assert wrong.exit_code == 1
    assert wrong.output.startswith("Error: --section: unknown section '경제'")


def test_export_import_round_trip_through_the_cli(home_with_sample, tmp_path):
    first = run(home_with_sample, "export").output
    (tmp_path / "a.jsonl").write_text(first, encoding="utf-8")
    other = tmp_path / "other"
    imported = run(other, "import", str(tmp_path / "a.jsonl"))
    count = len(first.splitlines())
    assert imported.output == f"imported {count} articles into 1 issue (2024-04)\n"
    assert imported.exit_code == 0
    assert run(other, "export").output == first
    assert run(other, "list").output.splitlines()[0] == f"2024-04  {count:3d} articles  (imported)"


def test_import_names_every_bad_line_and_imports_nothing(home_with_sample, tmp_path):
    good = run(home_with_sample, "export").output.splitlines()[0]
    path = tmp_path / "mixed.jsonl"
    surrogate = good.replace('"title": "', '"title": "\\ud800', 1)
    path.write_text(f"{good}\n[1, 2]\n{surrogate}\n", encoding="utf-8")
    other = tmp_path / "other"
    before = run(other, "export").output
    result = run(other, "import", str(path))
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{path}: line 2: not an article ([1, 2] is not of type 'object')",
        f"{path}: line 3: a string is not valid Unicode (a lone surrogate)",
        f"Error: {path}: nothing imported (2 bad lines)",
    ]
    assert (
        run(other, "export").output
        == before
        == (f"Error: the archive at {other} is empty: run aibrief ingest PDF…\n")
    )
    as_json = run(other, "import", "--json", str(path))
    assert as_json.exit_code == 1
    assert json.loads(as_json.stdout)["bad_lines"][1] == {
        "line": 3,
        "reason": "a string is not valid Unicode (a lone surrogate)",
    }


def start_paused_ingest(home: Path, pdf: Path) -> ForkedProcess:
    """`aibrief ingest pdf` holding the lock, paused just before its index commit."""
    argv = ["--home", str(home), "ingest", str(pdf)]
    ingest = forked(aibrief_paused_at, "before-index", argv, argv=["aibrief", *argv])
    assert ingest.stderr.readline() == "aibrief: paused before-index 2024-04\n"
    return ingest


def test_a_killed_ingest_recovers_through_the_cli(tmp_path, samples):
    home = tmp_path / "home"
    writer = start_paused_ingest(home, samples["good"])
    writer.kill()
    writer.communicate()
    count = len(extract_issue(samples["good"]).articles)
    stats = json.loads(run(home, "stats", "--json").output)  # opening reconciles the index
    assert (stats["issues"], stats["articles"], stats["index_documents"]) == (1, count, count)
    again = run(home, "ingest", str(samples["good"]))
    assert untimed(again.output)[-1] == "1 file: 0 added, 0 replaced, 1 skipped, 0 failed"


@pytest.mark.corpus
def test_the_real_issues_ingest_whole_and_export_valid_articles(
    tmp_path, corpus_ingest, corpus_pdfs
):
    # The first ingest is the one every real-issue test reads (conftest.corpus_ingest).
    summary = json.loads(ingest_output(corpus_ingest))
    assert {f["issue"]: f["articles"] for f in summary["files"]} == CORPUS_ARTICLE_COUNTS
    home = tmp_path / "home"
    copy_home(corpus_ingest / "home", home)
    exported = [json.loads(line) for line in run(home, "export").output.splitlines()]
    assert len(exported) == sum(CORPUS_ARTICLE_COUNTS.values())
    assert [first_error("article", a) for a in exported] == [None] * len(exported)
    again = run(home, "ingest", "--json", *map(str, corpus_pdfs.values()))
    assert again.exit_code == 0
    assert json.loads(again.output)["skipped"] == len(CORPUS_ARTICLE_COUNTS)


def test_demo_writes_and_ingests_the_sample_issues(tmp_path):
    from samples.issues import SAMPLE_ISSUES

    home = tmp_path / "demo-home"
    result = run(home, "demo", "--no-serve")
    assert result.exit_code == 0, result.output
    lines = untimed(result.output)
    assert [line.split(" -> ")[0] for line in lines[:-1]] == [
        f"added: {home / 'samples' / f'{issue}.pdf'}" for issue in SAMPLE_ISSUES
    ]
    count = len(SAMPLE_ISSUES)
    assert lines[-1] == f"{count} files: {count} added, 0 replaced, 0 skipped, 0 failed"
    assert [row["issue"] for row in json.loads(run(home, "list", "--json").output)] == list(
        SAMPLE_ISSUES
    )
    again = run(home, "demo", "--no-serve")
    assert (
        untimed(again.output)[-1]
        == f"{count} files: 0 added, 0 replaced, {count} skipped, 0 failed"
    )


def test_two_ingests_at_once_add_the_issue_once(tmp_path, samples):
    home = tmp_path / "home"
    command = ["--home", str(home), "ingest", str(samples["good"])]
    writers = [forked_process.aibrief(*command) for _ in range(2)]
    outputs = [writer.communicate() for writer in writers]
    assert [writer.returncode for writer in writers] == [0, 0], outputs
    summaries = sorted(untimed(out)[-1] for out, _ in outputs)
    assert summaries == [
        "1 file: 0 added, 0 replaced, 1 skipped, 0 failed",
        "1 file: 1 added, 0 replaced, 0 skipped, 0 failed",
    ]
    count = len(extract_issue(samples["good"]).articles)
    stats = json.loads(run(home, "stats", "--json").output)
    assert (stats["issues"], stats["articles"], stats["index_documents"]) == (1, count, count)


def hold_lock(home: Path) -> None:
    """Another process holding the archive's lock, as a writer does while it works (a paused
    ingest would first load Kiwi and read a PDF, which is not what this test is about)."""
    lock = ArchiveLock(home / ".lock")
    sys.stdout.write("held\n" if lock.try_acquire() else "not held\n")
    sys.stdout.flush()
    sys.stdin.read()


def test_a_busy_archive_is_one_line_naming_the_holder(tmp_path, samples):
    home = tmp_path / "home"
    home.mkdir()
    holder = forked(hold_lock, home, stdin=True)
    try:
        assert holder.stdout.readline() == "held\n"
        result = run(home, "ingest", "--wait", "0", str(samples["reissued"]))
    finally:
        holder.kill()
        holder.communicate()
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith(f"waiting for the archive lock, held by pid {holder.pid} (")
    assert lines[1].startswith(f"Error: the archive is busy: {home / '.lock'} is held by pid ")
    assert lines[1].endswith("; gave up after 0 s")
    assert len(lines) == 2


def test_a_damaged_catalog_is_one_line(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "catalog.sqlite3").write_bytes(b"not a database, " * 8)
    result = run(home, "list")
    catalog = home / "catalog.sqlite3"
    assert (result.exit_code, result.output) == (
        1,
        f"Error: {catalog}: the catalog cannot be opened (file is not a database)\n",
    )


def test_list_files_shows_every_file_seen_with_its_status(tmp_path, samples):
    home = tmp_path / "home"
    run(home, "ingest", str(samples["good"]), str(samples["empty"]))
    run(home, "ingest", str(samples["reissued"]))
    result = run(home, "list", "--files")
    assert result.output.splitlines() == [
        f"ok       {samples['reissued']} -> 2024-04",
        f"failed   {samples['empty']}: the file is empty",
        f"replaced {samples['good']} -> 2024-04",
    ]
    rows = json.loads(run(home, "list", "--files", "--json").output)
    assert [(Path(r["path"]).name, r["status"]) for r in rows] == [
        ("2024-04-reissued.pdf", "ok"),
        ("empty.pdf", "failed"),
        ("2024-04.pdf", "replaced"),
    ]


def test_a_stale_index_while_another_process_writes_is_one_line(home_with_sample):
    stamp = SearchIndex.open(home_with_sample / "index").live / STAMP_NAME
    versions = json.loads(stamp.read_text(encoding="utf-8"))
    stamp.write_text(json.dumps({**versions, "analyzer": versions["analyzer"] - 1}))
    writer = ArchiveLock(home_with_sample / ".lock")  # an ingest, about to rebuild the index
    assert writer.try_acquire()
    try:
        holder = writer.holder()
        result = run(home_with_sample, "search", "규제")
    finally:
        writer.release()
    assert result.exit_code == 1
    assert result.output == (
        "Error: the search index is out of date and is being rebuilt by the process holding"
        f" the archive ({holder}); try again when it is done\n"
    )
    assert run(home_with_sample, "search", "규제").exit_code == 0  # the lock is free: rebuilt


def test_a_newline_in_a_file_name_does_not_split_the_ingest_line(tmp_path):
    path = tmp_path / "two\nlines.pdf"
    path.write_bytes(b"")
    result = run(tmp_path / "home", "ingest", str(path))
    assert result.exit_code == 1
    assert f"failed: {tmp_path}/two\\nlines.pdf: the file is empty" in result.output.splitlines()


def test_list_files_shows_copies_and_links_to_nothing(tmp_path, samples):
    home = tmp_path / "home"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copyfile(samples["good"], inbox / "a.pdf")
    shutil.copyfile(samples["good"], inbox / "b-copy.pdf")
    (inbox / "c-gone.pdf").symlink_to(tmp_path / "nowhere.pdf")
    (inbox / "d-loop.pdf").symlink_to(inbox / "d-loop.pdf")
    result = run(home, "ingest", str(inbox))
    assert result.exit_code == 1
    run(home, "ingest", str(samples["good"]))  # the same content again, under a third name
    assert run(home, "list", "--files").output.splitlines() == [
        f"skipped  {samples['good']}: already held as 2024-04",
        f"ok       {inbox / 'a.pdf'} -> 2024-04",
        f"skipped  {inbox / 'b-copy.pdf'}: same file as {inbox / 'a.pdf'}",
        f"failed   {inbox / 'c-gone.pdf'}: a symbolic link to a missing file"
        f" ({tmp_path / 'nowhere.pdf'})",
        f"failed   {inbox / 'd-loop.pdf'}: a symbolic link that loops back on itself",
    ]
    rows = json.loads(run(home, "list", "--files", "--json").output)
    assert [(Path(r["path"]).name, r["status"], r["sha256"] is None) for r in rows] == [
        ("2024-04.pdf", "skipped", False),
        ("a.pdf", "ok", False),
        ("b-copy.pdf", "skipped", False),
        ("c-gone.pdf", "failed", True),
        ("d-loop.pdf", "failed", True),
    ]


def test_export_takes_several_issues(home_with_sample):
    articles = json.loads(run(home_with_sample, "show", "2024-04", "--json").output)["articles"]
    both = run(
        home_with_sample, "export", "--issue", "2024-04", "--issue", "1999-01", "--format", "json"
    )
    assert both.exit_code == 0, both.output
    assert [a["id"] for a in json.loads(both.output)] == [a["id"] for a in articles]
    neither = run(home_with_sample, "export", "--issue", "1999-01", "--issue", "1999-02")
    assert neither.exit_code == 1
    assert neither.output == "Error: no issue 1999-01, 1999-02 in this archive (held: 2024-04)\n"


def test_export_to_a_folder_that_does_not_exist_names_the_file(home_with_sample, tmp_path):
    # It named the temporary file the write goes through: "Error: /nonexistent/.__atomic-
    # write4d5fbdcd: No such file or directory".
    target = tmp_path / "missing" / "out.csv"
    result = run(home_with_sample, "export", "--format", "csv", "-o", str(target))
    assert result.exit_code == 1
    assert result.output == f"Error: {target}: No such file or directory\n"
    assert not target.parent.exists()


@pytest.mark.parametrize(
    ("form", "held"),
    [
        ("json", "one JSON array, as export --format json writes"),
        ("csv", "a CSV table, as export --format csv writes"),
        ("bibtex", "BibTeX entries, as export --format bibtex writes"),
        ("ris", "RIS records, as export --format ris writes"),
        ("xlsx", "an Excel workbook, as export --format xlsx writes"),
    ],
)
def test_importing_another_export_says_what_it_holds_and_what_import_reads(
    home_with_sample, tmp_path, form, held
):
    # An export in --format json (one array) was refused with "line 1: not JSON (Expecting
    # value)" and a line for each article, and no word of the form import reads; a CSV export
    # with a bad line for every line of the table (88 for five articles).
    path = tmp_path / f"articles.{form}"
    exported = run(home_with_sample, "export", "--format", form, "-o", str(path))
    assert exported.exit_code == 0, exported.output
    result = run(tmp_path / "other", "import", str(path))
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {path}: nothing imported: it holds {held};"
        " import reads JSON Lines, one article a line (export --format jsonl)\n"
    )
