#!/usr/bin/env bash
# Sharded builds on a real cluster engine: starts a one-node Slurm (.ci/slurm-up.sh), makes a
# small batch (file names with spaces, quotes and $), builds it once on this machine, then
# submits it with `edition slurm --shards 2 --submit`, waits for both jobs by polling squeue,
# and checks the finish ran and every episode file is byte-identical to the one-machine build.
# A second --submit must redo nothing. Then validates the `edition kubernetes` manifests offline
# against Kubernetes 1.30 in strict mode (kubernetes-validate from PyPI). Stops what it started.
# Usage: .ci/cluster-tests.sh [edition binary=.build/debug/edition]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
edition=$(realpath "${1:-.build/debug/edition}")
[ -x "$edition" ] || { echo "cluster-tests: no executable at $edition (swift build first)" >&2; exit 1; }
if ! python3 -c "import kubernetes_validate" 2>/dev/null; then
  python3 -m pip install -q kubernetes-validate 2>/dev/null || python3 -m pip install -q --break-system-packages kubernetes-validate
fi

work=$(mktemp -d)
started=""
cleanup() { [ -n "$started" ] && "$root/.ci/slurm-down.sh" >/dev/null 2>&1; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "cluster-tests: FAIL: $*" >&2; exit 1; }

# --- Kubernetes manifests, offline ---
cd "$work"
mkdir -p "news room/stories"
for i in 0 1 2 3 4 5; do
  { echo "Story number $i about the harbour"; echo; echo "The harbour board met on Tuesday and $((i * 7 + 3)) people came. It agreed a plan for the quay."
    echo; echo "Work starts in spring, the board said, and will take $((i + 2)) months."; } > "news room/stories/story $i 'q' \$x.txt"
done
cd "news room"
"$edition" kubernetes stories --shards 3 --image registry.example.org/edition:1 --volume-claim news --output k8s \
  --format mp3 --feed-config podcast.yaml --memory 2Gi >/dev/null
python3 -m kubernetes_validate -k 1.30.0 --strict k8s/kubernetes/shards-job.yaml k8s/kubernetes/finish-job.yaml \
  || fail "the Kubernetes manifests are not valid for 1.30"
echo "cluster-tests: Kubernetes manifests valid (1.30, strict)"

# --- Slurm, live ---
eval "$("$root/.ci/slurm-up.sh" | grep '^export SLURM_CONF=')"
started=yes
export EDITION_VOICES="$root/Voices"
"$edition" feed init --config podcast.yaml >/dev/null
"$edition" build stories --output single --cache cache-single --format wav --format mp3 --feed-config podcast.yaml --quiet

wait_for() {  # job ids…: poll squeue until none is queued or running (bounded)
  local deadline=$((SECONDS + 300))
  while [ -n "$(squeue -h -j "$(IFS=,; echo "$*")" -o %i 2>/dev/null)" ]; do
    [ $SECONDS -lt $deadline ] || fail "jobs $* still in the queue after 300 s"
    sleep 1
  done
}
submit() {
  "$edition" slurm stories --shards 2 --cpus-per-task 1 --output "out dir" --format wav --format mp3 \
    --feed-config podcast.yaml --submit > submit.txt
  read -r array finish < <(sed -n 's/^submitted: shards job \([0-9]*\) .*finish job \([0-9]*\) .*/\1 \2/p' submit.txt)
  [ -n "$array" ] && [ -n "$finish" ] || fail "no job ids in: $(cat submit.txt)"
  wait_for "$array" "$finish"
  scontrol show job "$finish" | grep -q "JobState=COMPLETED" || { cat "out dir/slurm/logs/"*.log >&2; fail "the finish job did not complete"; }
}
start=$SECONDS
submit
echo "cluster-tests: Slurm shards and finish done in $((SECONDS - start)) s"
for f in single/*; do
  name=$(basename "$f")
  case "$name" in build-report*) continue ;; esac
  cmp -s "$f" "out dir/$name" || fail "$name differs from the one-machine build"
done
[ "$(ls single | grep -vc '^build-report')" = "$(ls "out dir" | grep -v '^build-report' | grep -vc '^slurm$')" ] || fail "the sharded build has other files than the one-machine build"
ls "out dir/build-report.shard-0-of-2.json" "out dir/build-report.shard-1-of-2.json" >/dev/null
python3 - "out dir/build-report.json" <<'PY' || fail "the merged report is wrong"
import json, sys
report = json.load(open(sys.argv[1]))
assert [i["status"] for i in report["items"]] == ["built"] * 6, report["items"]
PY
echo "cluster-tests: the sharded build is byte-identical to the one-machine build"

submit  # again: everything is up to date
python3 - "out dir/build-report.shard-0-of-2.json" "out dir/build-report.shard-1-of-2.json" <<'PY' || fail "a second submission rebuilt something"
import json, sys
for path in sys.argv[1:]:
    report = json.load(open(path))
    assert report["built"] == 0 and report["upToDate"] > 0, report
PY
echo "cluster-tests: a second submission redid nothing"
