#!/usr/bin/env python3
"""Derive the compact tone lexicon in models/lexicon/ from VADER (MIT, C.J. Hutto).

Usage:
    pip download --no-deps -d /tmp/vader vaderSentiment==3.3.2
    cd /tmp/vader && unzip -o vaderSentiment-3.3.2-py2.py3-none-any.whl
    python3 scripts/gen_vader_lexicon.py /tmp/vader models/lexicon

Writes:
    vader_valence.tsv    word<TAB>mean valence (-4..4); word-like entries only (the
                         emoticons of the original are dropped: news has none)
    vader_boosters.tsv   word<TAB>+1|-1   (intensifiers / dampeners, VADER's BOOSTER_DICT)
    vader_negations.txt  one negation word a line (VADER's NEGATE)
"""
import os
import re
import sys


def main(src: str, out: str) -> None:
    sys.path.insert(0, src)
    from vaderSentiment import vaderSentiment as v  # noqa: E402  (the unpacked wheel)

    lexicon = os.path.join(src, "vaderSentiment", "vader_lexicon.txt")
    rows = []
    with open(lexicon, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2:
                continue
            word, valence = parts[0], float(parts[1])
            if not re.fullmatch(r"[a-z][a-z'\-]*", word):
                continue
            rows.append((word, valence))
    rows.sort()
    with open(os.path.join(out, "vader_valence.tsv"), "w", encoding="utf-8") as f:
        for word, valence in rows:
            f.write(f"{word}\t{valence:g}\n")

    with open(os.path.join(out, "vader_boosters.tsv"), "w", encoding="utf-8") as f:
        for word, scalar in sorted(v.BOOSTER_DICT.items()):
            if " " in word:
                continue
            f.write(f"{word}\t{'+1' if scalar > 0 else '-1'}\n")

    with open(os.path.join(out, "vader_negations.txt"), "w", encoding="utf-8") as f:
        for word in sorted(set(v.NEGATE)):
            f.write(word + "\n")
    print(f"{len(rows)} valence entries, {len(v.BOOSTER_DICT)} boosters, {len(v.NEGATE)} negations")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
