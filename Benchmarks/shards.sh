#!/usr/bin/env bash
# Sharding benchmark (issue 16): N generated articles built once with `edition build`, then on
# the local one-node Slurm (.ci/slurm-up.sh) with `edition slurm --shards S --submit` for
# S = 1, 2, 4: wall time from submission to the finish job's end, the overhead against the
# plain build, and the finishing build's own time (its share of the whole). Each run starts
# from an empty output folder and an empty chunk cache, which its shards share, as on a
# cluster (the plain build has its own). Release build; mastered WAV (the default WAV + MP3
# would mostly measure MP3 encoding, which is issue 19's).
# Usage: Benchmarks/shards.sh [articles=200] [words-per-article=400]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
count=${1:-200}
words=${2:-400}
work=$(mktemp -d)
started=""
trap '[ -n "$started" ] && "$root/.ci/slurm-down.sh" >/dev/null 2>&1; rm -rf "$work"' EXIT
swift build -c release >/dev/null
edition=$root/.build/release/edition
export EDITION_VOICES=$root/Voices
python3 Benchmarks/make-articles.py "$work/articles" "$count" "$words"
eval "$(.ci/slurm-up.sh | grep '^export SLURM_CONF=')"
started=yes
cores=$(nproc)
now() { date +%s.%N; }

cd "$work"
start=$(now)
"$edition" build articles --output single --cache cache-single --format wav --jobs "$cores" --quiet
single=$(echo "$(now) - $start" | bc)
audio=$(python3 -c "import json; print(json.load(open('single/build-report.json'))['audioSeconds'])")
printf 'articles: %d × ~%d words, %.0f s of audio, %d cores\n' "$count" "$words" "$audio" "$cores"
printf 'edition build (one machine, --jobs %d)   %7.2f s\n' "$cores" "$single"

for shards in 1 2 4; do
  cpus=$(( cores / shards )); [ "$cpus" -ge 1 ] || cpus=1
  start=$(now)
  "$edition" slurm articles --shards "$shards" --cpus-per-task "$cpus" --output "out$shards" --format wav --submit > submit.txt
  read -r array finish < <(sed -n 's/^submitted: shards job \([0-9]*\) .*finish job \([0-9]*\) .*/\1 \2/p' submit.txt)
  while [ -n "$(squeue -h -j "$array,$finish" -o %i)" ]; do sleep 0.2; done
  total=$(echo "$(now) - $start" | bc)
  scontrol show job "$finish" | grep -q JobState=COMPLETED || { echo "finish job failed"; cat "out$shards/slurm/logs/"*; exit 1; }
  finishing=$(python3 -c "import json; print(json.load(open('out$shards/build-report.json'))['elapsedSeconds'])")
  printf 'slurm, %d shard(s) × %d CPU(s)   %7.2f s   overhead %+6.1f%% vs one build   finishing step %.2f s (%.1f%% of the run)\n' \
    "$shards" "$cpus" "$total" "$(echo "($total / $single - 1) * 100" | bc -l)" "$finishing" "$(echo "$finishing / $total * 100" | bc -l)"
done
