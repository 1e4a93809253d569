#!/usr/bin/env bash
# A real DNS server for the test suite: unbound on 127.0.0.28:53 serving the test zones in
# scripts/dns/zones.conf (local-data only; it recurses nowhere). See docs/mta-sts.md.
#
#   scripts/test-dns.sh start    install unbound (Debian) if missing, start it, wait until it answers
#   scripts/test-dns.sh stop     stop it (by PID)
#   scripts/test-dns.sh status   exit 0 when it runs and answers
#
# Idempotent: start leaves a running server alone unless the zones changed (then it restarts it).
# State: $SMTP_GATE_DNS_DIR (default /tmp/smtp-gate-dns). Needs root (port 53, apt-get).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
STATE=${SMTP_GATE_DNS_DIR:-/tmp/smtp-gate-dns}
ADDR=${SMTP_GATE_DNS_ADDR:-127.0.0.28}
PIDFILE=$STATE/unbound.pid
CONF=$STATE/unbound.conf
LOG=$STATE/unbound.log

log() { printf 'test-dns: %s\n' "$*" >&2; }
# shellcheck source=scripts/lib/process.sh
. "$here/lib/process.sh"
# shellcheck source=scripts/lib/apt.sh
. "$here/lib/apt.sh"
# "up" when the server answers a name of the test zones.
answers() { [ "$(dig +time=1 +tries=1 +short @"$ADDR" mta.smtp-gate.test A 2>/dev/null)" = 127.0.0.1 ]; }

install() {
  local missing=()
  command -v unbound >/dev/null || missing+=(unbound)
  command -v dig >/dev/null || missing+=(bind9-dnsutils)
  apt_install_quiet "${missing[@]}"
}

write_conf() {
  cat >"$CONF.tmp" <<CONF
server:
  interface: $ADDR
  port: 53
  do-ip6: no
  access-control: 127.0.0.0/8 allow
  username: ""
  chroot: ""
  directory: "$STATE"
  pidfile: "$PIDFILE"
  logfile: "$LOG"
  use-syslog: no
  do-daemonize: yes
  verbosity: 1
  # Nothing outside the test zones: no root hints are reachable, and none are wanted.
  do-not-query-localhost: yes
  module-config: "iterator"
  num-threads: 1
include: "$STATE/zones.conf"
CONF
  cp "$here/dns/zones.conf" "$STATE/zones.conf.new"
  mv "$CONF.tmp" "$CONF"
}

stop() {
  stop_pid unbound "$(read_pid "$PIDFILE")"
  rm -f "$PIDFILE"
}

case "${1:-}" in
  start)
    [ "$(id -u)" -eq 0 ] || { log "must run as root (port 53, apt-get)"; exit 1; }
    mkdir -p "$STATE"
    install
    write_conf
    if pid_alive "$(read_pid "$PIDFILE")" && cmp -s "$STATE/zones.conf.new" "$STATE/zones.conf" && answers; then
      rm -f "$STATE/zones.conf.new"; log "already running on $ADDR:53"; exit 0
    fi
    stop
    mv "$STATE/zones.conf.new" "$STATE/zones.conf"
    unbound-checkconf "$CONF" >/dev/null || { unbound-checkconf "$CONF" >&2; exit 1; }
    unbound -c "$CONF"
    for _ in $(seq 1 50); do answers && { log "unbound answers on $ADDR:53 (pid $(read_pid "$PIDFILE"))"; exit 0; }; sleep 0.1; done
    log "unbound did not answer on $ADDR:53; last lines of $LOG:"; tail -n 20 "$LOG" >&2 || true; exit 1
    ;;
  stop) stop ;;
  status)
    if pid_alive "$(read_pid "$PIDFILE")" && answers; then log "running (pid $(read_pid "$PIDFILE")) and answering on $ADDR:53"; exit 0; fi
    log "not running or not answering on $ADDR:53"; exit 1
    ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
