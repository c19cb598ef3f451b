#!/usr/bin/env python3
"""Write a synthetic Sekom plan of N activities as a CSV plan file, the same bytes on every run.

    benchmarks/generate_plan.py N [-o FILE]        # N = 1000, 100000, 1000000 in the benchmark

The plan looks like the 2021 verksamhetsplan scaled up: its three inriktningar, a few hundred distinct
Vad and Hur texts built from the document's own Swedish words (å, ä, ö; some with commas and double
quotes, so that RFC 4180 quoting is exercised), 1-4 actors from the known list joined by "; " (sometimes
written as the document's aliases Kansliet, Styrelsen, Expertgruppen), Kansli in about 60% of rows, the
plan's kinds of när and status texts, and prio 1 in about 30% of rows.

Everything is drawn from random.Random(2021), so the output depends only on N and on VERSION. Bump
VERSION whenever a change here changes the output: benchmarks/run.py regenerates its plans when it does.
"""

import argparse
import csv
import os
import random
import sys

VERSION = 1

HEADER = ["id", "inriktning", "vad", "hur", "vem", "när", "status", "prio"]

# The three directions of the 2021 plan, in its order; weighted roughly as its 44 activities are.
DIRECTIONS = [
    ("Förebild och föregångare", 12),
    ("Pådrivare och opinionsbildare", 14),
    ("Kunskapsförmedlare och en arena för erfarenhetsutbyte", 18),
]

# Words and phrases taken from the 2021 document (/work/shared/seed/000_538f2701398902cc.txt); they are
# written out here rather than read from it so that the output never depends on that file.
VERBS = [
    "Delta i", "Utveckla", "Utvärdera", "Samverka med", "Sprida kunskapen om", "Bevaka", "Stärka",
    "Genomföra", "Följa upp", "Presentera", "Anordna", "Undersöka", "Förmedla", "Påverka", "Uppdatera",
]
SUBJECTS = [
    "hållbarhetsprinciperna", "föreningens nätverk", "ekokommunnätverket", "nyckeltalen",
    "medlemsvård", "omvärldsbevakning", "årskonferensen", "höstkonferensen", "koldioxidbudget",
    "miljöbarometern", "webbrummet Ecomuna", "Agenda 2030", "lokala hållbarhetsfrågor",
    "samhällets produktion", "miljöcertifierade möten", "erfarenhetsutbyte", "kontaktpersoner",
    "tjänstepersoner", "styrelsemöten", "opinionsbildning", "kunskapsförmedling", "förebilder",
]
# Some Vad texts carry a comma or a quoted name, as the document's do ("Höstkonferens, 25-årsjubileum").
VAD_TAILS = [
    "", "", "", "", "", "", ", fas 2", ", Götaland", ' "Hållbara städer"', ' "ekokommunmetodik"',
    " ”Hållbar kommun”",
]
HUR_OPENINGS = [
    "Som medlem delta i nätverkets arbete och sprida information inom Sekom",
    "Ta initiativ till ett långsiktigt samarbete för att stärka synergieffekter",
    "Hålla kontakten och driva gemensamma projekt där det är lämpligt",
    "Utarbeta ett paket med presentation och information om Sekom med stöd och hjälp för det interna arbetet",
    "Anordna minst 6 webinarier om intressanta goda exempel",
    "Aktivt bevaka och påverka via exempelvis skrivelser i frågor som berör många medlemmar",
    "Öka aktiviteten på Facebook-gruppen Sekom Forum där kontaktpersoner utbyter erfarenheter",
    "Uppmuntra regionalt nätverkande i regioner där flera medlemmar finns",
    "Styrelsen väljer vad som ska besvaras med input från föreningens nätverk",
    "Föreläsa vid utbildningar och ta hand om besöksgrupper",
    "Informera och uppmuntra medlemmarna att gå lämpliga utbildningar",
    "Följa utvecklingen och förmedla resultatet inom samarbetsprojektet med BTH",
]
HUR_MIDDLES = [
    "I samband med att delområden blir färdiga redovisas de för medlemmarna",
    "Årsmötet 2020 beslutade att föreningens internationella arbete ska utvärderas",
    "I första hand via webinarier i föreningens webbcampus Ecomuna",
    "Mötena sker i första hand genom webmöten, men ett till två möten sker på en geografisk plats",
    "Resor företas med tåg eller andra kollektiva färdmedel",
    'Arbetet kallas "Hållbar kommun- och regionsutveckling" i projektet',
    "Gruppens samlade kunskaper och erfarenheter ska användas som resurs",
    "Goda exempel redovisas av miljöbarometern",
    "Svar utarbetas i samarbete med nätverket, vid behov bildas remissgrupper",
    "På grund av coronapandemin genomförs själva årsmötet digitalt",
]
HUR_CLOSINGS = [
    "Redovisas vid årsmöte 2021", "Ekologisk och lokalproducerad mat ska efterfrågas",
    "Kontaktuppgifterna ska hållas aktuella", "Styrelsen ska årligen se över arbetet",
    'Se "Vägledning för genomförande av Agenda 2030"', "Ansvaret delas av kansliet och expertgruppen",
]

ACTORS = [
    "Styrelse", "Ordförande", "Expertgrupp", "Internationella arbetsgruppen", "Medlemmar", "Alla medlemmar",
    "Intresserade medlemmar", "Kontaktjänstepersoner", "Samarbetspartners", "Miljöbarometern",
    "Värdkommunen",
]
# How the document sometimes writes an actor; sekom folds these into the canonical name.
ALIASES = {"Kansli": "Kansliet", "Styrelse": "Styrelsen", "Expertgrupp": "Expertgruppen"}

# The kinds of när text of the 2021 plan (and a few later plans write), with weights.
WHENS = [
    ("Löpande", 20), ("Hela året", 6), ("2021", 8), ("Hösten 2021", 10), ("Våren 2021", 8),
    ("11 maj 2021", 2), ("28 maj 2021", 2), ("19-20 oktober", 2), ("Vid behov", 5), ("Vilande", 3),
    ("", 5), ("Klart 2021", 3), ("Klart våren 2021", 2), ("Till årsmötet", 2), ("Vår/Höst", 3),
    ("Vår och höst 2021", 2), ("Start 2018, beräknas klar våren 2021", 1), ("Bevaka", 2),
    ("3 tillfällen planerade under våren", 1), ("Delvis genomfört", 1), ("Senast hösten 2021", 1),
    ("maj 2021", 2), ("vecka 37", 1), ("kvartal 2", 1), ("första halvåret", 1),
]
STATUSES = [
    ("Pågår", 30), ("Planeras", 10), ("Vilande", 6), ("Ej påbörjat", 3), ("Bevakar", 3),
    ("Efter behov", 4), ("På gång", 6), ("", 8), ("Klart", 3), ("Pågår, delvis klart", 2),
    ("Planering pågår", 2), ("2 genomförda", 1), ("Vilande pga Coronapandemi", 1), ("Diskuteras", 1),
    ("Planeras vår 2021", 1),
]

DISTINCT_TEXTS = 300


def weighted(pairs):
    """A list in which each value appears as often as its weight, for rng.choice."""
    return [value for value, weight in pairs for _ in range(weight)]


def vad_texts(rng):
    """About 300 distinct Vad texts: a subject, sometimes a verb, a comma or a quote, and a number."""
    texts = []
    for n in range(1, DISTINCT_TEXTS + 1):
        # Like the document's, most Vad texts are a name alone ("Nyckeltalen"), some an action.
        subject = rng.choice(SUBJECTS)
        head = f"{rng.choice(VERBS)} {subject}" if rng.random() < 0.4 else subject[0].upper() + subject[1:]
        texts.append(f"{head}{rng.choice(VAD_TAILS)} {n}")
    return texts


def hur_texts(rng):
    """About 300 distinct Hur texts of one to three sentences and a number, ~150 bytes as in the document."""
    texts = []
    for n in range(1, DISTINCT_TEXTS + 1):
        sentences = [rng.choice(HUR_OPENINGS)]
        if rng.random() < 0.7:
            sentences.append(rng.choice(HUR_MIDDLES))
        if rng.random() < 0.4:
            sentences.append(rng.choice(HUR_CLOSINGS))
        texts.append(". ".join(sentences) + f". Steg {n}.")
    return texts


def actors(rng):
    """1-4 actors; Kansli (or Kansliet) in about 60% of rows, in any place of the list."""
    count = rng.choices([1, 2, 3, 4], weights=[45, 30, 17, 8])[0]
    chosen = rng.sample(ACTORS, count)
    if rng.random() < 0.6:
        chosen[rng.randrange(count)] = "Kansli"
    return "; ".join(ALIASES[a] if a in ALIASES and rng.random() < 0.3 else a for a in chosen)


def write_plan(n, out):
    rng = random.Random(2021)
    vads, hurs = vad_texts(rng), hur_texts(rng)
    directions, whens, statuses = weighted(DIRECTIONS), weighted(WHENS), weighted(STATUSES)
    # RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled. LF line ends,
    # which every reader compared here accepts.
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(HEADER)
    for i in range(1, n + 1):
        r = rng.random()
        prio = 1 if r < 0.3 else 2 if r < 0.75 else 3
        writer.writerow([
            i, rng.choice(directions), rng.choice(vads), rng.choice(hurs), actors(rng),
            rng.choice(whens), rng.choice(statuses), prio,
        ])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int, help="the number of activities")
    parser.add_argument("-o", "--output", help="the file to write (default: standard output)")
    parser.add_argument("--version", action="version", version=str(VERSION))
    args = parser.parse_args()
    if args.n < 1:
        parser.error("N must be at least 1")
    if not args.output:
        write_plan(args.n, sys.stdout)
        return
    # Written beside the target and renamed, so an interrupted run never leaves a half plan behind.
    partial = args.output + ".partial"
    with open(partial, "w", encoding="utf-8", newline="") as out:
        write_plan(args.n, out)
    os.replace(partial, args.output)


if __name__ == "__main__":
    main()
