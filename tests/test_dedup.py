"""Near-duplicate detection with real MinHash/LSH on team-written texts."""

from __future__ import annotations

from samples import sample_extraction
from sitrep import dedup
from sitrep.store import Store

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

# A regional administration's daily post; the next ones reuse its wording for other
# incidents, as such posts do.
POST = (
    "Overnight, the enemy attacked Nikopol district with artillery and kamikaze drones. A "
    "52-year-old man was wounded in Pokrovske community. Two private houses, a car and a "
    "gas pipeline were damaged, the head of the regional military administration said."
)
OTHER_PLACES = POST.replace("Nikopol", "Synelnykove").replace("Pokrovske", "Mezhova")
OTHER_COUNTS = POST.replace("52-year-old", "71-year-old").replace("Two private", "Three private")
SYNDICATED = (
    "Drone Attack On Nikopol District Wounds Man, Damages Homes\n\n"
    "By Iryna Koval, Dnipro Daily\n\n" + POST + "\n\nFollow Dnipro Daily on Telegram "
    "for updates from the region. Copyright 2024 Dnipro Daily."
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
    finder.seed([("d1", dedup.to_bytes(dedup.signature(RESPUN)), "d0")], {"d1": RESPUN}.get)
    third = RESPUN.replace("By our correspondent. ", "Updated at 14:00. ")
    assert finder.check("d2", dedup.signature(third))[0] == "d0"


def test_signature_round_trips_through_bytes():
    sig = dedup.signature(WIRE)
    finder = dedup.DuplicateFinder()
    finder.seed([("stored", dedup.to_bytes(sig), None)], {"stored": WIRE}.get)
    assert finder.check("new", dedup.signature(RESPUN))[0] == "stored"


def test_texts_without_words_are_never_duplicates():
    assert dedup.signature("!!! ... ???") is None
    assert dedup.signature(WIRE) is not None


def test_template_posts_about_other_places_or_counts_are_not_duplicates():
    # Same wording, but another district and community, or another age and house count:
    # other incidents, which analysts filtering on duplicate_of IS NULL must still see.
    finder = _finder_with(POST)
    assert finder.check("new", dedup.signature(OTHER_PLACES)) == (None, 0.0)
    assert finder.check("new", dedup.signature(OTHER_COUNTS)) == (None, 0.0)


def test_syndicated_copy_with_headline_and_boilerplate_points_to_its_post_only():
    finder = _finder_with(OTHER_PLACES, POST, OTHER_COUNTS)
    assert finder.check("new", dedup.signature(SYNDICATED))[0] == "d1"
    assert _finder_with(OTHER_PLACES, OTHER_COUNTS).check(
        "new", dedup.signature(SYNDICATED)) == (None, 0.0)


def test_respin_writing_counts_as_digits_is_a_copy_but_another_count_is_not():
    digits = RESPUN.replace("four residents", "4 residents").replace("eleven", "11")
    finder = _finder_with(WIRE)
    assert finder.check("new", dedup.signature(digits))[0] == "d0"
    more_hurt = RESPUN.replace("four residents", "nine residents")
    assert finder.check("new", dedup.signature(more_hurt)) == (None, 0.0)


def test_stored_posts_are_compared_on_their_facts_in_a_later_run(tmp_path):
    with Store(tmp_path / "s.db") as store:
        post = sample_extraction(POST, name="Nikopol")
        store.write(post, dedup.to_bytes(dedup.signature(POST)))
        finder = dedup.DuplicateFinder()
        finder.seed(store.signatures(), store.text_of)
        assert finder.check("new", dedup.signature(OTHER_PLACES)) == (None, 0.0)
        assert finder.check("new", dedup.signature(SYNDICATED))[0] == post.document.doc_id


def test_an_update_line_and_a_cut_last_paragraph_still_make_a_copy():
    story = WIRE + "\n\nIn Kramatorsk, officials said 3 more shelters opened on Wednesday."
    copy = "Updated 10:42 GMT, Nov 20, 2025\n\n" + WIRE
    assert _finder_with(story).check("new", dedup.signature(copy))[0] == "d0"
