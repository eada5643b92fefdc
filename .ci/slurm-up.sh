#!/usr/bin/env bash
# slurm-up.sh: start a one-node Slurm cluster on this machine, for the cluster tests and the
# benchmark that submit `sbatch` array jobs.
#
# Why by hand: these machines (Debian 12, root, no systemd) cannot `systemctl start` anything,
# and the tests need a real scheduler (arrays, afterok dependencies, failing tasks), not a stub.
#
# What: installs Debian's slurmctld, slurmd, slurm-client and munge if missing, then keeps every
# file (slurm.conf, munge key and socket, state, spool, logs, pid files) under ONE folder,
# $EDITION_SLURM_DIR (default /tmp/edition-slurm), and starts there
#   munged    as the munge user, its socket/pid/log in <folder>/munge (AuthInfo points Slurm at it),
#   slurmctld with <folder>/slurmctld.pid,
#   slurmd    as node `localhost` (`-N localhost`), with <folder>/slurmd.pid.
# It waits (at most $EDITION_SLURM_TIMEOUT s, default 30) until sinfo shows the node idle and a
# trivial `sbatch --wrap true` job has COMPLETED. The last line on stdout is
#   export SLURM_CONF=<folder>/slurm.conf
# (everything else goes to stderr), so use it as:
#   eval "$(.ci/slurm-up.sh | grep '^export SLURM_CONF=')"
# Idempotent: if the daemons of this folder are already running, it only prints that line.
# A stale folder of an earlier run (daemons dead) is cleaned and started afresh. If the start
# fails, it stops whatever it started (the logs are kept in the folder; slurm-down.sh removes it).
# Ports: slurmctld $EDITION_SLURM_PORT (default 6917), slurmd that + 1, so a system Slurm on the
# standard 6817/6818 is left alone. .ci/slurm-down.sh stops it. Needs root, or sudo.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dir=${EDITION_SLURM_DIR:-/tmp/edition-slurm}
case "$dir" in /*) ;; *) dir="$(pwd)/$dir" ;; esac   # slurm.conf needs absolute paths
dir=${dir%/}
[[ $dir =~ ^[A-Za-z0-9/._+-]+$ ]] || { echo "slurm-up: error: EDITION_SLURM_DIR '$dir' must be a path without spaces or special characters (slurm.conf cannot hold them)" >&2; exit 1; }
timeout=${EDITION_SLURM_TIMEOUT:-30}
port=${EDITION_SLURM_PORT:-6917}
conf="$dir/slurm.conf"
marker="$dir/.edition-slurm"   # slurm-down.sh removes only a folder that has it

say() { echo "slurm-up: $*" >&2; }
die() { say "error: $*"; exit 1; }

[ "$(uname -s)" = Linux ] || die "needs Linux (proctrack/linuxproc)"
if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
  as_munge() { runuser -u munge -- "$@"; }
else
  command -v sudo >/dev/null || die "needs root or sudo (slurmd must run as root to launch jobs)"
  SUDO=(sudo)
  as_munge() { sudo -u munge -- "$@"; }
fi
[[ $port =~ ^[0-9]+$ ]] || die "EDITION_SLURM_PORT must be a number, not '$port'"
[[ $timeout =~ ^[0-9]+$ ]] || die "EDITION_SLURM_TIMEOUT must be whole seconds, not '$timeout'"

# --- packages -----------------------------------------------------------------------------------
packages=(slurmctld slurmd slurm-client munge)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  "${SUDO[@]}" apt-get update -qq || die "apt-get update failed"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
fi
for b in /usr/sbin/munged /usr/sbin/mungekey /usr/sbin/slurmctld /usr/sbin/slurmd sinfo sbatch scontrol; do
  command -v "$b" >/dev/null || die "$b is missing after installing ${packages[*]}"
done
id munge >/dev/null 2>&1 || die "there is no munge user (the munge package creates it)"

# --- already up? --------------------------------------------------------------------------------
# shellcheck source=slurm-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/slurm-lib.sh"   # pid_of
up=0
pid_of munged "$dir/munge/munged.pid" >/dev/null && up=$((up + 1))
pid_of slurmctld "$dir/slurmctld.pid" >/dev/null && up=$((up + 1))
pid_of slurmd "$dir/slurmd.pid" >/dev/null && up=$((up + 1))
if [ $up -eq 3 ]; then
  say "already running from $dir"
  echo "export SLURM_CONF=$conf"
  exit 0
fi
if [ -e "$dir" ]; then
  if [ -f "$marker" ]; then
    say "$dir holds a stopped or half-running cluster ($up of 3 daemons alive): stopping it, starting afresh"
    EDITION_SLURM_DIR="$dir" "$here/slurm-down.sh" >&2 || die "could not clean $dir"
  elif [ -d "$dir" ] && [ -z "$(ls -A "$dir")" ]; then
    :
  else
    die "$dir exists and was not made by slurm-up.sh (no .edition-slurm in it); choose another EDITION_SLURM_DIR"
  fi
fi
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || (exec 3<>"/dev/tcp/127.0.0.1/$((port + 1))") 2>/dev/null; then
  die "port $port or $((port + 1)) is in use (another Slurm?); set EDITION_SLURM_PORT to a free pair"
fi

# --- from here on, a failure stops what was started --------------------------------------------
ok=""
on_exit() {
  [ -n "$ok" ] && return
  say "start failed; stopping what it started. Logs kept in $dir:"
  for log in munge/munged.log slurmctld.log slurmctld.stderr slurmd.log slurmd.stderr; do
    [ -s "$dir/$log" ] || continue
    echo "----- $dir/$log (last lines)" >&2
    "${SUDO[@]}" tail -n 15 "$dir/$log" >&2 || true
  done
  EDITION_SLURM_DIR="$dir" "$here/slurm-down.sh" --keep-files >&2 || true
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"${SUDO[@]}" mkdir -p "$dir"/{munge,state,spool}
"${SUDO[@]}" touch "$marker"
# munged refuses a socket folder that others cannot traverse, and the munge user must reach its
# folder whatever the caller's umask is.
"${SUDO[@]}" chmod 755 "$dir" "$dir/munge"
"${SUDO[@]}" chown munge:munge "$dir/munge"

# --- munged -------------------------------------------------------------------------------------
socket="$dir/munge/munge.socket"
key="$dir/munge/munge.key"
as_munge /usr/sbin/mungekey --create --keyfile="$key" || die "mungekey could not create $key"
as_munge /usr/sbin/munged --key-file="$key" --socket="$socket" --pid-file="$dir/munge/munged.pid" \
  --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/munged.seed" </dev/null >/dev/null \
  || die "munged did not start (see $dir/munge/munged.log)"
for _ in $(seq 50); do [ -S "$socket" ] && [ -s "$dir/munge/munged.pid" ] && break; sleep 0.1; done
[ -S "$socket" ] || die "munged made no socket at $socket within 5 s"
munge -n -S "$socket" | unmunge -S "$socket" >/dev/null || die "munge/unmunge through $socket failed"

# --- slurm.conf ---------------------------------------------------------------------------------
cpus=$(nproc)
hardware=$(slurmd -C 2>/dev/null | head -n 1 || true)
memory=$(sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p' <<<"$hardware")
[ -n "$memory" ] || { memory=1000; say "slurmd -C gave no RealMemory; using $memory MB"; }
# With CPUs alone slurmd logs "Node reconfigured socket/core boundaries": give the layout that
# slurmd -C found, when it has as many CPUs as nproc (it has fewer inside a CPU-limited sandbox).
layout=""
if [ "$(sed -n 's/.* CPUs=\([0-9]*\).*/\1/p' <<<"$hardware")" = "$cpus" ]; then
  layout=$(grep -o 'Boards=[0-9]* SocketsPerBoard=[0-9]* CoresPerSocket=[0-9]* ThreadsPerCore=[0-9]*' <<<"$hardware" || true)
fi
"${SUDO[@]}" tee "$conf" >/dev/null <<CONF
# Written by .ci/slurm-up.sh: a one-node cluster for edition's tests; .ci/slurm-down.sh removes it.
ClusterName=edition
SlurmctldHost=localhost
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
# Without this, Slurm looks for munged at /run/munge/munge.socket.2.
AuthInfo=socket=$socket
SlurmctldPort=$port
SlurmdPort=$((port + 1))
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
# No cgroups here: plain process tracking, no task binding, no MPI, no mail, no accounting.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
MailProg=/bin/true
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
# Start batch jobs at once, not after a few seconds.
SchedulerParameters=batch_sched_delay=0
# A job whose afterok parent failed is cancelled, not left pending forever.
DependencyParameters=kill_invalid_depend
# Reject at submission a job that can never run here (too many CPUs, too much memory).
EnforcePartLimits=ALL
ReturnToService=2
# Finished jobs stay visible to squeue/scontrol for 10 minutes (there is no sacct).
MinJobAge=600
# scancel: SIGKILL 5 s after SIGTERM (default 30 s), so slurm-down.sh is quick.
KillWait=5
MaxArraySize=10001
NodeName=localhost CPUs=$cpus${layout:+ $layout} RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF

# --- slurmctld, slurmd --------------------------------------------------------------------------
# Started from / with no terminal or pipe of ours: a daemon holding the caller's stdout open
# would hang `$(slurm-up.sh)`. What they print before their logs open goes to *.stderr.
start() {  # name args…
  local name=$1; shift
  # shellcheck disable=SC2016  # expanded by the inner bash
  "${SUDO[@]}" bash -c 'cd / && err=$1 && shift && exec "$@" </dev/null >/dev/null 2>"$err"' \
    _ "$dir/$name.stderr" env SLURM_CONF="$conf" "$@" \
    || die "$name did not start: $("${SUDO[@]}" tail -n 3 "$dir/$name.stderr" 2>/dev/null)"
}
start slurmctld /usr/sbin/slurmctld -f "$conf"
start slurmd /usr/sbin/slurmd -f "$conf" -N localhost
export SLURM_CONF="$conf"

started=$SECONDS
deadline=$((SECONDS + timeout))
state=""
until [[ $state =~ ^(idle|mixed|allocated)$ ]]; do
  [ $SECONDS -lt $deadline ] || die "node localhost not idle after ${timeout} s (sinfo: '${state:-no answer}')"
  if [ $((SECONDS - started)) -ge 3 ]; then  # each daemon has written its pid file by then
    pid_of slurmctld "$dir/slurmctld.pid" >/dev/null || die "slurmctld is not running"
    pid_of slurmd "$dir/slurmd.pid" >/dev/null || die "slurmd is not running"
  fi
  sleep 0.2
  state=$(sinfo -h -n localhost -o %T 2>/dev/null || true)
done
job=$(cd / && sbatch --parsable -J slurm-up-check -o /dev/null -e /dev/null --wrap true 2>&1) \
  || die "sbatch of a trivial job failed: $job"
job=${job%%;*}
while :; do
  jstate=$(scontrol -o show job "$job" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p' || true)
  case "$jstate" in
    COMPLETED) break ;;
    FAILED | CANCELLED | TIMEOUT | NODE_FAIL | BOOT_FAIL | OUT_OF_MEMORY | DEADLINE | PREEMPTED)
      die "the trivial job $job ended $jstate: $(scontrol -o show job "$job" 2>&1 | grep -o 'Reason=[^ ]*')" ;;
  esac
  [ $SECONDS -lt $deadline ] || die "the trivial job $job did not complete within ${timeout} s (state '${jstate:-unknown}')"
  sleep 0.2
done
ok=yes
say "one-node Slurm running ($cpus CPUs, ${memory} MB, port $port), files in $dir"
echo "export SLURM_CONF=$conf"
