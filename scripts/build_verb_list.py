#!/usr/bin/env python3
"""Derive models/lexicon/verbs_en.txt: lowercase English words that are nearly always finite
or base-form verbs (Penn tags VB, VBD, VBZ, VBP), read from the part-of-speech column of the
CoNLL-2003 English training set. Key phrases never run through such a word ("Kenya launches
drought", "talks reflect efforts"). Participles (VBN, VBG) are left out: "proposed plan" and
"peace building" are noun phrases.

Usage (from the repository root):
    python3 scripts/build_verb_list.py ../shared/data/conll2003/train.txt > models/lexicon/verbs_en.txt
"""
import collections
import sys

FINITE = {"VB", "VBD", "VBZ", "VBP"}
MIN_COUNT = 2
MIN_SHARE = 0.8


def bases_of(third):
    """The base form of a third-person -s form ("reflects" -> "reflect", "pushes" -> "push",
    "praises" -> "praise", "carries" -> "carry"), as a list of none or one."""
    if third.endswith("ies"):
        return [third[:-3] + "y"]
    if third.endswith("ss") or not third.endswith("s"):
        return []
    # "-es" after a sibilant or "o" is the ending ("pushes", "expresses"); after a single
    # "s" it is the base's own "e" ("praises", "raises").
    if third.endswith("es") and third[:-2].endswith(("ss", "x", "z", "ch", "sh", "o")):
        return [third[:-2]]
    return [third[:-1]]


def past_of(base):
    """The regular past tense of a base form."""
    if base.endswith("e"):
        return base + "d"
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ied"
    return base + "ed"


def main(path):
    tags = collections.defaultdict(collections.Counter)
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) != 4 or parts[0] == "-DOCSTART-":
                continue
            word, pos = parts[0], parts[1]
            if word.isalpha():
                tags[word.lower()][pos] += 1
    verbs = []
    for word, counts in tags.items():
        total = sum(counts.values())
        finite = sum(n for t, n in counts.items() if t in FINITE)
        # A past tense seen once is still a verb ("posed"); a base form seen once may be a
        # noun the tagger missed ("seal").
        seen_enough = total >= MIN_COUNT or counts["VBD"] == total
        if seen_enough and finite / total >= MIN_SHARE and len(word) > 2:
            verbs.append(word)
    # A base form the data never shows, whose -s and -ed forms are both verbs above, is a
    # verb too ("reflect" of "reflects" and "reflected": "talks reflect efforts"). A base
    # form the data does show was judged on its own tags ("drop", mostly a noun).
    found = set(verbs)
    for word in sorted(found):
        for stem in bases_of(word):
            if len(stem) > 2 and stem not in tags and stem not in found and past_of(stem) in found:
                verbs.append(stem)
                found.add(stem)
    print("# Words that are nearly always verbs (Penn VB/VBD/VBZ/VBP in at least 80 % of at")
    print("# least 2 occurrences, or a past tense seen once; and unseen base forms whose -s and")
    print("# -ed forms are both in the list), derived from the part-of-speech")
    print("# column of CoNLL-2003 eng.train by scripts/build_verb_list.py. Only this word list")
    print("# is committed, not the data.")
    for w in sorted(verbs):
        print(w)


if __name__ == "__main__":
    main(sys.argv[1])
