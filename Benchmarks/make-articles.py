#!/usr/bin/env python3
"""Writes N news-style articles of about W words each into a folder, built from the sample
article's sentences plus a sentence with varied numbers per paragraph, so no two articles are
alike. Sentences do repeat across articles: benchmarks that time synthesis run with --no-cache."""
import os, random, sys

folder, count, words = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(folder, exist_ok=True)
here = os.path.dirname(os.path.abspath(__file__))
sample = open(os.path.join(here, "..", "Examples", "anti-kremlin-militia.txt"), encoding="utf-8").read()
sentences = [s.strip() + "." for p in sample.split("\n\n") if len(p.split()) > 20 for s in p.split(". ") if len(s.split()) > 6]
rng = random.Random(7)
for n in range(count):
    paragraphs, total = [], 0
    while total < words:
        para = " ".join(rng.choice(sentences) for _ in range(3)) + f" Officials counted {rng.randint(2, 9999)} cases on day {n}."
        paragraphs.append(para)
        total += len(para.split())
    with open(os.path.join(folder, f"article-{n:03d}.txt"), "w", encoding="utf-8") as f:
        f.write(f"Report {n}: fighting continues in the region\n\n" + "\n\n".join(paragraphs) + "\n")
