#!/usr/bin/env bash
# Fuzzes `edition serve` from its own OpenAPI document with schemathesis: every route, with valid
# and invalid requests (bearer token included), checking only that no answer is a server error
# (5xx). A server over a fresh data folder first narrates one short article, so the episode,
# job and media routes have something to find. Each accepted POST /v1/articles queues a
# narration that runs in the background; POST /v1/audio/speech narrates while the client waits
# (its input is at most 4096 characters), so requests get a timeout and the whole run a ceiling.
# Exits non-zero if schemathesis finds a failure (each is printed with a curl command that
# reproduces it) or the server dies. Needs python3 with pip, and curl. About a minute.
# Usage: .ci/fuzz-api.sh [edition binary=.build/debug/edition]
#   FUZZ_EXAMPLES=50   test cases per operation and phase (default 30)
#   FUZZ_SEED=26961    replay a run (default: random, printed at the end)
#   FUZZ_CEILING=600   seconds each schemathesis run may take before it is stopped (and fails)
set -euo pipefail
cd "$(dirname "$0")/.."
edition=${1:-.build/debug/edition}
examples=${FUZZ_EXAMPLES:-30}
ceiling=${FUZZ_CEILING:-600}  # seconds for each schemathesis run (a normal one takes about a minute)
[ -x "$edition" ] || { echo "fuzz-api: no executable at $edition (swift build first)" >&2; exit 1; }

if ! python3 -c "import schemathesis" 2>/dev/null; then
  # A Debian Python refuses pip installs outside a virtual environment (PEP 668) unless told.
  python3 -m pip install -q schemathesis 2>/dev/null \
    || python3 -m pip install -q --break-system-packages schemathesis
fi

work=$(mktemp -d)
source Benchmarks/lib/serve-process.sh
trap 'stop_server; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

data=$work/data
start_server "$data" --drain-timeout 1s --voices "$PWD/Voices"

# One finished episode, so GET /v1/episodes, /v1/episodes/{id} and /media/{file} have data.
job=$(curl -sf -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  --data-binary '{"source_id": "fuzz-seed", "body": "Fuzzing begins\n\nThe council approved the budget on Tuesday. The coast road opened again this morning.\n", "format": "text"}' \
  "$base/v1/articles" | sed -n 's/.*"id":"\(job-[0-9a-f]*\)".*/\1/p')
[ -n "$job" ] || { echo "fuzz-api: the seed article was refused" >&2; exit 1; }
for _ in $(seq 1200); do
  status=$(curl -sf "$base/v1/jobs/$job" | sed -n 's/.*"status":"\([a-z]*\)".*/\1/p')
  [ "$status" = done ] && break
  [ "$status" = failed ] && { echo "fuzz-api: the seed article failed: $(curl -s "$base/v1/jobs/$job")" >&2; exit 1; }
  sleep 0.1
done
[ "$status" = done ] || { echo "fuzz-api: the seed article was not done in 120 s" >&2; exit 1; }

# First the media routes on the seed's real MP3, so Range and If-* headers reach the file (random
# names only find 404); then every route with generated values (its stateful phase may delete
# the seed episode through links, so it comes second).
media=$(curl -sf "$base/v1/episodes" | sed -n 's|.*"mp3":"[^"]*/media/\([^"]*\)".*|\1|p')
[ -n "$media" ] || { echo "fuzz-api: the seed episode has no MP3" >&2; exit 1; }
printf '[[operations]]\ninclude-path = "/media/{file}"\nparameters = { "path.file" = "%s" }\n' "$media" >"$work/media.toml"
seed=${FUZZ_SEED:-$RANDOM}
fuzz() {  # extra arguments
  (cd "$work" && timeout --kill-after=10 "$ceiling" python3 -m schemathesis.cli "$@" "$base/openapi.json" \
    --url "$base" \
    --header "Authorization: Bearer $token" \
    --checks not_a_server_error \
    --max-examples "$examples" \
    --workers 2 \
    --request-timeout 60 \
    --seed "$seed" \
    --generation-database none \
    --suppress-health-check all \
    --no-color)
}
start=$(date +%s)
set +e
fuzz --config-file "$work/media.toml" run --include-path /media/{file}
media_result=$?
fuzz run
result=$?
set -e
elapsed=$(( $(date +%s) - start ))
for r in "$media_result" "$result"; do
  [ "$r" -eq 124 ] && echo "fuzz-api: schemathesis ran past ${ceiling} s and was stopped" >&2
done
[ "$media_result" -ne 0 ] && [ "$result" -eq 0 ] && result=$media_result

alive=yes
kill -0 "$server_pid" 2>/dev/null || alive=no
jobs=$(curl -s "$base/metrics" | sed -n 's/^edition_jobs{state="\([a-z]*\)"} \(.*\)/\1 \2/p' | paste -sd, - | sed 's/,/, /g')
stop_server
if [ "$alive" = no ]; then
  echo "fuzz-api: the server died during the run; its log:" >&2
  tail -50 "$data.err" >&2
  result=1
fi
if grep -qiE 'fatal error|panic|crash' "$data.err"; then
  echo "fuzz-api: the server's log has errors:" >&2
  grep -iE 'fatal error|panic|crash' "$data.err" | head -20 >&2
fi
echo "fuzz-api: schemathesis exit $media_result (media on a real file), $result (every route) after ${elapsed} s (seed $seed); jobs at the end: ${jobs:-unknown}"
exit "$result"
