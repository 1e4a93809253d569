/**
 * MX expansion (RFC 5321 §5.1): a mail domain → the hosts that receive its mail, most preferred
 * first. A domain without MX records but with an address is its own implicit MX (preference 0);
 * a null MX (RFC 7505) says the domain accepts no mail at all. Failures are values, kind `dns`.
 */
import { Resolver } from "node:dns/promises";
import type { PeerError } from "../session/errors.js";

export interface MxHost {
  host: string;
  preference: number;
}

export interface MxError extends PeerError {
  kind: "dns";
  /** c-ares' code (ENOTFOUND, ESERVFAIL, ETIMEOUT, …), or NULL_MX for RFC 7505. */
  code: string;
  /** True for a null MX: the domain publishes that it accepts no mail (RFC 7505). */
  nullMx?: true;
}

export type MxExpansion = { hosts: MxHost[]; implicit?: true } | { error: MxError };

/** What expandMx needs from a resolver: node:dns/promises' Resolver, or engine/dns.ts's bounded one. */
export interface MxResolver {
  resolveMx(name: string): Promise<{ exchange: string; priority: number }[]>;
  resolve4(name: string): Promise<string[]>;
  resolve6(name: string): Promise<string[]>;
}

const WORDS: Record<string, string> = {
  ENOTFOUND: "the domain does not exist (NXDOMAIN)",
  ENODATA: "no records of that type",
  ESERVFAIL: "the DNS server failed (SERVFAIL)",
  EREFUSED: "the DNS server refused the query",
  ETIMEOUT: "the DNS query timed out",
  ECONNREFUSED: "the DNS server could not be reached",
  EFORMERR: "the DNS server could not parse the query",
  EBADRESP: "the DNS server sent a malformed reply",
  EBADNAME: "not a valid domain name",
};

/** Does not throw: every DNS failure comes back as `{ error: { kind: "dns", … } }`. */
export async function expandMx(domain: string, resolver: MxResolver = new Resolver()): Promise<MxExpansion> {
  const name = domain.trim().replace(/\.$/, "").toLowerCase();
  if (!name || name.length > 253 || !/^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/.test(name)) {
    return { error: { kind: "dns", code: "EBADNAME", message: `"${domain}" is not a valid domain name` } };
  }
  let records: { exchange: string; priority: number }[];
  try {
    records = await resolver.resolveMx(name);
  } catch (e) {
    const code = codeOf(e);
    // RFC 5321 §5.1: no MX records at all → the domain itself, if it has an address.
    if (code === "ENODATA" || code === "ENOTFOUND") return implicitMx(name, resolver, code);
    return { error: dnsError(code, `MX lookup for ${name}`) };
  }
  if (records.length === 0) return implicitMx(name, resolver, "ENODATA");
  // RFC 7505 §3: a single MX whose exchange is the root (".", which c-ares gives as "").
  if (records.length === 1 && isRoot(records[0]?.exchange ?? "")) {
    return { error: { kind: "dns", code: "NULL_MX", nullMx: true, message: `${name} publishes a null MX (RFC 7505): it accepts no mail` } };
  }
  const best = new Map<string, number>();
  for (const r of records) {
    if (isRoot(r.exchange)) continue; // a "." beside real MX records is a misconfiguration; skip it
    const host = r.exchange.replace(/\.$/, "").toLowerCase();
    best.set(host, Math.min(best.get(host) ?? Infinity, r.priority));
  }
  const hosts = [...best].map(([host, preference]) => ({ host, preference }));
  hosts.sort((a, b) => a.preference - b.preference || (a.host < b.host ? -1 : a.host > b.host ? 1 : 0));
  return { hosts };
}

async function implicitMx(name: string, resolver: MxResolver, mxCode: string): Promise<MxExpansion> {
  const settled = await Promise.allSettled([resolver.resolve4(name), resolver.resolve6(name)]);
  if (settled.some((s) => s.status === "fulfilled" && s.value.length > 0)) return { hosts: [{ host: name, preference: 0 }], implicit: true };
  // NXDOMAIN on MX says the name does not exist at all; otherwise report what the address lookups said.
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === "rejected" && codeOf(s.reason) !== "ENODATA");
  const code = mxCode === "ENOTFOUND" ? mxCode : rejected ? codeOf(rejected.reason) : "ENODATA";
  const why = code === "ENODATA" ? "it has no MX and no address records" : WORDS[code] ?? code;
  return { error: dnsError(code, `MX lookup for ${name}`, why) };
}

function dnsError(code: string, what: string, why = WORDS[code] ?? code): MxError {
  return { kind: "dns", code, message: `${what}: ${why}${why.includes(code) ? "" : ` (${code})`}` };
}

const isRoot = (exchange: string): boolean => exchange === "" || exchange === ".";

function codeOf(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "EUNKNOWN";
}
