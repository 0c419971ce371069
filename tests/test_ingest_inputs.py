"""read_inputs as a whole: walking paths, stdin, language, stable ids, and bad input."""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from sitrep.ingest import IngestProblem, read_inputs
from sitrep.model import Document
from ingest_helpers import documents, problems, read_all

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
BATCH = FIXTURES / "batch"
GOOD = FIXTURES / "kharkiv_shelling.txt"
FRENCH = (
    "Des bombardements ont frappé la ville de Kharkiv pendant la nuit. Deux civils ont été "
    "blessés et plusieurs maisons ont été endommagées, selon le gouverneur de la région.\n"
)


def test_directory_is_walked_recursively_in_sorted_order_without_hidden_files():
    items = read_all(BATCH)
    origins = [item.origin if isinstance(item, Document) else item.where for item in items]
    assert origins == [
        f"{BATCH}/kherson_article.html",
        f"{BATCH}/nested/feed_rss.xml#entry-1",
        f"{BATCH}/nested/feed_rss.xml#entry-2",
        f"{BATCH}/nested/feed_rss.xml#entry-3",
        f"{BATCH}/nested/wire.jsonl:1",
        f"{BATCH}/nested/wire.jsonl:2",
        f"{BATCH}/nested/wire.jsonl:3",
        f"{BATCH}/nested/wire.jsonl:4",
        f"{BATCH}/nested/wire.jsonl:5",
        f"{BATCH}/odesa_drone.txt",
    ]  # hidden files and folders are not in it


def test_hidden_file_named_explicitly_is_read():
    [document] = read_all(BATCH / ".hidden_note.txt")
    assert document.text.startswith("This file is hidden")


def test_hidden_directories_are_skipped(tmp_path):
    (tmp_path / ".git").mkdir()
    shutil.copy(GOOD, tmp_path / ".git" / "story.txt")
    shutil.copy(GOOD, tmp_path / "story.txt")
    assert [doc.origin for doc in documents(read_all(tmp_path))] == [str(tmp_path / "story.txt")]


def test_stdin_bytes_and_stream():
    data = GOOD.read_bytes()
    [from_bytes] = read_all("-", stdin=data)
    [from_stream] = read_all("-", stdin=io.BytesIO(data))
    assert from_bytes.text == from_stream.text == data.decode("utf-8")
    assert from_bytes.origin == "<stdin>" and from_bytes.source == "stdin"
    assert from_bytes.published == "2023-03-03"


def test_stdin_mixed_with_files_keeps_order():
    items = read_all(GOOD, "-", BATCH / "odesa_drone.txt", stdin=b"<rss><channel><title>S"
                     b"</title><item><description>Shells hit Kupiansk.</description></item>"
                     b"</channel></rss>")
    assert [doc.origin for doc in documents(items)] == [
        str(GOOD), "<stdin>#entry-1", str(BATCH / "odesa_drone.txt")]


def test_doc_ids_are_stable_across_rereads_and_copies(tmp_path):
    first = [doc.doc_id for doc in documents(read_all(FIXTURES))]
    second = [doc.doc_id for doc in documents(read_all(FIXTURES))]
    assert first == second and len(set(first)) == len(first)
    # The same bytes under another directory (same basename) are the same document.
    copy = tmp_path / GOOD.name
    shutil.copy(GOOD, copy)
    assert documents(read_all(copy))[0].doc_id == documents(read_all(GOOD))[0].doc_id
    # ... and a gzip of it, read via stdin with a different source, is not.
    [via_stdin] = read_all("-", stdin=gzip.compress(GOOD.read_bytes()))
    assert via_stdin.text == documents(read_all(GOOD))[0].text
    assert via_stdin.doc_id != documents(read_all(GOOD))[0].doc_id


def test_non_english_text_is_skipped_with_language_named(tmp_path):
    path = tmp_path / "bulletin.txt"
    path.write_text(FRENCH, encoding="utf-8")
    items = read_all(path, GOOD)
    [problem] = problems(items)
    assert problem.skipped and problem.where == str(path)
    assert problem.message == (
        "skipped: language detected as 'fr' (only English is supported for now)")
    assert len(documents(items)) == 1


def test_english_dense_with_place_names_is_not_skipped(tmp_path):
    path = tmp_path / "names.txt"
    path.write_text("Shelling in Kupiansk, Vovchansk, Velykyi Burluk and Dvorichna.\n")
    [document] = read_all(path)
    assert document.language == "en"


def test_ukrainian_telegram_style_text_is_skipped():
    text = "Удари по Харкову тривали всю ніч, повідомив голова обласної адміністрації.\n"
    [problem] = read_all("-", stdin=text.encode("utf-8"))
    assert problem.skipped and "'uk'" in problem.message and problem.where == "<stdin>"


def test_short_text_is_assumed_english(tmp_path):
    path = tmp_path / "short.txt"
    path.write_text("Blasts in Lviv.\n")
    [document] = read_all(path)
    assert document.language == "en"


# --- bad inputs: exactly one problem naming the file; the batch goes on ----------------

def _png(path: Path) -> None:
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)


def _nuls(path: Path) -> None:
    path.write_bytes(b"Kharkiv\x00\x00\x00\x01\x02data\x00" * 50)


def _truncated_gzip(path: Path) -> None:
    data = gzip.compress(GOOD.read_bytes() * 20)
    path.write_bytes(data[: len(data) // 2])


BAD_INPUTS = {
    "empty.txt": (lambda path: path.write_bytes(b""), "empty file"),
    "blank.txt": (lambda path: path.write_text(" \n\n \t\n"), "empty file"),
    "picture.png": (_png, "binary file, not a supported format"),
    "notes.txt": (_nuls, "binary file, not a supported format"),
    "story.txt.gz": (_truncated_gzip, "truncated gzip"),
    "empty.txt.gz": (lambda path: path.write_bytes(gzip.compress(b"")), "empty file"),
    "config.xml": (lambda path: path.write_text("<?xml version='1.0'?><settings a='1'/>"),
                   "XML with root <settings> is not a supported format"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_one_problem_and_batch_continues(tmp_path, name):
    make, message = BAD_INPUTS[name]
    bad = tmp_path / name
    make(bad)
    items = read_all(bad, GOOD)
    assert [problem.line() for problem in problems(items)] == [f"{bad}: {message}"]
    assert [doc.origin for doc in documents(items)] == [str(GOOD)]


def test_missing_path_is_reported(tmp_path):
    missing = tmp_path / "nowhere" / "story.txt"
    items = read_all(missing, GOOD)
    assert [problem.line() for problem in problems(items)] == [
        f"{missing}: no such file or directory"]
    assert len(documents(items)) == 1


def test_file_over_default_limit_is_reported_without_reading_it(tmp_path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as handle:  # sparse: no 52 MB written to disk
        handle.truncate(52_400_000)
    items = read_all(big, GOOD)
    assert [problem.line() for problem in problems(items)] == [
        f"{big}: file too large (52.4 MB > 50 MB limit)"]
    assert len(documents(items)) == 1


def test_max_bytes_is_a_parameter(tmp_path):
    small_limit = GOOD.stat().st_size - 1
    items = read_all(GOOD, BATCH / "odesa_drone.txt", max_bytes=small_limit)
    [problem] = problems(items)
    assert problem.where == str(GOOD) and problem.message.startswith("file too large")
    assert len(documents(items)) == 1


def test_gzip_bomb_is_capped_by_max_bytes(tmp_path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 2_000_000))
    [problem] = read_all(path, max_bytes=100_000)
    assert problem.where == str(path) and "too large" in problem.message


def test_stdin_over_limit_is_reported():
    [problem] = read_all("-", stdin=b"x" * 5000, max_bytes=1000)
    assert problem.line() == "<stdin>: input too large (5 kB > 1 kB limit)"


def test_empty_directory_is_reported(tmp_path):
    (tmp_path / "inbox").mkdir()
    [problem] = read_all(tmp_path / "inbox")
    assert problem.where == str(tmp_path / "inbox") and "empty directory" in problem.message


def _read_lines_as_nobody(paths: list[str]) -> list[str]:
    """Run read_inputs in a forked child without root's power to read anything."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        status = 1
        try:
            os.setgid(65534)
            os.setuid(65534)
            lines = [item.line() if isinstance(item, IngestProblem) else "DOC " + item.origin
                     for item in read_inputs(paths)]
            os.write(write_end, json.dumps(lines).encode())
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        output = pipe.read()
    _, status = os.waitpid(pid, 0)
    assert status == 0, "child failed"
    return json.loads(output)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs POSIX permissions")
def test_unreadable_file_and_subdirectory_are_reported():
    workdir = Path(tempfile.mkdtemp(prefix="sitrep-perm-"))
    sealed = workdir / "sealed"
    try:
        workdir.chmod(0o755)
        locked, good = workdir / "locked.txt", workdir / "good.txt"
        shutil.copy(GOOD, locked)
        shutil.copy(GOOD, good)
        good.chmod(0o644)
        locked.chmod(0)
        sealed.mkdir()
        shutil.copy(GOOD, sealed / "inside.txt")
        sealed.chmod(0)
        paths = [str(locked), str(workdir)]
        if os.geteuid() == 0:
            lines = _read_lines_as_nobody(paths)
        else:
            lines = [item.line() if isinstance(item, IngestProblem) else "DOC " + item.origin
                     for item in read_inputs(paths)]
    finally:
        sealed.chmod(0o755)
        shutil.rmtree(workdir)
    assert lines == [
        f"{locked}: permission denied",
        f"DOC {good}",
        f"{locked}: permission denied",
        f"{sealed}: permission denied",
    ]


def test_unreadable_directory_entry_is_reported(tmp_path):
    # A dangling symlink inside a walked directory cannot be opened, even by root.
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted-target.txt")
    shutil.copy(GOOD, tmp_path / "story.txt")
    items = read_all(tmp_path)
    assert [problem.line() for problem in problems(items)] == [
        f"{tmp_path / 'gone.txt'}: no such file or directory"]
    assert len(documents(items)) == 1


def test_fifo_is_not_read(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    items = read_all(fifo, GOOD)
    assert [problem.line() for problem in problems(items)] == [f"{fifo}: not a regular file"]
