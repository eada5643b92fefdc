#!/usr/bin/env bash
# `edition serve` under load. A server in a fresh data folder narrates a long article (≥ 15,000
# words, every sentence different, so the chunk cache cannot cut synthesis short) while `wrk`
# hammers it with 64 connections for 10 s each: (a) GET /v1/episodes/{id} of a finished episode,
# (b) a ranged GET (bytes=1000-65535) of that episode's MP3, and (a) on the idle server first for
# reference. Prints requests/s, p50 and p99, and the long job's status and progress before and
# after (it must still be running). Then (c), on servers with fresh data folders (cold chunk
# cache), the time from POST /v1/articles to the job being done (polled every 10 ms) for a
# ~600-word article, against `edition narrate --no-cache` of the same text with the same formats
# (MP3 and WAV), and their ratio: the median of 3 rounds, taken in turn; (d) on the same server, the
# same article with one sentence corrected, POST to ready, against (c). Servers get SIGTERM with
# --drain-timeout 2s; one still running 30 s later is killed, and the script says so.
# Needs wrk (installed with apt-get if missing), curl and python3.
# Usage: Benchmarks/serve.sh [long-words=15000] [short-words=600] [seconds=10]
#        EDITION=.build/debug/edition Benchmarks/serve.sh      (default: builds .build/release/edition)
set -euo pipefail
cd "$(dirname "$0")/.."
long_words=${1:-15000}
short_words=${2:-600}
duration=${3:-10}
connections=64
if [ -z "${EDITION:-}" ]; then
  swift build -c release >/dev/null
fi
edition=${EDITION:-.build/release/edition}
[ -x "$edition" ] || { echo "serve.sh: no executable at $edition (build it, or set EDITION)" >&2; exit 1; }
if ! command -v wrk >/dev/null; then
  SUDO=$( [ "$(id -u)" -eq 0 ] || echo sudo )
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk >/dev/null
fi
export EDITION_VOICES=$PWD/Voices

work=$(mktemp -d)
source Benchmarks/lib/serve-process.sh
trap 'stop_server; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
now() { date +%s.%N; }

# Articles whose sentences are all different (the sample's, each with its own number), as JSON
# bodies for the service and as text files for `edition narrate`.
python3 - "$work" "$long_words" "$short_words" <<'PY'
import json, sys
work, long_words, short_words = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
sample = open("Examples/anti-kremlin-militia.txt", encoding="utf-8").read()
sentences = [s.strip().rstrip(".") for p in sample.split("\n\n") if len(p.split()) > 20 for s in p.split(". ") if len(s.split()) > 6]
def article(name, title, words):
    paragraphs, total, n = [], 0, 0
    while total < words:
        para = []
        for _ in range(3):
            s = sentences[n % len(sentences)]
            n += 1
            para.append(s + "." if n <= len(sentences) else f"{s}, report {n} said.")
        paragraphs.append(" ".join(para))
        total += len(paragraphs[-1].split())
    text = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
    open(f"{work}/{name}.txt", "w", encoding="utf-8").write(text)
    json.dump({"source_id": name, "body": text, "format": "text"}, open(f"{work}/{name}.json", "w"))
    # The same article with one sentence in the middle corrected, as a CMS would post it.
    middle = paragraphs[len(paragraphs) // 2]
    edited = text.replace(middle, middle.replace(" ", " corrected ", 1), 1)
    json.dump({"source_id": name, "body": edited, "format": "text"}, open(f"{work}/{name}-edited.json", "w"))
    print(f"{name}: {total} words, {len(paragraphs)} paragraphs", file=sys.stderr)
article("long", "A long benchmark article", long_words)
article("short", "A short benchmark article", short_words)
PY
body=$(python3 -c 'import json,sys; print(json.dumps({"source_id": "sample", "body": open(sys.argv[1]).read()}))' Examples/anti-kremlin-militia.txt)

post() {  # JSON file or text → job id
  curl -sf -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data-binary "$1" "$base/v1/articles" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
job() {  # job id → "status progress episode_id"
  curl -sf "$base/v1/jobs/$1" | python3 -c 'import json,sys; j=json.load(sys.stdin); print(j["status"], j["progress"], j["episode_id"])'
}
wait_done() {  # job id; polls every 50 ms
  local status
  while :; do
    status=$(curl -sf "$base/v1/jobs/$1" | sed -n 's/.*"status":"\([a-z]*\)".*/\1/p')
    case $status in
      done) return ;;
      failed) echo "serve.sh: job $1 failed: $(curl -s "$base/v1/jobs/$1")" >&2; exit 1 ;;
    esac
    sleep 0.05
  done
}

timed_post() {  # JSON file → "job-id seconds": POST to done, timed inside one Python process that
  # polls every 10 ms on one kept-alive connection (a curl per poll took enough CPU to slow the
  # server's own narration, and starting Python or polling every 50 ms added to every figure).
  python3 - "$base" "$token" "$1" <<'PY'
import http.client, json, sys, time, urllib.parse
base, token, path = sys.argv[1:]
body = open(path, "rb").read()
url = urllib.parse.urlparse(base)
conn = http.client.HTTPConnection(url.hostname, url.port)
start = time.monotonic()
conn.request("POST", "/v1/articles", body, {"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
job = json.loads(conn.getresponse().read())["id"]
while True:
    conn.request("GET", f"/v1/jobs/{job}")
    status = json.loads(conn.getresponse().read())["status"]
    if status == "done":
        break
    if status == "failed":
        sys.exit(f"serve.sh: job {job} failed")
    time.sleep(0.01)
print(job, f"{time.monotonic() - start:.3f}")
PY
}

# wrk prints its usual report (--latency) and, from done(), one line to parse (latencies in µs).
cat >"$work/report.lua" <<'LUA'
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("FIGURES %.1f %d %d %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
end
LUA
{ echo 'wrk.headers["Range"] = "bytes=1000-65535"'; cat "$work/report.lua"; } >"$work/range.lua"

declare -A rps p50 p99 bad
measure() {  # label, lua script, url
  "${wrk_cmd[@]}" -s "$2" "$3" >"$work/wrk-$1.txt"
  read -r _ rps[$1] p50[$1] p99[$1] non2xx errors < <(grep '^FIGURES' "$work/wrk-$1.txt")
  bad[$1]="$non2xx non-2xx, $errors socket errors"
}
wrk_cmd=(wrk -t "$(nproc)" -c "$connections" -d "${duration}s" --timeout 10s --latency)

# (a) and (b): a finished episode, served while the long article is synthesized.
start_server "$work/load" --drain-timeout 2s
sample_job=$(post "$body")
wait_done "$sample_job"
episode=$(job "$sample_job" | cut -d' ' -f3)
measure idle "$work/report.lua" "$base/v1/episodes/$episode"  # for reference: nothing synthesizing
long_job=$(post "@$work/long.json")
while read -r status progress _ < <(job "$long_job"); [ "$status" = queued ]; do sleep 0.1; done
sleep 1  # the workers are busy
read -r status progress _ < <(job "$long_job")
before="$status, progress $progress"
range_status=$(curl -s -o /dev/null -w '%{http_code} %{size_download}' -H 'Range: bytes=1000-65535' "$base/media/$episode.mp3")
[ "$range_status" = "206 64536" ] || { echo "serve.sh: ranged GET answered $range_status, not 206 with 64536 bytes" >&2; exit 1; }
measure episode "$work/report.lua" "$base/v1/episodes/$episode"
measure range "$work/range.lua" "$base/media/$episode.mp3"
read -r status progress _ < <(job "$long_job")
after="$status, progress $progress"
stop_server
load_stopped=$stopped_after

# (c) POST to ready on an idle server with a cold cache, against `edition narrate`, in turn.
serve_times=() narrate_times=() inside_times=() edit_times=()
for round in 1 2 3; do
  start_server "$work/cold$round" --drain-timeout 2s
  read -r short_job seconds < <(timed_post "$work/short.json")
  serve_times+=("$(printf '%.2f' "$seconds")")
  serve_audio=$(curl -sf "$base/v1/episodes/$(job "$short_job" | cut -d' ' -f3)" | python3 -c 'import json,sys; print(json.load(sys.stdin)["duration"])')
  inside_times+=("$(sed -n 's/.* done: .* s of audio in \([0-9.]*\) s$/\1/p' "$work/cold$round.err" | tail -1)")
  # (d) one sentence corrected: a new job for the same episode
  read -r edit_job seconds < <(timed_post "$work/short-edited.json")
  edit_times+=("$(printf '%.2f' "$seconds")")
  stop_server
  rm -rf "$work/narrated"
  start=$(now)
  "$edition" narrate "$work/short.txt" --output "$work/narrated" --no-cache --quiet
  narrate_times+=("$(printf '%.2f' "$(echo "$(now) - $start" | bc)")")
done
median() { printf '%s\n' "$@" | sort -g | sed -n "$(( ($# + 1) / 2 ))p"; }
serve_s=$(median "${serve_times[@]}")
edit_s=$(median "${edit_times[@]}")
narrate_s=$(median "${narrate_times[@]}")
narrate_audio=$(python3 -c "import json; print(json.load(open('$work/narrated/a-short-benchmark-article.json'))['duration'])")

ms() { echo "scale=2; $1 / 1000" | bc; }
printf 'binary: %s; wrk: %s connections, %s threads, %s s each\n' "$edition" "$connections" "$(nproc)" "$duration"
printf 'long job (%s words) before the load: %s; after: %s (progress ≤ 0.95: synthesis; then mastering and encoding)\n' \
  "$long_words" "$before" "$after"
[ "${after%%,*}" = running ] || echo "  (it finished before the measurements did: run with more words, e.g. Benchmarks/serve.sh 40000)"
printf 'the loaded server stopped %s\n' "$load_stopped"
for m in idle episode range; do
  case $m in
    idle) label="    GET /v1/episodes/{id}, idle" ;;
    episode) label="(a) GET /v1/episodes/{id}      " ;;
    range) label="(b) GET mp3, bytes=1000-65535  " ;;
  esac
  printf '%s %8.0f req/s   p50 %7.2f ms   p99 %7.2f ms (target < 50 ms)   %s\n' \
    "$label" "${rps[$m]}" "$(ms "${p50[$m]}")" "$(ms "${p99[$m]}")" "${bad[$m]}"
done
printf '(c) %s words, POST to ready (cold cache)  %6.2f s   (%.1f s of audio; rounds: %s)\n' "$short_words" "$serve_s" "$serve_audio" "${serve_times[*]}"
printf '    of which narrating, as the server logs it   (rounds: %s)\n' "${inside_times[*]}"
printf '    edition narrate --no-cache (wav+mp3)   %6.2f s   (%.1f s of audio; rounds: %s)\n' "$narrate_s" "$narrate_audio" "${narrate_times[*]}"
printf '    ratio serve/narrate %.2f (target ≤ 1.10)\n' "$(echo "$serve_s / $narrate_s" | bc -l)"
printf '(d) the same article with one sentence corrected, POST to ready  %6.2f s   (rounds: %s)\n' "$edit_s" "${edit_times[*]}"
printf '    ratio edit/first %.2f (target: well under 0.5)\n' "$(echo "$edit_s / $serve_s" | bc -l)"
