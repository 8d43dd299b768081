"""A development set of long-form multi-outlet coverage: three invented stories (an Intercity train's
derailment, a central bank's interest-rate cut and the market moves that followed it, a heatwave with
rolling power cuts), three or four outlets each, articles of some 300 to 400 words with bylines, update
stamps and related-headline lists, as real coverage is written.

Written for the project, in its own words, after reading how real outlets report such events: a death toll
and an injured count that rise through the day and differ between the operator, the emergency services and
the health ministry; a union's and a data recorder's speeds in km/h and mph; a currency and a share index
quoted at different moments of one trading day; a state's and a federal ministry's heat death tolls; an
outage count that falls as power returns; the same sum in another currency (€/£, ISK/$, pesos/$), the same
temperature in Celsius and Fahrenheit; an earlier accident's, an earlier rate cut's and an earlier
heatwave's figures for contrast; and the same figure for different things (one percentage for inflation
and unemployment). Every event, firm, town and person is invented. Claims of one ``fact`` state one
quantity.

``longform3.jsonl`` beside this file is built from ``ARTICLES`` (offsets from ``str.find``). Regenerate
after editing with::

    .venv/bin/python tests/data/longform3_spec.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:  # the gold-spec helper of tests/, when run as a script
    sys.path.insert(0, str(HERE.parent))

from goldspec import C  # noqa: E402
from goldspec import render as render_gold  # noqa: E402

OUT = HERE / "longform3.jsonl"


KMH = "kilometre per hour"
MPH = "mile per hour"

ARTICLES = [
# ================================================================== 1. a derailment: a toll that rises, speeds in two units
dict(id="fc-rail-1", outlet="Iberian Press Agency",
     title="At least five killed as Intercity train derails in southern Portugal",
     published="2026-03-13",
     text=("At least five killed as Intercity train derails in southern Portugal\n\n"
           "Updated 23:58 GMT\n\n"
           "SANTA CLARA DO VALE, Portugal, March 13 (IPA) - At least five people were killed and about 80 were "
           "injured when an Intercity train from Lisbon to the Algarve came off the rails on a curve near the "
           "village of Ribeira de Alcova late on Friday, the civil protection authority said.\n\n"
           "Six of the train's nine carriages left the track on the approach to a bridge over the river Alcova, "
           "about 190 km south of the capital, and two of them slid down an embankment, a spokesman for the "
           "authority, Duarte Pimentel, told reporters near the scene. Firefighters were cutting through the roof "
           "of an overturned carriage to reach passengers trapped inside.\n\n"
           "“The carriages are lying on their sides at the bottom of a ravine, it is dark and the ground is very "
           "soft,” Pimentel said. “Our priority is to get everyone out.” He said 17 of the injured were in a "
           "serious condition and warned that the number of dead was likely to rise.\n\n"
           "The state rail operator said 236 passengers and six crew members were on board the service, which had "
           "left Lisbon's Oriente station at 19:05 and was due in Faro shortly before midnight.\n\n"
           "More than 200 firefighters, paramedics and police officers were sent to the site with three medical "
           "helicopters, the authority said. The injured were being taken to hospitals in Beja, Setúbal and "
           "Lisbon, and a reception centre for relatives was opened in the village sports hall.\n\n"
           "The cause of the derailment was not immediately known. The line reopened in 2022 after a two-year "
           "upgrade, and the operator said the train had passed a routine inspection on Wednesday. Transport "
           "Minister Helena Vasconcelos said she was on her way to the scene and that an inquiry would be "
           "opened.\n\n"
           "The accident is the deadliest on the country's railways since 2008, when 11 people died after a "
           "regional train hit a lorry at a level crossing in the Alentejo.\n\n"
           "(Reporting by Rui Falcão; editing by Marta Quental)\n\n"
           "Read more:\n\n"
           "Portugal's rail passenger numbers hit record in 2025\n\n"
           "Lisbon metro strike called off after pay deal"),
     claims=[
        C("At least five", 5, "count", "rail-deaths", qualifier="lower_bound", nth=0),
        C("At least five people", 5, "count", "rail-deaths", noun="people", qualifier="lower_bound"),
        C("about 80", 80, "count", "rail-injured", qualifier="approx"),
        C("Six", 6, "count", "rail-carriages-derailed"),
        C("nine carriages", 9, "count", "rail-carriages", noun="carriages"),
        C("about 190 km", 190, "measure", "rail-distance-lisbon", unit="kilometre", qualifier="approx"),
        C("two", 2, "count", "rail-carriages-embankment", nth=0),
        C("17", 17, "count", "rail-serious-injured"),
        C("236 passengers", 236, "count", "rail-passengers", noun="passengers"),
        C("six crew members", 6, "count", "rail-crew", noun="crew members"),
        C("More than 200 firefighters", 200, "count", "rail-rescuers", noun="firefighters",
          qualifier="lower_bound"),
        C("three medical helicopters", 3, "count", "rail-helicopters", noun="helicopters"),
        C("two-year", 2, "duration", "rail-upgrade-duration", unit="year"),
        C("11 people", 11, "count", "rail-2008-deaths", noun="people"),
     ],
     not_claims=["23:58", "March 13", "Friday", "19:05", "2022", "Wednesday", "2008", "2025"]),
dict(id="fc-rail-2", outlet="Southern Portugal Post",
     title="Ribeira de Alcova derailment: seven dead, 94 injured as village counts the cost",
     published="2026-03-14",
     text=("Ribeira de Alcova derailment: seven dead, 94 injured as village counts the cost\n\n"
           "By Inês Carvalho | 14 March 2026, 11:20\n\n"
           "Seven people died and 94 were injured in Friday night's derailment at Ribeira de Alcova, the rail "
           "operator said this morning, as cranes began lifting the wrecked carriages out of the ravine below the "
           "Alcova bridge.\n\n"
           "Among the dead were a 19-year-old nursing student from Beja and a retired couple from Lagos who had "
           "been visiting their daughter in Lisbon, according to relatives. The civil protection authority said "
           "21 people remained in hospital in a serious condition, up from 17 overnight, four of them in intensive "
           "care in Lisbon.\n\n"
           "Seven of the train's nine carriages came off the track, not six as first reported, and two rolled "
           "down a 15-metre embankment towards the river. Villagers were among the first to arrive. “We heard a "
           "noise like thunder and then the screaming started,” said Albertina Rosa, 67, whose house overlooks the "
           "line. “We took blankets and torches down the hill and stayed with people until the firemen came.”\n\n"
           "About 260 firefighters from 31 fire stations worked through the night, the district fire command "
           "said. The last passenger trapped in the wreckage was freed shortly after 4am.\n\n"
           "The railway workers' union said information from colleagues suggested the train had been travelling "
           "at around 130 km/h as it entered the curve, where the limit is 90 km/h. The operator said it would "
           "not comment on speed until the data recorder had been examined.\n\n"
           "The line, used by about 1.9 million passengers a year, reopened in 2022 after a €310 million "
           "modernisation. Residents say they warned the parish council about landslips on the embankment after "
           "heavy rain in February, and that nothing was done.\n\n"
           "The operator said the line between Grândola and Tunes would stay closed for at least a week. It is "
           "running 40 replacement buses a day on the route, with a journey time roughly double that of the "
           "train.\n\n"
           "The parish has opened a book of condolences at the church of São Brás, and a vigil is planned for "
           "Sunday evening.\n\n"
           "Related: Algarve hotels report 6% rise in Easter bookings | Council approves new health centre for "
           "Santa Clara"),
     claims=[
        C("seven dead", 7, "count", "rail-deaths", noun="dead"),
        C("94", 94, "count", "rail-injured", nth=0),
        C("Seven people", 7, "count", "rail-deaths", noun="people"),
        C("94", 94, "count", "rail-injured", nth=1),
        C("19-year-old", 19, "duration", "rail-victim-age", unit="year"),
        C("21 people", 21, "count", "rail-serious-injured", noun="people"),
        C("17", 17, "count", "rail-serious-injured"),
        C("four", 4, "count", "rail-intensive-care", nth=0),
        C("Seven", 7, "count", "rail-carriages-derailed", nth=1),
        C("nine carriages", 9, "count", "rail-carriages", noun="carriages"),
        C("six", 6, "count", "rail-carriages-derailed", nth=0),
        C("two", 2, "count", "rail-carriages-embankment", nth=0),
        C("15-metre", 15, "measure", "rail-embankment-height", unit="metre"),
        C("67", 67, "duration", "rail-witness-age", unit="year"),
        C("About 260 firefighters", 260, "count", "rail-rescuers", noun="firefighters", qualifier="approx"),
        C("31 fire stations", 31, "count", "rail-fire-stations", noun="fire stations"),
        C("around 130 km/h", 130, "measure", "rail-speed", unit=KMH, qualifier="approx"),
        C("90 km/h", 90, "measure", "rail-speed-limit", unit=KMH),
        C("about 1.9 million passengers a year", 1.9e6, "count", "rail-line-passengers", noun="passengers",
          per="year", qualifier="approx"),
        C("€310 million", 310e6, "money", "rail-upgrade-cost", currency="EUR"),
        C("at least a week", 1, "duration", "rail-line-closure", unit="week", qualifier="lower_bound"),
        C("40 replacement buses a day", 40, "count", "rail-replacement-buses", noun="buses", per="day"),
        C("roughly double", 2, "ratio", "rail-bus-journey-time", qualifier="approx"),
     ],
     not_claims=["14 March 2026", "11:20", "Friday", "4am", "2022", "February", "Sunday", "6%"]),
dict(id="fc-rail-3", outlet="The Daily Chronicle",
     title="Portugal train crash: eight dead and three Britons hurt",
     published="2026-03-14",
     text=("Portugal train crash: eight dead and three Britons hurt\n\n"
           "By Oliver Hartley, Europe Correspondent\n\n"
           "Last updated 16:05 GMT, 14 March 2026\n\n"
           "Eight people have been killed and more than 100 injured after a packed holiday train left the rails in "
           "southern Portugal, the country's emergency services said on Saturday, up from five deaths confirmed "
           "overnight.\n\n"
           "Three British nationals are among the injured, the Foreign Office said, including a woman from Bristol "
           "who is being treated for a broken pelvis in a Lisbon hospital.\n\n"
           "The Intercity service, carrying about 240 passengers, was heading for Faro, the gateway to the Algarve, "
           "when it derailed on a curve roughly 120 miles south of Lisbon at about 9.45pm on Friday. Several "
           "carriages tumbled down a 50ft embankment towards a river.\n\n"
           "Portuguese rail unions claimed the train had been going at about 80mph when it entered the bend, which "
           "has a speed limit of 56mph. The operator declined to comment on the claim.\n\n"
           "Survivors described a violent jolt followed by darkness. “The lights went out and everyone was thrown "
           "on top of each other,” said Tom Reilly, 34, a teacher from Leeds who was travelling with his partner. "
           "“I could hear people crying for help in the next carriage but we couldn't get the door open.”\n\n"
           "The train's coaches were more than 40 years old and had been refurbished rather than replaced when "
           "the line was modernised in a €310m (£265m) project completed in 2022, according to the Portuguese "
           "press.\n\n"
           "Critics say the country's railways have suffered from decades of underinvestment. The government "
           "promised €3.2bn (£2.7bn) for new trains and track in 2023, but less than a quarter of that has been "
           "spent so far, according to the national audit court.\n\n"
           "The crash is the worst on Portugal's railways since 2008, when 11 people were killed at a level "
           "crossing.\n\n"
           "Holidaymakers due to travel to the Algarve by rail this week are advised to check with their tour "
           "operator. Britons with concerns about relatives can call the Foreign Office on 0800 555 0192.\n\n"
           "Related stories\n\n"
           "Spain's high-speed network hit by signal failures\n\n"
           "Half-term flights to Faro up a fifth on last year"),
     claims=[
        C("eight dead", 8, "count", "rail-deaths", noun="dead"),
        C("three Britons", 3, "count", "rail-british-injured", noun="Britons"),
        C("Eight people", 8, "count", "rail-deaths", noun="people"),
        C("more than 100", 100, "count", "rail-injured", qualifier="lower_bound"),
        C("five deaths", 5, "count", "rail-deaths", noun="deaths"),
        C("Three British nationals", 3, "count", "rail-british-injured", noun="British nationals"),
        C("about 240 passengers", 240, "count", "rail-passengers", noun="passengers", qualifier="approx"),
        C("roughly 120 miles", 120, "measure", "rail-distance-lisbon", unit="mile", qualifier="approx"),
        C("50ft", 50, "measure", "rail-embankment-height", unit="foot"),
        C("about 80mph", 80, "measure", "rail-speed", unit=MPH, qualifier="approx"),
        C("56mph", 56, "measure", "rail-speed-limit", unit=MPH),
        C("34", 34, "duration", "rail-survivor-age", unit="year"),
        C("more than 40 years", 40, "duration", "rail-carriage-age", unit="year", qualifier="lower_bound"),
        C("€310m", 310e6, "money", "rail-upgrade-cost", currency="EUR"),
        C("£265m", 265e6, "money", "rail-upgrade-cost", currency="GBP"),
        C("€3.2bn", 3.2e9, "money", "rail-national-investment", currency="EUR"),
        C("£2.7bn", 2.7e9, "money", "rail-national-investment", currency="GBP"),
        C("less than a quarter", 0.25, "ratio", "rail-investment-spent-share", qualifier="upper_bound"),
        C("11 people", 11, "count", "rail-2008-deaths", noun="people"),
     ],
     not_claims=["16:05", "14 March 2026", "Saturday", "9.45pm", "Friday", "2022", "2023", "2008", "0800 555 0192",
                 "Half-term", "a fifth"]),
dict(id="fc-rail-4", outlet="Atlantic Broadcast News",
     title="Portugal derailment toll rises to nine as investigators study data recorder",
     published="2026-03-14",
     text=("Portugal derailment toll rises to nine as investigators study data recorder\n\n"
           "Published 14/03/2026 - 21:30 | Updated 14/03/2026 - 22:10\n\n"
           "The death toll from Friday's train derailment in southern Portugal has risen to nine after a man died "
           "of his injuries in a Lisbon hospital, the health ministry said on Saturday evening.\n\n"
           "Hospitals across the south have treated 112 people, the ministry said, including 12 children. Earlier "
           "in the day the rail operator had given a figure of 94 injured, but that count did not include "
           "passengers who made their own way to clinics after the crash.\n\n"
           "Preliminary readings from the train's data recorder show it was travelling at 128 km/h when it entered "
           "the curve near Ribeira de Alcova, where the limit is 90 km/h, a source at the national rail accident "
           "investigation office told our correspondent. The office said only that it was “analysing all the "
           "data” and would publish a preliminary report within 30 days.\n\n"
           "Seven of the nine carriages derailed. Footage filmed from a drone showed the two that rolled down the "
           "embankment lying on their roofs near the riverbank, about 190 kilometres south of Lisbon.\n\n"
           "Transport Minister Helena Vasconcelos, who visited the site on Saturday, said the driver, who was "
           "among the injured, had been questioned by police in hospital. “We owe the families the whole truth, "
           "and we will get it,” she said. Opposition parties have called for her to appear before parliament "
           "next week.\n\n"
           "The operator announced an immediate payment of €10,000 to the family of each person killed, separate "
           "from any compensation decided later. It said the line would stay closed for 10 days while engineers "
           "check the track and the embankment.\n\n"
           "There were 236 passengers and six crew on board. Portugal's worst previous rail accident this "
           "century, at a level crossing in 2008, killed 11 people.\n\n"
           "The government declared three days of national mourning from Sunday.\n\n"
           "Watch: Rescuers work through the night at Ribeira de Alcova (2:14)\n\n"
           "More on this story\n\n"
           "Who runs Portugal's trains?\n\n"
           "Timeline: Europe's deadliest rail crashes"),
     claims=[
        C("nine", 9, "count", "rail-deaths", nth=0),
        C("nine", 9, "count", "rail-deaths", nth=1),
        C("112 people", 112, "count", "rail-injured", noun="people"),
        C("12 children", 12, "count", "rail-injured-children", noun="children"),
        C("94 injured", 94, "count", "rail-injured", noun="injured"),
        C("128 km/h", 128, "measure", "rail-speed", unit=KMH),
        C("90 km/h", 90, "measure", "rail-speed-limit", unit=KMH),
        C("30 days", 30, "duration", "rail-report-deadline", unit="day", qualifier="upper_bound"),
        C("Seven", 7, "count", "rail-carriages-derailed"),
        C("nine carriages", 9, "count", "rail-carriages", noun="carriages"),
        C("two", 2, "count", "rail-carriages-embankment", nth=0),
        C("about 190 kilometres", 190, "measure", "rail-distance-lisbon", unit="kilometre", qualifier="approx"),
        C("€10,000", 10000, "money", "rail-family-payment", currency="EUR", per="family"),
        C("10 days", 10, "duration", "rail-line-closure", unit="day"),
        C("236 passengers", 236, "count", "rail-passengers", noun="passengers"),
        C("six crew", 6, "count", "rail-crew", noun="crew"),
        C("11 people", 11, "count", "rail-2008-deaths", noun="people"),
        C("three days", 3, "duration", "rail-mourning", unit="day"),
     ],
     not_claims=["14/03/2026", "21:30", "22:10", "Friday", "Saturday", "2008", "Sunday", "2:14"]),
# ================================================================== 2. a rate cut: one trading day seen at different hours
dict(id="fc-rate-1", outlet="Northline Press Agency",
     title="Iceland's central bank surprises with half-point rate cut",
     published="2026-05-20",
     text=("Iceland's central bank surprises with half-point rate cut\n\n"
           "Updated 10:42 GMT\n\n"
           "REYKJAVIK, May 20 (NPA) - Iceland's central bank cut its main interest rate by 50 basis points to "
           "6.75% on Wednesday, a bigger move than most economists had expected, saying inflation was falling "
           "faster than it had forecast and the economy was losing momentum.\n\n"
           "Eleven of 15 economists polled by NPA last week had predicted a cut of 25 basis points; the rest had "
           "forecast a move of the size the bank delivered.\n\n"
           "The krona weakened 0.9% against the euro to 147.3 after the announcement, while the main share index "
           "in Reykjavik rose 1.8% in morning trading, led by banks and property companies.\n\n"
           "Governor Sigrún Halldórsdóttir told a news conference that four of the monetary policy committee's "
           "five members had voted for the larger cut, while one had preferred a quarter-point move.\n\n"
           "“Inflation has come down quickly over the winter, and the outlook for demand has weakened,” she said. "
           "“Monetary policy is still tight, and it will remain tight for some time.”\n\n"
           "Annual inflation slowed to 3.6% in April from 4.1% in March, according to Statistics Iceland, its "
           "lowest since early 2021 but still above the bank's target of 2.5%. Unemployment has climbed to 3.6%, "
           "the highest in four years, as construction slows and tourist numbers dip.\n\n"
           "The bank lowered its forecast for economic growth this year to 1.3% from the 1.9% it predicted in "
           "February, citing weaker exports of fish and aluminium and fewer foreign visitors.\n\n"
           "Wednesday's decision takes the total reduction since the bank began easing in October 2024 to 2.75 "
           "percentage points, from a peak of 9.5%. At its previous meeting, in March, it trimmed the rate by 25 "
           "basis points.\n\n"
           "Halldórsdóttir declined to say whether further cuts would follow, saying decisions would “depend on "
           "the data”. The committee's next meeting is in August.\n\n"
           "(Reporting by Anna Kristjánsdóttir; writing by Mark Ellison)\n\n"
           "Related: Icelandic airline cuts summer routes to North America | Aluminium prices hit three-month low"),
     claims=[
        C("half-point", 0.5, "percent", "rate-cut-size"),
        C("50 basis points", 0.5, "percent", "rate-cut-size"),
        C("6.75%", 6.75, "percent", "rate-level"),
        C("Eleven", 11, "count", "rate-poll-npa-quarter"),
        C("15 economists", 15, "count", "rate-poll-npa-size", noun="economists"),
        C("25 basis points", 0.25, "percent", "rate-expected-cut", nth=0),
        C("0.9%", 0.9, "percent", "rate-krona-move"),
        C("147.3", 147.3, "money", "rate-krona-euro", currency="ISK", per="euro"),
        C("1.8%", 1.8, "percent", "rate-stocks-move"),
        C("four", 4, "count", "rate-vote-for", nth=0),
        C("five members", 5, "count", "rate-committee-size", noun="members"),
        C("one", 1, "count", "rate-vote-against", nth=1),
        C("quarter-point", 0.25, "percent", "rate-dissent-cut"),
        C("3.6%", 3.6, "percent", "rate-inflation", nth=0),
        C("4.1%", 4.1, "percent", "rate-inflation-prior"),
        C("2.5%", 2.5, "percent", "rate-inflation-target"),
        C("3.6%", 3.6, "percent", "rate-unemployment", nth=1),
        C("four years", 4, "duration", "rate-unemployment-high-span", unit="year"),
        C("1.3%", 1.3, "percent", "rate-growth-forecast"),
        C("1.9%", 1.9, "percent", "rate-growth-forecast-prior"),
        C("2.75 percentage points", 2.75, "percent", "rate-total-easing"),
        C("9.5%", 9.5, "percent", "rate-peak"),
        C("25 basis points", 0.25, "percent", "rate-march-cut", nth=1),
     ],
     not_claims=["10:42", "May 20", "Wednesday", "April", "March", "early 2021", "February", "October 2024",
                 "August", "three-month low"]),
dict(id="fc-rate-2", outlet="MarketDesk",
     title="Krona slides, Reykjavik stocks rally after central bank's bigger-than-expected cut",
     published="2026-05-20",
     text=("Krona slides, Reykjavik stocks rally after central bank's bigger-than-expected cut\n\n"
           "By Hannah Byrne | Markets | 20 May 2026, 17:35 GMT\n\n"
           "Icelandic assets swung sharply on Wednesday after the central bank cut its key rate by half a "
           "percentage point to 6.75%, twice the reduction that most of the market had priced in.\n\n"
           "The krona fell as much as 1.2% against the euro in the minutes after the 08:30 GMT decision before "
           "recovering some ground to end the day 0.7% weaker at 147.0 per euro. Against the dollar it closed at "
           "129.4.\n\n"
           "The OMX Iceland 15 index closed up 1.4%, having been up nearly 2% shortly after the open. Lenders led "
           "the gains: Hafnar Bank jumped 3.1% and the property developer Straumvík rose 2.6%, as investors bet "
           "that cheaper borrowing would revive a housing market that has cooled since last autumn.\n\n"
           "Government bond yields dropped across the curve. The two-year yield fell 22 basis points to 6.31%, its "
           "biggest fall in a single session since 2020, while longer-dated yields fell by around 14 basis "
           "points.\n\n"
           "Nine of the 12 analysts surveyed by MarketDesk on Monday had expected a quarter-point cut. Swap "
           "markets, which had priced in about 50 basis points of easing for the rest of the year before the "
           "decision, now point to a further 75 basis points by December, which would take the rate to 6%.\n\n"
           "“This is the bank telling us it thinks it has won the inflation battle,” said Jóhann Einarsson, chief "
           "economist at Hafnar Bank. “The risk is the currency. A weaker krona pushes up import prices and "
           "undoes some of the progress.”\n\n"
           "Inflation fell to 3.6% in April, from a peak of 9.9% in early 2023, but core measures that strip out "
           "housing remain closer to 4%. The bank's own forecasts show inflation reaching its 2.5% target only in "
           "the second half of 2027.\n\n"
           "Rate-setters have now cut by a cumulative 2.75 points since October 2024. The bank said that, adjusted "
           "for expected inflation, its policy rate was still about 3%, a level it described as “clearly "
           "restrictive”.\n\n"
           "Read next: Icelandic aluminium smelter to cut output by 8% | Nordic bond sales hit record"),
     claims=[
        C("half a percentage point", 0.5, "percent", "rate-cut-size"),
        C("6.75%", 6.75, "percent", "rate-level"),
        C("twice", 2, "ratio", "rate-cut-vs-expected"),
        C("as much as 1.2%", 1.2, "percent", "rate-krona-move", qualifier="upper_bound"),
        C("0.7%", 0.7, "percent", "rate-krona-move"),
        C("147.0 per euro", 147.0, "money", "rate-krona-euro", currency="ISK", per="euro"),
        C("129.4", 129.4, "money", "rate-krona-dollar", currency="ISK", per="dollar"),
        C("1.4%", 1.4, "percent", "rate-stocks-move"),
        C("nearly 2%", 2, "percent", "rate-stocks-move", qualifier="upper_bound"),
        C("3.1%", 3.1, "percent", "rate-hafnar-shares"),
        C("2.6%", 2.6, "percent", "rate-straumvik-shares"),
        C("22 basis points", 0.22, "percent", "rate-bond-2y-move"),
        C("6.31%", 6.31, "percent", "rate-bond-2y-yield"),
        C("around 14 basis points", 0.14, "percent", "rate-bond-long-move", qualifier="approx"),
        C("Nine", 9, "count", "rate-poll-md-quarter"),
        C("12 analysts", 12, "count", "rate-poll-md-size", noun="analysts"),
        C("quarter-point", 0.25, "percent", "rate-expected-cut"),
        C("about 50 basis points", 0.5, "percent", "rate-swaps-priced-before", qualifier="approx"),
        C("75 basis points", 0.75, "percent", "rate-swaps-priced-further"),
        C("6%", 6, "percent", "rate-swaps-implied-level", nth=1),
        C("3.6%", 3.6, "percent", "rate-inflation"),
        C("9.9%", 9.9, "percent", "rate-inflation-peak"),
        C("closer to 4%", 4, "percent", "rate-core-inflation", qualifier="approx"),
        C("2.5%", 2.5, "percent", "rate-inflation-target"),
        C("2.75 points", 2.75, "percent", "rate-total-easing"),
        C("about 3%", 3, "percent", "rate-real-rate", qualifier="approx"),
     ],
     not_claims=["20 May 2026", "17:35", "Wednesday", "08:30 GMT", "OMX Iceland 15", "two-year", "2020", "Monday",
                 "December", "April", "early 2023", "second half of 2027", "October 2024", "8%"]),
dict(id="fc-rate-3", outlet="The Reykjavik Review",
     title="Rate cut to save mortgage holders ISK 17,000 a month",
     published="2026-05-21",
     text=("Rate cut to save mortgage holders ISK 17,000 a month\n\n"
           "By Katrín Ólafsdóttir, Economics Editor | Thursday 21 May 2026\n\n"
           "Households with floating-rate mortgages will see their monthly repayments fall by about ISK 17,000 "
           "(about $130) on a typical ISK 40 million loan after the central bank cut its key rate to 6.75% "
           "yesterday, according to calculations by the Review.\n\n"
           "The half-point reduction, from 7.25%, was larger than markets had expected and was welcomed by the "
           "construction industry and the unions. The bank's monetary policy committee was split, with four of "
           "its five members backing the larger cut.\n\n"
           "“The bank has finally listened,” said Guðrún Jónsdóttir, who heads the Federation of Building "
           "Contractors, whose members have started almost 30% fewer homes this year than last. “People cannot "
           "buy flats at these rates, and so nobody is building them.”\n\n"
           "The Confederation of Labour, which signed four-year wage deals last spring on the understanding that "
           "rates would come down, called the cut “a step in the right direction”.\n\n"
           "Not everyone will benefit straight away. About 40% of Icelandic mortgages are indexed to inflation, "
           "and their payments track prices rather than the policy rate. Borrowers on fixed rates, about a quarter "
           "of the total, will only feel the change when their deals end.\n\n"
           "Savers lose out too. Banks are expected to cut deposit rates within days, and pensioners' groups "
           "warned that many older people rely on interest income.\n\n"
           "Governor Sigrún Halldórsdóttir insisted the bank was not declaring victory. Inflation, at 3.6% in "
           "April, is still well above the 2.5% goal, and the krona lost almost 1% against the euro on the day, "
           "which will make imported food and fuel dearer.\n\n"
           "The economy has slowed: unemployment is at 3.6% and the number of foreign tourists fell 6% in the "
           "first four months of the year. The bank now expects growth of just 1.3% this year.\n\n"
           "The rate peaked at 9.5% in 2023 and stayed there for more than a year. Had it not come down, the same "
           "ISK 40 million mortgage would now cost about ISK 92,000 a month more in interest.\n\n"
           "Read more: Reykjavik house prices fall for third month | Opinion: the bank should have cut sooner"),
     claims=[
        C("ISK 17,000 a month", 17000, "money", "rate-mortgage-saving", currency="ISK", per="month"),
        C("about ISK 17,000", 17000, "money", "rate-mortgage-saving", currency="ISK", per="month",
          qualifier="approx"),
        C("about $130", 130, "money", "rate-mortgage-saving", currency="USD", per="month", qualifier="approx"),
        C("ISK 40 million", 40e6, "money", "rate-mortgage-size", currency="ISK", nth=0),
        C("6.75%", 6.75, "percent", "rate-level"),
        C("half-point", 0.5, "percent", "rate-cut-size"),
        C("7.25%", 7.25, "percent", "rate-previous-level"),
        C("four", 4, "count", "rate-vote-for", nth=0),
        C("five members", 5, "count", "rate-committee-size", noun="members"),
        C("almost 30%", 30, "percent", "rate-housing-starts-fall", qualifier="upper_bound"),
        C("four-year", 4, "duration", "rate-wage-deal-length", unit="year"),
        C("About 40%", 40, "percent", "rate-indexed-share", qualifier="approx"),
        C("about a quarter", 0.25, "ratio", "rate-fixed-share", qualifier="approx"),
        C("3.6%", 3.6, "percent", "rate-inflation", nth=0),
        C("2.5%", 2.5, "percent", "rate-inflation-target"),
        C("almost 1%", 1, "percent", "rate-krona-move", qualifier="upper_bound"),
        C("3.6%", 3.6, "percent", "rate-unemployment", nth=1),
        C("6%", 6, "percent", "rate-tourism-fall", nth=2),
        C("four months", 4, "duration", "rate-tourism-period", unit="month"),
        C("1.3%", 1.3, "percent", "rate-growth-forecast"),
        C("9.5%", 9.5, "percent", "rate-peak"),
        C("more than a year", 1, "duration", "rate-peak-duration", unit="year", qualifier="lower_bound"),
        C("ISK 40 million", 40e6, "money", "rate-mortgage-size", currency="ISK", nth=1),
        C("about ISK 92,000 a month", 92000, "money", "rate-mortgage-cost-vs-peak", currency="ISK",
          per="month", qualifier="approx"),
     ],
     not_claims=["Thursday 21 May 2026", "April", "2023", "third month"]),
dict(id="fc-rate-4", outlet="North Atlantic Broadcasting",
     title="Interest rates cut again: what it means for your mortgage, your savings and the krona",
     published="2026-05-20",
     text=("Interest rates cut again: what it means for your mortgage, your savings and the krona\n\n"
           "NAB News | Business | Published 20 May 2026 at 13:15, updated at 18:40\n\n"
           "The Central Bank of Iceland lowered its key interest rate from 7.25% to 6.75% on Wednesday, its "
           "largest single cut since it started reducing rates in October 2024. Here is what the decision means "
           "for households.\n\n"
           "Why did the bank cut?\n\n"
           "Inflation has dropped below 4% for the first time in more than four years, and the bank thinks price "
           "pressures will keep easing as the economy cools. The governor, Sigrún Halldórsdóttir, told NAB that "
           "the committee wanted to avoid “keeping the brakes on for longer than necessary”.\n\n"
           "What about my mortgage?\n\n"
           "If you have a non-indexed mortgage with a variable rate, your bank is likely to pass on the cut within "
           "a few weeks. On a loan of ISK 40 million, interest payments would fall by around ISK 16,700 a month, "
           "or roughly ISK 200,000 over a year. Borrowers with inflation-indexed loans, which make up roughly two "
           "in five mortgages, will not see a direct change.\n\n"
           "And my savings?\n\n"
           "Deposit rates are likely to fall by a similar amount. Ordinary savings accounts at the big banks "
           "currently pay between 5.1% and 6.4%, depending on how long the money is tied up.\n\n"
           "What happened in the markets?\n\n"
           "Shares rose by more than 1% and the krona weakened against the euro and the dollar, which could make "
           "holidays abroad slightly more expensive this summer. Importers warned that prices of cars and "
           "electronics could follow.\n\n"
           "Will rates keep falling?\n\n"
           "Economists expect more cuts this year. Hafnar Bank forecasts that the rate will end the year at 6%, "
           "while Brúnás Bank expects 6.25%. The bank's next decision is due on 26 August.\n\n"
           "Is the economy in trouble?\n\n"
           "Growth is slowing. The bank now forecasts growth of 1.3% this year, down from 1.9%, and tourism, which "
           "accounts for about 8% of the economy, is weakening: the number of foreign visitors is down 6% so far "
           "this year.\n\n"
           "Related: Watch the governor's news conference in full (24:10) | How interest rates work"),
     claims=[
        C("7.25%", 7.25, "percent", "rate-previous-level"),
        C("6.75%", 6.75, "percent", "rate-level"),
        C("below 4%", 4, "percent", "rate-inflation", qualifier="upper_bound"),
        C("more than four years", 4, "duration", "rate-inflation-low-span", unit="year", qualifier="lower_bound"),
        C("ISK 40 million", 40e6, "money", "rate-mortgage-size", currency="ISK"),
        C("around ISK 16,700 a month", 16700, "money", "rate-mortgage-saving", currency="ISK", per="month",
          qualifier="approx"),
        C("roughly ISK 200,000", 200000, "money", "rate-mortgage-saving-annual", currency="ISK", per="year",
          qualifier="approx"),
        C("roughly two in five mortgages", 0.4, "ratio", "rate-indexed-share", noun="mortgages",
          qualifier="approx"),
        C("between 5.1% and 6.4%", 5.1, "percent", "rate-savings-rates", high=6.4, qualifier="range"),
        C("more than 1%", 1, "percent", "rate-stocks-move", qualifier="lower_bound"),
        C("6%", 6, "percent", "rate-forecast-hafnar", nth=0),
        C("6.25%", 6.25, "percent", "rate-forecast-brunas"),
        C("1.3%", 1.3, "percent", "rate-growth-forecast"),
        C("1.9%", 1.9, "percent", "rate-growth-forecast-prior"),
        C("about 8%", 8, "percent", "rate-tourism-gdp-share", qualifier="approx"),
        C("6%", 6, "percent", "rate-tourism-fall", nth=1),
     ],
     not_claims=["20 May 2026", "13:15", "18:40", "Wednesday", "October 2024", "first time", "26 August", "24:10"]),
# ================================================================== 3. a heatwave: blackouts, two tolls, two scales
dict(id="fc-heat-1", outlet="Latin America Newswire",
     title="Blackouts hit 1.8 million in northern Mexico as heat breaks records",
     published="2026-06-09",
     text=("Blackouts hit 1.8 million in northern Mexico as heat breaks records\n\n"
           "Updated 02:15 GMT\n\n"
           "HERMOSILLO, Mexico, June 9 (LAN) - Rolling blackouts cut electricity to about 1.8 million homes and "
           "businesses in five northern Mexican states on Tuesday, as a heatwave drove power demand to a record "
           "and the temperature in the Sonoran desert climbed above 50 degrees Celsius.\n\n"
           "The national grid operator declared an emergency for the second day running after its operating "
           "reserve fell to 3.8% in the late afternoon, well below the 6% it considers the minimum for a stable "
           "system. It ordered distributors to cut supply in rotating blocks, with each neighbourhood losing power "
           "for up to two hours at a time.\n\n"
           "Demand on the national grid peaked at 53,280 megawatts shortly after 5pm, beating the record of 52,010 "
           "megawatts set only on Monday, the operator said.\n\n"
           "The national weather service said its station at San Ignacio del Desierto, west of Hermosillo, "
           "recorded 50.6C, the highest temperature measured anywhere in the country this year. More than a dozen "
           "cities, including Mexicali, Hermosillo and Ciudad Obregón, passed 45C.\n\n"
           "The health ministry said in its weekly report that 47 people had died of heat-related causes in Mexico "
           "since the hot season began in March, 19 of them in Sonora. Most were men working outdoors, the "
           "ministry said.\n\n"
           "“We have told every plant to run at full capacity, but we cannot produce more than the plants we "
           "have,” Energy Minister Rodrigo Elizondo told reporters in Mexico City. He urged households to set air "
           "conditioners to 24C and to avoid using washing machines and ovens between 4pm and 10pm.\n\n"
           "Business groups in Hermosillo said factories in the city's industrial parks had lost up to six hours "
           "of production because of the cuts. The state's association of export assembly plants estimated the "
           "losses at around 300 million pesos a day.\n\n"
           "Forecasters expect temperatures to stay above 45C in parts of Sonora and Baja California for at least "
           "three more days. In 2024, a heatwave of similar length killed at least 155 people across the "
           "country.\n\n"
           "(Reporting by Lucía Barragán; editing by Peter Lindgren)\n\n"
           "Related: Mexico's peso slips as US data disappoints | Drought: reservoirs in the north at 18%"),
     claims=[
        C("1.8 million", 1.8e6, "count", "heat-blackout-users", nth=0),
        C("about 1.8 million homes and businesses", 1.8e6, "count", "heat-blackout-users",
          noun="homes and businesses", qualifier="approx"),
        C("five northern Mexican states", 5, "count", "heat-states-affected", noun="states"),
        C("above 50 degrees Celsius", 50, "measure", "heat-temp-max", unit="celsius", qualifier="lower_bound"),
        C("3.8%", 3.8, "percent", "heat-reserve-margin"),
        C("6%", 6, "percent", "heat-reserve-threshold"),
        C("up to two hours", 2, "duration", "heat-cut-duration", unit="hour", qualifier="upper_bound"),
        C("53,280 megawatts", 53280, "measure", "heat-peak-demand", unit="megawatt"),
        C("52,010 megawatts", 52010, "measure", "heat-previous-record-demand", unit="megawatt"),
        C("50.6C", 50.6, "measure", "heat-temp-max", unit="celsius"),
        C("More than a dozen cities", 12, "count", "heat-cities-over-threshold", noun="cities",
          qualifier="lower_bound"),
        C("45C", 45, "measure", "heat-cities-threshold", unit="celsius", nth=0),
        C("47 people", 47, "count", "heat-deaths-national", noun="people"),
        C("19", 19, "count", "heat-deaths-sonora"),
        C("24C", 24, "measure", "heat-ac-setting", unit="celsius"),
        C("up to six hours", 6, "duration", "heat-factory-lost-hours", unit="hour", qualifier="upper_bound"),
        C("around 300 million pesos a day", 300e6, "money", "heat-factory-losses", currency="MXN", per="day",
          qualifier="approx"),
        C("above 45C", 45, "measure", "heat-forecast-temp", unit="celsius", qualifier="lower_bound"),
        C("at least three more days", 3, "duration", "heat-forecast-period", unit="day", qualifier="lower_bound"),
        C("at least 155 people", 155, "count", "heat-2024-deaths", noun="people", qualifier="lower_bound"),
     ],
     not_claims=["02:15", "June 9", "Tuesday", "second day", "5pm", "Monday", "March", "4pm", "10pm", "2024", "18%"]),
dict(id="fc-heat-2", outlet="The American Ledger",
     title="Mexico heat wave: 123 degrees, rolling blackouts and a grid at its limit",
     published="2026-06-10",
     text=("Mexico heat wave: 123 degrees, rolling blackouts and a grid at its limit\n\n"
           "By Daniel Ortega Reyes | June 10, 2026 at 7:00 a.m. EDT\n\n"
           "HERMOSILLO, Mexico — The air conditioners went silent across this city of nearly a million people at "
           "5:40 p.m. on Tuesday, just as the thermometer outside the state government palace read 117 degrees "
           "Fahrenheit.\n\n"
           "By nightfall, more than 2 million customers in six northern states had lost power at some point in "
           "the day, according to a count by the federal consumer protection office, as Mexico's grid operator "
           "imposed rolling blackouts to stop the system from collapsing under record demand. The operator itself "
           "has given a lower figure.\n\n"
           "Demand peaked at about 53.3 gigawatts, a national record for the second day in a row, while the "
           "weather station at San Ignacio del Desierto, a village west of Hermosillo, recorded 123 degrees "
           "Fahrenheit (50.6 Celsius), the hottest reading in Mexico this year.\n\n"
           "“You can't sleep, you can't cook, the water in the tank is hot enough to make coffee,” said Marisela "
           "Fuentes, 52, who sells tamales from a cart near the cathedral. She had lost power three times since "
           "Sunday.\n\n"
           "The heat is deadly. Sonora's health department has recorded 23 heat-related deaths since March, four "
           "more than the federal health ministry's count of 19 for the state. Nationwide, federal officials say "
           "at least 47 people have died.\n\n"
           "On the US side of the border, the Border Patrol said 14 migrants had been found dead of heat exposure "
           "in its Tucson sector so far this month.\n\n"
           "Utilities in Arizona and California have been sending about 900 megawatts of power south each evening "
           "under emergency agreements, according to the Western grid coordinator, even as they manage their own "
           "peaks.\n\n"
           "Analysts say Mexico's problem is the product of years of underinvestment. Generating capacity has "
           "grown by about 2% a year since 2018, while peak demand has risen by more than 3% a year, according to "
           "Carlos Montaño, an energy economist in Monterrey. “Every summer the margin gets thinner,” he said.\n\n"
           "The federal government has promised 12 new power plants by 2030, but only three are under "
           "construction.\n\n"
           "Forecasters expect the heat to ease slightly this weekend, with highs in Hermosillo falling to about "
           "113 degrees.\n\n"
           "More from World\n\n"
           "Canada wildfire smoke drifts into the Midwest\n\n"
           "Brazil pledges $2 billion for Amazon police"),
     claims=[
        C("123 degrees", 123, "measure", "heat-temp-max", unit="fahrenheit", nth=0),
        C("nearly a million people", 1e6, "count", "heat-hermosillo-population", noun="people",
          qualifier="upper_bound"),
        C("117 degrees Fahrenheit", 117, "measure", "heat-temp-hermosillo", unit="fahrenheit"),
        C("more than 2 million customers", 2e6, "count", "heat-blackout-users", noun="customers",
          qualifier="lower_bound"),
        C("six northern states", 6, "count", "heat-states-affected", noun="states"),
        C("about 53.3 gigawatts", 53.3, "measure", "heat-peak-demand", unit="gigawatt", qualifier="approx"),
        C("123 degrees Fahrenheit", 123, "measure", "heat-temp-max", unit="fahrenheit"),
        C("50.6 Celsius", 50.6, "measure", "heat-temp-max", unit="celsius"),
        C("52", 52, "duration", "heat-vendor-age", unit="year"),
        C("three times", 3, "count", "heat-vendor-outages"),
        C("23 heat-related deaths", 23, "count", "heat-deaths-sonora", noun="deaths"),
        C("four more", 4, "count", "heat-deaths-sonora-gap"),
        C("19", 19, "count", "heat-deaths-sonora"),
        C("at least 47 people", 47, "count", "heat-deaths-national", noun="people", qualifier="lower_bound"),
        C("14 migrants", 14, "count", "heat-migrant-deaths", noun="migrants"),
        C("about 900 megawatts", 900, "measure", "heat-us-imports", unit="megawatt", qualifier="approx"),
        C("about 2% a year", 2, "percent", "heat-capacity-growth", per="year", qualifier="approx"),
        C("more than 3% a year", 3, "percent", "heat-demand-growth", per="year", qualifier="lower_bound"),
        C("12 new power plants", 12, "count", "heat-planned-plants", noun="power plants"),
        C("three", 3, "count", "heat-plants-under-construction", nth=1),
        C("about 113 degrees", 113, "measure", "heat-forecast-hermosillo", unit="fahrenheit", qualifier="approx"),
     ],
     not_claims=["June 10, 2026", "7:00 a.m.", "5:40 p.m.", "Tuesday", "second day", "Sunday", "March", "2018",
                 "2030", "$2 billion"]),
dict(id="fc-heat-3", outlet="Canal Norte Noticias",
     title="Power back for most of Sonora, but 640,000 still in the dark",
     published="2026-06-10",
     text=("Power back for most of Sonora, but 640,000 still in the dark\n\n"
           "Canal Norte | Wednesday 10 June 2026 | Updated 14:32\n\n"
           "Electricity had returned to most homes in Sonora by Wednesday morning, but about 640,000 users across "
           "the north were still without power at midday, down from 1.8 million at the height of Tuesday's "
           "rolling blackouts, the grid operator said.\n\n"
           "In Ciudad Almena, where the state civil protection agency said its thermometers reached 51.2C on "
           "Tuesday afternoon, some neighbourhoods went without power for more than nine hours overnight. The "
           "national weather service has not confirmed the reading; its own station at San Ignacio del Desierto "
           "recorded 50.6C, the highest official temperature of the year.\n\n"
           "The state health department said 23 people had died from heat-related causes in Sonora since March, "
           "and that hospitals had treated 312 people for heat stroke and dehydration in the past week alone, "
           "more than double the number in the same week last year. The federal health ministry, which counts "
           "only confirmed cases, puts the state's toll at 19.\n\n"
           "Governor Alejandra Serrano announced an emergency fund of 450 million pesos, about $24 million, to buy "
           "generators for hospitals and water pumping stations and to open 85 cooling centres in schools and "
           "sports halls.\n\n"
           "“Nobody should die because of the heat in their own home,” Serrano said in a video message. “If you "
           "have an elderly neighbour, knock on their door.”\n\n"
           "Schools in Hermosillo, Ciudad Almena and Guaymas will end classes at 11am for the rest of the week, "
           "the education department said, a measure affecting about 410,000 pupils.\n\n"
           "The grid operator said its reserve margin had again dropped below 4% on Tuesday and warned that more "
           "cuts were possible on Wednesday evening, when demand is expected to reach more than 53,000 megawatts "
           "again.\n\n"
           "Forecasters said temperatures would peak at 48C on Thursday before a slow decline. Relief is not "
           "expected before Sunday.\n\n"
           "Keep cool: drink water regularly, stay out of the sun between 11am and 5pm, and check on elderly "
           "relatives. Emergency line: 911."),
     claims=[
        C("640,000", 640000, "count", "heat-blackout-users", nth=0),
        C("about 640,000 users", 640000, "count", "heat-blackout-users", noun="users", qualifier="approx"),
        C("1.8 million", 1.8e6, "count", "heat-blackout-users"),
        C("51.2C", 51.2, "measure", "heat-temp-almena", unit="celsius"),
        C("more than nine hours", 9, "duration", "heat-almena-outage", unit="hour", qualifier="lower_bound"),
        C("50.6C", 50.6, "measure", "heat-temp-max", unit="celsius"),
        C("23 people", 23, "count", "heat-deaths-sonora", noun="people"),
        C("312 people", 312, "count", "heat-heatstroke-treated", noun="people"),
        C("more than double", 2, "ratio", "heat-heatstroke-vs-last-year", qualifier="lower_bound"),
        C("19", 19, "count", "heat-deaths-sonora"),
        C("450 million pesos", 450e6, "money", "heat-state-fund", currency="MXN"),
        C("about $24 million", 24e6, "money", "heat-state-fund", currency="USD", qualifier="approx"),
        C("85 cooling centres", 85, "count", "heat-cooling-centres", noun="cooling centres"),
        C("about 410,000 pupils", 410000, "count", "heat-pupils-affected", noun="pupils", qualifier="approx"),
        C("below 4%", 4, "percent", "heat-reserve-margin", qualifier="upper_bound"),
        C("more than 53,000 megawatts", 53000, "measure", "heat-demand-forecast-wednesday", unit="megawatt",
          qualifier="lower_bound"),
        C("48C", 48, "measure", "heat-forecast-peak", unit="celsius"),
     ],
     not_claims=["Wednesday 10 June 2026", "14:32", "Tuesday", "March", "11am", "Thursday", "Sunday", "5pm", "911"]),
]

def render() -> str:
    return render_gold(ARTICLES)


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT} ({len(ARTICLES)} articles)")
