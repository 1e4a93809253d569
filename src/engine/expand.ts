/**
 * Address expansion: a mail domain is only as healthy as its worst reachable address. An `mx`
 * target becomes one target per (MX host, address), most preferred host first, IPv6 before IPv4
 * (RFC 6724's default order), named `mx example.com → mx1.example.com (10) [2001:db8::25]`; a
 * `host` target does so too with `every-address`. Each address carries its forward-confirmed
 * reverse DNS. A DNS failure becomes that target's result, error kind `dns`. Other targets pass
 * through untouched.
 */
import type { TargetConfig } from "../config/target.js";
import { judgeTarget } from "./judge.js";
import { ipFamily } from "../protocol/address.js";
import { monotonicMs } from "../session/clock.js";
import { reverseDns, type RunDns } from "./dns.js";
import type { ProbeOutcome, TargetResult } from "./result.js";

export async function expandTarget(t: TargetConfig, dns: RunDns): Promise<(TargetConfig | TargetResult)[]> {
  if (t.mx === undefined && !t.everyAddress) return [t];
  const started = monotonicMs();
  let hosts: { host: string; label: string }[];
  if (t.mx !== undefined) {
    const r = await dns.mx(t.mx);
    if (!("hosts" in r) || !r.hosts.length) return [dnsFailure(t, t.mx, "error" in r ? r.error.message : `MX lookup for ${t.mx}: no hosts`, started)];
    hosts = r.hosts.map((h) => ({ host: h.host, label: `${t.name} → ${h.host} (${h.preference})` }));
  } else {
    hosts = [{ host: t.host, label: t.name }];
  }
  const out: (TargetConfig | TargetResult)[] = [];
  for (const { host, label } of hosts) {
    const found = await addressesOf(dns, host, t.ip);
    if (!Array.isArray(found)) {
      out.push(dnsFailure({ ...t, name: label }, host, found.message, started));
      continue;
    }
    for (const address of found) {
      const expanded: TargetConfig = { ...t, host, address, name: `${label} [${address}]`, rdns: await reverseDns(dns, address) };
      delete expanded.mx;
      if (t.mx !== undefined) expanded.mxHost = host;
      out.push(expanded);
    }
  }
  return out;
}

/** IPv6 first, then IPv4, or the one family asked for; an address literal is its own. */
async function addressesOf(dns: RunDns, host: string, only: 4 | 6 | undefined): Promise<string[] | { message: string }> {
  const literal = ipFamily(host);
  if (literal) return only === undefined || only === literal ? [host] : { message: `${host} is an IPv${literal} address, and ip is ${only}` };
  const families: (4 | 6)[] = only ? [only] : [6, 4];
  const found: string[] = [];
  const codes: string[] = [];
  for (const family of families) {
    const r = await dns.addresses(host, family);
    if (Array.isArray(r)) found.push(...r);
    else codes.push(r.code);
  }
  if (found.length) return found;
  const kinds = families.map((f) => (f === 4 ? "A" : "AAAA")).join(" or ");
  const failure = codes.find((c) => c !== "ENODATA" && c !== "ENOTFOUND");
  return { message: `${host} has no ${kinds} record${failure ? ` (the lookup failed: ${failure})` : codes.includes("ENOTFOUND") ? " (NXDOMAIN)" : ""}` };
}

function dnsFailure(t: TargetConfig, host: string, message: string, started: number): TargetResult {
  const outcome: ProbeOutcome = {
    name: t.name, host, port: t.port, tlsMode: t.tls, durationMs: Math.round(monotonicMs() - started),
    error: { kind: "dns", message, step: null }, tls: null, extensions: [], extensionsBeforeTls: null, steps: [],
    transcript: [], transcriptCapped: false, unsolicitedReplies: 0, closedByServer: false, ...(t.source ? { source: t.source } : {}),
  };
  return judgeTarget(outcome, t);
}
