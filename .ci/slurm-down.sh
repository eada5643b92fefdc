#!/usr/bin/env bash
# Stops the one-node Slurm that .ci/slurm-up.sh started (only its daemons, by their pid files)
# and removes its folder. Idempotent.
set -euo pipefail
dir=${EDITION_SLURM_DIR:-/tmp/edition-slurm}
SUDO=$([ "$(id -u)" -eq 0 ] || echo sudo)
[ -d "$dir" ] || exit 0
for d in slurmd slurmctld munged; do
  pidfile="$dir/$d.pid"
  [ -f "$pidfile" ] || continue
  pid=$(cat "$pidfile" 2>/dev/null || true)
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || continue
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
done
$SUDO rm -rf "$dir"
