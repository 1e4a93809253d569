/**
 * DANE for SMTP (RFC 7672) in the run: per MX host, DNSSEC-aware lookups of its addresses and its
 * TLSA records through the target's `resolver`, whose AD bit is trusted (docs/dane.md: the trust
 * model); per address, a DANE sender's own STARTTLS handshake (SNI = the TLSA base domain, §3.3)
 * whose chain is matched against the records in use. Judged by diagnose/dane.ts.
 */
import { getServers } from "node:dns";
import { X509Certificate } from "node:crypto";
import type { DetailedPeerCertificate } from "node:tls";
import type { TargetConfig } from "../config/target.js";
import { recordsInUse, tlsaText, verifyDane, type DaneMatch, type Tlsa } from "../dane/tlsa.js";
import { dnsQuery, type DnsAnswer, type DnsQueryResult } from "../session/dns-query.js";
import { checkHost } from "../protocol/address.js";
import { monotonicMs } from "../session/clock.js";
import type { DnsServer } from "./dns.js";
import { handshake } from "./tls-audit.js";
import type { TargetResult } from "../model/report.js";


/** What DNSSEC says about one MX host (RFC 7672 §2.2). */
export type HostDane =
  /** The address records (or the TLSA lookup) failed validation or failed: the host is unusable. */
  | { kind: "bogus"; what: string; rcode: string }
  /** Unsigned addresses or TLSA: no DANE; `tlsaIgnored` lists records published where nobody may trust them. */
  | { kind: "insecure"; addressesSecure: boolean; tlsaIgnored: Tlsa[] }
  /** Secure addresses; `records` at `_25._tcp.<base>` (empty: secure but no DANE). */
  | { kind: "secure"; base: string; records: Tlsa[] };

export interface AddressDaneCheck {
  host: string;
  dns: HostDane;
  /** The resolver set AD on a zone it must have validated: true, false (it does not validate), null (not known). */
  resolverValidates: boolean | null;
  /** The domain's MX RRset validated: true, false, or null (not known, or not an mx target). */
  mxSecure: boolean | null;
  /** The DANE handshake with the records in use: the match, or why none; null when none was made. */
  match: DaneMatch | null;
  /** STARTTLS offered at all (from the probe's EHLO, or the DANE handshake). */
  starttls: boolean | null;
  /** The certificate chain the server sent to the DANE handshake, leaf first. */
  chain: X509Certificate[];
}

/** The resolver the target names, else the system's first. */
export function daneServer(t: TargetConfig): DnsServer | null {
  if (t.resolver) return { host: t.resolver.host, port: t.resolver.port };
  const first = getServers()[0];
  if (!first) return null;
  const m = /^\[(.+)\]:(\d+)$/.exec(first) ?? /^([^:]+):(\d+)$/.exec(first);
  return m ? { host: m[1] as string, port: Number(m[2]) } : { host: first, port: 53 };
}

const isAnswer = (r: DnsQueryResult): r is DnsAnswer => "rcode" in r;

function tlsaOf(a: DnsAnswer): Tlsa[] {
  return a.answers.filter((x) => x.type === "TLSA").map((x) => {
    const d = x.data as { usage: number; selector: number; matchingType: number; certificate: Buffer };
    return { usage: d.usage, selector: d.selector, matchingType: d.matchingType, data: Buffer.from(d.certificate).toString("hex") };
  });
}

/**
 * The end of the CNAME chain in an answer (RFC 7672 §2.2.3), or the name itself. A target that is
 * not a host name (the peer's bytes: it becomes the SNI and goes into messages) ends the chain.
 */
function expandedName(a: DnsAnswer, name: string): string {
  let at = name.toLowerCase();
  for (let i = 0; i < 16; i++) {
    const next = a.answers.find((x) => x.type === "CNAME" && x.name.toLowerCase() === at);
    const target = next ? String((next as { data: unknown }).data).replace(/\.$/, "").toLowerCase() : "";
    if (!target || checkHost(target) !== null) return at;
    at = target;
  }
  return at;
}

/** RFC 7672 §2.2: addresses first; TLSA only when they are secure, at the expanded name, then the original. */
export async function lookupHostDane(host: string, family: 4 | 6, server: DnsServer, deadlineMs: number): Promise<HostDane> {
  // One deadline for the host's lookups together.
  const until = monotonicMs() + deadlineMs;
  const q = (name: string, type: "A" | "AAAA" | "TLSA") => dnsQuery(name, type, { server, deadlineMs: until - monotonicMs() });
  const addr = await q(host, family === 6 ? "AAAA" : "A");
  if (!isAnswer(addr)) return { kind: "bogus", what: `${host} ${family === 6 ? "AAAA" : "A"}: ${addr.message}`, rcode: addr.kind };
  if (addr.rcode === "SERVFAIL") return { kind: "bogus", what: `${host} ${family === 6 ? "AAAA" : "A"}`, rcode: addr.rcode };
  const expanded = expandedName(addr, host);
  const names = expanded === host.toLowerCase() ? [expanded] : [expanded, host.toLowerCase()];
  if (!addr.ad) {
    // Not DANE; records published anyway are worth a notice (they protect nobody).
    const t = await q(`_25._tcp.${expanded}`, "TLSA");
    return { kind: "insecure", addressesSecure: false, tlsaIgnored: isAnswer(t) && t.rcode === "NOERROR" ? tlsaOf(t) : [] };
  }
  const ignored: Tlsa[] = [];
  for (const base of names) {
    const t = await q(`_25._tcp.${base}`, "TLSA");
    if (!isAnswer(t)) return { kind: "bogus", what: `_25._tcp.${base} TLSA: ${t.message}`, rcode: t.kind };
    if (t.rcode !== "NOERROR" && t.rcode !== "NXDOMAIN") return { kind: "bogus", what: `_25._tcp.${base} TLSA`, rcode: t.rcode };
    const records = tlsaOf(t);
    if (t.ad && records.length) return { kind: "secure", base, records };
    // An unsigned answer below a signed MX host (an insecure delegation of _tcp): not DANE; with
    // a CNAME, the original name is tried next (§2.2.3).
    if (!t.ad) ignored.push(...records);
  }
  return ignored.length ? { kind: "insecure", addressesSecure: true, tlsaIgnored: ignored } : { kind: "secure", base: expanded, records: [] };
}

/**
 * Is the domain's MX RRset signed (AD)? Null when not known. An insecure MX does not turn DANE off
 * for hosts whose own records are secure (RFC 7672 §2.2.1 allows it; Postfix's default), but an
 * attacker can forge the MX set itself.
 */
export async function mxSecure(domain: string, server: DnsServer, deadlineMs: number): Promise<boolean | null> {
  const r = await dnsQuery(domain, "MX", { server, deadlineMs });
  return isAnswer(r) && r.rcode === "NOERROR" && r.answers.some((x) => x.type === "MX") ? r.ad : null;
}

/**
 * Does the resolver validate? A signed zone's DNSKEY comes back with AD from a validating resolver.
 * The zone of the MX domain (walking up to the root, the first DNSKEY RRset found): signed (RRSIG
 * present) without AD says it does not validate. A signed island under an unsigned parent would
 * look the same; docs/dane.md says so.
 */
export async function resolverValidates(domain: string, server: DnsServer, deadlineMs: number): Promise<boolean | null> {
  const until = monotonicMs() + deadlineMs;
  const labels = domain.replace(/\.$/, "").split(".").filter(Boolean);
  for (let i = 0; i <= labels.length; i++) {
    const zone = labels.slice(i).join(".") || ".";
    if (until - monotonicMs() <= 0) return null;
    const r = await dnsQuery(zone, "DNSKEY", { server, deadlineMs: until - monotonicMs() });
    if (!isAnswer(r) || r.rcode !== "NOERROR" || !r.answers.some((x) => x.type === "DNSKEY")) continue;
    if (r.ad) return true;
    return r.answers.some((x) => x.type === "RRSIG") ? false : null;
  }
  return null;
}

function chainOf(peer: DetailedPeerCertificate | null): X509Certificate[] {
  const out: X509Certificate[] = [];
  let c: DetailedPeerCertificate | undefined = peer ?? undefined;
  while (c?.raw && out.length < 10) {
    out.push(new X509Certificate(c.raw));
    if (c.issuerCertificate === c) break;
    c = c.issuerCertificate;
  }
  return out;
}

/** One address: the DANE handshake when there are records in use. */
export async function checkAddress(t: TargetConfig, r: TargetResult, hostDane: HostDane, validates: boolean | null, mxIsSecure: boolean | null): Promise<AddressDaneCheck> {
  const host = r.mxHost ?? r.host;
  const offered = r.extensions.length || r.extensionsBeforeTls ? (r.extensionsBeforeTls ?? r.extensions).some((e) => /^STARTTLS\b/i.test(e)) || r.tls !== null : null;
  const out: AddressDaneCheck = { host, dns: hostDane, resolverValidates: validates, mxSecure: mxIsSecure, match: null, starttls: offered, chain: [] };
  if (hostDane.kind !== "secure" || !recordsInUse(hostDane.records).length) return out;
  // RFC 7672 §3.3: a DANE sender sends the TLSA base domain as SNI.
  const h = await handshake({ ...t, servername: hostDane.base }, {});
  if (!h) {
    out.match = { ok: false, reason: offered === false ? "STARTTLS is not offered" : "the TLS handshake did not complete" };
    return out;
  }
  out.starttls = true;
  out.chain = chainOf(h.chain);
  out.match = verifyDane({ chain: out.chain, records: hostDane.records, names: [...new Set([hostDane.base, host])] });
  return out;
}

export { tlsaText };
