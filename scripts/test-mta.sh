#!/usr/bin/env bash
# A real Postfix (+ Dovecot SASL) on loopback for smtp-gate's real-server suite (test/mta).
#
#   scripts/test-mta.sh start    install (Debian packages, when missing), configure, start, wait until ready
#   scripts/test-mta.sh stop     stop the daemons (by PID)
#   scripts/test-mta.sh status   exit 0 when running and answering
#
# Listeners (127.0.0.1 only):
#   2525  plain, STARTTLS and AUTH optional
#   4650  implicit TLS, AUTH optional
#   5870  submission: STARTTLS required before MAIL/AUTH, AUTH required to send
# Test domain smtp-gate.test: tester@smtp-gate.test (password below) and postmaster@smtp-gate.test
# have Maildirs under $STATE/mail/smtp-gate.test/; everything else is refused as relay, and
# relayed mail (authenticated clients) is discarded: nothing leaves the host.
#
# Everything lives in one state dir; the system's /etc/postfix and /etc/dovecot are not touched.
# Needs root (apt-get, Postfix's master).
set -euo pipefail

STATE=${SMTP_GATE_MTA_DIR:-/tmp/smtp-gate-mta}
PF_CONF=$STATE/postfix           # postfix -c
PF_QUEUE=$STATE/spool            # queue_directory (private/auth lives here)
PF_DATA=$STATE/data
DC_CONF=$STATE/dovecot
DC_RUN=$STATE/dovecot-run        # base_dir (wiped before each start: a stale anvil socket stalls AUTH 5 s)
MAIL=$STATE/mail
LOG=$STATE/mta.log               # both daemons' logs and start-up output
TEST_DOMAIN=smtp-gate.test
TEST_USER=tester@smtp-gate.test
TEST_PASSWORD=smtp-gate-test-password
PORTS=(2525 4650 5870)

log() { printf 'test-mta: %s\n' "$*" >&2; }
die() {
  log "$*"
  [ -f "$LOG" ] && { log "last lines of $LOG:"; tail -n 30 "$LOG" >&2 || true; }
  log "full log: $LOG"
  exit 1
}

need_root() { [ "$(id -u)" -eq 0 ] || die "must run as root (apt-get, Postfix master)"; }

install_packages() {
  local missing=()
  command -v postfix >/dev/null 2>&1 || [ -x /usr/sbin/postfix ] || missing+=(postfix)
  [ -x /usr/sbin/dovecot ] || missing+=(dovecot-core)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  # Packages must not start daemons of their own; keep an existing policy-rc.d as it is.
  local own_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    own_policy=1
  fi
  # shellcheck disable=SC2064
  trap "[ $own_policy -eq 1 ] && rm -f /usr/sbin/policy-rc.d" EXIT
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$STATE/apt.log" 2>&1 ||
    { tail -n 30 "$STATE/apt.log" >&2; die "apt-get install failed (log: $STATE/apt.log)"; }
  if [ $own_policy -eq 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
  trap - EXIT
}

# The uid that owns delivered mail: the sudo caller (so tests run as that user can read the
# Maildir), else nobody. Postfix's virtual(8) refuses uids below 100.
mail_ids() {
  if [ -n "${SUDO_UID:-}" ] && [ "${SUDO_UID}" -ge 100 ]; then echo "${SUDO_UID} ${SUDO_GID:-$SUDO_UID}"
  else echo "$(id -u nobody) $(id -g nobody)"; fi
}

make_certs() {
  [ -s "$STATE/ca.pem" ] && [ -s "$STATE/server.pem" ] && [ -s "$STATE/server.key" ] &&
    openssl x509 -checkend 86400 -noout -in "$STATE/server.pem" >/dev/null 2>&1 && return 0
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

write_dovecot() {
  mkdir -p "$DC_CONF"
  printf '%s:{PLAIN}%s\n' "$TEST_USER" "$TEST_PASSWORD" >"$DC_CONF/passwd"
  chown root:dovecot "$DC_CONF/passwd"
  chmod 640 "$DC_CONF/passwd"
  cat >"$DC_CONF/dovecot.conf" <<EOF
# smtp-gate test MTA: SASL for Postfix only, no IMAP/POP.
protocols = none
base_dir = $DC_RUN
state_dir = $DC_CONF/state
log_path = $LOG
info_log_path = $LOG
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $DC_CONF/passwd
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=/nonexistent
}
service auth {
  unix_listener $PF_QUEUE/private/auth {
    mode = 0660
    user = postfix
    group = postfix
  }
}
EOF
  mkdir -p "$DC_CONF/state"
}

write_postfix() {
  local uid gid
  read -r uid gid < <(mail_ids)
  mkdir -p "$PF_CONF" "$PF_QUEUE" "$PF_DATA" "$MAIL/$TEST_DOMAIN"
  chown -R "$uid:$gid" "$MAIL"
  chown postfix "$PF_DATA"
  cat >"$PF_CONF/main.cf" <<EOF
# smtp-gate test MTA (generated by scripts/test-mta.sh; edits are overwritten)
compatibility_level = 3.6
queue_directory = $PF_QUEUE
data_directory = $PF_DATA
myhostname = mta.smtp-gate.test
mydomain = smtp-gate.test
myorigin = mta.smtp-gate.test
mydestination =
mynetworks = 127.0.0.0/8
inet_interfaces = loopback-only
inet_protocols = ipv4
maillog_file_prefixes = $STATE
maillog_file = $LOG
smtpd_banner = \$myhostname ESMTP smtp-gate test MTA
biff = no
alias_maps =
alias_database =
local_recipient_maps =
smtpd_peername_lookup = no
smtpd_error_sleep_time = 0s
smtpd_soft_error_limit = 100
smtpd_hard_error_limit = 200
smtputf8_enable = no

# Mailboxes for the test domain; everything else is refused as relay (554 5.7.1) or discarded.
virtual_mailbox_domains = $TEST_DOMAIN
virtual_mailbox_base = $MAIL
virtual_mailbox_maps = hash:$PF_CONF/vmailbox
virtual_uid_maps = static:$uid
virtual_gid_maps = static:$gid
virtual_minimum_uid = 100
default_transport = discard
relay_transport = discard
smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination
smtpd_recipient_restrictions =

# TLS and SASL (the listeners in master.cf choose what is required).
smtpd_tls_chain_files = $STATE/server.key, $STATE/server.pem
smtpd_tls_security_level = may
smtpd_tls_loglevel = 0
smtpd_sasl_type = dovecot
smtpd_sasl_path = private/auth
smtpd_sasl_auth_enable = yes
smtpd_tls_auth_only = no
broken_sasl_auth_clients = no
EOF
  cat >"$PF_CONF/master.cf" <<'EOF'
# service     type  private unpriv  chroot  wakeup  maxproc command + args
127.0.0.1:2525 inet n       -       n       -       -       smtpd
127.0.0.1:4650 inet n       -       n       -       -       smtpd
  -o smtpd_tls_wrappermode=yes
  -o smtpd_tls_security_level=encrypt
127.0.0.1:5870 inet n       -       n       -       -       smtpd
  -o smtpd_tls_security_level=encrypt
  -o smtpd_tls_auth_only=yes
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject
pickup      unix  n       -       n       60      1       pickup
cleanup     unix  n       -       n       -       0       cleanup
qmgr        unix  n       -       n       300     1       qmgr
tlsmgr      unix  -       -       n       1000?   1       tlsmgr
rewrite     unix  -       -       n       -       -       trivial-rewrite
bounce      unix  -       -       n       -       0       bounce
defer       unix  -       -       n       -       0       bounce
trace       unix  -       -       n       -       0       bounce
verify      unix  -       -       n       -       1       verify
flush       unix  n       -       n       1000?   0       flush
proxymap    unix  -       -       n       -       -       proxymap
proxywrite  unix  -       -       n       -       1       proxymap
smtp        unix  -       -       n       -       -       smtp
relay       unix  -       -       n       -       -       smtp
showq       unix  n       -       n       -       -       showq
error       unix  -       -       n       -       -       error
retry       unix  -       -       n       -       -       error
discard     unix  -       -       n       -       -       discard
local       unix  -       n       n       -       -       local
virtual     unix  -       n       n       -       -       virtual
lmtp        unix  -       -       n       -       -       lmtp
anvil       unix  -       -       n       -       1       anvil
scache      unix  -       -       n       -       1       scache
postlog     unix-dgram n  -       n       -       1       postlogd
EOF
  printf '%s %s/tester/\npostmaster@%s %s/postmaster/\n' "$TEST_USER" "$TEST_DOMAIN" "$TEST_DOMAIN" "$TEST_DOMAIN" >"$PF_CONF/vmailbox"
  # main.cf must look older than the map it configures, or Postfix warns and may reload it.
  touch -d '-10 seconds' "$PF_CONF/main.cf" "$PF_CONF/master.cf"
  postmap -c "$PF_CONF" "hash:$PF_CONF/vmailbox"
  : >>"$LOG"
  chmod 644 "$LOG"
}

# "up" when the port answers with a 220 greeting (plain), after a TLS handshake for 4650. QUIT is
# sent at once so that the server closes and nothing waits for a timeout.
port_ready() {
  local port=$1 out
  if [ "$port" = 4650 ]; then
    out=$(printf 'QUIT\r\n' | timeout 3 openssl s_client -connect "127.0.0.1:$port" -CAfile "$STATE/ca.pem" -quiet 2>/dev/null || true)
  else
    out=$(timeout 3 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port && printf 'QUIT\r\n' >&3 && cat <&3" 2>/dev/null || true)
  fi
  [[ $out == 220* || $out == *$'\n'220* ]]
}

pid_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }
postfix_pid() { [ -f "$PF_QUEUE/pid/master.pid" ] && tr -d ' \n' <"$PF_QUEUE/pid/master.pid" || true; }
dovecot_pid() { [ -f "$DC_RUN/master.pid" ] && tr -d ' \n' <"$DC_RUN/master.pid" || true; }

all_ready() {
  local p
  for p in "${PORTS[@]}"; do port_ready "$p" || return 1; done
}

cmd_status() {
  local pf dc ok=0
  pf=$(postfix_pid); dc=$(dovecot_pid)
  if pid_alive "$pf"; then log "postfix master running (pid $pf)"; else log "postfix not running"; ok=1; fi
  if pid_alive "$dc"; then log "dovecot running (pid $dc)"; else log "dovecot not running"; ok=1; fi
  if [ $ok -eq 0 ]; then
    local p
    for p in "${PORTS[@]}"; do
      if port_ready "$p"; then log "port $p ready"; else log "port $p not answering"; ok=1; fi
    done
  fi
  log "state: $STATE  CA: $STATE/ca.pem  log: $LOG"
  return $ok
}

stop_pid() {
  local name=$1 pid=$2 i
  pid_alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 50); do pid_alive "$pid" || { log "stopped $name (pid $pid)"; return 0; }; sleep 0.1; done
  log "$name (pid $pid) did not stop in 5 s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
}

cmd_stop() {
  stop_pid postfix "$(postfix_pid)"
  stop_pid dovecot "$(dovecot_pid)"
  rm -f "$PF_QUEUE/pid/master.pid"
}

cmd_start() {
  need_root
  local t0=$SECONDS
  if pid_alive "$(postfix_pid)" && pid_alive "$(dovecot_pid)" && all_ready; then
    log "already running (CA: $STATE/ca.pem, log: $LOG)"
    return 0
  fi
  cmd_stop   # a half-started previous run
  mkdir -p "$STATE"
  chmod 755 "$STATE"
  install_packages
  for p in "${PORTS[@]}"; do
    if timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$p" 2>/dev/null; then
      die "port $p is already in use by another process"
    fi
  done
  make_certs
  write_postfix
  write_dovecot
  # Creates the queue's directories with Postfix's own ownerships.
  postfix -c "$PF_CONF" check >>"$LOG" 2>&1 || die "postfix check failed"
  rm -rf "$DC_RUN"
  mkdir -p "$PF_QUEUE/private"
  # Output to the log: an inherited stdout (a CI pipe) would never close.
  dovecot -c "$DC_CONF/dovecot.conf" </dev/null >>"$LOG" 2>&1 || die "dovecot did not start"
  postfix -c "$PF_CONF" start </dev/null >>"$LOG" 2>&1 || die "postfix did not start"
  local deadline=$((SECONDS + 30))
  while [ $SECONDS -lt $deadline ]; do
    if all_ready; then
      log "ready in $((SECONDS - t0)) s: 127.0.0.1 ports ${PORTS[*]}; CA $STATE/ca.pem; user $TEST_USER; mail $MAIL/$TEST_DOMAIN; log $LOG"
      return 0
    fi
    sleep 0.2
  done
  die "ports ${PORTS[*]} not ready after 30 s"
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
