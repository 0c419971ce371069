"""Attribution: which reporting cue introduces which content, and who the source is.

Shared by the claims stage (each attribution becomes a `Claim`) and the events stage (an event
inside attributed content has a source claimant; an event inside a denial is not coded).

A cue is a reporting verb (data/claims_cues.tsv) or "according to". The speaker is found
through the dependency parse (the cue's subject, or the object of "according to") and the
content is what the cue governs (its clausal complement, or the rest of the sentence when the
cue is a parenthetical "..., the governor said."). Sentences are spaCy's, also cut at
paragraph breaks, with a leading dateline dropped (see `sitrep.segments`).

Rule-based on purpose: transparent, no training data, predictable misses. Not covered:
beliefs and perceptions ("he figures that ..."), nested attributions (each cue is its own
attribution), contents that run over several sentences. A pronoun speaker ("he said") is
resolved to the nearest earlier named speaker (or, for "it", an earlier subject in the same
sentence).

The source's state is read in `sitrep.affiliation`, how firmly a passage is reported in
`sitrep.hedges`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

import sitrep.nlp  # noqa: F401  (declares the doc._.sitrep_* extensions)
from sitrep.segments import segments, text_of
from sitrep.tables import load_table

QUOTES = "\"'“”‘’«»"
# doc.user_data key of the attributions, computed once per Doc and read by both stages.
ATTRIBUTIONS_KEY = "sitrep_attributions"
SOURCE_NOUNS = frozenset("statement report post bulletin update message briefing communique estimate figure data".split())
PRONOUNS = frozenset("he she it they".split())
SUBJECT_DEPS = ("nsubj", "nsubjpass")
CONTENT_DEPS = ("ccomp", "xcomp")


@lru_cache(maxsize=1)
def cue_table() -> dict[str, tuple[str, bool, float]]:
    return {lemma: (stance, hedge == "1", float(w)) for lemma, stance, hedge, w in load_table("claims_cues.tsv")}


@dataclass
class Attribution:
    """One cue with its speaker and content, in character offsets of the Doc."""

    cue: Span
    speaker: Span | None  # as written; may be a pronoun
    content_start: int
    content_end: int
    stance: str
    direct_quote: bool
    cue_hedged: bool
    strength: float
    antecedent: Span | None = None  # what a pronoun speaker stands for

    @property
    def source(self) -> Span | None:
        return self.antecedent if self.antecedent is not None else self.speaker


# ---------------------------------------------------------------- parse helpers


def _trimmed(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """Offsets without surrounding spaces, punctuation, 'that' and quote marks; and whether quoted."""
    quoted, changed = False, True
    while changed and start < end:
        changed = False
        while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
            start, changed = start + 1, True
        while start < end and (text[end - 1].isspace() or text[end - 1] in ",;:.—–-"):
            end, changed = end - 1, True
        if text[start:end].lower().startswith("that "):
            start, changed = start + 5, True
        if start < end and text[start] in QUOTES:
            start, changed, quoted = start + 1, True, True
        if start < end and text[end - 1] in QUOTES:
            end, changed, quoted = end - 1, True, True
    return start, end, quoted


def _between_quotes(text: str, start: int, end: int) -> bool:
    """Content whose nearest non-space neighbours are quote marks ('"We held," he said')."""
    before = text[max(0, start - 3) : start].rstrip()
    after = text[end : end + 3].lstrip(" ,.")
    return bool(before) and before[-1] in QUOTES and bool(after) and after[0] in QUOTES


def _subtree_chars(token: Token) -> tuple[int, int]:
    return token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)


def _content_chars(content: Token, cue: Token) -> tuple[int, int]:
    """The complement's subtree; when it ends in a bare "and", the parser hung the second conjunct
    on the cue ("said four were killed and nine wounded ..."), and the content runs on over it."""
    start, end = _subtree_chars(content)
    last = content.right_edge
    after = cue.doc[last.i + 1] if last.i + 1 < len(cue.doc) else None
    if last.dep_ == "cc" and after is not None and after.dep_ == "conj" and after.head == cue:
        end = max(end, _subtree_chars(after)[1])
    return start, end


def _speaker_span(token: Token) -> Span:
    """The subject's phrase without relative clauses; for "the ministry's statement", the ministry."""
    if token.lemma_.lower() in SOURCE_NOUNS:
        owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
        agent = next((g for c in token.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")
                      for g in c.children if g.dep_ == "pobj"), None)
        token = owner or agent or token
    doc = token.doc
    start, end = token.left_edge.i, token.right_edge.i + 1
    cut = [c.left_edge.i for c in token.rights if c.dep_ in ("relcl", "acl")]
    end = min([end, *cut])
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].dep_ == "case" or doc[end - 1].is_space):
        if _closes_bracket(doc[start:end]):
            break  # "US Central Command (CENTCOM)": the acronym's bracket is part of the name
        end -= 1
    return doc[start:end]


# Words with which a speaker dismisses what is said of them: the claim is a denial.
_DISMISSAL = re.compile(r"\b(?:fabricat\w*|baseless|groundless|propaganda|untrue|not true|"
                        r"lies|fake news|disinformation|no basis in fact)\b", re.IGNORECASE)


def _speaker_in(speaker: Span, seg: Span) -> Span | None:
    """The part of a speaker's phrase inside the sentence: a dateline the parser hung on the
    subject is the report's place and date, not who speaks."""
    doc, start = speaker.doc, max(speaker.start, seg.start)
    while start < speaker.end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return doc[start:speaker.end] if start < speaker.end else None


def _closes_bracket(span: Span) -> bool:
    return span[-1].text == ")" and span.text.count("(") == span.text.count(")")


def _passive_subject(cue: Token) -> Token | None:
    """The subject of a passive cue ("no injuries were reported"): what is reported, not who reports."""
    return next((c for c in cue.children if c.dep_ == "nsubjpass"), None)


def _agent(cue: Token) -> Token | None:
    """Who reports in the passive: "it was reported by TASS that ..."."""
    return next((g for c in cue.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)


def _subject(cue: Token) -> Token | None:
    """The cue's subject. Coordinated verbs share their subject ("made no mention ... but said");
    a subject-less participle ("..., saying that") borrows the subject of the nearest cue above it."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in cue.children):
        return _agent(cue)
    node = cue
    while True:
        subject = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and (node == cue or node.dep_ != "ccomp" or node.lemma_.lower() in cue_table()):
            return subject
        if node.head == node:
            return None
        if node.dep_ == "conj" and node == cue:
            node = node.head
            continue
        if cue.dep_ not in ("advcl", "xcomp", "conj"):
            return None
        if cue.dep_ == "advcl" and node == cue and cue.tag_ in FINITE_TAGS:
            return _as_speaker(cue)
        node = node.head
        if node.lemma_.lower() in cue_table():
            return next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)


FINITE_TAGS = frozenset({"VBZ", "VBP", "VBD", "MD"})
RELATIVE_PRONOUNS = frozenset("which who that".split())


def _relative_antecedent(subject: Token) -> Token:
    """For "the SDF, which denied ...", the SDF: a relative pronoun names no one by itself."""
    clause = subject.head
    if subject.lower_ in RELATIVE_PRONOUNS and subject.tag_ in ("WDT", "WP") and clause.dep_ == "relcl":
        return clause.head
    return subject


def _as_speaker(cue: Token) -> Token | None:
    """A finite cue without a subject, "... as Ukraine says it retook ...": the parser made the
    speaker the object of "as". Its subject is never the main clause's: that is someone else."""
    before = cue.doc[cue.i - 1] if cue.i > 0 else None
    if before is not None and before.dep_ == "pobj" and before.head.lower_ == "as":
        return before
    return None


def _trailing_speaker(cue: Token, start: int, end: int) -> tuple[Span, int] | None:
    """'<content>, the head of the city administration said': the parser hung the speaker inside the
    content; take the phrase between the last comma and the cue as speaker, and end content there."""
    doc = cue.doc
    if end < cue.idx - 1 or cue.i == 0:
        end = cue.idx
    # The last comma before the cue, walking back only as far as the content's start (which is
    # inside the cue's sentence): a scan from the sentence start made run-on texts quadratic.
    comma = next((t for t in reversed(doc[: cue.i]) if t.idx <= start or t.text == ","), None)
    if comma is None or comma.text != "," or comma.idx <= start:
        return None
    phrase = doc[comma.i + 1 : cue.i]
    if not (0 < len(phrase) <= 12) or not any(t.pos_ in ("NOUN", "PROPN") for t in phrase):
        return None
    return phrase, comma.idx


# ---------------------------------------------------------------- cues

# What may follow a cue that closes its sentence: "..., officials said on Friday in a statement."
TRAILING_DEPS = frozenset({"prep", "npadvmod", "advmod", "punct", "agent"})


def _parenthetical(cue: Token) -> bool:
    """A cue after its content: "Two were killed, the governor said." The parser makes such a cue a
    complement of the content's verb, or (when the speaker is a coordination) a conjunct of it."""
    if cue.head.i >= cue.i:
        return False
    if cue.dep_ in ("ccomp", "parataxis"):
        return True
    return cue.dep_ == "conj" and all(c.dep_ in TRAILING_DEPS for c in cue.rights) and any(
        t.text == "," for t in cue.doc[cue.head.i : cue.i])


CLAUSE_DEPS = frozenset({"advcl", "ccomp", "parataxis", "dep", "conj", "csubj"})
# Participles that set the scene of the speaking, not what was said: "Speaking to reporters, ...".
SCENE_VERBS = frozenset("speak talk ask address respond reply comment appear visit".split())


def _fronted_clause_end(cue: Token) -> int | None:
    """Where the content ends when the parser made it a clause on the cue's left that is no
    complement: "Fighting flared on Wednesday, killing nine, the Observatory said." (the cue is the
    root, "Fighting" its adverbial clause). Not an introduction that is followed by a quote
    ("Speaking in Kyiv, he said:") or a subordinate one ("As fighting raged, ...")."""
    subject = next((c for c in cue.lefts if c.dep_ == "nsubj"), None)
    if subject is None or subject.left_edge.i == 0 or any(c.text == ":" for c in cue.rights):
        return None
    comma = cue.doc[subject.left_edge.i - 1]
    clauses = [c for c in cue.lefts if c.i < comma.i and c.dep_ in CLAUSE_DEPS and c.pos_ in ("VERB", "AUX")]
    if comma.text != "," or not clauses or any(
            c.lemma_.lower() in SCENE_VERBS or any(g.dep_ == "mark" for g in c.children) for c in clauses):
        return None
    return comma.idx


def _adds_to(cue: Token) -> bool:
    """ "adding to the 6.9 million already displaced" increases a number; it reports nothing."""
    after = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
    return cue.lemma_.lower() == "add" and after is not None and after.lower_ == "to" and after.head == cue


def _verb_attribution(cue: Token, seg: Span) -> Attribution | None:
    stance, cue_hedge, strength = cue_table()[cue.lemma_.lower()]
    if any(c.dep_ == "neg" for c in cue.children) and stance != "denies":
        return None  # "did not say" asserts nothing
    if _adds_to(cue):
        return None
    passive = _passive_subject(cue)
    if passive is not None and passive.lower_ != "it":
        return None  # "no injuries were reported", "he was said to have fled": no one says it here
    doc, text = cue.doc, text_of(cue.doc)
    complements = [c for c in cue.children if c.dep_ in CONTENT_DEPS]
    # "Russia claims X; Ukraine says Y": what follows the cue is its content; a complement on its left
    # is the content only when nothing follows ("Two were killed, the governor said").
    content = next((c for c in complements if c.i > cue.i), complements[0] if complements else None)
    if content is not None:
        start, end = _content_chars(content, cue)
        # "denied that X, saying Y": Y is a claim of its own, not part of the denial.
        inner = [t.left_edge.idx for t in content.subtree if t.dep_ == "advcl" and t.lemma_.lower() in cue_table()]
        end = min([end, *inner])
    elif _parenthetical(cue):
        # Parenthetical cue: "Two were killed, the governor said." -- content precedes the cue clause.
        start, end, strength = seg.start_char, cue.left_edge.idx, strength - 0.1
    elif (fronted := _fronted_clause_end(cue)) is not None:
        start, end, strength = seg.start_char, fronted, strength - 0.1
    else:
        obj = next((c for c in cue.children if c.dep_ in ("dobj", "attr")), None)
        if obj is None or obj.pos_ == "PRON" or (len(list(obj.subtree)) < 3 and stance != "denies"):
            return None
        start, end = _subtree_chars(obj)
        strength -= 0.2
    start, end, quoted = _trimmed(text, max(start, seg.start_char), min(end, seg.end_char))
    if end - start < 3:
        return None
    quoted = quoted or _between_quotes(text, start, end)
    subject = _subject(cue)
    if subject is not None and subject.i < seg.start:
        # "YANGON, Nov 20 (Dispatch) - The Arakan Army said": the parser may make the
        # dateline a subject too; the one inside the sentence speaks.
        subject = next((c for c in cue.children if c.dep_ == "nsubj" and c.i >= seg.start), None)
    subject = _relative_antecedent(subject) if subject is not None else None
    speaker = _speaker_span(subject) if subject is not None and subject.i != cue.i else None
    if speaker is not None and speaker.start < seg.start:
        speaker = _speaker_in(speaker, seg)
    tangled = speaker is not None and speaker.start_char < end and speaker.end_char > start
    if (speaker is None or tangled) and start < cue.idx and (rescued := _trailing_speaker(cue, start, end)):
        # A subject inside the content was borrowed from the verb the parser hung the cue on
        # ("Russian forces advanced ..., officers said" with "said" as a conjunct of "advanced").
        speaker, end = rescued[0], min(end, rescued[1])
        start, end, _ = _trimmed(text, start, end)
    if speaker is not None and (speaker.start_char < end and speaker.end_char > start or len(speaker) == 0):
        speaker = None  # the parse tangled speaker and content; keep the content only
    if speaker is None:
        strength -= 0.2  # "it was reported that ..."
    if stance == "asserts" and _DISMISSAL.search(text, start, end):
        stance = "denies"  # "These allegations are fabrications", "called the report propaganda"
    return Attribution(doc[cue.i : cue.i + 1], speaker, start, end, stance, quoted, cue_hedge, strength)


def _according_to(token: Token, seg: Span) -> Attribution | None:
    doc = token.doc
    if token.i + 1 >= seg.end or doc[token.i + 1].lower_ != "to":
        return None
    obj = next((c for c in doc[token.i + 1].children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    speaker = _speaker_span(obj)
    phrase_end = obj.right_edge.idx + len(obj.right_edge.text)
    before = _trimmed(text_of(doc), seg.start_char, token.idx)
    after = _trimmed(text_of(doc), phrase_end, seg.end_char)
    start, end, quoted = after if after[1] - after[0] >= before[1] - before[0] else before
    if end - start < 3:
        return None
    return Attribution(doc[token.i : token.i + 2], speaker, start, end, "asserts", quoted, False, 0.85)


def attributions_in(seg: Span) -> list[Attribution]:
    """Every reporting cue in the segment with its speaker and content (pronouns unresolved)."""
    found: list[Attribution | None] = []
    cues = cue_table()
    for token in seg:
        if token.lower_ == "according":
            found.append(_according_to(token, seg))
        elif token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in cues and token.dep_ not in ("amod", "compound"):
            found.append(_verb_attribution(token, seg))
    return [a for a in found if a is not None]


def doc_attributions(doc: Doc) -> list[tuple[Span, list[Attribution]]]:
    """Attributions per segment, pronoun speakers resolved against earlier ones.

    Computed once per Doc (kept in `doc.user_data`): the events and claims stages both read it.
    """
    cached = doc.user_data.get(ATTRIBUTIONS_KEY)
    if cached is None:
        cached = doc.user_data[ATTRIBUTIONS_KEY] = _find_attributions(doc)
    return cached


def _find_attributions(doc: Doc) -> list[tuple[Span, list[Attribution]]]:
    result: list[tuple[Span, list[Attribution]]] = []
    named: list[Span] = []  # earlier non-pronoun speakers, latest last
    for seg in segments(doc):
        found = attributions_in(seg)
        for attribution in found:
            speaker = attribution.speaker
            if speaker is not None and len(speaker) == 1 and speaker[0].lower_ in PRONOUNS:
                attribution.antecedent = _antecedent(speaker[0], attribution.cue[0], named)
            elif speaker is not None:
                named.append(speaker)
        result.append((seg, found))
    return result


def _antecedent(pronoun: Token, cue: Token, named: list[Span]) -> Span | None:
    if pronoun.lower_ in ("it", "they"):
        # "The ministry did not mention X, but it said ...": the subject of a verb the cue hangs on.
        for verb in cue.ancestors:
            subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
                return _speaker_span(subject)
    return named[-1] if named else None
