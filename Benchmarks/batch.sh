#!/usr/bin/env bash
# Batch benchmark (issue 7): N generated articles built with `edition build` at --jobs 1 and
# --jobs 2, against `espeak-ng -w` run on the same texts one after another; then a no-change
# rebuild; then peak memory of one 50,000-word and one 500,000-word article.
# Like for like: edition writes one WAV at the engine's rate (--format wav --sample-rate 22050)
# and every sidecar, first without mastering (--no-mastering: espeak-ng -w does none either),
# then with loudness normalization and limiting, as it does by default; last, the default
# output (mastered WAV and MP3 at 44.1 kHz) for reference. Peak RSS is for mastered builds.
# The --jobs 2 builds and espeak-ng alternate for ROUNDS rounds (default 3); medians are compared.
# Usage: [ROUNDS=3] Benchmarks/batch.sh [articles=50] [words-per-article=600]
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/lib/espeak-args.sh
count=${1:-50}
words=${2:-600}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release >/dev/null
edition=$PWD/.build/release/edition
export EDITION_VOICES=$PWD/Voices

python3 Benchmarks/make-articles.py "$work/articles" "$count" "$words"
python3 Benchmarks/make-articles.py "$work/big50k" 1 50000
python3 Benchmarks/make-articles.py "$work/big500k" 1 500000

now() { date +%s.%N; }
# Every timed run starts with earlier runs' files written back (sync), so none pays for another's.
settle() { sync; sleep 0.5; }
espeak_run() {
  settle
  local start; start=$(now)
  for f in "$work"/articles/*.txt; do espeak-ng "${espeak_args[@]}" -f "$f" -w "$work/espeak.wav"; done
  echo "$(now) - $start" | bc
}
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

# --no-cache: the generated articles reuse the sample's sentences, so the chunk cache would
# speak each repeated sentence once and flatter the figures. The rebuild is skipped by the
# journal, which does not need the cache.
run() {  # jobs, output, extra flags
  settle
  local start; start=$(now)
  "$edition" build "$work/articles" --output "$2" --no-cache --jobs "$1" --format wav --sample-rate 22050 --quiet $3
  echo "$(now) - $start" | bc
}
# This machine's speed drifts by 10–20% over minutes (a shared virtual machine), so espeak-ng
# and the --jobs 2 builds run interleaved, `rounds` times, and their medians are compared.
rounds=${ROUNDS:-3}
e=(); u2=(); k2=()
for r in $(seq "$rounds"); do
  e+=("$(espeak_run)")
  rm -rf "$work/out2" "$work/m2"
  u2+=("$(run 2 "$work/out2" --no-mastering)")
  k2+=("$(run 2 "$work/m2" "")")
done
espeak_s=$(median "${e[@]}"); j2=$(median "${u2[@]}"); m2=$(median "${k2[@]}")
j1=$(run 1 "$work/out1" --no-mastering)
m1=$(run 1 "$work/m1" "")
rebuild=$(run 2 "$work/m2" "")
settle
start=$(now)
"$edition" build "$work/articles" --output "$work/d2" --no-cache --jobs 2 --quiet
default2=$(echo "$(now) - $start" | bc)
audio=$(python3 -c "import json; print(json.load(open('$work/out1/build-report.json'))['audioSeconds'])")

rss() {  # folder, format
  /usr/bin/time -f "%M" -o "$work/rss" "$edition" build "$1" --output "$work/rss-out" --no-cache --format "${2:-wav}" --sample-rate 22050 --quiet
  echo "$(( $(cat "$work/rss") / 1024 ))"
}
rss50=$(rss "$work/big50k")
rss500=$(rss "$work/big500k")
# An MP3 alone is the measured stream, encoded in parts: its meters must not pile up with length.
rss500mp3=$(rss "$work/big500k" mp3)

printf 'articles: %d × ~%d words, %.0f s of audio\n' "$count" "$words" "$audio"
printf 'espeak-ng -w, one after another   %7.2f s   (median of %d interleaved rounds: %s)\n' "$espeak_s" "$rounds" "${e[*]}"
printf 'edition build --jobs 1, unmastered %6.2f s   speed %.2f× espeak-ng (target ≥ 0.9)\n' "$j1" "$(echo "$espeak_s / $j1" | bc -l)"
printf 'edition build --jobs 2, unmastered %6.2f s   speed %.2f× espeak-ng (target ≥ 1.7; rounds: %s)\n' "$j2" "$(echo "$espeak_s / $j2" | bc -l)" "${u2[*]}"
printf 'edition build --jobs 1, mastered   %6.2f s   speed %.2f× espeak-ng (target ≥ 0.9)\n' "$m1" "$(echo "$espeak_s / $m1" | bc -l)"
printf 'edition build --jobs 2, mastered   %6.2f s   speed %.2f× espeak-ng (target ≥ 1.5; rounds: %s)\n' "$m2" "$(echo "$espeak_s / $m2" | bc -l)" "${k2[*]}"
printf 'edition build --jobs 2, default WAV + MP3       %6.2f s   speed %.2f× espeak-ng\n' "$default2" "$(echo "$espeak_s / $default2" | bc -l)"
printf 'no-change rebuild (mastered)      %7.2f s   %.1f%% of the first run (target ≤ 2%%)\n' "$rebuild" "$(echo "100 * $rebuild / $m2" | bc -l)"
printf 'peak RSS, 50,000-word article     %7s MB\n' "$rss50"
printf 'peak RSS, 500,000-word article    %7s MB\n' "$rss500"
printf 'peak RSS, 500,000-word, MP3 alone %7s MB\n' "$rss500mp3"
