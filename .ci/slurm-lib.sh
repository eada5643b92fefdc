# Shared by slurm-up.sh and slurm-down.sh (sourced; needs $dir, the cluster's folder).

# The pid in <pidfile> if that process is alive, is <name>, and was started for this folder.
pid_of() {
  local pid
  pid=$(cat "$2" 2>/dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$1" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$dir/" || return 1
  echo "$pid"
}
