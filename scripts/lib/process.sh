# Process helpers shared by the test-server scripts (scripts/mta/common.sh, test-dns.sh,
# test-mta-sts.sh, test-dnssec.sh): sourced, never run. The sourcing script defines log().
# shellcheck shell=bash

pid_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }
# The first line of a pid file (Sendmail's second line is its command line).
read_pid() { if [ -f "$1" ]; then head -n 1 "$1" | tr -cd '0-9'; fi; }

# stop_pid WHAT PID: TERM, then KILL if it has not gone after 5 s. Nothing to do for a dead PID.
stop_pid() {
  local what=$1 pid=$2 _
  pid_alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do pid_alive "$pid" || { log "stopped $what (pid $pid)"; return 0; }; sleep 0.1; done
  log "$what (pid $pid) did not stop in 5 s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
}
