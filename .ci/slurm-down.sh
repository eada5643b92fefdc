#!/usr/bin/env bash
# slurm-down.sh: stop the one-node Slurm that .ci/slurm-up.sh started, and remove its folder.
#
# Why: the tests and the benchmark must leave no daemon behind (CI ends its run with what is left
# running; a later slurm-up.sh needs the ports). Only this cluster's processes are touched, found
# by the pid files in the folder ($EDITION_SLURM_DIR, default /tmp/edition-slurm) and checked to
# be that daemon started for that folder: never by name, so another Slurm or munged is safe.
#
# Order: cancel the jobs still queued or running (a slurmd that is just killed leaves its
# slurmstepd and the job's processes running), then slurmd, slurmctld, munged; each gets SIGTERM
# and, if still alive after 10 s, SIGKILL. Then the folder is removed, but only if slurm-up.sh
# made it (it holds .edition-slurm). Idempotent: no folder, nothing to do.
# Usage: .ci/slurm-down.sh [--keep-files]   (--keep-files: stop the daemons, keep config and logs)
set -euo pipefail

dir=${EDITION_SLURM_DIR:-/tmp/edition-slurm}
case "$dir" in /*) ;; *) dir="$(pwd)/$dir" ;; esac
dir=${dir%/}
keep=""
case "${1:-}" in
  --keep-files) keep=yes ;;
  "") ;;
  *) echo "usage: $0 [--keep-files]" >&2; exit 2 ;;
esac
if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi
say() { echo "slurm-down: $*" >&2; }

[ -d "$dir" ] || exit 0
if [ ! -f "$dir/.edition-slurm" ]; then
  [ -z "$(ls -A "$dir")" ] && { rmdir "$dir" 2>/dev/null || true; exit 0; }
  say "error: $dir was not made by slurm-up.sh (no .edition-slurm in it); not touching it"
  exit 1
fi
conf="$dir/slurm.conf"

# shellcheck source=slurm-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/slurm-lib.sh"   # pid_of
# The slurmstepd processes of this cluster: slurmd passes its SLURM_CONF on to them.
steps() {
  local p
  for p in /proc/[0-9]*; do
    [ "$(cat "$p/comm" 2>/dev/null)" = slurmstepd ] || continue
    "${SUDO[@]}" cat "$p/environ" 2>/dev/null | tr '\0' '\n' | grep -qxF "SLURM_CONF=$conf" && echo "${p#/proc/}"
  done
  return 0
}
descendants() {  # pid → its children, grandchildren, …
  local c
  for c in $(ps -o pid= --ppid "$1" 2>/dev/null); do echo "$c"; descendants "$c"; done
}
wait_gone() {  # seconds pid… → 0 once none is alive
  local tries=$(($1 * 10)); shift
  while [ $tries -gt 0 ]; do
    local alive=""
    for p in "$@"; do [ -d "/proc/$p" ] && [ "$(cut -d' ' -f3 "/proc/$p/stat" 2>/dev/null)" != Z ] && alive=yes; done
    [ -z "$alive" ] && return 0
    sleep 0.1; tries=$((tries - 1))
  done
  return 1
}

# 1. Jobs: cancel them while slurmctld and slurmd can still end them cleanly.
grace=0  # seconds the job steps get to end after scancel (KillWait is 5 s)
ctld=$(pid_of slurmctld "$dir/slurmctld.pid" || true)
if [ -n "$ctld" ] && [ -f "$conf" ]; then
  mapfile -t jobs < <(SLURM_CONF="$conf" timeout 10 squeue -h -o %A 2>/dev/null | sort -u || true)
  if [ ${#jobs[@]} -gt 0 ]; then
    say "cancelling jobs: ${jobs[*]}"
    SLURM_CONF="$conf" timeout 10 scancel "${jobs[@]}" 2>/dev/null || true
    grace=15
  fi
fi
mapfile -t left < <(steps)
if [ ${#left[@]} -gt 0 ] && ! wait_gone "$grace" "${left[@]}"; then
  mapfile -t left < <(steps)
  if [ "$grace" -gt 0 ]; then why="still running ${grace} s after scancel"; else why="left without slurmctld"; fi
  say "job steps $why; killing them and their processes: ${left[*]}"
  for s in "${left[@]}"; do
    mapfile -t tree < <(descendants "$s")
    "${SUDO[@]}" kill -9 "${tree[@]}" "$s" 2>/dev/null || true
  done
fi

# 2. Daemons: slurmd, slurmctld (its slurmscriptd child goes with it), then munged.
for d in slurmd:slurmd.pid slurmctld:slurmctld.pid munged:munge/munged.pid; do
  name=${d%%:*}
  pid=$(pid_of "$name" "$dir/${d#*:}" || true)
  [ -n "$pid" ] || continue
  "${SUDO[@]}" kill "$pid" 2>/dev/null || true
  if ! wait_gone 10 "$pid"; then
    say "$name ($pid) still running 10 s after SIGTERM; sending SIGKILL"
    "${SUDO[@]}" kill -9 "$pid" 2>/dev/null || true
    wait_gone 5 "$pid" || { say "error: $name ($pid) does not die"; exit 1; }
  fi
done

# 3. Files.
[ -n "$keep" ] || "${SUDO[@]}" rm -rf "$dir"
