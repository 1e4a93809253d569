# Debian packages for the test-server scripts (scripts/mta/common.sh, test-dns.sh, test-mta-sts.sh,
# test-dnssec.sh): sourced, never run. The sourcing script defines log() and $STATE (apt.log goes there).
# shellcheck shell=bash

# Package lists once per machine: `apt-get download` and `install` need them, `update` is slow.
apt_lists() {
  compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null && return 0
  apt-get update -qq >>"$STATE/apt.log" 2>&1 || { log "apt-get update failed (log: $STATE/apt.log)"; exit 1; }
}

# apt-get install, quietly, without letting packages start daemons of their own (policy-rc.d: the
# Debian packages of unbound, bind9, nginx and the MTAs would start the system's services; an
# existing policy-rc.d is kept as it is).
apt_install_quiet() {
  [ $# -eq 0 ] && return 0
  mkdir -p "$STATE"
  apt_lists
  log "installing $*"
  local own_policy=0 rc=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    own_policy=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >>"$STATE/apt.log" 2>&1 || rc=$?
  if [ $rc -ne 0 ]; then
    # Stale package lists name versions the mirror no longer has: refresh them once and retry.
    rc=0
    apt-get update -qq >>"$STATE/apt.log" 2>&1 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >>"$STATE/apt.log" 2>&1 || rc=$?
  fi
  [ $own_policy -eq 1 ] && rm -f /usr/sbin/policy-rc.d
  [ $rc -eq 0 ] || { tail -n 30 "$STATE/apt.log" >&2; log "apt-get install $* failed (log: $STATE/apt.log)"; exit 1; }
}
