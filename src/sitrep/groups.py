"""Named armed and political groups as event actors: "the Rapid Support Forces", "Hamas".

The actor nouns of data/events_actors.tsv name a state's forces through a country word
("Russian troops"); a group that fights under its own name needs that name. The names are in
data/events_groups.tsv, matched as written on token boundaries, longest first.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span

from sitrep.tables import load_table


@lru_cache(maxsize=1)
def _groups() -> tuple[dict[str, str], int, frozenset[str]]:
    table = {name: actor for name, actor in load_table("events_groups.tsv")}
    # Tokens per name, counted as generously as spaCy splits: "al-Shabaab" is three ("al",
    # "-", "Shabaab"), "People's" two. Only a token that opens some name starts a match.
    pieces = [re.findall(r"\w+|[^\w\s]", name) for name in table]
    return table, max(map(len, pieces)), frozenset(words[0] for words in pieces)


def is_group_name(text: str) -> bool:
    """"Hamas" is a group, never the German town GeoNames also spells that way."""
    return text in _groups()[0]


def named_groups(sent: Span) -> list[tuple[int, int, str]]:
    """(first token, end token, actor) of each group the sentence names. A name that is a
    person's ("Richard Wagner's opera"), or that describes something it runs or backs ("the
    Hamas-run ministry", "al-Qaeda-linked"), names no actor."""
    table, longest, openers = _groups()
    doc, found, i = sent.doc, [], sent.start
    while i < sent.end:
        if doc[i].text not in openers:
            i += 1
            continue
        for end in range(min(i + longest, sent.end), i, -1):
            actor = table.get(doc[i:end].text)
            if actor and not _describes_other(doc, i, end):
                found.append((i, end, actor))
                i = end
                break
        else:
            i += 1
    return found


_RUN_BY = frozenset("run controlled held administered owned affiliated linked backed aligned "
                    "allied funded".split())


def _describes_other(doc, start: int, end: int) -> bool:
    if any(t.ent_type_ == "PERSON" for t in doc[start:end]):
        return True
    return (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
            and doc[end + 1].lower_ in _RUN_BY)
