"""Near-duplicate detection with real MinHash/LSH on team-written texts."""

from __future__ import annotations

from sitrep import dedup

WIRE = (
    "Russian forces struck the eastern town of Kostiantynivka with guided aerial bombs on "
    "Tuesday, damaging a school and two apartment blocks, the regional governor said. "
    "Rescue teams worked through the night to clear rubble from the school gym, and the "
    "governor said four residents were taken to hospital with shrapnel wounds. Ukraine's "
    "General Staff said its troops had repelled eleven assaults near the town over the past "
    "day, a claim that could not be independently verified."
)
RESPUN = (
    "By our correspondent. " + WIRE.replace("damaging a school", "hitting a school")
    .replace("Rescue teams worked through the night", "Emergency crews worked overnight")
)
OTHER = (
    "Farmers in the Poltava region began the wheat harvest early this year after a dry "
    "spring, and agronomists expect yields close to last season's, the ministry said. "
    "Exporters are watching freight rates through the Black Sea corridor closely."
)


def _finder_with(*texts: str) -> dedup.DuplicateFinder:
    finder = dedup.DuplicateFinder()
    for i, text in enumerate(texts):
        finder.add(f"d{i}", dedup.signature(text), None)
    return finder


def test_respun_copy_points_to_original():
    finder = _finder_with(WIRE, OTHER)
    found, similarity = finder.check("new", dedup.signature(RESPUN))
    assert found == "d0" and similarity >= dedup.THRESHOLD


def test_different_story_is_not_a_duplicate():
    finder = _finder_with(WIRE)
    assert finder.check("new", dedup.signature(OTHER)) == (None, 0.0)


def test_a_copy_of_a_copy_joins_the_first_cluster():
    # Only the second copy is indexed, and it records that it belongs to d0's cluster: a match
    # on it must be reported as d0, the cluster's first document.
    finder = dedup.DuplicateFinder()
    finder.seed([("d1", dedup.to_bytes(dedup.signature(RESPUN)), "d0")])
    third = RESPUN.replace("By our correspondent. ", "Updated at 14:00. ")
    assert finder.check("d2", dedup.signature(third))[0] == "d0"


def test_signature_round_trips_through_bytes():
    sig = dedup.signature(WIRE)
    finder = dedup.DuplicateFinder()
    finder.seed([("stored", dedup.to_bytes(sig), None)])
    assert finder.check("new", dedup.signature(RESPUN))[0] == "stored"


def test_texts_without_words_are_never_duplicates():
    assert dedup.signature("!!! ... ???") is None
    assert dedup.signature(WIRE) is not None
