#!/usr/bin/env bash
# The DANE suite's servers (test/dane/, docs/dane.md), all on loopback and stopped by PID:
#   - BIND `named` (Debian), authoritative only, on 127.0.0.150:53 for three zones whose keys are
#     generated at every (re)start: dane.test (signed with dnssec-signzone), bogus.dane.test
#     (signed, delegated with a DS, then its TLSA RRset altered after signing: its RRSIG no longer
#     verifies) and insecure.dane.test (unsigned, delegated without a DS);
#   - a validating unbound (its own config, pid and log) on 127.0.0.29:53 with dane.test's DS as
#     its trust anchor and a stub zone pointing at named: the `resolver` the tests give smtp-gate;
#   - three SMTP servers on port 25 (TLSA records live at _25._tcp): a STARTTLS front
#     (scripts/mta-sts/tls-front.py) on 127.0.0.151 sending a leaf and the test CA that issued it,
#     a server without STARTTLS (scripts/dane/plain-smtp.py) on 127.0.0.152, and the same front
#     on 127.0.0.153 sending its leaf alone (no CA certificate in the chain);
#   - TLSA records computed at start from those certificates and from the real MTAs' shared
#     certificate (Postfix on 127.0.0.1:2525, docs/testing.md), plus a key no server holds;
#   - the DNS of the MTA-STS and TLS-RPT paths (*.sts.dane.test; test/mta-sts/paths.test.ts), whose
#     policies and STARTTLS front scripts/test-mta-sts.sh serves.
#
#   scripts/test-dnssec.sh start|stop|status     idempotent. Needs root (port 53, 25; apt-get).
#
# State: $SMTP_GATE_DNSSEC_DIR (default /tmp/smtp-gate-dnssec): keys, zones, certificates
# (certs/), the TLSA digests the tests read (tlsa.env), and resolv.conf, pointing at the validating
# resolver, for posttls-finger run in a mount namespace.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
STATE=${SMTP_GATE_DNSSEC_DIR:-/tmp/smtp-gate-dnssec}
MTA_CERT=${SMTP_GATE_MTA_DIR:-/tmp/smtp-gate-mta}/server.pem
AUTH=127.0.0.150       # named, authoritative
RESOLVER=127.0.0.29    # unbound, validating
FRONT=127.0.0.151      # STARTTLS, leaf + CA
PLAIN=127.0.0.152      # no STARTTLS
LEAFONLY=127.0.0.153   # STARTTLS, the leaf alone (no CA certificate sent)
STS_WEB=127.0.0.28     # the MTA-STS policy host (nginx, scripts/test-mta-sts.sh)
STS_FRONT=127.0.0.131  # the MTA-STS suite's STARTTLS front for mx patterns (scripts/test-mta-sts.sh)
PYTHON=/usr/bin/python3   # Debian's, where python3-aiosmtpd is

log() { printf 'test-dnssec: %s\n' "$*" >&2; }
# shellcheck source=scripts/lib/process.sh
. "$here/lib/process.sh"
# shellcheck source=scripts/lib/apt.sh
. "$here/lib/apt.sh"
smtp_answers() { [[ $(timeout 3 bash -c "exec 3<>/dev/tcp/$1/25 && printf 'QUIT\r\n' >&3 && cat <&3" 2>/dev/null || true) == 220* ]]; }
# Up when the validator answers a signed name with AD, and the servers greet.
validates() { dig +time=1 +tries=1 +dnssec @"$RESOLVER" mx-good.dane.test A 2>/dev/null | grep -q 'flags:.* ad'; }
all_up() {
  pid_alive "$(read_pid "$STATE/named.pid")" && pid_alive "$(read_pid "$STATE/unbound.pid")" && validates &&
    pid_alive "$(read_pid "$STATE/front.pid")" && pid_alive "$(read_pid "$STATE/plain.pid")" && pid_alive "$(read_pid "$STATE/leafonly.pid")" &&
    smtp_answers "$FRONT" && smtp_answers "$PLAIN" && smtp_answers "$LEAFONLY"
}
# What the generated state depends on: a change restarts everything.
inputs_digest() { cat "$0" "$here/dane/plain-smtp.py" "$here/mta-sts/tls-front.py" "$MTA_CERT" 2>/dev/null | sha256sum | cut -d' ' -f1; }

install() {
  local missing=()
  command -v named >/dev/null || missing+=(bind9)
  command -v dnssec-signzone >/dev/null || missing+=(bind9-utils)
  command -v unbound >/dev/null || missing+=(unbound)
  command -v dig >/dev/null || missing+=(bind9-dnsutils)
  command -v posttls-finger >/dev/null || missing+=(postfix)
  command -v ip >/dev/null || missing+=(iproute2)   # the authoritative address on lo
  "$PYTHON" -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
  apt_install_quiet "${missing[@]}"
}

# The SHA-256 of a certificate's (or key's) SubjectPublicKeyInfo: the data of a `x 1 1` record.
spki_of_cert() { openssl x509 -in "$1" -pubkey -noout | openssl pkey -pubin -outform DER | sha256sum | cut -d' ' -f1; }
spki_of_key() { openssl pkey -in "$1" -pubout -outform DER | sha256sum | cut -d' ' -f1; }
cert_hex() { openssl x509 -in "$1" -outform DER | od -An -v -tx1 | tr -d ' \n'; }
spki512_of_cert() { openssl x509 -in "$1" -pubkey -noout | openssl pkey -pubin -outform DER | sha512sum | cut -d' ' -f1; }

certificates() {
  local c=$STATE/certs
  mkdir -p "$c"
  openssl ecparam -name prime256v1 -genkey -noout -out "$c/ca.key" 2>/dev/null
  openssl req -x509 -new -key "$c/ca.key" -subj "/CN=smtp-gate DANE test CA" -days 3650 -sha256 \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" -out "$c/ca.pem" 2>/dev/null
  # issue NAME KEYFILE: a leaf for every MX name of the zone (DANE-TA checks the name).
  issue() {
    openssl req -new -key "$2" -subj "/CN=mx-good.dane.test" -out "$c/$1.csr" 2>/dev/null
    printf 'subjectAltName=DNS:*.dane.test,DNS:mx.bogus.dane.test,DNS:mx.insecure.dane.test\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' >"$c/$1.ext"
    openssl x509 -req -in "$c/$1.csr" -CA "$c/ca.pem" -CAkey "$c/ca.key" -CAcreateserial -days 825 -sha256 -extfile "$c/$1.ext" -out "$c/$1.pem" 2>/dev/null
  }
  openssl ecparam -name prime256v1 -genkey -noout -out "$c/leaf.key" 2>/dev/null
  issue leaf "$c/leaf.key"
  cat "$c/leaf.pem" "$c/ca.pem" >"$c/chain.pem"   # sent by the front: DANE-TA(2) needs the TA in the chain (RFC 7671 §5.2.2)
  cp "$c/leaf.pem" "$c/leaf-only.pem"               # sent by the leaf-only front: no TA in the chain
  # Candidates for --candidate-cert: a renewal with the same key, and one with a new key.
  issue candidate-same "$c/leaf.key"
  cat "$c/candidate-same.pem" "$c/ca.pem" >"$c/candidate-same-chain.pem"
  openssl ecparam -name prime256v1 -genkey -noout -out "$c/candidate-new.key" 2>/dev/null
  issue candidate-new "$c/candidate-new.key"
  cat "$c/candidate-new.pem" "$c/ca.pem" >"$c/candidate-new-chain.pem"
  # A key no server holds: the mismatching records.
  openssl ecparam -name prime256v1 -genkey -noout -out "$c/other.key" 2>/dev/null
  {
    echo "LEAF_SPKI=$(spki_of_cert "$c/leaf.pem")"
    echo "CA_SPKI=$(spki_of_cert "$c/ca.pem")"
    echo "CA_SPKI512=$(spki512_of_cert "$c/ca.pem")"
    echo "OTHER_SPKI512=$(openssl pkey -in "$c/other.key" -pubout -outform DER | sha512sum | cut -d' ' -f1)"
    echo "OTHER_SPKI=$(spki_of_key "$c/other.key")"
    echo "NEW_SPKI=$(spki_of_cert "$c/candidate-new.pem")"
    echo "LEAF_DER=$(cert_hex "$c/leaf.pem")"
    echo "NEW_DER=$(cert_hex "$c/candidate-new.pem")"
    echo "CA_DER=$(cert_hex "$c/ca.pem")"
    echo "MTA_SPKI=$(spki_of_cert "$MTA_CERT")"
  } >"$STATE/tlsa.env"
}

# The MTA-STS domains of test/mta-sts/paths.test.ts, under sts.dane.test (this resolver answers
# them; scripts/test-mta-sts.sh serves their policies): each with its policy host and a TLS-RPT record.
sts_domains() {
  local d
  for d in ctype certname wild none testmx blank maxage; do
    printf '_mta-sts.%s.sts TXT "v=STSv1; id=%s1;"\nmta-sts.%s.sts A %s\n' "$d" "$d" "$d" "$STS_WEB"
    printf '_smtp._tls.%s.sts TXT "v=TLSRPTv1; rua=mailto:tlsrpt@%s.sts.dane.test"\n' "$d" "$d"
  done
  for d in ctype certname none testmx blank maxage rpttwo rptbare rptdmarc txtext txtspace; do printf '%s.sts MX 10 localhost.\n' "$d"; done
  # TXT records (RFC 8461 §3.1): extra whitespace around ";" and an extension field are fine;
  # whitespace around "=" is not in the grammar (postfix-mta-sts-resolver finds no id either).
  printf '_mta-sts.txtext.sts TXT "v=STSv1;  id=ext1 ;  ext=1;  "\nmta-sts.txtext.sts A %s\n' "$STS_WEB"
  printf '_mta-sts.txtspace.sts TXT "v=STSv1; id = space1;"\nmta-sts.txtspace.sts A %s\n' "$STS_WEB"
  printf '_smtp._tls.%s.sts TXT "v=TLSRPTv1; rua=mailto:tlsrpt@%s.sts.dane.test"\n' txtext txtext txtspace txtspace
  # *.wild.sts.dane.test covers one label: mx.wild… yes, a.b.wild… no, nor the domain itself as
  # its own MX (RFC 8461 §4.1).
  printf 'wild.sts MX 10 mx.wild.sts.dane.test.\nwild.sts MX 20 a.b.wild.sts.dane.test.\nwild.sts MX 30 wild.sts.dane.test.\n'
  printf 'mx.wild.sts A %s\na.b.wild.sts A %s\nwild.sts A %s\n' "$STS_FRONT" "$STS_FRONT" "$STS_FRONT"
  # TLS-RPT faults without MTA-STS: two records, a bare address, a DMARC-style size suffix.
  printf '_smtp._tls.rpttwo.sts TXT "v=TLSRPTv1; rua=mailto:a@rpttwo.sts.dane.test"\n'
  printf '_smtp._tls.rpttwo.sts TXT "v=TLSRPTv1; rua=mailto:b@rpttwo.sts.dane.test"\n'
  printf '_smtp._tls.rptbare.sts TXT "v=TLSRPTv1; rua=tlsrpt@rptbare.sts.dane.test"\n'
  printf '_smtp._tls.rptdmarc.sts TXT "v=TLSRPTv1; rua=mailto:tlsrpt@rptdmarc.sts.dane.test!10m"\n'
}

# zones: written, keyed and signed into $STATE/named.
zones() {
  local z=$STATE/named
  rm -rf "$z"; mkdir -p "$z/keys"
  # shellcheck disable=SC1091
  . "$STATE/tlsa.env"
  # shellcheck disable=SC2016  # $TTL is the zone file's directive
  local soa='$TTL 300
@ SOA ns.dane.test. hostmaster.dane.test. 1 3600 600 86400 300
@ NS ns.dane.test.'
  cat >"$z/insecure.dane.test" <<ZONE
$soa
; An unsigned MX RRset naming a signed MX host with TLSA (RFC 7672 §2.2.1).
crossed MX 10 mx-good.dane.test.
@ MX 10 mx.insecure.dane.test.
mx A $FRONT
; Never used: the zone is not signed, so a DANE sender ignores it (RFC 7672 §2.2).
_25._tcp.mx TLSA 3 1 1 $OTHER_SPKI
ZONE
  # The TLSA records of a signed MX host in an unsigned zone (_tcp delegated without DS).
  cat >"$z/_tcp.mx-split.dane.test" <<ZONE
$soa
_25 TLSA 3 1 1 $OTHER_SPKI
ZONE
  cat >"$z/bogus.dane.test" <<ZONE
$soa
@ MX 10 mx.bogus.dane.test.
mx A $FRONT
_25._tcp.mx TLSA 3 1 1 $LEAF_SPKI
ZONE
  cat >"$z/dane.test" <<ZONE
$soa
ns A $AUTH
; 3 1 1 of the leaf and 2 1 1 of its CA: matches, and survives a key change.
good MX 10 mx-good.dane.test.
mx-good A $FRONT
_25._tcp.mx-good TLSA 3 1 1 $LEAF_SPKI
_25._tcp.mx-good TLSA 2 1 1 $CA_SPKI
; A single 3 1 1: matches, but a new key breaks it (rollover finding).
ee MX 10 mx-ee.dane.test.
mx-ee A $FRONT
_25._tcp.mx-ee TLSA 3 1 1 $LEAF_SPKI
; 2 1 1 of the CA only: the chain and the name are checked.
ta MX 10 mx-ta.dane.test.
mx-ta A $FRONT
_25._tcp.mx-ta TLSA 2 1 1 $CA_SPKI
; Digest agility (RFC 7671 §9): per usage and selector only the strongest matching type counts.
; 2 1 2 of the CA beside another key's 2 1 1: the SHA-512 record decides, and it matches.
full MX 10 mx-full.dane.test.
mx-full A $FRONT
_25._tcp.mx-full TLSA 2 1 2 $CA_SPKI512
_25._tcp.mx-full TLSA 2 1 1 $OTHER_SPKI
; The leaf's 3 1 1 beside another key's 3 1 2: the SHA-512 record decides, and it does not match.
strong MX 10 mx-strong.dane.test.
mx-strong A $FRONT
_25._tcp.mx-strong TLSA 3 1 1 $LEAF_SPKI
_25._tcp.mx-strong TLSA 3 1 2 $OTHER_SPKI512
; Another key's 3 1 1, another key's 2 1 1.
wrong MX 10 mx-wrong.dane.test.
mx-wrong A $FRONT
_25._tcp.mx-wrong TLSA 3 1 1 $OTHER_SPKI
wrongta MX 10 mx-wrongta.dane.test.
mx-wrongta A $FRONT
_25._tcp.mx-wrongta TLSA 2 1 1 $OTHER_SPKI
; Only unusable records: PKIX-TA(0), PKIX-EE(1), an unknown selector and matching type.
unusable MX 10 mx-unusable.dane.test.
mx-unusable A $FRONT
_25._tcp.mx-unusable TLSA 0 1 1 $CA_SPKI
_25._tcp.mx-unusable TLSA 1 1 1 $LEAF_SPKI
_25._tcp.mx-unusable TLSA 3 2 1 $LEAF_SPKI
_25._tcp.mx-unusable TLSA 3 1 9 $LEAF_SPKI
; TLSA records, but the server offers no STARTTLS.
plain MX 10 mx-plain.dane.test.
mx-plain A $PLAIN
_25._tcp.mx-plain TLSA 3 1 1 $LEAF_SPKI
; A real MTA (Postfix, 127.0.0.1:2525 with the shared certificate): the record at port 25 (what
; smtp-gate reads) and at 2525 (what posttls-finger reads for [host]:2525).
postfix MX 10 mx-postfix.dane.test.
mx-postfix A 127.0.0.1
_25._tcp.mx-postfix TLSA 3 1 1 $MTA_SPKI
_2525._tcp.mx-postfix TLSA 3 1 1 $MTA_SPKI
; Three full-certificate records (3 0 0): the answer exceeds 1232 bytes, so UDP is truncated and
; the query is repeated over TCP (RFC 7766).
big MX 10 mx-big.dane.test.
mx-big A $FRONT
_25._tcp.mx-big TLSA 3 0 0 $LEAF_DER
_25._tcp.mx-big TLSA 3 0 0 $NEW_DER
_25._tcp.mx-big TLSA 3 0 0 $CA_DER
; The MX is an alias: TLSA at the expanded name first (RFC 7672 §2.2.3).
alias MX 10 mx-alias.dane.test.
mx-alias CNAME mx-good.dane.test.
; A signed MX host whose _tcp subdomain is delegated without a DS: its TLSA answer is insecure.
split MX 10 mx-split.dane.test.
mx-split A $FRONT
_tcp.mx-split NS ns.dane.test.
; Paths real deployments get wrong (docs/dane.md, test/dane/paths.test.ts).
; 2 1 1 of the CA, but the server sends its leaf alone: the anchor is not in the chain, which
; RFC 7671 §5.2.2 requires of the server; the same leaf under 3 1 1 needs no chain.
tanochain MX 10 mx-tanochain.dane.test.
mx-tanochain A $LEAFONLY
_25._tcp.mx-tanochain TLSA 2 1 1 $CA_SPKI
eenochain MX 10 mx-eenochain.dane.test.
mx-eenochain A $LEAFONLY
_25._tcp.mx-eenochain TLSA 3 1 1 $LEAF_SPKI
; An unusable PKIX-TA(0) record beside a matching 3 1 1: the 3 1 1 decides (RFC 7672 §3.1.3).
mixed MX 10 mx-mixed.dane.test.
mx-mixed A $FRONT
_25._tcp.mx-mixed TLSA 0 1 1 $CA_SPKI
_25._tcp.mx-mixed TLSA 3 1 1 $LEAF_SPKI
; A PKIX-EE(1) record of the server's own key beside another key's 3 1 1: the 1 1 1 is not
; used for SMTP, so nothing in use matches.
pkix MX 10 mx-pkix.dane.test.
mx-pkix A $FRONT
_25._tcp.mx-pkix TLSA 1 1 1 $LEAF_SPKI
_25._tcp.mx-pkix TLSA 3 1 1 $OTHER_SPKI
; TLSA records for the submission ports only: MX delivery reads _25._tcp (RFC 7672 §2.2.3).
port MX 10 mx-port.dane.test.
mx-port A $FRONT
_465._tcp.mx-port TLSA 3 1 1 $LEAF_SPKI
_587._tcp.mx-port TLSA 3 1 1 $LEAF_SPKI
; A signed MX host name that is a CNAME into the unsigned insecure.dane.test: the address
; answer is insecure, but the alias itself is signed: its own TLSA records are used (RFC 7672
; §2.2.3; posttls-finger matches them).
cname MX 10 mx-cname.dane.test.
mx-cname CNAME mx.insecure.dane.test.
_25._tcp.mx-cname TLSA 3 1 1 $LEAF_SPKI
; The same alias with another key's record: a DANE sender (Postfix) refuses.
cnamewrong MX 10 mx-cnamewrong.dane.test.
mx-cnamewrong CNAME mx.insecure.dane.test.
_25._tcp.mx-cnamewrong TLSA 3 1 1 $OTHER_SPKI
; The same alias without records of its own: the target's unsigned records are ignored.
cnamebare MX 10 mx-cnamebare.dane.test.
mx-cnamebare CNAME mx.insecure.dane.test.
; TLSA at the mail domain instead of its MX host.
atdomain MX 10 mx-atdomain.dane.test.
mx-atdomain A $FRONT
_25._tcp.atdomain TLSA 3 1 1 $LEAF_SPKI
; A rollover in progress: the old key's 3 1 1 beside the new key's, which the server holds.
rollover MX 10 mx-rollover.dane.test.
mx-rollover A $FRONT
_25._tcp.mx-rollover TLSA 3 1 1 $OTHER_SPKI
_25._tcp.mx-rollover TLSA 3 1 1 $LEAF_SPKI
; MTA-STS and TLS-RPT paths (test/mta-sts/paths.test.ts; the policies are nginx's, of
; scripts/test-mta-sts.sh, on $STS_WEB). MX localhost is Postfix (its certificate names localhost).
$(sts_domains)
; Delegations: one without a DS (insecure), one with (its data is altered after signing).
insecure NS ns.dane.test.
bogus NS ns.dane.test.
ZONE
  # One key per zone signs everything (a CSK); NSEC; signatures valid 30 days.
  local child parent
  child=$(dnssec-keygen -q -K "$z/keys" -a ECDSAP256SHA256 -f KSK -n ZONE bogus.dane.test)
  dnssec-signzone -q -O full -d "$z" -K "$z/keys" -S -z -o bogus.dane.test -f "$z/bogus.dane.test.signed" "$z/bogus.dane.test" >/dev/null
  dnssec-dsfromkey -2 "$z/keys/$child.key" >>"$z/dane.test"   # the secure delegation
  parent=$(dnssec-keygen -q -K "$z/keys" -a ECDSAP256SHA256 -f KSK -n ZONE dane.test)
  dnssec-signzone -q -O full -d "$z" -K "$z/keys" -S -z -o dane.test -f "$z/dane.test.signed" "$z/dane.test" >/dev/null
  dnssec-dsfromkey -2 "$z/keys/$parent.key" >"$STATE/trust-anchor.ds"
  # Break bogus.dane.test: the TLSA data changes under its old RRSIG.
  sed -i "s/\(\sTLSA\s\+3 1 1 \)[0-9A-Fa-f ]*$/\1$OTHER_SPKI/" "$z/bogus.dane.test.signed"
  grep -q "$OTHER_SPKI" "$z/bogus.dane.test.signed" || { log "could not alter bogus.dane.test"; exit 1; }
  cp "$z/insecure.dane.test" "$z/insecure.dane.test.signed"
  cp "$z/_tcp.mx-split.dane.test" "$z/_tcp.mx-split.dane.test.signed"
}

named_conf() {
  cat >"$STATE/named.conf" <<CONF
options {
  directory "$STATE/named";
  listen-on port 53 { $AUTH; };
  listen-on-v6 { none; };
  pid-file "$STATE/named.pid";
  session-keyfile "$STATE/named/session.key";
  managed-keys-directory "$STATE/named";
  recursion no;
  dnssec-validation no;
  allow-transfer { none; };
  notify no;
};
controls { };
zone "dane.test" { type primary; file "dane.test.signed"; };
zone "bogus.dane.test" { type primary; file "bogus.dane.test.signed"; };
zone "insecure.dane.test" { type primary; file "insecure.dane.test.signed"; };
zone "_tcp.mx-split.dane.test" { type primary; file "_tcp.mx-split.dane.test.signed"; };
CONF
}

unbound_conf() {
  cat >"$STATE/unbound.conf" <<CONF
server:
  interface: $RESOLVER
  port: 53
  do-ip6: no
  access-control: 127.0.0.0/8 allow
  username: ""
  chroot: ""
  directory: "$STATE"
  pidfile: "$STATE/unbound.pid"
  logfile: "$STATE/unbound.log"
  use-syslog: no
  do-daemonize: yes
  verbosity: 1
  val-log-level: 2
  num-threads: 1
  module-config: "validator iterator"
  # The authoritative server is on loopback; .test is not served locally (RFC 6761's default).
  do-not-query-localhost: no
  local-zone: "test." nodefault
  trust-anchor-file: "$STATE/trust-anchor.ds"
  # Short caches: a restart with new keys is seen at once.
  cache-max-ttl: 5
  cache-max-negative-ttl: 5
stub-zone:
  name: "dane.test"
  stub-addr: $AUTH
CONF
}

# named listens only on addresses an interface holds (unbound and Python bind any 127/8 address):
# the authoritative address is added to lo while named runs, and removed by stop when start added it.
hold_address() {
  ip -4 addr show dev lo | grep -q "inet $AUTH/" && return 0
  ip addr add "$AUTH/32" dev lo && touch "$STATE/address-added"
}
release_address() {
  [ -f "$STATE/address-added" ] || return 0
  ip addr del "$AUTH/32" dev lo 2>/dev/null || true
  rm -f "$STATE/address-added"
}

stop_all() {
  local name
  for name in leafonly plain front unbound named; do stop_pid "$name" "$(read_pid "$STATE/$name.pid")"; rm -f "$STATE/$name.pid"; done
  release_address
}

case "${1:-}" in
  start)
    [ "$(id -u)" -eq 0 ] || { log "must run as root (ports 53 and 25, apt-get)"; exit 1; }
    mkdir -p "$STATE"
    install
    [ -f "$MTA_CERT" ] || { log "no $MTA_CERT: start the MTAs first (scripts/test-mta.sh start)"; exit 1; }
    if [ "$(cat "$STATE/inputs" 2>/dev/null)" = "$(inputs_digest)" ] && all_up; then log "already running"; exit 0; fi
    stop_all
    certificates
    zones
    named_conf
    unbound_conf
    printf 'nameserver %s\noptions trust-ad edns0\n' "$RESOLVER" >"$STATE/resolv.conf"
    # posttls-finger reads main.cf from MAIL_CONFIG: an empty one of ours, not the system's.
    mkdir -p "$STATE/posttls-finger"; : >"$STATE/posttls-finger/main.cf"
    named-checkconf "$STATE/named.conf"
    hold_address
    named -c "$STATE/named.conf" -L "$STATE/named.log"
    unbound-checkconf "$STATE/unbound.conf" >/dev/null || { unbound-checkconf "$STATE/unbound.conf" >&2; exit 1; }
    unbound -c "$STATE/unbound.conf"
    "$PYTHON" "$here/mta-sts/tls-front.py" "$FRONT" 25 1.2 "$STATE/certs/chain.pem:$STATE/certs/leaf.key" >"$STATE/front.log" 2>&1 &
    echo $! >"$STATE/front.pid"
    "$PYTHON" "$here/dane/plain-smtp.py" "$PLAIN" 25 >"$STATE/plain.log" 2>&1 &
    echo $! >"$STATE/plain.pid"
    "$PYTHON" "$here/mta-sts/tls-front.py" "$LEAFONLY" 25 1.2 "$STATE/certs/leaf-only.pem:$STATE/certs/leaf.key" >"$STATE/leafonly.log" 2>&1 &
    echo $! >"$STATE/leafonly.pid"
    for _ in $(seq 1 100); do all_up && break; sleep 0.1; done
    if ! all_up; then
      log "not up; last lines of the logs:"; tail -n 10 "$STATE/named.log" "$STATE/unbound.log" "$STATE/front.log" "$STATE/plain.log" "$STATE/leafonly.log" >&2 || true; exit 1
    fi
    inputs_digest >"$STATE/inputs"
    log "named on $AUTH:53 (pid $(read_pid "$STATE/named.pid")), validating unbound on $RESOLVER:53 (pid $(read_pid "$STATE/unbound.pid")), SMTP on $FRONT:25 (STARTTLS), $PLAIN:25 (plain) and $LEAFONLY:25 (STARTTLS, leaf alone)"
    ;;
  stop) stop_all ;;
  status)
    if all_up; then log "running and validating"; exit 0; fi
    log "not running, or not validating"; exit 1
    ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
