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
    print("# Words that are nearly always verbs (Penn VB/VBD/VBZ/VBP in at least 80 % of at")
    print("# least 2 occurrences, or a past tense seen once), derived from the part-of-speech")
    print("# column of CoNLL-2003 eng.train by scripts/build_verb_list.py. Only this word list")
    print("# is committed, not the data.")
    for w in sorted(verbs):
        print(w)


if __name__ == "__main__":
    main(sys.argv[1])
