#!/usr/bin/env bash
# Narrates a long text (≥ 15,000 words) with `edition narrate` and with plain `espeak-ng -w`,
# and prints both wall times, their ratio, and edition's peak memory; then the mastered WAV and
# the default output (mastered WAV + MP3) as speeds relative to espeak-ng (issue 19's targets):
# medians of NARRATE_ROUNDS (3) interleaved rounds, each run from a synced, empty output folder.
# Usage: Benchmarks/narrate-vs-espeak.sh [words] [jobs]
set -euo pipefail
cd "$(dirname "$0")/.."
source Benchmarks/lib/espeak-args.sh
words=${1:-15000}
jobs=${2:-$(nproc)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release >/dev/null
edition=.build/release/edition

# A long article made of the sample's body paragraphs, repeated until it is long enough.
python3 - "$words" "$work/long.txt" <<'PY'
import sys, itertools
target, out = int(sys.argv[1]), sys.argv[2]
src = open("Examples/anti-kremlin-militia.txt", encoding="utf-8").read().split("\n\n")
body = [p.strip() for p in src if len(p.split()) > 20]
paras, n = [], 0
for i, p in enumerate(itertools.cycle(body)):
    if n >= target: break
    paras.append(p); n += len(p.split())
open(out, "w", encoding="utf-8").write("A long benchmark article\n\n" + "\n\n".join(paras) + "\n")
print(f"text: {n} words, {len(paras)} paragraphs", file=sys.stderr)
PY

# Each run starts from the same state: earlier runs' files deleted and written back (sync), so
# no run pays for another's writeback; the four runs are taken in turn, $rounds rounds, and the
# median of each is compared (on a shared machine one run can be 20% off its neighbours).
rounds=${NARRATE_ROUNDS:-3}
timed() {  # output var, command…
  local var=$1; shift
  rm -rf "$work/run"; mkdir -p "$work/run"; sync; sleep 0.5
  local start; start=$(date +%s.%N)
  "$@"
  printf -v "$var" '%s' "$(echo "$(date +%s.%N) - $start" | bc)"
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
espeak_all=() edition_all=() wav_all=() full_all=() ratios=()
for round in $(seq "$rounds"); do
  # Plain espeak-ng with the same voice settings as the default profile.
  timed t espeak-ng "${espeak_args[@]}" -f "$work/long.txt" -w "$work/run/espeak.wav"
  espeak_all+=("$t"); cp "$work/run/espeak.wav" "$work/espeak.wav"
  # Like for like: one unmastered WAV at the engine's rate, as espeak-ng -w writes (sidecars too).
  timed t /usr/bin/time -f "%M" -o "$work/rss" "$edition" narrate "$work/long.txt" --output "$work/run" --jobs "$jobs" --quiet \
    --no-cache --format wav --sample-rate 22050 --no-mastering
  edition_all+=("$t"); rm -rf "$work/out"; cp -r "$work/run" "$work/out"
  # The mastered WAV alone (-16 LUFS, 44.1 kHz master).
  timed t "$edition" narrate "$work/long.txt" --output "$work/run" --jobs "$jobs" --quiet --no-cache --format wav
  wav_all+=("$t")
  # And what a user gets by default: the mastered WAV + the MP3 (22.05 kHz, LAME quality 7).
  timed t "$edition" narrate "$work/long.txt" --output "$work/run" --jobs "$jobs" --quiet --no-cache
  full_all+=("$t")
  ratios+=("$(echo "${espeak_all[-1]} / ${wav_all[-1]}" | bc -l)")
done
espeak_s=$(median "${espeak_all[@]}") edition_s=$(median "${edition_all[@]}")
wav_s=$(median "${wav_all[@]}") full_s=$(median "${full_all[@]}")

audio_s=$(python3 -c "import json,glob; print([json.load(open(f))['duration'] for f in glob.glob('$work/out/*.json') if f.rsplit('/',1)[1].count('.') == 1][0])")
espeak_audio=$(soxi -D "$work/espeak.wav")
printf 'espeak-ng -w         %6.2f s  (%.0f s of audio, %.0f× real time)\n' "$espeak_s" "$espeak_audio" "$(echo "$espeak_audio / $espeak_s" | bc -l)"
printf 'edition narrate -j%s  %6.2f s  (%.0f s of audio, %.0f× real time, peak RSS %s MB)\n' "$jobs" "$edition_s" "$audio_s" \
  "$(echo "$audio_s / $edition_s" | bc -l)" "$(( $(cat "$work/rss") / 1024 ))"
printf 'ratio edition/espeak %6.2f  (target ≤ 1.10)\n' "$(echo "$edition_s / $espeak_s" | bc -l)"
speed() { echo "$espeak_s / $1" | bc -l; }
printf 'mastered WAV          %6.2f s  speed %.2f× espeak-ng (target ≥ 0.9)\n' "$wav_s" "$(speed "$wav_s")"
printf 'default WAV + MP3     %6.2f s  speed %.2f× espeak-ng (target ≥ 0.5)\n' "$full_s" "$(speed "$full_s")"
printf 'medians of %d rounds; mastered WAV speed round by round: %s\n' "$rounds" "$(printf '%.2f× ' "${ratios[@]}")"
