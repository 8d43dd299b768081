"""A development set of long-form multi-outlet coverage: three invented stories (a typhoon's landfall, a snap
national election, a cholera outbreak), three or four outlets each, articles of some 300 to 400 words with
bylines, update stamps, photo credits and related-headline lists, as real coverage is written.

Written for the project, in its own words, after reading how real outlets report such events: wind speeds
from two agencies in km/h and mph, a government's and an aid agency's evacuation counts, outages that fall
as power returns, preliminary and final turnout, a ministry's, the WHO's and a local official's case
counts; and the same figure for different things (one percentage for advance votes and an exit poll, one
share for the vaccinated and for children among the cases). Every event, party, town and person is
invented. Claims of one ``fact`` state one quantity.

``longform2.jsonl`` beside this file is built from ``ARTICLES`` (offsets from ``str.find``;
``tests/test_stories.py`` checks the file is what this module builds). Regenerate after editing with::

    .venv/bin/python tests/data/longform2_spec.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:  # the gold-spec helper of tests/, when run as a script
    sys.path.insert(0, str(HERE.parent))

from goldspec import C  # noqa: E402
from goldspec import render as render_gold  # noqa: E402

OUT = HERE / "longform2.jsonl"


KMH = "kilometre per hour"
MPH = "mile per hour"

ARTICLES = [
# ================================================================== 1. a typhoon: agencies, units, a running outage
dict(id="fb-storm-1", outlet="Pacific Wire Service",
     title="Typhoon Dalisay slams into northern Philippines, driving 412,000 from homes",
     published="2025-10-19",
     text=("Typhoon Dalisay slams into northern Philippines, driving 412,000 from homes\n\n"
           "Updated 09:40 local time\n\n"
           "TALABAN, Philippines (PWS) — Typhoon Dalisay crashed ashore in Northern Cabrelo province before dawn "
           "on Sunday, peeling roofs off houses, snapping power poles and sending hundreds of thousands of people "
           "into schools, gyms and churches along the northern coast.\n\n"
           "The state weather bureau said the eye crossed the coast near the fishing town of Talaban shortly after "
           "4am with maximum sustained winds of 175 km/h and gusts of up to 230 km/h, just below the 185 km/h at "
           "which the bureau would class a storm as a super typhoon. The US Navy's typhoon warning centre, which "
           "averages wind speeds over a shorter period, put the sustained winds at 130 mph.\n\n"
           "At least six people were killed, most of them by falling trees and collapsing walls, the national "
           "disaster council said in its first report of the day. Officials said the figure was likely to rise once "
           "rescue teams reached coastal villages cut off by landslides.\n\n"
           "The council said 412,000 people had left their homes before landfall, many of them for 1,870 "
           "evacuation centres set up by town halls. “We started moving families on Friday and kept going all of "
           "Saturday, and that is why the toll is not worse,” the provincial governor, Ramon Ilagan, told "
           "reporters by phone. “But a lot of the houses near the shore are simply gone.”\n\n"
           "The grid operator said about 1.3 million homes across five provinces had lost electricity by "
           "mid-morning. Its crews would not begin repairs until the winds dropped, a spokeswoman said.\n\n"
           "Forecasters warned of up to 300 mm of rain over the mountains of Northern Cabrelo in the next 24 hours, "
           "raising the risk of flash floods and more landslides. The storm was moving west at 20 km/h and was "
           "expected to leave the landmass late on Monday and head out over the South China Sea, where it could "
           "briefly regain strength.\n\n"
           "Airlines cancelled 240 domestic flights, and the coast guard held about 9,000 ferry passengers and "
           "cargo crew in port as waves off the northern coast rose above the level at which small boats may sail.\n\n"
           "Dalisay is the strongest storm to hit the province since Typhoon Oriol in 2016, which killed 63 people "
           "and came ashore with winds of 210 km/h.\n\n"
           "Photo: Residents wade through floodwater in Talaban on Sunday. (PWS/Jun Mercado)\n\n"
           "Read more\n\n"
           "Rice prices climb 4% after September floods\n\n"
           "Second storm forms east of Guam"),
     claims=[
        C("412,000", 412000, "count", "storm-evacuated", nth=0),
        C("175 km/h", 175, "measure", "storm-wind-sustained", unit=KMH),
        C("up to 230 km/h", 230, "measure", "storm-wind-gust", unit=KMH, qualifier="upper_bound"),
        C("185 km/h", 185, "measure", "storm-supertyphoon-threshold", unit=KMH),
        C("130 mph", 130, "measure", "storm-wind-sustained", unit=MPH),
        C("At least six people", 6, "count", "storm-deaths", noun="people", qualifier="lower_bound"),
        C("412,000 people", 412000, "count", "storm-evacuated", noun="people"),
        C("1,870 evacuation centres", 1870, "count", "storm-evac-centres", noun="evacuation centres"),
        C("about 1.3 million homes", 1.3e6, "count", "storm-power-out", noun="homes", qualifier="approx"),
        C("five provinces", 5, "count", "storm-power-provinces", noun="provinces"),
        C("up to 300 mm", 300, "measure", "storm-rain-forecast", unit="millimetre", qualifier="upper_bound"),
        C("24 hours", 24, "duration", "storm-rain-forecast-window", unit="hour"),
        C("20 km/h", 20, "measure", "storm-track-speed", unit=KMH),
        C("240 domestic flights", 240, "count", "storm-flights", noun="flights"),
        C("about 9,000 ferry passengers", 9000, "count", "storm-stranded", noun="passengers", qualifier="approx"),
        C("63 people", 63, "count", "storm-oriol-deaths", noun="people"),
        C("210 km/h", 210, "measure", "storm-oriol-wind", unit=KMH),
     ],
     not_claims=["09:40", "Sunday", "4am", "Friday", "Saturday", "Monday", "2016", "September", "4%", "Second", "first report"]),
dict(id="fb-storm-2", outlet="Luzon Morning Star",
     title="Dalisay death toll climbs to 21 as power returns slowly to Cabrelo",
     published="2025-10-20",
     text=("Dalisay death toll climbs to 21 as power returns slowly to Cabrelo\n\n"
           "By Teresa Villanueva | October 20, 2025 | Share on Facebook · Share on X\n\n"
           "The number of people killed by Typhoon Dalisay rose to 21 on Monday, the national disaster council "
           "said, as rescuers dug through mud in the hillside villages of Northern Cabrelo and families who had "
           "sheltered in town halls returned to find their houses flattened.\n\n"
           "The provincial governor, Ramon Ilagan, gave a higher toll of 27, saying the council's tally did not yet "
           "include deaths reported by town mayors that the police had not confirmed. Eleven people were still "
           "missing, most of them fishermen who had gone to sea on Saturday despite the warnings.\n\n"
           "At the height of the storm 436,518 people were staying in evacuation centres or with relatives, the "
           "council said. The Philippine Red Cross, which keeps its own count through village volunteers, said "
           "more than half a million people had been displaced, including many who sheltered in neighbours' "
           "concrete houses and were never registered.\n\n"
           "The social welfare department said the storm had damaged 8,400 houses and destroyed 1,150 outright, "
           "most of them wooden homes in coastal districts.\n\n"
           "Electricity came back to much of the provincial capital overnight, but 870,000 households were still "
           "without power late on Sunday, down from 1.3 million at the peak, the grid operator said. It would not "
           "give a date for full restoration, citing hundreds of toppled transmission towers in the mountains.\n\n"
           "The weather bureau's station in Talaban recorded 482 mm of rain in 24 hours, more than the town "
           "usually receives in two months. Rivers burst their banks in at least 14 towns, and the main highway "
           "north of the capital was closed by landslides for most of Monday.\n\n"
           "Agriculture officials put the damage to crops, livestock and irrigation at PHP 3.2 billion. Rice was "
           "the worst hit: about 62% of the province's standing crop was flattened only weeks before harvest.\n\n"
           "“We lost everything in the field,” said Lorna Dizon, who farms two hectares of rice with her husband "
           "outside Santa Ines de Mar. “The water reached the roof of the storehouse. We have nothing to sell "
           "this season.”\n\n"
           "For all the destruction, Dalisay's toll is still well below that of Typhoon Oriol, which killed 63 "
           "people in the province in 2016 and left some towns without electricity for three weeks.\n\n"
           "Related: Schools in five towns to stay shut until Friday | Where to donate relief goods"),
     claims=[
        C("21", 21, "count", "storm-deaths", nth=0),
        C("21", 21, "count", "storm-deaths", nth=1),
        C("27", 27, "count", "storm-deaths"),
        C("Eleven people", 11, "count", "storm-missing", noun="people"),
        C("436,518 people", 436518, "count", "storm-evacuated", noun="people"),
        C("more than half a million people", 500000, "count", "storm-evacuated", noun="people",
          qualifier="lower_bound"),
        C("8,400 houses", 8400, "count", "storm-houses-damaged", noun="houses"),
        C("1,150", 1150, "count", "storm-houses-destroyed"),
        C("870,000 households", 870000, "count", "storm-power-out", noun="households"),
        C("1.3 million", 1.3e6, "count", "storm-power-out"),
        C("482 mm", 482, "measure", "storm-rain", unit="millimetre"),
        C("24 hours", 24, "duration", "storm-rain-window", unit="hour"),
        C("two months", 2, "duration", "storm-rain-normal-period", unit="month"),
        C("at least 14 towns", 14, "count", "storm-flooded-towns", noun="towns", qualifier="lower_bound"),
        C("PHP 3.2 billion", 3.2e9, "money", "storm-farm-damage", currency="PHP"),
        C("about 62%", 62, "percent", "storm-rice-flattened", qualifier="approx"),
        C("two hectares", 2, "measure", "storm-dizon-farm", unit="hectare"),
        C("63 people", 63, "count", "storm-oriol-deaths", noun="people"),
        C("three weeks", 3, "duration", "storm-oriol-outage", unit="week"),
     ],
     not_claims=["October 20, 2025", "Monday", "Saturday", "Sunday", "2016", "five towns", "Friday"]),
dict(id="fb-storm-3", outlet="The Global Courier",
     title="Typhoon Dalisay batters the Philippines with 109 mph winds",
     published="2025-10-19",
     text=("Typhoon Dalisay batters the Philippines with 109 mph winds\n\n"
           "Typhoon Dalisay struck the northern Philippines early on Sunday with sustained winds of 109 mph, the "
           "country's weather agency said, tearing apart lightly built homes and cutting power to about 1.1 "
           "million customers.\n\n"
           "Gusts reached 143 mph as the eye passed over Talaban, a port town of about 60,000 people in Northern "
           "Cabrelo province. The US military's Joint Typhoon Warning Center, which uses a different averaging "
           "method, estimated sustained winds at 130 mph, the equivalent of a Category 4 hurricane in the "
           "Atlantic.\n\n"
           "At least 14 people had died by Sunday evening, according to the national disaster agency, and more "
           "than 400,000 had been evacuated from the coast and from river valleys prone to flooding.\n\n"
           "The storm dropped nearly 19 inches of rain on Talaban in a single day, local forecasters said, while a "
           "storm surge as high as 10 feet pushed seawater several blocks into the low-lying neighbourhoods around "
           "the bay. Television pictures showed fishing boats stranded on a coastal road and a church with its "
           "roof torn away.\n\n"
           "“This is a compact and very intense storm,” said Ana Bautista, a meteorologist at a university in "
           "Manila. “It strengthened by about 35 mph in the 24 hours before landfall, and that left people very "
           "little time to get ready.”\n\n"
           "Scientists have warned that warmer seas are making rapid strengthening of this kind more common in "
           "the western Pacific, where the Philippines is struck by an average of about 20 tropical storms a year.\n\n"
           "Kestrel Risk Modelling, a catastrophe modelling firm, said on Sunday that insured losses were likely to "
           "fall between $1.1 billion and $1.8 billion, much of it from damage to factories and warehouses in "
           "the province's export zone. Fewer than one in ten homes in the Philippines are insured against storm "
           "damage, the firm said, so the full economic cost will be far higher.\n\n"
           "Dalisay is the most powerful storm to reach the region since Typhoon Oriol, which came ashore with "
           "winds of 130 mph and killed 63 people in 2016.\n\n"
           "Share this article\n\n"
           "Most read\n\n"
           "Oil tops $90 as supply fears grow\n\n"
           "Why the Atlantic hurricane season was so quiet"),
     claims=[
        C("109 mph", 109, "measure", "storm-wind-sustained", unit=MPH, nth=0),
        C("109 mph", 109, "measure", "storm-wind-sustained", unit=MPH, nth=1),
        C("about 1.1 million customers", 1.1e6, "count", "storm-power-out", noun="customers", qualifier="approx"),
        C("143 mph", 143, "measure", "storm-wind-gust", unit=MPH),
        C("about 60,000 people", 60000, "count", "storm-talaban-population", noun="people", qualifier="approx"),
        C("130 mph", 130, "measure", "storm-wind-sustained", unit=MPH, nth=0),
        C("At least 14 people", 14, "count", "storm-deaths", noun="people", qualifier="lower_bound"),
        C("more than 400,000", 400000, "count", "storm-evacuated", qualifier="lower_bound"),
        C("nearly 19 inches", 19, "measure", "storm-rain", unit="inch", qualifier="upper_bound"),
        C("a single day", 1, "duration", "storm-rain-window", unit="day"),
        C("as high as 10 feet", 10, "measure", "storm-surge", unit="foot", qualifier="upper_bound"),
        C("about 35 mph", 35, "measure", "storm-intensification", unit=MPH, qualifier="approx"),
        C("24 hours", 24, "duration", "storm-intensification-window", unit="hour"),
        C("about 20 tropical storms a year", 20, "count", "storm-ph-annual", noun="tropical storms", per="year",
          qualifier="approx"),
        C("between $1.1 billion and $1.8 billion", 1.1e9, "money", "storm-insured-loss", high=1.8e9,
          currency="USD", qualifier="range"),
        C("Fewer than one in ten homes", 0.1, "ratio", "storm-insured-homes", noun="homes",
          qualifier="upper_bound"),
        C("130 mph", 130, "measure", "storm-oriol-wind", unit=MPH, nth=1),
        C("63 people", 63, "count", "storm-oriol-deaths", noun="people"),
     ],
     not_claims=["Sunday", "Category 4", "2016", "$90"]),
dict(id="fb-storm-4", outlet="Asia Risk Review",
     title="Insurers brace for Dalisay bill as loss estimates diverge",
     published="2025-10-21",
     text=("Insurers brace for Dalisay bill as loss estimates diverge\n\n"
           "Topics: Catastrophe risk | Asia-Pacific | Property\n\n"
           "Catastrophe modellers have published sharply different estimates of what Typhoon Dalisay will cost "
           "insurers, two days after the storm came ashore in the northern Philippines with sustained winds of "
           "175 km/h.\n\n"
           "Harbourline Analytics said on Tuesday that insured losses were likely to reach about $2.4bn, well "
           "above the $1.1bn to $1.8bn range issued by Kestrel Risk Modelling on Sunday. Harbourline put total "
           "economic losses, insured and uninsured, at close to $4bn.\n\n"
           "Much of the gap comes down to the export processing zone outside Talaban, where several electronics "
           "plants lost their roofs and flooded. “We assume the plants stay shut for six to eight weeks, and "
           "business interruption is where the money is,” said a Harbourline analyst who asked not to be named "
           "because the firm's clients had not yet been briefed.\n\n"
           "Fewer than one in ten Philippine homes carry typhoon cover, so most of the insured bill will fall on "
           "commercial and industrial policies held with international reinsurers. Shares in Pacific Re, the "
           "largest reinsurer listed in the region, fell 3.2% on Monday.\n\n"
           "The disaster council's latest figures, released on Tuesday morning, put the death toll at 24, with "
           "436,000 people having been evacuated at the storm's peak. The agriculture department raised its "
           "estimate of damage to farms to PHP 4.1 billion, or about $71m, from an earlier figure.\n\n"
           "Power is coming back faster than after earlier storms. The grid operator said 420,000 households were "
           "still without electricity on Tuesday and that it had reconnected 68% of the customers who lost supply. "
           "It expects to have restored 90% by the weekend.\n\n"
           "Brokers cautioned against reading too much into early numbers. When Typhoon Oriol struck the same "
           "province in 2016, insurers eventually paid out about $900m, and the first estimates had been "
           "about half of that. “Both of these numbers will move, probably up,” said Mei Tanaka, who covers "
           "Asian insurers for a Singapore brokerage. “Claims from factories take months to settle.”\n\n"
           "Kestrel said it would revise its figure within a week, once surveyors had visited the export zone.\n\n"
           "This article was updated on 21 October to include Harbourline's estimate.\n\n"
           "Related: Reinsurance renewals: what to expect in January"),
     claims=[
        C("two days", 2, "duration", "storm-days-since-landfall", unit="day"),
        C("175 km/h", 175, "measure", "storm-wind-sustained", unit=KMH),
        C("about $2.4bn", 2.4e9, "money", "storm-insured-loss", currency="USD", qualifier="approx"),
        C("$1.1bn to $1.8bn", 1.1e9, "money", "storm-insured-loss", high=1.8e9, currency="USD",
          qualifier="range"),
        C("close to $4bn", 4e9, "money", "storm-economic-loss", currency="USD", qualifier="approx"),
        C("six to eight weeks", 6, "duration", "storm-plant-closure", high=8, unit="week", qualifier="range"),
        C("Fewer than one in ten", 0.1, "ratio", "storm-insured-homes", noun="homes", qualifier="upper_bound"),
        C("3.2%", 3.2, "percent", "storm-reinsurer-shares"),
        C("24", 24, "count", "storm-deaths"),
        C("436,000 people", 436000, "count", "storm-evacuated", noun="people"),
        C("PHP 4.1 billion", 4.1e9, "money", "storm-farm-damage", currency="PHP"),
        C("about $71m", 71e6, "money", "storm-farm-damage", currency="USD", qualifier="approx"),
        C("420,000 households", 420000, "count", "storm-power-out", noun="households"),
        C("68%", 68, "percent", "storm-power-restored"),
        C("90%", 90, "percent", "storm-power-restore-target"),
        C("about $900m", 900e6, "money", "storm-oriol-insured", currency="USD", qualifier="approx"),
        C("about half", 0.5, "ratio", "storm-oriol-first-estimate", qualifier="approx"),
        C("a week", 1, "duration", "storm-kestrel-revision", unit="week", qualifier="upper_bound"),
     ],
     not_claims=["Tuesday", "Sunday", "Monday", "2016", "21 October", "January", "first estimates"]),
# ================================================================== 2. a snap election: partial and final counts
dict(id="fb-elec-1", outlet="Nordic Wire",
     title="Renewal Party heads for victory in Finnish snap election, partial count shows",
     published="2025-09-14",
     text=("Renewal Party heads for victory in Finnish snap election, partial count shows\n\n"
           "Last updated 23:15 EEST\n\n"
           "HELSINKI (NW) — The opposition Renewal Party was on course to become the largest party in Finland's "
           "parliament after Sunday's snap election, with 78.4% of votes counted, according to the results "
           "service run by the justice ministry.\n\n"
           "The party, led by former finance minister Marja Lindqvist, had 27.8% of the vote, ahead of the "
           "governing Social Democratic Union on 22.3%. The Centre Alliance, with 11.6%, and the Freedom Party, "
           "on 11.0%, were locked in a close race for third place, a contest that will shape the arithmetic of "
           "any coalition.\n\n"
           "Preliminary turnout was 68.4%, election officials said, up from 65.1% at the last election in 2023. "
           "About 31% of ballots were cast in the advance voting period, and those were counted first.\n\n"
           "An exit poll for the public broadcaster, published as polling stations closed at 8pm, had given "
           "Renewal 31% and the Social Democrats 20%, and projected between 63 and 69 seats for Renewal in the "
           "200-seat chamber. Party officials were more cautious as the night went on and Renewal's lead in the "
           "partial count settled below the exit poll's figure.\n\n"
           "“People have asked for a change of direction, and we are ready to deliver it,” Lindqvist told "
           "supporters at a hotel in central Helsinki, where the crowd chanted her name. The Social Democratic "
           "prime minister, Petri Salonen, said it was too early to draw conclusions with more than a fifth of the "
           "votes still uncounted.\n\n"
           "A majority in parliament requires 101 seats, and no party has won a majority alone in modern times. "
           "In 2023 Renewal took 19.8% of the vote and 41 seats, and the coalition talks that followed lasted 47 "
           "days before a government was sworn in.\n\n"
           "The snap election was called in June, after the governing coalition collapsed over a plan to raise "
           "the retirement age. Analysts said the outcome could be Renewal's best since the party was founded in "
           "2009, and the Social Democrats' worst in more than 30 years.\n\n"
           "Counting was expected to finish overnight, with final figures, including postal votes from abroad, due "
           "on Monday afternoon.\n\n"
           "Related coverage\n\n"
           "Explainer: how Finland counts its votes\n\n"
           "Markets: euro steady at $1.17 ahead of vote"),
     claims=[
        C("78.4%", 78.4, "percent", "elec-count-progress"),
        C("27.8%", 27.8, "percent", "elec-share-winner"),
        C("22.3%", 22.3, "percent", "elec-share-second"),
        C("11.6%", 11.6, "percent", "elec-share-centre"),
        C("11.0%", 11.0, "percent", "elec-share-freedom"),
        C("68.4%", 68.4, "percent", "elec-turnout"),
        C("65.1%", 65.1, "percent", "elec-turnout-2023"),
        C("About 31%", 31, "percent", "elec-advance-share", qualifier="approx"),
        C("31%", 31, "percent", "elec-exitpoll-share-winner", nth=1),
        C("20%", 20, "percent", "elec-exitpoll-share-second"),
        C("between 63 and 69 seats", 63, "count", "elec-exitpoll-seats-winner", high=69, noun="seats",
          qualifier="range"),
        C("200-seat", 200, "count", "elec-seats-total", noun="seat"),
        C("more than a fifth", 0.2, "ratio", "elec-uncounted-share", qualifier="lower_bound"),
        C("101 seats", 101, "count", "elec-seats-majority", noun="seats"),
        C("19.8%", 19.8, "percent", "elec-share-winner-2023"),
        C("41 seats", 41, "count", "elec-seats-winner-2023", noun="seats"),
        C("47 days", 47, "duration", "elec-talks-2023", unit="day"),
        C("more than 30 years", 30, "duration", "elec-sdu-worst-span", unit="year", qualifier="lower_bound"),
     ],
     not_claims=["23:15", "Sunday", "2023", "8pm", "third place", "June", "2009", "Monday", "$1.17", "counted first"]),
dict(id="fb-elec-2", outlet="Northern Ledger",
     title="Final count gives Renewal 61 seats as turnout reaches 69.7%",
     published="2025-09-15",
     text=("Final count gives Renewal 61 seats as turnout reaches 69.7%\n\n"
           "Marja Lindqvist's Renewal Party won 61 of the 200 seats in parliament in Sunday's snap election, "
           "according to final results published on Monday, leaving it 40 seats short of a majority and facing "
           "what could be weeks of coalition talks.\n\n"
           "Renewal's share of the vote climbed through the night as ballots from the big cities were counted, "
           "ending at 29.3%, a gain of 9.5 percentage points on 2023. The party received 948,212 votes, the most "
           "for any party since the turn of the century.\n\n"
           "The governing Social Democratic Union finished second with 21.6% and 45 seats. The Centre Alliance "
           "took 11.4% and 23 seats, narrowly ahead of the Freedom Party, which won 11.2% and 22 seats. Green "
           "Future won 8.1% and 16 seats, and the remaining 33 seats went to four smaller parties.\n\n"
           "Final turnout was 69.7%, the highest since 1991, after postal votes from abroad and late advance "
           "ballots were added to the preliminary figure of 68.4% announced on Sunday night. At the previous "
           "election, in 2023, turnout was 65.1%.\n\n"
           "The broadcaster's exit poll had overstated Renewal's support, giving the party 31% and up to 69 seats. "
           "Its pollster said on Monday that supporters of smaller parties had been less willing to take part.\n\n"
           "Lindqvist's most likely partner is the Centre Alliance, but together they hold 84 seats, "
           "17 short of a majority. She would need another partner, and both the Freedom Party and Green "
           "Future have said they will not sit in a cabinet with each other.\n\n"
           "“We will talk to everyone who shares our priorities: lower taxes on work, cheaper energy and a "
           "balanced budget,” Lindqvist said at a news conference on Monday. Asked about a timetable, she said "
           "she hoped to have a government “well before Christmas”.\n\n"
           "The new parliament will also be the most female in the country's history. Women won 92 seats, or 46% "
           "of the chamber, up from 91 in 2023.\n\n"
           "Read more: What the Renewal Party promised on tax\n\n"
           "Share | Print | 14 comments"),
     claims=[
        C("61", 61, "count", "elec-seats-winner", nth=0),
        C("69.7%", 69.7, "percent", "elec-turnout", nth=0),
        C("61", 61, "count", "elec-seats-winner", nth=1),
        C("200 seats", 200, "count", "elec-seats-total", noun="seats"),
        C("40 seats", 40, "count", "elec-majority-shortfall", noun="seats"),
        C("29.3%", 29.3, "percent", "elec-share-winner"),
        C("9.5 percentage points", 9.5, "percent", "elec-share-winner-gain"),
        C("948,212 votes", 948212, "count", "elec-votes-winner", noun="votes"),
        C("21.6%", 21.6, "percent", "elec-share-second"),
        C("45 seats", 45, "count", "elec-seats-second", noun="seats"),
        C("11.4%", 11.4, "percent", "elec-share-centre"),
        C("23 seats", 23, "count", "elec-seats-centre", noun="seats"),
        C("11.2%", 11.2, "percent", "elec-share-freedom"),
        C("22 seats", 22, "count", "elec-seats-freedom", noun="seats"),
        C("8.1%", 8.1, "percent", "elec-share-green"),
        C("16 seats", 16, "count", "elec-seats-green", noun="seats"),
        C("33 seats", 33, "count", "elec-seats-others", noun="seats"),
        C("four smaller parties", 4, "count", "elec-others-parties", noun="parties"),
        C("69.7%", 69.7, "percent", "elec-turnout", nth=1),
        C("68.4%", 68.4, "percent", "elec-turnout"),
        C("65.1%", 65.1, "percent", "elec-turnout-2023"),
        C("31%", 31, "percent", "elec-exitpoll-share-winner"),
        C("up to 69 seats", 69, "count", "elec-exitpoll-seats-winner", noun="seats", qualifier="upper_bound"),
        C("84 seats", 84, "count", "elec-coalition-seats", noun="seats"),
        C("17", 17, "count", "elec-coalition-shortfall"),
        C("92 seats", 92, "count", "elec-women-seats", noun="seats"),
        C("46%", 46, "percent", "elec-women-share"),
        C("91", 91, "count", "elec-women-seats-2023", nth=1),
     ],
     not_claims=["Sunday", "Monday", "2023", "1991", "second", "Christmas", "14 comments"]),
dict(id="fb-elec-3", outlet="EuroBrief",
     title="Finland's election: a landslide that the count made smaller",
     published="2025-09-16",
     text=("Finland's election: a landslide that the count made smaller\n\n"
           "Analysis | 6 min read\n\n"
           "For a few minutes on Sunday night, Finland's Renewal Party looked set for a landslide. The exit poll "
           "put it on 31% and as many as 69 seats. The final count delivered just over 29% and 61 seats: a "
           "comfortable first place, but one that leaves Marja Lindqvist hunting for partners rather than "
           "dictating terms.\n\n"
           "The governing Social Democratic Union slipped to nearly 22% and 45 seats, its weakest showing in more "
           "than three decades. Prime Minister Petri Salonen conceded on Monday and said his party would not "
           "block a Renewal-led government, though it would not join one.\n\n"
           "The real contest was for third place. The Centre Alliance, on about 11%, and the Freedom Party, also "
           "on about 11%, finished 0.2 points apart, and either could end up as kingmaker. The Centre's leader, "
           "Heikki Rautio, has signalled he is open to a deal; the Freedom Party wants a cap on household "
           "electricity prices as its price for support.\n\n"
           "Turnout of nearly 70% was the highest since 1991. Among voters under 25 it rose to 58%, from 49% at "
           "the previous election, according to a survey by the national statistics office, which many in the "
           "parties credit to Renewal's campaign on housing costs for young renters.\n\n"
           "Nearly a third of ballots were cast before election day, a record for advance voting and one reason "
           "the early count ran well ahead of the overall result for parties with older voters.\n\n"
           "Renewal's rise, from 41 seats to 61, was built on a promise to cut income tax by 2 percentage points "
           "for middle earners and to pay for it with spending restraint. A coalition with the Centre Alliance "
           "would command 84 seats, 17 fewer than the 101 needed for a majority in the 200-member chamber, so a "
           "third partner is all but certain.\n\n"
           "Coalition talks after the 2023 election lasted 47 days. Few in Helsinki expect this round to be "
           "quicker: the likeliest partners disagree on pensions, energy and immigration, and the budget for "
           "next year must be presented to parliament by the end of October.\n\n"
           "Photo: Renewal Party supporters in Helsinki on 14 September. (EuroBrief)\n\n"
           "Newsletter: get EuroBrief in your inbox every weekday"),
     claims=[
        C("31%", 31, "percent", "elec-exitpoll-share-winner"),
        C("as many as 69 seats", 69, "count", "elec-exitpoll-seats-winner", noun="seats", qualifier="upper_bound"),
        C("just over 29%", 29, "percent", "elec-share-winner", qualifier="lower_bound"),
        C("61 seats", 61, "count", "elec-seats-winner", noun="seats"),
        C("nearly 22%", 22, "percent", "elec-share-second", qualifier="upper_bound"),
        C("45 seats", 45, "count", "elec-seats-second", noun="seats"),
        C("more than three decades", 30, "duration", "elec-sdu-worst-span", unit="year", qualifier="lower_bound"),
        C("about 11%", 11, "percent", "elec-share-centre", qualifier="approx", nth=0),
        C("about 11%", 11, "percent", "elec-share-freedom", qualifier="approx", nth=1),
        C("0.2 points", 0.2, "percent", "elec-centre-freedom-gap"),
        C("nearly 70%", 70, "percent", "elec-turnout", qualifier="upper_bound"),
        C("25", 25, "duration", "elec-youth-age-limit", unit="year"),
        C("58%", 58, "percent", "elec-youth-turnout"),
        C("49%", 49, "percent", "elec-youth-turnout-2023"),
        C("Nearly a third", 1 / 3, "ratio", "elec-advance-share", qualifier="upper_bound"),
        C("41 seats", 41, "count", "elec-seats-winner-2023", noun="seats"),
        C("61", 61, "count", "elec-seats-winner", nth=1),
        C("2 percentage points", 2, "percent", "elec-tax-pledge"),
        C("84 seats", 84, "count", "elec-coalition-seats", noun="seats"),
        C("17 fewer", 17, "count", "elec-coalition-shortfall"),
        C("101", 101, "count", "elec-seats-majority"),
        C("200-member", 200, "count", "elec-seats-total", noun="member"),
        C("47 days", 47, "duration", "elec-talks-2023", unit="day"),
     ],
     not_claims=["6 min read", "Sunday", "first place", "Monday", "third place", "1991", "third partner", "2023",
                 "October", "14 September"]),
# ================================================================== 3. a cholera outbreak: three sources, one toll
dict(id="fb-outb-1", outlet="Southern Africa Wire",
     title="Cholera outbreak in Zambia's Kasonde district kills 61, ministry says",
     published="2026-02-10",
     text=("Cholera outbreak in Zambia's Kasonde district kills 61, ministry says\n\n"
           "LUSAKA (SAW) — A cholera outbreak centred on the lakeside district of Kasonde in northern Zambia has "
           "killed 61 people and sickened 3,412 since the first cases were confirmed in early January, the "
           "health ministry said on Tuesday.\n\n"
           "The ministry said the number of new cases had risen steeply over the past two weeks, to about 150 a day, as "
           "heavy rains flooded pit latrines and washed sewage into the shallow wells that most families in the "
           "district rely on. Cases have now been reported in seven of the Northern Province's 12 districts.\n\n"
           "“The situation is serious but it is not out of control,” Health Minister Grace Chanda told reporters "
           "in Lusaka. “We have the vaccines, we have the treatment centres, and we are asking people to boil "
           "their water and to come to a clinic at the first sign of illness.”\n\n"
           "The government has opened six cholera treatment centres in the district with a combined 420 beds, "
           "and the ministry said they were running at about 85% of capacity. Doctors and nurses have been sent "
           "from Lusaka and the Copperbelt to staff them.\n\n"
           "An oral vaccination campaign began last week after 1.4 million doses arrived from a global stockpile "
           "managed by the World Health Organization and its partners. The ministry aims to reach 2 million "
           "people in the worst-hit districts within 10 days.\n\n"
           "The case fatality rate, the share of recorded patients who die, stood at 1.8%, well above the 1% "
           "that the WHO regards as a sign that patients are reaching treatment in time. Officials said many "
           "deaths were of people who lived far from a clinic and arrived too late to be rehydrated.\n\n"
           "Cholera, a bacterial infection spread through contaminated food and water, causes acute diarrhoea "
           "and can kill within hours if untreated, but most patients recover with prompt oral rehydration.\n\n"
           "Kasonde's last major outbreak, in 2011, infected about 1,900 people and killed 37.\n\n"
           "Reporting by Mwila Banda; editing by Claire Otieno"),
     claims=[
        C("61", 61, "count", "outb-deaths", nth=0),
        C("61 people", 61, "count", "outb-deaths", noun="people"),
        C("3,412", 3412, "count", "outb-cases"),
        C("two weeks", 2, "duration", "outb-rise-period", unit="week"),
        C("about 150 a day", 150, "count", "outb-daily-cases", per="day", qualifier="approx"),
        C("seven", 7, "count", "outb-districts-affected"),
        C("12 districts", 12, "count", "outb-province-districts", noun="districts"),
        C("six cholera treatment centres", 6, "count", "outb-treatment-centres", noun="cholera treatment centres"),
        C("420 beds", 420, "count", "outb-beds", noun="beds"),
        C("about 85%", 85, "percent", "outb-bed-occupancy", qualifier="approx"),
        C("1.4 million doses", 1.4e6, "count", "outb-vaccine-doses", noun="doses"),
        C("2 million people", 2e6, "count", "outb-vaccination-target", noun="people"),
        C("10 days", 10, "duration", "outb-vaccination-window", unit="day"),
        C("1.8%", 1.8, "percent", "outb-cfr"),
        C("1%", 1, "percent", "outb-cfr-benchmark"),
        C("about 1,900 people", 1900, "count", "outb-2011-cases", noun="people", qualifier="approx"),
        C("37", 37, "count", "outb-2011-deaths"),
     ],
     not_claims=["early January", "Tuesday", "last week", "2011", "first cases", "first sign"]),
dict(id="fb-outb-2", outlet="Global Health Dispatch",
     title="WHO counts 74 cholera deaths in Zambia, warns outbreak is outpacing response",
     published="2026-02-12",
     text=("WHO counts 74 cholera deaths in Zambia, warns outbreak is outpacing response\n\n"
           "Published 12 February 2026, 14:05 GMT\n\n"
           "The World Health Organization said on Thursday that a cholera outbreak in northern Zambia had caused "
           "4,105 suspected cases and 74 deaths, figures that are higher than the government's because they "
           "include suspected cases that have not been tested and deaths recorded by community health workers.\n\n"
           "In its latest situation report, the agency put the case fatality rate at 1.8% and said the outbreak "
           "was spreading faster than treatment capacity could be added. The district of Kasonde, where most cases "
           "have been recorded, has about 400 cholera treatment beds for a population of roughly 310,000, it said.\n\n"
           "“Every cholera death is preventable,” said Dr Amara Diallo, the WHO's incident manager in Lusaka. "
           "“What we need now is clean water, more oral rehydration points close to where people live, and "
           "vaccination in every affected community.”\n\n"
           "The agency and its partners launched an appeal for $14.5 million to fund the response over the next "
           "three months, covering treatment centres, water chlorination, testing and vaccination. Only 20% of "
           "the money has been pledged so far, it said.\n\n"
           "Vaccination has started but is uneven. The UN children's agency, UNICEF, said just over a third of "
           "Kasonde's residents had received a dose of oral vaccine, with teams struggling to reach fishing camps "
           "on the lake shore and villages cut off by flooded roads.\n\n"
           "The WHO said the region was facing a broader shortage of vaccine. The global stockpile, which it "
           "helps manage, held fewer than 5 million doses at the start of the month, against requests from "
           "eight countries.\n\n"
           "Zambia has had repeated cholera outbreaks during the rainy season. The country's worst in recent "
           "memory, a decade and a half ago in Kasonde, infected around 1,900 people, the agency noted.\n\n"
           "Related\n\n"
           "Mpox cases fall 40% in central Africa, WHO says\n\n"
           "Explainer: how oral cholera vaccines work"),
     claims=[
        C("74", 74, "count", "outb-deaths", nth=0),
        C("4,105 suspected cases", 4105, "count", "outb-cases", noun="suspected cases"),
        C("74 deaths", 74, "count", "outb-deaths", noun="deaths"),
        C("1.8%", 1.8, "percent", "outb-cfr"),
        C("about 400 cholera treatment beds", 400, "count", "outb-beds", noun="cholera treatment beds",
          qualifier="approx"),
        C("roughly 310,000", 310000, "count", "outb-kasonde-population", qualifier="approx"),
        C("$14.5 million", 14.5e6, "money", "outb-response-cost", currency="USD"),
        C("three months", 3, "duration", "outb-response-period", unit="month"),
        C("20%", 20, "percent", "outb-appeal-pledged"),
        C("just over a third", 1 / 3, "ratio", "outb-vaccinated-share", qualifier="lower_bound"),
        C("fewer than 5 million doses", 5e6, "count", "outb-global-stockpile", noun="doses",
          qualifier="upper_bound"),
        C("eight countries", 8, "count", "outb-stockpile-requests", noun="countries"),
        C("a decade and a half", 15, "duration", "outb-years-since-2011", unit="year"),
        C("around 1,900 people", 1900, "count", "outb-2011-cases", noun="people", qualifier="approx"),
     ],
     not_claims=["12 February 2026", "14:05", "Thursday", "40%"]),
dict(id="fb-outb-3", outlet="Kasonde Community Radio",
     title="District commissioner: cholera has killed at least 90 in Kasonde",
     published="2026-02-12",
     text=("District commissioner: cholera has killed at least 90 in Kasonde\n\n"
           "Listen live | News | Sport | Notices\n\n"
           "Kasonde's district commissioner, Joseph Mulenga, said on Thursday that cholera had killed at least 90 "
           "people in the district, far more than the national figures, because many victims died at home or on "
           "the way to a clinic and were buried before they could be counted.\n\n"
           "Speaking on our morning programme, Mr Mulenga said ward officials and church leaders had reported 27 "
           "burials of people who had died of severe diarrhoea without ever reaching a treatment centre. “Those "
           "are our people, and they must be counted,” he said. “When the numbers are too low, the help that "
           "comes is too small.”\n\n"
           "He said the district had recorded close to 4,500 cases since January and that clinics were now "
           "seeing more than 200 new cases a day, well above the rate given by the health ministry in Lusaka "
           "this week.\n\n"
           "The treatment centre at Kasonde General Hospital, which has 120 beds, was full on Wednesday night, "
           "and patients were being treated on mats in a tent outside. Nurses at the centres said nearly nine in "
           "ten beds across the district were occupied.\n\n"
           "Only about 45% of households in the district have access to a safe water source, according to the "
           "district water office, and the floods of the past month have contaminated many of the boreholes "
           "that do exist.\n\n"
           "Mr Mulenga called on the ministry to send more vehicles. The district has only three ambulances for "
           "an area of some 6,800 square kilometres, he said, and some fishing villages are a four-hour walk from "
           "the nearest clinic.\n\n"
           "The ministry said on Thursday it was checking the reports of community deaths and would add them to "
           "the national count once they had been verified.\n\n"
           "Health tips: boil or chlorinate all drinking water, wash hands with soap, and take anyone with "
           "watery diarrhoea to a clinic at once. Call the free cholera line on 990.\n\n"
           "Notices: the Kasonde market will close at 4pm on Saturday for cleaning."),
     claims=[
        C("at least 90", 90, "count", "outb-deaths", qualifier="lower_bound", nth=0),
        C("at least 90", 90, "count", "outb-deaths", qualifier="lower_bound", nth=1),
        C("27 burials", 27, "count", "outb-community-deaths", noun="burials"),
        C("close to 4,500 cases", 4500, "count", "outb-cases", noun="cases", qualifier="approx"),
        C("more than 200 new cases a day", 200, "count", "outb-daily-cases", noun="new cases", per="day",
          qualifier="lower_bound"),
        C("120 beds", 120, "count", "outb-hospital-beds", noun="beds"),
        C("nearly nine in ten beds", 0.9, "ratio", "outb-bed-occupancy", noun="beds", qualifier="upper_bound"),
        C("about 45%", 45, "percent", "outb-safe-water", qualifier="approx"),
        C("three ambulances", 3, "count", "outb-ambulances", noun="ambulances"),
        C("some 6,800 square kilometres", 6800, "measure", "outb-district-area", unit="square kilometre",
          qualifier="approx"),
        C("four-hour", 4, "duration", "outb-walk-to-clinic", unit="hour"),
     ],
     not_claims=["Thursday", "January", "Wednesday", "990", "4pm", "Saturday"]),
dict(id="fb-outb-4", outlet="Zambezi Times",
     title="Cholera cases near 4,000 as government unveils K310m response plan",
     published="2026-02-13",
     text=("Cholera cases near 4,000 as government unveils K310m response plan\n\n"
           "By Natasha Phiri, Health Correspondent | 13 February 2026\n\n"
           "The government on Friday launched a K310 million plan to contain the cholera outbreak in Northern "
           "Province, as the health ministry's count rose to 3,980 cases and 68 deaths.\n\n"
           "The plan, worth about $11.5 million at current exchange rates, will pay for water tankers, chlorine, "
           "extra staff and the expansion of treatment capacity in Kasonde district from 420 to 560 beds over the "
           "next fortnight, Health Minister Grace Chanda said at State House. The World Health Organization's "
           "own appeal for the response, launched on Thursday, is for $14.5 million.\n\n"
           "The ministry's case fatality rate of 1.7% remains above target. Its figures are lower than those "
           "published by the WHO, which counted 74 deaths, and far lower than the toll of more than 90 given by "
           "Kasonde's district commissioner, who says many people died at home. Chanda said community deaths "
           "would be included “once verified”.\n\n"
           "So far 38% of Kasonde's residents have received a dose of oral vaccine, the ministry said, "
           "a figure it hopes to raise sharply by the end of the month. Children are bearing much of the burden: 38% of "
           "recorded cases are in children under five, who dehydrate fastest.\n\n"
           "“The vaccination numbers are moving in the right direction, but the water problem will not be solved "
           "by vaccines,” said Dr Chileshe Mwansa, a public health specialist at the University of Zambia. "
           "“Most households in Kasonde are still drinking from open wells.”\n\n"
           "The outbreak is now the district's worst in 15 years. In 2011 about 1,900 people were infected and "
           "37 died, according to ministry records, and the response then cost K48 million.\n\n"
           "Opposition MPs criticised the government for what they called a slow start, pointing out that the "
           "first cases were confirmed more than five weeks ago. The minister said the ministry had acted "
           "“within hours” of the first laboratory results.\n\n"
           "Read also: Fuel price rises by K1.20 a litre | Copper output up 6% in January"),
     claims=[
        C("4,000", 4000, "count", "outb-cases", qualifier="approx"),
        C("K310m", 310e6, "money", "outb-response-cost", currency="ZMW"),
        C("K310 million", 310e6, "money", "outb-response-cost", currency="ZMW"),
        C("3,980 cases", 3980, "count", "outb-cases", noun="cases"),
        C("68 deaths", 68, "count", "outb-deaths", noun="deaths"),
        C("about $11.5 million", 11.5e6, "money", "outb-response-cost", currency="USD", qualifier="approx"),
        C("420", 420, "count", "outb-beds"),
        C("560 beds", 560, "count", "outb-beds-planned", noun="beds"),
        C("fortnight", 2, "duration", "outb-beds-expansion-period", unit="week"),
        C("$14.5 million", 14.5e6, "money", "outb-response-cost", currency="USD"),
        C("1.7%", 1.7, "percent", "outb-cfr"),
        C("74 deaths", 74, "count", "outb-deaths", noun="deaths"),
        C("more than 90", 90, "count", "outb-deaths", qualifier="lower_bound"),
        C("38%", 38, "percent", "outb-vaccinated-share", nth=0),
        C("38%", 38, "percent", "outb-cases-under5-share", nth=1),
        C("five", 5, "duration", "outb-under5-age", unit="year", nth=0),
        C("15 years", 15, "duration", "outb-years-since-2011", unit="year"),
        C("about 1,900 people", 1900, "count", "outb-2011-cases", noun="people", qualifier="approx"),
        C("37", 37, "count", "outb-2011-deaths"),
        C("K48 million", 48e6, "money", "outb-2011-cost", currency="ZMW"),
        C("more than five weeks", 5, "duration", "outb-weeks-since-first-case", unit="week",
          qualifier="lower_bound"),
     ],
     not_claims=["13 February 2026", "Friday", "Thursday", "2011", "K1.20 a litre", "6%", "January", "first cases", "first laboratory results"]),
]

def render() -> str:
    return render_gold(ARTICLES)


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT} ({len(ARTICLES)} articles)")
