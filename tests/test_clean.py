from hypothesis import given, settings
from hypothesis import strategies as st

from kgraph.clean import Cleaner

NAMES = ["Russia", "Ukraine", "Biden", "NATO", "US", "Turkey", "Sweden", "France", "America", "Trump"]


def repaired(text: str) -> str:
    return Cleaner(NAMES).repair(text).text


def test_glued_words_are_split():
    assert repaired("The government repeatedlywarned Russiaand its allies") == \
        "The government repeatedly warned Russia and its allies"
    assert repaired("officials agreed tosit down") == "officials agreed to sit down"
    assert repaired("a spokesman for theUSNational Security Council") == \
        "a spokesman for the US National Security Council"
    assert repaired("the principle ofnothing about us") == "the principle of nothing about us"


def test_lost_apostrophes_are_restored():
    assert repaired("Russias troops") == "Russia's troops"
    assert repaired("NATO wont expand") == "NATO won't expand"
    assert repaired("Thats what diplomacy is") == "That's what diplomacy is"
    # real words stay: "its", and names that end in s
    assert repaired("its concerns") == "its concerns"
    # a name + "s" that is a word or name of its own is no lost possessive
    assert repaired("Frances Smith said") == "Frances Smith said"
    assert repaired("across the Americas") == "across the Americas"
    assert repaired("praised Trumps decision") == "praised Trump's decision"  # a noun follows: a possessive


def test_sentence_and_punctuation_joins():
    assert repaired("with Russia.President Biden said") == "with Russia. President Biden said"
    assert repaired("on January 10,a spokesman") == "on January 10, a spokesman"
    assert repaired("two tracks:deterrence and diplomacy") == "two tracks: deterrence and diplomacy"
    # numbers, abbreviations and URLs are left alone
    assert repaired("10,000 troops from the U.S.Army") == "10,000 troops from the U.S.Army"
    assert repaired("see https://example.org/Russiaand,x") == "see https://example.org/Russiaand,x"


def test_agency_datelines_are_removed():
    assert repaired("CNN  US and Russian officials met.") == "US and Russian officials met."
    assert repaired("ANKARA (Reuters) - Turkey said on Monday.") == "Turkey said on Monday."
    # the word inside a sentence stays
    assert repaired("Officials confirmed to CNN that they met.") == "Officials confirmed to CNN that they met."


def test_known_words_are_not_split():
    text = "The parliament ratified the accession protocol, and the ceasefire held in Kyiv."
    assert Cleaner(NAMES).repair(text).text == text


words = st.sampled_from(["repeatedly", "warned", "Russia", "and", "the", "US", "to", "sit", "wont", "Russias",
                         "NATO", "Thats", "of", "nothing", "CNN", "talks", "."])
glue = st.sampled_from(["", " ", "  ", "\n", ",", ".", ":"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(words, glue), max_size=40))
def test_every_span_maps_back_to_the_original_characters(parts):
    original = "".join(w + g for w, g in parts)
    result = Cleaner(NAMES).repair(original)
    surviving = {o for o in result.origin if o >= 0}
    # every original character survives except dateline deletions, and survivors keep their order
    assert [o for o in result.origin if o >= 0] == sorted(surviving)
    n = len(result.text)
    for start in range(0, n + 1, 3):
        for end in range(start, min(n, start + 25) + 1, 4):
            o_start, o_end = result.to_original(start, end)
            assert 0 <= o_start <= o_end <= len(original)
            from_original = "".join(ch for ch, o in zip(result.text[start:end], result.origin[start:end]) if o >= 0)
            expected = "".join(original[i] for i in range(o_start, o_end) if i in surviving)
            assert from_original == expected
            # and what the cleaner inserted is only spaces and apostrophes
            inserted = {ch for ch, o in zip(result.text[start:end], result.origin[start:end]) if o < 0}
            assert inserted <= {" ", "'"}
