#!/usr/bin/env python3
"""Scores article-body extraction against scrapinghub's article-extraction-benchmark.

    reader_extraction.py DATASET EDITION [--trafilatura] [--out DIR]

DATASET is a checkout of the benchmark (html/*.html.gz and ground-truth.json), kept outside this
repository. For each page: our reader (`EDITION script --json PAGE`, body = section headings and
blocks, as spoken) and, with --trafilatura, trafilatura's default extraction of the same HTML.
Prints, per extractor, the mean word-level F1 of the body, the share of pages with F1 >= 0.9,
and the page count; --out keeps each page's extracted text and scores for reading the misses.
"""
import argparse
import collections
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile

TOKEN = re.compile(r"\w+", re.UNICODE)


def words(text):
    return [w.lower() for w in TOKEN.findall(text or "")]


def f1(truth, prediction):
    """Word-level F1 of two texts as bags of words (each word counted as often as it occurs)."""
    t, p = collections.Counter(words(truth)), collections.Counter(words(prediction))
    if not t and not p:
        return 1.0
    common = sum((t & p).values())
    if common == 0:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(t.values())
    return 2 * precision * recall / (precision + recall)


def ours(edition, html, workdir):
    """The body our reader would speak, or "" with the reason when it refuses the page."""
    path = os.path.join(workdir, "page.html")
    with open(path, "w", encoding="utf-8") as f:
        f.write(html)
    run = subprocess.run([edition, "script", "--json", path], capture_output=True, text=True, timeout=120)
    if run.returncode != 0:
        return "", {"error": run.stderr.strip()[-300:]}
    article = json.loads(run.stdout)
    parts = []
    for section in article.get("sections", []):
        if section.get("heading"):
            parts.append(section["heading"])
        parts.extend(block["text"] for block in section.get("blocks", []))
    return "\n".join(parts), {"headline": article.get("headline"), "warnings": article.get("warnings", [])}


def trafilatura_body(html):
    import trafilatura
    return trafilatura.extract(html) or "", {}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dataset")
    parser.add_argument("edition")
    parser.add_argument("--trafilatura", action="store_true")
    parser.add_argument("--out")
    args = parser.parse_args()
    with open(os.path.join(args.dataset, "ground-truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    extractors = {"edition": lambda html, work: ours(args.edition, html, work)}
    if args.trafilatura:
        extractors["trafilatura"] = lambda html, work: trafilatura_body(html)
    scores = {name: {} for name in extractors}
    details = {name: {} for name in extractors}
    with tempfile.TemporaryDirectory() as work:
        for key in sorted(truth):
            with gzip.open(os.path.join(args.dataset, "html", key + ".html.gz"), "rb") as f:
                raw = f.read()
            html = raw.decode("utf-8", errors="replace")
            for name, extract in extractors.items():
                body, info = extract(html, work)
                scores[name][key] = f1(truth[key].get("articleBody", ""), body)
                details[name][key] = dict(info, f1=round(scores[name][key], 3), body=body)
    print(f"{'extractor':<12} {'pages':>5} {'mean F1':>8} {'F1>=0.9':>8}")
    for name, by_page in scores.items():
        values = list(by_page.values())
        mean = sum(values) / len(values)
        share = sum(v >= 0.9 for v in values) / len(values)
        print(f"{name:<12} {len(values):>5} {mean:>8.3f} {share:>8.3f}")
    if args.out:
        os.makedirs(args.out, exist_ok=True)
        for name in details:
            with open(os.path.join(args.out, name + ".json"), "w", encoding="utf-8") as f:
                json.dump(details[name], f, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    sys.exit(main())
