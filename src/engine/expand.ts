/**
 * Address expansion: a mail domain is only as healthy as its worst reachable address. An `mx`
 * target becomes one target per (MX host, address), most preferred host first, IPv6 before IPv4
 * (RFC 6724's default order), named `mx example.com → mx1.example.com (10) [2001:db8::25]`; a
 * `host` target does so too with `every-address`. Each address carries its forward-confirmed
 * reverse DNS. A DNS failure becomes that target's result, error kind `dns`. Other targets pass
 * through untouched, and their host name is looked up just before the probe (resolveHost).
 *
 * The budget: every query is bounded by `timeout` (dns.ts), the whole expansion of a target by
 * its `deadline`, and the hosts of an MX set and the PTRs of their addresses are asked at once.
 * Through a SOCKS5 proxy names are not looked up here at all: the proxy resolves them (RFC 1928
 * §4, ATYP 3); so `mx` and `every-address` do not go with `socks5` (config/resolve.ts). An address
 * that can never be a remote MTA (address-scope.ts) is not connected to: its result says why.
 */
import type { TargetConfig } from "../config/target.js";
import { judgeTarget } from "./judge.js";
import { ipFamily } from "../protocol/address.js";
import { monotonicMs } from "../session/clock.js";
import { neverRemoteMta, notConnectedMessage } from "./address-scope.js";
import { beforeDeadline, reverseDns, type RunDns } from "./dns.js";
import type { MxExpansion } from "./mx.js";
import type { ProbeOutcome } from "./result.js";
import type { ReverseDns, TargetResult } from "../model/report.js";

type Lookup = (host: string, family: 4 | 6) => Promise<string[] | { code: string }>;

/** A target's expansion budget: `within(p, late)` is p's answer, or late() once its deadline has passed. */
function budget(t: TargetConfig) {
  const started = monotonicMs();
  const deadline = t.deadlineMs !== undefined ? started + t.deadlineMs : Infinity;
  const lateCode = { code: "EDEADLINE" };
  return {
    started,
    within: <T>(p: Promise<T>, late: () => T): Promise<T> => beforeDeadline(p, deadline, monotonicMs(), late),
    /** A lookup cut short by the deadline answers with code EDEADLINE. */
    lookup: (ask: Lookup): Lookup => (host, family) => beforeDeadline(ask(host, family), deadline, monotonicMs(), () => lateCode),
    /** What is left of the target's deadline for its probe, after a lookup before it. */
    rest: (): Pick<TargetConfig, "deadlineMs"> => (t.deadlineMs !== undefined ? { deadlineMs: Math.max(0, Math.round(deadline - monotonicMs())) } : {}),
  };
}

export async function expandTarget(t: TargetConfig, dns: RunDns): Promise<(TargetConfig | TargetResult)[]> {
  if (t.mx === undefined && !t.everyAddress) return [t];
  const b = budget(t);
  let hosts: { host: string; label: string }[];
  if (t.mx !== undefined) {
    const domain = t.mx;
    const late = (): MxExpansion => ({ error: { kind: "dns", code: "EDEADLINE", message: `MX lookup for ${domain}: ${deadlineWords(t)}` } });
    const r = await b.within(dns.mx(domain), late);
    if (!("hosts" in r) || !r.hosts.length) return [dnsFailure(t, domain, "error" in r ? r.error.message : `MX lookup for ${domain}: no hosts`, b.started)];
    hosts = r.hosts.map((h) => ({ host: h.host, label: `${t.name} → ${h.host} (${h.preference})` }));
  } else {
    hosts = [{ host: t.host, label: t.name }];
  }
  const lookup = b.lookup(t.mx !== undefined ? dns.addresses : dns.host);
  const perHost = await Promise.all(hosts.map(async ({ host, label }): Promise<(TargetConfig | TargetResult)[]> => {
    const found = await addressesOf(lookup, host, t.ip, t);
    if (!Array.isArray(found)) return [dnsFailure({ ...t, name: label }, host, found.message, b.started)];
    return Promise.all(found.map(async (address): Promise<TargetConfig | TargetResult> => {
      const name = `${label} [${address}]`;
      const mxHost = t.mx !== undefined ? { mxHost: host } : {};
      const never = neverRemoteMta(address);
      if (never) return dnsFailure({ ...t, name, ...mxHost }, host, notConnectedMessage(host, address, never), b.started);
      const rdns = await b.within(reverseDns(dns, address), (): ReverseDns => ({ address, names: [], confirmed: [], error: "EDEADLINE" }));
      const expanded: TargetConfig = { ...t, host, address, name, rdns, ...mxHost };
      delete expanded.mx;
      return expanded;
    }));
  }));
  return perHost.flat();
}

/**
 * A target that was not expanded, just before its probe: an address is checked, a host name is
 * looked up through the run's resolver (the configured one, else the system's lookup) and the
 * connection goes to one of its usable addresses; through a SOCKS5 proxy the name goes as it is,
 * and the proxy's own name is what is looked up. The lookup's time comes off the target's deadline.
 */
export async function resolveHost(t: TargetConfig, dns: RunDns): Promise<TargetConfig | TargetResult> {
  if (t.address !== undefined || t.mx !== undefined) return t;
  const b = budget(t);
  if (ipFamily(t.host) !== 0) {
    const never = neverRemoteMta(t.host);
    return never ? dnsFailure(t, t.host, notConnectedMessage(t.host, t.host, never), b.started) : t;
  }
  if (t.socks5) return proxyLookedUp(t, dns, b);
  const found = await addressesOf(b.lookup(dns.host), t.host, t.ip, t);
  if (!Array.isArray(found)) return dnsFailure(t, t.host, found.message, b.started);
  const usable = found.filter((a) => neverRemoteMta(a) === null);
  const unroutable = found.flatMap((address) => {
    const why = neverRemoteMta(address);
    return why ? [{ address, why }] : [];
  });
  const first = unroutable[0];
  if (!usable.length && first) return dnsFailure(t, t.host, notConnectedMessage(t.host, first.address, first.why), b.started);
  return { ...t, addresses: usable, ...(unroutable.length ? { unroutable } : {}), ...b.rest() };
}

/** Through a SOCKS5 proxy the target's name goes to the proxy; the proxy's own name is looked up here, like any other. */
async function proxyLookedUp(t: TargetConfig, dns: RunDns, b: ReturnType<typeof budget>): Promise<TargetConfig | TargetResult> {
  const proxy = t.socks5 as NonNullable<TargetConfig["socks5"]>;
  if (ipFamily(proxy.host) !== 0) return t;
  const found = await addressesOf(b.lookup(dns.host), proxy.host, undefined, t);
  if (!Array.isArray(found)) return dnsFailure(t, t.host, `the SOCKS5 proxy's name: ${found.message}`, b.started);
  return { ...t, socks5: { ...proxy, addresses: found }, ...b.rest() };
}

/** IPv6 first, then IPv4, or the one family asked for; both asked at once. An address literal is its own. */
async function addressesOf(lookup: Lookup, host: string, only: 4 | 6 | undefined, t: TargetConfig): Promise<string[] | { message: string }> {
  const literal = ipFamily(host);
  if (literal) return only === undefined || only === literal ? [host] : { message: `${host} is an IPv${literal} address, and ip is ${only}` };
  const families: (4 | 6)[] = only ? [only] : [6, 4];
  const answers = await Promise.all(families.map((family) => lookup(host, family)));
  const found = answers.flatMap((r) => (Array.isArray(r) ? r : []));
  if (found.length) return found;
  const codes = answers.flatMap((r) => (Array.isArray(r) ? [] : [r.code]));
  const kinds = families.map((f) => (f === 4 ? "A" : "AAAA")).join(" or ");
  if (codes.includes("EDEADLINE")) return { message: `the lookup of ${host}'s ${kinds} records: ${deadlineWords(t)}` };
  const failure = codes.find((c) => c !== "ENODATA" && c !== "ENOTFOUND");
  return { message: `${host} has no ${kinds} record${failure ? ` (the lookup failed: ${failure})` : codes.includes("ENOTFOUND") ? " (NXDOMAIN)" : ""}` };
}

function deadlineWords(t: TargetConfig): string {
  return `not answered within the target's deadline (${(t.deadlineMs ?? 0) / 1000}s)`;
}

function dnsFailure(t: TargetConfig, host: string, message: string, started: number): TargetResult {
  const outcome: ProbeOutcome = {
    name: t.name, host, port: t.port, tlsMode: t.tls, durationMs: Math.round(monotonicMs() - started),
    error: { kind: "dns", message, step: null }, tls: null, extensions: [], extensionsBeforeTls: null, steps: [],
    transcript: [], transcriptCapped: false, unsolicitedReplies: 0, closedByServer: false, ...(t.source ? { source: t.source } : {}),
    ...(t.mxHost ? { mxHost: t.mxHost } : {}),
  };
  return judgeTarget(outcome, t);
}
