"""A generated archive of short news articles, for the import benchmark and the archive tests.

Stories are events of a few kinds (a strike, a flood, a budget, a closure, a poll) in places drawn from a
shared list of 300, so stories share vocabulary and places; each story is told by three to six outlets with
their own wording, and outlets sometimes disagree on a figure or round it. An article is five to nine
sentences, most of them without a number, as in real news. The stories are dated over one year in story
order, whatever the number of articles asked for, so the same kind of story in the same place recurs
across the year at different dates, as in a year of news; an outlet may publish a day or two after
another. Deterministic for a seed; written one line at a time.

    python bench/newsarchive.py OUT.jsonl --articles 20000
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from datetime import date
from pathlib import Path

OUTLETS = ["Daily Ledger", "Morning Post", "The Courier", "Evening Star", "Harbour Times", "Valley Herald",
           "Northern Wire", "City Bulletin", "The Lantern", "Coast Radio News", "Midland Gazette", "Riverside Echo"]
SYL = ["car", "row", "by", "fen", "wick", "hal", "ton", "mere", "stow", "brid", "ley", "dun", "more", "ash", "holt",
       "well", "ford", "thorn", "bury", "combe"]
PEOPLE = ["the council leader", "a union spokesperson", "the regional director", "a local MP", "the chief executive",
          "residents' association chair", "the fire service", "the health board"]
FILLER = [
    "Residents said they had not been told in advance.",
    "The decision will be reviewed at a meeting next month.",
    "Opposition members called for an independent inquiry.",
    "Local businesses said the uncertainty was hurting trade.",
    "Officials declined to comment further on the matter.",
    "The announcement followed weeks of speculation.",
    "Campaigners gathered outside the town hall on the morning of the vote.",
    "It is not the first time the issue has divided the town.",
    "A statement is expected later in the week.",
    "Talks between the two sides are continuing.",
]


YEAR_START = date(2025, 1, 1).toordinal()
YEAR_DAYS = 365
MEAN_OUTLETS = 4.5  # outlets per story, on average (three to six)


def place(n: int) -> str:
    """One of 300 distinct place names for n in 0..299 (two or three syllables)."""
    q, r = divmod(n, len(SYL))
    sy = [SYL[r], SYL[(7 * q + r + 3) % len(SYL)]] + ([SYL[(3 * n + 11) % len(SYL)]] if n % 2 else [])
    return "".join(sy).capitalize()


def story_day(s: int, n: int) -> int:
    """The day of the year (0-based) of story ``s`` in an archive of ``n`` articles: story order spread over
    one year."""
    return min(YEAR_DAYS - 1, int(s * MEAN_OUTLETS * YEAR_DAYS / max(n, 1)))


def _money(v: float, rng: random.Random) -> str:
    if v >= 1e9:
        return rng.choice([f"£{v / 1e9:.1f}bn", f"{v / 1e9:.1f} billion pounds"])
    return rng.choice([f"£{v / 1e6:.0f}m", f"£{v / 1e6:.0f} million", f"{v / 1e6:.0f} million pounds"])


def _count(v: int, rng: random.Random) -> str:
    return rng.choice([f"{v:,}", f"about {round(v, -2):,}", f"more than {round(v, -2):,}", f"nearly {round(v, -2):,}"])


KINDS = ["strike", "flood", "budget", "closure", "poll"]


def story_facts(s: int, rng: random.Random) -> dict:
    kind = KINDS[s % len(KINDS)]
    town = place(s % 300)  # places repeat across stories
    return {"kind": kind, "town": town, "n1": rng.randint(120, 48000), "n2": rng.randint(3, 95),
            "money": rng.choice([1, 2, 5, 12, 40, 85, 240, 600]) * 1e6 * rng.choice([1, 1, 1, 10]),
            "pct": round(rng.uniform(1.5, 64), 1), "days": rng.randint(2, 21)}


def sentences(f: dict, rng: random.Random) -> tuple[str, list[str]]:
    t = f["town"]
    who = rng.choice(PEOPLE)
    n1 = f["n1"] if rng.random() > 0.2 else int(f["n1"] * rng.choice([0.8, 0.9, 1.1, 1.25]))
    if f["kind"] == "strike":
        title = rng.choice([f"Workers walk out in {t}", f"{t} strike enters day {f['days']}", f"Strike hits {t}"])
        body = [f"{_count(n1, rng)} workers walked out in {t} on Monday, {who} said.",
                f"The strike is expected to last {f['days']} days.",
                f"Staff were offered a rise of {f['pct']}%, which the union rejected.",
                f"The dispute has cost the local economy {_money(f['money'], rng)}, according to the chamber of commerce."]
    elif f["kind"] == "flood":
        title = rng.choice([f"Floods hit {t}", f"{t} homes flooded after storm", f"River bursts its banks in {t}"])
        body = [f"{_count(n1, rng)} homes were flooded in {t} after the river burst its banks.",
                f"{f['n2']} people were taken to hospital, {who} said.",
                f"Repairs are expected to cost {_money(f['money'], rng)}.",
                f"Rainfall was {f['pct']}% above the monthly average."]
    elif f["kind"] == "budget":
        title = rng.choice([f"{t} council sets its budget", f"Council tax to rise in {t}", f"{t} budget approved"])
        body = [f"{t} council approved a budget of {_money(f['money'], rng)} for next year.",
                f"Council tax will rise by {f['pct']}%, {who} said.",
                f"{f['n2']} posts will be cut over {f['days']} months.",
                f"The council serves {_count(n1, rng)} residents."]
    elif f["kind"] == "closure":
        title = rng.choice([f"Plant to close in {t}", f"{t} factory closure confirmed", f"Jobs lost as {t} site shuts"])
        body = [f"The plant in {t} will close with the loss of {_count(n1 // 10 + 50, rng)} jobs.",
                f"It opened {f['n2']} years ago and once employed twice as many people.",
                f"The owners said losses had reached {_money(f['money'], rng)}.",
                f"Output fell by {f['pct']}% last year, {who} said."]
    else:
        title = rng.choice([f"Poll shows split in {t}", f"{t} voters divided, survey finds", f"New poll in {t}"])
        body = [f"A poll of {_count(n1 // 20 + 500, rng)} voters in {t} found {f['pct']}% backing the plan.",
                f"The survey was carried out over {f['days']} days.",
                f"One in {max(2, f['n2'] // 10)} said they had not decided, {who} said.",
                f"The campaign has spent {_money(f['money'] / 10, rng)} so far."]
    body = [b[0].upper() + b[1:] for b in body]  # a sentence opens with a capital, "About 400 ..." too
    rng.shuffle(body)
    picked = body[: rng.randint(2, 4)]
    filler = rng.sample(FILLER, rng.randint(3, 5))
    mixed = picked[:1] + filler[:2] + picked[1:] + filler[2:]
    return title, mixed


def articles(n: int, seed: int = 20261201) -> Iterator[dict]:
    """``n`` article records (the JSON Lines article format) in story order."""
    rng = random.Random(seed)
    made, s = 0, 0
    while made < n:
        facts = story_facts(s, rng)
        outlets = rng.sample(OUTLETS, rng.randint(3, 6))
        day = YEAR_START + story_day(s, n)
        for k, o in enumerate(outlets):
            if made >= n:
                break
            title, body = sentences(facts, rng)
            text = title + "\n\n" + " ".join(body)
            slug = o.lower().replace(" ", "-")
            yield {"id": f"{slug}-{s}", "outlet": o, "title": title, "text": text,
                   "url": f"https://{slug}.example/{s}",
                   "published": date.fromordinal(day + k % 3).isoformat()}
            made += 1
        s += 1


def write_archive(path: Path, n: int, seed: int = 20261201) -> Path:
    with Path(path).open("w", encoding="utf-8") as f:
        for rec in articles(n, seed):
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return Path(path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=20261201)
    a = ap.parse_args(argv)
    write_archive(a.out, a.articles, a.seed)
    print(f"wrote {a.articles} articles to {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
