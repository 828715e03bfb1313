#!/usr/bin/env python3
"""What the stages after the tagger (trimming, clustering, propagation, caps) do to entity
mentions, measured on a CoNLL-2003 style file (dev only: never run this on test).

Runs the service's CLI (`extract -`) and the raw tagger (`examples/ner_raw.rs`) on the same
articles `score_ner.py` sends, scores both against gold exactly as `score_ner.py` does, and
sorts every mention the two disagree on into a category, with the F1 points it costs or
gains and a few examples:

    cargo build --release && cargo build --release --example ner_raw
    python3 scripts/ner_pipeline_diff.py ../shared/data/conll2003/dev.txt [--examples 8]

Python 3 standard library only; reuses the scorer's reader from ../shared/tools.
"""
import argparse
import json
import os
import subprocess
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "shared", "tools"))
import score_ner  # noqa: E402


def run(cmd, payload):
    proc = subprocess.run(cmd, input=payload.encode("utf-8"), stdout=subprocess.PIPE)
    if proc.returncode != 0:
        sys.exit(f"{cmd[0]} exited {proc.returncode}")
    return {r["id"]: r for r in map(json.loads, proc.stdout.decode("utf-8").splitlines())}


def prf(tp, fp, fn):
    return score_ner.prf(tp, fp, fn)


def score(preds, golds):
    tp = fp = fn = 0
    for aid, gold in golds.items():
        pred = preds.get(aid, set())
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
    return tp, fp, fn


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def categorise(m, other):
    """How a mention in one output relates to the other output's mentions."""
    s, e, _ = m
    if any(o[0] == s and o[1] == e for o in other):
        return "type changed"
    ov = [o for o in other if overlaps(o, m)]
    if not ov:
        return "new span"
    o = ov[0]
    if o[0] <= s and e <= o[1]:
        return "span shrunk"
    if s <= o[0] and o[1] <= e:
        return "span grown"
    return "span shifted"


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data")
    ap.add_argument("--cli", default="target/release/news-enricher extract -")
    ap.add_argument("--raw", default="target/release/examples/ner_raw")
    ap.add_argument("--raw-records", help="the tagger's records, made earlier by --raw")
    ap.add_argument("--examples", type=int, default=6)
    args = ap.parse_args()

    docs = score_ner.read_docs(args.data)
    articles, golds, bodies = [], {}, {}
    for i, doc in enumerate(docs):
        body, spans = score_ner.layout(doc)
        aid = f"conll-{i:04d}"
        articles.append({"id": aid, "body": body, "language": "en"})
        golds[aid] = score_ner.gold_entities(doc, spans)
        bodies[aid] = body
    payload = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles)
    pipe_rec = run(args.cli.split(), payload)
    if args.raw_records:
        with open(args.raw_records, encoding="utf-8") as f:
            raw_rec = {r["id"]: r for r in map(json.loads, f.read().splitlines())}
    else:
        raw_rec = run(args.raw.split(), payload)
    pipe = {a: score_ner.predicted_entities(r) for a, r in pipe_rec.items()}
    raw = {a: score_ner.predicted_entities(r) for a, r in raw_rec.items()}
    truncated = [a for a, r in pipe_rec.items() if r.get("truncated")]

    for name, preds in (("tagger", raw), ("pipeline", pipe)):
        tp, fp, fn = score(preds, golds)
        p, r, f = prf(tp, fp, fn)
        print(f"{name:9s} P {100*p:.2f} R {100*r:.2f} F1 {100*f:.2f}  (tp {tp} fp {fp} fn {fn})")
    if truncated:
        print(f"records with caps applied: {len(truncated)} ({', '.join(truncated[:5])})")

    # Every mention only one side has, with whether it is right.
    # (category, side, correct) -> count; side: "added" by pipeline or "removed" from tagger.
    cats = Counter()
    ex = defaultdict(list)
    for aid in golds:
        gold, r, p = golds[aid], raw.get(aid, set()), pipe.get(aid, set())
        body = bodies[aid]
        for m in sorted(p - r):
            c = categorise(m, r)
            key = (c, "added", m in gold)
            cats[key] += 1
            if len(ex[key]) < args.examples:
                old = [o for o in r if overlaps(o, m)]
                ex[key].append(f"{aid} {body[m[0]:m[1]]!r}/{m[2]}"
                               + (f" was {body[old[0][0]:old[0][1]]!r}/{old[0][2]}" if old else "")
                               + f"  ctx: {context(body, m)!r}")
        for m in sorted(r - p):
            c = categorise(m, p)
            key = (c, "removed", m in gold)
            cats[key] += 1
            if len(ex[key]) < args.examples and c == "new span":
                ex[key].append(f"{aid} {body[m[0]:m[1]]!r}/{m[2]}  ctx: {context(body, m)!r}")

    print("\nMentions only the pipeline has (added) or only the tagger has (removed), right or wrong:")
    print(f"{'change':14s} {'side':8s} {'right':>6s} {'wrong':>6s}")
    for c in ("type changed", "span shrunk", "span grown", "span shifted", "new span"):
        for side in ("added", "removed"):
            right, wrong = cats[(c, side, True)], cats[(c, side, False)]
            if right or wrong:
                print(f"{c:14s} {side:8s} {right:6d} {wrong:6d}")
    # Type-change matrix for mentions the pipeline retyped.
    retype = Counter()
    for aid in golds:
        r, p, gold = raw.get(aid, set()), pipe.get(aid, set()), golds[aid]
        rmap = {(s, e): t for s, e, t in r}
        for s, e, t in p - r:
            if (s, e) in rmap:
                g = [gt for gs, ge, gt in gold if (gs, ge) == (s, e)]
                retype[(rmap[(s, e)], t, g[0] if g else "-")] += 1
    if retype:
        print("\nRetyped (tagger -> pipeline, gold):")
        for (a, b, g), n in retype.most_common():
            print(f"  {a:4s} -> {b:4s} gold {g:4s} {n}")
    print("\nExamples:")
    for key, lines in sorted(ex.items()):
        c, side, right = key
        print(f"-- {c} {side} {'right' if right else 'wrong'} ({cats[key]})")
        for line in lines:
            print("   ", line)
    return 0


def context(body, m, width=40):
    s, e = m[0], m[1]
    return body[max(0, s - width):s] + "[" + body[s:e] + "]" + body[e:e + width]


if __name__ == "__main__":
    sys.exit(main())
