"""What a claim measures: the quantity phrase read from the figure's clause (table-driven)."""

from __future__ import annotations

import pytest

from workbench.extract import extract_text
from workbench.quantity import Quantity, concept_keys, describe, parse


def quantity_of(sentence: str, surface: str, noun: str | None = None) -> Quantity:
    i = sentence.index(surface)
    return describe(sentence, i, i + len(surface), noun)


# (sentence, figure, expected direction, expected time, a word the concept must hold)
CASES = [
    ("Laptop shipments fell 2% in the quarter.", "2%", "down", None, "laptop"),
    ("Tablet shipments rose 2% in the quarter.", "2%", "up", None, "tablet"),
    ("Revenue grew 9% to $12.3bn.", "$12.3bn", None, None, "revenue"),
    ("The toll has risen to 23, officials said.", "23", None, None, "toll"),
    ("A poll a week earlier had shown 55% for the plan.", "55%", "for", "earlier", "poll"),
    ("Voters rejected the plan, with 52% against.", "52%", "against", None, None),
    ("It was the strongest since a 1987 quake that killed 18 people.", "18", None, "1987", "killed"),
    ("Cloud sales rose 9%, down from 16% a year earlier.", "16%", None, "earlier", None),
    ("In the last walkout, in March, about 40,000 nurses took part.", "about 40,000", None, "last", "nurses"),
    ("Shares dropped 2.5% on the news.", "2.5%", "down", None, "shares"),
    ("Organisers said 180,000 marchers crossed the city.", "180,000", None, None, "marchers"),
    # a clause of the figure alone: what the clause before names, at that clause's time
    ("The Farmers' League, with 14.2%, came third.", "14.2%", None, None, "league"),
    ("A survey last month put support at 61%, with 30% against.", "30%", "against", "last", "survey"),
    # a relative "that" after a noun keeps the noun's clause (and its year); only a reported "that" cuts
    ("Rescuers recalled a 1998 flood that drowned 41 villagers.", "41", None, "1998", "villagers"),
    # an earlier reading of the same day's running count is not another time; another period's figure is
    ("Nine miners are now known to have died, up from 6 in the morning.", "6", None, None, None),
    ("Nine miners are now known to have died, up from 6 earlier in the day.", "6", None, None, None),
    ("Exports rose 3%, down from 5% a year before.", "5%", None, "earlier", None),
]


@pytest.mark.parametrize("sentence,surface,direction,time,word", CASES)
def test_direction_time_and_concept(sentence, surface, direction, time, word):
    q = quantity_of(sentence, surface)
    assert q.direction == direction, q
    assert q.time == time, q
    if word:
        assert word in q.concept.split(), q


def test_the_source_is_not_what_is_measured():
    q = quantity_of("Exports rose 4%, the statistics office said.", "4%")
    q_attr = describe("Exports rose 4%, the statistics office said.", 12, 14, None, "the statistics office")
    assert "exports" in q.concept and "office" not in q_attr.concept


@pytest.mark.parametrize("q", [Quantity("cloud sales", "up", None), Quantity("deaths", None, "1987"),
                               Quantity("turnout", None, None), Quantity("vote", "against", "earlier")])
def test_phrase_round_trips(q):
    assert parse(q.phrase) == q
    assert parse(None) is None


def test_classes_of_words_for_one_measured_thing():
    assert "deaths" in concept_keys("people killed").split()
    assert "deaths" in concept_keys("toll").split()
    assert "deaths" not in concept_keys("homes destroyed").split()


def test_the_extractor_fills_the_quantity():
    claims = extract_text("Laptop shipments fell 2% in the quarter, while tablet shipments rose 2%.")
    phrases = [c.quantity for c in claims]
    assert len(claims) == 2 and all(phrases)
    assert parse(phrases[0]).direction == "down" and parse(phrases[1]).direction == "up"
    assert "laptop" in phrases[0] and "tablet" in phrases[1]


# Classes of writing whose concept must not take words of a neighbouring clause or words that say nothing of
# what is measured: (sentence, figure, words the concept must hold, words it must not)
CLEAN_CASES = [
    # a figure after "and" opens a clause of its own: the first clause's words are not its concept
    ("The council said 40 homes had been destroyed and 600 residents had been moved.", "600",
     {"residents", "moved"}, {"homes", "destroyed"}),
    ("Shipments fell 3% and revenue rose 5% in the year.", "5%", {"revenue"}, {"shipments"}),
    ("About 200 were hurt but 12 people died.", "12", {"people", "died"}, {"hurt"}),
    # a hedge's own joiner ("as many as", "more than") is part of the figure, not a clause boundary
    ("Unions said as many as 300,000 workers joined the stoppage.", "300,000", {"workers"}, set()),
    # determiners and measure words ("another", "the number of", "a total of") are not what is measured
    ("Another 22 people are still missing.", "22", {"people", "missing"}, {"another"}),
    ("The number of passengers reached 4,100 a day.", "4,100", {"passengers"}, {"number"}),
    ("A total of 35 stations will close.", "35", {"stations"}, {"total"}),
    # a day named in the possessive ("Saturday's march") is a time of the event, not its concept
    ("About 22,000 people joined Saturday's march.", "About 22,000", {"people", "march"}, {"saturday"}),
    # a verb of level or change ties the figure to its subject: the subject's head is what is measured, not
    # the words of a long modifier nearest the verb
    ("The official death toll from the storm in the eastern provinces climbed to 31 on Monday.", "31",
     {"death", "toll"}, {"provinces", "eastern"}),
    ("The number of families housed in schools stood at 2,300.", "2,300", {"families"}, {"number"}),
    ("Average rents across the capital's outer boroughs reached £1,640 a month.", "£1,640", {"rents"}, set()),
    # the speaker's words before "said ... that" are not what is measured
    ("Police said late on Friday that they had counted 48 arrests.", "48", {"arrests"}, {"late", "police"}),
    # a joiner right after the figure opens another clause
    ("The toll climbed to 19 as divers reached the hull.", "19", {"toll"}, {"divers", "hull"}),
    ("Exports grew 3% while imports shrank.", "3%", {"exports"}, {"imports"}),
]


@pytest.mark.parametrize("sentence,surface,must,must_not", CLEAN_CASES)
def test_the_concept_is_the_figures_own_clause_without_empty_words(sentence, surface, must, must_not):
    words = set(quantity_of(sentence, surface).concept.split())
    assert must <= words and not (must_not & words), words


# Only a share or a count takes a side: (sentence, figure, kind, expected direction)
SIDE_CASES = [
    ("The state offered a $40 million package for retraining.", "$40 million", "money", None),
    ("Crews built a 22km line for the airport.", "22km", "measure", None),
    ("The assembly voted 312 for and 280 against.", "312", "count", "for"),
    ("A poll put support at 55% for the plan.", "55%", "percent", "for"),
    ("Voters rejected the plan, with 52% against.", "52%", "percent", "against"),
]


@pytest.mark.parametrize("sentence,surface,kind,direction", SIDE_CASES)
def test_only_shares_and_counts_are_for_or_against(sentence, surface, kind, direction):
    i = sentence.index(surface)
    assert describe(sentence, i, i + len(surface), kind=kind).direction == direction


# A figure given for a quantity the article has named already takes that quantity's concept:
# (text, figure, words its concept must hold)
REFERENCE_CASES = [
    ("The union said 78% of teachers walked out. The ministry put the figure at 31%.", "31%", {"teachers"}),
    ("At dawn 17 people were missing. By the evening that number had fallen to 11.", "11", {"missing"}),
    ("The mayor said 14 residents were missing. The agency gave a lower figure of 9.", "9", {"residents"}),
]


@pytest.mark.parametrize("text,surface,must", REFERENCE_CASES)
def test_a_figure_for_the_figure_takes_the_quantity_named_before(text, surface, must):
    (claim,) = [c for c in extract_text(text) if c.surface == surface]
    assert must <= set(parse(claim.quantity).concept.split()), claim.quantity


def test_a_count_that_names_what_it_counts_keeps_its_own_quantity():
    claims = extract_text("The mayor said 14 residents were missing. The number of passengers reached 4,100.")
    assert "passengers" in parse(claims[-1].quantity).concept.split()
    assert "residents" not in parse(claims[-1].quantity).concept.split()
