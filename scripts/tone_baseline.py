#!/usr/bin/env python3
"""Measure the tone baseline of ordinary news: how much more positive than negative
sentiment mass a typical article carries under our lexicon (language leans positive, the
"Pollyanna" effect, news included). A report, not a test: it tells whether an article's
tone is unusual for news. Over the 200 PolNeAR political articles (2026-11-27) the median
score is -0.216 and 137 of 200 are negative; the example article's -0.185 is typical.

Usage (from the repository root):
    python3 scripts/tone_baseline.py CORPUS.jsonl [CORPUS.jsonl ...]

Each input line is a JSON object with the article text in "body" or "text" (and optionally
"title"). The articles are run through `cargo run --release -- extract -`; the script prints
the quartiles of log(positive share / negative share) over the articles and exp(median),
the typical positive/negative ratio, and the quartiles of the tone score with how many
articles score below zero.
"""
import json
import math
import statistics
import subprocess
import sys


def main(paths):
    articles = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for i, line in enumerate(f):
                a = json.loads(line)
                body = a.get("body") or a.get("text")
                if body:
                    articles.append({"id": f"{path}:{i}", "body": body, "title": a.get("title")})
    inp = "\n".join(json.dumps(a) for a in articles) + "\n"
    out = subprocess.run(
        ["cargo", "run", "-q", "--release", "--bin", "news-enricher", "--", "extract", "-"],
        input=inp, capture_output=True, text=True, check=True,
    ).stdout
    logs = []
    scores = []
    for line in out.splitlines():
        tone = json.loads(line)["tone"]
        scores.append(tone["score"])
        p, n = tone["positive"], tone["negative"]
        if p > 0 and n > 0:
            logs.append(math.log(p / n))
    q1, med, q3 = statistics.quantiles(logs, n=4)
    print(f"articles with sentiment on both sides: {len(logs)} of {len(articles)}")
    print(f"log(pos/neg): q1 {q1:.3f}  median {med:.3f}  q3 {q3:.3f}")
    print(f"baseline ratio exp(median): {math.exp(med):.3f}")
    s1, s2, s3 = statistics.quantiles(scores, n=4)
    negative = sum(s < 0 for s in scores)
    print(f"score: q1 {s1:.3f}  median {s2:.3f}  q3 {s3:.3f}; negative {negative} of {len(scores)}")


if __name__ == "__main__":
    main(sys.argv[1:])
