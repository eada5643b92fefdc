#!/usr/bin/env bash
# Each mastering stage's cost per hour of audio, on one core (issue 19): narrates a long generated
# article unmastered at the engine's 22.05 kHz, then runs the speech through the K-weighted
# loudness meter, the true-peak meter, the limiter, the half-band upsampler (22.05 → 44.1 kHz, the
# default master) and the polyphase upsampler (→ 48 kHz) one at a time (dsp-costs, best of three runs).
# Usage: Benchmarks/dsp-costs.sh [words=15000]
set -euo pipefail
cd "$(dirname "$0")/.."
words=${1:-15000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release >/dev/null
swift build -c release --product dsp-costs >/dev/null
export EDITION_VOICES=$PWD/Voices
python3 Benchmarks/make-articles.py "$work/in" 1 "$words"
.build/release/edition narrate "$work"/in/*.txt -o "$work/out" --format wav --sample-rate 22050 --no-mastering --no-cache --quiet
.build/release/dsp-costs "$work"/out/*.wav
