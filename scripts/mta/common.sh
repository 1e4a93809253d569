# Shared helpers for scripts/mta/SERVER.sh (sourced, never run). Each server script sets NAME
# before sourcing; everything it owns lives in $STATE/$NAME, the shared CA and server key in $STATE.
# shellcheck shell=bash

STATE=${SMTP_GATE_MTA_DIR:-/tmp/smtp-gate-mta}
SDIR=$STATE/${NAME:?set NAME before sourcing common.sh}
SLOG=$SDIR/$NAME.log             # the server's log and start-up output
TEST_DOMAIN=smtp-gate.test
TEST_USER=tester@smtp-gate.test
TEST_PASSWORD=smtp-gate-test-password
# shellcheck disable=SC2034 # used by the server scripts that source this file
TEST_HOSTNAME=mta.smtp-gate.test

log() { printf 'test-mta[%s]: %s\n' "$NAME" "$*" >&2; }
die() {
  log "$*"
  [ -f "$SLOG" ] && { log "last lines of $SLOG:"; tail -n 30 "$SLOG" >&2 || true; }
  log "full log: $SLOG"
  exit 1
}

need_root() { [ "$(id -u)" -eq 0 ] || die "must run as root (apt-get, daemons binding as root)"; }

# apt_lists, apt_install_quiet PACKAGE...
# shellcheck source=scripts/lib/apt.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib/apt.sh"

# Unpacks Debian packages into $STATE/root-$1 without installing them: Debian's MTAs all provide
# mail-transport-agent and conflict, so installing one removes Postfix. Only their library
# dependencies (lib*) are installed with apt. Prints the root. A stamp makes it a no-op next time.
private_root() {
  local name=$1; shift
  local root=$STATE/root-$name debs=$STATE/debs-$name stamp
  stamp="$*"
  if [ -f "$root/.unpacked" ] && [ "$(cat "$root/.unpacked")" = "$stamp" ]; then echo "$root"; return 0; fi
  apt_lists
  rm -rf "$root" "$debs"
  mkdir -p "$root" "$debs"
  # _apt cannot write into a root-owned dir under /tmp: download as root, on purpose.
  (cd "$debs" && apt-get download -o APT::Sandbox::User=root "$@" >>"$STATE/apt.log" 2>&1) ||
    { apt-get update -qq >>"$STATE/apt.log" 2>&1 && (cd "$debs" && apt-get download -o APT::Sandbox::User=root "$@" >>"$STATE/apt.log" 2>&1); } ||
    die "apt-get download $* failed (log: $STATE/apt.log)"
  local deb libs=() missing=() dep
  for deb in "$debs"/*.deb; do
    dpkg -x "$deb" "$root"
    # "libfoo (>= 1), a | b" -> the first alternative of each dependency, without its version.
    while read -r dep; do
      [[ $dep == lib* ]] && libs+=("$dep")
    done < <(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed -E 's/\|.*//; s/\(.*\)//; s/[[:space:]]//g')
  done
  for dep in "${libs[@]}"; do
    dpkg-query -W -f='${Status}' "$dep" 2>/dev/null | grep -q 'install ok installed' || missing+=("$dep")
  done
  apt_install_quiet "${missing[@]}"
  echo "$stamp" >"$root/.unpacked"
  echo "$root"
}

# The shared test CA ($STATE/ca.pem) and the server certificate every MTA uses: CN=localhost,
# SAN DNS:localhost, DNS:mta.smtp-gate.test, IP:127.0.0.1. Kept while valid for another day.
make_certs() {
  [ -s "$STATE/ca.pem" ] && [ -s "$STATE/server.pem" ] && [ -s "$STATE/server.key" ] &&
    openssl x509 -checkend 86400 -noout -in "$STATE/server.pem" >/dev/null 2>&1 && return 0
  command -v openssl >/dev/null 2>&1 || apt_install_quiet openssl
  local d=$STATE/certs
  rm -rf "$d" && mkdir -p "$d"
  cat >"$d/ext.cnf" <<'EOF'
[ v3_ca ]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[ v3_srv ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost,DNS:mta.smtp-gate.test,IP:127.0.0.1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EOF
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$d/ca.key" 2>/dev/null
  openssl req -x509 -new -key "$d/ca.key" -sha256 -days 365 -subj "/CN=smtp-gate test MTA CA" \
    -config "$d/ext.cnf" -extensions v3_ca -out "$d/ca.pem" 2>/dev/null
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$d/server.key" 2>/dev/null
  openssl req -new -key "$d/server.key" -subj "/CN=localhost" -out "$d/server.csr" 2>/dev/null
  openssl x509 -req -in "$d/server.csr" -CA "$d/ca.pem" -CAkey "$d/ca.key" -set_serial "0x$(openssl rand -hex 8)" \
    -sha256 -days 365 -extfile "$d/ext.cnf" -extensions v3_srv -out "$d/server.pem" 2>/dev/null
  install -m 644 "$d/ca.pem" "$STATE/ca.pem"
  install -m 644 "$d/server.pem" "$STATE/server.pem"
  install -m 600 "$d/server.key" "$STATE/server.key"
}

# The uid that owns delivered mail: the sudo caller (so tests run as that user can read the
# mailbox), else nobody. Postfix's virtual(8) refuses uids below 100.
mail_ids() {
  if [ -n "${SUDO_UID:-}" ] && [ "${SUDO_UID}" -ge 100 ]; then echo "${SUDO_UID} ${SUDO_GID:-$SUDO_UID}"
  else echo "$(id -u nobody) $(id -g nobody)"; fi
}

# "up" when the port answers with a 220 greeting: plain, after a TLS handshake with `tls`, or
# after a PROXY v1 header with `proxy` (a listener behind a balancer). QUIT goes at once so that
# the server closes and nothing waits for a timeout. READY_HOST: the address (default 127.0.0.1).
port_ready() {
  local port=$1 mode=${2:-plain} out host=${READY_HOST:-127.0.0.1} first=''
  [ "$mode" = proxy ] && first='PROXY TCP4 127.0.0.1 127.0.0.1 40000 25\r\n'
  if [ "$mode" = tls ]; then
    out=$(printf 'QUIT\r\n' | timeout 3 openssl s_client -connect "$host:$port" -CAfile "$STATE/ca.pem" -quiet 2>/dev/null || true)
  else
    out=$(timeout 3 bash -c "exec 3<>/dev/tcp/$host/$port && printf '${first}QUIT\r\n' >&3 && cat <&3" 2>/dev/null || true)
  fi
  [[ $out == 220* || $out == *$'\n'220* ]]
}

port_in_use() { timeout 1 bash -c "exec 3<>/dev/tcp/${READY_HOST:-127.0.0.1}/$1" 2>/dev/null; }

# Waits (at most SECS; 0: one look) until every "PORT", "PORT:tls" or "PORT:proxy" argument answers 220.
wait_ready() {
  local secs=$1; shift
  local deadline=$((SECONDS + secs)) p all
  for (( ; ; )); do
    all=1
    for p in "$@"; do port_ready "${p%%:*}" "$([[ $p == *:* ]] && echo "${p#*:}" || echo plain)" || { all=0; break; }; done
    [ $all -eq 1 ] && return 0
    [ $SECONDS -ge "$deadline" ] && return 1
    sleep 0.2
  done
}

# pid_alive, read_pid, stop_pid WHAT PID
# shellcheck source=scripts/lib/process.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib/process.sh"

# $SDIR/server.json (contract of test/support/mta-matrix.ts), written once the server answers.
# Args: product version starttls-port implicit-port|null mailbox-format mailbox-path
write_descriptor() {
  local product=$1 version=$2 starttls=$3 implicit=$4 format=$5 path=$6
  local v='null'
  [ -n "$version" ] && v="\"$version\""
  cat >"$SDIR/server.json.tmp" <<EOF
{"name":"$NAME","product":"$product","version":$v,"ports":{"starttls":$starttls,"implicit":$implicit},"domain":"$TEST_DOMAIN","user":"$TEST_USER","password":"$TEST_PASSWORD","localUsers":["$TEST_USER","postmaster@$TEST_DOMAIN"],"mailbox":{"format":"$format","path":"$path"}}
EOF
  chmod 644 "$SDIR/server.json.tmp"
  mv "$SDIR/server.json.tmp" "$SDIR/server.json"
}

# Entry point of each server script: dispatch to its cmd_start / cmd_stop / cmd_status.
server_main() {
  case "${1:-}" in
    start) need_root; mkdir -p "$SDIR"; chmod 755 "$STATE" "$SDIR"; : >>"$SLOG"; cmd_start ;;
    stop) cmd_stop; rm -f "$SDIR/server.json" ;;
    status) cmd_status ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
  esac
}

# --- One daemon per server, its pid in $PIDFILE, its listeners in PORTS ("2526" or "4651:tls") ---

# status: exit 0 when the daemon runs and every port answers 220.
daemon_status() {
  local name=$1 pid ok=0 p
  pid=$(read_pid "$PIDFILE")
  if pid_alive "$pid"; then log "$name running (pid $pid)"; else log "$name not running"; ok=1; fi
  if [ $ok -eq 0 ]; then
    for p in "${PORTS[@]}"; do
      if wait_ready 0 "$p"; then log "port ${p%%:*} ready"; else log "port ${p%%:*} not answering"; ok=1; fi
    done
  fi
  log "state: $SDIR  log: $SLOG"
  return $ok
}

daemon_stop() {
  stop_pid "$1" "$(read_pid "$PIDFILE")"
  rm -f "$PIDFILE"
}

# start, first part: true when already running and ready (nothing to do); otherwise stops a
# half-started previous run and forgets its descriptor.
daemon_already_running() {
  if pid_alive "$(read_pid "$PIDFILE")" && wait_ready 0 "${PORTS[@]}" && [ -f "$SDIR/server.json" ]; then
    log "already running (log: $SLOG)"
    return 0
  fi
  daemon_stop "$1"
  rm -f "$SDIR/server.json"
  return 1
}

# Dies when another process holds one of PORTS.
ports_free() {
  local p
  for p in "${PORTS[@]}"; do port_in_use "${p%%:*}" && die "port ${p%%:*} is already in use by another process"; done
  return 0
}
