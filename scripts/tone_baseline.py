#!/usr/bin/env python3
"""Measure the tone baseline of ordinary news: how much more positive than negative
sentiment mass a typical article carries under our lexicon (language leans positive, the
"Pollyanna" effect, news included). A report, not a test: it tells whether an article's
tone is unusual for news, e.g. that the example article (positive/negative mass 2.75) is
more positive than most political reporting.

Usage (from the repository root):
    python3 scripts/tone_baseline.py CORPUS.jsonl [CORPUS.jsonl ...]

Each input line is a JSON object with the article text in "body" or "text" (and optionally
"title"). The articles are run through `cargo run --release -- extract -`; the script prints
the quartiles of log(positive share / negative share) over the articles and exp(median),
the typical positive/negative ratio.
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
    for line in out.splitlines():
        tone = json.loads(line)["tone"]
        p, n = tone["positive"], tone["negative"]
        if p > 0 and n > 0:
            logs.append(math.log(p / n))
    q1, med, q3 = statistics.quantiles(logs, n=4)
    print(f"articles with sentiment on both sides: {len(logs)} of {len(articles)}")
    print(f"log(pos/neg): q1 {q1:.3f}  median {med:.3f}  q3 {q3:.3f}")
    print(f"baseline ratio exp(median): {math.exp(med):.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
