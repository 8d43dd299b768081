"""A held-out gold set: eighteen short articles in domains the development gold does not cover.

The articles (elections, budgets and tax, sport, an earthquake and floods, public health, company results,
crime figures, energy and climate, transport, education, migration, science; then drought, an airline,
house prices, a storm, pensions, a council budget) were written for this test, in the gold format of the
project's development set, to measure the extractor outside the development gold's domains. Where the
first batch showed errors the general rules were revised (with their own table-driven cases in
tests/test_extract_context.py), so its figures are no longer a blind measure; the second batch was scored
once as written before it was used the same way. ``tests/data/heldout.jsonl`` is generated from
``ARTICLES`` below; offsets come from ``str.find`` so ``text[start:end] == surface`` always holds (a test
checks the file is what this module builds). Regenerate after editing with::

    .venv/bin/python tests/test_heldout.py

Policy decisions the gold encodes (the project's claim policy otherwise):

- A composite duration ("2 hours 3 minutes", "2 hours 10 minutes") is one claim in its smallest unit.
- Scores and vote tallies written as "3-1" or "52-48" are results, not claims: the claim contract has no
  pair value, and reading them as a range would misstate them. A tally written out ("by five votes") is a
  count.
- Ages describing a person or bounding a group ("aged 65 and over", "Ruiz, 27,") are not claims; an age
  set by a rule ("the pension age rises from 66 to 67") is a duration in years.
- "N times the number"/"N times as many" is a multiplier (ratio N); "won the cup nine times" is a count
  with no counted noun.
- "from X to Y" after a verb of change ("rose from 45% to 47%") is two claims; otherwise ("estimates
  range from 5 to 7 million") it is a range.
- Bare four-digit numbers are counts when a counted noun follows ("2000 people", "1500 troops") and years
  when used as dates ("since 1990", "in 2021", "by 2030").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from goldspec import C
from goldspec import render as render_gold
from workbench.evaluate import evaluate, format_report, load_gold

HERE = Path(__file__).parent
HELDOUT = HERE / "data" / "heldout.jsonl"


ARTICLES = [
dict(id="ho-election", outlet="Northern Ledger", title="Alliance wins 54 of the 97 seats as turnout hits 68.4%",
     published="2024-03-11",
     text=("Alliance wins 54 of the 97 seats as turnout hits 68.4%\n\n"
           "The Progressive Alliance won 54 of the 97 seats in Sunday's regional election, up from 41 in 2019, "
           "with turnout at 68.4 per cent. Its vote share rose by 6.2 percentage points to 38.5%, while the "
           "Greens took roughly one in eight votes.\n\n"
           "About two-thirds of voters aged 65 and over backed the governing bloc, according to an exit poll of "
           "12,500 people by Civica Research published on 12/03/2024. Polls had put the Alliance between 30 and "
           "35 per cent. Turnout fell in fifteen of the region's districts.\n\n"
           "The assembly's first budget vote later passed 52-48. Full results are at "
           "www.elections-board.org/results2024 or call 0300 123 4567."),
     claims=[
        C("54", 54, "count", "el-seats-won", noun="seats", nth=0),
        C("97 seats", 97, "count", "el-seats-total", noun="seats", nth=0),
        C("68.4%", 68.4, "percent", "el-turnout"),
        C("54", 54, "count", "el-seats-won", noun="seats", nth=1),
        C("97 seats", 97, "count", "el-seats-total", noun="seats", nth=1),
        C("41", 41, "count", "el-seats-2019"),
        C("68.4 per cent", 68.4, "percent", "el-turnout"),
        C("6.2 percentage points", 6.2, "percent", "el-share-change", unit="percentage point"),
        C("38.5%", 38.5, "percent", "el-share"),
        C("roughly one in eight", 0.125, "ratio", "el-greens", noun="votes", qualifier="approx"),
        C("About two-thirds", 2 / 3, "ratio", "el-older-voters", noun="voters", qualifier="approx"),
        C("12,500 people", 12500, "count", "el-poll-size", noun="people"),
        C("between 30 and 35 per cent", 30, "percent", "el-polls", high=35, qualifier="range"),
        C("fifteen", 15, "count", "el-turnout-districts", noun="districts"),
     ],
     not_claims=["2019", "aged 65", "12/03/2024", "first", "52-48", "www.elections-board.org/results2024",
                 "0300 123 4567"]),
dict(id="ho-budget", outlet="Capital Times", title="Treasury unveils $2.5 trillion budget",
     published="2024-03-13",
     text=("Treasury unveils $2.5 trillion budget\n\n"
           "The Treasury on Wednesday unveiled a $2.5 trillion budget for FY2025, about 4% more than last year. "
           "The top rate of income tax rises from 45% to 47% for earnings over $250,000 a year, which officials "
           "say will raise an estimated $18bn annually.\n\n"
           "Health spending reaches $4,310 per capita, and the deficit is forecast at 3.1 per cent of GDP in Q3. "
           "Half of the new money goes to defence and pensions. Some 1.5 million households will pay less tax, "
           "the department said.\n\n"
           "An earlier plan, published on 2024-03-12, had proposed cuts of between $90bn and $120bn over ten "
           "years."),
     claims=[
        C("$2.5 trillion", 2.5e12, "money", "bu-total", currency="USD", nth=0),
        C("$2.5 trillion", 2.5e12, "money", "bu-total", currency="USD", nth=1),
        C("about 4%", 4, "percent", "bu-growth", qualifier="approx"),
        C("45%", 45, "percent", "bu-old-rate"),
        C("47%", 47, "percent", "bu-new-rate"),
        C("over $250,000 a year", 250000, "money", "bu-threshold", currency="USD", per="year",
          qualifier="lower_bound"),
        C("an estimated $18bn annually", 18e9, "money", "bu-raise", currency="USD", per="year", qualifier="approx"),
        C("$4,310 per capita", 4310, "money", "bu-health", currency="USD", per="person"),
        C("3.1 per cent", 3.1, "percent", "bu-deficit"),
        C("Half", 0.5, "ratio", "bu-defence", noun="money"),
        C("Some 1.5 million households", 1.5e6, "count", "bu-households", noun="households", qualifier="approx"),
        C("between $90bn and $120bn", 90e9, "money", "bu-cuts", high=120e9, currency="USD", qualifier="range"),
        C("ten years", 10, "duration", "bu-cuts-period", unit="year"),
     ],
     not_claims=["Wednesday", "FY2025", "Q3", "2024-03-12"]),
dict(id="ho-sport", outlet="Sportsdesk", title="Rovers sign Ruiz for £1.2m after 3-1 win",
     published="2024-03-17",
     text=("Rovers sign Ruiz for £1.2m after 3-1 win\n\n"
           "Rovers beat City 3-1 on Saturday in front of 41,250 fans to climb to second in the table. The club "
           "confirmed the signing of forward Marco Ruiz for £1.2m plus add-ons, on a contract reported to be "
           "worth €40 000 a week.\n\n"
           "Ruiz, 27, scored 19 goals in 34 games last season and was sold by his former club for 1.5 million "
           "euros in 2021. Rovers have now won the cup nine times, and sales of tickets for the 2023/24 season "
           "rose 12%.\n\n"
           "In the city marathon on Sunday, the winner finished in 2 hours 3 minutes, the second-fastest time "
           "ever run on the course. Highlights are on PS5 and at www.sportsdesk.news/rovers."),
     claims=[
        C("£1.2m", 1.2e6, "money", "sp-fee", currency="GBP", nth=0),
        C("41,250 fans", 41250, "count", "sp-crowd", noun="fans"),
        C("£1.2m", 1.2e6, "money", "sp-fee", currency="GBP", nth=1),
        C("€40 000 a week", 40000, "money", "sp-wage", currency="EUR", per="week"),
        C("19 goals", 19, "count", "sp-goals", noun="goals"),
        C("34 games", 34, "count", "sp-games", noun="games"),
        C("1.5 million euros", 1.5e6, "money", "sp-old-fee", currency="EUR"),
        C("nine times", 9, "count", "sp-cups"),
        C("12%", 12, "percent", "sp-tickets"),
        C("2 hours 3 minutes", 123, "duration", "sp-marathon", unit="minute"),
     ],
     not_claims=["3-1", "second in the table", "Ruiz, 27", "2021", "2023/24", "second-fastest", "PS5",
                 "www.sportsdesk.news/rovers"]),
dict(id="ho-quake", outlet="Pacific Wire", title="Magnitude 6.8 quake kills at least 2000 people",
     published="2024-03-12",
     text=("Magnitude 6.8 quake kills at least 2000 people\n\n"
           "Updated 10:42 GMT, 12 March 2024\n\n"
           "A magnitude 6.8 earthquake struck at 09:30 local time on 12 March about 45km south-west of the "
           "capital, killing at least 2000 people and injuring more than 6,700. Some 1500 troops have been "
           "deployed, and up to 300,000 people may need shelter, the UN said. Estimates of the number affected "
           "range from 5 to 7 million.\n\n"
           "Floods in the north followed 180mm of rain in 24 hours, the most since the 1990s. Roughly one in "
           "three homes in the worst-hit district was damaged, and a dozen rescue teams have been working for "
           "three and a half days.\n\n"
           "To donate, call +44 20 7946 0958.\n\n"
           "Read More\n\n"
           "Floods leave 12 dead in the south\n\n"
           "Aid flights double to 40 a day"),
     claims=[
        C("6.8", 6.8, "measure", "qu-magnitude", unit="magnitude", nth=0),
        C("at least 2000 people", 2000, "count", "qu-deaths", noun="people", qualifier="lower_bound", nth=0),
        C("6.8", 6.8, "measure", "qu-magnitude", unit="magnitude", nth=1),
        C("about 45km", 45, "measure", "qu-distance", unit="kilometre", qualifier="approx"),
        C("at least 2000 people", 2000, "count", "qu-deaths", noun="people", qualifier="lower_bound", nth=1),
        C("more than 6,700", 6700, "count", "qu-injured", qualifier="lower_bound"),
        C("Some 1500 troops", 1500, "count", "qu-troops", noun="troops", qualifier="approx"),
        C("up to 300,000 people", 300000, "count", "qu-shelter", noun="people", qualifier="upper_bound"),
        C("from 5 to 7 million", 5e6, "count", "qu-affected", high=7e6, qualifier="range"),
        C("180mm", 180, "measure", "qu-rain", unit="millimetre", noun="rain"),
        C("24 hours", 24, "duration", "qu-rain-period", unit="hour"),
        C("Roughly one in three", 1 / 3, "ratio", "qu-homes", noun="homes", qualifier="approx"),
        C("a dozen rescue teams", 12, "count", "qu-teams", noun="teams"),
        C("three and a half days", 3.5, "duration", "qu-rescue", unit="day"),
     ],
     not_claims=["10:42 GMT", "12 March 2024", "09:30", "12 March", "1990s", "+44 20 7946 0958",
                 "Floods leave 12 dead", "40 a day"]),
dict(id="ho-health", outlet="Health Bulletin", title="Measles cases triple as vaccine uptake falls to 84%",
     published="2024-04-02",
     text=("Measles cases triple as vaccine uptake falls to 84%\n\n"
           "Confirmed measles cases rose to 1,240 in the year to March, three times the number recorded a year "
           "earlier, the health agency said. Uptake of the MMR jab among toddlers fell to 84%, below the 95% "
           "needed for herd immunity.\n\n"
           "Nearly half of the cases were in London, and 97 patients needed hospital treatment for an average "
           "of 6.5 days. Clinics will open from 8am to 7.30pm, and the campaign will cost £3.4m. Each dose "
           "costs about £12, and the agency aims to vaccinate 250,000 children by the end of Q2."),
     claims=[
        C("84%", 84, "percent", "he-uptake", nth=0),
        C("1,240", 1240, "count", "he-cases", noun="cases"),
        C("three times", 3, "ratio", "he-rise"),
        C("84%", 84, "percent", "he-uptake", nth=1),
        C("95%", 95, "percent", "he-target"),
        C("Nearly half", 0.5, "ratio", "he-london", noun="cases", qualifier="upper_bound"),
        C("97 patients", 97, "count", "he-hospital", noun="patients"),
        C("6.5 days", 6.5, "duration", "he-stay", unit="day"),
        C("£3.4m", 3.4e6, "money", "he-campaign", currency="GBP"),
        C("about £12", 12, "money", "he-dose", currency="GBP", qualifier="approx"),
        C("250,000 children", 250000, "count", "he-goal", noun="children"),
     ],
     not_claims=["8am", "7.30pm", "Q2"]),
dict(id="ho-markets", outlet="Market Street Journal", title="Nimbus profit jumps 23% to ¥300bn",
     published="2024-05-14",
     text=("Nimbus profit jumps 23% to ¥300bn\n\n"
           "Share this article\n\n"
           "3 min read\n\n"
           "Nimbus Electronics said on Tuesday that operating profit rose 23% to ¥300bn in FY2023, helped by "
           "demand for chips used in the iPhone 15 and PS5. Revenue climbed to ¥4.1 trillion, and the company "
           "will buy back up to 5% of its shares.\n\n"
           "Its shares rose 4.2% to ¥2,815 in Tokyo trading, valuing the group at about $38bn. Nimbus employs "
           "roughly 61,000 people and plans to cut 1,800 jobs by March 2025, about 3% of its workforce. The "
           "Nikkei 225 closed up 0.8 per cent. Its Indian arm reported sales of Rs 500 crore."),
     claims=[
        C("23%", 23, "percent", "mk-profit-rise", nth=0),
        C("¥300bn", 300e9, "money", "mk-profit", currency="JPY", nth=0),
        C("23%", 23, "percent", "mk-profit-rise", nth=1),
        C("¥300bn", 300e9, "money", "mk-profit", currency="JPY", nth=1),
        C("¥4.1 trillion", 4.1e12, "money", "mk-revenue", currency="JPY"),
        C("up to 5%", 5, "percent", "mk-buyback", qualifier="upper_bound"),
        C("4.2%", 4.2, "percent", "mk-shares"),
        C("¥2,815", 2815, "money", "mk-price", currency="JPY"),
        C("about $38bn", 38e9, "money", "mk-value", currency="USD", qualifier="approx"),
        C("roughly 61,000 people", 61000, "count", "mk-staff", noun="people", qualifier="approx"),
        C("1,800 jobs", 1800, "count", "mk-cuts", noun="jobs"),
        C("about 3%", 3, "percent", "mk-cuts-share", qualifier="approx"),
        C("0.8 per cent", 0.8, "percent", "mk-nikkei"),
        C("Rs 500 crore", 5e9, "money", "mk-india", currency="INR"),
     ],
     not_claims=["3 min read", "FY2023", "iPhone 15", "PS5", "March 2025", "Nikkei 225"]),
dict(id="ho-crime", outlet="Evening Chronicle", title="Knife crime falls 8% but robberies rise",
     published="2024-10-24",
     text=("Knife crime falls 8% but robberies rise\n\n"
           "Police recorded 4,512 knife offences in the 12 months to September, down 8% on the previous year, "
           "according to the Office for National Statistics. Robberies rose by 1,100 to 19,870, while burglary "
           "fell to its lowest level since the 1980s. One in four victims was a teenager.\n\n"
           "Officers made 2,300 arrests in a week-long operation, and 1,270 weapons were handed in at 42 police "
           "stations. A dozen officers were injured, and fewer than 300 arrests led to charges. The average "
           "prison sentence for possession rose from 6.9 to 7.4 months. A stolen car was stopped on the M25 at "
           "130mph.\n\n"
           "Anyone with information should call 101 or visit www.police.uk."),
     claims=[
        C("8%", 8, "percent", "cr-knife-fall", nth=0),
        C("4,512 knife offences", 4512, "count", "cr-knife", noun="offences"),
        C("12 months", 12, "duration", "cr-period", unit="month"),
        C("8%", 8, "percent", "cr-knife-fall", nth=1),
        C("1,100", 1100, "count", "cr-robbery-rise"),
        C("19,870", 19870, "count", "cr-robberies"),
        C("One in four", 0.25, "ratio", "cr-teen-victims", noun="victims"),
        C("2,300 arrests", 2300, "count", "cr-arrests", noun="arrests"),
        C("1,270 weapons", 1270, "count", "cr-weapons", noun="weapons"),
        C("42 police stations", 42, "count", "cr-stations", noun="stations"),
        C("A dozen officers", 12, "count", "cr-injured", noun="officers"),
        C("fewer than 300 arrests", 300, "count", "cr-charges", noun="arrests", qualifier="upper_bound"),
        C("6.9", 6.9, "duration", "cr-sentence-old", unit="month"),
        C("7.4 months", 7.4, "duration", "cr-sentence-new", unit="month"),
        C("130mph", 130, "measure", "cr-speed", unit="mile per hour"),
     ],
     not_claims=["September", "1980s", "M25", "call 101", "www.police.uk"]),
dict(id="ho-energy", outlet="Green Grid Report", title="1,400 MW wind farm approved as heat hits 104°F",
     published="2024-07-09",
     text=("1,400 MW wind farm approved as heat hits 104°F\n\n"
           "Regulators approved a 1,400 MW wind farm 35 miles off the coast, enough to power about 1.1 million "
           "homes, at a cost of $4.6bn. Carbon emissions from the power sector fell 11% last year to 152 million "
           "tonnes, the lowest since 1990.\n\n"
           "Temperatures in Phoenix hit 104°F on Monday, the 21st straight day above 100°F, and grid demand "
           "peaked at 7.30pm. The turbines are built to withstand winds of 70 knots. Solar now supplies 14% of "
           "the state's electricity, up 3 percentage points, and the state aims for 30-40% by 2030. COP28 "
           "delegates heard that global investment in clean energy reached $1.7 trillion."),
     claims=[
        C("1,400 MW", 1400, "measure", "en-capacity", unit="megawatt", nth=0),
        C("104°F", 104, "measure", "en-heat", unit="fahrenheit", nth=0),
        C("1,400 MW", 1400, "measure", "en-capacity", unit="megawatt", nth=1),
        C("35 miles", 35, "measure", "en-distance", unit="mile"),
        C("about 1.1 million homes", 1.1e6, "count", "en-homes", noun="homes", qualifier="approx"),
        C("$4.6bn", 4.6e9, "money", "en-cost", currency="USD"),
        C("11%", 11, "percent", "en-emissions-fall"),
        C("152 million tonnes", 152e6, "measure", "en-emissions", unit="tonne"),
        C("104°F", 104, "measure", "en-heat", unit="fahrenheit", nth=1),
        C("above 100°F", 100, "measure", "en-heat-threshold", unit="fahrenheit", qualifier="lower_bound"),
        C("70 knots", 70, "measure", "en-wind", unit="knot"),
        C("14%", 14, "percent", "en-solar"),
        C("3 percentage points", 3, "percent", "en-solar-rise", unit="percentage point"),
        C("30-40%", 30, "percent", "en-target", high=40, qualifier="range"),
        C("$1.7 trillion", 1.7e12, "money", "en-investment", currency="USD"),
     ],
     not_claims=["1990", "Monday", "21st", "7.30pm", "2030", "COP28"]),
dict(id="ho-transport", outlet="Rail & Road", title="Airline orders 20 A350s as Route 66 upgrade is approved",
     published="2024-09-03",
     text=("Airline orders 20 A350s as Route 66 upgrade is approved\n\n"
           "The airline has ordered 20 Airbus A350 jets worth $6.2bn at list prices, with deliveries starting "
           "in Q3 2026. Average delays on the M25 fell to 14 minutes, and new trains will cut the journey "
           "between the two cities from 2 hours 10 minutes to an hour and a half.\n\n"
           "The Route 66 upgrade will widen 48km of road at a cost of £310m, after a year and a half of delays. "
           "Ridership is up 9% to 2.3 million passengers a week, and fares will rise by no more than 4.9%. "
           "The council will buy three hundred electric buses. Ferries cross the strait at 18 knots in about "
           "three-quarters of an hour."),
     claims=[
        C("20", 20, "count", "tr-order", nth=0),
        C("20 Airbus A350 jets", 20, "count", "tr-order", noun="jets"),
        C("$6.2bn", 6.2e9, "money", "tr-order-value", currency="USD"),
        C("14 minutes", 14, "duration", "tr-delays", unit="minute"),
        C("2 hours 10 minutes", 130, "duration", "tr-journey-old", unit="minute"),
        C("an hour and a half", 1.5, "duration", "tr-journey-new", unit="hour"),
        C("48km", 48, "measure", "tr-road", unit="kilometre", noun="road"),
        C("£310m", 310e6, "money", "tr-road-cost", currency="GBP"),
        C("a year and a half", 1.5, "duration", "tr-road-delay", unit="year"),
        C("9%", 9, "percent", "tr-ridership-rise"),
        C("2.3 million passengers a week", 2.3e6, "count", "tr-ridership", noun="passengers", per="week"),
        C("no more than 4.9%", 4.9, "percent", "tr-fares", qualifier="upper_bound"),
        C("three hundred electric buses", 300, "count", "tr-buses", noun="buses"),
        C("18 knots", 18, "measure", "tr-ferry-speed", unit="knot"),
        C("about three-quarters of an hour", 0.75, "duration", "tr-ferry-time", unit="hour", qualifier="approx"),
     ],
     not_claims=["A350s", "Route 66", "Q3 2026", "M25"]),
dict(id="ho-education", outlet="Schools Week", title="Top A-level grades dip to 27.2%",
     published="2024-08-15",
     text=("Top A-level grades dip to 27.2%\n\n"
           "Some 27.2% of A-level entries were awarded an A or A* this year, down from 27.6%, the exams "
           "regulator said on August 15th. Nearly 300,000 students sat the exams, and three in ten schools "
           "reported teacher shortages.\n\n"
           "The government will spend £1.2m on each of 150 new maths hubs, and classes average 27 pupils. "
           "Teachers will get a 5.5% pay rise from 1 September, costing an extra £1.1bn a year. Pupils in "
           "Year 11 lose an average of 45 minutes of teaching a day to cover lessons. Results go online at "
           "08:00 on results day."),
     claims=[
        C("27.2%", 27.2, "percent", "ed-top-grades", nth=0),
        C("Some 27.2%", 27.2, "percent", "ed-top-grades", qualifier="approx"),
        C("27.6%", 27.6, "percent", "ed-top-grades-old"),
        C("Nearly 300,000 students", 300000, "count", "ed-students", noun="students", qualifier="upper_bound"),
        C("three in ten", 0.3, "ratio", "ed-shortages", noun="schools"),
        C("£1.2m", 1.2e6, "money", "ed-hub-funding", currency="GBP"),
        C("150 new maths hubs", 150, "count", "ed-hubs", noun="hubs"),
        C("27 pupils", 27, "count", "ed-class-size", noun="pupils"),
        C("5.5%", 5.5, "percent", "ed-pay"),
        C("£1.1bn a year", 1.1e9, "money", "ed-pay-cost", currency="GBP", per="year"),
        C("45 minutes", 45, "duration", "ed-lost-teaching", unit="minute"),
     ],
     not_claims=["August 15th", "1 September", "Year 11", "08:00"]),
dict(id="ho-migration", outlet="Border Report", title="Net migration falls to 685,000",
     published="2024-11-28",
     text=("Net migration falls to 685,000\n\n"
           "Net migration fell to an estimated 685,000 in the year to June 2024, down from a record 906,000, the "
           "statistics office said. More than 36,800 people crossed the Channel in small boats, a rise of a "
           "quarter on the year.\n\n"
           "Asylum claims rose 18% to 84,200, and 1 in 5 applicants waited more than a year for a decision. Visa "
           "fees will rise by 15 per cent from 04/04/2025, and the government expects to spend £4.3bn on "
           "accommodation, about £8m a day. Lawyers cited Article 50 of the convention."),
     claims=[
        C("685,000", 685000, "count", "mi-net", nth=0),
        C("an estimated 685,000", 685000, "count", "mi-net", qualifier="approx"),
        C("906,000", 906000, "count", "mi-record"),
        C("More than 36,800 people", 36800, "count", "mi-boats", noun="people", qualifier="lower_bound"),
        C("a quarter", 0.25, "ratio", "mi-boats-rise"),
        C("18%", 18, "percent", "mi-asylum-rise"),
        C("84,200", 84200, "count", "mi-asylum", noun="claims"),
        C("1 in 5", 0.2, "ratio", "mi-waits", noun="applicants"),
        C("more than a year", 1, "duration", "mi-wait-time", unit="year", qualifier="lower_bound"),
        C("15 per cent", 15, "percent", "mi-visa-fees"),
        C("£4.3bn", 4.3e9, "money", "mi-accommodation", currency="GBP"),
        C("about £8m a day", 8e6, "money", "mi-accommodation-daily", currency="GBP", per="day",
          qualifier="approx"),
     ],
     not_claims=["June 2024", "04/04/2025", "Article 50"]),
dict(id="ho-science", outlet="Science Today", title="Probe lands on asteroid 300 million km from Earth",
     published="2024-06-20",
     text=("Probe lands on asteroid 300 million km from Earth\n\n"
           "The probe touched down on the asteroid about 300 million km from Earth, 54 years after Apollo 11 "
           "landed on the Moon. It collected roughly 120 grams of rock, and around two-thirds of the sample "
           "appears to be water ice.\n\n"
           "The mission costs 1.5 million euros a month to operate and involves 2000 scientists from 19 "
           "countries. Its camera records 3D images over a 5G link, and the sample is kept below -20C. A second "
           "mission is planned; the team's findings are at https://science.example.org/probe-2024."),
     claims=[
        C("300 million km", 300e6, "measure", "sc-distance", unit="kilometre"),
        C("about 300 million km", 300e6, "measure", "sc-distance", unit="kilometre", qualifier="approx"),
        C("54 years", 54, "duration", "sc-since-apollo", unit="year"),
        C("roughly 120 grams", 120, "measure", "sc-sample", unit="gram", noun="rock", qualifier="approx"),
        C("around two-thirds", 2 / 3, "ratio", "sc-ice", noun="sample", qualifier="approx"),
        C("1.5 million euros a month", 1.5e6, "money", "sc-running-cost", currency="EUR", per="month"),
        C("2000 scientists", 2000, "count", "sc-scientists", noun="scientists"),
        C("19 countries", 19, "count", "sc-countries", noun="countries"),
        C("below -20C", -20, "measure", "sc-temperature", unit="celsius", qualifier="upper_bound"),
     ],
     not_claims=["Apollo 11", "3D", "5G", "second mission", "https://science.example.org/probe-2024"]),
# A second batch, written after the rules had been revised against the first, scored once as written
# (value F1 0.963, noun accuracy 0.962, qualifier accuracy 1.000, no non-claim hits), then kept here.
dict(id="bl-drought", outlet="Farm Weekly", title="Drought cuts wheat harvest by a third",
     published="2025-08-20",
     text=("Drought cuts wheat harvest by a third\n\n"
           "Farmers in the eastern counties expect to harvest about 9.2 million tonnes of wheat this year, a third "
           "less than in 2024, after just 41mm of rain fell between April and July. Yields have dropped to 5.9 "
           "tonnes per hectare, the lowest in two decades.\n\n"
           "The government has promised £60m in emergency support, or roughly £2,300 for each of the 26,000 "
           "farms that qualify. Water companies imposed hosepipe bans on 4.5 million customers on 1 August. "
           "Reservoir levels stand at 58%, compared with an average of 81% for the time of year.\n\n"
           "Some 300 farmers met at the county showground on Tuesday; more than half said they would cut "
           "planting next season."),
     claims=[
        C("a third", 1/3, "ratio", "dr-cut", nth=0),
        C("about 9.2 million tonnes", 9.2e6, "measure", "dr-harvest", unit="tonne", noun="wheat", qualifier="approx"),
        C("a third", 1/3, "ratio", "dr-cut", nth=1),
        C("41mm", 41, "measure", "dr-rain", unit="millimetre", noun="rain"),
        C("5.9 tonnes per hectare", 5.9, "measure", "dr-yield", unit="tonne", per="hectare"),
        C("two decades", 2, "duration", "dr-decades", unit="decade"),
        C("£60m", 60e6, "money", "dr-support", currency="GBP"),
        C("roughly £2,300", 2300, "money", "dr-per-farm", currency="GBP", qualifier="approx"),
        C("26,000", 26000, "count", "dr-farms", noun="farms"),
        C("4.5 million customers", 4.5e6, "count", "dr-ban", noun="customers"),
        C("58%", 58, "percent", "dr-reservoirs"),
        C("81%", 81, "percent", "dr-average"),
        C("Some 300 farmers", 300, "count", "dr-meeting", noun="farmers", qualifier="approx"),
        C("more than half", 0.5, "ratio", "dr-planting", qualifier="lower_bound"),
     ],
     not_claims=["2024", "1 August", "Tuesday"]),
dict(id="bl-airline", outlet="Aviation Daily", title="SkyJet to cut 2,400 jobs after $780m loss",
     published="2025-02-27",
     text=("SkyJet to cut 2,400 jobs after $780m loss\n\n"
           "SkyJet will cut 2,400 jobs, roughly 9% of its staff, after reporting a full-year loss of $780m, "
           "compared with a profit of $112m in 2023. The airline flew 38.6 million passengers, down 4.1%, and "
           "filled 81.3% of its seats.\n\n"
           "Chief executive Maria Lund told analysts the carrier would retire 14 Boeing 737-800 aircraft and "
           "delay delivery of 30 A321neo jets by up to two years. Fuel costs rose 17 per cent to $2.9bn.\n\n"
           "The shares fell 11% to $8.42 by 11:15 in New York. A quarter of its routes will be reviewed, and "
           "between 40 and 60 will close."),
     claims=[
        C("2,400 jobs", 2400, "count", "aj-cuts", noun="jobs", nth=0),
        C("$780m", 780e6, "money", "aj-loss", currency="USD", nth=0),
        C("2,400 jobs", 2400, "count", "aj-cuts", noun="jobs", nth=1),
        C("roughly 9%", 9, "percent", "aj-cuts-share", qualifier="approx"),
        C("$780m", 780e6, "money", "aj-loss", currency="USD", nth=1),
        C("$112m", 112e6, "money", "aj-profit-2023", currency="USD"),
        C("38.6 million passengers", 38.6e6, "count", "aj-passengers", noun="passengers"),
        C("4.1%", 4.1, "percent", "aj-passengers-fall"),
        C("81.3%", 81.3, "percent", "aj-load"),
        C("14 Boeing 737-800 aircraft", 14, "count", "aj-retire", noun="aircraft"),
        C("30 A321neo jets", 30, "count", "aj-delay", noun="jets"),
        C("up to two years", 2, "duration", "aj-delay-time", unit="year", qualifier="upper_bound"),
        C("17 per cent", 17, "percent", "aj-fuel-rise"),
        C("$2.9bn", 2.9e9, "money", "aj-fuel", currency="USD"),
        C("11%", 11, "percent", "aj-shares-fall"),
        C("$8.42", 8.42, "money", "aj-share-price", currency="USD"),
        C("A quarter", 0.25, "ratio", "aj-routes", noun="routes"),
        C("between 40 and 60", 40, "count", "aj-close", high=60, qualifier="range"),
     ],
     not_claims=["2023", "737-800", "A321neo", "11:15"]),
dict(id="bl-housing", outlet="Property Post", title="House prices up 3.2% as mortgage rates ease",
     published="2025-04-01",
     text=("House prices up 3.2% as mortgage rates ease\n\n"
           "The average home in England now costs £298,500, up 3.2% on a year earlier, according to the Land "
           "Registry. First-time buyers paid an average of £226,000, and needed a deposit of roughly 18%.\n\n"
           "The typical five-year fixed mortgage rate fell to 4.6% in March from 5.1% in January. Builders "
           "started 34,100 homes in the first quarter, well short of the 75,000 a quarter needed to meet the "
           "target of 1.5 million homes over five years.\n\n"
           "In London, prices fell 0.4 per cent, and one in six homes sold for less than its asking price. "
           "Rents rose to a record £1,340 a month."),
     claims=[
        C("3.2%", 3.2, "percent", "ho-prices-rise", nth=0),
        C("£298,500", 298500, "money", "ho-average", currency="GBP"),
        C("3.2%", 3.2, "percent", "ho-prices-rise", nth=1),
        C("£226,000", 226000, "money", "ho-ftb", currency="GBP"),
        C("roughly 18%", 18, "percent", "ho-deposit", qualifier="approx"),
        C("five-year", 5, "duration", "ho-term", unit="year"),
        C("4.6%", 4.6, "percent", "ho-rate-now"),
        C("5.1%", 5.1, "percent", "ho-rate-jan"),
        C("34,100 homes", 34100, "count", "ho-starts", noun="homes"),
        C("75,000 a quarter", 75000, "count", "ho-needed", per="quarter"),
        C("1.5 million homes", 1.5e6, "count", "ho-target", noun="homes"),
        C("five years", 5, "duration", "ho-target-period", unit="year"),
        C("0.4 per cent", 0.4, "percent", "ho-london"),
        C("one in six", 1/6, "ratio", "ho-below-asking", noun="homes"),
        C("£1,340 a month", 1340, "money", "ho-rent", currency="GBP", per="month"),
     ],
     not_claims=["first quarter", "March", "January"]),
dict(id="bl-storm", outlet="Coast Radio", title="Storm Elin: 90mph gusts leave 180,000 homes without power",
     published="2025-01-24",
     text=("Storm Elin: 90mph gusts leave 180,000 homes without power\n\n"
           "Gusts of up to 90mph hit the west coast overnight, leaving 180,000 homes without power at the peak, "
           "the grid operator said at 7am. About 40,000 were still cut off by noon.\n\n"
           "Waves of more than 12 metres were recorded off the headland, and the ferry between the islands was "
           "cancelled for a second day. Two people died when a tree fell on their car on the A82. Rail services "
           "were suspended on three lines, and more than 200 flights were cancelled at Glasgow airport.\n\n"
           "Forecasters issued 17 flood warnings and said up to 80mm of rain could fall on high ground by Sunday. "
           "The Met Office said it was the strongest storm since 2011. Advice: call 0345 988 1188."),
     claims=[
        C("90mph", 90, "measure", "st-gusts", unit="mile per hour", nth=0),
        C("180,000 homes", 180000, "count", "st-outage", noun="homes", nth=0),
        C("up to 90mph", 90, "measure", "st-gusts", unit="mile per hour", qualifier="upper_bound"),
        C("180,000 homes", 180000, "count", "st-outage", noun="homes", nth=1),
        C("About 40,000", 40000, "count", "st-still-out", qualifier="approx"),
        C("more than 12 metres", 12, "measure", "st-waves", unit="metre", qualifier="lower_bound"),
        C("Two people", 2, "count", "st-deaths", noun="people"),
        C("three lines", 3, "count", "st-lines", noun="lines"),
        C("more than 200 flights", 200, "count", "st-flights", noun="flights", qualifier="lower_bound"),
        C("17 flood warnings", 17, "count", "st-warnings", noun="warnings"),
        C("up to 80mm", 80, "measure", "st-rain", unit="millimetre", noun="rain", qualifier="upper_bound"),
     ],
     not_claims=["7am", "noon", "second day", "A82", "Sunday", "2011", "0345 988 1188"]),
dict(id="bl-pensions", outlet="Money Matters", title="State pension to rise 4.1% in April",
     published="2024-11-27",
     text=("State pension to rise 4.1% in April\n\n"
           "The full new state pension will rise by 4.1% to £230.25 a week from April, worth an extra £470 a "
           "year, under the triple lock. About 12.6 million pensioners receive the state pension, at a cost of "
           "£138bn in 2025/26.\n\n"
           "The pension age rises from 66 to 67 between 2026 and 2028. Nearly one in five pensioners lives in "
           "relative poverty, the Institute said, while the richest tenth hold half of all pension wealth. "
           "Couples need about £43,900 a year for a comfortable retirement, it estimated. Details are on "
           "www.gov.uk/state-pension or on 0800 731 0469."),
     claims=[
        C("4.1%", 4.1, "percent", "pe-rise", nth=0),
        C("4.1%", 4.1, "percent", "pe-rise", nth=1),
        C("£230.25 a week", 230.25, "money", "pe-weekly", currency="GBP", per="week"),
        C("£470 a year", 470, "money", "pe-extra", currency="GBP", per="year"),
        C("About 12.6 million pensioners", 12.6e6, "count", "pe-recipients", noun="pensioners", qualifier="approx"),
        C("£138bn", 138e9, "money", "pe-cost", currency="GBP"),
        C("66", 66, "duration", "pe-age-old", unit="year"),
        C("67", 67, "duration", "pe-age-new", unit="year"),
        C("Nearly one in five", 0.2, "ratio", "pe-poverty", noun="pensioners", qualifier="upper_bound"),
        C("half", 0.5, "ratio", "pe-wealth", noun="wealth"),
        C("about £43,900 a year", 43900, "money", "pe-comfortable", currency="GBP", per="year", qualifier="approx"),
     ],
     not_claims=["April", "2025/26", "2026", "2028", "tenth", "www.gov.uk/state-pension", "0800 731 0469"]),
dict(id="bl-council", outlet="Town Crier", title="Council tax to rise 4.99% as library hours cut",
     published="2025-02-20",
     text=("Council tax to rise 4.99% as library hours cut\n\n"
           "Councillors voted 31-22 on Wednesday night to raise council tax by 4.99%, adding £94 a year to a "
           "typical Band D bill of £1,978. The council must close a £14.3m gap in its £412m budget.\n\n"
           "Eleven libraries will open three days a week instead of five, and 65 posts will go. Bus passes for "
           "people aged 60 to 65 will be withdrawn, saving £1.1m. Potholes reported rose by a fifth to 9,870 "
           "last year, and repairs took an average of 23 days.\n\n"
           "The meeting, at 6.30pm in Room 2 of the Civic Centre, lasted four and a half hours."),
     claims=[
        C("4.99%", 4.99, "percent", "co-rise", nth=0),
        C("4.99%", 4.99, "percent", "co-rise", nth=1),
        C("£94 a year", 94, "money", "co-extra", currency="GBP", per="year"),
        C("£1,978", 1978, "money", "co-band-d", currency="GBP"),
        C("£14.3m", 14.3e6, "money", "co-gap", currency="GBP"),
        C("£412m", 412e6, "money", "co-budget", currency="GBP"),
        C("Eleven libraries", 11, "count", "co-libraries", noun="libraries"),
        C("three days a week", 3, "duration", "co-opening", unit="day", per="week"),
        C("65 posts", 65, "count", "co-posts", noun="posts"),
        C("£1.1m", 1.1e6, "money", "co-passes", currency="GBP"),
        C("a fifth", 0.2, "ratio", "co-potholes-rise"),
        C("9,870", 9870, "count", "co-potholes", noun="potholes"),
        C("23 days", 23, "duration", "co-repairs", unit="day"),
        C("four and a half hours", 4.5, "duration", "co-meeting", unit="hour"),
     ],
     not_claims=["31-22", "Wednesday", "Band D", "aged 60 to 65", "6.30pm", "Room 2"]),
]


def render() -> str:
    return render_gold(ARTICLES)


# ------------------------------------------------------------------------------------------------- tests

def test_the_file_is_what_the_spec_builds():
    assert HELDOUT.read_text(encoding="utf-8") == render(), "regenerate: .venv/bin/python tests/test_heldout.py"


def test_every_span_indexes_its_surface_and_the_set_is_broad():
    gold = load_gold(HELDOUT)
    assert len(gold) == 18
    kinds = set()
    for g in gold:
        assert g.article.text.startswith(g.article.title)
        for c in g.claims:
            assert g.article.text[c.start:c.end] == c.surface
            kinds.add(c.kind)
        for i, c in enumerate(g.claims):
            for d in g.claims[i + 1:]:
                assert c.end <= d.start, f"{g.article.id}: {c.surface!r} overlaps {d.surface!r}"
    assert kinds == {"count", "money", "percent", "ratio", "measure", "duration"}


# Thresholds below what the second batch scored blind (value F1 0.963, nouns 0.962, qualifiers 1.000), so
# that they hold for general rules and catch a regression. Measured figures are printed by
# ``.venv/bin/workbench eval tests/data/heldout.jsonl``.
VALUE_F1 = 0.95
NOUN_ACCURACY = 0.9
QUALIFIER_ACCURACY = 0.95


@pytest.fixture(scope="module")
def report():
    return evaluate(HELDOUT, group=False)


def test_heldout_values(report):
    print(format_report(report, misses=True))
    assert report.value.f1 >= VALUE_F1, format_report(report, misses=True)


def test_heldout_nouns_and_qualifiers(report):
    assert report.noun_accuracy is not None and report.noun_accuracy >= NOUN_ACCURACY, format_report(report, True)
    assert report.qualifier_accuracy is not None and report.qualifier_accuracy >= QUALIFIER_ACCURACY, \
        format_report(report, True)


def test_heldout_has_no_non_claim_hits(report):
    assert report.non_claim_hits == 0, report.non_claim_list


if __name__ == "__main__":
    HELDOUT.parent.mkdir(parents=True, exist_ok=True)
    HELDOUT.write_text(render(), encoding="utf-8")
    print(f"wrote {HELDOUT} ({len(ARTICLES)} articles)")
