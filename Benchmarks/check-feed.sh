#!/usr/bin/env bash
# Narrates the sample article, writes a feed for it, and checks the feed with feedparser.
set -euo pipefail
cd "$(dirname "$0")/.."
edition=${EDITION:-.build/debug/edition}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export EDITION_VOICES=$PWD/Voices EDITION_CACHE=$work/cache
"$edition" narrate Examples/anti-kremlin-militia.txt --output "$work/out" --quiet
"$edition" feed init --config "$work/podcast.yaml" >/dev/null
"$edition" feed --config "$work/podcast.yaml" --output "$work/out" >/dev/null
python3 Benchmarks/check-feed.py "$work/out/feed.xml" "$work/out"
