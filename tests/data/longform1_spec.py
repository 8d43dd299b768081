"""A development set of long-form multi-outlet coverage: three invented stories (a ferry capsizing, a listed
company's quarterly results, a national infrastructure plan), three or four outlets each, articles of some
300 to 400 words with bylines, update stamps and related-headline lists, as real coverage is written.

Written for the project, in its own words, after reading how real outlets report such events: a death toll
that several agencies update through the day, a manifest against witnesses' counts, the same revenue in
another scale or currency, a think tank's costing of the same plan, a share price that moves during the
day; and the same figure for different things (one growth rate for two segments, one sum for two budgets).
Every event, firm, town and person is invented. Claims of one ``fact`` state one quantity.

``longform1.jsonl`` beside this file is built from ``ARTICLES`` (offsets from ``str.find``;
``tests/test_stories.py`` checks the file is what this module builds). Regenerate after editing with::

    .venv/bin/python tests/data/longform1_spec.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:  # the gold-spec helper of tests/, when run as a script
    sys.path.insert(0, str(HERE.parent))

from goldspec import C  # noqa: E402
from goldspec import render as render_gold  # noqa: E402

OUT = HERE / "longform1.jsonl"


ARTICLES = [
# ================================================================== story 1: a ferry capsizes
dict(id="fa-ferry-1", outlet="Meridian Wire", title="At least 14 dead as ferry capsizes off eastern Indonesia",
     published="2025-09-14",
     text=("At least 14 dead as ferry capsizes off eastern Indonesia\n\n"
           "KALABARU, Indonesia, Sept 14 (Meridian Wire) - At least 14 people died and many more were missing "
           "after a passenger ferry overturned in rough seas off eastern Indonesia early on Sunday, the national "
           "search and rescue agency said.\n\n"
           "The KM Cahaya Samudra 2 was making the four-hour crossing from the port of Kalabaru to Lembaran island "
           "when it listed sharply and capsized about 90 minutes after leaving, at around 7.10am local time. It "
           "went down roughly 8 km (4.3 nautical miles) off the coast of Kalabaru regency.\n\n"
           "Rescuers had pulled 96 survivors from the water by late morning, agency spokesman Arief Santoso told "
           "reporters at the port. Many had clung to the upturned hull or to floating cargo until fishing boats "
           "reached them.\n\n"
           "\"The weather was very bad, with waves of up to 3 metres, and that has slowed our divers,\" Santoso "
           "said. \"We are still hoping to find more people alive.\"\n\n"
           "The vessel's operator, PT Lintas Rawang, said its manifest listed 164 passengers and 12 crew. The "
           "ferry is certified to carry 150 passengers, according to a licence document seen by Meridian Wire, "
           "raising questions over whether it was overloaded. The company did not respond to requests for comment "
           "on the discrepancy.\n\n"
           "Survivors described a sudden lurch to the left as a cargo of trucks and motorcycles shifted on the car "
           "deck. \"People were screaming and sliding down the deck. Within five minutes the ship was on its "
           "side,\" said Nurul Aini, a trader who was travelling with her mother.\n\n"
           "Ferry accidents are common in Indonesia, an archipelago of more than 17,000 islands where many vessels "
           "are old and safety rules are loosely enforced. In 2018, another ferry sank in the same strait, killing "
           "67 people.\n\n"
           "The agency said six boats and a helicopter had joined the search, which would continue through the "
           "night if the weather allowed.\n\n"
           "(Reporting by Dewi Lestari; Editing by Tom Harlow)\n\n"
           "Updated 11:42 GMT"),
     claims=[
        C("At least 14", 14, "count", "ferry-dead", qualifier="lower_bound"),
        C("At least 14 people", 14, "count", "ferry-dead", noun="people", qualifier="lower_bound"),
        C("four-hour", 4, "duration", "ferry-crossing-time", unit="hour"),
        C("about 90 minutes", 90, "duration", "ferry-time-to-capsize", unit="minute", qualifier="approx"),
        C("roughly 8 km", 8, "measure", "ferry-distance", unit="kilometre", qualifier="approx"),
        C("4.3 nautical miles", 4.3, "measure", "ferry-distance", unit="nautical mile", qualifier="approx"),
        C("96 survivors", 96, "count", "ferry-rescued", noun="survivors"),
        C("up to 3 metres", 3, "measure", "ferry-waves", unit="metre", qualifier="upper_bound"),
        C("164 passengers", 164, "count", "ferry-passengers", noun="passengers"),
        C("12 crew", 12, "count", "ferry-crew", noun="crew"),
        C("150 passengers", 150, "count", "ferry-capacity", noun="passengers"),
        C("five minutes", 5, "duration", "ferry-sink-time", unit="minute"),
        C("more than 17,000 islands", 17000, "count", "ferry-islands", noun="islands", qualifier="lower_bound"),
        C("67 people", 67, "count", "ferry-2018-dead", noun="people"),
        C("six boats", 6, "count", "ferry-boats", noun="boats"),
     ],
     not_claims=["Sept 14", "Sunday", "Cahaya Samudra 2", "7.10am", "2018", "11:42 GMT"]),
dict(id="fa-ferry-2", outlet="The Harbour Post",
     title="Ferry disaster: governor says 19 dead, charity fears toll far higher",
     published="2025-09-14",
     text=("Ferry disaster: governor says 19 dead, charity fears toll far higher\n\n"
           "By Marta Kusuma, regional correspondent | Updated Sunday 14 September 2025, 19:05\n\n"
           "The provincial governor, Hendra Wiratama, said on Sunday afternoon that 19 bodies had been recovered "
           "from the sea after the KM Cahaya Samudra 2 overturned off Kalabaru, but a maritime relief charity "
           "working at the scene put the number of dead at 27 and warned that it would rise further.\n\n"
           "By early evening the national search and rescue agency had raised its own count to 21 dead, up from 14 "
           "in the morning, and said 112 people had been rescued alive. Thirty-seven survivors were taken to "
           "hospital in Kalabaru, several of them with serious injuries, the regency's health office said.\n\n"
           "The gap between the official figures and those of the charity, Samudra Peduli, reflects deep "
           "uncertainty about how many people were on the boat. The operator's manifest listed 176 people, "
           "including crew. Passengers who survived told the Harbour Post the ferry had been packed, with people "
           "sitting on the stairs and on the open deck. \"There were more than 250 of us, easily,\" said a "
           "fisherman from Lembaran who asked not to be named. \"They sell tickets at the gate without writing "
           "down names.\"\n\n"
           "Samudra Peduli's coordinator, Yusuf Ramadhan, said his volunteers had counted 27 bodies at the port "
           "and at clinics along the coast. \"Our figure is based on what we have seen with our own eyes,\" he "
           "said.\n\n"
           "The 32-year-old ferry was also carrying 23 vehicles, including several lorries loaded with cement, "
           "according to port records. Investigators will look at whether the cargo was properly secured.\n\n"
           "About 300 rescuers, nine boats and two helicopters were searching an area about 4 nautical miles "
           "from the shore, where the ship sank in water the agency said was about 60 metres deep.\n\n"
           "Wiratama promised that the family of each victim would receive 50 million rupiah (about $3,000) in "
           "compensation, and ordered the operator's other ferries to stay in port pending safety checks.\n\n"
           "It is the worst accident in the strait since 2018, when more than 60 people drowned after an "
           "overloaded wooden ferry broke apart in a storm.\n\n"
           "Read more\n\n"
           "Rescue crews battle high waves in Rawang Strait\n\n"
           "Opinion: Why Indonesia's ferries keep sinking\n\n"
           "Ferry operator fined twice in 2021 for overloading\n\n"
           "Share this article"),
     claims=[
        C("19 dead", 19, "count", "ferry-dead", noun="dead"),
        C("19 bodies", 19, "count", "ferry-dead", noun="bodies"),
        C("27", 27, "count", "ferry-dead", nth=0),
        C("21 dead", 21, "count", "ferry-dead", noun="dead"),
        C("14", 14, "count", "ferry-dead", nth=1),
        C("112 people", 112, "count", "ferry-rescued", noun="people"),
        C("Thirty-seven survivors", 37, "count", "ferry-hospitalised", noun="survivors"),
        C("176 people", 176, "count", "ferry-aboard", noun="people"),
        C("more than 250", 250, "count", "ferry-aboard", qualifier="lower_bound"),
        C("27 bodies", 27, "count", "ferry-dead", noun="bodies"),
        C("32-year-old", 32, "duration", "ferry-age", unit="year"),
        C("23 vehicles", 23, "count", "ferry-vehicles", noun="vehicles"),
        C("About 300 rescuers", 300, "count", "ferry-rescuers", noun="rescuers", qualifier="approx"),
        C("nine boats", 9, "count", "ferry-boats", noun="boats"),
        C("two helicopters", 2, "count", "ferry-helicopters", noun="helicopters"),
        C("about 4 nautical miles", 4, "measure", "ferry-distance", unit="nautical mile", qualifier="approx"),
        C("about 60 metres", 60, "measure", "ferry-depth", unit="metre", qualifier="approx"),
        C("50 million rupiah", 50e6, "money", "ferry-compensation", currency="IDR", per="family"),
        C("about $3,000", 3000, "money", "ferry-compensation", currency="USD", per="family", qualifier="approx"),
        C("more than 60 people", 60, "count", "ferry-2018-dead", noun="people", qualifier="lower_bound"),
     ],
     not_claims=["14 September 2025", "19:05", "Sunday", "Cahaya Samudra 2", "2018", "twice", "2021"]),
dict(id="fa-ferry-3", outlet="Nusantara Today", title="Rawang Strait ferry: toll climbs to 24 as search resumes at dawn",
     published="2025-09-14",
     text=("Rawang Strait ferry: toll climbs to 24 as search resumes at dawn\n\n"
           "Photo: Survivors wait for news at Kalabaru port. (Nusantara Today/Agus Prasetyo)\n\n"
           "The confirmed death toll from Sunday's ferry disaster in the Rawang Strait rose to 24 by nightfall, "
           "the search and rescue agency said, as divers suspended their work until first light and relatives "
           "kept vigil at Kalabaru's harbour.\n\n"
           "Agency chief Commodore Bambang Sulistyo said 118 people had now been rescued and at least 35 were "
           "still missing. The charity Samudra Peduli, whose volunteers have been recovering bodies along the "
           "shore, said late on Sunday that it had counted 31 dead. Among those still missing, one in four is a "
           "child, it said.\n\n"
           "The 48-metre KM Cahaya Samudra 2 sank around 10 km from the coast, Sulistyo said, farther out than "
           "first reported, after leaving Kalabaru at 5.40am. The vessel, built in 1993 and bought second-hand "
           "from a Japanese operator, had a licensed capacity of 150 passengers. Its manifest recorded 164 "
           "passengers - already more than it was allowed to carry - as well as 12 crew, and officials said the "
           "true number aboard may have been considerably higher because children and people who buy tickets on "
           "board are often left off the list.\n\n"
           "\"If the manifest is right, the ship was over its limit. If the survivors are right, it was badly "
           "over its limit,\" said transport ministry official Rina Hapsari. The ministry has suspended the "
           "operator's licence for 30 days.\n\n"
           "Weather forecasters had issued a warning on Saturday for waves of 2.5 to 4 metres in the strait. "
           "Fishermen in Kalabaru said the ferry should never have left port.\n\n"
           "Ferry sinkings are a recurring tragedy in the region. In the worst recent case, 67 people died when "
           "the KM Sinar Pagi went down in the same waters in 2018.\n\n"
           "Sulistyo said the search would run for at least seven days, the standard period under agency rules, "
           "and could be extended. Some 350 personnel from the navy, police and local volunteers are now "
           "involved.\n\n"
           "Most read\n\n"
           "Ferry captain among survivors, police say\n\n"
           "Fuel prices to rise 8% from October\n\n"
           "Kalabaru mourns: the victims' stories"),
     claims=[
        C("24", 24, "count", "ferry-dead", nth=0),
        C("24", 24, "count", "ferry-dead", nth=1),
        C("118 people", 118, "count", "ferry-rescued", noun="people"),
        C("at least 35", 35, "count", "ferry-missing", qualifier="lower_bound"),
        C("31 dead", 31, "count", "ferry-dead", noun="dead"),
        C("one in four", 0.25, "ratio", "ferry-missing-children", noun="child"),
        C("48-metre", 48, "measure", "ferry-length", unit="metre"),
        C("around 10 km", 10, "measure", "ferry-distance", unit="kilometre", qualifier="approx"),
        C("150 passengers", 150, "count", "ferry-capacity", noun="passengers"),
        C("164 passengers", 164, "count", "ferry-passengers", noun="passengers"),
        C("12 crew", 12, "count", "ferry-crew", noun="crew"),
        C("30 days", 30, "duration", "ferry-licence-suspension", unit="day"),
        C("2.5 to 4 metres", 2.5, "measure", "ferry-waves", high=4, unit="metre", qualifier="range"),
        C("67 people", 67, "count", "ferry-2018-dead", noun="people"),
        C("at least seven days", 7, "duration", "ferry-search-period", unit="day", qualifier="lower_bound"),
        C("Some 350 personnel", 350, "count", "ferry-rescuers", noun="personnel", qualifier="approx"),
     ],
     not_claims=["Sunday", "first light", "Cahaya Samudra 2", "5.40am", "1993", "second-hand", "Saturday", "2018", "8%",
                 "October"]),
dict(id="fa-ferry-4", outlet="The Island Herald",
     title="Nearly 30 dead in Indonesian ferry sinking as questions mount over overloading",
     published="2025-09-15",
     text=("Nearly 30 dead in Indonesian ferry sinking as questions mount over overloading\n\n"
           "KALABARU — Divers recovered five more bodies from the wreck of the KM Cahaya Samudra 2 on Monday "
           "morning, bringing the official death toll from Sunday's sinking to 29, Indonesia's search and rescue "
           "agency said.\n\n"
           "The number of survivors stood unchanged at 118, and 33 people remain unaccounted for, the agency said "
           "in a statement issued at 9am. Relatives gathered at the port have compiled their own list and say as "
           "many as 300 people may have been on the ferry, which was certified to carry 150 passengers.\n\n"
           "The operator, PT Lintas Rawang, has defended its manifest, which records 176 people including the "
           "crew, and said in a brief statement that it was \"cooperating fully\" with investigators. Police said "
           "they had questioned the captain, who survived, and the port's harbourmaster.\n\n"
           "The ferry overturned roughly five miles off the coast in the early hours of Sunday, when waves in the "
           "strait were estimated at around 3 metres. The crossing to Lembaran island usually takes about four "
           "hours and is the main link for some 40,000 islanders, who rely on it for food, fuel and building "
           "materials.\n\n"
           "Survivors described chaotic scenes. Many said they had not been handed lifejackets, and several said "
           "there were too few on board for everyone. The ship carried lifejackets for 160 people, according to "
           "the transport ministry, fewer than the number listed on its own manifest.\n\n"
           "The provincial government said it would pay 50 million rupiah, about $3,100, to the family of each "
           "person who died, and cover hospital costs for the 37 survivors still being treated.\n\n"
           "The disaster has revived memories of 2018, when nearly 70 people died in the same strait. After that "
           "sinking, the government promised to fit every passenger ferry in the province with tracking equipment "
           "within two years; a parliamentary report found last year that fewer than half had been fitted.\n\n"
           "The search area has been widened to 25 nautical miles to take account of strong currents, and will be "
           "maintained for seven days.\n\n"
           "Related: Ferry safety and a decade of disasters in the eastern islands\n\n"
           "Updated: 15/09/2025 10:20"),
     claims=[
        C("Nearly 30", 30, "count", "ferry-dead", qualifier="upper_bound"),
        C("five more bodies", 5, "count", "ferry-bodies-monday", noun="bodies"),
        C("29", 29, "count", "ferry-dead"),
        C("118", 118, "count", "ferry-rescued"),
        C("33 people", 33, "count", "ferry-missing", noun="people"),
        C("as many as 300 people", 300, "count", "ferry-aboard", noun="people", qualifier="upper_bound"),
        C("150 passengers", 150, "count", "ferry-capacity", noun="passengers"),
        C("176 people", 176, "count", "ferry-aboard", noun="people"),
        C("roughly five miles", 5, "measure", "ferry-distance", unit="mile", qualifier="approx"),
        C("around 3 metres", 3, "measure", "ferry-waves", unit="metre", qualifier="approx"),
        C("about four hours", 4, "duration", "ferry-crossing-time", unit="hour", qualifier="approx"),
        C("some 40,000 islanders", 40000, "count", "ferry-islanders", noun="islanders", qualifier="approx"),
        C("160 people", 160, "count", "ferry-lifejackets", noun="people"),
        C("50 million rupiah", 50e6, "money", "ferry-compensation", currency="IDR", per="family"),
        C("about $3,100", 3100, "money", "ferry-compensation", currency="USD", per="family", qualifier="approx"),
        C("37 survivors", 37, "count", "ferry-hospitalised", noun="survivors"),
        C("nearly 70 people", 70, "count", "ferry-2018-dead", noun="people", qualifier="upper_bound"),
        C("two years", 2, "duration", "ferry-tracking-deadline", unit="year"),
        C("fewer than half", 0.5, "ratio", "ferry-tracking-share", qualifier="upper_bound"),
        C("25 nautical miles", 25, "measure", "ferry-search-area", unit="nautical mile"),
        C("seven days", 7, "duration", "ferry-search-period", unit="day"),
     ],
     not_claims=["Cahaya Samudra 2", "Monday", "Sunday", "9am", "2018", "15/09/2025 10:20"]),
# ================================================================== story 2: quarterly results
dict(id="fa-results-1", outlet="Meridian Wire", title="Castellan Dynamics misses revenue forecast, to cut 2,400 jobs",
     published="2025-10-29",
     text=("Castellan Dynamics misses revenue forecast, to cut 2,400 jobs\n\n"
           "Oct 29 (Meridian Wire) - Castellan Dynamics reported third-quarter revenue below Wall Street "
           "expectations on Wednesday and said it would cut about 2,400 jobs, or 6% of its workforce, as weak "
           "demand for its networking hardware offset growth in factory automation.\n\n"
           "Revenue fell 4% to $4.23 billion in the quarter to Sept 30 from $4.41 billion a year earlier. "
           "Analysts on average had expected $4.35 billion, according to LSEG data.\n\n"
           "Net income dropped 18% to $312 million. Excluding one-off items, the Cleveland-based company earned "
           "74 cents a share, short of the consensus estimate of 81 cents.\n\n"
           "The Ohio group cut its forecast for full-year revenue to between $16.5 billion and $16.9 billion, "
           "from $17.2 billion to $17.6 billion previously.\n\n"
           "Shares fell 7.8% in premarket trading.\n\n"
           "Revenue at the automation unit, Castellan's largest, rose 9%, helped by orders from battery and "
           "semiconductor plants. The services business also grew 9%, while networking sales slid 19% as telecom "
           "customers delayed spending. Sales in China fell 15%.\n\n"
           "Chief executive Laura Brennick, who took over 18 months ago, said the job cuts would save about $350 "
           "million a year once complete and would mainly fall on the networking division. The company expects a "
           "restructuring charge of $180 million, most of it in the fourth quarter.\n\n"
           "\"We are not going to wait for the networking market to come back,\" Brennick told analysts on a "
           "conference call. \"We are resizing that business for the demand we actually see.\"\n\n"
           "The company, which employs about 41,000 people, cut 1,100 jobs last year. It also announced a $1 "
           "billion share buyback.\n\n"
           "(Reporting by Priya Nandakumar in Bengaluru; Editing by Sam Holder)"),
     claims=[
        C("2,400 jobs", 2400, "count", "results-jobs", noun="jobs"),
        C("about 2,400 jobs", 2400, "count", "results-jobs", noun="jobs", qualifier="approx"),
        C("6%", 6, "percent", "results-jobs-share"),
        C("4%", 4, "percent", "results-revenue-change"),
        C("$4.23 billion", 4.23e9, "money", "results-revenue", currency="USD"),
        C("$4.41 billion", 4.41e9, "money", "results-revenue-prior", currency="USD"),
        C("$4.35 billion", 4.35e9, "money", "results-revenue-consensus", currency="USD"),
        C("18%", 18, "percent", "results-profit-change"),
        C("$312 million", 312e6, "money", "results-net-profit", currency="USD"),
        C("74 cents a share", 0.74, "money", "results-eps", currency="USD", per="share"),
        C("81 cents", 0.81, "money", "results-eps-consensus", currency="USD", per="share"),
        C("between $16.5 billion and $16.9 billion", 16.5e9, "money", "results-guidance", high=16.9e9,
          currency="USD", qualifier="range"),
        C("$17.2 billion to $17.6 billion", 17.2e9, "money", "results-guidance-prior", high=17.6e9,
          currency="USD", qualifier="range"),
        C("7.8%", 7.8, "percent", "results-share-move"),
        C("9%", 9, "percent", "results-automation-growth", nth=0),
        C("9%", 9, "percent", "results-services-growth", nth=1),
        C("19%", 19, "percent", "results-networking-change"),
        C("15%", 15, "percent", "results-china-change"),
        C("18 months", 18, "duration", "results-ceo-tenure", unit="month"),
        C("about $350 million a year", 350e6, "money", "results-savings", currency="USD", per="year",
          qualifier="approx"),
        C("$180 million", 180e6, "money", "results-restructuring", currency="USD"),
        C("about 41,000 people", 41000, "count", "results-workforce", noun="people", qualifier="approx"),
        C("1,100 jobs", 1100, "count", "results-prior-cuts", noun="jobs"),
        C("$1 billion", 1e9, "money", "results-buyback", currency="USD"),
     ],
     not_claims=["Oct 29", "third-quarter", "one-off", "Wednesday", "Sept 30", "fourth quarter"]),
dict(id="fa-results-2", outlet="The Market Ledger", title="Castellan shares slump 10% as networking rout deepens",
     published="2025-10-29",
     text=("Castellan shares slump 10% as networking rout deepens\n\n"
           "Markets | Companies\n\n"
           "By Owen Pratt, Industrials Editor\n\n"
           "Published 29 October 2025 · Updated 21:15\n\n"
           "Shares in Castellan Dynamics suffered their worst day in more than two years on Wednesday, closing "
           "down 10.2% at $61.40 after the automation and networking group reported falling sales, cut its annual "
           "outlook and unveiled plans to shed about 2,500 roles.\n\n"
           "Quarterly revenue came in at $4.2bn, compared with the $4.31bn analysts polled by FactSet had "
           "pencilled in, and down 4.1% on the same period last year. It was the third consecutive quarter in "
           "which sales have shrunk.\n\n"
           "Net profit fell by nearly a fifth to $312m. Adjusted earnings of 74 cents a share compared with "
           "forecasts of 80 cents.\n\n"
           "The company said the job cuts, which it put at roughly 6% of a workforce of around 40,000, would be "
           "completed by the end of next year. People familiar with the plans said the final tally was likely to "
           "be closer to 2,500 than the 2,400 the company cited, because some vacancies will also be closed. A "
           "spokeswoman declined to comment on the higher figure.\n\n"
           "The breakdown showed a business pulling in opposite directions. Automation sales climbed 9.4% and services "
           "revenue rose 8.6%, but the networking division, which makes switches and routers for telecom "
           "operators, saw revenue drop 19%, its steepest fall since the unit was acquired for $6.8bn in 2019.\n\n"
           "Castellan now expects full-year revenue of about $16.7bn, down from about $17.4bn. Operating margin "
           "narrowed to 11.2% in the quarter from 13.5% a year ago.\n\n"
           "\"The guidance cut was bigger than we feared,\" said Hannah Oduya, an analyst at Brightwater "
           "Securities, who cut her price target to $68 from $85. \"Automation is doing its job. The problem is "
           "that networking is still a quarter of the business and it is getting worse, not better.\"\n\n"
           "Before Wednesday the stock had gained 22% this year, outpacing a 14% rise in the S&P 500.\n\n"
           "Brennick, a former executive at a German engineering group, has been in the job for a year and a "
           "half.\n\n"
           "More from Markets\n\n"
           "Oil slips as inventories build\n\n"
           "Chipmaker raises dividend by 12%"),
     claims=[
        C("10%", 10, "percent", "results-share-move"),
        C("more than two years", 2, "duration", "results-worst-day-span", unit="year", qualifier="lower_bound"),
        C("10.2%", 10.2, "percent", "results-share-move"),
        C("$61.40", 61.40, "money", "results-share-price", currency="USD"),
        C("about 2,500 roles", 2500, "count", "results-jobs", noun="roles", qualifier="approx"),
        C("$4.2bn", 4.2e9, "money", "results-revenue", currency="USD"),
        C("$4.31bn", 4.31e9, "money", "results-revenue-consensus", currency="USD"),
        C("4.1%", 4.1, "percent", "results-revenue-change"),
        C("nearly a fifth", 0.2, "ratio", "results-profit-change", qualifier="upper_bound"),
        C("$312m", 312e6, "money", "results-net-profit", currency="USD"),
        C("74 cents a share", 0.74, "money", "results-eps", currency="USD", per="share"),
        C("80 cents", 0.80, "money", "results-eps-consensus", currency="USD", per="share"),
        C("roughly 6%", 6, "percent", "results-jobs-share", qualifier="approx"),
        C("around 40,000", 40000, "count", "results-workforce", qualifier="approx"),
        C("closer to 2,500", 2500, "count", "results-jobs", qualifier="approx"),
        C("2,400", 2400, "count", "results-jobs"),
        C("9.4%", 9.4, "percent", "results-automation-growth"),
        C("8.6%", 8.6, "percent", "results-services-growth"),
        C("19%", 19, "percent", "results-networking-change"),
        C("$6.8bn", 6.8e9, "money", "results-networking-acquisition", currency="USD"),
        C("about $16.7bn", 16.7e9, "money", "results-guidance", currency="USD", qualifier="approx"),
        C("about $17.4bn", 17.4e9, "money", "results-guidance-prior", currency="USD", qualifier="approx"),
        C("11.2%", 11.2, "percent", "results-margin"),
        C("13.5%", 13.5, "percent", "results-margin-prior"),
        C("$68", 68, "money", "results-price-target", currency="USD"),
        C("$85", 85, "money", "results-price-target-prior", currency="USD"),
        C("a quarter of the business", 0.25, "ratio", "results-networking-share", noun="business"),
        C("22%", 22, "percent", "results-ytd-gain"),
        C("14%", 14, "percent", "results-index-gain"),
        C("a year and a half", 1.5, "duration", "results-ceo-tenure", unit="year"),
     ],
     not_claims=["29 October 2025", "21:15", "Wednesday", "third consecutive quarter", "2019", "S&P 500", "12%"]),
dict(id="fa-results-3", outlet="Continental Business Review",
     title="US automation group Castellan to cut 300 jobs in Germany",
     published="2025-10-29",
     text=("US automation group Castellan to cut 300 jobs in Germany\n\n"
           "Frankfurt, 29.10.2025\n\n"
           "Castellan Dynamics, the American maker of industrial robots and network equipment, will cut around "
           "300 jobs at its German sites as part of a global programme to eliminate 2,400 positions, the company "
           "confirmed on Wednesday evening.\n\n"
           "Most of the German reductions will fall at the networking plant in Hollstedt, Lower Saxony, which "
           "employs about 1,150 people. The works council said it had not been consulted and would fight the "
           "plan. \"Three hundred families learned about this from a press release,\" council chair Jürgen "
           "Falkner said.\n\n"
           "Castellan's group revenue fell to the equivalent of about €3.6bn in the third quarter, missing "
           "expectations, while net income dropped to around €270m. The company lowered its guidance for the "
           "year to between 16.5 and 16.9 billion dollars.\n\n"
           "In Europe, Castellan's second-largest market, sales were broadly flat at €890m. Growth in automation "
           "orders from car makers and battery factories, up 12% in the region, made up for weaker networking "
           "sales, which fell 12% in Europe, a smaller decline than in North America or China.\n\n"
           "The group's shares, which also trade in Frankfurt, lost 8% there in evening trading after the "
           "results.\n\n"
           "Germany accounts for roughly one in eight of Castellan's 41,000 employees, about 5,100 people, spread "
           "across four sites. The company has invested more than €400m in the country since 2015, including a "
           "robotics research centre in Munich that opened two years ago.\n\n"
           "Analysts at Nordbank said the cuts were \"painful but expected\" and estimated that the restructuring "
           "would cost between $175m and $200m, roughly in line with the company's own estimate.\n\n"
           "The metalworkers' union, which represents many of the workers at Hollstedt, said it would call for "
           "talks with management within the next 14 days.\n\n"
           "Related topics: Automation · Industry 4.0 · Labour market"),
     claims=[
        C("300 jobs", 300, "count", "results-germany-cuts", noun="jobs"),
        C("around 300 jobs", 300, "count", "results-germany-cuts", noun="jobs", qualifier="approx"),
        C("2,400 positions", 2400, "count", "results-jobs", noun="positions"),
        C("about 1,150 people", 1150, "count", "results-hollstedt-staff", noun="people", qualifier="approx"),
        C("Three hundred families", 300, "count", "results-germany-cuts", noun="families"),
        C("about €3.6bn", 3.6e9, "money", "results-revenue", currency="EUR", qualifier="approx"),
        C("around €270m", 270e6, "money", "results-net-profit", currency="EUR", qualifier="approx"),
        C("between 16.5 and 16.9 billion dollars", 16.5e9, "money", "results-guidance", high=16.9e9,
          currency="USD", qualifier="range"),
        C("€890m", 890e6, "money", "results-europe-sales", currency="EUR"),
        C("12%", 12, "percent", "results-europe-automation-change", nth=0),
        C("12%", 12, "percent", "results-europe-networking-change", nth=1),
        C("8%", 8, "percent", "results-share-move-frankfurt"),
        C("roughly one in eight", 0.125, "ratio", "results-germany-staff-share", qualifier="approx"),
        C("41,000 employees", 41000, "count", "results-workforce", noun="employees"),
        C("about 5,100 people", 5100, "count", "results-germany-staff", noun="people", qualifier="approx"),
        C("four sites", 4, "count", "results-germany-sites", noun="sites"),
        C("more than €400m", 400e6, "money", "results-germany-investment", currency="EUR", qualifier="lower_bound"),
        C("two years", 2, "duration", "results-munich-centre-age", unit="year"),
        C("between $175m and $200m", 175e6, "money", "results-restructuring", high=200e6, currency="USD",
          qualifier="range"),
        C("14 days", 14, "duration", "results-talks-deadline", unit="day", qualifier="upper_bound"),
     ],
     not_claims=["29.10.2025", "Wednesday", "third quarter", "second-largest", "2015", "Industry 4.0"]),
dict(id="fa-results-4", outlet="Tech Dispatch", title="Castellan's networking slump: what the numbers say",
     published="2025-10-29",
     text=("Castellan's networking slump: what the numbers say\n\n"
           "Posted by Dana Whitfield · 5 min read · 14 comments\n\n"
           "Castellan Dynamics brought in more than $4 billion in the September quarter, which would be a fine "
           "result for most hardware companies. For Castellan it was a miss, and investors let it know: the stock "
           "was off more than 9% by lunchtime on Wednesday.\n\n"
           "Here is what stood out from the release and the call.\n\n"
           "Networking is the problem. The division's revenue fell 19% from a year earlier to $1.05bn. That "
           "follows a 7% drop in the previous quarter. Management blamed telecom operators that are \"digesting\" "
           "the equipment they bought in 2023 and 2024, and said it does not expect a recovery before the second "
           "half of next year.\n\n"
           "Automation is fine. Sales of robots, controllers and machine-vision gear grew 9%, and the order "
           "backlog rose to $5.9bn, enough to keep factories busy for roughly 15 months. Services, mostly "
           "maintenance contracts, grew at the same 9% clip.\n\n"
           "The jobs number is big. Castellan says 2,400 people will go, mostly in networking, on top of the "
           "1,100 it let go last year. Chief executive Laura Brennick said the cuts would save $350 million "
           "annually from 2027.\n\n"
           "Guidance came down hard. The company now sees 2025 revenue of $16.5bn-$16.9bn. That is roughly $700m "
           "below the midpoint of its previous forecast, and below the $17.1bn analysts had expected for the "
           "year.\n\n"
           "The cash is still there. Castellan ended the quarter with $2.3bn in cash and announced a $1bn "
           "buyback, which should support the shares.\n\n"
           "Our take: the automation story is intact, but a business that gets roughly 25% of its sales from "
           "networking cannot shrug off a 19% fall in that unit.\n\n"
           "Share: X · LinkedIn · Email\n\n"
           "Related: Three things to watch in chip-equipment earnings | Robot makers' 2025 in review"),
     claims=[
        C("more than $4 billion", 4e9, "money", "results-revenue", currency="USD", qualifier="lower_bound"),
        C("more than 9%", 9, "percent", "results-share-move", qualifier="lower_bound"),
        C("19%", 19, "percent", "results-networking-change", nth=0),
        C("$1.05bn", 1.05e9, "money", "results-networking-revenue", currency="USD"),
        C("7%", 7, "percent", "results-networking-change-prior-quarter"),
        C("9%", 9, "percent", "results-automation-growth", nth=2),
        C("$5.9bn", 5.9e9, "money", "results-backlog", currency="USD"),
        C("roughly 15 months", 15, "duration", "results-backlog-cover", unit="month", qualifier="approx"),
        C("9%", 9, "percent", "results-services-growth", nth=3),
        C("2,400 people", 2400, "count", "results-jobs", noun="people"),
        C("1,100", 1100, "count", "results-prior-cuts"),
        C("$350 million annually", 350e6, "money", "results-savings", currency="USD", per="year"),
        C("$16.5bn-$16.9bn", 16.5e9, "money", "results-guidance", high=16.9e9, currency="USD", qualifier="range"),
        C("roughly $700m", 700e6, "money", "results-guidance-cut", currency="USD", qualifier="approx"),
        C("$17.1bn", 17.1e9, "money", "results-guidance-consensus", currency="USD"),
        C("$2.3bn", 2.3e9, "money", "results-cash", currency="USD"),
        C("$1bn", 1e9, "money", "results-buyback", currency="USD"),
        C("roughly 25%", 25, "percent", "results-networking-share", qualifier="approx"),
        C("19%", 19, "percent", "results-networking-change", nth=1),
     ],
     not_claims=["5 min read", "14 comments", "Wednesday", "2023", "2024", "second half", "2027", "2025",
                 "Three things"]),
# ================================================================== story 3: an infrastructure plan
dict(id="fa-infra-1", outlet="Meridian Wire", title="UK unveils 86 billion pound infrastructure plan",
     published="2025-06-11",
     text=("UK unveils 86 billion pound infrastructure plan\n\n"
           "LONDON, June 11 (Meridian Wire) - Britain will spend 86 billion pounds ($116 billion) on roads, "
           "railways, housing and flood defences over the next five years, finance minister Helen Marbury said on "
           "Wednesday, in what she called the largest sustained increase in public investment in a generation.\n\n"
           "The plan works out at about 17 billion pounds a year and will lift public sector net investment to "
           "2.9% of gross domestic product by the end of the decade, from 2.4% now, according to Treasury "
           "documents published alongside the announcement.\n\n"
           "Marbury told parliament the money would pay for 300,000 new homes, 240 km of new and upgraded railway "
           "in northern England and the Midlands, and 6 billion pounds of flood defences protecting around "
           "200,000 properties. A further 6 billion pounds will go to rebuilding hospitals.\n\n"
           "\"For too long this country has patched and mended when it should have built,\" Marbury said. \"This "
           "plan ends that.\"\n\n"
           "The opposition said much of the money had been announced before. Its Treasury spokesman, Gareth Lyle, "
           "said only 54 billion pounds was genuinely new, and that the rest had been \"repackaged\" from "
           "existing departmental budgets.\n\n"
           "The Institute for Public Investment, an independent research group, said delivering everything in the "
           "plan would cost closer to 112 billion pounds at current construction prices, and that the government "
           "would need to borrow an extra 9 billion pounds a year to fund it.\n\n"
           "Britain's public debt stands at about 96% of GDP. The previous government's 2019 infrastructure "
           "strategy promised 61 billion pounds over the same length of time, though official figures show less "
           "than 80% of that was spent.\n\n"
           "Marbury said about 40% of the money would be spent in the north of England and the Midlands, where "
           "transport spending per head has long trailed London's.\n\n"
           "($1 = 0.7414 pounds)\n\n"
           "(Reporting by Ben Cartwright; Editing by Alison Reyes)"),
     claims=[
        C("86 billion pound", 86e9, "money", "infra-total", currency="GBP"),
        C("86 billion pounds", 86e9, "money", "infra-total", currency="GBP"),
        C("$116 billion", 116e9, "money", "infra-total", currency="USD"),
        C("five years", 5, "duration", "infra-period", unit="year"),
        C("about 17 billion pounds a year", 17e9, "money", "infra-per-year", currency="GBP", per="year",
          qualifier="approx"),
        C("2.9%", 2.9, "percent", "infra-gdp-target"),
        C("2.4%", 2.4, "percent", "infra-gdp-now"),
        C("300,000 new homes", 300000, "count", "infra-homes", noun="new homes"),
        C("240 km", 240, "measure", "infra-rail-length", unit="kilometre"),
        C("6 billion pounds", 6e9, "money", "infra-flood", currency="GBP", nth=1),
        C("around 200,000 properties", 200000, "count", "infra-flood-properties", noun="properties",
          qualifier="approx"),
        C("6 billion pounds", 6e9, "money", "infra-hospitals", currency="GBP", nth=2),
        C("54 billion pounds", 54e9, "money", "infra-new-money", currency="GBP"),
        C("closer to 112 billion pounds", 112e9, "money", "infra-total", currency="GBP", qualifier="approx"),
        C("9 billion pounds a year", 9e9, "money", "infra-extra-borrowing", currency="GBP", per="year"),
        C("about 96%", 96, "percent", "infra-debt", qualifier="approx"),
        C("61 billion pounds", 61e9, "money", "infra-previous-total", currency="GBP"),
        C("less than 80%", 80, "percent", "infra-previous-spent-share", qualifier="upper_bound"),
        C("about 40%", 40, "percent", "infra-north-share", qualifier="approx"),
     ],
     not_claims=["June 11", "Wednesday", "2019", "$1 = 0.7414 pounds"]),
dict(id="fa-infra-2", outlet="The Westminster Courier",
     title="Marbury's £86bn building blitz: 300,000 homes and a new northern railway",
     published="2025-06-11",
     text=("Marbury's £86bn building blitz: 300,000 homes and a new northern railway\n\n"
           "Politics | 11 June 2025 | 6 min read\n\n"
           "Helen Marbury staked her reputation on concrete and steel on Wednesday, setting out an £86.4bn "
           "five-year investment plan that the Treasury says will deliver 300,000 homes, 150 miles of new railway "
           "and the biggest hospital rebuilding programme since the 1960s.\n\n"
           "The headline figure is equivalent to £17.3bn a year, and Treasury officials insisted that the spending "
           "would be protected even if the economy slowed. About two-fifths of the money is earmarked for the "
           "North and the Midlands.\n\n"
           "The centrepiece is a £31bn rail package, including a new east-west line across the Pennines that "
           "ministers say would cut journey times between the biggest cities of the North by 25 minutes.\n\n"
           "Of the new homes, 40% will be for social or affordable rent, the chancellor said, a proportion housing "
           "charities welcomed but said was still too low given that 1.3 million households are on council "
           "waiting lists.\n\n"
           "Flood defences get £6bn and hospital rebuilding another £6bn. Schools will receive £4.5bn for "
           "repairs, with about 1,200 buildings identified as needing urgent work.\n\n"
           "Marbury said the plan would take public investment to almost 3% of GDP, a level last seen in the "
           "1970s, and support up to 150,000 construction jobs.\n\n"
           "Not everyone was convinced. The shadow chancellor, Priya Castell, accused the government of "
           "\"recycling\" old commitments and said Treasury documents showed just £52bn of new money. \"Strip out "
           "the rebadged schemes and this is a much smaller plan than the chancellor wants you to think,\" she "
           "said.\n\n"
           "The Institute for Public Investment, a think tank, said the homes and rail targets could not be met "
           "on the money allocated. It estimated the full cost at £112bn and predicted that fewer than 200,000 "
           "homes would actually be built over the five years.\n\n"
           "The last government's 2019 strategy promised £61bn over five years. Marbury's plan is about 40% "
           "larger in cash terms, although once inflation is taken into account the increase is closer to 15%.\n\n"
           "Related\n\n"
           "Chancellor's spending review: the winners and losers\n\n"
           "Housing waiting lists at record high\n\n"
           "Poll: 58% back more borrowing for investment"),
     claims=[
        C("£86bn", 86e9, "money", "infra-total", currency="GBP"),
        C("300,000 homes", 300000, "count", "infra-homes", noun="homes", nth=0),
        C("£86.4bn", 86.4e9, "money", "infra-total", currency="GBP"),
        C("five-year", 5, "duration", "infra-period", unit="year"),
        C("300,000 homes", 300000, "count", "infra-homes", noun="homes", nth=1),
        C("150 miles", 150, "measure", "infra-rail-length", unit="mile"),
        C("£17.3bn a year", 17.3e9, "money", "infra-per-year", currency="GBP", per="year"),
        C("About two-fifths", 0.4, "ratio", "infra-north-share", qualifier="approx"),
        C("£31bn", 31e9, "money", "infra-rail-cost", currency="GBP"),
        C("25 minutes", 25, "duration", "infra-journey-saving", unit="minute"),
        C("40%", 40, "percent", "infra-affordable-share", nth=0),
        C("1.3 million households", 1.3e6, "count", "infra-waiting-list", noun="households"),
        C("£6bn", 6e9, "money", "infra-flood", currency="GBP", nth=0),
        C("£6bn", 6e9, "money", "infra-hospitals", currency="GBP", nth=1),
        C("£4.5bn", 4.5e9, "money", "infra-schools", currency="GBP"),
        C("about 1,200 buildings", 1200, "count", "infra-school-buildings", noun="buildings", qualifier="approx"),
        C("almost 3%", 3, "percent", "infra-gdp-target", qualifier="upper_bound"),
        C("up to 150,000 construction jobs", 150000, "count", "infra-jobs", noun="construction jobs",
          qualifier="upper_bound"),
        C("£52bn", 52e9, "money", "infra-new-money", currency="GBP"),
        C("£112bn", 112e9, "money", "infra-total", currency="GBP"),
        C("fewer than 200,000 homes", 200000, "count", "infra-homes", noun="homes", qualifier="upper_bound"),
        C("five years", 5, "duration", "infra-period", unit="year", nth=0),
        C("£61bn", 61e9, "money", "infra-previous-total", currency="GBP"),
        C("five years", 5, "duration", "infra-previous-period", unit="year", nth=1),
        C("about 40%", 40, "percent", "infra-increase-cash", qualifier="approx"),
        C("closer to 15%", 15, "percent", "infra-increase-real", qualifier="approx"),
     ],
     not_claims=["11 June 2025", "6 min read", "Wednesday", "1960s", "1970s", "2019", "58%"]),
dict(id="fa-infra-3", outlet="Northern Gazette",
     title="What the £86bn plan means for the North: 240km of track and 120,000 jobs",
     published="2025-06-11",
     text=("What the £86bn plan means for the North: 240km of track and 120,000 jobs\n\n"
           "By Sophie Rand, Northern Affairs Correspondent\n\n"
           "Wednesday 11 June 2025, 5:47pm\n\n"
           "The chancellor's five-year infrastructure plan promises the North and Midlands around £34bn, roughly "
           "40% of the total, in what ministers describe as the most significant shift of capital spending away "
           "from London and the South East in decades.\n\n"
           "At the heart of it is about 240 kilometres of new and upgraded track, most of it on a new "
           "cross-Pennine route. Construction is due to start in 2027, with the first trains running by 2034. The "
           "rail element alone is costed at £31bn.\n\n"
           "Ministers say the programme will create 120,000 jobs across the North and Midlands during construction, "
           "although the Northern Contractors Federation put the figure at up to 150,000 if local firms win a fair "
           "share of the contracts.\n\n"
           "Council leaders gave the package a cautious welcome. \"We have heard numbers like this before,\" said "
           "Malcolm Ferrie, leader of Ashbrook council. \"In 2019 we were promised £61bn nationally and our region "
           "saw barely a tenth of it. I will believe it when I see the diggers.\"\n\n"
           "The plan also sets aside £2.1bn for bus services outside London, enough, the Department for Transport "
           "says, to fund around 4,000 new zero-emission buses, and £6bn for flood defences, a large share of "
           "which is expected to go to the river valleys of Yorkshire and Cumbria that flooded in 2015 and "
           "2020.\n\n"
           "Of the 300,000 homes the government wants built, the North and Midlands are expected to get about "
           "110,000.\n\n"
           "The Institute for Public Investment warned that the figures rested on optimistic assumptions. Its "
           "analysis suggests the total bill could reach £112bn and that rail schemes typically overrun their "
           "budgets by 30% or more. It also questioned the claim that public investment would reach 2.9% of GDP, "
           "saying a more realistic peak was 2.6%.\n\n"
           "The Treasury says the plan will cost £17.2bn a year on average.\n\n"
           "Read more:\n\n"
           "Trans-Pennine rail upgrade delayed again\n\n"
           "Ashbrook's 2,000-home estate gets green light\n\n"
           "Sign up to our politics newsletter"),
     claims=[
        C("£86bn", 86e9, "money", "infra-total", currency="GBP"),
        C("240km", 240, "measure", "infra-rail-length", unit="kilometre"),
        C("120,000 jobs", 120000, "count", "infra-jobs", noun="jobs", nth=0),
        C("five-year", 5, "duration", "infra-period", unit="year"),
        C("around £34bn", 34e9, "money", "infra-north-money", currency="GBP", qualifier="approx"),
        C("roughly 40%", 40, "percent", "infra-north-share", qualifier="approx"),
        C("about 240 kilometres", 240, "measure", "infra-rail-length", unit="kilometre", qualifier="approx"),
        C("£31bn", 31e9, "money", "infra-rail-cost", currency="GBP"),
        C("120,000 jobs", 120000, "count", "infra-jobs", noun="jobs", nth=1),
        C("up to 150,000", 150000, "count", "infra-jobs", qualifier="upper_bound"),
        C("£61bn", 61e9, "money", "infra-previous-total", currency="GBP"),
        C("barely a tenth", 0.1, "ratio", "infra-previous-region-share", qualifier="approx"),
        C("£2.1bn", 2.1e9, "money", "infra-buses-money", currency="GBP"),
        C("around 4,000 new zero-emission buses", 4000, "count", "infra-buses", noun="buses", qualifier="approx"),
        C("£6bn", 6e9, "money", "infra-flood", currency="GBP"),
        C("300,000 homes", 300000, "count", "infra-homes", noun="homes"),
        C("about 110,000", 110000, "count", "infra-north-homes", qualifier="approx"),
        C("£112bn", 112e9, "money", "infra-total", currency="GBP"),
        C("30% or more", 30, "percent", "infra-rail-overrun", qualifier="lower_bound"),
        C("2.9%", 2.9, "percent", "infra-gdp-target"),
        C("2.6%", 2.6, "percent", "infra-gdp-target"),
        C("£17.2bn a year", 17.2e9, "money", "infra-per-year", currency="GBP", per="year"),
     ],
     not_claims=["Wednesday 11 June 2025", "5:47pm", "2027", "2034", "first trains", "2019", "2015", "2020",
                 "2,000-home"]),
]

def render() -> str:
    return render_gold(ARTICLES)


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT} ({len(ARTICLES)} articles)")
