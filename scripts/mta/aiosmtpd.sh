#!/usr/bin/env bash
# aiosmtpd (Debian's python3-aiosmtpd) as a test MTA on loopback (run through scripts/test-mta.sh;
# see docs/testing.md). The server itself is scripts/mta/aiosmtpd/server.py.
#
# Listeners (127.0.0.1 only):
#   2530  plain: STARTTLS required before MAIL/RCPT/AUTH (aiosmtpd's require_starttls)
#   4655  implicit TLS
# AUTH PLAIN/LOGIN only under TLS. tester@ and postmaster@smtp-gate.test have Maildirs under
# $STATE/aiosmtpd/mail/smtp-gate.test/; other local parts 550 5.1.1, other domains 550 5.7.1
# unless authenticated (then accepted and discarded): nothing leaves the host.
set -euo pipefail
NAME=aiosmtpd
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

HERE=$(cd "$(dirname "$0")" && pwd)
PY=/usr/bin/python3              # Debian's, where python3-aiosmtpd is (not a pyenv/venv python on PATH)
PIDFILE=$SDIR/server.pid
MAIL=$SDIR/mail
PLAIN=2530
IMPLICIT=4655
PORTS=("$PLAIN" "$IMPLICIT:tls")

installed() { [ -x "$PY" ] && "$PY" -c 'import aiosmtpd' 2>/dev/null; }

cmd_status() { daemon_status aiosmtpd; }

cmd_stop() { daemon_stop aiosmtpd; }

cmd_start() {
  local t0=$SECONDS uid gid pid
  daemon_already_running aiosmtpd && return 0
  installed || apt_install_quiet python3-aiosmtpd
  installed || die "python3-aiosmtpd is installed but $PY cannot import aiosmtpd"
  ports_free
  make_certs
  # The server runs unprivileged, as the owner of delivered mail (tests read the Maildir); it
  # gets its own copy of the key, which is root-only in $STATE.
  read -r uid gid < <(mail_ids)
  mkdir -p "$MAIL/$TEST_DOMAIN"
  install -o "$uid" -g "$gid" -m 600 "$STATE/server.key" "$SDIR/server.key"
  chown -R "$uid:$gid" "$MAIL"
  chown "$uid:$gid" "$SLOG"
  # setsid: its own session, so that a Ctrl-C in the caller's terminal does not reach it. In a
  # script a background job is no process-group leader, so setsid does not fork and $! is the
  # server's PID. Output to the log: an inherited stdout (a CI pipe) would never close.
  setsid setpriv --reuid="$uid" --regid="$gid" --clear-groups \
    "$PY" "$HERE/aiosmtpd/server.py" --dir "$SDIR" --cert "$STATE/server.pem" --key "$SDIR/server.key" \
    --plain-port $PLAIN --implicit-port $IMPLICIT </dev/null >>"$SLOG" 2>&1 &
  pid=$!
  echo "$pid" >"$PIDFILE"
  local deadline=$((SECONDS + 20))
  until wait_ready 0 "${PORTS[@]}"; do
    pid_alive "$pid" || die "aiosmtpd exited during start-up"
    [ $SECONDS -lt $deadline ] || die "ports ${PORTS[*]} not ready after 20 s"
    sleep 0.2
  done
  local version
  version=$("$PY" -c 'import aiosmtpd; print(aiosmtpd.__version__)')
  write_descriptor aiosmtpd "$version" $PLAIN $IMPLICIT maildir "$MAIL/$TEST_DOMAIN/tester"
  log "ready in $((SECONDS - t0)) s: 127.0.0.1 ports $PLAIN (STARTTLS) $IMPLICIT (TLS); user $TEST_USER; mail $MAIL/$TEST_DOMAIN; log $SLOG"
}

server_main "$@"
