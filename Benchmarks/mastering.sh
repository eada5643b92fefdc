#!/usr/bin/env bash
# Mastering and encoding cost per hour of audio, for each format (issue 6). Narrates one long
# article once per format with a warm chunk cache, so the time measured is everything but
# synthesis: reading, loudness, limiter, resampling, encoding, tagging and sidecars. Each format at
# its default rate: WAV and FLAC 44.1 kHz, MP3 and Vorbis 22.05 kHz, Opus 48 kHz.
# Usage: Benchmarks/mastering.sh [words=15000]
set -euo pipefail
cd "$(dirname "$0")/.."
words=${1:-15000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release >/dev/null
edition=$PWD/.build/release/edition
export EDITION_VOICES=$PWD/Voices EDITION_CACHE=$work/cache
python3 Benchmarks/make-articles.py "$work/in" 1 "$words"
article=$(ls "$work"/in/*.txt)
now() { date +%s.%N; }

start=$(now); "$edition" narrate "$article" -o "$work/cold" --format wav --sample-rate 22050 --no-cache --quiet
cold=$(echo "$(now) - $start" | bc)
"$edition" narrate "$article" -o "$work/warm" --format wav --quiet   # fills the cache
hours=$(python3 -c "import json,glob; print([json.load(open(f))['duration'] for f in glob.glob('$work/warm/*.json') if f.rsplit('/',1)[1].count('.')==1][0] / 3600)")
printf 'audio: %.2f h; synthesis + 22 kHz WAV with no cache: %.2f s (%.1f s per hour)\n' "$hours" "$cold" "$(echo "$cold / $hours" | bc -l)"
for format in wav mp3 flac opus vorbis; do
  start=$(now)
  "$edition" narrate "$article" -o "$work/$format" --format "$format" --quiet
  t=$(echo "$(now) - $start" | bc)
  printf '%-7s (its default rate) %6.2f s  → %6.1f s per hour of audio\n' "$format" "$t" "$(echo "$t / $hours" | bc -l)"
done
start=$(now)
"$edition" narrate "$article" -o "$work/all" --format wav --format mp3 --quiet
t=$(echo "$(now) - $start" | bc)
printf 'wav+mp3 (default, encoded in parallel)  %6.2f s  → %6.1f s per hour of audio\n' "$t" "$(echo "$t / $hours" | bc -l)"
