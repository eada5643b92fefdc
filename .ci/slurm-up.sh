#!/usr/bin/env bash
# Starts a one-node Slurm on this machine for the cluster tests and benchmark: munged, slurmctld
# and slurmd from Debian's packages (installed if missing), run by hand (no systemd), with every
# file (config, key, state, logs, pids, socket) under one folder, $EDITION_SLURM_DIR or
# /tmp/edition-slurm. Waits until a trivial job runs. Prints `export SLURM_CONF=…` last: eval it.
# Idempotent: if its daemons are already running, it only prints that line. On a failed start
# it stops what it started. .ci/slurm-down.sh stops it. Needs root (or sudo).
set -euo pipefail
dir=${EDITION_SLURM_DIR:-/tmp/edition-slurm}
SUDO=$([ "$(id -u)" -eq 0 ] || echo sudo)
as_munge() { if [ "$(id -u)" -eq 0 ]; then runuser -u munge -- "$@"; else sudo -u munge "$@"; fi; }
packages="slurmctld slurmd slurm-client munge"
missing=$(for p in $packages; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done)
if [ -n "$missing" ]; then
  echo "slurm-up: installing $missing" >&2
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi

alive() { [ -f "$dir/$1.pid" ] && kill -0 "$(cat "$dir/$1.pid")" 2>/dev/null; }
if alive munged && alive slurmctld && alive slurmd; then
  echo "export SLURM_CONF=$dir/slurm.conf"
  exit 0
fi

cleanup_on_failure() {
  echo "slurm-up: start failed; logs in $dir (kept)" >&2
  for d in slurmd slurmctld munged; do [ -f "$dir/$d.pid" ] && kill "$(cat "$dir/$d.pid")" 2>/dev/null || true; done
}
trap cleanup_on_failure ERR

$SUDO mkdir -p "$dir"/{munge,state,spool}
$SUDO chown munge:munge "$dir/munge"
$SUDO chmod 700 "$dir/munge"
[ -f "$dir/munge/munge.key" ] || as_munge mungekey --create --keyfile="$dir/munge/munge.key"
$SUDO chown munge:munge "$dir/munge/munge.key"; $SUDO chmod 400 "$dir/munge/munge.key"
as_munge /usr/sbin/munged --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
  --pid-file="$dir/munge/munged.pid" --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/munged.seed" --force
for _ in $(seq 50); do [ -S "$dir/munge/munge.socket" ] && break; sleep 0.1; done
$SUDO ln -sf "$dir/munge/munged.pid" "$dir/munged.pid"
$SUDO chmod 755 "$dir/munge"   # clients (sbatch, slurmd) reach the socket

cpus=$(nproc)
memory=$(slurmd -C 2>/dev/null | sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p'); memory=${memory:-1000}
$SUDO tee "$dir/slurm.conf" >/dev/null <<CONF
ClusterName=edition
SlurmctldHost=localhost
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket
SlurmUser=root
SlurmctldPort=$((6817 + 100))
SlurmdPort=$((6818 + 100))
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerParameters=batch_sched_delay=0
DependencyParameters=kill_invalid_depend
EnforcePartLimits=ALL
ReturnToService=2
MinJobAge=600
NodeName=localhost CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$dir/slurm.conf"
$SUDO env SLURM_CONF="$SLURM_CONF" /usr/sbin/slurmctld -f "$SLURM_CONF"
$SUDO env SLURM_CONF="$SLURM_CONF" /usr/sbin/slurmd -f "$SLURM_CONF" -N localhost

deadline=$((SECONDS + 40))
until sinfo -h -o %T 2>/dev/null | grep -qE '^(idle|mixed)'; do
  [ $SECONDS -lt $deadline ] || { echo "slurm-up: the node never became idle: $(sinfo 2>&1 | tail -1)" >&2; false; }
  sleep 0.3
done
job=$(sbatch --parsable -o /dev/null --wrap true)
until [ -z "$(squeue -h -j "$job" -o %i 2>/dev/null)" ]; do
  [ $SECONDS -lt $deadline ] || { echo "slurm-up: a trivial job did not run" >&2; false; }
  sleep 0.3
done
trap - ERR
echo "slurm-up: one-node Slurm running ($cpus CPUs), files in $dir" >&2
echo "export SLURM_CONF=$SLURM_CONF"
