"""Named armed and political groups as event actors: "the Rapid Support Forces", "Hamas".

The actor nouns of data/events_actors.tsv name a state's forces through a country word
("Russian troops"); a group that fights under its own name needs that name. The names are in
data/events_groups.tsv, matched as written on token boundaries, longest first.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span

from sitrep.tables import load_table


@lru_cache(maxsize=1)
def _groups() -> tuple[dict[str, str], int]:
    table = {name: actor for name, actor in load_table("events_groups.tsv")}
    # Tokens per name as spaCy splits it: "al-Shabaab" is three ("al", "-", "Shabaab").
    longest = max(len(name.replace("-", " - ").split()) for name in table)
    return table, longest


def is_group_name(text: str) -> bool:
    """"Hamas" is a group, never the German town GeoNames also spells that way."""
    return text in _groups()[0]


def named_groups(sent: Span) -> list[tuple[int, int, str]]:
    """(first token, end token, actor) of each group the sentence names. A name joined to
    the next word by a hyphen describes something else: "the Hamas-run ministry"."""
    table, longest = _groups()
    doc, found, i = sent.doc, [], sent.start
    while i < sent.end:
        for end in range(min(i + longest, sent.end), i, -1):
            actor = table.get(doc[i:end].text)
            if actor and not (end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_):
                found.append((i, end, actor))
                i = end
                break
        else:
            i += 1
    return found
