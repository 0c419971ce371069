"""The whole run: read inputs, analyse them in batches, find duplicates, store or emit.

`Extractor` wraps the spaCy pipeline (model + sitrep stages) and turns `Document`s
into `Extraction`s. `ingest` and `extract` drive it over inputs; a problem with one
document is reported and the batch goes on.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from spacy.tokens import Doc

from . import dedup
from .ingest import IngestProblem, read_inputs
from .ingest.dates import dateline_day
from .model import Document, Extraction
from .nlp import STAGES, build_pipeline
from .settings import DEFAULT_MODEL
from .store import Store

# spaCy's default limit is 1M characters; a long report may exceed it, memory allows more.
MAX_CHARS = 2_000_000


class Extractor:
    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 16,
                 stages: Iterable[str] = STAGES):
        self.nlp = build_pipeline(model, stages)
        self.nlp.max_length = MAX_CHARS
        self.batch_size = batch_size

    def extract(self, documents: Iterable[Document]) -> Iterator[Extraction | IngestProblem]:
        """One Extraction per document, or a problem for a document that cannot be analysed."""
        documents = iter(documents)
        while batch := list(islice(documents, self.batch_size)):
            yield from self._extract_batch(batch)

    def _extract_batch(self, batch: list[Document]) -> Iterator[Extraction | IngestProblem]:
        sized = [d for d in batch if len(d.text) <= MAX_CHARS]
        for doc in batch:
            if len(doc.text) > MAX_CHARS:
                yield IngestProblem(_where(doc),
                                    f"text too long ({len(doc.text):,} > {MAX_CHARS:,} characters)")
        try:
            analysed = list(self.nlp.pipe([self._make_doc(d) for d in sized]))
        except Exception:  # isolate the document that broke the batch
            yield from (self._extract_one(d) for d in sized)
            return
        for document, doc in zip(sized, analysed):
            yield _collect(document, doc)

    def _extract_one(self, document: Document) -> Extraction | IngestProblem:
        try:
            return _collect(document, self.nlp(self._make_doc(document)))
        except Exception as exc:
            return IngestProblem(_where(document),
                                 f"analysis failed: {type(exc).__name__}: {exc}")

    def _make_doc(self, document: Document) -> Doc:
        doc = self.nlp.make_doc(document.text)
        doc._.sitrep_published = document.published
        return doc


def _collect(document: Document, doc: Doc) -> Extraction:
    return Extraction(
        document=document,
        places=doc._.sitrep_places or [],
        events=doc._.sitrep_events or [],
        claims=doc._.sitrep_claims or [],
        quantities=doc._.sitrep_quantities or [],
        times=doc._.sitrep_times or [],
    )


@dataclass
class RunReport:
    stored: int = 0
    already_stored: int = 0
    duplicates: int = 0
    skipped: int = 0
    problems: list[IngestProblem] = field(default_factory=list)
    emitted: int = 0

    @property
    def failed(self) -> bool:
        return any(not p.skipped for p in self.problems)


ProblemHandler = Callable[[IngestProblem], None]
Progress = Callable[[int], None]


def _dated(item: Document, published: str | None) -> str | None:
    """The date given on the command line, or the day of a dateline that wrote no year
    ("KYIV, Nov 19 (Reuters)") in the year that date puts it in: the report's own day wins."""
    head = item.meta.get("dateline")
    return (dateline_day(head, published) if head and published else None) or published


def _fresh_documents(paths: list[str], report: RunReport, on_problem: ProblemHandler,
                     is_known: Callable[[str], bool], stdin=None,
                     published: str | None = None) -> Iterator[Document]:
    """Documents not seen before; problems reported as they are met. `published` dates
    the documents that carry no date of their own."""
    seen: set[str] = set()
    for item in read_inputs(paths, stdin=stdin):
        if isinstance(item, IngestProblem):
            _note(report, on_problem, item)
            continue
        item.published = item.published or _dated(item, published)
        doc_id = item.doc_id
        if doc_id in seen:
            _note(report, on_problem, IngestProblem(
                _where(item),
                f"skipped: same text and source as an earlier input (doc_id {doc_id})", True))
            continue
        if is_known(doc_id):
            report.already_stored += 1
            continue
        seen.add(doc_id)
        yield item


def ingest(paths: list[str], store: Store, extractor: Extractor,
           on_problem: ProblemHandler = lambda p: None, on_progress: Progress = lambda n: None,
           stdin=None, published: str | None = None) -> RunReport:
    """Analyse and store every new document; re-running the same inputs adds nothing."""
    report = RunReport()
    finder = dedup.DuplicateFinder()
    finder.seed(store.signatures(), store.text_of)
    documents = _fresh_documents(paths, report, on_problem, store.has, stdin, published)
    for result in extractor.extract(documents):
        if isinstance(result, IngestProblem):
            _note(report, on_problem, result)
            continue
        signature = _mark_duplicate(finder, result)
        try:
            stored = store.write(result, signature and dedup.to_bytes(signature))
        except (sqlite3.Error, OverflowError, ValueError) as exc:
            # store.write rolled the document back; the next one may still fit.
            _note(report, on_problem, IngestProblem(_where(result.document),
                  f"not stored: {type(exc).__name__}: {exc}"))
            continue
        _remember(finder, result, signature)
        report.stored += stored
        report.duplicates += stored and result.duplicate_of is not None
        on_progress(1)
    return report


def extract(paths: list[str], extractor: Extractor, emit: Callable[[Extraction], None],
            on_problem: ProblemHandler = lambda p: None, on_progress: Progress = lambda n: None,
            stdin=None, published: str | None = None) -> RunReport:
    """Analyse documents without a database; duplicates are found within this batch."""
    report = RunReport()
    finder = dedup.DuplicateFinder()
    documents = _fresh_documents(paths, report, on_problem, lambda _: False, stdin, published)
    for result in extractor.extract(documents):
        if isinstance(result, IngestProblem):
            _note(report, on_problem, result)
            continue
        signature = _mark_duplicate(finder, result)
        try:
            emit(result)
        except ValueError as exc:  # e.g. a value JSON cannot carry
            _note(report, on_problem, IngestProblem(_where(result.document),
                  f"not written: {type(exc).__name__}: {exc}"))
            continue
        _remember(finder, result, signature)
        report.duplicates += result.duplicate_of is not None
        report.emitted += 1
        on_progress(1)
    return report


def _note(report: RunReport, on_problem: ProblemHandler, problem: IngestProblem) -> None:
    report.skipped += problem.skipped
    report.problems.append(problem)
    on_problem(problem)


def _where(document: Document) -> str:
    return document.origin or document.source


def _mark_duplicate(finder: dedup.DuplicateFinder, result: Extraction):
    """Set `duplicate_of` from the documents kept so far; the signature is returned for
    `_remember`, which runs only once the document is kept, so a failed one is no original."""
    signature = dedup.signature(result.document.text)
    if signature is not None:
        result.duplicate_of, _ = finder.check(result.document.doc_id, signature)
    return signature


def _remember(finder: dedup.DuplicateFinder, result: Extraction, signature) -> None:
    if signature is not None:
        finder.add(result.document.doc_id, signature, result.duplicate_of)
