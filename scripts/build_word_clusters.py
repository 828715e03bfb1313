#!/usr/bin/env python3
"""Build models/ner/clusters.tsv, the Brown word clusters the NER features use.

Source: the `en_lexeme_cluster` table of the PyPI package spacy-lookups-data 1.0.5 (MIT
licence, Explosion AI): 1,000,001 English word forms, 190,129 of them with a Brown cluster
(Brown et al., 1992), as spaCy's English vocabulary shipped them. Each cluster is an integer
whose bits, read from the least significant, are the path from the root of the cluster tree:
"France" and "Germany" share their low bits, as do "John" and "David".

Writes one `word<TAB>cluster` line per word with a cluster (cluster 0 means none and is
dropped), sorted by word, so the file and the model trained with it are reproducible.

Usage (from the repository root; the wheel is fetched from PyPI, not committed):
    pip download --no-deps spacy-lookups-data==1.0.5 -d /tmp/sld
    python3 scripts/build_word_clusters.py /tmp/sld/spacy_lookups_data-1.0.5-py2.py3-none-any.whl
"""
import gzip
import json
import sys
import zipfile

MEMBER = "spacy_lookups_data/data/en_lexeme_cluster.json.gz"


def main(wheel, out="models/ner/clusters.tsv"):
    table = json.loads(gzip.decompress(zipfile.ZipFile(wheel).read(MEMBER)))
    rows = sorted((w, c) for w, c in table.items() if c and "\t" not in w and "\n" not in w)
    with open(out, "w", encoding="utf-8") as f:
        for w, c in rows:
            f.write(f"{w}\t{c}\n")
    print(f"{len(rows)} words with a cluster -> {out}")


if __name__ == "__main__":
    main(*sys.argv[1:])
