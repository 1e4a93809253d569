/**
 * DNS for address expansion and forward-confirmed reverse DNS: one resolver per (server, timeout)
 * per run, pointed at the configured server (`resolver: HOST[:PORT]`) or the system's, with the
 * most recently asked answers cached (RUN_DNS_CACHE of them: the MX hosts many domains share stay,
 * and a fleet of 100,000 domains does not keep every answer to the end). Every query is bounded by the target's `timeout`, and at most
 * DNS_CONCURRENCY queries are in flight at once: a zone whose servers never answer costs one
 * timeout per wave of queries, not one per query in a row. PTR records are asked for by name
 * (`7.2.0.192.in-addr.arpa`, RFC 1035 §3.5; `ip6.arpa`, RFC 3596 §2.5) so that the configured
 * server answers them: node's Resolver.reverse() may answer from /etc/hosts instead.
 */
import { Resolver, lookup } from "node:dns/promises";
import { addressBytes } from "../protocol/proxy-header.js";
import { expandMx, type MxExpansion, type MxResolver } from "./mx.js";
import type { ReverseDns } from "../model/report.js";

export interface DnsServer {
  host: string;
  port: number;
}

/** Queries in flight at once, per resolver: enough for an MX set's A and AAAA in one wave. */
export const DNS_CONCURRENCY = 16;

/** What the expansion asks of DNS; cached per run. A failure is a value with c-ares' code. */
export interface RunDns {
  mx(domain: string): Promise<MxExpansion>;
  addresses(host: string, family: 4 | 6): Promise<string[] | { code: string }>;
  ptr(address: string): Promise<string[] | { code: string }>;
  /** TXT records at `name`, each as its strings (`_mta-sts.`, `_smtp._tls.`: RFC 8461 §3.1, RFC 8460 §3). */
  txt(name: string): Promise<string[][] | { code: string }>;
  /** A target's own host name (DnsResolver.lookupHost). */
  host(name: string, family: 4 | 6): Promise<string[] | { code: string }>;
  /** The run needs no more answers: queries still waiting or in flight end now (code ECANCELLED). */
  close(): void;
}

/**
 * The lookups every part of smtp-gate asks for, each bounded and counted (see createResolver);
 * `lookupHost` is a target's own host name as a connection would look it up: through the
 * configured server, or without one the system's lookup (getaddrinfo: /etc/hosts, then DNS),
 * as node's connect does.
 */
export interface DnsResolver extends MxResolver {
  resolvePtr(name: string): Promise<string[]>;
  resolveTxt(name: string): Promise<string[][]>;
  lookupHost(name: string, family: 4 | 6): Promise<string[]>;
  /** Ends every query waiting or in flight (code ECANCELLED): a process need not wait for them to time out. */
  cancel(): void;
}

/**
 * The one place a resolver is made: the user's server (or the system's), each query given up
 * after `timeoutMs` with code ETIMEOUT whatever c-ares does, at most `concurrency` in flight.
 */
export function createResolver(server: DnsServer | undefined, timeoutMs: number, concurrency = DNS_CONCURRENCY): DnsResolver {
  // Two tries, each at most half the budget (maxTimeout stops c-ares doubling the second).
  const half = Math.max(1, Math.floor(timeoutMs / 2));
  // maxTimeout is in Node 24's Resolver, not yet in the ResolverOptions of the @types/node used here.
  const r = new Resolver({ timeout: half, tries: 2, maxTimeout: half } as ConstructorParameters<typeof Resolver>[0]);
  if (server) r.setServers([server.host.includes(":") ? `[${server.host}]:${server.port}` : `${server.host}:${server.port}`]);
  const slot = limiter(concurrency);
  const bounded = <A extends unknown[], R>(ask: (...a: A) => Promise<R>) => (...a: A): Promise<R> => slot(() => withTimeout(ask(...a), timeoutMs));
  const resolve4 = bounded((name: string) => r.resolve4(name));
  const resolve6 = bounded((name: string) => r.resolve6(name));
  const system = bounded(async (name: string, family: 4 | 6) => (await lookup(name, { all: true, family })).map((a) => a.address));
  return {
    resolveMx: bounded((name: string) => r.resolveMx(name)),
    resolve4,
    resolve6,
    resolvePtr: bounded((name: string) => r.resolvePtr(name)),
    resolveTxt: bounded((name: string) => r.resolveTxt(name)),
    lookupHost: (name, family) => (server ? (family === 4 ? resolve4(name) : resolve6(name)) : system(name, family)),
    cancel: () => {
      slot.cancel();
      r.cancel();
    },
  };
}

/** How many answers a run's DNS keeps: memory follows the concurrency, not the number of targets. */
export const RUN_DNS_CACHE = 4096;

export function runDns(resolver: DnsResolver, cacheSize = RUN_DNS_CACHE): RunDns {
  const cache = new RecentlyUsed<Promise<unknown>>(cacheSize);
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
    host: (name, family) => once(`host${family} ${name}`, () => settle(() => resolver.lookupHost(name, family))),
    close: () => resolver.cancel(),
  };
}

/**
 * A map that keeps its `size` most recently used entries: a Map iterates in insertion order, so a
 * hit is moved to the end and the first key is the least recently used.
 */
export class RecentlyUsed<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly size: number) {}

  get(key: string): V | undefined {
    const v = this.entries.get(key);
    if (v !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, v);
    }
    return v;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string);
  }
}

/** Rejects with code ETIMEOUT once `ms` pass: the query is given up, whatever c-ares still does with it. */
function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no DNS answer within ${ms / 1000}s`), { code: "ETIMEOUT" })), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** Runs at most `n` of the given tasks at once; the others wait their turn, in order, until cancel(). */
function limiter(n: number): (<T>(task: () => Promise<T>) => Promise<T>) & { cancel(): void } {
  let running = 0;
  let cancelled = false;
  const waiting: { go: () => void; stop: (e: Error) => void }[] = [];
  const cancelledError = () => Object.assign(new Error("the run needs no more DNS answers"), { code: "ECANCELLED" });
  const run = async <T>(task: () => Promise<T>): Promise<T> => {
    if (cancelled) throw cancelledError();
    if (running >= n) await new Promise<void>((go, stop) => waiting.push({ go, stop }));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.go();
    }
  };
  return Object.assign(run, {
    cancel: () => {
      cancelled = true;
      for (const w of waiting.splice(0)) w.stop(cancelledError());
    },
  });
}

/**
 * `p`'s answer, or `late` once `deadline` (monotonicMs()) has passed: a target's deadline bounds
 * its whole expansion, while the query itself stays in the cache for whoever asks with more time.
 */
export function beforeDeadline<T>(p: Promise<T>, deadline: number, now: number, late: () => T): Promise<T> {
  if (deadline === Infinity) return p;
  let timer: NodeJS.Timeout | undefined;
  const cut = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(late()), Math.max(0, deadline - now));
  });
  return Promise.race([p, cut]).finally(() => clearTimeout(timer));
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
  // Each name's forward lookup at once: one timeout for all of them, not one each.
  const forward = await Promise.all(names.map((name) => dns.addresses(name, family)));
  const confirmed = names.filter((_, i) => {
    const f = forward[i];
    return Array.isArray(f) && f.some((a) => sameAddress(a, address));
  });
  return { address, names, confirmed };
}

function sameAddress(a: string, b: string): boolean {
  if (!a.includes(":") || !b.includes(":")) return a === b;
  return addressBytes(a, 6).equals(addressBytes(b, 6));
}
