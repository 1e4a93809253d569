/**
 * DNS for address expansion and forward-confirmed reverse DNS: one resolver per run, pointed at
 * the configured server (`resolver: HOST[:PORT]`) or the system's, with every answer cached for
 * the run. PTR records are asked for by name (`7.2.0.192.in-addr.arpa`, RFC 1035 §3.5; `ip6.arpa`,
 * RFC 3596 §2.5) so that the configured server answers them: node's Resolver.reverse() may answer
 * from /etc/hosts instead.
 */
import { Resolver } from "node:dns/promises";
import { addressBytes } from "../protocol/proxy-header.js";
import { expandMx, type MxExpansion, type MxResolver } from "./mx.js";
import type { ReverseDns } from "./result.js";

export interface DnsServer {
  host: string;
  port: number;
}

/** What the expansion asks of DNS; cached per run. A failure is a value with c-ares' code. */
export interface RunDns {
  mx(domain: string): Promise<MxExpansion>;
  addresses(host: string, family: 4 | 6): Promise<string[] | { code: string }>;
  ptr(address: string): Promise<string[] | { code: string }>;
  /** TXT records at `name`, each as its strings (`_mta-sts.`, `_smtp._tls.`: RFC 8461 §3.1, RFC 8460 §3). */
  txt(name: string): Promise<string[][] | { code: string }>;
}

export type DnsResolver = MxResolver & Pick<Resolver, "resolvePtr" | "resolveTxt">;

export function createResolver(server?: DnsServer): DnsResolver {
  const r = new Resolver({ timeout: 3000, tries: 2 });
  if (server) r.setServers([server.host.includes(":") ? `[${server.host}]:${server.port}` : `${server.host}:${server.port}`]);
  return r;
}

export function runDns(resolver: DnsResolver): RunDns {
  const cache = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, ask: () => Promise<T>): Promise<T> => {
    let p = cache.get(key) as Promise<T> | undefined;
    if (!p) cache.set(key, (p = ask()));
    return p;
  };
  const settle = async <T>(ask: () => Promise<T[]>): Promise<T[] | { code: string }> => {
    try {
      return await ask();
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      return { code: typeof code === "string" ? code : "EUNKNOWN" };
    }
  };
  return {
    mx: (domain) => once(`MX ${domain}`, () => expandMx(domain, resolver)),
    addresses: (host, family) => once(`${family === 4 ? "A" : "AAAA"} ${host}`, () => settle(() => (family === 4 ? resolver.resolve4(host) : resolver.resolve6(host)))),
    ptr: (address) => once(`PTR ${address}`, () => settle(() => resolver.resolvePtr(reverseName(address)))),
    txt: (name) => once(`TXT ${name}`, () => settle(() => resolver.resolveTxt(name))),
  };
}

/** The name a PTR record of `address` lives at. */
export function reverseName(address: string): string {
  if (!address.includes(":")) return `${address.split(".").reverse().join(".")}.in-addr.arpa`;
  const nibbles = addressBytes(address, 6).toString("hex").split("");
  return `${nibbles.reverse().join(".")}.ip6.arpa`;
}

export async function reverseDns(dns: RunDns, address: string): Promise<ReverseDns> {
  const family = address.includes(":") ? 6 : 4;
  const ptr = await dns.ptr(address);
  if (!Array.isArray(ptr)) {
    const none = ptr.code === "ENOTFOUND" || ptr.code === "ENODATA";
    return { address, names: [], confirmed: [], ...(none ? {} : { error: ptr.code }) };
  }
  const names = ptr.map((n) => n.replace(/\.$/, "").toLowerCase());
  const confirmed: string[] = [];
  for (const name of names) {
    const forward = await dns.addresses(name, family);
    if (Array.isArray(forward) && forward.some((a) => sameAddress(a, address))) confirmed.push(name);
  }
  return { address, names, confirmed };
}

function sameAddress(a: string, b: string): boolean {
  if (!a.includes(":") || !b.includes(":")) return a === b;
  return addressBytes(a, 6).equals(addressBytes(b, 6));
}
