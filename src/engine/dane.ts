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
  /**
   * Unsigned addresses or TLSA: no DANE; `tlsaIgnored` lists records published where nobody may
   * trust them, at `tlsaAt`; `alias` is the expanded name when the host is a signed CNAME whose
   * target's zone is not signed.
   */
  | { kind: "insecure"; addressesSecure: boolean; tlsaIgnored: Tlsa[]; tlsaAt?: string; alias?: string }
  /**
   * Secure addresses (or a secure alias of insecure ones, `aliasOf`); `records` at
   * `_25._tcp.<base>` (empty: secure but no DANE). `elsewhere`: with none there, signed TLSA
   * records at names a DANE sender never reads for MX delivery (another port, the mail domain).
   */
  | { kind: "secure"; base: string; records: Tlsa[]; aliasOf?: string; elsewhere?: { name: string; records: Tlsa[] }[] };

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

/** Where else a DANE sender's records are often put by mistake: the submission ports, the probe's port, the mail domain. */
export interface ElsewhereHints {
  /** The port the probe used (its TLSA name is looked at when it is not 25). */
  port?: number;
  /** The mail domain whose MX this host is. */
  domain?: string;
}

/** RFC 7672 §2.2: addresses first; TLSA only when they are secure, at the expanded name, then the original. */
export async function lookupHostDane(host: string, family: 4 | 6, server: DnsServer, deadlineMs: number, hints: ElsewhereHints = {}): Promise<HostDane> {
  // One deadline for the host's lookups together.
  const until = monotonicMs() + deadlineMs;
  const q = (name: string, type: "A" | "AAAA" | "TLSA" | "CNAME") => dnsQuery(name, type, { server, deadlineMs: until - monotonicMs() });
  const addr = await q(host, family === 6 ? "AAAA" : "A");
  if (!isAnswer(addr)) return { kind: "bogus", what: `${host} ${family === 6 ? "AAAA" : "A"}: ${addr.message}`, rcode: addr.kind };
  if (addr.rcode === "SERVFAIL") return { kind: "bogus", what: `${host} ${family === 6 ? "AAAA" : "A"}`, rcode: addr.rcode };
  const expanded = expandedName(addr, host);
  const original = host.toLowerCase();
  const names = expanded === original ? [expanded] : [expanded, original];
  if (!addr.ad) {
    // RFC 7672 §2.2.3: an MX host name that is a secure CNAME into an unsigned zone keeps the
    // TLSA records of its own (signed) name: the alias, not the target, is the TLSA base domain.
    // Postfix does so (posttls-finger: "Verified" with the alias's 3 1 1), so a sender refuses
    // when they do not match. The CNAME asked on its own is answered by the alias's RRset alone,
    // which says whether the alias itself is signed.
    let aliasSecure = false;
    if (expanded !== original) {
      const alias = await q(original, "CNAME");
      aliasSecure = isAnswer(alias) && alias.ad && alias.answers.some((x) => x.type === "CNAME");
      if (aliasSecure) {
        const t = await q(`_25._tcp.${original}`, "TLSA");
        if (!isAnswer(t)) return { kind: "bogus", what: `_25._tcp.${original} TLSA: ${t.message}`, rcode: t.kind };
        if (t.rcode !== "NOERROR" && t.rcode !== "NXDOMAIN") return { kind: "bogus", what: `_25._tcp.${original} TLSA`, rcode: t.rcode };
        const records = tlsaOf(t);
        if (t.ad && records.length) return { kind: "secure", base: original, records, aliasOf: expanded };
      }
    }
    // Not DANE; records published anyway are worth a notice (they protect nobody).
    const t = await q(`_25._tcp.${expanded}`, "TLSA");
    const ignored = isAnswer(t) && t.rcode === "NOERROR" ? tlsaOf(t) : [];
    // `alias` only when the alias itself validated: then the unsigned part is the target's zone.
    return { kind: "insecure", addressesSecure: false, tlsaIgnored: ignored, ...(ignored.length ? { tlsaAt: `_25._tcp.${expanded}` } : {}), ...(aliasSecure ? { alias: expanded } : {}) };
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
  if (ignored.length) return { kind: "insecure", addressesSecure: true, tlsaIgnored: ignored };
  const elsewhere = await tlsaElsewhere(expanded, hints, (name) => q(name, "TLSA"));
  return { kind: "secure", base: expanded, records: [], ...(elsewhere.length ? { elsewhere } : {}) };
}

/**
 * A signed MX host without TLSA at `_25._tcp`: are there signed records where a sender does not
 * look? MX delivery is port 25 (RFC 7672 §2.2.3: `_25._tcp.<TLSA base domain>`, RFC 6698 §3), so
 * records for the submission ports or at the mail domain protect nothing. Asked at once; a failed
 * or unsigned answer counts as none.
 */
async function tlsaElsewhere(base: string, hints: ElsewhereHints, ask: (name: string) => Promise<DnsQueryResult>): Promise<{ name: string; records: Tlsa[] }[]> {
  const ports = new Set([465, 587]);
  if (hints.port && hints.port !== 25) ports.add(hints.port);
  const names = [...ports].map((p) => `_${p}._tcp.${base}`);
  const domain = hints.domain?.toLowerCase().replace(/\.$/, "");
  if (domain && domain !== base && checkHost(domain) === null) names.push(`_25._tcp.${domain}`);
  const answers = await Promise.all(names.map(ask));
  return names.flatMap((name, i) => {
    const a = answers[i] as DnsQueryResult;
    const records = isAnswer(a) && a.ad && a.rcode === "NOERROR" ? tlsaOf(a) : [];
    return records.length ? [{ name, records }] : [];
  });
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
