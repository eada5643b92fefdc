#!/usr/bin/env python3
"""Scores article-body and headline extraction against scrapinghub's article-extraction-benchmark.

    reader_extraction.py DATASET EDITION [--trafilatura] [--headlines FILE] [--out DIR]

DATASET is a checkout of the benchmark (html/*.html.gz and ground-truth.json), kept outside this
repository. For each page: our reader (`EDITION script --json PAGE`, body = section headings and
blocks, as spoken; headline = its `headline`) and, with --trafilatura, trafilatura's default
extraction of the same HTML (headline = `extract_metadata(html).title`).
Prints, per extractor, the mean word-level F1 of the body, the share of pages with F1 >= 0.9,
the share of right headlines and the page count; --out keeps each page's extracted text,
headline and scores for reading the misses.

The benchmark's ground truth has no headline: --headlines (default Benchmarks/data/
article-extraction-headlines.json, made as its "_about" says) gives the story's headline per
page. A headline is right when, after folding (NFKC, lower case, curly quotes and dashes to
plain ones, then every run of punctuation and whitespace to one space), it equals the
reference or its word-level F1 to the reference is >= 0.9: one word added to or dropped from a
headline of six words or more passes (a "the", or a label such as "Opinion |"), two added words
pass only on one of nine words or more, a shorter headline must match, a different title fails.
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
import unicodedata

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


def folded(text):
    """A headline with case, quotes, dashes, punctuation and spacing folded away."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = re.sub(r"[\u2018\u2019\u201a\u201b\u2032`]", "'", text)
    text = re.sub(r"[\u201c\u201d\u201e\u201f\u2033]", '"', text)
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    return " ".join(re.sub(r"[^\w\s]|_", " ", text).split())


def headline_right(reference, headline):
    """Whether a headline is the reference one: equal once folded, or word-level F1 >= 0.9."""
    a, b = folded(reference), folded(headline)
    return bool(a) and (a == b or f1(a, b) >= 0.9)


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
    metadata = trafilatura.extract_metadata(html)
    return trafilatura.extract(html) or "", {"headline": metadata.title if metadata else None}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dataset")
    parser.add_argument("edition")
    parser.add_argument("--trafilatura", action="store_true")
    parser.add_argument("--headlines", default=os.path.join(os.path.dirname(__file__), "..", "data",
                                                            "article-extraction-headlines.json"))
    parser.add_argument("--out")
    args = parser.parse_args()
    with open(os.path.join(args.dataset, "ground-truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    with open(args.headlines, encoding="utf-8") as f:
        headlines = {key: value for key, value in json.load(f).items() if not key.startswith("_")}
    if set(headlines) != set(truth):
        sys.exit(f"{args.headlines} does not cover the dataset's pages ({len(set(truth) - set(headlines))} missing)")
    extractors = {"edition": lambda html, work: ours(args.edition, html, work)}
    if args.trafilatura:
        extractors["trafilatura"] = lambda html, work: trafilatura_body(html)
    scores = {name: {} for name in extractors}
    right = {name: {} for name in extractors}
    details = {name: {} for name in extractors}
    with tempfile.TemporaryDirectory() as work:
        for key in sorted(truth):
            with gzip.open(os.path.join(args.dataset, "html", key + ".html.gz"), "rb") as f:
                raw = f.read()
            html = raw.decode("utf-8", errors="replace")
            for name, extract in extractors.items():
                body, info = extract(html, work)
                scores[name][key] = f1(truth[key].get("articleBody", ""), body)
                right[name][key] = headline_right(headlines[key], info.get("headline"))
                details[name][key] = dict(info, f1=round(scores[name][key], 3), headline_right=right[name][key],
                                          reference_headline=headlines[key], body=body)
    print(f"{'extractor':<12} {'pages':>5} {'mean F1':>8} {'F1>=0.9':>8} {'headline':>8}")
    for name, by_page in scores.items():
        values = list(by_page.values())
        mean = sum(values) / len(values)
        share = sum(v >= 0.9 for v in values) / len(values)
        headline_share = sum(right[name].values()) / len(values)
        print(f"{name:<12} {len(values):>5} {mean:>8.3f} {share:>8.3f} {headline_share:>8.3f}")
    if args.out:
        os.makedirs(args.out, exist_ok=True)
        for name in details:
            with open(os.path.join(args.out, name + ".json"), "w", encoding="utf-8") as f:
                json.dump(details[name], f, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    sys.exit(main())
