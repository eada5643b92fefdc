# Sourced by Benchmarks/serve.sh and .ci/fuzz-api.sh: one way to start and stop `edition serve`.
# Needs $edition (the binary). start_server DATA [serve options…] makes a token and a server on a
# free port over DATA, and sets $token, $base and $server_pid; stop_server sends SIGTERM (the
# server drains), kills it 30 s later if it is still running, and says which in $stopped_after.
server_pid=
stopped_after=

start_server() {
  local data=$1; shift
  token=$("$edition" token add bench --data "$data" 2>/dev/null)
  : >"$data.out"
  "$edition" serve --data "$data" --port 0 "$@" >"$data.out" 2>"$data.err" &
  server_pid=$!
  base=
  for _ in $(seq 300); do
    base=$(sed -n 's|^edition serve: listening on \(http://[^ ]*\).*|\1|p' "$data.out")
    [ -n "$base" ] && return
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "$(basename "$0"): the server did not start:" >&2; cat "$data.err" >&2; exit 1
}

stop_server() {
  [ -n "$server_pid" ] || return 0
  local start; start=$(date +%s.%N)
  kill -TERM "$server_pid" 2>/dev/null || true
  for _ in $(seq 300); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$server_pid" 2>/dev/null; then
    kill -KILL "$server_pid" 2>/dev/null || true
    stopped_after="still running 30 s after SIGTERM: killed"
    echo "$(basename "$0"): the server was $stopped_after" >&2
  else
    stopped_after=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f} s after SIGTERM')" "$start" "$(date +%s.%N)")
  fi
  wait "$server_pid" 2>/dev/null || true
  server_pid=
}
