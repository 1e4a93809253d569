#!/usr/bin/env bash
# Real middleboxes on loopback in front of the test MTAs, for test/middlebox (see docs/testing.md):
# balancers, SMTP proxies, content filters, TLS terminators and a SOCKS proxy, each on its own
# ports of 127.0.0.26, most of them in front of the Postfix of scripts/mta/postfix.sh.
#
#   scripts/test-middleboxes.sh start  [BOX...]   install, configure, start, wait until each answers
#   scripts/test-middleboxes.sh stop   [BOX...]   stop them (by PID)
#   scripts/test-middleboxes.sh status [BOX...]   exit 0 when every one runs and answers
#
# BOX: haproxy nginx stunnel dante proxsmtp qpsmtpd (default: all). Postfix must run first
# (scripts/test-mta.sh start postfix). Each box writes $STATE/middlebox/BOX/box.json, the paths it
# offers (name, port, what it emulates), read by test/middlebox; `start` writes
# $STATE/middlebox/expected-boxes. State: $SMTP_GATE_MTA_DIR (default /tmp/smtp-gate-mta). Root.
# The boxes' functions and tables are reached by name ("${BOX}_start", `local -n` on
# "${BOX}_paths"), which shellcheck cannot follow:
# shellcheck disable=SC2034,SC2317
set -euo pipefail
NAME=middlebox
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=mta/common.sh
. "$here/mta/common.sh"

BOX_HOST=127.0.0.26
READY_HOST=$BOX_HOST
DEAD_PORT=2699                   # nothing listens here: the backend that is down
ALL=(haproxy nginx stunnel dante proxsmtp qpsmtpd)
SOCKS_USER=smtp-gate-socks       # a system user: Dante's `username` method checks the system's passwords
SOCKS_PASSWORD=smtp-gate-socks-password

# --- Certificates: the boxes' own, signed by the shared test CA (make_certs) ---

# good.pem: names 127.0.0.26 (the boxes' address); wrong-name.pem: only wrong.example;
# expired.pem: valid in January 2020 only. Remade when the CA changes or good.pem expires.
box_certs() {
  make_certs
  local d=$SDIR/certs
  if [ -s "$d/good.pem" ] && openssl verify -CAfile "$STATE/ca.pem" "$d/good.pem" >/dev/null 2>&1 &&
    openssl x509 -checkend 86400 -noout -in "$d/good.pem" >/dev/null 2>&1; then return 0; fi
  rm -rf "$d" && mkdir -p "$d/ca/new"
  : >"$d/ca/index.txt"
  cat >"$d/ca.cnf" <<EOF
[ ca ]
default_ca = box
[ box ]
dir = $d/ca
database = \$dir/index.txt
new_certs_dir = \$dir/new
serial = \$dir/serial
certificate = $STATE/ca.pem
private_key = $STATE/certs/ca.key
default_md = sha256
policy = any
unique_subject = no
copy_extensions = none
[ any ]
commonName = supplied
[ good ]
basicConstraints = critical,CA:FALSE
extendedKeyUsage = serverAuth
subjectAltName = IP:$BOX_HOST,DNS:localhost,DNS:mta.smtp-gate.test
[ wrong ]
basicConstraints = critical,CA:FALSE
extendedKeyUsage = serverAuth
subjectAltName = DNS:wrong.example
EOF
  local kind ext dates
  for kind in good wrong-name expired; do
    openssl rand -hex 8 >"$d/ca/serial"
    openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$d/$kind.key" 2>/dev/null
    openssl req -new -key "$d/$kind.key" -subj "/CN=$([ $kind = wrong-name ] && echo wrong.example || echo localhost)" -out "$d/$kind.csr" 2>/dev/null
    ext=good; dates=(-days 365)
    [ $kind = wrong-name ] && ext=wrong
    [ $kind = expired ] && dates=(-startdate 20200101000000Z -enddate 20200201000000Z)
    openssl ca -batch -notext -config "$d/ca.cnf" -extensions "$ext" "${dates[@]}" -in "$d/$kind.csr" -out "$d/$kind.pem" >>"$SLOG" 2>&1 ||
      die "cannot sign the $kind certificate"
    cat "$d/$kind.pem" "$d/$kind.key" >"$d/$kind.chain.pem"
    chmod 644 "$d/$kind.pem"; chmod 640 "$d/$kind.key" "$d/$kind.chain.pem"
  done
}

# --- Descriptor: $BDIR/box.json ---

# Args: product version, then one "name|port|emulates" per path.
write_box_descriptor() {
  local product=$1 version=$2 first=1 entry name port what; shift 2
  {
    printf '{"name":"%s","product":"%s","version":"%s","host":"%s","log":"%s","paths":{' "$BOX" "$product" "$version" "$BOX_HOST" "$BLOG"
    for entry in "$@"; do
      IFS='|' read -r name port what <<<"$entry"
      [ $first -eq 1 ] || printf ','
      first=0
      printf '"%s":{"port":%s,"emulates":"%s"}' "$name" "$port" "$what"
    done
    printf '}}\n'
  } >"$BDIR/box.json.tmp"
  chmod 644 "$BDIR/box.json.tmp"
  mv "$BDIR/box.json.tmp" "$BDIR/box.json"
}

# The ports of the paths, with their readiness mode (plain, tls, proxy: 220 expected; tcp: a connection).
paths_ready() {
  local secs=$1; shift
  local deadline=$((SECONDS + secs)) p ok
  for (( ; ; )); do
    ok=1
    for p in "$@"; do
      if [[ $p == *:tcp ]]; then port_in_use "${p%%:*}" || { ok=0; break; }
      else wait_ready 0 "$p" || { ok=0; break; }; fi
    done
    [ $ok -eq 1 ] && return 0
    [ $SECONDS -ge "$deadline" ] && return 1
    sleep 0.2
  done
}

need_postfix() {
  READY_HOST=127.0.0.1 wait_ready 0 2525 2540:proxy 2541:proxy 2542 ||
    die "the test Postfix (127.0.0.1 ports 2525 2540 2541 2542) does not answer: run scripts/test-mta.sh start postfix first"
}

need_packages() {
  local missing=() pair
  for pair in "$@"; do [ -e "${pair%%=*}" ] || missing+=("${pair#*=}"); done
  apt_install_quiet "${missing[@]}"
}

# --- HAProxy 2.6 ---

haproxy_paths=(
  "transparent|2601|balancer in TCP mode without send-proxy, in front of a listener that does not expect a header (Postfix 2525)"
  "send-proxy|2602|balancer with send-proxy (v1) in front of smtpd with smtpd_upstream_proxy_protocol=haproxy (Postfix 2540)"
  "send-proxy-v2|2603|balancer with send-proxy-v2 in front of smtpd with smtpd_upstream_proxy_protocol=haproxy (Postfix 2540)"
  "send-proxy-v2-postscreen|2604|balancer with send-proxy-v2 in front of postscreen with postscreen_upstream_proxy_protocol=haproxy (Postfix 2541)"
  "missing-send-proxy|2605|balancer WITHOUT send-proxy in front of smtpd that requires the header (Postfix 2540): silence, 421 after 5 s"
  "missing-send-proxy-postscreen|2606|balancer WITHOUT send-proxy in front of postscreen that requires the header (Postfix 2541): silence, 421 after 5 s"
  "no-backend|2607|balancer whose only backend is down (health check failed): accepts, then closes"
  "accept-proxy|2608|balancer that itself requires a PROXY header (bind ... accept-proxy; timeout client 5s), in front of Postfix 2525"
  "unexpected-send-proxy|2609|balancer with send-proxy (v1) in front of a listener that does not expect a header (Postfix 2525): it answers the PROXY line as a command (500 after the greeting)"
  "unexpected-send-proxy-v2|2600|balancer with send-proxy-v2 in front of a listener that does not expect a header (Postfix 2525): it answers the signature's lines and obeys its QUIT (500 500 500 221, closed)"
  "dead-server-no-check|2598|balance first over a dead server without check and a live one (Postfix 2525), no option redispatch: HAProxy retries the dead one (3 retries, 1 s apart), then closes"
  "timeout-server|2597|timeout server 2s in front of proxsmtp's slow filter (2633, 4 s at the end of DATA): HAProxy closes while the client waits for the reply"
  "mode-http|2596|an SMTP frontend in mode http (as if inherited from defaults) with timeout http-request 2s, in front of Postfix 2525: HTTP/1.1 408 Request Time-out instead of a greeting"
  "dead-server-redispatch|2595|the same dead server first, without check, with option redispatch: the last retry goes to the live server (Postfix 2525), greeting after ~3 s"
  "unexpected-send-proxy-v1-exim|2580|balancer with send-proxy in front of the test exim (2526), which expects no header"
  "unexpected-send-proxy-v2-exim|2581|balancer with send-proxy-v2 in front of the test exim (2526), which expects no header"
  "unexpected-send-proxy-v1-sendmail|2582|balancer with send-proxy in front of the test sendmail (2527), which expects no header"
  "unexpected-send-proxy-v2-sendmail|2583|balancer with send-proxy-v2 in front of the test sendmail (2527), which expects no header"
  "unexpected-send-proxy-v1-opensmtpd|2584|balancer with send-proxy in front of the test opensmtpd (2528), which expects no header"
  "unexpected-send-proxy-v2-opensmtpd|2585|balancer with send-proxy-v2 in front of the test opensmtpd (2528), which expects no header"
  "unexpected-send-proxy-v1-haraka|2586|balancer with send-proxy in front of the test haraka (2529), which expects no header"
  "unexpected-send-proxy-v2-haraka|2587|balancer with send-proxy-v2 in front of the test haraka (2529), which expects no header"
  "unexpected-send-proxy-v1-aiosmtpd|2588|balancer with send-proxy in front of the test aiosmtpd (2530), which expects no header"
  "unexpected-send-proxy-v2-aiosmtpd|2589|balancer with send-proxy-v2 in front of the test aiosmtpd (2530), which expects no header"
)
haproxy_ready=(2601 2602 2603 2604 2605:tcp 2606:tcp 2607:tcp 2608:proxy 2609 2600:tcp 2598:tcp 2597:tcp 2596:tcp 2595:tcp 2580:tcp 2581:tcp 2582:tcp 2583:tcp 2584:tcp 2585:tcp 2586:tcp 2587:tcp 2588:tcp 2589:tcp)

haproxy_start() {
  need_packages /usr/sbin/haproxy=haproxy
  cat >"$BDIR/haproxy.cfg" <<EOF
# smtp-gate test middlebox (generated by scripts/test-middleboxes.sh)
global
  pidfile $BDIR/haproxy.pid
  log stdout format raw local0 info
defaults
  mode tcp
  log global
  option tcplog
  timeout connect 2s
  timeout client 30s
  timeout server 30s
frontend transparent
  bind $BOX_HOST:2601
  default_backend postfix_plain
frontend send_proxy
  bind $BOX_HOST:2602
  default_backend postfix_proxy_v1
frontend send_proxy_v2
  bind $BOX_HOST:2603
  default_backend postfix_proxy_v2
frontend send_proxy_v2_postscreen
  bind $BOX_HOST:2604
  default_backend postscreen_proxy_v2
frontend missing_send_proxy
  bind $BOX_HOST:2605
  default_backend postfix_proxy_missing
frontend missing_send_proxy_postscreen
  bind $BOX_HOST:2606
  default_backend postscreen_proxy_missing
frontend no_backend
  bind $BOX_HOST:2607
  default_backend dead
frontend accept_proxy
  bind $BOX_HOST:2608 accept-proxy
  timeout client 5s
  default_backend postfix_plain
frontend unexpected_send_proxy
  bind $BOX_HOST:2609
  default_backend postfix_plain_v1
frontend unexpected_send_proxy_v2
  bind $BOX_HOST:2600
  default_backend postfix_plain_v2
frontend dead_server_no_check
  bind $BOX_HOST:2598
  default_backend first_dead
frontend timeout_server
  bind $BOX_HOST:2597
  default_backend proxsmtp_slow
# The other test MTAs (scripts/test-mta.sh) behind a header they do not expect: each answers it its own way.
frontend unexpected_send_proxy_v1_exim
  bind $BOX_HOST:2580
  default_backend unexpected_send_proxy_v1_exim
frontend unexpected_send_proxy_v2_exim
  bind $BOX_HOST:2581
  default_backend unexpected_send_proxy_v2_exim
frontend unexpected_send_proxy_v1_sendmail
  bind $BOX_HOST:2582
  default_backend unexpected_send_proxy_v1_sendmail
frontend unexpected_send_proxy_v2_sendmail
  bind $BOX_HOST:2583
  default_backend unexpected_send_proxy_v2_sendmail
frontend unexpected_send_proxy_v1_opensmtpd
  bind $BOX_HOST:2584
  default_backend unexpected_send_proxy_v1_opensmtpd
frontend unexpected_send_proxy_v2_opensmtpd
  bind $BOX_HOST:2585
  default_backend unexpected_send_proxy_v2_opensmtpd
frontend unexpected_send_proxy_v1_haraka
  bind $BOX_HOST:2586
  default_backend unexpected_send_proxy_v1_haraka
frontend unexpected_send_proxy_v2_haraka
  bind $BOX_HOST:2587
  default_backend unexpected_send_proxy_v2_haraka
frontend unexpected_send_proxy_v1_aiosmtpd
  bind $BOX_HOST:2588
  default_backend unexpected_send_proxy_v1_aiosmtpd
frontend unexpected_send_proxy_v2_aiosmtpd
  bind $BOX_HOST:2589
  default_backend unexpected_send_proxy_v2_aiosmtpd
frontend dead_server_redispatch
  bind $BOX_HOST:2595
  default_backend first_dead_redispatch
frontend mode_http
  bind $BOX_HOST:2596
  mode http
  timeout http-request 2s
  default_backend postfix_http
backend postfix_plain
  server postfix 127.0.0.1:2525
backend postfix_plain_v1
  server postfix 127.0.0.1:2525 send-proxy
backend postfix_plain_v2
  server postfix 127.0.0.1:2525 send-proxy-v2
backend postfix_proxy_v1
  server postfix 127.0.0.1:2540 send-proxy
backend postfix_proxy_v2
  server postfix 127.0.0.1:2540 send-proxy-v2
backend postscreen_proxy_v2
  server postscreen 127.0.0.1:2541 send-proxy-v2
backend postfix_proxy_missing
  server postfix 127.0.0.1:2540
backend postscreen_proxy_missing
  server postscreen 127.0.0.1:2541
backend first_dead
  balance first
  server down $BOX_HOST:$DEAD_PORT
  server postfix 127.0.0.1:2525
backend unexpected_send_proxy_v1_exim
  server mta 127.0.0.1:2526 send-proxy
backend unexpected_send_proxy_v2_exim
  server mta 127.0.0.1:2526 send-proxy-v2
backend unexpected_send_proxy_v1_sendmail
  server mta 127.0.0.1:2527 send-proxy
backend unexpected_send_proxy_v2_sendmail
  server mta 127.0.0.1:2527 send-proxy-v2
backend unexpected_send_proxy_v1_opensmtpd
  server mta 127.0.0.1:2528 send-proxy
backend unexpected_send_proxy_v2_opensmtpd
  server mta 127.0.0.1:2528 send-proxy-v2
backend unexpected_send_proxy_v1_haraka
  server mta 127.0.0.1:2529 send-proxy
backend unexpected_send_proxy_v2_haraka
  server mta 127.0.0.1:2529 send-proxy-v2
backend unexpected_send_proxy_v1_aiosmtpd
  server mta 127.0.0.1:2530 send-proxy
backend unexpected_send_proxy_v2_aiosmtpd
  server mta 127.0.0.1:2530 send-proxy-v2
backend first_dead_redispatch
  balance first
  option redispatch
  server down $BOX_HOST:$DEAD_PORT
  server postfix 127.0.0.1:2525
backend postfix_http
  mode http
  server postfix 127.0.0.1:2525
backend proxsmtp_slow
  timeout server 2s
  server proxsmtp $BOX_HOST:2633
backend dead
  server down $BOX_HOST:$DEAD_PORT check inter 500ms fall 1 rise 1
EOF
  haproxy -c -f "$BDIR/haproxy.cfg" >>"$BLOG" 2>&1 || die "haproxy -c failed"
  # -D: daemon; its master writes the pid file. Output to the log, never to an inherited pipe.
  haproxy -D -f "$BDIR/haproxy.cfg" </dev/null >>"$BLOG" 2>&1 || die "haproxy did not start"
  # The dead backend must be marked down before a test sees "no server available".
  sleep 1
  BOX_VERSION=$(haproxy -v | sed -nE '1s/^HAProxy version ([0-9.]+).*/\1/p')
}

# --- nginx 1.22 mail proxy (+ its auth_http service) ---

nginx_paths=(
  "starttls-auth|2620|nginx mail proxy: its own greeting and EHLO, STARTTLS (good certificate), AUTH checked by auth_http, then Postfix 2525"
  "xclient-refused|2621|nginx with xclient on in front of a Postfix that does not allow XCLIENT (2525): 451 4.3.2 after MAIL"
  "xclient|2622|nginx with xclient on in front of a Postfix that allows it (2542)"
  "auth-service-down|2623|nginx whose auth_http service does not answer: 451 4.3.2"
  "dead-backend|2624|nginx whose backend (named by auth_http) is down: 451 4.3.2"
  "proxy-protocol|2625|nginx listener with proxy_protocol: requires a PROXY header, else closes after its timeout (5 s)"
  "starttls-off|2626|nginx without starttls (its default, off), in front of Postfix 2525: no STARTTLS in EHLO, STARTTLS refused 500 5.5.1"
  "auth-required|2627|nginx whose smtp_auth lacks none, in front of Postfix 2525: MAIL before AUTH refused 530 5.7.1"
  "cram-md5|2628|nginx offering CRAM-MD5 (smtp_auth cram-md5) with an auth_http service that compares plain passwords: every CRAM-MD5 login refused 535"
  "proxy-timeout|2629|nginx with proxy_timeout 2s in front of proxsmtp's slow filter (2633, 4 s at the end of DATA): nginx closes while the client waits for the reply"
)
nginx_ready=(2620 2621 2622 2623 2624 2625:proxy 2626 2627 2628 2629 2619:tcp)

nginx_start() {
  need_packages /usr/sbin/nginx=nginx-light /usr/lib/nginx/modules/ngx_mail_module.so=libnginx-mod-mail /usr/bin/python3=python3-minimal
  local c=$SDIR/certs
  mkdir -p "$BDIR/temp"
  cat >"$BDIR/nginx.conf" <<EOF
# smtp-gate test middlebox (generated by scripts/test-middleboxes.sh)
load_module /usr/lib/nginx/modules/ngx_mail_module.so;
pid $BDIR/nginx.pid;
error_log $BLOG info;
worker_processes 1;
events { worker_connections 64; }
mail {
  server_name mx.smtp-gate.test;
  auth_http $BOX_HOST:2619/auth;
  auth_http_timeout 3s;
  smtp_capabilities "SIZE 10240000" "8BITMIME" "ENHANCEDSTATUSCODES";
  smtp_auth login plain none;
  ssl_certificate $c/good.pem;
  ssl_certificate_key $c/good.key;
  timeout 5s;
  proxy_timeout 30s;
  xclient off;
  server { listen $BOX_HOST:2620; protocol smtp; starttls on; auth_http_header X-Backend 127.0.0.1:2525; }
  server { listen $BOX_HOST:2621; protocol smtp; xclient on; auth_http_header X-Backend 127.0.0.1:2525; }
  server { listen $BOX_HOST:2622; protocol smtp; xclient on; auth_http_header X-Backend 127.0.0.1:2542; }
  server { listen $BOX_HOST:2623; protocol smtp; auth_http $BOX_HOST:$DEAD_PORT/auth; }
  server { listen $BOX_HOST:2624; protocol smtp; auth_http_header X-Backend $BOX_HOST:$DEAD_PORT; }
  server { listen $BOX_HOST:2625 proxy_protocol; protocol smtp; auth_http_header X-Backend 127.0.0.1:2525; }
  server { listen $BOX_HOST:2626; protocol smtp; starttls off; auth_http_header X-Backend 127.0.0.1:2525; }
  server { listen $BOX_HOST:2627; protocol smtp; starttls on; smtp_auth login plain; auth_http_header X-Backend 127.0.0.1:2525; }
  server { listen $BOX_HOST:2628; protocol smtp; starttls on; smtp_auth login plain cram-md5 none; auth_http_header X-Backend 127.0.0.1:2525; }
  server { listen $BOX_HOST:2629; protocol smtp; proxy_timeout 2s; auth_http_header X-Backend $BOX_HOST:2633; }
}
EOF
  chgrp www-data "$c/good.key" 2>/dev/null || true
  # The auth_http service: its own pid, stopped with nginx.
  /usr/bin/python3 "$here/middlebox/nginx-auth.py" "$BOX_HOST" 2619 "$TEST_USER" "$TEST_PASSWORD" </dev/null >>"$BLOG" 2>&1 &
  echo $! >"$BDIR/auth.pid"
  nginx -p "$BDIR" -c "$BDIR/nginx.conf" -t >>"$BLOG" 2>&1 || die "nginx -t failed"
  nginx -p "$BDIR" -c "$BDIR/nginx.conf" </dev/null >>"$BLOG" 2>&1 || die "nginx did not start"
  BOX_VERSION=$(nginx -v 2>&1 | sed -nE 's|.*nginx/([0-9.]+).*|\1|p')
}

# --- stunnel 5 (TLS terminator) ---

stunnel_paths=(
  "good-cert|2640|stunnel, implicit TLS with a valid certificate, in front of Postfix's plain port 2525 (which still offers STARTTLS inside the tunnel)"
  "expired-cert|2641|stunnel with an expired certificate (January 2020), in front of Postfix 2525"
  "wrong-name-cert|2642|stunnel with a certificate for wrong.example only, in front of Postfix 2525"
  "dead-backend|2643|stunnel whose connect= is down: TLS handshake done, then the connection closes"
  "protocol-smtp|2644|stunnel with protocol = smtp: it answers EHLO and STARTTLS itself, then tunnels to Postfix 2525"
  "tls-backend|2645|stunnel whose connect= is the MTA's implicit-TLS port (Postfix 4650): TLS done, then silence (the backend waits for a TLS handshake)"
  "client-cert|2646|stunnel that requires a client certificate (verifyChain = yes, CAfile = the test CA), in front of Postfix 2525: TLS 1.3 alert certificate required"
  "proxy-backend|2647|stunnel without protocol = proxy in front of smtpd that requires a PROXY header (Postfix 2540): TLS done, then silence and 421 after 5 s"
  "protocol-proxy|2648|stunnel with protocol = proxy (a PROXY v1 header to connect=) in front of Postfix 2540"
  "http-backend|2649|stunnel whose connect= is a web service (nginx's auth_http, 2619): TLS done, then silence (the backend waits for an HTTP request)"
)
stunnel_ready=(2640:tls 2641:tcp 2642:tcp 2643:tcp 2644:tcp 2645:tcp 2646:tcp 2647:tcp 2648:tcp 2649:tcp)

stunnel_start() {
  need_packages /usr/bin/stunnel4=stunnel4
  local c=$SDIR/certs
  cat >"$BDIR/stunnel.conf" <<EOF
; smtp-gate test middlebox (generated by scripts/test-middleboxes.sh)
pid = $BDIR/stunnel.pid
output = $BLOG
debug = notice
foreground = no
[good-cert]
accept = $BOX_HOST:2640
connect = 127.0.0.1:2525
cert = $c/good.chain.pem
[expired-cert]
accept = $BOX_HOST:2641
connect = 127.0.0.1:2525
cert = $c/expired.chain.pem
[wrong-name-cert]
accept = $BOX_HOST:2642
connect = 127.0.0.1:2525
cert = $c/wrong-name.chain.pem
[dead-backend]
accept = $BOX_HOST:2643
connect = $BOX_HOST:$DEAD_PORT
cert = $c/good.chain.pem
[protocol-smtp]
accept = $BOX_HOST:2644
connect = 127.0.0.1:2525
cert = $c/good.chain.pem
protocol = smtp
[tls-backend]
accept = $BOX_HOST:2645
connect = 127.0.0.1:4650
cert = $c/good.chain.pem
[client-cert]
accept = $BOX_HOST:2646
connect = 127.0.0.1:2525
cert = $c/good.chain.pem
CAfile = $STATE/ca.pem
verifyChain = yes
[proxy-backend]
accept = $BOX_HOST:2647
connect = 127.0.0.1:2540
cert = $c/good.chain.pem
[protocol-proxy]
accept = $BOX_HOST:2648
connect = 127.0.0.1:2540
cert = $c/good.chain.pem
protocol = proxy
[http-backend]
accept = $BOX_HOST:2649
connect = $BOX_HOST:2619
cert = $c/good.chain.pem
EOF
  stunnel4 "$BDIR/stunnel.conf" </dev/null >>"$BLOG" 2>&1 || die "stunnel did not start"
  BOX_VERSION=$(stunnel4 -version 2>&1 | sed -nE 's/^stunnel ([0-9.]+).*/\1/p' | head -n 1)
}

# --- Dante 1.4 (SOCKS5): one daemon per authentication method ---

dante_paths=(
  "no-auth|2610|SOCKS5 proxy, no authentication"
  "username|2611|SOCKS5 proxy, username/password (RFC 1929) $SOCKS_USER / $SOCKS_PASSWORD"
)
dante_ready=(2610:tcp 2611:tcp)

dante_start() {
  need_packages /usr/sbin/danted=dante-server
  id -u "$SOCKS_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$SOCKS_USER"
  echo "$SOCKS_USER:$SOCKS_PASSWORD" | chpasswd
  local m port
  for m in none username; do
    port=2610; [ "$m" = username ] && port=2611
    cat >"$BDIR/danted-$m.conf" <<EOF
# smtp-gate test middlebox (generated by scripts/test-middleboxes.sh)
logoutput: $BLOG
internal: $BOX_HOST port = $port
external: 127.0.0.1
clientmethod: none
socksmethod: $m
user.privileged: root
user.unprivileged: nobody
client pass { from: 127.0.0.0/8 to: 0.0.0.0/0 }
socks pass { from: 127.0.0.0/8 to: 127.0.0.0/8 command: connect }
socks block { from: 0.0.0.0/0 to: 0.0.0.0/0 }
EOF
    danted -D -f "$BDIR/danted-$m.conf" -p "$BDIR/danted-$m.pid" </dev/null >>"$BLOG" 2>&1 || die "danted ($m) did not start"
  done
  BOX_VERSION=$(danted -v 2>&1 | sed -nE 's/.*Dante v([0-9]+(\.[0-9]+)*).*/\1/p' | head -n 1)
}

# --- proxsmtp 1.10 (filtering SMTP proxy) ---

proxsmtp_paths=(
  "filter-pass|2630|proxsmtp whose filter passes every message (cat), in front of Postfix 2525"
  "filter-refuse|2631|proxsmtp whose filter refuses every message like a virus scanner (550 5.7.1 ... FOUND at the end of DATA)"
  "filter-timeout|2632|proxsmtp whose filter outlasts FilterTimeout (3 s): 451 Local Error at the end of DATA"
  "slow-filter|2633|proxsmtp whose filter takes 4 s and passes (FilterTimeout 10), in front of Postfix 2525; HAProxy's timeout-server path is in front of it"
)
proxsmtp_ready=(2630 2631 2632 2633)

proxsmtp_start() {
  need_packages /usr/sbin/proxsmtpd=proxsmtp
  local f port cmd timeout
  mkdir -p "$BDIR/tmp" && chmod 1777 "$BDIR/tmp"
  for f in pass refuse timeout slow; do
    port=2630; cmd=/bin/cat; timeout=10
    [ "$f" = refuse ] && { port=2631; cmd=$here/middlebox/refuse-filter.sh; }
    [ "$f" = timeout ] && { port=2632; cmd=$here/middlebox/slow-filter.sh; timeout=3; }
    [ "$f" = slow ] && { port=2633; cmd=$here/middlebox/slow-pass-filter.sh; }
    cat >"$BDIR/proxsmtpd-$f.conf" <<EOF
# smtp-gate test middlebox (generated by scripts/test-middleboxes.sh)
FilterCommand: $cmd
FilterType: pipe
FilterTimeout: $timeout
Listen: $BOX_HOST:$port
OutAddress: 127.0.0.1:2525
TempDirectory: $BDIR/tmp
User: nobody
EOF
    # It writes its pid file after dropping to User: the file must already be nobody's.
    install -o nobody -m 644 /dev/null "$BDIR/proxsmtpd-$f.pid"
    proxsmtpd -f "$BDIR/proxsmtpd-$f.conf" -p "$BDIR/proxsmtpd-$f.pid" </dev/null >>"$BLOG" 2>&1 || die "proxsmtpd ($f) did not start"
  done
  BOX_VERSION=$(proxsmtpd -v 2>&1 | sed -nE 's/.*\(version ([0-9.]+)\).*/\1/p' | head -n 1)
}

# --- qpsmtpd 0.94 (front end relaying to Postfix) ---

qpsmtpd_paths=(
  "relay|2650|qpsmtpd accepting recipients of smtp-gate.test and relaying them to Postfix 2525 at the end of DATA"
  "dead-backend|2651|qpsmtpd whose relay target is down: 451 at the end of DATA"
)
qpsmtpd_ready=(2650 2651)

qpsmtpd_start() {
  need_packages /usr/bin/qpsmtpd-forkserver=qpsmtpd
  chown nobody "$BLOG"   # qpsmtpd logs as the user it runs as
  local which port gw
  for which in relay dead-backend; do
    port=2650; gw=127.0.0.1:2525
    [ "$which" = dead-backend ] && { port=2651; gw=$BOX_HOST:$DEAD_PORT; }
    local cdir=$BDIR/config-$which
    mkdir -p "$cdir" "$BDIR/spool-$which"
    chown nobody "$BDIR/spool-$which"
    printf '%s\n' "$TEST_DOMAIN" >"$cdir/rcpthosts"
    printf '%s\n' "mx.smtp-gate.test" >"$cdir/me"
    printf '%s\n' "$BDIR/spool-$which" >"$cdir/spool_dir"
    printf '%s\n' /usr/share/qpsmtpd/plugins >"$cdir/plugin_dirs"
    printf '%s\n' "logging/file loglevel LOGINFO $BLOG" >"$cdir/logging"
    printf '%s\n' 6 >"$cdir/loglevel"
    # rcpt_ok: a recipient of a domain in rcpthosts is accepted (the front end cannot know the users).
    printf '%s\n' rcpt_ok "queue/smtp-forward ${gw%%:*} ${gw##*:}" >"$cdir/plugins"
    QPSMTPD_CONFIG=$cdir qpsmtpd-forkserver -l "$BOX_HOST" -p "$port" -u nobody -H --detach \
      --pid-file "$BDIR/qpsmtpd-$which.pid" </dev/null >>"$BLOG" 2>&1 || die "qpsmtpd ($which) did not start"
  done
  BOX_VERSION=$(dpkg-query -W -f='${Version}' qpsmtpd 2>/dev/null | sed -E 's/-.*//')
}

# --- One box: pid files $BDIR/*.pid ---

# One pid a line (read_pid prints none of its own).
box_pids() { local f; for f in "$BDIR"/*.pid; do [ -f "$f" ] && printf '%s\n' "$(read_pid "$f")"; done; return 0; }

box_running() {
  local pid any=0
  for pid in $(box_pids); do pid_alive "$pid" || return 1; any=1; done
  [ $any -eq 1 ]
}

box_stop() {
  local f
  for f in "$BDIR"/*.pid; do
    [ -f "$f" ] || continue
    stop_pid "$BOX ($(basename "$f" .pid))" "$(read_pid "$f")"
    rm -f "$f"
  done
  rm -f "$BDIR/box.json"
}

box_start() {
  local t0=$SECONDS
  local -n paths=${BOX}_paths ready=${BOX}_ready
  if box_running && paths_ready 0 "${ready[@]}" && [ -f "$BDIR/box.json" ]; then
    log "$BOX already running (log: $BLOG)"
    return 0
  fi
  box_stop
  local p
  for p in "${ready[@]}"; do port_in_use "${p%%:*}" && die "port ${p%%:*} of $BOX_HOST is already in use by another process"; done
  BOX_VERSION=
  "${BOX}_start"
  paths_ready 20 "${ready[@]}" || die "$BOX: ports ${ready[*]} not ready after 20 s"
  local product
  case $BOX in
    haproxy) product=HAProxy ;; nginx) product=nginx ;; stunnel) product=stunnel ;;
    dante) product=Dante ;; proxsmtp) product=proxsmtp ;; qpsmtpd) product=qpsmtpd ;;
  esac
  write_box_descriptor "$product" "$BOX_VERSION" "${paths[@]}"
  log "$BOX $BOX_VERSION ready in $((SECONDS - t0)) s on $BOX_HOST (log $BLOG)"
}

box_status() {
  local -n ready=${BOX}_ready
  local ok=0
  if box_running; then log "$BOX running (pids $(box_pids | tr '\n' ' '))"; else log "$BOX not running"; ok=1; fi
  if [ $ok -eq 0 ]; then
    if paths_ready 0 "${ready[@]}"; then log "$BOX: ports ${ready[*]} ready"; else log "$BOX: not every port answers"; ok=1; fi
  fi
  return $ok
}

cmd=${1:-}
case "$cmd" in
  start | stop | status) shift ;;
  *) echo "usage: $0 start|stop|status [BOX...]   (boxes: ${ALL[*]})" >&2; exit 2 ;;
esac
boxes=("$@")
[ ${#boxes[@]} -gt 0 ] || boxes=("${ALL[@]}")
for BOX in "${boxes[@]}"; do [[ " ${ALL[*]} " == *" $BOX "* ]] || { echo "test-middleboxes: no box $BOX (boxes: ${ALL[*]})" >&2; exit 2; }; done

status=0
case "$cmd" in
  start)
    need_root
    mkdir -p "$SDIR" && chmod 755 "$STATE" "$SDIR"
    : >>"$SLOG"
    need_postfix
    box_certs
    started=()
    for BOX in "${boxes[@]}"; do
      BDIR=$SDIR/$BOX BLOG=$SDIR/$BOX/$BOX.log
      mkdir -p "$BDIR" && chmod 755 "$BDIR" && : >>"$BLOG" && chmod 644 "$BLOG"
      if (box_start); then started+=("$BOX"); else status=1; log "$BOX did not start"; fi
    done
    # Every box asked for is expected, started or not: a failed start must fail the suite.
    printf '%s\n' "${boxes[@]}" >"$SDIR/expected-boxes"
    chmod 644 "$SDIR/expected-boxes"
    log "started ${started[*]:-nothing} (state $SDIR)"
    ;;
  stop)
    for BOX in "${boxes[@]}"; do
      BDIR=$SDIR/$BOX BLOG=$SDIR/$BOX/$BOX.log
      box_stop
    done
    ;;
  status)
    for BOX in "${boxes[@]}"; do BDIR=$SDIR/$BOX BLOG=$SDIR/$BOX/$BOX.log; box_status || status=1; done
    ;;
esac
exit $status
