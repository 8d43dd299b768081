"""A development set of multi-outlet coverage: fourteen invented stories, three or four outlets each.

Written for the project, in its own words, to look like how real outlets cover one event and disagree:
agencies giving different magnitudes, a death toll updated through the day, organisers' and police crowd
counts, a union's and the hospitals' strike turnout, rounded headlines over exact body figures, the same
figure in other units (miles and kilometres, acres and hectares, inches and millimetres), the same
percentage for two different things (total and cloud sales, laptops and tablets, for and against), and an
earlier event's figure quoted for contrast. The last three stories (a chemical blast, a teachers' strike, a
landslide) also give one quantity twice within one article, in different sentences: a count raised through
the day ("By midday ... 27 injured. By the evening ... 41 people"), two sources' figures ("78% ... The
ministry put the figure at 31%"), an earlier figure of the same toll ("up from 4 earlier in the day"), beside
an equal figure of another quantity (41 injured and 41 homes; a 1998 slide that killed 6). Each claim's
``fact`` names the quantity it states; claims of one fact with different figures are the discrepancies the
desk is for.

``stories.jsonl`` beside this file is built from ``ARTICLES`` (offsets from ``str.find``, so
``text[start:end] == surface`` always holds; ``tests/test_stories.py`` checks the file is what this module
builds). Regenerate after editing with::

    .venv/bin/python tests/data/stories_spec.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:  # the gold-spec helper of tests/, when run as a script
    sys.path.insert(0, str(HERE.parent))

from goldspec import C  # noqa: E402
from goldspec import render as render_gold  # noqa: E402

OUT = HERE / "stories.jsonl"


ARTICLES = [
# ------------------------------------------------------------------ an earthquake: agencies and a running toll
dict(id="st-quake-1", outlet="Northgate Wire", title="Quake of magnitude 6.2 shakes Varnholt valley",
     published="2025-04-06",
     text=("Quake of magnitude 6.2 shakes Varnholt valley\n\n"
           "An earthquake of magnitude 6.2 struck the Varnholt valley early on Sunday, the national seismic "
           "institute said, at a depth of 10 km. At least 7 people were killed and 40 injured, according to "
           "the regional governor. It was the strongest tremor in the area since a 1987 quake that killed "
           "18 people."),
     claims=[
        C("6.2", 6.2, "measure", "quake-magnitude", unit="magnitude", nth=0),
        C("6.2", 6.2, "measure", "quake-magnitude", unit="magnitude", nth=1),
        C("10 km", 10, "measure", "quake-depth", unit="kilometre"),
        C("At least 7", 7, "count", "quake-deaths", noun="people", qualifier="lower_bound"),
        C("40", 40, "count", "quake-injured"),
        C("18 people", 18, "count", "quake-1987-deaths", noun="people"),
     ],
     not_claims=["Sunday", "1987"]),
dict(id="st-quake-2", outlet="Daily Ledger", title="Varnholt earthquake death toll rises to 23",
     published="2025-04-06",
     text=("Varnholt earthquake death toll rises to 23\n\n"
           "The death toll from Sunday's earthquake in Varnholt has risen to 23, emergency officials said, "
           "with more than 100 people hurt. The US Geological Survey measured the quake at magnitude 5.8 and "
           "put its depth at about 6 miles. Some 1,500 residents spent the night in tents."),
     claims=[
        C("23", 23, "count", "quake-deaths", nth=0),
        C("23", 23, "count", "quake-deaths", nth=1),
        C("more than 100", 100, "count", "quake-injured", noun="people", qualifier="lower_bound"),
        C("5.8", 5.8, "measure", "quake-magnitude", unit="magnitude"),
        C("about 6 miles", 6, "measure", "quake-depth", unit="mile", qualifier="approx"),
        C("Some 1,500", 1500, "count", "quake-displaced", noun="residents", qualifier="approx"),
     ],
     not_claims=["Sunday"]),
dict(id="st-quake-3", outlet="Valley Radio", title="Rescuers dig through rubble as Varnholt toll climbs to 26",
     published="2025-04-06",
     text=("Rescuers dig through rubble as Varnholt toll climbs to 26\n\n"
           "At least 26 people are now known to have died after the magnitude 6.0 quake, the governor's office "
           "said. Around 2,000 people have been moved to emergency shelters in the valley. Officials said 130 "
           "were injured."),
     claims=[
        C("26", 26, "count", "quake-deaths", nth=0),
        C("At least 26", 26, "count", "quake-deaths", noun="people", qualifier="lower_bound"),
        C("6.0", 6.0, "measure", "quake-magnitude", unit="magnitude"),
        C("Around 2,000", 2000, "count", "quake-displaced", noun="people", qualifier="approx"),
        C("130", 130, "count", "quake-injured"),
     ],
     not_claims=[]),
dict(id="st-quake-4", outlet="Morning Courier", title="Varnholt quake: 38 dead and hundreds of homes destroyed",
     published="2025-04-07",
     text=("Varnholt quake: 38 dead and hundreds of homes destroyed\n\n"
           "The number of dead from the Varnholt earthquake reached 38 on Monday evening. The tremor, put at "
           "magnitude 6.2 by the seismic institute, destroyed 420 homes. In 1987 a smaller quake in the same "
           "valley killed 18."),
     claims=[
        C("38", 38, "count", "quake-deaths", nth=0),
        C("38", 38, "count", "quake-deaths", nth=1),
        C("6.2", 6.2, "measure", "quake-magnitude", unit="magnitude"),
        C("420 homes", 420, "count", "quake-homes", noun="homes"),
        C("18", 18, "count", "quake-1987-deaths", nth=0),
     ],
     not_claims=["Monday", "1987"]),
# ------------------------------------------------------------------ a march: organisers, police and the council
dict(id="st-march-1", outlet="Daily Ledger", title="Up to 180,000 march through Calderbridge against fuel tax",
     published="2025-05-10",
     text=("Up to 180,000 march through Calderbridge against fuel tax\n\n"
           "Organisers said up to 180,000 people joined the march through Calderbridge on Saturday, in a column "
           "that stretched for 3 km. Fuel duty rose 8% in March. The protest was the largest in the city since "
           "2011, when about 60,000 marched against pension cuts."),
     claims=[
        C("Up to 180,000", 180000, "count", "march-crowd", qualifier="upper_bound"),
        C("up to 180,000", 180000, "count", "march-crowd", noun="people", qualifier="upper_bound"),
        C("3 km", 3, "measure", "march-length", unit="kilometre"),
        C("8%", 8, "percent", "march-duty"),
        C("about 60,000", 60000, "count", "march-2011", qualifier="approx"),
     ],
     not_claims=["Saturday", "March", "2011"]),
dict(id="st-march-2", outlet="Northgate Wire", title="Police count 90,000 at Calderbridge fuel protest",
     published="2025-05-10",
     text=("Police count 90,000 at Calderbridge fuel protest\n\n"
           "Police put the number of protesters at 90,000, well below the figure given by the organisers. The route "
           "ran for about 2 miles from the station to the town hall. Officers made 14 arrests, and the rise of "
           "8% in fuel duty was the marchers' main grievance."),
     claims=[
        C("90,000", 90000, "count", "march-crowd", nth=0),
        C("90,000", 90000, "count", "march-crowd", nth=1),
        C("about 2 miles", 2, "measure", "march-length", unit="mile", qualifier="approx"),
        C("14 arrests", 14, "count", "march-arrests", noun="arrests"),
        C("8%", 8, "percent", "march-duty"),
     ],
     not_claims=[]),
dict(id="st-march-3", outlet="City Echo", title="Calderbridge streets fill for fuel duty protest",
     published="2025-05-11",
     text=("Calderbridge streets fill for fuel duty protest\n\n"
           "A crowd the city council estimated at 120,000 filled the streets of Calderbridge on Saturday. "
           "Police said 11 people were arrested during the afternoon."),
     claims=[
        C("120,000", 120000, "count", "march-crowd"),
        C("11 people", 11, "count", "march-arrests", noun="people"),
     ],
     not_claims=["Saturday"]),
# ------------------------------------------------------------------ a nurses' strike: union against hospitals
dict(id="st-nurses-1", outlet="Health Desk", title="100,000 nurses strike across Brenmoor, union says",
     published="2025-02-18",
     text=("100,000 nurses strike across Brenmoor, union says\n\n"
           "The nurses' union said 100,000 members walked out on Tuesday in the biggest strike in the health "
           "service's history. The union is asking for a 12% pay rise; ministers have offered 4.5%. In the last "
           "walkout, in March, about 40,000 nurses took part."),
     claims=[
        C("100,000 nurses", 100000, "count", "nurses-strikers", noun="nurses"),
        C("100,000 members", 100000, "count", "nurses-strikers", noun="members"),
        C("12%", 12, "percent", "nurses-demand"),
        C("4.5%", 4.5, "percent", "nurses-offer"),
        C("about 40,000", 40000, "count", "nurses-march-strike", noun="nurses", qualifier="approx"),
     ],
     not_claims=["Tuesday", "March"]),
dict(id="st-nurses-2", outlet="Morning Courier", title="Hospital figures suggest 65,000 nurses joined strike",
     published="2025-02-18",
     text=("Hospital figures suggest 65,000 nurses joined strike\n\n"
           "Returns from hospital trusts suggest about 65,000 nurses joined Tuesday's strike in Brenmoor, well "
           "below the union's claim. Ministers say their 4.5 per cent offer is final. Some 3,800 operations "
           "were postponed."),
     claims=[
        C("65,000 nurses", 65000, "count", "nurses-strikers", noun="nurses"),
        C("about 65,000", 65000, "count", "nurses-strikers", noun="nurses", qualifier="approx"),
        C("4.5 per cent", 4.5, "percent", "nurses-offer"),
        C("Some 3,800", 3800, "count", "nurses-operations", noun="operations", qualifier="approx"),
     ],
     not_claims=["Tuesday"]),
dict(id="st-nurses-3", outlet="Northgate Wire", title="Brenmoor nurses walk out over pay",
     published="2025-02-18",
     text=("Brenmoor nurses walk out over pay\n\n"
           "Nurses across Brenmoor walked out on Tuesday, demanding a rise of 12 per cent. Health officials said "
           "4,100 planned operations had to be cancelled. The strike in March drew 40,000 nurses."),
     claims=[
        C("12 per cent", 12, "percent", "nurses-demand"),
        C("4,100", 4100, "count", "nurses-operations", noun="operations"),
        C("40,000 nurses", 40000, "count", "nurses-march-strike", noun="nurses"),
     ],
     not_claims=["Tuesday", "March"]),
# ------------------------------------------------------------------ company results: one figure, two things
dict(id="st-results-1", outlet="Market Street Journal", title="Quorvane to cut 9,000 jobs as revenue rises",
     published="2025-07-24",
     text=("Quorvane to cut 9,000 jobs as revenue rises\n\n"
           "Quorvane will cut 9,000 jobs, about 6% of its workforce, after quarterly revenue rose 9% to $12.3bn. "
           "Sales in its cloud division also rose 9%, the slowest pace in two years. The company's shares fell "
           "3% in New York."),
     claims=[
        C("9,000 jobs", 9000, "count", "results-cuts", noun="jobs", nth=0),
        C("9,000 jobs", 9000, "count", "results-cuts", noun="jobs", nth=1),
        C("about 6%", 6, "percent", "results-cuts-share", qualifier="approx"),
        C("9%", 9, "percent", "results-revenue-growth", nth=0),
        C("$12.3bn", 12.3e9, "money", "results-revenue", currency="USD"),
        C("9%", 9, "percent", "results-cloud-growth", nth=1),
        C("two years", 2, "duration", "results-cloud-pace", unit="year"),
        C("3%", 3, "percent", "results-shares"),
     ],
     not_claims=[]),
dict(id="st-results-2", outlet="Tech Daily", title="Quorvane sheds 9,000 staff despite $12bn quarter",
     published="2025-07-24",
     text=("Quorvane sheds 9,000 staff despite $12bn quarter\n\n"
           "The software maker said revenue grew 9 per cent to $12.3 billion. Cloud sales climbed 9% too, short "
           "of what analysts had pencilled in, and Quorvane will lay off 9,000 employees. Its shares dropped "
           "2.5% on the news."),
     claims=[
        C("9,000 staff", 9000, "count", "results-cuts", noun="staff"),
        C("$12bn", 12e9, "money", "results-revenue", currency="USD"),
        C("9 per cent", 9, "percent", "results-revenue-growth"),
        C("$12.3 billion", 12.3e9, "money", "results-revenue", currency="USD"),
        C("9%", 9, "percent", "results-cloud-growth"),
        C("9,000 employees", 9000, "count", "results-cuts", noun="employees"),
        C("2.5%", 2.5, "percent", "results-shares"),
     ],
     not_claims=[]),
dict(id="st-results-3", outlet="Northgate Wire", title="Quorvane cloud growth slows to 9%",
     published="2025-07-25",
     text=("Quorvane cloud growth slows to 9%\n\n"
           "Quorvane's cloud sales rose 9% in the quarter, down from 16% a year earlier, while total revenue "
           "reached $12.3bn. About 9,000 roles will go."),
     claims=[
        C("9%", 9, "percent", "results-cloud-growth", nth=0),
        C("9%", 9, "percent", "results-cloud-growth", nth=1),
        C("16%", 16, "percent", "results-cloud-growth-before"),
        C("$12.3bn", 12.3e9, "money", "results-revenue", currency="USD"),
        C("About 9,000", 9000, "count", "results-cuts", noun="roles", qualifier="approx"),
     ],
     not_claims=[]),
# ------------------------------------------------------------------ device shipments: fell and rose by one figure
dict(id="st-devices-1", outlet="Tech Daily", title="Laptop shipments fall 2% as tablets recover",
     published="2025-10-09",
     text=("Laptop shipments fall 2% as tablets recover\n\n"
           "Global laptop shipments fell 2% in the third quarter to 61.2 million units, according to analysts at "
           "Corvell Research. Tablet shipments rose 2% and reached 34 million."),
     claims=[
        C("2%", 2, "percent", "devices-laptop-change", nth=0),
        C("2%", 2, "percent", "devices-laptop-change", nth=1),
        C("61.2 million units", 61.2e6, "count", "devices-laptop-units", noun="units"),
        C("2%", 2, "percent", "devices-tablet-change", nth=2),
        C("34 million", 34e6, "count", "devices-tablet-units"),
     ],
     not_claims=["third quarter"]),
dict(id="st-devices-2", outlet="Market Street Journal", title="Laptop market shrinks again",
     published="2025-10-09",
     text=("Laptop market shrinks again\n\n"
           "Corvell Research said laptop shipments dropped 2 per cent to about 61 million. Tablet sales grew "
           "2 per cent and reached 34 million devices."),
     claims=[
        C("2 per cent", 2, "percent", "devices-laptop-change", nth=0),
        C("about 61 million", 61e6, "count", "devices-laptop-units", qualifier="approx"),
        C("2 per cent", 2, "percent", "devices-tablet-change", nth=1),
        C("34 million devices", 34e6, "count", "devices-tablet-units", noun="devices"),
     ],
     not_claims=[]),
dict(id="st-devices-3", outlet="City Echo", title="Laptop sales slide for sixth quarter",
     published="2025-10-10",
     text=("Laptop sales slide for sixth quarter\n\n"
           "Laptop shipments fell 3.1% in the quarter, data from Pentra showed, to 60.4 million machines. "
           "Tablet shipments rose 1.8%."),
     claims=[
        C("3.1%", 3.1, "percent", "devices-laptop-change"),
        C("60.4 million machines", 60.4e6, "count", "devices-laptop-units", noun="machines"),
        C("1.8%", 1.8, "percent", "devices-tablet-change"),
     ],
     not_claims=["sixth quarter"]),
# ------------------------------------------------------------------ a wildfire: other units, another fire
dict(id="st-fire-1", outlet="West Coast Herald", title="Sorrel Ridge fire grows to 75,000 acres",
     published="2025-08-14",
     text=("Sorrel Ridge fire grows to 75,000 acres\n\n"
           "The Sorrel Ridge fire has burned 75,000 acres and was 20% contained on Thursday, fire officials "
           "said. About 12,000 residents have been told to leave. Last year's Ashby fire burned 70,000 acres "
           "before crews put it out."),
     claims=[
        C("75,000 acres", 75000, "measure", "fire-area", unit="acre", nth=0),
        C("75,000 acres", 75000, "measure", "fire-area", unit="acre", nth=1),
        C("20%", 20, "percent", "fire-contained"),
        C("About 12,000", 12000, "count", "fire-evacuated", noun="residents", qualifier="approx"),
        C("70,000 acres", 70000, "measure", "fire-ashby-area", unit="acre"),
     ],
     not_claims=["Thursday"]),
dict(id="st-fire-2", outlet="Northgate Wire", title="Thousands flee as Sorrel Ridge blaze spreads",
     published="2025-08-14",
     text=("Thousands flee as Sorrel Ridge blaze spreads\n\n"
           "The Sorrel Ridge blaze now covers some 30,000 hectares, officials said, with containment at 25%. "
           "Around 15,000 people have been evacuated and 60 homes destroyed."),
     claims=[
        C("some 30,000 hectares", 30000, "measure", "fire-area", unit="hectare", qualifier="approx"),
        C("25%", 25, "percent", "fire-contained"),
        C("Around 15,000", 15000, "count", "fire-evacuated", noun="people", qualifier="approx"),
        C("60 homes", 60, "count", "fire-homes", noun="homes"),
     ],
     not_claims=[]),
dict(id="st-fire-3", outlet="Valley Radio", title="Sorrel Ridge fire: 80,000 acres burned, 48 homes lost",
     published="2025-08-15",
     text=("Sorrel Ridge fire: 80,000 acres burned, 48 homes lost\n\n"
           "Firefighters said the fire had spread across 80,000 acres overnight and destroyed 48 homes. It is "
           "20 per cent contained."),
     claims=[
        C("80,000 acres", 80000, "measure", "fire-area", unit="acre", nth=0),
        C("48 homes", 48, "count", "fire-homes", noun="homes", nth=0),
        C("80,000 acres", 80000, "measure", "fire-area", unit="acre", nth=1),
        C("48 homes", 48, "count", "fire-homes", noun="homes", nth=1),
        C("20 per cent", 20, "percent", "fire-contained"),
     ],
     not_claims=[]),
# ------------------------------------------------------------------ a referendum: poll and result, for and against
dict(id="st-vote-1", outlet="Daily Ledger", title="Lindmark rejects stadium plan with 52% of the vote",
     published="2025-09-22",
     text=("Lindmark rejects stadium plan with 52% of the vote\n\n"
           "Voters in Lindmark rejected the stadium plan, with 52% against and 48% in favour, on a turnout of "
           "71%. A poll a week earlier had shown 55% for the plan and 45% against."),
     claims=[
        C("52%", 52, "percent", "vote-against", nth=0),
        C("52%", 52, "percent", "vote-against", nth=1),
        C("48%", 48, "percent", "vote-for"),
        C("71%", 71, "percent", "vote-turnout"),
        C("55%", 55, "percent", "vote-poll-for"),
        C("45%", 45, "percent", "vote-poll-against"),
     ],
     not_claims=[]),
dict(id="st-vote-2", outlet="Morning Courier", title="Stadium plan defeated in Lindmark referendum",
     published="2025-09-22",
     text=("Stadium plan defeated in Lindmark referendum\n\n"
           "The No side won 52.1% of votes, with 47.9% backing the plan. Turnout was 71.3%, officials said. "
           "The arena would have cost £310m."),
     claims=[
        C("52.1%", 52.1, "percent", "vote-against"),
        C("47.9%", 47.9, "percent", "vote-for"),
        C("71.3%", 71.3, "percent", "vote-turnout"),
        C("£310m", 310e6, "money", "vote-cost", currency="GBP"),
     ],
     not_claims=[]),
dict(id="st-vote-3", outlet="City Echo", title="Lindmark says no to £300m arena",
     published="2025-09-23",
     text=("Lindmark says no to £300m arena\n\n"
           "Turnout reached 71 per cent as 48 per cent of voters backed the £300m arena and 52 per cent opposed "
           "it. Polls had put support at 55 per cent."),
     claims=[
        C("£300m", 300e6, "money", "vote-cost", currency="GBP", nth=0),
        C("71 per cent", 71, "percent", "vote-turnout"),
        C("48 per cent", 48, "percent", "vote-for"),
        C("£300m", 300e6, "money", "vote-cost", currency="GBP", nth=1),
        C("52 per cent", 52, "percent", "vote-against"),
        C("55 per cent", 55, "percent", "vote-poll-for"),
     ],
     not_claims=[]),
# ------------------------------------------------------------------ a bridge: written out, other units
dict(id="st-bridge-1", outlet="Northgate Wire", title="Hallam Firth bridge opens after ten years of work",
     published="2025-06-13",
     text=("Hallam Firth bridge opens after ten years of work\n\n"
           "The £250m crossing over the Hallam Firth, 5 miles long, opened on Friday after 10 years of "
           "construction. It is expected to carry 40,000 vehicles a day."),
     claims=[
        C("ten years", 10, "duration", "bridge-build", unit="year"),
        C("£250m", 250e6, "money", "bridge-cost", currency="GBP"),
        C("5 miles", 5, "measure", "bridge-length", unit="mile"),
        C("10 years", 10, "duration", "bridge-build", unit="year"),
        C("40,000 vehicles a day", 40000, "count", "bridge-traffic", noun="vehicles", per="day"),
     ],
     not_claims=["Friday"]),
dict(id="st-bridge-2", outlet="Engineering Today", title="Hallam Firth crossing open to traffic",
     published="2025-06-13",
     text=("Hallam Firth crossing open to traffic\n\n"
           "The bridge, which cost a quarter of a billion pounds, stretches 8 kilometres across the Hallam "
           "Firth. Engineers expect about 40,000 vehicles to use it daily. Building took a decade."),
     claims=[
        C("a quarter of a billion pounds", 250e6, "money", "bridge-cost", currency="GBP"),
        C("8 kilometres", 8, "measure", "bridge-length", unit="kilometre"),
        C("about 40,000", 40000, "count", "bridge-traffic", noun="vehicles", per="day", qualifier="approx"),
     ],
     not_claims=[]),
dict(id="st-bridge-3", outlet="Morning Courier", title="Hallam Firth bridge finally open, £15m over budget",
     published="2025-06-14",
     text=("Hallam Firth bridge finally open, £15m over budget\n\n"
           "The 8km Hallam Firth bridge cost £265m, well above the £190m first budgeted in 2013. Up to 45,000 "
           "vehicles a day are forecast to cross it."),
     claims=[
        C("£15m", 15e6, "money", "bridge-overrun", currency="GBP"),
        C("8km", 8, "measure", "bridge-length", unit="kilometre"),
        C("£265m", 265e6, "money", "bridge-cost", currency="GBP"),
        C("£190m", 190e6, "money", "bridge-budget-2013", currency="GBP"),
        C("Up to 45,000", 45000, "count", "bridge-traffic", noun="vehicles", per="day", qualifier="upper_bound"),
     ],
     not_claims=["2013"]),
# ------------------------------------------------------------------ a census: rounded and exact
dict(id="st-census-1", outlet="Daily Ledger", title="Marrowdale population passes 12 million",
     published="2025-03-27",
     text=("Marrowdale population passes 12 million\n\n"
           "The census counted more than 12 million people (12,304,117) in Marrowdale province, up 4% in "
           "10 years. The number of households rose to 4.9 million."),
     claims=[
        C("12 million", 12e6, "count", "census-population", qualifier="lower_bound", nth=0),
        C("more than 12 million", 12e6, "count", "census-population", noun="people", qualifier="lower_bound"),
        C("12,304,117", 12304117, "count", "census-population"),
        C("4%", 4, "percent", "census-growth"),
        C("10 years", 10, "duration", "census-period", unit="year"),
        C("4.9 million", 4.9e6, "count", "census-households"),
     ],
     not_claims=[]),
dict(id="st-census-2", outlet="Stats Watch", title="Census: Marrowdale grows 4.1%",
     published="2025-03-27",
     text=("Census: Marrowdale grows 4.1%\n\n"
           "Marrowdale now has 12.3 million residents, the statistics office said, an increase of 4.1% over "
           "ten years. There are 4.9 million households, and the median age rose to 41.2 years."),
     claims=[
        C("4.1%", 4.1, "percent", "census-growth", nth=0),
        C("12.3 million residents", 12.3e6, "count", "census-population", noun="residents"),
        C("4.1%", 4.1, "percent", "census-growth", nth=1),
        C("ten years", 10, "duration", "census-period", unit="year"),
        C("4.9 million", 4.9e6, "count", "census-households"),
        C("41.2 years", 41.2, "duration", "census-age", unit="year"),
     ],
     not_claims=[]),
dict(id="st-census-3", outlet="City Echo", title="Older and larger: Marrowdale census results",
     published="2025-03-28",
     text=("Older and larger: Marrowdale census results\n\n"
           "The median age in Marrowdale reached 41 years, and the population grew by about 4% and now stands at 12.3 million. "
           "One in five residents was born abroad."),
     claims=[
        C("41 years", 41, "duration", "census-age", unit="year"),
        C("about 4%", 4, "percent", "census-growth", qualifier="approx"),
        C("12.3 million", 12.3e6, "count", "census-population"),
        C("One in five", 0.2, "ratio", "census-born-abroad", noun="residents"),
     ],
     not_claims=[]),
# ------------------------------------------------------------------ a flood: a toll through the day, an old flood
dict(id="st-flood-1", outlet="Valley Radio", title="Dunmere floods: 11 dead as river bursts its banks",
     published="2025-11-03",
     text=("Dunmere floods: 11 dead as river bursts its banks\n\n"
           "At least 11 people have died after the River Tolle burst its banks in Dunmere, police said. About "
           "2,000 homes were flooded after 180mm of rain fell in 24 hours."),
     claims=[
        C("11", 11, "count", "flood-deaths", nth=0),
        C("At least 11", 11, "count", "flood-deaths", noun="people", qualifier="lower_bound"),
        C("About 2,000", 2000, "count", "flood-homes", noun="homes", qualifier="approx"),
        C("180mm", 180, "measure", "flood-rain", unit="millimetre"),
        C("24 hours", 24, "duration", "flood-rain-window", unit="hour"),
     ],
     not_claims=[]),
dict(id="st-flood-2", outlet="Northgate Wire", title="Dunmere flood toll rises to 15",
     published="2025-11-03",
     text=("Dunmere flood toll rises to 15\n\n"
           "Fifteen people are now confirmed dead in Dunmere, the regional authority said. Some 2,400 homes are "
           "under water. In 1960 a flood on the same river killed 18 people."),
     claims=[
        C("15", 15, "count", "flood-deaths"),
        C("Fifteen", 15, "count", "flood-deaths", noun="people"),
        C("Some 2,400", 2400, "count", "flood-homes", noun="homes", qualifier="approx"),
        C("18 people", 18, "count", "flood-1960-deaths", noun="people"),
     ],
     not_claims=["1960"]),
dict(id="st-flood-3", outlet="Daily Ledger", title="Dunmere: 19 killed after 7 inches of rain",
     published="2025-11-04",
     text=("Dunmere: 19 killed after 7 inches of rain\n\n"
           "The death toll in Dunmere has reached 19. Forecasters said 7 inches of rain fell in a single day. "
           "Insurers estimate the damage at €400m."),
     claims=[
        C("19", 19, "count", "flood-deaths", nth=0),
        C("7 inches", 7, "measure", "flood-rain", unit="inch", nth=0),
        C("19", 19, "count", "flood-deaths", nth=1),
        C("7 inches", 7, "measure", "flood-rain", unit="inch", nth=1),
        C("€400m", 400e6, "money", "flood-damage", currency="EUR"),
     ],
     not_claims=[]),
dict(id="st-flood-4", outlet="Morning Courier", title="Dunmere counts the cost of the floods",
     published="2025-11-05",
     text=("Dunmere counts the cost of the floods\n\n"
           "Damage from the Dunmere floods could reach €450m, insurers said, and 2,100 homes were flooded. The "
           "River Tolle peaked at 4.2 metres above normal."),
     claims=[
        C("€450m", 450e6, "money", "flood-damage", currency="EUR"),
        C("2,100 homes", 2100, "count", "flood-homes", noun="homes"),
        C("4.2 metres", 4.2, "measure", "flood-river", unit="metre"),
     ],
     not_claims=[]),
# ------------------------------------------------------------------ a general strike: unions and the government
dict(id="st-general-1", outlet="Labour Post", title="General strike halts Varesco",
     published="2025-01-15",
     text=("General strike halts Varesco\n\n"
           "As many as 300,000 workers joined the general strike in Varesco on Wednesday, union leaders said. "
           "The stoppage will cost the economy €120m a day, the chamber of commerce estimated. Around 450 flights "
           "were cancelled."),
     claims=[
        C("As many as 300,000", 300000, "count", "general-strikers", noun="workers", qualifier="upper_bound"),
        C("€120m a day", 120e6, "money", "general-cost", currency="EUR", per="day"),
        C("Around 450", 450, "count", "general-flights", noun="flights", qualifier="approx"),
     ],
     not_claims=["Wednesday"]),
dict(id="st-general-2", outlet="Northgate Wire", title="Varesco strike: a quarter of a million walk out",
     published="2025-01-15",
     text=("Varesco strike: a quarter of a million walk out\n\n"
           "A quarter of a million people stopped work in Varesco, the interior ministry said. Airlines cancelled "
           "450 flights, and the cost of the general strike was put at €120m a day."),
     claims=[
        C("a quarter of a million", 250000, "count", "general-strikers"),
        C("A quarter of a million", 250000, "count", "general-strikers", noun="people"),
        C("450 flights", 450, "count", "general-flights", noun="flights"),
        C("€120m a day", 120e6, "money", "general-cost", currency="EUR", per="day"),
     ],
     not_claims=[]),
dict(id="st-general-3", outlet="City Echo", title="Varesco brought to a standstill by general strike",
     published="2025-01-16",
     text=("Varesco brought to a standstill by general strike\n\n"
           "As many as 300,000 workers took part in the Varesco strike, unions said. Business groups said losses "
           "would be about €100m a day."),
     claims=[
        C("As many as 300,000", 300000, "count", "general-strikers", noun="workers", qualifier="upper_bound"),
        C("about €100m a day", 100e6, "money", "general-cost", currency="EUR", per="day", qualifier="approx"),
     ],
     not_claims=[]),
# ------------------------------------------------------------------ a chemical blast: a toll and an injured count raised within one report
dict(id="st-chem-1", outlet="Eastbank Gazette", title="Explosion at Tarnwick chemical works injures dozens",
     published="2025-03-12",
     text=("Explosion at Tarnwick chemical works injures dozens\n\n"
           "A blast tore through the Pellmore Chemicals plant in Tarnwick on Wednesday morning, sending black "
           "smoke over the town. By midday the fire service had counted 27 injured. By the evening the regional "
           "hospital said it had treated 41 people, most for burns and breathing problems. At least 3 workers "
           "were killed, the company said. About 120 staff were on shift at the time. Residents living within "
           "2 km of the site were told to keep their windows shut. A fire at the same plant in 2011 injured "
           "9 workers."),
     claims=[
        C("27", 27, "count", "chem-injured"),
        C("41 people", 41, "count", "chem-injured", noun="people"),
        C("At least 3", 3, "count", "chem-deaths", noun="workers", qualifier="lower_bound"),
        C("About 120", 120, "count", "chem-staff", noun="staff", qualifier="approx"),
        C("2 km", 2, "measure", "chem-zone", unit="kilometre"),
        C("9 workers", 9, "count", "chem-2011-injured", noun="workers"),
     ],
     not_claims=["Wednesday", "2011"]),
dict(id="st-chem-2", outlet="Riverside Bulletin", title="Tarnwick plant blast kills 5 as toll rises",
     published="2025-03-12",
     text=("Tarnwick plant blast kills 5 as toll rises\n\n"
           "Pellmore Chemicals first confirmed 3 deaths after Wednesday's explosion at its Tarnwick works. Late "
           "in the evening police raised the toll to 5, after searching a storage hall that had collapsed. More "
           "than 40 people were hurt. Around 120 employees were working when the blast happened, the company "
           "said. People within 1.2 miles of the plant were urged to stay indoors while crews tested the air. "
           "Production will stop for at least three weeks."),
     claims=[
        C("5", 5, "count", "chem-deaths", nth=0),
        C("3 deaths", 3, "count", "chem-deaths", noun="deaths"),
        C("5", 5, "count", "chem-deaths", nth=1),
        C("More than 40", 40, "count", "chem-injured", noun="people", qualifier="lower_bound"),
        C("Around 120", 120, "count", "chem-staff", noun="employees", qualifier="approx"),
        C("1.2 miles", 1.2, "measure", "chem-zone", unit="mile"),
        C("at least three weeks", 3, "duration", "chem-shutdown", unit="week", qualifier="lower_bound"),
     ],
     not_claims=["Wednesday"]),
dict(id="st-chem-3", outlet="Midland Sentinel", title="Five dead after Tarnwick chemical explosion",
     published="2025-03-13",
     text=("Five dead after Tarnwick chemical explosion\n\n"
           "Five workers died and 41 people were treated in hospital after the explosion at the Pellmore "
           "Chemicals plant in Tarnwick, health officials said on Thursday. The shock wave shattered windows in "
           "41 homes on the nearby Larch estate. Investigators believe a reactor vessel holding 8 tonnes of "
           "solvent overheated shortly before the blast. The plant is expected to stay closed for about four "
           "weeks while the site is made safe."),
     claims=[
        C("Five", 5, "count", "chem-deaths", nth=0),
        C("Five workers", 5, "count", "chem-deaths", noun="workers"),
        C("41 people", 41, "count", "chem-injured", noun="people"),
        C("41 homes", 41, "count", "chem-homes", noun="homes"),
        C("8 tonnes", 8, "measure", "chem-solvent", unit="tonne"),
        C("about four weeks", 4, "duration", "chem-shutdown", unit="week", qualifier="approx"),
     ],
     not_claims=["Thursday"]),
# ------------------------------------------------------------------ a teachers' strike: union and ministry, a count through the morning
dict(id="st-teachers-1", outlet="Civic Record", title="Union says nearly 80% of Esterholm teachers on strike",
     published="2025-10-21",
     text=("Union says nearly 80% of Esterholm teachers on strike\n\n"
           "The Esterholm Teachers' Federation said 78% of its members walked out on Tuesday, the first day of "
           "a two-day strike over pay. The education ministry put the figure at 31%, based on reports from head "
           "teachers. More than 400 schools were closed. The federation wants a 9% pay rise, in line with last "
           "year's inflation of 9%, while the ministry has offered 3.5%. During a 2019 strike, about 600 schools "
           "shut their doors."),
     claims=[
        C("nearly 80%", 80, "percent", "teachers-turnout", qualifier="upper_bound"),
        C("78%", 78, "percent", "teachers-turnout"),
        C("two-day", 2, "duration", "teachers-length", unit="day"),
        C("31%", 31, "percent", "teachers-turnout"),
        C("More than 400", 400, "count", "teachers-schools", noun="schools", qualifier="lower_bound"),
        C("9%", 9, "percent", "teachers-demand", nth=0),
        C("9%", 9, "percent", "teachers-inflation", nth=1),
        C("3.5%", 3.5, "percent", "teachers-offer"),
        C("about 600", 600, "count", "teachers-2019-schools", noun="schools", qualifier="approx"),
     ],
     not_claims=["Tuesday", "first day", "2019"]),
dict(id="st-teachers-2", outlet="Harbour Times", title="Hundreds of Esterholm schools shut as teachers strike",
     published="2025-10-21",
     text=("Hundreds of Esterholm schools shut as teachers strike\n\n"
           "By 9am on Tuesday the education ministry said 240 schools across Esterholm had closed. By midday it "
           "had raised the figure to 410 schools, out of 1,650 in the region. The union claimed 78% of teachers "
           "had joined the 48-hour walkout; ministry officials said about a third. Teachers are seeking a rise "
           "of 9 per cent and have rejected an offer of 3.5 per cent."),
     claims=[
        C("240 schools", 240, "count", "teachers-schools", noun="schools"),
        C("410 schools", 410, "count", "teachers-schools", noun="schools"),
        C("1,650", 1650, "count", "teachers-schools-total"),
        C("78%", 78, "percent", "teachers-turnout"),
        C("48-hour", 48, "duration", "teachers-length", unit="hour"),
        C("about a third", 1 / 3, "ratio", "teachers-turnout", qualifier="approx"),
        C("9 per cent", 9, "percent", "teachers-demand"),
        C("3.5 per cent", 3.5, "percent", "teachers-offer"),
     ],
     not_claims=["9am", "Tuesday"]),
dict(id="st-teachers-3", outlet="Lowland Observer", title="Esterholm teachers end two-day strike without a deal",
     published="2025-10-23",
     text=("Esterholm teachers end two-day strike without a deal\n\n"
           "Teachers across Esterholm returned to classrooms on Thursday after a two-day strike over pay. The "
           "ministry said 410 schools had closed, out of 1,650 in the region. Its count of striking staff was "
           "31%, far below the union's figure. The federation, which represents 21,000 teachers, said it would "
           "not accept the 3.5% offer and would ballot members on a further 3 days of action."),
     claims=[
        C("two-day", 2, "duration", "teachers-length", unit="day", nth=0),
        C("two-day", 2, "duration", "teachers-length", unit="day", nth=1),
        C("410 schools", 410, "count", "teachers-schools", noun="schools"),
        C("1,650", 1650, "count", "teachers-schools-total"),
        C("31%", 31, "percent", "teachers-turnout"),
        C("21,000 teachers", 21000, "count", "teachers-members", noun="teachers"),
        C("3.5%", 3.5, "percent", "teachers-offer"),
        C("3 days", 3, "duration", "teachers-further", unit="day"),
     ],
     not_claims=["Thursday"]),
# ------------------------------------------------------------------ a landslide: the missing and the dead revised through the day
dict(id="st-slide-1", outlet="Highland Dispatch", title="Landslide buries homes in Vellisk, 11 still missing",
     published="2025-09-16",
     text=("Landslide buries homes in Vellisk, 11 still missing\n\n"
           "A landslide swept through the mountain village of Vellisk before dawn on Tuesday, burying 25 houses. "
           "Early in the morning the district office said 17 people were missing. By the evening that number had "
           "fallen to 11, after several residents were found safe with relatives. Four people have been "
           "confirmed dead. About 200 rescuers are digging through the mud, helped by soldiers. More than 300mm "
           "of rain fell on the valley in the three days before the slope gave way."),
     claims=[
        C("11", 11, "count", "slide-missing", nth=0),
        C("25 houses", 25, "count", "slide-homes", noun="houses"),
        C("17 people", 17, "count", "slide-missing", noun="people"),
        C("11", 11, "count", "slide-missing", nth=1),
        C("Four", 4, "count", "slide-deaths", noun="people"),
        C("About 200", 200, "count", "slide-rescuers", noun="rescuers", qualifier="approx"),
        C("More than 300mm", 300, "measure", "slide-rain", unit="millimetre", qualifier="lower_bound"),
        C("three days", 3, "duration", "slide-rain-window", unit="day"),
     ],
     not_claims=["Tuesday"]),
dict(id="st-slide-2", outlet="Stonegate Post", title="Vellisk landslide toll rises to 6",
     published="2025-09-16",
     text=("Vellisk landslide toll rises to 6\n\n"
           "Six people are now known to have died in the Vellisk landslide, the district governor said on "
           "Tuesday night, up from 4 earlier in the day. At least 11 residents are still unaccounted for. Around "
           "25 homes were destroyed when a section of hillside about 400 metres wide collapsed after 12 inches "
           "of rain. The valley's last major slide, in 1998, killed 6 people."),
     claims=[
        C("6", 6, "count", "slide-deaths", nth=0),
        C("Six", 6, "count", "slide-deaths", noun="people"),
        C("4", 4, "count", "slide-deaths", nth=0),
        C("At least 11", 11, "count", "slide-missing", noun="residents", qualifier="lower_bound"),
        C("Around 25", 25, "count", "slide-homes", noun="homes", qualifier="approx"),
        C("about 400 metres", 400, "measure", "slide-width", unit="metre", qualifier="approx"),
        C("12 inches", 12, "measure", "slide-rain", unit="inch"),
        C("6 people", 6, "count", "slide-1998-deaths", noun="people"),
     ],
     not_claims=["Tuesday", "1998"]),
dict(id="st-slide-3", outlet="Northern Lantern", title="Search goes on for 14 missing after Vellisk landslide",
     published="2025-09-17",
     text=("Search goes on for 14 missing after Vellisk landslide\n\n"
           "Rescue teams in Vellisk worked through a second night on Wednesday, searching for 14 people the mayor, "
           "Ilse Varga, said were still missing. The regional civil protection agency gave a lower figure of 11. "
           "Six deaths have been confirmed. More than 200 rescuers are at the site, and 25 houses were buried. "
           "Geologists said 310mm of rain had soaked the hillside over 72 hours."),
     claims=[
        C("14", 14, "count", "slide-missing", nth=0),
        C("14 people", 14, "count", "slide-missing", noun="people"),
        C("11", 11, "count", "slide-missing"),
        C("Six deaths", 6, "count", "slide-deaths", noun="deaths"),
        C("More than 200", 200, "count", "slide-rescuers", noun="rescuers", qualifier="lower_bound"),
        C("25 houses", 25, "count", "slide-homes", noun="houses"),
        C("310mm", 310, "measure", "slide-rain", unit="millimetre"),
        C("72 hours", 72, "duration", "slide-rain-window", unit="hour"),
     ],
     not_claims=["Wednesday", "second night"]),
]


def render() -> str:
    return render_gold(ARTICLES)


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT} ({len(ARTICLES)} articles)")
