#!/usr/bin/env bash
# Real MTAs on loopback for smtp-gate's real-server suite (test/mta). See docs/testing.md.
#
#   scripts/test-mta.sh start  [SERVER...]   install/unpack, configure, start, wait until each answers
#   scripts/test-mta.sh stop   [SERVER...]   stop them (by PID)
#   scripts/test-mta.sh status [SERVER...]   exit 0 when every one runs and answers
#
# SERVER is one of postfix exim sendmail opensmtpd haraka aiosmtpd with a script in scripts/mta/;
# default: all of them. Each runs `scripts/mta/SERVER.sh start|stop|status`, one after the other.
# `start` writes $STATE/expected-servers (the servers it started): the matrix test fails, under
# SMTP_GATE_REQUIRE_MTA=1, when one of them has no descriptor or does not answer.
# State: $SMTP_GATE_MTA_DIR (default /tmp/smtp-gate-mta). Needs root.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
STATE=${SMTP_GATE_MTA_DIR:-/tmp/smtp-gate-mta}
ALL=(postfix exim sendmail opensmtpd haraka aiosmtpd)

cmd=${1:-}
case "$cmd" in
  start | stop | status) shift ;;
  *) echo "usage: $0 start|stop|status [SERVER...]   (servers: ${ALL[*]})" >&2; exit 2 ;;
esac

servers=()
if [ $# -gt 0 ]; then
  for s in "$@"; do
    [ -x "$here/mta/$s.sh" ] || { echo "test-mta: no server script scripts/mta/$s.sh" >&2; exit 2; }
    servers+=("$s")
  done
else
  for s in "${ALL[@]}"; do [ -x "$here/mta/$s.sh" ] && servers+=("$s"); done
fi

status=0
case "$cmd" in
  start)
    mkdir -p "$STATE"
    chmod 755 "$STATE"
    started=()
    t0=$SECONDS
    for s in "${servers[@]}"; do
      if "$here/mta/$s.sh" start; then started+=("$s"); else status=1; echo "test-mta: $s did not start" >&2; fi
    done
    # Every server asked for is expected, started or not: a failed start must fail the matrix.
    printf '%s\n' "${servers[@]}" >"$STATE/expected-servers"
    chmod 644 "$STATE/expected-servers"
    echo "test-mta: started ${started[*]:-nothing} in $((SECONDS - t0)) s (state $STATE, CA $STATE/ca.pem)" >&2
    ;;
  stop)
    for s in "${servers[@]}"; do "$here/mta/$s.sh" stop || status=1; done
    ;;
  status)
    for s in "${servers[@]}"; do "$here/mta/$s.sh" status || status=1; done
    ;;
esac
exit $status
