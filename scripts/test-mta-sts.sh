#!/usr/bin/env bash
# The MTA-STS suite's servers (test/mta-sts/, docs/mta-sts.md), beside the DNS server of
# scripts/test-dns.sh and the real MTAs of scripts/test-mta.sh:
#   - nginx (Debian, its own prefix and pid file, not the system's service) on 127.0.0.28:443
#     serving https://mta-sts.<domain>/.well-known/mta-sts.txt for the test domains, one policy
#     fault per domain (redirect, 404, over 64 KiB, slow);
#   - three small STARTTLS SMTP fronts (scripts/mta-sts/tls-front.py, Debian's python3-aiosmtpd):
#     127.0.0.129:2525 accepts TLS 1.0 and sends no intermediate; 127.0.0.130:2525 holds an RSA and
#     an ECDSA certificate; 127.0.0.131:2525 names the MX hosts of wild.sts.dane.test;
#   - the policies of the paths under *.sts.dane.test (test/mta-sts/paths.test.ts), whose DNS is
#     the signed zone of scripts/test-dnssec.sh (resolver 127.0.0.29): a wrong Content-Type, a
#     certificate that does not name the policy host, mx patterns, mode none and testing, a blank
#     line, max_age over a year;
#   - a private CA (root → intermediate → leaves); $STATE/ca-bundle.pem is that root plus the
#     MTAs' CA (/tmp/smtp-gate-mta/ca.pem), the file the tests pass as `ca`.
#
#   scripts/test-mta-sts.sh start|stop|status      idempotent; stopped by PID. Needs root (port 443).
# State: $SMTP_GATE_STS_DIR (default /tmp/smtp-gate-mta-sts).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
STATE=${SMTP_GATE_STS_DIR:-/tmp/smtp-gate-mta-sts}
MTA_CA=${SMTP_GATE_MTA_DIR:-/tmp/smtp-gate-mta}/ca.pem
WEB=127.0.0.28
FRONTS=("legacy 127.0.0.129 1.0" "dual 127.0.0.130 1.2" "paths 127.0.0.131 1.2")
DOMAINS=(good missing wrongname testing redirect notfound big slow badid twotxt plain legacy dual)
# The paths of test/mta-sts/paths.test.ts: <name>.sts.dane.test (DNS: scripts/test-dnssec.sh).
PATHS=(ctype certname wild none testmx blank maxage txtext txtspace)
PYTHON=/usr/bin/python3   # Debian's, where python3-aiosmtpd is

log() { printf 'test-mta-sts: %s\n' "$*" >&2; }
# shellcheck source=scripts/lib/process.sh
. "$here/lib/process.sh"
# shellcheck source=scripts/lib/apt.sh
. "$here/lib/apt.sh"

install() {
  local missing=()
  command -v nginx >/dev/null || missing+=(nginx)
  command -v testssl >/dev/null || missing+=(testssl.sh)
  command -v curl >/dev/null || missing+=(curl)
  "$PYTHON" -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
  apt_install_quiet "${missing[@]}"
}

# leaf NAME KEYTYPE SAN...: a leaf signed by the intermediate; KEYTYPE rsa or ec.
leaf() {
  local name=$1 type=$2; shift 2
  local sans="" n
  for n in "$@"; do sans+="${sans:+,}DNS:$n"; done
  if [ "$type" = ec ]; then openssl ecparam -name prime256v1 -genkey -noout -out "$STATE/certs/$name.key" 2>/dev/null
  else openssl genrsa -out "$STATE/certs/$name.key" 2048 2>/dev/null; fi
  openssl req -new -key "$STATE/certs/$name.key" -subj "/CN=$1" -out "$STATE/certs/$name.csr" 2>/dev/null
  printf 'subjectAltName=%s\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n' "$sans" >"$STATE/certs/$name.ext"
  openssl x509 -req -in "$STATE/certs/$name.csr" -CA "$STATE/certs/intermediate.pem" -CAkey "$STATE/certs/intermediate.key" \
    -CAcreateserial -days 365 -sha256 -extfile "$STATE/certs/$name.ext" -out "$STATE/certs/$name.pem" 2>/dev/null
  cat "$STATE/certs/$name.pem" "$STATE/certs/intermediate.pem" >"$STATE/certs/$name.chain.pem"
}

make_certs() {
  if [ -f "$STATE/certs/done" ] && openssl x509 -checkend 2592000 -noout -in "$STATE/certs/web.pem" >/dev/null 2>&1; then return 0; fi
  rm -rf "$STATE/certs"; mkdir -p "$STATE/certs"
  local c=$STATE/certs
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$c/root.key" -out "$c/root.pem" -days 3650 -subj "/CN=smtp-gate MTA-STS test root" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
  openssl req -new -newkey rsa:2048 -nodes -keyout "$c/intermediate.key" -out "$c/intermediate.csr" -subj "/CN=smtp-gate MTA-STS test intermediate" 2>/dev/null
  printf 'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\n' >"$c/intermediate.ext"
  openssl x509 -req -in "$c/intermediate.csr" -CA "$c/root.pem" -CAkey "$c/root.key" -CAcreateserial -days 3650 -sha256 -extfile "$c/intermediate.ext" -out "$c/intermediate.pem" 2>/dev/null
  local names=() d
  for d in "${DOMAINS[@]}"; do names+=("mta-sts.$d.sts.test"); done
  leaf web rsa "${names[@]}"
  leaf legacy rsa mx.legacy.sts.test
  leaf dual-rsa rsa mx.dual.sts.test
  leaf dual-ec ec mx.dual.sts.test
  chmod 644 "$c"/*
  touch "$c/done"
}

# Leaves added after the CA was made: generated when missing or when their names changed, so a
# running suite keeps its root (ca-bundle.pem stays valid for tests in flight).
# extra_leaf NAME KEYTYPE SAN...
extra_leaf() {
  local name=$1
  if [ -f "$STATE/certs/$name.pem" ] && [ "$(cat "$STATE/certs/$name.names" 2>/dev/null)" = "$*" ]; then return 0; fi
  leaf "$@"
  printf '%s' "$*" >"$STATE/certs/$name.names"
  chmod 644 "$STATE/certs/$name".*
}

path_certs() {
  local names=() d
  for d in "${PATHS[@]}"; do [ "$d" = certname ] || names+=("mta-sts.$d.sts.dane.test"); done
  extra_leaf paths-web rsa "${names[@]}"
  # A certificate for the web site, not for the policy host: the fetch must fail (RFC 8461 §3.3).
  extra_leaf paths-www rsa www.certname.sts.dane.test certname.sts.dane.test
  extra_leaf paths-mx rsa mx.wild.sts.dane.test a.b.wild.sts.dane.test wild.sts.dane.test
}

# The policies: one directory per domain, served as that domain's mta-sts host.
write_site() {
  local www=$STATE/www d
  rm -rf "$www"; mkdir -p "$www"
  policy() { mkdir -p "$www/$1/.well-known"; printf '%s' "$2" >"$www/$1/.well-known/mta-sts.txt"; }
  policy good $'version: STSv1\r\nmode: enforce\r\nmx: mta.smtp-gate.test\r\nmax_age: 604800\r\n'
  policy missing $'version: STSv1\nmode: enforce\nmx: mta.smtp-gate.test\nmx: *.old.sts.test\nmax_age: 86400\n'
  policy wrongname $'version: STSv1\nmode: enforce\nmx: *.wrongname.sts.test\nmax_age: 86400\n'
  policy testing $'version: STSv1\nmode: testing\nmx: mx.testing.sts.test\nmax_age: 86400\n'
  policy badid $'version: STSv1\nmode: enforce\nmx: mta.smtp-gate.test\nmax_age: 86400\n'
  policy twotxt $'version: STSv1\nmode: enforce\nmx: mta.smtp-gate.test\nmax_age: 86400\n'
  policy legacy $'version: STSv1\nmode: enforce\nmx: mx.legacy.sts.test\nmax_age: 86400\n'
  policy dual $'version: STSv1\nmode: enforce\nmx: mx.dual.sts.test\nmax_age: 86400\n'
  # The paths (*.sts.dane.test). MX localhost is Postfix; its certificate names localhost.
  policy dane-ctype $'version: STSv1\nmode: enforce\nmx: localhost\nmax_age: 86400\n'
  policy dane-certname $'version: STSv1\nmode: enforce\nmx: localhost\nmax_age: 86400\n'
  policy dane-wild $'version: STSv1\nmode: enforce\nmx: *.wild.sts.dane.test\nmax_age: 86400\n'
  policy dane-none $'version: STSv1\nmode: none\nmax_age: 86400\n'
  policy dane-testmx $'version: STSv1\nmode: testing\nmx: mx.elsewhere.sts.dane.test\nmax_age: 86400\n'
  # Ends with an empty line (an editor's or a template's trailing newline).
  policy dane-blank $'version: STSv1\nmode: enforce\nmx: localhost\nmax_age: 86400\n\n'
  policy dane-maxage $'version: STSv1\nmode: enforce\nmx: localhost\nmax_age: 31557601\n'
  policy dane-txtext $'version: STSv1\nmode: enforce\nmx: localhost\nmax_age: 86400\n'
  policy dane-txtspace $'version: STSv1\nmode: enforce\nmx: localhost\nmax_age: 86400\n'
  # Over the 64 KiB senders read (RFC 8461 §3.3 leaves the cap to them; 64 KiB is common):
  # a valid policy padded with unknown fields, which a parser would ignore.
  { printf 'version: STSv1\nmode: enforce\nmx: mta.smtp-gate.test\nmax_age: 86400\n'
    for _ in $(seq 1 1200); do printf 'x-padding: %s\n' "0123456789012345678901234567890123456789012345678901"; done; } >"$www/big.txt"
  policy big "$(cat "$www/big.txt")"
  # Slow: served at 1 byte a second.
  policy slow $'version: STSv1\nmode: enforce\nmx: mta.smtp-gate.test\nmax_age: 86400\n'
  chmod -R a+rX "$www"
}

nginx_conf() {
  local n=$STATE/nginx d servers=""
  mkdir -p "$n/logs" "$n/tmp"
  for d in "${DOMAINS[@]}"; do
    local extra=""
    case $d in
      redirect) extra="location = /.well-known/mta-sts.txt { return 301 https://mta-sts.good.sts.test/.well-known/mta-sts.txt; }" ;;
      notfound) extra="location = /.well-known/mta-sts.txt { return 404; }" ;;
      slow) extra="location = /.well-known/mta-sts.txt { limit_rate 1; }" ;;
    esac
    servers+="
  server {
    listen $WEB:443 ssl;
    server_name mta-sts.$d.sts.test;
    root $STATE/www/$d;
    $extra
  }"
  done
  for d in "${PATHS[@]}"; do
    local cert=paths-web extra=""
    case $d in
      ctype) extra="location = /.well-known/mta-sts.txt { types { } default_type text/html; }" ;;
      certname) cert=paths-www ;;
    esac
    servers+="
  server {
    listen $WEB:443 ssl;
    server_name mta-sts.$d.sts.dane.test;
    root $STATE/www/dane-$d;
    ssl_certificate $STATE/certs/$cert.chain.pem;
    ssl_certificate_key $STATE/certs/$cert.key;
    $extra
  }"
  done
  cat >"$n/nginx.conf" <<CONF
# smtp-gate's MTA-STS policy host (scripts/test-mta-sts.sh); not the system's nginx.
daemon on;
pid $n/nginx.pid;
error_log $n/logs/error.log;
worker_processes 1;
user nobody nogroup;
events { worker_connections 64; }
http {
  access_log $n/logs/access.log;
  client_body_temp_path $n/tmp/body;
  proxy_temp_path $n/tmp/proxy;
  fastcgi_temp_path $n/tmp/fastcgi;
  uwsgi_temp_path $n/tmp/uwsgi;
  scgi_temp_path $n/tmp/scgi;
  types { text/plain txt; }
  default_type application/octet-stream;
  sendfile off;
  ssl_certificate $STATE/certs/web.chain.pem;
  ssl_certificate_key $STATE/certs/web.key;
  server { listen $WEB:443 ssl default_server; return 421; }
$servers
}
CONF
}

web_answers() { curl -sf --max-time 3 --cacert "$STATE/certs/root.pem" --resolve "mta-sts.good.sts.test:443:$WEB" https://mta-sts.good.sts.test/.well-known/mta-sts.txt >/dev/null 2>&1; }
front_answers() { [[ $(timeout 3 bash -c "exec 3<>/dev/tcp/$1/2525 && printf 'QUIT\r\n' >&3 && cat <&3" 2>/dev/null || true) == 220* ]]; }

start_fronts() {
  local f name addr min pairs
  for f in "${FRONTS[@]}"; do
    read -r name addr min <<<"$f"
    case $name in
      legacy) pairs=("$STATE/certs/legacy.pem:$STATE/certs/legacy.key") ;;   # the leaf alone: no intermediate
      dual) pairs=("$STATE/certs/dual-rsa.chain.pem:$STATE/certs/dual-rsa.key" "$STATE/certs/dual-ec.chain.pem:$STATE/certs/dual-ec.key") ;;
      paths) pairs=("$STATE/certs/paths-mx.chain.pem:$STATE/certs/paths-mx.key") ;;
    esac
    # A running front keeps its certificates unless they were renewed since it started.
    local renewed="" p
    for p in "${pairs[@]}"; do [ "${p%%:*}" -nt "$STATE/front-$name.pid" ] && renewed=1; done
    if [ -z "$renewed" ] && pid_alive "$(read_pid "$STATE/front-$name.pid")" && front_answers "$addr"; then continue; fi
    stop_pid "the $name front" "$(read_pid "$STATE/front-$name.pid")"
    "$PYTHON" "$here/mta-sts/tls-front.py" "$addr" 2525 "$min" "${pairs[@]}" >"$STATE/front-$name.log" 2>&1 &
    echo $! >"$STATE/front-$name.pid"
    local _
    for _ in $(seq 1 50); do front_answers "$addr" && break; sleep 0.1; done
    front_answers "$addr" || { log "the $name front did not answer on $addr:2525"; cat "$STATE/front-$name.log" >&2; exit 1; }
  done
}

stop_all() {
  local f name
  stop_pid nginx "$(read_pid "$STATE/nginx/nginx.pid")"
  for f in "${FRONTS[@]}"; do read -r name _ <<<"$f"; stop_pid "the $name front" "$(read_pid "$STATE/front-$name.pid")"; rm -f "$STATE/front-$name.pid"; done
}

case "${1:-}" in
  start)
    [ "$(id -u)" -eq 0 ] || { log "must run as root (port 443, apt-get)"; exit 1; }
    mkdir -p "$STATE"; chmod 755 "$STATE"
    [ -f "$MTA_CA" ] || { log "no $MTA_CA: start the MTAs first (scripts/test-mta.sh start)"; exit 1; }
    install
    make_certs
    path_certs
    cat "$MTA_CA" "$STATE/certs/root.pem" >"$STATE/ca-bundle.pem"
    write_site
    nginx_conf
    if pid_alive "$(read_pid "$STATE/nginx/nginx.pid")"; then
      nginx -p "$STATE/nginx" -c "$STATE/nginx/nginx.conf" -s reload
    else
      nginx -t -q -p "$STATE/nginx" -c "$STATE/nginx/nginx.conf"
      nginx -p "$STATE/nginx" -c "$STATE/nginx/nginx.conf"
    fi
    for _ in $(seq 1 50); do web_answers && break; sleep 0.1; done
    web_answers || { log "nginx does not answer on $WEB:443"; tail -n 20 "$STATE/nginx/logs/error.log" >&2; exit 1; }
    start_fronts
    log "policy host on $WEB:443 (nginx pid $(read_pid "$STATE/nginx/nginx.pid")), fronts on 127.0.0.129/130/131:2525; CA bundle $STATE/ca-bundle.pem"
    ;;
  stop) stop_all; log "stopped" ;;
  status)
    ok=0
    if ! pid_alive "$(read_pid "$STATE/nginx/nginx.pid")" || ! web_answers; then log "nginx not answering"; ok=1; fi
    for f in "${FRONTS[@]}"; do read -r name addr _ <<<"$f"; front_answers "$addr" || { log "$name front not answering"; ok=1; }; done
    [ $ok -eq 0 ] && log "running"
    exit $ok
    ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
