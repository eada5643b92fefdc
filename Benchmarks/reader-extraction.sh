#!/usr/bin/env bash
# How well the HTML reader finds the story on real pages: scrapinghub's article-extraction-benchmark
# (181 news and blog pages saved whole, with each article's body as a person marked it), scored as
# mean word-level F1 of the body, the share of pages with F1 ≥ 0.9 and the share of right headlines
# (against Benchmarks/data/article-extraction-headlines.json, our own reference, as the dataset has
# none; "right" is equal after folding case, quotes, dashes and punctuation, or word F1 ≥ 0.9: see
# Benchmarks/lib/reader_extraction.py), for `edition` (its `headline`) and for trafilatura on the same
# pages (`extract_metadata().title`; installed from PyPI if missing, with lxml_html_clean, which its
# justext dependency needs since lxml 5.2). Then it times `edition script --json` on pages grown from
# one of the dataset's pages to 2 MB and 20 MB (its story repeated; comments and related boxes added):
# wall and CPU seconds and peak memory, by GNU time (installed with apt if missing). The dataset is not
# ours to ship: keep a checkout outside this repository (e.g. /tmp/article-extraction-benchmark, with
# html/ and ground-truth.json).
# Usage: Benchmarks/reader-extraction.sh DATASET [--out DIR]   (DIR: each page's text and score)
#        EDITION=.build/debug/edition Benchmarks/reader-extraction.sh DATASET
set -euo pipefail
if [ $# -lt 1 ] || [ ! -f "$1/ground-truth.json" ] || [ ! -d "$1/html" ]; then
  echo "usage: $0 DATASET [--out DIR]  (DATASET holds ground-truth.json and html/)" >&2
  exit 64
fi
dataset=$(cd "$1" && pwd)
shift
cd "$(dirname "$0")/.."
if [ -z "${EDITION:-}" ]; then
  swift build -c release >/dev/null
  EDITION=$PWD/.build/release/edition
fi
export EDITION_VOICES=$PWD/Voices
python3 -c 'import trafilatura' 2>/dev/null || python3 -m pip install --quiet trafilatura lxml_html_clean
[ -x /usr/bin/time ] || apt-get install -y -qq time >/dev/null
exec python3 Benchmarks/lib/reader_extraction.py "$dataset" "$EDITION" --trafilatura --big-pages "$@"
