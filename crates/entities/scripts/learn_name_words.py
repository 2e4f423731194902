#!/usr/bin/env python3
"""Learns which capitalised words mark organisation, person, place and event names from GUM.

Reads the entity mentions of GUM's `dep/*.conllu` (only the genres whose text licence is CC BY or
CC BY-SA, per `docs.tsv`), keeps the *named* ones (every word capitalised or a connector such as
"of", at least one PROPN), and counts, for each capitalised word, in how many documents it occurs in a named
person, organization, place or event mention. Writes `data/name_words.tsv`:
word, person, organization, place and event counts, and how often the word ends a name of two or more
words of an organisation ("University", "Press"); only words seen in at least two documents.

From UD English EWT's training file it also writes `data/descriptive_words.txt`: lowercase words
of six letters or more with a derivational ending ("national", "islamic", "development") that
EWT writes in lowercase at least three times, as an adjective or noun at least 90% of the time.
Capitalised, they make a name a description of an organisation rather than a person's name.

No text leaves the corpora except those single words and their counts.

Usage (from anywhere): python3 crates/entities/scripts/learn_name_words.py [--gum DIR] [--ewt DIR]
Defaults: the shared datasets beside the workspace (/work/shared/datasets/{gum,ud-english-ewt}).
"""

import argparse
import csv
import os
import re
from collections import Counter, defaultdict

GENRES = {"news", "academic", "court", "interview", "bio", "voyage"}
TYPES = ["person", "organization", "place", "event"]
CONNECTORS = {"of", "and", "for", "the", "&", "'s", "'", "-", "on", "de", "del", "da", "von",
              "van", "der", "al", "bin", "la", "le", "du", ".", "in"}
ARTICLES = {"the", "The", "a", "A", "an", "An"}
OPEN_OR_CLOSE = re.compile(r"\((\d+)-([a-z]+)[^()]*(\)?)|(\d+)\)")
MIN_MENTIONS = 2
SUFFIXES = ("al", "ic", "ary", "ive", "ist", "ists", "ous", "ent", "ant", "ism", "ity", "tion",
            "sion", "ment", "hood", "ship", "ance", "ence", "ery", "ian")


def licensed_docs(gum):
    with open(os.path.join(gum, "docs.tsv"), encoding="utf-8") as f:
        rows = csv.DictReader(f, delimiter="\t")
        return sorted(r["doc_id"] for r in rows
                      if r["corpus"] == "GUM" and r["genre"] in GENRES)


def mentions(path):
    """Yields (type, [(form, upos)]) for every entity mention of one document."""
    words = []
    open_ = defaultdict(list)  # id -> stack of (type, start)
    found = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 10 or not cols[0].isdigit():
                continue
            index = len(words)
            words.append((cols[1], cols[3]))
            entity = next((m[len("Entity="):] for m in cols[9].split("|")
                           if m.startswith("Entity=")), "")
            for m in OPEN_OR_CLOSE.finditer(entity):
                if m.group(1):
                    if m.group(3):
                        found.append((m.group(2), index, index + 1))
                    else:
                        open_[m.group(1)].append((m.group(2), index))
                elif open_.get(m.group(4)):
                    etype, start = open_[m.group(4)].pop()
                    found.append((etype, start, index + 1))
    for etype, start, end in found:
        yield etype, words[start:end]


def named(tokens):
    """The capitalised words of a named mention, or None when the mention is not a name."""
    while tokens and tokens[0][0] in ARTICLES:
        tokens = tokens[1:]
    if not tokens or len(tokens) > 8:
        return None
    forms = [form for form, _ in tokens]
    if not forms[0][:1].isupper() or not forms[-1][:1].isupper():
        return None
    if not any(upos == "PROPN" for _, upos in tokens):
        return None
    caps = []
    for form in forms:
        if form[:1].isupper():
            caps.append(form)
        elif form not in CONNECTORS:
            return None
    return caps


def descriptive_words(ewt):
    """Lowercase adjectives and abstract nouns of EWT with a derivational ending."""
    tags = defaultdict(Counter)
    with open(os.path.join(ewt, "en_ewt-ud-train.conllu"), encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 10 or not cols[0].isdigit() or not cols[1].islower():
                continue
            tags[cols[1]][cols[3]] += 1
    out = []
    for word, c in tags.items():
        total = sum(c.values())
        if (len(word) >= 6 and word.isalpha() and word.endswith(SUFFIXES) and total >= 3
                and (c["ADJ"] + c["NOUN"]) * 10 >= total * 9):
            out.append(word)
    return sorted(out)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument("--gum", default=os.path.join(here, "../../../../shared/datasets/gum"))
    parser.add_argument("--ewt",
                        default=os.path.join(here, "../../../../shared/datasets/ud-english-ewt"))
    parser.add_argument("--data", default=os.path.join(here, "../data"))
    args = parser.parse_args()
    counts = defaultdict(Counter)
    for doc in licensed_docs(args.gum):
        # Documents, not mentions, are counted: a name repeated through one article is one
        # observation.
        seen = set()
        for etype, tokens in mentions(os.path.join(args.gum, "dep", doc + ".conllu")):
            if etype not in TYPES:
                continue
            caps = named(tokens)
            if caps is None:
                continue
            # All-capital words are acronyms of one name each: they say nothing about others.
            for word in caps:
                if len(word) > 1 and not word.isupper() and (word, etype) not in seen:
                    seen.add((word, etype))
                    counts[word][etype] += 1
            last = caps[-1]
            if etype == "organization" and len(caps) > 1 and (last, "head") not in seen:
                seen.add((last, "head"))
                counts[last]["head"] += 1
    with open(os.path.join(args.data, "name_words.tsv"), "w", encoding="utf-8",
              newline="\n") as out:
        out.write("# word\tperson\torganization\tplace\tevent\torganization head  (learned from GUM by "
                  "scripts/learn_name_words.py; see NOTICE.md)\n")
        for word in sorted(counts):
            c = counts[word]
            if sum(c[t] for t in TYPES) < MIN_MENTIONS:
                continue
            out.write(word + "\t" + "\t".join(str(c[t]) for t in TYPES + ["head"]) + "\n")
    with open(os.path.join(args.data, "descriptive_words.txt"), "w", encoding="utf-8",
              newline="\n") as out:
        out.write("# learned from UD English EWT by scripts/learn_name_words.py; see NOTICE.md\n")
        for word in descriptive_words(args.ewt):
            out.write(word + "\n")


if __name__ == "__main__":
    main()

