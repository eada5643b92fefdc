#!/usr/bin/env python3
"""Scores article-body and headline extraction against scrapinghub's article-extraction-benchmark.

    reader_extraction.py DATASET EDITION [--trafilatura] [--headlines FILE] [--out DIR] [--big-pages]

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

--big-pages then times `EDITION script --json` (GNU time: wall and CPU seconds, peak RSS; best
of three runs, the machine may be shared) on pages grown from one of the dataset's real pages
(The Guardian's, 0.7 MB of markup): to 2 MB and 20 MB by repeating its story's paragraphs inside
the story ("story"), and by a discussion of comments with related-story boxes every fifty
("comments"). Each page's headline and how much of it was read as story are printed too.
"""
import argparse
import collections
import gzip
import html as htmllib
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


BIG_PAGE_BASE = "5fa3154ec031ab35411a457d78eb5aa92c0e803c5329bd05c001e6d64009e206"


def grown_pages(dataset, truth, work):
    """Writes story-{2,20}mb.html and comments-{2,20}mb.html from a real page; returns their paths."""
    import random
    key = BIG_PAGE_BASE if BIG_PAGE_BASE in truth else sorted(truth)[0]
    with gzip.open(os.path.join(dataset, "html", key + ".html.gz"), "rb") as f:
        page = f.read().decode("utf-8", errors="replace")
    paragraphs = [p.strip() for p in truth[key]["articleBody"].split("\n") if len(p.strip()) > 80]
    tail = paragraphs[-1][-40:]
    at = page.find(tail) if tail in page else page.find(htmllib.escape(tail, quote=False))
    story_end = page.find("</p>", at) + len("</p>")  # after the story's last paragraph
    sentences = [s for k in sorted(truth) for s in re.split(r"(?<=[.!?])\s+", truth[k]["articleBody"]) if 40 < len(s) < 300]
    rng = random.Random(20)

    def story(size):
        added, total = [], len(page)
        while total < size:
            block = "<p>" + htmllib.escape(paragraphs[len(added) % len(paragraphs)], quote=False) + "</p>\n"
            added.append(block)
            total += len(block)
        return page[:story_end] + "".join(added) + page[story_end:]

    def comments(size):
        added, total, n = [], len(page), 0
        while total < size:
            n += 1
            text = htmllib.escape(" ".join(rng.choice(sentences) for _ in range(rng.randint(1, 4))), quote=False)
            block = (f'<div class="comment" id="comment-{n}"><div class="comment__meta"><a class="comment__author" '
                     f'href="/profile/user{n}">reader{n % 997}</a> <time datetime="2019-11-18T{n % 24:02d}:{n % 60:02d}:00Z">'
                     f'18 Nov 2019 {n % 24:02d}.{n % 60:02d}</time></div><div class="comment__body"><p>{text}</p></div>'
                     f'<div class="comment__actions"><button>Reply</button><a href="#comment-{n}">Link</a><button>Report</button>'
                     f'</div></div>\n')
            if n % 50 == 0:
                items = "".join(f'<li><a href="/world/2019/nov/{n}/story-{j}"><img src="https://i.example.com/{n}/{j}.jpg" alt="">'
                                f'<span>{htmllib.escape(rng.choice(sentences)[:90], quote=False)}</span></a></li>' for j in range(8))
                block += f'<aside class="related-content"><h2>More on this story</h2><ul>{items}</ul></aside>\n'
            added.append(block)
            total += len(block)
        end = page.rfind("</body>")
        return page[:end] + '<section id="comments" class="discussion"><h2>Comments</h2>' + "".join(added) + "</section>" + page[end:]

    paths = []
    for name, grow in (("story", story), ("comments", comments)):
        for megabytes in (2, 20):
            path = os.path.join(work, f"{name}-{megabytes}mb.html")
            with open(path, "w", encoding="utf-8") as f:
                f.write(grow(megabytes * 1_000_000))
            paths.append(path)
    return paths


def time_big_pages(dataset, truth, edition):
    """Prints wall and CPU seconds and peak memory of reading each grown page, best of three."""
    print(f"\n{'page':<16} {'MB':>5} {'wall s':>7} {'cpu s':>6} {'peak MB':>8} {'story kB':>9}  headline")
    with tempfile.TemporaryDirectory() as work:
        for path in grown_pages(dataset, truth, work):
            runs = []
            for _ in range(3):
                run = subprocess.run(["/usr/bin/time", "-v", edition, "script", "--json", path],
                                     capture_output=True, text=True, timeout=600)
                fields = dict(line.strip().rsplit(": ", 1) for line in run.stderr.splitlines() if ": " in line)
                wall = fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":")
                runs.append((sum(float(part) * 60 ** i for i, part in enumerate(reversed(wall))),
                             float(fields["User time (seconds)"]) + float(fields["System time (seconds)"]),
                             int(fields["Maximum resident set size (kbytes)"]) / 1000, run.stdout))
            wall, cpu, peak, out = min(runs)
            article = json.loads(out)
            story = sum(len(b["text"].encode()) for s in article["sections"] for b in s["blocks"]) / 1e3
            print(f"{os.path.basename(path)[:-5]:<16} {os.path.getsize(path) / 1e6:>5.1f} {wall:>7.2f} {cpu:>6.2f} "
                  f"{peak:>8.0f} {story:>9.0f}  {article['headline'][:60]}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dataset")
    parser.add_argument("edition")
    parser.add_argument("--trafilatura", action="store_true")
    parser.add_argument("--headlines", default=os.path.join(os.path.dirname(__file__), "..", "data",
                                                            "article-extraction-headlines.json"))
    parser.add_argument("--out")
    parser.add_argument("--big-pages", action="store_true")
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
    if args.big_pages:
        time_big_pages(args.dataset, truth, args.edition)


if __name__ == "__main__":
    sys.exit(main())
